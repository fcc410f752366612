/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ns3/ipsec-policy.h"
#include "ns3/ipsec-sa-set-parameters.h"
#include "ns3/ipsec-sa.h"
#include "ns3/ipsec-sad.h"
#include "ns3/ipsec-selector-index.h"
#include "ns3/ipsec-selector.h"
#include "ns3/ipsec-spd.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <sstream>
#include <vector>

using namespace ns3;

namespace
{

const Ipv6Address PCSCF("2001:f::1"); //!< a P-CSCF

/**
 * \param i a UE number
 * \param iid interface identifier
 * \returns an address in UE i's own /64 (2001:1:i::/64 with i spread over 32 bits)
 */
Ipv6Address
UeAddress(uint32_t i, uint16_t iid)
{
    std::ostringstream s;
    s << "2001:1:" << std::hex << (i >> 16) << ":" << (i & 0xffff) << "::" << iid;
    return Ipv6Address(s.str().c_str());
}

/**
 * \param spi SPI
 * \param direction direction
 * \param selector selector
 * \param lifetime lifetime
 * \returns an SA with a fixed key
 */
Ptr<IpsecSa>
MakeSa(uint32_t spi,
       IpsecDirection direction,
       const IpsecSelector& selector,
       Time lifetime = Time())
{
    return Create<IpsecSa>(spi,
                           direction,
                           selector,
                           IpsecIntegrityAlgorithm::HMAC_SHA1_96,
                           IpsecIntegrity::Key{},
                           IpsecEncryptionAlgorithm::NULL_ENCRYPTION,
                           IpsecIntegrity::AkaKey{},
                           lifetime);
}

/**
 * \param e an entry
 * \returns the SA behind it
 */
Ptr<IpsecSa>
AsSa(Ptr<IpsecSelectorEntry> e)
{
    return StaticCast<IpsecSa>(e);
}

} // namespace

/**
 * \ingroup imssec-tests
 * Selector matching with prefix lengths on both sides, ports and protocol wildcards.
 */
class IpsecSelectorMatchTestCase : public TestCase
{
  public:
    IpsecSelectorMatchTestCase()
        : TestCase("selector matching: prefix lengths, ports, protocol")
    {
    }

  private:
    void DoRun() override
    {
        Ipv6Address ue("2001:1:0:100::10");
        NS_TEST_EXPECT_MSG_EQ(IpsecSelector::SamePrefix(ue, Ipv6Address("2001:1:0:100::99"), 64),
                              true,
                              "same /64");
        NS_TEST_EXPECT_MSG_EQ(IpsecSelector::SamePrefix(ue, Ipv6Address("2001:1:0:101::10"), 64),
                              false,
                              "other /64");
        NS_TEST_EXPECT_MSG_EQ(IpsecSelector::SamePrefix(ue, Ipv6Address("2001:1:0:1ff::1"), 56),
                              true,
                              "same /56");
        NS_TEST_EXPECT_MSG_EQ(IpsecSelector::SamePrefix(ue, Ipv6Address("2001:1:0:200::1"), 56),
                              false,
                              "other /56");
        // A prefix length that is not a multiple of 8: /61 keeps 5 bits of byte 7.
        NS_TEST_EXPECT_MSG_EQ(IpsecSelector::SamePrefix(Ipv6Address("2001:1:0:100::"),
                                                        Ipv6Address("2001:1:0:107::"),
                                                        61),
                              true,
                              "0x00 and 0x07 share 5 bits");
        NS_TEST_EXPECT_MSG_EQ(IpsecSelector::SamePrefix(Ipv6Address("2001:1:0:100::"),
                                                        Ipv6Address("2001:1:0:108::"),
                                                        61),
                              false,
                              "0x00 and 0x08 do not");
        NS_TEST_EXPECT_MSG_EQ(IpsecSelector::SamePrefix(ue, Ipv6Address("::1"), 0), true, "/0");
        NS_TEST_EXPECT_MSG_EQ(IpsecSelector::SamePrefix(ue, Ipv6Address("2001:1:0:100::11"), 128),
                              false,
                              "/128");

        IpsecSelector s(ue, 64, PCSCF, 128, 31000, 5064, 17);
        NS_TEST_EXPECT_MSG_EQ(s.Matches(Ipv6Address("2001:1:0:100::77"), PCSCF, 31000, 5064, 17),
                              true,
                              "another address of the /64");
        NS_TEST_EXPECT_MSG_EQ(s.Matches(ue, Ipv6Address("2001:f::2"), 31000, 5064, 17),
                              false,
                              "other destination");
        NS_TEST_EXPECT_MSG_EQ(s.Matches(ue, PCSCF, 31001, 5064, 17), false, "other port");
        NS_TEST_EXPECT_MSG_EQ(s.Matches(ue, PCSCF, 31000, 5064, 6), false, "TCP");
        IpsecSelector any(ue, 64, PCSCF, 128, 0, 5064, 0);
        NS_TEST_EXPECT_MSG_EQ(any.Matches(ue, PCSCF, 1234, 5064, 6), true, "wildcards");
        NS_TEST_EXPECT_MSG_EQ(IpsecSelector(ue, 200, PCSCF, 128, 0, 0, 0).GetSourcePrefixLength(),
                              128,
                              "clamped");
    }
};

