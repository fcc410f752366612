/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef SCSCF_AUTHENTICATOR_H
#define SCSCF_AUTHENTICATOR_H

#include "ns3/aka-types.h"
#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/hss.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"
#include "ns3/sip-digest.h"

#include <cstdint>
#include <string>
#include <unordered_map>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief The S-CSCF side of IMS AKA (TS 33.203 section 6.1, TS 24.229 5.4.1.2, RFC 3310
 * Digest AKAv1-MD5): authentication vectors from the Hss, the challenges waiting for their
 * answer (timer reg-await-auth), resynchronisation from AUTS, and the check of the Digest
 * response against XRES.
 *
 * One pending challenge per private identity (IMPI): the vector (RAND, AUTN, XRES, CK,
 * IK), the Call-ID of the REGISTER it answered (TS 24.229 5.4.1.2.2: the answer must come in
 * the same Call-ID) and its reg-await-auth timer.  A new challenge for the same IMPI replaces
 * the pending one; an answer (right or wrong) or the timer ends it.  The nonce is not stored:
 * it is base64(RAND || AUTN) of the vector and is recomputed for the comparison.
 */
class ScscfAuthenticator
{
  public:
    /** Outcome of checking an Authorization header against the pending challenge. */
    enum Result : uint8_t
    {
        OK = 0,           //!< response == the one computed with XRES
        NO_CHALLENGE,     //!< no challenge pending for the IMPI (none, or timed out)
        STALE_NONCE,      //!< a challenge is pending, but for another nonce
        CALL_ID_MISMATCH, //!< the pending challenge was sent in another Call-ID
        WRONG_RESPONSE,   //!< the response does not match (RES != XRES, or realm/uri)
        NO_RESPONSE,      //!< the Authorization carries no response
        RESYNC_FAILED,    //!< AUTS rejected by the HSS (MAC-S wrong) or malformed
        UNKNOWN_USER,     //!< the HSS does not know the IMPI
    };

    /**
     * Callback for a challenge whose reg-await-auth timer expired: the IMPI.
     */
    typedef Callback<void, const std::string&> TimeoutCallback;

    ScscfAuthenticator();
    ~ScscfAuthenticator();

    ScscfAuthenticator(const ScscfAuthenticator&) = delete;
    ScscfAuthenticator& operator=(const ScscfAuthenticator&) = delete;

    /**
     * \param hss the HSS giving the vectors
     * \param realm the Digest realm (the home domain)
     * \param regAwaitAuth the lifetime of a challenge (TS 24.229 reg-await-auth, 4 min)
     */
    void Configure(Ptr<Hss> hss, const std::string& realm, Time regAwaitAuth);

    /**
     * \param callback told about challenges that were never answered
     */
    void SetTimeoutCallback(TimeoutCallback callback);

    /**
     * \brief Gets a new vector from the HSS and makes it the IMPI's pending challenge.
     * \param impi the private identity
     * \param callId the Call-ID of the REGISTER being challenged
     * \param[out] challenge the WWW-Authenticate value: realm, nonce = base64(RAND||AUTN),
     *        algorithm=AKAv1-MD5, qop="auth", ik and ck (hexadecimal, for the P-CSCF)
     * \returns false (no challenge) when the HSS does not know the IMPI
     */
    bool Challenge(const std::string& impi, const std::string& callId, SipDigest* challenge);

    /**
     * \brief Resynchronisation (TS 33.102 6.3.5): the UE sent AUTS for the pending
     * challenge's RAND; the HSS checks it and issues a new vector, which becomes the pending
     * challenge.
     * \param impi the private identity
     * \param authorization the Authorization value with auts (its nonce must be the pending
     *        one, or empty)
     * \param callId the REGISTER's Call-ID
     * \param[out] challenge the new WWW-Authenticate value (on OK)
     * \returns OK, NO_CHALLENGE, STALE_NONCE, RESYNC_FAILED (the pending challenge is then
     *          dropped) or UNKNOWN_USER
     */
    Result Resynchronise(const std::string& impi,
                         const SipDigest& authorization,
                         const std::string& callId,
                         SipDigest* challenge);

