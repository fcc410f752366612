/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Typed SIP values: URI (RFC 3261 section 19.1, RFC 5118 IPv6), Via (section 20.42,
// RFC 3581 rport), name-addr (From/To/Contact/Route), CSeq, Content-Type, and Digest
// (RFC 2617, RFC 3310 AKA).
#include "ns3/sip-content-type.h"
#include "ns3/sip-cseq.h"
#include "ns3/sip-digest.h"
#include "ns3/sip-name-addr.h"
#include "ns3/sip-uri.h"
#include "ns3/sip-via.h"
#include "ns3/test.h"

using namespace ns3;

/// SIP URIs with IPv6 hosts, ports, parameters and headers; other schemes.
class SipUriTestCase : public TestCase
{
  public:
    SipUriTestCase()
        : TestCase("SIP URI parsing and formatting")
    {
    }

  private:
    void DoRun() override
    {
        SipUri u;
        std::string error;
        NS_TEST_ASSERT_MSG_EQ(
            SipUri::Parse("sip:alice:secret@[2001:db8::1]:5070;transport=udp;lr?subject=x",
                          &u,
                          &error),
            true,
            error);
        NS_TEST_EXPECT_MSG_EQ(u.GetScheme(), "sip", "scheme");
        NS_TEST_EXPECT_MSG_EQ(u.GetUser(), "alice", "user");
        NS_TEST_EXPECT_MSG_EQ(u.GetPassword(), "secret", "password");
        NS_TEST_EXPECT_MSG_EQ(u.GetHost(), "[2001:db8::1]", "host as written");
        NS_TEST_EXPECT_MSG_EQ(u.GetHostAddress(), "2001:db8::1", "address without brackets");
        NS_TEST_EXPECT_MSG_EQ(u.IsIpv6Host(), true, "IPv6 reference");
        NS_TEST_EXPECT_MSG_EQ(*u.GetPort(), 5070, "port");
        NS_TEST_EXPECT_MSG_EQ(*u.GetParams().Get("TRANSPORT"), "udp", "case-insensitive name");
        NS_TEST_EXPECT_MSG_EQ(u.GetParams().Has("lr"), true, "flag parameter");
        NS_TEST_EXPECT_MSG_EQ(u.GetHeaders(), "subject=x", "headers");
        NS_TEST_EXPECT_MSG_EQ(u.ToString(),
                              "sip:alice:secret@[2001:db8::1]:5070;transport=udp;lr?subject=x",
                              "formats back");

        NS_TEST_ASSERT_MSG_EQ(SipUri::Parse("SIPS:registrar.home1.net", &u, &error), true, error);
        NS_TEST_EXPECT_MSG_EQ(u.GetScheme(), "sips", "scheme in lower case");
        NS_TEST_EXPECT_MSG_EQ(u.GetPort().has_value(), false, "no port");
        NS_TEST_ASSERT_MSG_EQ(SipUri::Parse("tel:+1-212-555-1111", &u, &error), true, error);
        NS_TEST_EXPECT_MSG_EQ(u.IsSip(), false, "tel URI");
        NS_TEST_EXPECT_MSG_EQ(u.GetOpaque(), "+1-212-555-1111", "opaque part");
        NS_TEST_EXPECT_MSG_EQ(u.ToString(), "tel:+1-212-555-1111", "formats back");

        SipUri built("user1", "2001:db8::7", 5060);
        NS_TEST_EXPECT_MSG_EQ(built.ToString(), "sip:user1@[2001:db8::7]:5060", "brackets added");

        size_t off = 0;

        struct Bad
        {
            const char* text;
            size_t offset;
        };

        for (Bad b : {Bad{"sip:[2001:db8::1", 4},
                      Bad{"sip:2001:db8::1", 9},
                      Bad{"sip:a@b@c", 5},
                      Bad{"sip:host:99999", 9},
                      Bad{"sip:host;=x", 9},
                      Bad{"sip:@host", 4},
                      Bad{"nocolon", 0},
                      Bad{"sip:a b", 5}})
        {
            NS_TEST_EXPECT_MSG_EQ(SipUri::Parse(b.text, &u, &error, &off), false, b.text);
            NS_TEST_EXPECT_MSG_EQ(off, b.offset, "error offset in " << b.text << ": " << error);
        }
    }
};

/// The corners of RFC 3261 section 25.1's userinfo: user-unreserved characters (';', '?',
/// '/', '&', '=', '+', '$', ','), escapes and marks before the '@', an empty password.
class SipUriUserinfoTestCase : public TestCase
{
  public:
    SipUriUserinfoTestCase()
        : TestCase("SIP URI userinfo of RFC 3261 section 25.1: round trips and rejections")
    {
    }

  private:
    void DoRun() override
    {
        struct Corner
        {
            const char* text;     ///< the URI
            const char* user;     ///< its user
            const char* password; ///< its password
            const char* host;     ///< its host
            const char* params;   ///< its uri-parameters, as formatted
            const char* headers;  ///< its headers
        };

        for (Corner c : {
                 Corner{"sip:a;b@host", "a;b", "", "host", "", ""},
                 Corner{"sip:a?b@host", "a?b", "", "host", "", ""},
                 Corner{"sip:a/b&c=d+e$f,g@host", "a/b&c=d+e$f,g", "", "host", "", ""},
                 Corner{"sip:-_.!~*'()@host", "-_.!~*'()", "", "host", "", ""},
                 Corner{"sip:%61lice%40x@host", "%61lice%40x", "", "host", "", ""},
                 Corner{"sip:alice:p&=+$,w@host", "alice", "p&=+$,w", "host", "", ""},
                 Corner{"sip:alice:@host", "alice", "", "host", "", ""},
                 Corner{"sip:+1-212-555-1212;phone-context=example.com@gw.example.com;user=phone",
                        "+1-212-555-1212;phone-context=example.com",
                        "",
                        "gw.example.com",
                        ";user=phone",
                        ""},
                 Corner{"sip:u;x=1?y@[2001:db8::1]:5070;lr?h=v",
                        "u;x=1?y",
                        "",
                        "[2001:db8::1]",
                        ";lr",
                        "h=v"},
                 Corner{"sip:host?to=a@b", "host?to=a", "", "b", "", ""},
             })
        {
            SipUri u;
            std::string error;
            NS_TEST_ASSERT_MSG_EQ(SipUri::Parse(c.text, &u, &error), true, c.text << ": " << error);
            NS_TEST_EXPECT_MSG_EQ(u.GetUser(), c.user, "user of " << c.text);
            NS_TEST_EXPECT_MSG_EQ(u.GetPassword(), c.password, "password of " << c.text);
            NS_TEST_EXPECT_MSG_EQ(u.GetHost(), c.host, "host of " << c.text);
            std::string params;
            u.GetParams().AppendTo(&params);
            NS_TEST_EXPECT_MSG_EQ(params, c.params, "parameters of " << c.text);
            NS_TEST_EXPECT_MSG_EQ(u.GetHeaders(), c.headers, "headers of " << c.text);
            NS_TEST_EXPECT_MSG_EQ(u.ToString(), c.text, "round trip");
        }

        // What the grammar rejects stays rejected.
        for (const char* bad : {"sip:a;b@c@d", "sip::pw@host", "sip:a?b@", "sip:a;b@host;=x"})
        {
            SipUri u;
            std::string error;
            NS_TEST_EXPECT_MSG_EQ(SipUri::Parse(bad, &u, &error), false, bad);
        }
    }
};

/// Via values as a UE sends them and as a P-CSCF completes them.
class SipViaTestCase : public TestCase
{
  public:
    SipViaTestCase()
        : TestCase("Via: IPv6 sent-by, branch, received, rport")
    {
    }

  private:
    void DoRun() override
    {
        SipVia v;
        std::string error;
        NS_TEST_ASSERT_MSG_EQ(
            SipVia::Parse("SIP / 2.0 / UDP [2001:db8::9] : 5060 ;branch=z9hG4bK776;rport",
                          &v,
                          &error),
            true,
            error);
        NS_TEST_EXPECT_MSG_EQ(v.GetProtocolName(), "SIP", "protocol");
        NS_TEST_EXPECT_MSG_EQ(v.GetProtocolVersion(), "2.0", "version");
        NS_TEST_EXPECT_MSG_EQ(v.GetTransport(), "UDP", "transport");
        NS_TEST_EXPECT_MSG_EQ(v.GetHost(), "[2001:db8::9]", "host");
        NS_TEST_EXPECT_MSG_EQ(v.GetHostAddress(), "2001:db8::9", "address");
        NS_TEST_EXPECT_MSG_EQ(*v.GetPort(), 5060, "port");
        NS_TEST_EXPECT_MSG_EQ(*v.GetBranch(), "z9hG4bK776", "branch");
        NS_TEST_EXPECT_MSG_EQ(v.HasRport(), true, "rport flag");
        NS_TEST_EXPECT_MSG_EQ(v.GetRport().has_value(), false, "rport without value");
        // the server fills in received and rport (RFC 3581 section 4, RFC 5118 section 4.5)
        v.SetReceived("2001:db8::10");
        v.SetRport(49155);
        NS_TEST_EXPECT_MSG_EQ(
            v.ToString(),
            "SIP/2.0/UDP [2001:db8::9]:5060;branch=z9hG4bK776;rport=49155;received=2001:db8::10",
            "canonical form");
        SipVia again;
        NS_TEST_ASSERT_MSG_EQ(SipVia::Parse(v.ToString(), &again, &error), true, error);
        NS_TEST_EXPECT_MSG_EQ(*again.GetRport(), 49155, "rport value");
        NS_TEST_EXPECT_MSG_EQ(*again.GetReceived(), "2001:db8::10", "received");

        SipVia made("UDP", "2001:db8::1", 5060, "z9hG4bKabc");
        NS_TEST_EXPECT_MSG_EQ(made.ToString(),
                              "SIP/2.0/UDP [2001:db8::1]:5060;branch=z9hG4bKabc",
                              "constructor brackets IPv6");

        for (const char* bad : {"SIP/2.0 host",
                                "SIP/2.0/UDP",
                                "SIP/2.0/UDP [2001:db8::1",
                                "SIP/2.0/UDP host:70000",
                                "SIP/2.0/UDP host;rport=x",
                                "SIP/2.0/UDP host;received=not an address",
                                "SIP/2.0/UDP host;branch",
                                "SIP/2.0/UDPhost"})
        {
            NS_TEST_EXPECT_MSG_EQ(SipVia::Parse(bad, &v, &error), false, bad);
        }
    }
};

/// name-addr and addr-spec forms, tags, expires, the Contact wildcard.
class SipNameAddrTestCase : public TestCase
{
  public:
    SipNameAddrTestCase()
        : TestCase("name-addr: display names, tags, expires, addr-spec")
    {
    }

  private:
    void DoRun() override
    {
        SipNameAddr a;
        std::string error;
        NS_TEST_ASSERT_MSG_EQ(
            SipNameAddr::Parse(
                R"("Alice \"A\"" <sip:alice@atlanta.com;transport=udp>;tag=1928301774)",
                &a,
                &error),
            true,
            error);
        NS_TEST_EXPECT_MSG_EQ(a.GetDisplayName(), "Alice \"A\"", "display name unescaped");
        NS_TEST_EXPECT_MSG_EQ(a.GetUri().GetUser(), "alice", "user");
        NS_TEST_EXPECT_MSG_EQ(*a.GetUri().GetParams().Get("transport"), "udp", "URI parameter");
        NS_TEST_EXPECT_MSG_EQ(*a.GetTag(), "1928301774", "tag is a header parameter");
        NS_TEST_EXPECT_MSG_EQ(a.GetUri().GetParams().Has("tag"), false, "not a URI parameter");

        NS_TEST_ASSERT_MSG_EQ(SipNameAddr::Parse("Bob <sip:bob@biloxi.com>", &a, &error),
                              true,
                              error);
        NS_TEST_EXPECT_MSG_EQ(a.GetDisplayName(), "Bob", "token display name");

        // addr-spec: parameters after the URI belong to the header (RFC 3261 section 20.10)
        NS_TEST_ASSERT_MSG_EQ(
            SipNameAddr::Parse("sip:[5555::aaa:bbb:ccc:ddd];expires=600", &a, &error),
            true,
            error);
        NS_TEST_EXPECT_MSG_EQ(a.GetUri().GetHostAddress(), "5555::aaa:bbb:ccc:ddd", "IPv6 host");
        NS_TEST_EXPECT_MSG_EQ(*a.GetExpires(), 600u, "expires");
        NS_TEST_EXPECT_MSG_EQ(a.ToString(),
                              "<sip:[5555::aaa:bbb:ccc:ddd]>;expires=600",
                              "canonical");

        NS_TEST_ASSERT_MSG_EQ(
            SipNameAddr::Parse(R"(sip:u@h;+sip.instance="<urn:uuid:1>")", &a, &error),
            true,
            error);
        NS_TEST_EXPECT_MSG_EQ(*a.GetParams().GetUnquoted("+sip.instance"),
                              "<urn:uuid:1>",
                              "quoted '<' does not start a name-addr");

        NS_TEST_ASSERT_MSG_EQ(SipNameAddr::Parse("*", &a, &error, nullptr, true), true, error);
        NS_TEST_EXPECT_MSG_EQ(a.IsWildcard(), true, "wildcard");
        NS_TEST_EXPECT_MSG_EQ(SipNameAddr::Parse("*", &a, &error), false, "no wildcard in From");

        SipNameAddr built("", SipUri("user1_public1", "home1.net", std::nullopt));
        built.SetTag("4fa3");
        built.SetExpires(7200);
        NS_TEST_EXPECT_MSG_EQ(built.ToString(),
                              "<sip:user1_public1@home1.net>;tag=4fa3;expires=7200",
                              "built");

        for (const char* bad : {"<sip:a@b",
                                "\"unterminated <sip:a@b>",
                                "<sip:a@b>;expires=soon",
                                "<sip:a@b>;tag=",
                                "Bad\\Name <sip:a@b>",
                                "<nocolon>"})
        {
            NS_TEST_EXPECT_MSG_EQ(SipNameAddr::Parse(bad, &a, &error), false, bad);
        }
    }
};

