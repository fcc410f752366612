/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "scscf.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
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

#include <algorithm>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecScscf");

NS_OBJECT_ENSURE_REGISTERED(Scscf);

namespace
{

/**
 * \param a a URI
 * \param b a URI
 * \returns true when both name the same user, host and port (RFC 3261 19.1.4, without
 *          the URI parameters, which an IMS contact does not vary)
 */
bool
SameContact(const SipUri& a, const SipUri& b)
{
    if (a.GetUser() != b.GetUser() || a.GetPort().value_or(5060) != b.GetPort().value_or(5060))
    {
        return false;
    }
    if (a.IsIpv6Host() && b.IsIpv6Host())
    {
        return Ipv6Address(a.GetHostAddress().c_str()) == Ipv6Address(b.GetHostAddress().c_str());
    }
    return SipText::EqualsIgnoreCase(a.GetHost(), b.GetHost());
}

} // namespace

TypeId
Scscf::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::Scscf")
            .SetParent<Application>()
            .SetGroupName("Imssec")
            .AddConstructor<Scscf>()
            .AddAttribute("Hss",
                          "The HSS object the S-CSCF takes vectors and identities from (Cx "
                          "not modeled); required, no default.",
                          PointerValue(),
                          MakePointerAccessor(&Scscf::m_hss),
                          MakePointerChecker<Hss>())
            .AddAttribute("HomeDomain",
                          "Home domain and Digest realm (text); default ims.example.",
                          StringValue("ims.example"),
                          MakeStringAccessor(&Scscf::m_homeDomain),
                          MakeStringChecker())
            .AddAttribute("LocalAddress",
                          "Address written in Via, Record-Route and Service-Route (:: = the "
                          "node's first global address); default ::.",
                          Ipv6AddressValue(Ipv6Address::GetAny()),
                          MakeIpv6AddressAccessor(&Scscf::m_configuredAddress),
                          MakeIpv6AddressChecker())
            .AddAttribute("Port",
                          "SIP port (UDP); default 5060.",
                          UintegerValue(5060),
                          MakeUintegerAccessor(&Scscf::m_port),
                          MakeUintegerChecker<uint16_t>(1))
            .AddAttribute("MaxExpires",
                          "Longest registration granted (s): granted = min(requested, "
                          "MaxExpires); default 3600.",
                          UintegerValue(3600),
                          MakeUintegerAccessor(&Scscf::m_maxExpires),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("DefaultExpires",
                          "Registration requested when a REGISTER names no expiry (s; RFC "
                          "3261 10.3 lets the registrar choose); default 3600.",
                          UintegerValue(3600),
                          MakeUintegerAccessor(&Scscf::m_defaultExpires),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("RegAwaitAuth",
                          "How long a challenge waits for its answer (TS 24.229 timer "
                          "reg-await-auth, s); default 240 s.",
                          TimeValue(Seconds(240)),
                          MakeTimeAccessor(&Scscf::m_regAwaitAuth),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("AuthenticateReregistrations",
                          "Challenge protected re-REGISTERs of registered users too (a new "
                          "AKA round and new SAs at every refresh); bool, default true.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&Scscf::m_authenticateReregistrations),
                          MakeBooleanChecker())
            .AddAttribute("RejectNewContactWithoutAuthentication",
                          "Answer 403 to a protected re-REGISTER accepted without challenge "
                          "whose Contact was not registered (TS 24.229 5.4.1.2.2); bool, "
                          "default false (a contact refresh inside covering SAs is allowed).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&Scscf::m_rejectNewContact),
                          MakeBooleanChecker())
            .AddAttribute("RemotePartyAddress",
                          "Next hop for home-domain identities that are neither peers "
                          "(AddPeer) nor HSS subscribers (:: = none: 404); default ::.",
                          Ipv6AddressValue(Ipv6Address::GetAny()),
                          MakeIpv6AddressAccessor(&Scscf::m_remoteAddress),
                          MakeIpv6AddressChecker())
            .AddAttribute("RemotePartyPort",
                          "Port at RemotePartyAddress; default 5060.",
                          UintegerValue(5060),
                          MakeUintegerAccessor(&Scscf::m_remotePort),
                          MakeUintegerChecker<uint16_t>(1))
            .AddTraceSource("RegistrationAccepted",
                            "A REGISTER was accepted (200): IMPI, IMPU, kind, granted expiry.",
                            MakeTraceSourceAccessor(&Scscf::m_registrationTrace),
                            "ns3::Scscf::RegistrationTracedCallback")
            .AddTraceSource("Deregistered",
                            "A binding was removed: IMPI, cause (user, expired).",
                            MakeTraceSourceAccessor(&Scscf::m_deregistrationTrace),
                            "ns3::Scscf::DeregistrationTracedCallback")
            .AddTraceSource("RegisterAnswered",
                            "A REGISTER was answered other than 200 (401, 403, ...): IMPI, "
                            "status, reason.",
                            MakeTraceSourceAccessor(&Scscf::m_registerAnswerTrace),
                            "ns3::Scscf::RegisterAnswerTracedCallback")
            .AddTraceSource("RequestForwarded",
                            "A request was proxied: the request as sent, target, route kind.",
                            MakeTraceSourceAccessor(&Scscf::m_forwardTrace),
                            "ns3::Scscf::ForwardTracedCallback")
            .AddTraceSource("ProxyAnswered",
                            "A request to proxy was answered by the S-CSCF (404, 480, 482, "
                            "483, ...) or dropped (status 0): request, status, reason.",
                            MakeTraceSourceAccessor(&Scscf::m_proxyAnswerTrace),
                            "ns3::Scscf::ProxyAnswerTracedCallback")
            .AddTraceSource("RegisteredUsers",
                            "Number of registered users (bindings), at every change.",
                            MakeTraceSourceAccessor(&Scscf::m_registeredUsers),
                            "ns3::TracedValueCallback::Uint32");
    return tid;
}

Scscf::Scscf()
    : m_homeDomain("ims.example"),
      m_port(5060),
      m_maxExpires(3600),
      m_defaultExpires(3600),
      m_regAwaitAuth(Seconds(240)),
      m_authenticateReregistrations(true),
      m_rejectNewContact(false),
      m_remotePort(5060),
      m_tagCounter(0),
      m_registrations{},
      m_deregistrations{},
      m_unknownUsers(0),
      m_authenticationFailures(0),
      m_forwarded{},
      m_forwardedResponses(0),
      m_proxyDrops(0),
      m_registeredUsers(0)
{
    NS_LOG_FUNCTION(this);
    m_transport = CreateObject<SipTransport>();
    m_transactions = CreateObject<SipTransactionManager>();
    m_registrar.SetExpiryCallback(MakeCallback(&Scscf::BindingExpired, this));
    m_authenticator.SetTimeoutCallback(MakeCallback(&Scscf::ChallengeExpired, this));
}

Scscf::~Scscf()
{
    NS_LOG_FUNCTION(this);
}

void
Scscf::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_registrar.Clear();
    m_authenticator.Clear();
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
    m_hss = nullptr;
    Application::DoDispose();
}

void
Scscf::SetHss(Ptr<Hss> hss)
{
    m_hss = hss;
}

Ptr<Hss>
Scscf::GetHss() const
{
    return m_hss;
}

void
Scscf::AddPeer(const std::string& impu, Ipv6Address address, uint16_t port)
{
    NS_LOG_FUNCTION(this << impu << address << port);
    SipUri uri;
    NS_ABORT_MSG_IF(!SipUri::Parse(impu, &uri, nullptr), "Scscf::AddPeer: bad URI " << impu);
    m_peers[CanonicalImpu(uri)] = Peer{address, port};
}

Ptr<SipTransport>
Scscf::GetTransport() const
{
    return m_transport;
}

Ptr<SipTransactionManager>
Scscf::GetTransactionManager() const
{
    return m_transactions;
}

Ipv6Address
Scscf::GetAddress() const
{
    return m_address;
}

void
Scscf::StartApplication()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(!m_hss, "Scscf: no Hss (attribute Hss or SetHss)");
    Ptr<Ipv6> ipv6 = GetNode()->GetObject<Ipv6>();
    NS_ABORT_MSG_IF(!ipv6, "Scscf: the node has no IPv6 stack");
    m_localAddresses.clear();
    for (uint32_t i = 0; i < ipv6->GetNInterfaces(); ++i)
    {
        for (uint32_t j = 0; j < ipv6->GetNAddresses(i); ++j)
        {
            Ipv6InterfaceAddress a = ipv6->GetAddress(i, j);
            if (a.GetScope() == Ipv6InterfaceAddress::GLOBAL)
            {
                m_localAddresses.push_back(a.GetAddress());
            }
        }
    }
    m_address = m_configuredAddress;
    if (m_address == Ipv6Address::GetAny())
    {
        NS_ABORT_MSG_IF(m_localAddresses.empty(), "Scscf: the node has no global address");
        m_address = m_localAddresses.front();
    }
    else if (std::find(m_localAddresses.begin(), m_localAddresses.end(), m_address) ==
             m_localAddresses.end())
    {
        m_localAddresses.push_back(m_address);
    }
    std::string hostPort = "[" + SipText::Ipv6Text(m_address) + "]:" + std::to_string(m_port);
    m_proxyId = hostPort;
    m_recordRoute = "<sip:" + hostPort + ";lr>";
    m_serviceRoute = "<sip:orig@" + hostPort + ";lr>";
    m_authenticator.Configure(m_hss, m_homeDomain, m_regAwaitAuth);

    m_transport->SetAttribute("Port", UintegerValue(m_port));
    NS_ABORT_MSG_IF(!m_transport->Start(GetNode()), "Scscf: port " << m_port << " in use");
    m_transactions->SetTransport(m_transport);
    m_transactions->SetRequestHandler(MakeCallback(&Scscf::ReceiveRequest, this));
    // The registrar runs server transactions; everything else is proxied statelessly.
    m_transactions->SetStatelessFilter(
        MakeCallback(+[](const SipMessage& m, const SipPacketInfo&) -> bool {
            return !m.IsMethod("REGISTER");
        }));
    m_transactions->SetStrayResponseHandler(MakeCallback(&Scscf::ForwardResponse, this));
}

