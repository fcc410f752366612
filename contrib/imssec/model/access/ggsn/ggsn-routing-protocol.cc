/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ggsn-routing-protocol.h"

#include "ns3/ipv6-route.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/output-stream-wrapper.h"
#include "ns3/simulator.h"

#include <iomanip>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecGgsnRoutingProtocol");

NS_OBJECT_ENSURE_REGISTERED(GgsnRoutingProtocol);

TypeId
GgsnRoutingProtocol::GetTypeId()
{
    static TypeId tid = TypeId("ns3::GgsnRoutingProtocol")
                            .SetParent<Ipv6RoutingProtocol>()
                            .SetGroupName("Imssec")
                            .AddConstructor<GgsnRoutingProtocol>();
    return tid;
}

GgsnRoutingProtocol::GgsnRoutingProtocol()
    : m_nUePrefixes(0),
      m_hasUeInterface(false),
      m_ueInterface(0),
      m_hasDefault(false),
      m_default{Ipv6Address::GetAny(), 0, Ipv6Address::GetAny(), 0},
      m_hasPool(false),
      m_poolLength(0),
      m_nForwardedToUe(0),
      m_nForwardedToCore(0),
      m_nUnallocatedDrops(0)
{
    NS_LOG_FUNCTION(this);
}

GgsnRoutingProtocol::~GgsnRoutingProtocol()
{
    NS_LOG_FUNCTION(this);
}

void
GgsnRoutingProtocol::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_ipv6 = nullptr;
    m_ueTables.clear();
    m_routes.clear();
    Ipv6RoutingProtocol::DoDispose();
}

void
GgsnRoutingProtocol::SetUeInterface(uint32_t interface)
{
    NS_LOG_FUNCTION(this << interface);
    m_hasUeInterface = true;
    m_ueInterface = interface;
}

bool
GgsnRoutingProtocol::AddUePrefix(Ipv6Address prefix, uint8_t length, uint32_t link)
{
    NS_LOG_FUNCTION(this << prefix << unsigned(length) << link);
    NS_ABORT_MSG_IF(length == 0 || length > 128, "UE prefix length must be 1..128");
    Ipv6Address network = prefix.CombinePrefix(Ipv6Prefix(length));
    bool inserted = m_ueTables[length].emplace(network, link).second;
    if (!inserted)
    {
        NS_LOG_WARN("UE prefix " << network << "/" << unsigned(length) << " already routed");
        return false;
    }
    ++m_nUePrefixes;
    return true;
}

bool
GgsnRoutingProtocol::RemoveUePrefix(Ipv6Address prefix, uint8_t length)
{
    NS_LOG_FUNCTION(this << prefix << unsigned(length));
    auto table = m_ueTables.find(length);
    if (table == m_ueTables.end())
    {
        return false;
    }
    Ipv6Address network = prefix.CombinePrefix(Ipv6Prefix(length));
    auto it = table->second.find(network);
    if (it == table->second.end())
    {
        return false;
    }
    table->second.erase(it);
    if (table->second.empty())
    {
        m_ueTables.erase(table);
    }
    --m_nUePrefixes;
    return true;
}

int64_t
GgsnRoutingProtocol::LookupUeLink(Ipv6Address destination) const
{
    for (const auto& table : m_ueTables)
    {
        auto it = table.second.find(destination.CombinePrefix(Ipv6Prefix(table.first)));
        if (it != table.second.end())
        {
            return it->second;
        }
    }
    return -1;
}

uint32_t
GgsnRoutingProtocol::GetNUePrefixes() const
{
    return m_nUePrefixes;
}

void
GgsnRoutingProtocol::SetPool(Ipv6Address base, uint8_t length)
{
    NS_LOG_FUNCTION(this << base << unsigned(length));
    m_hasPool = true;
    m_poolBase = base.CombinePrefix(Ipv6Prefix(length));
    m_poolLength = length;
}

void
GgsnRoutingProtocol::SetDefaultRoute(Ipv6Address nextHop, uint32_t interface)
{
    NS_LOG_FUNCTION(this << nextHop << interface);
    m_hasDefault = true;
    m_default = NetworkRoute{Ipv6Address::GetAny(), 0, nextHop, interface};
}

