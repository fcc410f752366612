/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ims-pcscf-test-network.h"

#include "ns3/ipsec-sad.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <string>
#include <utility>
#include <vector>

using namespace ns3;
using namespace ns3::tests;

namespace
{

/**
 * \ingroup imssec-tests
 * What the P-CSCF's traces said during a run.
 */
struct PcscfTraceLog
{
    std::vector<std::pair<Time, uint32_t>> sadSize;          //!< (time, live SAs)
    std::vector<std::pair<uint32_t, PcscfSaSetEnd>> deleted; //!< (handle, why)
    std::vector<Time> deletedAt;                             //!< when
    std::vector<uint32_t> created;                           //!< handles
    std::vector<std::pair<Time, uint32_t>> registered;       //!< (time, handle)
    std::vector<std::string> removed;                        //!< IMPIs forgotten

    /**
     * \param pcscf the P-CSCF to listen to
     */
    void Connect(Ptr<Pcscf> pcscf)
    {
        pcscf->TraceConnectWithoutContext("SadSize",
                                          MakeCallback(+[](PcscfTraceLog* l, uint32_t, uint32_t n) {
                                              l->sadSize.emplace_back(Simulator::Now(), n);
                                          }).Bind(this));
        pcscf->TraceConnectWithoutContext(
            "SaSetDeleted",
            MakeCallback(+[](PcscfTraceLog* l, const std::string&, uint32_t h, PcscfSaSetEnd w) {
                l->deleted.emplace_back(h, w);
                l->deletedAt.push_back(Simulator::Now());
            }).Bind(this));
        pcscf->TraceConnectWithoutContext("SaSetCreated",
                                          MakeCallback(+[](PcscfTraceLog* l,
                                                           const std::string&,
                                                           uint32_t h,
                                                           const IpsecSaSetParameters&) {
                                              l->created.push_back(h);
                                          }).Bind(this));
        pcscf->TraceConnectWithoutContext(
            "Registered",
            MakeCallback(+[](PcscfTraceLog* l, const std::string&, uint32_t h, Time) {
                l->registered.emplace_back(Simulator::Now(), h);
            }).Bind(this));
        pcscf->TraceConnectWithoutContext(
            "RegistrationRemoved",
            MakeCallback(+[](PcscfTraceLog* l, const std::string& impi) {
                l->removed.push_back(impi);
            }).Bind(this));
    }

    /** \returns the largest SAD size seen */
    uint32_t MaxSadSize() const
    {
        uint32_t m = 0;
        for (const auto& [t, n] : sadSize)
        {
            m = std::max(m, n);
        }
        return m;
    }
};

} // namespace

/**
 * \ingroup imssec-tests
 * Re-registration with authentication (TS 33.203 7.4): the 401 travels through the old
 * SAs, the new set is installed next to the old one (8 SAs), the protected REGISTER and
 * the 200 use the new set, and the old set is deleted when the 200 passes (4 SAs).
 */
class PcscfReregistrationTestCase : public TestCase
{
  public:
    PcscfReregistrationTestCase()
        : TestCase("re-registration: old and new SA sets coexist until the 200 OK")
    {
    }

