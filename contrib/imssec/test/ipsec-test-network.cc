/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-test-network.h"

#include "ns3/inet6-socket-address.h"
#include "ns3/ipsec-helper.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-packet-info-tag.h"
#include "ns3/ipv6-raw-socket-factory.h"
#include "ns3/ipv6-static-routing-helper.h"
#include "ns3/ipv6-static-routing.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

namespace ns3
{
namespace tests
{

const Ipv6Address IpsecTestNetwork::UE_SAME_64("2001:1:0:100::20");
const Ipv6Address IpsecTestNetwork::UE_SAME_56("2001:1:0:1ab::40");
const Ipv6Address IpsecTestNetwork::UE_OTHER_PREFIX("2001:2::30");
const Ipv6Address IpsecTestNetwork::PCSCF_ADDRESS("2001:f::1");

IpsecTestNetwork::IpsecTestNetwork(const std::string& pcapPrefix, const std::string& icvMode)
{
    if (!pcapPrefix.empty())
    {
        PointToPointHelper p2p;
        p2p.EnablePcap(pcapPrefix + "-ue-link.pcap", ueLink.Get(0), false, true);
        p2p.EnablePcap(pcapPrefix + "-pcscf-link.pcap", serverLink.Get(1), false, true);
    }
    Ptr<Ipv6> ueIpv6 = ue->GetObject<Ipv6>();
    for (const Ipv6Address& a : {UE_SAME_56, UE_OTHER_PREFIX})
    {
        ueIpv6->AddAddress(m_ueInterface, Ipv6InterfaceAddress(a, Ipv6Prefix(64)));
    }
    Ptr<Ipv6StaticRouting> rr =
        Ipv6StaticRoutingHelper().GetStaticRouting(router->GetObject<Ipv6>());
    rr->AddNetworkRouteTo(Ipv6Address("2001:1:0:100::"), Ipv6Prefix(56), m_routerUeInterface);
    rr->AddNetworkRouteTo(Ipv6Address("2001:2::"), Ipv6Prefix(64), m_routerUeInterface);

    IpsecHelper ipsec;
    ipsec.SetStackAttribute("IcvMode", StringValue(icvMode));
    ueStack = ipsec.Install(ue);
    pcscfStack = ipsec.Install(server);
    auto recordDrop = +[](std::vector<DropRecord>* v,
                          Ptr<const Packet>,
                          const Ipv6Address& s,
                          const Ipv6Address& d,
                          uint32_t spi,
                          IpsecStack::DropReason r) {
        v->push_back({r, spi, s, d});
    };
    ueStack->TraceConnectWithoutContext("Drop", MakeCallback(recordDrop).Bind(&ueDrops));
    pcscfStack->TraceConnectWithoutContext("Drop", MakeCallback(recordDrop).Bind(&pcscfDrops));
    auto recordEsp = +[](std::vector<Ptr<Packet>>* v, Ptr<const Packet> p, Ptr<const IpsecSa>) {
        v->push_back(p->Copy());
    };
    ueStack->TraceConnectWithoutContext("OutboundProtected", MakeCallback(recordEsp).Bind(&ueEsp));
    pcscfStack->TraceConnectWithoutContext("OutboundProtected",
                                           MakeCallback(recordEsp).Bind(&pcscfEsp));

    for (uint16_t port : {UE_PORT_C, UE_PORT_S})
    {
        OpenSocket(ue, port, &ueReceived);
    }
    for (uint16_t port : {PCSCF_PORT_C, PCSCF_PORT_S, PCSCF_PORT_CLEAR})
    {
        OpenSocket(server, port, &pcscfReceived);
    }
    m_injector = Socket::CreateSocket(ue, Ipv6RawSocketFactory::GetTypeId());
    m_injector->SetAttribute("Protocol", UintegerValue(50));
    m_injector->ShutdownRecv();
    m_clear = Socket::CreateSocket(ue, UdpSocketFactory::GetTypeId());
}

void
IpsecTestNetwork::OpenSocket(Ptr<Node> node, uint16_t port, std::vector<Received>* into)
{
    Ptr<Socket> s = Socket::CreateSocket(node, UdpSocketFactory::GetTypeId());
    s->Bind(Inet6SocketAddress(Ipv6Address::GetAny(), port));
    s->SetRecvPktInfo(true);
    s->SetRecvCallback(MakeCallback(&IpsecTestNetwork::Receive, this).Bind(into));
    m_sockets.push_back(s);
}

void
IpsecTestNetwork::Receive(std::vector<Received>* into, Ptr<Socket> socket)
{
    Address from;
    Ptr<Packet> p;
    while ((p = socket->RecvFrom(from)))
    {
        Received r;
        r.packet = p;
        Inet6SocketAddress a = Inet6SocketAddress::ConvertFrom(from);
        r.from = a.GetIpv6();
        r.fromPort = a.GetPort();
        Ipv6PacketInfoTag info;
        r.to = p->PeekPacketTag(info) ? info.GetAddress() : Ipv6Address::GetAny();
        Address local;
        socket->GetSockName(local);
        r.localPort = Inet6SocketAddress::ConvertFrom(local).GetPort();
        r.hasTag = p->PeekPacketTag(r.tag);
        into->push_back(r);
    }
}

IpsecSaSetParameters
IpsecTestNetwork::Parameters(IpsecSaSetParameters::Side side, uint8_t uePrefixLength)
{
    IpsecSaSetParameters p;
    p.side = side;
    p.ueAddress = UE_ADDRESS;
    p.uePrefixLength = uePrefixLength;
    p.pcscfAddress = PCSCF_ADDRESS;
    p.ueSpiC = 0x11111;
    p.ueSpiS = 0x22222;
    p.uePortC = UE_PORT_C;
    p.uePortS = UE_PORT_S;
    p.pcscfSpiC = 0x33333;
    p.pcscfSpiS = 0x44444;
    p.pcscfPortC = PCSCF_PORT_C;
    p.pcscfPortS = PCSCF_PORT_S;
    p.protocol = 17;
    for (uint8_t k = 0; k < 16; ++k)
    {
        p.ik[k] = k;
        p.ck[k] = static_cast<uint8_t>(0xf0 + k);
    }
    return p;
}

std::pair<uint32_t, uint32_t>
IpsecTestNetwork::InstallBoth(uint8_t ueLength, uint8_t pcscfLength)
{
    uint32_t u = ueStack->InstallSaSet(Parameters(IpsecSaSetParameters::Side::UE, ueLength));
    uint32_t p =
        pcscfStack->InstallSaSet(Parameters(IpsecSaSetParameters::Side::PCSCF, pcscfLength));
    return {u, p};
}

void
IpsecTestNetwork::SendAt(Time at,
                         Ptr<IpsecStack> stack,
                         uint32_t size,
                         Ipv6Address source,
                         uint16_t sourcePort,
                         Ipv6Address destination,
                         uint16_t destinationPort)
{
    Simulator::Schedule(at, [=]() {
        stack->Send(Create<Packet>(size), source, sourcePort, destination, destinationPort);
    });
}

void
IpsecTestNetwork::InjectAt(Time at,
                           Ptr<const Packet> esp,
                           Ipv6Address source,
                           Ipv6Address destination)
{
    Ptr<Packet> copy = esp->Copy();
    Ptr<Socket> s = m_injector;
    Simulator::Schedule(at, [=]() {
        s->Bind(Inet6SocketAddress(source, 0));
        s->SendTo(copy, 0, Inet6SocketAddress(destination, 0));
    });
}

void
IpsecTestNetwork::SendClearAt(Time at,
                              Ipv6Address source,
                              uint16_t sourcePort,
                              uint16_t destinationPort)
{
    Ptr<Socket> s = m_clear;
    Simulator::Schedule(at, [=]() {
        Ptr<Socket> one = Socket::CreateSocket(s->GetNode(), UdpSocketFactory::GetTypeId());
        one->Bind(Inet6SocketAddress(source, sourcePort));
        one->SendTo(Create<Packet>(100), 0, Inet6SocketAddress(PCSCF_ADDRESS, destinationPort));
        one->Close();
    });
}

uint32_t
IpsecTestNetwork::Count(const std::vector<DropRecord>& drops, IpsecStack::DropReason reason)
{
    uint32_t n = 0;
    for (const auto& d : drops)
    {
        n += d.reason == reason ? 1 : 0;
    }
    return n;
}

} // namespace tests
} // namespace ns3