void
GgsnRoutingProtocol::AddNetworkRoute(Ipv6Address network,
                                     Ipv6Prefix prefix,
                                     Ipv6Address nextHop,
                                     uint32_t interface)
{
    NS_LOG_FUNCTION(this << network << prefix << nextHop << interface);
    uint8_t length = prefix.GetPrefixLength();
    if (length == 0)
    {
        SetDefaultRoute(nextHop, interface);
        return;
    }
    AddRoute(NetworkRoute{network.CombinePrefix(prefix), length, nextHop, interface});
}

void
GgsnRoutingProtocol::AddRoute(const NetworkRoute& route)
{
    for (const auto& r : m_routes)
    {
        if (r.network == route.network && r.length == route.length && r.nextHop == route.nextHop &&
            r.interface == route.interface)
        {
            return;
        }
    }
    // Keep the list sorted by decreasing length: the first match is the longest.
    auto pos = m_routes.begin();
    while (pos != m_routes.end() && pos->length >= route.length)
    {
        ++pos;
    }
    m_routes.insert(pos, route);
}

uint64_t
GgsnRoutingProtocol::GetNForwardedToUe() const
{
    return m_nForwardedToUe;
}

uint64_t
GgsnRoutingProtocol::GetNForwardedToCore() const
{
    return m_nForwardedToCore;
}

uint64_t
GgsnRoutingProtocol::GetNUnallocatedDrops() const
{
    return m_nUnallocatedDrops;
}

GgsnRoutingProtocol::LookupResult
GgsnRoutingProtocol::Lookup(Ipv6Address dst, uint32_t& interface, Ipv6Address& gateway) const
{
    if (m_hasUeInterface && LookupUeLink(dst) >= 0)
    {
        interface = m_ueInterface;
        gateway = Ipv6Address::GetAny();
        return TO_UE;
    }
    if (m_hasPool && dst.CombinePrefix(Ipv6Prefix(m_poolLength)) == m_poolBase)
    {
        return UNALLOCATED;
    }
    for (const auto& r : m_routes)
    {
        if (dst.CombinePrefix(Ipv6Prefix(r.length)) == r.network)
        {
            interface = r.interface;
            gateway = r.nextHop;
            return TO_CORE;
        }
    }
    if (m_hasDefault)
    {
        interface = m_default.interface;
        gateway = m_default.nextHop;
        return TO_CORE;
    }
    return NO_ROUTE;
}

Ptr<Ipv6Route>
GgsnRoutingProtocol::MakeRoute(Ipv6Address dst,
                               uint32_t interface,
                               Ipv6Address gateway,
                               bool withSource) const
{
    Ptr<Ipv6Route> route = Create<Ipv6Route>();
    route->SetDestination(dst);
    route->SetGateway(gateway);
    route->SetOutputDevice(m_ipv6->GetNetDevice(interface));
    if (!withSource)
    {
        return route; // forwarded packets keep their own source
    }
    // The UE links carry only the GGSN's link-local addresses: packets the GGSN originates
    // toward a UE take a global address of the default (core) interface as their source.
    Ipv6Address source = Ipv6Address::GetAny();
    if (dst.IsLinkLocal() || dst.IsLinkLocalMulticast())
    {
        source = m_ipv6->SourceAddressSelection(interface, dst);
    }
    else
    {
        std::vector<uint32_t> candidates{interface};
        if (m_hasDefault)
        {
            candidates.push_back(m_default.interface);
        }
        for (const auto& r : m_routes)
        {
            candidates.push_back(r.interface);
        }
        for (uint32_t i : candidates)
        {
            for (uint32_t j = 0; j < m_ipv6->GetNAddresses(i) && source.IsAny(); ++j)
            {
                Ipv6InterfaceAddress a = m_ipv6->GetAddress(i, j);
                if (a.GetScope() == Ipv6InterfaceAddress::GLOBAL)
                {
                    source = a.GetAddress();
                }
            }
            if (!source.IsAny())
            {
                break;
            }
        }
    }
    route->SetSource(source);
    return route;
}

