/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IMS_UE_TEST_CORE_H
#define IMS_UE_TEST_CORE_H

#include "ims-test-network.h"

#include "ns3/aka-types.h"
#include "ns3/hss.h"
#include "ns3/ims-access-helper.h"
#include "ns3/ims-sec-agree.h"
#include "ns3/ims-ue-client.h"
#include "ns3/ims-ue-helper.h"
#include "ns3/ipsec-stack.h"
#include "ns3/ipv6-address.h"
#include "ns3/node.h"
#include "ns3/sip-message.h"
#include "ns3/sip-transaction-manager.h"
#include "ns3/sip-transport.h"
#include "ns3/temporary-address-manager.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{
namespace tests
{

/**
 * \ingroup imssec-tests
 * A scripted P-CSCF + S-CSCF + remote party on one core node, for the UE tests: SipTransport
 * (5060 clear, 5062/5063 protected) and SipTransactionManager, an IpsecStack holding the
 * P-CSCF side of the SA sets (ImsSecAgree::BuildSaSetParameters, so protected messages
 * really pass), and an Hss whose real Milenage vectors the UE's USIM accepts.
 *
 * By default it answers an unprotected REGISTER (and a protected one without a response when
 * `reauthenticate`) with a 401 carrying an AKA challenge and its Security-Server; a protected
 * REGISTER with a response is checked (it came through the pending set, RES against XRES
 * through the Digest, Security-Verify equal to its Security-Server) and answered 200 with
 * Service-Route, the old set then deleted.  A script can override each REGISTER's answer.
 * INVITEs from the UE are answered as a remote party (180, 200 after answerDelay), UPDATE and
 * BYE with `updateStatus` / `byeStatus` (0: no answer).  It can also originate a terminating
 * session to the UE's registered Contact through the SAs.
 */
class UeTestCore
{
  public:
    /** How to answer one REGISTER. */
    enum Answer : uint8_t
    {
        AUTO = 0,  //!< the default behaviour described above
        CHALLENGE, //!< 401 with a new vector
        STALE,     //!< 401 replaying the last vector (a USIM synchronisation failure)
        BAD_AUTN,  //!< 401 with a vector whose AUTN MAC is wrong (a USIM MAC failure)
        OK,        //!< 200 without challenge (extends the active set)
        REJECT,    //!< the given status (494 with Security-Server, 421 with Require)
        SILENT,    //!< no answer at all
    };

    /** The script's decision. */
    struct Decision
    {
        Answer answer{AUTO}; //!< what to do
        uint16_t status{0};  //!< for REJECT
    };

    /** Called for every REGISTER: the request, how it came, its number (1, 2, ...). */
    typedef std::function<Decision(const SipMessage&, const SipPacketInfo&, uint32_t)> Script;

    /** One message received by the core. */
    struct Received
    {
        Time time;          //!< when
        SipMessage message; //!< what
        SipPacketInfo info; //!< how
    };

    /**
     * \param node the core node (IPv6 and IpsecStack installed)
     * \param address its address
     * \param hss the HSS
     */
    UeTestCore(Ptr<Node> node, Ipv6Address address, Ptr<Hss> hss);
    ~UeTestCore();

    /** \brief Starts the transport and transaction manager. */
    void Start();

    /**
     * \brief Sends a terminating INVITE to the registered Contact through the SAs.
     * \param sessionExpires Session-Expires of the INVITE (0: none)
     * \returns false when no Contact is registered or the send failed
     */
    bool SendInvite(uint32_t sessionExpires);

    /**
     * \brief Sends a request in the terminating dialog (after SendInvite's 200).
     * \param method e.g. "UPDATE", "BYE"
     * \param cseq the CSeq number (0: the next one)
     * \returns false when there is no dialog or the send failed
     */
    bool SendInDialog(const std::string& method, uint32_t cseq = 0);

    /**
     * \brief Cancels the terminating INVITE (RFC 3261 9.1).
     * \returns false when there is none
     */
    bool SendCancel();

