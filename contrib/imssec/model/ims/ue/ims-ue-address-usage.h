/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IMS_UE_ADDRESS_USAGE_H
#define IMS_UE_ADDRESS_USAGE_H

#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief How long each address of a UE was really used: the time of the first and of the
 * last SIP message sent from or received at it (the privacy side of the study: a policy that
 * keeps a deprecated address while a session is up lengthens this).
 *
 * An address's record is closed when the address becomes invalid (no use can follow) or
 * when the UE stops; closing returns the record so that the UE can report it.  Only the
 * addresses used and not yet closed are kept (a handful: those still valid).
 */
class ImsUeAddressUsage
{
  public:
    /** One address's use. */
    struct Record
    {
        Ipv6Address address; //!< the address
        Time firstUse;       //!< first message sent or received
        Time lastUse;        //!< last message sent or received
    };

    /**
     * \brief Notes one message sent from or received at an address.
     * \param address the UE's address
     * \param now the time
     */
    void NoteUse(Ipv6Address address, Time now);

    /**
     * \brief Closes the record of an address.
     * \param address the address
     * \param[out] record its record
     * \returns false when the address was never used (or is closed already)
     */
    bool Close(Ipv6Address address, Record* record);

    /**
     * \brief Closes every record (the UE stops).
     * \returns the records, oldest first
     */
    std::vector<Record> CloseAll();

    /**
     * \param address an address
     * \returns its open record, nullptr when none
     */
    const Record* Find(Ipv6Address address) const;

    /** \returns the number of open records */
    size_t GetOpenCount() const;

  private:
    std::vector<Record> m_open; //!< open records, in order of first use
};

} // namespace ns3

#endif /* IMS_UE_ADDRESS_USAGE_H */
