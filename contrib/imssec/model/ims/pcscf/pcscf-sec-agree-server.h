/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef PCSCF_SEC_AGREE_SERVER_H
#define PCSCF_SEC_AGREE_SERVER_H

#include "pcscf-registration.h"

#include "ns3/ims-sec-agree.h"
#include "ns3/ipsec-integrity.h"
#include "ns3/ipsec-sa-set-parameters.h"
#include "ns3/nstime.h"
#include "ns3/security-mechanism.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

class IpsecSad;
class UniformRandomVariable;

/**
 * \ingroup imssec
 * \brief The P-CSCF's side of RFC 3329 sec-agree with `ipsec-3gpp` (TS 33.203 7.2, TS 24.229
 * 5.2.2): which of the UE's offers it accepts, its own Security-Server, its SPIs, the
 * selector prefix length its policy grants, and the SA set parameters that follow.
 *
 * Pure logic without SIP sending or timers (the Pcscf application calls it); the
 * derivation of the SA set itself is ImsSecAgree's, shared with the UE.
 */
class PcscfSecAgreeServer
{
  public:
    /**
     * What the server does with an `addr-pref-length` shorter than the prefix the GGSN
     * allocated to the UE (such SAs would cover other UEs' prefixes).
     */
    enum class WiderThanAllocation : uint8_t
    {
        CLAMP = 0,  //!< bind (and echo) the allocated length instead
        REFUSE = 1, //!< the mechanism is not acceptable: 494 when nothing else is
    };

    /** What the server supports and how it binds selectors. */
    struct Config
    {
        /// integrity algorithms in preference order (the first the UE offers is chosen)
        std::vector<IpsecIntegrityAlgorithm> algorithms{IpsecIntegrityAlgorithm::HMAC_SHA1_96,
                                                        IpsecIntegrityAlgorithm::HMAC_MD5_96};
        uint16_t portC{5062};                                      //!< protected client port
        uint16_t portS{5063};                                      //!< protected server port
        AddrPrefLengthPolicy policy{AddrPrefLengthPolicy::HONOUR}; //!< addr-pref-length
        uint8_t minAddrPrefLength{64};                             //!< shortest length CLAMP allows
        /// the prefix length the GGSN allocates to each UE (TS 23.060 9.2.1.1: one /64 per
        /// PDP context); no policy binds the UE side of the SAs to a shorter one
        uint8_t allocatedPrefixLength{64};
        /// what to do with an addr-pref-length shorter than allocatedPrefixLength
        WiderThanAllocation widerThanAllocation{WiderThanAllocation::CLAMP};
        bool offerSuites{false}; //!< add `suite` to the mechanisms a suite names (IpsecSuite)
    };

    /**
     * \param config the configuration
     */
    void SetConfig(const Config& config);

    /** \returns the configuration */
    const Config& GetConfig() const;

    /**
     * \brief Parses a comma-separated list of `alg` names (attribute syntax).
     * \param text e.g. "hmac-sha-1-96,hmac-md5-96"
     * \param[out] out the algorithms in order
     * \returns false when the list is empty or names an unknown algorithm
     */
    static bool ParseAlgorithmList(const std::string& text,
                                   std::vector<IpsecIntegrityAlgorithm>* out);

    /**
     * \brief The server's static list, for 421 and 494 answers to unprotected requests
     * (RFC 3329 2.3.1: it does not depend on the client's list): one ipsec-3gpp mechanism
     * per supported algorithm, with the protected ports and no SPIs, q decreasing in the
     * order of preference (0.1 for the last), and `suite` beside alg/ealg when offerSuites.
     * \returns the list
     */
    std::vector<SecurityMechanism> GetStaticServerList() const;

    /**
     * \brief Chooses the UE's mechanism from its Security-Client: among the ipsec-3gpp
     * mechanisms that carry spi-c, spi-s, port-c and port-s, with ealg null (or absent; alg
     * and ealg may come from a suite, ImsSecAgree::ResolveAlgorithms),
     * prot esp and mod trans (or absent), the one whose alg comes first in the server's
     * preference.
     * \param client the Security-Client list
     * \param[out] offer receives spi-c, spi-s, port-c, port-s, alg and addr-pref-length
     *             (the other fields are left alone)
     * \param[out] why the reason when none is acceptable (may be nullptr)
     * \returns false when no mechanism is acceptable (RFC 3329: 494), also when every usable
     *          one asks for an addr-pref-length shorter than the allocated prefix length and
     *          the configuration refuses those
     */
    bool ChooseOffer(const std::vector<SecurityMechanism>& client,
                     PcscfRegistration::Offer* offer,
                     std::string* why) const;

