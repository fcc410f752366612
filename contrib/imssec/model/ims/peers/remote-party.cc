/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "remote-party.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/ipv6.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/sip-message-factory.h"
#include "ns3/sip-text.h"
#include "ns3/sip-transaction-manager.h"
#include "ns3/sip-transport.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <cmath>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecRemoteParty");

NS_OBJECT_ENSURE_REGISTERED(RemoteParty);

namespace
{

/// The methods this UA handles (Allow of 405 and OPTIONS answers).
const char* const ALLOW = "INVITE, ACK, BYE, CANCEL, UPDATE, OPTIONS";

/**
 * \param uri a URI
 * \returns "scheme:user@host" (no port, no parameters)
 */
std::string
Canonical(const SipUri& uri)
{
    std::string s = uri.GetScheme() + ":";
    if (!uri.GetUser().empty())
    {
        s += uri.GetUser() + "@";
    }
    return s + SipText::ToLower(uri.GetHost());
}

} // namespace

TypeId
RemoteParty::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::RemoteParty")
            .SetParent<Application>()
            .SetGroupName("Imssec")
            .AddConstructor<RemoteParty>()
            .AddAttribute("Uri",
                          "Own public identity (From of the sessions originated here); "
                          "default sip:remote@ims.example.",
                          StringValue("sip:remote@ims.example"),
                          MakeStringAccessor(&RemoteParty::m_uri),
                          MakeStringChecker())
            .AddAttribute("LocalAddress",
                          "Address written in Contact and Via (:: = the node's first global "
                          "address); default ::.",
                          Ipv6AddressValue(Ipv6Address::GetAny()),
                          MakeIpv6AddressAccessor(&RemoteParty::m_configuredAddress),
                          MakeIpv6AddressChecker())
            .AddAttribute("Port",
                          "SIP port (UDP); default 5060.",
                          UintegerValue(5060),
                          MakeUintegerAccessor(&RemoteParty::m_port),
                          MakeUintegerChecker<uint16_t>(1))
            .AddAttribute("ScscfAddress",
                          "The S-CSCF: preloaded Route and first hop of the INVITEs sent "
                          "(required to originate sessions); default ::.",
                          Ipv6AddressValue(Ipv6Address::GetAny()),
                          MakeIpv6AddressAccessor(&RemoteParty::m_scscfAddress),
                          MakeIpv6AddressChecker())
            .AddAttribute("ScscfPort",
                          "The S-CSCF's SIP port; default 5060.",
                          UintegerValue(5060),
                          MakeUintegerAccessor(&RemoteParty::m_scscfPort),
                          MakeUintegerChecker<uint16_t>(1))
            .AddAttribute("RingingDelay",
                          "Delay from an INVITE to the 180 Ringing (s); default 0 (after the "
                          "100 Trying of the transaction).",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&RemoteParty::m_ringingDelay),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("AnswerDelay",
                          "Delay from an INVITE to its final response (s); default 1 s.",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&RemoteParty::m_answerDelay),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("AnswerStatusCode",
                          "Final response to new INVITEs: 200 answers, 300..699 rejects "
                          "(sent at once); default 200.",
                          UintegerValue(200),
                          MakeUintegerAccessor(&RemoteParty::m_answerStatus),
                          MakeUintegerChecker<uint16_t>(200, 699))
            .AddAttribute("SessionRefreshInterval",
                          "Interval of the UPDATE refreshes of sessions originated here (s; "
                          "Session-Expires is twice this; 0 = no refresh, no "
                          "Session-Expires); default 900 s.",
                          TimeValue(Seconds(900)),
                          MakeTimeAccessor(&RemoteParty::m_refreshInterval),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("HoldingTime",
                          "Holding time of the sessions originated here (s, from 2xx to "
                          "BYE); default exponential with mean 120 s.",
                          StringValue("ns3::ExponentialRandomVariable[Mean=120]"),
                          MakePointerAccessor(&RemoteParty::m_holdingTime),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("TerminatingSessionRate",
                          "Sessions originated per target per hour (Poisson); default 0 "
                          "(none).",
                          DoubleValue(0),
                          MakeDoubleAccessor(&RemoteParty::m_rate),
                          MakeDoubleChecker<double>(0))
            .AddTraceSource("SessionEstablished",
                            "A session was established: Call-ID, peer, direction.",
                            MakeTraceSourceAccessor(&RemoteParty::m_establishedTrace),
                            "ns3::RemoteParty::SessionTracedCallback")
            .AddTraceSource("SessionEnded",
                            "A session ended: Call-ID, peer, direction, cause (completed or "
                            "the drop cause).",
                            MakeTraceSourceAccessor(&RemoteParty::m_endedTrace),
                            "ns3::RemoteParty::SessionEndTracedCallback")
            .AddTraceSource("SessionFailed",
                            "A session originated here failed before establishment: Call-ID, "
                            "peer, direction, cause.",
                            MakeTraceSourceAccessor(&RemoteParty::m_failedTrace),
                            "ns3::RemoteParty::SessionEndTracedCallback")
            .AddTraceSource("SetupDelay",
                            "Setup delay of a session originated here: Call-ID, peer, INVITE "
                            "sent -> 2xx received.",
                            MakeTraceSourceAccessor(&RemoteParty::m_setupDelayTrace),
                            "ns3::RemoteParty::SetupDelayTracedCallback");
    return tid;
}

RemoteParty::RemoteParty()
    : m_uri("sip:remote@ims.example"),
      m_port(5060),
      m_scscfPort(5060),
      m_ringingDelay(Seconds(0)),
      m_answerDelay(Seconds(1)),
      m_answerStatus(200),
      m_refreshInterval(Seconds(900)),
      m_rate(0),
      m_counter(0),
      m_running(false),
      m_invitesReceived(0),
      m_answered(0),
      m_rejected(0),
      m_originated(0),
      m_established{},
      m_completed{},
      m_refreshesReceived(0),
      m_refreshesSent(0),
      m_setupCount(0),
      m_unknownDialog(0)
{
    NS_LOG_FUNCTION(this);
    m_transport = CreateObject<SipTransport>();
    m_transactions = CreateObject<SipTransactionManager>();
    // RFC 3261 17.2.1 allows an immediate 100 Trying; the 180 follows it.
    m_transactions->SetAttribute("TryingDelay", TimeValue(Seconds(0)));
    m_arrivals = CreateObject<ExponentialRandomVariable>();
    m_targetChoice = CreateObject<UniformRandomVariable>();
}

RemoteParty::~RemoteParty()
{
    NS_LOG_FUNCTION(this);
}

void
RemoteParty::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_arrivalEvent.Cancel();
    for (auto& [key, s] : m_sessions)
    {
        CancelEvents(s);
    }
    m_sessions.clear();
    if (m_transactions)
    {
        m_transactions->Dispose();
        m_transactions = nullptr;
    }
    if (m_transport)
    {
        m_transport->Dispose();
        m_transport = nullptr;
    }
    m_holdingTime = nullptr;
    m_arrivals = nullptr;
    m_targetChoice = nullptr;
    Application::DoDispose();
}

