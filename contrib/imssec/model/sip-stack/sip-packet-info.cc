/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "sip-packet-info.h"

namespace ns3
{

SipTarget
SipPacketInfo::GetReplyTarget() const
{
    SipTarget t;
    t.localAddress = localAddress;
    t.localPort = localPort;
    t.remoteAddress = remoteAddress;
    t.remotePort = remotePort;
    t.isProtected = isProtected;
    return t;
}

std::ostream&
operator<<(std::ostream& os, const SipPacketInfo& info)
{
    os << "local [" << info.localAddress << "]:" << info.localPort << " remote ["
       << info.remoteAddress << "]:" << info.remotePort << " " << info.size << " bytes";
    if (info.isProtected)
    {
        os << " protected spi=" << info.spi << " set=" << info.saSetHandle;
    }
    if (info.isRetransmission)
    {
        os << " retransmission";
    }
    return os;
}

} // namespace ns3
