/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// What a simulated hour costs as simulated days pass, with short rotation intervals: CPU time,
// events and events per CPU second of the 1st simulated hour against later ones (24th and
// 168th by default), and the addresses on a UE's interface then.  Old temporary addresses
// once piled up on the interface for their whole valid lifetime (a week under RFC 3041) and
// ns-3's IPv6 stack scans them all for every packet: at a 9 s interval the cost per hour
// grew with the simulated time.  Figures are printed, never asserted.
//
//   build/bin/rotation-cost-bench [--ues=5] [--rotation=15min] [--hours=1,24,168]
//                                 [--maxDeprecated=16]
#include "bench-process.h"

#include "ns3/core-module.h"
#include "ns3/imssec-module.h"
#include "ns3/internet-module.h"

#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// CPU time and events at the start of each hour.
struct Sample
{
    double cpu{0};         //!< CPU seconds
    uint64_t events{0};    //!< events executed
    uint32_t addresses{0}; //!< addresses on UE 1's interface
};

} // namespace

int
main(int argc, char** argv)
{
    uint32_t ues = 5;
    std::string rotation = "15min";
    std::string hoursText = "1,24,168";
    uint32_t maxDeprecated = 16;
    CommandLine cmd(__FILE__);
    cmd.AddValue("ues", "number of UEs", ues);
    cmd.AddValue("rotation", "rotation interval (TEMP_PREFERRED_LIFETIME)", rotation);
    cmd.AddValue("hours", "simulated hours to report, comma-separated (1 = the first)", hoursText);
    cmd.AddValue("maxDeprecated",
                 "TemporaryAddressManager::MaxDeprecatedAddresses (4294967295: keep all)",
                 maxDeprecated);
    cmd.Parse(argc, argv);

    std::vector<uint32_t> hours;
    std::stringstream list(hoursText);
    for (std::string item; std::getline(list, item, ',');)
    {
        hours.push_back(uint32_t(std::stoul(item)));
    }
    uint32_t last = 0;
    for (uint32_t h : hours)
    {
        last = std::max(last, h);
    }
    if (last == 0)
    {
        std::fprintf(stderr, "rotation-cost-bench: --hours needs hours >= 1\n");
        return 2;
    }

    ImsScenarioConfig config;
    config.Set("ues", std::to_string(ues));
    config.Set("simTime", std::to_string(last) + "h");
    config.Set("rotationInterval", rotation);
    std::string error;
    if (!config.Parse(error))
    {
        std::fprintf(stderr, "rotation-cost-bench: %s\n", error.c_str());
        return 2;
    }
    ImsNetworkHelper helper;
    config.Configure(helper);
    helper.SetTemporaryAddressAttribute("MaxDeprecatedAddresses", UintegerValue(maxDeprecated));
    ImsNetwork net = helper.Install(ues);
    helper.AssignStreams(net, 1);
    Ptr<Ipv6L3Protocol> ue1 = net.ues.Get(0)->GetObject<Ipv6L3Protocol>();

    std::vector<Sample> samples(last + 1);
    for (uint32_t h = 0; h <= last; ++h)
    {
        Simulator::Schedule(Hours(h), [&samples, h, ue1]() {
            samples[h] = Sample{imssec_bench::CpuSeconds(),
                                Simulator::GetEventCount(),
                                ue1->GetNAddresses(1)};
        });
    }
    Simulator::Stop(Hours(last) + TimeStep(1));
    Simulator::Run();
    Simulator::Destroy();

    std::printf("rotation-cost-bench: %u UEs, rotation %s, MaxDeprecatedAddresses %u\n",
                ues,
                rotation.c_str(),
                maxDeprecated);
    std::printf("%6s %10s %12s %14s %12s\n",
                "hour",
                "cpu_s",
                "events",
                "events_per_s",
                "ue1_addrs");
    for (uint32_t h : hours)
    {
        const Sample& a = samples[h - 1];
        const Sample& b = samples[h];
        double cpu = b.cpu - a.cpu;
        uint64_t events = b.events - a.events;
        std::printf("%6u %10.3f %12llu %14.0f %12u\n",
                    h,
                    cpu,
                    static_cast<unsigned long long>(events),
                    cpu > 0 ? double(events) / cpu : 0.0,
                    b.addresses);
    }
    return 0;
}
