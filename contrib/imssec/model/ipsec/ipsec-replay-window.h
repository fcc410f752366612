/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_REPLAY_WINDOW_H
#define IPSEC_REPLAY_WINDOW_H

#include <cstdint>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief ESP anti-replay window (RFC 4303 section 3.4.3, 32-bit sequence numbers).
 *
 * The window slides with the highest sequence number authenticated so far.  Check() is
 * called before the ICV is verified and Update() only after, so forged packets cannot move
 * the window.  A window of size 0 disables anti-replay (every non-zero number passes).
 */
class IpsecReplayWindow
{
  public:
    static constexpr uint32_t MAX_SIZE = 64; //!< largest window (one 64-bit bitmap)

    /**
     * \param size window size in packets (0..64; larger values count as 64)
     */
    explicit IpsecReplayWindow(uint32_t size = MAX_SIZE);

    /**
     * \param sequence a received sequence number
     * \returns true when it is new: not 0, not seen before, and not left of the window
     */
    bool Check(uint32_t sequence) const;

    /**
     * \brief Records an authenticated sequence number (slides the window when it is the new
     * highest).
     * \param sequence the sequence number (Check() returned true for it)
     */
    void Update(uint32_t sequence);

    /** \returns the highest sequence number recorded (0 before any) */
    uint32_t GetHighest() const
    {
        return m_highest;
    }

    /** \returns the window size */
    uint32_t GetSize() const
    {
        return m_size;
    }

  private:
    uint64_t m_bitmap;  //!< bit i set: m_highest - i was received
    uint32_t m_highest; //!< highest sequence number received
    uint8_t m_size;     //!< window size
};

} // namespace ns3

#endif /* IPSEC_REPLAY_WINDOW_H */
