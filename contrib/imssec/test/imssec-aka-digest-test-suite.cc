/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ns3/aka-credentials.h"
#include "ns3/aka-types.h"
#include "ns3/digest-aka.h"
#include "ns3/hss.h"
#include "ns3/test.h"
#include "ns3/usim.h"

#include <cctype>
#include <openssl/evp.h>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/**
 * MD5 computed here directly with OpenSSL, as an independent reference for DigestAka.
 * \param data octets to hash
 * \returns MD5 as lower-case hexadecimal
 */
std::string
ReferenceMd5(const std::string& data)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(data.data(), data.size(), digest, &length, EVP_md5(), nullptr);
    return AkaToHex(digest, length);
}

/**
 * \param text a string
 * \returns its octets
 */
std::vector<uint8_t>
Octets(const std::string& text)
{
    return std::vector<uint8_t>(text.begin(), text.end());
}

} // namespace

/**
 * \ingroup imssec-tests
 * Base64 against the test vectors of RFC 4648 section 10, and strict rejection of malformed
 * text (wrong length, foreign characters, misplaced padding, white space).
 */
class DigestBase64TestCase : public TestCase
{
  public:
    DigestBase64TestCase()
        : TestCase("base64: RFC 4648 section 10 vectors and malformed input")
    {
    }

  private:
    void DoRun() override
    {
        // RFC 4648 section 10.
        const char* vectors[][2] = {{"", ""},
                                    {"f", "Zg=="},
                                    {"fo", "Zm8="},
                                    {"foo", "Zm9v"},
                                    {"foob", "Zm9vYg=="},
                                    {"fooba", "Zm9vYmE="},
                                    {"foobar", "Zm9vYmFy"}};
        for (const auto& v : vectors)
        {
            NS_TEST_ASSERT_MSG_EQ(DigestAka::Base64Encode(Octets(v[0])), v[1], "encode " << v[0]);
            std::vector<uint8_t> decoded{0xff};
            NS_TEST_ASSERT_MSG_EQ(DigestAka::Base64Decode(v[1], decoded), true, "decode " << v[1]);
            NS_TEST_ASSERT_MSG_EQ(std::string(decoded.begin(), decoded.end()),
                                  v[0],
                                  "decode " << v[1]);
        }
        // Octets that need the whole alphabet, including '+' and '/'.
        std::vector<uint8_t> all;
        for (int i = 0; i < 256; ++i)
        {
            all.push_back(static_cast<uint8_t>(i));
        }
        std::vector<uint8_t> back;
        std::string text = DigestAka::Base64Encode(all);
        NS_TEST_ASSERT_MSG_EQ(text.size(), 344, "256 octets take 344 characters");
        NS_TEST_ASSERT_MSG_EQ(DigestAka::Base64Decode(text, back), true, "decode all octets");
        NS_TEST_ASSERT_MSG_EQ((back == all), true, "all octets round trip");

        const char* malformed[] = {"Zg=",
                                   "Zg",
                                   "Z===",
                                   "====",
                                   "Zm9v!A==",
                                   "Zm 9",
                                   " Zm9v",
                                   "Zm9v ",
                                   "Zm9\n",
                                   "Zg==Zg==",
                                   "=Zg=",
                                   "Zm9vYg=A",
                                   "Zm-_"};
        for (const char* m : malformed)
        {
            std::vector<uint8_t> out{1, 2, 3};
            NS_TEST_ASSERT_MSG_EQ(DigestAka::Base64Decode(m, out), false, "malformed " << m);
            NS_TEST_ASSERT_MSG_EQ(out.size(), 0, "nothing returned for " << m);
        }
    }
};

/**
 * \ingroup imssec-tests
 * Digest responses: MD5 against RFC 1321 appendix A.5, the RFC 2617 section 3.5 example
 * (response 6629fae49393a05397450978507c4ef1), the RFC 2069 form without qop (section 2.4
 * example as corrected by its erratum: password "CircleOfLife", response
 * 1949323746fe6a43ef61f9606e7febea, as al-broco/bare-bones-digest's Rfc2069ExamplesTest
 * uses it), qop=auth-int against a direct OpenSSL computation, and an unknown qop refused.
 */
class DigestResponseTestCase : public TestCase
{
  public:
    DigestResponseTestCase()
        : TestCase("Digest responses: RFC 1321, RFC 2617 3.5, RFC 2069, auth-int")
    {
    }

