/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ns3/ims-sec-agree.h"
#include "ns3/ims-ue-security.h"
#include "ns3/ipsec-stack.h"
#include "ns3/pcscf-sec-agree-server.h"
#include "ns3/sip-transport.h"
#include "ns3/test.h"

using namespace ns3;

/**
 * \ingroup imssec-tests
 * An ipsec-3gpp mechanism carries every TS 33.203 parameter and addr-pref-length through
 * the header text.
 */
class ImsSecAgreeMechanismTestCase : public TestCase
{
  public:
    ImsSecAgreeMechanismTestCase()
        : TestCase("ipsec-3gpp mechanism through header text")
    {
    }

  private:
    void DoRun() override
    {
        SecurityMechanism m =
            ImsSecAgree::MakeIpsec3gpp("hmac-sha-1-96", 1111, 2222, 10001, 10002, 64, 100);
        SecurityMechanism back;
        std::string error;
        NS_TEST_ASSERT_MSG_EQ(SecurityMechanism::Parse(m.ToString(), &back, &error), true, error);
        NS_TEST_ASSERT_MSG_EQ(back.GetName(), "ipsec-3gpp", "name");
        NS_TEST_ASSERT_MSG_EQ(*back.GetAlgorithm(), "hmac-sha-1-96", "alg");
        NS_TEST_ASSERT_MSG_EQ(*back.GetEncryptionAlgorithm(), "null", "ealg");
        NS_TEST_ASSERT_MSG_EQ(*back.GetProtocol(), "esp", "prot");
        NS_TEST_ASSERT_MSG_EQ(*back.GetMode(), "trans", "mod");
        NS_TEST_ASSERT_MSG_EQ(*back.GetSpiC(), 1111u, "spi-c");
        NS_TEST_ASSERT_MSG_EQ(*back.GetSpiS(), 2222u, "spi-s");
        NS_TEST_ASSERT_MSG_EQ(*back.GetPortC(), 10001, "port-c");
        NS_TEST_ASSERT_MSG_EQ(*back.GetPortS(), 10002, "port-s");
        NS_TEST_ASSERT_MSG_EQ(+*back.GetAddrPrefLength(), 64, "addr-pref-length");
        NS_TEST_ASSERT_MSG_EQ(*back.GetQThousandths(), 100, "q");
        NS_TEST_ASSERT_MSG_EQ(
            ImsSecAgree::MakeIpsec3gpp("hmac-md5-96", 1, 2, 3, 4, std::nullopt, std::nullopt)
                .GetAddrPrefLength()
                .has_value(),
            false,
            "no addr-pref-length unless asked");
    }
};

/**
 * \ingroup imssec-tests
 * The P-CSCF policies toward addr-pref-length.
 */
class ImsSecAgreePolicyTestCase : public TestCase
{
  public:
    ImsSecAgreePolicyTestCase()
        : TestCase("P-CSCF policies toward addr-pref-length")
    {
    }

  private:
    void DoRun() override
    {
        using P = AddrPrefLengthPolicy;
        NS_TEST_ASSERT_MSG_EQ(+ImsSecAgree::ChooseSelectorLength(P::HONOUR, 64, 64), 64, "");
        NS_TEST_ASSERT_MSG_EQ(+ImsSecAgree::ChooseSelectorLength(P::HONOUR, 56, 64), 56, "");
        NS_TEST_ASSERT_MSG_EQ(+ImsSecAgree::ChooseSelectorLength(P::HONOUR, std::nullopt, 64),
                              128,
                              "absent means one address");
        NS_TEST_ASSERT_MSG_EQ(+ImsSecAgree::ChooseSelectorLength(P::CLAMP, 56, 64),
                              64,
                              "never broader than the minimum");
        NS_TEST_ASSERT_MSG_EQ(+ImsSecAgree::ChooseSelectorLength(P::CLAMP, 96, 64), 96, "");
        NS_TEST_ASSERT_MSG_EQ(+ImsSecAgree::ChooseSelectorLength(P::CLAMP, 0, 64), 64, "");
        NS_TEST_ASSERT_MSG_EQ(+ImsSecAgree::ChooseSelectorLength(P::IGNORE, 64, 64), 128, "");
        NS_TEST_ASSERT_MSG_EQ(ImsSecAgree::GetPolicyName(P::CLAMP), "clamp", "");
    }
};

/**
 * \ingroup imssec-tests
 * Both sides derive the same SA set from the same two mechanisms; bad mechanisms are
 * refused with a reason.
 */
class ImsSecAgreeSaSetTestCase : public TestCase
{
  public:
    ImsSecAgreeSaSetTestCase()
        : TestCase("both sides derive the same SA set")
    {
    }

