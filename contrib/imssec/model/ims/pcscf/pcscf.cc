/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "pcscf.h"

#include "pcscf-proxy-rules.h"

#include "ns3/abort.h"
#include "ns3/aka-types.h"
#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/ipsec-sad.h"
#include "ns3/ipsec-stack.h"
#include "ns3/ipv6-address.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-route.h"
#include "ns3/ipv6-routing-protocol.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/random-variable-stream.h"
#include "ns3/simulator.h"
#include "ns3/sip-message-factory.h"
#include "ns3/sip-text.h"
#include "ns3/sip-transaction-manager.h"
#include "ns3/sip-transport.h"
#include "ns3/socket.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecPcscf");

NS_OBJECT_ENSURE_REGISTERED(Pcscf);

namespace
{

/**
 * \param address an address
 * \param port a port
 * \returns "[address]:port"
 */
std::string
HostPort(const Ipv6Address& address, uint16_t port)
{
    return "[" + SipText::Ipv6Text(address) + "]:" + std::to_string(port);
}

/// Via parameter of the P-CSCF's Via on a request that arrived through an SA: the UE's
/// port-c, where the response goes back through the SA (TS 33.203 7.1: port_ps -> port_uc).
constexpr const char* SA_PORT_PARAM = "sa-uc";

} // namespace

TypeId
Pcscf::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::Pcscf")
            .SetParent<Application>()
            .SetGroupName("Imssec")
            .AddConstructor<Pcscf>()
            .AddAttribute("ScscfAddress",
                          "Address of the S-CSCF: REGISTER and requests from UEs go there "
                          "(required; default ::)",
                          Ipv6AddressValue(Ipv6Address::GetAny()),
                          MakeIpv6AddressAccessor(&Pcscf::m_scscfAddress),
                          MakeIpv6AddressChecker())
            .AddAttribute("ScscfPort",
                          "SIP port of the S-CSCF (default 5060)",
                          UintegerValue(5060),
                          MakeUintegerAccessor(&Pcscf::m_scscfPort),
                          MakeUintegerChecker<uint16_t>(1))
            .AddAttribute("LocalAddress",
                          "Address of the P-CSCF in Via, Path and Record-Route and toward the "
                          "S-CSCF (default :: = the source address of the route toward the "
                          "S-CSCF)",
                          Ipv6AddressValue(Ipv6Address::GetAny()),
                          MakeIpv6AddressAccessor(&Pcscf::m_localAddress),
                          MakeIpv6AddressChecker())
            .AddAttribute("ProtectedClientPort",
                          "Protected client port (port-c of Security-Server, requests to UEs "
                          "leave from it; default 5062)",
                          UintegerValue(5062),
                          MakeUintegerAccessor(&Pcscf::m_portC),
                          MakeUintegerChecker<uint16_t>(1))
            .AddAttribute("ProtectedServerPort",
                          "Protected server port (port-s of Security-Server, UEs send their "
                          "requests to it; default 5063)",
                          UintegerValue(5063),
                          MakeUintegerAccessor(&Pcscf::m_portS),
                          MakeUintegerChecker<uint16_t>(1))
            .AddAttribute("AddrPrefLengthPolicy",
                          "What the P-CSCF does with the UE's addr-pref-length: honour (the "
                          "UE's length, 128 when absent), clamp (never shorter than "
                          "MinAddrPrefLength), ignore (always 128, never echoed); default "
                          "honour",
                          EnumValue(static_cast<int>(AddrPrefLengthPolicy::HONOUR)),
                          MakeEnumAccessor(&Pcscf::SetPolicy, &Pcscf::GetPolicy),
                          MakeEnumChecker(static_cast<int>(AddrPrefLengthPolicy::HONOUR),
                                          "honour",
                                          static_cast<int>(AddrPrefLengthPolicy::CLAMP),
                                          "clamp",
                                          static_cast<int>(AddrPrefLengthPolicy::IGNORE),
                                          "ignore"))
            .AddAttribute("MinAddrPrefLength",
                          "Shortest selector prefix length the clamp policy grants, bits "
                          "(0..128; default 64)",
                          UintegerValue(64),
                          MakeUintegerAccessor(&Pcscf::m_minAddrPrefLength),
                          MakeUintegerChecker<uint8_t>(0, 128))
            .AddAttribute("AllocatedPrefixLength",
                          "Prefix length the GGSN allocates to each UE, bits (TS 23.060 9.2.1.1: "
                          "a /64; ImsNetworkHelper sets the GGSN's); no policy binds SAs to a "
                          "shorter prefix (1..128; default 64)",
                          UintegerValue(64),
                          MakeUintegerAccessor(&Pcscf::m_allocatedPrefixLength),
                          MakeUintegerChecker<uint8_t>(1, 128))
            .AddAttribute("WiderThanAllocation",
                          "An addr-pref-length shorter than AllocatedPrefixLength: clamp (bind "
                          "and echo the allocated length) or refuse (494 with Security-Server); "
                          "default clamp",
                          EnumValue(0),
                          MakeEnumAccessor(&Pcscf::m_widerThanAllocation),
                          MakeEnumChecker(0, "clamp", 1, "refuse"))
            .AddAttribute("IntegrityAlgorithms",
                          "Integrity algorithms supported, in order of preference, "
                          "comma-separated (default \"hmac-sha-1-96,hmac-md5-96\")",
                          StringValue("hmac-sha-1-96,hmac-md5-96"),
                          MakeStringAccessor(&Pcscf::m_algorithms),
                          MakeStringChecker())
            .AddAttribute("OfferSuites",
                          "Add the IPsec suite number (suite=1: hmac-md5-96, ealg null) beside "
                          "alg/ealg in Security-Server (default false)",
                          BooleanValue(false),
                          MakeBooleanAccessor(&Pcscf::m_offerSuites),
                          MakeBooleanChecker())
            .AddAttribute("RegAwaitAuth",
                          "Lifetime of the SA set installed on a 401, until the protected "
                          "REGISTER and its 200 OK (TS 24.229 reg-await-auth; default 240 s)",
                          TimeValue(Seconds(240)),
                          MakeTimeAccessor(&Pcscf::m_regAwaitAuth),
                          MakeTimeChecker(Seconds(1)))
            .AddAttribute("SaLifetimeMargin",
                          "A confirmed SA set lives this long beyond the granted registration "
                          "expiry (TS 24.229: + 30 s; default 30 s)",
                          TimeValue(Seconds(30)),
                          MakeTimeAccessor(&Pcscf::m_saLifetimeMargin),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("OfferTimeout",
                          "A remembered Security-Client whose 401 never came is forgotten "
                          "after this (default 32 s = 64*T1)",
                          TimeValue(Seconds(32)),
                          MakeTimeAccessor(&Pcscf::m_offerTimeout),
                          MakeTimeChecker(Seconds(1)))
            .AddAttribute("VerifyEveryProtectedRequest",
                          "Require Security-Verify in every protected request (RFC 3329), not "
                          "only in REGISTER (later TS 24.229 releases); a Security-Verify "
                          "present is always checked (default false)",
                          BooleanValue(false),
                          MakeBooleanAccessor(&Pcscf::m_verifyEveryProtectedRequest),
                          MakeBooleanChecker())
            .AddAttribute("AssertIdentity",
                          "Replace P-Preferred-Identity by P-Asserted-Identity with the "
                          "registered public identity in protected requests (TS 24.229 "
                          "5.2.6.3.3; default true)",
                          BooleanValue(true),
                          MakeBooleanAccessor(&Pcscf::m_assertIdentity),
                          MakeBooleanChecker())
            .AddAttribute("NoSaStatusCode",
                          "Status code answering a request toward a UE that no SA covers "
                          "(default 480 Temporarily Unavailable)",
                          UintegerValue(480),
                          MakeUintegerAccessor(&Pcscf::m_noSaStatusCode),
                          MakeUintegerChecker<uint16_t>(400, 699))
            .AddAttribute("CheckSecurityClient",
                          "Answer 494 when the Security-Client of a protected REGISTER through "
                          "a pending SA set does not name the mechanism the set was built from "
                          "(TS 33.203 7.2, bidding down; default true)",
                          BooleanValue(true),
                          MakeBooleanAccessor(&Pcscf::m_checkSecurityClient),
                          MakeBooleanChecker())
            .AddAttribute("ProcessingRate",
                          "SIP messages the P-CSCF processes per second; messages wait in a "
                          "FIFO queue for their service time 1/rate (0 = infinite, no queue; "
                          "default 0)",
                          DoubleValue(0),
                          MakeDoubleAccessor(&Pcscf::m_processingRate),
                          MakeDoubleChecker<double>(0))
            .AddAttribute("QueueLimit",
                          "Messages the processing queue holds; more are dropped (messages; "
                          "used when ProcessingRate > 0; default 1000)",
                          UintegerValue(1000),
                          MakeUintegerAccessor(&Pcscf::m_queueLimit),
                          MakeUintegerChecker<uint32_t>(1))
            .AddTraceSource("SaSetCreated",
                            "An SA set was installed on a 401 (IMPI, handle, parameters)",
                            MakeTraceSourceAccessor(&Pcscf::m_saSetCreatedTrace),
                            "ns3::Pcscf::SaSetCreatedTracedCallback")
            .AddTraceSource("SaSetDeleted",
                            "An SA set was deleted or expired (IMPI, handle, reason)",
                            MakeTraceSourceAccessor(&Pcscf::m_saSetDeletedTrace),
                            "ns3::Pcscf::SaSetDeletedTracedCallback")
            .AddTraceSource("Reject",
                            "The P-CSCF answered a request itself (request, info, status, "
                            "cause)",
                            MakeTraceSourceAccessor(&Pcscf::m_rejectTrace),
                            "ns3::Pcscf::RejectTracedCallback")
            .AddTraceSource("Drop",
                            "A message was dropped without answer (message, info, cause)",
                            MakeTraceSourceAccessor(&Pcscf::m_dropTrace),
                            "ns3::Pcscf::DropTracedCallback")
            .AddTraceSource("Registered",
                            "A 200 OK to REGISTER confirmed or refreshed a registration (IMPI, "
                            "SA set handle, granted expiry)",
                            MakeTraceSourceAccessor(&Pcscf::m_registeredTrace),
                            "ns3::Pcscf::RegisteredTracedCallback")
            .AddTraceSource("RegistrationRemoved",
                            "A registration was forgotten (IMPI)",
                            MakeTraceSourceAccessor(&Pcscf::m_removedTrace),
                            "ns3::Pcscf::RegistrationRemovedTracedCallback")
            .AddTraceSource("MessageSent",
                            "A SIP message was sent (the transport's trace)",
                            MakeTraceSourceAccessor(&Pcscf::m_sentTrace),
                            "ns3::Pcscf::MessageTracedCallback")
            .AddTraceSource("MessageReceived",
                            "A valid SIP message was received (the transport's trace)",
                            MakeTraceSourceAccessor(&Pcscf::m_receivedTrace),
                            "ns3::Pcscf::MessageTracedCallback")
            .AddTraceSource("SadSize",
                            "Live SAs in the node's SAD (IpsecSad::SaCount)",
                            MakeTraceSourceAccessor(&Pcscf::m_sadSizeTrace),
                            "ns3::Pcscf::SadSizeTracedCallback")
            .AddTraceSource("QueueDrop",
                            "A SIP message was dropped because the processing queue was full",
                            MakeTraceSourceAccessor(&Pcscf::m_queueDropTrace),
                            "ns3::Pcscf::MessageTracedCallback");
    return tid;
}

