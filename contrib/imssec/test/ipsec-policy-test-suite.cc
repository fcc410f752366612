/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-test-network.h"

#include "ns3/esp-header.h"
#include "ns3/ipsec-integrity.h"
#include "ns3/ipsec-policy.h"
#include "ns3/ipsec-selector.h"
#include "ns3/ipsec-spd.h"
#include "ns3/ipsec-stack.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <vector>

using namespace ns3;
using namespace ns3::tests;

namespace
{

using Side = IpsecSaSetParameters::Side;
using Net = IpsecTestNetwork;

/**
 * \param p a packet
 * \returns its bytes
 */
std::vector<uint8_t>
BytesOf(Ptr<const Packet> p)
{
    std::vector<uint8_t> b(p->GetSize());
    p->CopyData(b.data(), b.size());
    return b;
}

/**
 * \param received what a node received
 * \param from a source address
 * \returns how many datagrams came from it
 */
uint32_t
CountFrom(const std::vector<Net::Received>& received, Ipv6Address from)
{
    uint32_t n = 0;
    for (const auto& r : received)
    {
        n += r.from == from ? 1 : 0;
    }
    return n;
}

/**
 * \param received what a node received
 * \param to a destination address
 * \returns how many datagrams were addressed to it
 */
uint32_t
CountTo(const std::vector<Net::Received>& received, Ipv6Address to)
{
    uint32_t n = 0;
    for (const auto& r : received)
    {
        n += r.to == to ? 1 : 0;
    }
    return n;
}

} // namespace

/**
 * \ingroup imssec-tests
 * The studied mechanism: a UE that sends from a new address inside or outside the prefix its
 * SAs are bound to, with the same binding on both sides (/128, /64, /56).  Checks both the
 * UE -> P-CSCF direction (outbound lookup at the UE, inbound selector check at the P-CSCF)
 * and the P-CSCF -> UE direction toward the new address (outbound lookup by prefix at the
 * P-CSCF, inbound lookup by SPI and destination prefix at the UE).
 */
class IpsecPrefixBindingTestCase : public TestCase
{
  public:
    /**
     * \param length selector prefix length of the UE side, on both sides
     */
    explicit IpsecPrefixBindingTestCase(uint8_t length)
        : TestCase("UE sends from new addresses with SAs bound to prefix length " +
                   std::to_string(length)),
          m_length(length)
    {
    }

  private:
    void DoRun() override
    {
        Net net;
        net.InstallBoth(m_length, m_length);
        std::vector<Ipv6Address> sources = {Net::UE_ADDRESS,
                                            Net::UE_SAME_64,
                                            Net::UE_SAME_56,
                                            Net::UE_OTHER_PREFIX};
        Time t = Seconds(1);
        for (const auto& a : sources)
        {
            net.SendAt(t,
                       net.ueStack,
                       100,
                       a,
                       Net::UE_PORT_C,
                       Net::PCSCF_ADDRESS,
                       Net::PCSCF_PORT_S);
            net.SendAt(t + MilliSeconds(500),
                       net.pcscfStack,
                       100,
                       Net::PCSCF_ADDRESS,
                       Net::PCSCF_PORT_S,
                       a,
                       Net::UE_PORT_C);
            t += Seconds(1);
        }
        Simulator::Stop(Seconds(10));
        Simulator::Run();

        uint32_t uncovered = 0;
        for (const auto& a : sources)
        {
            bool covered = IpsecSelector::SamePrefix(Net::UE_ADDRESS, a, m_length);
            uncovered += covered ? 0 : 1;
            NS_TEST_EXPECT_MSG_EQ(CountFrom(net.pcscfReceived, a),
                                  (covered ? 1 : 0),
                                  "UE -> P-CSCF from " << a);
            NS_TEST_EXPECT_MSG_EQ(CountTo(net.ueReceived, a),
                                  (covered ? 1 : 0),
                                  "P-CSCF -> UE at " << a);
        }
        // Expected coverage, written out so the test does not only trust SamePrefix.
        uint32_t expectUncovered = m_length == 128 ? 3 : (m_length == 64 ? 2 : 1);
        NS_TEST_EXPECT_MSG_EQ(uncovered, expectUncovered, "addresses outside the binding");
        for (const auto& r : net.pcscfReceived)
        {
            NS_TEST_EXPECT_MSG_EQ(r.hasTag, true, "protected");
            NS_TEST_EXPECT_MSG_EQ(r.tag.GetSpi(), 0x44444, "the one SA covers every address");
        }
        NS_TEST_EXPECT_MSG_EQ(net.ueStack->GetDropCount(IpsecStack::NO_OUTBOUND_SA),
                              uncovered,
                              "UE: no outbound SA for uncovered sources");
        NS_TEST_EXPECT_MSG_EQ(net.pcscfStack->GetDropCount(IpsecStack::NO_OUTBOUND_SA),
                              uncovered,
                              "P-CSCF: no outbound SA toward uncovered addresses");
        NS_TEST_EXPECT_MSG_EQ(net.ueStack->GetTotalDropCount() +
                                  net.pcscfStack->GetTotalDropCount(),
                              2 * uncovered,
                              "no other drop");
        Simulator::Destroy();
    }

