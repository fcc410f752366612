/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "esp-trailer.h"

#include <iomanip>

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(EspTrailer);

EspTrailer::EspTrailer(uint32_t icvLength)
    : m_icv(icvLength, 0),
      m_padLength(0),
      m_nextHeader(0),
      m_paddingValid(true)
{
}

TypeId
EspTrailer::GetTypeId()
{
    static TypeId tid = TypeId("ns3::EspTrailer")
                            .SetParent<Trailer>()
                            .SetGroupName("Imssec")
                            .AddConstructor<EspTrailer>();
    return tid;
}

TypeId
EspTrailer::GetInstanceTypeId() const
{
    return GetTypeId();
}

void
EspTrailer::Print(std::ostream& os) const
{
    std::ios_base::fmtflags flags = os.flags();
    os << "ESP trailer pad=" << +m_padLength << " next=" << +m_nextHeader << " icv=";
    for (uint8_t b : m_icv)
    {
        os << std::hex << std::setw(2) << std::setfill('0') << +b;
    }
    os.flags(flags);
}

uint32_t
EspTrailer::GetSerializedSize() const
{
    return m_padLength + 2 + static_cast<uint32_t>(m_icv.size());
}

void
EspTrailer::Serialize(Buffer::Iterator end) const
{
    // Packet::AddTrailer hands the iterator at the end of the buffer.
    Buffer::Iterator start = end;
    start.Prev(GetSerializedSize());
    for (uint32_t k = 1; k <= m_padLength; ++k)
    {
        start.WriteU8(static_cast<uint8_t>(k));
    }
    start.WriteU8(m_padLength);
    start.WriteU8(m_nextHeader);
    for (uint8_t b : m_icv)
    {
        start.WriteU8(b);
    }
}

uint32_t
EspTrailer::Deserialize(Buffer::Iterator end)
{
    uint32_t icvLength = static_cast<uint32_t>(m_icv.size());
    Buffer::Iterator i = end;
    i.Prev(icvLength + 2);
    m_padLength = i.ReadU8();
    m_nextHeader = i.ReadU8();
    for (uint32_t k = 0; k < icvLength; ++k)
    {
        m_icv[k] = i.ReadU8();
    }
    Buffer::Iterator pad = end;
    pad.Prev(icvLength + 2 + m_padLength);
    m_paddingValid = true;
    for (uint32_t k = 1; k <= m_padLength; ++k)
    {
        if (pad.ReadU8() != k)
        {
            m_paddingValid = false;
        }
    }
    return GetSerializedSize();
}

uint8_t
EspTrailer::ComputePadLength(uint32_t payloadLength)
{
    return static_cast<uint8_t>((4 - (payloadLength + 2) % 4) % 4);
}

void
EspTrailer::SetIcv(const std::vector<uint8_t>& icv)
{
    m_icv = icv;
}

} // namespace ns3