Pcscf::Pcscf()
    : m_scscfAddress(Ipv6Address::GetAny()),
      m_scscfPort(5060),
      m_localAddress(Ipv6Address::GetAny()),
      m_portC(5062),
      m_portS(5063),
      m_policy(AddrPrefLengthPolicy::HONOUR),
      m_minAddrPrefLength(64),
      m_allocatedPrefixLength(64),
      m_widerThanAllocation(0),
      m_regAwaitAuth(Seconds(240)),
      m_saLifetimeMargin(Seconds(30)),
      m_offerTimeout(Seconds(32)),
      m_verifyEveryProtectedRequest(false),
      m_assertIdentity(true),
      m_noSaStatusCode(480),
      m_checkSecurityClient(true),
      m_offerSuites(false),
      m_processingRate(0),
      m_queueLimit(1000),
      m_running(false),
      m_tracesConnected(false),
      m_serving(false),
      m_queueDrops(0),
      m_queueProcessed(0),
      m_queueMax(0)
{
    NS_LOG_FUNCTION(this);
    m_transport = CreateObject<SipTransport>();
    m_manager = CreateObject<SipTransactionManager>();
    m_manager->SetTransport(m_transport);
    m_spiRandom = CreateObject<UniformRandomVariable>();
}

Pcscf::~Pcscf()
{
    NS_LOG_FUNCTION(this);
}

int64_t
Pcscf::AssignStreams(int64_t stream)
{
    NS_LOG_FUNCTION(this << stream);
    m_spiRandom->SetStream(stream);
    return 1;
}

void
Pcscf::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_sweepEvent.Cancel();
    m_serveEvent.Cancel();
    m_queue.clear();
    // The node's IPsec layer may outlive the application (its SAD fires on disposal).
    DisconnectTraces();
    m_running = false;
    m_table.Clear();
    if (m_manager)
    {
        m_manager->TerminateAll();
        m_manager->Dispose();
    }
    if (m_transport)
    {
        m_transport->Dispose();
    }
    m_manager = nullptr;
    m_transport = nullptr;
    m_ipsec = nullptr;
    m_spiRandom = nullptr;
    Application::DoDispose();
}

void
Pcscf::SetPolicy(int policy)
{
    m_policy = static_cast<AddrPrefLengthPolicy>(policy);
}

int
Pcscf::GetPolicy() const
{
    return static_cast<int>(m_policy);
}

void
Pcscf::ConfigureServer()
{
    PcscfSecAgreeServer::Config c;
    NS_ABORT_MSG_IF(!PcscfSecAgreeServer::ParseAlgorithmList(m_algorithms, &c.algorithms),
                    "Pcscf: IntegrityAlgorithms '" << m_algorithms
                                                   << "' is not a list of known algorithms");
    NS_ABORT_MSG_IF(m_portC == m_portS || m_portC == m_transport->GetPort() ||
                        m_portS == m_transport->GetPort(),
                    "Pcscf: the protected ports and the clear port must differ");
    c.portC = m_portC;
    c.portS = m_portS;
    c.policy = m_policy;
    c.minAddrPrefLength = m_minAddrPrefLength;
    c.allocatedPrefixLength = m_allocatedPrefixLength;
    c.widerThanAllocation =
        static_cast<PcscfSecAgreeServer::WiderThanAllocation>(m_widerThanAllocation);
    c.offerSuites = m_offerSuites;
    m_server.SetConfig(c);
    m_secAgreePolicy.requireSecAgree = true;
    m_secAgreePolicy.imsRegistration = true;
    m_secAgreePolicy.verifyEveryProtectedRequest = m_verifyEveryProtectedRequest;
}

