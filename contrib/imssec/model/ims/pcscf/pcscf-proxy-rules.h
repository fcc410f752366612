/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef PCSCF_PROXY_RULES_H
#define PCSCF_PROXY_RULES_H

#include "ns3/ipv6-address.h"
#include "ns3/sip-message.h"
#include "ns3/sip-uri.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief The RFC 3261 section 16 proxy rules the P-CSCF applies when it forwards
 * statelessly, and the few IMS header readings it needs (TS 24.229 5.2), as functions.
 *
 * - loose routing (16.4): a Route naming the proxy (by host address, whatever the port)
 *   is removed from the top; the next hop is the next Route, else the Request-URI;
 * - loop detection (16.3 item 4, 16.6 item 8): the proxy's branch ends with a hash of the
 *   request fields a loop leaves unchanged (Request-URI, From tag, Call-ID, CSeq number;
 *   not the To tag, so that the ACK of a non-2xx keeps the INVITE's branch); a request
 *   carrying a Via of the proxy whose branch ends with the hash of the request as it
 *   arrives now has looped (a spiral changes the Request-URI);
 * - stateless branches (16.11, SipTransactionManager::MakeStatelessBranch) so that
 *   retransmissions, the CANCEL and the ACK of a non-2xx get the same branch.
 */
class PcscfProxyRules
{
  public:
    /**
     * \param host a host (IPv6 address with or without brackets, or a name)
     * \param own the proxy's addresses
     * \returns true when the host is one of them
     */
    static bool IsOwnAddress(const std::string& host, const std::vector<Ipv6Address>& own);

    /**
     * \param uri a SIP URI
     * \param own the proxy's addresses
     * \returns true when the URI's host is one of them (any port)
     */
    static bool NamesProxy(const SipUri& uri, const std::vector<Ipv6Address>& own);

    /**
     * \brief RFC 3261 16.4: removes the Route values naming the proxy from the top.
     * \param request the request (changed)
     * \param own the proxy's addresses
     * \returns the number of values removed
     */
    static uint32_t PopOwnRoutes(SipMessage& request, const std::vector<Ipv6Address>& own);

    /**
     * \brief The next hop of a request (after PopOwnRoutes): the top Route, else the
     * Request-URI; its maddr is ignored, the port defaults to 5060.
     * \param request the request
     * \param[out] address the address when the host is an IPv6 address
     * \param[out] port the port
     * \param[out] fromRoute whether it was a Route value (may be nullptr)
     * \returns false when that host is not an IPv6 address (no DNS in the model) or the
     *          URI is malformed
     */
    static bool GetNextHop(const SipMessage& request,
                           Ipv6Address* address,
                           uint16_t* port,
                           bool* fromRoute = nullptr);

    /**
     * \param request a request
     * \returns 8 hexadecimal digits of SHA-1 over Request-URI, From tag, Call-ID and CSeq
     *          number (lines joined by LF)
     */
    static std::string LoopHash(const SipMessage& request);

    /**
     * \brief The branch of the proxy's Via for a forwarded request: the RFC 3261 16.11
     * stateless branch followed by "." and LoopHash.
     * \param request the request as it arrived (before the proxy changes it)
     * \param proxyId distinguishes this proxy (and its sides), e.g. "[address]:port"
     * \returns the branch
     */
    static std::string MakeBranch(const SipMessage& request, std::string_view proxyId);

    /**
     * \brief RFC 3261 16.3 item 4.
     * \param request the request as it arrived
     * \param own the proxy's addresses
     * \returns true when a Via of the proxy carries the loop hash of the request as it is
     */
    static bool IsLooped(const SipMessage& request, const std::vector<Ipv6Address>& own);

    /**
     * \param request a request
     * \returns true for a request that creates a dialog the proxy must stay in: INVITE,
     *          SUBSCRIBE or REFER without a To tag
     */
    static bool IsDialogCreating(const SipMessage& request);

    /**
     * \param uri a URI
     * \returns "scheme:user@host" in lower case (host without the brackets of an IPv6
     *          reference), or the text of a non-SIP URI: how the P-CSCF compares public
     *          identities
     */
    static std::string NormaliseIdentity(const SipUri& uri);

    /**
     * \param request a REGISTER
     * \returns its IMPI: the Authorization username, else user@host of the To URI
     *          (TS 23.003 derived IMPI); "" when neither can be read
     */
    static std::string GetImpi(const SipMessage& request);

    /**
     * \param request a request from a UE
     * \returns the public identity it claims: P-Preferred-Identity, else From
     *          (normalised); "" when unreadable
     */
    static std::string GetClaimedIdentity(const SipMessage& request);

    /**
     * \brief The registration lifetime a 2xx to REGISTER grants (RFC 3261 10.3): the
     * largest `expires` of its Contact values, else its Expires header.
     * \param response a 2xx to REGISTER
     * \returns the lifetime in seconds (0: de-registered), nullopt when the response names
     *          none (no Contact and no Expires)
     */
    static std::optional<uint32_t> GetGrantedExpiry(const SipMessage& response);
};

} // namespace ns3

#endif /* PCSCF_PROXY_RULES_H */
