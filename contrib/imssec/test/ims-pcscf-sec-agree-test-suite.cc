/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ims-pcscf-test-network.h"

#include "ns3/ims-sec-agree.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"

#include <string>

using namespace ns3;
using namespace ns3::tests;

namespace
{

/**
 * \param list a Security-Server list
 * \returns true when it is the P-CSCF's static list for the default algorithms: two
 *          ipsec-3gpp mechanisms, hmac-sha-1-96 preferred, the protected ports, no SPI
 */
bool
IsStaticList(const std::vector<SecurityMechanism>& list)
{
    if (list.size() != 2)
    {
        return false;
    }
    for (const SecurityMechanism& m : list)
    {
        if (!m.IsNamed("ipsec-3gpp") || m.GetSpiC() || m.GetSpiS() || m.GetPortC() != 5062 ||
            m.GetPortS() != 5063 || m.GetEncryptionAlgorithm() != "null")
        {
            return false;
        }
    }
    return list[0].GetAlgorithm() == "hmac-sha-1-96" && list[1].GetAlgorithm() == "hmac-md5-96" &&
           list[0].GetQThousandths() > list[1].GetQThousandths();
}

} // namespace

/**
 * \ingroup imssec-tests
 * RFC 3329 2.3.2: a REGISTER with Security-Client but no sec-agree option tag gets 421
 * with "Require: sec-agree" and the server's list, and is not forwarded.
 */
class PcscfExtensionRequiredTestCase : public TestCase
{
  public:
    PcscfExtensionRequiredTestCase()
        : TestCase("421 to a REGISTER without sec-agree option tags")
    {
    }

  private:
    void DoRun() override
    {
        PcscfTestNetwork net;
        net.ue1->secAgreeTags = false;
        net.At(Seconds(1), [&net]() { net.ue1->SendInitialRegister(); });
        net.RunUntil(Seconds(3));
        auto r421 = FindSip(net.ue1Wire, false, "REGISTER", 421);
        IMS_TEST_REQUIRE_SIZE(r421, 1, "one 421 on the UE link");
        const SipMessage& m = r421[0].message;
        NS_TEST_ASSERT_MSG_EQ(m.HasOptionTag("Require", "sec-agree"), true, "Require: sec-agree");
        NS_TEST_ASSERT_MSG_EQ(IsStaticList(m.GetSecurityMechanisms("Security-Server")),
                              true,
                              "the static Security-Server list");
        NS_TEST_ASSERT_MSG_EQ(+r421[0].nextHeader, 17, "in clear");
        NS_TEST_ASSERT_MSG_EQ(r421[0].destinationPort, 5060, "to the UE's port (rport)");
        NS_TEST_ASSERT_MSG_EQ(m.GetTo()->GetTag().has_value(), true, "To tag");
        NS_TEST_ASSERT_MSG_EQ(FindSip(net.coreWire, true, "REGISTER", 0).size(),
                              0u,
                              "nothing forwarded");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetResponsesSent(421), 1u, "counted");
        NS_TEST_ASSERT_MSG_EQ(
            net.pcscf->GetCounters().GetRejects(PcscfRejectCause::EXTENSION_REQUIRED),
            1u,
            "cause");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetRegistrationTable().GetSize(), 0u, "no state kept");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetSadSize(), 0u, "no SA");
    }
};

/**
 * \ingroup imssec-tests
 * RFC 3329 2.3.1: 494 with the server's list when no mechanism of Security-Client is
 * supported, and when sec-agree is required without Security-Client; the algorithm chosen
 * follows the P-CSCF's preference.
 */
class PcscfSecAgreeRequiredTestCase : public TestCase
{
  public:
    PcscfSecAgreeRequiredTestCase()
        : TestCase("494 when no mechanism is common, algorithm choice by preference")
    {
    }

