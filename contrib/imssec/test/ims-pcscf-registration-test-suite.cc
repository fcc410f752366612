/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ims-pcscf-test-network.h"

#include "ns3/ipsec-sad.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <optional>
#include <string>

using namespace ns3;
using namespace ns3::tests;

namespace
{

/**
 * \param m a message
 * \param tag an option tag
 * \returns true when Require or Proxy-Require carries it
 */
bool
HasRequireTag(const SipMessage& m, const std::string& tag)
{
    return m.HasOptionTag("Require", tag) || m.HasOptionTag("Proxy-Require", tag);
}

} // namespace

/**
 * \ingroup imssec-tests
 * A whole initial registration of a scripted UE through the P-CSCF under one
 * AddrPrefLengthPolicy: every message on the UE link and on the core link (parsed from the
 * wire), the Security-Server and its echo, the four SAs in the P-CSCF's SAD with their
 * selectors, SPIs and lifetimes, and the counters.
 */
class PcscfRegistrationTestCase : public TestCase
{
  public:
    /**
     * \param policy attribute value ("honour", "clamp", "ignore")
     * \param requested addr-pref-length sent by the UE (nullopt: none)
     * \param minLength MinAddrPrefLength
     * \param expected the selector length expected at the P-CSCF
     * \param echoed whether Security-Server must carry addr-pref-length
     */
    PcscfRegistrationTestCase(std::string policy,
                              std::optional<uint8_t> requested,
                              uint8_t minLength,
                              uint8_t expected,
                              bool echoed)
        : TestCase("registration, policy " + policy + ", UE asks " +
                   (requested ? std::to_string(+*requested) : std::string("nothing")) +
                   ", minimum " + std::to_string(+minLength)),
          m_policy(policy),
          m_requested(requested),
          m_min(minLength),
          m_expected(expected),
          m_echoed(echoed)
    {
    }

