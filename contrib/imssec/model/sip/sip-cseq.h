/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef SIP_CSEQ_H
#define SIP_CSEQ_H

#include <cstdint>
#include <string>
#include <string_view>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief The CSeq value (RFC 3261 section 20.16): sequence number and method, "1 REGISTER".
 */
class SipCseq
{
  public:
    SipCseq();

    /**
     * \param sequence the sequence number (32 bits, RFC 3261 wants it below 2^31)
     * \param method the method of the request
     */
    SipCseq(uint32_t sequence, std::string_view method);

    /**
     * \param text the value
     * \param out receives the value
     * \param error receives the reason of a failure (may be nullptr)
     * \param errorOffset receives the offset in text of a failure (may be nullptr)
     * \returns true on success
     */
    static bool Parse(std::string_view text,
                      SipCseq* out,
                      std::string* error,
                      size_t* errorOffset = nullptr);

    /**
     * \returns the sequence number
     */
    uint32_t GetSequence() const
    {
        return m_sequence;
    }

    /**
     * \returns the method
     */
    const std::string& GetMethod() const
    {
        return m_method;
    }

    /**
     * \returns "sequence method"
     */
    std::string ToString() const;

  private:
    uint32_t m_sequence{0}; ///< sequence number
    std::string m_method;   ///< method
};

} // namespace ns3

#endif /* SIP_CSEQ_H */