  private:
    void DoRun() override
    {
        PcscfTestNetwork net([](PcscfHelper& h) {
            h.SetAttribute("IntegrityAlgorithms", StringValue("hmac-md5-96"));
        });
        // 1. Only encryption the P-CSCF does not model, and TLS.
        net.At(Seconds(1), [&net]() {
            PcscfTestUe::Offer o;
            SipMessage r = net.ue1->MakeRegister(&o);
            SecurityMechanism m = ImsSecAgree::MakeIpsec3gpp("hmac-md5-96",
                                                             o.spiC,
                                                             o.spiS,
                                                             o.portC,
                                                             o.portS,
                                                             std::nullopt,
                                                             std::nullopt);
            m.SetEncryptionAlgorithm("aes-cbc");
            r.SetSecurityMechanisms("Security-Client", {m, SecurityMechanism("tls")});
            net.ue1->SendClear(r);
        });
        // 2. sec-agree required, no Security-Client.
        net.At(Seconds(2), [&net]() {
            PcscfTestUe::Offer o;
            SipMessage r = net.ue1->MakeRegister(&o);
            r.RemoveHeader("Security-Client");
            net.ue1->SendClear(r);
        });
        // 3. A UE offering both algorithms: the P-CSCF configured for hmac-md5-96 only.
        net.At(Seconds(3), [&net]() { net.ue2->SendInitialRegister(); });
        net.RunUntil(Seconds(5));

        auto r494 = FindSip(net.ue1Wire, false, "REGISTER", 494);
        IMS_TEST_REQUIRE_SIZE(r494, 2, "two 494");
        for (const WirePacket& w : r494)
        {
            auto list = w.message.GetSecurityMechanisms("Security-Server");
            IMS_TEST_REQUIRE_SIZE(list, 1, "the static list (one algorithm configured)");
            NS_TEST_ASSERT_MSG_EQ(list[0].GetAlgorithm().value_or(""), "hmac-md5-96", "alg");
            NS_TEST_ASSERT_MSG_EQ(list[0].GetSpiC().has_value(), false, "no SPI in a 494");
            NS_TEST_ASSERT_MSG_EQ(w.message.HasOptionTag("Require", "sec-agree"),
                                  true,
                                  "RFC 3329 2.3.2: Require: sec-agree in a 494");
        }
        NS_TEST_ASSERT_MSG_EQ(
            net.pcscf->GetCounters().GetRejects(PcscfRejectCause::SEC_AGREE_REQUIRED),
            2u,
            "cause");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetBiddingDownCount(), 0u, "not a bidding down");
        NS_TEST_ASSERT_MSG_EQ((net.pcscf->FindRegistration("ue1@ims.example") == nullptr),
                              true,
                              "no state for UE1");
        // UE2 registered with hmac-md5-96.
        NS_TEST_ASSERT_MSG_EQ(net.ue2->registered, true, "UE2 registered");
        auto c401 = FindSip(net.ue2Wire, false, "REGISTER", 401);
        IMS_TEST_REQUIRE_SIZE(c401, 1, "401 to UE2");
        auto server = c401[0].message.GetSecurityMechanisms("Security-Server");
        IMS_TEST_REQUIRE_SIZE(server, 1, "Security-Server");
        NS_TEST_ASSERT_MSG_EQ(server[0].GetAlgorithm().value_or(""), "hmac-md5-96", "chosen");
        const PcscfRegistration* r = net.pcscf->FindRegistration("ue2@ims.example");
        NS_TEST_ASSERT_MSG_NE(r, nullptr, "UE2's registration");
        if (r)
        {
            NS_TEST_ASSERT_MSG_EQ(net.PcscfSa(r->currentSet, 0)->GetIntegrityAlgorithm(),
                                  IpsecIntegrityAlgorithm::HMAC_MD5_96,
                                  "SAs with hmac-md5-96");
        }
    }
};

/**
 * \ingroup imssec-tests
 * RFC 3329 2.3.1: "The server's list MUST NOT depend on the contents of the client's list".
 * A UE offering only hmac-md5-96 gets a 401 whose Security-Server lists both algorithms the
 * P-CSCF supports (hmac-sha-1-96 with the higher q), with the SPIs of its set; the SAs use
 * the algorithm the UE can choose (the highest q it offered, TS 33.203 7.2).
 */
class PcscfServerListIndependentTestCase : public TestCase
{
  public:
    PcscfServerListIndependentTestCase()
        : TestCase("401 Security-Server lists every supported algorithm, whatever the UE offers")
    {
    }