/**
 * \ingroup imssec-tests
 * The tuple-space index: exact and prefix entries, most specific first, newest among equals,
 * unusable entries only as a last resort, removal, and correctness with 100,000 entries.
 */
class IpsecSelectorIndexTestCase : public TestCase
{
  public:
    IpsecSelectorIndexTestCase()
        : TestCase("selector index: prefixes, order, removal, 100,000 entries")
    {
    }

  private:
    void DoRun() override
    {
        IpsecSelectorIndex index;
        Ipv6Address ue("2001:1:0:100::10");
        Ptr<IpsecSa> host = MakeSa(1000,
                                   IpsecDirection::OUTBOUND,
                                   IpsecSelector(PCSCF, 128, ue, 128, 5064, 31000, 17));
        Ptr<IpsecSa> prefix = MakeSa(1001,
                                     IpsecDirection::OUTBOUND,
                                     IpsecSelector(PCSCF, 128, ue, 64, 5064, 31000, 17));
        Ptr<IpsecSa> wide =
            MakeSa(1002, IpsecDirection::OUTBOUND, IpsecSelector(PCSCF, 128, ue, 48, 0, 0, 0));
        index.Insert(wide);
        index.Insert(prefix);
        index.Insert(host);
        NS_TEST_EXPECT_MSG_EQ(index.GetSize(), 3, "3 entries");
        NS_TEST_EXPECT_MSG_EQ(index.GetShapeCount(), 3, "3 shapes");
        auto look = [&](Ipv6Address dst, uint16_t dport, uint8_t proto) {
            Ptr<IpsecSelectorEntry> e = index.Lookup(PCSCF, dst, 5064, dport, proto);
            return e ? AsSa(e)->GetSpi() : 0u;
        };
        NS_TEST_EXPECT_MSG_EQ(look(ue, 31000, 17), 1000, "/128 is most specific");
        NS_TEST_EXPECT_MSG_EQ(look(Ipv6Address("2001:1:0:100::99"), 31000, 17),
                              1001,
                              "new address in the /64");
        NS_TEST_EXPECT_MSG_EQ(look(Ipv6Address("2001:1:0:1ab::1"), 31000, 17),
                              1002,
                              "in the /48 only");
        NS_TEST_EXPECT_MSG_EQ(look(Ipv6Address("2001:1:0:100::99"), 31001, 6),
                              1002,
                              "other ports: only the wildcard entry");
        NS_TEST_EXPECT_MSG_EQ(look(Ipv6Address("2001:1:1::1"), 31000, 17), 0, "outside all");
        NS_TEST_EXPECT_MSG_EQ(index.Lookup(Ipv6Address("2001:f::2"), ue, 5064, 31000, 17),
                              nullptr,
                              "source must match too");

        // Equal selectors: the newest wins; an unusable one only when nothing else covers.
        Ptr<IpsecSa> newer = MakeSa(1003,
                                    IpsecDirection::OUTBOUND,
                                    IpsecSelector(PCSCF, 128, ue, 64, 5064, 31000, 17));
        index.Insert(newer);
        NS_TEST_EXPECT_MSG_EQ(look(Ipv6Address("2001:1:0:100::99"), 31000, 17),
                              1003,
                              "newest among equals");
        NS_TEST_EXPECT_MSG_EQ(index.Remove(newer), true, "removed");
        NS_TEST_EXPECT_MSG_EQ(index.Remove(newer), false, "only once");
        NS_TEST_EXPECT_MSG_EQ(look(Ipv6Address("2001:1:0:100::99"), 31000, 17),
                              1001,
                              "back to the older one");
        NS_TEST_EXPECT_MSG_EQ(index.Remove(host), true, "remove /128");
        NS_TEST_EXPECT_MSG_EQ(index.GetShapeCount(), 2, "its shape is gone");
        NS_TEST_EXPECT_MSG_EQ(look(ue, 31000, 17), 1001, "the /64 covers the old address");

        // Many entries: each of 100,000 UEs has a /64 entry; lookups from random addresses
        // inside each /64 find that UE's entry and nobody else's.
        IpsecSelectorIndex big;
        const uint32_t n = 100000;
        for (uint32_t i = 0; i < n; ++i)
        {
            big.Insert(MakeSa(256 + i,
                              IpsecDirection::OUTBOUND,
                              IpsecSelector(PCSCF, 128, UeAddress(i, 1), 64, 5064, 31000, 17)));
        }
        NS_TEST_EXPECT_MSG_EQ(big.GetSize(), n, "all in");
        NS_TEST_EXPECT_MSG_EQ(big.GetShapeCount(), 1, "one shape");
        uint32_t wrong = 0;
        for (uint32_t i = 0; i < n; i += 7)
        {
            Ptr<IpsecSelectorEntry> e =
                big.Lookup(PCSCF, UeAddress(i, static_cast<uint16_t>(i * 13 + 2)), 5064, 31000, 17);
            wrong += (!e || AsSa(e)->GetSpi() != 256 + i) ? 1 : 0;
        }
        NS_TEST_EXPECT_MSG_EQ(wrong, 0, "every lookup found its own UE");
        NS_TEST_EXPECT_MSG_EQ(big.GetEntries().size(), n, "entries listed");
    }
};

