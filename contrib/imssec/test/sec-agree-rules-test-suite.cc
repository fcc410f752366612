/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// RFC 3329 rules: Security-Verify comparison, the client's choice, duplicate q values and
// the server's decision between processing, 494, 421 and 502 (sections 2.3.1, 2.3.2), with
// the IMS registration of TS 33.203 section 7.
#include "ns3/sec-agree-rules.h"
#include "ns3/sip-parser.h"
#include "ns3/test.h"

using namespace ns3;

namespace
{

std::vector<SecurityMechanism>
List(const std::string& text)
{
    std::vector<SecurityMechanism> list;
    SecurityMechanism::ParseList(text, &list, nullptr);
    return list;
}

/// A request with the given extra header lines (CRLF-separated in the result).
SipMessage
Request(const std::string& method, const std::string& extra, int vias = 1)
{
    std::string text = method + " sip:pcscf.home1.net SIP/2.0\r\n";
    for (int i = 0; i < vias; ++i)
    {
        text += "Via: SIP/2.0/UDP [2001:db8::" + std::to_string(i + 1) + "]:5060;branch=z9hG4bK" +
                std::to_string(i) + "\r\n";
    }
    text += "Max-Forwards: 70\r\nFrom: <sip:u@home1.net>;tag=1\r\nTo: <sip:u@home1.net>\r\n"
            "Call-ID: c1\r\nCSeq: 1 " +
            method + "\r\n" + extra + "Content-Length: 0\r\n\r\n";
    return SipParser::Parse(text).GetMessage();
}

} // namespace

/// Comparison of lists, duplicate q, client choice.
class SecAgreeListsTestCase : public TestCase
{
  public:
    SecAgreeListsTestCase()
        : TestCase("Security-Verify comparison, duplicate q, client choice")
    {
    }

  private:
    void DoRun() override
    {
        auto server = List("ipsec-ike;q=0.1, tls;q=0.2");
        NS_TEST_EXPECT_MSG_EQ(
            SecAgreeRules::VerifyMatches(server, List("ipsec-ike;q=0.1, tls;q=0.2")),
            true,
            "RFC 3329 section 4.1: the INVITE mirrors the 494");
        NS_TEST_EXPECT_MSG_EQ(
            SecAgreeRules::VerifyMatches(server, List("tls;q=0.2, ipsec-ike;q=0.1")),
            false,
            "same mechanisms, other order");
        NS_TEST_EXPECT_MSG_EQ(SecAgreeRules::VerifyMatches(server, List("tls;q=0.2")),
                              false,
                              "a mechanism removed (bidding down)");
        NS_TEST_EXPECT_MSG_EQ(
            SecAgreeRules::VerifyMatches(server, List("ipsec-ike;q=0.1, tls;q=0.3")),
            false,
            "a q value changed");
        auto ipsec =
            List("ipsec-3gpp;q=0.1;alg=hmac-sha-1-96;spi-c=1;spi-s=2;port-c=5062;port-s=5064");
        NS_TEST_EXPECT_MSG_EQ(
            SecAgreeRules::VerifyMatches(
                ipsec,
                List("ipsec-3gpp;q=0.1;alg=hmac-md5-96;spi-c=1;spi-s=2;port-c=5062;port-s=5064")),
            false,
            "an algorithm changed");

        NS_TEST_EXPECT_MSG_EQ(SecAgreeRules::HasDuplicateQ(server), false, "distinct q");
        NS_TEST_EXPECT_MSG_EQ(SecAgreeRules::HasDuplicateQ(List("a;q=0.5, b;q=0.500")),
                              true,
                              "0.5 and 0.500 are the same qvalue");
        NS_TEST_EXPECT_MSG_EQ(SecAgreeRules::HasDuplicateQ(List("a, b")), false, "no q at all");

        std::string error;
        auto choice = SecAgreeRules::ChooseMechanism(server, {"tls", "digest"}, &error);
        NS_TEST_ASSERT_MSG_EQ(choice.has_value(), true, error);
        NS_TEST_EXPECT_MSG_EQ(*choice, 1u, "RFC 3329 section 4.1: TLS is the common mechanism");
        choice = SecAgreeRules::ChooseMechanism(server, {"ipsec-ike", "tls"}, &error);
        NS_TEST_EXPECT_MSG_EQ(*choice, 1u, "highest q among both supported");
        choice = SecAgreeRules::ChooseMechanism(server, {"IPSEC-IKE"}, &error);
        NS_TEST_EXPECT_MSG_EQ(*choice, 0u, "only one supported, name without case");
        choice = SecAgreeRules::ChooseMechanism(server, {"ipsec-3gpp"}, &error);
        NS_TEST_EXPECT_MSG_EQ(choice.has_value(), false, "nothing in common");
        choice = SecAgreeRules::ChooseMechanism(List("tls;q=0.2, digest;q=0.2"), {"tls"}, &error);
        NS_TEST_EXPECT_MSG_EQ(choice.has_value(), false, "duplicate q values rejected");
        // a 3GPP P-CSCF offers two algorithm choices; the UE picks by its own capability
        auto offer = List("ipsec-3gpp;q=0.1;alg=hmac-sha-1-96, ipsec-3gpp;q=0.2;alg=hmac-md5-96");
        choice = SecAgreeRules::ChooseMechanism(
            offer,
            [](const SecurityMechanism& m) { return m.GetAlgorithm() == "hmac-sha-1-96"; },
            &error);
        NS_TEST_EXPECT_MSG_EQ(*choice, 0u, "the supported algorithm, though lower q");
        choice = SecAgreeRules::ChooseMechanism(List("a, b;q=0.001"), {"a", "b"}, &error);
        NS_TEST_EXPECT_MSG_EQ(*choice, 1u, "any q ranks above no q");
    }
};