  private:
    void DoRun() override
    {
        PcscfTestNetwork net;
        net.At(Seconds(1), [&net]() {
            SipMessage r = net.ue1->MakeRegister(&net.ue1->pending);
            r.SetSecurityMechanisms("Security-Client",
                                    {ImsSecAgree::MakeIpsec3gpp("hmac-md5-96",
                                                                net.ue1->pending.spiC,
                                                                net.ue1->pending.spiS,
                                                                net.ue1->pending.portC,
                                                                net.ue1->pending.portS,
                                                                std::nullopt,
                                                                std::nullopt)});
            net.ue1->autoRegister = false;
            net.ue1->SendClear(r);
        });
        net.At(Seconds(1), [&net]() { net.ue2->SendInitialRegister(); });
        net.RunUntil(Seconds(3));
        auto c401 = FindSip(net.ue1Wire, false, "REGISTER", 401);
        IMS_TEST_REQUIRE_SIZE(c401, 1, "401 to UE1");
        auto md5Only = c401[0].message.GetSecurityMechanisms("Security-Server");
        IMS_TEST_REQUIRE_SIZE(md5Only, 2, "both algorithms, not only the one offered");
        NS_TEST_ASSERT_MSG_EQ(md5Only[0].GetAlgorithm().value_or(""), "hmac-sha-1-96", "first");
        NS_TEST_ASSERT_MSG_EQ(md5Only[1].GetAlgorithm().value_or(""), "hmac-md5-96", "second");
        NS_TEST_ASSERT_MSG_GT(md5Only[0].GetQThousandths().value_or(0),
                              md5Only[1].GetQThousandths().value_or(0),
                              "preference by q");
        NS_TEST_ASSERT_MSG_EQ(md5Only[0].GetSpiC().value_or(0),
                              md5Only[1].GetSpiC().value_or(1),
                              "the set's spi-c");
        NS_TEST_ASSERT_MSG_EQ(md5Only[0].GetSpiS().value_or(0),
                              md5Only[1].GetSpiS().value_or(1),
                              "the set's spi-s");
        const PcscfRegistration* r = net.pcscf->FindRegistration("ue1@ims.example");
        NS_TEST_ASSERT_MSG_NE(r, nullptr, "UE1's context");
        if (r)
        {
            NS_TEST_ASSERT_MSG_EQ(net.PcscfSa(r->pendingSet, 0)->GetIntegrityAlgorithm(),
                                  IpsecIntegrityAlgorithm::HMAC_MD5_96,
                                  "the SAs use the algorithm the UE can choose");
        }
        // UE2 offered both: the same list (but its own SPIs), and it registers.
        auto c401b = FindSip(net.ue2Wire, false, "REGISTER", 401);
        IMS_TEST_REQUIRE_SIZE(c401b, 1, "401 to UE2");
        auto both = c401b[0].message.GetSecurityMechanisms("Security-Server");
        IMS_TEST_REQUIRE_SIZE(both, 2, "the same list");
        for (size_t i = 0; i < 2; ++i)
        {
            SecurityMechanism a = both[i];
            a.SetSpiC(*md5Only[i].GetSpiC());
            a.SetSpiS(*md5Only[i].GetSpiS());
            NS_TEST_ASSERT_MSG_EQ(a.Matches(md5Only[i]), true, "same but for the SPIs");
        }
        NS_TEST_ASSERT_MSG_EQ(net.ue2->registered, true, "UE2 registered (Security-Verify)");
    }
};

/**
 * \ingroup imssec-tests
 * RFC 3329 2.3.1: a protected REGISTER whose Security-Verify differs from the
 * Security-Server sent (a bidding-down attack on the algorithm) gets 494 with the unmodified
 * list, through the SA, and is not forwarded; one without Security-Verify too.
 */
class PcscfBiddingDownTestCase : public TestCase
{
  public:
    /**
     * \param remove remove Security-Verify instead of changing it
     */
    explicit PcscfBiddingDownTestCase(bool remove)
        : TestCase(remove ? "494 to a protected REGISTER without Security-Verify"
                          : "494 to a tampered Security-Verify (bidding down)"),
          m_remove(remove)
    {
    }

