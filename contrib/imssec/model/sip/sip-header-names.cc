/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "sip-header-names.h"

#include <array>

namespace ns3
{

namespace
{

/// One row of the name table.
struct NameInfo
{
    std::string_view name; ///< canonical spelling
    char compact;          ///< compact form letter or 0
    bool list;             ///< comma-separated list grammar
};

/// Rows in the order of SipHeaderId.
constexpr std::array<NameInfo, static_cast<size_t>(SipHeaderId::COUNT)> g_names = {{
    {"", 0, false},
    {"Accept", 0, true},
    {"Accept-Contact", 'a', true},
    {"Accept-Encoding", 0, true},
    {"Accept-Language", 0, true},
    {"Allow", 0, true},
    {"Allow-Events", 'u', true},
    {"Authentication-Info", 0, false},
    {"Authorization", 0, false},
    {"Call-ID", 'i', false},
    {"Call-Info", 0, true},
    {"Contact", 'm', true},
    {"Content-Disposition", 0, false},
    {"Content-Encoding", 'e', true},
    {"Content-Language", 0, true},
    {"Content-Length", 'l', false},
    {"Content-Type", 'c', false},
    {"CSeq", 0, false},
    {"Date", 0, false},
    {"Event", 'o', false},
    {"Expires", 0, false},
    {"From", 'f', false},
    {"Identity", 'y', false},
    {"Identity-Info", 'n', false},
    {"In-Reply-To", 0, true},
    {"Max-Forwards", 0, false},
    {"Min-Expires", 0, false},
    {"Organization", 0, false},
    {"P-Access-Network-Info", 0, true},
    {"P-Asserted-Identity", 0, true},
    {"P-Associated-URI", 0, true},
    {"P-Charging-Vector", 0, false},
    {"P-Preferred-Identity", 0, true},
    {"P-Visited-Network-ID", 0, true},
    {"Path", 0, true},
    {"Priority", 0, false},
    {"Privacy", 0, false},
    {"Proxy-Authenticate", 0, false},
    {"Proxy-Authorization", 0, false},
    {"Proxy-Require", 0, true},
    {"Reason", 0, true},
    {"Record-Route", 0, true},
    {"Refer-To", 'r', false},
    {"Referred-By", 'b', false},
    {"Reject-Contact", 'j', true},
    {"Request-Disposition", 'd', true},
    {"Require", 0, true},
    {"Retry-After", 0, false},
    {"Route", 0, true},
    {"Security-Client", 0, true},
    {"Security-Server", 0, true},
    {"Security-Verify", 0, true},
    {"Server", 0, false},
    {"Service-Route", 0, true},
    {"Session-Expires", 'x', false},
    {"Subject", 's', false},
    {"Supported", 'k', true},
    {"Timestamp", 0, false},
    {"To", 't', false},
    {"Unsupported", 0, true},
    {"User-Agent", 0, false},
    {"Via", 'v', true},
    {"Warning", 0, true},
    {"WWW-Authenticate", 0, false},
}};

constexpr uint8_t
LowerByte(uint8_t c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<uint8_t>(c + 32) : c;
}

/// A cheap hash of a lower-cased name: its length and three of its bytes.  Names that
/// collide only cost a comparison more.
constexpr uint32_t
HashName(std::string_view s)
{
    const size_t n = s.size();
    uint32_t a = LowerByte(static_cast<uint8_t>(s[0]));
    uint32_t b = LowerByte(static_cast<uint8_t>(s[n - 1]));
    uint32_t c = LowerByte(static_cast<uint8_t>(s[n / 2]));
    return static_cast<uint32_t>(n) * 97u + a * 31u + b * 7u + c * 131u;
}

constexpr size_t TABLE_SIZE = 512; ///< open-addressing table, power of two

/// Hash table from lower-cased long and compact names to ids, filled at compile time.
struct LookupTable
{
    std::array<uint8_t, TABLE_SIZE> slot{}; ///< 0 = empty, else id (+128 for compact form)
};

constexpr void
Insert(LookupTable& t, std::string_view name, uint8_t value)
{
    size_t i = HashName(name) & (TABLE_SIZE - 1);
    while (t.slot[i] != 0)
    {
        i = (i + 1) & (TABLE_SIZE - 1);
    }
    t.slot[i] = value;
}

constexpr LookupTable
MakeLookupTable()
{
    LookupTable t{};
    for (size_t id = 1; id < g_names.size(); ++id)
    {
        Insert(t, g_names[id].name, static_cast<uint8_t>(id));
        if (g_names[id].compact != 0)
        {
            // the compact form is stored as a one-byte name
            char letter[1] = {g_names[id].compact};
            Insert(t, std::string_view(letter, 1), static_cast<uint8_t>(id + 128));
        }
    }
    return t;
}

constexpr LookupTable g_lookup = MakeLookupTable();

static_assert(static_cast<size_t>(SipHeaderId::COUNT) < 128, "ids must fit in 7 bits");

bool
EqualsLower(std::string_view written, std::string_view canonical)
{
    if (written.size() != canonical.size())
    {
        return false;
    }
    for (size_t i = 0; i < written.size(); ++i)
    {
        if (LowerByte(static_cast<uint8_t>(written[i])) !=
            LowerByte(static_cast<uint8_t>(canonical[i])))
        {
            return false;
        }
    }
    return true;
}

} // namespace

SipHeaderId
SipHeaderNames::Lookup(std::string_view name)
{
    if (name.empty() || name.size() > 32)
    {
        return SipHeaderId::OTHER;
    }
    size_t i = HashName(name) & (TABLE_SIZE - 1);
    while (uint8_t v = g_lookup.slot[i])
    {
        uint8_t id = v & 0x7f;
        if (v & 0x80)
        {
            if (name.size() == 1 && LowerByte(static_cast<uint8_t>(name[0])) ==
                                        LowerByte(static_cast<uint8_t>(g_names[id].compact)))
            {
                return static_cast<SipHeaderId>(id);
            }
        }
        else if (EqualsLower(name, g_names[id].name))
        {
            return static_cast<SipHeaderId>(id);
        }
        i = (i + 1) & (TABLE_SIZE - 1);
    }
    return SipHeaderId::OTHER;
}

std::string_view
SipHeaderNames::GetCanonicalName(SipHeaderId id)
{
    size_t i = static_cast<size_t>(id);
    return i < g_names.size() ? g_names[i].name : std::string_view();
}

char
SipHeaderNames::GetCompactForm(SipHeaderId id)
{
    size_t i = static_cast<size_t>(id);
    return i < g_names.size() ? g_names[i].compact : 0;
}

bool
SipHeaderNames::IsList(SipHeaderId id)
{
    size_t i = static_cast<size_t>(id);
    return i < g_names.size() && g_names[i].list;
}

} // namespace ns3
