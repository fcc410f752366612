"""The checks the validation scripts share: each prints one line; finish() gives the exit code."""
import sys

failures = []


def check(ok, what):
    print(("ok    " if ok else "FAIL  ") + what)
    if not ok:
        failures.append(what)


def finish(success_message):
    if failures:
        print(f"{len(failures)} check(s) failed", file=sys.stderr)
        return 1
    print(success_message)
    return 0
