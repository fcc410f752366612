/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ims-ue-helper.h"

#include "ns3/abort.h"
#include "ns3/hss.h"
#include "ns3/ipsec-helper.h"
#include "ns3/ipsec-stack.h"
#include "ns3/log.h"
#include "ns3/scscf-helper.h"
#include "ns3/string.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecUeHelper");

ImsUeHelper::ImsUeHelper(Ipv6Address pcscf)
    : m_domain("ims.example"),
      m_provision(true),
      m_nextIndex(1)
{
    m_factory.SetTypeId(ImsUeClient::GetTypeId());
    m_factory.Set("PcscfAddress", Ipv6AddressValue(pcscf));
}

void
ImsUeHelper::SetAttribute(std::string name, const AttributeValue& value)
{
    m_factory.Set(name, value);
}

void
ImsUeHelper::SetPcscf(Ipv6Address pcscf)
{
    m_factory.Set("PcscfAddress", Ipv6AddressValue(pcscf));
}

void
ImsUeHelper::SetHomeDomain(const std::string& domain)
{
    m_domain = domain;
    m_factory.Set("HomeDomain", StringValue(domain));
}

void
ImsUeHelper::SetHss(Ptr<Hss> hss, bool provision)
{
    m_hss = hss;
    m_provision = provision;
}

void
ImsUeHelper::SetFirstIndex(uint32_t index)
{
    m_nextIndex = index;
}

Ptr<ImsUeClient>
ImsUeHelper::Install(Ptr<Node> node)
{
    NS_LOG_FUNCTION(this << node);
    NS_ABORT_MSG_IF(!m_hss, "ImsUeHelper: SetHss before Install (the UEs' K and OPc)");
    uint32_t index = m_nextIndex++;
    std::string impi = ScscfHelper::GetImpi(index, m_domain);
    std::string impu = ScscfHelper::GetImpu(index, m_domain);
    if (m_provision && !m_hss->HasSubscriber(impi))
    {
        m_hss->AddSimulatedSubscriber(impi);
        m_hss->AddPublicIdentity(impi, impu);
    }
    if (!node->GetObject<IpsecStack>())
    {
        IpsecHelper().Install(node);
    }
    Ptr<ImsUeClient> client = m_factory.Create<ImsUeClient>();
    client->SetAttribute("Impi", StringValue(impi));
    client->SetAttribute("Impu", StringValue(impu));
    client->SetAkaCredentials(m_hss->GetSimulatedCredentials(impi));
    node->AddApplication(client);
    return client;
}

ApplicationContainer
ImsUeHelper::Install(NodeContainer nodes)
{
    ApplicationContainer apps;
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        apps.Add(Install(*it));
    }
    return apps;
}

int64_t
ImsUeHelper::AssignStreams(NodeContainer nodes, int64_t stream)
{
    return AssignEach(nodes, stream, &ImsUeClient::AssignStreams);
}

int64_t
ImsUeHelper::AssignSecurityStreams(NodeContainer nodes, int64_t stream)
{
    return AssignEach(nodes, stream, &ImsUeClient::AssignSecurityStreams);
}

int64_t
ImsUeHelper::AssignEach(NodeContainer nodes,
                        int64_t stream,
                        int64_t (ImsUeClient::*assign)(int64_t))
{
    int64_t current = stream;
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        Ptr<ImsUeClient> client = GetClient(*it);
        if (client)
        {
            current += (PeekPointer(client)->*assign)(current);
        }
    }
    return current - stream;
}

Ptr<ImsUeClient>
ImsUeHelper::GetClient(Ptr<Node> node)
{
    for (uint32_t i = 0; i < node->GetNApplications(); ++i)
    {
        Ptr<ImsUeClient> client = DynamicCast<ImsUeClient>(node->GetApplication(i));
        if (client)
        {
            return client;
        }
    }
    return nullptr;
}

} // namespace ns3
