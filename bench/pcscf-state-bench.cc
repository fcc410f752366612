/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Memory the P-CSCF keeps per registered UE, and the wall time of registrations through it.
//
// N UEs (100 per UE node, each address in its own /64) register through a real Pcscf
// (PcscfHelper) with a scripted registrar behind it: unprotected REGISTER, 401 with IK/CK,
// the P-CSCF's four SAs, protected REGISTER, 200.  Then the P-CSCF application is stopped,
// which deletes every SA set and forgets every registration: the heap it gives back (once
// the SAs' pending expiry events are gone), divided by N, is a lower bound of the P-CSCF's
// state per registered UE (hash bucket arrays, which the containers keep, and allocator
// slack are not given back).  The growth is measured on the bare parts: a
// PcscfRegistrationTable filled as the P-CSCF fills it (the context) and an IpsecStack with
// N P-CSCF-side SA sets (four SAs, two policies, their indexes).
//
//   build/bin/pcscf-state-bench [--ues=10000] [--prefixLength=64|128]
#include "ns3/aka-types.h"
#include "ns3/boolean.h"
#include "ns3/command-line.h"
#include "ns3/config.h"
#include "ns3/core-module.h"
#include "ns3/ims-sec-agree.h"
#include "ns3/internet-module.h"
#include "ns3/ipsec-helper.h"
#include "ns3/ipsec-sad.h"
#include "ns3/ipsec-stack.h"
#include "ns3/network-module.h"
#include "ns3/pcscf-helper.h"
#include "ns3/pcscf-registration-table.h"
#include "ns3/point-to-point-module.h"
#include "ns3/sip-message-factory.h"
#include "ns3/sip-transport.h"

#include <chrono>
#include <iomanip>
#include <iostream>
#include <malloc.h>
#include <sstream>

using namespace ns3;

namespace
{

/**
 * \returns bytes currently allocated with malloc/new (glibc's mallinfo2)
 */
uint64_t
AllocatedBytes()
{
    return mallinfo2().uordblks;
}

/**
 * \param a an address
 * \returns its text
 */
std::string
Text(const Ipv6Address& a)
{
    std::ostringstream os;
    os << a;
    return os.str();
}

/// UEs per access link (ns-3's per-interface address handling is quadratic and worse).
constexpr uint32_t UES_PER_LINK = 100;

/**
 * \param i UE index
 * \returns the UE's address: ::1 of its own /64, 3fff:100:<link>:<j>::1 (UE j of a link)
 */
Ipv6Address
UeAddress(uint32_t i)
{
    std::ostringstream os;
    os << "3fff:100:" << std::hex << (i / UES_PER_LINK) << ":" << (i % UES_PER_LINK) << "::1";
    return Ipv6Address(os.str().c_str());
}

/**
 * \param i UE index
 * \param salt 0 for IK, 1 for CK
 * \returns the key the scripted registrar and the UE share for UE i
 */
IpsecIntegrity::AkaKey
Key(uint32_t i, uint8_t salt)
{
    IpsecIntegrity::AkaKey k{};
    for (uint32_t j = 0; j < k.size(); ++j)
    {
        k[j] = static_cast<uint8_t>((i * 31 + j * 7 + salt * 101) & 0xff);
    }
    return k;
}

/** The scripted UEs (one node) and registrar (another node). */
class Bench
{
  public:
    uint32_t ues{10000};                   //!< number of UEs
    uint8_t prefixLength{64};              //!< addr-pref-length the UEs send
    Ipv6Address pcscf;                     //!< P-CSCF address toward UEs
    Ipv6Address scscf;                     //!< registrar address
    std::vector<Ptr<SipTransport>> ueSide; //!< transport of each UE node
    std::vector<Ptr<IpsecStack>> ueIpsec;  //!< IPsec layer of each UE node
    Ptr<SipTransport> registrar;           //!< transport of the registrar
    uint32_t registered{0};                //!< 200 OK received by UEs
    uint64_t challenges{0};                //!< 401 received by UEs

