#!/usr/bin/python3
"""Validation of the bytes on the wire (CTest label `validation`; model chapter, Experiments).

Runs the scenario program with a pcap of the first UEs' access links and the SA events
recorded, then decodes the capture with tshark (null-encryption ESP decoded as its payload)
and checks that:
  * every SIP message, clear or inside ESP, is SIP to Wireshark, with no malformed packet
    and no malformed Security-* header;
  * the sec-agree parameters Wireshark decodes (sip.sec_mechanism.*) are the ones the model
    logged for the SA sets: the P-CSCF's spi-c/spi-s/port-c/port-s in every 401's
    Security-Server, the UE's in its REGISTERs' Security-Client, addr-pref-length as sent;
  * every ESP SPI on the wire belongs to an SA set the model logged, and both directions
    (UE -> P-CSCF and P-CSCF -> UE) appear.
Usage: validate-pcap.py BUILD_DIR
"""
import glob
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from validation_checks import check, finish  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NULL = ["-o", "esp.enable_null_encryption_decode_heuristic:TRUE"]


def tshark(pcap, display_filter, fields=None):
    cmd = ["tshark", "-r", pcap, *NULL, "-Y", display_filter]
    if fields:
        cmd += ["-T", "fields", "-E", "separator=|", "-E", "occurrence=a", "-E", "aggregator=,"]
        for f in fields:
            cmd += ["-e", f]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return [line for line in out.splitlines() if line.strip()]


def pairs(row_spi_c, row_spi_s):
    """SPIs of one message's mechanisms, as (spi-c, spi-s) integer pairs."""
    c = [int(v, 0) for v in row_spi_c.split(",") if v]
    s = [int(v, 0) for v in row_spi_s.split(",") if v]
    return set(zip(c, s))


def main():
    if not shutil.which("tshark"):
        print("tshark not found: install tshark (./setup.sh does)", file=sys.stderr)
        return 1
    build = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build")
    program = os.path.join(build, "bin", "imssec-scenario")
    with tempfile.TemporaryDirectory(prefix="imssec-pcap-") as tmp:
        db = os.path.join(tmp, "pcap.sqlite")
        cmd = [program, "--ues=3", "--simTime=2h", "--rotationInterval=20min",
               "--addrPrefLength=64", "--sessionRate=4", "--terminatingRate=2",
               "--registrationExpires=1800", f"--pcap={tmp}/run", "--pcapUes=2",
               "--events=1", "--progress=0", f"--db={db}", "--batch=pcap"]
        rc = subprocess.call(cmd, stdout=subprocess.DEVNULL)
        check(rc == 0, f"the scenario ran (exit {rc})")
        captures = sorted(glob.glob(os.path.join(tmp, "run*ue*.pcap")))
        check(len(captures) >= 2, f"captures of the UE links: {[os.path.basename(c) for c in captures]}")
        con = sqlite3.connect(db)
        events = [d for (d,) in con.execute("SELECT detail FROM events WHERE kind='sa-created'")]
        ue_pairs, pcscf_pairs, ports, lengths = {}, {}, set(), {}
        for d in events:
            f = dict(kv.split("=", 1) for kv in d.split(";"))
            ue = f["impi"].split("@")[0]
            ue_pairs.setdefault(ue, set()).add((int(f["spi-uc"]), int(f["spi-us"])))
            pcscf_pairs.setdefault(ue, set()).add((int(f["spi-pc"]), int(f["spi-ps"])))
            lengths.setdefault(ue, set()).add(f["ue"].split("/")[1])
        all_spis = set()
        for d in (ue_pairs, pcscf_pairs):
            for s in d.values():
                for c, sv in s:
                    all_spis |= {c, sv}

        for index, pcap in enumerate(captures[:2]):
            # the UE link capture of UE index+1 (the helper names the files by UE order)
            ue = f"ue{index + 1}"
            sip = tshark(pcap, "sip")
            check(len(sip) > 0, f"{ue}: SIP on the wire ({len(sip)} messages)")
            bad = tshark(pcap, "_ws.malformed || sip.sec_mechanism.malformed || "
                               "_ws.expert.severity >= warning")
            check(not bad, f"{ue}: no malformed packet or Security-* header ({len(bad)})")
            udp_not_sip = tshark(pcap, "udp && !sip && !dns && !dhcpv6")
            check(not udp_not_sip, f"{ue}: every UDP datagram decodes as SIP ({len(udp_not_sip)})")
            esp_not_sip = tshark(pcap, "esp && !sip")
            check(not esp_not_sip, f"{ue}: every ESP packet carries SIP ({len(esp_not_sip)})")

            server = tshark(pcap, "sip.Status-Code == 401",
                            ["sip.sec_mechanism.spi_c", "sip.sec_mechanism.spi_s",
                             "sip.sec_mechanism.port_c", "sip.sec_mechanism.port_s"])
            seen_server = set()
            for row in server:
                spi_c, spi_s, port_c, port_s = (row.split("|") + ["", "", "", ""])[:4]
                seen_server |= pairs(spi_c, spi_s)
                ports |= {(p, q) for p, q in zip(port_c.split(","), port_s.split(",")) if p}
            check(len(server) > 0 and seen_server == pcscf_pairs.get(ue, set()),
                  f"{ue}: Security-Server SPIs of the {len(server)} 401s = the P-CSCF SPIs of "
                  f"its {len(pcscf_pairs.get(ue, ()))} logged SA sets")
            client = tshark(pcap, "sip.Method == \"REGISTER\"",
                            ["sip.sec_mechanism.spi_c", "sip.sec_mechanism.spi_s",
                             "sip.Security-Client"])
            seen_client = set()
            apl_ok = True
            for row in client:
                spi_c, spi_s, text = (row.split("|") + ["", "", ""])[:3]
                seen_client |= pairs(spi_c, spi_s)
                apl_ok &= "addr-pref-length=64" in text
            # a protected REGISTER also carries Security-Verify (the P-CSCF's pairs)
            check(ue_pairs.get(ue, set()) <= seen_client <=
                  ue_pairs.get(ue, set()) | pcscf_pairs.get(ue, set()),
                  f"{ue}: Security-Client SPIs of its REGISTERs = the UE SPIs logged")
            check(apl_ok and lengths.get(ue) == {"64"},
                  f"{ue}: addr-pref-length=64 in every Security-Client and /64 selectors "
                  f"({lengths.get(ue)})")
            esp = tshark(pcap, "esp", ["esp.spi", "ipv6.src"])
            spis = {int(r.split("|")[0], 0) for r in esp}
            check(len(esp) > 0 and spis <= all_spis,
                  f"{ue}: the {len(spis)} ESP SPIs on the wire are logged SA SPIs")
            sources = {r.split("|")[1] for r in esp}
            check(len(sources) >= 2, f"{ue}: ESP in both directions ({len(sources)} sources)")
        check(ports == {("5062", "5063")}, f"P-CSCF protected ports in Security-Server: {ports}")
    return finish("the capture is valid SIP and matches the model's SAs")


if __name__ == "__main__":
    sys.exit(main())
