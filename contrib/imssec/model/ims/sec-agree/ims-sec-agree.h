/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IMS_SEC_AGREE_H
#define IMS_SEC_AGREE_H

#include "ns3/ipsec-sa-set-parameters.h"
#include "ns3/security-mechanism.h"

#include <cstdint>
#include <optional>
#include <string>

namespace ns3
{

class IpsecSad;
class UniformRandomVariable;

/**
 * \ingroup imssec
 * \brief What the P-CSCF does with the UE's `addr-pref-length` (the studied extension).
 */
enum class AddrPrefLengthPolicy : uint8_t
{
    HONOUR = 0, //!< bind the SAs to the length the UE asked for (128 when absent)
    CLAMP = 1,  //!< as HONOUR, but never broader than a minimum length (e.g. /64)
    IGNORE = 2, //!< a P-CSCF that does not know the parameter: always /128, never echoed
};

/**
 * \ingroup imssec
 * \brief An IPsec suite: one number naming a consistent set of algorithms and SA
 * attributes, the negotiation unit of an early 3GPP proposal for the IMS first hop (suite 1:
 * ESP, ESP_NULL, integrity HMAC-MD5, transport mode, AKA keys of 128 bits).  3GPP adopted
 * separate alg, ealg, prot and mod parameters instead (TS 33.203 7.2); imssec decodes
 * `suite` beside them so that both forms can be compared.
 */
struct IpsecSuite
{
    uint16_t number;  //!< the suite number
    const char* alg;  //!< its integrity algorithm (alg value)
    const char* ealg; //!< its encryption algorithm (ealg value)
    const char* prot; //!< its IPsec protocol (prot value)
    const char* mod;  //!< its mode (mod value)
};

/**
 * \ingroup imssec
 * \brief The glue between RFC 3329 sec-agree (`ipsec-3gpp`, TS 33.203) and the IPsec layer,
 * shared by the UE and the P-CSCF so both sides derive the same SA set from the same
 * headers.
 */
class ImsSecAgree
{
  public:
    /// The mechanism name of TS 33.203.
    static constexpr const char* IPSEC_3GPP = "ipsec-3gpp";

    /**
     * \brief Builds an `ipsec-3gpp` mechanism with ealg=null, prot=esp, mod=trans.
     * \param alg integrity algorithm ("hmac-sha-1-96" or "hmac-md5-96")
     * \param spiC spi-c
     * \param spiS spi-s
     * \param portC port-c
     * \param portS port-s
     * \param addrPrefLength the `addr-pref-length` parameter, when sent
     * \param qThousandths q value in thousandths, when given
     * \returns the mechanism
     */
    static SecurityMechanism MakeIpsec3gpp(const std::string& alg,
                                           uint32_t spiC,
                                           uint32_t spiS,
                                           uint16_t portC,
                                           uint16_t portS,
                                           std::optional<uint8_t> addrPrefLength,
                                           std::optional<uint16_t> qThousandths);

    /**
     * \param number a suite number
     * \returns the suite, nullopt for a number no suite has
     */
    static std::optional<IpsecSuite> GetSuite(uint16_t number);

    /**
     * \param alg an integrity algorithm (alg value)
     * \param ealg an encryption algorithm (ealg value)
     * \returns the number of the suite with these algorithms (ESP, transport mode),
     *          nullopt when no suite has them
     */
    static std::optional<uint16_t> FindSuite(const std::string& alg, const std::string& ealg);

    /**
     * \brief The algorithms an ipsec-3gpp mechanism names: those of its suite when it
     * carries one (alg, ealg, prot and mod, when present too, must agree with it), else its
     * alg and its ealg (null when absent).
     * \param m the mechanism
     * \param[out] alg the integrity algorithm ("" when the mechanism names none)
     * \param[out] ealg the encryption algorithm
     * \param[out] error why the mechanism is unusable (may be nullptr)
     * \returns false for an unknown suite or parameters contradicting the suite
     */
    static bool ResolveAlgorithms(const SecurityMechanism& m,
                                  std::string* alg,
                                  std::string* ealg,
                                  std::string* error = nullptr);

    /**
     * \brief The selector prefix length the P-CSCF binds the UE side of the SAs to.
     * \param policy the P-CSCF's policy
     * \param requested the UE's `addr-pref-length` (nullopt when absent)
     * \param minLength the shortest length CLAMP allows
     * \returns 0..128
     */
    static uint8_t ChooseSelectorLength(AddrPrefLengthPolicy policy,
                                        std::optional<uint8_t> requested,
                                        uint8_t minLength);

    /**
     * \brief Derives one side's SA set from the UE's and the P-CSCF's mechanisms.
     * \param ue the UE's ipsec-3gpp mechanism (from its Security-Client)
     * \param pcscf the P-CSCF's ipsec-3gpp mechanism (its Security-Server)
     * \param side which side installs the set
     * \param ueAddress the UE's address at registration
     * \param uePrefixLength the selector length of the UE side
     * \param pcscfAddress the P-CSCF's address
     * \param ik AKA IK
     * \param ck AKA CK
     * \param lifetime SA lifetime
     * \param out receives the parameters
     * \param error receives the reason when the mechanisms cannot make an SA set
     * \returns true on success
     */
    static bool BuildSaSetParameters(const SecurityMechanism& ue,
                                     const SecurityMechanism& pcscf,
                                     IpsecSaSetParameters::Side side,
                                     Ipv6Address ueAddress,
                                     uint8_t uePrefixLength,
                                     Ipv6Address pcscfAddress,
                                     const IpsecIntegrity::AkaKey& ik,
                                     const IpsecIntegrity::AkaKey& ck,
                                     Time lifetime,
                                     IpsecSaSetParameters* out,
                                     std::string* error);

    /**
     * \brief Draws a side's spi-c and spi-s: random, at least 256, distinct, and not used by
     * any inbound SA of the node (TS 33.203 7.1: each side picks its own SPIs, unique among
     * its inbound SAs; drawn, not counted, so that they cannot be predicted).
     * \param sad the node's SAD (nullptr: no SA to avoid)
     * \param random a uniform source of 32-bit values
     * \param[out] spiC spi-c
     * \param[out] spiS spi-s
     * \returns false when no free pair was found (practically impossible)
     */
    static bool DrawSpis(const IpsecSad* sad,
                         UniformRandomVariable& random,
                         uint32_t* spiC,
                         uint32_t* spiS);

    /**
     * \param policy a policy
     * \returns its attribute spelling ("honour", "clamp", "ignore")
     */
    static std::string GetPolicyName(AddrPrefLengthPolicy policy);
};

} // namespace ns3

#endif /* IMS_SEC_AGREE_H */
