/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "sip-transport.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/ipsec-stack.h"
#include "ns3/ipsec-tag.h"
#include "ns3/ipv6-end-point.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-interface.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-route.h"
#include "ns3/ipv6-routing-protocol.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/sip-header-names.h"
#include "ns3/sip-message-factory.h"
#include "ns3/sip-parser.h"
#include "ns3/sip-text.h"
#include "ns3/socket.h"
#include "ns3/udp-l4-protocol.h"
#include "ns3/uinteger.h"

#include <openssl/evp.h>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecSipTransport");

NS_OBJECT_ENSURE_REGISTERED(SipTransport);

namespace
{

// One encode and one receive buffer for all transports (about 2.3 KB per UE when each
// transport kept its own): a message is encoded and copied into its packet, and a datagram
// copied and parsed into a SipMessage that owns its bytes, before any other transport runs.
std::string g_txBuffer;          //!< encoded text (reused)
std::vector<uint8_t> g_rxBuffer; //!< received bytes (reused)

/**
 * \param text text of a Call-ID value
 * \returns true when it is one non-empty run of visible ASCII characters
 */
bool
IsVisibleWord(std::string_view text)
{
    if (text.empty())
    {
        return false;
    }
    for (char c : text)
    {
        auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f)
        {
            return false;
        }
    }
    return true;
}

} // namespace

TypeId
SipTransport::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::SipTransport")
            .SetParent<Object>()
            .SetGroupName("Imssec")
            .AddConstructor<SipTransport>()
            .AddAttribute("Port",
                          "UDP port of clear SIP, bound on any address (default 5060).",
                          UintegerValue(5060),
                          MakeUintegerAccessor(&SipTransport::m_port),
                          MakeUintegerChecker<uint16_t>(1))
            .AddAttribute("AnswerBadRequests",
                          "Whether a malformed request with a readable top Via gets a "
                          "stateless 400 (RFC 3261 8.2; default true).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&SipTransport::m_answerBadRequests),
                          MakeBooleanChecker())
            .AddTraceSource("MessageSent",
                            "A SIP message left (retransmissions included).",
                            MakeTraceSourceAccessor(&SipTransport::m_sentTrace),
                            "ns3::SipTransport::MessageTracedCallback")
            .AddTraceSource("MessageReceived",
                            "A valid SIP message arrived (before the application sees it).",
                            MakeTraceSourceAccessor(&SipTransport::m_receivedTrace),
                            "ns3::SipTransport::MessageTracedCallback")
            .AddTraceSource("ParseError",
                            "A datagram that is not a valid SIP message arrived.",
                            MakeTraceSourceAccessor(&SipTransport::m_parseErrorTrace),
                            "ns3::SipTransport::ParseErrorTracedCallback")
            .AddTraceSource("Drop",
                            "A datagram was dropped on receipt or could not be sent.",
                            MakeTraceSourceAccessor(&SipTransport::m_dropTrace),
                            "ns3::SipTransport::DropTracedCallback");
    return tid;
}

SipTransport::SipTransport()
    : m_port(5060),
      m_answerBadRequests(true),
      m_started(false),
      m_parseErrors(0),
      m_parseErrorBytes(0),
      m_badRequestAnswered(0),
      m_drops{}
{
    NS_LOG_FUNCTION(this);
}

SipTransport::~SipTransport()
{
    NS_LOG_FUNCTION(this);
    // The endpoints outlive us in UdpL4Protocol: they must not call back into a dead object.
    Stop();
}

void
SipTransport::DoDispose()
{
    NS_LOG_FUNCTION(this);
    Stop();
    m_receive = ReceiveCallback();
    m_node = nullptr;
    m_ipv6 = nullptr;
    m_udp = nullptr;
    m_ipsec = nullptr;
    Object::DoDispose();
}

