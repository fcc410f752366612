/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef ESP_HEADER_H
#define ESP_HEADER_H

#include "ns3/header.h"

#include <cstdint>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief The ESP header (RFC 4303 section 2): SPI and sequence number, 8 bytes.
 *
 * With NULL encryption there is no IV, so the payload follows right after it.
 */
class EspHeader : public Header
{
  public:
    static constexpr uint32_t SIZE = 8; //!< serialized size in bytes

    EspHeader();

    /**
     * \param spi the SPI
     * \param sequence the sequence number
     */
    EspHeader(uint32_t spi, uint32_t sequence);

    /**
     * \brief Get the type ID.
     * \returns the object TypeId
     */
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    void Print(std::ostream& os) const override;
    uint32_t GetSerializedSize() const override;
    void Serialize(Buffer::Iterator start) const override;
    uint32_t Deserialize(Buffer::Iterator start) override;

    /** \returns the SPI */
    uint32_t GetSpi() const
    {
        return m_spi;
    }

    /** \param spi the SPI */
    void SetSpi(uint32_t spi)
    {
        m_spi = spi;
    }

    /** \returns the sequence number */
    uint32_t GetSequence() const
    {
        return m_sequence;
    }

    /** \param sequence the sequence number */
    void SetSequence(uint32_t sequence)
    {
        m_sequence = sequence;
    }

  private:
    uint32_t m_spi;      //!< Security Parameter Index
    uint32_t m_sequence; //!< sequence number
};

} // namespace ns3

#endif /* ESP_HEADER_H */
