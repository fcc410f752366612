/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_SELECTOR_INDEX_H
#define IPSEC_SELECTOR_INDEX_H

#include "ipsec-selector-entry.h"

#include "ns3/ipv6-address.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief Finds the entry whose selector covers a packet without scanning the entries.
 *
 * Tuple space search (Srinivasan, Suri, Varghese, SIGCOMM 1999): entries are grouped by the
 * "shape" of their selector (source prefix length, destination prefix length, and which of
 * source port, destination port and protocol are wildcards).  Each shape has a hash table
 * keyed by the selector fields masked to that shape.  A lookup masks the packet's fields once
 * per shape in use and probes that shape's table, so its cost grows with the number of
 * distinct shapes (one or two in an IMS network: /128 and /64 UE bindings), not with the
 * number of entries.
 *
 * Order: shapes are probed most specific first (longer source + destination prefix, then
 * fewer wildcards); the first shape with a covering usable entry wins, and within it the
 * newest entry.  When no covering entry is usable (e.g. all covering SAs have expired), the
 * most specific covering entry is returned so the caller can tell why it cannot be used.
 */
class IpsecSelectorIndex
{
  public:
    IpsecSelectorIndex();

    /**
     * \brief Adds an entry (its selector must not change while it is in the index).
     * \param entry the entry; it gets the next install ordinal
     */
    void Insert(Ptr<IpsecSelectorEntry> entry);

    /**
     * \param entry an entry added before
     * \returns true when it was found and removed
     */
    bool Remove(const Ptr<IpsecSelectorEntry>& entry);

    /**
     * \param source packet source
     * \param destination packet destination
     * \param sourcePort packet source port (0 when the protocol has none)
     * \param destinationPort packet destination port
     * \param protocol packet protocol
     * \returns the entry covering the packet, or nullptr
     */
    Ptr<IpsecSelectorEntry> Lookup(const Ipv6Address& source,
                                   const Ipv6Address& destination,
                                   uint16_t sourcePort,
                                   uint16_t destinationPort,
                                   uint8_t protocol) const;

    /** \returns the number of entries */
    uint32_t GetSize() const;

    /** \returns the number of distinct selector shapes in use (the probes per lookup) */
    uint32_t GetShapeCount() const;

    /** \returns every entry (in no particular order) */
    std::vector<Ptr<IpsecSelectorEntry>> GetEntries() const;

    /** Removes every entry. */
    void Clear();

  private:
    /** The masked selector fields an entry is hashed under. */
    struct Key
    {
        uint64_t words[4]; //!< masked source (0, 1) and destination (2, 3)
        uint32_t ports;    //!< source port << 16 | destination port (wildcards are 0)
        uint32_t protocol; //!< protocol (wildcard 0)
        /**
         * \param other another key
         * \returns true when equal
         */
        bool operator==(const Key& other) const;
    };

    /** Hash of a Key. */
    struct KeyHash
    {
        /**
         * \param key the key
         * \returns its hash
         */
        size_t operator()(const Key& key) const;
    };

    /** Which selector fields a shape keeps. */
    struct Shape
    {
        uint8_t sourcePrefixLength;      //!< source bits kept
        uint8_t destinationPrefixLength; //!< destination bits kept
        bool anySourcePort;              //!< source port is a wildcard
        bool anyDestinationPort;         //!< destination port is a wildcard
        bool anyProtocol;                //!< protocol is a wildcard
        /** \returns a unique code for the shape */
        uint32_t Code() const;
        /** \returns the specificity used to order probes (larger first) */
        uint32_t Specificity() const;
    };

    /// One hash table per shape
    using Table = std::unordered_multimap<Key, Ptr<IpsecSelectorEntry>, KeyHash>;

    /** A shape and its table. */
    struct ShapeTable
    {
        Shape shape; //!< the shape
        Table table; //!< its entries
    };

    /**
     * \param selector a selector
     * \returns its shape
     */
    static Shape ShapeOf(const IpsecSelector& selector);

    /**
     * \param shape the shape
     * \param source source address
     * \param destination destination address
     * \param sourcePort source port
     * \param destinationPort destination port
     * \param protocol protocol
     * \returns the fields masked to the shape
     */
    static Key MakeKey(const Shape& shape,
                       const Ipv6Address& source,
                       const Ipv6Address& destination,
                       uint16_t sourcePort,
                       uint16_t destinationPort,
                       uint8_t protocol);

    /** Rebuilds m_order after a shape appeared or disappeared. */
    void SortShapes();

    std::unordered_map<uint32_t, ShapeTable> m_tables; //!< tables by shape code
    std::vector<ShapeTable*> m_order;                  //!< probe order, most specific first
    uint64_t m_nextOrdinal;                            //!< next install ordinal
    uint32_t m_size;                                   //!< number of entries
};

} // namespace ns3

#endif /* IPSEC_SELECTOR_INDEX_H */
