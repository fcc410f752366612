/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// SipTransport on a UE -- router -- server network: clear exchanges with RFC 3261 18.2.1 /
// RFC 3581 Via processing and response routing, the chosen source address, malformed
// datagrams, protected exchanges over real SAs, clear datagrams on protected ports; every
// case checked on the packets seen on the UE's link (decoded by hand) and on the counters.
#include "ims-test-network.h"

#include "ns3/ipsec-sa-set-parameters.h"
#include "ns3/simulator.h"
#include "ns3/sip-message-factory.h"
#include "ns3/sip-parser.h"
#include "ns3/test.h"

#include <memory>

using namespace ns3;
using namespace ns3::tests;

namespace
{

/** What an application saw. */
struct Seen
{
    SipMessage message; //!< the message
    SipPacketInfo info; //!< its info
};

/**
 * \param net the network
 * \param fromUe direction
 * \returns the sum of the SIP payload sizes in that direction
 */
uint64_t
WireBytes(const ImsTestNetwork& net, bool fromUe)
{
    uint64_t total = 0;
    for (const WirePacket& w : net.Sip(fromUe))
    {
        total += w.payload.size();
    }
    return total;
}

/**
 * \param side which side installs
 * \returns the SA set parameters of the protected tests (UE 31000/31001, server 5062/5064)
 */
IpsecSaSetParameters
SaParameters(IpsecSaSetParameters::Side side)
{
    IpsecSaSetParameters p;
    p.side = side;
    p.ueAddress = ImsTestNetwork::UE_ADDRESS;
    p.uePrefixLength = 128;
    p.pcscfAddress = ImsTestNetwork::SERVER_ADDRESS;
    p.ueSpiC = 0x1001;
    p.ueSpiS = 0x1002;
    p.uePortC = 31000;
    p.uePortS = 31001;
    p.pcscfSpiC = 0x2001;
    p.pcscfSpiS = 0x2002;
    p.pcscfPortC = 5062;
    p.pcscfPortS = 5064;
    p.protocol = 17;
    for (uint8_t k = 0; k < 16; ++k)
    {
        p.ik[k] = static_cast<uint8_t>(0x40 + k);
        p.ck[k] = static_cast<uint8_t>(0x80 + k);
    }
    return p;
}

} // namespace

/**
 * \ingroup imssec-tests
 * Clear requests from several source ports, with and without rport, and a Via naming a host
 * name: received/rport as the server application sees them, where each response goes on the
 * wire, and counters equal to what was on the wire.
 */
class ImsTransportClearTestCase : public TestCase
{
  public:
    ImsTransportClearTestCase()
        : TestCase("clear exchange: received and rport, response routing, counters vs wire")
    {
    }

