/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The S-CSCF against scripted peers: a scripted P-CSCF/UE node (SipTransport +
// SipTransactionManager, a Usim and DigestAka to answer the challenges) and, for sessions,
// the RemoteParty or a scripted far end.  Assertions read the messages on the wire (parsed
// from the packets on the S-CSCF's and the P-CSCF's links) and the S-CSCF's counters.
#include "ims-core-test-network.h"

#include "ns3/boolean.h"
#include "ns3/digest-aka.h"
#include "ns3/double.h"
#include "ns3/hss.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/remote-party-helper.h"
#include "ns3/remote-party.h"
#include "ns3/scscf-authenticator.h"
#include "ns3/scscf-helper.h"
#include "ns3/scscf-registrar.h"
#include "ns3/scscf.h"
#include "ns3/simulator.h"
#include "ns3/sip-dialog.h"
#include "ns3/sip-message-factory.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"
#include "ns3/usim.h"

#include <memory>

using namespace ns3;
using namespace ns3::tests;

namespace
{

const std::string DOMAIN_NAME = "ims.example";                   //!< home domain
const Ipv6Address UE_ADDRESS("3fff:100:0:1:aaaa:bbbb:cccc:1");   //!< the UE behind the P-CSCF
const std::string PATH = "<sip:term@[3fff:f00:0:1::2]:5060;lr>"; //!< the P-CSCF's Path

/** \returns the S-CSCF's Service-Route / Record-Route host part */
std::string
ScscfHostPort()
{
    return "[" + AddressString(ImsCoreTestNetwork::SCSCF) + "]:5060";
}

/**
 * A UE registering through the scripted P-CSCF: builds each REGISTER as the P-CSCF would
 * forward it (its Via above the UE's, Path, integrity-protected), answers 401 challenges
 * with its Usim (RES, or AUTS on a synchronisation failure) and records what came back.
 */
class UeScript
{
  public:
    /**
     * \param peer the scripted P-CSCF
     * \param hss the HSS (for the simulated K and OPc)
     * \param index UE number (ue<index>@ims.example)
     */
    UeScript(ScriptedPeer* peer, Ptr<Hss> hss, uint32_t index)
        : usim(hss->GetSimulatedCredentials(ScscfHelper::GetImpi(index)).k,
               hss->GetSimulatedCredentials(ScscfHelper::GetImpi(index)).opc),
          impi(ScscfHelper::GetImpi(index)),
          impu(ScscfHelper::GetImpu(index)),
          callId("reg-" + std::to_string(index)),
          contact("sip:ue" + std::to_string(index) + "@[" + AddressString(UE_ADDRESS) + "]:10001"),
          m_peer(peer)
    {
    }

    /**
     * \brief Sends a REGISTER.
     * \param integrity the integrity-protected value ("" for none)
     * \param withAuthorization whether to include Authorization at all
     */
    void Register(const std::string& integrity, bool withAuthorization = true)
    {
        SendRegister(integrity, nonce, response, "", withAuthorization);
    }

    /**
     * \brief Sends a REGISTER with explicit Authorization values.
     * \param integrity integrity-protected ("" for none)
     * \param nonceValue nonce
     * \param responseValue response
     * \param auts auts ("" for none)
     * \param withAuthorization include Authorization
     */
    void SendRegister(const std::string& integrity,
                      const std::string& nonceValue,
                      const std::string& responseValue,
                      const std::string& auts,
                      bool withAuthorization = true)
    {
        SipVia ueVia("UDP", AddressString(UE_ADDRESS), 5060, "z9hG4bKue" + std::to_string(++m_n));
        ueVia.SetRport(5060);
        SipNameAddr from;
        SipNameAddr::Parse("<" + impu + ">", &from, nullptr);
        from.SetTag("ft" + std::to_string(m_n));
        SipNameAddr to;
        SipNameAddr::Parse("<" + impu + ">", &to, nullptr);
        SipMessage m = SipMessageFactory::CreateRequest("REGISTER",
                                                        SipUri("", DOMAIN_NAME, std::nullopt),
                                                        ueVia,
                                                        from,
                                                        to,
                                                        callId,
                                                        ++cseq,
                                                        69);
        m.InsertVia(
            SipVia("UDP", AddressString(ImsCoreTestNetwork::PCSCF), 5060, m_peer->NewBranch()));
        m.AddHeader("Contact", "<" + contact + ">;expires=" + std::to_string(expires));
        m.SetExpires(expires);
        if (withAuthorization)
        {
            SipDigest d(SipDigest::CREDENTIALS);
            d.SetScheme("Digest");
            d.SetUsername(impi);
            d.SetRealm(DOMAIN_NAME);
            d.SetNonce(nonceValue);
            d.SetUri("sip:" + DOMAIN_NAME);
            d.SetResponse(responseValue);
            if (!responseValue.empty())
            {
                d.SetAlgorithm(DigestAka::ALGORITHM);
                d.SetQop("auth");
                d.SetNonceCount(1);
                d.SetCnonce("0a4f113b");
            }
            if (!auts.empty())
            {
                d.SetAuts(auts);
            }
            if (!integrity.empty())
            {
                d.Set("integrity-protected", integrity, true);
            }
            m.SetDigest("Authorization", d);
        }
        m.AddHeader("Path", PATH);
        m.AddOptionTag("Supported", "path");
        m_peer->Send(m, ImsCoreTestNetwork::SCSCF, [this](const SipMessage& r) { Response(r); });
    }

    /**
     * \param r a response to a REGISTER
     */
    void Response(const SipMessage& r)
    {
        uint16_t code = r.GetStatusCode();
        if (code < 200)
        {
            return;
        }
        finals.push_back(code);
        if (code == 200)
        {
            last200 = r;
            return;
        }
        std::optional<SipDigest> c = r.GetDigest("WWW-Authenticate");
        if (code != 401 || !c)
        {
            return;
        }
        nonce = c->GetNonce().value_or("");
        AkaRand rand;
        AkaAutn autn;
        std::vector<uint8_t> extra;
        if (!autoAnswer || !DigestAka::ParseNonce(nonce, rand, autn, extra))
        {
            return;
        }
        Usim::Result a = usim.Authenticate(rand, autn);
        authResults.push_back(a);
        if (a.status == Usim::SYNC_FAILURE)
        {
            response = "";
            SendRegister("no",
                         autsWithoutNonce ? "" : nonce,
                         "",
                         DigestAka::EncodeAuts(forgeAuts ? AkaAuts{} : a.auts));
            return;
        }
        if (a.status != Usim::SUCCESS)
        {
            return;
        }
        DigestAka::Parameters p;
        p.username = impi;
        p.realm = DOMAIN_NAME;
        p.nonce = nonce;
        p.method = "REGISTER";
        p.uri = "sip:" + DOMAIN_NAME;
        p.qop = "auth";
        p.nc = "00000001";
        p.cnonce = "0a4f113b";
        AkaRes res = a.res;
        if (wrongResponse)
        {
            res[0] ^= 0x01;
        }
        response = DigestAka::ComputeAkaResponse(p, res);
        Register("yes");
    }

    Usim usim;                             //!< the UE's USIM
    std::string impi;                      //!< private identity
    std::string impu;                      //!< public identity
    std::string callId;                    //!< Call-ID of its registrations
    std::string contact;                   //!< Contact URI
    uint32_t cseq{0};                      //!< last CSeq
    uint32_t expires{600000};              //!< expiry asked for (TS 24.229 UE default)
    bool autoAnswer{true};                 //!< answer 401 challenges
    bool wrongResponse{false};             //!< answer with a wrong RES
    bool forgeAuts{false};                 //!< send a forged AUTS on sync failure
    bool autsWithoutNonce{false};          //!< send AUTS with an empty nonce
    std::string nonce;                     //!< last nonce
    std::string response;                  //!< last response
    std::vector<uint16_t> finals;          //!< final responses received, in order
    std::vector<Usim::Result> authResults; //!< USIM results, in order
    SipMessage last200;                    //!< last 200

  private:
    ScriptedPeer* m_peer; //!< the scripted P-CSCF
    uint32_t m_n{0};      //!< counter for tags and branches
};

/**
 * The common fixture: the core network, an S-CSCF with 3 subscribers and the scripted
 * P-CSCF.
 */
struct ScscfFixture
{
    ImsCoreTestNetwork net;              //!< network (destroys the simulator last)
    ScscfHelper helper;                  //!< helper
    Ptr<Scscf> scscf;                    //!< the S-CSCF
    Ptr<Hss> hss;                        //!< its HSS
    std::unique_ptr<ScriptedPeer> pcscf; //!< scripted P-CSCF

    /**
     * \param configure sets S-CSCF attributes on the helper before installing
     */
    explicit ScscfFixture(std::function<void(ScscfHelper&)> configure = nullptr)
    {
        helper.SetNumberOfSubscribers(3);
        if (configure)
        {
            configure(helper);
        }
        scscf =
            DynamicCast<Scscf>(helper.Install(net.nodes[ImsCoreTestNetwork::SCSCF_LINK]).Get(0));
        scscf->SetStartTime(Seconds(0));
        hss = helper.GetHss();
        pcscf = std::make_unique<ScriptedPeer>(net.nodes[ImsCoreTestNetwork::PCSCF_LINK],
                                               ImsCoreTestNetwork::PCSCF);
    }

    /** \returns the 401/403/200 ... the S-CSCF sent, in order */
    std::vector<WirePacket> RegisterAnswers() const
    {
        std::vector<WirePacket> out;
        for (const WirePacket& w : net.Sip(ImsCoreTestNetwork::SCSCF_LINK, true))
        {
            auto cseq = w.message.GetCseq();
            if (w.message.IsResponse() && cseq && cseq->GetMethod() == "REGISTER")
            {
                out.push_back(w);
            }
        }
        return out;
    }
};

/**
 * \param packets wire packets
 * \returns their status codes
 */
std::vector<uint16_t>
Codes(const std::vector<WirePacket>& packets)
{
    std::vector<uint16_t> out;
    for (const WirePacket& w : packets)
    {
        out.push_back(w.message.GetStatusCode());
    }
    return out;
}

// --- registration -----------------------------------------------------------------------------

/**
 * Initial registration: REGISTER -> 401 (AKA challenge for the P-CSCF) -> REGISTER with the
 * right response -> 200 with Contact;expires, Service-Route, Path, P-Associated-URI.
 */
class ScscfInitialRegistrationTestCase : public TestCase
{
  public:
    ScscfInitialRegistrationTestCase()
        : TestCase("initial registration: 401 with the AKA challenge, then 200 with the binding")
    {
    }

  private:
    void DoRun() override
    {
        ScscfFixture f;
        std::vector<uint32_t> registered;
        f.scscf->TraceConnectWithoutContext(
            "RegisteredUsers",
            MakeCallback(+[](std::vector<uint32_t>* v, uint32_t, uint32_t now) {
                v->push_back(now);
            }).Bind(&registered));
        std::vector<std::string> kinds;
        f.scscf->TraceConnectWithoutContext("RegistrationAccepted",
                                            MakeCallback(+[](std::vector<std::string>* v,
                                                             const std::string& impi,
                                                             const std::string& impu,
                                                             Scscf::RegistrationKind kind,
                                                             uint32_t expires) {
                                                v->push_back(impi + " " + impu + " " +
                                                             Scscf::GetRegistrationKindName(kind) +
                                                             " " + std::to_string(expires));
                                            }).Bind(&kinds));
        UeScript ue(f.pcscf.get(), f.hss, 1);
        Simulator::Schedule(Seconds(1), [&ue]() { ue.Register("no"); });
        Simulator::Stop(Seconds(10));
        Simulator::Run();

        std::vector<WirePacket> answers = f.RegisterAnswers();
        IMS_TEST_REQUIRE_SIZE(answers, 2, "a 401 and a 200 left the S-CSCF");
        NS_TEST_ASSERT_MSG_EQ(answers[0].message.GetStatusCode(), 401, "first the challenge");
        NS_TEST_ASSERT_MSG_EQ(answers[1].message.GetStatusCode(), 200, "then the 200");
        NS_TEST_ASSERT_MSG_EQ(AddressString(answers[0].destination),
                              AddressString(ImsCoreTestNetwork::PCSCF),
                              "to the P-CSCF (top Via)");

        // The challenge, as the P-CSCF receives it.
        const SipMessage& c = answers[0].message;
        std::string raw = c.GetFirst("WWW-Authenticate").value_or("");
        NS_TEST_ASSERT_MSG_EQ(raw.rfind("Digest ", 0), 0u, "Digest scheme: " << raw);
        NS_TEST_ASSERT_MSG_NE(raw.find("algorithm=AKAv1-MD5"), std::string::npos, raw);
        NS_TEST_ASSERT_MSG_NE(raw.find("qop=\"auth\""), std::string::npos, raw);
        NS_TEST_ASSERT_MSG_NE(raw.find("realm=\"ims.example\""), std::string::npos, raw);
        std::optional<SipDigest> d = c.GetDigest("WWW-Authenticate");
        IMS_TEST_REQUIRE_SIZE(ue.authResults, 1, "the USIM ran once");
        NS_TEST_ASSERT_MSG_EQ(ue.authResults[0].status, Usim::SUCCESS, "AUTN authentic and fresh");
        NS_TEST_ASSERT_MSG_EQ(d->Get("ik").value_or(""),
                              AkaToHex(ue.authResults[0].ik),
                              "ik = the USIM's IK (hexadecimal)");
        NS_TEST_ASSERT_MSG_EQ(d->Get("ck").value_or(""),
                              AkaToHex(ue.authResults[0].ck),
                              "ck = the USIM's CK");
        std::vector<uint8_t> nonceBytes;
        NS_TEST_ASSERT_MSG_EQ(DigestAka::Base64Decode(d->GetNonce().value_or(""), nonceBytes),
                              true,
                              "nonce is base64");
        NS_TEST_ASSERT_MSG_EQ(nonceBytes.size(), 32u, "nonce = RAND(16) || AUTN(16)");
        NS_TEST_ASSERT_MSG_EQ(c.GetVias().size(), 2u, "both Vias copied");
        NS_TEST_ASSERT_MSG_EQ(c.GetTo()->GetTag().has_value(), true, "To tag added");

        // The 200.
        const SipMessage& ok = answers[1].message;
        std::vector<SipNameAddr> contacts = ok.GetContacts();
        IMS_TEST_REQUIRE_SIZE(contacts, 1, "one Contact");
        NS_TEST_ASSERT_MSG_EQ(contacts[0].GetUri().ToString(), ue.contact, "the UE's contact");
        NS_TEST_ASSERT_MSG_EQ(contacts[0].GetExpires().value_or(0),
                              3600u,
                              "expires = min(600000, MaxExpires 3600)");
        NS_TEST_ASSERT_MSG_EQ(ok.GetExpires().value_or(0), 3600u, "Expires header");
        NS_TEST_ASSERT_MSG_EQ(ok.GetFirst("Service-Route").value_or(""),
                              "<sip:orig@" + ScscfHostPort() + ";lr>",
                              "Service-Route names the S-CSCF with orig");
        NS_TEST_ASSERT_MSG_EQ(ok.GetFirst("Path").value_or(""), PATH, "Path echoed");
        NS_TEST_ASSERT_MSG_EQ(ok.GetFirst("P-Associated-URI").value_or(""),
                              "<sip:ue1@ims.example>",
                              "P-Associated-URI");
        std::vector<SipVia> vias = ok.GetVias();
        IMS_TEST_REQUIRE_SIZE(vias, 2, "Vias copied");
        NS_TEST_ASSERT_MSG_EQ(vias[0].GetHostAddress(),
                              AddressString(ImsCoreTestNetwork::PCSCF),
                              "P-CSCF Via on top");
        NS_TEST_ASSERT_MSG_EQ(vias[1].GetHostAddress(), AddressString(UE_ADDRESS), "UE Via next");
        NS_TEST_ASSERT_MSG_EQ(ok.GetCseq()->GetSequence(), 2u, "answers the second REGISTER");

        // What the REGISTERs looked like on the wire (the S-CSCF read integrity-protected).
        std::vector<WirePacket> regs =
            f.net.Find(ImsCoreTestNetwork::SCSCF_LINK, false, "REGISTER", 0);
        IMS_TEST_REQUIRE_SIZE(regs, 2, "two REGISTERs reached the S-CSCF");
        NS_TEST_ASSERT_MSG_EQ(regs[1].message.GetDigest("Authorization")->GetNonce().value_or(""),
                              d->GetNonce().value_or(""),
                              "the answer quotes the challenge's nonce");

        // State and counters.
        const ScscfRegistrar::Binding* b = f.scscf->GetBinding("sip:ue1@ims.example");
        NS_TEST_ASSERT_MSG_NE(b, nullptr, "ue1 registered");
        if (b)
        {
            NS_TEST_ASSERT_MSG_EQ(b->contact, ue.contact, "binding contact");
            NS_TEST_ASSERT_MSG_EQ(f.scscf->GetBindingPath(*b), PATH, "binding Path");
            NS_TEST_ASSERT_MSG_EQ(b->callId, ue.callId, "binding Call-ID");
            NS_TEST_ASSERT_MSG_EQ(b->cseq, 2u, "binding CSeq");
            NS_TEST_ASSERT_MSG_EQ(b->expiresAt,
                                  answers[1].time + Seconds(3600),
                                  "expiry 3600 s after the 200");
        }
        NS_TEST_ASSERT_MSG_EQ(f.scscf->Get401Sent(), 1u, "401 counted");
        NS_TEST_ASSERT_MSG_EQ(f.scscf->Get200Sent(), 1u, "200 counted");
        NS_TEST_ASSERT_MSG_EQ(f.scscf->Get403Sent(), 0u, "no 403");
        NS_TEST_ASSERT_MSG_EQ(f.scscf->GetRegistrations(Scscf::INITIAL), 1u, "initial");
        NS_TEST_ASSERT_MSG_EQ(f.scscf->GetRegistrations(Scscf::RE_REGISTRATION), 0u, "no re-reg");
        NS_TEST_ASSERT_MSG_EQ(f.scscf->GetVectorsConsumed(), 1u, "one vector");
        NS_TEST_ASSERT_MSG_EQ(f.hss->GetVectorsIssued(), 1u, "the HSS issued one vector");
        NS_TEST_ASSERT_MSG_EQ(f.scscf->GetRegisteredUserCount(), 1u, "one registered user");
        IMS_TEST_REQUIRE_SIZE(registered, 1, "RegisteredUsers traced once");
        NS_TEST_ASSERT_MSG_EQ(registered[0], 1u, "to 1");
        IMS_TEST_REQUIRE_SIZE(kinds, 1, "RegistrationAccepted traced");
        NS_TEST_ASSERT_MSG_EQ(kinds[0],
                              "ue1@ims.example sip:ue1@ims.example initial 3600",
                              "trace values");
        const SipMessageCounters& sent = f.scscf->GetTransport()->GetSentCounters();
        NS_TEST_ASSERT_MSG_EQ(sent.GetResponses("REGISTER", 4).messages, 1u, "1 4xx counted");
        NS_TEST_ASSERT_MSG_EQ(sent.GetResponses("REGISTER", 2).messages, 1u, "1 2xx counted");
        NS_TEST_ASSERT_MSG_EQ(
            f.scscf->GetTransport()->GetReceivedCounters().GetRequests("REGISTER").bytes,
            regs[0].payload.size() + regs[1].payload.size(),
            "bytes received = the REGISTERs on the wire");
    }
};

/** A wrong RES is answered 403; nothing is registered. */
class ScscfWrongResponseTestCase : public TestCase
{
  public:
    ScscfWrongResponseTestCase()
        : TestCase("wrong RES: 403, no binding, counted")
    {
    }

  private:
    void DoRun() override
    {
        ScscfFixture f;
        UeScript ue(f.pcscf.get(), f.hss, 2);
        ue.wrongResponse = true;
        Simulator::Schedule(Seconds(1), [&ue]() { ue.Register("no"); });
        Simulator::Stop(Seconds(10));
        Simulator::Run();
        std::vector<uint16_t> codes = Codes(f.RegisterAnswers());
        NS_TEST_ASSERT_MSG_EQ((codes == std::vector<uint16_t>{401, 403}), true, "401 then 403");
        NS_TEST_ASSERT_MSG_EQ(f.scscf->GetBinding("sip:ue2@ims.example"), nullptr, "no binding");
        NS_TEST_ASSERT_MSG_EQ(f.scscf->GetAuthenticationFailures(), 1u, "counted");
        NS_TEST_ASSERT_MSG_EQ(f.scscf->Get403Sent(), 1u, "403 counted");
        NS_TEST_ASSERT_MSG_EQ(f.scscf->GetRegisteredUserCount(), 0u, "nobody registered");
    }
};

/** An unknown IMPI is answered 403 at once, without asking for a vector. */
class ScscfUnknownUserTestCase : public TestCase
{
  public:
    ScscfUnknownUserTestCase()
        : TestCase("unknown private identity: 403 without a challenge")
    {
    }

  private:
    void DoRun() override
    {
        ScscfFixture f;
        UeScript ue(f.pcscf.get(), f.hss, 9); // only ue1..ue3 are provisioned
        Simulator::Schedule(Seconds(1), [&ue]() { ue.Register("no"); });
        Simulator::Stop(Seconds(10));
        Simulator::Run();
        std::vector<uint16_t> codes = Codes(f.RegisterAnswers());
        NS_TEST_ASSERT_MSG_EQ((codes == std::vector<uint16_t>{403}), true, "one 403");
        NS_TEST_ASSERT_MSG_EQ(f.scscf->GetUnknownUsers(), 1u, "counted");
        NS_TEST_ASSERT_MSG_EQ(f.scscf->GetVectorsConsumed(), 0u, "no vector");
        NS_TEST_ASSERT_MSG_EQ(f.hss->GetVectorsIssued(), 0u, "the HSS issued none");
    }
};

/**
 * A USIM ahead of the HSS: sync failure -> REGISTER with auts -> Hss::Resynchronise -> new
 * 401 whose SQN the USIM accepts -> 200.  A forged AUTS is answered 403.
 */
class ScscfResyncTestCase : public TestCase
{
  public:
    /**
     * \param forged send a forged AUTS
     * \param emptyNonce send the AUTS with an empty nonce
     */
    ScscfResyncTestCase(bool forged, bool emptyNonce)
        : TestCase(forged       ? "forged AUTS: 403"
                   : emptyNonce ? "AUTS with an empty nonce: resynchronised all the same"
                                : "AUTS resynchronisation: new 401, then 200"),
          m_forged(forged),
          m_emptyNonce(emptyNonce)
    {
    }

  private:
    void DoRun() override
    {
        ScscfFixture f;
        UeScript ue(f.pcscf.get(), f.hss, 1);
        ue.usim.SetSqnMs(5000 << 5); // SEQ 5000: far ahead of the HSS
        ue.forgeAuts = m_forged;
        ue.autsWithoutNonce = m_emptyNonce;
        Simulator::Schedule(Seconds(1), [&ue]() { ue.Register("no"); });
        Simulator::Stop(Seconds(10));
        Simulator::Run();
        std::vector<WirePacket> answers = f.RegisterAnswers();
        std::vector<WirePacket> regs =
            f.net.Find(ImsCoreTestNetwork::SCSCF_LINK, false, "REGISTER", 0);
        if (m_forged)
        {
            NS_TEST_ASSERT_MSG_EQ((Codes(answers) == std::vector<uint16_t>{401, 403}),
                                  true,
                                  "401, then 403 to the forged AUTS");
            NS_TEST_ASSERT_MSG_EQ(f.scscf->GetResyncFailures(), 1u, "counted");
            NS_TEST_ASSERT_MSG_EQ(f.scscf->GetResyncs(), 0u, "no resync");
            NS_TEST_ASSERT_MSG_EQ(f.hss->GetResyncFailures(), 1u, "the HSS rejected MAC-S");
            return;
        }
        NS_TEST_ASSERT_MSG_EQ((Codes(answers) == std::vector<uint16_t>{401, 401, 200}),
                              true,
                              "401, 401 after AUTS, 200");
        IMS_TEST_REQUIRE_SIZE(regs, 3, "three REGISTERs");
        NS_TEST_ASSERT_MSG_EQ(regs[1].message.GetDigest("Authorization")->GetAuts().has_value(),
                              true,
                              "the second carries auts");
        IMS_TEST_REQUIRE_SIZE(ue.authResults, 2, "two USIM runs");
        NS_TEST_ASSERT_MSG_EQ(ue.authResults[0].status, Usim::SYNC_FAILURE, "first: sync failure");
        NS_TEST_ASSERT_MSG_EQ(ue.authResults[1].status, Usim::SUCCESS, "second: accepted");
        NS_TEST_ASSERT_MSG_GT((ue.authResults[1].sqn >> 5), uint64_t{5000}, "SQN above the USIM's");
        NS_TEST_ASSERT_MSG_NE(
            answers[0].message.GetDigest("WWW-Authenticate")->GetNonce().value_or(""),
            answers[1].message.GetDigest("WWW-Authenticate")->GetNonce().value_or(""),
            "a new nonce");
        NS_TEST_ASSERT_MSG_EQ(f.scscf->GetResyncs(), 1u, "resync counted");
        NS_TEST_ASSERT_MSG_EQ(f.hss->GetResyncs(), 1u, "the HSS resynchronised");
        NS_TEST_ASSERT_MSG_EQ(f.scscf->GetVectorsConsumed(), 2u, "two vectors");
        NS_TEST_ASSERT_MSG_EQ(f.scscf->GetRegistrations(Scscf::INITIAL), 1u, "registered");
    }

    bool m_forged;     //!< forged AUTS
    bool m_emptyNonce; //!< AUTS with an empty nonce
};

/**
 * Re-registration through the SAs (integrity-protected="yes", same Call-ID): challenged
 * (AuthenticateReregistrations true) or accepted at once (false), a new contact accepted
 * or refused (RejectNewContactWithoutAuthentication).
 */
class ScscfReregistrationTestCase : public TestCase
{
  public:
    /** Variants. */
    enum Variant
    {
        AUTHENTICATED,      //!< AuthenticateReregistrations true
        UNAUTHENTICATED,    //!< false, same contact
        NEW_CONTACT,        //!< false, new contact (contact refresh)
        NEW_CONTACT_STRICT, //!< false, new contact, strict TS 24.229 check
    };

    /**
     * \param variant which
     */
    explicit ScscfReregistrationTestCase(Variant variant)
        : TestCase(Name(variant)),
          m_variant(variant)
    {
    }

  private:
    /**
     * \param v variant
     * \returns the test name
     */
    static std::string Name(Variant v)
    {
        switch (v)
        {
        case AUTHENTICATED:
            return "re-registration with re-authentication: 401 and 200 again";
        case UNAUTHENTICATED:
            return "re-registration without re-authentication: 200 at once";
        case NEW_CONTACT:
            return "protected re-registration with a new contact: binding moved";
        default:
            return "protected re-registration with a new contact, strict: 403";
        }
    }

    void DoRun() override
    {
        bool auth = m_variant == AUTHENTICATED;
        bool strict = m_variant == NEW_CONTACT_STRICT;
        ScscfFixture f([auth, strict](ScscfHelper& h) {
            h.SetAttribute("AuthenticateReregistrations", BooleanValue(auth));
            h.SetAttribute("RejectNewContactWithoutAuthentication", BooleanValue(strict));
            h.SetAttribute("MaxExpires", UintegerValue(7200));
        });
        UeScript ue(f.pcscf.get(), f.hss, 3);
        ue.expires = 600;
        std::string newContact = "sip:ue3@[3fff:100:0:1:aaaa:bbbb:cccc:2]:10003";
        Simulator::Schedule(Seconds(1), [&ue]() { ue.Register("no"); });
        Simulator::Schedule(Seconds(300), [&ue, newContact, this]() {
            if (m_variant == NEW_CONTACT || m_variant == NEW_CONTACT_STRICT)
            {
                ue.contact = newContact;
            }
            ue.expires = 1200;
            ue.Register("yes");
        });
        Simulator::Stop(Seconds(310));
        Simulator::Run();
        std::vector<WirePacket> answers = f.RegisterAnswers();
        const ScscfRegistrar::Binding* b = f.scscf->GetBinding(ue.impu);
        NS_TEST_ASSERT_MSG_NE(b, nullptr, "registered");
        if (!b)
        {
            return;
        }
        if (m_variant == AUTHENTICATED)
        {
            NS_TEST_ASSERT_MSG_EQ((Codes(answers) == std::vector<uint16_t>{401, 200, 401, 200}),
                                  true,
                                  "challenged again");
            NS_TEST_ASSERT_MSG_EQ(f.scscf->GetVectorsConsumed(), 2u, "a second vector");
        }
        else if (m_variant == NEW_CONTACT_STRICT)
        {
            NS_TEST_ASSERT_MSG_EQ((Codes(answers) == std::vector<uint16_t>{401, 200, 403}),
                                  true,
                                  "403 to the new contact");
            NS_TEST_ASSERT_MSG_NE(b->contact, newContact, "binding unchanged");
            return;
        }
        else
        {
            NS_TEST_ASSERT_MSG_EQ((Codes(answers) == std::vector<uint16_t>{401, 200, 200}),
                                  true,
                                  "200 at once");
            NS_TEST_ASSERT_MSG_EQ(f.scscf->GetVectorsConsumed(), 1u, "no second vector");
        }
        NS_TEST_ASSERT_MSG_EQ(f.scscf->GetRegistrations(Scscf::INITIAL), 1u, "one initial");
        NS_TEST_ASSERT_MSG_EQ(f.scscf->GetRegistrations(Scscf::RE_REGISTRATION),
                              1u,
                              "one re-registration");
        NS_TEST_ASSERT_MSG_EQ(b->contact,
                              (m_variant == NEW_CONTACT ? newContact : ue.contact),
                              "binding contact");
        NS_TEST_ASSERT_MSG_EQ(answers.back().message.GetContacts()[0].GetExpires().value_or(0),
                              1200u,
                              "the new expiry granted");
        NS_TEST_ASSERT_MSG_EQ(b->expiresAt, answers.back().time + Seconds(1200), "expiry moved");
        NS_TEST_ASSERT_MSG_EQ(f.scscf->GetRegisteredUserCount(), 1u, "still one user");
    }

    Variant m_variant; //!< variant
};

/**
 * The first 401 is lost on its way to the P-CSCF: the REGISTER is retransmitted (Timer E),
 * the S-CSCF's transaction absorbs it and resends the same 401 (no second vector).
 */
class ScscfRetransmissionTestCase : public TestCase
{
  public:
    ScscfRetransmissionTestCase()
        : TestCase("retransmitted REGISTER absorbed: the same 401 again, one vector")
    {
    }

  private:
    void DoRun() override
    {
        ScscfFixture f;
        auto lost = std::make_shared<int>(0);
        f.net.Drop(ImsCoreTestNetwork::PCSCF_LINK, false, [lost](const WirePacket& w) {
            return w.isSip && w.message.GetStatusCode() == 401 && (*lost)++ == 0;
        });
        UeScript ue(f.pcscf.get(), f.hss, 1);
        Simulator::Schedule(Seconds(1), [&ue]() { ue.Register("no"); });
        Simulator::Stop(Seconds(10));
        Simulator::Run();
        std::vector<WirePacket> regs =
            f.net.Find(ImsCoreTestNetwork::SCSCF_LINK, false, "REGISTER", 0);
        std::vector<WirePacket> answers = f.RegisterAnswers();
        IMS_TEST_REQUIRE_SIZE(regs, 3, "REGISTER, its retransmission, the answer");
        NS_TEST_ASSERT_MSG_EQ(regs[0].payload, regs[1].payload, "a retransmission");
        NS_TEST_ASSERT_MSG_EQ((Codes(answers) == std::vector<uint16_t>{401, 401, 200}),
                              true,
                              "401 twice, then 200");
        NS_TEST_ASSERT_MSG_EQ(answers[0].payload, answers[1].payload, "the same 401 resent");
        NS_TEST_ASSERT_MSG_EQ(f.scscf->GetVectorsConsumed(), 1u, "one vector");
        NS_TEST_ASSERT_MSG_EQ(f.scscf->Get401Sent(), 1u, "one 401 created");
        NS_TEST_ASSERT_MSG_EQ(f.scscf->GetTransactionManager()->GetAbsorbedRequestCount(),
                              1u,
                              "absorbed by the transaction");
        NS_TEST_ASSERT_MSG_EQ(
            f.scscf->GetTransport()->GetSentCounters().GetResponses("REGISTER", 4).messages,
            2u,
            "the load counts both 401s");
        NS_TEST_ASSERT_MSG_EQ(f.scscf->GetRegisteredUserCount(), 1u, "registered");
    }
};

/**
 * Expiry removes the binding; a terminating request afterwards gets 480.  A challenge
 * never answered is forgotten after reg-await-auth, and a late answer is challenged anew.
 */
class ScscfExpiryTestCase : public TestCase
{
  public:
    ScscfExpiryTestCase()
        : TestCase("expiry removes the binding; reg-await-auth forgets a challenge")
    {
    }

  private:
    void DoRun() override
    {
        ScscfFixture f([](ScscfHelper& h) {
            h.SetAttribute("MaxExpires", UintegerValue(60));
            h.SetAttribute("RegAwaitAuth", TimeValue(Seconds(20)));
        });
        std::vector<std::string> removed;
        f.scscf->TraceConnectWithoutContext(
            "Deregistered",
            MakeCallback(+[](std::vector<std::string>* v,
                             const std::string& impi,
                             Scscf::DeregistrationCause cause) {
                v->push_back(impi + " " + Scscf::GetDeregistrationCauseName(cause) + " " +
                             std::to_string(Simulator::Now().GetSeconds()));
            }).Bind(&removed));
        UeScript ue1(f.pcscf.get(), f.hss, 1);
        UeScript ue2(f.pcscf.get(), f.hss, 2);
        ue2.autoAnswer = false;
        Simulator::Schedule(Seconds(1), [&ue1]() { ue1.Register("no"); });
        Simulator::Schedule(Seconds(2), [&ue2]() { ue2.Register("no"); });
        bool at59 = false;
        bool at62 = true;
        Simulator::Schedule(Seconds(59),
                            [&]() { at59 = f.scscf->GetBinding(ue1.impu) != nullptr; });
        Simulator::Schedule(Seconds(62),
                            [&]() { at62 = f.scscf->GetBinding(ue1.impu) != nullptr; });
        // ue2 answers its challenge only after reg-await-auth (20 s) expired.
        Simulator::Schedule(Seconds(30), [&ue2]() {
            ue2.autoAnswer = true;
            ue2.response = "00000000000000000000000000000000";
            ue2.Register("yes");
        });
        // A terminating OPTIONS for ue1 after the expiry.
        Simulator::Schedule(Seconds(70), [&f]() {
            SipMessage m =
                MakeTestRequest("OPTIONS", ImsCoreTestNetwork::PCSCF, 5060, f.pcscf->NewBranch());
            m.SetRequestLine("OPTIONS", "sip:ue1@ims.example");
            f.pcscf->Send(m, ImsCoreTestNetwork::SCSCF, nullptr);
        });
        Simulator::Stop(Seconds(80));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(at59, true, "registered at 59 s");
        NS_TEST_ASSERT_MSG_EQ(at62, false, "gone at 62 s");
        IMS_TEST_REQUIRE_SIZE(removed, 1, "one binding removed");
        NS_TEST_ASSERT_MSG_EQ(
            removed[0].rfind("ue1@ims.example expired 61", 0),
            0u,
            "ue1 expired at 61 s (registered at 1.0x s for 60 s): " << removed[0]);
        NS_TEST_ASSERT_MSG_EQ(f.scscf->GetDeregistrations(Scscf::EXPIRED), 1u, "counted");
        NS_TEST_ASSERT_MSG_EQ(f.scscf->GetRegisteredUserCount(), 1u, "only ue2 (since 30 s)");
        NS_TEST_ASSERT_MSG_EQ(f.scscf->GetChallengeTimeouts(), 1u, "ue2's challenge timed out");
        NS_TEST_ASSERT_MSG_EQ((ue2.finals == std::vector<uint16_t>{401, 401, 200}),
                              true,
                              "the late answer is challenged anew, then registered");
        std::vector<WirePacket> opt =
            f.net.Find(ImsCoreTestNetwork::SCSCF_LINK, true, "OPTIONS", 480);
        NS_TEST_ASSERT_MSG_EQ(opt.size(), 1u, "480 for the expired user");
        NS_TEST_ASSERT_MSG_EQ(f.scscf->GetProxyResponses(480), 1u, "480 counted");
    }
};

/** De-registration: protected REGISTER with Expires 0, no challenge, binding removed. */
class ScscfDeregistrationTestCase : public TestCase
{
  public:
    ScscfDeregistrationTestCase()
        : TestCase("de-registration: Expires 0 through the SAs, 200 without challenge")
    {
    }

  private:
    void DoRun() override
    {
        ScscfFixture f;
        UeScript ue(f.pcscf.get(), f.hss, 1);
        Simulator::Schedule(Seconds(1), [&ue]() { ue.Register("no"); });
        Simulator::Schedule(Seconds(20), [&ue]() {
            ue.expires = 0;
            ue.Register("yes");
        });
        Simulator::Stop(Seconds(30));
        Simulator::Run();
        std::vector<WirePacket> answers = f.RegisterAnswers();
        NS_TEST_ASSERT_MSG_EQ((Codes(answers) == std::vector<uint16_t>{401, 200, 200}),
                              true,
                              "no challenge for the de-registration");
        NS_TEST_ASSERT_MSG_EQ(answers.back().message.GetContacts().size(), 0u, "no binding left");
        NS_TEST_ASSERT_MSG_EQ(answers.back().message.GetExpires().value_or(1), 0u, "Expires 0");
        NS_TEST_ASSERT_MSG_EQ(f.scscf->GetBinding(ue.impu), nullptr, "binding removed");
        NS_TEST_ASSERT_MSG_EQ(f.scscf->GetDeregistrations(Scscf::USER), 1u, "counted");
        NS_TEST_ASSERT_MSG_EQ(f.scscf->GetVectorsConsumed(), 1u, "one vector only");
    }
};

// --- routing --------------------------------------------------------------------------------

/**
 * Originating session: the scripted P-CSCF/UE sends INVITE sip:remote@ims.example with the
 * orig Service-Route; the S-CSCF routes it to the RemoteParty, which answers; ACK, UPDATE
 * and BYE follow the route set.  Everything is checked on the wire.
 */
class ScscfOriginatingTestCase : public TestCase
{
  public:
    ScscfOriginatingTestCase()
        : TestCase("originating INVITE, 180, 200, ACK, UPDATE, BYE through the S-CSCF to the "
                   "remote party")
    {
    }

  private:
    void DoRun() override
    {
        ScscfFixture f([](ScscfHelper& h) {
            h.AddPeer("sip:remote@ims.example", ImsCoreTestNetwork::REMOTE);
        });
        RemotePartyHelper rh(ImsCoreTestNetwork::SCSCF);
        rh.SetAttribute("AnswerDelay", TimeValue(Seconds(2)));
        Ptr<RemoteParty> remote = DynamicCast<RemoteParty>(
            rh.Install(f.net.nodes[ImsCoreTestNetwork::REMOTE_LINK]).Get(0));
        ScriptedPeer& ue = *f.pcscf;
        std::string pcscfRr = "<sip:" + ue.Host() + ":5060;lr>";
        SipMessage invite =
            MakeTestRequest("INVITE", ImsCoreTestNetwork::PCSCF, 5060, ue.NewBranch(), "orig-1", 1);
        invite.AddHeader("Route", "<sip:orig@" + ScscfHostPort() + ";lr>");
        invite.AddHeader("Record-Route", pcscfRr);
        invite.AddHeader("Contact", "<sip:ue1@" + ue.Host() + ":5060>");
        invite.AddHeader("Session-Expires", "1800;refresher=uac");
        invite.SetContentType(SipContentType("application", "sdp"));
        invite.SetBody("v=0\r\n");
        SipMessage ok;
        uint32_t cseq = 1;
        // The UE's in-dialog requests, built by hand from the 200 (RFC 3261 12.2.1.1).
        auto inDialog = [&](const std::string& method) {
            std::vector<SipNameAddr> contact = ok.GetContacts();
            std::vector<std::string> rr = ok.GetAll("Record-Route");
            SipMessage m = SipMessageFactory::CreateRequest(
                method,
                contact.at(0).GetUri(),
                SipVia("UDP", AddressString(ImsCoreTestNetwork::PCSCF), 5060, ue.NewBranch()),
                *invite.GetFrom(),
                *ok.GetTo(),
                "orig-1",
                method == "ACK" ? 1 : ++cseq);
            // Route set = Record-Route reversed, minus the P-CSCF itself (it is this node).
            for (auto it = rr.rbegin(); it != rr.rend(); ++it)
            {
                if (*it != pcscfRr)
                {
                    m.AddHeader("Route", *it);
                }
            }
            return m;
        };
        ue.Send(invite, ImsCoreTestNetwork::SCSCF, [&](const SipMessage& r) {
            if (r.GetStatusCode() == 200 && ok.GetStatusCode() == 0)
            {
                ok = r;
                ue.manager->SendStateless(
                    inDialog("ACK"),
                    SipTarget::Clear(Ipv6Address::GetAny(), 5060, ImsCoreTestNetwork::SCSCF, 5060));
                Simulator::Schedule(Seconds(2), [&]() {
                    ue.Send(inDialog("UPDATE"), ImsCoreTestNetwork::SCSCF, nullptr);
                });
                Simulator::Schedule(Seconds(4), [&]() {
                    ue.Send(inDialog("BYE"), ImsCoreTestNetwork::SCSCF, nullptr);
                });
            }
        });
        Simulator::Stop(Seconds(20));
        Simulator::Run();

        // At the remote party: the INVITE as the S-CSCF forwarded it.
        using L = ImsCoreTestNetwork;
        std::vector<WirePacket> inv = f.net.Find(L::REMOTE_LINK, false, "INVITE", 0);
        IMS_TEST_REQUIRE_SIZE(inv, 1, "one INVITE reached the remote party");
        const SipMessage& fi = inv[0].message;
        NS_TEST_ASSERT_MSG_EQ(fi.GetRequestUri(), "sip:remote@ims.example", "Request-URI kept");
        NS_TEST_ASSERT_MSG_EQ(fi.HasHeader("Route"), false, "the orig Route was popped");
        std::vector<std::string> rr = fi.GetAll("Record-Route");
        IMS_TEST_REQUIRE_SIZE(rr, 2, "S-CSCF and P-CSCF Record-Route");
        NS_TEST_ASSERT_MSG_EQ(rr[0], "<sip:" + ScscfHostPort() + ";lr>", "S-CSCF on top");
        NS_TEST_ASSERT_MSG_EQ(rr[1], pcscfRr, "P-CSCF below");
        NS_TEST_ASSERT_MSG_EQ(unsigned(fi.GetMaxForwards().value_or(0)), 69u, "decremented");
        std::vector<SipVia> vias = fi.GetVias();
        IMS_TEST_REQUIRE_SIZE(vias, 2, "S-CSCF Via added");
        NS_TEST_ASSERT_MSG_EQ(vias[0].GetHostAddress(), AddressString(L::SCSCF), "S-CSCF Via");
        NS_TEST_ASSERT_MSG_EQ(vias[0].GetBranch().value_or("").rfind("z9hG4bK", 0), 0u, "cookie");
        NS_TEST_ASSERT_MSG_EQ(fi.GetBody(), "v=0\r\n", "body kept");

        // Responses from the remote party, forwarded to the P-CSCF without the S-CSCF's Via.
        std::vector<WirePacket> toUe = f.net.Sip(L::PCSCF_LINK, false);
        std::vector<std::string> seen;
        for (const WirePacket& w : toUe)
        {
            seen.push_back(w.Describe());
        }
        std::vector<std::string> expected{"100 INVITE",
                                          "180 INVITE",
                                          "200 INVITE",
                                          "200 UPDATE",
                                          "200 BYE"};
        NS_TEST_ASSERT_MSG_EQ((seen == expected), true, "responses forwarded in order");
        for (const WirePacket& w : toUe)
        {
            NS_TEST_ASSERT_MSG_EQ(w.message.GetVias().size(), 1u, "the S-CSCF's Via removed");
        }
        std::vector<WirePacket> ring = f.net.Find(L::REMOTE_LINK, true, "INVITE", 180);
        std::vector<WirePacket> answer = f.net.Find(L::REMOTE_LINK, true, "INVITE", 200);
        IMS_TEST_REQUIRE_SIZE(answer, 1, "one 200 (ACK in time)");
        IMS_TEST_REQUIRE_SIZE(ring, 1, "one 180");
        NS_TEST_ASSERT_MSG_EQ_TOL((answer[0].time - inv[0].time).GetSeconds(),
                                  2.0,
                                  0.01,
                                  "200 after AnswerDelay");
        NS_TEST_ASSERT_MSG_EQ(answer[0].message.GetAll("Record-Route").size(), 2u, "RR copied");
        NS_TEST_ASSERT_MSG_EQ(answer[0].message.GetContentType()->GetSubtype(), "sdp", "SDP");

        // In-dialog requests: the S-CSCF pops its Route and sends to the remote target.
        for (std::string method : {"ACK", "UPDATE", "BYE"})
        {
            std::vector<WirePacket> at = f.net.Find(L::REMOTE_LINK, false, method, 0);
            IMS_TEST_REQUIRE_SIZE(at, 1, method << " reached the remote party once");
            NS_TEST_ASSERT_MSG_EQ(at[0].message.HasHeader("Route"), false, method << ": no Route");
            NS_TEST_ASSERT_MSG_EQ(at[0].message.GetRequestUri(),
                                  "sip:remote@[" + AddressString(L::REMOTE) + "]:5060",
                                  method << ": to the remote Contact");
            NS_TEST_ASSERT_MSG_EQ(at[0].message.GetVias().size(), 2u, method << ": Via added");
        }

        NS_TEST_ASSERT_MSG_EQ(f.scscf->GetForwardedRequests(Scscf::ORIGINATING), 1u, "INVITE");
        NS_TEST_ASSERT_MSG_EQ(f.scscf->GetForwardedRequests(Scscf::ROUTED), 3u, "ACK UPDATE BYE");
        NS_TEST_ASSERT_MSG_EQ(f.scscf->GetForwardedResponses(), 5u, "5 responses");
        NS_TEST_ASSERT_MSG_EQ(remote->GetSessionsAnswered(), 1u, "answered");
        NS_TEST_ASSERT_MSG_EQ(remote->GetSessionsEstablished(RemoteParty::INCOMING), 1u, "ACKed");
        NS_TEST_ASSERT_MSG_EQ(remote->GetRefreshesReceived(), 1u, "refreshed");
        NS_TEST_ASSERT_MSG_EQ(remote->GetSessionsCompleted(RemoteParty::INCOMING), 1u, "ended");
        NS_TEST_ASSERT_MSG_EQ(remote->GetActiveSessions(), 0u, "nothing left");
    }
};

/**
 * Terminating session: ue1 registers; the RemoteParty calls sip:ue1@ims.example; the
 * S-CSCF retargets to the contact and routes through the Path; the scripted P-CSCF/UE
 * answers; the remote party ACKs, refreshes and ends.  Then INVITEs to an unregistered
 * subscriber (480) and to an unknown identity (404), whose ACKs the S-CSCF absorbs.
 */
class ScscfTerminatingTestCase : public TestCase
{
  public:
    ScscfTerminatingTestCase()
        : TestCase("terminating INVITE via Path to the contact; 480 and 404 otherwise")
    {
    }

  private:
    void DoRun() override
    {
        using L = ImsCoreTestNetwork;
        ScscfFixture f;
        RemotePartyHelper rh(L::SCSCF);
        rh.SetAttribute("SessionRefreshInterval", TimeValue(Seconds(10)));
        rh.SetAttribute("HoldingTime", StringValue("ns3::ConstantRandomVariable[Constant=25]"));
        Ptr<RemoteParty> remote =
            DynamicCast<RemoteParty>(rh.Install(f.net.nodes[L::REMOTE_LINK]).Get(0));
        UeScript ue(f.pcscf.get(), f.hss, 1);
        std::string pcscfRr = "<sip:" + f.pcscf->Host() + ":5060;lr>";
        f.pcscf->onRequest = [&](const SipMessage& r, const SipPacketInfo&, uint64_t h) {
            if (h == 0)
            {
                return;
            }
            auto decorate = [&](SipMessage& m) {
                // The P-CSCF adds its Record-Route; the UE copies the list and its Contact.
                m.AddHeader("Record-Route", pcscfRr);
                for (const std::string& v : r.GetAll("Record-Route"))
                {
                    m.AddHeader("Record-Route", v);
                }
                m.AddHeader("Contact", "<" + ue.contact + ">");
            };
            if (r.IsMethod("INVITE"))
            {
                f.pcscf->Answer(h, 180, "ue-tag", decorate);
                f.pcscf->Answer(h, 200, "ue-tag", decorate);
            }
            else
            {
                f.pcscf->Answer(h, 200, "ue-tag");
            }
        };
        Simulator::Schedule(Seconds(1), [&ue]() { ue.Register("no"); });
        Simulator::Schedule(Seconds(5), [&]() { remote->StartSession("sip:ue1@ims.example"); });
        Simulator::Schedule(Seconds(50), [&]() {
            remote->StartSession("sip:ue2@ims.example");    // provisioned, not registered
            remote->StartSession("sip:nobody@ims.example"); // unknown
        });
        Simulator::Stop(Seconds(60));
        Simulator::Run();

        std::vector<WirePacket> inv = f.net.Find(L::PCSCF_LINK, false, "INVITE", 0);
        IMS_TEST_REQUIRE_SIZE(inv, 1, "one INVITE reached the P-CSCF");
        const SipMessage& m = inv[0].message;
        NS_TEST_ASSERT_MSG_EQ(m.GetRequestUri(),
                              ue.contact,
                              "retargeted to the registered contact");
        std::vector<std::string> routes = m.GetAll("Route");
        IMS_TEST_REQUIRE_SIZE(routes, 1, "the Path as Route");
        NS_TEST_ASSERT_MSG_EQ(routes[0], PATH, "Route = Path");
        NS_TEST_ASSERT_MSG_EQ(m.GetFirst("P-Called-Party-ID").value_or(""),
                              "<sip:ue1@ims.example>",
                              "P-Called-Party-ID");
        NS_TEST_ASSERT_MSG_EQ(m.GetFirst("Record-Route").value_or(""),
                              "<sip:" + ScscfHostPort() + ";lr>",
                              "S-CSCF Record-Route");
        NS_TEST_ASSERT_MSG_EQ(AddressString(inv[0].destination),
                              AddressString(L::PCSCF),
                              "to the P-CSCF");
        std::vector<WirePacket> remoteInv = f.net.Find(L::REMOTE_LINK, true, "INVITE", 0);
        NS_TEST_ASSERT_MSG_EQ(remoteInv.size(), 3u, "three INVITEs left the remote party");
        NS_TEST_ASSERT_MSG_EQ(remoteInv[0].message.GetFirst("Route").value_or(""),
                              "<sip:" + ScscfHostPort() + ";lr>",
                              "preloaded Route");

        // The remote party's in-dialog requests reach the P-CSCF through the route set.
        std::vector<std::string> methods;
        std::vector<double> times;
        for (const WirePacket& w : f.net.Sip(L::PCSCF_LINK, false))
        {
            if (w.message.IsRequest())
            {
                methods.push_back(w.message.GetMethod());
                times.push_back(w.time.GetSeconds());
                if (!w.message.IsMethod("INVITE"))
                {
                    NS_TEST_ASSERT_MSG_EQ(w.message.GetRequestUri(), ue.contact, "remote target");
                    NS_TEST_ASSERT_MSG_EQ(w.message.GetFirst("Route").value_or(""),
                                          pcscfRr,
                                          "the P-CSCF's Record-Route as Route");
                }
            }
        }
        std::vector<std::string> expected{"INVITE", "ACK", "UPDATE", "UPDATE", "BYE"};
        NS_TEST_ASSERT_MSG_EQ((methods == expected), true, "INVITE ACK UPDATE UPDATE BYE");
        if (times.size() == 5)
        {
            NS_TEST_ASSERT_MSG_EQ_TOL(times[2] - times[1], 10.0, 0.1, "UPDATE after 10 s");
            NS_TEST_ASSERT_MSG_EQ_TOL(times[4] - times[1], 25.0, 0.1, "BYE after 25 s");
        }

        NS_TEST_ASSERT_MSG_EQ(f.scscf->GetForwardedRequests(Scscf::TERMINATING), 1u, "INVITE");
        NS_TEST_ASSERT_MSG_EQ(remote->GetSessionsEstablished(RemoteParty::OUTGOING), 1u, "up");
        NS_TEST_ASSERT_MSG_EQ(remote->GetSessionsCompleted(RemoteParty::OUTGOING), 1u, "ended");
        NS_TEST_ASSERT_MSG_EQ(remote->GetSetupDelayCount(), 1u, "setup delay measured");
        NS_TEST_ASSERT_MSG_GT(remote->GetSetupDelayMean(),
                              MilliSeconds(10),
                              "4 links there and back");

        // 480 and 404 from the S-CSCF, their ACKs absorbed there.
        NS_TEST_ASSERT_MSG_EQ(f.net.Find(L::REMOTE_LINK, false, "INVITE", 480).size(), 1u, "480");
        NS_TEST_ASSERT_MSG_EQ(f.net.Find(L::REMOTE_LINK, false, "INVITE", 404).size(), 1u, "404");
        NS_TEST_ASSERT_MSG_EQ(f.net.Find(L::REMOTE_LINK, true, "ACK", 0).size(),
                              3u,
                              "ACK of the 200 and of the 480 and 404");
        NS_TEST_ASSERT_MSG_EQ(f.net.Find(L::PCSCF_LINK, false, "ACK", 0).size(),
                              1u,
                              "only the ACK of the 200 went on");
        NS_TEST_ASSERT_MSG_EQ(remote->GetSessionsFailed("480"), 1u, "failed 480");
        NS_TEST_ASSERT_MSG_EQ(remote->GetSessionsFailed("404"), 1u, "failed 404");
        NS_TEST_ASSERT_MSG_EQ(f.scscf->GetProxyResponses(480), 1u, "480 counted");
        NS_TEST_ASSERT_MSG_EQ(f.scscf->GetProxyResponses(404), 1u, "404 counted");
        NS_TEST_ASSERT_MSG_EQ(f.scscf->GetProxyDrops(), 0u, "no drops");
    }
};

/**
 * Proxy checks: Max-Forwards 0 -> 483; a request looping back with the same Request-URI and
 * Route -> 482; garbage counted by the transport, a malformed request answered 400, a
 * response that is not for the S-CSCF dropped.
 */
class ScscfProxyChecksTestCase : public TestCase
{
  public:
    ScscfProxyChecksTestCase()
        : TestCase("483, 482 on a loop, garbage and stray responses counted")
    {
    }

  private:
    void DoRun() override
    {
        using L = ImsCoreTestNetwork;
        ScscfFixture f([](ScscfHelper& h) {
            h.AddPeer("sip:loop@ims.example", L::PCSCF);
            h.AddPeer("sip:echo@ims.example", L::PCSCF);
        });
        ScriptedPeer& p = *f.pcscf;
        // The scripted node sends back what the S-CSCF forwards to it, as a looping proxy.
        p.onRequest = [&p](const SipMessage& r, const SipPacketInfo&, uint64_t) {
            if (!r.IsMethod("MESSAGE") || r.GetVias().size() != 2)
            {
                return;
            }
            SipMessage back = r;
            back.InsertVia(SipVia("UDP", AddressString(L::PCSCF), 5060, p.NewBranch()));
            back.InsertHeaderAtTop("Route", "<sip:" + ScscfHostPort() + ";lr>");
            p.manager->SendStateless(back,
                                     SipTarget::Clear(Ipv6Address::GetAny(), 5060, L::SCSCF, 5060));
        };
        Simulator::Schedule(Seconds(1), [&]() {
            SipMessage m = MakeTestRequest("OPTIONS", L::PCSCF, 5060, p.NewBranch(), "mf-0");
            m.SetMaxForwards(0);
            m.SetRequestLine("OPTIONS", "sip:ue1@ims.example");
            p.Send(m, L::SCSCF, nullptr);
            SipMessage loop = MakeTestRequest("MESSAGE", L::PCSCF, 5060, p.NewBranch(), "loop-1");
            loop.SetRequestLine("MESSAGE", "sip:loop@ims.example");
            loop.AddHeader("Route", "<sip:" + ScscfHostPort() + ";lr>");
            p.Send(loop, L::SCSCF, nullptr);
            // An INVITE and its CANCEL (RFC 3261 9.1: same Via, Request-URI, Route).
            SipMessage invite = MakeTestRequest("INVITE", L::PCSCF, 5060, p.NewBranch(), "cx-1");
            invite.SetRequestLine("INVITE", "sip:echo@ims.example");
            invite.AddHeader("Route", "<sip:" + ScscfHostPort() + ";lr>");
            SipMessage cancel = invite;
            cancel.SetRequestLine("CANCEL", "sip:echo@ims.example");
            cancel.SetCseq(SipCseq(1, "CANCEL"));
            p.manager->SendStateless(invite,
                                     SipTarget::Clear(Ipv6Address::GetAny(), 5060, L::SCSCF, 5060));
            p.manager->SendStateless(cancel,
                                     SipTarget::Clear(Ipv6Address::GetAny(), 5060, L::SCSCF, 5060));
        });
        Simulator::Schedule(Seconds(2), [&]() {
            // Garbage, and a request without From, To and Call-ID (answered 400).
            for (const std::string& bytes :
                 {std::string("\x01\x02garbage\r\n\r\n"),
                  std::string("INVITE sip:remote@ims.example SIP/2.0\r\nVia: SIP/2.0/UDP "
                              "[3fff:f00:0:1::2]:5060;branch=z9hG4bKbad1\r\nCSeq: x\r\n\r\n")})
            {
                Ptr<Socket> s =
                    Socket::CreateSocket(f.net.nodes[L::PCSCF_LINK], UdpSocketFactory::GetTypeId());
                s->Bind(Inet6SocketAddress(L::PCSCF, 7000));
                s->SendTo(
                    Create<Packet>(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()),
                    0,
                    Inet6SocketAddress(L::SCSCF, 5060));
                s->Close();
            }
            // A response whose top Via is not the S-CSCF's.
            SipMessage req = MakeTestRequest("BYE", L::PCSCF, 5060, p.NewBranch(), "stray-1");
            SipMessage resp = SipMessageFactory::CreateResponse(req, 200, "", "x");
            p.manager->SendStateless(resp,
                                     SipTarget::Clear(Ipv6Address::GetAny(), 5060, L::SCSCF, 5060));
        });
        Simulator::Stop(Seconds(10));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(f.net.Find(L::SCSCF_LINK, true, "OPTIONS", 483).size(), 1u, "483");
        NS_TEST_ASSERT_MSG_EQ(f.net.Find(L::SCSCF_LINK, true, "MESSAGE", 482).size(), 1u, "482");
        std::vector<WirePacket> fwd = f.net.Find(L::SCSCF_LINK, true, "MESSAGE", 0);
        // Unanswered, the original MESSAGE is retransmitted (Timer E) and each copy is forwarded
        // with the same stateless branch; only the first copy came back round.
        NS_TEST_ASSERT_MSG_GT(fwd.size(), 1u, "retransmissions forwarded too");
        for (const WirePacket& w : fwd)
        {
            NS_TEST_ASSERT_MSG_EQ(w.payload, fwd[0].payload, "the same forwarded request");
        }
        std::vector<WirePacket> inv = f.net.Find(L::SCSCF_LINK, true, "INVITE", 0);
        std::vector<WirePacket> can = f.net.Find(L::SCSCF_LINK, true, "CANCEL", 0);
        IMS_TEST_REQUIRE_SIZE(inv, 1, "INVITE forwarded");
        IMS_TEST_REQUIRE_SIZE(can, 1, "CANCEL forwarded");
        NS_TEST_ASSERT_MSG_EQ(can[0].message.GetTopVia()->GetBranch().value_or("c"),
                              inv[0].message.GetTopVia()->GetBranch().value_or("i"),
                              "the CANCEL keeps the INVITE's branch (RFC 3261 16.11)");
        NS_TEST_ASSERT_MSG_EQ(f.scscf->GetProxyResponses(483), 1u, "483 counted");
        NS_TEST_ASSERT_MSG_EQ(f.scscf->GetProxyResponses(482), 1u, "482 counted");
        NS_TEST_ASSERT_MSG_EQ(f.scscf->GetTransport()->GetParseErrorCount(), 2u, "garbage counted");
        NS_TEST_ASSERT_MSG_EQ(f.scscf->GetTransport()->GetBadRequestAnsweredCount(), 1u, "one 400");
        NS_TEST_ASSERT_MSG_EQ(f.scscf->GetProxyDrops(), 1u, "the stray response dropped");
        NS_TEST_ASSERT_MSG_EQ(f.scscf->GetForwardedResponses(),
                              1u,
                              "only the 100 Trying to the echo INVITE forwarded");
    }
};

// --- building blocks ------------------------------------------------------------------------

/** ScscfRegistrar alone: replacement, interning of Paths, expiry order, one timer. */
class ScscfRegistrarTestCase : public TestCase
{
  public:
    ScscfRegistrarTestCase()
        : TestCase("registrar: bindings replaced, Paths interned, expiry in order")
    {
    }

  private:
    void DoRun() override
    {
        ScscfRegistrar r;
        std::vector<std::string> expired;
        r.SetExpiryCallback(MakeCallback(+[](std::vector<std::string>* v,
                                             const std::string& impi,
                                             const ScscfRegistrar::Binding&) {
                                v->push_back(impi + "@" +
                                             std::to_string(Simulator::Now().GetSeconds()));
                            }).Bind(&expired));
        Simulator::Schedule(Seconds(1), [&r]() {
            NS_ABORT_IF(r.Update("a", "sip:a@[::1]", "<sip:p1;lr>", "c1", 1, Seconds(30)));
            r.Update("b", "sip:b@[::1]", "<sip:p1;lr>", "c2", 1, Seconds(10));
            r.Update("c", "sip:c@[::1]", "<sip:p2;lr>", "c3", 1, Seconds(20));
        });
        uint32_t paths = 0;
        bool replaced = false;
        Simulator::Schedule(Seconds(5), [&]() {
            paths = r.GetPathCount();
            replaced = r.Update("b", "sip:b2@[::1]", "<sip:p2;lr>", "c2", 2, Seconds(40));
        });
        uint32_t pathsAfter = 0;
        Simulator::Schedule(Seconds(6), [&]() { pathsAfter = r.GetPathCount(); });
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(paths, 2u, "two distinct Paths stored once each");
        NS_TEST_ASSERT_MSG_EQ(replaced, true, "b existed");
        NS_TEST_ASSERT_MSG_EQ(pathsAfter, 2u, "p1 still used by a");
        std::vector<std::string> want{"c@20.000000", "a@30.000000", "b@40.000000"};
        NS_TEST_ASSERT_MSG_EQ((expired == want), true, "expired in time order, b moved to 40 s");
        NS_TEST_ASSERT_MSG_EQ(r.GetSize(), 0u, "empty");
        NS_TEST_ASSERT_MSG_EQ(r.GetPathCount(), 0u, "Paths released");
        Simulator::Destroy();
    }
};

/**
 * SipDialog as the remote party uses it: UAC route set reversed, UAS in order, next hop by
 * loose routing, dialog keys, CSeq rules.
 */
class RemotePartyDialogTestCase : public TestCase
{
  public:
    RemotePartyDialogTestCase()
        : TestCase("dialog: route sets, next hop, keys, CSeq (RFC 3261 section 12)")
    {
    }

  private:
    void DoRun() override
    {
        SipMessage invite =
            MakeTestRequest("INVITE", ImsCoreTestNetwork::PCSCF, 5060, "z9hG4bKi", "d-1", 7);
        invite.AddHeader("Contact", "<sip:ue1@[3fff:100::1]:5062>");
        invite.AddHeader("Record-Route", "<sip:[3fff:f00:0:1::2]:5060;lr>");
        invite.AddHeader("Record-Route", "<sip:[3fff:f00:0:2::2]:5060;lr>");
        SipMessage ok = SipMessageFactory::CreateResponse(invite, 200, "", "uas-tag");
        for (const std::string& rr : invite.GetAll("Record-Route"))
        {
            ok.AddHeader("Record-Route", rr);
        }
        ok.AddHeader("Contact", "<sip:remote@[3fff:f00:0:3::2]:5060>");
        SipDialog uac;
        NS_TEST_ASSERT_MSG_EQ(SipDialog::CreateAsUac(invite, ok, &uac), true, "UAC dialog");
        std::vector<SipNameAddr> rs = uac.GetRouteSet();
        IMS_TEST_REQUIRE_SIZE(rs, 2, "route set");
        NS_TEST_ASSERT_MSG_EQ(rs[0].ToString(),
                              "<sip:[3fff:f00:0:2::2]:5060;lr>",
                              "reversed at the UAC");
        SipMessage bye =
            uac.CreateRequest("BYE", SipVia("UDP", "3fff:f00:0:1::2", 5060, "z9hG4bKb"));
        NS_TEST_ASSERT_MSG_EQ(bye.GetRequestUri(), "sip:remote@[3fff:f00:0:3::2]:5060", "target");
        NS_TEST_ASSERT_MSG_EQ(bye.GetCseq()->GetSequence(), 8u, "CSeq after the INVITE's 7");
        NS_TEST_ASSERT_MSG_EQ(bye.GetTo()->GetTag().value_or(""), "uas-tag", "remote tag");
        NS_TEST_ASSERT_MSG_EQ(bye.GetNameAddrs("Route").size(), 2u, "Route set");
        SipMessage ack = uac.CreateAck(7, SipVia("UDP", "h", 5060, "z9hG4bKa"));
        NS_TEST_ASSERT_MSG_EQ(ack.GetCseq()->GetSequence(), 7u, "ACK keeps the INVITE's CSeq");
        Ipv6Address next;
        uint16_t port = 0;
        NS_TEST_ASSERT_MSG_EQ(uac.GetNextHop(&next, &port), true, "next hop");
        NS_TEST_ASSERT_MSG_EQ(AddressString(next), "3fff:f00:0:2::2", "first Route");
        NS_TEST_ASSERT_MSG_EQ(port, 5060, "its port");

        SipDialog uas;
        NS_TEST_ASSERT_MSG_EQ(SipDialog::CreateAsUas(invite, "", &uas), false, "no local tag");
        NS_TEST_ASSERT_MSG_EQ(SipDialog::CreateAsUas(invite, "uas-tag", &uas), true, "UAS dialog");
        NS_TEST_ASSERT_MSG_EQ(uas.GetRouteSet()[0].ToString(),
                              "<sip:[3fff:f00:0:1::2]:5060;lr>",
                              "in order");
        NS_TEST_ASSERT_MSG_EQ(uas.GetRemoteTarget().ToString(),
                              "sip:ue1@[3fff:100::1]:5062",
                              "UE contact");
        NS_TEST_ASSERT_MSG_EQ(uas.AcceptRemoteSequence(6), false, "CSeq 6 after 7 refused");
        NS_TEST_ASSERT_MSG_EQ(uas.AcceptRemoteSequence(7), false, "CSeq 7 again refused");
        NS_TEST_ASSERT_MSG_EQ(uas.AcceptRemoteSequence(8), true, "CSeq 8 accepted");
        NS_TEST_ASSERT_MSG_EQ(uas.GetRemoteSequence(), 8u, "remote sequence");
        NS_TEST_ASSERT_MSG_EQ(uas.GetKey(),
                              SipDialog::KeyOfReceived(bye),
                              "BYE finds the UAS dialog");
        NS_TEST_ASSERT_MSG_EQ(SipDialog::KeyOfReceived(ok), uac.GetKey(), "2xx finds the UAC");

        // without a route set the request goes to the remote target
        SipMessage direct = SipMessageFactory::CreateResponse(invite, 200, "", "t2");
        direct.AddHeader("Contact", "<sip:remote@[3fff:f00:0:3::2]:5070>");
        SipDialog plain;
        NS_TEST_ASSERT_MSG_EQ(SipDialog::CreateAsUac(invite, direct, &plain), true, "UAC");
        NS_TEST_ASSERT_MSG_EQ(plain.GetNextHop(&next, &port), true, "next hop");
        NS_TEST_ASSERT_MSG_EQ(AddressString(next), "3fff:f00:0:3::2", "the remote target");
        NS_TEST_ASSERT_MSG_EQ(port, 5070, "its port");
    }
};

/** The S-CSCF registration suite. */
class ScscfRegistrationTestSuite : public TestSuite
{
  public:
    ScscfRegistrationTestSuite()
        : TestSuite("imssec-ims-scscf-registration", UNIT)
    {
        AddTestCase(new ScscfInitialRegistrationTestCase, TestCase::QUICK);
        AddTestCase(new ScscfWrongResponseTestCase, TestCase::QUICK);
        AddTestCase(new ScscfUnknownUserTestCase, TestCase::QUICK);
        AddTestCase(new ScscfResyncTestCase(false, false), TestCase::QUICK);
        AddTestCase(new ScscfResyncTestCase(true, false), TestCase::QUICK);
        AddTestCase(new ScscfResyncTestCase(false, true), TestCase::QUICK);
        AddTestCase(new ScscfReregistrationTestCase(ScscfReregistrationTestCase::AUTHENTICATED),
                    TestCase::QUICK);
        AddTestCase(new ScscfReregistrationTestCase(ScscfReregistrationTestCase::UNAUTHENTICATED),
                    TestCase::QUICK);
        AddTestCase(new ScscfReregistrationTestCase(ScscfReregistrationTestCase::NEW_CONTACT),
                    TestCase::QUICK);
        AddTestCase(
            new ScscfReregistrationTestCase(ScscfReregistrationTestCase::NEW_CONTACT_STRICT),
            TestCase::QUICK);
        AddTestCase(new ScscfRetransmissionTestCase, TestCase::QUICK);
        AddTestCase(new ScscfExpiryTestCase, TestCase::QUICK);
        AddTestCase(new ScscfDeregistrationTestCase, TestCase::QUICK);
        AddTestCase(new ScscfRegistrarTestCase, TestCase::QUICK);
    }
};

/** The S-CSCF routing suite. */
class ScscfRoutingTestSuite : public TestSuite
{
  public:
    ScscfRoutingTestSuite()
        : TestSuite("imssec-ims-scscf-routing", UNIT)
    {
        AddTestCase(new ScscfOriginatingTestCase, TestCase::QUICK);
        AddTestCase(new ScscfTerminatingTestCase, TestCase::QUICK);
        AddTestCase(new ScscfProxyChecksTestCase, TestCase::QUICK);
        AddTestCase(new RemotePartyDialogTestCase, TestCase::QUICK);
    }
};

static ScscfRegistrationTestSuite g_scscfRegistrationTestSuite; //!< registration
static ScscfRoutingTestSuite g_scscfRoutingTestSuite;           //!< routing

} // namespace
