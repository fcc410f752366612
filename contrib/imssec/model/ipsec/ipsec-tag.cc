/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-tag.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(IpsecTag);

IpsecTag::IpsecTag()
    : m_spi(0),
      m_saSetHandle(0),
      m_sequence(0)
{
}

IpsecTag::IpsecTag(uint32_t spi, uint32_t saSetHandle, uint32_t sequence)
    : m_spi(spi),
      m_saSetHandle(saSetHandle),
      m_sequence(sequence)
{
}

TypeId
IpsecTag::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::IpsecTag").SetParent<Tag>().SetGroupName("Imssec").AddConstructor<IpsecTag>();
    return tid;
}

TypeId
IpsecTag::GetInstanceTypeId() const
{
    return GetTypeId();
}

uint32_t
IpsecTag::GetSerializedSize() const
{
    return 12;
}

void
IpsecTag::Serialize(TagBuffer i) const
{
    i.WriteU32(m_spi);
    i.WriteU32(m_saSetHandle);
    i.WriteU32(m_sequence);
}

void
IpsecTag::Deserialize(TagBuffer i)
{
    m_spi = i.ReadU32();
    m_saSetHandle = i.ReadU32();
    m_sequence = i.ReadU32();
}

void
IpsecTag::Print(std::ostream& os) const
{
    os << "spi=0x" << std::hex << m_spi << std::dec << " set=" << m_saSetHandle
       << " seq=" << m_sequence;
}

} // namespace ns3
