/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IMS_UE_SESSION_MANAGER_H
#define IMS_UE_SESSION_MANAGER_H

#include "ims-ue-causes.h"
#include "ims-ue-session.h"

#include "ns3/callback.h"
#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"
#include "ns3/sip-message.h"
#include "ns3/sip-packet-info.h"
#include "ns3/sip-transaction-manager.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace ns3
{

class ImsUeRegistration;
class ImsUeSecurity;
class UniformRandomVariable;

/**
 * \ingroup imssec
 * \brief The sessions of one UE (model chapter, "Message flows"): originating INVITE through the
 * P-CSCF's protected port with the preloaded route and the Service-Route, ACK, RFC 4028
 * UPDATE refreshes by the originator, BYE at the end of the holding time; terminating
 * INVITEs answered (180 at once, 200 after the answer delay) and their refreshes supervised;
 * in-dialog requests of unknown dialogs answered 481, out-of-order CSeq 500 (RFC 3261 12.2.2),
 * CANCEL answered (RFC 3261 9.2), OPTIONS 200 and other methods 405.
 *
 * Every request leaves through the active SA set of the UE (TS 24.229 5.1.2A.1) from the
 * session's own address.  Every session ends in exactly one report: completed, dropped (by
 * cause) or failed (by cause); Stop() ends them without report.
 */
class ImsUeSessionManager
{
  public:
    /** Settings (the client's attributes). */
    struct Config
    {
        std::string remoteUri{"sip:remote@ims.example"}; //!< Request-URI of originating INVITEs
        Time refreshInterval{Seconds(300)}; //!< UPDATE period of originated sessions (0: none)
        Time answerDelay{Seconds(2)};       //!< 180 -> 200 of terminating sessions
        uint32_t maxSessions{0};            //!< terminating INVITEs beyond this get 486 (0: none)
    };

    /** What the manager reports (null callbacks allowed). */
    struct Listener
    {
        /// an attempt: Call-ID, originating
        Callback<void, const std::string&, bool> attempted;
        /// established: Call-ID, originating, setup delay (INVITE sent -> 2xx; 0 terminating)
        Callback<void, const std::string&, bool, Time> established;
        /// ended normally: Call-ID, originating, duration since establishment
        Callback<void, const std::string&, bool, Time> completed;
        /// an established session dropped: Call-ID, originating, cause
        Callback<void, const std::string&, bool, ImsSessionDropCause> dropped;
        /// an attempt failed: Call-ID, originating, cause, status code (0 without response)
        Callback<void, const std::string&, bool, ImsSessionFailureCause, uint16_t> failed;
        /// a request answered with an error status (400, 405, 481, 500)
        Callback<void, uint16_t> rejected;
        /// the last session ended
        Callback<void> idle;
    };

    /** What HandleRequest did with a request. */
    enum Disposition : uint8_t
    {
        HANDLED = 0, //!< answered (or absorbed) here
        STRAY_ACK,   //!< an ACK of no dialog
    };

    ImsUeSessionManager();
    ~ImsUeSessionManager();

    /**
     * \param tm the UE's transaction manager
     * \param security the UE's SA sets (the way out)
     * \param registration the UE's registration (identity, Service-Route)
     * \param rng tokens
     */
    void Setup(Ptr<SipTransactionManager> tm,
               ImsUeSecurity* security,
               ImsUeRegistration* registration,
               Ptr<UniformRandomVariable> rng);

    /** \param config settings */
    void SetConfig(const Config& config);
    /** \param listener reports */
    void SetListener(const Listener& listener);

    /**
     * \brief Starts an originating session (counted as attempted, failed at once when the UE
     * is not registered or the INVITE cannot be sent).
     * \param source the UE address of the session
     * \param holdingTime how long it lasts once established
     * \returns true when the INVITE left
     */
    bool Originate(Ipv6Address source, Time holdingTime);

    /**
     * \param request a request that arrived through the UE's SAs
     * \param info how it arrived
     * \param handle its server transaction (0 for ACK)
     * \returns what was done with it
     */
    Disposition HandleRequest(const SipMessage& request,
                              const SipPacketInfo& info,
                              uint64_t handle);

    /**
     * \brief A 2xx to a terminating INVITE was never acknowledged.
     * \param handle the server transaction
     * \param response the 2xx
     */
    void HandleAckTimeout(uint64_t handle, const SipMessage& response);

    /**
     * \brief Releases every session without sending anything (their SAs are gone).
     * \param drop cause reported for established sessions
     * \param fail cause reported for attempts
     */
    void ReleaseAll(ImsSessionDropCause drop, ImsSessionFailureCause fail);

    /**
     * \brief Releases the sessions of one address (it became invalid).
     * \param address the address
     * \param drop cause reported for established sessions
     * \param fail cause reported for attempts
     */
    void ReleaseUsing(Ipv6Address address, ImsSessionDropCause drop, ImsSessionFailureCause fail);

    /** \brief Ends every session without report (application stop). */
    void Stop();

    /** \returns sessions in progress (being set up or established) */
    uint32_t GetSessionCount() const;

    /**
     * \param address an address
     * \returns true when a session in progress uses it
     */
    bool IsAddressInUse(Ipv6Address address) const;

    /**
     * \param callId a Call-ID
     * \returns the session in progress with it, nullptr when none
     */
    const ImsUeSession* Find(const std::string& callId) const;

    /**
     * \param request an INVITE or UPDATE
     * \returns the Session-Expires delta-seconds (RFC 4028), 0 when absent or malformed
     */
    static uint32_t GetSessionExpires(const SipMessage& request);

  private:
    /** \param id a session id \returns the session, nullptr when gone */
    ImsUeSession* FindById(uint64_t id);
    /** \param request an in-dialog request \returns its session, nullptr when none */
    ImsUeSession* FindByDialog(const SipMessage& request);

    /** \returns 16 hexadecimal digits from the token stream */
    std::string NewToken();
    /**
     * \param source the UE address
     * \returns a Via with sent-by [source]:port-c of the active set, a new branch and rport
     */
    SipVia MakeVia(Ipv6Address source);
    /**
     * \param address the UE address
     * \returns Contact <sip:user@[address]:port-s> (active set)
     */
    SipNameAddr MakeContact(Ipv6Address address) const;
    /**
     * \param address the UE address
     * \returns a small SDP offer or answer
     */
    std::string MakeSdp(Ipv6Address address) const;
    /**
     * \param message a request or response to carry the SDP
     * \param address the UE address
     */
    void AddSdp(SipMessage* message, Ipv6Address address) const;
    /**
     * \param s a session
     * \param request the request to send in its dialog (Via already set)
     * \param callbacks the transaction's callbacks (null for fire-and-forget)
     * \returns the transaction handle, 0 when it could not be sent
     */
    uint64_t SendInDialog(ImsUeSession& s,
                          const SipMessage& request,
                          const SipTransactionManager::ClientCallbacks& callbacks);

    /**
     * \param id session
     * \param response a response to the INVITE
     * \param info how it arrived
     */
    void OnInviteResponse(uint64_t id, const SipMessage& response, const SipPacketInfo& info);
    /** \param id session */
    void OnInviteTimeout(uint64_t id);
    /** \param id session */
    void OnInviteTransportError(uint64_t id);
    /**
     * \param s session
     * \returns false when the ACK could not be sent
     */
    bool SendAck(ImsUeSession& s);
    /** \param s session: CANCEL of its INVITE (RFC 3261 9.1), outcome not awaited */
    void SendCancel(ImsUeSession& s);

    /** \param id session: sends the periodic UPDATE */
    void SendRefresh(uint64_t id);
    /**
     * \param id session
     * \param response a response to the UPDATE
     * \param info how it arrived
     */
    void OnRefreshResponse(uint64_t id, const SipMessage& response, const SipPacketInfo& info);

    /** \param id session: the holding time is over, BYE */
    void SendBye(uint64_t id);
    /**
     * \param id session
     * \param response a response to the BYE
     * \param info how it arrived
     */
    void OnByeResponse(uint64_t id, const SipMessage& response, const SipPacketInfo& info);
    /// Handler of the responses to a session's UPDATE or BYE (session id bound first).
    typedef Callback<void, uint64_t, const SipMessage&, const SipPacketInfo&> ResponseHandler;

    /**
     * \brief Sends an UPDATE or BYE in the session's dialog as its pending transaction; the
     * session is dropped (DROP_NO_SA) when it cannot be sent.
     * \param s session, in the state the request belongs to (CONFIRMED or ENDING)
     * \param request the request
     * \param onResponse gets its responses
     * \param timeoutCause the drop cause when no final response comes
     */
    void SendPending(ImsUeSession& s,
                     const SipMessage& request,
                     ResponseHandler onResponse,
                     ImsSessionDropCause timeoutCause);
    /**
     * \brief An UPDATE or BYE got no final response (timeout) or could not be sent (no SA).
     * \param id session
     * \param state the state it was sent in (CONFIRMED for UPDATE, ENDING for BYE); a
     *        session that has left it since is not dropped again
     * \param cause the drop cause to record
     */
    void OnInDialogFailure(uint64_t id, ImsUeSession::State state, ImsSessionDropCause cause);
    /** \param s session: a BYE whose outcome does not matter (RFC 4028 10, 13.3.1.4) */
    void SendBestEffortBye(ImsUeSession& s);

    /**
     * \param request a new INVITE
     * \param info how it arrived
     * \param handle its server transaction
     */
    void AcceptInvite(const SipMessage& request, const SipPacketInfo& info, uint64_t handle);
    /** \param id session: the 200 after the answer delay */
    void Answer(uint64_t id);
    /** \param id session: no refresh within the session interval */
    void SupervisionExpired(uint64_t id);
    /** \param s session: (re)starts supervision */
    void Supervise(ImsUeSession& s);

    /**
     * \param request an in-dialog request
     * \param handle its server transaction
     * \param s its session
     */
    void HandleInDialog(const SipMessage& request, uint64_t handle, ImsUeSession& s);
    /**
     * \param cancel a CANCEL
     * \param handle its server transaction
     */
    void HandleCancel(const SipMessage& cancel, uint64_t handle);

    /**
     * \brief Answers a request with an error and reports it.
     * \param handle server transaction
     * \param request the request
     * \param status the status code
     */
    void Reject(uint64_t handle, const SipMessage& request, uint16_t status);
    /**
     * \param request the request
     * \param status status code
     * \param s its session (To tag, Contact and Record-Route for dialog responses), or nullptr
     * \returns the response
     */
    SipMessage MakeResponse(const SipMessage& request,
                            uint16_t status,
                            const ImsUeSession* s) const;

    /** \param s session being released: its client transactions end at once */
    void EndTransactions(ImsUeSession& s);
    /** \param s session: established now */
    void Establish(ImsUeSession& s);
    /** \param id session: completed */
    void Complete(uint64_t id);
    /**
     * \param id session
     * \param cause why it was dropped
     */
    void Drop(uint64_t id, ImsSessionDropCause cause);
    /**
     * \param id session
     * \param cause why the attempt failed
     * \param status status code (0 without response)
     */
    void FailAttempt(uint64_t id, ImsSessionFailureCause cause, uint16_t status);
    /**
     * \param id session: removed (timers cancelled, transactions ended)
     * \param notifyIdle report idle when it was the last one
     */
    void Remove(uint64_t id, bool notifyIdle);

    Ptr<SipTransactionManager> m_tm;                       //!< transactions
    ImsUeSecurity* m_security;                             //!< SA sets
    ImsUeRegistration* m_registration;                     //!< registration
    Ptr<UniformRandomVariable> m_rng;                      //!< tokens
    Config m_config;                                       //!< settings
    Listener m_listener;                                   //!< reports
    std::vector<std::unique_ptr<ImsUeSession>> m_sessions; //!< sessions in progress
    uint64_t m_nextId;                                     //!< next session id
};

} // namespace ns3

#endif /* IMS_UE_SESSION_MANAGER_H */
