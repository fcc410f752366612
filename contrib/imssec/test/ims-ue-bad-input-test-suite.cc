/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Bad and unexpected input at a registered UE: requests of unknown dialogs (481), methods it
// does not handle (405), out-of-order CSeq (500), malformed datagrams (400 from the transport
// or dropped), requests outside the SAs (discarded), stray responses and ACKs; all counted,
// none disturbing the registration.
#include "ims-ue-test-core.h"

#include "ns3/simulator.h"
#include "ns3/test.h"

#include <string>

using namespace ns3;
using namespace ns3::tests;

/**
 * \ingroup imssec-tests
 * One bad input after the registration, its answer on the wire and its counter.
 */
class BadInputTestCase : public TestCase
{
  public:
    /** What arrives. */
    enum Kind
    {
        UNKNOWN_DIALOG, //!< BYE with a To tag of no dialog
        UNKNOWN_METHOD, //!< MESSAGE with a To tag of no dialog
        NOT_ALLOWED,    //!< MESSAGE outside a dialog
        OPTIONS,        //!< OPTIONS outside a dialog
        OUT_OF_ORDER,   //!< UPDATE with a CSeq below the last one
        GARBAGE_VIA,    //!< malformed request with a readable Via
        GARBAGE,        //!< bytes without a Via
        CLEAR_REQUEST,  //!< INVITE in clear to port 5060
        STRAY_RESPONSE, //!< a 200 of no transaction
    };

    /**
     * \param kind what arrives
     * \param name case name
     */
    BadInputTestCase(Kind kind, std::string name)
        : TestCase(name),
          m_kind(kind)
    {
    }

  private:
    void DoTeardown() override
    {
        Simulator::Destroy();
    }

    void DoRun() override
    {
        UeTestNetwork net;
        Kind kind = m_kind;
        Simulator::Schedule(Seconds(10), [&net, kind]() {
            switch (kind)
            {
            case UNKNOWN_DIALOG:
                net.core->SendUnknownDialogRequest("BYE");
                break;
            case UNKNOWN_METHOD:
                net.core->SendUnknownDialogRequest("MESSAGE");
                break;
            case NOT_ALLOWED:
                net.core->SendUnknownDialogRequest("MESSAGE", false);
                break;
            case OPTIONS:
                net.core->SendUnknownDialogRequest("OPTIONS", false);
                break;
            case OUT_OF_ORDER:
                net.core->SendInvite(0);
                break;
            case GARBAGE_VIA:
                net.core->SendRawProtected(
                    "INVITE sip:ue1@ims.example SIP/2.0\r\n"
                    "Via: SIP/2.0/UDP [3fff:f00::2]:5062;branch=z9hG4bKbad\r\n"
                    "From: <sip:remote@ims.example>;tag=1\r\n"
                    "To: <sip:ue1@ims.example>\r\n"
                    "Call-ID: bad@core\r\n"
                    "CSeq: one INVITE\r\n"
                    "Content-Length: 0\r\n\r\n");
                break;
            case GARBAGE:
                net.core->SendRawProtected(std::string("\x00\x01garbage\xff", 11));
                break;
            case CLEAR_REQUEST:
                net.core->SendClearInvite();
                break;
            case STRAY_RESPONSE:
                net.core->SendStrayResponse();
                break;
            }
        });
        if (m_kind == OUT_OF_ORDER)
        {
            Simulator::Schedule(Seconds(20), [&net]() { net.core->SendInDialog("UPDATE", 5); });
            Simulator::Schedule(Seconds(30), [&net]() { net.core->SendInDialog("UPDATE", 3); });
        }
        Simulator::Stop(Seconds(60));
        Simulator::Run();

        const ImsUeCounters& c = net.client->GetCounters();
        std::vector<WirePacket> after;
        for (const WirePacket& w : net.Sip(true))
        {
            if (w.time >= Seconds(10))
            {
                after.push_back(w);
            }
        }
        switch (m_kind)
        {
        case UNKNOWN_DIALOG:
            IMS_TEST_REQUIRE_SIZE(after, 1, "one answer");
            NS_TEST_ASSERT_MSG_EQ(after[0].message.GetStatusCode(), 481, "481");
            NS_TEST_ASSERT_MSG_EQ(+after[0].nextHeader, 50, "through the SA");
            NS_TEST_ASSERT_MSG_EQ(c.GetUnknownDialogRequests(), 1, "counted");
            break;
        case UNKNOWN_METHOD:
            IMS_TEST_REQUIRE_SIZE(after, 1, "one answer");
            // a To tag of no dialog: 481 comes first (RFC 3261 12.2.2)
            NS_TEST_ASSERT_MSG_EQ(after[0].message.GetStatusCode(), 481, "481");
            NS_TEST_ASSERT_MSG_EQ(c.GetUnknownDialogRequests(), 1, "counted");
            break;
        case NOT_ALLOWED:
            IMS_TEST_REQUIRE_SIZE(after, 1, "one answer");
            NS_TEST_ASSERT_MSG_EQ(after[0].message.GetStatusCode(), 405, "405");
            NS_TEST_ASSERT_MSG_EQ(after[0].message.GetFirst("Allow").value_or(""),
                                  "INVITE",
                                  "Allow");
            NS_TEST_ASSERT_MSG_EQ(after[0].message.GetAll("Allow").size(), 6, "six methods");
            NS_TEST_ASSERT_MSG_EQ(c.GetRejectedRequests(), 1, "counted");
            break;
        case OPTIONS:
            IMS_TEST_REQUIRE_SIZE(after, 1, "one answer");
            NS_TEST_ASSERT_MSG_EQ(after[0].message.GetStatusCode(), 200, "200");
            NS_TEST_ASSERT_MSG_EQ(c.GetRejectedRequests(), 0, "not an error");
            break;
        case OUT_OF_ORDER: {
            auto updates = net.Find(true, "UPDATE", 200);
            IMS_TEST_REQUIRE_SIZE(updates, 1, "CSeq 5 accepted");
            auto refused = net.Find(true, "UPDATE", 500);
            IMS_TEST_REQUIRE_SIZE(refused, 1, "CSeq 3 refused with 500");
            NS_TEST_ASSERT_MSG_EQ(c.GetRejectedRequests(), 1, "counted");
            NS_TEST_ASSERT_MSG_EQ(net.client->GetSessions().GetSessionCount(), 1, "session kept");
            break;
        }
        case GARBAGE_VIA:
            IMS_TEST_REQUIRE_SIZE(after, 1, "one answer");
            NS_TEST_ASSERT_MSG_EQ(after[0].message.GetStatusCode(), 400, "400");
            NS_TEST_ASSERT_MSG_EQ(net.client->GetMalformedCount(), 1, "counted");
            break;
        case GARBAGE:
            NS_TEST_ASSERT_MSG_EQ(after.size(), 0, "no answer");
            NS_TEST_ASSERT_MSG_EQ(net.client->GetMalformedCount(), 1, "counted");
            break;
        case CLEAR_REQUEST:
            NS_TEST_ASSERT_MSG_EQ(after.size(), 0, "discarded");
            NS_TEST_ASSERT_MSG_GT_OR_EQ(c.GetUnprotectedRequests(), 1, "counted");
            NS_TEST_ASSERT_MSG_EQ(c.GetTerminatingAttempted(), 0, "no session");
            break;
        case STRAY_RESPONSE:
            NS_TEST_ASSERT_MSG_EQ(after.size(), 0, "nothing sent");
            NS_TEST_ASSERT_MSG_EQ(net.client->GetStrayResponseCount(), 1, "counted");
            break;
        }
        NS_TEST_ASSERT_MSG_EQ(net.client->IsRegistered(), true, "still registered");
        NS_TEST_ASSERT_MSG_EQ(net.UeSaSets(), 1, "SAs untouched");
    }

