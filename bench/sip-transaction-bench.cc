/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Cost of the SIP transport and transaction layer: a client node sends non-INVITE requests
// (REGISTER-sized) at a fixed rate to a server node that answers each with 200 in a server
// transaction; prints the wall-clock time per transaction (both ends, network included), the
// peak number of live transactions (Timer J keeps each server transaction 64*T1 = 32 s after
// its response) and the heap bytes per live transaction.
#include "ns3/boolean.h"
#include "ns3/command-line.h"
#include "ns3/config.h"
#include "ns3/core-module.h"
#include "ns3/error-model.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/sip-message-factory.h"
#include "ns3/sip-transaction-manager.h"
#include "ns3/sip-transport.h"

#include <chrono>
#include <iomanip>
#include <iostream>
#include <malloc.h>
#include <sstream>

using namespace ns3;

namespace
{

/**
 * \returns bytes currently allocated with malloc/new (glibc's mallinfo2)
 */
uint64_t
AllocatedBytes()
{
    return mallinfo2().uordblks;
}

/** What the run measures. */
struct Stats
{
    uint64_t answered{0}; //!< responses passed to the client
    uint64_t timeouts{0}; //!< client timeouts
    uint32_t peakLive{0}; //!< peak live transactions (both ends)
    uint64_t peakHeap{0}; //!< heap at that peak
    uint64_t baseHeap{0}; //!< heap before the first request
};

/**
 * \param bytes length
 * \returns that many filler characters (the bulk of a REGISTER's sec-agree headers)
 */
std::string
Filler(size_t bytes)
{
    return std::string(bytes, 'x');
}

} // namespace