  private:
    void DoRun() override
    {
        PcscfTestNetwork net;
        bool remove = m_remove;
        net.ue1->tamper = [remove](SipMessage& r) {
            if (remove)
            {
                r.RemoveHeader("Security-Verify");
                return;
            }
            auto list = r.GetSecurityMechanisms("Security-Verify");
            list[0].SetAlgorithm("hmac-md5-96");
            r.SetSecurityMechanisms("Security-Verify", list);
        };
        net.At(Seconds(1), [&net]() { net.ue1->SendInitialRegister(); });
        net.RunUntil(Seconds(3));
        auto c401 = FindSip(net.ue1Wire, false, "REGISTER", 401);
        auto r494 = FindSip(net.ue1Wire, false, "REGISTER", 494);
        IMS_TEST_REQUIRE_SIZE(c401, 1, "401");
        IMS_TEST_REQUIRE_SIZE(r494, 1, "494");
        auto sent = c401[0].message.GetSecurityMechanisms("Security-Server");
        auto again = r494[0].message.GetSecurityMechanisms("Security-Server");
        NS_TEST_ASSERT_MSG_EQ(SecAgreeRules::VerifyMatches(sent, again),
                              true,
                              "the unmodified list in the 494");
        NS_TEST_ASSERT_MSG_EQ(r494[0].message.HasOptionTag("Require", "sec-agree"),
                              true,
                              "RFC 3329 2.3.2: Require: sec-agree in a 494");
        NS_TEST_ASSERT_MSG_EQ(+r494[0].nextHeader, 50, "494 through the SA");
        NS_TEST_ASSERT_MSG_EQ(r494[0].spi, net.ue1->pending.spiC, "UE's spi-c");
        NS_TEST_ASSERT_MSG_EQ(r494[0].destinationPort, net.ue1->pending.portC, "to port-c");
        NS_TEST_ASSERT_MSG_EQ(FindSip(net.coreWire, true, "REGISTER", 0).size(),
                              1u,
                              "only the first REGISTER reached the S-CSCF");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetResponsesSent(494), 1u, "494 counted");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetBiddingDownCount(),
                              (m_remove ? 0u : 1u),
                              "bidding down detected");
        const PcscfRegistration* r = net.pcscf->FindRegistration("ue1@ims.example");
        NS_TEST_ASSERT_MSG_NE(r, nullptr, "context kept");
        if (r)
        {
            NS_TEST_ASSERT_MSG_EQ(r->IsRegistered(), false, "not registered");
            NS_TEST_ASSERT_MSG_NE(r->pendingSet, 0u, "the pending set waits (reg-await-auth)");
        }
        NS_TEST_ASSERT_MSG_EQ(net.ue1->registered, false, "UE not registered");
    }

    bool m_remove; //!< remove rather than change
};

/**
 * \ingroup imssec-tests
 * Protected requests through another UE's SA: a REGISTER for UE1's IMPI and a MESSAGE
 * claiming UE1's IMPU, both through UE2's SAs, get 403 through UE2's SA and are not
 * forwarded; UE2's own MESSAGE is forwarded with P-Asserted-Identity; UE1's state is
 * untouched.
 */
class PcscfWrongSaTestCase : public TestCase
{
  public:
    PcscfWrongSaTestCase()
        : TestCase("403 to protected requests through another UE's SA")
    {
    }

