/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef SIP_TRANSACTION_MANAGER_H
#define SIP_TRANSACTION_MANAGER_H

#include "sip-packet-info.h"
#include "sip-target.h"
#include "sip-transport.h"

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/ptr.h"
#include "ns3/sip-message.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief RFC 3261 section 17 client and server transactions over UDP, on a SipTransport.
 *
 * Client transactions (SendRequest): non-INVITE with Timers E (retransmission, T1 doubling
 * up to T2, then T2 in Proceeding), F (64*T1 timeout) and K (T4); INVITE with Timers A (T1
 * doubling), B (64*T1 timeout) and D (32 s), the ACK for a 300-699 response generated and
 * retransmitted by the transaction (17.1.1.3), and the Accepted state of RFC 6026 (Timer M
 * = 64*T1) in which retransmitted 2xx are passed up again so the UA core re-sends its ACK.
 *
 * Server transactions (created for every request except ACK, unless the stateless filter
 * says otherwise): non-INVITE absorbs retransmissions by resending the last response, Timer
 * J = 64*T1; INVITE sends 100 Trying when the application has sent no provisional response
 * within TryingDelay (17.2.1), retransmits a 300-699 response on Timer G until the ACK (Timer
 * H = 64*T1, Timer I = T4), and for a 2xx does what RFC 3261 13.3.1.4 gives the UA core:
 * retransmits the 2xx on the Timer G schedule until an ACK of that dialog arrives, for at
 * most 64*T1 (RFC 6026 Accepted state, Timer L).
 *
 * Matching: responses by top Via branch and CSeq method (17.1.3); requests by branch,
 * sent-by and method, ACK matching INVITE (17.2.3); RFC 2543 requests without the magic
 * cookie by Call-ID, CSeq number, From tag, top Via and method.  Lookups are hash tables;
 * a transaction's timers are ns-3 events; a terminated transaction is removed at once.
 *
 * What reaches the application: every response of a client transaction it did not absorb
 * (provisional, final, 2xx retransmissions in Accepted); every new request with a server
 * transaction handle; ACKs that are not absorbed by a server INVITE transaction (ACK to a
 * 2xx, stray ACKs) and requests the stateless filter selects, with handle 0; responses that
 * match no client transaction (stray: counted, and given to the stray handler when one is
 * set, e.g. a stateless proxy forwarding them).
 */
class SipTransactionManager : public Object
{
  public:
    /** Transaction kinds. */
    enum Kind : uint8_t
    {
        CLIENT_INVITE = 0, //!< client INVITE (17.1.1)
        CLIENT_NON_INVITE, //!< client non-INVITE (17.1.2)
        SERVER_INVITE,     //!< server INVITE (17.2.1)
        SERVER_NON_INVITE, //!< server non-INVITE (17.2.2)
    };

    /** Transaction states (RFC 3261 17, RFC 6026 Accepted). */
    enum State : uint8_t
    {
        CALLING = 0, //!< client INVITE, request sent
        TRYING,      //!< non-INVITE, no response yet
        PROCEEDING,  //!< provisional response received / sent
        COMPLETED,   //!< final response (3xx-6xx for INVITE) received / sent
        CONFIRMED,   //!< server INVITE: ACK received
        ACCEPTED,    //!< INVITE: 2xx received / sent (RFC 6026)
        TERMINATED,  //!< gone (only seen by GetState for unknown handles)
    };

    /** Callback for responses of a client transaction. */
    typedef Callback<void, const SipMessage&, const SipPacketInfo&> ResponseCallback;

    /** What a client transaction reports.  Null callbacks are allowed. */
    struct ClientCallbacks
    {
        /// each response passed up (provisional, final, 2xx retransmissions for INVITE)
        ResponseCallback onResponse;
        /// Timer F or B (or InviteProceedingTimeout) fired: no final response
        Callback<void> onTimeout;
        /// a retransmission could not be sent (e.g. the SA is gone)
        Callback<void> onTransportError;
    };

    /**
     * Callback for requests: the request, how it arrived, and the server transaction
     * handle (0 for ACK and for requests the stateless filter selected).
     */
    typedef Callback<void, const SipMessage&, const SipPacketInfo&, uint64_t> RequestCallback;

    /** Callback deciding that a request is handled without a server transaction. */
    typedef Callback<bool, const SipMessage&, const SipPacketInfo&> StatelessFilter;

    /** Callback for stray responses (no matching client transaction). */
    typedef Callback<void, const SipMessage&, const SipPacketInfo&> StrayResponseCallback;

    /** Callback for a 2xx to INVITE never acknowledged: server handle and the 2xx. */
    typedef Callback<void, uint64_t, const SipMessage&> AckTimeoutCallback;

