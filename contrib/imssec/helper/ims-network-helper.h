/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IMS_NETWORK_HELPER_H
#define IMS_NETWORK_HELPER_H

#include "ns3/application-container.h"
#include "ns3/ims-access-helper.h"
#include "ns3/ipv6-address.h"
#include "ns3/node-container.h"
#include "ns3/nstime.h"
#include "ns3/object-factory.h"

#include <string>
#include <utility>
#include <vector>

namespace ns3
{

class GgsnApplication;
class Hss;
class ImsUeClient;
class Pcscf;
class RemoteParty;
class Scscf;

/**
 * \ingroup imssec
 * \brief The nodes and applications of one imssec network, as ImsNetworkHelper built it.
 */
struct ImsNetwork
{
    NodeContainer ues;              //!< UE nodes (UE i is ues.Get(i - 1), IMPI ue<i>@domain)
    Ptr<Node> ggsn;                 //!< GGSN
    Ptr<Node> pcscf;                //!< P-CSCF
    Ptr<Node> scscf;                //!< S-CSCF (the HSS object lives with it)
    Ptr<Node> remote;               //!< remote party
    ApplicationContainer ueClients; //!< the ImsUeClient of each UE, in UE order
    Ptr<GgsnApplication> ggsnApp;   //!< GGSN application
    Ptr<Pcscf> pcscfApp;            //!< P-CSCF application
    Ptr<Scscf> scscfApp;            //!< S-CSCF application
    Ptr<RemoteParty> remoteApp;     //!< remote party application
    Ptr<Hss> hss;                   //!< HSS
    Ipv6Address pcscfAddress;       //!< P-CSCF address (core link)
    Ipv6Address scscfAddress;       //!< S-CSCF address
    Ipv6Address remoteAddress;      //!< remote party address

    /**
     * \param i UE index from 0
     * \returns that UE's IMS client
     */
    Ptr<ImsUeClient> GetUeClient(uint32_t i) const;
};

/**
 * \ingroup imssec
 * \brief Builds a whole imssec network from a few settings.
 *
 * N UEs, each on its own point-to-point link to one GGSN (ImsAccessHelper: per-UE /64,
 * Router Advertisements, RFC 3041 temporary addresses), and behind the GGSN on their own
 * core links a P-CSCF, an S-CSCF with its HSS (N simulated subscribers ue1..ueN) and a remote
 * party.  UEs and P-CSCF get the IPsec layer; every application is configured to find the
 * others.  Attributes of each part are set with the Set...Attribute methods before Install;
 * the parts' own helpers (ImsAccessHelper, ImsUeHelper, PcscfHelper, ScscfHelper,
 * RemotePartyHelper, IpsecHelper) do the work.
 */
class ImsNetworkHelper
{
  public:
    ImsNetworkHelper();

    /**
     * \param name an ImsUeClient attribute
     * \param value its value, for every UE
     */
    void SetUeAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \param name a TemporaryAddressManager attribute
     * \param value its value, for every UE
     */
    void SetTemporaryAddressAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \param preset RFC 3041, 4941 or 8981 constants for the UEs' temporary addresses
     */
    void SetPrivacyPreset(TemporaryAddressManager::Preset preset);
    /**
     * \param interval TEMP_PREFERRED_LIFETIME, the rotation interval (adjusts what depends on it)
     */
    void SetRotationInterval(Time interval);
    /**
     * \brief Sets a Pcscf attribute (AllocatedPrefixLength is the GGSN's allocation length
     * unless set here).
     * \param name a Pcscf attribute
     * \param value its value
     */
    void SetPcscfAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \param name a Scscf attribute
     * \param value its value
     */
    void SetScscfAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \param name a RemoteParty attribute
     * \param value its value
     */
    void SetRemotePartyAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \param name an IpsecStack attribute (e.g. IcvMode), for UEs and P-CSCF
     * \param value its value
     */
    void SetIpsecAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \param rate UE link data rate
     * \param delay UE link one-way delay
     * \param loss packet loss probability on each direction of every UE link
     */
    void SetAccessLink(const std::string& rate, Time delay, double loss);
    /**
     * \param rate core link data rate
     * \param delay core link one-way delay
     * \param loss packet loss probability on each direction of every core link
     */
    void SetCoreLink(const std::string& rate, Time delay, double loss);
    /**
     * \param first when the first PDP context is activated
     * \param spacing time between two UEs' activations (spreads the initial registrations)
     */
    void SetAttach(Time first, Time spacing);
    /**
     * \param domain home domain / realm (default ims.example)
     */
    void SetHomeDomain(const std::string& domain);

    /**
     * \brief Creates the nodes, links, stacks and applications.
     * \param nUes number of UEs (at least 1)
     * \returns what was built
     */
    ImsNetwork Install(uint32_t nUes);

    /**
     * \brief Fixes the random streams of every random variable in the network.
     * \param network what Install returned
     * \param stream first stream index
     * \returns the number of streams used
     */
    int64_t AssignStreams(const ImsNetwork& network, int64_t stream);

    /**
     * \brief pcap traces of the UE links (both ends) and of the P-CSCF's core link.
     * \param prefix file name prefix
     * \param network what Install returned
     * \param maxUes trace the links of the first maxUes UEs only
     */
    void EnablePcap(const std::string& prefix, const ImsNetwork& network, uint32_t maxUes);

    /**
     * \returns the access helper (GGSN, UE links), for what this helper does not expose
     */
    ImsAccessHelper& GetAccessHelper();

  private:
    ImsAccessHelper m_access;                                          //!< GGSN and UE links
    std::vector<std::pair<std::string, Ptr<AttributeValue>>> m_ue;     //!< UE client attributes
    std::vector<std::pair<std::string, Ptr<AttributeValue>>> m_pcscf;  //!< P-CSCF attributes
    std::vector<std::pair<std::string, Ptr<AttributeValue>>> m_scscf;  //!< S-CSCF attributes
    std::vector<std::pair<std::string, Ptr<AttributeValue>>> m_remote; //!< remote attributes
    std::vector<std::pair<std::string, Ptr<AttributeValue>>> m_ipsec;  //!< IPsec attributes
    std::string m_coreRate;                                            //!< core link rate
    Time m_coreDelay;                                                  //!< core link delay
    double m_coreLoss;                                                 //!< core link loss
    Time m_attachStart;                                                //!< first activation
    Time m_attachSpacing;                                              //!< between activations
    std::string m_domain;                                              //!< home domain
};

} // namespace ns3

#endif /* IMS_NETWORK_HELPER_H */
