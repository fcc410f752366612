/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IMS_UE_CLIENT_H
#define IMS_UE_CLIENT_H

#include "ims-ue-address-usage.h"
#include "ims-ue-causes.h"
#include "ims-ue-counters.h"
#include "ims-ue-registration.h"
#include "ims-ue-rotation-policy.h"
#include "ims-ue-security.h"
#include "ims-ue-session-manager.h"

#include "ns3/aka-credentials.h"
#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <memory>
#include <string>

namespace ns3
{

class IpsecStack;
class RandomVariableStream;
class SipTransactionManager;
class SipTransport;
class TemporaryAddressManager;
class UniformRandomVariable;
class ExponentialRandomVariable;
class Usim;

/**
 * \ingroup imssec
 * \brief The IMS client of a UE (model chapter, "Message flows"): registration with sec-agree
 * and IMS AKA,
 * re-registration, the reaction to address rotation, originating and terminating sessions,
 * and the UE's counters and traces.
 *
 * The node needs an IPv6 stack, an IpsecStack (IpsecHelper) and a TemporaryAddressManager
 * (ImsAccessHelper).  The client sends from the manager's current address (ns-3's source
 * address selection ignores address states) and follows its TemporaryAddressGenerated and
 * TemporaryAddressInvalidated traces.  Its parts, one job each: ImsUeRegistration (the
 * REGISTER state machine), ImsUeSecurity (Security-Client offers and SA sets),
 * ImsUeSessionManager (dialogs), ImsUeRotationPolicy (the decision on a new address),
 * ImsUeAddressUsage (how long each address was used) and ImsUeCounters; on SipTransport and
 * SipTransactionManager, which the client creates in StartApplication.
 *
 * Retries after a failed registration follow RFC 5626 4.5: min(RetryMaxTime, RetryBaseTime *
 * 2^n) times a uniform factor in [0.5, 1], n the consecutive failures before.
 */
class ImsUeClient : public Application
{
  public:
    /**
     * \brief Get the type ID.
     * \returns the object TypeId
     */
    static TypeId GetTypeId();

    ImsUeClient();
    ~ImsUeClient() override;

    /**
     * TracedCallback signature for a registration that started.
     * \param cause its cause
     */
    typedef void (*RegistrationStartedTracedCallback)(ImsRegistrationCause cause);

    /**
     * TracedCallback signature for a registration that completed.
     * \param cause its cause
     * \param duration first REGISTER -> 200
     * \param expires granted expiry (s)
     */
    typedef void (*RegistrationCompletedTracedCallback)(ImsRegistrationCause cause,
                                                        Time duration,
                                                        uint32_t expires);

    /**
     * TracedCallback signature for a registration attempt that failed.
     * \param cause its cause
     * \param failure why
     * \param status the final status code (0 without response)
     */
    typedef void (*RegistrationFailedTracedCallback)(ImsRegistrationCause cause,
                                                     ImsRegistrationFailure failure,
                                                     uint16_t status);

    /**
     * TracedCallback signature for a registration in force that ended.
     * \param failure why
     */
    typedef void (*RegistrationLostTracedCallback)(ImsRegistrationFailure failure);

    /**
     * TracedCallback signature for a session attempt.
     * \param callId its Call-ID
     * \param originating the UE originated it
     */
    typedef void (*SessionTracedCallback)(const std::string& callId, bool originating);

    /**
     * TracedCallback signature for sessions established (setup delay) or completed
     * (duration).
     * \param callId its Call-ID
     * \param originating the UE originated it
     * \param time setup delay (0 for terminating sessions) or duration
     */
    typedef void (*SessionTimeTracedCallback)(const std::string& callId,
                                              bool originating,
                                              Time time);

    /**
     * TracedCallback signature for sessions dropped.
     * \param callId its Call-ID
     * \param originating the UE originated it
     * \param cause why
     */
    typedef void (*SessionDroppedTracedCallback)(const std::string& callId,
                                                 bool originating,
                                                 ImsSessionDropCause cause);

    /**
     * TracedCallback signature for session attempts that failed.
     * \param callId its Call-ID
     * \param originating the UE originated it
     * \param cause why
     * \param status the final status code (0 without response)
     */
    typedef void (*SessionFailedTracedCallback)(const std::string& callId,
                                                bool originating,
                                                ImsSessionFailureCause cause,
                                                uint16_t status);

