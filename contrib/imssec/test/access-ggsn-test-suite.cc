/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The GGSN: Router Advertisements really configure the UEs, prefixes are unique and come back
// after release and quarantine, refusals are counted, solicitations are answered, packets are
// routed between the core and the UEs' addresses, and the hashed routing table.
#include "ns3/boolean.h"
#include "ns3/ggsn-application.h"
#include "ns3/ggsn-routing-protocol.h"
#include "ns3/icmpv6-l4-protocol.h"
#include "ns3/ims-access-helper.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-packet-info-tag.h"
#include "ns3/ipv6-prefix-pool.h"
#include "ns3/ipv6-routing-table-entry.h"
#include "ns3/ipv6-static-routing.h"
#include "ns3/mac48-address.h"
#include "ns3/node-container.h"
#include "ns3/output-stream-wrapper.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/temporary-address-manager.h"
#include "ns3/test.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <functional>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// A GGSN, UEs and one core node built by ImsAccessHelper.
struct AccessNetwork
{
    NodeContainer ues;        //!< the UEs
    Ptr<Node> ggsn;           //!< the GGSN
    Ptr<Node> core;           //!< the core node
    ImsAccessHelper access;   //!< the helper
    Ptr<GgsnApplication> app; //!< the GGSN application
    Ipv6Address coreAddress;  //!< core node address
};

/**
 * \param n number of UEs
 * \param configure called on the helper before Install
 * \returns the network (nothing activated)
 */
std::unique_ptr<AccessNetwork>
Build(uint32_t n, const std::function<void(ImsAccessHelper&)>& configure = nullptr)
{
    auto net = std::make_unique<AccessNetwork>();
    net->ues.Create(n);
    net->ggsn = CreateObject<Node>();
    net->core = CreateObject<Node>();
    if (configure)
    {
        configure(net->access);
    }
    net->app = net->access.Install(net->ggsn, net->ues);
    net->coreAddress = net->access.AttachCoreNode(net->core);
    net->access.AssignStreams(net->ues, 100);
    return net;
}

/**
 * \param node a node
 * \param address an address
 * \returns true when the address is on one of the node's IPv6 interfaces
 */
bool
HasAddress(Ptr<Node> node, Ipv6Address address)
{
    Ptr<Ipv6L3Protocol> ipv6 = node->GetObject<Ipv6L3Protocol>();
    for (uint32_t i = 0; i < ipv6->GetNInterfaces(); ++i)
    {
        for (uint32_t j = 0; j < ipv6->GetNAddresses(i); ++j)
        {
            if (ipv6->GetAddress(i, j).GetAddress() == address)
            {
                return true;
            }
        }
    }
    return false;
}

/**
 * \param ue a UE node
 * \param prefix a /64
 * \returns prefix + the modified EUI-64 identifier of the UE's link (computed here)
 */
Ipv6Address
Eui64Address(Ptr<Node> ue, Ipv6Address prefix)
{
    uint8_t mac[6];
    Mac48Address::ConvertFrom(ue->GetDevice(1)->GetAddress()).CopyTo(mac);
    uint8_t bytes[16];
    prefix.GetBytes(bytes);
    uint8_t iid[8] =
        {static_cast<uint8_t>(mac[0] ^ 0x02), mac[1], mac[2], 0xff, 0xfe, mac[3], mac[4], mac[5]};
    std::copy(iid, iid + 8, bytes + 8);
    return Ipv6Address(bytes);
}

} // namespace

/**
 * \ingroup imssec-tests
 * Base of the access test cases: the simulator is destroyed after every case, also when an
 * assertion ended DoRun early (trace sinks on DoRun's stack must not outlive it).
 */
class AccessTestCase : public TestCase
{
  public:
    /**
     * \param name the test case name
     */
    explicit AccessTestCase(std::string name)
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
 * The GGSN's Router Advertisement reaches the UE, whose ns-3 stack forms its public address
 * (prefix + EUI-64) and takes the GGSN as default router; the manager learns the same prefix.
 */
class RaConfiguresUeTestCase : public AccessTestCase
{
  public:
    RaConfiguresUeTestCase()
        : AccessTestCase(
              "a Router Advertisement configures the UE's public address and default route")
    {
    }

