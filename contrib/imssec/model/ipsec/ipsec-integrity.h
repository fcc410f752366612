/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_INTEGRITY_H
#define IPSEC_INTEGRITY_H

#include <array>
#include <cstdint>
#include <ostream>
#include <string>

namespace ns3
{

/**
 * \ingroup imssec
 * Integrity algorithms of ipsec-3gpp (TS 33.203 section 6.3, the `alg` parameter of RFC 3329
 * sec-agree).  Both produce a 96-bit ICV (RFC 2403, RFC 2404).
 */
enum class IpsecIntegrityAlgorithm : uint8_t
{
    HMAC_SHA1_96 = 0, //!< "hmac-sha-1-96", RFC 2404, 160-bit key
    HMAC_MD5_96 = 1,  //!< "hmac-md5-96", RFC 2403, 128-bit key
};

/**
 * \ingroup imssec
 * Encryption algorithms (`ealg`).  Only NULL encryption (RFC 2410) is modeled.
 */
enum class IpsecEncryptionAlgorithm : uint8_t
{
    NULL_ENCRYPTION = 0, //!< "null", RFC 2410
};

/**
 * \ingroup imssec
 * \brief ESP integrity: algorithm names, TS 33.203 key derivation and ICV computation.
 *
 * The ICV is computed with OpenSSL's libcrypto (EVP_MAC "HMAC").  The MAC contexts are
 * created once per thread and re-keyed for each packet, so an SA costs no OpenSSL state.
 */
class IpsecIntegrity
{
  public:
    static constexpr uint32_t ICV_LENGTH = 12;       //!< bytes of a 96-bit ICV
    static constexpr uint32_t IK_LENGTH = 16;        //!< bytes of the AKA integrity key IK
    static constexpr uint32_t MAX_KEY_LENGTH = 20;   //!< longest ESP integrity key (SHA-1)
    using Key = std::array<uint8_t, MAX_KEY_LENGTH>; //!< ESP integrity key storage
    using AkaKey = std::array<uint8_t, IK_LENGTH>;   //!< IK or CK as AKA produces them

    /**
     * \param alg an integrity algorithm
     * \returns its sec-agree name ("hmac-sha-1-96", "hmac-md5-96")
     */
    static std::string GetName(IpsecIntegrityAlgorithm alg);

    /**
     * \param name a sec-agree `alg` value (case-insensitive)
     * \param [out] alg the algorithm, when known
     * \returns true when the name is known
     */
    static bool Parse(const std::string& name, IpsecIntegrityAlgorithm& alg);

    /**
     * \param ealg an encryption algorithm
     * \returns its sec-agree name ("null")
     */
    static std::string GetName(IpsecEncryptionAlgorithm ealg);

    /**
     * \param name a sec-agree `ealg` value (case-insensitive)
     * \param [out] ealg the algorithm, when known (only "null" is)
     * \returns true when the name is known
     */
    static bool Parse(const std::string& name, IpsecEncryptionAlgorithm& ealg);

    /**
     * \param alg an integrity algorithm
     * \returns the length in bytes of its ESP key (20 for HMAC-SHA-1-96, 16 for HMAC-MD5-96)
     */
    static uint32_t GetKeyLength(IpsecIntegrityAlgorithm alg);

    /**
     * \brief Derives the ESP integrity key from the AKA IK as TS 33.203 (section 7.1) does:
     * hmac-md5-96 uses IK as it is, hmac-sha-1-96 uses IK extended with 32 zero bits.
     * \param alg the negotiated integrity algorithm
     * \param ik the 128-bit IK from AKA
     * \returns the key; its first GetKeyLength(alg) bytes are meaningful
     */
    static Key DeriveEspKey(IpsecIntegrityAlgorithm alg, const AkaKey& ik);

    /**
     * \brief Computes the 96-bit ICV (HMAC truncated to its first 96 bits).
     * \param alg the integrity algorithm
     * \param key the ESP integrity key
     * \param keyLength bytes of key
     * \param data the bytes covered (ESP header, payload, padding, pad length, next header)
     * \param length bytes of data
     * \param [out] icv ICV_LENGTH bytes
     * \returns false when libcrypto failed (nothing sensible was written)
     */
    static bool ComputeIcv(IpsecIntegrityAlgorithm alg,
                           const uint8_t* key,
                           uint32_t keyLength,
                           const uint8_t* data,
                           uint32_t length,
                           uint8_t* icv);

    /**
     * \brief Recomputes the ICV and compares it in constant time.
     * \param alg the integrity algorithm
     * \param key the ESP integrity key
     * \param keyLength bytes of key
     * \param data the bytes covered
     * \param length bytes of data
     * \param icv the ICV_LENGTH bytes received
     * \returns true when the received ICV is the right one
     */
    static bool VerifyIcv(IpsecIntegrityAlgorithm alg,
                          const uint8_t* key,
                          uint32_t keyLength,
                          const uint8_t* data,
                          uint32_t length,
                          const uint8_t* icv);
};

/**
 * \param os output stream
 * \param alg integrity algorithm
 * \returns the stream, with the sec-agree name written
 */
std::ostream& operator<<(std::ostream& os, IpsecIntegrityAlgorithm alg);

} // namespace ns3

#endif /* IPSEC_INTEGRITY_H */
