/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-test-network.h"

#include "ns3/boolean.h"
#include "ns3/esp-header.h"
#include "ns3/global-value.h"
#include "ns3/ipsec-integrity.h"
#include "ns3/ipsec-stack.h"
#include "ns3/ipsec-tag.h"
#include "ns3/pcap-file.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <map>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <set>
#include <vector>

using namespace ns3;
using namespace ns3::tests;

namespace
{

using Side = IpsecSaSetParameters::Side;
using Net = IpsecTestNetwork;

/**
 * \param p a packet
 * \returns its bytes
 */
std::vector<uint8_t>
BytesOf(Ptr<const Packet> p)
{
    std::vector<uint8_t> b(p->GetSize());
    p->CopyData(b.data(), b.size());
    return b;
}

/**
 * \param b bytes
 * \returns a packet holding them
 */
Ptr<Packet>
PacketOf(const std::vector<uint8_t>& b)
{
    return Create<Packet>(b.data(), b.size());
}

/**
 * \param b network-order bytes
 * \returns the 32-bit value
 */
uint32_t
U32(const uint8_t* b)
{
    return (uint32_t{b[0]} << 24) | (uint32_t{b[1]} << 16) | (uint32_t{b[2]} << 8) | b[3];
}

/**
 * The HMAC-96 of data, computed with OpenSSL's one-shot HMAC() (not the EVP_MAC interface the
 * model uses) and a key derived here from the raw IK, following TS 33.203 7.1.
 * \param sha1 HMAC-SHA-1-96 when true, HMAC-MD5-96 otherwise
 * \param ik the 16-byte IK
 * \param data covered bytes
 * \param length number of bytes
 * \returns the 12-byte ICV
 */
std::vector<uint8_t>
ReferenceIcv(bool sha1, const IpsecIntegrity::AkaKey& ik, const uint8_t* data, size_t length)
{
    std::vector<uint8_t> key(ik.begin(), ik.end());
    if (sha1)
    {
        key.insert(key.end(), 4, 0); // IK || 0^32
    }
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int macLength = 0;
    HMAC(sha1 ? EVP_sha1() : EVP_md5(),
         key.data(),
         static_cast<int>(key.size()),
         data,
         length,
         mac,
         &macLength);
    return std::vector<uint8_t>(mac, mac + 12);
}

/**
 * RFC 768 / RFC 8200 8.1 checksum check over the IPv6 pseudo-header, written here
 * independently of ns-3's UdpHeader.
 * \param src source address
 * \param dst destination address
 * \param udp the UDP datagram (header and payload)
 * \param length its length
 * \returns true when the checksum field is right
 */
bool
UdpChecksumOk(Ipv6Address src, Ipv6Address dst, const uint8_t* udp, uint32_t length)
{
    uint32_t sum = 0;
    uint8_t a[16];
    auto add16 = [&sum](const uint8_t* p, uint32_t n) {
        for (uint32_t i = 0; i + 1 < n; i += 2)
        {
            sum += (uint32_t{p[i]} << 8) | p[i + 1];
        }
        if (n % 2)
        {
            sum += uint32_t{p[n - 1]} << 8;
        }
    };
    src.GetBytes(a);
    add16(a, 16);
    dst.GetBytes(a);
    add16(a, 16);
    sum += length >> 16;
    sum += length & 0xffff;
    sum += 17;
    add16(udp, length);
    while (sum >> 16)
    {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    return sum == 0xffff && (udp[6] != 0 || udp[7] != 0);
}

} // namespace

/**
 * \ingroup imssec-tests
 * A protected SIP-like exchange in both directions over all four SAs on a real network: what
 * arrives, with which tag, and what the wire carries (SPI, sequence numbers, padding, next
 * header, the ICV against an independent HMAC, the inner UDP checksum) and what the pcap holds.
 */
class IpsecProtectedExchangeTestCase : public TestCase
{
  public:
    /**
     * \param alg integrity algorithm of the SA set
     */
    explicit IpsecProtectedExchangeTestCase(IpsecIntegrityAlgorithm alg)
        : TestCase("protected exchange over the four SAs, " + IpsecIntegrity::GetName(alg)),
          m_alg(alg)
    {
    }

  private:
    void DoRun() override
    {
        std::string prefix = CreateTempDirFilename("ipsec-exchange");
        {
            RunExchange(prefix);
        }
        // The network is gone, so the pcap files are closed.
        CheckPcap(prefix);
    }