    /**
     * TracedCallback signature for a message of a transaction.
     * \param message the message (retransmitted, or the request that timed out)
     */
    typedef void (*MessageTracedCallback)(const SipMessage& message);

    /**
     * TracedCallback signature for stray responses.
     * \param message the response
     * \param info how it arrived
     */
    typedef void (*StrayTracedCallback)(const SipMessage& message, const SipPacketInfo& info);

    /**
     * \brief Get the type ID.
     * \returns the object TypeId
     */
    static TypeId GetTypeId();

    SipTransactionManager();
    ~SipTransactionManager() override;

    /**
     * \brief Uses a transport: the manager becomes its receive callback.
     * \param transport the transport (started or not)
     */
    void SetTransport(Ptr<SipTransport> transport);

    /** \returns the transport */
    Ptr<SipTransport> GetTransport() const;

    // --- client side ------------------------------------------------------------------

    /**
     * \brief Starts a client transaction: sends the request and retransmits it on the
     * RFC 3261 schedule until a response, a timeout or a transport error.
     *
     * No callback is called from inside this method.
     * \param request the request (not ACK); its top Via branch must be unique
     * \param target where and how to send it (the same for retransmissions and the ACK)
     * \param callbacks what to report
     * \returns the transaction handle (> 0), or 0 when the first transmission failed (a
     *          transport error: nothing is kept, no callback follows)
     */
    uint64_t SendRequest(const SipMessage& request,
                         const SipTarget& target,
                         const ClientCallbacks& callbacks);

    /**
     * \brief Sends a request or response outside any transaction: the ACK to a 2xx (a new
     * transaction each time, RFC 3261 17.1.1.3), or what a stateless proxy forwards.
     * \param message the message
     * \param target where and how
     * \returns false when the transport refused it
     */
    bool SendStateless(const SipMessage& message, const SipTarget& target);

    // --- server side ------------------------------------------------------------------

    /**
     * \param handler receives requests (see the class description)
     */
    void SetRequestHandler(RequestCallback handler);

    /**
     * \param filter returns true for requests to be passed up without a server
     *        transaction (handle 0): a stateless proxy's forwarding
     */
    void SetStatelessFilter(StatelessFilter filter);

    /**
     * \param handler receives responses that match no client transaction
     */
    void SetStrayResponseHandler(StrayResponseCallback handler);

    /**
     * \param handler told when a 2xx to INVITE was not acknowledged within 64*T1 (the UAS
     *        should then end the dialog, RFC 3261 13.3.1.4)
     */
    void SetAckTimeoutHandler(AckTimeoutCallback handler);

    /**
     * \brief Sends a response in a server transaction (RFC 3261 18.2.2 routing, see
     * SipTransport::SendResponse) and drives its state machine.
     * \param handle the server transaction handle
     * \param response a response to its request (e.g. SipMessageFactory::CreateResponse)
     * \returns false when the handle is unknown, a final response was already sent, the
     *          status code is not 100..699, or the transport refused it (the transaction
     *          is then terminated)
     */
    bool SendResponse(uint64_t handle, const SipMessage& response);

    /**
     * \param cancel a CANCEL request
     * \returns the handle of the server INVITE transaction it cancels (RFC 3261 9.2), 0 if
     *          none
     */
    uint64_t FindInviteForCancel(const SipMessage& cancel) const;

    // --- transactions -----------------------------------------------------------------

    /**
     * \param handle a transaction handle
     * \returns its request (valid while the transaction exists), nullptr when unknown, and
     *          for a non-INVITE transaction once its final response was sent or received
     *          (the request is released then: a Completed transaction keeps only what it
     *          needs to absorb retransmissions)
     */
    const SipMessage* GetRequest(uint64_t handle) const;

    /**
     * \param handle a server transaction handle
     * \returns how its request arrived, nullptr when unknown or a client transaction
     */
    const SipPacketInfo* GetRequestInfo(uint64_t handle) const;

    /**
     * \param handle a transaction handle
     * \returns true while it exists
     */
    bool HasTransaction(uint64_t handle) const;

    /**
     * \param handle a transaction handle
     * \returns its state (TERMINATED when unknown)
     */
    State GetState(uint64_t handle) const;

    /**
     * \param handle a transaction handle (must exist)
     * \returns its kind
     */
    Kind GetKind(uint64_t handle) const;

    /**
     * \brief Ends a transaction at once, without any callback (e.g. a UE that releases its
     * sessions).
     * \param handle a transaction handle
     * \returns false when unknown
     */
    bool Terminate(uint64_t handle);

    /** \brief Ends every transaction without callbacks (an application's stop). */
    void TerminateAll();

    /** \returns the number of live transactions */
    uint32_t GetTransactionCount() const;

