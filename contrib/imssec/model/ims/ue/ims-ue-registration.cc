/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ims-ue-registration.h"

#include "ns3/abort.h"
#include "ns3/digest-aka.h"
#include "ns3/log.h"
#include "ns3/random-variable-stream.h"
#include "ns3/simulator.h"
#include "ns3/sip-message-factory.h"
#include "ns3/sip-text.h"
#include "ns3/sip-transport.h"
#include "ns3/usim.h"

#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecUeRegistration");

namespace
{

/**
 * \param qopOptions the qop of a challenge, e.g. "auth,auth-int"
 * \returns true when "auth" is among them
 */
bool
OffersAuth(const std::string& qopOptions)
{
    std::string token;
    for (char c : qopOptions + ",")
    {
        if (c == ',' || c == ' ' || c == '\t')
        {
            if (token == "auth")
            {
                return true;
            }
            token.clear();
        }
        else
        {
            token.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        }
    }
    return false;
}

} // namespace

ImsUeRegistration::ImsUeRegistration()
    : m_security(nullptr),
      m_usim(nullptr),
      m_pcscfPort(5060),
      m_expires(600000),
      m_temporarySaLifetime(Seconds(240)),
      m_saMargin(Seconds(30)),
      m_state(UNREGISTERED),
      m_step(NO_ATTEMPT),
      m_registered(false),
      m_cause(REG_INITIAL),
      m_protected(false),
      m_resynchronising(false),
      m_reportingInvalidChallenge(false),
      m_invalidChallenges(0),
      m_contactPort(0),
      m_handle(0),
      m_cseq(0),
      m_registeredContactPort(0),
      m_granted(0)
{
}

void
ImsUeRegistration::Setup(Ptr<SipTransactionManager> tm,
                         ImsUeSecurity* security,
                         Usim* usim,
                         Ptr<UniformRandomVariable> rng)
{
    m_tm = tm;
    m_security = security;
    m_usim = usim;
    m_rng = rng;
}

void
ImsUeRegistration::SetIdentity(const Identity& identity)
{
    SipUri uri;
    std::string error;
    NS_ABORT_MSG_IF(!SipUri::Parse(identity.impu, &uri, &error) || uri.GetUser().empty(),
                    "ImsUeRegistration: IMPU '" << identity.impu << "' is not a SIP URI with a "
                                                << "user part");
    m_identity = identity;
    m_user = uri.GetUser();
}

const ImsUeRegistration::Identity&
ImsUeRegistration::GetIdentity() const
{
    return m_identity;
}

const std::string&
ImsUeRegistration::GetUser() const
{
    return m_user;
}

void
ImsUeRegistration::SetPcscf(Ipv6Address address, uint16_t port)
{
    m_pcscf = address;
    m_pcscfPort = port;
}

void
ImsUeRegistration::SetTimes(uint32_t expires, Time temporarySaLifetime, Time saMargin)
{
    m_expires = expires;
    m_temporarySaLifetime = temporarySaLifetime;
    m_saMargin = saMargin;
}

void
ImsUeRegistration::SetListener(const Listener& listener)
{
    m_listener = listener;
}

std::string
ImsUeRegistration::NewToken()
{
    uint64_t hi = m_rng->GetInteger(0, 0xffffffffU);
    uint64_t lo = m_rng->GetInteger(0, 0xffffffffU);
    return SipMessageFactory::MakeToken((hi << 32) | lo);
}

SipDigest
ImsUeRegistration::EmptyAuthorization() const
{
    // TS 24.229 5.1.1.2.1: username = IMPI, realm = home domain, empty nonce and response.
    SipDigest d(SipDigest::CREDENTIALS);
    d.SetScheme("Digest");
    d.SetUsername(m_identity.impi);
    d.SetRealm(m_identity.domain);
    d.SetNonce("");
    d.SetUri("sip:" + m_identity.domain);
    d.SetResponse("");
    return d;
}

SipDigest
ImsUeRegistration::ChallengeAuthorization(const std::string& realm, const std::string& nonce) const
{
    SipDigest d(SipDigest::CREDENTIALS);
    d.SetScheme("Digest");
    d.SetUsername(m_identity.impi);
    d.SetRealm(realm);
    d.SetNonce(nonce);
    d.SetUri("sip:" + m_identity.domain);
    return d;
}