void
RemoteParty::SetTargets(const std::vector<std::string>& targets)
{
    m_targets = targets;
}

void
RemoteParty::AddTarget(const std::string& target)
{
    m_targets.push_back(target);
}

const std::vector<std::string>&
RemoteParty::GetTargets() const
{
    return m_targets;
}

int64_t
RemoteParty::AssignStreams(int64_t stream)
{
    NS_LOG_FUNCTION(this << stream);
    m_arrivals->SetStream(stream);
    m_targetChoice->SetStream(stream + 1);
    m_holdingTime->SetStream(stream + 2);
    return 3;
}

Ptr<SipTransport>
RemoteParty::GetTransport() const
{
    return m_transport;
}

Ptr<SipTransactionManager>
RemoteParty::GetTransactionManager() const
{
    return m_transactions;
}

Ipv6Address
RemoteParty::GetAddress() const
{
    return m_address;
}

void
RemoteParty::StartApplication()
{
    NS_LOG_FUNCTION(this);
    SipUri own;
    NS_ABORT_MSG_IF(!SipUri::Parse(m_uri, &own, nullptr) || !own.IsSip(),
                    "RemoteParty: Uri is not a SIP URI: " << m_uri);
    m_address = m_configuredAddress;
    if (m_address == Ipv6Address::GetAny())
    {
        Ptr<Ipv6> ipv6 = GetNode()->GetObject<Ipv6>();
        NS_ABORT_MSG_IF(!ipv6, "RemoteParty: the node has no IPv6 stack");
        for (uint32_t i = 0; i < ipv6->GetNInterfaces() && m_address == Ipv6Address::GetAny(); ++i)
        {
            for (uint32_t j = 0; j < ipv6->GetNAddresses(i); ++j)
            {
                Ipv6InterfaceAddress a = ipv6->GetAddress(i, j);
                if (a.GetScope() == Ipv6InterfaceAddress::GLOBAL)
                {
                    m_address = a.GetAddress();
                    break;
                }
            }
        }
        NS_ABORT_MSG_IF(m_address == Ipv6Address::GetAny(),
                        "RemoteParty: the node has no global address");
    }
    m_contact = "<sip:" + own.GetUser() + "@[" + SipText::Ipv6Text(m_address) +
                "]:" + std::to_string(m_port) + ">";
    m_transport->SetAttribute("Port", UintegerValue(m_port));
    NS_ABORT_MSG_IF(!m_transport->Start(GetNode()), "RemoteParty: port " << m_port << " in use");
    m_transactions->SetTransport(m_transport);
    m_transactions->SetRequestHandler(MakeCallback(&RemoteParty::ReceiveRequest, this));
    m_transactions->SetAckTimeoutHandler(MakeCallback(&RemoteParty::AckTimeout, this));
    m_running = true;
    ScheduleArrival();
}

