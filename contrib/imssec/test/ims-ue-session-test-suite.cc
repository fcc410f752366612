/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The UE's sessions against the scripted core: an originating session on the wire (INVITE
// with the preloaded route and Service-Route, ACK, UPDATE refreshes, BYE), failed attempts by
// cause, failed refreshes and BYEs, a terminating session answered (180, 200 after the answer
// delay), refresh supervision, CANCEL, and Poisson arrivals.
#include "ims-ue-test-core.h"

#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/integer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"

#include <string>

using namespace ns3;
using namespace ns3::tests;

/**
 * \ingroup imssec-tests
 * Base: the simulator is destroyed after every case.
 */
class UeSessionTestCase : public TestCase
{
  public:
    /** \param name the name */
    explicit UeSessionTestCase(std::string name)
        : TestCase(name)
    {
    }

  private:
    void DoTeardown() override
    {
        Simulator::Destroy();
    }
};

/**
 * \ingroup imssec-tests
 * An originating session: the INVITE through the SAs to the P-CSCF's port-s with the route
 * <P-CSCF:5063;lr> + Service-Route, Contact with port-s, an SDP offer and Session-Expires; the
 * ACK of the 2xx with the route set from Record-Route and the remote target from Contact;
 * UPDATE every refresh interval; BYE at the end of the holding time; the setup delay as
 * measured on the wire.
 */
class OriginatingSessionTestCase : public UeSessionTestCase
{
  public:
    OriginatingSessionTestCase()
        : UeSessionTestCase("originating session: INVITE, ACK, UPDATE refreshes, BYE")
    {
    }

