/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "hss.h"

#include "aka-procedures.h"
#include "milenage.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/string.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecHss");

NS_OBJECT_ENSURE_REGISTERED(Hss);

TypeId
Hss::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::Hss")
            .SetParent<Object>()
            .SetGroupName("Imssec")
            .AddConstructor<Hss>()
            .AddAttribute("OperatorVariant",
                          "OP, the operator variant of Milenage, as 32 hexadecimal digits; used "
                          "to derive OPc of simulated subscribers (default "
                          "00112233445566778899aabbccddeeff).",
                          StringValue("00112233445566778899aabbccddeeff"),
                          MakeStringAccessor(&Hss::SetOperatorVariant, &Hss::GetOperatorVariant),
                          MakeStringChecker())
            .AddAttribute("KeySeed",
                          "Seed of the simulated subscribers' keys K = HMAC-SHA-256(seed, IMPI) "
                          "(no unit, default 1).",
                          UintegerValue(1),
                          MakeUintegerAccessor(&Hss::m_keySeed),
                          MakeUintegerChecker<uint64_t>())
            .AddAttribute("DefaultAmf",
                          "AMF of simulated subscribers' vectors (16 bits, default 0x8000).",
                          UintegerValue(0x8000),
                          MakeUintegerAccessor(&Hss::m_defaultAmf),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute("IndBits",
                          "Length of IND in SQN = SEQ || IND, TS 33.102 Annex C (bits, 0..10, "
                          "default 5).",
                          UintegerValue(5),
                          MakeUintegerAccessor(&Hss::m_indBits),
                          MakeUintegerChecker<uint8_t>(0, AkaProcedures::MAX_IND_BITS))
            .AddAttribute("SqnDelta",
                          "Delta of TS 33.102 Annex C.2.1 assumed for the USIM when judging "
                          "whether SQN_HE is in range after a synchronisation failure "
                          "(sequence steps, default 2^28).",
                          UintegerValue(uint64_t{1} << 28),
                          MakeUintegerAccessor(&Hss::m_delta),
                          MakeUintegerChecker<uint64_t>())
            .AddTraceSource("VectorIssued",
                            "An authentication vector was issued.",
                            MakeTraceSourceAccessor(&Hss::m_vectorIssuedTrace),
                            "ns3::Hss::VectorIssuedTracedCallback")
            .AddTraceSource("Resynchronisation",
                            "A synchronisation failure (AUTS) was processed.",
                            MakeTraceSourceAccessor(&Hss::m_resyncTrace),
                            "ns3::Hss::ResyncTracedCallback")
            .AddTraceSource("UnknownUser",
                            "A request named an unknown private or public identity.",
                            MakeTraceSourceAccessor(&Hss::m_unknownUserTrace),
                            "ns3::Hss::UnknownUserTracedCallback");
    return tid;
}

Hss::Hss()
    : m_op{},
      m_keySeed(1),
      m_defaultAmf(0x8000),
      m_indBits(5),
      m_delta(uint64_t{1} << 28),
      m_random(CreateObject<UniformRandomVariable>()),
      m_vectorsIssued(0),
      m_resyncs(0),
      m_resyncFailures(0),
      m_unknownUsers(0)
{
    NS_LOG_FUNCTION(this);
    // The per-subscriber cost documented in hss.h and doc/aka.rst.
    static_assert(sizeof(Subscriber) <= 56, "Hss::Subscriber grew past 56 octets");
}

Hss::~Hss()
{
    NS_LOG_FUNCTION(this);
}

void
Hss::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_publics.clear();
    m_byPublic.clear();
    m_byPrivate.clear();
    m_subscribers.clear();
    m_random = nullptr;
    Object::DoDispose();
}

void
Hss::SetOperatorVariant(std::string hex)
{
    NS_LOG_FUNCTION(this << hex);
    NS_ABORT_MSG_UNLESS(AkaFromHex(hex, m_op),
                        "Hss: OperatorVariant must be 32 hexadecimal digits, not \"" << hex
                                                                                     << "\"");
}

std::string
Hss::GetOperatorVariant() const
{
    return AkaToHex(m_op);
}

bool
Hss::AddSubscriber(const std::string& privateIdentity,
                   const AkaKey& k,
                   const AkaKey& opc,
                   uint16_t amf,
                   uint64_t sqnHe)
{
    NS_LOG_FUNCTION(this << privateIdentity << amf << sqnHe);
    NS_ABORT_MSG_IF(m_subscribers.size() >= NO_LINK, "Hss: subscriber table full");
    auto [it, inserted] =
        m_byPrivate.emplace(privateIdentity, static_cast<uint32_t>(m_subscribers.size()));
    if (!inserted)
    {
        NS_LOG_WARN("subscriber " << privateIdentity << " exists already");
        return false;
    }
    Subscriber subscriber;
    subscriber.k = k;
    subscriber.opc = opc;
    subscriber.impi = &it->first;
    subscriber.sqnHe = sqnHe & AKA_SQN_MAX;
    subscriber.firstPublic = NO_LINK;
    subscriber.amf = amf;
    m_subscribers.push_back(subscriber);
    return true;
}