  private:
    void DoRun() override
    {
        PcscfTraceLog log;
        PcscfTestNetwork net;
        log.Connect(net.pcscf);
        net.ue1->addrPrefLength = 64;
        net.At(Seconds(1), [&net]() { net.ue1->SendInitialRegister(); });
        PcscfTestUe::Offer first;
        uint32_t firstSet = 0;
        net.At(Seconds(5), [&]() {
            first = net.ue1->current;
            firstSet = net.pcscf->FindRegistration("ue1@ims.example")->currentSet;
            net.ue1->SendReregister();
        });
        net.RunUntil(Seconds(8));

        NS_TEST_ASSERT_MSG_EQ(net.ue1->registrations, 2u, "two 200 OK");
        const PcscfRegistration* r = net.pcscf->FindRegistration("ue1@ims.example");
        NS_TEST_ASSERT_MSG_NE(r, nullptr, "registration");
        if (!r)
        {
            return;
        }
        uint32_t secondSet = r->currentSet;
        NS_TEST_ASSERT_MSG_NE(secondSet, firstSet, "a new set");
        NS_TEST_ASSERT_MSG_EQ(r->pendingSet, 0u, "nothing pending");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetIpsecStack()->HasSaSet(firstSet), false, "old gone");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetSadSize(), 4u, "four SAs");
        NS_TEST_ASSERT_MSG_EQ(log.MaxSadSize(), 8u, "eight SAs while both sets lived");
        IMS_TEST_REQUIRE_SIZE(log.created, 2, "two sets created");
        IMS_TEST_REQUIRE_SIZE(log.deleted, 1, "one deleted");
        NS_TEST_ASSERT_MSG_EQ(log.deleted[0].first, firstSet, "the old one");
        NS_TEST_ASSERT_MSG_EQ(log.deleted[0].second, PcscfSaSetEnd::REPLACED, "replaced");
        IMS_TEST_REQUIRE_SIZE(log.registered, 2, "two registrations");
        NS_TEST_ASSERT_MSG_EQ(log.deletedAt[0], log.registered[1].first, "deleted at the 200");
        // The SAD reached 8 before the 200 and went back to 4 at it.
        bool eightBefore = false;
        for (const auto& [t, n] : log.sadSize)
        {
            eightBefore |= (n == 8 && t < log.registered[1].first);
        }
        NS_TEST_ASSERT_MSG_EQ(eightBefore, true, "both sets before the 200");
        NS_TEST_ASSERT_MSG_EQ(log.sadSize.back().second, 4u, "four after");

        // On the wire: the refresh REGISTER and its 401 over the old SAs, the answer and
        // the 200 over the new ones.
        const PcscfTestUe::Offer& second = net.ue1->current;
        auto regs = FindSip(net.ue1Wire, true, "REGISTER", 0);
        auto chal = FindSip(net.ue1Wire, false, "REGISTER", 401);
        auto oks = FindSip(net.ue1Wire, false, "REGISTER", 200);
        IMS_TEST_REQUIRE_SIZE(regs, 4, "four REGISTERs");
        IMS_TEST_REQUIRE_SIZE(chal, 2, "two 401");
        IMS_TEST_REQUIRE_SIZE(oks, 2, "two 200");
        IpsecSaSetParameters newParams;
        net.pcscf->GetIpsecStack()->GetSaSetParameters(secondSet, newParams);
        NS_TEST_ASSERT_MSG_EQ(regs[2].sourcePort, first.portC, "refresh from the old port-c");
        NS_TEST_ASSERT_MSG_EQ(chal[1].spi, first.spiC, "401 through the old SA");
        NS_TEST_ASSERT_MSG_EQ(chal[1].destinationPort, first.portC, "to the old port-c");
        NS_TEST_ASSERT_MSG_EQ(regs[3].spi, newParams.pcscfSpiS, "answer through the new SA");
        NS_TEST_ASSERT_MSG_EQ(regs[3].sourcePort, second.portC, "from the new port-c");
        NS_TEST_ASSERT_MSG_EQ(oks[1].spi, second.spiC, "200 through the new SA");
        NS_TEST_ASSERT_MSG_NE(second.spiC, first.spiC, "new UE SPIs");
        auto server = chal[1].message.GetSecurityMechanisms("Security-Server");
        IMS_TEST_REQUIRE_SIZE(server, 2, "new Security-Server (both algorithms)");
        NS_TEST_ASSERT_MSG_EQ(*server[0].GetSpiS(), newParams.pcscfSpiS, "its spi-s");
        auto oldServer = chal[0].message.GetSecurityMechanisms("Security-Server");
        NS_TEST_ASSERT_MSG_NE(*server[0].GetSpiS(), *oldServer[0].GetSpiS(), "new P-CSCF SPIs");
        NS_TEST_ASSERT_MSG_EQ(+*server[0].GetAddrPrefLength(), 64, "echo again");
        // The S-CSCF saw the refresh marked integrity-protected.
        auto core = FindSip(net.coreWire, true, "REGISTER", 0);
        IMS_TEST_REQUIRE_SIZE(core, 4, "four forwarded");
        NS_TEST_ASSERT_MSG_EQ(
            core[2].message.GetDigest("Authorization")->Get("integrity-protected").value_or(""),
            "yes",
            "refresh arrived protected");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetRegistrationTable().GetCallIdCount(), 1u, "Call-IDs");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetRegistrationTable().GetSaSetCount(), 1u, "handles");
    }
};