    uint8_t m_length; //!< prefix length
};

/**
 * \ingroup imssec-tests
 * Bindings that differ between the two sides: the half that still has a /128 refuses what
 * the /64 half lets through, with the reason that says which selector failed.
 */
class IpsecMismatchedBindingTestCase : public TestCase
{
  public:
    IpsecMismatchedBindingTestCase()
        : TestCase("UE and P-CSCF bind differently: source or destination outside selector")
    {
    }

  private:
    void DoRun() override
    {
        {
            // UE binds /64, P-CSCF /128 (a P-CSCF whose policy ignores addr-pref-length).
            Net net;
            net.InstallBoth(64, 128);
            net.SendAt(Seconds(1),
                       net.ueStack,
                       100,
                       Net::UE_SAME_64,
                       Net::UE_PORT_C,
                       Net::PCSCF_ADDRESS,
                       Net::PCSCF_PORT_S);
            Simulator::Run();
            NS_TEST_EXPECT_MSG_EQ(net.ueStack->GetProtectedCount(), 1, "UE sent it");
            NS_TEST_EXPECT_MSG_EQ(net.pcscfReceived.size(), 0, "P-CSCF refused it");
            NS_TEST_EXPECT_MSG_EQ(net.pcscfStack->GetDropCount(IpsecStack::SOURCE_OUTSIDE_SELECTOR),
                                  1,
                                  "source outside the /128 selector");
            IMS_TEST_REQUIRE_SIZE(net.pcscfDrops, 1, "one drop traced");
            NS_TEST_EXPECT_MSG_EQ(net.pcscfDrops[0].reason,
                                  IpsecStack::SOURCE_OUTSIDE_SELECTOR,
                                  "trace reason");
            NS_TEST_EXPECT_MSG_EQ(net.pcscfDrops[0].spi, 0x44444, "trace SPI");
            NS_TEST_EXPECT_MSG_EQ(net.pcscfDrops[0].source, Net::UE_SAME_64, "trace source");
            Simulator::Destroy();
        }
        {
            // UE binds /128, P-CSCF /64: the P-CSCF reaches the new address, the UE refuses.
            Net net;
            net.InstallBoth(128, 64);
            net.SendAt(Seconds(1),
                       net.pcscfStack,
                       100,
                       Net::PCSCF_ADDRESS,
                       Net::PCSCF_PORT_S,
                       Net::UE_SAME_64,
                       Net::UE_PORT_C);
            Simulator::Run();
            NS_TEST_EXPECT_MSG_EQ(net.pcscfStack->GetProtectedCount(), 1, "P-CSCF sent it");
            NS_TEST_EXPECT_MSG_EQ(net.ueReceived.size(), 0, "UE refused it");
            NS_TEST_EXPECT_MSG_EQ(
                net.ueStack->GetDropCount(IpsecStack::DESTINATION_OUTSIDE_SELECTOR),
                1,
                "SPI known, destination outside its /128");
            NS_TEST_EXPECT_MSG_EQ(Net::Count(net.ueDrops, IpsecStack::DESTINATION_OUTSIDE_SELECTOR),
                                  1,
                                  "traced");
            Simulator::Destroy();
        }
    }
};

/**
 * \ingroup imssec-tests
 * Each inbound drop reason, provoked on the network, counted once and traced with its
 * reason, and the datagram never reaches the application.
 */
class IpsecInboundDropsTestCase : public TestCase
{
  public:
    IpsecInboundDropsTestCase()
        : TestCase("inbound drops: no SA, ports, replay, bad ICV, wrong key, malformed, expired")
    {
    }

  private:
    /**
     * \param net the network
     * \param reason the one reason expected at the P-CSCF
     * \param count how many
     * \param what description
     */
    void ExpectOnly(const Net& net, IpsecStack::DropReason reason, uint32_t count, std::string what)
    {
        NS_TEST_EXPECT_MSG_EQ(net.pcscfStack->GetDropCount(reason), count, what << ": counter");
        NS_TEST_EXPECT_MSG_EQ(Net::Count(net.pcscfDrops, reason), count, what << ": trace");
        NS_TEST_EXPECT_MSG_EQ(net.pcscfStack->GetTotalDropCount(), count, what << ": only it");
    }