    /**
     * \brief Runs the exchange and checks what arrived and what was sent.
     * \param prefix pcap file prefix
     */
    void RunExchange(const std::string& prefix)
    {
        Net net(prefix);
        IpsecSaSetParameters ue = Net::Parameters(Side::UE, 128);
        IpsecSaSetParameters pc = Net::Parameters(Side::PCSCF, 128);
        ue.alg = pc.alg = m_alg;
        uint32_t ueSet = net.ueStack->InstallSaSet(ue);
        uint32_t pcSet = net.pcscfStack->InstallSaSet(pc);
        NS_TEST_ASSERT_MSG_NE(ueSet, 0, "UE set refused");
        NS_TEST_ASSERT_MSG_NE(pcSet, 0, "P-CSCF set refused");

        // UE requests (one needs IPv6 fragmentation), P-CSCF answers and requests, UE answers.
        for (uint32_t size : {101u, 200u, 3000u})
        {
            net.SendAt(Seconds(1) + MicroSeconds(size),
                       net.ueStack,
                       size,
                       Net::UE_ADDRESS,
                       Net::UE_PORT_C,
                       Net::PCSCF_ADDRESS,
                       Net::PCSCF_PORT_S);
        }
        net.SendAt(Seconds(5),
                   net.pcscfStack,
                   300,
                   Net::PCSCF_ADDRESS,
                   Net::PCSCF_PORT_S,
                   Net::UE_ADDRESS,
                   Net::UE_PORT_C);
        net.SendAt(Seconds(6),
                   net.pcscfStack,
                   400,
                   Net::PCSCF_ADDRESS,
                   Net::PCSCF_PORT_C,
                   Net::UE_ADDRESS,
                   Net::UE_PORT_S);
        net.SendAt(Seconds(7),
                   net.ueStack,
                   500,
                   Net::UE_ADDRESS,
                   Net::UE_PORT_S,
                   Net::PCSCF_ADDRESS,
                   Net::PCSCF_PORT_C);
        Simulator::Stop(Seconds(10));
        Simulator::Run();

        // What the applications received.
        IMS_TEST_REQUIRE_SIZE(net.pcscfReceived, 4, "P-CSCF should get 4 datagrams");
        std::vector<uint32_t> sizes = {101, 200, 3000};
        for (uint32_t k = 0; k < 3; ++k)
        {
            const Net::Received& r = net.pcscfReceived[k];
            NS_TEST_EXPECT_MSG_EQ(r.packet->GetSize(), sizes[k], "payload size");
            NS_TEST_EXPECT_MSG_EQ(r.localPort, Net::PCSCF_PORT_S, "port-s of the P-CSCF");
            NS_TEST_EXPECT_MSG_EQ(r.from, Net::UE_ADDRESS, "source");
            NS_TEST_EXPECT_MSG_EQ(r.fromPort, Net::UE_PORT_C, "source port");
            NS_TEST_EXPECT_MSG_EQ(r.hasTag, true, "protected");
            NS_TEST_EXPECT_MSG_EQ(r.tag.GetSpi(), pc.pcscfSpiS, "SPI chosen by the P-CSCF");
            NS_TEST_EXPECT_MSG_EQ(r.tag.GetSaSetHandle(), pcSet, "set handle");
            NS_TEST_EXPECT_MSG_EQ(r.tag.GetSequence(), k + 1, "sequence numbers 1, 2, 3");
        }
        NS_TEST_EXPECT_MSG_EQ(net.pcscfReceived[3].localPort, Net::PCSCF_PORT_C, "port-c");
        NS_TEST_EXPECT_MSG_EQ(net.pcscfReceived[3].tag.GetSpi(), pc.pcscfSpiC, "spi-c");
        NS_TEST_EXPECT_MSG_EQ(net.pcscfReceived[3].tag.GetSequence(), 1, "first on its SA");
        IMS_TEST_REQUIRE_SIZE(net.ueReceived, 2, "UE should get 2 datagrams");
        NS_TEST_EXPECT_MSG_EQ(net.ueReceived[0].localPort, Net::UE_PORT_C, "UE port-c");
        NS_TEST_EXPECT_MSG_EQ(net.ueReceived[0].tag.GetSpi(), ue.ueSpiC, "UE spi-c");
        NS_TEST_EXPECT_MSG_EQ(net.ueReceived[0].tag.GetSaSetHandle(), ueSet, "UE set");
        NS_TEST_EXPECT_MSG_EQ(net.ueReceived[1].localPort, Net::UE_PORT_S, "UE port-s");
        NS_TEST_EXPECT_MSG_EQ(net.ueReceived[1].tag.GetSpi(), ue.ueSpiS, "UE spi-s");
        NS_TEST_EXPECT_MSG_EQ(net.ueDrops.size() + net.pcscfDrops.size(), 0, "no drops");
        NS_TEST_EXPECT_MSG_EQ(net.ueStack->GetProtectedCount(), 4, "UE outProtect");
        NS_TEST_EXPECT_MSG_EQ(net.pcscfStack->GetAcceptedCount(), 4, "P-CSCF inProtectedAccept");
        NS_TEST_EXPECT_MSG_EQ(net.pcscfStack->GetProtectedCount(), 2, "P-CSCF outProtect");
        NS_TEST_EXPECT_MSG_EQ(net.ueStack->GetAcceptedCount(), 2, "UE inProtectedAccept");

        // The ESP packets themselves, checked byte by byte.
        IMS_TEST_REQUIRE_SIZE(net.ueEsp, 4, "UE built 4 ESP packets");
        std::vector<uint32_t> spis = {pc.pcscfSpiS, pc.pcscfSpiS, pc.pcscfSpiS, pc.pcscfSpiC};
        std::vector<uint32_t> seqs = {1, 2, 3, 1};
        std::vector<uint32_t> payloads = {101, 200, 3000, 500};
        for (uint32_t k = 0; k < 4; ++k)
        {
            std::vector<uint8_t> b = BytesOf(net.ueEsp[k]);
            uint32_t n = b.size();
            NS_TEST_EXPECT_MSG_EQ(U32(&b[0]), spis[k], "SPI on the wire");
            NS_TEST_EXPECT_MSG_EQ(U32(&b[4]), seqs[k], "sequence number on the wire");
            NS_TEST_EXPECT_MSG_EQ((n - 12) % 4, 0, "payload+padding+2 aligned on 4 bytes");
            uint8_t pad = b[n - 14];
            NS_TEST_EXPECT_MSG_EQ(+b[n - 13], 17, "next header UDP");
            NS_TEST_EXPECT_MSG_EQ(n, 8 + 8 + payloads[k] + pad + 2 + 12, "ESP length");
            for (uint32_t i = 1; i <= pad; ++i)
            {
                NS_TEST_EXPECT_MSG_EQ(+b[n - 14 - pad + i - 1], i, "RFC 4303 padding");
            }
            std::vector<uint8_t> icv = ReferenceIcv(m_alg == IpsecIntegrityAlgorithm::HMAC_SHA1_96,
                                                    ue.ik,
                                                    b.data(),
                                                    n - 12);
            NS_TEST_EXPECT_MSG_EQ((std::vector<uint8_t>(b.end() - 12, b.end()) == icv),
                                  true,
                                  "ICV equals an independent HMAC-96 of the ESP packet");
            uint32_t udpLength = 8 + payloads[k];
            NS_TEST_EXPECT_MSG_EQ(
                UdpChecksumOk(Net::UE_ADDRESS, Net::PCSCF_ADDRESS, &b[8], udpLength),
                true,
                "inner UDP checksum");
        }

        m_spis = {pc.pcscfSpiS, pc.pcscfSpiC, ue.ueSpiC, ue.ueSpiS};
        Simulator::Destroy();
    }

