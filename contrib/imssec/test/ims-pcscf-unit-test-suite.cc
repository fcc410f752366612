/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ns3/boolean.h"
#include "ns3/config.h"
#include "ns3/enum.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipsec-helper.h"
#include "ns3/ipsec-sad.h"
#include "ns3/ipsec-stack.h"
#include "ns3/node.h"
#include "ns3/pcscf-counters.h"
#include "ns3/pcscf-helper.h"
#include "ns3/pcscf-proxy-rules.h"
#include "ns3/pcscf-registration-table.h"
#include "ns3/pcscf-sec-agree-server.h"
#include "ns3/random-variable-stream.h"
#include "ns3/sec-agree-rules.h"
#include "ns3/simulator.h"
#include "ns3/sip-parser.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <cstdio>
#include <openssl/evp.h>
#include <string>
#include <tuple>

using namespace ns3;

namespace
{

/**
 * \param text a SIP message (LF line ends are fine)
 * \returns the parsed message (the test fails on parse errors elsewhere)
 */
SipMessage
Parse(const std::string& text)
{
    return SipParser::Parse(text).GetMessage();
}

/**
 * \param text bytes
 * \returns SHA-1 of them in lower-case hexadecimal, computed with OpenSSL EVP directly
 */
std::string
Sha1Hex(const std::string& text)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_Digest(text.data(), text.size(), md, &len, EVP_sha1(), nullptr);
    std::string hex;
    char buf[3];
    for (unsigned int i = 0; i < len; ++i)
    {
        std::snprintf(buf, sizeof(buf), "%02x", md[i]);
        hex += buf;
    }
    return hex;
}

/// An INVITE from UE1 through the P-CSCF's protected port.
const std::string INVITE =
    "INVITE sip:remote@ims.example SIP/2.0\n"
    "Via: SIP/2.0/UDP [3fff:100:0:1::10]:11003;branch=z9hG4bKa1;rport\n"
    "Max-Forwards: 70\n"
    "Route: <sip:[3fff:f00:0:1::2]:5063;lr>, <sip:[3fff:f00:0:2::1]:5060;lr>\n"
    "Route: <sip:orig@[3fff:f00:0:2::2]:5060;lr>\n"
    "From: \"One\" <sip:ue1@IMS.example>;tag=f1\n"
    "To: <sip:remote@ims.example>\n"
    "Call-ID: c1\n"
    "CSeq: 7 INVITE\n"
    "Content-Length: 0\n\n";

} // namespace

/**
 * \ingroup imssec-tests
 * The registration table keeps its three indexes consistent.
 */
class PcscfTableTestCase : public TestCase
{
  public:
    PcscfTableTestCase()
        : TestCase("registration table and its indexes")
    {
    }

