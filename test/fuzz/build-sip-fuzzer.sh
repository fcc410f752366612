#!/usr/bin/env bash
# Builds the libFuzzer target over imssec's SIP codec with clang (-fsanitize=fuzzer,address,
# undefined), apart from the GCC build: the codec's sources and the invariant checker
# (contrib/imssec/test/sip-codec-check.cc) are compiled again, instrumented.
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
tests="$here/contrib/imssec/test"
for h in "$sip"/*.h; do
    ln -sf "$h" "$out/include/ns3/$(basename "$h")"
done
# the codec without the ns-3 Header wrapper (which needs the whole ns-3 network module); the
# codec itself uses ns3::Ipv6Address (Via received=, sec-agree addresses), from libns3-network
mapfile -t sources < <(ls "$sip"/*.cc | grep -v sip-packet-header.cc)
"$clang" -std=c++17 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -DNS3_LOG_ENABLE -I"$out/include" -I"$tests" \
    "$here/test/fuzz/sip-parser-fuzzer.cc" "$tests/sip-codec-check.cc" "${sources[@]}" \
    -lns3-network -lns3-core -o "$out/sip-parser-fuzzer.tmp"
# replaced only once linked, so a failed build never leaves a stale binary to run
mv "$out/sip-parser-fuzzer.tmp" "$out/sip-parser-fuzzer"
echo "$out/sip-parser-fuzzer"
