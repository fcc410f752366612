/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef SIP_MESSAGE_FACTORY_H
#define SIP_MESSAGE_FACTORY_H

#include "sip-message.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief Builds requests (RFC 3261 section 8.1.1) and responses to a request (section
 * 8.2.6), the way the UE, P-CSCF and S-CSCF create messages.
 */
class SipMessageFactory
{
  public:
    /**
     * \brief Creates a request with the mandatory headers in the usual order: Via,
     * Max-Forwards, From, To, Call-ID, CSeq.
     * \param method the method, e.g. "REGISTER"
     * \param requestUri the Request-URI
     * \param via the top Via (with its branch)
     * \param from From (with its tag)
     * \param to To (no tag outside a dialog)
     * \param callId Call-ID
     * \param sequence CSeq number
     * \param maxForwards Max-Forwards (70 by RFC 3261)
     * \returns the request, without body
     */
    static SipMessage CreateRequest(std::string_view method,
                                    const SipUri& requestUri,
                                    const SipVia& via,
                                    const SipNameAddr& from,
                                    const SipNameAddr& to,
                                    std::string_view callId,
                                    uint32_t sequence,
                                    uint8_t maxForwards = 70);

    /**
     * \brief Creates a response to a request as RFC 3261 section 8.2.6.2 says: the Via
     * lines copied in order, From, Call-ID and CSeq copied, To copied with a tag added when
     * it has none and the response is not 100.
     * \param request the request
     * \param statusCode 100..699
     * \param reason the reason phrase, "" for the default one of GetReasonPhrase()
     * \param toTag the To tag to add (ignored when To has a tag, or for 100)
     * \returns the response, without body
     */
    static SipMessage CreateResponse(const SipMessage& request,
                                     uint16_t statusCode,
                                     std::string_view reason = "",
                                     std::string_view toTag = "");

    /**
     * \param statusCode a status code
     * \returns its default reason phrase (RFC 3261 section 21, 494 of RFC 3329), or a
     *          generic one for the class
     */
    static std::string GetReasonPhrase(uint16_t statusCode);

    /**
     * \param value a number (e.g. from a random variable), made unique by the caller
     * \returns an RFC 3261 branch: "z9hG4bK" followed by the value in hexadecimal
     */
    static std::string MakeBranch(uint64_t value);

    /**
     * \param value a number, made unique by the caller
     * \returns a tag or Call-ID token: the value in hexadecimal
     */
    static std::string MakeToken(uint64_t value);
};

} // namespace ns3

#endif /* SIP_MESSAGE_FACTORY_H */
