/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The UE's registration against a scripted P-CSCF/S-CSCF: the initial flow with /128 and
// prefix selectors (messages on the wire, both SADs), re-registration timing and SA
// replacement, 494/403/421 and timeouts with back-off, MAC failure and resynchronisation.
#include "ims-ue-test-core.h"

#include "ns3/boolean.h"
#include "ns3/digest-aka.h"
#include "ns3/integer.h"
#include "ns3/ipsec-sa.h"
#include "ns3/ipsec-sad.h"
#include "ns3/sec-agree-rules.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"
#include "ns3/usim.h"

#include <openssl/evp.h>
#include <set>
#include <string>

using namespace ns3;
using namespace ns3::tests;

namespace
{

/**
 * \param data bytes
 * \returns MD5 in lower-case hexadecimal, computed here with OpenSSL
 */
std::string
Md5(const std::string& data)
{
    unsigned char digest[16];
    unsigned int length = 0;
    EVP_Digest(data.data(), data.size(), digest, &length, EVP_md5(), nullptr);
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < length; ++i)
    {
        out.push_back(hex[digest[i] >> 4]);
        out.push_back(hex[digest[i] & 15]);
    }
    return out;
}

/**
 * \param w a packet
 * \returns its first Security-Client mechanism
 */
SecurityMechanism
Client(const WirePacket& w)
{
    auto list = Mechanisms(w.message, "Security-Client");
    return list.empty() ? SecurityMechanism() : list.front();
}

/**
 * \param w a packet
 * \returns the port of its first Contact
 */
uint16_t
ContactPort(const WirePacket& w)
{
    auto c = w.message.GetContacts();
    return c.empty() ? 0 : c.front().GetUri().GetPort().value_or(0);
}

} // namespace

/**
 * \ingroup imssec-tests
 * Base: the simulator is destroyed after every case, also after a failed assertion.
 */