    /**
     * \brief Checks the capture of the UE link: IPv6 next header 50 with the SPIs of all four
     * SAs, and ESP fragments.
     * \param prefix pcap file prefix
     */
    void CheckPcap(const std::string& prefix)
    {
        PcapFile pcap;
        pcap.Open(prefix + "-ue-link.pcap", std::ios::in);
        NS_TEST_ASSERT_MSG_EQ(pcap.Fail(), false, "pcap written");
        NS_TEST_EXPECT_MSG_EQ(pcap.GetDataLinkType(), 9, "PPP link type");
        std::multiset<uint32_t> seen;
        uint32_t fragments = 0;
        std::vector<uint8_t> frame(65536);
        while (true)
        {
            uint32_t sec;
            uint32_t usec;
            uint32_t incl;
            uint32_t orig;
            uint32_t read;
            pcap.Read(frame.data(), frame.size(), sec, usec, incl, orig, read);
            if (pcap.Eof())
            {
                break;
            }
            if (read < 2 + 40 + 8 || frame[0] != 0x00 || frame[1] != 0x57)
            {
                continue; // not IPv6
            }
            uint8_t next = frame[2 + 6];
            if (next == 50)
            {
                seen.insert(U32(&frame[2 + 40]));
            }
            else if (next == 44 && frame[2 + 40] == 50)
            {
                ++fragments; // a fragment of the large ESP packet
            }
        }
        pcap.Close();
        NS_TEST_EXPECT_MSG_EQ(seen.count(m_spis[0]), 2, "two unfragmented requests");
        NS_TEST_EXPECT_MSG_EQ(seen.count(m_spis[1]), 1, "UE answer");
        NS_TEST_EXPECT_MSG_EQ(seen.count(m_spis[2]), 1, "P-CSCF answer");
        NS_TEST_EXPECT_MSG_EQ(seen.count(m_spis[3]), 1, "P-CSCF request");
        NS_TEST_EXPECT_MSG_GT(fragments, 1, "the 3000-byte request went as ESP fragments");
    }

