/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ggsn-application.h"

#include "ggsn-routing-protocol.h"
#include "ipv6-prefix-pool.h"

#include "ns3/boolean.h"
#include "ns3/icmpv6-header.h"
#include "ns3/icmpv6-l4-protocol.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-interface.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-packet-info-tag.h"
#include "ns3/ipv6-raw-socket-factory.h"
#include "ns3/log.h"
#include "ns3/loopback-net-device.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
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
            .AddTraceSource("ContextActivated",
                            "A PDP context was activated: interface, prefix, length.",
                            MakeTraceSourceAccessor(&GgsnApplication::m_activatedTrace),
                            "ns3::GgsnApplication::ContextTracedCallback")
            .AddTraceSource("ContextDeactivated",
                            "A PDP context was deactivated: interface, prefix, length.",
                            MakeTraceSourceAccessor(&GgsnApplication::m_deactivatedTrace),
                            "ns3::GgsnApplication::ContextTracedCallback")
            .AddTraceSource("RequestRefused",
                            "An activation or deactivation was refused: interface, reason.",
                            MakeTraceSourceAccessor(&GgsnApplication::m_refusedTrace),
                            "ns3::GgsnApplication::RefusedTracedCallback")
            .AddTraceSource("RouterAdvertisementSent",
                            "A Router Advertisement was sent: interface, prefix, solicited.",
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
      m_setUp(false),
      m_nActive(0),
      m_nActivations(0),
      m_nDeactivations(0),
      m_nExhausted(0),
      m_nDuplicateActivations(0),
      m_nUnknownDeactivations(0),
      m_nRouterSolicitations(0),
      m_nIgnoredSolicitations(0),
      m_nRouterAdvertisements(0)
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
    for (auto& c : m_contexts)
    {
        c.raEvent.Cancel();
    }
    m_contexts.clear();
    m_socket = nullptr;
    m_pool = nullptr;
    m_ipv6 = nullptr;
    m_routing = nullptr;
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

uint8_t
GgsnApplication::GetAllocatedPrefixLength() const
{
    return m_pool ? m_pool->GetAllocatedPrefixLength() : 0;
}

bool
GgsnApplication::IsUeLink(uint32_t interface) const
{
    if (interface >= m_ipv6->GetNInterfaces() ||
        DynamicCast<LoopbackNetDevice>(m_ipv6->GetNetDevice(interface)))
    {
        return false;
    }
    // Core links carry global addresses; a UE link only the GGSN's link-local address.
    for (uint32_t j = 0; j < m_ipv6->GetNAddresses(interface); ++j)
    {
        if (m_ipv6->GetAddress(interface, j).GetScope() == Ipv6InterfaceAddress::GLOBAL)
        {
            return false;
        }
    }
    return true;
}

void
GgsnApplication::Refuse(uint32_t interface, const std::string& reason)
{
    NS_LOG_FUNCTION(this << interface << reason);
    m_refusedTrace(interface, reason);
}

bool
GgsnApplication::ActivatePdpContext(uint32_t interface)
{
    NS_LOG_FUNCTION(this << interface);
    Setup();
    if (!IsUeLink(interface))
    {
        NS_LOG_ERROR("PDP context activation on interface "
                     << interface << ", which is not a UE link");
        Refuse(interface, "not-a-ue-link");
        return false;
    }
    if (interface >= m_contexts.size())
    {
        m_contexts.resize(interface + 1, Context{Ipv6Address::GetAny(), false, 0, EventId()});
    }
    Context& context = m_contexts[interface];
    if (context.active)
    {
        ++m_nDuplicateActivations;
        NS_LOG_WARN("duplicate PDP context activation on interface "
                    << interface << " (prefix " << context.prefix << "): refused");
        Refuse(interface, "duplicate");
        return false;
    }
    Ipv6Address prefix;
    if (!m_pool->Allocate(prefix))
    {
        ++m_nExhausted;
        NS_LOG_WARN("PDP context activation on interface "
                    << interface << " refused: prefix pool exhausted");
        Refuse(interface, "exhausted");
        return false;
    }
    uint8_t length = m_pool->GetAllocatedPrefixLength();
    m_routing->AddUePrefix(prefix, length, interface);
    context.prefix = prefix;
    context.active = true;
    ++m_nActive;
    ++m_nActivations;
    NS_LOG_INFO("PDP context on interface " << interface << ": prefix " << prefix << "/"
                                            << unsigned(length));
    m_activatedTrace(interface, prefix, length);
    context.initialLeft = m_initialAdvertisements;
    UnsolicitedAdvertisement(interface);
    return true;
}

bool
GgsnApplication::DeactivatePdpContext(uint32_t interface)
{
    NS_LOG_FUNCTION(this << interface);
    Setup();
    if (interface >= m_contexts.size() || !m_contexts[interface].active)
    {
        ++m_nUnknownDeactivations;
        NS_LOG_WARN("deactivation of an unknown PDP context on interface "
                    << interface << ": ignored");
        Refuse(interface, "unknown");
        return false;
    }
    Context& context = m_contexts[interface];
    // Tell the UE before the prefix disappears: zero lifetimes deprecate and invalidate it.
    SendRouterAdvertisement(interface, false, true);
    context.raEvent.Cancel();
    uint8_t length = m_pool->GetAllocatedPrefixLength();
    m_routing->RemoveUePrefix(context.prefix, length);
    m_pool->Release(context.prefix);
    m_deactivatedTrace(interface, context.prefix, length);
    NS_LOG_INFO("PDP context on interface " << interface << " deactivated, prefix "
                                            << context.prefix << " released");
    context.active = false;
    context.prefix = Ipv6Address::GetAny();
    --m_nActive;
    ++m_nDeactivations;
    return true;
}

bool
GgsnApplication::HasActiveContext(uint32_t interface) const
{
    return interface < m_contexts.size() && m_contexts[interface].active;
}

Ipv6Address
GgsnApplication::GetUePrefix(uint32_t interface) const
{
    return HasActiveContext(interface) ? m_contexts[interface].prefix : Ipv6Address::GetAny();
}

uint32_t
GgsnApplication::GetNActiveContexts() const
{
    return m_nActive;
}

void
GgsnApplication::UnsolicitedAdvertisement(uint32_t interface)
{
    NS_LOG_FUNCTION(this << interface);
    Context& context = m_contexts[interface];
    if (!context.active)
    {
        return;
    }
    SendRouterAdvertisement(interface, false, false);
    Time next;
    if (context.initialLeft > 0)
    {
        --context.initialLeft;
    }
    if (context.initialLeft > 0)
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
    context.raEvent =
        Simulator::Schedule(next, &GgsnApplication::UnsolicitedAdvertisement, this, interface);
}

void
GgsnApplication::SendRouterAdvertisement(uint32_t interface, bool solicited, bool withdraw)
{
    NS_LOG_FUNCTION(this << interface << solicited << withdraw);
    Ptr<Ipv6Interface> iface = m_ipv6->GetInterface(interface);
    if (!iface || !iface->IsUp())
    {
        NS_LOG_WARN("cannot advertise on interface " << interface << ": interface down");
        return;
    }
    const Context& context = m_contexts[interface];
    uint8_t length = m_pool->GetAllocatedPrefixLength();
    // SLAAC forms addresses on a /64: a shorter allocation is advertised as its first /64.
    uint8_t advertisedLength = length < 64 ? 64 : length;
    uint8_t flags = advertisedLength == 64 ? Icmpv6OptionPrefixInformation::AUTADDRCONF : 0;
    if (m_onLink)
    {
        flags |= Icmpv6OptionPrefixInformation::ONLINK;
    }
    Icmpv6OptionPrefixInformation pio(context.prefix, advertisedLength);
    pio.SetFlags(flags);
    pio.SetValidTime(withdraw ? 0 : m_validLifetime);
    pio.SetPreferredTime(withdraw ? 0 : m_preferredLifetime);

    Ptr<Packet> packet = Create<Packet>();
    if (m_sourceLla)
    {
        packet->AddHeader(Icmpv6OptionLinkLayerAddress(true, iface->GetDevice()->GetAddress()));
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
    Ipv6Address source = iface->GetLinkLocalAddress().GetAddress();
    Ipv6Address destination = Ipv6Address::GetAllNodesMulticast();
    ra.CalculatePseudoHeaderChecksum(source,
                                     destination,
                                     packet->GetSize() + ra.GetSerializedSize(),
                                     Icmpv6L4Protocol::PROT_NUMBER);
    packet->AddHeader(ra);

    Ipv6Header header;
    header.SetSource(source);
    header.SetDestination(destination);
    header.SetNextHeader(Icmpv6L4Protocol::PROT_NUMBER);
    header.SetPayloadLength(packet->GetSize());
    header.SetHopLimit(255); // RFC 4861: a received RA with another hop limit is discarded
    // Straight onto the link, as ns-3's own Neighbor Discovery does: routing is not involved.
    iface->Send(packet, header, destination);
    ++m_nRouterAdvertisements;
    m_raTrace(interface, context.prefix, solicited);
}

void
GgsnApplication::StartApplication()
{
    NS_LOG_FUNCTION(this);
    Setup();
    if (!m_socket)
    {
        m_socket = Socket::CreateSocket(GetNode(), Ipv6RawSocketFactory::GetTypeId());
        m_socket->SetAttribute("Protocol", UintegerValue(Icmpv6L4Protocol::PROT_NUMBER));
        m_socket->Bind(Inet6SocketAddress(Ipv6Address::GetAny(), 0));
        m_socket->SetRecvPktInfo(true);
        m_socket->SetRecvCallback(MakeCallback(&GgsnApplication::HandleRead, this));
    }
}

void
GgsnApplication::StopApplication()
{
    NS_LOG_FUNCTION(this);
    if (m_socket)
    {
        m_socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        m_socket->Close();
        m_socket = nullptr;
    }
    for (auto& c : m_contexts)
    {
        c.raEvent.Cancel();
    }
}

void
GgsnApplication::HandleRead(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    Ptr<Packet> packet;
    Address from;
    while ((packet = socket->RecvFrom(from)))
    {
        // The raw socket sees every ICMPv6 packet the node receives: keep the solicitations.
        Ipv6PacketInfoTag info;
        if (!packet->RemovePacketTag(info))
        {
            continue;
        }
        Ipv6Header header;
        packet->RemoveHeader(header);
        uint8_t type = 0;
        if (packet->GetSize() < 1)
        {
            continue;
        }
        packet->CopyData(&type, 1);
        if (type != Icmpv6Header::ICMPV6_ND_ROUTER_SOLICITATION)
        {
            continue;
        }
        ++m_nRouterSolicitations;
        if (header.GetHopLimit() != 255)
        {
            NS_LOG_WARN("Router Solicitation with hop limit " << unsigned(header.GetHopLimit())
                                                              << ": discarded (RFC 4861)");
            continue;
        }
        Ptr<NetDevice> device = GetNode()->GetDevice(info.GetRecvIf());
        int32_t interface = m_ipv6->GetInterfaceForDevice(device);
        if (interface < 0 || !HasActiveContext(static_cast<uint32_t>(interface)) ||
            !m_answerSolicitations)
        {
            ++m_nIgnoredSolicitations;
            NS_LOG_LOGIC("Router Solicitation from " << header.GetSource() << " on interface "
                                                     << interface << " not answered");
            continue;
        }
        NS_LOG_LOGIC("Router Solicitation from " << header.GetSource() << " on interface "
                                                 << interface);
        SendRouterAdvertisement(static_cast<uint32_t>(interface), true, false);
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

} // namespace ns3
