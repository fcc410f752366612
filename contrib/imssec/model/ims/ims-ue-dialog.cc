/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ims-ue-dialog.h"

#include "ns3/sip-message-factory.h"

#include <algorithm>

namespace ns3
{

ImsUeDialog::ImsUeDialog()
    : m_localSequence(0),
      m_remoteSequence(0),
      m_hasRemoteSequence(false)
{
}

bool
ImsUeDialog::ReadContact(const SipMessage& message, SipUri* target)
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
ImsUeDialog::CreateAsUac(const SipMessage& invite, const SipMessage& response, ImsUeDialog* out)
{
    auto from = invite.GetFrom();
    auto to = response.GetTo();
    auto callId = invite.GetCallId();
    auto cseq = invite.GetCseq();
    if (!from || !from->GetTag() || !to || !to->GetTag() || !callId || !cseq)
    {
        return false;
    }
    ImsUeDialog d;
    if (!ReadContact(response, &d.m_remoteTarget))
    {
        return false;
    }
    d.m_callId = *callId;
    d.m_localTag = *from->GetTag();
    d.m_remoteTag = *to->GetTag();
    d.m_local = SipNameAddr(from->GetUri());
    d.m_remote = SipNameAddr(to->GetUri());
    d.m_routeSet = response.GetNameAddrs("Record-Route");
    std::reverse(d.m_routeSet.begin(), d.m_routeSet.end());
    d.m_localSequence = cseq->GetSequence();
    *out = d;
    return true;
}

bool
ImsUeDialog::CreateAsUas(const SipMessage& invite, const std::string& localTag, ImsUeDialog* out)
{
    auto from = invite.GetFrom();
    auto to = invite.GetTo();
    auto callId = invite.GetCallId();
    auto cseq = invite.GetCseq();
    if (!from || !from->GetTag() || !to || !callId || !cseq)
    {
        return false;
    }
    ImsUeDialog d;
    if (!ReadContact(invite, &d.m_remoteTarget))
    {
        return false;
    }
    d.m_callId = *callId;
    d.m_localTag = localTag;
    d.m_remoteTag = *from->GetTag();
    d.m_local = SipNameAddr(to->GetUri());
    d.m_remote = SipNameAddr(from->GetUri());
    d.m_routeSet = invite.GetNameAddrs("Record-Route");
    d.m_remoteSequence = cseq->GetSequence();
    d.m_hasRemoteSequence = true;
    *out = d;
    return true;
}

SipMessage
ImsUeDialog::CreateRequest(const std::string& method, const SipVia& via)
{
    SipNameAddr from = m_local;
    from.SetTag(m_localTag);
    SipNameAddr to = m_remote;
    to.SetTag(m_remoteTag);
    SipMessage r = SipMessageFactory::CreateRequest(method,
                                                    m_remoteTarget,
                                                    via,
                                                    from,
                                                    to,
                                                    m_callId,
                                                    ++m_localSequence);
    if (!m_routeSet.empty())
    {
        r.SetNameAddrs("Route", m_routeSet);
    }
    return r;
}

SipMessage
ImsUeDialog::CreateAck(uint32_t inviteSequence, const SipVia& via) const
{
    SipNameAddr from = m_local;
    from.SetTag(m_localTag);
    SipNameAddr to = m_remote;
    to.SetTag(m_remoteTag);
    SipMessage r = SipMessageFactory::CreateRequest("ACK",
                                                    m_remoteTarget,
                                                    via,
                                                    from,
                                                    to,
                                                    m_callId,
                                                    inviteSequence);
    if (!m_routeSet.empty())
    {
        r.SetNameAddrs("Route", m_routeSet);
    }
    return r;
}

bool
ImsUeDialog::Matches(const SipMessage& request) const
{
    auto callId = request.GetCallId();
    auto from = request.GetFrom();
    auto to = request.GetTo();
    return callId && *callId == m_callId && from && from->GetTag() &&
           *from->GetTag() == m_remoteTag && to && to->GetTag() && *to->GetTag() == m_localTag;
}

bool
ImsUeDialog::AcceptRemoteSequence(uint32_t sequence)
{
    if (m_hasRemoteSequence && sequence < m_remoteSequence)
    {
        return false;
    }
    m_remoteSequence = sequence;
    m_hasRemoteSequence = true;
    return true;
}

bool
ImsUeDialog::RefreshTarget(const SipMessage& message)
{
    return ReadContact(message, &m_remoteTarget);
}

const std::string&
ImsUeDialog::GetCallId() const
{
    return m_callId;
}

const std::string&
ImsUeDialog::GetLocalTag() const
{
    return m_localTag;
}

const std::string&
ImsUeDialog::GetRemoteTag() const
{
    return m_remoteTag;
}

const SipUri&
ImsUeDialog::GetRemoteTarget() const
{
    return m_remoteTarget;
}

const std::vector<SipNameAddr>&
ImsUeDialog::GetRouteSet() const
{
    return m_routeSet;
}

uint32_t
ImsUeDialog::GetLocalSequence() const
{
    return m_localSequence;
}

} // namespace ns3
