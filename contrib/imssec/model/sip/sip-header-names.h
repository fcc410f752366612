/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef SIP_HEADER_NAMES_H
#define SIP_HEADER_NAMES_H

#include <cstdint>
#include <string_view>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief The SIP header fields the codec knows by name.  Any other name is OTHER and is kept
 * verbatim.
 */
enum class SipHeaderId : uint8_t
{
    OTHER = 0,
    ACCEPT,
    ACCEPT_CONTACT,
    ACCEPT_ENCODING,
    ACCEPT_LANGUAGE,
    ALLOW,
    ALLOW_EVENTS,
    AUTHENTICATION_INFO,
    AUTHORIZATION,
    CALL_ID,
    CALL_INFO,
    CONTACT,
    CONTENT_DISPOSITION,
    CONTENT_ENCODING,
    CONTENT_LANGUAGE,
    CONTENT_LENGTH,
    CONTENT_TYPE,
    CSEQ,
    DATE,
    EVENT,
    EXPIRES,
    FROM,
    IDENTITY,
    IDENTITY_INFO,
    IN_REPLY_TO,
    MAX_FORWARDS,
    MIN_EXPIRES,
    ORGANIZATION,
    P_ACCESS_NETWORK_INFO,
    P_ASSERTED_IDENTITY,
    P_ASSOCIATED_URI,
    P_CHARGING_VECTOR,
    P_PREFERRED_IDENTITY,
    P_VISITED_NETWORK_ID,
    PATH,
    PRIORITY,
    PRIVACY,
    PROXY_AUTHENTICATE,
    PROXY_AUTHORIZATION,
    PROXY_REQUIRE,
    REASON,
    RECORD_ROUTE,
    REFER_TO,
    REFERRED_BY,
    REJECT_CONTACT,
    REQUEST_DISPOSITION,
    REQUIRE,
    RETRY_AFTER,
    ROUTE,
    SECURITY_CLIENT,
    SECURITY_SERVER,
    SECURITY_VERIFY,
    SERVER,
    SERVICE_ROUTE,
    SESSION_EXPIRES,
    SUBJECT,
    SUPPORTED,
    TIMESTAMP,
    TO,
    UNSUPPORTED,
    USER_AGENT,
    VIA,
    WARNING,
    WWW_AUTHENTICATE,
    COUNT ///< number of ids, not a header
};

/**
 * \ingroup imssec
 * \brief Name table of the known SIP header fields: canonical spelling, compact form
 * (RFC 3261 section 7.3.3 and later registrations) and whether the field's grammar is a
 * comma-separated list.
 */
class SipHeaderNames
{
  public:
    /**
     * \brief Finds a header field by its long or compact name, ignoring case.
     * \param name the name as written in a message
     * \returns its id, or SipHeaderId::OTHER
     */
    static SipHeaderId Lookup(std::string_view name);

    /**
     * \param id a known header id (not OTHER)
     * \returns the canonical spelling, e.g. "Call-ID" (empty for OTHER)
     */
    static std::string_view GetCanonicalName(SipHeaderId id);

    /**
     * \param id a header id
     * \returns the compact form letter, or 0 when the field has none
     */
    static char GetCompactForm(SipHeaderId id);

    /**
     * \param id a header id
     * \returns true when several values of the field may be joined with commas in one line
     *          (RFC 3261 section 7.3.1), so that a comma outside quotes separates values
     */
    static bool IsList(SipHeaderId id);
};

} // namespace ns3

#endif /* SIP_HEADER_NAMES_H */
