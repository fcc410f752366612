/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef SIP_PACKET_INFO_H
#define SIP_PACKET_INFO_H

#include "sip-target.h"

#include "ns3/ipv6-address.h"

#include <cstdint>
#include <ostream>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief What the transport knows about one SIP datagram besides its text: addresses and
 * ports, whether it travelled inside an SA (and which one), and its size.
 *
 * For a received datagram, local is the destination of the packet and remote its source
 * (the UDP/IPv6 values, not what the Via says).  For a sent one, local is the source and
 * remote the destination; spi and saSetHandle are 0 for sent messages (the IPsec layer
 * chooses the outbound SA).
 */
struct SipPacketInfo
{
    Ipv6Address localAddress{Ipv6Address::GetAny()};  //!< our address
    uint16_t localPort{0};                            //!< our UDP port
    Ipv6Address remoteAddress{Ipv6Address::GetAny()}; //!< peer address
    uint16_t remotePort{0};                           //!< peer UDP port
    bool isProtected{false};                          //!< came (or went) through an SA
    uint32_t spi{0};              //!< received: SPI of the inbound SA (IpsecTag), else 0
    uint32_t saSetHandle{0};      //!< received: SA set handle at this node (IpsecTag), else 0
    uint32_t size{0};             //!< bytes of the SIP message (the UDP payload)
    bool isRetransmission{false}; //!< sent: a retransmission by the transaction layer

    /**
     * \returns the target that sends back to the peer the way this datagram came: from
     * the local address and port to the remote ones, protected when it arrived protected
     * (what RFC 3261 18.2.2 / TS 33.203 want for a response to a received request)
     */
    SipTarget GetReplyTarget() const;
};

/**
 * \param os output stream
 * \param info packet info
 * \returns the stream, with a one-line description written
 */
std::ostream& operator<<(std::ostream& os, const SipPacketInfo& info);

} // namespace ns3

#endif /* SIP_PACKET_INFO_H */
