/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// sec-mechanism values of RFC 3329 section 2.2 and appendix A (ipsec-3gpp, TS 33.203), with
// the studied addr-pref-length extension.
#include "ns3/security-mechanism.h"
#include "ns3/test.h"

using namespace ns3;

/// A full ipsec-3gpp mechanism: every typed parameter, generic ones kept in order.
class SecurityMechanismParseTestCase : public TestCase
{
  public:
    SecurityMechanismParseTestCase()
        : TestCase("ipsec-3gpp parameters, addr-pref-length and generic parameters")
    {
    }

  private:
    void DoRun() override
    {
        SecurityMechanism m;
        std::string error;
        std::string text = "ipsec-3gpp; q=0.1; alg=hmac-sha-1-96; ealg=aes-cbc; prot=esp; "
                           "mod=trans; spi-c=4294967295; spi-s=0; port-c=65535; port-s=5064; "
                           "addr-pref-length=64; x-vendor=\"a b\"; flag";
        NS_TEST_ASSERT_MSG_EQ(SecurityMechanism::Parse(text, &m, &error), true, error);
        NS_TEST_EXPECT_MSG_EQ(m.GetName(), "ipsec-3gpp", "name");
        NS_TEST_EXPECT_MSG_EQ(*m.GetQThousandths(), 100, "q");
        NS_TEST_EXPECT_MSG_EQ(*m.GetAlgorithm(), "hmac-sha-1-96", "alg");
        NS_TEST_EXPECT_MSG_EQ(*m.GetEncryptionAlgorithm(), "aes-cbc", "ealg");
        NS_TEST_EXPECT_MSG_EQ(*m.GetProtocol(), "esp", "prot");
        NS_TEST_EXPECT_MSG_EQ(*m.GetMode(), "trans", "mod");
        NS_TEST_EXPECT_MSG_EQ(*m.GetSpiC(), 4294967295u, "spi-c upper bound");
        NS_TEST_EXPECT_MSG_EQ(*m.GetSpiS(), 0u, "spi-s lower bound");
        NS_TEST_EXPECT_MSG_EQ(*m.GetPortC(), 65535, "port-c");
        NS_TEST_EXPECT_MSG_EQ(*m.GetPortS(), 5064, "port-s");
        NS_TEST_EXPECT_MSG_EQ(+*m.GetAddrPrefLength(), 64, "addr-pref-length");
        const auto& all = m.GetParams().GetAll();
        NS_TEST_ASSERT_MSG_EQ(all.size(), 12u, "all parameters kept");
        NS_TEST_EXPECT_MSG_EQ(all[10].name, "x-vendor", "generic parameter in place");
        NS_TEST_EXPECT_MSG_EQ(all[10].value, "\"a b\"", "quoted value kept");
        NS_TEST_EXPECT_MSG_EQ(all[11].hasValue, false, "flag");
        NS_TEST_EXPECT_MSG_EQ(m.ToString(),
                              "ipsec-3gpp;q=0.1;alg=hmac-sha-1-96;ealg=aes-cbc;prot=esp;mod=trans;"
                              "spi-c=4294967295;spi-s=0;port-c=65535;port-s=5064;"
                              "addr-pref-length=64;x-vendor=\"a b\";flag",
                              "canonical form");

        // RFC 3329 section 2.2 digest parameters
        NS_TEST_ASSERT_MSG_EQ(
            SecurityMechanism::Parse("digest;d-alg=md5;d-qop=auth-int;d-ver=\"0123456789abcdef\"",
                                     &m,
                                     &error),
            true,
            error);
        NS_TEST_EXPECT_MSG_EQ(*m.GetDigestAlgorithm(), "md5", "d-alg");
        NS_TEST_EXPECT_MSG_EQ(*m.GetDigestQop(), "auth-int", "d-qop");
        NS_TEST_EXPECT_MSG_EQ(*m.GetDigestVerify(), "0123456789abcdef", "d-ver unquoted");

        // the seed patent's ipsec-man example, with its own parameter names
        NS_TEST_ASSERT_MSG_EQ(
            SecurityMechanism::Parse("ipsec-man; alg=HMAC-SHA1; SPI_U_UDP=12345678; "
                                     "Port_U_UDP=1357; addr-pref-length=64",
                                     &m,
                                     &error),
            true,
            error);
        NS_TEST_EXPECT_MSG_EQ(*m.GetParams().Get("spi_u_udp"), "12345678", "generic parameter");
        NS_TEST_EXPECT_MSG_EQ(+*m.GetAddrPrefLength(), 64, "addr-pref-length");
    }
};

/// Values out of range or outside the ipsec-3gpp sets are parse errors.
class SecurityMechanismErrorsTestCase : public TestCase
{
  public:
    SecurityMechanismErrorsTestCase()
        : TestCase("ranges and enumerations are enforced")
    {
    }

