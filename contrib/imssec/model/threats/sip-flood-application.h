/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef SIP_FLOOD_APPLICATION_H
#define SIP_FLOOD_APPLICATION_H

#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <string>

namespace ns3
{

class Packet;
class Socket;
class UniformRandomVariable;

/**
 * \ingroup imssec
 * \brief Floods the P-CSCF's unprotected port with garbage datagrams and unprotected
 * REGISTERs (with sec-agree, for identities flood<n>@domain that no HSS knows), at a
 * constant Rate; a GarbageFraction of them is garbage.  Datagrams coming back (400, 401,
 * 403, 494...) are counted.
 */
class SipFloodApplication : public Application
{
  public:
    /**
     * \brief Get the type ID.
     * \returns the object TypeId
     */
    static TypeId GetTypeId();

    SipFloodApplication();
    ~SipFloodApplication() override;

    /**
     * TracedCallback signature for datagrams sent.
     * \param packet the datagram
     * \param garbage whether it was garbage (else a REGISTER)
     */
    typedef void (*SentTracedCallback)(Ptr<const Packet> packet, bool garbage);

    /**
     * \brief Assigns a fixed random stream.
     * \param stream the stream index
     * \returns 1
     */
    int64_t AssignStreams(int64_t stream);

    /** \returns garbage datagrams sent */
    uint64_t GetGarbageSent() const;
    /** \returns REGISTERs sent */
    uint64_t GetRegistersSent() const;
    /** \returns datagrams received back */
    uint64_t GetReceived() const;

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;

    /** \brief Sends one datagram and schedules the next. */
    void SendNext();

    /**
     * \param socket the socket with data
     */
    void HandleRead(Ptr<Socket> socket);

    Ipv6Address m_destination;                           //!< P-CSCF address
    uint16_t m_port;                                     //!< P-CSCF port
    double m_rate;                                       //!< datagrams per second
    double m_garbageFraction;                            //!< share of garbage
    uint32_t m_garbageSize;                              //!< garbage datagram size (bytes)
    std::string m_domain;                                //!< home domain
    Ptr<UniformRandomVariable> m_random;                 //!< garbage bytes and choices
    Ptr<Socket> m_socket;                                //!< UDP socket
    EventId m_event;                                     //!< next send
    uint64_t m_garbage;                                  //!< garbage sent
    uint64_t m_registers;                                //!< REGISTERs sent
    uint64_t m_received;                                 //!< datagrams received
    TracedCallback<Ptr<const Packet>, bool> m_sentTrace; //!< sent
};

} // namespace ns3

#endif /* SIP_FLOOD_APPLICATION_H */
