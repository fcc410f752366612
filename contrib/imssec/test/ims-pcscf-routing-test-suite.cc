/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ims-pcscf-test-network.h"

#include "ns3/ipsec-sad.h"
#include "ns3/pcscf-proxy-rules.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"

#include <string>

using namespace ns3;
using namespace ns3::tests;

namespace
{

/// The Record-Route value the P-CSCF adds.
const std::string PCSCF_RECORD_ROUTE = "<sip:[3fff:f00:0:2::1]:5060;lr>";

/**
 * \param ue a UE
 * \param address the address to put in the Request-URI
 * \returns the UE's contact URI text with that address
 */
std::string
ContactAt(const PcscfTestUe& ue, const Ipv6Address& address)
{
    return "sip:ue" + std::to_string(ue.index) + "@[" + AddressString(address) +
           "]:" + std::to_string(ue.current.portS);
}

} // namespace

/**
 * \ingroup imssec-tests
 * A terminating INVITE from the S-CSCF along the Path: the P-CSCF pops its Route, adds
 * Record-Route and its Via, and sends it through the SA (P-CSCF port-c -> UE port-s, the
 * UE's spi-s); the UE's 200 comes back through the SA and goes on to the S-CSCF by Via.
 */
class PcscfTerminatingTestCase : public TestCase
{
  public:
    PcscfTerminatingTestCase()
        : TestCase("terminating INVITE to the UE through its SA, 200 back by Via")
    {
    }

  private:
    void DoRun() override
    {
        PcscfTestNetwork net;
        net.At(Seconds(1), [&net]() { net.ue1->SendInitialRegister(); });
        net.At(Seconds(3), [&net]() { net.scscf->SendToUe("sip:ue1@ims.example", "INVITE"); });
        net.RunUntil(Seconds(5));
        const PcscfTestUe::Offer& ue = net.ue1->current;
        auto invites = FindSip(net.ue1Wire, false, "INVITE", 0);
        IMS_TEST_REQUIRE_SIZE(invites, 1, "INVITE on the UE link");
        const WirePacket& w = invites[0];
        NS_TEST_ASSERT_MSG_EQ(+w.nextHeader, 50, "ESP");
        NS_TEST_ASSERT_MSG_EQ(w.spi, ue.spiS, "the UE's spi-s");
        NS_TEST_ASSERT_MSG_EQ(w.sourcePort, 5062, "from the P-CSCF's port-c");
        NS_TEST_ASSERT_MSG_EQ(w.destinationPort, ue.portS, "to the UE's port-s");
        NS_TEST_ASSERT_MSG_EQ(w.source, PcscfTestNetwork::PCSCF_ACCESS, "from the SA's address");
        NS_TEST_ASSERT_MSG_EQ(w.message.HasHeader("Route"), false, "Path Route popped");
        NS_TEST_ASSERT_MSG_EQ(w.message.GetFirst("Record-Route").value_or(""),
                              PCSCF_RECORD_ROUTE,
                              "Record-Route");
        NS_TEST_ASSERT_MSG_EQ(+w.message.GetMaxForwards().value_or(0), 69, "Max-Forwards");
        auto vias = w.message.GetVias();
        IMS_TEST_REQUIRE_SIZE(vias, 2, "P-CSCF Via on the S-CSCF's");
        NS_TEST_ASSERT_MSG_EQ(vias[0].GetHostAddress(), "3fff:f00:0:1::2", "Via address");
        NS_TEST_ASSERT_MSG_EQ(vias[0].GetPort().value_or(0), 5062, "Via port: port-c");
        auto uas200 = FindSip(net.ue1Wire, true, "INVITE", 200);
        IMS_TEST_REQUIRE_SIZE(uas200, 1, "the UE's 200");
        IpsecSaSetParameters p;
        net.pcscf->GetIpsecStack()->GetSaSetParameters(
            net.pcscf->FindRegistration("ue1@ims.example")->currentSet,
            p);
        NS_TEST_ASSERT_MSG_EQ(uas200[0].spi, p.pcscfSpiC, "200 to the P-CSCF's spi-c");
        auto core200 = FindSip(net.coreWire, true, "INVITE", 200);
        IMS_TEST_REQUIRE_SIZE(core200, 1, "200 forwarded to the S-CSCF");
        NS_TEST_ASSERT_MSG_EQ(+core200[0].nextHeader, 17, "in clear");
        NS_TEST_ASSERT_MSG_EQ(core200[0].message.GetVias().size(), 1u, "P-CSCF Via removed");
        NS_TEST_ASSERT_MSG_EQ(net.scscf->Received("INVITE", 200).size(), 1u, "S-CSCF got it");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetRequestsToUeWithoutSa(), 0u, "none refused");
    }
};

