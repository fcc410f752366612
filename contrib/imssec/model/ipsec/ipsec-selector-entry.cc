/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-selector-entry.h"

namespace ns3
{

std::ostream&
operator<<(std::ostream& os, IpsecDirection direction)
{
    return os << (direction == IpsecDirection::INBOUND ? "in" : "out");
}

IpsecSelectorEntry::IpsecSelectorEntry(const IpsecSelector& selector, IpsecDirection direction)
    : m_selector(selector),
      m_ordinal(0),
      m_direction(direction)
{
}

IpsecSelectorEntry::~IpsecSelectorEntry() = default;

bool
IpsecSelectorEntry::IsUsable() const
{
    return true;
}

} // namespace ns3
