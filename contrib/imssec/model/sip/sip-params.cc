/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "sip-params.h"

#include "sip-text.h"

namespace ns3
{

namespace
{

/// Characters accepted in an unquoted parameter value besides token characters: ':' of
/// IPv6 addresses and the paramchar set of SIP URIs.  Brackets only enclose a whole IPv6
/// reference (maddr=[2001:db8::1]), so list splitting stays unambiguous.
bool
IsValueChar(uint8_t c)
{
    return SipText::IsTokenChar(c) || c == ':' || c == '/' || c == '@' || c == '&' || c == '$' ||
           c == '?' || c == '=';
}

void
SetError(std::string* error, size_t* errorOffset, const char* reason, size_t offset)
{
    if (error)
    {
        *error = reason;
    }
    if (errorOffset)
    {
        *errorOffset = offset;
    }
}

} // namespace

bool
SipParams::Parse(std::string_view s, SipParams* out, std::string* error, size_t* errorOffset)
{
    size_t i = 0;
    auto skipWs = [&s, &i]() {
        while (i < s.size() && SipText::IsWsp(static_cast<uint8_t>(s[i])))
        {
            ++i;
        }
    };
    skipWs();
    if (out && i < s.size())
    {
        // one allocation for all parameters (an upper bound: ';' may also be quoted)
        size_t count = 0;
        for (char c : s)
        {
            count += c == ';';
        }
        out->m_params.reserve(out->m_params.size() + count);
    }
    while (i < s.size())
    {
        if (s[i] != ';')
        {
            SetError(error, errorOffset, "expected ';' before parameter", i);
            return false;
        }
        ++i;
        skipWs();
        size_t nameStart = i;
        while (i < s.size() && SipText::IsTokenChar(static_cast<uint8_t>(s[i])))
        {
            ++i;
        }
        if (i == nameStart)
        {
            SetError(error, errorOffset, "empty or invalid parameter name", i);
            return false;
        }
        SipParam p;
        p.name = std::string(s.substr(nameStart, i - nameStart));
        skipWs();
        if (i < s.size() && s[i] == '=')
        {
            ++i;
            skipWs();
            size_t valueStart = i;
            if (i < s.size() && s[i] == '"')
            {
                if (!SipText::ReadQuoted(s, i, nullptr))
                {
                    SetError(error, errorOffset, "unterminated quoted parameter value", valueStart);
                    return false;
                }
            }
            else if (i < s.size() && s[i] == '[')
            {
                size_t close = s.find(']', i);
                if (close == std::string_view::npos ||
                    !SipText::IsIpv6Address(s.substr(i + 1, close - i - 1)))
                {
                    SetError(error, errorOffset, "bad IPv6 reference in parameter value", i);
                    return false;
                }
                i = close + 1;
            }
            else
            {
                while (i < s.size() && IsValueChar(static_cast<uint8_t>(s[i])))
                {
                    ++i;
                }
            }
            if (i == valueStart)
            {
                SetError(error, errorOffset, "empty parameter value", i);
                return false;
            }
            p.value = std::string(s.substr(valueStart, i - valueStart));
            p.hasValue = true;
            skipWs();
        }
        if (out)
        {
            out->m_params.push_back(std::move(p));
        }
    }
    return true;
}

bool
SipParams::Has(std::string_view name) const
{
    for (const auto& p : m_params)
    {
        if (SipText::EqualsIgnoreCase(p.name, name))
        {
            return true;
        }
    }
    return false;
}

std::optional<std::string>
SipParams::Get(std::string_view name) const
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

std::optional<std::string>
SipParams::GetUnquoted(std::string_view name) const
{
    auto v = Get(name);
    if (v)
    {
        return SipText::Unquote(*v);
    }
    return v;
}

void
SipParams::Set(std::string_view name, std::string_view value)
{
    for (auto& p : m_params)
    {
        if (SipText::EqualsIgnoreCase(p.name, name))
        {
            p.value = std::string(value);
            p.hasValue = true;
            return;
        }
    }
    m_params.push_back(SipParam{std::string(name), std::string(value), true});
}

void
SipParams::SetFlag(std::string_view name)
{
    for (auto& p : m_params)
    {
        if (SipText::EqualsIgnoreCase(p.name, name))
        {
            p.value.clear();
            p.hasValue = false;
            return;
        }
    }
    m_params.push_back(SipParam{std::string(name), std::string(), false});
}

bool
SipParams::Remove(std::string_view name)
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

void
SipParams::AppendTo(std::string* out) const
{
    for (const auto& p : m_params)
    {
        out->push_back(';');
        out->append(p.name);
        if (p.hasValue)
        {
            out->push_back('=');
            out->append(p.value);
        }
    }
}

std::string
SipParams::ToString() const
{
    std::string out;
    AppendTo(&out);
    return out;
}

} // namespace ns3
