#!/usr/bin/env bash
# End-to-end test of the experiment tools against what goes wrong: runs never replace each
# other unasked, a locked, corrupt, truncated, empty or foreign database is refused in one
# line by every tool, the batch tool's runs end with it whatever signal ends it, and bad batch
# files and arguments get one line and exit code 2.
# Usage: experiment-tools-robustness-test.sh BUILD_DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
scenario=$build/bin/imssec-scenario
batch=$root/tools/imssec-batch
plot=$root/tools/imssec-plot
dir=$(mktemp -d)
holder=
trap 'exec 3>&- 2>/dev/null || true; [ -z "$holder" ] || wait "$holder" || true; rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
export IMSSEC_DB_TIMEOUT=1 # seconds the Python tools wait for a lock

# expect RC PATTERN CMD...: CMD exits RC and prints exactly one line on stderr matching PATTERN
expect() {
    local want=$1 pattern=$2
    shift 2
    set +e
    "$@" >"$dir/out" 2>"$dir/err"
    local rc=$?
    set -e
    [ "$rc" -eq "$want" ] || fail "$*: exit $rc, expected $want: $(cat "$dir/err")"
    [ "$(wc -l <"$dir/err")" -eq 1 ] || fail "$*: not one line: $(cat "$dir/err")"
    grep -q -- "$pattern" "$dir/err" || fail "$*: '$pattern' not in: $(cat "$dir/err")"
    if grep -q "Traceback" "$dir/err" "$dir/out"; then fail "$*: traceback"; fi
}
tiny=(--simTime=5min --progress=0)

# --- ad-hoc runs: other parameters, other identity; the same run is refused unless asked
"$scenario" --ues=2 "${tiny[@]}" --db="$dir/adhoc.sqlite" >"$dir/a1"
"$scenario" --ues=3 "${tiny[@]}" --db="$dir/adhoc.sqlite" >"$dir/a2"
[ "$(sqlite3 "$dir/adhoc.sqlite" "SELECT COUNT(*) FROM runs")" = 2 ] ||
    fail "two ad-hoc runs with other --ues left $(sqlite3 "$dir/adhoc.sqlite" "SELECT COUNT(*) FROM runs") rows"
[ "$(grep -h "written" "$dir/a1" "$dir/a2" | sort -u | wc -l)" = 2 ] || fail "both runs say the same run id"
expect 2 "already in .*adhoc.sqlite as run_id 1" "$scenario" --ues=2 "${tiny[@]}" --db="$dir/adhoc.sqlite"
"$scenario" --ues=2 "${tiny[@]}" --db="$dir/adhoc.sqlite" --replace=yes >/dev/null
[ "$(sqlite3 "$dir/adhoc.sqlite" "SELECT COUNT(*) FROM runs")" = 2 ] || fail "--replace=yes added a row"
if "$scenario" --replace=maybe --db="$dir/adhoc.sqlite" 2>"$dir/err"; then fail "--replace=maybe accepted"; fi
grep -q "replace=maybe: needs no, failed or yes" "$dir/err" || fail "--replace=maybe: $(cat "$dir/err")"
echo "ok    ad-hoc runs keep their own identity; replacing needs --replace"

# --- a locked database is an error, not an empty one
cat >"$dir/l.batch" <<BATCH
name = l
db = $dir/adhoc.sqlite
program = $scenario
set simTime=5min progress=0
grid ues = 2 3
BATCH
mkfifo "$dir/hold"
python3 -c '
import sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("PRAGMA locking_mode=EXCLUSIVE")
con.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.read()' "$dir/adhoc.sqlite" <"$dir/hold" >"$dir/held" &
holder=$!
exec 3>"$dir/hold"
for _ in $(seq 600); do grep -q locked "$dir/held" && break; sleep 0.1; done
grep -q locked "$dir/held" || fail "could not lock the database"
expect 2 "adhoc.sqlite is locked by another process" "$batch" status "$dir/l.batch"
expect 2 "adhoc.sqlite is locked by another process" "$batch" run --dry-run "$dir/l.batch"
expect 2 "adhoc.sqlite is locked by another process" "$plot" "$dir/adhoc.sqlite" --out "$dir/fig"
exec 3>&-
wait "$holder"
holder=
echo "ok    a locked database is reported, not read as empty"

# --- broken files: every tool says what is wrong in one line
"$scenario" --ues=3 --simTime=2h --progress=0 --events=1 --db="$dir/good.sqlite" >/dev/null
sqlite3 "$dir/good.sqlite" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cat >"$dir/g.batch" <<BATCH
name = g
db = $dir/broken.sqlite
program = $scenario
set ues=3 simTime=2h progress=0
BATCH
page=$(sqlite3 "$dir/good.sqlite" "SELECT pageno FROM dbstat WHERE name = 'timeseries' AND \
    pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET 2")
