/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "sip-digest.h"

#include "sip-text.h"

#include <cstdio>

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

/// RFC 2617 / RFC 3310 / TS 24.229 parameters written as quoted-strings.
bool
IsQuotedByDefault(std::string_view name, SipDigest::Kind kind)
{
    static const char* const quoted[] = {"username",
                                         "realm",
                                         "nonce",
                                         "uri",
                                         "response",
                                         "cnonce",
                                         "opaque",
                                         "domain",
                                         "auts",
                                         "rspauth",
                                         "nextnonce",
                                         "ck",
                                         "ik",
                                         "integrity-protected"};
    for (const char* q : quoted)
    {
        if (SipText::EqualsIgnoreCase(name, q))
        {
            return true;
        }
    }
    // qop-options of a challenge is a quoted list; the chosen qop is a token
    return kind == SipDigest::CHALLENGE && SipText::EqualsIgnoreCase(name, "qop");
}

bool
IsLowerHex(std::string_view s)
{
    for (char c : s)
    {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
        {
            return false;
        }
    }
    return true;
}

} // namespace

SipDigest::SipDigest(Kind kind)
    : m_kind(kind),
      m_scheme(kind == INFO ? "" : "Digest")
{
}

bool
SipDigest::Parse(std::string_view s,
                 Kind kind,
                 SipDigest* out,
                 std::string* error,
                 size_t* errorOffset)
{
    SipDigest d(kind);
    size_t i = 0;
    auto skipWs = [&s, &i]() {
        while (i < s.size() && SipText::IsWsp(s[i]))
        {
            ++i;
        }
    };
    skipWs();
    if (kind != INFO)
    {
        size_t start = i;
        while (i < s.size() && SipText::IsTokenChar(static_cast<uint8_t>(s[i])))
        {
            ++i;
        }
        if (i == start)
        {
            return Fail(error, errorOffset, "missing authentication scheme", i);
        }
        d.m_scheme = std::string(s.substr(start, i - start));
        size_t ws = i;
        skipWs();
        if (i < s.size() && i == ws)
        {
            return Fail(error, errorOffset, "expected white space after the scheme", i);
        }
    }
    bool first = true;
    size_t commas = 0;
    for (char c : s)
    {
        commas += c == ',';
    }
    d.m_params.reserve(commas + 1);
    while (i < s.size())
    {
        if (!first)
        {
            if (s[i] != ',')
            {
                return Fail(error, errorOffset, "expected ',' between auth-params", i);
            }
            ++i;
            skipWs();
            if (i < s.size() && s[i] == ',')
            {
                continue; // empty list element, allowed by the #rule
            }
        }
        first = false;
        size_t nameStart = i;
        while (i < s.size() && SipText::IsTokenChar(static_cast<uint8_t>(s[i])))
        {
            ++i;
        }
        if (i == nameStart)
        {
            return Fail(error, errorOffset, "invalid auth-param name", i);
        }
        Param p;
        p.name = std::string(s.substr(nameStart, i - nameStart));
        skipWs();
        if (i >= s.size() || s[i] != '=')
        {
            return Fail(error, errorOffset, "expected '=' after auth-param name", i);
        }
        ++i;
        skipWs();
        if (i < s.size() && s[i] == '"')
        {
            size_t q = i;
            if (!SipText::ReadQuoted(s, q, &p.value))
            {
                return Fail(error, errorOffset, "unterminated quoted auth-param", i);
            }
            p.quoted = true;
            i = q;
        }
        else
        {
            size_t vStart = i;
            while (i < s.size() && SipText::IsTokenChar(static_cast<uint8_t>(s[i])))
            {
                ++i;
            }
            if (i == vStart)
            {
                return Fail(error, errorOffset, "empty auth-param value", i);
            }
            p.value = std::string(s.substr(vStart, i - vStart));
        }
        if (SipText::EqualsIgnoreCase(p.name, "nc") &&
            (p.value.size() != 8 || !IsLowerHex(p.value)))
        {
            return Fail(error, errorOffset, "nc is not 8 hex digits", nameStart);
        }
        d.m_params.push_back(std::move(p));
        skipWs();
    }
    if (out)
    {
        *out = std::move(d);
    }
    return true;
}

void
SipDigest::SetScheme(std::string_view scheme)
{
    m_scheme = std::string(scheme);
}