/**
 * \ingroup imssec-tests
 * Re-registration without authentication: 200 directly, the same SAs, lifetime extended.
 */
class PcscfRefreshWithoutAuthTestCase : public TestCase
{
  public:
    PcscfRefreshWithoutAuthTestCase()
        : TestCase("re-registration without authentication keeps the set, extends it")
    {
    }

  private:
    void DoRun() override
    {
        PcscfTraceLog log;
        PcscfTestNetwork net;
        log.Connect(net.pcscf);
        net.scscf->reauthenticate = false;
        net.At(Seconds(1), [&net]() { net.ue1->SendInitialRegister(); });
        net.At(Seconds(100), [&net]() { net.ue1->SendReregister(); });
        net.RunUntil(Seconds(102));
        const PcscfRegistration* r = net.pcscf->FindRegistration("ue1@ims.example");
        NS_TEST_ASSERT_MSG_NE(r, nullptr, "registration");
        if (!r)
        {
            return;
        }
        NS_TEST_ASSERT_MSG_EQ(net.ue1->registrations, 2u, "two 200 OK");
        IMS_TEST_REQUIRE_SIZE(log.created, 1, "no new set");
        NS_TEST_ASSERT_MSG_EQ(log.deleted.size(), 0u, "none deleted");
        IMS_TEST_REQUIRE_SIZE(log.registered, 2, "two 200 processed");
        NS_TEST_ASSERT_MSG_EQ(r->currentSet, log.created[0], "same set");
        bool noOffer = !r->offer;
        NS_TEST_ASSERT_MSG_EQ(noOffer, true, "offer of the refresh released");
        NS_TEST_ASSERT_MSG_EQ(net.PcscfSa(r->currentSet, 2)->GetExpiryTime(),
                              log.registered[1].first + Seconds(3600 + 30),
                              "lifetime counted from the refresh");
        NS_TEST_ASSERT_MSG_EQ(FindSip(net.ue1Wire, false, "REGISTER", 401).size(),
                              1u,
                              "only the initial registration was challenged");
    }
};

/**
 * \ingroup imssec-tests
 * A registration that is not refreshed: its SAs expire at granted expiry + 30 s, the
 * registration is forgotten, the IPsec layer removes the SAs after its hold time, and a
 * terminating request finds no SA (480).  A pending set that no 200 confirms expires after
 * reg-await-auth.
 */
class PcscfExpiryTestCase : public TestCase
{
  public:
    PcscfExpiryTestCase()
        : TestCase("expiry of a registration and of a pending set")
    {
    }

