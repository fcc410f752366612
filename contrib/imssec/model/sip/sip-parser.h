/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IMSSEC_SIP_PARSER_H // not SIP_PARSER_H: sofia-sip's sip_parser.h uses it
#define IMSSEC_SIP_PARSER_H

#include "sip-message.h"
#include "sip-parse-error.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief The outcome of SipParser::Parse: a message or an error.
 */
class SipParseResult
{
  public:
    /// \returns true when the bytes gave a message
    bool IsOk() const
    {
        return !m_error.IsError();
    }

    /// \returns the message (empty when !IsOk())
    const SipMessage& GetMessage() const
    {
        return m_message;
    }

    /// \returns the message, for changes or moving out
    SipMessage& GetMessage()
    {
        return m_message;
    }

    /// \returns the error (code NONE when IsOk())
    const SipParseError& GetError() const
    {
        return m_error;
    }

  private:
    friend class SipParser;
    SipMessage m_message;  ///< parsed message
    SipParseError m_error; ///< error, NONE on success
};

/**
 * \ingroup imssec
 * \brief Turns bytes (a UDP payload, a file) into a SipMessage.
 *
 * Parse() does the framing work once: start line, header lines (compact and long names,
 * any case, folded lines, CRLF or bare LF), the empty line, and Content-Length framing.
 * Bytes after Content-Length body bytes are ignored (a datagram's padding); without
 * Content-Length the body is the rest of the bytes (RFC 3261 section 18.3, datagrams).
 * Leading CRLFs (keep-alives) are skipped.  Header values are not parsed further: the typed
 * accessors of SipMessage do that on demand, and SipMessage::Validate() checks them all.
 *
 * Any input gives a message or an error naming the reason and the byte offset; memory use
 * is bounded by the input size (at most MAX_MESSAGE_SIZE bytes are accepted).  A message is
 * accepted only when its canonical encoding (SipMessage::Encode) also fits in
 * MAX_MESSAGE_SIZE bytes, so that every accepted message re-encodes to bytes Parse accepts.
 */
class SipParser
{
  public:
    static constexpr size_t MAX_MESSAGE_SIZE = 65535; ///< largest accepted input, bytes
    static constexpr size_t MAX_HEADERS = 256;        ///< most header lines accepted
    /// Most bytes SipMessage::Encode() adds to one line of a parsed message (a compact
    /// name written in full, ": ", CRLF for LF) or for the Content-Length it appends
    static constexpr size_t MAX_ENCODING_GROWTH = 32;

    /**
     * \param data the bytes
     * \param size number of bytes
     * \returns the message or the error
     */
    static SipParseResult Parse(const uint8_t* data, size_t size);

    /**
     * \param text the bytes
     * \returns the message or the error
     */
    static SipParseResult Parse(std::string_view text);

    /**
     * \brief Parses into an existing message, reusing its storage.
     * \param data the bytes
     * \param size number of bytes
     * \param out receives the message (cleared first)
     * \param error receives the error (may be nullptr)
     * \returns true on success
     */
    static bool Parse(const uint8_t* data, size_t size, SipMessage* out, SipParseError* error);

    /**
     * \brief Parse() followed by SipMessage::Validate(): what `imssec-sip check` does.
     * \param data the bytes
     * \param size number of bytes
     * \returns the message or the first error
     */
    static SipParseResult ParseAndValidate(const uint8_t* data, size_t size);
};

} // namespace ns3

#endif /* IMSSEC_SIP_PARSER_H */