bool
SipTransport::Start(Ptr<Node> node)
{
    NS_LOG_FUNCTION(this << node);
    NS_ABORT_MSG_IF(!node, "SipTransport::Start: null node");
    NS_ABORT_MSG_IF(m_started, "SipTransport::Start: already started");
    m_ipv6 = node->GetObject<Ipv6L3Protocol>();
    NS_ABORT_MSG_IF(!m_ipv6,
                    "SipTransport needs an IPv6 stack on node " << node->GetId()
                                                                << " (install the Internet "
                                                                   "stack first)");
    m_udp = node->GetObject<UdpL4Protocol>();
    NS_ABORT_MSG_IF(!m_udp, "SipTransport needs UDP on node " << node->GetId());
    m_node = node;
    m_started = true;
    if (!GetSocket(Ipv6Address::GetAny(), m_port))
    {
        NS_LOG_WARN("port " << m_port << " is in use on node " << node->GetId());
        m_started = false;
        return false;
    }
    return true;
}

void
SipTransport::Stop()
{
    NS_LOG_FUNCTION(this);
    ReleaseEndPoints([](const SocketKey&) { return true; });
    m_protectedPorts.clear();
    m_started = false;
}

bool
SipTransport::IsStarted() const
{
    return m_started;
}

Ptr<Node>
SipTransport::GetNode() const
{
    return m_node;
}

uint16_t
SipTransport::GetPort() const
{
    return m_port;
}

void
SipTransport::SetReceiveCallback(ReceiveCallback callback)
{
    NS_LOG_FUNCTION(this);
    m_receive = callback;
}

Ptr<IpsecStack>
SipTransport::GetIpsecStack()
{
    if (!m_ipsec && m_node)
    {
        // The IPsec layer may be installed after the application started.
        m_ipsec = m_node->GetObject<IpsecStack>();
    }
    return m_ipsec;
}

Ipv6EndPoint*
SipTransport::GetSocket(Ipv6Address address, uint16_t port)
{
    NS_LOG_FUNCTION(this << address << port);
    SocketKey key(address, port);
    auto it = m_sockets.find(key);
    if (it != m_sockets.end())
    {
        return it->second;
    }
    if (!m_udp)
    {
        return nullptr;
    }
    Ipv6EndPoint* endPoint = m_udp->Allocate6(nullptr, address, port);
    if (!endPoint)
    {
        NS_LOG_WARN("cannot bind [" << address << "]:" << port);
        return nullptr;
    }
    endPoint->SetRxCallback(MakeCallback(&SipTransport::HandleRead, this, port));
    endPoint->SetDestroyCallback(
        MakeCallback(&SipTransport::EndPointDestroyed, this, address, port));
    m_sockets.emplace(key, endPoint);
    return endPoint;
}

uint32_t
SipTransport::ReleaseEndPoints(const std::function<bool(const SocketKey&)>& matches)
{
    NS_LOG_FUNCTION(this);
    uint32_t released = 0;
    for (auto it = m_sockets.begin(); it != m_sockets.end();)
    {
        if (!matches(it->first))
        {
            ++it;
            continue;
        }
        // Out of the map first, then its callbacks, so that it calls nothing back.
        Ipv6EndPoint* endPoint = it->second;
        it = m_sockets.erase(it);
        endPoint->SetRxCallback(
            MakeNullCallback<void, Ptr<Packet>, Ipv6Header, uint16_t, Ptr<Ipv6Interface>>());
        endPoint->SetDestroyCallback(MakeNullCallback<void>());
        if (m_udp)
        {
            m_udp->DeAllocate(endPoint);
        }
        ++released;
    }
    return released;
}

void
SipTransport::EndPointDestroyed(Ipv6Address address, uint16_t port)
{
    NS_LOG_FUNCTION(this << address << port);
    m_sockets.erase(SocketKey(address, port));
}

bool
SipTransport::OpenProtectedPort(uint16_t port)
{
    NS_LOG_FUNCTION(this << port);
    NS_ABORT_MSG_IF(!m_started, "SipTransport::OpenProtectedPort before Start");
    NS_ABORT_MSG_IF(!GetIpsecStack(),
                    "SipTransport::OpenProtectedPort: node " << m_node->GetId()
                                                             << " has no IpsecStack");
    if (port == 0 || port == m_port || m_protectedPorts.count(port) > 0 ||
        m_sockets.count(SocketKey(Ipv6Address::GetAny(), port)) > 0)
    {
        return false;
    }
    if (!GetSocket(Ipv6Address::GetAny(), port))
    {
        return false;
    }
    m_protectedPorts.insert(port);
    return true;
}

