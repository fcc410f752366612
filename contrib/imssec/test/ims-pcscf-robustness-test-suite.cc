/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ims-pcscf-test-network.h"

#include "ns3/simulator.h"
#include "ns3/test.h"

#include <random>
#include <string>

using namespace ns3;
using namespace ns3::tests;

namespace
{

/// A request whose header section is broken but whose Via can be read: 400 expected.
const std::string BROKEN_REQUEST =
    "INVITE sip:remote@ims.example SIP/2.0\r\n"
    "Via: SIP/2.0/UDP [3fff:100:0:2::10]:40000;branch=z9hG4bKjunk\r\n"
    "From: <sip:x@ims.example>;tag=1\r\n"
    "To: <sip:remote@ims.example>\r\n"
    "Call-ID: junk\r\n"
    "CSeq: 1 INVITE\r\n"
    "Max-Forwards: lots\r\n"
    "\r\n";

/// A well-formed response from a stranger, naming the P-CSCF in its top Via.
const std::string STRANGER_RESPONSE =
    "SIP/2.0 200 OK\r\n"
    "Via: SIP/2.0/UDP [3fff:f00:0:2::1]:5060;branch=z9hG4bKforged\r\n"
    "Via: SIP/2.0/UDP [3fff:100:0:1::10]:5060;branch=z9hG4bKvictim\r\n"
    "From: <sip:ue1@ims.example>;tag=1\r\n"
    "To: <sip:ue1@ims.example>;tag=2\r\n"
    "Call-ID: forged\r\n"
    "CSeq: 1 REGISTER\r\n"
    "Contact: <sip:ue1@[3fff:100:0:2::10]:5060>;expires=0\r\n"
    "Content-Length: 0\r\n\r\n";

/**
 * \param rng a generator
 * \param n length
 * \returns n random bytes
 */
std::string
RandomBytes(std::mt19937& rng, size_t n)
{
    std::string s(n, '\0');
    for (char& c : s)
    {
        c = static_cast<char>(rng() & 0xff);
    }
    return s;
}

/**
 * \param rng a generator
 * \param text a message
 * \returns the message with a few bytes changed, cut or duplicated
 */
std::string
Mutate(std::mt19937& rng, std::string text)
{
    uint32_t edits = 1 + rng() % 6;
    for (uint32_t i = 0; i < edits && !text.empty(); ++i)
    {
        size_t pos = rng() % text.size();
        switch (rng() % 4)
        {
        case 0:
            text[pos] = static_cast<char>(rng() & 0xff);
            break;
        case 1:
            text.erase(pos, 1 + rng() % 8);
            break;
        case 2:
            text.insert(pos, text.substr(pos, 1 + rng() % 16));
            break;
        default:
            text[pos] = "\r\n:;,<>\"= @[]"[rng() % 14];
            break;
        }
    }
    return text;
}

} // namespace

/**
 * \ingroup imssec-tests
 * A flood of garbage at the P-CSCF's port 5060 (random bytes, malformed requests,
 * responses from a stranger, clear requests to the protected ports) while UE1 is
 * registered: every datagram answered (400) or dropped and counted, UE1's registration and
 * SAs untouched, and UE1 still reachable and able to re-register afterwards.
 */
class PcscfGarbageFloodTestCase : public TestCase
{
  public:
    PcscfGarbageFloodTestCase()
        : TestCase("a garbage flood leaves registered UEs alone")
    {
    }

