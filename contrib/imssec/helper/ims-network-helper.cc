/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ims-network-helper.h"

#include "ns3/error-model.h"
#include "ns3/ggsn-application.h"
#include "ns3/hss.h"
#include "ns3/ims-ue-client.h"
#include "ns3/ims-ue-helper.h"
#include "ns3/ipsec-helper.h"
#include "ns3/log.h"
#include "ns3/pcscf-helper.h"
#include "ns3/pcscf.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/pointer.h"
#include "ns3/remote-party-helper.h"
#include "ns3/remote-party.h"
#include "ns3/scscf-helper.h"
#include "ns3/scscf.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecImsNetworkHelper");

Ptr<ImsUeClient>
ImsNetwork::GetUeClient(uint32_t i) const
{
    return DynamicCast<ImsUeClient>(ueClients.Get(i));
}

ImsNetworkHelper::ImsNetworkHelper()
    : m_coreRate("1Gbps"),
      m_coreDelay(MilliSeconds(5)),
      m_coreLoss(0),
      m_attachStart(Seconds(1)),
      m_attachSpacing(MilliSeconds(10)),
      m_domain("ims.example")
{
}

void
ImsNetworkHelper::SetUeAttribute(const std::string& name, const AttributeValue& value)
{
    m_ue.emplace_back(name, value.Copy());
}

void
ImsNetworkHelper::SetTemporaryAddressAttribute(const std::string& name, const AttributeValue& value)
{
    m_access.GetTemporaryAddressHelper().SetAttribute(name, value);
}

void
ImsNetworkHelper::SetPrivacyPreset(TemporaryAddressManager::Preset preset)
{
    m_access.GetTemporaryAddressHelper().SetPreset(preset);
}

void
ImsNetworkHelper::SetRotationInterval(Time interval)
{
    m_access.GetTemporaryAddressHelper().SetRotationInterval(interval);
}

void
ImsNetworkHelper::SetPcscfAttribute(const std::string& name, const AttributeValue& value)
{
    m_pcscf.emplace_back(name, value.Copy());
}

void
ImsNetworkHelper::SetScscfAttribute(const std::string& name, const AttributeValue& value)
{
    m_scscf.emplace_back(name, value.Copy());
}

void
ImsNetworkHelper::SetRemotePartyAttribute(const std::string& name, const AttributeValue& value)
{
    m_remote.emplace_back(name, value.Copy());
}

void
ImsNetworkHelper::SetIpsecAttribute(const std::string& name, const AttributeValue& value)
{
    m_ipsec.emplace_back(name, value.Copy());
}

void
ImsNetworkHelper::SetAccessLink(const std::string& rate, Time delay, double loss)
{
    m_access.SetUeDeviceAttribute("DataRate", StringValue(rate));
    m_access.SetUeChannelAttribute("Delay", TimeValue(delay));
    m_access.SetUeLinkLoss(loss);
}

void
ImsNetworkHelper::SetCoreLink(const std::string& rate, Time delay, double loss)
{
    m_coreRate = rate;
    m_coreDelay = delay;
    m_coreLoss = loss;
}

void
ImsNetworkHelper::SetAttach(Time first, Time spacing)
{
    m_attachStart = first;
    m_attachSpacing = spacing;
}

void
ImsNetworkHelper::SetHomeDomain(const std::string& domain)
{
    m_domain = domain;
}

ImsAccessHelper&
ImsNetworkHelper::GetAccessHelper()
{
    return m_access;
}