void
Scscf::StopApplication()
{
    NS_LOG_FUNCTION(this);
    if (m_transactions)
    {
        m_transactions->TerminateAll();
    }
    if (m_transport)
    {
        m_transport->Stop();
    }
}

void
Scscf::ReceiveRequest(const SipMessage& request, const SipPacketInfo& info, uint64_t handle)
{
    NS_LOG_FUNCTION(this << request.GetMethod() << info << handle);
    if (handle != 0 && request.IsMethod("REGISTER"))
    {
        HandleRegister(request, handle);
        return;
    }
    ProxyRequest(request, info);
}

// --- registrar -----------------------------------------------------------------------------

std::string
Scscf::CanonicalImpu(const SipUri& impu)
{
    std::string s = impu.GetScheme() + ":";
    if (!impu.GetUser().empty())
    {
        s += impu.GetUser() + "@";
    }
    return s + SipText::ToLower(impu.GetHost());
}

void
Scscf::HandleRegister(const SipMessage& request, uint64_t handle)
{
    NS_LOG_FUNCTION(this << handle);
    std::optional<SipNameAddr> to = request.GetTo();
    if (!to || !to->GetUri().IsSip() || to->GetUri().GetUser().empty())
    {
        RejectRegister(request, handle, "", 400, "bad-to");
        return;
    }
    std::optional<SipUri> requestUri = request.GetParsedRequestUri();
    if (!requestUri || !SipText::EqualsIgnoreCase(requestUri->GetHost(), m_homeDomain))
    {
        // RFC 3261 10.3 step 1: not a domain this registrar serves (no forwarding here).
        RejectRegister(request, handle, "", 404, "foreign-domain");
        return;
    }
    std::string impu = CanonicalImpu(to->GetUri());
    std::optional<SipDigest> auth = request.GetDigest("Authorization");
    if (request.HasHeader("Authorization") && !auth)
    {
        RejectRegister(request, handle, "", 400, "bad-authorization");
        return;
    }
    // TS 24.229 5.4.1.1: the IMPI is the username; without Authorization it is derived
    // from the IMPU by removing the scheme.
    std::string impi = auth ? auth->GetUsername().value_or("") : "";
    if (impi.empty())
    {
        impi = to->GetUri().GetUser() + "@" + SipText::ToLower(to->GetUri().GetHost());
    }
    if (!m_hss->HasSubscriber(impi))
    {
        m_unknownUsers++;
        RejectRegister(request, handle, impi, 403, "unknown-user");
        return;
    }
    std::vector<std::string> publics = m_hss->GetPublicIdentities(impi);
    if (std::find(publics.begin(), publics.end(), impu) == publics.end())
    {
        RejectRegister(request, handle, impi, 403, "identity-mismatch");
        return;
    }
    std::string callId = request.GetCallId().value_or("");
    bool integrity =
        auth && SipText::EqualsIgnoreCase(auth->Get("integrity-protected").value_or(""), "yes");

    if (auth && auth->GetAuts())
    {
        // TS 24.229 5.4.1.2.3 / TS 33.102 6.3.5: synchronisation failure reported by the UE.
        SipDigest challenge;
        ScscfAuthenticator::Result r =
            m_authenticator.Resynchronise(impi, *auth, callId, &challenge);
        if (r == ScscfAuthenticator::OK)
        {
            SendChallenge(request, handle, impi, challenge, "resync");
            return;
        }
        if (r == ScscfAuthenticator::RESYNC_FAILED || r == ScscfAuthenticator::UNKNOWN_USER)
        {
            RejectRegister(request, handle, impi, 403, ScscfAuthenticator::GetResultName(r));
            return;
        }
        // No challenge pending for that nonce: challenge afresh below.
    }
    else if (auth && m_authenticator.DiscardInvalidChallenge(impi, *auth, callId))
    {
        // TS 24.229 5.4.1.2.3: the UE found the challenge invalid; the attempt fails and the
        // registration state stays as it was.
        RejectRegister(request, handle, impi, 403, "invalid-challenge");
        return;
    }
    else if (integrity && m_authenticator.HasPending(impi))
    {
        // TS 24.229 5.4.1.2.2 with reg-await-auth running: the answer to the challenge.
        ScscfAuthenticator::Result r =
            m_authenticator.Verify(impi, *auth, request.GetMethod(), callId);
        if (r == ScscfAuthenticator::OK)
        {
            AcceptRegister(request, handle, impi, impu);
            return;
        }
        if (r == ScscfAuthenticator::WRONG_RESPONSE || r == ScscfAuthenticator::CALL_ID_MISMATCH)
        {
            m_authenticationFailures += r == ScscfAuthenticator::WRONG_RESPONSE ? 1 : 0;
            RejectRegister(request, handle, impi, 403, ScscfAuthenticator::GetResultName(r));
            return;
        }
        // STALE_NONCE, NO_RESPONSE: challenge afresh below.
    }
    else if (integrity && m_registrar.Find(impi) != nullptr)
    {
        // TS 24.229 5.4.1.2.2 without reg-await-auth: re-authenticate or not.
        std::vector<SipNameAddr> contacts = request.GetContacts();
        std::optional<uint32_t> headerExpires = request.GetExpires();
        bool deregistration =
            !contacts.empty() &&
            (contacts.front().IsWildcard() ||
             contacts.front().GetExpires().value_or(headerExpires.value_or(1)) == 0);
        if (!m_authenticateReregistrations || deregistration)
        {
            const ScscfRegistrar::Binding* b = m_registrar.Find(impi);
            SipUri registered;
            bool newContact = !contacts.empty() && !contacts.front().IsWildcard() &&
                              SipUri::Parse(b->contact, &registered, nullptr) &&
                              !SameContact(registered, contacts.front().GetUri());
            if (m_rejectNewContact && !deregistration && newContact)
            {
                RejectRegister(request, handle, impi, 403, "new-contact");
                return;
            }
            AcceptRegister(request, handle, impi, impu);
            return;
        }
    }

    SipDigest challenge;
    if (!m_authenticator.Challenge(impi, callId, &challenge))
    {
        m_unknownUsers++;
        RejectRegister(request, handle, impi, 403, "unknown-user");
        return;
    }
    SendChallenge(request, handle, impi, challenge, "challenge");
}

