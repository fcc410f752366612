/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Whole-flow registration through ImsNetworkHelper's network (UE, GGSN, P-CSCF, S-CSCF/HSS):
// the message sequence on the access and core links, the sec-agree headers, the ESP SPIs and
// the four SAs in both SADs, with SA selectors bound to the address (/128) and to the prefix
// (/64).
#include "ims-flows-test-network.h"

#include "ns3/aka-credentials.h"
#include "ns3/enum.h"
#include "ns3/hss.h"
#include "ns3/ims-metrics-collector.h"
#include "ns3/ims-ue-client.h"
#include "ns3/integer.h"
#include "ns3/ipsec-sa.h"
#include "ns3/ipsec-stack.h"
#include "ns3/pcscf.h"
#include "ns3/remote-party.h"
#include "ns3/scscf.h"
#include "ns3/sec-agree-rules.h"
#include "ns3/simulator.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"
#include "ns3/usim.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::tests;

/**
 * \ingroup imssec-tests
 * One UE registers; addr-pref-length 64 or none.  Access link: REGISTER (clear, 5060 ->
 * 5060), 401 (clear, Security-Server, no ik/ck), REGISTER (ESP with the P-CSCF's spi-s, UE
 * port-c -> 5063, Security-Verify = Security-Server), 200 (ESP with the UE's spi-c, 5063 ->
 * port-c), nothing else.  Core link: REGISTER (Path, integrity-protected="no", no sec-agree
 * headers), 401 with ik/ck, REGISTER integrity-protected="yes", 200.  Both SADs: one set of
 * four SAs with the SPIs of the headers, UE selector /128 or /64, P-CSCF /128.
 */
class FlowsRegistrationTestCase : public TestCase
{
  public:
    /** \param addrPrefLength the UE's addr-pref-length (nullopt: not sent) */
    explicit FlowsRegistrationTestCase(std::optional<uint8_t> addrPrefLength)
        : TestCase(std::string("registration, SA selectors ") +
                   (addrPrefLength ? "bound to the 64-bit prefix" : "bound to the address")),
          m_apl(addrPrefLength)
    {
    }

