/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// SipTransactionManager (RFC 3261 section 17 over UDP) on a UE -- router -- server network
// whose UE link loses chosen packets: retransmission schedules and timeouts read from the
// packets on the wire, absorbed retransmissions, INVITE with 1xx/2xx and with 486 (the ACK the
// transaction generates), CANCEL, stray responses, stateless requests, transport errors.
#include "ims-test-network.h"

#include "ns3/error-model.h"
#include "ns3/ipsec-sa-set-parameters.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/simulator.h"
#include "ns3/sip-message-factory.h"
#include "ns3/test.h"

#include <memory>

using namespace ns3;
using namespace ns3::tests;

namespace
{

/** What a client transaction reported. */
struct ClientLog
{
    std::vector<uint16_t> codes;       //!< status codes passed up
    std::vector<Time> times;           //!< when
    std::vector<Time> timeouts;        //!< onTimeout times
    std::vector<Time> transportErrors; //!< onTransportError times
};

/**
 * \param log where to record
 * \returns callbacks recording into log
 */
SipTransactionManager::ClientCallbacks
Recorder(ClientLog* log)
{
    SipTransactionManager::ClientCallbacks cb;
    cb.onResponse = MakeCallback(+[](ClientLog* l, const SipMessage& m, const SipPacketInfo&) {
                        l->codes.push_back(m.GetStatusCode());
                        l->times.push_back(Simulator::Now());
                    }).Bind(log);
    cb.onTimeout =
        MakeCallback(+[](ClientLog* l) { l->timeouts.push_back(Simulator::Now()); }).Bind(log);
    cb.onTransportError = MakeCallback(+[](ClientLog* l) {
                              l->transportErrors.push_back(Simulator::Now());
                          }).Bind(log);
    return cb;
}

/** A request the server application saw. */
struct ServerSeen
{
    SipMessage request; //!< the request
    uint64_t handle;    //!< its server transaction (0: none)
    Time time;          //!< when
};

/**
 * \param packets wire packets
 * \param origin time subtracted
 * \returns their times minus origin, in milliseconds
 */
std::vector<int64_t>
RelativeMs(const std::vector<WirePacket>& packets, Time origin)
{
    std::vector<int64_t> out;
    for (const WirePacket& w : packets)
    {
        out.push_back((w.time - origin).GetMilliSeconds());
    }
    return out;
}

/**
 * \param count shared counter
 * \param first number of matching packets to drop
 * \param method request method (status 0) or CSeq method
 * \param status 0 for requests, else status code
 * \returns a rule dropping the first `first` such packets (all when first < 0)
 */
ImsTestDropModel::Rule
DropFirst(std::shared_ptr<int> count, int first, std::string method, uint16_t status)
{
    return [=](const WirePacket& w) {
        if (!w.isSip)
        {
            return false;
        }
        bool match = status == 0 ? (w.message.IsRequest() && w.message.GetMethod() == method)
                                 : (w.message.IsResponse() && w.message.GetStatusCode() == status);
        if (!match)
        {
            return false;
        }
        ++*count;
        return first < 0 || *count <= first;
    };
}

/**
 * \param handle a server transaction handle
 * \param manager the server's manager
 * \param code status code
 * \param toTag To tag
 */
void
Answer(Ptr<SipTransactionManager> manager, uint64_t handle, uint16_t code, std::string toTag)
{
    const SipMessage* request = manager->GetRequest(handle);
    if (request)
    {
        manager->SendResponse(handle, SipMessageFactory::CreateResponse(*request, code, "", toTag));
    }
}

} // namespace

/**
 * \ingroup imssec-tests
 * Every REGISTER lost: retransmitted at 0.5, 1.5, 3.5, 7.5, 11.5 ... 31.5 s (Timer E: T1
 * doubling up to T2), timeout at 64*T1 = 32 s (Timer F), nothing else reported.
 */
class ImsTransactionTimerFTestCase : public TestCase
{
  public:
    ImsTransactionTimerFTestCase()
        : TestCase("non-INVITE, all lost: Timer E schedule on the wire, Timer F at 64*T1")
    {
    }

  private:
    void DoRun() override
    {
        ImsTestNetwork net;
        net.StartSip();
        auto dropped = std::make_shared<int>(0);
        net.DropFromUe(DropFirst(dropped, -1, "REGISTER", 0));
        ClientLog log;
        uint32_t serverSaw = 0;
        net.serverManager->SetRequestHandler(
            MakeCallback(+[](uint32_t* n, const SipMessage&, const SipPacketInfo&, uint64_t) {
                ++*n;
            }).Bind(&serverSaw));
        SipMessage reg =
            MakeTestRequest("REGISTER", ImsTestNetwork::UE_ADDRESS, 5060, "z9hG4bKreg1", "r1");
        uint64_t handle = 0;
        Ptr<SipTransactionManager> tm = net.ueManager;
        Simulator::Schedule(Seconds(1), [&]() {
            handle = tm->SendRequest(reg,
                                     SipTarget::Clear(ImsTestNetwork::UE_ADDRESS,
                                                      5060,
                                                      ImsTestNetwork::SERVER_ADDRESS,
                                                      5060),
                                     Recorder(&log));
        });
        uint32_t midCount = 0;
        Simulator::Schedule(Seconds(20), [&]() { midCount = tm->GetTransactionCount(); });
        Simulator::Stop(Seconds(60));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_GT(handle, 0, "transaction started");
        std::vector<WirePacket> sent = net.Find(true, "REGISTER", 0);
        std::vector<int64_t> expected =
            {0, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500};
        std::vector<int64_t> got = RelativeMs(sent, Seconds(1));
        IMS_TEST_REQUIRE_SIZE(got, expected.size(), "1 + 10 retransmissions on the wire");
        for (size_t k = 0; k < expected.size(); ++k)
        {
            NS_TEST_EXPECT_MSG_EQ(got[k], expected[k], "transmission " << k << " (ms after start)");
            NS_TEST_EXPECT_MSG_EQ(sent[k].payload, sent[0].payload, "identical retransmission");
        }
        IMS_TEST_REQUIRE_SIZE(log.timeouts, 1, "one timeout");
        NS_TEST_EXPECT_MSG_EQ(log.timeouts[0], Seconds(33), "Timer F = 64*T1 after the start");
        NS_TEST_EXPECT_MSG_EQ(log.codes.size(), 0, "no response");
        NS_TEST_EXPECT_MSG_EQ(log.transportErrors.size(), 0, "no transport error");
        NS_TEST_EXPECT_MSG_EQ(serverSaw, 0, "nothing arrived");
        NS_TEST_EXPECT_MSG_EQ(*dropped, 11, "the error model dropped all 11");
        NS_TEST_EXPECT_MSG_EQ(midCount, 1, "alive while retransmitting");
        NS_TEST_EXPECT_MSG_EQ(tm->GetTransactionCount(), 0, "removed after the timeout");
        NS_TEST_EXPECT_MSG_EQ(tm->HasTransaction(handle), false, "handle gone");
        NS_TEST_EXPECT_MSG_EQ(tm->GetClientTransactionsCreated(), 1, "created");
        NS_TEST_EXPECT_MSG_EQ(tm->GetRequestRetransmissionCount(), 10, "retransmissions");
        NS_TEST_EXPECT_MSG_EQ(tm->GetRetransmissionCount(), 10, "all retransmissions");
        NS_TEST_EXPECT_MSG_EQ(tm->GetTimeoutCount(), 1, "timeouts");
        SipMessageCounters::Count c = net.ueTransport->GetSentCounters().GetRequests("REGISTER");
        NS_TEST_EXPECT_MSG_EQ(c.messages, 11, "load includes retransmissions");
        NS_TEST_EXPECT_MSG_EQ(c.bytes, 11 * sent[0].payload.size(), "bytes too");
        NS_TEST_EXPECT_MSG_EQ(
            net.ueTransport->GetRetransmittedCounters().GetRequests("REGISTER").messages,
            10,
            "of which retransmissions");
    }
};