SipMessage
ImsUeRegistration::BuildRegister(uint16_t viaPort,
                                 uint16_t contactPort,
                                 const SipDigest& authorization,
                                 const std::vector<SecurityMechanism>& verify)
{
    std::string host = "[" + SipText::Ipv6Text(m_source) + "]";
    SipVia via("UDP", host, viaPort, NewToken().insert(0, "z9hG4bK"));
    via.SetRport(std::nullopt);
    SipUri impu;
    std::string error;
    SipUri::Parse(m_identity.impu, &impu, &error);
    SipNameAddr from(impu);
    from.SetTag(m_fromTag);
    SipMessage r = SipMessageFactory::CreateRequest("REGISTER",
                                                    SipUri("", m_identity.domain, std::nullopt),
                                                    via,
                                                    from,
                                                    SipNameAddr(impu),
                                                    m_callId,
                                                    ++m_cseq);
    SipNameAddr contact(SipUri(m_user, host, contactPort));
    contact.SetExpires(m_expires);
    r.AddContact(contact);
    r.SetExpires(m_expires);
    r.SetDigest("Authorization", authorization);
    r.SetSecurityMechanisms("Security-Client", m_offer.mechanisms);
    if (!verify.empty())
    {
        r.SetSecurityMechanisms("Security-Verify", verify);
    }
    r.AddOptionTag("Require", "sec-agree");
    r.AddOptionTag("Proxy-Require", "sec-agree");
    r.AddOptionTag("Supported", "path");
    m_contactPort = contactPort;
    return r;
}

bool
ImsUeRegistration::Send(const SipMessage& request, const SipTarget& target, Step step)
{
    SipTransactionManager::ClientCallbacks cb;
    cb.onResponse = MakeCallback(&ImsUeRegistration::OnResponse, this);
    cb.onTimeout = MakeCallback(&ImsUeRegistration::OnTimeout, this);
    cb.onTransportError = MakeCallback(&ImsUeRegistration::OnTransportError, this);
    m_step = step;
    m_handle = m_tm->SendRequest(request, target, cb);
    NS_LOG_LOGIC("REGISTER cseq " << m_cseq << " to " << target << " handle " << m_handle);
    return m_handle != 0;
}

bool
ImsUeRegistration::StartInitial(ImsRegistrationCause cause, Ipv6Address source)
{
    NS_LOG_FUNCTION(this << cause << source);
    NS_ABORT_MSG_IF(!m_tm || !m_security || !m_usim, "ImsUeRegistration used before Setup");
    NS_ABORT_MSG_IF(m_registered,
                    "ImsUeRegistration::StartInitial while registered: Reset() first");
    if (m_state == HALTED)
    {
        return false;
    }
    Abort();
    m_callId = NewToken() + "@" + m_user;
    m_fromTag = NewToken();
    m_cseq = 0;
    m_protected = false;
    m_resynchronising = false;
    return Begin(cause, source, EmptyAuthorization());
}

bool
ImsUeRegistration::StartReregistration(ImsRegistrationCause cause, Ipv6Address source)
{
    NS_LOG_FUNCTION(this << cause << source);
    if (!m_registered || m_step != NO_ATTEMPT || m_state == HALTED || !m_security->HasActive())
    {
        return false;
    }
    m_protected = true;
    m_resynchronising = false;
    return Begin(cause, source, EmptyAuthorization());
}

bool
ImsUeRegistration::Begin(ImsRegistrationCause cause,
                         Ipv6Address source,
                         const SipDigest& authorization)
{
    m_cause = cause;
    m_source = source;
    m_attemptStart = Simulator::Now();
    m_state = REGISTERING;
    if (!m_listener.started.IsNull())
    {
        m_listener.started(cause);
    }
    return SendFirst(authorization);
}

