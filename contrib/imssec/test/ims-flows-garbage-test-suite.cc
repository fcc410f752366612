/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Whole-flow bad input: random bytes and malformed SIP at the P-CSCF's port 5060 (from a UE)
// and at the S-CSCF (from the remote party's node) while two UEs are registered.  A broken
// request whose Via can be read gets a 400 on the wire, random bytes are dropped, everything
// is counted, and the registered UEs are not disturbed (their refresh and a session go on).
#include "ims-flows-test-network.h"

#include "ns3/hss.h"
#include "ns3/ims-ue-client.h"
#include "ns3/ipsec-stack.h"
#include "ns3/pcscf.h"
#include "ns3/random-variable-stream.h"
#include "ns3/remote-party.h"
#include "ns3/scscf.h"
#include "ns3/simulator.h"
#include "ns3/sip-transport.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <sstream>
#include <string>

using namespace ns3;
using namespace ns3::tests;

namespace
{

/**
 * \param from the Via address
 * \returns a request whose header section is broken (Max-Forwards not a number) but whose Via,
 *          From, To, Call-ID and CSeq can be read: RFC 3261 8.2 wants a 400
 */
std::string
BrokenRequest(Ipv6Address from)
{
    std::ostringstream os;
    os << "OPTIONS sip:remote@ims.example SIP/2.0\r\n"
       << "Via: SIP/2.0/UDP [" << from << "]:40000;branch=z9hG4bKbroken\r\n"
       << "From: <sip:x@ims.example>;tag=1\r\n"
       << "To: <sip:remote@ims.example>\r\n"
       << "Call-ID: broken\r\n"
       << "CSeq: 7 OPTIONS\r\n"
       << "Max-Forwards: lots\r\n"
       << "\r\n";
    return os.str();
}

/**
 * \param rng a random stream
 * \param size the length
 * \returns random bytes, never starting like a SIP line
 */
std::string
RandomBytes(Ptr<UniformRandomVariable> rng, uint32_t size)
{
    std::string s(size, '\0');
    for (char& c : s)
    {
        c = static_cast<char>(rng->GetInteger(0, 255));
    }
    s[0] = '\x01'; // not a token: no start line a 400 could answer
    return s;
}

} // namespace

/**
 * \ingroup imssec-tests
 * Two UEs register (60 s registrations, refreshed every 30 s).  From 20 s to 80 s ue2's node
 * sends 200 random datagrams and 20 broken requests to the P-CSCF's port 5060, and the remote
 * party's node 200 random datagrams and 20 broken requests to the S-CSCF; ue1 has a session
 * from 30 s to 70 s.  Asserted: 20 400s back to ue2 and 20 to the remote node (counted by both
 * transports), the random bytes counted as parse errors and not answered, ue1's session
 * completed, both UEs' refreshes completed during the flood, nothing failed or was lost.
 */
class FlowsGarbageTestCase : public TestCase
{
  public:
    FlowsGarbageTestCase()
        : TestCase("random bytes and malformed SIP at the P-CSCF and the S-CSCF")
    {
    }

