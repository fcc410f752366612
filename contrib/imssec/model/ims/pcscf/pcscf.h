/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef PCSCF_H
#define PCSCF_H

#include "pcscf-counters.h"
#include "pcscf-registration-table.h"
#include "pcscf-sec-agree-server.h"

#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/ims-sec-agree.h"
#include "ns3/ipsec-sa-set-parameters.h"
#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"
#include "ns3/sec-agree-rules.h"
#include "ns3/sip-message-counters.h"
#include "ns3/sip-message.h"
#include "ns3/sip-packet-info.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

namespace ns3
{

class IpsecStack;
class SipTransport;
class SipTransactionManager;
class UniformRandomVariable;

/**
 * \ingroup imssec
 * \brief The P-CSCF: the IMS first-hop SIP proxy (TS 24.229 5.2) with its RFC 3329
 * sec-agree server and the IPsec SAs of TS 33.203, as an ns-3 Application.
 *
 * It forwards statelessly (RFC 3261 16.11) between UEs and one S-CSCF and keeps only the
 * registration and sec-agree state it needs, one PcscfRegistration per IMPI:
 *
 * - Unprotected REGISTER on port 5060 with Security-Client and sec-agree in Require /
 *   Proxy-Require: the UE's mechanism is remembered (an "offer"), the REGISTER forwarded
 *   with Path and integrity-protected="no".  Other unprotected requests from UEs get 421
 *   (no sec-agree tag) or 494 (sec-agree required, or no supported mechanism), 502 with
 *   several Via (RFC 3329 2.3.1, 2.3.2).
 * - 401 from the S-CSCF: IK and CK are taken out of WWW-Authenticate, the P-CSCF draws its
 *   SPIs, decides the UE side's selector prefix length (AddrPrefLengthPolicy), installs its
 *   four SAs with the reg-await-auth lifetime and adds Security-Server (echoing
 *   addr-pref-length unless the policy is `ignore` or the UE sent none).
 * - Protected requests (port-s, through an SA): the SA set (IpsecTag) must belong to the
 *   registration of the IMPI (REGISTER) or of the public identity claimed (other requests,
 *   current set only), else 403; Security-Verify must equal the Security-Server sent for
 *   that set, else 494 (bidding down).  sec-agree headers are removed, REGISTER gets
 *   integrity-protected="yes".
 * - 200 OK to REGISTER: the pending set is confirmed (lifetime = granted expiry +
 *   SaLifetimeMargin) and the UE's older set deleted; with expiry 0 every set of the UE is
 *   deleted after the 200 went out.  Sets also end on their own expiry (the registration
 *   is forgotten with its last set).
 * - Requests from the S-CSCF go to the UE (Request-URI, after the Path Route is popped)
 *   from the protected client port to the UE's port-s through the SA covering the
 *   destination; when none covers it the request is answered with NoSaStatusCode (480).
 *   Responses go back by Via; those of protected requests through the SA toward the
 *   UE's port-c.
 * - RFC 3261 16: Max-Forwards (483), loops (482), loose routing, Record-Route on
 *   dialog-creating requests, Path on REGISTER.
 */
class Pcscf : public Application
{
  public:
    /**
     * \brief Get the type ID.
     * \returns the object TypeId
     */
    static TypeId GetTypeId();

    Pcscf();
    ~Pcscf() override;

    /**
     * TracedCallback signature for SA sets installed.
     * \param impi the UE's private identity
     * \param handle the SA set handle (IpsecStack)
     * \param parameters the set's parameters
     */
    typedef void (*SaSetCreatedTracedCallback)(const std::string& impi,
                                               uint32_t handle,
                                               const IpsecSaSetParameters& parameters);

    /**
     * TracedCallback signature for SA sets deleted (or expired).
     * \param impi the UE's private identity
     * \param handle the SA set handle
     * \param why the reason
     */
    typedef void (*SaSetDeletedTracedCallback)(const std::string& impi,
                                               uint32_t handle,
                                               PcscfSaSetEnd why);

    /**
     * TracedCallback signature for requests the P-CSCF answered itself.
     * \param request the request
     * \param info how it arrived
     * \param statusCode the status code sent
     * \param cause why
     */
    typedef void (*RejectTracedCallback)(const SipMessage& request,
                                         const SipPacketInfo& info,
                                         uint16_t statusCode,
                                         PcscfRejectCause cause);

    /**
     * TracedCallback signature for messages dropped.
     * \param message the message
     * \param info how it arrived
     * \param cause why
     */
    typedef void (*DropTracedCallback)(const SipMessage& message,
                                       const SipPacketInfo& info,
                                       PcscfDropCause cause);

