/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPV6_PREFIX_POOL_H
#define IPV6_PREFIX_POOL_H

#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/object.h"

#include <cstdint>
#include <deque>
#include <unordered_set>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief The GGSN's pool of IPv6 prefixes: one prefix of AllocatedPrefixLength bits per PDP
 * context, carved out of BasePrefix/BasePrefixLength.
 *
 * Fresh prefixes are handed out in increasing order.  A released prefix is quarantined for
 * Quarantine (so that late traffic for the old UE never reaches a new one) and then reused,
 * oldest release first, before any fresh prefix.  Allocation fails (and is counted) when no
 * fresh prefix is left and every released one is still quarantined.  Every operation is O(1)
 * (amortized), so a pool serves any number of UEs in linear total time.
 *
 * The default pool is 3fff:100::/24 out of the RFC 9637 documentation prefix 3fff::/20 (not
 * 2001:db8::/32: ns-3.37's Ipv6L3Protocol::IpForward drops packets to 2001:db8::/32, so a
 * router would not forward them).
 */
class Ipv6PrefixPool : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    Ipv6PrefixPool();
    ~Ipv6PrefixPool() override;

    /**
     * \brief Allocates a prefix.
     * \param prefix receives the allocated prefix (host bits zero) on success
     * \returns true on success, false when the pool is exhausted (counted)
     */
    bool Allocate(Ipv6Address& prefix);

    /**
     * \brief Returns a prefix to the pool; it is quarantined before any reuse.
     * \param prefix a prefix returned by Allocate
     * \returns false (and counts it) when the prefix is not currently allocated
     */
    bool Release(Ipv6Address prefix);

    /**
     * \param prefix a prefix
     * \returns true when the prefix is currently allocated
     */
    bool IsAllocated(Ipv6Address prefix) const;

    /**
     * \param address any IPv6 address
     * \returns true when the address lies inside the pool (BasePrefix/BasePrefixLength)
     */
    bool Contains(Ipv6Address address) const;

    /**
     * \returns the pool's base prefix
     */
    Ipv6Address GetBasePrefix() const;

    /**
     * \returns the pool's base prefix length
     */
    uint8_t GetBasePrefixLength() const;

    /**
     * \returns the length of every allocated prefix
     */
    uint8_t GetAllocatedPrefixLength() const;

    /**
     * \returns the number of distinct prefixes the pool can hold (capped at 2^63)
     */
    uint64_t GetCapacity() const;

    /**
     * \returns the number of prefixes currently allocated
     */
    uint64_t GetNAllocated() const;

    /**
     * \returns the number of released prefixes still waiting (quarantined or reusable)
     */
    uint64_t GetNReleased() const;

    /**
     * \returns the number of allocations refused because the pool was exhausted
     */
    uint64_t GetNExhausted() const;

    /**
     * \returns the number of Release calls for prefixes that were not allocated
     */
    uint64_t GetNBadReleases() const;

    /**
     * \param index a prefix number, 0 .. GetCapacity() - 1
     * \returns the index-th prefix of the pool
     */
    Ipv6Address GetPrefixByIndex(uint64_t index) const;

  private:
    /// Checks the attributes once, on first use (attributes are set after construction).
    void Check() const;

    /// A released prefix and the time its quarantine ends.
    struct Released
    {
        Ipv6Address prefix; //!< the released prefix
        Time reusableAt;    //!< end of its quarantine
    };

    // Parameters
    Ipv6Address m_base;        //!< base prefix
    uint8_t m_baseLength;      //!< base prefix length
    uint8_t m_allocatedLength; //!< length of each allocated prefix
    Time m_quarantine;         //!< time a released prefix stays unused

    // State
    mutable bool m_checked;                                       //!< attributes checked
    mutable uint64_t m_capacity;                                  //!< number of prefixes
    uint64_t m_nextFresh;                                         //!< next never-used prefix index
    std::deque<Released> m_released;                              //!< FIFO of released prefixes
    std::unordered_set<Ipv6Address, Ipv6AddressHash> m_allocated; //!< allocated prefixes

    // Statistics
    uint64_t m_nExhausted;   //!< refused allocations
    uint64_t m_nBadReleases; //!< releases of unknown prefixes
};

} // namespace ns3

#endif /* IPV6_PREFIX_POOL_H */
