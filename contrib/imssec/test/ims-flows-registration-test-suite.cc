/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Whole-flow registration through ImsNetworkHelper's network (UE, GGSN, P-CSCF, S-CSCF/HSS):
// the message sequence on the access and core links, the sec-agree headers, the ESP SPIs and
// the four SAs in both SADs, with SA selectors bound to the address (/128) and to the prefix
// (/64).
#include "ims-flows-test-network.h"

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
#include "ns3/test.h"

#include <optional>
#include <string>

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
    }
};

/// The suite object.
static FlowsRegistrationTestSuite g_flowsRegistrationTestSuite;
