/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Whole-flow address rotation (model chapter, "Address rotation: /128 against /64"): one
// RFC 3041 rotation of ue1 under each UE policy and each covered action, idle and with an
// originating session in progress, with SAs bound to the address (/128) and to the prefix (/64).
// Asserted: the UE's decision, the registrations by cause, the P-CSCF's SA sets created and deleted
// after the rotation, the sessions completed and dropped by cause, what went on the access link
// after the rotation (unprotected REGISTER from the new address, protected contact refresh, or
// nothing), and the selectors of the SA sets left in both SADs.
#include "ims-flows-test-network.h"

#include "ns3/enum.h"
#include "ns3/hss.h"
#include "ns3/ims-ue-client.h"
#include "ns3/integer.h"
#include "ns3/ipsec-stack.h"
#include "ns3/pcscf.h"
#include "ns3/remote-party.h"
#include "ns3/scscf.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <string>

using namespace ns3;
using namespace ns3::tests;

namespace
{

/**
 * One case: the configuration and what must happen (/128 SAs: the rotation costs an
 * address-change registration and new SA sets; SAs bound to the /64: none).
 */
struct RotationCase
{
    bool prefix;                                //!< addr-pref-length 64 (else not sent: /128)
    ImsUeRotationPolicy::Policy policy;         //!< not-covered policy
    ImsUeRotationPolicy::CoveredAction covered; //!< covered action
    bool session;                               //!< a session in progress at the rotation
    ImsUeRotationPolicy::Action decision;       //!< expected decision
    uint32_t addressChange;                     //!< address-change registrations
    uint32_t contactRefresh;                    //!< contact-refresh registrations
    uint32_t setsCreated;                       //!< P-CSCF SA sets created after the rotation
    uint32_t setsReplaced;                      //!< P-CSCF SA sets replaced after the rotation
    uint32_t dropped;                           //!< sessions dropped (address-change)
    uint32_t completed;                         //!< sessions completed

    /** \returns the test case name */
    std::string Name() const
    {
        return std::string(prefix ? "64-bit prefix SAs, " : "128-bit SAs, ") +
               ImsUeRotationPolicy::GetName(policy) + ", " + ImsUeRotationPolicy::GetName(covered) +
               (session ? ", session in progress" : ", idle");
    }
};

} // namespace

/**
 * \ingroup imssec-tests
 * One rotation about 297 s into the run (TEMP_PREFERRED_LIFETIME 300 s, no desync); the
 * session, when there is one, is set up at 100 s with a holding time of 250 s and UPDATEs
 * every 60 s.  The run stops at 420 s (before the registration's refresh at about 3000 s).
 */
class FlowsRotationTestCase : public TestCase
{
  public:
    /** \param c the case */
    explicit FlowsRotationTestCase(const RotationCase& c)
        : TestCase(c.Name()),
          m_c(c)
    {
    }

