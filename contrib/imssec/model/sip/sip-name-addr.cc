/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "sip-name-addr.h"

#include "sip-text.h"

namespace ns3
{

namespace
{

bool
Fail(std::string* error, size_t* errorOffset, const std::string& reason, size_t offset)
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

/// display-name = *(token LWS) / quoted-string, here the unquoted form.
bool
IsTokenSequence(std::string_view s)
{
    for (char c : s)
    {
        if (!SipText::IsTokenChar(static_cast<uint8_t>(c)) && !SipText::IsWsp(c))
        {
            return false;
        }
    }
    return true;
}

} // namespace

SipNameAddr::SipNameAddr()
{
}

SipNameAddr::SipNameAddr(const SipUri& uri)
    : m_uri(uri)
{
}

SipNameAddr::SipNameAddr(std::string_view displayName, const SipUri& uri)
    : m_displayName(displayName),
      m_uri(uri)
{
}

SipNameAddr
SipNameAddr::MakeWildcard()
{
    SipNameAddr a;
    a.m_wildcard = true;
    return a;
}

bool
SipNameAddr::Parse(std::string_view s,
                   SipNameAddr* out,
                   std::string* error,
                   size_t* errorOffset,
                   bool allowWildcard)
{
    SipNameAddr a;
    size_t i = 0;
    while (i < s.size() && SipText::IsWsp(s[i]))
    {
        ++i;
    }
    if (i < s.size() && s[i] == '*' && allowWildcard)
    {
        // "*" alone, possibly followed by parameters (Contact: *;expires=0 is not valid
        // SIP but expires lives in its own header for the wildcard)
        size_t j = i + 1;
        while (j < s.size() && SipText::IsWsp(s[j]))
        {
            ++j;
        }
        if (j != s.size())
        {
            return Fail(error, errorOffset, "Contact: text after '*'", j);
        }
        a.m_wildcard = true;
        if (out)
        {
            *out = std::move(a);
        }
        return true;
    }
    size_t uriStart;
    size_t uriEnd;
    size_t paramsStart;
    if (i < s.size() && s[i] == '"')
    {
        size_t q = i;
        if (!SipText::ReadQuoted(s, q, &a.m_displayName))
        {
            return Fail(error, errorOffset, "unterminated display name", i);
        }
        i = q;
        while (i < s.size() && SipText::IsWsp(s[i]))
        {
            ++i;
        }
        if (i >= s.size() || s[i] != '<')
        {
            return Fail(error, errorOffset, "expected '<' after display name", i);
        }
    }
    else
    {
        // the first '<' outside a quoted string starts a name-addr
        size_t lt = std::string_view::npos;
        for (size_t k = i; k < s.size(); ++k)
        {
            if (s[k] == '"')
            {
                break; // a quote before any '<': addr-spec with a quoted parameter
            }
            if (s[k] == '<')
            {
                lt = k;
                break;
            }
        }
        if (lt != std::string_view::npos)
        {
            std::string_view name = SipText::Trim(s.substr(i, lt - i));
            if (!IsTokenSequence(name))
            {
                return Fail(error, errorOffset, "invalid display name", i);
            }
            a.m_displayName = std::string(name);
            i = lt;
        }
    }
    if (i < s.size() && s[i] == '<')
    {
        size_t gt = s.find('>', i);
        if (gt == std::string_view::npos)
        {
            return Fail(error, errorOffset, "missing '>' after URI", i);
        }
        uriStart = i + 1;
        uriEnd = gt;
        paramsStart = gt + 1;
    }
    else
    {
        // addr-spec: the URI ends at the first ';' or white space
        uriStart = i;
        uriEnd = i;
        while (uriEnd < s.size() && s[uriEnd] != ';' && !SipText::IsWsp(s[uriEnd]))
        {
            ++uriEnd;
        }
        paramsStart = uriEnd;
    }
    std::string reason;
    size_t off = 0;
    if (!SipUri::Parse(s.substr(uriStart, uriEnd - uriStart), &a.m_uri, &reason, &off))
    {
        return Fail(error, errorOffset, reason, uriStart + off);
    }
    if (!SipParams::Parse(s.substr(paramsStart), &a.m_params, &reason, &off))
    {
        return Fail(error, errorOffset, reason, paramsStart + off);
    }
    for (const auto& p : a.m_params.GetAll())
    {
        uint64_t v;
        if (SipText::EqualsIgnoreCase(p.name, "expires") &&
            !SipText::ParseUint(p.value, 0xffffffffu, &v))
        {
            return Fail(error, errorOffset, "invalid expires parameter", paramsStart);
        }
        if (SipText::EqualsIgnoreCase(p.name, "tag") && !SipText::IsToken(p.value))
        {
            return Fail(error, errorOffset, "invalid tag parameter", paramsStart);
        }
    }
    if (out)
    {
        *out = std::move(a);
    }
    return true;
}

void
SipNameAddr::SetDisplayName(std::string_view name)
{
    m_displayName = std::string(name);
}

void
SipNameAddr::SetUri(const SipUri& uri)
{
    m_uri = uri;
}

std::optional<std::string>
SipNameAddr::GetTag() const
{
    return m_params.Get("tag");
}

void
SipNameAddr::SetTag(std::string_view tag)
{
    m_params.Set("tag", tag);
}

std::optional<uint32_t>
SipNameAddr::GetExpires() const
{
    auto v = m_params.Get("expires");
    uint64_t n;
    if (v && SipText::ParseUint(*v, 0xffffffffu, &n))
    {
        return static_cast<uint32_t>(n);
    }
    return std::nullopt;
}

void
SipNameAddr::SetExpires(uint32_t seconds)
{
    m_params.Set("expires", std::to_string(seconds));
}

std::string
SipNameAddr::ToString() const
{
    if (m_wildcard)
    {
        return "*";
    }
    std::string out;
    if (!m_displayName.empty())
    {
        out = SipText::Quote(m_displayName);
        out.push_back(' ');
    }
    out.push_back('<');
    out += m_uri.ToString();
    out.push_back('>');
    m_params.AppendTo(&out);
    return out;
}

} // namespace ns3
