/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-stack.h"

#include "esp-header.h"
#include "esp-trailer.h"
#include "ipsec-esp-extension.h"
#include "ipsec-tag.h"

#include "ns3/abort.h"
#include "ns3/enum.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/ipv6-extension-demux.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-raw-socket-factory.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/udp-header.h"
#include "ns3/uinteger.h"

#include <vector>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecIpsecStack");

NS_OBJECT_ENSURE_REGISTERED(IpsecStack);

namespace
{

constexpr uint8_t UDP_PROTOCOL = 17; //!< IPv6 next header of UDP
constexpr uint8_t TCP_PROTOCOL = 6;  //!< IPv6 next header of TCP

/**
 * \param p four bytes, network order
 * \returns the value
 */
uint32_t
ReadU32(const uint8_t* p)
{
    return (static_cast<uint32_t>(p[0]) << 24) | (static_cast<uint32_t>(p[1]) << 16) |
           (static_cast<uint32_t>(p[2]) << 8) | p[3];
}

/**
 * \param p four bytes receiving value in network order
 * \param value the value
 */
void
WriteU32(uint8_t* p, uint32_t value)
{
    p[0] = static_cast<uint8_t>(value >> 24);
    p[1] = static_cast<uint8_t>(value >> 16);
    p[2] = static_cast<uint8_t>(value >> 8);
    p[3] = static_cast<uint8_t>(value);
}

/**
 * \returns a scratch buffer reused for every packet (one simulation runs in one thread)
 */
std::vector<uint8_t>&
Scratch()
{
    thread_local std::vector<uint8_t> buffer;
    return buffer;
}

} // namespace

TypeId
IpsecStack::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::IpsecStack")
            .SetParent<Object>()
            .SetGroupName("Imssec")
            .AddConstructor<IpsecStack>()
            .AddAttribute("IcvMode",
                          "ICV of the ESP packets: Hmac computes and verifies the negotiated "
                          "HMAC; LengthOnly sends 12 zero bytes and does not verify, for very "
                          "large runs (default Hmac).",
                          EnumValue(IpsecStack::ICV_HMAC),
                          MakeEnumAccessor(&IpsecStack::m_icvMode),
                          MakeEnumChecker(IpsecStack::ICV_HMAC,
                                          "Hmac",
                                          IpsecStack::ICV_LENGTH_ONLY,
                                          "LengthOnly"))
            .AddAttribute("ReplayWindow",
                          "Anti-replay window of the inbound SAs installed from now on "
                          "(packets, 0..64; 0 disables anti-replay; default 64).",
                          UintegerValue(64),
                          MakeUintegerAccessor(&IpsecStack::m_replayWindow),
                          MakeUintegerChecker<uint32_t>(0, IpsecReplayWindow::MAX_SIZE))
            .AddTraceSource("Drop",
                            "A packet was refused by the IPsec layer (with the reason).",
                            MakeTraceSourceAccessor(&IpsecStack::m_dropTrace),
                            "ns3::IpsecStack::DropTracedCallback")
            .AddTraceSource("OutboundProtected",
                            "An ESP packet was built for sending.",
                            MakeTraceSourceAccessor(&IpsecStack::m_protectedTrace),
                            "ns3::IpsecStack::SaPacketTracedCallback")
            .AddTraceSource("InboundAccepted",
                            "An ESP packet passed every check; its datagram goes up.",
                            MakeTraceSourceAccessor(&IpsecStack::m_acceptedTrace),
                            "ns3::IpsecStack::SaPacketTracedCallback")
            .AddTraceSource("SaSetExpired",
                            "The SAs of an SA set reached their lifetime.",
                            MakeTraceSourceAccessor(&IpsecStack::m_saSetExpiredTrace),
                            "ns3::IpsecStack::SaSetTracedCallback")
            .AddTraceSource("SaSetRemoved",
                            "The last SA of an SA set left the SAD (expired or deleted).",
                            MakeTraceSourceAccessor(&IpsecStack::m_saSetRemovedTrace),
                            "ns3::IpsecStack::SaSetTracedCallback");
    return tid;
}

