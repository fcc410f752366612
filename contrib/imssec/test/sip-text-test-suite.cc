/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Lexical helpers of the SIP codec (RFC 3261 section 25, RFC 4291 address text) and the
// header name table (RFC 3261 section 7.3.3 compact forms).
#include "ns3/sip-header-names.h"
#include "ns3/sip-text.h"
#include "ns3/test.h"

using namespace ns3;

/// Tokens, case, trimming, quoted strings and numbers.
class SipTextBasicsTestCase : public TestCase
{
  public:
    SipTextBasicsTestCase()
        : TestCase("tokens, quoted strings and numbers")
    {
    }

  private:
    void DoRun() override
    {
        NS_TEST_EXPECT_MSG_EQ(SipText::IsToken("sec-agree"), true, "token");
        NS_TEST_EXPECT_MSG_EQ(SipText::IsToken("z9hG4bK.!%*_+`'~"), true, "all token marks");
        NS_TEST_EXPECT_MSG_EQ(SipText::IsToken(""), false, "empty is not a token");
        NS_TEST_EXPECT_MSG_EQ(SipText::IsToken("a b"), false, "SP is not a token char");
        NS_TEST_EXPECT_MSG_EQ(SipText::IsToken("a;b"), false, "';' is a separator");
        NS_TEST_EXPECT_MSG_EQ(SipText::EqualsIgnoreCase("Call-ID", "call-id"), true, "case");
        NS_TEST_EXPECT_MSG_EQ(SipText::EqualsIgnoreCase("Call-ID", "Call-IDs"), false, "size");
        NS_TEST_EXPECT_MSG_EQ(std::string(SipText::Trim(" \t a b \r\n")), "a b", "trim");

        std::string out;
        size_t pos = 0;
        std::string_view q = R"("a \"b\" \\c" rest)";
        NS_TEST_EXPECT_MSG_EQ(SipText::ReadQuoted(q, pos, &out), true, "quoted-string");
        NS_TEST_EXPECT_MSG_EQ(out, R"(a "b" \c)", "quoted-pairs unescaped");
        NS_TEST_EXPECT_MSG_EQ(pos, 13u, "position after the closing quote");
        pos = 0;
        NS_TEST_EXPECT_MSG_EQ(SipText::ReadQuoted(R"("open)", pos, nullptr), false, "unterminated");
        NS_TEST_EXPECT_MSG_EQ(SipText::Quote(R"(a "b" \c)"), R"("a \"b\" \\c")", "quote");
        NS_TEST_EXPECT_MSG_EQ(SipText::Unquote(R"("x\"y")"), "x\"y", "unquote");
        NS_TEST_EXPECT_MSG_EQ(SipText::Unquote("token"), "token", "unquote of a token");

        uint64_t v = 0;
        NS_TEST_EXPECT_MSG_EQ(SipText::ParseUint("4294967295", 0xffffffffu, &v), true, "2^32-1");
        NS_TEST_EXPECT_MSG_EQ(v, 4294967295u, "value");
        NS_TEST_EXPECT_MSG_EQ(SipText::ParseUint("4294967296", 0xffffffffu, &v), false, "2^32");
        NS_TEST_EXPECT_MSG_EQ(SipText::ParseUint("12345678901", ~0ull, &v), false, "11 digits");
        NS_TEST_EXPECT_MSG_EQ(SipText::ParseUint("", 10, &v), false, "empty");
        NS_TEST_EXPECT_MSG_EQ(SipText::ParseUint("1a", 100, &v), false, "non-digit");
        NS_TEST_EXPECT_MSG_EQ(SipText::ParseUint("-1", 100, &v), false, "sign");
    }
};

/// Splitting lists at separators outside quotes, <> and [].
class SipTextSplitTestCase : public TestCase
{
  public:
    SipTextSplitTestCase()
        : TestCase("list splitting respects quotes, angle brackets and IPv6 references")
    {
    }

  private:
    void DoRun() override
    {
        auto parts = SipText::Split(R"(a, "b,c" <sip:x,y@h>, [::1], d)", ',');
        NS_TEST_ASSERT_MSG_EQ(parts.size(), 4u, "four elements");
        NS_TEST_EXPECT_MSG_EQ(std::string(parts[0]), "a", "first");
        NS_TEST_EXPECT_MSG_EQ(std::string(parts[1]), R"("b,c" <sip:x,y@h>)", "quoted and <>");
        NS_TEST_EXPECT_MSG_EQ(std::string(parts[2]), "[::1]", "IPv6 reference");
        NS_TEST_EXPECT_MSG_EQ(std::string(parts[3]), "d", "last");
        NS_TEST_EXPECT_MSG_EQ(SipText::Split("", ',').size(), 1u, "one empty part");
        NS_TEST_EXPECT_MSG_EQ(SipText::Split("a,,b", ',').size(), 3u, "empty middle part");
        NS_TEST_EXPECT_MSG_EQ(std::string(SipText::FirstPart(R"("a,b" x, y)", ',')),
                              R"("a,b" x)",
                              "first part");
        auto semi = SipText::Split(R"(a;b="c;d";e)", ';');
        NS_TEST_EXPECT_MSG_EQ(semi.size(), 3u, "';' lists");
    }
};

