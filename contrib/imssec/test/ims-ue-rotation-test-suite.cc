/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The UE's reaction to an RFC 3041 address rotation under each policy, with and without a
// session in progress: what it sends, which SAs exist afterwards, which sessions are dropped
// and why, and how long each address was used.
#include "ims-ue-test-core.h"

#include "ns3/enum.h"
#include "ns3/integer.h"
#include "ns3/ipsec-sa.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <string>

using namespace ns3;
using namespace ns3::tests;

namespace
{

/// Rotation every 300 s (the successor appears REGEN_ADVANCE = 5 s earlier), addresses
/// valid for 900 s, no DESYNC_FACTOR: the first rotation comes about 297 s into the run.
void
FastRotation(ImsAccessHelper& a)
{
    TemporaryAddressManagerHelper& t = a.GetTemporaryAddressHelper();
    t.SetAttribute("TempPreferredLifetime", TimeValue(Seconds(300)));
    t.SetAttribute("TempValidLifetime", TimeValue(Seconds(900)));
    t.SetAttribute("MaxDesyncFactor", TimeValue(Seconds(0)));
}

/// What the UE did on rotations.
struct Rotations
{
    std::vector<ImsUeRotationPolicy::Action> actions;               //!< decisions
    std::vector<std::tuple<Ipv6Address, Time, Time>> used;          //!< AddressUsed
    std::vector<std::pair<std::string, ImsSessionDropCause>> drops; //!< SessionDropped

    /**
     * \param c the client to follow
     */
    void Connect(Ptr<ImsUeClient> c)
    {
        c->TraceConnectWithoutContext("RotationHandled",
                                      MakeCallback(+[](Rotations* r,
                                                       Ipv6Address,
                                                       Ipv6Address,
                                                       ImsUeRotationPolicy::Action a) {
                                          r->actions.push_back(a);
                                      }).Bind(this));
        c->TraceConnectWithoutContext(
            "AddressUsed",
            MakeCallback(+[](Rotations* r, Ipv6Address a, Time first, Time last) {
                r->used.emplace_back(a, first, last);
            }).Bind(this));
        c->TraceConnectWithoutContext(
            "SessionDropped",
            MakeCallback(+[](Rotations* r, const std::string& id, bool, ImsSessionDropCause d) {
                r->drops.emplace_back(id, d);
            }).Bind(this));
    }
};

/**
 * \param net the network
 * \param from start time
 * \param to end time
 * \param method a method
 * \returns the requests of that method the UE sent in [from, to)
 */
std::vector<WirePacket>
Sent(const UeTestNetwork& net, Time from, Time to, const std::string& method)
{
    std::vector<WirePacket> out;
    for (const WirePacket& w : net.Find(true, method, 0))
    {
        if (w.time >= from && w.time < to)
        {
            out.push_back(w);
        }
    }
    return out;
}

} // namespace

/**
 * \ingroup imssec-tests
 * Base: the simulator is destroyed after every case.
 */
class UeRotationTestCase : public TestCase
{
  public:
    /** \param name the name */
    explicit UeRotationTestCase(std::string name)
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
 * SAs bound to the address (no addr-pref-length), drop-and-reregister: at the rotation the
 * UE releases its session without a BYE (dropped, cause address-change), deletes its SAs and
 * sends an unprotected REGISTER from the new address with a new Call-ID; the new SA set is
 * bound to the new address.  Without a session nothing is dropped.
 */
class DropAndReregisterTestCase : public UeRotationTestCase
{
  public:
    /** \param withSession a session is in progress at the rotation */
    explicit DropAndReregisterTestCase(bool withSession)
        : UeRotationTestCase(std::string("128-bit SAs, drop-and-reregister, ") +
                             (withSession ? "session in progress" : "idle")),
          m_withSession(withSession)
    {
    }

