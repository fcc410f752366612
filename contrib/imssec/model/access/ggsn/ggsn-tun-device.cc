/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ggsn-tun-device.h"

#include "ns3/channel.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecGgsnTunDevice");

NS_OBJECT_ENSURE_REGISTERED(GgsnTunDevice);

TypeId
GgsnTunDevice::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::GgsnTunDevice")
            .SetParent<NetDevice>()
            .SetGroupName("Imssec")
            .AddConstructor<GgsnTunDevice>()
            .AddAttribute("Mtu",
                          "MTU of the interface toward the UEs (bytes); default 1500.",
                          UintegerValue(1500),
                          MakeUintegerAccessor(&GgsnTunDevice::SetMtu, &GgsnTunDevice::GetMtu),
                          MakeUintegerChecker<uint16_t>(1280))
            .AddTraceSource("Tx",
                            "A packet the stack sends toward a UE.",
                            MakeTraceSourceAccessor(&GgsnTunDevice::m_txTrace),
                            "ns3::GgsnTunDevice::PacketTracedCallback")
            .AddTraceSource("Rx",
                            "A packet from a UE handed to the stack.",
                            MakeTraceSourceAccessor(&GgsnTunDevice::m_rxTrace),
                            "ns3::GgsnTunDevice::PacketTracedCallback");
    return tid;
}

GgsnTunDevice::GgsnTunDevice()
    : m_ifIndex(0),
      m_mtu(1500),
      m_address(Mac48Address::Allocate())
{
    NS_LOG_FUNCTION(this);
}

GgsnTunDevice::~GgsnTunDevice()
{
    NS_LOG_FUNCTION(this);
}

void
GgsnTunDevice::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_node = nullptr;
    m_send = MakeNullCallback<bool, Ptr<Packet>>();
    m_rx = MakeNullCallback<bool, Ptr<NetDevice>, Ptr<const Packet>, uint16_t, const Address&>();
    NetDevice::DoDispose();
}

void
GgsnTunDevice::SetSendCallback(SendCallback callback)
{
    m_send = callback;
}

void
GgsnTunDevice::Receive(Ptr<Packet> packet)
{
    NS_LOG_FUNCTION(this << packet);
    m_rxTrace(packet);
    if (!m_promiscRx.IsNull())
    {
        m_promiscRx(this,
                    packet,
                    Ipv6L3Protocol::PROT_NUMBER,
                    m_address,
                    m_address,
                    NetDevice::PACKET_HOST);
    }
    m_rx(this, packet, Ipv6L3Protocol::PROT_NUMBER, m_address);
}

bool
GgsnTunDevice::Send(Ptr<Packet> packet, const Address& /* dest */, uint16_t protocolNumber)
{
    NS_LOG_FUNCTION(this << packet << protocolNumber);
    if (protocolNumber != Ipv6L3Protocol::PROT_NUMBER || m_send.IsNull())
    {
        return false;
    }
    m_txTrace(packet);
    return m_send(packet);
}

bool
GgsnTunDevice::SendFrom(Ptr<Packet> packet,
                        const Address& /* source */,
                        const Address& dest,
                        uint16_t protocolNumber)
{
    return Send(packet, dest, protocolNumber);
}

void
GgsnTunDevice::SetIfIndex(const uint32_t index)
{
    m_ifIndex = index;
}

uint32_t
GgsnTunDevice::GetIfIndex() const
{
    return m_ifIndex;
}

Ptr<Channel>
GgsnTunDevice::GetChannel() const
{
    return nullptr;
}

void
GgsnTunDevice::SetAddress(Address address)
{
    m_address = Mac48Address::ConvertFrom(address);
}

Address
GgsnTunDevice::GetAddress() const
{
    return m_address;
}

bool
GgsnTunDevice::SetMtu(const uint16_t mtu)
{
    m_mtu = mtu;
    return true;
}

uint16_t
GgsnTunDevice::GetMtu() const
{
    return m_mtu;
}

bool
GgsnTunDevice::IsLinkUp() const
{
    return true;
}

void
GgsnTunDevice::AddLinkChangeCallback(Callback<void> /* callback */)
{
}

bool
GgsnTunDevice::IsBroadcast() const
{
    return true;
}

Address
GgsnTunDevice::GetBroadcast() const
{
    return Mac48Address::GetBroadcast();
}

bool
GgsnTunDevice::IsMulticast() const
{
    return true;
}

Address
GgsnTunDevice::GetMulticast(Ipv4Address multicastGroup) const
{
    return Mac48Address::GetMulticast(multicastGroup);
}

Address
GgsnTunDevice::GetMulticast(Ipv6Address addr) const
{
    return Mac48Address::GetMulticast(addr);
}

bool
GgsnTunDevice::IsBridge() const
{
    return false;
}

bool
GgsnTunDevice::IsPointToPoint() const
{
    return false;
}

Ptr<Node>
GgsnTunDevice::GetNode() const
{
    return m_node;
}

void
GgsnTunDevice::SetNode(Ptr<Node> node)
{
    m_node = node;
}

bool
GgsnTunDevice::NeedsArp() const
{
    return false;
}

void
GgsnTunDevice::SetReceiveCallback(NetDevice::ReceiveCallback cb)
{
    m_rx = cb;
}

void
GgsnTunDevice::SetPromiscReceiveCallback(PromiscReceiveCallback cb)
{
    m_promiscRx = cb;
}

bool
GgsnTunDevice::SupportsSendFrom() const
{
    return false;
}

} // namespace ns3
