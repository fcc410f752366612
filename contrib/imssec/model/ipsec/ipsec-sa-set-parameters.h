/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_SA_SET_PARAMETERS_H
#define IPSEC_SA_SET_PARAMETERS_H

#include "ipsec-integrity.h"

#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <ostream>
#include <string>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief What sec-agree negotiated for one UE: the input of IpsecStack::InstallSaSet.
 *
 * The four SAs of TS 33.203 (section 7.1) follow from it, the same on both sides:
 *
 * | traffic                                  | SPI (chosen by the receiver) |
 * |------------------------------------------|------------------------------|
 * | UE port-c    -> P-CSCF port-s (requests) | P-CSCF spi-s                 |
 * | UE port-s    -> P-CSCF port-c (answers)  | P-CSCF spi-c                 |
 * | P-CSCF port-c -> UE port-s (requests)    | UE spi-s                     |
 * | P-CSCF port-s -> UE port-c (answers)     | UE spi-c                     |
 *
 * The UE's side of every selector is ueAddress/uePrefixLength (128: that address only;
 * e.g. 64: any address of the UE's prefix, `addr-pref-length`); the P-CSCF's side is
 * pcscfAddress/128.
 */
struct IpsecSaSetParameters
{
    /** Which end of the SA set the installing node is. */
    enum class Side : uint8_t
    {
        UE = 0,    //!< the UE: requests out from port-c, in to port-s
        PCSCF = 1, //!< the P-CSCF
    };

    Side side{Side::UE};         //!< which side installs the set
    Ipv6Address ueAddress;       //!< UE address (at registration)
    uint8_t uePrefixLength{128}; //!< selector prefix length of the UE side
    Ipv6Address pcscfAddress;    //!< P-CSCF address
    uint32_t ueSpiC{0};          //!< UE spi-c (inbound at the UE, port-c)
    uint32_t ueSpiS{0};          //!< UE spi-s (inbound at the UE, port-s)
    uint16_t uePortC{0};         //!< UE protected client port
    uint16_t uePortS{0};         //!< UE protected server port
    uint32_t pcscfSpiC{0};       //!< P-CSCF spi-c (inbound at the P-CSCF, port-c)
    uint32_t pcscfSpiS{0};       //!< P-CSCF spi-s (inbound at the P-CSCF, port-s)
    uint16_t pcscfPortC{0};      //!< P-CSCF protected client port
    uint16_t pcscfPortS{0};      //!< P-CSCF protected server port
    uint8_t protocol{0};         //!< selector protocol: 0 any (UDP and TCP), 17, 6
    IpsecIntegrityAlgorithm alg{IpsecIntegrityAlgorithm::HMAC_SHA1_96};       //!< `alg`
    IpsecEncryptionAlgorithm ealg{IpsecEncryptionAlgorithm::NULL_ENCRYPTION}; //!< `ealg`
    IpsecIntegrity::AkaKey ik{}; //!< IK from AKA (128 bits)
    IpsecIntegrity::AkaKey ck{}; //!< CK from AKA (128 bits)
    Time lifetime{Seconds(0)};   //!< SA lifetime (zero: no expiry)

    /**
     * \param [out] error why the parameters cannot be used
     * \returns true when they can: SPIs >= 256 and the two of each side distinct, ports
     * non-zero and the two of each side distinct, prefix length <= 128, addresses set, lifetime
     * not negative
     */
    bool Validate(std::string& error) const;
};

/**
 * \param os output stream
 * \param p parameters
 * \returns the stream, with a one-line summary written
 */
std::ostream& operator<<(std::ostream& os, const IpsecSaSetParameters& p);

} // namespace ns3

#endif /* IPSEC_SA_SET_PARAMETERS_H */