IpsecStack::IpsecStack()
    : m_nextHandle(1),
      m_icvMode(ICV_HMAC),
      m_replayWindow(64),
      m_drops{},
      m_protected(0),
      m_accepted(0),
      m_clearAccepted(0)
{
    NS_LOG_FUNCTION(this);
}

IpsecStack::~IpsecStack()
{
    NS_LOG_FUNCTION(this);
}

void
IpsecStack::DoDispose()
{
    NS_LOG_FUNCTION(this);
    if (m_socket)
    {
        m_socket->Close();
        m_socket = nullptr;
    }
    m_sets.clear();
    if (m_extension)
    {
        m_extension->SetStack(nullptr);
        m_extension = nullptr;
    }
    m_spd = nullptr;
    m_sad = nullptr;
    m_ipv6 = nullptr;
    m_node = nullptr;
    Object::DoDispose();
}

void
IpsecStack::Install(Ptr<Node> node)
{
    NS_LOG_FUNCTION(this << node);
    NS_ABORT_MSG_IF(!node, "IpsecStack::Install: null node");
    NS_ABORT_MSG_IF(m_node, "IpsecStack::Install: already installed");
    m_ipv6 = node->GetObject<Ipv6L3Protocol>();
    NS_ABORT_MSG_IF(!m_ipv6,
                    "IpsecStack needs an IPv6 stack on node " << node->GetId()
                                                              << " (install the Internet stack "
                                                                 "first)");
    Ptr<Ipv6ExtensionDemux> demux = node->GetObject<Ipv6ExtensionDemux>();
    NS_ABORT_MSG_IF(!demux, "node " << node->GetId() << " has no Ipv6ExtensionDemux");
    NS_ABORT_MSG_IF(demux->GetExtension(IpsecEspExtension::EXT_NUMBER),
                    "node " << node->GetId() << " already handles ESP");
    NS_ABORT_MSG_IF(node->GetObject<IpsecStack>(),
                    "node " << node->GetId() << " already has an IpsecStack");
    m_node = node;

    m_spd = node->GetObject<IpsecSpd>();
    if (!m_spd)
    {
        m_spd = CreateObject<IpsecSpd>();
        node->AggregateObject(m_spd);
    }
    m_sad = node->GetObject<IpsecSad>();
    if (!m_sad)
    {
        m_sad = CreateObject<IpsecSad>();
        node->AggregateObject(m_sad);
    }
    m_sad->TraceConnectWithoutContext("SaExpired", MakeCallback(&IpsecStack::SaExpired, this));
    m_sad->TraceConnectWithoutContext("SaRemoved", MakeCallback(&IpsecStack::SaRemoved, this));

    m_extension = CreateObject<IpsecEspExtension>();
    m_extension->SetNode(node);
    m_extension->SetStack(this);
    demux->Insert(m_extension);

    m_socket = Socket::CreateSocket(node, Ipv6RawSocketFactory::GetTypeId());
    m_socket->SetAttribute("Protocol", UintegerValue(IpsecSa::PROTOCOL_ESP));
    // A raw socket for protocol 50 would also queue a copy of every inbound ESP packet,
    // which nobody reads: ESP is received through the extension.
    m_socket->ShutdownRecv();

    node->AggregateObject(this);
}

Ptr<Node>
IpsecStack::GetNode() const
{
    return m_node;
}

Ptr<IpsecSpd>
IpsecStack::GetSpd() const
{
    return m_spd;
}

Ptr<IpsecSad>
IpsecStack::GetSad() const
{
    return m_sad;
}

