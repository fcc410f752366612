/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-sad.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <vector>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecIpsecSad");

NS_OBJECT_ENSURE_REGISTERED(IpsecSad);

TypeId
IpsecSad::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::IpsecSad")
            .SetParent<Object>()
            .SetGroupName("Imssec")
            .AddConstructor<IpsecSad>()
            .AddAttribute("ExpiredHoldTime",
                          "How long an expired SA stays in the SAD so that packets still "
                          "arriving on it count as 'expired SA' (s; default 30 s; 0: removed "
                          "at expiry).",
                          TimeValue(Seconds(30)),
                          MakeTimeAccessor(&IpsecSad::m_expiredHoldTime),
                          MakeTimeChecker(Seconds(0)))
            .AddTraceSource("SaCount",
                            "Number of live (mature) SAs: the SAD size.",
                            MakeTraceSourceAccessor(&IpsecSad::m_size),
                            "ns3::TracedValueCallback::Uint32")
            .AddTraceSource("SaAdded",
                            "An SA was added.",
                            MakeTraceSourceAccessor(&IpsecSad::m_addedTrace),
                            "ns3::IpsecSad::SaTracedCallback")
            .AddTraceSource("SaExpired",
                            "An SA reached the end of its lifetime.",
                            MakeTraceSourceAccessor(&IpsecSad::m_expiredTrace),
                            "ns3::IpsecSad::SaTracedCallback")
            .AddTraceSource("SaRemoved",
                            "An SA left the SAD (deleted, or expired and held long enough).",
                            MakeTraceSourceAccessor(&IpsecSad::m_removedTrace),
                            "ns3::IpsecSad::SaRemovedTracedCallback");
    return tid;
}

IpsecSad::IpsecSad()
    : m_size(0),
      m_held(0),
      m_created(0),
      m_deleted(0),
      m_expired(0)
{
    NS_LOG_FUNCTION(this);
}

IpsecSad::~IpsecSad()
{
    NS_LOG_FUNCTION(this);
}

void
IpsecSad::DoDispose()
{
    NS_LOG_FUNCTION(this);
    Clear();
    Object::DoDispose();
}

bool
IpsecSad::Add(Ptr<IpsecSa> sa)
{
    NS_LOG_FUNCTION(this << sa);
    NS_ABORT_MSG_IF(!sa, "IpsecSad::Add with a null SA");
    if (sa->m_state != IpsecSa::State::LARVAL)
    {
        NS_LOG_WARN("SA 0x" << std::hex << sa->GetSpi() << " is not new");
        return false;
    }
    if (sa->GetSpi() < 256)
    {
        NS_LOG_WARN("SPI " << sa->GetSpi() << " is reserved (RFC 4303)");
        return false;
    }
    if (sa->GetDirection() == IpsecDirection::INBOUND)
    {
        // The receiver chose the SPI: two inbound SAs with one SPI must not cover one
        // destination, or a packet could not tell them apart.
        const IpsecSelector& sel = sa->GetSelector();
        std::vector<Ptr<IpsecSa>> expiredInTheWay;
        auto range = m_inbound.equal_range(sa->GetSpi());
        for (auto it = range.first; it != range.second; ++it)
        {
            const IpsecSelector& other = it->second->GetSelector();
            uint8_t len =
                std::min(sel.GetDestinationPrefixLength(), other.GetDestinationPrefixLength());
            if (IpsecSelector::SamePrefix(sel.GetDestination(), other.GetDestination(), len))
            {
                if (it->second->m_state != IpsecSa::State::EXPIRED)
                {
                    NS_LOG_WARN("inbound SPI 0x" << std::hex << sa->GetSpi()
                                                 << " already in use for " << other);
                    return false;
                }
                expiredInTheWay.push_back(it->second);
            }
        }
        for (auto& old : expiredInTheWay)
        {
            Finalize(old, true);
        }
        m_inbound.emplace(sa->GetSpi(), sa);
    }
    else
    {
        m_outbound.Insert(sa);
    }
    sa->m_state = IpsecSa::State::MATURE;
    ++m_created;
    ++m_held;
    m_size = m_size + 1;
    if (sa->GetLifetime().IsStrictlyPositive())
    {
        sa->m_expiryTime = Simulator::Now() + sa->GetLifetime();
        sa->m_expiryEvent =
            Simulator::Schedule(sa->GetLifetime(), &IpsecSad::ExpiryEvent, this, sa);
    }
    else
    {
        sa->m_expiryTime = Time::Max();
    }
    NS_LOG_INFO("added " << sa->GetDirection() << " SA 0x" << std::hex << sa->GetSpi() << std::dec
                         << " " << sa->GetSelector() << " expires "
                         << sa->m_expiryTime.As(Time::S));
    m_addedTrace(sa);
    return true;
}

bool
IpsecSad::Unindex(const Ptr<IpsecSa>& sa)
{
    if (sa->GetDirection() == IpsecDirection::INBOUND)
    {
        auto range = m_inbound.equal_range(sa->GetSpi());
        for (auto it = range.first; it != range.second; ++it)
        {
            if (it->second == sa)
            {
                m_inbound.erase(it);
                return true;
            }
        }
        return false;
    }
    return m_outbound.Remove(sa);
}