/**
 * \ingroup imssec-tests
 * A terminating request to another address of the UE's /64 (a privacy address the UE
 * moved to): delivered through the SA with a /64 binding; answered 480 (and counted) with
 * a /128 binding, nothing sent toward the UE.
 */
class PcscfNewAddressTestCase : public TestCase
{
  public:
    /**
     * \param prefixBound /64 (honour 64) or /128 (ignore)
     */
    explicit PcscfNewAddressTestCase(bool prefixBound)
        : TestCase(prefixBound
                       ? "terminating request to a new address of the prefix, prefix binding"
                       : "terminating request to a new address of the prefix, address binding"),
          m_prefixBound(prefixBound)
    {
    }

  private:
    void DoRun() override
    {
        bool prefixBound = m_prefixBound;
        PcscfTestNetwork net([prefixBound](PcscfHelper& h) {
            h.SetAttribute("AddrPrefLengthPolicy", StringValue(prefixBound ? "honour" : "ignore"));
        });
        net.ue1->addrPrefLength = 64;
        net.At(Seconds(1), [&net]() { net.ue1->SendInitialRegister(); });
        net.At(Seconds(3), [&net]() {
            net.scscf->SendToUe("sip:ue1@ims.example",
                                "INVITE",
                                ContactAt(*net.ue1, PcscfTestNetwork::UE1_SAME_64));
        });
        net.RunUntil(Seconds(5));
        NS_TEST_ASSERT_MSG_EQ(net.ue1->registered, true, "registered");
        auto invites = FindSip(net.ue1Wire, false, "INVITE", 0);
        if (m_prefixBound)
        {
            IMS_TEST_REQUIRE_SIZE(invites, 1, "INVITE delivered");
            NS_TEST_ASSERT_MSG_EQ(invites[0].destination,
                                  PcscfTestNetwork::UE1_SAME_64,
                                  "to the new address");
            NS_TEST_ASSERT_MSG_EQ(invites[0].spi, net.ue1->current.spiS, "through the UE's SA");
            NS_TEST_ASSERT_MSG_EQ(net.ue1->Received("INVITE", 0).size(), 1u, "UE accepted it");
            auto answer = FindSip(net.ue1Wire, true, "INVITE", 200);
            IMS_TEST_REQUIRE_SIZE(answer, 1, "the UE's 200");
            NS_TEST_ASSERT_MSG_EQ(answer[0].source,
                                  PcscfTestNetwork::UE1_SAME_64,
                                  "from the new address");
            NS_TEST_ASSERT_MSG_EQ(net.scscf->Received("INVITE", 200).size(),
                                  1u,
                                  "the P-CSCF accepted and forwarded it");
            NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetRequestsToUeWithoutSa(), 0u, "none refused");
        }
        else
        {
            NS_TEST_ASSERT_MSG_EQ(invites.size(), 0u, "nothing toward the UE");
            auto r480 = net.scscf->Received("INVITE", 480);
            IMS_TEST_REQUIRE_SIZE(r480, 1, "480 to the S-CSCF");
            NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetRequestsToUeWithoutSa(), 1u, "counted");
            NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetResponsesSent(480), 1u, "480 counted");
            // The registered contact itself is still reachable.
            NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetSadSize(), 4u, "SAs kept");
        }
    }

    bool m_prefixBound; //!< /64 or /128
};

/**
 * \ingroup imssec-tests
 * An originating INVITE through the SA: forwarded to the S-CSCF with the P-CSCF's Route
 * popped, Record-Route, P-Asserted-Identity, its Via; the 200 back through the SA to the
 * UE's port-c.  Sent from another address of the /64 with a /64 binding, it passes too.
 */
