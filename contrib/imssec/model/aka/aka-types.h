/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef AKA_TYPES_H
#define AKA_TYPES_H

#include <algorithm>
#include <array>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

/**
 * \file
 * \ingroup imssec
 * Plain value types of 3GPP AKA (TS 33.102 section 6.3) and small helpers for them.
 *
 * Every AKA quantity has a fixed length, so each is a std::array of octets in network order
 * (most significant octet first), as the specifications write them.
 */

namespace ns3
{

/// 128-bit subscriber key K, operator variant OP, OPc, cipher key CK and integrity key IK.
using AkaKey = std::array<uint8_t, 16>;
/// 128-bit random challenge RAND.
using AkaRand = std::array<uint8_t, 16>;
/// 48-bit sequence number SQN (SEQ || IND, TS 33.102 Annex C).
using AkaSqn = std::array<uint8_t, 6>;
/// 48-bit anonymity key AK (f5) or AK* (f5*).
using AkaAk = std::array<uint8_t, 6>;
/// 16-bit authentication management field AMF.
using AkaAmf = std::array<uint8_t, 2>;
/// 64-bit message authentication code MAC-A (f1) or MAC-S (f1*).
using AkaMac = std::array<uint8_t, 8>;
/// 64-bit response RES / expected response XRES (f2 of Milenage).
using AkaRes = std::array<uint8_t, 8>;
/// 128-bit authentication token AUTN = SQN xor AK || AMF || MAC-A.
using AkaAutn = std::array<uint8_t, 16>;
/// 112-bit re-synchronisation token AUTS = SQN_MS xor AK* || MAC-S.
using AkaAuts = std::array<uint8_t, 14>;

/// Largest value a 48-bit SQN can take.
constexpr uint64_t AKA_SQN_MAX = (uint64_t{1} << 48) - 1;

/**
 * \ingroup imssec
 * An authentication vector (quintet) as the HSS/AuC issues it (TS 33.102 section 6.3.2).
 */
struct AkaVector
{
    AkaRand rand{};  //!< RAND, the random challenge
    AkaRes xres{};   //!< XRES = f2(K, RAND)
    AkaKey ck{};     //!< CK = f3(K, RAND)
    AkaKey ik{};     //!< IK = f4(K, RAND)
    AkaAutn autn{};  //!< AUTN = SQN xor AK || AMF || MAC-A
    uint64_t sqn{0}; //!< the SQN (SEQ || IND) the vector carries; for traces, never sent
};

/**
 * \ingroup imssec
 * Hexadecimal text of octets, lower case, no separators (for logs and tests).
 * \param data first octet
 * \param length number of octets
 * \returns 2 * length hexadecimal digits
 */
std::string AkaToHex(const uint8_t* data, std::size_t length);

/**
 * \ingroup imssec
 * Hexadecimal text of a fixed-size AKA value.
 * \param value the value
 * \returns 2 * N hexadecimal digits
 */
template <std::size_t N>
std::string
AkaToHex(const std::array<uint8_t, N>& value)
{
    return AkaToHex(value.data(), N);
}

/**
 * \ingroup imssec
 * Hexadecimal text of a byte string.
 * \param value the octets
 * \returns 2 * value.size() hexadecimal digits
 */
std::string AkaToHex(const std::vector<uint8_t>& value);

/**
 * \ingroup imssec
 * Parses hexadecimal text (either case, no separators, even length).
 * \param hex the text
 * \param out receives the octets; left empty on failure
 * \returns false when the text is not an even number of hexadecimal digits
 */
bool AkaFromHex(const std::string& hex, std::vector<uint8_t>& out);

/**
 * \ingroup imssec
 * Parses hexadecimal text of exactly N octets into a fixed-size AKA value.
 * \param hex the text (2 * N hexadecimal digits)
 * \param out receives the value; unchanged on failure
 * \returns false when the text is not exactly 2 * N hexadecimal digits
 */
template <std::size_t N>
bool
AkaFromHex(const std::string& hex, std::array<uint8_t, N>& out)
{
    std::vector<uint8_t> bytes;
    if (!AkaFromHex(hex, bytes) || bytes.size() != N)
    {
        return false;
    }
    std::copy(bytes.begin(), bytes.end(), out.begin());
    return true;
}

/**
 * \ingroup imssec
 * \param sqn a 48-bit sequence number as octets
 * \returns its value
 */
uint64_t AkaSqnToUint64(const AkaSqn& sqn);

/**
 * \ingroup imssec
 * \param value a sequence number; only its 48 low bits are used
 * \returns its 6-octet big-endian encoding
 */
AkaSqn AkaSqnFromUint64(uint64_t value);

/**
 * \ingroup imssec
 * \param value the AMF as a 16-bit number (e.g. 0x8000)
 * \returns its 2-octet big-endian encoding
 */
AkaAmf AkaAmfFromUint16(uint16_t value);

/**
 * \ingroup imssec
 * \param amf an AMF
 * \returns its value as a 16-bit number
 */
uint16_t AkaAmfToUint16(const AkaAmf& amf);

/**
 * \ingroup imssec
 * Writes a vector for logs: SQN, RAND, AUTN and XRES in hexadecimal (never the keys).
 * \param os the stream
 * \param vector the vector
 * \returns os
 */
std::ostream& operator<<(std::ostream& os, const AkaVector& vector);

} // namespace ns3

#endif /* AKA_TYPES_H */