bool
SipTransport::CloseProtectedPort(uint16_t port)
{
    NS_LOG_FUNCTION(this << port);
    if (m_protectedPorts.erase(port) == 0)
    {
        return false;
    }
    ReleaseEndPoints([port](const SocketKey& key) { return key.second == port; });
    return true;
}

bool
SipTransport::IsProtectedPort(uint16_t port) const
{
    return m_protectedPorts.count(port) > 0;
}

uint32_t
SipTransport::ReleaseLocalAddress(Ipv6Address address)
{
    NS_LOG_FUNCTION(this << address);
    if (address.IsAny())
    {
        return 0;
    }
    return ReleaseEndPoints([address](const SocketKey& key) { return key.first == address; });
}

uint32_t
SipTransport::GetSocketCount() const
{
    return static_cast<uint32_t>(m_sockets.size());
}

// --- sending ------------------------------------------------------------------------------

bool
SipTransport::Send(const SipMessage& message, const SipTarget& target, bool isRetransmission)
{
    NS_LOG_FUNCTION(this << target << isRetransmission);
    message.EncodeTo(&g_txBuffer);
    Ptr<Packet> packet =
        Create<Packet>(reinterpret_cast<const uint8_t*>(g_txBuffer.data()), g_txBuffer.size());
    SipPacketInfo info;
    info.localAddress = target.localAddress;
    info.localPort = target.localPort;
    info.remoteAddress = target.remoteAddress;
    info.remotePort = target.remotePort;
    info.isProtected = target.isProtected;
    info.size = packet->GetSize();
    info.isRetransmission = isRetransmission;

    if (!m_started)
    {
        Drop(packet, info, NOT_STARTED);
        return false;
    }
    if (info.size > MAX_SEND_SIZE)
    {
        // RFC 3261 18.1.1 wants a congestion-controlled transport, which is not modelled.
        NS_LOG_WARN("message of " << info.size << " bytes not sent: larger than " << MAX_SEND_SIZE
                                  << " bytes (UDP only)");
        Drop(packet, info, MESSAGE_TOO_LARGE);
        return false;
    }
    if (target.isProtected)
    {
        Ptr<IpsecStack> ipsec = GetIpsecStack();
        if (!ipsec)
        {
            Drop(packet, info, NO_IPSEC_STACK);
            return false;
        }
        if (target.localAddress.IsAny())
        {
            // SAs name both addresses: the application must say which of its own it uses.
            Drop(packet, info, SOURCE_NOT_LOCAL);
            return false;
        }
        // IpsecStack counts its own reason (no SA, expired, foreign source, ...).
        if (!ipsec->Send(packet,
                         target.localAddress,
                         target.localPort,
                         target.remoteAddress,
                         target.remotePort))
        {
            Drop(packet, info, NO_OUTBOUND_SA);
            return false;
        }
    }
    else
    {
        if (!target.localAddress.IsAny() && m_ipv6->GetInterfaceForAddress(target.localAddress) < 0)
        {
            // e.g. a privacy address that was removed meanwhile
            Drop(packet, info, SOURCE_NOT_LOCAL);
            return false;
        }
        if (!GetSocket(target.localAddress, target.localPort) || !SendClear(packet, target))
        {
            Drop(packet, info, SOCKET_ERROR);
            return false;
        }
    }
    NS_LOG_INFO("sent " << (message.IsRequest() ? message.GetMethod()
                                                : std::to_string(message.GetStatusCode()))
                        << " " << info);
    m_sent.Record(message, info.size);
    if (isRetransmission)
    {
        m_retransmitted.Record(message, info.size);
    }
    m_sentTrace(message, info);
    return true;
}

bool
SipTransport::GetResponseDestination(const SipVia& via, Ipv6Address* address, uint16_t* port)
{
    NS_ABORT_MSG_IF(!address || !port, "SipTransport::GetResponseDestination: null output");
    std::optional<std::string> received = via.GetReceived();
    std::string host = via.GetHostAddress();
    if (received && SipText::IsIpv6Address(*received))
    {
        *address = Ipv6Address(received->c_str());
    }
    else if (SipText::IsIpv6Address(host))
    {
        *address = Ipv6Address(host.c_str());
    }
    else
    {
        return false;
    }
    if (std::optional<uint16_t> rport = via.GetRport())
    {
        *port = *rport;
    }
    else
    {
        *port = via.GetPort().value_or(5060);
    }
    return true;
}