void
Scscf::AcceptRegister(const SipMessage& request,
                      uint64_t handle,
                      const std::string& impi,
                      const std::string& impu)
{
    NS_LOG_FUNCTION(this << impi << impu);
    std::vector<SipNameAddr> contacts = request.GetContacts();
    std::optional<SipCseq> cseq = request.GetCseq();
    std::optional<uint32_t> headerExpires = request.GetExpires();
    std::string callId = request.GetCallId().value_or("");
    const ScscfRegistrar::Binding* binding = m_registrar.Find(impi);

    SipMessage ok = SipMessageFactory::CreateResponse(request,
                                                      200,
                                                      "",
                                                      SipMessageFactory::MakeToken(++m_tagCounter));
    if (contacts.empty())
    {
        // RFC 3261 10.3 step 6: a query; the current binding is listed below.
    }
    else if (contacts.front().IsWildcard())
    {
        // RFC 3261 10.3 step 6: "*" only with Expires 0, alone.
        if (contacts.size() != 1 || headerExpires.value_or(1) != 0)
        {
            RejectRegister(request, handle, impi, 400, "bad-wildcard");
            return;
        }
        Deregister(impi);
        binding = nullptr;
    }
    else
    {
        const SipNameAddr& contact = contacts.front();
        uint32_t requested =
            contact.GetExpires().value_or(headerExpires.value_or(m_defaultExpires));
        if (requested == 0)
        {
            SipUri registered;
            if (binding && SipUri::Parse(binding->contact, &registered, nullptr) &&
                SameContact(registered, contact.GetUri()))
            {
                Deregister(impi);
                binding = nullptr;
            }
        }
        else
        {
            uint32_t sequence = cseq ? cseq->GetSequence() : 0;
            bool sameCall = binding && binding->callId == callId;
            if (sameCall && sequence <= binding->cseq)
            {
                // RFC 3261 10.3 step 7: an older REGISTER of the same Call-ID arrived late.
                RejectRegister(request, handle, impi, 500, "cseq-out-of-order");
                return;
            }
            uint32_t granted = std::min(requested, m_maxExpires);
            std::vector<std::string> paths = request.GetAll("Path");
            std::string path;
            for (const std::string& p : paths)
            {
                path += (path.empty() ? "" : ", ") + p;
            }
            RegistrationKind kind = sameCall ? RE_REGISTRATION : INITIAL;
            m_registrar.Update(impi,
                               contact.GetUri().ToString(),
                               path,
                               callId,
                               sequence,
                               Simulator::Now() + Seconds(granted));
            m_registeredUsers = m_registrar.GetSize();
            m_registrations[kind]++;
            binding = m_registrar.Find(impi);
            NS_LOG_INFO(impi << " registered (" << GetRegistrationKindName(kind) << ") at "
                             << binding->contact << " for " << granted << " s");
            m_registrationTrace(impi, impu, kind, granted);
        }
    }

    if (binding)
    {
        Time remaining = binding->expiresAt - Simulator::Now();
        auto seconds = static_cast<uint32_t>(std::max<int64_t>(0, remaining.GetSeconds()));
        SipNameAddr c;
        SipUri uri;
        SipUri::Parse(binding->contact, &uri, nullptr);
        c.SetUri(uri);
        c.SetExpires(seconds);
        ok.AddContact(c);
        ok.SetExpires(seconds);
        for (const std::string& p : request.GetAll("Path"))
        {
            ok.AddHeader("Path", p);
        }
        ok.AddHeader("Service-Route", m_serviceRoute);
        // TS 24.229 5.4.1.2.2: the registered IMPU first, then the rest of the set.
        std::string associated = "<" + impu + ">";
        for (const std::string& p : m_hss->GetPublicIdentities(impi))
        {
            if (p != impu)
            {
                associated += ", <" + p + ">";
            }
        }
        ok.AddHeader("P-Associated-URI", associated);
    }
    else
    {
        ok.SetExpires(0);
    }
    SendRegisterResponse(handle, ok);
}

