/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef SIP_BIDDING_DOWN_TAP_H
#define SIP_BIDDING_DOWN_TAP_H

#include "ns3/error-model.h"
#include "ns3/ipv6-address.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <string>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief A man in the middle on the UE to P-CSCF access link that rewrites the sec-agree
 * headers of clear SIP messages (RFC 3329 section 5, bidding down).
 *
 * It is installed as the ReceiveErrorModel of a point-to-point device (ImsThreatHelper puts
 * it on the UE's device for variant SERVER and on the GGSN's end of the UE link for variant
 * CLIENT), so it sees every frame before the node does and may change it in place: it never
 * loses a frame itself, and passes the frame on to the error model that was there before
 * (the link's loss model), if any.
 *
 * - SERVER: in a clear response carrying Security-Server (the 401 of the registration) every
 *   mechanism with the StrongAlgorithm is removed; when none would be left, the first one is
 *   kept with its `alg` replaced by WeakAlgorithm (the P-CSCF sends one mechanism per UE).
 * - CLIENT: in a clear REGISTER carrying Security-Client every mechanism with the
 *   StrongAlgorithm is removed (the UE also offers the WeakAlgorithm).
 *
 * The UDP and IPv6 lengths are rewritten (and the UDP checksum when ns-3 checksums are on).
 * Attempts (messages modified) are counted and fired on the Tampered trace.
 */
class SipBiddingDownTap : public ErrorModel
{
  public:
    /** Which list the tap rewrites. */
    enum Variant : uint8_t
    {
        SERVER = 0, //!< Security-Server in responses (401)
        CLIENT = 1, //!< Security-Client in REGISTER
    };

    /**
     * \brief Get the type ID.
     * \returns the object TypeId
     */
    static TypeId GetTypeId();

    SipBiddingDownTap();
    ~SipBiddingDownTap() override;

    /**
     * TracedCallback signature for messages modified.
     * \param source the IPv6 source of the message
     * \param before the SIP text before
     * \param after the SIP text after
     */
    typedef void (*TamperedTracedCallback)(const Ipv6Address& source,
                                           const std::string& before,
                                           const std::string& after);

    /**
     * \param next the error model that was on the device before (may be nullptr)
     */
    void SetNext(Ptr<ErrorModel> next);

    /** \returns messages modified (attacks attempted) */
    uint64_t GetAttempts() const;

    /** \returns SIP messages of the variant's kind seen (modified or not) */
    uint64_t GetSeen() const;

  private:
    bool DoCorrupt(Ptr<Packet> p) override;
    void DoReset() override;

    /**
     * \param text a SIP message
     * \param[out] out the modified message
     * \returns true when the message was modified
     */
    bool Rewrite(const std::string& text, std::string* out);

    Variant m_variant;      //!< which list
    std::string m_strong;   //!< algorithm removed
    std::string m_weak;     //!< algorithm left
    Ptr<ErrorModel> m_next; //!< chained error model
    uint64_t m_attempts;    //!< messages modified
    uint64_t m_seen;        //!< candidate messages seen
    TracedCallback<const Ipv6Address&, const std::string&, const std::string&>
        m_tamperedTrace; //!< modified
};

} // namespace ns3

#endif /* SIP_BIDDING_DOWN_TAP_H */
