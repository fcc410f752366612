/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "aka-types.h"

namespace ns3
{

std::string
AkaToHex(const uint8_t* data, std::size_t length)
{
    static const char DIGITS[] = "0123456789abcdef";
    std::string text;
    text.reserve(2 * length);
    for (std::size_t i = 0; i < length; ++i)
    {
        text.push_back(DIGITS[data[i] >> 4]);
        text.push_back(DIGITS[data[i] & 0x0f]);
    }
    return text;
}

std::string
AkaToHex(const std::vector<uint8_t>& value)
{
    return AkaToHex(value.data(), value.size());
}

/**
 * \param c a character
 * \returns its value as a hexadecimal digit, or -1
 */
static int
HexDigitValue(char c)
{
    if (c >= '0' && c <= '9')
    {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f')
    {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F')
    {
        return c - 'A' + 10;
    }
    return -1;
}

bool
AkaFromHex(const std::string& hex, std::vector<uint8_t>& out)
{
    out.clear();
    if (hex.size() % 2 != 0)
    {
        return false;
    }
    out.reserve(hex.size() / 2);
    for (std::size_t i = 0; i < hex.size(); i += 2)
    {
        int high = HexDigitValue(hex[i]);
        int low = HexDigitValue(hex[i + 1]);
        if (high < 0 || low < 0)
        {
            out.clear();
            return false;
        }
        out.push_back(static_cast<uint8_t>((high << 4) | low));
    }
    return true;
}

uint64_t
AkaSqnToUint64(const AkaSqn& sqn)
{
    uint64_t value = 0;
    for (uint8_t octet : sqn)
    {
        value = (value << 8) | octet;
    }
    return value;
}

AkaSqn
AkaSqnFromUint64(uint64_t value)
{
    AkaSqn sqn;
    for (int i = 5; i >= 0; --i)
    {
        sqn[i] = static_cast<uint8_t>(value & 0xff);
        value >>= 8;
    }
    return sqn;
}

AkaAmf
AkaAmfFromUint16(uint16_t value)
{
    return AkaAmf{static_cast<uint8_t>(value >> 8), static_cast<uint8_t>(value & 0xff)};
}

uint16_t
AkaAmfToUint16(const AkaAmf& amf)
{
    return static_cast<uint16_t>((amf[0] << 8) | amf[1]);
}

std::ostream&
operator<<(std::ostream& os, const AkaVector& vector)
{
    os << "sqn=" << vector.sqn << " rand=" << AkaToHex(vector.rand)
       << " autn=" << AkaToHex(vector.autn) << " xres=" << AkaToHex(vector.xres);
    return os;
}

} // namespace ns3
