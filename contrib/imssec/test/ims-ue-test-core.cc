/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ims-ue-test-core.h"

#include "ns3/digest-aka.h"
#include "ns3/ipsec-helper.h"
#include "ns3/ipsec-sad.h"
#include "ns3/log.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/sec-agree-rules.h"
#include "ns3/simulator.h"
#include "ns3/sip-message-factory.h"

#include <algorithm>

namespace ns3
{
namespace tests
{

NS_LOG_COMPONENT_DEFINE("ImssecUeTestCore");

// --- UeTestCore ---------------------------------------------------------------------------

UeTestCore::UeTestCore(Ptr<Node> n, Ipv6Address a, Ptr<Hss> h)
    : node(n),
      address(a),
      hss(h)
{
    ipsec = node->GetObject<IpsecStack>();
}

UeTestCore::~UeTestCore()
{
    if (tm)
    {
        tm->TerminateAll();
    }
    if (transport)
    {
        transport->Stop();
    }
}

void
UeTestCore::Start()
{
    transport = CreateObject<SipTransport>();
    transport->Start(node);
    transport->OpenProtectedPort(5062);
    transport->OpenProtectedPort(5063);
    tm = CreateObject<SipTransactionManager>();
    tm->SetTransport(transport);
    tm->SetRequestHandler(MakeCallback(&UeTestCore::OnRequest, this));
}

void
UeTestCore::OnRequest(const SipMessage& m, const SipPacketInfo& info, uint64_t handle)
{
    received.push_back({Simulator::Now(), m, info});
    if (m.IsMethod("REGISTER"))
    {
        OnRegister(m, info, handle);
    }
    else if (m.IsMethod("INVITE"))
    {
        AnswerInvite(m, handle);
    }
    else if (m.IsMethod("UPDATE") && updateStatus != 0)
    {
        SipMessage r = SipMessageFactory::CreateResponse(m, updateStatus);
        if (updateStatus == 200)
        {
            r.SetHeader("Session-Expires", m.GetFirst("Session-Expires").value_or("600"));
            r.AddContact(SipNameAddr(SipUri("remote", AddressString(address), 5062)));
        }
        tm->SendResponse(handle, r);
    }
    else if (m.IsMethod("CANCEL"))
    {
        tm->SendResponse(handle, SipMessageFactory::CreateResponse(m, 200));
    }
    else if (m.IsMethod("BYE") && byeStatus != 0)
    {
        tm->SendResponse(handle, SipMessageFactory::CreateResponse(m, byeStatus));
    }
}

void
UeTestCore::OnRegister(const SipMessage& m, const SipPacketInfo& info, uint64_t handle)
{
    registers++;
    Decision d = script ? script(m, info, registers) : Decision();
    if (d.answer == SILENT)
    {
        return;
    }
    if (d.answer == REJECT)
    {
        SipMessage r = SipMessageFactory::CreateResponse(m, d.status, "", "core-reject");
        if (d.status == 494)
        {
            r.SetSecurityMechanisms(
                "Security-Server",
                {ImsSecAgree::MakeIpsec3gpp(alg, 1111, 2222, 5062, 5063, std::nullopt, 100)});
        }
        if (d.status == 421)
        {
            r.AddOptionTag("Require", "sec-agree");
        }
        tm->SendResponse(handle, r);
        return;
    }
    if (d.answer == OK)
    {
        Accept(m, handle);
        return;
    }
    if (d.answer != AUTO)
    {
        Challenge(m, info, handle, d.answer, nullptr);
        return;
    }
    auto auth = m.GetDigest("Authorization");
    if (auth && auth->GetAuts())
    {
        AkaAuts auts;
        AkaVector v;
        if (DigestAka::DecodeAuts(*auth->GetAuts(), auts) &&
            hss->Resynchronise(auth->GetUsername().value_or(""), m_lastVector.rand, auts, v) ==
                Hss::RESYNC_OK)
        {
            resyncs++;
            Challenge(m, info, handle, CHALLENGE, &v);
        }
        else
        {
            tm->SendResponse(handle, SipMessageFactory::CreateResponse(m, 403, "", "core"));
        }
        return;
    }
    if (info.isProtected && auth && !auth->GetResponse().value_or("").empty())
    {
        Verify(m, info, handle);
    }
    else if (info.isProtected && !reauthenticate)
    {
        Accept(m, handle);
    }
    else
    {
        Challenge(m, info, handle, CHALLENGE, nullptr);
    }
}

void
UeTestCore::Challenge(const SipMessage& m,
                      const SipPacketInfo& info,
                      uint64_t handle,
                      Answer kind,
                      const AkaVector* resynced)
{
    auto auth = m.GetDigest("Authorization");
    std::string impi = auth ? auth->GetUsername().value_or("") : "";
    SecurityMechanism ue;
    bool found = false;
    for (const SecurityMechanism& c : Mechanisms(m, "Security-Client"))
    {
        if (!found && c.GetAlgorithm() == alg)
        {
            ue = c;
            found = true;
        }
    }
    AkaVector v;
    if (resynced)
    {
        v = *resynced;
    }
    else if (kind == STALE)
    {
        v = m_lastVector;
    }
    else if (!found || !hss->GenerateVector(impi, v))
    {
        SipMessage r = SipMessageFactory::CreateResponse(m, found ? 403 : 494, "", "core");
        tm->SendResponse(handle, r);
        return;
    }
    m_lastVector = v;
    m_lastImpi = impi;
    AkaAutn autn = v.autn;
    if (kind == BAD_AUTN)
    {
        autn[15] ^= 0x01; // last octet of MAC-A
    }
    uint8_t length = ImsSecAgree::ChooseSelectorLength(policy, ue.GetAddrPrefLength(), minLength);
    std::optional<uint8_t> echo;
    if (policy != AddrPrefLengthPolicy::IGNORE)
    {
        echo = length;
    }
    uint32_t spiC = m_nextSpi++;
    uint32_t spiS = m_nextSpi++;
    SecurityMechanism server = ImsSecAgree::MakeIpsec3gpp(alg, spiC, spiS, 5062, 5063, echo, 100);
    IpsecSaSetParameters p;
    std::string error;
    if (ImsSecAgree::BuildSaSetParameters(ue,
                                          server,
                                          IpsecSaSetParameters::Side::PCSCF,
                                          info.remoteAddress,
                                          length,
                                          address,
                                          v.ik,
                                          v.ck,
                                          Seconds(240),
                                          &p,
                                          &error))
    {
        if (pendingSet != 0)
        {
            ipsec->DeleteSaSet(pendingSet);
        }
        pendingSet = ipsec->InstallSaSet(p);
    }
    serverList = {server};
    m_nonce = DigestAka::BuildNonce(v.rand, autn);
    SipMessage r = SipMessageFactory::CreateResponse(m, 401, "", "core-401");
    SipDigest challenge(SipDigest::CHALLENGE);
    challenge.SetScheme("Digest");
    challenge.SetRealm("ims.example");
    challenge.SetNonce(m_nonce);
    challenge.SetAlgorithm("AKAv1-MD5");
    challenge.SetQop("auth");
    r.SetDigest("WWW-Authenticate", challenge);
    r.SetSecurityMechanisms("Security-Server", serverList);
    tm->SendResponse(handle, r);
}

void
UeTestCore::Verify(const SipMessage& m, const SipPacketInfo& info, uint64_t handle)
{
    auto auth = m.GetDigest("Authorization");
    DigestAka::Parameters p;
    p.username = auth->GetUsername().value_or("");
    p.realm = auth->GetRealm().value_or("");
    p.nonce = auth->GetNonce().value_or("");
    p.method = "REGISTER";
    p.uri = auth->GetUri().value_or("");
    p.qop = auth->GetQop().value_or("");
    p.nc = auth->Get("nc").value_or("");
    p.cnonce = auth->GetCnonce().value_or("");
    if (pendingSet == 0 || info.saSetHandle != pendingSet)
    {
        wrongSet++;
        tm->SendResponse(handle, SipMessageFactory::CreateResponse(m, 403, "", "core"));
        return;
    }
    if (!SecAgreeRules::VerifyMatches(serverList, Mechanisms(m, "Security-Verify")))
    {
        badVerify++;
        SipMessage r = SipMessageFactory::CreateResponse(m, 494, "", "core");
        r.SetSecurityMechanisms("Security-Server", serverList);
        tm->SendResponse(handle, r);
        return;
    }
    if (p.nonce != m_nonce ||
        !DigestAka::VerifyAkaResponse(p, m_lastVector.xres, auth->GetResponse().value_or("")))
    {
        badResponses++;
        tm->SendResponse(handle, SipMessageFactory::CreateResponse(m, 403, "", "core"));
        return;
    }
    verified++;
    Accept(m, handle);
}

void
UeTestCore::Accept(const SipMessage& m, uint64_t handle)
{
    uint32_t requested = m.GetExpires().value_or(3600);
    std::vector<SipNameAddr> contacts = m.GetContacts();
    if (!contacts.empty() && contacts.front().GetExpires())
    {
        requested = *contacts.front().GetExpires();
    }
    uint32_t granted = std::min(requested, maxExpires);
    SipMessage r = SipMessageFactory::CreateResponse(m, 200, "", "core-200");
    if (!contacts.empty())
    {
        SipNameAddr c = contacts.front();
        c.SetExpires(granted);
        r.AddContact(c);
        contact = c.GetUri();
    }
    SipNameAddr route(SipUri("orig", AddressString(address), 5060));
    route.GetUri().GetParams().SetFlag("lr");
    r.SetNameAddrs("Service-Route", {route});
    r.SetExpires(granted);
    tm->SendResponse(handle, r);
    if (pendingSet != 0 && m.GetDigest("Authorization") &&
        !m.GetDigest("Authorization")->GetResponse().value_or("").empty())
    {
        if (activeSet != 0)
        {
            ipsec->DeleteSaSet(activeSet);
        }
        activeSet = pendingSet;
        pendingSet = 0;
    }
    if (activeSet != 0)
    {
        ipsec->UpdateSaSetLifetime(activeSet, Seconds(granted + 30));
    }
}

void
UeTestCore::AnswerInvite(const SipMessage& m, uint64_t handle)
{
    if (inviteStatus == 0)
    {
        return;
    }
    std::string tag = "remote-" + std::to_string(m_nextToken++);
    SipNameAddr rr(SipUri("", AddressString(address), 5060));
    rr.GetUri().GetParams().SetFlag("lr");
    SipNameAddr remoteContact(SipUri("remote", AddressString(address), 5062));
    if (inviteStatus >= 300)
    {
        tm->SendResponse(handle, SipMessageFactory::CreateResponse(m, inviteStatus, "", tag));
        return;
    }
    SipMessage ringing = SipMessageFactory::CreateResponse(m, 180, "", tag);
    ringing.SetNameAddrs("Record-Route", {rr});
    ringing.AddContact(remoteContact);
    tm->SendResponse(handle, ringing);
    SipMessage ok = SipMessageFactory::CreateResponse(m, 200, "", tag);
    ok.SetNameAddrs("Record-Route", {rr});
    ok.AddContact(remoteContact);
    ok.SetContentType(SipContentType("application", "sdp"));
    ok.SetBody("v=0\r\no=remote 1 1 IN IP6 " + AddressString(address) + "\r\ns=-\r\nc=IN IP6 " +
               AddressString(address) + "\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\n");
    Ptr<SipTransactionManager> manager = tm;
    Simulator::Schedule(answerDelay,
                        [manager, handle, ok]() { manager->SendResponse(handle, ok); });
}

SipTarget
UeTestCore::ContactTarget() const
{
    return SipTarget::Protected(address,
                                5062,
                                UriAddress(*contact),
                                contact->GetPort().value_or(5060));
}

SipMessage
UeTestCore::MakeRequest(const std::string& method, const SipUri& uri, uint32_t cseq)
{
    SipVia via("UDP", AddressString(address), 5062, "z9hG4bKcore" + std::to_string(m_nextToken++));
    SipNameAddr from(SipUri("remote", "ims.example", std::nullopt));
    from.SetTag(m_fromTag);
    SipNameAddr to(SipUri("ue1", "ims.example", std::nullopt));
    if (!m_toTag.empty())
    {
        to.SetTag(m_toTag);
    }
    SipMessage r = SipMessageFactory::CreateRequest(method, uri, via, from, to, m_callId, cseq);
    SipNameAddr rr(SipUri("", AddressString(address), 5060));
    rr.GetUri().GetParams().SetFlag("lr");
    if (method == "INVITE")
    {
        r.SetNameAddrs("Record-Route", {rr});
    }
    r.AddContact(SipNameAddr(SipUri("remote", AddressString(address), 5062)));
    return r;
}

bool
UeTestCore::SendInvite(uint32_t sessionExpires)
{
    if (!contact)
    {
        return false;
    }
    m_callId = "term-" + std::to_string(m_nextToken++) + "@core";
    m_fromTag = "core-" + std::to_string(m_nextToken++);
    m_toTag.clear();
    m_ueTarget.reset();
    m_cseq = 1;
    SipMessage invite = MakeRequest("INVITE", *contact, m_cseq);
    if (sessionExpires != 0)
    {
        invite.SetHeader("Session-Expires", std::to_string(sessionExpires) + ";refresher=uac");
    }
    invite.SetContentType(SipContentType("application", "sdp"));
    invite.SetBody("v=0\r\no=remote 1 1 IN IP6 " + AddressString(address) + "\r\ns=-\r\n");
    SipTransactionManager::ClientCallbacks cb;
    cb.onResponse = MakeCallback(&UeTestCore::OnResponse, this);
    m_invite = invite;
    return tm->SendRequest(invite, ContactTarget(), cb) != 0;
}

bool
UeTestCore::SendCancel()
{
    if (!m_invite.IsMethod("INVITE"))
    {
        return false;
    }
    SipMessage cancel = SipMessage::MakeRequest("CANCEL", m_invite.GetRequestUri());
    cancel.InsertVia(*m_invite.GetTopVia());
    cancel.SetMaxForwards(70);
    cancel.SetFrom(*m_invite.GetFrom());
    cancel.SetTo(*m_invite.GetTo());
    cancel.SetCallId(*m_invite.GetCallId());
    cancel.SetCseq(SipCseq(1, "CANCEL"));
    SipTransactionManager::ClientCallbacks cb;
    cb.onResponse = MakeCallback(&UeTestCore::OnResponse, this);
    return tm->SendRequest(cancel, ContactTarget(), cb) != 0;
}

bool
UeTestCore::SendClearInvite()
{
    if (!contact)
    {
        return false;
    }
    m_callId = "clear-" + std::to_string(m_nextToken++) + "@core";
    m_fromTag = "core-clear";
    m_toTag.clear();
    SipMessage invite = MakeRequest("INVITE", *contact, 1);
    invite.ReplaceTopVia(SipVia("UDP", AddressString(address), 5060, "z9hG4bKclear"));
    SipTransactionManager::ClientCallbacks cb;
    cb.onResponse = MakeCallback(&UeTestCore::OnResponse, this);
    return tm->SendRequest(invite,
                           SipTarget::Clear(address, 5060, UriAddress(*contact), 5060),
                           cb) != 0;
}

bool
UeTestCore::SendStrayResponse()
{
    if (!contact)
    {
        return false;
    }
    m_callId = "stray@core";
    m_fromTag = "ue-tag";
    SipMessage request = MakeRequest("OPTIONS", *contact, 9);
    SipVia via("UDP", AddressString(UriAddress(*contact)), contact->GetPort(), "z9hG4bKnone");
    request.ReplaceTopVia(via);
    SipMessage response = SipMessageFactory::CreateResponse(request, 200, "", "x");
    SipTarget t = ContactTarget();
    return transport->Send(response, t);
}

void
UeTestCore::OnResponse(const SipMessage& m, const SipPacketInfo& info)
{
    received.push_back({Simulator::Now(), m, info});
    auto cseq = m.GetCseq();
    if (cseq && cseq->GetMethod() == "INVITE" && m.GetStatusCode() >= 200 &&
        m.GetStatusCode() < 300)
    {
        m_toTag = m.GetTo()->GetTag().value_or("");
        std::vector<SipNameAddr> c = m.GetContacts();
        if (!c.empty())
        {
            m_ueTarget = c.front().GetUri();
        }
        SipMessage ack = MakeRequest("ACK", m_ueTarget.value_or(*contact), 1);
        tm->SendStateless(ack, ContactTarget());
    }
}

bool
UeTestCore::SendInDialog(const std::string& method, uint32_t cseq)
{
    if (!m_ueTarget || m_toTag.empty())
    {
        return false;
    }
    SipMessage r = MakeRequest(method, *m_ueTarget, cseq != 0 ? cseq : ++m_cseq);
    if (method == "UPDATE")
    {
        r.SetHeader("Session-Expires", "120;refresher=uac");
    }
    SipTransactionManager::ClientCallbacks cb;
    cb.onResponse = MakeCallback(&UeTestCore::OnResponse, this);
    return tm->SendRequest(r, ContactTarget(), cb) != 0;
}

bool
UeTestCore::SendUnknownDialogRequest(const std::string& method, bool withToTag)
{
    if (!contact)
    {
        return false;
    }
    m_callId = "no-such-call@core";
    m_fromTag = "nobody";
    m_toTag = withToTag ? "unknown-tag" : "";
    SipMessage r = MakeRequest(method, *contact, 7);
    SipTransactionManager::ClientCallbacks cb;
    cb.onResponse = MakeCallback(&UeTestCore::OnResponse, this);
    bool sent = tm->SendRequest(r, ContactTarget(), cb) != 0;
    m_toTag.clear();
    return sent;
}

bool
UeTestCore::SendRawProtected(const std::string& bytes)
{
    if (!contact)
    {
        return false;
    }
    SipTarget t = ContactTarget();
    return ipsec->Send(Create<Packet>(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()),
                       t.localAddress,
                       t.localPort,
                       t.remoteAddress,
                       t.remotePort);
}

std::vector<UeTestCore::Received>
UeTestCore::GetRequests(const std::string& method) const
{
    std::vector<Received> out;
    for (const Received& r : received)
    {
        if (r.message.IsMethod(method))
        {
            out.push_back(r);
        }
    }
    return out;
}

std::vector<UeTestCore::Received>
UeTestCore::GetResponses(const std::string& method) const
{
    std::vector<Received> out;
    for (const Received& r : received)
    {
        auto cseq = r.message.GetCseq();
        if (r.message.IsResponse() && cseq && cseq->GetMethod() == method)
        {
            out.push_back(r);
        }
    }
    return out;
}

// --- UeTestNetwork -----------------------------------------------------------------------

UeTestNetwork::UeTestNetwork(const std::function<void(ImsAccessHelper&)>& configureAccess,
                             const std::function<void(ImsUeHelper&)>& configureUe)
{
    ue = CreateObject<Node>();
    ggsn = CreateObject<Node>();
    coreNode = CreateObject<Node>();
    if (configureAccess)
    {
        configureAccess(access);
    }
    access.Install(ggsn, NodeContainer(ue));
    coreAddress = access.AttachCoreNode(coreNode);
    IpsecHelper().Install(coreNode);
    hss = CreateObject<Hss>();
    ImsUeHelper helper(coreAddress);
    helper.SetHss(hss);
    if (configureUe)
    {
        configureUe(helper);
    }
    client = helper.Install(ue);
    tam = ue->GetObject<TemporaryAddressManager>();
    ueIpsec = ue->GetObject<IpsecStack>();
    access.AssignStreams(NodeContainer(ue), 100);
    helper.AssignStreams(NodeContainer(ue), 200);
    hss->AssignStreams(300);
    access.ActivatePdpContext(ue, Seconds(1));
    core = std::make_unique<UeTestCore>(coreNode, coreAddress, hss);
    core->Start();

    Ptr<NetDevice> device = ue->GetDevice(1);
    Tap(device, &wire, true);
    Tap(device, &wire, false, "PhyRxEnd");
    RecordGenerated(tam, &generated);
    ue->GetObject<IpsecSad>()->TraceConnectWithoutContext(
        "SaCount",
        MakeCallback(+[](std::vector<uint32_t>* v, uint32_t, uint32_t now) {
            v->push_back(now);
        }).Bind(&sadSizes));
}

UeTestNetwork::~UeTestNetwork()
{
    core.reset();
    Simulator::Destroy();
}

uint32_t
UeTestNetwork::UeSaSets() const
{
    return ueIpsec->GetSaSetCount();
}

} // namespace tests
} // namespace ns3
