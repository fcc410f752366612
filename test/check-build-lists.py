#!/usr/bin/env python3
"""Checks that the three descriptions of the imssec module agree.

* what the standalone build compiled (written by cmake/Ns3ContribShim.cmake from
  contrib/imssec/CMakeLists.txt, the build_lib form an ns-3.37 tree uses),
* contrib/imssec/wscript (waf trees), and the examples' CMakeLists.txt and wscript,
* the files on disk: every .cc/.h under model/, helper/ and test/ must be built.

Usage: check-build-lists.py BUILD_FILES_LISTING
"""
import ast
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
MODULE = ROOT / "contrib" / "imssec"


def wscript_lists(path):
    """Names of every list literal assigned at module level, and their strings."""
    tree = ast.parse(path.read_text(), str(path))
    files = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.List):
            files.update(ast.literal_eval(node.value))
    return files


def cmake_example_sources(path):
    return set(re.findall(r"SOURCE_FILES\s+([\w./-]+\.cc)", path.read_text()))


def wscript_example_sources(path):
    return set(re.findall(r"\.source\s*=\s*['\"]([\w./-]+\.cc)['\"]", path.read_text()))


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    built = {line.strip() for line in open(sys.argv[1]) if line.strip()}
    waf = wscript_lists(MODULE / "wscript")
    on_disk = {
        str(p.relative_to(MODULE))
        for sub in ("model", "helper", "test")
        for p in (MODULE / sub).rglob("*")
        if p.suffix in (".cc", ".h") and "corpus" not in p.parts
    }
    problems = []
    for name, a, b in (
        ("CMakeLists.txt (built)", built, waf),
        ("wscript", waf, built),
        ("the source tree", on_disk, built),
    ):
        for f in sorted(a - b):
            other = "wscript" if b is waf else "CMakeLists.txt"
            problems.append(f"{f}: in {name} but not in {other}")
    for f in sorted(built - on_disk):
        problems.append(f"{f}: listed but missing on disk")
    ex_cmake = cmake_example_sources(MODULE / "examples" / "CMakeLists.txt")
    ex_waf = wscript_example_sources(MODULE / "examples" / "wscript")
    for f in sorted(ex_cmake ^ ex_waf):
        problems.append(f"examples/{f}: listed in only one of examples/CMakeLists.txt, wscript")
    ex_disk = {p.name for p in (MODULE / "examples").glob("*.cc")}
    for f in sorted(ex_disk - ex_cmake):
        problems.append(f"examples/{f}: on disk but not built")
    for p in problems:
        print(p)
    print(f"{len(built)} module files, {len(ex_cmake)} examples checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
