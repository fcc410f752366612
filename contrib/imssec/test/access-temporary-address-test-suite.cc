/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// RFC 3041 temporary addresses on a UE behind the GGSN: address form, lifetimes and
// rotations, DESYNC_FACTOR, DAD failures, rotation off, lifetimes from the Router
// Advertisement, and delivery to deprecated and invalid addresses.
#include "ns3/boolean.h"
#include "ns3/ggsn-application.h"
#include "ns3/ims-access-helper.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-packet-info-tag.h"
#include "ns3/ipv6-prefix-pool.h"
#include "ns3/mac48-address.h"
#include "ns3/node-container.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/temporary-address-manager.h"
#include "ns3/test.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <functional>
#include <memory>
#include <openssl/evp.h>
#include <set>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

const uint64_t HISTORY = 0x0123456789abcdefULL; //!< InitialHistory of the tests

/// A GGSN, UEs and one core node built by ImsAccessHelper.
struct AccessNetwork
{
    NodeContainer ues;        //!< the UEs
    Ptr<Node> ggsn;           //!< the GGSN
    Ptr<Node> core;           //!< the core node
    ImsAccessHelper access;   //!< the helper
    Ptr<GgsnApplication> app; //!< the GGSN application
    Ipv6Address coreAddress;  //!< core node address
};

/**
 * \param n number of UEs
 * \param configure called on the helper before Install
 * \returns the network, every context activated at 1 s
 */
std::unique_ptr<AccessNetwork>
Build(uint32_t n, const std::function<void(ImsAccessHelper&)>& configure = nullptr)
{
    auto net = std::make_unique<AccessNetwork>();
    net->ues.Create(n);
    net->ggsn = CreateObject<Node>();
    net->core = CreateObject<Node>();
    if (configure)
    {
        configure(net->access);
    }
    net->app = net->access.Install(net->ggsn, net->ues);
    net->coreAddress = net->access.AttachCoreNode(net->core);
    net->access.AssignStreams(net->ues, 200);
    net->access.ActivatePdpContexts(net->ues, Seconds(1), Seconds(0));
    return net;
}

/// The address events of one manager.
struct Events
{
    std::vector<std::pair<Ipv6Address, Time>> generated;   //!< became preferred
    std::vector<std::pair<Ipv6Address, Time>> deprecated;  //!< deprecated
    std::vector<std::pair<Ipv6Address, Time>> invalidated; //!< invalidated
    std::vector<std::pair<Ipv6Address, Time>> dadFailures; //!< DAD failures

    /**
     * \param m the manager to follow
     */
    void Connect(Ptr<TemporaryAddressManager> m)
    {
        auto sink = +[](std::vector<std::pair<Ipv6Address, Time>>* v, Ipv6Address a, Time t) {
            v->emplace_back(a, t);
        };
        m->TraceConnectWithoutContext("TemporaryAddressGenerated",
                                      MakeCallback(sink).Bind(&generated));
        m->TraceConnectWithoutContext("TemporaryAddressDeprecated",
                                      MakeCallback(sink).Bind(&deprecated));
        m->TraceConnectWithoutContext("TemporaryAddressInvalidated",
                                      MakeCallback(sink).Bind(&invalidated));
        m->TraceConnectWithoutContext("DadFailure", MakeCallback(sink).Bind(&dadFailures));
    }

    /**
     * \param v events
     * \param a an address
     * \returns the time of a's event, or -1 s
     */
    static Time Find(const std::vector<std::pair<Ipv6Address, Time>>& v, Ipv6Address a)
    {
        for (const auto& e : v)
        {
            if (e.first == a)
            {
                return e.second;
            }
        }
        return Seconds(-1);
    }
};

/**
 * \param ue a UE node
 * \returns the modified EUI-64 interface identifier of its link, computed here (RFC 4291)
 */
std::vector<uint8_t>
Eui64(Ptr<Node> ue)
{
    uint8_t mac[6];
    Mac48Address::ConvertFrom(ue->GetDevice(1)->GetAddress()).CopyTo(mac);
    return {static_cast<uint8_t>(mac[0] ^ 0x02),
            mac[1],
            mac[2],
            0xff,
            0xfe,
            mac[3],
            mac[4],
            mac[5]};
}

/**
 * \brief The k-th temporary address RFC 3041 3.2.1 gives, computed here with OpenSSL's
 * streaming MD5 (the model uses the one-shot EVP_Digest).
 * \param prefix the /64
 * \param history the initial history value
 * \param iid the interface identifier
 * \param round k, from 0
 * \returns the address
 */