uint32_t
IpsecStack::InstallSaSet(const IpsecSaSetParameters& p)
{
    NS_LOG_FUNCTION(this << p);
    NS_ABORT_MSG_IF(!m_sad, "IpsecStack::InstallSaSet before Install");
    std::string error;
    if (!p.Validate(error))
    {
        NS_LOG_WARN("SA set refused: " << error);
        return 0;
    }
    bool ue = p.side == IpsecSaSetParameters::Side::UE;
    IpsecIntegrity::Key key = IpsecIntegrity::DeriveEspKey(p.alg, p.ik);
    uint8_t ueLen = p.uePrefixLength;
    IpsecDirection ueToPcscf = ue ? IpsecDirection::OUTBOUND : IpsecDirection::INBOUND;
    IpsecDirection pcscfToUe = ue ? IpsecDirection::INBOUND : IpsecDirection::OUTBOUND;
    uint32_t window = m_replayWindow;

    auto makeSa =
        [&](uint32_t spi, IpsecDirection direction, const IpsecSelector& selector) -> Ptr<IpsecSa> {
        return Create<IpsecSa>(spi,
                               direction,
                               selector,
                               p.alg,
                               key,
                               p.ealg,
                               p.ck,
                               p.lifetime,
                               direction == IpsecDirection::INBOUND ? window : 0);
    };
    IpsecSelector
        reqUp(p.ueAddress, ueLen, p.pcscfAddress, 128, p.uePortC, p.pcscfPortS, p.protocol);
    IpsecSelector
        ansUp(p.ueAddress, ueLen, p.pcscfAddress, 128, p.uePortS, p.pcscfPortC, p.protocol);
    IpsecSelector
        reqDown(p.pcscfAddress, 128, p.ueAddress, ueLen, p.pcscfPortC, p.uePortS, p.protocol);
    IpsecSelector
        ansDown(p.pcscfAddress, 128, p.ueAddress, ueLen, p.pcscfPortS, p.uePortC, p.protocol);

    SaSet set;
    set.parameters = p;
    set.sas[0] = makeSa(p.pcscfSpiS, ueToPcscf, reqUp);
    set.sas[1] = makeSa(p.pcscfSpiC, ueToPcscf, ansUp);
    set.sas[2] = makeSa(p.ueSpiS, pcscfToUe, reqDown);
    set.sas[3] = makeSa(p.ueSpiC, pcscfToUe, ansDown);

    uint32_t handle = m_nextHandle++;
    if (m_nextHandle == 0)
    {
        m_nextHandle = 1; // 0 means "no set"
    }
    for (uint32_t k = 0; k < set.sas.size(); ++k)
    {
        set.sas[k]->SetSaSetHandle(handle);
        if (!m_sad->Add(set.sas[k]))
        {
            NS_LOG_WARN("SA set refused: SPI 0x" << std::hex << set.sas[k]->GetSpi() << " in use");
            for (uint32_t j = 0; j < k; ++j)
            {
                set.sas[j]->SetSaSetHandle(0); // not counted as a set removal
                m_sad->Remove(set.sas[j]);
            }
            return 0;
        }
    }
    set.remaining = static_cast<uint8_t>(set.sas.size());

    // What must arrive protected at this node: the traffic of its two inbound SAs.
    uint32_t firstInbound = ue ? 2 : 0;
    for (uint32_t k = 0; k < 2; ++k)
    {
        Ptr<IpsecPolicy> policy = Create<IpsecPolicy>(set.sas[firstInbound + k]->GetSelector(),
                                                      IpsecDirection::INBOUND,
                                                      IpsecPolicy::Action::PROTECT);
        policy->SetSaSetHandle(handle);
        m_spd->Add(policy);
        set.policies[k] = policy;
    }
    m_sets.emplace(handle, std::move(set));
    NS_LOG_INFO("SA set " << handle << " installed: " << p);
    return handle;
}

bool
IpsecStack::UpdateSaSetLifetime(uint32_t handle, Time lifetime)
{
    NS_LOG_FUNCTION(this << handle << lifetime);
    auto it = m_sets.find(handle);
    if (it == m_sets.end() || it->second.expired || lifetime.IsStrictlyNegative())
    {
        return false;
    }
    for (auto& sa : it->second.sas)
    {
        m_sad->SetLifetime(sa, lifetime);
    }
    it->second.parameters.lifetime = lifetime;
    return true;
}