    Kind m_kind; //!< what arrives
};

/**
 * \ingroup imssec-tests
 * The bad input suite.
 */
class UeBadInputTestSuite : public TestSuite
{
  public:
    UeBadInputTestSuite()
        : TestSuite("imssec-ims-ue-bad-input", UNIT)
    {
        AddTestCase(
            new BadInputTestCase(BadInputTestCase::UNKNOWN_DIALOG, "BYE of an unknown dialog: 481"),
            TestCase::QUICK);
        AddTestCase(new BadInputTestCase(BadInputTestCase::UNKNOWN_METHOD,
                                         "MESSAGE with a To tag of no dialog: 481"),
                    TestCase::QUICK);
        AddTestCase(new BadInputTestCase(BadInputTestCase::NOT_ALLOWED,
                                         "MESSAGE outside a dialog: 405 with Allow"),
                    TestCase::QUICK);
        AddTestCase(
            new BadInputTestCase(BadInputTestCase::OPTIONS, "OPTIONS outside a dialog: 200"),
            TestCase::QUICK);
        AddTestCase(new BadInputTestCase(BadInputTestCase::OUT_OF_ORDER,
                                         "in-dialog CSeq out of order: 500"),
                    TestCase::QUICK);
        AddTestCase(new BadInputTestCase(BadInputTestCase::GARBAGE_VIA,
                                         "malformed request with a Via: 400"),
                    TestCase::QUICK);
        AddTestCase(new BadInputTestCase(BadInputTestCase::GARBAGE, "garbage: dropped"),
                    TestCase::QUICK);
        AddTestCase(new BadInputTestCase(BadInputTestCase::CLEAR_REQUEST,
                                         "INVITE outside the SAs: discarded"),
                    TestCase::QUICK);
        AddTestCase(new BadInputTestCase(BadInputTestCase::STRAY_RESPONSE,
                                         "response of no transaction: dropped"),
                    TestCase::QUICK);
    }
};

/// The bad input suite instance.
static UeBadInputTestSuite g_ueBadInputTestSuite;
