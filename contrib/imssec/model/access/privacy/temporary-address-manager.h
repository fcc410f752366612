/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef TEMPORARY_ADDRESS_MANAGER_H
#define TEMPORARY_ADDRESS_MANAGER_H

#include "randomized-interface-identifier.h"

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/ptr.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <list>
#include <unordered_map>
#include <vector>

namespace ns3
{

class Icmpv6OptionPrefixInformation;
class Ipv6L3Protocol;
class Node;
class Socket;
class UniformRandomVariable;

/**
 * \ingroup imssec
 * \brief RFC 3041 temporary (privacy) addresses on one IPv6 interface of a UE.
 *
 * Aggregated to the UE's node (node->GetObject<TemporaryAddressManager>()), it listens to the
 * Router Advertisements received on its interface (a raw ICMPv6 socket) next to ns-3's own
 * stateless autoconfiguration, which forms the public address (prefix + EUI-64 identifier).
 * For each advertised /64 with the A flag it keeps temporary addresses as RFC 3041 section 3
 * says:
 *
 * - the randomized interface identifier comes from the MD5 history algorithm of section 3.2.1
 *   (RandomizedInterfaceIdentifier), a new one for every temporary address, the initial
 *   history value drawn from an ns-3 random stream (or InitialHistory);
 * - valid lifetime = min(public valid lifetime, TempValidLifetime), preferred lifetime =
 *   min(public preferred lifetime, TempPreferredLifetime - DESYNC_FACTOR); no address when the
 *   latter is not above RegenAdvance;
 * - DESYNC_FACTOR is drawn uniformly in [0, MaxDesyncFactor] once per manager (RFC 3041/4941)
 *   or for each address (DesyncPerAddress, RFC 8981);
 * - the address is really added to the Ipv6Interface, so the stack accepts traffic for it;
 *   ns-3's Icmpv6L4Protocol runs DAD; when DAD reports a duplicate the address is removed and
 *   a new identifier tried, at most 1 + TempIdgenRetries times in a row, after which the
 *   manager gives up (logged, counted) as the RFC says;
 * - RegenAdvance before an address is deprecated its successor is generated; at the end of
 *   the preferred lifetime it is deprecated (Ipv6InterfaceAddress::DEPRECATED, still usable by
 *   what already uses it), at the end of the valid lifetime it is removed from the interface;
 * - at most MaxDeprecatedAddresses deprecated addresses that no upper layer uses
 *   (SetAddressInUseCallback) stay on the interface: the oldest beyond are removed early, as
 *   RFC 4941 3.4 (RFC 8981 3.4) allows; otherwise a short rotation interval under a week's
 *   valid lifetime piles up hundreds of addresses, and ns-3's IPv6 stack scans all of them
 *   for every packet;
 * - later RAs only lower the lifetimes of existing temporary addresses; a zero preferred
 *   lifetime deprecates them without regeneration, a zero valid lifetime (the GGSN's
 *   deactivation) removes them and the public address.
 *
 * ns-3's Ipv6L3Protocol::SourceAddressSelection ignores address states (it returns the last
 * global address of the interface), so an application must bind its socket to
 * GetCurrentAddress() itself; the IMS client does.
 */
class TemporaryAddressManager : public Object
{
  public:
    /// Sets of default constants.
    enum Preset
    {
        RFC_3041, //!< valid 1 week, preferred 1 day, regen 5 s, desync <= 10 min once, 5 retries
        RFC_4941, //!< as RFC 3041 with 3 retries
        RFC_8981  //!< valid 2 days, preferred 1 day, desync <= 0.4 day per address, 3 retries
    };

    /// The constants of a preset.
    struct Constants
    {
        Time validLifetime;     //!< TEMP_VALID_LIFETIME
        Time preferredLifetime; //!< TEMP_PREFERRED_LIFETIME
        Time regenAdvance;      //!< REGEN_ADVANCE
        Time maxDesyncFactor;   //!< MAX_DESYNC_FACTOR
        uint32_t idgenRetries;  //!< TEMP_IDGEN_RETRIES
        bool desyncPerAddress;  //!< DESYNC_FACTOR drawn per address (RFC 8981)
    };

