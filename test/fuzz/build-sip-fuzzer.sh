#!/usr/bin/env bash
# Builds the libFuzzer target over imssec's SIP codec with clang (-fsanitize=fuzzer,address,
# undefined), apart from the GCC build: the codec's sources are compiled again, instrumented.
#
#   test/fuzz/build-sip-fuzzer.sh [OUTDIR]     (default build-fuzz/; prints the binary's path)
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$here/build-fuzz}
clang=$(command -v clang++ || command -v clang++-14 || true)
if [ -z "$clang" ]; then
    echo "build-sip-fuzzer.sh: clang++ not found (apt-get install clang)" >&2
    exit 1
fi
mkdir -p "$out/include/ns3"
sip="$here/contrib/imssec/model/sip"
for h in "$sip"/*.h; do
    ln -sf "$h" "$out/include/ns3/$(basename "$h")"
done
# the codec without the ns-3 Header wrapper (which needs the whole ns-3 network module)
mapfile -t sources < <(ls "$sip"/*.cc | grep -v sip-packet-header.cc)
"$clang" -std=c++17 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -DNS3_LOG_ENABLE -I"$out/include" \
    "$here/test/fuzz/sip-parser-fuzzer.cc" "${sources[@]}" \
    -lns3-core -o "$out/sip-parser-fuzzer"
echo "$out/sip-parser-fuzzer"
