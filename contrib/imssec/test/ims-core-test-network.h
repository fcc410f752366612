/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IMS_CORE_TEST_NETWORK_H
#define IMS_CORE_TEST_NETWORK_H

#include "ims-test-network.h"

#include "ns3/ipv6-address.h"
#include "ns3/net-device-container.h"
#include "ns3/node.h"
#include "ns3/sip-message.h"
#include "ns3/sip-transaction-manager.h"
#include "ns3/sip-transport.h"

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ns3
{
namespace tests
{

/**
 * \ingroup imssec-tests
 * The IMS core as the S-CSCF and remote-party tests need it: three nodes (the place of the
 * P-CSCF, the S-CSCF, the remote party) on point-to-point links (10 Mb/s, 2 ms) to one
 * router, IPv6 only, DAD off.  Node k sits on 3fff:f00:0:k::/64 as ::2 (router ::1).
 * Every UDP packet on each link is recorded in both directions (decoded by hand, see
 * WirePacket; `fromUe` there means "sent by the node, towards the router"), and a drop rule
 * can be set per link and direction (TestNetwork does both).
 */
class ImsCoreTestNetwork : public TestNetwork
{
  public:
    /** The links (and the nodes at their far ends). */
    enum Link : uint8_t
    {
        PCSCF_LINK = 0, //!< the (scripted) P-CSCF
        SCSCF_LINK,     //!< the S-CSCF
        REMOTE_LINK,    //!< the remote party
        LINK_COUNT
    };

    static const Ipv6Address PCSCF;  //!< 3fff:f00:0:1::2
    static const Ipv6Address SCSCF;  //!< 3fff:f00:0:2::2
    static const Ipv6Address REMOTE; //!< 3fff:f00:0:3::2

    ImsCoreTestNetwork();

    /**
     * \param link a link
     * \returns the node at its far end
     */
    Ptr<Node> GetNode(Link link) const;

    /**
     * \param link a link
     * \param fromNode true: packets the node sends; false: packets the router sends it
     * \param rule what to drop
     */
    void Drop(Link link, bool fromNode, ImsTestDropModel::Rule rule);

    /**
     * \param link a link
     * \param fromNode direction
     * \param method request method, or CSeq method of responses
     * \param status 0 for requests, else the status code
     * \returns the matching SIP packets, in order
     */
    std::vector<WirePacket> Find(Link link,
                                 bool fromNode,
                                 const std::string& method,
                                 uint16_t status) const;

    /**
     * \param link a link
     * \param fromNode direction
     * \returns every SIP packet in that direction
     */
    std::vector<WirePacket> Sip(Link link, bool fromNode) const;

    Ptr<Node> router;                                   //!< the router
    std::array<Ptr<Node>, LINK_COUNT> nodes;            //!< far ends
    std::array<NetDeviceContainer, LINK_COUNT> devices; //!< node device, router device
    std::array<WireLog, LINK_COUNT> wire;               //!< UDP packets per link

  private:
    std::array<Ptr<ImsTestDropModel>, LINK_COUNT> m_fromNode; //!< on the router device
    std::array<Ptr<ImsTestDropModel>, LINK_COUNT> m_toNode;   //!< on the node device
};

/**
 * \ingroup imssec-tests
 * A scripted SIP node: a SipTransport and a SipTransactionManager on a node, whose test
 * decides every message.  Requests received are kept (with their server transaction) and
 * given to an optional handler; responses are given to the callback of the request.
 */
class ScriptedPeer
{
  public:
    /** Handler of requests: request, how it arrived, server transaction (0 for ACK). */
    typedef std::function<void(const SipMessage&, const SipPacketInfo&, uint64_t)> RequestHandler;

    /** Handler of responses to one request. */
    typedef std::function<void(const SipMessage&)> ResponseHandler;

    /**
     * \param node the node (with an IPv6 stack)
     * \param address its address (Via, Contact)
     */
    ScriptedPeer(Ptr<Node> node, Ipv6Address address);

    /**
     * \brief Sends a request in a client transaction.
     * \param request the request
     * \param destination where (port 5060)
     * \param onResponse told about each response (may be empty)
     * \returns the transaction handle
     */
    uint64_t Send(const SipMessage& request, Ipv6Address destination, ResponseHandler onResponse);

    /**
     * \brief Answers a received request in its transaction.
     * \param handle the server transaction
     * \param code status code
     * \param toTag To tag
     * \param decorate changes the response before it leaves (may be empty)
     * \returns false when the transaction refused it
     */
    bool Answer(uint64_t handle,
                uint16_t code,
                const std::string& toTag,
                std::function<void(SipMessage&)> decorate = nullptr);

    /** \returns a new branch */
    std::string NewBranch();

    /** \returns "[address]" */
    std::string Host() const;

    Ipv6Address address;                //!< the node's address
    Ptr<SipTransport> transport;        //!< its transport
    Ptr<SipTransactionManager> manager; //!< its transactions
    RequestHandler onRequest;           //!< optional request handler
    std::vector<SipMessage> requests;   //!< requests received, in order
    std::vector<SipMessage> responses;  //!< responses received (client transactions)
    uint32_t timeouts{0};               //!< client transactions that timed out

  private:
    /**
     * \param request request
     * \param info how it arrived
     * \param handle server transaction
     */
    void Receive(const SipMessage& request, const SipPacketInfo& info, uint64_t handle);

    uint64_t m_counter{0}; //!< branches
};

} // namespace tests
} // namespace ns3

#endif /* IMS_CORE_TEST_NETWORK_H */
