/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Whole-flow re-registration: when the REGISTERs appear on the wire (TS 24.229 5.1.1.4.1),
// and the SA refresh with old and new SA sets in both SADs (TS 33.203 7.4), including the
// UE's protected server port kept across the refresh so that a terminating session set up
// before it survives.
#include "ims-flows-test-network.h"

#include "ns3/double.h"
#include "ns3/hss.h"
#include "ns3/ims-ue-client.h"
#include "ns3/integer.h"
#include "ns3/ipsec-sa.h"
#include "ns3/ipsec-stack.h"
#include "ns3/pcscf.h"
#include "ns3/remote-party.h"
#include "ns3/scscf.h"
#include "ns3/sec-agree-rules.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <string>

using namespace ns3;
using namespace ns3::tests;

/**
 * \ingroup imssec-tests
 * Re-registration timing: with a granted expiry G (the Contact expires in the 200 on the
 * wire), the UE's protected REGISTER of each refresh leaves G - 600 s after the registration
 * completed when G > 1200 s, G / 2 otherwise; two refresh cycles, each REGISTER 401 REGISTER
 * 200 on the access link, all the later ones protected, one HSS vector per cycle.
 */
class FlowsRefreshTimingTestCase : public TestCase
{
  public:
    /** \param expires the S-CSCF's MaxExpires and the UE's requested expiry (s) */
    explicit FlowsRefreshTimingTestCase(uint32_t expires)
        : TestCase("re-registration times for a " + std::to_string(expires) + " s registration"),
          m_expires(expires)
    {
    }

  private:
    void DoRun() override
    {
        FlowsTestNetwork t(1, [this](ImsNetworkHelper& h) {
            h.SetUeAttribute("RegistrationExpires", UintegerValue(m_expires));
            h.SetScscfAttribute("MaxExpires", UintegerValue(m_expires));
        });
        std::vector<Time> completed;
        t.Ue()->TraceConnectWithoutContext(
            "RegistrationCompleted",
            MakeCallback(+[](std::vector<Time>* v, ImsRegistrationCause, Time, uint32_t) {
                v->push_back(Simulator::Now());
            }).Bind(&completed));
        Time expected = m_expires > 1200 ? Seconds(m_expires - 600.0) : Seconds(m_expires / 2.0);
        Simulator::Stop(Seconds(30) + expected * 2 + Seconds(5));
        Simulator::Run();

        IMS_TEST_REQUIRE_SIZE(completed, 3, "initial and two refreshes completed");
        auto registers = FindSip(t.access, true, "REGISTER", 0);
        auto oks = FindSip(t.access, false, "REGISTER", 200);
        IMS_TEST_REQUIRE_SIZE(registers, 6, "two REGISTERs per registration (re-authenticated)");
        IMS_TEST_REQUIRE_SIZE(oks, 3, "three 200s");
        for (uint32_t i = 0; i < 3; ++i)
        {
            // the granted expiry as the 200 on the wire says it
            auto contacts = oks[i].message.GetContacts();
            NS_TEST_ASSERT_MSG_EQ(contacts.empty(), false, "Contact in the 200");
            if (!contacts.empty())
            {
                NS_TEST_ASSERT_MSG_EQ(contacts[0].GetExpires().value_or(0),
                                      m_expires,
                                      "granted expiry");
            }
        }
        for (uint32_t k = 1; k < 3; ++k)
        {
            const WirePacket& r = registers[2 * k];
            NS_TEST_ASSERT_MSG_EQ(r.time,
                                  completed[k - 1] + expected,
                                  "refresh " << k << " on the wire at the TS 24.229 time");
            NS_TEST_ASSERT_MSG_EQ(+r.nextHeader, 50, "refresh REGISTER protected");
            NS_TEST_ASSERT_MSG_EQ(*r.message.GetCallId(),
                                  *registers[0].message.GetCallId(),
                                  "same Call-ID");
            NS_TEST_ASSERT_MSG_EQ(r.message.GetCseq()->GetSequence(), 2 * k + 1, "next CSeq");
            NS_TEST_ASSERT_MSG_GT(r.time, oks[k - 1].time, "after the previous 200");
        }
        // nothing else was sent by the UE: exactly the six REGISTERs
        NS_TEST_ASSERT_MSG_EQ(FlowsTestNetwork::Sip(t.access).size(), 12, "12 SIP messages");
        const ImsUeCounters& c = t.Ue()->GetCounters();
        NS_TEST_ASSERT_MSG_EQ(c.GetRegistrationsCompleted(REG_REFRESH), 2, "refreshes");
        NS_TEST_ASSERT_MSG_EQ(t.net.scscfApp->GetVectorsConsumed(), 3, "one vector per cycle");
        NS_TEST_ASSERT_MSG_EQ(t.net.pcscfApp->GetSaSetsCreated(), 3, "one SA set per cycle");
        NS_TEST_ASSERT_MSG_EQ(
            t.net.pcscfApp->GetCounters().GetSaSetsDeleted(PcscfSaSetEnd::REPLACED),
            2,
            "old sets replaced");
    }