  private:
    void DoRun() override
    {
        PcscfTestNetwork net;
        net.ue1->addrPrefLength = 64;
        net.At(Seconds(1), [&net]() { net.ue1->SendInitialRegister(); });
        uint32_t setBefore = 0;
        net.At(Seconds(2), [&net, &setBefore]() {
            setBefore = net.pcscf->FindRegistration("ue1@ims.example")->currentSet;
        });
        const uint32_t rounds = 100;
        std::mt19937 rng(12345);
        for (uint32_t i = 0; i < rounds; ++i)
        {
            std::string junk = RandomBytes(rng, 1 + rng() % 600);
            net.At(Seconds(3) + MilliSeconds(10 * i), [&net, junk]() {
                net.SendRawFromUe2(junk, 5060);              // dropped
                net.SendRawFromUe2(BROKEN_REQUEST, 5060);    // 400
                net.SendRawFromUe2(STRANGER_RESPONSE, 5060); // dropped (stranger)
                net.SendRawFromUe2(STRANGER_RESPONSE, 5063); // dropped (clear on port-s)
            });
        }
        net.At(Seconds(6), [&net]() { net.scscf->SendToUe("sip:ue1@ims.example", "INVITE"); });
        net.At(Seconds(7), [&net]() { net.ue1->SendReregister(); });
        net.RunUntil(Seconds(9));

        // Every piece of garbage accounted for.
        uint64_t malformed = net.pcscf->GetMalformedCount();
        NS_TEST_ASSERT_MSG_EQ(malformed, 2u * rounds, "random bytes and broken requests");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetTransport()->GetBadRequestAnsweredCount(),
                              rounds,
                              "400 to each broken request");
        NS_TEST_ASSERT_MSG_EQ(FindSip(net.ue2Wire, false, "INVITE", 400).size(),
                              rounds,
                              "400s on the wire");
        NS_TEST_ASSERT_MSG_EQ(
            net.pcscf->GetCounters().GetDrops(PcscfDropCause::RESPONSE_FROM_STRANGER),
            rounds,
            "responses from a stranger");
        NS_TEST_ASSERT_MSG_EQ(
            net.pcscf->GetCounters().GetDrops(PcscfDropCause::CLEAR_ON_PROTECTED_PORT),
            rounds,
            "clear on the protected port");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetGarbageDroppedCount(),
                              3u * rounds,
                              "garbage dropped without answer");
        // Nothing reached the S-CSCF but UE1's own traffic.
        NS_TEST_ASSERT_MSG_EQ(net.scscf->received.size(),
                              2u + 1u + 2u,
                              "UE1's 2 REGISTERs, the 200 to the INVITE, 2 REGISTERs");
        // UE1 untouched: reachable through the same set, then re-registered.
        auto invites = FindSip(net.ue1Wire, false, "INVITE", 0);
        IMS_TEST_REQUIRE_SIZE(invites, 1, "terminating INVITE after the flood");
        NS_TEST_ASSERT_MSG_EQ(net.ue1->registrations, 2u, "re-registered after the flood");
        const PcscfRegistration* r = net.pcscf->FindRegistration("ue1@ims.example");
        NS_TEST_ASSERT_MSG_NE(r, nullptr, "registration kept");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetRegistrationTable().GetSize(), 1u, "no other state");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetSaSetsCreated(), 2u, "only UE1's sets");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetSadSize(), 4u, "four SAs");
        NS_TEST_ASSERT_MSG_NE(setBefore, 0u, "was registered before the flood");
    }
};

/**
 * \ingroup imssec-tests
 * Mutated copies of real messages (REGISTER, 401, 200, INVITE) and random bytes, sent
 * from a UE to every P-CSCF port and from the S-CSCF's address to port 5060: nothing
 * crashes, every datagram is counted, and a registration made afterwards works.
 */
class PcscfMutationTestCase : public TestCase
{
  public:
    PcscfMutationTestCase()
        : TestCase("mutated messages from both sides")
    {
    }