    /**
     * \param i UE index
     * \param second the protected REGISTER (else the initial one)
     * \param server the Security-Server received (second only)
     * \returns the REGISTER of UE i
     */
    SipMessage MakeRegister(uint32_t i, bool second, const std::vector<SecurityMechanism>& server)
    {
        std::string user = "ue" + std::to_string(i);
        SipVia via("UDP",
                   Text(UeAddress(i)),
                   second ? PortS(i) : 5060,
                   "z9hG4bK" + user + "r" + (second ? "2" : "1"));
        via.SetRport(std::nullopt);
        SipUri aor(user, "ims.example", std::nullopt);
        SipNameAddr from(aor);
        from.SetTag(user);
        SipMessage r = SipMessageFactory::CreateRequest("REGISTER",
                                                        SipUri("", "ims.example", std::nullopt),
                                                        via,
                                                        from,
                                                        SipNameAddr(aor),
                                                        "reg-" + user,
                                                        second ? 2 : 1);
        SipNameAddr contact(SipUri(user, Text(UeAddress(i)), PortS(i)));
        contact.SetExpires(3600);
        r.AddContact(contact);
        SipDigest auth(SipDigest::CREDENTIALS);
        auth.SetUsername(user + "@ims.example");
        auth.SetRealm("ims.example");
        auth.SetNonce(second ? "bench" : "");
        auth.SetUri("sip:ims.example");
        auth.SetResponse(second ? "00112233445566778899aabbccddeeff" : "");
        r.SetDigest("Authorization", auth);
        std::optional<uint8_t> apl;
        if (prefixLength < 128)
        {
            apl = prefixLength;
        }
        r.SetSecurityMechanisms("Security-Client",
                                {ImsSecAgree::MakeIpsec3gpp("hmac-sha-1-96",
                                                            SpiC(i),
                                                            SpiC(i) + 1,
                                                            PortC(i),
                                                            PortS(i),
                                                            apl,
                                                            std::nullopt)});
        if (second)
        {
            r.SetSecurityMechanisms("Security-Verify", server);
        }
        r.AddOptionTag("Require", "sec-agree");
        r.AddOptionTag("Proxy-Require", "sec-agree");
        return r;
    }

    /** \param i UE index \returns its port-c */
    static uint16_t PortC(uint32_t i)
    {
        return static_cast<uint16_t>(10000 + 2 * (i % 25000));
    }

    /** \param i UE index \returns its port-s */
    static uint16_t PortS(uint32_t i)
    {
        return static_cast<uint16_t>(PortC(i) + 1);
    }

    /** \param i UE index \returns its spi-c */
    static uint32_t SpiC(uint32_t i)
    {
        return 1000 + 2 * i;
    }

    /** \param i UE index: sends its initial REGISTER */
    void Start(uint32_t i)
    {
        ueSide[i / UES_PER_LINK]->Send(MakeRegister(i, false, {}),
                                       SipTarget::Clear(UeAddress(i), 5060, pcscf, 5060));
    }

    /**
     * \param m a message at the UE node
     * \param info how it arrived
     */
    void UeReceive(const SipMessage& m, const SipPacketInfo& info)
    {
        (void)info;
        auto to = m.GetTo();
        if (!m.IsResponse() || !to)
        {
            return;
        }
        uint32_t i = static_cast<uint32_t>(std::stoul(to->GetUri().GetUser().substr(2)));
        if (m.GetStatusCode() == 401)
        {
            challenges++;
            auto server = m.GetSecurityMechanisms("Security-Server");
            if (server.empty())
            {
                return;
            }
            SecurityMechanism mine = ImsSecAgree::MakeIpsec3gpp("hmac-sha-1-96",
                                                                SpiC(i),
                                                                SpiC(i) + 1,
                                                                PortC(i),
                                                                PortS(i),
                                                                std::nullopt,
                                                                std::nullopt);
            IpsecSaSetParameters p;
            std::string error;
            ImsSecAgree::BuildSaSetParameters(mine,
                                              server[0],
                                              IpsecSaSetParameters::Side::UE,
                                              UeAddress(i),
                                              server[0].GetAddrPrefLength().value_or(128),
                                              pcscf,
                                              Key(i, 0),
                                              Key(i, 1),
                                              Seconds(0),
                                              &p,
                                              &error);
            Ptr<SipTransport> t = ueSide[i / UES_PER_LINK];
            ueIpsec[i / UES_PER_LINK]->InstallSaSet(p);
            t->ReleaseLocalAddress(UeAddress(i));
            t->OpenProtectedPort(PortC(i));
            t->Send(MakeRegister(i, true, server),
                    SipTarget::Protected(UeAddress(i), PortC(i), pcscf, 5063));
        }
        else if (m.GetStatusCode() == 200)
        {
            registered++;
            ueSide[i / UES_PER_LINK]->CloseProtectedPort(PortC(i));
        }
    }

