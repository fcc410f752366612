/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The RemoteParty against a scripted peer that plays the S-CSCF and the UE at once: the
// answering side (100/180/200 on the wire, ACK, refreshes, BYE, 481/500, supervision,
// CANCEL, rejection), the originating side (INVITE with the preloaded Route, ACK, UPDATE
// schedule, BYE, failures and drops by cause) and the Poisson arrival process over a long run.
#include "ims-core-test-network.h"

#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/remote-party-helper.h"
#include "ns3/remote-party.h"
#include "ns3/simulator.h"
#include "ns3/sip-message-factory.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <cmath>
#include <map>
#include <memory>

using namespace ns3;
using namespace ns3::tests;

namespace
{

using L = ImsCoreTestNetwork;

/** The remote party's SIP URI with its address (its Contact). */
std::string
RemoteContact()
{
    return "sip:remote@[" + AddressString(L::REMOTE) + "]:5060";
}

/**
 * A fixture: the core network with a RemoteParty on the remote node and a scripted UA on
 * the P-CSCF node (which is also the RemoteParty's S-CSCF).
 */
struct RemoteFixture
{
    ImsCoreTestNetwork net;             //!< network
    Ptr<RemoteParty> remote;            //!< the remote party
    std::unique_ptr<ScriptedPeer> peer; //!< scripted UA / S-CSCF

    /**
     * \param configure sets attributes on the helper
     */
    explicit RemoteFixture(std::function<void(RemotePartyHelper&)> configure = nullptr)
    {
        RemotePartyHelper helper(L::PCSCF);
        if (configure)
        {
            configure(helper);
        }
        remote = DynamicCast<RemoteParty>(helper.Install(net.nodes[L::REMOTE_LINK]).Get(0));
        remote->AssignStreams(100);
        peer = std::make_unique<ScriptedPeer>(net.nodes[L::PCSCF_LINK], L::PCSCF);
    }

    /**
     * \param callId Call-ID
     * \param sessionExpires Session-Expires header ("" for none)
     * \returns an INVITE from ue1 as the S-CSCF would forward it (Record-Route, Contact)
     */
    SipMessage Invite(const std::string& callId, const std::string& sessionExpires)
    {
        SipMessage m = MakeTestRequest("INVITE", L::PCSCF, 5060, peer->NewBranch(), callId, 1);
        m.AddHeader("Record-Route", "<sip:" + peer->Host() + ":5060;lr>");
        m.AddHeader("Contact", "<sip:ue1@" + peer->Host() + ":5060>");
        if (!sessionExpires.empty())
        {
            m.AddHeader("Session-Expires", sessionExpires);
        }
        m.SetContentType(SipContentType("application", "sdp"));
        m.SetBody("v=0\r\n");
        return m;
    }

    /**
     * \param invite the INVITE sent
     * \param ok its 200
     * \param method the method
     * \param cseq CSeq number (the INVITE's for ACK)
     * \returns a request inside that dialog, from the UE
     */
    SipMessage InDialog(const SipMessage& invite,
                        const SipMessage& ok,
                        const std::string& method,
                        uint32_t cseq)
    {
        std::vector<SipNameAddr> contact = ok.GetContacts();
        return SipMessageFactory::CreateRequest(
            method,
            contact.at(0).GetUri(),
            SipVia("UDP", AddressString(L::PCSCF), 5060, peer->NewBranch()),
            *invite.GetFrom(),
            *ok.GetTo(),
            *invite.GetCallId(),
            cseq);
    }
};

/** Answering a session: 100, 180, 200 with SDP, ACK, UPDATE, BYE; 481 and 500. */
class RemoteAnswerTestCase : public TestCase
{
  public:
    RemoteAnswerTestCase()
        : TestCase("answers 100, 180, 200 after AnswerDelay; ACK, UPDATE, BYE; 481 and 500")
    {
    }

