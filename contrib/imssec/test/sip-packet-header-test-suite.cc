/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// SipPacketHeader: serialization round trip, bad payloads, and a SIP message carried in a UDP
// datagram over IPv6 between two nodes, parsed by the receiver.
#include "ns3/core-module.h"
#include "ns3/header-serialization-test.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/sip-message-factory.h"
#include "ns3/sip-packet-header.h"
#include "ns3/sip-parser.h"

using namespace ns3;

namespace
{

SipMessage
ExampleRegister()
{
    std::string text =
        "REGISTER sip:registrar.home1.net SIP/2.0\r\n"
        "Via: SIP/2.0/UDP [2001:db8::1]:5060;branch=z9hG4bK1;rport\r\n"
        "Max-Forwards: 70\r\nFrom: <sip:u@home1.net>;tag=1\r\nTo: <sip:u@home1.net>\r\n"
        "Call-ID: c1\r\nCSeq: 1 REGISTER\r\n"
        "Security-Client: ipsec-3gpp;alg=hmac-sha-1-96;spi-c=1;spi-s=2;port-c=5062;port-s=5064;"
        "addr-pref-length=64\r\nContent-Length: 3\r\n\r\nabc";
    return SipParser::Parse(text).GetMessage();
}

} // namespace

/// Serialize -> Deserialize -> Serialize gives the same bytes.
class SipPacketHeaderSerializationTestCase : public HeaderSerializationTestCase
{
  public:
    SipPacketHeaderSerializationTestCase()
        : HeaderSerializationTestCase("SipPacketHeader serialization round trip")
    {
    }

  private:
    void DoRun() override
    {
        SipPacketHeader h(ExampleRegister());
        TestHeaderSerialization(h);

        Ptr<Packet> p = Create<Packet>();
        p->AddHeader(h);
        NS_TEST_EXPECT_MSG_EQ(p->GetSize(), ExampleRegister().Encode().size(), "payload size");
        SipPacketHeader got;
        p->RemoveHeader(got);
        NS_TEST_ASSERT_MSG_EQ(got.IsValid(), true, got.GetError().ToString());
        NS_TEST_EXPECT_MSG_EQ(
            +*got.GetMessage().GetSecurityMechanisms("Security-Client")[0].GetAddrPrefLength(),
            64,
            "addr-pref-length across the packet");
        NS_TEST_EXPECT_MSG_EQ(got.GetMessage().GetBody(), "abc", "body");

        // bytes that are not SIP: no abort, an error
        const uint8_t junk[] = {'x', 'y', '\r', '\n'};
        Ptr<Packet> bad = Create<Packet>(junk, sizeof(junk));
        SipPacketHeader badHeader;
        bad->RemoveHeader(badHeader);
        NS_TEST_EXPECT_MSG_EQ(badHeader.IsValid(), false, "junk is invalid");
        NS_TEST_EXPECT_MSG_EQ(static_cast<int>(badHeader.GetError().GetCode()),
                              static_cast<int>(SipParseError::BAD_START_LINE),
                              "error class");
        std::ostringstream os;
        badHeader.Print(os);
        NS_TEST_EXPECT_MSG_NE(os.str().find("invalid"), std::string::npos, "printed as invalid");
    }
};

/// A UE-like node sends a REGISTER in a UDP datagram over IPv6; the other node parses it.
class SipOverUdpTestCase : public TestCase
{
  public:
    SipOverUdpTestCase()
        : TestCase("SIP message in a UDP over IPv6 datagram between two nodes")
    {
    }

  private:
    void Receive(Ptr<Socket> socket)
    {
        Address from;
        Ptr<Packet> p;
        while ((p = socket->RecvFrom(from)))
        {
            SipParseError error;
            if (SipPacketHeader::ParsePacket(p, &m_received, &error))
            {
                ++m_parsed;
            }
        }
    }

    void DoRun() override
    {
        NodeContainer nodes;
        nodes.Create(2);
        SimpleNetDeviceHelper link;
        NetDeviceContainer devices = link.Install(nodes);
        InternetStackHelper internet;
        internet.SetIpv4StackInstall(false);
        internet.Install(nodes);
        Ipv6AddressHelper addresses;
        addresses.SetBase(Ipv6Address("2001:db8::"), Ipv6Prefix(64));
        Ipv6InterfaceContainer interfaces = addresses.Assign(devices);
        interfaces.SetForwarding(0, false);

        TypeId udp = TypeId::LookupByName("ns3::UdpSocketFactory");
        Ptr<Socket> server = Socket::CreateSocket(nodes.Get(1), udp);
        server->Bind(Inet6SocketAddress(Ipv6Address::GetAny(), 5060));
        server->SetRecvCallback(MakeCallback(&SipOverUdpTestCase::Receive, this));
        Ptr<Socket> client = Socket::CreateSocket(nodes.Get(0), udp);
        client->Bind(Inet6SocketAddress(Ipv6Address::GetAny(), 5060));
        Inet6SocketAddress to(interfaces.GetAddress(1, 1), 5060);
        SipMessage sent = ExampleRegister();
        // after duplicate address detection has finished
        Simulator::Schedule(Seconds(3), [client, to, sent]() {
            client->SendTo(SipPacketHeader::CreatePacket(sent), 0, to);
        });
        Simulator::Stop(Seconds(5));
        Simulator::Run();
        Simulator::Destroy();

        NS_TEST_ASSERT_MSG_EQ(m_parsed, 1u, "one SIP message received and parsed");
        NS_TEST_EXPECT_MSG_EQ(m_received.Encode(), sent.Encode(), "same message");
        NS_TEST_EXPECT_MSG_EQ(*m_received.GetTopVia()->GetBranch(), "z9hG4bK1", "Via branch");
    }

    uint32_t m_parsed{0};  ///< messages parsed by the receiver
    SipMessage m_received; ///< last message received
};

/// The suite.
class SipPacketHeaderTestSuite : public TestSuite
{
  public:
    SipPacketHeaderTestSuite()
        : TestSuite("imssec-sip-packet-header", UNIT)
    {
        AddTestCase(new SipPacketHeaderSerializationTestCase, TestCase::QUICK);
        AddTestCase(new SipOverUdpTestCase, TestCase::QUICK);
    }
};

static SipPacketHeaderTestSuite g_sipPacketHeaderTestSuite; ///< the suite