    /**
     * TracedCallback signature for an address's use (reported when it becomes invalid or
     * the application stops).
     * \param address the address
     * \param firstUse first message sent from or received at it
     * \param lastUse last such message
     */
    typedef void (*AddressUsedTracedCallback)(Ipv6Address address, Time firstUse, Time lastUse);

    /**
     * TracedCallback signature for the UE's decision on a new preferred address.
     * \param oldAddress the address in use
     * \param newAddress the new preferred address
     * \param action what the UE did
     */
    typedef void (*RotationTracedCallback)(Ipv6Address oldAddress,
                                           Ipv6Address newAddress,
                                           ImsUeRotationPolicy::Action action);

    /**
     * \brief Gives the USIM its secrets (before the start; the helper takes them from the
     * HSS's simulated subscriber).
     * \param credentials K and OPc
     */
    void SetAkaCredentials(const AkaCredentials& credentials);

    /**
     * \brief Assigns fixed random variable streams (tokens and back-off, arrivals, holding
     * time).
     * \param stream first stream index
     * \returns the number of streams assigned (3)
     */
    int64_t AssignStreams(int64_t stream);

    /**
     * \brief Assigns the stream of the SPI and protected-port draws (ImsUeSecurity); apart
     * from AssignStreams so that adding it moved no stream assigned before.
     * \param stream the stream index
     * \returns the number of streams assigned (1)
     */
    int64_t AssignSecurityStreams(int64_t stream);

    /**
     * \brief Originates one session now from the current address (besides the Poisson
     * arrivals); counted like them.
     * \param holdingTime how long it lasts once established
     * \returns true when the INVITE left (else the attempt is counted as failed)
     */
    bool Call(Time holdingTime);

    // --- state -------------------------------------------------------------------------

    /** \returns true when a registration is in force */
    bool IsRegistered() const;
    /** \returns the registration state machine */
    const ImsUeRegistration& GetRegistration() const;
    /** \returns the sec-agree state (offers, SA sets) */
    const ImsUeSecurity& GetSecurity() const;
    /** \returns the sessions */
    const ImsUeSessionManager& GetSessions() const;
    /** \returns the address new communication leaves from (:: before the first one) */
    Ipv6Address GetSourceAddress() const;
    /** \returns true while a rotation is deferred (defer-while-busy) */
    bool IsRotationDeferred() const;
    /** \returns the transport (nullptr before the start) */
    Ptr<SipTransport> GetTransport() const;
    /** \returns the transaction manager (nullptr before the start) */
    Ptr<SipTransactionManager> GetTransactionManager() const;
    /** \returns the USIM (nullptr before SetAkaCredentials) */
    const Usim* GetUsim() const;

    // --- counters ----------------------------------------------------------------------

    /** \returns every counter of the UE */
    const ImsUeCounters& GetCounters() const;
    /** \returns the open address usage records */
    const ImsUeAddressUsage& GetAddressUsage() const;
    /** \returns datagrams the transport found malformed (400 sent when possible) */
    uint64_t GetMalformedCount() const;
    /** \returns responses that matched no transaction (dropped) */
    uint64_t GetStrayResponseCount() const;

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;

    /** \brief Disconnects from the address manager's and the IPsec layer's traces. */
    void DisconnectTraces();

    // --- registration ------------------------------------------------------------------

    /**
     * \brief Starts an initial registration from the current address (or waits for one).
     * \param cause initial or address-change
     */
    void StartInitialRegistration(ImsRegistrationCause cause);
    /** \param cause a registration started */
    void OnRegistrationStarted(ImsRegistrationCause cause);
    /**
     * \param cause a registration completed
     * \param duration its duration
     * \param expires granted expiry
     */
    void OnRegistrationCompleted(ImsRegistrationCause cause, Time duration, uint32_t expires);
    /**
     * \param cause a registration attempt failed
     * \param failure why
     * \param status final status code
     */
    void OnRegistrationFailed(ImsRegistrationCause cause,
                              ImsRegistrationFailure failure,
                              uint16_t status);
    /** \param failure the registration in force ended */
    void OnRegistrationLost(ImsRegistrationFailure failure);
    /** \brief The re-registration time has come. */
    void OnRefreshDue();
    /**
     * \brief Schedules a retry after the RFC 5626 back-off.
     * \param cause the cause of the retry when it is an initial registration
     */
    void ScheduleRetry(ImsRegistrationCause cause);
    /** \brief The back-off is over. */
    void Retry();

