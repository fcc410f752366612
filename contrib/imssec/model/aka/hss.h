/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef HSS_H
#define HSS_H

#include "aka-credentials.h"
#include "aka-types.h"

#include "ns3/object.h"
#include "ns3/random-variable-stream.h"
#include "ns3/traced-callback.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace ns3
{

/**
 * \ingroup imssec
 * The Home Subscriber Server with its Authentication Centre, as far as IMS AKA needs it: a
 * subscriber database (private identity IMPI -> K, OPc, AMF, SQN_HE and public identities
 * IMPU), authentication vectors on request (TS 33.102 section 6.3.2) and resynchronisation
 * from AUTS (section 6.3.5).  The Cx interface itself is not modeled: the S-CSCF calls the
 * methods of this object directly (a Multimedia-Auth-Request without its Diameter transport).
 *
 * Sequence numbers (TS 33.102 Annex C, simplified): SQN = SEQ || IND with IND of `IndBits`
 * bits.  Each vector increments SEQ_HE by one and takes the next IND cyclically; after a
 * resynchronisation SQN_HE is set to SQN_MS so that the next vector carries SEQ_MS + 1.
 *
 * Memory: one 56-octet record per subscriber in a vector, plus one hash-map entry per private
 * and per public identity (the identity string, a 4-octet index and the node); see
 * bench/aka-hss-bench.cc for the measured cost.
 */
class Hss : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    Hss();
    ~Hss() override;

    /// Outcome of a resynchronisation request.
    enum ResyncResult
    {
        RESYNC_OK,           //!< AUTS authentic; SQN_HE updated if needed, new vector issued
        RESYNC_UNKNOWN_USER, //!< no such private identity
        RESYNC_MAC_FAILURE,  //!< MAC-S wrong: AUTS rejected, no vector
    };

    /**
     * TracedCallback signature for vectors issued.
     * \param [in] privateIdentity the IMPI the vector is for
     * \param [in] vector the vector
     */
    typedef void (*VectorIssuedTracedCallback)(const std::string& privateIdentity,
                                               const AkaVector& vector);

    /**
     * TracedCallback signature for resynchronisation requests.
     * \param [in] privateIdentity the IMPI
     * \param [in] sqnMs SQN_MS read from AUTS
     * \param [in] accepted whether MAC-S was correct
     */
    typedef void (*ResyncTracedCallback)(const std::string& privateIdentity,
                                         uint64_t sqnMs,
                                         bool accepted);

    /**
     * TracedCallback signature for requests naming an unknown identity.
     * \param [in] identity the private or public identity asked for
     */
    typedef void (*UnknownUserTracedCallback)(const std::string& identity);

    /**
     * Provisions a subscriber with explicit secrets.
     * \param privateIdentity IMPI (unique)
     * \param k K
     * \param opc OPc
     * \param amf AMF used in the subscriber's vectors
     * \param sqnHe initial SQN_HE (48 bits)
     * \returns false (and changes nothing) when the IMPI exists already
     */
    bool AddSubscriber(const std::string& privateIdentity,
                       const AkaKey& k,
                       const AkaKey& opc,
                       uint16_t amf,
                       uint64_t sqnHe = 0);

    /**
     * Provisions a simulated subscriber whose K and OPc are derived from its IMPI, the
     * `KeySeed` and the `OperatorVariant` (AkaCredentials::Derive), with the `DefaultAmf`
     * and SQN_HE 0.  The UE gets the same secrets from GetSimulatedCredentials().
     * \param privateIdentity IMPI (unique)
     * \returns false when the IMPI exists already
     */
    bool AddSimulatedSubscriber(const std::string& privateIdentity);

    /**
     * \param privateIdentity an IMPI
     * \returns the K and OPc AddSimulatedSubscriber() gives that IMPI with the current
     *          `KeySeed` and `OperatorVariant` (whether or not it is provisioned)
     */
    AkaCredentials GetSimulatedCredentials(const std::string& privateIdentity) const;

    /**
     * Binds a public identity (IMPU) to a subscriber.
     * \param privateIdentity IMPI, provisioned
     * \param publicIdentity IMPU, e.g. "sip:ue1@ims.example.net"
     * \returns false when the IMPI is unknown or the IMPU is bound already
     */
    bool AddPublicIdentity(const std::string& privateIdentity, const std::string& publicIdentity);

    /**
     * \param privateIdentity an IMPI
     * \returns whether it is provisioned
     */
    bool HasSubscriber(const std::string& privateIdentity) const;

    /// \returns number of provisioned subscribers
    std::size_t GetNSubscribers() const;

    /**
     * \param publicIdentity an IMPU
     * \param privateIdentity receives the IMPI it belongs to
     * \returns false (counted as an unknown user) when the IMPU is not bound
     */
    bool GetPrivateIdentity(const std::string& publicIdentity, std::string& privateIdentity);

    /**
     * \param privateIdentity an IMPI
     * \returns its public identities in the order they were added (empty if unknown)
     */
    std::vector<std::string> GetPublicIdentities(const std::string& privateIdentity) const;

    /**
     * Issues one authentication vector: a fresh RAND, the next SQN_HE, and the subscriber's
     * AMF.  Fires `VectorIssued`.
     * \param privateIdentity IMPI
     * \param vector receives the vector
     * \returns false (counted, `UnknownUser` fired) when the IMPI is unknown
     */
    bool GenerateVector(const std::string& privateIdentity, AkaVector& vector);

    /**
     * Handles a synchronisation failure reported by the UE (TS 33.102 section 6.3.5): reads
     * SQN_MS from AUTS with f5*, verifies MAC-S with f1* (AMF 0), sets SQN_HE to SQN_MS
     * unless the next SQN_HE would already be accepted (SEQ_HE >= SEQ_MS and within Delta),
     * then issues a new vector.  MAC-S is verified in every case (the specification skips it
     * when SQN_HE is in range): a forged AUTS never yields a vector.
     * \param privateIdentity IMPI
     * \param rand the RAND of the challenge the UE rejected
     * \param auts AUTS from the UE
     * \param vector receives the new vector on RESYNC_OK
     * \returns the outcome
     */
    ResyncResult Resynchronise(const std::string& privateIdentity,
                               const AkaRand& rand,
                               const AkaAuts& auts,
                               AkaVector& vector);

    /**
     * \param privateIdentity IMPI
     * \param sqnHe receives SQN_HE, the sequence number of the last vector issued
     * \returns false when the IMPI is unknown
     */
    bool GetSqn(const std::string& privateIdentity, uint64_t& sqnHe) const;

    /**
     * \param privateIdentity IMPI
     * \param sqnHe the new SQN_HE (48 bits)
     * \returns false when the IMPI is unknown
     */
    bool SetSqn(const std::string& privateIdentity, uint64_t sqnHe);

    /**
     * Reserves room for n subscribers (avoids rehashing while provisioning many).
     * \param n expected number of subscribers
     */
    void Reserve(std::size_t n);

    /**
     * Assigns a fixed stream number to the RAND generator.
     * \param stream first stream index to use
     * \return the number of stream indices assigned (1)
     */
    int64_t AssignStreams(int64_t stream);

    /// \returns vectors issued (GenerateVector and Resynchronise)
    uint64_t GetVectorsIssued() const;
    /// \returns resynchronisation requests whose AUTS was authentic
    uint64_t GetResyncs() const;
    /// \returns resynchronisation requests whose MAC-S was wrong
    uint64_t GetResyncFailures() const;
    /// \returns requests that named an unknown private or public identity
    uint64_t GetUnknownUsers() const;

  protected:
    void DoDispose() override;

  private:
    /// One subscriber (56 octets).
    struct Subscriber
    {
        AkaKey k;                //!< K
        AkaKey opc;              //!< OPc
        const std::string* impi; //!< the IMPI (key of m_byPrivate, stable address)
        uint64_t sqnHe;          //!< SQN_HE of the last vector issued
        uint32_t firstPublic;    //!< head of the IMPU list in m_publics, NO_LINK if none
        uint16_t amf;            //!< AMF
    };

    /// One link of a subscriber's IMPU list.
    struct PublicLink
    {
        const std::string* impu; //!< the IMPU (key of m_byPublic, stable address)
        uint32_t next;           //!< next link, NO_LINK at the end
    };

    /// End of an IMPU list.
    static constexpr uint32_t NO_LINK = 0xffffffff;

    /**
     * \param privateIdentity an IMPI
     * \returns its record, nullptr when unknown
     */
    Subscriber* Find(const std::string& privateIdentity);

    /**
     * \param privateIdentity an IMPI
     * \returns its record, nullptr when unknown
     */
    const Subscriber* Find(const std::string& privateIdentity) const;

    /**
     * Counts and traces an unknown identity.
     * \param identity the identity asked for
     */
    void NoteUnknown(const std::string& identity);

    /**
     * Next SQN after sqn: SEQ + 1 and the next IND (cyclic).
     * \param sqn the current SQN_HE
     * \returns the next SQN
     */
    uint64_t NextSqn(uint64_t sqn) const;

    /**
     * Issues a vector for a record with its next SQN.
     * \param subscriber the record
     * \param vector receives the vector
     */
    void Issue(Subscriber& subscriber, AkaVector& vector);

    /**
     * \param hex OP as 32 hexadecimal digits (the `OperatorVariant` attribute)
     */
    void SetOperatorVariant(std::string hex);

    /// \returns OP as hexadecimal text
    std::string GetOperatorVariant() const;

    std::vector<Subscriber> m_subscribers;                 //!< records
    std::unordered_map<std::string, uint32_t> m_byPrivate; //!< IMPI -> record index
    std::unordered_map<std::string, uint32_t> m_byPublic;  //!< IMPU -> record index
    std::vector<PublicLink> m_publics;                     //!< IMPU lists

    AkaKey m_op;                         //!< OP of the operator
    uint64_t m_keySeed;                  //!< seed of the simulated subscribers' keys
    uint16_t m_defaultAmf;               //!< AMF of simulated subscribers
    uint8_t m_indBits;                   //!< length of IND in bits
    uint64_t m_delta;                    //!< Delta used to judge SQN_HE in range
    Ptr<UniformRandomVariable> m_random; //!< RAND source

    uint64_t m_vectorsIssued;  //!< vectors issued
    uint64_t m_resyncs;        //!< authentic AUTS processed
    uint64_t m_resyncFailures; //!< AUTS with a wrong MAC-S
    uint64_t m_unknownUsers;   //!< requests for unknown identities

    TracedCallback<const std::string&, const AkaVector&> m_vectorIssuedTrace; //!< vectors
    TracedCallback<const std::string&, uint64_t, bool> m_resyncTrace;         //!< resyncs
    TracedCallback<const std::string&> m_unknownUserTrace;                    //!< unknown
};

} // namespace ns3

#endif /* HSS_H */