  private:
    void DoRun() override
    {
        PcscfRegistrationTable t;
        bool created = false;
        PcscfRegistration& r = t.GetOrCreate("ue1@ims.example", &created);
        NS_TEST_ASSERT_MSG_EQ(created, true, "new");
        t.GetOrCreate("ue1@ims.example", &created);
        NS_TEST_ASSERT_MSG_EQ(created, false, "existing");
        NS_TEST_ASSERT_MSG_EQ(r.impi, "ue1@ims.example", "key copied");
        NS_TEST_ASSERT_MSG_EQ(r.IsEmpty(), true, "empty");

        auto offer = std::make_unique<PcscfRegistration::Offer>();
        offer->callId = "A";
        offer->cseq = 1;
        offer->received = Seconds(1);
        t.SetOffer(r, std::move(offer));
        NS_TEST_ASSERT_MSG_EQ(t.FindByCallId("A"), &r, "offer's Call-ID indexed");
        t.BindSaSet(r, 11);
        r.pendingSet = 11;
        NS_TEST_ASSERT_MSG_EQ(t.FindBySaSet(11), &r, "set indexed");
        NS_TEST_ASSERT_MSG_EQ(r.HasSaSet(11), true, "has");
        // Confirmed under Call-ID A; a later offer under B (a new registration).
        r.currentSet = 11;
        r.pendingSet = 0;
        t.SetCallId(r, "A");
        t.ClearOffer(r);
        NS_TEST_ASSERT_MSG_EQ(t.FindByCallId("A"), &r, "still the registration's");
        auto second = std::make_unique<PcscfRegistration::Offer>();
        second->callId = "B";
        second->received = Seconds(5);
        t.SetOffer(r, std::move(second));
        NS_TEST_ASSERT_MSG_EQ(t.GetCallIdCount(), 2u, "A and B");
        t.SetCallId(r, "B");
        t.ClearOffer(r);
        NS_TEST_ASSERT_MSG_EQ((t.FindByCallId("A") == nullptr), true, "A released");
        NS_TEST_ASSERT_MSG_EQ(t.FindByCallId("B"), &r, "B kept");
        NS_TEST_ASSERT_MSG_EQ(t.GetRegisteredCount(), 1u, "registered");
        // Stale offers come out in arrival order, up to the cutoff.
        PcscfRegistration& r2 = t.GetOrCreate("ue2@ims.example");
        auto o2 = std::make_unique<PcscfRegistration::Offer>();
        o2->callId = "C";
        o2->received = Seconds(9);
        t.SetOffer(r2, std::move(o2));
        auto stale = t.PopStaleOffers(Seconds(5));
        NS_TEST_ASSERT_MSG_EQ(stale.size(), 2u, "offers of 1 s and 5 s");
        NS_TEST_ASSERT_MSG_EQ(t.GetQueuedOfferCount(), 1u, "the 9 s one left");
        // Remove drops every index entry.
        t.Remove(r);
        NS_TEST_ASSERT_MSG_EQ((t.FindBySaSet(11) == nullptr), true, "set index");
        NS_TEST_ASSERT_MSG_EQ((t.FindByCallId("B") == nullptr), true, "Call-ID index");
        NS_TEST_ASSERT_MSG_EQ((t.Find("ue1@ims.example") == nullptr), true, "gone");
        NS_TEST_ASSERT_MSG_EQ(t.GetSize(), 1u, "ue2 left");
        NS_TEST_ASSERT_MSG_EQ(t.FindByCallId("C"), &r2, "ue2's offer");
    }
};

/**
 * \ingroup imssec-tests
 * RFC 3261 16 rules: routes, next hop, loop hash against an independent SHA-1, loops and
 * spirals, dialog creation, identities, granted expiry.
 */
class PcscfProxyRulesTestCase : public TestCase
{
  public:
    PcscfProxyRulesTestCase()
        : TestCase("proxy rules")
    {
    }

