/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-replay-window.h"

#include <algorithm>

namespace ns3
{

IpsecReplayWindow::IpsecReplayWindow(uint32_t size)
    : m_bitmap(0),
      m_highest(0),
      m_size(static_cast<uint8_t>(std::min(size, MAX_SIZE)))
{
}

bool
IpsecReplayWindow::Check(uint32_t sequence) const
{
    if (sequence == 0)
    {
        return false; // RFC 4303: the first packet sent has number 1
    }
    if (m_size == 0 || sequence > m_highest)
    {
        return true;
    }
    uint32_t offset = m_highest - sequence;
    if (offset >= m_size)
    {
        return false; // left of the window
    }
    return (m_bitmap & (uint64_t{1} << offset)) == 0;
}

void
IpsecReplayWindow::Update(uint32_t sequence)
{
    if (sequence > m_highest)
    {
        uint32_t shift = sequence - m_highest;
        m_bitmap = shift >= 64 ? 0 : m_bitmap << shift;
        m_bitmap |= 1;
        m_highest = sequence;
        return;
    }
    uint32_t offset = m_highest - sequence;
    if (offset < 64)
    {
        m_bitmap |= uint64_t{1} << offset;
    }
}

} // namespace ns3
