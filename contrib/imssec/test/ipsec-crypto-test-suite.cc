/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ns3/esp-header.h"
#include "ns3/esp-trailer.h"
#include "ns3/header-serialization-test.h"
#include "ns3/ipsec-integrity.h"
#include "ns3/ipsec-replay-window.h"
#include "ns3/ipsec-tag.h"
#include "ns3/packet.h"
#include "ns3/test.h"

#include <string>
#include <vector>

using namespace ns3;

namespace
{

/**
 * \param hex hexadecimal digits
 * \returns the bytes
 */
std::vector<uint8_t>
FromHex(const std::string& hex)
{
    std::vector<uint8_t> b;
    for (size_t i = 0; i + 1 < hex.size(); i += 2)
    {
        b.push_back(static_cast<uint8_t>(std::stoul(hex.substr(i, 2), nullptr, 16)));
    }
    return b;
}

/**
 * \param s text
 * \returns its bytes
 */
std::vector<uint8_t>
FromText(const std::string& s)
{
    return std::vector<uint8_t>(s.begin(), s.end());
}

} // namespace

/**
 * \ingroup imssec-tests
 * The ICV against the HMAC-MD5 and HMAC-SHA-1 test vectors of RFC 2202 (truncated to 96
 * bits as RFC 2403 / RFC 2404 do), including RFC 2202's own truncation cases.
 */
class IpsecIcvKnownAnswerTestCase : public TestCase
{
  public:
    IpsecIcvKnownAnswerTestCase()
        : TestCase("ICV equals RFC 2202 HMAC test vectors truncated to 96 bits")
    {
    }

  private:
    void DoRun() override
    {
        struct Vector
        {
            IpsecIntegrityAlgorithm alg;
            std::vector<uint8_t> key;
            std::vector<uint8_t> data;
            std::string digest;
        };

        std::vector<Vector> vectors = {
            {IpsecIntegrityAlgorithm::HMAC_MD5_96,
             std::vector<uint8_t>(16, 0x0b),
             FromText("Hi There"),
             "9294727a3638bb1c13f48ef8158bfc9d"},
            {IpsecIntegrityAlgorithm::HMAC_MD5_96,
             FromText("Jefe"),
             FromText("what do ya want for nothing?"),
             "750c783e6ab0b503eaa86e310a5db738"},
            {IpsecIntegrityAlgorithm::HMAC_MD5_96,
             std::vector<uint8_t>(16, 0xaa),
             std::vector<uint8_t>(50, 0xdd),
             "56be34521d144c88dbb8c733f0e8b3f6"},
            {IpsecIntegrityAlgorithm::HMAC_MD5_96,
             std::vector<uint8_t>(16, 0x0c),
             FromText("Test With Truncation"),
             "56461ef2342edc00f9bab995"},
            {IpsecIntegrityAlgorithm::HMAC_SHA1_96,
             std::vector<uint8_t>(20, 0x0b),
             FromText("Hi There"),
             "b617318655057264e28bc0b6fb378c8ef146be00"},
            {IpsecIntegrityAlgorithm::HMAC_SHA1_96,
             FromText("Jefe"),
             FromText("what do ya want for nothing?"),
             "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"},
            {IpsecIntegrityAlgorithm::HMAC_SHA1_96,
             std::vector<uint8_t>(20, 0xaa),
             std::vector<uint8_t>(50, 0xdd),
             "125d7342b9ac11cd91a39af48aa17b4f63f175d3"},
            {IpsecIntegrityAlgorithm::HMAC_SHA1_96,
             std::vector<uint8_t>(20, 0x0c),
             FromText("Test With Truncation"),
             "4c1a03424b55e07fe7f27be1"},
        };
        for (const auto& v : vectors)
        {
            std::vector<uint8_t> icv(IpsecIntegrity::ICV_LENGTH);
            bool ok = IpsecIntegrity::ComputeIcv(v.alg,
                                                 v.key.data(),
                                                 v.key.size(),
                                                 v.data.data(),
                                                 v.data.size(),
                                                 icv.data());
            NS_TEST_ASSERT_MSG_EQ(ok, true, "libcrypto works");
            std::vector<uint8_t> expected = FromHex(v.digest.substr(0, 24));
            NS_TEST_EXPECT_MSG_EQ((icv == expected), true, v.alg << " vector " << v.digest);
            NS_TEST_EXPECT_MSG_EQ(IpsecIntegrity::VerifyIcv(v.alg,
                                                            v.key.data(),
                                                            v.key.size(),
                                                            v.data.data(),
                                                            v.data.size(),
                                                            expected.data()),
                                  true,
                                  "verifies");
            expected[11] ^= 1;
            NS_TEST_EXPECT_MSG_EQ(IpsecIntegrity::VerifyIcv(v.alg,
                                                            v.key.data(),
                                                            v.key.size(),
                                                            v.data.data(),
                                                            v.data.size(),
                                                            expected.data()),
                                  false,
                                  "one flipped bit is caught");
        }
    }
};