  private:
    void DoRun() override
    {
        std::vector<Ipv6Address> own{Ipv6Address("3fff:f00:0:1::2"),
                                     Ipv6Address("3fff:f00:0:2::1")};
        SipMessage m = Parse(INVITE);
        NS_TEST_ASSERT_MSG_EQ(m.Validate(), true, "sample valid");
        NS_TEST_ASSERT_MSG_EQ(PcscfProxyRules::PopOwnRoutes(m, own), 2u, "both own Routes");
        Ipv6Address next;
        uint16_t port = 0;
        bool fromRoute = false;
        NS_TEST_ASSERT_MSG_EQ(PcscfProxyRules::GetNextHop(m, &next, &port, &fromRoute), true, "");
        NS_TEST_ASSERT_MSG_EQ(next, Ipv6Address("3fff:f00:0:2::2"), "Service-Route");
        NS_TEST_ASSERT_MSG_EQ(port, 5060, "port");
        NS_TEST_ASSERT_MSG_EQ(fromRoute, true, "from Route");
        NS_TEST_ASSERT_MSG_EQ(PcscfProxyRules::PopOwnRoutes(m, own), 0u, "not ours");
        m.RemoveHeader("Route");
        NS_TEST_ASSERT_MSG_EQ(PcscfProxyRules::GetNextHop(m, &next, &port), false, "no DNS");
        m.SetRequestLine("INVITE", "sip:ue1@[3fff:100:0:1::20]:11003");
        NS_TEST_ASSERT_MSG_EQ(PcscfProxyRules::GetNextHop(m, &next, &port, &fromRoute), true, "");
        NS_TEST_ASSERT_MSG_EQ(next, Ipv6Address("3fff:100:0:1::20"), "Request-URI");
        NS_TEST_ASSERT_MSG_EQ(port, 11003, "Request-URI port");
        NS_TEST_ASSERT_MSG_EQ(fromRoute, false, "not from Route");

        // Loop hash: the first 8 hex digits of SHA-1 of the documented fields.
        SipMessage original = Parse(INVITE);
        std::string seed = "sip:remote@ims.example\nf1\nc1\n7";
        std::string expected = Sha1Hex(seed).substr(0, 8);
        NS_TEST_ASSERT_MSG_EQ(PcscfProxyRules::LoopHash(original), expected, "independent SHA-1");
        std::string branch = PcscfProxyRules::MakeBranch(original, "[3fff:f00:0:2::1]:5060");
        NS_TEST_ASSERT_MSG_EQ(branch.substr(branch.size() - 9), "." + expected, "suffix");
        NS_TEST_ASSERT_MSG_EQ(branch,
                              PcscfProxyRules::MakeBranch(original, "[3fff:f00:0:2::1]:5060"),
                              "deterministic (retransmissions)");
        NS_TEST_ASSERT_MSG_NE(branch,
                              PcscfProxyRules::MakeBranch(original, "[3fff:f00:0:1::2]:5062"),
                              "another side, another branch");
        // The ACK of a non-2xx (same top Via, a To tag, CSeq method ACK) and the CANCEL get
        // the INVITE's branch (RFC 3261 16.11).
        SipMessage ack = original;
        ack.SetRequestLine("ACK", "sip:remote@ims.example");
        ack.SetCseq(SipCseq(7, "ACK"));
        SipNameAddr toTagged = *ack.GetTo();
        toTagged.SetTag("t9");
        ack.SetTo(toTagged);
        NS_TEST_ASSERT_MSG_EQ(PcscfProxyRules::MakeBranch(ack, "[3fff:f00:0:2::1]:5060"),
                              branch,
                              "ACK of a non-2xx");
        SipMessage cancel = original;
        cancel.SetRequestLine("CANCEL", "sip:remote@ims.example");
        cancel.SetCseq(SipCseq(7, "CANCEL"));
        NS_TEST_ASSERT_MSG_EQ(PcscfProxyRules::MakeBranch(cancel, "[3fff:f00:0:2::1]:5060"),
                              branch,
                              "CANCEL");
        // A copy carrying that Via comes back unchanged: a loop; retargeted: a spiral.
        SipMessage back = original;
        back.InsertVia(SipVia("UDP", "3fff:f00:0:2::1", 5060, branch));
        back.InsertVia(SipVia("UDP", "3fff:f00:0:2::2", 5060, "z9hG4bKs"));
        NS_TEST_ASSERT_MSG_EQ(PcscfProxyRules::IsLooped(back, own), true, "loop");
        back.SetRequestLine("INVITE", "sip:ue2@[3fff:100:0:2::10]:12003");
        NS_TEST_ASSERT_MSG_EQ(PcscfProxyRules::IsLooped(back, own), false, "spiral");
        NS_TEST_ASSERT_MSG_EQ(PcscfProxyRules::IsLooped(original, own), false, "first pass");

        NS_TEST_ASSERT_MSG_EQ(PcscfProxyRules::IsDialogCreating(original), true, "INVITE");
        SipMessage inDialog = original;
        SipNameAddr to = *inDialog.GetTo();
        to.SetTag("t9");
        inDialog.SetTo(to);
        NS_TEST_ASSERT_MSG_EQ(PcscfProxyRules::IsDialogCreating(inDialog), false, "re-INVITE");
        SipMessage message = original;
        message.SetRequestLine("MESSAGE", "sip:remote@ims.example");
        message.SetCseq(SipCseq(8, "MESSAGE"));
        NS_TEST_ASSERT_MSG_EQ(PcscfProxyRules::IsDialogCreating(message), false, "MESSAGE");

        NS_TEST_ASSERT_MSG_EQ(PcscfProxyRules::GetClaimedIdentity(original),
                              "sip:ue1@ims.example",
                              "From, host in lower case, no display name or tag");
        SipMessage preferred = original;
        preferred.AddHeader("P-Preferred-Identity", "<sip:ue1.alias@ims.example>");
        NS_TEST_ASSERT_MSG_EQ(PcscfProxyRules::GetClaimedIdentity(preferred),
                              "sip:ue1.alias@ims.example",
                              "P-Preferred-Identity first");

        SipMessage reg = Parse("REGISTER sip:ims.example SIP/2.0\n"
                               "Via: SIP/2.0/UDP [3fff:100:0:1::10]:5060;branch=z9hG4bKr\n"
                               "Max-Forwards: 70\n"
                               "From: <sip:ue1@ims.example>;tag=a\n"
                               "To: <sip:ue1@ims.example>\n"
                               "Call-ID: r1\n"
                               "CSeq: 1 REGISTER\n"
                               "Content-Length: 0\n\n");
        NS_TEST_ASSERT_MSG_EQ(PcscfProxyRules::GetImpi(reg), "ue1@ims.example", "derived IMPI");
        reg.AddHeader("Authorization",
                      "Digest username=\"private1@ims.example\", realm=\"ims.example\", "
                      "nonce=\"\", uri=\"sip:ims.example\", response=\"\"");
        NS_TEST_ASSERT_MSG_EQ(PcscfProxyRules::GetImpi(reg), "private1@ims.example", "username");

        SipMessage ok = Parse("SIP/2.0 200 OK\n"
                              "Via: SIP/2.0/UDP [3fff:100:0:1::10]:5060;branch=z9hG4bKr\n"
                              "From: <sip:ue1@ims.example>;tag=a\n"
                              "To: <sip:ue1@ims.example>;tag=b\n"
                              "Call-ID: r1\n"
                              "CSeq: 2 REGISTER\n"
                              "Contact: <sip:ue1@[3fff:100:0:1::10]:1>;expires=600\n"
                              "Contact: <sip:ue1@[3fff:100:0:1::20]:2>\n"
                              "Expires: 900\n"
                              "Content-Length: 0\n\n");
        NS_TEST_ASSERT_MSG_EQ(PcscfProxyRules::GetGrantedExpiry(ok).value_or(1), 900u, "max");
        ok.SetExpires(300);
        NS_TEST_ASSERT_MSG_EQ(PcscfProxyRules::GetGrantedExpiry(ok).value_or(1), 600u, "param");
        ok.RemoveHeader("Contact");
        NS_TEST_ASSERT_MSG_EQ(PcscfProxyRules::GetGrantedExpiry(ok).value_or(1), 300u, "header");
        ok.RemoveHeader("Expires");
        NS_TEST_ASSERT_MSG_EQ(PcscfProxyRules::GetGrantedExpiry(ok).has_value(), false, "none");
    }
};

