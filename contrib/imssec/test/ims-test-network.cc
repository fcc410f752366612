/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ims-test-network.h"

#include "ns3/boolean.h"
#include "ns3/config.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipsec-helper.h"
#include "ns3/ipv6-static-routing-helper.h"
#include "ns3/ipv6-static-routing.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/simulator.h"
#include "ns3/sip-message-factory.h"
#include "ns3/sip-parser.h"
#include "ns3/string.h"
#include "ns3/udp-socket-factory.h"

#include <sstream>

namespace ns3
{
namespace tests
{

const Ipv6Address ImsTestNetwork::UE_ADDRESS("2001:1:0:100::10");
const Ipv6Address ImsTestNetwork::UE_ADDRESS_2("2001:1:0:100::20");
const Ipv6Address ImsTestNetwork::SERVER_ADDRESS("2001:f::1");

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

/**
 * \param node a node
 * \param device one of its devices
 * \param address a global address
 * \returns the interface index
 */
uint32_t
AddInterface(Ptr<Node> node, Ptr<NetDevice> device, Ipv6Address address)
{
    Ptr<Ipv6> ipv6 = node->GetObject<Ipv6>();
    uint32_t i = ipv6->AddInterface(device);
    ipv6->AddAddress(i, Ipv6InterfaceAddress(address, Ipv6Prefix(64)));
    ipv6->SetUp(i);
    return i;
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

// --- ImsTestNetwork ---------------------------------------------------------------------

ImsTestNetwork::ImsTestNetwork()
{
    Config::SetDefault("ns3::Icmpv6L4Protocol::DAD", BooleanValue(false));
    ue = CreateObject<Node>();
    router = CreateObject<Node>();
    server = CreateObject<Node>();
    InternetStackHelper internet;
    internet.SetIpv4StackInstall(false);
    internet.Install(NodeContainer(ue, router, server));

    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue("10Mbps"));
    p2p.SetChannelAttribute("Delay", StringValue("2ms"));
    ueLink = p2p.Install(ue, router);
    serverLink = p2p.Install(router, server);

    uint32_t ueIf = AddInterface(ue, ueLink.Get(0), UE_ADDRESS);
    Ptr<Ipv6> ueIpv6 = ue->GetObject<Ipv6>();
    ueIpv6->AddAddress(ueIf, Ipv6InterfaceAddress(UE_ADDRESS_2, Ipv6Prefix(64)));
    uint32_t rUe = AddInterface(router, ueLink.Get(1), Ipv6Address("2001:1:0:100::1"));
    uint32_t rServer = AddInterface(router, serverLink.Get(0), Ipv6Address("2001:f::2"));
    uint32_t serverIf = AddInterface(server, serverLink.Get(1), SERVER_ADDRESS);
    Ptr<Ipv6> routerIpv6 = router->GetObject<Ipv6>();
    routerIpv6->SetForwarding(rUe, true);
    routerIpv6->SetForwarding(rServer, true);
    Ipv6StaticRoutingHelper routing;
    routing.GetStaticRouting(ueIpv6)->SetDefaultRoute(Ipv6Address("2001:1:0:100::1"), ueIf);
    routing.GetStaticRouting(server->GetObject<Ipv6>())
        ->SetDefaultRoute(Ipv6Address("2001:f::2"), serverIf);

    ueLink.Get(0)->TraceConnectWithoutContext(
        "PhyTxBegin",
        MakeCallback(&ImsTestNetwork::Record, this).Bind(true));
    ueLink.Get(1)->TraceConnectWithoutContext(
        "PhyTxBegin",
        MakeCallback(&ImsTestNetwork::Record, this).Bind(false));
    m_fromUe = CreateObject<ImsTestDropModel>();
    m_toUe = CreateObject<ImsTestDropModel>();
    DynamicCast<PointToPointNetDevice>(ueLink.Get(1))->SetReceiveErrorModel(m_fromUe);
    DynamicCast<PointToPointNetDevice>(ueLink.Get(0))->SetReceiveErrorModel(m_toUe);
}

ImsTestNetwork::~ImsTestNetwork()
{
    Simulator::Destroy();
}

void
ImsTestNetwork::InstallIpsec()
{
    IpsecHelper ipsec;
    ueIpsec = ipsec.Install(ue);
    serverIpsec = ipsec.Install(server);
}

void
ImsTestNetwork::StartSip(bool withManagers)
{
    ueTransport = CreateObject<SipTransport>();
    serverTransport = CreateObject<SipTransport>();
    ueTransport->Start(ue);
    serverTransport->Start(server);
    if (!withManagers)
    {
        return;
    }
    ueManager = CreateObject<SipTransactionManager>();
    serverManager = CreateObject<SipTransactionManager>();
    ueManager->SetTransport(ueTransport);
    serverManager->SetTransport(serverTransport);
}

void
ImsTestNetwork::DropFromUe(ImsTestDropModel::Rule rule)
{
    m_fromUe->SetRule(rule);
}

void
ImsTestNetwork::DropToUe(ImsTestDropModel::Rule rule)
{
    m_toUe->SetRule(rule);
}

void
ImsTestNetwork::SendRawAt(Time at, std::string bytes, uint16_t sourcePort, uint16_t destinationPort)
{
    if (!m_raw)
    {
        m_raw = Socket::CreateSocket(ue, UdpSocketFactory::GetTypeId());
        m_raw->Bind(Inet6SocketAddress(UE_ADDRESS, sourcePort));
    }
    Simulator::Schedule(at, [this, bytes, destinationPort]() {
        Ptr<Packet> p =
            Create<Packet>(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
        m_raw->SendTo(p, 0, Inet6SocketAddress(SERVER_ADDRESS, destinationPort));
    });
}

void
WireLog::Record(bool fromUe, Ptr<const Packet> packet)
{
    WirePacket w;
    if (DecodeWirePacket(packet, &w))
    {
        w.time = Simulator::Now();
        w.fromUe = fromUe;
        wire.push_back(w);
    }
}

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
    std::vector<WirePacket> out;
    for (const WirePacket& w : Sip(fromUe))
    {
        if (status == 0 && w.message.IsRequest() && w.message.GetMethod() == method)
        {
            out.push_back(w);
        }
        else if (status != 0 && w.message.IsResponse() && w.message.GetStatusCode() == status)
        {
            auto cseq = w.message.GetCseq();
            if (cseq && cseq->GetMethod() == method)
            {
                out.push_back(w);
            }
        }
    }
    return out;
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

SipMessage
MakeTestRequest(const std::string& method,
                Ipv6Address from,
                uint16_t port,
                const std::string& branch,
                const std::string& callId,
                uint32_t cseq,
                bool rport)
{
    SipVia via("UDP", AddressString(from), port, branch);
    if (rport)
    {
        via.SetRport(std::nullopt);
    }
    SipNameAddr fromValue(SipUri("ue1", "ims.example", std::nullopt));
    fromValue.SetTag("from-tag-" + callId);
    SipNameAddr to(SipUri("remote", "ims.example", std::nullopt));
    return SipMessageFactory::CreateRequest(method,
                                            SipUri("remote", "ims.example", std::nullopt),
                                            via,
                                            fromValue,
                                            to,
                                            callId,
                                            cseq);
}

} // namespace tests
} // namespace ns3
