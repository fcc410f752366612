/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Figures for the AKA part: memory per HSS subscriber, provisioning time, and the rates of
// Milenage, vector generation at the HSS and AUTHENTICATE at the USIM.  Prints figures only;
// nothing here is asserted.
//
//   build/bin/aka-hss-bench [--subscribers=100000] [--vectors=100000]

#include "ns3/aka-credentials.h"
#include "ns3/aka-types.h"
#include "ns3/command-line.h"
#include "ns3/hss.h"
#include "ns3/milenage.h"
#include "ns3/usim.h"

#include <chrono>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <string>

using namespace ns3;

namespace
{

/// \returns the resident set size of this process in kB (VmRSS of /proc/self/status)
long
ResidentKilobytes()
{
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key)
    {
        if (key == "VmRSS:")
        {
            long kb = 0;
            status >> kb;
            return kb;
        }
        status.ignore(4096, '\n');
    }
    return -1;
}

/// \returns seconds since an arbitrary origin
double
Now()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

/**
 * \param i subscriber number
 * \returns its IMPI
 */
std::string
Impi(uint32_t i)
{
    return "ue" + std::to_string(i) + "@ims.example.net";
}

} // namespace

int
main(int argc, char* argv[])
{
    uint32_t subscribers = 100000;
    uint32_t vectors = 100000;
    CommandLine cmd(__FILE__);
    cmd.AddValue("subscribers", "number of simulated subscribers provisioned", subscribers);
    cmd.AddValue("vectors", "number of vectors generated and authenticated", vectors);
    cmd.Parse(argc, argv);

    std::cout << std::fixed << std::setprecision(2);

    // Provisioning: one IMPI with one IMPU per subscriber, keys derived from the IMPI.
    long rssBefore = ResidentKilobytes();
    double t0 = Now();
    Ptr<Hss> hss = CreateObject<Hss>();
    hss->Reserve(subscribers);
    for (uint32_t i = 0; i < subscribers; ++i)
    {
        std::string impi = Impi(i);
        hss->AddSimulatedSubscriber(impi);
        hss->AddPublicIdentity(impi, "sip:" + impi);
    }
    double t1 = Now();
    long rssAfter = ResidentKilobytes();
    std::cout << "subscribers provisioned:       " << hss->GetNSubscribers() << " (IMPI like "
              << Impi(subscribers - 1) << ", one IMPU each)\n";
    std::cout << "provisioning time:             " << (t1 - t0) << " s ("
              << (t1 - t0) / subscribers * 1e6 << " us per subscriber)\n";
    std::cout << "HSS memory (resident growth):  " << (rssAfter - rssBefore) / 1024.0 << " MiB ("
              << (rssAfter - rssBefore) * 1024.0 / subscribers << " bytes per subscriber)\n";

    // Raw Milenage.
    AkaCredentials credentials = hss->GetSimulatedCredentials(Impi(0));
    Milenage milenage(credentials.k, credentials.opc);
    AkaRand rand{};
    AkaRes res;
    AkaKey ck;
    AkaKey ik;
    AkaAk ak;
    uint64_t sink = 0;
    t0 = Now();
    for (uint32_t i = 0; i < vectors; ++i)
    {
        rand[0] = static_cast<uint8_t>(i);
        rand[1] = static_cast<uint8_t>(i >> 8);
        milenage.F2345(rand, res, ck, ik, ak);
        sink += res[0];
    }
    t1 = Now();
    std::cout << "Milenage f2345 (4 AES blocks): " << vectors / (t1 - t0) / 1e6
              << " million per second\n";

    // Vectors at the HSS, spread over the subscribers, each checked by a USIM.
    t0 = Now();
    AkaVector vector;
    for (uint32_t i = 0; i < vectors; ++i)
    {
        hss->GenerateVector(Impi(i % subscribers), vector);
        sink += vector.xres[0];
    }
    t1 = Now();
    std::cout << "HSS vectors (incl. lookup):    " << vectors / (t1 - t0) / 1e3
              << " thousand per second\n";

    Usim usim(credentials.k, credentials.opc);
    uint32_t accepted = 0;
    t0 = Now();
    for (uint32_t i = 0; i < vectors; ++i)
    {
        hss->GenerateVector(Impi(0), vector);
        accepted += usim.Authenticate(vector.rand, vector.autn).status == Usim::SUCCESS;
    }
    t1 = Now();
    std::cout << "vector + USIM AUTHENTICATE:    " << vectors / (t1 - t0) / 1e3
              << " thousand per second (" << accepted << " of " << vectors << " accepted)\n";
    std::cout << "record size:                   " << sizeof(AkaVector) << " bytes per vector, "
              << sizeof(Usim) << " bytes per Usim object plus " << 8 * (1u << usim.GetIndBits())
              << " bytes of SEQ array\n";
    // Printing the sum keeps the loops from being optimised away.
    std::cout << "checksum:                      " << sink << "\n";
    hss->Dispose();
    return 0;
}
