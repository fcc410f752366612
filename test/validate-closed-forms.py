#!/usr/bin/python3
"""Validation against closed forms (CTest label `validation`; model chapter, Experiments).

Runs a small batch with the real batch tool and scenario program into a fresh database, then
checks, over the seeds:
  * /128 + drop-and-reregister: address-change registrations = rotations of the UEs; sessions
    dropped per rotation = sessions in progress = lambda * h (Little's law), within the 95 %
    confidence interval over seeds (widened by the model's known second-order effects: see
    TOLERANCE);
  * /64 (covering the allocated /64): no address-change registrations, no SA sets beyond
    initial and refresh registrations, no session dropped by an address change;
  * refresh registrations per UE = run time / refresh period (TS 24.229: expiry - 600 s) in
    the modes where no address change restarts the registration;
  * a registration is 4 messages UE<->P-CSCF and 4 P-CSCF<->S-CSCF.
Usage: validate-closed-forms.py BUILD_DIR
"""
import math
import os
import sqlite3
import subprocess
import sys
import tempfile
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from validation_checks import check, finish  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# two-sided 95 % Student t quantiles for 1..10 degrees of freedom
T95 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228]

UES = 20
SIM_TIME = 6 * 3600
ROTATION = 15 * 60
SESSION_RATE = 2.0       # originating, per UE per hour
TERMINATING_RATE = 1.0   # per UE per hour
HOLDING = 180.0          # s, exponential
EXPIRES = 3600           # s: refresh every EXPIRES - 600 s
SEEDS = 4
# Sessions in progress at a rotation also include sessions being set up (about 3 s of the
# answer delay and signalling): lambda * (h + setup) is the expected value; the relative
# tolerance covers that term and the Poisson noise of a 4-seed batch.
TOLERANCE = 0.25


def mean_ci(values):
    n = len(values)
    mean = sum(values) / n
    if n < 2:
        return mean, float("inf")
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
    return mean, T95[min(n - 2, len(T95) - 1)] * sd / math.sqrt(n)


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build")
    program = os.path.join(build, "bin", "imssec-scenario")
    with tempfile.TemporaryDirectory(prefix="imssec-validation-") as tmp:
        db = os.path.join(tmp, "validation.sqlite")
        batch = os.path.join(tmp, "validation.batch")
        with open(batch, "w") as f:
            f.write(f"""name = validation
db = {db}
program = {program}
set ues={UES} simTime={SIM_TIME} rotationInterval={ROTATION} sessionRate={SESSION_RATE}
set terminatingRate={TERMINATING_RATE} holdingTime={HOLDING} registrationExpires={EXPIRES}
set progress=0
grid addrPrefLength = 128 64
grid rotationPolicy = drop-and-reregister no-rotation
runs = 1..{SEEDS}
""")
        rc = subprocess.call([os.path.join(ROOT, "tools", "imssec-batch"), "run", batch])
        check(rc == 0, f"the batch ran (exit {rc})")
        con = sqlite3.connect(db)
        runs = con.execute("SELECT run_id, addrPrefLength, rotationPolicy, status FROM runs "
                           "WHERE batch = 'validation'").fetchall()
        check(len(runs) == 4 * SEEDS and all(r[3] == "ok" for r in runs),
              f"{4 * SEEDS} runs with status ok ({len(runs)} found)")
        metrics = defaultdict(dict)
        for run_id, name, value in con.execute("SELECT run_id, name, value FROM metrics"):
            metrics[run_id][name] = value
        groups = defaultdict(list)
        for run_id, apl, policy, _ in runs:
            groups[(int(apl), policy)].append(metrics[run_id])

        # /128, drop-and-reregister
        g = groups[(128, "drop-and-reregister")]
        for m in g:
            # a rotation in the last seconds of the run may not have re-registered yet
            check(m["rotations"] - UES <= m["registrations_address_change"] <= m["rotations"],
                  f"/128: address-change registrations {m['registrations_address_change']:.0f}"
                  f" = rotations {m['rotations']:.0f} (up to one per UE still in flight)")
            check(m["pcscf_sa_sets_created"] >= m["registrations_address_change"],
                  "/128: every address-change registration created an SA set")
        lam = (SESSION_RATE + TERMINATING_RATE) / 3600.0
        expected = lam * HOLDING
        per_rotation = [m["sessions_dropped_address_change"] / m["registrations_address_change"]
                        for m in g if m["registrations_address_change"] > 0]
        mean, ci = mean_ci(per_rotation)
        check(abs(mean - expected) <= max(ci, TOLERANCE * expected),
              f"/128: sessions dropped per rotation {mean:.4f} +- {ci:.4f} vs lambda*h = "
              f"{expected:.4f} (Little's law)")

        # /64: prefix-bound SAs make rotations free
        for policy in ("drop-and-reregister", "no-rotation"):
            for m in groups[(64, policy)]:
                check(m["registrations_address_change"] == 0,
                      f"/64 {policy}: no address-change registration")
                check(m["sessions_dropped"] == 0,
                      f"/64 {policy}: no session dropped "
                      f"({m['sessions_dropped']:.0f}: refresh timeout "
                      f"{m['sessions_dropped_refresh_timeout']:.0f})")
                check(m["pcscf_sa_sets_created"] ==
                      m["registrations_initial"] + m["registrations_refresh"],
                      f"/64 {policy}: SA sets only for initial and refresh registrations")
        for m in groups[(128, "no-rotation")]:
            check(m["sessions_dropped"] == 0 and m["registrations_address_change"] == 0,
                  "/128 no-rotation: the baseline drops nothing")
        check(all(m["rotations"] > 0 for m in groups[(64, "drop-and-reregister")]),
              "/64: the UEs did rotate")

        # refresh registrations per UE = run time / refresh period where nothing restarts them
        period = EXPIRES - 600 if EXPIRES > 1200 else EXPIRES / 2
        for key in ((64, "drop-and-reregister"), (64, "no-rotation"), (128, "no-rotation")):
            for m in groups[key]:
                per_ue = m["registrations_refresh"] / UES
                # UEs attach 1 s + 10 ms apart: every UE's refreshes fit floor((T - 1) / period)
                want = math.floor((SIM_TIME - 2) / period)
                check(per_ue == want, f"/{key[0]} {key[1]}: refreshes per UE {per_ue} = "
                      f"floor(T / {period} s) = {want}")

        # message counts of a registration (no loss: every attempt completes)
        for key, ms in groups.items():
            for m in ms:
                regs = m["registrations"]
                in_flight = 2 * UES
                check(0 <= m["pcscf_rx_msgs_REGISTER"] - 2 * regs <= in_flight and
                      0 <= m["scscf_rx_msgs_REGISTER"] - 2 * regs <= in_flight,
                      f"/{key[0]} {key[1]}: 2 REGISTERs UE->P-CSCF->S-CSCF per registration")
                check(m["scscf_tx_msgs_REGISTER_2xx"] == regs and
                      0 <= m["scscf_tx_msgs_REGISTER_4xx"] - regs <= UES,
                      f"/{key[0]} {key[1]}: one 401 and one 200 per registration")
                check(m["pcscf_tx_msgs_REGISTER_2xx"] == regs and
                      0 <= m["pcscf_tx_msgs_REGISTER"] - 2 * regs <= in_flight,
                      f"/{key[0]} {key[1]}: the P-CSCF sends 2 REGISTERs on and each 200 back")
    return finish("all closed forms hold")


if __name__ == "__main__":
    sys.exit(main())