Ipv6Address
ExpectedTemporary(Ipv6Address prefix, uint64_t history, std::vector<uint8_t> iid, uint32_t round)
{
    uint8_t h[8];
    for (int i = 0; i < 8; ++i)
    {
        h[i] = static_cast<uint8_t>(history >> (56 - 8 * i));
    }
    uint8_t digest[16];
    for (uint32_t k = 0; k <= round; ++k)
    {
        EVP_MD_CTX* ctx = EVP_MD_CTX_new();
        unsigned int length = 0;
        EVP_DigestInit_ex(ctx, EVP_md5(), nullptr);
        EVP_DigestUpdate(ctx, h, 8);
        EVP_DigestUpdate(ctx, iid.data(), 8);
        EVP_DigestFinal_ex(ctx, digest, &length);
        EVP_MD_CTX_free(ctx);
        std::copy(digest + 8, digest + 16, h);
    }
    uint8_t bytes[16];
    prefix.GetBytes(bytes);
    std::copy(digest, digest + 8, bytes + 8);
    bytes[8] &= 0xfd; // bit 6: the u bit
    return Ipv6Address(bytes);
}

/**
 * \param node a node
 * \param address an address
 * \param state receives its state when found
 * \returns true when the address is on the node's interface 1
 */
bool
OnInterface(Ptr<Node> node, Ipv6Address address, Ipv6InterfaceAddress::State_e* state = nullptr)
{
    Ptr<Ipv6L3Protocol> ipv6 = node->GetObject<Ipv6L3Protocol>();
    for (uint32_t j = 0; j < ipv6->GetNAddresses(1); ++j)
    {
        if (ipv6->GetAddress(1, j).GetAddress() == address)
        {
            if (state)
            {
                *state = ipv6->GetAddress(1, j).GetState();
            }
            return true;
        }
    }
    return false;
}

/**
 * \param rotation TempPreferredLifetime
 * \param valid TempValidLifetime
 * \param maxDesync MaxDesyncFactor
 * \returns a configuration function setting them and the test's history
 */
std::function<void(ImsAccessHelper&)>
Constants(Time rotation, Time valid, Time maxDesync)
{
    return [=](ImsAccessHelper& a) {
        TemporaryAddressManagerHelper& t = a.GetTemporaryAddressHelper();
        t.SetAttribute("TempPreferredLifetime", TimeValue(rotation));
        t.SetAttribute("TempValidLifetime", TimeValue(valid));
        t.SetAttribute("MaxDesyncFactor", TimeValue(maxDesync));
        t.SetAttribute("InitialHistory", UintegerValue(HISTORY));
    };
}

} // namespace

/**
 * \ingroup imssec-tests
 * Base of the access test cases: the simulator is destroyed after every case, also when an
 * assertion ended DoRun early (trace sinks on DoRun's stack must not outlive it).
 */
class AccessTestCase : public TestCase
{
  public:
    /**
     * \param name the test case name
     */
    explicit AccessTestCase(std::string name)
        : TestCase(name)
    {
    }

  private:
    void DoTeardown() override
    {
        Simulator::Destroy();
    }
};

/**
 * \ingroup imssec-tests
 * The first temporary address is the advertised prefix plus the first identifier of the MD5
 * history algorithm over the UE's EUI-64 identifier, u bit cleared; it is on the interface,
 * preferred after DAD, and the current address.
 */
class AddressFormTestCase : public AccessTestCase
{
  public:
    AddressFormTestCase()
        : AccessTestCase("a temporary address is prefix + MD5 identifier with the u bit cleared")
    {
    }

  private:
    void DoRun() override
    {
        auto net = Build(1, Constants(Days(1), Days(7), Minutes(10)));
        Ptr<Node> ue = net->ues.Get(0);
        Ptr<TemporaryAddressManager> m = ImsAccessHelper::GetTemporaryAddressManager(ue);
        Events events;
        events.Connect(m);
        Simulator::Stop(Seconds(5));
        Simulator::Run();
        Ipv6Address prefix = net->app->GetUePrefix(net->access.GetUeLink(ue));
        Ipv6Address expected = ExpectedTemporary(prefix, HISTORY, Eui64(ue), 0);
        std::vector<TemporaryAddressManager::TemporaryAddress> temps = m->GetTemporaryAddresses();
        NS_TEST_ASSERT_MSG_EQ(temps.size(), 1u, "temporary addresses");
        if (temps.size() != 1)
        {
            return; // the runner continues after a failed assertion
        }
        NS_TEST_ASSERT_MSG_EQ(temps[0].address, expected, "address");
        uint8_t bytes[16];
        temps[0].address.GetBytes(bytes);
        NS_TEST_ASSERT_MSG_EQ((bytes[8] & 0x02), 0, "u bit");
        NS_TEST_ASSERT_MSG_EQ(temps[0].prefix, prefix, "prefix");
        NS_TEST_ASSERT_MSG_NE(expected, m->GetPublicAddress(), "temporary = public");
        Ipv6InterfaceAddress::State_e state = Ipv6InterfaceAddress::INVALID;
        NS_TEST_ASSERT_MSG_EQ(OnInterface(ue, expected, &state), true, "not on the interface");
        NS_TEST_ASSERT_MSG_EQ(state, Ipv6InterfaceAddress::PREFERRED, "interface state");
        NS_TEST_ASSERT_MSG_EQ(temps[0].state, TemporaryAddressManager::PREFERRED, "state");
        NS_TEST_ASSERT_MSG_EQ(m->GetCurrentAddress(), expected, "current address");
        NS_TEST_ASSERT_MSG_EQ(m->IsTemporary(expected), true, "IsTemporary");
        NS_TEST_ASSERT_MSG_EQ(m->IsValid(expected), true, "IsValid");
        NS_TEST_ASSERT_MSG_EQ(m->IsPreferred(expected), true, "IsPreferred");
        NS_TEST_ASSERT_MSG_EQ(m->IsTemporary(m->GetPublicAddress()), false, "public");
        NS_TEST_ASSERT_MSG_EQ(events.generated.size(), 1u, "generated events");
        // It becomes preferred when ns-3's DAD (DadTimeout, 1 s) is over.
        NS_TEST_ASSERT_MSG_EQ(events.generated[0].second, temps[0].created + Seconds(1), "DAD");
        Simulator::Destroy();
    }
};

