/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "sip-cseq.h"

#include "sip-text.h"

namespace ns3
{

SipCseq::SipCseq()
{
}

SipCseq::SipCseq(uint32_t sequence, std::string_view method)
    : m_sequence(sequence),
      m_method(method)
{
}

bool
SipCseq::Parse(std::string_view s, SipCseq* out, std::string* error, size_t* errorOffset)
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
    while (i < s.size() && s[i] >= '0' && s[i] <= '9')
    {
        ++i;
    }
    uint64_t n;
    if (!SipText::ParseUint(s.substr(0, i), 0xffffffffu, &n))
    {
        return fail("CSeq: invalid sequence number", 0);
    }
    size_t ws = i;
    while (i < s.size() && SipText::IsWsp(s[i]))
    {
        ++i;
    }
    if (i == ws)
    {
        return fail("CSeq: expected white space after the number", i);
    }
    std::string_view method = s.substr(i);
    if (!SipText::IsToken(method))
    {
        return fail("CSeq: invalid method", i);
    }
    if (out)
    {
        out->m_sequence = static_cast<uint32_t>(n);
        out->m_method = std::string(method);
    }
    return true;
}

std::string
SipCseq::ToString() const
{
    return std::to_string(m_sequence) + " " + m_method;
}

} // namespace ns3
