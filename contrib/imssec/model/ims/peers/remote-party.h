/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef REMOTE_PARTY_H
#define REMOTE_PARTY_H

#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"
#include "ns3/random-variable-stream.h"
#include "ns3/sip-dialog.h"
#include "ns3/sip-message.h"
#include "ns3/sip-packet-info.h"
#include "ns3/traced-callback.h"

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
 * \brief The far end of the IMS sessions: a user agent (an application server or a peer,
 * `sip:remote@ims.example`) behind the S-CSCF that answers the sessions UEs originate and
 * originates the sessions that terminate at UEs.
 *
 * **Answering** (UAS): a new INVITE gets 100 Trying from its server transaction at once,
 * 180 Ringing after RingingDelay and, after AnswerDelay, 200 OK with Contact, the
 * Record-Route copied (RFC 3261 12.1.1), an SDP answer and the Session-Expires of the INVITE
 * echoed (RFC 4028, `Require: timer`); AnswerStatusCode other than 200 rejects every INVITE
 * with that code instead.  The ACK establishes the session; UPDATE (or re-INVITE) refreshes
 * it (200); BYE ends it (completed).  When the INVITE carried `Session-Expires: s`, the
 * session is dropped (cause `refresh-timeout`, a BYE is sent) if no refresh arrives within s
 * seconds; a 2xx never acknowledged drops it (cause `no-ack`, a BYE is sent, RFC 3261
 * 13.3.1.4).  CANCEL before the answer, or a BYE in the early dialog, gets 200 and the
 * INVITE 487 (counted as rejected).
 *
 * **Originating** (UAC, sessions terminating at UEs): Poisson arrivals at
 * TerminatingSessionRate per target per hour over the target list (one process of the
 * summed rate, target chosen uniformly), INVITE with the preloaded Route of the S-CSCF
 * (`<sip:[scscf]:port;lr>`), Contact, `Session-Expires: 2*SessionRefreshInterval;
 * refresher=uac`, `Supported: timer` and an SDP offer.  2xx: dialog, ACK, setup delay
 * (INVITE sent -> 2xx received), UPDATE every SessionRefreshInterval, BYE at the end of a
 * holding time drawn from HoldingTime (completed).  Non-2xx, timeout or transport error:
 * failed (by cause: the status code, `timeout`, `transport-error`).  A refresh that fails
 * (a non-2xx final response, timeout or transport error) drops the session by that cause.
 * A BYE from the UE ends a session as completed.
 *
 * Requests inside an unknown dialog get 481; a CSeq below the last one 500 (RFC 3261
 * 12.2.2); OPTIONS 200; other methods 405.  Dialogs follow RFC 3261 section 12 (SipDialog).
 */
class RemoteParty : public Application
{
  public:
    /** Who created a session. */
    enum Direction : uint8_t
    {
        INCOMING = 0, //!< originated by a UE, answered here
        OUTGOING,     //!< originated here, terminating at a UE
        DIRECTION_COUNT
    };

    /**
     * TracedCallback signature for session events.
     * \param callId the Call-ID
     * \param peer the UE's public identity
     * \param direction who created the session
     */
    typedef void (*SessionTracedCallback)(const std::string& callId,
                                          const std::string& peer,
                                          Direction direction);

    /**
     * TracedCallback signature for the end of a session or of an attempt.
     * \param callId the Call-ID
     * \param peer the UE's public identity
     * \param direction who created the session
     * \param cause "completed", or the drop / failure cause
     */
    typedef void (*SessionEndTracedCallback)(const std::string& callId,
                                             const std::string& peer,
                                             Direction direction,
                                             const std::string& cause);

    /**
     * TracedCallback signature for the setup delay of sessions originated here.
     * \param callId the Call-ID
     * \param peer the UE's public identity
     * \param delay INVITE sent -> 2xx received
     */
    typedef void (*SetupDelayTracedCallback)(const std::string& callId,
                                             const std::string& peer,
                                             Time delay);

    /**
     * \brief Get the type ID.
     * \returns the object TypeId
     */
    static TypeId GetTypeId();