/**
 * \ingroup imssec-tests
 * Over 12 hours with a 1 h rotation: every address follows the MD5 chain, is deprecated
 * TEMP_PREFERRED_LIFETIME - DESYNC_FACTOR after its creation and removed TEMP_VALID_LIFETIME
 * after it; successors come REGEN_ADVANCE before deprecation, and the number of rotations is
 * what that period gives.
 */
class LifetimesTestCase : public AccessTestCase
{
  public:
    LifetimesTestCase()
        : AccessTestCase("lifetimes, regeneration and the number of rotations over a run")
    {
    }

  private:
    void DoRun() override
    {
        const Time tp = Hours(1);
        const Time tv = Hours(3);
        const Time regen = Seconds(5);
        const Time end = Hours(12);
        auto net = Build(1, Constants(tp, tv, Minutes(10)));
        Ptr<Node> ue = net->ues.Get(0);
        Ptr<TemporaryAddressManager> m = ImsAccessHelper::GetTemporaryAddressManager(ue);
        Events events;
        events.Connect(m);
        Simulator::Stop(end);
        Simulator::Run();
        Time desync = m->GetDesyncFactor();
        NS_TEST_ASSERT_MSG_EQ((desync >= Seconds(0) && desync <= Minutes(10)), true, "desync");
        Time period = tp - desync - regen;
        NS_TEST_ASSERT_MSG_EQ(events.generated.empty(), false, "no address");
        if (events.generated.empty())
        {
            return;
        }
        Time first = events.generated[0].second;
        // Addresses become preferred at first, first + period, ... up to the end.
        uint64_t expected = (end - first).GetTimeStep() / period.GetTimeStep() + 1;
        NS_TEST_ASSERT_MSG_EQ(events.generated.size(), expected, "rotations in 12 h");
        Ipv6Address prefix = m->GetPrefix();
        for (std::size_t k = 0; k < events.generated.size(); ++k)
        {
            Ipv6Address a = events.generated[k].first;
            Time generated = events.generated[k].second;
            Time created = generated - Seconds(1); // DAD
            NS_TEST_ASSERT_MSG_EQ(a, ExpectedTemporary(prefix, HISTORY, Eui64(ue), k), "#" << k);
            if (k > 0)
            {
                NS_TEST_ASSERT_MSG_EQ(generated - events.generated[k - 1].second, period, "gap");
            }
            Time deprecated = Events::Find(events.deprecated, a);
            Time invalidated = Events::Find(events.invalidated, a);
            if (created + tp - desync <= end)
            {
                NS_TEST_ASSERT_MSG_EQ(deprecated, created + tp - desync, "deprecation #" << k);
            }
            else
            {
                NS_TEST_ASSERT_MSG_EQ(deprecated, Seconds(-1), "early deprecation #" << k);
            }
            Ipv6InterfaceAddress::State_e state = Ipv6InterfaceAddress::INVALID;
            bool present = OnInterface(ue, a, &state);
            if (created + tv <= end)
            {
                NS_TEST_ASSERT_MSG_EQ(invalidated, created + tv, "invalidation #" << k);
                NS_TEST_ASSERT_MSG_EQ(present, false, "invalid address still on the interface");
                NS_TEST_ASSERT_MSG_EQ(m->IsValid(a), false, "IsValid after invalidation");
            }
            else
            {
                NS_TEST_ASSERT_MSG_EQ(present, true, "valid address not on the interface");
                NS_TEST_ASSERT_MSG_EQ(m->IsValid(a), true, "IsValid");
                if (deprecated != Seconds(-1))
                {
                    NS_TEST_ASSERT_MSG_EQ(state, Ipv6InterfaceAddress::DEPRECATED, "state");
                    NS_TEST_ASSERT_MSG_EQ(m->IsPreferred(a), false, "deprecated preferred");
                }
            }
        }
        NS_TEST_ASSERT_MSG_EQ(m->GetCurrentAddress(), events.generated.back().first, "newest");
        NS_TEST_ASSERT_MSG_EQ(m->GetNGenerated(), events.generated.size(), "counter");
        Simulator::Destroy();
    }
};

/**
 * \ingroup imssec-tests
 * DESYNC_FACTOR: drawn per UE from its stream (distinct, in range, reproducible), so UEs do
 * not rotate together; with the RFC 8981 preset it is drawn for every address.
 */
