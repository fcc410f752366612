/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ims-test-network.h"

#include "ns3/ipsec-helper.h"
#include "ns3/ipv6-static-routing-helper.h"
#include "ns3/ipv6-static-routing.h"
#include "ns3/ipv6.h"
#include "ns3/sip-message-factory.h"

namespace ns3
{
namespace tests
{

const Ipv6Address ImsTestLine::UE_ADDRESS("2001:1:0:100::10");
const Ipv6Address ImsTestLine::UE_ADDRESS_2("2001:1:0:100::20");
const Ipv6Address ImsTestLine::SERVER_ADDRESS("2001:f::1");

// --- ImsTestLine ----------------------------------------------------------------------------

ImsTestLine::ImsTestLine()
{
    DisableDad();
    NodeContainer nodes = CreateIpv6Nodes(3);
    ue = nodes.Get(0);
    router = nodes.Get(1);
    server = nodes.Get(2);
    ueLink = Connect(ue, router, MilliSeconds(2));
    serverLink = Connect(router, server, MilliSeconds(2));

    m_ueInterface = AddInterface(ue, ueLink.Get(0), UE_ADDRESS);
    Ptr<Ipv6> ueIpv6 = ue->GetObject<Ipv6>();
    ueIpv6->AddAddress(m_ueInterface, Ipv6InterfaceAddress(UE_ADDRESS_2, Ipv6Prefix(64)));
    m_routerUeInterface = AddInterface(router, ueLink.Get(1), Ipv6Address("2001:1:0:100::1"));
    uint32_t rServer = AddInterface(router, serverLink.Get(0), Ipv6Address("2001:f::2"));
    uint32_t serverIf = AddInterface(server, serverLink.Get(1), SERVER_ADDRESS);
    Ptr<Ipv6> routerIpv6 = router->GetObject<Ipv6>();
    routerIpv6->SetForwarding(m_routerUeInterface, true);
    routerIpv6->SetForwarding(rServer, true);
    Ipv6StaticRoutingHelper routing;
    routing.GetStaticRouting(ueIpv6)->SetDefaultRoute(Ipv6Address("2001:1:0:100::1"),
                                                      m_ueInterface);
    routing.GetStaticRouting(server->GetObject<Ipv6>())
        ->SetDefaultRoute(Ipv6Address("2001:f::2"), serverIf);
}

// --- ImsTestNetwork ---------------------------------------------------------------------

ImsTestNetwork::ImsTestNetwork()
{
    Tap(ueLink.Get(0), &wire, true);
    Tap(ueLink.Get(1), &wire, false);
    m_fromUe = DropOnReceive(ueLink.Get(1), nullptr);
    m_toUe = DropOnReceive(ueLink.Get(0), nullptr);
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
