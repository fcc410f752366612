/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IMS_UE_DIALOG_H
#define IMS_UE_DIALOG_H

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
 * \brief One SIP dialog as RFC 3261 section 12 defines it, for a user agent: Call-ID, local
 * and remote tags and URIs, remote target, route set and the two CSeq spaces.
 *
 * Created by the UAC from its INVITE and the 2xx (route set = Record-Route reversed, remote
 * target = the 2xx's Contact) or by the UAS from the INVITE (route set = Record-Route in
 * order, remote target = the INVITE's Contact).  Builds in-dialog requests (12.2.1.1) and the
 * ACK of a 2xx (13.2.2.4), matches incoming in-dialog requests (12.2.2: Call-ID, To tag =
 * local tag, From tag = remote tag) and checks their CSeq order.
 */
class ImsUeDialog
{
  public:
    ImsUeDialog();

    /**
     * \brief UAC side (RFC 3261 12.1.2).
     * \param invite the INVITE sent
     * \param response its 2xx
     * \param[out] out the dialog
     * \returns false when the response lacks a To tag or a usable Contact
     */
    static bool CreateAsUac(const SipMessage& invite, const SipMessage& response, ImsUeDialog* out);

    /**
     * \brief UAS side (RFC 3261 12.1.1).
     * \param invite the INVITE received
     * \param localTag the To tag the UAS puts in its responses
     * \param[out] out the dialog
     * \returns false when the INVITE lacks a From tag or a usable Contact
     */
    static bool CreateAsUas(const SipMessage& invite,
                            const std::string& localTag,
                            ImsUeDialog* out);

    /**
     * \brief Builds a request inside the dialog (12.2.1.1) with the next local CSeq.
     * \param method e.g. "UPDATE", "BYE"
     * \param via the top Via (with a new branch)
     * \returns the request: Request-URI = remote target, Route = route set
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
     * \brief RFC 3261 12.2.2: a request whose CSeq is lower than the last one is refused
     * (500); the remote sequence number is updated otherwise.
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
    /** \returns the remote target */
    const SipUri& GetRemoteTarget() const;
    /** \returns the route set, in the order requests carry it */
    const std::vector<SipNameAddr>& GetRouteSet() const;
    /** \returns the last local CSeq number used */
    uint32_t GetLocalSequence() const;

  private:
    /**
     * \param message a message with Contact
     * \param[out] target its first Contact URI
     * \returns false when there is none (or a wildcard)
     */
    static bool ReadContact(const SipMessage& message, SipUri* target);

    std::string m_callId;                //!< Call-ID
    std::string m_localTag;              //!< local tag
    std::string m_remoteTag;             //!< remote tag
    SipNameAddr m_local;                 //!< local URI (no tag)
    SipNameAddr m_remote;                //!< remote URI (no tag)
    SipUri m_remoteTarget;               //!< remote target
    std::vector<SipNameAddr> m_routeSet; //!< route set
    uint32_t m_localSequence;            //!< last local CSeq number
    uint32_t m_remoteSequence;           //!< last remote CSeq number
    bool m_hasRemoteSequence;            //!< a remote CSeq has been seen
};

} // namespace ns3

#endif /* IMS_UE_DIALOG_H */