    /// The state of a temporary address.
    enum State
    {
        TENTATIVE,  //!< DAD running
        PREFERRED,  //!< usable for new communication
        DEPRECATED, //!< usable by what already uses it
    };

    /// What the manager knows about one temporary address.
    struct TemporaryAddress
    {
        Ipv6Address address;   //!< the address
        Ipv6Address prefix;    //!< the /64 it was formed on
        State state;           //!< current state
        Time created;          //!< time it was added to the interface
        Time preferredUntil;   //!< end of the preferred lifetime (Time::Max() = infinite)
        Time validUntil;       //!< end of the valid lifetime (Time::Max() = infinite)
        Time desyncFactor;     //!< DESYNC_FACTOR used for its preferred lifetime
        Time dadCheckAt;       //!< when DAD's verdict is read
        bool successorStarted; //!< its successor has been generated
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    TemporaryAddressManager();
    ~TemporaryAddressManager() override;

    /**
     * \param preset a preset
     * \returns its constants
     */
    static Constants GetPresetConstants(Preset preset);

    /**
     * \brief Sets the constants of a preset (before the simulation starts).
     * \param preset the preset
     */
    void ApplyPreset(Preset preset);

    /**
     * \returns the address for new communication: the newest preferred temporary address;
     * the public address when UseTemporaryAddresses is false (or when no temporary address is
     * preferred and PublicFallback is true); :: when there is none (no prefix yet, or the
     * first temporary address still in DAD)
     */
    Ipv6Address GetCurrentAddress() const;

    /**
     * \param address an address
     * \returns true when it is a valid (preferred or deprecated) address managed here, public
     * or temporary
     */
    bool IsValid(Ipv6Address address) const;

    /**
     * \param address an address
     * \returns true when it is a preferred address managed here, public or temporary
     */
    bool IsPreferred(Ipv6Address address) const;

    /**
     * \param address an address
     * \returns true when it is one of the current (tentative, preferred or deprecated)
     * temporary addresses
     */
    bool IsTemporary(Ipv6Address address) const;

    /**
     * \returns true once a prefix has been learnt from a Router Advertisement
     */
    bool HasPrefix() const;

    /**
     * \returns the UE's prefix: the newest valid advertised prefix, :: when none
     */
    Ipv6Address GetPrefix() const;

    /**
     * \returns the length of GetPrefix() (64), 0 when none
     */
    uint8_t GetPrefixLength() const;

    /**
     * \returns the public (EUI-64) address formed on GetPrefix(), :: when none
     */
    Ipv6Address GetPublicAddress() const;

    /**
     * \returns the current temporary addresses, oldest first
     */
    std::vector<TemporaryAddress> GetTemporaryAddresses() const;

    /**
     * \returns the DESYNC_FACTOR drawn once for this manager (0 before the start; with
     * DesyncPerAddress the one of the newest address)
     */
    Time GetDesyncFactor() const;

    /**
     * \returns the IPv6 interface index managed
     */
    uint32_t GetInterface() const;

    /** \returns the number of temporary addresses that became preferred */
    uint64_t GetNGenerated() const;
    /** \returns the number of temporary addresses deprecated */
    uint64_t GetNDeprecated() const;
    /** \returns the number of temporary addresses invalidated (removed) */
    uint64_t GetNInvalidated() const;
    /** \returns the number of DAD failures of temporary addresses */
    uint64_t GetNDadFailures() const;
    /** \returns the number of Router Advertisements processed */
    uint64_t GetNRouterAdvertisements() const;
    /** \returns the number of received RAs discarded as invalid (RFC 4861 6.1.2) */
    uint64_t GetNInvalidRouterAdvertisements() const;
    /** \returns true when the manager gave up after repeated DAD failures */
    bool HasGivenUp() const;

