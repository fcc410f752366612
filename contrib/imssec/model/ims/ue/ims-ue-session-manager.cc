/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ims-ue-session-manager.h"

#include "ims-ue-registration.h"
#include "ims-ue-security.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/random-variable-stream.h"
#include "ns3/simulator.h"
#include "ns3/sip-message-factory.h"
#include "ns3/sip-text.h"
#include "ns3/sip-transport.h"

#include <algorithm>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecUeSessions");

namespace
{

/// Methods the UE accepts (Allow of its 405 responses).
const char* const ALLOW = "INVITE, ACK, CANCEL, BYE, UPDATE, OPTIONS";

/**
 * \param interval a session interval
 * \returns the Session-Expires value with the UAC as refresher (RFC 4028)
 */
std::string
SessionExpiresValue(Time interval)
{
    return std::to_string(interval.ToInteger(Time::S)) + ";refresher=uac";
}

} // namespace

ImsUeSessionManager::ImsUeSessionManager()
    : m_security(nullptr),
      m_registration(nullptr),
      m_nextId(0)
{
}

ImsUeSessionManager::~ImsUeSessionManager()
{
    Stop();
}

void
ImsUeSessionManager::Setup(Ptr<SipTransactionManager> tm,
                           ImsUeSecurity* security,
                           ImsUeRegistration* registration,
                           Ptr<UniformRandomVariable> rng)
{
    m_tm = tm;
    m_security = security;
    m_registration = registration;
    m_rng = rng;
}

void
ImsUeSessionManager::SetConfig(const Config& config)
{
    m_config = config;
}

void
ImsUeSessionManager::SetListener(const Listener& listener)
{
    m_listener = listener;
}

uint32_t
ImsUeSessionManager::GetSessionExpires(const SipMessage& request)
{
    auto value = request.GetFirst("Session-Expires");
    if (!value)
    {
        return 0;
    }
    std::string_view v = SipText::Trim(SipText::FirstPart(*value, ';'));
    uint64_t seconds = 0;
    if (!SipText::ParseUint(v, 0xffffffffU, &seconds))
    {
        return 0;
    }
    return static_cast<uint32_t>(seconds);
}

std::string
ImsUeSessionManager::NewToken()
{
    uint64_t hi = m_rng->GetInteger(0, 0xffffffffU);
    uint64_t lo = m_rng->GetInteger(0, 0xffffffffU);
    return SipMessageFactory::MakeToken((hi << 32) | lo);
}

SipVia
ImsUeSessionManager::MakeVia(Ipv6Address source)
{
    // sent-by names port-c, where the responses come back (TS 33.203: P-CSCF port-s ->
    // UE port-c), and rport asks for exactly that (RFC 3581).
    SipVia via("UDP",
               SipText::Ipv6Text(source),
               m_security->GetActive().parameters.uePortC,
               "z9hG4bK" + NewToken());
    via.SetRport(std::nullopt);
    return via;
}

SipNameAddr
ImsUeSessionManager::MakeContact(Ipv6Address address) const
{
    return SipNameAddr(SipUri(m_registration->GetUser(),
                              SipText::Ipv6Text(address),
                              m_security->GetActive().parameters.uePortS));
}

std::string
ImsUeSessionManager::MakeSdp(Ipv6Address address) const
{
    std::string a = SipText::Ipv6Text(address);
    return "v=0\r\n"
           "o=" +
           m_registration->GetUser() + " 1 1 IN IP6 " + a +
           "\r\n"
           "s=-\r\n"
           "c=IN IP6 " +
           a +
           "\r\n"
           "t=0 0\r\n"
           "m=audio 49170 RTP/AVP 0\r\n"
           "a=rtpmap:0 PCMU/8000\r\n";
}

void
ImsUeSessionManager::AddSdp(SipMessage* message, Ipv6Address address) const
{
    message->SetContentType(SipContentType("application", "sdp"));
    message->SetBody(MakeSdp(address));
}

ImsUeSession*
ImsUeSessionManager::FindById(uint64_t id)
{
    for (auto& s : m_sessions)
    {
        if (s->id == id)
        {
            return s.get();
        }
    }
    return nullptr;
}

