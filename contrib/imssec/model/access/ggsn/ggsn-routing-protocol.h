/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef GGSN_ROUTING_PROTOCOL_H
#define GGSN_ROUTING_PROTOCOL_H

#include "ns3/ipv6-address.h"
#include "ns3/ipv6-routing-protocol.h"
#include "ns3/ipv6.h"

#include <cstdint>
#include <functional>
#include <map>
#include <unordered_map>
#include <vector>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief IPv6 routing of a GGSN that serves tens of thousands of UEs, each on its own link.
 *
 * ns-3's Ipv6StaticRouting keeps its routes in a list: every packet is a linear search and
 * every added route a linear duplicate check, so N UE prefixes cost O(N^2) to set up and O(N)
 * per packet.  This protocol keeps the UE prefixes in a hash table (prefix -> UE link), one
 * per prefix length in use, so both are O(1).  All UE links share one IPv6 interface of the
 * GGSN (GgsnTunDevice, SetUeInterface); the GgsnApplication finds a packet's UE link with
 * LookupUeLink().  Lookup order for a destination:
 *
 *  1. a UE prefix (hash lookup, longest length first): the UE interface;
 *  2. inside the pool (SetPool) but not allocated: unreachable (ICMPv6 error, counted), never
 *     sent back toward the core;
 *  3. the few core-side network routes (connected networks of the GGSN's core links and
 *     AddNetworkRoute), longest match first;
 *  4. the default route toward the core (SetDefaultRoute).
 */
