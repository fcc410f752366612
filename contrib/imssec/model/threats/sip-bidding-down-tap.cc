/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "sip-bidding-down-tap.h"

#include "ns3/enum.h"
#include "ns3/ipv6-header.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/ppp-header.h"
#include "ns3/security-mechanism.h"
#include "ns3/sip-message.h"
#include "ns3/sip-parser.h"
#include "ns3/string.h"
#include "ns3/udp-header.h"

#include <vector>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecSipBiddingDownTap");

NS_OBJECT_ENSURE_REGISTERED(SipBiddingDownTap);

TypeId
SipBiddingDownTap::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::SipBiddingDownTap")
            .SetParent<ErrorModel>()
            .SetGroupName("Imssec")
            .AddConstructor<SipBiddingDownTap>()
            .AddAttribute("Variant",
                          "Which sec-agree list is rewritten: server (Security-Server in "
                          "responses) or client (Security-Client in REGISTER); default server",
                          EnumValue(SERVER),
                          MakeEnumAccessor(&SipBiddingDownTap::m_variant),
                          MakeEnumChecker(SERVER, "server", CLIENT, "client"))
            .AddAttribute("StrongAlgorithm",
                          "The alg value removed from the list (default hmac-sha-1-96)",
                          StringValue("hmac-sha-1-96"),
                          MakeStringAccessor(&SipBiddingDownTap::m_strong),
                          MakeStringChecker())
            .AddAttribute("WeakAlgorithm",
                          "The alg value left or substituted (default hmac-md5-96)",
                          StringValue("hmac-md5-96"),
                          MakeStringAccessor(&SipBiddingDownTap::m_weak),
                          MakeStringChecker())
            .AddTraceSource("Tampered",
                            "A SIP message was rewritten (source, text before, text after)",
                            MakeTraceSourceAccessor(&SipBiddingDownTap::m_tamperedTrace),
                            "ns3::SipBiddingDownTap::TamperedTracedCallback");
    return tid;
}

SipBiddingDownTap::SipBiddingDownTap()
    : m_variant(SERVER),
      m_attempts(0),
      m_seen(0)
{
    NS_LOG_FUNCTION(this);
}

SipBiddingDownTap::~SipBiddingDownTap()
{
    NS_LOG_FUNCTION(this);
}

void
SipBiddingDownTap::SetNext(Ptr<ErrorModel> next)
{
    NS_LOG_FUNCTION(this << next);
    m_next = next;
}

uint64_t
SipBiddingDownTap::GetAttempts() const
{
    return m_attempts;
}

uint64_t
SipBiddingDownTap::GetSeen() const
{
    return m_seen;
}

void
SipBiddingDownTap::DoReset()
{
    NS_LOG_FUNCTION(this);
}

bool
SipBiddingDownTap::Rewrite(const std::string& text, std::string* out)
{
    NS_LOG_FUNCTION(this);
    SipParseResult parsed = SipParser::Parse(text);
    if (!parsed.IsOk())
    {
        return false;
    }
    SipMessage m = parsed.GetMessage();
    const char* header = m_variant == SERVER ? "Security-Server" : "Security-Client";
    bool kind = m_variant == SERVER ? m.IsResponse() : m.IsRequest() && m.IsMethod("REGISTER");
    if (!kind || !m.HasHeader(header))
    {
        return false;
    }
    ++m_seen;
    std::vector<SecurityMechanism> list = m.GetSecurityMechanisms(header);
    std::vector<SecurityMechanism> kept;
    for (const SecurityMechanism& mech : list)
    {
        if (mech.GetAlgorithm().value_or("") != m_strong)
        {
            kept.push_back(mech);
        }
    }
    if (kept.size() == list.size())
    {
        return false; // nothing to strip
    }
    if (kept.empty())
    {
        if (m_variant == CLIENT)
        {
            return false; // stripping all would only earn a 494 for the UE, not a downgrade
        }
        SecurityMechanism weak = list.front();
        weak.GetParams().Set("alg", m_weak);
        kept.push_back(weak);
    }
    m.SetSecurityMechanisms(header, kept);
    *out = m.Encode();
    return true;
}

bool
SipBiddingDownTap::DoCorrupt(Ptr<Packet> p)
{
    NS_LOG_FUNCTION(this << p);
    bool lost = m_next && m_next->IsCorrupt(p);
    if (lost)
    {
        return true;
    }
    Ptr<Packet> copy = p->Copy();
    PppHeader ppp;
    Ipv6Header ip;
    UdpHeader udp;
    if (copy->GetSize() < ppp.GetSerializedSize() + 40 + 8 || !copy->RemoveHeader(ppp) ||
        ppp.GetProtocol() != 0x0057)
    {
        return false;
    }
    copy->RemoveHeader(ip);
    if (ip.GetNextHeader() != 17 || copy->GetSize() < 8)
    {
        return false; // only clear SIP over UDP without extension headers
    }
    copy->RemoveHeader(udp);
    std::string text(copy->GetSize(), '\0');
    copy->CopyData(reinterpret_cast<uint8_t*>(&text[0]), text.size());
    std::string changed;
    if (!Rewrite(text, &changed))
    {
        return false;
    }
    ++m_attempts;
    NS_LOG_INFO("rewrote a message from " << ip.GetSource());
    m_tamperedTrace(ip.GetSource(), text, changed);
    // Rebuild the frame in place: the device goes on with this very packet.
    p->RemoveAtEnd(p->GetSize());
    Ptr<Packet> payload =
        Create<Packet>(reinterpret_cast<const uint8_t*>(changed.data()), changed.size());
    UdpHeader newUdp;
    newUdp.SetSourcePort(udp.GetSourcePort());
    newUdp.SetDestinationPort(udp.GetDestinationPort());
    if (Node::ChecksumEnabled())
    {
        newUdp.EnableChecksums();
        newUdp.InitializeChecksum(ip.GetSource(), ip.GetDestination(), 17);
    }
    payload->AddHeader(newUdp);
    ip.SetPayloadLength(payload->GetSize());
    payload->AddHeader(ip);
    payload->AddHeader(ppp);
    p->AddAtEnd(payload);
    return false;
}

} // namespace ns3