bool
IpsecStack::DeleteSaSet(uint32_t handle)
{
    NS_LOG_FUNCTION(this << handle);
    auto it = m_sets.find(handle);
    if (it == m_sets.end())
    {
        return false;
    }
    SaSet set = std::move(it->second);
    m_sets.erase(it); // first, so that SaRemoved ignores these SAs
    for (auto& sa : set.sas)
    {
        m_sad->Remove(sa);
    }
    for (auto& policy : set.policies)
    {
        m_spd->Remove(policy);
    }
    m_saSetRemovedTrace(handle);
    return true;
}

bool
IpsecStack::HasSaSet(uint32_t handle) const
{
    return m_sets.find(handle) != m_sets.end();
}

bool
IpsecStack::IsSaSetLive(uint32_t handle) const
{
    auto it = m_sets.find(handle);
    return it != m_sets.end() && !it->second.expired;
}

bool
IpsecStack::GetSaSetParameters(uint32_t handle, IpsecSaSetParameters& parameters) const
{
    auto it = m_sets.find(handle);
    if (it == m_sets.end())
    {
        return false;
    }
    parameters = it->second.parameters;
    return true;
}

Ptr<IpsecSa>
IpsecStack::GetSaSetSa(uint32_t handle, uint32_t index) const
{
    auto it = m_sets.find(handle);
    if (it == m_sets.end() || index >= it->second.sas.size())
    {
        return nullptr;
    }
    return it->second.sas[index];
}

uint32_t
IpsecStack::GetSaSetCount() const
{
    return static_cast<uint32_t>(m_sets.size());
}

void
IpsecStack::SaExpired(Ptr<const IpsecSa> sa)
{
    NS_LOG_FUNCTION(this << sa);
    auto it = m_sets.find(sa->GetSaSetHandle());
    if (it == m_sets.end() || it->second.expired)
    {
        return;
    }
    it->second.expired = true;
    m_saSetExpiredTrace(it->first);
}

void
IpsecStack::SaRemoved(Ptr<const IpsecSa> sa, bool /* expired */)
{
    NS_LOG_FUNCTION(this << sa);
    auto it = m_sets.find(sa->GetSaSetHandle());
    if (it == m_sets.end())
    {
        return;
    }
    if (it->second.remaining > 0 && --it->second.remaining > 0)
    {
        return;
    }
    uint32_t handle = it->first;
    for (auto& policy : it->second.policies)
    {
        m_spd->Remove(policy);
    }
    m_sets.erase(it);
    m_saSetRemovedTrace(handle);
}

void
IpsecStack::Drop(DropReason reason,
                 Ptr<const Packet> packet,
                 const Ipv6Address& source,
                 const Ipv6Address& destination,
                 uint32_t spi)
{
    NS_LOG_INFO("drop " << GetDropReasonName(reason) << " " << source << " -> " << destination
                        << " spi 0x" << std::hex << spi);
    ++m_drops[reason];
    m_dropTrace(packet, source, destination, spi, reason);
}

