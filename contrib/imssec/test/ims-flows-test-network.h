/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IMS_FLOWS_TEST_NETWORK_H
#define IMS_FLOWS_TEST_NETWORK_H

#include "ims-test-network.h"

#include "ns3/ims-network-helper.h"
#include "ns3/ipsec-sa-set-parameters.h"
#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/pcscf-counters.h"
#include "ns3/security-mechanism.h"

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

class IpsecStack;

namespace tests
{

/**
 * \ingroup imssec-tests
 * A whole imssec network built by ImsNetworkHelper (UEs, GGSN, P-CSCF, S-CSCF with HSS,
 * remote party) with two sniffers: the first UE's access link (UE -- GGSN) and the P-CSCF's
 * core link (GGSN -- P-CSCF, which carries both the UE side and the S-CSCF side of the
 * P-CSCF's traffic: ScscfSide() selects the latter).  Every UDP or ESP packet put on either link
 * (PhyTxBegin of both ends, so packets the loss model later drops are seen too) is decoded
 * independently of the model (WirePacket: IPv6, UDP, ESP SPI and sequence number, SIP parsed with
 * the module's codec).  The P-CSCF's SA set events and the first UE's addresses are recorded too.
 *
 * Seeds are fixed (RngSeedManager seed 1, run 1) and the streams assigned, so a case is
 * reproducible.  The destructor destroys the simulator while the sinks still exist.
 */
class FlowsTestNetwork : public TestNetwork
{
  public:
    /** Called on the helper before Install. */
    typedef std::function<void(ImsNetworkHelper&)> Configure;

    /** A P-CSCF SA set event. */
    struct SaEvent
    {
        Time time;                                  //!< when
        bool created{false};                        //!< created (else deleted)
        std::string impi;                           //!< whose
        uint32_t handle{0};                         //!< set handle
        IpsecSaSetParameters p;                     //!< parameters (created only)
        PcscfSaSetEnd why{PcscfSaSetEnd::REPLACED}; //!< why deleted (deleted only)
    };

    /**
     * \param nUes number of UEs
     * \param configure called on the helper before Install (may be null)
     * \param run RngSeedManager run number
     */
    FlowsTestNetwork(uint32_t nUes, const Configure& configure, uint64_t run = 1);
    /** Destroys the simulator while the trace sinks here still exist. */
    ~FlowsTestNetwork() override;

    /**
     * \param link access or core
     * \param from only packets at or after this time
     * \param to only packets before this time
     * \returns the SIP packets of both directions in that interval
     */
    static std::vector<WirePacket> Sip(const std::vector<WirePacket>& link,
                                       Time from = Seconds(0),
                                       Time to = Time::Max());

    /**
     * \returns the SIP packets on the P-CSCF's link that go to or come from the S-CSCF
     *          (fromUe: toward the S-CSCF)
     */
    std::vector<WirePacket> ScscfSide() const;
    /**
     * \param i UE index from 0
     * \returns its IMS client
     */
    Ptr<ImsUeClient> Ue(uint32_t i = 0) const;
    /**
     * \param i UE index from 0
     * \returns its IPsec layer
     */
    Ptr<IpsecStack> UeIpsec(uint32_t i = 0) const;
    /** \returns the P-CSCF's IPsec layer */
    Ptr<IpsecStack> PcscfIpsec() const;
    /** \returns the P-CSCF's SA sets of ue1 (current, then pending; 0 when none) */
    std::pair<uint32_t, uint32_t> PcscfSets() const;
    /**
     * \param created created events (else deleted events)
     * \param from only events at or after this time
     * \returns how many P-CSCF SA set events of that kind
     */
    uint32_t CountSaEvents(bool created, Time from = Seconds(0)) const;
    /**
     * \brief Loses the packets a rule selects on the way UE1 -> GGSN (replaces the access
     * link's loss model on the GGSN's end).
     * \param rule returns true to drop
     */
    void DropUpstream(ImsTestDropModel::Rule rule);
    ImsNetwork net;                                      //!< what the helper built
    std::vector<WirePacket> access;                      //!< UE1 -- GGSN
    std::vector<WirePacket> core;                        //!< GGSN -- P-CSCF
    std::vector<SaEvent> saEvents;                       //!< P-CSCF SA set events
    std::vector<std::pair<Time, Ipv6Address>> generated; //!< UE1 temporary addresses
};

/**
 * \ingroup imssec-tests
 * \param message a message with a Contact
 * \returns the port of its first Contact URI (0 when none)
 */
uint16_t FlowsContactPort(const SipMessage& message);

/**
 * \ingroup imssec-tests
 * \param message a message with a Contact
 * \returns the host of its first Contact URI as an address (:: when none)
 */
Ipv6Address FlowsContactAddress(const SipMessage& message);

/**
 * \ingroup imssec-tests
 * Configures fast RFC 3041 rotation: TEMP_PREFERRED_LIFETIME 300 s, TEMP_VALID_LIFETIME
 * 900 s, no DESYNC_FACTOR, so the first rotation comes REGEN_ADVANCE (5 s) before 300 s after
 * the first address.
 * \param helper the helper
 */
void FlowsFastRotation(ImsNetworkHelper& helper);

} // namespace tests
} // namespace ns3

#endif /* IMS_FLOWS_TEST_NETWORK_H */
