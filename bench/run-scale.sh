#!/usr/bin/env bash
# Builds and runs the scale benchmark (bench/scale.cc, README "Scale"): the default scenario
# (hourly rotation, 2 sessions/UE/h, holding 180 s, expires 3600 s) at 1,000, 10,000 and
# 50,000 UEs, and 100,000 when the machine has the memory, each beside the access-only ns-3
# baseline, each size and variant in its own process.
#
#   bench/run-scale.sh [HOURS] [ADDR_PREF_LENGTH]     (simulated hours per run, default 2;
#                                                      addr-pref-length 128 or 64, default 128)
#   UES=1000,10000 bench/run-scale.sh                 (other sizes)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
hours=${1:-2}
apl=${2:-128}
cd "$here"
[ -d build ] || cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j2 --target imssec-bench-scale >/dev/null
if [ -z "${UES:-}" ]; then
    # 100,000 UEs need about 100 KB each at peak: only when 12 GB are available.
    avail_kb=$(awk '/MemAvailable/ {print $2}' /proc/meminfo)
    UES=1000,10000,50000
    if [ "$avail_kb" -gt 12000000 ]; then
        UES=$UES,100000
    fi
fi
echo "# $(date -u +%FT%TZ) $(git rev-parse --short HEAD 2>/dev/null || echo '?'); $(nproc) cores;" \
     "$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo);" \
     "$(lscpu | sed -n 's/^Model name: *//p')"
./build/bin/imssec-bench-scale --ues="$UES" --hours="$hours" --addrPrefLength="$apl"