ImsUeSession*
ImsUeSessionManager::FindByDialog(const SipMessage& request)
{
    for (auto& s : m_sessions)
    {
        if (s->hasDialog && s->dialog.Matches(request))
        {
            return s.get();
        }
    }
    return nullptr;
}

const ImsUeSession*
ImsUeSessionManager::Find(const std::string& callId) const
{
    for (const auto& s : m_sessions)
    {
        if (s->callId == callId)
        {
            return s.get();
        }
    }
    return nullptr;
}

uint32_t
ImsUeSessionManager::GetSessionCount() const
{
    return static_cast<uint32_t>(m_sessions.size());
}

bool
ImsUeSessionManager::IsAddressInUse(Ipv6Address address) const
{
    for (const auto& s : m_sessions)
    {
        if (s->localAddress == address)
        {
            return true;
        }
    }
    return false;
}

// --- originating -----------------------------------------------------------------------

bool
ImsUeSessionManager::Originate(Ipv6Address source, Time holdingTime)
{
    NS_LOG_FUNCTION(this << source << holdingTime);
    NS_ABORT_MSG_IF(!m_tm || !m_security || !m_registration,
                    "ImsUeSessionManager used before Setup");
    auto s = std::make_unique<ImsUeSession>();
    s->id = ++m_nextId;
    s->originating = true;
    s->state = ImsUeSession::CALLING;
    s->callId = NewToken() + "@" + m_registration->GetUser();
    s->localAddress = source;
    s->created = Simulator::Now();
    s->holdingTime = holdingTime;
    if (m_config.refreshInterval.IsStrictlyPositive())
    {
        s->sessionInterval = 2 * m_config.refreshInterval;
    }
    if (!m_listener.attempted.IsNull())
    {
        m_listener.attempted(s->callId, true);
    }
    if (!m_registration->IsRegistered() || !m_security->HasActive())
    {
        if (!m_listener.failed.IsNull())
        {
            m_listener.failed(s->callId, true, FAIL_NOT_REGISTERED, 0);
        }
        return false;
    }
    SipUri target;
    std::string error;
    NS_ABORT_MSG_IF(!SipUri::Parse(m_config.remoteUri, &target, &error),
                    "ImsUeSessionManager: remote URI '" << m_config.remoteUri << "': " << error);
    SipUri impu;
    SipUri::Parse(m_registration->GetIdentity().impu, &impu, &error);
    SipNameAddr from(impu);
    from.SetTag(NewToken());
    s->inviteSequence = 1;
    SipMessage invite = SipMessageFactory::CreateRequest("INVITE",
                                                         target,
                                                         MakeVia(source),
                                                         from,
                                                         SipNameAddr(target),
                                                         s->callId,
                                                         s->inviteSequence);
    // TS 24.229 5.1.2A.1.5: the P-CSCF's protected server port first, then the Service-Route.
    const IpsecSaSetParameters& sa = m_security->GetActive().parameters;
    SipNameAddr pcscf(SipUri("", SipText::Ipv6Text(sa.pcscfAddress), sa.pcscfPortS));
    pcscf.GetUri().GetParams().SetFlag("lr");
    std::vector<SipNameAddr> route{pcscf};
    for (const SipNameAddr& r : m_registration->GetServiceRoute())
    {
        route.push_back(r);
    }
    invite.SetNameAddrs("Route", route);
    invite.AddContact(MakeContact(source));
    if (s->sessionInterval.IsStrictlyPositive())
    {
        invite.AddOptionTag("Supported", "timer");
        invite.SetHeader("Session-Expires", SessionExpiresValue(s->sessionInterval));
    }
    AddSdp(&invite, source);
    SipTransactionManager::ClientCallbacks cb;
    cb.onResponse = MakeCallback(&ImsUeSessionManager::OnInviteResponse, this).Bind(s->id);
    cb.onTimeout = MakeCallback(&ImsUeSessionManager::OnInviteTimeout, this).Bind(s->id);
    cb.onTransportError =
        MakeCallback(&ImsUeSessionManager::OnInviteTransportError, this).Bind(s->id);
    s->inviteTransaction =
        m_tm->SendRequest(invite, m_security->GetActiveRequestTarget(source), cb);
    if (s->inviteTransaction == 0)
    {
        if (!m_listener.failed.IsNull())
        {
            m_listener.failed(s->callId, true, FAIL_NO_SA, 0);
        }
        return false;
    }
    s->invite = invite;
    NS_LOG_INFO("INVITE " << s->callId << " from " << source);
    m_sessions.push_back(std::move(s));
    return true;
}