  private:
    void DoRun() override
    {
        auto net = Build(3);
        std::vector<std::pair<uint32_t, bool>> ras;
        net->app->TraceConnectWithoutContext(
            "RouterAdvertisementSent",
            MakeCallback(+[](std::vector<std::pair<uint32_t, bool>>* v,
                             uint32_t link,
                             Ipv6Address,
                             bool s) {
                v->emplace_back(link, s);
            }).Bind(&ras));
        net->access.ActivatePdpContexts(net->ues, Seconds(1), Seconds(1));
        Simulator::Stop(Seconds(10));
        Simulator::Run();
        std::set<Ipv6Address> prefixes;
        for (uint32_t i = 0; i < 3; ++i)
        {
            Ptr<Node> ue = net->ues.Get(i);
            uint32_t link = net->access.GetUeLink(ue);
            Ipv6Address prefix = net->app->GetUePrefix(link);
            prefixes.insert(prefix);
            NS_TEST_ASSERT_MSG_EQ(net->app->GetPrefixPool()->Contains(prefix), true, "pool");
            Ipv6Address expected = Eui64Address(ue, prefix);
            Ptr<Ipv6L3Protocol> ipv6 = ue->GetObject<Ipv6L3Protocol>();
            bool preferred = false;
            for (uint32_t j = 0; j < ipv6->GetNAddresses(1); ++j)
            {
                Ipv6InterfaceAddress a = ipv6->GetAddress(1, j);
                if (a.GetAddress() == expected)
                {
                    preferred = a.GetState() == Ipv6InterfaceAddress::PREFERRED;
                }
            }
            NS_TEST_ASSERT_MSG_EQ(preferred, true, "UE " << i << " lacks " << expected);
            Ptr<TemporaryAddressManager> m = ImsAccessHelper::GetTemporaryAddressManager(ue);
            NS_TEST_ASSERT_MSG_EQ(m->GetPrefix(), prefix, "manager's prefix");
            NS_TEST_ASSERT_MSG_EQ(unsigned(m->GetPrefixLength()), 64u, "manager's prefix length");
            NS_TEST_ASSERT_MSG_EQ(m->GetPublicAddress(), expected, "manager's public address");
            Ptr<Ipv6StaticRouting> routing =
                DynamicCast<Ipv6StaticRouting>(ipv6->GetRoutingProtocol());
            NS_TEST_ASSERT_MSG_EQ(routing->GetDefaultRoute().GetGateway(),
                                  net->app->GetLinkLocalAddress(link),
                                  "default router of UE " << i);
        }
        NS_TEST_ASSERT_MSG_EQ(prefixes.size(), 3u, "distinct prefixes");
        uint32_t unsolicited = 0;
        for (const auto& ra : ras)
        {
            unsolicited += ra.second ? 0 : 1;
        }
        NS_TEST_ASSERT_MSG_EQ(unsolicited, 3u, "one unsolicited RA per activation (next at +16 s)");
        Simulator::Destroy();
    }
};

/**
 * \ingroup imssec-tests
 * Hundreds of UEs: every prefix distinct, routed to its own link.
 */
class PrefixUniquenessTestCase : public AccessTestCase
{
  public:
    PrefixUniquenessTestCase()
        : AccessTestCase("prefixes are unique across UEs and routed to their links")
    {
    }

