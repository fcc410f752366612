/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IMS_PCSCF_TEST_NETWORK_H
#define IMS_PCSCF_TEST_NETWORK_H

#include "ims-test-network.h"

#include "ns3/aka-types.h"
#include "ns3/application-container.h"
#include "ns3/hss.h"
#include "ns3/ipsec-stack.h"
#include "ns3/ipv6-address.h"
#include "ns3/node.h"
#include "ns3/pcscf-helper.h"
#include "ns3/pcscf.h"
#include "ns3/security-mechanism.h"
#include "ns3/sip-message.h"
#include "ns3/sip-packet-info.h"
#include "ns3/sip-transport.h"
#include "ns3/socket.h"
#include "ns3/usim.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ns3
{
namespace tests
{

/**
 * \ingroup imssec-tests
 * A message an application of the test received, with how it arrived.
 */
struct PcscfTestReceived
{
    SipMessage message; //!< the message
    SipPacketInfo info; //!< how it arrived
    Time time;          //!< when
};

/**
 * \ingroup imssec-tests
 * A scripted UE for the P-CSCF tests: a SipTransport and an IpsecStack on its node, a USIM
 * with the HSS's simulated credentials, and the registration of the model chapter's
 * "Message flows" (unprotected REGISTER with Security-Client, 401 with Security-Server, SAs
 * installed, protected REGISTER with the AKA response and Security-Verify, 200) done by
 * hand (each step a method; the 401 and 200 handled automatically unless AutoRegister is
 * off), so that a test can also send what a correct UE never sends.
 */
class PcscfTestUe
{
  public:
    /** The UE's sec-agree parameters of one registration attempt. */
    struct Offer
    {
        uint32_t spiC{0};   //!< spi-c
        uint32_t spiS{0};   //!< spi-s
        uint16_t portC{0};  //!< port-c
        uint16_t portS{0};  //!< port-s
        uint32_t handle{0}; //!< SA set at the UE (0 until the 401)
    };

    /**
     * \param node the UE's node (IPv6 and IPsec installed)
     * \param index i of ue<i>@ims.example
     * \param address the UE's first address
     * \param pcscf the P-CSCF's address toward UEs
     * \param hss the HSS (for the simulated credentials)
     */
    PcscfTestUe(Ptr<Node> node,
                uint32_t index,
                Ipv6Address address,
                Ipv6Address pcscf,
                Ptr<Hss> hss);

    /** \brief Starts the transport. */
    void Start();

    /**
     * \brief Builds the first REGISTER of a registration (TS 24.229 5.1.1.2: Security-Client,
     * Require and Proxy-Require sec-agree, an Authorization without response), with a new offer.
     * \param offer the offer (filled with fresh SPIs and ports)
     * \returns the REGISTER (next CSeq)
     */
    SipMessage MakeRegister(Offer* offer);

    /**
     * \param offer an offer
     * \returns the Security-Client list for it (hmac-sha-1-96, and hmac-md5-96 when offerMd5)
     */
    std::vector<SecurityMechanism> MakeClientList(const Offer& offer) const;

    /** \brief Sends a fresh unprotected REGISTER (new Call-ID when unregistered). */
    void SendInitialRegister();

    /** \brief Sends a protected re-REGISTER with a new Security-Client through the current SAs. */
    void SendReregister();

    /** \brief Sends a protected REGISTER with Expires 0 through the current SAs. */
    void SendDeregister();

    /**
     * \param method e.g. "INVITE" or "MESSAGE"
     * \param from the public identity claimed in From
     * \returns a request to sip:remote@ims.example with the preloaded Route of the P-CSCF
     */
    SipMessage MakeRequest(const std::string& method, const std::string& from);

    /**
     * \brief Sends a request through the current SAs (port-c to the P-CSCF's port-s).
     * \param request the request
     * \returns false when the IPsec layer refused it
     */
    bool SendProtected(const SipMessage& request);

    /**
     * \brief Sends a message in clear from the current address, port 5060, to the P-CSCF.
     * \param message the message
     * \returns false when refused
     */
    bool SendClear(const SipMessage& message);

    /**
     * \param method request method, or CSeq method of a response
     * \param status 0 for requests
     * \returns the messages received
     */
    std::vector<PcscfTestReceived> Received(const std::string& method, uint16_t status) const;

    Ptr<Node> node;                                //!< the node
    uint32_t index;                                //!< i of ue<i>
    std::string impi;                              //!< ue<i>@ims.example
    std::string impu;                              //!< sip:ue<i>@ims.example
    Ipv6Address address;                           //!< current source address
    Ipv6Address pcscf;                             //!< P-CSCF address toward UEs
    Ptr<SipTransport> transport;                   //!< SIP transport
    Ptr<IpsecStack> ipsec;                         //!< IPsec layer
    Usim usim;                                     //!< the USIM
    std::optional<uint8_t> addrPrefLength;         //!< sent in Security-Client when set
    bool secAgreeTags{true};                       //!< Require/Proxy-Require sec-agree
    bool offerMd5{true};                           //!< also offer hmac-md5-96
    bool autoRegister{true};                       //!< answer 401 and 200 automatically
    uint32_t expires{3600};                        //!< requested registration expiry
    std::function<void(SipMessage&)> tamper;       //!< changes the protected REGISTER
    std::string callId;                            //!< Call-ID of the registration
    uint32_t cseq{0};                              //!< last CSeq number
    Offer current;                                 //!< SAs of the confirmed registration
    Offer pending;                                 //!< SAs of the registration in progress
    std::vector<SecurityMechanism> securityServer; //!< last Security-Server received
    bool registered{false};                        //!< a 200 OK completed a registration
    uint32_t registrations{0};                     //!< 200 OK to REGISTER received
    std::vector<PcscfTestReceived> received;       //!< everything received

  private:
    /**
     * \param message received message
     * \param info how
     */
    void Receive(const SipMessage& message, const SipPacketInfo& info);

    /**
     * \param challenge a 401 with Security-Server
     */
    void Answer401(const SipMessage& challenge);

    /**
     * \param ok a 200 OK to REGISTER
     */
    void Complete(const SipMessage& ok);

    /**
     * \param request a request from the P-CSCF (answered 200)
     * \param info how it arrived
     */
    void AnswerRequest(const SipMessage& request, const SipPacketInfo& info);

    /** \returns a fresh branch */
    std::string NextBranch();

    uint32_t m_next{0}; //!< counter for ports, SPIs, branches, tags
};

/**
 * \ingroup imssec-tests
 * A scripted S-CSCF: the registrar of a registration (401 with an AKA challenge to the first
 * REGISTER, 200 with Path and Service-Route to the verified one) on a SipTransport, with
 * real AKA vectors from an Hss and the Digest check of RFC 3310, answering statelessly
 * (the P-CSCF is what is tested), and a sender of terminating requests along the Path.
 */
class PcscfTestScscf
{
  public:
    /** A binding registered. */
    struct Binding
    {
        std::string contact; //!< Contact URI text
        std::string path;    //!< Path value received
        uint32_t expires{0}; //!< granted seconds
    };

    /**
     * \param node the S-CSCF's node
     * \param address its address
     * \param hss the HSS
     */
    PcscfTestScscf(Ptr<Node> node, Ipv6Address address, Ptr<Hss> hss);

    /** \brief Starts the transport. */
    void Start();

    /**
     * \brief Sends a terminating request along the registered Path to the contact.
     * \param impu the callee
     * \param method the method
     * \param requestUri the Request-URI ("" = the registered contact)
     */
    void SendToUe(const std::string& impu, const std::string& method, std::string requestUri = "");

    /**
     * \param method request method, or CSeq method of a response
     * \param status 0 for requests
     * \returns the messages received
     */
    std::vector<PcscfTestReceived> Received(const std::string& method, uint16_t status) const;

    Ptr<Node> node;              //!< the node
    Ipv6Address address;         //!< its address
    Ptr<Hss> hss;                //!< the HSS
    Ptr<SipTransport> transport; //!< SIP transport
    bool reauthenticate{true};   //!< challenge protected re-REGISTERs
    bool answerRegister{true};   //!< false: REGISTERs get no answer at all
    /// changes each 401 before it is sent
    std::function<void(SipMessage&)> tamper401;
    /// handles a request other than REGISTER instead of the default 200 when it returns true
    std::function<bool(const SipMessage&, const SipPacketInfo&)> onRequest;
    uint32_t maxExpires{3600};               //!< granted = min(requested, this)
    std::map<std::string, Binding> bindings; //!< IMPU -> binding
    std::vector<PcscfTestReceived> received; //!< everything received

  private:
    /**
     * \param message received message
     * \param info how
     */
    void Receive(const SipMessage& message, const SipPacketInfo& info);

    /**
     * \param request a REGISTER
     * \param info how it arrived
     */
    void Register(const SipMessage& request, const SipPacketInfo& info);

    std::map<std::string, AkaVector> m_vectors; //!< IMPI -> vector of the open challenge
    uint32_t m_next{0};                         //!< counter for tags and branches
};

/**
 * \ingroup imssec-tests
 * The network of the P-CSCF tests:
 *
 *     UE1 (3fff:100:0:1::10, ::20) --+
 *                                    +-- GW -- P-CSCF (3fff:f00:0:1::2 | 3fff:f00:0:2::1) -- S-CSCF
 *     UE2 (3fff:100:0:2::10) --------+                                          (3fff:f00:0:2::2)
 *
 * point-to-point links (10 Mb/s, 1 ms), IPv6 only, DAD off, static routes; the P-CSCF is
 * installed with PcscfHelper.  Every UDP or ESP packet on UE1's link, UE2's link and the
 * P-CSCF -- S-CSCF link is recorded (WirePacket.fromUe = travelling toward the S-CSCF).
 */
class PcscfTestNetwork : public TestNetwork
{
  public:
    static const Ipv6Address UE1;          //!< UE1's first address
    static const Ipv6Address UE1_SAME_64;  //!< another address of UE1's /64 (assigned)
    static const Ipv6Address UE2;          //!< UE2's address
    static const Ipv6Address PCSCF_ACCESS; //!< P-CSCF address toward UEs
    static const Ipv6Address PCSCF_CORE;   //!< P-CSCF address toward the S-CSCF
    static const Ipv6Address SCSCF;        //!< S-CSCF address

    /**
     * \param configure sets P-CSCF attributes on the helper before Install (may be empty)
     */
    explicit PcscfTestNetwork(const std::function<void(PcscfHelper&)>& configure = {});

    /**
     * \brief Sends a raw UDP datagram from UE2's address to the P-CSCF.
     * \param bytes payload
     * \param port destination port
     */
    void SendRawFromUe2(const std::string& bytes, uint16_t port);

    /**
     * \brief Sends a raw UDP datagram from the S-CSCF (port 5061) to the P-CSCF's port 5060.
     * \param bytes payload
     */
    void SendRawFromScscf(const std::string& bytes);

    /**
     * \param handle an SA set of the P-CSCF
     * \param index 0..3 (IpsecStack::GetSaSetSa)
     * \returns the SA (nullptr when none)
     */
    Ptr<IpsecSa> PcscfSa(uint32_t handle, uint32_t index) const;

    Ptr<Node> ue1Node;                     //!< UE1
    Ptr<Node> ue2Node;                     //!< UE2
    Ptr<Node> gw;                          //!< access router
    Ptr<Node> pcscfNode;                   //!< P-CSCF
    Ptr<Node> scscfNode;                   //!< S-CSCF
    Ptr<Hss> hss;                          //!< HSS with ue1 and ue2
    Ptr<Pcscf> pcscf;                      //!< the P-CSCF under test
    std::unique_ptr<PcscfTestUe> ue1;      //!< scripted UE 1
    std::unique_ptr<PcscfTestUe> ue2;      //!< scripted UE 2
    std::unique_ptr<PcscfTestScscf> scscf; //!< scripted S-CSCF
    std::vector<WirePacket> ue1Wire;       //!< UE1's link
    std::vector<WirePacket> ue2Wire;       //!< UE2's link
    std::vector<WirePacket> coreWire;      //!< P-CSCF -- S-CSCF link
};

/**
 * \ingroup imssec-tests
 * \param wire a decoded packet
 * \returns its ESP SPI, 0 when clear
 */
uint32_t SpiOf(const WirePacket& wire);

} // namespace tests
} // namespace ns3

#endif /* IMS_PCSCF_TEST_NETWORK_H */