  private:
    void DoRun() override
    {
        FlowsTestNetwork t(1, [this](ImsNetworkHelper& h) {
            h.SetUeAttribute("AddrPrefLength", IntegerValue(m_apl ? *m_apl : -1));
        });
        Simulator::Stop(Seconds(30));
        Simulator::Run();
        uint8_t length = m_apl.value_or(128);

        // --- access link: exactly the four messages ---
        auto a = FlowsTestNetwork::Sip(t.access);
        IMS_TEST_REQUIRE_SIZE(a, 4, "REGISTER 401 REGISTER 200 on the access link");
        const WirePacket& reg1 = a[0];
        const WirePacket& chal = a[1];
        const WirePacket& reg2 = a[2];
        const WirePacket& ok = a[3];
        NS_TEST_ASSERT_MSG_EQ(reg1.Describe() + " " + chal.Describe() + " " + reg2.Describe() +
                                  " " + ok.Describe(),
                              "REGISTER 401 REGISTER REGISTER 200 REGISTER",
                              "sequence");
        NS_TEST_ASSERT_MSG_EQ((reg1.fromUe && !chal.fromUe && reg2.fromUe && !ok.fromUe),
                              true,
                              "directions");
        Ipv6Address ue = t.generated.empty() ? Ipv6Address() : t.generated[0].second;
        NS_TEST_ASSERT_MSG_EQ(reg1.source, ue, "from the UE's temporary address");
        NS_TEST_ASSERT_MSG_EQ(reg1.destination, t.net.pcscfAddress, "to the P-CSCF");
        NS_TEST_ASSERT_MSG_EQ(+reg1.nextHeader, 17, "first REGISTER in clear");
        NS_TEST_ASSERT_MSG_EQ(reg1.sourcePort, 5060, "from 5060");
        NS_TEST_ASSERT_MSG_EQ(reg1.destinationPort, 5060, "to 5060");
        NS_TEST_ASSERT_MSG_EQ(+chal.nextHeader, 17, "401 in clear");

        // Security-Client: ipsec-3gpp, sha-1 then md5, addr-pref-length only when configured
        auto client = Mechanisms(reg1.message, "Security-Client");
        IMS_TEST_REQUIRE_SIZE(client, 2, "two mechanisms offered");
        NS_TEST_ASSERT_MSG_EQ(client[0].GetName(), "ipsec-3gpp", "mechanism");
        NS_TEST_ASSERT_MSG_EQ(client[0].GetAlgorithm().value_or(""), "hmac-sha-1-96", "alg 1");
        NS_TEST_ASSERT_MSG_EQ(client[1].GetAlgorithm().value_or(""), "hmac-md5-96", "alg 2");
        NS_TEST_ASSERT_MSG_EQ(client[0].GetAddrPrefLength().has_value(),
                              m_apl.has_value(),
                              "addr-pref-length sent only when configured");
        NS_TEST_ASSERT_MSG_EQ(+client[0].GetAddrPrefLength().value_or(128), +length, "value");
        NS_TEST_ASSERT_MSG_EQ(reg1.message.HasOptionTag("Require", "sec-agree"), true, "Require");
        NS_TEST_ASSERT_MSG_EQ(reg1.message.HasOptionTag("Proxy-Require", "sec-agree"),
                              true,
                              "Proxy-Require");
        uint32_t ueSpiC = client[0].GetSpiC().value_or(0);
        uint32_t ueSpiS = client[0].GetSpiS().value_or(0);
        uint16_t uePortC = client[0].GetPortC().value_or(0);
        uint16_t uePortS = client[0].GetPortS().value_or(0);
        NS_TEST_ASSERT_MSG_EQ(FlowsContactPort(reg1.message), uePortS, "Contact names port-s");

        // Security-Server: the P-CSCF's ports, L echoed when sent, no keys in the 401
        auto server = Mechanisms(chal.message, "Security-Server");
        IMS_TEST_REQUIRE_SIZE(server, 2, "every supported algorithm (RFC 3329 2.3.1)");
        NS_TEST_ASSERT_MSG_EQ(server[0].GetPortC().value_or(0), 5062, "P-CSCF port-c");
        NS_TEST_ASSERT_MSG_EQ(server[0].GetPortS().value_or(0), 5063, "P-CSCF port-s");
        NS_TEST_ASSERT_MSG_EQ(server[0].GetAddrPrefLength().has_value(),
                              m_apl.has_value(),
                              "addr-pref-length echoed (honour) only when sent");
        NS_TEST_ASSERT_MSG_EQ(+server[0].GetAddrPrefLength().value_or(128), +length, "echo");
        auto www = chal.message.GetDigest("WWW-Authenticate");
        NS_TEST_ASSERT_MSG_EQ(www.has_value(), true, "challenge");
        if (www)
        {
            NS_TEST_ASSERT_MSG_EQ((www->Get("ik").has_value() || www->Get("ck").has_value()),
                                  false,
                                  "ik/ck removed toward the UE");
        }
        uint32_t pcscfSpiC = server[0].GetSpiC().value_or(0);
        uint32_t pcscfSpiS = server[0].GetSpiS().value_or(0);

        // protected REGISTER and 200 through the negotiated SAs
        NS_TEST_ASSERT_MSG_EQ(+reg2.nextHeader, 50, "second REGISTER over ESP");
        NS_TEST_ASSERT_MSG_EQ(reg2.spi, pcscfSpiS, "ESP SPI = the P-CSCF's spi-s");
        NS_TEST_ASSERT_MSG_EQ(reg2.sequence, 1, "first packet of the SA");
        NS_TEST_ASSERT_MSG_EQ(reg2.sourcePort, uePortC, "from UE port-c");
        NS_TEST_ASSERT_MSG_EQ(reg2.destinationPort, 5063, "to P-CSCF port-s");
        NS_TEST_ASSERT_MSG_EQ(
            SecAgreeRules::VerifyMatches(server, Mechanisms(reg2.message, "Security-Verify")),
            true,
            "Security-Verify repeats Security-Server");
        NS_TEST_ASSERT_MSG_EQ(*reg2.message.GetCallId(), *reg1.message.GetCallId(), "Call-ID");
        NS_TEST_ASSERT_MSG_EQ(reg2.message.GetCseq()->GetSequence(), 2, "CSeq 2");
        NS_TEST_ASSERT_MSG_EQ(+ok.nextHeader, 50, "200 over ESP");
        NS_TEST_ASSERT_MSG_EQ(ok.spi, ueSpiC, "ESP SPI = the UE's spi-c");
        NS_TEST_ASSERT_MSG_EQ(ok.sourcePort, 5063, "from P-CSCF port-s");
        NS_TEST_ASSERT_MSG_EQ(ok.destinationPort, uePortC, "to UE port-c");

        // --- core link: four messages, sec-agree stripped, integrity-protected marks ---
        IMS_TEST_REQUIRE_SIZE(FlowsTestNetwork::Sip(t.core), 8, "the P-CSCF's link: 4 + 4");
        auto c = t.ScscfSide();
        IMS_TEST_REQUIRE_SIZE(c, 4, "REGISTER 401 REGISTER 200 between P-CSCF and S-CSCF");
        NS_TEST_ASSERT_MSG_EQ((c[0].fromUe && !c[1].fromUe && c[2].fromUe && !c[3].fromUe),
                              true,
                              "core directions");
        NS_TEST_ASSERT_MSG_EQ(c[0].Describe() + " " + c[1].Describe() + " " + c[2].Describe() +
                                  " " + c[3].Describe(),
                              "REGISTER 401 REGISTER REGISTER 200 REGISTER",
                              "core sequence");
        NS_TEST_ASSERT_MSG_EQ(c[0].message.HasHeader("Security-Client"), false, "stripped");
        NS_TEST_ASSERT_MSG_EQ(c[0].message.HasOptionTag("Require", "sec-agree"), false, "tag");
        NS_TEST_ASSERT_MSG_EQ(c[0].message.HasHeader("Path"), true, "Path added");
        auto auth1 = c[0].message.GetDigest("Authorization");
        auto auth2 = c[2].message.GetDigest("Authorization");
        NS_TEST_ASSERT_MSG_EQ((auth1 && auth1->Get("integrity-protected") == "no"),
                              true,
                              "integrity-protected=no");
        NS_TEST_ASSERT_MSG_EQ((auth2 && auth2->Get("integrity-protected") == "yes"),
                              true,
                              "integrity-protected=yes");
        auto coreWww = c[1].message.GetDigest("WWW-Authenticate");
        NS_TEST_ASSERT_MSG_EQ((coreWww && coreWww->Get("ik") && coreWww->Get("ck")),
                              true,
                              "ik/ck on the core link");

        // --- both SADs: one set, four SAs, SPIs of the headers, selector lengths ---
        Ptr<IpsecStack> ueIpsec = t.UeIpsec();
        Ptr<IpsecStack> pIpsec = t.PcscfIpsec();
        NS_TEST_ASSERT_MSG_EQ(ueIpsec->GetSaSetCount(), 1, "UE: one set");
        NS_TEST_ASSERT_MSG_EQ(pIpsec->GetSaSetCount(), 1, "P-CSCF: one set");
        NS_TEST_ASSERT_MSG_EQ(ueIpsec->GetSad()->GetSize(), 4, "UE SAD: 4 SAs");
        NS_TEST_ASSERT_MSG_EQ(pIpsec->GetSad()->GetSize(), 4, "P-CSCF SAD: 4 SAs");
        uint32_t ueHandle = t.Ue()->GetSecurity().GetActive().handle;
        uint32_t pHandle = t.PcscfSets().first;
        NS_TEST_ASSERT_MSG_NE(pHandle, 0, "P-CSCF current set");
        // index: 0 UE port-c -> P-CSCF port-s, 1 UE port-s -> P-CSCF port-c,
        //        2 P-CSCF port-c -> UE port-s, 3 P-CSCF port-s -> UE port-c
        const uint32_t spis[4] = {pcscfSpiS, pcscfSpiC, ueSpiS, ueSpiC};
        for (uint32_t i = 0; i < 4; ++i)
        {
            for (Ptr<IpsecStack> s : {ueIpsec, pIpsec})
            {
                Ptr<IpsecSa> sa = s->GetSaSetSa(s == ueIpsec ? ueHandle : pHandle, i);
                NS_TEST_ASSERT_MSG_NE(sa, nullptr, "SA " << i);
                if (!sa)
                {
                    continue;
                }
                NS_TEST_ASSERT_MSG_EQ(sa->GetSpi(), spis[i], "SPI of SA " << i);
                const IpsecSelector& sel = sa->GetSelector();
                bool ueIsSource = i < 2;
                uint8_t ueLength =
                    ueIsSource ? sel.GetSourcePrefixLength() : sel.GetDestinationPrefixLength();
                uint8_t pLength =
                    ueIsSource ? sel.GetDestinationPrefixLength() : sel.GetSourcePrefixLength();
                NS_TEST_ASSERT_MSG_EQ(+ueLength, +length, "UE selector length, SA " << i);
                NS_TEST_ASSERT_MSG_EQ(+pLength, 128, "P-CSCF selector length, SA " << i);
                NS_TEST_ASSERT_MSG_EQ(
                    (ueIsSource ? sel.CoversSource(ue) : sel.CoversDestination(ue)),
                    true,
                    "selector covers the UE address, SA " << i);
            }
        }

        // --- counters ---
        const ImsUeCounters& uc = t.Ue()->GetCounters();
        NS_TEST_ASSERT_MSG_EQ(uc.GetRegistrationsCompleted(REG_INITIAL), 1, "UE: initial");
        NS_TEST_ASSERT_MSG_EQ(uc.GetTotalRegistrationsStarted(), 1, "UE: one attempt");
        NS_TEST_ASSERT_MSG_EQ(t.net.pcscfApp->GetSaSetsCreated(), 1, "P-CSCF: one set");
        NS_TEST_ASSERT_MSG_EQ(t.net.pcscfApp->GetSaSetsDeleted(), 0, "P-CSCF: none deleted");
        NS_TEST_ASSERT_MSG_EQ(t.net.pcscfApp->GetRegisteredUeCount(), 1, "P-CSCF: registered");
        NS_TEST_ASSERT_MSG_EQ(t.net.scscfApp->GetVectorsConsumed(), 1, "HSS: one vector");
        NS_TEST_ASSERT_MSG_EQ(t.net.scscfApp->GetRegisterResponses(401), 1, "S-CSCF: 401");
        NS_TEST_ASSERT_MSG_EQ(t.net.scscfApp->GetRegisterResponses(200), 1, "S-CSCF: 200");
        NS_TEST_ASSERT_MSG_EQ(t.net.scscfApp->GetRegisteredUserCount(), 1, "S-CSCF: binding");
    }

