/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Parse and encode time per message of imssec's SIP codec beside GNU oSIP2 and sofia-sip,
// in the same run, on the same bytes: a ~760-byte IPv6 REGISTER carrying Security-Client
// with ipsec-3gpp and addr-pref-length (contrib/imssec/test/sip-messages/).
//
//   sip-parse-bench [--file=PATH] [--seconds=S]    (bench/run-sip-bench.sh builds and runs it)
//
// Each figure is the median of 7 rounds of about S/7 seconds each, in nanoseconds per
// message.  "parse" of imssec frames the message and stores views (typed values are parsed
// on demand); "parse+typed" also reads the values a P-CSCF needs (top Via, From, To, CSeq,
// Call-ID, Contact, Security-Client, Authorization).  oSIP2 and sofia-sip parse every
// header into structures during their parse.
#include "ns3/imssec-module.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <osipparser2/osip_parser.h>
#include <sofia-sip/msg.h>
#include <sofia-sip/sip.h>
#include <sofia-sip/sip_header.h>
#include <sofia-sip/su_alloc.h>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

const char* const REGISTER_MESSAGE =
    "REGISTER sip:registrar.home1.net SIP/2.0\r\n"
    "Via: SIP/2.0/UDP [2001:db8:0:1:a1b2:c3d4:e5f6:1234]:5060;branch=z9hG4bK1a2b3c4d;rport\r\n"
    "Max-Forwards: 70\r\n"
    "From: <sip:user1_public1@home1.net>;tag=3f8a91c2\r\n"
    "To: <sip:user1_public1@home1.net>\r\n"
    "Contact: <sip:[2001:db8:0:1:a1b2:c3d4:e5f6:1234]:5060>;expires=600000\r\n"
    "Call-ID: apb03a0s09dkjdfglkj49111\r\n"
    "CSeq: 1 REGISTER\r\n"
    "Authorization: Digest username=\"user1_private@home1.net\", "
    "realm=\"registrar.home1.net\", uri=\"sip:registrar.home1.net\", nonce=\"\", "
    "response=\"\"\r\n"
    "Security-Client: ipsec-3gpp;alg=hmac-sha-1-96;ealg=null;prot=esp;mod=trans;"
    "spi-c=3929102;spi-s=3929103;port-c=49154;port-s=49155;addr-pref-length=64\r\n"
    "Require: sec-agree\r\n"
    "Proxy-Require: sec-agree\r\n"
    "Supported: path, sec-agree\r\n"
    "Expires: 600000\r\n"
    "Content-Length: 0\r\n"
    "\r\n";

/// Keeps the optimizer from dropping work whose result is unused.
volatile size_t g_sink = 0;

/// Median over rounds of the time per call of fn, in nanoseconds.
double
Measure(const std::function<void()>& fn, double seconds)
{
    // calibrate the number of calls per round
    size_t calls = 1;
    while (true)
    {
        auto t0 = std::chrono::steady_clock::now();
        for (size_t i = 0; i < calls; ++i)
        {
            fn();
        }
        double dt = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (dt > seconds / 70 || calls > (1u << 30))
        {
            calls = static_cast<size_t>(calls * (seconds / 7) / dt) + 1;
            break;
        }
        calls *= 2;
    }
    std::vector<double> rounds;
    for (int r = 0; r < 7; ++r)
    {
        auto t0 = std::chrono::steady_clock::now();
        for (size_t i = 0; i < calls; ++i)
        {
            fn();
        }
        double dt = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        rounds.push_back(dt * 1e9 / calls);
    }
    std::sort(rounds.begin(), rounds.end());
    return rounds[rounds.size() / 2];
}

/// The reference: split the bytes into lines, and header lines into name and value.
size_t
SplitLines(const std::string& m)
{
    const char* p = m.data();
    const char* end = p + m.size();
    size_t n = 0;

    struct Line
    {
        const char* name;
        size_t nameLen;
        const char* value;
        size_t valueLen;
    } lines[64];

    while (p < end)
    {
        const char* nl = static_cast<const char*>(std::memchr(p, '\n', end - p));
        if (!nl || nl == p || (nl == p + 1 && *p == '\r'))
        {
            break;
        }
        const char* colon = static_cast<const char*>(std::memchr(p, ':', nl - p));
        if (colon && n < 64)
        {
            const char* v = colon + 1;
            while (v < nl && *v == ' ')
            {
                ++v;
            }
            lines[n] = {p, static_cast<size_t>(colon - p), v, static_cast<size_t>(nl - v)};
            ++n;
        }
        p = nl + 1;
    }
    return n + lines[0].valueLen;
}

} // namespace

