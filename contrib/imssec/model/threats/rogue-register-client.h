/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef ROGUE_REGISTER_CLIENT_H
#define ROGUE_REGISTER_CLIENT_H

#include "ns3/aka-credentials.h"
#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace ns3
{

class SipMessage;
class SipTransport;
struct SipPacketInfo;

/**
 * \ingroup imssec
 * \brief A client that registers an IMS identity through the P-CSCF the way a UE does
 * (unprotected REGISTER with sec-agree, 401, SA set, protected REGISTER), but with what an
 * attacker has: used for the registration hijack and the wrong-RES attacks.
 *
 * - HIJACK: the IMPI/IMPU of a victim, no credentials: AUTN cannot be checked, IK and RES
 *   are made up (random), so the protected REGISTER carries a wrong ICV and a wrong
 *   response.
 * - WRONG_RES: the subscriber's real K/OPc (SetAkaCredentials): the SAs are right, the RES
 *   sent is the right one with one bit flipped (S-CSCF: 403).
 * - RIGHT_RES: like WRONG_RES with the right RES (the control case: 200 OK).
 *
 * Attempts attempts are made Interval apart (each a new Call-ID); each ends as registered
 * (200), rejected (403 or another final response to either REGISTER) or timeout (no
 * answer within ResponseTimeout: e.g. the protected REGISTER was dropped by the P-CSCF's
 * IPsec layer).  No retransmissions.  Its IpsecStack must be installed on the node.
 */
class RogueRegisterClient : public Application
{
  public:
    /** What the client knows. */
    enum Mode : uint8_t
    {
        HIJACK = 0,    //!< no key: random IK and RES
        WRONG_RES = 1, //!< real K/OPc, RES with one bit flipped
        RIGHT_RES = 2, //!< real K/OPc, right RES (control)
    };

    /** How an attempt ended. */
    enum Outcome : uint8_t
    {
        REGISTERED = 0, //!< 200 OK to the protected REGISTER
        REJECTED = 1,   //!< a final non-2xx response (status in the trace)
        TIMEOUT = 2,    //!< no answer in time
    };

    /**
     * \brief Get the type ID.
     * \returns the object TypeId
     */
    static TypeId GetTypeId();

    RogueRegisterClient();
    ~RogueRegisterClient() override;

    /**
     * TracedCallback signature for attempts ended.
     * \param outcome how it ended
     * \param status the final status code (0 for a timeout)
     */
    typedef void (*AttemptTracedCallback)(Outcome outcome, uint16_t status);

    /**
     * \param credentials the subscriber's K and OPc (WRONG_RES, RIGHT_RES)
     */
    void SetAkaCredentials(const AkaCredentials& credentials);

    /** \returns attempts started */
    uint64_t GetAttempts() const;
    /** \returns attempts that got a 200 OK (attack succeeded) */
    uint64_t GetRegistered() const;
    /**
     * \param status a status code
     * \returns final responses with that code received
     */
    uint64_t GetResponses(uint16_t status) const;
    /** \returns attempts that got no final response in time */
    uint64_t GetTimeouts() const;
    /** \returns the address the client sends from (after start) */
    Ipv6Address GetAddress() const;

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;

    /** \brief Starts an attempt: unprotected REGISTER. */
    void StartAttempt();

    /**
     * \param message a received message
     * \param info how it arrived
     */
    void Receive(const SipMessage& message, const SipPacketInfo& info);

    /**
     * \param response the 401
     */
    void OnChallenge(const SipMessage& response);

    /**
     * \param outcome how the attempt ended
     * \param status its status code
     */
    void End(Outcome outcome, uint16_t status);

    /** \brief The attempt got no answer in time. */
    void Timeout();

    /**
     * \param cseq CSeq number
     * \param authorization the Authorization value
     * \param verify Security-Verify value ("" for none)
     * \returns the REGISTER
     */
    SipMessage BuildRegister(uint32_t cseq,
                             const std::string& authorization,
                             const std::string& verify) const;

    // parameters
    Mode m_mode;                                 //!< what the client knows
    Ipv6Address m_pcscf;                         //!< P-CSCF address
    std::string m_impi;                          //!< private identity claimed
    std::string m_impu;                          //!< public identity claimed
    std::string m_domain;                        //!< home domain
    uint32_t m_attemptsMax;                      //!< attempts
    Time m_interval;                             //!< between attempts
    Time m_timeout;                              //!< answer awaited this long
    uint16_t m_portC;                            //!< protected client port
    uint16_t m_portS;                            //!< protected server port
    std::optional<AkaCredentials> m_credentials; //!< K/OPc when known

    // state
    Ptr<SipTransport> m_transport; //!< SIP transport
    Ipv6Address m_address;         //!< own address
    std::string m_callId;          //!< current attempt
    uint32_t m_handle;             //!< SA set of the attempt (0: none)
    bool m_inAttempt;              //!< an attempt is running
    EventId m_timeoutEvent;        //!< attempt timeout
    EventId m_nextEvent;           //!< next attempt

    // statistics
    uint64_t m_attempts;                              //!< attempts
    uint64_t m_registered;                            //!< 200 OK
    uint64_t m_timeouts;                              //!< no answer
    std::map<uint16_t, uint64_t> m_status;            //!< final responses by code
    TracedCallback<Outcome, uint16_t> m_attemptTrace; //!< attempts ended
};

} // namespace ns3

#endif /* ROGUE_REGISTER_CLIENT_H */
