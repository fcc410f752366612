/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// A GGSN, a few UEs and one core node.  The UEs attach (PDP context activation), learn their
// /64 from the GGSN's Router Advertisement and rotate RFC 3041 temporary addresses; the
// program prints every address event over a few simulated days, and every hour the core
// node sends one UDP datagram to each UE's current address through the GGSN.
//
//   ./build/bin/access-rotation-example --ues=3 --days=3 --rotation=8h --preset=rfc3041
#include "ns3/core-module.h"
#include "ns3/imssec-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"

#include <iomanip>
#include <iostream>
#include <sstream>

using namespace ns3;

namespace
{

/**
 * \param t a simulation time
 * \returns "day D hh:mm:ss"
 */
std::string
Clock(Time t)
{
    int64_t s = static_cast<int64_t>(t.GetSeconds());
    std::ostringstream os;
    os << "day " << s / 86400 << " " << std::setfill('0') << std::setw(2) << (s % 86400) / 3600
       << ":" << std::setw(2) << (s % 3600) / 60 << ":" << std::setw(2) << s % 60;
    return os.str();
}

/**
 * \brief Prints an address event of a UE.
 * \param what the event
 * \param ue the UE number
 * \param address the address
 * \param time the time of the event
 */
void
AddressEvent(std::string what, uint32_t ue, Ipv6Address address, Time time)
{
    std::cout << Clock(time) << "  UE " << ue << "  " << std::setw(12) << std::left << what
              << std::right << " " << address << std::endl;
}

uint32_t g_received = 0; //!< datagrams received by the UEs
uint32_t g_sent = 0;     //!< datagrams sent by the core node

/**
 * \brief Counts datagrams arriving at a UE.
 * \param socket the UE's socket
 */
void
Receive(Ptr<Socket> socket)
{
    while (socket->Recv())
    {
        ++g_received;
    }
}

/**
 * \brief Sends one datagram from the core node to each UE's current address, every hour.
 * \param socket the core node's socket
 * \param ues the UEs
 */
void
SendProbes(Ptr<Socket> socket, NodeContainer ues)
{
    for (uint32_t i = 0; i < ues.GetN(); ++i)
    {
        Ipv6Address current =
            ImsAccessHelper::GetTemporaryAddressManager(ues.Get(i))->GetCurrentAddress();
        if (!current.IsAny())
        {
            socket->SendTo(Create<Packet>(100), 0, Inet6SocketAddress(current, 5060));
            ++g_sent;
        }
    }
    Simulator::Schedule(Hours(1), &SendProbes, socket, ues);
}

} // namespace

int
main(int argc, char* argv[])
{
    uint32_t nUes = 3;
    double days = 3;
    Time rotation = Hours(8);
    std::string preset = "rfc3041";
    CommandLine cmd(__FILE__);
    cmd.AddValue("ues", "number of UEs", nUes);
    cmd.AddValue("days", "simulated days", days);
    cmd.AddValue("rotation", "TEMP_PREFERRED_LIFETIME, the rotation interval", rotation);
    cmd.AddValue("preset", "rfc3041, rfc4941 or rfc8981 constants", preset);
    cmd.Parse(argc, argv);

    NodeContainer ues;
    ues.Create(nUes);
    Ptr<Node> ggsn = CreateObject<Node>();
    Ptr<Node> pcscf = CreateObject<Node>();

    ImsAccessHelper access;
    access.SetUeDeviceAttribute("DataRate", StringValue("10Mbps"));
    access.SetUeChannelAttribute("Delay", StringValue("20ms"));
    TemporaryAddressManagerHelper& temporary = access.GetTemporaryAddressHelper();
    temporary.SetPreset(preset == "rfc8981"   ? TemporaryAddressManager::RFC_8981
                        : preset == "rfc4941" ? TemporaryAddressManager::RFC_4941
                                              : TemporaryAddressManager::RFC_3041);
    temporary.SetRotationInterval(rotation);
    access.Install(ggsn, ues);
    Ipv6Address pcscfAddress = access.AttachCoreNode(pcscf);
    access.ActivatePdpContexts(ues, Seconds(2), Seconds(1));
    access.AssignStreams(ues, 1);

    std::cout << "GGSN pool " << access.GetGgsn()->GetPrefixPool()->GetBasePrefix() << "/"
              << unsigned(access.GetGgsn()->GetPrefixPool()->GetBasePrefixLength())
              << ", core node at " << pcscfAddress << ", rotation " << rotation.As(Time::H)
              << std::endl;
    for (uint32_t i = 0; i < nUes; ++i)
    {
        Ptr<TemporaryAddressManager> m = ImsAccessHelper::GetTemporaryAddressManager(ues.Get(i));
        m->TraceConnectWithoutContext("PublicAddressConfigured",
                                      MakeBoundCallback(&AddressEvent, std::string("public"), i));
        m->TraceConnectWithoutContext(
            "TemporaryAddressGenerated",
            MakeBoundCallback(&AddressEvent, std::string("preferred"), i));
        m->TraceConnectWithoutContext(
            "TemporaryAddressDeprecated",
            MakeBoundCallback(&AddressEvent, std::string("deprecated"), i));
        m->TraceConnectWithoutContext(
            "TemporaryAddressInvalidated",
            MakeBoundCallback(&AddressEvent, std::string("invalidated"), i));
        // The UE listens on every address (bound to ::), as a SIP UA's server port does.
        Ptr<Socket> sink = Socket::CreateSocket(ues.Get(i), UdpSocketFactory::GetTypeId());
        sink->Bind(Inet6SocketAddress(Ipv6Address::GetAny(), 5060));
        sink->SetRecvCallback(MakeCallback(&Receive));
    }
    Ptr<Socket> source = Socket::CreateSocket(pcscf, UdpSocketFactory::GetTypeId());
    source->Bind(Inet6SocketAddress(pcscfAddress, 0));
    Simulator::Schedule(Minutes(1), &SendProbes, source, ues);

    Simulator::Stop(Days(days));
    Simulator::Run();

    std::cout << "\nafter " << days << " days:" << std::endl;
    for (uint32_t i = 0; i < nUes; ++i)
    {
        Ptr<TemporaryAddressManager> m = ImsAccessHelper::GetTemporaryAddressManager(ues.Get(i));
        std::cout << "  UE " << i << ": prefix " << m->GetPrefix() << "/"
                  << unsigned(m->GetPrefixLength()) << ", DESYNC_FACTOR "
                  << m->GetDesyncFactor().As(Time::S) << ", " << m->GetNGenerated()
                  << " temporary addresses, current " << m->GetCurrentAddress() << std::endl;
    }
    Ptr<GgsnApplication> app = access.GetGgsn();
    std::cout << "  GGSN: " << app->GetNActiveContexts() << " contexts, "
              << app->GetNRouterSolicitations() << " RS received, "
              << app->GetNRouterAdvertisements() << " RA sent; " << g_received << " of " << g_sent
              << " probes reached the UEs" << std::endl;
    Simulator::Destroy();
    return g_received == g_sent ? 0 : 1;
}
