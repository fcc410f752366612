/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef GGSN_APPLICATION_H
#define GGSN_APPLICATION_H

#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/ipv6-address.h"
#include "ns3/net-device.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace ns3
{

class Ipv6PrefixPool;
class GgsnRoutingProtocol;
class GgsnTunDevice;
class Ipv6L3Protocol;
class Packet;

/**
 * \ingroup imssec
 * \brief The GGSN's PDP-context logic and user plane: one prefix per UE link, advertised,
 * routed and policed.
 *
 * Each UE sits on its own point-to-point link to the GGSN node.  The UE-side devices of the
 * GGSN are not IPv6 interfaces of its stack (ns-3.37 would then scan all N of them for every
 * packet): AddUeLink() takes the device's received packets, and the stack sees all UEs
 * behind one GgsnTunDevice.  From a UE link, Router Solicitations are answered with a Router
 * Advertisement, DAD probes for the GGSN's link-local address (or an address claimed with
 * ClaimAddress) are answered with a Neighbor Advertisement, and other packets go to the stack
 * when the link has an active context and (SourceCheck) their source is inside its prefix.
 * Packets the stack routes to the GgsnTunDevice are sent on the link whose prefix holds
 * their destination (GgsnRoutingProtocol::LookupUeLink, a hash lookup).
 *
 * ActivatePdpContext() takes a prefix from the Ipv6PrefixPool, routes it to the link and
 * advertises it there in ICMPv6 Router Advertisements sent from the GGSN's link-local
 * address to ff02::1: one at once, InitialAdvertisements in all spaced by
 * InitialAdvertisementInterval, then every AdvertisementInterval (if non-zero), and one in
 * answer to each Router Solicitation (so that the UE's ns-3 stack stops soliciting).  The
 * Prefix Information option carries the A flag, the L flag when OnLinkFlag is set, and
 * AdvValidLifetime/AdvPreferredLifetime.  A prefix shorter than /64 is advertised as its first
 * /64 (SLAAC needs a /64).  DeactivatePdpContext() sends a last RA with zero lifetimes, removes
 * the route and returns the prefix to the pool (which quarantines it).
 *
 * PDP signalling (GTP, RADIUS/Diameter) is not modeled: a context is activated by a call.
 * Pool exhaustion, duplicate activation and deactivation of an unknown context are refused,
 * logged and counted.  UE links must not need address resolution (point-to-point devices).
 */
class GgsnApplication : public Application
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    GgsnApplication();
    ~GgsnApplication() override;

    /**
     * \brief Makes a device of the GGSN node a UE link (the device must not be an IPv6
     * interface).  Sets up the GgsnTunDevice on first use.
     * \param device the GGSN-side device of the UE's point-to-point link
     * \returns the link number
     */
    uint32_t AddUeLink(Ptr<NetDevice> device);

    /**
     * \returns the number of UE links
     */
    uint32_t GetNUeLinks() const;

    /**
     * \param link a link number
     * \returns the GGSN-side device of the link
     */
    Ptr<NetDevice> GetUeLinkDevice(uint32_t link) const;

    /**
     * \param link a link number
     * \returns the GGSN's link-local address on that link (source of its RAs, the UE's
     * default router)
     */
    Ipv6Address GetLinkLocalAddress(uint32_t link) const;

    /**
     * \brief Activates the PDP context of a UE link: allocates, routes and advertises a
     * prefix.
     * \param link the link number
     * \returns false (counted, logged) on a duplicate activation, an exhausted pool or an
     * unknown link
     */
    bool ActivatePdpContext(uint32_t link);

    /**
     * \brief Deactivates the PDP context of a UE link: withdraws and releases its prefix.
     * \param link the link number
     * \returns false (counted, logged) when the link has no active context
     */
    bool DeactivatePdpContext(uint32_t link);

    /**
     * \brief Sends an unsolicited Router Advertisement on a link with an active context now
     * (e.g. after changing AdvPreferredLifetime).
     * \param link the link number
     * \returns false when the link has no active context
     */
    bool Advertise(uint32_t link);

    /**
     * \param link a link number
     * \returns true when a PDP context is active on it
     */
    bool HasActiveContext(uint32_t link) const;

    /**
     * \param link a link number
     * \returns the prefix allocated to the context on that link, or :: when none
     */
    Ipv6Address GetUePrefix(uint32_t link) const;

    /**
     * \returns the length of the allocated prefixes
     */
    uint8_t GetAllocatedPrefixLength() const;

    /**
     * \brief Makes the GGSN answer DAD probes for an address on a link, as another holder of
     * the address would (to exercise a UE's DAD failure handling).
     * \param link the link number
     * \param address the address
     */
    void ClaimAddress(uint32_t link, Ipv6Address address);

    /**
     * \returns the prefix pool (created from the PrefixPool attribute)
     */
    Ptr<Ipv6PrefixPool> GetPrefixPool() const;

    /**
     * \returns the node's GgsnRoutingProtocol (aborts when the node has another protocol)
     */
    Ptr<GgsnRoutingProtocol> GetRoutingProtocol();

    /**
     * \returns the GGSN's IPv6 interface toward the UEs (set up on first use)
     */
    uint32_t GetUeInterface();

    /**
     * \returns the number of active PDP contexts
     */
    uint32_t GetNActiveContexts() const;

    /** \returns the number of successful activations */
    uint64_t GetNActivations() const;
    /** \returns the number of deactivations */
    uint64_t GetNDeactivations() const;
    /** \returns the number of activations refused because the pool was exhausted */
    uint64_t GetNExhaustedActivations() const;
    /** \returns the number of activations refused because the context was already active */
    uint64_t GetNDuplicateActivations() const;
    /** \returns the number of deactivations refused because no context was active */
    uint64_t GetNUnknownDeactivations() const;
    /** \returns the number of Router Solicitations received */
    uint64_t GetNRouterSolicitations() const;
    /** \returns the number of Router Solicitations not answered (no context, or invalid) */
    uint64_t GetNIgnoredSolicitations() const;
    /** \returns the number of Router Advertisements sent */
    uint64_t GetNRouterAdvertisements() const;
    /** \returns the number of DAD probes answered (address in use) */
    uint64_t GetNDadDefences() const;
    /** \returns the number of packets from UE links forwarded to the stack */
    uint64_t GetNUplinkPackets() const;
    /** \returns the number of packets sent to UE links for the stack */
    uint64_t GetNDownlinkPackets() const;
    /** \returns the number of packets from links without an active context, dropped */
    uint64_t GetNNoContextDrops() const;
    /** \returns the number of packets from UE links with a source outside their prefix */
    uint64_t GetNSpoofedDrops() const;
    /** \returns the number of packets for UEs whose prefix matches no active context */
    uint64_t GetNUnroutableDrops() const;

    /**
     * TracedCallback signature for context events.
     * \param link the UE link
     * \param prefix the prefix
     * \param length the prefix length
     */
    typedef void (*ContextTracedCallback)(uint32_t link, Ipv6Address prefix, uint8_t length);

    /**
     * TracedCallback signature for refused requests.
     * \param link the UE link
     * \param reason "exhausted", "duplicate", "unknown" or "no-such-link"
     */
    typedef void (*RefusedTracedCallback)(uint32_t link, const std::string& reason);

    /**
     * TracedCallback signature for Router Advertisements.
     * \param link the UE link
     * \param prefix the advertised prefix
     * \param solicited true when the RA answers a Router Solicitation
     */
    typedef void (*RaTracedCallback)(uint32_t link, Ipv6Address prefix, bool solicited);

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;

    /// State of one UE link.
    struct UeLink
    {
        Ptr<NetDevice> device; //!< GGSN-side device
        Ipv6Address prefix;    //!< allocated prefix
        bool active;           //!< context active
        uint32_t initialLeft;  //!< initial RAs still to send
        EventId raEvent;       //!< next unsolicited RA
    };

    /**
     * \brief Checks the node (IPv6, GgsnRoutingProtocol), sets up the GgsnTunDevice and
     * declares the pool, once.
     */
    void Setup();

    /**
     * \brief A packet from a UE link.
     * \param device the GGSN-side device
     * \param packet the packet
     * \param protocol the protocol number
     * \param from the sender's link-layer address
     * \returns true
     */
    bool ReceiveFromUe(Ptr<NetDevice> device,
                       Ptr<const Packet> packet,
                       uint16_t protocol,
                       const Address& from);

    /**
     * \brief Neighbor Discovery traffic on a UE link (multicast or link-local destination).
     * \param link the link
     * \param packet the packet, IPv6 header included
     */
    void HandleLinkTraffic(uint32_t link, Ptr<const Packet> packet);

    /**
     * \brief A packet the stack sends toward a UE (GgsnTunDevice send callback).
     * \param packet the packet, IPv6 header included
     * \returns true when it was sent on a UE link
     */
    bool SendToUe(Ptr<Packet> packet);

    /**
     * \brief Sends a Router Advertisement on a UE link.
     * \param link the link
     * \param solicited true when answering a Router Solicitation
     * \param withdraw true to advertise zero lifetimes (context deactivation)
     */
    void SendRouterAdvertisement(uint32_t link, bool solicited, bool withdraw);

    /**
     * \brief Answers a DAD probe: the address is in use.
     * \param link the link
     * \param target the probed address
     */
    void SendDadDefence(uint32_t link, Ipv6Address target);

    /**
     * \brief Sends an ICMPv6 message from the GGSN's link-local address on a UE link.
     * \param link the link
     * \param packet the ICMPv6 message (checksum computed)
     * \param destination the IPv6 destination
     */
    void SendOnLink(uint32_t link, Ptr<Packet> packet, Ipv6Address destination);

    /**
     * \brief Sends the next unsolicited RA of a context and schedules the following one.
     * \param link the link
     */
    void UnsolicitedAdvertisement(uint32_t link);

    /**
     * \param link a link number
     * \param reason why a request is refused
     */
    void Refuse(uint32_t link, const std::string& reason);

    // Parameters
    Ptr<Ipv6PrefixPool> m_pool;       //!< prefix pool
    uint32_t m_validLifetime;         //!< PIO valid lifetime (s, 0xffffffff = infinite)
    uint32_t m_preferredLifetime;     //!< PIO preferred lifetime (s, 0xffffffff = infinite)
    uint16_t m_routerLifetime;        //!< RA router lifetime (s)
    uint8_t m_curHopLimit;            //!< RA Cur Hop Limit
    bool m_onLink;                    //!< PIO L flag
    bool m_sourceLla;                 //!< include the source link-layer address option
    uint32_t m_mtu;                   //!< MTU option (0: none)
    uint32_t m_initialAdvertisements; //!< RAs at activation
    Time m_initialInterval;           //!< spacing of the initial RAs
    Time m_interval;                  //!< periodic RA interval (0: none)
    bool m_answerSolicitations;       //!< answer Router Solicitations
    bool m_sourceCheck;               //!< drop packets with a source outside the prefix

    // State
    bool m_setUp;                         //!< Setup() done
    Ptr<Ipv6L3Protocol> m_ipv6;           //!< the node's IPv6 stack
    Ptr<GgsnRoutingProtocol> m_routing;   //!< the node's routing protocol
    Ptr<GgsnTunDevice> m_tun;             //!< the stack's interface toward the UEs
    uint32_t m_tunInterface;              //!< its IPv6 interface index
    std::vector<UeLink> m_links;          //!< UE links
    std::vector<uint32_t> m_linkOfDevice; //!< device ifIndex -> link + 1 (0: not a link)
    std::unordered_map<Ipv6Address, uint32_t, Ipv6AddressHash> m_claimed; //!< claimed addresses
    uint32_t m_nActive;                                                   //!< active contexts

    // Statistics
    uint64_t m_nActivations;          //!< successful activations
    uint64_t m_nDeactivations;        //!< deactivations
    uint64_t m_nExhausted;            //!< refused: pool exhausted
    uint64_t m_nDuplicateActivations; //!< refused: already active
    uint64_t m_nUnknownDeactivations; //!< refused: not active
    uint64_t m_nRouterSolicitations;  //!< RS received
    uint64_t m_nIgnoredSolicitations; //!< RS not answered
    uint64_t m_nRouterAdvertisements; //!< RA sent
    uint64_t m_nDadDefences;          //!< DAD probes answered
    uint64_t m_nUplink;               //!< packets from UEs to the stack
    uint64_t m_nDownlink;             //!< packets from the stack to UEs
    uint64_t m_nNoContextDrops;       //!< packets from links without context
    uint64_t m_nSpoofedDrops;         //!< packets with a foreign source
    uint64_t m_nUnroutableDrops;      //!< packets for no active context

    TracedCallback<uint32_t, Ipv6Address, uint8_t> m_activatedTrace;   //!< context activated
    TracedCallback<uint32_t, Ipv6Address, uint8_t> m_deactivatedTrace; //!< context deactivated
    TracedCallback<uint32_t, const std::string&> m_refusedTrace;       //!< request refused
    TracedCallback<uint32_t, Ipv6Address, bool> m_raTrace;             //!< RA sent
};

} // namespace ns3

#endif /* GGSN_APPLICATION_H */