  private:
    void DoRun() override
    {
        // RFC 1321 appendix A.5.
        NS_TEST_ASSERT_MSG_EQ(DigestAka::Md5Hex(""), "d41d8cd98f00b204e9800998ecf8427e", "\"\"");
        NS_TEST_ASSERT_MSG_EQ(DigestAka::Md5Hex("abc"), "900150983cd24fb0d6963f7d28e17f72", "abc");
        NS_TEST_ASSERT_MSG_EQ(DigestAka::Md5Hex("message digest"),
                              "f96b697d7cb7938d525a2f31aaf161d0",
                              "message digest");

        // RFC 2617 section 3.5.
        DigestAka::Parameters p;
        p.username = "Mufasa";
        p.realm = "testrealm@host.com";
        p.nonce = "dcd98b7102dd2f0e8b11d0f600bfb0c093";
        p.method = "GET";
        p.uri = "/dir/index.html";
        p.qop = "auth";
        p.nc = "00000001";
        p.cnonce = "0a4f113b";
        NS_TEST_ASSERT_MSG_EQ(DigestAka::ComputeResponse(p, "Circle Of Life"),
                              "6629fae49393a05397450978507c4ef1",
                              "RFC 2617 section 3.5");

        // RFC 2069 section 2.4 (errata-corrected), no qop.
        DigestAka::Parameters old = p;
        old.qop = "";
        old.nc = "";
        old.cnonce = "";
        NS_TEST_ASSERT_MSG_EQ(DigestAka::ComputeResponse(old, "CircleOfLife"),
                              "1949323746fe6a43ef61f9606e7febea",
                              "RFC 2069 section 2.4");

        // auth-int: HA2 includes MD5 of the body; reference computed here.
        DigestAka::Parameters integrity = p;
        integrity.qop = "auth-int";
        integrity.entityBody = "v=0\r\no=- 0 0 IN IP6 2001:db8::1\r\n";
        std::string ha1 = ReferenceMd5("Mufasa:testrealm@host.com:Circle Of Life");
        std::string ha2 = ReferenceMd5("GET:/dir/index.html:" + ReferenceMd5(integrity.entityBody));
        std::string expected =
            ReferenceMd5(ha1 + ":" + p.nonce + ":00000001:0a4f113b:auth-int:" + ha2);
        NS_TEST_ASSERT_MSG_EQ(DigestAka::ComputeResponse(integrity, "Circle Of Life"),
                              expected,
                              "auth-int");

        DigestAka::Parameters unknown = p;
        unknown.qop = "auth-conf";
        NS_TEST_ASSERT_MSG_EQ(DigestAka::ComputeResponse(unknown, "Circle Of Life"),
                              "",
                              "unknown qop refused");
    }
};

/**
 * \ingroup imssec-tests
 * RFC 3310: nonce = base64(RAND || AUTN [|| server data]) and back; short or malformed
 * nonces refused; `auts` = base64(AUTS) and back; the AKAv1-MD5 password is RES as raw
 * octets (checked against a direct OpenSSL computation, including RES octets that are not
 * printable); VerifyAkaResponse accepts either hexadecimal case and refuses a response made
 * with another RES.
 */
class DigestAkaNonceTestCase : public TestCase
{
  public:
    DigestAkaNonceTestCase()
        : TestCase("AKAv1-MD5: nonce, auts, response with RES as password")
    {
    }