void
ImsUeSessionManager::OnInviteResponse(uint64_t id,
                                      const SipMessage& response,
                                      const SipPacketInfo& info)
{
    NS_LOG_FUNCTION(this << id << response.GetStatusCode() << info);
    ImsUeSession* s = FindById(id);
    uint16_t status = response.GetStatusCode();
    if (!s)
    {
        return;
    }
    if (status < 200)
    {
        s->provisionalReceived = true;
        return;
    }
    if (status >= 300)
    {
        FailAttempt(id, ImsUeCauses::FromStatus(status), status);
        return;
    }
    if (s->state != ImsUeSession::CALLING)
    {
        // A retransmitted 2xx: its ACK was lost (RFC 3261 13.2.2.4).
        if (s->hasDialog && !SendAck(*s))
        {
            Drop(id, DROP_NO_SA);
        }
        return;
    }
    if (!SipDialog::CreateAsUac(s->invite, response, &s->dialog))
    {
        // A 2xx that does not make a dialog (no To tag or Contact): nothing to ACK.
        FailAttempt(id, FAIL_STATUS_5XX, status);
        return;
    }
    s->hasDialog = true;
    s->invite = SipMessage();
    Establish(*s);
    if (!SendAck(*s))
    {
        Drop(id, DROP_NO_SA);
        return;
    }
    if (s->sessionInterval.IsStrictlyPositive())
    {
        s->refreshEvent = Simulator::Schedule(m_config.refreshInterval,
                                              &ImsUeSessionManager::SendRefresh,
                                              this,
                                              id);
    }
    s->endEvent = Simulator::Schedule(s->holdingTime, &ImsUeSessionManager::SendBye, this, id);
}

void
ImsUeSessionManager::OnInviteTimeout(uint64_t id)
{
    NS_LOG_FUNCTION(this << id);
    ImsUeSession* s = FindById(id);
    if (s)
    {
        s->inviteTransaction = 0;
        if (s->state == ImsUeSession::CALLING)
        {
            if (s->provisionalReceived)
            {
                // No final answer within InviteTimeout after a 1xx: give up (RFC 3261 9.1).
                SendCancel(*s);
            }
            FailAttempt(id, FAIL_TIMEOUT, 0);
        }
    }
}

void
ImsUeSessionManager::OnInviteTransportError(uint64_t id)
{
    NS_LOG_FUNCTION(this << id);
    ImsUeSession* s = FindById(id);
    if (s)
    {
        s->inviteTransaction = 0;
        if (s->state == ImsUeSession::CALLING)
        {
            FailAttempt(id, FAIL_NO_SA, 0);
        }
    }
}

bool
ImsUeSessionManager::SendAck(ImsUeSession& s)
{
    if (!m_security->HasActive())
    {
        return false;
    }
    SipMessage ack = s.dialog.CreateAck(s.inviteSequence, MakeVia(s.localAddress));
    return m_tm->SendStateless(ack, m_security->GetActiveRequestTarget(s.localAddress));
}

void
ImsUeSessionManager::SendCancel(ImsUeSession& s)
{
    // RFC 3261 9.1: Request-URI, Call-ID, From, To, Route and the single top Via of the
    // INVITE, CSeq number of the INVITE with method CANCEL.
    if (!m_security->HasActive() || !s.invite.IsRequest() || !s.invite.GetTopVia())
    {
        return;
    }
    SipMessage cancel = SipMessage::MakeRequest("CANCEL", s.invite.GetRequestUri());
    cancel.InsertVia(*s.invite.GetTopVia());
    cancel.SetMaxForwards(70);
    cancel.SetFrom(*s.invite.GetFrom());
    cancel.SetTo(*s.invite.GetTo());
    cancel.SetCallId(s.callId);
    cancel.SetCseq(SipCseq(s.inviteSequence, "CANCEL"));
    cancel.SetNameAddrs("Route", s.invite.GetNameAddrs("Route"));
    m_tm->SendRequest(cancel,
                      m_security->GetActiveRequestTarget(s.localAddress),
                      SipTransactionManager::ClientCallbacks());
}

