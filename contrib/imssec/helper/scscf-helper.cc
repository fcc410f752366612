/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "scscf-helper.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/pointer.h"
#include "ns3/string.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecScscfHelper");

ScscfHelper::ScscfHelper()
    : m_domain("ims.example"),
      m_subscribers(0)
{
    m_scscfFactory.SetTypeId(Scscf::GetTypeId());
    m_hssFactory.SetTypeId(Hss::GetTypeId());
}

void
ScscfHelper::SetAttribute(const std::string& name, const AttributeValue& value)
{
    m_scscfFactory.Set(name, value);
}

void
ScscfHelper::SetHssAttribute(const std::string& name, const AttributeValue& value)
{
    NS_ABORT_MSG_IF(m_hss, "ScscfHelper::SetHssAttribute: the HSS exists already");
    m_hssFactory.Set(name, value);
}

void
ScscfHelper::SetHomeDomain(const std::string& domain)
{
    NS_ABORT_MSG_IF(m_hss, "ScscfHelper::SetHomeDomain: the HSS exists already");
    m_domain = domain;
    m_scscfFactory.Set("HomeDomain", StringValue(domain));
}

void
ScscfHelper::SetNumberOfSubscribers(uint32_t n)
{
    NS_ABORT_MSG_IF(m_hss, "ScscfHelper::SetNumberOfSubscribers: the HSS exists already");
    m_subscribers = n;
}

void
ScscfHelper::AddPeer(const std::string& impu, Ipv6Address address, uint16_t port)
{
    m_peers.push_back(Peer{impu, address, port});
}

Ptr<Hss>
ScscfHelper::GetHss()
{
    if (!m_hss)
    {
        m_hss = m_hssFactory.Create<Hss>();
        m_hss->Reserve(m_subscribers);
        for (uint32_t i = 1; i <= m_subscribers; ++i)
        {
            std::string impi = GetImpi(i, m_domain);
            m_hss->AddSimulatedSubscriber(impi);
            m_hss->AddPublicIdentity(impi, GetImpu(i, m_domain));
        }
        NS_LOG_INFO("HSS provisioned with " << m_subscribers << " subscribers");
    }
    return m_hss;
}

ApplicationContainer
ScscfHelper::Install(Ptr<Node> node)
{
    Ptr<Scscf> app = m_scscfFactory.Create<Scscf>();
    app->SetHss(GetHss());
    for (const Peer& p : m_peers)
    {
        app->AddPeer(p.impu, p.address, p.port);
    }
    node->AddApplication(app);
    return ApplicationContainer(app);
}

ApplicationContainer
ScscfHelper::Install(NodeContainer nodes)
{
    ApplicationContainer apps;
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        apps.Add(Install(*it));
    }
    return apps;
}

std::string
ScscfHelper::GetImpi(uint32_t i, const std::string& domain)
{
    return "ue" + std::to_string(i) + "@" + domain;
}

std::string
ScscfHelper::GetImpu(uint32_t i, const std::string& domain)
{
    return "sip:" + GetImpi(i, domain);
}

} // namespace ns3