void
Pcscf::StartApplication()
{
    NS_LOG_FUNCTION(this);
    Ptr<Node> node = GetNode();
    NS_ABORT_MSG_IF(m_scscfAddress.IsAny(), "Pcscf: attribute ScscfAddress is not set");
    m_ipsec = node->GetObject<IpsecStack>();
    NS_ABORT_MSG_IF(!m_ipsec, "Pcscf: the node has no IpsecStack (IpsecHelper::Install)");
    ConfigureServer();

    Ptr<Ipv6L3Protocol> ipv6 = node->GetObject<Ipv6L3Protocol>();
    NS_ABORT_MSG_IF(!ipv6, "Pcscf: the node has no IPv6 stack");
    m_ownAddresses.clear();
    for (uint32_t i = 0; i < ipv6->GetNInterfaces(); ++i)
    {
        for (uint32_t j = 0; j < ipv6->GetNAddresses(i); ++j)
        {
            Ipv6Address a = ipv6->GetAddress(i, j).GetAddress();
            if (!a.IsLinkLocal() && !a.IsLocalhost() && !a.IsAny())
            {
                m_ownAddresses.push_back(a);
            }
        }
    }
    m_coreAddress = m_localAddress;
    if (m_coreAddress.IsAny() && ipv6->GetRoutingProtocol())
    {
        Ipv6Header header;
        header.SetDestination(m_scscfAddress);
        Socket::SocketErrno error;
        Ptr<Ipv6Route> route =
            ipv6->GetRoutingProtocol()->RouteOutput(Create<Packet>(), header, nullptr, error);
        if (route)
        {
            m_coreAddress = route->GetSource();
        }
    }
    NS_ABORT_MSG_IF(m_coreAddress.IsAny() ||
                        std::find(m_ownAddresses.begin(), m_ownAddresses.end(), m_coreAddress) ==
                            m_ownAddresses.end(),
                    "Pcscf: no address of the node toward the S-CSCF (set LocalAddress)");

    NS_ABORT_MSG_IF(!m_transport->Start(node), "Pcscf: SIP port already in use");
    NS_ABORT_MSG_IF(!m_transport->OpenProtectedPort(m_portC) ||
                        !m_transport->OpenProtectedPort(m_portS),
                    "Pcscf: cannot open the protected ports");
    // A stateless proxy: every request passes up without a server transaction, every
    // response is "stray" (the P-CSCF starts no client transaction).
    m_manager->SetStatelessFilter(
        MakeCallback(+[](const SipMessage&, const SipPacketInfo&) -> bool { return true; }));
    m_manager->SetRequestHandler(MakeCallback(&Pcscf::ReceiveRequest, this));
    m_manager->SetStrayResponseHandler(MakeCallback(&Pcscf::ReceiveResponse, this));
    m_transport->TraceConnectWithoutContext("MessageSent",
                                            MakeCallback(&Pcscf::TransportSent, this));
    m_transport->TraceConnectWithoutContext("MessageReceived",
                                            MakeCallback(&Pcscf::TransportReceived, this));
    m_ipsec->TraceConnectWithoutContext("SaSetExpired", MakeCallback(&Pcscf::SaSetExpired, this));
    m_ipsec->GetSad()->TraceConnectWithoutContext("SaCount",
                                                  MakeCallback(&Pcscf::SadSizeChanged, this));
    m_tracesConnected = true;
    m_running = true;
    NS_LOG_INFO("P-CSCF started at " << m_coreAddress << ", S-CSCF " << m_scscfAddress << ", "
                                     << ImsSecAgree::GetPolicyName(m_policy));
}

void
Pcscf::StopApplication()
{
    NS_LOG_FUNCTION(this);
    if (!m_running)
    {
        return;
    }
    m_running = false;
    m_sweepEvent.Cancel();
    m_serveEvent.Cancel();
    m_queue.clear();
    std::vector<std::string> impis;
    m_table.ForEach([&impis](PcscfRegistration& r) { impis.push_back(r.impi); });
    for (const std::string& impi : impis)
    {
        PcscfRegistration* r = m_table.Find(impi);
        if (!r)
        {
            continue;
        }
        if (r->pendingSet)
        {
            DeleteSaSet(*r, r->pendingSet, PcscfSaSetEnd::STOPPED);
        }
        if (r->currentSet)
        {
            DeleteSaSet(*r, r->currentSet, PcscfSaSetEnd::STOPPED);
        }
        m_table.Remove(*r);
        m_removedTrace(impi);
    }
    m_table.Clear(); // the queue of offers too
    DisconnectTraces();
    m_manager->TerminateAll();
    m_transport->Stop();
}

void
Pcscf::DisconnectTraces()
{
    if (!m_tracesConnected)
    {
        return;
    }
    m_tracesConnected = false;
    m_ipsec->TraceDisconnectWithoutContext("SaSetExpired",
                                           MakeCallback(&Pcscf::SaSetExpired, this));
    m_ipsec->GetSad()->TraceDisconnectWithoutContext("SaCount",
                                                     MakeCallback(&Pcscf::SadSizeChanged, this));
    m_transport->TraceDisconnectWithoutContext("MessageSent",
                                               MakeCallback(&Pcscf::TransportSent, this));
    m_transport->TraceDisconnectWithoutContext("MessageReceived",
                                               MakeCallback(&Pcscf::TransportReceived, this));
}

// --- dispatch -----------------------------------------------------------------------------

void
Pcscf::ReceiveRequest(const SipMessage& request, const SipPacketInfo& info, uint64_t handle)
{
    NS_LOG_FUNCTION(this << request.GetMethod() << info << handle);
    if (Enqueue(request, info, handle, true))
    {
        return;
    }
    if (info.localPort == m_portS)
    {
        if (!info.isProtected)
        {
            // Before any SA exists no policy covers the port, so the transport lets clear
            // datagrams through: the P-CSCF accepts requests on port-s only through an SA.
            DropMessage(request, info, PcscfDropCause::CLEAR_ON_PROTECTED_PORT);
            return;
        }
        HandleProtectedRequest(request, info);
        return;
    }
    if (info.localPort == m_portC)
    {
        // UEs answer on port-c, they never send requests there (TS 33.203 7.1).
        DropMessage(request, info, PcscfDropCause::REQUEST_ON_CLIENT_PORT);
        return;
    }
    if (info.remoteAddress == m_scscfAddress)
    {
        HandleCoreRequest(request, info);
        return;
    }
    HandleUnprotectedRequest(request, info);
}

void
Pcscf::ReceiveResponse(const SipMessage& response, const SipPacketInfo& info)
{
    NS_LOG_FUNCTION(this << response.GetStatusCode() << info);
    if (Enqueue(response, info, 0, false))
    {
        return;
    }
    bool onProtectedPort = info.localPort == m_portC || info.localPort == m_portS;
    if (onProtectedPort && !info.isProtected)
    {
        DropMessage(response, info, PcscfDropCause::CLEAR_ON_PROTECTED_PORT);
        return;
    }
    if (info.localPort == m_portC)
    {
        HandleUeResponse(response, info);
        return;
    }
    if (info.isProtected)
    {
        // Responses to the P-CSCF's requests come to port-c only.
        DropMessage(response, info, PcscfDropCause::RESPONSE_NOT_OURS);
        return;
    }
    if (info.remoteAddress != m_scscfAddress)
    {
        DropMessage(response, info, PcscfDropCause::RESPONSE_FROM_STRANGER);
        return;
    }
    HandleCoreResponse(response, info);
}