  private:
    void DoRun() override
    {
        ImsTestNetwork net;
        net.StartSip(false);
        std::vector<Seen> atServer;
        std::vector<Seen> atUe;
        Ptr<SipTransport> server = net.serverTransport;
        server->SetReceiveCallback(
            MakeCallback(+[](std::vector<Seen>* v,
                             Ptr<SipTransport> t,
                             const SipMessage& m,
                             const SipPacketInfo& i) {
                v->push_back({m, i});
                t->SendResponse(SipMessageFactory::CreateResponse(m, 200, "", "srv"), i);
            }).Bind(&atServer, server));
        net.ueTransport->SetReceiveCallback(
            MakeCallback(+[](std::vector<Seen>* v, const SipMessage& m, const SipPacketInfo& i) {
                v->push_back({m, i});
            }).Bind(&atUe));
        uint32_t sentTraces = 0;
        uint32_t receivedTraces = 0;
        net.ueTransport->TraceConnectWithoutContext(
            "MessageSent",
            MakeCallback(+[](uint32_t* n, const SipMessage&, const SipPacketInfo&) {
                ++*n;
            }).Bind(&sentTraces));
        server->TraceConnectWithoutContext(
            "MessageReceived",
            MakeCallback(+[](uint32_t* n, const SipMessage&, const SipPacketInfo&) {
                ++*n;
            }).Bind(&receivedTraces));

        const Ipv6Address ue = ImsTestNetwork::UE_ADDRESS;
        const Ipv6Address srv = ImsTestNetwork::SERVER_ADDRESS;
        Ptr<SipTransport> t = net.ueTransport;
        // 1: rport, from 5060; 2: rport, Via says 5060 but sent from 5099; 3: no rport, sent
        // from 5099 (answer to the sent-by port 5060); 4: Via names a host name, port 5070.
        SipMessage m1 = MakeTestRequest("OPTIONS", ue, 5060, "z9hG4bKc1", "c1", 1, true);
        SipMessage m2 = MakeTestRequest("OPTIONS", ue, 5060, "z9hG4bKc2", "c2", 1, true);
        SipMessage m3 = MakeTestRequest("OPTIONS", ue, 5060, "z9hG4bKc3", "c3", 1, false);
        SipMessage m4 = MakeTestRequest("OPTIONS", ue, 5070, "z9hG4bKc4", "c4", 1, false);
        SipVia v4 = *m4.GetTopVia();
        v4.SetHost("ue1.ims.example");
        m4.ReplaceTopVia(v4);
        Simulator::Schedule(Seconds(1),
                            [=]() { t->Send(m1, SipTarget::Clear(ue, 5060, srv, 5060)); });
        Simulator::Schedule(Seconds(2),
                            [=]() { t->Send(m2, SipTarget::Clear(ue, 5099, srv, 5060)); });
        Simulator::Schedule(Seconds(3),
                            [=]() { t->Send(m3, SipTarget::Clear(ue, 5099, srv, 5060)); });
        Simulator::Schedule(Seconds(4),
                            [=]() { t->Send(m4, SipTarget::Clear(ue, 5060, srv, 5060)); });
        Simulator::Stop(Seconds(6));
        Simulator::Run();

        IMS_TEST_REQUIRE_SIZE(atServer, 4, "the server application saw the four requests");
        const uint16_t sourcePorts[] = {5060, 5099, 5099, 5060};
        std::vector<WirePacket> requests = net.Find(true, "OPTIONS", 0);
        IMS_TEST_REQUIRE_SIZE(requests, 4, "four requests on the wire");
        for (size_t k = 0; k < 4; ++k)
        {
            const SipPacketInfo& i = atServer[k].info;
            NS_TEST_EXPECT_MSG_EQ(i.remoteAddress, ue, "request source address");
            NS_TEST_EXPECT_MSG_EQ(i.remotePort, sourcePorts[k], "request source port");
            NS_TEST_EXPECT_MSG_EQ(i.localAddress, srv, "request destination address");
            NS_TEST_EXPECT_MSG_EQ(i.localPort, 5060, "request destination port");
            NS_TEST_EXPECT_MSG_EQ(i.isProtected, false, "clear");
            NS_TEST_EXPECT_MSG_EQ(i.size, requests[k].payload.size(), "size = UDP payload");
            NS_TEST_EXPECT_MSG_EQ(requests[k].source, ue, "left from the UE address");
            NS_TEST_EXPECT_MSG_EQ(requests[k].sourcePort, sourcePorts[k], "left from the port");
        }
        // 18.2.1 / RFC 3581 as the application sees it
        SipVia s1 = *atServer[0].message.GetTopVia();
        NS_TEST_EXPECT_MSG_EQ(s1.GetReceived().value_or(""), AddressString(ue), "1: received");
        NS_TEST_EXPECT_MSG_EQ(s1.GetRport().value_or(0), 5060, "1: rport value");
        SipVia s2 = *atServer[1].message.GetTopVia();
        NS_TEST_EXPECT_MSG_EQ(s2.GetRport().value_or(0), 5099, "2: rport = source port");
        SipVia s3 = *atServer[2].message.GetTopVia();
        NS_TEST_EXPECT_MSG_EQ(s3.GetReceived().has_value(), false, "3: sent-by = source");
        NS_TEST_EXPECT_MSG_EQ(s3.HasRport(), false, "3: no rport");
        SipVia s4 = *atServer[3].message.GetTopVia();
        NS_TEST_EXPECT_MSG_EQ(s4.GetReceived().value_or(""), AddressString(ue), "4: received");

        // Where the responses went (wire, router -> UE)
        std::vector<WirePacket> responses = net.Find(false, "OPTIONS", 200);
        IMS_TEST_REQUIRE_SIZE(responses, 4, "four 200 on the wire");
        const uint16_t responsePorts[] = {5060, 5099, 5060, 5070};
        for (size_t k = 0; k < 4; ++k)
        {
            NS_TEST_EXPECT_MSG_EQ(responses[k].source, srv, "response source");
            NS_TEST_EXPECT_MSG_EQ(responses[k].sourcePort, 5060, "response source port");
            NS_TEST_EXPECT_MSG_EQ(responses[k].destination, ue, "response to received");
            NS_TEST_EXPECT_MSG_EQ(responses[k].destinationPort,
                                  responsePorts[k],
                                  "response port (rport, else sent-by)");
            NS_TEST_EXPECT_MSG_EQ(responses[k].message.GetTopVia()->GetBranch().value_or(""),
                                  requests[k].message.GetTopVia()->GetBranch().value_or("-"),
                                  "response Via copied");
        }
        // The UE got the three responses sent to ports it has sockets on (5060, 5099).
        IMS_TEST_REQUIRE_SIZE(atUe, 3, "responses received by the UE transport");
        NS_TEST_EXPECT_MSG_EQ(atUe[0].info.localPort, 5060, "1 at 5060");
        NS_TEST_EXPECT_MSG_EQ(atUe[1].info.localPort, 5099, "2 at 5099");
        NS_TEST_EXPECT_MSG_EQ(atUe[2].info.localPort, 5060, "3 at 5060");
        NS_TEST_EXPECT_MSG_EQ(atUe[1].info.localAddress, ue, "destination address");

        // Counters = wire
        SipMessageCounters::Count ueSent = t->GetSentCounters().GetRequests("OPTIONS");
        NS_TEST_EXPECT_MSG_EQ(ueSent.messages, 4, "UE sent OPTIONS");
        NS_TEST_EXPECT_MSG_EQ(ueSent.bytes, WireBytes(net, true), "UE sent bytes = wire");
        SipMessageCounters::Count srvRx = server->GetReceivedCounters().GetRequests("OPTIONS");
        NS_TEST_EXPECT_MSG_EQ(srvRx.messages, 4, "server received OPTIONS");
        NS_TEST_EXPECT_MSG_EQ(srvRx.bytes, WireBytes(net, true), "server received bytes");
        SipMessageCounters::Count srvTx = server->GetSentCounters().GetResponses("OPTIONS", 2);
        NS_TEST_EXPECT_MSG_EQ(srvTx.messages, 4, "server sent 2xx to OPTIONS");
        NS_TEST_EXPECT_MSG_EQ(srvTx.bytes, WireBytes(net, false), "server sent bytes = wire");
        NS_TEST_EXPECT_MSG_EQ(server->GetSentCounters().GetAllRequests().messages,
                              0,
                              "server sent no request");
        NS_TEST_EXPECT_MSG_EQ(t->GetReceivedCounters().GetResponses("OPTIONS").messages,
                              3,
                              "UE received 3 responses");
        NS_TEST_EXPECT_MSG_EQ(sentTraces, 4, "MessageSent fired per message");
        NS_TEST_EXPECT_MSG_EQ(receivedTraces, 4, "MessageReceived fired per message");
        auto entries = server->GetSentCounters().GetEntries();
        IMS_TEST_REQUIRE_SIZE(entries, 1, "one non-zero counter");
        NS_TEST_EXPECT_MSG_EQ(entries[0].isResponse, true, "a response counter");
        NS_TEST_EXPECT_MSG_EQ(+entries[0].statusClass, 2, "class 2");
    }
};

/**
 * \ingroup imssec-tests
 * A message sent from a chosen source address leaves from it, whatever ns-3's own source
 * address selection would pick; a source the node does not own is refused.
 */