    /**
     * \brief Sends an INVITE in clear from port 5060 to the UE's port 5060.
     * \returns false when nothing is registered
     */
    bool SendClearInvite();

    /**
     * \brief Sends a 200 whose branch matches no transaction to the Contact, through the SAs.
     * \returns false when nothing is registered
     */
    bool SendStrayResponse();

    /**
     * \brief Sends a request with a Call-ID of no dialog to the Contact.
     * \param method e.g. "BYE"
     * \param withToTag with a To tag (in-dialog form), else an out-of-dialog request
     * \returns false when nothing is registered
     */
    bool SendUnknownDialogRequest(const std::string& method, bool withToTag = true);

    /**
     * \brief Sends raw bytes to the registered Contact through the SAs (from 5062).
     * \param bytes the UDP payload
     * \returns false when the IPsec layer refused
     */
    bool SendRawProtected(const std::string& bytes);

    /**
     * \param method a request method
     * \returns the requests of that method received, in order
     */
    std::vector<Received> GetRequests(const std::string& method) const;

    /**
     * \param method CSeq method
     * \returns the responses received to the core's own requests with that CSeq method
     */
    std::vector<Received> GetResponses(const std::string& method) const;

    /** \returns the vector of the last challenge (its XRES, CK, IK) */
    const AkaVector& GetLastVector() const
    {
        return m_lastVector;
    }

    // settings
    AddrPrefLengthPolicy policy{AddrPrefLengthPolicy::HONOUR}; //!< P-CSCF selector policy
    uint8_t minLength{64};                                     //!< for CLAMP
    uint32_t maxExpires{3600};                                 //!< granted expiry cap
    bool reauthenticate{true};                                 //!< challenge protected re-REGISTERs
    std::string alg{"hmac-sha-1-96"};                          //!< the P-CSCF's only algorithm
    Time answerDelay{Seconds(1)};                              //!< 180 -> 200 to the UE's INVITEs
    uint16_t inviteStatus{200}; //!< final answer to the UE's INVITEs (0: none)
    uint16_t updateStatus{200}; //!< answer to UPDATE (0: none)
    uint16_t byeStatus{200};    //!< answer to BYE (0: none)
    Script script;              //!< REGISTER script (null: AUTO)

    // state, for the assertions
    Ptr<Node> node;                            //!< core node
    Ipv6Address address;                       //!< its address
    Ptr<Hss> hss;                              //!< the HSS
    Ptr<IpsecStack> ipsec;                     //!< its IPsec layer
    Ptr<SipTransport> transport;               //!< transport
    Ptr<SipTransactionManager> tm;             //!< transactions
    uint32_t activeSet{0};                     //!< P-CSCF side of the active set
    uint32_t pendingSet{0};                    //!< P-CSCF side of the pending set
    std::vector<SecurityMechanism> serverList; //!< the last Security-Server sent
    std::optional<SipUri> contact;             //!< the registered Contact
    uint32_t registers{0};                     //!< REGISTERs received
    uint32_t verified{0};                      //!< responses verified (RES == XRES)
    uint32_t badResponses{0};                  //!< responses that did not verify
    uint32_t badVerify{0};                     //!< Security-Verify mismatches
    uint32_t wrongSet{0};                      //!< protected REGISTER on the wrong SA set
    uint32_t resyncs{0};                       //!< AUTS processed
    std::vector<Received> received;            //!< every request and response received