void
Scscf::SendChallenge(const SipMessage& request,
                     uint64_t handle,
                     const std::string& impi,
                     const SipDigest& challenge,
                     const std::string& reason)
{
    NS_LOG_FUNCTION(this << impi << reason);
    SipMessage r = SipMessageFactory::CreateResponse(request,
                                                     401,
                                                     "",
                                                     SipMessageFactory::MakeToken(++m_tagCounter));
    r.SetDigest("WWW-Authenticate", challenge);
    SendRegisterResponse(handle, r);
    m_registerAnswerTrace(impi, 401, reason);
}

void
Scscf::RejectRegister(const SipMessage& request,
                      uint64_t handle,
                      const std::string& impi,
                      uint16_t status,
                      const std::string& reason)
{
    NS_LOG_FUNCTION(this << impi << status << reason);
    NS_LOG_INFO("REGISTER of " << impi << " answered " << status << " (" << reason << ")");
    SipMessage r = SipMessageFactory::CreateResponse(request,
                                                     status,
                                                     "",
                                                     SipMessageFactory::MakeToken(++m_tagCounter));
    SendRegisterResponse(handle, r);
    m_registerAnswerTrace(impi, status, reason);
}

void
Scscf::SendRegisterResponse(uint64_t handle, const SipMessage& response)
{
    if (m_transactions->SendResponse(handle, response))
    {
        m_registerResponses[response.GetStatusCode()]++;
    }
    else
    {
        NS_LOG_WARN("REGISTER response " << response.GetStatusCode() << " not sent");
    }
}

