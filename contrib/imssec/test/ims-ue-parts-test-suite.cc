/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The parts of the UE's IMS client on their own: the rotation decision table and coverage
// test, dialogs (RFC 3261 12), the re-registration delay of TS 24.229, Security-Client offers,
// address usage records, counters, and the helper's identities.
#include "ns3/enum.h"
#include "ns3/hss.h"
#include "ns3/ims-ue-address-usage.h"
#include "ns3/ims-ue-counters.h"
#include "ns3/ims-ue-helper.h"
#include "ns3/ims-ue-registration.h"
#include "ns3/ims-ue-rotation-policy.h"
#include "ns3/ims-ue-security.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipsec-stack.h"
#include "ns3/simulator.h"
#include "ns3/sip-dialog.h"
#include "ns3/sip-message-factory.h"
#include "ns3/sip-parser.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/usim.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

using namespace ns3;

/**
 * \ingroup imssec-tests
 * The decision table of ImsUeRotationPolicy and the coverage test (bit-exact prefixes computed here
 * from the address bytes).
 */
class RotationPolicyTestCase : public TestCase
{
  public:
    RotationPolicyTestCase()
        : TestCase("rotation decision table and coverage")
    {
    }

  private:
    void DoRun() override
    {
        using P = ImsUeRotationPolicy;

        struct Row
        {
            P::Policy policy;
            P::CoveredAction action;
            bool covered;
            bool busy;
            P::Action expected;
        };

        const Row rows[] = {
            {P::DROP_AND_REREGISTER, P::KEEP_CONTACT, true, true, P::SWITCH_SOURCE},
            {P::DROP_AND_REREGISTER, P::REFRESH_CONTACT, true, false, P::CONTACT_REFRESH},
            {P::DEFER_WHILE_BUSY, P::KEEP_CONTACT, true, true, P::SWITCH_SOURCE},
            {P::NO_ROTATION, P::REFRESH_CONTACT, true, true, P::CONTACT_REFRESH},
            {P::DROP_AND_REREGISTER, P::KEEP_CONTACT, false, true, P::REREGISTER},
            {P::DROP_AND_REREGISTER, P::REFRESH_CONTACT, false, false, P::REREGISTER},
            {P::DEFER_WHILE_BUSY, P::KEEP_CONTACT, false, true, P::DEFER},
            {P::DEFER_WHILE_BUSY, P::KEEP_CONTACT, false, false, P::REREGISTER},
            {P::NO_ROTATION, P::KEEP_CONTACT, false, true, P::IGNORE},
            {P::NO_ROTATION, P::REFRESH_CONTACT, false, false, P::IGNORE},
        };
        for (const Row& r : rows)
        {
            P p(r.policy, r.action);
            NS_TEST_ASSERT_MSG_EQ(p.Decide(r.covered, r.busy),
                                  r.expected,
                                  P::GetName(r.policy)
                                      << " " << P::GetName(r.action) << " " << r.covered << r.busy);
        }
        NS_TEST_ASSERT_MSG_EQ(P::GetName(P::DEFER_WHILE_BUSY), "defer-while-busy", "name");
        NS_TEST_ASSERT_MSG_EQ(P::GetName(P::REFRESH_CONTACT), "refresh-contact", "name");

        Ipv6Address a("3fff:100:0:5:1234:5678:9abc:def0");
        Ipv6Address sameSlash64("3fff:100:0:5:aaaa:bbbb:cccc:dddd");
        Ipv6Address sameSlash56("3fff:100:0:17:1:2:3:4"); // 0x05 vs 0x17: first differs bit 59
        Ipv6Address other("3fff:100:1:5::1");
        NS_TEST_ASSERT_MSG_EQ(P::Covers(a, 128, a), true, "itself");
        NS_TEST_ASSERT_MSG_EQ(P::Covers(a, 128, sameSlash64), false, "/128 other");
        NS_TEST_ASSERT_MSG_EQ(P::Covers(a, 64, sameSlash64), true, "/64");
        NS_TEST_ASSERT_MSG_EQ(P::Covers(a, 64, sameSlash56), false, "/64 other subnet");
        NS_TEST_ASSERT_MSG_EQ(P::Covers(a, 60, sameSlash56), false, "/60: bit 59 differs");
        NS_TEST_ASSERT_MSG_EQ(P::Covers(a, 59, sameSlash56), true, "/59: bits 0..58 equal");
        NS_TEST_ASSERT_MSG_EQ(P::Covers(a, 56, sameSlash56), true, "/56");
        NS_TEST_ASSERT_MSG_EQ(P::Covers(a, 48, other), false, "/48 other");
        NS_TEST_ASSERT_MSG_EQ(P::Covers(a, 0, other), true, "/0 covers everything");
        // against a bit-by-bit comparison done here, for every length
        uint8_t x[16];
        uint8_t y[16];
        a.GetBytes(x);
        sameSlash56.GetBytes(y);
        for (uint8_t length = 0; length <= 128; ++length)
        {
            bool same = true;
            for (uint8_t bit = 0; bit < length; ++bit)
            {
                int shift = 7 - bit % 8;
                if (((x[bit / 8] >> shift) & 1) != ((y[bit / 8] >> shift) & 1))
                {
                    same = false;
                }
            }
            NS_TEST_ASSERT_MSG_EQ(P::Covers(a, length, sameSlash56), same, "length " << +length);
        }
    }
};