bool
Hss::AddSimulatedSubscriber(const std::string& privateIdentity)
{
    NS_LOG_FUNCTION(this << privateIdentity);
    if (HasSubscriber(privateIdentity))
    {
        NS_LOG_WARN("subscriber " << privateIdentity << " exists already");
        return false;
    }
    AkaCredentials credentials = GetSimulatedCredentials(privateIdentity);
    return AddSubscriber(privateIdentity, credentials.k, credentials.opc, m_defaultAmf, 0);
}

AkaCredentials
Hss::GetSimulatedCredentials(const std::string& privateIdentity) const
{
    return AkaCredentials::Derive(privateIdentity, m_keySeed, m_op);
}

bool
Hss::AddPublicIdentity(const std::string& privateIdentity, const std::string& publicIdentity)
{
    NS_LOG_FUNCTION(this << privateIdentity << publicIdentity);
    auto owner = m_byPrivate.find(privateIdentity);
    if (owner == m_byPrivate.end())
    {
        NS_LOG_WARN("no subscriber " << privateIdentity);
        return false;
    }
    NS_ABORT_MSG_IF(m_publics.size() >= NO_LINK, "Hss: public identity table full");
    auto [it, inserted] = m_byPublic.emplace(publicIdentity, owner->second);
    if (!inserted)
    {
        NS_LOG_WARN("public identity " << publicIdentity << " is bound already");
        return false;
    }
    uint32_t link = static_cast<uint32_t>(m_publics.size());
    m_publics.push_back(PublicLink{&it->first, NO_LINK});
    // Append, so the list keeps the order of provisioning (the first IMPU is the default).
    uint32_t* tail = &m_subscribers[owner->second].firstPublic;
    while (*tail != NO_LINK)
    {
        tail = &m_publics[*tail].next;
    }
    *tail = link;
    return true;
}

bool
Hss::HasSubscriber(const std::string& privateIdentity) const
{
    return m_byPrivate.find(privateIdentity) != m_byPrivate.end();
}

std::size_t
Hss::GetNSubscribers() const
{
    return m_subscribers.size();
}

bool
Hss::GetPrivateIdentity(const std::string& publicIdentity, std::string& privateIdentity)
{
    NS_LOG_FUNCTION(this << publicIdentity);
    auto it = m_byPublic.find(publicIdentity);
    if (it == m_byPublic.end())
    {
        NoteUnknown(publicIdentity);
        return false;
    }
    privateIdentity = *m_subscribers[it->second].impi;
    return true;
}

std::vector<std::string>
Hss::GetPublicIdentities(const std::string& privateIdentity) const
{
    std::vector<std::string> identities;
    const Subscriber* subscriber = Find(privateIdentity);
    if (subscriber == nullptr)
    {
        return identities;
    }
    for (uint32_t link = subscriber->firstPublic; link != NO_LINK; link = m_publics[link].next)
    {
        identities.push_back(*m_publics[link].impu);
    }
    return identities;
}

Hss::Subscriber*
Hss::Find(const std::string& privateIdentity)
{
    auto it = m_byPrivate.find(privateIdentity);
    return it == m_byPrivate.end() ? nullptr : &m_subscribers[it->second];
}

const Hss::Subscriber*
Hss::Find(const std::string& privateIdentity) const
{
    auto it = m_byPrivate.find(privateIdentity);
    return it == m_byPrivate.end() ? nullptr : &m_subscribers[it->second];
}

void
Hss::NoteUnknown(const std::string& identity)
{
    NS_LOG_INFO("unknown identity " << identity);
    ++m_unknownUsers;
    m_unknownUserTrace(identity);
}

uint64_t
Hss::NextSqn(uint64_t sqn) const
{
    uint64_t seq = AkaProcedures::GetSeq(sqn, m_indBits);
    uint32_t ind = AkaProcedures::GetInd(sqn, m_indBits);
    return AkaProcedures::MakeSqn(seq + 1, ind + 1, m_indBits);
}

