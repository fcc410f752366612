#!/usr/bin/env bash
# Installs GNU oSIP2 and sofia-sip from Debian when missing (the benchmark only: the project
# itself does not need them), builds sip-parse-bench and runs it.
#
#   bench/run-sip-bench.sh [SECONDS]     (seconds per measurement, default 2)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-2}
missing=()
for p in libosip2-dev libsofia-sip-ua-dev pkg-config; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    echo "run-sip-bench.sh: installing ${missing[*]}"
    "${sudo[@]}" apt-get update -q
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        "${missing[@]}"
fi
cd "$here"
# reconfigure so that CMake finds the libraries just installed
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --target sip-parse-bench
./build/bin/sip-parse-bench --seconds="$seconds"
