/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "pcscf-helper.h"

#include "ns3/ipsec-helper.h"
#include "ns3/ipsec-stack.h"
#include "ns3/log.h"
#include "ns3/node.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecPcscfHelper");

PcscfHelper::PcscfHelper()
{
    m_factory.SetTypeId(Pcscf::GetTypeId());
}

PcscfHelper::PcscfHelper(Ipv6Address scscfAddress)
    : PcscfHelper()
{
    m_factory.Set("ScscfAddress", Ipv6AddressValue(scscfAddress));
}

void
PcscfHelper::SetAttribute(const std::string& name, const AttributeValue& value)
{
    m_factory.Set(name, value);
}

ApplicationContainer
PcscfHelper::Install(Ptr<Node> node) const
{
    return ApplicationContainer(InstallPriv(node));
}

ApplicationContainer
PcscfHelper::Install(NodeContainer nodes) const
{
    ApplicationContainer apps;
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        apps.Add(InstallPriv(*it));
    }
    return apps;
}

Ptr<Application>
PcscfHelper::InstallPriv(Ptr<Node> node) const
{
    NS_LOG_FUNCTION(this << node);
    if (!node->GetObject<IpsecStack>())
    {
        IpsecHelper().Install(node);
    }
    Ptr<Pcscf> app = m_factory.Create<Pcscf>();
    node->AddApplication(app);
    return app;
}

Ptr<Pcscf>
PcscfHelper::GetPcscf(Ptr<Node> node)
{
    for (uint32_t i = 0; i < node->GetNApplications(); ++i)
    {
        Ptr<Pcscf> p = DynamicCast<Pcscf>(node->GetApplication(i));
        if (p)
        {
            return p;
        }
    }
    return nullptr;
}

int64_t
PcscfHelper::AssignStreams(ApplicationContainer apps, int64_t stream)
{
    int64_t used = 0;
    for (auto it = apps.Begin(); it != apps.End(); ++it)
    {
        Ptr<Pcscf> p = DynamicCast<Pcscf>(*it);
        if (p)
        {
            used += p->AssignStreams(stream + used);
        }
    }
    return used;
}

} // namespace ns3
