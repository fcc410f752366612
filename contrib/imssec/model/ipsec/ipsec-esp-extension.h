/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_ESP_EXTENSION_H
#define IPSEC_ESP_EXTENSION_H

#include "ns3/ipv6-extension.h"

namespace ns3
{

class IpsecStack;

/**
 * \ingroup imssec
 * \brief Inbound ESP in ns-3's IPv6 stack: the extension for next header 50.
 *
 * ns-3.37 registers no extension for ESP (its Ipv6ExtensionESP is a stub that is never
 * inserted).  IpsecStack inserts this one into the node's Ipv6ExtensionDemux, so
 * Ipv6L3Protocol::LocalDeliver calls Process() for every ESP packet addressed to the node.
 * Process() hands the packet to IpsecStack::ProcessInbound(); when it is accepted, the
 * trailer and ICV have been trimmed, the returned 8 bytes (the ESP header) are removed by
 * LocalDeliver, and the payload goes to the protocol in the ESP next-header field (UDP).
 * A refused packet stops there (it is counted by IpsecStack, not by Ipv6L3Protocol's Drop
 * trace).
 */
class IpsecEspExtension : public Ipv6Extension
{
  public:
    static constexpr uint8_t EXT_NUMBER = 50; //!< ESP

    /**
     * \brief Get the type ID.
     * \returns the object TypeId
     */
    static TypeId GetTypeId();

    IpsecEspExtension();
    ~IpsecEspExtension() override;

    /**
     * \param stack the IPsec layer that checks the packets
     */
    void SetStack(Ptr<IpsecStack> stack);

    uint8_t GetExtensionNumber() const override;

    uint8_t Process(Ptr<Packet>& packet,
                    uint8_t offset,
                    const Ipv6Header& ipv6Header,
                    Ipv6Address dst,
                    uint8_t* nextHeader,
                    bool& stopProcessing,
                    bool& isDropped,
                    Ipv6L3Protocol::DropReason& dropReason) override;

  protected:
    void DoDispose() override;

  private:
    Ptr<IpsecStack> m_stack; //!< the IPsec layer
};

} // namespace ns3

#endif /* IPSEC_ESP_EXTENSION_H */
