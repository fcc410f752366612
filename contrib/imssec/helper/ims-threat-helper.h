/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IMS_THREAT_HELPER_H
#define IMS_THREAT_HELPER_H

#include "ns3/application.h"
#include "ns3/attribute.h"
#include "ns3/ims-network-helper.h"
#include "ns3/node.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

class SipBiddingDownTap;

/**
 * \ingroup imssec
 * \brief Adds one attack to an imssec network built by ImsNetworkHelper, and collects what
 * became of it as `threat_*` metrics.
 *
 * Attacks (Install's name): none, bidding-down-server, bidding-down-client,
 * on-prefix-spoof, off-prefix-spoof, replay-esp, replay-register, hijack, wrong-res, flood.
 * The victim is UE Victim (index from 0, default 0).  Every attack but the MITM taps runs
 * on an attacker node linked to the GGSN's core side (ImsAccessHelper::AttachCoreNode),
 * with an IPv6 stack and the IPsec layer; the taps sit on the victim's access link.  The
 * attack starts at AttackTime (default 30 s: after the initial registrations), except the
 * taps and the sniffers, which are in place from the start.
 *
 * Use: build the network, call Install(helper, net, name) before Simulator::Run(), call
 * Collect() after it (before Simulator::Destroy()).
 */
class ImsThreatHelper
{
  public:
    ImsThreatHelper();
    ~ImsThreatHelper();
    /**
     * \param other a helper (its settings are copied; the copy shares its measurements)
     */
    ImsThreatHelper(const ImsThreatHelper& other);
    /**
     * \param other a helper
     * \returns this helper
     */
    ImsThreatHelper& operator=(const ImsThreatHelper& other);

    /**
     * \param name an attribute of the attack's application or tap (SipBiddingDownTap,
     *        EspAttacker, RogueRegisterClient, SipFloodApplication); applied when the type
     *        has it
     * \param value its value
     */
    void SetAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \param time when the attack starts (attacker applications)
     */
    void SetAttackTime(Time time);

    /**
     * \param index the victim UE (from 0)
     */
    void SetVictim(uint32_t index);

    /**
     * \param rate Pcscf ProcessingRate set by Install (messages/s; 0: infinite)
     * \param queueLimit Pcscf QueueLimit
     */
    void SetPcscfProcessing(double rate, uint32_t queueLimit);

    /** \returns the attack names Install accepts */
    static std::vector<std::string> GetAttackNames();

    /**
     * \brief Installs an attack.
     * \param helper the helper that built net (its access helper attaches the attacker)
     * \param net the network
     * \param attack an attack name (GetAttackNames)
     * \returns false when the name is unknown (nothing installed)
     */
    bool Install(ImsNetworkHelper& helper, ImsNetwork& net, const std::string& attack);

    /**
     * \brief Adds the attack's metrics (all named threat_*; the same names for every
     * attack, zero where they do not apply).
     *
     * threat_attempts (messages rewritten, ESP packets sent, rogue registrations started or
     * flood datagrams sent), threat_success (1 when the attack achieved what it wanted:
     * a downgraded registration, attack traffic delivered to SIP, a rogue 200 OK, or a UE
     * registration lost during a flood; must be 0 with the defences on),
     * threat_downgraded_registrations, threat_494_bidding_down, threat_pcscf_bad_icv,
     * threat_pcscf_bad_icv_total (every BAD_ICV drop at the P-CSCF, attack-tagged or not),
     * threat_pcscf_replay, threat_pcscf_source_outside_selector, threat_pcscf_other_drops
     * (P-CSCF IPsec drops of attack packets), threat_delivered_to_sip, threat_rogue_registered,
     * threat_rogue_403, threat_rogue_timeouts, threat_victim_registered,
     * threat_victim_sa_unchanged, threat_flood_sent, threat_pcscf_queue_drops,
     * threat_pcscf_queue_max, threat_pcscf_queue_delay_mean_ms,
     * threat_pcscf_queue_delay_max_ms, threat_ue_registrations_completed,
     * threat_ue_registrations_failed, threat_ue_registration_time_mean_ms,
     * threat_ue_sessions_established, threat_ue_setup_delay_mean_ms.
     * \param metrics receives the values
     */
    void Collect(std::map<std::string, double>& metrics) const;

    /** \returns the attacker node (nullptr for none or the taps) */
    Ptr<Node> GetAttackerNode() const;

    /** \returns the attack application (nullptr for none or the taps) */
    Ptr<Application> GetApplication() const;

    /** \returns the tap (bidding-down attacks), else nullptr */
    Ptr<SipBiddingDownTap> GetTap() const;

    /// Shared measurement state (trace sinks); defined in the .cc.
    struct State;

  private:
    std::vector<std::pair<std::string, Ptr<AttributeValue>>> m_attributes; //!< attributes
    Time m_attackTime;                                                     //!< start
    uint32_t m_victim;                                                     //!< victim UE
    double m_processingRate; //!< P-CSCF rate (< 0: unchanged)
    uint32_t m_queueLimit;   //!< P-CSCF queue limit
    Ptr<State> m_state;      //!< what the traces measure
};

} // namespace ns3

#endif /* IMS_THREAT_HELPER_H */
