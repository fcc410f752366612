/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ims-ue-causes.h"

namespace ns3
{

std::string
ImsUeCauses::GetName(ImsRegistrationCause cause)
{
    switch (cause)
    {
    case REG_INITIAL:
        return "initial";
    case REG_REFRESH:
        return "refresh";
    case REG_ADDRESS_CHANGE:
        return "address-change";
    case REG_REAUTHENTICATION:
        return "re-authentication";
    case REG_CONTACT_REFRESH:
        return "contact-refresh";
    case REG_CAUSE_COUNT:
        break;
    }
    return "?";
}

std::string
ImsUeCauses::GetName(ImsRegistrationFailure failure)
{
    switch (failure)
    {
    case REG_FAIL_TIMEOUT:
        return "timeout";
    case REG_FAIL_NO_SA:
        return "no-sa";
    case REG_FAIL_MAC_FAILURE:
        return "mac-failure";
    case REG_FAIL_SYNC_FAILURE:
        return "sync-failure";
    case REG_FAIL_BAD_CHALLENGE:
        return "bad-challenge";
    case REG_FAIL_NO_COMMON_MECHANISM:
        return "no-common-mechanism";
    case REG_FAIL_SA_INSTALL:
        return "sa-install";
    case REG_FAIL_STATUS_401:
        return "status-401";
    case REG_FAIL_STATUS_403:
        return "status-403";
    case REG_FAIL_STATUS_421:
        return "status-421";
    case REG_FAIL_STATUS_494:
        return "status-494";
    case REG_FAIL_STATUS_OTHER:
        return "status-other";
    case REG_FAIL_PROTOCOL:
        return "protocol";
    case REG_FAIL_EXPIRED:
        return "expired";
    case REG_FAIL_ABORTED:
        return "aborted";
    case REG_FAILURE_COUNT:
        break;
    }
    return "?";
}

std::string
ImsUeCauses::GetName(ImsSessionDropCause cause)
{
    switch (cause)
    {
    case DROP_ADDRESS_CHANGE:
        return "address-change";
    case DROP_REFRESH_TIMEOUT:
        return "refresh-timeout";
    case DROP_REFRESH_FAILED:
        return "refresh-failed";
    case DROP_NO_SA:
        return "no-sa";
    case DROP_BYE_FAILED:
        return "bye-failed";
    case DROP_REGISTRATION_LOST:
        return "registration-lost";
    case DROP_CAUSE_COUNT:
        break;
    }
    return "?";
}

std::string
ImsUeCauses::GetName(ImsSessionFailureCause cause)
{
    switch (cause)
    {
    case FAIL_TIMEOUT:
        return "timeout";
    case FAIL_NO_SA:
        return "no-sa";
    case FAIL_NOT_REGISTERED:
        return "not-registered";
    case FAIL_STATUS_3XX:
        return "status-3xx";
    case FAIL_STATUS_4XX:
        return "status-4xx";
    case FAIL_STATUS_5XX:
        return "status-5xx";
    case FAIL_STATUS_6XX:
        return "status-6xx";
    case FAIL_ADDRESS_CHANGE:
        return "address-change";
    case FAIL_REGISTRATION_LOST:
        return "registration-lost";
    case FAIL_CANCELLED:
        return "cancelled";
    case FAIL_BUSY:
        return "busy";
    case FAIL_ACK_TIMEOUT:
        return "ack-timeout";
    case FAIL_CAUSE_COUNT:
        break;
    }
    return "?";
}

ImsSessionFailureCause
ImsUeCauses::FromStatus(uint16_t status)
{
    if (status >= 300 && status < 400)
    {
        return FAIL_STATUS_3XX;
    }
    if (status >= 500 && status < 600)
    {
        return FAIL_STATUS_5XX;
    }
    if (status >= 600 && status < 700)
    {
        return FAIL_STATUS_6XX;
    }
    return FAIL_STATUS_4XX;
}

ImsRegistrationFailure
ImsUeCauses::RegistrationFailureFromStatus(uint16_t status)
{
    switch (status)
    {
    case 401:
        return REG_FAIL_STATUS_401;
    case 403:
        return REG_FAIL_STATUS_403;
    case 421:
        return REG_FAIL_STATUS_421;
    case 494:
        return REG_FAIL_STATUS_494;
    default:
        return REG_FAIL_STATUS_OTHER;
    }
}

std::ostream&
operator<<(std::ostream& os, ImsRegistrationCause cause)
{
    return os << ImsUeCauses::GetName(cause);
}

std::ostream&
operator<<(std::ostream& os, ImsRegistrationFailure failure)
{
    return os << ImsUeCauses::GetName(failure);
}

std::ostream&
operator<<(std::ostream& os, ImsSessionDropCause cause)
{
    return os << ImsUeCauses::GetName(cause);
}

std::ostream&
operator<<(std::ostream& os, ImsSessionFailureCause cause)
{
    return os << ImsUeCauses::GetName(cause);
}

} // namespace ns3