/**
 * \ingroup imssec-tests
 * Dialogs: the UAC's route set is the 2xx's Record-Route reversed and its remote target the
 * 2xx's Contact; the UAS's route set is the INVITE's Record-Route in order; in-dialog requests
 * carry both tags, the route set, the remote target and increasing CSeqs; the ACK keeps the
 * INVITE's CSeq; matching needs Call-ID and both tags; a lower remote CSeq is refused.
 */
class DialogTestCase : public TestCase
{
  public:
    DialogTestCase()
        : TestCase("dialogs of RFC 3261 section 12")
    {
    }

  private:
    void DoRun() override
    {
        const std::string invite =
            "INVITE sip:remote@ims.example SIP/2.0\r\n"
            "Via: SIP/2.0/UDP [3fff:100::1]:10000;branch=z9hG4bK1;rport\r\n"
            "Max-Forwards: 70\r\n"
            "Record-Route: <sip:[3fff:f00::3];lr>, <sip:[3fff:f00::2];lr>\r\n"
            "From: <sip:ue1@ims.example>;tag=ue-tag\r\n"
            "To: <sip:remote@ims.example>\r\n"
            "Call-ID: call-1\r\n"
            "CSeq: 7 INVITE\r\n"
            "Contact: <sip:ue1@[3fff:100::1]:10001>\r\n"
            "Content-Length: 0\r\n\r\n";
        SipParseResult parsed = SipParser::Parse(invite);
        NS_TEST_ASSERT_MSG_EQ(parsed.IsOk(), true, "parse");
        SipMessage inv = parsed.GetMessage();
        SipMessage ok = SipMessageFactory::CreateResponse(inv, 200, "", "remote-tag");
        ok.SetNameAddrs("Record-Route", inv.GetNameAddrs("Record-Route"));
        ok.AddContact(SipNameAddr(SipUri("remote", "3fff:f00::9", 5062)));

        SipDialog uac;
        NS_TEST_ASSERT_MSG_EQ(SipDialog::CreateAsUac(inv, ok, &uac), true, "UAC dialog");
        CheckRoute(uac.GetRouteSet(), "3fff:f00::2", "3fff:f00::3");
        NS_TEST_ASSERT_MSG_EQ(uac.GetRemoteTarget().ToString(),
                              "sip:remote@[3fff:f00::9]:5062",
                              "remote target");
        SipVia via("UDP", "3fff:100::1", 10000, "z9hG4bK2");
        SipMessage update = uac.CreateRequest("UPDATE", via);
        NS_TEST_ASSERT_MSG_EQ(update.GetRequestUri(), "sip:remote@[3fff:f00::9]:5062", "R-URI");
        NS_TEST_ASSERT_MSG_EQ(update.GetCseq()->GetSequence(), 8, "CSeq after the INVITE's");
        NS_TEST_ASSERT_MSG_EQ(*update.GetFrom()->GetTag(), "ue-tag", "From tag");
        NS_TEST_ASSERT_MSG_EQ(*update.GetTo()->GetTag(), "remote-tag", "To tag");
        NS_TEST_ASSERT_MSG_EQ(update.GetNameAddrs("Route").size(), 2, "Route");
        NS_TEST_ASSERT_MSG_EQ(update.GetNameAddrs("Route")[0].GetUri().GetHost(),
                              "[3fff:f00::2]",
                              "first hop first");
        NS_TEST_ASSERT_MSG_EQ(uac.CreateRequest("BYE", via).GetCseq()->GetSequence(), 9, "CSeq");
        NS_TEST_ASSERT_MSG_EQ(uac.CreateAck(7, via).GetCseq()->GetSequence(), 7, "ACK CSeq");
        NS_TEST_ASSERT_MSG_EQ(uac.CreateAck(7, via).GetCseq()->GetMethod(), "ACK", "ACK");

        SipDialog uas;
        NS_TEST_ASSERT_MSG_EQ(SipDialog::CreateAsUas(inv, "mine", &uas), true, "UAS dialog");
        NS_TEST_ASSERT_MSG_EQ(uas.GetRouteSet()[0].GetUri().GetHost(), "[3fff:f00::3]", "order");
        NS_TEST_ASSERT_MSG_EQ(uas.GetRemoteTarget().ToString(), "sip:ue1@[3fff:100::1]:10001", "");
        // a request of that dialog as the UAC would send it: From = ue-tag, To = mine
        SipMessage bye = inv;
        bye.SetRequestLine("BYE", "sip:x@ims.example");
        SipNameAddr to = *inv.GetTo();
        to.SetTag("mine");
        bye.SetTo(to);
        bye.SetCseq(SipCseq(8, "BYE"));
        NS_TEST_ASSERT_MSG_EQ(uas.Matches(bye), true, "matches");
        to.SetTag("other");
        SipMessage wrong = bye;
        wrong.SetTo(to);
        NS_TEST_ASSERT_MSG_EQ(uas.Matches(wrong), false, "other To tag");
        wrong = bye;
        wrong.SetCallId("call-2");
        NS_TEST_ASSERT_MSG_EQ(uas.Matches(wrong), false, "other Call-ID");
        NS_TEST_ASSERT_MSG_EQ(uas.AcceptRemoteSequence(8), true, "8 after 7");
        NS_TEST_ASSERT_MSG_EQ(uas.AcceptRemoteSequence(6), false, "6 after 8 refused");
        NS_TEST_ASSERT_MSG_EQ(uas.AcceptRemoteSequence(9), true, "9");

        SipMessage noContact = ok;
        noContact.RemoveHeader("Contact");
        NS_TEST_ASSERT_MSG_EQ(SipDialog::CreateAsUac(inv, noContact, &uac), false, "no Contact");
        SipMessage noTag = SipMessageFactory::CreateResponse(inv, 100);
        NS_TEST_ASSERT_MSG_EQ(SipDialog::CreateAsUac(inv, noTag, &uac), false, "no To tag");
    }