/**
 * \ingroup imssec-tests
 * First REGISTER lost, first 200 lost: the retransmissions recover; the server transaction
 * absorbs the retransmitted request by resending its 200 and the server application sees
 * the request once; Timers K and J end the transactions.
 */
class ImsTransactionAbsorbTestCase : public TestCase
{
  public:
    ImsTransactionAbsorbTestCase()
        : TestCase("non-INVITE: server absorbs a retransmission by resending its response")
    {
    }

  private:
    void DoRun() override
    {
        ImsTestNetwork net;
        net.StartSip();
        // The first packet the server's device receives (the first REGISTER: nothing else
        // reaches it) is lost, with ns-3's ReceiveListErrorModel; the first 200 toward the
        // UE is lost too.
        Ptr<ReceiveListErrorModel> lostAtServer = CreateObject<ReceiveListErrorModel>();
        lostAtServer->SetList({0});
        DynamicCast<PointToPointNetDevice>(net.serverLink.Get(1))
            ->SetReceiveErrorModel(lostAtServer);
        auto lostResponses = std::make_shared<int>(0);
        net.DropToUe(DropFirst(lostResponses, 1, "REGISTER", 200));
        std::vector<ServerSeen> seen;
        Ptr<SipTransactionManager> srv = net.serverManager;
        srv->SetRequestHandler(MakeCallback(+[](std::vector<ServerSeen>* v,
                                                Ptr<SipTransactionManager> m,
                                                const SipMessage& r,
                                                const SipPacketInfo&,
                                                uint64_t h) {
                                   v->push_back({r, h, Simulator::Now()});
                                   Answer(m, h, 200, "reg-tag");
                               }).Bind(&seen, srv));
        ClientLog log;
        Ptr<SipTransactionManager> tm = net.ueManager;
        SipMessage reg =
            MakeTestRequest("REGISTER", ImsTestNetwork::UE_ADDRESS, 5060, "z9hG4bKreg2", "r2");
        uint64_t handle = 0;
        Simulator::Schedule(Seconds(1), [&]() {
            handle = tm->SendRequest(reg,
                                     SipTarget::Clear(ImsTestNetwork::UE_ADDRESS,
                                                      5060,
                                                      ImsTestNetwork::SERVER_ADDRESS,
                                                      5060),
                                     Recorder(&log));
        });
        Simulator::Stop(Seconds(60));
        Simulator::Run();

        std::vector<WirePacket> requests = net.Find(true, "REGISTER", 0);
        std::vector<int64_t> got = RelativeMs(requests, Seconds(1));
        IMS_TEST_REQUIRE_SIZE(got, 3, "REGISTER sent three times");
        NS_TEST_EXPECT_MSG_EQ(got[1], 500, "first retransmission at T1");
        NS_TEST_EXPECT_MSG_EQ(got[2], 1500, "second at T1 + 2*T1");
        std::vector<WirePacket> responses = net.Find(false, "REGISTER", 200);
        IMS_TEST_REQUIRE_SIZE(responses, 2, "200 sent twice (the second absorbs a retransmission)");
        NS_TEST_EXPECT_MSG_EQ(responses[1].payload, responses[0].payload, "the same 200 again");
        IMS_TEST_REQUIRE_SIZE(seen, 1, "the server application saw the request once");
        NS_TEST_EXPECT_MSG_GT(seen[0].handle, 0, "with a server transaction");
        IMS_TEST_REQUIRE_SIZE(log.codes, 1, "the client got the 200 once");
        NS_TEST_EXPECT_MSG_EQ(log.codes[0], 200, "200");
        NS_TEST_EXPECT_MSG_GT(log.times[0], responses[1].time, "delivered: the resent 200");
        NS_TEST_EXPECT_MSG_EQ(*lostResponses, 2, "the error model saw both 200");
        NS_TEST_EXPECT_MSG_EQ(srv->GetAbsorbedRequestCount(), 1, "one retransmission absorbed");
        NS_TEST_EXPECT_MSG_EQ(srv->GetResponseRetransmissionCount(), 1, "one 200 resent");
        NS_TEST_EXPECT_MSG_EQ(srv->GetServerTransactionsCreated(), 1, "one server transaction");
        NS_TEST_EXPECT_MSG_EQ(tm->GetRequestRetransmissionCount(), 2, "two retransmissions");
        NS_TEST_EXPECT_MSG_EQ(tm->GetTimeoutCount(), 0, "no timeout");
        NS_TEST_EXPECT_MSG_EQ(
            net.serverTransport->GetSentCounters().GetResponses("REGISTER", 2).messages,
            2,
            "server load counts the resent 200");
        NS_TEST_EXPECT_MSG_EQ(
            net.serverTransport->GetRetransmittedCounters().GetResponses("REGISTER", 2).messages,
            1,
            "of which one retransmission");
        NS_TEST_EXPECT_MSG_EQ(tm->GetTransactionCount(), 0, "client removed (Timer K)");
        NS_TEST_EXPECT_MSG_EQ(srv->GetTransactionCount(), 0, "server removed (Timer J)");
    }
};