// --- requests from UEs ----------------------------------------------------------------------

void
Pcscf::HandleUnprotectedRequest(const SipMessage& request, const SipPacketInfo& info)
{
    NS_LOG_FUNCTION(this << request.GetMethod() << info);
    std::vector<SecurityMechanism> staticList = m_server.GetStaticServerList();
    std::string reason;
    SecAgreeDecision d =
        SecAgreeRules::Decide(request, false, staticList, m_secAgreePolicy, &reason);
    NS_LOG_LOGIC("sec-agree: " << SecAgreeRules::GetDecisionName(d) << " (" << reason << ")");
    switch (d)
    {
    case SecAgreeDecision::RESPOND_400:
        Reject(request, info, 400, PcscfRejectCause::BAD_SEC_AGREE_HEADER);
        return;
    case SecAgreeDecision::RESPOND_502:
        Reject(request, info, 502, PcscfRejectCause::NOT_FIRST_HOP);
        return;
    case SecAgreeDecision::RESPOND_421:
        Reject(request, info, 421, PcscfRejectCause::EXTENSION_REQUIRED, &staticList, true);
        return;
    case SecAgreeDecision::RESPOND_494:
        Reject(request, info, 494, PcscfRejectCause::SEC_AGREE_REQUIRED, &staticList);
        return;
    case SecAgreeDecision::PROCESS:                     // not reached: sec-agree is required
    case SecAgreeDecision::PROCESS_ADD_SECURITY_SERVER: // below
        break;
    }
    SipMessage forwarded = request;
    if (!CheckHops(request, info, forwarded))
    {
        return; // before any state is kept
    }
    if (d == SecAgreeDecision::PROCESS_ADD_SECURITY_SERVER)
    {
        std::string impi = PcscfProxyRules::GetImpi(request);
        if (impi.empty())
        {
            Reject(request, info, 400, PcscfRejectCause::NO_IDENTITY);
            return;
        }
        auto offer = std::make_unique<PcscfRegistration::Offer>();
        std::string why;
        if (!m_server.ChooseOffer(request.GetSecurityMechanisms("Security-Client"),
                                  offer.get(),
                                  &why))
        {
            NS_LOG_INFO("494 to " << impi << ": " << why);
            Reject(request, info, 494, PcscfRejectCause::SEC_AGREE_REQUIRED, &staticList);
            return;
        }
        offer->callId = request.GetCallId().value_or("");
        offer->cseq = request.GetCseq()->GetSequence(); // Validate() checked CSeq
        offer->ueAddress = info.remoteAddress;
        offer->pcscfAddress = info.localAddress;
        offer->received = Simulator::Now();
        PcscfRegistration& r = m_table.GetOrCreate(impi);
        bool retransmission =
            r.offer && r.offer->callId == offer->callId && r.offer->cseq == offer->cseq;
        if (!retransmission)
        {
            m_table.SetOffer(r, std::move(offer));
            ScheduleSweep();
        }
        NS_LOG_INFO("REGISTER of " << impi << " from " << info.remoteAddress
                                   << (retransmission ? " (retransmission)" : ""));
    }
    if (request.IsMethod("REGISTER"))
    {
        SetIntegrityProtected(forwarded, "no");
        forwarded.InsertHeaderAtTop("Path",
                                    "<sip:term@" + HostPort(m_coreAddress, m_transport->GetPort()) +
                                        ";lr>");
    }
    SecAgreeRules::StripForForwarding(forwarded);
    ForwardToCore(request, info, forwarded);
}

void
Pcscf::HandleProtectedRequest(const SipMessage& request, const SipPacketInfo& info)
{
    NS_LOG_FUNCTION(this << request.GetMethod() << info);
    PcscfRegistration* r = m_table.FindBySaSet(info.saSetHandle);
    if (!r)
    {
        Reject(request, info, 403, PcscfRejectCause::WRONG_SA);
        return;
    }
    std::vector<SecurityMechanism> serverList = GetServerList(info.saSetHandle, *r);
    std::string reason;
    SecAgreeDecision d =
        SecAgreeRules::Decide(request, true, serverList, m_secAgreePolicy, &reason);
    if (d == SecAgreeDecision::RESPOND_400)
    {
        Reject(request, info, 400, PcscfRejectCause::BAD_SEC_AGREE_HEADER);
        return;
    }
    if (d == SecAgreeDecision::RESPOND_494)
    {
        // RFC 3329 2.3.1: a modified list is a bidding-down attack; the 494 carries the
        // server's unmodified list.
        PcscfRejectCause cause = request.HasHeader("Security-Verify")
                                     ? PcscfRejectCause::BIDDING_DOWN
                                     : PcscfRejectCause::SEC_AGREE_REQUIRED;
        NS_LOG_INFO("494 (" << reason << ") to " << r->impi);
        Reject(request, info, 494, cause, &serverList);
        return;
    }
    SipMessage forwarded = request;
    if (request.IsMethod("REGISTER"))
    {
        if (PcscfProxyRules::GetImpi(request) != r->impi)
        {
            // Through the SA of one UE, for the registration of another.
            Reject(request, info, 403, PcscfRejectCause::WRONG_SA);
            return;
        }
        if (info.saSetHandle != r->currentSet && !SecurityClientMatches(request, info.saSetHandle))
        {
            NS_LOG_INFO("494 (Security-Client differs from the set's offer) to " << r->impi);
            Reject(request, info, 494, PcscfRejectCause::BIDDING_DOWN, &serverList);
            return;
        }
        if (!CheckHops(request, info, forwarded))
        {
            return; // before any state is kept
        }
        if (info.saSetHandle == r->currentSet && request.HasHeader("Security-Client"))
        {
            // Re-registration: a new offer, new SAs on the coming 401 (TS 33.203 7.4).
            auto offer = std::make_unique<PcscfRegistration::Offer>();
            std::string why;
            if (!m_server.ChooseOffer(request.GetSecurityMechanisms("Security-Client"),
                                      offer.get(),
                                      &why))
            {
                std::vector<SecurityMechanism> staticList = m_server.GetStaticServerList();
                Reject(request, info, 494, PcscfRejectCause::SEC_AGREE_REQUIRED, &staticList);
                return;
            }
            offer->callId = request.GetCallId().value_or("");
            offer->cseq = request.GetCseq()->GetSequence();
            offer->ueAddress = info.remoteAddress;
            offer->pcscfAddress = info.localAddress;
            offer->received = Simulator::Now();
            if (!(r->offer && r->offer->callId == offer->callId && r->offer->cseq == offer->cseq))
            {
                m_table.SetOffer(*r, std::move(offer));
                ScheduleSweep();
            }
        }
        SetIntegrityProtected(forwarded, "yes");
        forwarded.InsertHeaderAtTop("Path",
                                    "<sip:term@" + HostPort(m_coreAddress, m_transport->GetPort()) +
                                        ";lr>");
    }
    else
    {
        // Only REGISTER may use a set before its registration is confirmed.
        if (info.saSetHandle != r->currentSet)
        {
            Reject(request, info, 403, PcscfRejectCause::WRONG_SA);
            return;
        }
        std::string claimed = PcscfProxyRules::GetClaimedIdentity(request);
        if (claimed.empty() || claimed != r->impu)
        {
            NS_LOG_INFO("403: " << request.GetMethod() << " through the SA of " << r->impi
                                << " claims " << claimed);
            Reject(request, info, 403, PcscfRejectCause::IDENTITY_MISMATCH);
            return;
        }
        if (!CheckHops(request, info, forwarded))
        {
            return;
        }
        if (m_assertIdentity)
        {
            forwarded.RemoveHeader("P-Preferred-Identity");
            forwarded.SetHeader("P-Asserted-Identity", "<" + r->impu + ">");
        }
    }
    SecAgreeRules::StripForForwarding(forwarded);
    ForwardToCore(request, info, forwarded);
}