    /**
     * \param offer the UE's offer
     * \returns the selector prefix length of the UE side (ImsSecAgree::ChooseSelectorLength
     *          under the configured policy, never shorter than the allocated prefix length
     *          unless the policy is IGNORE, which always gives 128)
     */
    uint8_t GetSelectorLength(const PcscfRegistration::Offer& offer) const;

    /**
     * \param requested a mechanism's addr-pref-length (nullopt when absent)
     * \returns true when the configuration refuses it: REFUSE, a policy other than IGNORE,
     *          and a length shorter than the allocated prefix length
     */
    bool IsWiderThanAllocation(std::optional<uint8_t> requested) const;

    /**
     * \param offer the UE's offer
     * \returns true when Security-Server carries addr-pref-length: the UE sent the
     *          parameter and the policy is not IGNORE
     */
    bool EchoesAddrPrefLength(const PcscfRegistration::Offer& offer) const;

    /**
     * \brief Draws the server's spi-c and spi-s: random, at least 256, distinct, and not
     * used by any inbound SA of the node (TS 33.203 7.1: each side picks its own SPIs,
     * unique among its SAs).
     * \param sad the node's SAD
     * \param random a uniform source of 32-bit values
     * \param[out] spiC spi-c
     * \param[out] spiS spi-s
     * \returns false when no free pair was found (practically impossible)
     */
    static bool ChooseSpis(const IpsecSad& sad,
                           UniformRandomVariable& random,
                           uint32_t* spiC,
                           uint32_t* spiS);

    /**
     * \brief The mechanism of the per-UE Security-Server list (GetServerList) that names an
     * algorithm: the one the SA set is built with.
     * \param alg the algorithm
     * \param spiC the server's spi-c
     * \param spiS the server's spi-s
     * \param echoedLength addr-pref-length to echo, if any
     * \returns the mechanism
     */
    SecurityMechanism MakeServerMechanism(IpsecIntegrityAlgorithm alg,
                                          uint32_t spiC,
                                          uint32_t spiS,
                                          std::optional<uint8_t> echoedLength) const;

    /**
     * \brief The Security-Server list sent in the 401 for an installed SA set (what the
     * UE's Security-Verify must equal on requests through that set): the static list
     * (every supported algorithm, RFC 3329 2.3.1) with the set's SPIs and, when echoed,
     * addr-pref-length.
     * \param p the set's parameters (IpsecStack::GetSaSetParameters)
     * \param echoed whether addr-pref-length was echoed
     * \returns the list, one mechanism per supported algorithm
     */
    std::vector<SecurityMechanism> GetServerList(const IpsecSaSetParameters& p, bool echoed) const;

    /**
     * \brief The P-CSCF side's SA set for an offer (ImsSecAgree::BuildSaSetParameters).
     * \param offer the UE's offer (addresses, SPIs, ports, alg, addr-pref-length)
     * \param spiC the server's spi-c
     * \param spiS the server's spi-s
     * \param ik IK from the 401
     * \param ck CK from the 401
     * \param lifetime the SA lifetime (reg-await-auth)
     * \param[out] out the parameters
     * \param[out] serverMechanism the Security-Server mechanism to send
     * \param[out] error why it failed (may be nullptr)
     * \returns false when the parameters are unusable
     */
    bool BuildSaSet(const PcscfRegistration::Offer& offer,
                    uint32_t spiC,
                    uint32_t spiS,
                    const IpsecIntegrity::AkaKey& ik,
                    const IpsecIntegrity::AkaKey& ck,
                    Time lifetime,
                    IpsecSaSetParameters* out,
                    SecurityMechanism* serverMechanism,
                    std::string* error) const;

  private:
    /**
     * \param spis the server's spi-c and spi-s (none in the static list)
     * \param echoedLength addr-pref-length to echo, if any
     * \returns one ipsec-3gpp mechanism per supported algorithm, q decreasing in the order
     *          of preference
     */
    std::vector<SecurityMechanism> MakeList(std::optional<std::pair<uint32_t, uint32_t>> spis,
                                            std::optional<uint8_t> echoedLength) const;

    Config m_config; //!< the configuration
};

} // namespace ns3

#endif /* PCSCF_SEC_AGREE_SERVER_H */
