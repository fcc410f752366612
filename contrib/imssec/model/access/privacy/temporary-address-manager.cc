/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "temporary-address-manager.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/icmpv6-header.h"
#include "ns3/icmpv6-l4-protocol.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-interface.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-raw-socket-factory.h"
#include "ns3/ipv6-routing-protocol.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/random-variable-stream.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <iterator>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecTemporaryAddressManager");

NS_OBJECT_ENSURE_REGISTERED(TemporaryAddressManager);

namespace
{

/// Infinite lifetime in Router Advertisements (RFC 4861).
const uint32_t INFINITE_LIFETIME = 0xffffffff;

/**
 * \param now the current time
 * \param seconds a lifetime from an RA (0xffffffff = infinite)
 * \returns the end of the lifetime, Time::Max() when infinite
 */
Time
LifetimeEnd(Time now, uint32_t seconds)
{
    return seconds == INFINITE_LIFETIME ? Time::Max() : now + Seconds(seconds);
}

/**
 * \param start a time
 * \param duration a duration, Time::Max() for infinite
 * \returns start + duration, saturated at Time::Max()
 */
Time
SaturatedSum(Time start, Time duration)
{
    if (duration >= Time::Max() - start)
    {
        return Time::Max();
    }
    return start + duration;
}

/**
 * \param end an end time, Time::Max() for infinite
 * \param now the current time
 * \returns the time left, Time::Max() for infinite
 */
Time
Remaining(Time end, Time now)
{
    return end == Time::Max() ? Time::Max() : end - now;
}

} // namespace