bool
ImsUeRegistration::SendFirst(const SipDigest& authorization)
{
    // New SPIs and port-c every time; a re-registration keeps the registration's port-s
    // (TS 33.203 7.4), which the Contact and every dialog's remote target name.
    m_offer = m_security->NewOffer(m_protected);
    const Ipv6Address source = m_source;
    SipMessage request;
    SipTarget target;
    if (m_protected)
    {
        // Through the active set (TS 24.229 5.1.1.4.1); the Contact keeps the port-s of the
        // active set, which stays right when the network does not challenge.
        const ImsUeSecurity::SaSet& active = m_security->GetActive();
        request = BuildRegister(active.parameters.uePortC,
                                active.parameters.uePortS,
                                authorization,
                                active.GetServerList());
        target = m_security->GetActiveRequestTarget(source);
    }
    else
    {
        uint16_t port = m_tm->GetTransport()->GetPort();
        request = BuildRegister(port, m_offer.portS, authorization, {});
        target = SipTarget::Clear(source, port, m_pcscf, m_pcscfPort);
    }
    if (!Send(request, target, AWAIT_CHALLENGE))
    {
        Fail(REG_FAIL_NO_SA, 0);
        return false;
    }
    return true;
}

void
ImsUeRegistration::OnResponse(const SipMessage& response, const SipPacketInfo& info)
{
    uint16_t status = response.GetStatusCode();
    NS_LOG_FUNCTION(this << status << info);
    if (status < 200)
    {
        return;
    }
    m_handle = 0;
    if (status < 300)
    {
        OnSuccess(response);
    }
    else if (status == 401 && m_step == AWAIT_CHALLENGE)
    {
        OnChallenge(response);
    }
    else if (m_reportingInvalidChallenge)
    {
        // TS 24.229 5.4.1.2.3: the S-CSCF ends the attempt (403); it stays a MAC failure.
        Fail(REG_FAIL_MAC_FAILURE, status);
    }
    else
    {
        Fail(ImsUeCauses::RegistrationFailureFromStatus(status), status);
    }
}

void
ImsUeRegistration::OnTimeout()
{
    NS_LOG_FUNCTION(this);
    m_handle = 0;
    Fail(REG_FAIL_TIMEOUT, 0);
}

void
ImsUeRegistration::OnTransportError()
{
    NS_LOG_FUNCTION(this);
    m_handle = 0;
    Fail(REG_FAIL_NO_SA, 0);
}

