/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "sip-codec-check.h"

#include "ns3/sec-agree-rules.h"
#include "ns3/sip-message-factory.h"
#include "ns3/sip-parser.h"

namespace ns3
{

namespace
{

/// Formats a parsed typed value and parses the text again.
template <typename T, typename ParseFn>
bool
Reparses(const T& value, ParseFn parse)
{
    T again;
    return parse(value.ToString(), &again);
}

} // namespace

std::string
SipCodecCheck::Run(const uint8_t* data, size_t size)
{
    SipMessage m;
    SipParseError error;
    if (!SipParser::Parse(data, size, &m, &error))
    {
        if (!error.IsError())
        {
            return "parse failed without an error";
        }
        if (error.GetOffset() > size)
        {
            return "error offset beyond the input: " + error.ToString();
        }
        return "";
    }
    // every accessor, on every header
    for (size_t i = 0; i < m.GetHeaderCount(); ++i)
    {
        std::string name = m.GetHeaderName(i);
        m.GetAll(name);
        m.GetFirst(name);
    }
    SipParseError e;
    m.Validate(&e);
    if (e.IsError() && e.GetOffset() > size)
    {
        return "validation offset beyond the input: " + e.ToString();
    }
    m.GetParsedRequestUri();
    for (const auto& via : m.GetVias())
    {
        if (!Reparses(via,
                      [](const std::string& s, SipVia* v) { return SipVia::Parse(s, v, nullptr); }))
        {
            return "a parsed Via does not parse after formatting: " + via.ToString();
        }
    }
    std::vector<SipNameAddr> addrs = m.GetContacts();
    for (const char* n : {"Route", "Record-Route", "Path", "Service-Route", "P-Associated-URI"})
    {
        auto more = m.GetNameAddrs(n);
        addrs.insert(addrs.end(), more.begin(), more.end());
    }
    if (auto f = m.GetFrom())
    {
        addrs.push_back(*f);
    }
    if (auto t = m.GetTo())
    {
        addrs.push_back(*t);
    }
    for (const auto& a : addrs)
    {
        if (!Reparses(a, [](const std::string& s, SipNameAddr* v) {
                return SipNameAddr::Parse(s, v, nullptr, nullptr, true);
            }))
        {
            return "a parsed name-addr does not parse after formatting: " + a.ToString();
        }
    }
    std::vector<SecurityMechanism> server;
    for (const char* n : {"Security-Client", "Security-Server", "Security-Verify"})
    {
        auto list = m.GetSecurityMechanisms(n);
        std::vector<SecurityMechanism> again;
        if (!SecurityMechanism::ParseList(SecurityMechanism::FormatList(list), &again, nullptr) &&
            !list.empty())
        {
            return std::string("a parsed ") + n + " list does not parse after formatting";
        }
        if (!SecAgreeRules::VerifyMatches(list, again))
        {
            return std::string("a formatted ") + n + " list does not match itself";
        }
        SecAgreeRules::ChooseMechanism(list, std::vector<std::string>{"ipsec-3gpp", "digest"});
        server = list;
    }
    if (m.IsRequest())
    {
        SecAgreeRules::Decide(m, false, server, SecAgreeServerPolicy());
        SecAgreeRules::Decide(m, true, server, SecAgreeServerPolicy());
        SipMessageFactory::CreateResponse(m, 494, "", "abc").Encode();
    }
    for (const char* n : {"Authorization", "WWW-Authenticate", "Authentication-Info"})
    {
        if (auto d = m.GetDigest(n))
        {
            SipDigest again;
            if (!SipDigest::Parse(d->ToString(), d->GetKind(), &again, nullptr))
            {
                return std::string("a parsed ") + n + " does not parse after formatting";
            }
            d->GetNonceCount();
        }
    }
    m.GetCseq();
    m.GetMaxForwards();
    m.GetExpires();
    m.GetContentType();
    m.GetOptionTags("Require");
    m.GetOptionTags("Supported");

    // canonical encoding: parses again, and is a fixed point
    std::string first = m.Encode();
    SipMessage again;
    SipParseError againError;
    if (!SipParser::Parse(reinterpret_cast<const uint8_t*>(first.data()),
                          first.size(),
                          &again,
                          &againError))
    {
        return "the encoding of a parsed message does not parse: " + againError.ToString();
    }
    if (again.Encode() != first)
    {
        return "encoding is not canonical: re-encoding a re-parsed message differs";
    }
    if (again.GetHeaderCount() != m.GetHeaderCount() - m.CountHeader("Content-Length") + 1)
    {
        return "headers lost by encoding";
    }
    if (again.GetBody() != m.GetBody())
    {
        return "body changed by encoding";
    }
    return "";
}

} // namespace ns3