    /**
     * \param route a route set
     * \param first expected host of the first entry
     * \param second expected host of the second entry
     */
    void CheckRoute(const std::vector<SipNameAddr>& route,
                    const std::string& first,
                    const std::string& second)
    {
        NS_TEST_ASSERT_MSG_EQ(route.size(), 2, "route set size");
        if (route.size() == 2)
        {
            NS_TEST_ASSERT_MSG_EQ(route[0].GetUri().GetHostAddress(), first, "reversed");
            NS_TEST_ASSERT_MSG_EQ(route[1].GetUri().GetHostAddress(), second, "reversed");
        }
    }
};

/**
 * \ingroup imssec-tests
 * TS 24.229 5.1.1.4.1: 600 s before expiry above 1200 s, half time at or below.
 */
class RefreshDelayTestCase : public TestCase
{
  public:
    RefreshDelayTestCase()
        : TestCase("re-registration delay of TS 24.229")
    {
    }

  private:
    void DoRun() override
    {
        NS_TEST_ASSERT_MSG_EQ(ImsUeRegistration::GetRefreshDelay(600000), Seconds(599400), "");
        NS_TEST_ASSERT_MSG_EQ(ImsUeRegistration::GetRefreshDelay(3600), Seconds(3000), "");
        NS_TEST_ASSERT_MSG_EQ(ImsUeRegistration::GetRefreshDelay(1201), Seconds(601), "");
        NS_TEST_ASSERT_MSG_EQ(ImsUeRegistration::GetRefreshDelay(1200), Seconds(600), "");
        NS_TEST_ASSERT_MSG_EQ(ImsUeRegistration::GetRefreshDelay(1000), Seconds(500), "");
        NS_TEST_ASSERT_MSG_EQ(ImsUeRegistration::GetRefreshDelay(61), Seconds(30.5), "");
    }
};

