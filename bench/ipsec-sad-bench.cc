/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// imssec IPsec benchmark: SAD lookup time and ESP processing cost per packet against the
// number of SAs (1 to 100,000), HMAC versus length-only ICV.  Prints a Markdown table.
//
//   build/bin/ipsec-sad-bench [--max=100000] [--lookups=200000] [--packets=20000]
//
// Columns (times are wall-clock nanoseconds per operation on this machine):
//   SAs           SAs in the SAD under test
//   in            inbound lookup by (SPI, destination)
//   out /64       outbound lookup toward a random address inside a UE's /64 (SAs bound to /64)
//   out /64 hot   the same, cycling over 64 UEs only: entries stay in the CPU caches, so the
//                 figure shows the algorithm's cost without memory latency
//   out /128      outbound lookup toward the exact UE address (SAs bound to /128)
//   out mixed     outbound lookup with half the UEs bound to /128 and half to /64 (2 probes)
//   linear        a linear scan of the same outbound selectors, for comparison
// Lookup figures are the fastest of three runs (the machine is shared).
//   prot hmac     IpsecStack::Protect at a P-CSCF holding that many SAs (lookup, UDP
//                 checksum, ESP framing, HMAC-SHA-1-96), 600-byte payload
//   prot len      the same with IcvMode=LengthOnly
//   recv hmac     IpsecStack::ProcessInbound (lookup, replay window, ICV check, selectors, trim)
//   recv len      the same with IcvMode=LengthOnly
//   B/SA          heap bytes per SA at the P-CSCF stack (SAs, policies, indexes, SA sets)
#include "ns3/command-line.h"
#include "ns3/core-module.h"
#include "ns3/enum.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipsec-helper.h"
#include "ns3/ipsec-sad.h"
#include "ns3/ipsec-stack.h"
#include "ns3/ipv6-header.h"
#include "ns3/node.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <malloc.h>
#include <random>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

using Clock = std::chrono::steady_clock;

const Ipv6Address PCSCF("2001:f::1"); //!< the P-CSCF

/**
 * \param ue UE number (< 2^32)
 * \param iid interface identifier (low 64 bits)
 * \returns 2001:1:hi:lo:iid, UE number ue's /64 being 2001:1:hi:lo::/64
 */
Ipv6Address
UeAddress(uint32_t ue, uint64_t iid)
{
    uint8_t b[16] = {0x20, 0x01, 0x00, 0x01};
    b[4] = static_cast<uint8_t>(ue >> 24);
    b[5] = static_cast<uint8_t>(ue >> 16);
    b[6] = static_cast<uint8_t>(ue >> 8);
    b[7] = static_cast<uint8_t>(ue);
    for (int k = 0; k < 8; ++k)
    {
        b[15 - k] = static_cast<uint8_t>(iid >> (8 * k));
    }
    return Ipv6Address(b);
}

/**
 * \returns bytes currently allocated with malloc/new (glibc's mallinfo2)
 */
uint64_t
AllocatedBytes()
{
    return mallinfo2().uordblks;
}

/**
 * \param start start time
 * \param operations number of operations timed
 * \returns nanoseconds per operation
 */
double
NsPerOp(Clock::time_point start, uint64_t operations)
{
    std::chrono::duration<double, std::nano> d = Clock::now() - start;
    return d.count() / std::max<uint64_t>(operations, 1);
}

/**
 * \param spi SPI
 * \param direction direction
 * \param selector selector
 * \returns an SA
 */
Ptr<IpsecSa>
MakeSa(uint32_t spi, IpsecDirection direction, const IpsecSelector& selector)
{
    return Create<IpsecSa>(spi,
                           direction,
                           selector,
                           IpsecIntegrityAlgorithm::HMAC_SHA1_96,
                           IpsecIntegrity::Key{},
                           IpsecEncryptionAlgorithm::NULL_ENCRYPTION,
                           IpsecIntegrity::AkaKey{},
                           Time());
}

/**
 * \brief Runs a timed loop three times (the machine is shared) and keeps the fastest.
 * \param operations operations per run
 * \param body the loop
 * \returns nanoseconds per operation
 */
template <typename Body>
double
Fastest(uint64_t operations, Body body)
{
    double best = 1e300;
    for (int run = 0; run < 3; ++run)
    {
        auto start = Clock::now();
        body();
        best = std::min(best, NsPerOp(start, operations));
    }
    return best;
}