void
RemoteParty::StopApplication()
{
    NS_LOG_FUNCTION(this);
    m_running = false;
    m_arrivalEvent.Cancel();
    for (auto& [key, s] : m_sessions)
    {
        CancelEvents(s);
    }
    m_sessions.clear();
    if (m_transactions)
    {
        m_transactions->TerminateAll();
    }
    if (m_transport)
    {
        m_transport->Stop();
    }
}

// --- helpers ---------------------------------------------------------------------------------

SipVia
RemoteParty::MakeVia()
{
    SipVia via("UDP",
               SipText::Ipv6Text(m_address),
               m_port,
               SipMessageFactory::MakeBranch(++m_counter));
    via.SetRport(std::nullopt);
    return via;
}

std::string
RemoteParty::MakeSdp() const
{
    std::string a = SipText::Ipv6Text(m_address);
    return "v=0\r\n"
           "o=remote 1 1 IN IP6 " +
           a +
           "\r\n"
           "s=-\r\n"
           "c=IN IP6 " +
           a +
           "\r\n"
           "t=0 0\r\n"
           "m=audio 49170 RTP/AVP 0\r\n"
           "a=rtpmap:0 PCMU/8000\r\n";
}

Time
RemoteParty::ReadSessionExpires(const SipMessage& message)
{
    std::optional<std::string> value = message.GetFirst("Session-Expires");
    if (!value)
    {
        return Seconds(0);
    }
    uint64_t seconds = 0;
    if (!SipText::ParseUint(SipText::Trim(SipText::FirstPart(*value, ';')), 0xffffffff, &seconds))
    {
        return Seconds(0);
    }
    return Seconds(static_cast<double>(seconds));
}

std::string
RemoteParty::SessionExpiresValue(Time interval)
{
    return std::to_string(2 * static_cast<uint64_t>(std::ceil(interval.GetSeconds()))) +
           ";refresher=uac";
}

void
RemoteParty::CancelEvents(Session& s)
{
    s.ringEvent.Cancel();
    s.answerEvent.Cancel();
    s.refreshEvent.Cancel();
    s.endEvent.Cancel();
    s.supervisionEvent.Cancel();
}

void
RemoteParty::Respond(uint64_t handle, const SipMessage& response)
{
    if (!m_transactions->SendResponse(handle, response))
    {
        NS_LOG_WARN("response " << response.GetStatusCode() << " not sent (transaction " << handle
                                << ")");
    }
}

void
RemoteParty::RespondSimple(const SipMessage& request, uint16_t code, uint64_t handle)
{
    SipMessage r =
        SipMessageFactory::CreateResponse(request,
                                          code,
                                          "",
                                          "rp" + SipMessageFactory::MakeToken(++m_counter));
    if (code == 405 || (code == 200 && request.IsMethod("OPTIONS")))
    {
        r.AddHeader("Allow", ALLOW);
    }
    Respond(handle, r);
}

void
RemoteParty::RestartSupervision(Session& s)
{
    s.supervisionEvent.Cancel();
    if (s.direction == INCOMING && s.state == CONFIRMED && s.sessionInterval.IsStrictlyPositive())
    {
        s.supervisionEvent = Simulator::Schedule(s.sessionInterval,
                                                 &RemoteParty::SupervisionExpired,
                                                 this,
                                                 SipDialog::MakeKey(s.callId, s.localTag));
    }
}

// --- requests received -----------------------------------------------------------------------

