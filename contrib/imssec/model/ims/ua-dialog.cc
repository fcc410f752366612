/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ua-dialog.h"

#include "ns3/log.h"
#include "ns3/sip-message-factory.h"
#include "ns3/sip-text.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecUaDialog");

namespace
{

/**
 * \param message a message
 * \param[out] uri the URI of its first Contact
 * \returns false when there is none or it is the wildcard
 */
bool
FirstContact(const SipMessage& message, std::string* uri)
{
    std::vector<SipNameAddr> contacts = message.GetContacts();
    if (contacts.empty() || contacts.front().IsWildcard())
    {
        return false;
    }
    *uri = contacts.front().GetUri().ToString();
    return true;
}

} // namespace

UaDialog::UaDialog()
    : m_localSequence(0),
      m_remoteSequence(0),
      m_remoteSequenceSet(false)
{
}

bool
UaDialog::CreateAsUac(const SipMessage& request, const SipMessage& response, UaDialog* dialog)
{
    std::optional<SipNameAddr> from = request.GetFrom();
    std::optional<SipNameAddr> to = response.GetTo();
    std::optional<SipCseq> cseq = request.GetCseq();
    UaDialog d;
    if (!from || !to || !from->GetTag() || !to->GetTag() || !cseq ||
        !FirstContact(response, &d.m_remoteTarget))
    {
        return false;
    }
    d.m_callId = request.GetCallId().value_or("");
    d.m_localTag = *from->GetTag();
    d.m_remoteTag = *to->GetTag();
    d.m_localUri = from->GetUri().ToString();
    d.m_remoteUri = to->GetUri().ToString();
    d.m_routeSet = response.GetAll("Record-Route");
    std::reverse(d.m_routeSet.begin(), d.m_routeSet.end());
    d.m_localSequence = cseq->GetSequence();
    *dialog = d;
    return true;
}

bool
UaDialog::CreateAsUas(const SipMessage& request, const std::string& localTag, UaDialog* dialog)
{
    std::optional<SipNameAddr> from = request.GetFrom();
    std::optional<SipNameAddr> to = request.GetTo();
    std::optional<SipCseq> cseq = request.GetCseq();
    UaDialog d;
    if (!from || !to || !from->GetTag() || !cseq || localTag.empty() ||
        !FirstContact(request, &d.m_remoteTarget))
    {
        return false;
    }
    d.m_callId = request.GetCallId().value_or("");
    d.m_localTag = localTag;
    d.m_remoteTag = *from->GetTag();
    d.m_localUri = to->GetUri().ToString();
    d.m_remoteUri = from->GetUri().ToString();
    d.m_routeSet = request.GetAll("Record-Route");
    d.m_remoteSequence = cseq->GetSequence();
    d.m_remoteSequenceSet = true;
    *dialog = d;
    return true;
}

std::string
UaDialog::MakeKey(const std::string& callId, const std::string& localTag)
{
    return callId + "\n" + localTag;
}

std::string
UaDialog::KeyOfReceived(const SipMessage& message)
{
    std::optional<SipNameAddr> local = message.IsRequest() ? message.GetTo() : message.GetFrom();
    if (!local || !local->GetTag())
    {
        return "";
    }
    return MakeKey(message.GetCallId().value_or(""), *local->GetTag());
}

std::string
UaDialog::GetKey() const
{
    return MakeKey(m_callId, m_localTag);
}

SipMessage
UaDialog::CreateRequest(const std::string& method, const SipVia& via, uint32_t inviteCseq)
{
    SipUri target;
    SipUri::Parse(m_remoteTarget, &target, nullptr);
    SipUri localUri;
    SipUri::Parse(m_localUri, &localUri, nullptr);
    SipUri remoteUri;
    SipUri::Parse(m_remoteUri, &remoteUri, nullptr);
    SipNameAddr from(localUri);
    from.SetTag(m_localTag);
    SipNameAddr to(remoteUri);
    to.SetTag(m_remoteTag);
    uint32_t sequence;
    if (method == "ACK" || method == "CANCEL")
    {
        sequence = inviteCseq;
    }
    else
    {
        sequence = ++m_localSequence;
    }
    SipMessage m =
        SipMessageFactory::CreateRequest(method, target, via, from, to, m_callId, sequence);
    for (const std::string& route : m_routeSet)
    {
        m.AddHeader("Route", route);
    }
    return m;
}

bool
UaDialog::GetNextHop(Ipv6Address* address, uint16_t* port) const
{
    SipUri uri;
    if (!m_routeSet.empty())
    {
        SipNameAddr route;
        if (!SipNameAddr::Parse(m_routeSet.front(), &route, nullptr))
        {
            return false;
        }
        uri = route.GetUri();
    }
    else if (!SipUri::Parse(m_remoteTarget, &uri, nullptr))
    {
        return false;
    }
    if (!uri.IsIpv6Host() || !SipText::IsIpv6Address(uri.GetHostAddress()))
    {
        return false;
    }
    *address = Ipv6Address(uri.GetHostAddress().c_str());
    *port = uri.GetPort().value_or(5060);
    return true;
}

bool
UaDialog::AcceptRemoteSequence(uint32_t sequence)
{
    if (m_remoteSequenceSet && sequence <= m_remoteSequence)
    {
        return false;
    }
    m_remoteSequence = sequence;
    m_remoteSequenceSet = true;
    return true;
}

void
UaDialog::RefreshRemoteTarget(const SipMessage& message)
{
    std::string uri;
    if (FirstContact(message, &uri))
    {
        m_remoteTarget = uri;
    }
}

const std::string&
UaDialog::GetCallId() const
{
    return m_callId;
}

const std::string&
UaDialog::GetLocalTag() const
{
    return m_localTag;
}

const std::string&
UaDialog::GetRemoteTag() const
{
    return m_remoteTag;
}

const std::string&
UaDialog::GetLocalUri() const
{
    return m_localUri;
}

const std::string&
UaDialog::GetRemoteUri() const
{
    return m_remoteUri;
}

const std::string&
UaDialog::GetRemoteTarget() const
{
    return m_remoteTarget;
}

const std::vector<std::string>&
UaDialog::GetRouteSet() const
{
    return m_routeSet;
}

uint32_t
UaDialog::GetLocalSequence() const
{
    return m_localSequence;
}

uint32_t
UaDialog::GetRemoteSequence() const
{
    return m_remoteSequence;
}

} // namespace ns3