/**
 * \ingroup imssec-tests
 * The SAD: inbound lookup by (SPI, destination) including prefix destinations, SPI
 * conflicts, reserved SPIs, outbound lookup, counters and the SaCount trace.
 */
class IpsecSadLookupTestCase : public TestCase
{
  public:
    IpsecSadLookupTestCase()
        : TestCase("SAD lookups, SPI conflicts, counters")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<IpsecSad> sad = CreateObject<IpsecSad>();
        std::vector<uint32_t> sizes;
        sad->TraceConnectWithoutContext(
            "SaCount",
            MakeCallback(+[](std::vector<uint32_t>* v, uint32_t, uint32_t now) {
                v->push_back(now);
            }).Bind(&sizes));
        Ipv6Address ue("2001:1:0:100::10");
        // At a UE: inbound SA bound to its /64.
        Ptr<IpsecSa> in = MakeSa(0x5000,
                                 IpsecDirection::INBOUND,
                                 IpsecSelector(PCSCF, 128, ue, 64, 5064, 31000, 17));
        NS_TEST_EXPECT_MSG_EQ(sad->Add(in), true, "added");
        NS_TEST_EXPECT_MSG_EQ(sad->Add(in), false, "not twice");
        NS_TEST_EXPECT_MSG_EQ(sad->LookupInbound(0x5000, ue), in, "own address");
        NS_TEST_EXPECT_MSG_EQ(sad->LookupInbound(0x5000, Ipv6Address("2001:1:0:100::abc")),
                              in,
                              "new address in the /64");
        NS_TEST_EXPECT_MSG_EQ(sad->LookupInbound(0x5000, Ipv6Address("2001:1:0:101::10")),
                              nullptr,
                              "other /64");
        NS_TEST_EXPECT_MSG_EQ(sad->HasInboundSpi(0x5000), true, "SPI known");
        NS_TEST_EXPECT_MSG_EQ(sad->LookupInbound(0x5001, ue), nullptr, "other SPI");