void
RemoteParty::ReceiveRequest(const SipMessage& request, const SipPacketInfo& info, uint64_t handle)
{
    NS_LOG_FUNCTION(this << request.GetMethod() << info << handle);
    if (!m_running)
    {
        return;
    }
    std::optional<SipNameAddr> to = request.GetTo();
    bool inDialog = to && to->GetTag();
    if (request.IsMethod("ACK"))
    {
        if (inDialog)
        {
            HandleInDialog(request, 0);
        }
        return;
    }
    if (request.IsMethod("CANCEL"))
    {
        HandleCancel(request, handle);
    }
    else if (inDialog)
    {
        HandleInDialog(request, handle);
    }
    else if (request.IsMethod("INVITE"))
    {
        HandleNewInvite(request, handle);
    }
    else if (request.IsMethod("OPTIONS"))
    {
        RespondSimple(request, 200, handle);
    }
    else if (request.IsMethod("BYE") || request.IsMethod("UPDATE"))
    {
        m_unknownDialog++;
        RespondSimple(request, 481, handle); // RFC 3261 12.2.2: no dialog without a To tag
    }
    else
    {
        RespondSimple(request, 405, handle);
    }
}

void
RemoteParty::HandleNewInvite(const SipMessage& request, uint64_t handle)
{
    NS_LOG_FUNCTION(this << handle);
    m_invitesReceived++;
    if (m_answerStatus >= 300)
    {
        m_rejected++;
        RespondSimple(request, m_answerStatus, handle);
        return;
    }
    Session s;
    s.direction = INCOMING;
    s.localTag = "rp" + SipMessageFactory::MakeToken(++m_counter);
    if (!SipDialog::CreateAsUas(request, s.localTag, &s.dialog))
    {
        RespondSimple(request, 400, handle); // no From tag or no Contact
        return;
    }
    std::optional<SipNameAddr> from = request.GetFrom();
    s.peer = Canonical(from->GetUri());
    s.callId = s.dialog.GetCallId();
    s.hasDialog = true;
    s.invite = request;
    s.inviteHandle = handle;
    s.sessionInterval = ReadSessionExpires(request);
    std::string key = SipDialog::MakeKey(s.callId, s.localTag);
    s.ringEvent = Simulator::Schedule(m_ringingDelay, &RemoteParty::SendRinging, this, key);
    s.answerEvent = Simulator::Schedule(m_answerDelay, &RemoteParty::SendAnswer, this, key);
    m_sessions[key] = std::move(s);
}

void
RemoteParty::SendRinging(std::string key)
{
    auto it = m_sessions.find(key);
    if (it == m_sessions.end() || it->second.state != EARLY)
    {
        return;
    }
    Session& s = it->second;
    SipMessage r = SipMessageFactory::CreateResponse(s.invite, 180, "", s.localTag);
    for (const std::string& rr : s.invite.GetAll("Record-Route"))
    {
        r.AddHeader("Record-Route", rr);
    }
    r.AddHeader("Contact", m_contact);
    Respond(s.inviteHandle, r);
}

void
RemoteParty::SendAnswer(std::string key)
{
    NS_LOG_FUNCTION(this << key);
    auto it = m_sessions.find(key);
    if (it == m_sessions.end() || it->second.state != EARLY)
    {
        return;
    }
    Session& s = it->second;
    SipMessage r = SipMessageFactory::CreateResponse(s.invite, m_answerStatus, "", s.localTag);
    // RFC 3261 12.1.1: the Record-Route of the request, in order, and a Contact.
    for (const std::string& rr : s.invite.GetAll("Record-Route"))
    {
        r.AddHeader("Record-Route", rr);
    }
    r.AddHeader("Contact", m_contact);
    if (s.sessionInterval.IsStrictlyPositive())
    {
        // RFC 4028 section 9: the UAS echoes the interval and names the refresher.
        r.AddHeader("Session-Expires", s.invite.GetFirst("Session-Expires").value_or(""));
        r.AddOptionTag("Require", "timer");
    }
    r.SetContentType(SipContentType("application", "sdp"));
    r.SetBody(MakeSdp());
    if (!m_transactions->SendResponse(s.inviteHandle, r))
    {
        Finish(key, true, "transport-error");
        return;
    }
    m_answered++;
    s.state = WAIT_ACK;
    s.invite = SipMessage(); // not needed any more
}

void
RemoteParty::HandleCancel(const SipMessage& request, uint64_t handle)
{
    NS_LOG_FUNCTION(this << handle);
    uint64_t inviteHandle = m_transactions->FindInviteForCancel(request);
    for (auto it = m_sessions.begin(); inviteHandle != 0 && it != m_sessions.end(); ++it)
    {
        Session& s = it->second;
        if (s.direction == INCOMING && s.inviteHandle == inviteHandle && s.state == EARLY)
        {
            // RFC 3261 9.2: 200 to the CANCEL, 487 to the INVITE.
            RespondSimple(request, 200, handle);
            Respond(inviteHandle, SipMessageFactory::CreateResponse(s.invite, 487, "", s.localTag));
            m_rejected++;
            CancelEvents(s);
            m_sessions.erase(it);
            return;
        }
    }
    RespondSimple(request, 481, handle);
}

