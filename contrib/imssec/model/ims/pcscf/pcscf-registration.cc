/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "pcscf-registration.h"

namespace ns3
{

bool
PcscfRegistration::IsRegistered() const
{
    return currentSet != 0;
}

bool
PcscfRegistration::IsEmpty() const
{
    return currentSet == 0 && pendingSet == 0 && !offer;
}

bool
PcscfRegistration::HasSaSet(uint32_t handle) const
{
    return handle != 0 && (handle == currentSet || handle == pendingSet);
}

std::ostream&
operator<<(std::ostream& os, const PcscfRegistration& r)
{
    os << r.impi << " impu=" << r.impu << " call-id=" << r.callId << " current=" << r.currentSet
       << " pending=" << r.pendingSet;
    if (r.offer)
    {
        os << " offer(cseq=" << r.offer->cseq << " from " << r.offer->ueAddress
           << " set=" << r.offer->saSetHandle << ")";
    }
    return os;
}

} // namespace ns3
