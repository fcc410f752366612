/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "security-mechanism.h"

#include "sip-text.h"

#include "ns3/abort.h"

#include <cstdio>

namespace ns3
{

namespace
{

bool
Fail(std::string* error, size_t* errorOffset, const std::string& reason, size_t offset)
{
    if (error)
    {
        *error = reason;
    }
    if (errorOffset)
    {
        *errorOffset = offset;
    }
    return false;
}

/// qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ), in thousandths.
bool
ParseQvalue(std::string_view s, uint16_t* out)
{
    if (s.empty() || (s[0] != '0' && s[0] != '1'))
    {
        return false;
    }
    uint16_t v = static_cast<uint16_t>((s[0] - '0') * 1000);
    if (s.size() > 1)
    {
        if (s[1] != '.' || s.size() > 5)
        {
            return false;
        }
        uint16_t scale = 100;
        for (size_t i = 2; i < s.size(); ++i)
        {
            if (s[i] < '0' || s[i] > '9' || (s[0] == '1' && s[i] != '0'))
            {
                return false;
            }
            v = static_cast<uint16_t>(v + (s[i] - '0') * scale);
            scale /= 10;
        }
    }
    *out = v;
    return true;
}

/// Upper bound of the numeric parameters, 0 for a parameter that is not numeric.
uint64_t
NumericLimit(std::string_view name)
{
    if (SipText::EqualsIgnoreCase(name, "spi-c") || SipText::EqualsIgnoreCase(name, "spi-s"))
    {
        return 0xffffffffu;
    }
    if (SipText::EqualsIgnoreCase(name, "port-c") || SipText::EqualsIgnoreCase(name, "port-s"))
    {
        return 65535;
    }
    if (SipText::EqualsIgnoreCase(name, "addr-pref-length"))
    {
        return 128;
    }
    if (SipText::EqualsIgnoreCase(name, "suite"))
    {
        return 65535;
    }
    return 0;
}

bool
OneOf(std::string_view v, std::initializer_list<const char*> allowed)
{
    for (const char* a : allowed)
    {
        if (SipText::EqualsIgnoreCase(v, a))
        {
            return true;
        }
    }
    return false;
}

template <typename T>
std::optional<T>
GetNumber(const SipParams& params, std::string_view name, uint64_t max)
{
    auto v = params.Get(name);
    uint64_t n;
    if (v && SipText::ParseUint(*v, max, &n))
    {
        return static_cast<T>(n);
    }
    return std::nullopt;
}

} // namespace

SecurityMechanism::SecurityMechanism()
{
}

SecurityMechanism::SecurityMechanism(std::string_view name)
    : m_name(name)
{
}

bool
SecurityMechanism::Parse(std::string_view s,
                         SecurityMechanism* out,
                         std::string* error,
                         size_t* errorOffset)
{
    size_t i = 0;
    while (i < s.size() && SipText::IsWsp(s[i]))
    {
        ++i;
    }
    size_t nameStart = i;
    while (i < s.size() && SipText::IsTokenChar(static_cast<uint8_t>(s[i])))
    {
        ++i;
    }
    if (i == nameStart)
    {
        return Fail(error, errorOffset, "sec-mechanism: missing mechanism name", i);
    }
    SecurityMechanism m(s.substr(nameStart, i - nameStart));
    std::string reason;
    size_t off = 0;
    if (!SipParams::Parse(s.substr(i), &m.m_params, &reason, &off))
    {
        return Fail(error, errorOffset, "sec-mechanism: " + reason, i + off);
    }
    bool ipsec3gpp = m.IsNamed("ipsec-3gpp");
    const auto& all = m.m_params.GetAll();
    size_t cursor = i; // where the parameter being checked is written, for error offsets
    for (size_t k = 0; k < all.size(); ++k)
    {
        const SipParam& p = all[k];
        const std::string& n = p.name;
        size_t at = s.find(n, cursor);
        if (at != std::string_view::npos)
        {
            cursor = at + n.size();
        }
        size_t paramOffset = at != std::string_view::npos ? at : i;
        for (size_t j = 0; j < k; ++j)
        {
            if (SipText::EqualsIgnoreCase(all[j].name, n))
            {
                // a repeated parameter would make the Security-Verify comparison ambiguous
                return Fail(error,
                            errorOffset,
                            "sec-mechanism: repeated parameter " + n,
                            paramOffset);
            }
        }
        auto bad = [&](const char* what) {
            return Fail(error, errorOffset, std::string("sec-mechanism: ") + what, paramOffset);
        };
        if (SipText::EqualsIgnoreCase(n, "q"))
        {
            uint16_t q;
            if (!ParseQvalue(p.value, &q))
            {
                return bad("q is not a qvalue");
            }
        }
        else if (uint64_t limit = NumericLimit(n))
        {
            uint64_t v;
            if (!SipText::ParseUint(p.value, limit, &v))
            {
                return bad((n + " out of range or not a number").c_str());
            }
        }
        else if (ipsec3gpp && SipText::EqualsIgnoreCase(n, "alg") &&
                 !OneOf(p.value, {"hmac-md5-96", "hmac-sha-1-96", "aes-gmac", "null"}))
        {
            return bad("unknown ipsec-3gpp alg");
        }
        else if (ipsec3gpp && SipText::EqualsIgnoreCase(n, "ealg") &&
                 !OneOf(p.value, {"null", "des-ede3-cbc", "aes-cbc", "aes-gcm"}))
        {
            return bad("unknown ipsec-3gpp ealg");
        }
        else if (ipsec3gpp && SipText::EqualsIgnoreCase(n, "prot") &&
                 !OneOf(p.value, {"esp", "ah"}))
        {
            return bad("unknown ipsec-3gpp prot");
        }
        else if (ipsec3gpp && SipText::EqualsIgnoreCase(n, "mod") &&
                 !OneOf(p.value, {"trans", "tun", "UDP-enc-tun"}))
        {
            return bad("unknown ipsec-3gpp mod");
        }
    }
    if (out)
    {
        *out = std::move(m);
    }
    return true;
}

bool
SecurityMechanism::ParseList(std::string_view s,
                             std::vector<SecurityMechanism>* out,
                             std::string* error,
                             size_t* errorOffset)
{
    for (std::string_view part : SipText::Split(s, ','))
    {
        // offsets of the parts inside s, for the error position
        size_t base = static_cast<size_t>(part.data() - s.data());
        SecurityMechanism m;
        size_t off = 0;
        if (!Parse(part, &m, error, &off))
        {
            if (errorOffset)
            {
                *errorOffset = base + off;
            }
            return false;
        }
        if (out)
        {
            out->push_back(std::move(m));
        }
    }
    return true;
}

std::string
SecurityMechanism::FormatList(const std::vector<SecurityMechanism>& list)
{
    std::string out;
    for (size_t i = 0; i < list.size(); ++i)
    {
        if (i > 0)
        {
            out += ", ";
        }
        out += list[i].ToString();
    }
    return out;
}

void
SecurityMechanism::SetName(std::string_view name)
{
    m_name = std::string(name);
}

bool
SecurityMechanism::IsNamed(std::string_view name) const
{
    return SipText::EqualsIgnoreCase(m_name, name);
}

std::optional<uint16_t>
SecurityMechanism::GetQThousandths() const
{
    auto v = m_params.Get("q");
    uint16_t q;
    if (v && ParseQvalue(*v, &q))
    {
        return q;
    }
    return std::nullopt;
}

std::optional<double>
SecurityMechanism::GetQ() const
{
    auto q = GetQThousandths();
    if (q)
    {
        return *q / 1000.0;
    }
    return std::nullopt;
}

void
SecurityMechanism::SetQThousandths(uint16_t thousandths)
{
    if (thousandths >= 1000)
    {
        m_params.Set("q", "1");
        return;
    }
    char buf[8];
    std::snprintf(buf, sizeof(buf), "0.%03u", static_cast<unsigned>(thousandths));
    std::string s(buf);
    while (s.back() == '0')
    {
        s.pop_back(); // "0.100" -> "0.1", "0.000" -> "0."
    }
    if (s.back() == '.')
    {
        s.pop_back();
    }
    m_params.Set("q", s);
}

std::optional<std::string>
SecurityMechanism::GetDigestAlgorithm() const
{
    return m_params.Get("d-alg");
}

std::optional<std::string>
SecurityMechanism::GetDigestQop() const
{
    return m_params.Get("d-qop");
}

std::optional<std::string>
SecurityMechanism::GetDigestVerify() const
{
    return m_params.GetUnquoted("d-ver");
}

void
SecurityMechanism::SetDigestAlgorithm(std::string_view v)
{
    m_params.Set("d-alg", v);
}

void
SecurityMechanism::SetDigestQop(std::string_view v)
{
    m_params.Set("d-qop", v);
}

void
SecurityMechanism::SetDigestVerify(std::string_view v)
{
    m_params.Set("d-ver", SipText::Quote(v));
}

std::optional<std::string>
SecurityMechanism::GetAlgorithm() const
{
    return m_params.Get("alg");
}

std::optional<std::string>
SecurityMechanism::GetEncryptionAlgorithm() const
{
    return m_params.Get("ealg");
}

std::optional<std::string>
SecurityMechanism::GetProtocol() const
{
    return m_params.Get("prot");
}

std::optional<std::string>
SecurityMechanism::GetMode() const
{
    return m_params.Get("mod");
}

std::optional<uint32_t>
SecurityMechanism::GetSpiC() const
{
    return GetNumber<uint32_t>(m_params, "spi-c", 0xffffffffu);
}

std::optional<uint32_t>
SecurityMechanism::GetSpiS() const
{
    return GetNumber<uint32_t>(m_params, "spi-s", 0xffffffffu);
}

std::optional<uint16_t>
SecurityMechanism::GetPortC() const
{
    return GetNumber<uint16_t>(m_params, "port-c", 65535);
}

std::optional<uint16_t>
SecurityMechanism::GetPortS() const
{
    return GetNumber<uint16_t>(m_params, "port-s", 65535);
}

std::optional<uint8_t>
SecurityMechanism::GetAddrPrefLength() const
{
    return GetNumber<uint8_t>(m_params, "addr-pref-length", 128);
}

void
SecurityMechanism::SetAlgorithm(std::string_view v)
{
    m_params.Set("alg", v);
}

void
SecurityMechanism::SetEncryptionAlgorithm(std::string_view v)
{
    m_params.Set("ealg", v);
}

void
SecurityMechanism::SetProtocol(std::string_view v)
{
    m_params.Set("prot", v);
}

void
SecurityMechanism::SetMode(std::string_view v)
{
    m_params.Set("mod", v);
}

void
SecurityMechanism::SetSpiC(uint32_t v)
{
    m_params.Set("spi-c", std::to_string(v));
}

void
SecurityMechanism::SetSpiS(uint32_t v)
{
    m_params.Set("spi-s", std::to_string(v));
}

void
SecurityMechanism::SetPortC(uint16_t v)
{
    m_params.Set("port-c", std::to_string(v));
}

void
SecurityMechanism::SetPortS(uint16_t v)
{
    m_params.Set("port-s", std::to_string(v));
}

std::optional<uint16_t>
SecurityMechanism::GetSuite() const
{
    return GetNumber<uint16_t>(m_params, "suite", 65535);
}

void
SecurityMechanism::SetSuite(uint16_t v)
{
    m_params.Set("suite", std::to_string(v));
}

void
SecurityMechanism::SetAddrPrefLength(uint8_t v)
{
    NS_ABORT_MSG_IF(v > 128, "addr-pref-length " << +v << " is above 128");
    m_params.Set("addr-pref-length", std::to_string(v));
}

bool
SecurityMechanism::Matches(const SecurityMechanism& other) const
{
    if (!IsNamed(other.m_name) || m_params.GetSize() != other.m_params.GetSize())
    {
        return false;
    }
    const auto& mine = m_params.GetAll();
    for (size_t k = 0; k < mine.size(); ++k)
    {
        const SipParam& p = mine[k];
        // a name repeated n times matches the n-th occurrence in the other list
        size_t occurrence = 0;
        for (size_t j = 0; j < k; ++j)
        {
            occurrence += SipText::EqualsIgnoreCase(mine[j].name, p.name) ? 1 : 0;
        }
        const SipParam* match = nullptr;
        for (const auto& o : other.m_params.GetAll())
        {
            if (SipText::EqualsIgnoreCase(p.name, o.name) && occurrence-- == 0)
            {
                match = &o;
                break;
            }
        }
        if (!match || match->hasValue != p.hasValue)
        {
            return false;
        }
        if (SipText::EqualsIgnoreCase(p.name, "q"))
        {
            uint16_t a;
            uint16_t b;
            if (!ParseQvalue(p.value, &a) || !ParseQvalue(match->value, &b) || a != b)
            {
                return false;
            }
        }
        else if (uint64_t limit = NumericLimit(p.name))
        {
            uint64_t a;
            uint64_t b;
            if (!SipText::ParseUint(p.value, limit, &a) ||
                !SipText::ParseUint(match->value, limit, &b) || a != b)
            {
                return false;
            }
        }
        else if (!p.value.empty() && p.value.front() == '"')
        {
            if (p.value != match->value)
            {
                return false;
            }
        }
        else if (!SipText::EqualsIgnoreCase(p.value, match->value))
        {
            return false;
        }
    }
    return true;
}

std::string
SecurityMechanism::ToString() const
{
    std::string out = m_name;
    m_params.AppendTo(&out);
    return out;
}

} // namespace ns3
