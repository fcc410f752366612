/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "sip-parse-error.h"

namespace ns3
{

SipParseError::SipParseError()
    : m_code(NONE),
      m_offset(0)
{
}

SipParseError::SipParseError(Code code, std::string reason, size_t offset)
    : m_code(code),
      m_reason(std::move(reason)),
      m_offset(offset)
{
}

std::string
SipParseError::ToString() const
{
    return std::string(GetCodeName(m_code)) + " at byte " + std::to_string(m_offset) + ": " +
           m_reason;
}

const char*
SipParseError::GetCodeName(Code code)
{
    switch (code)
    {
    case NONE:
        return "NONE";
    case EMPTY:
        return "EMPTY";
    case TOO_LARGE:
        return "TOO_LARGE";
    case BAD_START_LINE:
        return "BAD_START_LINE";
    case BAD_METHOD:
        return "BAD_METHOD";
    case BAD_REQUEST_URI:
        return "BAD_REQUEST_URI";
    case BAD_VERSION:
        return "BAD_VERSION";
    case BAD_STATUS_CODE:
        return "BAD_STATUS_CODE";
    case BAD_HEADER_LINE:
        return "BAD_HEADER_LINE";
    case BAD_HEADER_NAME:
        return "BAD_HEADER_NAME";
    case TOO_MANY_HEADERS:
        return "TOO_MANY_HEADERS";
    case MISSING_EMPTY_LINE:
        return "MISSING_EMPTY_LINE";
    case BAD_CONTENT_LENGTH:
        return "BAD_CONTENT_LENGTH";
    case TRUNCATED_BODY:
        return "TRUNCATED_BODY";
    case BAD_CHARACTER:
        return "BAD_CHARACTER";
    case BAD_HEADER_VALUE:
        return "BAD_HEADER_VALUE";
    case MISSING_HEADER:
        return "MISSING_HEADER";
    }
    return "UNKNOWN";
}

} // namespace ns3