int
main(int argc, char* argv[])
{
    std::string message = REGISTER_MESSAGE;
    double seconds = 2.0;
    std::string only; // profile one measurement: run it alone for `seconds`
    for (int i = 1; i < argc; ++i)
    {
        std::string a = argv[i];
        if (a.rfind("--file=", 0) == 0)
        {
            std::ifstream f(a.substr(7), std::ios::binary);
            if (!f)
            {
                std::cerr << "cannot read " << a.substr(7) << "\n";
                return 2;
            }
            message.assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
        }
        else if (a.rfind("--seconds=", 0) == 0)
        {
            seconds = std::atof(a.c_str() + 10);
        }
        else if (a.rfind("--only=", 0) == 0)
        {
            only = a.substr(7);
        }
        else
        {
            std::cerr << "usage: sip-parse-bench [--file=PATH] [--seconds=S] "
                         "[--only=parse|typed|encode]\n";
            return 2;
        }
    }
    const auto* data = reinterpret_cast<const uint8_t*>(message.data());
    const size_t size = message.size();

    // --- sanity: each parser accepts the message and sees the Security-Client ---
    SipParseResult ours = SipParser::Parse(data, size);
    if (!ours.IsOk() || ours.GetMessage().GetSecurityMechanisms("Security-Client").empty())
    {
        std::cerr << "imssec did not parse the message: " << ours.GetError().ToString() << "\n";
        return 1;
    }
    if (parser_init() != 0)
    {
        std::cerr << "oSIP2 parser_init failed\n";
        return 1;
    }
    {
        osip_message_t* sip = nullptr;
        osip_message_init(&sip);
        if (osip_message_parse(sip, message.data(), size) != 0)
        {
            std::cerr << "oSIP2 did not parse the message\n";
            return 1;
        }
        osip_message_free(sip);
    }
    {
        msg_t* msg = msg_make(sip_default_mclass(), 0, message.data(), size);
        sip_t* sip = msg ? sip_object(msg) : nullptr;
        if (!sip || !sip->sip_security_client || msg_has_error(msg))
        {
            std::cerr << "sofia-sip did not parse the message\n";
            return 1;
        }
        msg_destroy(msg);
    }

    std::printf("message: %zu bytes, IPv6 REGISTER with Security-Client ipsec-3gpp;"
                "addr-pref-length\n",
                size);
    std::printf("each figure: median of 7 rounds, %.1f s per measurement\n\n", seconds);

    if (!only.empty())
    {
        std::function<void()> fn;
        SipParseResult kept = SipParser::Parse(data, size);
        std::string buffer;
        if (only == "parse")
        {
            fn = [&]() { g_sink += SipParser::Parse(data, size).GetMessage().GetHeaderCount(); };
        }
        else if (only == "typed")
        {
            fn = [&]() {
                const SipMessage& m = kept.GetMessage();
                g_sink += m.GetTopVia()->GetHost().size();
                g_sink += m.GetFrom()->GetTag()->size();
                g_sink += m.GetTo()->GetUri().GetHost().size();
                g_sink += m.GetCseq()->GetSequence();
                g_sink += m.GetCallId()->size();
                g_sink += m.GetContacts().size();
                g_sink += *m.GetSecurityMechanisms("Security-Client").front().GetSpiC();
                g_sink += m.GetDigest("Authorization")->GetUsername()->size();
            };
        }
        else
        {
            fn = [&]() {
                kept.GetMessage().EncodeTo(&buffer);
                g_sink += buffer.size();
            };
        }
        std::printf("%s: %.0f ns/message\n", only.c_str(), Measure(fn, seconds));
        return 0;
    }

    double split = Measure([&]() { g_sink += SplitLines(message); }, seconds);

    double imssecParse = Measure(
        [&]() {
            SipParseResult r = SipParser::Parse(data, size);
            g_sink += r.GetMessage().GetHeaderCount();
        },
        seconds);

    SipMessage reused;
    double imssecParseReuse = Measure(
        [&]() {
            SipParser::Parse(data, size, &reused, nullptr);
            g_sink += reused.GetHeaderCount();
        },
        seconds);

    double imssecTyped = Measure(
        [&]() {
            SipParseResult r = SipParser::Parse(data, size);
            const SipMessage& m = r.GetMessage();
            g_sink += m.GetTopVia()->GetHost().size();
            g_sink += m.GetFrom()->GetTag()->size();
            g_sink += m.GetTo()->GetUri().GetHost().size();
            g_sink += m.GetCseq()->GetSequence();
            g_sink += m.GetCallId()->size();
            g_sink += m.GetContacts().size();
            g_sink += *m.GetSecurityMechanisms("Security-Client").front().GetSpiC();
            g_sink += m.GetDigest("Authorization")->GetUsername()->size();
        },
        seconds);

    const SipMessage& parsed = ours.GetMessage();
    double imssecEncode = Measure(
        [&]() {
            std::string s = parsed.Encode();
            g_sink += s.size();
        },
        seconds);
    std::string encodeBuffer;
    double imssecEncodeReuse = Measure(
        [&]() {
            parsed.EncodeTo(&encodeBuffer);
            g_sink += encodeBuffer.size();
        },
        seconds);

    double osipParse = Measure(
        [&]() {
            osip_message_t* sip = nullptr;
            osip_message_init(&sip);
            osip_message_parse(sip, message.data(), size);
            g_sink += sip->status_code;
            osip_message_free(sip);
        },
        seconds);
    osip_message_t* osipMsg = nullptr;
    osip_message_init(&osipMsg);
    osip_message_parse(osipMsg, message.data(), size);
    double osipEncode = Measure(
        [&]() {
            char* dest = nullptr;
            size_t len = 0;
            osip_message_force_update(osipMsg); // rebuild the text, not a cached copy
            osip_message_to_str(osipMsg, &dest, &len);
            g_sink += len;
            osip_free(dest);
        },
        seconds);
    osip_message_free(osipMsg);

    double sofiaParse = Measure(
        [&]() {
            msg_t* msg = msg_make(sip_default_mclass(), 0, message.data(), size);
            g_sink += reinterpret_cast<size_t>(sip_object(msg)->sip_via);
            msg_destroy(msg);
        },
        seconds);
    msg_t* sofiaMsg = msg_make(sip_default_mclass(), 0, message.data(), size);
    double sofiaEncode = Measure(
        [&]() {
            size_t len = 0;
            char* s = msg_as_string(msg_home(sofiaMsg), sofiaMsg, nullptr, 0, &len);
            g_sink += len;
            su_free(msg_home(sofiaMsg), s);
        },
        seconds);
    msg_destroy(sofiaMsg);

    std::printf("%-36s %10s\n", "what", "ns/message");
    std::printf("%-36s %10.0f\n", "line split (reference)", split);
    std::printf("%-36s %10.0f\n", "imssec parse", imssecParse);
    std::printf("%-36s %10.0f\n", "imssec parse (reused message)", imssecParseReuse);
    std::printf("%-36s %10.0f\n", "imssec parse + typed access", imssecTyped);
    std::printf("%-36s %10.0f\n", "oSIP2 parse", osipParse);
    std::printf("%-36s %10.0f\n", "sofia-sip parse", sofiaParse);
    std::printf("%-36s %10.0f\n", "imssec encode", imssecEncode);
    std::printf("%-36s %10.0f\n", "imssec encode (reused buffer)", imssecEncodeReuse);
    std::printf("%-36s %10.0f\n", "oSIP2 encode", osipEncode);
    std::printf("%-36s %10.0f\n", "sofia-sip encode", sofiaEncode);
    double fastest = std::min(osipParse, sofiaParse);
    std::printf("\nparse speed-up over the faster library (%s): %.1fx (goal 2.5x); "
                "with typed access: %.1fx\n",
                osipParse < sofiaParse ? "oSIP2" : "sofia-sip",
                fastest / imssecParse,
                fastest / imssecTyped);
    return 0;
}
