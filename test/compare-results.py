#!/usr/bin/env python3
"""Compares two imssec results databases run for run, ignoring what a rerun may change.

Runs are matched by (batch, run_label, seed, run).  For each matched pair the parameters
(every column of `runs` but the wall-clock and provenance ones), the metrics, the time series
and the event log must be equal.  Used to show that a refactoring leaves the simulated
behaviour unchanged: run the same batch before and after, then

    test/compare-results.py before.sqlite after.sqlite [--tolerance 0]

Exit 0 when equal, 1 with one line per difference (at most --max-lines), 2 on bad input.
"""
import argparse
import math
import sqlite3
import sys

# Columns of `runs` that differ between two executions of the same run by design.
IGNORED_RUN_COLUMNS = {"run_id", "model_version", "started_at", "wall_seconds"}
KEY = ("batch", "run_label", "seed", "run")


def open_db(path):
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        db.execute("SELECT 1 FROM runs LIMIT 1")
        return db
    except sqlite3.Error as e:
        print(f"compare-results.py: {path}: not an imssec results database ({e})", file=sys.stderr)
        sys.exit(2)


def load(db):
    cols = [r[1] for r in db.execute("PRAGMA table_info(runs)")]
    runs = {}
    for row in db.execute("SELECT * FROM runs"):
        rec = dict(zip(cols, row))
        key = tuple(rec[k] for k in KEY)
        runs[key] = rec
    return runs


def rows(db, table, run_id, columns):
    return sorted(db.execute(f"SELECT {columns} FROM {table} WHERE run_id = ?", (run_id,)))


def differs(a, b, tolerance):
    if isinstance(a, float) or isinstance(b, float):
        if a is None or b is None:
            return a is not b
        if math.isnan(a) and math.isnan(b):
            return False
        return abs(a - b) > tolerance * max(1.0, abs(a), abs(b))
    return a != b


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("--tolerance", type=float, default=0.0,
                    help="relative tolerance for real values (default 0: exact)")
    ap.add_argument("--max-lines", type=int, default=50)
    args = ap.parse_args()
    a_db, b_db = open_db(args.before), open_db(args.after)
    a_runs, b_runs = load(a_db), load(b_db)
    problems = []
    for key in sorted(set(a_runs) - set(b_runs), key=str):
        problems.append(f"run {key}: only in {args.before}")
    for key in sorted(set(b_runs) - set(a_runs), key=str):
        problems.append(f"run {key}: only in {args.after}")
    matched = sorted(set(a_runs) & set(b_runs), key=str)
    for key in matched:
        ra, rb = a_runs[key], b_runs[key]
        for col in sorted((set(ra) | set(rb)) - IGNORED_RUN_COLUMNS):
            if differs(ra.get(col), rb.get(col), args.tolerance):
                problems.append(f"run {key}: {col}: {ra.get(col)!r} != {rb.get(col)!r}")
        ma = dict(rows(a_db, "metrics", ra["run_id"], "name, value"))
        mb = dict(rows(b_db, "metrics", rb["run_id"], "name, value"))
        for name in sorted(set(ma) | set(mb)):
            if name not in ma or name not in mb:
                where = args.after if name not in ma else args.before
                problems.append(f"run {key}: metric {name}: only in {where}")
            elif differs(ma[name], mb[name], args.tolerance):
                problems.append(f"run {key}: metric {name}: {ma[name]!r} != {mb[name]!r}")
        for table, columns in (("timeseries", "time_s, name, value"),
                               ("events", "time_s, node, kind, detail")):
            ta = rows(a_db, table, ra["run_id"], columns)
            tb = rows(b_db, table, rb["run_id"], columns)
            if len(ta) != len(tb) or any(
                    any(differs(x, y, args.tolerance) for x, y in zip(p, q))
                    for p, q in zip(ta, tb)):
                problems.append(f"run {key}: {table}: {len(ta)} rows != {len(tb)} rows "
                                "or values differ")
    for line in problems[: args.max_lines]:
        print(line)
    if len(problems) > args.max_lines:
        print(f"... and {len(problems) - args.max_lines} more")
    if problems:
        print(f"{len(problems)} differences in {len(matched)} matched runs")
        return 1
    print(f"{len(matched)} runs equal ({args.before} vs {args.after})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
