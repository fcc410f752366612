/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_TAG_H
#define IPSEC_TAG_H

#include "ns3/tag.h"

#include <cstdint>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief Packet tag set on a packet that arrived inside an SA and passed every check.
 *
 * It travels with the packet through UDP to the receiving socket, so an application (the
 * P-CSCF) can see that a request was protected, and by which SA (SPI) of which SA set.
 * A packet without it arrived in clear.
 */
class IpsecTag : public Tag
{
  public:
    IpsecTag();

    /**
     * \param spi SPI of the inbound SA
     * \param saSetHandle handle of its SA set at the receiving IpsecStack (0: none)
     * \param sequence ESP sequence number of the packet
     */
    IpsecTag(uint32_t spi, uint32_t saSetHandle, uint32_t sequence);

    /**
     * \brief Get the type ID.
     * \returns the object TypeId
     */
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    uint32_t GetSerializedSize() const override;
    void Serialize(TagBuffer i) const override;
    void Deserialize(TagBuffer i) override;
    void Print(std::ostream& os) const override;

    /** \returns the SPI of the inbound SA */
    uint32_t GetSpi() const
    {
        return m_spi;
    }

    /** \returns the SA set handle (0: the SA belongs to no set) */
    uint32_t GetSaSetHandle() const
    {
        return m_saSetHandle;
    }

    /** \returns the ESP sequence number */
    uint32_t GetSequence() const
    {
        return m_sequence;
    }

  private:
    uint32_t m_spi;         //!< SPI
    uint32_t m_saSetHandle; //!< SA set handle
    uint32_t m_sequence;    //!< sequence number
};

} // namespace ns3

#endif /* IPSEC_TAG_H */