    std::optional<uint8_t> m_apl; //!< addr-pref-length sent
};

namespace
{

/**
 * \param answers where to note "status reason"
 * \param status the S-CSCF's REGISTER answer
 * \param reason why
 */
void
NoteAnswer(std::vector<std::string>* answers,
           const std::string& /* impi */,
           uint16_t status,
           const std::string& reason)
{
    answers->push_back(std::to_string(status) + " " + reason);
}

} // namespace

/**
 * \ingroup imssec-tests
 * Network authentication failure on the wire (TS 24.229 5.1.1.5.3 and 5.4.1.2.3, TS 33.203
 * 6.1.2): the UE's USIM holds another K than the HSS, so every AUTN fails its MAC check.  The
 * UE answers each challenge with a further REGISTER of the same attempt (same Call-ID, next
 * CSeq) in clear (no SA exists), whose Authorization has the challenge's nonce, an empty
 * response and no auts, with a new Security-Client and no Security-Verify; the P-CSCF marks it
 * integrity-protected="no"; the S-CSCF answers 403 and registers nothing.  After the back-off
 * the UE tries once more, and after the second invalid challenge it stops (halted): eight
 * messages on the access link, no SA at the UE, two MAC failures counted and reported by the
 * metrics collector.
 */
class FlowsMacFailureTestCase : public TestCase
{
  public:
    FlowsMacFailureTestCase()
        : TestCase("MAC failure: REGISTER with an empty response, 403, halted after two")
    {
    }