class ImsTransportSourceAddressTestCase : public TestCase
{
  public:
    ImsTransportSourceAddressTestCase()
        : TestCase("a request from a chosen (non-default) source address leaves from it")
    {
    }

  private:
    void DoRun() override
    {
        ImsTestNetwork net;
        net.StartSip(false);
        std::vector<Seen> atServer;
        std::vector<Seen> atUe;
        Ptr<SipTransport> server = net.serverTransport;
        server->SetReceiveCallback(
            MakeCallback(+[](std::vector<Seen>* v,
                             Ptr<SipTransport> t,
                             const SipMessage& m,
                             const SipPacketInfo& i) {
                v->push_back({m, i});
                t->SendResponse(SipMessageFactory::CreateResponse(m, 200, "", "srv"), i);
            }).Bind(&atServer, server));
        net.ueTransport->SetReceiveCallback(
            MakeCallback(+[](std::vector<Seen>* v, const SipMessage& m, const SipPacketInfo& i) {
                v->push_back({m, i});
            }).Bind(&atUe));
        const Ipv6Address srv = ImsTestNetwork::SERVER_ADDRESS;
        Ptr<SipTransport> t = net.ueTransport;

        // First let ns-3 choose: which address is its default?
        SipMessage probe =
            MakeTestRequest("OPTIONS", ImsTestNetwork::UE_ADDRESS, 5060, "z9hG4bKp0", "p0");
        Simulator::Schedule(Seconds(1), [=]() {
            t->Send(probe, SipTarget::Clear(Ipv6Address::GetAny(), 5060, srv, 5060));
        });
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        std::vector<WirePacket> first = net.Find(true, "OPTIONS", 0);
        IMS_TEST_REQUIRE_SIZE(first, 1, "probe on the wire");
        Ipv6Address chosenByNs3 = first[0].source;
        NS_TEST_ASSERT_MSG_EQ((chosenByNs3 == ImsTestNetwork::UE_ADDRESS ||
                               chosenByNs3 == ImsTestNetwork::UE_ADDRESS_2),
                              true,
                              "ns-3 picked one of the UE addresses");
        Ipv6Address other = chosenByNs3 == ImsTestNetwork::UE_ADDRESS ? ImsTestNetwork::UE_ADDRESS_2
                                                                      : ImsTestNetwork::UE_ADDRESS;

        // Now from the other address, then from the default one named explicitly.
        SipMessage fromOther = MakeTestRequest("OPTIONS", other, 5060, "z9hG4bKp1", "p1");
        SipMessage fromDefault = MakeTestRequest("OPTIONS", chosenByNs3, 5060, "z9hG4bKp2", "p2");
        SipMessage fromForeign =
            MakeTestRequest("OPTIONS", Ipv6Address("2001:9::1"), 5060, "z9hG4bKp3", "p3");
        bool foreignSent = true;
        Simulator::Schedule(Seconds(1), [=]() {
            t->Send(fromOther, SipTarget::Clear(other, 5060, srv, 5060));
        });
        Simulator::Schedule(Seconds(2), [=]() {
            t->Send(fromDefault, SipTarget::Clear(chosenByNs3, 5060, srv, 5060));
        });
        Simulator::Schedule(Seconds(3), [=, &foreignSent]() {
            foreignSent =
                t->Send(fromForeign, SipTarget::Clear(Ipv6Address("2001:9::1"), 5060, srv, 5060));
        });
        Simulator::Stop(Seconds(5));
        Simulator::Run();

        std::vector<WirePacket> all = net.Find(true, "OPTIONS", 0);
        IMS_TEST_REQUIRE_SIZE(all, 3, "probe + two requests on the wire (not the foreign one)");
        NS_TEST_EXPECT_MSG_EQ(all[1].source, other, "left from the chosen, non-default address");
        NS_TEST_EXPECT_MSG_EQ(all[1].sourcePort, 5060, "from port 5060");
        NS_TEST_EXPECT_MSG_EQ(all[2].source, chosenByNs3, "left from the address named");
        NS_TEST_EXPECT_MSG_EQ(foreignSent, false, "a foreign source is refused");
        NS_TEST_EXPECT_MSG_EQ(t->GetDropCount(SipTransport::SOURCE_NOT_LOCAL), 1, "counted");
        NS_TEST_EXPECT_MSG_EQ(t->GetSentCounters().GetRequests("OPTIONS").messages,
                              3,
                              "refused message not counted as sent");
        IMS_TEST_REQUIRE_SIZE(atServer, 3, "server saw three requests");
        NS_TEST_EXPECT_MSG_EQ(atServer[1].info.remoteAddress, other, "server sees the source");
        std::vector<WirePacket> responses = net.Find(false, "OPTIONS", 200);
        IMS_TEST_REQUIRE_SIZE(responses, 3, "three responses");
        NS_TEST_EXPECT_MSG_EQ(responses[1].destination, other, "answer to the chosen address");
        IMS_TEST_REQUIRE_SIZE(atUe, 3, "UE got three responses");
        NS_TEST_EXPECT_MSG_EQ(atUe[1].info.localAddress, other, "received on that address");
        // The socket of the chosen address can be released (the address is given up).
        NS_TEST_EXPECT_MSG_GT(t->ReleaseLocalAddress(other), 0, "socket of the address closed");
        NS_TEST_EXPECT_MSG_EQ(t->ReleaseLocalAddress(other), 0, "nothing left to close");
    }
};

/**
 * \ingroup imssec-tests
 * Malformed datagrams: a request with a readable Via gets a well-formed 400 (the same To tag
 * for a retransmission); garbage, responses, ACKs and requests without a readable Via are
 * dropped; all are counted and traced; the application sees none.
 */
class ImsTransportMalformedTestCase : public TestCase
{
  public:
    ImsTransportMalformedTestCase()
        : TestCase("malformed datagrams: 400 when the Via is readable, else dropped; counted")
    {
    }