uint64_t
ImsUeSessionManager::SendInDialog(ImsUeSession& s,
                                  const SipMessage& request,
                                  const SipTransactionManager::ClientCallbacks& callbacks)
{
    if (!m_security->HasActive())
    {
        return 0;
    }
    return m_tm->SendRequest(request,
                             m_security->GetActiveRequestTarget(s.localAddress),
                             callbacks);
}

void
ImsUeSessionManager::SendPending(ImsUeSession& s,
                                 const SipMessage& request,
                                 ResponseHandler onResponse,
                                 ImsSessionDropCause timeoutCause)
{
    uint64_t id = s.id;
    SipTransactionManager::ClientCallbacks cb;
    cb.onResponse = onResponse.Bind(id);
    cb.onTimeout =
        MakeCallback(&ImsUeSessionManager::OnInDialogFailure, this).Bind(id, s.state, timeoutCause);
    cb.onTransportError =
        MakeCallback(&ImsUeSessionManager::OnInDialogFailure, this).Bind(id, s.state, DROP_NO_SA);
    s.pendingTransaction = SendInDialog(s, request, cb);
    if (s.pendingTransaction == 0)
    {
        Drop(id, DROP_NO_SA);
    }
}

void
ImsUeSessionManager::SendRefresh(uint64_t id)
{
    NS_LOG_FUNCTION(this << id);
    ImsUeSession* s = FindById(id);
    if (!s || s->state != ImsUeSession::CONFIRMED || !m_security->HasActive())
    {
        if (s && s->state == ImsUeSession::CONFIRMED)
        {
            Drop(id, DROP_NO_SA);
        }
        return;
    }
    // RFC 4028 UPDATE, also a target refresh (RFC 3311): the Contact names the current
    // port-s, so the dialog follows a re-registration's new SAs.
    SipMessage update = s->dialog.CreateRequest("UPDATE", MakeVia(s->localAddress));
    update.AddContact(MakeContact(s->localAddress));
    update.AddOptionTag("Supported", "timer");
    update.SetHeader("Session-Expires", SessionExpiresValue(s->sessionInterval));
    SendPending(*s,
                update,
                MakeCallback(&ImsUeSessionManager::OnRefreshResponse, this),
                DROP_REFRESH_FAILED);
}

void
ImsUeSessionManager::OnRefreshResponse(uint64_t id,
                                       const SipMessage& response,
                                       const SipPacketInfo& info)
{
    NS_LOG_FUNCTION(this << id << response.GetStatusCode() << info);
    ImsUeSession* s = FindById(id);
    uint16_t status = response.GetStatusCode();
    if (!s || status < 200 || s->state != ImsUeSession::CONFIRMED)
    {
        return;
    }
    s->pendingTransaction = 0;
    if (status >= 300)
    {
        Drop(id, DROP_REFRESH_FAILED);
        return;
    }
    s->dialog.RefreshTarget(response);
    s->refreshEvent =
        Simulator::Schedule(m_config.refreshInterval, &ImsUeSessionManager::SendRefresh, this, id);
}

void
ImsUeSessionManager::SendBye(uint64_t id)
{
    NS_LOG_FUNCTION(this << id);
    ImsUeSession* s = FindById(id);
    if (!s || s->state != ImsUeSession::CONFIRMED)
    {
        return;
    }
    s->refreshEvent.Cancel();
    if (s->pendingTransaction != 0)
    {
        // An UPDATE still running: the BYE ends the dialog anyway.
        m_tm->Terminate(s->pendingTransaction);
        s->pendingTransaction = 0;
    }
    s->state = ImsUeSession::ENDING;
    if (!m_security->HasActive())
    {
        Drop(id, DROP_NO_SA);
        return;
    }
    SipMessage bye = s->dialog.CreateRequest("BYE", MakeVia(s->localAddress));
    SendPending(*s, bye, MakeCallback(&ImsUeSessionManager::OnByeResponse, this), DROP_BYE_FAILED);
}

void
ImsUeSessionManager::OnByeResponse(uint64_t id,
                                   const SipMessage& response,
                                   const SipPacketInfo& info)
{
    NS_LOG_FUNCTION(this << id << response.GetStatusCode() << info);
    ImsUeSession* s = FindById(id);
    uint16_t status = response.GetStatusCode();
    if (!s || status < 200 || s->state != ImsUeSession::ENDING)
    {
        return;
    }
    s->pendingTransaction = 0;
    if (status < 300)
    {
        Complete(id);
    }
    else
    {
        Drop(id, DROP_BYE_FAILED);
    }
}

