/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef SIP_VIA_H
#define SIP_VIA_H

#include "sip-params.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief One Via value (RFC 3261 section 20.42, RFC 3581 rport, RFC 5118 IPv6):
 * `SIP/2.0/UDP [2001:db8::1]:5060;branch=z9hG4bK776;rport=5060;received=2001:db8::9`.
 */
class SipVia
{
  public:
    SipVia();

    /**
     * \brief Builds SIP/2.0/transport host[:port];branch=branch.
     * \param transport "UDP", "TCP", ...
     * \param host hostname, IPv4 address, or IPv6 address with or without brackets
     * \param port the port, nullopt for none
     * \param branch the branch parameter ("" for none)
     */
    SipVia(std::string_view transport,
           std::string_view host,
           std::optional<uint16_t> port,
           std::string_view branch);

    /**
     * \brief Parses one via-parm (a single value, not a comma-separated list).
     * \param text the value
     * \param out receives the value
     * \param error receives the reason of a failure (may be nullptr)
     * \param errorOffset receives the offset in text of a failure (may be nullptr)
     * \returns true on success
     */
    static bool Parse(std::string_view text,
                      SipVia* out,
                      std::string* error,
                      size_t* errorOffset = nullptr);

    /**
     * \returns the protocol name, "SIP"
     */
    const std::string& GetProtocolName() const
    {
        return m_protocolName;
    }

    /**
     * \returns the protocol version, "2.0"
     */
    const std::string& GetProtocolVersion() const
    {
        return m_protocolVersion;
    }

    /**
     * \returns the transport as written ("UDP", "TCP", "TLS", ...)
     */
    const std::string& GetTransport() const
    {
        return m_transport;
    }

    /**
     * \param transport the transport token
     */
    void SetTransport(std::string_view transport);

    /**
     * \returns the sent-by host as written (IPv6 references keep their brackets)
     */
    const std::string& GetHost() const
    {
        return m_host;
    }

    /**
     * \returns the sent-by host without the brackets of an IPv6 reference
     */
    std::string GetHostAddress() const;

    /**
     * \param host hostname, IPv4 address, or IPv6 address with or without brackets
     */
    void SetHost(std::string_view host);

    /**
     * \returns the sent-by port, nullopt when absent
     */
    std::optional<uint16_t> GetPort() const
    {
        return m_port;
    }

    /**
     * \param port the sent-by port, nullopt removes it
     */
    void SetPort(std::optional<uint16_t> port);

    /**
     * \returns the branch parameter, nullopt when absent
     */
    std::optional<std::string> GetBranch() const;

    /**
     * \param branch the branch parameter (RFC 3261 magic cookie "z9hG4bK" expected)
     */
    void SetBranch(std::string_view branch);

    /**
     * \returns the received parameter (an address), nullopt when absent
     */
    std::optional<std::string> GetReceived() const;

    /**
     * \param address the source address the request came from (IPv6 without brackets)
     */
    void SetReceived(std::string_view address);

    /**
     * \returns true when an rport parameter is present, with or without value
     */
    bool HasRport() const;

    /**
     * \returns the rport value, nullopt when absent or a flag
     */
    std::optional<uint16_t> GetRport() const;

    /**
     * \param port the rport value, nullopt for the bare "rport" flag a client sends
     */
    void SetRport(std::optional<uint16_t> port);

    /**
     * \returns the via-params
     */
    const SipParams& GetParams() const
    {
        return m_params;
    }

    /**
     * \returns the via-params, for changes
     */
    SipParams& GetParams()
    {
        return m_params;
    }

    /**
     * \returns the value text
     */
    std::string ToString() const;

  private:
    std::string m_protocolName{"SIP"};    ///< protocol-name
    std::string m_protocolVersion{"2.0"}; ///< protocol-version
    std::string m_transport{"UDP"};       ///< transport
    std::string m_host;                   ///< sent-by host
    std::optional<uint16_t> m_port;       ///< sent-by port
    SipParams m_params;                   ///< via-params
};

} // namespace ns3

#endif /* SIP_VIA_H */
