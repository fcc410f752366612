/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_SELECTOR_H
#define IPSEC_SELECTOR_H

#include "ns3/ipv6-address.h"

#include <cstdint>
#include <ostream>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief The traffic an SPD entry or an SA applies to (RFC 4301 section 4.4.1.1).
 *
 * Source and destination are each an address with a prefix length (128: that address only;
 * 64: every address of the /64 it lies in; 0: any address).  A port of 0 and a protocol of 0
 * mean "any".  The address is kept as given (e.g. the UE's address at registration); only its
 * first prefix-length bits take part in matching.
 */
class IpsecSelector
{
  public:
    /** An empty selector: ::/0 to ::/0, any port, any protocol. */
    IpsecSelector();

    /**
     * \param source source address
     * \param sourcePrefixLength bits of source that must match (0..128)
     * \param destination destination address
     * \param destinationPrefixLength bits of destination that must match (0..128)
     * \param sourcePort source port (0: any)
     * \param destinationPort destination port (0: any)
     * \param protocol next-layer protocol (17 UDP, 6 TCP; 0: any)
     */
    IpsecSelector(Ipv6Address source,
                  uint8_t sourcePrefixLength,
                  Ipv6Address destination,
                  uint8_t destinationPrefixLength,
                  uint16_t sourcePort,
                  uint16_t destinationPort,
                  uint8_t protocol);

    /** \returns the source address as given */
    Ipv6Address GetSource() const
    {
        return m_source;
    }

    /** \returns the source prefix length */
    uint8_t GetSourcePrefixLength() const
    {
        return m_sourcePrefixLength;
    }

    /** \returns the destination address as given */
    Ipv6Address GetDestination() const
    {
        return m_destination;
    }

    /** \returns the destination prefix length */
    uint8_t GetDestinationPrefixLength() const
    {
        return m_destinationPrefixLength;
    }

    /** \returns the source port (0: any) */
    uint16_t GetSourcePort() const
    {
        return m_sourcePort;
    }

    /** \returns the destination port (0: any) */
    uint16_t GetDestinationPort() const
    {
        return m_destinationPort;
    }

    /** \returns the protocol (0: any) */
    uint8_t GetProtocol() const
    {
        return m_protocol;
    }

    /**
     * \param address an address
     * \returns true when address lies in the source prefix
     */
    bool CoversSource(const Ipv6Address& address) const;

    /**
     * \param address an address
     * \returns true when address lies in the destination prefix
     */
    bool CoversDestination(const Ipv6Address& address) const;

    /**
     * \param sourcePort source port of a packet
     * \param destinationPort destination port of a packet
     * \param protocol protocol of a packet
     * \returns true when ports and protocol are those of the selector (or it has wildcards)
     */
    bool CoversPortsAndProtocol(uint16_t sourcePort,
                                uint16_t destinationPort,
                                uint8_t protocol) const;

    /**
     * \param source packet source
     * \param destination packet destination
     * \param sourcePort packet source port
     * \param destinationPort packet destination port
     * \param protocol packet protocol
     * \returns true when the selector covers the packet
     */
    bool Matches(const Ipv6Address& source,
                 const Ipv6Address& destination,
                 uint16_t sourcePort,
                 uint16_t destinationPort,
                 uint8_t protocol) const;

    /**
     * \param a an address
     * \param b another address
     * \param prefixLength number of leading bits compared (values above 128 count as 128)
     * \returns true when the first prefixLength bits of a and b are equal
     */
    static bool SamePrefix(const Ipv6Address& a, const Ipv6Address& b, uint8_t prefixLength);

  private:
    Ipv6Address m_source;              //!< source address as given
    Ipv6Address m_destination;         //!< destination address as given
    uint16_t m_sourcePort;             //!< source port, 0 = any
    uint16_t m_destinationPort;        //!< destination port, 0 = any
    uint8_t m_sourcePrefixLength;      //!< source prefix length
    uint8_t m_destinationPrefixLength; //!< destination prefix length
    uint8_t m_protocol;                //!< protocol, 0 = any
};

/**
 * \param os output stream
 * \param selector the selector
 * \returns the stream, with "src/len[port] -> dst/len[port] proto" written
 */
std::ostream& operator<<(std::ostream& os, const IpsecSelector& selector);

} // namespace ns3

#endif /* IPSEC_SELECTOR_H */