    /**
     * TracedCallback signature for registrations confirmed or refreshed by a 200 OK.
     * \param impi the UE's private identity
     * \param handle its current SA set
     * \param expires the granted registration lifetime
     */
    typedef void (*RegisteredTracedCallback)(const std::string& impi,
                                             uint32_t handle,
                                             Time expires);

    /**
     * TracedCallback signature for registrations forgotten.
     * \param impi the UE's private identity
     */
    typedef void (*RegistrationRemovedTracedCallback)(const std::string& impi);

    /**
     * TracedCallback signature for SIP messages (the transport's, re-fired here so that
     * they are reachable through the application's Config path).
     * \param message the message
     * \param info addresses, ports, protection, size
     */
    typedef void (*MessageTracedCallback)(const SipMessage& message, const SipPacketInfo& info);

    /**
     * TracedCallback signature for the SAD size (IpsecSad::SaCount, re-fired).
     * \param oldValue live SAs before
     * \param newValue live SAs now
     */
    typedef void (*SadSizeTracedCallback)(uint32_t oldValue, uint32_t newValue);

    /**
     * \brief Assigns a fixed random stream to the SPI generator.
     * \param stream first stream index
     * \returns the number of streams used (1)
     */
    int64_t AssignStreams(int64_t stream);

    // --- parts --------------------------------------------------------------------------

    /** \returns the SIP transport (after StartApplication) */
    Ptr<SipTransport> GetTransport() const;

    /** \returns the transaction manager (stateless use) */
    Ptr<SipTransactionManager> GetTransactionManager() const;

    /** \returns the node's IPsec layer (after StartApplication) */
    Ptr<IpsecStack> GetIpsecStack() const;

    /** \returns the registrations */
    const PcscfRegistrationTable& GetRegistrationTable() const;

    /**
     * \param impi a private identity
     * \returns its registration, nullptr when none
     */
    const PcscfRegistration* FindRegistration(const std::string& impi) const;

    /** \returns the sec-agree server (its configuration) */
    const PcscfSecAgreeServer& GetSecAgreeServer() const;

    /** \returns the address in Via, Path and Record-Route (toward the S-CSCF) */
    Ipv6Address GetCoreAddress() const;

    // --- counters -----------------------------------------------------------------------

    /** \returns the P-CSCF's own counters */
    const PcscfCounters& GetCounters() const;

    /** \returns messages and bytes received per method / response class (transport) */
    const SipMessageCounters& GetReceivedCounters() const;

    /** \returns messages and bytes sent per method / response class (transport) */
    const SipMessageCounters& GetSentCounters() const;

    /** \returns SA sets installed */
    uint64_t GetSaSetsCreated() const;

    /** \returns SA sets deleted or expired */
    uint64_t GetSaSetsDeleted() const;

    /** \returns the live SAs in the node's SAD */
    uint32_t GetSadSize() const;

    /**
     * \param statusCode e.g. 421, 494, 403
     * \returns responses with that code the P-CSCF generated (not forwarded ones)
     */
    uint64_t GetResponsesSent(uint16_t statusCode) const;

    /** \returns 494 sent because Security-Verify differed (bidding-down detected) */
    uint64_t GetBiddingDownCount() const;

    /** \returns protected requests rejected: wrong SA set or identity (403) */
    uint64_t GetProtectedRequestsRejected() const;

    /** \returns requests toward UEs that no SA covered (answered with NoSaStatusCode) */
    uint64_t GetRequestsToUeWithoutSa() const;

    /** \returns datagrams that were not SIP (transport parse errors), answered or not */
    uint64_t GetMalformedCount() const;

    /**
     * \returns garbage dropped without answer: malformed datagrams not answered with 400,
     * clear datagrams refused on protected ports by the transport, and valid SIP the
     * P-CSCF dropped (PcscfDropCause)
     */
    uint64_t GetGarbageDroppedCount() const;

    /** \returns UEs with a confirmed registration */
    uint32_t GetRegisteredUeCount() const;

    // --- message processing model (ProcessingRate > 0) ----------------------------------

    /** \returns SIP messages dropped because the processing queue was full */
    uint64_t GetQueueDrops() const;

    /** \returns SIP messages that went through the processing queue */
    uint64_t GetQueueProcessed() const;

    /** \returns messages waiting in the processing queue now */
    uint32_t GetQueueLength() const;

    /** \returns the largest queue length seen */
    uint32_t GetQueueMaxLength() const;

