/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "pcscf-registration-table.h"

namespace ns3
{

PcscfRegistration*
PcscfRegistrationTable::Find(std::string_view impi)
{
    auto it = m_byImpi.find(std::string(impi));
    return it == m_byImpi.end() ? nullptr : &it->second;
}

const PcscfRegistration*
PcscfRegistrationTable::Find(std::string_view impi) const
{
    auto it = m_byImpi.find(std::string(impi));
    return it == m_byImpi.end() ? nullptr : &it->second;
}

PcscfRegistration&
PcscfRegistrationTable::GetOrCreate(const std::string& impi, bool* created)
{
    auto [it, inserted] = m_byImpi.try_emplace(impi);
    if (inserted)
    {
        it->second.impi = impi;
    }
    if (created)
    {
        *created = inserted;
    }
    return it->second;
}

PcscfRegistration*
PcscfRegistrationTable::FindByCallId(std::string_view callId)
{
    auto it = m_byCallId.find(std::string(callId));
    return it == m_byCallId.end() ? nullptr : it->second;
}

PcscfRegistration*
PcscfRegistrationTable::FindBySaSet(uint32_t handle)
{
    auto it = m_bySaSet.find(handle);
    return it == m_bySaSet.end() ? nullptr : it->second;
}

void
PcscfRegistrationTable::ReleaseCallId(const std::string& callId, const PcscfRegistration& r)
{
    if (callId.empty() || callId == r.callId || (r.offer && r.offer->callId == callId))
    {
        return; // still in use by this registration
    }
    auto it = m_byCallId.find(callId);
    if (it != m_byCallId.end() && it->second == &r)
    {
        m_byCallId.erase(it);
    }
}

void
PcscfRegistrationTable::SetCallId(PcscfRegistration& r, const std::string& callId)
{
    std::string old = r.callId;
    r.callId = callId;
    if (!callId.empty())
    {
        // A Call-ID names one registration: a newer one taking it over wins.
        m_byCallId[callId] = &r;
    }
    ReleaseCallId(old, r);
}

void
PcscfRegistrationTable::SetOffer(PcscfRegistration& r,
                                 std::unique_ptr<PcscfRegistration::Offer> offer)
{
    std::string old = r.offer ? r.offer->callId : std::string();
    r.offer = std::move(offer);
    if (r.offer)
    {
        if (!r.offer->callId.empty())
        {
            m_byCallId[r.offer->callId] = &r;
        }
        m_offers.push_back(QueuedOffer{r.offer->received, r.impi});
    }
    ReleaseCallId(old, r);
}

void
PcscfRegistrationTable::ClearOffer(PcscfRegistration& r)
{
    if (!r.offer)
    {
        return;
    }
    std::string old = r.offer->callId;
    r.offer.reset();
    ReleaseCallId(old, r);
}

void
PcscfRegistrationTable::BindSaSet(PcscfRegistration& r, uint32_t handle)
{
    if (handle != 0)
    {
        m_bySaSet[handle] = &r;
    }
}

void
PcscfRegistrationTable::UnbindSaSet(uint32_t handle)
{
    m_bySaSet.erase(handle);
}

void
PcscfRegistrationTable::Remove(PcscfRegistration& r)
{
    for (uint32_t h : {r.currentSet, r.pendingSet})
    {
        auto it = m_bySaSet.find(h);
        if (it != m_bySaSet.end() && it->second == &r)
        {
            m_bySaSet.erase(it);
        }
    }
    std::string offerCallId = r.offer ? r.offer->callId : std::string();
    for (const std::string* id : {&r.callId, &offerCallId})
    {
        auto it = m_byCallId.find(*id);
        if (it != m_byCallId.end() && it->second == &r)
        {
            m_byCallId.erase(it);
        }
    }
    // Queued offers name the IMPI only; PopStaleOffers' caller skips unknown ones.
    std::string key = r.impi; // r is destroyed by the erase
    m_byImpi.erase(key);
}

std::vector<std::string>
PcscfRegistrationTable::PopStaleOffers(Time cutoff)
{
    std::vector<std::string> out;
    while (!m_offers.empty() && m_offers.front().received <= cutoff)
    {
        out.push_back(std::move(m_offers.front().impi));
        m_offers.pop_front();
    }
    return out;
}

size_t
PcscfRegistrationTable::GetSize() const
{
    return m_byImpi.size();
}

size_t
PcscfRegistrationTable::GetRegisteredCount() const
{
    size_t n = 0;
    for (const auto& [impi, r] : m_byImpi)
    {
        n += r.IsRegistered() ? 1 : 0;
    }
    return n;
}

size_t
PcscfRegistrationTable::GetCallIdCount() const
{
    return m_byCallId.size();
}

size_t
PcscfRegistrationTable::GetSaSetCount() const
{
    return m_bySaSet.size();
}

bool
PcscfRegistrationTable::GetOldestQueuedOffer(Time* received) const
{
    if (m_offers.empty())
    {
        return false;
    }
    *received = m_offers.front().received;
    return true;
}

size_t
PcscfRegistrationTable::GetQueuedOfferCount() const
{
    return m_offers.size();
}

void
PcscfRegistrationTable::ForEach(const std::function<void(PcscfRegistration&)>& f)
{
    for (auto& [impi, r] : m_byImpi)
    {
        f(r);
    }
}

void
PcscfRegistrationTable::Clear()
{
    m_byCallId.clear();
    m_bySaSet.clear();
    m_offers.clear();
    m_byImpi.clear();
}

void
PcscfRegistrationTable::Reserve(size_t n)
{
    m_byImpi.reserve(n);
    m_byCallId.reserve(n);
    m_bySaSet.reserve(2 * n);
}

} // namespace ns3
