/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ims-ue-counters.h"

#include <numeric>

namespace ns3
{

void
ImsUeCounters::Summary::Add(Time value)
{
    double v = value.GetSeconds();
    if (count == 0 || v < min)
    {
        min = v;
    }
    if (count == 0 || v > max)
    {
        max = v;
    }
    count++;
    sum += v;
    sumSquares += v * v;
}

double
ImsUeCounters::Summary::GetMean() const
{
    return count == 0 ? 0.0 : sum / static_cast<double>(count);
}

ImsUeCounters::ImsUeCounters()
    : m_regStarted{},
      m_regCompleted{},
      m_regFailed{},
      m_regFailures{},
      m_regLost{},
      m_originatingAttempted(0),
      m_terminatingAttempted(0),
      m_established(0),
      m_completed(0),
      m_dropped{},
      m_failed{},
      m_rotationsIgnored(0),
      m_unknownDialog(0),
      m_rejected(0),
      m_unprotected(0),
      m_strayAcks(0)
{
}

void
ImsUeCounters::NoteRegistrationStarted(ImsRegistrationCause cause)
{
    m_regStarted.at(cause)++;
}

void
ImsUeCounters::NoteRegistrationCompleted(ImsRegistrationCause cause)
{
    m_regCompleted.at(cause)++;
}

void
ImsUeCounters::NoteRegistrationFailed(ImsRegistrationCause cause, ImsRegistrationFailure failure)
{
    m_regFailed.at(cause)++;
    m_regFailures.at(failure)++;
}

void
ImsUeCounters::NoteRegistrationLost(ImsRegistrationFailure failure)
{
    m_regLost.at(failure)++;
}

uint64_t
ImsUeCounters::GetRegistrationsStarted(ImsRegistrationCause cause) const
{
    return m_regStarted.at(cause);
}

uint64_t
ImsUeCounters::GetRegistrationsCompleted(ImsRegistrationCause cause) const
{
    return m_regCompleted.at(cause);
}

uint64_t
ImsUeCounters::GetRegistrationsFailed(ImsRegistrationCause cause) const
{
    return m_regFailed.at(cause);
}

uint64_t
ImsUeCounters::GetRegistrationFailures(ImsRegistrationFailure failure) const
{
    return m_regFailures.at(failure);
}

uint64_t
ImsUeCounters::GetRegistrationsLost(ImsRegistrationFailure failure) const
{
    return m_regLost.at(failure);
}

uint64_t
ImsUeCounters::GetTotalRegistrationsStarted() const
{
    return std::accumulate(m_regStarted.begin(), m_regStarted.end(), uint64_t{0});
}

uint64_t
ImsUeCounters::GetTotalRegistrationsCompleted() const
{
    return std::accumulate(m_regCompleted.begin(), m_regCompleted.end(), uint64_t{0});
}

void
ImsUeCounters::NoteSessionAttempted(bool originating)
{
    (originating ? m_originatingAttempted : m_terminatingAttempted)++;
}

void
ImsUeCounters::NoteSessionEstablished(bool originating, Time setupDelay)
{
    m_established++;
    if (originating)
    {
        m_setupDelays.Add(setupDelay);
    }
}

void
ImsUeCounters::NoteSessionCompleted(Time duration)
{
    m_completed++;
    m_durations.Add(duration);
}

void
ImsUeCounters::NoteSessionDropped(ImsSessionDropCause cause)
{
    m_dropped.at(cause)++;
}

void
ImsUeCounters::NoteSessionFailed(ImsSessionFailureCause cause)
{
    m_failed.at(cause)++;
}

uint64_t
ImsUeCounters::GetSessionsAttempted() const
{
    return m_originatingAttempted + m_terminatingAttempted;
}

uint64_t
ImsUeCounters::GetOriginatingAttempted() const
{
    return m_originatingAttempted;
}

uint64_t
ImsUeCounters::GetTerminatingAttempted() const
{
    return m_terminatingAttempted;
}

uint64_t
ImsUeCounters::GetSessionsEstablished() const
{
    return m_established;
}

uint64_t
ImsUeCounters::GetSessionsCompleted() const
{
    return m_completed;
}

uint64_t
ImsUeCounters::GetSessionsDropped(ImsSessionDropCause cause) const
{
    return m_dropped.at(cause);
}

uint64_t
ImsUeCounters::GetTotalSessionsDropped() const
{
    return std::accumulate(m_dropped.begin(), m_dropped.end(), uint64_t{0});
}

uint64_t
ImsUeCounters::GetSessionsFailed(ImsSessionFailureCause cause) const
{
    return m_failed.at(cause);
}

uint64_t
ImsUeCounters::GetTotalSessionsFailed() const
{
    return std::accumulate(m_failed.begin(), m_failed.end(), uint64_t{0});
}

const ImsUeCounters::Summary&
ImsUeCounters::GetSetupDelays() const
{
    return m_setupDelays;
}

const ImsUeCounters::Summary&
ImsUeCounters::GetSessionDurations() const
{
    return m_durations;
}

void
ImsUeCounters::NoteAddressUsed(Time duration)
{
    m_addressUsage.Add(duration);
}

const ImsUeCounters::Summary&
ImsUeCounters::GetAddressUsage() const
{
    return m_addressUsage;
}

void
ImsUeCounters::NoteRotationIgnored()
{
    m_rotationsIgnored++;
}

uint64_t
ImsUeCounters::GetRotationsIgnored() const
{
    return m_rotationsIgnored;
}

void
ImsUeCounters::NoteUnknownDialog()
{
    m_unknownDialog++;
}

uint64_t
ImsUeCounters::GetUnknownDialogRequests() const
{
    return m_unknownDialog;
}

void
ImsUeCounters::NoteRejectedRequest()
{
    m_rejected++;
}

uint64_t
ImsUeCounters::GetRejectedRequests() const
{
    return m_rejected;
}

void
ImsUeCounters::NoteUnprotectedRequest()
{
    m_unprotected++;
}

uint64_t
ImsUeCounters::GetUnprotectedRequests() const
{
    return m_unprotected;
}

void
ImsUeCounters::NoteStrayAck()
{
    m_strayAcks++;
}

uint64_t
ImsUeCounters::GetStrayAcks() const
{
    return m_strayAcks;
}

} // namespace ns3