        // Same SPI for an overlapping destination: refused; for another UE's /64: fine.
        Ptr<IpsecSa> clash =
            MakeSa(0x5000,
                   IpsecDirection::INBOUND,
                   IpsecSelector(PCSCF, 128, Ipv6Address("2001:1:0:100::1"), 128, 5064, 31000, 17));
        NS_TEST_EXPECT_MSG_EQ(sad->Add(clash), false, "overlapping destination");
        Ptr<IpsecSa> other =
            MakeSa(0x5000,
                   IpsecDirection::INBOUND,
                   IpsecSelector(PCSCF, 128, Ipv6Address("2001:1:0:200::1"), 64, 5064, 31000, 17));
        NS_TEST_EXPECT_MSG_EQ(sad->Add(other), true, "disjoint destination");
        NS_TEST_EXPECT_MSG_EQ(sad->LookupInbound(0x5000, Ipv6Address("2001:1:0:200::9")),
                              other,
                              "found by destination");
        NS_TEST_EXPECT_MSG_EQ(sad->Add(MakeSa(255, IpsecDirection::INBOUND, IpsecSelector())),
                              false,
                              "SPI 255 reserved");

        Ptr<IpsecSa> out = MakeSa(0x6000,
                                  IpsecDirection::OUTBOUND,
                                  IpsecSelector(ue, 64, PCSCF, 128, 31000, 5064, 17));
        NS_TEST_EXPECT_MSG_EQ(sad->Add(out), true, "outbound added");
        NS_TEST_EXPECT_MSG_EQ(
            sad->LookupOutbound(Ipv6Address("2001:1:0:100::5"), PCSCF, 31000, 5064, 17),
            out,
            "outbound from a new source in the /64");
        NS_TEST_EXPECT_MSG_EQ(sad->LookupInbound(0x6000, PCSCF), nullptr, "not an inbound SA");
        NS_TEST_EXPECT_MSG_EQ(sad->GetSize(), 3, "3 live SAs");
        NS_TEST_EXPECT_MSG_EQ(sad->Remove(other), true, "removed");
        NS_TEST_EXPECT_MSG_EQ(sad->Remove(other), false, "only once");
        NS_TEST_EXPECT_MSG_EQ((other->GetState() == IpsecSa::State::DEAD), true, "dead");
        NS_TEST_EXPECT_MSG_EQ(sad->GetCreatedCount(), 3, "created");
        NS_TEST_EXPECT_MSG_EQ(sad->GetDeletedCount(), 1, "deleted");
        sad->Clear();
        NS_TEST_EXPECT_MSG_EQ(sad->GetSize(), 0, "cleared");
        NS_TEST_EXPECT_MSG_EQ(sad->GetHeldCount(), 0, "nothing held");
        NS_TEST_EXPECT_MSG_EQ(sad->LookupOutbound(ue, PCSCF, 31000, 5064, 17), nullptr, "gone");
        NS_TEST_EXPECT_MSG_EQ((sizes == std::vector<uint32_t>{1, 2, 3, 2, 1, 0}),
                              true,
                              "SaCount trace follows every change");
        sad->Dispose();
        Simulator::Destroy();
    }
};

/**
 * \ingroup imssec-tests
 * SA lifetimes in the SAD: expiry by itself at the right time, the hold time, extension and
 * shortening (1000 refreshes of one SA end in one expiry at the last lifetime given).
 */
