/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// RFC 3041 section 3.2.1: the MD5 history algorithm, checked against an MD5 computed here
// with OpenSSL's streaming API (the model uses the one-shot EVP_Digest) and against digests
// computed with Python's hashlib.
#include "ns3/randomized-interface-identifier.h"
#include "ns3/test.h"

#include <cstring>
#include <openssl/evp.h>
#include <string>

using namespace ns3;

namespace
{

/**
 * \brief MD5 of the concatenation of two buffers, by EVP_DigestUpdate twice.
 * \param a first buffer
 * \param aLength its length
 * \param b second buffer
 * \param bLength its length
 * \param digest receives 16 bytes
 */
void
Md5(const uint8_t* a, std::size_t aLength, const uint8_t* b, std::size_t bLength, uint8_t* digest)
{
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    unsigned int length = 0;
    EVP_DigestInit_ex(ctx, EVP_md5(), nullptr);
    EVP_DigestUpdate(ctx, a, aLength);
    EVP_DigestUpdate(ctx, b, bLength);
    EVP_DigestFinal_ex(ctx, digest, &length);
    EVP_MD_CTX_free(ctx);
}

/**
 * \param bytes 8 bytes
 * \returns them in hexadecimal
 */
std::string
Hex(const RandomizedInterfaceIdentifier::Bytes& bytes)
{
    static const char* digits = "0123456789abcdef";
    std::string s;
    for (uint8_t b : bytes)
    {
        s += digits[b >> 4];
        s += digits[b & 0xf];
    }
    return s;
}

} // namespace

/**
 * \ingroup imssec-tests
 * The test's own MD5 is right: RFC 1321 appendix A.5 test suite values.
 */
class Rfc1321KnownAnswerTestCase : public TestCase
{
  public:
    Rfc1321KnownAnswerTestCase()
        : TestCase("the test's MD5 reproduces RFC 1321 A.5")
    {
    }

  private:
    void DoRun() override
    {
        uint8_t digest[16];
        const char* abc = "abc";
        Md5(reinterpret_cast<const uint8_t*>(abc),
            1,
            reinterpret_cast<const uint8_t*>(abc + 1),
            2,
            digest);
        const uint8_t expected[16] = {0x90,
                                      0x01,
                                      0x50,
                                      0x98,
                                      0x3c,
                                      0xd2,
                                      0x4f,
                                      0xb0,
                                      0xd6,
                                      0x96,
                                      0x3f,
                                      0x7d,
                                      0x28,
                                      0xe1,
                                      0x7f,
                                      0x72};
        NS_TEST_ASSERT_MSG_EQ(std::memcmp(digest, expected, 16), 0, "MD5(\"abc\")");
        const char* message = "message digest";
        Md5(reinterpret_cast<const uint8_t*>(message),
            7,
            reinterpret_cast<const uint8_t*>(message + 7),
            7,
            digest);
        const uint8_t expected2[16] = {0xf9,
                                       0x6b,
                                       0x69,
                                       0x7d,
                                       0x7c,
                                       0xb7,
                                       0x93,
                                       0x8d,
                                       0x52,
                                       0x5a,
                                       0x2f,
                                       0x31,
                                       0xaa,
                                       0xf1,
                                       0x61,
                                       0xd0};
        NS_TEST_ASSERT_MSG_EQ(std::memcmp(digest, expected2, 16), 0, "MD5(\"message digest\")");
    }
};

/**
 * \ingroup imssec-tests
 * Many iterations of the model against the steps of RFC 3041 3.2.1 done here: left 64 bits of
 * MD5(history || IID) with bit 6 cleared, right 64 bits as the next history.
 */
class HistoryAlgorithmTestCase : public TestCase
{
  public:
    HistoryAlgorithmTestCase()
        : TestCase("randomized identifiers follow RFC 3041 3.2.1 (independent MD5)")
    {
    }