/// Server decisions for unprotected and protected requests.
class SecAgreeDecisionTestCase : public TestCase
{
  public:
    SecAgreeDecisionTestCase()
        : TestCase("server decision: process, 494, 421, 502, IMS REGISTER")
    {
    }

  private:
    void Check(const SipMessage& request,
               bool arrivedProtected,
               const SecAgreeServerPolicy& policy,
               SecAgreeDecision expected,
               const std::string& what)
    {
        auto server = List("ipsec-3gpp;q=0.1;alg=hmac-sha-1-96;spi-c=1;spi-s=2;port-c=5062;"
                           "port-s=5064");
        std::string reason;
        SecAgreeDecision d =
            SecAgreeRules::Decide(request, arrivedProtected, server, policy, &reason);
        NS_TEST_EXPECT_MSG_EQ(std::string(SecAgreeRules::GetDecisionName(d)),
                              std::string(SecAgreeRules::GetDecisionName(expected)),
                              what << " (" << reason << ")");
    }

    void DoRun() override
    {
        SecAgreeServerPolicy rfc;
        rfc.imsRegistration = false;
        SecAgreeServerPolicy ims;
        SecAgreeServerPolicy optional;
        optional.requireSecAgree = false;
        optional.imsRegistration = false;
        const std::string client =
            "Security-Client: ipsec-3gpp;alg=hmac-sha-1-96;spi-c=3;spi-s=4;port-c=49154;"
            "port-s=49155;addr-pref-length=64\r\n";
        const std::string requireBoth = "Require: sec-agree\r\nProxy-Require: sec-agree\r\n";
        const std::string verify = "Security-Verify: ipsec-3gpp;q=0.1;alg=hmac-sha-1-96;spi-c=1;"
                                   "spi-s=2;port-c=5062;port-s=5064\r\n";

        // RFC 3329 section 2.3.1: Require/Proxy-Require sec-agree, unprotected: 494
        Check(Request("OPTIONS", client + requireBoth),
              false,
              rfc,
              SecAgreeDecision::RESPOND_494,
              "client initiated");
        Check(Request("OPTIONS", "Proxy-Require: sec-agree\r\n"),
              false,
              optional,
              SecAgreeDecision::RESPOND_494,
              "Proxy-Require alone");
        // section 2.3.2: server policy, Supported only: 494; nothing: 421
        Check(Request("INVITE", "Supported: sec-agree\r\n"),
              false,
              rfc,
              SecAgreeDecision::RESPOND_494,
              "Supported sec-agree");
        Check(Request("INVITE", ""), false, rfc, SecAgreeDecision::RESPOND_421, "no option tag");
        Check(Request("INVITE", "Supported: 100rel\r\n"),
              false,
              rfc,
              SecAgreeDecision::RESPOND_421,
              "other option tag");
        // several Via entries: not the first hop
        Check(Request("INVITE", "Supported: sec-agree\r\n", 2),
              false,
              rfc,
              SecAgreeDecision::RESPOND_502,
              "two Via");
        // no policy and no sec-agree asked: process
        Check(Request("INVITE", ""),
              false,
              optional,
              SecAgreeDecision::PROCESS,
              "sec-agree not used");
        // TS 33.203 section 7: the initial REGISTER goes on to the S-CSCF
        Check(Request("REGISTER", client + requireBoth),
              false,
              ims,
              SecAgreeDecision::PROCESS_ADD_SECURITY_SERVER,
              "IMS initial REGISTER");
        Check(Request("REGISTER", requireBoth),
              false,
              ims,
              SecAgreeDecision::RESPOND_494,
              "IMS REGISTER without Security-Client");
        Check(Request("REGISTER", client + requireBoth),
              false,
              rfc,
              SecAgreeDecision::RESPOND_494,
              "RFC server answers 494");
        // protected requests
        Check(Request("REGISTER", client + verify + requireBoth),
              true,
              ims,
              SecAgreeDecision::PROCESS,
              "protected REGISTER, Security-Verify matches");
        Check(
            Request(
                "REGISTER",
                client +
                    "Security-Verify: "
                    "ipsec-3gpp;q=0.1;alg=hmac-md5-96;spi-c=1;spi-s=2;port-c=5062;port-s=5064\r\n" +
                    requireBoth),
            true,
            ims,
            SecAgreeDecision::RESPOND_494,
            "modified Security-Verify");
        Check(Request("REGISTER", client + requireBoth),
              true,
              ims,
              SecAgreeDecision::RESPOND_494,
              "protected REGISTER without Security-Verify");
        SecAgreeServerPolicy relaxed;
        relaxed.verifyEveryProtectedRequest = false;
        Check(Request("INVITE", ""),
              true,
              relaxed,
              SecAgreeDecision::PROCESS,
              "protected INVITE, later 3GPP releases");
        Check(Request("INVITE", ""),
              true,
              ims,
              SecAgreeDecision::RESPOND_494,
              "protected INVITE, RFC 3329");
        Check(
            Request("REGISTER", "Security-Client: ipsec-3gpp;spi-c=99999999999\r\n" + requireBoth),
            false,
            ims,
            SecAgreeDecision::RESPOND_400,
            "malformed Security-Client");
        Check(Request("REGISTER", "Security-Verify: ;\r\n"),
              true,
              ims,
              SecAgreeDecision::RESPOND_400,
              "malformed Security-Verify");
    }
};

