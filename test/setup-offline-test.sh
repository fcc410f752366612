#!/usr/bin/env bash
# setup.sh on a machine that cannot reach the package mirror must stop with a clear message
# (not a compiler error cascade later).  The mirror is made unreachable with an apt
# configuration that points at a closed local proxy, and one package is made to look missing.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/bin"
cat > "$tmp/bin/dpkg-query" <<'EOS'
#!/bin/sh
case "$*" in *tshark*) exit 1;; esac
exec /usr/bin/dpkg-query "$@"
EOS
chmod +x "$tmp/bin/dpkg-query"
echo 'Acquire::http::Proxy "http://127.0.0.1:9"; Acquire::https::Proxy "http://127.0.0.1:9";' \
    > "$tmp/apt.conf"
out=$(PATH="$tmp/bin:$PATH" APT_CONFIG="$tmp/apt.conf" "$here/setup.sh" --deps-only 2>&1)
rc=$?
echo "$out" | tail -n 3
if [ $rc -eq 0 ]; then
    echo "FAIL: setup.sh succeeded without a reachable mirror"
    exit 1
fi
if ! echo "$out" | grep -qE 'setup.sh: (cannot reach the Debian package mirror|installing .* needs root)'; then
    echo "FAIL: no clear message"
    exit 1
fi
echo "PASS: setup.sh stopped with exit $rc and a clear message"