    void DoRun() override
    {
        {
            // No SA for the SPI: the P-CSCF deleted its set, the UE did not.
            Net net;
            auto handles = net.InstallBoth(128, 128);
            Simulator::Schedule(Seconds(0.5),
                                [&]() { net.pcscfStack->DeleteSaSet(handles.second); });
            net.SendAt(Seconds(1),
                       net.ueStack,
                       100,
                       Net::UE_ADDRESS,
                       Net::UE_PORT_C,
                       Net::PCSCF_ADDRESS,
                       Net::PCSCF_PORT_S);
            Simulator::Run();
            ExpectOnly(net, IpsecStack::NO_SA_FOR_SPI, 1, "unknown SPI");
            NS_TEST_EXPECT_MSG_EQ(net.pcscfDrops.at(0).spi, 0x44444, "SPI traced");
            NS_TEST_EXPECT_MSG_EQ(net.pcscfReceived.size(), 0, "nothing delivered");
            Simulator::Destroy();
        }
        {
            // Ports outside the selector: the UE's SA uses another client port (same SPIs).
            Net net;
            IpsecSaSetParameters ue = Net::Parameters(Side::UE, 128);
            ue.uePortC = 31005;
            net.ueStack->InstallSaSet(ue);
            net.pcscfStack->InstallSaSet(Net::Parameters(Side::PCSCF, 128));
            net.SendAt(Seconds(1),
                       net.ueStack,
                       100,
                       Net::UE_ADDRESS,
                       31005,
                       Net::PCSCF_ADDRESS,
                       Net::PCSCF_PORT_S);
            Simulator::Run();
            ExpectOnly(net, IpsecStack::PORTS_OUTSIDE_SELECTOR, 1, "ports");
            NS_TEST_EXPECT_MSG_EQ(net.pcscfReceived.size(), 0, "nothing delivered");
            Simulator::Destroy();
        }
        {
            // Replay: the same ESP packet again, 1 s later.
            Net net;
            net.InstallBoth(128, 128);
            net.SendAt(Seconds(1),
                       net.ueStack,
                       100,
                       Net::UE_ADDRESS,
                       Net::UE_PORT_C,
                       Net::PCSCF_ADDRESS,
                       Net::PCSCF_PORT_S);
            Simulator::Schedule(Seconds(2), [&]() {
                net.InjectAt(Seconds(0), net.ueEsp.at(0), Net::UE_ADDRESS, Net::PCSCF_ADDRESS);
            });
            Simulator::Run();
            ExpectOnly(net, IpsecStack::REPLAY, 1, "replay");
            NS_TEST_EXPECT_MSG_EQ(net.pcscfReceived.size(), 1, "only the original delivered");
            Simulator::Destroy();
        }
        {
            // Bad ICV: one payload bit flipped; then ICV bytes flipped.  Forgeries must not
            // move the window: the genuine packet, sent after them, is accepted.
            Net net;
            net.InstallBoth(128, 128);
            Simulator::Schedule(Seconds(1), [&]() {
                Ptr<Packet> esp = net.ueStack->Protect(Create<Packet>(100),
                                                       Net::UE_ADDRESS,
                                                       Net::UE_PORT_C,
                                                       Net::PCSCF_ADDRESS,
                                                       Net::PCSCF_PORT_S);
                std::vector<uint8_t> b = BytesOf(esp);
                b[30] ^= 0x01;
                net.InjectAt(Seconds(0),
                             Create<Packet>(b.data(), b.size()),
                             Net::UE_ADDRESS,
                             Net::PCSCF_ADDRESS);
                b[30] ^= 0x01;
                b[b.size() - 1] ^= 0x80;
                net.InjectAt(MilliSeconds(10),
                             Create<Packet>(b.data(), b.size()),
                             Net::UE_ADDRESS,
                             Net::PCSCF_ADDRESS);
                net.InjectAt(MilliSeconds(20), esp, Net::UE_ADDRESS, Net::PCSCF_ADDRESS);
            });
            Simulator::Run();
            ExpectOnly(net, IpsecStack::BAD_ICV, 2, "tampered");
            IMS_TEST_REQUIRE_SIZE(net.pcscfReceived, 1, "the genuine one delivered");
            NS_TEST_EXPECT_MSG_EQ(net.pcscfReceived[0].tag.GetSequence(), 1, "its sequence");
            Simulator::Destroy();
        }
        for (bool algorithmMismatch : {false, true})
        {
            // Wrongly keyed: another IK at the UE; or the same IK under another algorithm.
            Net net;
            IpsecSaSetParameters ue = Net::Parameters(Side::UE, 128);
            if (algorithmMismatch)
            {
                ue.alg = IpsecIntegrityAlgorithm::HMAC_MD5_96;
            }
            else
            {
                ue.ik[7] ^= 0x10;
            }
            net.ueStack->InstallSaSet(ue);
            net.pcscfStack->InstallSaSet(Net::Parameters(Side::PCSCF, 128));
            net.SendAt(Seconds(1),
                       net.ueStack,
                       100,
                       Net::UE_ADDRESS,
                       Net::UE_PORT_C,
                       Net::PCSCF_ADDRESS,
                       Net::PCSCF_PORT_S);
            Simulator::Run();
            ExpectOnly(net, IpsecStack::BAD_ICV, 1, "wrong key");
            NS_TEST_EXPECT_MSG_EQ(net.pcscfReceived.size(), 0, "nothing delivered");
            Simulator::Destroy();
        }
        {
            // Malformed: truncated by one byte, a 6-byte "ESP packet", and bad padding under
            // a valid ICV (recomputed here with OpenSSL's HMAC()).
            Net net;
            net.InstallBoth(128, 128);
            Simulator::Schedule(Seconds(1), [&]() {
                Ptr<Packet> esp = net.ueStack->Protect(Create<Packet>(101), // 1 byte of padding
                                                       Net::UE_ADDRESS,
                                                       Net::UE_PORT_C,
                                                       Net::PCSCF_ADDRESS,
                                                       Net::PCSCF_PORT_S);
                std::vector<uint8_t> b = BytesOf(esp);
                Ptr<Packet> cut = Create<Packet>(b.data(), b.size() - 1);
                net.InjectAt(Seconds(0), cut, Net::UE_ADDRESS, Net::PCSCF_ADDRESS);
                net.InjectAt(MilliSeconds(10),
                             Create<Packet>(b.data(), 6),
                             Net::UE_ADDRESS,
                             Net::PCSCF_ADDRESS);
                uint32_t n = b.size();
                NS_TEST_EXPECT_MSG_EQ(+b[n - 14], 1, "one byte of padding");
                b[n - 15] = 7; // the padding byte must be 1
                std::vector<uint8_t> key(16);
                for (uint8_t k = 0; k < 16; ++k)
                {
                    key[k] = k;
                }
                key.insert(key.end(), 4, 0);
                unsigned int len = 0;
                unsigned char mac[EVP_MAX_MD_SIZE];
                HMAC(EVP_sha1(), key.data(), 20, b.data(), n - 12, mac, &len);
                std::copy(mac, mac + 12, b.end() - 12);
                net.InjectAt(MilliSeconds(20),
                             Create<Packet>(b.data(), n),
                             Net::UE_ADDRESS,
                             Net::PCSCF_ADDRESS);
            });
            Simulator::Run();
            ExpectOnly(net, IpsecStack::MALFORMED, 3, "malformed");
            NS_TEST_EXPECT_MSG_EQ(net.pcscfReceived.size(), 0, "nothing delivered");
            Simulator::Destroy();
        }
        {
            // Expired: the P-CSCF's SAs live 10 s, the UE's 100 s; the P-CSCF keeps expired
            // SAs 30 s (ExpiredHoldTime), then forgets them.
            Net net;
            IpsecSaSetParameters ue = Net::Parameters(Side::UE, 128);
            IpsecSaSetParameters pc = Net::Parameters(Side::PCSCF, 128);
            ue.lifetime = Seconds(100);
            pc.lifetime = Seconds(10);
            net.ueStack->InstallSaSet(ue);
            net.pcscfStack->InstallSaSet(pc);
            for (double t : {5.0, 15.0, 50.0})
            {
                net.SendAt(Seconds(t),
                           net.ueStack,
                           100,
                           Net::UE_ADDRESS,
                           Net::UE_PORT_C,
                           Net::PCSCF_ADDRESS,
                           Net::PCSCF_PORT_S);
            }
            net.SendAt(Seconds(15),
                       net.pcscfStack,
                       100,
                       Net::PCSCF_ADDRESS,
                       Net::PCSCF_PORT_S,
                       Net::UE_ADDRESS,
                       Net::UE_PORT_C);
            Simulator::Run();
            NS_TEST_EXPECT_MSG_EQ(net.pcscfReceived.size(), 1, "only the one at 5 s");
            NS_TEST_EXPECT_MSG_EQ(net.pcscfStack->GetDropCount(IpsecStack::EXPIRED_SA),
                                  2,
                                  "inbound at 15 s and outbound at 15 s");
            NS_TEST_EXPECT_MSG_EQ(net.pcscfStack->GetDropCount(IpsecStack::NO_SA_FOR_SPI),
                                  1,
                                  "at 50 s the expired SA is gone");
            NS_TEST_EXPECT_MSG_EQ(net.pcscfStack->GetTotalDropCount(), 3, "nothing else");
            Simulator::Destroy();
        }
    }
};

