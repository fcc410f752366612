/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "sip-text.h"

#include <array>
#include <sstream>

namespace ns3
{

namespace
{

/// Table of RFC 3261 token characters, built once at compile time.
constexpr std::array<bool, 256>
MakeTokenTable()
{
    std::array<bool, 256> t{};
    for (int c = '0'; c <= '9'; ++c)
    {
        t[c] = true;
    }
    for (int c = 'a'; c <= 'z'; ++c)
    {
        t[c] = true;
        t[c - 'a' + 'A'] = true;
    }
    for (char c : std::string_view("-.!%*_+`'~"))
    {
        t[static_cast<uint8_t>(c)] = true;
    }
    return t;
}

/// Bytes that change the state of Split(): quote, escape, brackets, separators.
constexpr std::array<bool, 256>
MakeSplitTable()
{
    std::array<bool, 256> t{};
    for (char c : std::string_view("\"\\<>[],;"))
    {
        t[static_cast<uint8_t>(c)] = true;
    }
    return t;
}

constexpr std::array<bool, 256> g_splitSpecial = MakeSplitTable();

/// Index of the end of the first part of s (s.size() when s has one part).
size_t
FindSeparator(std::string_view s, char separator)
{
    bool quoted = false;
    bool angle = false;
    bool bracket = false;
    const size_t n = s.size();
    for (size_t i = 0; i < n; ++i)
    {
        char c = s[i];
        if (!g_splitSpecial[static_cast<uint8_t>(c)])
        {
            continue; // most bytes: nothing to do
        }
        if (quoted)
        {
            if (c == '\\')
            {
                ++i; // quoted-pair: skip the escaped byte
            }
            else if (c == '"')
            {
                quoted = false;
            }
            continue;
        }
        if (c == '"')
        {
            quoted = true;
        }
        else if (c == '<' && !bracket)
        {
            angle = true;
        }
        else if (c == '>' && angle)
        {
            angle = false;
        }
        else if (c == '[' && !angle)
        {
            bracket = true;
        }
        else if (c == ']' && bracket)
        {
            bracket = false;
        }
        else if (c == separator && !angle && !bracket)
        {
            return i;
        }
    }
    return n;
}

uint8_t
Lower(uint8_t c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<uint8_t>(c + 32) : c;
}

bool
IsHexDigit(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool
IsDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool
IsAlnum(char c)
{
    return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

} // namespace

const std::array<bool, 256> SipText::TOKEN_CHARS = MakeTokenTable();

bool
SipText::IsToken(std::string_view s)
{
    if (s.empty())
    {
        return false;
    }
    for (char c : s)
    {
        if (!TOKEN_CHARS[static_cast<uint8_t>(c)])
        {
            return false;
        }
    }
    return true;
}

bool
SipText::EqualsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
    {
        return false;
    }
    for (size_t i = 0; i < a.size(); ++i)
    {
        if (Lower(static_cast<uint8_t>(a[i])) != Lower(static_cast<uint8_t>(b[i])))
        {
            return false;
        }
    }
    return true;
}

std::string
SipText::ToLower(std::string_view s)
{
    std::string out(s);
    for (char& c : out)
    {
        c = static_cast<char>(Lower(static_cast<uint8_t>(c)));
    }
    return out;
}

std::string_view
SipText::Trim(std::string_view s)
{
    size_t b = 0;
    size_t e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n'))
    {
        ++b;
    }
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n'))
    {
        --e;
    }
    return s.substr(b, e - b);
}

std::vector<std::string_view>
SipText::Split(std::string_view s, char separator)
{
    std::vector<std::string_view> parts;
    while (true)
    {
        size_t i = FindSeparator(s, separator);
        parts.push_back(Trim(s.substr(0, i)));
        if (i == s.size())
        {
            return parts;
        }
        s.remove_prefix(i + 1);
    }
}

std::string_view
SipText::FirstPart(std::string_view s, char separator)
{
    return Trim(s.substr(0, FindSeparator(s, separator)));
}

bool
SipText::ReadQuoted(std::string_view s, size_t& pos, std::string* out)
{
    if (pos >= s.size() || s[pos] != '"')
    {
        return false;
    }
    size_t i = pos + 1;
    while (i < s.size())
    {
        char c = s[i];
        if (c == '\\')
        {
            // quoted-pair = "\" (%x00-09 / %x0B-0C / %x0E-7F)
            if (i + 1 >= s.size())
            {
                return false;
            }
            uint8_t e = static_cast<uint8_t>(s[i + 1]);
            if (e == '\n' || e == '\r' || e > 0x7f)
            {
                return false;
            }
            if (out)
            {
                out->push_back(static_cast<char>(e));
            }
            i += 2;
            continue;
        }
        if (c == '"')
        {
            pos = i + 1;
            return true;
        }
        if (out)
        {
            out->push_back(c);
        }
        ++i;
    }
    return false;
}

std::string
SipText::Quote(std::string_view s)
{
    std::string out;
    out.reserve(s.size() + 2);
    out.push_back('"');
    for (char c : s)
    {
        if (c == '"' || c == '\\')
        {
            out.push_back('\\');
        }
        out.push_back(c);
    }
    out.push_back('"');
    return out;
}

std::string
SipText::Unquote(std::string_view s)
{
    if (s.size() >= 2 && s.front() == '"')
    {
        std::string out;
        size_t pos = 0;
        if (ReadQuoted(s, pos, &out) && pos == s.size())
        {
            return out;
        }
    }
    return std::string(s);
}

bool
SipText::ParseUint(std::string_view s, uint64_t max, uint64_t* out)
{
    if (s.empty() || s.size() > 10)
    {
        return false;
    }
    uint64_t v = 0;
    for (char c : s)
    {
        if (!IsDigit(c))
        {
            return false;
        }
        v = v * 10 + static_cast<uint64_t>(c - '0');
    }
    if (v > max)
    {
        return false;
    }
    *out = v;
    return true;
}

bool
SipText::IsIpv4Address(std::string_view s)
{
    int parts = 0;
    size_t i = 0;
    while (true)
    {
        size_t start = i;
        while (i < s.size() && IsDigit(s[i]))
        {
            ++i;
        }
        uint64_t v;
        if (i == start || i - start > 3 || !ParseUint(s.substr(start, i - start), 255, &v))
        {
            return false;
        }
        ++parts;
        if (i == s.size())
        {
            return parts == 4;
        }
        if (s[i] != '.' || parts == 4)
        {
            return false;
        }
        ++i;
    }
}

bool
SipText::IsIpv6Address(std::string_view s)
{
    // RFC 4291 section 2.2: eight groups of 1-4 hex digits, one "::" standing for one or
    // more zero groups, optionally a dotted IPv4 address as the last 32 bits.
    if (s.size() < 2 || s.size() > 45)
    {
        return false;
    }
    int groups = 0;
    bool compressed = false;
    size_t i = 0;
    if (s[0] == ':')
    {
        if (s[1] != ':')
        {
            return false;
        }
        compressed = true;
        i = 2;
        if (i == s.size())
        {
            return true; // "::"
        }
    }
    while (i < s.size())
    {
        size_t start = i;
        while (i < s.size() && IsHexDigit(s[i]))
        {
            ++i;
        }
        if (i < s.size() && s[i] == '.')
        {
            // embedded IPv4 in the last 32 bits
            if (!IsIpv4Address(s.substr(start)))
            {
                return false;
            }
            groups += 2;
            i = s.size();
            break;
        }
        if (i == start || i - start > 4)
        {
            return false;
        }
        ++groups;
        if (i == s.size())
        {
            break;
        }
        if (s[i] != ':')
        {
            return false;
        }
        ++i;
        if (i < s.size() && s[i] == ':')
        {
            if (compressed)
            {
                return false;
            }
            compressed = true;
            ++i;
            if (i == s.size())
            {
                break;
            }
        }
        else if (i == s.size())
        {
            return false; // trailing single ':'
        }
    }
    return compressed ? groups <= 7 : groups == 8;
}

std::string
SipText::Ipv6Text(const Ipv6Address& address)
{
    std::ostringstream os;
    os << address;
    return os.str();
}

bool
SipText::IsHostname(std::string_view s)
{
    // hostname = *( domainlabel "." ) toplabel [ "." ]; labels of alphanum and '-', not
    // starting or ending with '-'.  The top label's "starts with a letter" rule is not
    // enforced (IPv4-looking names are caught by IsIpv4Address first).
    if (s.empty() || s.size() > 255)
    {
        return false;
    }
    if (s.back() == '.')
    {
        s.remove_suffix(1);
    }
    size_t labelStart = 0;
    for (size_t i = 0; i <= s.size(); ++i)
    {
        if (i == s.size() || s[i] == '.')
        {
            size_t len = i - labelStart;
            if (len == 0 || s[labelStart] == '-' || s[i - 1] == '-')
            {
                return false;
            }
            labelStart = i + 1;
            continue;
        }
        if (!IsAlnum(s[i]) && s[i] != '-' && s[i] != '_')
        {
            return false;
        }
    }
    return true;
}

bool
SipText::IsHost(std::string_view s)
{
    if (s.size() >= 2 && s.front() == '[' && s.back() == ']')
    {
        return IsIpv6Address(s.substr(1, s.size() - 2));
    }
    return IsIpv4Address(s) || IsHostname(s);
}

bool
SipText::NeedsLwsNormalization(std::string_view s)
{
    bool quoted = false;
    for (size_t i = 0; i < s.size(); ++i)
    {
        char c = s[i];
        if (quoted)
        {
            if (c == '\\')
            {
                ++i;
            }
            else if (c == '"')
            {
                quoted = false;
            }
            continue;
        }
        if (c == '"')
        {
            quoted = true;
        }
        else if (c == '\t' || c == '\r' || c == '\n' ||
                 (c == ' ' && i + 1 < s.size() && IsWsp(s[i + 1])))
        {
            return true;
        }
    }
    return false;
}

void
SipText::AppendNormalizedLws(std::string_view s, std::string* out)
{
    bool quoted = false;
    bool pendingSpace = false;
    bool wrote = false;
    for (size_t i = 0; i < s.size(); ++i)
    {
        char c = s[i];
        if (quoted)
        {
            out->push_back(c);
            if (c == '\\' && i + 1 < s.size())
            {
                out->push_back(s[++i]);
            }
            else if (c == '"')
            {
                quoted = false;
            }
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
        {
            pendingSpace = wrote; // no leading white space
            continue;
        }
        wrote = true;
        if (pendingSpace)
        {
            out->push_back(' ');
            pendingSpace = false;
        }
        out->push_back(c);
        if (c == '"')
        {
            quoted = true;
        }
    }
}

} // namespace ns3