/**
 * \ingroup imssec-tests
 * Timer K (T4 after the final response at the client) and Timer J (64*T1 after the final
 * response at the server), observed as the lifetime of the transactions.
 */
class ImsTransactionTimersKJTestCase : public TestCase
{
  public:
    ImsTransactionTimersKJTestCase()
        : TestCase("non-INVITE: Timer K = T4 at the client, Timer J = 64*T1 at the server")
    {
    }

  private:
    void DoRun() override
    {
        ImsTestNetwork net;
        net.StartSip();
        std::vector<ServerSeen> seen;
        Ptr<SipTransactionManager> srv = net.serverManager;
        srv->SetRequestHandler(MakeCallback(+[](std::vector<ServerSeen>* v,
                                                Ptr<SipTransactionManager> m,
                                                const SipMessage& r,
                                                const SipPacketInfo&,
                                                uint64_t h) {
                                   v->push_back({r, h, Simulator::Now()});
                                   Answer(m, h, 200, "t");
                               }).Bind(&seen, srv));
        ClientLog log;
        Ptr<SipTransactionManager> tm = net.ueManager;
        uint64_t handle = 0;
        SipMessage msg =
            MakeTestRequest("MESSAGE", ImsTestNetwork::UE_ADDRESS, 5060, "z9hG4bKkj", "kj");
        Simulator::Schedule(Seconds(1), [&]() {
            handle = tm->SendRequest(msg,
                                     SipTarget::Clear(ImsTestNetwork::UE_ADDRESS,
                                                      5060,
                                                      ImsTestNetwork::SERVER_ADDRESS,
                                                      5060),
                                     Recorder(&log));
        });
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        IMS_TEST_REQUIRE_SIZE(log.times, 1, "200 received");
        IMS_TEST_REQUIRE_SIZE(seen, 1, "request seen");
        Time clientDone = log.times[0];
        Time serverDone = seen[0].time; // the 200 is sent from the handler
        NS_TEST_EXPECT_MSG_EQ(tm->GetState(handle), SipTransactionManager::COMPLETED, "client");
        NS_TEST_EXPECT_MSG_EQ(srv->GetState(seen[0].handle),
                              SipTransactionManager::COMPLETED,
                              "server");
        bool clientBefore = false;
        bool clientAfter = true;
        bool serverBefore = false;
        bool serverAfter = true;
        uint64_t sh = seen[0].handle;
        Simulator::Schedule(clientDone + Seconds(5) - MilliSeconds(1) - Simulator::Now(),
                            [&]() { clientBefore = tm->HasTransaction(handle); });
        Simulator::Schedule(clientDone + Seconds(5) + MilliSeconds(1) - Simulator::Now(),
                            [&]() { clientAfter = tm->HasTransaction(handle); });
        Simulator::Schedule(serverDone + Seconds(32) - MilliSeconds(1) - Simulator::Now(),
                            [&]() { serverBefore = srv->HasTransaction(sh); });
        Simulator::Schedule(serverDone + Seconds(32) + MilliSeconds(1) - Simulator::Now(),
                            [&]() { serverAfter = srv->HasTransaction(sh); });
        Simulator::Stop(Seconds(40));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(clientBefore, true, "client alive just before T4");
        NS_TEST_EXPECT_MSG_EQ(clientAfter, false, "client gone just after T4");
        NS_TEST_EXPECT_MSG_EQ(serverBefore, true, "server alive just before 64*T1");
        NS_TEST_EXPECT_MSG_EQ(serverAfter, false, "server gone just after 64*T1");
        NS_TEST_EXPECT_MSG_EQ(net.Find(true, "MESSAGE", 0).size(), 1, "no retransmission");
    }
};

/**
 * \ingroup imssec-tests
 * INVITE answered 100 (by the server transaction after TryingDelay), 180 and 200; the ACK to
 * the 200 is the UA's own request (SendStateless); the first ACK is lost, so the 200 is
 * retransmitted T1 later, passed up again by the client transaction (RFC 6026 Accepted) and
 * acknowledged again; then no more 200.
 */
class ImsTransactionInviteSuccessTestCase : public TestCase
{
  public:
    ImsTransactionInviteSuccessTestCase()
        : TestCase("INVITE 100 180 200, 2xx retransmitted until the ACK, ACK passed up")
    {
    }