  private:
    void DoRun() override
    {
        const RotationCase& k = m_c;
        FlowsTestNetwork t(1, [&k](ImsNetworkHelper& h) {
            FlowsFastRotation(h);
            h.SetUeAttribute("AddrPrefLength", IntegerValue(k.prefix ? 64 : -1));
            h.SetUeAttribute("RotationPolicy", EnumValue(k.policy));
            h.SetUeAttribute("CoveredRotationAction", EnumValue(k.covered));
            h.SetUeAttribute("SessionRefreshInterval", TimeValue(Seconds(60)));
        });
        std::vector<ImsUeRotationPolicy::Action> actions;
        t.Ue()->TraceConnectWithoutContext(
            "RotationHandled",
            MakeCallback(+[](std::vector<ImsUeRotationPolicy::Action>* v,
                             Ipv6Address,
                             Ipv6Address,
                             ImsUeRotationPolicy::Action a) {
                v->push_back(a);
            }).Bind(&actions));
        if (k.session)
        {
            Simulator::Schedule(Seconds(100), [&t]() { t.Ue()->Call(Seconds(250)); });
        }
        Time stop = Seconds(420);
        Simulator::Stop(stop);
        Simulator::Run();

        IMS_TEST_REQUIRE_SIZE(t.generated, 2, "one rotation");
        Time rotation = t.generated[1].first;
        Ipv6Address oldAddress = t.generated[0].second;
        Ipv6Address newAddress = t.generated[1].second;
        // a deferred rotation is decided again when the session ends: re-register
        bool deferred = k.decision == ImsUeRotationPolicy::DEFER;
        IMS_TEST_REQUIRE_SIZE(actions, deferred ? 2 : 1, "decisions");
        NS_TEST_ASSERT_MSG_EQ(actions[0], k.decision, "decision");
        if (deferred)
        {
            NS_TEST_ASSERT_MSG_EQ(actions[1], ImsUeRotationPolicy::REREGISTER, "then");
        }

        // counters: registrations by cause, SA churn at the P-CSCF, sessions by outcome
        const ImsUeCounters& c = t.Ue()->GetCounters();
        NS_TEST_ASSERT_MSG_EQ(c.GetRegistrationsCompleted(REG_INITIAL), 1, "one initial");
        NS_TEST_ASSERT_MSG_EQ(c.GetRegistrationsStarted(REG_ADDRESS_CHANGE),
                              k.addressChange,
                              "address-change registrations started");
        NS_TEST_ASSERT_MSG_EQ(c.GetRegistrationsCompleted(REG_ADDRESS_CHANGE),
                              k.addressChange,
                              "address-change registrations completed");
        NS_TEST_ASSERT_MSG_EQ(c.GetRegistrationsCompleted(REG_CONTACT_REFRESH),
                              k.contactRefresh,
                              "contact refreshes");
        NS_TEST_ASSERT_MSG_EQ(c.GetRegistrationsStarted(REG_REFRESH), 0, "no refresh yet");
        NS_TEST_ASSERT_MSG_EQ(t.CountSaEvents(true, rotation), k.setsCreated, "SA sets created");
        NS_TEST_ASSERT_MSG_EQ(t.CountSaEvents(false, rotation), k.setsReplaced, "SA sets deleted");
        NS_TEST_ASSERT_MSG_EQ(
            t.net.pcscfApp->GetCounters().GetSaSetsDeleted(PcscfSaSetEnd::REPLACED),
            k.setsReplaced,
            "deleted because replaced");
        NS_TEST_ASSERT_MSG_EQ(t.net.scscfApp->GetVectorsConsumed(),
                              1 + k.addressChange + k.contactRefresh,
                              "AKA vectors");
        NS_TEST_ASSERT_MSG_EQ(c.GetTotalSessionsDropped(), k.dropped, "sessions dropped");
        NS_TEST_ASSERT_MSG_EQ(c.GetSessionsDropped(DROP_ADDRESS_CHANGE), k.dropped, "cause");
        NS_TEST_ASSERT_MSG_EQ(c.GetSessionsCompleted(), k.completed, "sessions completed");
        NS_TEST_ASSERT_MSG_EQ(c.GetSessionsAttempted(), (k.session ? 1 : 0), "attempted");

        // the wire after the rotation
        auto registers = FindSip(t.access, true, "REGISTER", 0, rotation);
        NS_TEST_ASSERT_MSG_EQ(registers.size(),
                              2 * (k.addressChange + k.contactRefresh),
                              "REGISTERs after the rotation");
        auto first = FindSip(t.access, true, "REGISTER", 0);
        if (!registers.empty() && !first.empty())
        {
            const WirePacket& r = registers[0];
            NS_TEST_ASSERT_MSG_EQ(r.source, newAddress, "from the new address");
            NS_TEST_ASSERT_MSG_EQ(FlowsContactAddress(r.message), newAddress, "new Contact");
            bool initial = k.addressChange > 0;
            NS_TEST_ASSERT_MSG_EQ(+r.nextHeader, (initial ? 17 : 50), "clear iff initial");
            NS_TEST_ASSERT_MSG_EQ((*r.message.GetCallId() == *first[0].message.GetCallId()),
                                  !initial,
                                  "new Call-ID iff initial");
            if (k.decision == ImsUeRotationPolicy::DEFER)
            {
                auto byes = FindSip(t.access, true, "BYE", 0);
                IMS_TEST_REQUIRE_SIZE(byes, 1, "the session ended with a BYE");
                NS_TEST_ASSERT_MSG_GT(r.time, byes[0].time, "registration after the session");
                NS_TEST_ASSERT_MSG_EQ(byes[0].source, oldAddress, "BYE from the old address");
            }
            else
            {
                NS_TEST_ASSERT_MSG_EQ(r.time, rotation, "at the rotation");
            }
        }
        if (k.decision == ImsUeRotationPolicy::REREGISTER)
        {
            NS_TEST_ASSERT_MSG_EQ(FindSip(t.access, true, "BYE", 0).size(),
                                  0,
                                  "no BYE: the SAs are gone");
        }
        if (k.decision == ImsUeRotationPolicy::IGNORE)
        {
            for (const WirePacket& w : t.access)
            {
                if (w.fromUe)
                {
                    NS_TEST_ASSERT_MSG_EQ(w.source, oldAddress, "the new address is never used");
                }
            }
        }
        if (k.session && k.dropped == 0)
        {
            // the session's in-dialog requests stay on the address it was set up from
            auto updates = FindSip(t.access, true, "UPDATE", 0);
            NS_TEST_ASSERT_MSG_GT_OR_EQ(updates.size(), 4, "UPDATEs every 60 s");
            for (const WirePacket& u : updates)
            {
                NS_TEST_ASSERT_MSG_EQ(u.source, oldAddress, "UPDATE from the session's address");
                NS_TEST_ASSERT_MSG_EQ(+u.nextHeader, 50, "through an SA");
            }
        }

        // the SA sets left in both SADs
        NS_TEST_ASSERT_MSG_EQ(t.UeIpsec()->GetSaSetCount(), 1, "UE: one set");
        NS_TEST_ASSERT_MSG_EQ(t.PcscfIpsec()->GetSaSetCount(), 1, "P-CSCF: one set");
        IpsecSaSetParameters ue;
        IpsecSaSetParameters p;
        bool haveUe = t.UeIpsec()->GetSaSetParameters(t.Ue()->GetSecurity().GetActive().handle, ue);
        bool haveP = t.PcscfIpsec()->GetSaSetParameters(t.PcscfSets().first, p);
        NS_TEST_ASSERT_MSG_EQ((haveUe && haveP), true, "sets found");
        if (haveUe && haveP)
        {
            uint8_t length = k.prefix ? 64 : 128;
            NS_TEST_ASSERT_MSG_EQ(+ue.uePrefixLength, +length, "UE selector length");
            NS_TEST_ASSERT_MSG_EQ(+p.uePrefixLength, +length, "P-CSCF selector length");
            NS_TEST_ASSERT_MSG_EQ(ue.ueSpiS, p.ueSpiS, "same SAs both sides");
            NS_TEST_ASSERT_MSG_EQ(ue.pcscfSpiS, p.pcscfSpiS, "same SAs both sides");
            bool moved = k.addressChange + k.contactRefresh > 0;
            NS_TEST_ASSERT_MSG_EQ(p.ueAddress, (moved ? newAddress : oldAddress), "bound to");
            NS_TEST_ASSERT_MSG_EQ(
                ImsUeRotationPolicy::Covers(p.ueAddress, p.uePrefixLength, newAddress),
                (k.prefix || moved),
                "the P-CSCF's selector covers the new address");
        }
        NS_TEST_ASSERT_MSG_EQ(t.Ue()->GetRegistration().GetContactAddress(),
                              ((k.addressChange + k.contactRefresh > 0) ? newAddress : oldAddress),
                              "registered Contact");
    }