bool
Pcscf::SecurityClientMatches(const SipMessage& request, uint32_t handle) const
{
    NS_LOG_FUNCTION(this << handle);
    if (!m_checkSecurityClient)
    {
        return true;
    }
    IpsecSaSetParameters p;
    if (!m_ipsec || !m_ipsec->GetSaSetParameters(handle, p))
    {
        return false;
    }
    // The server's choice on the integrity-protected list must be the one it made on the
    // unprotected list: same algorithm, same SPIs and ports of the UE.
    PcscfRegistration::Offer offer;
    if (!m_server.ChooseOffer(request.GetSecurityMechanisms("Security-Client"), &offer, nullptr))
    {
        return false;
    }
    return offer.alg == p.alg && offer.ueSpiC == p.ueSpiC && offer.ueSpiS == p.ueSpiS &&
           offer.uePortC == p.uePortC && offer.uePortS == p.uePortS;
}

bool
Pcscf::Enqueue(const SipMessage& message,
               const SipPacketInfo& info,
               uint64_t handle,
               bool isRequest)
{
    if (m_processingRate <= 0 || m_serving)
    {
        return false; // infinite rate, or the message being served now
    }
    NS_LOG_FUNCTION(this << isRequest << info);
    if (m_queue.size() >= m_queueLimit)
    {
        ++m_queueDrops;
        m_queueDropTrace(message, info);
        return true;
    }
    m_queue.push_back(QueuedMessage{message, info, handle, isRequest, Simulator::Now()});
    m_queueMax = std::max<uint32_t>(m_queueMax, m_queue.size());
    if (!m_serveEvent.IsRunning())
    {
        m_serveEvent =
            Simulator::Schedule(Seconds(1.0 / m_processingRate), &Pcscf::ServeQueue, this);
    }
    return true;
}

void
Pcscf::ServeQueue()
{
    NS_LOG_FUNCTION(this << m_queue.size());
    if (m_queue.empty())
    {
        return;
    }
    QueuedMessage q = std::move(m_queue.front());
    m_queue.pop_front();
    Time delay = Simulator::Now() - q.arrival;
    m_queueDelaySum += delay;
    m_queueDelayMax = std::max(m_queueDelayMax, delay);
    ++m_queueProcessed;
    if (!m_queue.empty())
    {
        m_serveEvent =
            Simulator::Schedule(Seconds(1.0 / m_processingRate), &Pcscf::ServeQueue, this);
    }
    if (!m_running)
    {
        return;
    }
    m_serving = true;
    if (q.isRequest)
    {
        ReceiveRequest(q.message, q.info, q.handle);
    }
    else
    {
        ReceiveResponse(q.message, q.info);
    }
    m_serving = false;
}

uint64_t
Pcscf::GetQueueDrops() const
{
    return m_queueDrops;
}

uint64_t
Pcscf::GetQueueProcessed() const
{
    return m_queueProcessed;
}

uint32_t
Pcscf::GetQueueLength() const
{
    return m_queue.size();
}

uint32_t
Pcscf::GetQueueMaxLength() const
{
    return m_queueMax;
}

Time
Pcscf::GetMeanQueueDelay() const
{
    return m_queueProcessed == 0 ? Time(0) : m_queueDelaySum / int64_t(m_queueProcessed);
}

Time
Pcscf::GetMaxQueueDelay() const
{
    return m_queueDelayMax;
}

bool
Pcscf::CheckHops(const SipMessage& original, const SipPacketInfo& info, SipMessage& forwarded)
{
    bool isAck = original.IsMethod("ACK");
    std::optional<uint8_t> hops = original.GetMaxForwards();
    if (hops && *hops == 0)
    {
        if (isAck)
        {
            DropMessage(original, info, PcscfDropCause::ACK_NOT_FORWARDED);
        }
        else
        {
            Reject(original, info, 483, PcscfRejectCause::TOO_MANY_HOPS);
        }
        return false;
    }
    if (PcscfProxyRules::IsLooped(original, m_ownAddresses))
    {
        if (isAck)
        {
            DropMessage(original, info, PcscfDropCause::ACK_NOT_FORWARDED);
        }
        else
        {
            Reject(original, info, 482, PcscfRejectCause::LOOP_DETECTED);
        }
        return false;
    }
    // RFC 3261 16.6 item 3: decrement, or add 70 when absent.
    forwarded.SetMaxForwards(hops ? static_cast<uint8_t>(*hops - 1) : uint8_t{70});
    return true;
}

void
Pcscf::ForwardToCore(const SipMessage& original, const SipPacketInfo& info, SipMessage& forwarded)
{
    NS_LOG_FUNCTION(this << original.GetMethod());
    PcscfProxyRules::PopOwnRoutes(forwarded, m_ownAddresses);
    Ipv6Address next = m_scscfAddress;
    uint16_t port = m_scscfPort;
    Ipv6Address routeAddress;
    uint16_t routePort = 0;
    bool fromRoute = false;
    if (PcscfProxyRules::GetNextHop(forwarded, &routeAddress, &routePort, &fromRoute) && fromRoute)
    {
        // The Service-Route or the dialog's route set names the next hop.
        next = routeAddress;
        port = routePort;
    }
    uint16_t clearPort = m_transport->GetPort();
    if (PcscfProxyRules::IsDialogCreating(original))
    {
        forwarded.InsertHeaderAtTop("Record-Route",
                                    "<sip:" + HostPort(m_coreAddress, clearPort) + ";lr>");
    }
    forwarded.InsertVia(MakeVia(original,
                                m_coreAddress,
                                clearPort,
                                info.isProtected ? info.remotePort : uint16_t{0}));
    if (!m_manager->SendStateless(forwarded,
                                  SipTarget::Clear(m_coreAddress, clearPort, next, port)))
    {
        DropMessage(original, info, PcscfDropCause::SEND_FAILED);
    }
}

// --- requests from the S-CSCF -----------------------------------------------------------------

void
Pcscf::HandleCoreRequest(const SipMessage& request, const SipPacketInfo& info)
{
    NS_LOG_FUNCTION(this << request.GetMethod() << info);
    SipMessage forwarded = request;
    if (!CheckHops(request, info, forwarded))
    {
        return;
    }
    PcscfProxyRules::PopOwnRoutes(forwarded, m_ownAddresses);
    Ipv6Address ue;
    uint16_t port = 0;
    Ipv6Address source;
    if (!PcscfProxyRules::GetNextHop(forwarded, &ue, &port) ||
        !FindSaSource(ue, port, m_portC, &source))
    {
        if (request.IsMethod("ACK"))
        {
            DropMessage(request, info, PcscfDropCause::ACK_NOT_FORWARDED);
        }
        else
        {
            NS_LOG_INFO("no SA toward " << ue << " port " << port << " for "
                                        << request.GetMethod());
            Reject(request, info, m_noSaStatusCode, PcscfRejectCause::NO_SA_TO_UE);
        }
        return;
    }
    if (PcscfProxyRules::IsDialogCreating(request))
    {
        forwarded.InsertHeaderAtTop("Record-Route",
                                    "<sip:" + HostPort(m_coreAddress, m_transport->GetPort()) +
                                        ";lr>");
    }
    forwarded.InsertVia(MakeVia(request, source, m_portC, 0));
    // TS 33.203 7.1: P-CSCF port_pc -> UE port_us through the SA covering the UE.
    if (!m_manager->SendStateless(forwarded, SipTarget::Protected(source, m_portC, ue, port)))
    {
        DropMessage(request, info, PcscfDropCause::SEND_FAILED);
    }
}

