#!/usr/bin/env bash
# Runs the ipsec-esp-exchange example and checks its capture with tshark: real ESP packets
# with the SPIs the P-CSCF and the UE chose, and inside them (null encryption) UDP with a
# correct checksum and SIP, with nothing malformed.
# Usage: ipsec-pcap-check.sh PATH/TO/ipsec-esp-exchange
set -euo pipefail
example=$1
tshark=$(command -v tshark || true)
if [ -z "$tshark" ]; then
    echo "tshark not found: install tshark (./setup.sh does)" >&2
    exit 1
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$example" --pcapPrefix="$dir/x" >"$dir/out.txt"
pcap="$dir/x-ue-link.pcap"
null=(-o esp.enable_null_encryption_decode_heuristic:TRUE -o udp.check_checksum:TRUE)
spis=$("$tshark" -r "$pcap" -Y esp -T fields -e esp.spi 2>/dev/null | sort -u | tr '\n' ' ')
# P-CSCF spi-s 44444444 = 0x02a62b1c (UE -> P-CSCF), UE spi-c 11111111 = 0x00a98ac7.
[ "$spis" = "0x00a98ac7 0x02a62b1c " ] || { echo "unexpected SPIs: $spis" >&2; exit 1; }
esp=$("$tshark" -r "$pcap" -Y esp 2>/dev/null | wc -l)
good=$("$tshark" -r "$pcap" "${null[@]}" -Y "esp && udp.checksum.status == 1" 2>/dev/null | wc -l)
sip=$("$tshark" -r "$pcap" "${null[@]}" -Y "esp && sip" 2>/dev/null | wc -l)
bad=$("$tshark" -r "$pcap" "${null[@]}" -Y "_ws.malformed || _ws.expert.severity >= warning" \
    2>/dev/null | wc -l)
echo "ESP packets: $esp, with a good inner UDP checksum: $good, carrying SIP: $sip, flagged: $bad"
[ "$esp" -eq 4 ] && [ "$good" -eq 4 ] && [ "$sip" -eq 4 ] && [ "$bad" -eq 0 ]