    // --- addresses ---------------------------------------------------------------------

    /**
     * \param address a new preferred address
     * \param time when
     */
    void OnAddressGenerated(Ipv6Address address, Time time);
    /**
     * \param address an address that became invalid
     * \param time when
     */
    void OnAddressInvalidated(Ipv6Address address, Time time);
    /**
     * \param address an address of the UE
     * \returns true while the registration or a session uses it (the address manager keeps
     * such a deprecated address until its valid lifetime ends)
     */
    bool IsAddressInUse(Ipv6Address address) const;
    /** \param address the new preferred address: apply the rotation policy */
    void EvaluateRotation(Ipv6Address address);
    /** \brief After a registration: apply the policy to an address that came meanwhile. */
    void EvaluateCurrentAddress();
    /**
     * \brief Releases sessions and SAs and registers from a new address.
     * \param address the new address
     */
    void DropAndReregister(Ipv6Address address);
    /** \brief The last session ended: a deferred rotation can go on. */
    void OnSessionsIdle();
    /** \brief Goes on with a deferred rotation. */
    void ResumeDeferredRotation();
    /**
     * \param message a message sent or received
     * \param info its addresses
     */
    void NoteUse(const SipMessage& message, const SipPacketInfo& info);
    /**
     * \param record a closed usage record: counted and traced
     */
    void ReportUsage(const ImsUeAddressUsage::Record& record);
    /** \param handle an SA set of the node expired */
    void OnSaSetExpired(uint32_t handle);

    // --- sessions and requests ---------------------------------------------------------

    /** \brief Schedules the next Poisson arrival. */
    void ScheduleNextArrival();
    /** \brief An originating session arrives. */
    void OnArrival();
    /**
     * \param request a request received
     * \param info how
     * \param handle its server transaction (0 for ACK)
     */
    void OnRequest(const SipMessage& request, const SipPacketInfo& info, uint64_t handle);
    /**
     * \param handle a server INVITE transaction whose 2xx was not acknowledged
     * \param response the 2xx
     */
    void OnAckTimeout(uint64_t handle, const SipMessage& response);
    /** \param callId Call-ID \param originating originating */
    void OnSessionAttempted(const std::string& callId, bool originating);
    /** \param callId Call-ID \param originating originating \param delay setup delay */
    void OnSessionEstablished(const std::string& callId, bool originating, Time delay);
    /** \param callId Call-ID \param originating originating \param duration duration */
    void OnSessionCompleted(const std::string& callId, bool originating, Time duration);
    /** \param callId Call-ID \param originating originating \param cause why */
    void OnSessionDropped(const std::string& callId, bool originating, ImsSessionDropCause cause);
    /**
     * \param callId Call-ID
     * \param originating originating
     * \param cause why
     * \param status status code
     */
    void OnSessionFailed(const std::string& callId,
                         bool originating,
                         ImsSessionFailureCause cause,
                         uint16_t status);
    /** \param status an error status the UE answered a request with */
    void OnRequestRejected(uint16_t status);

    /**
     * \param policy attribute value
     */
    void SetRotationPolicy(ImsUeRotationPolicy::Policy policy);
    /** \returns attribute value */
    ImsUeRotationPolicy::Policy GetRotationPolicy() const;
    /**
     * \param action attribute value
     */
    void SetCoveredRotationAction(ImsUeRotationPolicy::CoveredAction action);
    /** \returns attribute value */
    ImsUeRotationPolicy::CoveredAction GetCoveredRotationAction() const;

