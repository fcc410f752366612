/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IMS_TEST_NETWORK_H
#define IMS_TEST_NETWORK_H

#include "test-network.h"

#include "ns3/ipsec-stack.h"
#include "ns3/ipv6-address.h"
#include "ns3/net-device-container.h"
#include "ns3/node.h"
#include "ns3/nstime.h"
#include "ns3/sip-message.h"
#include "ns3/sip-transaction-manager.h"
#include "ns3/sip-transport.h"

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{
namespace tests
{

/**
 * \ingroup imssec-tests
 * UE -- router -- server on point-to-point links (10 Mb/s, 2 ms), IPv6 only, DAD off, static
 * routes.  The UE's link is 2001:1:0:100::/64 (UE ::10 and ::20, router ::1), the server is
 * 2001:f::1 (router 2001:f::2).  (Not 2001:db8::/32: ns-3 routers drop documentation
 * addresses.)  The line of the transport, transaction and IPsec tests.
 */
class ImsTestLine : public TestNetwork
{
  public:
    static const Ipv6Address UE_ADDRESS;     //!< UE address (first)
    static const Ipv6Address UE_ADDRESS_2;   //!< second UE address, same /64
    static const Ipv6Address SERVER_ADDRESS; //!< server address

    /** Builds the line (no IPsec or SIP layer). */
    ImsTestLine();

    Ptr<Node> ue;                  //!< UE node
    Ptr<Node> router;              //!< router
    Ptr<Node> server;              //!< server node
    NetDeviceContainer ueLink;     //!< UE, router devices
    NetDeviceContainer serverLink; //!< router, server devices

  protected:
    uint32_t m_ueInterface{0};       //!< the UE's interface toward the router
    uint32_t m_routerUeInterface{0}; //!< the router's interface toward the UE
};

/**
 * \ingroup imssec-tests
 * The line of ImsTestLine with SIP on both ends: every UDP or ESP packet on the UE's link is
 * recorded in both directions (wire), and a drop rule can be set for each direction.
 */
class ImsTestNetwork : public ImsTestLine, public WireLog
{
  public:
    /** Sets the network up (no SIP layer yet). */
    ImsTestNetwork();

    /** \brief Installs an IpsecStack on the UE and the server. */
    void InstallIpsec();

    /**
     * \brief Creates and starts a transport on UE and server, and a transaction manager on
     * each when asked (the managers become the transports' receive callbacks).
     * \param withManagers whether to create the transaction managers
     */
    void StartSip(bool withManagers = true);

    /**
     * \param rule drops packets UE -> router
     */
    void DropFromUe(ImsTestDropModel::Rule rule);

    /**
     * \param rule drops packets router -> UE
     */
    void DropToUe(ImsTestDropModel::Rule rule);

    Ptr<SipTransport> ueTransport;            //!< after StartSip
    Ptr<SipTransport> serverTransport;        //!< after StartSip
    Ptr<SipTransactionManager> ueManager;     //!< after StartSip
    Ptr<SipTransactionManager> serverManager; //!< after StartSip
    Ptr<IpsecStack> ueIpsec;                  //!< after InstallIpsec
    Ptr<IpsecStack> serverIpsec;              //!< after InstallIpsec

  private:
    Ptr<ImsTestDropModel> m_fromUe; //!< on the router's UE-side device
    Ptr<ImsTestDropModel> m_toUe;   //!< on the UE's device
};

/**
 * \ingroup imssec-tests
 * Builds a request as a UA would (RFC 3261 8.1.1).
 * \param method the method
 * \param from the sender's address (Via sent-by and URIs)
 * \param port the Via sent-by port
 * \param branch the branch
 * \param callId Call-ID
 * \param cseq CSeq number
 * \param rport whether the Via carries rport
 * \returns the request
 */
SipMessage MakeTestRequest(const std::string& method,
                           Ipv6Address from,
                           uint16_t port,
                           const std::string& branch,
                           const std::string& callId = "call-1",
                           uint32_t cseq = 1,
                           bool rport = true);

} // namespace tests
} // namespace ns3

#endif /* IMS_TEST_NETWORK_H */
