/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-helper.h"

#include "ns3/ipsec-sad.h"
#include "ns3/ipsec-spd.h"
#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecIpsecHelper");

IpsecHelper::IpsecHelper()
{
    m_stackFactory.SetTypeId(IpsecStack::GetTypeId());
    m_sadFactory.SetTypeId(IpsecSad::GetTypeId());
}

void
IpsecHelper::SetStackAttribute(const std::string& name, const AttributeValue& value)
{
    m_stackFactory.Set(name, value);
}

void
IpsecHelper::SetSadAttribute(const std::string& name, const AttributeValue& value)
{
    m_sadFactory.Set(name, value);
}

Ptr<IpsecStack>
IpsecHelper::Install(Ptr<Node> node) const
{
    NS_LOG_FUNCTION(this << node);
    if (!node->GetObject<IpsecSad>())
    {
        node->AggregateObject(m_sadFactory.Create<IpsecSad>());
    }
    if (!node->GetObject<IpsecSpd>())
    {
        node->AggregateObject(CreateObject<IpsecSpd>());
    }
    Ptr<IpsecStack> stack = m_stackFactory.Create<IpsecStack>();
    stack->Install(node);
    return stack;
}

void
IpsecHelper::Install(NodeContainer nodes) const
{
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        Install(*it);
    }
}

Ptr<IpsecStack>
IpsecHelper::GetStack(Ptr<Node> node)
{
    return node->GetObject<IpsecStack>();
}

} // namespace ns3
