/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "sip-target.h"

namespace ns3
{

SipTarget
SipTarget::Clear(Ipv6Address localAddress,
                 uint16_t localPort,
                 Ipv6Address remoteAddress,
                 uint16_t remotePort)
{
    SipTarget t;
    t.localAddress = localAddress;
    t.localPort = localPort;
    t.remoteAddress = remoteAddress;
    t.remotePort = remotePort;
    t.isProtected = false;
    return t;
}

SipTarget
SipTarget::Protected(Ipv6Address localAddress,
                     uint16_t localPort,
                     Ipv6Address remoteAddress,
                     uint16_t remotePort)
{
    SipTarget t = Clear(localAddress, localPort, remoteAddress, remotePort);
    t.isProtected = true;
    return t;
}

std::ostream&
operator<<(std::ostream& os, const SipTarget& target)
{
    os << "[" << target.localAddress << "]:" << target.localPort << " -> [" << target.remoteAddress
       << "]:" << target.remotePort << (target.isProtected ? " (protected)" : " (clear)");
    return os;
}

} // namespace ns3
