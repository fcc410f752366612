/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ims-ue-security.h"

#include "ims-ue-rotation-policy.h"

#include "ns3/abort.h"
#include "ns3/ipsec-stack.h"
#include "ns3/log.h"
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
      m_portBase(10000),
      m_portRange(50000),
      m_nextPortOffset(0),
      m_nextSpi(0x1000)
{
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
ImsUeSecurity::SetAllocation(uint16_t base, uint16_t range, uint32_t firstSpi)
{
    NS_ABORT_MSG_IF(range < 4 || static_cast<uint32_t>(base) + range > 65536,
                    "ImsUeSecurity: protected port range " << base << "+" << range);
    m_portBase = base;
    m_portRange = range & ~uint16_t{1};
    m_nextPortOffset = 0;
    m_nextSpi = std::max<uint32_t>(firstSpi, 256);
}

bool
ImsUeSecurity::Uses(const SaSet& set, uint16_t port)
{
    return set.handle != 0 && (set.parameters.uePortC == port || set.parameters.uePortS == port);
}

ImsUeSecurity::Offer
ImsUeSecurity::NewOffer(bool reregistration)
{
    Offer offer;
    // Two SPIs per offer from a counter: unique among this node's SAs (it wraps after
    // two billion registrations, skipping the values below 256 RFC 4303 reserves).
    for (uint32_t* spi : {&offer.spiC, &offer.spiS})
    {
        if (m_nextSpi < 256)
        {
            m_nextSpi = 256;
        }
        *spi = m_nextSpi++;
    }
    auto free = [this](uint16_t port) { return !Uses(m_active, port) && !Uses(m_pending, port); };
    if (reregistration && m_active.handle != 0)
    {
        // TS 33.203 7.4: new SPIs and a new port-c, the same port-s for the lifetime of the
        // registration.  port-c: the next counter value no set held uses.
        offer.portS = m_active.parameters.uePortS;
        for (uint32_t tries = 0; tries < m_portRange; ++tries)
        {
            uint16_t c = m_portBase + m_nextPortOffset;
            m_nextPortOffset = (m_nextPortOffset + 1) % m_portRange;
            if (c != offer.portS && free(c))
            {
                offer.portC = c;
                break;
            }
        }
    }
    else
    {
        // A new registration: the next pair not used by a set held (at most two sets
        // exist), from an even offset.
        m_nextPortOffset = (m_nextPortOffset + 1) & ~uint16_t{1};
        for (uint32_t tries = 0; tries <= m_portRange / 2; ++tries)
        {
            m_nextPortOffset %= m_portRange;
            uint16_t c = m_portBase + m_nextPortOffset;
            m_nextPortOffset = (m_nextPortOffset + 2) % m_portRange;
            if (free(c) && free(c + 1))
            {
                offer.portC = c;
                offer.portS = c + 1;
                break;
            }
        }
    }
    uint16_t n = static_cast<uint16_t>(m_algorithms.size());
    for (uint16_t i = 0; i < n; ++i)
    {
        // Descending q (0.1 steps): the preferred algorithm first, all with a q so that
        // RFC 3329's ranking (no q ranks lowest) keeps this order.
        offer.mechanisms.push_back(
            ImsSecAgree::MakeIpsec3gpp(m_algorithms[i],
                                       offer.spiC,
                                       offer.spiS,
                                       offer.portC,
                                       offer.portS,
                                       m_addrPrefLength,
                                       static_cast<uint16_t>(100 * (n - i))));
    }
    NS_LOG_FUNCTION(this << offer.spiC << offer.spiS << offer.portC << offer.portS);
    return offer;
}

std::optional<size_t>
ImsUeSecurity::ChooseServerMechanism(const std::vector<SecurityMechanism>& serverList,
                                     const Offer& offer) const
{
    auto supported = [&offer](const SecurityMechanism& m) {
        if (!m.IsNamed(ImsSecAgree::IPSEC_3GPP) || !m.GetAlgorithm() || !m.GetSpiC() ||
            !m.GetSpiS() || !m.GetPortC() || !m.GetPortS())
        {
            return false;
        }
        if (m.GetEncryptionAlgorithm().value_or("null") != "null" ||
            m.GetProtocol().value_or("esp") != "esp" || m.GetMode().value_or("trans") != "trans")
        {
            return false;
        }
        for (const SecurityMechanism& o : offer.mechanisms)
        {
            if (o.GetAlgorithm() == m.GetAlgorithm())
            {
                return true;
            }
        }
        return false;
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
    const SecurityMechanism* mine = nullptr;
    for (const SecurityMechanism& o : offer.mechanisms)
    {
        if (o.GetAlgorithm() == server.GetAlgorithm())
        {
            mine = &o;
        }
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
