/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef GGSN_TUN_DEVICE_H
#define GGSN_TUN_DEVICE_H

#include "ns3/callback.h"
#include "ns3/mac48-address.h"
#include "ns3/net-device.h"
#include "ns3/traced-callback.h"

namespace ns3
{

/**
 * \ingroup imssec
 * \brief The GGSN's one IPv6 interface toward all its UE links.
 *
 * ns-3.37's per-packet code scans every interface of a node (Ipv6L3Protocol::Receive, the
 * source check of Ipv6L3Protocol::SendRealOut) and every protocol handler (Node, traffic
 * control): a GGSN with one IPv6 interface per UE would spend O(N) per packet.  So, as the
 * PGW of ns-3's EPC does with its TUN device, the GGSN's stack sees one interface for all UEs:
 * packets the stack sends on it go to a send callback (GgsnApplication, which picks the UE
 * link from the destination's prefix) and Receive() injects the packets the UEs send.
 * Not a link: no channel, no address resolution, no queue.
 */
class GgsnTunDevice : public NetDevice
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    GgsnTunDevice();
    ~GgsnTunDevice() override;

    /// Called with every IPv6 packet (header included) the stack sends on this device.
    typedef Callback<bool, Ptr<Packet>> SendCallback;

    /**
     * \param callback where the packets sent by the stack go
     */
    void SetSendCallback(SendCallback callback);

    /**
     * \brief Hands a packet received from a UE to the node's stack.
     * \param packet an IPv6 packet, header included
     */
    void Receive(Ptr<Packet> packet);

    /**
     * TracedCallback signature for packets.
     * \param packet the packet
     */
    typedef void (*PacketTracedCallback)(Ptr<const Packet> packet);

    // Inherited from NetDevice
    void SetIfIndex(const uint32_t index) override;
    uint32_t GetIfIndex() const override;
    Ptr<Channel> GetChannel() const override;
    void SetAddress(Address address) override;
    Address GetAddress() const override;
    bool SetMtu(const uint16_t mtu) override;
    uint16_t GetMtu() const override;
    bool IsLinkUp() const override;
    void AddLinkChangeCallback(Callback<void> callback) override;
    bool IsBroadcast() const override;
    Address GetBroadcast() const override;
    bool IsMulticast() const override;
    Address GetMulticast(Ipv4Address multicastGroup) const override;
    Address GetMulticast(Ipv6Address addr) const override;
    bool IsBridge() const override;
    bool IsPointToPoint() const override;
    bool Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber) override;
    bool SendFrom(Ptr<Packet> packet,
                  const Address& source,
                  const Address& dest,
                  uint16_t protocolNumber) override;
    Ptr<Node> GetNode() const override;
    void SetNode(Ptr<Node> node) override;
    bool NeedsArp() const override;
    void SetReceiveCallback(NetDevice::ReceiveCallback cb) override;
    void SetPromiscReceiveCallback(PromiscReceiveCallback cb) override;
    bool SupportsSendFrom() const override;

  protected:
    void DoDispose() override;

  private:
    Ptr<Node> m_node;                              //!< the GGSN node
    uint32_t m_ifIndex;                            //!< device index
    uint16_t m_mtu;                                //!< MTU
    Mac48Address m_address;                        //!< a MAC address (never on a wire)
    SendCallback m_send;                           //!< packets toward the UEs
    NetDevice::ReceiveCallback m_rx;               //!< the node's receive callback
    NetDevice::PromiscReceiveCallback m_promiscRx; //!< promiscuous receive callback
    TracedCallback<Ptr<const Packet>> m_txTrace;   //!< packets toward the UEs
    TracedCallback<Ptr<const Packet>> m_rxTrace;   //!< packets from the UEs
};

} // namespace ns3

#endif /* GGSN_TUN_DEVICE_H */
