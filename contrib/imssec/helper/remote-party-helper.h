/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef REMOTE_PARTY_HELPER_H
#define REMOTE_PARTY_HELPER_H

#include "ns3/application-container.h"
#include "ns3/ipv6-address.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"
#include "ns3/remote-party.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief Installs the RemoteParty application (the far end of the IMS sessions).
 *
 * \code
 *   RemotePartyHelper remote(scscfAddress);
 *   remote.SetTargetUes(1000);                      // sip:ue1..1000@ims.example
 *   remote.SetAttribute("TerminatingSessionRate", DoubleValue(2.0));   // per UE per hour
 *   ApplicationContainer apps = remote.Install(remoteNode);
 * \endcode
 */
class RemotePartyHelper
{
  public:
    RemotePartyHelper();

    /**
     * \param scscf the S-CSCF address (attribute ScscfAddress)
     * \param port its port
     */
    explicit RemotePartyHelper(Ipv6Address scscf, uint16_t port = 5060);

    /**
     * \param name an attribute of ns3::RemoteParty
     * \param value its value
     */
    void SetAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \param targets the public identities the sessions originated there call
     */
    void SetTargets(const std::vector<std::string>& targets);

    /**
     * \brief Targets sip:ue1@domain .. sip:ue<n>@domain (the simulated subscribers).
     * \param n number of UEs
     * \param domain home domain
     */
    void SetTargetUes(uint32_t n, const std::string& domain = "ims.example");

    /**
     * \param node a node with an IPv6 stack
     * \returns the application
     */
    ApplicationContainer Install(Ptr<Node> node) const;

    /**
     * \param nodes nodes with an IPv6 stack
     * \returns the applications
     */
    ApplicationContainer Install(NodeContainer nodes) const;

  private:
    ObjectFactory m_factory;            //!< creates RemoteParty applications
    std::vector<std::string> m_targets; //!< target identities
};

} // namespace ns3

#endif /* REMOTE_PARTY_HELPER_H */