void
Scscf::Deregister(const std::string& impi)
{
    if (m_registrar.Remove(impi))
    {
        m_deregistrations[USER]++;
        m_registeredUsers = m_registrar.GetSize();
        m_deregistrationTrace(impi, USER);
    }
}

void
Scscf::BindingExpired(const std::string& impi, const ScscfRegistrar::Binding& binding)
{
    NS_LOG_FUNCTION(this << impi << binding.contact);
    m_deregistrations[EXPIRED]++;
    m_registeredUsers = m_registrar.GetSize();
    m_deregistrationTrace(impi, EXPIRED);
}

void
Scscf::ChallengeExpired(const std::string& impi)
{
    NS_LOG_FUNCTION(this << impi);
    NS_LOG_INFO("challenge of " << impi << " never answered (reg-await-auth)");
}

// --- proxy ---------------------------------------------------------------------------------

bool
Scscf::IsLocal(const SipUri& uri) const
{
    if (!uri.IsIpv6Host() || !SipText::IsIpv6Address(uri.GetHostAddress()))
    {
        return false;
    }
    Ipv6Address a(uri.GetHostAddress().c_str());
    return std::find(m_localAddresses.begin(), m_localAddresses.end(), a) != m_localAddresses.end();
}

bool
Scscf::UriTarget(const SipUri& uri, Ipv6Address* address, uint16_t* port)
{
    if (!uri.IsSip() || !uri.IsIpv6Host() || !SipText::IsIpv6Address(uri.GetHostAddress()))
    {
        return false;
    }
    *address = Ipv6Address(uri.GetHostAddress().c_str());
    *port = uri.GetPort().value_or(5060);
    return true;
}