  private:
    void DoRun() override
    {
        const uint32_t n = 300;
        auto net = Build(n);
        net->access.ActivatePdpContexts(net->ues, Seconds(1), MilliSeconds(10));
        Simulator::Stop(Seconds(10));
        Simulator::Run();
        std::set<Ipv6Address> prefixes;
        Ptr<GgsnRoutingProtocol> routing = net->app->GetRoutingProtocol();
        for (uint32_t i = 0; i < n; ++i)
        {
            Ptr<Node> ue = net->ues.Get(i);
            uint32_t link = net->access.GetUeLink(ue);
            Ipv6Address prefix = net->app->GetUePrefix(link);
            NS_TEST_ASSERT_MSG_EQ(prefixes.insert(prefix).second, true, "duplicate " << prefix);
            Ipv6Address current =
                ImsAccessHelper::GetTemporaryAddressManager(ue)->GetCurrentAddress();
            NS_TEST_ASSERT_MSG_EQ(current.CombinePrefix(Ipv6Prefix(64)), prefix, "UE " << i);
            NS_TEST_ASSERT_MSG_EQ(routing->LookupUeLink(current),
                                  int64_t(link),
                                  "route of UE " << i);
        }
        NS_TEST_ASSERT_MSG_EQ(net->app->GetNActiveContexts(), n, "active contexts");
        NS_TEST_ASSERT_MSG_EQ(routing->GetNUePrefixes(), n, "routed prefixes");
        Simulator::Destroy();
    }
};

/**
 * \ingroup imssec-tests
 * Exhaustion, duplicate activation, unknown deactivation and unknown links are refused,
 * counted and traced.
 */
class RefusalsTestCase : public AccessTestCase
{
  public:
    RefusalsTestCase()
        : AccessTestCase("exhaustion, duplicate activation and unknown deactivation are refused")
    {
    }

  private:
    void DoRun() override
    {
        auto net = Build(5, [](ImsAccessHelper& a) {
            a.SetPoolAttribute("BasePrefixLength", UintegerValue(62)); // four /64s
        });
        std::vector<std::string> reasons;
        net->app->TraceConnectWithoutContext(
            "RequestRefused",
            MakeCallback(+[](std::vector<std::string>* v, uint32_t, const std::string& r) {
                v->push_back(r);
            }).Bind(&reasons));
        for (uint32_t i = 0; i < 4; ++i)
        {
            NS_TEST_ASSERT_MSG_EQ(net->app->ActivatePdpContext(i), true, "activation " << i);
        }
        NS_TEST_ASSERT_MSG_EQ(net->app->ActivatePdpContext(4), false, "fifth UE");
        NS_TEST_ASSERT_MSG_EQ(net->app->ActivatePdpContext(0), false, "duplicate");
        NS_TEST_ASSERT_MSG_EQ(net->app->DeactivatePdpContext(4), false, "never activated");
        NS_TEST_ASSERT_MSG_EQ(net->app->ActivatePdpContext(77), false, "no such link");
        NS_TEST_ASSERT_MSG_EQ(net->app->GetNExhaustedActivations(), 1u, "exhausted");
        NS_TEST_ASSERT_MSG_EQ(net->app->GetNDuplicateActivations(), 1u, "duplicate");
        NS_TEST_ASSERT_MSG_EQ(net->app->GetNUnknownDeactivations(), 1u, "unknown");
        NS_TEST_ASSERT_MSG_EQ(net->app->GetNActiveContexts(), 4u, "active");
        NS_TEST_ASSERT_MSG_EQ(reasons.size(), 4u, "refusals traced");
        if (reasons.size() != 4)
        {
            return; // the runner continues after a failed assertion
        }
        NS_TEST_ASSERT_MSG_EQ(reasons[0], "exhausted", "first refusal");
        NS_TEST_ASSERT_MSG_EQ(reasons[1], "duplicate", "second refusal");
        NS_TEST_ASSERT_MSG_EQ(reasons[2], "unknown", "third refusal");
        NS_TEST_ASSERT_MSG_EQ(reasons[3], "no-such-link", "fourth refusal");
        // The UE whose context the pool refused gets no address.
        Simulator::Stop(Seconds(5));
        Simulator::Run();
        Ptr<TemporaryAddressManager> m =
            ImsAccessHelper::GetTemporaryAddressManager(net->ues.Get(4));
        NS_TEST_ASSERT_MSG_EQ(m->HasPrefix(), false, "refused UE has a prefix");
        Simulator::Destroy();
    }
};

/**
 * \ingroup imssec-tests
 * Deactivation withdraws the prefix from the UE (RA with zero lifetimes), the prefix is
 * quarantined, and after the quarantine a new activation gets it back.
 */
class DeactivationReuseTestCase : public AccessTestCase
{
  public:
    DeactivationReuseTestCase()
        : AccessTestCase("deactivation withdraws the prefix; it is reused after the quarantine")
    {
    }