  private:
    void DoRun() override
    {
        RemoteFixture f([](RemotePartyHelper& h) {
            h.SetAttribute("RingingDelay", TimeValue(MilliSeconds(500)));
            h.SetAttribute("AnswerDelay", TimeValue(Seconds(2)));
        });
        std::vector<std::string> ended;
        f.remote->TraceConnectWithoutContext("SessionEnded",
                                             MakeCallback(+[](std::vector<std::string>* v,
                                                              const std::string& callId,
                                                              const std::string& peer,
                                                              RemoteParty::Direction d,
                                                              const std::string& cause) {
                                                 v->push_back(callId + " " + peer + " " +
                                                              RemoteParty::GetDirectionName(d) +
                                                              " " + cause);
                                             }).Bind(&ended));
        SipMessage invite = f.Invite("ans-1", "60;refresher=uac");
        SipMessage ok;
        ScriptedPeer& p = *f.peer;
        auto send = [&](const SipMessage& m) { p.Send(m, L::REMOTE, nullptr); };
        p.Send(invite, L::REMOTE, [&](const SipMessage& r) {
            if (r.GetStatusCode() != 200 || ok.GetStatusCode() == 200)
            {
                return;
            }
            ok = r;
            p.manager->SendStateless(
                f.InDialog(invite, ok, "ACK", 1),
                SipTarget::Clear(Ipv6Address::GetAny(), 5060, L::REMOTE, 5060));
            Simulator::Schedule(Seconds(10), [&]() {
                SipMessage u = f.InDialog(invite, ok, "UPDATE", 2);
                u.AddHeader("Session-Expires", "60;refresher=uac");
                send(u);
            });
            // The same CSeq again in a new transaction: out of order.
            Simulator::Schedule(Seconds(11), [&]() { send(f.InDialog(invite, ok, "UPDATE", 2)); });
            Simulator::Schedule(Seconds(20), [&]() { send(f.InDialog(invite, ok, "BYE", 3)); });
            // A BYE in a dialog that does not exist.
            Simulator::Schedule(Seconds(21), [&]() {
                SipMessage bye = f.InDialog(invite, ok, "BYE", 4);
                bye.SetCallId("no-such-call");
                send(bye);
            });
        });
        Simulator::Stop(Seconds(30));
        Simulator::Run();

        std::vector<WirePacket> in = f.net.Find(L::REMOTE_LINK, false, "INVITE", 0);
        IMS_TEST_REQUIRE_SIZE(in, 1, "one INVITE");
        std::vector<WirePacket> r100 = f.net.Find(L::REMOTE_LINK, true, "INVITE", 100);
        std::vector<WirePacket> r180 = f.net.Find(L::REMOTE_LINK, true, "INVITE", 180);
        std::vector<WirePacket> r200 = f.net.Find(L::REMOTE_LINK, true, "INVITE", 200);
        IMS_TEST_REQUIRE_SIZE(r100, 1, "one 100");
        IMS_TEST_REQUIRE_SIZE(r180, 1, "one 180");
        IMS_TEST_REQUIRE_SIZE(r200, 1, "one 200 (the ACK came in time)");
        Time arrival = in[0].time;
        NS_TEST_ASSERT_MSG_EQ_TOL((r100[0].time - arrival).GetSeconds(), 0.0, 0.01, "100 at once");
        NS_TEST_ASSERT_MSG_EQ_TOL((r180[0].time - arrival).GetSeconds(), 0.5, 0.01, "180 at 0.5 s");
        NS_TEST_ASSERT_MSG_EQ_TOL((r200[0].time - arrival).GetSeconds(), 2.0, 0.01, "200 at 2 s");
        NS_TEST_ASSERT_MSG_EQ(r100[0].message.GetTo()->GetTag().has_value(), false, "100 no tag");
        std::string tag = r180[0].message.GetTo()->GetTag().value_or("");
        NS_TEST_ASSERT_MSG_NE(tag, "", "180 has a To tag");
        const SipMessage& a = r200[0].message;
        NS_TEST_ASSERT_MSG_EQ(a.GetTo()->GetTag().value_or(""), tag, "same tag in the 200");
        NS_TEST_ASSERT_MSG_EQ(a.GetContacts().at(0).GetUri().ToString(),
                              RemoteContact(),
                              "Contact");
        NS_TEST_ASSERT_MSG_EQ(a.GetFirst("Record-Route").value_or(""),
                              "<sip:" + f.peer->Host() + ":5060;lr>",
                              "Record-Route copied");
        NS_TEST_ASSERT_MSG_EQ(a.GetFirst("Session-Expires").value_or(""),
                              "60;refresher=uac",
                              "Session-Expires echoed");
        NS_TEST_ASSERT_MSG_EQ(a.HasOptionTag("Require", "timer"), true, "Require: timer");
        NS_TEST_ASSERT_MSG_EQ(a.GetContentType()->GetType(), "application", "SDP answer");
        NS_TEST_ASSERT_MSG_EQ(a.GetBody().rfind("v=0\r\n", 0), 0u, "SDP body");
        NS_TEST_ASSERT_MSG_NE(a.GetBody().find("IN IP6 " + AddressString(L::REMOTE)),
                              std::string::npos,
                              "SDP with the remote party's address");

        NS_TEST_ASSERT_MSG_EQ(f.net.Find(L::REMOTE_LINK, true, "UPDATE", 200).size(),
                              1u,
                              "UPDATE 200");
        NS_TEST_ASSERT_MSG_EQ(f.net.Find(L::REMOTE_LINK, true, "UPDATE", 500).size(),
                              1u,
                              "UPDATE 500");
        NS_TEST_ASSERT_MSG_EQ(f.net.Find(L::REMOTE_LINK, true, "BYE", 200).size(), 1u, "BYE 200");
        NS_TEST_ASSERT_MSG_EQ(f.net.Find(L::REMOTE_LINK, true, "BYE", 481).size(), 1u, "BYE 481");
        NS_TEST_ASSERT_MSG_EQ(f.remote->GetInvitesReceived(), 1u, "one INVITE");
        NS_TEST_ASSERT_MSG_EQ(f.remote->GetSessionsAnswered(), 1u, "answered");
        NS_TEST_ASSERT_MSG_EQ(f.remote->GetSessionsEstablished(RemoteParty::INCOMING), 1u, "ACKed");
        NS_TEST_ASSERT_MSG_EQ(f.remote->GetRefreshesReceived(), 1u, "one refresh");
        NS_TEST_ASSERT_MSG_EQ(f.remote->GetSessionsCompleted(RemoteParty::INCOMING), 1u, "ended");
        NS_TEST_ASSERT_MSG_EQ(f.remote->GetSessionsDropped(RemoteParty::INCOMING), 0u, "no drop");
        NS_TEST_ASSERT_MSG_EQ(f.remote->GetUnknownDialogRequests(), 1u, "481 counted");
        IMS_TEST_REQUIRE_SIZE(ended, 1, "SessionEnded once");
        NS_TEST_ASSERT_MSG_EQ(ended[0], "ans-1 sip:ue1@ims.example incoming completed", "trace");
    }
};

/**
 * Supervision: a session never refreshed is dropped after its Session-Expires (refresh-
 * timeout, BYE sent through the route set); a 2xx never acknowledged is dropped after 64*T1
 * (no-ack, BYE sent).
 */
class RemoteSupervisionTestCase : public TestCase
{
  public:
    RemoteSupervisionTestCase()
        : TestCase("refresh supervision and missing ACK drop the session, with a BYE")
    {
    }