/**
 * \ingroup imssec-tests
 * Outbound refusals and the clear-packet check the receiving application calls.
 */
class IpsecOutboundAndClearDropsTestCase : public TestCase
{
  public:
    IpsecOutboundAndClearDropsTestCase()
        : TestCase("outbound drops and clear packets under a protect policy")
    {
    }

  private:
    void DoRun() override
    {
        Net net;
        auto handles = net.InstallBoth(64, 64);
        // Outbound: no SA for an unprotected port, an exhausted sequence counter, a source
        // the node does not own.
        Simulator::Schedule(Seconds(1), [&]() {
            NS_TEST_EXPECT_MSG_EQ(net.ueStack->Send(Create<Packet>(10),
                                                    Net::UE_ADDRESS,
                                                    Net::UE_PORT_C,
                                                    Net::PCSCF_ADDRESS,
                                                    Net::PCSCF_PORT_CLEAR),
                                  false,
                                  "no SA to port 5060");
            net.ueStack->GetSaSetSa(handles.first, 0)->SetLastSequence(0xffffffff);
            NS_TEST_EXPECT_MSG_EQ(net.ueStack->Send(Create<Packet>(10),
                                                    Net::UE_ADDRESS,
                                                    Net::UE_PORT_C,
                                                    Net::PCSCF_ADDRESS,
                                                    Net::PCSCF_PORT_S),
                                  false,
                                  "counter exhausted");
            NS_TEST_EXPECT_MSG_EQ(net.ueStack->Send(Create<Packet>(10),
                                                    Ipv6Address("2001:1:0:100::99"),
                                                    Net::UE_PORT_S,
                                                    Net::PCSCF_ADDRESS,
                                                    Net::PCSCF_PORT_C),
                                  false,
                                  "source not on the node");
        });
        // Clear packets from the UE: to a protected port from inside the /64 (must be
        // refused), from outside it and to the unprotected port (bypass).
        net.SendClearAt(Seconds(2), Net::UE_ADDRESS, Net::UE_PORT_C, Net::PCSCF_PORT_S);
        net.SendClearAt(Seconds(2.1), Net::UE_SAME_64, Net::UE_PORT_S, Net::PCSCF_PORT_C);
        net.SendClearAt(Seconds(2.2), Net::UE_OTHER_PREFIX, Net::UE_PORT_C, Net::PCSCF_PORT_S);
        net.SendClearAt(Seconds(2.3), Net::UE_ADDRESS, 5060, Net::PCSCF_PORT_CLEAR);
        // And a protected one (on the other SA: the first one's counter is exhausted).
        net.SendAt(Seconds(3),
                   net.ueStack,
                   100,
                   Net::UE_SAME_64,
                   Net::UE_PORT_S,
                   Net::PCSCF_ADDRESS,
                   Net::PCSCF_PORT_C);
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(net.ueStack->GetDropCount(IpsecStack::NO_OUTBOUND_SA), 1, "no SA");
        NS_TEST_EXPECT_MSG_EQ(net.ueStack->GetDropCount(IpsecStack::SEQUENCE_OVERFLOW),
                              1,
                              "sequence overflow");
        NS_TEST_EXPECT_MSG_EQ(net.ueStack->GetDropCount(IpsecStack::SEND_FAILED), 1, "send");
        NS_TEST_EXPECT_MSG_EQ(Net::Count(net.ueDrops, IpsecStack::SEQUENCE_OVERFLOW), 1, "trace");
        NS_TEST_EXPECT_MSG_EQ(net.ueStack->GetTotalDropCount(), 3, "nothing else at the UE");

        // The P-CSCF application checks every datagram it got.
        IMS_TEST_REQUIRE_SIZE(net.pcscfReceived, 5, "4 clear + 1 protected delivered");
        std::vector<bool> verdicts;
        for (const auto& r : net.pcscfReceived)
        {
            verdicts.push_back(net.pcscfStack->CheckClear(r.packet,
                                                          r.from,
                                                          r.fromPort,
                                                          Net::PCSCF_ADDRESS,
                                                          r.localPort));
        }
        NS_TEST_EXPECT_MSG_EQ((verdicts == std::vector<bool>{false, false, true, true, true}),
                              true,
                              "clear in /64 to protected ports refused; others accepted");
        NS_TEST_EXPECT_MSG_EQ(net.pcscfStack->GetDropCount(IpsecStack::ARRIVED_CLEAR),
                              2,
                              "policy says protect but packet arrived clear");
        NS_TEST_EXPECT_MSG_EQ(Net::Count(net.pcscfDrops, IpsecStack::ARRIVED_CLEAR), 2, "trace");
        NS_TEST_EXPECT_MSG_EQ(net.pcscfStack->GetClearAcceptedCount(), 2, "bypass");

        // A discard policy for the other prefix turns its clear packet into POLICY_DISCARD.
        net.pcscfStack->GetSpd()->Add(Create<IpsecPolicy>(
            IpsecSelector(Ipv6Address("2001:2::"), 64, Ipv6Address::GetAny(), 0, 0, 0, 0),
            IpsecDirection::INBOUND,
            IpsecPolicy::Action::DISCARD));
        const auto& other = net.pcscfReceived[2];
        NS_TEST_EXPECT_MSG_EQ(net.pcscfStack->CheckClear(other.packet,
                                                         other.from,
                                                         other.fromPort,
                                                         Net::PCSCF_ADDRESS,
                                                         other.localPort),
                              false,
                              "discarded");
        NS_TEST_EXPECT_MSG_EQ(net.pcscfStack->GetDropCount(IpsecStack::POLICY_DISCARD),
                              1,
                              "policy discard");
        Simulator::Destroy();
    }
};

