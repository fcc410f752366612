/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ims-ue-client.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/integer.h"
#include "ns3/ipsec-stack.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/pointer.h"
#include "ns3/random-variable-stream.h"
#include "ns3/simulator.h"
#include "ns3/sip-transaction-manager.h"
#include "ns3/sip-transport.h"
#include "ns3/string.h"
#include "ns3/temporary-address-manager.h"
#include "ns3/uinteger.h"
#include "ns3/usim.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecUeClient");

NS_OBJECT_ENSURE_REGISTERED(ImsUeClient);

namespace
{

/**
 * \param text comma-separated integrity algorithms
 * \returns the list
 */
std::vector<std::string>
SplitAlgorithms(const std::string& text)
{
    std::vector<std::string> out;
    std::string item;
    std::istringstream is(text);
    while (std::getline(is, item, ','))
    {
        item.erase(0, item.find_first_not_of(" \t"));
        item.erase(item.find_last_not_of(" \t") + 1);
        if (!item.empty())
        {
            out.push_back(item);
        }
    }
    return out;
}

} // namespace

TypeId
ImsUeClient::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::ImsUeClient")
            .SetParent<Application>()
            .SetGroupName("Imssec")
            .AddConstructor<ImsUeClient>()
            .AddAttribute("PcscfAddress",
                          "Address of the P-CSCF (IPv6); default :: (must be set).",
                          Ipv6AddressValue(Ipv6Address::GetAny()),
                          MakeIpv6AddressAccessor(&ImsUeClient::m_pcscfAddress),
                          MakeIpv6AddressChecker())
            .AddAttribute("PcscfPort",
                          "Unprotected SIP port of the P-CSCF (UDP port); default 5060.",
                          UintegerValue(5060),
                          MakeUintegerAccessor(&ImsUeClient::m_pcscfPort),
                          MakeUintegerChecker<uint16_t>(1))
            .AddAttribute("Impi",
                          "Private user identity (string); default ue1@ims.example.",
                          StringValue("ue1@ims.example"),
                          MakeStringAccessor(&ImsUeClient::m_impi),
                          MakeStringChecker())
            .AddAttribute("Impu",
                          "Public user identity, a SIP URI (string); default "
                          "sip:ue1@ims.example.",
                          StringValue("sip:ue1@ims.example"),
                          MakeStringAccessor(&ImsUeClient::m_impu),
                          MakeStringChecker())
            .AddAttribute("HomeDomain",
                          "Home network domain, Request-URI of REGISTER and Digest realm "
                          "(string); default ims.example.",
                          StringValue("ims.example"),
                          MakeStringAccessor(&ImsUeClient::m_domain),
                          MakeStringChecker())
            .AddAttribute("RegistrationExpires",
                          "Expires requested in REGISTER (s); default 600000 (TS 24.229).",
                          UintegerValue(600000),
                          MakeUintegerAccessor(&ImsUeClient::m_expires),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("TemporarySaLifetime",
                          "Lifetime of an SA set between the 401 and the 200 (s); default "
                          "240 s (reg-await-auth).",
                          TimeValue(Seconds(240)),
                          MakeTimeAccessor(&ImsUeClient::m_temporarySaLifetime),
                          MakeTimeChecker(Seconds(1)))
            .AddAttribute("SaLifetimeMargin",
                          "SA lifetime beyond the registration expiry (s); default 30 s.",
                          TimeValue(Seconds(30)),
                          MakeTimeAccessor(&ImsUeClient::m_saMargin),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("IntegrityAlgorithms",
                          "Integrity algorithms offered in Security-Client, preferred first, "
                          "comma-separated (hmac-sha-1-96, hmac-md5-96); default both.",
                          StringValue("hmac-sha-1-96,hmac-md5-96"),
                          MakeStringAccessor(&ImsUeClient::m_algorithms),
                          MakeStringChecker())
            .AddAttribute("AddrPrefLength",
                          "addr-pref-length sent in Security-Client (bits, 0..128; -1 = "
                          "parameter not sent); default -1.",
                          IntegerValue(-1),
                          MakeIntegerAccessor(&ImsUeClient::m_addrPrefLength),
                          MakeIntegerChecker<int16_t>(-1, 128))
            .AddAttribute("SecurityClientQ",
                          "Put q values in Security-Client (RFC 3329 2.3.1: the client SHOULD "
                          "NOT); default false.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&ImsUeClient::m_securityClientQ),
                          MakeBooleanChecker())
            .AddAttribute("OfferSuites",
                          "Add the IPsec suite number (suite=1: hmac-md5-96, ealg null) beside "
                          "alg/ealg in Security-Client; default false.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&ImsUeClient::m_offerSuites),
                          MakeBooleanChecker())
            .AddAttribute("ProtectedPortBase",
                          "First protected port-c/port-s value (UDP port); default 10000.",
                          UintegerValue(10000),
                          MakeUintegerAccessor(&ImsUeClient::m_portBase),
                          MakeUintegerChecker<uint16_t>(1024))
            .AddAttribute("ProtectedPortRange",
                          "Number of protected ports drawn from, from ProtectedPortBase "
                          "(count); default 50000.",
                          UintegerValue(50000),
                          MakeUintegerAccessor(&ImsUeClient::m_portRange),
                          MakeUintegerChecker<uint16_t>(4))
            .AddAttribute(
                "RotationPolicy",
                "Reaction to a new address the SAs do not cover (enum); default "
                "drop-and-reregister.",
                EnumValue(ImsUeRotationPolicy::DROP_AND_REREGISTER),
                MakeEnumAccessor(&ImsUeClient::SetRotationPolicy, &ImsUeClient::GetRotationPolicy),
                MakeEnumChecker(ImsUeRotationPolicy::DROP_AND_REREGISTER,
                                "drop-and-reregister",
                                ImsUeRotationPolicy::DEFER_WHILE_BUSY,
                                "defer-while-busy",
                                ImsUeRotationPolicy::NO_ROTATION,
                                "no-rotation"))
            .AddAttribute("CoveredRotationAction",
                          "Reaction to a new address the SAs cover (enum); default "
                          "keep-contact.",
                          EnumValue(ImsUeRotationPolicy::KEEP_CONTACT),
                          MakeEnumAccessor(&ImsUeClient::SetCoveredRotationAction,
                                           &ImsUeClient::GetCoveredRotationAction),
                          MakeEnumChecker(ImsUeRotationPolicy::KEEP_CONTACT,
                                          "keep-contact",
                                          ImsUeRotationPolicy::REFRESH_CONTACT,
                                          "refresh-contact"))
            .AddAttribute("RetryBaseTime",
                          "Base of the registration retry back-off, RFC 5626 4.5 (s); "
                          "default 30 s.",
                          TimeValue(Seconds(30)),
                          MakeTimeAccessor(&ImsUeClient::m_retryBase),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("RetryMaxTime",
                          "Upper bound of the registration retry back-off (s); default "
                          "1800 s.",
                          TimeValue(Seconds(1800)),
                          MakeTimeAccessor(&ImsUeClient::m_retryMax),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("SessionArrivalRate",
                          "Originating sessions per hour, Poisson arrivals (1/h; 0 = none); "
                          "default 0.",
                          DoubleValue(0),
                          MakeDoubleAccessor(&ImsUeClient::m_arrivalRate),
                          MakeDoubleChecker<double>(0))
            .AddAttribute("HoldingTime",
                          "Holding time of originating sessions (s, a random variable); "
                          "default exponential with mean 120 s.",
                          StringValue("ns3::ExponentialRandomVariable[Mean=120]"),
                          MakePointerAccessor(&ImsUeClient::m_holdingTime),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("SessionRefreshInterval",
                          "UPDATE period of originated sessions; Session-Expires is twice "
                          "this (s; 0 = no session timer); default 300 s.",
                          TimeValue(Seconds(300)),
                          MakeTimeAccessor(&ImsUeClient::m_refreshInterval),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("AnswerDelay",
                          "Delay between 180 and 200 of terminating sessions (s); default "
                          "2 s.",
                          TimeValue(Seconds(2)),
                          MakeTimeAccessor(&ImsUeClient::m_answerDelay),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("RemoteUri",
                          "Request-URI of originating INVITEs (string); default "
                          "sip:remote@ims.example.",
                          StringValue("sip:remote@ims.example"),
                          MakeStringAccessor(&ImsUeClient::m_remoteUri),
                          MakeStringChecker())
            .AddAttribute("MaxSessions",
                          "Sessions in progress beyond which terminating INVITEs get 486 "
                          "(count; 0 = no limit); default 0.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&ImsUeClient::m_maxSessions),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("InviteTimeout",
                          "How long an originating INVITE waits for a final answer after a "
                          "provisional one before it is cancelled (s); default 180 s.",
                          TimeValue(Seconds(180)),
                          MakeTimeAccessor(&ImsUeClient::m_inviteTimeout),
                          MakeTimeChecker(Seconds(1)))
            .AddTraceSource("RegistrationStarted",
                            "A registration attempt started: cause.",
                            MakeTraceSourceAccessor(&ImsUeClient::m_registrationStartedTrace),
                            "ns3::ImsUeClient::RegistrationStartedTracedCallback")
            .AddTraceSource("RegistrationCompleted",
                            "A registration completed: cause, duration, granted expiry (s).",
                            MakeTraceSourceAccessor(&ImsUeClient::m_registrationCompletedTrace),
                            "ns3::ImsUeClient::RegistrationCompletedTracedCallback")
            .AddTraceSource("RegistrationFailed",
                            "A registration attempt failed: cause, failure, status code.",
                            MakeTraceSourceAccessor(&ImsUeClient::m_registrationFailedTrace),
                            "ns3::ImsUeClient::RegistrationFailedTracedCallback")
            .AddTraceSource("RegistrationLost",
                            "The registration in force ended: failure.",
                            MakeTraceSourceAccessor(&ImsUeClient::m_registrationLostTrace),
                            "ns3::ImsUeClient::RegistrationLostTracedCallback")
            .AddTraceSource("SessionAttempted",
                            "A session attempt: Call-ID, originating.",
                            MakeTraceSourceAccessor(&ImsUeClient::m_sessionAttemptedTrace),
                            "ns3::ImsUeClient::SessionTracedCallback")
            .AddTraceSource("SessionEstablished",
                            "A session was established: Call-ID, originating, setup delay.",
                            MakeTraceSourceAccessor(&ImsUeClient::m_sessionEstablishedTrace),
                            "ns3::ImsUeClient::SessionTimeTracedCallback")
            .AddTraceSource("SessionCompleted",
                            "A session ended normally: Call-ID, originating, duration.",
                            MakeTraceSourceAccessor(&ImsUeClient::m_sessionCompletedTrace),
                            "ns3::ImsUeClient::SessionTimeTracedCallback")
            .AddTraceSource("SessionDropped",
                            "An established session was dropped: Call-ID, originating, cause.",
                            MakeTraceSourceAccessor(&ImsUeClient::m_sessionDroppedTrace),
                            "ns3::ImsUeClient::SessionDroppedTracedCallback")
            .AddTraceSource("SessionFailed",
                            "A session attempt failed: Call-ID, originating, cause, status.",
                            MakeTraceSourceAccessor(&ImsUeClient::m_sessionFailedTrace),
                            "ns3::ImsUeClient::SessionFailedTracedCallback")
            .AddTraceSource("AddressUsed",
                            "How long an address was used: address, first use, last use.",
                            MakeTraceSourceAccessor(&ImsUeClient::m_addressUsedTrace),
                            "ns3::ImsUeClient::AddressUsedTracedCallback")
            .AddTraceSource("RotationHandled",
                            "The decision on a new preferred address: old, new, action.",
                            MakeTraceSourceAccessor(&ImsUeClient::m_rotationTrace),
                            "ns3::ImsUeClient::RotationTracedCallback");
    return tid;
}

ImsUeClient::ImsUeClient()
    : m_pcscfPort(5060),
      m_expires(600000),
      m_addrPrefLength(-1),
      m_securityClientQ(false),
      m_offerSuites(false),
      m_portBase(10000),
      m_portRange(50000),
      m_arrivalRate(0),
      m_maxSessions(0),
      m_running(false),
      m_everRegistered(false),
      m_rotationPending(false),
      m_deferred(false),
      m_consecutiveFailures(0),
      m_retryCause(REG_INITIAL)
{
    NS_LOG_FUNCTION(this);
    m_tokens = CreateObject<UniformRandomVariable>();
    m_interArrival = CreateObject<ExponentialRandomVariable>();
}

ImsUeClient::~ImsUeClient()
{
    NS_LOG_FUNCTION(this);
}

void
ImsUeClient::SetAkaCredentials(const AkaCredentials& credentials)
{
    NS_LOG_FUNCTION(this);
    m_usim = std::make_unique<Usim>(credentials.k, credentials.opc);
}

int64_t
ImsUeClient::AssignSecurityStreams(int64_t stream)
{
    return m_security.AssignStreams(stream);
}

int64_t
ImsUeClient::AssignStreams(int64_t stream)
{
    NS_LOG_FUNCTION(this << stream);
    m_tokens->SetStream(stream);
    m_interArrival->SetStream(stream + 1);
    if (m_holdingTime)
    {
        m_holdingTime->SetStream(stream + 2);
    }
    return 3;
}

void
ImsUeClient::SetRotationPolicy(ImsUeRotationPolicy::Policy policy)
{
    m_policy.SetPolicy(policy);
}

ImsUeRotationPolicy::Policy
ImsUeClient::GetRotationPolicy() const
{
    return m_policy.GetPolicy();
}

void
ImsUeClient::SetCoveredRotationAction(ImsUeRotationPolicy::CoveredAction action)
{
    m_policy.SetCoveredAction(action);
}

ImsUeRotationPolicy::CoveredAction
ImsUeClient::GetCoveredRotationAction() const
{
    return m_policy.GetCoveredAction();
}

void
ImsUeClient::DoDispose()
{
    NS_LOG_FUNCTION(this);
    if (m_running)
    {
        // Never stopped: leave the node's objects (disposed with us) alone.
        m_running = false;
        DisconnectTraces();
    }
    m_retryEvent.Cancel();
    m_arrivalEvent.Cancel();
    m_deferEvent.Cancel();
    m_sessions.Stop();
    m_registration.Reset();
    m_security.SetLayers(nullptr, nullptr);
    m_transport = nullptr;
    m_tm = nullptr;
    m_ipsec = nullptr;
    m_addresses = nullptr;
    m_holdingTime = nullptr;
    m_tokens = nullptr;
    m_interArrival = nullptr;
    Application::DoDispose();
}

void
ImsUeClient::StartApplication()
{
    NS_LOG_FUNCTION(this);
    Ptr<Node> node = GetNode();
    m_addresses = node->GetObject<TemporaryAddressManager>();
    m_ipsec = node->GetObject<IpsecStack>();
    NS_ABORT_MSG_IF(!m_addresses,
                    "ImsUeClient on node " << node->GetId()
                                           << " needs a TemporaryAddressManager (ImsAccessHelper)");
    NS_ABORT_MSG_IF(!m_ipsec,
                    "ImsUeClient on node " << node->GetId()
                                           << " needs an IpsecStack (IpsecHelper)");
    NS_ABORT_MSG_IF(!m_usim, "ImsUeClient " << m_impi << ": SetAkaCredentials was not called");
    NS_ABORT_MSG_IF(m_pcscfAddress == Ipv6Address::GetAny(),
                    "ImsUeClient " << m_impi << ": PcscfAddress is not set");

    m_transport = CreateObject<SipTransport>();
    NS_ABORT_MSG_IF(!m_transport->Start(node),
                    "ImsUeClient: SIP port in use on node " << node->GetId());
    m_tm = CreateObject<SipTransactionManager>();
    m_tm->SetTransport(m_transport);
    m_tm->SetAttribute("InviteProceedingTimeout", TimeValue(m_inviteTimeout));
    m_tm->SetRequestHandler(MakeCallback(&ImsUeClient::OnRequest, this));
    m_tm->SetAckTimeoutHandler(MakeCallback(&ImsUeClient::OnAckTimeout, this));
    m_transport->TraceConnectWithoutContext("MessageSent",
                                            MakeCallback(&ImsUeClient::NoteUse, this));
    m_transport->TraceConnectWithoutContext("MessageReceived",
                                            MakeCallback(&ImsUeClient::NoteUse, this));

    std::optional<uint8_t> apl;
    if (m_addrPrefLength >= 0)
    {
        apl = static_cast<uint8_t>(m_addrPrefLength);
    }
    m_security.SetLayers(m_ipsec, m_transport);
    m_security.SetOffer(SplitAlgorithms(m_algorithms), apl);
    m_security.SetSendQ(m_securityClientQ);
    m_security.SetOfferSuites(m_offerSuites);
    m_security.SetAllocation(m_portBase, m_portRange);

    m_registration.Setup(m_tm, &m_security, m_usim.get(), m_tokens);
    m_registration.SetIdentity({m_impi, m_impu, m_domain});
    m_registration.SetPcscf(m_pcscfAddress, m_pcscfPort);
    m_registration.SetTimes(m_expires, m_temporarySaLifetime, m_saMargin);
    ImsUeRegistration::Listener reg;
    reg.started = MakeCallback(&ImsUeClient::OnRegistrationStarted, this);
    reg.completed = MakeCallback(&ImsUeClient::OnRegistrationCompleted, this);
    reg.failed = MakeCallback(&ImsUeClient::OnRegistrationFailed, this);
    reg.lost = MakeCallback(&ImsUeClient::OnRegistrationLost, this);
    reg.refreshDue = MakeCallback(&ImsUeClient::OnRefreshDue, this);
    m_registration.SetListener(reg);

    ImsUeSessionManager::Config config;
    config.remoteUri = m_remoteUri;
    config.refreshInterval = m_refreshInterval;
    config.answerDelay = m_answerDelay;
    config.maxSessions = m_maxSessions;
    m_sessions.Setup(m_tm, &m_security, &m_registration, m_tokens);
    m_sessions.SetConfig(config);
    ImsUeSessionManager::Listener sl;
    sl.attempted = MakeCallback(&ImsUeClient::OnSessionAttempted, this);
    sl.established = MakeCallback(&ImsUeClient::OnSessionEstablished, this);
    sl.completed = MakeCallback(&ImsUeClient::OnSessionCompleted, this);
    sl.dropped = MakeCallback(&ImsUeClient::OnSessionDropped, this);
    sl.failed = MakeCallback(&ImsUeClient::OnSessionFailed, this);
    sl.rejected = MakeCallback(&ImsUeClient::OnRequestRejected, this);
    sl.idle = MakeCallback(&ImsUeClient::OnSessionsIdle, this);
    m_sessions.SetListener(sl);

    m_addresses->TraceConnectWithoutContext("TemporaryAddressGenerated",
                                            MakeCallback(&ImsUeClient::OnAddressGenerated, this));
    m_addresses->TraceConnectWithoutContext("PublicAddressConfigured",
                                            MakeCallback(&ImsUeClient::OnAddressGenerated, this));
    m_addresses->TraceConnectWithoutContext("TemporaryAddressInvalidated",
                                            MakeCallback(&ImsUeClient::OnAddressInvalidated, this));
    m_addresses->SetAddressInUseCallback(MakeCallback(&ImsUeClient::IsAddressInUse, this));
    m_ipsec->TraceConnectWithoutContext("SaSetExpired",
                                        MakeCallback(&ImsUeClient::OnSaSetExpired, this));
    m_running = true;
    StartInitialRegistration(REG_INITIAL);
}

void
ImsUeClient::StopApplication()
{
    NS_LOG_FUNCTION(this);
    if (!m_running)
    {
        return;
    }
    m_running = false;
    m_retryEvent.Cancel();
    m_arrivalEvent.Cancel();
    m_deferEvent.Cancel();
    DisconnectTraces();
    for (const ImsUeAddressUsage::Record& r : m_usage.CloseAll())
    {
        ReportUsage(r);
    }
    // Sessions still in progress stay uncounted (neither completed nor dropped).
    m_sessions.Stop();
    m_registration.Reset();
    m_tm->TerminateAll();
    m_transport->Stop();
}

void
ImsUeClient::DisconnectTraces()
{
    if (m_addresses)
    {
        m_addresses->TraceDisconnectWithoutContext(
            "TemporaryAddressGenerated",
            MakeCallback(&ImsUeClient::OnAddressGenerated, this));
        m_addresses->TraceDisconnectWithoutContext(
            "PublicAddressConfigured",
            MakeCallback(&ImsUeClient::OnAddressGenerated, this));
        m_addresses->TraceDisconnectWithoutContext(
            "TemporaryAddressInvalidated",
            MakeCallback(&ImsUeClient::OnAddressInvalidated, this));
        m_addresses->SetAddressInUseCallback(MakeNullCallback<bool, Ipv6Address>());
    }
    if (m_ipsec)
    {
        m_ipsec->TraceDisconnectWithoutContext("SaSetExpired",
                                               MakeCallback(&ImsUeClient::OnSaSetExpired, this));
    }
}

// --- registration --------------------------------------------------------------------------

void
ImsUeClient::StartInitialRegistration(ImsRegistrationCause cause)
{
    NS_LOG_FUNCTION(this << cause);
    Ipv6Address current = m_addresses->GetCurrentAddress();
    if (current == Ipv6Address::GetAny())
    {
        // No address yet: TemporaryAddressGenerated (or PublicAddressConfigured) starts it.
        NS_LOG_LOGIC("no address yet");
        m_retryCause = cause;
        return;
    }
    m_source = current;
    m_rotationPending = false;
    m_registration.StartInitial(cause, current);
}

void
ImsUeClient::OnRegistrationStarted(ImsRegistrationCause cause)
{
    m_counters.NoteRegistrationStarted(cause);
    m_registrationStartedTrace(cause);
}

void
ImsUeClient::OnRegistrationCompleted(ImsRegistrationCause cause, Time duration, uint32_t expires)
{
    NS_LOG_FUNCTION(this << cause << duration << expires);
    m_counters.NoteRegistrationCompleted(cause);
    m_consecutiveFailures = 0;
    // The socket bound to (address, 5060) served the unprotected REGISTERs only: everything
    // else goes through the SAs until the next initial registration.
    m_transport->ReleaseLocalAddress(m_registration.GetContactAddress());
    m_retryEvent.Cancel();
    m_registrationCompletedTrace(cause, duration, expires);
    if (!m_everRegistered)
    {
        m_everRegistered = true;
        ScheduleNextArrival();
    }
    if (m_rotationPending)
    {
        m_rotationPending = false;
        EvaluateCurrentAddress();
    }
}

void
ImsUeClient::OnRegistrationFailed(ImsRegistrationCause cause,
                                  ImsRegistrationFailure failure,
                                  uint16_t status)
{
    NS_LOG_FUNCTION(this << cause << failure << status);
    m_counters.NoteRegistrationFailed(cause, failure);
    m_registrationFailedTrace(cause, failure, status);
    if (!m_running || m_registration.GetState() == ImsUeRegistration::HALTED ||
        failure == REG_FAIL_SYNC_FAILURE)
    {
        // Halted (MAC failure), or the REGISTER with auts is on its way.
        return;
    }
    ImsRegistrationCause retry = m_registration.IsRegistered() ? REG_REFRESH : cause;
    if (retry != REG_ADDRESS_CHANGE && retry != REG_REFRESH)
    {
        retry = REG_INITIAL;
    }
    ScheduleRetry(retry);
}

void
ImsUeClient::OnRegistrationLost(ImsRegistrationFailure failure)
{
    NS_LOG_FUNCTION(this << failure);
    m_counters.NoteRegistrationLost(failure);
    m_registrationLostTrace(failure);
    m_deferred = false;
    m_sessions.ReleaseAll(DROP_REGISTRATION_LOST, FAIL_REGISTRATION_LOST);
    if (!m_running || m_registration.GetState() == ImsUeRegistration::HALTED)
    {
        return;
    }
    if (failure == REG_FAIL_EXPIRED || failure == REG_FAIL_TIMEOUT || failure == REG_FAIL_NO_SA)
    {
        // Ran out (or the SAs did): register again at once.
        m_retryEvent.Cancel();
        StartInitialRegistration(REG_INITIAL);
    }
    else if (!m_retryEvent.IsRunning())
    {
        ScheduleRetry(REG_INITIAL);
    }
}

void
ImsUeClient::OnRefreshDue()
{
    NS_LOG_FUNCTION(this);
    if (m_registration.IsInProgress())
    {
        return; // the attempt under way schedules the next refresh
    }
    // The registration (and its Contact) follows the address new communication uses:
    // with keep-contact that is where the Contact moves.
    m_registration.StartReregistration(REG_REFRESH, m_source);
}

void
ImsUeClient::ScheduleRetry(ImsRegistrationCause cause)
{
    // RFC 5626 4.5: min(max-time, base-time * 2^failures) * U[0.5, 1].
    double exponent = std::min<uint32_t>(m_consecutiveFailures, 30);
    double wait =
        std::min(m_retryMax.GetSeconds(), m_retryBase.GetSeconds() * std::pow(2.0, exponent));
    wait *= m_tokens->GetValue(0.5, 1.0);
    m_consecutiveFailures++;
    m_retryCause = cause;
    m_retryEvent.Cancel();
    m_retryEvent = Simulator::Schedule(Seconds(wait), &ImsUeClient::Retry, this);
    NS_LOG_INFO(m_impi << ": registration retry (" << cause << ") in " << wait << " s");
}

void
ImsUeClient::Retry()
{
    NS_LOG_FUNCTION(this);
    if (!m_running || m_registration.IsInProgress() ||
        m_registration.GetState() == ImsUeRegistration::HALTED)
    {
        return;
    }
    if (m_registration.IsRegistered())
    {
        m_registration.StartReregistration(REG_REFRESH, m_source);
    }
    else
    {
        StartInitialRegistration(m_retryCause == REG_REFRESH ? REG_INITIAL : m_retryCause);
    }
}

void
ImsUeClient::OnSaSetExpired(uint32_t handle)
{
    NS_LOG_FUNCTION(this << handle);
    if (m_security.GetActive().handle == handle && handle != 0)
    {
        m_registration.Lose(REG_FAIL_NO_SA);
    }
    else if (m_security.GetPending().handle == handle && handle != 0)
    {
        m_security.Forget(handle);
    }
}

// --- addresses ---------------------------------------------------------------------------

void
ImsUeClient::OnAddressGenerated(Ipv6Address address, Time time)
{
    NS_LOG_FUNCTION(this << address << time);
    if (!m_running || m_registration.GetState() == ImsUeRegistration::HALTED ||
        address == m_source || address != m_addresses->GetCurrentAddress())
    {
        // Also the public address configured beside the temporary ones: only the address
        // for new communication matters.
        return;
    }
    if (m_registration.IsInProgress())
    {
        m_rotationPending = true; // decided once the attempt is over
        return;
    }
    if (!m_registration.IsRegistered())
    {
        if (!m_retryEvent.IsRunning())
        {
            StartInitialRegistration(m_everRegistered ? REG_ADDRESS_CHANGE : m_retryCause);
        }
        return;
    }
    EvaluateRotation(address);
}

void
ImsUeClient::EvaluateCurrentAddress()
{
    Ipv6Address current = m_addresses->GetCurrentAddress();
    if (current != Ipv6Address::GetAny() && current != m_source && m_registration.IsRegistered())
    {
        EvaluateRotation(current);
    }
}

void
ImsUeClient::EvaluateRotation(Ipv6Address address)
{
    NS_LOG_FUNCTION(this << address);
    bool covered = m_security.ActiveCovers(address);
    bool busy = m_sessions.GetSessionCount() > 0;
    ImsUeRotationPolicy::Action action = m_policy.Decide(covered, busy);
    NS_LOG_INFO(m_impi << ": new address " << address << " (covered " << covered << ", busy "
                       << busy << "): " << action);
    Ipv6Address old = m_source;
    m_rotationTrace(old, address, action);
    switch (action)
    {
    case ImsUeRotationPolicy::IGNORE:
        m_counters.NoteRotationIgnored();
        break;
    case ImsUeRotationPolicy::SWITCH_SOURCE:
        m_source = address;
        break;
    case ImsUeRotationPolicy::CONTACT_REFRESH:
        m_source = address;
        m_registration.StartReregistration(REG_CONTACT_REFRESH, address);
        break;
    case ImsUeRotationPolicy::REREGISTER:
        DropAndReregister(address);
        break;
    case ImsUeRotationPolicy::DEFER:
        m_counters.NoteRotationIgnored();
        m_deferred = true;
        break;
    }
}

void
ImsUeClient::DropAndReregister(Ipv6Address address)
{
    NS_LOG_FUNCTION(this << address);
    m_deferred = false;
    m_deferEvent.Cancel();
    m_retryEvent.Cancel();
    Ipv6Address old = m_source;
    // No BYE is possible: the SAs go now.
    m_sessions.ReleaseAll(DROP_ADDRESS_CHANGE, FAIL_ADDRESS_CHANGE);
    m_registration.Reset();
    if (old != address && old != Ipv6Address::GetAny())
    {
        m_transport->ReleaseLocalAddress(old);
    }
    m_source = address;
    m_rotationPending = false;
    if (address == Ipv6Address::GetAny())
    {
        m_retryCause = REG_ADDRESS_CHANGE; // the next address starts it
        return;
    }
    m_registration.StartInitial(REG_ADDRESS_CHANGE, address);
}

void
ImsUeClient::OnSessionsIdle()
{
    if (m_deferred && !m_deferEvent.IsRunning())
    {
        // Not from inside the session layer's report: a moment later.
        m_deferEvent = Simulator::ScheduleNow(&ImsUeClient::ResumeDeferredRotation, this);
    }
}

void
ImsUeClient::ResumeDeferredRotation()
{
    NS_LOG_FUNCTION(this);
    if (!m_deferred || m_sessions.GetSessionCount() > 0)
    {
        return;
    }
    m_deferred = false;
    if (m_registration.IsInProgress())
    {
        m_rotationPending = true;
        return;
    }
    Ipv6Address current = m_addresses->GetCurrentAddress();
    if (current != Ipv6Address::GetAny() && current != m_source)
    {
        EvaluateRotation(current);
    }
}

bool
ImsUeClient::IsAddressInUse(Ipv6Address address) const
{
    return address == m_source ||
           (m_registration.IsRegistered() && m_registration.GetContactAddress() == address) ||
           m_sessions.IsAddressInUse(address);
}

void
ImsUeClient::OnAddressInvalidated(Ipv6Address address, Time time)
{
    NS_LOG_FUNCTION(this << address << time);
    ImsUeAddressUsage::Record record;
    if (m_usage.Close(address, &record))
    {
        ReportUsage(record);
    }
    if (!m_running)
    {
        return;
    }
    m_transport->ReleaseLocalAddress(address);
    m_sessions.ReleaseUsing(address, DROP_ADDRESS_CHANGE, FAIL_ADDRESS_CHANGE);
    Ipv6Address current = m_addresses->GetCurrentAddress();
    bool contactGone =
        m_registration.IsRegistered() && m_registration.GetContactAddress() == address;
    if (!contactGone && address != m_source)
    {
        return;
    }
    if (m_registration.GetState() == ImsUeRegistration::HALTED)
    {
        return;
    }
    if (!m_registration.IsRegistered())
    {
        // An attempt from the address is useless now.
        m_registration.Abort();
        m_source = Ipv6Address::GetAny();
        if (!m_retryEvent.IsRunning())
        {
            StartInitialRegistration(m_everRegistered ? REG_ADDRESS_CHANGE : REG_INITIAL);
        }
        return;
    }
    if (current != Ipv6Address::GetAny() && m_security.ActiveCovers(current))
    {
        // The SAs cover the current address: move the Contact there (contact-refresh).
        m_source = current;
        if (contactGone)
        {
            if (m_registration.IsInProgress())
            {
                m_registration.Abort();
            }
            m_registration.StartReregistration(REG_CONTACT_REFRESH, current);
        }
        return;
    }
    // The registered address is gone and nothing covers the new one (also the end of a
    // deferral, or no-rotation): as drop-and-reregister.
    DropAndReregister(current);
}

void
ImsUeClient::NoteUse(const SipMessage& /* message */, const SipPacketInfo& info)
{
    if (info.localAddress != Ipv6Address::GetAny())
    {
        m_usage.NoteUse(info.localAddress, Simulator::Now());
    }
}

void
ImsUeClient::ReportUsage(const ImsUeAddressUsage::Record& record)
{
    m_counters.NoteAddressUsed(record.lastUse - record.firstUse);
    m_addressUsedTrace(record.address, record.firstUse, record.lastUse);
}

// --- sessions and requests ------------------------------------------------------------------

void
ImsUeClient::ScheduleNextArrival()
{
    if (m_arrivalRate <= 0 || !m_running)
    {
        return;
    }
    m_interArrival->SetAttribute("Mean", DoubleValue(3600.0 / m_arrivalRate));
    m_arrivalEvent =
        Simulator::Schedule(Seconds(m_interArrival->GetValue()), &ImsUeClient::OnArrival, this);
}

bool
ImsUeClient::Call(Time holdingTime)
{
    NS_LOG_FUNCTION(this << holdingTime);
    NS_ABORT_MSG_IF(!m_running, "ImsUeClient::Call before the application started");
    return m_sessions.Originate(m_source, holdingTime);
}

void
ImsUeClient::OnArrival()
{
    NS_LOG_FUNCTION(this);
    double holding = m_holdingTime ? std::max(0.0, m_holdingTime->GetValue()) : 0.0;
    m_sessions.Originate(m_source, Seconds(holding));
    ScheduleNextArrival();
}

void
ImsUeClient::OnRequest(const SipMessage& request, const SipPacketInfo& info, uint64_t handle)
{
    NS_LOG_FUNCTION(this << request.GetMethod() << info << handle);
    if (!info.isProtected || !m_security.HasActive())
    {
        // TS 33.203 7: once registered, the UE takes requests only through its SAs; before,
        // there is nothing to take.  Discarded without an answer.
        m_counters.NoteUnprotectedRequest();
        if (handle != 0)
        {
            m_tm->Terminate(handle);
        }
        return;
    }
    if (m_sessions.HandleRequest(request, info, handle) == ImsUeSessionManager::STRAY_ACK)
    {
        m_counters.NoteStrayAck();
    }
}

void
ImsUeClient::OnAckTimeout(uint64_t handle, const SipMessage& response)
{
    m_sessions.HandleAckTimeout(handle, response);
}

void
ImsUeClient::OnSessionAttempted(const std::string& callId, bool originating)
{
    m_counters.NoteSessionAttempted(originating);
    m_sessionAttemptedTrace(callId, originating);
}

void
ImsUeClient::OnSessionEstablished(const std::string& callId, bool originating, Time delay)
{
    m_counters.NoteSessionEstablished(originating, delay);
    m_sessionEstablishedTrace(callId, originating, delay);
}

void
ImsUeClient::OnSessionCompleted(const std::string& callId, bool originating, Time duration)
{
    m_counters.NoteSessionCompleted(duration);
    m_sessionCompletedTrace(callId, originating, duration);
}

void
ImsUeClient::OnSessionDropped(const std::string& callId,
                              bool originating,
                              ImsSessionDropCause cause)
{
    m_counters.NoteSessionDropped(cause);
    m_sessionDroppedTrace(callId, originating, cause);
}

void
ImsUeClient::OnSessionFailed(const std::string& callId,
                             bool originating,
                             ImsSessionFailureCause cause,
                             uint16_t status)
{
    m_counters.NoteSessionFailed(cause);
    m_sessionFailedTrace(callId, originating, cause, status);
}

void
ImsUeClient::OnRequestRejected(uint16_t status)
{
    if (status == 481)
    {
        m_counters.NoteUnknownDialog();
    }
    else
    {
        m_counters.NoteRejectedRequest();
    }
}

// --- getters ------------------------------------------------------------------------------

bool
ImsUeClient::IsRegistered() const
{
    return m_registration.IsRegistered();
}

const ImsUeRegistration&
ImsUeClient::GetRegistration() const
{
    return m_registration;
}

const ImsUeSecurity&
ImsUeClient::GetSecurity() const
{
    return m_security;
}

const ImsUeSessionManager&
ImsUeClient::GetSessions() const
{
    return m_sessions;
}

Ipv6Address
ImsUeClient::GetSourceAddress() const
{
    return m_source;
}

bool
ImsUeClient::IsRotationDeferred() const
{
    return m_deferred;
}

Ptr<SipTransport>
ImsUeClient::GetTransport() const
{
    return m_transport;
}

Ptr<SipTransactionManager>
ImsUeClient::GetTransactionManager() const
{
    return m_tm;
}

const Usim*
ImsUeClient::GetUsim() const
{
    return m_usim.get();
}

const ImsUeCounters&
ImsUeClient::GetCounters() const
{
    return m_counters;
}

const ImsUeAddressUsage&
ImsUeClient::GetAddressUsage() const
{
    return m_usage;
}

uint64_t
ImsUeClient::GetMalformedCount() const
{
    return m_transport ? m_transport->GetParseErrorCount() : 0;
}

uint64_t
ImsUeClient::GetStrayResponseCount() const
{
    return m_tm ? m_tm->GetStrayResponseCount() : 0;
}

} // namespace ns3