  private:
    void DoRun() override
    {
        FlowsTestNetwork t(2, [](ImsNetworkHelper& h) {
            h.SetUeAttribute("RegistrationExpires", UintegerValue(60));
            h.SetScscfAttribute("MaxExpires", UintegerValue(60));
            h.SetUeAttribute("SessionRefreshInterval", TimeValue(Seconds(15)));
        });
        Ptr<UniformRandomVariable> rng = CreateObject<UniformRandomVariable>();
        rng->SetStream(9999);
        Ptr<Node> ue2 = t.net.ues.Get(1);
        Ipv6Address ue2Address;
        uint64_t randomBytes = 0;
        const uint32_t rounds = 20;
        for (uint32_t i = 0; i < rounds; ++i)
        {
            Time at = Seconds(20) + Seconds(3.0 * i);
            for (uint32_t j = 0; j < 10; ++j)
            {
                Time when = at + MilliSeconds(100 * j);
                std::string a = RandomBytes(rng, rng->GetInteger(1, 1400));
                std::string b = RandomBytes(rng, rng->GetInteger(1, 1400));
                randomBytes += a.size() + b.size();
                t.SendRaw(when, ue2, Ipv6Address::GetAny(), 40000, t.net.pcscfAddress, 5060, a);
                t.SendRaw(when,
                          t.net.remote,
                          Ipv6Address::GetAny(),
                          40000,
                          t.net.scscfAddress,
                          5060,
                          b);
            }
        }
        // the broken requests name the sender's address in Via (read at send time)
        for (uint32_t i = 0; i < rounds; ++i)
        {
            Time at = Seconds(21) + Seconds(3.0 * i);
            Simulator::Schedule(at - MilliSeconds(1), [&t, ue2, at]() {
                Ptr<ImsUeClient> c = t.Ue(1);
                t.SendRaw(at,
                          ue2,
                          Ipv6Address::GetAny(),
                          40000,
                          t.net.pcscfAddress,
                          5060,
                          BrokenRequest(c->GetSourceAddress()));
                t.SendRaw(at,
                          t.net.remote,
                          Ipv6Address::GetAny(),
                          40000,
                          t.net.scscfAddress,
                          5060,
                          BrokenRequest(t.net.remoteAddress));
            });
        }
        (void)ue2Address;
        Simulator::Schedule(Seconds(30), [&t]() { t.Ue(0)->Call(Seconds(40)); });
        Simulator::Stop(Seconds(100));
        Simulator::Run();

        // the P-CSCF: 20 400s, 220 parse errors, nothing else answered
        Ptr<SipTransport> pt = t.net.pcscfApp->GetTransport();
        NS_TEST_ASSERT_MSG_EQ(pt->GetParseErrorCount(),
                              10 * rounds + rounds,
                              "P-CSCF parse errors");
        NS_TEST_ASSERT_MSG_EQ(pt->GetBadRequestAnsweredCount(), rounds, "P-CSCF 400s");
        NS_TEST_ASSERT_MSG_EQ(t.net.pcscfApp->GetMalformedCount(), 11 * rounds, "counted");
        NS_TEST_ASSERT_MSG_GT_OR_EQ(t.net.pcscfApp->GetGarbageDroppedCount(),
                                    10 * rounds,
                                    "random bytes dropped and counted");
        // the S-CSCF: the same
        Ptr<SipTransport> st = t.net.scscfApp->GetTransport();
        NS_TEST_ASSERT_MSG_EQ(st->GetParseErrorCount(), 11 * rounds, "S-CSCF parse errors");
        NS_TEST_ASSERT_MSG_EQ(st->GetBadRequestAnsweredCount(), rounds, "S-CSCF 400s");
        // the 400s on the wire: core link, P-CSCF -> GGSN, toward ue2 (Call-ID broken)
        uint32_t fours = 0;
        for (const WirePacket& w : t.core)
        {
            if (!w.fromUe && w.isSip && !w.message.IsRequest() &&
                w.message.GetStatusCode() == 400 && w.message.GetCallId() == "broken" &&
                w.destinationPort == 40000)
            {
                ++fours;
            }
        }
        NS_TEST_ASSERT_MSG_EQ(fours, rounds, "400s on the P-CSCF's link toward ue2");
        (void)randomBytes;

        // the registered UEs were not disturbed
        for (uint32_t i = 0; i < 2; ++i)
        {
            const ImsUeCounters& c = t.Ue(i)->GetCounters();
            NS_TEST_ASSERT_MSG_EQ(t.Ue(i)->IsRegistered(), true, "UE " << i + 1 << " registered");
            NS_TEST_ASSERT_MSG_GT_OR_EQ(c.GetRegistrationsCompleted(REG_REFRESH),
                                        2,
                                        "refreshes during the flood");
            uint64_t failed = 0;
            uint64_t lost = 0;
            for (int f = 0; f < REG_FAILURE_COUNT; ++f)
            {
                failed += c.GetRegistrationFailures(ImsRegistrationFailure(f));
                lost += c.GetRegistrationsLost(ImsRegistrationFailure(f));
            }
            NS_TEST_ASSERT_MSG_EQ(failed, 0, "no registration failed");
            NS_TEST_ASSERT_MSG_EQ(lost, 0, "no registration lost");
            NS_TEST_ASSERT_MSG_EQ(c.GetTotalSessionsDropped(), 0, "nothing dropped");
        }
        const ImsUeCounters& c1 = t.Ue(0)->GetCounters();
        NS_TEST_ASSERT_MSG_EQ(c1.GetSessionsCompleted(), 1, "ue1's session completed");
        NS_TEST_ASSERT_MSG_EQ(t.net.pcscfApp->GetRegisteredUeCount(), 2, "P-CSCF registrations");
        NS_TEST_ASSERT_MSG_EQ(t.net.scscfApp->GetRegisteredUserCount(), 2, "S-CSCF bindings");
        NS_TEST_ASSERT_MSG_EQ(t.PcscfIpsec()->GetSaSetCount(), 2, "one SA set per UE");
    }
};

/**
 * \ingroup imssec-tests
 * Whole-flow bad input suite.
 */
class FlowsGarbageTestSuite : public TestSuite
{
  public:
    FlowsGarbageTestSuite()
        : TestSuite("imssec-ims-flows-garbage", TestSuite::Type::SYSTEM)
    {
        AddTestCase(new FlowsGarbageTestCase, TestCase::QUICK);
    }
};

/// The suite object.
static FlowsGarbageTestSuite g_flowsGarbageTestSuite;
