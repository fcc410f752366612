/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IMS_UE_COUNTERS_H
#define IMS_UE_COUNTERS_H

#include "ims-ue-causes.h"

#include "ns3/nstime.h"

#include <array>
#include <cstdint>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief The end-of-run counters of one UE: registrations by cause (started, completed,
 * failed) and failures by reason, sessions (attempted, established, completed, dropped by
 * cause, failed by cause), setup delays and address usage durations as summaries (count,
 * sum, sum of squares, minimum, maximum: no per-event storage), and the bad input the UE
 * answered or discarded.  A plain value (about 600 bytes): the UE is the accounting
 * authority for its sessions, so every session it knows ends in exactly one of completed,
 * dropped or failed, or is still in progress.
 */
class ImsUeCounters
{
  public:
    /** Summary of a series of durations. */
    struct Summary
    {
        uint64_t count{0};    //!< number of values
        double sum{0};        //!< sum of the values (s)
        double sumSquares{0}; //!< sum of their squares (s^2)
        double min{0};        //!< smallest value (s), 0 when none
        double max{0};        //!< largest value (s), 0 when none

        /**
         * \param value a value
         */
        void Add(Time value);

        /** \returns the mean (s), 0 when there is no value */
        double GetMean() const;
    };

    ImsUeCounters();

    // --- registrations -------------------------------------------------------------------

    /** \param cause the cause of a registration that started */
    void NoteRegistrationStarted(ImsRegistrationCause cause);
    /** \param cause the cause of a registration that completed */
    void NoteRegistrationCompleted(ImsRegistrationCause cause);
    /**
     * \param cause the cause of a registration attempt that failed
     * \param failure why
     */
    void NoteRegistrationFailed(ImsRegistrationCause cause, ImsRegistrationFailure failure);
    /** \param failure why a registration in force was lost */
    void NoteRegistrationLost(ImsRegistrationFailure failure);

    /** \param cause a cause \returns registrations started with it */
    uint64_t GetRegistrationsStarted(ImsRegistrationCause cause) const;
    /** \param cause a cause \returns registrations completed with it */
    uint64_t GetRegistrationsCompleted(ImsRegistrationCause cause) const;
    /** \param cause a cause \returns registration attempts with it that failed */
    uint64_t GetRegistrationsFailed(ImsRegistrationCause cause) const;
    /** \param failure a reason \returns failed registration attempts for it */
    uint64_t GetRegistrationFailures(ImsRegistrationFailure failure) const;
    /** \param failure a reason \returns registrations in force lost for it */
    uint64_t GetRegistrationsLost(ImsRegistrationFailure failure) const;
    /** \returns registrations started, all causes */
    uint64_t GetTotalRegistrationsStarted() const;
    /** \returns registrations completed, all causes */
    uint64_t GetTotalRegistrationsCompleted() const;

    // --- sessions ------------------------------------------------------------------------

    /** \param originating whether the UE originated it */
    void NoteSessionAttempted(bool originating);
    /**
     * \param originating whether the UE originated it
     * \param setupDelay INVITE sent -> 2xx received (originating only)
     */
    void NoteSessionEstablished(bool originating, Time setupDelay);
    /** \param duration established -> ended */
    void NoteSessionCompleted(Time duration);
    /** \param cause why an established session was dropped */
    void NoteSessionDropped(ImsSessionDropCause cause);
    /** \param cause why an attempt failed */
    void NoteSessionFailed(ImsSessionFailureCause cause);

    /** \returns sessions attempted (originating and terminating) */
    uint64_t GetSessionsAttempted() const;
    /** \returns originating sessions attempted */
    uint64_t GetOriginatingAttempted() const;
    /** \returns terminating sessions attempted */
    uint64_t GetTerminatingAttempted() const;
    /** \returns sessions established */
    uint64_t GetSessionsEstablished() const;
    /** \returns sessions completed (ended by a BYE answered 2xx) */
    uint64_t GetSessionsCompleted() const;
    /** \param cause a cause \returns sessions dropped for it */
    uint64_t GetSessionsDropped(ImsSessionDropCause cause) const;
    /** \returns sessions dropped, all causes */
    uint64_t GetTotalSessionsDropped() const;
    /** \param cause a cause \returns attempts failed for it */
    uint64_t GetSessionsFailed(ImsSessionFailureCause cause) const;
    /** \returns attempts failed, all causes */
    uint64_t GetTotalSessionsFailed() const;
    /** \returns setup delays of originating sessions */
    const Summary& GetSetupDelays() const;
    /** \returns durations of completed sessions */
    const Summary& GetSessionDurations() const;

    // --- addresses -----------------------------------------------------------------------

    /** \param duration last use - first use of an address */
    void NoteAddressUsed(Time duration);
    /** \returns the address usage durations reported */
    const Summary& GetAddressUsage() const;
    /** \brief counts a rotation the UE did not follow (no-rotation, deferred) */
    void NoteRotationIgnored();
    /** \returns rotations ignored or deferred */
    uint64_t GetRotationsIgnored() const;

    // --- bad input -----------------------------------------------------------------------

    /** \brief counts a 481 sent for a request of an unknown dialog or transaction */
    void NoteUnknownDialog();
    /** \returns 481 responses sent */
    uint64_t GetUnknownDialogRequests() const;
    /** \brief counts a 405 or 500 sent for a request the UE does not handle */
    void NoteRejectedRequest();
    /** \returns requests rejected with 405 (method) or 500 (CSeq out of order) */
    uint64_t GetRejectedRequests() const;
    /** \brief counts a request that did not arrive through an SA (discarded) */
    void NoteUnprotectedRequest();
    /** \returns requests discarded because they were not protected */
    uint64_t GetUnprotectedRequests() const;
    /** \brief counts an ACK that matches no dialog awaiting one */
    void NoteStrayAck();
    /** \returns ACKs ignored */
    uint64_t GetStrayAcks() const;

  private:
    std::array<uint64_t, REG_CAUSE_COUNT> m_regStarted;    //!< started by cause
    std::array<uint64_t, REG_CAUSE_COUNT> m_regCompleted;  //!< completed by cause
    std::array<uint64_t, REG_CAUSE_COUNT> m_regFailed;     //!< failed by cause
    std::array<uint64_t, REG_FAILURE_COUNT> m_regFailures; //!< failures by reason
    std::array<uint64_t, REG_FAILURE_COUNT> m_regLost;     //!< lost by reason
    uint64_t m_originatingAttempted;                       //!< originating attempts
    uint64_t m_terminatingAttempted;                       //!< terminating attempts
    uint64_t m_established;                                //!< established
    uint64_t m_completed;                                  //!< completed
    std::array<uint64_t, DROP_CAUSE_COUNT> m_dropped;      //!< dropped by cause
    std::array<uint64_t, FAIL_CAUSE_COUNT> m_failed;       //!< failed by cause
    Summary m_setupDelays;                                 //!< setup delays
    Summary m_durations;                                   //!< completed durations
    Summary m_addressUsage;                                //!< address usage
    uint64_t m_rotationsIgnored;                           //!< rotations not followed
    uint64_t m_unknownDialog;                              //!< 481 sent
    uint64_t m_rejected;                                   //!< 405/500 sent
    uint64_t m_unprotected;                                //!< unprotected requests
    uint64_t m_strayAcks;                                  //!< stray ACKs
};

} // namespace ns3

#endif /* IMS_UE_COUNTERS_H */