  private:
    void DoRun() override
    {
        ImsTestNetwork net;
        net.StartSip();
        auto acks = std::make_shared<int>(0);
        net.DropFromUe(DropFirst(acks, 1, "ACK", 0));
        std::vector<ServerSeen> seen;
        Ptr<SipTransactionManager> srv = net.serverManager;
        srv->SetRequestHandler(
            MakeCallback(+[](std::vector<ServerSeen>* v,
                             Ptr<SipTransactionManager> m,
                             const SipMessage& r,
                             const SipPacketInfo&,
                             uint64_t h) {
                v->push_back({r, h, Simulator::Now()});
                if (r.IsMethod("INVITE"))
                {
                    Simulator::Schedule(Seconds(1), &Answer, m, h, 180, "callee");
                    Simulator::Schedule(Seconds(2), &Answer, m, h, 200, "callee");
                }
            }).Bind(&seen, srv));
        Ptr<SipTransactionManager> tm = net.ueManager;
        const SipTarget target = SipTarget::Clear(ImsTestNetwork::UE_ADDRESS,
                                                  5060,
                                                  ImsTestNetwork::SERVER_ADDRESS,
                                                  5060);
        SipMessage invite =
            MakeTestRequest("INVITE", ImsTestNetwork::UE_ADDRESS, 5060, "z9hG4bKinv1", "i1");
        // The UA core: ACK every 2xx (new branch, the To tag of the 2xx).
        ClientLog log;
        SipTransactionManager::ClientCallbacks cb = Recorder(&log);

        struct Ua
        {
            ClientLog* log;
            Ptr<SipTransactionManager> tm;
            SipTarget target;
            SipMessage invite;
            uint32_t acksSent{0};
        };

        auto ua = std::make_shared<Ua>(Ua{&log, tm, target, invite});
        cb.onResponse =
            MakeCallback(+[](std::shared_ptr<Ua> u, const SipMessage& m, const SipPacketInfo&) {
                u->log->codes.push_back(m.GetStatusCode());
                u->log->times.push_back(Simulator::Now());
                if (m.GetStatusCode() / 100 == 2)
                {
                    SipMessage ack = MakeTestRequest("ACK",
                                                     ImsTestNetwork::UE_ADDRESS,
                                                     5060,
                                                     "z9hG4bKack" + std::to_string(u->acksSent),
                                                     "i1");
                    ack.SetTo(*m.GetTo());
                    u->tm->SendStateless(ack, u->target);
                    u->acksSent++;
                }
            }).Bind(ua);
        uint64_t handle = 0;
        Simulator::Schedule(Seconds(1), [&]() { handle = tm->SendRequest(invite, target, cb); });
        Simulator::Stop(Seconds(60));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_GT(handle, 0, "started");
        std::vector<WirePacket> invites = net.Find(true, "INVITE", 0);
        IMS_TEST_REQUIRE_SIZE(invites, 1, "INVITE not retransmitted (100 came before Timer A)");
        std::vector<WirePacket> down = net.Sip(false);
        IMS_TEST_REQUIRE_SIZE(down, 4, "100, 180, 200, 200 toward the UE");
        NS_TEST_EXPECT_MSG_EQ(down[0].Describe(), "100 INVITE", "100 Trying");
        NS_TEST_EXPECT_MSG_EQ(down[1].Describe(), "180 INVITE", "180");
        NS_TEST_EXPECT_MSG_EQ(down[2].Describe(), "200 INVITE", "200");
        NS_TEST_EXPECT_MSG_EQ(down[3].Describe(), "200 INVITE", "200 retransmitted");
        NS_TEST_EXPECT_MSG_EQ((down[3].time - down[2].time).GetMilliSeconds(),
                              500,
                              "2xx retransmission T1 after the first");
        NS_TEST_EXPECT_MSG_EQ(down[3].payload, down[2].payload, "the same 200");
        NS_TEST_EXPECT_MSG_EQ(down[0].message.GetTo()->GetTag().has_value(),
                              false,
                              "100 without To tag");
        IMS_TEST_REQUIRE_SIZE(seen, 2, "server application: INVITE and the second ACK");
        NS_TEST_EXPECT_MSG_EQ(seen[0].request.GetMethod(), "INVITE", "INVITE");
        NS_TEST_EXPECT_MSG_GT(seen[0].handle, 0, "with a transaction");
        NS_TEST_EXPECT_MSG_GT(seen[0].time, invites[0].time, "after it was sent");
        NS_TEST_EXPECT_MSG_EQ(seen[1].request.GetMethod(), "ACK", "ACK to the 2xx passed up");
        NS_TEST_EXPECT_MSG_EQ(seen[1].handle, 0, "without a server transaction");
        std::vector<uint16_t> codes = {100, 180, 200, 200};
        NS_TEST_EXPECT_MSG_EQ((log.codes == codes), true, "client passed up 100 180 200 200");
        NS_TEST_EXPECT_MSG_EQ(net.Find(true, "ACK", 0).size(), 2, "two ACKs on the wire");
        NS_TEST_EXPECT_MSG_EQ(*acks, 2, "the first lost, the second through");
        NS_TEST_EXPECT_MSG_EQ(srv->GetResponseRetransmissionCount(), 1, "one 2xx retransmission");
        NS_TEST_EXPECT_MSG_EQ(srv->GetAckTimeoutCount(), 0, "ACK arrived");
        NS_TEST_EXPECT_MSG_EQ(tm->GetRequestRetransmissionCount(), 0, "no INVITE retransmission");
        NS_TEST_EXPECT_MSG_EQ(tm->GetTransactionCount(), 0, "client ended (Timer M)");
        NS_TEST_EXPECT_MSG_EQ(srv->GetTransactionCount(), 0, "server ended (Timer L)");
        NS_TEST_EXPECT_MSG_EQ(tm->GetTimeoutCount(), 0, "no timeout");
    }
};

/**
 * \ingroup imssec-tests
 * INVITE answered 486: the client transaction generates the ACK (RFC 3261 17.1.1.3: same
 * branch, one Via, To of the response, CSeq ACK); the first ACK is lost, the server
 * retransmits the 486 after T1 (Timer G) and the client transaction resends its ACK without
 * telling the application; Timer D ends the client 32 s later; the server application never
 * sees the ACK.
 */
class ImsTransactionInviteFailureTestCase : public TestCase
{
  public:
    ImsTransactionInviteFailureTestCase()
        : TestCase("INVITE 486: ACK by the transaction, Timer G retransmission, Timer D")
    {
    }