  private:
    void DoRun() override
    {
        UeTestNetwork net(nullptr, [](ImsUeHelper& h) {
            h.SetAttribute("SessionRefreshInterval", TimeValue(Seconds(60)));
        });
        std::vector<Time> delays;
        net.client->TraceConnectWithoutContext(
            "SessionEstablished",
            MakeCallback(+[](std::vector<Time>* v, const std::string&, bool, Time d) {
                v->push_back(d);
            }).Bind(&delays));
        std::vector<Time> durations;
        net.client->TraceConnectWithoutContext(
            "SessionCompleted",
            MakeCallback(+[](std::vector<Time>* v, const std::string&, bool, Time d) {
                v->push_back(d);
            }).Bind(&durations));
        Simulator::Schedule(Seconds(10), [&net]() { net.client->Call(Seconds(130)); });
        Simulator::Stop(Seconds(200));
        Simulator::Run();

        const ImsUeSecurity::SaSet& sa = net.client->GetSecurity().GetActive();
        auto invites = net.Find(true, "INVITE", 0);
        IMS_TEST_REQUIRE_SIZE(invites, 1, "INVITE");
        const WirePacket& inv = invites[0];
        const SipMessage& m = inv.message;
        NS_TEST_ASSERT_MSG_EQ(+inv.nextHeader, 50, "protected");
        NS_TEST_ASSERT_MSG_EQ(inv.spi, sa.parameters.pcscfSpiS, "P-CSCF spi-s");
        NS_TEST_ASSERT_MSG_EQ(inv.sourcePort, sa.parameters.uePortC, "from port-c");
        NS_TEST_ASSERT_MSG_EQ(inv.destinationPort, 5063, "to port-s");
        NS_TEST_ASSERT_MSG_EQ(m.GetRequestUri(), "sip:remote@ims.example", "Request-URI");
        auto route = m.GetNameAddrs("Route");
        IMS_TEST_REQUIRE_SIZE(route, 2, "preloaded route + Service-Route");
        NS_TEST_ASSERT_MSG_EQ(UriAddress(route[0].GetUri()), net.coreAddress, "P-CSCF");
        NS_TEST_ASSERT_MSG_EQ(route[0].GetUri().GetPort().value_or(0), 5063, "protected port");
        NS_TEST_ASSERT_MSG_EQ(route[0].GetUri().GetParams().Has("lr"), true, "lr");
        NS_TEST_ASSERT_MSG_EQ(route[1].GetUri().GetUser(), "orig", "Service-Route");
        auto contact = m.GetContacts();
        NS_TEST_ASSERT_MSG_EQ(contact[0].GetUri().GetPort().value_or(0),
                              sa.parameters.uePortS,
                              "Contact port-s");
        NS_TEST_ASSERT_MSG_EQ(m.GetContentType()->ToString(), "application/sdp", "SDP");
        NS_TEST_ASSERT_MSG_EQ(m.GetBody().substr(0, 5), "v=0\r\n", "SDP body");
        NS_TEST_ASSERT_MSG_EQ(m.GetFirst("Session-Expires").value_or(""),
                              "120;refresher=uac",
                              "Session-Expires");
        NS_TEST_ASSERT_MSG_EQ(m.GetTo()->GetTag().has_value(), false, "no To tag");

        auto oks = net.Find(false, "INVITE", 200);
        IMS_TEST_REQUIRE_SIZE(oks, 1, "200");
        auto acks = net.Find(true, "ACK", 0);
        IMS_TEST_REQUIRE_SIZE(acks, 1, "ACK");
        const SipMessage& ack = acks[0].message;
        NS_TEST_ASSERT_MSG_EQ(acks[0].time, oks[0].time, "ACK at once");
        NS_TEST_ASSERT_MSG_EQ(UriAddress(*ack.GetParsedRequestUri()), net.coreAddress, "target");
        NS_TEST_ASSERT_MSG_EQ(ack.GetParsedRequestUri()->GetUser(), "remote", "remote target");
        NS_TEST_ASSERT_MSG_EQ(ack.GetCseq()->GetSequence(), 1, "CSeq of the INVITE");
        NS_TEST_ASSERT_MSG_EQ(*ack.GetTo()->GetTag(), *oks[0].message.GetTo()->GetTag(), "To tag");
        NS_TEST_ASSERT_MSG_NE(*ack.GetTopVia()->GetBranch(), *m.GetTopVia()->GetBranch(), "branch");
        auto ackRoute = ack.GetNameAddrs("Route");
        IMS_TEST_REQUIRE_SIZE(ackRoute, 1, "route set from Record-Route");
        NS_TEST_ASSERT_MSG_EQ(ackRoute[0].GetUri().GetPort().value_or(0), 5060, "Record-Route");
        NS_TEST_ASSERT_MSG_EQ(acks[0].destinationPort, 5063, "to the P-CSCF's port-s");

        IMS_TEST_REQUIRE_SIZE(delays, 1, "established");
        NS_TEST_ASSERT_MSG_EQ(delays[0], oks[0].time - inv.time, "setup delay");
        auto updates = net.Find(true, "UPDATE", 0);
        IMS_TEST_REQUIRE_SIZE(updates, 2, "two refreshes in 130 s");
        NS_TEST_ASSERT_MSG_EQ(updates[0].time, oks[0].time + Seconds(60), "first refresh");
        NS_TEST_ASSERT_MSG_EQ(updates[1].time - updates[0].time,
                              Seconds(60) +
                                  (net.Find(false, "UPDATE", 200)[0].time - updates[0].time),
                              "next refresh 60 s after the 200");
        NS_TEST_ASSERT_MSG_EQ(updates[0].message.GetCseq()->GetSequence(), 2, "CSeq 2");
        NS_TEST_ASSERT_MSG_EQ(updates[1].message.GetCseq()->GetSequence(), 3, "CSeq 3");
        auto byes = net.Find(true, "BYE", 0);
        IMS_TEST_REQUIRE_SIZE(byes, 1, "BYE");
        NS_TEST_ASSERT_MSG_EQ(byes[0].time, oks[0].time + Seconds(130), "holding time");
        NS_TEST_ASSERT_MSG_EQ(byes[0].message.GetCseq()->GetSequence(), 4, "CSeq 4");
        auto byeOk = net.Find(false, "BYE", 200);
        IMS_TEST_REQUIRE_SIZE(durations, 1, "completed");
        NS_TEST_ASSERT_MSG_EQ(durations[0], byeOk[0].time - oks[0].time, "duration");
        const ImsUeCounters& c = net.client->GetCounters();
        NS_TEST_ASSERT_MSG_EQ(c.GetOriginatingAttempted(), 1, "attempted");
        NS_TEST_ASSERT_MSG_EQ(c.GetSessionsEstablished(), 1, "established");
        NS_TEST_ASSERT_MSG_EQ(c.GetSessionsCompleted(), 1, "completed");
        NS_TEST_ASSERT_MSG_EQ(c.GetSetupDelays().count, 1, "delay summary");
        NS_TEST_ASSERT_MSG_EQ_TOL(c.GetSetupDelays().GetMean(),
                                  delays[0].GetSeconds(),
                                  1e-12,
                                  "mean delay");
        NS_TEST_ASSERT_MSG_EQ(net.client->GetSessions().GetSessionCount(), 0, "no session left");
    }
};

