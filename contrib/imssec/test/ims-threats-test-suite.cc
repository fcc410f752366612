/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Attacks (ImsThreatHelper, model chapter "Threats: attacker models") against a whole imssec
// network: each suite asserts the expected outcome and, in a control case with the defence off or
// the attacker given what it lacks, that the success counter does count a success (so the tests can
// fail).
#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/esp-attacker.h"
#include "ns3/hss.h"
#include "ns3/ims-network-helper.h"
#include "ns3/ims-threat-helper.h"
#include "ns3/ims-ue-client.h"
#include "ns3/integer.h"
#include "ns3/ipsec-stack.h"
#include "ns3/pcscf.h"
#include "ns3/remote-party.h"
#include "ns3/scscf.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <functional>
#include <map>
#include <string>

using namespace ns3;

namespace
{

/// Settings of one run.
struct RunConfig
{
    std::string attack{"none"};   //!< ImsThreatHelper attack name
    uint32_t ues{2};              //!< UEs
    int addrPrefLength{64};       //!< addr-pref-length the UEs send
    Time duration{Seconds(60)};   //!< simulated time
    Time attackTime{Seconds(20)}; //!< attack start
    double sessionRate{0};        //!< originating sessions per UE per hour
    /// extra settings of the network helper before Install
    std::function<void(ImsNetworkHelper&)> network;
    /// extra settings of the threat helper before Install
    std::function<void(ImsThreatHelper&)> threat;
};

/// What a run measured.
struct RunResult
{
    std::map<std::string, double> m; //!< threat_* metrics
    uint64_t pcscfBadIcv{0};         //!< every BAD_ICV drop at the P-CSCF
    uint64_t biddingDown{0};         //!< 494 for bidding down
    bool victimRegistered{false};    //!< UE 0 registered at the end
    uint32_t registeredUes{0};       //!< UEs registered at the end
};

/**
 * \param c the settings
 * \returns what the run measured
 */
RunResult
RunAttack(const RunConfig& c)
{
    ImsNetworkHelper helper;
    helper.SetAttach(Seconds(1), MilliSeconds(200));
    helper.SetRotationInterval(Hours(100));
    helper.SetUeAttribute("AddrPrefLength", IntegerValue(c.addrPrefLength));
    helper.SetUeAttribute("SessionArrivalRate", DoubleValue(c.sessionRate));
    if (c.network)
    {
        c.network(helper);
    }
    ImsNetwork net = helper.Install(c.ues);
    helper.AssignStreams(net, 7);
    ImsThreatHelper threat;
    threat.SetAttackTime(c.attackTime);
    if (c.threat)
    {
        c.threat(threat);
    }
    bool ok = threat.Install(helper, net, c.attack);
    NS_ABORT_MSG_IF(!ok, "unknown attack " << c.attack);
    Simulator::Stop(c.duration);
    Simulator::Run();
    RunResult r;
    threat.Collect(r.m);
    r.pcscfBadIcv = net.pcscf->GetObject<IpsecStack>()->GetDropCount(IpsecStack::BAD_ICV);
    r.biddingDown = net.pcscfApp->GetBiddingDownCount();
    r.victimRegistered = net.GetUeClient(0)->IsRegistered();
    for (uint32_t i = 0; i < c.ues; ++i)
    {
        r.registeredUes += net.GetUeClient(i)->IsRegistered() ? 1 : 0;
    }
    Simulator::Destroy();
    return r;
}

} // namespace

/**
 * \ingroup imssec
 * \brief Bidding down by a MITM on the access link, both lists, and the control without
 * the P-CSCF's Security-Client check.
 */
class ThreatsBiddingDownTestCase : public TestCase
{
  public:
    ThreatsBiddingDownTestCase()
        : TestCase("Security-Server and Security-Client stripped: detected, never downgraded")
    {
    }

