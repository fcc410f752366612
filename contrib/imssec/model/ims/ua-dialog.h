/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef UA_DIALOG_H
#define UA_DIALOG_H

#include "ns3/ipv6-address.h"
#include "ns3/sip-message.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief The state of one SIP dialog at a user agent (RFC 3261 section 12): its identifier
 * (Call-ID, local and remote tags), local and remote URIs, remote target, route set and
 * sequence numbers, and the requests built inside it (12.2.1.1).
 *
 * Created by the UAC from the INVITE it sent and the 2xx it received (12.1.2: route set =
 * Record-Route of the 2xx in reverse order, remote target = its Contact), or by the UAS from
 * the INVITE it received (12.1.1: route set = Record-Route in order, remote target = the
 * request's Contact).  Only loose routing (`lr`) is supported: a request goes to the first
 * Route of the route set, or to the remote target when the set is empty.
 */
class UaDialog
{
  public:
    UaDialog();

    /**
     * \brief UAC side (RFC 3261 12.1.2).
     * \param request the dialog-creating request sent (INVITE)
     * \param response its 2xx (or 1xx with To tag) received
     * \param[out] dialog the dialog
     * \returns false when the response has no To tag or no usable Contact
     */
    static bool CreateAsUac(const SipMessage& request,
                            const SipMessage& response,
                            UaDialog* dialog);

    /**
     * \brief UAS side (RFC 3261 12.1.1).
     * \param request the dialog-creating request received (INVITE)
     * \param localTag the To tag the UAS puts in its responses
     * \param[out] dialog the dialog
     * \returns false when the request has no From tag or no usable Contact
     */
    static bool CreateAsUas(const SipMessage& request,
                            const std::string& localTag,
                            UaDialog* dialog);

    /**
     * \param callId Call-ID
     * \param localTag local tag
     * \returns the key of a dialog as this UA files it (Call-ID and local tag; the local
     *          tag is unique at this UA)
     */
    static std::string MakeKey(const std::string& callId, const std::string& localTag);

    /**
     * \param message a request received (To tag = local) or a response received (From tag
     *        = local)
     * \returns the key of the dialog it belongs to ("" when the local tag is missing)
     */
    static std::string KeyOfReceived(const SipMessage& message);

    /** \returns MakeKey(Call-ID, local tag) */
    std::string GetKey() const;

    /**
     * \brief Builds a request inside the dialog (RFC 3261 12.2.1.1): Request-URI = remote
     * target, Route = route set, From/To with the tags, Call-ID, the next local CSeq (the
     * INVITE's number for ACK), Max-Forwards 70.
     * \param method the method
     * \param via the top Via (with a new branch; the INVITE's branch for CANCEL)
     * \param inviteCseq for ACK and CANCEL: the CSeq number of the INVITE
     * \returns the request, no body
     */
    SipMessage CreateRequest(const std::string& method, const SipVia& via, uint32_t inviteCseq = 0);

    /**
     * \brief Where an in-dialog request goes: the first Route (loose routing) or the remote
     * target.
     * \param[out] address the next hop address
     * \param[out] port the next hop port (5060 when absent)
     * \returns false when that URI does not name an IPv6 address
     */
    bool GetNextHop(Ipv6Address* address, uint16_t* port) const;

    /**
     * \brief RFC 3261 12.2.2: a request received in the dialog must carry a CSeq above the
     * last one (the first one sets it).
     * \param sequence the CSeq number received
     * \returns false when it is not above the remote sequence number (answer 500)
     */
    bool AcceptRemoteSequence(uint32_t sequence);

    /**
     * \brief Target refresh (RFC 3261 12.2.2 / 12.2.1.2): a new remote target from the
     * Contact of a re-INVITE, UPDATE or their 2xx.
     * \param message a message with a Contact
     */
    void RefreshRemoteTarget(const SipMessage& message);

    /** \returns the Call-ID */
    const std::string& GetCallId() const;
    /** \returns the local tag */
    const std::string& GetLocalTag() const;
    /** \returns the remote tag */
    const std::string& GetRemoteTag() const;
    /** \returns the local URI (From of our requests) */
    const std::string& GetLocalUri() const;
    /** \returns the remote URI (To of our requests) */
    const std::string& GetRemoteUri() const;
    /** \returns the remote target (Request-URI of our requests) */
    const std::string& GetRemoteTarget() const;
    /** \returns the route set, in the order of the Route headers of our requests */
    const std::vector<std::string>& GetRouteSet() const;
    /** \returns the local sequence number (last CSeq sent) */
    uint32_t GetLocalSequence() const;
    /** \returns the remote sequence number (last CSeq received, 0 when none) */
    uint32_t GetRemoteSequence() const;

  private:
    std::string m_callId;                //!< Call-ID
    std::string m_localTag;              //!< local tag
    std::string m_remoteTag;             //!< remote tag
    std::string m_localUri;              //!< local URI
    std::string m_remoteUri;             //!< remote URI
    std::string m_remoteTarget;          //!< remote target URI
    std::vector<std::string> m_routeSet; //!< Route values
    uint32_t m_localSequence;            //!< last CSeq sent
    uint32_t m_remoteSequence;           //!< last CSeq received
    bool m_remoteSequenceSet;            //!< a CSeq was received
};

} // namespace ns3

#endif /* UA_DIALOG_H */