    RemoteParty();
    ~RemoteParty() override;

    /**
     * \param targets the public identities sessions are originated to (replaces the list)
     */
    void SetTargets(const std::vector<std::string>& targets);

    /**
     * \param target a public identity to add to the list
     */
    void AddTarget(const std::string& target);

    /** \returns the target list */
    const std::vector<std::string>& GetTargets() const;

    /**
     * \brief Originates one session now (outside the Poisson process), e.g. from a test
     * or an example.
     * \param target the public identity called
     * \returns false when the INVITE could not be sent (counted as failed)
     */
    bool StartSession(const std::string& target);

    /**
     * \brief Uses fixed random streams.
     * \param stream first stream index
     * \returns the number of streams used (3: arrivals, target choice, holding time)
     */
    int64_t AssignStreams(int64_t stream);

    /** \returns the SIP transport (counters by method) */
    Ptr<SipTransport> GetTransport() const;

    /** \returns the transaction manager */
    Ptr<SipTransactionManager> GetTransactionManager() const;

    /** \returns the address in Contact and Via (valid after start) */
    Ipv6Address GetAddress() const;

    // --- counters ---------------------------------------------------------------------

    /** \returns dialog-creating INVITEs received */
    uint64_t GetInvitesReceived() const;
    /** \returns sessions answered with 2xx */
    uint64_t GetSessionsAnswered() const;
    /** \returns INVITEs rejected (AnswerStatusCode, 487 after CANCEL) */
    uint64_t GetSessionsRejected() const;
    /** \returns INVITEs sent (sessions originated here) */
    uint64_t GetSessionsOriginated() const;
    /**
     * \param direction who created the sessions
     * \returns sessions established (ACK received / 2xx received)
     */
    uint64_t GetSessionsEstablished(Direction direction) const;
    /**
     * \param direction who created the sessions
     * \returns sessions that ended with a BYE (sent at the end of the holding time or
     *          received)
     */
    uint64_t GetSessionsCompleted(Direction direction) const;
    /**
     * \param direction who created the sessions
     * \returns established sessions dropped, all causes
     */
    uint64_t GetSessionsDropped(Direction direction) const;
    /**
     * \param direction who created the sessions
     * \param cause a cause ("refresh-timeout", "no-ack", "timeout", "481", ...)
     * \returns sessions dropped for it
     */
    uint64_t GetSessionsDropped(Direction direction, const std::string& cause) const;
    /** \returns originated sessions that failed before establishment, all causes */
    uint64_t GetSessionsFailed() const;
    /**
     * \param cause a cause: a status code ("486"), "timeout", "transport-error"
     * \returns originated sessions that failed for it
     */
    uint64_t GetSessionsFailed(const std::string& cause) const;
    /** \returns the failure causes with their counts */
    const std::map<std::string, uint64_t>& GetFailureCauses() const;
    /**
     * \param direction who created the sessions
     * \returns the drop causes with their counts
     */
    const std::map<std::string, uint64_t>& GetDropCauses(Direction direction) const;
    /** \returns sessions in progress (attempts and established) */
    uint32_t GetActiveSessions() const;
    /** \returns refreshes (UPDATE, re-INVITE) received and answered 200 */
    uint64_t GetRefreshesReceived() const;
    /** \returns refreshes sent */
    uint64_t GetRefreshesSent() const;
    /** \returns setup delays measured (sessions originated here and established) */
    uint64_t GetSetupDelayCount() const;
    /** \returns their mean (0 when none) */
    Time GetSetupDelayMean() const;
    /** \returns the smallest one (0 when none) */
    Time GetSetupDelayMin() const;
    /** \returns the largest one (0 when none) */
    Time GetSetupDelayMax() const;
    /** \returns requests answered 481 (unknown dialog) */
    uint64_t GetUnknownDialogRequests() const;

    /**
     * \param direction a direction
     * \returns its name: "incoming", "outgoing"
     */
    static std::string GetDirectionName(Direction direction);

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;

    /** Where a session is. */
    enum State : uint8_t
    {
        EARLY = 0, //!< INVITE sent or received, no 2xx yet
        WAIT_ACK,  //!< incoming: 2xx sent, waiting for the ACK
        CONFIRMED, //!< established
    };