  private:
    void DoRun() override
    {
        UeTestNetwork net(FastRotation, [](ImsUeHelper& h) {
            h.SetAttribute("SessionRefreshInterval", TimeValue(Seconds(60)));
        });
        Rotations r;
        r.Connect(net.client);
        if (m_withSession)
        {
            Simulator::Schedule(Seconds(100), [&net]() { net.client->Call(Seconds(1000)); });
        }
        uint32_t oldHandle = 0;
        Simulator::Schedule(Seconds(200),
                            [&]() { oldHandle = net.client->GetSecurity().GetActive().handle; });
        Simulator::Stop(Seconds(400));
        Simulator::Run();

        IMS_TEST_REQUIRE_SIZE(net.generated, 2, "one rotation");
        Time rotation = net.generated[1].first;
        Ipv6Address oldAddress = net.generated[0].second;
        Ipv6Address newAddress = net.generated[1].second;
        IMS_TEST_REQUIRE_SIZE(r.actions, 1, "one decision");
        NS_TEST_ASSERT_MSG_EQ(r.actions[0], ImsUeRotationPolicy::REREGISTER, "decision");
        auto after = net.SipSince(rotation);
        IMS_TEST_REQUIRE_SIZE(after, 4, "REGISTER 401 REGISTER 200, and nothing else");
        NS_TEST_ASSERT_MSG_EQ(after[0].message.GetMethod(), "REGISTER", "REGISTER first");
        NS_TEST_ASSERT_MSG_EQ(after[0].time, rotation, "at once");
        NS_TEST_ASSERT_MSG_EQ(+after[0].nextHeader, 17, "unprotected");
        NS_TEST_ASSERT_MSG_EQ(after[0].source, newAddress, "from the new address");
        NS_TEST_ASSERT_MSG_NE(*after[0].message.GetCallId(),
                              *net.Find(true, "REGISTER", 0)[0].message.GetCallId(),
                              "new Call-ID");
        NS_TEST_ASSERT_MSG_EQ(UriAddress(after[0].message.GetContacts()[0].GetUri()),
                              newAddress,
                              "Contact");
        NS_TEST_ASSERT_MSG_EQ(Sent(net, rotation, Seconds(400), "BYE").size(), 0, "no BYE");
        // SAs: the old set gone, one new one bound to the new address
        NS_TEST_ASSERT_MSG_EQ(net.ueIpsec->HasSaSet(oldHandle), false, "old set deleted");
        NS_TEST_ASSERT_MSG_EQ(net.UeSaSets(), 1, "one set");
        const IpsecSaSetParameters& p = net.client->GetSecurity().GetActive().parameters;
        NS_TEST_ASSERT_MSG_EQ(p.ueAddress, newAddress, "bound to the new address");
        NS_TEST_ASSERT_MSG_EQ(+p.uePrefixLength, 128, "128 bits");
        NS_TEST_ASSERT_MSG_EQ(net.client->GetSourceAddress(), newAddress, "source");
        const ImsUeCounters& c = net.client->GetCounters();
        NS_TEST_ASSERT_MSG_EQ(c.GetRegistrationsStarted(REG_ADDRESS_CHANGE), 1, "started");
        NS_TEST_ASSERT_MSG_EQ(c.GetRegistrationsCompleted(REG_ADDRESS_CHANGE), 1, "completed");
        NS_TEST_ASSERT_MSG_EQ(c.GetTotalSessionsDropped(), (m_withSession ? 1 : 0), "drops");
        if (m_withSession)
        {
            NS_TEST_ASSERT_MSG_EQ(c.GetSessionsDropped(DROP_ADDRESS_CHANGE), 1, "cause");
            IMS_TEST_REQUIRE_SIZE(r.drops, 1, "trace");
            NS_TEST_ASSERT_MSG_EQ(r.drops[0].second, DROP_ADDRESS_CHANGE, "traced cause");
            NS_TEST_ASSERT_MSG_EQ(net.client->GetSessions().GetSessionCount(), 0, "released");
            // the UPDATEs before the rotation came from the old address
            auto updates = Sent(net, Seconds(0), rotation, "UPDATE");
            NS_TEST_ASSERT_MSG_EQ(updates.size(), 3, "UPDATE every 60 s");
            for (const WirePacket& u : updates)
            {
                NS_TEST_ASSERT_MSG_EQ(u.source, oldAddress, "session on the old address");
            }
        }
        // the old address was last used at the rotation
        const ImsUeAddressUsage::Record* old = net.client->GetAddressUsage().Find(oldAddress);
        NS_TEST_ASSERT_MSG_NE(old, nullptr, "old address record");
        if (old)
        {
            NS_TEST_ASSERT_MSG_LT(old->lastUse, rotation, "not used after the rotation");
        }
    }

