/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef SIP_TEXT_H
#define SIP_TEXT_H

#include "ns3/ipv6-address.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief Lexical building blocks of RFC 3261 section 25 shared by the SIP codec.
 *
 * Every function works on std::string_view and never reads outside it, so the typed header
 * parsers can run on any byte sequence.  None of them allocates unless it returns a
 * std::string or a vector.
 */
class SipText
{
  public:
    /**
     * \param c a byte
     * \returns true when c belongs to RFC 3261 `token` (alphanum and -.!%*_+`'~)
     */
    static bool IsTokenChar(uint8_t c)
    {
        return TOKEN_CHARS[c];
    }

    /// RFC 3261 token characters: TOKEN_CHARS[c] is true when c is one.
    static const std::array<bool, 256> TOKEN_CHARS;

    /**
     * \param s text
     * \returns true when s is a non-empty RFC 3261 token
     */
    static bool IsToken(std::string_view s);

    /**
     * \param c a byte
     * \returns true for SP and HTAB (RFC 3261 WSP)
     */
    static bool IsWsp(uint8_t c)
    {
        return c == ' ' || c == '\t';
    }

    /**
     * \param a first text
     * \param b second text
     * \returns true when a and b are equal ignoring ASCII case
     */
    static bool EqualsIgnoreCase(std::string_view a, std::string_view b);

    /**
     * \param s text
     * \returns s with ASCII letters in lower case
     */
    static std::string ToLower(std::string_view s);

    /**
     * \param s text
     * \returns s without leading and trailing SP, HTAB, CR and LF
     */
    static std::string_view Trim(std::string_view s);

    /**
     * \brief Splits s at every separator that is outside a quoted string, an angle-bracket
     * URI (<...>) and an IPv6 reference ([...]); trims each part.
     * \param s text
     * \param separator the separator, ',' or ';'
     * \returns the parts (an empty s gives one empty part)
     */
    static std::vector<std::string_view> Split(std::string_view s, char separator);

    /**
     * \brief The first part Split() would return, without building the vector.
     * \param s text
     * \param separator the separator, ',' or ';'
     * \returns the first part, trimmed
     */
    static std::string_view FirstPart(std::string_view s, char separator);

    /**
     * \brief Reads an RFC 3261 quoted-string starting at s[pos] == '"'.
     * \param s text
     * \param pos in: index of the opening quote; out: index after the closing quote
     * \param out the unescaped content
     * \returns false when the quoted string is not terminated or holds a bad escape
     */
    static bool ReadQuoted(std::string_view s, size_t& pos, std::string* out);

    /**
     * \param s text
     * \returns s as a quoted-string with '"' and '\' escaped
     */
    static std::string Quote(std::string_view s);

    /**
     * \param s text, possibly a quoted-string
     * \returns the content of the quoted-string without escapes, or s itself when it is not
     *          quoted
     */
    static std::string Unquote(std::string_view s);

    /**
     * \brief Parses a decimal number of 1 to 10 digits.
     * \param s the digits, nothing else
     * \param max the largest accepted value
     * \param out the value
     * \returns false when s is empty, holds a non-digit or exceeds max
     */
    static bool ParseUint(std::string_view s, uint64_t max, uint64_t* out);

    /**
     * \param s text
     * \returns true when s is an RFC 4291 IPv6 address in text form (no brackets)
     */
    static bool IsIpv6Address(std::string_view s);

    /**
     * \param address an IPv6 address
     * \returns its text form as ns-3 prints it (RFC 5952 style, no brackets)
     */
    static std::string Ipv6Text(const Ipv6Address& address);

    /**
     * \param s text
     * \returns true when s is a dotted-quad IPv4 address
     */
    static bool IsIpv4Address(std::string_view s);

    /**
     * \param s text
     * \returns true when s is an RFC 3261 hostname (labels of alphanum and '-')
     */
    static bool IsHostname(std::string_view s);

    /**
     * \brief Parses an RFC 3261 host: hostname, IPv4 address or IPv6 reference.
     * \param s text
     * \returns true when s is one of the three forms; an IPv6 address must be bracketed
     */
    static bool IsHost(std::string_view s);

    /**
     * \brief Replaces every run of linear white space (SP, HTAB, CR, LF) outside quoted
     * strings by one SP.
     * \param s text (already trimmed)
     * \param out receives the normalized text (appended)
     */
    static void AppendNormalizedLws(std::string_view s, std::string* out);

    /**
     * \param s text
     * \returns true when AppendNormalizedLws would change s
     */
    static bool NeedsLwsNormalization(std::string_view s);
};

} // namespace ns3

#endif /* SIP_TEXT_H */
