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
#include <vector>

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

/// Fields whose bytes were not UTF-8, for the "notes" of the JSON output.
std::vector<std::string> g_replaced;

/**
 * \param s bytes
 * \param i position of a lead byte
 * \returns the length of the well-formed UTF-8 sequence at i, or 0 (RFC 3629 section 4:
 * no overlong forms, no surrogates, nothing above U+10FFFF)
 */
size_t
Utf8SequenceLength(const std::string& s, size_t i)
{
    auto at = [&s](size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = at(i);
    size_t n = c < 0x80                 ? 1
               : c >= 0xC2 && c <= 0xDF ? 2
               : c >= 0xE0 && c <= 0xEF ? 3
               : c >= 0xF0 && c <= 0xF4 ? 4
                                        : 0;
    if (n == 0 || i + n > s.size())
    {
        return 0;
    }
    // the second byte's range excludes overlong forms, surrogates and code points > U+10FFFF
    unsigned char lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
    unsigned char hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
    for (size_t k = 1; k < n; ++k)
    {
        unsigned char b = at(i + k);
        if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF))
        {
            return 0;
        }
    }
    return n;
}

/**
 * \brief JSON text must be UTF-8: every byte that does not start a well-formed sequence
 * becomes U+FFFD, and the field is named in the output's notes.
 * \param s bytes from the message
 * \param field what the bytes are, for the note
 * \returns valid UTF-8
 */
std::string
ToUtf8(const std::string& s, const std::string& field)
{
    std::string out;
    bool replaced = false;
    size_t i = 0;
    while (i < s.size())
    {
        size_t n = Utf8SequenceLength(s, i);
        if (n > 0)
        {
            out.append(s, i, n);
            i += n;
        }
        else
        {
            out += "\xEF\xBF\xBD";
            replaced = true;
            ++i;
        }
    }
    if (replaced)
    {
        g_replaced.push_back(field);
    }
    return out;
}

nlohmann::ordered_json
MechanismToJson(const SecurityMechanism& m)
{
    nlohmann::ordered_json j;
    j["mechanism"] = ToUtf8(m.GetName(), "mechanism name");
    nlohmann::ordered_json params = nlohmann::ordered_json::array();
    for (const auto& p : m.GetParams().GetAll())
    {
        nlohmann::ordered_json jp;
        jp["name"] = ToUtf8(p.name, "mechanism parameter name");
        if (p.hasValue)
        {
            jp["value"] = ToUtf8(p.value, "mechanism parameter " + p.name);
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
        j["method"] = ToUtf8(m.GetMethod(), "method");
        j["requestUri"] = ToUtf8(m.GetRequestUri(), "Request-URI");
    }
    else
    {
        j["type"] = "response";
        j["statusCode"] = m.GetStatusCode();
        j["reasonPhrase"] = ToUtf8(m.GetReasonPhrase(), "reason phrase");
    }
    nlohmann::ordered_json headers = nlohmann::ordered_json::array();
    for (size_t i = 0; i < m.GetHeaderCount(); ++i)
    {
        std::string name = ToUtf8(m.GetHeaderName(i), "header name");
        headers.push_back(
            {{"name", name}, {"value", ToUtf8(m.GetHeaderValue(i), "header " + name)}});
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
    j["body"] = ToUtf8(m.GetBody(), "body");
    j["valid"] = !validation.IsError();
    if (validation.IsError())
    {
        j["error"] = ToUtf8(validation.ToString(), "error");
    }
    if (!g_replaced.empty())
    {
        nlohmann::ordered_json notes = nlohmann::ordered_json::array();
        for (const std::string& field : g_replaced)
        {
            notes.push_back(field + ": bytes that are not UTF-8 (RFC 3629) shown as U+FFFD");
        }
        j["notes"] = notes;
    }
    return j;
}

/**
 * \param argc argument count
 * \param argv arguments
 * \returns the exit code
 */
int
Run(int argc, char* argv[])
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
        // replace: a byte ToUtf8 missed must not abort the tool (nlohmann throws by default)
        std::cout << MessageToJson(message, validation)
                         .dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
                  << "\n";
        return 0;
    }
    std::cout << message.Encode();
    return 0;
}

} // namespace

int
main(int argc, char* argv[])
{
    // No input may abort the tool: whatever escapes becomes one line and exit code 2.
    try
    {
        return Run(argc, argv);
    }
    catch (const std::exception& e)
    {
        std::cerr << "imssec-sip: " << e.what() << "\n";
        return 2;
    }
}