  private:
    void DoRun() override
    {
        ImsTestNetwork net;
        net.StartSip();
        auto acks = std::make_shared<int>(0);
        net.DropFromUe(DropFirst(acks, 1, "ACK", 0));
        std::vector<ServerSeen> seen;
        Ptr<SipTransactionManager> srv = net.serverManager;
        srv->SetRequestHandler(MakeCallback(+[](std::vector<ServerSeen>* v,
                                                Ptr<SipTransactionManager> m,
                                                const SipMessage& r,
                                                const SipPacketInfo&,
                                                uint64_t h) {
                                   v->push_back({r, h, Simulator::Now()});
                                   if (h != 0)
                                   {
                                       Answer(m, h, 486, "busy");
                                   }
                               }).Bind(&seen, srv));
        Ptr<SipTransactionManager> tm = net.ueManager;
        SipMessage invite =
            MakeTestRequest("INVITE", ImsTestNetwork::UE_ADDRESS, 5060, "z9hG4bKinv2", "i2", 5);
        invite.AddHeader("Route", "<sip:[2001:f::1]:5060;lr>");
        ClientLog log;
        uint64_t handle = 0;
        Simulator::Schedule(Seconds(1), [&]() {
            handle = tm->SendRequest(invite,
                                     SipTarget::Clear(ImsTestNetwork::UE_ADDRESS,
                                                      5060,
                                                      ImsTestNetwork::SERVER_ADDRESS,
                                                      5060),
                                     Recorder(&log));
        });
        bool beforeD = false;
        bool afterD = true;
        SipTransactionManager::State serverState = SipTransactionManager::TERMINATED;
        Simulator::Schedule(Seconds(3), [&]() {
            IMS_TEST_REQUIRE_SIZE(log.times, 1, "486 received");
            Time done = log.times[0];
            Simulator::Schedule(done + Seconds(32) - MilliSeconds(1) - Simulator::Now(),
                                [&]() { beforeD = tm->HasTransaction(handle); });
            Simulator::Schedule(done + Seconds(32) + MilliSeconds(1) - Simulator::Now(),
                                [&]() { afterD = tm->HasTransaction(handle); });
            serverState = srv->GetState(seen.empty() ? 0 : seen[0].handle);
        });
        Simulator::Stop(Seconds(60));
        Simulator::Run();

        std::vector<WirePacket> busy = net.Find(false, "INVITE", 486);
        IMS_TEST_REQUIRE_SIZE(busy, 2, "486 sent twice");
        NS_TEST_EXPECT_MSG_EQ((busy[1].time - busy[0].time).GetMilliSeconds(), 500, "Timer G=T1");
        std::vector<WirePacket> ackPackets = net.Find(true, "ACK", 0);
        IMS_TEST_REQUIRE_SIZE(ackPackets, 2, "ACK sent twice");
        NS_TEST_EXPECT_MSG_EQ(ackPackets[1].payload, ackPackets[0].payload, "the same ACK");
        std::vector<WirePacket> inv = net.Find(true, "INVITE", 0);
        IMS_TEST_REQUIRE_SIZE(inv, 1, "INVITE once");
        const SipMessage& ack = ackPackets[0].message;
        NS_TEST_EXPECT_MSG_EQ(ack.GetRequestUri(), inv[0].message.GetRequestUri(), "Request-URI");
        NS_TEST_EXPECT_MSG_EQ(ack.GetAll("Via").size(), 1, "a single Via");
        NS_TEST_EXPECT_MSG_EQ(ack.GetFirst("Via").value_or(""),
                              inv[0].message.GetFirst("Via").value_or("-"),
                              "equal to the INVITE's top Via (same branch)");
        NS_TEST_EXPECT_MSG_EQ(ack.GetCseq()->ToString(), "5 ACK", "CSeq number, method ACK");
        NS_TEST_EXPECT_MSG_EQ(ack.GetTo()->GetTag().value_or(""), "busy", "To tag of the 486");
        NS_TEST_EXPECT_MSG_EQ(ack.GetFirst("From").value_or(""),
                              inv[0].message.GetFirst("From").value_or("-"),
                              "From");
        NS_TEST_EXPECT_MSG_EQ(ack.GetCallId().value_or(""), "i2", "Call-ID");
        NS_TEST_EXPECT_MSG_EQ(ack.GetFirst("Route").value_or(""),
                              "<sip:[2001:f::1]:5060;lr>",
                              "Route of the INVITE");
        NS_TEST_EXPECT_MSG_EQ(ack.GetMaxForwards().value_or(0), 70, "Max-Forwards");
        IMS_TEST_REQUIRE_SIZE(log.codes, 1, "the application saw the 486 once");
        NS_TEST_EXPECT_MSG_EQ(log.codes[0], 486, "486");
        IMS_TEST_REQUIRE_SIZE(seen, 1, "the server application never sees the ACK");
        NS_TEST_EXPECT_MSG_EQ(serverState, SipTransactionManager::CONFIRMED, "server confirmed");
        NS_TEST_EXPECT_MSG_EQ(beforeD, true, "client alive just before Timer D");
        NS_TEST_EXPECT_MSG_EQ(afterD, false, "client gone just after Timer D (32 s)");
        NS_TEST_EXPECT_MSG_EQ(tm->GetAckRetransmissionCount(), 1, "one ACK resent");
        NS_TEST_EXPECT_MSG_EQ(tm->GetAbsorbedResponseCount(), 1, "486 retransmission absorbed");
        NS_TEST_EXPECT_MSG_EQ(srv->GetResponseRetransmissionCount(), 1, "one 486 resent");
        NS_TEST_EXPECT_MSG_EQ(srv->GetServerTimeoutCount(), 0, "no Timer H");
        NS_TEST_EXPECT_MSG_EQ(srv->GetTransactionCount(), 0, "server ended (Timer I)");
        NS_TEST_EXPECT_MSG_EQ(net.Find(false, "INVITE", 100).size(),
                              0,
                              "no 100: the final came before TryingDelay");
    }
};

/**
 * \ingroup imssec-tests
 * Every ACK lost: the 486 goes out on the Timer G schedule (T1 doubling up to T2) until
 * Timer H (64*T1); the client answers each with its ACK.
 */
class ImsTransactionTimerHTestCase : public TestCase
{
  public:
    ImsTransactionTimerHTestCase()
        : TestCase("INVITE 486, every ACK lost: Timer G schedule, Timer H at 64*T1")
    {
    }

  private:
    void DoRun() override
    {
        ImsTestNetwork net;
        net.StartSip();
        auto acks = std::make_shared<int>(0);
        net.DropFromUe(DropFirst(acks, -1, "ACK", 0));
        Ptr<SipTransactionManager> srv = net.serverManager;
        srv->SetRequestHandler(MakeCallback(+[](Ptr<SipTransactionManager> m,
                                                const SipMessage&,
                                                const SipPacketInfo&,
                                                uint64_t h) {
                                   Answer(m, h, 486, "busy");
                               }).Bind(srv));
        uint32_t timeouts = 0;
        srv->TraceConnectWithoutContext("Timeout",
                                        MakeCallback(+[](uint32_t* n, const SipMessage& m) {
                                            if (m.IsMethod("INVITE"))
                                            {
                                                ++*n;
                                            }
                                        }).Bind(&timeouts));
        Ptr<SipTransactionManager> tm = net.ueManager;
        ClientLog log;
        SipMessage invite =
            MakeTestRequest("INVITE", ImsTestNetwork::UE_ADDRESS, 5060, "z9hG4bKinv3", "i3");
        Simulator::Schedule(Seconds(1), [&]() {
            tm->SendRequest(invite,
                            SipTarget::Clear(ImsTestNetwork::UE_ADDRESS,
                                             5060,
                                             ImsTestNetwork::SERVER_ADDRESS,
                                             5060),
                            Recorder(&log));
        });
        Simulator::Stop(Seconds(60));
        Simulator::Run();

        std::vector<WirePacket> busy = net.Find(false, "INVITE", 486);
        std::vector<int64_t> expected =
            {0, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500};
        std::vector<int64_t> got = RelativeMs(busy, busy.empty() ? Seconds(0) : busy[0].time);
        IMS_TEST_REQUIRE_SIZE(got, expected.size(), "486 transmissions until Timer H");
        for (size_t k = 0; k < expected.size(); ++k)
        {
            NS_TEST_EXPECT_MSG_EQ(got[k], expected[k], "486 number " << k);
        }
        NS_TEST_EXPECT_MSG_EQ(net.Find(true, "ACK", 0).size(), expected.size(), "one ACK each");
        NS_TEST_EXPECT_MSG_EQ(srv->GetServerTimeoutCount(), 1, "Timer H counted");
        NS_TEST_EXPECT_MSG_EQ(timeouts, 1, "Timeout trace");
        NS_TEST_EXPECT_MSG_EQ(srv->GetTransactionCount(), 0, "server ended");
        NS_TEST_EXPECT_MSG_EQ(log.codes.size(), 1, "client passed the 486 up once");
    }
};

