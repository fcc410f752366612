#!/usr/bin/env bash
# CTest test "sip-fuzzer": builds the SIP parser fuzzer (build-sip-fuzzer.sh, clang) and runs
# it for a short time over the kept corpus, with inputs up to one byte past the parser's
# 64 KB limit (SipParser::MAX_MESSAGE_SIZE), so that a fuzzer that no longer builds or a new
# crash or broken invariant fails the test suite.  Nothing is written into the source tree.
#
#   test/fuzz/sip-fuzzer-test.sh BUILDDIR [SECONDS]     (default 45 s)
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:?usage: sip-fuzzer-test.sh BUILDDIR [SECONDS]}
seconds=${2:-45}
out="$build/fuzz"
fuzzer=$("$here/test/fuzz/build-sip-fuzzer.sh" "$out" | tail -n 1)
work=$(mktemp -d "$out/work.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"
# -max_len: 65536 = MAX_MESSAGE_SIZE + 1, so both sides of the limit are reached; -len_control=0
# tries long inputs from the start (by default libFuzzer lengthens them slowly: after 15 min
# it had reached about 4.8 KB).
"$fuzzer" -max_len=65536 -len_control=0 -max_total_time="$seconds" -timeout=10 -rss_limit_mb=1536 \
    -dict="$here/test/fuzz/sip.dict" -print_final_stats=1 \
    "$work" "$here/contrib/imssec/test/sip-corpus" "$here/contrib/imssec/test/sip-messages"