    IpsecIntegrityAlgorithm m_alg; //!< algorithm under test
    std::vector<uint32_t> m_spis;  //!< P-CSCF spi-s, spi-c, UE spi-c, spi-s
};

/**
 * \ingroup imssec-tests
 * The length-only ICV mode: packets keep their size, the ICV is zeros, delivery works, and
 * (the price) a tampered packet is not detected.
 */
class IpsecLengthOnlyIcvTestCase : public TestCase
{
  public:
    IpsecLengthOnlyIcvTestCase()
        : TestCase("length-only ICV: same sizes, zero ICV, tampering undetected")
    {
    }

  private:
    void DoRun() override
    {
        Net net("", "LengthOnly");
        net.InstallBoth(128, 128);
        net.SendAt(Seconds(1),
                   net.ueStack,
                   101,
                   Net::UE_ADDRESS,
                   Net::UE_PORT_C,
                   Net::PCSCF_ADDRESS,
                   Net::PCSCF_PORT_S);
        Ptr<Packet> forged;
        Simulator::Schedule(Seconds(2), [&]() {
            Ptr<Packet> esp = net.ueStack->Protect(Create<Packet>(101),
                                                   Net::UE_ADDRESS,
                                                   Net::UE_PORT_C,
                                                   Net::PCSCF_ADDRESS,
                                                   Net::PCSCF_PORT_S);
            std::vector<uint8_t> b = BytesOf(esp);
            b[20] ^= 0xff; // a payload byte
            forged = PacketOf(b);
            net.InjectAt(Seconds(0), forged, Net::UE_ADDRESS, Net::PCSCF_ADDRESS);
        });
        Simulator::Stop(Seconds(5));
        Simulator::Run();
        IMS_TEST_REQUIRE_SIZE(net.ueEsp, 2, "two ESP packets built");
        std::vector<uint8_t> b = BytesOf(net.ueEsp[0]);
        NS_TEST_EXPECT_MSG_EQ(b.size(), 8 + 8 + 101 + 1 + 2 + 12, "same size as with HMAC");
        NS_TEST_EXPECT_MSG_EQ(
            (std::vector<uint8_t>(b.end() - 12, b.end()) == std::vector<uint8_t>(12, 0)),
            true,
            "ICV is 12 zero bytes");
        NS_TEST_EXPECT_MSG_EQ(net.pcscfReceived.size(), 2, "both accepted, the forged one too");
        NS_TEST_EXPECT_MSG_EQ(net.pcscfStack->GetDropCount(IpsecStack::BAD_ICV), 0, "no check");
        Simulator::Destroy();
    }
};

/**
 * \ingroup imssec-tests
 * With ns-3's checksums on, UDP verifies the checksum of the datagram that came out of ESP
 * (and would drop it, were it wrong).
 */
class IpsecChecksumEnabledTestCase : public TestCase
{
  public:
    IpsecChecksumEnabledTestCase()
        : TestCase("inner UDP checksum accepted by ns-3 UDP with checksums enabled")
    {
    }