    RotationCase m_c; //!< the case
};

/**
 * \ingroup imssec-tests
 * Whole-flow rotation suite.
 */
class FlowsRotationTestSuite : public TestSuite
{
  public:
    FlowsRotationTestSuite()
        : TestSuite("imssec-ims-flows-rotation", TestSuite::Type::SYSTEM)
    {
        using P = ImsUeRotationPolicy;
        const auto keep = P::KEEP_CONTACT;
        for (bool s : {false, true})
        {
            uint32_t done = s ? 1 : 0;
            // /128: not covered.  drop-and-reregister: one address-change registration, one
            // SA set replaced, the session lost; defer-while-busy: the same, after the
            // session; no-rotation: nothing.
            Add({false, P::DROP_AND_REREGISTER, keep, s, P::REREGISTER, 1, 0, 1, 1, done, 0});
            Add({false,
                 P::DEFER_WHILE_BUSY,
                 keep,
                 s,
                 s ? P::DEFER : P::REREGISTER,
                 1,
                 0,
                 1,
                 1,
                 0,
                 done});
            Add({false, P::NO_ROTATION, keep, s, P::IGNORE, 0, 0, 0, 0, 0, done});
            // /64: covered whatever the policy: keep-contact costs nothing; refresh-contact
            // one protected re-registration (re-authenticated: one SA set replaced).
            for (P::Policy policy : {P::DROP_AND_REREGISTER, P::DEFER_WHILE_BUSY, P::NO_ROTATION})
            {
                Add({true, policy, keep, s, P::SWITCH_SOURCE, 0, 0, 0, 0, 0, done});
            }
            Add({true,
                 P::DROP_AND_REREGISTER,
                 P::REFRESH_CONTACT,
                 s,
                 P::CONTACT_REFRESH,
                 0,
                 1,
                 1,
                 1,
                 0,
                 done});
        }
    }

  private:
    /** \param c a case */
    void Add(const RotationCase& c)
    {
        AddTestCase(new FlowsRotationTestCase(c), TestCase::QUICK);
    }
};

/// The suite object.
static FlowsRotationTestSuite g_flowsRotationTestSuite;
