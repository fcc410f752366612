/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef GGSN_APPLICATION_H
#define GGSN_APPLICATION_H

#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

class Ipv6PrefixPool;
class GgsnRoutingProtocol;
class Ipv6L3Protocol;
class Packet;
class Socket;

/**
 * \ingroup imssec
 * \brief The GGSN's PDP-context logic: one prefix per UE link, advertised and routed.
 *
 * Each UE sits on its own link (an IPv6 interface of the GGSN node).  ActivatePdpContext()
 * takes a prefix from the Ipv6PrefixPool, routes it to the UE's link (GgsnRoutingProtocol)
 * and advertises it there in ICMPv6 Router Advertisements: one at once, InitialAdvertisements
 * in all spaced by InitialAdvertisementInterval, then every AdvertisementInterval (if
 * non-zero), and one in answer to each Router Solicitation received on an active link (so
 * that the UE's ns-3 stack stops soliciting).  The Prefix Information option carries the A
 * flag, the L flag when OnLinkFlag is set, and the AdvValidLifetime/AdvPreferredLifetime.
 * A prefix shorter than /64 is advertised as its first /64 (SLAAC needs a /64).
 * DeactivatePdpContext() sends a last RA with zero lifetimes, removes the route and returns
 * the prefix to the pool (which quarantines it).
 *
 * PDP signalling (GTP, RADIUS/Diameter) is not modeled: a context is activated by a call.
 * Pool exhaustion, duplicate activation and deactivation of an unknown context are refused,
 * logged and counted.
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
     * \brief Activates the PDP context of the UE on a link: allocates, routes and advertises
     * a prefix.
     * \param interface the GGSN's IPv6 interface index of the UE's link
     * \returns false (counted, logged) on a duplicate activation, an exhausted pool or an
     * interface that is not a UE link
     */
    bool ActivatePdpContext(uint32_t interface);

    /**
     * \brief Deactivates the PDP context on a link: withdraws and releases its prefix.
     * \param interface the GGSN's IPv6 interface index of the UE's link
     * \returns false (counted, logged) when the link has no active context
     */
    bool DeactivatePdpContext(uint32_t interface);

    /**
     * \param interface a GGSN interface index
     * \returns true when a PDP context is active on it
     */
    bool HasActiveContext(uint32_t interface) const;

    /**
     * \param interface a GGSN interface index
     * \returns the prefix allocated to the context on that link, or :: when none
     */
    Ipv6Address GetUePrefix(uint32_t interface) const;

    /**
     * \returns the length of the allocated prefixes
     */
    uint8_t GetAllocatedPrefixLength() const;

    /**
     * \returns the prefix pool (created from the PrefixPool attribute)
     */
    Ptr<Ipv6PrefixPool> GetPrefixPool() const;

    /**
     * \returns the node's GgsnRoutingProtocol (aborts when the node has another protocol)
     */
    Ptr<GgsnRoutingProtocol> GetRoutingProtocol();

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
    /** \returns the number of Router Solicitations received on links without a context */
    uint64_t GetNIgnoredSolicitations() const;
    /** \returns the number of Router Advertisements sent */
    uint64_t GetNRouterAdvertisements() const;

    /**
     * TracedCallback signature for context events.
     * \param interface the GGSN interface of the UE's link
     * \param prefix the prefix
     * \param length the prefix length
     */
    typedef void (*ContextTracedCallback)(uint32_t interface, Ipv6Address prefix, uint8_t length);

    /**
     * TracedCallback signature for refused requests.
     * \param interface the GGSN interface of the UE's link
     * \param reason "exhausted", "duplicate", "unknown" or "not-a-ue-link"
     */
    typedef void (*RefusedTracedCallback)(uint32_t interface, const std::string& reason);

    /**
     * TracedCallback signature for Router Advertisements.
     * \param interface the GGSN interface of the UE's link
     * \param prefix the advertised prefix
     * \param solicited true when the RA answers a Router Solicitation
     */
    typedef void (*RaTracedCallback)(uint32_t interface, Ipv6Address prefix, bool solicited);

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;

    /// State of one UE link.
    struct Context
    {
        Ipv6Address prefix;   //!< allocated prefix
        bool active;          //!< context active
        uint32_t initialLeft; //!< initial RAs still to send
        EventId raEvent;      //!< next unsolicited RA
    };

    /**
     * \brief Checks the node (IPv6, GgsnRoutingProtocol) and declares the pool, once.
     */
    void Setup();

    /**
     * \param interface a GGSN interface index
     * \returns true when the interface can carry a PDP context
     */
    bool IsUeLink(uint32_t interface) const;

    /**
     * \brief Sends a Router Advertisement on a UE link.
     * \param interface the GGSN interface
     * \param solicited true when answering a Router Solicitation
     * \param withdraw true to advertise zero lifetimes (context deactivation)
     */
    void SendRouterAdvertisement(uint32_t interface, bool solicited, bool withdraw);

    /**
     * \brief Sends the next unsolicited RA of a context and schedules the following one.
     * \param interface the GGSN interface
     */
    void UnsolicitedAdvertisement(uint32_t interface);

    /**
     * \brief Reads Router Solicitations from the raw ICMPv6 socket.
     * \param socket the socket
     */
    void HandleRead(Ptr<Socket> socket);

    /**
     * \param interface a GGSN interface index
     * \param reason why a request is refused
     */
    void Refuse(uint32_t interface, const std::string& reason);

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

    // State
    bool m_setUp;                       //!< Setup() done
    Ptr<Ipv6L3Protocol> m_ipv6;         //!< the node's IPv6 stack
    Ptr<GgsnRoutingProtocol> m_routing; //!< the node's routing protocol
    std::vector<Context> m_contexts;    //!< contexts by interface index
    uint32_t m_nActive;                 //!< active contexts
    Ptr<Socket> m_socket;               //!< raw ICMPv6 socket for Router Solicitations

    // Statistics
    uint64_t m_nActivations;          //!< successful activations
    uint64_t m_nDeactivations;        //!< deactivations
    uint64_t m_nExhausted;            //!< refused: pool exhausted
    uint64_t m_nDuplicateActivations; //!< refused: already active
    uint64_t m_nUnknownDeactivations; //!< refused: not active
    uint64_t m_nRouterSolicitations;  //!< RS received
    uint64_t m_nIgnoredSolicitations; //!< RS on links without a context
    uint64_t m_nRouterAdvertisements; //!< RA sent

    TracedCallback<uint32_t, Ipv6Address, uint8_t> m_activatedTrace;   //!< context activated
    TracedCallback<uint32_t, Ipv6Address, uint8_t> m_deactivatedTrace; //!< context deactivated
    TracedCallback<uint32_t, const std::string&> m_refusedTrace;       //!< request refused
    TracedCallback<uint32_t, Ipv6Address, bool> m_raTrace;             //!< RA sent
};

} // namespace ns3

#endif /* GGSN_APPLICATION_H */
