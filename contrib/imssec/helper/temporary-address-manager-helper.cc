/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "temporary-address-manager-helper.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/nstime.h"
#include "ns3/uinteger.h"

namespace ns3
{

TemporaryAddressManagerHelper::TemporaryAddressManagerHelper()
{
    m_factory.SetTypeId(TemporaryAddressManager::GetTypeId());
}

void
TemporaryAddressManagerHelper::SetAttribute(std::string name, const AttributeValue& value)
{
    m_factory.Set(name, value);
}

void
TemporaryAddressManagerHelper::SetPreset(TemporaryAddressManager::Preset preset)
{
    TemporaryAddressManager::Constants c = TemporaryAddressManager::GetPresetConstants(preset);
    m_factory.Set("TempValidLifetime", TimeValue(c.validLifetime));
    m_factory.Set("TempPreferredLifetime", TimeValue(c.preferredLifetime));
    m_factory.Set("RegenAdvance", TimeValue(c.regenAdvance));
    m_factory.Set("MaxDesyncFactor", TimeValue(c.maxDesyncFactor));
    m_factory.Set("TempIdgenRetries", UintegerValue(c.idgenRetries));
    m_factory.Set("DesyncPerAddress", BooleanValue(c.desyncPerAddress));
}

void
TemporaryAddressManagerHelper::SetRotationInterval(Time interval)
{
    Ptr<TemporaryAddressManager> probe = m_factory.Create<TemporaryAddressManager>();
    TimeValue regen;
    TimeValue maxDesync;
    TimeValue valid;
    probe->GetAttribute("RegenAdvance", regen);
    probe->GetAttribute("MaxDesyncFactor", maxDesync);
    probe->GetAttribute("TempValidLifetime", valid);
    // RFC 8981 3.8: TEMP_PREFERRED_LIFETIME - DESYNC_FACTOR must exceed REGEN_ADVANCE.
    NS_ABORT_MSG_IF(interval <= regen.Get(),
                    "rotation interval " << interval.As(Time::S)
                                         << " too short: TEMP_PREFERRED_LIFETIME must exceed "
                                            "REGEN_ADVANCE (attribute RegenAdvance, "
                                         << regen.Get().As(Time::S) << ")");
    m_factory.Set("TempPreferredLifetime", TimeValue(interval));
    if (maxDesync.Get() >= interval - regen.Get())
    {
        NS_ABORT_MSG_IF(interval * 0.6 <= regen.Get(),
                        "rotation interval "
                            << interval.As(Time::S)
                            << " too short: TEMP_PREFERRED_LIFETIME - DESYNC_FACTOR must exceed "
                               "REGEN_ADVANCE (attribute RegenAdvance, "
                            << regen.Get().As(Time::S)
                            << "), and MAX_DESYNC_FACTOR (attribute MaxDesyncFactor) would be "
                               "0.4 x the interval: the interval must exceed "
                            << (regen.Get() / 0.6).As(Time::S));
        m_factory.Set("MaxDesyncFactor", TimeValue(interval * 0.4));
    }
    if (valid.Get() < interval)
    {
        m_factory.Set("TempValidLifetime", TimeValue(interval));
    }
}

Ptr<TemporaryAddressManager>
TemporaryAddressManagerHelper::Install(Ptr<Node> node, uint32_t interface) const
{
    NS_ABORT_MSG_IF(node->GetObject<TemporaryAddressManager>(),
                    "node " << node->GetId() << " already has a TemporaryAddressManager");
    Ptr<TemporaryAddressManager> manager = m_factory.Create<TemporaryAddressManager>();
    manager->SetAttribute("Interface", UintegerValue(interface));
    node->AggregateObject(manager);
    return manager;
}

void
TemporaryAddressManagerHelper::Install(NodeContainer nodes) const
{
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        Install(*it, 1);
    }
}

int64_t
TemporaryAddressManagerHelper::AssignStreams(NodeContainer nodes, int64_t stream)
{
    int64_t current = stream;
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        Ptr<TemporaryAddressManager> manager = (*it)->GetObject<TemporaryAddressManager>();
        if (manager)
        {
            current += manager->AssignStreams(current);
        }
    }
    return current - stream;
}

} // namespace ns3
