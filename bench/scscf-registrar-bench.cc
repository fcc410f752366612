/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Cost of the S-CSCF registrar: N users register through a scripted P-CSCF (REGISTER, 401
// with a fresh AKA vector, REGISTER with the Digest response computed by a USIM, 200) over a
// 1 Gb/s point-to-point link; prints the heap bytes per registered user once every
// transaction has ended (the registrar's bindings, nothing else alive), the wall-clock time
// per registration (both ends: 4 messages through ns-3 UDP/IPv6, Milenage on both sides,
// MD5 Digest) and the heap of the HSS per subscriber for comparison.
//
//   scscf-registrar-bench [--users=100000] [--rate=2000]
#include "ns3/boolean.h"
#include "ns3/command-line.h"
#include "ns3/config.h"
#include "ns3/core-module.h"
#include "ns3/digest-aka.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/scscf-helper.h"
#include "ns3/scscf.h"
#include "ns3/sip-message-factory.h"
#include "ns3/sip-transaction-manager.h"
#include "ns3/sip-transport.h"
#include "ns3/usim.h"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <malloc.h>

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

/** The scripted P-CSCF: registers user i, answers its challenge, counts the 200s. */
class Registrations
{
  public:
    /**
     * \param tm the P-CSCF's transaction manager
     * \param hss the HSS (simulated credentials)
     * \param pcscf the P-CSCF's address
     * \param scscf the S-CSCF's address
     */
    Registrations(Ptr<SipTransactionManager> tm, Ptr<Hss> hss, Ipv6Address pcscf, Ipv6Address scscf)
        : m_tm(tm),
          m_hss(hss),
          m_pcscf(pcscf),
          m_scscf(scscf)
    {
        std::ostringstream os;
        os << pcscf;
        m_host = os.str();
    }

    /**
     * \param i user number
     * \param nonce nonce ("" for the first REGISTER)
     * \param response Digest response ("" for the first REGISTER)
     */
    void Send(uint32_t i, const std::string& nonce, const std::string& response)
    {
        std::string impi = ScscfHelper::GetImpi(i);
        std::string impu = ScscfHelper::GetImpu(i);
        SipNameAddr from;
        SipNameAddr::Parse("<" + impu + ">", &from, nullptr);
        SipNameAddr to = from;
        from.SetTag("t" + std::to_string(i));
        uint32_t cseq = nonce.empty() ? 1 : 2;
        SipMessage m = SipMessageFactory::CreateRequest(
            "REGISTER",
            SipUri("", "ims.example", std::nullopt),
            SipVia("UDP", m_host, 5060, SipMessageFactory::MakeBranch(++m_branch)),
            from,
            to,
            "reg-" + std::to_string(i),
            cseq,
            69);
        char group[8];
        std::snprintf(group, sizeof(group), "%x", i & 0xffff);
        m.AddHeader("Contact",
                    "<sip:ue" + std::to_string(i) + "@[3fff:100:" + group +
                        ":1:1234:5678:9abc:def0]:10001>;expires=600000");
        m.SetExpires(600000);
        SipDigest d(SipDigest::CREDENTIALS);
        d.SetScheme("Digest");
        d.SetUsername(impi);
        d.SetRealm("ims.example");
        d.SetNonce(nonce);
        d.SetUri("sip:ims.example");
        d.SetResponse(response);
        if (!response.empty())
        {
            d.SetAlgorithm(DigestAka::ALGORITHM);
            d.SetQop("auth");
            d.SetNonceCount(1);
            d.SetCnonce("0a4f113b");
        }
        d.Set("integrity-protected", nonce.empty() ? "no" : "yes", true);
        m.SetDigest("Authorization", d);
        m.AddHeader("Path", "<sip:term@[" + m_host + "]:5060;lr>");
        SipTransactionManager::ClientCallbacks cb;
        cb.onResponse = MakeCallback(&Registrations::Response, this, i);
        cb.onTimeout = MakeCallback(&Registrations::Timeout, this);
        m_tm->SendRequest(m, SipTarget::Clear(Ipv6Address::GetAny(), 5060, m_scscf, 5060), cb);
    }

    /**
     * \param i user number
     * \param r a response
     * \param info how it arrived
     */
    void Response(uint32_t i, const SipMessage& r, const SipPacketInfo& /* info */)
    {
        if (r.GetStatusCode() == 200)
        {
            registered++;
            return;
        }
        std::optional<SipDigest> c = r.GetDigest("WWW-Authenticate");
        AkaRand rand;
        AkaAutn autn;
        std::vector<uint8_t> extra;
        if (r.GetStatusCode() != 401 || !c ||
            !DigestAka::ParseNonce(c->GetNonce().value_or(""), rand, autn, extra))
        {
            failed++;
            return;
        }
        // A USIM only for this answer: the bench keeps no per-user state of its own.
        std::string impi = ScscfHelper::GetImpi(i);
        AkaCredentials k = m_hss->GetSimulatedCredentials(impi);
        Usim usim(k.k, k.opc);
        Usim::Result a = usim.Authenticate(rand, autn);
        DigestAka::Parameters p;
        p.username = impi;
        p.realm = "ims.example";
        p.nonce = *c->GetNonce();
        p.method = "REGISTER";
        p.uri = "sip:ims.example";
        p.qop = "auth";
        p.nc = "00000001";
        p.cnonce = "0a4f113b";
        Send(i, p.nonce, DigestAka::ComputeAkaResponse(p, a.res));
    }

    /**
     * \brief Starts users 1..n, one every interval from 1 s on.
     * \param n number of users
     * \param interval spacing
     */
    void Start(uint32_t n, Time interval)
    {
        m_users = n;
        m_interval = interval;
        Simulator::Schedule(Seconds(1), &Registrations::Next, this);
    }

    /** \brief Starts the next user's registration and schedules the one after. */
    void Next()
    {
        Send(++m_next, "", "");
        if (m_next < m_users)
        {
            Simulator::Schedule(m_interval, &Registrations::Next, this);
        }
    }

    /** \brief A client transaction timed out. */
    void Timeout()
    {
        failed++;
    }

    uint64_t registered{0}; //!< 200s received
    uint64_t failed{0};     //!< anything else

  private:
    Ptr<SipTransactionManager> m_tm; //!< P-CSCF transactions
    Ptr<Hss> m_hss;                  //!< HSS
    Ipv6Address m_pcscf;             //!< P-CSCF
    Ipv6Address m_scscf;             //!< S-CSCF
    std::string m_host;              //!< P-CSCF address text
    uint64_t m_branch{0};            //!< branches
    uint32_t m_users{0};             //!< users to register
    uint32_t m_next{0};              //!< last user started
    Time m_interval;                 //!< spacing of the starts
};

} // namespace

