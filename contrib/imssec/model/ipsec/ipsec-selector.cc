/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-selector.h"

#include "ns3/abort.h"

#include <algorithm>

namespace ns3
{

IpsecSelector::IpsecSelector()
    : m_source(Ipv6Address::GetAny()),
      m_destination(Ipv6Address::GetAny()),
      m_sourcePort(0),
      m_destinationPort(0),
      m_sourcePrefixLength(0),
      m_destinationPrefixLength(0),
      m_protocol(0)
{
}

IpsecSelector::IpsecSelector(Ipv6Address source,
                             uint8_t sourcePrefixLength,
                             Ipv6Address destination,
                             uint8_t destinationPrefixLength,
                             uint16_t sourcePort,
                             uint16_t destinationPort,
                             uint8_t protocol)
    : m_source(source),
      m_destination(destination),
      m_sourcePort(sourcePort),
      m_destinationPort(destinationPort),
      m_sourcePrefixLength(std::min<uint8_t>(sourcePrefixLength, 128)),
      m_destinationPrefixLength(std::min<uint8_t>(destinationPrefixLength, 128)),
      m_protocol(protocol)
{
}

bool
IpsecSelector::SamePrefix(const Ipv6Address& a, const Ipv6Address& b, uint8_t prefixLength)
{
    uint8_t ba[16];
    uint8_t bb[16];
    a.GetBytes(ba);
    b.GetBytes(bb);
    uint32_t bits = std::min<uint32_t>(prefixLength, 128);
    uint32_t full = bits / 8;
    if (!std::equal(ba, ba + full, bb))
    {
        return false;
    }
    uint32_t rest = bits % 8;
    if (rest == 0)
    {
        return true;
    }
    uint8_t mask = static_cast<uint8_t>(0xff << (8 - rest));
    return (ba[full] & mask) == (bb[full] & mask);
}

bool
IpsecSelector::CoversSource(const Ipv6Address& address) const
{
    return SamePrefix(m_source, address, m_sourcePrefixLength);
}

bool
IpsecSelector::CoversDestination(const Ipv6Address& address) const
{
    return SamePrefix(m_destination, address, m_destinationPrefixLength);
}

bool
IpsecSelector::CoversPortsAndProtocol(uint16_t sourcePort,
                                      uint16_t destinationPort,
                                      uint8_t protocol) const
{
    return (m_sourcePort == 0 || m_sourcePort == sourcePort) &&
           (m_destinationPort == 0 || m_destinationPort == destinationPort) &&
           (m_protocol == 0 || m_protocol == protocol);
}

bool
IpsecSelector::Matches(const Ipv6Address& source,
                       const Ipv6Address& destination,
                       uint16_t sourcePort,
                       uint16_t destinationPort,
                       uint8_t protocol) const
{
    return CoversPortsAndProtocol(sourcePort, destinationPort, protocol) && CoversSource(source) &&
           CoversDestination(destination);
}

std::ostream&
operator<<(std::ostream& os, const IpsecSelector& selector)
{
    os << selector.GetSource() << "/" << +selector.GetSourcePrefixLength() << "["
       << selector.GetSourcePort() << "] -> " << selector.GetDestination() << "/"
       << +selector.GetDestinationPrefixLength() << "[" << selector.GetDestinationPort()
       << "] proto " << +selector.GetProtocol();
    return os;
}

} // namespace ns3