/**
 * \ingroup imssec-tests
 * Attempts and sessions that fail, each with its cause: 486 (status-4xx), no answer at all
 * (Timer B: timeout), 100 but no final answer (InviteTimeout: CANCEL sent, timeout), not
 * registered; an UPDATE answered 481 or not at all (refresh-failed); an unanswered BYE
 * (bye-failed).
 */
class FailureTestCase : public UeSessionTestCase
{
  public:
    /** What goes wrong. */
    enum Kind
    {
        REJECTED,       //!< 486
        NO_ANSWER,      //!< nothing, not even 100
        NO_FINAL,       //!< 100 only
        NOT_REGISTERED, //!< called before the registration
        UPDATE_481,     //!< UPDATE answered 481
        UPDATE_LOST,    //!< UPDATE unanswered
        BYE_LOST,       //!< BYE unanswered
    };

    /**
     * \param kind what goes wrong
     * \param name case name
     */
    FailureTestCase(Kind kind, std::string name)
        : UeSessionTestCase(name),
          m_kind(kind)
    {
    }

  private:
    void DoRun() override
    {
        UeTestNetwork net(nullptr, [](ImsUeHelper& h) {
            h.SetAttribute("SessionRefreshInterval", TimeValue(Seconds(60)));
            h.SetAttribute("InviteTimeout", TimeValue(Seconds(20)));
        });
        Time call = m_kind == NOT_REGISTERED ? Seconds(0.5) : Seconds(10);
        switch (m_kind)
        {
        case REJECTED:
            net.core->inviteStatus = 486;
            break;
        case NO_ANSWER:
            net.core->inviteStatus = 0;
            net.core->tm->SetAttribute("SendTrying", BooleanValue(false));
            break;
        case NO_FINAL:
            net.core->inviteStatus = 0;
            break;
        case UPDATE_481:
            net.core->updateStatus = 481;
            break;
        case UPDATE_LOST:
            net.core->updateStatus = 0;
            break;
        case BYE_LOST:
            net.core->byeStatus = 0;
            break;
        default:
            break;
        }
        Simulator::Schedule(call, [&net]() { net.client->Call(Seconds(100)); });
        Simulator::Stop(Seconds(250));
        Simulator::Run();
        const ImsUeCounters& c = net.client->GetCounters();
        NS_TEST_ASSERT_MSG_EQ(c.GetOriginatingAttempted(), 1, "attempted");
        NS_TEST_ASSERT_MSG_EQ(net.client->GetSessions().GetSessionCount(), 0, "ended");
        auto invites = net.Find(true, "INVITE", 0);
        switch (m_kind)
        {
        case REJECTED:
            NS_TEST_ASSERT_MSG_EQ(c.GetSessionsFailed(FAIL_STATUS_4XX), 1, "status-4xx");
            IMS_TEST_REQUIRE_SIZE(net.Find(true, "ACK", 0), 1, "the transaction's ACK");
            break;
        case NO_ANSWER:
            NS_TEST_ASSERT_MSG_EQ(c.GetSessionsFailed(FAIL_TIMEOUT), 1, "timeout");
            NS_TEST_ASSERT_MSG_EQ(invites.size(), 7, "Timer A copies in 64*T1");
            NS_TEST_ASSERT_MSG_EQ(net.Find(true, "CANCEL", 0).size(), 0, "no CANCEL without 1xx");
            break;
        case NO_FINAL: {
            NS_TEST_ASSERT_MSG_EQ(c.GetSessionsFailed(FAIL_TIMEOUT), 1, "timeout");
            auto cancels = net.Find(true, "CANCEL", 0);
            IMS_TEST_REQUIRE_SIZE(cancels, 1, "CANCEL");
            auto trying = net.Find(false, "INVITE", 100);
            IMS_TEST_REQUIRE_SIZE(trying, 1, "100");
            NS_TEST_ASSERT_MSG_EQ(cancels[0].time, trying[0].time + Seconds(20), "InviteTimeout");
            NS_TEST_ASSERT_MSG_EQ(*cancels[0].message.GetTopVia()->GetBranch(),
                                  *invites[0].message.GetTopVia()->GetBranch(),
                                  "branch of the INVITE");
            NS_TEST_ASSERT_MSG_EQ(cancels[0].message.GetCseq()->GetSequence(), 1, "CSeq");
            break;
        }
        case NOT_REGISTERED:
            NS_TEST_ASSERT_MSG_EQ(c.GetSessionsFailed(FAIL_NOT_REGISTERED), 1, "not-registered");
            NS_TEST_ASSERT_MSG_EQ(invites.size(), 0, "no INVITE");
            break;
        case UPDATE_481:
            NS_TEST_ASSERT_MSG_EQ(c.GetSessionsDropped(DROP_REFRESH_FAILED), 1, "refresh-failed");
            NS_TEST_ASSERT_MSG_EQ(net.Find(true, "BYE", 0).size(), 0, "no BYE");
            break;
        case UPDATE_LOST:
            NS_TEST_ASSERT_MSG_EQ(c.GetSessionsDropped(DROP_REFRESH_FAILED), 1, "refresh-failed");
            NS_TEST_ASSERT_MSG_EQ(net.Find(true, "UPDATE", 0).size(), 11, "Timer E copies");
            break;
        case BYE_LOST:
            NS_TEST_ASSERT_MSG_EQ(c.GetSessionsDropped(DROP_BYE_FAILED), 1, "bye-failed");
            NS_TEST_ASSERT_MSG_EQ(c.GetSessionsCompleted(), 0, "not completed");
            break;
        }
        NS_TEST_ASSERT_MSG_EQ(c.GetSessionsEstablished() + c.GetTotalSessionsFailed(),
                              1,
                              "every attempt accounted for once");
        NS_TEST_ASSERT_MSG_EQ(c.GetSessionsEstablished(),
                              c.GetSessionsCompleted() + c.GetTotalSessionsDropped(),
                              "every session accounted for once");
    }