/**
 * \ingroup imssec-tests
 * Security-Client offers: each new, with two SPIs drawn at random and never seen before and
 * two ports drawn in the range; one mechanism per algorithm, preferred first; the choice
 * among a Security-Server list (highest q among what was offered, ealg null).
 */
class SecurityOfferTestCase : public TestCase
{
  public:
    SecurityOfferTestCase()
        : TestCase("Security-Client offers and the Security-Server choice")
    {
    }

  private:
    void DoRun() override
    {
        ImsUeSecurity s;
        s.SetOffer({"hmac-sha-1-96", "hmac-md5-96"}, 64);
        s.SetAllocation(20000, 8);
        s.AssignStreams(11);
        std::set<uint32_t> spis;
        std::set<uint16_t> ports;
        uint32_t consecutive = 0;
        for (int i = 0; i < 32; ++i)
        {
            ImsUeSecurity::Offer o = s.NewOffer();
            NS_TEST_ASSERT_MSG_EQ(spis.insert(o.spiC).second, true, "new spi-c");
            NS_TEST_ASSERT_MSG_EQ(spis.insert(o.spiS).second, true, "new spi-s");
            NS_TEST_ASSERT_MSG_GT_OR_EQ(std::min(o.spiC, o.spiS), 256u, "RFC 4303 reserved");
            consecutive += (o.spiS == o.spiC + 1) ? 1 : 0;
            NS_TEST_ASSERT_MSG_NE(o.portC, o.portS, "two ports");
            for (uint16_t port : {o.portC, o.portS})
            {
                NS_TEST_ASSERT_MSG_GT_OR_EQ(port, 20000, "in range");
                NS_TEST_ASSERT_MSG_LT(port, 20008, "in range");
                ports.insert(port);
            }
            Require(o.mechanisms.size() == 2, "two mechanisms");
            NS_TEST_ASSERT_MSG_EQ(o.mechanisms[0].GetAlgorithm().value_or(""), "hmac-sha-1-96", "");
            NS_TEST_ASSERT_MSG_EQ(+o.mechanisms[1].GetAddrPrefLength().value_or(0), 64, "apl");
        }
        NS_TEST_ASSERT_MSG_LT(consecutive, 2u, "SPIs drawn, not counted up");
        NS_TEST_ASSERT_MSG_EQ(ports.size(), 8, "every port of the range drawn at some point");

        ImsUeSecurity::Offer o = s.NewOffer();
        auto md5 = ImsSecAgree::MakeIpsec3gpp("hmac-md5-96", 300, 301, 5062, 5063, 64, 500);
        auto sha = ImsSecAgree::MakeIpsec3gpp("hmac-sha-1-96", 300, 301, 5062, 5063, 64, 100);
        auto aes = ImsSecAgree::MakeIpsec3gpp("hmac-sha-1-96", 300, 301, 5062, 5063, 64, 900);
        aes.SetEncryptionAlgorithm("aes-cbc");
        auto chosen = s.ChooseServerMechanism({sha, md5, aes}, o);
        NS_TEST_ASSERT_MSG_EQ(chosen.value_or(9), 1, "highest q the UE can use (not aes-cbc)");
        ImsUeSecurity only;
        only.SetOffer({"hmac-sha-1-96"}, std::nullopt);
        ImsUeSecurity::Offer shaOnly = only.NewOffer();
        NS_TEST_ASSERT_MSG_EQ(shaOnly.mechanisms.size(), 1, "one mechanism");
        NS_TEST_ASSERT_MSG_EQ(shaOnly.mechanisms[0].GetAddrPrefLength().has_value(), false, "");
        NS_TEST_ASSERT_MSG_EQ(only.ChooseServerMechanism({md5}, shaOnly).has_value(),
                              false,
                              "not offered");
        NS_TEST_ASSERT_MSG_EQ(only.ChooseServerMechanism({md5, sha}, shaOnly).value_or(9), 1, "");
    }

