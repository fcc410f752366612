/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ims-ue-rotation-policy.h"

#include "ns3/ipsec-selector.h"

namespace ns3
{

ImsUeRotationPolicy::ImsUeRotationPolicy(Policy policy, CoveredAction action)
    : m_policy(policy),
      m_coveredAction(action)
{
}

void
ImsUeRotationPolicy::SetPolicy(Policy policy)
{
    m_policy = policy;
}

ImsUeRotationPolicy::Policy
ImsUeRotationPolicy::GetPolicy() const
{
    return m_policy;
}

void
ImsUeRotationPolicy::SetCoveredAction(CoveredAction action)
{
    m_coveredAction = action;
}

ImsUeRotationPolicy::CoveredAction
ImsUeRotationPolicy::GetCoveredAction() const
{
    return m_coveredAction;
}

ImsUeRotationPolicy::Action
ImsUeRotationPolicy::Decide(bool covered, bool busy) const
{
    if (covered)
    {
        return m_coveredAction == REFRESH_CONTACT ? CONTACT_REFRESH : SWITCH_SOURCE;
    }
    switch (m_policy)
    {
    case DROP_AND_REREGISTER:
        return REREGISTER;
    case DEFER_WHILE_BUSY:
        return busy ? DEFER : REREGISTER;
    case NO_ROTATION:
        return IGNORE;
    }
    return IGNORE;
}

bool
ImsUeRotationPolicy::Covers(Ipv6Address selectorAddress, uint8_t prefixLength, Ipv6Address address)
{
    // The same test the IPsec layer applies to the UE side of its selectors.
    return prefixLength <= 128 && IpsecSelector::SamePrefix(selectorAddress, address, prefixLength);
}

std::string
ImsUeRotationPolicy::GetName(Policy policy)
{
    switch (policy)
    {
    case DROP_AND_REREGISTER:
        return "drop-and-reregister";
    case DEFER_WHILE_BUSY:
        return "defer-while-busy";
    case NO_ROTATION:
        return "no-rotation";
    }
    return "?";
}

std::string
ImsUeRotationPolicy::GetName(CoveredAction action)
{
    switch (action)
    {
    case KEEP_CONTACT:
        return "keep-contact";
    case REFRESH_CONTACT:
        return "refresh-contact";
    }
    return "?";
}

std::string
ImsUeRotationPolicy::GetName(Action action)
{
    switch (action)
    {
    case IGNORE:
        return "ignore";
    case SWITCH_SOURCE:
        return "switch-source";
    case CONTACT_REFRESH:
        return "contact-refresh";
    case REREGISTER:
        return "reregister";
    case DEFER:
        return "defer";
    }
    return "?";
}

std::ostream&
operator<<(std::ostream& os, ImsUeRotationPolicy::Action action)
{
    return os << ImsUeRotationPolicy::GetName(action);
}

} // namespace ns3