  private:
    /**
     * \param m a request
     * \param info how it came
     * \param handle its server transaction
     */
    void OnRequest(const SipMessage& m, const SipPacketInfo& info, uint64_t handle);
    /**
     * \param m a REGISTER
     * \param info how it came
     * \param handle its server transaction
     */
    void OnRegister(const SipMessage& m, const SipPacketInfo& info, uint64_t handle);
    /**
     * \brief 401 with a challenge; installs the pending P-CSCF set.
     * \param m the REGISTER
     * \param info how it came
     * \param handle its server transaction
     * \param kind CHALLENGE, STALE or BAD_AUTN
     * \param resynced a vector from a resynchronisation (used instead of a new one)
     */
    void Challenge(const SipMessage& m,
                   const SipPacketInfo& info,
                   uint64_t handle,
                   Answer kind,
                   const AkaVector* resynced);
    /**
     * \brief Checks a REGISTER with a response, 200 or 403/494.
     * \param m the REGISTER
     * \param info how it came
     * \param handle its server transaction
     */
    void Verify(const SipMessage& m, const SipPacketInfo& info, uint64_t handle);
    /**
     * \brief 200 to a REGISTER.
     * \param m the REGISTER
     * \param handle its server transaction
     */
    void Accept(const SipMessage& m, uint64_t handle);
    /**
     * \param m an INVITE from the UE
     * \param handle its server transaction
     */
    void AnswerInvite(const SipMessage& m, uint64_t handle);
    /**
     * \param m a response to the core's own request
     * \param info how it came
     */
    void OnResponse(const SipMessage& m, const SipPacketInfo& info);
    /** \returns the P-CSCF's protected target to the registered Contact (port-s) */
    SipTarget ContactTarget() const;
    /**
     * \param method method
     * \param uri Request-URI
     * \param cseq CSeq number
     * \returns a request from the core to the UE with the terminating dialog's tags
     */
    SipMessage MakeRequest(const std::string& method, const SipUri& uri, uint32_t cseq);

    AkaVector m_lastVector;    //!< vector of the last challenge
    std::string m_lastImpi;    //!< IMPI of the last challenge
    std::string m_nonce;       //!< nonce of the pending challenge
    uint32_t m_nextSpi{50000}; //!< P-CSCF SPIs
    uint64_t m_nextToken{1};   //!< tags and branches
    // terminating dialog
    std::string m_callId;             //!< Call-ID
    std::string m_fromTag;            //!< core's tag
    std::string m_toTag;              //!< UE's tag
    std::optional<SipUri> m_ueTarget; //!< UE's Contact in the 200
    SipMessage m_invite;              //!< the terminating INVITE
    uint32_t m_cseq{0};               //!< core's CSeq
};

/**
 * \ingroup imssec-tests
 * One UE behind a GGSN (ImsAccessHelper), a core node running UeTestCore, an Hss, and the
 * UE's ImsUeClient (ImsUeHelper).  Every UDP or ESP packet on the UE's link is recorded.
 * The PDP context is activated at 1 s: the first temporary address is there about 1 s later.
 */
class UeTestNetwork : public TestNetwork, public WireLog
{
  public:
    /**
     * \param configureAccess called on the access helper before Install (e.g. rotation)
     * \param configureUe called on the UE helper before Install (e.g. AddrPrefLength)
     */
    UeTestNetwork(const std::function<void(ImsAccessHelper&)>& configureAccess = nullptr,
                  const std::function<void(ImsUeHelper&)>& configureUe = nullptr);

    /**
     * Stops the core and destroys the simulator while the trace sinks here still exist (the
     * SAD reports its last SaCount while it is disposed).
     */
    ~UeTestNetwork() override;

    /** \returns the number of SA sets in the UE's IPsec layer */
    uint32_t UeSaSets() const;

    Ptr<Node> ue;                                        //!< UE node
    Ptr<Node> ggsn;                                      //!< GGSN
    Ptr<Node> coreNode;                                  //!< core node
    ImsAccessHelper access;                              //!< access helper
    Ptr<Hss> hss;                                        //!< HSS
    Ipv6Address coreAddress;                             //!< core address
    Ptr<ImsUeClient> client;                             //!< the UE's client
    Ptr<TemporaryAddressManager> tam;                    //!< the UE's address manager
    Ptr<IpsecStack> ueIpsec;                             //!< the UE's IPsec layer
    std::unique_ptr<UeTestCore> core;                    //!< the scripted core
    std::vector<std::pair<Time, Ipv6Address>> generated; //!< TemporaryAddressGenerated
    std::vector<uint32_t> sadSizes;                      //!< the UE SAD's SaCount values over time
};

} // namespace tests
} // namespace ns3

#endif /* IMS_UE_TEST_CORE_H */
