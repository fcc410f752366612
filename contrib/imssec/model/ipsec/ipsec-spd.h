/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_SPD_H
#define IPSEC_SPD_H

#include "ipsec-policy.h"
#include "ipsec-selector-index.h"

#include "ns3/ipv6-address.h"
#include "ns3/object.h"
#include "ns3/traced-value.h"

namespace ns3
{

/**
 * \ingroup imssec
 * \brief Security Policy Database of a node (aggregated to the node by IpsecHelper).
 *
 * Lookup returns the most specific covering policy (longest source + destination prefix,
 * then exact ports and protocol before wildcards; newest first among equal selectors), in
 * time independent of the number of policies (see IpsecSelectorIndex).  Traffic no policy
 * covers is bypass traffic.  In imssec the SPD answers one question: must this clear packet
 * have been protected?  Outbound traffic is protected by finding its SA directly in the SAD.
 */
class IpsecSpd : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \returns the object TypeId
     */
    static TypeId GetTypeId();

    IpsecSpd();
    ~IpsecSpd() override;

    /**
     * \param policy a policy to add (newest wins among equal selectors)
     */
    void Add(Ptr<IpsecPolicy> policy);

    /**
     * \param policy a policy added before
     * \returns true when it was found and removed
     */
    bool Remove(Ptr<IpsecPolicy> policy);

    /**
     * \param direction direction of the packet
     * \param source packet source
     * \param destination packet destination
     * \param sourcePort packet source port
     * \param destinationPort packet destination port
     * \param protocol packet protocol
     * \returns the policy covering the packet, or nullptr (bypass)
     */
    Ptr<IpsecPolicy> Lookup(IpsecDirection direction,
                            const Ipv6Address& source,
                            const Ipv6Address& destination,
                            uint16_t sourcePort,
                            uint16_t destinationPort,
                            uint8_t protocol) const;

    /** \returns the number of policies */
    uint32_t GetSize() const;

    /** Removes every policy. */
    void Clear();

  protected:
    void DoDispose() override;

  private:
    IpsecSelectorIndex m_inbound;        //!< inbound policies
    IpsecSelectorIndex m_outbound;       //!< outbound policies
    TracedValue<uint32_t> m_policyCount; //!< number of policies
};

} // namespace ns3

#endif /* IPSEC_SPD_H */
