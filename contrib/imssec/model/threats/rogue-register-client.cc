/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "rogue-register-client.h"

#include "ns3/abort.h"
#include "ns3/digest-aka.h"
#include "ns3/enum.h"
#include "ns3/ims-sec-agree.h"
#include "ns3/ipsec-stack.h"
#include "ns3/ipv6-address.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/security-mechanism.h"
#include "ns3/simulator.h"
#include "ns3/sip-message.h"
#include "ns3/sip-packet-info.h"
#include "ns3/sip-parser.h"
#include "ns3/sip-target.h"
#include "ns3/sip-text.h"
#include "ns3/sip-transport.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"
#include "ns3/usim.h"

#include <openssl/rand.h>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecRogueRegisterClient");

NS_OBJECT_ENSURE_REGISTERED(RogueRegisterClient);

namespace
{

/** \returns a random token of 16 hexadecimal digits */
std::string
Token()
{
    uint8_t b[8];
    RAND_bytes(b, sizeof(b));
    static const char* hex = "0123456789abcdef";
    std::string s;
    for (uint8_t x : b)
    {
        s += hex[x >> 4];
        s += hex[x & 15];
    }
    return s;
}

} // namespace

TypeId
RogueRegisterClient::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::RogueRegisterClient")
            .SetParent<Application>()
            .SetGroupName("Imssec")
            .AddConstructor<RogueRegisterClient>()
            .AddAttribute(
                "Mode",
                "hijack (no key), wrong-res (real key, wrong RES) or right-res "
                "(control); default hijack",
                EnumValue(HIJACK),
                MakeEnumAccessor(&RogueRegisterClient::m_mode),
                MakeEnumChecker(HIJACK, "hijack", WRONG_RES, "wrong-res", RIGHT_RES, "right-res"))
            .AddAttribute("PcscfAddress",
                          "The P-CSCF's address (default ::)",
                          Ipv6AddressValue(Ipv6Address::GetAny()),
                          MakeIpv6AddressAccessor(&RogueRegisterClient::m_pcscf),
                          MakeIpv6AddressChecker())
            .AddAttribute("Impi",
                          "Private identity claimed (default ue1@ims.example)",
                          StringValue("ue1@ims.example"),
                          MakeStringAccessor(&RogueRegisterClient::m_impi),
                          MakeStringChecker())
            .AddAttribute("Impu",
                          "Public identity claimed (default sip:ue1@ims.example)",
                          StringValue("sip:ue1@ims.example"),
                          MakeStringAccessor(&RogueRegisterClient::m_impu),
                          MakeStringChecker())
            .AddAttribute("HomeDomain",
                          "Home domain and realm (default ims.example)",
                          StringValue("ims.example"),
                          MakeStringAccessor(&RogueRegisterClient::m_domain),
                          MakeStringChecker())
            .AddAttribute("Attempts",
                          "Registration attempts made (default 1)",
                          UintegerValue(1),
                          MakeUintegerAccessor(&RogueRegisterClient::m_attemptsMax),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("Interval",
                          "Time between the end of an attempt and the next (default 5 s)",
                          TimeValue(Seconds(5)),
                          MakeTimeAccessor(&RogueRegisterClient::m_interval),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("ResponseTimeout",
                          "An attempt without a final answer ends after this (default 10 s)",
                          TimeValue(Seconds(10)),
                          MakeTimeAccessor(&RogueRegisterClient::m_timeout),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("ProtectedClientPort",
                          "port-c offered (default 47000)",
                          UintegerValue(47000),
                          MakeUintegerAccessor(&RogueRegisterClient::m_portC),
                          MakeUintegerChecker<uint16_t>(1024))
            .AddAttribute("ProtectedServerPort",
                          "port-s offered (default 47001)",
                          UintegerValue(47001),
                          MakeUintegerAccessor(&RogueRegisterClient::m_portS),
                          MakeUintegerChecker<uint16_t>(1024))
            .AddTraceSource("Attempt",
                            "An attempt ended (outcome, final status code or 0)",
                            MakeTraceSourceAccessor(&RogueRegisterClient::m_attemptTrace),
                            "ns3::RogueRegisterClient::AttemptTracedCallback");
    return tid;
}

RogueRegisterClient::RogueRegisterClient()
    : m_mode(HIJACK),
      m_pcscf(Ipv6Address::GetAny()),
      m_attemptsMax(1),
      m_interval(Seconds(5)),
      m_timeout(Seconds(10)),
      m_portC(47000),
      m_portS(47001),
      m_handle(0),
      m_inAttempt(false),
      m_attempts(0),
      m_registered(0),
      m_timeouts(0)
{
    NS_LOG_FUNCTION(this);
}

RogueRegisterClient::~RogueRegisterClient()
{
    NS_LOG_FUNCTION(this);
}

void
RogueRegisterClient::SetAkaCredentials(const AkaCredentials& credentials)
{
    NS_LOG_FUNCTION(this);
    m_credentials = credentials;
}

uint64_t
RogueRegisterClient::GetAttempts() const
{
    return m_attempts;
}

uint64_t
RogueRegisterClient::GetRegistered() const
{
    return m_registered;
}

uint64_t
RogueRegisterClient::GetResponses(uint16_t status) const
{
    auto it = m_status.find(status);
    return it == m_status.end() ? 0 : it->second;
}

uint64_t
RogueRegisterClient::GetTimeouts() const
{
    return m_timeouts;
}

Ipv6Address
RogueRegisterClient::GetAddress() const
{
    return m_address;
}

void
RogueRegisterClient::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_timeoutEvent.Cancel();
    m_nextEvent.Cancel();
    if (m_transport)
    {
        m_transport->Dispose();
        m_transport = nullptr;
    }
    Application::DoDispose();
}

void
RogueRegisterClient::StartApplication()
{
    NS_LOG_FUNCTION(this);
    Ptr<Ipv6L3Protocol> ipv6 = GetNode()->GetObject<Ipv6L3Protocol>();
    NS_ABORT_MSG_IF(!ipv6 || ipv6->GetNInterfaces() < 2, "RogueRegisterClient needs IPv6");
    uint32_t last = ipv6->GetNInterfaces() - 1;
    for (uint32_t i = 0; i < ipv6->GetNAddresses(last); ++i)
    {
        if (!ipv6->GetAddress(last, i).GetAddress().IsLinkLocal())
        {
            m_address = ipv6->GetAddress(last, i).GetAddress();
            break;
        }
    }
    m_transport = CreateObject<SipTransport>();
    m_transport->SetReceiveCallback(MakeCallback(&RogueRegisterClient::Receive, this));
    if (!m_transport->Start(GetNode()) || !m_transport->OpenProtectedPort(m_portC) ||
        !m_transport->OpenProtectedPort(m_portS))
    {
        NS_LOG_WARN("cannot open the SIP ports");
        return;
    }
    StartAttempt();
}

void
RogueRegisterClient::StopApplication()
{
    NS_LOG_FUNCTION(this);
    m_timeoutEvent.Cancel();
    m_nextEvent.Cancel();
    if (m_transport)
    {
        m_transport->Stop();
    }
}

SipMessage
RogueRegisterClient::BuildRegister(uint32_t cseq,
                                   const std::string& authorization,
                                   const std::string& verify) const
{
    std::string host = "[" + SipText::Ipv6Text(m_address) + "]";
    bool isProtected = !verify.empty();
    uint16_t port = isProtected ? m_portC : 5060;
    std::string user = m_impi.substr(0, m_impi.find('@'));
    std::ostringstream t;
    t << "REGISTER sip:" << m_domain << " SIP/2.0\r\n"
      << "Via: SIP/2.0/UDP " << host << ":" << port << ";branch=z9hG4bK" << Token() << ";rport\r\n"
      << "Max-Forwards: 70\r\n"
      << "From: <" << m_impu << ">;tag=" << Token() << "\r\n"
      << "To: <" << m_impu << ">\r\n"
      << "Call-ID: " << m_callId << "\r\n"
      << "CSeq: " << cseq << " REGISTER\r\n"
      << "Contact: <sip:" << user << "@" << host << ":" << m_portS << ">;expires=600000\r\n"
      << "Expires: 600000\r\n"
      << "Authorization: " << authorization << "\r\n"
      << "Security-Client: ipsec-3gpp;alg=hmac-sha-1-96;ealg=null;prot=esp;mod=trans;spi-c="
      << 70000 + 2 * m_attempts << ";spi-s=" << 70001 + 2 * m_attempts << ";port-c=" << m_portC
      << ";port-s=" << m_portS << "\r\n";
    if (isProtected)
    {
        t << "Security-Verify: " << verify << "\r\n";
    }
    t << "Require: sec-agree\r\nProxy-Require: sec-agree\r\nSupported: path\r\n"
      << "Content-Length: 0\r\n\r\n";
    SipParseResult parsed = SipParser::Parse(t.str());
    NS_ABORT_MSG_IF(!parsed.IsOk(), "RogueRegisterClient built an unparseable REGISTER");
    return parsed.GetMessage();
}

void
RogueRegisterClient::StartAttempt()
{
    NS_LOG_FUNCTION(this);
    if (m_attempts >= m_attemptsMax || !m_transport)
    {
        return;
    }
    ++m_attempts;
    m_inAttempt = true;
    m_callId = Token() + "@rogue";
    std::string auth = "Digest username=\"" + m_impi + "\", realm=\"" + m_domain +
                       "\", nonce=\"\", uri=\"sip:" + m_domain + "\", response=\"\"";
    m_transport->Send(BuildRegister(1, auth, ""), SipTarget::Clear(m_address, 5060, m_pcscf, 5060));
    m_timeoutEvent = Simulator::Schedule(m_timeout, &RogueRegisterClient::Timeout, this);
}

void
RogueRegisterClient::Receive(const SipMessage& message, const SipPacketInfo& info)
{
    NS_LOG_FUNCTION(this << info);
    if (!m_inAttempt || !message.IsResponse() || message.GetCallId().value_or("") != m_callId ||
        message.GetStatusCode() < 200)
    {
        return;
    }
    std::optional<SipCseq> cseq = message.GetCseq();
    if (message.GetStatusCode() == 401 && cseq && cseq->GetSequence() == 1)
    {
        OnChallenge(message);
        return;
    }
    End(message.GetStatusCode() < 300 ? REGISTERED : REJECTED, message.GetStatusCode());
}

void
RogueRegisterClient::OnChallenge(const SipMessage& response)
{
    NS_LOG_FUNCTION(this);
    std::optional<SipDigest> challenge = response.GetDigest("WWW-Authenticate");
    std::vector<SecurityMechanism> server = response.GetSecurityMechanisms("Security-Server");
    AkaRand rand;
    AkaAutn autn;
    std::vector<uint8_t> serverData;
    if (!challenge || !challenge->GetNonce() || server.empty() ||
        !DigestAka::ParseNonce(*challenge->GetNonce(), rand, autn, serverData))
    {
        End(REJECTED, 401);
        return;
    }
    AkaRes res{};
    IpsecIntegrity::AkaKey ik{};
    IpsecIntegrity::AkaKey ck{};
    if (m_mode != HIJACK && m_credentials)
    {
        Usim usim(m_credentials->k, m_credentials->opc);
        Usim::Result r = usim.Authenticate(rand, autn);
        res = r.res;
        ik = r.ik;
        ck = r.ck;
        if (m_mode == WRONG_RES)
        {
            res[0] ^= 0x01;
        }
    }
    else
    {
        RAND_bytes(res.data(), res.size());
        RAND_bytes(ik.data(), ik.size());
        RAND_bytes(ck.data(), ck.size());
    }
    // Own SA set from the offer and the Security-Server, as a UE derives it.
    SipMessage offer = BuildRegister(1, "Digest x", "");
    SecurityMechanism ue = offer.GetSecurityMechanisms("Security-Client").front();
    Ptr<IpsecStack> ipsec = GetNode()->GetObject<IpsecStack>();
    IpsecSaSetParameters p;
    std::string error;
    if (!ipsec || !ImsSecAgree::BuildSaSetParameters(ue,
                                                     server.front(),
                                                     IpsecSaSetParameters::Side::UE,
                                                     m_address,
                                                     128,
                                                     m_pcscf,
                                                     ik,
                                                     ck,
                                                     Seconds(240),
                                                     &p,
                                                     &error))
    {
        NS_LOG_WARN("no SA set: " << error);
        End(REJECTED, 401);
        return;
    }
    if (m_handle)
    {
        ipsec->DeleteSaSet(m_handle);
    }
    m_handle = ipsec->InstallSaSet(p);
    DigestAka::Parameters d;
    d.username = m_impi;
    d.realm = challenge->GetRealm().value_or(m_domain);
    d.nonce = *challenge->GetNonce();
    d.method = "REGISTER";
    d.uri = "sip:" + m_domain;
    d.qop = "auth";
    d.nc = "00000001";
    d.cnonce = Token();
    std::string auth =
        "Digest username=\"" + d.username + "\", realm=\"" + d.realm + "\", nonce=\"" + d.nonce +
        "\", uri=\"" + d.uri + "\", response=\"" + DigestAka::ComputeAkaResponse(d, res) +
        "\", algorithm=AKAv1-MD5, qop=auth, nc=00000001, cnonce=\"" + d.cnonce + "\"";
    std::string verify;
    for (const SecurityMechanism& m : server)
    {
        verify += (verify.empty() ? "" : ", ") + m.ToString();
    }
    m_transport->Send(BuildRegister(2, auth, verify),
                      SipTarget::Protected(m_address, m_portC, m_pcscf, p.pcscfPortS));
}

void
RogueRegisterClient::End(Outcome outcome, uint16_t status)
{
    NS_LOG_FUNCTION(this << +outcome << status);
    m_inAttempt = false;
    m_timeoutEvent.Cancel();
    if (outcome == REGISTERED)
    {
        ++m_registered;
    }
    else if (outcome == TIMEOUT)
    {
        ++m_timeouts;
    }
    if (status != 0)
    {
        ++m_status[status];
    }
    NS_LOG_INFO(m_impi << " attempt " << m_attempts << " ended: " << +outcome << " " << status);
    m_attemptTrace(outcome, status);
    if (m_attempts < m_attemptsMax)
    {
        m_nextEvent = Simulator::Schedule(m_interval, &RogueRegisterClient::StartAttempt, this);
    }
}

void
RogueRegisterClient::Timeout()
{
    NS_LOG_FUNCTION(this);
    End(TIMEOUT, 0);
}

} // namespace ns3
