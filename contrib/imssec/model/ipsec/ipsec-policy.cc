/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-policy.h"

namespace ns3
{

IpsecPolicy::IpsecPolicy(const IpsecSelector& selector, IpsecDirection direction, Action action)
    : IpsecSelectorEntry(selector, direction),
      m_saSetHandle(0),
      m_action(action)
{
}

std::ostream&
operator<<(std::ostream& os, IpsecPolicy::Action action)
{
    switch (action)
    {
    case IpsecPolicy::Action::PROTECT:
        return os << "protect";
    case IpsecPolicy::Action::BYPASS:
        return os << "bypass";
    case IpsecPolicy::Action::DISCARD:
        return os << "discard";
    }
    return os << "unknown";
}

} // namespace ns3
