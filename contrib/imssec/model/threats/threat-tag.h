/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef THREAT_TAG_H
#define THREAT_TAG_H

#include "ns3/tag.h"

#include <cstdint>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief Marks a packet an attacker application sent, so that the victim side can count
 * what became of attack traffic (IpsecStack Drop and InboundAccepted traces) without
 * confusing it with the legitimate packets it copies.  Measurement only: no node reads it
 * to decide anything.
 */
class ThreatTag : public Tag
{
  public:
    /**
     * \brief Get the type ID.
     * \returns the object TypeId
     */
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;

    ThreatTag();

    /**
     * \param attack an attack number (the sender's choice)
     */
    explicit ThreatTag(uint8_t attack);

    /** \returns the attack number */
    uint8_t GetAttack() const;

    uint32_t GetSerializedSize() const override;
    void Serialize(TagBuffer i) const override;
    void Deserialize(TagBuffer i) override;
    void Print(std::ostream& os) const override;

  private:
    uint8_t m_attack; //!< attack number
};

} // namespace ns3

#endif /* THREAT_TAG_H */
