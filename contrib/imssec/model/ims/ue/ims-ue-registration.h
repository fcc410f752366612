/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IMS_UE_REGISTRATION_H
#define IMS_UE_REGISTRATION_H

#include "ims-ue-causes.h"
#include "ims-ue-security.h"

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"
#include "ns3/sip-message.h"
#include "ns3/sip-name-addr.h"
#include "ns3/sip-packet-info.h"
#include "ns3/sip-transaction-manager.h"

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace ns3
{

class Usim;
class UniformRandomVariable;

/**
 * \ingroup imssec
 * \brief The UE's registration state machine (TS 24.229 5.1.1, TS 33.203 6.1 and 7, RFC 3329,
 * RFC 3310; the flows of the model chapter's "Message flows").
 *
 * An attempt is either *initial* (unprotected REGISTER to the P-CSCF's port 5060 from port
 * 5060; new Call-ID) or a *re-registration* (protected REGISTER through the active SA set,
 * same Call-ID, next CSeq).  Both carry a fresh Security-Client: new SPIs and port-c, and a
 * new port-s for an initial registration only (a re-registration keeps the registration's
 * port-s, TS 33.203 7.4).  A 401 is checked (AKA
 * nonce, Security-Server), AUTN verified by the USIM, the pending SA set installed with the
 * selector length the P-CSCF echoed, and the protected REGISTER with the Digest response and
 * Security-Verify sent through it.  A 200 completes the attempt: the pending set replaces the
 * active one (or the active one is extended when the network did not challenge), the
 * re-registration is scheduled (600 s before expiry above 1200 s, else at half time) and so
 * is the expiry.
 *
 * Failures end the attempt and are reported; retrying is the owner's decision, except after a
 * synchronisation failure, where the REGISTER with `auts` (cause re-authentication) is sent at
 * once, and after a MAC failure (the network is not authentic, TS 24.229 5.1.1.5.3): the UE
 * reports the challenge invalid in a further REGISTER of the same attempt (empty response, no
 * auts, new Security-Client, no SA set installed; through the active set when registered,
 * else in clear), and the attempt fails as a MAC failure with the S-CSCF's answer (403,
 * TS 24.229 5.4.1.2.3; a new 401 is handled as a challenge).  After two consecutive invalid
 * challenges the state machine halts: no automatic attempt, a registration in force stays
 * until it expires.  A re-registration that times out leaves the registration in force until
 * it expires; one that is rejected ends it (SAs deleted, `lost` reported).
 *
 * States: UNREGISTERED -> REGISTERING -> REGISTERED (-> REGISTERING while a re-registration
 * is in progress, still registered) and HALTED.  Steps of an attempt: AWAIT_CHALLENGE (first
 * REGISTER, or the invalid-challenge report, sent) and AWAIT_RESULT (protected REGISTER with
 * the response sent).
 */
class ImsUeRegistration
{
  public:
    /** Registration state. */
    enum State : uint8_t
    {
        UNREGISTERED = 0, //!< no registration, no attempt
        REGISTERING,      //!< an attempt is in progress (registered or not)
        REGISTERED,       //!< a registration is in force, no attempt
        HALTED,           //!< two consecutive invalid challenges: no automatic registration
    };

    /** Step of the attempt in progress. */
    enum Step : uint8_t
    {
        NO_ATTEMPT = 0,  //!< none
        AWAIT_CHALLENGE, //!< first REGISTER sent: 401 (or 200 without challenge) expected
        AWAIT_RESULT,    //!< protected REGISTER with the response sent: 200 expected
    };

    /// Invalid challenges (AUTN MAC failures) in a row the UE answers (TS 24.229 5.1.1.5.3)
    static constexpr uint32_t MAX_INVALID_CHALLENGES = 2;

    /** Who the UE is. */
    struct Identity
    {
        std::string impi;   //!< private identity, e.g. ue1@ims.example
        std::string impu;   //!< public identity, e.g. sip:ue1@ims.example
        std::string domain; //!< home domain and realm, e.g. ims.example
    };

    /** What the state machine reports (null callbacks allowed). */
    struct Listener
    {
        /// an attempt started
        Callback<void, ImsRegistrationCause> started;
        /// an attempt completed: cause, attempt duration, granted expiry (s)
        Callback<void, ImsRegistrationCause, Time, uint32_t> completed;
        /// an attempt failed: cause, why, the status code (0 without a response)
        Callback<void, ImsRegistrationCause, ImsRegistrationFailure, uint16_t> failed;
        /// the registration in force ended (SAs deleted): why
        Callback<void, ImsRegistrationFailure> lost;
        /// the re-registration time has come
        Callback<void> refreshDue;
    };

    ImsUeRegistration();

    /**
     * \brief Wires the state machine (StartApplication).
     * \param tm the UE's transaction manager
     * \param security the UE's sec-agree state
     * \param usim the UE's USIM
     * \param rng tokens (Call-ID, tags, branches, cnonce)
     */
    void Setup(Ptr<SipTransactionManager> tm,
               ImsUeSecurity* security,
               Usim* usim,
               Ptr<UniformRandomVariable> rng);

    /** \param identity who the UE is */
    void SetIdentity(const Identity& identity);
    /** \returns who the UE is */
    const Identity& GetIdentity() const;
    /** \returns the user part of the IMPU (the Contact user) */
    const std::string& GetUser() const;

    /**
     * \param address the P-CSCF's address
     * \param port its unprotected port (5060)
     */
    void SetPcscf(Ipv6Address address, uint16_t port);

    /**
     * \param expires Expires requested (s)
     * \param temporarySaLifetime lifetime of a pending SA set (reg-await-auth)
     * \param saMargin SA lifetime beyond the registration expiry
     */
    void SetTimes(uint32_t expires, Time temporarySaLifetime, Time saMargin);

    /** \param listener what to report */
    void SetListener(const Listener& listener);

    /**
     * \brief Starts an initial registration (unprotected REGISTER, new Call-ID).  An attempt
     * in progress is aborted.  Must not be called while registered (the owner clears first).
     * \param cause initial or address-change
     * \param source the UE address to register
     * \returns false when the REGISTER could not be sent (reported as failed)
     */
    bool StartInitial(ImsRegistrationCause cause, Ipv6Address source);

    /**
     * \brief Starts a re-registration through the active SA set.
     * \param cause refresh or contact-refresh
     * \param source the UE address to send from and to put in Contact
     * \returns false when not registered, an attempt is in progress, or the REGISTER could
     *          not be sent (reported as failed)
     */
    bool StartReregistration(ImsRegistrationCause cause, Ipv6Address source);

    /**
     * \brief Ends the attempt in progress without reports (its transaction terminated, the
     * pending SA set discarded).  A registration in force stays.
     */
    void Abort();

    /**
     * \brief Forgets everything (attempt, registration, timers) without reports and deletes
     * every SA set: the owner starts over (address change, stop).
     */
    void Reset();

    /**
     * \brief The registration in force is gone (e.g. the IPsec layer expired its SAs):
     * reports lost and deletes the SAs.
     * \param failure why
     */
    void Lose(ImsRegistrationFailure failure);

    /** \returns the state */
    State GetState() const;
    /** \returns the step of the attempt in progress */
    Step GetStep() const;
    /** \returns true when a registration is in force (also while re-registering) */
    bool IsRegistered() const;
    /** \returns true while an attempt is in progress */
    bool IsInProgress() const;
    /** \returns the cause of the attempt in progress (or of the last one) */
    ImsRegistrationCause GetCause() const;
    /** \returns the registered Contact address (:: when not registered) */
    Ipv6Address GetContactAddress() const;
    /** \returns the registered Contact URI (port-s of the active set) */
    SipUri GetContactUri() const;
    /** \returns the Service-Route of the registration */
    const std::vector<SipNameAddr>& GetServiceRoute() const;
    /** \returns the granted expiry (s) */
    uint32_t GetGrantedExpires() const;
    /** \returns when the registration expires */
    Time GetExpiryTime() const;
    /** \returns when the re-registration is scheduled (0 when none) */
    Time GetRefreshTime() const;
    /** \returns the Call-ID of the registration */
    const std::string& GetCallId() const;

    /**
     * \brief TS 24.229 5.1.1.4.1: 600 s before expiry when the registration lasts more than
     * 1200 s, else at half time.
     * \param granted the granted expiry (s)
     * \returns the delay from the 200 to the re-registration
     */
    static Time GetRefreshDelay(uint32_t granted);

    /** \param state a state \returns its name */
    static std::string GetStateName(State state);

  private:
    /**
     * \brief Builds a REGISTER of the current attempt.
     * \param viaPort Via sent-by port (5060 clear, port-c protected)
     * \param contactPort Contact port
     * \param authorization the Authorization value
     * \param verify the Security-Verify list (empty: none)
     * \returns the request
     */
    SipMessage BuildRegister(uint16_t viaPort,
                             uint16_t contactPort,
                             const SipDigest& authorization,
                             const std::vector<SecurityMechanism>& verify);

    /** \returns Authorization without a response (initial and re-registration) */
    SipDigest EmptyAuthorization() const;

    /**
     * \param realm the challenge's realm
     * \param nonce the challenge's nonce
     * \returns Authorization naming that challenge, without response and algorithm
     */
    SipDigest ChallengeAuthorization(const std::string& realm, const std::string& nonce) const;

    /**
     * \brief Sends a REGISTER of the current attempt in a new client transaction.
     * \param request the request
     * \param target where
     * \param step the step it starts
     * \returns false when it could not be sent
     */
    bool Send(const SipMessage& request, const SipTarget& target, Step step);

    /**
     * \brief Starts an attempt's bookkeeping and sends its first REGISTER.
     * \param cause the cause
     * \param source the address
     * \param authorization Authorization (empty response, or auts)
     * \returns false when the REGISTER could not be sent
     */
    bool Begin(ImsRegistrationCause cause, Ipv6Address source, const SipDigest& authorization);

    /**
     * \brief Sends a REGISTER that starts a challenge exchange (a new Security-Client; through
     * the active set when m_protected, else in clear from the attempt's address).
     * \param authorization Authorization (empty response, auts, or an invalid-challenge report)
     * \returns false when the REGISTER could not be sent (the attempt then failed)
     */
    bool SendFirst(const SipDigest& authorization);

    /**
     * \brief The USIM found the challenge's MAC wrong: report it (or halt after too many).
     * \param realm the challenge's realm
     * \param nonce the challenge's nonce
     */
    void ReportInvalidChallenge(const std::string& realm, const std::string& nonce);

    /**
     * \param response a response of the current transaction
     * \param info how it arrived
     */
    void OnResponse(const SipMessage& response, const SipPacketInfo& info);

    /** \brief Timer F of the current transaction. */
    void OnTimeout();

    /** \brief A retransmission could not be sent. */
    void OnTransportError();

    /**
     * \param response a 401 to the first REGISTER of an attempt
     */
    void OnChallenge(const SipMessage& response);

    /**
     * \param response a 2xx
     */
    void OnSuccess(const SipMessage& response);

    /**
     * \brief Ends the attempt as failed.
     * \param failure why
     * \param status the status code (0 without a response)
     */
    void Fail(ImsRegistrationFailure failure, uint16_t status);

    /** \brief The expiry time has come without a refresh. */
    void Expire();

    /** \brief The refresh time has come. */
    void RefreshDue();

    /** \returns 16 hexadecimal digits from the token stream */
    std::string NewToken();

    Ptr<SipTransactionManager> m_tm;  //!< transactions
    ImsUeSecurity* m_security;        //!< sec-agree state (owned by the client)
    Usim* m_usim;                     //!< USIM (owned by the client)
    Ptr<UniformRandomVariable> m_rng; //!< tokens
    Identity m_identity;              //!< who
    std::string m_user;               //!< user part of the IMPU
    Ipv6Address m_pcscf;              //!< P-CSCF address
    uint16_t m_pcscfPort;             //!< P-CSCF unprotected port
    uint32_t m_expires;               //!< Expires requested
    Time m_temporarySaLifetime;       //!< pending set lifetime
    Time m_saMargin;                  //!< SA lifetime beyond the expiry
    Listener m_listener;              //!< reports

    State m_state;                    //!< state
    Step m_step;                      //!< attempt step
    bool m_registered;                //!< a registration is in force
    ImsRegistrationCause m_cause;     //!< attempt cause
    Time m_attemptStart;              //!< attempt start
    Ipv6Address m_source;             //!< attempt address
    bool m_protected;                 //!< attempt sent through the active set
    bool m_resynchronising;           //!< the attempt carries auts
    bool m_reportingInvalidChallenge; //!< the last REGISTER reported an invalid challenge
    uint32_t m_invalidChallenges;     //!< consecutive invalid challenges
    uint16_t m_contactPort;           //!< Contact port of the attempt's last REGISTER
    ImsUeSecurity::Offer m_offer;     //!< attempt Security-Client
    uint64_t m_handle;                //!< current client transaction

    std::string m_callId;                    //!< Call-ID
    std::string m_fromTag;                   //!< From tag
    uint32_t m_cseq;                         //!< last CSeq used
    Ipv6Address m_contactAddress;            //!< registered Contact address
    uint16_t m_registeredContactPort;        //!< registered Contact port
    std::vector<SipNameAddr> m_serviceRoute; //!< Service-Route
    uint32_t m_granted;                      //!< granted expiry
    Time m_expiryTime;                       //!< expiry
    EventId m_refreshEvent;                  //!< re-registration
    EventId m_expiryEvent;                   //!< expiry
};

/**
 * \param os output stream
 * \param state a state
 * \returns the stream, with the state's name written
 */
std::ostream& operator<<(std::ostream& os, ImsUeRegistration::State state);

} // namespace ns3

#endif /* IMS_UE_REGISTRATION_H */
