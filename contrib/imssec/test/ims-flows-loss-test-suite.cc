/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Whole-flow registration over lossy links (RFC 3261 section 17 timers, T1 = 500 ms, T2 = 4 s):
// chosen losses of the REGISTER give Timer E's retransmission times on the wire and Timer F's
// timeout; random loss on every link (fixed seed) still lets every UE register, with the
// retransmissions counted.
#include "ims-flows-test-network.h"

#include "ns3/hss.h"
#include "ns3/ims-ue-client.h"
#include "ns3/ipsec-stack.h"
#include "ns3/pcscf.h"
#include "ns3/remote-party.h"
#include "ns3/scscf.h"
#include "ns3/simulator.h"
#include "ns3/sip-transaction-manager.h"
#include "ns3/test.h"

#include <string>

using namespace ns3;
using namespace ns3::tests;

/**
 * \ingroup imssec-tests
 * Timer E: the first three copies of the first REGISTER are lost between the UE and the GGSN.
 * On the UE's wire the same REGISTER (same branch) leaves at t0, t0 + T1, t0 + 3 T1,
 * t0 + 7 T1; the P-CSCF sees it once; the registration then completes normally and the UE's
 * transaction manager counts three request retransmissions.
 */
class FlowsTimerETestCase : public TestCase
{
  public:
    FlowsTimerETestCase()
        : TestCase("Timer E: a lost REGISTER is retransmitted after T1, 2 T1, 4 T1")
    {
    }

  private:
    void DoRun() override
    {
        FlowsTestNetwork t(1, nullptr);
        uint32_t lost = 0;
        t.DropUpstream([&lost](const WirePacket& w) {
            if (w.isSip && w.message.IsRequest() && w.message.GetCseq() &&
                w.message.GetCseq()->GetSequence() == 1 && lost < 3)
            {
                ++lost;
                return true;
            }
            return false;
        });
        Simulator::Stop(Seconds(30));
        Simulator::Run();

        auto copies = FindSip(t.access, true, "REGISTER", 0);
        IMS_TEST_REQUIRE_SIZE(copies, 5, "four copies of REGISTER 1, then REGISTER 2");
        std::string branch = copies[0].message.GetVias()[0].GetBranch().value_or("");
        const double offsets[4] = {0, 0.5, 1.5, 3.5};
        for (uint32_t i = 0; i < 4; ++i)
        {
            NS_TEST_ASSERT_MSG_EQ(copies[i].message.GetVias()[0].GetBranch().value_or(""),
                                  branch,
                                  "same");
            NS_TEST_ASSERT_MSG_EQ(copies[i].time,
                                  copies[0].time + Seconds(offsets[i]),
                                  "Timer E copy " << i);
            NS_TEST_ASSERT_MSG_EQ(copies[i].payload, copies[0].payload, "identical bytes");
        }
        NS_TEST_ASSERT_MSG_EQ(copies[4].message.GetCseq()->GetSequence(), 2, "then CSeq 2");
        NS_TEST_ASSERT_MSG_EQ(FindSip(t.core, true, "REGISTER", 0).size(),
                              2,
                              "the P-CSCF received each REGISTER once");
        NS_TEST_ASSERT_MSG_EQ(FindSip(t.ScscfSide(), true, "REGISTER", 0).size(),
                              2,
                              "and forwarded each once");
        NS_TEST_ASSERT_MSG_EQ(lost, 3, "three lost");
        NS_TEST_ASSERT_MSG_EQ(t.Ue()->IsRegistered(), true, "registered");
        NS_TEST_ASSERT_MSG_EQ(t.Ue()->GetTransactionManager()->GetRequestRetransmissionCount(),
                              3,
                              "three retransmissions counted");
        NS_TEST_ASSERT_MSG_EQ(t.Ue()->GetCounters().GetRegistrationFailures(REG_FAIL_TIMEOUT),
                              0,
                              "no timeout");
    }
};

/**
 * \ingroup imssec-tests
 * Timer E up to T2 and Timer F: every REGISTER is lost for the first 45 s.  The first
 * attempt's copies leave at 0, 0.5, 1.5, 3.5, 7.5 s and then every T2 = 4 s up to 31.5 s (11
 * copies); at 64 T1 = 32 s the attempt fails by timeout (counted), and the retry after the
 * back-off, once the link is back, registers.
 */
class FlowsTimerFTestCase : public TestCase
{
  public:
    FlowsTimerFTestCase()
        : TestCase("Timer E capped at T2, Timer F timeout at 64 T1, then a retry registers")
    {
    }