    /** \returns the mean time from arrival to processing of queued messages (zero: none) */
    Time GetMeanQueueDelay() const;

    /** \returns the longest time from arrival to processing of a queued message */
    Time GetMaxQueueDelay() const;

  protected:
    void DoDispose() override;

  private:
    /// A SIP message waiting for the processing model (ProcessingRate > 0).
    struct QueuedMessage
    {
        SipMessage message; //!< the message
        SipPacketInfo info; //!< how it arrived
        uint64_t handle;    //!< the transaction manager's handle (requests)
        bool isRequest;     //!< request or response
        Time arrival;       //!< when it arrived
    };

    /// What is left to do once a response to REGISTER went out (through the SA it answers).
    struct RegisterAftermath
    {
        std::string impi;       //!< whose registration
        bool deregister{false}; //!< de-registered: delete every set, forget the UE
        bool abandon{false};    //!< the attempt failed: delete the set made for it
    };

    void StartApplication() override;
    void StopApplication() override;

    /**
     * \brief The transaction manager's request handler (every request is stateless).
     * \param request the request
     * \param info how it arrived
     * \param handle 0
     */
    void ReceiveRequest(const SipMessage& request, const SipPacketInfo& info, uint64_t handle);

    /**
     * \brief Finite processing model: queues a message when ProcessingRate > 0.
     * \param message the message
     * \param info how it arrived
     * \param handle the transaction handle (requests)
     * \param isRequest request or response
     * \returns true when the message was queued or dropped (the caller stops), false when
     * it must be processed now
     */
    bool Enqueue(const SipMessage& message,
                 const SipPacketInfo& info,
                 uint64_t handle,
                 bool isRequest);

    /** \brief Processes the message at the head of the queue (end of its service time). */
    void ServeQueue();

    /**
     * \brief TS 33.203 7.2: the Security-Client of a protected REGISTER through a pending set
     * must name the mechanism that set was built from (a changed unprotected Security-Client
     * is a bidding-down attack).
     * \param request the protected REGISTER
     * \param handle the SA set it came through
     * \returns true when it matches (or the check is off)
     */
    bool SecurityClientMatches(const SipMessage& request, uint32_t handle) const;

    /**
     * \brief The transaction manager's stray response handler (every response).
     * \param response the response
     * \param info how it arrived
     */
    void ReceiveResponse(const SipMessage& response, const SipPacketInfo& info);

    /**
     * \param request an unprotected request from a UE (port 5060)
     * \param info how it arrived
     */
    void HandleUnprotectedRequest(const SipMessage& request, const SipPacketInfo& info);

    /**
     * \param request a request that arrived through an SA (protected server port)
     * \param info how it arrived
     */
    void HandleProtectedRequest(const SipMessage& request, const SipPacketInfo& info);

    /**
     * \param request a request from the S-CSCF (to a UE)
     * \param info how it arrived
     */
    void HandleCoreRequest(const SipMessage& request, const SipPacketInfo& info);

    /**
     * \param response a response from the S-CSCF (to a UE)
     * \param info how it arrived
     */
    void HandleCoreResponse(const SipMessage& response, const SipPacketInfo& info);

    /**
     * \brief Checks a response's Via stack and finds where it goes next; drops it (counted)
     * when the top Via is not the P-CSCF's or no Via below it names a destination.
     * \param response a response received
     * \param info how it arrived
     * \param vias its Via values
     * \param[out] next address of the next hop
     * \param[out] port its port
     * \returns true when the response can be forwarded
     */
    bool FindResponseNextHop(const SipMessage& response,
                             const SipPacketInfo& info,
                             const std::vector<SipVia>& vias,
                             Ipv6Address* next,
                             uint16_t* port);

    /**
     * \param response a response from a UE through an SA (to the S-CSCF)
     * \param info how it arrived
     */
    void HandleUeResponse(const SipMessage& response, const SipPacketInfo& info);

    /**
     * \brief RFC 3261 16.3: Max-Forwards (483) and loop (482) checks; decrements
     * Max-Forwards in the copy to forward.
     * \param original the request as it arrived
     * \param info how it arrived
     * \param forwarded the copy to forward (changed)
     * \returns false when the request was answered or dropped
     */
    bool CheckHops(const SipMessage& original, const SipPacketInfo& info, SipMessage& forwarded);

    /**
     * \brief Forwards a request from a UE to the core: pops own Routes, adds Record-Route
     * (dialog-creating), Via, sends to the next Route or the S-CSCF.
     * \param original the request as it arrived (for the branch)
     * \param info how it arrived
     * \param forwarded the copy to forward
     */
    void ForwardToCore(const SipMessage& original,
                       const SipPacketInfo& info,
                       SipMessage& forwarded);