class GgsnRoutingProtocol : public Ipv6RoutingProtocol
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    GgsnRoutingProtocol();
    ~GgsnRoutingProtocol() override;

    /**
     * \brief Sets the GGSN's IPv6 interface that leads to every UE link.
     * \param interface the interface index (of a GgsnTunDevice)
     */
    void SetUeInterface(uint32_t interface);

    /**
     * \brief Routes a UE prefix to a UE link.
     * \param prefix the prefix (host bits are ignored)
     * \param length its length in bits
     * \param link the UE link number (GgsnApplication)
     * \returns false when the prefix is already routed (nothing changes)
     */
    bool AddUePrefix(Ipv6Address prefix, uint8_t length, uint32_t link);

    /**
     * \brief Removes the route of a UE prefix.
     * \param prefix the prefix
     * \param length its length in bits
     * \returns false when the prefix was not routed
     */
    bool RemoveUePrefix(Ipv6Address prefix, uint8_t length);

    /**
     * \param destination an IPv6 address
     * \returns the UE link of the UE prefix containing destination, or -1
     */
    int64_t LookupUeLink(Ipv6Address destination) const;

    /**
     * \returns the number of UE prefixes routed
     */
    uint32_t GetNUePrefixes() const;

    /**
     * \brief Declares the UE pool: destinations inside it that match no UE prefix are
     * unreachable instead of following the default route.
     * \param base the pool's base prefix
     * \param length its length in bits
     */
    void SetPool(Ipv6Address base, uint8_t length);

    /**
     * \brief Sets the default route toward the core.
     * \param nextHop the next hop's address (:: for a directly connected destination)
     * \param interface the GGSN's interface toward it
     */
    void SetDefaultRoute(Ipv6Address nextHop, uint32_t interface);

    /**
     * \brief Adds a core-side network route (kept in a short list, longest match first).
     * \param network the destination network
     * \param prefix its prefix
     * \param nextHop the next hop (:: when the network is on the link)
     * \param interface the outgoing interface
     */
    void AddNetworkRoute(Ipv6Address network,
                         Ipv6Prefix prefix,
                         Ipv6Address nextHop,
                         uint32_t interface);

    /**
     * \returns the number of packets forwarded onto UE links
     */
    uint64_t GetNForwardedToUe() const;

    /**
     * \returns the number of packets forwarded toward the core (network or default route)
     */
    uint64_t GetNForwardedToCore() const;

    /**
     * \returns the number of packets dropped because their destination is an unallocated
     * prefix of the pool
     */
    uint64_t GetNUnallocatedDrops() const;

    // Inherited from Ipv6RoutingProtocol
    Ptr<Ipv6Route> RouteOutput(Ptr<Packet> p,
                               const Ipv6Header& header,
                               Ptr<NetDevice> oif,
                               Socket::SocketErrno& sockerr) override;
    bool RouteInput(Ptr<const Packet> p,
                    const Ipv6Header& header,
                    Ptr<const NetDevice> idev,
                    UnicastForwardCallback ucb,
                    MulticastForwardCallback mcb,
                    LocalDeliverCallback lcb,
                    ErrorCallback ecb) override;
    void NotifyInterfaceUp(uint32_t interface) override;
    void NotifyInterfaceDown(uint32_t interface) override;
    void NotifyAddAddress(uint32_t interface, Ipv6InterfaceAddress address) override;
    void NotifyRemoveAddress(uint32_t interface, Ipv6InterfaceAddress address) override;
    void NotifyAddRoute(Ipv6Address dst,
                        Ipv6Prefix mask,
                        Ipv6Address nextHop,
                        uint32_t interface,
                        Ipv6Address prefixToUse = Ipv6Address::GetZero()) override;
    void NotifyRemoveRoute(Ipv6Address dst,
                           Ipv6Prefix mask,
                           Ipv6Address nextHop,
                           uint32_t interface,
                           Ipv6Address prefixToUse = Ipv6Address::GetZero()) override;
    void SetIpv6(Ptr<Ipv6> ipv6) override;
    void PrintRoutingTable(Ptr<OutputStreamWrapper> stream,
                           Time::Unit unit = Time::S) const override;

  protected:
    void DoDispose() override;

  private:
    /// A core-side route: connected network or static route.
    struct NetworkRoute
    {
        Ipv6Address network; //!< destination network
        uint8_t length;      //!< its prefix length
        Ipv6Address nextHop; //!< next hop, :: when on-link
        uint32_t interface;  //!< outgoing interface
    };

    /// Where a destination goes.
    enum LookupResult
    {
        TO_UE,       //!< a UE prefix
        UNALLOCATED, //!< in the pool, not allocated
        TO_CORE,     //!< a network or the default route
        NO_ROUTE     //!< nothing matches
    };

    /**
     * \brief Finds the route of a destination.
     * \param dst the destination
     * \param interface receives the outgoing interface
     * \param gateway receives the next hop (:: for the destination itself)
     * \returns what was found
     */
    LookupResult Lookup(Ipv6Address dst, uint32_t& interface, Ipv6Address& gateway) const;

    /**
     * \brief Builds the Ipv6Route object ns-3 expects.
     * \param dst the destination
     * \param interface the outgoing interface
     * \param gateway the next hop
     * \param withSource whether to choose a source address (locally originated packets)
     * \returns the route
     */
    Ptr<Ipv6Route> MakeRoute(Ipv6Address dst,
                             uint32_t interface,
                             Ipv6Address gateway,
                             bool withSource) const;

    /**
     * \brief Adds a network route unless the same one exists.
     * \param route the route
     */
    void AddRoute(const NetworkRoute& route);

    /// Hash table of the UE prefixes of one length.
    typedef std::unordered_map<Ipv6Address, uint32_t, Ipv6AddressHash> PrefixTable;

    Ptr<Ipv6> m_ipv6;                                                 //!< the GGSN's IPv6 stack
    std::map<uint8_t, PrefixTable, std::greater<uint8_t>> m_ueTables; //!< UE prefixes by length
    uint32_t m_nUePrefixes;                                           //!< number of UE prefixes
    bool m_hasUeInterface;                                            //!< UE interface set
    uint32_t m_ueInterface;                                           //!< interface to the UEs
    std::vector<NetworkRoute> m_routes;                               //!< core-side routes
    bool m_hasDefault;                                                //!< default route set
    NetworkRoute m_default;                                           //!< default route
    bool m_hasPool;                                                   //!< pool declared
    Ipv6Address m_poolBase;                                           //!< pool base prefix
    uint8_t m_poolLength;                                             //!< pool length

    uint64_t m_nForwardedToUe;    //!< packets forwarded onto UE links
    uint64_t m_nForwardedToCore;  //!< packets forwarded toward the core
    uint64_t m_nUnallocatedDrops; //!< packets to unallocated pool prefixes
};

} // namespace ns3

#endif /* GGSN_ROUTING_PROTOCOL_H */