  private:
    void DoRun() override
    {
        ImsTestNetwork net;
        net.StartSip(false);
        uint32_t delivered = 0;
        net.serverTransport->SetReceiveCallback(
            MakeCallback(+[](uint32_t* n, const SipMessage&, const SipPacketInfo&) {
                ++*n;
            }).Bind(&delivered));
        std::vector<bool> answered;
        std::vector<SipParseError> errors;
        net.serverTransport->TraceConnectWithoutContext(
            "ParseError",
            MakeCallback(+[](std::vector<bool>* a,
                             std::vector<SipParseError>* e,
                             Ptr<const Packet>,
                             const SipPacketInfo&,
                             const SipParseError& error,
                             bool wasAnswered) {
                a->push_back(wasAnswered);
                e->push_back(error);
            }).Bind(&answered, &errors));

        const std::string ue = AddressString(ImsTestNetwork::UE_ADDRESS);
        const std::string via = "Via: SIP/2.0/UDP [" + ue + "]:5060;branch=z9hG4bKbad1;rport\r\n";
        // (a) valid framing, no Max-Forwards: Validate fails
        std::string a = "OPTIONS sip:remote@ims.example SIP/2.0\r\n" + via +
                        "From: <sip:ue1@ims.example>;tag=f1\r\nTo: <sip:remote@ims.example>\r\n"
                        "Call-ID: bad-1\r\nCSeq: 7 OPTIONS\r\nContent-Length: 0\r\n\r\n";
        // (b) a header line without a colon: Parse fails, the Via is still readable
        std::string b = "OPTIONS sip:remote@ims.example SIP/2.0\r\n"
                        "Via: SIP/2.0/UDP [" +
                        ue +
                        "]:5060;branch=z9hG4bKbad2;rport\r\nMax-Forwards: 70\r\n"
                        "this line has no colon\r\n"
                        "f: <sip:ue1@ims.example>;tag=f2\r\nt: <sip:remote@ims.example>\r\n"
                        "i: bad-2\r\nCSeq: 8 OPTIONS\r\n\r\n";
        // (c) garbage, (d) a malformed response, (e) a malformed ACK, (f) no readable Via
        std::string c = "hello world\r\n\r\n";
        std::string d = "SIP/2.0 200 OK\r\n" + via + "Content-Length: 0\r\n\r\n";
        std::string e = "ACK sip:remote@ims.example SIP/2.0\r\n" + via + "CSeq: 1 ACK\r\n\r\n";
        std::string f = "OPTIONS sip:remote@ims.example SIP/2.0\r\nVia: garbage\r\n"
                        "CSeq: 1 OPTIONS\r\n\r\n";
        net.SendRaw(Seconds(1.0),
                    net.ue,
                    ImsTestNetwork::UE_ADDRESS,
                    5070,
                    ImsTestNetwork::SERVER_ADDRESS,
                    5060,
                    a);
        net.SendRaw(Seconds(1.1),
                    net.ue,
                    ImsTestNetwork::UE_ADDRESS,
                    5070,
                    ImsTestNetwork::SERVER_ADDRESS,
                    5060,
                    b);
        net.SendRaw(Seconds(1.2),
                    net.ue,
                    ImsTestNetwork::UE_ADDRESS,
                    5070,
                    ImsTestNetwork::SERVER_ADDRESS,
                    5060,
                    c);
        net.SendRaw(Seconds(1.3),
                    net.ue,
                    ImsTestNetwork::UE_ADDRESS,
                    5070,
                    ImsTestNetwork::SERVER_ADDRESS,
                    5060,
                    d);
        net.SendRaw(Seconds(1.4),
                    net.ue,
                    ImsTestNetwork::UE_ADDRESS,
                    5070,
                    ImsTestNetwork::SERVER_ADDRESS,
                    5060,
                    e);
        net.SendRaw(Seconds(1.5),
                    net.ue,
                    ImsTestNetwork::UE_ADDRESS,
                    5070,
                    ImsTestNetwork::SERVER_ADDRESS,
                    5060,
                    f);
        net.SendRaw(Seconds(1.6),
                    net.ue,
                    ImsTestNetwork::UE_ADDRESS,
                    5070,
                    ImsTestNetwork::SERVER_ADDRESS,
                    5060,
                    a); // (a) again: a retransmission
        Simulator::Stop(Seconds(3));
        Simulator::Run();

        Ptr<SipTransport> s = net.serverTransport;
        NS_TEST_EXPECT_MSG_EQ(delivered, 0, "the application sees no malformed datagram");
        NS_TEST_EXPECT_MSG_EQ(s->GetParseErrorCount(), 7, "seven malformed datagrams");
        NS_TEST_EXPECT_MSG_EQ(s->GetParseErrorBytes(),
                              2 * a.size() + b.size() + c.size() + d.size() + e.size() + f.size(),
                              "their bytes");
        NS_TEST_EXPECT_MSG_EQ(s->GetBadRequestAnsweredCount(), 3, "three 400 sent");
        IMS_TEST_REQUIRE_SIZE(answered, 7, "ParseError fired for each");
        const bool expected[] = {true, true, false, false, false, false, true};
        for (size_t k = 0; k < 7; ++k)
        {
            NS_TEST_EXPECT_MSG_EQ(answered[k], expected[k], "answered flag " << k);
        }
        NS_TEST_EXPECT_MSG_EQ(errors[0].GetCode(), SipParseError::MISSING_HEADER, "(a) reason");
        NS_TEST_EXPECT_MSG_EQ(errors[1].GetCode(), SipParseError::BAD_HEADER_LINE, "(b) reason");
        NS_TEST_EXPECT_MSG_EQ(s->GetReceivedCounters().GetTotal().messages, 0, "none counted");

        // On the wire: three 400, well-formed, back to the source port (rport).
        std::vector<WirePacket> back = net.Sip(false);
        IMS_TEST_REQUIRE_SIZE(back, 3, "three SIP messages toward the UE");
        for (const WirePacket& w : back)
        {
            NS_TEST_EXPECT_MSG_EQ(w.message.GetStatusCode(), 400, "a 400");
            NS_TEST_EXPECT_MSG_EQ(w.destinationPort, 5070, "to the source port (rport)");
            NS_TEST_EXPECT_MSG_EQ(w.sourcePort, 5060, "from the port it arrived on");
            SipParseResult r =
                SipParser::ParseAndValidate(reinterpret_cast<const uint8_t*>(w.payload.data()),
                                            w.payload.size());
            NS_TEST_EXPECT_MSG_EQ(r.IsOk(), true, "our 400 is valid SIP: " + w.payload);
            SipVia v = *w.message.GetTopVia();
            NS_TEST_EXPECT_MSG_EQ(v.GetRport().value_or(0), 5070, "rport filled");
            NS_TEST_EXPECT_MSG_EQ(v.GetReceived().value_or(""), ue, "received filled");
            NS_TEST_EXPECT_MSG_EQ(w.message.GetTo()->GetTag().has_value(), true, "To tag");
        }
        NS_TEST_EXPECT_MSG_EQ(back[0].message.GetTopVia()->GetBranch().value_or(""),
                              "z9hG4bKbad1",
                              "(a) branch");
        NS_TEST_EXPECT_MSG_EQ(back[1].message.GetTopVia()->GetBranch().value_or(""),
                              "z9hG4bKbad2",
                              "(b) branch, from the salvaged Via");
        NS_TEST_EXPECT_MSG_EQ(back[1].message.GetCseq()->ToString(), "8 OPTIONS", "(b) CSeq");
        NS_TEST_EXPECT_MSG_EQ(back[1].message.GetCallId().value_or(""), "bad-2", "(b) Call-ID");
        NS_TEST_EXPECT_MSG_EQ(*back[0].message.GetTo()->GetTag(),
                              *back[2].message.GetTo()->GetTag(),
                              "a retransmission gets the same To tag (stateless, 8.2.7)");
        NS_TEST_EXPECT_MSG_NE(*back[0].message.GetTo()->GetTag(),
                              *back[1].message.GetTo()->GetTag(),
                              "another request gets another tag");
        NS_TEST_EXPECT_MSG_EQ(s->GetSentCounters().GetResponses("OPTIONS", 4).messages,
                              3,
                              "400 counted as sent");
    }
};

