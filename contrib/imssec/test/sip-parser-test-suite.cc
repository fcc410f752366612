/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// SipParser: framing of RFC 3261 messages (start line, header lines, folding, compact forms,
// Content-Length) and every error class with its byte offset.
#include "ns3/sip-parser.h"
#include "ns3/test.h"

#include <fstream>
#include <iterator>

using namespace ns3;

namespace
{

/// Replaces every "\n" by "\r\n".
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

std::string
ReadFile(const std::string& name)
{
    std::ifstream f(std::string(NS_TEST_SOURCEDIR) + "/sip-messages/" + name, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

} // namespace

/// The seeds' and the RFCs' example messages parse to the values they carry.
class SipParserExamplesTestCase : public TestCase
{
  public:
    SipParserExamplesTestCase()
        : TestCase("RFC 3261, RFC 3329 and seed example messages")
    {
    }

  private:
    void DoRun() override
    {
        // RFC 3261 section 24.2, message F1
        SipParseResult r = SipParser::Parse(ReadFile("rfc3261-f1-invite.sip"));
        NS_TEST_ASSERT_MSG_EQ(r.IsOk(), true, r.GetError().ToString());
        const SipMessage& invite = r.GetMessage();
        NS_TEST_EXPECT_MSG_EQ(invite.IsRequest(), true, "request");
        NS_TEST_EXPECT_MSG_EQ(invite.GetMethod(), "INVITE", "method");
        NS_TEST_EXPECT_MSG_EQ(invite.GetRequestUri(), "sip:bob@biloxi.com", "Request-URI");
        NS_TEST_EXPECT_MSG_EQ(*invite.GetTopVia()->GetBranch(), "z9hG4bKnashds8", "branch");
        NS_TEST_EXPECT_MSG_EQ(*invite.GetFrom()->GetTag(), "1928301774", "From tag");
        NS_TEST_EXPECT_MSG_EQ(invite.GetTo()->GetDisplayName(), "Bob", "To display name");
        NS_TEST_EXPECT_MSG_EQ(invite.GetCseq()->GetSequence(), 314159u, "CSeq");
        NS_TEST_EXPECT_MSG_EQ(*invite.GetCallId(), "a84b4c76e66710", "Call-ID");
        NS_TEST_EXPECT_MSG_EQ(+*invite.GetMaxForwards(), 70, "Max-Forwards");
        NS_TEST_EXPECT_MSG_EQ(invite.GetContentType()->Is("application", "sdp"), true, "type");
        NS_TEST_EXPECT_MSG_EQ(invite.Validate(), true, "valid");

        // RFC 3329 section 4.1, messages (1) and (2): repeated sec-agree headers
        r = SipParser::Parse(ReadFile("rfc3329-1-options.sip"));
        NS_TEST_ASSERT_MSG_EQ(r.IsOk(), true, r.GetError().ToString());
        auto client = r.GetMessage().GetSecurityMechanisms("Security-Client");
        NS_TEST_ASSERT_MSG_EQ(client.size(), 2u, "two Security-Client lines");
        NS_TEST_EXPECT_MSG_EQ(client[0].GetName(), "tls", "tls");
        NS_TEST_EXPECT_MSG_EQ(client[1].GetName(), "digest", "digest");
        r = SipParser::Parse(ReadFile("rfc3329-2-494.sip"));
        NS_TEST_ASSERT_MSG_EQ(r.IsOk(), true, r.GetError().ToString());
        NS_TEST_EXPECT_MSG_EQ(r.GetMessage().GetStatusCode(), 494, "494");
        NS_TEST_EXPECT_MSG_EQ(r.GetMessage().GetReasonPhrase(),
                              "Security Agreement Required",
                              "reason");
        auto server = r.GetMessage().GetSecurityMechanisms("Security-Server");
        NS_TEST_ASSERT_MSG_EQ(server.size(), 2u, "two Security-Server lines");
        NS_TEST_EXPECT_MSG_EQ(*server[1].GetQThousandths(), 200, "tls;q=0.2");

        // the seed patent's REGISTER (its line wraps written as folded lines)
        r = SipParser::Parse(ReadFile("patent-register.sip"));
        NS_TEST_ASSERT_MSG_EQ(r.IsOk(), true, r.GetError().ToString());
        const SipMessage& reg = r.GetMessage();
        NS_TEST_EXPECT_MSG_EQ(reg.GetTopVia()->GetHostAddress(), "5555::aaa:bbb:ccc:ddd", "Via");
        NS_TEST_EXPECT_MSG_EQ(reg.GetContacts()[0].GetUri().GetHost(),
                              "[5555::aaa:bbb:ccc:ddd]",
                              "Contact");
        auto sc = reg.GetSecurityMechanisms("Security-Client");
        NS_TEST_ASSERT_MSG_EQ(sc.size(), 1u, "one mechanism over two folded lines");
        NS_TEST_EXPECT_MSG_EQ(sc[0].GetName(), "ipsec-man", "mechanism");
        NS_TEST_EXPECT_MSG_EQ(+*sc[0].GetAddrPrefLength(), 64, "addr-pref-length=64");
        NS_TEST_EXPECT_MSG_EQ(*sc[0].GetParams().Get("Port_U_TCP"), "1358", "last parameter");
        auto auth = reg.GetDigest("Authorization");
        NS_TEST_ASSERT_MSG_EQ(auth.has_value(), true, "Authorization");
        NS_TEST_EXPECT_MSG_EQ(*auth->GetUsername(), "user1_private@home1.net", "username");
        NS_TEST_EXPECT_MSG_EQ(*auth->GetNonce(), "", "empty nonce of an initial REGISTER");
        NS_TEST_EXPECT_MSG_EQ(*reg.GetExpires(), 7200u, "Expires");
        NS_TEST_EXPECT_MSG_EQ(reg.Validate(), true, "valid");

        // compact forms in an IMS protected REGISTER
        r = SipParser::Parse(ReadFile("ims-protected-register.sip"));
        NS_TEST_ASSERT_MSG_EQ(r.IsOk(), true, r.GetError().ToString());
        const SipMessage& p = r.GetMessage();
        NS_TEST_EXPECT_MSG_EQ(p.GetHeaderName(0), "Via", "'v' is Via");
        NS_TEST_EXPECT_MSG_EQ(*p.GetCallId(), "apb03a0s09dkjdfglkj49111", "'i' is Call-ID");
        NS_TEST_EXPECT_MSG_EQ(*p.GetContacts()[0].GetExpires(), 600000u, "'m' is Contact");
        NS_TEST_EXPECT_MSG_EQ(p.HasOptionTag("Supported", "sec-agree"), true, "'k' is Supported");
        NS_TEST_EXPECT_MSG_EQ(p.GetSecurityMechanisms("Security-Verify").size(),
                              2u,
                              "two in one line");
        NS_TEST_EXPECT_MSG_EQ(*p.GetDigest("Authorization")->GetNonceCount(), 1u, "nc");

        r = SipParser::Parse(ReadFile("ims-200-register.sip"));
        NS_TEST_ASSERT_MSG_EQ(r.IsOk(), true, r.GetError().ToString());
        auto uris = r.GetMessage().GetNameAddrs("P-Associated-URI");
        NS_TEST_ASSERT_MSG_EQ(uris.size(), 3u, "three associated URIs");
        NS_TEST_EXPECT_MSG_EQ(uris[2].GetUri().GetScheme(), "tel", "tel URI");
        NS_TEST_EXPECT_MSG_EQ(r.GetMessage().GetNameAddrs("Path")[0].GetUri().GetParams().Has("lr"),
                              true,
                              "Path lr");
        NS_TEST_EXPECT_MSG_EQ(*r.GetMessage().GetDigest("Authentication-Info")->GetRspauth(),
                              "7f5a24ea1c2e83b1a0d5f67e4c98b9a1",
                              "rspauth");
    }
};

/// Framing details: line ends, folding, case, body length.
class SipParserFramingTestCase : public TestCase
{
  public:
    SipParserFramingTestCase()
        : TestCase("framing: CRLF or LF, folding, leading CRLF, Content-Length, trailing bytes")
    {
    }

  private:
    void DoRun() override
    {
        // bare LF line ends, leading keep-alive CRLF, folded and tab-separated values
        std::string text = "\r\n\r\nSIP/2.0 180 Ringing\nvIA: SIP/2.0/UDP h;branch=z9hG4bK1\n"
                           "X-Custom:\t a \n\t b\nl: 5\n\nhelloTRAILING";
        SipParseResult r = SipParser::Parse(text);
        NS_TEST_ASSERT_MSG_EQ(r.IsOk(), true, r.GetError().ToString());
        const SipMessage& m = r.GetMessage();
        NS_TEST_EXPECT_MSG_EQ(m.GetStatusCode(), 180, "status");
        NS_TEST_EXPECT_MSG_EQ(m.GetHeaderName(0), "Via", "any case");
        NS_TEST_EXPECT_MSG_EQ(m.GetHeaderName(1), "X-Custom", "unknown name as written");
        NS_TEST_EXPECT_MSG_EQ(*m.GetFirst("x-custom"), "a  \t b", "folded value, CR LF unfolded");
        NS_TEST_EXPECT_MSG_EQ(m.GetBody(), "hello", "Content-Length bytes; the rest ignored");
        NS_TEST_EXPECT_MSG_EQ(m.Encode(),
                              Crlf("SIP/2.0 180 Ringing\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\n"
                                   "X-Custom: a b\nContent-Length: 5\n\nhello"),
                              "canonical encoding");

        // no Content-Length: the body is the rest of the datagram (RFC 3261 section 18.3)
        r = SipParser::Parse(Crlf("MESSAGE sip:a@b SIP/2.0\nVia: SIP/2.0/UDP h\n\n") + "body\r\n");
        NS_TEST_ASSERT_MSG_EQ(r.IsOk(), true, r.GetError().ToString());
        NS_TEST_EXPECT_MSG_EQ(r.GetMessage().GetBody(), "body\r\n", "rest of the bytes");

        // status line with an empty reason phrase, with and without the SP
        r = SipParser::Parse(Crlf("SIP/2.0 200 \nContent-Length: 0\n\n"));
        NS_TEST_EXPECT_MSG_EQ(r.IsOk(), true, "empty reason phrase");
        r = SipParser::Parse(Crlf("sip/2.0 200\nContent-Length: 0\n\n"));
        NS_TEST_EXPECT_MSG_EQ(r.IsOk(), true, "version case-insensitive, no reason");
        NS_TEST_EXPECT_MSG_EQ(r.GetMessage().GetReasonPhrase(), "", "no reason");

        // an identical repeated Content-Length is accepted
        r = SipParser::Parse(Crlf("SIP/2.0 200 OK\nContent-Length: 2\nl: 2\n\nab"));
        NS_TEST_EXPECT_MSG_EQ(r.IsOk(), true, "same Content-Length twice");

        // parsing into a reused message replaces everything
        SipMessage reused;
        SipParseError error;
        SipParser::Parse(reinterpret_cast<const uint8_t*>(text.data()),
                         text.size(),
                         &reused,
                         &error);
        std::string other = Crlf("BYE sip:x@y SIP/2.0\nCall-ID: z\n\n");
        NS_TEST_ASSERT_MSG_EQ(SipParser::Parse(reinterpret_cast<const uint8_t*>(other.data()),
                                               other.size(),
                                               &reused,
                                               &error),
                              true,
                              error.ToString());
        NS_TEST_EXPECT_MSG_EQ(reused.GetHeaderCount(), 1u, "old headers gone");
        NS_TEST_EXPECT_MSG_EQ(reused.GetBodySize(), 0u, "old body gone");
    }
};

/// Every error class, with the offset it names.
class SipParserErrorsTestCase : public TestCase
{
  public:
    SipParserErrorsTestCase()
        : TestCase("every error class with its byte offset")
    {
    }

  private:
    void Expect(const std::string& text,
                SipParseError::Code code,
                size_t offset,
                bool validate = false)
    {
        SipParseResult r =
            validate ? SipParser::ParseAndValidate(reinterpret_cast<const uint8_t*>(text.data()),
                                                   text.size())
                     : SipParser::Parse(text);
        NS_TEST_EXPECT_MSG_EQ(r.IsOk(), false, "must fail: " << text);
        NS_TEST_EXPECT_MSG_EQ(std::string(SipParseError::GetCodeName(r.GetError().GetCode())),
                              std::string(SipParseError::GetCodeName(code)),
                              "class for: " << r.GetError().ToString());
        NS_TEST_EXPECT_MSG_EQ(r.GetError().GetOffset(),
                              offset,
                              "offset: " << r.GetError().ToString());
        NS_TEST_EXPECT_MSG_EQ(r.GetError().GetReason().empty(), false, "a reason");
    }

    void DoRun() override
    {
        const std::string head = "Via: SIP/2.0/UDP h;branch=z9hG4bK1\nMax-Forwards: 70\n"
                                 "From: <sip:a@b>;tag=1\nTo: <sip:c@d>\nCall-ID: x\n";
        Expect("", SipParseError::EMPTY, 0);
        Expect("\r\n\r\n", SipParseError::EMPTY, 4);
        Expect(std::string(SipParser::MAX_MESSAGE_SIZE + 1, 'a'), SipParseError::TOO_LARGE, 65535);
        Expect("INVITE sip:a@b SIP/2.0", SipParseError::BAD_START_LINE, 22);
        Expect(Crlf("INVITE\n\n"), SipParseError::BAD_START_LINE, 6);
        Expect(Crlf("INV(TE sip:a@b SIP/2.0\n\n"), SipParseError::BAD_METHOD, 3);
        Expect(Crlf(" sip:a@b SIP/2.0\n\n"), SipParseError::BAD_METHOD, 0);
        Expect(Crlf("INVITE noscheme SIP/2.0\n\n"), SipParseError::BAD_REQUEST_URI, 7);
        Expect(Crlf("INVITE  sip:a@b SIP/2.0\n\n"), SipParseError::BAD_REQUEST_URI, 7);
        Expect(Crlf("INVITE sip:a@b SIP/3.0\n\n"), SipParseError::BAD_VERSION, 15);
        Expect(Crlf("INVITE sip:a@b\n\n"), SipParseError::BAD_VERSION, 14);
        Expect(Crlf("SIP/2.0 700 Huh\n\n"), SipParseError::BAD_STATUS_CODE, 8);
        Expect(Crlf("SIP/2.0 20 OK\n\n"), SipParseError::BAD_STATUS_CODE, 8);
        Expect(Crlf("SIP/2.0 2000 OK\n\n"), SipParseError::BAD_STATUS_CODE, 8);
        Expect(Crlf("SIP/2.0 200 OK\nno colon here\n\n"), SipParseError::BAD_HEADER_LINE, 16);
        Expect(Crlf("SIP/2.0 200 OK\n folded first\n\n"), SipParseError::BAD_HEADER_LINE, 16);
        Expect(Crlf("SIP/2.0 200 OK\n: empty\n\n"), SipParseError::BAD_HEADER_NAME, 16);
        Expect(Crlf("SIP/2.0 200 OK\nBad Name: x\n\n"), SipParseError::BAD_HEADER_NAME, 19);
        std::string many = "SIP/2.0 200 OK\r\n";
        for (int i = 0; i < 257; ++i)
        {
            many += "X: y\r\n";
        }
        Expect(many + "\r\n", SipParseError::TOO_MANY_HEADERS, 16 + 256 * 6);
        Expect(Crlf("SIP/2.0 200 OK\nContent-Length: 0\n"), SipParseError::MISSING_EMPTY_LINE, 35);
        Expect("SIP/2.0 200 OK\r\nContent-Length: 0", SipParseError::MISSING_EMPTY_LINE, 33);
        Expect(Crlf("SIP/2.0 200 OK\nContent-Length: ten\n\n"),
               SipParseError::BAD_CONTENT_LENGTH,
               32);
        Expect(Crlf("SIP/2.0 200 OK\nContent-Length: 70000\n\n"),
               SipParseError::BAD_CONTENT_LENGTH,
               32);
        Expect(Crlf("SIP/2.0 200 OK\nl: 1\nContent-Length: 2\n\nab"),
               SipParseError::BAD_CONTENT_LENGTH,
               38);
        Expect(Crlf("SIP/2.0 200 OK\nContent-Length: 10\n\nshort"),
               SipParseError::TRUNCATED_BODY,
               43);
        // found by SipMessage::Validate (what imssec-sip check runs)
        std::string okStart = "INVITE sip:a@b SIP/2.0\n";
        Expect(Crlf(okStart + head + "CSeq: 1 INVITE\nSubject: a") + '\x01' + "b\r\n\r\n",
               SipParseError::BAD_CHARACTER,
               154,
               true);
        Expect(Crlf(okStart + head + "CSeq: one INVITE\n\n"),
               SipParseError::BAD_HEADER_VALUE,
               134,
               true);
        Expect(Crlf(okStart + head + "CSeq: 1 BYE\n\n"),
               SipParseError::BAD_HEADER_VALUE,
               134,
               true);
        Expect(
            Crlf(okStart + head + "CSeq: 1 INVITE\nSecurity-Client: ipsec-3gpp;port-c=99999\n\n"),
            SipParseError::BAD_HEADER_VALUE,
            172,
            true);
        Expect(Crlf(okStart + head + "CSeq: 1 INVITE\nTo: <sip:e@f>\n\n"),
               SipParseError::BAD_HEADER_VALUE,
               144,
               true);
        Expect(Crlf(okStart + head + "Via: SIP/2.0/UDP [::1\nCSeq: 1 INVITE\n\n"),
               SipParseError::BAD_HEADER_VALUE,
               145,
               true);
        Expect(Crlf("INVITE sip:a@[::1 SIP/2.0\n" + head + "CSeq: 1 INVITE\n\n"),
               SipParseError::BAD_REQUEST_URI,
               13,
               true);
        Expect(Crlf(okStart + head + "\n"), SipParseError::MISSING_HEADER, 130, true);
    }
};

/**
 * \ingroup imssec-tests
 * Messages at the 64 KB limit: compact names and LF line ends make the canonical encoding
 * longer than the input, so a message just under the limit can encode past it.  Such a
 * message is refused as TOO_LARGE; one whose encoding is exactly at the limit is accepted and
 * keeps Encode(Parse(Encode(m))) == Encode(m).
 */
class SipParserSizeLimitTestCase : public TestCase
{
  public:
    SipParserSizeLimitTestCase()
        : TestCase("a message is accepted only when its canonical encoding fits the limits")
    {
    }

  private:
    /**
     * \param total the input size
     * \returns a valid OPTIONS of that size: 200 compact Subject lines, LF line ends, no
     * Content-Length, the rest a body
     */
    static std::string Message(size_t total)
    {
        std::string m = "OPTIONS sip:a@b SIP/2.0\nv:SIP/2.0/UDP [3fff::1]:5060;branch=z9hG4bK1\n"
                        "f:<sip:a@b>;tag=1\nt:<sip:c@d>\ni:x\nCSeq:1 OPTIONS\nMax-Forwards:70\n";
        for (int k = 0; k < 200; ++k)
        {
            m += "s:x\n";
        }
        m += "\n";
        m.append(total - m.size(), 'b');
        return m;
    }

    void DoRun() override
    {
        // The body is copied byte for byte: the growth measured on a small message is the
        // growth of the same message with a larger body.
        SipParseResult small = SipParser::Parse(Message(20000)); // 5-digit Content-Length
        NS_TEST_ASSERT_MSG_EQ(small.IsOk(), true, "small one parses");
        size_t growth = small.GetMessage().Encode().size() - 20000;
        NS_TEST_ASSERT_MSG_GT(growth, 1000, "compact names and LFs grow when encoded");
        std::string near = Message(SipParser::MAX_MESSAGE_SIZE - growth / 2);
        SipParseResult r = SipParser::Parse(near);
        NS_TEST_ASSERT_MSG_EQ(r.IsOk(), false, "just under the limit, but encodes past it");
        NS_TEST_EXPECT_MSG_EQ(r.GetError().GetCode(), SipParseError::TOO_LARGE, "too large");

        // Shrunk until the encoding is exactly at the limit: accepted, and it round-trips.
        std::string fits = Message(SipParser::MAX_MESSAGE_SIZE - growth);
        SipParseResult ok = SipParser::Parse(fits);
        NS_TEST_ASSERT_MSG_EQ(ok.IsOk(), true, "accepted: " << ok.GetError().ToString());
        std::string encoded = ok.GetMessage().Encode();
        NS_TEST_EXPECT_MSG_EQ(encoded.size(), SipParser::MAX_MESSAGE_SIZE, "encoding at the limit");
        SipParseResult again = SipParser::Parse(encoded);
        NS_TEST_ASSERT_MSG_EQ(again.IsOk(), true, "the encoding parses");
        NS_TEST_EXPECT_MSG_EQ(again.GetMessage().Encode(), encoded, "and encodes the same");
        SipParseError e;
        NS_TEST_EXPECT_MSG_EQ(again.GetMessage().Validate(&e), true, "valid: " << e.ToString());

        // Header lines: Encode() adds a Content-Length line when the input has none, so
        // MAX_HEADERS lines without one would encode to one line too many (found by the fuzzer).
        std::string head = "OPTIONS sip:a@b SIP/2.0\r\n";
        for (size_t k = 0; k + 1 < SipParser::MAX_HEADERS; ++k)
        {
            head += "Subject: x\r\n";
        }
        for (const char* last : {"Subject: x\r\n", "Content-Length: 0\r\n", ""})
        {
            SipParseResult h = SipParser::Parse(head + last + "\r\n");
            bool fits = std::string(last) != "Subject: x\r\n";
            NS_TEST_ASSERT_MSG_EQ(h.IsOk(), fits, "header lines with last line " << last);
            if (!fits)
            {
                NS_TEST_EXPECT_MSG_EQ(h.GetError().GetCode(),
                                      SipParseError::TOO_MANY_HEADERS,
                                      "too many once encoded");
                continue;
            }
            std::string text = h.GetMessage().Encode();
            SipParseResult h2 = SipParser::Parse(text);
            NS_TEST_ASSERT_MSG_EQ(h2.IsOk(), true, "the encoding parses");
            NS_TEST_EXPECT_MSG_EQ(h2.GetMessage().Encode(), text, "and encodes the same");
        }
    }
};

/// The suite.
class SipParserTestSuite : public TestSuite
{
  public:
    SipParserTestSuite()
        : TestSuite("imssec-sip-parser", UNIT)
    {
        AddTestCase(new SipParserExamplesTestCase, TestCase::QUICK);
        AddTestCase(new SipParserFramingTestCase, TestCase::QUICK);
        AddTestCase(new SipParserErrorsTestCase, TestCase::QUICK);
        AddTestCase(new SipParserSizeLimitTestCase, TestCase::QUICK);
    }
};

static SipParserTestSuite g_sipParserTestSuite; ///< the suite
