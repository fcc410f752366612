/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The GGSN's prefix pool: uniqueness, order, exhaustion, quarantine and reuse.
#include "ns3/ipv6-prefix-pool.h"
#include "ns3/simulator.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <set>

using namespace ns3;

namespace
{

/**
 * \param base base prefix
 * \param baseLength its length
 * \param allocated allocated length
 * \param quarantine quarantine time
 * \returns a pool
 */
Ptr<Ipv6PrefixPool>
MakePool(std::string base, uint8_t baseLength, uint8_t allocated, Time quarantine)
{
    Ptr<Ipv6PrefixPool> pool = CreateObject<Ipv6PrefixPool>();
    pool->SetAttribute("BasePrefix", Ipv6AddressValue(base.c_str()));
    pool->SetAttribute("BasePrefixLength", UintegerValue(baseLength));
    pool->SetAttribute("AllocatedPrefixLength", UintegerValue(allocated));
    pool->SetAttribute("Quarantine", TimeValue(quarantine));
    return pool;
}

} // namespace

/**
 * \ingroup imssec-tests
 * Prefixes are distinct, inside the base, aligned, in order, with carries across bytes.
 */
class PoolUniquenessTestCase : public TestCase
{
  public:
    PoolUniquenessTestCase()
        : TestCase("allocated prefixes are unique, aligned and inside the pool")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Ipv6PrefixPool> pool = MakePool("3fff:100::", 24, 64, Hours(1));
        NS_TEST_ASSERT_MSG_EQ(pool->GetCapacity(), uint64_t(1) << 40, "capacity of a /24 in /64s");
        std::set<Ipv6Address> seen;
        for (uint32_t i = 0; i < 70000; ++i)
        {
            Ipv6Address p;
            NS_TEST_ASSERT_MSG_EQ(pool->Allocate(p), true, "allocation " << i);
            NS_TEST_ASSERT_MSG_EQ(seen.insert(p).second, true, "duplicate prefix " << p);
            NS_TEST_ASSERT_MSG_EQ(pool->Contains(p), true, p << " outside the pool");
            NS_TEST_ASSERT_MSG_EQ(p.CombinePrefix(Ipv6Prefix(64)), p, p << " not a /64");
        }
        // Index 65536 carries into the 3rd 16-bit group: 3fff:100:1::/64.
        NS_TEST_ASSERT_MSG_EQ(seen.count(Ipv6Address("3fff:100:0:ffff::")), 1u, "65535th");
        NS_TEST_ASSERT_MSG_EQ(seen.count(Ipv6Address("3fff:100:1::")), 1u, "65536th");
        NS_TEST_ASSERT_MSG_EQ(pool->GetNAllocated(), 70000u, "allocated count");
        NS_TEST_ASSERT_MSG_EQ(pool->GetPrefixByIndex(0), Ipv6Address("3fff:100::"), "index 0");

        // /56 allocations out of a /40: the index lands in bits 40..55.
        Ptr<Ipv6PrefixPool> wide = MakePool("3fff:200::", 40, 56, Hours(1));
        NS_TEST_ASSERT_MSG_EQ(wide->GetPrefixByIndex(1), Ipv6Address("3fff:200:0:100::"), "/56 #1");
        NS_TEST_ASSERT_MSG_EQ(wide->GetPrefixByIndex(0x1ff),
                              Ipv6Address("3fff:200:1:ff00::"),
                              "/56 #511");
        Simulator::Destroy();
    }
};

/**
 * \ingroup imssec-tests
 * A small pool runs out; the refusal is counted; releases of unknown prefixes are counted.
 */
