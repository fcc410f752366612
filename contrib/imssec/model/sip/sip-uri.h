/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef SIP_URI_H
#define SIP_URI_H

#include "sip-params.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief A SIP or SIPS URI (RFC 3261 section 19.1) with IPv6 references (RFC 5118); other
 * schemes (tel:, urn:, ...) are kept as an opaque part.
 *
 * Example: `sip:user@[2001:db8::1]:5060;transport=udp;lr?subject=x`.
 */
class SipUri
{
  public:
    SipUri();

    /**
     * \brief Builds sip:[user@]host[:port].
     * \param user the user part, empty for none
     * \param host a hostname, an IPv4 address, or an IPv6 address with or without brackets
     * \param port the port, nullopt for none
     */
    SipUri(std::string_view user, std::string_view host, std::optional<uint16_t> port);

    /**
     * \brief Parses a URI.
     * \param text the URI text (no angle brackets, no surrounding white space)
     * \param out receives the URI
     * \param error receives the reason of a failure (may be nullptr)
     * \param errorOffset receives the offset in text of a failure (may be nullptr)
     * \returns true on success
     */
    static bool Parse(std::string_view text,
                      SipUri* out,
                      std::string* error,
                      size_t* errorOffset = nullptr);

    /**
     * \returns the scheme in lower case ("sip", "sips", "tel", ...)
     */
    const std::string& GetScheme() const
    {
        return m_scheme;
    }

    /**
     * \returns true for sip: and sips: URIs
     */
    bool IsSip() const;

    /**
     * \returns the user part ("" when absent)
     */
    const std::string& GetUser() const
    {
        return m_user;
    }

    /**
     * \param user the user part ("" removes it)
     */
    void SetUser(std::string_view user);

    /**
     * \returns the password ("" when absent)
     */
    const std::string& GetPassword() const
    {
        return m_password;
    }

    /**
     * \returns the host as written in the URI: an IPv6 address keeps its brackets
     */
    const std::string& GetHost() const
    {
        return m_host;
    }

    /**
     * \returns the host without the brackets of an IPv6 reference, e.g. "2001:db8::1"
     */
    std::string GetHostAddress() const;

    /**
     * \returns true when the host is an IPv6 reference
     */
    bool IsIpv6Host() const;

    /**
     * \param host hostname, IPv4 address, or IPv6 address with or without brackets
     */
    void SetHost(std::string_view host);

    /**
     * \returns the port, nullopt when absent
     */
    std::optional<uint16_t> GetPort() const
    {
        return m_port;
    }

    /**
     * \param port the port, nullopt removes it
     */
    void SetPort(std::optional<uint16_t> port);

    /**
     * \returns the uri-parameters
     */
    const SipParams& GetParams() const
    {
        return m_params;
    }

    /**
     * \returns the uri-parameters, for changes
     */
    SipParams& GetParams()
    {
        return m_params;
    }

    /**
     * \returns the headers part after '?' ("" when absent)
     */
    const std::string& GetHeaders() const
    {
        return m_headers;
    }

    /**
     * \returns the part after "scheme:" of a non-SIP URI
     */
    const std::string& GetOpaque() const
    {
        return m_opaque;
    }

    /**
     * \returns the URI text
     */
    std::string ToString() const;

  private:
    std::string m_scheme{"sip"};    ///< lower-case scheme
    std::string m_user;             ///< user part
    std::string m_password;         ///< password part
    bool m_hasPassword{false};      ///< a ':' followed the user (the password may be empty)
    std::string m_host;             ///< host, IPv6 references with brackets
    std::optional<uint16_t> m_port; ///< port
    SipParams m_params;             ///< uri-parameters
    std::string m_headers;          ///< headers after '?'
    std::string m_opaque;           ///< rest of a non-SIP URI
};

} // namespace ns3

#endif /* SIP_URI_H */