    /**
     * \brief The 401 / 2xx / failure processing of a response to REGISTER (before it is
     * forwarded): SA set installation and Security-Server, confirmation, removal.
     * \param response the response (changed: ik/ck removed, Security-Server added)
     * \param[out] after what to do once the response went out
     */
    void ProcessRegisterResponse(SipMessage& response, RegisterAftermath* after);

    /**
     * \brief Installs the pending SA set of a registration on a 401.
     * \param r the registration (with an offer)
     * \param challenge the WWW-Authenticate value (ik, ck)
     * \returns the Security-Server list to add (empty on failure)
     */
    std::vector<SecurityMechanism> InstallPendingSet(PcscfRegistration& r,
                                                     const SipDigest& challenge);

    /**
     * \brief Sends a response of the P-CSCF's own to a request (stateless), counts it.
     * \param request the request
     * \param info how it arrived
     * \param statusCode the status
     * \param cause why
     * \param securityServer Security-Server to add (nullptr: none)
     * \param requireSecAgree add "Require: sec-agree" (421)
     */
    void Reject(const SipMessage& request,
                const SipPacketInfo& info,
                uint16_t statusCode,
                PcscfRejectCause cause,
                const std::vector<SecurityMechanism>* securityServer = nullptr,
                bool requireSecAgree = false);

    /**
     * \brief Counts and traces a drop.
     * \param message the message
     * \param info how it arrived
     * \param cause why
     */
    void DropMessage(const SipMessage& message, const SipPacketInfo& info, PcscfDropCause cause);

    /**
     * \brief The local address from which an outbound SA covers a protected send.
     * \param destination the UE address
     * \param destinationPort the UE port
     * \param sourcePort the P-CSCF's protected port
     * \param[out] source the local address
     * \returns false when no live SA covers the send from any address of the node
     */
    bool FindSaSource(Ipv6Address destination,
                      uint16_t destinationPort,
                      uint16_t sourcePort,
                      Ipv6Address* source) const;

    /**
     * \brief Deletes one SA set of a registration (IpsecStack) and unbinds it.
     * \param r the registration
     * \param handle current or pending set
     * \param why the reason
     */
    void DeleteSaSet(PcscfRegistration& r, uint32_t handle, PcscfSaSetEnd why);

    /**
     * \brief Forgets a registration when nothing is left of it.
     * \param r the registration (invalid afterwards when removed)
     */
    void RemoveIfEmpty(PcscfRegistration& r);

    /**
     * \param handle a set handle
     * \param r its registration
     * \returns the Security-Server list sent for it
     */
    std::vector<SecurityMechanism> GetServerList(uint32_t handle, const PcscfRegistration& r) const;

    /**
     * \brief IpsecStack SaSetExpired sink.
     * \param handle the set
     */
    void SaSetExpired(uint32_t handle);

    /**
     * \brief IpsecSad SaCount sink.
     * \param oldValue before
     * \param newValue now
     */
    void SadSizeChanged(uint32_t oldValue, uint32_t newValue);

    /**
     * \brief Transport MessageSent sink.
     * \param message the message
     * \param info how it went
     */
    void TransportSent(const SipMessage& message, const SipPacketInfo& info);

    /**
     * \brief Transport MessageReceived sink.
     * \param message the message
     * \param info how it came
     */
    void TransportReceived(const SipMessage& message, const SipPacketInfo& info);

    /** \brief Disconnects from the transport's and the IPsec layer's traces. */
    void DisconnectTraces();

    /** \brief Forgets offers whose 401 never came (every OfferTimeout). */
    void SweepOffers();

    /** \brief Schedules SweepOffers when offers are queued and none is scheduled. */
    void ScheduleSweep();

    /**
     * \param policy an AddrPrefLengthPolicy value (attribute setter)
     */
    void SetPolicy(int policy);

    /** \returns the AddrPrefLengthPolicy value (attribute getter) */
    int GetPolicy() const;

    /** \brief Applies the attributes to the sec-agree server. */
    void ConfigureServer();

    /**
     * \param request a request
     * \param proxyId e.g. "[address]:port"
     * \param address the sent-by address
     * \param port the sent-by port
     * \param uePortC UE port-c for a protected request (0 for none)
     * \returns the Via the P-CSCF adds
     */
    SipVia MakeVia(const SipMessage& request,
                   Ipv6Address address,
                   uint16_t port,
                   uint16_t uePortC) const;

