/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef SEC_AGREE_RULES_H
#define SEC_AGREE_RULES_H

#include "security-mechanism.h"
#include "sip-message.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief What a sec-agree server (the P-CSCF) does with a request, per RFC 3329 sections
 * 2.3.1 and 2.3.2 and the IMS registration of TS 33.203 section 7.
 */
enum class SecAgreeDecision
{
    PROCESS,                     ///< go on with the request
    PROCESS_ADD_SECURITY_SERVER, ///< IMS: forward the unprotected REGISTER; put Security-Server
                                 ///< in the 401 that comes back (TS 33.203 section 7.2)
    RESPOND_400,                 ///< a sec-agree header is malformed
    RESPOND_421,                 ///< 421 Extension Required, with Require: sec-agree and
                                 ///< Security-Server
    RESPOND_494,                 ///< 494 Security Agreement Required, with Security-Server
    RESPOND_502                  ///< 502 Bad Gateway: more than one Via, not the first hop
};

/**
 * \ingroup imssec
 * \brief The server's configuration toward sec-agree.
 */
struct SecAgreeServerPolicy
{
    /// The server requires sec-agree on this interface (RFC 3329 section 2.3.2).
    bool requireSecAgree = true;
    /// IMS registration flow: an unprotected REGISTER with Security-Client is forwarded and
    /// challenged by the registrar instead of answered with 494.
    bool imsRegistration = true;
    /// Protected requests must carry Security-Verify (RFC 3329: every request).  Later
    /// 3GPP releases ask it only in REGISTER: set false to accept other protected
    /// requests without it.
    bool verifyEveryProtectedRequest = true;
};

/**
 * \ingroup imssec
 * \brief The RFC 3329 rules as functions the UE and P-CSCF call.
 */
class SecAgreeRules
{
  public:
    /**
     * \param list mechanisms
     * \returns true when two mechanisms carry the same q value (RFC 3329 section 2.2: an
     *          error); mechanisms without q are not compared
     */
    static bool HasDuplicateQ(const std::vector<SecurityMechanism>& list);

    /**
     * \brief The server's check of Security-Verify: the same mechanisms in the same order,
     * each with the same parameters and values (SecurityMechanism::Matches).
     * \param serverList the server's own list (what it sent in Security-Server)
     * \param verifyList the Security-Verify list of the request
     * \returns true when the lists are equivalent
     */
    static bool VerifyMatches(const std::vector<SecurityMechanism>& serverList,
                              const std::vector<SecurityMechanism>& verifyList);

    /**
     * \brief The client's choice: the mechanism of the server's list with the highest q
     * among those the client supports (a mechanism without q ranks below any q; ties
     * between such mechanisms go to the first listed).
     * \param serverList the Security-Server list
     * \param isSupported tells whether the client supports a mechanism (name, algorithms)
     * \param error receives why no mechanism was chosen (may be nullptr)
     * \returns the index of the chosen mechanism in serverList, nullopt when the list has
     *          duplicate q values or no supported mechanism
     */
    static std::optional<size_t> ChooseMechanism(
        const std::vector<SecurityMechanism>& serverList,
        const std::function<bool(const SecurityMechanism&)>& isSupported,
        std::string* error = nullptr);

    /**
     * \brief ChooseMechanism() with support decided by mechanism name.
     * \param serverList the Security-Server list
     * \param supportedNames the mechanism names the client supports, e.g. {"ipsec-3gpp"}
     * \param error receives why no mechanism was chosen (may be nullptr)
     * \returns the index of the chosen mechanism, nullopt when none
     */
    static std::optional<size_t> ChooseMechanism(const std::vector<SecurityMechanism>& serverList,
                                                 const std::vector<std::string>& supportedNames,
                                                 std::string* error = nullptr);

    /**
     * \param request a request
     * \returns true when Require or Proxy-Require carries the sec-agree option tag
     */
    static bool RequiresSecAgree(const SipMessage& request);

    /**
     * \param request a request
     * \returns true when Supported carries the sec-agree option tag
     */
    static bool SupportsSecAgree(const SipMessage& request);

    /**
     * \brief Decides what a sec-agree server does with a request:
     *  - unprotected: more than one Via and sec-agree required by policy: 502; IMS REGISTER
     *    with Security-Client and sec-agree in Require/Proxy-Require: forward and add
     *    Security-Server to the challenge; sec-agree in Require or Proxy-Require: 494;
     *    policy requires sec-agree: 494 when Supported has sec-agree, else 421; otherwise
     *    process;
     *  - protected: Security-Verify must equal the server's list (494 otherwise); a missing
     *    Security-Verify is a 494 unless the policy only asks it in REGISTER;
     *  - a malformed Security-Client or Security-Verify: 400.
     * \param request the request
     * \param arrivedProtected true when it came through the negotiated security (the SA)
     * \param serverList the server's list for this client (its Security-Server)
     * \param policy the server's policy
     * \param reason receives a one-line explanation (may be nullptr)
     * \returns the decision
     */
    static SecAgreeDecision Decide(const SipMessage& request,
                                   bool arrivedProtected,
                                   const std::vector<SecurityMechanism>& serverList,
                                   const SecAgreeServerPolicy& policy,
                                   std::string* reason = nullptr);

    /**
     * \brief Puts the server's list in a response.  In a 421 or a 494 it adds "Require:
     * sec-agree" too (RFC 3329 section 2.3.2: "In both situation the server MUST also
     * include in the response a Security-Server header field listing its capabilities and a
     * Require header field with an option-tag sec-agree in it").
     * \param response the response (421, 494, or the IMS 401)
     * \param serverList the server's list
     */
    static void AddSecurityServer(SipMessage& response,
                                  const std::vector<SecurityMechanism>& serverList);

    /**
     * \brief What a proxy does once Security-Verify matched (RFC 3329 section 2.3.1):
     * removes sec-agree from Require and Proxy-Require (and the lines left empty), and the
     * Security-Verify and Security-Client lines (TS 24.229 P-CSCF).
     * \param request the request to forward
     */
    static void StripForForwarding(SipMessage& request);

    /**
     * \param decision a decision
     * \returns its name, e.g. "RESPOND_494"
     */
    static const char* GetDecisionName(SecAgreeDecision decision);
};

} // namespace ns3

#endif /* SEC_AGREE_RULES_H */
