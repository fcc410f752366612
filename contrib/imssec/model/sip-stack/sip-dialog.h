/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef SIP_DIALOG_H
#define SIP_DIALOG_H

#include "ns3/ipv6-address.h"
#include "ns3/sip-message.h"
#include "ns3/sip-name-addr.h"
#include "ns3/sip-uri.h"
#include "ns3/sip-via.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief One SIP dialog as RFC 3261 section 12 defines it, for a user agent (the UE's IMS
 * client and the remote party): Call-ID, local and remote tags and URIs, remote target, route
 * set and the two CSeq spaces.
 *
 * Created by the UAC from its INVITE and the 2xx (12.1.2: route set = Record-Route reversed,
 * remote target = the 2xx's Contact) or by the UAS from the INVITE (12.1.1: route set =
 * Record-Route in order, remote target = the INVITE's Contact).  Builds in-dialog requests
 * (12.2.1.1) and the ACK of a 2xx (13.2.2.4), matches incoming in-dialog requests (12.2.2:
 * Call-ID, To tag = local tag, From tag = remote tag) and checks their CSeq order.  Only loose
 * routing (`lr`) is supported: a request goes to the first Route of the route set, or to the
 * remote target when the set is empty.
 */
class SipDialog
{
  public:
    SipDialog();

    /**
     * \brief UAC side (RFC 3261 12.1.2).
     * \param invite the dialog-creating request sent (INVITE)
     * \param response its 2xx (or 1xx with To tag) received
     * \param[out] out the dialog
     * \returns false when the response lacks a To tag or a usable Contact
     */
    static bool CreateAsUac(const SipMessage& invite, const SipMessage& response, SipDialog* out);

    /**
     * \brief UAS side (RFC 3261 12.1.1).
     * \param invite the dialog-creating request received (INVITE)
     * \param localTag the To tag the UAS puts in its responses (not empty)
     * \param[out] out the dialog
     * \returns false when the INVITE lacks a From tag or a usable Contact
     */
    static bool CreateAsUas(const SipMessage& invite, const std::string& localTag, SipDialog* out);

    /**
     * \param callId Call-ID
     * \param localTag local tag
     * \returns the key under which a UA files a dialog (Call-ID and local tag: the local tag
     *          is unique at this UA)
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
     * \brief Builds a request inside the dialog (12.2.1.1) with the next local CSeq.
     * \param method e.g. "UPDATE", "BYE"
     * \param via the top Via (with a new branch)
     * \returns the request: Request-URI = remote target, Route = route set, no body
     */
    SipMessage CreateRequest(const std::string& method, const SipVia& via);

    /**
     * \brief Builds the ACK of a 2xx to the dialog's INVITE (13.2.2.4).
     * \param inviteSequence the CSeq number of the INVITE
     * \param via the top Via (a new branch)
     * \returns the ACK
     */
    SipMessage CreateAck(uint32_t inviteSequence, const SipVia& via) const;

    /**
     * \param request a received request
     * \returns true when it belongs to this dialog (Call-ID and both tags)
     */
    bool Matches(const SipMessage& request) const;

    /**
     * \brief Where an in-dialog request goes: the first Route (loose routing) or the remote
     * target.
     * \param[out] address the next hop address
     * \param[out] port the next hop port (5060 when absent)
     * \returns false when that URI does not name an IPv6 address
     */
    bool GetNextHop(Ipv6Address* address, uint16_t* port) const;

    /**
     * \brief RFC 3261 12.2.2: a request whose CSeq is not above the last one is out of order
     * (answer 500); the remote sequence number is updated otherwise.  Not for ACK and CANCEL,
     * which carry the INVITE's number.
     * \param sequence the request's CSeq number
     * \returns false when out of order
     */
    bool AcceptRemoteSequence(uint32_t sequence);

    /**
     * \brief Target refresh (RFC 3261 12.2, RFC 3311): a new remote target from a Contact.
     * \param message a request or 2xx with a Contact
     * \returns true when the remote target was replaced
     */
    bool RefreshTarget(const SipMessage& message);

    /** \returns the Call-ID */
    const std::string& GetCallId() const;
    /** \returns the local tag */
    const std::string& GetLocalTag() const;
    /** \returns the remote tag */
    const std::string& GetRemoteTag() const;
    /** \returns the local URI (From of our requests) */
    const SipUri& GetLocalUri() const;
    /** \returns the remote URI (To of our requests) */
    const SipUri& GetRemoteUri() const;
    /** \returns the remote target (Request-URI of our requests) */
    const SipUri& GetRemoteTarget() const;
    /** \returns the route set, in the order requests carry it */
    const std::vector<SipNameAddr>& GetRouteSet() const;
    /** \returns the last local CSeq number used */
    uint32_t GetLocalSequence() const;
    /** \returns the last remote CSeq number accepted (0 when none) */
    uint32_t GetRemoteSequence() const;

  private:
    /**
     * \param message a message with Contact
     * \param[out] target its first Contact URI
     * \returns false when there is none (or a wildcard)
     */
    static bool ReadContact(const SipMessage& message, SipUri* target);

    /**
     * \param method the method
     * \param sequence its CSeq number
     * \param via the top Via
     * \returns a request of this dialog (12.2.1.1)
     */
    SipMessage BuildRequest(const std::string& method, uint32_t sequence, const SipVia& via) const;

    std::string m_callId;                //!< Call-ID
    std::string m_localTag;              //!< local tag
    std::string m_remoteTag;             //!< remote tag
    SipUri m_localUri;                   //!< local URI (no tag)
    SipUri m_remoteUri;                  //!< remote URI (no tag)
    SipUri m_remoteTarget;               //!< remote target
    std::vector<SipNameAddr> m_routeSet; //!< route set
    uint32_t m_localSequence;            //!< last local CSeq number
    uint32_t m_remoteSequence;           //!< last remote CSeq number
    bool m_hasRemoteSequence;            //!< a remote CSeq has been seen
};

} // namespace ns3

#endif /* SIP_DIALOG_H */