    /**
     * \param condition must hold
     * \param message what
     */
    void Require(bool condition, const char* message)
    {
        NS_TEST_ASSERT_MSG_EQ(condition, true, message);
    }
};

/**
 * \ingroup imssec-tests
 * RFC 3329 2.3.1: "The client SHOULD NOT add preference parameters to this list": no q in
 * Security-Client unless asked for (then descending, preferred first).
 */
class SecurityClientQTestCase : public TestCase
{
  public:
    SecurityClientQTestCase()
        : TestCase("Security-Client without q values (RFC 3329 2.3.1)")
    {
    }

  private:
    void DoRun() override
    {
        ImsUeSecurity s;
        s.SetOffer({"hmac-sha-1-96", "hmac-md5-96"}, std::nullopt);
        for (const SecurityMechanism& m : s.NewOffer().mechanisms)
        {
            NS_TEST_ASSERT_MSG_EQ(m.GetQThousandths().has_value(), false, m.ToString());
        }
        s.SetSendQ(true);
        ImsUeSecurity::Offer o = s.NewOffer();
        NS_TEST_ASSERT_MSG_EQ(o.mechanisms.size(), 2u, "two mechanisms");
        NS_TEST_ASSERT_MSG_GT(o.mechanisms[0].GetQThousandths().value_or(0),
                              o.mechanisms[1].GetQThousandths().value_or(0),
                              "asked for: descending q");
    }
};

/**
 * \ingroup imssec-tests
 * SPIs and protected ports come from the stream AssignStreams gives: the same stream draws
 * the same offers (runs reproducible per seed), another stream other ones.
 */
class SecurityDrawStreamTestCase : public TestCase
{
  public:
    SecurityDrawStreamTestCase()
        : TestCase("Security-Client SPIs and ports drawn from an assigned stream")
    {
    }

  private:
    void DoRun() override
    {
        auto offers = [](int64_t stream) {
            ImsUeSecurity s;
            s.AssignStreams(stream);
            std::vector<uint32_t> drawn;
            for (int i = 0; i < 4; ++i)
            {
                ImsUeSecurity::Offer o = s.NewOffer();
                drawn.insert(drawn.end(), {o.spiC, o.spiS, o.portC, o.portS});
            }
            return drawn;
        };
        NS_TEST_ASSERT_MSG_EQ((offers(5) == offers(5)), true, "same stream, same draws");
        NS_TEST_ASSERT_MSG_EQ((offers(5) != offers(6)), true, "another stream, other draws");
    }
};

/**
 * \ingroup imssec-tests
 * Address usage records (first and last use, closed once) and the counters' summaries
 * (against sums computed here).
 */
class UsageAndCountersTestCase : public TestCase
{
  public:
    UsageAndCountersTestCase()
        : TestCase("address usage records and counter summaries")
    {
    }