  private:
    void DoRun() override
    {
        PcscfTestNetwork net;
        // One real exchange to take the messages from.
        net.At(Seconds(1), [&net]() { net.ue2->SendInitialRegister(); });
        net.At(Seconds(2), [&net]() { net.scscf->SendToUe("sip:ue2@ims.example", "INVITE"); });
        std::vector<std::string> samples;
        net.At(Seconds(3), [&net, &samples]() {
            for (const WirePacket& w : net.coreWire)
            {
                if (w.isSip)
                {
                    samples.push_back(w.payload);
                }
            }
            for (const WirePacket& w : net.ue2Wire)
            {
                if (w.isSip)
                {
                    samples.push_back(w.payload);
                }
            }
        });
        std::mt19937 rng(4242);
        const uint32_t rounds = 400;
        uint32_t sent = 0;
        for (uint32_t i = 0; i < rounds; ++i)
        {
            uint32_t seed = rng();
            net.At(Seconds(4) + MilliSeconds(5 * i), [&net, &samples, &sent, seed]() {
                std::mt19937 local(seed);
                std::string m = samples.empty() ? std::string("x")
                                                : Mutate(local, samples[local() % samples.size()]);
                static const uint16_t ports[] = {5060, 5062, 5063};
                net.SendRawFromUe2(m, ports[local() % 3]);
                net.SendRawFromScscf(Mutate(local, m));
                sent += 2;
            });
        }
        net.At(Seconds(8), [&net]() { net.ue1->SendInitialRegister(); });
        net.RunUntil(Seconds(10));
        NS_TEST_ASSERT_MSG_EQ(sent, 2 * rounds, "all sent");
        NS_TEST_ASSERT_MSG_GT(samples.size(), 6u, "real messages to mutate");
        NS_TEST_ASSERT_MSG_GT(net.pcscf->GetMalformedCount(), 0u, "some did not parse");
        NS_TEST_ASSERT_MSG_EQ(net.ue1->registered, true, "a registration still works");
        // Everything the P-CSCF received is accounted for: valid messages by the transport's
        // counters, the rest as malformed or dropped by the transport.
        uint64_t valid = net.pcscf->GetReceivedCounters().GetTotal().messages;
        uint64_t refused =
            net.pcscf->GetTransport()->GetDropCount(SipTransport::CLEAR_ON_PROTECTED_PORT);
        NS_TEST_ASSERT_MSG_GT(valid + net.pcscf->GetMalformedCount() + refused,
                              static_cast<uint64_t>(sent),
                              "every datagram counted (plus the real exchanges)");
    }
};

/**
 * \ingroup imssec-tests
 * A 401 whose ik is not hexadecimal: no SA set, the 401 goes to the UE without
 * Security-Server and without the keys, the failure is counted.
 */
class PcscfBadKeysTestCase : public TestCase
{
  public:
    PcscfBadKeysTestCase()
        : TestCase("a 401 with unusable keys installs nothing")
    {
    }

  private:
    void DoRun() override
    {
        PcscfTestNetwork net;
        net.scscf->tamper401 = [](SipMessage& challenge) {
            auto www = challenge.GetDigest("WWW-Authenticate");
            www->Set("ik", "not-hex", true);
            challenge.SetDigest("WWW-Authenticate", *www);
        };
        net.At(Seconds(1), [&net]() { net.ue1->SendInitialRegister(); });
        net.RunUntil(Seconds(3));
        auto c401 = FindSip(net.ue1Wire, false, "REGISTER", 401);
        IMS_TEST_REQUIRE_SIZE(c401, 1, "401 forwarded");
        NS_TEST_ASSERT_MSG_EQ(c401[0].message.HasHeader("Security-Server"), false, "none");
        NS_TEST_ASSERT_MSG_EQ(c401[0].message.GetDigest("WWW-Authenticate")->Get("ik").has_value(),
                              false,
                              "keys removed anyway");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetCounters().GetSaSetFailures(), 1u, "counted");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetSadSize(), 0u, "no SA");
        NS_TEST_ASSERT_MSG_EQ(net.ue1->registered, false, "the UE cannot go on");
    }
};

/**
 * \ingroup imssec-tests
 * Bad input at the P-CSCF.
 */
static class PcscfRobustnessTestSuite : public TestSuite
{
  public:
    PcscfRobustnessTestSuite()
        : TestSuite("imssec-ims-pcscf-robustness", UNIT)
    {
        AddTestCase(new PcscfGarbageFloodTestCase(), QUICK);
        AddTestCase(new PcscfMutationTestCase(), QUICK);
        AddTestCase(new PcscfBadKeysTestCase(), QUICK);
    }
} g_pcscfRobustnessTestSuite; //!< static instance
