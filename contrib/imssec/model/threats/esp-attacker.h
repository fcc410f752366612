/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef ESP_ATTACKER_H
#define ESP_ATTACKER_H

#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

class Packet;
class Pcscf;
class Socket;

/**
 * \ingroup imssec
 * \brief An attacker node that sends ESP to the P-CSCF's protected server port of a victim
 * UE's SA set: forged packets (spoofing) or captured ones (replay).
 *
 * Sniffing: Sniff() is connected (ImsThreatHelper) to the MacTx trace of the victim UE's
 * access device; it keeps copies of the ESP packets the UE sends to the P-CSCF (with
 * ealg=null the SIP text inside is readable).  The SPIs, ports and the last sequence number
 * an eavesdropper reads from the clear 401 / REGISTER headers and from the ESP headers are
 * taken from the P-CSCF's SA set of the victim (SetVictim): the same values, without a
 * packet parser for each.
 *
 * - SPOOF: at start, the application installs in its own IpsecStack a copy of the victim's
 *   set with its own source address (Source: `own` = the node's address, off the victim's
 *   prefix; `on-prefix` = a new address inside the victim's /PrefixLength, added to the
 *   node) and a random IK (the key is what the attacker does not have; StolenKey=true uses
 *   the victim's real IK: the control case that shows what the selectors alone decide).  It
 *   then sends Packets SIP MESSAGE requests "from" the victim's IMPU, protected by that copy,
 *   with sequence numbers just above what the P-CSCF has seen.
 * - REPLAY: at start, the captured packets (those whose SIP text starts with Filter, all
 *   when empty) are sent again unchanged, from the victim's address (added to the node).
 *
 * Every packet carries a ThreatTag(Tag) so that the P-CSCF's IPsec traces can be attributed;
 * Sent is counted and traced.
 */
class EspAttacker : public Application
{
  public:
    /** What the attacker sends. */
    enum Mode : uint8_t
    {
        SPOOF = 0,  //!< forged ESP with the victim's SPI
        REPLAY = 1, //!< captured ESP, unchanged
    };

    /** Which source address a spoofing attacker uses. */
    enum Source : uint8_t
    {
        OWN = 0,       //!< its own address (off the victim's prefix)
        ON_PREFIX = 1, //!< another address inside the victim's prefix
    };

    /**
     * \brief Get the type ID.
     * \returns the object TypeId
     */
    static TypeId GetTypeId();

    EspAttacker();
    ~EspAttacker() override;

    /**
     * TracedCallback signature for packets sent.
     * \param packet the ESP packet (IPv6 payload)
     * \param source its source address
     */
    typedef void (*SentTracedCallback)(Ptr<const Packet> packet, const Ipv6Address& source);

    /**
     * \param pcscf the P-CSCF
     * \param impi the victim's private identity
     * \param impu the victim's public identity (SPOOF: the From of the forged requests)
     */
    void SetVictim(Ptr<Pcscf> pcscf, const std::string& impi, const std::string& impu);

    /**
     * \brief MacTx sink for the victim's access device: keeps ESP packets to the P-CSCF.
     * \param packet an IPv6 packet the victim sends
     */
    void Sniff(Ptr<const Packet> packet);

    /** \returns ESP packets sent */
    uint64_t GetSent() const;

    /** \returns ESP packets captured */
    uint32_t GetCaptured() const;

    /** \returns the source address used by the last attack (:: before) */
    Ipv6Address GetSourceAddress() const;

  protected:
    void DoDispose() override;

  private:
    /// A captured ESP packet.
    struct Capture
    {
        Ipv6Address source;  //!< its source address
        Ptr<Packet> payload; //!< the IPv6 payload (ESP header to ICV)
        bool matches;        //!< its SIP text starts with Filter
    };

    void StartApplication() override;
    void StopApplication() override;

    /** \brief Prepares the attack: addresses, SA copy (SPOOF). */
    void Prepare();

    /** \brief Sends the next packet. */
    void SendNext();

    /**
     * \param address an address to send from (added to the node when missing)
     * \returns false when it cannot be used
     */
    bool UseSource(Ipv6Address address);

    Mode m_mode;            //!< SPOOF or REPLAY
    Source m_source;        //!< SPOOF source choice
    uint8_t m_prefixLength; //!< the victim's prefix length (ON_PREFIX)
    bool m_stolenKey;       //!< SPOOF with the victim's IK (control)
    uint32_t m_packets;     //!< SPOOF: packets to forge
    Time m_interval;        //!< between two packets
    std::string m_filter;   //!< REPLAY: SIP text prefix of captured packets to replay
    uint32_t m_maxCaptured; //!< captured packets kept
    uint8_t m_tag;          //!< ThreatTag value

    Ptr<Pcscf> m_pcscf;                      //!< victim's P-CSCF
    std::string m_impi;                      //!< victim's IMPI
    std::string m_impu;                      //!< victim's IMPU
    Ptr<Socket> m_socket;                    //!< raw socket, protocol 50
    Ipv6Address m_sourceAddress;             //!< current source address
    std::vector<Capture> m_captured;         //!< captured ESP packets
    std::vector<Ptr<Packet>> m_toSend;       //!< SPOOF: forged packets; REPLAY: from m_captured
    std::vector<Ipv6Address> m_toSendSource; //!< their sources
    size_t m_next;                           //!< next of m_toSend
    EventId m_event;                         //!< next send
    uint64_t m_sent;                         //!< packets sent
    TracedCallback<Ptr<const Packet>, const Ipv6Address&> m_sentTrace; //!< sent
};

} // namespace ns3

#endif /* ESP_ATTACKER_H */
