/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IMS_UE_SESSION_H
#define IMS_UE_SESSION_H

#include "ns3/event-id.h"
#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/sip-dialog.h"
#include "ns3/sip-message.h"

#include <cstdint>
#include <ostream>
#include <string>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief One session of a UE (originating or terminating): its dialog, its state, its
 * transactions and timers.  Data only; ImsUeSessionManager drives it.
 *
 * Originating: CALLING (INVITE sent) -> CONFIRMED (2xx received, ACK sent; UPDATE every
 * refresh interval) -> ENDING (BYE sent at the end of the holding time) -> gone.
 * Terminating: RINGING (180 sent) -> ANSWERED (200 sent after the answer delay) ->
 * CONFIRMED (ACK received; refreshes supervised) -> gone (BYE received).
 */
struct ImsUeSession
{
    /** Session state. */
    enum State : uint8_t
    {
        CALLING = 0, //!< originating: INVITE sent, no 2xx yet
        RINGING,     //!< terminating: 180 sent, answer pending
        ANSWERED,    //!< terminating: 200 sent, ACK pending
        CONFIRMED,   //!< established
        ENDING,      //!< originating: BYE sent
    };

    uint64_t id{0};                  //!< UE-local identifier
    bool originating{true};          //!< the UE sent the INVITE
    State state{CALLING};            //!< state
    std::string callId;              //!< Call-ID (also before the dialog exists)
    bool hasDialog{false};           //!< the dialog exists
    SipDialog dialog;                //!< the dialog
    SipMessage invite;               //!< originating: the INVITE until the 2xx (then cleared)
    uint32_t inviteSequence{0};      //!< CSeq number of the INVITE
    bool provisionalReceived{false}; //!< originating: a 1xx came (a CANCEL may follow)
    Ipv6Address localAddress;        //!< the UE address of the session (its Contact)
    uint64_t inviteTransaction{0};   //!< INVITE client or server transaction
    uint64_t pendingTransaction{0};  //!< UPDATE or BYE client transaction
    Time created;                    //!< INVITE sent or received
    Time established;                //!< 2xx received or ACK received
    Time holdingTime;                //!< originating: how long it lasts once established
    Time sessionInterval;            //!< RFC 4028 session interval (0: no session timer)
    EventId refreshEvent;            //!< originating: next UPDATE
    EventId endEvent;                //!< originating: BYE at the end of the holding time
    EventId supervisionEvent;        //!< terminating: no refresh within the session interval
    EventId answerEvent;             //!< terminating: 200 after the answer delay

    /** \returns true once established (CONFIRMED or ENDING) */
    bool IsEstablished() const;

    /** \brief Cancels every timer. */
    void CancelTimers();

    /**
     * \param state a state
     * \returns its name
     */
    static std::string GetStateName(State state);
};

/**
 * \param os output stream
 * \param state a state
 * \returns the stream, with its name written
 */
std::ostream& operator<<(std::ostream& os, ImsUeSession::State state);

} // namespace ns3

#endif /* IMS_UE_SESSION_H */