  private:
    void DoRun() override
    {
        FlowsTestNetwork t(1, nullptr);
        t.DropUpstream([](const WirePacket& w) {
            return w.isSip && w.message.IsRequest() && Simulator::Now() < Seconds(45);
        });
        std::vector<Time> failures;
        t.Ue()->TraceConnectWithoutContext("RegistrationFailed",
                                           MakeCallback(+[](std::vector<Time>* v,
                                                            ImsRegistrationCause,
                                                            ImsRegistrationFailure f,
                                                            uint16_t) {
                                               if (f == REG_FAIL_TIMEOUT)
                                               {
                                                   v->push_back(Simulator::Now());
                                               }
                                           }).Bind(&failures));
        Simulator::Stop(Seconds(150));
        Simulator::Run();

        auto all = FindSip(t.access, true, "REGISTER", 0);
        NS_TEST_ASSERT_MSG_GT_OR_EQ(all.size(), 11, "copies");
        if (all.size() < 11)
        {
            return;
        }
        std::string branch = all[0].message.GetVias()[0].GetBranch().value_or("");
        const double offsets[11] = {0, 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5};
        uint32_t sameBranch = 0;
        for (const WirePacket& w : all)
        {
            sameBranch += w.message.GetVias()[0].GetBranch().value_or("") == branch ? 1 : 0;
        }
        NS_TEST_ASSERT_MSG_EQ(sameBranch, 11, "11 copies of the first attempt");
        for (uint32_t i = 0; i < 11; ++i)
        {
            NS_TEST_ASSERT_MSG_EQ(all[i].time,
                                  all[0].time + Seconds(offsets[i]),
                                  "copy " << i << " at T1 doubling, capped at T2");
        }
        IMS_TEST_REQUIRE_SIZE(failures, 1, "one timeout (the retry got through)");
        NS_TEST_ASSERT_MSG_EQ(failures[0], all[0].time + Seconds(32), "Timer F = 64 T1");
        NS_TEST_ASSERT_MSG_EQ(t.Ue()->IsRegistered(), true, "registered after the retry");
        NS_TEST_ASSERT_MSG_EQ(t.Ue()->GetCounters().GetRegistrationFailures(REG_FAIL_TIMEOUT),
                              1,
                              "timeout counted");
        NS_TEST_ASSERT_MSG_GT_OR_EQ(t.Ue()->GetTransactionManager()->GetTimeoutCount(),
                                    1,
                                    "transaction timeout counted");
        NS_TEST_ASSERT_MSG_GT_OR_EQ(
            t.Ue()->GetTransactionManager()->GetRequestRetransmissionCount(),
            10,
            "retransmissions counted");
        NS_TEST_ASSERT_MSG_EQ(FindSip(t.ScscfSide(), true, "REGISTER", 0).size(),
                              2,
                              "only the retry reached the S-CSCF");
    }
};

/**
 * \ingroup imssec-tests
 * Random loss (8 % each way on every UE link and 5 % on the core links, fixed seed): five UEs
 * all register, every REGISTER on ue1's link is either a first copy or a retransmission of
 * one (same branch, identical bytes), and the retransmission counters are positive.
 */
class FlowsRandomLossTestCase : public TestCase
{
  public:
    FlowsRandomLossTestCase()
        : TestCase("random loss on access and core links: all UEs register, retransmissions")
    {
    }

  private:
    void DoRun() override
    {
        const uint32_t n = 5;
        FlowsTestNetwork t(n, [](ImsNetworkHelper& h) {
            h.SetAccessLink("10Mbps", MilliSeconds(10), 0.08);
            h.SetCoreLink("1Gbps", MilliSeconds(5), 0.05);
        });
        Simulator::Stop(Seconds(300));
        Simulator::Run();

        uint64_t retransmissions = 0;
        for (uint32_t i = 0; i < n; ++i)
        {
            NS_TEST_ASSERT_MSG_EQ(t.Ue(i)->IsRegistered(), true, "UE " << i + 1 << " registered");
            retransmissions += t.Ue(i)->GetTransactionManager()->GetRetransmissionCount();
        }
        retransmissions += t.net.scscfApp->GetTransactionManager()->GetRetransmissionCount();
        NS_TEST_ASSERT_MSG_GT(retransmissions, 0, "retransmissions under loss");
        NS_TEST_ASSERT_MSG_EQ(t.net.scscfApp->GetRegisteredUserCount(), n, "S-CSCF bindings");
        NS_TEST_ASSERT_MSG_EQ(t.net.pcscfApp->GetRegisteredUeCount(), n, "P-CSCF registrations");
        NS_TEST_ASSERT_MSG_EQ(t.PcscfIpsec()->GetSaSetCount(), n, "one SA set per UE");
        // wire: the REGISTERs of ue1 with the same branch are byte-identical copies
        auto regs = FindSip(t.access, true, "REGISTER", 0);
        NS_TEST_ASSERT_MSG_GT_OR_EQ(regs.size(), 2, "REGISTERs");
        for (size_t i = 1; i < regs.size(); ++i)
        {
            for (size_t j = 0; j < i; ++j)
            {
                if (regs[i].message.GetVias()[0].GetBranch().value_or("") ==
                    regs[j].message.GetVias()[0].GetBranch().value_or(""))
                {
                    NS_TEST_ASSERT_MSG_EQ(regs[i].payload, regs[j].payload, "a retransmission");
                }
            }
        }
    }
};

/**
 * \ingroup imssec-tests
 * Whole-flow loss suite.
 */
class FlowsLossTestSuite : public TestSuite
{
  public:
    FlowsLossTestSuite()
        : TestSuite("imssec-ims-flows-loss", TestSuite::Type::SYSTEM)
    {
        AddTestCase(new FlowsTimerETestCase, TestCase::QUICK);
        AddTestCase(new FlowsTimerFTestCase, TestCase::QUICK);
        AddTestCase(new FlowsRandomLossTestCase, TestCase::QUICK);
    }
};

/// The suite object.
static FlowsLossTestSuite g_flowsLossTestSuite;
