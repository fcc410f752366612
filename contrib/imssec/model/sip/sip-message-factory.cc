/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "sip-message-factory.h"

#include "sip-text.h"

#include <cstdio>

namespace ns3
{

SipMessage
SipMessageFactory::CreateRequest(std::string_view method,
                                 const SipUri& requestUri,
                                 const SipVia& via,
                                 const SipNameAddr& from,
                                 const SipNameAddr& to,
                                 std::string_view callId,
                                 uint32_t sequence,
                                 uint8_t maxForwards)
{
    SipMessage m = SipMessage::MakeRequest(method, requestUri.ToString());
    m.AddHeader("Via", via.ToString());
    m.AddHeader("Max-Forwards", std::to_string(maxForwards));
    m.AddHeader("From", from.ToString());
    m.AddHeader("To", to.ToString());
    m.AddHeader("Call-ID", callId);
    m.AddHeader("CSeq", SipCseq(sequence, method).ToString());
    return m;
}

SipMessage
SipMessageFactory::CreateResponse(const SipMessage& request,
                                  uint16_t statusCode,
                                  std::string_view reason,
                                  std::string_view toTag)
{
    SipMessage r = SipMessage::MakeResponse(statusCode,
                                            reason.empty() ? GetReasonPhrase(statusCode)
                                                           : std::string(reason));
    // Via lines keep their order and grouping
    for (size_t i = 0; i < request.GetHeaderCount(); ++i)
    {
        if (SipHeaderNames::Lookup(request.GetHeaderName(i)) == SipHeaderId::VIA)
        {
            r.AddHeader("Via", request.GetHeaderValue(i));
        }
    }
    if (auto from = request.GetFirst("From"))
    {
        r.AddHeader("From", *from);
    }
    if (auto to = request.GetFirst("To"))
    {
        SipNameAddr a;
        if (statusCode != 100 && !toTag.empty() && SipNameAddr::Parse(*to, &a, nullptr) &&
            !a.GetTag())
        {
            a.SetTag(toTag);
            r.AddHeader("To", a.ToString());
        }
        else
        {
            r.AddHeader("To", *to);
        }
    }
    if (auto callId = request.GetCallId())
    {
        r.AddHeader("Call-ID", *callId);
    }
    if (auto cseq = request.GetFirst("CSeq"))
    {
        r.AddHeader("CSeq", *cseq);
    }
    return r;
}

std::string
SipMessageFactory::GetReasonPhrase(uint16_t code)
{
    switch (code)
    {
    case 100:
        return "Trying";
    case 180:
        return "Ringing";
    case 181:
        return "Call Is Being Forwarded";
    case 182:
        return "Queued";
    case 183:
        return "Session Progress";
    case 200:
        return "OK";
    case 202:
        return "Accepted";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Moved Temporarily";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 407:
        return "Proxy Authentication Required";
    case 408:
        return "Request Timeout";
    case 420:
        return "Bad Extension";
    case 421:
        return "Extension Required";
    case 423:
        return "Interval Too Brief";
    case 480:
        return "Temporarily Unavailable";
    case 481:
        return "Call/Transaction Does Not Exist";
    case 482:
        return "Loop Detected";
    case 483:
        return "Too Many Hops";
    case 486:
        return "Busy Here";
    case 487:
        return "Request Terminated";
    case 488:
        return "Not Acceptable Here";
    case 494:
        return "Security Agreement Required";
    case 500:
        return "Server Internal Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Server Time-out";
    case 600:
        return "Busy Everywhere";
    case 603:
        return "Decline";
    case 604:
        return "Does Not Exist Anywhere";
    case 606:
        return "Not Acceptable";
    }
    switch (code / 100)
    {
    case 1:
        return "Provisional";
    case 2:
        return "Success";
    case 3:
        return "Redirection";
    case 4:
        return "Client Error";
    case 5:
        return "Server Error";
    default:
        return "Global Failure";
    }
}

std::string
SipMessageFactory::MakeBranch(uint64_t value)
{
    return "z9hG4bK" + MakeToken(value);
}

std::string
SipMessageFactory::MakeToken(uint64_t value)
{
    char buf[20];
    std::snprintf(buf, sizeof(buf), "%llx", static_cast<unsigned long long>(value));
    return buf;
}

} // namespace ns3
