/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// imssec-sip: checks, shows (as JSON) and canonically re-encodes a SIP message read from a
// file or standard input, with imssec's own codec (the one the simulated nodes use).
//
//   imssec-sip check  [FILE|-]   exit 0 when well-formed, 1 with one line naming the reason
//   imssec-sip show   [FILE|-]   the parsed message as JSON
//   imssec-sip encode [FILE|-]   the canonical encoding
#include "ns3/imssec-module.h"

#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>

using namespace ns3;

namespace
{

int
Usage()
{
    std::cerr << "usage: imssec-sip check|show|encode [FILE|-]\n"
                 "  check   exit 0 when FILE is a well-formed SIP message, else 1 and the reason\n"
                 "  show    print the parsed message as JSON (headers, sec-agree mechanisms)\n"
                 "  encode  print the canonical encoding of the message\n"
                 "FILE '-' or no FILE reads standard input.\n";
    return 2;
}

bool
ReadInput(const std::string& path, std::string* out)
{
    if (path == "-")
    {
        out->assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
        return true;
    }
    std::ifstream f(path, std::ios::binary);
    if (!f)
    {
        return false;
    }
    out->assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
    return true;
}

/// JSON text must be UTF-8: bytes that are not become U+FFFD.
std::string
ToUtf8(const std::string& s)
{
    std::string out;
    size_t i = 0;
    while (i < s.size())
    {
        unsigned char c = static_cast<unsigned char>(s[i]);
        size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        bool ok = n > 0 && i + n <= s.size();
        for (size_t k = 1; ok && k < n; ++k)
        {
            ok = (static_cast<unsigned char>(s[i + k]) >> 6) == 2;
        }
        if (ok)
        {
            out.append(s, i, n);
            i += n;
        }
        else
        {
            out += "\xEF\xBF\xBD";
            ++i;
        }
    }
    return out;
}

nlohmann::ordered_json
MechanismToJson(const SecurityMechanism& m)
{
    nlohmann::ordered_json j;
    j["mechanism"] = ToUtf8(m.GetName());
    nlohmann::ordered_json params = nlohmann::ordered_json::array();
    for (const auto& p : m.GetParams().GetAll())
    {
        nlohmann::ordered_json jp;
        jp["name"] = ToUtf8(p.name);
        if (p.hasValue)
        {
            jp["value"] = ToUtf8(p.value);
        }
        params.push_back(jp);
    }
    j["parameters"] = params;
    if (auto q = m.GetQ())
    {
        j["q"] = *q;
    }
    if (auto v = m.GetSpiC())
    {
        j["spi-c"] = *v;
    }
    if (auto v = m.GetSpiS())
    {
        j["spi-s"] = *v;
    }
    if (auto v = m.GetPortC())
    {
        j["port-c"] = *v;
    }
    if (auto v = m.GetPortS())
    {
        j["port-s"] = *v;
    }
    if (auto v = m.GetAddrPrefLength())
    {
        j["addr-pref-length"] = *v;
    }
    return j;
}

nlohmann::ordered_json
MessageToJson(const SipMessage& m, const SipParseError& validation)
{
    nlohmann::ordered_json j;
    if (m.IsRequest())
    {
        j["type"] = "request";
        j["method"] = ToUtf8(m.GetMethod());
        j["requestUri"] = ToUtf8(m.GetRequestUri());
    }
    else
    {
        j["type"] = "response";
        j["statusCode"] = m.GetStatusCode();
        j["reasonPhrase"] = ToUtf8(m.GetReasonPhrase());
    }
    nlohmann::ordered_json headers = nlohmann::ordered_json::array();
    for (size_t i = 0; i < m.GetHeaderCount(); ++i)
    {
        headers.push_back(
            {{"name", ToUtf8(m.GetHeaderName(i))}, {"value", ToUtf8(m.GetHeaderValue(i))}});
    }
    j["headers"] = headers;
    nlohmann::ordered_json secAgree = nlohmann::ordered_json::object();
    for (const char* name : {"Security-Client", "Security-Server", "Security-Verify"})
    {
        if (!m.HasHeader(name))
        {
            continue;
        }
        SipParseError e;
        auto list = m.GetSecurityMechanisms(name, &e);
        nlohmann::ordered_json jl = nlohmann::ordered_json::array();
        for (const auto& mech : list)
        {
            jl.push_back(MechanismToJson(mech));
        }
        secAgree[name] = jl;
    }
    j["secAgree"] = secAgree;
    j["bodyLength"] = m.GetBodySize();
    j["body"] = ToUtf8(m.GetBody());
    j["valid"] = !validation.IsError();
    if (validation.IsError())
    {
        j["error"] = ToUtf8(validation.ToString());
    }
    return j;
}

} // namespace

int
main(int argc, char* argv[])
{
    if (argc < 2 || argc > 3)
    {
        return Usage();
    }
    std::string command = argv[1];
    std::string path = argc == 3 ? argv[2] : "-";
    if (command != "check" && command != "show" && command != "encode")
    {
        return Usage();
    }
    std::string bytes;
    if (!ReadInput(path, &bytes))
    {
        std::cerr << path << ": cannot read\n";
        return 2;
    }
    SipMessage message;
    SipParseError error;
    const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
    if (!SipParser::Parse(data, bytes.size(), &message, &error))
    {
        std::cerr << path << ": " << error.ToString() << "\n";
        return 1;
    }
    SipParseError validation;
    message.Validate(&validation);
    if (command == "check")
    {
        if (validation.IsError())
        {
            std::cerr << path << ": " << validation.ToString() << "\n";
            return 1;
        }
        std::cout << path << ": ok, "
                  << (message.IsRequest() ? message.GetMethod() + " request"
                                          : std::to_string(message.GetStatusCode()) + " response")
                  << ", " << message.GetHeaderCount() << " header lines, " << message.GetBodySize()
                  << " body bytes\n";
        return 0;
    }
    if (command == "show")
    {
        std::cout << MessageToJson(message, validation).dump(2) << "\n";
        return 0;
    }
    std::cout << message.Encode();
    return 0;
}