    /**
     * \brief A branch for a request a stateless proxy forwards (RFC 3261 16.11): a hash of
     * the incoming top Via branch and sent-by (or, without the magic cookie, of To tag, From
     * tag, Call-ID, Request-URI, top Via and CSeq number) and of proxyId, so that
     * retransmissions, the CANCEL and the ACK to a non-2xx of a request get the same branch.
     * \param request the incoming request (before the proxy adds its Via)
     * \param proxyId distinguishes proxies (and spirals): e.g. "[address]:port"
     * \returns "z9hG4bK" followed by 16 hexadecimal digits
     */
    static std::string MakeStatelessBranch(const SipMessage& request, std::string_view proxyId);

    // --- timers -----------------------------------------------------------------------

    /** \returns T1 */
    Time GetT1() const;
    /** \returns T2 */
    Time GetT2() const;
    /** \returns T4 */
    Time GetT4() const;

    // --- counters ---------------------------------------------------------------------

    /** \returns client transactions created */
    uint64_t GetClientTransactionsCreated() const;
    /** \returns server transactions created */
    uint64_t GetServerTransactionsCreated() const;
    /** \returns all retransmissions sent (requests, responses, ACKs) */
    uint64_t GetRetransmissionCount() const;
    /** \returns request retransmissions (Timers E and A) */
    uint64_t GetRequestRetransmissionCount() const;
    /** \returns response retransmissions (absorbed requests, Timer G, 2xx until ACK) */
    uint64_t GetResponseRetransmissionCount() const;
    /** \returns ACKs resent for retransmitted 300-699 responses */
    uint64_t GetAckRetransmissionCount() const;
    /** \returns client transactions that timed out (Timer F, B, InviteProceedingTimeout) */
    uint64_t GetTimeoutCount() const;
    /** \returns server INVITE transactions whose ACK never came (Timer H) */
    uint64_t GetServerTimeoutCount() const;
    /** \returns 2xx to INVITE never acknowledged (64*T1) */
    uint64_t GetAckTimeoutCount() const;
    /** \returns sends the transport refused inside transactions */
    uint64_t GetTransportErrorCount() const;
    /** \returns responses that matched no client transaction */
    uint64_t GetStrayResponseCount() const;
    /** \returns request retransmissions absorbed by server transactions (ACKs included) */
    uint64_t GetAbsorbedRequestCount() const;
    /** \returns response retransmissions absorbed by client transactions */
    uint64_t GetAbsorbedResponseCount() const;
    /** \returns server non-INVITE transactions ended without a final response (64*T1) */
    uint64_t GetAbandonedCount() const;

  protected:
    void DoDispose() override;

  private:
    /** Which timer fired. */
    enum TimerKind : uint8_t
    {
        RETRANSMIT = 0, //!< E, A, G, 2xx retransmission
        TIMEOUT,        //!< F, B, C, D, H, I, J, K, L, M, abandon
        SEND_TRYING,    //!< 100 Trying of a server INVITE
    };

    /** One transaction. */
    struct Transaction
    {
        uint64_t id{0};               //!< handle
        Kind kind{CLIENT_NON_INVITE}; //!< kind
        State state{TRYING};          //!< state
        bool provisionalSent{false};  //!< server INVITE: a 1xx went out
        bool acked{false};            //!< server INVITE 2xx: ACK received
        bool requestReleased{false};  //!< non-INVITE after the final response
        std::string key;              //!< key in the client or server index
        std::string acceptedKey;      //!< server INVITE 2xx: key in the dialog ACK index
        SipMessage request;           //!< the request
        SipMessage response;          //!< server: last response; client INVITE: the ACK
        SipTarget target;             //!< client: where the request goes
        SipPacketInfo info;           //!< server: how the request arrived
        ClientCallbacks callbacks;    //!< client: what to report
        Time interval;                //!< current retransmission interval
        EventId retransmitEvent;      //!< E, A, G
        EventId timeoutEvent;         //!< the state's timeout timer
        EventId tryingEvent;          //!< 100 Trying
    };

    /**
     * \brief Transport receive callback.
     * \param message the message
     * \param info how it arrived
     */
    void Receive(const SipMessage& message, const SipPacketInfo& info);

    /**
     * \param response a response
     * \param info how it arrived
     */
    void ReceiveResponse(const SipMessage& response, const SipPacketInfo& info);

    /**
     * \param request a request
     * \param info how it arrived
     */
    void ReceiveRequest(const SipMessage& request, const SipPacketInfo& info);

    /**
     * \param ack an ACK
     * \param info how it arrived
     */
    void ReceiveAck(const SipMessage& ack, const SipPacketInfo& info);

    /**
     * \param id transaction handle
     * \param timer which timer
     */
    void TimerExpired(uint64_t id, TimerKind timer);

