/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef AKA_CREDENTIALS_H
#define AKA_CREDENTIALS_H

#include "aka-types.h"

#include <string>

namespace ns3
{

/**
 * \ingroup imssec
 * A subscriber's long-term AKA secrets, K and OPc, and their reproducible derivation for
 * simulated subscribers.
 *
 * Derive() makes K a function of the private identity and a seed only:
 *
 *     K   = first 16 octets of HMAC-SHA-256(key = seed as 8 octets big-endian,
 *                                          message = "imssec-aka-k:" || private identity)
 *     OPc = OP xor E_K(OP)   (Milenage, TS 35.206)
 *
 * so the HSS and the UE of one simulated subscriber hold the same K without sharing state,
 * every run with the same seed gets the same keys, and different seeds give unrelated keys.
 * OP is the operator's (one value for the whole network, an attribute of the HSS).
 */
struct AkaCredentials
{
    AkaKey k{};   //!< the subscriber key K
    AkaKey opc{}; //!< OPc

    /**
     * \param privateIdentity the IMS private identity (IMPI), e.g. "ue1@ims.example.net"
     * \param seed the key seed of the run
     * \param op the operator variant OP
     * \returns K and OPc as described above
     */
    static AkaCredentials Derive(const std::string& privateIdentity,
                                 uint64_t seed,
                                 const AkaKey& op);
};

} // namespace ns3

#endif /* AKA_CREDENTIALS_H */
