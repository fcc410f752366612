/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Memory of the UE's IMS client (ImsUeClient), per UE, measured with glibc's mallinfo2 on
// N UEs behind one GGSN that register with a minimal P-CSCF/S-CSCF on one core node (401
// with a real Milenage vector and the P-CSCF's SA set, then 200).  It prints, per UE:
//   installed    heap added by ImsUeHelper::Install: the client, its USIM, the node's
//                IpsecStack with SAD and SPD (before the start)
//   registered   heap per UE once registered (transport and its sockets, the UE's SA set of
//                four SAs and two policies, registration and sec-agree state, pending events),
//                the P-CSCF side excluded
//   pcscf-set    heap per UE of the P-CSCF's SA set (freed at the end to measure it)
// and the wall time of the simulated registrations.  The access network (addresses, links)
// is built and attached before the first measurement: access-scale measures it.
// Usage: ims-ue-footprint [--ues=1000] [--addrPrefLength=64] [--noClients]
//        (--noClients: the same run without clients, the access network's own drift)
#include "bench-process.h"

#include "ns3/core-module.h"
#include "ns3/imssec-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"

#include <iostream>
#include <malloc.h>
#include <string>
#include <unordered_map>

using namespace ns3;
using namespace imssec_bench;

namespace
{

/**
 * \returns bytes currently allocated with malloc/new (glibc's mallinfo2)
 */
size_t
HeapBytes()
{
    return mallinfo2().uordblks;
}

/**
 * A minimal P-CSCF + S-CSCF for many UEs: an unprotected REGISTER gets a 401 with a fresh
 * vector and the P-CSCF's SA set is installed (addr-pref-length honoured); a protected
 * REGISTER gets a 200 (granted 3600 s) and the set is kept.  No RES check: the UE side is
 * what is measured.
 */
class BenchCore
{
  public:
    /**
     * \param node the core node
     * \param address its address
     * \param hss the HSS
     */
    BenchCore(Ptr<Node> node, Ipv6Address address, Ptr<Hss> hss)
        : m_address(address),
          m_hss(hss)
    {
        m_ipsec = node->GetObject<IpsecStack>();
        m_transport = CreateObject<SipTransport>();
        m_transport->Start(node);
        m_transport->OpenProtectedPort(5062);
        m_transport->OpenProtectedPort(5063);
        m_tm = CreateObject<SipTransactionManager>();
        m_tm->SetTransport(m_transport);
        m_tm->SetRequestHandler(MakeCallback(&BenchCore::OnRequest, this));
    }

    /** \brief Deletes the P-CSCF side SA sets. */
    void DeleteSets()
    {
        for (const auto& [impi, handle] : m_sets)
        {
            m_ipsec->DeleteSaSet(handle);
        }
        m_sets.clear();
    }

    /** \brief Stops the transport. */
    void Stop()
    {
        m_tm->TerminateAll();
        m_transport->Stop();
    }

  private:
    /**
     * \param m a request
     * \param info how it came
     * \param handle server transaction
     */
    void OnRequest(const SipMessage& m, const SipPacketInfo& info, uint64_t handle)
    {
        if (!m.IsMethod("REGISTER"))
        {
            return;
        }
        std::string impi = m.GetDigest("Authorization")->GetUsername().value_or("");
        if (info.isProtected)
        {
            SipMessage ok = SipMessageFactory::CreateResponse(m, 200, "", "core");
            SipNameAddr c = m.GetContacts().front();
            c.SetExpires(3600);
            ok.AddContact(c);
            ok.SetExpires(3600);
            m_tm->SendResponse(handle, ok);
            m_ipsec->UpdateSaSetLifetime(m_sets[impi], Seconds(3630));
            return;
        }
        AkaVector v;
        m_hss->GenerateVector(impi, v);
        SecurityMechanism ue = m.GetSecurityMechanisms("Security-Client").front();
        uint8_t length = ue.GetAddrPrefLength().value_or(128);
        SecurityMechanism server = ImsSecAgree::MakeIpsec3gpp("hmac-sha-1-96",
                                                              m_nextSpi,
                                                              m_nextSpi + 1,
                                                              5062,
                                                              5063,
                                                              length,
                                                              100);
        m_nextSpi += 2;
        IpsecSaSetParameters p;
        std::string error;
        ImsSecAgree::BuildSaSetParameters(ue,
                                          server,
                                          IpsecSaSetParameters::Side::PCSCF,
                                          info.remoteAddress,
                                          length,
                                          m_address,
                                          v.ik,
                                          v.ck,
                                          Seconds(240),
                                          &p,
                                          &error);
        m_sets[impi] = m_ipsec->InstallSaSet(p);
        SipMessage r = SipMessageFactory::CreateResponse(m, 401, "", "core");
        SipDigest challenge(SipDigest::CHALLENGE);
        challenge.SetScheme("Digest");
        challenge.SetRealm("ims.example");
        challenge.SetNonce(DigestAka::BuildNonce(v.rand, v.autn));
        challenge.SetAlgorithm("AKAv1-MD5");
        challenge.SetQop("auth");
        r.SetDigest("WWW-Authenticate", challenge);
        r.SetSecurityMechanisms("Security-Server", {server});
        m_tm->SendResponse(handle, r);
    }