void
ImsUeRegistration::OnChallenge(const SipMessage& response)
{
    NS_LOG_FUNCTION(this);
    std::optional<SipDigest> challenge = response.GetDigest("WWW-Authenticate");
    AkaRand rand;
    AkaAutn autn;
    std::vector<uint8_t> serverData;
    if (!challenge || !challenge->GetNonce() ||
        !SipText::EqualsIgnoreCase(challenge->GetAlgorithm().value_or(""), DigestAka::ALGORITHM) ||
        !DigestAka::ParseNonce(*challenge->GetNonce(), rand, autn, serverData))
    {
        Fail(REG_FAIL_BAD_CHALLENGE, 401);
        return;
    }
    SipParseError error;
    std::vector<SecurityMechanism> serverList =
        response.GetSecurityMechanisms("Security-Server", &error);
    if (serverList.empty())
    {
        Fail(REG_FAIL_BAD_CHALLENGE, 401);
        return;
    }
    std::optional<size_t> chosen = m_security->ChooseServerMechanism(serverList, m_offer);
    if (!chosen)
    {
        Fail(REG_FAIL_NO_COMMON_MECHANISM, 401);
        return;
    }
    Usim::Result r = m_usim->Authenticate(rand, autn);
    const std::string realm = challenge->GetRealm().value_or(m_identity.domain);
    const std::string nonce = *challenge->GetNonce();
    m_reportingInvalidChallenge = false;
    if (r.status == Usim::MAC_FAILURE)
    {
        ReportInvalidChallenge(realm, nonce);
        return;
    }
    m_invalidChallenges = 0; // MAC verified: the network is authentic
    if (r.status == Usim::SYNC_FAILURE)
    {
        if (m_resynchronising)
        {
            Fail(REG_FAIL_SYNC_FAILURE, 401);
            return;
        }
        // RFC 3310 3.4 / TS 24.229 5.1.1.5.3: report AUTS with the nonce of the challenge and
        // a response computed with an empty password; a new Security-Client; cause
        // re-authentication.  Through the active set when there is one, else in clear.
        if (!m_listener.failed.IsNull())
        {
            m_listener.failed(m_cause, REG_FAIL_SYNC_FAILURE, 401);
        }
        SipDigest auth = ChallengeAuthorization(realm, nonce);
        DigestAka::Parameters p;
        p.username = m_identity.impi;
        p.realm = realm;
        p.nonce = nonce;
        p.method = "REGISTER";
        p.uri = "sip:" + m_identity.domain;
        auth.SetResponse(DigestAka::ComputeResponse(p, std::string()));
        auth.SetAlgorithm(DigestAka::ALGORITHM);
        auth.SetAuts(DigestAka::EncodeAuts(r.auts));
        m_resynchronising = true;
        m_protected = m_registered && m_security->HasActive();
        Begin(REG_REAUTHENTICATION, m_source, auth);
        return;
    }
    std::string why;
    if (!m_security->InstallPending(m_offer,
                                    serverList,
                                    *chosen,
                                    m_source,
                                    m_pcscf,
                                    r.ik,
                                    r.ck,
                                    m_temporarySaLifetime,
                                    &why))
    {
        NS_LOG_WARN("SA set not installed: " << why);
        Fail(REG_FAIL_SA_INSTALL, 401);
        return;
    }
    // RFC 3310 3.2 / RFC 2617 3.2.2: the password is RES.
    DigestAka::Parameters p;
    p.username = m_identity.impi;
    p.realm = realm;
    p.nonce = nonce;
    p.method = "REGISTER";
    p.uri = "sip:" + m_identity.domain;
    bool qop = OffersAuth(challenge->GetQop().value_or(""));
    if (qop)
    {
        p.qop = "auth";
        p.nc = "00000001";
        p.cnonce = NewToken();
    }
    SipDigest auth = ChallengeAuthorization(p.realm, p.nonce);
    auth.SetResponse(DigestAka::ComputeAkaResponse(p, r.res));
    auth.SetAlgorithm(DigestAka::ALGORITHM);
    if (qop)
    {
        auth.SetQop(p.qop);
        auth.SetNonceCount(1);
        auth.SetCnonce(p.cnonce);
    }
    if (challenge->GetOpaque())
    {
        auth.SetOpaque(*challenge->GetOpaque());
    }
    const IpsecSaSetParameters& pending = m_security->GetPending().parameters;
    SipMessage request = BuildRegister(pending.uePortC, pending.uePortS, auth, serverList);
    SipTarget target =
        SipTarget::Protected(m_source, pending.uePortC, pending.pcscfAddress, pending.pcscfPortS);
    if (!Send(request, target, AWAIT_RESULT))
    {
        Fail(REG_FAIL_NO_SA, 0);
    }
}

void
ImsUeRegistration::ReportInvalidChallenge(const std::string& realm, const std::string& nonce)
{
    NS_LOG_FUNCTION(this << m_invalidChallenges);
    // TS 33.102 6.3.3: the network is not authentic.  TS 24.229 5.1.1.5.3: the UE answers at
    // most two consecutive invalid challenges, and does not register on its own after them.
    m_invalidChallenges++;
    if (m_invalidChallenges > MAX_INVALID_CHALLENGES)
    {
        NS_LOG_WARN("AUTN MAC failure, challenge " << m_invalidChallenges << ": not answered");
        m_state = HALTED;
        Fail(REG_FAIL_MAC_FAILURE, 401);
        return;
    }
    // TS 24.229 5.1.1.5.3: a further REGISTER with no auts and an empty response; a new
    // Security-Client (new spi-c, spi-s, port-c); no temporary SA set; through an existing
    // set when there is one (a re-registration: the active set, TS 33.203 7.4), else in
    // clear (an initial registration has none: the pending set of the challenge is never
    // built, since its keys come from the network the UE just failed to authenticate).
    NS_LOG_WARN("AUTN MAC failure: challenge reported invalid (" << m_invalidChallenges << ")");
    SipDigest auth = ChallengeAuthorization(realm, nonce);
    auth.SetResponse("");
    auth.SetAlgorithm(DigestAka::ALGORITHM);
    m_protected = m_registered && m_security->HasActive();
    m_resynchronising = false;
    m_reportingInvalidChallenge = true;
    SendFirst(auth);
}

