/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ims-pcscf-test-network.h"

#include "ns3/digest-aka.h"
#include "ns3/ims-sec-agree.h"
#include "ns3/ipsec-helper.h"
#include "ns3/ipsec-sad.h"
#include "ns3/ipv6-static-routing-helper.h"
#include "ns3/ipv6-static-routing.h"
#include "ns3/sec-agree-rules.h"
#include "ns3/simulator.h"
#include "ns3/sip-message-factory.h"

#include <cstdio>

namespace ns3
{
namespace tests
{

const Ipv6Address PcscfTestNetwork::UE1("3fff:100:0:1::10");
const Ipv6Address PcscfTestNetwork::UE1_SAME_64("3fff:100:0:1::20");
const Ipv6Address PcscfTestNetwork::UE2("3fff:100:0:2::10");
const Ipv6Address PcscfTestNetwork::PCSCF_ACCESS("3fff:f00:0:1::2");
const Ipv6Address PcscfTestNetwork::PCSCF_CORE("3fff:f00:0:2::1");
const Ipv6Address PcscfTestNetwork::SCSCF("3fff:f00:0:2::2");

namespace
{

constexpr const char* REALM = "ims.example"; //!< home domain

/**
 * \param value a number
 * \returns 8 lower-case hexadecimal digits
 */
std::string
Hex8(uint32_t value)
{
    char buf[9];
    std::snprintf(buf, sizeof(buf), "%08x", value);
    return buf;
}

/**
 * \param list received messages
 * \param method method or CSeq method
 * \param status 0 for requests
 * \returns the matches
 */
std::vector<PcscfTestReceived>
Select(const std::vector<PcscfTestReceived>& list, const std::string& method, uint16_t status)
{
    std::vector<PcscfTestReceived> out;
    for (const PcscfTestReceived& r : list)
    {
        if (IsSipMessage(r.message, method, status))
        {
            out.push_back(r);
        }
    }
    return out;
}

} // namespace

uint32_t
SpiOf(const WirePacket& wire)
{
    return wire.nextHeader == 50 ? wire.spi : 0;
}

// --- PcscfTestUe ----------------------------------------------------------------------------

PcscfTestUe::PcscfTestUe(Ptr<Node> n, uint32_t i, Ipv6Address a, Ipv6Address p, Ptr<Hss> hss)
    : node(n),
      index(i),
      impi("ue" + std::to_string(i) + "@" + REALM),
      impu("sip:ue" + std::to_string(i) + "@" + REALM),
      address(a),
      pcscf(p),
      usim(hss->GetSimulatedCredentials("ue" + std::to_string(i) + "@" + REALM).k,
           hss->GetSimulatedCredentials("ue" + std::to_string(i) + "@" + REALM).opc)
{
    ipsec = node->GetObject<IpsecStack>();
}

void
PcscfTestUe::Start()
{
    transport = CreateObject<SipTransport>();
    transport->Start(node);
    transport->SetReceiveCallback(MakeCallback(&PcscfTestUe::Receive, this));
}

std::string
PcscfTestUe::NextBranch()
{
    return "z9hG4bKue" + std::to_string(index) + "x" + std::to_string(++m_next);
}

SipMessage
PcscfTestUe::MakeRegister(Offer* offer)
{
    ++m_next;
    offer->portC = static_cast<uint16_t>(10000 + 1000 * index + 2 * m_next);
    offer->portS = static_cast<uint16_t>(offer->portC + 1);
    offer->spiC = 100000 * index + 2 * m_next + 1000;
    offer->spiS = offer->spiC + 1;
    offer->handle = 0;
    if (callId.empty())
    {
        callId = "reg-ue" + std::to_string(index) + "-" + std::to_string(m_next);
    }
    SipVia via("UDP", AddressString(address), 5060, NextBranch());
    via.SetRport(std::nullopt);
    SipUri aor;
    SipUri::Parse(impu, &aor, nullptr);
    SipNameAddr from(aor);
    from.SetTag("ft" + std::to_string(index));
    SipUri registrar;
    SipUri::Parse(std::string("sip:") + REALM, &registrar, nullptr);
    SipMessage r = SipMessageFactory::CreateRequest("REGISTER",
                                                    registrar,
                                                    via,
                                                    from,
                                                    SipNameAddr(aor),
                                                    callId,
                                                    ++cseq);
    SipNameAddr contact(SipUri("ue" + std::to_string(index), AddressString(address), offer->portS));
    contact.SetExpires(expires);
    r.AddContact(contact);
    r.SetExpires(expires);
    SipDigest auth(SipDigest::CREDENTIALS);
    auth.SetUsername(impi);
    auth.SetRealm(REALM);
    auth.SetNonce("");
    auth.SetUri(std::string("sip:") + REALM);
    auth.SetResponse("");
    r.SetDigest("Authorization", auth);
    r.SetSecurityMechanisms("Security-Client", MakeClientList(*offer));
    if (secAgreeTags)
    {
        r.AddOptionTag("Require", "sec-agree");
        r.AddOptionTag("Proxy-Require", "sec-agree");
    }
    r.AddOptionTag("Supported", "path");
    return r;
}

std::vector<SecurityMechanism>
PcscfTestUe::MakeClientList(const Offer& offer) const
{
    std::vector<SecurityMechanism> client{ImsSecAgree::MakeIpsec3gpp("hmac-sha-1-96",
                                                                     offer.spiC,
                                                                     offer.spiS,
                                                                     offer.portC,
                                                                     offer.portS,
                                                                     addrPrefLength,
                                                                     std::nullopt)};
    if (offerMd5)
    {
        client.push_back(ImsSecAgree::MakeIpsec3gpp("hmac-md5-96",
                                                    offer.spiC,
                                                    offer.spiS,
                                                    offer.portC,
                                                    offer.portS,
                                                    addrPrefLength,
                                                    std::nullopt));
    }
    return client;
}

void
PcscfTestUe::SendInitialRegister()
{
    if (!registered)
    {
        callId.clear();
    }
    SipMessage r = MakeRegister(&pending);
    SendClear(r);
}

void
PcscfTestUe::SendReregister()
{
    SipMessage r = MakeRegister(&pending);
    // Through the current SAs, with the Security-Verify of the current registration.
    SipVia via("UDP", AddressString(address), current.portS, NextBranch());
    via.SetRport(std::nullopt);
    r.ReplaceTopVia(via);
    r.SetSecurityMechanisms("Security-Verify", securityServer);
    SendProtected(r);
}

void
PcscfTestUe::SendDeregister()
{
    Offer unused;
    uint32_t savedExpires = expires;
    expires = 0;
    SipMessage r = MakeRegister(&unused);
    expires = savedExpires;
    r.RemoveHeader("Security-Client");
    r.RemoveHeader("Contact");
    r.AddContact(SipNameAddr::MakeWildcard());
    SipVia via("UDP", AddressString(address), current.portS, NextBranch());
    via.SetRport(std::nullopt);
    r.ReplaceTopVia(via);
    r.SetSecurityMechanisms("Security-Verify", securityServer);
    SendProtected(r);
}

SipMessage
PcscfTestUe::MakeRequest(const std::string& method, const std::string& fromIdentity)
{
    SipVia via("UDP", AddressString(address), current.portS, NextBranch());
    via.SetRport(std::nullopt);
    SipUri fromUri;
    SipUri::Parse(fromIdentity, &fromUri, nullptr);
    SipNameAddr from(fromUri);
    from.SetTag("t" + std::to_string(++m_next));
    SipUri remote("remote", REALM, std::nullopt);
    SipMessage r = SipMessageFactory::CreateRequest(method,
                                                    remote,
                                                    via,
                                                    from,
                                                    SipNameAddr(remote),
                                                    "call-ue" + std::to_string(index) + "-" +
                                                        std::to_string(m_next),
                                                    1);
    r.AddHeader("Route", "<sip:[" + AddressString(pcscf) + "]:5063;lr>");
    r.AddContact(
        SipNameAddr(SipUri("ue" + std::to_string(index), AddressString(address), current.portS)));
    return r;
}

bool
PcscfTestUe::SendProtected(const SipMessage& request)
{
    return transport->Send(request, SipTarget::Protected(address, current.portC, pcscf, 5063));
}

bool
PcscfTestUe::SendClear(const SipMessage& message)
{
    return transport->Send(message, SipTarget::Clear(address, 5060, pcscf, 5060));
}

std::vector<PcscfTestReceived>
PcscfTestUe::Received(const std::string& method, uint16_t status) const
{
    return Select(received, method, status);
}

void
PcscfTestUe::Receive(const SipMessage& message, const SipPacketInfo& info)
{
    received.push_back({message, info, Simulator::Now()});
    if (message.IsRequest())
    {
        AnswerRequest(message, info);
        return;
    }
    auto cseq = message.GetCseq();
    if (!autoRegister || !cseq || cseq->GetMethod() != "REGISTER")
    {
        return;
    }
    if (message.GetStatusCode() == 401)
    {
        Answer401(message);
    }
    else if (message.GetStatusCode() == 200)
    {
        Complete(message);
    }
}

void
PcscfTestUe::Answer401(const SipMessage& challenge)
{
    auto www = challenge.GetDigest("WWW-Authenticate");
    securityServer = challenge.GetSecurityMechanisms("Security-Server");
    if (!www || securityServer.empty())
    {
        return;
    }
    AkaRand rand;
    AkaAutn autn;
    std::vector<uint8_t> extra;
    if (!DigestAka::ParseNonce(www->GetNonce().value_or(""), rand, autn, extra))
    {
        return;
    }
    Usim::Result aka = usim.Authenticate(rand, autn);
    if (aka.status != Usim::SUCCESS)
    {
        return;
    }
    // RFC 3329 2.3.1: the highest q among the mechanisms of the server's list it offered.
    std::optional<size_t> chosen =
        SecAgreeRules::ChooseMechanism(securityServer, [this](const SecurityMechanism& m) {
            std::string alg = m.GetAlgorithm().value_or("");
            return alg == "hmac-sha-1-96" || (offerMd5 && alg == "hmac-md5-96");
        });
    if (!chosen)
    {
        return;
    }
    const SecurityMechanism& server = securityServer[*chosen];
    SecurityMechanism mine = ImsSecAgree::MakeIpsec3gpp(server.GetAlgorithm().value_or(""),
                                                        pending.spiC,
                                                        pending.spiS,
                                                        pending.portC,
                                                        pending.portS,
                                                        addrPrefLength,
                                                        std::nullopt);
    IpsecSaSetParameters p;
    std::string error;
    if (!ImsSecAgree::BuildSaSetParameters(mine,
                                           server,
                                           IpsecSaSetParameters::Side::UE,
                                           address,
                                           server.GetAddrPrefLength().value_or(128),
                                           pcscf,
                                           aka.ik,
                                           aka.ck,
                                           Seconds(0),
                                           &p,
                                           &error))
    {
        return;
    }
    pending.handle = ipsec->InstallSaSet(p);
    transport->OpenProtectedPort(pending.portC);
    transport->OpenProtectedPort(pending.portS);

    Offer same = pending;
    SipMessage r = MakeRegister(&same); // next CSeq, same Call-ID; keep the offer's values
    r.SetSecurityMechanisms("Security-Client", MakeClientList(pending));
    r.RemoveHeader("Contact");
    SipNameAddr contact(
        SipUri("ue" + std::to_string(index), AddressString(address), pending.portS));
    contact.SetExpires(expires);
    r.AddContact(contact);
    SipVia via("UDP", AddressString(address), pending.portS, NextBranch());
    via.SetRport(std::nullopt);
    r.ReplaceTopVia(via);
    SipDigest auth(SipDigest::CREDENTIALS);
    auth.SetUsername(impi);
    auth.SetRealm(www->GetRealm().value_or(REALM));
    auth.SetNonce(www->GetNonce().value_or(""));
    auth.SetUri(std::string("sip:") + REALM);
    auth.SetQop("auth");
    auth.SetNonceCount(1);
    auth.SetCnonce("cn" + std::to_string(index));
    auth.SetAlgorithm(DigestAka::ALGORITHM);
    DigestAka::Parameters dp;
    dp.username = impi;
    dp.realm = www->GetRealm().value_or(REALM);
    dp.nonce = www->GetNonce().value_or("");
    dp.method = "REGISTER";
    dp.uri = std::string("sip:") + REALM;
    dp.qop = "auth";
    dp.nc = Hex8(1);
    dp.cnonce = "cn" + std::to_string(index);
    auth.SetResponse(DigestAka::ComputeAkaResponse(dp, aka.res));
    r.SetDigest("Authorization", auth);
    r.SetSecurityMechanisms("Security-Verify", securityServer);
    if (tamper)
    {
        tamper(r);
    }
    transport->Send(r, SipTarget::Protected(address, pending.portC, pcscf, 5063));
}

void
PcscfTestUe::Complete(const SipMessage& ok)
{
    (void)ok;
    registrations++;
    if (pending.handle == 0)
    {
        return; // refresh without new SAs
    }
    if (current.handle)
    {
        ipsec->DeleteSaSet(current.handle);
    }
    current = pending;
    pending = Offer();
    registered = true;
}

void
PcscfTestUe::AnswerRequest(const SipMessage& request, const SipPacketInfo& info)
{
    if (request.IsMethod("ACK"))
    {
        return;
    }
    SipMessage ok =
        SipMessageFactory::CreateResponse(request, 200, "", "uas" + std::to_string(index));
    if (request.IsMethod("INVITE"))
    {
        ok.AddContact(SipNameAddr(
            SipUri("ue" + std::to_string(index), AddressString(address), current.portS)));
    }
    transport->SendResponse(ok, info);
}

// --- PcscfTestScscf -------------------------------------------------------------------------

PcscfTestScscf::PcscfTestScscf(Ptr<Node> n, Ipv6Address a, Ptr<Hss> h)
    : node(n),
      address(a),
      hss(h)
{
}

void
PcscfTestScscf::Start()
{
    transport = CreateObject<SipTransport>();
    transport->Start(node);
    transport->SetReceiveCallback(MakeCallback(&PcscfTestScscf::Receive, this));
}

std::vector<PcscfTestReceived>
PcscfTestScscf::Received(const std::string& method, uint16_t status) const
{
    return Select(received, method, status);
}

void
PcscfTestScscf::Receive(const SipMessage& message, const SipPacketInfo& info)
{
    received.push_back({message, info, Simulator::Now()});
    if (message.IsRequest() && message.IsMethod("REGISTER"))
    {
        if (answerRegister)
        {
            Register(message, info);
        }
    }
    else if (message.IsRequest() && onRequest && onRequest(message, info))
    {
        return;
    }
    else if (message.IsRequest() && !message.IsMethod("ACK"))
    {
        // An originating request: the remote party's 200, sent back by Via.
        transport->SendResponse(SipMessageFactory::CreateResponse(message, 200, "", "remote"),
                                info);
    }
}

void
PcscfTestScscf::Register(const SipMessage& request, const SipPacketInfo& info)
{
    auto auth = request.GetDigest("Authorization");
    std::string impi = auth ? auth->GetUsername().value_or("") : "";
    std::string tag = "scscf" + std::to_string(++m_next);
    if (!hss->HasSubscriber(impi))
    {
        transport->SendResponse(SipMessageFactory::CreateResponse(request, 403, "", tag), info);
        return;
    }
    std::string impu;
    if (auto to = request.GetTo())
    {
        impu = to->GetUri().ToString();
    }
    std::string response = auth->GetResponse().value_or("");
    bool protectedRequest = auth->Get("integrity-protected").value_or("") == "yes";
    auto vector = m_vectors.find(impi);
    bool verified = false;
    if (!response.empty() && vector != m_vectors.end())
    {
        DigestAka::Parameters dp;
        dp.username = impi;
        dp.realm = auth->GetRealm().value_or("");
        dp.nonce = auth->GetNonce().value_or("");
        dp.method = "REGISTER";
        dp.uri = auth->GetUri().value_or("");
        dp.qop = auth->GetQop().value_or("");
        dp.nc = auth->Get("nc").value_or("");
        dp.cnonce = auth->GetCnonce().value_or("");
        if (!DigestAka::VerifyAkaResponse(dp, vector->second.xres, response))
        {
            m_vectors.erase(vector);
            transport->SendResponse(SipMessageFactory::CreateResponse(request, 403, "", tag), info);
            return;
        }
        m_vectors.erase(vector);
        verified = true;
    }
    bool known = bindings.count(impu) > 0;
    bool removal = request.GetExpires() == std::optional<uint32_t>(0);
    // TS 24.229 5.4.1.4: a protected de-registration is not challenged.
    if (!verified && !(protectedRequest && known && (!reauthenticate || removal)))
    {
        AkaVector v;
        hss->GenerateVector(impi, v);
        m_vectors[impi] = v;
        SipMessage challenge = SipMessageFactory::CreateResponse(request, 401, "", tag);
        SipDigest www(SipDigest::CHALLENGE);
        www.SetRealm(REALM);
        www.SetNonce(DigestAka::BuildNonce(v.rand, v.autn));
        www.SetAlgorithm(DigestAka::ALGORITHM);
        www.SetQop("auth");
        www.Set("ik", AkaToHex(v.ik), true);
        www.Set("ck", AkaToHex(v.ck), true);
        challenge.SetDigest("WWW-Authenticate", www);
        if (tamper401)
        {
            tamper401(challenge);
        }
        transport->SendResponse(challenge, info);
        return;
    }
    SipMessage ok = SipMessageFactory::CreateResponse(request, 200, "", tag);
    uint32_t requested = request.GetExpires().value_or(3600);
    std::vector<SipNameAddr> contacts = request.GetContacts();
    if (!contacts.empty() && !contacts.front().IsWildcard() && contacts.front().GetExpires())
    {
        requested = *contacts.front().GetExpires();
    }
    uint32_t granted = std::min(requested, maxExpires);
    if (granted == 0 || contacts.empty() || contacts.front().IsWildcard())
    {
        bindings.erase(impu);
        ok.SetExpires(0);
    }
    else
    {
        Binding b;
        b.contact = contacts.front().GetUri().ToString();
        b.path = request.GetFirst("Path").value_or("");
        b.expires = granted;
        bindings[impu] = b;
        SipNameAddr c(contacts.front().GetUri());
        c.SetExpires(granted);
        ok.AddContact(c);
        ok.AddHeader("Path", b.path);
        ok.AddHeader("Service-Route", "<sip:orig@[" + AddressString(address) + "]:5060;lr>");
        ok.SetExpires(granted);
    }
    transport->SendResponse(ok, info);
}

void
PcscfTestScscf::SendToUe(const std::string& impu, const std::string& method, std::string requestUri)
{
    auto b = bindings.find(impu);
    if (b == bindings.end())
    {
        return;
    }
    if (requestUri.empty())
    {
        requestUri = b->second.contact;
    }
    SipUri ruri;
    SipUri::Parse(requestUri, &ruri, nullptr);
    SipUri remote("remote", REALM, std::nullopt);
    SipNameAddr from(remote);
    from.SetTag("rt" + std::to_string(++m_next));
    SipUri to;
    SipUri::Parse(impu, &to, nullptr);
    SipVia via("UDP", AddressString(address), 5060, "z9hG4bKscscf" + std::to_string(++m_next));
    SipMessage r = SipMessageFactory::CreateRequest(method,
                                                    ruri,
                                                    via,
                                                    from,
                                                    SipNameAddr(to),
                                                    "term-" + std::to_string(m_next),
                                                    1);
    r.AddHeader("Route", b->second.path);
    r.AddContact(SipNameAddr(SipUri("remote", AddressString(address), 5060)));
    SipNameAddr path;
    SipNameAddr::Parse(b->second.path, &path, nullptr);
    std::string host = path.GetUri().GetHostAddress();
    transport->Send(r,
                    SipTarget::Clear(address,
                                     5060,
                                     Ipv6Address(host.c_str()),
                                     path.GetUri().GetPort().value_or(5060)));
}

// --- PcscfTestNetwork -----------------------------------------------------------------------

PcscfTestNetwork::PcscfTestNetwork(const std::function<void(PcscfHelper&)>& configure)
{
    DisableDad();
    NodeContainer all = CreateIpv6Nodes(5);
    ue1Node = all.Get(0);
    ue2Node = all.Get(1);
    gw = all.Get(2);
    pcscfNode = all.Get(3);
    scscfNode = all.Get(4);
    NetDeviceContainer l1 = Connect(ue1Node, gw, MilliSeconds(1));
    NetDeviceContainer l2 = Connect(ue2Node, gw, MilliSeconds(1));
    NetDeviceContainer l3 = Connect(gw, pcscfNode, MilliSeconds(1));
    NetDeviceContainer l4 = Connect(pcscfNode, scscfNode, MilliSeconds(1));

    uint32_t ue1If = AddInterface(ue1Node, l1.Get(0), UE1);
    ue1Node->GetObject<Ipv6>()->AddAddress(ue1If,
                                           Ipv6InterfaceAddress(UE1_SAME_64, Ipv6Prefix(64)));
    uint32_t ue2If = AddInterface(ue2Node, l2.Get(0), UE2);
    uint32_t g1 = AddInterface(gw, l1.Get(1), Ipv6Address("3fff:100:0:1::1"));
    uint32_t g2 = AddInterface(gw, l2.Get(1), Ipv6Address("3fff:100:0:2::1"));
    uint32_t g3 = AddInterface(gw, l3.Get(0), Ipv6Address("3fff:f00:0:1::1"));
    uint32_t pAccess = AddInterface(pcscfNode, l3.Get(1), PCSCF_ACCESS);
    AddInterface(pcscfNode, l4.Get(0), PCSCF_CORE);
    uint32_t sIf = AddInterface(scscfNode, l4.Get(1), SCSCF);
    Ptr<Ipv6> gwIpv6 = gw->GetObject<Ipv6>();
    gwIpv6->SetForwarding(g1, true);
    gwIpv6->SetForwarding(g2, true);
    gwIpv6->SetForwarding(g3, true);
    Ipv6StaticRoutingHelper routing;
    routing.GetStaticRouting(ue1Node->GetObject<Ipv6>())
        ->SetDefaultRoute(Ipv6Address("3fff:100:0:1::1"), ue1If);
    routing.GetStaticRouting(ue2Node->GetObject<Ipv6>())
        ->SetDefaultRoute(Ipv6Address("3fff:100:0:2::1"), ue2If);
    routing.GetStaticRouting(gwIpv6)->SetDefaultRoute(PCSCF_ACCESS, g3);
    routing.GetStaticRouting(pcscfNode->GetObject<Ipv6>())
        ->AddNetworkRouteTo(Ipv6Address("3fff:100::"),
                            Ipv6Prefix(32),
                            Ipv6Address("3fff:f00:0:1::1"),
                            pAccess);
    routing.GetStaticRouting(scscfNode->GetObject<Ipv6>())->SetDefaultRoute(PCSCF_CORE, sIf);

    IpsecHelper ipsecHelper;
    ipsecHelper.Install(NodeContainer(ue1Node, ue2Node));

    hss = CreateObject<Hss>();
    hss->AddSimulatedSubscriber("ue1@ims.example");
    hss->AddSimulatedSubscriber("ue2@ims.example");
    hss->AddPublicIdentity("ue1@ims.example", "sip:ue1@ims.example");
    hss->AddPublicIdentity("ue2@ims.example", "sip:ue2@ims.example");

    PcscfHelper helper(SCSCF);
    if (configure)
    {
        configure(helper);
    }
    ApplicationContainer apps = helper.Install(pcscfNode);
    PcscfHelper::AssignStreams(apps, 7);
    apps.Start(Seconds(0));
    pcscf = PcscfHelper::GetPcscf(pcscfNode);

    ue1 = std::make_unique<PcscfTestUe>(ue1Node, 1, UE1, PCSCF_ACCESS, hss);
    ue2 = std::make_unique<PcscfTestUe>(ue2Node, 2, UE2, PCSCF_ACCESS, hss);
    scscf = std::make_unique<PcscfTestScscf>(scscfNode, SCSCF, hss);
    ue1->Start();
    ue2->Start();
    scscf->Start();

    Tap(l1.Get(0), &ue1Wire, true);
    Tap(l1.Get(1), &ue1Wire, false);
    Tap(l2.Get(0), &ue2Wire, true);
    Tap(l2.Get(1), &ue2Wire, false);
    Tap(l4.Get(0), &coreWire, true);
    Tap(l4.Get(1), &coreWire, false);
}

void
PcscfTestNetwork::SendRawFromUe2(const std::string& bytes, uint16_t port)
{
    SendRawNow(ue2Node, UE2, 40000, PCSCF_ACCESS, port, bytes);
}

void
PcscfTestNetwork::SendRawFromScscf(const std::string& bytes)
{
    SendRawNow(scscfNode, SCSCF, 5061, PCSCF_CORE, 5060, bytes);
}

Ptr<IpsecSa>
PcscfTestNetwork::PcscfSa(uint32_t handle, uint32_t index) const
{
    return pcscf->GetIpsecStack()->GetSaSetSa(handle, index);
}

} // namespace tests
} // namespace ns3
