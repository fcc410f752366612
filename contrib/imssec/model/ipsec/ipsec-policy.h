/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_POLICY_H
#define IPSEC_POLICY_H

#include "ipsec-selector-entry.h"

#include <cstdint>
#include <ostream>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief One Security Policy Database entry (RFC 4301 4.4.1): traffic and what to do with it.
 */
class IpsecPolicy : public IpsecSelectorEntry
{
  public:
    /** What the policy requires for the traffic it covers. */
    enum class Action : uint8_t
    {
        PROTECT = 0, //!< the traffic must travel inside an SA
        BYPASS = 1,  //!< the traffic may travel in clear
        DISCARD = 2, //!< the traffic is dropped
    };

    /**
     * \param selector the traffic covered
     * \param direction inbound or outbound
     * \param action what to do with it
     */
    IpsecPolicy(const IpsecSelector& selector, IpsecDirection direction, Action action);

    /** \returns the action */
    Action GetAction() const
    {
        return m_action;
    }

    /** \returns the SA set the policy was installed with (0: none) */
    uint32_t GetSaSetHandle() const
    {
        return m_saSetHandle;
    }

    /**
     * \param handle the SA set the policy belongs to
     */
    void SetSaSetHandle(uint32_t handle)
    {
        m_saSetHandle = handle;
    }

  private:
    uint32_t m_saSetHandle; //!< owning SA set, 0 = none
    Action m_action;        //!< action
};

/**
 * \param os output stream
 * \param action a policy action
 * \returns the stream, with "protect", "bypass" or "discard" written
 */
std::ostream& operator<<(std::ostream& os, IpsecPolicy::Action action);

} // namespace ns3

#endif /* IPSEC_POLICY_H */