/// Host forms: RFC 4291 section 2.2 text, dotted quads, hostnames, IPv6 references.
class SipTextHostTestCase : public TestCase
{
  public:
    SipTextHostTestCase()
        : TestCase("IPv6, IPv4 and hostname syntax")
    {
    }

  private:
    void DoRun() override
    {
        // valid examples of RFC 4291 section 2.2
        for (const char* a : {"2001:DB8:0:0:8:800:200C:417A",
                              "FF01:0:0:0:0:0:0:101",
                              "2001:DB8::8:800:200C:417A",
                              "FF01::101",
                              "::1",
                              "::",
                              "0:0:0:0:0:0:13.1.68.3",
                              "::13.1.68.3",
                              "::FFFF:129.144.52.38",
                              "5555::aaa:bbb:ccc:ddd",
                              "2001:db8:0:1:a1b2:c3d4:e5f6:1234",
                              "fe80::"})
        {
            NS_TEST_EXPECT_MSG_EQ(SipText::IsIpv6Address(a), true, a << " is IPv6");
        }
        for (const char* a : {"1:2:3:4:5:6:7:8:9",
                              "1::2::3",
                              "12345::",
                              ":1",
                              "1:",
                              "1:2:3:4:5:6:7",
                              "::1.2.3",
                              "::256.1.1.1",
                              "g::1",
                              "",
                              ":::"})
        {
            NS_TEST_EXPECT_MSG_EQ(SipText::IsIpv6Address(a), false, a << " is not IPv6");
        }
        NS_TEST_EXPECT_MSG_EQ(SipText::IsIpv4Address("192.0.2.1"), true, "IPv4");
        NS_TEST_EXPECT_MSG_EQ(SipText::IsIpv4Address("192.0.2"), false, "three parts");
        NS_TEST_EXPECT_MSG_EQ(SipText::IsIpv4Address("192.0.2.300"), false, "octet > 255");
        NS_TEST_EXPECT_MSG_EQ(SipText::IsHost("[2001:db8::1]"), true, "IPv6 reference");
        NS_TEST_EXPECT_MSG_EQ(SipText::IsHost("2001:db8::1"), false, "IPv6 needs brackets");
        NS_TEST_EXPECT_MSG_EQ(SipText::IsHost("pcscf1.visited1.net"), true, "hostname");
        NS_TEST_EXPECT_MSG_EQ(SipText::IsHost("-bad.net"), false, "label starts with '-'");
        NS_TEST_EXPECT_MSG_EQ(SipText::IsHost("a..b"), false, "empty label");
        // the text the IMS nodes write into Via, Contact and URIs: compressed, no brackets,
        // and read back as the same address
        for (const char* a : {"3fff:100:0:1:a1b2:c3d4:e5f6:1234", "3fff:f00:0:2::2", "::1"})
        {
            std::string text = SipText::Ipv6Text(Ipv6Address(a));
            NS_TEST_EXPECT_MSG_EQ(text, a, "text of " << a);
            NS_TEST_EXPECT_MSG_EQ(SipText::IsIpv6Address(text), true, text << " parses");
        }
        NS_TEST_EXPECT_MSG_EQ(SipText::Ipv6Text(Ipv6Address("3fff:f00:0:0:0:0:0:2")),
                              "3fff:f00::2",
                              "longest zero run compressed");
    }
};

/// Linear white space normalization outside quoted strings.
class SipTextLwsTestCase : public TestCase
{
  public:
    SipTextLwsTestCase()
        : TestCase("linear white space folds to one SP outside quotes")
    {
    }

  private:
    void DoRun() override
    {
        std::string out;
        std::string_view in = "Digest  username=\"a  b\",\t realm=x";
        NS_TEST_EXPECT_MSG_EQ(SipText::NeedsLwsNormalization(in), true, "needs it");
        SipText::AppendNormalizedLws(in, &out);
        NS_TEST_EXPECT_MSG_EQ(out, "Digest username=\"a  b\", realm=x", "quotes untouched");
        NS_TEST_EXPECT_MSG_EQ(SipText::NeedsLwsNormalization(out), false, "fixed point");
    }
};