/**
 * \ingroup imssec-tests
 * Re-registration: an old and a new SA set of one UE coexist (new SPIs and client port),
 * each carries its own traffic, outbound lookups prefer the newer set where selectors are
 * equal, and deleting the old set leaves the new one working.
 */
class IpsecCoexistingSetsTestCase : public TestCase
{
  public:
    IpsecCoexistingSetsTestCase()
        : TestCase("old and new SA sets coexist during re-registration")
    {
    }

  private:
    void DoRun() override
    {
        Net net;
        const uint16_t newPortC = 31010;
        net.OpenSocket(net.ue, newPortC, &net.ueReceived);
        auto old = net.InstallBoth(64, 64);
        IpsecSaSetParameters ue = Net::Parameters(Side::UE, 64);
        IpsecSaSetParameters pc = Net::Parameters(Side::PCSCF, 64);
        for (auto* p : {&ue, &pc})
        {
            p->ueSpiC = 0x55555;
            p->ueSpiS = 0x66666;
            p->pcscfSpiC = 0x77777;
            p->pcscfSpiS = 0x88888;
            p->uePortC = newPortC;
            p->ik[0] = 0xaa; // a new AKA run gives new keys
        }
        std::vector<uint32_t> sizes;
        net.pcscfStack->GetSad()->TraceConnectWithoutContext(
            "SaCount",
            MakeCallback(+[](std::vector<uint32_t>* v, uint32_t, uint32_t now) {
                v->push_back(now);
            }).Bind(&sizes));
        uint32_t newUe = 0;
        uint32_t newPc = 0;
        Simulator::Schedule(Seconds(1), [&]() {
            newUe = net.ueStack->InstallSaSet(ue);
            newPc = net.pcscfStack->InstallSaSet(pc);
        });
        // Both sets in use.
        net.SendAt(Seconds(2),
                   net.ueStack,
                   100,
                   Net::UE_ADDRESS,
                   Net::UE_PORT_C,
                   Net::PCSCF_ADDRESS,
                   Net::PCSCF_PORT_S);
        net.SendAt(Seconds(2.1),
                   net.ueStack,
                   100,
                   Net::UE_ADDRESS,
                   newPortC,
                   Net::PCSCF_ADDRESS,
                   Net::PCSCF_PORT_S);
        net.SendAt(Seconds(2.2),
                   net.pcscfStack,
                   100,
                   Net::PCSCF_ADDRESS,
                   Net::PCSCF_PORT_S,
                   Net::UE_SAME_64,
                   Net::UE_PORT_C);
        net.SendAt(Seconds(2.3),
                   net.pcscfStack,
                   100,
                   Net::PCSCF_ADDRESS,
                   Net::PCSCF_PORT_S,
                   Net::UE_SAME_64,
                   newPortC);
        net.SendAt(Seconds(2.4), // equal selectors in both sets: the newer wins
                   net.pcscfStack,
                   100,
                   Net::PCSCF_ADDRESS,
                   Net::PCSCF_PORT_C,
                   Net::UE_ADDRESS,
                   Net::UE_PORT_S);
        // The new set is confirmed: the old one goes.
        Simulator::Schedule(Seconds(3), [&]() {
            net.ueStack->DeleteSaSet(old.first);
            net.pcscfStack->DeleteSaSet(old.second);
        });
        net.SendAt(Seconds(4),
                   net.ueStack,
                   100,
                   Net::UE_ADDRESS,
                   Net::UE_PORT_C,
                   Net::PCSCF_ADDRESS,
                   Net::PCSCF_PORT_S);
        net.SendAt(Seconds(4.1),
                   net.ueStack,
                   100,
                   Net::UE_SAME_64,
                   newPortC,
                   Net::PCSCF_ADDRESS,
                   Net::PCSCF_PORT_S);
        Simulator::Run();

        IMS_TEST_REQUIRE_SIZE(net.pcscfReceived, 3, "P-CSCF got 3");
        NS_TEST_EXPECT_MSG_EQ(net.pcscfReceived[0].tag.GetSaSetHandle(), old.second, "old set");
        NS_TEST_EXPECT_MSG_EQ(net.pcscfReceived[0].tag.GetSpi(), 0x44444, "old spi-s");
        NS_TEST_EXPECT_MSG_EQ(net.pcscfReceived[1].tag.GetSaSetHandle(), newPc, "new set");
        NS_TEST_EXPECT_MSG_EQ(net.pcscfReceived[1].tag.GetSpi(), 0x88888, "new spi-s");
        NS_TEST_EXPECT_MSG_EQ(net.pcscfReceived[2].tag.GetSpi(), 0x88888, "new after delete");
        IMS_TEST_REQUIRE_SIZE(net.ueReceived, 3, "UE got 3");
        NS_TEST_EXPECT_MSG_EQ(net.ueReceived[0].tag.GetSpi(), 0x11111, "old spi-c");
        NS_TEST_EXPECT_MSG_EQ(net.ueReceived[0].tag.GetSaSetHandle(), old.first, "old UE set");
        NS_TEST_EXPECT_MSG_EQ(net.ueReceived[1].tag.GetSpi(), 0x55555, "new spi-c");
        NS_TEST_EXPECT_MSG_EQ(net.ueReceived[1].tag.GetSaSetHandle(), newUe, "new UE set");
        NS_TEST_EXPECT_MSG_EQ(net.ueReceived[2].tag.GetSpi(), 0x66666, "newer set preferred");
        NS_TEST_EXPECT_MSG_EQ(net.ueStack->GetDropCount(IpsecStack::NO_OUTBOUND_SA),
                              1,
                              "old client port unprotected after the delete");
        NS_TEST_EXPECT_MSG_EQ(net.pcscfStack->GetTotalDropCount(), 0, "no drop at the P-CSCF");
        NS_TEST_EXPECT_MSG_EQ((sizes == std::vector<uint32_t>{5, 6, 7, 8, 7, 6, 5, 4}),
                              true,
                              "SAD size trace 4 -> 8 -> 4");
        NS_TEST_EXPECT_MSG_EQ(net.pcscfStack->GetSad()->GetCreatedCount(), 8, "created");
        NS_TEST_EXPECT_MSG_EQ(net.pcscfStack->GetSad()->GetDeletedCount(), 4, "deleted");
        NS_TEST_EXPECT_MSG_EQ(net.pcscfStack->GetSpd()->GetSize(), 2, "policies of one set");
        NS_TEST_EXPECT_MSG_EQ(net.pcscfStack->HasSaSet(old.second), false, "old set gone");
        Simulator::Destroy();
    }
};