bool
SipTransport::SendResponse(const SipMessage& response,
                           const SipPacketInfo& requestInfo,
                           bool isRetransmission)
{
    NS_LOG_FUNCTION(this << requestInfo << isRetransmission);
    SipTarget target = requestInfo.GetReplyTarget();
    if (!requestInfo.isProtected)
    {
        // RFC 3261 18.2.2 / RFC 3581; a protected request is answered on its SA pair.
        std::optional<SipVia> via = response.GetTopVia();
        Ipv6Address address;
        uint16_t port = 0;
        if (via && GetResponseDestination(*via, &address, &port))
        {
            target.remoteAddress = address;
            target.remotePort = port;
        }
    }
    return Send(response, target, isRetransmission);
}

// --- receiving ----------------------------------------------------------------------------

void
SipTransport::HandleRead(uint16_t localPort,
                         Ptr<Packet> packet,
                         Ipv6Header header,
                         uint16_t sourcePort,
                         Ptr<Ipv6Interface> /* incoming */)
{
    NS_LOG_FUNCTION(this << localPort << packet << sourcePort);
    if (!m_started)
    {
        return;
    }
    SipPacketInfo info;
    info.remoteAddress = header.GetSource();
    info.remotePort = sourcePort;
    info.localAddress = header.GetDestination();
    info.localPort = localPort;
    info.size = packet->GetSize();
    Receive(packet, info);
}

bool
SipTransport::SendClear(Ptr<Packet> packet, const SipTarget& target)
{
    NS_LOG_FUNCTION(this << packet << target);
    Ipv6Address source = target.localAddress;
    Ptr<Ipv6Route> route;
    if (source.IsAny())
    {
        // What a UDP socket bound to the wildcard does: the route chooses the source.
        Ptr<Ipv6RoutingProtocol> routing = m_ipv6->GetRoutingProtocol();
        if (!routing)
        {
            return false;
        }
        Ipv6Header header;
        header.SetDestination(target.remoteAddress);
        header.SetNextHeader(UdpL4Protocol::PROT_NUMBER);
        Socket::SocketErrno error = Socket::ERROR_NOTERROR;
        route = routing->RouteOutput(packet, header, nullptr, error);
        if (!route)
        {
            return false;
        }
        source = route->GetSource();
    }
    m_udp->Send(packet, source, target.remoteAddress, target.localPort, target.remotePort, route);
    return true;
}

void
SipTransport::Receive(Ptr<Packet> packet, SipPacketInfo info)
{
    NS_LOG_FUNCTION(this << packet << info);
    IpsecTag tag;
    if (packet->PeekPacketTag(tag))
    {
        info.isProtected = true;
        info.spi = tag.GetSpi();
        info.saSetHandle = tag.GetSaSetHandle();
    }
    else if (IsProtectedPort(info.localPort))
    {
        Ptr<IpsecStack> ipsec = GetIpsecStack();
        if (!ipsec)
        {
            Drop(packet, info, NO_IPSEC_STACK);
            return;
        }
        // IpsecStack counts ARRIVED_CLEAR (or POLICY_DISCARD) itself.
        if (!ipsec->CheckClear(packet,
                               info.remoteAddress,
                               info.remotePort,
                               info.localAddress,
                               info.localPort))
        {
            Drop(packet, info, CLEAR_ON_PROTECTED_PORT);
            return;
        }
    }

    g_rxBuffer.resize(info.size);
    packet->CopyData(g_rxBuffer.data(), info.size);
    SipMessage message;
    SipParseError error;
    if (!SipParser::Parse(g_rxBuffer.data(), g_rxBuffer.size(), &message, &error) ||
        !message.Validate(&error))
    {
        HandleMalformed(packet, info, error);
        return;
    }
    if (message.IsRequest())
    {
        std::optional<SipVia> via = message.GetTopVia();
        if (via && StampVia(&*via, info))
        {
            message.ReplaceTopVia(*via);
        }
    }
    NS_LOG_INFO("received " << (message.IsRequest() ? message.GetMethod()
                                                    : std::to_string(message.GetStatusCode()))
                            << " " << info);
    m_received.Record(message, info.size);
    m_receivedTrace(message, info);
    if (!m_receive.IsNull())
    {
        m_receive(message, info);
    }
}

