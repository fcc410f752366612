/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef PCSCF_COUNTERS_H
#define PCSCF_COUNTERS_H

#include <array>
#include <cstdint>
#include <map>
#include <ostream>
#include <string>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief Why the P-CSCF answered a request itself instead of forwarding it.
 */
enum class PcscfRejectCause : uint8_t
{
    EXTENSION_REQUIRED = 0, //!< 421: no sec-agree option tag (RFC 3329 2.3.2)
    SEC_AGREE_REQUIRED,     //!< 494: unprotected request requiring sec-agree, or no common
                            //!< mechanism in Security-Client (RFC 3329 2.3.1)
    BIDDING_DOWN,           //!< 494: Security-Verify differs from the Security-Server sent
    NOT_FIRST_HOP,          //!< 502: unprotected request with several Via (RFC 3329 2.3.2)
    BAD_SEC_AGREE_HEADER,   //!< 400: malformed Security-Client or Security-Verify
    NO_IDENTITY,            //!< 400: a REGISTER naming no private identity
    WRONG_SA,               //!< 403: protected request through an SA set of no registration,
                            //!< of another IMPI, or (not REGISTER) of a pending registration
    IDENTITY_MISMATCH,      //!< 403: protected request claiming an IMPU of another registration
    TOO_MANY_HOPS,          //!< 483: Max-Forwards 0 (RFC 3261 16.3)
    LOOP_DETECTED,          //!< 482: the request looped (RFC 3261 16.3)
    NO_SA_TO_UE,            //!< request toward a UE that no SA covers (ResponseToUeWithoutSa)
    REJECT_CAUSE_COUNT      //!< number of causes (not a cause)
};

/**
 * \ingroup imssec
 * \brief Why the P-CSCF dropped a message without any answer.
 */
enum class PcscfDropCause : uint8_t
{
    CLEAR_ON_PROTECTED_PORT = 0, //!< valid SIP in clear on a protected port
    REQUEST_ON_CLIENT_PORT,      //!< a request arrived on the protected client port
    RESPONSE_FROM_STRANGER,      //!< a response in clear from another node than the S-CSCF
    RESPONSE_NOT_OURS,           //!< a response whose top Via is not the P-CSCF's
    RESPONSE_UNROUTABLE,         //!< a response without a usable next Via
    RESPONSE_NO_SA,              //!< a response to a protected request whose SA is gone
    ACK_NOT_FORWARDED,           //!< an ACK that could not be forwarded (never answered)
    SEND_FAILED,                 //!< the transport refused a forwarded message
    DROP_CAUSE_COUNT             //!< number of causes (not a cause)
};

/**
 * \ingroup imssec
 * \brief Why the P-CSCF deleted an SA set (every set it creates ends with one of these).
 */
enum class PcscfSaSetEnd : uint8_t
{
    REPLACED = 0,     //!< an older set of the UE, after the 200 OK confirmed a newer one
    SUPERSEDED,       //!< a pending set replaced by a newer challenge before it was confirmed
    AUTH_FAILED,      //!< a pending set whose registration was refused (403 ...)
    DEREGISTERED,     //!< the UE de-registered (200 OK with expiry 0)
    EXPIRED,          //!< its lifetime ran out (registration or reg-await-auth)
    STOPPED,          //!< the application stopped
    SA_SET_END_COUNT, //!< number of reasons (not a reason)
};

/**
 * \ingroup imssec
 * \brief The P-CSCF's own counters (the SIP message counters are the transport's):
 * SA sets created and deleted by reason, requests answered locally by cause and by status
 * code, messages dropped by cause.
 */
class PcscfCounters
{
  public:
    /** \brief Counts an SA set installed. */
    void CountSaSetCreated();

    /**
     * \brief Counts an SA set deleted.
     * \param why the reason
     */
    void CountSaSetDeleted(PcscfSaSetEnd why);

    /**
     * \brief Counts a request answered by the P-CSCF itself.
     * \param cause why
     * \param statusCode the status code sent
     */
    void CountReject(PcscfRejectCause cause, uint16_t statusCode);

    /**
     * \brief Counts a message dropped.
     * \param cause why
     */
    void CountDrop(PcscfDropCause cause);

    /** \brief Counts a 401 on which no SA set could be installed (no IK/CK, refused). */
    void CountSaSetFailure();

    /** \returns 401s on which no SA set could be installed */
    uint64_t GetSaSetFailures() const;

    /** \returns SA sets installed */
    uint64_t GetSaSetsCreated() const;

    /** \returns SA sets deleted, all reasons */
    uint64_t GetSaSetsDeleted() const;

    /**
     * \param why a reason
     * \returns SA sets deleted for it
     */
    uint64_t GetSaSetsDeleted(PcscfSaSetEnd why) const;

    /**
     * \param cause a cause
     * \returns requests answered for it
     */
    uint64_t GetRejects(PcscfRejectCause cause) const;

    /**
     * \param statusCode a status code, e.g. 494
     * \returns responses with that code the P-CSCF generated itself (not forwarded ones)
     */
    uint64_t GetResponsesSent(uint16_t statusCode) const;

    /**
     * \param cause a cause
     * \returns messages dropped for it
     */
    uint64_t GetDrops(PcscfDropCause cause) const;

    /** \returns messages dropped, all causes */
    uint64_t GetTotalDrops() const;

    /**
     * \param cause a cause
     * \returns its name, e.g. "bidding-down"
     */
    static std::string GetName(PcscfRejectCause cause);

    /**
     * \param cause a cause
     * \returns its name, e.g. "clear-on-protected-port"
     */
    static std::string GetName(PcscfDropCause cause);

    /**
     * \param why a reason
     * \returns its name, e.g. "replaced"
     */
    static std::string GetName(PcscfSaSetEnd why);

  private:
    uint64_t m_saSetsCreated{0}; //!< SA sets installed
    uint64_t m_saSetFailures{0}; //!< 401s without an SA set
    std::array<uint64_t, static_cast<size_t>(PcscfSaSetEnd::SA_SET_END_COUNT)>
        m_saSetsDeleted{}; //!< by reason
    std::array<uint64_t, static_cast<size_t>(PcscfRejectCause::REJECT_CAUSE_COUNT)>
        m_rejects{}; //!< by cause
    std::array<uint64_t, static_cast<size_t>(PcscfDropCause::DROP_CAUSE_COUNT)>
        m_drops{};                            //!< by cause
    std::map<uint16_t, uint64_t> m_responses; //!< local responses by status code
};

/**
 * \param os output stream
 * \param cause a cause
 * \returns the stream, with the cause's name written
 */
std::ostream& operator<<(std::ostream& os, PcscfRejectCause cause);

/**
 * \param os output stream
 * \param cause a cause
 * \returns the stream, with the cause's name written
 */
std::ostream& operator<<(std::ostream& os, PcscfDropCause cause);

/**
 * \param os output stream
 * \param why a reason
 * \returns the stream, with the reason's name written
 */
std::ostream& operator<<(std::ostream& os, PcscfSaSetEnd why);

} // namespace ns3

#endif /* PCSCF_COUNTERS_H */