/**
 * \ingroup imssec-tests
 * TS 33.203 key derivation and the sec-agree algorithm names.
 */
class IpsecKeyDerivationTestCase : public TestCase
{
  public:
    IpsecKeyDerivationTestCase()
        : TestCase("ESP integrity key from IK (TS 33.203) and algorithm names")
    {
    }

  private:
    void DoRun() override
    {
        IpsecIntegrity::AkaKey ik;
        for (uint8_t k = 0; k < 16; ++k)
        {
            ik[k] = static_cast<uint8_t>(0xa0 + k);
        }
        IpsecIntegrity::Key sha =
            IpsecIntegrity::DeriveEspKey(IpsecIntegrityAlgorithm::HMAC_SHA1_96, ik);
        IpsecIntegrity::Key md5 =
            IpsecIntegrity::DeriveEspKey(IpsecIntegrityAlgorithm::HMAC_MD5_96, ik);
        NS_TEST_EXPECT_MSG_EQ(IpsecIntegrity::GetKeyLength(IpsecIntegrityAlgorithm::HMAC_SHA1_96),
                              20,
                              "160-bit key for HMAC-SHA-1-96");
        NS_TEST_EXPECT_MSG_EQ(IpsecIntegrity::GetKeyLength(IpsecIntegrityAlgorithm::HMAC_MD5_96),
                              16,
                              "128-bit key for HMAC-MD5-96");
        for (uint32_t k = 0; k < 16; ++k)
        {
            NS_TEST_EXPECT_MSG_EQ(+sha[k], +ik[k], "SHA-1 key starts with IK");
            NS_TEST_EXPECT_MSG_EQ(+md5[k], +ik[k], "MD5 key is IK");
        }
        for (uint32_t k = 16; k < 20; ++k)
        {
            NS_TEST_EXPECT_MSG_EQ(+sha[k], 0, "IK extended with 32 zero bits");
        }
        IpsecIntegrityAlgorithm alg;
        NS_TEST_EXPECT_MSG_EQ(IpsecIntegrity::Parse("HMAC-SHA-1-96", alg), true, "parse sha");
        NS_TEST_EXPECT_MSG_EQ((alg == IpsecIntegrityAlgorithm::HMAC_SHA1_96), true, "sha");
        NS_TEST_EXPECT_MSG_EQ(IpsecIntegrity::Parse("hmac-md5-96", alg), true, "parse md5");
        NS_TEST_EXPECT_MSG_EQ((alg == IpsecIntegrityAlgorithm::HMAC_MD5_96), true, "md5");
        NS_TEST_EXPECT_MSG_EQ(IpsecIntegrity::Parse("hmac-sha-256", alg), false, "unknown");
        NS_TEST_EXPECT_MSG_EQ(IpsecIntegrity::GetName(IpsecIntegrityAlgorithm::HMAC_SHA1_96),
                              "hmac-sha-1-96",
                              "name");
        IpsecEncryptionAlgorithm ealg;
        NS_TEST_EXPECT_MSG_EQ(IpsecIntegrity::Parse("NULL", ealg), true, "ealg null");
        NS_TEST_EXPECT_MSG_EQ(IpsecIntegrity::Parse("aes-cbc", ealg), false, "not modeled");
    }
};

