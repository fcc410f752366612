/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef SIP_MESSAGE_H
#define SIP_MESSAGE_H

#include "security-mechanism.h"
#include "sip-content-type.h"
#include "sip-cseq.h"
#include "sip-digest.h"
#include "sip-header-names.h"
#include "sip-name-addr.h"
#include "sip-parse-error.h"
#include "sip-uri.h"
#include "sip-via.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ns3
{

class SipParser;

/**
 * \ingroup imssec
 * \brief A SIP request or response (RFC 3261 section 7) as it travels in a packet.
 *
 * A parsed message keeps one copy of the received bytes and views (offset, length) into
 * it; typed values (Via, From, CSeq, sec-agree mechanisms, ...) are parsed on demand by
 * the Get... methods, so receiving a message costs one copy and one scan.  Headers keep
 * their order; repeated headers and comma-separated values are both kept as received.
 * Header names are looked up ignoring case, long or compact form ("Via" or "v").
 *
 * Typed getters return nullopt (or an empty vector) when the header is absent, and also
 * when it is malformed; pass a SipParseError to tell the two apart.
 *
 * Encode() writes the canonical text: "SIP/2.0", known header names in their long
 * canonical spelling, ": " after the name, linear white space outside quoted strings
 * folded to one SP, CRLF line ends, and one Content-Length (the body size) as the last
 * header.  Encoding a parsed message gives back an equivalent message, and
 * Encode(Parse(Encode(m))) == Encode(m) (SipParser refuses a message whose encoding would
 * exceed SipParser::MAX_MESSAGE_SIZE; a message built larger than that encodes, and
 * SipTransport refuses to send it).
 */
class SipMessage
{
  public:
    /// Creates an empty request (no method, no URI, no header).
    SipMessage();

    /**
     * \param method request method, e.g. "REGISTER"
     * \param requestUri the Request-URI text
     * \returns a request with this start line and no header
     */
    static SipMessage MakeRequest(std::string_view method, std::string_view requestUri);

    /**
     * \param statusCode 100..699
     * \param reason reason phrase
     * \returns a response with this status line and no header
     */
    static SipMessage MakeResponse(uint16_t statusCode, std::string_view reason);

    // --- start line ---------------------------------------------------------------------

    /// \returns true for a request
    bool IsRequest() const
    {
        return m_isRequest;
    }

    /// \returns true for a response
    bool IsResponse() const
    {
        return !m_isRequest;
    }

    /// \returns the method of a request ("" for a response)
    std::string GetMethod() const;

    /**
     * \param method a method
     * \returns true when this is a request with that method (case-sensitive, RFC 3261)
     */
    bool IsMethod(std::string_view method) const;

    /// \returns the Request-URI text of a request ("" for a response)
    std::string GetRequestUri() const;

    /**
     * \param error receives the failure when the URI is malformed (may be nullptr)
     * \returns the parsed Request-URI, nullopt for a response or a malformed URI
     */
    std::optional<SipUri> GetParsedRequestUri(SipParseError* error = nullptr) const;

    /// \returns the status code of a response (0 for a request)
    uint16_t GetStatusCode() const
    {
        return m_statusCode;
    }

    /// \returns the reason phrase of a response
    std::string GetReasonPhrase() const;

    /**
     * \brief Makes this a request with the given start line (headers and body unchanged).
     * \param method the method
     * \param requestUri the Request-URI text
     */
    void SetRequestLine(std::string_view method, std::string_view requestUri);

    /**
     * \brief Makes this a response with the given status line (headers and body unchanged).
     * \param statusCode 100..699
     * \param reason the reason phrase
     */
    void SetStatusLine(uint16_t statusCode, std::string_view reason);

    // --- headers (generic) --------------------------------------------------------------

    /// \returns the number of header lines (Content-Length included)
    size_t GetHeaderCount() const
    {
        return m_headers.size();
    }

    /**
     * \param index 0..GetHeaderCount()-1
     * \returns the name of that header line: canonical for known headers, else as written
     */
    std::string GetHeaderName(size_t index) const;

    /**
     * \param index 0..GetHeaderCount()-1
     * \returns the value of that header line (trimmed, folding removed)
     */
    std::string GetHeaderValue(size_t index) const;

    /**
     * \param name a header name, long or compact, any case
     * \returns true when at least one such header line is present
     */
    bool HasHeader(std::string_view name) const;

    /**
     * \param name a header name, long or compact, any case
     * \returns the number of header lines with that name
     */
    size_t CountHeader(std::string_view name) const;

    /**
     * \param name a header name, long or compact, any case
     * \returns the first value: for list headers (Via, Contact, Route, Require,
     *          Security-Client, ...) the first comma-separated element, else the whole line
     *          value; nullopt when absent
     */
    std::optional<std::string> GetFirst(std::string_view name) const;

    /**
     * \param name a header name, long or compact, any case
     * \returns all values in order: every header line with that name, and for list headers
     *          each comma-separated element (outside quotes and <>) on its own
     */
    std::vector<std::string> GetAll(std::string_view name) const;

    /**
     * \brief Appends a header line at the end of the header section.  CR and LF in the
     * value are replaced by SP.
     * \param name the header name (known names are written in canonical form)
     * \param value the value
     */
    void AddHeader(std::string_view name, std::string_view value);

    /**
     * \brief Replaces all header lines with this name by one line with this value, at the
     * position of the first one (appended when there was none).
     * \param name the header name
     * \param value the value
     */
    void SetHeader(std::string_view name, std::string_view value);

    /**
     * \brief Inserts a header line above the first line with the same name, or at the top
     * of the header section when there is none (how a proxy adds its Via).
     * \param name the header name
     * \param value the value
     */
    void InsertHeaderAtTop(std::string_view name, std::string_view value);

    /**
     * \param name a header name, long or compact, any case
     * \returns the number of header lines removed
     */
    size_t RemoveHeader(std::string_view name);

    /**
     * \brief Removes the first value of a header: the first comma-separated element of
     * the first line for list headers, else the first line (how a proxy removes its Via
     * from a response).
     * \param name a header name
     * \returns true when a value was removed
     */
    bool RemoveFirstValue(std::string_view name);

    // --- body -----------------------------------------------------------------------------

    /// \returns the body bytes
    std::string GetBody() const;

    /// \returns the body size in bytes
    size_t GetBodySize() const
    {
        return m_body.len;
    }

    /**
     * \param data body bytes
     * \param size number of bytes
     */
    void SetBody(const uint8_t* data, size_t size);

    /**
     * \param body body bytes
     */
    void SetBody(std::string_view body);

    // --- encoding ---------------------------------------------------------------------------

    /**
     * \returns the canonical message text, Content-Length included
     */
    std::string Encode() const;

    /**
     * \param out receives the canonical message text (replaced, capacity reused)
     */
    void EncodeTo(std::string* out) const;

    /**
     * \brief Checks what Parse leaves for later: the Request-URI, the mandatory headers of
     * RFC 3261 section 8.1.1, single headers that appear twice, the CSeq method, control
     * characters, and the grammar of every header with a typed accessor.
     * \param error receives the first problem (may be nullptr)
     * \returns true when the message is valid
     */
    bool Validate(SipParseError* error = nullptr) const;

    // --- typed headers ----------------------------------------------------------------------

    /// \param error set when a Via is malformed \returns all Via values, top first
    std::vector<SipVia> GetVias(SipParseError* error = nullptr) const;
    /// \param error set when malformed \returns the top Via, nullopt when absent/malformed
    std::optional<SipVia> GetTopVia(SipParseError* error = nullptr) const;
    /// \param via the Via to insert above all others
    void InsertVia(const SipVia& via);
    /// \param via replaces the top Via value (e.g. to add received/rport)
    void ReplaceTopVia(const SipVia& via);

    /// \param error set when malformed \returns From, nullopt when absent/malformed
    std::optional<SipNameAddr> GetFrom(SipParseError* error = nullptr) const;
    /// \param from the From value
    void SetFrom(const SipNameAddr& from);
    /// \param error set when malformed \returns To, nullopt when absent/malformed
    std::optional<SipNameAddr> GetTo(SipParseError* error = nullptr) const;
    /// \param to the To value
    void SetTo(const SipNameAddr& to);

    /// \param error set when malformed \returns Contact values ('*' is a wildcard value)
    std::vector<SipNameAddr> GetContacts(SipParseError* error = nullptr) const;
    /// \param contact a Contact value appended as its own line
    void AddContact(const SipNameAddr& contact);

    /**
     * \param name Route, Record-Route, Path, Service-Route, P-Associated-URI, ...
     * \param error set when malformed
     * \returns the name-addr values of all lines with that name, in order
     */
    std::vector<SipNameAddr> GetNameAddrs(std::string_view name,
                                          SipParseError* error = nullptr) const;
    /**
     * \param name Route, Record-Route, Path, Service-Route, ...
     * \param values the values, written as one comma-separated line replacing all lines
     */
    void SetNameAddrs(std::string_view name, const std::vector<SipNameAddr>& values);

    /// \param error set when malformed \returns CSeq, nullopt when absent/malformed
    std::optional<SipCseq> GetCseq(SipParseError* error = nullptr) const;
    /// \param cseq the CSeq value
    void SetCseq(const SipCseq& cseq);

    /// \returns Call-ID, nullopt when absent
    std::optional<std::string> GetCallId() const;
    /// \param callId the Call-ID value
    void SetCallId(std::string_view callId);

    /// \param error set when malformed \returns Max-Forwards (0..255)
    std::optional<uint8_t> GetMaxForwards(SipParseError* error = nullptr) const;
    /// \param hops the Max-Forwards value
    void SetMaxForwards(uint8_t hops);

    /// \param error set when malformed \returns Expires in seconds
    std::optional<uint32_t> GetExpires(SipParseError* error = nullptr) const;
    /// \param seconds the Expires value
    void SetExpires(uint32_t seconds);

    /// \param error set when malformed \returns Content-Type, nullopt when absent
    std::optional<SipContentType> GetContentType(SipParseError* error = nullptr) const;
    /// \param type the Content-Type value
    void SetContentType(const SipContentType& type);

    /**
     * \param name Require, Proxy-Require, Supported or Unsupported
     * \param error set when an option tag is not a token
     * \returns the option tags of all lines with that name, in order
     */
    std::vector<std::string> GetOptionTags(std::string_view name,
                                           SipParseError* error = nullptr) const;
    /**
     * \param name Require, Proxy-Require, Supported or Unsupported
     * \param tag an option tag, e.g. "sec-agree"
     * \returns true when the tag is present (ignoring case)
     */
    bool HasOptionTag(std::string_view name, std::string_view tag) const;
    /**
     * \brief Adds an option tag, to the existing line or as a new line.
     * \param name Require, Proxy-Require, Supported or Unsupported
     * \param tag the option tag
     */
    void AddOptionTag(std::string_view name, std::string_view tag);
    /**
     * \brief Removes an option tag from every line with that name and removes the lines
     * left empty (RFC 3329 section 2.3.1, what a proxy does with sec-agree).
     * \param name Require, Proxy-Require, Supported or Unsupported
     * \param tag the option tag
     * \returns true when the tag was present
     */
    bool RemoveOptionTag(std::string_view name, std::string_view tag);

    /**
     * \param name Security-Client, Security-Server or Security-Verify
     * \param error set when a mechanism is malformed
     * \returns all mechanisms of all lines with that name, in order
     */
    std::vector<SecurityMechanism> GetSecurityMechanisms(std::string_view name,
                                                         SipParseError* error = nullptr) const;
    /**
     * \param name Security-Client, Security-Server or Security-Verify
     * \param list the mechanisms, written as one comma-separated line replacing all lines
     */
    void SetSecurityMechanisms(std::string_view name, const std::vector<SecurityMechanism>& list);

    /**
     * \param name Authorization, Proxy-Authorization, WWW-Authenticate,
     *             Proxy-Authenticate or Authentication-Info
     * \param error set when malformed
     * \returns the first such value, nullopt when absent/malformed
     */
    std::optional<SipDigest> GetDigest(std::string_view name, SipParseError* error = nullptr) const;
    /**
     * \param name Authorization, WWW-Authenticate, Authentication-Info, ...
     * \param digest the value, replacing all lines with that name
     */
    void SetDigest(std::string_view name, const SipDigest& digest);

  private:
    friend class SipParser;

    /// A run of bytes of m_buf.
    struct Span
    {
        uint32_t off{0}; ///< offset into m_buf
        uint32_t len{0}; ///< length
    };

    /// One header line.
    struct Header
    {
        SipHeaderId id; ///< known id or OTHER
        Span name;      ///< name as written
        Span value;     ///< value, trimmed
    };

    std::string_view View(Span s) const
    {
        return std::string_view(m_buf.data() + s.off, s.len);
    }

    Span Append(std::string_view text);
    Span AppendValue(std::string_view value);
    bool NameMatches(const Header& h, SipHeaderId id, std::string_view name) const;
    void CollectValues(SipHeaderId id,
                       std::string_view name,
                       std::vector<std::string_view>* out,
                       std::vector<uint32_t>* offsets) const;
    const Header* FindFirst(SipHeaderId id, std::string_view name) const;
    /**
     * \param id From or To
     * \param name its name, for the error
     * \param error set when the value does not parse
     * \returns the one name-addr of that header (nullopt when absent or invalid)
     */
    std::optional<SipNameAddr> GetSingleNameAddr(SipHeaderId id,
                                                 std::string_view name,
                                                 SipParseError* error) const;
    void Clear();

    std::string m_buf;             ///< received bytes, then appended values
    bool m_isRequest{true};        ///< request or response
    Span m_method;                 ///< method of a request
    Span m_uri;                    ///< Request-URI
    uint16_t m_statusCode{0};      ///< status code of a response
    Span m_reason;                 ///< reason phrase
    std::vector<Header> m_headers; ///< header lines in order
    Span m_body;                   ///< body bytes
};

} // namespace ns3

#endif /* SIP_MESSAGE_H */
