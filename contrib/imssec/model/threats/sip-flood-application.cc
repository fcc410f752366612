/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "sip-flood-application.h"

#include "threat-tag.h"

#include "ns3/double.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/random-variable-stream.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <sstream>
#include <vector>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecSipFloodApplication");

NS_OBJECT_ENSURE_REGISTERED(SipFloodApplication);

TypeId
SipFloodApplication::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::SipFloodApplication")
            .SetParent<Application>()
            .SetGroupName("Imssec")
            .AddConstructor<SipFloodApplication>()
            .AddAttribute("Destination",
                          "The P-CSCF's address (default ::)",
                          Ipv6AddressValue(Ipv6Address::GetAny()),
                          MakeIpv6AddressAccessor(&SipFloodApplication::m_destination),
                          MakeIpv6AddressChecker())
            .AddAttribute("Port",
                          "The P-CSCF's unprotected port (default 5060)",
                          UintegerValue(5060),
                          MakeUintegerAccessor(&SipFloodApplication::m_port),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute("Rate",
                          "Datagrams sent per second (default 100)",
                          DoubleValue(100),
                          MakeDoubleAccessor(&SipFloodApplication::m_rate),
                          MakeDoubleChecker<double>(0.001))
            .AddAttribute("GarbageFraction",
                          "Share of the datagrams that are garbage, the rest unprotected "
                          "REGISTERs (0..1; default 0.5)",
                          DoubleValue(0.5),
                          MakeDoubleAccessor(&SipFloodApplication::m_garbageFraction),
                          MakeDoubleChecker<double>(0, 1))
            .AddAttribute("GarbageSize",
                          "Size of a garbage datagram (bytes; default 300)",
                          UintegerValue(300),
                          MakeUintegerAccessor(&SipFloodApplication::m_garbageSize),
                          MakeUintegerChecker<uint32_t>(1, 65000))
            .AddAttribute("HomeDomain",
                          "Domain of the flood identities (default ims.example)",
                          StringValue("ims.example"),
                          MakeStringAccessor(&SipFloodApplication::m_domain),
                          MakeStringChecker())
            .AddTraceSource("Sent",
                            "A datagram was sent (packet, garbage or not)",
                            MakeTraceSourceAccessor(&SipFloodApplication::m_sentTrace),
                            "ns3::SipFloodApplication::SentTracedCallback");
    return tid;
}

SipFloodApplication::SipFloodApplication()
    : m_destination(Ipv6Address::GetAny()),
      m_port(5060),
      m_rate(100),
      m_garbageFraction(0.5),
      m_garbageSize(300),
      m_garbage(0),
      m_registers(0),
      m_received(0)
{
    NS_LOG_FUNCTION(this);
    m_random = CreateObject<UniformRandomVariable>();
}

SipFloodApplication::~SipFloodApplication()
{
    NS_LOG_FUNCTION(this);
}

int64_t
SipFloodApplication::AssignStreams(int64_t stream)
{
    NS_LOG_FUNCTION(this << stream);
    m_random->SetStream(stream);
    return 1;
}

uint64_t
SipFloodApplication::GetGarbageSent() const
{
    return m_garbage;
}

uint64_t
SipFloodApplication::GetRegistersSent() const
{
    return m_registers;
}

uint64_t
SipFloodApplication::GetReceived() const
{
    return m_received;
}

void
SipFloodApplication::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_event.Cancel();
    m_socket = nullptr;
    Application::DoDispose();
}

void
SipFloodApplication::StartApplication()
{
    NS_LOG_FUNCTION(this);
    m_socket = Socket::CreateSocket(GetNode(), TypeId::LookupByName("ns3::UdpSocketFactory"));
    m_socket->Bind6();
    m_socket->SetRecvCallback(MakeCallback(&SipFloodApplication::HandleRead, this));
    m_event = Simulator::ScheduleNow(&SipFloodApplication::SendNext, this);
}

void
SipFloodApplication::StopApplication()
{
    NS_LOG_FUNCTION(this);
    m_event.Cancel();
    if (m_socket)
    {
        m_socket->Close();
        m_socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        m_socket = nullptr;
    }
}

void
SipFloodApplication::HandleRead(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    while (socket->Recv())
    {
        ++m_received;
    }
}

void
SipFloodApplication::SendNext()
{
    NS_LOG_FUNCTION(this);
    bool garbage = m_random->GetValue() < m_garbageFraction;
    Ptr<Packet> p;
    if (garbage)
    {
        std::vector<uint8_t> bytes(m_garbageSize);
        for (uint8_t& b : bytes)
        {
            b = static_cast<uint8_t>(m_random->GetInteger(0, 255));
        }
        bytes[0] = 0; // never a request line
        p = Create<Packet>(bytes.data(), bytes.size());
        ++m_garbage;
    }
    else
    {
        uint64_t n = m_registers++;
        Address local;
        m_socket->GetSockName(local);
        std::ostringstream t;
        std::string user = "flood" + std::to_string(n);
        t << "REGISTER sip:" << m_domain << " SIP/2.0\r\n"
          << "Via: SIP/2.0/UDP [::]:5060;branch=z9hG4bKflood" << n << ";rport\r\n"
          << "Max-Forwards: 70\r\n"
          << "From: <sip:" << user << "@" << m_domain << ">;tag=f" << n << "\r\n"
          << "To: <sip:" << user << "@" << m_domain << ">\r\n"
          << "Call-ID: flood" << n << "\r\n"
          << "CSeq: 1 REGISTER\r\n"
          << "Contact: <sip:" << user << "@[::]:5060>\r\n"
          << "Expires: 600000\r\n"
          << "Authorization: Digest username=\"" << user << "@" << m_domain << "\", realm=\""
          << m_domain << "\", nonce=\"\", uri=\"sip:" << m_domain << "\", response=\"\"\r\n"
          << "Security-Client: ipsec-3gpp;alg=hmac-sha-1-96;ealg=null;prot=esp;mod=trans;"
          << "spi-c=1000;spi-s=1001;port-c=5070;port-s=5071\r\n"
          << "Require: sec-agree\r\nProxy-Require: sec-agree\r\n"
          << "Content-Length: 0\r\n\r\n";
        std::string s = t.str();
        p = Create<Packet>(reinterpret_cast<const uint8_t*>(s.data()), s.size());
    }
    p->AddPacketTag(ThreatTag(9));
    m_sentTrace(p, garbage);
    m_socket->SendTo(p, 0, Inet6SocketAddress(m_destination, m_port));
    m_event = Simulator::Schedule(Seconds(1.0 / m_rate), &SipFloodApplication::SendNext, this);
}

} // namespace ns3
