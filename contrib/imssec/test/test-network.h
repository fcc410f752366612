/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef TEST_NETWORK_H
#define TEST_NETWORK_H

#include "ns3/error-model.h"
#include "ns3/ipv6-address.h"
#include "ns3/net-device-container.h"
#include "ns3/net-device.h"
#include "ns3/node-container.h"
#include "ns3/node.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/security-mechanism.h"
#include "ns3/sip-message.h"
#include "ns3/socket.h"
#include "ns3/test.h"

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

/**
 * \ingroup imssec-tests
 * Asserts a container's size and leaves the test when it differs: ns-3's test runner
 * continues after a failed NS_TEST_ASSERT, and the indexing that follows would crash.
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

class TemporaryAddressManager;

namespace tests
{

/**
 * \ingroup imssec-tests
 * One packet seen on a link, decoded by hand from the bytes (PPP, IPv6, UDP or ESP with null
 * encryption and a 12-byte ICV, then SIP), independently of the model's classes.
 */
struct WirePacket
{
    Time time;                   //!< when it started on the wire
    bool fromUe{false};          //!< direction: toward the core (UE -> router, node -> router)
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
 * \param message a SIP message
 * \param method request method, or the CSeq method of a response
 * \param status 0 for requests, else the status code
 * \returns whether the message is that request or that response
 */
bool IsSipMessage(const SipMessage& message, const std::string& method, uint16_t status);

/**
 * \ingroup imssec-tests
 * \param wire recorded packets
 * \param fromUe direction (WirePacket::fromUe)
 * \param method request method, or the CSeq method of a response
 * \param status 0 for requests, else the status code
 * \param from only packets at or after this time
 * \param to only packets before this time
 * \returns the matching SIP packets, in order
 */
std::vector<WirePacket> FindSip(const std::vector<WirePacket>& wire,
                                bool fromUe,
                                const std::string& method,
                                uint16_t status,
                                Time from = Seconds(0),
                                Time to = Time::Max());

/**
 * \ingroup imssec-tests
 * The SIP/ESP packets seen on one link, in both directions, and queries on them.
 */
struct WireLog
{
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

    std::vector<WirePacket> wire; //!< UDP/ESP packets on the link
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
 * What every test network of the module shares: IPv6-only nodes on point-to-point links
 * (10 Mb/s) with static addresses, wire recording of chosen devices (each packet decoded by
 * DecodeWirePacket, independently of the model), drop rules on a link's receiving end, raw
 * UDP datagrams from any node, the temporary addresses a UE generates, and the end of the
 * test: the destructor destroys the simulator, so a test that stops early leaves nothing
 * behind.  The fixtures of the suites (ImsTestNetwork, IpsecTestNetwork, ImsCoreTestNetwork,
 * PcscfTestNetwork, UeTestNetwork, FlowsTestNetwork) derive from it and add only their
 * topology and their scripted nodes.
 */
class TestNetwork
{
  public:
    TestNetwork() = default;
    /** Closes the raw sockets and destroys the simulator. */
    virtual ~TestNetwork();

    TestNetwork(const TestNetwork&) = delete;
    TestNetwork& operator=(const TestNetwork&) = delete;

    /** \brief Turns duplicate address detection off: addresses are usable at once. */
    static void DisableDad();

    /**
     * \param n how many
     * \returns n new nodes (created first, then given IPv6-only internet stacks)
     */
    static NodeContainer CreateIpv6Nodes(uint32_t n);

    /**
     * \param a one end
     * \param b other end
     * \param delay the link's delay
     * \returns the devices (a's, b's) of a new 10 Mb/s point-to-point link
     */
    static NetDeviceContainer Connect(Ptr<Node> a, Ptr<Node> b, Time delay);

    /**
     * \param node a node
     * \param device one of its devices
     * \param address a global address (/64)
     * \returns the new interface's index (up)
     */
    static uint32_t AddInterface(Ptr<Node> node, Ptr<NetDevice> device, Ipv6Address address);

    /**
     * \brief Records what a device puts on its link (PhyTxBegin: packets a loss model later
     * drops are recorded too).
     * \param device the device
     * \param into where to record
     * \param fromUe the direction to record (WirePacket::fromUe)
     * \param trace the device's trace source (PhyTxBegin, or PhyRxEnd for what it receives)
     */
    void Tap(Ptr<NetDevice> device,
             std::vector<WirePacket>* into,
             bool fromUe,
             const std::string& trace = "PhyTxBegin");

    /**
     * \brief Drops what a device receives when a rule selects it (replaces the device's
     * receive error model).
     * \param device the receiving point-to-point device
     * \param rule returns true to drop (may be empty: nothing dropped)
     * \returns the model
     */
    static Ptr<ImsTestDropModel> DropOnReceive(Ptr<NetDevice> device, ImsTestDropModel::Rule rule);

    /**
     * \brief Records the temporary addresses a manager generates.
     * \param tam the manager
     * \param into (generation time, address) pairs
     */
    static void RecordGenerated(Ptr<TemporaryAddressManager> tam,
                                std::vector<std::pair<Time, Ipv6Address>>* into);

    /**
     * \brief Sends one UDP datagram now, from a socket bound to (source, sourcePort) on a node
     * (opened once per node, source and port).
     * \param from the sending node
     * \param source the bound source address (:: lets the node choose)
     * \param sourcePort the bound source port
     * \param to destination address
     * \param port destination port
     * \param bytes the payload
     */
    void SendRawNow(Ptr<Node> from,
                    Ipv6Address source,
                    uint16_t sourcePort,
                    Ipv6Address to,
                    uint16_t port,
                    const std::string& bytes);

    /**
     * \brief SendRawNow at an absolute simulation time.
     * \param at when
     * \param from the sending node
     * \param source the bound source address
     * \param sourcePort the bound source port
     * \param to destination address
     * \param port destination port
     * \param bytes the payload
     */
    void SendRaw(Time at,
                 Ptr<Node> from,
                 Ipv6Address source,
                 uint16_t sourcePort,
                 Ipv6Address to,
                 uint16_t port,
                 std::string bytes);

    /**
     * \brief Runs the simulation until a time.
     * \param t absolute time
     */
    void RunUntil(Time t);

    /**
     * \param at absolute time
     * \param f what to do then
     */
    void At(Time at, std::function<void()> f);

  private:
    /**
     * \param link where to record
     * \param fromUe direction
     * \param packet the packet
     */
    static void Record(std::vector<WirePacket>* link, bool fromUe, Ptr<const Packet> packet);

    /** A raw socket and what it is bound to. */
    struct RawSocket
    {
        Ptr<Node> node;     //!< its node
        Ipv6Address source; //!< bound address
        uint16_t port{0};   //!< bound port
        Ptr<Socket> socket; //!< the socket
    };

    std::vector<RawSocket> m_raw; //!< raw sockets opened so far
};

/**
 * \ingroup imssec-tests
 * \param address an address
 * \returns its text
 */
std::string AddressString(const Ipv6Address& address);

/**
 * \ingroup imssec-tests
 * \param message a message
 * \param name Security-Client, Security-Server or Security-Verify
 * \returns its mechanisms (empty when absent or unparseable)
 */
std::vector<SecurityMechanism> Mechanisms(const SipMessage& message, const std::string& name);

/**
 * \ingroup imssec-tests
 * \param uri a SIP URI with an IPv6 host
 * \returns the host as an address
 */
Ipv6Address UriAddress(const SipUri& uri);

} // namespace tests
} // namespace ns3

#endif /* TEST_NETWORK_H */
