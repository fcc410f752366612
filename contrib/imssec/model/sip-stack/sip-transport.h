/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef SIP_TRANSPORT_H
#define SIP_TRANSPORT_H

#include "sip-message-counters.h"
#include "sip-packet-info.h"
#include "sip-target.h"

#include "ns3/callback.h"
#include "ns3/ipv6-address.h"
#include "ns3/object.h"
#include "ns3/ptr.h"
#include "ns3/sip-message.h"
#include "ns3/sip-parse-error.h"
#include "ns3/sip-via.h"
#include "ns3/traced-callback.h"

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ns3
{

class Node;
class Packet;
class IpsecStack;
class Ipv6EndPoint;
class Ipv6Header;
class Ipv6Interface;
class Ipv6L3Protocol;
class UdpL4Protocol;

/**
 * \ingroup imssec
 * \brief The SIP transport layer of one IMS application (RFC 3261 section 18, UDP over
 * IPv6): its UDP endpoints, clear and protected, parsing of every datagram, RFC 3261 18.2.1
 * / RFC 3581 processing of received requests, response routing (18.2.2), and the message
 * counters of the experiments.
 *
 * Clear SIP is received on Port (5060) on any address.  A clear message leaves from the
 * source address and port its SipTarget names: ns-3's source address selection ignores
 * the state of privacy addresses, so the transport binds one UdpL4Protocol endpoint per
 * (source address, port) it sends from (allocated on first use; such an endpoint also
 * receives what arrives at that address and port).  With the source "::" the endpoint bound
 * to (::, port) is used and ns-3 chooses the source.  Endpoints, not sockets: ns-3.37's
 * UdpL4Protocol keeps every UDP socket ever created until the node is disposed, while an
 * endpoint is freed when the transport releases it.
 *
 * Protected ports (OpenProtectedPort) are endpoints bound to (::, port) that receive what
 * the IPsec layer accepted (the packet carries an IpsecTag: SPI, SA set).  A clear
 * datagram arriving on a protected port is checked with IpsecStack::CheckClear and dropped
 * when a policy says it must be protected.  Protected messages are sent with
 * IpsecStack::Send; when no SA covers them, Send returns false.
 *
 * Every datagram received is parsed (SipParser::Parse, then SipMessage::Validate).  A
 * malformed request whose top Via can still be read gets a 400 back (stateless, built from
 * the Via, From, To, Call-ID and CSeq lines that parse); anything else malformed is
 * dropped; both are counted and fired on ParseError.  A request's top Via gets `received`
 * and the `rport` value (RFC 3261 18.2.1, RFC 3581) before the application sees it.
 */
class SipTransport : public Object
{
  public:
    /** Why a datagram was not delivered or not sent. */
    enum DropReason : uint8_t
    {
        CLEAR_ON_PROTECTED_PORT = 0, //!< received: clear, but a policy says protect
        NO_OUTBOUND_SA,              //!< send: IpsecStack::Send refused (no SA, expired...)
        NO_IPSEC_STACK,              //!< send or receive: protected, but no IpsecStack
        SOURCE_NOT_LOCAL,            //!< send: source not the node's (or :: when protected)
        SOCKET_ERROR,                //!< send: bind or send failed (no route, port in use)
        NOT_STARTED,                 //!< send: the transport is not started
        MESSAGE_TOO_LARGE,           //!< send: encoded message above MAX_SEND_SIZE
        DROP_REASON_COUNT            //!< number of reasons (not a reason)
    };

    /**
     * Largest encoded message Send lets out, bytes: what an IPv6 payload (65535 bytes, no
     * jumbograms) holds after UDP (8) and the most ESP adds (SPI, sequence number, at most
     * 3 bytes of padding, pad length, next header and a 96-bit ICV: 25).  RFC 3261 18.1.1
     * would move a large request to a congestion-controlled transport; the model has only
     * UDP, so a larger message is refused (MESSAGE_TOO_LARGE) and Send returns false, the
     * transport error of RFC 3261 18.4 that the sender handles as 8.1.3.1 says.
     */
    static constexpr uint32_t MAX_SEND_SIZE = 65535 - 8 - 25;

    /** Callback for received messages: the message and what the transport knows. */
    typedef Callback<void, const SipMessage&, const SipPacketInfo&> ReceiveCallback;

    /**
     * TracedCallback signature for messages sent and received.
     * \param message the message (received: after 18.2.1 Via processing)
     * \param info addresses, ports, protection, size
     */
    typedef void (*MessageTracedCallback)(const SipMessage& message, const SipPacketInfo& info);

    /**
     * TracedCallback signature for datagrams that are not SIP.
     * \param packet the datagram (UDP payload)
     * \param info addresses, ports, protection, size
     * \param error why it does not parse or validate
     * \param answered true when a 400 was sent back
     */
    typedef void (*ParseErrorTracedCallback)(Ptr<const Packet> packet,
                                             const SipPacketInfo& info,
                                             const SipParseError& error,
                                             bool answered);

    /**
     * TracedCallback signature for datagrams dropped or not sent.
     * \param packet the datagram (UDP payload)
     * \param info addresses, ports, protection, size
     * \param reason why
     */
    typedef void (*DropTracedCallback)(Ptr<const Packet> packet,
                                       const SipPacketInfo& info,
                                       DropReason reason);

    /**
     * \brief Get the type ID.
     * \returns the object TypeId
     */
    static TypeId GetTypeId();

    SipTransport();
    ~SipTransport() override;

    /**
     * \brief Binds the clear endpoint (::, Port) on a node (an application's
     * StartApplication).
     * \param node the node (needs an IPv6 stack)
     * \returns false when the port is already in use on the node
     */
    bool Start(Ptr<Node> node);

    /** \brief Frees every endpoint (an application's StopApplication).  Counters stay. */
    void Stop();

    /** \returns true between Start and Stop */
    bool IsStarted() const;

    /** \returns the node (nullptr before Start) */
    Ptr<Node> GetNode() const;

    /** \returns the clear SIP port (attribute Port) */
    uint16_t GetPort() const;

    /**
     * \param callback receives every valid message (requests and responses)
     */
    void SetReceiveCallback(ReceiveCallback callback);

    /**
     * \brief Binds a UDP endpoint to (::, port) for protected traffic.
     * \param port the port (port-c or port-s of this node)
     * \returns false when the port is the clear port, already open, or in use on the node
     */
    bool OpenProtectedPort(uint16_t port);

    /**
     * \brief Frees the endpoints of a protected port.
     * \param port the port
     * \returns false when it was not open
     */
    bool CloseProtectedPort(uint16_t port);

    /**
     * \param port a port
     * \returns true when it is an open protected port
     */
    bool IsProtectedPort(uint16_t port) const;

    /**
     * \brief Sends a message (request or response) to a target.
     *
     * Clear: from (target.localAddress, target.localPort) through the UDP endpoint bound to
     * that pair.  Protected: IpsecStack::Send with the target's four values.
     * \param message the message (encoded canonically, Content-Length included)
     * \param target where and how
     * \param isRetransmission marks retransmissions in the traces (counted all the same)
     * \returns true when the datagram left; false when it was refused (counted, traced),
     * among others when it is larger than MAX_SEND_SIZE
     */
    bool Send(const SipMessage& message, const SipTarget& target, bool isRetransmission = false);

    /**
     * \brief Sends a response to a received request (RFC 3261 18.2.2, RFC 3581).
     *
     * A request that arrived protected is answered through the IPsec layer, from the local
     * address and port it arrived on to its source address and port (TS 33.203: port-s to
     * the client's port-c).  A clear request is answered from the local address and port it
     * arrived on to the address and port GetResponseDestination reads from the response's
     * top Via (received and rport, else sent-by), or to the request's source when that Via
     * names no address.
     * \param response the response (its Via lines copied from the request)
     * \param requestInfo the info the request arrived with
     * \param isRetransmission marks retransmissions in the traces
     * \returns true when sent
     */
    bool SendResponse(const SipMessage& response,
                      const SipPacketInfo& requestInfo,
                      bool isRetransmission = false);

    /**
     * \brief Where RFC 3261 18.2.2 (unreliable unicast) and RFC 3581 send a response.
     *
     * Address: `received` if present, else the sent-by host if it is an IPv6 address.
     * Port: the `rport` value if present, else the sent-by port, else 5060.
     * \param via the top Via of the response
     * \param[out] address the destination address
     * \param[out] port the destination port
     * \returns false when the Via names a host name and has no `received` (no DNS here)
     */
    static bool GetResponseDestination(const SipVia& via, Ipv6Address* address, uint16_t* port);

    /**
     * \brief Frees the endpoints bound to one local address (e.g. a privacy address that
     * the UE no longer uses).  The (::, port) endpoints are kept.
     * \param address the address
     * \returns the number of endpoints freed
     */
    uint32_t ReleaseLocalAddress(Ipv6Address address);

    /**
     * \param seed any bytes
     * \returns 16 hexadecimal digits of SHA-1(seed): deterministic tokens for stateless
     *          To tags and branches (RFC 3261 8.2.7, 16.11)
     */
    static std::string MakeHashToken(std::string_view seed);

    // --- counters ---------------------------------------------------------------------

    /** \returns messages and bytes sent, per method and response class */
    const SipMessageCounters& GetSentCounters() const;

    /**
     * \returns the part of GetSentCounters() that the transaction layer marked as
     * retransmissions
     */
    const SipMessageCounters& GetRetransmittedCounters() const;

    /** \returns valid messages and bytes received, per method and response class */
    const SipMessageCounters& GetReceivedCounters() const;

    /** \returns datagrams received that did not parse or validate */
    uint64_t GetParseErrorCount() const;

    /** \returns bytes of those datagrams */
    uint64_t GetParseErrorBytes() const;

    /** \returns 400 responses sent for malformed requests */
    uint64_t GetBadRequestAnsweredCount() const;

    /**
     * \param reason a reason
     * \returns datagrams dropped or not sent for it
     */
    uint64_t GetDropCount(DropReason reason) const;

    /** \returns the number of UDP endpoints (bound local address and port pairs) open */
    uint32_t GetSocketCount() const;

    /**
     * \param reason a drop reason
     * \returns its name, e.g. "clear-on-protected-port"
     */
    static std::string GetDropReasonName(DropReason reason);

  protected:
    void DoDispose() override;

  private:
    /** Key of an endpoint: local address (:: for the wildcard) and port. */
    typedef std::pair<Ipv6Address, uint16_t> SocketKey;

    /**
     * \brief The UDP endpoint of a local address and port, allocated if needed.
     *
     * The transport binds UdpL4Protocol endpoints itself instead of opening UDP sockets:
     * ns-3.37's UdpL4Protocol keeps every socket ever created until the node is disposed,
     * so the sockets of each registration (new protected ports, new addresses) would pile
     * up for the whole run; an endpoint is freed when it is released.
     * \param address local address (:: for any)
     * \param port local port
     * \returns the endpoint (nullptr when the pair is taken)
     */
    Ipv6EndPoint* GetSocket(Ipv6Address address, uint16_t port);

    /**
     * \brief Releases the endpoints whose key matches (out of the map and their callbacks
     * cleared first, so that none calls back).
     * \param matches selects by local address and port
     * \returns how many were released
     */
    uint32_t ReleaseEndPoints(const std::function<bool(const SocketKey&)>& matches);

    /**
     * \brief A datagram for one of our endpoints (UdpL4Protocol calls it).
     * \param localPort the endpoint's port
     * \param packet the UDP payload
     * \param header its IPv6 header
     * \param sourcePort its UDP source port
     * \param incoming the interface it came in on
     */
    void HandleRead(uint16_t localPort,
                    Ptr<Packet> packet,
                    Ipv6Header header,
                    uint16_t sourcePort,
                    Ptr<Ipv6Interface> incoming);

    /**
     * \brief Sends a clear datagram as a UDP socket bound to the target's local address would.
     * \param packet the UDP payload
     * \param target where to (a wildcard local address lets the route choose the source)
     * \returns false when there is no route
     */
    bool SendClear(Ptr<Packet> packet, const SipTarget& target);

    /**
     * \brief UdpL4Protocol deleted an endpoint (the node is being disposed).
     * \param address its local address
     * \param port its local port
     */
    void EndPointDestroyed(Ipv6Address address, uint16_t port);

    /**
     * \brief Processes one datagram.
     * \param packet the UDP payload
     * \param info what is known about it (filled further here)
     */
    void Receive(Ptr<Packet> packet, SipPacketInfo info);

    /**
     * \brief Counts a malformed datagram and answers a malformed request with 400.
     * \param packet the datagram
     * \param info its info
     * \param error why it is malformed
     */
    void HandleMalformed(Ptr<const Packet> packet,
                         const SipPacketInfo& info,
                         const SipParseError& error);

    /**
     * \brief Builds a 400 for bytes that are a malformed request with a readable top Via.
     * \param data the bytes
     * \param size their number
     * \param info how they arrived (for received/rport)
     * \param[out] response the 400
     * \returns false when no 400 is due (a response, an ACK, no readable Via)
     */
    bool BuildBadRequest(const uint8_t* data,
                         size_t size,
                         const SipPacketInfo& info,
                         SipMessage* response) const;

    /**
     * \brief RFC 3261 18.2.1 and RFC 3581: received and rport on the top Via.
     * \param via the top Via of a received request
     * \param info how the request arrived
     * \returns true when the Via was changed
     */
    static bool StampVia(SipVia* via, const SipPacketInfo& info);

    /**
     * \brief Counts and traces a drop.
     * \param packet the datagram
     * \param info its info
     * \param reason why
     */
    void Drop(Ptr<const Packet> packet, const SipPacketInfo& info, DropReason reason);

    /** \returns the node's IpsecStack (nullptr when it has none) */
    Ptr<IpsecStack> GetIpsecStack();

    Ptr<Node> m_node;                                //!< the node
    Ptr<Ipv6L3Protocol> m_ipv6;                      //!< its IPv6 stack
    Ptr<UdpL4Protocol> m_udp;                        //!< its UDP
    Ptr<IpsecStack> m_ipsec;                         //!< its IPsec layer (lazy)
    uint16_t m_port;                                 //!< clear SIP port
    bool m_answerBadRequests;                        //!< send 400 to malformed requests
    bool m_started;                                  //!< between Start and Stop
    std::map<SocketKey, Ipv6EndPoint*> m_sockets;    //!< open endpoints
    std::set<uint16_t> m_protectedPorts;             //!< open protected ports
    ReceiveCallback m_receive;                       //!< the application
    SipMessageCounters m_sent;                       //!< sent
    SipMessageCounters m_retransmitted;              //!< sent, marked retransmissions
    SipMessageCounters m_received;                   //!< received, valid
    uint64_t m_parseErrors;                          //!< malformed datagrams
    uint64_t m_parseErrorBytes;                      //!< their bytes
    uint64_t m_badRequestAnswered;                   //!< 400 sent for them
    std::array<uint64_t, DROP_REASON_COUNT> m_drops; //!< drops by reason
    TracedCallback<const SipMessage&, const SipPacketInfo&> m_sentTrace;     //!< sent
    TracedCallback<const SipMessage&, const SipPacketInfo&> m_receivedTrace; //!< received
    TracedCallback<Ptr<const Packet>, const SipPacketInfo&, const SipParseError&, bool>
        m_parseErrorTrace; //!< malformed datagrams
    TracedCallback<Ptr<const Packet>, const SipPacketInfo&, DropReason> m_dropTrace; //!< drops
};

/**
 * \param os output stream
 * \param reason a drop reason
 * \returns the stream, with the reason's name written
 */
std::ostream& operator<<(std::ostream& os, SipTransport::DropReason reason);

} // namespace ns3

#endif /* SIP_TRANSPORT_H */
