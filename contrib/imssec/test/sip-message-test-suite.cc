/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// SipMessage: header access and changes, canonical encoding and round trips, and the
// request/response construction of RFC 3261 sections 8.1.1 and 8.2.6.
#include "ns3/sip-message-factory.h"
#include "ns3/sip-parser.h"
#include "ns3/test.h"

#include <fstream>
#include <iterator>

using namespace ns3;

namespace
{

std::string
Crlf(const std::string& text)
{
    std::string out;
    for (char c : text)
    {
        if (c == '\n')
        {
            out += '\r';
        }
        out += c;
    }
    return out;
}

} // namespace

/// Lookup by any name form, list splitting, repeated headers.
class SipMessageAccessTestCase : public TestCase
{
  public:
    SipMessageAccessTestCase()
        : TestCase("header access: compact forms, lists, repeated headers")
    {
    }

  private:
    void DoRun() override
    {
        std::string text = Crlf("SIP/2.0 200 OK\n"
                                "v: SIP/2.0/UDP p1.example.com;branch=z9hG4bK1, SIP/2.0/UDP "
                                "[2001:db8::1]:5062;branch=z9hG4bK2\n"
                                "Via: SIP/2.0/UDP ue.example.com;branch=z9hG4bK3;rport=5060\n"
                                "Route: <sip:a@b;lr>, <sip:c@d;lr>\n"
                                "Date: Sat, 13 Nov 2010 23:29:00 GMT\n"
                                "Supported:\n"
                                "Content-Length: 0\n\n");
        SipParseResult r = SipParser::Parse(text);
        NS_TEST_ASSERT_MSG_EQ(r.IsOk(), true, r.GetError().ToString());
        const SipMessage& m = r.GetMessage();
        NS_TEST_EXPECT_MSG_EQ(m.CountHeader("VIA"), 2u, "two Via lines");
        auto vias = m.GetAll("v");
        NS_TEST_ASSERT_MSG_EQ(vias.size(), 3u, "three Via values");
        NS_TEST_EXPECT_MSG_EQ(vias[1], "SIP/2.0/UDP [2001:db8::1]:5062;branch=z9hG4bK2", "second");
        NS_TEST_EXPECT_MSG_EQ(*m.GetFirst("via"),
                              "SIP/2.0/UDP p1.example.com;branch=z9hG4bK1",
                              "first");
        auto typed = m.GetVias();
        NS_TEST_ASSERT_MSG_EQ(typed.size(), 3u, "typed Vias");
        NS_TEST_EXPECT_MSG_EQ(*typed[2].GetRport(), 5060, "rport of the third");
        NS_TEST_EXPECT_MSG_EQ(m.GetNameAddrs("Route").size(), 2u, "Route list");
        NS_TEST_EXPECT_MSG_EQ(m.GetAll("Date").size(), 1u, "Date is not split at its comma");
        NS_TEST_EXPECT_MSG_EQ(m.GetOptionTags("Supported").size(), 0u, "empty Supported");
        NS_TEST_EXPECT_MSG_EQ(m.HasHeader("Subject"), false, "absent");
        NS_TEST_EXPECT_MSG_EQ(m.GetFirst("Subject").has_value(), false, "absent value");
        SipParseError e;
        NS_TEST_EXPECT_MSG_EQ(m.GetCseq(&e).has_value(), false, "absent CSeq");
        NS_TEST_EXPECT_MSG_EQ(e.IsError(), false, "absent is not an error");
    }
};

/// Add, set, insert at top, remove.
class SipMessageChangesTestCase : public TestCase
{
  public:
    SipMessageChangesTestCase()
        : TestCase("header changes keep order and encode canonically")
    {
    }