/// Long, compact and any-case names map to one id; list headers are marked.
class SipHeaderNamesTestCase : public TestCase
{
  public:
    SipHeaderNamesTestCase()
        : TestCase("header names: long and compact forms, case, list grammar")
    {
    }

  private:
    void DoRun() override
    {
        struct Row
        {
            const char* longName;
            char compact;
        };

        // RFC 3261 section 7.3.3 and the IANA registry of compact forms
        for (Row r : {Row{"Call-ID", 'i'},
                      Row{"Contact", 'm'},
                      Row{"Content-Encoding", 'e'},
                      Row{"Content-Length", 'l'},
                      Row{"Content-Type", 'c'},
                      Row{"From", 'f'},
                      Row{"Subject", 's'},
                      Row{"Supported", 'k'},
                      Row{"To", 't'},
                      Row{"Via", 'v'},
                      Row{"Event", 'o'},
                      Row{"Refer-To", 'r'},
                      Row{"Allow-Events", 'u'}})
        {
            SipHeaderId id = SipHeaderNames::Lookup(r.longName);
            NS_TEST_EXPECT_MSG_NE(static_cast<int>(id), 0, r.longName << " known");
            NS_TEST_EXPECT_MSG_EQ(SipHeaderNames::GetCanonicalName(id), r.longName, "canonical");
            NS_TEST_EXPECT_MSG_EQ(SipHeaderNames::GetCompactForm(id), r.compact, "compact form");
            std::string c(1, r.compact);
            NS_TEST_EXPECT_MSG_EQ(static_cast<int>(SipHeaderNames::Lookup(c)),
                                  static_cast<int>(id),
                                  "compact lookup of " << c);
            std::string upper(1, static_cast<char>(r.compact - 32));
            NS_TEST_EXPECT_MSG_EQ(static_cast<int>(SipHeaderNames::Lookup(upper)),
                                  static_cast<int>(id),
                                  "upper-case compact lookup of " << upper);
        }
        NS_TEST_EXPECT_MSG_EQ(static_cast<int>(SipHeaderNames::Lookup("sEcUrItY-cLiEnT")),
                              static_cast<int>(SipHeaderId::SECURITY_CLIENT),
                              "case-insensitive");
        NS_TEST_EXPECT_MSG_EQ(static_cast<int>(SipHeaderNames::Lookup("X-Unknown")),
                              static_cast<int>(SipHeaderId::OTHER),
                              "unknown");
        NS_TEST_EXPECT_MSG_EQ(static_cast<int>(SipHeaderNames::Lookup("q")),
                              static_cast<int>(SipHeaderId::OTHER),
                              "unassigned letter");
        NS_TEST_EXPECT_MSG_EQ(SipHeaderNames::IsList(SipHeaderId::VIA), true, "Via is a list");
        NS_TEST_EXPECT_MSG_EQ(SipHeaderNames::IsList(SipHeaderId::SECURITY_VERIFY), true, "list");
        NS_TEST_EXPECT_MSG_EQ(SipHeaderNames::IsList(SipHeaderId::AUTHORIZATION),
                              false,
                              "Authorization has commas but is not a list");
        NS_TEST_EXPECT_MSG_EQ(SipHeaderNames::IsList(SipHeaderId::DATE), false, "Date");
        // every known name is found by its own spelling
        for (int i = 1; i < static_cast<int>(SipHeaderId::COUNT); ++i)
        {
            auto id = static_cast<SipHeaderId>(i);
            NS_TEST_EXPECT_MSG_EQ(
                static_cast<int>(SipHeaderNames::Lookup(SipHeaderNames::GetCanonicalName(id))),
                i,
                SipHeaderNames::GetCanonicalName(id));
        }
    }
};

/// The suite.
class SipTextTestSuite : public TestSuite
{
  public:
    SipTextTestSuite()
        : TestSuite("imssec-sip-text", UNIT)
    {
        AddTestCase(new SipTextBasicsTestCase, TestCase::QUICK);
        AddTestCase(new SipTextSplitTestCase, TestCase::QUICK);
        AddTestCase(new SipTextHostTestCase, TestCase::QUICK);
        AddTestCase(new SipTextLwsTestCase, TestCase::QUICK);
        AddTestCase(new SipHeaderNamesTestCase, TestCase::QUICK);
    }
};

static SipTextTestSuite g_sipTextTestSuite; ///< the suite
