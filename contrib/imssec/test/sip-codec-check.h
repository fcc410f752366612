/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef SIP_CODEC_CHECK_H
#define SIP_CODEC_CHECK_H

#include <cstddef>
#include <cstdint>
#include <string>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief The codec's invariants on arbitrary bytes, shared by the libFuzzer target and the
 * corpus replay test.
 *
 * For any input: Parse gives a message or an error whose offset lies inside the input.
 * For a message: every typed accessor and Validate run without failing hard, the
 * canonical encoding parses again and re-encodes to the same bytes, and every typed value
 * that parsed formats to text that parses again.
 */
class SipCodecCheck
{
  public:
    /**
     * \param data the bytes
     * \param size number of bytes
     * \returns "" when every invariant holds, else the first one broken
     */
    static std::string Run(const uint8_t* data, size_t size);
};

} // namespace ns3

#endif /* SIP_CODEC_CHECK_H */