class DesyncTestCase : public AccessTestCase
{
  public:
    DesyncTestCase()
        : AccessTestCase("DESYNC_FACTOR desynchronises UEs; RFC 8981 draws it per address")
    {
    }

  private:
    void DoRun() override
    {
        const uint32_t n = 20;
        std::vector<Time> desync;
        {
            auto net = Build(n);
            std::vector<Events> events(n);
            for (uint32_t i = 0; i < n; ++i)
            {
                events[i].Connect(ImsAccessHelper::GetTemporaryAddressManager(net->ues.Get(i)));
            }
            Simulator::Stop(Days(1) + Hours(1));
            Simulator::Run();
            std::set<Time> values;
            std::set<Time> rotations;
            for (uint32_t i = 0; i < n; ++i)
            {
                Ptr<TemporaryAddressManager> m =
                    ImsAccessHelper::GetTemporaryAddressManager(net->ues.Get(i));
                Time d = m->GetDesyncFactor();
                desync.push_back(d);
                NS_TEST_ASSERT_MSG_EQ((d >= Seconds(0) && d <= Minutes(10)), true, "range");
                values.insert(d);
                NS_TEST_ASSERT_MSG_EQ(events[i].deprecated.size(), 1u, "one rotation in a day");
                if (!events[i].deprecated.empty())
                {
                    rotations.insert(events[i].deprecated[0].second);
                }
            }
            NS_TEST_ASSERT_MSG_EQ(values.size(), n, "DESYNC_FACTOR values not distinct");
            NS_TEST_ASSERT_MSG_EQ(rotations.size(), n, "UEs rotated together");
            Simulator::Destroy();
        }
        {
            // The same streams give the same values.
            auto again = Build(n);
            Simulator::Stop(Seconds(2));
            Simulator::Run();
            for (uint32_t i = 0; i < n; ++i)
            {
                NS_TEST_ASSERT_MSG_EQ(ImsAccessHelper::GetTemporaryAddressManager(again->ues.Get(i))
                                          ->GetDesyncFactor(),
                                      desync[i],
                                      "not reproducible");
            }
            Simulator::Destroy();
        }
        {
            // RFC 8981: a DESYNC_FACTOR per address, up to 0.4 of TEMP_PREFERRED_LIFETIME.
            auto net = Build(1, [](ImsAccessHelper& a) {
                a.GetTemporaryAddressHelper().SetPreset(TemporaryAddressManager::RFC_8981);
            });
            Ptr<TemporaryAddressManager> m =
                ImsAccessHelper::GetTemporaryAddressManager(net->ues.Get(0));
            Events events;
            events.Connect(m);
            Simulator::Stop(Days(6));
            Simulator::Run();
            std::set<Time> preferred;
            for (const auto& d : events.deprecated)
            {
                Time created = Events::Find(events.generated, d.first) - Seconds(1);
                Time lifetime = d.second - created;
                NS_TEST_ASSERT_MSG_EQ((lifetime >= Days(1) * 0.6 && lifetime <= Days(1)),
                                      true,
                                      "preferred lifetime " << lifetime.As(Time::H));
                preferred.insert(lifetime);
            }
            NS_TEST_ASSERT_MSG_GT(events.deprecated.size(), 5u, "rotations in 6 days");
            NS_TEST_ASSERT_MSG_EQ(preferred.size(), events.deprecated.size(), "same desync");
            // RFC 8981 TEMP_VALID_LIFETIME: 2 days.
            for (const auto& inv : events.invalidated)
            {
                Time created = Events::Find(events.generated, inv.first) - Seconds(1);
                NS_TEST_ASSERT_MSG_EQ(inv.second - created, Days(2), "valid lifetime");
            }
            Simulator::Destroy();
        }
    }
};

/**
 * \ingroup imssec-tests
 * Rotation switched off: no temporary address; the public address is the current one.
 */
class RotationOffTestCase : public AccessTestCase
{
  public:
    RotationOffTestCase()
        : AccessTestCase("rotation off: the public address is used, no temporary address")
    {
    }

  private:
    void DoRun() override
    {
        auto net = Build(1, [](ImsAccessHelper& a) {
            a.GetTemporaryAddressHelper().SetAttribute("UseTemporaryAddresses",
                                                       BooleanValue(false));
        });
        Ptr<Node> ue = net->ues.Get(0);
        Ptr<TemporaryAddressManager> m = ImsAccessHelper::GetTemporaryAddressManager(ue);
        Events events;
        events.Connect(m);
        Simulator::Stop(Days(3));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(m->GetTemporaryAddresses().size(), 0u, "temporary addresses");
        NS_TEST_ASSERT_MSG_EQ(events.generated.size(), 0u, "generated");
        NS_TEST_ASSERT_MSG_EQ(m->GetCurrentAddress(), m->GetPublicAddress(), "current");
        NS_TEST_ASSERT_MSG_EQ(m->GetPublicAddress().IsAny(), false, "public address");
        NS_TEST_ASSERT_MSG_EQ(m->IsValid(m->GetPublicAddress()), true, "valid");
        NS_TEST_ASSERT_MSG_EQ(ue->GetObject<Ipv6L3Protocol>()->GetNAddresses(1),
                              2u,
                              "link-local and public only");
        Simulator::Destroy();
    }
};

