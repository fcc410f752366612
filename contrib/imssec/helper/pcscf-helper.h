/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef PCSCF_HELPER_H
#define PCSCF_HELPER_H

#include "ns3/application-container.h"
#include "ns3/ipv6-address.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"
#include "ns3/pcscf.h"

#include <cstdint>
#include <string>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief Installs a P-CSCF (ns3::Pcscf) on nodes that have an IPv6 stack; installs the
 * IPsec layer (IpsecHelper) on a node that has none yet.
 *
 * \code
 *   PcscfHelper pcscf(scscfAddress);
 *   pcscf.SetAttribute("AddrPrefLengthPolicy", EnumValue(int(AddrPrefLengthPolicy::CLAMP)));
 *   pcscf.SetAttribute("MinAddrPrefLength", UintegerValue(64));
 *   ApplicationContainer apps = pcscf.Install(pcscfNode);
 *   apps.Start(Seconds(0));
 *   Ptr<Pcscf> p = PcscfHelper::GetPcscf(pcscfNode);
 * \endcode
 */
class PcscfHelper
{
  public:
    PcscfHelper();

    /**
     * \param scscfAddress the S-CSCF's address (attribute ScscfAddress)
     */
    explicit PcscfHelper(Ipv6Address scscfAddress);

    /**
     * \param name an attribute of ns3::Pcscf
     * \param value its value
     */
    void SetAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \param node a node with an IPv6 stack
     * \returns the container with the new Pcscf
     */
    ApplicationContainer Install(Ptr<Node> node) const;

    /**
     * \param nodes nodes with an IPv6 stack
     * \returns the container with one new Pcscf per node
     */
    ApplicationContainer Install(NodeContainer nodes) const;

    /**
     * \param node a node
     * \returns its first Pcscf application, nullptr when none
     */
    static Ptr<Pcscf> GetPcscf(Ptr<Node> node);

    /**
     * \brief Assigns fixed random streams to the P-CSCFs' SPI generators.
     * \param apps applications (Pcscf ones are used, others ignored)
     * \param stream first stream index
     * \returns the number of streams used
     */
    static int64_t AssignStreams(ApplicationContainer apps, int64_t stream);

  private:
    /**
     * \param node a node
     * \returns the new application
     */
    Ptr<Application> InstallPriv(Ptr<Node> node) const;

    ObjectFactory m_factory; //!< creates Pcscf objects
};

} // namespace ns3

#endif /* PCSCF_HELPER_H */