Ptr<Packet>
IpsecStack::Protect(Ptr<const Packet> udpPayload,
                    const Ipv6Address& source,
                    uint16_t sourcePort,
                    const Ipv6Address& destination,
                    uint16_t destinationPort)
{
    NS_LOG_FUNCTION(this << udpPayload << source << sourcePort << destination << destinationPort);
    NS_ABORT_MSG_IF(!m_sad, "IpsecStack::Protect before Install");
    Ptr<IpsecSa> sa =
        m_sad->LookupOutbound(source, destination, sourcePort, destinationPort, UDP_PROTOCOL);
    if (!sa)
    {
        Drop(NO_OUTBOUND_SA, udpPayload, source, destination, 0);
        return nullptr;
    }
    if (!sa->IsUsable())
    {
        Drop(EXPIRED_SA, udpPayload, source, destination, sa->GetSpi());
        return nullptr;
    }
    uint32_t sequence = 0;
    if (!sa->AllocateSequence(sequence))
    {
        Drop(SEQUENCE_OVERFLOW, udpPayload, source, destination, sa->GetSpi());
        return nullptr;
    }

    Ptr<Packet> datagram = udpPayload->Copy();
    UdpHeader udp;
    // A correct checksum (over the inner pseudo-header) whatever Node::ChecksumEnabled says,
    // so decoders of the capture find valid UDP inside ESP.
    udp.EnableChecksums();
    udp.InitializeChecksum(source, destination, UDP_PROTOCOL);
    udp.SetSourcePort(sourcePort);
    udp.SetDestinationPort(destinationPort);
    datagram->AddHeader(udp);

    // The ESP packet is laid out in one flat buffer: ESP header, datagram, padding, pad
    // length, next header, ICV.  (A packet made of headers, zero-filled payload and a trailer
    // loses its trailer bytes when ns-3.37 fragments and reassembles it; a flat one does not.)
    const uint32_t datagramSize = datagram->GetSize();
    const uint8_t padLength = EspTrailer::ComputePadLength(datagramSize);
    const uint32_t covered = EspHeader::SIZE + datagramSize + padLength + 2;
    const uint32_t total = covered + IpsecIntegrity::ICV_LENGTH;
    std::vector<uint8_t>& bytes = Scratch();
    bytes.assign(total, 0);
    WriteU32(bytes.data(), sa->GetSpi());
    WriteU32(bytes.data() + 4, sequence);
    datagram->CopyData(bytes.data() + EspHeader::SIZE, datagramSize);
    uint8_t* trailer = bytes.data() + EspHeader::SIZE + datagramSize;
    for (uint32_t k = 1; k <= padLength; ++k)
    {
        trailer[k - 1] = static_cast<uint8_t>(k); // RFC 4303 default padding
    }
    trailer[padLength] = padLength;
    trailer[padLength + 1] = UDP_PROTOCOL;
    if (m_icvMode == ICV_HMAC)
    {
        // The ICV covers the ESP header, payload, padding, pad length and next header.
        NS_ABORT_MSG_IF(!IpsecIntegrity::ComputeIcv(sa->GetIntegrityAlgorithm(),
                                                    sa->GetIntegrityKey(),
                                                    sa->GetIntegrityKeyLength(),
                                                    bytes.data(),
                                                    covered,
                                                    bytes.data() + covered),
                        "libcrypto failed to compute an HMAC");
    }
    Ptr<Packet> p = Create<Packet>(bytes.data(), total);

    sa->RecordPacket(p->GetSize());
    ++m_protected;
    m_protectedTrace(p, sa);
    return p;
}

bool
IpsecStack::Send(Ptr<Packet> udpPayload,
                 Ipv6Address source,
                 uint16_t sourcePort,
                 Ipv6Address destination,
                 uint16_t destinationPort)
{
    NS_LOG_FUNCTION(this << udpPayload << source << sourcePort << destination << destinationPort);
    NS_ABORT_MSG_IF(!m_socket, "IpsecStack::Send before Install");
    if (!udpPayload || m_ipv6->GetInterfaceForAddress(source) < 0)
    {
        // The raw socket would pick another source (or crash looking up the interface).
        Drop(SEND_FAILED, udpPayload, source, destination, 0);
        return false;
    }
    Ptr<Packet> esp = Protect(udpPayload, source, sourcePort, destination, destinationPort);
    if (!esp)
    {
        return false;
    }
    m_socket->Bind(Inet6SocketAddress(source, 0));
    uint32_t size = esp->GetSize();
    int sent = m_socket->SendTo(esp, 0, Inet6SocketAddress(destination, 0));
    if (sent <= 0 || static_cast<uint32_t>(sent) != size)
    {
        EspHeader header;
        esp->PeekHeader(header);
        Drop(SEND_FAILED, udpPayload, source, destination, header.GetSpi());
        return false;
    }
    return true;
}

