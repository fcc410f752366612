/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ims-access-helper.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/error-model.h"
#include "ns3/ggsn-routing-protocol.h"
#include "ns3/icmpv6-l4-protocol.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-prefix-pool.h"
#include "ns3/ipv6-static-routing-helper.h"
#include "ns3/ipv6-static-routing.h"
#include "ns3/log.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/tcp-l4-protocol.h"
#include "ns3/traffic-control-layer.h"
#include "ns3/udp-l4-protocol.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecImsAccessHelper");

ImsAccessHelper::ImsAccessHelper()
    : m_lossRate(0),
      m_tcp(false),
      m_coreBase("3fff:f00::"),
      m_nCoreLinks(0),
      m_hasDefault(false)
{
    m_poolFactory.SetTypeId(Ipv6PrefixPool::GetTypeId());
    m_ggsnFactory.SetTypeId(GgsnApplication::GetTypeId());
    m_routingFactory.SetTypeId(GgsnRoutingProtocol::GetTypeId());
    // Flow control only matters with queue discs, which these links do not have; without it
    // each device saves a NetDeviceQueueInterface.
    m_ueLink.DisableFlowControl();
    m_ueLink.SetDeviceAttribute("DataRate", StringValue("10Mbps"));
    m_ueLink.SetChannelAttribute("Delay", StringValue("10ms"));
    m_coreLink.DisableFlowControl();
    m_coreLink.SetDeviceAttribute("DataRate", StringValue("10Gbps"));
    m_coreLink.SetChannelAttribute("Delay", StringValue("1ms"));
}

void
ImsAccessHelper::SetPoolAttribute(std::string name, const AttributeValue& value)
{
    m_poolFactory.Set(name, value);
}

void
ImsAccessHelper::SetGgsnAttribute(std::string name, const AttributeValue& value)
{
    m_ggsnFactory.Set(name, value);
}

void
ImsAccessHelper::SetGgsnRoutingAttribute(std::string name, const AttributeValue& value)
{
    m_routingFactory.Set(name, value);
}

void
ImsAccessHelper::SetUeDeviceAttribute(std::string name, const AttributeValue& value)
{
    m_ueLink.SetDeviceAttribute(name, value);
}

void
ImsAccessHelper::SetUeChannelAttribute(std::string name, const AttributeValue& value)
{
    m_ueLink.SetChannelAttribute(name, value);
}

void
ImsAccessHelper::SetUeLinkLoss(double rate)
{
    NS_ABORT_MSG_IF(rate < 0 || rate > 1, "UE link loss must be a probability");
    m_lossRate = rate;
}

void
ImsAccessHelper::SetCoreDeviceAttribute(std::string name, const AttributeValue& value)
{
    m_coreLink.SetDeviceAttribute(name, value);
}

void
ImsAccessHelper::SetCoreChannelAttribute(std::string name, const AttributeValue& value)
{
    m_coreLink.SetChannelAttribute(name, value);
}

void
ImsAccessHelper::SetCoreNetworkBase(Ipv6Address base)
{
    m_coreBase = base;
}

TemporaryAddressManagerHelper&
ImsAccessHelper::GetTemporaryAddressHelper()
{
    return m_managerHelper;
}

void
ImsAccessHelper::SetUeTcp(bool tcp)
{
    m_tcp = tcp;
}

void
ImsAccessHelper::InstallIpv6Stack(Ptr<Node> node, Ptr<Ipv6RoutingProtocol> routing, bool tcp)
{
    NS_ABORT_MSG_IF(node->GetObject<Ipv6>(), "node " << node->GetId() << " already has IPv6");
    // The same objects, in the same order, as InternetStackHelper::Install with IPv4 off,
    // minus ListRouting and the PacketSocketFactory.
    node->AggregateObject(CreateObject<Ipv6L3Protocol>());
    node->AggregateObject(CreateObject<Icmpv6L4Protocol>());
    Ptr<Ipv6> ipv6 = node->GetObject<Ipv6>();
    ipv6->SetRoutingProtocol(routing);
    ipv6->RegisterExtensions();
    ipv6->RegisterOptions();
    node->AggregateObject(CreateObject<TrafficControlLayer>());
    node->AggregateObject(CreateObject<UdpL4Protocol>());
    if (tcp)
    {
        node->AggregateObject(CreateObject<TcpL4Protocol>());
    }
}

