/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "sip-content-type.h"

#include "sip-text.h"

namespace ns3
{

SipContentType::SipContentType()
{
}

SipContentType::SipContentType(std::string_view type, std::string_view subtype)
    : m_type(type),
      m_subtype(subtype)
{
}

bool
SipContentType::Parse(std::string_view s,
                      SipContentType* out,
                      std::string* error,
                      size_t* errorOffset)
{
    auto fail = [error, errorOffset](const char* reason, size_t offset) {
        if (error)
        {
            *error = reason;
        }
        if (errorOffset)
        {
            *errorOffset = offset;
        }
        return false;
    };
    size_t i = 0;
    while (i < s.size() && SipText::IsTokenChar(static_cast<uint8_t>(s[i])))
    {
        ++i;
    }
    size_t typeEnd = i;
    while (i < s.size() && SipText::IsWsp(s[i]))
    {
        ++i;
    }
    if (typeEnd == 0 || i >= s.size() || s[i] != '/')
    {
        return fail("Content-Type: expected type/subtype", i);
    }
    ++i;
    while (i < s.size() && SipText::IsWsp(s[i]))
    {
        ++i;
    }
    size_t subStart = i;
    while (i < s.size() && SipText::IsTokenChar(static_cast<uint8_t>(s[i])))
    {
        ++i;
    }
    if (i == subStart)
    {
        return fail("Content-Type: empty subtype", i);
    }
    SipContentType ct(s.substr(0, typeEnd), s.substr(subStart, i - subStart));
    std::string reason;
    size_t off = 0;
    if (!SipParams::Parse(s.substr(i), &ct.m_params, &reason, &off))
    {
        return fail("Content-Type: invalid parameter", i + off);
    }
    if (out)
    {
        *out = std::move(ct);
    }
    return true;
}

bool
SipContentType::Is(std::string_view type, std::string_view subtype) const
{
    return SipText::EqualsIgnoreCase(m_type, type) && SipText::EqualsIgnoreCase(m_subtype, subtype);
}

std::string
SipContentType::ToString() const
{
    std::string out = m_type + "/" + m_subtype;
    m_params.AppendTo(&out);
    return out;
}

} // namespace ns3