    /**
     * \brief Assigns a fixed random variable stream number.
     * \param stream first stream index to use
     * \returns the number of stream indices assigned (1)
     */
    int64_t AssignStreams(int64_t stream);

    /**
     * Callback that tells whether an upper layer still uses an address (a registration, a
     * session): such a deprecated address is kept until its valid lifetime ends.
     */
    typedef Callback<bool, Ipv6Address> InUseCallback;

    /**
     * \brief Sets who is asked before a deprecated address is removed early.
     * \param callback returns true for an address in use (a null callback: none is)
     */
    void SetAddressInUseCallback(InUseCallback callback);

    /** \returns the number of unused deprecated addresses removed before their valid
     * lifetime ended (MaxDeprecatedAddresses); GetNInvalidated() counts them too */
    uint64_t GetNRemovedUnused() const;

    /**
     * TracedCallback signature of the address events.
     * \param address the address
     * \param time the simulation time of the event
     */
    typedef void (*AddressTracedCallback)(Ipv6Address address, Time time);

  protected:
    void DoInitialize() override;
    void DoDispose() override;
    void NotifyNewAggregate() override;

  private:
    /// What the manager knows about one advertised prefix.
    struct PrefixInfo
    {
        Ipv6Address prefix;        //!< the /64
        Ipv6Address publicAddress; //!< prefix + EUI-64 identifier
        Ipv6Address router;        //!< the advertising router (link-local)
        Time preferredUntil;       //!< end of the public preferred lifetime
        Time validUntil;           //!< end of the public valid lifetime
        bool regenerationBlocked;  //!< a zero preferred lifetime was advertised
    };

    /// Opens the RA socket and draws the random values (once).
    void Start();

    /**
     * \brief Reads Router Advertisements from the raw socket.
     * \param socket the socket
     */
    void HandleRead(Ptr<Socket> socket);

    /**
     * \brief Applies the Prefix Information options of an RA, after ns-3's own SLAAC ran.
     * \param router the RA's source
     * \param options the Prefix Information options
     */
    void ProcessRouterAdvertisement(Ipv6Address router,
                                    std::vector<Icmpv6OptionPrefixInformation> options);

    /**
     * \brief Applies one Prefix Information option.
     * \param router the RA's source
     * \param option the option
     */
    void ProcessPrefix(Ipv6Address router, const Icmpv6OptionPrefixInformation& option);

    /**
     * \brief Creates a temporary address on a prefix (RFC 3041 3.3 steps 3 to 5).
     * \param prefixIndex index in m_prefixes
     */
    void CreateTemporaryAddress(std::size_t prefixIndex);

    /**
     * \returns the next randomized interface identifier
     */
    RandomizedInterfaceIdentifier::Bytes NextIdentifier();

    /// Runs every action that is due and schedules the next one.
    void Process();

    /// Schedules the single timer at the earliest pending action.
    void ScheduleNext();

    /**
     * \param t a temporary address
     * \returns the time of its next action (Time::Max() when none)
     */
    Time NextAction(const TemporaryAddress& t) const;

    /**
     * \brief Removes the oldest unused deprecated addresses beyond MaxDeprecatedAddresses
     * (RFC 4941 3.4: a deprecated temporary address no upper layer uses may go).
     */
    void RemoveUnusedDeprecated();

    /**
     * \brief Forgets a temporary address, removes it from the interface and reports it
     * invalid.
     * \param it the address in m_temps
     * \returns the next element of m_temps
     */
    std::list<TemporaryAddress>::iterator Invalidate(std::list<TemporaryAddress>::iterator it);

    /**
     * \brief Removes a temporary address from the interface.
     * \param address the address
     */
    void RemoveFromInterface(Ipv6Address address);

    /**
     * \param prefix a /64
     * \returns its index in m_prefixes, or -1
     */
    int32_t FindPrefix(Ipv6Address prefix) const;