/**
 * \ingroup imssec-tests
 * The sec-agree server: algorithm lists, the static list, the choice among the UE's
 * mechanisms, echo per policy, SPIs avoiding those in use, the SA set parameters.
 */
class PcscfSecAgreeServerTestCase : public TestCase
{
  public:
    PcscfSecAgreeServerTestCase()
        : TestCase("sec-agree server")
    {
    }

  private:
    void DoRun() override
    {
        std::vector<IpsecIntegrityAlgorithm> algs;
        NS_TEST_ASSERT_MSG_EQ(
            PcscfSecAgreeServer::ParseAlgorithmList(" hmac-md5-96 , hmac-sha-1-96", &algs),
            true,
            "list");
        NS_TEST_ASSERT_MSG_EQ(algs.size(), 2u, "two");
        NS_TEST_ASSERT_MSG_EQ(algs[0], IpsecIntegrityAlgorithm::HMAC_MD5_96, "order kept");
        NS_TEST_ASSERT_MSG_EQ(PcscfSecAgreeServer::ParseAlgorithmList("aes-gmac", &algs),
                              false,
                              "unmodeled");
        NS_TEST_ASSERT_MSG_EQ(PcscfSecAgreeServer::ParseAlgorithmList("", &algs), false, "empty");

        PcscfSecAgreeServer server;
        PcscfSecAgreeServer::Config c;
        server.SetConfig(c);
        auto list = server.GetStaticServerList();
        NS_TEST_ASSERT_MSG_EQ(list.size(), 2u, "one per algorithm");
        NS_TEST_ASSERT_MSG_EQ(SecAgreeRules::HasDuplicateQ(list), false, "distinct q");
        NS_TEST_ASSERT_MSG_EQ(list[0].ToString(),
                              "ipsec-3gpp;q=0.2;alg=hmac-sha-1-96;ealg=null;prot=esp;mod=trans;"
                              "port-c=5062;port-s=5063",
                              "text");

        std::vector<SecurityMechanism> client;
        SecurityMechanism::ParseList(
            "tls, ipsec-3gpp;alg=hmac-sha-1-96;ealg=aes-cbc;spi-c=1000;spi-s=1001;port-c=1;"
            "port-s=2, ipsec-3gpp;alg=hmac-md5-96;spi-c=2000;spi-s=2001;port-c=3;port-s=4;"
            "addr-pref-length=64, ipsec-3gpp;alg=hmac-sha-1-96;spi-c=3000;spi-s=3001;port-c=5;"
            "port-s=6;addr-pref-length=56, ipsec-3gpp;alg=hmac-sha-1-96;spi-c=4000;port-c=7;"
            "port-s=8",
            &client,
            nullptr);
        NS_TEST_ASSERT_MSG_EQ(client.size(), 5u, "parsed");
        PcscfRegistration::Offer o;
        std::string why;
        NS_TEST_ASSERT_MSG_EQ(server.ChooseOffer(client, &o, &why), true, why);
        NS_TEST_ASSERT_MSG_EQ(o.ueSpiC, 3000u, "sha-1 preferred, the usable one");
        NS_TEST_ASSERT_MSG_EQ(o.uePortS, 6, "its ports");
        NS_TEST_ASSERT_MSG_EQ(+o.addrPrefLength.value_or(0), 56, "its addr-pref-length");
        c.algorithms = {IpsecIntegrityAlgorithm::HMAC_MD5_96};
        server.SetConfig(c);
        NS_TEST_ASSERT_MSG_EQ(server.ChooseOffer(client, &o, &why), true, why);
        NS_TEST_ASSERT_MSG_EQ(o.ueSpiC, 2000u, "md5 only");
        std::vector<SecurityMechanism> unusable(client.begin(), client.begin() + 2);
        unusable.push_back(client[4]);
        NS_TEST_ASSERT_MSG_EQ(server.ChooseOffer(unusable, &o, &why), false, "494 case");

        // Echo per policy.
        o.addrPrefLength = 64;
        for (auto [policy, length, echo] :
             {std::make_tuple(AddrPrefLengthPolicy::HONOUR, 64, true),
              std::make_tuple(AddrPrefLengthPolicy::CLAMP, 96, true),
              std::make_tuple(AddrPrefLengthPolicy::IGNORE, 128, false)})
        {
            c.policy = policy;
            c.minAddrPrefLength = 96;
            server.SetConfig(c);
            NS_TEST_ASSERT_MSG_EQ(+server.GetSelectorLength(o), length, "length");
            NS_TEST_ASSERT_MSG_EQ(server.EchoesAddrPrefLength(o), echo, "echo");
        }
        o.addrPrefLength = std::nullopt;
        c.policy = AddrPrefLengthPolicy::HONOUR;
        server.SetConfig(c);
        NS_TEST_ASSERT_MSG_EQ(server.EchoesAddrPrefLength(o), false, "nothing to echo");

        // SPIs: the first draw of the stream is in use at the node, so it is skipped.
        Config::SetDefault("ns3::Icmpv6L4Protocol::DAD", BooleanValue(false));
        Ptr<Node> node = CreateObject<Node>();
        InternetStackHelper internet;
        internet.SetIpv4StackInstall(false);
        internet.Install(node);
        Ptr<IpsecStack> stack = IpsecHelper().Install(node);
        Ptr<UniformRandomVariable> probe = CreateObject<UniformRandomVariable>();
        probe->SetStream(3);
        uint32_t firstDraw = probe->GetInteger(256, 0xffffffffu);
        o.ueAddress = Ipv6Address("3fff:100:0:1::10");
        o.pcscfAddress = Ipv6Address("3fff:f00:0:1::2");
        o.ueSpiC = 5000;
        o.ueSpiS = 5001;
        o.uePortC = 10000;
        o.uePortS = 10001;
        o.alg = IpsecIntegrityAlgorithm::HMAC_MD5_96;
        o.addrPrefLength = 64;
        IpsecSaSetParameters p;
        SecurityMechanism sm;
        IpsecIntegrity::AkaKey ik{};
        ik[0] = 1;
        NS_TEST_ASSERT_MSG_EQ(
            server.BuildSaSet(o, firstDraw, 777, ik, ik, Seconds(240), &p, &sm, &why),
            true,
            why);
        NS_TEST_ASSERT_MSG_NE(stack->InstallSaSet(p), 0u, "a set using the first draw");
        NS_TEST_ASSERT_MSG_EQ(p.uePrefixLength, 64, "honour");
        NS_TEST_ASSERT_MSG_EQ(p.pcscfSpiC, firstDraw, "server spi-c");
        NS_TEST_ASSERT_MSG_EQ(p.ueSpiS, 5001u, "UE spi-s");
        NS_TEST_ASSERT_MSG_EQ((p.side == IpsecSaSetParameters::Side::PCSCF), true, "side");
        NS_TEST_ASSERT_MSG_EQ(sm.ToString(),
                              "ipsec-3gpp;q=0.1;alg=hmac-md5-96;ealg=null;prot=esp;mod=trans;"
                              "spi-c=" +
                                  std::to_string(firstDraw) +
                                  ";spi-s=777;port-c=5062;port-s=5063;addr-pref-length=64",
                              "Security-Server");
        Ptr<UniformRandomVariable> random = CreateObject<UniformRandomVariable>();
        random->SetStream(3);
        uint32_t spiC = 0;
        uint32_t spiS = 0;
        NS_TEST_ASSERT_MSG_EQ(
            PcscfSecAgreeServer::ChooseSpis(*stack->GetSad(), *random, &spiC, &spiS),
            true,
            "SPIs");
        NS_TEST_ASSERT_MSG_NE(spiC, firstDraw, "the SPI in use was skipped");
        NS_TEST_ASSERT_MSG_NE(spiC, spiS, "distinct");
        NS_TEST_ASSERT_MSG_GT_OR_EQ(std::min(spiC, spiS), 256u, ">= 256");
        Simulator::Destroy();
    }
};

