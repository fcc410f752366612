/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-selector-index.h"

#include "ns3/log.h"

#include <algorithm>
#include <cstring>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecIpsecSelectorIndex");

namespace
{

/**
 * Writes the first prefixLength bits of address into two words, the rest zeroed.
 * \param address the address
 * \param prefixLength bits kept (0..128)
 * \param words two words receiving the masked address
 */
void
MaskAddress(const Ipv6Address& address, uint8_t prefixLength, uint64_t* words)
{
    uint8_t bytes[16];
    address.GetBytes(bytes);
    uint32_t bits = std::min<uint32_t>(prefixLength, 128);
    uint32_t full = bits / 8;
    if (full < 16)
    {
        uint32_t rest = bits % 8;
        bytes[full] &= static_cast<uint8_t>(rest == 0 ? 0 : 0xff << (8 - rest));
        std::fill(bytes + full + 1, bytes + 16, 0);
    }
    std::memcpy(words, bytes, 16);
}

/**
 * \param h running hash
 * \param v value mixed in
 * \returns the new hash
 */
uint64_t
Mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    h *= 0xff51afd7ed558ccdULL;
    return h ^ (h >> 33);
}

} // namespace

bool
IpsecSelectorIndex::Key::operator==(const Key& other) const
{
    return words[0] == other.words[0] && words[1] == other.words[1] && words[2] == other.words[2] &&
           words[3] == other.words[3] && ports == other.ports && protocol == other.protocol;
}

size_t
IpsecSelectorIndex::KeyHash::operator()(const Key& key) const
{
    uint64_t h = 0;
    for (uint64_t w : key.words)
    {
        h = Mix(h, w);
    }
    h = Mix(h, (static_cast<uint64_t>(key.ports) << 8) | key.protocol);
    return static_cast<size_t>(h);
}

uint32_t
IpsecSelectorIndex::Shape::Code() const
{
    return (static_cast<uint32_t>(sourcePrefixLength) << 16) |
           (static_cast<uint32_t>(destinationPrefixLength) << 8) | (anySourcePort ? 4 : 0) |
           (anyDestinationPort ? 2 : 0) | (anyProtocol ? 1 : 0);
}

uint32_t
IpsecSelectorIndex::Shape::Specificity() const
{
    uint32_t exact = (anySourcePort ? 0 : 1) + (anyDestinationPort ? 0 : 1) + (anyProtocol ? 0 : 1);
    return (static_cast<uint32_t>(sourcePrefixLength) + destinationPrefixLength) * 4 + exact;
}

IpsecSelectorIndex::IpsecSelectorIndex()
    : m_nextOrdinal(1),
      m_size(0)
{
}

IpsecSelectorIndex::Shape
IpsecSelectorIndex::ShapeOf(const IpsecSelector& selector)
{
    Shape shape;
    shape.sourcePrefixLength = selector.GetSourcePrefixLength();
    shape.destinationPrefixLength = selector.GetDestinationPrefixLength();
    shape.anySourcePort = selector.GetSourcePort() == 0;
    shape.anyDestinationPort = selector.GetDestinationPort() == 0;
    shape.anyProtocol = selector.GetProtocol() == 0;
    return shape;
}

IpsecSelectorIndex::Key
IpsecSelectorIndex::MakeKey(const Shape& shape,
                            const Ipv6Address& source,
                            const Ipv6Address& destination,
                            uint16_t sourcePort,
                            uint16_t destinationPort,
                            uint8_t protocol)
{
    Key key;
    MaskAddress(source, shape.sourcePrefixLength, key.words);
    MaskAddress(destination, shape.destinationPrefixLength, key.words + 2);
    uint32_t sp = shape.anySourcePort ? 0 : sourcePort;
    uint32_t dp = shape.anyDestinationPort ? 0 : destinationPort;
    key.ports = (sp << 16) | dp;
    key.protocol = shape.anyProtocol ? 0 : protocol;
    return key;
}

