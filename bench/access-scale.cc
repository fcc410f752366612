/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Scale of the IPv6 access model: what one UE costs.  For each UE count the program forks a
// child that builds one GGSN, N UEs and one core node with ImsAccessHelper, activates every
// PDP context at t = 1 s and runs until every UE holds a preferred temporary address.  It
// prints, per N:
//   setup     wall time of ImsAccessHelper::Install + AttachCoreNode + scheduling
//   attach    wall time of the simulated attach (RS, RA, SLAAC, DAD of 2 addresses per UE)
//   rss/UE    (peak RSS - RSS before building) / N: the memory of one attached UE
//   fwd       wall time per UDP datagram sent by the core node to a UE's temporary address
//             through the GGSN (the datagrams go to random UEs)
// Usage: access-scale [--ues=1000,10000,50000] [--packets=20000]
//        access-scale --baseline --ues=1000,10000     the same set-up with ns-3's helpers
//        access-scale --breakdown=10000                memory of the parts of a UE
#include "bench-process.h"

#include "ns3/core-module.h"
#include "ns3/imssec-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"

#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace ns3;
using namespace imssec_bench;

namespace
{

uint64_t g_received = 0; //!< datagrams received by UEs

/**
 * \brief Counts datagrams at a UE.
 * \param socket the socket
 */
void
Receive(Ptr<Socket> socket)
{
    while (socket->Recv())
    {
        ++g_received;
    }
}

/**
 * \brief Sends one datagram to the current address of a random UE.
 * \param socket the core node's socket
 * \param ues the UEs
 * \param pick random UE index (uniform in [0, number of target UEs))
 */
void
SendOne(Ptr<Socket> socket, const NodeContainer* ues, Ptr<UniformRandomVariable> pick)
{
    uint32_t i = static_cast<uint32_t>(pick->GetValue());
    Ipv6Address a = ues->Get(i)->GetObject<TemporaryAddressManager>()->GetCurrentAddress();
    socket->SendTo(Create<Packet>(200), 0, Inet6SocketAddress(a, 5060));
}

/**
 * \brief Builds and runs one network; prints one result line.
 * \param n number of UEs
 * \param packets datagrams for the forwarding measurement
 * \param targets the datagrams go to UEs 0 .. targets - 1 (0: all UEs)
 */
void
RunOne(uint32_t n, uint32_t packets, uint32_t targets)
{
    long rss0 = ProcStatusKb("VmRSS");
    double t0 = WallSeconds();
    NodeContainer ues;
    ues.Create(n);
    Ptr<Node> ggsn = CreateObject<Node>();
    Ptr<Node> core = CreateObject<Node>();
    ImsAccessHelper access;
    access.Install(ggsn, ues);
    Ipv6Address coreAddress = access.AttachCoreNode(core);
    access.ActivatePdpContexts(ues, Seconds(1), Seconds(0));
    access.AssignStreams(ues, 1);
    double t1 = WallSeconds();

    Simulator::Stop(Seconds(30));
    Simulator::Run();
    double t2 = WallSeconds();
    long hwm = ProcStatusKb("VmHWM");
    uint32_t ready = 0;
    for (uint32_t i = 0; i < n; ++i)
    {
        if (!ues.Get(i)->GetObject<TemporaryAddressManager>()->GetCurrentAddress().IsAny())
        {
            ++ready;
        }
    }

    // Forwarding: one UDP socket per UE would cost memory, so the sinks are opened now,
    // after the memory figure was taken.
    for (uint32_t i = 0; i < n; ++i)
    {
        Ptr<Socket> sink = Socket::CreateSocket(ues.Get(i), UdpSocketFactory::GetTypeId());
        sink->Bind(Inet6SocketAddress(Ipv6Address::GetAny(), 5060));
        sink->SetRecvCallback(MakeCallback(&Receive));
    }
    Ptr<Socket> source = Socket::CreateSocket(core, UdpSocketFactory::GetTypeId());
    source->Bind(Inet6SocketAddress(coreAddress, 0));
    Ptr<UniformRandomVariable> pick = CreateObject<UniformRandomVariable>();
    pick->SetAttribute("Max", DoubleValue(targets == 0 || targets > n ? n : targets));
    Time start = Simulator::Now();
    for (uint32_t p = 0; p < packets; ++p)
    {
        Simulator::Schedule(MicroSeconds(100) * p, &SendOne, source, &ues, pick);
    }
    Simulator::Stop(MicroSeconds(100) * packets + Seconds(1));
    double t3 = WallSeconds();
    Simulator::Run();
    double t4 = WallSeconds();

    std::printf("%8u %10.2f %10.2f %10.0f %10.1f %10u %10lu\n",
                n,
                t1 - t0,
                t2 - t1,
                (hwm - rss0) * 1024.0 / n,
                (t4 - t3) / packets * 1e6,
                ready,
                static_cast<unsigned long>(g_received));
    std::fflush(stdout);
    Simulator::Destroy();
}

/**
 * \brief Memory of the parts of a UE: builds N UEs up to a stage and prints RSS growth / N.
 * \param n number of UEs
 * \param stage 0 nodes, 1 + IPv6 stack, 2 + link to the GGSN and manager, 3 + attached
 */
void
BreakdownOne(uint32_t n, int stage)
{
    long rss0 = ProcStatusKb("VmRSS");
    NodeContainer ues;
    ues.Create(n);
    if (stage == 1)
    {
        for (uint32_t i = 0; i < n; ++i)
        {
            ImsAccessHelper::InstallIpv6Stack(ues.Get(i), CreateObject<Ipv6StaticRouting>(), false);
        }
    }
    else if (stage >= 2)
    {
        Ptr<Node> ggsn = CreateObject<Node>();
        ImsAccessHelper access;
        access.Install(ggsn, ues);
        if (stage == 3)
        {
            access.ActivatePdpContexts(ues, Seconds(1), Seconds(0));
        }
        Simulator::Stop(Seconds(stage == 3 ? 30 : 0.5));
        Simulator::Run();
    }
    long hwm = ProcStatusKb("VmHWM");
    static const char* names[] = {"node",
                                  "+ lean IPv6 stack",
                                  "+ link to the GGSN, manager, interfaces up",
                                  "+ attached (RA, public + temporary address)"};
    std::printf("  stage %d %-45s %8.0f B/UE\n", stage, names[stage], (hwm - rss0) * 1024.0 / n);
    std::fflush(stdout);
    Simulator::Destroy();
}

/**
 * \brief The same network built the usual ns-3 way, for comparison: InternetStackHelper on
 * every node, PointToPointHelper links, Ipv6AddressHelper::Assign per link (which installs the
 * default FqCoDel queue disc and checks every new address against all earlier ones), the
 * GGSN's routes in Ipv6StaticRouting.  Set-up only: no RA, no temporary address.
 * \param n number of UEs
 */
void
BaselineOne(uint32_t n)
{
    long rss0 = ProcStatusKb("VmRSS");
    double t0 = WallSeconds();
    NodeContainer ues;
    ues.Create(n);
    Ptr<Node> ggsn = CreateObject<Node>();
    InternetStackHelper stack;
    stack.Install(ggsn);
    stack.Install(ues);
    PointToPointHelper p2p;
    Ipv6AddressHelper addresses;
    addresses.SetBase(Ipv6Address("3fff:100::"), Ipv6Prefix(64));
    for (uint32_t i = 0; i < n; ++i)
    {
        NetDeviceContainer devices = p2p.Install(ggsn, ues.Get(i));
        Ipv6InterfaceContainer interfaces = addresses.Assign(devices);
        interfaces.SetForwarding(0, true);
        addresses.NewNetwork();
    }
    double t1 = WallSeconds();
    Simulator::Stop(Seconds(2));
    Simulator::Run();
    long hwm = ProcStatusKb("VmHWM");
    std::printf("%8u %10.2f %10s %10.0f   (ns-3 helpers, set-up only)\n",
                n,
                t1 - t0,
                "-",
                (hwm - rss0) * 1024.0 / n);
    std::fflush(stdout);
    Simulator::Destroy();
}

} // namespace

