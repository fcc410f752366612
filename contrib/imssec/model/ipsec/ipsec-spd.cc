/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-spd.h"

#include "ns3/abort.h"
#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecIpsecSpd");

NS_OBJECT_ENSURE_REGISTERED(IpsecSpd);

TypeId
IpsecSpd::GetTypeId()
{
    static TypeId tid = TypeId("ns3::IpsecSpd")
                            .SetParent<Object>()
                            .SetGroupName("Imssec")
                            .AddConstructor<IpsecSpd>()
                            .AddTraceSource("PolicyCount",
                                            "Number of policies in the SPD.",
                                            MakeTraceSourceAccessor(&IpsecSpd::m_policyCount),
                                            "ns3::TracedValueCallback::Uint32");
    return tid;
}

IpsecSpd::IpsecSpd()
    : m_policyCount(0)
{
    NS_LOG_FUNCTION(this);
}

IpsecSpd::~IpsecSpd()
{
    NS_LOG_FUNCTION(this);
}

void
IpsecSpd::DoDispose()
{
    NS_LOG_FUNCTION(this);
    Clear();
    Object::DoDispose();
}

void
IpsecSpd::Add(Ptr<IpsecPolicy> policy)
{
    NS_LOG_FUNCTION(this << policy->GetSelector() << policy->GetDirection() << policy->GetAction());
    NS_ABORT_MSG_IF(!policy, "IpsecSpd::Add with a null policy");
    if (policy->GetDirection() == IpsecDirection::INBOUND)
    {
        m_inbound.Insert(policy);
    }
    else
    {
        m_outbound.Insert(policy);
    }
    m_policyCount = m_policyCount + 1;
}

bool
IpsecSpd::Remove(Ptr<IpsecPolicy> policy)
{
    NS_LOG_FUNCTION(this << policy);
    if (!policy)
    {
        return false;
    }
    IpsecSelectorIndex& index =
        policy->GetDirection() == IpsecDirection::INBOUND ? m_inbound : m_outbound;
    if (!index.Remove(policy))
    {
        return false;
    }
    m_policyCount = m_policyCount - 1;
    return true;
}

Ptr<IpsecPolicy>
IpsecSpd::Lookup(IpsecDirection direction,
                 const Ipv6Address& source,
                 const Ipv6Address& destination,
                 uint16_t sourcePort,
                 uint16_t destinationPort,
                 uint8_t protocol) const
{
    const IpsecSelectorIndex& index = direction == IpsecDirection::INBOUND ? m_inbound : m_outbound;
    // The index holds only IpsecPolicy objects (Add is the only way in).
    return StaticCast<IpsecPolicy>(
        index.Lookup(source, destination, sourcePort, destinationPort, protocol));
}

uint32_t
IpsecSpd::GetSize() const
{
    return m_policyCount;
}

void
IpsecSpd::Clear()
{
    NS_LOG_FUNCTION(this);
    m_inbound.Clear();
    m_outbound.Clear();
    m_policyCount = 0;
}

} // namespace ns3
