/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef RANDOMIZED_INTERFACE_IDENTIFIER_H
#define RANDOMIZED_INTERFACE_IDENTIFIER_H

#include <array>
#include <cstdint>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief The RFC 3041 section 3.2.1 generator of randomized interface identifiers.
 *
 * Keeps the 64-bit history value of one interface.  Each call of Next() computes
 * MD5(history || interface identifier) with OpenSSL, takes the left-most 64 bits with bit 6
 * (the universal/local bit) cleared as the new randomized interface identifier and keeps the
 * right-most 64 bits as the next history value.  The sequence is deterministic for a given
 * initial history value and interface identifier, which is what makes runs reproducible: the
 * initial history value comes from an ns-3 random stream (TemporaryAddressManager).
 */
class RandomizedInterfaceIdentifier
{
  public:
    /// An interface identifier or a history value: 8 bytes, network byte order.
    typedef std::array<uint8_t, 8> Bytes;

    /**
     * \brief Creates a generator with a zero history value (set one with SetHistory).
     */
    RandomizedInterfaceIdentifier();

    /**
     * \brief Sets the history value used by the next iteration.
     * \param history the 64-bit history value, most significant byte first
     */
    void SetHistory(uint64_t history);

    /**
     * \returns the history value the next iteration will use
     */
    uint64_t GetHistory() const;

    /**
     * \brief Runs one iteration of the algorithm and updates the history value.
     * \param interfaceId the interface identifier of [ADDRARCH] (the EUI-64 based identifier)
     * \returns the new randomized interface identifier (u bit cleared)
     */
    Bytes Next(const Bytes& interfaceId);

    /**
     * \brief One iteration of RFC 3041 section 3.2.1 as a pure function.
     * \param history the history value (8 bytes)
     * \param interfaceId the interface identifier (8 bytes)
     * \param randomizedId receives the left-most 64 bits of the digest with bit 6 cleared
     * \param nextHistory receives the right-most 64 bits of the digest
     */
    static void Compute(const Bytes& history,
                        const Bytes& interfaceId,
                        Bytes& randomizedId,
                        Bytes& nextHistory);

    /**
     * \param value a 64-bit value
     * \returns its 8 bytes, most significant first
     */
    static Bytes ToBytes(uint64_t value);

    /**
     * \param bytes 8 bytes, most significant first
     * \returns the 64-bit value
     */
    static uint64_t FromBytes(const Bytes& bytes);

  private:
    Bytes m_history; //!< history value for the next iteration
};

} // namespace ns3

#endif /* RANDOMIZED_INTERFACE_IDENTIFIER_H */