/**
 * \ingroup imssec-tests
 * Lifetimes of SA sets: expiry by itself, refresh before expiry (re-registration), the
 * SaSetExpired and SaSetRemoved traces, and what an expired set does to traffic.
 */
class IpsecSaSetLifetimeTestCase : public TestCase
{
  public:
    IpsecSaSetLifetimeTestCase()
        : TestCase("SA set lifetime: expiry, refresh, traces")
    {
    }

  private:
    void DoRun() override
    {
        Net net;
        IpsecSaSetParameters ue = Net::Parameters(Side::UE, 64);
        IpsecSaSetParameters pc = Net::Parameters(Side::PCSCF, 64);
        ue.lifetime = pc.lifetime = Seconds(20);
        uint32_t hu = net.ueStack->InstallSaSet(ue);
        uint32_t hp = net.pcscfStack->InstallSaSet(pc);
        std::vector<std::pair<double, uint32_t>> expired;
        std::vector<std::pair<double, uint32_t>> removed;
        auto record = +[](std::vector<std::pair<double, uint32_t>>* v, uint32_t h) {
            v->emplace_back(Simulator::Now().GetSeconds(), h);
        };
        net.pcscfStack->TraceConnectWithoutContext("SaSetExpired",
                                                   MakeCallback(record).Bind(&expired));
        net.pcscfStack->TraceConnectWithoutContext("SaSetRemoved",
                                                   MakeCallback(record).Bind(&removed));
        // Refresh at 15 s: lifetime 30 s from then, so expiry at 45 s instead of 20 s.
        Simulator::Schedule(Seconds(15), [&]() {
            NS_TEST_EXPECT_MSG_EQ(net.ueStack->UpdateSaSetLifetime(hu, Seconds(30)), true, "UE");
            NS_TEST_EXPECT_MSG_EQ(net.pcscfStack->UpdateSaSetLifetime(hp, Seconds(30)),
                                  true,
                                  "P-CSCF");
        });
        Simulator::Schedule(Seconds(44.9), [&]() {
            NS_TEST_EXPECT_MSG_EQ(net.pcscfStack->IsSaSetLive(hp), true, "live at 44.9 s");
        });
        Simulator::Schedule(Seconds(45.1), [&]() {
            NS_TEST_EXPECT_MSG_EQ(net.pcscfStack->IsSaSetLive(hp), false, "expired at 45.1 s");
            NS_TEST_EXPECT_MSG_EQ(net.pcscfStack->HasSaSet(hp), true, "held");
            NS_TEST_EXPECT_MSG_EQ(net.pcscfStack->UpdateSaSetLifetime(hp, Seconds(30)),
                                  false,
                                  "an expired set cannot be refreshed");
        });
        for (double t : {30.0, 50.0})
        {
            net.SendAt(Seconds(t),
                       net.ueStack,
                       100,
                       Net::UE_SAME_64,
                       Net::UE_PORT_C,
                       Net::PCSCF_ADDRESS,
                       Net::PCSCF_PORT_S);
        }
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(net.pcscfReceived.size(), 1, "only the packet at 30 s");
        NS_TEST_EXPECT_MSG_EQ(net.ueStack->GetDropCount(IpsecStack::EXPIRED_SA), 1, "at 50 s");
        IMS_TEST_REQUIRE_SIZE(expired, 1, "one SaSetExpired");
        NS_TEST_EXPECT_MSG_EQ_TOL(expired[0].first, 45.0, 1e-9, "at 45 s");
        NS_TEST_EXPECT_MSG_EQ(expired[0].second, hp, "its handle");
        IMS_TEST_REQUIRE_SIZE(removed, 1, "one SaSetRemoved");
        NS_TEST_EXPECT_MSG_EQ_TOL(removed[0].first, 75.0, 1e-9, "after the 30 s hold");
        NS_TEST_EXPECT_MSG_EQ(net.pcscfStack->HasSaSet(hp), false, "gone");
        NS_TEST_EXPECT_MSG_EQ(net.pcscfStack->GetSad()->GetExpiredCount(), 4, "4 SAs expired");
        NS_TEST_EXPECT_MSG_EQ(net.pcscfStack->GetSad()->GetHeldCount(), 0, "none held");
        NS_TEST_EXPECT_MSG_EQ(net.pcscfStack->GetSpd()->GetSize(), 0, "policies gone too");
        Simulator::Destroy();
    }
};