  private:
    void DoRun() override
    {
        // A: Security-Server of the 401 rewritten to hmac-md5-96.  The UE's SAs then use
        // MD5 while the P-CSCF's use SHA-1: the protected REGISTER fails the ICV check.
        RunConfig a;
        a.attack = "bidding-down-server";
        a.ues = 1;
        RunResult ra = RunAttack(a);
        NS_TEST_ASSERT_MSG_GT(ra.m["threat_attempts"], 0, "the 401 was never rewritten");
        NS_TEST_ASSERT_MSG_EQ(ra.m["threat_downgraded_registrations"], 0, "downgraded");
        NS_TEST_ASSERT_MSG_GT(ra.pcscfBadIcv, 0, "the MD5 SAs were not detected by the ICV");
        NS_TEST_ASSERT_MSG_EQ(ra.victimRegistered, false, "registered through a rewritten 401");

        // A without ICV verification: Security-Verify is what detects it (494).
        RunConfig a2 = a;
        a2.network = [](ImsNetworkHelper& h) {
            h.SetIpsecAttribute("IcvMode", EnumValue(IpsecStack::ICV_LENGTH_ONLY));
        };
        RunResult ra2 = RunAttack(a2);
        NS_TEST_ASSERT_MSG_GT(ra2.m["threat_494_bidding_down"], 0, "no 494 on Security-Verify");
        NS_TEST_ASSERT_MSG_EQ(ra2.m["threat_downgraded_registrations"], 0, "downgraded");

        // B: SHA-1 stripped from Security-Client: the P-CSCF builds MD5 SAs, but its
        // Security-Server lists every algorithm it supports whatever the UE offered (RFC 3329
        // 2.3.1), so the UE still chooses SHA-1: the protected REGISTER fails the ICV check.
        RunConfig b;
        b.attack = "bidding-down-client";
        b.ues = 1;
        RunResult rb = RunAttack(b);
        NS_TEST_ASSERT_MSG_GT(rb.m["threat_attempts"], 0, "the REGISTER was never rewritten");
        NS_TEST_ASSERT_MSG_GT(rb.pcscfBadIcv, 0, "the UE's SHA-1 SAs did not differ");
        NS_TEST_ASSERT_MSG_EQ(rb.m["threat_downgraded_registrations"], 0, "downgraded");
        NS_TEST_ASSERT_MSG_EQ(rb.m["threat_success"], 0, "success counted");

        // B without ICV verification: the protected REGISTER's Security-Client shows the UE
        // offered SHA-1 while the set was built for MD5: 494.
        RunConfig b2 = b;
        b2.network = a2.network;
        RunResult rb2 = RunAttack(b2);
        NS_TEST_ASSERT_MSG_GT(rb2.m["threat_494_bidding_down"], 0, "no 494");
        NS_TEST_ASSERT_MSG_EQ(rb2.m["threat_downgraded_registrations"], 0, "downgraded");

        // Control: without the Security-Client check either, the UE's own choice from the
        // unmodified server list still keeps it on SHA-1.
        RunConfig bc = b;
        bc.network = [](ImsNetworkHelper& h) {
            h.SetPcscfAttribute("CheckSecurityClient", BooleanValue(false));
        };
        RunResult rbc = RunAttack(bc);
        NS_TEST_ASSERT_MSG_EQ(rbc.m["threat_downgraded_registrations"], 0, "control: downgraded");
        NS_TEST_ASSERT_MSG_EQ(rbc.m["threat_success"], 0, "control: success counted");
    }
};

/**
 * \ingroup imssec
 * \brief ESP with the victim's SPI from inside and outside its prefix, /128 and /64.
 */
class ThreatsSpoofTestCase : public TestCase
{
  public:
    ThreatsSpoofTestCase()
        : TestCase("on-prefix and off-prefix ESP spoofing against 128-bit and 64-bit selectors")
    {
    }

  private:
    /**
     * \param attack on-prefix-spoof or off-prefix-spoof
     * \param length addr-pref-length
     * \param stolenKey the control case
     * \returns the metrics
     */
    std::map<std::string, double> Spoof(const std::string& attack, int length, bool stolenKey)
    {
        RunConfig c;
        c.attack = attack;
        c.addrPrefLength = length;
        c.threat = [stolenKey](ImsThreatHelper& t) {
            t.SetAttribute("StolenKey", BooleanValue(stolenKey));
            t.SetAttribute("Packets", UintegerValue(4));
        };
        return RunAttack(c).m;
    }