  private:
    void DoRun() override
    {
        ImsUeAddressUsage u;
        Ipv6Address a("3fff:100::1");
        Ipv6Address b("3fff:100::2");
        u.NoteUse(a, Seconds(1));
        u.NoteUse(b, Seconds(2));
        u.NoteUse(a, Seconds(7));
        NS_TEST_ASSERT_MSG_EQ(u.GetOpenCount(), 2, "two records");
        ImsUeAddressUsage::Record r;
        NS_TEST_ASSERT_MSG_EQ(u.Close(a, &r), true, "close");
        NS_TEST_ASSERT_MSG_EQ(r.firstUse, Seconds(1), "first");
        NS_TEST_ASSERT_MSG_EQ(r.lastUse, Seconds(7), "last");
        NS_TEST_ASSERT_MSG_EQ(u.Close(a, &r), false, "closed once");
        NS_TEST_ASSERT_MSG_EQ(u.CloseAll().size(), 1, "the rest");
        NS_TEST_ASSERT_MSG_EQ(u.GetOpenCount(), 0, "none");

        ImsUeCounters c;
        double values[] = {0.2, 0.05, 1.5, 0.7};
        double sum = 0;
        double squares = 0;
        for (double v : values)
        {
            c.NoteSessionEstablished(true, Seconds(v));
            sum += v;
            squares += v * v;
        }
        c.NoteSessionEstablished(false, Seconds(99)); // terminating: no setup delay
        const ImsUeCounters::Summary& d = c.GetSetupDelays();
        NS_TEST_ASSERT_MSG_EQ(d.count, 4, "count");
        NS_TEST_ASSERT_MSG_EQ_TOL(d.sum, sum, 1e-12, "sum");
        NS_TEST_ASSERT_MSG_EQ_TOL(d.sumSquares, squares, 1e-12, "squares");
        NS_TEST_ASSERT_MSG_EQ_TOL(d.min, 0.05, 1e-12, "min");
        NS_TEST_ASSERT_MSG_EQ_TOL(d.max, 1.5, 1e-12, "max");
        NS_TEST_ASSERT_MSG_EQ_TOL(d.GetMean(), sum / 4, 1e-12, "mean");
        NS_TEST_ASSERT_MSG_EQ(c.GetSessionsEstablished(), 5, "established");
        c.NoteRegistrationStarted(REG_INITIAL);
        c.NoteRegistrationStarted(REG_ADDRESS_CHANGE);
        c.NoteRegistrationFailed(REG_ADDRESS_CHANGE, REG_FAIL_STATUS_494);
        NS_TEST_ASSERT_MSG_EQ(c.GetTotalRegistrationsStarted(), 2, "total");
        NS_TEST_ASSERT_MSG_EQ(c.GetRegistrationsFailed(REG_ADDRESS_CHANGE), 1, "by cause");
        NS_TEST_ASSERT_MSG_EQ(c.GetRegistrationFailures(REG_FAIL_STATUS_494), 1, "by reason");
        NS_TEST_ASSERT_MSG_EQ(ImsUeCauses::GetName(REG_CONTACT_REFRESH), "contact-refresh", "");
        NS_TEST_ASSERT_MSG_EQ(ImsUeCauses::GetName(DROP_REFRESH_TIMEOUT), "refresh-timeout", "");
        NS_TEST_ASSERT_MSG_EQ(ImsUeCauses::FromStatus(503), FAIL_STATUS_5XX, "5xx");
        NS_TEST_ASSERT_MSG_EQ(ImsUeCauses::FromStatus(302), FAIL_STATUS_3XX, "3xx");
        NS_TEST_ASSERT_MSG_EQ(ImsUeCauses::FromStatus(603), FAIL_STATUS_6XX, "6xx");
    }
};

/**
 * \ingroup imssec-tests
 * ImsUeHelper: UE i is ue<i>@<domain>, provisioned in the HSS with its IMPU, gets the HSS's
 * secrets and an IpsecStack.
 */
class HelperTestCase : public TestCase
{
  public:
    HelperTestCase()
        : TestCase("ImsUeHelper identities and provisioning")
    {
    }