bool
SipTransport::StampVia(SipVia* via, const SipPacketInfo& info)
{
    std::string host = via->GetHostAddress();
    bool sameHost = SipText::IsIpv6Address(host) && Ipv6Address(host.c_str()) == info.remoteAddress;
    bool changed = false;
    if (via->HasRport() && !via->GetRport())
    {
        // RFC 3581 section 4: rport gets the source port, received is added in any case.
        via->SetRport(info.remotePort);
        via->SetReceived(SipText::Ipv6Text(info.remoteAddress));
        changed = true;
    }
    else if (!sameHost)
    {
        via->SetReceived(SipText::Ipv6Text(info.remoteAddress));
        changed = true;
    }
    return changed;
}

void
SipTransport::HandleMalformed(Ptr<const Packet> packet,
                              const SipPacketInfo& info,
                              const SipParseError& error)
{
    NS_LOG_FUNCTION(this << packet << info << error.ToString());
    m_parseErrors++;
    m_parseErrorBytes += info.size;
    bool answered = false;
    SipMessage badRequest;
    if (m_answerBadRequests &&
        BuildBadRequest(g_rxBuffer.data(), g_rxBuffer.size(), info, &badRequest))
    {
        answered = SendResponse(badRequest, info);
        if (answered)
        {
            m_badRequestAnswered++;
        }
    }
    NS_LOG_INFO("malformed datagram " << info << ": " << error.ToString()
                                      << (answered ? " (400 sent)" : " (dropped)"));
    m_parseErrorTrace(packet, info, error, answered);
}

bool
SipTransport::BuildBadRequest(const uint8_t* data,
                              size_t size,
                              const SipPacketInfo& info,
                              SipMessage* response) const
{
    std::string_view text(reinterpret_cast<const char*>(data), size);
    // Skip keep-alive CRLFs, as the parser does.
    size_t pos = 0;
    while (pos < text.size() && (text[pos] == '\r' || text[pos] == '\n'))
    {
        ++pos;
    }
    // Lines of the header section (up to the first empty line or the end).
    std::vector<std::string_view> lines;
    while (pos < text.size())
    {
        size_t end = text.find('\n', pos);
        std::string_view line =
            text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
        if (!line.empty() && line.back() == '\r')
        {
            line.remove_suffix(1);
        }
        if (line.empty())
        {
            break;
        }
        lines.push_back(line);
        if (end == std::string_view::npos || lines.size() > 2 * SipParser::MAX_HEADERS)
        {
            break;
        }
        pos = end + 1;
    }
    if (lines.empty())
    {
        return false;
    }
    // A request: the start line begins with a method token, not "SIP/".  No answer to ACK.
    std::string_view method = lines[0].substr(0, lines[0].find(' '));
    if (method.empty() || !SipText::IsToken(method) || method == "ACK" ||
        (lines[0].size() >= 4 && lines[0].substr(0, 4) == "SIP/"))
    {
        return false;
    }
    // Re-parse only the lines a response copies (RFC 3261 8.2.6.2), under a clean start line.
    std::string salvage = "OPTIONS sip:invalid SIP/2.0\r\n";
    bool keep = false;
    for (size_t i = 1; i < lines.size(); ++i)
    {
        std::string_view line = lines[i];
        if (line[0] == ' ' || line[0] == '\t')
        {
            if (keep)
            {
                salvage.append(line).append("\r\n"); // folded continuation
            }
            continue;
        }
        size_t colon = line.find(':');
        keep = false;
        if (colon == std::string_view::npos)
        {
            continue;
        }
        SipHeaderId id = SipHeaderNames::Lookup(SipText::Trim(line.substr(0, colon)));
        keep = id == SipHeaderId::VIA || id == SipHeaderId::FROM || id == SipHeaderId::TO ||
               id == SipHeaderId::CALL_ID || id == SipHeaderId::CSEQ;
        if (keep)
        {
            salvage.append(line).append("\r\n");
        }
    }
    salvage.append("\r\n");
    SipParseResult parsed = SipParser::Parse(salvage);
    if (!parsed.IsOk())
    {
        return false;
    }
    const SipMessage& m = parsed.GetMessage();
    // The Via values that parse, from the top down to the first that does not.
    std::vector<SipVia> vias;
    for (const std::string& value : m.GetAll("Via"))
    {
        SipVia via;
        if (!SipVia::Parse(value, &via, nullptr))
        {
            break;
        }
        vias.push_back(via);
    }
    if (vias.empty())
    {
        return false;
    }
    StampVia(&vias[0], info);
    *response = SipMessage::MakeResponse(400, SipMessageFactory::GetReasonPhrase(400));
    for (const SipVia& via : vias)
    {
        response->AddHeader("Via", via.ToString());
    }
    if (std::optional<SipNameAddr> from = m.GetFrom())
    {
        response->SetFrom(*from);
    }
    if (std::optional<SipNameAddr> to = m.GetTo())
    {
        if (!to->GetTag())
        {
            // RFC 8.2.7: a stateless UAS gives a retransmission the same tag.
            to->SetTag(MakeHashToken(text));
        }
        response->SetTo(*to);
    }
    if (std::optional<std::string> callId = m.GetCallId(); callId && IsVisibleWord(*callId))
    {
        response->SetCallId(*callId);
    }
    if (std::optional<SipCseq> cseq = m.GetCseq())
    {
        response->SetCseq(*cseq);
    }
    return true;
}

