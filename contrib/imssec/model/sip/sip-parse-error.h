/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef SIP_PARSE_ERROR_H
#define SIP_PARSE_ERROR_H

#include <cstddef>
#include <string>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief Why bytes are not a (valid) SIP message, and where: a class, a one-line reason and
 * the byte offset into the parsed bytes.
 */
class SipParseError
{
  public:
    /// Error classes.
    enum Code
    {
        NONE = 0,           ///< no error
        EMPTY,              ///< no bytes, or only CR/LF
        TOO_LARGE,          ///< more bytes than SipParser::MAX_MESSAGE_SIZE
        BAD_START_LINE,     ///< start line unterminated or not request/status line
        BAD_METHOD,         ///< method is not a token
        BAD_REQUEST_URI,    ///< Request-URI missing or malformed
        BAD_VERSION,        ///< SIP-Version is not SIP/2.0
        BAD_STATUS_CODE,    ///< status code is not 100..699
        BAD_HEADER_LINE,    ///< header line without ':' or stray continuation line
        BAD_HEADER_NAME,    ///< header name empty or not a token
        TOO_MANY_HEADERS,   ///< more header lines than SipParser::MAX_HEADERS
        MISSING_EMPTY_LINE, ///< the header section does not end with an empty line
        BAD_CONTENT_LENGTH, ///< Content-Length not a number, or conflicting values
        TRUNCATED_BODY,     ///< fewer body bytes than Content-Length says
        BAD_CHARACTER,      ///< control character in the header section
        BAD_HEADER_VALUE,   ///< a known header's value does not follow its grammar
        MISSING_HEADER      ///< a mandatory header (RFC 3261 section 8.1.1) is missing
    };

    SipParseError();

    /**
     * \param code the error class
     * \param reason one line naming what is wrong
     * \param offset byte offset into the parsed bytes
     */
    SipParseError(Code code, std::string reason, size_t offset);

    /**
     * \returns the error class (NONE when there is no error)
     */
    Code GetCode() const
    {
        return m_code;
    }

    /**
     * \returns the reason, one line
     */
    const std::string& GetReason() const
    {
        return m_reason;
    }

    /**
     * \returns the byte offset into the parsed bytes
     */
    size_t GetOffset() const
    {
        return m_offset;
    }

    /**
     * \returns true when this holds an error
     */
    bool IsError() const
    {
        return m_code != NONE;
    }

    /**
     * \returns "CODE at byte N: reason"
     */
    std::string ToString() const;

    /**
     * \param code an error class
     * \returns its name, e.g. "BAD_HEADER_NAME"
     */
    static const char* GetCodeName(Code code);

  private:
    Code m_code;          ///< error class
    std::string m_reason; ///< one-line reason
    size_t m_offset;      ///< byte offset
};

} // namespace ns3

#endif /* SIP_PARSE_ERROR_H */