    bool m_withSession; //!< a session at the rotation
};

/**
 * \ingroup imssec-tests
 * SAs bound to the /64 (addr-pref-length 64), keep-contact: nothing is sent at the rotation,
 * the session goes on (its UPDATEs from its own address), a new session leaves from the new
 * address through the same SAs, and the next re-registration moves the Contact.
 */
class KeepContactTestCase : public UeRotationTestCase
{
  public:
    KeepContactTestCase()
        : UeRotationTestCase("prefix SAs, keep-contact: nothing sent, new sessions from the new "
                             "address, Contact moves at the refresh")
    {
    }

  private:
    void DoRun() override
    {
        UeTestNetwork net(FastRotation, [](ImsUeHelper& h) {
            h.SetAttribute("AddrPrefLength", IntegerValue(64));
            h.SetAttribute("SessionRefreshInterval", TimeValue(Seconds(60)));
        });
        net.core->maxExpires = 1000;
        Rotations r;
        r.Connect(net.client);
        Simulator::Schedule(Seconds(100), [&net]() { net.client->Call(Seconds(350)); });
        Simulator::Schedule(Seconds(320), [&net]() { net.client->Call(Seconds(30)); });
        uint32_t handle = 0;
        Simulator::Schedule(Seconds(200),
                            [&]() { handle = net.client->GetSecurity().GetActive().handle; });
        uint32_t handleAfter = 0;
        Simulator::Schedule(Seconds(400),
                            [&]() { handleAfter = net.client->GetSecurity().GetActive().handle; });
        Simulator::Stop(Seconds(580));
        Simulator::Run();

        IMS_TEST_REQUIRE_SIZE(net.generated, 2, "one rotation");
        Time rotation = net.generated[1].first;
        Ipv6Address oldAddress = net.generated[0].second;
        Ipv6Address newAddress = net.generated[1].second;
        IMS_TEST_REQUIRE_SIZE(r.actions, 1, "one decision");
        NS_TEST_ASSERT_MSG_EQ(r.actions[0], ImsUeRotationPolicy::SWITCH_SOURCE, "decision");
        NS_TEST_ASSERT_MSG_EQ(Sent(net, rotation, Seconds(400), "REGISTER").size(),
                              0,
                              "no REGISTER at the rotation");
        NS_TEST_ASSERT_MSG_EQ(handleAfter, handle, "same SA set");
        // the first session: UPDATEs before and after the rotation from the old address
        auto updates = Sent(net, Seconds(0), Seconds(450), "UPDATE");
        NS_TEST_ASSERT_MSG_GT_OR_EQ(updates.size(), 5, "UPDATEs go on");
        auto invites = Sent(net, Seconds(0), Seconds(580), "INVITE");
        IMS_TEST_REQUIRE_SIZE(invites, 2, "two sessions");
        NS_TEST_ASSERT_MSG_EQ(invites[0].source, oldAddress, "first from the old address");
        NS_TEST_ASSERT_MSG_EQ(invites[1].source, newAddress, "second from the new address");
        NS_TEST_ASSERT_MSG_EQ(invites[1].spi, invites[0].spi, "through the same SA");
        NS_TEST_ASSERT_MSG_EQ(UriAddress(invites[1].message.GetContacts()[0].GetUri()),
                              newAddress,
                              "its Contact");
        for (const WirePacket& u : updates)
        {
            if (*u.message.GetCallId() == *invites[0].message.GetCallId())
            {
                NS_TEST_ASSERT_MSG_EQ(u.source, oldAddress, "first session stays");
            }
        }
        const ImsUeCounters& c = net.client->GetCounters();
        NS_TEST_ASSERT_MSG_EQ(c.GetTotalSessionsDropped(), 0, "nothing dropped");
        NS_TEST_ASSERT_MSG_EQ(c.GetSessionsCompleted(), 2, "both completed");
        NS_TEST_ASSERT_MSG_EQ(c.GetRegistrationsStarted(REG_ADDRESS_CHANGE), 0, "no new reg");
        // the refresh (half of 1000 s) moves the Contact to the new address
        auto refreshes = Sent(net, Seconds(450), Seconds(580), "REGISTER");
        NS_TEST_ASSERT_MSG_GT_OR_EQ(refreshes.size(), 1, "refresh");
        if (!refreshes.empty())
        {
            NS_TEST_ASSERT_MSG_EQ(refreshes[0].source, newAddress, "refresh from the new address");
            NS_TEST_ASSERT_MSG_EQ(+refreshes[0].nextHeader, 50, "protected");
            NS_TEST_ASSERT_MSG_EQ(UriAddress(refreshes[0].message.GetContacts()[0].GetUri()),
                                  newAddress,
                                  "Contact moves");
        }
        NS_TEST_ASSERT_MSG_EQ(net.client->GetRegistration().GetContactAddress(),
                              newAddress,
                              "registered Contact");
        NS_TEST_ASSERT_MSG_EQ(c.GetRegistrationsCompleted(REG_REFRESH), 1, "refresh counted");
    }
};

/**
 * \ingroup imssec-tests
 * Prefix SAs, refresh-contact: a protected re-REGISTER from the new address with the new
 * Contact (cause contact-refresh) at the rotation; the session is not disturbed.
 */
class RefreshContactTestCase : public UeRotationTestCase
{
  public:
    RefreshContactTestCase()
        : UeRotationTestCase("prefix SAs, refresh-contact: protected re-REGISTER at the rotation")
    {
    }

