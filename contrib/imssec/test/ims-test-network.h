/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IMS_TEST_NETWORK_H
#define IMS_TEST_NETWORK_H

#include "ns3/error-model.h"
#include "ns3/ipsec-stack.h"
#include "ns3/ipv6-address.h"
#include "ns3/net-device-container.h"
#include "ns3/node.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/sip-message.h"
#include "ns3/sip-transaction-manager.h"
#include "ns3/sip-transport.h"
#include "ns3/socket.h"

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

/**
 * \ingroup imssec-tests
 * Asserts a container's size and leaves the test when it differs (the indexing that
 * follows would crash).
 */
#define IMS_TEST_REQUIRE_SIZE(container, count, msg)                                               \
    do                                                                                             \
    {                                                                                              \
        NS_TEST_ASSERT_MSG_EQ((container).size(), static_cast<size_t>(count), msg);                \
        if ((container).size() != static_cast<size_t>(count))                                      \
        {                                                                                          \
            return;                                                                                \
        }                                                                                          \
    } while (false)

namespace ns3
{
namespace tests
{

/**
 * \ingroup imssec-tests
 * One packet seen on the UE's link, decoded by hand from the bytes (PPP, IPv6, UDP or ESP
 * with null encryption and a 12-byte ICV, then SIP), independently of the model's classes.
 */
struct WirePacket
{
    Time time;                   //!< when it started on the wire
    bool fromUe{false};          //!< direction: UE -> router (else router -> UE)
    Ipv6Address source;          //!< IPv6 source
    Ipv6Address destination;     //!< IPv6 destination
    uint8_t nextHeader{0};       //!< IPv6 next header (17 UDP, 50 ESP)
    uint32_t spi{0};             //!< ESP SPI
    uint32_t sequence{0};        //!< ESP sequence number
    uint16_t sourcePort{0};      //!< UDP source port (inside ESP for ESP)
    uint16_t destinationPort{0}; //!< UDP destination port
    std::string payload;         //!< UDP payload bytes
    bool isSip{false};           //!< the payload parsed as SIP
    SipMessage message;          //!< the parsed message

    /** \returns e.g. "REGISTER" or "200 REGISTER" or "-" */
    std::string Describe() const;
};

/**
 * \ingroup imssec-tests
 * Decodes a packet as the point-to-point device has it (PPP header first).
 * \param packet the packet
 * \param[out] out the decoded packet (time and direction not set)
 * \returns false when it is not UDP or ESP over IPv6
 */
bool DecodeWirePacket(Ptr<const Packet> packet, WirePacket* out);

/**
 * \ingroup imssec-tests
 * The SIP/ESP packets seen on a UE's link, in both directions, and queries on them (shared by
 * the test networks).
 */
struct WireLog
{
    /**
     * \brief Trace sink for a device's PhyTxBegin.
     * \param fromUe direction
     * \param packet the packet starting transmission
     */
    void Record(bool fromUe, Ptr<const Packet> packet);

    /**
     * \param fromUe direction
     * \returns the SIP packets recorded in that direction
     */
    std::vector<WirePacket> Sip(bool fromUe) const;

    /**
     * \param fromUe direction
     * \param method request method, or CSeq method of a response
     * \param status 0 for requests, else the status code
     * \returns the matching SIP packets in that direction, in order
     */
    std::vector<WirePacket> Find(bool fromUe, const std::string& method, uint16_t status) const;

    /**
     * \param since only packets at or after this time
     * \returns the SIP packets in both directions since then
     */
    std::vector<WirePacket> SipSince(Time since) const;

    std::vector<WirePacket> wire; //!< UDP/ESP packets on the UE link
};

/**
 * \ingroup imssec-tests
 * An ns-3 ErrorModel that drops the packets a rule selects (decoded as WirePacket): a
 * deterministic way to lose chosen SIP messages on a link.
 */
class ImsTestDropModel : public ErrorModel
{
  public:
    /** Rule: returns true to drop. */
    typedef std::function<bool(const WirePacket&)> Rule;

    /**
     * \brief Get the type ID.
     * \returns the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * \param rule the rule
     */
    void SetRule(Rule rule);

    /** \returns packets dropped */
    uint32_t GetDropped() const;

  private:
    bool DoCorrupt(Ptr<Packet> p) override;
    void DoReset() override;

    Rule m_rule;           //!< the rule
    uint32_t m_dropped{0}; //!< packets dropped
};

/**
 * \ingroup imssec-tests
 * UE -- router -- server on point-to-point links (10 Mb/s, 2 ms), IPv6 only, DAD off.  The
 * UE's link is 2001:1:0:100::/64 (UE ::10 and ::20, router ::1), the server is 2001:f::1.
 * Every UDP or ESP packet on the UE's link is recorded in both directions (wire), and a
 * drop rule can be set for each direction.
 */
class ImsTestNetwork : public WireLog
{
  public:
    static const Ipv6Address UE_ADDRESS;     //!< UE address (first)
    static const Ipv6Address UE_ADDRESS_2;   //!< second UE address, same /64
    static const Ipv6Address SERVER_ADDRESS; //!< server address

    /** Sets the network up (no SIP layer yet). */
    ImsTestNetwork();

    /** Destroys the simulator too. */
    ~ImsTestNetwork();

    ImsTestNetwork(const ImsTestNetwork&) = delete;
    ImsTestNetwork& operator=(const ImsTestNetwork&) = delete;

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

    /**
     * \brief Sends raw bytes in a UDP datagram from the UE's default address.
     * \param at simulation time
     * \param bytes the payload
     * \param sourcePort UDP source port
     * \param destinationPort UDP destination port at the server
     */
    void SendRawAt(Time at, std::string bytes, uint16_t sourcePort, uint16_t destinationPort);

    Ptr<Node> ue;                             //!< UE node
    Ptr<Node> router;                         //!< router
    Ptr<Node> server;                         //!< server node
    NetDeviceContainer ueLink;                //!< UE, router devices
    NetDeviceContainer serverLink;            //!< router, server devices
    Ptr<SipTransport> ueTransport;            //!< after StartSip
    Ptr<SipTransport> serverTransport;        //!< after StartSip
    Ptr<SipTransactionManager> ueManager;     //!< after StartSip
    Ptr<SipTransactionManager> serverManager; //!< after StartSip
    Ptr<IpsecStack> ueIpsec;                  //!< after InstallIpsec
    Ptr<IpsecStack> serverIpsec;              //!< after InstallIpsec

  private:
    Ptr<ImsTestDropModel> m_fromUe; //!< on the router's UE-side device
    Ptr<ImsTestDropModel> m_toUe;   //!< on the UE's device
    Ptr<Socket> m_raw;              //!< UDP socket for raw bytes
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

/**
 * \ingroup imssec-tests
 * \param address an address
 * \returns its text
 */
std::string AddressString(const Ipv6Address& address);

} // namespace tests
} // namespace ns3

#endif /* IMS_TEST_NETWORK_H */
