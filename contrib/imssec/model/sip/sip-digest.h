/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef SIP_DIGEST_H
#define SIP_DIGEST_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief HTTP Digest authentication values (RFC 2617 as used by RFC 3261 section 22, with
 * the AKA use of RFC 3310): a challenge (WWW-Authenticate, Proxy-Authenticate), credentials
 * (Authorization, Proxy-Authorization) or Authentication-Info.
 *
 * Parameters keep their order; values are stored unquoted with a flag telling whether they
 * are written as quoted-strings.  Typed setters quote as RFC 2617 / RFC 3310 write each
 * parameter (qop is quoted in a challenge only).
 */
class SipDigest
{
  public:
    /// What the value is.
    enum Kind
    {
        CHALLENGE,   ///< WWW-Authenticate / Proxy-Authenticate: scheme + params
        CREDENTIALS, ///< Authorization / Proxy-Authorization: scheme + params
        INFO         ///< Authentication-Info: params only
    };

    /// One auth-param.
    struct Param
    {
        std::string name;   ///< name as written
        std::string value;  ///< value without quotes or escapes
        bool quoted{false}; ///< written as a quoted-string
    };

    /**
     * \param kind what the value is
     */
    explicit SipDigest(Kind kind = CREDENTIALS);

    /**
     * \param text the header value
     * \param kind what the value is
     * \param out receives the value
     * \param error receives the reason of a failure (may be nullptr)
     * \param errorOffset receives the offset in text of a failure (may be nullptr)
     * \returns true on success
     */
    static bool Parse(std::string_view text,
                      Kind kind,
                      SipDigest* out,
                      std::string* error,
                      size_t* errorOffset = nullptr);

    /**
     * \returns what the value is
     */
    Kind GetKind() const
    {
        return m_kind;
    }

    /**
     * \returns the scheme ("Digest"); "" for Authentication-Info
     */
    const std::string& GetScheme() const
    {
        return m_scheme;
    }

    /**
     * \param scheme the auth-scheme
     */
    void SetScheme(std::string_view scheme);

    /**
     * \param name a parameter name (any case)
     * \returns its value without quotes, nullopt when absent
     */
    std::optional<std::string> Get(std::string_view name) const;

    /**
     * \brief Sets a parameter, quoted as RFC 2617 / RFC 3310 write it for this kind.
     * \param name the parameter name
     * \param value the value without quotes
     */
    void Set(std::string_view name, std::string_view value);

    /**
     * \brief Sets a parameter with explicit quoting.
     * \param name the parameter name
     * \param value the value without quotes
     * \param quoted write it as a quoted-string
     */
    void Set(std::string_view name, std::string_view value, bool quoted);

    /**
     * \param name a parameter name (any case)
     * \returns true when a parameter was removed
     */
    bool Remove(std::string_view name);

    /**
     * \returns the parameters in order
     */
    const std::vector<Param>& GetParams() const
    {
        return m_params;
    }

    /// \returns realm, nullopt when absent
    std::optional<std::string> GetRealm() const;
    /// \returns nonce (RFC 3310: base64 of RAND || AUTN || server data), nullopt when absent
    std::optional<std::string> GetNonce() const;
    /// \returns algorithm, e.g. "AKAv1-MD5", nullopt when absent
    std::optional<std::string> GetAlgorithm() const;
    /// \returns qop ("auth", or the list of a challenge "auth,auth-int"), nullopt when absent
    std::optional<std::string> GetQop() const;
    /// \returns nonce-count nc as a number, nullopt when absent or malformed
    std::optional<uint32_t> GetNonceCount() const;
    /// \returns cnonce, nullopt when absent
    std::optional<std::string> GetCnonce() const;
    /// \returns response (request-digest), nullopt when absent
    std::optional<std::string> GetResponse() const;
    /// \returns uri (digest-uri), nullopt when absent
    std::optional<std::string> GetUri() const;
    /// \returns username, nullopt when absent
    std::optional<std::string> GetUsername() const;
    /// \returns opaque, nullopt when absent
    std::optional<std::string> GetOpaque() const;
    /// \returns auts (RFC 3310 resynchronisation), nullopt when absent
    std::optional<std::string> GetAuts() const;
    /// \returns rspauth of Authentication-Info, nullopt when absent
    std::optional<std::string> GetRspauth() const;
    /// \returns nextnonce of Authentication-Info, nullopt when absent
    std::optional<std::string> GetNextnonce() const;
    /// \returns true when stale=true (case-insensitive)
    bool IsStale() const;

    /// \param v realm
    void SetRealm(std::string_view v);
    /// \param v nonce
    void SetNonce(std::string_view v);
    /// \param v algorithm, e.g. "AKAv1-MD5"
    void SetAlgorithm(std::string_view v);
    /// \param v qop
    void SetQop(std::string_view v);
    /// \param nc nonce-count, written as 8 lower-case hex digits
    void SetNonceCount(uint32_t nc);
    /// \param v cnonce
    void SetCnonce(std::string_view v);
    /// \param v response
    void SetResponse(std::string_view v);
    /// \param v digest-uri
    void SetUri(std::string_view v);
    /// \param v username (the IMPI in IMS)
    void SetUsername(std::string_view v);
    /// \param v opaque
    void SetOpaque(std::string_view v);
    /// \param v auts
    void SetAuts(std::string_view v);

    /**
     * \returns the header value text: "Digest a=b, c=\"d\"" (params only for INFO)
     */
    std::string ToString() const;

  private:
    Kind m_kind;                 ///< what the value is
    std::string m_scheme;        ///< auth-scheme
    std::vector<Param> m_params; ///< auth-params in order
};

} // namespace ns3

#endif /* SIP_DIGEST_H */