  private:
    void DoRun() override
    {
        auto net = Build(2, [](ImsAccessHelper& a) {
            a.SetPoolAttribute("BasePrefixLength", UintegerValue(63)); // two /64s
            a.SetPoolAttribute("Quarantine", TimeValue(Seconds(100)));
        });
        Ptr<Node> ue = net->ues.Get(0);
        uint32_t link = net->access.GetUeLink(ue);
        Ptr<TemporaryAddressManager> m = ImsAccessHelper::GetTemporaryAddressManager(ue);
        uint32_t invalidated = 0;
        m->TraceConnectWithoutContext(
            "TemporaryAddressInvalidated",
            MakeCallback(+[](uint32_t* n, Ipv6Address, Time) { ++*n; }).Bind(&invalidated));
        net->access.ActivatePdpContexts(net->ues, Seconds(1), Seconds(0));
        net->access.DeactivatePdpContext(ue, Seconds(50));
        net->access.ActivatePdpContext(ue, Seconds(60));  // quarantine: refused
        net->access.ActivatePdpContext(ue, Seconds(151)); // after the quarantine
        Ipv6Address first;
        Ipv6Address temporary;
        Ipv6Address publicAddress;
        Simulator::Schedule(Seconds(40), [&]() {
            first = m->GetPrefix();
            temporary = m->GetCurrentAddress();
            publicAddress = m->GetPublicAddress();
        });
        Simulator::Schedule(Seconds(55), [&]() {
            NS_TEST_EXPECT_MSG_EQ(m->HasPrefix(), false, "prefix still known after withdrawal");
            NS_TEST_EXPECT_MSG_EQ(m->GetCurrentAddress(), Ipv6Address::GetAny(), "current");
            NS_TEST_EXPECT_MSG_EQ(HasAddress(ue, temporary), false, "temporary address kept");
            NS_TEST_EXPECT_MSG_EQ(HasAddress(ue, publicAddress), false, "public address kept");
            NS_TEST_EXPECT_MSG_EQ(m->IsValid(temporary), false, "withdrawn address valid");
            NS_TEST_EXPECT_MSG_EQ(net->app->GetPrefixPool()->IsAllocated(first),
                                  false,
                                  "prefix not released");
        });
        Simulator::Schedule(Seconds(61), [&]() {
            NS_TEST_EXPECT_MSG_EQ(net->app->HasActiveContext(link), false, "quarantined reuse");
            NS_TEST_EXPECT_MSG_EQ(net->app->GetNExhaustedActivations(), 1u, "refused");
        });
        Simulator::Stop(Seconds(170));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(first.IsAny(), false, "no prefix before withdrawal");
        NS_TEST_ASSERT_MSG_EQ(net->app->GetUePrefix(link), first, "prefix reused");
        NS_TEST_ASSERT_MSG_EQ(m->GetPrefix(), first, "UE relearnt it");
        NS_TEST_ASSERT_MSG_EQ(m->GetCurrentAddress().IsAny(), false, "new temporary address");
        NS_TEST_ASSERT_MSG_NE(m->GetCurrentAddress(), temporary, "same temporary address");
        NS_TEST_ASSERT_MSG_EQ(invalidated, 1u, "withdrawn temporary address invalidated");
        NS_TEST_ASSERT_MSG_EQ(net->app->GetNDeactivations(), 1u, "deactivations");
        Simulator::Destroy();
    }
};

/**
 * \ingroup imssec-tests
 * The GGSN answers Router Solicitations, which stops the UE's retransmissions (here
 * unbounded); without answers the UE keeps soliciting.
 */
class SolicitationTestCase : public AccessTestCase
{
  public:
    /**
     * \param answer whether the GGSN answers solicitations
     */
    SolicitationTestCase(bool answer)
        : AccessTestCase(answer ? "answered Router Solicitations stop"
                                : "unanswered Router Solicitations go on (control)"),
          m_answer(answer)
    {
    }