/// CSeq and Content-Type.
class SipCseqContentTypeTestCase : public TestCase
{
  public:
    SipCseqContentTypeTestCase()
        : TestCase("CSeq and Content-Type")
    {
    }

  private:
    void DoRun() override
    {
        SipCseq c;
        std::string error;
        NS_TEST_ASSERT_MSG_EQ(SipCseq::Parse("314159 INVITE", &c, &error), true, error);
        NS_TEST_EXPECT_MSG_EQ(c.GetSequence(), 314159u, "number");
        NS_TEST_EXPECT_MSG_EQ(c.GetMethod(), "INVITE", "method");
        NS_TEST_EXPECT_MSG_EQ(SipCseq(2, "REGISTER").ToString(), "2 REGISTER", "format");
        NS_TEST_EXPECT_MSG_EQ(SipCseq::Parse("4294967296 INVITE", &c, &error), false, "2^32");
        NS_TEST_EXPECT_MSG_EQ(SipCseq::Parse("1INVITE", &c, &error), false, "no space");
        NS_TEST_EXPECT_MSG_EQ(SipCseq::Parse("x INVITE", &c, &error), false, "no number");

        SipContentType t;
        NS_TEST_ASSERT_MSG_EQ(
            SipContentType::Parse("application / SDP ; charset=utf-8", &t, &error),
            true,
            error);
        NS_TEST_EXPECT_MSG_EQ(t.Is("application", "sdp"), true, "case-insensitive match");
        NS_TEST_EXPECT_MSG_EQ(t.ToString(), "application/SDP;charset=utf-8", "format");
        NS_TEST_EXPECT_MSG_EQ(SipContentType::Parse("application", &t, &error), false, "no '/'");
    }
};

