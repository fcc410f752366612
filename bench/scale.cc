/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Scale of the whole model (README "Scaling"): the default scenario at growing UE counts, beside an
// ns-3 baseline of the same topology without the IMS.
//
// Default scenario: ImsNetworkHelper with hourly rotation (RFC 3041 TEMP_PREFERRED_LIFETIME
// 1 h), AddrPrefLength 128 (or --addrPrefLength=64), 2 originating sessions per UE per hour
// (Poisson), holding time exponential with mean 180 s, RegistrationExpires 3600 s, attach
// spread 10 ms apart from t = 1 s.
// Baseline: the same nodes, links, lean IPv6 stacks, GGSN (Router Advertisements, per-UE /64,
// routes) and RFC 3041 temporary addresses rotating hourly (ImsAccessHelper), no IPsec layer
// and no IMS application.
//
// Every (size, variant) runs in a fresh forked process so that its peak resident memory is
// its own.  Each process runs the simulation one simulated hour at a time and reports:
//   setup_s       wall time to build the network (helpers, before Simulator::Run)
//   h1_s          wall time of the first simulated hour (attach, initial registrations)
//   s/simh        mean wall time per simulated hour over hours 2..H (the steady state)
//   ev/s          simulator events per wall second over hours 2..H
//   sip/s         SIP messages received by the P-CSCF per wall second over hours 2..H
//   peak_MB       peak resident memory (VmHWM) of the process
//   B/UE          (VmHWM - VmRSS before building) / N
//   24h_est_s     set-up + h1 + 23 x s/simh: the wall time of a 24-simulated-hour run
// and a ratio line IMS / baseline for memory per UE.
//
// Usage: imssec-bench-scale [--ues=1000,10000,50000] [--hours=2] [--addrPrefLength=128]
//                           [--variant=both|ims|baseline] [--perHour=true]
#include "bench-process.h"

#include "ns3/core-module.h"
#include "ns3/imssec-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"

#include <cstdio>
#include <functional>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace ns3;
using namespace imssec_bench;

