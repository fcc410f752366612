/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ims-ue-address-usage.h"

namespace ns3
{

void
ImsUeAddressUsage::NoteUse(Ipv6Address address, Time now)
{
    // Most messages use the newest address: search from the back.
    for (auto it = m_open.rbegin(); it != m_open.rend(); ++it)
    {
        if (it->address == address)
        {
            it->lastUse = now;
            return;
        }
    }
    m_open.push_back(Record{address, now, now});
}

bool
ImsUeAddressUsage::Close(Ipv6Address address, Record* record)
{
    for (auto it = m_open.begin(); it != m_open.end(); ++it)
    {
        if (it->address == address)
        {
            *record = *it;
            m_open.erase(it);
            return true;
        }
    }
    return false;
}

std::vector<ImsUeAddressUsage::Record>
ImsUeAddressUsage::CloseAll()
{
    std::vector<Record> out;
    out.swap(m_open);
    return out;
}

const ImsUeAddressUsage::Record*
ImsUeAddressUsage::Find(Ipv6Address address) const
{
    for (const Record& r : m_open)
    {
        if (r.address == address)
        {
            return &r;
        }
    }
    return nullptr;
}

size_t
ImsUeAddressUsage::GetOpenCount() const
{
    return m_open.size();
}

} // namespace ns3
