/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_STACK_H
#define IPSEC_STACK_H

#include "ipsec-policy.h"
#include "ipsec-sa-set-parameters.h"
#include "ipsec-sa.h"
#include "ipsec-sad.h"
#include "ipsec-spd.h"

#include "ns3/ipv6-address.h"
#include "ns3/ipv6-header.h"
#include "ns3/node.h"
#include "ns3/object.h"
#include "ns3/packet.h"
#include "ns3/socket.h"
#include "ns3/traced-callback.h"

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>

namespace ns3
{

class Ipv6L3Protocol;
class IpsecEspExtension;

/**
 * \ingroup imssec
 * \brief The IPsec layer of a node (UE or P-CSCF): the object the IMS applications call.
 *
 * IpsecHelper installs it after the Internet stack.  It aggregates an IpsecSpd, an IpsecSad
 * and itself to the node, inserts an IpsecEspExtension for next header 50 into the node's
 * Ipv6ExtensionDemux (inbound ESP) and opens an Ipv6RawSocket for protocol 50 (outbound
 * ESP; its receive side is shut down, since a raw socket would otherwise queue a copy of
 * every inbound ESP packet).
 *
 * - Send() builds UDP + ESP (transport mode) for a datagram an SA covers and sends it.
 * - ProcessInbound() (called by the ESP extension) checks an ESP packet against its SA and
 *   hands the UDP datagram up with an IpsecTag.
 * - CheckClear() tells an application whether a clear packet should have been protected.
 * - InstallSaSet() / UpdateSaSetLifetime() / DeleteSaSet() manage the four SAs of one UE.
 *
 * Every packet refused is counted by reason and fired on the Drop trace.
 */
class IpsecStack : public Object
{
  public:
    /** Why a packet was refused. */
    enum DropReason : uint8_t
    {
        NO_SA_FOR_SPI = 0,            //!< inbound: no SA has the SPI
        SOURCE_OUTSIDE_SELECTOR,      //!< inbound: source not in the SA's source selector
        DESTINATION_OUTSIDE_SELECTOR, //!< inbound: SPI known, destination not in its selector
        PORTS_OUTSIDE_SELECTOR,       //!< inbound: ports or protocol not those of the SA
        ARRIVED_CLEAR,                //!< inbound: a protect policy covers a clear packet
        POLICY_DISCARD,               //!< inbound: a discard policy covers a clear packet
        REPLAY,                       //!< inbound: sequence number seen or left of the window
        BAD_ICV,                      //!< inbound: ICV does not verify
        EXPIRED_SA,                   //!< either: the SA found has expired
        MALFORMED,                    //!< inbound: too short, misaligned or bad padding
        NO_OUTBOUND_SA,               //!< outbound: no SA covers the packet
        SEQUENCE_OVERFLOW,            //!< outbound: the SA's 32-bit counter is exhausted
        SEND_FAILED,                  //!< outbound: source not on the node, or no route
        DROP_REASON_COUNT             //!< number of reasons (not a reason)
    };

    /** What the ICV of ESP packets is. */
    enum IcvMode : uint8_t
    {
        ICV_HMAC = 0,        //!< real HMAC, verified on receipt
        ICV_LENGTH_ONLY = 1, //!< zero bytes of the right length, not verified (large runs)
    };

    /**
     * \brief Get the type ID.
     * \returns the object TypeId
     */
    static TypeId GetTypeId();

    IpsecStack();
    ~IpsecStack() override;

    /**
     * TracedCallback signature for refused packets.
     * \param packet the packet (the ESP packet inbound, the UDP payload outbound)
     * \param source its source address
     * \param destination its destination address
     * \param spi the SPI involved (0 when none)
     * \param reason why it was refused
     */
    typedef void (*DropTracedCallback)(Ptr<const Packet> packet,
                                       const Ipv6Address& source,
                                       const Ipv6Address& destination,
                                       uint32_t spi,
                                       DropReason reason);

    /**
     * TracedCallback signature for protected and accepted packets.
     * \param packet the ESP packet sent, or the UDP datagram handed up
     * \param sa the SA used
     */
    typedef void (*SaPacketTracedCallback)(Ptr<const Packet> packet, Ptr<const IpsecSa> sa);

    /**
     * TracedCallback signature for SA set events.
     * \param handle the SA set handle
     */
    typedef void (*SaSetTracedCallback)(uint32_t handle);

    /**
     * \brief Sets the layer up on a node that has an IPv6 stack (IpsecHelper calls this).
     * \param node the node
     */
    void Install(Ptr<Node> node);

    /** \returns the node (nullptr before Install) */
    Ptr<Node> GetNode() const;