void
ImsUeSessionManager::OnInDialogFailure(uint64_t id,
                                       ImsUeSession::State state,
                                       ImsSessionDropCause cause)
{
    NS_LOG_FUNCTION(this << id << state << cause);
    ImsUeSession* s = FindById(id);
    if (s && s->state == state)
    {
        s->pendingTransaction = 0;
        Drop(id, cause);
    }
}

void
ImsUeSessionManager::SendBestEffortBye(ImsUeSession& s)
{
    if (!s.hasDialog || !m_security->HasActive())
    {
        return;
    }
    SipMessage bye = s.dialog.CreateRequest("BYE", MakeVia(s.localAddress));
    SendInDialog(s, bye, SipTransactionManager::ClientCallbacks());
}

// --- terminating and in-dialog requests -------------------------------------------------

ImsUeSessionManager::Disposition
ImsUeSessionManager::HandleRequest(const SipMessage& request,
                                   const SipPacketInfo& info,
                                   uint64_t handle)
{
    NS_LOG_FUNCTION(this << request.GetMethod() << info << handle);
    if (request.IsMethod("ACK"))
    {
        ImsUeSession* s = FindByDialog(request);
        if (!s)
        {
            return STRAY_ACK;
        }
        if (s->state == ImsUeSession::ANSWERED)
        {
            Establish(*s);
            Supervise(*s);
        }
        return HANDLED; // also the ACK of a re-INVITE's 2xx
    }
    if (request.IsMethod("CANCEL"))
    {
        HandleCancel(request, handle);
        return HANDLED;
    }
    auto to = request.GetTo();
    if (to && to->GetTag())
    {
        ImsUeSession* s = FindByDialog(request);
        if (!s)
        {
            // RFC 3261 12.2.2: a request of a dialog the UA does not know.
            Reject(handle, request, 481);
            return HANDLED;
        }
        HandleInDialog(request, handle, *s);
        return HANDLED;
    }
    if (request.IsMethod("INVITE"))
    {
        AcceptInvite(request, info, handle);
    }
    else if (request.IsMethod("OPTIONS"))
    {
        SipMessage ok = MakeResponse(request, 200, nullptr);
        ok.AddHeader("Allow", ALLOW);
        m_tm->SendResponse(handle, ok);
    }
    else
    {
        Reject(handle, request, 405);
    }
    return HANDLED;
}

void
ImsUeSessionManager::AcceptInvite(const SipMessage& request,
                                  const SipPacketInfo& info,
                                  uint64_t handle)
{
    NS_LOG_FUNCTION(this << info << handle);
    auto s = std::make_unique<ImsUeSession>();
    s->id = ++m_nextId;
    s->originating = false;
    s->state = ImsUeSession::RINGING;
    s->callId = request.GetCallId().value_or("");
    s->localAddress = info.localAddress;
    s->created = Simulator::Now();
    s->inviteTransaction = handle;
    if (!SipDialog::CreateAsUas(request, NewToken(), &s->dialog))
    {
        // No From tag or no Contact: no dialog can be made (RFC 3261 8.2, 12.1.1).
        Reject(handle, request, 400);
        return;
    }
    s->hasDialog = true;
    s->inviteSequence = s->dialog.GetLocalSequence();
    if (!m_listener.attempted.IsNull())
    {
        m_listener.attempted(s->callId, false);
    }
    if (m_config.maxSessions != 0 && m_sessions.size() >= m_config.maxSessions)
    {
        m_tm->SendResponse(handle, MakeResponse(request, 486, s.get()));
        if (!m_listener.failed.IsNull())
        {
            m_listener.failed(s->callId, false, FAIL_BUSY, 486);
        }
        return;
    }
    uint32_t interval = GetSessionExpires(request);
    if (interval != 0)
    {
        s->sessionInterval = Seconds(interval);
    }
    uint64_t id = s->id;
    SipMessage ringing = MakeResponse(request, 180, s.get());
    m_sessions.push_back(std::move(s));
    m_tm->SendResponse(handle, ringing);
    ImsUeSession* session = FindById(id);
    session->answerEvent =
        Simulator::Schedule(m_config.answerDelay, &ImsUeSessionManager::Answer, this, id);
}

