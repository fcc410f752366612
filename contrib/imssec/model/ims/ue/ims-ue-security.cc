/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ims-ue-security.h"

#include "ims-ue-rotation-policy.h"

#include "ns3/abort.h"
#include "ns3/ipsec-sad.h"
#include "ns3/ipsec-stack.h"
#include "ns3/log.h"
#include "ns3/random-variable-stream.h"
#include "ns3/sec-agree-rules.h"
#include "ns3/sip-transport.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecUeSecurity");

std::vector<SecurityMechanism>
ImsUeSecurity::SaSet::GetServerList() const
{
    std::vector<SecurityMechanism> list;
    std::string error;
    SecurityMechanism::ParseList(serverList, &list, &error);
    return list;
}

ImsUeSecurity::ImsUeSecurity()
    : m_algorithms{"hmac-sha-1-96", "hmac-md5-96"},
      m_sendQ(false),
      m_offerSuites(false),
      m_portBase(10000),
      m_portRange(50000),
      m_random(CreateObject<UniformRandomVariable>())
{
}

int64_t
ImsUeSecurity::AssignStreams(int64_t stream)
{
    m_random->SetStream(stream);
    return 1;
}

void
ImsUeSecurity::SetSendQ(bool sendQ)
{
    m_sendQ = sendQ;
}

void
ImsUeSecurity::SetOfferSuites(bool offerSuites)
{
    m_offerSuites = offerSuites;
}

void
ImsUeSecurity::SetLayers(Ptr<IpsecStack> ipsec, Ptr<SipTransport> transport)
{
    m_ipsec = ipsec;
    m_transport = transport;
}

void
ImsUeSecurity::SetOffer(const std::vector<std::string>& algorithms,
                        std::optional<uint8_t> addrPrefLength)
{
    NS_ABORT_MSG_IF(algorithms.empty(), "ImsUeSecurity: no integrity algorithm to offer");
    NS_ABORT_MSG_IF(addrPrefLength && *addrPrefLength > 128, "addr-pref-length above 128");
    for (const std::string& a : algorithms)
    {
        IpsecIntegrityAlgorithm parsed;
        NS_ABORT_MSG_IF(!IpsecIntegrity::Parse(a, parsed),
                        "ImsUeSecurity: unsupported integrity algorithm '" << a << "'");
    }
    m_algorithms = algorithms;
    m_addrPrefLength = addrPrefLength;
}

void
ImsUeSecurity::SetAllocation(uint16_t base, uint16_t range)
{
    NS_ABORT_MSG_IF(range < 4 || static_cast<uint32_t>(base) + range > 65536,
                    "ImsUeSecurity: protected port range " << base << "+" << range);
    m_portBase = base;
    m_portRange = range;
}

const SecurityMechanism*
ImsUeSecurity::FindOffered(const Offer& offer, const std::string& alg)
{
    for (const SecurityMechanism& o : offer.mechanisms)
    {
        std::string offeredAlg;
        std::string offeredEalg;
        if (ImsSecAgree::ResolveAlgorithms(o, &offeredAlg, &offeredEalg) && offeredAlg == alg)
        {
            return &o;
        }
    }
    return nullptr;
}

bool
ImsUeSecurity::Uses(const SaSet& set, uint16_t port)
{
    return set.handle != 0 && (set.parameters.uePortC == port || set.parameters.uePortS == port);
}

bool
ImsUeSecurity::IsPortFree(uint16_t port) const
{
    return !Uses(m_active, port) && !Uses(m_pending, port) &&
           !(m_transport && m_transport->IsProtectedPort(port));
}

uint16_t
ImsUeSecurity::DrawPort(uint16_t avoid)
{
    // At most two sets (four ports) are held: a few draws find a free port in any range of
    // at least four; a scan from a drawn start covers the rare unlucky case.
    uint32_t start = m_random->GetInteger(0, m_portRange - 1);
    for (uint32_t k = 0; k < m_portRange; ++k)
    {
        auto port = static_cast<uint16_t>(m_portBase + (start + k) % m_portRange);
        if (port != avoid && IsPortFree(port))
        {
            return port;
        }
    }
    return 0;
}