/**
 * \ingroup imssec-tests
 * Every INVITE lost: Timer A doubles without bound (0.5, 1.5, 3.5, 7.5, 15.5, 31.5 s) and
 * Timer B reports a timeout at 64*T1.
 */
class ImsTransactionTimerBTestCase : public TestCase
{
  public:
    ImsTransactionTimerBTestCase()
        : TestCase("INVITE, all lost: Timer A schedule on the wire, Timer B at 64*T1")
    {
    }

  private:
    void DoRun() override
    {
        ImsTestNetwork net;
        net.StartSip();
        auto lost = std::make_shared<int>(0);
        net.DropFromUe(DropFirst(lost, -1, "INVITE", 0));
        ClientLog log;
        Ptr<SipTransactionManager> tm = net.ueManager;
        SipMessage invite =
            MakeTestRequest("INVITE", ImsTestNetwork::UE_ADDRESS, 5060, "z9hG4bKinv4", "i4");
        Simulator::Schedule(Seconds(1), [&]() {
            tm->SendRequest(invite,
                            SipTarget::Clear(ImsTestNetwork::UE_ADDRESS,
                                             5060,
                                             ImsTestNetwork::SERVER_ADDRESS,
                                             5060),
                            Recorder(&log));
        });
        Simulator::Stop(Seconds(60));
        Simulator::Run();
        std::vector<int64_t> expected = {0, 500, 1500, 3500, 7500, 15500, 31500};
        std::vector<int64_t> got = RelativeMs(net.Find(true, "INVITE", 0), Seconds(1));
        IMS_TEST_REQUIRE_SIZE(got, expected.size(), "INVITE transmissions");
        for (size_t k = 0; k < expected.size(); ++k)
        {
            NS_TEST_EXPECT_MSG_EQ(got[k], expected[k], "INVITE number " << k);
        }
        IMS_TEST_REQUIRE_SIZE(log.timeouts, 1, "Timer B");
        NS_TEST_EXPECT_MSG_EQ(log.timeouts[0], Seconds(33), "at 64*T1");
        NS_TEST_EXPECT_MSG_EQ(tm->GetRequestRetransmissionCount(), 6, "retransmissions");
        NS_TEST_EXPECT_MSG_EQ(tm->GetTransactionCount(), 0, "removed");
    }
};

/**
 * \ingroup imssec-tests
 * CANCEL of a pending INVITE: the server finds the INVITE transaction, answers 200 to the
 * CANCEL and 487 to the INVITE; the client transaction ACKs the 487.
 */
class ImsTransactionCancelTestCase : public TestCase
{
  public:
    ImsTransactionCancelTestCase()
        : TestCase("CANCEL: FindInviteForCancel, 200 to CANCEL, 487 to INVITE, ACK")
    {
    }

  private:
    void DoRun() override
    {
        ImsTestNetwork net;
        net.StartSip();
        Ptr<SipTransactionManager> srv = net.serverManager;
        std::vector<ServerSeen> seen;
        std::vector<uint64_t> found;
        srv->SetRequestHandler(MakeCallback(+[](std::vector<ServerSeen>* v,
                                                std::vector<uint64_t>* f,
                                                Ptr<SipTransactionManager> m,
                                                const SipMessage& r,
                                                const SipPacketInfo&,
                                                uint64_t h) {
                                   v->push_back({r, h, Simulator::Now()});
                                   if (r.IsMethod("INVITE"))
                                   {
                                       Answer(m, h, 180, "callee");
                                   }
                                   else if (r.IsMethod("CANCEL"))
                                   {
                                       uint64_t invite = m->FindInviteForCancel(r);
                                       f->push_back(invite);
                                       Answer(m, h, 200, "callee");
                                       Answer(m, invite, 487, "callee");
                                   }
                               }).Bind(&seen, &found, srv));
        Ptr<SipTransactionManager> tm = net.ueManager;
        const SipTarget target = SipTarget::Clear(ImsTestNetwork::UE_ADDRESS,
                                                  5060,
                                                  ImsTestNetwork::SERVER_ADDRESS,
                                                  5060);
        SipMessage invite =
            MakeTestRequest("INVITE", ImsTestNetwork::UE_ADDRESS, 5060, "z9hG4bKinv5", "i5", 9);
        // RFC 3261 9.1: CANCEL with the INVITE's Request-URI, Call-ID, From, To, CSeq number
        // and top Via (same branch).
        SipMessage cancel =
            MakeTestRequest("CANCEL", ImsTestNetwork::UE_ADDRESS, 5060, "z9hG4bKinv5", "i5", 9);
        ClientLog inviteLog;
        ClientLog cancelLog;
        Simulator::Schedule(Seconds(1),
                            [&]() { tm->SendRequest(invite, target, Recorder(&inviteLog)); });
        Simulator::Schedule(Seconds(2),
                            [&]() { tm->SendRequest(cancel, target, Recorder(&cancelLog)); });
        Simulator::Stop(Seconds(60));
        Simulator::Run();

        IMS_TEST_REQUIRE_SIZE(seen, 2, "INVITE and CANCEL seen, not the ACK");
        IMS_TEST_REQUIRE_SIZE(found, 1, "CANCEL handled");
        NS_TEST_EXPECT_MSG_EQ(found[0], seen[0].handle, "the INVITE transaction found");
        NS_TEST_EXPECT_MSG_NE(seen[1].handle, seen[0].handle, "CANCEL has its own transaction");
        std::vector<uint16_t> inviteCodes = {180, 487};
        NS_TEST_EXPECT_MSG_EQ((inviteLog.codes == inviteCodes), true, "180 then 487");
        IMS_TEST_REQUIRE_SIZE(cancelLog.codes, 1, "CANCEL answered");
        NS_TEST_EXPECT_MSG_EQ(cancelLog.codes[0], 200, "200 to CANCEL");
        std::vector<WirePacket> ack = net.Find(true, "ACK", 0);
        IMS_TEST_REQUIRE_SIZE(ack, 1, "the 487 acknowledged by the transaction");
        NS_TEST_EXPECT_MSG_EQ(ack[0].message.GetTopVia()->GetBranch().value_or(""),
                              "z9hG4bKinv5",
                              "same branch");
        NS_TEST_EXPECT_MSG_EQ(srv->GetServerTimeoutCount(), 0, "ACK absorbed by the server");
        NS_TEST_EXPECT_MSG_EQ(tm->GetTransactionCount(), 0, "all ended");
        NS_TEST_EXPECT_MSG_EQ(srv->GetTransactionCount(), 0, "all ended");
    }
};