/**
 * \ingroup imssec-tests
 * Protected exchanges over the four SAs installed with IpsecStack on both nodes: requests in
 * both directions arrive with the SPI and SA set of the inbound SA in the info; responses go
 * back through the IPsec layer from the port the request arrived on; on the wire every
 * message is ESP with the expected SPI and inner ports.
 */
class ImsTransportProtectedTestCase : public TestCase
{
  public:
    ImsTransportProtectedTestCase()
        : TestCase("protected requests and responses over real SAs: SPIs in info and on wire")
    {
    }

  private:
    void DoRun() override
    {
        ImsTestNetwork net;
        net.InstallIpsec();
        net.StartSip(false);
        uint32_t ueSet = net.ueIpsec->InstallSaSet(SaParameters(IpsecSaSetParameters::Side::UE));
        uint32_t srvSet =
            net.serverIpsec->InstallSaSet(SaParameters(IpsecSaSetParameters::Side::PCSCF));
        NS_TEST_ASSERT_MSG_GT(ueSet, 0, "UE SA set installed");
        NS_TEST_ASSERT_MSG_GT(srvSet, 0, "server SA set installed");
        Ptr<SipTransport> ue = net.ueTransport;
        Ptr<SipTransport> srv = net.serverTransport;
        NS_TEST_EXPECT_MSG_EQ(ue->OpenProtectedPort(31000), true, "UE port-c");
        NS_TEST_EXPECT_MSG_EQ(ue->OpenProtectedPort(31001), true, "UE port-s");
        NS_TEST_EXPECT_MSG_EQ(ue->OpenProtectedPort(31001), false, "already open");
        NS_TEST_EXPECT_MSG_EQ(ue->OpenProtectedPort(5060), false, "the clear port");
        NS_TEST_EXPECT_MSG_EQ(srv->OpenProtectedPort(5062), true, "server port-c");
        NS_TEST_EXPECT_MSG_EQ(srv->OpenProtectedPort(5064), true, "server port-s");

        std::vector<Seen> atServer;
        std::vector<Seen> atUe;
        // Both answer requests with 200 through SendResponse.
        auto answer = +[](std::vector<Seen>* v,
                          Ptr<SipTransport> t,
                          const SipMessage& m,
                          const SipPacketInfo& i) {
            v->push_back({m, i});
            if (m.IsRequest())
            {
                t->SendResponse(SipMessageFactory::CreateResponse(m, 200, "", "tag"), i);
            }
        };
        srv->SetReceiveCallback(MakeCallback(answer).Bind(&atServer, srv));
        ue->SetReceiveCallback(MakeCallback(answer).Bind(&atUe, ue));

        const Ipv6Address ueAddr = ImsTestNetwork::UE_ADDRESS;
        const Ipv6Address srvAddr = ImsTestNetwork::SERVER_ADDRESS;
        SipMessage reg = MakeTestRequest("REGISTER", ueAddr, 31000, "z9hG4bKprot1", "r1");
        SipVia srvVia("UDP", AddressString(srvAddr), 5062, "z9hG4bKprot2");
        SipMessage msg = SipMessageFactory::CreateRequest(
            "MESSAGE",
            SipUri("ue1", AddressString(ueAddr), 31001),
            srvVia,
            SipNameAddr(SipUri("", "ims.example", std::nullopt)),
            SipNameAddr(SipUri("ue1", "ims.example", std::nullopt)),
            "m1",
            1);
        bool regSent = false;
        bool msgSent = false;
        Simulator::Schedule(Seconds(1), [&]() {
            regSent = ue->Send(reg, SipTarget::Protected(ueAddr, 31000, srvAddr, 5064));
        });
        Simulator::Schedule(Seconds(2), [&]() {
            msgSent = srv->Send(msg, SipTarget::Protected(srvAddr, 5062, ueAddr, 31001));
        });
        Simulator::Stop(Seconds(3));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(regSent, true, "UE request sent protected");
        NS_TEST_EXPECT_MSG_EQ(msgSent, true, "server request sent protected");
        IMS_TEST_REQUIRE_SIZE(atServer, 2, "server: REGISTER and the 200 to MESSAGE");
        IMS_TEST_REQUIRE_SIZE(atUe, 2, "UE: the 200 to REGISTER and MESSAGE");
        const SipPacketInfo& r = atServer[0].info;
        NS_TEST_EXPECT_MSG_EQ(atServer[0].message.GetMethod(), "REGISTER", "REGISTER");
        NS_TEST_EXPECT_MSG_EQ(r.isProtected, true, "arrived protected");
        NS_TEST_EXPECT_MSG_EQ(r.spi, 0x2002, "through the server's spi-s");
        NS_TEST_EXPECT_MSG_EQ(r.saSetHandle, srvSet, "of the server's SA set");
        NS_TEST_EXPECT_MSG_EQ(r.localPort, 5064, "on port-s");
        NS_TEST_EXPECT_MSG_EQ(r.remotePort, 31000, "from the UE's port-c");
        const SipPacketInfo& a = atUe[0].info;
        NS_TEST_EXPECT_MSG_EQ(atUe[0].message.GetStatusCode(), 200, "the 200 to REGISTER");
        NS_TEST_EXPECT_MSG_EQ(a.isProtected, true, "200 arrived protected");
        NS_TEST_EXPECT_MSG_EQ(a.spi, 0x1001, "through the UE's spi-c");
        NS_TEST_EXPECT_MSG_EQ(a.saSetHandle, ueSet, "of the UE's SA set");
        NS_TEST_EXPECT_MSG_EQ(a.localPort, 31000, "on the UE's port-c");
        NS_TEST_EXPECT_MSG_EQ(atUe[1].info.spi, 0x1002, "MESSAGE through the UE's spi-s");
        NS_TEST_EXPECT_MSG_EQ(atUe[1].info.localPort, 31001, "on the UE's port-s");
        NS_TEST_EXPECT_MSG_EQ(atServer[1].info.spi, 0x2001, "its 200 through the server's spi-c");
        NS_TEST_EXPECT_MSG_EQ(atServer[1].info.localPort, 5062, "on the server's port-c");

        // The wire: four ESP packets, SPIs and inner ports as TS 33.203 pairs them.
        std::vector<WirePacket> up = net.Sip(true);
        std::vector<WirePacket> down = net.Sip(false);
        IMS_TEST_REQUIRE_SIZE(up, 2, "two SIP packets from the UE");
        IMS_TEST_REQUIRE_SIZE(down, 2, "two SIP packets to the UE");

        struct Expect
        {
            const WirePacket* w;
            uint32_t spi;
            uint16_t sport;
            uint16_t dport;
            std::string what;
        };

        const Expect expect[] = {{&up[0], 0x2002, 31000, 5064, "REGISTER"},
                                 {&down[0], 0x1001, 5064, 31000, "200 REGISTER"},
                                 {&down[1], 0x1002, 5062, 31001, "MESSAGE"},
                                 {&up[1], 0x2001, 31001, 5062, "200 MESSAGE"}};
        for (const Expect& e : expect)
        {
            NS_TEST_EXPECT_MSG_EQ(+e.w->nextHeader, 50, e.what << " is ESP");
            NS_TEST_EXPECT_MSG_EQ(e.w->spi, e.spi, e.what << " SPI");
            NS_TEST_EXPECT_MSG_EQ(e.w->sourcePort, e.sport, e.what << " inner source port");
            NS_TEST_EXPECT_MSG_EQ(e.w->destinationPort, e.dport, e.what << " inner dest port");
            NS_TEST_EXPECT_MSG_EQ(e.w->Describe(), e.what, "message");
        }
        NS_TEST_EXPECT_MSG_EQ(up[0].source, ueAddr, "from the UE address");
        NS_TEST_EXPECT_MSG_EQ(net.ueIpsec->GetAcceptedCount(), 2, "UE accepted two ESP");
        NS_TEST_EXPECT_MSG_EQ(net.serverIpsec->GetAcceptedCount(), 2, "server accepted two");
        NS_TEST_EXPECT_MSG_EQ(srv->GetReceivedCounters().GetRequests("REGISTER").bytes,
                              up[0].payload.size(),
                              "protected bytes counted (SIP text)");
    }
};

