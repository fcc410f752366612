/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// A protected exchange between a UE and a P-CSCF over the modeled IPsec layer, with pcap
// files of both links (real ESP: open them in Wireshark, or
//   tshark -r ipsec-esp-exchange-ue-link.pcap -Y esp -T fields -e esp.spi -e esp.sequence
// and with -o esp.enable_null_encryption_decode_heuristic:TRUE to see the UDP inside).
//
//   UE 2001:1:0:100::10 --- router --- P-CSCF 2001:f::1
//
// The four SAs of TS 33.203 are installed on both sides with the UE side bound to
// --prefixLength (64 by default, 128 for today's behaviour).  The UE sends a request from
// its registered address, the P-CSCF answers; the UE then moves to a new temporary address
// inside its /64 and sends again: with a /64 binding the same SAs carry it, with /128 the
// UE's layer refuses it (no outbound SA).  Counters are printed at the end.
#include "ns3/core-module.h"
#include "ns3/imssec-module.h"
#include "ns3/internet-module.h"
#include "ns3/point-to-point-module.h"

#include <iostream>
#include <string>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("ImssecIpsecEspExchange");

namespace
{

const Ipv6Address UE("2001:1:0:100::10");       //!< UE address at registration
const Ipv6Address UE_NEW("2001:1:0:100::beef"); //!< its next temporary address
const Ipv6Address PCSCF("2001:f::1");           //!< P-CSCF

/**
 * \param text a SIP message
 * \returns a packet holding its bytes
 */
Ptr<Packet>
Sip(const std::string& text)
{
    return Create<Packet>(reinterpret_cast<const uint8_t*>(text.data()), text.size());
}

/**
 * \param node a node
 * \param device its device
 * \param address global address
 * \returns interface index
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

/**
 * \param name who
 * \param socket a socket with data
 */
void
Receive(std::string name, Ptr<Socket> socket)
{
    Address from;
    while (Ptr<Packet> p = socket->RecvFrom(from))
    {
        IpsecTag tag;
        bool protectedPacket = p->PeekPacketTag(tag);
        std::cout << Simulator::Now().As(Time::S) << " " << name << " got " << p->GetSize()
                  << " bytes from " << Inet6SocketAddress::ConvertFrom(from).GetIpv6()
                  << (protectedPacket ? " through SPI " : " in clear")
                  << (protectedPacket ? std::to_string(tag.GetSpi()) : "") << std::endl;
    }
}

} // namespace