void
RemoteParty::HandleInDialog(const SipMessage& request, uint64_t handle)
{
    NS_LOG_FUNCTION(this << request.GetMethod() << handle);
    std::string key = SipDialog::KeyOfReceived(request);
    auto it = m_sessions.find(key);
    std::optional<SipNameAddr> from = request.GetFrom();
    if (it == m_sessions.end() || !it->second.hasDialog || !from ||
        from->GetTag().value_or("") != it->second.dialog.GetRemoteTag())
    {
        if (handle != 0)
        {
            m_unknownDialog++;
            RespondSimple(request, 481, handle);
        }
        return;
    }
    Session& s = it->second;
    if (request.IsMethod("ACK"))
    {
        if (s.state == WAIT_ACK)
        {
            s.state = CONFIRMED;
            m_established[INCOMING]++;
            m_establishedTrace(s.callId, s.peer, INCOMING);
            RestartSupervision(s);
        }
        return;
    }
    std::optional<SipCseq> cseq = request.GetCseq();
    if (!cseq || !s.dialog.AcceptRemoteSequence(cseq->GetSequence()))
    {
        RespondSimple(request, 500, handle); // RFC 3261 12.2.2: CSeq out of order
        return;
    }
    if (request.IsMethod("BYE"))
    {
        RespondSimple(request, 200, handle);
        if (s.direction == INCOMING && s.state == EARLY)
        {
            // A BYE in the early dialog (RFC 3261 15): the INVITE is ended with 487 and the
            // attempt counted as rejected, like a CANCEL.
            Respond(s.inviteHandle,
                    SipMessageFactory::CreateResponse(s.invite, 487, "", s.localTag));
            m_rejected++;
            CancelEvents(s);
            m_sessions.erase(it);
            return;
        }
        if (s.state != CONFIRMED)
        {
            // The ACK was lost but the peer ended the session it considered established.
            m_established[s.direction]++;
            m_establishedTrace(s.callId, s.peer, s.direction);
        }
        Finish(key, false, "completed");
        return;
    }
    if (request.IsMethod("UPDATE") || request.IsMethod("INVITE"))
    {
        // A session refresh (RFC 4028): 200 with the interval echoed; a target refresh.
        s.dialog.RefreshTarget(request);
        SipMessage r = SipMessageFactory::CreateResponse(request, 200, "", s.localTag);
        r.AddHeader("Contact", m_contact);
        Time interval = ReadSessionExpires(request);
        if (interval.IsStrictlyPositive())
        {
            s.sessionInterval = interval;
            r.AddHeader("Session-Expires", request.GetFirst("Session-Expires").value_or(""));
            r.AddOptionTag("Require", "timer");
        }
        if (request.IsMethod("INVITE"))
        {
            r.SetContentType(SipContentType("application", "sdp"));
            r.SetBody(MakeSdp());
        }
        Respond(handle, r);
        m_refreshesReceived++;
        RestartSupervision(s);
        return;
    }
    RespondSimple(request, request.IsMethod("OPTIONS") ? 200 : 405, handle);
}

void
RemoteParty::AckTimeout(uint64_t handle, const SipMessage& response)
{
    NS_LOG_FUNCTION(this << handle);
    std::optional<SipNameAddr> to = response.GetTo();
    if (!to || !to->GetTag())
    {
        return;
    }
    std::string key = SipDialog::MakeKey(response.GetCallId().value_or(""), *to->GetTag());
    auto it = m_sessions.find(key);
    if (it == m_sessions.end() || it->second.state != WAIT_ACK)
    {
        return;
    }
    SendBye(it->second); // RFC 3261 13.3.1.4
    Finish(key, true, "no-ack");
}

void
RemoteParty::SupervisionExpired(std::string key)
{
    NS_LOG_FUNCTION(this << key);
    auto it = m_sessions.find(key);
    if (it == m_sessions.end())
    {
        return;
    }
    SendBye(it->second); // RFC 4028 section 10
    Finish(key, true, "refresh-timeout");
}

// --- sessions originated here ---------------------------------------------------------------

void
RemoteParty::ScheduleArrival()
{
    if (!m_running || m_targets.empty() || m_rate <= 0)
    {
        return;
    }
    double mean = 3600.0 / (m_rate * static_cast<double>(m_targets.size()));
    m_arrivalEvent =
        Simulator::Schedule(Seconds(m_arrivals->GetValue(mean, 0)), &RemoteParty::Arrival, this);
}