  private:
    void DoRun() override
    {
        PcscfTraceLog log;
        PcscfTestNetwork net;
        log.Connect(net.pcscf);
        net.scscf->maxExpires = 60;
        net.ue2->autoRegister = false; // answers no 401: its set stays pending
        net.At(Seconds(1), [&net]() {
            net.ue1->SendInitialRegister();
            net.ue2->SendInitialRegister();
        });
        bool before = false;
        uint32_t sizeBefore = 0;
        net.At(Seconds(90), [&]() {
            before = net.pcscf->FindRegistration("ue1@ims.example") != nullptr;
            sizeBefore = net.pcscf->GetSadSize();
        });
        net.At(Seconds(100), [&net]() { net.scscf->SendToUe("sip:ue1@ims.example", "INVITE"); });
        uint32_t sizeAfter = 99;
        bool heldAfter = false;
        bool goneAfter = false;
        net.At(Seconds(95), [&]() {
            sizeAfter = net.pcscf->GetSadSize();
            heldAfter = net.pcscf->GetIpsecStack()->HasSaSet(log.registered.at(0).second);
            goneAfter = net.pcscf->FindRegistration("ue1@ims.example") == nullptr;
        });
        net.RunUntil(Seconds(300));

        IMS_TEST_REQUIRE_SIZE(log.registered, 1, "UE1 registered");
        uint32_t ue1Set = log.registered[0].second;
        NS_TEST_ASSERT_MSG_EQ(before, true, "registered at 90 s");
        NS_TEST_ASSERT_MSG_EQ(sizeBefore, 8u, "UE1's set and UE2's pending set");
        NS_TEST_ASSERT_MSG_EQ(sizeAfter, 4u, "UE1's set expired at 60 + 30 s");
        NS_TEST_ASSERT_MSG_EQ(heldAfter, true, "expired SAs held by the IPsec layer");
        NS_TEST_ASSERT_MSG_EQ(goneAfter, true, "registration forgotten with its set");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetIpsecStack()->HasSaSet(ue1Set), false, "removed");
        IMS_TEST_REQUIRE_SIZE(log.deleted, 2, "two sets ended");
        NS_TEST_ASSERT_MSG_EQ(log.deleted[0].first, ue1Set, "UE1's first");
        NS_TEST_ASSERT_MSG_EQ(log.deleted[0].second, PcscfSaSetEnd::EXPIRED, "expired");
        NS_TEST_ASSERT_MSG_EQ(log.deletedAt[0],
                              log.registered[0].first + Seconds(60 + 30),
                              "at granted expiry + 30 s");
        NS_TEST_ASSERT_MSG_EQ(log.deleted[1].second, PcscfSaSetEnd::EXPIRED, "UE2's pending");
        IMS_TEST_REQUIRE_SIZE(log.created, 2, "two sets created");
        NS_TEST_ASSERT_MSG_EQ(log.deleted[1].first, log.created[1], "UE2's set");
        NS_TEST_ASSERT_MSG_LT(log.deletedAt[1] - Seconds(241), Seconds(1), "after reg-await-auth");
        NS_TEST_ASSERT_MSG_GT(log.deletedAt[1], Seconds(241), "after reg-await-auth");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetSadSize(), 0u, "empty SAD");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetRegistrationTable().GetSize(), 0u, "empty table");
        NS_TEST_ASSERT_MSG_EQ(log.removed.size(), 2u, "both forgotten");
        // The terminating INVITE after expiry: no SA toward UE1.
        auto r480 = net.scscf->Received("INVITE", 480);
        IMS_TEST_REQUIRE_SIZE(r480, 1, "480 to the S-CSCF");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetRequestsToUeWithoutSa(), 1u, "counted");
        NS_TEST_ASSERT_MSG_EQ(FindSip(net.ue1Wire, false, "INVITE", 0).size(),
                              0u,
                              "nothing sent toward the UE");
    }
};

/**
 * \ingroup imssec-tests
 * De-registration (Expires 0): the 200 goes through the SA, then the sets are deleted and
 * the registration forgotten.
 */
class PcscfDeregistrationTestCase : public TestCase
{
  public:
    PcscfDeregistrationTestCase()
        : TestCase("de-registration removes the SA set after its 200 OK")
    {
    }

  private:
    void DoRun() override
    {
        PcscfTraceLog log;
        PcscfTestNetwork net;
        log.Connect(net.pcscf);
        net.At(Seconds(1), [&net]() { net.ue1->SendInitialRegister(); });
        net.At(Seconds(5), [&net]() { net.ue1->SendDeregister(); });
        net.RunUntil(Seconds(7));
        auto oks = FindSip(net.ue1Wire, false, "REGISTER", 200);
        IMS_TEST_REQUIRE_SIZE(oks, 2, "two 200");
        NS_TEST_ASSERT_MSG_EQ(+oks[1].nextHeader, 50, "the de-registration's 200 through the SA");
        NS_TEST_ASSERT_MSG_EQ(oks[1].spi, net.ue1->current.spiC, "UE spi-c");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetSadSize(), 0u, "SAs deleted");
        IMS_TEST_REQUIRE_SIZE(log.deleted, 1, "one set deleted");
        NS_TEST_ASSERT_MSG_EQ(log.deleted[0].second, PcscfSaSetEnd::DEREGISTERED, "why");
        NS_TEST_ASSERT_MSG_EQ((net.pcscf->FindRegistration("ue1@ims.example") == nullptr),
                              true,
                              "forgotten");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetRegistrationTable().GetCallIdCount(), 0u, "index");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetRegistrationTable().GetSaSetCount(), 0u, "index");
    }
};

/**
 * \ingroup imssec-tests
 * Address change under /128 SAs: the UE registers again from a new address with a new
 * Call-ID (an unprotected initial REGISTER); the P-CSCF keeps the old set until the new
 * registration's 200, then replaces it in the same context.
 */
class PcscfAddressChangeTestCase : public TestCase
{
  public:
    PcscfAddressChangeTestCase()
        : TestCase("a new initial registration from a new address replaces the context")
    {
    }