    /** \returns the node's SPD */
    Ptr<IpsecSpd> GetSpd() const;

    /** \returns the node's SAD */
    Ptr<IpsecSad> GetSad() const;

    /**
     * \brief Installs the four SAs (and the two inbound protect policies) of one UE.
     *
     * Old and new sets of one UE coexist (re-registration): they differ in SPIs and client
     * ports, and outbound lookups prefer the newest set when selectors are equal.
     * \param parameters what sec-agree negotiated, and which side this node is
     * \returns a handle (> 0), or 0 when the parameters are invalid or an inbound SPI is
     * already in use for the same destination (nothing is installed then)
     */
    uint32_t InstallSaSet(const IpsecSaSetParameters& parameters);

    /**
     * \brief Gives every SA of a set a new lifetime, counted from now.
     * \param handle a set handle
     * \param lifetime new lifetime (zero: never expires)
     * \returns false when the set does not exist or has expired
     */
    bool UpdateSaSetLifetime(uint32_t handle, Time lifetime);

    /**
     * \brief Deletes the SAs and policies of a set now.
     * \param handle a set handle
     * \returns false when the set does not exist
     */
    bool DeleteSaSet(uint32_t handle);

    /**
     * \param handle a set handle
     * \returns true while the set exists (live or expired but not yet removed)
     */
    bool HasSaSet(uint32_t handle) const;

    /**
     * \param handle a set handle
     * \returns true when the set exists and none of its SAs has expired
     */
    bool IsSaSetLive(uint32_t handle) const;

    /**
     * \param handle a set handle
     * \param [out] parameters the parameters it was installed with (lifetime: the last one
     * given)
     * \returns false when the set does not exist
     */
    bool GetSaSetParameters(uint32_t handle, IpsecSaSetParameters& parameters) const;

    /**
     * \param handle a set handle
     * \param index 0: UE port-c -> P-CSCF port-s; 1: UE port-s -> P-CSCF port-c;
     * 2: P-CSCF port-c -> UE port-s; 3: P-CSCF port-s -> UE port-c
     * \returns the SA, or nullptr
     */
    Ptr<IpsecSa> GetSaSetSa(uint32_t handle, uint32_t index) const;

    /** \returns the number of SA sets held */
    uint32_t GetSaSetCount() const;

    /**
     * \brief Sends a UDP datagram protected by the outbound SA that covers it.
     * \param udpPayload the UDP payload (e.g. a SIP message)
     * \param source source address (must be an address of the node)
     * \param sourcePort UDP source port
     * \param destination destination address
     * \param destinationPort UDP destination port
     * \returns true when sent; false when refused (counted and traced)
     */
    bool Send(Ptr<Packet> udpPayload,
              Ipv6Address source,
              uint16_t sourcePort,
              Ipv6Address destination,
              uint16_t destinationPort);

    /**
     * \brief Builds the ESP packet Send() would send, without sending it.
     *
     * Finds the outbound SA, consumes a sequence number, adds a UDP header with a correct
     * checksum, the ESP header, padding, trailer and ICV.
     * \param udpPayload the UDP payload
     * \param source source address
     * \param sourcePort UDP source port
     * \param destination destination address
     * \param destinationPort UDP destination port
     * \returns the ESP packet (the IPv6 payload), or nullptr when refused (counted, traced)
     */
    Ptr<Packet> Protect(Ptr<const Packet> udpPayload,
                        const Ipv6Address& source,
                        uint16_t sourcePort,
                        const Ipv6Address& destination,
                        uint16_t destinationPort);

    /**
     * \brief Inbound ESP processing (the ESP extension calls it from LocalDeliver).
     *
     * Finds the SA by (SPI, destination), checks expiry, replay window, ICV, padding and the
     * SA's selectors, updates the window, trims padding, trailer and ICV from the end of
     * packet and adds an IpsecTag.  The ESP header (8 bytes from offset) stays in front:
     * LocalDeliver removes it.
     * \param packet the IPv6 payload, ESP header at offset
     * \param offset where the ESP header starts
     * \param ipHeader the IPv6 header
     * \param [out] nextHeader the protocol of the payload (when accepted)
     * \returns true when accepted; false when refused (counted and traced)
     */
    bool ProcessInbound(Ptr<Packet>& packet,
                        uint32_t offset,
                        const Ipv6Header& ipHeader,
                        uint8_t& nextHeader);

