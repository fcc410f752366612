#!/usr/bin/env bash
# End-to-end test of the experiment programs: the scenario program refuses bad options with
# exit code 2 before simulating, writes one run per invocation into SQLite, and the batch
# tool runs a grid in parallel, skips completed runs on a rerun, lists and reports them, and
# the plotting script draws the figures from the database alone.
# Usage: experiment-tools-test.sh BUILD_DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
scenario=$build/bin/imssec-scenario
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# bad options: exit 2, a message naming the option, no database created
for bad in --ues=0 --addrPrefLength=200 --rotationInterval=soon --noSuchOption=1 \
    --pcscfPolicy=maybe --accessLoss=2 --seed=0 --sampleInterval=0 positional; do
    set +e
    "$scenario" "$bad" --db="$dir/bad.sqlite" >"$dir/out" 2>"$dir/err"
    rc=$?
    set -e
    [ "$rc" -eq 2 ] || fail "$bad: exit $rc, expected 2"
    name=${bad%%=*}
    grep -q -- "$name" "$dir/err" || fail "$bad: the message does not name the option: $(cat "$dir/err")"
    [ ! -e "$dir/bad.sqlite" ] || fail "$bad: a database was created"
done
echo "ok    bad options exit 2 naming the option"

# one run, written in one transaction with its parameters and metrics
"$scenario" --ues=2 --simTime=30min --rotationInterval=10min --db="$dir/one.sqlite" \
    --batch=t --runLabel=one --progress=1 2>"$dir/progress" >/dev/null
grep -q "simulated" "$dir/progress" || fail "no progress lines on stderr"
rows=$(sqlite3 "$dir/one.sqlite" "SELECT COUNT(*) FROM runs WHERE status='ok' AND ues=2 \
    AND rotationInterval=600 AND simTime=1800 AND model_version != ''")
[ "$rows" = 1 ] || fail "the run row with its parameters is missing ($rows)"
metrics=$(sqlite3 "$dir/one.sqlite" "SELECT COUNT(*) FROM metrics")
[ "$metrics" -gt 50 ] || fail "only $metrics metrics"
series=$(sqlite3 "$dir/one.sqlite" "SELECT COUNT(*) FROM timeseries WHERE name='pcscf_sad_size'")
[ "$series" = 30 ] || fail "expected 30 SAD samples, got $series"
echo "ok    one run: parameters, $metrics metrics, time series"

# an attack is a scenario option; its outcome is recorded like any other metric
for l in 128 64; do
    "$scenario" --ues=3 --simTime=5min --addrPrefLength=$l --attack=on-prefix-spoof --progress=0 \
        --db="$dir/attack.sqlite" --runLabel="apl=$l" >/dev/null
done
r=$(sqlite3 "$dir/attack.sqlite" "SELECT COUNT(*) FROM runs JOIN metrics m1 USING (run_id) \
    JOIN metrics m2 USING (run_id) WHERE attack = 'on-prefix-spoof' AND m1.name = 'threat_attempts' \
    AND m1.value > 0 AND m2.name = 'threat_delivered_to_sip' AND m2.value = 0")
[ "$r" = 2 ] || fail "attack runs: $r of 2 recorded with attempts and nothing delivered"
echo "ok    attack runs recorded"

# a batch: 2 x 2 grid x 2 runs, in parallel
cat >"$dir/t.batch" <<BATCH
name = t
db = $dir/batch.sqlite
program = $scenario
set ues=2 simTime=30min progress=0
grid addrPrefLength = 128 64
grid rotationInterval = 5min 10min
runs = 1..2
BATCH
"$root/tools/imssec-batch" run "$dir/t.batch" --jobs 2 >"$dir/batch.out"
ok=$(sqlite3 "$dir/batch.sqlite" "SELECT COUNT(*) FROM runs WHERE batch='t' AND status='ok'")
[ "$ok" = 8 ] || fail "batch: $ok runs ok, expected 8"
"$root/tools/imssec-batch" status "$dir/t.batch" | grep -q "8 of 8 runs done" ||
    fail "status does not report 8 done: $("$root/tools/imssec-batch" status "$dir/t.batch")"
"$root/tools/imssec-batch" run "$dir/t.batch" --jobs 2 >"$dir/rerun.out" 2>&1
grep -q "8 already in .*, 0 to run" "$dir/rerun.out" || fail "rerun did not skip: $(cat "$dir/rerun.out")"
ok=$(sqlite3 "$dir/batch.sqlite" "SELECT COUNT(*) FROM runs WHERE batch='t'")
[ "$ok" = 8 ] || fail "rerun changed the run count to $ok"
[ "$("$root/tools/imssec-batch" list "$dir/t.batch" | wc -l)" = 8 ] || fail "list: not 8 commands"
# same parameters and seed give the same metrics (reproducible runs)
a=$(sqlite3 "$dir/batch.sqlite" "SELECT value FROM metrics JOIN runs USING (run_id) WHERE \
    run_label='addrPrefLength=128;rotationInterval=5min' AND run=1 AND name='pcscf_rx_msgs'")
