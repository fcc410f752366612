/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-esp-extension.h"

#include "esp-header.h"
#include "ipsec-stack.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecIpsecEspExtension");

NS_OBJECT_ENSURE_REGISTERED(IpsecEspExtension);

TypeId
IpsecEspExtension::GetTypeId()
{
    static TypeId tid = TypeId("ns3::IpsecEspExtension")
                            .SetParent<Ipv6Extension>()
                            .SetGroupName("Imssec")
                            .AddConstructor<IpsecEspExtension>();
    return tid;
}

IpsecEspExtension::IpsecEspExtension()
{
    NS_LOG_FUNCTION(this);
}

IpsecEspExtension::~IpsecEspExtension()
{
    NS_LOG_FUNCTION(this);
}

void
IpsecEspExtension::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_stack = nullptr;
    Ipv6Extension::DoDispose();
}

void
IpsecEspExtension::SetStack(Ptr<IpsecStack> stack)
{
    NS_LOG_FUNCTION(this << stack);
    m_stack = stack;
}

uint8_t
IpsecEspExtension::GetExtensionNumber() const
{
    return EXT_NUMBER;
}

uint8_t
IpsecEspExtension::Process(Ptr<Packet>& packet,
                           uint8_t offset,
                           const Ipv6Header& ipv6Header,
                           Ipv6Address dst,
                           uint8_t* nextHeader,
                           bool& stopProcessing,
                           bool& isDropped,
                           Ipv6L3Protocol::DropReason& /* dropReason */)
{
    NS_LOG_FUNCTION(this << packet << +offset << ipv6Header << dst);
    uint8_t next = 0;
    if (!m_stack || !m_stack->ProcessInbound(packet, offset, ipv6Header, next))
    {
        // Refused: counted by IpsecStack.  LocalDeliver returns without touching the packet.
        stopProcessing = true;
        isDropped = false;
        return EspHeader::SIZE;
    }
    *nextHeader = next;
    stopProcessing = false;
    isDropped = false;
    return EspHeader::SIZE;
}

} // namespace ns3