    void DoRun() override
    {
        for (int length : {128, 64})
        {
            for (std::string attack : {"on-prefix-spoof", "off-prefix-spoof"})
            {
                std::map<std::string, double> m = Spoof(attack, length, false);
                std::string what = attack + " /" + std::to_string(length);
                NS_TEST_ASSERT_MSG_EQ(m["threat_attempts"], 4, what + ": packets not sent");
                NS_TEST_ASSERT_MSG_EQ(m["threat_pcscf_bad_icv"], 4, what + ": not bad ICV");
                NS_TEST_ASSERT_MSG_EQ(m["threat_delivered_to_sip"], 0, what + ": delivered");
                NS_TEST_ASSERT_MSG_EQ(m["threat_victim_registered"], 1, what + ": victim lost");
            }
        }
        // Control, with the victim's key: the selectors alone decide.  Off-prefix and
        // on-prefix against /128 are refused by the source selector; on-prefix against /64
        // gets through (what prefix binding gives up once the key is known).
        std::map<std::string, double> off = Spoof("off-prefix-spoof", 64, true);
        NS_TEST_ASSERT_MSG_EQ(off["threat_pcscf_source_outside_selector"], 4, "off-prefix key");
        NS_TEST_ASSERT_MSG_EQ(off["threat_delivered_to_sip"], 0, "off-prefix key delivered");
        std::map<std::string, double> on128 = Spoof("on-prefix-spoof", 128, true);
        NS_TEST_ASSERT_MSG_EQ(on128["threat_pcscf_source_outside_selector"], 4, "on /128 key");
        NS_TEST_ASSERT_MSG_EQ(on128["threat_delivered_to_sip"], 0, "on /128 key delivered");
        std::map<std::string, double> on64 = Spoof("on-prefix-spoof", 64, true);
        NS_TEST_ASSERT_MSG_EQ(on64["threat_delivered_to_sip"], 4, "control: on /64 key refused");
        NS_TEST_ASSERT_MSG_EQ(on64["threat_success"], 1, "control: success not counted");
    }
};

/**
 * \ingroup imssec
 * \brief Replay of captured ESP and of the protected REGISTER.
 */
class ThreatsReplayTestCase : public TestCase
{
  public:
    ThreatsReplayTestCase()
        : TestCase("captured ESP and protected REGISTER replayed: replay window drops")
    {
    }

  private:
    void DoRun() override
    {
        for (std::string attack : {"replay-esp", "replay-register"})
        {
            RunConfig c;
            c.attack = attack;
            c.ues = 1;
            RunResult r = RunAttack(c);
            NS_TEST_ASSERT_MSG_GT(r.m["threat_attempts"], 0, attack + ": nothing replayed");
            NS_TEST_ASSERT_MSG_EQ(r.m["threat_pcscf_replay"],
                                  r.m["threat_attempts"],
                                  attack + ": not all dropped as replays");
            NS_TEST_ASSERT_MSG_EQ(r.m["threat_delivered_to_sip"], 0, attack + ": delivered");
            NS_TEST_ASSERT_MSG_EQ(r.m["threat_victim_registered"], 1, attack + ": victim lost");
            // Control: anti-replay off (ReplayWindow 0): the replays are delivered.
            c.network = [](ImsNetworkHelper& h) {
                h.SetIpsecAttribute("ReplayWindow", UintegerValue(0));
            };
            RunResult rc = RunAttack(c);
            NS_TEST_ASSERT_MSG_GT(rc.m["threat_delivered_to_sip"], 0, attack + ": control");
            NS_TEST_ASSERT_MSG_EQ(rc.m["threat_success"], 1, attack + ": control success");
        }
    }
};

/**
 * \ingroup imssec
 * \brief Registration hijack and wrong RES.
 */
class ThreatsRegistrationTestCase : public TestCase
{
  public:
    ThreatsRegistrationTestCase()
        : TestCase("hijack without the key and a wrong RES fail; the victim is untouched")
    {
    }

  private:
    void DoRun() override
    {
        RunConfig h;
        h.attack = "hijack";
        h.threat = [](ImsThreatHelper& t) { t.SetAttribute("Attempts", UintegerValue(2)); };
        RunResult rh = RunAttack(h);
        NS_TEST_ASSERT_MSG_EQ(rh.m["threat_attempts"], 2, "hijack: attempts");
        NS_TEST_ASSERT_MSG_EQ(rh.m["threat_rogue_registered"], 0, "hijack succeeded");
        NS_TEST_ASSERT_MSG_EQ(rh.m["threat_rogue_403"] + rh.m["threat_rogue_timeouts"],
                              2,
                              "hijack: attempts neither refused nor dropped");
        NS_TEST_ASSERT_MSG_GT(rh.m["threat_pcscf_bad_icv_total"], 0, "hijack: no ICV failure");
        NS_TEST_ASSERT_MSG_EQ(rh.m["threat_victim_registered"], 1, "hijack: victim lost");
        NS_TEST_ASSERT_MSG_EQ(rh.m["threat_victim_sa_unchanged"], 1, "hijack: victim SAs");

        RunConfig w;
        w.attack = "wrong-res";
        RunResult rw = RunAttack(w);
        NS_TEST_ASSERT_MSG_EQ(rw.m["threat_rogue_403"], 1, "wrong RES: no 403");
        NS_TEST_ASSERT_MSG_EQ(rw.m["threat_rogue_registered"], 0, "wrong RES registered");
        NS_TEST_ASSERT_MSG_EQ(rw.m["threat_victim_registered"], 1, "wrong RES: victim lost");
        // Control: the same client with the right RES registers.
        w.threat = [](ImsThreatHelper& t) { t.SetAttribute("Mode", StringValue("right-res")); };
        RunResult rc = RunAttack(w);
        NS_TEST_ASSERT_MSG_EQ(rc.m["threat_rogue_registered"], 1, "control: right RES refused");
        NS_TEST_ASSERT_MSG_EQ(rc.m["threat_success"], 1, "control: success not counted");
    }
};

