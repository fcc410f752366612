/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "sip-dialog.h"

#include "ns3/sip-message-factory.h"
#include "ns3/sip-text.h"

#include <algorithm>

namespace ns3
{

SipDialog::SipDialog()
    : m_localSequence(0),
      m_remoteSequence(0),
      m_hasRemoteSequence(false)
{
}

bool
SipDialog::ReadContact(const SipMessage& message, SipUri* target)
{
    std::vector<SipNameAddr> contacts = message.GetContacts();
    if (contacts.empty() || contacts.front().IsWildcard())
    {
        return false;
    }
    *target = contacts.front().GetUri();
    return true;
}

bool
SipDialog::CreateAsUac(const SipMessage& invite, const SipMessage& response, SipDialog* out)
{
    auto from = invite.GetFrom();
    auto to = response.GetTo();
    auto callId = invite.GetCallId();
    auto cseq = invite.GetCseq();
    if (!from || !from->GetTag() || !to || !to->GetTag() || !callId || !cseq)
    {
        return false;
    }
    SipDialog d;
    if (!ReadContact(response, &d.m_remoteTarget))
    {
        return false;
    }
    d.m_callId = *callId;
    d.m_localTag = *from->GetTag();
    d.m_remoteTag = *to->GetTag();
    d.m_localUri = from->GetUri();
    d.m_remoteUri = to->GetUri();
    d.m_routeSet = response.GetNameAddrs("Record-Route");
    std::reverse(d.m_routeSet.begin(), d.m_routeSet.end());
    d.m_localSequence = cseq->GetSequence();
    *out = d;
    return true;
}

bool
SipDialog::CreateAsUas(const SipMessage& invite, const std::string& localTag, SipDialog* out)
{
    auto from = invite.GetFrom();
    auto to = invite.GetTo();
    auto callId = invite.GetCallId();
    auto cseq = invite.GetCseq();
    if (!from || !from->GetTag() || !to || !callId || !cseq || localTag.empty())
    {
        return false;
    }
    SipDialog d;
    if (!ReadContact(invite, &d.m_remoteTarget))
    {
        return false;
    }
    d.m_callId = *callId;
    d.m_localTag = localTag;
    d.m_remoteTag = *from->GetTag();
    d.m_localUri = to->GetUri();
    d.m_remoteUri = from->GetUri();
    d.m_routeSet = invite.GetNameAddrs("Record-Route");
    d.m_remoteSequence = cseq->GetSequence();
    d.m_hasRemoteSequence = true;
    *out = d;
    return true;
}

std::string
SipDialog::MakeKey(const std::string& callId, const std::string& localTag)
{
    return callId + "\n" + localTag;
}

std::string
SipDialog::KeyOfReceived(const SipMessage& message)
{
    std::optional<SipNameAddr> local = message.IsRequest() ? message.GetTo() : message.GetFrom();
    if (!local || !local->GetTag())
    {
        return "";
    }
    return MakeKey(message.GetCallId().value_or(""), *local->GetTag());
}

std::string
SipDialog::GetKey() const
{
    return MakeKey(m_callId, m_localTag);
}

SipMessage
SipDialog::BuildRequest(const std::string& method, uint32_t sequence, const SipVia& via) const
{
    SipNameAddr from(m_localUri);
    from.SetTag(m_localTag);
    SipNameAddr to(m_remoteUri);
    to.SetTag(m_remoteTag);
    SipMessage r =
        SipMessageFactory::CreateRequest(method, m_remoteTarget, via, from, to, m_callId, sequence);
    if (!m_routeSet.empty())
    {
        r.SetNameAddrs("Route", m_routeSet);
    }
    return r;
}

SipMessage
SipDialog::CreateRequest(const std::string& method, const SipVia& via)
{
    return BuildRequest(method, ++m_localSequence, via);
}

SipMessage
SipDialog::CreateAck(uint32_t inviteSequence, const SipVia& via) const
{
    return BuildRequest("ACK", inviteSequence, via);
}

bool
SipDialog::Matches(const SipMessage& request) const
{
    auto callId = request.GetCallId();
    auto from = request.GetFrom();
    auto to = request.GetTo();
    return callId && *callId == m_callId && from && from->GetTag() &&
           *from->GetTag() == m_remoteTag && to && to->GetTag() && *to->GetTag() == m_localTag;
}

bool
SipDialog::GetNextHop(Ipv6Address* address, uint16_t* port) const
{
    const SipUri& uri = m_routeSet.empty() ? m_remoteTarget : m_routeSet.front().GetUri();
    if (!uri.IsIpv6Host() || !SipText::IsIpv6Address(uri.GetHostAddress()))
    {
        return false;
    }
    *address = Ipv6Address(uri.GetHostAddress().c_str());
    *port = uri.GetPort().value_or(5060);
    return true;
}

bool
SipDialog::AcceptRemoteSequence(uint32_t sequence)
{
    // 12.2.2 refuses a lower number; a repeated one on a new transaction is refused too, as a
    // UAC adds one per new request (12.2.1.1).  Retransmissions never get here (the
    // transaction layer absorbs them), nor do ACK and CANCEL, which reuse the INVITE's number.
    if (m_hasRemoteSequence && sequence <= m_remoteSequence)
    {
        return false;
    }
    m_remoteSequence = sequence;
    m_hasRemoteSequence = true;
    return true;
}

bool
SipDialog::RefreshTarget(const SipMessage& message)
{
    return ReadContact(message, &m_remoteTarget);
}

const std::string&
SipDialog::GetCallId() const
{
    return m_callId;
}

const std::string&
SipDialog::GetLocalTag() const
{
    return m_localTag;
}

const std::string&
SipDialog::GetRemoteTag() const
{
    return m_remoteTag;
}

const SipUri&
SipDialog::GetLocalUri() const
{
    return m_localUri;
}

const SipUri&
SipDialog::GetRemoteUri() const
{
    return m_remoteUri;
}

const SipUri&
SipDialog::GetRemoteTarget() const
{
    return m_remoteTarget;
}

const std::vector<SipNameAddr>&
SipDialog::GetRouteSet() const
{
    return m_routeSet;
}

uint32_t
SipDialog::GetLocalSequence() const
{
    return m_localSequence;
}

uint32_t
SipDialog::GetRemoteSequence() const
{
    return m_remoteSequence;
}

} // namespace ns3