    // --- attributes --------------------------------------------------------------------
    Ipv6Address m_pcscfAddress;              //!< P-CSCF address
    uint16_t m_pcscfPort;                    //!< P-CSCF unprotected port
    std::string m_impi;                      //!< IMPI
    std::string m_impu;                      //!< IMPU
    std::string m_domain;                    //!< home domain / realm
    uint32_t m_expires;                      //!< Expires requested (s)
    Time m_temporarySaLifetime;              //!< lifetime of a pending SA set
    Time m_saMargin;                         //!< SA lifetime beyond the expiry
    std::string m_algorithms;                //!< integrity algorithms offered
    int16_t m_addrPrefLength;                //!< addr-pref-length (-1: not sent)
    bool m_securityClientQ;                  //!< q values in Security-Client
    bool m_offerSuites;                      //!< suite numbers in Security-Client
    uint16_t m_portBase;                     //!< first protected port
    uint16_t m_portRange;                    //!< protected ports used
    ImsUeRotationPolicy m_policy;            //!< rotation policy
    Time m_retryBase;                        //!< RFC 5626 base-time
    Time m_retryMax;                         //!< RFC 5626 max-time
    double m_arrivalRate;                    //!< originating sessions per hour
    Ptr<RandomVariableStream> m_holdingTime; //!< holding time (s)
    Time m_refreshInterval;                  //!< UPDATE period
    Time m_answerDelay;                      //!< 180 -> 200
    std::string m_remoteUri;                 //!< Request-URI of originating INVITEs
    uint32_t m_maxSessions;                  //!< terminating limit (0: none)
    Time m_inviteTimeout;                    //!< no final answer after a 1xx

    // --- parts -------------------------------------------------------------------------
    Ptr<SipTransport> m_transport;                 //!< transport
    Ptr<SipTransactionManager> m_tm;               //!< transactions
    Ptr<IpsecStack> m_ipsec;                       //!< the node's IPsec layer
    Ptr<TemporaryAddressManager> m_addresses;      //!< the node's address manager
    std::unique_ptr<Usim> m_usim;                  //!< USIM
    ImsUeSecurity m_security;                      //!< sec-agree state
    ImsUeRegistration m_registration;              //!< registration
    ImsUeSessionManager m_sessions;                //!< sessions
    ImsUeAddressUsage m_usage;                     //!< address usage
    ImsUeCounters m_counters;                      //!< counters
    Ptr<UniformRandomVariable> m_tokens;           //!< tokens, SPIs, back-off
    Ptr<ExponentialRandomVariable> m_interArrival; //!< Poisson arrivals

    // --- state -------------------------------------------------------------------------
    bool m_running;                    //!< between start and stop
    Ipv6Address m_source;              //!< address for new communication
    bool m_everRegistered;             //!< a registration completed once
    bool m_rotationPending;            //!< an address came during a registration
    bool m_deferred;                   //!< defer-while-busy waits for the sessions
    uint32_t m_consecutiveFailures;    //!< registration failures in a row
    ImsRegistrationCause m_retryCause; //!< cause of the next initial retry
    EventId m_retryEvent;              //!< back-off
    EventId m_arrivalEvent;            //!< next arrival
    EventId m_deferEvent;              //!< deferred rotation resumes

    // --- traces ------------------------------------------------------------------------
    TracedCallback<ImsRegistrationCause> m_registrationStartedTrace;                   //!< started
    TracedCallback<ImsRegistrationCause, Time, uint32_t> m_registrationCompletedTrace; //!< done
    TracedCallback<ImsRegistrationCause, ImsRegistrationFailure, uint16_t>
        m_registrationFailedTrace;                                            //!< failed
    TracedCallback<ImsRegistrationFailure> m_registrationLostTrace;           //!< lost
    TracedCallback<const std::string&, bool> m_sessionAttemptedTrace;         //!< attempted
    TracedCallback<const std::string&, bool, Time> m_sessionEstablishedTrace; //!< established
    TracedCallback<const std::string&, bool, Time> m_sessionCompletedTrace;   //!< completed
    TracedCallback<const std::string&, bool, ImsSessionDropCause> m_sessionDroppedTrace; //!< drop
    TracedCallback<const std::string&, bool, ImsSessionFailureCause, uint16_t>
        m_sessionFailedTrace;                                   //!< failed attempts
    TracedCallback<Ipv6Address, Time, Time> m_addressUsedTrace; //!< address usage
    TracedCallback<Ipv6Address, Ipv6Address, ImsUeRotationPolicy::Action> m_rotationTrace; //!< rot
};

} // namespace ns3

#endif /* IMS_UE_CLIENT_H */