  private:
    void DoRun() override
    {
        bool answer = m_answer;
        auto net = Build(1, [answer](ImsAccessHelper& a) {
            a.SetGgsnAttribute("AnswerSolicitations", BooleanValue(answer));
            a.SetGgsnAttribute("InitialAdvertisements", UintegerValue(1));
        });
        net->ues.Get(0)->GetObject<Icmpv6L4Protocol>()->SetAttribute("RsMaxRetransmissionCount",
                                                                     UintegerValue(0));
        uint32_t solicited = 0;
        net->app->TraceConnectWithoutContext(
            "RouterAdvertisementSent",
            MakeCallback(+[](uint32_t* n, uint32_t, Ipv6Address, bool s) {
                *n += s ? 1 : 0;
            }).Bind(&solicited));
        // Activated before the UE's first solicitation (sent once its link-local address
        // passed DAD, at about 1 s): only a solicited RA can stop the retransmissions.
        net->access.ActivatePdpContexts(net->ues, Seconds(0.1), Seconds(0));
        Simulator::Stop(Seconds(1000));
        Simulator::Run();
        if (answer)
        {
            NS_TEST_ASSERT_MSG_EQ(net->app->GetNRouterSolicitations(), 1u, "solicitations");
            NS_TEST_ASSERT_MSG_EQ(solicited, 1u, "solicited RAs");
        }
        else
        {
            NS_TEST_ASSERT_MSG_GT(net->app->GetNRouterSolicitations(), 5u, "solicitations");
            NS_TEST_ASSERT_MSG_EQ(solicited, 0u, "solicited RAs");
        }
        Simulator::Destroy();
    }

    bool m_answer; //!< GGSN answers
};

/**
 * \ingroup imssec-tests
 * Packets between the core node and the UEs' temporary addresses cross the GGSN both ways;
 * a spoofed source and an unallocated destination are dropped and counted.
 */
class ForwardingTestCase : public AccessTestCase
{
  public:
    ForwardingTestCase()
        : AccessTestCase("packets are routed through the GGSN to and from temporary addresses")
    {
    }