    /**
     * \param t a client transaction
     */
    void RetransmitRequest(Transaction& t);

    /**
     * \param t a server transaction
     */
    void RetransmitResponse(Transaction& t);

    /**
     * \brief Sends a server transaction's response (first time or again).
     * \param t the transaction
     * \param isRetransmission whether this is a retransmission
     * \returns false when the transport refused it
     */
    bool TransmitResponse(Transaction& t, bool isRetransmission);

    /**
     * \param t a client INVITE transaction
     * \param response the 300-699 response
     * \returns the ACK of RFC 3261 17.1.1.3
     */
    static SipMessage BuildAck(const Transaction& t, const SipMessage& response);

    /**
     * \param t a transaction
     * \param event which of its events
     * \param delay when
     * \param timer which timer it is
     */
    void Schedule(Transaction& t, EventId& event, Time delay, TimerKind timer);

    /**
     * \param t a transaction: cancels its events, removes it from the indexes and the
     *        table (t is invalid afterwards)
     */
    void Remove(Transaction& t);

    /**
     * \param request a request
     * \param method the method to key on (INVITE for an ACK)
     * \returns the server index key (RFC 3261 17.2.3), "" when there is no top Via
     */
    static std::string ServerKey(const SipMessage& request, std::string_view method);

    /**
     * \param callId Call-ID
     * \param sequence CSeq number
     * \param fromTag From tag
     * \param toTag To tag
     * \returns the key of an ACK to a 2xx
     */
    static std::string DialogAckKey(std::string_view callId,
                                    uint32_t sequence,
                                    std::string_view fromTag,
                                    std::string_view toTag);

    /**
     * \param message a request (an ACK) or a 2xx response
     * \returns its DialogAckKey
     */
    static std::string DialogAckKey(const SipMessage& message);

    /**
     * \param id a handle
     * \returns the transaction, nullptr when unknown
     */
    Transaction* Find(uint64_t id);

    Ptr<SipTransport> m_transport;  //!< the transport
    Time m_t1;                      //!< T1
    Time m_t2;                      //!< T2
    Time m_t4;                      //!< T4
    Time m_timerD;                  //!< Timer D
    Time m_tryingDelay;             //!< 100 Trying after this without provisional
    bool m_sendTrying;              //!< whether to send 100 Trying
    bool m_retransmit2xx;           //!< retransmit 2xx to INVITE until ACK
    Time m_inviteProceedingTimeout; //!< client INVITE in Proceeding (0: none)
    uint64_t m_nextId;              //!< next handle
    std::unordered_map<uint64_t, Transaction> m_transactions;   //!< by handle
    std::unordered_map<std::string, uint64_t> m_clientIndex;    //!< branch + method
    std::unordered_map<std::string, uint64_t> m_serverIndex;    //!< branch + sent-by + method
    std::unordered_map<std::string, uint64_t> m_dialogAckIndex; //!< 2xx awaiting ACK
    RequestCallback m_requestHandler;                           //!< requests
    StatelessFilter m_statelessFilter;                          //!< stateless requests
    StrayResponseCallback m_strayHandler;                       //!< stray responses
    AckTimeoutCallback m_ackTimeoutHandler;                     //!< 2xx never ACKed
    uint64_t m_clientCreated;                                   //!< client transactions created
    uint64_t m_serverCreated;                                   //!< server transactions created
    uint64_t m_requestRetransmissions;                          //!< requests retransmitted
    uint64_t m_responseRetransmissions;                         //!< responses retransmitted
    uint64_t m_ackRetransmissions;                              //!< ACKs resent
    uint64_t m_timeouts;                                        //!< client timeouts
    uint64_t m_serverTimeouts;                                  //!< Timer H
    uint64_t m_ackTimeouts;                                     //!< 2xx never ACKed
    uint64_t m_transportErrors;                                 //!< sends refused
    uint64_t m_strayResponses;                                  //!< responses matching nothing
    uint64_t m_absorbedRequests;                            //!< request retransmissions absorbed
    uint64_t m_absorbedResponses;                           //!< response retransmissions absorbed
    uint64_t m_abandoned;                                   //!< server transactions never answered
    TracedCallback<const SipMessage&> m_retransmittedTrace; //!< retransmitted
    TracedCallback<const SipMessage&> m_timeoutTrace;       //!< timed out
    TracedCallback<const SipMessage&, const SipPacketInfo&> m_strayTrace; //!< stray
};

/**
 * \param os output stream
 * \param state a state
 * \returns the stream, with the state's name written
 */
std::ostream& operator<<(std::ostream& os, SipTransactionManager::State state);

} // namespace ns3

#endif /* SIP_TRANSACTION_MANAGER_H */
