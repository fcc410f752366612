/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-sa.h"

#include <limits>

namespace ns3
{

IpsecSa::IpsecSa(uint32_t spi,
                 IpsecDirection direction,
                 const IpsecSelector& selector,
                 IpsecIntegrityAlgorithm alg,
                 const IpsecIntegrity::Key& integrityKey,
                 IpsecEncryptionAlgorithm ealg,
                 const IpsecIntegrity::AkaKey& encryptionKey,
                 Time lifetime,
                 uint32_t replayWindow)
    : IpsecSelectorEntry(selector, direction),
      m_integrityKey(integrityKey),
      m_encryptionKey(encryptionKey),
      m_replayWindow(replayWindow),
      m_lifetime(lifetime),
      m_expiryTime(Time::Max()),
      m_packets(0),
      m_bytes(0),
      m_spi(spi),
      m_lastSequence(0),
      m_saSetHandle(0),
      m_integrityAlgorithm(alg),
      m_encryptionAlgorithm(ealg),
      m_state(State::LARVAL)
{
}

uint32_t
IpsecSa::GetIntegrityKeyLength() const
{
    return IpsecIntegrity::GetKeyLength(m_integrityAlgorithm);
}

bool
IpsecSa::AllocateSequence(uint32_t& sequence)
{
    // RFC 4303 3.3.3: without extended sequence numbers the counter must not cycle.
    if (m_lastSequence == std::numeric_limits<uint32_t>::max())
    {
        return false;
    }
    sequence = ++m_lastSequence;
    return true;
}

bool
IpsecSa::IsUsable() const
{
    return m_state == State::MATURE;
}

std::ostream&
operator<<(std::ostream& os, IpsecSa::State state)
{
    switch (state)
    {
    case IpsecSa::State::LARVAL:
        return os << "larval";
    case IpsecSa::State::MATURE:
        return os << "mature";
    case IpsecSa::State::EXPIRED:
        return os << "expired";
    case IpsecSa::State::DEAD:
        return os << "dead";
    }
    return os << "unknown";
}

} // namespace ns3