  private:
    void DoRun() override
    {
        RemoteFixture f(
            [](RemotePartyHelper& h) { h.SetAttribute("AnswerDelay", TimeValue(Seconds(0))); });
        ScriptedPeer& p = *f.peer;
        SipMessage first = f.Invite("sup-1", "30;refresher=uac");
        SipMessage second = f.Invite("sup-2", "");
        bool acked = false;
        p.onRequest = [&p](const SipMessage&, const SipPacketInfo&, uint64_t h) {
            if (h != 0)
            {
                p.Answer(h, 200, ""); // the BYEs
            }
        };
        p.Send(first, L::REMOTE, [&](const SipMessage& r) {
            if (r.GetStatusCode() == 200 && !acked)
            {
                acked = true;
                p.manager->SendStateless(
                    f.InDialog(first, r, "ACK", 1),
                    SipTarget::Clear(Ipv6Address::GetAny(), 5060, L::REMOTE, 5060));
            }
        });
        Simulator::Schedule(Seconds(1), [&]() { p.Send(second, L::REMOTE, nullptr); });
        Simulator::Stop(Seconds(60));
        Simulator::Run();
        std::vector<WirePacket> byes = f.net.Find(L::REMOTE_LINK, true, "BYE", 0);
        IMS_TEST_REQUIRE_SIZE(byes, 2, "two BYEs from the remote party");
        NS_TEST_ASSERT_MSG_EQ(*byes[0].message.GetCallId(), "sup-1", "first the unrefreshed one");
        NS_TEST_ASSERT_MSG_EQ_TOL(byes[0].time.GetSeconds(),
                                  30.0,
                                  0.1,
                                  "after Session-Expires 30 s");
        NS_TEST_ASSERT_MSG_EQ(byes[0].message.GetFirst("Route").value_or(""),
                              "<sip:" + p.Host() + ":5060;lr>",
                              "BYE through the route set");
        NS_TEST_ASSERT_MSG_EQ(byes[0].message.GetRequestUri(),
                              "sip:ue1@" + p.Host() + ":5060",
                              "to the UE's contact");
        NS_TEST_ASSERT_MSG_EQ(*byes[1].message.GetCallId(), "sup-2", "then the unACKed one");
        NS_TEST_ASSERT_MSG_EQ_TOL(byes[1].time.GetSeconds(), 33.0, 0.1, "after 64*T1 = 32 s");
        std::vector<WirePacket> twoHundred = f.net.Find(L::REMOTE_LINK, true, "INVITE", 200);
        NS_TEST_ASSERT_MSG_GT(twoHundred.size(), 5u, "the unACKed 2xx was retransmitted");
        NS_TEST_ASSERT_MSG_EQ(
            f.remote->GetSessionsDropped(RemoteParty::INCOMING, "refresh-timeout"),
            1u,
            "refresh-timeout");
        NS_TEST_ASSERT_MSG_EQ(f.remote->GetSessionsDropped(RemoteParty::INCOMING, "no-ack"),
                              1u,
                              "no-ack");
        NS_TEST_ASSERT_MSG_EQ(f.remote->GetSessionsEstablished(RemoteParty::INCOMING),
                              1u,
                              "one up");
        NS_TEST_ASSERT_MSG_EQ(f.remote->GetActiveSessions(), 0u, "nothing left");
    }
};

/**
 * AnswerStatusCode 486 rejects (the transaction's ACK absorbed); CANCEL gets 200 and the
 * INVITE 487; a BYE in the early dialog (after the 180) gets 200 and the INVITE 487.
 */
class RemoteRejectTestCase : public TestCase
{
  public:
    /** How the attempt ends. */
    enum Variant
    {
        REJECT,    //!< AnswerStatusCode 486
        CANCEL,    //!< CANCEL before the answer
        EARLY_BYE, //!< BYE in the early dialog
    };