    /** One session (a dialog in progress or an attempt). */
    struct Session
    {
        Direction direction{INCOMING}; //!< who created it
        State state{EARLY};            //!< where it is
        std::string peer;              //!< the UE's public identity
        std::string callId;            //!< Call-ID
        std::string localTag;          //!< our tag
        bool hasDialog{false};         //!< dialog established
        SipDialog dialog;              //!< the dialog (hasDialog)
        SipMessage invite;             //!< the INVITE (sent, or received until answered)
        uint64_t inviteHandle{0};      //!< its transaction
        Time inviteTime;               //!< outgoing: when the INVITE left
        Time sessionInterval;          //!< Session-Expires in force (0: none)
        SipMessage ack;                //!< outgoing: the ACK, resent on 2xx retransmissions
        EventId ringEvent;             //!< incoming: 180
        EventId answerEvent;           //!< incoming: final response
        EventId refreshEvent;          //!< outgoing: next UPDATE
        EventId endEvent;              //!< outgoing: BYE
        EventId supervisionEvent;      //!< incoming: refresh supervision
    };

    /**
     * \param request a request
     * \param info how it arrived
     * \param handle server transaction (0 for ACK)
     */
    void ReceiveRequest(const SipMessage& request, const SipPacketInfo& info, uint64_t handle);

    /**
     * \param request a dialog-creating INVITE
     * \param handle its transaction
     */
    void HandleNewInvite(const SipMessage& request, uint64_t handle);

    /**
     * \param request a request with a To tag
     * \param handle its transaction (0 for ACK)
     */
    void HandleInDialog(const SipMessage& request, uint64_t handle);

    /**
     * \param request a CANCEL
     * \param handle its transaction
     */
    void HandleCancel(const SipMessage& request, uint64_t handle);

    /**
     * \param key session key
     */
    void SendRinging(std::string key);

    /**
     * \param key session key
     */
    void SendAnswer(std::string key);

    /**
     * \param handle a server transaction
     * \param response a response (counted, logged when refused)
     */
    void Respond(uint64_t handle, const SipMessage& response);

    /**
     * \param request the request
     * \param code status code
     * \param handle its transaction
     */
    void RespondSimple(const SipMessage& request, uint16_t code, uint64_t handle);

    /**
     * \param handle server transaction of an INVITE whose 2xx was never acknowledged
     * \param response the 2xx
     */
    void AckTimeout(uint64_t handle, const SipMessage& response);

    /** \brief Poisson process: originates one session and schedules the next. */
    void Arrival();

    /** \brief Schedules the next arrival. */
    void ScheduleArrival();

    /**
     * \param key session key
     * \param response a response to the INVITE
     * \param info how it arrived
     */
    void InviteResponse(std::string key, const SipMessage& response, const SipPacketInfo& info);

    /**
     * \brief The INVITE got no final response (Timer B) or could not be sent again.
     * \param key session key
     * \param cause "timeout" or "transport-error"
     */
    void InviteFailed(std::string key, std::string cause);

    /**
     * \param key session key
     */
    void SendRefresh(std::string key);

    /**
     * \param key session key
     * \param response a response to an UPDATE
     * \param info how it arrived
     */
    void RefreshResponse(std::string key, const SipMessage& response, const SipPacketInfo& info);

    /**
     * \param key session key
     * \param cause why the refresh failed
     */
    void RefreshFailed(std::string key, std::string cause);

    /**
     * \param key session key: the holding time is over
     */
    void EndSession(std::string key);

    /**
     * \param key session key: no refresh within the session interval
     */
    void SupervisionExpired(std::string key);

    /**
     * \brief Sends a BYE in a session's dialog (no callback on its outcome).
     * \param s the session
     */
    void SendBye(Session& s);

    /**
     * \brief Ends a session: counts it, fires the trace, cancels its events, forgets it.
     * \param key session key
     * \param dropped whether it is a drop (else completed)
     * \param cause the cause ("completed" when not dropped)
     */
    void Finish(const std::string& key, bool dropped, const std::string& cause);