class PcscfOriginatingTestCase : public TestCase
{
  public:
    PcscfOriginatingTestCase()
        : TestCase("originating INVITE to the S-CSCF, 200 back through the SA")
    {
    }

  private:
    void DoRun() override
    {
        PcscfTestNetwork net;
        net.ue1->addrPrefLength = 64;
        net.At(Seconds(1), [&net]() { net.ue1->SendInitialRegister(); });
        net.At(Seconds(3), [&net]() {
            SipMessage invite = net.ue1->MakeRequest("INVITE", "sip:ue1@ims.example");
            invite.AddHeader("Route", "<sip:orig@[3fff:f00:0:2::2]:5060;lr>");
            net.ue1->SendProtected(invite);
        });
        net.At(Seconds(4), [&net]() {
            net.ue1->address = PcscfTestNetwork::UE1_SAME_64;
            net.ue1->SendProtected(net.ue1->MakeRequest("INVITE", "sip:ue1@ims.example"));
        });
        net.RunUntil(Seconds(6));
        auto fwd = FindSip(net.coreWire, true, "INVITE", 0);
        IMS_TEST_REQUIRE_SIZE(fwd, 2, "both INVITEs forwarded");
        const SipMessage& m = fwd[0].message;
        auto routes = m.GetNameAddrs("Route");
        IMS_TEST_REQUIRE_SIZE(routes, 1, "the P-CSCF's Route popped, the Service-Route left");
        NS_TEST_ASSERT_MSG_EQ(routes[0].GetUri().GetUser(), "orig", "Service-Route");
        NS_TEST_ASSERT_MSG_EQ(m.GetFirst("Record-Route").value_or(""),
                              PCSCF_RECORD_ROUTE,
                              "Record-Route");
        NS_TEST_ASSERT_MSG_EQ(m.GetFirst("P-Asserted-Identity").value_or(""),
                              "<sip:ue1@ims.example>",
                              "P-Asserted-Identity");
        NS_TEST_ASSERT_MSG_EQ(fwd[0].destination, PcscfTestNetwork::SCSCF, "to the S-CSCF");
        auto vias = m.GetVias();
        IMS_TEST_REQUIRE_SIZE(vias, 2, "P-CSCF Via on the UE's");
        NS_TEST_ASSERT_MSG_EQ(vias[0].GetParams().Get("sa-uc").value_or(""),
                              std::to_string(net.ue1->current.portC),
                              "marked protected");
        NS_TEST_ASSERT_MSG_EQ(vias[1].GetReceived().value_or(""),
                              "3fff:100:0:1::10",
                              "received stamped by the transport");
        auto oks = FindSip(net.ue1Wire, false, "INVITE", 200);
        IMS_TEST_REQUIRE_SIZE(oks, 2, "two 200 to the UE");
        NS_TEST_ASSERT_MSG_EQ(+oks[0].nextHeader, 50, "through the SA");
        NS_TEST_ASSERT_MSG_EQ(oks[0].spi, net.ue1->current.spiC, "UE's spi-c");
        NS_TEST_ASSERT_MSG_EQ(oks[0].destinationPort, net.ue1->current.portC, "to port-c");
        NS_TEST_ASSERT_MSG_EQ(oks[1].destination,
                              PcscfTestNetwork::UE1_SAME_64,
                              "to the new address, through the /64 SA");
        NS_TEST_ASSERT_MSG_EQ(fwd[1].message.GetVias()[1].GetReceived().value_or(""),
                              "3fff:100:0:1::20",
                              "the second from the new address");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetCounters().GetTotalDrops(), 0u, "nothing dropped");
    }
};

/**
 * \ingroup imssec-tests
 * RFC 3261 16.3: Max-Forwards 0 gets 483; a request that comes back unchanged (the
 * S-CSCF returns it) gets 482, while one whose Request-URI changed (UE1 calling UE2
 * through the same P-CSCF: a spiral) goes on to UE2 through UE2's SA.
 */