    uint32_t m_expires; //!< registration length
};

/**
 * \ingroup imssec-tests
 * SA refresh with a terminating session in progress (prefix-bound SAs, no rotation): the
 * remote party calls ue1 and refreshes the session with UPDATE every 30 s through the
 * re-registration (300 s registrations: one refresh at 150 s).  On the wire: the refresh's
 * Security-Client has new spi-c, spi-s and port-c but the same port-s (TS 33.203 7.4); its 401
 * comes through the old SAs, the REGISTER with the response and its 200 through the new ones; both
 * SADs hold 8 SAs during the overlap and 4 afterwards; the remote party's UPDATEs after the refresh
 * reach the UE's port-s through the new SA (ESP SPI = the new spi-s).  The session completes,
 * nothing is dropped, and the P-CSCF never lacks an SA toward the UE.  With a new port-s per
 * re-registration the dialog's remote target names a port no SA covers after the old set is
 * deleted: the P-CSCF answers 480, and the session dies of refresh-timeout.
 */
class FlowsSaRefreshSessionTestCase : public TestCase
{
  public:
    FlowsSaRefreshSessionTestCase()
        : TestCase("SA refresh keeps port-s: a terminating session survives the re-registration")
    {
    }

  private:
    void DoRun() override
    {
        FlowsTestNetwork t(1, [](ImsNetworkHelper& h) {
            h.SetUeAttribute("AddrPrefLength", IntegerValue(64));
            h.SetUeAttribute("RegistrationExpires", UintegerValue(300));
            h.SetScscfAttribute("MaxExpires", UintegerValue(300));
            h.SetRemotePartyAttribute("SessionRefreshInterval", TimeValue(Seconds(30)));
            h.SetRemotePartyAttribute("HoldingTime",
                                      StringValue("ns3::ConstantRandomVariable[Constant=200]"));
        });
        uint32_t pcscfSadMax = 0;
        t.net.pcscfApp->TraceConnectWithoutContext(
            "SadSize",
            MakeCallback(+[](uint32_t* m, uint32_t, uint32_t now) {
                *m = std::max(*m, now);
            }).Bind(&pcscfSadMax));
        uint32_t ueSadMax = 0;
        t.UeIpsec()->GetSad()->TraceConnectWithoutContext(
            "SaCount",
            MakeCallback(+[](uint32_t* m, uint32_t, uint32_t now) {
                *m = std::max(*m, now);
            }).Bind(&ueSadMax));
        Simulator::Schedule(Seconds(20),
                            [&t]() { t.net.remoteApp->StartSession("sip:ue1@ims.example"); });
        Simulator::Stop(Seconds(250));
        Simulator::Run();

        auto registers = FindSip(t.access, true, "REGISTER", 0);
        auto challenges = FindSip(t.access, false, "REGISTER", 401);
        auto oks = FindSip(t.access, false, "REGISTER", 200);
        IMS_TEST_REQUIRE_SIZE(registers, 4, "initial registration and one refresh");
        IMS_TEST_REQUIRE_SIZE(challenges, 2, "two 401s");
        IMS_TEST_REQUIRE_SIZE(oks, 2, "two 200s");
        auto oldClient = Mechanisms(registers[0].message, "Security-Client");
        auto newClient = Mechanisms(registers[2].message, "Security-Client");
        auto oldServer = Mechanisms(challenges[0].message, "Security-Server");
        auto newServer = Mechanisms(challenges[1].message, "Security-Server");
        IMS_TEST_REQUIRE_SIZE(oldClient, 2, "offer");
        IMS_TEST_REQUIRE_SIZE(newClient, 2, "new offer");
        IMS_TEST_REQUIRE_SIZE(oldServer, 2, "answer");
        IMS_TEST_REQUIRE_SIZE(newServer, 2, "new answer");
        uint16_t portS = oldClient[0].GetPortS().value_or(0);
        NS_TEST_ASSERT_MSG_EQ(newClient[0].GetPortS().value_or(0), portS, "port-s kept");
        NS_TEST_ASSERT_MSG_NE(newClient[0].GetPortC().value_or(0),
                              oldClient[0].GetPortC().value_or(0),
                              "new port-c");
        NS_TEST_ASSERT_MSG_NE(newClient[0].GetSpiC().value_or(0),
                              oldClient[0].GetSpiC().value_or(0),
                              "new spi-c");
        NS_TEST_ASSERT_MSG_NE(newClient[0].GetSpiS().value_or(0),
                              oldClient[0].GetSpiS().value_or(0),
                              "new spi-s");
        NS_TEST_ASSERT_MSG_EQ(FlowsContactPort(registers[2].message), portS, "Contact port-s");
        NS_TEST_ASSERT_MSG_EQ(FlowsContactPort(registers[3].message), portS, "Contact port-s");
        // the overlap: 401 through the old SAs, the answer and the 200 through the new ones
        NS_TEST_ASSERT_MSG_EQ(registers[2].spi, oldServer[0].GetSpiS().value_or(0), "old SA");
        NS_TEST_ASSERT_MSG_EQ(challenges[1].spi, oldClient[0].GetSpiC().value_or(0), "401 old");
        NS_TEST_ASSERT_MSG_EQ(registers[3].spi, newServer[0].GetSpiS().value_or(0), "new SA");
        NS_TEST_ASSERT_MSG_EQ(oks[1].spi, newClient[0].GetSpiC().value_or(0), "200 new SA");
        NS_TEST_ASSERT_MSG_EQ(pcscfSadMax, 8, "P-CSCF: old and new sets coexist");
        NS_TEST_ASSERT_MSG_EQ(ueSadMax, 8, "UE: old and new sets coexist");
        NS_TEST_ASSERT_MSG_EQ(t.PcscfIpsec()->GetSad()->GetSize(), 4, "P-CSCF: 4 SAs after");
        NS_TEST_ASSERT_MSG_EQ(t.UeIpsec()->GetSad()->GetSize(), 4, "UE: 4 SAs after");
        Ptr<IpsecSa> toPortS = t.PcscfIpsec()->GetSaSetSa(t.PcscfSets().first, 2);
        NS_TEST_ASSERT_MSG_NE(toPortS, nullptr, "P-CSCF SA to port-s");
        if (toPortS)
        {
            NS_TEST_ASSERT_MSG_EQ(toPortS->GetSpi(),
                                  newClient[0].GetSpiS().value_or(0),
                                  "P-CSCF sends to port-s with the new spi-s");
            NS_TEST_ASSERT_MSG_EQ(toPortS->GetSelector().GetDestinationPort(), portS, "port");
        }

        // the session: INVITE to port-s, UPDATEs before and after the refresh, BYE, all
        // through the SA to port-s
        auto invites = FindSip(t.access, false, "INVITE", 0);
        IMS_TEST_REQUIRE_SIZE(invites, 1, "terminating INVITE");
        NS_TEST_ASSERT_MSG_EQ(invites[0].destinationPort, portS, "INVITE to port-s");
        auto updatesAfter = FindSip(t.access, false, "UPDATE", 0, oks[1].time);
        NS_TEST_ASSERT_MSG_GT_OR_EQ(updatesAfter.size(), 2, "UPDATEs after the refresh");
        for (const WirePacket& u : updatesAfter)
        {
            NS_TEST_ASSERT_MSG_EQ(u.destinationPort, portS, "UPDATE to port-s");
            NS_TEST_ASSERT_MSG_EQ(u.spi, newClient[0].GetSpiS().value_or(0), "new SA");
        }
        auto updateOks = FindSip(t.access, true, "UPDATE", 200, oks[1].time);
        NS_TEST_ASSERT_MSG_EQ(updateOks.size(), updatesAfter.size(), "each UPDATE answered");
        NS_TEST_ASSERT_MSG_EQ(FindSip(t.access, false, "BYE", 0).size(),
                              1,
                              "BYE at the end of the holding time");
        const ImsUeCounters& c = t.Ue()->GetCounters();
        NS_TEST_ASSERT_MSG_EQ(c.GetTerminatingAttempted(), 1, "terminating session");
        NS_TEST_ASSERT_MSG_EQ(c.GetSessionsEstablished(), 1, "established");
        NS_TEST_ASSERT_MSG_EQ(c.GetSessionsCompleted(), 1, "completed");
        NS_TEST_ASSERT_MSG_EQ(c.GetTotalSessionsDropped(), 0, "nothing dropped");
        NS_TEST_ASSERT_MSG_EQ(c.GetSessionsDropped(DROP_REFRESH_TIMEOUT), 0, "no timeout");
        NS_TEST_ASSERT_MSG_EQ(t.net.remoteApp->GetSessionsCompleted(RemoteParty::OUTGOING),
                              1,
                              "remote: completed");
        NS_TEST_ASSERT_MSG_EQ(t.net.remoteApp->GetSessionsDropped(RemoteParty::OUTGOING),
                              0,
                              "remote: not dropped");
        NS_TEST_ASSERT_MSG_EQ(t.net.pcscfApp->GetRequestsToUeWithoutSa(), 0, "no 480");
        NS_TEST_ASSERT_MSG_EQ(t.net.pcscfApp->GetResponsesSent(480), 0, "no 480 sent");
        NS_TEST_ASSERT_MSG_EQ(c.GetRegistrationsCompleted(REG_REFRESH), 1, "one refresh");
    }
};

/**
 * \ingroup imssec-tests
 * Whole-flow re-registration suite.
 */
class FlowsReregistrationTestSuite : public TestSuite
{
  public:
    FlowsReregistrationTestSuite()
        : TestSuite("imssec-ims-flows-reregistration", TestSuite::Type::SYSTEM)
    {
        AddTestCase(new FlowsRefreshTimingTestCase(3600), TestCase::QUICK);
        AddTestCase(new FlowsRefreshTimingTestCase(1000), TestCase::QUICK);
        AddTestCase(new FlowsSaRefreshSessionTestCase, TestCase::QUICK);
    }
};

/// The suite object.
static FlowsReregistrationTestSuite g_flowsReregistrationTestSuite;