/**
 * \ingroup imssec-tests
 * addr-pref-length against the prefix the GGSN allocated (AllocatedPrefixLength): no policy
 * but ignore binds the UE side to a shorter prefix.  Clamp (the default): a /48 or /0 asked
 * under a /64 allocation gives /64 (and that is what is echoed), under honour and under the
 * clamp policy, while /64, /96 and no parameter are unchanged.  Refuse: a mechanism asking
 * for less than the allocation is not acceptable (494), with the reason; the others are.
 */
class PcscfAllocatedPrefixTestCase : public TestCase
{
  public:
    PcscfAllocatedPrefixTestCase()
        : TestCase("addr-pref-length never shorter than the allocated prefix: clamp or refuse")
    {
    }

  private:
    void DoRun() override
    {
        PcscfSecAgreeServer server;
        PcscfSecAgreeServer::Config c;
        NS_TEST_ASSERT_MSG_EQ(+c.allocatedPrefixLength, 64, "default: one /64 per UE");
        NS_TEST_ASSERT_MSG_EQ(
            (c.widerThanAllocation == PcscfSecAgreeServer::WiderThanAllocation::CLAMP),
            true,
            "default: clamp");
        PcscfRegistration::Offer o;
        for (auto policy : {AddrPrefLengthPolicy::HONOUR, AddrPrefLengthPolicy::CLAMP})
        {
            c.policy = policy;
            c.minAddrPrefLength = 56;
            server.SetConfig(c);
            for (auto [asked, bound] : {std::make_pair(0, 64),
                                        std::make_pair(48, 64),
                                        std::make_pair(63, 64),
                                        std::make_pair(64, 64),
                                        std::make_pair(96, 96)})
            {
                o.addrPrefLength = static_cast<uint8_t>(asked);
                NS_TEST_ASSERT_MSG_EQ(+server.GetSelectorLength(o), bound, "asked " << asked);
            }
            o.addrPrefLength = std::nullopt;
            NS_TEST_ASSERT_MSG_EQ(+server.GetSelectorLength(o), 128, "none asked");
        }
        c.policy = AddrPrefLengthPolicy::IGNORE;
        server.SetConfig(c);
        o.addrPrefLength = 48;
        NS_TEST_ASSERT_MSG_EQ(+server.GetSelectorLength(o), 128, "ignore: /128");

        c.policy = AddrPrefLengthPolicy::HONOUR;
        c.widerThanAllocation = PcscfSecAgreeServer::WiderThanAllocation::REFUSE;
        server.SetConfig(c);
        auto offer = [&server](const std::string& apl, std::string* why) {
            std::vector<SecurityMechanism> client;
            SecurityMechanism::ParseList("ipsec-3gpp;alg=hmac-sha-1-96;spi-c=1000;spi-s=1001;"
                                         "port-c=1;port-s=2" +
                                             apl,
                                         &client,
                                         nullptr);
            PcscfRegistration::Offer out;
            return server.ChooseOffer(client, &out, why);
        };
        std::string why;
        NS_TEST_ASSERT_MSG_EQ(offer(";addr-pref-length=48", &why), false, "refused: 494");
        NS_TEST_ASSERT_MSG_EQ(why,
                              "addr-pref-length 48 is shorter than the /64 allocated to the UE",
                              "reason");
        NS_TEST_ASSERT_MSG_EQ(offer(";addr-pref-length=64", &why), true, "/64 accepted");
        NS_TEST_ASSERT_MSG_EQ(offer(";addr-pref-length=96", &why), true, "/96 accepted");
        NS_TEST_ASSERT_MSG_EQ(offer("", &why), true, "none accepted");
        c.allocatedPrefixLength = 48;
        server.SetConfig(c);
        NS_TEST_ASSERT_MSG_EQ(offer(";addr-pref-length=48", &why), true, "a /48 allocation");
    }
};