/**
 * \ingroup imssec-tests
 * Selector bindings: the prefix binding on the real network.
 */
class IpsecPrefixTestSuite : public TestSuite
{
  public:
    IpsecPrefixTestSuite()
        : TestSuite("imssec-ipsec-prefix", UNIT)
    {
        for (uint8_t length : {128, 64, 56})
        {
            AddTestCase(new IpsecPrefixBindingTestCase(length), TestCase::QUICK);
        }
        AddTestCase(new IpsecMismatchedBindingTestCase, TestCase::QUICK);
    }
};

static IpsecPrefixTestSuite g_ipsecPrefixTestSuite; //!< Static suite instance

/**
 * \ingroup imssec-tests
 * Every drop reason.
 */
class IpsecDropsTestSuite : public TestSuite
{
  public:
    IpsecDropsTestSuite()
        : TestSuite("imssec-ipsec-drops", UNIT)
    {
        AddTestCase(new IpsecInboundDropsTestCase, TestCase::QUICK);
        AddTestCase(new IpsecOutboundAndClearDropsTestCase, TestCase::QUICK);
    }
};

static IpsecDropsTestSuite g_ipsecDropsTestSuite; //!< Static suite instance

/**
 * \ingroup imssec-tests
 * SA sets: coexistence and lifetimes.
 */
class IpsecSaSetsTestSuite : public TestSuite
{
  public:
    IpsecSaSetsTestSuite()
        : TestSuite("imssec-ipsec-sa-sets", UNIT)
    {
        AddTestCase(new IpsecCoexistingSetsTestCase, TestCase::QUICK);
        AddTestCase(new IpsecSaSetLifetimeTestCase, TestCase::QUICK);
    }
};

static IpsecSaSetsTestSuite g_ipsecSaSetsTestSuite; //!< Static suite instance