/**
 * \ingroup imssec-tests
 * A clear datagram to a protected port that a policy protects is dropped and counted by
 * both layers; one no policy covers is delivered as clear; a protected send with no SA is
 * refused; closing a protected port.
 */
class ImsTransportClearOnProtectedTestCase : public TestCase
{
  public:
    ImsTransportClearOnProtectedTestCase()
        : TestCase("clear datagram to a protected port dropped and counted; no SA refused")
    {
    }

  private:
    void DoRun() override
    {
        ImsTestNetwork net;
        net.InstallIpsec();
        net.StartSip(false);
        net.ueIpsec->InstallSaSet(SaParameters(IpsecSaSetParameters::Side::UE));
        net.serverIpsec->InstallSaSet(SaParameters(IpsecSaSetParameters::Side::PCSCF));
        Ptr<SipTransport> ue = net.ueTransport;
        Ptr<SipTransport> srv = net.serverTransport;
        srv->OpenProtectedPort(5062);
        srv->OpenProtectedPort(5064);
        std::vector<Seen> atServer;
        srv->SetReceiveCallback(
            MakeCallback(+[](std::vector<Seen>* v, const SipMessage& m, const SipPacketInfo& i) {
                v->push_back({m, i});
            }).Bind(&atServer));
        std::vector<SipTransport::DropReason> drops;
        srv->TraceConnectWithoutContext("Drop",
                                        MakeCallback(+[](std::vector<SipTransport::DropReason>* v,
                                                         Ptr<const Packet>,
                                                         const SipPacketInfo&,
                                                         SipTransport::DropReason r) {
                                            v->push_back(r);
                                        }).Bind(&drops));

        const Ipv6Address ueAddr = ImsTestNetwork::UE_ADDRESS;
        const Ipv6Address srvAddr = ImsTestNetwork::SERVER_ADDRESS;
        // In clear from port-c to port-s: the SA's inbound policy says protect.
        SipMessage clear = MakeTestRequest("REGISTER", ueAddr, 31000, "z9hG4bKclr1", "x1");
        // In clear from a port no SA covers: no policy, delivered as clear.
        SipMessage other = MakeTestRequest("OPTIONS", ueAddr, 40000, "z9hG4bKclr2", "x2");
        // Protected from a port no SA covers: refused by the IPsec layer.
        SipMessage noSa = MakeTestRequest("OPTIONS", ueAddr, 40000, "z9hG4bKclr3", "x3");
        bool clearSent = false;
        bool noSaSent = true;
        Simulator::Schedule(Seconds(1), [&]() {
            clearSent = ue->Send(clear, SipTarget::Clear(ueAddr, 31000, srvAddr, 5064));
        });
        Simulator::Schedule(Seconds(2), [&]() {
            ue->Send(other, SipTarget::Clear(ueAddr, 40000, srvAddr, 5064));
        });
        Simulator::Schedule(Seconds(3), [&]() {
            noSaSent = ue->Send(noSa, SipTarget::Protected(ueAddr, 40000, srvAddr, 5064));
        });
        Simulator::Stop(Seconds(4));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(clearSent, true, "the clear datagram left");
        std::vector<WirePacket> up = net.Sip(true);
        IMS_TEST_REQUIRE_SIZE(up, 2, "two clear datagrams on the wire, nothing for the third");
        NS_TEST_EXPECT_MSG_EQ(+up[0].nextHeader, 17, "clear UDP");
        NS_TEST_EXPECT_MSG_EQ(up[0].destinationPort, 5064, "to the protected port");
        IMS_TEST_REQUIRE_SIZE(atServer, 1, "only the datagram no policy covers is delivered");
        NS_TEST_EXPECT_MSG_EQ(atServer[0].message.GetMethod(), "OPTIONS", "that one");
        NS_TEST_EXPECT_MSG_EQ(atServer[0].info.isProtected, false, "delivered as clear");
        NS_TEST_EXPECT_MSG_EQ(srv->GetDropCount(SipTransport::CLEAR_ON_PROTECTED_PORT),
                              1,
                              "transport counted the drop");
        IMS_TEST_REQUIRE_SIZE(drops, 1, "Drop trace fired once");
        NS_TEST_EXPECT_MSG_EQ(drops[0], SipTransport::CLEAR_ON_PROTECTED_PORT, "reason");
        NS_TEST_EXPECT_MSG_EQ(net.serverIpsec->GetDropCount(IpsecStack::ARRIVED_CLEAR),
                              1,
                              "IPsec layer counted arrived-clear");
        NS_TEST_EXPECT_MSG_EQ(srv->GetReceivedCounters().GetRequests("REGISTER").messages,
                              0,
                              "not counted as received SIP");
        NS_TEST_EXPECT_MSG_EQ(net.Sip(false).size(), 0, "no answer went back");
        NS_TEST_EXPECT_MSG_EQ(noSaSent, false, "protected send without SA refused");
        NS_TEST_EXPECT_MSG_EQ(ue->GetDropCount(SipTransport::NO_OUTBOUND_SA), 1, "counted");
        NS_TEST_EXPECT_MSG_EQ(net.ueIpsec->GetDropCount(IpsecStack::NO_OUTBOUND_SA),
                              1,
                              "and by the IPsec layer");
        NS_TEST_EXPECT_MSG_EQ(
            ue->Send(noSa, SipTarget::Protected(Ipv6Address::GetAny(), 31000, srvAddr, 5064)),
            false,
            "protected needs a source address");
        NS_TEST_EXPECT_MSG_EQ(ue->GetDropCount(SipTransport::SOURCE_NOT_LOCAL), 1, "counted");
        NS_TEST_EXPECT_MSG_EQ(srv->CloseProtectedPort(5064), true, "closed");
        NS_TEST_EXPECT_MSG_EQ(srv->IsProtectedPort(5064), false, "no longer protected");
        NS_TEST_EXPECT_MSG_EQ(srv->CloseProtectedPort(5064), false, "not open any more");
        NS_TEST_EXPECT_MSG_EQ(srv->IsProtectedPort(5062), true, "the other stays");
    }
};