class IpsecSadLifetimeTestCase : public TestCase
{
  public:
    IpsecSadLifetimeTestCase()
        : TestCase("SA expiry, hold time, lifetime updates")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<IpsecSad> sad = CreateObject<IpsecSad>();
        sad->SetAttribute("ExpiredHoldTime", TimeValue(Seconds(5)));
        std::vector<std::pair<double, uint32_t>> expired;
        std::vector<std::pair<double, uint32_t>> removed;
        sad->TraceConnectWithoutContext(
            "SaExpired",
            MakeCallback(+[](std::vector<std::pair<double, uint32_t>>* v, Ptr<const IpsecSa> sa) {
                v->emplace_back(Simulator::Now().GetSeconds(), sa->GetSpi());
            }).Bind(&expired));
        sad->TraceConnectWithoutContext(
            "SaRemoved",
            MakeCallback(+[](std::vector<std::pair<double, uint32_t>>* v,
                             Ptr<const IpsecSa> sa,
                             bool wasExpired) {
                v->emplace_back(Simulator::Now().GetSeconds(), wasExpired ? sa->GetSpi() : 0);
            }).Bind(&removed));
        IpsecSelector sel(PCSCF, 128, Ipv6Address("2001:1::1"), 128, 1, 2, 17);
        Ptr<IpsecSa> a = MakeSa(1000, IpsecDirection::INBOUND, sel, Seconds(10));
        Ptr<IpsecSa> b = MakeSa(1001, IpsecDirection::INBOUND, sel, Seconds(10));
        Ptr<IpsecSa> c = MakeSa(1002, IpsecDirection::INBOUND, sel, Seconds(10));
        Ptr<IpsecSa> forever = MakeSa(1003, IpsecDirection::INBOUND, sel);
        sad->Add(a);
        sad->Add(b);
        sad->Add(c);
        sad->Add(forever);
        // b: refreshed 1000 times before expiry (as re-registrations would), ending at 30 s.
        for (uint32_t k = 1; k <= 1000; ++k)
        {
            Simulator::Schedule(MilliSeconds(k * 5),
                                [=]() { sad->SetLifetime(b, Seconds(30) - Simulator::Now()); });
        }
        // c: shortened to 3 s at 1 s (expires at 4 s).
        Simulator::Schedule(Seconds(1), [=]() { sad->SetLifetime(c, Seconds(3)); });
        Simulator::Schedule(Seconds(6), [&]() {
            NS_TEST_EXPECT_MSG_EQ((a->GetState() == IpsecSa::State::MATURE), true, "a live");
            NS_TEST_EXPECT_MSG_EQ((c->GetState() == IpsecSa::State::EXPIRED), true, "c expired");
            NS_TEST_EXPECT_MSG_EQ(sad->LookupInbound(1002, Ipv6Address("2001:1::1")),
                                  c,
                                  "an expired SA is still found during the hold");
        });
        Simulator::Schedule(Seconds(12), [&]() {
            NS_TEST_EXPECT_MSG_EQ(sad->GetSize(), 2, "b and forever live at 12 s");
            NS_TEST_EXPECT_MSG_EQ(sad->GetHeldCount(), 3, "a held");
            NS_TEST_EXPECT_MSG_EQ(sad->SetLifetime(a, Seconds(100)), false, "too late for a");
        });
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(
            (expired ==
             std::vector<std::pair<double, uint32_t>>{{4, 1002}, {10, 1000}, {30, 1001}}),
            true,
            "expiry times 4 s, 10 s, 30 s");
        NS_TEST_EXPECT_MSG_EQ(
            (removed ==
             std::vector<std::pair<double, uint32_t>>{{9, 1002}, {15, 1000}, {35, 1001}}),
            true,
            "removed 5 s later");
        NS_TEST_EXPECT_MSG_EQ(sad->GetExpiredCount(), 3, "3 expired");
        NS_TEST_EXPECT_MSG_EQ(sad->GetSize(), 1, "the one without lifetime");
        NS_TEST_EXPECT_MSG_EQ((forever->GetExpiryTime() == Time::Max()), true, "never expires");
        sad->Dispose();
        Simulator::Destroy();
    }
};

/**
 * \ingroup imssec-tests
 * The SPD: most specific policy first, directions kept apart.
 */
class IpsecSpdTestCase : public TestCase
{
  public:
    IpsecSpdTestCase()
        : TestCase("SPD lookups")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<IpsecSpd> spd = CreateObject<IpsecSpd>();
        Ipv6Address ue("2001:1:0:100::10");
        Ptr<IpsecPolicy> protect =
            Create<IpsecPolicy>(IpsecSelector(ue, 64, PCSCF, 128, 31000, 5064, 17),
                                IpsecDirection::INBOUND,
                                IpsecPolicy::Action::PROTECT);
        Ptr<IpsecPolicy> discardAll =
            Create<IpsecPolicy>(IpsecSelector(Ipv6Address::GetAny(), 0, PCSCF, 128, 0, 5064, 0),
                                IpsecDirection::INBOUND,
                                IpsecPolicy::Action::DISCARD);
        spd->Add(discardAll);
        spd->Add(protect);
        NS_TEST_EXPECT_MSG_EQ(spd->GetSize(), 2, "2 policies");
        NS_TEST_EXPECT_MSG_EQ(spd->Lookup(IpsecDirection::INBOUND,
                                          Ipv6Address("2001:1:0:100::3"),
                                          PCSCF,
                                          31000,
                                          5064,
                                          17),
                              protect,
                              "the UE's prefix policy is more specific");
        NS_TEST_EXPECT_MSG_EQ(
            spd->Lookup(IpsecDirection::INBOUND, Ipv6Address("2001:9::3"), PCSCF, 40000, 5064, 17),
            discardAll,
            "anyone else to port 5064");
        NS_TEST_EXPECT_MSG_EQ(
            spd->Lookup(IpsecDirection::INBOUND, Ipv6Address("2001:9::3"), PCSCF, 40000, 5060, 17),
            nullptr,
            "bypass");
        NS_TEST_EXPECT_MSG_EQ(spd->Lookup(IpsecDirection::OUTBOUND,
                                          Ipv6Address("2001:1:0:100::3"),
                                          PCSCF,
                                          31000,
                                          5064,
                                          17),
                              nullptr,
                              "directions are separate");
        NS_TEST_EXPECT_MSG_EQ(spd->Remove(protect), true, "removed");
        NS_TEST_EXPECT_MSG_EQ(spd->GetSize(), 1, "1 left");
        spd->Dispose();
    }
};