/** Lookup figures for one SAD size. */
struct LookupFigures
{
    double inbound{0};  //!< ns per inbound lookup
    double out64{0};    //!< ns per outbound lookup, /64 bindings
    double out64Hot{0}; //!< the same, lookups cycling over 64 UEs (cache-resident)
    double out128{0};   //!< ns per outbound lookup, /128 bindings
    double outMixed{0}; //!< ns per outbound lookup, /64 and /128 mixed
    double linear{0};   //!< ns per linear scan
    uint64_t misses{0}; //!< lookups that did not find the expected SA (must be 0)
};

/**
 * \brief Times SAD lookups with n inbound and n outbound SAs, one per UE.
 * \param n number of SAs of each direction
 * \param lookups lookups per measurement
 * \param rng random source
 * \returns the figures
 */
LookupFigures
MeasureLookups(uint32_t n, uint32_t lookups, std::mt19937_64& rng)
{
    LookupFigures f;
    std::uniform_int_distribution<uint32_t> pickUe(0, n - 1);
    std::uniform_int_distribution<uint64_t> pickIid(1, ~uint64_t{0});
    std::vector<uint32_t> ues(lookups);
    std::vector<Ipv6Address> targets(lookups);
    for (uint32_t k = 0; k < lookups; ++k)
    {
        ues[k] = pickUe(rng);
        targets[k] = UeAddress(ues[k], pickIid(rng));
    }
    const uint32_t spiBase = 0x10000;
    volatile uint64_t sink = 0;
    for (int variant = 0; variant < 3; ++variant)
    {
        // variant 0: /64 bindings; 1: /128 bindings; 2: mixed (even UEs /128, odd /64).
        Ptr<IpsecSad> sad = CreateObject<IpsecSad>();
        for (uint32_t i = 0; i < n; ++i)
        {
            uint8_t len = variant == 0 ? 64 : (variant == 1 ? 128 : (i % 2 ? 64 : 128));
            Ipv6Address ue = UeAddress(i, 0x10);
            sad->Add(MakeSa(spiBase + i,
                            IpsecDirection::INBOUND,
                            IpsecSelector(ue, len, PCSCF, 128, 31000, 5064, 17)));
            sad->Add(MakeSa(spiBase + n + i,
                            IpsecDirection::OUTBOUND,
                            IpsecSelector(PCSCF, 128, ue, len, 5064, 31000, 17)));
        }
        if (variant == 0)
        {
            f.inbound = Fastest(lookups, [&]() {
                for (uint32_t k = 0; k < lookups; ++k)
                {
                    Ptr<IpsecSa> sa = sad->LookupInbound(spiBase + ues[k], PCSCF);
                    f.misses += (!sa || sa->GetSpi() != spiBase + ues[k]) ? 1 : 0;
                }
            });
            // Lookups cycling over 64 UEs: the entries stay in the CPU caches, so this shows
            // the algorithmic cost alone.
            f.out64Hot = Fastest(lookups, [&]() {
                for (uint32_t k = 0; k < lookups; ++k)
                {
                    uint32_t u = ues[k % 64];
                    Ptr<IpsecSa> sa = sad->LookupOutbound(PCSCF, targets[k % 64], 5064, 31000, 17);
                    f.misses += (!sa || sa->GetSpi() != spiBase + n + u) ? 1 : 0;
                }
            });
        }
        std::vector<Ipv6Address> destinations(lookups);
        for (uint32_t k = 0; k < lookups; ++k)
        {
            bool exact = variant == 1 || (variant == 2 && ues[k] % 2 == 0);
            destinations[k] = exact ? UeAddress(ues[k], 0x10) : targets[k];
        }
        double ns = Fastest(lookups, [&]() {
            for (uint32_t k = 0; k < lookups; ++k)
            {
                Ptr<IpsecSa> sa = sad->LookupOutbound(PCSCF, destinations[k], 5064, 31000, 17);
                f.misses += (!sa || sa->GetSpi() != spiBase + n + ues[k]) ? 1 : 0;
            }
        });
        (variant == 0 ? f.out64 : (variant == 1 ? f.out128 : f.outMixed)) = ns;
        sad->Dispose();
    }
    // The same /64 selectors scanned linearly (what a list-based SAD does).
    std::vector<IpsecSelector> list;
    list.reserve(n);
    for (uint32_t i = 0; i < n; ++i)
    {
        list.emplace_back(PCSCF, 128, UeAddress(i, 0x10), 64, 5064, 31000, 17);
    }
    uint32_t linearLookups = std::max<uint32_t>(50, std::min<uint32_t>(lookups, 20000000 / n));
    f.linear = Fastest(linearLookups, [&]() {
        for (uint32_t k = 0; k < linearLookups; ++k)
        {
            for (uint32_t i = 0; i < n; ++i)
            {
                if (list[i].Matches(PCSCF, targets[k], 5064, 31000, 17))
                {
                    sink = sink + i;
                    break;
                }
            }
        }
    });
    return f;
}