namespace
{

/// What one child process measured; sent to the parent through a pipe.
struct Result
{
    uint32_t ues{0};             //!< number of UEs
    uint32_t hours{0};           //!< simulated hours
    double setup{0};             //!< set-up wall seconds
    double firstHour{0};         //!< wall seconds of hour 1
    double steadyWall{0};        //!< wall seconds of hours 2..H
    double steadyCpu{0};         //!< CPU seconds of hours 2..H
    double firstHourCpu{0};      //!< CPU seconds of hour 1
    double setupCpu{0};          //!< CPU seconds of the set-up
    uint64_t steadyEvents{0};    //!< events of hours 2..H
    uint64_t steadySip{0};       //!< P-CSCF received SIP messages in hours 2..H
    uint64_t sipTotal{0};        //!< P-CSCF received SIP messages in the whole run
    long rss0{0};                //!< VmRSS before building (kB)
    long hwm{0};                 //!< VmHWM at the end (kB)
    long rssEnd{0};              //!< VmRSS at the end (kB)
    long rssHour1{0};            //!< VmRSS after hour 1 (kB)
    uint32_t registered{0};      //!< UEs registered at the S-CSCF at the end
    uint64_t sessionsDone{0};    //!< sessions completed by the UEs
    uint64_t sessionsDropped{0}; //!< sessions dropped
    uint64_t registrations{0};   //!< registrations completed by the UEs
};

/// Scenario settings.
struct Scenario
{
    int addrPrefLength{128}; //!< addr-pref-length the UEs send
    bool perHour{false};     //!< print one line per simulated hour
};

/**
 * \param n number of UEs
 * \param hours simulated hours
 * \returns the result of a run about to be built, with the RSS before building
 */
Result
StartResult(uint32_t n, uint32_t hours)
{
    Result r;
    r.ues = n;
    r.hours = hours;
    r.rss0 = ProcStatusKb("VmRSS");
    return r;
}

/**
 * \brief Runs the simulation hour by hour and fills the timing fields.
 * \param r the result
 * \param pcscf the P-CSCF (null for the baseline)
 * \param label printed with the per-hour lines
 * \param perHour print one line per hour
 * \param state what else to print on the per-hour line
 */
void
RunHours(Result& r,
         Ptr<Pcscf> pcscf,
         const char* label,
         bool perHour,
         std::function<std::string()> state = nullptr)
{
    uint64_t sipAtHour1 = 0;
    uint64_t eventsAtHour1 = 0;
    for (uint32_t h = 1; h <= r.hours; ++h)
    {
        uint64_t e0 = Simulator::GetEventCount();
        uint64_t s0 = pcscf ? pcscf->GetReceivedCounters().GetTotal().messages : 0;
        ProcessClock clock;
        Simulator::Stop(Hours(1));
        Simulator::Run();
        double wall = clock.Wall();
        double cpu = clock.Cpu();
        uint64_t e1 = Simulator::GetEventCount();
        uint64_t s1 = pcscf ? pcscf->GetReceivedCounters().GetTotal().messages : 0;
        long rss = ProcStatusKb("VmRSS");
        if (h == 1)
        {
            r.firstHour = wall;
            r.firstHourCpu = cpu;
            eventsAtHour1 = e1;
            sipAtHour1 = s1;
            r.rssHour1 = rss;
        }
        else
        {
            r.steadyWall += wall;
            r.steadyCpu += cpu;
        }
        if (perHour)
        {
            std::fprintf(
                stderr,
                "  [%s %u UEs] hour %2u: %8.2f s wall, %8.2f s CPU, %10lu events, %9lu SIP rx, "
                "RSS %8.1f MB %s\n",
                label,
                r.ues,
                h,
                wall,
                cpu,
                static_cast<unsigned long>(e1 - e0),
                static_cast<unsigned long>(s1 - s0),
                rss / 1024.0,
                state ? state().c_str() : "");
        }
    }
    r.steadyEvents = Simulator::GetEventCount() - eventsAtHour1;
    r.sipTotal = pcscf ? pcscf->GetReceivedCounters().GetTotal().messages : 0;
    r.steadySip = r.sipTotal - sipAtHour1;
    r.hwm = ProcStatusKb("VmHWM");
    r.rssEnd = ProcStatusKb("VmRSS");
}

/**
 * \brief The default scenario with the IMS.
 * \param n number of UEs
 * \param hours simulated hours
 * \param s scenario settings
 * \returns the measurements
 */
Result
RunIms(uint32_t n, uint32_t hours, const Scenario& s)
{
    Result r = StartResult(n, hours);
    ProcessClock setup;
    ImsNetworkHelper helper;
    helper.SetRotationInterval(Hours(1));
    helper.SetUeAttribute("AddrPrefLength", IntegerValue(s.addrPrefLength));
    helper.SetUeAttribute("SessionArrivalRate", DoubleValue(2));
    helper.SetUeAttribute("HoldingTime", StringValue("ns3::ExponentialRandomVariable[Mean=180]"));
    helper.SetUeAttribute("RegistrationExpires", UintegerValue(3600));
    ImsNetwork net = helper.Install(n);
    helper.AssignStreams(net, 1);
    r.setup = setup.Wall();
    r.setupCpu = setup.Cpu();

    auto state = [&net]() {
        Ptr<IpsecStack> pcscfIpsec = net.pcscfApp->GetIpsecStack();
        Ptr<IpsecStack> ueIpsec = net.ues.Get(0)->GetObject<IpsecStack>();
        return "P-CSCF SAD " + std::to_string(pcscfIpsec->GetSad()->GetHeldCount()) + " sets " +
               std::to_string(pcscfIpsec->GetSaSetCount()) + ", UE1 SAD " +
               std::to_string(ueIpsec->GetSad()->GetHeldCount()) + " sets " +
               std::to_string(ueIpsec->GetSaSetCount()) + " endpoints " +
               std::to_string(net.GetUeClient(0)->GetTransport()->GetSocketCount());
    };
    RunHours(r, net.pcscfApp, "ims", s.perHour, state);

    r.registered = net.scscfApp->GetRegisteredUserCount();
    for (uint32_t i = 0; i < n; ++i)
    {
        const ImsUeCounters& c = net.GetUeClient(i)->GetCounters();
        r.sessionsDone += c.GetSessionsCompleted();
        r.sessionsDropped += c.GetTotalSessionsDropped();
        r.registrations += c.GetTotalRegistrationsCompleted();
    }
    Simulator::Destroy();
    return r;
}

/**
 * \brief The baseline: same topology and access layer, no IPsec, no IMS.
 * \param n number of UEs
 * \param hours simulated hours
 * \param perHour print one line per simulated hour
 * \returns the measurements
 */
Result
RunBaseline(uint32_t n, uint32_t hours, bool perHour)
{
    Result r = StartResult(n, hours);
    ProcessClock setup;
    // What ImsNetworkHelper::Install builds before the IPsec layer and the applications,
    // with its defaults (core links 1 Gbps, 5 ms; attach from 1 s, 10 ms apart).
    NodeContainer ues;
    ues.Create(n);
    Ptr<Node> ggsn = CreateObject<Node>();
    NodeContainer cores;
    cores.Create(3);
    ImsAccessHelper access;
    access.GetTemporaryAddressHelper().SetRotationInterval(Hours(1));
    access.SetCoreDeviceAttribute("DataRate", StringValue("1Gbps"));
    access.SetCoreChannelAttribute("Delay", TimeValue(MilliSeconds(5)));
    access.Install(ggsn, ues);
    for (uint32_t i = 0; i < cores.GetN(); ++i)
    {
        access.AttachCoreNode(cores.Get(i));
    }
    access.ActivatePdpContexts(ues, Seconds(1), MilliSeconds(10));
    access.AssignStreams(ues, 1);
    r.setup = setup.Wall();
    r.setupCpu = setup.Cpu();
    RunHours(r, nullptr, "baseline", perHour);
    Simulator::Destroy();
    return r;
}

/**
 * \brief Runs one (size, variant) in a fresh process.
 * \param n number of UEs
 * \param hours simulated hours
 * \param ims the IMS scenario (else the baseline)
 * \param s scenario settings
 * \param r filled with the child's measurements
 * \returns true when the child succeeded
 */
bool
RunInChild(uint32_t n, uint32_t hours, bool ims, const Scenario& s, Result& r)
{
    int fds[2];
    if (pipe(fds) != 0)
    {
        return false;
    }
    std::fflush(stdout);
    std::fflush(stderr);
    pid_t pid = fork();
    if (pid == 0)
    {
        close(fds[0]);
        Result child = ims ? RunIms(n, hours, s) : RunBaseline(n, hours, s.perHour);
        ssize_t w = write(fds[1], &child, sizeof(child));
        close(fds[1]);
        _exit(w == static_cast<ssize_t>(sizeof(child)) ? 0 : 1);
    }
    close(fds[1]);
    ssize_t got = read(fds[0], &r, sizeof(r));
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    return got == static_cast<ssize_t>(sizeof(r)) && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/**
 * \brief Prints one result line.
 * \param what "ims" or "baseline"
 * \param r the result
 */
void
Print(const char* what, const Result& r)
{
    double steadyHours = r.hours > 1 ? r.hours - 1 : 0;
    double perHour = steadyHours > 0 ? r.steadyWall / steadyHours : r.firstHour;
    double cpuPerHour = steadyHours > 0 ? r.steadyCpu / steadyHours : r.firstHourCpu;
    double evRate = r.steadyWall > 0 ? r.steadyEvents / r.steadyWall : 0;
    double evCpu = r.steadyCpu > 0 ? r.steadyEvents / r.steadyCpu : 0;
    double sipRate = r.steadyWall > 0 ? r.steadySip / r.steadyWall : 0;
    double perUe = (r.hwm - r.rss0) * 1024.0 / r.ues;
    std::printf("%-8s %7u %7.1f %7.1f %8.2f %8.2f %9.0f %9.0f %8.0f %8.1f %7.0f %8.0f %8.0f\n",
                what,
                r.ues,
                r.setup,
                r.firstHour,
                perHour,
                cpuPerHour,
                evRate,
                evCpu,
                sipRate,
                r.hwm / 1024.0,
                perUe,
                r.setup + r.firstHour + 23 * perHour,
                r.setupCpu + r.firstHourCpu + 23 * cpuPerHour);
    std::fflush(stdout);
}

} // namespace

int
main(int argc, char* argv[])
{
    std::string list = "1000,10000,50000";
    uint32_t hours = 2;
    std::string variant = "both";
    Scenario s;
    CommandLine cmd(__FILE__);
    cmd.AddValue("ues", "comma-separated UE counts", list);
    cmd.AddValue("hours", "simulated hours per run (>= 2: hour 1 is the attach)", hours);
    cmd.AddValue("addrPrefLength", "addr-pref-length the UEs send (128 or 64)", s.addrPrefLength);
    cmd.AddValue("variant", "both, ims or baseline", variant);
    cmd.AddValue("perHour", "print one line per simulated hour (stderr)", s.perHour);
    cmd.Parse(argc, argv);
    if (hours < 1 || (variant != "both" && variant != "ims" && variant != "baseline"))
    {
        std::fprintf(stderr, "imssec-bench-scale: --hours >= 1, --variant both|ims|baseline\n");
        return 2;
    }

    std::printf("# default scenario: rotation 1 h, addr-pref-length %d, 2 sessions/UE/h "
                "(hold 180 s), expires 3600 s; %u simulated hours per run\n",
                s.addrPrefLength,
                hours);
    std::printf("%-8s %7s %7s %7s %8s %8s %9s %9s %8s %8s %7s %8s %8s\n",
                "variant",
                "UEs",
                "setup_s",
                "h1_s",
                "s/simh",
                "cpu/simh",
                "ev/s",
                "ev/cpu_s",
                "sip/s",
                "peak_MB",
                "B/UE",
                "24h_s",
                "24h_cpu");
    std::fflush(stdout);
    std::stringstream ss(list);
    std::string item;
    std::vector<std::pair<Result, Result>> all;
    while (std::getline(ss, item, ','))
    {
        uint32_t n = std::stoul(item);
        Result base;
        Result ims;
        if (variant != "ims")
        {
            if (!RunInChild(n, hours, false, s, base))
            {
                std::fprintf(stderr, "baseline with %u UEs failed\n", n);
                return 1;
            }
            Print("baseline", base);
        }
        if (variant != "baseline")
        {
            if (!RunInChild(n, hours, true, s, ims))
            {
                std::fprintf(stderr, "IMS run with %u UEs failed\n", n);
                return 1;
            }
            Print("ims", ims);
            std::printf("         %7u registered %u, registrations %lu, sessions completed "
                        "%lu dropped %lu, SIP rx at P-CSCF %lu\n",
                        n,
                        ims.registered,
                        static_cast<unsigned long>(ims.registrations),
                        static_cast<unsigned long>(ims.sessionsDone),
                        static_cast<unsigned long>(ims.sessionsDropped),
                        static_cast<unsigned long>(ims.sipTotal));
        }
        all.emplace_back(base, ims);
    }

    if (variant == "both")
    {
        std::printf("\n# cost per UE (linear growth check) and IMS / baseline\n");
        std::printf("%7s %12s %12s %8s %18s %18s %8s\n",
                    "UEs",
                    "base_B/UE",
                    "ims_B/UE",
                    "mem_x",
                    "base_cpu_us/UE/h",
                    "ims_cpu_us/UE/h",
                    "time_x");
        for (const auto& [b, i] : all)
        {
            // CPU time: the wall time of a loaded shared machine would blur the ratio.
            auto perHour = [](const Result& r) {
                return r.hours > 1 ? r.steadyCpu / (r.hours - 1) : r.firstHourCpu;
            };
            double bm = (b.hwm - b.rss0) * 1024.0 / b.ues;
            double im = (i.hwm - i.rss0) * 1024.0 / i.ues;
            double bt = perHour(b) / b.ues * 1e6;
            double it = perHour(i) / i.ues * 1e6;
            std::printf("%7u %12.0f %12.0f %8.2f %18.1f %18.1f %8.1f\n",
                        b.ues,
                        bm,
                        im,
                        im / bm,
                        bt,
                        it,
                        bt > 0 ? it / bt : 0);
        }
    }
    return 0;
}