// --- responses ------------------------------------------------------------------------------

bool
Pcscf::FindResponseNextHop(const SipMessage& response,
                           const SipPacketInfo& info,
                           const std::vector<SipVia>& vias,
                           Ipv6Address* next,
                           uint16_t* port)
{
    // RFC 3261 16.7: the top Via must be ours, and the one below it says where to go.
    if (vias.empty() ||
        !PcscfProxyRules::IsOwnAddress(vias.front().GetHostAddress(), m_ownAddresses))
    {
        DropMessage(response, info, PcscfDropCause::RESPONSE_NOT_OURS);
        return false;
    }
    if (vias.size() < 2 || !SipTransport::GetResponseDestination(vias[1], next, port))
    {
        DropMessage(response, info, PcscfDropCause::RESPONSE_UNROUTABLE);
        return false;
    }
    return true;
}

void
Pcscf::HandleCoreResponse(const SipMessage& response, const SipPacketInfo& info)
{
    NS_LOG_FUNCTION(this << response.GetStatusCode() << info);
    std::vector<SipVia> vias = response.GetVias();
    Ipv6Address ue;
    uint16_t port = 0;
    if (!FindResponseNextHop(response, info, vias, &ue, &port))
    {
        return;
    }
    std::optional<uint16_t> uePortC;
    if (std::optional<std::string> p = vias.front().GetParams().Get(SA_PORT_PARAM))
    {
        uint64_t v = 0;
        if (SipText::ParseUint(*p, 65535, &v) && v > 0)
        {
            uePortC = static_cast<uint16_t>(v);
        }
    }
    SipMessage forwarded = response;
    forwarded.RemoveFirstValue("Via");
    RegisterAftermath after;
    std::optional<SipCseq> cseq = response.GetCseq();
    if (cseq && cseq->GetMethod() == "REGISTER")
    {
        ProcessRegisterResponse(forwarded, &after);
    }
    bool sent = false;
    if (uePortC)
    {
        Ipv6Address source;
        if (!FindSaSource(ue, *uePortC, m_portS, &source))
        {
            DropMessage(response, info, PcscfDropCause::RESPONSE_NO_SA);
        }
        else
        {
            // TS 33.203 7.1: P-CSCF port_ps -> UE port_uc.
            sent = m_manager->SendStateless(forwarded,
                                            SipTarget::Protected(source, m_portS, ue, *uePortC));
            if (!sent)
            {
                DropMessage(response, info, PcscfDropCause::SEND_FAILED);
            }
        }
    }
    else
    {
        sent = m_manager->SendStateless(
            forwarded,
            SipTarget::Clear(Ipv6Address::GetAny(), m_transport->GetPort(), ue, port));
        if (!sent)
        {
            DropMessage(response, info, PcscfDropCause::SEND_FAILED);
        }
    }
    // Sets go only after the response went out through the SA it answers (TS 24.229 5.2.2).
    PcscfRegistration* r = after.impi.empty() ? nullptr : m_table.Find(after.impi);
    if (r && after.deregister)
    {
        if (r->pendingSet)
        {
            DeleteSaSet(*r, r->pendingSet, PcscfSaSetEnd::DEREGISTERED);
        }
        if (r->currentSet)
        {
            DeleteSaSet(*r, r->currentSet, PcscfSaSetEnd::DEREGISTERED);
        }
        m_table.ClearOffer(*r);
        RemoveIfEmpty(*r);
    }
    else if (r && after.abandon && r->offer)
    {
        if (r->offer->saSetHandle && r->offer->saSetHandle == r->pendingSet)
        {
            DeleteSaSet(*r, r->pendingSet, PcscfSaSetEnd::AUTH_FAILED);
        }
        m_table.ClearOffer(*r);
        RemoveIfEmpty(*r);
    }
}

void
Pcscf::HandleUeResponse(const SipMessage& response, const SipPacketInfo& info)
{
    NS_LOG_FUNCTION(this << response.GetStatusCode() << info);
    Ipv6Address next;
    uint16_t port = 0;
    if (!FindResponseNextHop(response, info, response.GetVias(), &next, &port))
    {
        return;
    }
    SipMessage forwarded = response;
    forwarded.RemoveFirstValue("Via");
    if (!m_manager->SendStateless(
            forwarded,
            SipTarget::Clear(m_coreAddress, m_transport->GetPort(), next, port)))
    {
        DropMessage(response, info, PcscfDropCause::SEND_FAILED);
    }
}

void
Pcscf::ProcessRegisterResponse(SipMessage& response, RegisterAftermath* after)
{
    uint16_t code = response.GetStatusCode();
    std::optional<SipCseq> cseq = response.GetCseq();
    std::optional<std::string> callId = response.GetCallId();
    PcscfRegistration* r = callId ? m_table.FindByCallId(*callId) : nullptr;
    if (code == 401)
    {
        // IK and CK never leave the core (TS 24.229 5.2.2), whether or not a set follows.
        std::optional<SipDigest> challenge = response.GetDigest("WWW-Authenticate");
        if (!challenge)
        {
            return;
        }
        SipDigest stripped = *challenge;
        stripped.Remove("ik");
        stripped.Remove("ck");
        response.SetDigest("WWW-Authenticate", stripped);
        if (!r || !r->offer || r->offer->cseq != cseq->GetSequence())
        {
            NS_LOG_INFO("401 matching no remembered Security-Client (Call-ID "
                        << callId.value_or("") << ")");
            m_counters.CountSaSetFailure();
            return;
        }
        std::vector<SecurityMechanism> list = InstallPendingSet(*r, *challenge);
        if (!list.empty())
        {
            response.SetSecurityMechanisms("Security-Server", list);
        }
        return;
    }
    if (!r || code < 200 || code == 407)
    {
        return;
    }
    if (code < 300)
    {
        std::optional<uint32_t> granted = PcscfProxyRules::GetGrantedExpiry(response);
        if (!granted || *granted == 0)
        {
            // No binding left (RFC 3261 10.3: the 200 lists every binding).
            after->impi = r->impi;
            after->deregister = true;
            NS_LOG_INFO("de-registration of " << r->impi);
            return;
        }
        Time lifetime = Seconds(*granted) + m_saLifetimeMargin;
        bool confirms = r->pendingSet && r->offer && r->offer->saSetHandle == r->pendingSet &&
                        cseq->GetSequence() > r->offer->cseq;
        if (confirms)
        {
            uint32_t old = r->currentSet;
            r->currentSet = r->pendingSet;
            r->currentEchoed = r->pendingEchoed;
            r->pendingSet = 0;
            r->pendingEchoed = false;
            m_ipsec->UpdateSaSetLifetime(r->currentSet, lifetime);
            if (old)
            {
                // TS 33.203 7.4: the old set goes once the new one is confirmed.
                DeleteSaSet(*r, old, PcscfSaSetEnd::REPLACED);
            }
            m_table.ClearOffer(*r);
        }
        else if (r->currentSet)
        {
            // Re-registration without authentication, or a retransmitted 200.
            m_ipsec->UpdateSaSetLifetime(r->currentSet, lifetime);
            if (r->offer && r->offer->saSetHandle == 0 && r->offer->callId == *callId)
            {
                m_table.ClearOffer(*r);
            }
        }
        else
        {
            return; // a 200 for a registration without a set (not through the P-CSCF's SAs)
        }
        m_table.SetCallId(*r, *callId);
        if (std::optional<SipNameAddr> to = response.GetTo())
        {
            r->impu = PcscfProxyRules::NormaliseIdentity(to->GetUri());
        }
        r->expiry = Simulator::Now() + Seconds(*granted);
        NS_LOG_INFO("registered " << r->impi << " set " << r->currentSet << " for " << *granted
                                  << " s");
        m_registeredTrace(r->impi, r->currentSet, Seconds(*granted));
        return;
    }
    // 3xx-6xx (other than 401/407): the registration attempt failed; the set made for it
    // (if any) is abandoned, the confirmed registration (if any) stays.
    if (r->offer && cseq->GetSequence() >= r->offer->cseq)
    {
        after->impi = r->impi;
        after->abandon = true;
    }
}