    /**
     * \brief Inbound policy check for a packet that an application received.
     *
     * A packet carrying an IpsecTag came through an SA and passes.  A clear packet passes
     * unless an inbound protect (or discard) policy covers it; then it is counted and traced
     * as ARRIVED_CLEAR (or POLICY_DISCARD) and the application must drop it.
     * \param packet the packet as received from the socket
     * \param source its source address
     * \param sourcePort its source port
     * \param destination its destination address
     * \param destinationPort its destination port
     * \param protocol its protocol (17 UDP by default)
     * \returns true when the application may accept the packet
     */
    bool CheckClear(Ptr<const Packet> packet,
                    const Ipv6Address& source,
                    uint16_t sourcePort,
                    const Ipv6Address& destination,
                    uint16_t destinationPort,
                    uint8_t protocol = 17);

    /**
     * \param reason a drop reason
     * \returns packets refused for it
     */
    uint64_t GetDropCount(DropReason reason) const;

    /** \returns packets refused for any reason */
    uint64_t GetTotalDropCount() const;

    /** \returns ESP packets built (outProtect) */
    uint64_t GetProtectedCount() const;

    /** \returns ESP packets accepted and handed up (inProtectedAccept) */
    uint64_t GetAcceptedCount() const;

    /** \returns clear packets CheckClear() let through (inBypass) */
    uint64_t GetClearAcceptedCount() const;

    /** \returns the ICV mode */
    IcvMode GetIcvMode() const;

    /**
     * \param reason a drop reason
     * \returns its name, e.g. "no-sa-for-spi"
     */
    static std::string GetDropReasonName(DropReason reason);

  protected:
    void DoDispose() override;

  private:
    /** The SAs and policies installed for one UE. */
    struct SaSet
    {
        IpsecSaSetParameters parameters;          //!< what was negotiated
        std::array<Ptr<IpsecSa>, 4> sas;          //!< the four SAs (see GetSaSetSa)
        std::array<Ptr<IpsecPolicy>, 2> policies; //!< inbound protect policies
        uint8_t remaining{0};                     //!< SAs still in the SAD
        bool expired{false};                      //!< an SA of the set has expired
    };

    /**
     * \brief Counts and traces a refused packet.
     * \param reason why
     * \param packet the packet
     * \param source its source
     * \param destination its destination
     * \param spi the SPI involved (0 if none)
     */
    void Drop(DropReason reason,
              Ptr<const Packet> packet,
              const Ipv6Address& source,
              const Ipv6Address& destination,
              uint32_t spi);

    /**
     * \brief SAD trace sink: an SA expired.
     * \param sa the SA
     */
    void SaExpired(Ptr<const IpsecSa> sa);

    /**
     * \brief SAD trace sink: an SA left the SAD.
     * \param sa the SA
     * \param expired whether it had expired
     */
    void SaRemoved(Ptr<const IpsecSa> sa, bool expired);

    Ptr<Node> m_node;                                //!< the node
    Ptr<Ipv6L3Protocol> m_ipv6;                      //!< its IPv6 stack
    Ptr<IpsecSpd> m_spd;                             //!< SPD
    Ptr<IpsecSad> m_sad;                             //!< SAD
    Ptr<IpsecEspExtension> m_extension;              //!< inbound ESP hook
    Ptr<Socket> m_socket;                            //!< raw socket, protocol 50
    std::unordered_map<uint32_t, SaSet> m_sets;      //!< SA sets by handle
    uint32_t m_nextHandle;                           //!< next SA set handle
    IcvMode m_icvMode;                               //!< ICV mode
    uint32_t m_replayWindow;                         //!< window size for inbound SAs
    std::array<uint64_t, DROP_REASON_COUNT> m_drops; //!< drops by reason
    uint64_t m_protected;                            //!< ESP packets built
    uint64_t m_accepted;                             //!< ESP packets accepted
    uint64_t m_clearAccepted;                        //!< clear packets let through
    TracedCallback<Ptr<const Packet>, const Ipv6Address&, const Ipv6Address&, uint32_t, DropReason>
        m_dropTrace;                                                        //!< refused packets
    TracedCallback<Ptr<const Packet>, Ptr<const IpsecSa>> m_protectedTrace; //!< ESP sent
    TracedCallback<Ptr<const Packet>, Ptr<const IpsecSa>> m_acceptedTrace;  //!< ESP accepted
    TracedCallback<uint32_t> m_saSetExpiredTrace;                           //!< a set expired
    TracedCallback<uint32_t> m_saSetRemovedTrace;                           //!< a set left
};

/**
 * \param os output stream
 * \param reason a drop reason
 * \returns the stream, with the reason's name written
 */
std::ostream& operator<<(std::ostream& os, IpsecStack::DropReason reason);

} // namespace ns3

#endif /* IPSEC_STACK_H */