  private:
    void DoRun() override
    {
        UeTestNetwork net(FastRotation, [](ImsUeHelper& h) {
            h.SetAttribute("AddrPrefLength", IntegerValue(64));
            h.SetAttribute("CoveredRotationAction",
                           EnumValue(ImsUeRotationPolicy::REFRESH_CONTACT));
            h.SetAttribute("SessionRefreshInterval", TimeValue(Seconds(60)));
        });
        Rotations r;
        r.Connect(net.client);
        Simulator::Schedule(Seconds(100), [&net]() { net.client->Call(Seconds(300)); });
        Simulator::Stop(Seconds(450));
        Simulator::Run();

        IMS_TEST_REQUIRE_SIZE(net.generated, 2, "one rotation");
        Time rotation = net.generated[1].first;
        Ipv6Address newAddress = net.generated[1].second;
        IMS_TEST_REQUIRE_SIZE(r.actions, 1, "one decision");
        NS_TEST_ASSERT_MSG_EQ(r.actions[0], ImsUeRotationPolicy::CONTACT_REFRESH, "decision");
        auto registers = Sent(net, rotation, Seconds(450), "REGISTER");
        IMS_TEST_REQUIRE_SIZE(registers, 2, "re-REGISTER, then with the response");
        NS_TEST_ASSERT_MSG_EQ(registers[0].time, rotation, "at once");
        NS_TEST_ASSERT_MSG_EQ(+registers[0].nextHeader, 50, "protected");
        NS_TEST_ASSERT_MSG_EQ(registers[0].source, newAddress, "from the new address");
        NS_TEST_ASSERT_MSG_EQ(UriAddress(registers[0].message.GetContacts()[0].GetUri()),
                              newAddress,
                              "new Contact");
        NS_TEST_ASSERT_MSG_EQ(*registers[0].message.GetCallId(),
                              *net.Find(true, "REGISTER", 0)[0].message.GetCallId(),
                              "same Call-ID");
        const ImsUeCounters& c = net.client->GetCounters();
        NS_TEST_ASSERT_MSG_EQ(c.GetRegistrationsCompleted(REG_CONTACT_REFRESH), 1, "counted");
        NS_TEST_ASSERT_MSG_EQ(c.GetRegistrationsStarted(REG_ADDRESS_CHANGE), 0, "no initial");
        NS_TEST_ASSERT_MSG_EQ(c.GetTotalSessionsDropped(), 0, "session kept");
        NS_TEST_ASSERT_MSG_EQ(c.GetSessionsCompleted(), 1, "session completed");
        NS_TEST_ASSERT_MSG_EQ(net.client->GetRegistration().GetContactAddress(),
                              newAddress,
                              "registered Contact");
        NS_TEST_ASSERT_MSG_EQ(net.UeSaSets(), 1, "one set (re-authenticated)");
    }
};

/**
 * \ingroup imssec-tests
 * 128-bit SAs, defer-while-busy: with a session in progress nothing is sent at the rotation,
 * the session goes on from the deprecated address to its end, and right after it the UE
 * registers from the new address; the old address was used past its preferred lifetime.
 * Without a session the UE re-registers at once.
 */
class DeferWhileBusyTestCase : public UeRotationTestCase
{
  public:
    /** \param withSession a session is in progress at the rotation */
    explicit DeferWhileBusyTestCase(bool withSession)
        : UeRotationTestCase(std::string("128-bit SAs, defer-while-busy, ") +
                             (withSession ? "session in progress" : "idle")),
          m_withSession(withSession)
    {
    }