std::vector<SecurityMechanism>
Pcscf::InstallPendingSet(PcscfRegistration& r, const SipDigest& challenge)
{
    NS_LOG_FUNCTION(this << r.impi);
    PcscfRegistration::Offer& offer = *r.offer;
    IpsecIntegrity::AkaKey ik{};
    IpsecIntegrity::AkaKey ck{};
    std::optional<std::string> ikText = challenge.Get("ik");
    std::optional<std::string> ckText = challenge.Get("ck");
    if (!ikText || !ckText || !AkaFromHex(*ikText, ik) || !AkaFromHex(*ckText, ck))
    {
        NS_LOG_WARN("401 for " << r.impi << " without usable ik/ck: no SA set");
        m_counters.CountSaSetFailure();
        return {};
    }
    if (offer.saSetHandle && r.pendingSet == offer.saSetHandle &&
        m_ipsec->IsSaSetLive(r.pendingSet))
    {
        // The 401 again for the same REGISTER: the same challenge (same IK) keeps its set and
        // Security-Server; a new challenge (a registrar that re-challenged a retransmission)
        // needs a set with the new keys.
        IpsecSaSetParameters p;
        if (m_ipsec->GetSaSetParameters(r.pendingSet, p) && p.ik == ik && p.ck == ck)
        {
            return GetServerList(r.pendingSet, r);
        }
    }
    uint32_t spiC = 0;
    uint32_t spiS = 0;
    IpsecSaSetParameters p;
    SecurityMechanism server;
    std::string error;
    if (!PcscfSecAgreeServer::ChooseSpis(*m_ipsec->GetSad(), *m_spiRandom, &spiC, &spiS) ||
        !m_server.BuildSaSet(offer, spiC, spiS, ik, ck, m_regAwaitAuth, &p, &server, &error))
    {
        NS_LOG_WARN("no SA set for " << r.impi << ": " << error);
        m_counters.CountSaSetFailure();
        return {};
    }
    uint32_t handle = m_ipsec->InstallSaSet(p);
    if (handle == 0)
    {
        NS_LOG_WARN("IpsecStack refused the SA set of " << r.impi);
        m_counters.CountSaSetFailure();
        return {};
    }
    if (r.pendingSet)
    {
        DeleteSaSet(r, r.pendingSet, PcscfSaSetEnd::SUPERSEDED);
    }
    if (r.currentSet)
    {
        // TS 33.203 7.4: the old set must outlive the authentication of the new one.
        Ptr<IpsecSa> sa = m_ipsec->GetSaSetSa(r.currentSet, 0);
        if (sa && sa->GetExpiryTime() < Simulator::Now() + m_regAwaitAuth &&
            !sa->GetLifetime().IsZero())
        {
            m_ipsec->UpdateSaSetLifetime(r.currentSet, m_regAwaitAuth);
        }
    }
    r.pendingSet = handle;
    r.pendingEchoed = server.GetAddrPrefLength().has_value();
    offer.saSetHandle = handle;
    m_table.BindSaSet(r, handle);
    m_counters.CountSaSetCreated();
    NS_LOG_INFO("SA set " << handle << " for " << r.impi << ": " << p);
    m_saSetCreatedTrace(r.impi, handle, p);
    return m_server.GetServerList(p, r.pendingEchoed); // RFC 3329 2.3.1: the whole list
}

// --- helpers --------------------------------------------------------------------------------

SipVia
Pcscf::MakeVia(const SipMessage& request,
               Ipv6Address address,
               uint16_t port,
               uint16_t uePortC) const
{
    std::string hostPort = HostPort(address, port);
    SipVia via("UDP",
               SipText::Ipv6Text(address),
               port,
               PcscfProxyRules::MakeBranch(request, hostPort));
    if (uePortC)
    {
        via.GetParams().Set(SA_PORT_PARAM, std::to_string(uePortC));
    }
    return via;
}

void
Pcscf::SetIntegrityProtected(SipMessage& request, const std::string& value)
{
    std::optional<SipDigest> auth = request.GetDigest("Authorization");
    if (!auth)
    {
        return;
    }
    // TS 24.229 5.2.2: the P-CSCF tells the S-CSCF whether the REGISTER came protected.
    auth->Set("integrity-protected", value, true);
    request.SetDigest("Authorization", *auth);
}

void
Pcscf::Reject(const SipMessage& request,
              const SipPacketInfo& info,
              uint16_t statusCode,
              PcscfRejectCause cause,
              const std::vector<SecurityMechanism>* securityServer,
              bool requireSecAgree)
{
    NS_LOG_FUNCTION(this << request.GetMethod() << statusCode << cause);
    if (request.IsMethod("ACK"))
    {
        DropMessage(request, info, PcscfDropCause::ACK_NOT_FORWARDED);
        return;
    }
    // A deterministic To tag: the same answer to a retransmission (RFC 3261 8.2.7).
    std::optional<SipVia> via = request.GetTopVia();
    std::string seed = request.GetCallId().value_or("") + "\n" +
                       (via ? via->GetBranch().value_or("") : std::string()) + "\n" +
                       std::to_string(statusCode);
    SipMessage response = SipMessageFactory::CreateResponse(request,
                                                            statusCode,
                                                            "",
                                                            SipTransport::MakeHashToken(seed));
    if (requireSecAgree)
    {
        response.AddOptionTag("Require", "sec-agree");
    }
    if (securityServer && !securityServer->empty())
    {
        SecAgreeRules::AddSecurityServer(response, *securityServer);
    }
    m_counters.CountReject(cause, statusCode);
    m_rejectTrace(request, info, statusCode, cause);
    m_transport->SendResponse(response, info);
}

void
Pcscf::DropMessage(const SipMessage& message, const SipPacketInfo& info, PcscfDropCause cause)
{
    NS_LOG_FUNCTION(this << cause << info);
    NS_LOG_INFO("dropped " << (message.IsRequest() ? message.GetMethod()
                                                   : std::to_string(message.GetStatusCode()))
                           << " from " << info.remoteAddress << ": " << cause);
    m_counters.CountDrop(cause);
    m_dropTrace(message, info, cause);
}

