/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef SCSCF_HELPER_H
#define SCSCF_HELPER_H

#include "ns3/application-container.h"
#include "ns3/hss.h"
#include "ns3/ipv6-address.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"
#include "ns3/scscf.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief Creates the HSS object, provisions the simulated subscribers and installs the
 * S-CSCF application.
 *
 * Subscriber i (1..N) has the private identity `ue<i>@<domain>` and the public identity
 * `sip:ue<i>@<domain>` (the identities the UEs use); its K and OPc are derived from the IMPI by
 * Hss::AddSimulatedSubscriber, and a UE gets the same with Hss::GetSimulatedCredentials.
 *
 * \code
 *   ScscfHelper scscfHelper;
 *   scscfHelper.SetNumberOfSubscribers(1000);
 *   scscfHelper.SetAttribute("MaxExpires", UintegerValue(3600));
 *   scscfHelper.AddPeer("sip:remote@ims.example", remoteAddress);
 *   ApplicationContainer apps = scscfHelper.Install(scscfNode);
 *   Ptr<Hss> hss = scscfHelper.GetHss();
 * \endcode
 */
class ScscfHelper
{
  public:
    ScscfHelper();

    /**
     * \param name an attribute of ns3::Scscf
     * \param value its value
     */
    void SetAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \param name an attribute of ns3::Hss (KeySeed, OperatorVariant, ...); before the HSS
     *        is created (first Install or GetHss)
     * \param value its value
     */
    void SetHssAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \param domain the home domain of the identities and of the S-CSCF (HomeDomain);
     *        default ims.example
     */
    void SetHomeDomain(const std::string& domain);

    /**
     * \param n number of simulated subscribers provisioned when the HSS is created
     */
    void SetNumberOfSubscribers(uint32_t n);

    /**
     * \brief Routes a non-UE public identity (Scscf::AddPeer on every S-CSCF installed).
     * \param impu the identity, e.g. "sip:remote@ims.example"
     * \param address where its requests go
     * \param port the port there
     */
    void AddPeer(const std::string& impu, Ipv6Address address, uint16_t port = 5060);

    /**
     * \returns the HSS, created and provisioned on first use
     */
    Ptr<Hss> GetHss();

    /**
     * \param node a node with an IPv6 stack
     * \returns the S-CSCF application installed there
     */
    ApplicationContainer Install(Ptr<Node> node);

    /**
     * \param nodes nodes with an IPv6 stack (all S-CSCFs share the one HSS)
     * \returns the applications
     */
    ApplicationContainer Install(NodeContainer nodes);

    /**
     * \brief The naming of simulated subscribers, shared by every helper (ImsUeHelper gives
     * UE i this identity, RemotePartyHelper calls it).
     * \param i subscriber number (1..N)
     * \param domain home domain
     * \returns "ue<i>@<domain>"
     */
    static std::string GetImpi(uint32_t i, const std::string& domain = "ims.example");

    /**
     * \param i subscriber number (1..N)
     * \param domain home domain
     * \returns "sip:ue<i>@<domain>"
     */
    static std::string GetImpu(uint32_t i, const std::string& domain = "ims.example");

  private:
    /** A peer for AddPeer. */
    struct Peer
    {
        std::string impu;    //!< identity
        Ipv6Address address; //!< address
        uint16_t port;       //!< port
    };

    ObjectFactory m_scscfFactory; //!< creates Scscf applications
    ObjectFactory m_hssFactory;   //!< creates the Hss
    Ptr<Hss> m_hss;               //!< the HSS (after GetHss)
    std::string m_domain;         //!< home domain
    uint32_t m_subscribers;       //!< subscribers to provision
    std::vector<Peer> m_peers;    //!< peers
};

} // namespace ns3

#endif /* SCSCF_HELPER_H */