bool
IpsecStack::ProcessInbound(Ptr<Packet>& packet,
                           uint32_t offset,
                           const Ipv6Header& ipHeader,
                           uint8_t& nextHeader)
{
    NS_LOG_FUNCTION(this << packet << offset);
    const Ipv6Address source = ipHeader.GetSource();
    const Ipv6Address destination = ipHeader.GetDestination();
    const uint32_t total = packet->GetSize();
    if (total < offset + EspHeader::SIZE)
    {
        Drop(MALFORMED, packet, source, destination, 0);
        return false;
    }
    std::vector<uint8_t>& bytes = Scratch();
    bytes.resize(total);
    packet->CopyData(bytes.data(), total);
    const uint8_t* esp = bytes.data() + offset;
    const uint32_t espLength = total - offset;
    const uint32_t spi = ReadU32(esp);
    const uint32_t sequence = ReadU32(esp + 4);

    Ptr<IpsecSa> sa = m_sad->LookupInbound(spi, destination);
    if (!sa)
    {
        Drop(m_sad->HasInboundSpi(spi) ? DESTINATION_OUTSIDE_SELECTOR : NO_SA_FOR_SPI,
             packet,
             source,
             destination,
             spi);
        return false;
    }
    if (!sa->IsUsable() || Simulator::Now() >= sa->GetExpiryTime())
    {
        Drop(EXPIRED_SA, packet, source, destination, spi);
        return false;
    }
    const uint32_t icvLength = IpsecIntegrity::ICV_LENGTH;
    if (espLength < EspHeader::SIZE + 2 + icvLength || (espLength - icvLength) % 4 != 0)
    {
        Drop(MALFORMED, packet, source, destination, spi);
        return false;
    }
    IpsecReplayWindow& window = sa->GetReplayWindow();
    if (!window.Check(sequence))
    {
        Drop(REPLAY, packet, source, destination, spi);
        return false;
    }
    const uint32_t covered = espLength - icvLength;
    if (m_icvMode == ICV_HMAC && !IpsecIntegrity::VerifyIcv(sa->GetIntegrityAlgorithm(),
                                                            sa->GetIntegrityKey(),
                                                            sa->GetIntegrityKeyLength(),
                                                            esp,
                                                            covered,
                                                            esp + covered))
    {
        Drop(BAD_ICV, packet, source, destination, spi);
        return false;
    }
    // Authenticated: only now may the window move (RFC 4303 3.4.3).
    window.Update(sequence);

    const uint8_t padLength = esp[covered - 2];
    const uint8_t next = esp[covered - 1];
    if (EspHeader::SIZE + padLength + 2 > covered)
    {
        Drop(MALFORMED, packet, source, destination, spi);
        return false;
    }
    const uint32_t payloadLength = covered - 2 - padLength - EspHeader::SIZE;
    const uint8_t* padding = esp + EspHeader::SIZE + payloadLength;
    for (uint32_t k = 1; k <= padLength; ++k)
    {
        if (padding[k - 1] != k)
        {
            Drop(MALFORMED, packet, source, destination, spi);
            return false;
        }
    }

    // The SA's selectors (RFC 4301 5.2 step 4): the prefix binding is checked here.
    const IpsecSelector& selector = sa->GetSelector();
    if (!selector.CoversSource(source))
    {
        Drop(SOURCE_OUTSIDE_SELECTOR, packet, source, destination, spi);
        return false;
    }
    uint16_t sourcePort = 0;
    uint16_t destinationPort = 0;
    if (next == UDP_PROTOCOL || next == TCP_PROTOCOL)
    {
        if (payloadLength < 4)
        {
            Drop(MALFORMED, packet, source, destination, spi);
            return false;
        }
        const uint8_t* l4 = esp + EspHeader::SIZE;
        sourcePort = static_cast<uint16_t>((l4[0] << 8) | l4[1]);
        destinationPort = static_cast<uint16_t>((l4[2] << 8) | l4[3]);
    }
    if (!selector.CoversPortsAndProtocol(sourcePort, destinationPort, next))
    {
        Drop(PORTS_OUTSIDE_SELECTOR, packet, source, destination, spi);
        return false;
    }

    packet->RemoveAtEnd(padLength + 2 + icvLength);
    IpsecTag old;
    packet->RemovePacketTag(old);
    packet->AddPacketTag(IpsecTag(spi, sa->GetSaSetHandle(), sequence));
    nextHeader = next;
    sa->RecordPacket(espLength);
    ++m_accepted;
    m_acceptedTrace(packet, sa);
    return true;
}

