/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef AKA_PROCEDURES_H
#define AKA_PROCEDURES_H

#include "aka-types.h"
#include "milenage.h"

namespace ns3
{

/**
 * \ingroup imssec
 * The stateless parts of UMTS AKA (TS 33.102 section 6.3) on top of Milenage: building an
 * authentication vector and AUTN, opening AUTN, building and opening AUTS, and the SEQ || IND
 * split of a sequence number (TS 33.102 Annex C).  The state (SQN_HE, SQN_MS) lives in Hss
 * and Usim.
 */
class AkaProcedures
{
  public:
    /**
     * Computes a vector: XRES, CK, IK, AK from RAND, MAC-A = f1(SQN || RAND || AMF) and
     * AUTN = SQN xor AK || AMF || MAC-A (TS 33.102 section 6.3.2).
     * \param milenage the subscriber's algorithm instance (K, OPc)
     * \param rand RAND
     * \param sqn the sequence number to use (48 bits)
     * \param amf AMF
     * \returns the vector (its sqn member set to sqn)
     */
    static AkaVector GenerateVector(const Milenage& milenage,
                                    const AkaRand& rand,
                                    uint64_t sqn,
                                    const AkaAmf& amf);

    /**
     * USIM side of AUTN (TS 33.102 section 6.3.3): recovers SQN with AK = f5(RAND) and checks
     * MAC-A against XMAC-A = f1(SQN || RAND || AMF).
     * \param milenage the subscriber's algorithm instance
     * \param rand RAND
     * \param autn AUTN
     * \param sqn receives SQN (also when the MAC is wrong)
     * \param amf receives AMF
     * \returns true when MAC-A is correct
     */
    static bool OpenAutn(const Milenage& milenage,
                         const AkaRand& rand,
                         const AkaAutn& autn,
                         uint64_t& sqn,
                         AkaAmf& amf);

    /**
     * AUTS = SQN_MS xor AK* || MAC-S with AK* = f5*(RAND) and MAC-S = f1*(SQN_MS || RAND ||
     * AMF*), AMF* = 0x0000 (TS 33.102 section 6.3.3).
     * \param milenage the subscriber's algorithm instance
     * \param rand the RAND of the rejected challenge
     * \param sqnMs SQN_MS, the highest sequence number the USIM accepted
     * \returns AUTS
     */
    static AkaAuts BuildAuts(const Milenage& milenage, const AkaRand& rand, uint64_t sqnMs);

    /**
     * HSS side of AUTS (TS 33.102 section 6.3.5): recovers SQN_MS and checks MAC-S.
     * \param milenage the subscriber's algorithm instance
     * \param rand the RAND of the rejected challenge
     * \param auts AUTS
     * \param sqnMs receives SQN_MS (also when MAC-S is wrong)
     * \returns true when MAC-S is correct
     */
    static bool OpenAuts(const Milenage& milenage,
                         const AkaRand& rand,
                         const AkaAuts& auts,
                         uint64_t& sqnMs);

    /**
     * \param sqn a sequence number SEQ || IND
     * \param indBits length of IND in bits (0..10)
     * \returns SEQ
     */
    static uint64_t GetSeq(uint64_t sqn, uint8_t indBits);

    /**
     * \param sqn a sequence number SEQ || IND
     * \param indBits length of IND in bits (0..10)
     * \returns IND
     */
    static uint32_t GetInd(uint64_t sqn, uint8_t indBits);

    /**
     * \param seq SEQ
     * \param ind IND (only its indBits low bits are used)
     * \param indBits length of IND in bits (0..10)
     * \returns SQN = SEQ || IND, truncated to 48 bits
     */
    static uint64_t MakeSqn(uint64_t seq, uint32_t ind, uint8_t indBits);

    /// Largest IND length accepted (a USIM keeps 2^indBits array entries).
    static constexpr uint8_t MAX_IND_BITS = 10;
};

} // namespace ns3

#endif /* AKA_PROCEDURES_H */
