/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "sec-agree-rules.h"

#include "sip-text.h"

namespace ns3
{

namespace
{

SecAgreeDecision
Say(std::string* reason, const char* text, SecAgreeDecision d)
{
    if (reason)
    {
        *reason = text;
    }
    return d;
}

} // namespace

bool
SecAgreeRules::HasDuplicateQ(const std::vector<SecurityMechanism>& list)
{
    for (size_t i = 0; i < list.size(); ++i)
    {
        auto qi = list[i].GetQThousandths();
        if (!qi)
        {
            continue;
        }
        for (size_t j = i + 1; j < list.size(); ++j)
        {
            auto qj = list[j].GetQThousandths();
            if (qj && *qi == *qj)
            {
                return true;
            }
        }
    }
    return false;
}

bool
SecAgreeRules::VerifyMatches(const std::vector<SecurityMechanism>& serverList,
                             const std::vector<SecurityMechanism>& verifyList)
{
    if (serverList.size() != verifyList.size())
    {
        return false;
    }
    for (size_t i = 0; i < serverList.size(); ++i)
    {
        if (!serverList[i].Matches(verifyList[i]))
        {
            return false;
        }
    }
    return true;
}

std::optional<size_t>
SecAgreeRules::ChooseMechanism(const std::vector<SecurityMechanism>& serverList,
                               const std::function<bool(const SecurityMechanism&)>& isSupported,
                               std::string* error)
{
    if (HasDuplicateQ(serverList))
    {
        if (error)
        {
            *error = "two mechanisms have the same q value";
        }
        return std::nullopt;
    }
    std::optional<size_t> best;
    int bestQ = -1;
    for (size_t i = 0; i < serverList.size(); ++i)
    {
        if (!isSupported(serverList[i]))
        {
            continue;
        }
        auto q = serverList[i].GetQThousandths();
        int rank = q ? *q : -1; // no q: below every q, first listed wins among these
        if (!best || rank > bestQ)
        {
            best = i;
            bestQ = rank;
        }
    }
    if (!best && error)
    {
        *error = "no mechanism of the server's list is supported";
    }
    return best;
}

std::optional<size_t>
SecAgreeRules::ChooseMechanism(const std::vector<SecurityMechanism>& serverList,
                               const std::vector<std::string>& supportedNames,
                               std::string* error)
{
    return ChooseMechanism(
        serverList,
        [&supportedNames](const SecurityMechanism& m) {
            for (const auto& n : supportedNames)
            {
                if (m.IsNamed(n))
                {
                    return true;
                }
            }
            return false;
        },
        error);
}

bool
SecAgreeRules::RequiresSecAgree(const SipMessage& request)
{
    return request.HasOptionTag("Require", "sec-agree") ||
           request.HasOptionTag("Proxy-Require", "sec-agree");
}

bool
SecAgreeRules::SupportsSecAgree(const SipMessage& request)
{
    return request.HasOptionTag("Supported", "sec-agree");
}

SecAgreeDecision
SecAgreeRules::Decide(const SipMessage& request,
                      bool arrivedProtected,
                      const std::vector<SecurityMechanism>& serverList,
                      const SecAgreeServerPolicy& policy,
                      std::string* reason)
{
    SipParseError e;
    auto client = request.GetSecurityMechanisms("Security-Client", &e);
    if (e.IsError())
    {
        return Say(reason, "malformed Security-Client", SecAgreeDecision::RESPOND_400);
    }
    auto verify = request.GetSecurityMechanisms("Security-Verify", &e);
    if (e.IsError())
    {
        return Say(reason, "malformed Security-Verify", SecAgreeDecision::RESPOND_400);
    }
    bool required = RequiresSecAgree(request);
    if (!arrivedProtected)
    {
        if (policy.requireSecAgree && request.GetVias().size() > 1)
        {
            return Say(reason,
                       "several Via entries: not the first hop (RFC 3329 section 2.3.2)",
                       SecAgreeDecision::RESPOND_502);
        }
        if (policy.imsRegistration && request.IsMethod("REGISTER") && !client.empty() && required)
        {
            return Say(reason,
                       "unprotected REGISTER with Security-Client: forward, challenge with "
                       "Security-Server",
                       SecAgreeDecision::PROCESS_ADD_SECURITY_SERVER);
        }
        if (required)
        {
            return Say(reason,
                       "unprotected request requiring sec-agree (RFC 3329 section 2.3.1)",
                       SecAgreeDecision::RESPOND_494);
        }
        if (policy.requireSecAgree)
        {
            if (SupportsSecAgree(request))
            {
                return Say(reason,
                           "unprotected request supporting sec-agree (RFC 3329 section 2.3.2)",
                           SecAgreeDecision::RESPOND_494);
            }
            return Say(reason,
                       "unprotected request without sec-agree option tag (RFC 3329 section "
                       "2.3.2)",
                       SecAgreeDecision::RESPOND_421);
        }
        return Say(reason, "sec-agree not in use", SecAgreeDecision::PROCESS);
    }
    if (!request.HasHeader("Security-Verify"))
    {
        if (policy.verifyEveryProtectedRequest || request.IsMethod("REGISTER"))
        {
            return Say(reason,
                       "protected request without Security-Verify",
                       SecAgreeDecision::RESPOND_494);
        }
        return Say(reason, "protected request", SecAgreeDecision::PROCESS);
    }
    if (!VerifyMatches(serverList, verify))
    {
        return Say(reason,
                   "Security-Verify differs from the server's list",
                   SecAgreeDecision::RESPOND_494);
    }
    return Say(reason, "Security-Verify matches", SecAgreeDecision::PROCESS);
}

void
SecAgreeRules::AddSecurityServer(SipMessage& response,
                                 const std::vector<SecurityMechanism>& serverList)
{
    response.SetSecurityMechanisms("Security-Server", serverList);
    uint16_t code = response.GetStatusCode();
    if (code == 421 || code == 494)
    {
        // RFC 3329 2.3.2: with Security-Server, the option tag the client must use.
        response.AddOptionTag("Require", "sec-agree");
    }
}

void
SecAgreeRules::StripForForwarding(SipMessage& request)
{
    request.RemoveOptionTag("Require", "sec-agree");
    request.RemoveOptionTag("Proxy-Require", "sec-agree");
    request.RemoveHeader("Security-Verify");
    request.RemoveHeader("Security-Client");
}

const char*
SecAgreeRules::GetDecisionName(SecAgreeDecision decision)
{
    switch (decision)
    {
    case SecAgreeDecision::PROCESS:
        return "PROCESS";
    case SecAgreeDecision::PROCESS_ADD_SECURITY_SERVER:
        return "PROCESS_ADD_SECURITY_SERVER";
    case SecAgreeDecision::RESPOND_400:
        return "RESPOND_400";
    case SecAgreeDecision::RESPOND_421:
        return "RESPOND_421";
    case SecAgreeDecision::RESPOND_494:
        return "RESPOND_494";
    case SecAgreeDecision::RESPOND_502:
        return "RESPOND_502";
    }
    return "UNKNOWN";
}

} // namespace ns3