void
RemoteParty::Arrival()
{
    NS_LOG_FUNCTION(this);
    auto n = static_cast<uint32_t>(m_targets.size());
    if (n > 0)
    {
        StartSession(m_targets[m_targetChoice->GetInteger(0, n - 1)]);
    }
    ScheduleArrival();
}

bool
RemoteParty::StartSession(const std::string& target)
{
    NS_LOG_FUNCTION(this << target);
    NS_ABORT_MSG_IF(!m_running, "RemoteParty::StartSession: the application is not running");
    NS_ABORT_MSG_IF(m_scscfAddress == Ipv6Address::GetAny(),
                    "RemoteParty: ScscfAddress is needed to originate sessions");
    SipUri targetUri;
    SipUri own;
    SipUri::Parse(m_uri, &own, nullptr);
    Session s;
    s.direction = OUTGOING;
    s.peer = target;
    s.localTag = "rp" + SipMessageFactory::MakeToken(++m_counter);
    s.callId =
        "rp" + SipMessageFactory::MakeToken(++m_counter) + "@" + SipText::Ipv6Text(m_address);
    std::string key = SipDialog::MakeKey(s.callId, s.localTag);
    m_originated++;
    if (!SipUri::Parse(target, &targetUri, nullptr))
    {
        m_sessions[key] = std::move(s);
        Fail(key, "bad-target");
        return false;
    }
    SipNameAddr from(own);
    from.SetTag(s.localTag);
    SipNameAddr to(targetUri);
    SipMessage invite =
        SipMessageFactory::CreateRequest("INVITE", targetUri, MakeVia(), from, to, s.callId, 1);
    invite.AddHeader("Route",
                     "<sip:[" + SipText::Ipv6Text(m_scscfAddress) +
                         "]:" + std::to_string(m_scscfPort) + ";lr>");
    invite.AddHeader("Contact", m_contact);
    invite.AddOptionTag("Supported", "timer");
    if (m_refreshInterval.IsStrictlyPositive())
    {
        invite.AddHeader("Session-Expires", SessionExpiresValue(m_refreshInterval));
    }
    invite.SetContentType(SipContentType("application", "sdp"));
    invite.SetBody(MakeSdp());
    s.invite = invite;
    s.inviteTime = Simulator::Now();
    m_sessions[key] = std::move(s);

    SipTransactionManager::ClientCallbacks cb;
    cb.onResponse = MakeCallback(&RemoteParty::InviteResponse, this, key);
    cb.onTimeout = MakeCallback(&RemoteParty::InviteFailed, this, key, std::string("timeout"));
    cb.onTransportError =
        MakeCallback(&RemoteParty::InviteFailed, this, key, std::string("transport-error"));
    uint64_t handle = m_transactions->SendRequest(
        invite,
        SipTarget::Clear(Ipv6Address::GetAny(), m_port, m_scscfAddress, m_scscfPort),
        cb);
    if (handle == 0)
    {
        Fail(key, "transport-error");
        return false;
    }
    m_sessions[key].inviteHandle = handle;
    return true;
}

void
RemoteParty::InviteResponse(std::string key, const SipMessage& response, const SipPacketInfo& info)
{
    NS_LOG_FUNCTION(this << key << response.GetStatusCode() << info);
    auto it = m_sessions.find(key);
    uint16_t code = response.GetStatusCode();
    if (it == m_sessions.end() || code < 200)
    {
        return;
    }
    Session& s = it->second;
    if (code >= 300)
    {
        if (s.state == EARLY)
        {
            Fail(key, std::to_string(code));
        }
        return;
    }
    if (s.state == CONFIRMED)
    {
        // A retransmitted 2xx: its ACK again (RFC 3261 13.2.2.4).
        std::optional<SipNameAddr> to = response.GetTo();
        Ipv6Address next;
        uint16_t port;
        if (to && to->GetTag().value_or("") == s.dialog.GetRemoteTag() &&
            s.dialog.GetNextHop(&next, &port))
        {
            m_transactions->SendStateless(
                s.ack,
                SipTarget::Clear(Ipv6Address::GetAny(), m_port, next, port));
        }
        return;
    }
    if (!SipDialog::CreateAsUac(s.invite, response, &s.dialog))
    {
        Fail(key, "bad-2xx");
        return;
    }
    s.hasDialog = true;
    s.state = CONFIRMED;
    Time delay = Simulator::Now() - s.inviteTime;
    m_setupCount++;
    m_setupSum += delay;
    m_setupMin = m_setupCount == 1 ? delay : std::min(m_setupMin, delay);
    m_setupMax = std::max(m_setupMax, delay);
    m_setupDelayTrace(s.callId, s.peer, delay);
    m_established[OUTGOING]++;
    m_establishedTrace(s.callId, s.peer, OUTGOING);
    std::optional<SipCseq> cseq = s.invite.GetCseq();
    s.ack = s.dialog.CreateAck(cseq ? cseq->GetSequence() : 1, MakeVia());
    s.invite = SipMessage();
    Ipv6Address next;
    uint16_t port;
    if (!s.dialog.GetNextHop(&next, &port))
    {
        Finish(key, true, "bad-route");
        return;
    }
    m_transactions->SendStateless(s.ack,
                                  SipTarget::Clear(Ipv6Address::GetAny(), m_port, next, port));
    if (m_refreshInterval.IsStrictlyPositive())
    {
        s.refreshEvent =
            Simulator::Schedule(m_refreshInterval, &RemoteParty::SendRefresh, this, key);
    }
    double holding = std::max(0.0, m_holdingTime->GetValue());
    s.endEvent = Simulator::Schedule(Seconds(holding), &RemoteParty::EndSession, this, key);
}