Ptr<GgsnApplication>
ImsAccessHelper::Install(Ptr<Node> ggsn, NodeContainer ues)
{
    NS_LOG_FUNCTION(this << ggsn << ues.GetN());
    NS_ABORT_MSG_IF(m_ggsnNode && m_ggsnNode != ggsn, "one ImsAccessHelper builds one GGSN");
    if (!m_ggsnNode)
    {
        m_ggsnNode = ggsn;
        if (!ggsn->GetObject<Ipv6>())
        {
            InstallIpv6Stack(ggsn, m_routingFactory.Create<GgsnRoutingProtocol>(), false);
        }
        Ptr<Ipv6L3Protocol> ipv6 = ggsn->GetObject<Ipv6L3Protocol>();
        NS_ABORT_MSG_IF(!DynamicCast<GgsnRoutingProtocol>(ipv6->GetRoutingProtocol()),
                        "the GGSN node's routing protocol is not GgsnRoutingProtocol");
        ipv6->SetAttribute("IpForward", BooleanValue(true));
        // Redirects make no sense on point-to-point links.
        ipv6->SetAttribute("SendIcmpv6Redirect", BooleanValue(false));
        // The GGSN's link-local addresses come from unique MAC addresses: skip their DAD
        // (one NS and two events per UE link).
        ggsn->GetObject<Icmpv6L4Protocol>()->SetAttribute("DAD", BooleanValue(false));
        m_ggsn = m_ggsnFactory.Create<GgsnApplication>();
        m_ggsn->SetAttribute("PrefixPool", PointerValue(m_poolFactory.Create<Ipv6PrefixPool>()));
        ggsn->AddApplication(m_ggsn);
        if (m_lossRate > 0)
        {
            m_lossModel = CreateObject<RateErrorModel>();
            m_lossModel->SetAttribute("ErrorUnit", StringValue("ERROR_UNIT_PACKET"));
            m_lossModel->SetAttribute("ErrorRate", DoubleValue(m_lossRate));
        }
    }
    m_ueLinks.reserve(m_ueLinks.size() + ues.GetN());
    for (auto it = ues.Begin(); it != ues.End(); ++it)
    {
        Ptr<Node> ue = *it;
        NS_ABORT_MSG_IF(m_ueLinks.count(ue->GetId()), "UE " << ue->GetId() << " installed twice");
        InstallIpv6Stack(ue, CreateObject<Ipv6StaticRouting>(), m_tcp);
        NetDeviceContainer devices = m_ueLink.Install(ggsn, ue);
        if (m_lossModel)
        {
            devices.Get(0)->SetAttribute("ReceiveErrorModel", PointerValue(m_lossModel));
            devices.Get(1)->SetAttribute("ReceiveErrorModel", PointerValue(m_lossModel));
        }
        uint32_t link = m_ggsn->AddUeLink(devices.Get(0));
        Ptr<Ipv6L3Protocol> ueIpv6 = ue->GetObject<Ipv6L3Protocol>();
        uint32_t ueIf = ueIpv6->AddInterface(devices.Get(1));
        ueIpv6->SetForwarding(ueIf, false);
        ueIpv6->SetUp(ueIf);
        m_managerHelper.Install(ue, ueIf);
        m_ueLinks[ue->GetId()] = link;
    }
    return m_ggsn;
}

