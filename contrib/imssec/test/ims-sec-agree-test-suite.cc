/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ns3/ims-sec-agree.h"
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
    }
};

static ImsSecAgreeTestSuite g_imsSecAgreeTestSuite; //!< Static suite instance