/**
 * \ingroup imssec-tests
 * DAD finds the first temporary address in use (the GGSN defends it): it is removed and the
 * next identifier of the MD5 chain is used; after 1 + TempIdgenRetries failures in a row
 * the manager gives up.
 */
class DadCollisionTestCase : public AccessTestCase
{
  public:
    /**
     * \param collisions number of consecutive addresses in use
     * \param retries TempIdgenRetries
     */
    DadCollisionTestCase(uint32_t collisions, uint32_t retries)
        : AccessTestCase(collisions <= retries
                             ? "a DAD collision is handled with a new identifier"
                             : "repeated DAD collisions make the manager give up"),
          m_collisions(collisions),
          m_retries(retries)
    {
    }

  private:
    void DoRun() override
    {
        uint32_t retries = m_retries;
        auto net = Build(1, [retries](ImsAccessHelper& a) {
            a.GetTemporaryAddressHelper().SetAttribute("InitialHistory", UintegerValue(HISTORY));
            a.GetTemporaryAddressHelper().SetAttribute("TempIdgenRetries", UintegerValue(retries));
        });
        Ptr<Node> ue = net->ues.Get(0);
        uint32_t link = net->access.GetUeLink(ue);
        // The first activation gets the pool's first prefix.
        Ipv6Address prefix = net->app->GetPrefixPool()->GetPrefixByIndex(0);
        std::vector<Ipv6Address> taken;
        for (uint32_t k = 0; k < m_collisions; ++k)
        {
            taken.push_back(ExpectedTemporary(prefix, HISTORY, Eui64(ue), k));
            net->app->ClaimAddress(link, taken.back());
        }
        Ptr<TemporaryAddressManager> m = ImsAccessHelper::GetTemporaryAddressManager(ue);
        Events events;
        events.Connect(m);
        Simulator::Stop(Seconds(100));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(net->app->GetUePrefix(link), prefix, "prefix");
        uint32_t failures = std::min(m_collisions, m_retries + 1);
        NS_TEST_ASSERT_MSG_EQ(events.dadFailures.size(), failures, "DAD failures traced");
        NS_TEST_ASSERT_MSG_EQ(m->GetNDadFailures(), failures, "DAD failures counted");
        NS_TEST_ASSERT_MSG_EQ(net->app->GetNDadDefences(), failures, "probes answered");
        for (uint32_t k = 0; k < failures && k < events.dadFailures.size(); ++k)
        {
            NS_TEST_ASSERT_MSG_EQ(events.dadFailures[k].first, taken[k], "failure #" << k);
            NS_TEST_ASSERT_MSG_EQ(OnInterface(ue, taken[k]), false, "duplicate kept");
        }
        if (m_collisions <= m_retries)
        {
            Ipv6Address next = ExpectedTemporary(prefix, HISTORY, Eui64(ue), m_collisions);
            NS_TEST_ASSERT_MSG_EQ(m->HasGivenUp(), false, "gave up");
            NS_TEST_ASSERT_MSG_EQ(m->GetCurrentAddress(), next, "next identifier");
            NS_TEST_ASSERT_MSG_EQ(events.generated.size(), 1u, "generated");
            NS_TEST_ASSERT_MSG_EQ(OnInterface(ue, next), true, "new address on the interface");
        }
        else
        {
            NS_TEST_ASSERT_MSG_EQ(m->HasGivenUp(), true, "did not give up");
            NS_TEST_ASSERT_MSG_EQ(m->GetTemporaryAddresses().size(), 0u, "temporary addresses");
            NS_TEST_ASSERT_MSG_EQ(m->GetCurrentAddress(), Ipv6Address::GetAny(), "current");
            m->SetAttribute("PublicFallback", BooleanValue(true));
            NS_TEST_ASSERT_MSG_EQ(m->GetCurrentAddress(), m->GetPublicAddress(), "fallback");
        }
        Simulator::Destroy();
    }

    uint32_t m_collisions; //!< addresses in use
    uint32_t m_retries;    //!< TempIdgenRetries
};

/**
 * \ingroup imssec-tests
 * Lifetimes advertised by the GGSN bound those of the temporary addresses; a zero preferred
 * lifetime deprecates them without regeneration, a preferred prefix again brings a new one.
 */
class AdvertisedLifetimesTestCase : public AccessTestCase
{
  public:
    AdvertisedLifetimesTestCase()
        : AccessTestCase("advertised lifetimes bound, deprecate and restart temporary addresses")
    {
    }

