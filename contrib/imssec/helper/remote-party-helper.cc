/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "remote-party-helper.h"

#include "ns3/scscf-helper.h"
#include "ns3/uinteger.h"

namespace ns3
{

RemotePartyHelper::RemotePartyHelper()
{
    m_factory.SetTypeId(RemoteParty::GetTypeId());
}

RemotePartyHelper::RemotePartyHelper(Ipv6Address scscf, uint16_t port)
    : RemotePartyHelper()
{
    m_factory.Set("ScscfAddress", Ipv6AddressValue(scscf));
    m_factory.Set("ScscfPort", UintegerValue(port));
}

void
RemotePartyHelper::SetAttribute(const std::string& name, const AttributeValue& value)
{
    m_factory.Set(name, value);
}

void
RemotePartyHelper::SetTargets(const std::vector<std::string>& targets)
{
    m_targets = targets;
}

void
RemotePartyHelper::SetTargetUes(uint32_t n, const std::string& domain)
{
    m_targets.clear();
    m_targets.reserve(n);
    for (uint32_t i = 1; i <= n; ++i)
    {
        m_targets.push_back(ScscfHelper::GetImpu(i, domain));
    }
}

ApplicationContainer
RemotePartyHelper::Install(Ptr<Node> node) const
{
    Ptr<RemoteParty> app = m_factory.Create<RemoteParty>();
    app->SetTargets(m_targets);
    node->AddApplication(app);
    return ApplicationContainer(app);
}

ApplicationContainer
RemotePartyHelper::Install(NodeContainer nodes) const
{
    ApplicationContainer apps;
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        apps.Add(Install(*it));
    }
    return apps;
}

} // namespace ns3