/**
 * \ingroup imssec-tests
 * Validation of sec-agree parameters before anything is installed.
 */
class IpsecSaSetParametersTestCase : public TestCase
{
  public:
    IpsecSaSetParametersTestCase()
        : TestCase("SA set parameters validation")
    {
    }

  private:
    void DoRun() override
    {
        IpsecSaSetParameters p;
        p.ueAddress = Ipv6Address("2001:1::1");
        p.pcscfAddress = PCSCF;
        p.ueSpiC = 1000;
        p.ueSpiS = 1001;
        p.pcscfSpiC = 2000;
        p.pcscfSpiS = 2001;
        p.uePortC = 1;
        p.uePortS = 2;
        p.pcscfPortC = 3;
        p.pcscfPortS = 4;
        std::string why;
        NS_TEST_EXPECT_MSG_EQ(p.Validate(why), true, "valid: " << why);
        auto broken = [&](auto change) {
            IpsecSaSetParameters q = p;
            change(q);
            std::string error;
            return !q.Validate(error) && !error.empty();
        };
        NS_TEST_EXPECT_MSG_EQ(broken([](IpsecSaSetParameters& q) { q.ueSpiS = q.ueSpiC; }),
                              true,
                              "equal UE SPIs");
        NS_TEST_EXPECT_MSG_EQ(broken([](IpsecSaSetParameters& q) { q.pcscfSpiC = 17; }),
                              true,
                              "reserved SPI");
        NS_TEST_EXPECT_MSG_EQ(broken([](IpsecSaSetParameters& q) { q.uePortS = 0; }),
                              true,
                              "zero port");
        NS_TEST_EXPECT_MSG_EQ(broken([](IpsecSaSetParameters& q) { q.pcscfPortS = 3; }),
                              true,
                              "equal P-CSCF ports");
        NS_TEST_EXPECT_MSG_EQ(broken([](IpsecSaSetParameters& q) { q.uePrefixLength = 129; }),
                              true,
                              "prefix length");
        NS_TEST_EXPECT_MSG_EQ(
            broken([](IpsecSaSetParameters& q) { q.ueAddress = Ipv6Address::GetAny(); }),
            true,
            "no address");
        NS_TEST_EXPECT_MSG_EQ(broken([](IpsecSaSetParameters& q) { q.lifetime = Seconds(-1); }),
                              true,
                              "negative lifetime");
    }
};

/**
 * \ingroup imssec-tests
 * SPD, SAD and the selector index.
 */
class IpsecDatabaseTestSuite : public TestSuite
{
  public:
    IpsecDatabaseTestSuite()
        : TestSuite("imssec-ipsec-database", UNIT)
    {
        AddTestCase(new IpsecSelectorMatchTestCase, TestCase::QUICK);
        AddTestCase(new IpsecSelectorIndexTestCase, TestCase::QUICK);
        AddTestCase(new IpsecSadLookupTestCase, TestCase::QUICK);
        AddTestCase(new IpsecSadLifetimeTestCase, TestCase::QUICK);
        AddTestCase(new IpsecSpdTestCase, TestCase::QUICK);
        AddTestCase(new IpsecSaSetParametersTestCase, TestCase::QUICK);
    }
};

static IpsecDatabaseTestSuite g_ipsecDatabaseTestSuite; //!< Static suite instance