/**
 * \ingroup imssec-tests
 * A response matching no transaction goes to the stray handler and is counted; requests the
 * stateless filter selects reach the application with handle 0 every time (a retransmission
 * too) and can be answered statelessly; MakeStatelessBranch.
 */
class ImsTransactionStatelessTestCase : public TestCase
{
  public:
    ImsTransactionStatelessTestCase()
        : TestCase("stray responses, stateless requests, MakeStatelessBranch (RFC 3261 16.11)")
    {
    }

  private:
    void DoRun() override
    {
        ImsTestNetwork net;
        net.StartSip();
        Ptr<SipTransactionManager> srv = net.serverManager;
        Ptr<SipTransactionManager> tm = net.ueManager;
        srv->SetStatelessFilter(MakeCallback(
            +[](const SipMessage& m, const SipPacketInfo&) { return m.IsMethod("OPTIONS"); }));
        std::vector<ServerSeen> seen;
        srv->SetRequestHandler(
            MakeCallback(+[](std::vector<ServerSeen>* v,
                             Ptr<SipTransport> t,
                             const SipMessage& r,
                             const SipPacketInfo& i,
                             uint64_t h) {
                v->push_back({r, h, Simulator::Now()});
                if (v->size() == 2)
                {
                    // stateless answer on the second copy
                    t->SendResponse(SipMessageFactory::CreateResponse(r, 200, "", "s"), i);
                }
            }).Bind(&seen, net.serverTransport));
        std::vector<SipMessage> strays;
        tm->SetStrayResponseHandler(MakeCallback(+[](std::vector<SipMessage>* v,
                                                     const SipMessage& m,
                                                     const SipPacketInfo&) {
                                        v->push_back(m);
                                    }).Bind(&strays));
        const SipTarget target = SipTarget::Clear(ImsTestNetwork::UE_ADDRESS,
                                                  5060,
                                                  ImsTestNetwork::SERVER_ADDRESS,
                                                  5060);
        SipMessage options =
            MakeTestRequest("OPTIONS", ImsTestNetwork::UE_ADDRESS, 5060, "z9hG4bKopt", "o1");
        ClientLog log;
        Simulator::Schedule(Seconds(1),
                            [&]() { tm->SendRequest(options, target, Recorder(&log)); });
        // A response to nothing the UE sent.
        SipMessage strayResponse = SipMessageFactory::CreateResponse(
            MakeTestRequest("MESSAGE", ImsTestNetwork::UE_ADDRESS, 5060, "z9hG4bKnone", "s1"),
            200,
            "",
            "x");
        Simulator::Schedule(Seconds(3), [&]() {
            srv->SendStateless(strayResponse,
                               SipTarget::Clear(ImsTestNetwork::SERVER_ADDRESS,
                                                5060,
                                                ImsTestNetwork::UE_ADDRESS,
                                                5060));
        });
        Simulator::Stop(Seconds(40));
        Simulator::Run();

        IMS_TEST_REQUIRE_SIZE(seen, 2, "OPTIONS and its retransmission both passed up");
        NS_TEST_EXPECT_MSG_EQ(seen[0].handle, 0, "no server transaction");
        NS_TEST_EXPECT_MSG_EQ(seen[1].handle, 0, "no server transaction");
        NS_TEST_EXPECT_MSG_EQ(srv->GetServerTransactionsCreated(), 0, "none created");
        IMS_TEST_REQUIRE_SIZE(log.codes, 1, "client got the stateless 200");
        NS_TEST_EXPECT_MSG_EQ(net.Find(true, "OPTIONS", 0).size(), 2, "sent twice");
        IMS_TEST_REQUIRE_SIZE(strays, 1, "stray response to the handler");
        NS_TEST_EXPECT_MSG_EQ(strays[0].GetCallId().value_or(""), "s1", "that one");
        NS_TEST_EXPECT_MSG_EQ(tm->GetStrayResponseCount(), 1, "counted");

        // RFC 3261 16.11 branches.
        SipMessage invite =
            MakeTestRequest("INVITE", ImsTestNetwork::UE_ADDRESS, 5060, "z9hG4bKabc", "b1");
        SipMessage cancel =
            MakeTestRequest("CANCEL", ImsTestNetwork::UE_ADDRESS, 5060, "z9hG4bKabc", "b1");
        SipMessage other =
            MakeTestRequest("INVITE", ImsTestNetwork::UE_ADDRESS, 5060, "z9hG4bKabd", "b1");
        std::string b = SipTransactionManager::MakeStatelessBranch(invite, "[2001:f::1]:5060");
        NS_TEST_EXPECT_MSG_EQ(b.substr(0, 7), "z9hG4bK", "magic cookie");
        NS_TEST_EXPECT_MSG_EQ(b.size(), 7 + 16, "16 hex digits");
        NS_TEST_EXPECT_MSG_EQ(
            SipTransactionManager::MakeStatelessBranch(invite, "[2001:f::1]:5060"),
            b,
            "a retransmission maps to the same branch");
        NS_TEST_EXPECT_MSG_EQ(
            SipTransactionManager::MakeStatelessBranch(cancel, "[2001:f::1]:5060"),
            b,
            "the CANCEL gets the INVITE's branch");
        NS_TEST_EXPECT_MSG_NE(SipTransactionManager::MakeStatelessBranch(other, "[2001:f::1]:5060"),
                              b,
                              "another request, another branch");
        NS_TEST_EXPECT_MSG_NE(
            SipTransactionManager::MakeStatelessBranch(invite, "[2001:f::9]:5060"),
            b,
            "another proxy, another branch");
        // Independent reference: SHA-1 over the documented seed.
        std::string seed = "[2001:f::1]:5060\nz9hG4bKabc\n[" +
                           AddressString(ImsTestNetwork::UE_ADDRESS) + "]:5060";
        NS_TEST_EXPECT_MSG_EQ(b, "z9hG4bK" + SipTransport::MakeHashToken(seed), "documented seed");
        SipMessage old = MakeTestRequest("INVITE", ImsTestNetwork::UE_ADDRESS, 5060, "1234", "b2");
        SipMessage old2 = MakeTestRequest("INVITE", ImsTestNetwork::UE_ADDRESS, 5060, "1234", "b3");
        NS_TEST_EXPECT_MSG_NE(SipTransactionManager::MakeStatelessBranch(old, "p"),
                              SipTransactionManager::MakeStatelessBranch(old2, "p"),
                              "RFC 2543 request: the Call-ID counts");
    }
};