std::string
Scscf::LocalTag(const SipMessage& request) const
{
    // The same for a request, its retransmissions and the ACK of a non-2xx (same Call-ID,
    // CSeq number, From tag and top Via branch, RFC 3261 17.1.1.3).
    std::optional<SipCseq> cseq = request.GetCseq();
    std::optional<SipNameAddr> from = request.GetFrom();
    std::optional<SipVia> via = request.GetTopVia();
    std::string seed = m_proxyId + "\n" + request.GetCallId().value_or("") + "\n" +
                       (cseq ? std::to_string(cseq->GetSequence()) : "") + "\n" +
                       (from ? from->GetTag().value_or("") : "") + "\n" +
                       (via ? via->GetBranch().value_or("") : "");
    return "sc" + SipTransport::MakeHashToken(seed);
}

void
Scscf::AnswerProxied(const SipMessage& request,
                     const SipPacketInfo& info,
                     uint16_t status,
                     const std::string& reason)
{
    NS_LOG_FUNCTION(this << request.GetMethod() << status << reason);
    if (request.IsMethod("ACK"))
    {
        // An ACK is never answered (RFC 3261 17.2.3): it is dropped.
        m_proxyDrops++;
        m_proxyAnswerTrace(request, 0, reason);
        return;
    }
    SipMessage r = SipMessageFactory::CreateResponse(request, status, "", LocalTag(request));
    if (m_transport->SendResponse(r, info))
    {
        m_proxyResponses[status]++;
    }
    m_proxyAnswerTrace(request, status, reason);
}

