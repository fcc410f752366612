/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "sip-packet-header.h"

#include "sip-parser.h"

#include "ns3/log.h"

#include <vector>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecSipPacketHeader");

NS_OBJECT_ENSURE_REGISTERED(SipPacketHeader);

TypeId
SipPacketHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::SipPacketHeader")
                            .SetParent<Header>()
                            .SetGroupName("Imssec")
                            .AddConstructor<SipPacketHeader>();
    return tid;
}

SipPacketHeader::SipPacketHeader()
{
    NS_LOG_FUNCTION(this);
    // no message yet: nothing to serialize until SetMessage or Deserialize
}

SipPacketHeader::SipPacketHeader(const SipMessage& message)
{
    NS_LOG_FUNCTION(this);
    SetMessage(message);
}

TypeId
SipPacketHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

void
SipPacketHeader::SetMessage(const SipMessage& message)
{
    NS_LOG_FUNCTION(this);
    m_message = message;
    m_message.EncodeTo(&m_encoded);
    m_error = SipParseError();
}

uint32_t
SipPacketHeader::GetSerializedSize() const
{
    return static_cast<uint32_t>(m_encoded.size());
}

void
SipPacketHeader::Serialize(Buffer::Iterator start) const
{
    NS_LOG_FUNCTION(this);
    start.Write(reinterpret_cast<const uint8_t*>(m_encoded.data()),
                static_cast<uint32_t>(m_encoded.size()));
}

uint32_t
SipPacketHeader::Deserialize(Buffer::Iterator start)
{
    NS_LOG_FUNCTION(this);
    uint32_t size = start.GetRemainingSize();
    std::vector<uint8_t> bytes(size);
    start.Read(bytes.data(), size);
    if (SipParser::Parse(bytes.data(), size, &m_message, &m_error))
    {
        m_message.EncodeTo(&m_encoded);
    }
    else
    {
        NS_LOG_WARN("not a SIP message: " << m_error.ToString());
        m_message = SipMessage();
        m_encoded.clear();
    }
    return size;
}

void
SipPacketHeader::Print(std::ostream& os) const
{
    if (!IsValid())
    {
        os << "SIP (invalid: " << m_error.ToString() << ")";
    }
    else if (m_message.IsRequest())
    {
        os << "SIP " << m_message.GetMethod() << " " << m_message.GetRequestUri();
    }
    else
    {
        os << "SIP " << m_message.GetStatusCode() << " " << m_message.GetReasonPhrase();
    }
}

Ptr<Packet>
SipPacketHeader::CreatePacket(const SipMessage& message)
{
    std::string bytes = message.Encode();
    return Create<Packet>(reinterpret_cast<const uint8_t*>(bytes.data()),
                          static_cast<uint32_t>(bytes.size()));
}

bool
SipPacketHeader::ParsePacket(Ptr<const Packet> packet, SipMessage* out, SipParseError* error)
{
    std::vector<uint8_t> bytes(packet->GetSize());
    packet->CopyData(bytes.data(), static_cast<uint32_t>(bytes.size()));
    return SipParser::Parse(bytes.data(), bytes.size(), out, error);
}

} // namespace ns3