    /**
     * \param address an address
     * \returns true when the address is already assigned to the interface by this manager
     * (a temporary or a public address; an index lookup, no scan of the interface)
     */
    bool IsAssigned(Ipv6Address address) const;

    /**
     * \param address an address
     * \returns its entry in m_temps, nullptr when it is not a current temporary address
     */
    const TemporaryAddress* FindTemporary(Ipv6Address address) const;

    /**
     * \brief Reports the public address once ns-3's DAD for it is over.
     * \param address the public address
     */
    void CheckPublicAddress(Ipv6Address address);

    /**
     * \returns the DAD verdict delay of the node's Icmpv6L4Protocol
     */
    Time GetDadDelay() const;

    // Parameters
    uint32_t m_interface;             //!< managed IPv6 interface
    bool m_enabled;                   //!< UseTemporaryAddresses
    bool m_publicFallback;            //!< current address falls back to the public one
    Time m_validLifetime;             //!< TEMP_VALID_LIFETIME
    Time m_preferredLifetime;         //!< TEMP_PREFERRED_LIFETIME
    Time m_regenAdvance;              //!< REGEN_ADVANCE
    Time m_maxDesyncFactor;           //!< MAX_DESYNC_FACTOR
    bool m_desyncPerAddress;          //!< DESYNC_FACTOR per address (RFC 8981)
    uint32_t m_idgenRetries;          //!< TEMP_IDGEN_RETRIES
    uint32_t m_maxDeprecated;         //!< MaxDeprecatedAddresses
    uint64_t m_initialHistory;        //!< initial history value (0: random)
    Ptr<UniformRandomVariable> m_rng; //!< DESYNC_FACTOR and initial history

    // State
    Ptr<Node> m_node;                                   //!< the UE node
    Ptr<Ipv6L3Protocol> m_ipv6;                         //!< its IPv6 stack
    Ptr<Socket> m_socket;                               //!< raw ICMPv6 socket
    bool m_started;                                     //!< Start() done
    Time m_desyncFactor;                                //!< DESYNC_FACTOR
    RandomizedInterfaceIdentifier m_idGenerator;        //!< RFC 3041 3.2.1 state
    RandomizedInterfaceIdentifier::Bytes m_interfaceId; //!< the EUI-64 identifier
    std::vector<PrefixInfo> m_prefixes;                 //!< advertised prefixes
    std::list<TemporaryAddress> m_temps;                //!< temporary addresses, oldest first
    std::unordered_map<Ipv6Address, std::list<TemporaryAddress>::iterator, Ipv6AddressHash>
        m_tempIndex;                   //!< m_temps by address
    InUseCallback m_inUse;             //!< upper layers' use of addresses
    uint32_t m_consecutiveDadFailures; //!< DAD failures in a row
    bool m_gaveUp;                     //!< gave up after DAD failures
    EventId m_timer;                   //!< the single timer
    Time m_timerAt;                    //!< when m_timer expires

    // Statistics
    uint64_t m_nGenerated;     //!< addresses that became preferred
    uint64_t m_nDeprecated;    //!< addresses deprecated
    uint64_t m_nInvalidated;   //!< addresses removed
    uint64_t m_nRemovedUnused; //!< of which unused deprecated ones removed early
    uint64_t m_nDadFailures;   //!< DAD failures
    uint64_t m_nRas;           //!< RAs processed
    uint64_t m_nBadRas;        //!< RAs discarded

    TracedCallback<Ipv6Address, Time> m_generatedTrace;   //!< became preferred
    TracedCallback<Ipv6Address, Time> m_deprecatedTrace;  //!< deprecated
    TracedCallback<Ipv6Address, Time> m_invalidatedTrace; //!< invalidated
    TracedCallback<Ipv6Address, Time> m_dadFailureTrace;  //!< DAD found a duplicate
    TracedCallback<Ipv6Address, Time> m_publicTrace;      //!< public address configured
};

} // namespace ns3

#endif /* TEMPORARY_ADDRESS_MANAGER_H */