    /**
     * \param request a request
     * \param value integrity-protected value ("yes" or "no")
     */
    static void SetIntegrityProtected(SipMessage& request, const std::string& value);

    // --- attributes ---
    Ipv6Address m_scscfAddress;         //!< S-CSCF address
    uint16_t m_scscfPort;               //!< S-CSCF port
    Ipv6Address m_localAddress;         //!< core address (:: = route toward the S-CSCF)
    uint16_t m_portC;                   //!< protected client port
    uint16_t m_portS;                   //!< protected server port
    AddrPrefLengthPolicy m_policy;      //!< policy toward addr-pref-length
    uint8_t m_minAddrPrefLength;        //!< CLAMP minimum
    uint8_t m_allocatedPrefixLength;    //!< prefix length the GGSN allocates to a UE
    int m_widerThanAllocation;          //!< PcscfSecAgreeServer::WiderThanAllocation
    std::string m_algorithms;           //!< supported algs in preference order
    Time m_regAwaitAuth;                //!< lifetime of a pending SA set
    Time m_saLifetimeMargin;            //!< SA lifetime beyond the registration expiry
    Time m_offerTimeout;                //!< offer without 401 forgotten after this
    bool m_verifyEveryProtectedRequest; //!< Security-Verify required in every request
    bool m_assertIdentity;              //!< insert P-Asserted-Identity
    uint16_t m_noSaStatusCode;          //!< answer to requests toward a UE without SA
    bool m_checkSecurityClient;         //!< compare Security-Client of SM7 with the set
    bool m_offerSuites;                 //!< suite numbers in Security-Server
    double m_processingRate;            //!< messages per second (0: infinite)
    uint32_t m_queueLimit;              //!< queued messages at most

    // --- parts and state ---
    Ptr<SipTransport> m_transport;           //!< SIP transport
    Ptr<SipTransactionManager> m_manager;    //!< stateless use
    Ptr<IpsecStack> m_ipsec;                 //!< the node's IPsec layer
    Ptr<UniformRandomVariable> m_spiRandom;  //!< SPI draws
    PcscfSecAgreeServer m_server;            //!< sec-agree server
    PcscfRegistrationTable m_table;          //!< registrations
    PcscfCounters m_counters;                //!< counters
    SecAgreeServerPolicy m_secAgreePolicy;   //!< RFC 3329 decisions
    Ipv6Address m_coreAddress;               //!< address in Via / Path / Record-Route
    std::vector<Ipv6Address> m_ownAddresses; //!< global addresses of the node
    EventId m_sweepEvent;                    //!< pending SweepOffers
    bool m_running;                          //!< between Start and Stop
    bool m_tracesConnected;                  //!< connected to the parts' traces
    std::deque<QueuedMessage> m_queue;       //!< messages awaiting processing
    EventId m_serveEvent;                    //!< end of the current service time
    bool m_serving;                          //!< processing a dequeued message
    uint64_t m_queueDrops;                   //!< dropped: queue full
    uint64_t m_queueProcessed;               //!< processed after queueing
    uint32_t m_queueMax;                     //!< largest queue length
    Time m_queueDelaySum;                    //!< sum of arrival-to-processing times
    Time m_queueDelayMax;                    //!< largest arrival-to-processing time

    // --- traces ---
    TracedCallback<const std::string&, uint32_t, const IpsecSaSetParameters&>
        m_saSetCreatedTrace; //!< SA set installed
    TracedCallback<const std::string&, uint32_t, PcscfSaSetEnd> m_saSetDeletedTrace; //!< ended
    TracedCallback<const SipMessage&, const SipPacketInfo&, uint16_t, PcscfRejectCause>
        m_rejectTrace; //!< answered
    TracedCallback<const SipMessage&, const SipPacketInfo&, PcscfDropCause> m_dropTrace; //!< drops
    TracedCallback<const std::string&, uint32_t, Time> m_registeredTrace;     //!< 200 OK processed
    TracedCallback<const std::string&> m_removedTrace;                        //!< forgotten
    TracedCallback<const SipMessage&, const SipPacketInfo&> m_sentTrace;      //!< sent
    TracedCallback<const SipMessage&, const SipPacketInfo&> m_receivedTrace;  //!< received
    TracedCallback<uint32_t, uint32_t> m_sadSizeTrace;                        //!< SAD size
    TracedCallback<const SipMessage&, const SipPacketInfo&> m_queueDropTrace; //!< queue full
};

} // namespace ns3

#endif /* PCSCF_H */