void
IpsecSelectorIndex::SortShapes()
{
    m_order.clear();
    for (auto& [code, shapeTable] : m_tables)
    {
        m_order.push_back(&shapeTable);
    }
    std::sort(m_order.begin(), m_order.end(), [](const ShapeTable* a, const ShapeTable* b) {
        uint32_t sa = a->shape.Specificity();
        uint32_t sb = b->shape.Specificity();
        return sa != sb ? sa > sb : a->shape.Code() > b->shape.Code();
    });
}

void
IpsecSelectorIndex::Insert(Ptr<IpsecSelectorEntry> entry)
{
    NS_LOG_FUNCTION(this << entry->GetSelector());
    const IpsecSelector& sel = entry->GetSelector();
    Shape shape = ShapeOf(sel);
    auto it = m_tables.find(shape.Code());
    bool newShape = it == m_tables.end();
    if (newShape)
    {
        it = m_tables.emplace(shape.Code(), ShapeTable{shape, Table()}).first;
    }
    entry->SetOrdinal(m_nextOrdinal++);
    it->second.table.emplace(MakeKey(shape,
                                     sel.GetSource(),
                                     sel.GetDestination(),
                                     sel.GetSourcePort(),
                                     sel.GetDestinationPort(),
                                     sel.GetProtocol()),
                             entry);
    ++m_size;
    if (newShape)
    {
        SortShapes();
    }
}

bool
IpsecSelectorIndex::Remove(const Ptr<IpsecSelectorEntry>& entry)
{
    NS_LOG_FUNCTION(this << entry->GetSelector());
    const IpsecSelector& sel = entry->GetSelector();
    Shape shape = ShapeOf(sel);
    auto it = m_tables.find(shape.Code());
    if (it == m_tables.end())
    {
        return false;
    }
    Table& table = it->second.table;
    auto range = table.equal_range(MakeKey(shape,
                                           sel.GetSource(),
                                           sel.GetDestination(),
                                           sel.GetSourcePort(),
                                           sel.GetDestinationPort(),
                                           sel.GetProtocol()));
    for (auto e = range.first; e != range.second; ++e)
    {
        if (e->second == entry)
        {
            table.erase(e);
            --m_size;
            if (table.empty())
            {
                m_tables.erase(it);
                SortShapes();
            }
            return true;
        }
    }
    return false;
}

Ptr<IpsecSelectorEntry>
IpsecSelectorIndex::Lookup(const Ipv6Address& source,
                           const Ipv6Address& destination,
                           uint16_t sourcePort,
                           uint16_t destinationPort,
                           uint8_t protocol) const
{
    // Raw pointers inside the loop: no reference-count traffic on entries merely looked at.
    IpsecSelectorEntry* fallback = nullptr;
    for (const ShapeTable* shapeTable : m_order)
    {
        auto range = shapeTable->table.equal_range(
            MakeKey(shapeTable->shape, source, destination, sourcePort, destinationPort, protocol));
        IpsecSelectorEntry* best = nullptr;
        for (auto e = range.first; e != range.second; ++e)
        {
            IpsecSelectorEntry* candidate = PeekPointer(e->second);
            if (!candidate->IsUsable())
            {
                if (!fallback)
                {
                    fallback = candidate;
                }
                continue;
            }
            if (!best || candidate->GetOrdinal() > best->GetOrdinal())
            {
                best = candidate;
            }
        }
        if (best)
        {
            return Ptr<IpsecSelectorEntry>(best);
        }
    }
    return Ptr<IpsecSelectorEntry>(fallback);
}

uint32_t
IpsecSelectorIndex::GetSize() const
{
    return m_size;
}

uint32_t
IpsecSelectorIndex::GetShapeCount() const
{
    return static_cast<uint32_t>(m_tables.size());
}

std::vector<Ptr<IpsecSelectorEntry>>
IpsecSelectorIndex::GetEntries() const
{
    std::vector<Ptr<IpsecSelectorEntry>> entries;
    entries.reserve(m_size);
    for (const auto& [code, shapeTable] : m_tables)
    {
        for (const auto& [key, entry] : shapeTable.table)
        {
            entries.push_back(entry);
        }
    }
    return entries;
}

void
IpsecSelectorIndex::Clear()
{
    m_tables.clear();
    m_order.clear();
    m_size = 0;
}

} // namespace ns3