  private:
    void DoRun() override
    {
        FlowsTestNetwork t(1, [](ImsNetworkHelper& h) {
            h.SetUeAttribute("RetryBaseTime", TimeValue(Seconds(10)));
        });
        AkaCredentials wrong = t.net.hss->GetSimulatedCredentials("ue1@ims.example");
        wrong.k[0] ^= 0x01; // an HSS that does not know this USIM's K
        t.Ue()->SetAkaCredentials(wrong);
        std::vector<std::string> answers;
        t.net.scscfApp->TraceConnectWithoutContext("RegisterAnswered",
                                                   MakeBoundCallback(&NoteAnswer, &answers));
        ImsMetricsCollector collector(t.net, Seconds(60));
        collector.Start();
        Simulator::Stop(Seconds(600));
        Simulator::Run();

        auto a = FlowsTestNetwork::Sip(t.access);
        std::string sequence;
        for (const WirePacket& w : a)
        {
            sequence += (sequence.empty() ? "" : ", ") + w.Describe();
        }
        NS_TEST_ASSERT_MSG_EQ(sequence,
                              "REGISTER, 401 REGISTER, REGISTER, 403 REGISTER, "
                              "REGISTER, 401 REGISTER, REGISTER, 403 REGISTER",
                              "two attempts, each challenge reported invalid, then silence");
        IMS_TEST_REQUIRE_SIZE(a, 8, "access link messages");
        for (size_t i : {size_t(2), size_t(6)})
        {
            const WirePacket& first = a[i - 2];
            const WirePacket& report = a[i];
            auto www = a[i - 1].message.GetDigest("WWW-Authenticate");
            auto auth = report.message.GetDigest("Authorization");
            NS_TEST_ASSERT_MSG_EQ((www.has_value() && auth.has_value()), true, "Digest headers");
            if (!www || !auth)
            {
                continue;
            }
            NS_TEST_ASSERT_MSG_EQ(+report.nextHeader, 17, "in clear: no SA exists");
            NS_TEST_ASSERT_MSG_EQ(report.destinationPort, 5060, "to the unprotected port");
            NS_TEST_ASSERT_MSG_EQ(auth->GetResponse().has_value(), true, "response present");
            NS_TEST_ASSERT_MSG_EQ(auth->GetResponse().value_or("x"), "", "and empty");
            NS_TEST_ASSERT_MSG_EQ(auth->GetAuts().has_value(), false, "no auts");
            NS_TEST_ASSERT_MSG_EQ(auth->GetNonce().value_or(""),
                                  www->GetNonce().value_or("-"),
                                  "names the refused challenge");
            NS_TEST_ASSERT_MSG_EQ(*report.message.GetCallId(),
                                  *first.message.GetCallId(),
                                  "same Call-ID");
            NS_TEST_ASSERT_MSG_EQ(report.message.GetCseq()->GetSequence(),
                                  first.message.GetCseq()->GetSequence() + 1,
                                  "next CSeq");
            NS_TEST_ASSERT_MSG_EQ(report.message.HasHeader("Security-Verify"),
                                  false,
                                  "no Security-Verify: no SA set was built");
            auto before = Mechanisms(first.message, "Security-Client");
            auto after = Mechanisms(report.message, "Security-Client");
            IMS_TEST_REQUIRE_SIZE(after, before.size(), "a new Security-Client");
            NS_TEST_ASSERT_MSG_NE(after[0].GetSpiC().value_or(0),
                                  before[0].GetSpiC().value_or(0),
                                  "new spi-c");
            NS_TEST_ASSERT_MSG_NE(after[0].GetSpiS().value_or(0),
                                  before[0].GetSpiS().value_or(0),
                                  "new spi-s");
            NS_TEST_ASSERT_MSG_NE(after[0].GetPortC().value_or(0),
                                  before[0].GetPortC().value_or(0),
                                  "new port-c");
        }
        // the S-CSCF side: integrity-protected="no", 403 for the invalid challenge
        std::vector<std::string> protectedFlags;
        for (const WirePacket& w : t.ScscfSide())
        {
            auto auth = w.message.GetDigest("Authorization");
            if (w.fromUe && w.message.IsMethod("REGISTER") && auth &&
                auth->GetResponse().has_value() && auth->GetNonce().value_or("") != "")
            {
                protectedFlags.push_back(auth->Get("integrity-protected").value_or("?"));
            }
        }
        NS_TEST_ASSERT_MSG_EQ((protectedFlags == std::vector<std::string>{"no", "no"}),
                              true,
                              "both reports reached the S-CSCF marked unprotected");
        NS_TEST_ASSERT_MSG_EQ((answers == std::vector<std::string>{"401 challenge",
                                                                   "403 invalid-challenge",
                                                                   "401 challenge",
                                                                   "403 invalid-challenge"}),
                              true,
                              "S-CSCF answers");
        NS_TEST_ASSERT_MSG_EQ(t.net.scscfApp->GetRegisteredUserCount(), 0, "nothing registered");
        // the UE
        Ptr<ImsUeClient> ue = t.Ue();
        const ImsUeCounters& c = ue->GetCounters();
        NS_TEST_ASSERT_MSG_EQ(c.GetRegistrationFailures(REG_FAIL_MAC_FAILURE), 2, "counted");
        NS_TEST_ASSERT_MSG_EQ(c.GetRegistrationsStarted(REG_INITIAL), 2, "two attempts");
        NS_TEST_ASSERT_MSG_EQ(ue->GetUsim()->GetMacFailures(), 2, "USIM MAC failures");
        NS_TEST_ASSERT_MSG_EQ(t.UeIpsec()->GetSaSetCount(), 0, "no SA at the UE");
        NS_TEST_ASSERT_MSG_EQ(ue->GetRegistration().GetState(),
                              ImsUeRegistration::HALTED,
                              "no automatic attempt after two invalid challenges");
        RunRecord record;
        collector.Collect(record);
        double reported = -1;
        for (const auto& [name, value] : record.metrics)
        {
            if (name == "registration_failures_mac_failure")
            {
                reported = value;
            }
        }
        NS_TEST_ASSERT_MSG_EQ(reported, 2, "the metrics collector reports them");
    }
};