class UeTestCase : public TestCase
{
  public:
    /** \param name the name */
    explicit UeTestCase(std::string name)
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
 * Initial registration: the unprotected REGISTER (Security-Client with fresh SPIs and ports,
 * both algorithms, addr-pref-length as configured, sec-agree, path, empty Digest), the 401,
 * the protected REGISTER (ESP with the P-CSCF's spi-s from port-c to 5063, Security-Verify,
 * the AKA response checked here with OpenSSL's MD5), the 200 over the UE's spi-c; the SA set
 * of both sides bound with the selector length the P-CSCF echoed (128 when not echoed); the
 * re-registration scheduled 600 s before expiry.
 */
class InitialRegistrationTestCase : public UeTestCase
{
  public:
    /**
     * \param name case name
     * \param addrPrefLength the UE's AddrPrefLength attribute
     * \param policy the P-CSCF's policy
     * \param expected the selector length expected on both sides
     */
    InitialRegistrationTestCase(std::string name,
                                int addrPrefLength,
                                AddrPrefLengthPolicy policy,
                                uint8_t expected)
        : UeTestCase(name),
          m_addrPrefLength(addrPrefLength),
          m_policy(policy),
          m_expected(expected)
    {
    }

  private:
    void DoRun() override
    {
        UeTestNetwork net(nullptr, [this](ImsUeHelper& h) {
            h.SetAttribute("AddrPrefLength", IntegerValue(m_addrPrefLength));
        });
        net.core->policy = m_policy;
        net.core->minLength = 64;
        Simulator::Stop(Seconds(30));
        Simulator::Run();

        IMS_TEST_REQUIRE_SIZE(net.generated, 1, "one temporary address");
        Ipv6Address ueAddress = net.generated[0].second;
        auto fromUe = net.Sip(true);
        auto toUe = net.Sip(false);
        IMS_TEST_REQUIRE_SIZE(fromUe, 2, "two REGISTERs");
        IMS_TEST_REQUIRE_SIZE(toUe, 2, "401 and 200");

        // 1. unprotected REGISTER
        const WirePacket& r1 = fromUe[0];
        const SipMessage& m1 = r1.message;
        NS_TEST_ASSERT_MSG_EQ(m1.GetMethod(), "REGISTER", "method");
        NS_TEST_ASSERT_MSG_EQ(m1.GetRequestUri(), "sip:ims.example", "Request-URI");
        NS_TEST_ASSERT_MSG_EQ(+r1.nextHeader, 17, "clear UDP");
        NS_TEST_ASSERT_MSG_EQ(r1.source, ueAddress, "from the temporary address");
        NS_TEST_ASSERT_MSG_EQ(r1.destination, net.coreAddress, "to the P-CSCF");
        NS_TEST_ASSERT_MSG_EQ(r1.sourcePort, 5060, "source port");
        NS_TEST_ASSERT_MSG_EQ(r1.destinationPort, 5060, "destination port");
        auto via = m1.GetTopVia();
        NS_TEST_ASSERT_MSG_EQ(via.has_value(), true, "Via");
        NS_TEST_ASSERT_MSG_EQ(UriAddress(SipUri("", via->GetHost(), std::nullopt)),
                              ueAddress,
                              "Via host");
        NS_TEST_ASSERT_MSG_EQ(via->GetPort().value_or(0), 5060, "Via port");
        NS_TEST_ASSERT_MSG_EQ(via->HasRport(), true, "rport");
        NS_TEST_ASSERT_MSG_EQ(m1.GetFrom()->GetUri().ToString(), "sip:ue1@ims.example", "From");
        NS_TEST_ASSERT_MSG_EQ(m1.GetFrom()->GetTag().has_value(), true, "From tag");
        NS_TEST_ASSERT_MSG_EQ(m1.GetTo()->GetUri().ToString(), "sip:ue1@ims.example", "To");
        NS_TEST_ASSERT_MSG_EQ(m1.GetCseq()->GetSequence(), 1, "CSeq");
        NS_TEST_ASSERT_MSG_EQ(m1.GetExpires().value_or(0), 600000, "Expires");
        NS_TEST_ASSERT_MSG_EQ(m1.HasOptionTag("Require", "sec-agree"), true, "Require");
        NS_TEST_ASSERT_MSG_EQ(m1.HasOptionTag("Proxy-Require", "sec-agree"), true, "Proxy-Req");
        NS_TEST_ASSERT_MSG_EQ(m1.HasOptionTag("Supported", "path"), true, "Supported");
        auto auth1 = m1.GetDigest("Authorization");
        NS_TEST_ASSERT_MSG_EQ(auth1.has_value(), true, "Authorization");
        NS_TEST_ASSERT_MSG_EQ(auth1->GetUsername().value_or(""), "ue1@ims.example", "username");
        NS_TEST_ASSERT_MSG_EQ(auth1->GetRealm().value_or(""), "ims.example", "realm");
        NS_TEST_ASSERT_MSG_EQ(auth1->GetNonce().has_value(), true, "nonce");
        NS_TEST_ASSERT_MSG_EQ(auth1->GetNonce().value_or("x"), "", "empty nonce");
        NS_TEST_ASSERT_MSG_EQ(auth1->GetResponse().value_or("x"), "", "empty response");
        auto offer = Mechanisms(m1, "Security-Client");
        IMS_TEST_REQUIRE_SIZE(offer, 2, "two mechanisms");
        NS_TEST_ASSERT_MSG_EQ(offer[0].GetAlgorithm().value_or(""), "hmac-sha-1-96", "alg 1");
        NS_TEST_ASSERT_MSG_EQ(offer[1].GetAlgorithm().value_or(""), "hmac-md5-96", "alg 2");
        NS_TEST_ASSERT_MSG_EQ(offer[0].GetQThousandths().has_value(),
                              false,
                              "no q (RFC 3329 2.3.1): sha-1 preferred by its place");
        for (const SecurityMechanism& o : offer)
        {
            NS_TEST_ASSERT_MSG_EQ(o.GetName(), "ipsec-3gpp", "mechanism");
            NS_TEST_ASSERT_MSG_EQ(o.GetEncryptionAlgorithm().value_or(""), "null", "ealg");
            NS_TEST_ASSERT_MSG_EQ(o.GetProtocol().value_or(""), "esp", "prot");
            NS_TEST_ASSERT_MSG_EQ(o.GetMode().value_or(""), "trans", "mod");
            NS_TEST_ASSERT_MSG_EQ(o.GetSpiC().value_or(0),
                                  offer[0].GetSpiC().value_or(0),
                                  "same spi-c");
            NS_TEST_ASSERT_MSG_EQ(o.GetSpiS().value_or(0),
                                  offer[0].GetSpiS().value_or(0),
                                  "same spi-s");
            NS_TEST_ASSERT_MSG_EQ(o.GetPortC().value_or(0),
                                  offer[0].GetPortC().value_or(0),
                                  "same port-c");
            NS_TEST_ASSERT_MSG_EQ(o.GetPortS().value_or(0),
                                  offer[0].GetPortS().value_or(0),
                                  "same port-s");
            NS_TEST_ASSERT_MSG_EQ(o.GetAddrPrefLength().has_value(),
                                  (m_addrPrefLength >= 0),
                                  "addr-pref-length present");
            if (m_addrPrefLength >= 0)
            {
                NS_TEST_ASSERT_MSG_EQ(+o.GetAddrPrefLength().value_or(0),
                                      m_addrPrefLength,
                                      "addr-pref-length");
            }
        }
        uint32_t spiC = offer[0].GetSpiC().value_or(0);
        uint32_t spiS = offer[0].GetSpiS().value_or(0);
        uint16_t portC = offer[0].GetPortC().value_or(0);
        uint16_t portS = offer[0].GetPortS().value_or(0);
        NS_TEST_ASSERT_MSG_NE(spiC, spiS, "distinct SPIs");
        NS_TEST_ASSERT_MSG_GT_OR_EQ(spiC, 256u, "SPI >= 256");
        NS_TEST_ASSERT_MSG_NE(portC, portS, "distinct ports");
        auto contacts = m1.GetContacts();
        IMS_TEST_REQUIRE_SIZE(contacts, 1, "one Contact");
        NS_TEST_ASSERT_MSG_EQ(UriAddress(contacts[0].GetUri()), ueAddress, "Contact address");
        NS_TEST_ASSERT_MSG_EQ(contacts[0].GetUri().GetPort().value_or(0), portS, "Contact port");
        NS_TEST_ASSERT_MSG_EQ(contacts[0].GetExpires().value_or(0), 600000, "Contact expires");

        // 2. the 401 in clear, 3. the protected REGISTER
        NS_TEST_ASSERT_MSG_EQ(toUe[0].message.GetStatusCode(), 401, "401");
        NS_TEST_ASSERT_MSG_EQ(+toUe[0].nextHeader, 17, "401 in clear");
        auto server = net.core->serverList;
        IMS_TEST_REQUIRE_SIZE(server, 1, "Security-Server");
        NS_TEST_ASSERT_MSG_EQ(Mechanisms(toUe[0].message, "Security-Server")[0].ToString(),
                              server[0].ToString(),
                              "Security-Server on the wire");
        const WirePacket& r2 = fromUe[1];
        const SipMessage& m2 = r2.message;
        NS_TEST_ASSERT_MSG_EQ(+r2.nextHeader, 50, "ESP");
        NS_TEST_ASSERT_MSG_EQ(r2.spi, server[0].GetSpiS().value_or(0), "P-CSCF spi-s");
        NS_TEST_ASSERT_MSG_EQ(r2.source, ueAddress, "source");
        NS_TEST_ASSERT_MSG_EQ(r2.sourcePort, portC, "from port-c");
        NS_TEST_ASSERT_MSG_EQ(r2.destinationPort, 5063, "to the P-CSCF's port-s");
        NS_TEST_ASSERT_MSG_EQ(*m2.GetCallId(), *m1.GetCallId(), "same Call-ID");
        NS_TEST_ASSERT_MSG_EQ(m2.GetCseq()->GetSequence(), 2, "CSeq + 1");
        NS_TEST_ASSERT_MSG_EQ(m2.GetTopVia()->GetPort().value_or(0), portC, "Via port-c");
        NS_TEST_ASSERT_MSG_EQ(
            SecAgreeRules::VerifyMatches(server, Mechanisms(m2, "Security-Verify")),
            true,
            "Security-Verify = Security-Server");
        NS_TEST_ASSERT_MSG_EQ(SecurityMechanism::FormatList(Mechanisms(m2, "Security-Client")),
                              SecurityMechanism::FormatList(offer),
                              "same Security-Client");
        NS_TEST_ASSERT_MSG_EQ(m2.HasOptionTag("Require", "sec-agree"), true, "Require");
        NS_TEST_ASSERT_MSG_EQ(ContactPort(r2), portS, "Contact port-s");
        auto auth2 = m2.GetDigest("Authorization");
        NS_TEST_ASSERT_MSG_EQ(auth2.has_value(), true, "Authorization");
        NS_TEST_ASSERT_MSG_EQ(auth2->GetAlgorithm().value_or(""), "AKAv1-MD5", "algorithm");
        NS_TEST_ASSERT_MSG_EQ(auth2->GetQop().value_or(""), "auth", "qop");
        NS_TEST_ASSERT_MSG_EQ(auth2->Get("nc").value_or(""), "00000001", "nc");
        // RFC 2617 3.2.2 with RES (= the HSS's XRES) as the password, computed here.
        const AkaRes& res = net.core->GetLastVector().xres;
        std::string ha1 = Md5("ue1@ims.example:ims.example:" +
                              std::string(reinterpret_cast<const char*>(res.data()), res.size()));
        std::string ha2 = Md5("REGISTER:sip:ims.example");
        std::string expected = Md5(ha1 + ":" + auth2->GetNonce().value_or("") +
                                   ":00000001:" + auth2->GetCnonce().value_or("") + ":auth:" + ha2);
        NS_TEST_ASSERT_MSG_EQ(auth2->GetResponse().value_or(""), expected, "Digest response");
        NS_TEST_ASSERT_MSG_EQ(net.core->verified, 1, "the core verified RES");

        // 4. the 200 through the UE's spi-c
        NS_TEST_ASSERT_MSG_EQ(toUe[1].message.GetStatusCode(), 200, "200");
        NS_TEST_ASSERT_MSG_EQ(+toUe[1].nextHeader, 50, "200 over ESP");
        NS_TEST_ASSERT_MSG_EQ(toUe[1].spi, spiC, "UE spi-c");
        NS_TEST_ASSERT_MSG_EQ(toUe[1].destinationPort, portC, "to port-c");
        NS_TEST_ASSERT_MSG_EQ(toUe[1].sourcePort, 5063, "from port-s");

        // SADs: one set each side, UE side selectors of the expected length.
        NS_TEST_ASSERT_MSG_EQ(net.UeSaSets(), 1, "UE SA sets");
        NS_TEST_ASSERT_MSG_EQ(net.core->ipsec->GetSaSetCount(), 1, "P-CSCF SA sets");
        uint32_t h = net.client->GetSecurity().GetActive().handle;
        IpsecSaSetParameters p;
        NS_TEST_ASSERT_MSG_EQ(net.ueIpsec->GetSaSetParameters(h, p), true, "UE set");
        NS_TEST_ASSERT_MSG_EQ(+p.uePrefixLength, +m_expected, "UE selector length");
        IpsecSaSetParameters q;
        net.core->ipsec->GetSaSetParameters(net.core->activeSet, q);
        NS_TEST_ASSERT_MSG_EQ(+q.uePrefixLength, +m_expected, "P-CSCF selector length");
        Ptr<IpsecSa> out = net.ueIpsec->GetSaSetSa(h, 0);
        NS_TEST_ASSERT_MSG_EQ(out->GetSpi(), server[0].GetSpiS().value_or(0), "outbound SPI");
        NS_TEST_ASSERT_MSG_EQ(+out->GetSelector().GetSourcePrefixLength(),
                              +m_expected,
                              "outbound source selector");
        NS_TEST_ASSERT_MSG_EQ(out->GetSelector().GetSourcePort(), portC, "selector port-c");
        NS_TEST_ASSERT_MSG_EQ(out->GetSelector().GetDestinationPort(), 5063, "selector 5063");
        NS_TEST_ASSERT_MSG_EQ(net.ueIpsec->GetSaSetSa(h, 3)->GetSpi(), spiC, "inbound spi-c");
        NS_TEST_ASSERT_MSG_EQ(net.ueIpsec->GetSaSetSa(h, 2)->GetSpi(), spiS, "inbound spi-s");
        NS_TEST_ASSERT_MSG_EQ(net.ueIpsec->GetSaSetSa(h, 0)->GetIntegrityAlgorithm(),
                              IpsecIntegrityAlgorithm::HMAC_SHA1_96,
                              "algorithm");
        NS_TEST_ASSERT_MSG_EQ(net.client->GetTransport()->IsProtectedPort(portC), true, "port-c");
        NS_TEST_ASSERT_MSG_EQ(net.client->GetTransport()->IsProtectedPort(portS), true, "port-s");

        // state, counters, re-registration time (3600 s granted: 600 s before expiry)
        const ImsUeCounters& c = net.client->GetCounters();
        NS_TEST_ASSERT_MSG_EQ(net.client->IsRegistered(), true, "registered");
        NS_TEST_ASSERT_MSG_EQ(c.GetRegistrationsStarted(REG_INITIAL), 1, "started");
        NS_TEST_ASSERT_MSG_EQ(c.GetRegistrationsCompleted(REG_INITIAL), 1, "completed");
        NS_TEST_ASSERT_MSG_EQ(net.client->GetRegistration().GetGrantedExpires(), 3600, "granted");
        NS_TEST_ASSERT_MSG_EQ(net.client->GetRegistration().GetRefreshTime(),
                              toUe[1].time + Seconds(3000),
                              "refresh 600 s before expiry");
        NS_TEST_ASSERT_MSG_EQ(net.client->GetRegistration().GetServiceRoute().size(),
                              1,
                              "Service-Route");
    }

    int m_addrPrefLength;          //!< UE attribute
    AddrPrefLengthPolicy m_policy; //!< P-CSCF policy
    uint8_t m_expected;            //!< expected selector length
};

/**
 * \ingroup imssec-tests
 * Re-registration: at half time (granted 1000 s) or 600 s before expiry (granted 3600 s),
 * through the old SAs with a new Security-Client; challenged: new SAs on both sides, the
 * protected REGISTER and the 200 over the new ones, then the old set deleted (SAD 4 -> 8 ->
 * 4, never empty); not challenged: 200 at once, the set kept and extended.
 */
class ReregistrationTestCase : public UeTestCase
{
  public:
    /**
     * \param name case name
     * \param maxExpires granted expiry
     * \param reauthenticate whether the core challenges re-registrations
     */
    ReregistrationTestCase(std::string name, uint32_t maxExpires, bool reauthenticate)
        : UeTestCase(name),
          m_maxExpires(maxExpires),
          m_reauthenticate(reauthenticate)
    {
    }

  private:
    void DoRun() override
    {
        UeTestNetwork net;
        net.core->maxExpires = m_maxExpires;
        net.core->reauthenticate = m_reauthenticate;
        Time refresh =
            m_maxExpires > 1200 ? Seconds(m_maxExpires - 600) : Seconds(m_maxExpires / 2);
        uint32_t firstHandle = 0;
        Simulator::Schedule(Seconds(20),
                            [&]() { firstHandle = net.client->GetSecurity().GetActive().handle; });
        Simulator::Stop(Seconds(20) + refresh + Seconds(10));
        Simulator::Run();

        auto registers = net.Find(true, "REGISTER", 0);
        auto oks = net.Find(false, "REGISTER", 200);
        uint32_t expected = m_reauthenticate ? 4 : 3;
        IMS_TEST_REQUIRE_SIZE(registers, expected, "REGISTERs");
        IMS_TEST_REQUIRE_SIZE(oks, 2, "two 200s");
        const WirePacket& refreshReg = registers[2];
        NS_TEST_ASSERT_MSG_EQ(refreshReg.time, oks[0].time + refresh, "re-registration time");
        auto oldServer = Mechanisms(registers[1].message, "Security-Verify");
        auto oldClient = Client(registers[0]);
        auto newClient = Client(refreshReg);
        // through the old SAs: the old P-CSCF spi-s, the old port-c
        NS_TEST_ASSERT_MSG_EQ(+refreshReg.nextHeader, 50, "protected");
        NS_TEST_ASSERT_MSG_EQ(refreshReg.spi, oldServer[0].GetSpiS().value_or(0), "old SA");
        NS_TEST_ASSERT_MSG_EQ(refreshReg.sourcePort, oldClient.GetPortC().value_or(0), "port-c");
        NS_TEST_ASSERT_MSG_EQ(*refreshReg.message.GetCallId(),
                              *registers[0].message.GetCallId(),
                              "same Call-ID");
        NS_TEST_ASSERT_MSG_EQ(refreshReg.message.GetCseq()->GetSequence(), 3, "CSeq 3");
        NS_TEST_ASSERT_MSG_EQ(
            SecAgreeRules::VerifyMatches(oldServer,
                                         Mechanisms(refreshReg.message, "Security-Verify")),
            true,
            "Security-Verify of the old set");
        NS_TEST_ASSERT_MSG_NE(newClient.GetSpiC().value_or(0),
                              oldClient.GetSpiC().value_or(0),
                              "new spi-c");
        NS_TEST_ASSERT_MSG_NE(newClient.GetSpiS().value_or(0),
                              oldClient.GetSpiS().value_or(0),
                              "new spi-s");
        NS_TEST_ASSERT_MSG_NE(newClient.GetPortC().value_or(0),
                              oldClient.GetPortC().value_or(0),
                              "new port-c");
        // TS 33.203 7.4: port-s stays for the lifetime of the registration.
        NS_TEST_ASSERT_MSG_EQ(newClient.GetPortS().value_or(0),
                              oldClient.GetPortS().value_or(0),
                              "same port-s");
        NS_TEST_ASSERT_MSG_EQ(ContactPort(refreshReg),
                              oldClient.GetPortS().value_or(0),
                              "Contact keeps the active port-s");
        const ImsUeCounters& c = net.client->GetCounters();
        NS_TEST_ASSERT_MSG_EQ(c.GetRegistrationsCompleted(REG_REFRESH), 1, "refreshes");
        NS_TEST_ASSERT_MSG_EQ(net.UeSaSets(), 1, "one UE set at the end");
        NS_TEST_ASSERT_MSG_EQ(net.core->ipsec->GetSaSetCount(), 1, "one P-CSCF set");
        uint32_t handle = net.client->GetSecurity().GetActive().handle;
        if (!m_reauthenticate)
        {
            NS_TEST_ASSERT_MSG_EQ(handle, firstHandle, "the set is kept");
            NS_TEST_ASSERT_MSG_EQ(
                net.client->GetTransport()->IsProtectedPort(newClient.GetPortC().value_or(0)),
                false,
                "unused offer's port not opened");
            Ptr<IpsecSa> sa = net.ueIpsec->GetSaSetSa(handle, 0);
            NS_TEST_ASSERT_MSG_EQ(sa->GetExpiryTime(),
                                  oks[1].time + Seconds(m_maxExpires + 30),
                                  "lifetime extended from the 200");
            NS_TEST_ASSERT_MSG_EQ(net.sadSizes.back(), 4, "SAD");
            return;
        }
        // challenged: the 401 over the old SAs, the REGISTER and the 200 over the new ones
        auto challenges = net.Find(false, "REGISTER", 401);
        IMS_TEST_REQUIRE_SIZE(challenges, 2, "two 401s");
        NS_TEST_ASSERT_MSG_EQ(challenges[1].spi, oldClient.GetSpiC().value_or(0), "401 old SA");
        auto newServer = Mechanisms(challenges[1].message, "Security-Server");
        const WirePacket& authReg = registers[3];
        NS_TEST_ASSERT_MSG_EQ(authReg.spi, newServer[0].GetSpiS().value_or(0), "new P-CSCF SA");
        NS_TEST_ASSERT_MSG_EQ(authReg.sourcePort, newClient.GetPortC().value_or(0), "new port-c");
        NS_TEST_ASSERT_MSG_EQ(ContactPort(authReg),
                              newClient.GetPortS().value_or(0),
                              "Contact with the (kept) port-s");
        NS_TEST_ASSERT_MSG_EQ(oks[1].spi, newClient.GetSpiC().value_or(0), "200 over the new SA");
        NS_TEST_ASSERT_MSG_NE(handle, firstHandle, "new set");
        NS_TEST_ASSERT_MSG_EQ(net.ueIpsec->HasSaSet(firstHandle), false, "old set deleted");
        NS_TEST_ASSERT_MSG_EQ(net.ueIpsec->GetSaSetSa(handle, 3)->GetSpi(),
                              newClient.GetSpiC().value_or(0),
                              "new inbound spi-c");
        NS_TEST_ASSERT_MSG_EQ(
            net.client->GetTransport()->IsProtectedPort(oldClient.GetPortC().value_or(0)),
            false,
            "old port-c closed");
        // SAD: 4 after the first registration, 8 while both sets exist, 4 after; never 0
        std::vector<uint32_t> sizes = net.sadSizes;
        auto first4 = std::find(sizes.begin(), sizes.end(), 4u);
        NS_TEST_ASSERT_MSG_EQ((first4 != sizes.end()), true, "4 SAs");
        NS_TEST_ASSERT_MSG_EQ(std::count(first4, sizes.end(), 0u), 0, "no gap");
        NS_TEST_ASSERT_MSG_EQ(*std::max_element(sizes.begin(), sizes.end()), 8, "old + new");
        NS_TEST_ASSERT_MSG_EQ(sizes.back(), 4, "old removed");
    }

    uint32_t m_maxExpires; //!< granted expiry
    bool m_reauthenticate; //!< challenge re-registrations
};

/**
 * \ingroup imssec-tests
 * A rejected initial REGISTER (494, 403, 421): counted by status, the next one after the
 * RFC 5626 back-off (RetryBaseTime 10 s: 5..10 s) with a new Call-ID and a fresh
 * Security-Client, and the registration then completes.
 */
class RejectionTestCase : public UeTestCase
{
  public:
    /**
     * \param status the status the core answers first
     * \param failure the failure expected
     */
    RejectionTestCase(uint16_t status, ImsRegistrationFailure failure)
        : UeTestCase("first REGISTER answered " + std::to_string(status)),
          m_status(status),
          m_failure(failure)
    {
    }

  private:
    void DoRun() override
    {
        UeTestNetwork net(nullptr, [](ImsUeHelper& h) {
            h.SetAttribute("RetryBaseTime", TimeValue(Seconds(10)));
        });
        uint16_t status = m_status;
        net.core->script = [status](const SipMessage&, const SipPacketInfo&, uint32_t n) {
            return n == 1 ? UeTestCore::Decision{UeTestCore::REJECT, status}
                          : UeTestCore::Decision{};
        };
        Simulator::Stop(Seconds(60));
        Simulator::Run();
        auto registers = net.Find(true, "REGISTER", 0);
        auto rejected = net.Find(false, "REGISTER", m_status);
        IMS_TEST_REQUIRE_SIZE(rejected, 1, "one rejection");
        IMS_TEST_REQUIRE_SIZE(registers, 3, "rejected, then initial + protected");
        Time wait = registers[1].time - rejected[0].time;
        NS_TEST_ASSERT_MSG_GT_OR_EQ(wait, Seconds(5), "back-off at least base/2");
        NS_TEST_ASSERT_MSG_LT_OR_EQ(wait, Seconds(10), "back-off at most base");
        NS_TEST_ASSERT_MSG_EQ(+registers[1].nextHeader, 17, "retry in clear");
        NS_TEST_ASSERT_MSG_NE(*registers[1].message.GetCallId(),
                              *registers[0].message.GetCallId(),
                              "new Call-ID");
        NS_TEST_ASSERT_MSG_NE(Client(registers[1]).GetSpiC().value_or(0),
                              Client(registers[0]).GetSpiC().value_or(0),
                              "fresh SPIs");
        NS_TEST_ASSERT_MSG_NE(Client(registers[1]).GetPortC().value_or(0),
                              Client(registers[0]).GetPortC().value_or(0),
                              "fresh ports");
        const ImsUeCounters& c = net.client->GetCounters();
        NS_TEST_ASSERT_MSG_EQ(c.GetRegistrationFailures(m_failure), 1, "failure counted");
        NS_TEST_ASSERT_MSG_EQ(c.GetRegistrationsFailed(REG_INITIAL), 1, "failed initial");
        NS_TEST_ASSERT_MSG_EQ(c.GetRegistrationsStarted(REG_INITIAL), 2, "started twice");
        NS_TEST_ASSERT_MSG_EQ(c.GetRegistrationsCompleted(REG_INITIAL), 1, "completed");
        NS_TEST_ASSERT_MSG_EQ(net.client->IsRegistered(), true, "registered");
        NS_TEST_ASSERT_MSG_EQ(net.UeSaSets(), 1, "one set");
    }

    uint16_t m_status;                //!< status
    ImsRegistrationFailure m_failure; //!< expected failure
};

/**
 * \ingroup imssec-tests
 * An unanswered REGISTER: retransmitted on Timer E (11 copies in 64*T1), timeout after 32 s,
 * retry after the back-off, then registered.  A 494 to the protected REGISTER (Security-Verify
 * refused) ends the attempt and deletes the pending SAs.
 */
class TimeoutTestCase : public UeTestCase
{
  public:
    TimeoutTestCase()
        : UeTestCase("unanswered REGISTER: Timer E copies, Timer F, back-off; 494 to the protected "
                     "REGISTER")
    {
    }

  private:
    void DoRun() override
    {
        UeTestNetwork net(nullptr, [](ImsUeHelper& h) {
            h.SetAttribute("RetryBaseTime", TimeValue(Seconds(10)));
        });
        net.core->script = [](const SipMessage&, const SipPacketInfo&, uint32_t n) {
            if (n == 1)
            {
                return UeTestCore::Decision{UeTestCore::SILENT, 0};
            }
            if (n == 3)
            {
                return UeTestCore::Decision{UeTestCore::REJECT, 494};
            }
            return UeTestCore::Decision{};
        };
        Simulator::Stop(Seconds(120));
        Simulator::Run();
        auto registers = net.Find(true, "REGISTER", 0);
        std::string branch = *registers[0].message.GetTopVia()->GetBranch();
        std::vector<Time> copies;
        for (const WirePacket& w : registers)
        {
            if (*w.message.GetTopVia()->GetBranch() == branch)
            {
                copies.push_back(w.time);
            }
        }
        IMS_TEST_REQUIRE_SIZE(copies, 11, "Timer E copies within 64*T1");
        const double offsets[] = {0, 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5};
        for (size_t i = 0; i < copies.size(); ++i)
        {
            NS_TEST_ASSERT_MSG_EQ(copies[i] - copies[0], Seconds(offsets[i]), "copy " << i);
        }
        const ImsUeCounters& c = net.client->GetCounters();
        NS_TEST_ASSERT_MSG_EQ(c.GetRegistrationFailures(REG_FAIL_TIMEOUT), 1, "timeout");
        NS_TEST_ASSERT_MSG_EQ(c.GetRegistrationFailures(REG_FAIL_STATUS_494), 1, "494");
        NS_TEST_ASSERT_MSG_EQ(c.GetRegistrationsCompleted(REG_INITIAL), 1, "registered at last");
        IMS_TEST_REQUIRE_SIZE(registers, 11 + 2 + 2, "REGISTERs on the wire");
        // the 494 came to the protected REGISTER (the 3rd transaction); then a fresh start
        auto rejected = net.Find(false, "REGISTER", 494);
        IMS_TEST_REQUIRE_SIZE(rejected, 1, "494");
        NS_TEST_ASSERT_MSG_EQ(+rejected[0].nextHeader, 50, "494 over the pending SAs");
        NS_TEST_ASSERT_MSG_EQ(+registers[13].nextHeader, 17, "new initial REGISTER");
        NS_TEST_ASSERT_MSG_EQ(net.UeSaSets(), 1, "pending set of the 494 deleted");
        NS_TEST_ASSERT_MSG_EQ(net.client->IsRegistered(), true, "registered");
    }
};

/**
 * \ingroup imssec-tests
 * A 401 whose AUTN does not verify (MAC failure, TS 24.229 5.1.1.5.3): the UE reports the
 * challenge invalid in a further REGISTER (same Call-ID, next CSeq, the challenge's nonce, an
 * empty response, no auts, a new Security-Client, no Security-Verify), installs no SA, and
 * counts a MAC failure when the 403 comes.  On an initial registration the report goes in
 * clear (no set exists); on a re-registration through the active set, and the registration
 * stays in force (the S-CSCF leaves it unchanged, TS 24.229 5.4.1.2.3) until it expires.
 * After two consecutive invalid challenges the UE stops registering on its own.
 */
class MacFailureTestCase : public UeTestCase
{
  public:
    /** \param reregistration the invalid challenges come to re-registrations */
    explicit MacFailureTestCase(bool reregistration)
        : UeTestCase(reregistration ? "MAC failure on re-registrations: reports through the "
                                      "active set, registered until expiry, then halted"
                                    : "MAC failure on initial registrations: reports in clear, "
                                      "403, halted after two"),
          m_rereg(reregistration)
    {
    }

  private:
    void DoRun() override
    {
        UeTestNetwork net(nullptr, [](ImsUeHelper& h) {
            h.SetAttribute("RetryBaseTime", TimeValue(Seconds(10)));
        });
        net.core->maxExpires = 1000;
        uint32_t first = m_rereg ? 3 : 1; // the first REGISTER that gets a bad AUTN
        net.core->script = [first](const SipMessage&, const SipPacketInfo&, uint32_t n) {
            if (n < first)
            {
                return UeTestCore::Decision{};
            }
            return (n - first) % 2 == 0 ? UeTestCore::Decision{UeTestCore::BAD_AUTN, 0}
                                        : UeTestCore::Decision{UeTestCore::REJECT, 403};
        };
        bool registeredBeforeExpiry = false;
        Simulator::Schedule(Seconds(990), [&net, &registeredBeforeExpiry]() {
            registeredBeforeExpiry = net.client->IsRegistered();
        });
        Simulator::Stop(Seconds(1500));
        Simulator::Run();

        auto registers = net.Find(true, "REGISTER", 0);
        IMS_TEST_REQUIRE_SIZE(registers, first + 3, "two invalid challenges reported, no more");
        IMS_TEST_REQUIRE_SIZE(net.Find(false, "REGISTER", 403), 2, "two 403s");
        for (uint32_t i : {first, first + 2})
        {
            const WirePacket& before = registers[i - 1];
            const WirePacket& report = registers[i];
            auto auth = report.message.GetDigest("Authorization");
            NS_TEST_ASSERT_MSG_EQ(auth.has_value(), true, "Authorization");
            if (!auth)
            {
                continue;
            }
            NS_TEST_ASSERT_MSG_EQ(+report.nextHeader,
                                  (m_rereg ? 50 : 17),
                                  "through the active set if any, else in clear");
            NS_TEST_ASSERT_MSG_EQ(auth->GetResponse().value_or("x"), "", "empty response");
            NS_TEST_ASSERT_MSG_EQ(auth->GetAuts().has_value(), false, "no auts");
            NS_TEST_ASSERT_MSG_EQ(auth->GetNonce().value_or("").empty(), false, "nonce");
            NS_TEST_ASSERT_MSG_EQ(*report.message.GetCallId(),
                                  *before.message.GetCallId(),
                                  "Call-ID");
            NS_TEST_ASSERT_MSG_EQ(report.message.GetCseq()->GetSequence(),
                                  before.message.GetCseq()->GetSequence() + 1,
                                  "CSeq + 1");
            NS_TEST_ASSERT_MSG_NE(Client(report).GetSpiC().value_or(0),
                                  Client(before).GetSpiC().value_or(0),
                                  "new spi-c");
            NS_TEST_ASSERT_MSG_NE(Client(report).GetPortC().value_or(0),
                                  Client(before).GetPortC().value_or(0),
                                  "new port-c");
        }
        const ImsUeCounters& c = net.client->GetCounters();
        NS_TEST_ASSERT_MSG_EQ(c.GetRegistrationFailures(REG_FAIL_MAC_FAILURE), 2, "counted");
        NS_TEST_ASSERT_MSG_EQ(c.GetRegistrationFailures(REG_FAIL_STATUS_403), 0, "as MAC failures");
        NS_TEST_ASSERT_MSG_EQ(net.client->GetUsim()->GetMacFailures(), 2, "USIM MAC failures");
        NS_TEST_ASSERT_MSG_EQ(net.client->GetRegistration().GetState(),
                              ImsUeRegistration::HALTED,
                              "halted");
        NS_TEST_ASSERT_MSG_EQ(net.client->IsRegistered(), false, "not registered at the end");
        NS_TEST_ASSERT_MSG_EQ(net.UeSaSets(), 0, "no SA");
        NS_TEST_ASSERT_MSG_EQ(registeredBeforeExpiry, m_rereg, "registered until expiry");
        if (m_rereg)
        {
            NS_TEST_ASSERT_MSG_EQ(c.GetRegistrationsLost(REG_FAIL_EXPIRED), 1, "then expired");
        }
    }

    bool m_rereg; //!< on re-registrations
};

/**
 * \ingroup imssec-tests
 * A valid challenge after an invalid one (the network answers the report with a new 401, as
 * TS 34.229-1 9.1 does): the UE answers it normally and registers; the count of invalid
 * challenges starts over.
 */
class MacFailureThenValidTestCase : public UeTestCase
{
  public:
    MacFailureThenValidTestCase()
        : UeTestCase("invalid challenge, then a valid one to the report: registered")
    {
    }

  private:
    void DoRun() override
    {
        UeTestNetwork net;
        net.core->script = [](const SipMessage&, const SipPacketInfo&, uint32_t n) {
            return n == 1   ? UeTestCore::Decision{UeTestCore::BAD_AUTN, 0}
                   : n == 2 ? UeTestCore::Decision{UeTestCore::CHALLENGE, 0}
                            : UeTestCore::Decision{};
        };
        Simulator::Stop(Seconds(60));
        Simulator::Run();
        auto registers = net.Find(true, "REGISTER", 0);
        IMS_TEST_REQUIRE_SIZE(registers, 3, "REGISTER, report, answer");
        auto last = registers[2].message.GetDigest("Authorization");
        NS_TEST_ASSERT_MSG_EQ(last->GetResponse().value_or("").size(), 32, "answered");
        NS_TEST_ASSERT_MSG_EQ(*registers[2].message.GetCallId(),
                              *registers[0].message.GetCallId(),
                              "one attempt");
        const ImsUeCounters& c = net.client->GetCounters();
        NS_TEST_ASSERT_MSG_EQ(c.GetRegistrationFailures(REG_FAIL_MAC_FAILURE), 0, "no failure");
        NS_TEST_ASSERT_MSG_EQ(c.GetRegistrationsCompleted(REG_INITIAL), 1, "registered");
        NS_TEST_ASSERT_MSG_EQ(net.client->GetRegistration().GetState(),
                              ImsUeRegistration::REGISTERED,
                              "registered");
    }
};

/**
 * \ingroup imssec-tests
 * Synchronisation failure (the HSS's SQN set back, so the challenge repeats a sequence number
 * the USIM has seen): the REGISTER with auts (cause re-authentication; protected through the
 * active set on a re-registration, in clear on an initial registration), the HSS opening AUTS
 * (MAC-S checked) and a fresh challenge, then registered.
 */
class ResyncTestCase : public UeTestCase
{
  public:
    /**
     * \param protectedPath resync during a re-registration (else during an initial one)
     */
    explicit ResyncTestCase(bool protectedPath)
        : UeTestCase(protectedPath ? "resync during a re-registration (protected auts)"
                                   : "resync during an initial registration (auts in clear)"),
          m_protected(protectedPath)
    {
    }

  private:
    void DoRun() override
    {
        UeTestNetwork net(nullptr, [](ImsUeHelper& h) {
            h.SetAttribute("RetryBaseTime", TimeValue(Seconds(10)));
        });
        net.core->maxExpires = 1000;
        if (!m_protected)
        {
            // the refresh is refused: the UE registers anew (an initial registration)
            net.core->script = [](const SipMessage&, const SipPacketInfo&, uint32_t n) {
                return n == 3 ? UeTestCore::Decision{UeTestCore::REJECT, 403}
                              : UeTestCore::Decision{};
            };
        }
        Simulator::Schedule(Seconds(100), [&net]() { net.hss->SetSqn("ue1@ims.example", 0); });
        Simulator::Stop(Seconds(600));
        Simulator::Run();

        auto registers = net.Find(true, "REGISTER", 0);
        const WirePacket* auts = nullptr;
        size_t autsIndex = 0;
        for (size_t i = 0; i < registers.size(); ++i)
        {
            auto a = registers[i].message.GetDigest("Authorization");
            if (a && a->GetAuts())
            {
                auts = &registers[i];
                autsIndex = i;
            }
        }
        NS_TEST_ASSERT_MSG_NE(auts, nullptr, "a REGISTER with auts");
        if (!auts)
        {
            return;
        }
        const WirePacket& before = registers[autsIndex - 1];
        NS_TEST_ASSERT_MSG_EQ(+auts->nextHeader, (m_protected ? 50 : 17), "protection");
        NS_TEST_ASSERT_MSG_EQ(*auts->message.GetCallId(), *before.message.GetCallId(), "Call-ID");
        NS_TEST_ASSERT_MSG_EQ(auts->message.GetCseq()->GetSequence(),
                              before.message.GetCseq()->GetSequence() + 1,
                              "CSeq + 1");
        NS_TEST_ASSERT_MSG_NE(Client(*auts).GetSpiC().value_or(0),
                              Client(before).GetSpiC().value_or(0),
                              "new offer");
        auto a = auts->message.GetDigest("Authorization");
        AkaAuts decoded;
        NS_TEST_ASSERT_MSG_EQ(DigestAka::DecodeAuts(*a->GetAuts(), decoded), true, "auts");
        NS_TEST_ASSERT_MSG_EQ(net.hss->GetResyncs(), 1, "HSS accepted AUTS (MAC-S)");
        NS_TEST_ASSERT_MSG_EQ(net.hss->GetResyncFailures(), 0, "no forged AUTS");
        NS_TEST_ASSERT_MSG_EQ(net.client->GetUsim()->GetSyncFailures(), 1, "USIM");
        const ImsUeCounters& c = net.client->GetCounters();
        NS_TEST_ASSERT_MSG_EQ(c.GetRegistrationFailures(REG_FAIL_SYNC_FAILURE), 1, "counted");
        NS_TEST_ASSERT_MSG_EQ(c.GetRegistrationsStarted(REG_REAUTHENTICATION), 1, "started");
        NS_TEST_ASSERT_MSG_EQ(c.GetRegistrationsCompleted(REG_REAUTHENTICATION), 1, "completed");
        NS_TEST_ASSERT_MSG_EQ(net.client->IsRegistered(), true, "registered");
        NS_TEST_ASSERT_MSG_EQ(net.UeSaSets(), 1, "one set");
        auto last = registers.back().message.GetDigest("Authorization");
        NS_TEST_ASSERT_MSG_EQ(last->GetResponse().value_or("").size(), 32, "answered at last");
    }

    bool m_protected; //!< resync on the protected path
};

/**
 * \ingroup imssec-tests
 * The registration suite.
 */
class UeRegistrationTestSuite : public TestSuite
{
  public:
    UeRegistrationTestSuite()
        : TestSuite("imssec-ims-ue-registration", UNIT)
    {
        AddTestCase(new InitialRegistrationTestCase("initial registration, no addr-pref-length, "
                                                    "selectors of 128 bits",
                                                    -1,
                                                    AddrPrefLengthPolicy::HONOUR,
                                                    128),
                    TestCase::QUICK);
        AddTestCase(new InitialRegistrationTestCase("initial registration, addr-pref-length 64 "
                                                    "honoured",
                                                    64,
                                                    AddrPrefLengthPolicy::HONOUR,
                                                    64),
                    TestCase::QUICK);
        AddTestCase(new InitialRegistrationTestCase("addr-pref-length 64 ignored by the P-CSCF, "
                                                    "128 bits",
                                                    64,
                                                    AddrPrefLengthPolicy::IGNORE,
                                                    128),
                    TestCase::QUICK);
        AddTestCase(new InitialRegistrationTestCase("addr-pref-length 56 clamped to 64",
                                                    56,
                                                    AddrPrefLengthPolicy::CLAMP,
                                                    64),
                    TestCase::QUICK);
        AddTestCase(new ReregistrationTestCase("re-registration at half time, re-authenticated",
                                               1000,
                                               true),
                    TestCase::QUICK);
        AddTestCase(new ReregistrationTestCase("re-registration 600 s before expiry", 3600, true),
                    TestCase::QUICK);
        AddTestCase(new ReregistrationTestCase("re-registration not challenged", 1000, false),
                    TestCase::QUICK);
        AddTestCase(new RejectionTestCase(494, REG_FAIL_STATUS_494), TestCase::QUICK);
        AddTestCase(new RejectionTestCase(403, REG_FAIL_STATUS_403), TestCase::QUICK);
        AddTestCase(new RejectionTestCase(421, REG_FAIL_STATUS_421), TestCase::QUICK);
        AddTestCase(new TimeoutTestCase, TestCase::QUICK);
        AddTestCase(new MacFailureTestCase(false), TestCase::QUICK);
        AddTestCase(new MacFailureTestCase(true), TestCase::QUICK);
        AddTestCase(new MacFailureThenValidTestCase, TestCase::QUICK);
        AddTestCase(new ResyncTestCase(true), TestCase::QUICK);
        AddTestCase(new ResyncTestCase(false), TestCase::QUICK);
    }
};

/// The registration suite instance.
static UeRegistrationTestSuite g_ueRegistrationTestSuite;
