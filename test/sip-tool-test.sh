#!/usr/bin/env bash
# End-to-end test of the imssec-sip tool: check (exit codes, one-line reason), show (JSON with
# the sec-agree mechanisms), encode (canonical text).
#
#   test/sip-tool-test.sh PATH/TO/imssec-sip
set -euo pipefail
tool=$1
here=$(cd "$(dirname "$0")/.." && pwd)
examples="$here/contrib/imssec/test/sip-messages"
fail() {
    echo "sip-tool-test: $*" >&2
    exit 1
}

# check: every example is well-formed
for f in "$examples"/*.sip; do
    "$tool" check "$f" >/dev/null || fail "check rejected $f"
done
# check: a broken message exits 1 with one line naming the reason and the byte offset
set +e
out=$(printf 'INVITE sip:a@b SIP/2.0\r\nBad Name: x\r\n\r\n' | "$tool" check - 2>&1)
rc=$?
set -e
[ $rc -eq 1 ] || fail "check of a bad message exited $rc"
[ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] || fail "check printed more than one line: $out"
case "$out" in
*"BAD_HEADER_NAME at byte 27"*) ;;
*) fail "unexpected reason: $out" ;;
esac
# check: parseable but invalid (no mandatory headers) is also exit 1
set +e
printf 'OPTIONS sip:a@b SIP/2.0\r\nContent-Length: 0\r\n\r\n' | "$tool" check - >/dev/null 2>&1
rc=$?
set -e
[ $rc -eq 1 ] || fail "check of a message without mandatory headers exited $rc"

# show: JSON with the Security-Client mechanism and its parameters
"$tool" show "$examples/register-ipv6-sec-agree.sip" | python3 -c '
import json, sys
m = json.load(sys.stdin)
assert m["type"] == "request" and m["method"] == "REGISTER", m
mech = m["secAgree"]["Security-Client"][0]
assert mech["mechanism"] == "ipsec-3gpp", mech
assert mech["addr-pref-length"] == 64 and mech["spi-c"] == 3929102, mech
names = [p["name"] for p in mech["parameters"]]
assert names[:3] == ["alg", "ealg", "prot"], names
assert m["valid"] is True
' || fail "show output is wrong"

# encode: compact forms become canonical names; a canonical message is its own encoding
"$tool" encode "$examples/ims-protected-register.sip" | grep -q '^Call-ID: apb03a0s09dkjdfglkj49111' ||
    fail "encode did not expand the compact form"
cmp -s <("$tool" encode "$examples/register-ipv6-sec-agree.sip") "$examples/register-ipv6-sec-agree.sip" ||
    fail "encode changed a canonical message"
# show: bytes JSON cannot carry (overlong forms, surrogates, code points above U+10FFFF, bytes
# that start no UTF-8 sequence) in a header that check accepts: U+FFFD and a note, never an
# abort; well-formed UTF-8 (up to U+10FFFF) passes unchanged and without a note.
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
subject() {
    printf 'OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nTo: <sip:a@b>\r\n'
    printf 'From: <sip:c@d>;tag=1\r\nCall-ID: 1\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\n'
    printf "Subject: x$1y\r\nContent-Length: 0\r\n\r\n"
}
for bytes in '\xc0\xaf' '\xe0\x80\xaf' '\xed\xa0\x80' '\xf4\x90\x80\x80' '\xf5\x80\x80\x80' '\xff'; do
    subject "$bytes" >"$dir/m.sip"
    "$tool" check "$dir/m.sip" >/dev/null || fail "check refused Subject $bytes"
    set +e
    "$tool" show "$dir/m.sip" >"$dir/m.json" 2>"$dir/err"
    rc=$?
    set -e
    [ $rc -eq 0 ] || fail "show of Subject $bytes exited $rc: $(cat "$dir/err")"
    python3 -c '
import json, sys
m = json.load(open(sys.argv[1], encoding="utf-8"))
subject = [h["value"] for h in m["headers"] if h["name"] == "Subject"][0]
assert subject.startswith("x\ufffd") and subject.endswith("\ufffdy"), subject
assert any("Subject" in n and "U+FFFD" in n for n in m["notes"]), m.get("notes")
' "$dir/m.json" || fail "show of Subject $bytes: no U+FFFD or no note"
done
subject '\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\xf4\x8f\xbf\xbf' >"$dir/m.sip"
"$tool" show "$dir/m.sip" | python3 -c '
import json, sys
m = json.load(sys.stdin)
subject = [h["value"] for h in m["headers"] if h["name"] == "Subject"][0]
assert subject == "x\u00e9\u20ac\U0001F600\U0010FFFFy", ascii(subject)
assert "notes" not in m, m["notes"]
' || fail "show changed well-formed UTF-8"
echo "imssec-sip tool: ok"
