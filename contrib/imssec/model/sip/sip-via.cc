/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "sip-via.h"

#include "sip-text.h"

namespace ns3
{

namespace
{

bool
Fail(std::string* error, size_t* errorOffset, const char* reason, size_t offset)
{
    if (error)
    {
        *error = reason;
    }
    if (errorOffset)
    {
        *errorOffset = offset;
    }
    return false;
}

std::string
BracketIpv6(std::string_view host)
{
    if (host.find(':') != std::string_view::npos && (host.empty() || host.front() != '['))
    {
        return "[" + std::string(host) + "]";
    }
    return std::string(host);
}

} // namespace

SipVia::SipVia()
{
}

SipVia::SipVia(std::string_view transport,
               std::string_view host,
               std::optional<uint16_t> port,
               std::string_view branch)
    : m_transport(transport),
      m_host(BracketIpv6(host)),
      m_port(port)
{
    if (!branch.empty())
    {
        SetBranch(branch);
    }
}

bool
SipVia::Parse(std::string_view s, SipVia* out, std::string* error, size_t* errorOffset)
{
    size_t i = 0;
    auto skipWs = [&s, &i]() {
        while (i < s.size() && SipText::IsWsp(static_cast<uint8_t>(s[i])))
        {
            ++i;
        }
    };
    auto readToken = [&s, &i]() {
        size_t start = i;
        while (i < s.size() && SipText::IsTokenChar(static_cast<uint8_t>(s[i])))
        {
            ++i;
        }
        return s.substr(start, i - start);
    };
    SipVia via;
    skipWs();
    std::string_view parts[3];
    for (int k = 0; k < 3; ++k)
    {
        if (k > 0)
        {
            skipWs();
            if (i >= s.size() || s[i] != '/')
            {
                return Fail(error, errorOffset, "Via: expected '/' in sent-protocol", i);
            }
            ++i;
            skipWs();
        }
        // the version token may contain '.', a token character
        parts[k] = readToken();
        if (parts[k].empty())
        {
            return Fail(error, errorOffset, "Via: bad sent-protocol", i);
        }
    }
    via.m_protocolName = std::string(parts[0]);
    via.m_protocolVersion = std::string(parts[1]);
    via.m_transport = std::string(parts[2]);
    size_t wsStart = i;
    skipWs();
    if (i == wsStart)
    {
        return Fail(error, errorOffset, "Via: expected white space before sent-by", i);
    }
    size_t hostStart = i;
    if (i < s.size() && s[i] == '[')
    {
        size_t close = s.find(']', i);
        if (close == std::string_view::npos)
        {
            return Fail(error, errorOffset, "Via: unterminated IPv6 reference", i);
        }
        i = close + 1;
    }
    else
    {
        while (i < s.size() && s[i] != ':' && s[i] != ';' && !SipText::IsWsp(s[i]))
        {
            ++i;
        }
    }
    std::string_view host = s.substr(hostStart, i - hostStart);
    if (!SipText::IsHost(host))
    {
        return Fail(error, errorOffset, "Via: invalid sent-by host", hostStart);
    }
    via.m_host = std::string(host);
    skipWs();
    if (i < s.size() && s[i] == ':')
    {
        ++i;
        skipWs();
        size_t portStart = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9')
        {
            ++i;
        }
        uint64_t port;
        if (!SipText::ParseUint(s.substr(portStart, i - portStart), 65535, &port))
        {
            return Fail(error, errorOffset, "Via: invalid sent-by port", portStart);
        }
        via.m_port = static_cast<uint16_t>(port);
    }
    std::string reason;
    size_t off = 0;
    if (!SipParams::Parse(s.substr(i), &via.m_params, &reason, &off))
    {
        return Fail(error, errorOffset, "Via: invalid parameter", i + off);
    }
    // typed checks of the parameters this model reads
    for (const auto& p : via.m_params.GetAll())
    {
        if (SipText::EqualsIgnoreCase(p.name, "rport") && p.hasValue)
        {
            uint64_t v;
            if (!SipText::ParseUint(p.value, 65535, &v))
            {
                return Fail(error, errorOffset, "Via: invalid rport", i);
            }
        }
        else if (SipText::EqualsIgnoreCase(p.name, "received"))
        {
            std::string_view a = p.value;
            if (!SipText::IsIpv4Address(a) && !SipText::IsIpv6Address(a) && !SipText::IsHost(a))
            {
                return Fail(error, errorOffset, "Via: invalid received address", i);
            }
        }
        else if (SipText::EqualsIgnoreCase(p.name, "branch") &&
                 (!p.hasValue || !SipText::IsToken(p.value)))
        {
            return Fail(error, errorOffset, "Via: invalid branch", i);
        }
    }
    if (out)
    {
        *out = std::move(via);
    }
    return true;
}

void
SipVia::SetTransport(std::string_view transport)
{
    m_transport = std::string(transport);
}

std::string
SipVia::GetHostAddress() const
{
    if (m_host.size() >= 2 && m_host.front() == '[' && m_host.back() == ']')
    {
        return m_host.substr(1, m_host.size() - 2);
    }
    return m_host;
}

void
SipVia::SetHost(std::string_view host)
{
    m_host = BracketIpv6(host);
}

void
SipVia::SetPort(std::optional<uint16_t> port)
{
    m_port = port;
}

std::optional<std::string>
SipVia::GetBranch() const
{
    return m_params.Get("branch");
}

void
SipVia::SetBranch(std::string_view branch)
{
    m_params.Set("branch", branch);
}

std::optional<std::string>
SipVia::GetReceived() const
{
    return m_params.Get("received");
}

void
SipVia::SetReceived(std::string_view address)
{
    m_params.Set("received", address);
}

bool
SipVia::HasRport() const
{
    return m_params.Has("rport");
}

std::optional<uint16_t>
SipVia::GetRport() const
{
    auto v = m_params.Get("rport");
    uint64_t port;
    if (v && SipText::ParseUint(*v, 65535, &port))
    {
        return static_cast<uint16_t>(port);
    }
    return std::nullopt;
}

void
SipVia::SetRport(std::optional<uint16_t> port)
{
    if (port)
    {
        m_params.Set("rport", std::to_string(*port));
    }
    else
    {
        m_params.SetFlag("rport");
    }
}

std::string
SipVia::ToString() const
{
    std::string out = m_protocolName;
    out.push_back('/');
    out += m_protocolVersion;
    out.push_back('/');
    out += m_transport;
    out.push_back(' ');
    out += m_host;
    if (m_port)
    {
        out.push_back(':');
        out += std::to_string(*m_port);
    }
    m_params.AppendTo(&out);
    return out;
}

} // namespace ns3