Ptr<Ipv6Route>
GgsnRoutingProtocol::RouteOutput(Ptr<Packet> /* p */,
                                 const Ipv6Header& header,
                                 Ptr<NetDevice> oif,
                                 Socket::SocketErrno& sockerr)
{
    NS_LOG_FUNCTION(this << header.GetDestination() << oif);
    Ipv6Address dst = header.GetDestination();
    int32_t oifIndex = oif ? m_ipv6->GetInterfaceForDevice(oif) : -1;
    if (dst.IsMulticast() || dst.IsLinkLocal())
    {
        // Link-scope traffic goes where the caller says; without an interface it has no route.
        if (oifIndex < 0)
        {
            sockerr = Socket::ERROR_NOROUTETOHOST;
            return nullptr;
        }
        sockerr = Socket::ERROR_NOTERROR;
        return MakeRoute(dst, static_cast<uint32_t>(oifIndex), Ipv6Address::GetAny(), true);
    }
    uint32_t interface = 0;
    Ipv6Address gateway;
    LookupResult result = Lookup(dst, interface, gateway);
    if ((result != TO_UE && result != TO_CORE) ||
        (oifIndex >= 0 && static_cast<uint32_t>(oifIndex) != interface))
    {
        NS_LOG_LOGIC("no route to " << dst);
        sockerr = Socket::ERROR_NOROUTETOHOST;
        return nullptr;
    }
    sockerr = Socket::ERROR_NOTERROR;
    return MakeRoute(dst, interface, gateway, true);
}

bool
GgsnRoutingProtocol::RouteInput(Ptr<const Packet> p,
                                const Ipv6Header& header,
                                Ptr<const NetDevice> idev,
                                UnicastForwardCallback ucb,
                                MulticastForwardCallback /* mcb */,
                                LocalDeliverCallback /* lcb */,
                                ErrorCallback ecb)
{
    NS_LOG_FUNCTION(this << header.GetSource() << header.GetDestination() << idev);
    Ipv6Address dst = header.GetDestination();
    // Ipv6L3Protocol has already delivered multicast the node listens to; the GGSN does not
    // forward multicast, nor link-local destinations.
    if (dst.IsMulticast() || dst.IsLinkLocal())
    {
        return false;
    }
    int32_t iif = m_ipv6->GetInterfaceForDevice(idev);
    if (iif < 0)
    {
        return false;
    }
    if (!m_ipv6->IsForwarding(static_cast<uint32_t>(iif)))
    {
        if (!ecb.IsNull())
        {
            ecb(p, header, Socket::ERROR_NOROUTETOHOST);
        }
        return true;
    }
    uint32_t interface = 0;
    Ipv6Address gateway;
    switch (Lookup(dst, interface, gateway))
    {
    case TO_UE:
        ++m_nForwardedToUe;
        ucb(idev, MakeRoute(dst, interface, gateway, false), p, header);
        return true;
    case TO_CORE:
        ++m_nForwardedToCore;
        ucb(idev, MakeRoute(dst, interface, gateway, false), p, header);
        return true;
    case UNALLOCATED:
        ++m_nUnallocatedDrops;
        NS_LOG_INFO("drop packet to " << dst << ": no PDP context holds its prefix");
        if (!ecb.IsNull())
        {
            ecb(p, header, Socket::ERROR_NOROUTETOHOST);
        }
        return true;
    case NO_ROUTE:
    default:
        return false;
    }
}

void
GgsnRoutingProtocol::NotifyInterfaceUp(uint32_t interface)
{
    NS_LOG_FUNCTION(this << interface);
    // Connected routes of the interface's on-link global prefixes (UE links carry only a
    // link-local address, so this is O(1) per UE link).
    for (uint32_t j = 0; j < m_ipv6->GetNAddresses(interface); ++j)
    {
        Ipv6InterfaceAddress a = m_ipv6->GetAddress(interface, j);
        if (a.GetScope() == Ipv6InterfaceAddress::GLOBAL && a.GetOnLink() &&
            a.GetPrefix().GetPrefixLength() < 128)
        {
            AddRoute(NetworkRoute{a.GetAddress().CombinePrefix(a.GetPrefix()),
                                  a.GetPrefix().GetPrefixLength(),
                                  Ipv6Address::GetAny(),
                                  interface});
        }
    }
}

void
GgsnRoutingProtocol::NotifyInterfaceDown(uint32_t interface)
{
    NS_LOG_FUNCTION(this << interface);
    for (auto it = m_routes.begin(); it != m_routes.end();)
    {
        it = it->interface == interface ? m_routes.erase(it) : it + 1;
    }
}

void
GgsnRoutingProtocol::NotifyAddAddress(uint32_t interface, Ipv6InterfaceAddress address)
{
    NS_LOG_FUNCTION(this << interface << address);
    // Ipv6L3Protocol::AddAddress announces the on-link route through NotifyAddRoute.
}