/**
 * \ingroup imssec-tests
 * A protected client transaction whose SA set is deleted while it retransmits reports a
 * transport error; with no SA at all, SendRequest returns 0.
 */
class ImsTransactionTransportErrorTestCase : public TestCase
{
  public:
    ImsTransactionTransportErrorTestCase()
        : TestCase("protected transaction: SA deleted -> onTransportError; no SA -> handle 0")
    {
    }

  private:
    void DoRun() override
    {
        ImsTestNetwork net;
        net.InstallIpsec();
        net.StartSip();
        IpsecSaSetParameters p;
        p.side = IpsecSaSetParameters::Side::UE;
        p.ueAddress = ImsTestNetwork::UE_ADDRESS;
        p.pcscfAddress = ImsTestNetwork::SERVER_ADDRESS;
        p.ueSpiC = 0x3001;
        p.ueSpiS = 0x3002;
        p.uePortC = 32000;
        p.uePortS = 32001;
        p.pcscfSpiC = 0x4001;
        p.pcscfSpiS = 0x4002;
        p.pcscfPortC = 5062;
        p.pcscfPortS = 5064;
        p.protocol = 17;
        uint32_t set = net.ueIpsec->InstallSaSet(p);
        NS_TEST_ASSERT_MSG_GT(set, 0, "UE SA set");
        net.ueTransport->OpenProtectedPort(32000);
        Ptr<SipTransactionManager> tm = net.ueManager;
        const SipTarget target = SipTarget::Protected(ImsTestNetwork::UE_ADDRESS,
                                                      32000,
                                                      ImsTestNetwork::SERVER_ADDRESS,
                                                      5064);
        // The server has no SA: the ESP packets are dropped there; the UE retransmits.
        SipMessage reg =
            MakeTestRequest("REGISTER", ImsTestNetwork::UE_ADDRESS, 32000, "z9hG4bKte1", "t1");
        SipMessage again =
            MakeTestRequest("REGISTER", ImsTestNetwork::UE_ADDRESS, 32000, "z9hG4bKte2", "t2");
        ClientLog log;
        ClientLog never;
        uint64_t first = 0;
        uint64_t second = 99;
        Simulator::Schedule(Seconds(1),
                            [&]() { first = tm->SendRequest(reg, target, Recorder(&log)); });
        Simulator::Schedule(Seconds(1.2), [&]() { net.ueIpsec->DeleteSaSet(set); });
        Simulator::Schedule(Seconds(2),
                            [&]() { second = tm->SendRequest(again, target, Recorder(&never)); });
        Simulator::Stop(Seconds(40));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_GT(first, 0, "first sent");
        IMS_TEST_REQUIRE_SIZE(log.transportErrors, 1, "transport error reported");
        NS_TEST_EXPECT_MSG_EQ(log.transportErrors[0], Seconds(1.5), "at the first Timer E");
        NS_TEST_EXPECT_MSG_EQ(log.timeouts.size(), 0, "no timeout after that");
        NS_TEST_EXPECT_MSG_EQ(second, 0, "no SA: SendRequest returns 0");
        NS_TEST_EXPECT_MSG_EQ(never.transportErrors.size() + never.timeouts.size() +
                                  never.codes.size(),
                              0,
                              "and reports nothing");
        NS_TEST_EXPECT_MSG_EQ(tm->GetTransportErrorCount(), 2, "two transport errors");
        NS_TEST_EXPECT_MSG_EQ(tm->GetClientTransactionsCreated(), 1, "one transaction created");
        NS_TEST_EXPECT_MSG_EQ(tm->GetTransactionCount(), 0, "none left");
        std::vector<WirePacket> esp = net.Sip(true);
        IMS_TEST_REQUIRE_SIZE(esp, 1, "one ESP packet left");
        NS_TEST_EXPECT_MSG_EQ(esp[0].spi, 0x4002, "with the P-CSCF's spi-s");
    }
};

/**
 * \ingroup imssec-tests
 * The SIP transaction suite.
 */
class ImsTransactionTestSuite : public TestSuite
{
  public:
    ImsTransactionTestSuite()
        : TestSuite("imssec-ims-transactions", UNIT)
    {
        AddTestCase(new ImsTransactionTimerFTestCase, TestCase::QUICK);
        AddTestCase(new ImsTransactionAbsorbTestCase, TestCase::QUICK);
        AddTestCase(new ImsTransactionTimersKJTestCase, TestCase::QUICK);
        AddTestCase(new ImsTransactionInviteSuccessTestCase, TestCase::QUICK);
        AddTestCase(new ImsTransactionInviteFailureTestCase, TestCase::QUICK);
        AddTestCase(new ImsTransactionTimerHTestCase, TestCase::QUICK);
        AddTestCase(new ImsTransactionTimerBTestCase, TestCase::QUICK);
        AddTestCase(new ImsTransactionCancelTestCase, TestCase::QUICK);
        AddTestCase(new ImsTransactionStatelessTestCase, TestCase::QUICK);
        AddTestCase(new ImsTransactionTransportErrorTestCase, TestCase::QUICK);
    }
};

static ImsTransactionTestSuite g_imsTransactionTestSuite; //!< the suite