"$scenario" --ues=2 --simTime=30min --addrPrefLength=128 --rotationInterval=5min --run=1 \
    --progress=0 --db=none >"$dir/again"
b=$(awk '$1 == "pcscf_rx_msgs" { print $2 }' "$dir/again")
[ -n "$a" ] && [ "$(awk -v a="$a" -v b="$b" 'BEGIN { print (a + 0 == b + 0) }')" = 1 ] || fail "rerunning a run gave pcscf_rx_msgs $b, the batch $a"
echo "ok    batch: 8 runs in parallel, rerun skipped them, runs reproducible"

# a bad batch file is refused
printf 'name = x\ngrid ues\n' >"$dir/bad.batch"
if "$root/tools/imssec-batch" run "$dir/bad.batch" 2>"$dir/err"; then
    fail "a bad batch file was accepted"
fi
grep -q "bad.batch:2" "$dir/err" || fail "the error does not name the line: $(cat "$dir/err")"
echo "ok    bad batch file refused with its line"

# figures from the database alone
"$root/tools/imssec-plot" "$dir/batch.sqlite" --out "$dir/fig" >"$dir/figs"
for f in rotation-registrations dropped-sessions sa-churn pcscf-load pcscf-sad-size; do
    png="$dir/fig/batch-$f.png"
    [ -s "$png" ] || fail "figure $f missing: $(cat "$dir/figs")"
    file "$png" | grep -q "PNG image" || head -c 8 "$png" | grep -q "PNG" || fail "$f is not a PNG"
done
echo "ok    figures drawn from the database"

# any metric against any parameter, grouped and faceted, in paper formats; names read from
# the database, bad names refused with one line
"$root/tools/imssec-plot" "$dir/batch.sqlite" --out "$dir/fig" --x addrPrefLength \
    --y registrations_address_change+registrations_contact_refresh --per-ue-day \
    --facet rotationInterval --format png,pdf,svg --name anyfig >"$dir/figs"
for ext in png pdf svg; do
    [ -s "$dir/fig/batch-anyfig.$ext" ] || fail "general figure .$ext missing: $(cat "$dir/figs")"
done
head -c 4 "$dir/fig/batch-anyfig.pdf" | grep -q "%PDF" || fail "anyfig.pdf is not a PDF"
grep -q "<svg" "$dir/fig/batch-anyfig.svg" || fail "anyfig.svg is not SVG"
printf '# two figures\n--x rotationInterval --y sessions_dropped --logx --name s1\n\n--x addrPrefLength --y pcscf_sa_sets_created --group rotationInterval --name s2\n' >"$dir/figs.spec"
"$root/tools/imssec-plot" "$dir/batch.sqlite" --out "$dir/fig" --spec "$dir/figs.spec" >"$dir/figs"
[ -s "$dir/fig/batch-s1.png" ] && [ -s "$dir/fig/batch-s2.png" ] || fail "spec figures missing"
"$root/tools/imssec-plot" "$dir/batch.sqlite" --list >"$dir/list"
grep -q "^metrics: .*pcscf_sa_sets_created" "$dir/list" || fail "--list does not name the metrics"
for bad in "--x nosuch --y sessions_dropped" "--x ues --y no_such_metric" "--x ues" \
    "--x ues --y sessions_dropped --format gif"; do
    set +e
    # shellcheck disable=SC2086
    "$root/tools/imssec-plot" "$dir/batch.sqlite" --out "$dir/fig" $bad >"$dir/out" 2>"$dir/err"
    rc=$?
    set -e
    [ "$rc" -eq 2 ] || fail "imssec-plot $bad: exit $rc, expected 2"
    [ "$(wc -l <"$dir/err")" -eq 1 ] || fail "imssec-plot $bad: not one line: $(cat "$dir/err")"
done
printf -- '--x ues --bogus\n' >"$dir/bad.spec"
set +e
"$root/tools/imssec-plot" "$dir/batch.sqlite" --spec "$dir/bad.spec" 2>"$dir/err"
rc=$?
set -e
[ "$rc" -eq 2 ] && grep -q "bad.spec:1" "$dir/err" || fail "a bad spec line was not refused with file:line"
echo "ok    general figures: any metric against any parameter, png/pdf/svg, spec files"