std::optional<std::string>
SipDigest::Get(std::string_view name) const
{
    for (const auto& p : m_params)
    {
        if (SipText::EqualsIgnoreCase(p.name, name))
        {
            return p.value;
        }
    }
    return std::nullopt;
}

void
SipDigest::Set(std::string_view name, std::string_view value)
{
    Set(name, value, IsQuotedByDefault(name, m_kind));
}

void
SipDigest::Set(std::string_view name, std::string_view value, bool quoted)
{
    for (auto& p : m_params)
    {
        if (SipText::EqualsIgnoreCase(p.name, name))
        {
            p.value = std::string(value);
            p.quoted = quoted;
            return;
        }
    }
    m_params.push_back(Param{std::string(name), std::string(value), quoted});
}

bool
SipDigest::Remove(std::string_view name)
{
    for (auto it = m_params.begin(); it != m_params.end(); ++it)
    {
        if (SipText::EqualsIgnoreCase(it->name, name))
        {
            m_params.erase(it);
            return true;
        }
    }
    return false;
}

std::optional<std::string>
SipDigest::GetRealm() const
{
    return Get("realm");
}

std::optional<std::string>
SipDigest::GetNonce() const
{
    return Get("nonce");
}

std::optional<std::string>
SipDigest::GetAlgorithm() const
{
    return Get("algorithm");
}

std::optional<std::string>
SipDigest::GetQop() const
{
    return Get("qop");
}

std::optional<uint32_t>
SipDigest::GetNonceCount() const
{
    auto v = Get("nc");
    if (!v || v->size() != 8 || !IsLowerHex(*v))
    {
        return std::nullopt;
    }
    return static_cast<uint32_t>(std::stoul(*v, nullptr, 16));
}

std::optional<std::string>
SipDigest::GetCnonce() const
{
    return Get("cnonce");
}

std::optional<std::string>
SipDigest::GetResponse() const
{
    return Get("response");
}

std::optional<std::string>
SipDigest::GetUri() const
{
    return Get("uri");
}

std::optional<std::string>
SipDigest::GetUsername() const
{
    return Get("username");
}

std::optional<std::string>
SipDigest::GetOpaque() const
{
    return Get("opaque");
}

std::optional<std::string>
SipDigest::GetAuts() const
{
    return Get("auts");
}

std::optional<std::string>
SipDigest::GetRspauth() const
{
    return Get("rspauth");
}

std::optional<std::string>
SipDigest::GetNextnonce() const
{
    return Get("nextnonce");
}

bool
SipDigest::IsStale() const
{
    auto v = Get("stale");
    return v && SipText::EqualsIgnoreCase(*v, "true");
}

void
SipDigest::SetRealm(std::string_view v)
{
    Set("realm", v);
}

void
SipDigest::SetNonce(std::string_view v)
{
    Set("nonce", v);
}

void
SipDigest::SetAlgorithm(std::string_view v)
{
    Set("algorithm", v);
}

void
SipDigest::SetQop(std::string_view v)
{
    Set("qop", v);
}

void
SipDigest::SetNonceCount(uint32_t nc)
{
    char buf[9];
    std::snprintf(buf, sizeof(buf), "%08x", nc);
    Set("nc", buf, false);
}

void
SipDigest::SetCnonce(std::string_view v)
{
    Set("cnonce", v);
}

void
SipDigest::SetResponse(std::string_view v)
{
    Set("response", v);
}

void
SipDigest::SetUri(std::string_view v)
{
    Set("uri", v);
}

void
SipDigest::SetUsername(std::string_view v)
{
    Set("username", v);
}

void
SipDigest::SetOpaque(std::string_view v)
{
    Set("opaque", v);
}

void
SipDigest::SetAuts(std::string_view v)
{
    Set("auts", v);
}

std::string
SipDigest::ToString() const
{
    std::string out = m_scheme;
    bool first = true;
    for (const auto& p : m_params)
    {
        if (first)
        {
            if (!out.empty())
            {
                out.push_back(' ');
            }
        }
        else
        {
            out += ", ";
        }
        first = false;
        out += p.name;
        out.push_back('=');
        out += p.quoted ? SipText::Quote(p.value) : p.value;
    }
    return out;
}

} // namespace ns3
