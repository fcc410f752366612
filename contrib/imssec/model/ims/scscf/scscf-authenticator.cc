/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "scscf-authenticator.h"

#include "ns3/abort.h"
#include "ns3/digest-aka.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecScscfAuthenticator");

ScscfAuthenticator::ScscfAuthenticator()
    : m_realm("ims.example"),
      m_regAwaitAuth(Seconds(240)),
      m_vectors(0),
      m_resyncs(0),
      m_resyncFailures(0),
      m_timeouts(0),
      m_invalidChallenges(0)
{
    NS_LOG_FUNCTION(this);
}

ScscfAuthenticator::~ScscfAuthenticator()
{
    NS_LOG_FUNCTION(this);
    Clear();
}

void
ScscfAuthenticator::Configure(Ptr<Hss> hss, const std::string& realm, Time regAwaitAuth)
{
    NS_LOG_FUNCTION(this << hss << realm << regAwaitAuth);
    m_hss = hss;
    m_realm = realm;
    m_regAwaitAuth = regAwaitAuth;
}

void
ScscfAuthenticator::SetTimeoutCallback(TimeoutCallback callback)
{
    m_timeoutCallback = callback;
}

void
ScscfAuthenticator::Store(const std::string& impi,
                          const AkaVector& vector,
                          const std::string& callId,
                          SipDigest* challenge)
{
    Pending& p = m_pending[impi];
    p.vector = vector;
    p.callId = callId;
    Simulator::Remove(p.timer);
    p.timer = Simulator::Schedule(m_regAwaitAuth, &ScscfAuthenticator::Expire, this, impi);
    // TS 24.229 5.4.1.2.1: WWW-Authenticate with the nonce of RFC 3310, and IK/CK for the
    // P-CSCF (which removes them before the 401 reaches the UE).
    SipDigest c(SipDigest::CHALLENGE);
    c.SetScheme("Digest");
    c.SetRealm(m_realm);
    c.SetNonce(DigestAka::BuildNonce(vector.rand, vector.autn));
    c.SetAlgorithm(DigestAka::ALGORITHM);
    c.SetQop("auth");
    c.Set("ik", AkaToHex(vector.ik), true);
    c.Set("ck", AkaToHex(vector.ck), true);
    *challenge = c;
}

bool
ScscfAuthenticator::Challenge(const std::string& impi,
                              const std::string& callId,
                              SipDigest* challenge)
{
    NS_LOG_FUNCTION(this << impi << callId);
    NS_ABORT_MSG_IF(!m_hss, "ScscfAuthenticator: no HSS configured");
    AkaVector vector;
    if (!m_hss->GenerateVector(impi, vector))
    {
        return false;
    }
    m_vectors++;
    Store(impi, vector, callId, challenge);
    return true;
}

ScscfAuthenticator::Result
ScscfAuthenticator::Resynchronise(const std::string& impi,
                                  const SipDigest& authorization,
                                  const std::string& callId,
                                  SipDigest* challenge)
{
    NS_LOG_FUNCTION(this << impi);
    NS_ABORT_MSG_IF(!m_hss, "ScscfAuthenticator: no HSS configured");
    auto it = m_pending.find(impi);
    if (it == m_pending.end())
    {
        return NO_CHALLENGE;
    }
    // RFC 3310 3.4: the nonce of the refused challenge comes back with auts; an empty one is
    // taken as that challenge too (only its RAND is needed, and MAC-S covers it).
    std::string nonce = authorization.GetNonce().value_or("");
    if (!nonce.empty() && !IsPendingNonce(impi, nonce))
    {
        return STALE_NONCE;
    }
    AkaAuts auts;
    AkaVector vector;
    Hss::ResyncResult r = Hss::RESYNC_MAC_FAILURE;
    if (DigestAka::DecodeAuts(authorization.GetAuts().value_or(""), auts))
    {
        r = m_hss->Resynchronise(impi, it->second.vector.rand, auts, vector);
    }
    if (r == Hss::RESYNC_UNKNOWN_USER)
    {
        Cancel(impi);
        return UNKNOWN_USER;
    }
    if (r != Hss::RESYNC_OK)
    {
        m_resyncFailures++;
        Cancel(impi);
        return RESYNC_FAILED;
    }
    m_resyncs++;
    m_vectors++;
    Store(impi, vector, callId, challenge);
    return OK;
}

