#!/usr/bin/env bash
# CTest test "valgrind-scenario": a tiny imssec-scenario run (2 UEs, 2 simulated minutes)
# under valgrind, without an attack, with a tap attack and with an attacker node: no
# definite leak and no memory error in any of them.  A run with an attack once leaked the
# network's nodes at exit (a Ptr cycle through the threat helper's trace sinks).
#
#   test/valgrind-scenario-test.sh BUILDDIR
set -u
build=${1:?usage: valgrind-scenario-test.sh BUILDDIR}
command -v valgrind >/dev/null || { echo "FAIL: valgrind not found (apt-get install valgrind)"; exit 1; }
status=0
for attack in none bidding-down-server replay-esp; do
    log=$(mktemp)
    valgrind --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=99 \
        "$build/bin/imssec-scenario" --ues=2 --simTime=2min --attackTime=60s \
        --attack="$attack" --db=none >"$log" 2>&1
    rc=$?
    summary=$(grep -E 'ERROR SUMMARY|definitely lost' "$log" | sed 's/^==[0-9]*== //' | tr '\n' ' ')
    if [ $rc -ne 0 ]; then
        echo "FAIL: --attack=$attack: exit $rc: $summary"
        grep -A12 -E 'definitely lost in|Invalid|uninitialised' "$log" | head -n 40
        status=1
    else
        echo "PASS: --attack=$attack: $summary"
    fi
    rm -f "$log"
done
exit $status