/**
 * \ingroup imssec
 * \brief Flooding of port 5060 against a P-CSCF with a finite processing rate.
 */
class ThreatsFloodTestCase : public TestCase
{
  public:
    ThreatsFloodTestCase()
        : TestCase("flood at 5060 overloads a finite P-CSCF, not an infinite one")
    {
    }

  private:
    void DoRun() override
    {
        RunConfig c;
        c.attack = "flood";
        c.ues = 2;
        c.attackTime = Seconds(10);
        c.duration = Seconds(30);
        c.threat = [](ImsThreatHelper& t) {
            t.SetAttribute("Rate", DoubleValue(400));
            t.SetPcscfProcessing(200, 50);
        };
        RunResult r = RunAttack(c);
        NS_TEST_ASSERT_MSG_GT(r.m["threat_flood_sent"], 7000, "flood not sent");
        NS_TEST_ASSERT_MSG_GT(r.m["threat_pcscf_queue_drops"], 0, "overload not visible");
        NS_TEST_ASSERT_MSG_EQ(r.m["threat_pcscf_queue_max"], 50, "queue limit not reached");
        NS_TEST_ASSERT_MSG_GT(r.m["threat_pcscf_queue_delay_mean_ms"], 5, "no queueing delay");
        // The same flood against an infinitely fast P-CSCF: no queue at all.
        c.threat = [](ImsThreatHelper& t) { t.SetAttribute("Rate", DoubleValue(400)); };
        RunResult ri = RunAttack(c);
        NS_TEST_ASSERT_MSG_EQ(ri.m["threat_pcscf_queue_drops"], 0, "drops without a queue");
        NS_TEST_ASSERT_MSG_EQ(ri.m["threat_pcscf_queue_max"], 0, "queue without a rate");
        NS_TEST_ASSERT_MSG_EQ(ri.registeredUes, 2, "UEs lost registration without overload");
    }
};

/**
 * \ingroup imssec
 * \brief The helper's names and its refusal of unknown ones.
 */
class ThreatsHelperTestCase : public TestCase
{
  public:
    ThreatsHelperTestCase()
        : TestCase("attack names and the no-attack baseline")
    {
    }

  private:
    void DoRun() override
    {
        NS_TEST_ASSERT_MSG_EQ(ImsThreatHelper::GetAttackNames().size(), 10, "attack names");
        ImsNetworkHelper helper;
        ImsNetwork net = helper.Install(1);
        ImsThreatHelper t;
        NS_TEST_ASSERT_MSG_EQ(t.Install(helper, net, "teleport"), false, "unknown accepted");
        Simulator::Destroy();
        RunConfig c;
        RunResult r = RunAttack(c);
        NS_TEST_ASSERT_MSG_EQ(r.m["threat_success"], 0, "baseline success");
        NS_TEST_ASSERT_MSG_EQ(r.m["threat_downgraded_registrations"], 0, "baseline downgrade");
        NS_TEST_ASSERT_MSG_EQ(r.registeredUes, 2, "baseline registrations");
    }
};

/// Suite per attack family.
class ThreatsSuite : public TestSuite
{
  public:
    /**
     * \param name suite name
     * \param test its test case
     */
    ThreatsSuite(const std::string& name, TestCase* test)
        : TestSuite(name, TestSuite::Type::SYSTEM)
    {
        AddTestCase(test, TestCase::QUICK);
    }
};

static ThreatsSuite g_threatsBiddingDown("imssec-threats-bidding-down",
                                         new ThreatsBiddingDownTestCase); //!< bidding down
static ThreatsSuite g_threatsSpoof("imssec-threats-spoof", new ThreatsSpoofTestCase); //!< spoof
static ThreatsSuite g_threatsReplay("imssec-threats-replay",
                                    new ThreatsReplayTestCase); //!< replay
static ThreatsSuite g_threatsRegistration("imssec-threats-registration",
                                          new ThreatsRegistrationTestCase); //!< hijack, RES
static ThreatsSuite g_threatsFlood("imssec-threats-flood", new ThreatsFloodTestCase); //!< flood
static ThreatsSuite g_threatsHelper("imssec-threats-helper",
                                    new ThreatsHelperTestCase); //!< helper
