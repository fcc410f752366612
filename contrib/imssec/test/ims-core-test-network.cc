/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ims-core-test-network.h"

#include "ns3/ipv6-static-routing-helper.h"
#include "ns3/ipv6-static-routing.h"
#include "ns3/ipv6.h"
#include "ns3/simulator.h"
#include "ns3/sip-message-factory.h"

namespace ns3
{
namespace tests
{

const Ipv6Address ImsCoreTestNetwork::PCSCF("3fff:f00:0:1::2");
const Ipv6Address ImsCoreTestNetwork::SCSCF("3fff:f00:0:2::2");
const Ipv6Address ImsCoreTestNetwork::REMOTE("3fff:f00:0:3::2");

ImsCoreTestNetwork::ImsCoreTestNetwork()
{
    DisableDad();
    router = CreateIpv6Nodes(1).Get(0);
    Ptr<Ipv6> routerIpv6 = router->GetObject<Ipv6>();
    Ipv6StaticRoutingHelper routing;
    const std::array<Ipv6Address, LINK_COUNT> addresses{PCSCF, SCSCF, REMOTE};
    for (uint8_t k = 0; k < LINK_COUNT; ++k)
    {
        nodes[k] = CreateIpv6Nodes(1).Get(0);
        devices[k] = Connect(nodes[k], router, MilliSeconds(2));
        std::string prefix = "3fff:f00:0:" + std::to_string(k + 1) + "::";
        Ipv6Address gateway((prefix + "1").c_str());
        uint32_t i = AddInterface(nodes[k], devices[k].Get(0), addresses[k]);
        routing.GetStaticRouting(nodes[k]->GetObject<Ipv6>())->SetDefaultRoute(gateway, i);
        uint32_t r = AddInterface(router, devices[k].Get(1), gateway);
        routerIpv6->SetForwarding(r, true);
        Tap(devices[k].Get(0), &wire[k].wire, true);
        Tap(devices[k].Get(1), &wire[k].wire, false);
        m_fromNode[k] = DropOnReceive(devices[k].Get(1), nullptr);
        m_toNode[k] = DropOnReceive(devices[k].Get(0), nullptr);
    }
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

std::vector<WirePacket>
ImsCoreTestNetwork::Sip(Link link, bool fromNode) const
{
    return wire[link].Sip(fromNode);
}

std::vector<WirePacket>
ImsCoreTestNetwork::Find(Link link, bool fromNode, const std::string& method, uint16_t status) const
{
    return wire[link].Find(fromNode, method, status);
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
