/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_SAD_H
#define IPSEC_SAD_H

#include "ipsec-sa.h"
#include "ipsec-selector-index.h"

#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"
#include "ns3/traced-value.h"

#include <unordered_map>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief Security Association Database of a node (aggregated to the node by IpsecHelper).
 *
 * The inbound and outbound halves are separate indexes, as in an IPsec implementation:
 * - inbound SAs are found by (SPI, destination): a hash on the SPI, then the SA whose
 *   destination selector covers the packet's destination (its prefix, when the SA is bound
 *   to one);
 * - outbound SAs are found by their selectors (IpsecSelectorIndex), where the source and
 *   destination may be prefixes: an SA bound to a UE's /64 is found for any address in it.
 * Neither lookup grows with the number of SAs.
 *
 * Lifetimes: each SA added with a non-zero lifetime expires by itself (an ns-3 event).  An
 * expired SA stays in the database for ExpiredHoldTime so that packets still arriving on it
 * are counted as "expired SA" rather than "unknown SPI"; lookups prefer live SAs.
 */
class IpsecSad : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \returns the object TypeId
     */
    static TypeId GetTypeId();

    IpsecSad();
    ~IpsecSad() override;

    /**
     * TracedCallback signature for SA events.
     * \param sa the SA
     */
    typedef void (*SaTracedCallback)(Ptr<const IpsecSa> sa);

    /**
     * TracedCallback signature for an SA leaving the database.
     * \param sa the SA
     * \param expired true when it left after expiring, false when deleted
     */
    typedef void (*SaRemovedTracedCallback)(Ptr<const IpsecSa> sa, bool expired);

    /**
     * \brief Adds an SA, makes it MATURE and schedules its expiry.
     *
     * Refused (false, nothing changed) when the SA is not LARVAL, its SPI is below 256
     * (RFC 4303 reserves 0..255), or an inbound SA with the same SPI already covers an
     * overlapping destination (an expired one is removed to make room).
     * \param sa the SA
     * \returns true when added
     */
    bool Add(Ptr<IpsecSa> sa);

    /**
     * \brief Deletes an SA now (no hold time).
     * \param sa an SA in this database (MATURE or EXPIRED)
     * \returns true when it was found and removed
     */
    bool Remove(Ptr<IpsecSa> sa);

    /**
     * \param spi SPI of a received ESP packet
     * \param destination its destination address
     * \returns the SA (a MATURE one in preference to an EXPIRED one), or nullptr
     */
    Ptr<IpsecSa> LookupInbound(uint32_t spi, const Ipv6Address& destination) const;

    /**
     * \param spi an SPI
     * \returns true when an inbound SA (for any destination) has it
     */
    bool HasInboundSpi(uint32_t spi) const;

    /**
     * \param source source of a packet to send
     * \param destination its destination
     * \param sourcePort its source port
     * \param destinationPort its destination port
     * \param protocol its protocol
     * \returns the covering outbound SA (MATURE in preference), or nullptr
     */
    Ptr<IpsecSa> LookupOutbound(const Ipv6Address& source,
                                const Ipv6Address& destination,
                                uint16_t sourcePort,
                                uint16_t destinationPort,
                                uint8_t protocol) const;

    /**
     * \brief Gives a MATURE SA a new lifetime counted from now.
     * \param sa the SA
     * \param lifetime new lifetime (zero: never expires)
     * \returns false when the SA is not MATURE in this database
     */
    bool SetLifetime(Ptr<IpsecSa> sa, Time lifetime);

    /** \returns the number of live (MATURE) SAs: the SAD size */
    uint32_t GetSize() const;

    /** \returns the number of SAs held, live and expired */
    uint32_t GetHeldCount() const;

    /** \returns SAs added so far */
    uint64_t GetCreatedCount() const;

    /** \returns live SAs deleted with Remove() so far */
    uint64_t GetDeletedCount() const;

    /** \returns SAs that reached their lifetime so far */
    uint64_t GetExpiredCount() const;

    /** \returns the distinct outbound selector shapes (probes per outbound lookup) */
    uint32_t GetOutboundShapeCount() const;

    /** Removes every SA (counted as deleted when live). */
    void Clear();

  protected:
    void DoDispose() override;

  private:
    /**
     * \brief Fires at an SA's expiry time (or earlier, when its lifetime was extended).
     * \param sa the SA
     */
    void ExpiryEvent(Ptr<IpsecSa> sa);

    /**
     * \brief Takes an SA (MATURE or EXPIRED) out of the indexes, removes its expiry event,
     * updates the counters, makes it DEAD and fires the removal trace.
     * \param sa the SA
     * \param expired why it leaves
     * \returns false when it is not in this SAD (nothing changed)
     */
    bool Finalize(Ptr<IpsecSa> sa, bool expired);

    /**
     * \param sa an SA
     * \returns true when it was in an index and has been taken out
     */
    bool Unindex(const Ptr<IpsecSa>& sa);

    std::unordered_multimap<uint32_t, Ptr<IpsecSa>> m_inbound; //!< inbound SAs by SPI
    IpsecSelectorIndex m_outbound;                             //!< outbound SAs by selector
    TracedValue<uint32_t> m_size;                              //!< live SAs
    uint32_t m_held;                                           //!< live and expired SAs
    uint64_t m_created;                                        //!< SAs added
    uint64_t m_deleted;                                        //!< live SAs deleted
    uint64_t m_expired;                                        //!< SAs expired
    Time m_expiredHoldTime;                                    //!< how long expired SAs stay
    TracedCallback<Ptr<const IpsecSa>> m_addedTrace;           //!< SA added
    TracedCallback<Ptr<const IpsecSa>> m_expiredTrace;         //!< SA expired
    TracedCallback<Ptr<const IpsecSa>, bool> m_removedTrace;   //!< SA left the database
};

} // namespace ns3

#endif /* IPSEC_SAD_H */
