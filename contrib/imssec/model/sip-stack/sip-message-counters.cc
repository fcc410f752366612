/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "sip-message-counters.h"

#include "ns3/sip-message.h"

namespace ns3
{

SipMessageCounters::Count&
SipMessageCounters::Count::operator+=(const Count& other)
{
    messages += other.messages;
    bytes += other.bytes;
    return *this;
}

SipMessageCounters::PerMethod&
SipMessageCounters::Slot(std::string_view method)
{
    auto it = m_methods.find(method);
    if (it != m_methods.end())
    {
        return it->second;
    }
    // Bounded: a flood of well-formed requests with invented methods must not grow this.
    if (m_methods.size() >= MAX_METHODS)
    {
        return m_methods["OTHER"];
    }
    return m_methods[std::string(method)];
}

void
SipMessageCounters::Record(const SipMessage& message, uint32_t bytes)
{
    if (message.IsRequest())
    {
        RecordRequest(message.GetMethod(), bytes);
        return;
    }
    auto cseq = message.GetCseq();
    RecordResponse(cseq ? std::string_view(cseq->GetMethod()) : std::string_view(),
                   message.GetStatusCode(),
                   bytes);
}

void
SipMessageCounters::RecordRequest(std::string_view method, uint32_t bytes)
{
    Count& c = Slot(method).requests;
    c.messages++;
    c.bytes += bytes;
    m_requests.messages++;
    m_requests.bytes += bytes;
}

void
SipMessageCounters::RecordResponse(std::string_view method, uint16_t statusCode, uint32_t bytes)
{
    uint8_t cls = static_cast<uint8_t>(statusCode / 100);
    if (cls < 1 || cls > 6)
    {
        cls = 6; // cannot happen for a parsed or factory-made response; keep it counted
    }
    Count& c = Slot(method.empty() ? std::string_view("UNKNOWN") : method).responses[cls];
    c.messages++;
    c.bytes += bytes;
    m_responses.messages++;
    m_responses.bytes += bytes;
}

SipMessageCounters::Count
SipMessageCounters::GetRequests(std::string_view method) const
{
    auto it = m_methods.find(method);
    return it == m_methods.end() ? Count() : it->second.requests;
}

SipMessageCounters::Count
SipMessageCounters::GetResponses(std::string_view method, uint8_t statusClass) const
{
    auto it = m_methods.find(method);
    if (it == m_methods.end() || statusClass < 1 || statusClass > 6)
    {
        return Count();
    }
    return it->second.responses[statusClass];
}

SipMessageCounters::Count
SipMessageCounters::GetResponses(std::string_view method) const
{
    Count total;
    for (uint8_t cls = 1; cls <= 6; ++cls)
    {
        total += GetResponses(method, cls);
    }
    return total;
}

SipMessageCounters::Count
SipMessageCounters::GetAllRequests() const
{
    return m_requests;
}

SipMessageCounters::Count
SipMessageCounters::GetAllResponses() const
{
    return m_responses;
}

SipMessageCounters::Count
SipMessageCounters::GetTotal() const
{
    Count total = m_requests;
    total += m_responses;
    return total;
}

std::vector<SipMessageCounters::Entry>
SipMessageCounters::GetEntries() const
{
    std::vector<Entry> out;
    for (const auto& [method, slot] : m_methods)
    {
        if (slot.requests.messages > 0)
        {
            out.push_back({false, method, 0, slot.requests});
        }
    }
    for (const auto& [method, slot] : m_methods)
    {
        for (uint8_t cls = 1; cls <= 6; ++cls)
        {
            if (slot.responses[cls].messages > 0)
            {
                out.push_back({true, method, cls, slot.responses[cls]});
            }
        }
    }
    return out;
}

void
SipMessageCounters::Reset()
{
    m_methods.clear();
    m_requests = Count();
    m_responses = Count();
}

} // namespace ns3