  private:
    void DoRun() override
    {
        GlobalValue::Bind("ChecksumEnabled", BooleanValue(true));
        {
            Net net;
            net.InstallBoth(64, 64);
            net.SendAt(Seconds(1),
                       net.ueStack,
                       333,
                       Net::UE_SAME_64,
                       Net::UE_PORT_C,
                       Net::PCSCF_ADDRESS,
                       Net::PCSCF_PORT_S);
            net.SendAt(Seconds(2),
                       net.pcscfStack,
                       444,
                       Net::PCSCF_ADDRESS,
                       Net::PCSCF_PORT_C,
                       Net::UE_SAME_64,
                       Net::UE_PORT_S);
            Simulator::Run();
            NS_TEST_EXPECT_MSG_EQ(net.pcscfReceived.size(), 1, "P-CSCF: checksum verified");
            NS_TEST_EXPECT_MSG_EQ(net.ueReceived.size(), 1, "UE: checksum verified");
            Simulator::Destroy();
        }
        GlobalValue::Bind("ChecksumEnabled", BooleanValue(false));
    }
};

/**
 * \ingroup imssec-tests
 * Sequence numbers and the 64-packet anti-replay window on the network: packets built in
 * order and delivered out of order.
 */
class IpsecReplayWindowNetworkTestCase : public TestCase
{
  public:
    IpsecReplayWindowNetworkTestCase()
        : TestCase("anti-replay window with packets delivered out of order")
    {
    }

  private:
    void DoRun() override
    {
        Net net;
        net.InstallBoth(128, 128);
        std::map<uint32_t, Ptr<Packet>> bySeq;
        Simulator::Schedule(Seconds(1), [&]() {
            for (uint32_t k = 1; k <= 70; ++k)
            {
                Ptr<Packet> esp = net.ueStack->Protect(Create<Packet>(50),
                                                       Net::UE_ADDRESS,
                                                       Net::UE_PORT_C,
                                                       Net::PCSCF_ADDRESS,
                                                       Net::PCSCF_PORT_S);
                EspHeader h;
                esp->PeekHeader(h);
                bySeq[h.GetSequence()] = esp;
            }
            // 70 first; 5 and 6 are then left of the window (70 - 64 = 6 is the edge);
            // 7 is inside; 7 again is a replay; 69 is inside.
            std::vector<uint32_t> order = {70, 5, 6, 7, 7, 69};
            Time t = Seconds(0);
            for (uint32_t s : order)
            {
                net.InjectAt(t, bySeq[s], Net::UE_ADDRESS, Net::PCSCF_ADDRESS);
                t += MilliSeconds(20);
            }
        });
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        IMS_TEST_REQUIRE_SIZE(bySeq, 70, "70 distinct sequence numbers 1..70");
        NS_TEST_EXPECT_MSG_EQ(bySeq.begin()->first, 1, "first is 1");
        NS_TEST_EXPECT_MSG_EQ(bySeq.rbegin()->first, 70, "last is 70");
        std::vector<uint32_t> accepted;
        for (const auto& r : net.pcscfReceived)
        {
            accepted.push_back(r.tag.GetSequence());
        }
        NS_TEST_EXPECT_MSG_EQ((accepted == std::vector<uint32_t>{70, 7, 69}),
                              true,
                              "accepted 70, 7, 69");
        NS_TEST_EXPECT_MSG_EQ(net.pcscfStack->GetDropCount(IpsecStack::REPLAY), 3, "5, 6, 7");
        NS_TEST_EXPECT_MSG_EQ(Net::Count(net.pcscfDrops, IpsecStack::REPLAY), 3, "traced");
        Simulator::Destroy();
    }
};

/**
 * \ingroup imssec-tests
 * ESP on the wire and through ns-3's IPv6 stack.
 */
class IpsecEspTestSuite : public TestSuite
{
  public:
    IpsecEspTestSuite()
        : TestSuite("imssec-ipsec-esp", UNIT)
    {
        AddTestCase(new IpsecProtectedExchangeTestCase(IpsecIntegrityAlgorithm::HMAC_SHA1_96),
                    TestCase::QUICK);
        AddTestCase(new IpsecProtectedExchangeTestCase(IpsecIntegrityAlgorithm::HMAC_MD5_96),
                    TestCase::QUICK);
        AddTestCase(new IpsecLengthOnlyIcvTestCase, TestCase::QUICK);
        AddTestCase(new IpsecChecksumEnabledTestCase, TestCase::QUICK);
        AddTestCase(new IpsecReplayWindowNetworkTestCase, TestCase::QUICK);
    }
};

static IpsecEspTestSuite g_ipsecEspTestSuite; //!< Static suite instance