  private:
    void DoRun() override
    {
        PcscfTraceLog log;
        PcscfTestNetwork net;
        log.Connect(net.pcscf);
        net.At(Seconds(1), [&net]() { net.ue1->SendInitialRegister(); });
        std::string oldCallId;
        bool oldKeptBefore200 = false;
        net.At(Seconds(5), [&]() {
            oldCallId = net.ue1->callId;
            net.ue1->registered = false; // a new registration: new Call-ID
            net.ue1->address = PcscfTestNetwork::UE1_SAME_64;
            net.ue1->SendInitialRegister();
        });
        net.ue1->tamper = [&](SipMessage&) {
            // Called when the UE answers the 401: both sets exist at the P-CSCF now.
            const PcscfRegistration* r = net.pcscf->FindRegistration("ue1@ims.example");
            oldKeptBefore200 = r && r->currentSet && r->pendingSet;
        };
        net.RunUntil(Seconds(7));
        const PcscfRegistration* r = net.pcscf->FindRegistration("ue1@ims.example");
        NS_TEST_ASSERT_MSG_NE(r, nullptr, "one context");
        if (!r)
        {
            return;
        }
        NS_TEST_ASSERT_MSG_EQ(oldKeptBefore200, true, "old and new sets until the 200");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetRegistrationTable().GetSize(), 1u, "one context");
        NS_TEST_ASSERT_MSG_NE(r->callId, oldCallId, "the new Call-ID");
        NS_TEST_ASSERT_MSG_EQ(r->callId, net.ue1->callId, "the UE's");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetRegistrationTable().GetCallIdCount(), 1u, "old gone");
        IpsecSaSetParameters p;
        net.pcscf->GetIpsecStack()->GetSaSetParameters(r->currentSet, p);
        NS_TEST_ASSERT_MSG_EQ(p.ueAddress, PcscfTestNetwork::UE1_SAME_64, "bound to the new");
        IMS_TEST_REQUIRE_SIZE(log.deleted, 1, "old set deleted");
        NS_TEST_ASSERT_MSG_EQ(log.deleted[0].second, PcscfSaSetEnd::REPLACED, "replaced");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetSadSize(), 4u, "four SAs");
        auto regs = FindSip(net.ue1Wire, true, "REGISTER", 0);
        IMS_TEST_REQUIRE_SIZE(regs, 4, "four REGISTERs");
        NS_TEST_ASSERT_MSG_EQ(regs[2].source, PcscfTestNetwork::UE1_SAME_64, "from the new");
        NS_TEST_ASSERT_MSG_EQ(+regs[2].nextHeader, 17, "unprotected");
    }
};

/**
 * \ingroup imssec-tests
 * A re-registration whose authentication fails (403 from the S-CSCF): the 403 goes
 * through the new SA it answers, then the pending set is deleted; the registration and its
 * set stay.  The same 401 twice (the UE's REGISTER retransmitted) keeps one pending set.
 */
class PcscfFailedReauthTestCase : public TestCase
{
  public:
    PcscfFailedReauthTestCase()
        : TestCase("failed re-authentication abandons the pending set only")
    {
    }

  private:
    void DoRun() override
    {
        PcscfTraceLog log;
        PcscfTestNetwork net;
        log.Connect(net.pcscf);
        net.At(Seconds(1), [&net]() { net.ue1->SendInitialRegister(); });
        net.At(Seconds(5), [&net]() {
            net.ue1->tamper = [](SipMessage& r) {
                auto auth = r.GetDigest("Authorization");
                auth->SetResponse("00000000000000000000000000000000");
                r.SetDigest("Authorization", *auth);
            };
            net.ue1->SendReregister();
        });
        net.RunUntil(Seconds(7));
        auto r403 = FindSip(net.ue1Wire, false, "REGISTER", 403);
        IMS_TEST_REQUIRE_SIZE(r403, 1, "403 to the UE");
        NS_TEST_ASSERT_MSG_EQ(+r403[0].nextHeader, 50, "through the SA");
        NS_TEST_ASSERT_MSG_EQ(r403[0].spi, net.ue1->pending.spiC, "the new SA it answers");
        const PcscfRegistration* r = net.pcscf->FindRegistration("ue1@ims.example");
        NS_TEST_ASSERT_MSG_NE(r, nullptr, "registration kept");
        if (!r)
        {
            return;
        }
        IMS_TEST_REQUIRE_SIZE(log.created, 2, "two sets");
        IMS_TEST_REQUIRE_SIZE(log.deleted, 1, "one deleted");
        NS_TEST_ASSERT_MSG_EQ(log.deleted[0].first, log.created[1], "the new one");
        NS_TEST_ASSERT_MSG_EQ(log.deleted[0].second, PcscfSaSetEnd::AUTH_FAILED, "why");
        NS_TEST_ASSERT_MSG_EQ(r->currentSet, log.created[0], "the old one is current");
        NS_TEST_ASSERT_MSG_EQ(r->pendingSet, 0u, "nothing pending");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetSadSize(), 4u, "four SAs");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetCounters().GetDrops(PcscfDropCause::RESPONSE_NO_SA),
                              0u,
                              "nothing dropped");
    }
};

