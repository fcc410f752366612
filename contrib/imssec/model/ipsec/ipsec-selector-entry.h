/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_SELECTOR_ENTRY_H
#define IPSEC_SELECTOR_ENTRY_H

#include "ipsec-selector.h"

#include "ns3/simple-ref-count.h"

#include <cstdint>
#include <ostream>

namespace ns3
{

/**
 * \ingroup imssec
 * Direction of an SPD entry or an SA, seen from the node that holds it.
 */
enum class IpsecDirection : uint8_t
{
    INBOUND = 0,  //!< traffic the node receives
    OUTBOUND = 1, //!< traffic the node sends
};

/**
 * \param os output stream
 * \param direction a direction
 * \returns the stream, with "in" or "out" written
 */
std::ostream& operator<<(std::ostream& os, IpsecDirection direction);

/**
 * \ingroup imssec
 * \brief What an IpsecSelectorIndex holds: a selector, a direction and an install order.
 *
 * IpsecPolicy (SPD entries) and IpsecSa (SAD entries) derive from it, so one index class
 * serves both databases.  Entries are reference counted and never copied.
 */
class IpsecSelectorEntry : public SimpleRefCount<IpsecSelectorEntry>
{
  public:
    /**
     * \param selector the traffic the entry applies to
     * \param direction the direction it applies to
     */
    IpsecSelectorEntry(const IpsecSelector& selector, IpsecDirection direction);

    virtual ~IpsecSelectorEntry();

    IpsecSelectorEntry(const IpsecSelectorEntry&) = delete;
    IpsecSelectorEntry& operator=(const IpsecSelectorEntry&) = delete;

    /** \returns the selector */
    const IpsecSelector& GetSelector() const
    {
        return m_selector;
    }

    /** \returns the direction */
    IpsecDirection GetDirection() const
    {
        return m_direction;
    }

    /**
     * \returns the order in which the entry entered its index (larger: newer); 0 before
     */
    uint64_t GetOrdinal() const
    {
        return m_ordinal;
    }

    /**
     * \param ordinal install order, set by the index
     */
    void SetOrdinal(uint64_t ordinal)
    {
        m_ordinal = ordinal;
    }

    /**
     * \returns true when a lookup may return the entry in preference to unusable ones
     * (an SA that has expired is not usable)
     */
    virtual bool IsUsable() const;

  private:
    IpsecSelector m_selector;   //!< traffic covered
    uint64_t m_ordinal;         //!< install order
    IpsecDirection m_direction; //!< direction
};

} // namespace ns3

#endif /* IPSEC_SELECTOR_ENTRY_H */