ImsUeSecurity::Offer
ImsUeSecurity::NewOffer(bool reregistration)
{
    Offer offer;
    // TS 33.203 7.1: the UE picks SPIs that identify its inbound SAs uniquely; drawn at
    // random (not counted up) so that an attacker cannot predict them.
    ImsSecAgree::DrawSpis(m_ipsec ? PeekPointer(m_ipsec->GetSad()) : nullptr,
                          *m_random,
                          &offer.spiC,
                          &offer.spiS);
    if (reregistration && m_active.handle != 0)
    {
        // TS 33.203 7.4: new SPIs and a new port-c, the same port-s for the lifetime of the
        // registration.
        offer.portS = m_active.parameters.uePortS;
    }
    else
    {
        offer.portS = DrawPort(0);
    }
    offer.portC = DrawPort(offer.portS);
    uint16_t n = static_cast<uint16_t>(m_algorithms.size());
    for (uint16_t i = 0; i < n; ++i)
    {
        // Preferred first; q values only when asked (RFC 3329 2.3.1: SHOULD NOT), then
        // descending in 0.1 steps so that RFC 3329's ranking keeps this order.
        std::optional<uint16_t> q;
        if (m_sendQ)
        {
            q = static_cast<uint16_t>(100 * (n - i));
        }
        SecurityMechanism m = ImsSecAgree::MakeIpsec3gpp(m_algorithms[i],
                                                         offer.spiC,
                                                         offer.spiS,
                                                         offer.portC,
                                                         offer.portS,
                                                         m_addrPrefLength,
                                                         q);
        std::optional<uint16_t> suite = ImsSecAgree::FindSuite(m_algorithms[i], "null");
        if (m_offerSuites && suite)
        {
            m.SetSuite(*suite); // beside alg/ealg, as the P-CSCF may not know suites
        }
        offer.mechanisms.push_back(m);
    }
    NS_LOG_FUNCTION(this << offer.spiC << offer.spiS << offer.portC << offer.portS);
    return offer;
}

std::optional<size_t>
ImsUeSecurity::ChooseServerMechanism(const std::vector<SecurityMechanism>& serverList,
                                     const Offer& offer) const
{
    auto supported = [&offer](const SecurityMechanism& m) {
        std::string alg;
        std::string ealg;
        if (!m.IsNamed(ImsSecAgree::IPSEC_3GPP) || !m.GetSpiC() || !m.GetSpiS() || !m.GetPortC() ||
            !m.GetPortS() || !ImsSecAgree::ResolveAlgorithms(m, &alg, &ealg))
        {
            return false;
        }
        if (alg.empty() || ealg != "null" || m.GetProtocol().value_or("esp") != "esp" ||
            m.GetMode().value_or("trans") != "trans")
        {
            return false;
        }
        return FindOffered(offer, alg) != nullptr;
    };
    std::string error;
    auto chosen = SecAgreeRules::ChooseMechanism(serverList, supported, &error);
    if (!chosen)
    {
        NS_LOG_LOGIC("no usable Security-Server mechanism: " << error);
    }
    return chosen;
}