Ipv6Address
ImsAccessHelper::AttachCoreNode(Ptr<Node> core, bool defaultRouteViaGgsn)
{
    NS_LOG_FUNCTION(this << core);
    NS_ABORT_MSG_IF(!m_ggsnNode, "ImsAccessHelper::AttachCoreNode before Install");
    if (!core->GetObject<Ipv6>())
    {
        InternetStackHelper stack;
        stack.SetIpv4StackInstall(false);
        stack.Install(core);
    }
    uint8_t bytes[16];
    m_coreBase.GetBytes(bytes);
    uint32_t k = m_nCoreLinks++;
    bytes[6] = static_cast<uint8_t>(bytes[6] + (k >> 8));
    bytes[7] = static_cast<uint8_t>(bytes[7] + (k & 0xff));
    bytes[15] = 1;
    Ipv6Address ggsnAddress(bytes);
    bytes[15] = 2;
    Ipv6Address coreAddress(bytes);

    NetDeviceContainer devices = m_coreLink.Install(m_ggsnNode, core);
    Ptr<Ipv6L3Protocol> ggsnIpv6 = m_ggsnNode->GetObject<Ipv6L3Protocol>();
    uint32_t ggsnIf = ggsnIpv6->AddInterface(devices.Get(0));
    ggsnIpv6->AddAddress(ggsnIf, Ipv6InterfaceAddress(ggsnAddress, Ipv6Prefix(64)));
    ggsnIpv6->SetForwarding(ggsnIf, true);
    ggsnIpv6->SetUp(ggsnIf);

    Ptr<Ipv6> coreIpv6 = core->GetObject<Ipv6>();
    uint32_t coreIf = coreIpv6->AddInterface(devices.Get(1));
    coreIpv6->AddAddress(coreIf, Ipv6InterfaceAddress(coreAddress, Ipv6Prefix(64)));
    coreIpv6->SetUp(coreIf);

    Ipv6StaticRoutingHelper routingHelper;
    Ptr<Ipv6StaticRouting> coreRouting = routingHelper.GetStaticRouting(coreIpv6);
    NS_ABORT_MSG_IF(!coreRouting, "core node " << core->GetId() << " has no Ipv6StaticRouting");
    Ptr<Ipv6PrefixPool> pool = m_ggsn->GetPrefixPool();
    coreRouting->AddNetworkRouteTo(pool->GetBasePrefix(),
                                   Ipv6Prefix(pool->GetBasePrefixLength()),
                                   ggsnAddress,
                                   coreIf);
    if (defaultRouteViaGgsn)
    {
        coreRouting->SetDefaultRoute(ggsnAddress, coreIf);
    }
    if (!m_hasDefault)
    {
        m_ggsn->GetRoutingProtocol()->SetDefaultRoute(coreAddress, ggsnIf);
        m_hasDefault = true;
    }
    NS_LOG_INFO("core node " << core->GetId() << " at " << coreAddress << ", GGSN " << ggsnAddress);
    return coreAddress;
}

void
ImsAccessHelper::ActivatePdpContext(Ptr<Node> ue, Time at) const
{
    NS_ABORT_MSG_IF(at < Simulator::Now(), "PDP context activation scheduled in the past");
    Simulator::ScheduleWithContext(m_ggsnNode->GetId(),
                                   at - Simulator::Now(),
                                   &GgsnApplication::ActivatePdpContext,
                                   m_ggsn,
                                   GetUeLink(ue));
}

void
ImsAccessHelper::ActivatePdpContexts(NodeContainer ues, Time start, Time spacing) const
{
    Time at = start;
    for (auto it = ues.Begin(); it != ues.End(); ++it)
    {
        ActivatePdpContext(*it, at);
        at += spacing;
    }
}

void
ImsAccessHelper::DeactivatePdpContext(Ptr<Node> ue, Time at) const
{
    NS_ABORT_MSG_IF(at < Simulator::Now(), "PDP context deactivation scheduled in the past");
    Simulator::ScheduleWithContext(m_ggsnNode->GetId(),
                                   at - Simulator::Now(),
                                   &GgsnApplication::DeactivatePdpContext,
                                   m_ggsn,
                                   GetUeLink(ue));
}

Ptr<GgsnApplication>
ImsAccessHelper::GetGgsn() const
{
    return m_ggsn;
}

PointToPointHelper&
ImsAccessHelper::GetUeLinkHelper()
{
    return m_ueLink;
}

uint32_t
ImsAccessHelper::GetUeLink(Ptr<Node> ue) const
{
    auto it = m_ueLinks.find(ue->GetId());
    NS_ABORT_MSG_IF(it == m_ueLinks.end(),
                    "node " << ue->GetId() << " is not a UE of this ImsAccessHelper");
    return it->second;
}

Ptr<TemporaryAddressManager>
ImsAccessHelper::GetTemporaryAddressManager(Ptr<Node> ue)
{
    return ue->GetObject<TemporaryAddressManager>();
}

int64_t
ImsAccessHelper::AssignStreams(NodeContainer ues, int64_t stream)
{
    int64_t current = stream;
    current += TemporaryAddressManagerHelper::AssignStreams(ues, current);
    for (auto it = ues.Begin(); it != ues.End(); ++it)
    {
        Ptr<Icmpv6L4Protocol> icmpv6 = (*it)->GetObject<Icmpv6L4Protocol>();
        if (icmpv6)
        {
            current += icmpv6->AssignStreams(current);
        }
    }
    if (m_lossModel)
    {
        current += m_lossModel->AssignStreams(current);
    }
    return current - stream;
}

} // namespace ns3
