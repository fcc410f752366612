/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef SIP_PACKET_HEADER_H
#define SIP_PACKET_HEADER_H

#include "sip-message.h"
#include "sip-parse-error.h"

#include "ns3/header.h"
#include "ns3/packet.h"
#include "ns3/ptr.h"

namespace ns3
{

/**
 * \ingroup imssec
 * \brief A whole SIP message as an ns-3 Header, for nodes that prefer
 * Packet::AddHeader / RemoveHeader.  The message is the entire packet payload (a UDP
 * datagram), so Deserialize reads every remaining byte.
 *
 * Serialize writes SipMessage::Encode(); Deserialize parses with SipParser and keeps the
 * error when the bytes are not a message (IsValid() false), never aborting on bad input.
 */
class SipPacketHeader : public Header
{
  public:
    /**
     * \brief Get the type ID.
     * \returns the object TypeId
     */
    static TypeId GetTypeId();

    SipPacketHeader();

    /**
     * \param message the message to carry
     */
    explicit SipPacketHeader(const SipMessage& message);

    TypeId GetInstanceTypeId() const override;
    uint32_t GetSerializedSize() const override;
    void Serialize(Buffer::Iterator start) const override;
    uint32_t Deserialize(Buffer::Iterator start) override;
    void Print(std::ostream& os) const override;

    /**
     * \param message the message to carry
     */
    void SetMessage(const SipMessage& message);

    /**
     * \returns the message (empty when the last Deserialize failed)
     */
    const SipMessage& GetMessage() const
    {
        return m_message;
    }

    /**
     * \returns false when the last Deserialize did not find a message
     */
    bool IsValid() const
    {
        return !m_error.IsError();
    }

    /**
     * \returns the error of the last Deserialize (code NONE on success)
     */
    const SipParseError& GetError() const
    {
        return m_error;
    }

    /**
     * \param message a message
     * \returns a packet whose payload is the encoded message
     */
    static Ptr<Packet> CreatePacket(const SipMessage& message);

    /**
     * \param packet a packet whose payload is a SIP message (not changed)
     * \param out receives the message
     * \param error receives the error (may be nullptr)
     * \returns true when the payload is a message
     */
    static bool ParsePacket(Ptr<const Packet> packet, SipMessage* out, SipParseError* error);

  private:
    SipMessage m_message;  ///< carried message
    std::string m_encoded; ///< its canonical bytes
    SipParseError m_error; ///< error of the last Deserialize
};

} // namespace ns3

#endif /* SIP_PACKET_HEADER_H */
