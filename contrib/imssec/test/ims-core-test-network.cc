/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ims-core-test-network.h"

#include "ns3/boolean.h"
#include "ns3/config.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv6-static-routing-helper.h"
#include "ns3/ipv6-static-routing.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/simulator.h"
#include "ns3/sip-message-factory.h"
#include "ns3/string.h"

namespace ns3
{
namespace tests
{

const Ipv6Address ImsCoreTestNetwork::PCSCF("3fff:f00:0:1::2");
const Ipv6Address ImsCoreTestNetwork::SCSCF("3fff:f00:0:2::2");
const Ipv6Address ImsCoreTestNetwork::REMOTE("3fff:f00:0:3::2");

ImsCoreTestNetwork::ImsCoreTestNetwork()
{
    Config::SetDefault("ns3::Icmpv6L4Protocol::DAD", BooleanValue(false));
    router = CreateObject<Node>();
    InternetStackHelper internet;
    internet.SetIpv4StackInstall(false);
    internet.Install(router);
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue("10Mbps"));
    p2p.SetChannelAttribute("Delay", StringValue("2ms"));
    Ptr<Ipv6> routerIpv6 = router->GetObject<Ipv6>();
    Ipv6StaticRoutingHelper routing;
    const std::array<Ipv6Address, LINK_COUNT> addresses{PCSCF, SCSCF, REMOTE};
    for (uint8_t k = 0; k < LINK_COUNT; ++k)
    {
        nodes[k] = CreateObject<Node>();
        internet.Install(nodes[k]);
        devices[k] = p2p.Install(nodes[k], router);
        std::string prefix = "3fff:f00:0:" + std::to_string(k + 1) + "::";
        Ipv6Address gateway((prefix + "1").c_str());
        Ptr<Ipv6> ipv6 = nodes[k]->GetObject<Ipv6>();
        uint32_t i = ipv6->AddInterface(devices[k].Get(0));
        ipv6->AddAddress(i, Ipv6InterfaceAddress(addresses[k], Ipv6Prefix(64)));
        ipv6->SetUp(i);
        routing.GetStaticRouting(ipv6)->SetDefaultRoute(gateway, i);
        uint32_t r = routerIpv6->AddInterface(devices[k].Get(1));
        routerIpv6->AddAddress(r, Ipv6InterfaceAddress(gateway, Ipv6Prefix(64)));
        routerIpv6->SetUp(r);
        routerIpv6->SetForwarding(r, true);
        devices[k].Get(0)->TraceConnectWithoutContext(
            "PhyTxBegin",
            MakeCallback(&ImsCoreTestNetwork::Record, this).Bind(k, true));
        devices[k].Get(1)->TraceConnectWithoutContext(
            "PhyTxBegin",
            MakeCallback(&ImsCoreTestNetwork::Record, this).Bind(k, false));
        m_fromNode[k] = CreateObject<ImsTestDropModel>();
        m_toNode[k] = CreateObject<ImsTestDropModel>();
        DynamicCast<PointToPointNetDevice>(devices[k].Get(1))->SetReceiveErrorModel(m_fromNode[k]);
        DynamicCast<PointToPointNetDevice>(devices[k].Get(0))->SetReceiveErrorModel(m_toNode[k]);
    }
}

ImsCoreTestNetwork::~ImsCoreTestNetwork()
{
    Simulator::Destroy();
}

Ptr<Node>
ImsCoreTestNetwork::GetNode(Link link) const
{
    return nodes[link];
}

void
ImsCoreTestNetwork::Drop(Link link, bool fromNode, ImsTestDropModel::Rule rule)
{
    (fromNode ? m_fromNode : m_toNode)[link]->SetRule(rule);
}

void
ImsCoreTestNetwork::Record(uint8_t link, bool fromNode, Ptr<const Packet> packet)
{
    WirePacket w;
    if (DecodeWirePacket(packet, &w))
    {
        w.time = Simulator::Now();
        w.fromUe = fromNode;
        wire[link].push_back(w);
    }
}

std::vector<WirePacket>
ImsCoreTestNetwork::Sip(Link link, bool fromNode) const
{
    std::vector<WirePacket> out;
    for (const WirePacket& w : wire[link])
    {
        if (w.fromUe == fromNode && w.isSip)
        {
            out.push_back(w);
        }
    }
    return out;
}

std::vector<WirePacket>
ImsCoreTestNetwork::Find(Link link, bool fromNode, const std::string& method, uint16_t status) const
{
    std::vector<WirePacket> out;
    for (const WirePacket& w : Sip(link, fromNode))
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

// --- ScriptedPeer ---------------------------------------------------------------------------

ScriptedPeer::ScriptedPeer(Ptr<Node> node, Ipv6Address address)
    : address(address)
{
    transport = CreateObject<SipTransport>();
    manager = CreateObject<SipTransactionManager>();
    transport->Start(node);
    manager->SetTransport(transport);
    manager->SetRequestHandler(MakeCallback(&ScriptedPeer::Receive, this));
}

void
ScriptedPeer::Receive(const SipMessage& request, const SipPacketInfo& info, uint64_t handle)
{
    requests.push_back(request);
    if (onRequest)
    {
        onRequest(request, info, handle);
    }
}

uint64_t
ScriptedPeer::Send(const SipMessage& request, Ipv6Address destination, ResponseHandler onResponse)
{
    SipTransactionManager::ClientCallbacks cb;
    cb.onResponse = SipTransactionManager::ResponseCallback(
        [this, onResponse](const SipMessage& m, const SipPacketInfo&) {
            responses.push_back(m);
            if (onResponse)
            {
                onResponse(m);
            }
        });
    cb.onTimeout = Callback<void>([this]() { timeouts++; });
    return manager->SendRequest(request,
                                SipTarget::Clear(Ipv6Address::GetAny(), 5060, destination, 5060),
                                cb);
}

bool
ScriptedPeer::Answer(uint64_t handle,
                     uint16_t code,
                     const std::string& toTag,
                     std::function<void(SipMessage&)> decorate)
{
    const SipMessage* request = manager->GetRequest(handle);
    if (!request)
    {
        return false;
    }
    SipMessage r = SipMessageFactory::CreateResponse(*request, code, "", toTag);
    if (decorate)
    {
        decorate(r);
    }
    return manager->SendResponse(handle, r);
}

std::string
ScriptedPeer::NewBranch()
{
    return SipMessageFactory::MakeBranch(0x5c000000 + ++m_counter);
}

std::string
ScriptedPeer::Host() const
{
    return "[" + AddressString(address) + "]";
}

} // namespace tests
} // namespace ns3