void
RemoteParty::InviteFailed(std::string key, std::string cause)
{
    auto it = m_sessions.find(key);
    if (it != m_sessions.end() && it->second.state == EARLY)
    {
        Fail(key, cause);
    }
}

void
RemoteParty::SendRefresh(std::string key)
{
    NS_LOG_FUNCTION(this << key);
    auto it = m_sessions.find(key);
    if (it == m_sessions.end() || it->second.state != CONFIRMED)
    {
        return;
    }
    Session& s = it->second;
    SipMessage update = s.dialog.CreateRequest("UPDATE", MakeVia());
    update.AddHeader("Contact", m_contact);
    update.AddHeader("Session-Expires", SessionExpiresValue(m_refreshInterval));
    Ipv6Address next;
    uint16_t port;
    if (!s.dialog.GetNextHop(&next, &port))
    {
        RefreshFailed(key, "bad-route");
        return;
    }
    SipTransactionManager::ClientCallbacks cb;
    cb.onResponse = MakeCallback(&RemoteParty::RefreshResponse, this, key);
    cb.onTimeout = MakeCallback(&RemoteParty::RefreshFailed, this, key, std::string("timeout"));
    cb.onTransportError =
        MakeCallback(&RemoteParty::RefreshFailed, this, key, std::string("transport-error"));
    m_refreshesSent++;
    if (m_transactions->SendRequest(update,
                                    SipTarget::Clear(Ipv6Address::GetAny(), m_port, next, port),
                                    cb) == 0)
    {
        RefreshFailed(key, "transport-error");
    }
}

void
RemoteParty::RefreshResponse(std::string key, const SipMessage& response, const SipPacketInfo& info)
{
    NS_LOG_FUNCTION(this << key << response.GetStatusCode() << info);
    uint16_t code = response.GetStatusCode();
    auto it = m_sessions.find(key);
    if (it == m_sessions.end() || code < 200)
    {
        return;
    }
    if (code >= 300)
    {
        RefreshFailed(key, std::to_string(code));
        return;
    }
    it->second.dialog.RefreshTarget(response);
    it->second.refreshEvent =
        Simulator::Schedule(m_refreshInterval, &RemoteParty::SendRefresh, this, key);
}

void
RemoteParty::RefreshFailed(std::string key, std::string cause)
{
    NS_LOG_FUNCTION(this << key << cause);
    if (m_sessions.count(key) == 0)
    {
        return;
    }
    // RFC 3261 12.2.1.2: 481 and 408 end the dialog; any failure of a refresh ends the
    // session here (no BYE: the path to the peer just failed).
    Finish(key, true, cause);
}

void
RemoteParty::EndSession(std::string key)
{
    NS_LOG_FUNCTION(this << key);
    auto it = m_sessions.find(key);
    if (it == m_sessions.end())
    {
        return;
    }
    SendBye(it->second);
    Finish(key, false, "completed");
}

void
RemoteParty::SendBye(Session& s)
{
    if (!s.hasDialog)
    {
        return;
    }
    Ipv6Address next;
    uint16_t port;
    if (!s.dialog.GetNextHop(&next, &port))
    {
        return;
    }
    SipMessage bye = s.dialog.CreateRequest("BYE", MakeVia());
    m_transactions->SendRequest(bye,
                                SipTarget::Clear(Ipv6Address::GetAny(), m_port, next, port),
                                SipTransactionManager::ClientCallbacks());
}