/// What a proxy forwards after a successful check.
class SecAgreeStripTestCase : public TestCase
{
  public:
    SecAgreeStripTestCase()
        : TestCase("proxy removes sec-agree option tags and the sec-agree headers")
    {
    }

  private:
    void DoRun() override
    {
        SipMessage m =
            Request("REGISTER",
                    "Security-Client: ipsec-3gpp;spi-c=3\r\nSecurity-Verify: tls;q=0.1\r\n"
                    "Require: sec-agree\r\nProxy-Require: sec-agree, x-other\r\n"
                    "Supported: path, sec-agree\r\n");
        SecAgreeRules::StripForForwarding(m);
        NS_TEST_EXPECT_MSG_EQ(m.HasHeader("Require"), false, "Require left empty is removed");
        NS_TEST_EXPECT_MSG_EQ(m.GetAll("Proxy-Require").size(), 1u, "other tag kept");
        NS_TEST_EXPECT_MSG_EQ(*m.GetFirst("Proxy-Require"), "x-other", "x-other");
        NS_TEST_EXPECT_MSG_EQ(m.HasHeader("Security-Client"), false, "Security-Client removed");
        NS_TEST_EXPECT_MSG_EQ(m.HasHeader("Security-Verify"), false, "Security-Verify removed");
        NS_TEST_EXPECT_MSG_EQ(m.HasOptionTag("Supported", "sec-agree"),
                              true,
                              "Supported untouched");
    }
};

/// The suite.
class SecAgreeRulesTestSuite : public TestSuite
{
  public:
    SecAgreeRulesTestSuite()
        : TestSuite("imssec-sip-sec-agree-rules", UNIT)
    {
        AddTestCase(new SecAgreeListsTestCase, TestCase::QUICK);
        AddTestCase(new SecAgreeDecisionTestCase, TestCase::QUICK);
        AddTestCase(new SecAgreeStripTestCase, TestCase::QUICK);
    }
};

static SecAgreeRulesTestSuite g_secAgreeRulesTestSuite; ///< the suite
