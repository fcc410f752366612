/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "esp-attacker.h"

#include "threat-tag.h"

#include "ns3/boolean.h"
#include "ns3/enum.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/ipsec-sa.h"
#include "ns3/ipsec-stack.h"
#include "ns3/ipv6-address.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-interface-address.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-raw-socket-factory.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/pcscf.h"
#include "ns3/ppp-header.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <openssl/rand.h>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecEspAttacker");

NS_OBJECT_ENSURE_REGISTERED(EspAttacker);

TypeId
EspAttacker::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::EspAttacker")
            .SetParent<Application>()
            .SetGroupName("Imssec")
            .AddConstructor<EspAttacker>()
            .AddAttribute("Mode",
                          "spoof (forged ESP with the victim's SPI) or replay (captured ESP); "
                          "default spoof",
                          EnumValue(SPOOF),
                          MakeEnumAccessor(&EspAttacker::m_mode),
                          MakeEnumChecker(SPOOF, "spoof", REPLAY, "replay"))
            .AddAttribute("Source",
                          "Source address of forged packets: own (the node's, off the victim's "
                          "prefix) or on-prefix (another address in the victim's prefix); "
                          "default own",
                          EnumValue(OWN),
                          MakeEnumAccessor(&EspAttacker::m_source),
                          MakeEnumChecker(OWN, "own", ON_PREFIX, "on-prefix"))
            .AddAttribute("PrefixLength",
                          "Length of the victim's prefix the on-prefix address is taken from "
                          "(bits; default 64)",
                          UintegerValue(64),
                          MakeUintegerAccessor(&EspAttacker::m_prefixLength),
                          MakeUintegerChecker<uint8_t>(8, 120))
            .AddAttribute("StolenKey",
                          "Forge with the victim's real IK (control case; default false: a "
                          "random key)",
                          BooleanValue(false),
                          MakeBooleanAccessor(&EspAttacker::m_stolenKey),
                          MakeBooleanChecker())
            .AddAttribute("Packets",
                          "Forged packets sent (spoof; packets; default 5)",
                          UintegerValue(5),
                          MakeUintegerAccessor(&EspAttacker::m_packets),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("Interval",
                          "Time between two packets sent (default 100 ms)",
                          TimeValue(MilliSeconds(100)),
                          MakeTimeAccessor(&EspAttacker::m_interval),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("Filter",
                          "Replay only captured packets whose SIP text starts with this "
                          "(e.g. REGISTER; default empty: all)",
                          StringValue(""),
                          MakeStringAccessor(&EspAttacker::m_filter),
                          MakeStringChecker())
            .AddAttribute("MaxCaptured",
                          "Captured ESP packets kept (packets; default 64)",
                          UintegerValue(64),
                          MakeUintegerAccessor(&EspAttacker::m_maxCaptured),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("Tag",
                          "ThreatTag value on the packets sent (default 1)",
                          UintegerValue(1),
                          MakeUintegerAccessor(&EspAttacker::m_tag),
                          MakeUintegerChecker<uint8_t>())
            .AddTraceSource("Sent",
                            "An ESP packet was sent (packet, source address)",
                            MakeTraceSourceAccessor(&EspAttacker::m_sentTrace),
                            "ns3::EspAttacker::SentTracedCallback");
    return tid;
}

EspAttacker::EspAttacker()
    : m_mode(SPOOF),
      m_source(OWN),
      m_prefixLength(64),
      m_stolenKey(false),
      m_packets(5),
      m_interval(MilliSeconds(100)),
      m_maxCaptured(64),
      m_tag(1),
      m_sourceAddress(Ipv6Address::GetAny()),
      m_next(0),
      m_sent(0)
{
    NS_LOG_FUNCTION(this);
}

EspAttacker::~EspAttacker()
{
    NS_LOG_FUNCTION(this);
}

void
EspAttacker::SetVictim(Ptr<Pcscf> pcscf, const std::string& impi, const std::string& impu)
{
    NS_LOG_FUNCTION(this << impi << impu);
    m_pcscf = pcscf;
    m_impi = impi;
    m_impu = impu;
}

uint64_t
EspAttacker::GetSent() const
{
    return m_sent;
}

uint32_t
EspAttacker::GetCaptured() const
{
    return m_captured.size();
}

Ipv6Address
EspAttacker::GetSourceAddress() const
{
    return m_sourceAddress;
}

void
EspAttacker::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_event.Cancel();
    m_pcscf = nullptr;
    m_socket = nullptr;
    m_captured.clear();
    m_toSend.clear();
    Application::DoDispose();
}

void
EspAttacker::Sniff(Ptr<const Packet> packet)
{
    NS_LOG_FUNCTION(this << packet);
    if (!m_pcscf || m_captured.size() >= m_maxCaptured || packet->GetSize() < 2 + 40 + 16)
    {
        return;
    }
    Ptr<Packet> p = packet->Copy();
    uint8_t first = 0;
    p->CopyData(&first, 1);
    if ((first >> 4) != 6)
    {
        PppHeader ppp;
        p->RemoveHeader(ppp);
    }
    Ipv6Header ip;
    p->RemoveHeader(ip);
    if (ip.GetNextHeader() != 50 || ip.GetDestination() != m_pcscf->GetCoreAddress())
    {
        return;
    }
    // ESP header (8) and UDP header (8) in front of the SIP text (ealg=null).
    bool matches = true;
    if (!m_filter.empty())
    {
        std::string text(std::min<uint32_t>(p->GetSize(), 16 + m_filter.size()), '\0');
        p->CopyData(reinterpret_cast<uint8_t*>(&text[0]), text.size());
        matches =
            text.size() == 16 + m_filter.size() && text.compare(16, m_filter.size(), m_filter) == 0;
    }
    m_captured.push_back(Capture{ip.GetSource(), p, matches});
}

bool
EspAttacker::UseSource(Ipv6Address address)
{
    NS_LOG_FUNCTION(this << address);
    Ptr<Ipv6L3Protocol> ipv6 = GetNode()->GetObject<Ipv6L3Protocol>();
    if (!ipv6 || ipv6->GetNInterfaces() < 2)
    {
        return false;
    }
    if (ipv6->GetInterfaceForAddress(address) < 0)
    {
        // The attacker simply configures the address it spoofs (no DAD on its link).
        Ipv6InterfaceAddress a(address, Ipv6Prefix(128));
        a.SetState(Ipv6InterfaceAddress::PREFERRED);
        ipv6->AddAddress(ipv6->GetNInterfaces() - 1, a, false);
    }
    if (m_sourceAddress != address || !m_socket)
    {
        if (m_socket)
        {
            m_socket->Close();
        }
        m_socket = Socket::CreateSocket(GetNode(), Ipv6RawSocketFactory::GetTypeId());
        m_socket->SetAttribute("Protocol", UintegerValue(50));
        m_socket->ShutdownRecv();
        if (m_socket->Bind(Inet6SocketAddress(address, 0)) != 0)
        {
            return false;
        }
        m_sourceAddress = address;
    }
    return true;
}

void
EspAttacker::StartApplication()
{
    NS_LOG_FUNCTION(this);
    m_next = 0;
    m_toSend.clear();
    m_toSendSource.clear();
    Prepare();
    if (!m_toSend.empty())
    {
        m_event = Simulator::ScheduleNow(&EspAttacker::SendNext, this);
    }
}

void
EspAttacker::StopApplication()
{
    NS_LOG_FUNCTION(this);
    m_event.Cancel();
    if (m_socket)
    {
        m_socket->Close();
        m_socket = nullptr;
    }
}

void
EspAttacker::Prepare()
{
    NS_LOG_FUNCTION(this);
    if (m_mode == REPLAY)
    {
        for (const Capture& c : m_captured)
        {
            if (c.matches)
            {
                m_toSend.push_back(c.payload->Copy());
                m_toSendSource.push_back(c.source);
            }
        }
        NS_LOG_INFO("replaying " << m_toSend.size() << " of " << m_captured.size()
                                 << " captured packets");
        return;
    }
    const PcscfRegistration* r = m_pcscf ? m_pcscf->FindRegistration(m_impi) : nullptr;
    Ptr<IpsecStack> pcscfStack = m_pcscf ? m_pcscf->GetIpsecStack() : nullptr;
    Ptr<IpsecStack> own = GetNode()->GetObject<IpsecStack>();
    IpsecSaSetParameters p;
    if (!r || r->currentSet == 0 || !pcscfStack || !own ||
        !pcscfStack->GetSaSetParameters(r->currentSet, p))
    {
        NS_LOG_WARN("spoof: the victim " << m_impi << " has no SA set (or no IPsec layer here)");
        return;
    }
    Ipv6Address source;
    if (m_source == OWN)
    {
        Ptr<Ipv6L3Protocol> ipv6 = GetNode()->GetObject<Ipv6L3Protocol>();
        uint32_t last = ipv6->GetNInterfaces() - 1;
        for (uint32_t i = 0; i < ipv6->GetNAddresses(last); ++i)
        {
            Ipv6Address a = ipv6->GetAddress(last, i).GetAddress();
            if (!a.IsLinkLocal())
            {
                source = a;
                break;
            }
        }
    }
    else
    {
        // Another interface identifier inside the victim's prefix.
        uint8_t bytes[16];
        p.ueAddress.GetBytes(bytes);
        for (uint32_t bit = m_prefixLength; bit < 128; ++bit)
        {
            if (bit % 8 == 0 && bit + 8 <= 128)
            {
                bytes[bit / 8] ^= 0x5a;
                bit += 7;
            }
            else
            {
                bytes[bit / 8] ^= static_cast<uint8_t>(0x80 >> (bit % 8));
            }
        }
        source = Ipv6Address(bytes);
    }
    if (!UseSource(source))
    {
        NS_LOG_WARN("spoof: cannot send from " << source);
        return;
    }
    IpsecSaSetParameters q = p;
    q.side = IpsecSaSetParameters::Side::UE;
    q.ueAddress = source;
    q.uePrefixLength = 128;
    q.lifetime = Hours(1);
    if (!m_stolenKey)
    {
        RAND_bytes(q.ik.data(), q.ik.size());
        RAND_bytes(q.ck.data(), q.ck.size());
    }
    uint32_t handle = own->InstallSaSet(q);
    Ptr<IpsecSa> out = handle ? own->GetSaSetSa(handle, 0) : nullptr;
    Ptr<IpsecSa> victimIn = pcscfStack->GetSaSetSa(r->currentSet, 0);
    if (!out || !victimIn)
    {
        NS_LOG_WARN("spoof: the SA copy was refused");
        return;
    }
    // Just above what the P-CSCF has seen: the forged packets pass the replay window.
    out->SetLastSequence(victimIn->GetReplayWindow().GetHighest());
    for (uint32_t k = 0; k < m_packets; ++k)
    {
        std::string text = "MESSAGE sip:remote@ims.example SIP/2.0\r\n"
                           "Via: SIP/2.0/UDP [" +
                           std::string() + "]:" + std::to_string(q.uePortC) +
                           ";branch=z9hG4bKspoof" + std::to_string(k) +
                           "\r\n"
                           "Max-Forwards: 70\r\n"
                           "From: <" +
                           m_impu + ">;tag=spoof\r\nTo: <sip:remote@ims.example>\r\n" +
                           "Call-ID: spoof" + std::to_string(k) +
                           "\r\nCSeq: 1 MESSAGE\r\nContent-Length: 0\r\n\r\n";
        // The Via names the spoofed source.
        std::ostringstream via;
        via << source;
        text.replace(text.find("[]"), 2, "[" + via.str() + "]");
        Ptr<Packet> sip =
            Create<Packet>(reinterpret_cast<const uint8_t*>(text.data()), text.size());
        Ptr<Packet> esp = own->Protect(sip, source, q.uePortC, p.pcscfAddress, q.pcscfPortS);
        if (esp)
        {
            m_toSend.push_back(esp);
            m_toSendSource.push_back(source);
        }
    }
    NS_LOG_INFO("spoof: " << m_toSend.size() << " forged packets from " << source << " with SPI "
                          << victimIn->GetSpi());
}

void
EspAttacker::SendNext()
{
    NS_LOG_FUNCTION(this << m_next);
    if (m_next >= m_toSend.size())
    {
        return;
    }
    Ipv6Address source = m_toSendSource[m_next];
    Ptr<Packet> p = m_toSend[m_next]->Copy();
    ++m_next;
    if (UseSource(source))
    {
        p->AddPacketTag(ThreatTag(m_tag));
        if (m_socket->SendTo(p, 0, Inet6SocketAddress(m_pcscf->GetCoreAddress(), 0)) >= 0)
        {
            ++m_sent;
            m_sentTrace(p, source);
        }
    }
    if (m_next < m_toSend.size())
    {
        m_event = Simulator::Schedule(m_interval, &EspAttacker::SendNext, this);
    }
}

} // namespace ns3