    Kind m_kind; //!< what goes wrong
};

/**
 * \ingroup imssec-tests
 * A terminating session: the INVITE through the SAs to port-s, 180 at once and 200 after the
 * answer delay (SDP, Contact, Record-Route, one To tag) through the SA to the P-CSCF's port-c,
 * the ACK establishing it, the remote's UPDATE answered, its BYE completing it.
 */
class TerminatingSessionTestCase : public UeSessionTestCase
{
  public:
    TerminatingSessionTestCase()
        : UeSessionTestCase("terminating session: 180, 200 after the answer delay, UPDATE, BYE")
    {
    }

  private:
    void DoRun() override
    {
        UeTestNetwork net(nullptr, [](ImsUeHelper& h) {
            h.SetAttribute("AnswerDelay", TimeValue(Seconds(2)));
        });
        Simulator::Schedule(Seconds(10), [&net]() { net.core->SendInvite(120); });
        Simulator::Schedule(Seconds(60), [&net]() { net.core->SendInDialog("UPDATE"); });
        Simulator::Schedule(Seconds(100), [&net]() { net.core->SendInDialog("BYE"); });
        Simulator::Stop(Seconds(150));
        Simulator::Run();
        const ImsUeSecurity::SaSet& sa = net.client->GetSecurity().GetActive();
        auto invites = net.Find(false, "INVITE", 0);
        IMS_TEST_REQUIRE_SIZE(invites, 1, "INVITE to the UE");
        NS_TEST_ASSERT_MSG_EQ(invites[0].spi, sa.parameters.ueSpiS, "UE spi-s");
        NS_TEST_ASSERT_MSG_EQ(invites[0].destinationPort, sa.parameters.uePortS, "to port-s");
        auto ringing = net.Find(true, "INVITE", 180);
        auto ok = net.Find(true, "INVITE", 200);
        IMS_TEST_REQUIRE_SIZE(ringing, 1, "180");
        IMS_TEST_REQUIRE_SIZE(ok, 1, "200");
        NS_TEST_ASSERT_MSG_EQ(ringing[0].time, invites[0].time, "180 at once");
        NS_TEST_ASSERT_MSG_EQ(ok[0].time - ringing[0].time, Seconds(2), "answer delay");
        NS_TEST_ASSERT_MSG_EQ(net.Find(true, "INVITE", 100).size(), 0, "no 100 after a 180");
        for (const WirePacket& w : {ringing[0], ok[0]})
        {
            NS_TEST_ASSERT_MSG_EQ(+w.nextHeader, 50, "protected");
            NS_TEST_ASSERT_MSG_EQ(w.spi, sa.parameters.pcscfSpiC, "P-CSCF spi-c");
            NS_TEST_ASSERT_MSG_EQ(w.sourcePort, sa.parameters.uePortS, "from port-s");
            NS_TEST_ASSERT_MSG_EQ(w.destinationPort, 5062, "to the P-CSCF's port-c");
            NS_TEST_ASSERT_MSG_EQ(w.message.GetNameAddrs("Record-Route").size(), 1, "RR copied");
            NS_TEST_ASSERT_MSG_EQ(w.message.GetContacts()[0].GetUri().GetPort().value_or(0),
                                  sa.parameters.uePortS,
                                  "Contact");
        }
        NS_TEST_ASSERT_MSG_EQ(*ok[0].message.GetTo()->GetTag(),
                              *ringing[0].message.GetTo()->GetTag(),
                              "one To tag");
        NS_TEST_ASSERT_MSG_EQ(ok[0].message.GetContentType()->ToString(), "application/sdp", "SDP");
        NS_TEST_ASSERT_MSG_EQ(ok[0].message.GetFirst("Session-Expires").value_or(""),
                              "120;refresher=uac",
                              "Session-Expires");
        IMS_TEST_REQUIRE_SIZE(net.Find(true, "UPDATE", 200), 1, "UPDATE answered");
        IMS_TEST_REQUIRE_SIZE(net.Find(true, "BYE", 200), 1, "BYE answered");
        NS_TEST_ASSERT_MSG_EQ(net.Find(false, "INVITE", 200).size(), 0, "sanity");
        const ImsUeCounters& c = net.client->GetCounters();
        NS_TEST_ASSERT_MSG_EQ(c.GetTerminatingAttempted(), 1, "attempted");
        NS_TEST_ASSERT_MSG_EQ(c.GetSessionsEstablished(), 1, "established on the ACK");
        NS_TEST_ASSERT_MSG_EQ(c.GetSessionsCompleted(), 1, "completed by the BYE");
        NS_TEST_ASSERT_MSG_EQ(c.GetSetupDelays().count, 0, "no setup delay for terminating");
        NS_TEST_ASSERT_MSG_EQ(c.GetTotalSessionsDropped(), 0, "no drop");
    }
};