void
GgsnRoutingProtocol::NotifyRemoveAddress(uint32_t interface, Ipv6InterfaceAddress address)
{
    NS_LOG_FUNCTION(this << interface << address);
    Ipv6Address network = address.GetAddress().CombinePrefix(address.GetPrefix());
    uint8_t length = address.GetPrefix().GetPrefixLength();
    for (auto it = m_routes.begin(); it != m_routes.end();)
    {
        bool match = it->interface == interface && it->network == network && it->length == length &&
                     it->nextHop.IsAny();
        it = match ? m_routes.erase(it) : it + 1;
    }
}

void
GgsnRoutingProtocol::NotifyAddRoute(Ipv6Address dst,
                                    Ipv6Prefix mask,
                                    Ipv6Address nextHop,
                                    uint32_t interface,
                                    Ipv6Address /* prefixToUse */)
{
    NS_LOG_FUNCTION(this << dst << mask << nextHop << interface);
    AddNetworkRoute(dst, mask, nextHop, interface);
}

void
GgsnRoutingProtocol::NotifyRemoveRoute(Ipv6Address dst,
                                       Ipv6Prefix mask,
                                       Ipv6Address nextHop,
                                       uint32_t interface,
                                       Ipv6Address /* prefixToUse */)
{
    NS_LOG_FUNCTION(this << dst << mask << nextHop << interface);
    uint8_t length = mask.GetPrefixLength();
    if (length == 0)
    {
        if (m_hasDefault && m_default.nextHop == nextHop && m_default.interface == interface)
        {
            m_hasDefault = false;
        }
        return;
    }
    Ipv6Address network = dst.CombinePrefix(mask);
    for (auto it = m_routes.begin(); it != m_routes.end();)
    {
        bool match = it->network == network && it->length == length && it->nextHop == nextHop &&
                     it->interface == interface;
        it = match ? m_routes.erase(it) : it + 1;
    }
}

void
GgsnRoutingProtocol::SetIpv6(Ptr<Ipv6> ipv6)
{
    NS_LOG_FUNCTION(this << ipv6);
    NS_ABORT_MSG_IF(m_ipv6, "GgsnRoutingProtocol: SetIpv6 called twice");
    m_ipv6 = ipv6;
    for (uint32_t i = 0; i < m_ipv6->GetNInterfaces(); ++i)
    {
        if (m_ipv6->IsUp(i))
        {
            NotifyInterfaceUp(i);
        }
    }
}

void
GgsnRoutingProtocol::PrintRoutingTable(Ptr<OutputStreamWrapper> stream, Time::Unit unit) const
{
    std::ostream* os = stream->GetStream();
    std::ios oldState(nullptr);
    oldState.copyfmt(*os);
    *os << std::resetiosflags(std::ios::adjustfield) << std::setiosflags(std::ios::left);
    *os << "Node: " << m_ipv6->GetObject<Node>()->GetId() << ", Time: " << Now().As(unit)
        << ", GgsnRoutingProtocol table (" << m_nUePrefixes << " UE prefixes)" << std::endl;
    *os << "Destination                    Next Hop                   If / UE link" << std::endl;
    auto line = [os](const std::string& dest, Ipv6Address gw, const std::string& itf) {
        std::ostringstream g;
        g << gw;
        *os << std::setw(31) << dest << std::setw(27) << g.str() << itf << std::endl;
    };
    for (const auto& table : m_ueTables)
    {
        for (const auto& entry : table.second)
        {
            std::ostringstream d;
            d << entry.first << "/" << unsigned(table.first);
            line(d.str(),
                 Ipv6Address::GetAny(),
                 std::to_string(m_ueInterface) + " / " + std::to_string(entry.second));
        }
    }
    if (m_hasPool)
    {
        std::ostringstream d;
        d << m_poolBase << "/" << unsigned(m_poolLength);
        line(d.str(), Ipv6Address::GetAny(), "unreachable (pool)");
    }
    for (const auto& r : m_routes)
    {
        std::ostringstream d;
        d << r.network << "/" << unsigned(r.length);
        line(d.str(), r.nextHop, std::to_string(r.interface));
    }
    if (m_hasDefault)
    {
        line("::/0", m_default.nextHop, std::to_string(m_default.interface));
    }
    *os << std::endl;
    (*os).copyfmt(oldState);
}

} // namespace ns3