/**
 * \ingroup imssec-tests
 * Round trips of the ESP header (ns-3's HeaderSerializationTestCase), the ESP trailer
 * through a packet, and the IpsecTag.
 */
class IpsecHeadersTestCase : public HeaderSerializationTestCase
{
  public:
    IpsecHeadersTestCase()
        : HeaderSerializationTestCase("ESP header, ESP trailer and IpsecTag round trips")
    {
    }

  private:
    void DoRun() override
    {
        EspHeader header(0xdeadbeef, 0x01020304);
        TestHeaderSerialization(header);
        Ptr<Packet> p = Create<Packet>(13);
        p->AddHeader(header);
        uint8_t bytes[8];
        p->CopyData(bytes, 8);
        NS_TEST_EXPECT_MSG_EQ(
            (bytes[0] == 0xde && bytes[3] == 0xef && bytes[4] == 0x01 && bytes[7] == 0x04),
            true,
            "network byte order");
        EspHeader back;
        p->RemoveHeader(back);
        NS_TEST_EXPECT_MSG_EQ(back.GetSpi(), 0xdeadbeef, "SPI");
        NS_TEST_EXPECT_MSG_EQ(back.GetSequence(), 0x01020304, "sequence");

        for (uint32_t payload : {0u, 1u, 2u, 3u, 13u})
        {
            uint8_t pad = EspTrailer::ComputePadLength(payload);
            NS_TEST_EXPECT_MSG_EQ((payload + pad + 2) % 4, 0, "aligned");
            NS_TEST_EXPECT_MSG_LT(pad, 4, "minimal padding");
            EspTrailer trailer(12);
            trailer.SetPadLength(pad);
            trailer.SetNextHeader(17);
            std::vector<uint8_t> icv(12);
            for (uint8_t k = 0; k < 12; ++k)
            {
                icv[k] = static_cast<uint8_t>(0x30 + k);
            }
            trailer.SetIcv(icv);
            Ptr<Packet> q = Create<Packet>(payload);
            q->AddTrailer(trailer);
            NS_TEST_EXPECT_MSG_EQ(q->GetSize(), payload + pad + 2 + 12, "trailer size");
            std::vector<uint8_t> raw(q->GetSize());
            q->CopyData(raw.data(), raw.size());
            for (uint32_t k = 1; k <= pad; ++k)
            {
                NS_TEST_EXPECT_MSG_EQ(+raw[payload + k - 1], k, "padding 1, 2, 3");
            }
            NS_TEST_EXPECT_MSG_EQ(+raw[payload + pad], +pad, "pad length byte");
            NS_TEST_EXPECT_MSG_EQ(+raw[payload + pad + 1], 17, "next header byte");
            EspTrailer read(12);
            q->RemoveTrailer(read);
            NS_TEST_EXPECT_MSG_EQ(q->GetSize(), payload, "trailer removed");
            NS_TEST_EXPECT_MSG_EQ(+read.GetPadLength(), +pad, "pad length");
            NS_TEST_EXPECT_MSG_EQ(+read.GetNextHeader(), 17, "next header");
            NS_TEST_EXPECT_MSG_EQ((read.GetIcv() == icv), true, "ICV");
            NS_TEST_EXPECT_MSG_EQ(read.IsPaddingValid(), true, "padding valid");
        }
        // Bad padding content is noticed.
        Ptr<Packet> bad = Create<Packet>(
            std::vector<uint8_t>{9, 9, 2, 17, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}.data(),
            16);
        EspTrailer read(12);
        bad->RemoveTrailer(read);
        NS_TEST_EXPECT_MSG_EQ(+read.GetPadLength(), 2, "pad length read");
        NS_TEST_EXPECT_MSG_EQ(read.IsPaddingValid(), false, "9, 9 is not 1, 2");

        Ptr<Packet> tagged = Create<Packet>(10);
        tagged->AddPacketTag(IpsecTag(0x1234, 7, 99));
        Ptr<Packet> copy = tagged->Copy();
        IpsecTag tag;
        NS_TEST_EXPECT_MSG_EQ(copy->PeekPacketTag(tag), true, "tag travels with copies");
        NS_TEST_EXPECT_MSG_EQ(tag.GetSpi(), 0x1234, "SPI");
        NS_TEST_EXPECT_MSG_EQ(tag.GetSaSetHandle(), 7, "handle");
        NS_TEST_EXPECT_MSG_EQ(tag.GetSequence(), 99, "sequence");
    }
};