/** ESP figures for one SAD size. */
struct EspFigures
{
    double protectHmac{0};   //!< ns per Protect, HMAC
    double protectLength{0}; //!< ns per Protect, length-only
    double receiveHmac{0};   //!< ns per ProcessInbound, HMAC
    double receiveLength{0}; //!< ns per ProcessInbound, length-only
    double bytesPerSa{0};    //!< heap bytes per SA
    uint32_t sas{0};         //!< SAs at the P-CSCF
    uint64_t refused{0};     //!< packets refused (must be 0)
};

/**
 * \param side side
 * \param ue UE number
 * \returns the sec-agree parameters of UE number ue
 */
IpsecSaSetParameters
SetFor(IpsecSaSetParameters::Side side, uint32_t ue)
{
    IpsecSaSetParameters p;
    p.side = side;
    p.ueAddress = UeAddress(ue, 0x10);
    p.uePrefixLength = 64;
    p.pcscfAddress = PCSCF;
    p.pcscfSpiC = 0x100000 + 2 * ue; // chosen by the P-CSCF: unique there
    p.pcscfSpiS = 0x100000 + 2 * ue + 1;
    p.ueSpiC = 0x1000; // chosen by each UE: the same values in every UE
    p.ueSpiS = 0x1001;
    p.uePortC = 31000;
    p.uePortS = 31001;
    p.pcscfPortC = 5062;
    p.pcscfPortS = 5064;
    p.protocol = 17;
    for (uint8_t k = 0; k < 16; ++k)
    {
        p.ik[k] = static_cast<uint8_t>(ue + k);
    }
    return p;
}

/**
 * \brief Times ESP processing at a P-CSCF holding the SA sets of `ues` UEs.
 * \param ues number of UEs (4 SAs each)
 * \param packets packets per measurement
 * \param rng random source
 * \returns the figures
 */
