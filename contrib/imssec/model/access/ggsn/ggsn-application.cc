/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ggsn-application.h"

#include "ggsn-routing-protocol.h"
#include "ggsn-tun-device.h"
#include "ipv6-prefix-pool.h"

#include "ns3/boolean.h"
#include "ns3/icmpv6-header.h"
#include "ns3/icmpv6-l4-protocol.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecGgsnApplication");

NS_OBJECT_ENSURE_REGISTERED(GgsnApplication);

TypeId
GgsnApplication::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::GgsnApplication")
            .SetParent<Application>()
            .SetGroupName("Imssec")
            .AddConstructor<GgsnApplication>()
            .AddAttribute("PrefixPool",
                          "The pool the UE prefixes are taken from (Ipv6PrefixPool); default a "
                          "pool with its default attributes.",
                          PointerValue(),
                          MakePointerAccessor(&GgsnApplication::m_pool),
                          MakePointerChecker<Ipv6PrefixPool>())
            .AddAttribute("AdvValidLifetime",
                          "Valid Lifetime of the advertised prefix (s, 4294967295 = infinite); "
                          "default infinite: the prefix lives as long as the PDP context.",
                          UintegerValue(0xffffffff),
                          MakeUintegerAccessor(&GgsnApplication::m_validLifetime),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("AdvPreferredLifetime",
                          "Preferred Lifetime of the advertised prefix (s, 4294967295 = "
                          "infinite); default infinite.",
                          UintegerValue(0xffffffff),
                          MakeUintegerAccessor(&GgsnApplication::m_preferredLifetime),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("RouterLifetime",
                          "Router Lifetime of the RA (s; non-zero makes the GGSN the UE's "
                          "default router); default 1800.",
                          UintegerValue(1800),
                          MakeUintegerAccessor(&GgsnApplication::m_routerLifetime),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute("CurHopLimit",
                          "Cur Hop Limit field of the RA; default 64.",
                          UintegerValue(64),
                          MakeUintegerAccessor(&GgsnApplication::m_curHopLimit),
                          MakeUintegerChecker<uint8_t>())
            .AddAttribute("OnLinkFlag",
                          "Set the L (on-link) flag of the Prefix Information option (bool); "
                          "default false: on a 3GPP point-to-point link everything goes through "
                          "the GGSN.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&GgsnApplication::m_onLink),
                          MakeBooleanChecker())
            .AddAttribute("SourceLinkLayerAddress",
                          "Include the source link-layer address option (bool); default true.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&GgsnApplication::m_sourceLla),
                          MakeBooleanChecker())
            .AddAttribute("LinkMtu",
                          "MTU option value (bytes, 0 = no MTU option); default 0.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&GgsnApplication::m_mtu),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("InitialAdvertisements",
                          "Number of unsolicited RAs sent at context activation (first one "
                          "at once); default 3 (RFC 4861 MAX_INITIAL_RTR_ADVERTISEMENTS).",
                          UintegerValue(3),
                          MakeUintegerAccessor(&GgsnApplication::m_initialAdvertisements),
                          MakeUintegerChecker<uint32_t>(1, 1000))
            .AddAttribute("InitialAdvertisementInterval",
                          "Spacing of the initial RAs (s); default 16 s (RFC 4861 "
                          "MAX_INITIAL_RTR_ADVERT_INTERVAL).",
                          TimeValue(Seconds(16)),
                          MakeTimeAccessor(&GgsnApplication::m_initialInterval),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("AdvertisementInterval",
                          "Interval of the periodic unsolicited RAs after the initial ones "
                          "(s, 0 = none); default 0.",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&GgsnApplication::m_interval),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("AnswerSolicitations",
                          "Answer Router Solicitations on links with an active context (bool); "
                          "default true.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&GgsnApplication::m_answerSolicitations),
                          MakeBooleanChecker())
            .AddAttribute("SourceCheck",
                          "Drop packets from a UE link whose source address is outside the "
                          "link's prefix (bool); default true, as a GGSN/UPF does.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&GgsnApplication::m_sourceCheck),
                          MakeBooleanChecker())
            .AddTraceSource("ContextActivated",
                            "A PDP context was activated: UE link, prefix, length.",
                            MakeTraceSourceAccessor(&GgsnApplication::m_activatedTrace),
                            "ns3::GgsnApplication::ContextTracedCallback")
            .AddTraceSource("ContextDeactivated",
                            "A PDP context was deactivated: UE link, prefix, length.",
                            MakeTraceSourceAccessor(&GgsnApplication::m_deactivatedTrace),
                            "ns3::GgsnApplication::ContextTracedCallback")
            .AddTraceSource("RequestRefused",
                            "An activation or deactivation was refused: UE link, reason.",
                            MakeTraceSourceAccessor(&GgsnApplication::m_refusedTrace),
                            "ns3::GgsnApplication::RefusedTracedCallback")
            .AddTraceSource("RouterAdvertisementSent",
                            "A Router Advertisement was sent: UE link, prefix, solicited.",
                            MakeTraceSourceAccessor(&GgsnApplication::m_raTrace),
                            "ns3::GgsnApplication::RaTracedCallback");
    return tid;
}

GgsnApplication::GgsnApplication()
    : m_validLifetime(0xffffffff),
      m_preferredLifetime(0xffffffff),
      m_routerLifetime(1800),
      m_curHopLimit(64),
      m_onLink(false),
      m_sourceLla(true),
      m_mtu(0),
      m_initialAdvertisements(3),
      m_answerSolicitations(true),
      m_sourceCheck(true),
      m_setUp(false),
      m_tunInterface(0),
      m_nActive(0),
      m_nActivations(0),
      m_nDeactivations(0),
      m_nExhausted(0),
      m_nDuplicateActivations(0),
      m_nUnknownDeactivations(0),
      m_nRouterSolicitations(0),
      m_nIgnoredSolicitations(0),
      m_nRouterAdvertisements(0),
      m_nDadDefences(0),
      m_nUplink(0),
      m_nDownlink(0),
      m_nNoContextDrops(0),
      m_nSpoofedDrops(0),
      m_nUnroutableDrops(0)
{
    NS_LOG_FUNCTION(this);
}

GgsnApplication::~GgsnApplication()
{
    NS_LOG_FUNCTION(this);
}

void
GgsnApplication::DoDispose()
{
    NS_LOG_FUNCTION(this);
    for (auto& link : m_links)
    {
        link.raEvent.Cancel();
        link.device = nullptr;
    }
    m_links.clear();
    m_pool = nullptr;
    m_ipv6 = nullptr;
    m_routing = nullptr;
    m_tun = nullptr;
    Application::DoDispose();
}

void
GgsnApplication::Setup()
{
    NS_LOG_FUNCTION(this);
    if (m_setUp)
    {
        return;
    }
    NS_ABORT_MSG_IF(!GetNode(), "GgsnApplication: not installed on a node");
    m_ipv6 = GetNode()->GetObject<Ipv6L3Protocol>();
    NS_ABORT_MSG_IF(!m_ipv6, "GgsnApplication: the GGSN node has no IPv6 stack");
    m_routing = DynamicCast<GgsnRoutingProtocol>(m_ipv6->GetRoutingProtocol());
    NS_ABORT_MSG_IF(!m_routing,
                    "GgsnApplication: the GGSN node's IPv6 routing protocol must be "
                    "ns3::GgsnRoutingProtocol (ImsAccessHelper installs it)");
    if (!m_pool)
    {
        m_pool = CreateObject<Ipv6PrefixPool>();
    }
    m_tun = CreateObject<GgsnTunDevice>();
    GetNode()->AddDevice(m_tun);
    m_tun->SetSendCallback(MakeCallback(&GgsnApplication::SendToUe, this));
    m_tunInterface = m_ipv6->AddInterface(m_tun);
    m_ipv6->SetForwarding(m_tunInterface, true);
    m_ipv6->SetUp(m_tunInterface);
    m_routing->SetUeInterface(m_tunInterface);
    m_routing->SetPool(m_pool->GetBasePrefix(), m_pool->GetBasePrefixLength());
    m_setUp = true;
}

Ptr<Ipv6PrefixPool>
GgsnApplication::GetPrefixPool() const
{
    return m_pool;
}

Ptr<GgsnRoutingProtocol>
GgsnApplication::GetRoutingProtocol()
{
    Setup();
    return m_routing;
}

uint32_t
GgsnApplication::GetUeInterface()
{
    Setup();
    return m_tunInterface;
}

uint8_t
GgsnApplication::GetAllocatedPrefixLength() const
{
    return m_pool ? m_pool->GetAllocatedPrefixLength() : 0;
}

uint32_t
GgsnApplication::AddUeLink(Ptr<NetDevice> device)
{
    NS_LOG_FUNCTION(this << device);
    Setup();
    NS_ABORT_MSG_IF(device->GetNode() != GetNode(),
                    "GgsnApplication::AddUeLink: the device is not on the GGSN node");
    NS_ABORT_MSG_IF(m_ipv6->GetInterfaceForDevice(device) >= 0,
                    "GgsnApplication::AddUeLink: the device is an IPv6 interface");
    NS_ABORT_MSG_IF(device->NeedsArp(),
                    "GgsnApplication::AddUeLink: UE links must not need address resolution");
    uint32_t link = static_cast<uint32_t>(m_links.size());
    m_links.push_back(UeLink{device, Ipv6Address::GetAny(), false, 0, EventId()});
    uint32_t ifIndex = device->GetIfIndex();
    if (ifIndex >= m_linkOfDevice.size())
    {
        m_linkOfDevice.resize(ifIndex + 1, 0);
    }
    m_linkOfDevice[ifIndex] = link + 1;
    // The device's packets come here, not through the node's protocol handlers.
    device->SetReceiveCallback(MakeCallback(&GgsnApplication::ReceiveFromUe, this));
    return link;
}

uint32_t
GgsnApplication::GetNUeLinks() const
{
    return static_cast<uint32_t>(m_links.size());
}

Ptr<NetDevice>
GgsnApplication::GetUeLinkDevice(uint32_t link) const
{
    return link < m_links.size() ? m_links[link].device : nullptr;
}

Ipv6Address
GgsnApplication::GetLinkLocalAddress(uint32_t link) const
{
    NS_ABORT_MSG_IF(link >= m_links.size(), "no UE link " << link);
    return Ipv6Address::MakeAutoconfiguredLinkLocalAddress(m_links[link].device->GetAddress());
}

void
GgsnApplication::ClaimAddress(uint32_t link, Ipv6Address address)
{
    NS_LOG_FUNCTION(this << link << address);
    NS_ABORT_MSG_IF(link >= m_links.size(), "no UE link " << link);
    m_claimed[address] = link;
}

void
GgsnApplication::Refuse(uint32_t link, const std::string& reason)
{
    NS_LOG_FUNCTION(this << link << reason);
    m_refusedTrace(link, reason);
}

bool
GgsnApplication::ActivatePdpContext(uint32_t link)
{
    NS_LOG_FUNCTION(this << link);
    Setup();
    if (link >= m_links.size())
    {
        NS_LOG_ERROR("PDP context activation on unknown UE link " << link);
        Refuse(link, "no-such-link");
        return false;
    }
    UeLink& ue = m_links[link];
    if (ue.active)
    {
        ++m_nDuplicateActivations;
        NS_LOG_WARN("duplicate PDP context activation on UE link " << link << " (prefix "
                                                                   << ue.prefix << "): refused");
        Refuse(link, "duplicate");
        return false;
    }
    Ipv6Address prefix;
    if (!m_pool->Allocate(prefix))
    {
        ++m_nExhausted;
        NS_LOG_WARN("PDP context activation on UE link " << link
                                                         << " refused: prefix pool exhausted");
        Refuse(link, "exhausted");
        return false;
    }
    uint8_t length = m_pool->GetAllocatedPrefixLength();
    m_routing->AddUePrefix(prefix, length, link);
    ue.prefix = prefix;
    ue.active = true;
    ++m_nActive;
    ++m_nActivations;
    NS_LOG_INFO("PDP context on UE link " << link << ": prefix " << prefix << "/"
                                          << unsigned(length));
    m_activatedTrace(link, prefix, length);
    ue.initialLeft = m_initialAdvertisements;
    UnsolicitedAdvertisement(link);
    return true;
}

bool
GgsnApplication::DeactivatePdpContext(uint32_t link)
{
    NS_LOG_FUNCTION(this << link);
    Setup();
    if (link >= m_links.size() || !m_links[link].active)
    {
        ++m_nUnknownDeactivations;
        NS_LOG_WARN("deactivation of an unknown PDP context on UE link " << link << ": ignored");
        Refuse(link, "unknown");
        return false;
    }
    UeLink& ue = m_links[link];
    // Tell the UE before the prefix disappears: zero lifetimes deprecate and invalidate it.
    SendRouterAdvertisement(link, false, true);
    ue.raEvent.Cancel();
    uint8_t length = m_pool->GetAllocatedPrefixLength();
    m_routing->RemoveUePrefix(ue.prefix, length);
    m_pool->Release(ue.prefix);
    m_deactivatedTrace(link, ue.prefix, length);
    NS_LOG_INFO("PDP context on UE link " << link << " deactivated, prefix " << ue.prefix
                                          << " released");
    ue.active = false;
    ue.prefix = Ipv6Address::GetAny();
    --m_nActive;
    ++m_nDeactivations;
    return true;
}

bool
GgsnApplication::Advertise(uint32_t link)
{
    NS_LOG_FUNCTION(this << link);
    if (!HasActiveContext(link))
    {
        return false;
    }
    SendRouterAdvertisement(link, false, false);
    return true;
}

bool
GgsnApplication::HasActiveContext(uint32_t link) const
{
    return link < m_links.size() && m_links[link].active;
}

Ipv6Address
GgsnApplication::GetUePrefix(uint32_t link) const
{
    return HasActiveContext(link) ? m_links[link].prefix : Ipv6Address::GetAny();
}

uint32_t
GgsnApplication::GetNActiveContexts() const
{
    return m_nActive;
}

bool
GgsnApplication::ReceiveFromUe(Ptr<NetDevice> device,
                               Ptr<const Packet> packet,
                               uint16_t protocol,
                               const Address& /* from */)
{
    NS_LOG_FUNCTION(this << device << packet << protocol);
    uint32_t ifIndex = device->GetIfIndex();
    if (protocol != Ipv6L3Protocol::PROT_NUMBER || ifIndex >= m_linkOfDevice.size() ||
        m_linkOfDevice[ifIndex] == 0)
    {
        return false;
    }
    uint32_t link = m_linkOfDevice[ifIndex] - 1;
    Ipv6Header header;
    if (packet->PeekHeader(header) == 0)
    {
        return false;
    }
    Ipv6Address destination = header.GetDestination();
    if (destination.IsMulticast() || destination.IsLinkLocal())
    {
        HandleLinkTraffic(link, packet);
        return true;
    }
    const UeLink& ue = m_links[link];
    if (!ue.active)
    {
        ++m_nNoContextDrops;
        NS_LOG_LOGIC("packet from UE link " << link << " without PDP context: dropped");
        return true;
    }
    if (m_sourceCheck && header.GetSource().CombinePrefix(
                             Ipv6Prefix(m_pool->GetAllocatedPrefixLength())) != ue.prefix)
    {
        ++m_nSpoofedDrops;
        NS_LOG_INFO("packet from UE link " << link << " with source " << header.GetSource()
                                           << " outside " << ue.prefix << ": dropped");
        return true;
    }
    ++m_nUplink;
    m_tun->Receive(packet->Copy());
    return true;
}

void
GgsnApplication::HandleLinkTraffic(uint32_t link, Ptr<const Packet> packet)
{
    NS_LOG_FUNCTION(this << link << packet);
    Ptr<Packet> p = packet->Copy();
    Ipv6Header header;
    p->RemoveHeader(header);
    uint8_t type = 0;
    if (header.GetNextHeader() != Icmpv6L4Protocol::PROT_NUMBER || p->GetSize() < 4)
    {
        return;
    }
    p->CopyData(&type, 1);
    if (type == Icmpv6Header::ICMPV6_ND_ROUTER_SOLICITATION)
    {
        ++m_nRouterSolicitations;
        if (header.GetHopLimit() != 255 || !HasActiveContext(link) || !m_answerSolicitations)
        {
            ++m_nIgnoredSolicitations;
            NS_LOG_LOGIC("Router Solicitation from " << header.GetSource() << " on UE link " << link
                                                     << " not answered");
            return;
        }
        NS_LOG_LOGIC("Router Solicitation from " << header.GetSource() << " on UE link " << link);
        SendRouterAdvertisement(link, true, false);
    }
    else if (type == Icmpv6Header::ICMPV6_ND_NEIGHBOR_SOLICITATION && header.GetSource().IsAny() &&
             header.GetHopLimit() == 255)
    {
        // A DAD probe (RFC 4862 5.4): defend the GGSN's own link-local address and claimed
        // addresses.
        Icmpv6NS ns;
        if (p->GetSize() < ns.GetSerializedSize())
        {
            return;
        }
        p->RemoveHeader(ns);
        Ipv6Address target = ns.GetIpv6Target();
        auto claimed = m_claimed.find(target);
        if (target == GetLinkLocalAddress(link) ||
            (claimed != m_claimed.end() && claimed->second == link))
        {
            SendDadDefence(link, target);
        }
    }
}

void
GgsnApplication::SendOnLink(uint32_t link, Ptr<Packet> packet, Ipv6Address destination)
{
    NS_LOG_FUNCTION(this << link << packet << destination);
    Ipv6Header header;
    header.SetSource(GetLinkLocalAddress(link));
    header.SetDestination(destination);
    header.SetNextHeader(Icmpv6L4Protocol::PROT_NUMBER);
    header.SetPayloadLength(packet->GetSize());
    header.SetHopLimit(255); // RFC 4861: Neighbor Discovery messages use hop limit 255
    packet->AddHeader(header);
    Ptr<NetDevice> device = m_links[link].device;
    device->Send(packet, device->GetBroadcast(), Ipv6L3Protocol::PROT_NUMBER);
}

void
GgsnApplication::SendDadDefence(uint32_t link, Ipv6Address target)
{
    NS_LOG_FUNCTION(this << link << target);
    // RFC 4861 7.2.4: the answer to a probe from :: goes to all-nodes, S flag clear.
    Ptr<NetDevice> device = m_links[link].device;
    Ptr<Packet> packet = Create<Packet>();
    packet->AddHeader(Icmpv6OptionLinkLayerAddress(false, device->GetAddress()));
    Icmpv6NA na;
    na.SetIpv6Target(target);
    na.SetFlagR(true);
    na.SetFlagS(false);
    na.SetFlagO(true);
    Ipv6Address destination = Ipv6Address::GetAllNodesMulticast();
    na.CalculatePseudoHeaderChecksum(GetLinkLocalAddress(link),
                                     destination,
                                     packet->GetSize() + na.GetSerializedSize(),
                                     Icmpv6L4Protocol::PROT_NUMBER);
    packet->AddHeader(na);
    ++m_nDadDefences;
    NS_LOG_INFO("UE link " << link << ": DAD probe for " << target << " answered");
    SendOnLink(link, packet, destination);
}

bool
GgsnApplication::SendToUe(Ptr<Packet> packet)
{
    NS_LOG_FUNCTION(this << packet);
    Ipv6Header header;
    packet->PeekHeader(header);
    int64_t link = header.GetDestination().IsMulticast()
                       ? -1
                       : m_routing->LookupUeLink(header.GetDestination());
    if (link < 0 || !m_links[link].active)
    {
        if (!header.GetDestination().IsMulticast())
        {
            ++m_nUnroutableDrops;
            NS_LOG_LOGIC("no UE link for " << header.GetDestination() << ": dropped");
        }
        return false;
    }
    ++m_nDownlink;
    Ptr<NetDevice> device = m_links[link].device;
    return device->Send(packet, device->GetBroadcast(), Ipv6L3Protocol::PROT_NUMBER);
}

void
GgsnApplication::UnsolicitedAdvertisement(uint32_t link)
{
    NS_LOG_FUNCTION(this << link);
    UeLink& ue = m_links[link];
    if (!ue.active)
    {
        return;
    }
    SendRouterAdvertisement(link, false, false);
    Time next;
    if (ue.initialLeft > 0)
    {
        --ue.initialLeft;
    }
    if (ue.initialLeft > 0)
    {
        next = m_initialInterval;
    }
    else if (m_interval.IsStrictlyPositive())
    {
        next = m_interval;
    }
    else
    {
        return;
    }
    ue.raEvent = Simulator::Schedule(next, &GgsnApplication::UnsolicitedAdvertisement, this, link);
}

void
GgsnApplication::SendRouterAdvertisement(uint32_t link, bool solicited, bool withdraw)
{
    NS_LOG_FUNCTION(this << link << solicited << withdraw);
    const UeLink& ue = m_links[link];
    uint8_t length = m_pool->GetAllocatedPrefixLength();
    // SLAAC forms addresses on a /64: a shorter allocation is advertised as its first /64.
    uint8_t advertisedLength = length < 64 ? 64 : length;
    uint8_t flags = advertisedLength == 64 ? Icmpv6OptionPrefixInformation::AUTADDRCONF : 0;
    if (m_onLink)
    {
        flags |= Icmpv6OptionPrefixInformation::ONLINK;
    }
    Icmpv6OptionPrefixInformation pio(ue.prefix, advertisedLength);
    pio.SetFlags(flags);
    pio.SetValidTime(withdraw ? 0 : m_validLifetime);
    pio.SetPreferredTime(withdraw ? 0 : m_preferredLifetime);

    Ptr<Packet> packet = Create<Packet>();
    if (m_sourceLla)
    {
        packet->AddHeader(Icmpv6OptionLinkLayerAddress(true, ue.device->GetAddress()));
    }
    if (m_mtu != 0)
    {
        packet->AddHeader(Icmpv6OptionMtu(m_mtu));
    }
    packet->AddHeader(pio);

    Icmpv6RA ra;
    ra.SetCurHopLimit(m_curHopLimit);
    ra.SetLifeTime(withdraw ? 0 : m_routerLifetime);
    ra.SetReachableTime(0);
    ra.SetRetransmissionTime(0);
    ra.SetFlagM(false);
    ra.SetFlagO(false);
    ra.SetFlagH(false);
    Ipv6Address destination = Ipv6Address::GetAllNodesMulticast();
    ra.CalculatePseudoHeaderChecksum(GetLinkLocalAddress(link),
                                     destination,
                                     packet->GetSize() + ra.GetSerializedSize(),
                                     Icmpv6L4Protocol::PROT_NUMBER);
    packet->AddHeader(ra);
    SendOnLink(link, packet, destination);
    ++m_nRouterAdvertisements;
    m_raTrace(link, ue.prefix, solicited);
}

void
GgsnApplication::StartApplication()
{
    NS_LOG_FUNCTION(this);
    Setup();
}

void
GgsnApplication::StopApplication()
{
    NS_LOG_FUNCTION(this);
    for (auto& link : m_links)
    {
        link.raEvent.Cancel();
    }
}

uint64_t
GgsnApplication::GetNActivations() const
{
    return m_nActivations;
}

uint64_t
GgsnApplication::GetNDeactivations() const
{
    return m_nDeactivations;
}

uint64_t
GgsnApplication::GetNExhaustedActivations() const
{
    return m_nExhausted;
}

uint64_t
GgsnApplication::GetNDuplicateActivations() const
{
    return m_nDuplicateActivations;
}

uint64_t
GgsnApplication::GetNUnknownDeactivations() const
{
    return m_nUnknownDeactivations;
}

uint64_t
GgsnApplication::GetNRouterSolicitations() const
{
    return m_nRouterSolicitations;
}

uint64_t
GgsnApplication::GetNIgnoredSolicitations() const
{
    return m_nIgnoredSolicitations;
}

uint64_t
GgsnApplication::GetNRouterAdvertisements() const
{
    return m_nRouterAdvertisements;
}

uint64_t
GgsnApplication::GetNDadDefences() const
{
    return m_nDadDefences;
}

uint64_t
GgsnApplication::GetNUplinkPackets() const
{
    return m_nUplink;
}

uint64_t
GgsnApplication::GetNDownlinkPackets() const
{
    return m_nDownlink;
}

uint64_t
GgsnApplication::GetNNoContextDrops() const
{
    return m_nNoContextDrops;
}

uint64_t
GgsnApplication::GetNSpoofedDrops() const
{
    return m_nSpoofedDrops;
}

uint64_t
GgsnApplication::GetNUnroutableDrops() const
{
    return m_nUnroutableDrops;
}

} // namespace ns3