ScscfAuthenticator::Result
ScscfAuthenticator::Verify(const std::string& impi,
                           const SipDigest& authorization,
                           const std::string& method,
                           const std::string& callId)
{
    NS_LOG_FUNCTION(this << impi << method);
    auto it = m_pending.find(impi);
    if (it == m_pending.end())
    {
        return NO_CHALLENGE;
    }
    std::string nonce = authorization.GetNonce().value_or("");
    if (!IsPendingNonce(impi, nonce))
    {
        return STALE_NONCE;
    }
    // From here the challenge is used up, whatever the outcome (TS 24.229 5.4.1.2.2 stops
    // reg-await-auth before checking).
    AkaVector vector = it->second.vector;
    std::string pendingCallId = it->second.callId;
    Cancel(impi);
    if (pendingCallId != callId)
    {
        return CALL_ID_MISMATCH;
    }
    std::optional<std::string> response = authorization.GetResponse();
    if (!response || response->empty())
    {
        return NO_RESPONSE;
    }
    if (authorization.GetRealm().value_or("") != m_realm ||
        authorization.GetUsername().value_or("") != impi)
    {
        return WRONG_RESPONSE;
    }
    DigestAka::Parameters p;
    p.username = impi;
    p.realm = m_realm;
    p.nonce = nonce;
    p.method = method;
    p.uri = authorization.GetUri().value_or("");
    p.qop = authorization.GetQop().value_or("");
    p.nc = authorization.Get("nc").value_or("");
    p.cnonce = authorization.GetCnonce().value_or("");
    return DigestAka::VerifyAkaResponse(p, vector.xres, *response) ? OK : WRONG_RESPONSE;
}

bool
ScscfAuthenticator::DiscardInvalidChallenge(const std::string& impi,
                                            const SipDigest& authorization,
                                            const std::string& callId)
{
    NS_LOG_FUNCTION(this << impi);
    auto it = m_pending.find(impi);
    std::optional<std::string> response = authorization.GetResponse();
    std::string nonce = authorization.GetNonce().value_or("");
    // TS 24.229 5.1.1.5.3: "no auts and an empty response", for the challenge it refuses (an
    // initial REGISTER carries an empty nonce, so it never matches).
    if (it == m_pending.end() || authorization.GetAuts() || !response || !response->empty() ||
        nonce.empty() || !IsPendingNonce(impi, nonce) || it->second.callId != callId)
    {
        return false;
    }
    m_invalidChallenges++;
    Cancel(impi);
    return true;
}

bool
ScscfAuthenticator::HasPending(const std::string& impi) const
{
    return m_pending.count(impi) > 0;
}

bool
ScscfAuthenticator::IsPendingNonce(const std::string& impi, const std::string& nonce) const
{
    auto it = m_pending.find(impi);
    return it != m_pending.end() &&
           nonce == DigestAka::BuildNonce(it->second.vector.rand, it->second.vector.autn);
}

bool
ScscfAuthenticator::Cancel(const std::string& impi)
{
    auto it = m_pending.find(impi);
    if (it == m_pending.end())
    {
        return false;
    }
    Simulator::Remove(it->second.timer);
    m_pending.erase(it);
    return true;
}

void
ScscfAuthenticator::Clear()
{
    for (auto& [impi, p] : m_pending)
    {
        p.timer.Cancel();
    }
    m_pending.clear();
}

void
ScscfAuthenticator::Expire(std::string impi)
{
    NS_LOG_FUNCTION(this << impi);
    if (m_pending.erase(impi) == 0)
    {
        return;
    }
    m_timeouts++;
    if (!m_timeoutCallback.IsNull())
    {
        m_timeoutCallback(impi);
    }
}

uint32_t
ScscfAuthenticator::GetPendingCount() const
{
    return static_cast<uint32_t>(m_pending.size());
}

uint64_t
ScscfAuthenticator::GetVectorsConsumed() const
{
    return m_vectors;
}

uint64_t
ScscfAuthenticator::GetResyncs() const
{
    return m_resyncs;
}

uint64_t
ScscfAuthenticator::GetResyncFailures() const
{
    return m_resyncFailures;
}

uint64_t
ScscfAuthenticator::GetTimeouts() const
{
    return m_timeouts;
}

uint64_t
ScscfAuthenticator::GetInvalidChallenges() const
{
    return m_invalidChallenges;
}

std::string
ScscfAuthenticator::GetResultName(Result result)
{
    switch (result)
    {
    case OK:
        return "ok";
    case NO_CHALLENGE:
        return "no-challenge";
    case STALE_NONCE:
        return "stale-nonce";
    case CALL_ID_MISMATCH:
        return "call-id-mismatch";
    case WRONG_RESPONSE:
        return "wrong-response";
    case NO_RESPONSE:
        return "no-response";
    case RESYNC_FAILED:
        return "resync-failed";
    case UNKNOWN_USER:
        return "unknown-user";
    }
    return "unknown";
}

} // namespace ns3
