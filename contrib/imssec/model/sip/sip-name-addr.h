/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef SIP_NAME_ADDR_H
#define SIP_NAME_ADDR_H

#include "sip-params.h"
#include "sip-uri.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief An address with header parameters, the value of From, To, Contact, Route,
 * Record-Route, Path, Service-Route, P-Associated-URI, ...:
 * `"Alice" <sip:alice@[2001:db8::1]:5060>;tag=1928;expires=600`.
 *
 * Parses both name-addr (with angle brackets) and addr-spec (without, where every ';'
 * after the URI starts a header parameter, RFC 3261 section 20.10).  Formatting always
 * writes angle brackets.  The Contact wildcard "*" is a value of its own.
 */
class SipNameAddr
{
  public:
    SipNameAddr();

    /**
     * \param uri the address
     */
    explicit SipNameAddr(const SipUri& uri);

    /**
     * \param displayName the display name ("" for none)
     * \param uri the address
     */
    SipNameAddr(std::string_view displayName, const SipUri& uri);

    /**
     * \brief Parses one value (not a comma-separated list).
     * \param text the value
     * \param out receives the value
     * \param error receives the reason of a failure (may be nullptr)
     * \param errorOffset receives the offset in text of a failure (may be nullptr)
     * \param allowWildcard accept the Contact wildcard "*"
     * \returns true on success
     */
    static bool Parse(std::string_view text,
                      SipNameAddr* out,
                      std::string* error,
                      size_t* errorOffset = nullptr,
                      bool allowWildcard = false);

    /**
     * \returns true for the Contact wildcard "*"
     */
    bool IsWildcard() const
    {
        return m_wildcard;
    }

    /**
     * \returns a Contact wildcard value "*"
     */
    static SipNameAddr MakeWildcard();

    /**
     * \returns the display name without quotes ("" when absent)
     */
    const std::string& GetDisplayName() const
    {
        return m_displayName;
    }

    /**
     * \param name the display name ("" removes it)
     */
    void SetDisplayName(std::string_view name);

    /**
     * \returns the URI
     */
    const SipUri& GetUri() const
    {
        return m_uri;
    }

    /**
     * \returns the URI, for changes
     */
    SipUri& GetUri()
    {
        return m_uri;
    }

    /**
     * \param uri the URI
     */
    void SetUri(const SipUri& uri);

    /**
     * \returns the tag parameter, nullopt when absent
     */
    std::optional<std::string> GetTag() const;

    /**
     * \param tag the tag parameter
     */
    void SetTag(std::string_view tag);

    /**
     * \returns the expires parameter in seconds, nullopt when absent or not a number
     */
    std::optional<uint32_t> GetExpires() const;

    /**
     * \param seconds the expires parameter in seconds
     */
    void SetExpires(uint32_t seconds);

    /**
     * \returns the header parameters (after the URI)
     */
    const SipParams& GetParams() const
    {
        return m_params;
    }

    /**
     * \returns the header parameters, for changes
     */
    SipParams& GetParams()
    {
        return m_params;
    }

    /**
     * \returns the value text, always in name-addr form with angle brackets
     */
    std::string ToString() const;

  private:
    bool m_wildcard{false};    ///< Contact "*"
    std::string m_displayName; ///< display name, unquoted
    SipUri m_uri;              ///< address
    SipParams m_params;        ///< header parameters
};

} // namespace ns3

#endif /* SIP_NAME_ADDR_H */