  private:
    void DoRun() override
    {
        AkaRand rand;
        AkaAutn autn;
        for (std::size_t i = 0; i < 16; ++i)
        {
            rand[i] = static_cast<uint8_t>(i);
            autn[i] = static_cast<uint8_t>(0xf0 + i);
        }
        std::string nonce = DigestAka::BuildNonce(rand, autn);
        NS_TEST_ASSERT_MSG_EQ(nonce.size(), 44, "32 octets in base64");
        std::vector<uint8_t> raw;
        NS_TEST_ASSERT_MSG_EQ(DigestAka::Base64Decode(nonce, raw), true, "nonce is base64");
        NS_TEST_ASSERT_MSG_EQ(AkaToHex(raw), AkaToHex(rand) + AkaToHex(autn), "RAND || AUTN");

        AkaRand parsedRand{};
        AkaAutn parsedAutn{};
        std::vector<uint8_t> serverData{9};
        NS_TEST_ASSERT_MSG_EQ(DigestAka::ParseNonce(nonce, parsedRand, parsedAutn, serverData),
                              true,
                              "parse");
        NS_TEST_ASSERT_MSG_EQ(AkaToHex(parsedRand), AkaToHex(rand), "RAND back");
        NS_TEST_ASSERT_MSG_EQ(AkaToHex(parsedAutn), AkaToHex(autn), "AUTN back");
        NS_TEST_ASSERT_MSG_EQ(serverData.size(), 0, "no server data");

        std::string withData = DigestAka::BuildNonce(rand, autn, Octets("pcscf-7"));
        NS_TEST_ASSERT_MSG_EQ(DigestAka::ParseNonce(withData, parsedRand, parsedAutn, serverData),
                              true,
                              "parse with server data");
        NS_TEST_ASSERT_MSG_EQ(std::string(serverData.begin(), serverData.end()),
                              "pcscf-7",
                              "server data back");

        std::vector<uint8_t> shortNonce(raw.begin(), raw.end() - 1);
        NS_TEST_ASSERT_MSG_EQ(DigestAka::ParseNonce(DigestAka::Base64Encode(shortNonce),
                                                    parsedRand,
                                                    parsedAutn,
                                                    serverData),
                              false,
                              "31 octets");
        NS_TEST_ASSERT_MSG_EQ(
            DigestAka::ParseNonce(nonce.substr(1), parsedRand, parsedAutn, serverData),
            false,
            "not base64");

        AkaAuts auts;
        for (std::size_t i = 0; i < auts.size(); ++i)
        {
            auts[i] = static_cast<uint8_t>(0x80 | i);
        }
        std::string autsText = DigestAka::EncodeAuts(auts);
        NS_TEST_ASSERT_MSG_EQ(autsText.size(), 20, "14 octets in base64");
        AkaAuts decoded{};
        NS_TEST_ASSERT_MSG_EQ(DigestAka::DecodeAuts(autsText, decoded), true, "auts back");
        NS_TEST_ASSERT_MSG_EQ(AkaToHex(decoded), AkaToHex(auts), "auts value");
        NS_TEST_ASSERT_MSG_EQ(
            DigestAka::DecodeAuts(DigestAka::Base64Encode(auts.data(), 13), decoded),
            false,
            "13 octets");
        NS_TEST_ASSERT_MSG_EQ(DigestAka::DecodeAuts("not base64!", decoded), false, "garbage");

        // AKAv1-MD5 response: the password is the 8 RES octets, not their hexadecimal text.
        AkaRes res{0x00, 0x3a, 0xff, 0x0d, 0x0a, 0x22, 0x80, 0x7f};
        DigestAka::Parameters p;
        p.username = "ue1@ims.example.net";
        p.realm = "ims.example.net";
        p.nonce = nonce;
        p.method = "REGISTER";
        p.uri = "sip:ims.example.net";
        p.qop = "auth";
        p.nc = "00000001";
        p.cnonce = "YD05duxy";
        std::string a1 = "ue1@ims.example.net:ims.example.net:";
        a1.append(reinterpret_cast<const char*>(res.data()), res.size());
        std::string expected =
            ReferenceMd5(ReferenceMd5(a1) + ":" + nonce +
                         ":00000001:YD05duxy:auth:" + ReferenceMd5("REGISTER:sip:ims.example.net"));
        std::string response = DigestAka::ComputeAkaResponse(p, res);
        NS_TEST_ASSERT_MSG_EQ(response, expected, "AKAv1-MD5 response");
        NS_TEST_ASSERT_MSG_NE(response,
                              DigestAka::ComputeResponse(p, AkaToHex(res)),
                              "hexadecimal RES is not the password");
        NS_TEST_ASSERT_MSG_EQ(DigestAka::VerifyAkaResponse(p, res, response), true, "verify");
        std::string upper = response;
        for (char& c : upper)
        {
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        }
        NS_TEST_ASSERT_MSG_EQ(DigestAka::VerifyAkaResponse(p, res, upper), true, "upper case");
        AkaRes wrong = res;
        wrong[7] ^= 0x01;
        NS_TEST_ASSERT_MSG_EQ(DigestAka::VerifyAkaResponse(p, wrong, response),
                              false,
                              "another RES");
        NS_TEST_ASSERT_MSG_EQ(DigestAka::VerifyAkaResponse(p, res, response.substr(1)),
                              false,
                              "truncated response");
        NS_TEST_ASSERT_MSG_EQ(DigestAka::ALGORITHM, "AKAv1-MD5", "algorithm token");
    }
};

/**
 * \ingroup imssec-tests
 * The whole IMS AKA exchange through the Digest strings, as the S-CSCF and the UE will run
 * it: HSS vector -> nonce -> USIM (sync failure) -> auts -> HSS resynchronisation -> new
 * nonce -> USIM accepts -> response -> S-CSCF verifies with XRES; a response computed from a
 * tampered challenge is refused.
 */