    /**
     * \param variant which
     */
    explicit RemoteRejectTestCase(Variant variant)
        : TestCase(variant == REJECT   ? "AnswerStatusCode 486: every INVITE rejected"
                   : variant == CANCEL ? "CANCEL before the answer: 200 and 487"
                                       : "BYE in the early dialog: 200 and 487"),
          m_variant(variant)
    {
    }

  private:
    void DoRun() override
    {
        Variant variant = m_variant;
        RemoteFixture f([variant](RemotePartyHelper& h) {
            h.SetAttribute("AnswerDelay", TimeValue(Seconds(5)));
            if (variant == REJECT)
            {
                h.SetAttribute("AnswerStatusCode", UintegerValue(486));
            }
        });
        ScriptedPeer& p = *f.peer;
        SipMessage invite = f.Invite("rej-1", "");
        SipMessage ringing;
        p.Send(invite, L::REMOTE, [&ringing](const SipMessage& r) {
            if (r.GetStatusCode() == 180)
            {
                ringing = r;
            }
        });
        Simulator::Schedule(Seconds(1), [&]() {
            if (m_variant == CANCEL)
            {
                // RFC 3261 9.1: the INVITE's Request-URI, Call-ID, From, To, CSeq number, Via.
                SipMessage c = SipMessage::MakeRequest("CANCEL", invite.GetRequestUri());
                c.AddHeader("Via", invite.GetFirst("Via").value_or(""));
                c.SetMaxForwards(70);
                c.AddHeader("From", invite.GetFirst("From").value_or(""));
                c.AddHeader("To", invite.GetFirst("To").value_or(""));
                c.SetCallId("rej-1");
                c.SetCseq(SipCseq(1, "CANCEL"));
                p.Send(c, L::REMOTE, nullptr);
            }
            else if (m_variant == EARLY_BYE)
            {
                p.Send(f.InDialog(invite, ringing, "BYE", 2), L::REMOTE, nullptr);
            }
        });
        Simulator::Stop(Seconds(40)); // after Timer J of the CANCEL or BYE transaction
        Simulator::Run();
        uint16_t code = m_variant == REJECT ? 486 : 487;
        NS_TEST_ASSERT_MSG_EQ(f.net.Find(L::REMOTE_LINK, true, "INVITE", code).size(),
                              1u,
                              "final response");
        NS_TEST_ASSERT_MSG_EQ(f.net.Find(L::REMOTE_LINK, true, "INVITE", 200).size(), 0u, "no 200");
        NS_TEST_ASSERT_MSG_EQ(f.net.Find(L::REMOTE_LINK, false, "ACK", 0).size(), 1u, "ACKed");
        NS_TEST_ASSERT_MSG_EQ(f.remote->GetSessionsRejected(), 1u, "rejected");
        NS_TEST_ASSERT_MSG_EQ(f.remote->GetSessionsAnswered(), 0u, "not answered");
        NS_TEST_ASSERT_MSG_EQ(f.remote->GetSessionsCompleted(RemoteParty::INCOMING), 0u, "none");
        NS_TEST_ASSERT_MSG_EQ(f.remote->GetActiveSessions(), 0u, "nothing left");
        NS_TEST_ASSERT_MSG_EQ(f.remote->GetTransactionManager()->GetTransactionCount(),
                              0u,
                              "no transaction left");
        if (m_variant != REJECT)
        {
            std::string method = m_variant == CANCEL ? "CANCEL" : "BYE";
            NS_TEST_ASSERT_MSG_EQ(f.net.Find(L::REMOTE_LINK, true, method, 200).size(),
                                  1u,
                                  method << " answered 200");
        }
    }