  private:
    void DoRun() override
    {
        RandomizedInterfaceIdentifier generator;
        uint64_t initial = 0x0123456789abcdefULL;
        generator.SetHistory(initial);
        NS_TEST_ASSERT_MSG_EQ(generator.GetHistory(), initial, "history round trip");
        RandomizedInterfaceIdentifier::Bytes iid = {0x02, 0x00, 0x00, 0xff, 0xfe, 0x00, 0x00, 0x01};
        uint8_t history[8];
        for (int i = 7, v = 0; i >= 0; --i, ++v)
        {
            history[i] = static_cast<uint8_t>(initial >> (8 * v));
        }
        uint32_t cleared = 0;
        for (uint32_t round = 0; round < 200; ++round)
        {
            uint8_t digest[16];
            Md5(history, 8, iid.data(), 8, digest);
            uint8_t expected[8];
            std::memcpy(expected, digest, 8);
            if (expected[0] & 0x02)
            {
                ++cleared;
            }
            expected[0] &= 0xfd;
            RandomizedInterfaceIdentifier::Bytes got = generator.Next(iid);
            NS_TEST_ASSERT_MSG_EQ(std::memcmp(got.data(), expected, 8),
                                  0,
                                  "identifier of round " << round);
            NS_TEST_ASSERT_MSG_EQ((got[0] & 0x02), 0, "u bit set in round " << round);
            std::memcpy(history, digest + 8, 8);
            RandomizedInterfaceIdentifier::Bytes next =
                RandomizedInterfaceIdentifier::ToBytes(generator.GetHistory());
            NS_TEST_ASSERT_MSG_EQ(std::memcmp(next.data(), history, 8),
                                  0,
                                  "history after round " << round);
        }
        // About half of the digests have the bit set: the clearing was exercised.
        NS_TEST_ASSERT_MSG_GT(cleared, 50u, "u bit never needed clearing");
    }
};

/**
 * \ingroup imssec-tests
 * Known answers computed with Python's hashlib for history 0x0123456789abcdef and IID
 * 02:00:00:ff:fe:00:00:01; round 2 has the u bit set in the digest (0x03 -> 0x01).
 */
class HistoryKnownAnswerTestCase : public TestCase
{
  public:
    HistoryKnownAnswerTestCase()
        : TestCase("randomized identifiers match precomputed values")
    {
    }

  private:
    void DoRun() override
    {
        RandomizedInterfaceIdentifier generator;
        generator.SetHistory(0x0123456789abcdefULL);
        RandomizedInterfaceIdentifier::Bytes iid = {0x02, 0x00, 0x00, 0xff, 0xfe, 0x00, 0x00, 0x01};
        NS_TEST_ASSERT_MSG_EQ(Hex(generator.Next(iid)), "99abaa2d670b1265", "round 1");
        NS_TEST_ASSERT_MSG_EQ(generator.GetHistory(), 0xb8d68987bb6c6eeaULL, "history 1");
        NS_TEST_ASSERT_MSG_EQ(Hex(generator.Next(iid)), "019c33b3cb1f713c", "round 2");
        NS_TEST_ASSERT_MSG_EQ(generator.GetHistory(), 0xd8092719b643894fULL, "history 2");
        NS_TEST_ASSERT_MSG_EQ(Hex(generator.Next(iid)), "800f7449cd76b9b5", "round 3");
        // Two nodes that start from the same history but have different IIDs diverge.
        RandomizedInterfaceIdentifier other;
        other.SetHistory(0x0123456789abcdefULL);
        RandomizedInterfaceIdentifier::Bytes otherIid = iid;
        otherIid[7] = 0x02;
        NS_TEST_ASSERT_MSG_NE(Hex(other.Next(otherIid)), "99abaa2d670b1265", "IID ignored");
    }
};

/**
 * \ingroup imssec-tests
 * RFC 3041 MD5 history algorithm suite.
 */
class AccessMd5TestSuite : public TestSuite
{
  public:
    AccessMd5TestSuite()
        : TestSuite("imssec-access-md5", UNIT)
    {
        AddTestCase(new Rfc1321KnownAnswerTestCase, TestCase::QUICK);
        AddTestCase(new HistoryAlgorithmTestCase, TestCase::QUICK);
        AddTestCase(new HistoryKnownAnswerTestCase, TestCase::QUICK);
    }
};

static AccessMd5TestSuite g_accessMd5TestSuite; //!< Static suite instance