void
RemoteParty::Finish(const std::string& key, bool dropped, const std::string& cause)
{
    NS_LOG_FUNCTION(this << key << dropped << cause);
    auto it = m_sessions.find(key);
    if (it == m_sessions.end())
    {
        return;
    }
    Session& s = it->second;
    if (dropped)
    {
        m_dropped[s.direction][cause]++;
    }
    else
    {
        m_completed[s.direction]++;
    }
    NS_LOG_INFO("session " << s.callId << " with " << s.peer << " ended: " << cause);
    std::string callId = s.callId;
    std::string peer = s.peer;
    Direction direction = s.direction;
    CancelEvents(s);
    m_sessions.erase(it);
    m_endedTrace(callId, peer, direction, cause);
}

void
RemoteParty::Fail(const std::string& key, const std::string& cause)
{
    NS_LOG_FUNCTION(this << key << cause);
    auto it = m_sessions.find(key);
    if (it == m_sessions.end())
    {
        return;
    }
    m_failed[cause]++;
    std::string callId = it->second.callId;
    std::string peer = it->second.peer;
    CancelEvents(it->second);
    m_sessions.erase(it);
    m_failedTrace(callId, peer, OUTGOING, cause);
}

// --- getters ---------------------------------------------------------------------------------

uint64_t
RemoteParty::GetInvitesReceived() const
{
    return m_invitesReceived;
}

uint64_t
RemoteParty::GetSessionsAnswered() const
{
    return m_answered;
}

uint64_t
RemoteParty::GetSessionsRejected() const
{
    return m_rejected;
}

uint64_t
RemoteParty::GetSessionsOriginated() const
{
    return m_originated;
}

uint64_t
RemoteParty::GetSessionsEstablished(Direction direction) const
{
    return direction < DIRECTION_COUNT ? m_established[direction] : 0;
}

uint64_t
RemoteParty::GetSessionsCompleted(Direction direction) const
{
    return direction < DIRECTION_COUNT ? m_completed[direction] : 0;
}

uint64_t
RemoteParty::GetSessionsDropped(Direction direction) const
{
    uint64_t n = 0;
    if (direction < DIRECTION_COUNT)
    {
        for (const auto& [cause, count] : m_dropped[direction])
        {
            n += count;
        }
    }
    return n;
}

uint64_t
RemoteParty::GetSessionsDropped(Direction direction, const std::string& cause) const
{
    if (direction >= DIRECTION_COUNT)
    {
        return 0;
    }
    auto it = m_dropped[direction].find(cause);
    return it == m_dropped[direction].end() ? 0 : it->second;
}

uint64_t
RemoteParty::GetSessionsFailed() const
{
    uint64_t n = 0;
    for (const auto& [cause, count] : m_failed)
    {
        n += count;
    }
    return n;
}

uint64_t
RemoteParty::GetSessionsFailed(const std::string& cause) const
{
    auto it = m_failed.find(cause);
    return it == m_failed.end() ? 0 : it->second;
}

const std::map<std::string, uint64_t>&
RemoteParty::GetFailureCauses() const
{
    return m_failed;
}

const std::map<std::string, uint64_t>&
RemoteParty::GetDropCauses(Direction direction) const
{
    return m_dropped[direction < DIRECTION_COUNT ? direction : INCOMING];
}

uint32_t
RemoteParty::GetActiveSessions() const
{
    return static_cast<uint32_t>(m_sessions.size());
}

uint64_t
RemoteParty::GetRefreshesReceived() const
{
    return m_refreshesReceived;
}

uint64_t
RemoteParty::GetRefreshesSent() const
{
    return m_refreshesSent;
}

uint64_t
RemoteParty::GetSetupDelayCount() const
{
    return m_setupCount;
}

Time
RemoteParty::GetSetupDelayMean() const
{
    return m_setupCount == 0 ? Time(0) : m_setupSum / static_cast<int64_t>(m_setupCount);
}

Time
RemoteParty::GetSetupDelayMin() const
{
    return m_setupMin;
}

Time
RemoteParty::GetSetupDelayMax() const
{
    return m_setupMax;
}

uint64_t
RemoteParty::GetUnknownDialogRequests() const
{
    return m_unknownDialog;
}

std::string
RemoteParty::GetDirectionName(Direction direction)
{
    return direction == INCOMING ? "incoming" : direction == OUTGOING ? "outgoing" : "unknown";
}

} // namespace ns3
