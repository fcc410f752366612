/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IMS_UE_SECURITY_H
#define IMS_UE_SECURITY_H

#include "ns3/ims-sec-agree.h"
#include "ns3/ipsec-sa-set-parameters.h"
#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"
#include "ns3/random-variable-stream.h"
#include "ns3/security-mechanism.h"
#include "ns3/sip-target.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ns3
{

class IpsecStack;
class SipTransport;

/**
 * \ingroup imssec
 * \brief The UE's side of sec-agree (RFC 3329, TS 33.203): what it offers in Security-Client
 * and the SA sets it holds.
 *
 * Every registration attempt gets a fresh offer (NewOffer): new spi-c/spi-s drawn at random
 * (not below 256, distinct, and not the SPI of an inbound SA of the node) and a new port-c
 * drawn at random in [PortBase, PortBase + PortRange), not a port of the sets held:
 * predictable SPIs and ports would help an attacker spoof the protected channel (real
 * P-CSCFs and UEs draw them too).  The draws come from one random variable stream
 * (AssignStreams), so a run is reproducible per seed.  The protected server port
 * port-s is new for an initial registration only: a re-registration keeps the port-s of the
 * active set for the whole lifetime of the registration (TS 33.203 7.1 and 7.4), so that the
 * registered Contact and every dialog's remote target (both name port-s) stay reachable
 * through the new SAs once the old ones are gone.  One `ipsec-3gpp` mechanism
 * per integrity algorithm, preferred first, all with the same SPIs and ports, and
 * `addr-pref-length` when configured; without q values (RFC 3329 2.3.1: "The client SHOULD
 * NOT add preference parameters to this list") unless SetSendQ asks for them.  The answer's
 * Security-Server is checked and an SA set installed as the *pending* set (both protected ports
 * opened on the transport); on the 200 it replaces the *active* set, whose SAs are deleted and
 * ports closed only then, so that old and new sets coexist during a re-registration and no message
 * finds no SA (TS 33.203 7.4).
 */
class ImsUeSecurity
{
  public:
    /** One registration attempt's Security-Client values. */
    struct Offer
    {
        uint32_t spiC{0};                          //!< spi-c (inbound at port-c)
        uint32_t spiS{0};                          //!< spi-s (inbound at port-s)
        uint16_t portC{0};                         //!< protected client port
        uint16_t portS{0};                         //!< protected server port
        std::vector<SecurityMechanism> mechanisms; //!< the Security-Client list
    };

    /** An SA set the UE holds. */
    struct SaSet
    {
        uint32_t handle{0};              //!< IpsecStack handle (0: none)
        IpsecSaSetParameters parameters; //!< what was installed
        std::string serverList;          //!< the Security-Server list it came from, as text

        /** \returns the Security-Server list (what Security-Verify repeats) */
        std::vector<SecurityMechanism> GetServerList() const;
    };

    ImsUeSecurity();

    /**
     * \brief Sets the layers used (StartApplication).
     * \param ipsec the node's IPsec layer
     * \param transport the UE's transport (protected ports)
     */
    void SetLayers(Ptr<IpsecStack> ipsec, Ptr<SipTransport> transport);

    /**
     * \param algorithms integrity algorithms offered, preferred first (e.g. hmac-sha-1-96)
     * \param addrPrefLength the addr-pref-length to send (nullopt: none)
     */
    void SetOffer(const std::vector<std::string>& algorithms,
                  std::optional<uint8_t> addrPrefLength);

    /**
     * \param sendQ put q values (descending, preferred first) in Security-Client, which
     *        RFC 3329 2.3.1 advises against (default false)
     */
    void SetSendQ(bool sendQ);

    /**
     * \param offerSuites add `suite` (IpsecSuite) beside alg/ealg to the mechanisms whose
     *        algorithms a suite names (default false)
     */
    void SetOfferSuites(bool offerSuites);

    /**
     * \param base first protected port
     * \param range number of ports drawn from, from base (at least 4)
     */
    void SetAllocation(uint16_t base, uint16_t range);

    /**
     * \brief Assigns the stream of the SPI and port draws.
     * \param stream the stream index
     * \returns the number of streams assigned (1)
     */
    int64_t AssignStreams(int64_t stream);

    /**
     * \brief Makes the Security-Client values of a registration attempt.
     * \param reregistration true for a re-registration through the active set: the active
     *        set's port-s is kept (TS 33.203 7.4); false (or no active set): new port-s too
     * \returns the offer: new SPIs and a new port-c in every case
     */
    Offer NewOffer(bool reregistration = false);

    /**
     * \brief Chooses the Security-Server mechanism to use (RFC 3329 2.2: highest q among
     * those the client supports): ipsec-3gpp, an alg the offer contains, ealg null, prot
     * esp, mod trans (absent values taken as these), spi and port values present.
     * \param serverList the Security-Server list
     * \param offer the offer it answers
     * \returns the index in serverList, nullopt when none fits
     */
    std::optional<size_t> ChooseServerMechanism(const std::vector<SecurityMechanism>& serverList,
                                                const Offer& offer) const;

    /**
     * \brief Installs the pending SA set for an offer and the server's answer, and opens the
     * offer's protected ports.  A pending set held already is discarded first.
     * \param offer the offer
     * \param serverList the Security-Server list (kept for Security-Verify)
     * \param chosen the chosen mechanism's index (ChooseServerMechanism)
     * \param ueAddress the UE address the registration is sent from
     * \param pcscfAddress the P-CSCF's address
     * \param ik IK from the USIM
     * \param ck CK from the USIM
     * \param lifetime SA lifetime until the registration completes
     * \param[out] error why it failed
     * \returns true when installed
     */
    bool InstallPending(const Offer& offer,
                        const std::vector<SecurityMechanism>& serverList,
                        size_t chosen,
                        Ipv6Address ueAddress,
                        Ipv6Address pcscfAddress,
                        const IpsecIntegrity::AkaKey& ik,
                        const IpsecIntegrity::AkaKey& ck,
                        Time lifetime,
                        std::string* error);

    /**
     * \brief The pending set becomes the active one; the old active set is deleted and its
     * ports closed.
     * \param lifetime the new lifetime of the SAs (registration expiry + margin)
     * \returns false when there is no pending set
     */
    bool PromotePending(Time lifetime);

    /**
     * \brief Extends the active set (a re-registration the network did not challenge).
     * \param lifetime new lifetime from now
     * \returns false when there is no active set
     */
    bool ExtendActive(Time lifetime);

    /** \brief Deletes the pending set (if any) and closes its ports. */
    void DiscardPending();

    /** \brief Deletes every set and closes every protected port. */
    void Clear();

    /**
     * \brief Forgets a set the IPsec layer removed by itself (expiry): its ports are closed.
     * \param handle the set's handle
     * \returns true when it was the active set
     */
    bool Forget(uint32_t handle);

    /** \returns true when an active set exists */
    bool HasActive() const;
    /** \returns true when a pending set exists */
    bool HasPending() const;
    /** \returns the active set (handle 0 when none) */
    const SaSet& GetActive() const;
    /** \returns the pending set (handle 0 when none) */
    const SaSet& GetPending() const;

    /**
     * \param address an address of the UE
     * \returns true when the active set's UE-side selector contains it
     */
    bool ActiveCovers(Ipv6Address address) const;

    /**
     * \param source the UE address to send from
     * \returns where a request goes through the active set: source, port-c -> P-CSCF, its
     *          port-s, protected
     */
    SipTarget GetActiveRequestTarget(Ipv6Address source) const;

  private:
    /**
     * \param offer an offer
     * \param alg an integrity algorithm
     * \returns the offer's mechanism with that algorithm (given as alg or by a suite),
     *          nullptr when none
     */
    static const SecurityMechanism* FindOffered(const Offer& offer, const std::string& alg);

    /**
     * \param port a port
     * \returns true when neither set held uses the port and the transport has not opened it
     */
    bool IsPortFree(uint16_t port) const;

    /**
     * \param avoid a port the draw must not return (0: none)
     * \returns a free port drawn in the range, 0 when none was found
     */
    uint16_t DrawPort(uint16_t avoid);

    /**
     * \param set a set
     * \param port a port
     * \returns true when the set uses the port
     */
    static bool Uses(const SaSet& set, uint16_t port);

    /**
     * \brief Deletes a set and closes its ports that the other set does not use.
     * \param set the set (reset afterwards)
     * \param other the other set
     */
    void Remove(SaSet& set, const SaSet& other);

    Ptr<IpsecStack> m_ipsec;                 //!< the node's IPsec layer
    Ptr<SipTransport> m_transport;           //!< the UE's transport
    std::vector<std::string> m_algorithms;   //!< alg values offered
    std::optional<uint8_t> m_addrPrefLength; //!< addr-pref-length offered
    bool m_sendQ;                            //!< q values in Security-Client
    bool m_offerSuites;                      //!< suite in Security-Client
    uint16_t m_portBase;                     //!< first protected port
    uint16_t m_portRange;                    //!< number of protected ports
    Ptr<UniformRandomVariable> m_random;     //!< SPI and port draws
    SaSet m_active;                          //!< the registration's set
    SaSet m_pending;                         //!< the set being negotiated
};

} // namespace ns3

#endif /* IMS_UE_SECURITY_H */
