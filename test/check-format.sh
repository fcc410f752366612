#!/usr/bin/env bash
# Fails (and names the files) when a C++ file of the project is not formatted with the
# project's .clang-format (ns-3.37's settings).  Fix with: test/check-format.sh --fix
set -euo pipefail
cd "$(dirname "$0")/.."
formatter=$(command -v clang-format-14 || command -v clang-format || true)
if [ -z "$formatter" ]; then
    echo "clang-format not found: install clang-format (./setup.sh does)" >&2
    exit 1
fi
mapfile -t files < <(git ls-files --cached --others --exclude-standard -- \
    '*.cc' '*.h' | grep -v '^results/' | while read -r f; do [ -f "$f" ] && echo "$f"; done)
if [ "${1:-}" = "--fix" ]; then
    "$formatter" -i "${files[@]}"
    exit 0
fi
bad=()
for f in "${files[@]}"; do
    if ! "$formatter" --dry-run --Werror "$f" >/dev/null 2>&1; then
        bad+=("$f")
    fi
done
if [ ${#bad[@]} -gt 0 ]; then
    echo "not formatted (run test/check-format.sh --fix):" >&2
    printf '  %s\n' "${bad[@]}" >&2
    exit 1
fi
echo "${#files[@]} files formatted"
