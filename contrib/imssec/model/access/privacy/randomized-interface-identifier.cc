/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "randomized-interface-identifier.h"

#include "ns3/abort.h"

#include <openssl/evp.h>

namespace ns3
{

RandomizedInterfaceIdentifier::RandomizedInterfaceIdentifier()
    : m_history{}
{
}

void
RandomizedInterfaceIdentifier::SetHistory(uint64_t history)
{
    m_history = ToBytes(history);
}

uint64_t
RandomizedInterfaceIdentifier::GetHistory() const
{
    return FromBytes(m_history);
}

RandomizedInterfaceIdentifier::Bytes
RandomizedInterfaceIdentifier::Next(const Bytes& interfaceId)
{
    Bytes randomizedId;
    Bytes nextHistory;
    Compute(m_history, interfaceId, randomizedId, nextHistory);
    m_history = nextHistory;
    return randomizedId;
}

void
RandomizedInterfaceIdentifier::Compute(const Bytes& history,
                                       const Bytes& interfaceId,
                                       Bytes& randomizedId,
                                       Bytes& nextHistory)
{
    // Step 1: history value || interface identifier.
    uint8_t input[16];
    for (std::size_t i = 0; i < 8; ++i)
    {
        input[i] = history[i];
        input[8 + i] = interfaceId[i];
    }
    // Step 2: MD5 over the 16 bytes.
    uint8_t digest[EVP_MAX_MD_SIZE];
    unsigned int digestLength = 0;
    int ok = EVP_Digest(input, sizeof(input), digest, &digestLength, EVP_md5(), nullptr);
    NS_ABORT_MSG_IF(ok != 1 || digestLength != 16, "OpenSSL MD5 failed");
    // Step 3: left-most 64 bits, bit 6 (numbered from the left, 0-based) cleared: the u bit,
    // marking the identifier as locally significant.
    for (std::size_t i = 0; i < 8; ++i)
    {
        randomizedId[i] = digest[i];
        nextHistory[i] = digest[8 + i]; // Step 4: right-most 64 bits are the next history.
    }
    randomizedId[0] &= static_cast<uint8_t>(~0x02);
}

RandomizedInterfaceIdentifier::Bytes
RandomizedInterfaceIdentifier::ToBytes(uint64_t value)
{
    Bytes bytes;
    for (int i = 7; i >= 0; --i)
    {
        bytes[i] = static_cast<uint8_t>(value & 0xff);
        value >>= 8;
    }
    return bytes;
}

uint64_t
RandomizedInterfaceIdentifier::FromBytes(const Bytes& bytes)
{
    uint64_t value = 0;
    for (std::size_t i = 0; i < 8; ++i)
    {
        value = (value << 8) | bytes[i];
    }
    return value;
}

} // namespace ns3