    Variant m_variant; //!< variant
};

/**
 * Originating: INVITE with the preloaded Route, Contact, Session-Expires and SDP; ACK and
 * in-dialog requests through the route set; UPDATE every SessionRefreshInterval; BYE after
 * the holding time; setup delay.
 */
class RemoteOriginateTestCase : public TestCase
{
  public:
    RemoteOriginateTestCase()
        : TestCase("originates INVITE, ACK, UPDATE every interval, BYE after the holding time")
    {
    }

  private:
    void DoRun() override
    {
        RemoteFixture f([](RemotePartyHelper& h) {
            h.SetAttribute("SessionRefreshInterval", TimeValue(Seconds(10)));
            h.SetAttribute("HoldingTime", StringValue("ns3::ConstantRandomVariable[Constant=35]"));
        });
        ScriptedPeer& p = *f.peer;
        std::string rr = "<sip:" + p.Host() + ":5060;lr>";
        std::vector<Time> delays;
        f.remote->TraceConnectWithoutContext(
            "SetupDelay",
            MakeCallback(+[](std::vector<Time>* v, const std::string&, const std::string&, Time d) {
                v->push_back(d);
            }).Bind(&delays));
        p.onRequest = [&](const SipMessage& r, const SipPacketInfo&, uint64_t h) {
            if (h == 0)
            {
                return;
            }
            auto decorate = [&](SipMessage& m) {
                m.AddHeader("Record-Route", rr);
                m.AddHeader("Contact", "<sip:ue1@" + p.Host() + ":5060>");
            };
            if (r.IsMethod("INVITE"))
            {
                p.Answer(h, 180, "ue-tag", decorate);
                Simulator::Schedule(Seconds(1),
                                    [&p, h, decorate]() { p.Answer(h, 200, "ue-tag", decorate); });
            }
            else
            {
                p.Answer(h, 200, "ue-tag");
            }
        };
        Simulator::Schedule(Seconds(1), [&]() { f.remote->StartSession("sip:ue1@ims.example"); });
        Simulator::Stop(Seconds(60));
        Simulator::Run();

        std::vector<WirePacket> out = f.net.Sip(L::REMOTE_LINK, true);
        std::vector<WirePacket> requests;
        for (const WirePacket& w : out)
        {
            if (w.message.IsRequest())
            {
                requests.push_back(w);
            }
        }
        IMS_TEST_REQUIRE_SIZE(requests, 6, "INVITE ACK UPDATE UPDATE UPDATE BYE");
        const SipMessage& inv = requests[0].message;
        NS_TEST_ASSERT_MSG_EQ(inv.GetMethod(), "INVITE", "INVITE first");
        NS_TEST_ASSERT_MSG_EQ(inv.GetRequestUri(), "sip:ue1@ims.example", "to the IMPU");
        NS_TEST_ASSERT_MSG_EQ(inv.GetFirst("Route").value_or(""), rr, "preloaded S-CSCF Route");
        NS_TEST_ASSERT_MSG_EQ(AddressString(requests[0].destination),
                              AddressString(L::PCSCF),
                              "sent to the S-CSCF");
        NS_TEST_ASSERT_MSG_EQ(inv.GetContacts().at(0).GetUri().ToString(),
                              RemoteContact(),
                              "Contact");
        NS_TEST_ASSERT_MSG_EQ(inv.GetFirst("Session-Expires").value_or(""),
                              "20;refresher=uac",
                              "Session-Expires = 2 * refresh interval");
        NS_TEST_ASSERT_MSG_EQ(inv.HasOptionTag("Supported", "timer"), true, "Supported: timer");
        NS_TEST_ASSERT_MSG_EQ(inv.GetFrom()->GetUri().ToString(), "sip:remote@ims.example", "From");
        NS_TEST_ASSERT_MSG_EQ(inv.GetFrom()->GetTag().has_value(), true, "From tag");
        NS_TEST_ASSERT_MSG_EQ(inv.GetTo()->GetTag().has_value(), false, "no To tag");
        NS_TEST_ASSERT_MSG_EQ(inv.GetContentType()->GetSubtype(), "sdp", "SDP offer");
        std::vector<std::string> methods;
        std::vector<uint32_t> cseqs;
        for (size_t i = 1; i < requests.size(); ++i)
        {
            const SipMessage& m = requests[i].message;
            methods.push_back(m.GetMethod());
            cseqs.push_back(m.GetCseq()->GetSequence());
            NS_TEST_ASSERT_MSG_EQ(m.GetRequestUri(),
                                  "sip:ue1@" + p.Host() + ":5060",
                                  "remote target");
            NS_TEST_ASSERT_MSG_EQ(m.GetFirst("Route").value_or(""), rr, "route set");
            NS_TEST_ASSERT_MSG_EQ(m.GetTo()->GetTag().value_or(""), "ue-tag", "remote tag");
            NS_TEST_ASSERT_MSG_EQ(*m.GetCallId(), *inv.GetCallId(), "same Call-ID");
        }
        std::vector<std::string> wantMethods{"ACK", "UPDATE", "UPDATE", "UPDATE", "BYE"};
        std::vector<uint32_t> wantCseqs{1, 2, 3, 4, 5};
        NS_TEST_ASSERT_MSG_EQ((methods == wantMethods), true, "in-dialog requests");
        NS_TEST_ASSERT_MSG_EQ((cseqs == wantCseqs), true, "CSeq 1 (ACK) then 2, 3, 4, 5");
        double t2xx = requests[1].time.GetSeconds();
        NS_TEST_ASSERT_MSG_EQ_TOL(t2xx,
                                  2.0,
                                  0.05,
                                  "ACK when the 200 arrives (1 s after the INVITE)");
        NS_TEST_ASSERT_MSG_EQ_TOL(requests[2].time.GetSeconds() - t2xx, 10.0, 0.05, "UPDATE 10 s");
        NS_TEST_ASSERT_MSG_EQ_TOL(requests[3].time.GetSeconds() - t2xx, 20.0, 0.1, "UPDATE 20 s");
        NS_TEST_ASSERT_MSG_EQ_TOL(requests[4].time.GetSeconds() - t2xx, 30.0, 0.1, "UPDATE 30 s");
        NS_TEST_ASSERT_MSG_EQ_TOL(requests[5].time.GetSeconds() - t2xx, 35.0, 0.01, "BYE at 35 s");
        IMS_TEST_REQUIRE_SIZE(delays, 1, "one setup delay");
        NS_TEST_ASSERT_MSG_EQ_TOL(delays[0].GetSeconds(), 1.0, 0.02, "INVITE -> 200");
        NS_TEST_ASSERT_MSG_EQ(f.remote->GetSessionsOriginated(), 1u, "originated");
        NS_TEST_ASSERT_MSG_EQ(f.remote->GetSessionsEstablished(RemoteParty::OUTGOING), 1u, "up");
        NS_TEST_ASSERT_MSG_EQ(f.remote->GetSessionsCompleted(RemoteParty::OUTGOING), 1u, "ended");
        NS_TEST_ASSERT_MSG_EQ(f.remote->GetRefreshesSent(), 3u, "three refreshes");
        NS_TEST_ASSERT_MSG_EQ(f.remote->GetSetupDelayMean(), delays[0], "mean of one");
    }
};

/** Originated sessions that fail (486, timeout) or are dropped (refresh answered 481). */
class RemoteFailuresTestCase : public TestCase
{
  public:
    RemoteFailuresTestCase()
        : TestCase("failed attempts and dropped sessions by cause")
    {
    }