  private:
    void DoRun() override
    {
        auto net = Build(1, [](ImsAccessHelper& a) {
            a.SetGgsnAttribute("AdvPreferredLifetime", UintegerValue(1800));
            a.SetGgsnAttribute("AdvValidLifetime", UintegerValue(7200));
        });
        Ptr<Node> ue = net->ues.Get(0);
        uint32_t link = net->access.GetUeLink(ue);
        Ptr<TemporaryAddressManager> m = ImsAccessHelper::GetTemporaryAddressManager(ue);
        Events events;
        events.Connect(m);
        Ptr<GgsnApplication> app = net->app;
        Simulator::Schedule(Seconds(100), [app, link]() {
            app->SetAttribute("AdvPreferredLifetime", UintegerValue(0));
            app->Advertise(link);
        });
        Simulator::Schedule(Seconds(300), [app, link]() {
            app->SetAttribute("AdvPreferredLifetime", UintegerValue(0xffffffff));
            app->SetAttribute("AdvValidLifetime", UintegerValue(0xffffffff));
            app->Advertise(link);
        });
        TemporaryAddressManager::TemporaryAddress first;
        Simulator::Schedule(Seconds(50), [&]() {
            if (!m->GetTemporaryAddresses().empty())
            {
                first = m->GetTemporaryAddresses()[0];
            }
        });
        Simulator::Stop(Seconds(400));
        Simulator::Run();
        // min(public lifetime, TEMP_*_LIFETIME): the advertised 1800 s / 7200 s win.
        NS_TEST_ASSERT_MSG_EQ(first.preferredUntil - first.created, Seconds(1800), "preferred");
        NS_TEST_ASSERT_MSG_EQ(first.validUntil - first.created, Seconds(7200), "valid");
        NS_TEST_ASSERT_MSG_EQ(events.deprecated.size(), 1u, "deprecations");
        NS_TEST_ASSERT_MSG_EQ(events.generated.size(), 2u, "generated");
        if (events.deprecated.size() != 1 || events.generated.size() != 2)
        {
            return;
        }
        NS_TEST_ASSERT_MSG_EQ(events.deprecated[0].first, first.address, "deprecated address");
        NS_TEST_ASSERT_MSG_EQ((events.deprecated[0].second > Seconds(100) &&
                               events.deprecated[0].second < Seconds(101)),
                              true,
                              "deprecated by the RA at 100 s");
        NS_TEST_ASSERT_MSG_EQ(events.generated.size(), 2u, "generated");
        NS_TEST_ASSERT_MSG_EQ((events.generated[1].second > Seconds(300) &&
                               events.generated[1].second < Seconds(302)),
                              true,
                              "no regeneration before the prefix is preferred again");
        NS_TEST_ASSERT_MSG_EQ(m->IsValid(first.address), true, "deprecated address still valid");
        NS_TEST_ASSERT_MSG_EQ(m->GetCurrentAddress(), events.generated[1].first, "current");
        Simulator::Destroy();
    }
};

/**
 * \ingroup imssec-tests
 * A deprecated address still receives packets through the GGSN; once invalid it does not.
 */
class DeprecatedDeliveryTestCase : public AccessTestCase
{
  public:
    DeprecatedDeliveryTestCase()
        : AccessTestCase("a deprecated address receives packets until it becomes invalid")
    {
    }

  private:
    void DoRun() override
    {
        auto net = Build(1, Constants(Hours(1), Hours(2), Minutes(1)));
        Ptr<Node> ue = net->ues.Get(0);
        Ptr<TemporaryAddressManager> m = ImsAccessHelper::GetTemporaryAddressManager(ue);
        std::vector<std::pair<Ipv6Address, Time>> received;
        Ptr<Socket> sink = Socket::CreateSocket(ue, UdpSocketFactory::GetTypeId());
        sink->Bind(Inet6SocketAddress(Ipv6Address::GetAny(), 5060));
        sink->SetRecvPktInfo(true);
        sink->SetRecvCallback(
            MakeCallback(+[](std::vector<std::pair<Ipv6Address, Time>>* v, Ptr<Socket> s) {
                Ptr<Packet> p;
                while ((p = s->Recv()))
                {
                    Ipv6PacketInfoTag tag;
                    p->PeekPacketTag(tag);
                    v->emplace_back(tag.GetAddress(), Simulator::Now());
                }
            }).Bind(&received));
        Ptr<Socket> source = Socket::CreateSocket(net->core, UdpSocketFactory::GetTypeId());
        source->Bind(Inet6SocketAddress(net->coreAddress, 0));
        Ipv6Address first;
        Simulator::Schedule(Seconds(10), [&]() { first = m->GetCurrentAddress(); });
        auto send = [&](Ipv6Address to) {
            source->SendTo(Create<Packet>(50), 0, Inet6SocketAddress(to, 5060));
        };
        Simulator::Schedule(Minutes(90), [&]() {
            NS_TEST_EXPECT_MSG_EQ(m->IsPreferred(first), false, "still preferred at 1.5 h");
            NS_TEST_EXPECT_MSG_EQ(m->IsValid(first), true, "not valid at 1.5 h");
            send(first);
        });
        Simulator::Schedule(Minutes(150), [&]() {
            NS_TEST_EXPECT_MSG_EQ(m->IsValid(first), false, "valid at 2.5 h");
            send(first);
            send(m->GetCurrentAddress());
        });
        Simulator::Stop(Hours(3));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(received.size(), 2u, "datagrams received");
        if (received.size() != 2)
        {
            return;
        }
        NS_TEST_ASSERT_MSG_EQ(received[0].first, first, "to the deprecated address");
        NS_TEST_ASSERT_MSG_NE(received[1].first, first, "to the invalid address");
        NS_TEST_ASSERT_MSG_GT(received[1].second, Minutes(150), "second datagram time");
        Simulator::Destroy();
    }
};