bool
Pcscf::FindSaSource(Ipv6Address destination,
                    uint16_t destinationPort,
                    uint16_t sourcePort,
                    Ipv6Address* source) const
{
    Ptr<IpsecSad> sad = m_ipsec->GetSad();
    for (const Ipv6Address& a : m_ownAddresses)
    {
        Ptr<IpsecSa> sa = sad->LookupOutbound(a, destination, sourcePort, destinationPort, 17);
        if (sa && sa->IsUsable())
        {
            *source = a;
            return true;
        }
    }
    return false;
}

void
Pcscf::DeleteSaSet(PcscfRegistration& r, uint32_t handle, PcscfSaSetEnd why)
{
    NS_LOG_FUNCTION(this << r.impi << handle << why);
    if (handle == 0)
    {
        return;
    }
    if (r.currentSet == handle)
    {
        r.currentSet = 0;
        r.currentEchoed = false;
    }
    if (r.pendingSet == handle)
    {
        r.pendingSet = 0;
        r.pendingEchoed = false;
    }
    m_table.UnbindSaSet(handle);
    m_ipsec->DeleteSaSet(handle);
    m_counters.CountSaSetDeleted(why);
    m_saSetDeletedTrace(r.impi, handle, why);
}

void
Pcscf::RemoveIfEmpty(PcscfRegistration& r)
{
    if (!r.IsEmpty())
    {
        return;
    }
    std::string impi = r.impi;
    m_table.Remove(r);
    NS_LOG_INFO("registration of " << impi << " forgotten");
    m_removedTrace(impi);
}

std::vector<SecurityMechanism>
Pcscf::GetServerList(uint32_t handle, const PcscfRegistration& r) const
{
    IpsecSaSetParameters p;
    if (!m_ipsec->GetSaSetParameters(handle, p))
    {
        return {};
    }
    bool echoed = handle == r.currentSet ? r.currentEchoed : r.pendingEchoed;
    return m_server.GetServerList(p, echoed);
}

void
Pcscf::SaSetExpired(uint32_t handle)
{
    NS_LOG_FUNCTION(this << handle);
    PcscfRegistration* r = m_table.FindBySaSet(handle);
    if (!r)
    {
        return;
    }
    if (r->currentSet == handle)
    {
        r->currentSet = 0;
        r->currentEchoed = false;
    }
    if (r->pendingSet == handle)
    {
        r->pendingSet = 0;
        r->pendingEchoed = false;
    }
    m_table.UnbindSaSet(handle);
    if (r->offer && r->offer->saSetHandle == handle)
    {
        m_table.ClearOffer(*r);
    }
    // The IPsec layer removes the expired SAs after its hold time.
    m_counters.CountSaSetDeleted(PcscfSaSetEnd::EXPIRED);
    NS_LOG_INFO("SA set " << handle << " of " << r->impi << " expired");
    m_saSetDeletedTrace(r->impi, handle, PcscfSaSetEnd::EXPIRED);
    RemoveIfEmpty(*r);
}

void
Pcscf::SadSizeChanged(uint32_t oldValue, uint32_t newValue)
{
    m_sadSizeTrace(oldValue, newValue);
}

void
Pcscf::TransportSent(const SipMessage& message, const SipPacketInfo& info)
{
    m_sentTrace(message, info);
}

void
Pcscf::TransportReceived(const SipMessage& message, const SipPacketInfo& info)
{
    m_receivedTrace(message, info);
}

void
Pcscf::ScheduleSweep()
{
    Time oldest;
    if (m_sweepEvent.IsRunning() || !m_running || !m_table.GetOldestQueuedOffer(&oldest))
    {
        return;
    }
    // When the oldest queued offer times out: one event, whatever the number of offers.
    Time delay = oldest + m_offerTimeout - Simulator::Now();
    m_sweepEvent = Simulator::Schedule(Max(delay, Time(0)), &Pcscf::SweepOffers, this);
}

void
Pcscf::SweepOffers()
{
    NS_LOG_FUNCTION(this);
    Time cutoff = Simulator::Now() - m_offerTimeout;
    for (const std::string& impi : m_table.PopStaleOffers(cutoff))
    {
        PcscfRegistration* r = m_table.Find(impi);
        if (!r || !r->offer || r->offer->received > cutoff || r->offer->saSetHandle != 0)
        {
            continue; // gone, newer, or its set is pending (it expires with the set)
        }
        NS_LOG_INFO("offer of " << impi << " got no 401 within " << m_offerTimeout.As(Time::S));
        m_table.ClearOffer(*r);
        RemoveIfEmpty(*r);
    }
    ScheduleSweep();
}

// --- accessors ------------------------------------------------------------------------------

Ptr<SipTransport>
Pcscf::GetTransport() const
{
    return m_transport;
}

Ptr<SipTransactionManager>
Pcscf::GetTransactionManager() const
{
    return m_manager;
}

Ptr<IpsecStack>
Pcscf::GetIpsecStack() const
{
    return m_ipsec;
}

const PcscfRegistrationTable&
Pcscf::GetRegistrationTable() const
{
    return m_table;
}

const PcscfRegistration*
Pcscf::FindRegistration(const std::string& impi) const
{
    return m_table.Find(impi);
}

const PcscfSecAgreeServer&
Pcscf::GetSecAgreeServer() const
{
    return m_server;
}

Ipv6Address
Pcscf::GetCoreAddress() const
{
    return m_coreAddress;
}

const PcscfCounters&
Pcscf::GetCounters() const
{
    return m_counters;
}

const SipMessageCounters&
Pcscf::GetReceivedCounters() const
{
    return m_transport->GetReceivedCounters();
}

const SipMessageCounters&
Pcscf::GetSentCounters() const
{
    return m_transport->GetSentCounters();
}

uint64_t
Pcscf::GetSaSetsCreated() const
{
    return m_counters.GetSaSetsCreated();
}

uint64_t
Pcscf::GetSaSetsDeleted() const
{
    return m_counters.GetSaSetsDeleted();
}

uint32_t
Pcscf::GetSadSize() const
{
    return m_ipsec ? m_ipsec->GetSad()->GetSize() : 0;
}

uint64_t
Pcscf::GetResponsesSent(uint16_t statusCode) const
{
    return m_counters.GetResponsesSent(statusCode);
}

uint64_t
Pcscf::GetBiddingDownCount() const
{
    return m_counters.GetRejects(PcscfRejectCause::BIDDING_DOWN);
}

uint64_t
Pcscf::GetProtectedRequestsRejected() const
{
    return m_counters.GetRejects(PcscfRejectCause::WRONG_SA) +
           m_counters.GetRejects(PcscfRejectCause::IDENTITY_MISMATCH);
}

uint64_t
Pcscf::GetRequestsToUeWithoutSa() const
{
    return m_counters.GetRejects(PcscfRejectCause::NO_SA_TO_UE);
}

uint64_t
Pcscf::GetMalformedCount() const
{
    return m_transport->GetParseErrorCount();
}

uint64_t
Pcscf::GetGarbageDroppedCount() const
{
    return m_transport->GetParseErrorCount() - m_transport->GetBadRequestAnsweredCount() +
           m_transport->GetDropCount(SipTransport::CLEAR_ON_PROTECTED_PORT) +
           m_counters.GetTotalDrops();
}

uint32_t
Pcscf::GetRegisteredUeCount() const
{
    return static_cast<uint32_t>(m_table.GetRegisteredCount());
}

} // namespace ns3