void
Scscf::ProxyRequest(const SipMessage& request, const SipPacketInfo& info)
{
    NS_LOG_FUNCTION(this << request.GetMethod() << info);
    std::optional<SipNameAddr> to = request.GetTo();
    bool isAck = request.IsMethod("ACK");
    if (isAck && to && to->GetTag() == LocalTag(request))
    {
        return; // the ACK of a non-2xx this proxy sent: nothing to forward
    }
    // RFC 3261 16.3 step 3: Max-Forwards.
    std::optional<uint8_t> maxForwards = request.GetMaxForwards();
    uint8_t hops = maxForwards.value_or(70);
    if (hops == 0)
    {
        AnswerProxied(request, info, 483, "too-many-hops");
        return;
    }
    // RFC 3261 16.3 step 4 / 16.6 step 8: the branch is the stateless transaction part and a
    // loop-detection part over what a spiral changes (not the method: a CANCEL and the ACK of
    // a non-2xx must get the branch of their INVITE).
    std::string loopSeed = request.GetRequestUri() + "\n";
    for (const std::string& route : request.GetAll("Route"))
    {
        loopSeed += route + "\n";
    }
    std::string loopHash = SipTransport::MakeHashToken(loopSeed).substr(0, 8);
    for (const SipVia& via : request.GetVias())
    {
        std::string branch = via.GetBranch().value_or("");
        SipUri host("", via.GetHost(), std::nullopt);
        if (IsLocal(host) && via.GetPort().value_or(5060) == m_port && branch.size() > 9 &&
            branch.compare(branch.size() - 9, 9, "." + loopHash) == 0)
        {
            AnswerProxied(request, info, 482, "loop");
            return;
        }
    }

    SipMessage forwarded = request;
    RouteKind kind = ROUTED;
    SipParseError error;
    std::vector<SipNameAddr> routes = request.GetNameAddrs("Route", &error);
    if (error.IsError())
    {
        AnswerProxied(request, info, 400, "bad-route");
        return;
    }
    bool originating = false;
    // RFC 3261 16.4: pop the top Route when it names this proxy.
    if (!routes.empty() && IsLocal(routes.front().GetUri()))
    {
        originating = routes.front().GetUri().GetUser() == "orig";
        forwarded.RemoveFirstValue("Route");
        routes.erase(routes.begin());
    }
    Ipv6Address next;
    uint16_t nextPort = 5060;
    if (!routes.empty())
    {
        if (!UriTarget(routes.front().GetUri(), &next, &nextPort))
        {
            AnswerProxied(request, info, 404, "route-not-an-address");
            return;
        }
        kind = originating ? ORIGINATING : ROUTED;
    }
    else
    {
        std::optional<SipUri> target = request.GetParsedRequestUri();
        if (!target || !target->IsSip())
        {
            AnswerProxied(request, info, 416, "unsupported-uri-scheme");
            return;
        }
        if (IsLocal(*target))
        {
            // Addressed to the S-CSCF itself.
            AnswerProxied(request,
                          info,
                          request.IsMethod("OPTIONS") ? 200 : 404,
                          "addressed-to-proxy");
            return;
        }
        if (SipText::EqualsIgnoreCase(target->GetHost(), m_homeDomain))
        {
            std::string impu = CanonicalImpu(*target);
            std::string impi;
            auto peer = m_peers.find(impu);
            if (peer != m_peers.end())
            {
                next = peer->second.address;
                nextPort = peer->second.port;
                kind = originating ? ORIGINATING : ROUTED;
            }
            else if (m_hss->GetPrivateIdentity(impu, impi))
            {
                // Terminating: the registered contact, through the P-CSCF in its Path
                // (RFC 3327 section 5.3).
                const ScscfRegistrar::Binding* b = m_registrar.Find(impi);
                if (!b)
                {
                    AnswerProxied(request, info, 480, "not-registered");
                    return;
                }
                forwarded.SetRequestLine(request.GetMethod(), b->contact);
                const std::string& path = m_registrar.GetPath(*b);
                SipUri contact;
                bool ok = false;
                if (!path.empty())
                {
                    forwarded.InsertHeaderAtTop("Route", path);
                    std::vector<SipNameAddr> hops2 = forwarded.GetNameAddrs("Route");
                    ok = !hops2.empty() && UriTarget(hops2.front().GetUri(), &next, &nextPort);
                }
                else
                {
                    ok = SipUri::Parse(b->contact, &contact, nullptr) &&
                         UriTarget(contact, &next, &nextPort);
                }
                if (!ok)
                {
                    AnswerProxied(request, info, 480, "contact-not-reachable");
                    return;
                }
                if (request.IsMethod("INVITE"))
                {
                    forwarded.SetHeader("P-Called-Party-ID", "<" + impu + ">");
                }
                kind = TERMINATING;
            }
            else if (!(m_remoteAddress == Ipv6Address::GetAny()))
            {
                next = m_remoteAddress;
                nextPort = m_remotePort;
                kind = originating ? ORIGINATING : ROUTED;
            }
            else
            {
                AnswerProxied(request, info, 404, "unknown-user");
                return;
            }
        }
        else if (!UriTarget(*target, &next, &nextPort))
        {
            AnswerProxied(request, info, 404, "unknown-domain");
            return;
        }
    }

    // RFC 3261 16.6: Record-Route for a dialog-creating INVITE, Max-Forwards, Via.
    if (request.IsMethod("INVITE") && to && !to->GetTag())
    {
        forwarded.InsertHeaderAtTop("Record-Route", m_recordRoute);
    }
    forwarded.SetMaxForwards(hops - 1);
    std::string branch =
        SipTransactionManager::MakeStatelessBranch(request, m_proxyId) + "." + loopHash;
    forwarded.InsertVia(SipVia("UDP", SipText::Ipv6Text(m_address), m_port, branch));
    SipTarget target = SipTarget::Clear(Ipv6Address::GetAny(), m_port, next, nextPort);
    if (!m_transactions->SendStateless(forwarded, target))
    {
        m_proxyDrops++;
        m_proxyAnswerTrace(request, 0, "send-failed");
        return;
    }
    m_forwarded[kind]++;
    m_forwardTrace(forwarded, target, kind);
}

void
Scscf::ForwardResponse(const SipMessage& response, const SipPacketInfo& info)
{
    NS_LOG_FUNCTION(this << response.GetStatusCode() << info);
    std::optional<SipVia> top = response.GetTopVia();
    SipUri host("", top ? top->GetHost() : "", std::nullopt);
    if (!top || !IsLocal(host) || top->GetPort().value_or(5060) != m_port)
    {
        NS_LOG_INFO("response " << response.GetStatusCode() << " not for this proxy: dropped");
        m_proxyDrops++;
        return;
    }
    SipMessage forwarded = response;
    forwarded.RemoveFirstValue("Via");
    std::optional<SipVia> next = forwarded.GetTopVia();
    Ipv6Address address;
    uint16_t port = 0;
    if (!next || !SipTransport::GetResponseDestination(*next, &address, &port))
    {
        m_proxyDrops++;
        return;
    }
    if (!m_transactions->SendStateless(
            forwarded,
            SipTarget::Clear(Ipv6Address::GetAny(), m_port, address, port)))
    {
        m_proxyDrops++;
        return;
    }
    m_forwardedResponses++;
}