/**
 * \ingroup imssec-tests
 * RFC 3261 18.2.2 / RFC 3581 response destinations from a Via alone.
 */
class ImsTransportResponseDestinationTestCase : public TestCase
{
  public:
    ImsTransportResponseDestinationTestCase()
        : TestCase("response destination from Via: received, rport, sent-by, default port")
    {
    }

  private:
    void DoRun() override
    {
        struct Case
        {
            std::string via;
            bool ok;
            std::string address;
            uint16_t port;
        };

        const Case cases[] = {
            {"SIP/2.0/UDP [2001:1::1]:5070;branch=z9hG4bK1", true, "2001:1::1", 5070},
            {"SIP/2.0/UDP [2001:1::1];branch=z9hG4bK1", true, "2001:1::1", 5060},
            {"SIP/2.0/UDP [2001:1::1]:5070;branch=z9hG4bK1;received=2001:2::2",
             true,
             "2001:2::2",
             5070},
            {"SIP/2.0/UDP [2001:1::1]:5070;branch=z9hG4bK1;received=2001:2::2;rport=6000",
             true,
             "2001:2::2",
             6000},
            {"SIP/2.0/UDP ue.example:5070;branch=z9hG4bK1;received=2001:2::2",
             true,
             "2001:2::2",
             5070},
            {"SIP/2.0/UDP ue.example:5070;branch=z9hG4bK1", false, "", 0},
        };
        for (const Case& c : cases)
        {
            SipVia via;
            NS_TEST_ASSERT_MSG_EQ(SipVia::Parse(c.via, &via, nullptr), true, c.via);
            Ipv6Address address;
            uint16_t port = 0;
            bool ok = SipTransport::GetResponseDestination(via, &address, &port);
            NS_TEST_EXPECT_MSG_EQ(ok, c.ok, c.via);
            if (ok)
            {
                NS_TEST_EXPECT_MSG_EQ(address, Ipv6Address(c.address.c_str()), c.via);
                NS_TEST_EXPECT_MSG_EQ(port, c.port, c.via);
            }
        }
        // Hash tokens: 16 hex digits, deterministic, different inputs differ.
        std::string h = SipTransport::MakeHashToken("abc");
        NS_TEST_EXPECT_MSG_EQ(h, "a9993e364706816a", "SHA-1('abc') (FIPS 180 example), 8 bytes");
        NS_TEST_EXPECT_MSG_NE(SipTransport::MakeHashToken("abd"), h, "another input");
    }
};

