/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "pcscf-proxy-rules.h"

#include "ns3/sip-text.h"
#include "ns3/sip-transaction-manager.h"
#include "ns3/sip-transport.h"

#include <algorithm>

namespace ns3
{

namespace
{

/**
 * \param value a From or To value
 * \returns its tag, "" when absent
 */
std::string
TagOf(const std::optional<SipNameAddr>& value)
{
    return value ? value->GetTag().value_or("") : std::string();
}

} // namespace

bool
PcscfProxyRules::IsOwnAddress(const std::string& host, const std::vector<Ipv6Address>& own)
{
    std::string h = host;
    if (h.size() >= 2 && h.front() == '[' && h.back() == ']')
    {
        h = h.substr(1, h.size() - 2);
    }
    if (!SipText::IsIpv6Address(h))
    {
        return false;
    }
    Ipv6Address a(h.c_str());
    return std::find(own.begin(), own.end(), a) != own.end();
}

bool
PcscfProxyRules::NamesProxy(const SipUri& uri, const std::vector<Ipv6Address>& own)
{
    return IsOwnAddress(uri.GetHostAddress(), own);
}

uint32_t
PcscfProxyRules::PopOwnRoutes(SipMessage& request, const std::vector<Ipv6Address>& own)
{
    uint32_t removed = 0;
    // Bounded by the number of Route values.
    while (true)
    {
        std::vector<SipNameAddr> routes = request.GetNameAddrs("Route");
        if (routes.empty() || !NamesProxy(routes.front().GetUri(), own))
        {
            break;
        }
        if (!request.RemoveFirstValue("Route"))
        {
            break;
        }
        ++removed;
    }
    return removed;
}

bool
PcscfProxyRules::GetNextHop(const SipMessage& request,
                            Ipv6Address* address,
                            uint16_t* port,
                            bool* fromRoute)
{
    SipParseError error;
    std::vector<SipNameAddr> routes = request.GetNameAddrs("Route", &error);
    std::optional<SipUri> uri;
    bool viaRoute = false;
    if (!error.IsError() && !routes.empty())
    {
        uri = routes.front().GetUri();
        viaRoute = true;
    }
    else if (!error.IsError())
    {
        uri = request.GetParsedRequestUri();
    }
    if (!uri || !uri->IsSip())
    {
        return false;
    }
    std::string host = uri->GetHostAddress();
    if (!SipText::IsIpv6Address(host))
    {
        return false;
    }
    *address = Ipv6Address(host.c_str());
    *port = uri->GetPort().value_or(5060);
    if (fromRoute)
    {
        *fromRoute = viaRoute;
    }
    return true;
}

std::string
PcscfProxyRules::LoopHash(const SipMessage& request)
{
    std::optional<SipCseq> cseq = request.GetCseq();
    // Not the To tag: the ACK of a non-2xx carries one the INVITE did not, and must get
    // the INVITE's branch (RFC 3261 16.11).
    std::string seed = request.GetRequestUri();
    seed.append("\n")
        .append(TagOf(request.GetFrom()))
        .append("\n")
        .append(request.GetCallId().value_or(""))
        .append("\n")
        .append(cseq ? std::to_string(cseq->GetSequence()) : "");
    return SipTransport::MakeHashToken(seed).substr(0, 8);
}

std::string
PcscfProxyRules::MakeBranch(const SipMessage& request, std::string_view proxyId)
{
    return SipTransactionManager::MakeStatelessBranch(request, proxyId) + "." + LoopHash(request);
}

bool
PcscfProxyRules::IsLooped(const SipMessage& request, const std::vector<Ipv6Address>& own)
{
    std::string hash;
    for (const SipVia& via : request.GetVias())
    {
        if (!IsOwnAddress(via.GetHostAddress(), own))
        {
            continue;
        }
        std::string branch = via.GetBranch().value_or("");
        size_t dot = branch.rfind('.');
        if (dot == std::string::npos)
        {
            continue;
        }
        if (hash.empty())
        {
            hash = LoopHash(request);
        }
        if (branch.compare(dot + 1, std::string::npos, hash) == 0)
        {
            return true;
        }
    }
    return false;
}

bool
PcscfProxyRules::IsDialogCreating(const SipMessage& request)
{
    if (!request.IsMethod("INVITE") && !request.IsMethod("SUBSCRIBE") && !request.IsMethod("REFER"))
    {
        return false;
    }
    std::optional<SipNameAddr> to = request.GetTo();
    return to && !to->GetTag();
}

std::string
PcscfProxyRules::NormaliseIdentity(const SipUri& uri)
{
    if (!uri.IsSip())
    {
        return SipText::ToLower(uri.GetScheme()) + ":" + uri.GetOpaque();
    }
    std::string out = uri.GetScheme() + ":";
    if (!uri.GetUser().empty())
    {
        out += uri.GetUser() + "@";
    }
    out += SipText::ToLower(uri.GetHostAddress());
    return out;
}

std::string
PcscfProxyRules::GetImpi(const SipMessage& request)
{
    std::optional<SipDigest> auth = request.GetDigest("Authorization");
    if (auth)
    {
        std::optional<std::string> user = auth->GetUsername();
        if (user && !user->empty())
        {
            return *user;
        }
    }
    std::optional<SipNameAddr> to = request.GetTo();
    if (!to || !to->GetUri().IsSip() || to->GetUri().GetUser().empty())
    {
        return "";
    }
    return to->GetUri().GetUser() + "@" + SipText::ToLower(to->GetUri().GetHostAddress());
}

std::string
PcscfProxyRules::GetClaimedIdentity(const SipMessage& request)
{
    std::vector<SipNameAddr> preferred = request.GetNameAddrs("P-Preferred-Identity");
    if (!preferred.empty())
    {
        return NormaliseIdentity(preferred.front().GetUri());
    }
    std::optional<SipNameAddr> from = request.GetFrom();
    return from ? NormaliseIdentity(from->GetUri()) : std::string();
}

std::optional<uint32_t>
PcscfProxyRules::GetGrantedExpiry(const SipMessage& response)
{
    std::optional<uint32_t> header = response.GetExpires();
    std::optional<uint32_t> best;
    for (const SipNameAddr& c : response.GetContacts())
    {
        if (c.IsWildcard())
        {
            continue;
        }
        std::optional<uint32_t> e = c.GetExpires();
        if (!e)
        {
            e = header;
        }
        if (e && (!best || *e > *best))
        {
            best = e;
        }
    }
    return best ? best : header;
}

} // namespace ns3