    /**
     * \brief An originated session failed before establishment.
     * \param key session key
     * \param cause the cause
     */
    void Fail(const std::string& key, const std::string& cause);

    /**
     * \param s a session
     */
    static void CancelEvents(Session& s);

    /**
     * \returns a new top Via for a request of ours
     */
    SipVia MakeVia();

    /**
     * \returns the SDP body (offer or answer)
     */
    std::string MakeSdp() const;

    /**
     * \param message a message
     * \returns its Session-Expires delta (0 when absent or malformed)
     */
    static Time ReadSessionExpires(const SipMessage& message);

    /**
     * \param interval the refresh interval
     * \returns the Session-Expires header value written for it
     */
    static std::string SessionExpiresValue(Time interval);

    /**
     * \param s a session whose supervision restarts (incoming, interval > 0)
     */
    void RestartSupervision(Session& s);

    // --- parameters ---
    std::string m_uri;                       //!< own public identity
    Ipv6Address m_configuredAddress;         //!< LocalAddress (:: = first global)
    uint16_t m_port;                         //!< SIP port
    Ipv6Address m_scscfAddress;              //!< S-CSCF (preloaded Route)
    uint16_t m_scscfPort;                    //!< its port
    Time m_ringingDelay;                     //!< 180 after
    Time m_answerDelay;                      //!< final response after
    uint16_t m_answerStatus;                 //!< 200, or a rejection code
    Time m_refreshInterval;                  //!< UPDATE every (0: none)
    Ptr<RandomVariableStream> m_holdingTime; //!< holding time of originated sessions (s)
    double m_rate;                           //!< sessions per target per hour
    std::vector<std::string> m_targets;      //!< public identities called

    // --- state ---
    Ptr<SipTransport> m_transport;                       //!< sockets
    Ptr<SipTransactionManager> m_transactions;           //!< transactions
    Ptr<ExponentialRandomVariable> m_arrivals;           //!< inter-arrival times
    Ptr<UniformRandomVariable> m_targetChoice;           //!< target choice
    Ipv6Address m_address;                               //!< own address
    std::string m_contact;                               //!< Contact value
    std::unordered_map<std::string, Session> m_sessions; //!< by SipDialog key
    EventId m_arrivalEvent;                              //!< next arrival
    uint64_t m_counter;                                  //!< tags, Call-IDs, branches
    bool m_running;                                      //!< between start and stop

    // --- statistics ---
    uint64_t m_invitesReceived;                                             //!< new INVITEs
    uint64_t m_answered;                                                    //!< 2xx sent
    uint64_t m_rejected;                                                    //!< non-2xx sent
    uint64_t m_originated;                                                  //!< INVITEs sent
    std::array<uint64_t, DIRECTION_COUNT> m_established;                    //!< established
    std::array<uint64_t, DIRECTION_COUNT> m_completed;                      //!< completed
    std::array<std::map<std::string, uint64_t>, DIRECTION_COUNT> m_dropped; //!< drops
    std::map<std::string, uint64_t> m_failed;                               //!< failed attempts
    uint64_t m_refreshesReceived;                                           //!< refreshes answered
    uint64_t m_refreshesSent;                                               //!< refreshes sent
    uint64_t m_setupCount;                                                  //!< setup delays
    Time m_setupSum;                                                        //!< their sum
    Time m_setupMin;                                                        //!< smallest
    Time m_setupMax;                                                        //!< largest
    uint64_t m_unknownDialog;                                               //!< 481 sent

    TracedCallback<const std::string&, const std::string&, Direction>
        m_establishedTrace; //!< established
    TracedCallback<const std::string&, const std::string&, Direction, const std::string&>
        m_endedTrace; //!< ended (completed or dropped)
    TracedCallback<const std::string&, const std::string&, Direction, const std::string&>
        m_failedTrace; //!< attempt failed
    TracedCallback<const std::string&, const std::string&, Time> m_setupDelayTrace; //!< delay
};

} // namespace ns3

#endif /* REMOTE_PARTY_H */