/**
 * \ingroup imssec-tests
 * addr-pref-length never widens an SA beyond the prefix the GGSN allocated to the UE (TS 23.060
 * 9.2.1.1: one /64 per PDP context).  Two UEs get neighbouring /64s of one /48 and ask for
 * addr-pref-length 48.  Under the default P-CSCF (policy honour, WiderThanAllocation clamp,
 * AllocatedPrefixLength from the GGSN) both register with SAs bound to /64, echoed as 64, and
 * neither UE's SAs cover the other's address; with WiderThanAllocation refuse the REGISTER is
 * answered 494 and no SA set is made, never /48.  With a GGSN allocating /56 the helper gives
 * the P-CSCF 56, and a UE asking /56 gets it.
 */
class FlowsAllocatedPrefixTestCase : public TestCase
{
  public:
    /**
     * \param refuse WiderThanAllocation refuse (else clamp)
     * \param allocated the GGSN's allocation length
     * \param requested the UEs' addr-pref-length
     */
    FlowsAllocatedPrefixTestCase(bool refuse, uint8_t allocated, uint8_t requested)
        : TestCase("addr-pref-length " + std::to_string(requested) + " under a " +
                   std::to_string(allocated) + "-bit allocation: " +
                   (refuse ? "refused (494)"
                           : "SAs bound to " + std::to_string(std::max(allocated, requested)) +
                                 " bits")),
          m_refuse(refuse),
          m_allocated(allocated),
          m_requested(requested)
    {
    }