  private:
    void DoRun() override
    {
        auto net = Build(3);
        net->access.ActivatePdpContexts(net->ues, Seconds(1), Seconds(0));
        std::vector<Ipv6Address> received; // destinations seen by the UEs
        std::vector<Ipv6Address> fromUes;  // sources seen by the core node
        for (uint32_t i = 0; i < 3; ++i)
        {
            Ptr<Socket> sink = Socket::CreateSocket(net->ues.Get(i), UdpSocketFactory::GetTypeId());
            sink->Bind(Inet6SocketAddress(Ipv6Address::GetAny(), 5060));
            sink->SetRecvPktInfo(true);
            sink->SetRecvCallback(MakeCallback(+[](std::vector<Ipv6Address>* v, Ptr<Socket> s) {
                                      Ptr<Packet> p;
                                      while ((p = s->Recv()))
                                      {
                                          Ipv6PacketInfoTag tag;
                                          if (p->PeekPacketTag(tag))
                                          {
                                              v->push_back(tag.GetAddress());
                                          }
                                      }
                                  }).Bind(&received));
        }
        Ptr<Socket> coreSocket = Socket::CreateSocket(net->core, UdpSocketFactory::GetTypeId());
        coreSocket->Bind(Inet6SocketAddress(net->coreAddress, 5060));
        coreSocket->SetRecvCallback(MakeCallback(+[](std::vector<Ipv6Address>* v, Ptr<Socket> s) {
                                        Address from;
                                        while (s->RecvFrom(from))
                                        {
                                            v->push_back(
                                                Inet6SocketAddress::ConvertFrom(from).GetIpv6());
                                        }
                                    }).Bind(&fromUes));
        std::vector<Ipv6Address> temporaries(3);
        Simulator::Schedule(Seconds(5), [&]() {
            for (uint32_t i = 0; i < 3; ++i)
            {
                Ptr<TemporaryAddressManager> m =
                    ImsAccessHelper::GetTemporaryAddressManager(net->ues.Get(i));
                temporaries[i] = m->GetCurrentAddress();
                NS_TEST_EXPECT_MSG_EQ(m->IsTemporary(temporaries[i]), true, "UE " << i);
                coreSocket->SendTo(Create<Packet>(100),
                                   0,
                                   Inet6SocketAddress(temporaries[i], 5060));
                // The UE binds its source address, as the IMS client does.
                Ptr<Socket> s =
                    Socket::CreateSocket(net->ues.Get(i), UdpSocketFactory::GetTypeId());
                s->Bind(Inet6SocketAddress(temporaries[i], 0));
                s->SendTo(Create<Packet>(100), 0, Inet6SocketAddress(net->coreAddress, 5060));
            }
            // A source outside the UE's prefix, and a destination in no active context.
            Ptr<Socket> spoof =
                Socket::CreateSocket(net->ues.Get(2), UdpSocketFactory::GetTypeId());
            spoof->Bind(Inet6SocketAddress(Ipv6Address("3fff:100:0:99::1"), 0));
            spoof->SendTo(Create<Packet>(100), 0, Inet6SocketAddress(net->coreAddress, 5060));
            coreSocket->SendTo(Create<Packet>(100),
                               0,
                               Inet6SocketAddress(Ipv6Address("3fff:100:0:77::1"), 5060));
        });
        Simulator::Stop(Seconds(10));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(received.size(), 3u, "datagrams at the UEs");
        NS_TEST_ASSERT_MSG_EQ(fromUes.size(), 3u, "datagrams at the core node");
        for (uint32_t i = 0; i < 3; ++i)
        {
            NS_TEST_ASSERT_MSG_EQ(std::count(received.begin(), received.end(), temporaries[i]),
                                  1,
                                  "to " << temporaries[i]);
            NS_TEST_ASSERT_MSG_EQ(std::count(fromUes.begin(), fromUes.end(), temporaries[i]),
                                  1,
                                  "from " << temporaries[i]);
        }
        NS_TEST_ASSERT_MSG_EQ(net->app->GetNSpoofedDrops(), 1u, "spoofed source");
        NS_TEST_ASSERT_MSG_EQ(net->app->GetRoutingProtocol()->GetNUnallocatedDrops(),
                              1u,
                              "unallocated destination");
        std::ostringstream table;
        net->app->GetRoutingProtocol()->PrintRoutingTable(Create<OutputStreamWrapper>(&table));
        NS_TEST_ASSERT_MSG_NE(table.str().find("3fff:100:0:2::/64"), std::string::npos, "table");
        NS_TEST_ASSERT_MSG_NE(table.str().find("unreachable (pool)"), std::string::npos, "pool");
        NS_TEST_ASSERT_MSG_NE(table.str().find("::/0"), std::string::npos, "default route");
        NS_TEST_ASSERT_MSG_EQ(net->app->GetNUplinkPackets(), 3u, "uplink");
        NS_TEST_ASSERT_MSG_EQ(net->app->GetNDownlinkPackets(), 3u, "downlink");
        Simulator::Destroy();
    }
};

/**
 * \ingroup imssec-tests
 * A /56 per UE: routed as a /56, advertised as its first /64.
 */
class ShortPrefixTestCase : public AccessTestCase
{
  public:
    ShortPrefixTestCase()
        : AccessTestCase(
              "a prefix shorter than 64 bits is routed whole, advertised as its first 64")
    {
    }

