/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "imssec-version.h"

namespace ns3
{

std::string
GetImssecVersion()
{
    return IMSSEC_VERSION_STRING;
}

} // namespace ns3