/// Digest challenge, credentials and Authentication-Info as the AKA registration uses them.
class SipDigestTestCase : public TestCase
{
  public:
    SipDigestTestCase()
        : TestCase("Digest: challenge, credentials (AKAv1-MD5, auts), Authentication-Info")
    {
    }

  private:
    void DoRun() override
    {
        SipDigest d;
        std::string error;
        // RFC 2617 section 3.5 example challenge
        NS_TEST_ASSERT_MSG_EQ(
            SipDigest::Parse(
                R"(Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41")",
                SipDigest::CHALLENGE,
                &d,
                &error),
            true,
            error);
        NS_TEST_EXPECT_MSG_EQ(d.GetScheme(), "Digest", "scheme");
        NS_TEST_EXPECT_MSG_EQ(*d.GetRealm(), "testrealm@host.com", "realm");
        NS_TEST_EXPECT_MSG_EQ(*d.GetQop(), "auth,auth-int", "qop-options");
        NS_TEST_EXPECT_MSG_EQ(*d.GetNonce(), "dcd98b7102dd2f0e8b11d0f600bfb0c093", "nonce");
        NS_TEST_EXPECT_MSG_EQ(*d.GetOpaque(), "5ccc069c403ebaf9f0171e9517f40e41", "opaque");

        // RFC 2617 section 3.5 example credentials (values of the RFC)
        NS_TEST_ASSERT_MSG_EQ(
            SipDigest::Parse(
                R"(Digest username="Mufasa",realm="testrealm@host.com",nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093",uri="/dir/index.html",qop=auth,nc=00000001,cnonce="0a4f113b",response="6629fae49393a05397450978507c4ef1",opaque="5ccc069c403ebaf9f0171e9517f40e41")",
                SipDigest::CREDENTIALS,
                &d,
                &error),
            true,
            error);
        NS_TEST_EXPECT_MSG_EQ(*d.GetUsername(), "Mufasa", "username");
        NS_TEST_EXPECT_MSG_EQ(*d.GetUri(), "/dir/index.html", "uri");
        NS_TEST_EXPECT_MSG_EQ(*d.GetNonceCount(), 1u, "nc");
        NS_TEST_EXPECT_MSG_EQ(*d.GetCnonce(), "0a4f113b", "cnonce");
        NS_TEST_EXPECT_MSG_EQ(*d.GetResponse(), "6629fae49393a05397450978507c4ef1", "response");
        NS_TEST_EXPECT_MSG_EQ(*d.GetQop(), "auth", "qop");

        // built by a UE: RFC 3310 AKA resynchronisation carries auts
        SipDigest c(SipDigest::CREDENTIALS);
        c.SetUsername("user1_private@home1.net");
        c.SetRealm("registrar.home1.net");
        c.SetNonce("A34Cm+Fva37UYWpGNB34JP");
        c.SetUri("sip:registrar.home1.net");
        c.SetResponse("");
        c.SetAlgorithm("AKAv1-MD5");
        c.SetQop("auth");
        c.SetNonceCount(10);
        c.SetCnonce("c0ffee");
        c.SetAuts("CjkyMzRfOiwg5CfkJ2UK=");
        NS_TEST_EXPECT_MSG_EQ(
            c.ToString(),
            R"(Digest username="user1_private@home1.net", realm="registrar.home1.net", nonce="A34Cm+Fva37UYWpGNB34JP", uri="sip:registrar.home1.net", response="", algorithm=AKAv1-MD5, qop=auth, nc=0000000a, cnonce="c0ffee", auts="CjkyMzRfOiwg5CfkJ2UK=")",
            "quoting of RFC 2617 / RFC 3310");
        SipDigest again;
        NS_TEST_ASSERT_MSG_EQ(
            SipDigest::Parse(c.ToString(), SipDigest::CREDENTIALS, &again, &error),
            true,
            error);
        NS_TEST_EXPECT_MSG_EQ(*again.GetAuts(), "CjkyMzRfOiwg5CfkJ2UK=", "auts");
        NS_TEST_EXPECT_MSG_EQ(*again.GetNonceCount(), 10u, "nc");
        NS_TEST_EXPECT_MSG_EQ(*again.GetAlgorithm(), "AKAv1-MD5", "algorithm");

        SipDigest ch(SipDigest::CHALLENGE);
        ch.SetRealm("registrar.home1.net");
        ch.SetQop("auth");
        NS_TEST_EXPECT_MSG_EQ(ch.ToString(),
                              R"(Digest realm="registrar.home1.net", qop="auth")",
                              "qop quoted in a challenge");

        NS_TEST_ASSERT_MSG_EQ(
            SipDigest::Parse(
                R"(nextnonce="47364c23432d2e131a5fb210812c", rspauth="abc", qop=auth, nc=00000001)",
                SipDigest::INFO,
                &d,
                &error),
            true,
            error);
        NS_TEST_EXPECT_MSG_EQ(*d.GetNextnonce(), "47364c23432d2e131a5fb210812c", "nextnonce");
        NS_TEST_EXPECT_MSG_EQ(*d.GetRspauth(), "abc", "rspauth");
        NS_TEST_EXPECT_MSG_EQ(d.GetScheme(), "", "no scheme in Authentication-Info");

        for (const char* bad : {R"(Digest realm="x)",
                                "Digest realm",
                                "Digest nc=1",
                                "Digest realm=x realm=y",
                                "Digest =x",
                                ""})
        {
            NS_TEST_EXPECT_MSG_EQ(SipDigest::Parse(bad, SipDigest::CREDENTIALS, &d, &error),
                                  false,
                                  bad);
        }
    }
};

/// The suite.
class SipTypedHeadersTestSuite : public TestSuite
{
  public:
    SipTypedHeadersTestSuite()
        : TestSuite("imssec-sip-typed-headers", UNIT)
    {
        AddTestCase(new SipUriTestCase, TestCase::QUICK);
        AddTestCase(new SipUriUserinfoTestCase, TestCase::QUICK);
        AddTestCase(new SipViaTestCase, TestCase::QUICK);
        AddTestCase(new SipNameAddrTestCase, TestCase::QUICK);
        AddTestCase(new SipCseqContentTypeTestCase, TestCase::QUICK);
        AddTestCase(new SipDigestTestCase, TestCase::QUICK);
    }
};

static SipTypedHeadersTestSuite g_sipTypedHeadersTestSuite; ///< the suite
