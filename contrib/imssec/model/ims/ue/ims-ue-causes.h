/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IMS_UE_CAUSES_H
#define IMS_UE_CAUSES_H

#include <cstdint>
#include <ostream>
#include <string>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief Why the UE registers (the experiments count registrations by cause).
 */
enum ImsRegistrationCause : uint8_t
{
    REG_INITIAL = 0,      //!< first registration (or a retry of it)
    REG_REFRESH,          //!< re-registration before expiry (TS 24.229 5.1.1.4)
    REG_ADDRESS_CHANGE,   //!< initial registration from a new address after a rotation
    REG_REAUTHENTICATION, //!< REGISTER with auts after a synchronisation failure
    REG_CONTACT_REFRESH,  //!< protected re-REGISTER moving the Contact inside covering SAs
    REG_CAUSE_COUNT       //!< number of causes (not a cause)
};

/**
 * \ingroup imssec
 * \brief Why a registration attempt failed (or a registration was lost).
 */
enum ImsRegistrationFailure : uint8_t
{
    REG_FAIL_TIMEOUT = 0,         //!< no final response (Timer F)
    REG_FAIL_NO_SA,               //!< the request could not be sent (no SA, source gone)
    REG_FAIL_MAC_FAILURE,         //!< AUTN did not verify: the network is not authentic
    REG_FAIL_SYNC_FAILURE,        //!< SQN not fresh: a REGISTER with auts follows
    REG_FAIL_BAD_CHALLENGE,       //!< 401 without a usable AKA challenge or Security-Server
    REG_FAIL_NO_COMMON_MECHANISM, //!< Security-Server names nothing the UE offered
    REG_FAIL_SA_INSTALL,          //!< the IPsec layer refused the SA set
    REG_FAIL_STATUS_401,          //!< 401 to a REGISTER that carried a response
    REG_FAIL_STATUS_403,          //!< 403 Forbidden
    REG_FAIL_STATUS_421,          //!< 421 Extension Required
    REG_FAIL_STATUS_494,          //!< 494 Security Agreement Required
    REG_FAIL_STATUS_OTHER,        //!< any other final response that is not 2xx
    REG_FAIL_PROTOCOL,            //!< 2xx that cannot be right (no SAs, expires 0)
    REG_FAIL_EXPIRED,             //!< the registration ran out without a refresh
    REG_FAIL_ABORTED,             //!< abandoned by the UE (address change, stop)
    REG_FAILURE_COUNT             //!< number of failures (not a failure)
};

/**
 * \ingroup imssec
 * \brief Why an established (or establishing) session ended other than normally.
 */
enum ImsSessionDropCause : uint8_t
{
    DROP_ADDRESS_CHANGE = 0, //!< released by the UE on an address change
    DROP_REFRESH_TIMEOUT,    //!< no refresh arrived within the session interval
    DROP_REFRESH_FAILED,     //!< an in-dialog refresh failed (timeout or non-2xx)
    DROP_NO_SA,              //!< the IPsec layer could not send an in-dialog message
    DROP_BYE_FAILED,         //!< the BYE ending the session was not answered with 2xx
    DROP_REGISTRATION_LOST,  //!< the registration (and its SAs) ended
    DROP_CAUSE_COUNT         //!< number of causes (not a cause)
};

/**
 * \ingroup imssec
 * \brief Why a session attempt failed before it was established.
 */
enum ImsSessionFailureCause : uint8_t
{
    FAIL_TIMEOUT = 0,       //!< INVITE Timer B
    FAIL_NO_SA,             //!< the INVITE or ACK could not be sent
    FAIL_NOT_REGISTERED,    //!< originating arrival while the UE was not registered
    FAIL_STATUS_3XX,        //!< 3xx final response (no redirection is followed)
    FAIL_STATUS_4XX,        //!< 4xx final response
    FAIL_STATUS_5XX,        //!< 5xx final response
    FAIL_STATUS_6XX,        //!< 6xx final response
    FAIL_ADDRESS_CHANGE,    //!< released during setup by an address change
    FAIL_REGISTRATION_LOST, //!< released during setup because the registration ended
    FAIL_CANCELLED,         //!< terminating: CANCEL before the answer
    FAIL_BUSY,              //!< terminating: MaxSessions reached, 486 sent
    FAIL_ACK_TIMEOUT,       //!< terminating: the 2xx was never acknowledged
    FAIL_CAUSE_COUNT        //!< number of causes (not a cause)
};

/**
 * \ingroup imssec
 * \brief Names of the UE's causes, as the attributes, traces, logs and results use them.
 */
class ImsUeCauses
{
  public:
    /**
     * \param cause a registration cause
     * \returns e.g. "address-change"
     */
    static std::string GetName(ImsRegistrationCause cause);

    /**
     * \param failure a registration failure
     * \returns e.g. "status-494"
     */
    static std::string GetName(ImsRegistrationFailure failure);

    /**
     * \param cause a drop cause
     * \returns e.g. "refresh-timeout"
     */
    static std::string GetName(ImsSessionDropCause cause);

    /**
     * \param cause a failure cause
     * \returns e.g. "status-4xx"
     */
    static std::string GetName(ImsSessionFailureCause cause);

    /**
     * \param status a final status code 300..699
     * \returns the failure cause of its class (FAIL_STATUS_4XX for 100..299 and other
     *          values that are no failure: callers pass failures only)
     */
    static ImsSessionFailureCause FromStatus(uint16_t status);

    /**
     * \param status a final status code of a REGISTER other than 2xx and 401
     * \returns REG_FAIL_STATUS_403, _421, _494 or _OTHER
     */
    static ImsRegistrationFailure RegistrationFailureFromStatus(uint16_t status);
};

/**
 * \param os output stream
 * \param cause a cause
 * \returns the stream, with its name written
 */
std::ostream& operator<<(std::ostream& os, ImsRegistrationCause cause);

/**
 * \param os output stream
 * \param failure a failure
 * \returns the stream, with its name written
 */
std::ostream& operator<<(std::ostream& os, ImsRegistrationFailure failure);

/**
 * \param os output stream
 * \param cause a cause
 * \returns the stream, with its name written
 */
std::ostream& operator<<(std::ostream& os, ImsSessionDropCause cause);

/**
 * \param os output stream
 * \param cause a cause
 * \returns the stream, with its name written
 */
std::ostream& operator<<(std::ostream& os, ImsSessionFailureCause cause);

} // namespace ns3

#endif /* IMS_UE_CAUSES_H */