    /**
     * \param r a REGISTER at the registrar
     * \param info how it arrived
     */
    void RegistrarReceive(const SipMessage& r, const SipPacketInfo& info)
    {
        if (!r.IsRequest())
        {
            return;
        }
        auto auth = r.GetDigest("Authorization");
        std::string user = auth ? auth->GetUsername().value_or("") : "";
        uint32_t i = static_cast<uint32_t>(std::stoul(user.substr(2, user.find('@') - 2)));
        if (auth->GetResponse().value_or("").empty())
        {
            SipMessage c = SipMessageFactory::CreateResponse(r, 401, "", "s");
            SipDigest www(SipDigest::CHALLENGE);
            www.SetRealm("ims.example");
            www.SetNonce("bench");
            www.SetAlgorithm("AKAv1-MD5");
            www.SetQop("auth");
            www.Set("ik", AkaToHex(Key(i, 0)), true);
            www.Set("ck", AkaToHex(Key(i, 1)), true);
            c.SetDigest("WWW-Authenticate", www);
            registrar->SendResponse(c, info);
            return;
        }
        SipMessage ok = SipMessageFactory::CreateResponse(r, 200, "", "s");
        SipNameAddr c = r.GetContacts().front();
        c.SetExpires(3600);
        ok.AddContact(c);
        ok.AddHeader("Path", r.GetFirst("Path").value_or(""));
        ok.AddHeader("Service-Route", "<sip:orig@[" + Text(scscf) + "]:5060;lr>");
        registrar->SendResponse(ok, info);
    }
};

/**
 * \param n registrations
 * \returns heap bytes per registration held in a bare PcscfRegistrationTable, filled as the
 *          P-CSCF fills it for a registered UE (IMPI, IMPU, Call-ID, one SA set handle)
 */
double
MeasureTable(uint32_t n)
{
    {
        PcscfRegistrationTable t;
        uint64_t start = AllocatedBytes();
        for (uint32_t i = 0; i < n; ++i)
        {
            std::string user = "ue" + std::to_string(i);
            PcscfRegistration& r = t.GetOrCreate(user + "@ims.example");
            r.impu = "sip:" + user + "@ims.example";
            r.currentSet = i + 1;
            t.BindSaSet(r, i + 1);
            t.SetCallId(r, "reg-" + user);
        }
        uint64_t filled = AllocatedBytes();
        std::cout << "  bare table: " << std::fixed << std::setprecision(1)
                  << double(filled - start) / n << " B per registered UE (" << t.GetSize()
                  << " contexts, sizeof(PcscfRegistration) = " << sizeof(PcscfRegistration)
                  << " B)\n";
        return double(filled - start) / n;
    }
}

/**
 * \param n SA sets
 * \param side which side installs them
 * \param prefixLength UE-side selector length
 * \returns heap bytes per SA set installed on a bare IpsecStack (4 SAs, 2 policies)
 */
double
MeasureSaSets(uint32_t n, IpsecSaSetParameters::Side side, uint8_t prefixLength)
{
    Ptr<Node> node = CreateObject<Node>();
    InternetStackHelper internet;
    internet.SetIpv4StackInstall(false);
    internet.Install(node);
    Ptr<IpsecStack> stack = IpsecHelper().Install(node);
    uint64_t start = AllocatedBytes();
    for (uint32_t i = 0; i < n; ++i)
    {
        IpsecSaSetParameters p;
        p.side = side;
        p.ueAddress = UeAddress(i);
        p.uePrefixLength = prefixLength;
        p.pcscfAddress = Ipv6Address("3fff:f00:0:1::2");
        p.ueSpiC = 1000 + 4 * i;
        p.ueSpiS = 1001 + 4 * i;
        p.pcscfSpiC = 1002 + 4 * i;
        p.pcscfSpiS = 1003 + 4 * i;
        p.uePortC = Bench::PortC(i);
        p.uePortS = Bench::PortS(i);
        p.pcscfPortC = 5062;
        p.pcscfPortS = 5063;
        p.protocol = 17;
        p.ik = Key(i, 0);
        p.ck = Key(i, 1);
        p.lifetime = Seconds(0);
        stack->InstallSaSet(p);
    }
    double perSet = double(AllocatedBytes() - start) / n;
    Simulator::Destroy();
    return perSet;
}

} // namespace