[ -n "$page" ] || fail "no timeseries leaf page to damage"
check_broken() { # FILE-MAKER PATTERN
    cp "$dir/good.sqlite" "$dir/broken.sqlite"
    $1
    expect 2 "$2" "$batch" status "$dir/g.batch"
    expect 2 "$2" "$batch" run --dry-run "$dir/g.batch"
    expect 2 "$2" "$plot" "$dir/broken.sqlite" --out "$dir/fig"
    [ ! -e "$dir/fig" ] || fail "figures drawn from a broken database"
}
garbage_page() { head -c 4096 < <(yes garbage) | dd of="$dir/broken.sqlite" bs=4096 seek=$((page - 1)) conv=notrunc status=none; }
truncate_file() { truncate -s 20000 "$dir/broken.sqlite"; }
garbage_header() { printf 'garbage garbage garbage' | dd of="$dir/broken.sqlite" conv=notrunc status=none; }
empty_file() { : >"$dir/broken.sqlite"; }
foreign_file() { rm "$dir/broken.sqlite"; sqlite3 "$dir/broken.sqlite" "CREATE TABLE other (x)"; }
check_broken garbage_page "broken.sqlite is corrupt"
before=$(md5sum <"$dir/broken.sqlite")
expect 2 "broken.sqlite is corrupt" "$scenario" --ues=4 "${tiny[@]}" --db="$dir/broken.sqlite"
[ "$(md5sum <"$dir/broken.sqlite")" = "$before" ] || fail "the scenario wrote into a corrupt database"
check_broken truncate_file "broken.sqlite is truncated"
expect 2 "broken.sqlite is corrupt" "$scenario" --ues=4 "${tiny[@]}" --db="$dir/broken.sqlite"
check_broken garbage_header "broken.sqlite is not an SQLite database"
expect 2 "broken.sqlite is not an SQLite database" "$scenario" "${tiny[@]}" --db="$dir/broken.sqlite"
check_broken empty_file "broken.sqlite is an empty file"
check_broken foreign_file "not an imssec results database"
echo "ok    corrupt, truncated, foreign and empty databases refused in one line"

# --- the runs end with the batch tool, whatever signal ends it; no job file is left
cat >"$dir/k.batch" <<BATCH
name = k
db = $dir/kill.sqlite
program = $scenario
set ues=20 simTime=60d progress=0
runs = 1..2
BATCH
mkdir "$dir/tmp"
runs_alive() { # the scenario processes of this test's batch
    local n=0 pid
    for pid in $(pgrep -x imssec-scenario || true); do
        if tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -q -- "--db=$dir/kill.sqlite"; then
            n=$((n + 1))
        fi
    done
    echo "$n"
}
wait_runs() { # N: wait until N runs are alive
    for _ in $(seq 1200); do [ "$(runs_alive)" = "$1" ] && return 0; sleep 0.1; done
    fail "expected $1 runs alive, $(runs_alive) are"
}
for signal in KILL TERM; do
    TMPDIR=$dir/tmp "$batch" run "$dir/k.batch" --jobs 2 >/dev/null 2>&1 &
    tool=$!
    wait_runs 2
    kill -"$signal" "$tool"
    { wait "$tool"; } 2>/dev/null || true
    wait_runs 0
    [ -z "$(ls -A "$dir/tmp")" ] || fail "SIG$signal left files behind: $(ls -A "$dir/tmp")"
    if pgrep -f "parallel.*$dir/k.joblog" >/dev/null; then fail "SIG$signal left GNU parallel running"; fi
    echo "ok    SIG$signal of imssec-batch ends its runs"
done

# --- batch files: the tool's own options, repeated values, unknown names, bad input
bad_batch() { # PATTERN LINES...
    local pattern=$1
    shift
    printf 'name = b\ndb = %s\nprogram = %s\n' "$dir/b.sqlite" "$scenario" >"$dir/b.batch"
    printf '%s\n' "$@" >>"$dir/b.batch"
    expect 2 "$pattern" "$batch" run --dry-run "$dir/b.batch"
}
bad_batch "b.batch:4: 'seed' is imssec-batch's own option" "set seed=3"
bad_batch "b.batch:4: 'db' is imssec-batch's own option" "grid db = a b"
bad_batch "b.batch:4: 'runLabel' is imssec-batch's own option" "set runLabel=x"
bad_batch "b.batch:4: value '1' is given twice" "runs = 1 1"
bad_batch "b.batch:5: value '64' is given twice" "set ues=2" "grid addrPrefLength = 64 64"
bad_batch "b.batch:5: parameter 'ues' is already set at .*b.batch:4" "set ues=2" "grid ues = 2 3"
bad_batch "b.batch:5: unknown parameter 'noSuchOption'" "set ues=2" "grid noSuchOption = 1 2"
bad_batch "b.batch:4: range '1..1000000000' has 1000000000 values" "runs = 1..1000000000"
printf 'name = a/b\ndb = %s\n' "$dir/b.sqlite" >"$dir/b.batch"
expect 2 "b.batch:1: batch name 'a/b'" "$batch" run --dry-run "$dir/b.batch"
head -c 2000 "$scenario" >"$dir/binary.batch"
expect 2 "binary.batch: not a text file" "$batch" status "$dir/binary.batch"
expect 2 "nosuch.sqlite does not exist" "$batch" merge "$dir/m.sqlite" "$dir/nosuch.sqlite"
[ ! -e "$dir/nosuch.sqlite" ] && [ ! -e "$dir/m.sqlite" ] || fail "merge created a file"
"$scenario" --list-options | grep -qx addrPrefLength || fail "--list-options lacks addrPrefLength"
echo "ok    bad batch files and arguments refused in one line"

# --- merge never replaces a completed run
"$batch" merge "$dir/m.sqlite" "$dir/good.sqlite" >/dev/null
expect 2 "already in .*m.sqlite as run_id 1" "$batch" merge "$dir/m.sqlite" "$dir/good.sqlite"
[ "$(sqlite3 "$dir/m.sqlite" "SELECT COUNT(*) FROM runs")" = 1 ] || fail "merge added a run twice"
echo "ok    merge keeps completed runs"