  private:
    void DoRun() override
    {
        SipMessage m = SipMessage::MakeRequest("INVITE", "sip:bob@[2001:db8::2]");
        m.AddHeader("Via", "SIP/2.0/UDP [2001:db8::1];branch=z9hG4bKa");
        m.AddHeader("f", "<sip:alice@a>;tag=1");
        m.AddHeader("X-Test", "one\r\n two");
        m.SetHeader("x-test", "replaced");
        m.InsertHeaderAtTop("Via", "SIP/2.0/UDP proxy;branch=z9hG4bKb");
        m.AddHeader("Subject", "s");
        m.AddHeader("Subject", "t");
        NS_TEST_EXPECT_MSG_EQ(m.RemoveHeader("s"), 2u, "two Subject lines removed by compact name");
        m.SetBody("v=0\r\n");
        m.SetContentType(SipContentType("application", "sdp"));
        NS_TEST_EXPECT_MSG_EQ(m.Encode(),
                              Crlf("INVITE sip:bob@[2001:db8::2] SIP/2.0\n"
                                   "Via: SIP/2.0/UDP proxy;branch=z9hG4bKb\n"
                                   "Via: SIP/2.0/UDP [2001:db8::1];branch=z9hG4bKa\n"
                                   "From: <sip:alice@a>;tag=1\n"
                                   "X-Test: replaced\n"
                                   "Content-Type: application/sdp\n"
                                   "Content-Length: 5\n\nv=0\n"),
                              "encoding");
        NS_TEST_EXPECT_MSG_EQ(m.RemoveFirstValue("Via"), true, "proxy removes its Via");
        NS_TEST_EXPECT_MSG_EQ(m.GetTopVia()->GetHost(), "[2001:db8::1]", "next Via on top");

        // removing the first element of a combined line keeps the rest of the line
        m.SetHeader("Via", "SIP/2.0/UDP a;branch=z9hG4bK1, SIP/2.0/UDP b;branch=z9hG4bK2");
        m.RemoveFirstValue("Via");
        NS_TEST_EXPECT_MSG_EQ(*m.GetFirst("Via"),
                              "SIP/2.0/UDP b;branch=z9hG4bK2",
                              "rest of the line");
        SipVia top = *m.GetTopVia();
        top.SetReceived("2001:db8::99");
        m.ReplaceTopVia(top);
        NS_TEST_EXPECT_MSG_EQ(*m.GetTopVia()->GetReceived(), "2001:db8::99", "replaced top Via");
        NS_TEST_EXPECT_MSG_EQ(m.CountHeader("Via"), 1u, "one Via");

        // option tags
        m.AddOptionTag("Require", "sec-agree");
        m.AddOptionTag("Require", "path");
        m.AddOptionTag("Require", "SEC-AGREE");
        NS_TEST_EXPECT_MSG_EQ(*m.GetFirst("Require"), "sec-agree", "first tag");
        NS_TEST_EXPECT_MSG_EQ(m.GetOptionTags("Require").size(), 2u, "no duplicate tag");
        NS_TEST_EXPECT_MSG_EQ(m.RemoveOptionTag("Require", "sec-agree"), true, "removed");
        NS_TEST_EXPECT_MSG_EQ(m.GetAll("Require")[0], "path", "other tag kept");
        NS_TEST_EXPECT_MSG_EQ(m.RemoveOptionTag("Require", "path"), true, "removed");
        NS_TEST_EXPECT_MSG_EQ(m.HasHeader("Require"), false, "empty line removed");

        // typed setters
        std::vector<SecurityMechanism> list(1, SecurityMechanism("ipsec-3gpp"));
        list[0].SetSpiC(7);
        list[0].SetAddrPrefLength(64);
        m.SetSecurityMechanisms("Security-Client", list);
        NS_TEST_EXPECT_MSG_EQ(*m.GetFirst("Security-Client"),
                              "ipsec-3gpp;spi-c=7;addr-pref-length=64",
                              "Security-Client");
        m.SetMaxForwards(69);
        m.SetExpires(600);
        m.SetCallId("abc@h");
        m.SetCseq(SipCseq(3, "INVITE"));
        NS_TEST_EXPECT_MSG_EQ(+*m.GetMaxForwards(), 69, "Max-Forwards");
        NS_TEST_EXPECT_MSG_EQ(*m.GetExpires(), 600u, "Expires");
        NS_TEST_EXPECT_MSG_EQ(m.GetCseq()->GetSequence(), 3u, "CSeq");
        SipMessage copy = m; // offsets stay valid in a copy
        m.SetHeader("Call-ID", "changed");
        NS_TEST_EXPECT_MSG_EQ(*copy.GetCallId(), "abc@h", "copy unchanged");
    }
};

