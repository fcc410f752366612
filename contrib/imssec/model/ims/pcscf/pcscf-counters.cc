/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "pcscf-counters.h"

namespace ns3
{

void
PcscfCounters::CountSaSetCreated()
{
    m_saSetsCreated++;
}

void
PcscfCounters::CountSaSetFailure()
{
    m_saSetFailures++;
}

uint64_t
PcscfCounters::GetSaSetFailures() const
{
    return m_saSetFailures;
}

void
PcscfCounters::CountSaSetDeleted(PcscfSaSetEnd why)
{
    auto i = static_cast<size_t>(why);
    if (i < m_saSetsDeleted.size())
    {
        m_saSetsDeleted[i]++;
    }
}

void
PcscfCounters::CountReject(PcscfRejectCause cause, uint16_t statusCode)
{
    auto i = static_cast<size_t>(cause);
    if (i < m_rejects.size())
    {
        m_rejects[i]++;
    }
    m_responses[statusCode]++;
}

void
PcscfCounters::CountDrop(PcscfDropCause cause)
{
    auto i = static_cast<size_t>(cause);
    if (i < m_drops.size())
    {
        m_drops[i]++;
    }
}

uint64_t
PcscfCounters::GetSaSetsCreated() const
{
    return m_saSetsCreated;
}

uint64_t
PcscfCounters::GetSaSetsDeleted() const
{
    uint64_t n = 0;
    for (uint64_t v : m_saSetsDeleted)
    {
        n += v;
    }
    return n;
}

uint64_t
PcscfCounters::GetSaSetsDeleted(PcscfSaSetEnd why) const
{
    auto i = static_cast<size_t>(why);
    return i < m_saSetsDeleted.size() ? m_saSetsDeleted[i] : 0;
}

uint64_t
PcscfCounters::GetRejects(PcscfRejectCause cause) const
{
    auto i = static_cast<size_t>(cause);
    return i < m_rejects.size() ? m_rejects[i] : 0;
}

uint64_t
PcscfCounters::GetResponsesSent(uint16_t statusCode) const
{
    auto it = m_responses.find(statusCode);
    return it == m_responses.end() ? 0 : it->second;
}

uint64_t
PcscfCounters::GetDrops(PcscfDropCause cause) const
{
    auto i = static_cast<size_t>(cause);
    return i < m_drops.size() ? m_drops[i] : 0;
}

uint64_t
PcscfCounters::GetTotalDrops() const
{
    uint64_t n = 0;
    for (uint64_t v : m_drops)
    {
        n += v;
    }
    return n;
}

std::string
PcscfCounters::GetName(PcscfRejectCause cause)
{
    switch (cause)
    {
    case PcscfRejectCause::EXTENSION_REQUIRED:
        return "extension-required";
    case PcscfRejectCause::SEC_AGREE_REQUIRED:
        return "sec-agree-required";
    case PcscfRejectCause::BIDDING_DOWN:
        return "bidding-down";
    case PcscfRejectCause::NOT_FIRST_HOP:
        return "not-first-hop";
    case PcscfRejectCause::BAD_SEC_AGREE_HEADER:
        return "bad-sec-agree-header";
    case PcscfRejectCause::NO_IDENTITY:
        return "no-identity";
    case PcscfRejectCause::WRONG_SA:
        return "wrong-sa";
    case PcscfRejectCause::IDENTITY_MISMATCH:
        return "identity-mismatch";
    case PcscfRejectCause::TOO_MANY_HOPS:
        return "too-many-hops";
    case PcscfRejectCause::LOOP_DETECTED:
        return "loop-detected";
    case PcscfRejectCause::NO_SA_TO_UE:
        return "no-sa-to-ue";
    case PcscfRejectCause::REJECT_CAUSE_COUNT:
        break;
    }
    return "unknown";
}

std::string
PcscfCounters::GetName(PcscfDropCause cause)
{
    switch (cause)
    {
    case PcscfDropCause::CLEAR_ON_PROTECTED_PORT:
        return "clear-on-protected-port";
    case PcscfDropCause::REQUEST_ON_CLIENT_PORT:
        return "request-on-client-port";
    case PcscfDropCause::RESPONSE_FROM_STRANGER:
        return "response-from-stranger";
    case PcscfDropCause::RESPONSE_NOT_OURS:
        return "response-not-ours";
    case PcscfDropCause::RESPONSE_UNROUTABLE:
        return "response-unroutable";
    case PcscfDropCause::RESPONSE_NO_SA:
        return "response-no-sa";
    case PcscfDropCause::ACK_NOT_FORWARDED:
        return "ack-not-forwarded";
    case PcscfDropCause::SEND_FAILED:
        return "send-failed";
    case PcscfDropCause::DROP_CAUSE_COUNT:
        break;
    }
    return "unknown";
}

std::string
PcscfCounters::GetName(PcscfSaSetEnd why)
{
    switch (why)
    {
    case PcscfSaSetEnd::REPLACED:
        return "replaced";
    case PcscfSaSetEnd::SUPERSEDED:
        return "superseded";
    case PcscfSaSetEnd::AUTH_FAILED:
        return "auth-failed";
    case PcscfSaSetEnd::DEREGISTERED:
        return "deregistered";
    case PcscfSaSetEnd::EXPIRED:
        return "expired";
    case PcscfSaSetEnd::STOPPED:
        return "stopped";
    case PcscfSaSetEnd::SA_SET_END_COUNT:
        break;
    }
    return "unknown";
}

std::ostream&
operator<<(std::ostream& os, PcscfRejectCause cause)
{
    return os << PcscfCounters::GetName(cause);
}

std::ostream&
operator<<(std::ostream& os, PcscfDropCause cause)
{
    return os << PcscfCounters::GetName(cause);
}

std::ostream&
operator<<(std::ostream& os, PcscfSaSetEnd why)
{
    return os << PcscfCounters::GetName(why);
}

} // namespace ns3