TypeId
TemporaryAddressManager::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::TemporaryAddressManager")
            .SetParent<Object>()
            .SetGroupName("Imssec")
            .AddConstructor<TemporaryAddressManager>()
            .AddAttribute("Interface",
                          "Index of the IPv6 interface whose addresses are managed; default 1 "
                          "(the first interface after the loopback).",
                          UintegerValue(1),
                          MakeUintegerAccessor(&TemporaryAddressManager::m_interface),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("UseTemporaryAddresses",
                          "Generate temporary addresses (bool); false switches rotation off and "
                          "the public address is the current one; default true.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&TemporaryAddressManager::m_enabled),
                          MakeBooleanChecker())
            .AddAttribute("PublicFallback",
                          "When no temporary address is preferred, GetCurrentAddress returns "
                          "the public address (bool) instead of ::; default false.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&TemporaryAddressManager::m_publicFallback),
                          MakeBooleanChecker())
            .AddAttribute("TempValidLifetime",
                          "TEMP_VALID_LIFETIME: upper bound of a temporary address's valid "
                          "lifetime (s); default 1 week (RFC 3041).",
                          TimeValue(Days(7)),
                          MakeTimeAccessor(&TemporaryAddressManager::m_validLifetime),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("TempPreferredLifetime",
                          "TEMP_PREFERRED_LIFETIME: upper bound of a temporary address's "
                          "preferred lifetime, the rotation interval (s); default 1 day.",
                          TimeValue(Days(1)),
                          MakeTimeAccessor(&TemporaryAddressManager::m_preferredLifetime),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("RegenAdvance",
                          "REGEN_ADVANCE: how long before deprecation the successor address is "
                          "generated (s); default 5 s.",
                          TimeValue(Seconds(5)),
                          MakeTimeAccessor(&TemporaryAddressManager::m_regenAdvance),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("MaxDesyncFactor",
                          "MAX_DESYNC_FACTOR: upper bound of DESYNC_FACTOR (s); default 10 min "
                          "(RFC 3041).",
                          TimeValue(Minutes(10)),
                          MakeTimeAccessor(&TemporaryAddressManager::m_maxDesyncFactor),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("DesyncPerAddress",
                          "Draw DESYNC_FACTOR for every temporary address (RFC 8981) instead "
                          "of once per manager (RFC 3041, RFC 4941) (bool); default false.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&TemporaryAddressManager::m_desyncPerAddress),
                          MakeBooleanChecker())
            .AddAttribute("TempIdgenRetries",
                          "TEMP_IDGEN_RETRIES: new identifiers tried after a DAD failure before "
                          "giving up (count); default 5 (RFC 3041).",
                          UintegerValue(5),
                          MakeUintegerAccessor(&TemporaryAddressManager::m_idgenRetries),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("MaxDeprecatedAddresses",
                          "Deprecated temporary addresses kept on the interface when no upper "
                          "layer uses them (count); the oldest beyond are removed before their "
                          "valid lifetime ends, as RFC 4941 3.4 allows; 4294967295 keeps all "
                          "until TempValidLifetime; default 16.",
                          UintegerValue(16),
                          MakeUintegerAccessor(&TemporaryAddressManager::m_maxDeprecated),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("InitialHistory",
                          "Initial 64-bit history value of the MD5 algorithm (0 = draw it from "
                          "the random stream); default 0.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&TemporaryAddressManager::m_initialHistory),
                          MakeUintegerChecker<uint64_t>())
            .AddTraceSource("TemporaryAddressGenerated",
                            "A new temporary address passed DAD and is preferred: address, "
                            "time.",
                            MakeTraceSourceAccessor(&TemporaryAddressManager::m_generatedTrace),
                            "ns3::TemporaryAddressManager::AddressTracedCallback")
            .AddTraceSource("TemporaryAddressDeprecated",
                            "A temporary address was deprecated: address, time.",
                            MakeTraceSourceAccessor(&TemporaryAddressManager::m_deprecatedTrace),
                            "ns3::TemporaryAddressManager::AddressTracedCallback")
            .AddTraceSource("TemporaryAddressInvalidated",
                            "A temporary address became invalid and was removed (valid lifetime "
                            "over, or deprecated and unused beyond MaxDeprecatedAddresses): "
                            "address, time.",
                            MakeTraceSourceAccessor(&TemporaryAddressManager::m_invalidatedTrace),
                            "ns3::TemporaryAddressManager::AddressTracedCallback")
            .AddTraceSource("DadFailure",
                            "DAD found a temporary address in use; it was removed: address, "
                            "time.",
                            MakeTraceSourceAccessor(&TemporaryAddressManager::m_dadFailureTrace),
                            "ns3::TemporaryAddressManager::AddressTracedCallback")
            .AddTraceSource("PublicAddressConfigured",
                            "The public address of a new prefix passed DAD: address, time.",
                            MakeTraceSourceAccessor(&TemporaryAddressManager::m_publicTrace),
                            "ns3::TemporaryAddressManager::AddressTracedCallback");
    return tid;
}

TemporaryAddressManager::TemporaryAddressManager()
    : m_interface(1),
      m_enabled(true),
      m_publicFallback(false),
      m_desyncPerAddress(false),
      m_idgenRetries(5),
      m_maxDeprecated(16),
      m_initialHistory(0),
      m_started(false),
      m_interfaceId{},
      m_consecutiveDadFailures(0),
      m_gaveUp(false),
      m_nGenerated(0),
      m_nDeprecated(0),
      m_nInvalidated(0),
      m_nRemovedUnused(0),
      m_nDadFailures(0),
      m_nRas(0),
      m_nBadRas(0)
{
    NS_LOG_FUNCTION(this);
    m_rng = CreateObject<UniformRandomVariable>();
}

TemporaryAddressManager::~TemporaryAddressManager()
{
    NS_LOG_FUNCTION(this);
}

TemporaryAddressManager::Constants
TemporaryAddressManager::GetPresetConstants(Preset preset)
{
    switch (preset)
    {
    case RFC_4941:
        return Constants{Days(7), Days(1), Seconds(5), Minutes(10), 3, false};
    case RFC_8981:
        // REGEN_ADVANCE = 2 + TEMP_IDGEN_RETRIES * DupAddrDetectTransmits * RetransTimer
        // = 2 + 3 * 1 * 1 s; MAX_DESYNC_FACTOR = 0.4 * TEMP_PREFERRED_LIFETIME.
        return Constants{Days(2), Days(1), Seconds(5), Seconds(0.4 * 86400), 3, true};
    case RFC_3041:
    default:
        return Constants{Days(7), Days(1), Seconds(5), Minutes(10), 5, false};
    }
}

void
TemporaryAddressManager::ApplyPreset(Preset preset)
{
    NS_LOG_FUNCTION(this << preset);
    Constants c = GetPresetConstants(preset);
    m_validLifetime = c.validLifetime;
    m_preferredLifetime = c.preferredLifetime;
    m_regenAdvance = c.regenAdvance;
    m_maxDesyncFactor = c.maxDesyncFactor;
    m_idgenRetries = c.idgenRetries;
    m_desyncPerAddress = c.desyncPerAddress;
}

int64_t
TemporaryAddressManager::AssignStreams(int64_t stream)
{
    NS_LOG_FUNCTION(this << stream);
    m_rng->SetStream(stream);
    return 1;
}

void
TemporaryAddressManager::NotifyNewAggregate()
{
    NS_LOG_FUNCTION(this);
    if (!m_node)
    {
        Ptr<Node> node = GetObject<Node>();
        if (node)
        {
            m_node = node;
            // Aggregated to a node that is already running: DoInitialize will not come.
            if (node->IsInitialized())
            {
                Simulator::ScheduleNow(&TemporaryAddressManager::Start, this);
            }
        }
    }
    Object::NotifyNewAggregate();
}

void
TemporaryAddressManager::DoInitialize()
{
    NS_LOG_FUNCTION(this);
    Start();
    Object::DoInitialize();
}

void
TemporaryAddressManager::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_timer.Cancel();
    if (m_socket)
    {
        m_socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        m_socket->Close();
        m_socket = nullptr;
    }
    m_node = nullptr;
    m_ipv6 = nullptr;
    m_rng = nullptr;
    m_prefixes.clear();
    m_temps.clear();
    m_tempIndex.clear();
    m_inUse = MakeNullCallback<bool, Ipv6Address>();
    Object::DoDispose();
}

void
TemporaryAddressManager::Start()
{
    NS_LOG_FUNCTION(this);
    if (m_started)
    {
        return;
    }
    NS_ABORT_MSG_IF(!m_node, "TemporaryAddressManager: not aggregated to a node");
    m_ipv6 = m_node->GetObject<Ipv6L3Protocol>();
    NS_ABORT_MSG_IF(!m_ipv6,
                    "TemporaryAddressManager: node " << m_node->GetId() << " has no IPv6 stack");
    NS_ABORT_MSG_IF(m_interface == 0 || m_interface >= m_ipv6->GetNInterfaces(),
                    "TemporaryAddressManager: node " << m_node->GetId() << " has no interface "
                                                     << m_interface);
    // RFC 8981 3.8: TEMP_PREFERRED_LIFETIME - DESYNC_FACTOR must exceed REGEN_ADVANCE.
    NS_ABORT_MSG_IF(m_regenAdvance >= m_preferredLifetime,
                    "TemporaryAddressManager: REGEN_ADVANCE (attribute RegenAdvance, "
                        << m_regenAdvance.As(Time::S)
                        << ") must be shorter than the rotation interval TEMP_PREFERRED_LIFETIME "
                           "(attribute TempPreferredLifetime, "
                        << m_preferredLifetime.As(Time::S) << ")");
    NS_ABORT_MSG_IF(m_maxDesyncFactor >= m_preferredLifetime - m_regenAdvance,
                    "TemporaryAddressManager: MAX_DESYNC_FACTOR (attribute MaxDesyncFactor, "
                        << m_maxDesyncFactor.As(Time::S)
                        << ") must be shorter than TempPreferredLifetime - RegenAdvance ("
                        << (m_preferredLifetime - m_regenAdvance).As(Time::S)
                        << "): TEMP_PREFERRED_LIFETIME - DESYNC_FACTOR must exceed REGEN_ADVANCE "
                           "(RFC 8981 3.8); RFC 8981 uses 0.4 * TempPreferredLifetime");
    NS_ABORT_MSG_IF(m_validLifetime < m_preferredLifetime,
                    "TemporaryAddressManager: TempValidLifetime must not be shorter than "
                    "TempPreferredLifetime");
    m_started = true;

    uint64_t history = m_initialHistory;
    if (history == 0)
    {
        history = (uint64_t(m_rng->GetInteger(0, 0xffffffff)) << 32) |
                  uint64_t(m_rng->GetInteger(0, 0xffffffff));
    }
    m_idGenerator.SetHistory(history);
    if (!m_desyncPerAddress)
    {
        m_desyncFactor = Seconds(m_rng->GetValue(0, m_maxDesyncFactor.GetSeconds()));
    }

    // The [ADDRARCH] interface identifier: the low 64 bits of the EUI-64 based link-local
    // address ns-3 forms from the device's MAC address.
    Ptr<NetDevice> device = m_ipv6->GetNetDevice(m_interface);
    uint8_t bytes[16];
    Ipv6Address::MakeAutoconfiguredLinkLocalAddress(device->GetAddress()).GetBytes(bytes);
    std::copy(bytes + 8, bytes + 16, m_interfaceId.begin());

    m_socket = Socket::CreateSocket(m_node, Ipv6RawSocketFactory::GetTypeId());
    m_socket->SetAttribute("Protocol", UintegerValue(Icmpv6L4Protocol::PROT_NUMBER));
    m_socket->Bind(Inet6SocketAddress(Ipv6Address::GetAny(), 0));
    m_socket->BindToNetDevice(device);
    m_socket->SetRecvCallback(MakeCallback(&TemporaryAddressManager::HandleRead, this));
    NS_LOG_INFO("node " << m_node->GetId() << " interface " << m_interface << ": history "
                        << history << ", DESYNC_FACTOR " << m_desyncFactor.As(Time::S));
}

Time
TemporaryAddressManager::GetDadDelay() const
{
    Ptr<Icmpv6L4Protocol> icmpv6 = m_node->GetObject<Icmpv6L4Protocol>();
    if (icmpv6 && icmpv6->IsAlwaysDad())
    {
        return icmpv6->GetDadTimeout();
    }
    return Seconds(0);
}

void
TemporaryAddressManager::HandleRead(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    Ptr<Packet> packet;
    Address from;
    while ((packet = socket->RecvFrom(from)))
    {
        // The raw socket sees every ICMPv6 packet of the interface: keep the RAs.
        Ipv6Header header;
        packet->RemoveHeader(header);
        uint8_t type = 0;
        if (packet->GetSize() < 1)
        {
            continue;
        }
        packet->CopyData(&type, 1);
        if (type != Icmpv6Header::ICMPV6_ND_ROUTER_ADVERTISEMENT)
        {
            continue;
        }
        Icmpv6RA ra;
        // RFC 4861 6.1.2: hop limit 255, link-local source, at least the 16-byte header.
        if (header.GetHopLimit() != 255 || !header.GetSource().IsLinkLocal() ||
            packet->GetSize() < ra.GetSerializedSize())
        {
            ++m_nBadRas;
            NS_LOG_WARN("invalid Router Advertisement from " << header.GetSource() << " discarded");
            continue;
        }
        packet->RemoveHeader(ra);
        std::vector<Icmpv6OptionPrefixInformation> prefixes;
        while (packet->GetSize() >= 2)
        {
            uint8_t tl[2];
            packet->CopyData(tl, 2);
            uint32_t length = tl[1] * 8u;
            if (length == 0 || length > packet->GetSize())
            {
                ++m_nBadRas; // malformed option: stop reading this RA
                break;
            }
            if (tl[0] == Icmpv6Header::ICMPV6_OPT_PREFIX && length == 32)
            {
                Icmpv6OptionPrefixInformation pio;
                packet->RemoveHeader(pio);
                prefixes.push_back(pio);
            }
            else
            {
                packet->RemoveAtStart(length);
            }
        }
        ++m_nRas;
        // Run after ns-3's own RA processing (same packet), so the public address exists.
        Simulator::ScheduleNow(&TemporaryAddressManager::ProcessRouterAdvertisement,
                               this,
                               header.GetSource(),
                               prefixes);
    }
}

void
TemporaryAddressManager::ProcessRouterAdvertisement(
    Ipv6Address router,
    std::vector<Icmpv6OptionPrefixInformation> options)
{
    NS_LOG_FUNCTION(this << router << options.size());
    for (const auto& option : options)
    {
        ProcessPrefix(router, option);
    }
    Process();
}

int32_t
TemporaryAddressManager::FindPrefix(Ipv6Address prefix) const
{
    for (std::size_t i = 0; i < m_prefixes.size(); ++i)
    {
        if (m_prefixes[i].prefix == prefix)
        {
            return static_cast<int32_t>(i);
        }
    }
    return -1;
}

void
TemporaryAddressManager::ProcessPrefix(Ipv6Address router,
                                       const Icmpv6OptionPrefixInformation& option)
{
    NS_LOG_FUNCTION(this << router << option.GetPrefix());
    if (!(option.GetFlags() & Icmpv6OptionPrefixInformation::AUTADDRCONF))
    {
        return;
    }
    Ipv6Address prefix = option.GetPrefix().CombinePrefix(Ipv6Prefix(64));
    if (prefix.IsLinkLocal() || option.GetPrefixLength() != 64)
    {
        NS_LOG_WARN("prefix " << option.GetPrefix() << "/" << unsigned(option.GetPrefixLength())
                              << " is not usable for autoconfiguration: ignored");
        return;
    }
    uint32_t valid = option.GetValidTime();
    uint32_t preferred = option.GetPreferredTime();
    if (preferred > valid)
    {
        NS_LOG_WARN("prefix " << prefix << ": preferred lifetime above valid lifetime: ignored");
        return; // RFC 4862 5.5.3 c)
    }
    Time now = Simulator::Now();
    Time validUntil = LifetimeEnd(now, valid);
    Time preferredUntil = LifetimeEnd(now, preferred);
    int32_t index = FindPrefix(prefix);
    if (index < 0)
    {
        if (valid == 0)
        {
            return;
        }
        Ptr<NetDevice> device = m_ipv6->GetNetDevice(m_interface);
        Ipv6Address publicAddress =
            Ipv6Address::MakeAutoconfiguredAddress(device->GetAddress(), prefix);
        m_prefixes.push_back(
            PrefixInfo{prefix, publicAddress, router, preferredUntil, validUntil, false});
        index = static_cast<int32_t>(m_prefixes.size() - 1);
        NS_LOG_INFO("node " << m_node->GetId() << ": new prefix " << prefix
                            << "/64, public address " << publicAddress);
        Simulator::Schedule(GetDadDelay(),
                            &TemporaryAddressManager::CheckPublicAddress,
                            this,
                            publicAddress);
    }
    else
    {
        PrefixInfo& info = m_prefixes[index];
        // The public address follows the advertisement (RFC 4862 5.5.3 e, without the
        // two-hour rule: the GGSN's RAs are trusted); temporary addresses only get shorter.
        info.preferredUntil = preferredUntil;
        info.validUntil = validUntil;
        info.router = router;
        info.regenerationBlocked = preferred == 0;
        for (auto& t : m_temps)
        {
            if (t.prefix == prefix)
            {
                t.validUntil = std::min(t.validUntil, validUntil);
                t.preferredUntil = std::min(t.preferredUntil, preferredUntil);
            }
        }
        if (valid == 0)
        {
            // ns-3.37's SLAAC ignores lifetime changes of a known prefix: withdraw the public
            // address here.  Temporary addresses go in Process().
            NS_LOG_INFO("node " << m_node->GetId() << ": prefix " << prefix << " withdrawn");
            m_ipv6->RemoveAutoconfiguredAddress(m_interface, prefix, Ipv6Prefix(64), router);
            m_prefixes.erase(m_prefixes.begin() + index);
            return;
        }
    }
    m_prefixes[index].regenerationBlocked = preferred == 0;
    if (preferred == 0 || !m_enabled || m_gaveUp)
    {
        return;
    }
    // RFC 3041 3.3 step 2: a new public address brings a temporary one; so does a prefix that
    // becomes preferred again while no temporary address is on its way.
    bool pending = false;
    for (const auto& t : m_temps)
    {
        if (t.prefix == prefix &&
            (t.state == TENTATIVE || (t.state == PREFERRED && !t.successorStarted)))
        {
            pending = true;
        }
    }
    if (!pending)
    {
        CreateTemporaryAddress(static_cast<std::size_t>(index));
    }
}

RandomizedInterfaceIdentifier::Bytes
TemporaryAddressManager::NextIdentifier()
{
    return m_idGenerator.Next(m_interfaceId);
}

bool
TemporaryAddressManager::IsAssigned(Ipv6Address address) const
{
    if (m_tempIndex.count(address) > 0)
    {
        return true;
    }
    for (const auto& p : m_prefixes)
    {
        if (p.publicAddress == address)
        {
            return true;
        }
    }
    return false;
}

const TemporaryAddressManager::TemporaryAddress*
TemporaryAddressManager::FindTemporary(Ipv6Address address) const
{
    auto it = m_tempIndex.find(address);
    return it == m_tempIndex.end() ? nullptr : &*it->second;
}

void
TemporaryAddressManager::CreateTemporaryAddress(std::size_t prefixIndex)
{
    NS_LOG_FUNCTION(this << prefixIndex);
    const PrefixInfo& info = m_prefixes[prefixIndex];
    Time now = Simulator::Now();
    Time desync = m_desyncFactor;
    if (m_desyncPerAddress)
    {
        desync = Seconds(m_rng->GetValue(0, m_maxDesyncFactor.GetSeconds()));
        m_desyncFactor = desync;
    }
    // RFC 3041 3.3 step 3.
    Time valid = std::min(Remaining(info.validUntil, now), m_validLifetime);
    Time preferred = std::min(Remaining(info.preferredUntil, now), m_preferredLifetime - desync);
    preferred = std::min(preferred, valid);
    if (preferred <= m_regenAdvance)
    {
        NS_LOG_WARN("node " << m_node->GetId() << ": preferred lifetime " << preferred.As(Time::S)
                            << " not above REGEN_ADVANCE on prefix " << info.prefix
                            << ": no temporary address");
        return;
    }
    // Step 4: the prefix and a new randomized identifier, not already on the interface.
    uint8_t bytes[16];
    info.prefix.GetBytes(bytes);
    Ipv6Address address;
    for (uint32_t attempt = 0;; ++attempt)
    {
        RandomizedInterfaceIdentifier::Bytes id = NextIdentifier();
        std::copy(id.begin(), id.end(), bytes + 8);
        address = Ipv6Address(bytes);
        if (!IsAssigned(address))
        {
            break;
        }
        NS_ABORT_MSG_IF(attempt > 1000, "no unused interface identifier found");
    }
    // Step 5: ns-3 runs DAD on every added address; its verdict is read after DadTimeout.
    m_ipv6->AddAddress(m_interface, Ipv6InterfaceAddress(address, Ipv6Prefix(64)), false);
    m_temps.push_back(TemporaryAddress{address,
                                       info.prefix,
                                       TENTATIVE,
                                       now,
                                       SaturatedSum(now, preferred),
                                       SaturatedSum(now, valid),
                                       desync,
                                       now + GetDadDelay(),
                                       false});
    m_tempIndex[address] = std::prev(m_temps.end());
    NS_LOG_INFO("node " << m_node->GetId() << ": temporary address " << address
                        << " (tentative), preferred " << preferred.As(Time::S) << ", valid "
                        << valid.As(Time::S));
    ScheduleNext();
}

void
TemporaryAddressManager::RemoveFromInterface(Ipv6Address address)
{
    NS_LOG_FUNCTION(this << address);
    m_ipv6->RemoveAddress(m_interface, address);
    // Ipv6StaticRouting drops every route to the address's /64 with it: restore the on-link
    // route ns-3's SLAAC made for an on-link prefix.
    Ipv6Address prefix = address.CombinePrefix(Ipv6Prefix(64));
    for (uint32_t j = 0; j < m_ipv6->GetNAddresses(m_interface); ++j)
    {
        Ipv6InterfaceAddress a = m_ipv6->GetAddress(m_interface, j);
        if (a.GetOnLink() && a.GetAddress().CombinePrefix(Ipv6Prefix(64)) == prefix &&
            a.GetScope() == Ipv6InterfaceAddress::GLOBAL)
        {
            m_ipv6->GetRoutingProtocol()->NotifyAddRoute(prefix,
                                                         Ipv6Prefix(64),
                                                         Ipv6Address::GetZero(),
                                                         m_interface);
            break;
        }
    }
}

Time
TemporaryAddressManager::NextAction(const TemporaryAddress& t) const
{
    Time next = t.validUntil;
    switch (t.state)
    {
    case TENTATIVE:
        next = std::min(next, t.dadCheckAt);
        break;
    case PREFERRED:
        next = std::min(next, t.preferredUntil);
        if (!t.successorStarted && t.preferredUntil != Time::Max())
        {
            next = std::min(next, t.preferredUntil - m_regenAdvance);
        }
        break;
    case DEPRECATED:
        break;
    }
    return next;
}

void
TemporaryAddressManager::ScheduleNext()
{
    Time next = Time::Max();
    for (const auto& t : m_temps)
    {
        next = std::min(next, NextAction(t));
    }
    m_timer.Cancel();
    if (next == Time::Max())
    {
        return;
    }
    Time now = Simulator::Now();
    m_timerAt = std::max(next, now);
    m_timer = Simulator::Schedule(m_timerAt - now, &TemporaryAddressManager::Process, this);
}

void
TemporaryAddressManager::Process()
{
    NS_LOG_FUNCTION(this);
    Time now = Simulator::Now();
    bool deprecatedOne = false;
    for (auto it = m_temps.begin(); it != m_temps.end();)
    {
        TemporaryAddress& t = *it;
        if (t.state == TENTATIVE && t.dadCheckAt <= now)
        {
            Ipv6Address address = t.address;
            Ptr<Ipv6Interface> iface = m_ipv6->GetInterface(m_interface);
            bool found = false;
            Ipv6InterfaceAddress::State_e state = Ipv6InterfaceAddress::INVALID;
            for (uint32_t j = 0; j < iface->GetNAddresses() && !found; ++j)
            {
                if (iface->GetAddress(j).GetAddress() == address)
                {
                    found = true;
                    state = iface->GetAddress(j).GetState();
                }
            }
            if (found && (state == Ipv6InterfaceAddress::TENTATIVE ||
                          state == Ipv6InterfaceAddress::TENTATIVE_OPTIMISTIC))
            {
                // ns-3's DAD timeout has not run yet: look again a moment later.
                t.dadCheckAt = now + TimeStep(1);
                ++it;
                continue;
            }
            if (!found || state == Ipv6InterfaceAddress::INVALID)
            {
                Ipv6Address prefix = t.prefix;
                m_tempIndex.erase(address);
                it = m_temps.erase(it);
                if (!found)
                {
                    continue; // removed behind our back
                }
                ++m_nDadFailures;
                ++m_consecutiveDadFailures;
                NS_LOG_WARN("node " << m_node->GetId() << ": DAD failure of temporary address "
                                    << address << " (" << m_consecutiveDadFailures << " in a row)");
                m_dadFailureTrace(address, now);
                RemoveFromInterface(address);
                if (m_consecutiveDadFailures > m_idgenRetries)
                {
                    m_gaveUp = true;
                    NS_LOG_ERROR("node " << m_node->GetId() << ": " << m_consecutiveDadFailures
                                         << " DAD failures in a row: giving up temporary "
                                            "addresses on interface "
                                         << m_interface);
                    continue;
                }
                int32_t index = FindPrefix(prefix);
                if (index >= 0 && m_enabled && !m_prefixes[index].regenerationBlocked)
                {
                    CreateTemporaryAddress(static_cast<std::size_t>(index)); // appends
                }
                continue;
            }
            m_consecutiveDadFailures = 0;
            t.state = PREFERRED;
            ++m_nGenerated;
            NS_LOG_INFO("node " << m_node->GetId() << ": temporary address " << address
                                << " preferred");
            m_generatedTrace(address, now);
        }
        if (t.state == PREFERRED && !t.successorStarted && t.preferredUntil != Time::Max() &&
            t.preferredUntil - m_regenAdvance <= now)
        {
            // RFC 3041 3.4: the successor is generated REGEN_ADVANCE before deprecation.
            t.successorStarted = true;
            int32_t index = FindPrefix(t.prefix);
            if (index >= 0 && m_enabled && !m_gaveUp && !m_prefixes[index].regenerationBlocked &&
                m_prefixes[index].preferredUntil > now)
            {
                CreateTemporaryAddress(static_cast<std::size_t>(index)); // appends
            }
        }
        if (t.state == PREFERRED && t.preferredUntil <= now)
        {
            t.state = DEPRECATED;
            m_ipv6->GetInterface(m_interface)
                ->SetState(t.address, Ipv6InterfaceAddress::DEPRECATED);
            ++m_nDeprecated;
            deprecatedOne = true;
            NS_LOG_INFO("node " << m_node->GetId() << ": temporary address " << t.address
                                << " deprecated");
            m_deprecatedTrace(t.address, now);
        }
        if (t.validUntil <= now)
        {
            it = Invalidate(it);
            continue;
        }
        ++it;
    }
    if (deprecatedOne)
    {
        RemoveUnusedDeprecated();
    }
    ScheduleNext();
}

std::list<TemporaryAddressManager::TemporaryAddress>::iterator
TemporaryAddressManager::Invalidate(std::list<TemporaryAddress>::iterator it)
{
    Ipv6Address address = it->address;
    bool wasTentative = it->state == TENTATIVE;
    m_tempIndex.erase(address);
    auto next = m_temps.erase(it);
    RemoveFromInterface(address);
    if (!wasTentative)
    {
        ++m_nInvalidated;
        NS_LOG_INFO("node " << m_node->GetId() << ": temporary address " << address
                            << " invalid, removed");
        m_invalidatedTrace(address, Simulator::Now());
    }
    return next;
}

void
TemporaryAddressManager::RemoveUnusedDeprecated()
{
    NS_LOG_FUNCTION(this);
    uint64_t deprecated = 0;
    for (const auto& t : m_temps)
    {
        deprecated += t.state == DEPRECATED ? 1 : 0;
    }
    // Oldest first; an address an upper layer still uses stays until its valid lifetime ends.
    for (auto it = m_temps.begin(); it != m_temps.end() && deprecated > m_maxDeprecated;)
    {
        if (it->state != DEPRECATED || (!m_inUse.IsNull() && m_inUse(it->address)))
        {
            ++it;
            continue;
        }
        NS_LOG_LOGIC("unused deprecated address " << it->address << " removed early");
        ++m_nRemovedUnused;
        --deprecated;
        it = Invalidate(it);
    }
}

void
TemporaryAddressManager::SetAddressInUseCallback(InUseCallback callback)
{
    NS_LOG_FUNCTION(this);
    m_inUse = callback;
}

uint64_t
TemporaryAddressManager::GetNRemovedUnused() const
{
    return m_nRemovedUnused;
}

void
TemporaryAddressManager::CheckPublicAddress(Ipv6Address address)
{
    NS_LOG_FUNCTION(this << address);
    Ptr<Ipv6Interface> iface = m_ipv6->GetInterface(m_interface);
    for (uint32_t j = 0; j < iface->GetNAddresses(); ++j)
    {
        Ipv6InterfaceAddress a = iface->GetAddress(j);
        if (a.GetAddress() == address)
        {
            if (a.GetState() == Ipv6InterfaceAddress::TENTATIVE ||
                a.GetState() == Ipv6InterfaceAddress::TENTATIVE_OPTIMISTIC)
            {
                Simulator::Schedule(TimeStep(1),
                                    &TemporaryAddressManager::CheckPublicAddress,
                                    this,
                                    address);
            }
            else if (a.GetState() != Ipv6InterfaceAddress::INVALID)
            {
                m_publicTrace(address, Simulator::Now());
            }
            return;
        }
    }
}

Ipv6Address
TemporaryAddressManager::GetCurrentAddress() const
{
    if (m_enabled)
    {
        // m_temps is in creation order: the newest preferred one is near the end.
        for (auto it = m_temps.rbegin(); it != m_temps.rend(); ++it)
        {
            if (it->state == PREFERRED)
            {
                return it->address;
            }
        }
        if (!m_publicFallback)
        {
            return Ipv6Address::GetAny();
        }
    }
    Time now = Simulator::Now();
    for (auto it = m_prefixes.rbegin(); it != m_prefixes.rend(); ++it)
    {
        if (it->preferredUntil > now)
        {
            return it->publicAddress;
        }
    }
    return Ipv6Address::GetAny();
}

bool
TemporaryAddressManager::IsValid(Ipv6Address address) const
{
    Time now = Simulator::Now();
    if (const TemporaryAddress* t = FindTemporary(address))
    {
        return t->state != TENTATIVE && t->validUntil > now;
    }
    for (const auto& p : m_prefixes)
    {
        if (p.publicAddress == address)
        {
            return p.validUntil > now;
        }
    }
    return false;
}

bool
TemporaryAddressManager::IsPreferred(Ipv6Address address) const
{
    Time now = Simulator::Now();
    if (const TemporaryAddress* t = FindTemporary(address))
    {
        return t->state == PREFERRED;
    }
    for (const auto& p : m_prefixes)
    {
        if (p.publicAddress == address)
        {
            return p.preferredUntil > now;
        }
    }
    return false;
}

bool
TemporaryAddressManager::IsTemporary(Ipv6Address address) const
{
    return FindTemporary(address) != nullptr;
}

bool
TemporaryAddressManager::HasPrefix() const
{
    return !GetPrefix().IsAny();
}

Ipv6Address
TemporaryAddressManager::GetPrefix() const
{
    Time now = Simulator::Now();
    for (auto it = m_prefixes.rbegin(); it != m_prefixes.rend(); ++it)
    {
        if (it->validUntil > now)
        {
            return it->prefix;
        }
    }
    return Ipv6Address::GetAny();
}

uint8_t
TemporaryAddressManager::GetPrefixLength() const
{
    return HasPrefix() ? 64 : 0;
}

Ipv6Address
TemporaryAddressManager::GetPublicAddress() const
{
    Time now = Simulator::Now();
    for (auto it = m_prefixes.rbegin(); it != m_prefixes.rend(); ++it)
    {
        if (it->validUntil > now)
        {
            return it->publicAddress;
        }
    }
    return Ipv6Address::GetAny();
}

std::vector<TemporaryAddressManager::TemporaryAddress>
TemporaryAddressManager::GetTemporaryAddresses() const
{
    return std::vector<TemporaryAddress>(m_temps.begin(), m_temps.end());
}

Time
TemporaryAddressManager::GetDesyncFactor() const
{
    return m_desyncFactor;
}

uint32_t
TemporaryAddressManager::GetInterface() const
{
    return m_interface;
}

uint64_t
TemporaryAddressManager::GetNGenerated() const
{
    return m_nGenerated;
}

uint64_t
TemporaryAddressManager::GetNDeprecated() const
{
    return m_nDeprecated;
}

uint64_t
TemporaryAddressManager::GetNInvalidated() const
{
    return m_nInvalidated;
}

uint64_t
TemporaryAddressManager::GetNDadFailures() const
{
    return m_nDadFailures;
}

uint64_t
TemporaryAddressManager::GetNRouterAdvertisements() const
{
    return m_nRas;
}

uint64_t
TemporaryAddressManager::GetNInvalidRouterAdvertisements() const
{
    return m_nBadRas;
}

bool
TemporaryAddressManager::HasGivenUp() const
{
    return m_gaveUp;
}

} // namespace ns3
