/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef SCSCF_H
#define SCSCF_H

#include "scscf-authenticator.h"
#include "scscf-registrar.h"

#include "ns3/application.h"
#include "ns3/hss.h"
#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"
#include "ns3/sip-message.h"
#include "ns3/sip-packet-info.h"
#include "ns3/sip-target.h"
#include "ns3/traced-callback.h"
#include "ns3/traced-value.h"

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace ns3
{

class SipTransport;
class SipTransactionManager;

/**
 * \ingroup imssec
 * \brief The S-CSCF: registrar with IMS AKA against an Hss object, and a stateless proxy
 * for sessions (TS 24.229 section 5.4, RFC 3261 sections 10, 16 and 16.11, RFC 3327 Path,
 * RFC 3608 Service-Route).
 *
 * **Registrar.**  REGISTER requests run in server transactions (retransmissions absorbed).
 * The private identity (IMPI) is the Authorization username (derived from the To URI when
 * there is no Authorization, TS 24.229 5.4.1.1); unknown IMPI, or a To IMPU that is not one
 * of the IMPI's, is answered 403.  Whether to challenge follows TS 24.229 5.4.1.2:
 *
 * - `integrity-protected="yes"` with an answer to the pending challenge: the response is
 *   checked with XRES (RFC 3310); wrong -> 403, right -> registered.
 * - `auts` for the pending challenge: Hss::Resynchronise, then a new 401 (403 when the HSS
 *   rejects AUTS).
 * - `integrity-protected="yes"` from a registered IMPI, with AuthenticateReregistrations
 *   false or Expires 0 (de-registration): accepted without challenge.
 * - anything else: a vector from the HSS, 401 with `WWW-Authenticate: Digest
 *   realm=..., nonce="base64(RAND||AUTN)", algorithm=AKAv1-MD5, qop="auth", ik="..",
 *   ck=".."`, the challenge pending for RegAwaitAuth (TS 24.229 reg-await-auth).
 *
 * An accepted REGISTER stores the binding of the IMPI (Contact URI, Path, Call-ID, CSeq,
 * expiry = min(requested, MaxExpires)), replacing the earlier one, and is answered 200 with
 * `Contact: <uri>;expires=<granted>`, `Expires`, the Path echoed, `Service-Route:
 * <sip:orig@[scscf]:port;lr>` and `P-Associated-URI` (the IMPI's public identities, the
 * registered one first).  Expires 0 removes the binding.  A binding disappears at its
 * expiry.
 *
 * **Proxy.**  Every other request is handled statelessly (RFC 3261 16.11): ACKs to the
 * S-CSCF's own non-2xx answers are absorbed, Max-Forwards checked (483) and decremented,
 * loops detected (482, by the stateless branch), the top Route popped when it names this
 * node (loose routing; an `orig` user part marks an originating request, RFC 3608 /
 * TS 24.229), then the request goes to the next Route, or, without Route, by its
 * Request-URI: a home-domain IMPU of a provisioned UE is retargeted to the contact of its
 * binding with its Path as Route (404 when the HSS does not know the IMPU, 480 when it is not
 * registered); a non-UE IMPU goes to its entry in the peer table (AddPeer) or to
 * RemotePartyAddress; an IPv6 host goes to that address.  INVITEs that create a dialog get
 * `Record-Route: <sip:[scscf]:port;lr>`.  The own Via carries
 * SipTransactionManager::MakeStatelessBranch.  Responses are forwarded by popping the own
 * Via and sending to the next one (SipTransport::GetResponseDestination).
 *
 * Not modeled: I-CSCF, Cx/Diameter (the Hss is called directly, without delay), initial
 * filter criteria and application servers, forking (one contact per IMPI), GRUU, reg event
 * package, network-initiated de-registration, charging headers.
 */
class Scscf : public Application
{
  public:
    /** What kind of registration was accepted. */
    enum RegistrationKind : uint8_t
    {
        INITIAL = 0,     //!< no binding of this IMPI with this Call-ID before
        RE_REGISTRATION, //!< a binding with the same Call-ID existed (refresh)
        REGISTRATION_KIND_COUNT
    };

    /** Why a binding went away. */
    enum DeregistrationCause : uint8_t
    {
        USER = 0, //!< REGISTER with expires 0
        EXPIRED,  //!< the binding expired
        DEREGISTRATION_CAUSE_COUNT
    };

    /** How a proxied request was routed. */
    enum RouteKind : uint8_t
    {
        ORIGINATING = 0, //!< arrived with the `orig` Service-Route, sent to a non-UE peer
        TERMINATING,     //!< to a registered UE: retargeted to its contact, via its Path
        ROUTED,          //!< by Route or Request-URI address (in-dialog requests)
        ROUTE_KIND_COUNT
    };

    /**
     * TracedCallback signature for accepted registrations.
     * \param impi the private identity
     * \param impu the public identity in To
     * \param kind initial or re-registration
     * \param expires the granted expiry in seconds
     */
    typedef void (*RegistrationTracedCallback)(const std::string& impi,
                                               const std::string& impu,
                                               RegistrationKind kind,
                                               uint32_t expires);

    /**
     * TracedCallback signature for bindings removed.
     * \param impi the private identity
     * \param cause why
     */
    typedef void (*DeregistrationTracedCallback)(const std::string& impi,
                                                 DeregistrationCause cause);

    /**
     * TracedCallback signature for REGISTER responses other than 200 (401, 403, 400, ...).
     * \param impi the private identity ("" when unknown)
     * \param status the status code sent
     * \param reason why (e.g. "challenge", "resync", "wrong-response", "unknown-user")
     */
    typedef void (*RegisterAnswerTracedCallback)(const std::string& impi,
                                                 uint16_t status,
                                                 const std::string& reason);

    /**
     * TracedCallback signature for proxied requests.
     * \param request the request as forwarded
     * \param target where it went
     * \param kind how it was routed
     */
    typedef void (*ForwardTracedCallback)(const SipMessage& request,
                                          const SipTarget& target,
                                          RouteKind kind);

    /**
     * TracedCallback signature for requests answered by the proxy itself (404, 480, 482,
     * 483) or dropped (status 0).
     * \param request the request
     * \param status the status code sent, 0 when dropped
     * \param reason why
     */
    typedef void (*ProxyAnswerTracedCallback)(const SipMessage& request,
                                              uint16_t status,
                                              const std::string& reason);

    /**
     * \brief Get the type ID.
     * \returns the object TypeId
     */
    static TypeId GetTypeId();

    Scscf();
    ~Scscf() override;

    /**
     * \param hss the HSS (also attribute Hss); needed before the application starts
     */
    void SetHss(Ptr<Hss> hss);

    /** \returns the HSS */
    Ptr<Hss> GetHss() const;

    /**
     * \brief Routes a non-UE public identity (e.g. an application server or a peer) to an
     * address, before RemotePartyAddress is considered.
     * \param impu the public identity, e.g. "sip:remote@ims.example"
     * \param address where requests for it go
     * \param port the port there
     */
    void AddPeer(const std::string& impu, Ipv6Address address, uint16_t port = 5060);

    /** \returns the SIP transport (counters by method: GetSentCounters(), ...) */
    Ptr<SipTransport> GetTransport() const;

    /** \returns the transaction manager (its T1, T2, T4 are attributes there) */
    Ptr<SipTransactionManager> GetTransactionManager() const;

    /** \returns the address in Via, Record-Route, Service-Route (valid after start) */
    Ipv6Address GetAddress() const;

    /**
     * \param impu a public identity whose IMPI is its user@host (TS 24.229 5.4.1.1
     *        derivation, the form of the simulated subscribers)
     * \returns its binding (contact, Path, expiry), nullptr when not registered
     */
    const ScscfRegistrar::Binding* GetBinding(const std::string& impu) const;

    /**
     * \param binding a binding returned by GetBinding
     * \returns its Path value
     */
    std::string GetBindingPath(const ScscfRegistrar::Binding& binding) const;

    /** \returns the registrar (bindings by IMPI) */
    const ScscfRegistrar& GetRegistrar() const;

    // --- counters ---------------------------------------------------------------------

    /** \returns registered users (bindings) now */
    uint32_t GetRegisteredUserCount() const;
    /**
     * \param kind a kind
     * \returns registrations accepted of that kind
     */
    uint64_t GetRegistrations(RegistrationKind kind) const;
    /**
     * \param cause a cause
     * \returns bindings removed for it
     */
    uint64_t GetDeregistrations(DeregistrationCause cause) const;
    /**
     * \param status a status code
     * \returns REGISTER responses sent with it (retransmissions by the transaction layer
     *          not included)
     */
    uint64_t GetRegisterResponses(uint16_t status) const;
    /** \returns 401 sent */
    uint64_t Get401Sent() const;
    /** \returns 403 sent */
    uint64_t Get403Sent() const;
    /** \returns 200 sent to REGISTER */
    uint64_t Get200Sent() const;
    /** \returns REGISTERs naming an unknown private identity (403) */
    uint64_t GetUnknownUsers() const;
    /** \returns answers to challenges with a wrong response (403) */
    uint64_t GetAuthenticationFailures() const;
    /** \returns AKA vectors this S-CSCF took from the HSS */
    uint64_t GetVectorsConsumed() const;
    /** \returns resynchronisations accepted */
    uint64_t GetResyncs() const;
    /** \returns AUTS rejected */
    uint64_t GetResyncFailures() const;
    /** \returns challenges never answered within RegAwaitAuth */
    uint64_t GetChallengeTimeouts() const;
    /**
     * \param kind a route kind
     * \returns requests forwarded so routed (every copy, retransmissions included)
     */
    uint64_t GetForwardedRequests(RouteKind kind) const;
    /** \returns responses forwarded */
    uint64_t GetForwardedResponses() const;
    /**
     * \param status a status code (404, 480, 482, 483, ...)
     * \returns proxied requests answered by the S-CSCF itself with it
     */
    uint64_t GetProxyResponses(uint16_t status) const;
    /** \returns proxied messages dropped (ACK that cannot be routed, response not for us) */
    uint64_t GetProxyDrops() const;

    /**
     * \param kind a kind
     * \returns its name: "initial", "re-registration"
     */
    static std::string GetRegistrationKindName(RegistrationKind kind);
    /**
     * \param cause a cause
     * \returns its name: "user", "expired"
     */
    static std::string GetDeregistrationCauseName(DeregistrationCause cause);
    /**
     * \param kind a kind
     * \returns its name: "originating", "terminating", "routed"
     */
    static std::string GetRouteKindName(RouteKind kind);

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;

    /** Next hop of a non-UE public identity. */
    struct Peer
    {
        Ipv6Address address; //!< address
        uint16_t port;       //!< port
    };

    /**
     * \brief Transaction manager request handler.
     * \param request the request
     * \param info how it arrived
     * \param handle server transaction (0: stateless)
     */
    void ReceiveRequest(const SipMessage& request, const SipPacketInfo& info, uint64_t handle);

    /**
     * \brief Registrar: one REGISTER in its server transaction.
     * \param request the REGISTER
     * \param handle its server transaction
     */
    void HandleRegister(const SipMessage& request, uint64_t handle);

    /**
     * \brief Accepts an authenticated REGISTER: updates the binding, answers 200.
     * \param request the REGISTER
     * \param handle its server transaction
     * \param impi the private identity
     * \param impu the public identity in To
     */
    void AcceptRegister(const SipMessage& request,
                        uint64_t handle,
                        const std::string& impi,
                        const std::string& impu);

    /**
     * \brief Sends a 401 with a challenge.
     * \param request the REGISTER
     * \param handle its server transaction
     * \param impi the private identity
     * \param challenge the WWW-Authenticate value
     * \param reason "challenge" or "resync"
     */
    void SendChallenge(const SipMessage& request,
                       uint64_t handle,
                       const std::string& impi,
                       const SipDigest& challenge,
                       const std::string& reason);

    /**
     * \brief Answers a REGISTER with a status code and no further header.
     * \param request the REGISTER
     * \param handle its server transaction
     * \param impi the private identity ("" when unknown)
     * \param status the status code
     * \param reason why (trace)
     */
    void RejectRegister(const SipMessage& request,
                        uint64_t handle,
                        const std::string& impi,
                        uint16_t status,
                        const std::string& reason);

    /**
     * \param handle the server transaction of a REGISTER
     * \param response the response (counted when sent)
     */
    void SendRegisterResponse(uint64_t handle, const SipMessage& response);

    /**
     * \brief Proxy: one request handled statelessly.
     * \param request the request
     * \param info how it arrived
     */
    void ProxyRequest(const SipMessage& request, const SipPacketInfo& info);

    /**
     * \brief Answers a proxied request statelessly (or drops it when it is an ACK).
     * \param request the request
     * \param info how it arrived
     * \param status the status code
     * \param reason why (trace)
     */
    void AnswerProxied(const SipMessage& request,
                       const SipPacketInfo& info,
                       uint16_t status,
                       const std::string& reason);

    /**
     * \brief Proxy: a response that matches no transaction is forwarded to the next Via.
     * \param response the response
     * \param info how it arrived
     */
    void ForwardResponse(const SipMessage& response, const SipPacketInfo& info);

    /**
     * \param request a request
     * \returns the To tag this proxy puts on its own responses to it (same for its ACK)
     */
    std::string LocalTag(const SipMessage& request) const;

    /**
     * \param uri a URI
     * \returns true when its host is an address of this node
     */
    bool IsLocal(const SipUri& uri) const;

    /**
     * \param uri a SIP URI with an IPv6 host
     * \param[out] address its host
     * \param[out] port its port (5060 when absent)
     * \returns false when the host is not an IPv6 address
     */
    static bool UriTarget(const SipUri& uri, Ipv6Address* address, uint16_t* port);

    /**
     * \param impu a public identity (a URI text)
     * \returns it in the form the HSS stores ("sip:user@host", no port or parameters)
     */
    static std::string CanonicalImpu(const SipUri& impu);

    /**
     * \brief User de-registration: removes the binding of an IMPI (when it has one), counts
     * and traces it.
     * \param impi the IMPI
     */
    void Deregister(const std::string& impi);

    /**
     * \brief Registrar callback: a binding expired.
     * \param impi the IMPI
     * \param binding the binding
     */
    void BindingExpired(const std::string& impi, const ScscfRegistrar::Binding& binding);

    /**
     * \brief Authenticator callback: a challenge was never answered.
     * \param impi the IMPI
     */
    void ChallengeExpired(const std::string& impi);

    // --- parameters ---
    Ptr<Hss> m_hss;                     //!< HSS object (Cx not modeled)
    std::string m_homeDomain;           //!< realm / home domain
    Ipv6Address m_configuredAddress;    //!< LocalAddress attribute (:: = first global)
    uint16_t m_port;                    //!< SIP port
    uint32_t m_maxExpires;              //!< longest registration granted (s)
    uint32_t m_defaultExpires;          //!< when the REGISTER names no expiry (s)
    Time m_regAwaitAuth;                //!< challenge lifetime
    bool m_authenticateReregistrations; //!< challenge protected re-REGISTERs too
    bool m_rejectNewContact;            //!< TS 24.229 403 for a new contact without challenge
    Ipv6Address m_remoteAddress;        //!< default next hop for non-UE identities
    uint16_t m_remotePort;              //!< its port

    // --- state ---
    Ptr<SipTransport> m_transport;                 //!< sockets
    Ptr<SipTransactionManager> m_transactions;     //!< REGISTER transactions
    Ipv6Address m_address;                         //!< own address (Via, Record-Route)
    std::vector<Ipv6Address> m_localAddresses;     //!< all global addresses of the node
    std::string m_proxyId;                         //!< stateless branch seed
    std::string m_recordRoute;                     //!< Record-Route value
    std::string m_serviceRoute;                    //!< Service-Route value
    ScscfRegistrar m_registrar;                    //!< bindings
    ScscfAuthenticator m_authenticator;            //!< pending challenges
    std::unordered_map<std::string, Peer> m_peers; //!< non-UE identities
    uint64_t m_tagCounter;                         //!< To tags of REGISTER responses

    // --- statistics ---
    std::array<uint64_t, REGISTRATION_KIND_COUNT> m_registrations;      //!< by kind
    std::array<uint64_t, DEREGISTRATION_CAUSE_COUNT> m_deregistrations; //!< by cause
    std::map<uint16_t, uint64_t> m_registerResponses;   //!< REGISTER responses by status
    uint64_t m_unknownUsers;                            //!< 403: unknown IMPI
    uint64_t m_authenticationFailures;                  //!< 403: wrong response
    std::array<uint64_t, ROUTE_KIND_COUNT> m_forwarded; //!< requests forwarded by kind
    uint64_t m_forwardedResponses;                      //!< responses forwarded
    std::map<uint16_t, uint64_t> m_proxyResponses;      //!< proxy answers by status
    uint64_t m_proxyDrops;                              //!< proxied messages dropped
    TracedValue<uint32_t> m_registeredUsers;            //!< bindings now

    TracedCallback<const std::string&, const std::string&, RegistrationKind, uint32_t>
        m_registrationTrace; //!< registrations accepted
    TracedCallback<const std::string&, DeregistrationCause>
        m_deregistrationTrace; //!< bindings removed
    TracedCallback<const std::string&, uint16_t, const std::string&>
        m_registerAnswerTrace; //!< 401, 403, ...
    TracedCallback<const SipMessage&, const SipTarget&, RouteKind>
        m_forwardTrace; //!< requests forwarded
    TracedCallback<const SipMessage&, uint16_t, const std::string&>
        m_proxyAnswerTrace; //!< proxied requests answered or dropped
};

} // namespace ns3

#endif /* SCSCF_H */
