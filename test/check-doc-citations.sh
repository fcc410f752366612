#!/usr/bin/env bash
# Fails (and prints the lines) when the documentation or a comment cites a file that is not in
# the repository (the design notes and the flow contract that preceded the model chapter) or
# an issue number: the docs must stand on their own, so write out the rule or the flow, or
# point at the model chapter's section.  Scans every tracked or new file (C++, Python, shell,
# CMake, waf, reStructuredText, Markdown) except generated results.
#   test/check-doc-citations.sh              scan the repository
#   test/check-doc-citations.sh FILE...      scan these files only
#   test/check-doc-citations.sh --self-test  check that a citation is caught and clean text is not
set -euo pipefail
cd "$(dirname "$0")/.."
# Built from pieces so that this file does not match itself.
pattern='IMS''-FLOWS''\.md|DESIGN''\.md|\b[Ii]ssues? +#?[0-9]'

scan() {
    local found=0
    for f in "$@"; do
        if grep -nHE "$pattern" "$f"; then
            found=1
        fi
    done
    return $found
}

if [ "${1:-}" = "--self-test" ]; then
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    printf '// fixed in issue %s\n' 6 > "$tmp/issue.cc"
    printf 'see %s section 5\n' "DESIGN"".md" > "$tmp/design.rst"
    printf 'the contract of %s\n' "IMS""-FLOWS.md" > "$tmp/flows.h"
    printf 'Hss::Issue(vector); imssec-ims-flows-loss; TS 24.229 5.1.1.4\n' > "$tmp/clean.cc"
    for f in issue.cc design.rst flows.h; do
        if scan "$tmp/$f" >/dev/null; then
            echo "self-test: a citation in $f was not caught" >&2
            exit 1
        fi
    done
    if ! scan "$tmp/clean.cc" >/dev/null; then
        echo "self-test: clean text was reported" >&2
        exit 1
    fi
    echo "self-test passed"
    exit 0
fi

if [ $# -gt 0 ]; then
    files=("$@")
else
    mapfile -t files < <(git ls-files --cached --others --exclude-standard -- \
        '*.cc' '*.h' '*.py' '*.sh' '*.rst' '*.md' '*.txt' '*.cmake' '*.batch' 'wscript' \
        '*/wscript' | grep -v '^results/' | grep -vx 'test/check-doc-citations.sh' |
        while read -r f; do [ -f "$f" ] && echo "$f"; done)
fi
if ! scan "${files[@]}"; then
    echo "the lines above cite a file outside the repository or an issue number:" >&2
    echo "write out what they refer to, or point at the model chapter's section" >&2
    exit 1
fi
echo "${#files[@]} files cite no outside file and no issue number"