  private:
    void DoRun() override
    {
        SecurityMechanism ue =
            ImsSecAgree::MakeIpsec3gpp("hmac-sha-1-96", 5001, 5002, 20001, 20002, 64, 100);
        SecurityMechanism pcscf =
            ImsSecAgree::MakeIpsec3gpp("hmac-sha-1-96", 7001, 7002, 5062, 5063, 64, 100);
        Ipv6Address ueAddr("2001:1:2:3:a:b:c:d");
        Ipv6Address pcscfAddr("2001:f::1");
        IpsecIntegrity::AkaKey ik{};
        ik[0] = 0x42;
        IpsecIntegrity::AkaKey ck{};
        IpsecSaSetParameters a;
        IpsecSaSetParameters b;
        std::string error;
        NS_TEST_ASSERT_MSG_EQ(ImsSecAgree::BuildSaSetParameters(ue,
                                                                pcscf,
                                                                IpsecSaSetParameters::Side::UE,
                                                                ueAddr,
                                                                64,
                                                                pcscfAddr,
                                                                ik,
                                                                ck,
                                                                Seconds(600),
                                                                &a,
                                                                &error),
                              true,
                              error);
        NS_TEST_ASSERT_MSG_EQ(ImsSecAgree::BuildSaSetParameters(ue,
                                                                pcscf,
                                                                IpsecSaSetParameters::Side::PCSCF,
                                                                ueAddr,
                                                                64,
                                                                pcscfAddr,
                                                                ik,
                                                                ck,
                                                                Seconds(600),
                                                                &b,
                                                                &error),
                              true,
                              error);
        NS_TEST_ASSERT_MSG_EQ(a.ueSpiC, 5001u, "UE spi-c");
        NS_TEST_ASSERT_MSG_EQ(a.pcscfSpiS, 7002u, "P-CSCF spi-s");
        NS_TEST_ASSERT_MSG_EQ(a.pcscfPortS, 5063, "P-CSCF port-s");
        NS_TEST_ASSERT_MSG_EQ(+a.uePrefixLength, 64, "selector length");
        NS_TEST_ASSERT_MSG_EQ((a.side != b.side), true, "sides differ");
        NS_TEST_ASSERT_MSG_EQ((a.ueSpiS == b.ueSpiS && a.pcscfSpiC == b.pcscfSpiC &&
                               a.uePortC == b.uePortC && a.ik == b.ik && a.alg == b.alg),
                              true,
                              "same set on both sides");

        SecurityMechanism noSpi("ipsec-3gpp");
        noSpi.SetAlgorithm("hmac-sha-1-96");
        NS_TEST_ASSERT_MSG_EQ(ImsSecAgree::BuildSaSetParameters(noSpi,
                                                                pcscf,
                                                                IpsecSaSetParameters::Side::UE,
                                                                ueAddr,
                                                                64,
                                                                pcscfAddr,
                                                                ik,
                                                                ck,
                                                                Seconds(600),
                                                                &a,
                                                                &error),
                              false,
                              "missing SPIs refused");
        NS_TEST_ASSERT_MSG_NE(error.find("spi-c"), std::string::npos, error);

        SecurityMechanism badAlg =
            ImsSecAgree::MakeIpsec3gpp("rot13", 7001, 7002, 5062, 5063, std::nullopt, 100);
        NS_TEST_ASSERT_MSG_EQ(ImsSecAgree::BuildSaSetParameters(ue,
                                                                badAlg,
                                                                IpsecSaSetParameters::Side::UE,
                                                                ueAddr,
                                                                64,
                                                                pcscfAddr,
                                                                ik,
                                                                ck,
                                                                Seconds(600),
                                                                &a,
                                                                &error),
                              false,
                              "unknown alg refused");
        NS_TEST_ASSERT_MSG_NE(error.find("rot13"), std::string::npos, error);

        SecurityMechanism tunnel = pcscf;
        tunnel.SetMode("tun");
        NS_TEST_ASSERT_MSG_EQ(ImsSecAgree::BuildSaSetParameters(ue,
                                                                tunnel,
                                                                IpsecSaSetParameters::Side::UE,
                                                                ueAddr,
                                                                64,
                                                                pcscfAddr,
                                                                ik,
                                                                ck,
                                                                Seconds(600),
                                                                &a,
                                                                &error),
                              false,
                              "tunnel mode refused");
    }
};

/**
 * \ingroup imssec-tests
 * The `suite` of the early 3GPP proposal, decoded and negotiated beside alg/ealg: suite 1
 * alone names hmac-md5-96 with ealg null; both forms together must agree; an unknown suite is
 * refused; the P-CSCF accepts the seed's form (suite only) and offers suites when asked; the
 * UE does too, and a UE that offered a suite chooses a server mechanism carrying only one.
 */
class ImsSecAgreeSuiteTestCase : public TestCase
{
  public:
    ImsSecAgreeSuiteTestCase()
        : TestCase("IPsec suite numbers beside alg/ealg")
    {
    }