bool
ImsUeSecurity::InstallPending(const Offer& offer,
                              const std::vector<SecurityMechanism>& serverList,
                              size_t chosen,
                              Ipv6Address ueAddress,
                              Ipv6Address pcscfAddress,
                              const IpsecIntegrity::AkaKey& ik,
                              const IpsecIntegrity::AkaKey& ck,
                              Time lifetime,
                              std::string* error)
{
    NS_LOG_FUNCTION(this << ueAddress << pcscfAddress << chosen);
    NS_ABORT_MSG_IF(!m_ipsec || !m_transport, "ImsUeSecurity used before SetLayers");
    DiscardPending();
    if (chosen >= serverList.size())
    {
        *error = "no chosen mechanism";
        return false;
    }
    const SecurityMechanism& server = serverList[chosen];
    std::string alg;
    std::string ealg;
    const SecurityMechanism* mine = nullptr;
    if (ImsSecAgree::ResolveAlgorithms(server, &alg, &ealg))
    {
        mine = FindOffered(offer, alg);
    }
    if (!mine)
    {
        *error = "Security-Server algorithm not offered";
        return false;
    }
    // The selector length of the UE side: as the P-CSCF echoed it, 128 when not echoed.
    uint8_t length = server.GetAddrPrefLength().value_or(128);
    IpsecSaSetParameters p;
    if (!ImsSecAgree::BuildSaSetParameters(*mine,
                                           server,
                                           IpsecSaSetParameters::Side::UE,
                                           ueAddress,
                                           length,
                                           pcscfAddress,
                                           ik,
                                           ck,
                                           lifetime,
                                           &p,
                                           error))
    {
        return false;
    }
    uint32_t handle = m_ipsec->InstallSaSet(p);
    if (handle == 0)
    {
        *error = "IpsecStack refused the SA set";
        return false;
    }
    for (uint16_t port : {p.uePortC, p.uePortS})
    {
        if (!m_transport->IsProtectedPort(port) && !m_transport->OpenProtectedPort(port))
        {
            m_ipsec->DeleteSaSet(handle);
            m_transport->CloseProtectedPort(p.uePortC);
            *error = "protected port " + std::to_string(port) + " in use";
            return false;
        }
    }
    m_pending.handle = handle;
    m_pending.parameters = p;
    // Kept as text (a tenth of the parsed form): it is read again only for Security-Verify.
    m_pending.serverList = SecurityMechanism::FormatList(serverList);
    return true;
}

bool
ImsUeSecurity::PromotePending(Time lifetime)
{
    NS_LOG_FUNCTION(this << lifetime);
    if (m_pending.handle == 0)
    {
        return false;
    }
    Remove(m_active, m_pending);
    m_active = m_pending;
    m_pending = SaSet();
    m_ipsec->UpdateSaSetLifetime(m_active.handle, lifetime);
    m_active.parameters.lifetime = lifetime;
    return true;
}

bool
ImsUeSecurity::ExtendActive(Time lifetime)
{
    NS_LOG_FUNCTION(this << lifetime);
    if (m_active.handle == 0)
    {
        return false;
    }
    m_active.parameters.lifetime = lifetime;
    return m_ipsec->UpdateSaSetLifetime(m_active.handle, lifetime);
}

void
ImsUeSecurity::DiscardPending()
{
    Remove(m_pending, m_active);
}

void
ImsUeSecurity::Clear()
{
    NS_LOG_FUNCTION(this);
    Remove(m_pending, m_active);
    Remove(m_active, m_pending);
}

bool
ImsUeSecurity::Forget(uint32_t handle)
{
    NS_LOG_FUNCTION(this << handle);
    for (SaSet* set : {&m_active, &m_pending})
    {
        if (set->handle != 0 && set->handle == handle)
        {
            bool wasActive = set == &m_active;
            Remove(*set, wasActive ? m_pending : m_active);
            return wasActive;
        }
    }
    return false;
}

void
ImsUeSecurity::Remove(SaSet& set, const SaSet& other)
{
    if (set.handle == 0)
    {
        return;
    }
    if (m_ipsec)
    {
        m_ipsec->DeleteSaSet(set.handle);
    }
    if (m_transport)
    {
        for (uint16_t port : {set.parameters.uePortC, set.parameters.uePortS})
        {
            if (!Uses(other, port))
            {
                m_transport->CloseProtectedPort(port);
            }
        }
    }
    set = SaSet();
}

bool
ImsUeSecurity::HasActive() const
{
    return m_active.handle != 0;
}

bool
ImsUeSecurity::HasPending() const
{
    return m_pending.handle != 0;
}

const ImsUeSecurity::SaSet&
ImsUeSecurity::GetActive() const
{
    return m_active;
}

const ImsUeSecurity::SaSet&
ImsUeSecurity::GetPending() const
{
    return m_pending;
}

bool
ImsUeSecurity::ActiveCovers(Ipv6Address address) const
{
    return m_active.handle != 0 && ImsUeRotationPolicy::Covers(m_active.parameters.ueAddress,
                                                               m_active.parameters.uePrefixLength,
                                                               address);
}

SipTarget
ImsUeSecurity::GetActiveRequestTarget(Ipv6Address source) const
{
    return SipTarget::Protected(source,
                                m_active.parameters.uePortC,
                                m_active.parameters.pcscfAddress,
                                m_active.parameters.pcscfPortS);
}

} // namespace ns3
