/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The attacks of ImsThreatHelper against SAs bound to /128 and to /64, side by side.
//
//   build/bin/ims-threats-example                 every attack, a table
//   build/bin/ims-threats-example --attack=hijack --addrPrefLength=64 --verbose
//
// Each run: 2 UEs register, the attack starts at 20 s, the run ends at 60 s; the flood
// runs at 400 datagrams/s against a P-CSCF processing 200 messages/s (queue 50).
#include "ns3/core-module.h"
#include "ns3/imssec-module.h"

#include <iomanip>
#include <iostream>
#include <map>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/**
 * \param attack an attack name
 * \param length addr-pref-length
 * \returns the threat_* metrics of one run
 */
std::map<std::string, double>
RunOne(const std::string& attack, int length)
{
    ImsNetworkHelper helper;
    helper.SetAttach(Seconds(1), MilliSeconds(200));
    helper.SetRotationInterval(Hours(100));
    helper.SetUeAttribute("AddrPrefLength", IntegerValue(length));
    ImsNetwork net = helper.Install(2);
    helper.AssignStreams(net, 7);
    ImsThreatHelper threat;
    threat.SetAttackTime(Seconds(20));
    if (attack == "flood")
    {
        threat.SetAttribute("Rate", DoubleValue(400));
        threat.SetPcscfProcessing(200, 50);
    }
    threat.Install(helper, net, attack);
    Simulator::Stop(Seconds(60));
    Simulator::Run();
    std::map<std::string, double> m;
    threat.Collect(m);
    Simulator::Destroy();
    return m;
}

/**
 * \param m metrics
 * \returns the outcome in a few words
 */
std::string
Outcome(const std::map<std::string, double>& m)
{
    std::ostringstream os;
    auto v = [&m](const char* k) { return static_cast<uint64_t>(m.at(k)); };
    os << "att=" << v("threat_attempts") << " 494=" << v("threat_494_bidding_down")
       << " icv=" << v("threat_pcscf_bad_icv") << "/" << v("threat_pcscf_bad_icv_total")
       << " rpl=" << v("threat_pcscf_replay")
       << " sel=" << v("threat_pcscf_source_outside_selector")
       << " deliv=" << v("threat_delivered_to_sip")
       << " down=" << v("threat_downgraded_registrations")
       << " rogue200=" << v("threat_rogue_registered") << " 403=" << v("threat_rogue_403")
       << " tmo=" << v("threat_rogue_timeouts") << " qdrop=" << v("threat_pcscf_queue_drops")
       << " succ=" << v("threat_success");
    return os.str();
}

} // namespace

int
main(int argc, char* argv[])
{
    std::string attack = "all";
    int length = -2;
    bool verbose = false;
    CommandLine cmd(__FILE__);
    cmd.AddValue("attack", "an ImsThreatHelper attack name, or all", attack);
    cmd.AddValue("addrPrefLength", "128 or 64 (default: both)", length);
    cmd.AddValue("verbose", "print every metric", verbose);
    cmd.Parse(argc, argv);
    std::vector<std::string> attacks = ImsThreatHelper::GetAttackNames();
    if (attack != "all")
    {
        attacks = {attack};
    }
    std::vector<int> lengths = {128, 64};
    if (length != -2)
    {
        lengths = {length};
    }
    for (const std::string& a : attacks)
    {
        for (int l : lengths)
        {
            std::map<std::string, double> m = RunOne(a, l);
            std::cout << std::left << std::setw(20) << a << " /" << std::setw(4) << l << Outcome(m)
                      << "\n";
            if (verbose)
            {
                for (const auto& [k, v] : m)
                {
                    std::cout << "    " << k << " = " << v << "\n";
                }
            }
        }
    }
    return 0;
}
