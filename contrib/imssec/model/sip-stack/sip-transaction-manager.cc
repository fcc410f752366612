/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "sip-transaction-manager.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/sip-message-factory.h"
#include "ns3/sip-text.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecSipTransactionManager");

NS_OBJECT_ENSURE_REGISTERED(SipTransactionManager);

namespace
{

const std::string MAGIC_COOKIE = "z9hG4bK"; //!< RFC 3261 branch prefix

/**
 * \param branch a branch parameter
 * \returns true when it starts with the RFC 3261 magic cookie
 */
bool
HasMagicCookie(const std::string& branch)
{
    return branch.compare(0, MAGIC_COOKIE.size(), MAGIC_COOKIE) == 0;
}

/**
 * \param via a Via
 * \returns its sent-by as "host:port" (host in lower case, port 5060 when absent)
 */
std::string
SentBy(const SipVia& via)
{
    return SipText::ToLower(via.GetHost()) + ":" + std::to_string(via.GetPort().value_or(5060));
}

/**
 * \param value a name-addr or nullopt
 * \returns its tag, "" when none
 */
std::string
TagOf(const std::optional<SipNameAddr>& value)
{
    return value ? value->GetTag().value_or("") : "";
}

} // namespace

TypeId
SipTransactionManager::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::SipTransactionManager")
            .SetParent<Object>()
            .SetGroupName("Imssec")
            .AddConstructor<SipTransactionManager>()
            .AddAttribute("T1",
                          "RFC 3261 T1, round-trip time estimate (default 500 ms).",
                          TimeValue(MilliSeconds(500)),
                          MakeTimeAccessor(&SipTransactionManager::m_t1),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("T2",
                          "RFC 3261 T2, longest non-INVITE retransmission interval (default "
                          "4 s).",
                          TimeValue(Seconds(4)),
                          MakeTimeAccessor(&SipTransactionManager::m_t2),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("T4",
                          "RFC 3261 T4, longest time a message stays in the network; Timers "
                          "K and I (default 5 s).",
                          TimeValue(Seconds(5)),
                          MakeTimeAccessor(&SipTransactionManager::m_t4),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("TimerD",
                          "RFC 3261 Timer D, client INVITE wait for response retransmissions "
                          "after a 300-699 (default 32 s, UDP).",
                          TimeValue(Seconds(32)),
                          MakeTimeAccessor(&SipTransactionManager::m_timerD),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("SendTrying",
                          "Whether a server INVITE transaction sends 100 Trying when the "
                          "application sent no provisional response within TryingDelay "
                          "(default true).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&SipTransactionManager::m_sendTrying),
                          MakeBooleanChecker())
            .AddAttribute("TryingDelay",
                          "Delay before the 100 Trying of a server INVITE transaction (RFC "
                          "3261 17.2.1: 200 ms; default 200 ms).",
                          TimeValue(MilliSeconds(200)),
                          MakeTimeAccessor(&SipTransactionManager::m_tryingDelay),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("Retransmit2xx",
                          "Whether a 2xx to INVITE is retransmitted (T1 doubling up to T2) "
                          "until its ACK arrives, for at most 64*T1, as RFC 3261 13.3.1.4 "
                          "asks of a UAS (default true).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&SipTransactionManager::m_retransmit2xx),
                          MakeBooleanChecker())
            .AddAttribute("InviteProceedingTimeout",
                          "Time a client INVITE transaction waits for a final response "
                          "after a provisional one before reporting a timeout, restarted by "
                          "each provisional response (0: wait forever, as RFC 3261 17.1.1; "
                          "default 0).",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&SipTransactionManager::m_inviteProceedingTimeout),
                          MakeTimeChecker(Seconds(0)))
            .AddTraceSource("Retransmitted",
                            "A transaction retransmitted a request, a response or an ACK.",
                            MakeTraceSourceAccessor(&SipTransactionManager::m_retransmittedTrace),
                            "ns3::SipTransactionManager::MessageTracedCallback")
            .AddTraceSource("Timeout",
                            "A client transaction timed out (Timer F, B or "
                            "InviteProceedingTimeout) or a server INVITE transaction got no "
                            "ACK (Timer H); the request is given.",
                            MakeTraceSourceAccessor(&SipTransactionManager::m_timeoutTrace),
                            "ns3::SipTransactionManager::MessageTracedCallback")
            .AddTraceSource("StrayResponse",
                            "A response matched no client transaction.",
                            MakeTraceSourceAccessor(&SipTransactionManager::m_strayTrace),
                            "ns3::SipTransactionManager::StrayTracedCallback");
    return tid;
}

SipTransactionManager::SipTransactionManager()
    : m_t1(MilliSeconds(500)),
      m_t2(Seconds(4)),
      m_t4(Seconds(5)),
      m_timerD(Seconds(32)),
      m_tryingDelay(MilliSeconds(200)),
      m_sendTrying(true),
      m_retransmit2xx(true),
      m_inviteProceedingTimeout(Seconds(0)),
      m_nextId(1),
      m_clientCreated(0),
      m_serverCreated(0),
      m_requestRetransmissions(0),
      m_responseRetransmissions(0),
      m_ackRetransmissions(0),
      m_timeouts(0),
      m_serverTimeouts(0),
      m_ackTimeouts(0),
      m_transportErrors(0),
      m_strayResponses(0),
      m_absorbedRequests(0),
      m_absorbedResponses(0),
      m_abandoned(0)
{
    NS_LOG_FUNCTION(this);
}

SipTransactionManager::~SipTransactionManager()
{
    NS_LOG_FUNCTION(this);
    // Pending timer events hold a raw pointer to us.
    TerminateAll();
}

void
SipTransactionManager::DoDispose()
{
    NS_LOG_FUNCTION(this);
    TerminateAll();
    if (m_transport)
    {
        m_transport->SetReceiveCallback(SipTransport::ReceiveCallback());
        m_transport = nullptr;
    }
    m_requestHandler = RequestCallback();
    m_statelessFilter = StatelessFilter();
    m_strayHandler = StrayResponseCallback();
    m_ackTimeoutHandler = AckTimeoutCallback();
    Object::DoDispose();
}

void
SipTransactionManager::SetTransport(Ptr<SipTransport> transport)
{
    NS_LOG_FUNCTION(this << transport);
    if (m_transport)
    {
        m_transport->SetReceiveCallback(SipTransport::ReceiveCallback());
    }
    m_transport = transport;
    if (m_transport)
    {
        m_transport->SetReceiveCallback(MakeCallback(&SipTransactionManager::Receive, this));
    }
}

Ptr<SipTransport>
SipTransactionManager::GetTransport() const
{
    return m_transport;
}

void
SipTransactionManager::SetRequestHandler(RequestCallback handler)
{
    m_requestHandler = handler;
}

void
SipTransactionManager::SetStatelessFilter(StatelessFilter filter)
{
    m_statelessFilter = filter;
}

void
SipTransactionManager::SetStrayResponseHandler(StrayResponseCallback handler)
{
    m_strayHandler = handler;
}

void
SipTransactionManager::SetAckTimeoutHandler(AckTimeoutCallback handler)
{
    m_ackTimeoutHandler = handler;
}

// --- helpers ------------------------------------------------------------------------------

SipTransactionManager::Transaction*
SipTransactionManager::Find(uint64_t id)
{
    auto it = m_transactions.find(id);
    return it == m_transactions.end() ? nullptr : &it->second;
}

void
SipTransactionManager::Schedule(Transaction& t, EventId& event, Time delay, TimerKind timer)
{
    event.Cancel();
    event = Simulator::Schedule(delay, &SipTransactionManager::TimerExpired, this, t.id, timer);
}

void
SipTransactionManager::Remove(Transaction& t)
{
    NS_LOG_FUNCTION(this << t.id);
    t.retransmitEvent.Cancel();
    t.timeoutEvent.Cancel();
    t.tryingEvent.Cancel();
    bool client = t.kind == CLIENT_INVITE || t.kind == CLIENT_NON_INVITE;
    auto& index = client ? m_clientIndex : m_serverIndex;
    auto it = index.find(t.key);
    if (it != index.end() && it->second == t.id)
    {
        index.erase(it);
    }
    if (!t.acceptedKey.empty())
    {
        auto a = m_dialogAckIndex.find(t.acceptedKey);
        if (a != m_dialogAckIndex.end() && a->second == t.id)
        {
            m_dialogAckIndex.erase(a);
        }
    }
    uint64_t id = t.id;
    m_transactions.erase(id); // t is gone
}

std::string
SipTransactionManager::ServerKey(const SipMessage& request, std::string_view method)
{
    std::optional<SipVia> via = request.GetTopVia();
    if (!via)
    {
        return "";
    }
    std::optional<std::string> branch = via->GetBranch();
    std::string key;
    if (branch && HasMagicCookie(*branch))
    {
        // RFC 3261 17.2.3: branch, sent-by, method (ACK matches INVITE).
        key.reserve(branch->size() + 64);
        key.append("b\n").append(*branch).append("\n").append(SentBy(*via));
    }
    else
    {
        // RFC 2543 peers: Call-ID, CSeq number, From tag and top Via identify the request.
        std::optional<SipCseq> cseq = request.GetCseq();
        key.append("o\n")
            .append(request.GetCallId().value_or(""))
            .append("\n")
            .append(cseq ? std::to_string(cseq->GetSequence()) : "")
            .append("\n")
            .append(TagOf(request.GetFrom()))
            .append("\n")
            .append(request.GetFirst("Via").value_or(""));
    }
    key.append("\n").append(method);
    return key;
}

std::string
SipTransactionManager::DialogAckKey(std::string_view callId,
                                    uint32_t sequence,
                                    std::string_view fromTag,
                                    std::string_view toTag)
{
    std::string key(callId);
    key.append("\n").append(std::to_string(sequence)).append("\n");
    key.append(fromTag).append("\n").append(toTag);
    return key;
}

std::string
SipTransactionManager::DialogAckKey(const SipMessage& message)
{
    std::optional<SipCseq> cseq = message.GetCseq();
    return DialogAckKey(message.GetCallId().value_or(""),
                        cseq ? cseq->GetSequence() : 0,
                        TagOf(message.GetFrom()),
                        TagOf(message.GetTo()));
}

std::string
SipTransactionManager::MakeStatelessBranch(const SipMessage& request, std::string_view proxyId)
{
    std::string seed(proxyId);
    seed.append("\n");
    std::optional<SipVia> via = request.GetTopVia();
    std::optional<std::string> branch = via ? via->GetBranch() : std::nullopt;
    if (branch && HasMagicCookie(*branch))
    {
        seed.append(*branch).append("\n").append(SentBy(*via));
    }
    else
    {
        // RFC 3261 16.11 for requests without the magic cookie.
        std::optional<SipCseq> cseq = request.GetCseq();
        seed.append(TagOf(request.GetTo()))
            .append("\n")
            .append(TagOf(request.GetFrom()))
            .append("\n")
            .append(request.GetCallId().value_or(""))
            .append("\n")
            .append(request.GetRequestUri())
            .append("\n")
            .append(request.GetFirst("Via").value_or(""))
            .append("\n")
            .append(cseq ? std::to_string(cseq->GetSequence()) : "");
    }
    return MAGIC_COOKIE + SipTransport::MakeHashToken(seed);
}

// --- client side --------------------------------------------------------------------------

uint64_t
SipTransactionManager::SendRequest(const SipMessage& request,
                                   const SipTarget& target,
                                   const ClientCallbacks& callbacks)
{
    NS_LOG_FUNCTION(this << request.GetMethod() << target);
    NS_ABORT_MSG_IF(!m_transport, "SipTransactionManager::SendRequest without a transport");
    NS_ABORT_MSG_IF(!request.IsRequest() || request.IsMethod("ACK"),
                    "SipTransactionManager::SendRequest: a request other than ACK is needed "
                    "(send an ACK to a 2xx with SendStateless)");
    std::optional<SipVia> via = request.GetTopVia();
    std::optional<std::string> branch = via ? via->GetBranch() : std::nullopt;
    NS_ABORT_MSG_IF(!branch || branch->empty(),
                    "SipTransactionManager::SendRequest: the request needs a top Via with a "
                    "branch");
    std::string key = *branch + "\n" + request.GetMethod();
    NS_ABORT_MSG_IF(m_clientIndex.count(key) > 0,
                    "SipTransactionManager::SendRequest: branch " << *branch
                                                                  << " is already in use");
    if (!m_transport->Send(request, target))
    {
        m_transportErrors++;
        return 0;
    }
    uint64_t id = m_nextId++;
    Transaction& t = m_transactions[id];
    t.id = id;
    bool invite = request.IsMethod("INVITE");
    t.kind = invite ? CLIENT_INVITE : CLIENT_NON_INVITE;
    t.state = invite ? CALLING : TRYING;
    t.key = key;
    t.request = request;
    t.target = target;
    t.callbacks = callbacks;
    t.interval = m_t1;
    m_clientIndex.emplace(key, id);
    m_clientCreated++;
    // Timer E or A (unreliable transport), Timer F or B.
    Schedule(t, t.retransmitEvent, m_t1, RETRANSMIT);
    Schedule(t, t.timeoutEvent, 64 * m_t1, TIMEOUT);
    return id;
}

bool
SipTransactionManager::SendStateless(const SipMessage& message, const SipTarget& target)
{
    NS_LOG_FUNCTION(this << target);
    NS_ABORT_MSG_IF(!m_transport, "SipTransactionManager::SendStateless without a transport");
    return m_transport->Send(message, target);
}

void
SipTransactionManager::RetransmitRequest(Transaction& t)
{
    NS_LOG_FUNCTION(this << t.id);
    if (!(t.state == CALLING ||
          ((t.state == TRYING || t.state == PROCEEDING) && t.kind == CLIENT_NON_INVITE)))
    {
        return;
    }
    if (!m_transport->Send(t.request, t.target, true))
    {
        m_transportErrors++;
        Callback<void> report = t.callbacks.onTransportError;
        Remove(t);
        if (!report.IsNull())
        {
            report();
        }
        return;
    }
    m_requestRetransmissions++;
    m_retransmittedTrace(t.request);
    if (t.kind == CLIENT_INVITE)
    {
        t.interval = 2 * t.interval; // Timer A doubles without bound
    }
    else if (t.state == TRYING)
    {
        t.interval = std::min(2 * t.interval, m_t2);
    }
    else
    {
        t.interval = m_t2;
    }
    Schedule(t, t.retransmitEvent, t.interval, RETRANSMIT);
}

SipMessage
SipTransactionManager::BuildAck(const Transaction& t, const SipMessage& response)
{
    // RFC 3261 17.1.1.3
    const SipMessage& invite = t.request;
    SipMessage ack = SipMessage::MakeRequest("ACK", invite.GetRequestUri());
    ack.AddHeader("Via", invite.GetFirst("Via").value_or(""));
    ack.SetMaxForwards(invite.GetMaxForwards().value_or(70));
    ack.AddHeader("From", invite.GetFirst("From").value_or(""));
    ack.AddHeader("To", response.GetFirst("To").value_or(""));
    ack.SetCallId(invite.GetCallId().value_or(""));
    std::optional<SipCseq> cseq = invite.GetCseq();
    ack.SetCseq(SipCseq(cseq ? cseq->GetSequence() : 0, "ACK"));
    for (const std::string& route : invite.GetAll("Route"))
    {
        ack.AddHeader("Route", route);
    }
    return ack;
}

void
SipTransactionManager::ReceiveResponse(const SipMessage& response, const SipPacketInfo& info)
{
    NS_LOG_FUNCTION(this << response.GetStatusCode() << info);
    std::optional<SipVia> via = response.GetTopVia();
    std::optional<std::string> branch = via ? via->GetBranch() : std::nullopt;
    std::optional<SipCseq> cseq = response.GetCseq();
    auto it = m_clientIndex.end();
    if (branch && cseq)
    {
        it = m_clientIndex.find(*branch + "\n" + cseq->GetMethod());
    }
    if (it == m_clientIndex.end())
    {
        m_strayResponses++;
        NS_LOG_INFO("stray response " << response.GetStatusCode() << " " << info);
        m_strayTrace(response, info);
        if (!m_strayHandler.IsNull())
        {
            m_strayHandler(response, info);
        }
        return;
    }
    Transaction& t = m_transactions.at(it->second);
    uint16_t code = response.GetStatusCode();
    ResponseCallback deliver = t.callbacks.onResponse;
    bool passUp = false;
    if (t.kind == CLIENT_NON_INVITE)
    {
        if (t.state == TRYING || t.state == PROCEEDING)
        {
            passUp = true;
            if (code < 200)
            {
                t.state = PROCEEDING;
            }
            else
            {
                t.retransmitEvent.Cancel();
                t.state = COMPLETED;
                t.request = SipMessage(); // not needed any more: keep Completed ones small
                t.requestReleased = true;
                Schedule(t, t.timeoutEvent, m_t4, TIMEOUT); // Timer K
            }
        }
        else
        {
            m_absorbedResponses++;
        }
    }
    else if (t.state == CALLING || t.state == PROCEEDING)
    {
        passUp = true;
        if (code < 200)
        {
            t.retransmitEvent.Cancel();
            t.state = PROCEEDING;
            if (m_inviteProceedingTimeout.IsStrictlyPositive())
            {
                Schedule(t, t.timeoutEvent, m_inviteProceedingTimeout, TIMEOUT);
            }
            else
            {
                t.timeoutEvent.Cancel();
            }
        }
        else if (code < 300)
        {
            t.retransmitEvent.Cancel();
            t.state = ACCEPTED;
            Schedule(t, t.timeoutEvent, 64 * m_t1, TIMEOUT); // Timer M (RFC 6026)
        }
        else
        {
            t.retransmitEvent.Cancel();
            t.response = BuildAck(t, response);
            if (!m_transport->Send(t.response, t.target))
            {
                m_transportErrors++;
            }
            t.state = COMPLETED;
            Schedule(t, t.timeoutEvent, m_timerD, TIMEOUT); // Timer D
        }
    }
    else if (t.state == ACCEPTED && code >= 200 && code < 300)
    {
        passUp = true; // RFC 6026: the UA core re-sends its ACK
    }
    else if (t.state == COMPLETED && code >= 300)
    {
        m_absorbedResponses++;
        if (m_transport->Send(t.response, t.target, true))
        {
            m_ackRetransmissions++;
            m_retransmittedTrace(t.response);
        }
        else
        {
            m_transportErrors++;
        }
    }
    else
    {
        m_absorbedResponses++;
    }
    // Last: the application may end this transaction or start others.
    if (passUp && !deliver.IsNull())
    {
        deliver(response, info);
    }
}

// --- server side --------------------------------------------------------------------------

void
SipTransactionManager::Receive(const SipMessage& message, const SipPacketInfo& info)
{
    if (message.IsResponse())
    {
        ReceiveResponse(message, info);
    }
    else if (message.IsMethod("ACK"))
    {
        ReceiveAck(message, info);
    }
    else
    {
        ReceiveRequest(message, info);
    }
}

void
SipTransactionManager::ReceiveAck(const SipMessage& ack, const SipPacketInfo& info)
{
    NS_LOG_FUNCTION(this << info);
    auto it = m_serverIndex.find(ServerKey(ack, "INVITE"));
    if (it != m_serverIndex.end())
    {
        Transaction& t = m_transactions.at(it->second);
        if (t.state == COMPLETED)
        {
            // ACK to our 300-699: Confirmed, Timer I; the application does not see it.
            t.retransmitEvent.Cancel();
            t.state = CONFIRMED;
            Schedule(t, t.timeoutEvent, m_t4, TIMEOUT);
            return;
        }
        if (t.state == CONFIRMED)
        {
            m_absorbedRequests++;
            return;
        }
    }
    // An ACK to a 2xx (its own transaction): stops the 2xx retransmissions of its dialog.
    auto a = m_dialogAckIndex.find(DialogAckKey(ack));
    if (a != m_dialogAckIndex.end())
    {
        Transaction& t = m_transactions.at(a->second);
        t.acked = true;
        t.retransmitEvent.Cancel();
        m_dialogAckIndex.erase(a);
        t.acceptedKey.clear();
    }
    if (!m_requestHandler.IsNull())
    {
        m_requestHandler(ack, info, 0);
    }
}

void
SipTransactionManager::ReceiveRequest(const SipMessage& request, const SipPacketInfo& info)
{
    NS_LOG_FUNCTION(this << request.GetMethod() << info);
    if (!m_statelessFilter.IsNull() && m_statelessFilter(request, info))
    {
        if (!m_requestHandler.IsNull())
        {
            m_requestHandler(request, info, 0);
        }
        return;
    }
    std::string key = ServerKey(request, request.GetMethod());
    auto it = m_serverIndex.find(key);
    if (it != m_serverIndex.end())
    {
        // A retransmission: absorbed; the last response (if any) goes out again.
        Transaction& t = m_transactions.at(it->second);
        m_absorbedRequests++;
        bool resend = (t.state == PROCEEDING && t.provisionalSent) || t.state == COMPLETED;
        if (resend && !TransmitResponse(t, true))
        {
            m_transportErrors++;
            Remove(t);
        }
        return;
    }
    uint64_t id = m_nextId++;
    Transaction& t = m_transactions[id];
    t.id = id;
    bool invite = request.IsMethod("INVITE");
    t.kind = invite ? SERVER_INVITE : SERVER_NON_INVITE;
    t.state = invite ? PROCEEDING : TRYING;
    t.key = key;
    t.request = request;
    t.info = info;
    t.interval = m_t1;
    m_serverIndex.emplace(key, id);
    m_serverCreated++;
    if (invite && m_sendTrying)
    {
        Schedule(t, t.tryingEvent, m_tryingDelay, SEND_TRYING);
    }
    if (!invite)
    {
        // Not in RFC 3261: a request never answered would stay forever; the client gave up
        // after 64*T1 (Timer F) anyway.
        Schedule(t, t.timeoutEvent, 64 * m_t1, TIMEOUT);
    }
    if (m_requestHandler.IsNull())
    {
        NS_LOG_WARN("no request handler: " << request.GetMethod() << " dropped");
        Remove(t);
        return;
    }
    m_requestHandler(request, info, id);
}

bool
SipTransactionManager::TransmitResponse(Transaction& t, bool isRetransmission)
{
    if (!m_transport->SendResponse(t.response, t.info, isRetransmission))
    {
        return false;
    }
    if (isRetransmission)
    {
        m_responseRetransmissions++;
        m_retransmittedTrace(t.response);
    }
    return true;
}

bool
SipTransactionManager::SendResponse(uint64_t handle, const SipMessage& response)
{
    NS_LOG_FUNCTION(this << handle << response.GetStatusCode());
    Transaction* t = Find(handle);
    if (!t || t->kind == CLIENT_INVITE || t->kind == CLIENT_NON_INVITE || !response.IsResponse())
    {
        return false;
    }
    uint16_t code = response.GetStatusCode();
    if (code < 100 || code > 699 || t->state == COMPLETED || t->state == CONFIRMED ||
        t->state == ACCEPTED)
    {
        return false;
    }
    t->response = response;
    if (!TransmitResponse(*t, false))
    {
        m_transportErrors++;
        Remove(*t);
        return false;
    }
    if (code < 200)
    {
        t->provisionalSent = true;
        t->state = PROCEEDING;
        return true;
    }
    t->tryingEvent.Cancel();
    if (t->kind == SERVER_NON_INVITE)
    {
        t->state = COMPLETED;
        t->request = SipMessage(); // only the response is needed to absorb retransmissions
        t->requestReleased = true;
        Schedule(*t, t->timeoutEvent, 64 * m_t1, TIMEOUT); // Timer J
    }
    else if (code < 300)
    {
        t->state = ACCEPTED;
        t->acceptedKey = DialogAckKey(response);
        m_dialogAckIndex[t->acceptedKey] = t->id;
        Schedule(*t, t->timeoutEvent, 64 * m_t1, TIMEOUT); // Timer L (RFC 6026)
        if (m_retransmit2xx)
        {
            t->interval = m_t1;
            Schedule(*t, t->retransmitEvent, m_t1, RETRANSMIT);
        }
    }
    else
    {
        t->state = COMPLETED;
        t->interval = m_t1;
        Schedule(*t, t->retransmitEvent, m_t1, RETRANSMIT); // Timer G
        Schedule(*t, t->timeoutEvent, 64 * m_t1, TIMEOUT);  // Timer H
    }
    return true;
}

void
SipTransactionManager::RetransmitResponse(Transaction& t)
{
    NS_LOG_FUNCTION(this << t.id);
    bool due = (t.kind == SERVER_INVITE && t.state == COMPLETED) ||
               (t.state == ACCEPTED && !t.acked && m_retransmit2xx);
    if (!due)
    {
        return;
    }
    if (!TransmitResponse(t, true))
    {
        m_transportErrors++;
        Remove(t);
        return;
    }
    t.interval = std::min(2 * t.interval, m_t2);
    Schedule(t, t.retransmitEvent, t.interval, RETRANSMIT);
}

uint64_t
SipTransactionManager::FindInviteForCancel(const SipMessage& cancel) const
{
    auto it = m_serverIndex.find(ServerKey(cancel, "INVITE"));
    return it == m_serverIndex.end() ? 0 : it->second;
}

// --- timers -------------------------------------------------------------------------------

void
SipTransactionManager::TimerExpired(uint64_t id, TimerKind timer)
{
    NS_LOG_FUNCTION(this << id << static_cast<uint32_t>(timer));
    Transaction* t = Find(id);
    if (!t)
    {
        return;
    }
    bool client = t->kind == CLIENT_INVITE || t->kind == CLIENT_NON_INVITE;
    if (timer == SEND_TRYING)
    {
        if (t->state == PROCEEDING && !t->provisionalSent)
        {
            t->response = SipMessageFactory::CreateResponse(t->request, 100);
            if (TransmitResponse(*t, false))
            {
                t->provisionalSent = true;
            }
            else
            {
                m_transportErrors++;
            }
        }
        return;
    }
    if (timer == RETRANSMIT)
    {
        if (client)
        {
            RetransmitRequest(*t);
        }
        else
        {
            RetransmitResponse(*t);
        }
        return;
    }
    // TIMEOUT: what it means depends on the state.
    if (client && (t->state == CALLING || t->state == TRYING || t->state == PROCEEDING))
    {
        // Timer F, B, or the proceeding timeout: the request got no final response.
        m_timeouts++;
        NS_LOG_INFO("client transaction " << id << " (" << t->request.GetMethod() << ") timed out");
        m_timeoutTrace(t->request);
        Callback<void> report = t->callbacks.onTimeout;
        Remove(*t);
        if (!report.IsNull())
        {
            report();
        }
        return;
    }
    if (!client && (t->state == TRYING || t->state == PROCEEDING))
    {
        m_abandoned++; // server non-INVITE never answered
        Remove(*t);
        return;
    }
    if (t->kind == SERVER_INVITE && t->state == COMPLETED)
    {
        m_serverTimeouts++; // Timer H: no ACK
        m_timeoutTrace(t->request);
        Remove(*t);
        return;
    }
    if (t->kind == SERVER_INVITE && t->state == ACCEPTED && !t->acked)
    {
        m_ackTimeouts++;
        SipMessage response = t->response;
        AckTimeoutCallback report = m_ackTimeoutHandler;
        Remove(*t);
        if (!report.IsNull())
        {
            report(id, response);
        }
        return;
    }
    Remove(*t); // Timers K, D, M, J, I, L: the transaction ends
}

// --- queries ------------------------------------------------------------------------------

const SipMessage*
SipTransactionManager::GetRequest(uint64_t handle) const
{
    auto it = m_transactions.find(handle);
    return it == m_transactions.end() || it->second.requestReleased ? nullptr : &it->second.request;
}

const SipPacketInfo*
SipTransactionManager::GetRequestInfo(uint64_t handle) const
{
    auto it = m_transactions.find(handle);
    if (it == m_transactions.end() || it->second.kind == CLIENT_INVITE ||
        it->second.kind == CLIENT_NON_INVITE)
    {
        return nullptr;
    }
    return &it->second.info;
}

bool
SipTransactionManager::HasTransaction(uint64_t handle) const
{
    return m_transactions.count(handle) > 0;
}

SipTransactionManager::State
SipTransactionManager::GetState(uint64_t handle) const
{
    auto it = m_transactions.find(handle);
    return it == m_transactions.end() ? TERMINATED : it->second.state;
}

SipTransactionManager::Kind
SipTransactionManager::GetKind(uint64_t handle) const
{
    auto it = m_transactions.find(handle);
    NS_ABORT_MSG_IF(it == m_transactions.end(),
                    "SipTransactionManager::GetKind: unknown handle " << handle);
    return it->second.kind;
}

bool
SipTransactionManager::Terminate(uint64_t handle)
{
    NS_LOG_FUNCTION(this << handle);
    Transaction* t = Find(handle);
    if (!t)
    {
        return false;
    }
    Remove(*t);
    return true;
}

void
SipTransactionManager::TerminateAll()
{
    NS_LOG_FUNCTION(this);
    for (auto& [id, t] : m_transactions)
    {
        t.retransmitEvent.Cancel();
        t.timeoutEvent.Cancel();
        t.tryingEvent.Cancel();
    }
    m_transactions.clear();
    m_clientIndex.clear();
    m_serverIndex.clear();
    m_dialogAckIndex.clear();
}

uint32_t
SipTransactionManager::GetTransactionCount() const
{
    return static_cast<uint32_t>(m_transactions.size());
}

Time
SipTransactionManager::GetT1() const
{
    return m_t1;
}

Time
SipTransactionManager::GetT2() const
{
    return m_t2;
}

Time
SipTransactionManager::GetT4() const
{
    return m_t4;
}

uint64_t
SipTransactionManager::GetClientTransactionsCreated() const
{
    return m_clientCreated;
}

uint64_t
SipTransactionManager::GetServerTransactionsCreated() const
{
    return m_serverCreated;
}

uint64_t
SipTransactionManager::GetRetransmissionCount() const
{
    return m_requestRetransmissions + m_responseRetransmissions + m_ackRetransmissions;
}

uint64_t
SipTransactionManager::GetRequestRetransmissionCount() const
{
    return m_requestRetransmissions;
}

uint64_t
SipTransactionManager::GetResponseRetransmissionCount() const
{
    return m_responseRetransmissions;
}

uint64_t
SipTransactionManager::GetAckRetransmissionCount() const
{
    return m_ackRetransmissions;
}

uint64_t
SipTransactionManager::GetTimeoutCount() const
{
    return m_timeouts;
}

uint64_t
SipTransactionManager::GetServerTimeoutCount() const
{
    return m_serverTimeouts;
}

uint64_t
SipTransactionManager::GetAckTimeoutCount() const
{
    return m_ackTimeouts;
}

uint64_t
SipTransactionManager::GetTransportErrorCount() const
{
    return m_transportErrors;
}

uint64_t
SipTransactionManager::GetStrayResponseCount() const
{
    return m_strayResponses;
}

uint64_t
SipTransactionManager::GetAbsorbedRequestCount() const
{
    return m_absorbedRequests;
}

uint64_t
SipTransactionManager::GetAbsorbedResponseCount() const
{
    return m_absorbedResponses;
}

uint64_t
SipTransactionManager::GetAbandonedCount() const
{
    return m_abandoned;
}

std::ostream&
operator<<(std::ostream& os, SipTransactionManager::State state)
{
    static const char* const NAMES[] =
        {"Calling", "Trying", "Proceeding", "Completed", "Confirmed", "Accepted", "Terminated"};
    os << (state <= SipTransactionManager::TERMINATED ? NAMES[state] : "unknown");
    return os;
}

} // namespace ns3