int
main(int argc, char* argv[])
{
    uint32_t transactions = 200000;
    double rate = 5000;
    double loss = 0;
    CommandLine cmd(__FILE__);
    cmd.AddValue("transactions", "requests sent", transactions);
    cmd.AddValue("rate", "requests per second", rate);
    cmd.AddValue("loss", "packet loss rate on the link, both directions", loss);
    cmd.Parse(argc, argv);

    Config::SetDefault("ns3::Icmpv6L4Protocol::DAD", BooleanValue(false));
    NodeContainer nodes;
    nodes.Create(2);
    InternetStackHelper internet;
    internet.SetIpv4StackInstall(false);
    internet.Install(nodes);
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue("10Gbps"));
    p2p.SetChannelAttribute("Delay", StringValue("1ms"));
    p2p.SetQueue("ns3::DropTailQueue", "MaxSize", StringValue("100000p"));
    NetDeviceContainer devices = p2p.Install(nodes);
    if (loss > 0)
    {
        for (uint32_t i = 0; i < 2; ++i)
        {
            Ptr<RateErrorModel> em = CreateObject<RateErrorModel>();
            em->SetUnit(RateErrorModel::ERROR_UNIT_PACKET);
            em->SetRate(loss);
            devices.Get(i)->SetAttribute("ReceiveErrorModel", PointerValue(em));
        }
    }
    Ipv6AddressHelper addresses;
    addresses.SetBase(Ipv6Address("2001:5::"), Ipv6Prefix(64));
    Ipv6InterfaceContainer ifs = addresses.Assign(devices);
    Ipv6Address clientAddress = ifs.GetAddress(0, 1);
    Ipv6Address serverAddress = ifs.GetAddress(1, 1);

    Ptr<SipTransport> clientTransport = CreateObject<SipTransport>();
    Ptr<SipTransport> serverTransport = CreateObject<SipTransport>();
    clientTransport->Start(nodes.Get(0));
    serverTransport->Start(nodes.Get(1));
    Ptr<SipTransactionManager> client = CreateObject<SipTransactionManager>();
    Ptr<SipTransactionManager> server = CreateObject<SipTransactionManager>();
    client->SetTransport(clientTransport);
    server->SetTransport(serverTransport);
    server->SetRequestHandler(
        MakeCallback(+[](Ptr<SipTransactionManager> m,
                         const SipMessage& r,
                         const SipPacketInfo&,
                         uint64_t h) {
            m->SendResponse(h, SipMessageFactory::CreateResponse(r, 200, "", "s"));
        }).Bind(server));

    Stats stats;
    SipTransactionManager::ClientCallbacks callbacks;
    callbacks.onResponse = MakeCallback(+[](Stats* s, const SipMessage&, const SipPacketInfo&) {
                               s->answered++;
                           }).Bind(&stats);
    callbacks.onTimeout = MakeCallback(+[](Stats* s) { s->timeouts++; }).Bind(&stats);

    // A REGISTER of about the size of the model's (a filler line instead of Security-Client).
    // One send event at a time, so that pending events do not distort the heap figures.
    struct Sender
    {
        Ptr<SipTransactionManager> client;
        SipTarget target;
        SipTransactionManager::ClientCallbacks callbacks;
        std::string host;
        std::string filler;
        Time interval;
        uint32_t remaining;
        uint64_t next{1};

        void Send()
        {
            SipVia via("UDP", host, 5060, SipMessageFactory::MakeBranch(next));
            via.SetRport(std::nullopt);
            SipNameAddr from(SipUri("ue", "ims.example", std::nullopt));
            from.SetTag(SipMessageFactory::MakeToken(next));
            SipMessage reg =
                SipMessageFactory::CreateRequest("REGISTER",
                                                 SipUri("", "ims.example", std::nullopt),
                                                 via,
                                                 from,
                                                 SipNameAddr(from.GetUri()),
                                                 SipMessageFactory::MakeToken(next + 7777777),
                                                 1);
            reg.AddHeader("X-Filler", filler);
            client->SendRequest(reg, target, callbacks);
            ++next;
            if (--remaining > 0)
            {
                Simulator::Schedule(interval, &Sender::Send, this);
            }
        }
    };

    std::ostringstream host;
    host << clientAddress;
    Time interval = Seconds(1.0 / rate);
    Sender sender{client,
                  SipTarget::Clear(clientAddress, 5060, serverAddress, 5060),
                  callbacks,
                  host.str(),
                  Filler(300),
                  interval,
                  transactions};
    if (transactions > 0)
    {
        Simulator::Schedule(Seconds(1), &Sender::Send, &sender);
    }
    Time end = Seconds(1) + interval * transactions + Seconds(40);

    // Sample the live transactions and the heap every second (mallinfo2 walks the heap).
    struct Sampler
    {
        Stats* stats;
        Ptr<SipTransactionManager> client;
        Ptr<SipTransactionManager> server;

        void Sample()
        {
            uint32_t live = client->GetTransactionCount() + server->GetTransactionCount();
            if (live > stats->peakLive)
            {
                stats->peakLive = live;
                stats->peakHeap = AllocatedBytes();
            }
            Simulator::Schedule(Seconds(1), &Sampler::Sample, this);
        }
    };

    Sampler sampler{&stats, client, server};
    Simulator::Schedule(Seconds(1), &Sampler::Sample, &sampler);
    Simulator::Schedule(Seconds(0.5), [&stats]() { stats.baseHeap = AllocatedBytes(); });
    Simulator::Stop(end);
    auto start = std::chrono::steady_clock::now();
    Simulator::Run();
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    std::cout << std::fixed << std::setprecision(2);
    std::cout << "transactions " << transactions << " at " << rate << "/s, loss " << loss << "\n";
    SipMessageCounters::Count requests = clientTransport->GetSentCounters().GetRequests("REGISTER");
    std::cout << "request size " << (requests.messages ? requests.bytes / requests.messages : 0)
              << " bytes\n";
    std::cout << "answered " << stats.answered << ", timeouts " << stats.timeouts
              << ", retransmissions " << client->GetRetransmissionCount() << " (client) + "
              << server->GetRetransmissionCount() << " (server)\n";
    std::cout << "wall time " << wall << " s, " << 1e6 * wall / transactions
              << " us per transaction (both ends, UDP/IPv6/p2p included)\n";
    std::cout << "peak live transactions " << stats.peakLive << ", heap per live transaction "
              << (stats.peakLive ? (stats.peakHeap - stats.baseHeap) / stats.peakLive : 0)
              << " B (events and queued packets included)\n";
    std::cout << "left at the end " << client->GetTransactionCount() << " + "
              << server->GetTransactionCount() << "\n";
    Simulator::Destroy();
    return 0;
}
