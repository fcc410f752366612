/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ims-ue-session.h"

namespace ns3
{

bool
ImsUeSession::IsEstablished() const
{
    return state == CONFIRMED || state == ENDING;
}

void
ImsUeSession::CancelTimers()
{
    refreshEvent.Cancel();
    endEvent.Cancel();
    supervisionEvent.Cancel();
    answerEvent.Cancel();
}

std::string
ImsUeSession::GetStateName(State state)
{
    switch (state)
    {
    case CALLING:
        return "calling";
    case RINGING:
        return "ringing";
    case ANSWERED:
        return "answered";
    case CONFIRMED:
        return "confirmed";
    case ENDING:
        return "ending";
    }
    return "?";
}

std::ostream&
operator<<(std::ostream& os, ImsUeSession::State state)
{
    return os << ImsUeSession::GetStateName(state);
}

} // namespace ns3