void
ImsUeRegistration::OnSuccess(const SipMessage& response)
{
    NS_LOG_FUNCTION(this);
    bool challenged = m_step == AWAIT_RESULT;
    if (!challenged && !m_protected)
    {
        // A 200 to an unprotected REGISTER: no keys, no SAs; IMS AKA always challenges.
        Fail(REG_FAIL_PROTOCOL, response.GetStatusCode());
        return;
    }
    // Granted expiry: the expires of our Contact in the 200, else Expires, else ours.
    uint32_t granted = response.GetExpires().value_or(m_expires);
    for (const SipNameAddr& c : response.GetContacts())
    {
        const SipUri& uri = c.GetUri();
        if (!c.IsWildcard() && c.GetExpires() && uri.GetUser() == m_user && uri.IsIpv6Host() &&
            SipText::IsIpv6Address(uri.GetHostAddress()) &&
            Ipv6Address(uri.GetHostAddress().c_str()) == m_source &&
            uri.GetPort() == std::optional<uint16_t>(m_contactPort))
        {
            granted = *c.GetExpires();
        }
    }
    if (granted == 0)
    {
        Fail(REG_FAIL_PROTOCOL, response.GetStatusCode());
        return;
    }
    Time lifetime = Seconds(granted) + m_saMargin;
    if (challenged)
    {
        m_security->PromotePending(lifetime);
    }
    else
    {
        m_security->ExtendActive(lifetime);
    }
    m_registered = true;
    m_state = REGISTERED;
    m_step = NO_ATTEMPT;
    m_granted = granted;
    m_contactAddress = m_source;
    m_registeredContactPort = m_contactPort;
    std::vector<SipNameAddr> serviceRoute = response.GetNameAddrs("Service-Route");
    if (!serviceRoute.empty() || challenged)
    {
        m_serviceRoute = serviceRoute;
    }
    m_expiryTime = Simulator::Now() + Seconds(granted);
    m_refreshEvent.Cancel();
    m_expiryEvent.Cancel();
    m_refreshEvent =
        Simulator::Schedule(GetRefreshDelay(granted), &ImsUeRegistration::RefreshDue, this);
    m_expiryEvent = Simulator::Schedule(Seconds(granted), &ImsUeRegistration::Expire, this);
    m_resynchronising = false;
    m_reportingInvalidChallenge = false;
    m_offer = ImsUeSecurity::Offer(); // not needed until the next attempt
    NS_LOG_INFO("registered " << m_identity.impu << " contact " << GetContactUri().ToString()
                              << " for " << granted << " s (" << m_cause << ")");
    if (!m_listener.completed.IsNull())
    {
        m_listener.completed(m_cause, Simulator::Now() - m_attemptStart, granted);
    }
}

void
ImsUeRegistration::Fail(ImsRegistrationFailure failure, uint16_t status)
{
    NS_LOG_FUNCTION(this << failure << status);
    bool reporting = m_reportingInvalidChallenge;
    m_reportingInvalidChallenge = false;
    if (m_handle != 0)
    {
        m_tm->Terminate(m_handle);
        m_handle = 0;
    }
    m_step = NO_ATTEMPT;
    m_security->DiscardPending();
    m_offer = ImsUeSecurity::Offer();
    ImsRegistrationCause cause = m_cause;
    // A re-registration whose request got no answer leaves the registration in force
    // until it expires; a rejected one ends it (the state is cleared before the reports,
    // so the owner sees where things stand).
    bool keep =
        failure == REG_FAIL_TIMEOUT || failure == REG_FAIL_NO_SA || failure == REG_FAIL_MAC_FAILURE;
    bool lose = m_registered && !keep;
    if (lose)
    {
        Reset();
    }
    if (reporting && m_invalidChallenges >= MAX_INVALID_CHALLENGES)
    {
        // TS 24.229 5.1.1.5.3: no automatic attempt after two consecutive invalid challenges
        // (a registration in force stays until it expires, TS 24.229 5.4.1.2.3).
        m_state = HALTED;
    }
    if (m_state != HALTED)
    {
        m_state = m_registered ? REGISTERED : UNREGISTERED;
    }
    if (!m_listener.failed.IsNull())
    {
        m_listener.failed(cause, failure, status);
    }
    if (lose && !m_listener.lost.IsNull())
    {
        m_listener.lost(failure);
    }
}

