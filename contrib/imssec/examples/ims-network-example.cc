/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// A small IMS network through registrations, sessions and address rotations.
//
// N UEs behind a GGSN register through the P-CSCF with the S-CSCF (sec-agree, AKA, IPsec),
// make and receive sessions, and rotate their RFC 3041 temporary addresses.  Run it with
// --addrPrefLength=64 and with --addrPrefLength=128 to see what prefix-bound SAs save:
//
//   build/bin/ims-network-example --addrPrefLength=128
//   build/bin/ims-network-example --addrPrefLength=64
//
// Every registration, rotation, SA set and session outcome is printed as it happens, then
// a summary.  The program exits non-zero when a UE never registers.
#include "ns3/core-module.h"
#include "ns3/imssec-module.h"

#include <iomanip>
#include <iostream>

using namespace ns3;

namespace
{

bool g_quiet = false; //!< print the summary only

/**
 * \param who node name
 * \returns the line prefix with the simulated time
 */
std::ostream&
Say(const std::string& who)
{
    return std::cout << std::fixed << std::setprecision(3) << std::setw(10)
                     << Simulator::Now().GetSeconds() << " s  " << std::setw(6) << who << "  ";
}

void
RegistrationCompleted(std::string ue, ImsRegistrationCause cause, Time duration, uint32_t expires)
{
    if (!g_quiet)
    {
        Say(ue) << "registered (" << ImsUeCauses::GetName(cause) << ") in "
                << duration.GetMilliSeconds() << " ms, expires " << expires << " s\n";
    }
}

void
Rotation(std::string ue,
         Ipv6Address oldAddress,
         Ipv6Address newAddress,
         ImsUeRotationPolicy::Action action)
{
    if (!g_quiet)
    {
        Say(ue) << "new address " << newAddress << " (was " << oldAddress
                << "): " << ImsUeRotationPolicy::GetName(action) << "\n";
    }
}

void
SessionDropped(std::string ue,
               const std::string& /* callId */,
               bool originating,
               ImsSessionDropCause cause)
{
    if (!g_quiet)
    {
        Say(ue) << (originating ? "originating" : "terminating")
                << " session dropped: " << ImsUeCauses::GetName(cause) << "\n";
    }
}

void
SaSetCreated(const std::string& impi, uint32_t handle, const IpsecSaSetParameters& p)
{
    if (!g_quiet)
    {
        Say("pcscf") << "SA set " << handle << " for " << impi << ": " << p.ueAddress << "/"
                     << +p.uePrefixLength << "\n";
    }
}

} // namespace

int
main(int argc, char* argv[])
{
    uint32_t ues = 3;
    Time duration = Hours(3);
    Time rotation = Minutes(30);
    int addrPrefLength = 64;
    std::string rotationPolicy = "drop-and-reregister";
    double sessionRate = 2;
    CommandLine cmd(__FILE__);
    cmd.AddValue("ues", "number of UEs", ues);
    cmd.AddValue("duration", "simulated time", duration);
    cmd.AddValue("rotation", "rotation interval (TEMP_PREFERRED_LIFETIME)", rotation);
    cmd.AddValue("addrPrefLength", "addr-pref-length the UEs send (-1: none)", addrPrefLength);
    cmd.AddValue("rotationPolicy",
                 "drop-and-reregister, defer-while-busy or no-rotation",
                 rotationPolicy);
    cmd.AddValue("sessionRate", "originating sessions per UE per hour", sessionRate);
    cmd.AddValue("quiet", "print the summary only", g_quiet);
    cmd.Parse(argc, argv);
    if (ues == 0 || addrPrefLength < -1 || addrPrefLength > 128 || rotation <= Seconds(10))
    {
        std::cerr << "ims-network-example: need --ues >= 1, -1 <= --addrPrefLength <= 128 and "
                     "--rotation > 10s\n";
        return 2;
    }

    ImsNetworkHelper helper;
    helper.SetRotationInterval(rotation);
    helper.SetUeAttribute("AddrPrefLength", IntegerValue(addrPrefLength));
    helper.SetUeAttribute("RotationPolicy", StringValue(rotationPolicy));
    helper.SetUeAttribute("SessionArrivalRate", DoubleValue(sessionRate));
    helper.SetRemotePartyAttribute("TerminatingSessionRate", DoubleValue(sessionRate / 2));
    ImsNetwork net = helper.Install(ues);
    helper.AssignStreams(net, 1);

    for (uint32_t i = 0; i < ues; ++i)
    {
        std::string name = "ue" + std::to_string(i + 1);
        Ptr<ImsUeClient> client = net.GetUeClient(i);
        client->TraceConnect("RegistrationCompleted", name, MakeCallback(&RegistrationCompleted));
        client->TraceConnect("RotationHandled", name, MakeCallback(&Rotation));
        client->TraceConnect("SessionDropped", name, MakeCallback(&SessionDropped));
    }
    net.pcscfApp->TraceConnectWithoutContext("SaSetCreated", MakeCallback(&SaSetCreated));

    Simulator::Stop(duration);
    Simulator::Run();

    uint64_t neverRegistered = 0;
    std::cout << "\nsummary after " << duration.As(Time::H) << ", " << ues
              << " UEs, addr-pref-length " << addrPrefLength << ", " << rotationPolicy << "\n";
    for (uint32_t i = 0; i < ues; ++i)
    {
        const ImsUeCounters& c = net.GetUeClient(i)->GetCounters();
        neverRegistered += c.GetRegistrationsCompleted(REG_INITIAL) == 0 ? 1 : 0;
        std::cout << "  ue" << i + 1 << ": registrations";
        for (int cause = 0; cause < REG_CAUSE_COUNT; ++cause)
        {
            std::cout << " " << ImsUeCauses::GetName(ImsRegistrationCause(cause)) << "="
                      << c.GetRegistrationsCompleted(ImsRegistrationCause(cause));
        }
        uint64_t dropped = 0;
        for (int cause = 0; cause < DROP_CAUSE_COUNT; ++cause)
        {
            dropped += c.GetSessionsDropped(ImsSessionDropCause(cause));
        }
        std::cout << "; sessions attempted=" << c.GetSessionsAttempted()
                  << " established=" << c.GetSessionsEstablished()
                  << " completed=" << c.GetSessionsCompleted() << " dropped=" << dropped << "\n";
    }
    std::cout << "  P-CSCF: SA sets created=" << net.pcscfApp->GetSaSetsCreated()
              << " deleted=" << net.pcscfApp->GetSaSetsDeleted()
              << " SAD now=" << net.pcscfApp->GetSadSize() << "\n";
    std::cout << "  S-CSCF: AKA vectors=" << net.scscfApp->GetVectorsConsumed()
              << " registered users=" << net.scscfApp->GetRegisteredUserCount() << "\n";
    Simulator::Destroy();
    if (neverRegistered > 0)
    {
        std::cerr << neverRegistered << " UEs never registered\n";
        return 1;
    }
    return 0;
}