/// Parsing the encoding gives the same message; encoding is a fixed point.
class SipMessageRoundTripTestCase : public TestCase
{
  public:
    SipMessageRoundTripTestCase()
        : TestCase("encode-parse round trips of every example message")
    {
    }

  private:
    void DoRun() override
    {
        for (const char* name : {"rfc3261-f1-invite.sip",
                                 "rfc3329-1-options.sip",
                                 "rfc3329-2-494.sip",
                                 "rfc3329-3-invite.sip",
                                 "patent-register.sip",
                                 "register-ipv6-sec-agree.sip",
                                 "ims-401-security-server.sip",
                                 "ims-protected-register.sip",
                                 "ims-200-register.sip"})
        {
            std::ifstream f(std::string(NS_TEST_SOURCEDIR) + "/sip-messages/" + name,
                            std::ios::binary);
            std::string bytes((std::istreambuf_iterator<char>(f)),
                              std::istreambuf_iterator<char>());
            NS_TEST_ASSERT_MSG_GT(bytes.size(), 0u, name);
            SipParseResult a = SipParser::Parse(bytes);
            NS_TEST_ASSERT_MSG_EQ(a.IsOk(), true, name << ": " << a.GetError().ToString());
            std::string first = a.GetMessage().Encode();
            SipParseResult b = SipParser::Parse(first);
            NS_TEST_ASSERT_MSG_EQ(b.IsOk(), true, name << " encoded: " << b.GetError().ToString());
            NS_TEST_EXPECT_MSG_EQ(b.GetMessage().Encode(), first, name << ": fixed point");
            NS_TEST_EXPECT_MSG_EQ(b.GetMessage().GetHeaderCount(),
                                  a.GetMessage().GetHeaderCount(),
                                  name);
            for (size_t i = 0; i < a.GetMessage().GetHeaderCount(); ++i)
            {
                NS_TEST_EXPECT_MSG_EQ(b.GetMessage().GetHeaderName(i),
                                      a.GetMessage().GetHeaderName(i),
                                      name);
            }
            auto sa = a.GetMessage().GetSecurityMechanisms("Security-Client");
            auto sb = b.GetMessage().GetSecurityMechanisms("Security-Client");
            NS_TEST_EXPECT_MSG_EQ(sa.size(), sb.size(), name);
            for (size_t i = 0; i < sa.size() && i < sb.size(); ++i)
            {
                NS_TEST_EXPECT_MSG_EQ(sa[i].Matches(sb[i]), true, name << ": mechanism " << i);
            }
            NS_TEST_EXPECT_MSG_EQ(b.GetMessage().Validate(), true, name << ": valid");
        }
        // a canonical message encodes to its own bytes
        std::ifstream f(std::string(NS_TEST_SOURCEDIR) +
                            "/sip-messages/register-ipv6-sec-agree.sip",
                        std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
        NS_TEST_EXPECT_MSG_EQ(SipParser::Parse(bytes).GetMessage().Encode(), bytes, "identity");
    }
};

/// RFC 3261 section 8.1.1 requests and section 8.2.6 responses.
class SipMessageFactoryTestCase : public TestCase
{
  public:
    SipMessageFactoryTestCase()
        : TestCase("requests and responses built by SipMessageFactory")
    {
    }