  private:
    void DoRun() override
    {
        auto net = Build(2, [](ImsAccessHelper& a) {
            a.SetPoolAttribute("BasePrefix", Ipv6AddressValue("3fff:200::"));
            a.SetPoolAttribute("BasePrefixLength", UintegerValue(40));
            a.SetPoolAttribute("AllocatedPrefixLength", UintegerValue(56));
        });
        net->access.ActivatePdpContexts(net->ues, Seconds(1), Seconds(0));
        Simulator::Stop(Seconds(5));
        Simulator::Run();
        Ptr<Node> ue = net->ues.Get(1);
        Ipv6Address allocated = net->app->GetUePrefix(net->access.GetUeLink(ue));
        NS_TEST_ASSERT_MSG_EQ(allocated, Ipv6Address("3fff:200:0:100::"), "second /56");
        Ptr<TemporaryAddressManager> m = ImsAccessHelper::GetTemporaryAddressManager(ue);
        NS_TEST_ASSERT_MSG_EQ(m->GetPrefix(), allocated, "advertised /64 = first /64 of the /56");
        Ptr<GgsnRoutingProtocol> routing = net->app->GetRoutingProtocol();
        NS_TEST_ASSERT_MSG_EQ(routing->LookupUeLink(Ipv6Address("3fff:200:0:1ff::1")),
                              int64_t(net->access.GetUeLink(ue)),
                              "last /64 of the /56 routed to the UE");
        Simulator::Destroy();
    }
};

/**
 * \ingroup imssec-tests
 * The hashed routing table: insertion, duplicates, longest length first, removal.
 */
class RoutingTableTestCase : public AccessTestCase
{
  public:
    RoutingTableTestCase()
        : AccessTestCase("the GGSN's hashed prefix table")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<GgsnRoutingProtocol> routing = CreateObject<GgsnRoutingProtocol>();
        Ptr<Ipv6PrefixPool> pool = CreateObject<Ipv6PrefixPool>();
        for (uint32_t i = 0; i < 20000; ++i)
        {
            NS_TEST_ASSERT_MSG_EQ(routing->AddUePrefix(pool->GetPrefixByIndex(i), 64, i),
                                  true,
                                  "insert " << i);
        }
        NS_TEST_ASSERT_MSG_EQ(routing->AddUePrefix(pool->GetPrefixByIndex(7), 64, 1),
                              false,
                              "duplicate insert");
        for (uint32_t i = 0; i < 20000; i += 997)
        {
            uint8_t bytes[16];
            pool->GetPrefixByIndex(i).GetBytes(bytes);
            bytes[15] = 0x42;
            bytes[9] = 0x17;
            NS_TEST_ASSERT_MSG_EQ(routing->LookupUeLink(Ipv6Address(bytes)),
                                  int64_t(i),
                                  "lookup " << i);
        }
        NS_TEST_ASSERT_MSG_EQ(routing->LookupUeLink(Ipv6Address("3fff:ff::1")), -1, "outside");
        // A /56 over /64s 0x4e00..0x4eff, of which 0x4e00..0x4e1f (up to index 19999) are
        // routed as /64s: those win, the rest of the /56 goes to the /56's link.
        routing->AddUePrefix(Ipv6Address("3fff:100:0:4e00::"), 56, 99999);
        NS_TEST_ASSERT_MSG_EQ(routing->LookupUeLink(Ipv6Address("3fff:100:0:4e00::1")),
                              int64_t(0x4e00),
                              "the /64 before the /56");
        NS_TEST_ASSERT_MSG_EQ(routing->LookupUeLink(Ipv6Address("3fff:100:0:4e80::1")),
                              int64_t(99999),
                              "the /56");
        NS_TEST_ASSERT_MSG_EQ(routing->RemoveUePrefix(pool->GetPrefixByIndex(0x4e01), 64),
                              true,
                              "remove");
        NS_TEST_ASSERT_MSG_EQ(routing->RemoveUePrefix(pool->GetPrefixByIndex(0x4e01), 64),
                              false,
                              "remove twice");
        NS_TEST_ASSERT_MSG_EQ(routing->LookupUeLink(pool->GetPrefixByIndex(0x4e01)),
                              int64_t(99999),
                              "a removed /64 falls back to the /56");
        NS_TEST_ASSERT_MSG_EQ(routing->LookupUeLink(pool->GetPrefixByIndex(5)), 5, "others stay");
        NS_TEST_ASSERT_MSG_EQ(routing->GetNUePrefixes(), 20000u, "count");
        routing->Dispose();
    }
};

/**
 * \ingroup imssec-tests
 * GGSN suite.
 */
class AccessGgsnTestSuite : public TestSuite
{
  public:
    AccessGgsnTestSuite()
        : TestSuite("imssec-access-ggsn", UNIT)
    {
        AddTestCase(new RaConfiguresUeTestCase, TestCase::QUICK);
        AddTestCase(new PrefixUniquenessTestCase, TestCase::QUICK);
        AddTestCase(new RefusalsTestCase, TestCase::QUICK);
        AddTestCase(new DeactivationReuseTestCase, TestCase::QUICK);
        AddTestCase(new SolicitationTestCase(true), TestCase::QUICK);
        AddTestCase(new SolicitationTestCase(false), TestCase::QUICK);
        AddTestCase(new ForwardingTestCase, TestCase::QUICK);
        AddTestCase(new ShortPrefixTestCase, TestCase::QUICK);
        AddTestCase(new RoutingTableTestCase, TestCase::QUICK);
    }
};

static AccessGgsnTestSuite g_accessGgsnTestSuite; //!< Static suite instance