/**
 * \ingroup imssec-tests
 * The anti-replay window alone (RFC 4303 3.4.3 and its Appendix A): fresh, duplicate,
 * inside, at and beyond the left edge, large jumps, and a disabled window.
 */
class IpsecReplayWindowTestCase : public TestCase
{
  public:
    IpsecReplayWindowTestCase()
        : TestCase("anti-replay window semantics")
    {
    }

  private:
    void DoRun() override
    {
        IpsecReplayWindow w(64);
        NS_TEST_EXPECT_MSG_EQ(w.Check(0), false, "0 is never sent");
        NS_TEST_EXPECT_MSG_EQ(w.Check(1), true, "1 is new");
        w.Update(1);
        NS_TEST_EXPECT_MSG_EQ(w.Check(1), false, "1 again is a replay");
        NS_TEST_EXPECT_MSG_EQ(w.Check(3), true, "a gap is fine");
        w.Update(3);
        NS_TEST_EXPECT_MSG_EQ(w.Check(2), true, "late but inside");
        w.Update(2);
        NS_TEST_EXPECT_MSG_EQ(w.Check(2), false, "late duplicate");
        w.Update(100);
        NS_TEST_EXPECT_MSG_EQ(w.GetHighest(), 100, "right edge");
        NS_TEST_EXPECT_MSG_EQ(w.Check(37), true, "100 - 63: last slot of the window");
        NS_TEST_EXPECT_MSG_EQ(w.Check(36), false, "100 - 64: left of the window");
        NS_TEST_EXPECT_MSG_EQ(w.Check(3), false, "far left");
        w.Update(37);
        NS_TEST_EXPECT_MSG_EQ(w.Check(37), false, "recorded at the edge");
        w.Update(101);
        NS_TEST_EXPECT_MSG_EQ(w.Check(37), false, "37 now left of the window");
        NS_TEST_EXPECT_MSG_EQ(w.Check(38), true, "38 inside, never seen");
        w.Update(1000);
        NS_TEST_EXPECT_MSG_EQ(w.Check(999), true, "after a jump the bitmap is clear");
        NS_TEST_EXPECT_MSG_EQ(w.Check(1000), false, "except the top");
        NS_TEST_EXPECT_MSG_EQ(w.Check(0xffffffff), true, "largest number");

        IpsecReplayWindow small(8);
        small.Update(20);
        NS_TEST_EXPECT_MSG_EQ(small.Check(13), true, "20 - 7 inside an 8-window");
        NS_TEST_EXPECT_MSG_EQ(small.Check(12), false, "20 - 8 outside");

        IpsecReplayWindow off(0);
        off.Update(5);
        NS_TEST_EXPECT_MSG_EQ(off.Check(5), true, "no anti-replay: duplicates pass");
        NS_TEST_EXPECT_MSG_EQ(off.Check(0), false, "0 still invalid");
        NS_TEST_EXPECT_MSG_EQ(IpsecReplayWindow(1000).GetSize(), 64, "capped at 64");
    }
};

/**
 * \ingroup imssec-tests
 * Integrity, headers and the replay window.
 */
class IpsecCryptoTestSuite : public TestSuite
{
  public:
    IpsecCryptoTestSuite()
        : TestSuite("imssec-ipsec-crypto", UNIT)
    {
        AddTestCase(new IpsecIcvKnownAnswerTestCase, TestCase::QUICK);
        AddTestCase(new IpsecKeyDerivationTestCase, TestCase::QUICK);
        AddTestCase(new IpsecHeadersTestCase, TestCase::QUICK);
        AddTestCase(new IpsecReplayWindowTestCase, TestCase::QUICK);
    }
};

static IpsecCryptoTestSuite g_ipsecCryptoTestSuite; //!< Static suite instance
