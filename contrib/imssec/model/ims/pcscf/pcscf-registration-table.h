/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef PCSCF_REGISTRATION_TABLE_H
#define PCSCF_REGISTRATION_TABLE_H

#include "pcscf-registration.h"

#include "ns3/nstime.h"

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief The P-CSCF's registrations, one PcscfRegistration per IMPI, with the indexes the
 * P-CSCF needs to find one: by IMPI (REGISTER), by Call-ID (responses to REGISTER, which
 * carry no IMPI) and by SA set handle (a protected request's IpsecTag).
 *
 * The table keeps the indexes consistent: Call-IDs and SA set handles are bound and
 * unbound only through its methods.  Registrations are hash-map nodes, so the pointers
 * it returns stay valid until Remove() (not across it).  Offers waiting for their 401 are
 * also queued in arrival order, so that those never answered can be found without a scan
 * (PopStaleOffers) and without a timer per UE.
 */
class PcscfRegistrationTable
{
  public:
    /**
     * \param impi a private identity
     * \returns its registration, nullptr when unknown
     */
    PcscfRegistration* Find(std::string_view impi);

    /**
     * \param impi a private identity
     * \returns its registration, nullptr when unknown
     */
    const PcscfRegistration* Find(std::string_view impi) const;

    /**
     * \param impi a private identity
     * \param[out] created set to true when the registration is new (may be nullptr)
     * \returns its registration, created empty when unknown
     */
    PcscfRegistration& GetOrCreate(const std::string& impi, bool* created = nullptr);

    /**
     * \param callId a Call-ID
     * \returns the registration whose confirmed Call-ID or offer has it, nullptr when none
     */
    PcscfRegistration* FindByCallId(std::string_view callId);

    /**
     * \param handle an SA set handle of the node's IpsecStack
     * \returns the registration holding it (current or pending), nullptr when none
     */
    PcscfRegistration* FindBySaSet(uint32_t handle);

    /**
     * \brief Sets the registration's confirmed Call-ID (indexed).
     * \param r a registration of this table
     * \param callId the Call-ID
     */
    void SetCallId(PcscfRegistration& r, const std::string& callId);

    /**
     * \brief Remembers an offer (replacing any earlier one), indexes its Call-ID and queues
     * it for PopStaleOffers.
     * \param r a registration of this table
     * \param offer the offer
     */
    void SetOffer(PcscfRegistration& r, std::unique_ptr<PcscfRegistration::Offer> offer);

    /**
     * \brief Forgets the registration's offer (its Call-ID stays indexed when it is the
     * confirmed one).
     * \param r a registration of this table
     */
    void ClearOffer(PcscfRegistration& r);

    /**
     * \brief Indexes an SA set handle for a registration (the caller sets currentSet or
     * pendingSet).
     * \param r a registration of this table
     * \param handle the handle
     */
    void BindSaSet(PcscfRegistration& r, uint32_t handle);

    /**
     * \param handle an SA set handle to forget
     */
    void UnbindSaSet(uint32_t handle);

    /**
     * \brief Removes a registration and its index entries.  The SA sets themselves are the
     * caller's business.
     * \param r a registration of this table (invalid afterwards)
     */
    void Remove(PcscfRegistration& r);

    /**
     * \brief Takes from the queue the offers that arrived at or before a time.
     * \param cutoff arrival time limit
     * \returns the IMPIs whose registration had an offer queued then (the caller checks
     *          that the registration's offer is still that old one)
     */
    std::vector<std::string> PopStaleOffers(Time cutoff);

    /** \returns the number of registrations (any state) */
    size_t GetSize() const;

    /** \returns the number of registrations with a confirmed SA set */
    size_t GetRegisteredCount() const;

    /** \returns the number of Call-IDs indexed */
    size_t GetCallIdCount() const;

    /** \returns the number of SA set handles indexed */
    size_t GetSaSetCount() const;

    /**
     * \param[out] received arrival time of the oldest queued offer
     * \returns false when no offer is queued
     */
    bool GetOldestQueuedOffer(Time* received) const;

    /** \returns the number of offers queued (some may be stale entries) */
    size_t GetQueuedOfferCount() const;

    /**
     * \param f called for each registration (must not add or remove registrations)
     */
    void ForEach(const std::function<void(PcscfRegistration&)>& f);

    /** \brief Removes everything. */
    void Clear();

    /**
     * \param n expected number of registrations (reserves hash buckets)
     */
    void Reserve(size_t n);

  private:
    /**
     * \param callId a Call-ID
     * \param r the registration that may still use it
     */
    void ReleaseCallId(const std::string& callId, const PcscfRegistration& r);

    /// One queued offer.
    struct QueuedOffer
    {
        Time received;    //!< arrival of the REGISTER
        std::string impi; //!< whose
    };

    std::unordered_map<std::string, PcscfRegistration> m_byImpi;    //!< registrations
    std::unordered_map<std::string, PcscfRegistration*> m_byCallId; //!< Call-ID index
    std::unordered_map<uint32_t, PcscfRegistration*> m_bySaSet;     //!< SA set index
    std::deque<QueuedOffer> m_offers;                               //!< offers by arrival
};

} // namespace ns3

#endif /* PCSCF_REGISTRATION_TABLE_H */