class DigestAkaExchangeTestCase : public TestCase
{
  public:
    DigestAkaExchangeTestCase()
        : TestCase("S-CSCF and UE exchange through Digest strings, with resynchronisation")
    {
    }

  private:
    void DoRun() override
    {
        const std::string impi = "ue7@ims.example.net";
        Ptr<Hss> hss = CreateObject<Hss>();
        hss->AddSimulatedSubscriber(impi);
        AkaCredentials credentials = hss->GetSimulatedCredentials(impi);
        Usim usim(credentials.k, credentials.opc);
        usim.SetSqnMs(5000); // a USIM ahead of the HSS

        // S-CSCF: challenge.
        AkaVector vector;
        hss->GenerateVector(impi, vector);
        std::string nonce = DigestAka::BuildNonce(vector.rand, vector.autn);

        // UE: open the challenge; the USIM reports a synchronisation failure.
        AkaRand rand;
        AkaAutn autn;
        std::vector<uint8_t> serverData;
        NS_TEST_ASSERT_MSG_EQ(DigestAka::ParseNonce(nonce, rand, autn, serverData), true, "nonce");
        Usim::Result first = usim.Authenticate(rand, autn);
        NS_TEST_ASSERT_MSG_EQ(Usim::StatusToString(first.status), "SYNC_FAILURE", "stale");
        std::string autsParameter = DigestAka::EncodeAuts(first.auts);

        // S-CSCF: the RAND of its own challenge and the UE's auts go to the HSS.
        AkaAuts auts;
        NS_TEST_ASSERT_MSG_EQ(DigestAka::DecodeAuts(autsParameter, auts), true, "auts");
        AkaVector fresh;
        NS_TEST_ASSERT_MSG_EQ(hss->Resynchronise(impi, vector.rand, auts, fresh),
                              Hss::RESYNC_OK,
                              "resynchronisation");
        std::string freshNonce = DigestAka::BuildNonce(fresh.rand, fresh.autn);

        // UE: accepted now; response with RES.
        NS_TEST_ASSERT_MSG_EQ(DigestAka::ParseNonce(freshNonce, rand, autn, serverData),
                              true,
                              "fresh nonce");
        Usim::Result second = usim.Authenticate(rand, autn);
        NS_TEST_ASSERT_MSG_EQ(Usim::StatusToString(second.status), "SUCCESS", "accepted");
        DigestAka::Parameters p;
        p.username = impi;
        p.realm = "ims.example.net";
        p.nonce = freshNonce;
        p.method = "REGISTER";
        p.uri = "sip:ims.example.net";
        p.qop = "auth";
        p.nc = "00000001";
        p.cnonce = "0a4f113b";
        std::string response = DigestAka::ComputeAkaResponse(p, second.res);

        // S-CSCF: check with XRES.
        NS_TEST_ASSERT_MSG_EQ(DigestAka::VerifyAkaResponse(p, fresh.xres, response),
                              true,
                              "RES == XRES through Digest");
        NS_TEST_ASSERT_MSG_EQ(DigestAka::VerifyAkaResponse(p, vector.xres, response),
                              false,
                              "XRES of the stale vector");

        // A challenge whose AUTN was altered on the way: MAC failure, no RES to answer with.
        AkaAutn altered = fresh.autn;
        altered[10] ^= 0x04;
        std::string badNonce = DigestAka::BuildNonce(fresh.rand, altered);
        NS_TEST_ASSERT_MSG_EQ(DigestAka::ParseNonce(badNonce, rand, autn, serverData),
                              true,
                              "altered nonce still parses");
        NS_TEST_ASSERT_MSG_EQ(Usim::StatusToString(usim.Authenticate(rand, autn).status),
                              "MAC_FAILURE",
                              "altered AUTN");
        hss->Dispose();
    }
};

/**
 * \ingroup imssec-tests
 * Digest AKA.
 */
class AkaDigestTestSuite : public TestSuite
{
  public:
    AkaDigestTestSuite()
        : TestSuite("imssec-aka-digest", UNIT)
    {
        AddTestCase(new DigestBase64TestCase, TestCase::QUICK);
        AddTestCase(new DigestResponseTestCase, TestCase::QUICK);
        AddTestCase(new DigestAkaNonceTestCase, TestCase::QUICK);
        AddTestCase(new DigestAkaExchangeTestCase, TestCase::QUICK);
    }
};

static AkaDigestTestSuite g_akaDigestTestSuite; //!< Static suite instance
