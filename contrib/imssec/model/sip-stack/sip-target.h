/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef SIP_TARGET_H
#define SIP_TARGET_H

#include "ns3/ipv6-address.h"

#include <cstdint>
#include <ostream>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief Where a SIP message goes and how: the local address and port it leaves from, the
 * remote address and port, and whether it travels in clear or through the IPsec layer.
 *
 * Clear messages leave from localAddress (Ipv6Address::GetAny(): the node's source address
 * selection chooses) and localPort.  Protected messages are handed to IpsecStack::Send with
 * exactly these four values, so localAddress must be an address of the node and an
 * outbound SA must cover the tuple.
 */
struct SipTarget
{
    Ipv6Address localAddress{Ipv6Address::GetAny()};  //!< source address (:: = any, clear only)
    uint16_t localPort{5060};                         //!< source UDP port
    Ipv6Address remoteAddress{Ipv6Address::GetAny()}; //!< destination address
    uint16_t remotePort{5060};                        //!< destination UDP port
    bool isProtected{false};                          //!< sent through IpsecStack::Send

    /**
     * \param localAddress source address (:: lets ns-3 choose)
     * \param localPort source port
     * \param remoteAddress destination address
     * \param remotePort destination port
     * \returns a clear target
     */
    static SipTarget Clear(Ipv6Address localAddress,
                           uint16_t localPort,
                           Ipv6Address remoteAddress,
                           uint16_t remotePort);

    /**
     * \param localAddress source address (an address of the node)
     * \param localPort source port (e.g. the protected client port)
     * \param remoteAddress destination address
     * \param remotePort destination port (e.g. the peer's protected server port)
     * \returns a protected target
     */
    static SipTarget Protected(Ipv6Address localAddress,
                               uint16_t localPort,
                               Ipv6Address remoteAddress,
                               uint16_t remotePort);
};

/**
 * \param os output stream
 * \param target a target
 * \returns the stream, with "[local]:port -> [remote]:port (clear|protected)" written
 */
std::ostream& operator<<(std::ostream& os, const SipTarget& target);

} // namespace ns3

#endif /* SIP_TARGET_H */
