/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "scscf-registrar.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecScscfRegistrar");

ScscfRegistrar::ScscfRegistrar()
    : m_timerAt(Time::Max())
{
    NS_LOG_FUNCTION(this);
    // Slot 0 is the empty Path, never released.
    m_paths.push_back(PathEntry{"", 1});
    m_pathIndex.emplace("", 0);
}

ScscfRegistrar::~ScscfRegistrar()
{
    NS_LOG_FUNCTION(this);
    m_timer.Cancel();
}

void
ScscfRegistrar::SetExpiryCallback(ExpiryCallback callback)
{
    m_expiryCallback = callback;
}

uint32_t
ScscfRegistrar::AcquirePath(const std::string& value)
{
    auto it = m_pathIndex.find(value);
    if (it != m_pathIndex.end())
    {
        m_paths[it->second].users++;
        return it->second;
    }
    uint32_t index;
    if (!m_freePaths.empty())
    {
        index = m_freePaths.back();
        m_freePaths.pop_back();
        m_paths[index] = PathEntry{value, 1};
    }
    else
    {
        index = static_cast<uint32_t>(m_paths.size());
        m_paths.push_back(PathEntry{value, 1});
    }
    m_pathIndex.emplace(value, index);
    return index;
}

void
ScscfRegistrar::ReleasePath(uint32_t index)
{
    if (index == 0 || index >= m_paths.size() || m_paths[index].users == 0)
    {
        return;
    }
    if (--m_paths[index].users == 0)
    {
        m_pathIndex.erase(m_paths[index].value);
        m_paths[index].value = std::string();
        m_freePaths.push_back(index);
    }
}

bool
ScscfRegistrar::Update(const std::string& impi,
                       const std::string& contact,
                       const std::string& path,
                       const std::string& callId,
                       uint32_t cseq,
                       Time expiresAt)
{
    NS_LOG_FUNCTION(this << impi << contact << expiresAt);
    auto [it, created] = m_bindings.try_emplace(impi);
    Binding& b = it->second;
    const std::string* key = &it->first;
    uint32_t newPath = AcquirePath(path);
    if (!created)
    {
        m_expiry.erase(ExpiryKey(b.expiresAt, key));
        ReleasePath(b.path);
    }
    b.contact = contact;
    b.callId = callId;
    b.cseq = cseq;
    b.path = newPath;
    b.expiresAt = expiresAt;
    m_expiry.emplace(expiresAt, key);
    Reschedule();
    return !created;
}

const ScscfRegistrar::Binding*
ScscfRegistrar::Find(const std::string& impi) const
{
    auto it = m_bindings.find(impi);
    return it == m_bindings.end() ? nullptr : &it->second;
}

bool
ScscfRegistrar::Remove(const std::string& impi)
{
    NS_LOG_FUNCTION(this << impi);
    auto it = m_bindings.find(impi);
    if (it == m_bindings.end())
    {
        return false;
    }
    m_expiry.erase(ExpiryKey(it->second.expiresAt, &it->first));
    ReleasePath(it->second.path);
    m_bindings.erase(it);
    Reschedule();
    return true;
}

void
ScscfRegistrar::Clear()
{
    NS_LOG_FUNCTION(this);
    m_timer.Cancel();
    m_timerAt = Time::Max();
    m_expiry.clear();
    m_bindings.clear();
    m_paths.resize(1);
    m_pathIndex.clear();
    m_pathIndex.emplace("", 0);
    m_freePaths.clear();
}

uint32_t
ScscfRegistrar::GetSize() const
{
    return static_cast<uint32_t>(m_bindings.size());
}

const std::string&
ScscfRegistrar::GetPath(const Binding& binding) const
{
    return binding.path < m_paths.size() ? m_paths[binding.path].value : m_paths[0].value;
}

uint32_t
ScscfRegistrar::GetPathCount() const
{
    return static_cast<uint32_t>(m_pathIndex.size() - 1);
}

Time
ScscfRegistrar::GetNextExpiry() const
{
    return m_expiry.empty() ? Time::Max() : m_expiry.begin()->first;
}

void
ScscfRegistrar::Reschedule()
{
    Time next = GetNextExpiry();
    if (next == m_timerAt && m_timer.IsRunning())
    {
        return;
    }
    m_timer.Cancel();
    m_timerAt = next;
    if (next != Time::Max())
    {
        Time delay = next > Simulator::Now() ? next - Simulator::Now() : Time(0);
        m_timer = Simulator::Schedule(delay, &ScscfRegistrar::Expire, this);
    }
}

void
ScscfRegistrar::Expire()
{
    NS_LOG_FUNCTION(this);
    m_timerAt = Time::Max();
    Time now = Simulator::Now();
    while (!m_expiry.empty() && m_expiry.begin()->first <= now)
    {
        const std::string* key = m_expiry.begin()->second;
        m_expiry.erase(m_expiry.begin());
        auto it = m_bindings.find(*key);
        NS_ABORT_MSG_IF(it == m_bindings.end(), "ScscfRegistrar: expiry index out of step");
        NS_LOG_INFO("binding of " << it->first << " expired");
        // Removed before the report, so the callback may change the registrar.
        std::string impi = it->first;
        Binding binding = std::move(it->second);
        m_bindings.erase(it);
        if (!m_expiryCallback.IsNull())
        {
            m_expiryCallback(impi, binding);
        }
        ReleasePath(binding.path);
    }
    Reschedule();
}

} // namespace ns3