  private:
    void DoRun() override
    {
        UeTestNetwork net(FastRotation, [](ImsUeHelper& h) {
            h.SetAttribute("RotationPolicy", EnumValue(ImsUeRotationPolicy::DEFER_WHILE_BUSY));
            h.SetAttribute("SessionRefreshInterval", TimeValue(Seconds(60)));
        });
        Rotations r;
        r.Connect(net.client);
        if (m_withSession)
        {
            Simulator::Schedule(Seconds(100), [&net]() { net.client->Call(Seconds(400)); });
        }
        bool deferredAt350 = false;
        Simulator::Schedule(Seconds(350),
                            [&]() { deferredAt350 = net.client->IsRotationDeferred(); });
        Simulator::Stop(Seconds(950));
        Simulator::Run();

        IMS_TEST_REQUIRE_SIZE(net.generated, 4, "three rotations in 950 s");
        Time rotation = net.generated[1].first;
        Ipv6Address oldAddress = net.generated[0].second;
        Ipv6Address newAddress = net.generated[1].second;
        NS_TEST_ASSERT_MSG_GT_OR_EQ(r.actions.size(), 1, "decisions");
        const ImsUeCounters& c = net.client->GetCounters();
        if (!m_withSession)
        {
            NS_TEST_ASSERT_MSG_EQ(r.actions[0], ImsUeRotationPolicy::REREGISTER, "at once");
            auto registers = Sent(net, rotation, rotation + Seconds(1), "REGISTER");
            NS_TEST_ASSERT_MSG_GT_OR_EQ(registers.size(), 1, "REGISTER at the rotation");
            NS_TEST_ASSERT_MSG_EQ(c.GetRegistrationsCompleted(REG_ADDRESS_CHANGE),
                                  3,
                                  "3 rotations");
            return;
        }
        NS_TEST_ASSERT_MSG_EQ(r.actions[0], ImsUeRotationPolicy::DEFER, "deferred");
        NS_TEST_ASSERT_MSG_EQ(deferredAt350, true, "still deferred at 350 s");
        auto byes = net.Find(true, "BYE", 0);
        IMS_TEST_REQUIRE_SIZE(byes, 1, "the BYE at the end of the session");
        NS_TEST_ASSERT_MSG_EQ(byes[0].source, oldAddress, "BYE from the old address");
        NS_TEST_ASSERT_MSG_EQ(Sent(net, rotation, byes[0].time, "REGISTER").size(),
                              0,
                              "no REGISTER while the session lasts");
        for (const WirePacket& u : Sent(net, rotation, byes[0].time, "UPDATE"))
        {
            NS_TEST_ASSERT_MSG_EQ(u.source, oldAddress, "UPDATE from the deprecated address");
        }
        auto okBye = net.Find(false, "BYE", 200);
        IMS_TEST_REQUIRE_SIZE(okBye, 1, "200 to the BYE");
        auto registers = Sent(net, okBye[0].time, okBye[0].time + Seconds(1), "REGISTER");
        NS_TEST_ASSERT_MSG_GT_OR_EQ(registers.size(), 1, "REGISTER right after the session");
        if (!registers.empty())
        {
            NS_TEST_ASSERT_MSG_EQ(+registers[0].nextHeader, 17, "initial");
            NS_TEST_ASSERT_MSG_EQ(registers[0].source, newAddress, "from the new address");
        }
        NS_TEST_ASSERT_MSG_EQ(c.GetTotalSessionsDropped(), 0, "nothing dropped");
        NS_TEST_ASSERT_MSG_EQ(c.GetSessionsCompleted(), 1, "completed");
        NS_TEST_ASSERT_MSG_GT_OR_EQ(c.GetRotationsIgnored(), 1, "deferral counted");
        // the old address: used from the registration to the end of the session, beyond
        // its preferred lifetime; reported when it became invalid (900 s)
        bool found = false;
        for (const auto& [address, first, last] : r.used)
        {
            if (address == oldAddress)
            {
                found = true;
                NS_TEST_ASSERT_MSG_LT(first, Seconds(3), "first use");
                NS_TEST_ASSERT_MSG_EQ(last, okBye[0].time, "last use: the 200 to the BYE");
                NS_TEST_ASSERT_MSG_GT(last - first, rotation, "beyond the rotation");
            }
        }
        NS_TEST_ASSERT_MSG_EQ(found, true, "AddressUsed of the old address");
        NS_TEST_ASSERT_MSG_EQ(c.GetAddressUsage().count, r.used.size(), "counted");
    }