  private:
    void DoRun() override
    {
        FlowsTestNetwork t(2, [this](ImsNetworkHelper& h) {
            h.GetAccessHelper().SetPoolAttribute("AllocatedPrefixLength",
                                                 UintegerValue(m_allocated));
            h.SetUeAttribute("AddrPrefLength", IntegerValue(m_requested));
            if (m_refuse)
            {
                h.SetPcscfAttribute("WiderThanAllocation", EnumValue(1));
            }
        });
        UintegerValue configured;
        t.net.pcscfApp->GetAttribute("AllocatedPrefixLength", configured);
        NS_TEST_ASSERT_MSG_EQ(configured.Get(), m_allocated, "the helper set the GGSN's length");
        Simulator::Stop(Seconds(30));
        Simulator::Run();

        auto a = FlowsTestNetwork::Sip(t.access);
        NS_TEST_ASSERT_MSG_GT_OR_EQ(a.size(), 2u, "at least the REGISTER and its answer");
        if (a.size() < 2)
        {
            return;
        }
        if (m_refuse)
        {
            NS_TEST_ASSERT_MSG_EQ(a[1].Describe(), "494 REGISTER", "refused");
            NS_TEST_ASSERT_MSG_EQ(Mechanisms(a[1].message, "Security-Server").empty(),
                                  false,
                                  "494 with Security-Server (RFC 3329 2.3.2)");
            NS_TEST_ASSERT_MSG_EQ(t.CountSaEvents(true), 0, "no SA set at all");
            NS_TEST_ASSERT_MSG_EQ(t.Ue(0)->IsRegistered(), false, "not registered");
            return;
        }
        uint8_t granted = std::max(m_allocated, m_requested);
        auto server = Mechanisms(a[1].message, "Security-Server");
        IMS_TEST_REQUIRE_SIZE(server, 2, "Security-Server");
        NS_TEST_ASSERT_MSG_EQ(+server[0].GetAddrPrefLength().value_or(0), +granted, "echo");
        IMS_TEST_REQUIRE_SIZE(t.saEvents, 2, "one SA set per UE");
        Ipv6Address ue[2];
        for (uint32_t i = 0; i < 2; ++i)
        {
            NS_TEST_ASSERT_MSG_EQ(t.Ue(i)->IsRegistered(), true, "registered");
            ue[i] = t.Ue(i)->GetRegistration().GetContactAddress();
        }
        if (m_requested < m_allocated)
        {
            NS_TEST_ASSERT_MSG_EQ(Ipv6Prefix(m_requested).IsMatch(ue[0], ue[1]),
                                  true,
                                  "the UEs share the requested prefix: a /" +
                                      std::to_string(m_requested) + " SA would cover both");
        }
        for (const FlowsTestNetwork::SaEvent& e : t.saEvents)
        {
            NS_TEST_ASSERT_MSG_EQ(+e.p.uePrefixLength, +granted, "P-CSCF selector length");
            Ipv6Address other = e.p.ueAddress == ue[0] ? ue[1] : ue[0];
            NS_TEST_ASSERT_MSG_EQ(Ipv6Prefix(e.p.uePrefixLength).IsMatch(e.p.ueAddress, other),
                                  false,
                                  "one UE's SAs never cover the other UE's address");
        }
    }

    bool m_refuse;       //!< WiderThanAllocation refuse
    uint8_t m_allocated; //!< GGSN allocation length
    uint8_t m_requested; //!< addr-pref-length
};

/**
 * \ingroup imssec-tests
 * Whole-flow registration suite.
 */
class FlowsRegistrationTestSuite : public TestSuite
{
  public:
    FlowsRegistrationTestSuite()
        : TestSuite("imssec-ims-flows-registration", TestSuite::Type::SYSTEM)
    {
        AddTestCase(new FlowsRegistrationTestCase(std::nullopt), TestCase::QUICK);
        AddTestCase(new FlowsRegistrationTestCase(64), TestCase::QUICK);
        AddTestCase(new FlowsMacFailureTestCase, TestCase::QUICK);
        AddTestCase(new FlowsAllocatedPrefixTestCase(false, 64, 48), TestCase::QUICK);
        AddTestCase(new FlowsAllocatedPrefixTestCase(true, 64, 48), TestCase::QUICK);
        AddTestCase(new FlowsAllocatedPrefixTestCase(false, 56, 56), TestCase::QUICK);
    }
};

/// The suite object.
static FlowsRegistrationTestSuite g_flowsRegistrationTestSuite;
