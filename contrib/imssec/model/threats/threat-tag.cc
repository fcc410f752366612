/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "threat-tag.h"

#include <ostream>

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(ThreatTag);

TypeId
ThreatTag::GetTypeId()
{
    static TypeId tid = TypeId("ns3::ThreatTag")
                            .SetParent<Tag>()
                            .SetGroupName("Imssec")
                            .AddConstructor<ThreatTag>();
    return tid;
}

TypeId
ThreatTag::GetInstanceTypeId() const
{
    return GetTypeId();
}

ThreatTag::ThreatTag()
    : m_attack(0)
{
}

ThreatTag::ThreatTag(uint8_t attack)
    : m_attack(attack)
{
}

uint8_t
ThreatTag::GetAttack() const
{
    return m_attack;
}

uint32_t
ThreatTag::GetSerializedSize() const
{
    return 1;
}

void
ThreatTag::Serialize(TagBuffer i) const
{
    i.WriteU8(m_attack);
}

void
ThreatTag::Deserialize(TagBuffer i)
{
    m_attack = i.ReadU8();
}

void
ThreatTag::Print(std::ostream& os) const
{
    os << "attack=" << +m_attack;
}

} // namespace ns3