int
main(int argc, char* argv[])
{
    std::string list = "1000,10000,50000";
    uint32_t packets = 20000;
    CommandLine cmd(__FILE__);
    cmd.AddValue("ues", "comma-separated UE counts", list);
    cmd.AddValue("packets", "datagrams for the forwarding measurement", packets);
    uint32_t targets = 0;
    cmd.AddValue("targets", "send the datagrams to the first N UEs only (0: all)", targets);
    bool baseline = false;
    cmd.AddValue("baseline",
                 "build with ns-3's usual helpers instead (set-up cost only)",
                 baseline);
    uint32_t breakdown = 0;
    cmd.AddValue("breakdown", "N: print the memory of each part of a UE, for N UEs", breakdown);
    cmd.Parse(argc, argv);

    if (breakdown > 0)
    {
        std::printf("memory per UE by stage, %u UEs (peak RSS growth / N):\n", breakdown);
        std::fflush(stdout);
        for (int stage = 0; stage <= 3; ++stage)
        {
            pid_t pid = fork();
            if (pid == 0)
            {
                BreakdownOne(breakdown, stage);
                _exit(0);
            }
            int status = 0;
            waitpid(pid, &status, 0);
        }
        return 0;
    }

    std::printf("%8s %10s %10s %10s %10s %10s %10s\n",
                "UEs",
                "setup_s",
                "attach_s",
                "rss_B/UE",
                "fwd_us/pkt",
                "ready",
                "delivered");
    std::fflush(stdout);
    std::stringstream ss(list);
    std::string item;
    while (std::getline(ss, item, ','))
    {
        uint32_t n = std::stoul(item);
        // A fresh process per size: the RSS figures of one size do not leak into the next.
        pid_t pid = fork();
        if (pid == 0)
        {
            if (baseline)
            {
                BaselineOne(n);
            }
            else
            {
                RunOne(n, packets, targets);
            }
            _exit(0);
        }
        int status = 0;
        waitpid(pid, &status, 0);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        {
            std::fprintf(stderr, "run with %u UEs failed\n", n);
            return 1;
        }
    }
    return 0;
}