  private:
    void DoRun() override
    {
        SecurityMechanism m;
        std::string error;
        NS_TEST_ASSERT_MSG_EQ(SecurityMechanism::Parse("ipsec-3gpp;suite=1;spi-c=300;spi-s=301;"
                                                       "port-c=20000;port-s=20001",
                                                       &m,
                                                       &error),
                              true,
                              error);
        NS_TEST_ASSERT_MSG_EQ(m.GetSuite().value_or(0), 1, "suite decoded");
        NS_TEST_ASSERT_MSG_EQ(SecurityMechanism::Parse("ipsec-3gpp;suite=one", &m, &error),
                              false,
                              "suite is a number");
        SecurityMechanism again;
        SecurityMechanism::Parse("ipsec-3gpp;suite=01;spi-c=300;spi-s=301;port-c=20000;"
                                 "port-s=20001",
                                 &again,
                                 &error);
        NS_TEST_ASSERT_MSG_EQ(again.Matches(m), true, "compared as a number");

        std::string alg;
        std::string ealg;
        NS_TEST_ASSERT_MSG_EQ(ImsSecAgree::ResolveAlgorithms(m, &alg, &ealg), true, "suite 1");
        NS_TEST_ASSERT_MSG_EQ(alg, "hmac-md5-96", "suite 1: HMAC-MD5");
        NS_TEST_ASSERT_MSG_EQ(ealg, "null", "suite 1: ESP_NULL");
        SecurityMechanism both = ImsSecAgree::MakeIpsec3gpp("hmac-md5-96", 1, 2, 3, 4, {}, {});
        both.SetSuite(1);
        NS_TEST_ASSERT_MSG_EQ(ImsSecAgree::ResolveAlgorithms(both, &alg, &ealg), true, "agree");
        SecurityMechanism contradicts = both;
        contradicts.SetAlgorithm("hmac-sha-1-96");
        NS_TEST_ASSERT_MSG_EQ(ImsSecAgree::ResolveAlgorithms(contradicts, &alg, &ealg),
                              false,
                              "alg contradicting the suite");
        SecurityMechanism unknown = m;
        unknown.SetSuite(7);
        NS_TEST_ASSERT_MSG_EQ(ImsSecAgree::ResolveAlgorithms(unknown, &alg, &ealg),
                              false,
                              "unknown suite");
        NS_TEST_ASSERT_MSG_EQ(ImsSecAgree::FindSuite("hmac-sha-1-96", "null").has_value(),
                              false,
                              "no suite names hmac-sha-1-96");

        // The P-CSCF: the seed's form is understood; an unknown suite is not.
        PcscfSecAgreeServer server;
        PcscfRegistration::Offer offer;
        NS_TEST_ASSERT_MSG_EQ(server.ChooseOffer({unknown}, &offer, nullptr), false, "unknown");
        NS_TEST_ASSERT_MSG_EQ(server.ChooseOffer({m}, &offer, nullptr), true, "suite only");
        NS_TEST_ASSERT_MSG_EQ((offer.alg == IpsecIntegrityAlgorithm::HMAC_MD5_96),
                              true,
                              "hmac-md5-96 by suite 1");
        for (const SecurityMechanism& s : server.GetStaticServerList())
        {
            NS_TEST_ASSERT_MSG_EQ(s.GetSuite().has_value(), false, "no suite unless asked");
        }
        PcscfSecAgreeServer::Config c;
        c.offerSuites = true;
        server.SetConfig(c);
        auto list = server.GetStaticServerList();
        NS_TEST_ASSERT_MSG_EQ(list.size(), 2u, "two algorithms");
        NS_TEST_ASSERT_MSG_EQ(list[0].GetSuite().has_value(), false, "hmac-sha-1-96: no suite");
        NS_TEST_ASSERT_MSG_EQ(list[1].GetSuite().value_or(0), 1, "hmac-md5-96: suite 1");

        // The UE: offers suites when asked, and understands a server mechanism by its suite.
        ImsUeSecurity ue;
        ue.SetOfferSuites(true);
        ImsUeSecurity::Offer o = ue.NewOffer();
        NS_TEST_ASSERT_MSG_EQ(o.mechanisms.size(), 2u, "two algorithms");
        NS_TEST_ASSERT_MSG_EQ(o.mechanisms[0].GetSuite().has_value(), false, "sha-1: no suite");
        NS_TEST_ASSERT_MSG_EQ(o.mechanisms[1].GetSuite().value_or(0), 1, "md5: suite 1");
        SecurityMechanism bySuite = m; // suite=1, no alg
        bySuite.SetPortC(5062);
        bySuite.SetPortS(5063);
        NS_TEST_ASSERT_MSG_EQ(ue.ChooseServerMechanism({bySuite}, o).value_or(9),
                              0,
                              "chosen by its suite");
    }
};

/**
 * \ingroup imssec-tests
 * sec-agree to IPsec glue.
 */
class ImsSecAgreeTestSuite : public TestSuite
{
  public:
    ImsSecAgreeTestSuite()
        : TestSuite("imssec-ims-sec-agree", UNIT)
    {
        AddTestCase(new ImsSecAgreeMechanismTestCase, TestCase::QUICK);
        AddTestCase(new ImsSecAgreePolicyTestCase, TestCase::QUICK);
        AddTestCase(new ImsSecAgreeSaSetTestCase, TestCase::QUICK);
        AddTestCase(new ImsSecAgreeSuiteTestCase, TestCase::QUICK);
    }
};

static ImsSecAgreeTestSuite g_imsSecAgreeTestSuite; //!< Static suite instance