/**
 * \ingroup imssec-tests
 * A terminating session the remote never refreshes: dropped with cause refresh-timeout one
 * session interval after the ACK, with a BYE sent (RFC 4028 10).  And a CANCEL before the
 * answer: 200 to the CANCEL, 487 to the INVITE, attempt failed (cancelled).
 */
class SupervisionTestCase : public UeSessionTestCase
{
  public:
    /** \param cancel test the CANCEL instead */
    explicit SupervisionTestCase(bool cancel)
        : UeSessionTestCase(cancel ? "CANCEL before the answer: 200 and 487"
                                   : "no refresh within the session interval: refresh-timeout"),
          m_cancel(cancel)
    {
    }

  private:
    void DoRun() override
    {
        UeTestNetwork net(nullptr, [](ImsUeHelper& h) {
            h.SetAttribute("AnswerDelay", TimeValue(Seconds(5)));
        });
        Simulator::Schedule(Seconds(10), [&net]() { net.core->SendInvite(90); });
        if (m_cancel)
        {
            Simulator::Schedule(Seconds(12), [&net]() { net.core->SendCancel(); });
        }
        Simulator::Stop(Seconds(200));
        Simulator::Run();
        const ImsUeCounters& c = net.client->GetCounters();
        if (m_cancel)
        {
            IMS_TEST_REQUIRE_SIZE(net.Find(true, "CANCEL", 200), 1, "200 to the CANCEL");
            IMS_TEST_REQUIRE_SIZE(net.Find(true, "INVITE", 487), 1, "487 to the INVITE");
            NS_TEST_ASSERT_MSG_EQ(net.Find(true, "INVITE", 200).size(), 0, "never answered");
            NS_TEST_ASSERT_MSG_EQ(c.GetSessionsFailed(FAIL_CANCELLED), 1, "cancelled");
            NS_TEST_ASSERT_MSG_EQ(c.GetSessionsEstablished(), 0, "not established");
            return;
        }
        auto acks = net.Find(false, "ACK", 0);
        IMS_TEST_REQUIRE_SIZE(acks, 1, "ACK");
        auto byes = net.Find(true, "BYE", 0);
        NS_TEST_ASSERT_MSG_GT_OR_EQ(byes.size(), 1, "BYE from the UE");
        if (!byes.empty())
        {
            NS_TEST_ASSERT_MSG_EQ(byes[0].time, acks[0].time + Seconds(90), "session interval");
        }
        NS_TEST_ASSERT_MSG_EQ(c.GetSessionsDropped(DROP_REFRESH_TIMEOUT), 1, "refresh-timeout");
    }