    /**
     * \brief Checks the answer to the pending challenge (RFC 3310 / RFC 2617 response
     * computed with XRES).  The challenge is consumed unless the result is NO_CHALLENGE or
     * STALE_NONCE.
     * \param impi the private identity
     * \param authorization the Authorization value
     * \param method the request method ("REGISTER")
     * \param callId the request's Call-ID
     * \returns OK or why not
     */
    Result Verify(const std::string& impi,
                  const SipDigest& authorization,
                  const std::string& method,
                  const std::string& callId);

    /**
     * \brief Network authentication failure (TS 24.229 5.4.1.2.3, TS 33.203 6.1.2): a REGISTER
     * in the challenge's Call-ID whose Authorization names the pending nonce with an empty
     * response and no auts says the UE found the challenge invalid (AUTN MAC wrong).  The
     * authentication attempt has failed: the vector is discarded (a new challenge takes a new
     * one); the registration state is the caller's and stays as it was.
     * \param impi the private identity
     * \param authorization the Authorization value
     * \param callId the REGISTER's Call-ID
     * \returns true when it is such a report (the pending challenge is then dropped)
     */
    bool DiscardInvalidChallenge(const std::string& impi,
                                 const SipDigest& authorization,
                                 const std::string& callId);

    /**
     * \param impi a private identity
     * \returns true when a challenge is pending for it
     */
    bool HasPending(const std::string& impi) const;

    /**
     * \param impi a private identity
     * \param nonce a nonce
     * \returns true when a challenge with this nonce is pending for it
     */
    bool IsPendingNonce(const std::string& impi, const std::string& nonce) const;

    /**
     * \param impi a private identity
     * \returns false when nothing was pending
     */
    bool Cancel(const std::string& impi);

    /** \brief Drops every pending challenge (no callback). */
    void Clear();

    /** \returns challenges pending */
    uint32_t GetPendingCount() const;
    /** \returns vectors obtained from the HSS (challenges and resynchronisations) */
    uint64_t GetVectorsConsumed() const;
    /** \returns resynchronisations the HSS accepted */
    uint64_t GetResyncs() const;
    /** \returns AUTS the HSS rejected (or that did not decode) */
    uint64_t GetResyncFailures() const;
    /** \returns challenges that timed out (reg-await-auth) */
    uint64_t GetTimeouts() const;
    /** \returns challenges the UE reported invalid (network authentication failures) */
    uint64_t GetInvalidChallenges() const;

    /**
     * \param result a result
     * \returns its name, e.g. "wrong-response"
     */
    static std::string GetResultName(Result result);

  private:
    /** A challenge waiting for its answer. */
    struct Pending
    {
        AkaVector vector;   //!< the vector of the challenge
        std::string callId; //!< Call-ID of the challenged REGISTER
        EventId timer;      //!< reg-await-auth
    };

    /**
     * \param impi the IMPI
     * \param vector the vector
     * \param callId the Call-ID
     * \param[out] challenge the WWW-Authenticate value
     */
    void Store(const std::string& impi,
               const AkaVector& vector,
               const std::string& callId,
               SipDigest* challenge);

    /**
     * \param impi the IMPI whose reg-await-auth expired
     */
    void Expire(std::string impi);

    Ptr<Hss> m_hss;                                     //!< vectors
    std::string m_realm;                                //!< Digest realm
    Time m_regAwaitAuth;                                //!< challenge lifetime
    std::unordered_map<std::string, Pending> m_pending; //!< IMPI -> challenge
    TimeoutCallback m_timeoutCallback;                  //!< timeout report
    uint64_t m_vectors;                                 //!< vectors consumed
    uint64_t m_resyncs;                                 //!< accepted AUTS
    uint64_t m_resyncFailures;                          //!< rejected AUTS
    uint64_t m_timeouts;                                //!< challenges never answered
    uint64_t m_invalidChallenges;                       //!< challenges reported invalid
};

} // namespace ns3

#endif /* SCSCF_AUTHENTICATOR_H */
