/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IMS_ACCESS_HELPER_H
#define IMS_ACCESS_HELPER_H

#include "temporary-address-manager-helper.h"

#include "ns3/error-model.h"
#include "ns3/ggsn-application.h"
#include "ns3/ipv6-address.h"
#include "ns3/node-container.h"
#include "ns3/nstime.h"
#include "ns3/object-factory.h"
#include "ns3/point-to-point-helper.h"

#include <string>
#include <unordered_map>

namespace ns3
{

class Ipv6RoutingProtocol;

/**
 * \ingroup imssec
 * \brief Builds the IPv6 access network: one GGSN, N UEs each on its own point-to-point link,
 * and core nodes (P-CSCF, S-CSCF, ...) behind the GGSN.
 *
 * Install() gives the GGSN node an IPv6 stack with GgsnRoutingProtocol and a GgsnApplication,
 * and each UE a lean IPv6 stack (IPv6, ICMPv6, UDP, optionally TCP; Ipv6StaticRouting; no
 * IPv4, no queue discs), a point-to-point link to the GGSN (10 Mbps, 10 ms by default) and a
 * TemporaryAddressManager.  Everything is wired in O(1) per UE: none of ns-3's address
 * helpers (which check each new address against all earlier ones), no Ipv6StaticRouting on
 * the GGSN, and the UE links are GgsnApplication links behind one GgsnTunDevice rather than
 * IPv6 interfaces of the GGSN (whose per-packet cost in ns-3 grows with their number).
 *
 * AttachCoreNode() links a core node to the GGSN on its own /64 out of the core network
 * (3fff:f00::/24 by default: GGSN ::1, core node ::2), gives it a route to the UE pool (and a
 * default route) via the GGSN, and makes the first core node the GGSN's default route.
 * PDP contexts are activated and deactivated at chosen times with ActivatePdpContext().
 */
class ImsAccessHelper
{
  public:
    ImsAccessHelper();

    /**
     * \brief Sets an attribute of the GGSN's Ipv6PrefixPool.
     * \param name attribute name
     * \param value attribute value
     */
    void SetPoolAttribute(std::string name, const AttributeValue& value);

    /**
     * \brief Sets an attribute of the GgsnApplication.
     * \param name attribute name
     * \param value attribute value
     */
    void SetGgsnAttribute(std::string name, const AttributeValue& value);

    /**
     * \brief Sets an attribute of the GGSN's GgsnRoutingProtocol.
     * \param name attribute name
     * \param value attribute value
     */
    void SetGgsnRoutingAttribute(std::string name, const AttributeValue& value);

    /**
     * \brief Sets an attribute of the UE links' PointToPointNetDevices (e.g. DataRate).
     * \param name attribute name
     * \param value attribute value
     */
    void SetUeDeviceAttribute(std::string name, const AttributeValue& value);

    /**
     * \brief Sets an attribute of the UE links' PointToPointChannels (e.g. Delay).
     * \param name attribute name
     * \param value attribute value
     */
    void SetUeChannelAttribute(std::string name, const AttributeValue& value);

    /**
     * \brief Sets the packet loss probability of the UE links, both directions (one shared
     * RateErrorModel).
     * \param rate probability in [0, 1]; 0 (the default) installs no error model
     */
    void SetUeLinkLoss(double rate);

    /**
     * \brief Sets an attribute of the core links' PointToPointNetDevices.
     * \param name attribute name
     * \param value attribute value
     */
    void SetCoreDeviceAttribute(std::string name, const AttributeValue& value);

    /**
     * \brief Sets an attribute of the core links' PointToPointChannels.
     * \param name attribute name
     * \param value attribute value
     */
    void SetCoreChannelAttribute(std::string name, const AttributeValue& value);

    /**
     * \brief Sets the base of the core network: core link k gets base + k as its /64.
     * \param base a /64-aligned address; default 3fff:f00::
     */
    void SetCoreNetworkBase(Ipv6Address base);

    /**
     * \returns the helper that configures the UEs' TemporaryAddressManagers
     */
    TemporaryAddressManagerHelper& GetTemporaryAddressHelper();

    /**
     * \param tcp also install TCP on the UEs (default false: SIP runs over UDP)
     */
    void SetUeTcp(bool tcp);