void
ImsUeRegistration::Lose(ImsRegistrationFailure failure)
{
    NS_LOG_FUNCTION(this << failure);
    if (!m_registered)
    {
        return;
    }
    Reset();
    if (!m_listener.lost.IsNull())
    {
        m_listener.lost(failure);
    }
}

void
ImsUeRegistration::Abort()
{
    NS_LOG_FUNCTION(this);
    if (m_handle != 0)
    {
        m_tm->Terminate(m_handle);
        m_handle = 0;
    }
    if (m_step != NO_ATTEMPT)
    {
        m_step = NO_ATTEMPT;
        m_security->DiscardPending();
    }
    m_reportingInvalidChallenge = false;
    if (m_state == REGISTERING)
    {
        m_state = m_registered ? REGISTERED : UNREGISTERED;
    }
}

void
ImsUeRegistration::Reset()
{
    NS_LOG_FUNCTION(this);
    Abort();
    m_refreshEvent.Cancel();
    m_expiryEvent.Cancel();
    if (m_security)
    {
        m_security->Clear();
    }
    m_registered = false;
    if (m_state != HALTED)
    {
        m_state = UNREGISTERED;
    }
    m_contactAddress = Ipv6Address::GetAny();
    m_registeredContactPort = 0;
    m_serviceRoute.clear();
    m_granted = 0;
    m_resynchronising = false;
}

void
ImsUeRegistration::Expire()
{
    NS_LOG_FUNCTION(this);
    NS_LOG_INFO("registration of " << m_identity.impu << " expired");
    Lose(REG_FAIL_EXPIRED);
}

void
ImsUeRegistration::RefreshDue()
{
    NS_LOG_FUNCTION(this);
    if (!m_listener.refreshDue.IsNull())
    {
        m_listener.refreshDue();
    }
}

ImsUeRegistration::State
ImsUeRegistration::GetState() const
{
    return m_state;
}

ImsUeRegistration::Step
ImsUeRegistration::GetStep() const
{
    return m_step;
}

bool
ImsUeRegistration::IsRegistered() const
{
    return m_registered;
}

bool
ImsUeRegistration::IsInProgress() const
{
    return m_step != NO_ATTEMPT;
}

ImsRegistrationCause
ImsUeRegistration::GetCause() const
{
    return m_cause;
}

Ipv6Address
ImsUeRegistration::GetContactAddress() const
{
    return m_contactAddress;
}

SipUri
ImsUeRegistration::GetContactUri() const
{
    return SipUri(m_user, "[" + SipText::Ipv6Text(m_contactAddress) + "]", m_registeredContactPort);
}

const std::vector<SipNameAddr>&
ImsUeRegistration::GetServiceRoute() const
{
    return m_serviceRoute;
}

uint32_t
ImsUeRegistration::GetGrantedExpires() const
{
    return m_granted;
}

Time
ImsUeRegistration::GetExpiryTime() const
{
    return m_expiryTime;
}

Time
ImsUeRegistration::GetRefreshTime() const
{
    return m_refreshEvent.IsRunning() ? Simulator::Now() + Simulator::GetDelayLeft(m_refreshEvent)
                                      : Seconds(0);
}

const std::string&
ImsUeRegistration::GetCallId() const
{
    return m_callId;
}

Time
ImsUeRegistration::GetRefreshDelay(uint32_t granted)
{
    return granted > 1200 ? Seconds(granted - 600) : Seconds(granted / 2.0);
}

std::string
ImsUeRegistration::GetStateName(State state)
{
    switch (state)
    {
    case UNREGISTERED:
        return "unregistered";
    case REGISTERING:
        return "registering";
    case REGISTERED:
        return "registered";
    case HALTED:
        return "halted";
    }
    return "?";
}

std::ostream&
operator<<(std::ostream& os, ImsUeRegistration::State state)
{
    return os << ImsUeRegistration::GetStateName(state);
}

} // namespace ns3
