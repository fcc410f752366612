/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef SECURITY_MECHANISM_H
#define SECURITY_MECHANISM_H

#include "sip-params.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief One sec-mechanism of a Security-Client, Security-Server or Security-Verify header
 * (RFC 3329 section 2.2, ipsec-3gpp of RFC 3329 appendix A and 3GPP TS 33.203), e.g.
 * `ipsec-3gpp;q=0.1;alg=hmac-sha-1-96;ealg=null;prot=esp;mod=trans;spi-c=1111;spi-s=2222;
 * port-c=5062;port-s=5064;addr-pref-length=64`.
 *
 * Parameters keep their order and spelling; unknown ones are kept as generic parameters.
 * Parsing checks: the mechanism name is a token, q is an RFC 3261 qvalue, spi-c/spi-s are
 * 0..4294967295, port-c/port-s 0..65535, addr-pref-length 0..128 (the studied extension),
 * suite 0..65535 (the suite number of an early 3GPP proposal, compared with alg/ealg),
 * and for ipsec-3gpp the values of alg (hmac-md5-96, hmac-sha-1-96, aes-gmac, null), ealg
 * (null, des-ede3-cbc, aes-cbc, aes-gcm), prot (esp, ah) and mod (trans, tun, UDP-enc-tun).
 */
class SecurityMechanism
{
  public:
    SecurityMechanism();

    /**
     * \param name the mechanism name, e.g. "ipsec-3gpp", "digest", "tls"
     */
    explicit SecurityMechanism(std::string_view name);

    /**
     * \brief Parses one sec-mechanism.
     * \param text the mechanism text
     * \param out receives the mechanism
     * \param error receives the reason of a failure (may be nullptr)
     * \param errorOffset receives the offset in text of a failure (may be nullptr)
     * \returns true on success
     */
    static bool Parse(std::string_view text,
                      SecurityMechanism* out,
                      std::string* error,
                      size_t* errorOffset = nullptr);

    /**
     * \brief Parses a header value: sec-mechanism *(COMMA sec-mechanism).
     * \param text the header value
     * \param out receives the mechanisms (appended)
     * \param error receives the reason of a failure (may be nullptr)
     * \param errorOffset receives the offset in text of a failure (may be nullptr)
     * \returns true on success
     */
    static bool ParseList(std::string_view text,
                          std::vector<SecurityMechanism>* out,
                          std::string* error,
                          size_t* errorOffset = nullptr);

    /**
     * \param list mechanisms
     * \returns the header value, mechanisms joined by ", "
     */
    static std::string FormatList(const std::vector<SecurityMechanism>& list);

    /**
     * \returns the mechanism name as written
     */
    const std::string& GetName() const
    {
        return m_name;
    }

    /**
     * \param name the mechanism name
     */
    void SetName(std::string_view name);

    /**
     * \param name a mechanism name
     * \returns true when this mechanism has that name, ignoring case
     */
    bool IsNamed(std::string_view name) const;

    /**
     * \returns q in thousandths (0..1000), nullopt when absent
     */
    std::optional<uint16_t> GetQThousandths() const;

    /**
     * \returns q as a number in 0..1, nullopt when absent
     */
    std::optional<double> GetQ() const;

    /**
     * \param thousandths q in thousandths, 0..1000 (larger values are clamped to 1000)
     */
    void SetQThousandths(uint16_t thousandths);

    /// \returns d-alg, nullopt when absent
    std::optional<std::string> GetDigestAlgorithm() const;
    /// \returns d-qop, nullopt when absent
    std::optional<std::string> GetDigestQop() const;
    /// \returns d-ver without quotes, nullopt when absent
    std::optional<std::string> GetDigestVerify() const;
    /// \param v d-alg
    void SetDigestAlgorithm(std::string_view v);
    /// \param v d-qop
    void SetDigestQop(std::string_view v);
    /// \param v d-ver without quotes (written quoted)
    void SetDigestVerify(std::string_view v);

    /// \returns alg (integrity algorithm), nullopt when absent
    std::optional<std::string> GetAlgorithm() const;
    /// \returns ealg (encryption algorithm), nullopt when absent
    std::optional<std::string> GetEncryptionAlgorithm() const;
    /// \returns prot (esp or ah), nullopt when absent
    std::optional<std::string> GetProtocol() const;
    /// \returns mod (trans, tun, UDP-enc-tun), nullopt when absent
    std::optional<std::string> GetMode() const;
    /// \returns spi-c, nullopt when absent
    std::optional<uint32_t> GetSpiC() const;
    /// \returns spi-s, nullopt when absent
    std::optional<uint32_t> GetSpiS() const;
    /// \returns port-c, nullopt when absent
    std::optional<uint16_t> GetPortC() const;
    /// \returns port-s, nullopt when absent
    std::optional<uint16_t> GetPortS() const;
    /// \returns addr-pref-length (0..128), nullopt when absent
    std::optional<uint8_t> GetAddrPrefLength() const;
    /// \returns suite (one number naming a set of algorithms), nullopt when absent
    std::optional<uint16_t> GetSuite() const;

    /// \param v alg
    void SetAlgorithm(std::string_view v);
    /// \param v ealg
    void SetEncryptionAlgorithm(std::string_view v);
    /// \param v prot
    void SetProtocol(std::string_view v);
    /// \param v mod
    void SetMode(std::string_view v);
    /// \param v spi-c
    void SetSpiC(uint32_t v);
    /// \param v spi-s
    void SetSpiS(uint32_t v);
    /// \param v port-c
    void SetPortC(uint16_t v);
    /// \param v port-s
    void SetPortS(uint16_t v);
    /// \param v suite
    void SetSuite(uint16_t v);
    /// \param v addr-pref-length, 0..128 (aborts on a larger value: a programming error)
    void SetAddrPrefLength(uint8_t v);

    /**
     * \returns all parameters in order, typed ones included
     */
    const SipParams& GetParams() const
    {
        return m_params;
    }

    /**
     * \returns all parameters, for changes (generic parameters)
     */
    SipParams& GetParams()
    {
        return m_params;
    }

    /**
     * \brief RFC 3329 comparison of two mechanisms: same name (ignoring case) and the same
     * parameters with the same values, in any order.  Numeric parameters (q, spi-*,
     * port-*, addr-pref-length) compare as numbers, quoted values exactly, tokens ignoring
     * case (RFC 3261 section 7.3.1).
     * \param other another mechanism
     * \returns true when both are the same mechanism with the same parameters
     */
    bool Matches(const SecurityMechanism& other) const;

    /**
     * \returns "name;param=value;..."
     */
    std::string ToString() const;

  private:
    std::string m_name; ///< mechanism-name
    SipParams m_params; ///< mech-parameters in order
};

} // namespace ns3

#endif /* SECURITY_MECHANISM_H */
