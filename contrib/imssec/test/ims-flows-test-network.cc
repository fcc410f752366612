/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ims-flows-test-network.h"

#include "ns3/channel.h"
#include "ns3/hss.h"
#include "ns3/ims-ue-client.h"
#include "ns3/ipsec-stack.h"
#include "ns3/net-device.h"
#include "ns3/node.h"
#include "ns3/pcscf.h"
#include "ns3/remote-party.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/scscf.h"
#include "ns3/simulator.h"
#include "ns3/temporary-address-manager.h"

namespace ns3
{
namespace tests
{

namespace
{

/**
 * \param device a point-to-point device
 * \returns the device at the other end of its channel
 */
Ptr<NetDevice>
Peer(Ptr<NetDevice> device)
{
    Ptr<Channel> channel = device->GetChannel();
    for (std::size_t i = 0; i < channel->GetNDevices(); ++i)
    {
        if (channel->GetDevice(i) != device)
        {
            return channel->GetDevice(i);
        }
    }
    return nullptr;
}

} // namespace

FlowsTestNetwork::FlowsTestNetwork(uint32_t nUes, const Configure& configure, uint64_t run)
{
    RngSeedManager::SetSeed(1);
    RngSeedManager::SetRun(run);
    ImsNetworkHelper helper;
    if (configure)
    {
        configure(helper);
    }
    net = helper.Install(nUes);
    helper.AssignStreams(net, 1);

    // Access link of UE 1: device 1 of the UE (0 is the loopback), its peer on the GGSN.
    Ptr<NetDevice> ueDevice = net.ues.Get(0)->GetDevice(1);
    Tap(ueDevice, &access, true);
    Tap(Peer(ueDevice), &access, false);
    // Core link of the P-CSCF: its last device, and the GGSN's end.
    Ptr<NetDevice> pcscfDevice = net.pcscf->GetDevice(net.pcscf->GetNDevices() - 1);
    Tap(pcscfDevice, &core, false);
    Tap(Peer(pcscfDevice), &core, true);

    net.pcscfApp->TraceConnectWithoutContext("SaSetCreated",
                                             MakeCallback(+[](std::vector<SaEvent>* v,
                                                              const std::string& impi,
                                                              uint32_t handle,
                                                              const IpsecSaSetParameters& p) {
                                                 SaEvent e;
                                                 e.time = Simulator::Now();
                                                 e.created = true;
                                                 e.impi = impi;
                                                 e.handle = handle;
                                                 e.p = p;
                                                 v->push_back(e);
                                             }).Bind(&saEvents));
    net.pcscfApp->TraceConnectWithoutContext("SaSetDeleted",
                                             MakeCallback(+[](std::vector<SaEvent>* v,
                                                              const std::string& impi,
                                                              uint32_t handle,
                                                              PcscfSaSetEnd w) {
                                                 SaEvent e;
                                                 e.time = Simulator::Now();
                                                 e.impi = impi;
                                                 e.handle = handle;
                                                 e.why = w;
                                                 v->push_back(e);
                                             }).Bind(&saEvents));
    RecordGenerated(net.ues.Get(0)->GetObject<TemporaryAddressManager>(), &generated);
}

FlowsTestNetwork::~FlowsTestNetwork()
{
    Simulator::Destroy();
}

std::vector<WirePacket>
FlowsTestNetwork::Sip(const std::vector<WirePacket>& link, Time from, Time to)
{
    std::vector<WirePacket> out;
    for (const WirePacket& w : link)
    {
        if (w.isSip && w.time >= from && w.time < to)
        {
            out.push_back(w);
        }
    }
    return out;
}

std::vector<WirePacket>
FlowsTestNetwork::ScscfSide() const
{
    std::vector<WirePacket> out;
    for (WirePacket w : core)
    {
        if (w.isSip && (w.source == net.scscfAddress || w.destination == net.scscfAddress))
        {
            w.fromUe = w.destination == net.scscfAddress;
            out.push_back(w);
        }
    }
    return out;
}

Ptr<ImsUeClient>
FlowsTestNetwork::Ue(uint32_t i) const
{
    return net.GetUeClient(i);
}

Ptr<IpsecStack>
FlowsTestNetwork::UeIpsec(uint32_t i) const
{
    return net.ues.Get(i)->GetObject<IpsecStack>();
}

Ptr<IpsecStack>
FlowsTestNetwork::PcscfIpsec() const
{
    return net.pcscf->GetObject<IpsecStack>();
}

std::pair<uint32_t, uint32_t>
FlowsTestNetwork::PcscfSets() const
{
    const PcscfRegistration* r = net.pcscfApp->GetRegistrationTable().Find("ue1@ims.example");
    if (!r)
    {
        return {0, 0};
    }
    return {r->currentSet, r->pendingSet};
}

uint32_t
FlowsTestNetwork::CountSaEvents(bool created, Time from) const
{
    uint32_t n = 0;
    for (const SaEvent& e : saEvents)
    {
        n += (e.created == created && e.time >= from) ? 1 : 0;
    }
    return n;
}

void
FlowsTestNetwork::DropUpstream(ImsTestDropModel::Rule rule)
{
    DropOnReceive(Peer(net.ues.Get(0)->GetDevice(1)), rule);
}

uint16_t
FlowsContactPort(const SipMessage& message)
{
    std::vector<SipNameAddr> c = message.GetContacts();
    return c.empty() ? 0 : c[0].GetUri().GetPort().value_or(0);
}

Ipv6Address
FlowsContactAddress(const SipMessage& message)
{
    std::vector<SipNameAddr> c = message.GetContacts();
    if (c.empty())
    {
        return Ipv6Address::GetAny();
    }
    return Ipv6Address(c[0].GetUri().GetHostAddress().c_str());
}

void
FlowsFastRotation(ImsNetworkHelper& helper)
{
    helper.SetTemporaryAddressAttribute("TempPreferredLifetime", TimeValue(Seconds(300)));
    helper.SetTemporaryAddressAttribute("TempValidLifetime", TimeValue(Seconds(900)));
    helper.SetTemporaryAddressAttribute("MaxDesyncFactor", TimeValue(Seconds(0)));
}

} // namespace tests
} // namespace ns3