void
Hss::Issue(Subscriber& subscriber, AkaVector& vector)
{
    AkaRand rand;
    for (std::size_t i = 0; i < rand.size(); i += 4)
    {
        uint32_t word = m_random->GetInteger(0, 0xffffffff);
        rand[i] = static_cast<uint8_t>(word >> 24);
        rand[i + 1] = static_cast<uint8_t>(word >> 16);
        rand[i + 2] = static_cast<uint8_t>(word >> 8);
        rand[i + 3] = static_cast<uint8_t>(word);
    }
    subscriber.sqnHe = NextSqn(subscriber.sqnHe);
    Milenage milenage(subscriber.k, subscriber.opc);
    vector = AkaProcedures::GenerateVector(milenage,
                                           rand,
                                           subscriber.sqnHe,
                                           AkaAmfFromUint16(subscriber.amf));
    ++m_vectorsIssued;
    NS_LOG_INFO("vector for " << *subscriber.impi << ": " << vector);
    m_vectorIssuedTrace(*subscriber.impi, vector);
}

bool
Hss::GenerateVector(const std::string& privateIdentity, AkaVector& vector)
{
    NS_LOG_FUNCTION(this << privateIdentity);
    Subscriber* subscriber = Find(privateIdentity);
    if (subscriber == nullptr)
    {
        NoteUnknown(privateIdentity);
        return false;
    }
    Issue(*subscriber, vector);
    return true;
}

Hss::ResyncResult
Hss::Resynchronise(const std::string& privateIdentity,
                   const AkaRand& rand,
                   const AkaAuts& auts,
                   AkaVector& vector)
{
    NS_LOG_FUNCTION(this << privateIdentity << AkaToHex(rand) << AkaToHex(auts));
    Subscriber* subscriber = Find(privateIdentity);
    if (subscriber == nullptr)
    {
        NoteUnknown(privateIdentity);
        return RESYNC_UNKNOWN_USER;
    }
    uint64_t sqnMs = 0;
    bool authentic = false;
    {
        Milenage milenage(subscriber->k, subscriber->opc);
        authentic = AkaProcedures::OpenAuts(milenage, rand, auts, sqnMs);
    }
    m_resyncTrace(privateIdentity, sqnMs, authentic);
    if (!authentic)
    {
        NS_LOG_WARN("AUTS of " << privateIdentity << " has a wrong MAC-S");
        ++m_resyncFailures;
        return RESYNC_MAC_FAILURE;
    }
    ++m_resyncs;
    // TS 33.102 section 6.3.5: keep SQN_HE when the next vector would be accepted anyway,
    // otherwise reset it to SQN_MS (the next vector then carries SEQ_MS + 1).
    uint64_t seqHe = AkaProcedures::GetSeq(subscriber->sqnHe, m_indBits);
    uint64_t seqMs = AkaProcedures::GetSeq(sqnMs, m_indBits);
    bool inRange = seqHe >= seqMs && seqHe + 1 - seqMs <= m_delta;
    if (!inRange)
    {
        NS_LOG_INFO("SQN_HE of " << privateIdentity << " reset from " << subscriber->sqnHe
                                 << " to SQN_MS " << sqnMs);
        subscriber->sqnHe = sqnMs;
    }
    Issue(*subscriber, vector);
    return RESYNC_OK;
}

bool
Hss::GetSqn(const std::string& privateIdentity, uint64_t& sqnHe) const
{
    const Subscriber* subscriber = Find(privateIdentity);
    if (subscriber == nullptr)
    {
        return false;
    }
    sqnHe = subscriber->sqnHe;
    return true;
}

bool
Hss::SetSqn(const std::string& privateIdentity, uint64_t sqnHe)
{
    NS_LOG_FUNCTION(this << privateIdentity << sqnHe);
    Subscriber* subscriber = Find(privateIdentity);
    if (subscriber == nullptr)
    {
        return false;
    }
    subscriber->sqnHe = sqnHe & AKA_SQN_MAX;
    return true;
}

void
Hss::Reserve(std::size_t n)
{
    NS_LOG_FUNCTION(this << n);
    m_subscribers.reserve(n);
    m_byPrivate.reserve(n);
    m_byPublic.reserve(n);
    m_publics.reserve(n);
}

int64_t
Hss::AssignStreams(int64_t stream)
{
    NS_LOG_FUNCTION(this << stream);
    m_random->SetStream(stream);
    return 1;
}

uint64_t
Hss::GetVectorsIssued() const
{
    return m_vectorsIssued;
}

uint64_t
Hss::GetResyncs() const
{
    return m_resyncs;
}

uint64_t
Hss::GetResyncFailures() const
{
    return m_resyncFailures;
}

uint64_t
Hss::GetUnknownUsers() const
{
    return m_unknownUsers;
}

} // namespace ns3