  private:
    void DoRun() override
    {
        SecurityMechanism m;
        std::string error;
        for (const char* ok : {"ipsec-3gpp;addr-pref-length=0",
                               "ipsec-3gpp;addr-pref-length=128",
                               "ipsec-3gpp;q=1.000",
                               "ipsec-3gpp;q=0",
                               "ipsec-3gpp;alg=aes-gmac;ealg=aes-gcm;mod=UDP-enc-tun;prot=ah",
                               "ipsec-3gpp;alg=null;ealg=des-ede3-cbc;mod=tun",
                               "tls",
                               "x-new-mech;alg=whatever"})
        {
            NS_TEST_EXPECT_MSG_EQ(SecurityMechanism::Parse(ok, &m, &error),
                                  true,
                                  ok << ": " << error);
        }
        for (const char* bad : {"ipsec-3gpp;addr-pref-length=129",
                                "ipsec-3gpp;addr-pref-length=-1",
                                "ipsec-3gpp;spi-c=4294967296",
                                "ipsec-3gpp;spi-s=x",
                                "ipsec-3gpp;port-c=65536",
                                "ipsec-3gpp;q=1.5",
                                "ipsec-3gpp;q=0.1234",
                                "ipsec-3gpp;q=.5",
                                "ipsec-3gpp;alg=hmac-sha-256",
                                "ipsec-3gpp;ealg=rc4",
                                "ipsec-3gpp;prot=udp",
                                "ipsec-3gpp;mod=transport",
                                "ipsec-3gpp;spi-c=1;spi-c=2",
                                "ipsec-3gpp alg=null",
                                ";alg=null",
                                ""})
        {
            NS_TEST_EXPECT_MSG_EQ(SecurityMechanism::Parse(bad, &m, &error), false, bad);
        }
        size_t off = 0;
        std::vector<SecurityMechanism> list;
        NS_TEST_EXPECT_MSG_EQ(
            SecurityMechanism::ParseList("tls;q=0.2, ipsec-3gpp;port-c=70000", &list, &error, &off),
            false,
            "bad second mechanism");
        NS_TEST_EXPECT_MSG_EQ(off, 22u, "offset of the bad parameter");
    }
};

/// Lists, typed setters and the RFC 3329 comparison.
class SecurityMechanismListTestCase : public TestCase
{
  public:
    SecurityMechanismListTestCase()
        : TestCase("lists, setters and Matches")
    {
    }

  private:
    void DoRun() override
    {
        std::vector<SecurityMechanism> list;
        std::string error;
        NS_TEST_ASSERT_MSG_EQ(
            SecurityMechanism::ParseList("ipsec-ike;q=0.1, tls;q=0.2", &list, &error),
            true,
            error);
        NS_TEST_ASSERT_MSG_EQ(list.size(), 2u, "two mechanisms");
        NS_TEST_EXPECT_MSG_EQ(list[1].GetName(), "tls", "second");
        NS_TEST_EXPECT_MSG_EQ(SecurityMechanism::FormatList(list),
                              "ipsec-ike;q=0.1, tls;q=0.2",
                              "format");

        SecurityMechanism m("ipsec-3gpp");
        m.SetQThousandths(500);
        m.SetAlgorithm("hmac-sha-1-96");
        m.SetEncryptionAlgorithm("null");
        m.SetProtocol("esp");
        m.SetMode("trans");
        m.SetSpiC(1111);
        m.SetSpiS(2222);
        m.SetPortC(5062);
        m.SetPortS(5064);
        m.SetAddrPrefLength(56);
        NS_TEST_EXPECT_MSG_EQ(m.ToString(),
                              "ipsec-3gpp;q=0.5;alg=hmac-sha-1-96;ealg=null;prot=esp;mod=trans;"
                              "spi-c=1111;spi-s=2222;port-c=5062;port-s=5064;addr-pref-length=56",
                              "built by setters");
        m.SetQThousandths(1000);
        NS_TEST_EXPECT_MSG_EQ(*m.GetParams().Get("q"), "1", "q=1");
        m.SetQThousandths(5);
        NS_TEST_EXPECT_MSG_EQ(*m.GetParams().Get("q"), "0.005", "q=0.005");
        m.SetQThousandths(0);
        NS_TEST_EXPECT_MSG_EQ(*m.GetParams().Get("q"), "0", "q=0");

        SecurityMechanism a;
        SecurityMechanism b;
        SecurityMechanism::Parse("IPSEC-3GPP;q=0.10;ALG=HMAC-SHA-1-96;spi-c=007;x=\"V\"",
                                 &a,
                                 &error);
        SecurityMechanism::Parse("ipsec-3gpp;spi-c=7;alg=hmac-sha-1-96;x=\"V\";q=0.1", &b, &error);
        NS_TEST_EXPECT_MSG_EQ(a.Matches(b), true, "case, numbers and parameter order ignored");
        SecurityMechanism::Parse("ipsec-3gpp;spi-c=7;alg=hmac-sha-1-96;x=\"v\";q=0.1", &b, &error);
        NS_TEST_EXPECT_MSG_EQ(a.Matches(b), false, "quoted strings compare exactly");
        SecurityMechanism::Parse("ipsec-3gpp;spi-c=8;alg=hmac-sha-1-96;x=\"V\";q=0.1", &b, &error);
        NS_TEST_EXPECT_MSG_EQ(a.Matches(b), false, "different spi-c");
        SecurityMechanism::Parse("ipsec-3gpp;spi-c=7;alg=hmac-sha-1-96;x=\"V\"", &b, &error);
        NS_TEST_EXPECT_MSG_EQ(a.Matches(b), false, "missing q");
        SecurityMechanism::Parse("tls;spi-c=7;alg=hmac-sha-1-96;x=\"V\";q=0.1", &b, &error);
        NS_TEST_EXPECT_MSG_EQ(a.Matches(b), false, "different mechanism");
    }
};

/// The suite.
class SecurityMechanismTestSuite : public TestSuite
{
  public:
    SecurityMechanismTestSuite()
        : TestSuite("imssec-sip-security-mechanism", UNIT)
    {
        AddTestCase(new SecurityMechanismParseTestCase, TestCase::QUICK);
        AddTestCase(new SecurityMechanismErrorsTestCase, TestCase::QUICK);
        AddTestCase(new SecurityMechanismListTestCase, TestCase::QUICK);
    }
};

static SecurityMechanismTestSuite g_securityMechanismTestSuite; ///< the suite