    bool m_withSession; //!< a session at the rotation
};

/**
 * \ingroup imssec-tests
 * no-rotation: the UE ignores new addresses (counted) and keeps its registration on the old
 * one until that becomes invalid; then it registers from the current address.
 */
class NoRotationTestCase : public UeRotationTestCase
{
  public:
    NoRotationTestCase()
        : UeRotationTestCase("no-rotation: ignored until the address becomes invalid")
    {
    }

  private:
    void DoRun() override
    {
        UeTestNetwork net(FastRotation, [](ImsUeHelper& h) {
            h.SetAttribute("RotationPolicy", EnumValue(ImsUeRotationPolicy::NO_ROTATION));
        });
        Rotations r;
        r.Connect(net.client);
        Simulator::Stop(Seconds(950));
        Simulator::Run();
        IMS_TEST_REQUIRE_SIZE(net.generated, 4, "three rotations");
        Ipv6Address first = net.generated[0].second;
        NS_TEST_ASSERT_MSG_EQ(r.actions.size(), 3, "three decisions");
        for (auto a : r.actions)
        {
            NS_TEST_ASSERT_MSG_EQ(a, ImsUeRotationPolicy::IGNORE, "ignored");
        }
        auto registers = net.Find(true, "REGISTER", 0);
        IMS_TEST_REQUIRE_SIZE(registers, 4, "initial, then once after the invalidation");
        NS_TEST_ASSERT_MSG_EQ(registers[0].source, first, "first address");
        NS_TEST_ASSERT_MSG_GT(registers[2].time, Seconds(900), "after the invalidation");
        NS_TEST_ASSERT_MSG_NE(registers[2].source, first, "from the current address");
        const ImsUeCounters& c = net.client->GetCounters();
        NS_TEST_ASSERT_MSG_EQ(c.GetRotationsIgnored(), 3, "ignored rotations");
        NS_TEST_ASSERT_MSG_EQ(c.GetRegistrationsCompleted(REG_ADDRESS_CHANGE), 1, "one");
        IMS_TEST_REQUIRE_SIZE(r.used, 1, "the first address reported at its invalidation");
        NS_TEST_ASSERT_MSG_EQ(std::get<0>(r.used[0]), first, "which");
    }
};

/**
 * \ingroup imssec-tests
 * The rotation suite.
 */
class UeRotationTestSuite : public TestSuite
{
  public:
    UeRotationTestSuite()
        : TestSuite("imssec-ims-ue-rotation", UNIT)
    {
        AddTestCase(new DropAndReregisterTestCase(false), TestCase::QUICK);
        AddTestCase(new DropAndReregisterTestCase(true), TestCase::QUICK);
        AddTestCase(new KeepContactTestCase, TestCase::QUICK);
        AddTestCase(new RefreshContactTestCase, TestCase::QUICK);
        AddTestCase(new DeferWhileBusyTestCase(false), TestCase::QUICK);
        AddTestCase(new DeferWhileBusyTestCase(true), TestCase::QUICK);
        AddTestCase(new NoRotationTestCase, TestCase::QUICK);
    }
};

/// The rotation suite instance.
static UeRotationTestSuite g_ueRotationTestSuite;