// --- getters -------------------------------------------------------------------------------

const ScscfRegistrar::Binding*
Scscf::GetBinding(const std::string& impu) const
{
    // The IMPI derived as TS 24.229 5.4.1.1 does (scheme removed), confirmed by the HSS's
    // list of its public identities (Hss::GetPrivateIdentity would count a miss as an
    // unknown user).
    SipUri uri;
    if (!m_hss || !SipUri::Parse(impu, &uri, nullptr) || uri.GetUser().empty())
    {
        return nullptr;
    }
    std::string impi = uri.GetUser() + "@" + SipText::ToLower(uri.GetHost());
    std::vector<std::string> publics = m_hss->GetPublicIdentities(impi);
    if (std::find(publics.begin(), publics.end(), CanonicalImpu(uri)) == publics.end())
    {
        return nullptr;
    }
    return m_registrar.Find(impi);
}

std::string
Scscf::GetBindingPath(const ScscfRegistrar::Binding& binding) const
{
    return m_registrar.GetPath(binding);
}

const ScscfRegistrar&
Scscf::GetRegistrar() const
{
    return m_registrar;
}

uint32_t
Scscf::GetRegisteredUserCount() const
{
    return m_registrar.GetSize();
}

uint64_t
Scscf::GetRegistrations(RegistrationKind kind) const
{
    return kind < REGISTRATION_KIND_COUNT ? m_registrations[kind] : 0;
}

uint64_t
Scscf::GetDeregistrations(DeregistrationCause cause) const
{
    return cause < DEREGISTRATION_CAUSE_COUNT ? m_deregistrations[cause] : 0;
}

uint64_t
Scscf::GetRegisterResponses(uint16_t status) const
{
    auto it = m_registerResponses.find(status);
    return it == m_registerResponses.end() ? 0 : it->second;
}

uint64_t
Scscf::Get401Sent() const
{
    return GetRegisterResponses(401);
}

uint64_t
Scscf::Get403Sent() const
{
    return GetRegisterResponses(403);
}

uint64_t
Scscf::Get200Sent() const
{
    return GetRegisterResponses(200);
}

uint64_t
Scscf::GetUnknownUsers() const
{
    return m_unknownUsers;
}

uint64_t
Scscf::GetAuthenticationFailures() const
{
    return m_authenticationFailures;
}

uint64_t
Scscf::GetVectorsConsumed() const
{
    return m_authenticator.GetVectorsConsumed();
}

uint64_t
Scscf::GetResyncs() const
{
    return m_authenticator.GetResyncs();
}

uint64_t
Scscf::GetResyncFailures() const
{
    return m_authenticator.GetResyncFailures();
}

uint64_t
Scscf::GetChallengeTimeouts() const
{
    return m_authenticator.GetTimeouts();
}

uint64_t
Scscf::GetForwardedRequests(RouteKind kind) const
{
    return kind < ROUTE_KIND_COUNT ? m_forwarded[kind] : 0;
}

uint64_t
Scscf::GetForwardedResponses() const
{
    return m_forwardedResponses;
}

uint64_t
Scscf::GetProxyResponses(uint16_t status) const
{
    auto it = m_proxyResponses.find(status);
    return it == m_proxyResponses.end() ? 0 : it->second;
}

uint64_t
Scscf::GetProxyDrops() const
{
    return m_proxyDrops;
}

std::string
Scscf::GetRegistrationKindName(RegistrationKind kind)
{
    switch (kind)
    {
    case INITIAL:
        return "initial";
    case RE_REGISTRATION:
        return "re-registration";
    default:
        return "unknown";
    }
}

std::string
Scscf::GetDeregistrationCauseName(DeregistrationCause cause)
{
    switch (cause)
    {
    case USER:
        return "user";
    case EXPIRED:
        return "expired";
    default:
        return "unknown";
    }
}

std::string
Scscf::GetRouteKindName(RouteKind kind)
{
    switch (kind)
    {
    case ORIGINATING:
        return "originating";
    case TERMINATING:
        return "terminating";
    case ROUTED:
        return "routed";
    default:
        return "unknown";
    }
}

} // namespace ns3