ImsNetwork
ImsNetworkHelper::Install(uint32_t nUes)
{
    NS_LOG_FUNCTION(this << nUes);
    NS_ABORT_MSG_IF(nUes == 0, "ImsNetworkHelper::Install needs at least one UE");
    ImsNetwork net;
    net.ues.Create(nUes);
    net.ggsn = CreateObject<Node>();
    net.pcscf = CreateObject<Node>();
    net.scscf = CreateObject<Node>();
    net.remote = CreateObject<Node>();

    // Access: GGSN, UE links, temporary address managers; core nodes on their own links.
    m_access.SetCoreDeviceAttribute("DataRate", StringValue(m_coreRate));
    m_access.SetCoreChannelAttribute("Delay", TimeValue(m_coreDelay));
    net.ggsnApp = m_access.Install(net.ggsn, net.ues);
    Ptr<RateErrorModel> coreLoss;
    if (m_coreLoss > 0)
    {
        coreLoss = CreateObject<RateErrorModel>();
        coreLoss->SetAttribute("ErrorUnit", StringValue("ERROR_UNIT_PACKET"));
        coreLoss->SetAttribute("ErrorRate", DoubleValue(m_coreLoss));
    }
    Ipv6Address* addresses[] = {&net.pcscfAddress, &net.scscfAddress, &net.remoteAddress};
    Ptr<Node> cores[] = {net.pcscf, net.scscf, net.remote};
    for (int i = 0; i < 3; ++i)
    {
        *addresses[i] = m_access.AttachCoreNode(cores[i]);
        if (coreLoss)
        {
            // The link just made is the last device of both ends.
            cores[i]
                ->GetDevice(cores[i]->GetNDevices() - 1)
                ->SetAttribute("ReceiveErrorModel", PointerValue(coreLoss));
            net.ggsn->GetDevice(net.ggsn->GetNDevices() - 1)
                ->SetAttribute("ReceiveErrorModel", PointerValue(coreLoss));
        }
    }

    // IPsec on the UEs and the P-CSCF, with the requested attributes.
    IpsecHelper ipsec;
    for (const auto& [name, value] : m_ipsec)
    {
        ipsec.SetStackAttribute(name, *value);
    }
    ipsec.Install(net.ues);
    ipsec.Install(net.pcscf);

    // S-CSCF with the HSS provisioned for ue1..ueN; the remote party is a known peer.
    std::string remoteUri = "sip:remote@" + m_domain;
    ScscfHelper scscf;
    scscf.SetHomeDomain(m_domain);
    scscf.SetNumberOfSubscribers(nUes);
    scscf.SetAttribute("RemotePartyAddress", Ipv6AddressValue(net.remoteAddress));
    scscf.AddPeer(remoteUri, net.remoteAddress);
    for (const auto& [name, value] : m_scscf)
    {
        scscf.SetAttribute(name, *value);
    }
    net.scscfApp = DynamicCast<Scscf>(scscf.Install(net.scscf).Get(0));
    net.hss = scscf.GetHss();

    PcscfHelper pcscf(net.scscfAddress);
    if (uint8_t allocated = net.ggsnApp->GetAllocatedPrefixLength())
    {
        // What a real P-CSCF learns from its operator's configuration (or over Rx): the
        // prefix each UE owns, so addr-pref-length never widens an SA beyond it.
        pcscf.SetAttribute("AllocatedPrefixLength", UintegerValue(allocated));
    }
    for (const auto& [name, value] : m_pcscf)
    {
        pcscf.SetAttribute(name, *value);
    }
    net.pcscfApp = DynamicCast<Pcscf>(pcscf.Install(net.pcscf).Get(0));

    ImsUeHelper ue(net.pcscfAddress);
    ue.SetHomeDomain(m_domain);
    ue.SetHss(net.hss, false);
    ue.SetAttribute("RemoteUri", StringValue(remoteUri));
    for (const auto& [name, value] : m_ue)
    {
        ue.SetAttribute(name, *value);
    }
    net.ueClients = ue.Install(net.ues);

    RemotePartyHelper remote(net.scscfAddress);
    remote.SetAttribute("Uri", StringValue(remoteUri));
    remote.SetTargetUes(nUes, m_domain);
    for (const auto& [name, value] : m_remote)
    {
        remote.SetAttribute(name, *value);
    }
    net.remoteApp = DynamicCast<RemoteParty>(remote.Install(net.remote).Get(0));

    m_access.ActivatePdpContexts(net.ues, m_attachStart, m_attachSpacing);
    return net;
}

int64_t
ImsNetworkHelper::AssignStreams(const ImsNetwork& network, int64_t stream)
{
    int64_t current = stream;
    current += m_access.AssignStreams(network.ues, current);
    current += ImsUeHelper::AssignStreams(network.ues, current);
    current += network.hss->AssignStreams(current);
    current += network.remoteApp->AssignStreams(current);
    ApplicationContainer pcscfApps(network.pcscfApp);
    current += PcscfHelper::AssignStreams(pcscfApps, current);
    // Last, so that the streams above kept their indices when these were added.
    current += ImsUeHelper::AssignSecurityStreams(network.ues, current);
    return current - stream;
}

void
ImsNetworkHelper::EnablePcap(const std::string& prefix, const ImsNetwork& network, uint32_t maxUes)
{
    PointToPointHelper p2p;
    for (uint32_t i = 0; i < network.ues.GetN() && i < maxUes; ++i)
    {
        // Device 0 is the loopback; 1 is the UE's link to the GGSN.
        p2p.EnablePcap(prefix + "-ue" + std::to_string(i + 1) + ".pcap",
                       network.ues.Get(i)->GetDevice(1),
                       false,
                       true);
    }
    p2p.EnablePcap(prefix + "-pcscf.pcap",
                   network.pcscf->GetDevice(network.pcscf->GetNDevices() - 1),
                   false,
                   true);
}

} // namespace ns3
