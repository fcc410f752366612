/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IMS_UE_ROTATION_POLICY_H
#define IMS_UE_ROTATION_POLICY_H

#include "ns3/ipv6-address.h"

#include <cstdint>
#include <ostream>
#include <string>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief What a registered UE does when its TemporaryAddressManager offers a new preferred
 * address (model chapter, "Address rotation: /128 against /64"): a pure decision on the
 * UE's policy attributes, whether its SA set covers the new address and whether a session
 * is in progress.
 *
 * | covered | policy / action       | busy | decision                               |
 * |---------|-----------------------|------|----------------------------------------|
 * | yes     | keep-contact          | any  | SWITCH_SOURCE (nothing sent)           |
 * | yes     | refresh-contact       | any  | CONTACT_REFRESH (protected re-REGISTER)|
 * | no      | drop-and-reregister   | any  | REREGISTER (sessions released)         |
 * | no      | defer-while-busy      | no   | REREGISTER                             |
 * | no      | defer-while-busy      | yes  | DEFER (old address kept)               |
 * | no      | no-rotation           | any  | IGNORE                                 |
 */
class ImsUeRotationPolicy
{
  public:
    /** The UE's reaction when its SAs do not cover the new address (attribute). */
    enum Policy : uint8_t
    {
        DROP_AND_REREGISTER = 0, //!< release sessions, delete SAs, register from the new address
        DEFER_WHILE_BUSY = 1,    //!< keep the old address while a session is in progress
        NO_ROTATION = 2,         //!< never switch (baseline)
    };

    /** The UE's reaction when its SAs cover the new address (attribute). */
    enum CoveredAction : uint8_t
    {
        KEEP_CONTACT = 0,    //!< send nothing; the Contact moves at the next refresh
        REFRESH_CONTACT = 1, //!< protected re-REGISTER with the new Contact now
    };

    /** The decision. */
    enum Action : uint8_t
    {
        IGNORE = 0,      //!< keep using the current address
        SWITCH_SOURCE,   //!< use the new address for new communication, nothing sent
        CONTACT_REFRESH, //!< switch and re-REGISTER through the SAs (cause contact-refresh)
        REREGISTER,      //!< release sessions and SAs, initial REGISTER (cause address-change)
        DEFER,           //!< keep the old address until no session is in progress
    };

    /**
     * \param policy reaction when not covered
     * \param action reaction when covered
     */
    ImsUeRotationPolicy(Policy policy = DROP_AND_REREGISTER, CoveredAction action = KEEP_CONTACT);

    /** \param policy reaction when not covered */
    void SetPolicy(Policy policy);
    /** \returns reaction when not covered */
    Policy GetPolicy() const;
    /** \param action reaction when covered */
    void SetCoveredAction(CoveredAction action);
    /** \returns reaction when covered */
    CoveredAction GetCoveredAction() const;

    /**
     * \param covered the UE's SA set covers the new address
     * \param busy a session is in progress (established or being set up)
     * \returns what to do
     */
    Action Decide(bool covered, bool busy) const;

    /**
     * \brief The coverage test: the UE side of the SA set's selectors
     * (selectorAddress/prefixLength) contains the address.
     * \param selectorAddress the UE address the SA set was installed for
     * \param prefixLength its selector prefix length (0..128)
     * \param address a new address
     * \returns true when covered
     */
    static bool Covers(Ipv6Address selectorAddress, uint8_t prefixLength, Ipv6Address address);

    /** \param policy a policy \returns its attribute spelling */
    static std::string GetName(Policy policy);
    /** \param action a covered action \returns its attribute spelling */
    static std::string GetName(CoveredAction action);
    /** \param action a decision \returns its name, e.g. "contact-refresh" */
    static std::string GetName(Action action);

  private:
    Policy m_policy;               //!< when not covered
    CoveredAction m_coveredAction; //!< when covered
};

/**
 * \param os output stream
 * \param action a decision
 * \returns the stream, with its name written
 */
std::ostream& operator<<(std::ostream& os, ImsUeRotationPolicy::Action action);

} // namespace ns3

#endif /* IMS_UE_ROTATION_POLICY_H */