int
main(int argc, char* argv[])
{
    uint32_t ues = 10000;
    uint32_t prefixLength = 64;
    CommandLine cmd(__FILE__);
    cmd.AddValue("ues", "UEs registering", ues);
    cmd.AddValue("prefixLength", "addr-pref-length sent by the UEs (128: none sent)", prefixLength);
    cmd.Parse(argc, argv);

    std::cout << "pcscf-state-bench: " << ues << " UEs, addr-pref-length " << prefixLength << "\n";
    double tableBytes = MeasureTable(ues);
    uint8_t length = static_cast<uint8_t>(std::min<uint32_t>(prefixLength, 128));
    double setBytes = MeasureSaSets(ues, IpsecSaSetParameters::Side::PCSCF, length);
    std::cout << std::fixed << std::setprecision(1) << "  bare IpsecStack: " << setBytes
              << " B per SA set installed at a P-CSCF (4 SAs, 2 policies, indexes)\n";

    Config::SetDefault("ns3::Icmpv6L4Protocol::DAD", BooleanValue(false));
    uint32_t links = std::max<uint32_t>((ues + UES_PER_LINK - 1) / UES_PER_LINK, 1);
    NodeContainer nodes;
    nodes.Create(3); // P-CSCF, registrar, access router
    NodeContainer ueNodes;
    ueNodes.Create(links);
    InternetStackHelper internet;
    internet.SetIpv4StackInstall(false);
    internet.Install(nodes);
    internet.Install(ueNodes);
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue("10Gbps"));
    p2p.SetChannelAttribute("Delay", StringValue("1ms"));
    p2p.SetQueue("ns3::DropTailQueue", "MaxSize", StringValue("100000p"));
    NetDeviceContainer core = p2p.Install(nodes.Get(0), nodes.Get(1));
    NetDeviceContainer uplink = p2p.Install(nodes.Get(2), nodes.Get(0));

    Bench bench;
    bench.ues = ues;
    bench.prefixLength = static_cast<uint8_t>(std::min<uint32_t>(prefixLength, 128));
    bench.pcscf = Ipv6Address("3fff:f00:0:1::2");
    bench.scscf = Ipv6Address("3fff:f00:0:2::2");
    auto setupStart = std::chrono::steady_clock::now();
    Ptr<Ipv6> pIpv6 = nodes.Get(0)->GetObject<Ipv6>();
    Ptr<Ipv6> sIpv6 = nodes.Get(1)->GetObject<Ipv6>();
    Ptr<Ipv6> gwIpv6 = nodes.Get(2)->GetObject<Ipv6>();
    Ipv6StaticRoutingHelper routing;
    // UE nodes -- router: one node per UES_PER_LINK UEs (their addresses on its link), no
    // global address on the router side (it only forwards).  ns-3 handles the addresses of
    // one interface in lists, at a cost that grows faster than their number.
    IpsecHelper ipsecHelper;
    for (uint32_t k = 0; k < links; ++k)
    {
        Ptr<Node> ueNode = ueNodes.Get(k);
        NetDeviceContainer access = p2p.Install(ueNode, nodes.Get(2));
        Ptr<Ipv6> ueIpv6 = ueNode->GetObject<Ipv6>();
        uint32_t ueIf = ueIpv6->AddInterface(access.Get(0));
        uint32_t gwIf = gwIpv6->AddInterface(access.Get(1));
        for (uint32_t i = k * UES_PER_LINK; i < std::min(ues, (k + 1) * UES_PER_LINK); ++i)
        {
            ueIpv6->AddAddress(ueIf, Ipv6InterfaceAddress(UeAddress(i), Ipv6Prefix(64)));
        }
        ueIpv6->SetUp(ueIf);
        gwIpv6->SetUp(gwIf);
        gwIpv6->SetForwarding(gwIf, true);
        routing.GetStaticRouting(ueIpv6)->SetDefaultRoute(Ipv6Address::GetAny(), ueIf);
        std::ostringstream prefix;
        prefix << "3fff:100:" << std::hex << k << "::";
        routing.GetStaticRouting(gwIpv6)->AddNetworkRouteTo(Ipv6Address(prefix.str().c_str()),
                                                            Ipv6Prefix(48),
                                                            gwIf);
        bench.ueIpsec.push_back(ipsecHelper.Install(ueNode));
        Ptr<SipTransport> t = CreateObject<SipTransport>();
        t->Start(ueNode);
        t->SetReceiveCallback(MakeCallback(&Bench::UeReceive, &bench));
        bench.ueSide.push_back(t);
    }
    uint32_t gwUp = gwIpv6->AddInterface(uplink.Get(0));
    gwIpv6->AddAddress(gwUp, Ipv6InterfaceAddress(Ipv6Address("3fff:f00:0:1::1"), Ipv6Prefix(64)));
    gwIpv6->SetUp(gwUp);
    gwIpv6->SetForwarding(gwUp, true);
    routing.GetStaticRouting(gwIpv6)->SetDefaultRoute(bench.pcscf, gwUp);
    uint32_t pAccess = pIpv6->AddInterface(uplink.Get(1));
    pIpv6->AddAddress(pAccess, Ipv6InterfaceAddress(bench.pcscf, Ipv6Prefix(64)));
    pIpv6->SetUp(pAccess);
    uint32_t pCore = pIpv6->AddInterface(core.Get(0));
    pIpv6->AddAddress(pCore, Ipv6InterfaceAddress(Ipv6Address("3fff:f00:0:2::1"), Ipv6Prefix(64)));
    pIpv6->SetUp(pCore);
    uint32_t sIf = sIpv6->AddInterface(core.Get(1));
    sIpv6->AddAddress(sIf, Ipv6InterfaceAddress(bench.scscf, Ipv6Prefix(64)));
    sIpv6->SetUp(sIf);
    routing.GetStaticRouting(pIpv6)->AddNetworkRouteTo(Ipv6Address("3fff:100::"),
                                                       Ipv6Prefix(32),
                                                       Ipv6Address("3fff:f00:0:1::1"),
                                                       pAccess);
    routing.GetStaticRouting(sIpv6)->SetDefaultRoute(Ipv6Address("3fff:f00:0:2::1"), sIf);

    PcscfHelper helper(bench.scscf);
    ApplicationContainer apps = helper.Install(nodes.Get(0));
    PcscfHelper::AssignStreams(apps, 1);
    Ptr<Pcscf> pcscf = PcscfHelper::GetPcscf(nodes.Get(0));
    bench.registrar = CreateObject<SipTransport>();
    bench.registrar->Start(nodes.Get(1));
    bench.registrar->SetReceiveCallback(MakeCallback(&Bench::RegistrarReceive, &bench));
    double setupSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - setupStart).count();

    // One UE every 200 us: a few dozen registrations in flight at a time.
    Time spacing = MicroSeconds(200);
    for (uint32_t i = 0; i < ues; ++i)
    {
        Simulator::Schedule(MilliSeconds(100) + spacing * i, &Bench::Start, &bench, i);
    }
    // Offers are forgotten OfferTimeout (32 s) after their REGISTER: measure in steady state.
    Time end = MilliSeconds(100) + spacing * ues + Seconds(40);
    uint64_t heapRegistered = 0;
    uint64_t heapStopped = 0;
    uint32_t sadRegistered = 0;
    uint32_t contexts = 0;
    std::chrono::steady_clock::time_point runStart;
    double runSeconds = 0;
    Simulator::Schedule(end, [&]() {
        runSeconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - runStart).count();
        sadRegistered = pcscf->GetSadSize();
        contexts = pcscf->GetRegistrationTable().GetSize();
        heapRegistered = AllocatedBytes();
    });
    apps.Start(Seconds(0));
    apps.Stop(end + MilliSeconds(1));
    // The SAD's expiry events of deleted SAs still hold them until their time comes (a
    // cancelled ns-3 event stays queued): measure once they are gone.
    Time drained = end + Seconds(3600 + 30 + 60);
    Simulator::Schedule(drained, [&]() { heapStopped = AllocatedBytes(); });
    Simulator::Stop(drained + MilliSeconds(1));
    runStart = std::chrono::steady_clock::now();
    Simulator::Run();

    double perUe = double(heapRegistered - heapStopped) / std::max<uint32_t>(contexts, 1);
    uint64_t messages = pcscf->GetReceivedCounters().GetTotal().messages +
                        pcscf->GetSentCounters().GetTotal().messages;
    std::cout << std::fixed << std::setprecision(1) << "  registered: " << bench.registered
              << " of " << ues << " UEs, " << contexts << " contexts, SAD " << sadRegistered
              << " SAs, " << pcscf->GetSaSetsCreated() << " SA sets created\n"
              << "  P-CSCF state per registered UE: " << tableBytes + setBytes
              << " B grown (context " << tableBytes << " B + SA set " << setBytes << " B), "
              << perUe << " B given back when the P-CSCF forgets them (hash bucket arrays "
              << "and allocator slack stay)\n"
              << "  wall time: set-up " << setupSeconds << " s, registrations " << runSeconds
              << " s (" << std::setprecision(0) << messages / std::max(runSeconds, 1e-9)
              << " SIP messages/s at the P-CSCF, " << messages << " messages)\n";
    Simulator::Destroy();
    return bench.registered == ues ? 0 : 1;
}