void
ImsUeSessionManager::Answer(uint64_t id)
{
    NS_LOG_FUNCTION(this << id);
    ImsUeSession* s = FindById(id);
    if (!s || s->state != ImsUeSession::RINGING)
    {
        return;
    }
    const SipMessage* invite = m_tm->GetRequest(s->inviteTransaction);
    if (!invite || !m_security->HasActive())
    {
        // The INVITE transaction is gone (the caller gave up) or the SAs are.
        FailAttempt(id, invite ? FAIL_NO_SA : FAIL_TIMEOUT, 0);
        return;
    }
    SipMessage ok = MakeResponse(*invite, 200, s);
    if (s->sessionInterval.IsStrictlyPositive())
    {
        ok.AddOptionTag("Require", "timer");
        ok.SetHeader("Session-Expires", SessionExpiresValue(s->sessionInterval));
    }
    AddSdp(&ok, s->localAddress);
    s->state = ImsUeSession::ANSWERED;
    if (!m_tm->SendResponse(s->inviteTransaction, ok))
    {
        FailAttempt(id, FAIL_NO_SA, 0);
    }
}

void
ImsUeSessionManager::Supervise(ImsUeSession& s)
{
    s.supervisionEvent.Cancel();
    if (!s.originating && s.sessionInterval.IsStrictlyPositive())
    {
        s.supervisionEvent = Simulator::Schedule(s.sessionInterval,
                                                 &ImsUeSessionManager::SupervisionExpired,
                                                 this,
                                                 s.id);
    }
}

void
ImsUeSessionManager::SupervisionExpired(uint64_t id)
{
    NS_LOG_FUNCTION(this << id);
    ImsUeSession* s = FindById(id);
    if (!s)
    {
        return;
    }
    // RFC 4028 10: without a refresh the session is over; the UA sends a BYE.
    SendBestEffortBye(*s);
    Drop(id, DROP_REFRESH_TIMEOUT);
}

void
ImsUeSessionManager::HandleAckTimeout(uint64_t handle, const SipMessage& response)
{
    NS_LOG_FUNCTION(this << handle << response.GetStatusCode());
    for (auto& s : m_sessions)
    {
        if (s->inviteTransaction == handle && s->state == ImsUeSession::ANSWERED)
        {
            // RFC 3261 13.3.1.4: no ACK, the UAS ends the dialog with a BYE.
            SendBestEffortBye(*s);
            FailAttempt(s->id, FAIL_ACK_TIMEOUT, 0);
            return;
        }
    }
}

void
ImsUeSessionManager::HandleInDialog(const SipMessage& request, uint64_t handle, ImsUeSession& s)
{
    auto cseq = request.GetCseq();
    if (!cseq || !s.dialog.AcceptRemoteSequence(cseq->GetSequence()))
    {
        Reject(handle, request, 500);
        return;
    }
    uint64_t id = s.id;
    if (request.IsMethod("BYE"))
    {
        m_tm->SendResponse(handle, MakeResponse(request, 200, &s));
        if (s.state == ImsUeSession::RINGING)
        {
            // RFC 3261 15.1.2: a BYE before the answer ends the INVITE with 487.
            if (const SipMessage* invite = m_tm->GetRequest(s.inviteTransaction))
            {
                m_tm->SendResponse(s.inviteTransaction, MakeResponse(*invite, 487, &s));
            }
            FailAttempt(id, FAIL_CANCELLED, 0);
            return;
        }
        if (s.state == ImsUeSession::ANSWERED)
        {
            Establish(s); // the ACK was lost: the caller considers the session up
        }
        Complete(id);
        return;
    }
    if (request.IsMethod("UPDATE") || request.IsMethod("INVITE"))
    {
        // A session refresh (RFC 4028) and target refresh (RFC 3311).
        s.dialog.RefreshTarget(request);
        uint32_t interval = GetSessionExpires(request);
        if (interval != 0)
        {
            s.sessionInterval = Seconds(interval);
        }
        SipMessage ok = MakeResponse(request, 200, &s);
        if (s.sessionInterval.IsStrictlyPositive())
        {
            ok.SetHeader("Session-Expires", SessionExpiresValue(s.sessionInterval));
        }
        if (request.IsMethod("INVITE"))
        {
            AddSdp(&ok, s.localAddress);
        }
        m_tm->SendResponse(handle, ok);
        if (s.IsEstablished())
        {
            Supervise(s);
        }
        return;
    }
    if (request.IsMethod("OPTIONS"))
    {
        m_tm->SendResponse(handle, MakeResponse(request, 200, &s));
        return;
    }
    Reject(handle, request, 405);
}