bool
IpsecStack::CheckClear(Ptr<const Packet> packet,
                       const Ipv6Address& source,
                       uint16_t sourcePort,
                       const Ipv6Address& destination,
                       uint16_t destinationPort,
                       uint8_t protocol)
{
    NS_LOG_FUNCTION(this << packet << source << sourcePort << destination << destinationPort);
    IpsecTag tag;
    if (packet && packet->PeekPacketTag(tag))
    {
        return true; // came through an SA and passed its checks
    }
    Ptr<IpsecPolicy> policy = m_spd->Lookup(IpsecDirection::INBOUND,
                                            source,
                                            destination,
                                            sourcePort,
                                            destinationPort,
                                            protocol);
    if (!policy || policy->GetAction() == IpsecPolicy::Action::BYPASS)
    {
        ++m_clearAccepted;
        return true;
    }
    Drop(policy->GetAction() == IpsecPolicy::Action::PROTECT ? ARRIVED_CLEAR : POLICY_DISCARD,
         packet,
         source,
         destination,
         0);
    return false;
}

uint64_t
IpsecStack::GetDropCount(DropReason reason) const
{
    return reason < DROP_REASON_COUNT ? m_drops[reason] : 0;
}

uint64_t
IpsecStack::GetTotalDropCount() const
{
    uint64_t total = 0;
    for (uint64_t n : m_drops)
    {
        total += n;
    }
    return total;
}

uint64_t
IpsecStack::GetProtectedCount() const
{
    return m_protected;
}

uint64_t
IpsecStack::GetAcceptedCount() const
{
    return m_accepted;
}

uint64_t
IpsecStack::GetClearAcceptedCount() const
{
    return m_clearAccepted;
}

IpsecStack::IcvMode
IpsecStack::GetIcvMode() const
{
    return m_icvMode;
}

std::string
IpsecStack::GetDropReasonName(DropReason reason)
{
    switch (reason)
    {
    case NO_SA_FOR_SPI:
        return "no-sa-for-spi";
    case SOURCE_OUTSIDE_SELECTOR:
        return "source-outside-selector";
    case DESTINATION_OUTSIDE_SELECTOR:
        return "destination-outside-selector";
    case PORTS_OUTSIDE_SELECTOR:
        return "ports-outside-selector";
    case ARRIVED_CLEAR:
        return "arrived-clear";
    case POLICY_DISCARD:
        return "policy-discard";
    case REPLAY:
        return "replay";
    case BAD_ICV:
        return "bad-icv";
    case EXPIRED_SA:
        return "expired-sa";
    case MALFORMED:
        return "malformed";
    case NO_OUTBOUND_SA:
        return "no-outbound-sa";
    case SEQUENCE_OVERFLOW:
        return "sequence-overflow";
    case SEND_FAILED:
        return "send-failed";
    case DROP_REASON_COUNT:
        break;
    }
    return "unknown";
}

std::ostream&
operator<<(std::ostream& os, IpsecStack::DropReason reason)
{
    return os << IpsecStack::GetDropReasonName(reason);
}

} // namespace ns3
