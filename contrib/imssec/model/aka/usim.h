/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef USIM_H
#define USIM_H

#include "aka-types.h"

#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup imssec
 * The USIM side of UMTS AKA for a simulated UE (TS 33.102 section 6.3.3 and Annex C.2).
 *
 * Holds K, OPc and the sequence number state: the array SEQ_MS(0..a-1), a = 2^IND bits, of
 * the highest SEQ accepted per index, and SQN_MS, the highest SQN accepted anywhere in the
 * array.  Authenticate() checks MAC-A first (MAC failure), then the freshness of SQN
 * (synchronisation failure, with AUTS), and returns RES, CK and IK on success:
 *
 * 1. SEQ - SEQ_MS <= Delta (no arbitrary jumps ahead; Annex C.2.1),
 * 2. when an age limit L is set, SEQ_MS - SEQ < L (Annex C.2.2),
 * 3. SEQ > SEQ_MS(IND) (Annex C.2.2): then SEQ_MS(IND) = SEQ.
 *
 * A plain value class (copyable, no ns-3 Object): a UE application owns one.  Memory is
 * 112 octets plus 8 per array entry (256 more with the default 5 IND bits).
 */
class Usim
{
  public:
    /// Outcome of an AUTHENTICATE command.
    enum Status
    {
        SUCCESS,      //!< AUTN accepted: res, ck and ik are valid
        MAC_FAILURE,  //!< MAC-A wrong: the network is not authentic (no AUTS)
        SYNC_FAILURE, //!< MAC-A right but SQN not fresh: auts is valid
    };

    /// What the USIM returns to the terminal.
    struct Result
    {
        Status status{MAC_FAILURE}; //!< outcome
        AkaRes res{};               //!< RES (SUCCESS only)
        AkaKey ck{};                //!< CK (SUCCESS only)
        AkaKey ik{};                //!< IK (SUCCESS only)
        AkaAuts auts{};             //!< AUTS (SYNC_FAILURE only)
        uint64_t sqn{0};            //!< SQN recovered from AUTN (for logs)
    };

    /**
     * \param k the subscriber key K
     * \param opc OPc
     * \param indBits length of IND in bits (0..10; default 5, a = 32 array entries)
     */
    Usim(const AkaKey& k, const AkaKey& opc, uint8_t indBits = 5);

    /**
     * Runs AUTHENTICATE on a challenge (RAND, AUTN).
     * \param rand RAND
     * \param autn AUTN
     * \returns the outcome with RES/CK/IK or AUTS
     */
    Result Authenticate(const AkaRand& rand, const AkaAutn& autn);

    /**
     * \param delta the largest accepted jump SEQ - SEQ_MS (default 2^28)
     */
    void SetDelta(uint64_t delta);

    /// \returns the largest accepted jump SEQ - SEQ_MS
    uint64_t GetDelta() const;

    /**
     * \param limit L, the age limit SEQ_MS - SEQ < L; 0 (the default) applies no limit
     */
    void SetAgeLimit(uint64_t limit);

    /// \returns the age limit L (0: none)
    uint64_t GetAgeLimit() const;

    /// \returns length of IND in bits
    uint8_t GetIndBits() const;

    /// \returns SQN_MS, the highest sequence number accepted so far (0 initially)
    uint64_t GetSqnMs() const;

    /**
     * Sets the whole sequence state as if SQN had been the last one accepted at every index:
     * every SEQ_MS(i) = SEQ(sqn) and SQN_MS = sqn.  Models a USIM whose counter is ahead of
     * the HSS (e.g. restored from another network), which forces a resynchronisation.
     * \param sqn the sequence number (48 bits)
     */
    void SetSqnMs(uint64_t sqn);

    /// \returns number of challenges accepted
    uint64_t GetSuccesses() const;
    /// \returns number of MAC failures
    uint64_t GetMacFailures() const;
    /// \returns number of synchronisation failures
    uint64_t GetSyncFailures() const;

    /**
     * \param status a status
     * \returns its name ("SUCCESS", "MAC_FAILURE", "SYNC_FAILURE")
     */
    static std::string StatusToString(Status status);

  private:
    AkaKey m_k;                  //!< K
    AkaKey m_opc;                //!< OPc
    uint8_t m_indBits;           //!< length of IND in bits
    uint64_t m_delta;            //!< Delta of Annex C.2.1
    uint64_t m_ageLimit;         //!< L of Annex C.2.2 (0: none)
    uint64_t m_sqnMs;            //!< highest SQN accepted anywhere in the array
    std::vector<uint64_t> m_seq; //!< SEQ_MS(i), i = IND
    uint64_t m_successes;        //!< challenges accepted
    uint64_t m_macFailures;      //!< MAC failures
    uint64_t m_syncFailures;     //!< synchronisation failures
};

} // namespace ns3

#endif /* USIM_H */