void
ImsUeSessionManager::HandleCancel(const SipMessage& cancel, uint64_t handle)
{
    uint64_t invite = m_tm->FindInviteForCancel(cancel);
    for (auto& s : m_sessions)
    {
        if (invite != 0 && s->inviteTransaction == invite && s->state == ImsUeSession::RINGING)
        {
            // RFC 3261 9.2: 200 to the CANCEL, 487 to the INVITE.
            m_tm->SendResponse(handle, SipMessageFactory::CreateResponse(cancel, 200));
            if (const SipMessage* request = m_tm->GetRequest(invite))
            {
                m_tm->SendResponse(invite, MakeResponse(*request, 487, s.get()));
            }
            FailAttempt(s->id, FAIL_CANCELLED, 0);
            return;
        }
    }
    // Nothing to cancel (answered already, or unknown): 200 when the INVITE transaction
    // exists, else 481 (RFC 3261 9.2).
    if (invite != 0)
    {
        m_tm->SendResponse(handle, SipMessageFactory::CreateResponse(cancel, 200));
        return;
    }
    Reject(handle, cancel, 481);
}

void
ImsUeSessionManager::Reject(uint64_t handle, const SipMessage& request, uint16_t status)
{
    NS_LOG_INFO("answering " << request.GetMethod() << " with " << status);
    SipMessage response = MakeResponse(request, status, nullptr);
    if (status == 405)
    {
        response.AddHeader("Allow", ALLOW);
    }
    if (handle != 0)
    {
        m_tm->SendResponse(handle, response);
    }
    if (!m_listener.rejected.IsNull())
    {
        m_listener.rejected(status);
    }
}

SipMessage
ImsUeSessionManager::MakeResponse(const SipMessage& request,
                                  uint16_t status,
                                  const ImsUeSession* s) const
{
    std::string tag = s ? s->dialog.GetLocalTag() : std::string();
    if (!s)
    {
        // Outside a dialog: a To tag derived from the request, the same for retransmissions.
        tag = SipTransport::MakeHashToken(request.GetCallId().value_or("") +
                                          request.GetFirst("Via").value_or(""));
    }
    SipMessage response = SipMessageFactory::CreateResponse(request, status, "", tag);
    bool dialogCreating = s && request.IsMethod("INVITE") && status > 100 && status < 300;
    if (dialogCreating && request.HasHeader("Record-Route"))
    {
        // RFC 3261 12.1.1: the UAS copies Record-Route into dialog-creating responses.
        response.SetNameAddrs("Record-Route", request.GetNameAddrs("Record-Route"));
    }
    if (s && status >= 180 && status < 300 && m_security->HasActive())
    {
        response.AddContact(MakeContact(s->localAddress));
    }
    return response;
}

// --- outcomes ------------------------------------------------------------------------------

void
ImsUeSessionManager::Establish(ImsUeSession& s)
{
    s.state = ImsUeSession::CONFIRMED;
    s.established = Simulator::Now();
    Time delay = s.originating ? s.established - s.created : Seconds(0);
    NS_LOG_INFO("session " << s.callId << " established, setup " << delay.As(Time::MS));
    if (!m_listener.established.IsNull())
    {
        m_listener.established(s.callId, s.originating, delay);
    }
}

void
ImsUeSessionManager::Complete(uint64_t id)
{
    ImsUeSession* s = FindById(id);
    if (!s)
    {
        return;
    }
    std::string callId = s->callId;
    bool originating = s->originating;
    Time duration = Simulator::Now() - s->established;
    Remove(id, false);
    NS_LOG_INFO("session " << callId << " completed after " << duration.As(Time::S));
    if (!m_listener.completed.IsNull())
    {
        m_listener.completed(callId, originating, duration);
    }
    if (m_sessions.empty() && !m_listener.idle.IsNull())
    {
        m_listener.idle();
    }
}