    bool m_cancel; //!< the CANCEL case
};

/**
 * \ingroup imssec-tests
 * Poisson arrivals: with SessionArrivalRate 60/h and mean holding time 20 s over 4 h, the
 * number of originating attempts is within 4 standard deviations of 240 (the Poisson mean
 * and variance), every attempt ends up established, and the mean holding time of the
 * completed sessions is within 4 standard errors of 20 s (plus the BYE round trip).
 */
class ArrivalsTestCase : public UeSessionTestCase
{
  public:
    ArrivalsTestCase()
        : UeSessionTestCase("Poisson arrivals and exponential holding times")
    {
    }

  private:
    void DoRun() override
    {
        UeTestNetwork net(nullptr, [](ImsUeHelper& h) {
            h.SetAttribute("SessionArrivalRate", DoubleValue(60));
            h.SetAttribute("HoldingTime", StringValue("ns3::ExponentialRandomVariable[Mean=20]"));
            h.SetAttribute("SessionRefreshInterval", TimeValue(Seconds(60)));
        });
        net.core->answerDelay = Seconds(0.5);
        Simulator::Stop(Seconds(4 * 3600));
        Simulator::Run();
        const ImsUeCounters& c = net.client->GetCounters();
        double n = static_cast<double>(c.GetOriginatingAttempted());
        NS_TEST_ASSERT_MSG_EQ_TOL(n, 240.0, 4 * std::sqrt(240.0), "arrivals");
        NS_TEST_ASSERT_MSG_EQ(c.GetTotalSessionsFailed(), 0, "no failure");
        NS_TEST_ASSERT_MSG_EQ(c.GetTotalSessionsDropped(), 0, "no drop");
        NS_TEST_ASSERT_MSG_EQ(c.GetSessionsEstablished(),
                              c.GetSessionsCompleted() +
                                  net.client->GetSessions().GetSessionCount(),
                              "accounted for");
        const ImsUeCounters::Summary& d = c.GetSessionDurations();
        NS_TEST_ASSERT_MSG_EQ_TOL(d.GetMean(), 20.0, 4 * 20.0 / std::sqrt(d.count) + 0.1, "mean");
    }
};

/**
 * \ingroup imssec-tests
 * The session suite.
 */
class UeSessionTestSuite : public TestSuite
{
  public:
    UeSessionTestSuite()
        : TestSuite("imssec-ims-ue-sessions", UNIT)
    {
        AddTestCase(new OriginatingSessionTestCase, TestCase::QUICK);
        AddTestCase(new FailureTestCase(FailureTestCase::REJECTED, "INVITE answered 486"),
                    TestCase::QUICK);
        AddTestCase(new FailureTestCase(FailureTestCase::NO_ANSWER, "INVITE unanswered, Timer B"),
                    TestCase::QUICK);
        AddTestCase(new FailureTestCase(FailureTestCase::NO_FINAL,
                                        "INVITE with 100 only, CANCEL after InviteTimeout"),
                    TestCase::QUICK);
        AddTestCase(new FailureTestCase(FailureTestCase::NOT_REGISTERED, "call before registering"),
                    TestCase::QUICK);
        AddTestCase(new FailureTestCase(FailureTestCase::UPDATE_481, "UPDATE answered 481"),
                    TestCase::QUICK);
        AddTestCase(new FailureTestCase(FailureTestCase::UPDATE_LOST, "UPDATE unanswered"),
                    TestCase::QUICK);
        AddTestCase(new FailureTestCase(FailureTestCase::BYE_LOST, "BYE unanswered"),
                    TestCase::QUICK);
        AddTestCase(new TerminatingSessionTestCase, TestCase::QUICK);
        AddTestCase(new SupervisionTestCase(false), TestCase::QUICK);
        AddTestCase(new SupervisionTestCase(true), TestCase::QUICK);
        AddTestCase(new ArrivalsTestCase, TestCase::QUICK);
    }
};

/// The session suite instance.
static UeSessionTestSuite g_ueSessionTestSuite;