  private:
    void DoRun() override
    {
        SipVia via("UDP", "2001:db8::1", 5060, SipMessageFactory::MakeBranch(0xabc));
        via.SetRport(std::nullopt);
        SipNameAddr from(SipUri("user1_public1", "home1.net", std::nullopt));
        from.SetTag(SipMessageFactory::MakeToken(0x4fa3));
        SipNameAddr to(SipUri("user1_public1", "home1.net", std::nullopt));
        SipMessage req =
            SipMessageFactory::CreateRequest("REGISTER",
                                             SipUri("", "registrar.home1.net", std::nullopt),
                                             via,
                                             from,
                                             to,
                                             "call1",
                                             1);
        NS_TEST_EXPECT_MSG_EQ(req.Encode(),
                              Crlf("REGISTER sip:registrar.home1.net SIP/2.0\n"
                                   "Via: SIP/2.0/UDP [2001:db8::1]:5060;branch=z9hG4bKabc;rport\n"
                                   "Max-Forwards: 70\n"
                                   "From: <sip:user1_public1@home1.net>;tag=4fa3\n"
                                   "To: <sip:user1_public1@home1.net>\n"
                                   "Call-ID: call1\n"
                                   "CSeq: 1 REGISTER\n"
                                   "Content-Length: 0\n\n"),
                              "request");
        NS_TEST_EXPECT_MSG_EQ(req.Validate(), true, "valid request");

        // a proxy's Via on top of the UE's, then the response
        req.InsertVia(SipVia("UDP", "pcscf.visited1.net", 5060, "z9hG4bKp"));
        req.AddHeader("Security-Client", "ipsec-3gpp;spi-c=1");
        SipMessage resp = SipMessageFactory::CreateResponse(req, 401, "", "srv9");
        NS_TEST_EXPECT_MSG_EQ(resp.GetStatusCode(), 401, "status");
        NS_TEST_EXPECT_MSG_EQ(resp.GetReasonPhrase(), "Unauthorized", "default reason");
        auto vias = resp.GetVias();
        NS_TEST_ASSERT_MSG_EQ(vias.size(), 2u, "both Via copied");
        NS_TEST_EXPECT_MSG_EQ(vias[0].GetHost(), "pcscf.visited1.net", "order kept");
        NS_TEST_EXPECT_MSG_EQ(*resp.GetTo()->GetTag(), "srv9", "To tag added");
        NS_TEST_EXPECT_MSG_EQ(*resp.GetFrom()->GetTag(), "4fa3", "From copied");
        NS_TEST_EXPECT_MSG_EQ(*resp.GetCallId(), "call1", "Call-ID copied");
        NS_TEST_EXPECT_MSG_EQ(resp.GetCseq()->GetMethod(), "REGISTER", "CSeq copied");
        NS_TEST_EXPECT_MSG_EQ(resp.HasHeader("Security-Client"), false, "nothing else copied");
        NS_TEST_EXPECT_MSG_EQ(resp.HasHeader("Max-Forwards"), false, "no Max-Forwards");
        NS_TEST_EXPECT_MSG_EQ(resp.Validate(), true, "valid response");
        SipMessage trying = SipMessageFactory::CreateResponse(req, 100, "", "srv9");
        NS_TEST_EXPECT_MSG_EQ(trying.GetTo()->GetTag().has_value(), false, "no tag in 100");
        SipMessage again = SipMessageFactory::CreateResponse(req, 494);
        NS_TEST_EXPECT_MSG_EQ(again.GetReasonPhrase(), "Security Agreement Required", "494");
        NS_TEST_EXPECT_MSG_EQ(SipMessageFactory::GetReasonPhrase(421), "Extension Required", "421");
        NS_TEST_EXPECT_MSG_EQ(SipMessageFactory::GetReasonPhrase(499), "Client Error", "class");
    }
};

/// The suite.
class SipMessageTestSuite : public TestSuite
{
  public:
    SipMessageTestSuite()
        : TestSuite("imssec-sip-message", UNIT)
    {
        AddTestCase(new SipMessageAccessTestCase, TestCase::QUICK);
        AddTestCase(new SipMessageChangesTestCase, TestCase::QUICK);
        AddTestCase(new SipMessageRoundTripTestCase, TestCase::QUICK);
        AddTestCase(new SipMessageFactoryTestCase, TestCase::QUICK);
    }
};

static SipMessageTestSuite g_sipMessageTestSuite; ///< the suite
