/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_SA_H
#define IPSEC_SA_H

#include "ipsec-integrity.h"
#include "ipsec-replay-window.h"
#include "ipsec-selector-entry.h"

#include "ns3/event-id.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <ostream>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief One security association: ESP in transport mode, one direction (RFC 4301 4.4.2).
 *
 * An SA is created by its user, then added to an IpsecSad, which indexes it, schedules its
 * expiry and owns its state from then on.  The selector describes the packets the SA
 * carries as they appear on the wire: for an inbound SA the destination is the node itself
 * and the source the peer.  Only ESP, transport mode, 32-bit sequence numbers and NULL
 * encryption are modeled; the keys are real and the ICV is computed with them.
 */
class IpsecSa : public IpsecSelectorEntry
{
  public:
    /** Life cycle of an SA. */
    enum class State : uint8_t
    {
        LARVAL = 0,  //!< created, not yet in a SAD
        MATURE = 1,  //!< in a SAD and usable
        EXPIRED = 2, //!< lifetime over: kept for a while so late packets are told apart
        DEAD = 3,    //!< removed from its SAD
    };

    static constexpr uint8_t PROTOCOL_ESP = 50; //!< IPv6 next header of ESP

    /**
     * \param spi Security Parameter Index (chosen by the receiving side; >= 256, RFC 4303)
     * \param direction inbound or outbound, seen from the node holding the SA
     * \param selector the traffic the SA carries
     * \param alg integrity algorithm
     * \param integrityKey ESP integrity key (see IpsecIntegrity::DeriveEspKey)
     * \param ealg encryption algorithm (only NULL)
     * \param encryptionKey the CK from AKA, kept for completeness (NULL encryption uses none)
     * \param lifetime time from installation to expiry; zero means the SA never expires
     * \param replayWindow anti-replay window size for an inbound SA (0: no anti-replay)
     */
    IpsecSa(uint32_t spi,
            IpsecDirection direction,
            const IpsecSelector& selector,
            IpsecIntegrityAlgorithm alg,
            const IpsecIntegrity::Key& integrityKey,
            IpsecEncryptionAlgorithm ealg,
            const IpsecIntegrity::AkaKey& encryptionKey,
            Time lifetime,
            uint32_t replayWindow = IpsecReplayWindow::MAX_SIZE);

    /** \returns the SPI */
    uint32_t GetSpi() const
    {
        return m_spi;
    }

    /** \returns the security protocol (always ESP, 50) */
    uint8_t GetSecurityProtocol() const
    {
        return PROTOCOL_ESP;
    }

    /** \returns true: only transport mode is modeled */
    bool IsTransportMode() const
    {
        return true;
    }

    /** \returns the integrity algorithm */
    IpsecIntegrityAlgorithm GetIntegrityAlgorithm() const
    {
        return m_integrityAlgorithm;
    }

    /** \returns the ESP integrity key (GetIntegrityKeyLength() bytes) */
    const uint8_t* GetIntegrityKey() const
    {
        return m_integrityKey.data();
    }

    /** \returns the length of the ESP integrity key in bytes */
    uint32_t GetIntegrityKeyLength() const;

    /** \returns the encryption algorithm */
    IpsecEncryptionAlgorithm GetEncryptionAlgorithm() const
    {
        return m_encryptionAlgorithm;
    }

    /** \returns the encryption key (CK) */
    const IpsecIntegrity::AkaKey& GetEncryptionKey() const
    {
        return m_encryptionKey;
    }

    /**
     * \brief Gives the sequence number of the next outbound packet (1, 2, ...).
     * \param [out] sequence the number
     * \returns false when the 32-bit counter is exhausted (the SA must not send again)
     */
    bool AllocateSequence(uint32_t& sequence);

    /** \returns the last sequence number sent (0 before the first packet) */
    uint32_t GetLastSequence() const
    {
        return m_lastSequence;
    }

    /**
     * \brief Moves the outbound counter, e.g. to test what happens near its end.
     * \param sequence the number taken as last sent
     */
    void SetLastSequence(uint32_t sequence)
    {
        m_lastSequence = sequence;
    }

    /** \returns the anti-replay window (meaningful for inbound SAs) */
    IpsecReplayWindow& GetReplayWindow()
    {
        return m_replayWindow;
    }

    /** \returns the anti-replay window (meaningful for inbound SAs) */
    const IpsecReplayWindow& GetReplayWindow() const
    {
        return m_replayWindow;
    }

    /** \returns the lifetime given (zero: no expiry) */
    Time GetLifetime() const
    {
        return m_lifetime;
    }

    /**
     * \returns the simulation time at which the SA expires (valid once in a SAD and when
     * the lifetime is not zero)
     */
    Time GetExpiryTime() const
    {
        return m_expiryTime;
    }

    /** \returns the state */
    State GetState() const
    {
        return m_state;
    }

    /** \returns the SA set this SA belongs to (0: none) */
    uint32_t GetSaSetHandle() const
    {
        return m_saSetHandle;
    }

    /**
     * \param handle the SA set this SA belongs to
     */
    void SetSaSetHandle(uint32_t handle)
    {
        m_saSetHandle = handle;
    }

    /** \returns packets protected (outbound) or accepted (inbound) with this SA */
    uint64_t GetPackets() const
    {
        return m_packets;
    }

    /** \returns bytes of ESP packets protected or accepted with this SA */
    uint64_t GetBytes() const
    {
        return m_bytes;
    }

    /**
     * \param bytes size of an ESP packet protected or accepted
     */
    void RecordPacket(uint32_t bytes)
    {
        ++m_packets;
        m_bytes += bytes;
    }

    /** \returns true when MATURE */
    bool IsUsable() const override;

  private:
    friend class IpsecSad; // owns state, expiry time and expiry event

    IpsecIntegrity::Key m_integrityKey;             //!< ESP integrity key
    IpsecIntegrity::AkaKey m_encryptionKey;         //!< CK
    IpsecReplayWindow m_replayWindow;               //!< anti-replay state (inbound)
    Time m_lifetime;                                //!< lifetime given
    Time m_expiryTime;                              //!< absolute expiry time
    EventId m_expiryEvent;                          //!< pending expiry or removal event
    uint64_t m_packets;                             //!< packets handled
    uint64_t m_bytes;                               //!< bytes handled
    uint32_t m_spi;                                 //!< SPI
    uint32_t m_lastSequence;                        //!< last sequence number sent
    uint32_t m_saSetHandle;                         //!< owning SA set, 0 = none
    IpsecIntegrityAlgorithm m_integrityAlgorithm;   //!< integrity algorithm
    IpsecEncryptionAlgorithm m_encryptionAlgorithm; //!< encryption algorithm
    State m_state;                                  //!< life-cycle state
};

/**
 * \param os output stream
 * \param state an SA state
 * \returns the stream, with the state's name written
 */
std::ostream& operator<<(std::ostream& os, IpsecSa::State state);

} // namespace ns3

#endif /* IPSEC_SA_H */