/**
 * \ingroup imssec-tests
 * A simulated week at a 15 min rotation interval under RFC 3041's one-week valid lifetime:
 * without a bound about 670 addresses would pile up on the interface.  Unused deprecated
 * addresses beyond MaxDeprecatedAddresses go early (RFC 4941 3.4), an address an upper layer
 * uses stays until its valid lifetime ends and then goes, and every lookup (the manager's and
 * ns-3's) is right after a removal.
 */
class BoundedAddressesTestCase : public AccessTestCase
{
  public:
    BoundedAddressesTestCase()
        : AccessTestCase("addresses on the interface stay bounded over a simulated week")
    {
    }

  private:
    void DoRun() override
    {
        auto net = Build(1, Constants(Minutes(15), Days(7), Minutes(1)));
        Ptr<Node> ue = net->ues.Get(0);
        Ptr<Ipv6L3Protocol> ipv6 = ue->GetObject<Ipv6L3Protocol>();
        Ptr<TemporaryAddressManager> m = ImsAccessHelper::GetTemporaryAddressManager(ue);
        Events events;
        events.Connect(m);
        // An upper layer holds on to the third address.
        Ipv6Address held;
        m->SetAddressInUseCallback(
            MakeCallback(+[](const Events* e, Ipv6Address* h, Ipv6Address a) {
                if (h->IsAny() && e->generated.size() >= 3)
                {
                    *h = e->generated[2].first;
                }
                return a == *h;
            }).Bind(&events, &held));
        uint32_t most = 0;
        std::function<void()> sample = [&]() {
            most = std::max(most, ipv6->GetNAddresses(1));
            Simulator::Schedule(Minutes(7), sample);
        };
        Simulator::Schedule(Seconds(2), sample);

        Simulator::Stop(Days(3));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_GT(events.generated.size(), 280u, "rotated every 15 min");
        NS_TEST_ASSERT_MSG_EQ(held, events.generated[2].first, "third address held");
        Ipv6Address early = events.generated[0].first;
        Ipv6Address kept = events.generated[events.generated.size() - 10].first;
        // The oldest unused one went long before its valid lifetime (7 days) ended.
        Time earlyGone = Events::Find(events.invalidated, early);
        NS_TEST_EXPECT_MSG_GT(earlyGone, Seconds(0), "removed");
        NS_TEST_EXPECT_MSG_LT(earlyGone, Hours(6), "early, once 16 newer were deprecated");
        NS_TEST_EXPECT_MSG_EQ(OnInterface(ue, early), false, "not on the interface");
        NS_TEST_EXPECT_MSG_EQ(ipv6->GetInterfaceForAddress(early), -1, "unknown to ns-3");
        NS_TEST_EXPECT_MSG_EQ(m->IsValid(early), false, "not valid");
        NS_TEST_EXPECT_MSG_EQ(m->IsPreferred(early), false, "not preferred");
        NS_TEST_EXPECT_MSG_EQ(m->IsTemporary(early), false, "not a temporary address any more");
        // A recent deprecated one is still there; so is the one in use.
        Ipv6InterfaceAddress::State_e state = Ipv6InterfaceAddress::INVALID;
        NS_TEST_EXPECT_MSG_EQ(OnInterface(ue, kept, &state), true, "recent one kept");
        NS_TEST_EXPECT_MSG_EQ(state, Ipv6InterfaceAddress::DEPRECATED, "deprecated");
        NS_TEST_EXPECT_MSG_EQ(ipv6->GetInterfaceForAddress(kept), 1, "known to ns-3");
        NS_TEST_EXPECT_MSG_EQ(m->IsValid(kept), true, "valid");
        NS_TEST_EXPECT_MSG_EQ(m->IsPreferred(kept), false, "not preferred");
        NS_TEST_EXPECT_MSG_EQ(m->IsTemporary(kept), true, "temporary");
        NS_TEST_EXPECT_MSG_EQ(OnInterface(ue, held), true, "the address in use stays");
        NS_TEST_EXPECT_MSG_EQ(m->IsValid(held), true, "valid");
        Time heldValidUntil = Seconds(-1);
        for (const auto& t : m->GetTemporaryAddresses())
        {
            heldValidUntil = t.address == held ? t.validUntil : heldValidUntil;
        }
        NS_TEST_EXPECT_MSG_GT(heldValidUntil, Days(7), "valid for a week");
        Ipv6Address current = m->GetCurrentAddress();
        NS_TEST_EXPECT_MSG_EQ(current, events.generated.back().first, "newest is current");
        NS_TEST_EXPECT_MSG_EQ(m->IsPreferred(current), true, "and preferred");

        Simulator::Stop(Days(4) + Hours(1)); // past the held address's valid lifetime
        Simulator::Run();
        NS_TEST_ASSERT_MSG_GT(events.generated.size(), 660u, "a week of rotations");
        // link-local, public, 16 unused deprecated, the held one, preferred, tentative
        NS_TEST_EXPECT_MSG_LT_OR_EQ(most, 21u, "bounded all week");
        NS_TEST_EXPECT_MSG_GT(m->GetNRemovedUnused(), 600u, "the others removed early");
        Time heldGone = Events::Find(events.invalidated, held);
        NS_TEST_EXPECT_MSG_EQ(heldGone,
                              heldValidUntil,
                              "the held address went when its valid lifetime ended");
        NS_TEST_EXPECT_MSG_EQ(OnInterface(ue, held), false, "off the interface");
        NS_TEST_EXPECT_MSG_EQ(m->IsValid(held), false, "not valid");
        NS_TEST_EXPECT_MSG_EQ(m->GetNInvalidated(),
                              events.invalidated.size(),
                              "every removal reported");
    }
};

