/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef ESP_TRAILER_H
#define ESP_TRAILER_H

#include "ns3/trailer.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief The end of an ESP packet (RFC 4303 section 2): padding, pad length, next header and
 * the Integrity Check Value.
 *
 * Padding is RFC 4303's default content (1, 2, 3, ...), as long as needed to end the
 * payload, padding and the two trailer bytes on a 4-byte boundary (NULL encryption has a
 * block size of 1).  The trailer's length depends on the pad length, so deserializing
 * needs the ICV length first (12 for the 96-bit ICVs of ipsec-3gpp).
 */
class EspTrailer : public Trailer
{
  public:
    /**
     * \param icvLength length of the ICV in bytes
     */
    explicit EspTrailer(uint32_t icvLength = 12);

    /**
     * \brief Get the type ID.
     * \returns the object TypeId
     */
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    void Print(std::ostream& os) const override;
    uint32_t GetSerializedSize() const override;
    void Serialize(Buffer::Iterator end) const override;
    uint32_t Deserialize(Buffer::Iterator end) override;

    /**
     * \param payloadLength bytes of the protected payload
     * \returns the pad length that aligns payload + padding + 2 on 4 bytes
     */
    static uint8_t ComputePadLength(uint32_t payloadLength);

    /** \returns the pad length */
    uint8_t GetPadLength() const
    {
        return m_padLength;
    }

    /** \param padLength the pad length */
    void SetPadLength(uint8_t padLength)
    {
        m_padLength = padLength;
    }

    /** \returns the next header (protocol of the payload) */
    uint8_t GetNextHeader() const
    {
        return m_nextHeader;
    }

    /** \param nextHeader the protocol of the payload */
    void SetNextHeader(uint8_t nextHeader)
    {
        m_nextHeader = nextHeader;
    }

    /** \returns the ICV */
    const std::vector<uint8_t>& GetIcv() const
    {
        return m_icv;
    }

    /**
     * \param icv the ICV (its length becomes the ICV length)
     */
    void SetIcv(const std::vector<uint8_t>& icv);

    /** \returns true when the last deserialized padding had RFC 4303's default content */
    bool IsPaddingValid() const
    {
        return m_paddingValid;
    }

  private:
    std::vector<uint8_t> m_icv; //!< Integrity Check Value
    uint8_t m_padLength;        //!< pad length
    uint8_t m_nextHeader;       //!< next header
    bool m_paddingValid;        //!< padding content checked on deserialization
};

} // namespace ns3

#endif /* ESP_TRAILER_H */