/**
 * \ingroup imssec-tests
 * A REGISTER whose 401 never comes: the remembered offer (and the context it created) is
 * forgotten OfferTimeout after the REGISTER; a later offer of another UE is kept until its
 * own time-out.
 */
class PcscfOfferTimeoutTestCase : public TestCase
{
  public:
    PcscfOfferTimeoutTestCase()
        : TestCase("an offer without 401 is forgotten after OfferTimeout")
    {
    }

  private:
    void DoRun() override
    {
        PcscfTraceLog log;
        PcscfTestNetwork net;
        log.Connect(net.pcscf);
        net.scscf->answerRegister = false;
        net.At(Seconds(1), [&net]() { net.ue1->SendInitialRegister(); });
        net.At(Seconds(20), [&net]() { net.ue2->SendInitialRegister(); });
        std::vector<std::pair<double, size_t>> sizes;
        for (double t : {10.0, 32.9, 33.1, 51.9, 52.1})
        {
            net.At(Seconds(t), [&net, &sizes, t]() {
                sizes.emplace_back(t, net.pcscf->GetRegistrationTable().GetSize());
            });
        }
        net.RunUntil(Seconds(60));
        IMS_TEST_REQUIRE_SIZE(sizes, 5, "samples");
        NS_TEST_ASSERT_MSG_EQ(sizes[0].second, 1u, "UE1's offer kept at 10 s");
        NS_TEST_ASSERT_MSG_EQ(sizes[1].second, 2u, "both just before 33 s");
        NS_TEST_ASSERT_MSG_EQ(sizes[2].second, 1u, "UE1's forgotten 32 s after its REGISTER");
        NS_TEST_ASSERT_MSG_EQ(sizes[3].second, 1u, "UE2's kept");
        NS_TEST_ASSERT_MSG_EQ(sizes[4].second, 0u, "UE2's forgotten at 52 s");
        IMS_TEST_REQUIRE_SIZE(log.removed, 2, "two contexts removed");
        NS_TEST_ASSERT_MSG_EQ(log.removed[0], "ue1@ims.example", "UE1 first");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetRegistrationTable().GetCallIdCount(), 0u, "index");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetRegistrationTable().GetQueuedOfferCount(),
                              0u,
                              "queue empty");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetSaSetsCreated(), 0u, "no set");
    }
};

/**
 * \ingroup imssec-tests
 * The P-CSCF's registration life cycle: re-registration, expiry, de-registration, address
 * change, failures.
 */
static class PcscfLifecycleTestSuite : public TestSuite
{
  public:
    PcscfLifecycleTestSuite()
        : TestSuite("imssec-ims-pcscf-lifecycle", UNIT)
    {
        AddTestCase(new PcscfReregistrationTestCase(), QUICK);
        AddTestCase(new PcscfRefreshWithoutAuthTestCase(), QUICK);
        AddTestCase(new PcscfExpiryTestCase(), QUICK);
        AddTestCase(new PcscfDeregistrationTestCase(), QUICK);
        AddTestCase(new PcscfAddressChangeTestCase(), QUICK);
        AddTestCase(new PcscfFailedReauthTestCase(), QUICK);
        AddTestCase(new PcscfOfferTimeoutTestCase(), QUICK);
    }
} g_pcscfLifecycleTestSuite; //!< static instance
