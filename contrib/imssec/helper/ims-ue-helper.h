/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IMS_UE_HELPER_H
#define IMS_UE_HELPER_H

#include "ns3/application-container.h"
#include "ns3/ims-ue-client.h"
#include "ns3/ipv6-address.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"

#include <cstdint>
#include <string>

namespace ns3
{

class Hss;

/**
 * \ingroup imssec
 * \brief Installs ImsUeClient applications on UE nodes (built by ImsAccessHelper): UE i gets
 * IMPI `ue<i>@<domain>` and IMPU `sip:ue<i>@<domain>` (i counted from SetFirstIndex, 1 by
 * default, across Install calls), the K and OPc of that simulated subscriber from the HSS
 * (which it provisions unless told not to), and an IpsecStack when the node has none.
 */
class ImsUeHelper
{
  public:
    /**
     * \param pcscf the P-CSCF's address
     */
    explicit ImsUeHelper(Ipv6Address pcscf = Ipv6Address::GetAny());

    /**
     * \brief Sets an attribute of the clients to create (ns3::ImsUeClient).
     * \param name attribute name
     * \param value attribute value
     */
    void SetAttribute(std::string name, const AttributeValue& value);

    /** \param pcscf the P-CSCF's address */
    void SetPcscf(Ipv6Address pcscf);

    /** \param domain the home domain (identities and HomeDomain), default ims.example */
    void SetHomeDomain(const std::string& domain);

    /**
     * \param hss where the UEs' secrets come from
     * \param provision also provision each UE as a simulated subscriber with its IMPU
     */
    void SetHss(Ptr<Hss> hss, bool provision = true);

    /** \param index the number of the next UE installed (its identity ue<index>) */
    void SetFirstIndex(uint32_t index);

    /**
     * \param nodes UE nodes
     * \returns the clients
     */
    ApplicationContainer Install(NodeContainer nodes);

    /**
     * \param node a UE node
     * \returns its client
     */
    Ptr<ImsUeClient> Install(Ptr<Node> node);

    /**
     * \brief Assigns random streams to the clients on the nodes.
     * \param nodes UE nodes with clients
     * \param stream first stream index
     * \returns the number of streams used
     */
    static int64_t AssignStreams(NodeContainer nodes, int64_t stream);

    /**
     * \brief Assigns the streams of the clients' SPI and protected-port draws
     * (ImsUeClient::AssignSecurityStreams); call it after every other AssignStreams of a
     * scenario so that the streams assigned before keep their indices.
     * \param nodes UE nodes with clients
     * \param stream first stream index
     * \returns the number of streams used
     */
    static int64_t AssignSecurityStreams(NodeContainer nodes, int64_t stream);

    /**
     * \param node a node
     * \returns its first ImsUeClient, nullptr when none
     */
    static Ptr<ImsUeClient> GetClient(Ptr<Node> node);

  private:
    /**
     * \param nodes UE nodes with clients
     * \param stream first stream index
     * \param assign the client's method assigning its streams
     * \returns the number of streams used
     */
    static int64_t AssignEach(NodeContainer nodes,
                              int64_t stream,
                              int64_t (ImsUeClient::*assign)(int64_t));

    ObjectFactory m_factory; //!< ImsUeClient
    std::string m_domain;    //!< home domain
    Ptr<Hss> m_hss;          //!< secrets
    bool m_provision;        //!< provision the HSS
    uint32_t m_nextIndex;    //!< next UE number
};

} // namespace ns3

#endif /* IMS_UE_HELPER_H */