void
ImsUeSessionManager::Drop(uint64_t id, ImsSessionDropCause cause)
{
    ImsUeSession* s = FindById(id);
    if (!s)
    {
        return;
    }
    std::string callId = s->callId;
    bool originating = s->originating;
    Remove(id, false);
    NS_LOG_INFO("session " << callId << " dropped: " << cause);
    if (!m_listener.dropped.IsNull())
    {
        m_listener.dropped(callId, originating, cause);
    }
    if (m_sessions.empty() && !m_listener.idle.IsNull())
    {
        m_listener.idle();
    }
}

void
ImsUeSessionManager::FailAttempt(uint64_t id, ImsSessionFailureCause cause, uint16_t status)
{
    ImsUeSession* s = FindById(id);
    if (!s)
    {
        return;
    }
    std::string callId = s->callId;
    bool originating = s->originating;
    Remove(id, false);
    NS_LOG_INFO("session " << callId << " failed: " << cause << " " << status);
    if (!m_listener.failed.IsNull())
    {
        m_listener.failed(callId, originating, cause, status);
    }
    if (m_sessions.empty() && !m_listener.idle.IsNull())
    {
        m_listener.idle();
    }
}

void
ImsUeSessionManager::Remove(uint64_t id, bool notifyIdle)
{
    auto it = std::find_if(m_sessions.begin(), m_sessions.end(), [id](const auto& s) {
        return s->id == id;
    });
    if (it == m_sessions.end())
    {
        return;
    }
    ImsUeSession& s = **it;
    s.CancelTimers();
    if (m_tm && s.pendingTransaction != 0)
    {
        m_tm->Terminate(s.pendingTransaction);
    }
    // The INVITE transaction stays when it still has work (2xx retransmissions of an
    // answered INVITE, absorbing a retransmitted 2xx at the caller): only one that still
    // waits for the UA's final response is ended.
    if (m_tm && s.inviteTransaction != 0 && !s.originating && s.state == ImsUeSession::RINGING)
    {
        m_tm->Terminate(s.inviteTransaction);
    }
    m_sessions.erase(it);
    if (notifyIdle && m_sessions.empty() && !m_listener.idle.IsNull())
    {
        m_listener.idle();
    }
}

void
ImsUeSessionManager::EndTransactions(ImsUeSession& s)
{
    // A released session's requests must not go on being retransmitted through SAs that
    // are gone (or to a caller that will never hear of it again).
    if (s.pendingTransaction != 0)
    {
        m_tm->Terminate(s.pendingTransaction);
        s.pendingTransaction = 0;
    }
    if (s.inviteTransaction != 0 && s.state == ImsUeSession::CALLING)
    {
        m_tm->Terminate(s.inviteTransaction);
        s.inviteTransaction = 0;
    }
}

void
ImsUeSessionManager::ReleaseAll(ImsSessionDropCause drop, ImsSessionFailureCause fail)
{
    NS_LOG_FUNCTION(this << drop << fail);
    while (!m_sessions.empty())
    {
        ImsUeSession& s = *m_sessions.front();
        uint64_t id = s.id;
        EndTransactions(s);
        if (s.IsEstablished())
        {
            Drop(id, drop);
        }
        else
        {
            FailAttempt(id, fail, 0);
        }
    }
}

void
ImsUeSessionManager::ReleaseUsing(Ipv6Address address,
                                  ImsSessionDropCause drop,
                                  ImsSessionFailureCause fail)
{
    NS_LOG_FUNCTION(this << address);
    std::vector<std::pair<uint64_t, bool>> ids;
    for (const auto& s : m_sessions)
    {
        if (s->localAddress == address)
        {
            ids.emplace_back(s->id, s->IsEstablished());
        }
    }
    for (const auto& [id, established] : ids)
    {
        if (ImsUeSession* s = FindById(id))
        {
            EndTransactions(*s);
        }
        if (established)
        {
            Drop(id, drop);
        }
        else
        {
            FailAttempt(id, fail, 0);
        }
    }
}

void
ImsUeSessionManager::Stop()
{
    for (auto& s : m_sessions)
    {
        s->CancelTimers();
    }
    m_sessions.clear();
}

} // namespace ns3
