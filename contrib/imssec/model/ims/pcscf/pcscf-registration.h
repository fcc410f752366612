/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef PCSCF_REGISTRATION_H
#define PCSCF_REGISTRATION_H

#include "ns3/ipsec-integrity.h"
#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief What the P-CSCF keeps about one UE (one IMPI): its registration and the SA sets
 * that protect it.
 *
 * At most two SA sets (handles of the node's IpsecStack): the current one, confirmed by a
 * 200 OK, and a pending one, installed when a 401 passed through and waiting for the
 * protected REGISTER and its 200 OK (TS 33.203 7.4: old and new sets coexist until then).
 * While a REGISTER with Security-Client waits for its challenge, the UE's offer is kept
 * (Offer); it is released once the set it produced is confirmed or abandoned, so a
 * registered UE in steady state holds only the identities, the Call-ID and one handle.
 */
class PcscfRegistration
{
  public:
    /**
     * \brief The UE's sec-agree offer: the Security-Client mechanism the P-CSCF chose from a
     * REGISTER (RFC 3329, TS 33.203 7.2), with the addresses it arrived with, until the 401
     * that answers it, and the SA set made on that 401 until the set is confirmed.
     */
    struct Offer
    {
        std::string callId;       //!< Call-ID of the REGISTER
        uint32_t cseq{0};         //!< its CSeq number
        Ipv6Address ueAddress;    //!< its source address (the SA selector's)
        Ipv6Address pcscfAddress; //!< the address it arrived at
        uint32_t ueSpiC{0};       //!< the UE's spi-c
        uint32_t ueSpiS{0};       //!< the UE's spi-s
        uint16_t uePortC{0};      //!< the UE's port-c
        uint16_t uePortS{0};      //!< the UE's port-s
        IpsecIntegrityAlgorithm alg{IpsecIntegrityAlgorithm::HMAC_SHA1_96}; //!< chosen alg
        std::optional<uint8_t> addrPrefLength; //!< the UE's addr-pref-length, if sent
        uint32_t saSetHandle{0};               //!< SA set installed on the 401 (0: none yet)
        Time received;                         //!< when the REGISTER arrived
    };

    std::string impi;             //!< private identity (the key of the table)
    std::string impu;             //!< public identity registered (To URI, normalised)
    std::string callId;           //!< Call-ID of the confirmed registration ("" before)
    uint32_t currentSet{0};       //!< confirmed SA set handle (0: none)
    uint32_t pendingSet{0};       //!< SA set awaiting authentication (0: none)
    bool currentEchoed{false};    //!< the current set's Security-Server echoed addr-pref-length
    bool pendingEchoed{false};    //!< the pending set's Security-Server echoed addr-pref-length
    Time expiry;                  //!< when the registration expires (absolute; 0: not yet)
    std::unique_ptr<Offer> offer; //!< the UE's offer awaiting its 401 / confirmation

    /** \returns true when a 200 OK confirmed an SA set that is still there */
    bool IsRegistered() const;

    /** \returns true when nothing is left: no set, no offer (the table may forget it) */
    bool IsEmpty() const;

    /**
     * \param handle an SA set handle
     * \returns true when it is the current or the pending set
     */
    bool HasSaSet(uint32_t handle) const;
};

/**
 * \param os output stream
 * \param r a registration
 * \returns the stream, with a one-line summary written
 */
std::ostream& operator<<(std::ostream& os, const PcscfRegistration& r);

} // namespace ns3

#endif /* PCSCF_REGISTRATION_H */