std::string
SipTransport::MakeHashToken(std::string_view seed)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(seed.data(), seed.size(), digest, &length, EVP_sha1(), nullptr) != 1 ||
        length < 8)
    {
        NS_FATAL_ERROR("SipTransport::MakeHashToken: OpenSSL SHA-1 failed");
    }
    static const char HEX[] = "0123456789abcdef";
    std::string out(16, '0');
    for (size_t i = 0; i < 8; ++i)
    {
        out[2 * i] = HEX[digest[i] >> 4];
        out[2 * i + 1] = HEX[digest[i] & 0x0f];
    }
    return out;
}

void
SipTransport::Drop(Ptr<const Packet> packet, const SipPacketInfo& info, DropReason reason)
{
    NS_LOG_FUNCTION(this << packet << info << reason);
    NS_LOG_INFO("drop (" << reason << ") " << info);
    m_drops[reason]++;
    m_dropTrace(packet, info, reason);
}

// --- counters -----------------------------------------------------------------------------

const SipMessageCounters&
SipTransport::GetSentCounters() const
{
    return m_sent;
}

const SipMessageCounters&
SipTransport::GetRetransmittedCounters() const
{
    return m_retransmitted;
}

const SipMessageCounters&
SipTransport::GetReceivedCounters() const
{
    return m_received;
}

uint64_t
SipTransport::GetParseErrorCount() const
{
    return m_parseErrors;
}

uint64_t
SipTransport::GetParseErrorBytes() const
{
    return m_parseErrorBytes;
}

uint64_t
SipTransport::GetBadRequestAnsweredCount() const
{
    return m_badRequestAnswered;
}

uint64_t
SipTransport::GetDropCount(DropReason reason) const
{
    return reason < DROP_REASON_COUNT ? m_drops[reason] : 0;
}

std::string
SipTransport::GetDropReasonName(DropReason reason)
{
    switch (reason)
    {
    case CLEAR_ON_PROTECTED_PORT:
        return "clear-on-protected-port";
    case NO_OUTBOUND_SA:
        return "no-outbound-sa";
    case NO_IPSEC_STACK:
        return "no-ipsec-stack";
    case SOURCE_NOT_LOCAL:
        return "source-not-local";
    case SOCKET_ERROR:
        return "socket-error";
    case NOT_STARTED:
        return "not-started";
    case MESSAGE_TOO_LARGE:
        return "message-too-large";
    default:
        return "unknown";
    }
}

std::ostream&
operator<<(std::ostream& os, SipTransport::DropReason reason)
{
    os << SipTransport::GetDropReasonName(reason);
    return os;
}

} // namespace ns3