/**
 * \ingroup imssec-tests
 * Messages at the size limit (RFC 3261 18.1.1 with UDP only): one of exactly
 * SipTransport::MAX_SEND_SIZE bytes leaves (fragmented) and arrives; one byte more is refused,
 * counted and traced as message-too-large, and the transaction layer sees a transport error.
 */
class ImsTransportOversizeTestCase : public TestCase
{
  public:
    ImsTransportOversizeTestCase()
        : TestCase("a message larger than MAX_SEND_SIZE is refused, counted and traced")
    {
    }

  private:
    /**
     * \param branch the Via branch
     * \param size the encoded size wanted
     * \returns an OPTIONS from the UE whose encoding has that size (padded with a body)
     */
    static SipMessage Sized(const std::string& branch, size_t size)
    {
        SipMessage m = MakeTestRequest("OPTIONS", ImsTestNetwork::UE_ADDRESS, 5060, branch);
        size_t body = size - m.Encode().size();
        m.SetBody(std::string(body, 'x'));
        // Content-Length has more digits now
        m.SetBody(std::string(body - (m.Encode().size() - size), 'x'));
        return m;
    }

    void DoRun() override
    {
        ImsTestNetwork net;
        net.StartSip(true);
        std::vector<Seen> atServer;
        net.serverTransport->SetReceiveCallback(
            MakeCallback(+[](std::vector<Seen>* v, const SipMessage& m, const SipPacketInfo& i) {
                v->push_back({m, i});
            }).Bind(&atServer));
        std::vector<std::string> drops;
        net.ueTransport->TraceConnectWithoutContext(
            "Drop",
            MakeCallback(+[](std::vector<std::string>* v,
                             Ptr<const Packet>,
                             const SipPacketInfo& i,
                             SipTransport::DropReason r) {
                v->push_back(SipTransport::GetDropReasonName(r) + " " + std::to_string(i.size));
            }).Bind(&drops));
        const SipTarget target = SipTarget::Clear(ImsTestNetwork::UE_ADDRESS,
                                                  5060,
                                                  ImsTestNetwork::SERVER_ADDRESS,
                                                  5060);
        SipMessage largest = Sized("z9hG4bKmax", SipTransport::MAX_SEND_SIZE);
        SipMessage tooLarge = Sized("z9hG4bKover", SipTransport::MAX_SEND_SIZE + 1);
        SipMessage tooLarge2 = Sized("z9hG4bKover2", SipTransport::MAX_SEND_SIZE + 1);
        NS_TEST_ASSERT_MSG_EQ(largest.Encode().size(), SipTransport::MAX_SEND_SIZE, "sized");
        NS_TEST_ASSERT_MSG_EQ(tooLarge.Encode().size(), SipTransport::MAX_SEND_SIZE + 1, "sized");
        Ptr<SipTransport> t = net.ueTransport;
        Ptr<SipTransactionManager> tm = net.ueManager;
        bool largestSent = false;
        bool tooLargeSent = true;
        uint64_t handle = 1;
        Simulator::Schedule(Seconds(1), [&]() {
            largestSent = t->Send(largest, target);
            tooLargeSent = t->Send(tooLarge, target);
            handle = tm->SendRequest(tooLarge2, target, SipTransactionManager::ClientCallbacks());
        });
        Simulator::Stop(Seconds(3));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(largestSent, true, "a message of MAX_SEND_SIZE leaves");
        NS_TEST_EXPECT_MSG_EQ(tooLargeSent, false, "one byte more is refused");
        NS_TEST_EXPECT_MSG_EQ(handle, 0, "the transaction layer sees a transport error");
        NS_TEST_EXPECT_MSG_EQ(tm->GetTransportErrorCount(), 1, "and counts it");
        NS_TEST_EXPECT_MSG_EQ(t->GetDropCount(SipTransport::MESSAGE_TOO_LARGE), 2, "counted");
        IMS_TEST_REQUIRE_SIZE(drops, 2, "traced");
        NS_TEST_EXPECT_MSG_EQ(drops[0],
                              "message-too-large " +
                                  std::to_string(SipTransport::MAX_SEND_SIZE + 1),
                              "with the reason and the size");
        NS_TEST_EXPECT_MSG_EQ(t->GetSentCounters().GetRequests("OPTIONS").messages,
                              1,
                              "refused messages are not counted as sent");
        IMS_TEST_REQUIRE_SIZE(atServer, 1, "the largest one arrived, alone");
        NS_TEST_EXPECT_MSG_EQ(atServer[0].info.size, SipTransport::MAX_SEND_SIZE, "whole");
    }
};

/**
 * \ingroup imssec-tests
 * The SIP transport suite.
 */
class ImsTransportTestSuite : public TestSuite
{
  public:
    ImsTransportTestSuite()
        : TestSuite("imssec-ims-transport", UNIT)
    {
        AddTestCase(new ImsTransportResponseDestinationTestCase, TestCase::QUICK);
        AddTestCase(new ImsTransportClearTestCase, TestCase::QUICK);
        AddTestCase(new ImsTransportSourceAddressTestCase, TestCase::QUICK);
        AddTestCase(new ImsTransportMalformedTestCase, TestCase::QUICK);
        AddTestCase(new ImsTransportProtectedTestCase, TestCase::QUICK);
        AddTestCase(new ImsTransportClearOnProtectedTestCase, TestCase::QUICK);
        AddTestCase(new ImsTransportOversizeTestCase, TestCase::QUICK);
    }
};

static ImsTransportTestSuite g_imsTransportTestSuite; //!< the suite