  private:
    void DoRun() override
    {
        PcscfTestNetwork net;
        net.At(Seconds(1), [&net]() {
            net.ue1->SendInitialRegister();
            net.ue2->SendInitialRegister();
        });
        uint32_t ue1Set = 0;
        net.At(Seconds(3), [&net, &ue1Set]() {
            ue1Set = net.pcscf->FindRegistration("ue1@ims.example")->currentSet;
            // UE2 re-registers UE1's IMPI through its own SAs.
            PcscfTestUe::Offer o;
            SipMessage r = net.ue2->MakeRegister(&o);
            SipDigest auth(SipDigest::CREDENTIALS);
            auth.SetUsername("ue1@ims.example");
            auth.SetRealm("ims.example");
            auth.SetNonce("");
            auth.SetUri("sip:ims.example");
            auth.SetResponse("");
            r.SetDigest("Authorization", auth);
            r.SetSecurityMechanisms("Security-Verify", net.ue2->securityServer);
            net.ue2->SendProtected(r);
        });
        net.At(Seconds(4), [&net]() {
            net.ue2->SendProtected(net.ue2->MakeRequest("MESSAGE", "sip:ue1@ims.example"));
        });
        net.At(Seconds(5), [&net]() {
            net.ue2->SendProtected(net.ue2->MakeRequest("MESSAGE", "sip:ue2@ims.example"));
        });
        net.RunUntil(Seconds(7));

        NS_TEST_ASSERT_MSG_EQ((net.ue1->registered && net.ue2->registered),
                              true,
                              "both registered");
        auto r403reg = FindSip(net.ue2Wire, false, "REGISTER", 403);
        auto r403msg = FindSip(net.ue2Wire, false, "MESSAGE", 403);
        IMS_TEST_REQUIRE_SIZE(r403reg, 1, "403 to the REGISTER");
        IMS_TEST_REQUIRE_SIZE(r403msg, 1, "403 to the MESSAGE claiming UE1");
        for (const WirePacket& w : {r403reg[0], r403msg[0]})
        {
            NS_TEST_ASSERT_MSG_EQ(+w.nextHeader, 50, "through the SA");
            NS_TEST_ASSERT_MSG_EQ(w.spi, net.ue2->current.spiC, "UE2's spi-c");
        }
        // On the core link: 4 REGISTERs (two registrations) and UE2's own MESSAGE only.
        NS_TEST_ASSERT_MSG_EQ(FindSip(net.coreWire, true, "REGISTER", 0).size(),
                              4u,
                              "the forged REGISTER was not forwarded");
        auto msgs = FindSip(net.coreWire, true, "MESSAGE", 0);
        IMS_TEST_REQUIRE_SIZE(msgs, 1, "one MESSAGE forwarded");
        NS_TEST_ASSERT_MSG_EQ(msgs[0].message.GetFirst("P-Asserted-Identity").value_or(""),
                              "<sip:ue2@ims.example>",
                              "asserted identity");
        NS_TEST_ASSERT_MSG_EQ(msgs[0].message.HasHeader("Route"), false, "own Route popped");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetProtectedRequestsRejected(), 2u, "counted");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetResponsesSent(403), 2u, "two 403");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetCounters().GetRejects(PcscfRejectCause::WRONG_SA),
                              1u,
                              "REGISTER: wrong SA");
        NS_TEST_ASSERT_MSG_EQ(
            net.pcscf->GetCounters().GetRejects(PcscfRejectCause::IDENTITY_MISMATCH),
            1u,
            "MESSAGE: identity");
        const PcscfRegistration* r1 = net.pcscf->FindRegistration("ue1@ims.example");
        NS_TEST_ASSERT_MSG_EQ((r1 && r1->currentSet == ue1Set && !r1->offer && !r1->pendingSet),
                              true,
                              "UE1 untouched");
        NS_TEST_ASSERT_MSG_EQ(net.pcscf->GetSadSize(), 8u, "two UEs, four SAs each");
    }
};

/**
 * \ingroup imssec-tests
 * The P-CSCF's RFC 3329 server behaviour.
 */
static class PcscfSecAgreeTestSuite : public TestSuite
{
  public:
    PcscfSecAgreeTestSuite()
        : TestSuite("imssec-ims-pcscf-sec-agree", UNIT)
    {
        AddTestCase(new PcscfExtensionRequiredTestCase(), QUICK);
        AddTestCase(new PcscfSecAgreeRequiredTestCase(), QUICK);
        AddTestCase(new PcscfServerListIndependentTestCase(), QUICK);
        AddTestCase(new PcscfBiddingDownTestCase(false), QUICK);
        AddTestCase(new PcscfBiddingDownTestCase(true), QUICK);
        AddTestCase(new PcscfWrongSaTestCase(), QUICK);
    }
} g_pcscfSecAgreeTestSuite; //!< static instance
