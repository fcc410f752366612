/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "test-network.h"

#include "ns3/boolean.h"
#include "ns3/config.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv6.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/simulator.h"
#include "ns3/sip-parser.h"
#include "ns3/string.h"
#include "ns3/temporary-address-manager.h"
#include "ns3/udp-socket-factory.h"

#include <sstream>

namespace ns3
{
namespace tests
{

namespace
{

constexpr uint16_t PPP_IPV6 = 0x0057; //!< PPP protocol number of IPv6
constexpr size_t ICV_LENGTH = 12;     //!< HMAC-*-96

/**
 * \param p bytes
 * \returns the 16-bit big-endian value
 */
uint16_t
Read16(const uint8_t* p)
{
    return static_cast<uint16_t>((p[0] << 8) | p[1]);
}

/**
 * \param p bytes
 * \returns the 32-bit big-endian value
 */
uint32_t
Read32(const uint8_t* p)
{
    return (static_cast<uint32_t>(p[0]) << 24) | (static_cast<uint32_t>(p[1]) << 16) |
           (static_cast<uint32_t>(p[2]) << 8) | p[3];
}

} // namespace

std::string
AddressString(const Ipv6Address& address)
{
    std::ostringstream os;
    os << address;
    return os.str();
}

std::string
WirePacket::Describe() const
{
    if (!isSip)
    {
        return "-";
    }
    if (message.IsRequest())
    {
        return message.GetMethod();
    }
    auto cseq = message.GetCseq();
    return std::to_string(message.GetStatusCode()) + " " + (cseq ? cseq->GetMethod() : "?");
}

bool
DecodeWirePacket(Ptr<const Packet> packet, WirePacket* out)
{
    std::vector<uint8_t> b(packet->GetSize());
    packet->CopyData(b.data(), b.size());
    if (b.size() < 2 + 40 || Read16(b.data()) != PPP_IPV6)
    {
        return false;
    }
    const uint8_t* ip = b.data() + 2;
    uint8_t buf[16];
    std::copy(ip + 8, ip + 24, buf);
    out->source = Ipv6Address(buf);
    std::copy(ip + 24, ip + 40, buf);
    out->destination = Ipv6Address(buf);
    out->nextHeader = ip[6];
    size_t pos = 2 + 40;
    size_t end = b.size();
    if (out->nextHeader == 50)
    {
        // ESP (RFC 4303) with null encryption: SPI, sequence, payload, padding, pad length,
        // next header, ICV.
        if (end - pos < 8 + 2 + ICV_LENGTH)
        {
            return false;
        }
        out->spi = Read32(b.data() + pos);
        out->sequence = Read32(b.data() + pos + 4);
        pos += 8;
        end -= ICV_LENGTH;
        uint8_t inner = b[end - 1];
        uint8_t padLength = b[end - 2];
        if (inner != 17 || end - pos < 2u + padLength)
        {
            return false;
        }
        end -= 2 + padLength;
    }
    else if (out->nextHeader != 17)
    {
        return false;
    }
    if (end - pos < 8)
    {
        return false;
    }
    out->sourcePort = Read16(b.data() + pos);
    out->destinationPort = Read16(b.data() + pos + 2);
    pos += 8;
    out->payload.assign(reinterpret_cast<const char*>(b.data() + pos), end - pos);
    SipParseResult r = SipParser::Parse(out->payload);
    out->isSip = r.IsOk();
    if (out->isSip)
    {
        out->message = r.GetMessage();
    }
    return true;
}

// --- ImsTestDropModel -------------------------------------------------------------------

TypeId
ImsTestDropModel::GetTypeId()
{
    static TypeId tid = TypeId("ns3::tests::ImsTestDropModel")
                            .SetParent<ErrorModel>()
                            .SetGroupName("Imssec")
                            .AddConstructor<ImsTestDropModel>();
    return tid;
}

void
ImsTestDropModel::SetRule(Rule rule)
{
    m_rule = rule;
}

uint32_t
ImsTestDropModel::GetDropped() const
{
    return m_dropped;
}

bool
ImsTestDropModel::DoCorrupt(Ptr<Packet> p)
{
    WirePacket w;
    if (!m_rule || !DecodeWirePacket(p, &w) || !m_rule(w))
    {
        return false;
    }
    m_dropped++;
    return true;
}

void
ImsTestDropModel::DoReset()
{
    m_dropped = 0;
}

bool
IsSipMessage(const SipMessage& message, const std::string& method, uint16_t status)
{
    if (status == 0)
    {
        return message.IsRequest() && message.GetMethod() == method;
    }
    auto cseq = message.GetCseq();
    return message.IsResponse() && message.GetStatusCode() == status && cseq &&
           cseq->GetMethod() == method;
}

std::vector<WirePacket>
FindSip(const std::vector<WirePacket>& wire,
        bool fromUe,
        const std::string& method,
        uint16_t status,
        Time from,
        Time to)
{
    std::vector<WirePacket> out;
    for (const WirePacket& w : wire)
    {
        if (w.isSip && w.fromUe == fromUe && w.time >= from && w.time < to &&
            IsSipMessage(w.message, method, status))
        {
            out.push_back(w);
        }
    }
    return out;
}

std::vector<SecurityMechanism>
Mechanisms(const SipMessage& message, const std::string& name)
{
    return message.GetSecurityMechanisms(name);
}

Ipv6Address
UriAddress(const SipUri& uri)
{
    return Ipv6Address(uri.GetHostAddress().c_str());
}

// --- WireLog ----------------------------------------------------------------------------

std::vector<WirePacket>
WireLog::Sip(bool fromUe) const
{
    std::vector<WirePacket> out;
    for (const WirePacket& w : wire)
    {
        if (w.fromUe == fromUe && w.isSip)
        {
            out.push_back(w);
        }
    }
    return out;
}

std::vector<WirePacket>
WireLog::Find(bool fromUe, const std::string& method, uint16_t status) const
{
    return FindSip(wire, fromUe, method, status);
}

std::vector<WirePacket>
WireLog::SipSince(Time since) const
{
    std::vector<WirePacket> out;
    for (const WirePacket& w : wire)
    {
        if (w.isSip && w.time >= since)
        {
            out.push_back(w);
        }
    }
    return out;
}

// --- TestNetwork ------------------------------------------------------------------------

TestNetwork::~TestNetwork()
{
    for (RawSocket& r : m_raw)
    {
        r.socket->Close();
    }
    m_raw.clear();
    Simulator::Destroy();
}

void
TestNetwork::DisableDad()
{
    Config::SetDefault("ns3::Icmpv6L4Protocol::DAD", BooleanValue(false));
}

NodeContainer
TestNetwork::CreateIpv6Nodes(uint32_t n)
{
    NodeContainer nodes;
    nodes.Create(n);
    InternetStackHelper internet;
    internet.SetIpv4StackInstall(false);
    internet.Install(nodes);
    return nodes;
}

NetDeviceContainer
TestNetwork::Connect(Ptr<Node> a, Ptr<Node> b, Time delay)
{
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue("10Mbps"));
    p2p.SetChannelAttribute("Delay", TimeValue(delay));
    return p2p.Install(a, b);
}

uint32_t
TestNetwork::AddInterface(Ptr<Node> node, Ptr<NetDevice> device, Ipv6Address address)
{
    Ptr<Ipv6> ipv6 = node->GetObject<Ipv6>();
    uint32_t i = ipv6->AddInterface(device);
    ipv6->AddAddress(i, Ipv6InterfaceAddress(address, Ipv6Prefix(64)));
    ipv6->SetUp(i);
    return i;
}

void
TestNetwork::Record(std::vector<WirePacket>* link, bool fromUe, Ptr<const Packet> packet)
{
    WirePacket w;
    if (DecodeWirePacket(packet, &w))
    {
        w.time = Simulator::Now();
        w.fromUe = fromUe;
        link->push_back(w);
    }
}

void
TestNetwork::Tap(Ptr<NetDevice> device,
                 std::vector<WirePacket>* into,
                 bool fromUe,
                 const std::string& trace)
{
    device->TraceConnectWithoutContext(trace,
                                       MakeBoundCallback(&TestNetwork::Record, into, fromUe));
}

Ptr<ImsTestDropModel>
TestNetwork::DropOnReceive(Ptr<NetDevice> device, ImsTestDropModel::Rule rule)
{
    Ptr<ImsTestDropModel> model = CreateObject<ImsTestDropModel>();
    model->SetRule(rule);
    DynamicCast<PointToPointNetDevice>(device)->SetReceiveErrorModel(model);
    return model;
}

void
TestNetwork::RecordGenerated(Ptr<TemporaryAddressManager> tam,
                             std::vector<std::pair<Time, Ipv6Address>>* into)
{
    tam->TraceConnectWithoutContext(
        "TemporaryAddressGenerated",
        MakeCallback(+[](std::vector<std::pair<Time, Ipv6Address>>* v, Ipv6Address a, Time t) {
            v->emplace_back(t, a);
        }).Bind(into));
}

void
TestNetwork::SendRawNow(Ptr<Node> from,
                        Ipv6Address source,
                        uint16_t sourcePort,
                        Ipv6Address to,
                        uint16_t port,
                        const std::string& bytes)
{
    Ptr<Socket> socket;
    for (const RawSocket& r : m_raw)
    {
        if (r.node == from && r.source == source && r.port == sourcePort)
        {
            socket = r.socket;
        }
    }
    if (!socket)
    {
        socket = Socket::CreateSocket(from, UdpSocketFactory::GetTypeId());
        socket->Bind(Inet6SocketAddress(source, sourcePort));
        m_raw.push_back({from, source, sourcePort, socket});
    }
    Ptr<Packet> p = Create<Packet>(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    socket->SendTo(p, 0, Inet6SocketAddress(to, port));
}

void
TestNetwork::SendRaw(Time at,
                     Ptr<Node> from,
                     Ipv6Address source,
                     uint16_t sourcePort,
                     Ipv6Address to,
                     uint16_t port,
                     std::string bytes)
{
    At(at, [this, from, source, sourcePort, to, port, bytes]() {
        SendRawNow(from, source, sourcePort, to, port, bytes);
    });
}

void
TestNetwork::RunUntil(Time t)
{
    Simulator::Stop(t - Simulator::Now());
    Simulator::Run();
}

void
TestNetwork::At(Time at, std::function<void()> f)
{
    Simulator::Schedule(at - Simulator::Now(), f);
}

} // namespace tests
} // namespace ns3