class PoolExhaustionTestCase : public TestCase
{
  public:
    PoolExhaustionTestCase()
        : TestCase("exhaustion and bad releases are refused and counted")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Ipv6PrefixPool> pool = MakePool("3fff:100::", 62, 64, Seconds(0));
        NS_TEST_ASSERT_MSG_EQ(pool->GetCapacity(), 4u, "a /62 holds four /64s");
        Ipv6Address p[4];
        for (auto& prefix : p)
        {
            NS_TEST_ASSERT_MSG_EQ(pool->Allocate(prefix), true, "allocation");
        }
        Ipv6Address none;
        NS_TEST_ASSERT_MSG_EQ(pool->Allocate(none), false, "fifth allocation");
        NS_TEST_ASSERT_MSG_EQ(pool->GetNExhausted(), 1u, "exhaustion counted");
        NS_TEST_ASSERT_MSG_EQ(pool->Release(Ipv6Address("3fff:100:0:9::")), false, "foreign");
        NS_TEST_ASSERT_MSG_EQ(pool->Release(p[1]), true, "release");
        NS_TEST_ASSERT_MSG_EQ(pool->Release(p[1]), false, "double release");
        NS_TEST_ASSERT_MSG_EQ(pool->GetNBadReleases(), 2u, "bad releases counted");
        // Zero quarantine: the released prefix is available at once.
        NS_TEST_ASSERT_MSG_EQ(pool->Allocate(none), true, "after release");
        NS_TEST_ASSERT_MSG_EQ(none, p[1], "the released prefix is reused");
        Simulator::Destroy();
    }
};

/**
 * \ingroup imssec-tests
 * A released prefix stays unused during the quarantine, fresh prefixes go first, then the
 * oldest released prefix comes back.
 */
class PoolQuarantineTestCase : public TestCase
{
  public:
    PoolQuarantineTestCase()
        : TestCase("a released prefix is reused only after the quarantine")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Ipv6PrefixPool> pool = MakePool("3fff:100::", 63, 64, Seconds(100));
        Ipv6Address a;
        Ipv6Address b;
        pool->Allocate(a);
        pool->Allocate(b);
        Simulator::Schedule(Seconds(10), [this, pool, a]() {
            NS_TEST_EXPECT_MSG_EQ(pool->Release(a), true, "release at 10 s");
            Ipv6Address c;
            NS_TEST_EXPECT_MSG_EQ(pool->Allocate(c), false, "quarantined at 10 s");
            NS_TEST_EXPECT_MSG_EQ(pool->GetNReleased(), 1u, "one quarantined");
        });
        Simulator::Schedule(Seconds(109.9), [this, pool]() {
            Ipv6Address c;
            NS_TEST_EXPECT_MSG_EQ(pool->Allocate(c), false, "still quarantined at 109.9 s");
        });
        Simulator::Schedule(Seconds(110), [this, pool, a]() {
            Ipv6Address c;
            NS_TEST_EXPECT_MSG_EQ(pool->Allocate(c), true, "reusable at 110 s");
            NS_TEST_EXPECT_MSG_EQ(c, a, "the quarantined prefix comes back");
            NS_TEST_EXPECT_MSG_EQ(pool->IsAllocated(a), true, "allocated again");
        });
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(pool->GetNExhausted(), 2u, "refusals during the quarantine");

        // Once its quarantine is over, a released prefix goes before fresh ones.
        Ptr<Ipv6PrefixPool> big = MakePool("3fff:100::", 60, 64, Seconds(0));
        Ipv6Address first;
        Ipv6Address second;
        big->Allocate(first);
        big->Release(first);
        big->Allocate(second);
        NS_TEST_ASSERT_MSG_EQ(second, first, "released prefix reused before fresh ones");
        Simulator::Destroy();
    }
};

/**
 * \ingroup imssec-tests
 * Prefix pool suite.
 */
class AccessPrefixPoolTestSuite : public TestSuite
{
  public:
    AccessPrefixPoolTestSuite()
        : TestSuite("imssec-access-prefix-pool", UNIT)
    {
        AddTestCase(new PoolUniquenessTestCase, TestCase::QUICK);
        AddTestCase(new PoolExhaustionTestCase, TestCase::QUICK);
        AddTestCase(new PoolQuarantineTestCase, TestCase::QUICK);
    }
};

static AccessPrefixPoolTestSuite g_accessPrefixPoolTestSuite; //!< Static suite instance
