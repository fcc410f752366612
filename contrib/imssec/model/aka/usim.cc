/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "usim.h"

#include "aka-procedures.h"
#include "milenage.h"

#include "ns3/abort.h"
#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecUsim");

Usim::Usim(const AkaKey& k, const AkaKey& opc, uint8_t indBits)
    : m_k(k),
      m_opc(opc),
      m_indBits(indBits),
      m_delta(uint64_t{1} << 28),
      m_ageLimit(0),
      m_sqnMs(0),
      m_successes(0),
      m_macFailures(0),
      m_syncFailures(0)
{
    NS_LOG_FUNCTION(this << static_cast<uint32_t>(indBits));
    NS_ABORT_MSG_IF(indBits > AkaProcedures::MAX_IND_BITS,
                    "Usim: IND length " << static_cast<uint32_t>(indBits) << " bits is above "
                                        << static_cast<uint32_t>(AkaProcedures::MAX_IND_BITS));
    // TS 33.102 Annex C.2.2: the initial value of every array element is zero.
    m_seq.assign(std::size_t{1} << indBits, 0);
}

Usim::Result
Usim::Authenticate(const AkaRand& rand, const AkaAutn& autn)
{
    NS_LOG_FUNCTION(this << AkaToHex(rand) << AkaToHex(autn));
    Milenage milenage(m_k, m_opc);
    Result result;
    AkaAmf amf;
    // TS 33.102 section 6.3.3: the MAC is verified before the sequence number.
    if (!AkaProcedures::OpenAutn(milenage, rand, autn, result.sqn, amf))
    {
        NS_LOG_INFO("MAC failure (SQN read as " << result.sqn << ")");
        result.status = MAC_FAILURE;
        ++m_macFailures;
        return result;
    }
    uint64_t seq = AkaProcedures::GetSeq(result.sqn, m_indBits);
    uint32_t ind = AkaProcedures::GetInd(result.sqn, m_indBits);
    uint64_t seqMs = AkaProcedures::GetSeq(m_sqnMs, m_indBits);
    bool fresh = true;
    if (seq > seqMs && seq - seqMs > m_delta)
    {
        NS_LOG_INFO("SEQ " << seq << " jumps more than Delta past SEQ_MS " << seqMs);
        fresh = false;
    }
    else if (m_ageLimit != 0 && seq < seqMs && seqMs - seq >= m_ageLimit)
    {
        NS_LOG_INFO("SEQ " << seq << " older than L behind SEQ_MS " << seqMs);
        fresh = false;
    }
    else if (seq <= m_seq[ind])
    {
        NS_LOG_INFO("SEQ " << seq << " not above SEQ_MS(" << ind << ") = " << m_seq[ind]);
        fresh = false;
    }
    if (!fresh)
    {
        result.status = SYNC_FAILURE;
        result.auts = AkaProcedures::BuildAuts(milenage, rand, m_sqnMs);
        ++m_syncFailures;
        return result;
    }
    m_seq[ind] = seq;
    if (seq > seqMs)
    {
        m_sqnMs = result.sqn;
    }
    AkaAk ak;
    milenage.F2345(rand, result.res, result.ck, result.ik, ak);
    result.status = SUCCESS;
    ++m_successes;
    NS_LOG_INFO("accepted SQN " << result.sqn << " (SEQ " << seq << ", IND " << ind << ")");
    return result;
}

void
Usim::SetDelta(uint64_t delta)
{
    NS_LOG_FUNCTION(this << delta);
    m_delta = delta;
}

uint64_t
Usim::GetDelta() const
{
    return m_delta;
}

void
Usim::SetAgeLimit(uint64_t limit)
{
    NS_LOG_FUNCTION(this << limit);
    m_ageLimit = limit;
}

uint64_t
Usim::GetAgeLimit() const
{
    return m_ageLimit;
}

uint8_t
Usim::GetIndBits() const
{
    return m_indBits;
}

uint64_t
Usim::GetSqnMs() const
{
    return m_sqnMs;
}

void
Usim::SetSqnMs(uint64_t sqn)
{
    NS_LOG_FUNCTION(this << sqn);
    m_sqnMs = sqn & AKA_SQN_MAX;
    uint64_t seq = AkaProcedures::GetSeq(m_sqnMs, m_indBits);
    std::fill(m_seq.begin(), m_seq.end(), seq);
}

uint64_t
Usim::GetSuccesses() const
{
    return m_successes;
}

uint64_t
Usim::GetMacFailures() const
{
    return m_macFailures;
}

uint64_t
Usim::GetSyncFailures() const
{
    return m_syncFailures;
}

std::string
Usim::StatusToString(Status status)
{
    switch (status)
    {
    case SUCCESS:
        return "SUCCESS";
    case MAC_FAILURE:
        return "MAC_FAILURE";
    case SYNC_FAILURE:
        return "SYNC_FAILURE";
    }
    return "UNKNOWN";
}

} // namespace ns3