    /**
     * \brief Builds the access network (may be called again with more UEs).
     * \param ggsn the GGSN node (given an IPv6 stack and a GgsnApplication on first use)
     * \param ues the UE nodes, without IPv6 stack
     * \returns the GGSN application
     */
    Ptr<GgsnApplication> Install(Ptr<Node> ggsn, NodeContainer ues);

    /**
     * \brief Links a core node to the GGSN.
     * \param core the core node (gets ns-3's usual IPv6 stack if it has none)
     * \param defaultRouteViaGgsn give the core node a default route via the GGSN (it always
     * gets a route to the UE pool)
     * \returns the core node's address on the new link
     */
    Ipv6Address AttachCoreNode(Ptr<Node> core, bool defaultRouteViaGgsn = true);

    /**
     * \brief Schedules a PDP context activation.
     * \param ue a UE node installed by this helper
     * \param at absolute simulation time
     */
    void ActivatePdpContext(Ptr<Node> ue, Time at) const;

    /**
     * \brief Schedules the activation of every UE's context, UE i at start + i * spacing.
     * \param ues UE nodes installed by this helper
     * \param start time of the first activation
     * \param spacing time between two activations
     */
    void ActivatePdpContexts(NodeContainer ues, Time start, Time spacing) const;

    /**
     * \brief Schedules a PDP context deactivation.
     * \param ue a UE node installed by this helper
     * \param at absolute simulation time
     */
    void DeactivatePdpContext(Ptr<Node> ue, Time at) const;

    /**
     * \returns the GGSN application (null before Install)
     */
    Ptr<GgsnApplication> GetGgsn() const;

    /**
     * \param ue a UE node installed by this helper
     * \returns the GgsnApplication's link number of the UE
     */
    uint32_t GetUeLink(Ptr<Node> ue) const;

    /**
     * \returns the helper of the UE links (e.g. for EnablePcap)
     */
    PointToPointHelper& GetUeLinkHelper();

    /**
     * \param ue a UE node
     * \returns its TemporaryAddressManager (null when none)
     */
    static Ptr<TemporaryAddressManager> GetTemporaryAddressManager(Ptr<Node> ue);

    /**
     * \brief Assigns random streams: the UEs' managers and ICMPv6 jitters, the loss model.
     * \param ues UE nodes
     * \param stream first stream index
     * \returns the number of streams used
     */
    int64_t AssignStreams(NodeContainer ues, int64_t stream);

    /**
     * \brief Installs a lean IPv6 stack: Ipv6L3Protocol with its extensions and options,
     * Icmpv6L4Protocol, the given routing protocol, TrafficControlLayer (no queue disc is
     * installed on any device), UdpL4Protocol and optionally TcpL4Protocol.
     * \param node a node without IPv6
     * \param routing its routing protocol
     * \param tcp whether to install TCP
     */
    static void InstallIpv6Stack(Ptr<Node> node, Ptr<Ipv6RoutingProtocol> routing, bool tcp);

  private:
    ObjectFactory m_poolFactory;                      //!< Ipv6PrefixPool
    ObjectFactory m_ggsnFactory;                      //!< GgsnApplication
    ObjectFactory m_routingFactory;                   //!< GgsnRoutingProtocol
    PointToPointHelper m_ueLink;                      //!< UE links
    PointToPointHelper m_coreLink;                    //!< core links
    TemporaryAddressManagerHelper m_managerHelper;    //!< UE managers
    double m_lossRate;                                //!< UE link loss
    Ptr<RateErrorModel> m_lossModel;                  //!< shared loss model
    bool m_tcp;                                       //!< TCP on the UEs
    Ipv6Address m_coreBase;                           //!< core network base
    uint32_t m_nCoreLinks;                            //!< core links made
    bool m_hasDefault;                                //!< the GGSN has its default route
    Ptr<Node> m_ggsnNode;                             //!< the GGSN node
    Ptr<GgsnApplication> m_ggsn;                      //!< the GGSN application
    std::unordered_map<uint32_t, uint32_t> m_ueLinks; //!< UE node id -> GGSN link number
};

} // namespace ns3

#endif /* IMS_ACCESS_HELPER_H */
