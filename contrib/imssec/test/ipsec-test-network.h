/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_TEST_NETWORK_H
#define IPSEC_TEST_NETWORK_H

#include "ims-test-network.h"

#include "ns3/ipsec-stack.h"
#include "ns3/ipsec-tag.h"
#include "ns3/ipv6-address.h"
#include "ns3/net-device-container.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/socket.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{
namespace tests
{

/**
 * \ingroup imssec-tests
 * The line of ImsTestLine as the IPsec tests need it: the server is the P-CSCF (2001:f::1);
 * the UE also owns addresses inside 2001:1:0:100::/56 but outside its /64 (2001:1:0:1ab::40)
 * and outside both (2001:2::30), all routed to it by the router.  Both ends have an
 * IpsecStack and UDP sockets on their protected ports that record what they receive; both
 * stacks' drops and the ESP packets they build are recorded.
 */
class IpsecTestNetwork : public ImsTestLine
{
  public:
    static const Ipv6Address UE_SAME_64;               //!< another UE address in its /64
    static const Ipv6Address UE_SAME_56;               //!< a UE address in the /56, not the /64
    static const Ipv6Address UE_OTHER_PREFIX;          //!< a UE address outside both
    static const Ipv6Address PCSCF_ADDRESS;            //!< P-CSCF address (the server's)
    static constexpr uint16_t UE_PORT_C = 31000;       //!< UE protected client port
    static constexpr uint16_t UE_PORT_S = 31001;       //!< UE protected server port
    static constexpr uint16_t PCSCF_PORT_C = 5062;     //!< P-CSCF protected client port
    static constexpr uint16_t PCSCF_PORT_S = 5064;     //!< P-CSCF protected server port
    static constexpr uint16_t PCSCF_PORT_CLEAR = 5060; //!< P-CSCF unprotected port

    /** What a socket received. */
    struct Received
    {
        Ptr<Packet> packet; //!< the payload
        Ipv6Address from;   //!< source address
        uint16_t fromPort;  //!< source port
        Ipv6Address to;     //!< destination address
        uint16_t localPort; //!< port of the receiving socket
        bool hasTag;        //!< carried an IpsecTag
        IpsecTag tag;       //!< the tag
    };

    /** A drop seen on a Drop trace. */
    struct DropRecord
    {
        IpsecStack::DropReason reason; //!< reason
        uint32_t spi;                  //!< SPI
        Ipv6Address source;            //!< source
        Ipv6Address destination;       //!< destination
    };

    /**
     * \param pcapPrefix when not empty, pcap files of both links are written with it
     * \param icvMode IcvMode attribute of both stacks ("Hmac" or "LengthOnly")
     */
    explicit IpsecTestNetwork(const std::string& pcapPrefix = "",
                              const std::string& icvMode = "Hmac");

    /**
     * \param side which side installs
     * \param uePrefixLength selector prefix length of the UE side
     * \returns the standard parameters of the tests (IK 00 01 .. 0f, lifetime 0)
     */
    static IpsecSaSetParameters Parameters(IpsecSaSetParameters::Side side, uint8_t uePrefixLength);

    /**
     * \brief Installs the standard set on both sides.
     * \param ueLength UE-side prefix length at the UE
     * \param pcscfLength UE-side prefix length at the P-CSCF
     * \returns the handles (UE, P-CSCF)
     */
    std::pair<uint32_t, uint32_t> InstallBoth(uint8_t ueLength, uint8_t pcscfLength);

    /**
     * \brief Sends through a stack at a time.
     * \param at simulation time
     * \param stack the stack
     * \param size payload bytes
     * \param source source
     * \param sourcePort source port
     * \param destination destination
     * \param destinationPort destination port
     */
    void SendAt(Time at,
                Ptr<IpsecStack> stack,
                uint32_t size,
                Ipv6Address source,
                uint16_t sourcePort,
                Ipv6Address destination,
                uint16_t destinationPort);

    /**
     * \brief Sends a ready ESP packet from the UE node as IPv6 next header 50 at a time.
     * \param at simulation time
     * \param esp the ESP packet (copied)
     * \param source UE address
     * \param destination destination
     */
    void InjectAt(Time at, Ptr<const Packet> esp, Ipv6Address source, Ipv6Address destination);

    /**
     * \brief Sends a clear UDP datagram from the UE at a time.
     * \param at simulation time
     * \param source UE address
     * \param sourcePort source port
     * \param destinationPort P-CSCF port
     */
    void SendClearAt(Time at, Ipv6Address source, uint16_t sourcePort, uint16_t destinationPort);

    /**
     * \param drops recorded drops
     * \param reason a reason
     * \returns how many have that reason
     */
    static uint32_t Count(const std::vector<DropRecord>& drops, IpsecStack::DropReason reason);

    Ptr<IpsecStack> ueStack;             //!< UE IPsec layer
    Ptr<IpsecStack> pcscfStack;          //!< P-CSCF IPsec layer
    std::vector<Received> ueReceived;    //!< received by the UE sockets
    std::vector<Received> pcscfReceived; //!< received by the P-CSCF sockets
    std::vector<DropRecord> ueDrops;     //!< UE stack drops
    std::vector<DropRecord> pcscfDrops;  //!< P-CSCF stack drops
    std::vector<Ptr<Packet>> ueEsp;      //!< ESP packets the UE stack built (copies)
    std::vector<Ptr<Packet>> pcscfEsp;   //!< ESP packets the P-CSCF stack built (copies)

    /**
     * \brief Opens a recording UDP socket bound to (::, port).
     * \param node a node
     * \param port port to bind
     * \param into where to record
     */
    void OpenSocket(Ptr<Node> node, uint16_t port, std::vector<Received>* into);

  private:
    /**
     * \param into where to record (bound first)
     * \param socket a socket with data
     */
    void Receive(std::vector<Received>* into, Ptr<Socket> socket);

    std::vector<Ptr<Socket>> m_sockets; //!< open sockets
    Ptr<Socket> m_injector;             //!< raw socket on the UE
    Ptr<Socket> m_clear;                //!< clear UDP socket on the UE
};

} // namespace tests
} // namespace ns3

#endif /* IPSEC_TEST_NETWORK_H */
