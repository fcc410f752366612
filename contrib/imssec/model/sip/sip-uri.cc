/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "sip-uri.h"

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

/// Bytes never allowed in a URI: controls, space, DEL, non-ASCII, and the delimiters of
/// the surrounding SIP syntax.
bool
IsForbiddenUriChar(uint8_t c)
{
    return c <= 0x20 || c >= 0x7f || c == '<' || c == '>' || c == '"';
}

} // namespace

SipUri::SipUri()
{
}

SipUri::SipUri(std::string_view user, std::string_view host, std::optional<uint16_t> port)
    : m_user(user),
      m_port(port)
{
    SetHost(host);
}

bool
SipUri::Parse(std::string_view s, SipUri* out, std::string* error, size_t* errorOffset)
{
    for (size_t i = 0; i < s.size(); ++i)
    {
        if (IsForbiddenUriChar(static_cast<uint8_t>(s[i])))
        {
            return Fail(error, errorOffset, "invalid character in URI", i);
        }
    }
    size_t colon = s.find(':');
    if (colon == std::string_view::npos || colon == 0)
    {
        return Fail(error, errorOffset, "URI without scheme", 0);
    }
    std::string_view scheme = s.substr(0, colon);
    for (size_t i = 0; i < scheme.size(); ++i)
    {
        char c = scheme[i];
        bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!alpha && (i == 0 || !((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')))
        {
            return Fail(error, errorOffset, "invalid URI scheme", i);
        }
    }
    SipUri uri;
    uri.m_scheme = SipText::ToLower(scheme);
    std::string_view rest = s.substr(colon + 1);
    size_t base = colon + 1;
    if (!uri.IsSip())
    {
        if (rest.empty())
        {
            return Fail(error, errorOffset, "empty URI after scheme", base);
        }
        uri.m_opaque = std::string(rest);
        uri.m_host.clear();
        if (out)
        {
            *out = std::move(uri);
        }
        return true;
    }
    // RFC 3261 section 25.1: userinfo may hold ';', '?', '/', '&', '=', '+', '$' and ','
    // (user-unreserved), so it is split off at its '@' before anything else; '@' appears
    // nowhere else in a SIP URI (neither uri-parameters nor headers allow it).
    size_t at = rest.find('@');
    if (at != std::string_view::npos)
    {
        if (rest.find('@', at + 1) != std::string_view::npos)
        {
            return Fail(error, errorOffset, "more than one '@' in URI", base + at);
        }
        std::string_view userinfo = rest.substr(0, at);
        size_t pw = userinfo.find(':');
        uri.m_user = std::string(userinfo.substr(0, pw));
        if (pw != std::string_view::npos)
        {
            // password = *( unreserved / escaped / "&" / "=" / "+" / "$" / "," ): may be empty
            uri.m_password = std::string(userinfo.substr(pw + 1));
            uri.m_hasPassword = true;
        }
        if (uri.m_user.empty())
        {
            return Fail(error, errorOffset, "empty user part in URI", base);
        }
        rest = rest.substr(at + 1);
        base += at + 1;
    }
    // headers part: after the host, '?' starts the headers
    size_t q = rest.find('?');
    std::string_view main = rest.substr(0, q);
    if (q != std::string_view::npos)
    {
        uri.m_headers = std::string(rest.substr(q + 1));
    }
    // host
    size_t i = 0;
    if (!main.empty() && main[0] == '[')
    {
        size_t close = main.find(']');
        if (close == std::string_view::npos)
        {
            return Fail(error, errorOffset, "unterminated IPv6 reference in URI", base);
        }
        i = close + 1;
    }
    else
    {
        while (i < main.size() && main[i] != ':' && main[i] != ';')
        {
            ++i;
        }
    }
    std::string_view host = main.substr(0, i);
    if (!SipText::IsHost(host))
    {
        return Fail(error, errorOffset, "invalid host in URI", base);
    }
    uri.m_host = std::string(host);
    if (i < main.size() && main[i] == ':')
    {
        size_t portStart = ++i;
        while (i < main.size() && main[i] != ';')
        {
            ++i;
        }
        uint64_t port;
        if (!SipText::ParseUint(main.substr(portStart, i - portStart), 65535, &port))
        {
            return Fail(error, errorOffset, "invalid port in URI", base + portStart);
        }
        uri.m_port = static_cast<uint16_t>(port);
    }
    if (i < main.size())
    {
        std::string reason;
        size_t off = 0;
        if (!SipParams::Parse(main.substr(i), &uri.m_params, &reason, &off))
        {
            return Fail(error, errorOffset, "invalid URI parameter", base + i + off);
        }
    }
    if (out)
    {
        *out = std::move(uri);
    }
    return true;
}

bool
SipUri::IsSip() const
{
    return m_scheme == "sip" || m_scheme == "sips";
}

void
SipUri::SetUser(std::string_view user)
{
    m_user = std::string(user);
}

std::string
SipUri::GetHostAddress() const
{
    if (IsIpv6Host())
    {
        return m_host.substr(1, m_host.size() - 2);
    }
    return m_host;
}

bool
SipUri::IsIpv6Host() const
{
    return m_host.size() >= 2 && m_host.front() == '[' && m_host.back() == ']';
}

void
SipUri::SetHost(std::string_view host)
{
    if (host.find(':') != std::string_view::npos && (host.empty() || host.front() != '['))
    {
        m_host = "[" + std::string(host) + "]";
    }
    else
    {
        m_host = std::string(host);
    }
}

void
SipUri::SetPort(std::optional<uint16_t> port)
{
    m_port = port;
}

std::string
SipUri::ToString() const
{
    std::string out = m_scheme;
    out.push_back(':');
    if (!IsSip())
    {
        out += m_opaque;
        return out;
    }
    if (!m_user.empty())
    {
        out += m_user;
        if (m_hasPassword)
        {
            out.push_back(':');
            out += m_password;
        }
        out.push_back('@');
    }
    out += m_host;
    if (m_port)
    {
        out.push_back(':');
        out += std::to_string(*m_port);
    }
    m_params.AppendTo(&out);
    if (!m_headers.empty())
    {
        out.push_back('?');
        out += m_headers;
    }
    return out;
}

} // namespace ns3
