/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef SCSCF_REGISTRAR_H
#define SCSCF_REGISTRAR_H

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief The S-CSCF's registration bindings (RFC 3261 section 10.3, RFC 3327 Path): one
 * binding per private identity (IMPI), covering its implicit registration set, with its
 * expiry.
 *
 * A binding holds what terminating routing needs (the Contact URI and the Path of the
 * P-CSCF) and what RFC 3261 10.3 step 7 needs to order updates (Call-ID, CSeq).  A new
 * registration of the same IMPI replaces the binding (one contact per UE, as an IMS UE
 * without GRUU/outbound registers).
 *
 * Memory is the point of this class: a registrar holds 100,000 users.  A binding is a hash
 * map entry keyed by the IMPI with the contact and Call-ID strings, a 4-octet reference to
 * an interned Path value (every UE behind a P-CSCF has the same Path, stored once with a
 * reference count), the CSeq and the expiry time; expiry uses one ordered index (expiry
 * time, IMPI) and a single ns-3 event for the earliest binding, not one event per user.
 */
class ScscfRegistrar
{
  public:
    /** One registration binding. */
    struct Binding
    {
        std::string contact; //!< Contact URI (without angle brackets and header parameters)
        std::string callId;  //!< Call-ID of the REGISTER that created or refreshed it
        Time expiresAt;      //!< absolute expiry time
        uint32_t cseq{0};    //!< CSeq number of that REGISTER
        uint32_t path{0};    //!< interned Path value (see GetPath)
    };

    /**
     * Callback for a binding that expired: the IMPI and the binding (already removed; its
     * Path is still readable with GetPath during the call).
     */
    typedef Callback<void, const std::string&, const Binding&> ExpiryCallback;

    ScscfRegistrar();
    ~ScscfRegistrar();

    ScscfRegistrar(const ScscfRegistrar&) = delete;
    ScscfRegistrar& operator=(const ScscfRegistrar&) = delete;

    /**
     * \param callback told about every binding that expires
     */
    void SetExpiryCallback(ExpiryCallback callback);

    /**
     * \brief Creates or replaces the binding of an IMPI.
     * \param impi the private identity
     * \param contact the Contact URI
     * \param path the Path header value(s) as one comma-separated text ("" for none)
     * \param callId the REGISTER's Call-ID
     * \param cseq the REGISTER's CSeq number
     * \param expiresAt absolute expiry time (after Now)
     * \returns true when a binding existed before (replaced or refreshed)
     */
    bool Update(const std::string& impi,
                const std::string& contact,
                const std::string& path,
                const std::string& callId,
                uint32_t cseq,
                Time expiresAt);

    /**
     * \param impi a private identity
     * \returns its binding, nullptr when it has none (valid until the next change)
     */
    const Binding* Find(const std::string& impi) const;

    /**
     * \brief Removes the binding of an IMPI (de-registration).
     * \param impi a private identity
     * \returns false when it had none
     */
    bool Remove(const std::string& impi);

    /** \brief Removes every binding (no expiry callback) and cancels the timer. */
    void Clear();

    /** \returns the number of bindings (registered users) */
    uint32_t GetSize() const;

    /**
     * \param binding a binding of this registrar
     * \returns its Path value ("" for none)
     */
    const std::string& GetPath(const Binding& binding) const;

    /** \returns the number of distinct Path values stored */
    uint32_t GetPathCount() const;

    /** \returns the expiry time of the earliest binding (Time::Max() when none) */
    Time GetNextExpiry() const;

  private:
    /** An interned Path value with its reference count. */
    struct PathEntry
    {
        std::string value; //!< the Path text
        uint32_t users{0}; //!< bindings using it (0: free slot)
    };

    /// Key of the expiry index: expiry time, then the IMPI (the map key, stable address).
    typedef std::pair<Time, const std::string*> ExpiryKey;

    /**
     * \param value a Path text
     * \returns its interned index, reference count incremented
     */
    uint32_t AcquirePath(const std::string& value);

    /**
     * \param index an interned index
     */
    void ReleasePath(uint32_t index);

    /** \brief Schedules the timer at the earliest expiry (when it changed). */
    void Reschedule();

    /** \brief Timer: removes every binding due now. */
    void Expire();

    std::unordered_map<std::string, Binding> m_bindings;   //!< IMPI -> binding
    std::set<ExpiryKey> m_expiry;                          //!< bindings by expiry time
    std::vector<PathEntry> m_paths;                        //!< interned Path values
    std::unordered_map<std::string, uint32_t> m_pathIndex; //!< Path text -> index
    std::vector<uint32_t> m_freePaths;                     //!< free slots of m_paths
    EventId m_timer;                                       //!< earliest expiry
    Time m_timerAt;                                        //!< when m_timer fires
    ExpiryCallback m_expiryCallback;                       //!< expiry report
};

} // namespace ns3

#endif /* SCSCF_REGISTRAR_H */