/**
 * \ingroup imssec-tests
 * PcscfHelper: attributes reach the application, the IPsec layer is installed when
 * missing, GetPcscf finds it; counter names.
 */
class PcscfHelperTestCase : public TestCase
{
  public:
    PcscfHelperTestCase()
        : TestCase("PcscfHelper")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Node> node = CreateObject<Node>();
        InternetStackHelper internet;
        internet.SetIpv4StackInstall(false);
        internet.Install(node);
        PcscfHelper helper(Ipv6Address("3fff:f00:0:2::2"));
        helper.SetAttribute("AddrPrefLengthPolicy", StringValue("clamp"));
        helper.SetAttribute("MinAddrPrefLength", UintegerValue(60));
        ApplicationContainer apps = helper.Install(node);
        NS_TEST_ASSERT_MSG_EQ(apps.GetN(), 1u, "one application");
        NS_TEST_ASSERT_MSG_NE(node->GetObject<IpsecStack>(), nullptr, "IPsec layer installed");
        Ptr<Pcscf> p = PcscfHelper::GetPcscf(node);
        NS_TEST_ASSERT_MSG_EQ(p, apps.Get(0), "found");
        EnumValue policy;
        p->GetAttribute("AddrPrefLengthPolicy", policy);
        NS_TEST_ASSERT_MSG_EQ(policy.Get(), static_cast<int>(AddrPrefLengthPolicy::CLAMP), "set");
        UintegerValue min;
        p->GetAttribute("MinAddrPrefLength", min);
        NS_TEST_ASSERT_MSG_EQ(min.Get(), 60u, "set");
        Ipv6AddressValue scscf;
        p->GetAttribute("ScscfAddress", scscf);
        NS_TEST_ASSERT_MSG_EQ(scscf.Get(), Ipv6Address("3fff:f00:0:2::2"), "S-CSCF");
        NS_TEST_ASSERT_MSG_EQ(PcscfHelper::AssignStreams(apps, 10), 1, "one stream");
        NS_TEST_ASSERT_MSG_EQ(PcscfCounters::GetName(PcscfRejectCause::BIDDING_DOWN),
                              "bidding-down",
                              "name");
        NS_TEST_ASSERT_MSG_EQ(PcscfCounters::GetName(PcscfSaSetEnd::REPLACED), "replaced", "name");
        PcscfCounters counters;
        counters.CountReject(PcscfRejectCause::WRONG_SA, 403);
        counters.CountReject(PcscfRejectCause::IDENTITY_MISMATCH, 403);
        NS_TEST_ASSERT_MSG_EQ(counters.GetResponsesSent(403), 2u, "by code");
        NS_TEST_ASSERT_MSG_EQ(counters.GetRejects(PcscfRejectCause::WRONG_SA), 1u, "by cause");
        Simulator::Destroy();
    }
};

/**
 * \ingroup imssec-tests
 * The P-CSCF's parts without a network.
 */
static class PcscfUnitTestSuite : public TestSuite
{
  public:
    PcscfUnitTestSuite()
        : TestSuite("imssec-ims-pcscf-unit", UNIT)
    {
        AddTestCase(new PcscfTableTestCase(), QUICK);
        AddTestCase(new PcscfProxyRulesTestCase(), QUICK);
        AddTestCase(new PcscfSecAgreeServerTestCase(), QUICK);
        AddTestCase(new PcscfAllocatedPrefixTestCase(), QUICK);
        AddTestCase(new PcscfHelperTestCase(), QUICK);
    }
} g_pcscfUnitTestSuite; //!< static instance