  private:
    void DoRun() override
    {
        RemoteFixture f([](RemotePartyHelper& h) {
            h.SetAttribute("SessionRefreshInterval", TimeValue(Seconds(5)));
            h.SetAttribute("HoldingTime", StringValue("ns3::ConstantRandomVariable[Constant=100]"));
        });
        ScriptedPeer& p = *f.peer;
        p.manager->SetAttribute("SendTrying", BooleanValue(false)); // "silent" stays silent
        p.onRequest = [&p](const SipMessage& r, const SipPacketInfo&, uint64_t h) {
            if (h == 0)
            {
                return;
            }
            std::string user = r.GetTo()->GetUri().GetUser();
            auto contact = [&p](SipMessage& m) {
                m.AddHeader("Contact", "<sip:ue@" + p.Host() + ":5060>");
            };
            if (r.IsMethod("INVITE") && user == "busy")
            {
                p.Answer(h, 486, "t");
            }
            else if (r.IsMethod("INVITE") && user == "gone")
            {
                p.Answer(h, 200, "t", contact);
            }
            else if (r.IsMethod("UPDATE"))
            {
                p.Answer(h, 481, "");
            }
            // "silent": never answered
        };
        std::vector<std::string> failed;
        f.remote->TraceConnectWithoutContext("SessionFailed",
                                             MakeCallback(+[](std::vector<std::string>* v,
                                                              const std::string&,
                                                              const std::string& peer,
                                                              RemoteParty::Direction,
                                                              const std::string& cause) {
                                                 v->push_back(peer + " " + cause);
                                             }).Bind(&failed));
        Simulator::Schedule(Seconds(1), [&]() {
            f.remote->StartSession("sip:busy@ims.example");
            f.remote->StartSession("sip:silent@ims.example");
            f.remote->StartSession("sip:gone@ims.example");
        });
        Simulator::Stop(Seconds(60));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(f.remote->GetSessionsFailed("486"), 1u, "486");
        NS_TEST_ASSERT_MSG_EQ(f.remote->GetSessionsFailed("timeout"), 1u, "timeout (Timer B)");
        NS_TEST_ASSERT_MSG_EQ(f.remote->GetSessionsFailed(), 2u, "two failed");
        NS_TEST_ASSERT_MSG_EQ(f.remote->GetSessionsDropped(RemoteParty::OUTGOING, "481"),
                              1u,
                              "dropped by the 481 to its refresh");
        NS_TEST_ASSERT_MSG_EQ(f.remote->GetSessionsCompleted(RemoteParty::OUTGOING), 0u, "none");
        IMS_TEST_REQUIRE_SIZE(failed, 2, "two SessionFailed");
        NS_TEST_ASSERT_MSG_EQ(failed[0], "sip:busy@ims.example 486", "486 first");
        NS_TEST_ASSERT_MSG_EQ(failed[1], "sip:silent@ims.example timeout", "timeout at 33 s");
        std::vector<WirePacket> invites = f.net.Find(L::REMOTE_LINK, true, "INVITE", 0);
        NS_TEST_ASSERT_MSG_EQ(invites.size(), 3u + 6u, "3 INVITEs, 6 Timer A retransmissions");
        NS_TEST_ASSERT_MSG_EQ(f.net.Find(L::REMOTE_LINK, true, "BYE", 0).size(), 0u, "no BYE");
    }
};

/**
 * Poisson arrivals over a long run: 50 targets at 6 sessions per target per hour for 10 h.
 * The count is within 4 standard deviations of 3000, targets are chosen uniformly
 * (chi-square, 49 degrees of freedom, below the 0.999 quantile 85.35), and inter-arrival
 * times have the exponential's coefficient of variation (1 within 0.1).
 */
class RemoteArrivalsTestCase : public TestCase
{
  public:
    RemoteArrivalsTestCase()
        : TestCase("Poisson arrivals of terminating sessions over 10 hours")
    {
    }