EspFigures
MeasureEsp(uint32_t ues, uint32_t packets, std::mt19937_64& rng)
{
    EspFigures f;
    Ptr<Node> pcscfNode = CreateObject<Node>();
    Ptr<Node> ueNode = CreateObject<Node>();
    InternetStackHelper internet;
    internet.SetIpv4StackInstall(false);
    internet.Install(NodeContainer(pcscfNode, ueNode));
    IpsecHelper ipsec;
    Ptr<IpsecStack> pcscf = ipsec.Install(pcscfNode);
    Ptr<IpsecStack> ue = ipsec.Install(ueNode);

    uint64_t before = AllocatedBytes();
    for (uint32_t i = 0; i < ues; ++i)
    {
        pcscf->InstallSaSet(SetFor(IpsecSaSetParameters::Side::PCSCF, i));
    }
    f.sas = pcscf->GetSad()->GetSize();
    f.bytesPerSa = static_cast<double>(AllocatedBytes() - before) / f.sas;

    // The UE-side stack plays the sampled UEs (their outbound SAs), one set at a time per UE
    // is enough: its SAs have the same selectors and SPIs as at the P-CSCF.
    const uint32_t sampled = std::min<uint32_t>(ues, 1000);
    std::uniform_int_distribution<uint32_t> pickUe(0, ues - 1);
    std::vector<uint32_t> chosen(sampled);
    for (uint32_t k = 0; k < sampled; ++k)
    {
        chosen[k] = sampled == ues ? k : pickUe(rng);
    }
    std::sort(chosen.begin(), chosen.end());
    chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
    for (uint32_t u : chosen)
    {
        IpsecSaSetParameters p = SetFor(IpsecSaSetParameters::Side::UE, u);
        p.ueSpiC = 0x2000 + 2 * u; // distinct in the one UE-side stack
        p.ueSpiS = 0x2000 + 2 * u + 1;
        ue->InstallSaSet(p);
    }
    std::uniform_int_distribution<uint64_t> pickIid(1, ~uint64_t{0});
    std::vector<uint8_t> sip(600, 'x');
    Ptr<Packet> payload = Create<Packet>(sip.data(), sip.size());

    for (int mode = 0; mode < 2; ++mode)
    {
        EnumValue icv(mode == 0 ? IpsecStack::ICV_HMAC : IpsecStack::ICV_LENGTH_ONLY);
        pcscf->SetAttribute("IcvMode", icv);
        ue->SetAttribute("IcvMode", icv);

        // Outbound at the P-CSCF toward random addresses inside random UEs' /64s.
        std::vector<Ipv6Address> targets(packets);
        for (uint32_t k = 0; k < packets; ++k)
        {
            targets[k] = UeAddress(pickUe(rng), pickIid(rng));
        }
        auto start = Clock::now();
        for (uint32_t k = 0; k < packets; ++k)
        {
            Ptr<Packet> esp = pcscf->Protect(payload, PCSCF, 5064, targets[k], 31000);
            f.refused += esp ? 0 : 1;
        }
        (mode == 0 ? f.protectHmac : f.protectLength) = NsPerOp(start, packets);

        // Inbound at the P-CSCF: packets the sampled UEs built, each from a new address.
        std::vector<Ptr<Packet>> built(packets);
        std::vector<Ipv6Header> headers(packets);
        for (uint32_t k = 0; k < packets; ++k)
        {
            uint32_t u = chosen[k % chosen.size()];
            Ipv6Address src = UeAddress(u, pickIid(rng));
            built[k] = ue->Protect(payload, src, 31000, PCSCF, 5064);
            headers[k].SetSource(src);
            headers[k].SetDestination(PCSCF);
            headers[k].SetNextHeader(50);
            headers[k].SetPayloadLength(built[k]->GetSize());
        }
        start = Clock::now();
        for (uint32_t k = 0; k < packets; ++k)
        {
            uint8_t next = 0;
            f.refused += pcscf->ProcessInbound(built[k], 0, headers[k], next) ? 0 : 1;
        }
        (mode == 0 ? f.receiveHmac : f.receiveLength) = NsPerOp(start, packets);
    }
    f.refused += pcscf->GetTotalDropCount() + ue->GetTotalDropCount();
    return f;
}

} // namespace

int
main(int argc, char* argv[])
{
    uint32_t maxSas = 100000;
    uint32_t lookups = 200000;
    uint32_t packets = 20000;
    CommandLine cmd(__FILE__);
    cmd.AddValue("max", "largest SAD size (SAs)", maxSas);
    cmd.AddValue("lookups", "lookups timed per figure", lookups);
    cmd.AddValue("packets", "packets timed per ESP figure", packets);
    cmd.Parse(argc, argv);

    std::mt19937_64 rng(12345);
    std::cout << "| SAs | in | out /64 | out /64 hot | out /128 | out mixed | linear | prot hmac "
                 "| prot len | recv hmac | recv len | B/SA |\n"
              << "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    uint64_t misses = 0;
    for (uint32_t n = 1; n <= maxSas; n *= 10)
    {
        LookupFigures l = MeasureLookups(n, lookups, rng);
        // The P-CSCF holds 4 SAs per UE: n SAs are n/4 UEs (at least one UE).
        EspFigures e = MeasureEsp(std::max<uint32_t>(1, n / 4), packets, rng);
        misses += l.misses + e.refused;
        char line[256];
        std::snprintf(line,
                      sizeof(line),
                      "| %u | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f "
                      "| %.0f |",
                      n,
                      l.inbound,
                      l.out64,
                      l.out64Hot,
                      l.out128,
                      l.outMixed,
                      l.linear,
                      e.protectHmac,
                      e.protectLength,
                      e.receiveHmac,
                      e.receiveLength,
                      e.bytesPerSa);
        std::cout << line << " (ESP at " << e.sas << " SAs)" << std::endl;
        Simulator::Destroy();
    }
    std::cout << "\nnanoseconds per operation; lookups that missed or packets refused: " << misses
              << std::endl;
    return misses == 0 ? 0 : 1;
}