  private:
    void DoRun() override
    {
        // Declared before the network: its destructor still fires traces.
        std::vector<IpsecSaSetParameters> created;
        std::vector<uint32_t> sadSizes;
        std::vector<Time> registeredAt;
        PcscfTestNetwork net([this](PcscfHelper& h) {
            h.SetAttribute("AddrPrefLengthPolicy", StringValue(m_policy));
            h.SetAttribute("MinAddrPrefLength", UintegerValue(m_min));
        });
        net.pcscf->TraceConnectWithoutContext(
            "SaSetCreated",
            MakeCallback(+[](std::vector<IpsecSaSetParameters>* out,
                             const std::string&,
                             uint32_t,
                             const IpsecSaSetParameters& p) {
                out->push_back(p);
            }).Bind(&created));
        net.pcscf->TraceConnectWithoutContext(
            "SadSize",
            MakeCallback(+[](std::vector<uint32_t>* out, uint32_t, uint32_t n) {
                out->push_back(n);
            }).Bind(&sadSizes));
        net.pcscf->TraceConnectWithoutContext(
            "Registered",
            MakeCallback(+[](std::vector<Time>* out, const std::string&, uint32_t, Time expires) {
                out->push_back(Simulator::Now() + expires);
            }).Bind(&registeredAt));
        net.ue1->addrPrefLength = m_requested;
        net.At(Seconds(1), [&net]() { net.ue1->SendInitialRegister(); });
        net.RunUntil(Seconds(3));

        NS_TEST_ASSERT_MSG_EQ(net.ue1->registered, true, "the UE completed its registration");

        // --- UE link -------------------------------------------------------------------
        auto regs = FindSip(net.ue1Wire, true, "REGISTER", 0);
        auto chal = FindSip(net.ue1Wire, false, "REGISTER", 401);
        auto oks = FindSip(net.ue1Wire, false, "REGISTER", 200);
        IMS_TEST_REQUIRE_SIZE(regs, 2, "two REGISTERs from the UE");
        IMS_TEST_REQUIRE_SIZE(chal, 1, "one 401 to the UE");
        IMS_TEST_REQUIRE_SIZE(oks, 1, "one 200 to the UE");
        NS_TEST_ASSERT_MSG_EQ(+regs[0].nextHeader, 17, "first REGISTER in clear");
        NS_TEST_ASSERT_MSG_EQ(regs[0].destinationPort, 5060, "to port 5060");
        NS_TEST_ASSERT_MSG_EQ(+chal[0].nextHeader, 17, "401 in clear");
        NS_TEST_ASSERT_MSG_EQ(chal[0].destinationPort, 5060, "401 to the UE's port 5060");
        auto www = chal[0].message.GetDigest("WWW-Authenticate");
        NS_TEST_ASSERT_MSG_EQ(www.has_value(), true, "401 carries the challenge");
        NS_TEST_ASSERT_MSG_EQ(www->Get("ik").has_value(), false, "ik removed");
        NS_TEST_ASSERT_MSG_EQ(www->Get("ck").has_value(), false, "ck removed");
        NS_TEST_ASSERT_MSG_EQ(www->GetNonce().has_value(), true, "nonce kept");
        auto server = chal[0].message.GetSecurityMechanisms("Security-Server");
        IMS_TEST_REQUIRE_SIZE(server, 2, "every supported algorithm (RFC 3329 2.3.1)");
        const SecurityMechanism& s = server[0];
        NS_TEST_ASSERT_MSG_EQ(s.GetName(), "ipsec-3gpp", "mechanism");
        NS_TEST_ASSERT_MSG_EQ(*s.GetAlgorithm(), "hmac-sha-1-96", "preferred alg chosen");
        NS_TEST_ASSERT_MSG_EQ(*s.GetEncryptionAlgorithm(), "null", "ealg");
        NS_TEST_ASSERT_MSG_EQ(*s.GetPortC(), 5062, "port-c");
        NS_TEST_ASSERT_MSG_EQ(*s.GetPortS(), 5063, "port-s");
        NS_TEST_ASSERT_MSG_EQ(*s.GetQThousandths(), 200, "q=0.2, above hmac-md5-96's");
        NS_TEST_ASSERT_MSG_EQ(s.GetAddrPrefLength().has_value(), m_echoed, "echo");
        if (m_echoed)
        {
            NS_TEST_ASSERT_MSG_EQ(+*s.GetAddrPrefLength(), +m_expected, "echoed length");
        }
        uint32_t pcscfSpiC = *s.GetSpiC();
        uint32_t pcscfSpiS = *s.GetSpiS();
        NS_TEST_ASSERT_MSG_NE(pcscfSpiC, pcscfSpiS, "distinct SPIs");
        NS_TEST_ASSERT_MSG_GT_OR_EQ(pcscfSpiC, 256u, "SPI >= 256");

        // The protected REGISTER: ESP to the P-CSCF's spi-s, port-c -> 5063.
        const PcscfTestUe::Offer& ue = net.ue1->current;
        NS_TEST_ASSERT_MSG_EQ(+regs[1].nextHeader, 50, "second REGISTER under ESP");
        NS_TEST_ASSERT_MSG_EQ(regs[1].spi, pcscfSpiS, "SPI of the P-CSCF's spi-s");
        NS_TEST_ASSERT_MSG_EQ(regs[1].sourcePort, ue.portC, "from the UE's port-c");
        NS_TEST_ASSERT_MSG_EQ(regs[1].destinationPort, 5063, "to the P-CSCF's port-s");
        // The 200: ESP with the UE's spi-c, 5063 -> UE port-c (TS 33.203 7.1).
        NS_TEST_ASSERT_MSG_EQ(+oks[0].nextHeader, 50, "200 under ESP");
        NS_TEST_ASSERT_MSG_EQ(oks[0].spi, ue.spiC, "SPI of the UE's spi-c");
        NS_TEST_ASSERT_MSG_EQ(oks[0].sourcePort, 5063, "from the P-CSCF's port-s");
        NS_TEST_ASSERT_MSG_EQ(oks[0].destinationPort, ue.portC, "to the UE's port-c");
        NS_TEST_ASSERT_MSG_EQ(oks[0].message.GetVias().size(), 1u, "P-CSCF Via removed");

        // --- core link ---------------------------------------------------------------------
        auto coreRegs = FindSip(net.coreWire, true, "REGISTER", 0);
        auto core401 = FindSip(net.coreWire, false, "REGISTER", 401);
        IMS_TEST_REQUIRE_SIZE(coreRegs, 2, "two REGISTERs forwarded");
        IMS_TEST_REQUIRE_SIZE(core401, 1, "one 401 from the S-CSCF");
        auto coreWww = core401[0].message.GetDigest("WWW-Authenticate");
        NS_TEST_ASSERT_MSG_EQ(coreWww->Get("ik").has_value(), true, "the S-CSCF sent ik");
        for (size_t i = 0; i < 2; ++i)
        {
            const SipMessage& m = coreRegs[i].message;
            std::string which = i == 0 ? "first" : "second";
            NS_TEST_ASSERT_MSG_EQ(m.HasHeader("Security-Client"), false, which + ": no S-Client");
            NS_TEST_ASSERT_MSG_EQ(m.HasHeader("Security-Verify"), false, which + ": no S-Verify");
            NS_TEST_ASSERT_MSG_EQ(HasRequireTag(m, "sec-agree"), false, which + ": no sec-agree");
            NS_TEST_ASSERT_MSG_EQ(m.GetFirst("Path").value_or(""),
                                  "<sip:term@[3fff:f00:0:2::1]:5060;lr>",
                                  which + ": Path");
            NS_TEST_ASSERT_MSG_EQ(+m.GetMaxForwards().value_or(0), 69, which + ": Max-Forwards");
            auto vias = m.GetVias();
            IMS_TEST_REQUIRE_SIZE(vias, 2, which + ": P-CSCF Via on top of the UE's");
            NS_TEST_ASSERT_MSG_EQ(vias[0].GetHostAddress(), "3fff:f00:0:2::1", "P-CSCF sent-by");
            NS_TEST_ASSERT_MSG_EQ(vias[0].GetBranch()->rfind("z9hG4bK", 0), 0u, "RFC 3261 branch");
            NS_TEST_ASSERT_MSG_EQ(coreRegs[i].sourcePort, 5060, which + ": from 5060");
            NS_TEST_ASSERT_MSG_EQ(coreRegs[i].destinationPort, 5060, which + ": to 5060");
            NS_TEST_ASSERT_MSG_EQ(coreRegs[i].source,
                                  PcscfTestNetwork::PCSCF_CORE,
                                  which + ": from the core address");
        }
        auto auth1 = coreRegs[0].message.GetDigest("Authorization");
        auto auth2 = coreRegs[1].message.GetDigest("Authorization");
        NS_TEST_ASSERT_MSG_EQ(auth1->Get("integrity-protected").value_or(""), "no", "first");
        NS_TEST_ASSERT_MSG_EQ(auth2->Get("integrity-protected").value_or(""), "yes", "second");
        NS_TEST_ASSERT_MSG_EQ(
            coreRegs[1].message.GetVias()[0].GetParams().Get("sa-uc").value_or(""),
            std::to_string(ue.portC),
            "the protected request's response goes to port-c");

        // --- the P-CSCF's SAD ----------------------------------------------------------------
        const PcscfRegistration* r = net.pcscf->FindRegistration("ue1@ims.example");
        NS_TEST_ASSERT_MSG_NE(r, nullptr, "registration kept");
        if (!r)
        {
            return;
        }
        NS_TEST_ASSERT_MSG_EQ(r->IsRegistered(), true, "confirmed");
        NS_TEST_ASSERT_MSG_EQ(r->pendingSet, 0u, "nothing pending");
        bool released = !r->offer;
        NS_TEST_ASSERT_MSG_EQ(released, true, "offer released");
        NS_TEST_ASSERT_MSG_EQ(r->impu, "sip:ue1@ims.example", "IMPU");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetSadSize(), 4u, "four SAs");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetSaSetsCreated(), 1u, "one set created");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetSaSetsDeleted(), 0u, "none deleted");
        IMS_TEST_REQUIRE_SIZE(created, 1, "SaSetCreated fired once");
        NS_TEST_ASSERT_MSG_EQ(created[0].lifetime, Seconds(240), "reg-await-auth lifetime");
        NS_TEST_ASSERT_MSG_EQ(created[0].ueAddress, PcscfTestNetwork::UE1, "UE address");
        NS_TEST_ASSERT_MSG_EQ(created[0].pcscfAddress,
                              PcscfTestNetwork::PCSCF_ACCESS,
                              "the address the UE registered to");
        NS_TEST_ASSERT_MSG_EQ((sadSizes.empty() ? 0u : sadSizes.back()), 4u, "SadSize trace");

        // Per SA: SPI, direction of the selectors, UE side prefix length, ports.
        struct Expect
        {
            uint32_t spi;
            bool ueIsSource;
            uint16_t uePort;
            uint16_t pcscfPort;
        };

        Expect e[4] = {{pcscfSpiS, true, ue.portC, 5063},
                       {pcscfSpiC, true, ue.portS, 5062},
                       {ue.spiS, false, ue.portS, 5062},
                       {ue.spiC, false, ue.portC, 5063}};
        IMS_TEST_REQUIRE_SIZE(registeredAt, 1, "Registered fired once");
        NS_TEST_ASSERT_MSG_LT(registeredAt[0] - Seconds(3600), oks[0].time, "when the 200 passed");
        Time expiry = registeredAt[0] + Seconds(30);
        for (uint32_t i = 0; i < 4; ++i)
        {
            Ptr<IpsecSa> sa = net.PcscfSa(r->currentSet, i);
            NS_TEST_ASSERT_MSG_NE(sa, nullptr, "SA " << i);
            if (!sa)
            {
                continue;
            }
            const IpsecSelector& sel = sa->GetSelector();
            NS_TEST_ASSERT_MSG_EQ(sa->GetSpi(), e[i].spi, "SA " << i << " SPI");
            Ipv6Address ueSide = e[i].ueIsSource ? sel.GetSource() : sel.GetDestination();
            uint8_t ueLength =
                e[i].ueIsSource ? sel.GetSourcePrefixLength() : sel.GetDestinationPrefixLength();
            uint8_t pcscfLength =
                e[i].ueIsSource ? sel.GetDestinationPrefixLength() : sel.GetSourcePrefixLength();
            NS_TEST_ASSERT_MSG_EQ(+ueLength, +m_expected, "SA " << i << " UE-side prefix");
            NS_TEST_ASSERT_MSG_EQ(+pcscfLength, 128, "SA " << i << " P-CSCF side /128");
            NS_TEST_ASSERT_MSG_EQ(Ipv6Prefix(m_expected).IsMatch(ueSide, PcscfTestNetwork::UE1),
                                  true,
                                  "SA " << i << " UE side covers the UE");
            uint16_t uePort = e[i].ueIsSource ? sel.GetSourcePort() : sel.GetDestinationPort();
            uint16_t pPort = e[i].ueIsSource ? sel.GetDestinationPort() : sel.GetSourcePort();
            NS_TEST_ASSERT_MSG_EQ(uePort, e[i].uePort, "SA " << i << " UE port");
            NS_TEST_ASSERT_MSG_EQ(pPort, e[i].pcscfPort, "SA " << i << " P-CSCF port");
            NS_TEST_ASSERT_MSG_EQ(sa->GetExpiryTime(), expiry, "SA " << i << " expiry + 30 s");
        }
        // The UE's own SAs: its selector length is what the P-CSCF echoed (128 otherwise).
        Ptr<IpsecSa> ueSa = net.ue1->ipsec->GetSaSetSa(ue.handle, 0);
        NS_TEST_ASSERT_MSG_EQ(+ueSa->GetSelector().GetSourcePrefixLength(),
                              static_cast<int>(m_echoed ? m_expected : 128),
                              "UE side of the UE's SAs");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetRegisteredUeCount(), 1u, "one registered UE");
        // Messages counted by the transport: 2 REGISTER in from the UE, 2 out to the S-CSCF.
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetReceivedCounters().GetRequests("REGISTER").messages,
                              2u,
                              "REGISTERs received");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetSentCounters().GetRequests("REGISTER").messages,
                              2u,
                              "REGISTERs sent");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetSentCounters().GetResponses("REGISTER", 4).messages,
                              1u,
                              "401 forwarded");
    }

    std::string m_policy;               //!< policy
    std::optional<uint8_t> m_requested; //!< UE's addr-pref-length
    uint8_t m_min;                      //!< MinAddrPrefLength
    uint8_t m_expected;                 //!< expected selector length
    bool m_echoed;                      //!< expected echo
};

/**
 * \ingroup imssec-tests
 * Registration through the P-CSCF under each addr-pref-length policy.
 */
static class PcscfRegistrationTestSuite : public TestSuite
{
  public:
    PcscfRegistrationTestSuite()
        : TestSuite("imssec-ims-pcscf-registration", UNIT)
    {
        AddTestCase(new PcscfRegistrationTestCase("honour", 64, 64, 64, true), QUICK);
        AddTestCase(new PcscfRegistrationTestCase("honour", std::nullopt, 64, 128, false), QUICK);
        // honour never binds below the allocated /64 (AllocatedPrefixLength)
        AddTestCase(new PcscfRegistrationTestCase("honour", 56, 64, 64, true), QUICK);
        AddTestCase(new PcscfRegistrationTestCase("clamp", 48, 64, 64, true), QUICK);
        AddTestCase(new PcscfRegistrationTestCase("clamp", 64, 96, 96, true), QUICK);
        AddTestCase(new PcscfRegistrationTestCase("clamp", std::nullopt, 64, 128, false), QUICK);
        AddTestCase(new PcscfRegistrationTestCase("ignore", 64, 64, 128, false), QUICK);
    }
} g_pcscfRegistrationTestSuite; //!< static instance