int
main(int argc, char* argv[])
{
    uint32_t users = 100000;
    double rate = 2000;
    CommandLine cmd(__FILE__);
    cmd.AddValue("users", "users registered", users);
    cmd.AddValue("rate", "registrations started per second", rate);
    cmd.Parse(argc, argv);

    Config::SetDefault("ns3::Icmpv6L4Protocol::DAD", BooleanValue(false));
    NodeContainer nodes;
    nodes.Create(2);
    InternetStackHelper internet;
    internet.SetIpv4StackInstall(false);
    internet.Install(nodes);
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue("1Gbps"));
    p2p.SetChannelAttribute("Delay", StringValue("1ms"));
    p2p.SetQueue("ns3::DropTailQueue", "MaxSize", StringValue("10000p"));
    NetDeviceContainer devices = p2p.Install(nodes);
    Ipv6AddressHelper addresses;
    addresses.SetBase(Ipv6Address("3fff:f00:0:1::"), Ipv6Prefix(64));
    Ipv6InterfaceContainer ifs = addresses.Assign(devices);
    Ipv6Address pcscf = ifs.GetAddress(0, 1);
    Ipv6Address scscf = ifs.GetAddress(1, 1);

    uint64_t heap0 = AllocatedBytes();
    ScscfHelper helper;
    helper.SetNumberOfSubscribers(users);
    helper.SetAttribute("MaxExpires", UintegerValue(600000)); // nothing expires in the run
    Ptr<Hss> hss = helper.GetHss();
    uint64_t heapHss = AllocatedBytes();
    Ptr<Scscf> app = DynamicCast<Scscf>(helper.Install(nodes.Get(1)).Get(0));
    Ptr<SipTransport> transport = CreateObject<SipTransport>();
    transport->Start(nodes.Get(0));
    Ptr<SipTransactionManager> tm = CreateObject<SipTransactionManager>();
    tm->SetTransport(transport);
    Registrations script(tm, hss, pcscf, scscf);
    // One pending start at a time (each schedules the next), so the heap holds no queue of
    // future registrations.
    script.Start(users, Seconds(1 / rate));
    uint64_t heapBefore = 0;
    Simulator::Schedule(Seconds(0.5), [&heapBefore]() { heapBefore = AllocatedBytes(); });
    // Every transaction has ended 64*T1 after the last response: only the bindings are left.
    Time end = Seconds(1 + users / rate + 40);
    uint64_t heapAfter = 0;
    Simulator::Schedule(end, [&heapAfter]() { heapAfter = AllocatedBytes(); });
    Simulator::Stop(end + Seconds(1));
    auto t0 = std::chrono::steady_clock::now();
    Simulator::Run();
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

    double perUser = (static_cast<double>(heapAfter) - static_cast<double>(heapBefore)) / users;
    std::cout << "users                        " << users << "\n"
              << "registered (200)             " << script.registered << "\n"
              << "failed                       " << script.failed << "\n"
              << "S-CSCF 401 / 200 sent        " << app->Get401Sent() << " / " << app->Get200Sent()
              << "\n"
              << "AKA vectors consumed         " << app->GetVectorsConsumed() << "\n"
              << "live transactions at the end "
              << app->GetTransactionManager()->GetTransactionCount() << " + "
              << tm->GetTransactionCount() << "\n"
              << "registrar heap per user      " << perUser << " bytes\n"
              << "HSS heap per subscriber      " << static_cast<double>(heapHss - heap0) / users
              << " bytes\n"
              << "wall time per registration   " << wall / users * 1e6 << " us (" << wall
              << " s)\n";
    Simulator::Destroy();
    return script.registered == users ? 0 : 1;
}
