/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipv6-prefix-pool.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecIpv6PrefixPool");

NS_OBJECT_ENSURE_REGISTERED(Ipv6PrefixPool);

TypeId
Ipv6PrefixPool::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::Ipv6PrefixPool")
            .SetParent<Object>()
            .SetGroupName("Imssec")
            .AddConstructor<Ipv6PrefixPool>()
            .AddAttribute("BasePrefix",
                          "Base prefix of the pool (host bits zero); default 3fff:100:: "
                          "(RFC 9637 documentation space).",
                          Ipv6AddressValue("3fff:100::"),
                          MakeIpv6AddressAccessor(&Ipv6PrefixPool::m_base),
                          MakeIpv6AddressChecker())
            .AddAttribute("BasePrefixLength",
                          "Length of the base prefix in bits; default 24.",
                          UintegerValue(24),
                          MakeUintegerAccessor(&Ipv6PrefixPool::m_baseLength),
                          MakeUintegerChecker<uint8_t>(0, 128))
            .AddAttribute("AllocatedPrefixLength",
                          "Length in bits of the prefix given to each PDP context; default 64.",
                          UintegerValue(64),
                          MakeUintegerAccessor(&Ipv6PrefixPool::m_allocatedLength),
                          MakeUintegerChecker<uint8_t>(1, 128))
            .AddAttribute("Quarantine",
                          "Time a released prefix is withheld before it is handed out again "
                          "(s); default 1 h.",
                          TimeValue(Hours(1)),
                          MakeTimeAccessor(&Ipv6PrefixPool::m_quarantine),
                          MakeTimeChecker(Seconds(0)));
    return tid;
}

Ipv6PrefixPool::Ipv6PrefixPool()
    : m_baseLength(24),
      m_allocatedLength(64),
      m_checked(false),
      m_capacity(0),
      m_nextFresh(0),
      m_nExhausted(0),
      m_nBadReleases(0)
{
    NS_LOG_FUNCTION(this);
}

Ipv6PrefixPool::~Ipv6PrefixPool()
{
    NS_LOG_FUNCTION(this);
}

void
Ipv6PrefixPool::Check() const
{
    NS_LOG_FUNCTION(this);
    if (m_checked)
    {
        return;
    }
    NS_ABORT_MSG_IF(m_allocatedLength < m_baseLength,
                    "Ipv6PrefixPool: AllocatedPrefixLength " << unsigned(m_allocatedLength)
                                                             << " is shorter than BasePrefixLength "
                                                             << unsigned(m_baseLength));
    NS_ABORT_MSG_IF(m_base.CombinePrefix(Ipv6Prefix(m_baseLength)) != m_base,
                    "Ipv6PrefixPool: BasePrefix " << m_base << " has bits set beyond /"
                                                  << unsigned(m_baseLength));
    uint32_t bits = m_allocatedLength - m_baseLength;
    m_capacity = bits >= 63 ? (uint64_t(1) << 63) : (uint64_t(1) << bits);
    m_checked = true;
}

Ipv6Address
Ipv6PrefixPool::GetPrefixByIndex(uint64_t index) const
{
    NS_LOG_FUNCTION(this << index);
    uint8_t bytes[16];
    m_base.GetBytes(bytes);
    // Add index << (128 - allocatedLength) to the base, byte by byte from the right.
    uint32_t shift = 128 - m_allocatedLength;
    uint32_t byte = 15 - shift / 8;
    uint32_t bitShift = shift % 8;
    unsigned __int128 value = static_cast<unsigned __int128>(index) << bitShift;
    int b = static_cast<int>(byte);
    unsigned carry = 0;
    while ((value != 0 || carry != 0) && b >= 0)
    {
        unsigned sum = bytes[b] + static_cast<unsigned>(value & 0xff) + carry;
        bytes[b] = static_cast<uint8_t>(sum & 0xff);
        carry = sum >> 8;
        value >>= 8;
        --b;
    }
    return Ipv6Address(bytes);
}

bool
Ipv6PrefixPool::Allocate(Ipv6Address& prefix)
{
    NS_LOG_FUNCTION(this);
    Check();
    if (!m_released.empty() && m_released.front().reusableAt <= Simulator::Now())
    {
        prefix = m_released.front().prefix;
        m_released.pop_front();
    }
    else if (m_nextFresh < m_capacity)
    {
        prefix = GetPrefixByIndex(m_nextFresh++);
    }
    else
    {
        ++m_nExhausted;
        NS_LOG_WARN("prefix pool " << m_base << "/" << unsigned(m_baseLength)
                                   << " exhausted: " << m_allocated.size() << " allocated, "
                                   << m_released.size() << " quarantined");
        return false;
    }
    m_allocated.insert(prefix);
    NS_LOG_INFO("allocated " << prefix << "/" << unsigned(m_allocatedLength));
    return true;
}

bool
Ipv6PrefixPool::Release(Ipv6Address prefix)
{
    NS_LOG_FUNCTION(this << prefix);
    Check();
    if (m_allocated.erase(prefix) == 0)
    {
        ++m_nBadReleases;
        NS_LOG_WARN("release of " << prefix << ", which is not allocated: ignored");
        return false;
    }
    // The FIFO stays sorted by reusableAt because the quarantine is the same for all.
    m_released.push_back({prefix, Simulator::Now() + m_quarantine});
    NS_LOG_INFO("released " << prefix << ", reusable at " << m_released.back().reusableAt);
    return true;
}

bool
Ipv6PrefixPool::IsAllocated(Ipv6Address prefix) const
{
    return m_allocated.count(prefix) != 0;
}

bool
Ipv6PrefixPool::Contains(Ipv6Address address) const
{
    return address.CombinePrefix(Ipv6Prefix(m_baseLength)) == m_base;
}

Ipv6Address
Ipv6PrefixPool::GetBasePrefix() const
{
    return m_base;
}

uint8_t
Ipv6PrefixPool::GetBasePrefixLength() const
{
    return m_baseLength;
}

uint8_t
Ipv6PrefixPool::GetAllocatedPrefixLength() const
{
    return m_allocatedLength;
}

uint64_t
Ipv6PrefixPool::GetCapacity() const
{
    Check();
    return m_capacity;
}

uint64_t
Ipv6PrefixPool::GetNAllocated() const
{
    return m_allocated.size();
}

uint64_t
Ipv6PrefixPool::GetNReleased() const
{
    return m_released.size();
}

uint64_t
Ipv6PrefixPool::GetNExhausted() const
{
    return m_nExhausted;
}

uint64_t
Ipv6PrefixPool::GetNBadReleases() const
{
    return m_nBadReleases;
}

} // namespace ns3