    Ipv6Address m_address;                            //!< core address
    Ptr<Hss> m_hss;                                   //!< HSS
    Ptr<IpsecStack> m_ipsec;                          //!< P-CSCF IPsec layer
    Ptr<SipTransport> m_transport;                    //!< transport
    Ptr<SipTransactionManager> m_tm;                  //!< transactions
    std::unordered_map<std::string, uint32_t> m_sets; //!< IMPI -> P-CSCF set
    uint32_t m_nextSpi{1000};                         //!< next SPI
};

} // namespace

int
main(int argc, char* argv[])
{
    uint32_t ues = 1000;
    int addrPrefLength = 64;
    bool noClients = false;
    CommandLine cmd(__FILE__);
    cmd.AddValue("noClients", "install nothing: the access network's own drift", noClients);
    cmd.AddValue("ues", "number of UEs", ues);
    cmd.AddValue("addrPrefLength", "the UEs' AddrPrefLength (-1: not sent)", addrPrefLength);
    cmd.Parse(argc, argv);

    NodeContainer nodes;
    nodes.Create(ues);
    Ptr<Node> ggsn = CreateObject<Node>();
    Ptr<Node> core = CreateObject<Node>();
    ImsAccessHelper access;
    access.Install(ggsn, nodes);
    Ipv6Address coreAddress = access.AttachCoreNode(core);
    IpsecHelper().Install(core);
    access.AssignStreams(nodes, 1);
    access.ActivatePdpContexts(nodes, Seconds(1), MilliSeconds(1));
    Ptr<Hss> hss = CreateObject<Hss>();
    hss->Reserve(ues);
    BenchCore pcscf(core, coreAddress, hss);
    Time attached = Seconds(1) + MilliSeconds(ues) + Seconds(3);
    Simulator::Stop(attached);
    Simulator::Run();

    size_t m0 = HeapBytes();
    ImsUeHelper helper(coreAddress);
    helper.SetHss(hss);
    helper.SetAttribute("AddrPrefLength", IntegerValue(addrPrefLength));
    ApplicationContainer apps = noClients ? ApplicationContainer() : helper.Install(nodes);
    for (uint32_t i = 0; i < apps.GetN(); ++i)
    {
        apps.Get(i)->SetStartTime(MilliSeconds(i));
    }
    helper.AssignStreams(nodes, 100000);
    size_t m1 = HeapBytes();

    double wall = WallSeconds();
    // every registration, then 40 s more so that their transactions are gone (Timer J, K)
    Simulator::Stop(MilliSeconds(ues) + Seconds(50));
    Simulator::Run();
    wall = WallSeconds() - wall;
    uint32_t registered = 0;
    for (uint32_t i = 0; i < apps.GetN(); ++i)
    {
        registered += DynamicCast<ImsUeClient>(apps.Get(i))->IsRegistered() ? 1 : 0;
    }
    size_t m2 = HeapBytes();
    pcscf.DeleteSets();
    size_t m3 = HeapBytes();

    double n = ues;
    std::cout << "UEs                 " << ues << " (addr-pref-length " << addrPrefLength
              << "), registered " << registered << "\n"
              << "installed           " << (static_cast<double>(m1) - m0) / n << " bytes/UE\n"
              << "registered          " << (static_cast<double>(m3) - m0) / n << " bytes/UE\n"
              << "pcscf-set           " << (static_cast<double>(m2) - m3) / n << " bytes/UE\n"
              << "registration run    " << wall << " s wall (" << wall / n * 1e6
              << " us/UE, 4 messages each)\n"
              << "sizeof              ImsUeClient " << sizeof(ImsUeClient) << ", ImsUeCounters "
              << sizeof(ImsUeCounters) << ", Usim " << sizeof(Usim) << "\n";
    pcscf.Stop();
    Simulator::Destroy();
    return registered == apps.GetN() ? 0 : 1;
}