/**
 * \ingroup imssec-tests
 * With MaxDeprecatedAddresses unlimited, addresses leave the interface exactly when their
 * valid lifetime ends (RFC 4941 3.4, RFC 3041 3.5), so the count is bounded by
 * TempValidLifetime / TempPreferredLifetime.
 */
class ValidLifetimeEndTestCase : public AccessTestCase
{
  public:
    ValidLifetimeEndTestCase()
        : AccessTestCase("an address leaves the interface when its valid lifetime ends")
    {
    }

  private:
    void DoRun() override
    {
        auto net = Build(1, [](ImsAccessHelper& a) {
            Constants(Minutes(15), Hours(2), Minutes(1))(a);
            a.GetTemporaryAddressHelper().SetAttribute("MaxDeprecatedAddresses",
                                                       UintegerValue(0xffffffff));
        });
        Ptr<Node> ue = net->ues.Get(0);
        Ptr<Ipv6L3Protocol> ipv6 = ue->GetObject<Ipv6L3Protocol>();
        Ptr<TemporaryAddressManager> m = ImsAccessHelper::GetTemporaryAddressManager(ue);
        Events events;
        events.Connect(m);
        std::vector<TemporaryAddressManager::TemporaryAddress> seen;
        uint32_t most = 0;
        std::function<void()> sample = [&]() {
            most = std::max(most, ipv6->GetNAddresses(1));
            for (const auto& t : m->GetTemporaryAddresses())
            {
                if (std::none_of(seen.begin(), seen.end(), [&t](const auto& s) {
                        return s.address == t.address;
                    }))
                {
                    seen.push_back(t);
                }
            }
            Simulator::Schedule(Minutes(5), sample);
        };
        Simulator::Schedule(Seconds(3), sample);
        Simulator::Stop(Days(1));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_GT(seen.size(), 90u, "a day of rotations");
        uint32_t checked = 0;
        for (const auto& t : seen)
        {
            if (t.validUntil < Days(1) - Minutes(1))
            {
                NS_TEST_EXPECT_MSG_EQ(Events::Find(events.invalidated, t.address),
                                      t.validUntil,
                                      "removed at its valid lifetime's end");
                NS_TEST_EXPECT_MSG_EQ(OnInterface(ue, t.address), false, "off the interface");
                ++checked;
            }
        }
        NS_TEST_EXPECT_MSG_GT(checked, 80u, "most of them expired");
        NS_TEST_EXPECT_MSG_EQ(m->GetNRemovedUnused(), 0u, "none removed early");
        // link-local, public, 2 h / (15 min - desync) addresses, the successor
        NS_TEST_EXPECT_MSG_LT_OR_EQ(most, 2u + 9u + 2u, "bounded by valid / rotation");
    }
};

/**
 * \ingroup imssec-tests
 * Temporary address suite.
 */
class AccessTemporaryAddressTestSuite : public TestSuite
{
  public:
    AccessTemporaryAddressTestSuite()
        : TestSuite("imssec-access-temporary-address", UNIT)
    {
        AddTestCase(new AddressFormTestCase, TestCase::QUICK);
        AddTestCase(new LifetimesTestCase, TestCase::QUICK);
        AddTestCase(new DesyncTestCase, TestCase::QUICK);
        AddTestCase(new RotationOffTestCase, TestCase::QUICK);
        AddTestCase(new DadCollisionTestCase(1, 5), TestCase::QUICK);
        AddTestCase(new DadCollisionTestCase(3, 2), TestCase::QUICK);
        AddTestCase(new AdvertisedLifetimesTestCase, TestCase::QUICK);
        AddTestCase(new DeprecatedDeliveryTestCase, TestCase::QUICK);
        AddTestCase(new BoundedAddressesTestCase, TestCase::QUICK);
        AddTestCase(new ValidLifetimeEndTestCase, TestCase::QUICK);
    }
};

static AccessTemporaryAddressTestSuite g_accessTemporaryAddressTestSuite; //!< Static instance