bool
IpsecSad::Finalize(Ptr<IpsecSa> sa, bool expired)
{
    NS_LOG_FUNCTION(this << sa << expired);
    if (!Unindex(sa))
    {
        return false; // another SAD's SA
    }
    // Remove, not Cancel: a cancelled event keeps its Ptr<IpsecSa> in the scheduler until
    // its time, so every SA replaced before its lifetime ran out stayed in memory that long.
    // (From within the expiry event itself, Remove does nothing.)
    Simulator::Remove(sa->m_expiryEvent);
    // The event holds a Ptr to the SA and the SA the event: break the cycle, or the dead SA
    // is never freed.
    sa->m_expiryEvent = EventId();
    --m_held;
    if (sa->m_state == IpsecSa::State::MATURE)
    {
        m_size = m_size - 1;
        ++m_deleted;
    }
    sa->m_state = IpsecSa::State::DEAD;
    m_removedTrace(sa, expired);
    return true;
}

bool
IpsecSad::Remove(Ptr<IpsecSa> sa)
{
    NS_LOG_FUNCTION(this << sa);
    if (!sa)
    {
        return false;
    }
    IpsecSa::State state = sa->m_state;
    if (state != IpsecSa::State::MATURE && state != IpsecSa::State::EXPIRED)
    {
        return false;
    }
    if (!Finalize(sa, state == IpsecSa::State::EXPIRED))
    {
        return false;
    }
    NS_LOG_INFO("deleted SA 0x" << std::hex << sa->GetSpi());
    return true;
}

void
IpsecSad::ExpiryEvent(Ptr<IpsecSa> sa)
{
    NS_LOG_FUNCTION(this << sa);
    if (sa->m_state == IpsecSa::State::EXPIRED)
    {
        Finalize(sa, true); // end of the hold time
        return;
    }
    if (sa->m_state != IpsecSa::State::MATURE)
    {
        return;
    }
    Time now = Simulator::Now();
    if (now < sa->m_expiryTime)
    {
        // The lifetime was extended after this event was scheduled: extending only moves
        // the expiry time, so refreshes leave no cancelled events behind in the scheduler.
        sa->m_expiryEvent =
            Simulator::Schedule(sa->m_expiryTime - now, &IpsecSad::ExpiryEvent, this, sa);
        return;
    }
    sa->m_state = IpsecSa::State::EXPIRED;
    m_size = m_size - 1;
    ++m_expired;
    NS_LOG_INFO("SA 0x" << std::hex << sa->GetSpi() << " expired");
    m_expiredTrace(sa);
    if (sa->m_state != IpsecSa::State::EXPIRED)
    {
        return; // a trace sink removed it
    }
    if (m_expiredHoldTime.IsStrictlyPositive())
    {
        sa->m_expiryEvent =
            Simulator::Schedule(m_expiredHoldTime, &IpsecSad::ExpiryEvent, this, sa);
    }
    else
    {
        Finalize(sa, true);
    }
}

bool
IpsecSad::SetLifetime(Ptr<IpsecSa> sa, Time lifetime)
{
    NS_LOG_FUNCTION(this << sa << lifetime);
    if (!sa || sa->m_state != IpsecSa::State::MATURE)
    {
        return false;
    }
    sa->m_lifetime = lifetime;
    if (!lifetime.IsStrictlyPositive())
    {
        Simulator::Remove(sa->m_expiryEvent);
        sa->m_expiryTime = Time::Max();
        return true;
    }
    Time now = Simulator::Now();
    Time expiry = now + lifetime;
    sa->m_expiryTime = expiry;
    if (sa->m_expiryEvent.IsRunning() && now + Simulator::GetDelayLeft(sa->m_expiryEvent) <= expiry)
    {
        return true; // the pending event fires first and reschedules itself
    }
    Simulator::Remove(sa->m_expiryEvent);
    sa->m_expiryEvent = Simulator::Schedule(lifetime, &IpsecSad::ExpiryEvent, this, sa);
    return true;
}

Ptr<IpsecSa>
IpsecSad::LookupInbound(uint32_t spi, const Ipv6Address& destination) const
{
    Ptr<IpsecSa> fallback;
    auto range = m_inbound.equal_range(spi);
    for (auto it = range.first; it != range.second; ++it)
    {
        if (it->second->GetSelector().CoversDestination(destination))
        {
            if (it->second->IsUsable())
            {
                return it->second;
            }
            fallback = it->second;
        }
    }
    return fallback;
}

bool
IpsecSad::HasInboundSpi(uint32_t spi) const
{
    return m_inbound.find(spi) != m_inbound.end();
}

Ptr<IpsecSa>
IpsecSad::LookupOutbound(const Ipv6Address& source,
                         const Ipv6Address& destination,
                         uint16_t sourcePort,
                         uint16_t destinationPort,
                         uint8_t protocol) const
{
    // The outbound index holds only IpsecSa objects (Add is the only way in).
    return StaticCast<IpsecSa>(
        m_outbound.Lookup(source, destination, sourcePort, destinationPort, protocol));
}

uint32_t
IpsecSad::GetSize() const
{
    return m_size;
}

uint32_t
IpsecSad::GetHeldCount() const
{
    return m_held;
}

uint64_t
IpsecSad::GetCreatedCount() const
{
    return m_created;
}

uint64_t
IpsecSad::GetDeletedCount() const
{
    return m_deleted;
}

uint64_t
IpsecSad::GetExpiredCount() const
{
    return m_expired;
}

uint32_t
IpsecSad::GetOutboundShapeCount() const
{
    return m_outbound.GetShapeCount();
}

void
IpsecSad::Clear()
{
    NS_LOG_FUNCTION(this);
    std::vector<Ptr<IpsecSa>> all;
    for (auto& [spi, sa] : m_inbound)
    {
        all.push_back(sa);
    }
    for (auto& entry : m_outbound.GetEntries())
    {
        all.push_back(StaticCast<IpsecSa>(entry));
    }
    for (auto& sa : all)
    {
        Remove(sa); // cancels its expiry event
    }
}

} // namespace ns3