int
main(int argc, char* argv[])
{
    uint32_t prefixLength = 64;
    std::string pcapPrefix = "ipsec-esp-exchange";
    std::string alg = "hmac-sha-1-96";
    CommandLine cmd(__FILE__);
    cmd.AddValue("prefixLength",
                 "selector prefix length of the UE side (128 or e.g. 64)",
                 prefixLength);
    cmd.AddValue("pcapPrefix", "prefix of the pcap files (empty: none)", pcapPrefix);
    cmd.AddValue("alg", "integrity algorithm (hmac-sha-1-96 or hmac-md5-96)", alg);
    cmd.Parse(argc, argv);

    Config::SetDefault("ns3::Icmpv6L4Protocol::DAD", BooleanValue(false));
    Ptr<Node> ue = CreateObject<Node>();
    Ptr<Node> router = CreateObject<Node>();
    Ptr<Node> pcscf = CreateObject<Node>();
    InternetStackHelper internet;
    internet.SetIpv4StackInstall(false);
    internet.Install(NodeContainer(ue, router, pcscf));
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue("10Mbps"));
    p2p.SetChannelAttribute("Delay", StringValue("5ms"));
    NetDeviceContainer ueLink = p2p.Install(ue, router);
    NetDeviceContainer pcscfLink = p2p.Install(router, pcscf);
    if (!pcapPrefix.empty())
    {
        p2p.EnablePcap(pcapPrefix + "-ue-link.pcap", ueLink.Get(0), false, true);
        p2p.EnablePcap(pcapPrefix + "-pcscf-link.pcap", pcscfLink.Get(1), false, true);
    }
    uint32_t ueIf = AddInterface(ue, ueLink.Get(0), UE);
    uint32_t rUe = AddInterface(router, ueLink.Get(1), Ipv6Address("2001:1:0:100::1"));
    uint32_t rPcscf = AddInterface(router, pcscfLink.Get(0), Ipv6Address("2001:f::2"));
    uint32_t pcscfIf = AddInterface(pcscf, pcscfLink.Get(1), PCSCF);
    ue->GetObject<Ipv6>()->AddAddress(ueIf, Ipv6InterfaceAddress(UE_NEW, Ipv6Prefix(64)));
    router->GetObject<Ipv6>()->SetForwarding(rUe, true);
    router->GetObject<Ipv6>()->SetForwarding(rPcscf, true);
    Ipv6StaticRoutingHelper routing;
    routing.GetStaticRouting(ue->GetObject<Ipv6>())
        ->SetDefaultRoute(Ipv6Address("2001:1:0:100::1"), ueIf);
    routing.GetStaticRouting(pcscf->GetObject<Ipv6>())
        ->SetDefaultRoute(Ipv6Address("2001:f::2"), pcscfIf);

    IpsecHelper ipsec;
    Ptr<IpsecStack> ueIpsec = ipsec.Install(ue);
    Ptr<IpsecStack> pcscfIpsec = ipsec.Install(pcscf);

    // What sec-agree negotiated (the SIP layer would fill this in) and the AKA keys.
    IpsecSaSetParameters p;
    p.ueAddress = UE;
    p.uePrefixLength = static_cast<uint8_t>(prefixLength);
    p.pcscfAddress = PCSCF;
    p.ueSpiC = 11111111;
    p.ueSpiS = 22222222;
    p.uePortC = 31000;
    p.uePortS = 31001;
    p.pcscfSpiC = 33333333;
    p.pcscfSpiS = 44444444;
    p.pcscfPortC = 5062;
    p.pcscfPortS = 5064;
    NS_ABORT_MSG_IF(!IpsecIntegrity::Parse(alg, p.alg), "unknown alg " << alg);
    for (uint8_t k = 0; k < 16; ++k)
    {
        p.ik[k] = static_cast<uint8_t>(0x10 * k + 1);
        p.ck[k] = static_cast<uint8_t>(0xff - k);
    }
    p.lifetime = Seconds(3600);
    p.side = IpsecSaSetParameters::Side::UE;
    NS_ABORT_MSG_IF(ueIpsec->InstallSaSet(p) == 0, "UE SA set refused");
    p.side = IpsecSaSetParameters::Side::PCSCF;
    NS_ABORT_MSG_IF(pcscfIpsec->InstallSaSet(p) == 0, "P-CSCF SA set refused");

    for (auto [node, port, name] :
         {std::make_tuple(ue, 31000, "UE"), std::make_tuple(pcscf, 5064, "P-CSCF")})
    {
        Ptr<Socket> s = Socket::CreateSocket(node, UdpSocketFactory::GetTypeId());
        s->Bind(Inet6SocketAddress(Ipv6Address::GetAny(), port));
        s->SetRecvCallback(MakeBoundCallback(&Receive, std::string(name)));
    }

    std::string reg = "REGISTER sip:ims.example.net SIP/2.0\r\n"
                      "Via: SIP/2.0/UDP [2001:1:0:100::10]:31000;branch=z9hG4bK1\r\n"
                      "Max-Forwards: 70\r\nCSeq: 2 REGISTER\r\nContent-Length: 0\r\n\r\n";
    std::string ok = "SIP/2.0 200 OK\r\nCSeq: 2 REGISTER\r\nContent-Length: 0\r\n\r\n";
    Simulator::Schedule(Seconds(1), [&]() { ueIpsec->Send(Sip(reg), UE, 31000, PCSCF, 5064); });
    Simulator::Schedule(Seconds(1.5), [&]() { pcscfIpsec->Send(Sip(ok), PCSCF, 5064, UE, 31000); });
    // The UE rotates to a new temporary address in its /64 and carries on.
    Simulator::Schedule(Seconds(2), [&]() {
        bool sent = ueIpsec->Send(Sip(reg), UE_NEW, 31000, PCSCF, 5064);
        std::cout << "2 s UE sends from new address " << UE_NEW << ": "
                  << (sent ? "protected by the existing SAs" : "refused, no SA covers it")
                  << std::endl;
    });
    Simulator::Schedule(Seconds(2.5),
                        [&]() { pcscfIpsec->Send(Sip(ok), PCSCF, 5064, UE_NEW, 31000); });
    Simulator::Stop(Seconds(5));
    Simulator::Run();

    for (auto [stack, name] : {std::make_pair(ueIpsec, "UE"), std::make_pair(pcscfIpsec, "P-CSCF")})
    {
        std::cout << name << ": protected " << stack->GetProtectedCount() << ", accepted "
                  << stack->GetAcceptedCount() << ", SAs " << stack->GetSad()->GetSize()
                  << ", drops";
        for (uint8_t r = 0; r < IpsecStack::DROP_REASON_COUNT; ++r)
        {
            auto reason = static_cast<IpsecStack::DropReason>(r);
            if (stack->GetDropCount(reason) > 0)
            {
                std::cout << " " << reason << "=" << stack->GetDropCount(reason);
            }
        }
        std::cout << std::endl;
    }
    Simulator::Destroy();
    return 0;
}
