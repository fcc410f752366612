#!/usr/bin/env bash
# Runs the SIP parser fuzzer, then minimizes what it found into the corpus kept in the test
# tree (contrib/imssec/test/sip-corpus/, replayed by the imssec-sip-corpus CTest suite).
#
#   test/fuzz/run-sip-fuzzer.sh [SECONDS] [JOBS]     (default 300 s, 1 job)
#
# A crash or broken invariant stops the run and leaves crash-* / leak-* files in build-fuzz/:
# fix the codec, then copy the file to the corpus as regression-<name>.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-300}
jobs=${2:-1}
fuzzer=$("$here/test/fuzz/build-sip-fuzzer.sh" | tail -n 1)
work="$here/build-fuzz/work-corpus"
kept="$here/contrib/imssec/test/sip-corpus"
mkdir -p "$work" "$kept"
cd "$here/build-fuzz"
"$fuzzer" -max_len=65536 -max_total_time="$seconds" -jobs="$jobs" -workers="$jobs" \
    -dict="$here/test/fuzz/sip.dict" -print_final_stats=1 \
    "$work" "$kept" "$here/contrib/imssec/test/sip-messages"
# keep a minimized corpus: the smallest set of inputs (at most 1 KiB each) that covers the
# same code edges; inputs that once broke an invariant stay as regression-* files
fresh="$here/build-fuzz/minimized"
rm -rf "$fresh" && mkdir -p "$fresh"
"$fuzzer" -merge=1 -use_counters=0 -max_len=1024 "$fresh" "$kept" "$work"
find "$kept" -type f ! -name 'regression-*' -delete
cp "$fresh"/* "$kept"/
echo "corpus: $(ls "$kept" | wc -l) files, $(du -sh "$kept" | cut -f1) in $kept"
