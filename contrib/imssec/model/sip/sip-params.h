/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef SIP_PARAMS_H
#define SIP_PARAMS_H

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief One generic-param (RFC 3261 section 25: token [ EQUAL gen-value ]).
 */
struct SipParam
{
    std::string name;      ///< parameter name as written
    std::string value;     ///< value as written (a quoted-string keeps its quotes)
    bool hasValue = false; ///< false for a flag parameter such as "lr" or "rport"
};

/**
 * \ingroup imssec
 * \brief An ordered list of ";name[=value]" parameters (Via, URI, name-addr, Content-Type,
 * sec-agree mechanisms).  Names compare without case; the order and the spelling of values
 * are kept.
 */
class SipParams
{
  public:
    /**
     * \brief Parses ";a=b;c" (the leading ';' of each parameter is required; white space
     * around ';' and '=' is allowed).
     * \param text the text after the element the parameters belong to
     * \param out receives the parameters (appended)
     * \param error receives a reason when parsing fails (may be nullptr)
     * \param errorOffset receives the offset in text of the failure (may be nullptr)
     * \returns true on success
     */
    static bool Parse(std::string_view text,
                      SipParams* out,
                      std::string* error,
                      size_t* errorOffset = nullptr);

    /**
     * \param name a parameter name (any case)
     * \returns true when the parameter is present (with or without value)
     */
    bool Has(std::string_view name) const;

    /**
     * \param name a parameter name (any case)
     * \returns the value as written, "" for a flag parameter, nullopt when absent
     */
    std::optional<std::string> Get(std::string_view name) const;

    /**
     * \param name a parameter name (any case)
     * \returns the value with the quotes of a quoted-string removed, nullopt when absent
     */
    std::optional<std::string> GetUnquoted(std::string_view name) const;

    /**
     * \brief Sets a parameter with a value, replacing the value in place when present.
     * \param name the parameter name
     * \param value the value as it must be written (quote it with SipText::Quote if needed)
     */
    void Set(std::string_view name, std::string_view value);

    /**
     * \brief Sets a flag parameter (no value), e.g. "lr" or "rport".
     * \param name the parameter name
     */
    void SetFlag(std::string_view name);

    /**
     * \param name a parameter name (any case)
     * \returns true when a parameter was removed
     */
    bool Remove(std::string_view name);

    /**
     * \returns the parameters in order
     */
    const std::vector<SipParam>& GetAll() const
    {
        return m_params;
    }

    /**
     * \returns the number of parameters
     */
    size_t GetSize() const
    {
        return m_params.size();
    }

    /**
     * \returns ";name=value;flag..." in order, without white space
     */
    std::string ToString() const;

    /**
     * \param out the text is appended here
     */
    void AppendTo(std::string* out) const;

  private:
    std::vector<SipParam> m_params; ///< parameters in order
};

} // namespace ns3

#endif /* SIP_PARAMS_H */