  private:
    void DoRun() override
    {
        NodeContainer nodes;
        nodes.Create(3);
        InternetStackHelper internet;
        internet.SetIpv4StackInstall(false);
        internet.Install(nodes);
        Ptr<Hss> hss = CreateObject<Hss>();
        ImsUeHelper helper(Ipv6Address("3fff:f00::2"));
        helper.SetHomeDomain("example.net");
        helper.SetHss(hss);
        helper.SetFirstIndex(7);
        helper.SetAttribute("RotationPolicy", StringValue("defer-while-busy"));
        helper.SetAttribute("CoveredRotationAction", StringValue("refresh-contact"));
        ApplicationContainer apps = helper.Install(nodes);
        NS_TEST_ASSERT_MSG_EQ(apps.GetN(), 3, "three clients");
        for (uint32_t i = 0; i < 3; ++i)
        {
            std::string impi = "ue" + std::to_string(7 + i) + "@example.net";
            Ptr<ImsUeClient> c = ImsUeHelper::GetClient(nodes.Get(i));
            NS_TEST_ASSERT_MSG_NE(c, nullptr, "client");
            StringValue v;
            c->GetAttribute("Impi", v);
            NS_TEST_ASSERT_MSG_EQ(v.Get(), impi, "IMPI");
            c->GetAttribute("Impu", v);
            NS_TEST_ASSERT_MSG_EQ(v.Get(), "sip:" + impi, "IMPU");
            c->GetAttribute("HomeDomain", v);
            NS_TEST_ASSERT_MSG_EQ(v.Get(), "example.net", "domain");
            EnumValue policy;
            c->GetAttribute("RotationPolicy", policy);
            NS_TEST_ASSERT_MSG_EQ(policy.Get(), ImsUeRotationPolicy::DEFER_WHILE_BUSY, "policy");
            c->GetAttribute("CoveredRotationAction", policy);
            NS_TEST_ASSERT_MSG_EQ(policy.Get(), ImsUeRotationPolicy::REFRESH_CONTACT, "action");
            NS_TEST_ASSERT_MSG_EQ(hss->HasSubscriber(impi), true, "provisioned");
            std::string back;
            NS_TEST_ASSERT_MSG_EQ(hss->GetPrivateIdentity("sip:" + impi, back), true, "IMPU");
            NS_TEST_ASSERT_MSG_EQ(back, impi, "IMPU -> IMPI");
            NS_TEST_ASSERT_MSG_NE(nodes.Get(i)->GetObject<IpsecStack>(), nullptr, "IPsec");
            // the USIM accepts a vector of the HSS: same K and OPc
            AkaVector vec;
            hss->GenerateVector(impi, vec);
            Usim usim = *c->GetUsim();
            NS_TEST_ASSERT_MSG_EQ(usim.Authenticate(vec.rand, vec.autn).status,
                                  Usim::SUCCESS,
                                  "same secrets");
        }
        NS_TEST_ASSERT_MSG_EQ(ImsUeHelper::AssignStreams(nodes, 10), 9, "3 streams per UE");
        Simulator::Destroy();
    }
};

/**
 * \ingroup imssec-tests
 * The parts suite.
 */
class UePartsTestSuite : public TestSuite
{
  public:
    UePartsTestSuite()
        : TestSuite("imssec-ims-ue-parts", UNIT)
    {
        AddTestCase(new RotationPolicyTestCase, TestCase::QUICK);
        AddTestCase(new DialogTestCase, TestCase::QUICK);
        AddTestCase(new RefreshDelayTestCase, TestCase::QUICK);
        AddTestCase(new SecurityOfferTestCase, TestCase::QUICK);
        AddTestCase(new SecurityClientQTestCase, TestCase::QUICK);
        AddTestCase(new SecurityDrawStreamTestCase, TestCase::QUICK);
        AddTestCase(new UsageAndCountersTestCase, TestCase::QUICK);
        AddTestCase(new HelperTestCase, TestCase::QUICK);
    }
};

/// The parts suite instance.
static UePartsTestSuite g_uePartsTestSuite;