class PcscfHopsAndLoopsTestCase : public TestCase
{
  public:
    PcscfHopsAndLoopsTestCase()
        : TestCase("483 on Max-Forwards 0, 482 on a loop, a spiral goes through")
    {
    }

  private:
    void DoRun() override
    {
        PcscfTestNetwork net;
        std::string ue2Contact;
        // The S-CSCF sends every request back to the P-CSCF: unchanged for MESSAGE (a loop),
        // retargeted to UE2's contact for INVITE (a spiral).
        net.scscf->onRequest = [&net, &ue2Contact](const SipMessage& r, const SipPacketInfo&) {
            SipMessage back = r;
            if (r.IsMethod("INVITE"))
            {
                back.SetRequestLine("INVITE", ue2Contact);
                back.RemoveHeader("Route");
            }
            back.InsertVia(
                SipVia("UDP", "[3fff:f00:0:2::2]", 5060, "z9hG4bKbounce" + r.GetMethod()));
            net.scscf->transport->Send(back,
                                       SipTarget::Clear(PcscfTestNetwork::SCSCF,
                                                        5060,
                                                        PcscfTestNetwork::PCSCF_CORE,
                                                        5060));
            return true;
        };
        net.At(Seconds(1), [&net]() {
            net.ue1->SendInitialRegister();
            net.ue2->SendInitialRegister();
        });
        net.At(Seconds(3), [&]() {
            ue2Contact = net.scscf->bindings["sip:ue2@ims.example"].contact;
            SipMessage m = net.ue1->MakeRequest("MESSAGE", "sip:ue1@ims.example");
            m.SetMaxForwards(0);
            net.ue1->SendProtected(m);
        });
        net.At(Seconds(4), [&net]() {
            net.ue1->SendProtected(net.ue1->MakeRequest("MESSAGE", "sip:ue1@ims.example"));
        });
        net.At(Seconds(5), [&net]() {
            net.ue1->SendProtected(net.ue1->MakeRequest("INVITE", "sip:ue1@ims.example"));
        });
        net.RunUntil(Seconds(7));
        auto r483 = FindSip(net.ue1Wire, false, "MESSAGE", 483);
        IMS_TEST_REQUIRE_SIZE(r483, 1, "483 to the UE");
        NS_TEST_ASSERT_MSG_EQ(+r483[0].nextHeader, 50, "through the SA");
        auto r482 = net.scscf->Received("MESSAGE", 482);
        IMS_TEST_REQUIRE_SIZE(r482, 1, "482 to the S-CSCF for the looped MESSAGE");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetCounters().GetRejects(PcscfRejectCause::LOOP_DETECTED),
                              1u,
                              "loop counted");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetResponsesSent(483), 1u, "483 counted");
        // The spiral reached UE2 through its SA, with both passes' Vias of the P-CSCF.
        auto atUe2 = FindSip(net.ue2Wire, false, "INVITE", 0);
        IMS_TEST_REQUIRE_SIZE(atUe2, 1, "the spiralled INVITE at UE2");
        NS_TEST_ASSERT_MSG_EQ(atUe2[0].spi, net.ue2->current.spiS, "UE2's spi-s");
        NS_TEST_ASSERT_MSG_EQ(atUe2[0].message.GetVias().size(), 4u, "P, S, P, UE1");
        NS_TEST_ASSERT_MSG_EQ(atUe2[0].message.GetNameAddrs("Record-Route").size(),
                              2u,
                              "one Record-Route per pass");
    }
};

/**
 * \ingroup imssec-tests
 * The P-CSCF's forwarding to and from UEs.
 */
static class PcscfRoutingTestSuite : public TestSuite
{
  public:
    PcscfRoutingTestSuite()
        : TestSuite("imssec-ims-pcscf-routing", UNIT)
    {
        AddTestCase(new PcscfTerminatingTestCase(), QUICK);
        AddTestCase(new PcscfNewAddressTestCase(true), QUICK);
        AddTestCase(new PcscfNewAddressTestCase(false), QUICK);
        AddTestCase(new PcscfOriginatingTestCase(), QUICK);
        AddTestCase(new PcscfHopsAndLoopsTestCase(), QUICK);
    }
} g_pcscfRoutingTestSuite; //!< static instance