  private:
    void DoRun() override
    {
        const uint32_t n = 50;
        const double rate = 6;
        const double hours = 10;
        RemoteFixture f([&](RemotePartyHelper& h) {
            h.SetTargetUes(n);
            h.SetAttribute("TerminatingSessionRate", DoubleValue(rate));
        });
        ScriptedPeer& p = *f.peer;
        std::map<std::string, uint32_t> perTarget;
        std::vector<double> times;
        p.onRequest = [&](const SipMessage& r, const SipPacketInfo&, uint64_t h) {
            if (h != 0 && r.IsMethod("INVITE"))
            {
                perTarget[r.GetRequestUri()]++;
                times.push_back(Simulator::Now().GetSeconds());
                p.Answer(h, 486, "t");
            }
        };
        Simulator::Stop(Seconds(hours * 3600));
        Simulator::Run();
        double expected = n * rate * hours;
        double count = static_cast<double>(f.remote->GetSessionsOriginated());
        NS_TEST_ASSERT_MSG_EQ_TOL(count, expected, 4 * std::sqrt(expected), "Poisson count");
        NS_TEST_ASSERT_MSG_EQ(times.size(), f.remote->GetSessionsOriginated(), "all arrived");
        NS_TEST_ASSERT_MSG_EQ(perTarget.size(), n, "every target called");
        double chi2 = 0;
        double e = count / n;
        for (const auto& [target, c] : perTarget)
        {
            chi2 += (c - e) * (c - e) / e;
            NS_TEST_ASSERT_MSG_EQ(target.rfind("sip:ue", 0), 0u, "a UE target");
        }
        NS_TEST_ASSERT_MSG_LT(chi2, 85.35, "targets uniform");
        double sum = 0;
        double sum2 = 0;
        for (size_t i = 1; i < times.size(); ++i)
        {
            double d = times[i] - times[i - 1];
            sum += d;
            sum2 += d * d;
        }
        double k = static_cast<double>(times.size() - 1);
        double mean = sum / k;
        double cv = std::sqrt(sum2 / k - mean * mean) / mean;
        NS_TEST_ASSERT_MSG_EQ_TOL(mean, 3600 / (n * rate), 0.1 * 3600 / (n * rate), "mean gap");
        NS_TEST_ASSERT_MSG_EQ_TOL(cv, 1.0, 0.1, "exponential gaps");
        NS_TEST_ASSERT_MSG_EQ(f.remote->GetSessionsFailed("486"),
                              f.remote->GetSessionsOriginated(),
                              "all 486");
    }
};

/** Answering side. */
class RemoteAnswerTestSuite : public TestSuite
{
  public:
    RemoteAnswerTestSuite()
        : TestSuite("imssec-ims-remote-answer", UNIT)
    {
        AddTestCase(new RemoteAnswerTestCase, TestCase::QUICK);
        AddTestCase(new RemoteSupervisionTestCase, TestCase::QUICK);
        AddTestCase(new RemoteRejectTestCase(RemoteRejectTestCase::REJECT), TestCase::QUICK);
        AddTestCase(new RemoteRejectTestCase(RemoteRejectTestCase::CANCEL), TestCase::QUICK);
        AddTestCase(new RemoteRejectTestCase(RemoteRejectTestCase::EARLY_BYE), TestCase::QUICK);
    }
};

/** Originating side. */
class RemoteOriginateTestSuite : public TestSuite
{
  public:
    RemoteOriginateTestSuite()
        : TestSuite("imssec-ims-remote-originate", UNIT)
    {
        AddTestCase(new RemoteOriginateTestCase, TestCase::QUICK);
        AddTestCase(new RemoteFailuresTestCase, TestCase::QUICK);
    }
};

/** Arrival process. */
class RemoteArrivalsTestSuite : public TestSuite
{
  public:
    RemoteArrivalsTestSuite()
        : TestSuite("imssec-ims-remote-arrivals", UNIT)
    {
        AddTestCase(new RemoteArrivalsTestCase, TestCase::QUICK);
    }
};

static RemoteAnswerTestSuite g_remoteAnswerTestSuite;       //!< answering
static RemoteOriginateTestSuite g_remoteOriginateTestSuite; //!< originating
static RemoteArrivalsTestSuite g_remoteArrivalsTestSuite;   //!< arrivals

} // namespace
