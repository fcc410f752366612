/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ims-threat-helper.h"

#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/esp-attacker.h"
#include "ns3/hss.h"
#include "ns3/icmpv6-l4-protocol.h"
#include "ns3/ims-ue-client.h"
#include "ns3/ipsec-helper.h"
#include "ns3/ipsec-stack.h"
#include "ns3/log.h"
#include "ns3/pcscf.h"
#include "ns3/point-to-point-channel.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/pointer.h"
#include "ns3/remote-party.h"
#include "ns3/rogue-register-client.h"
#include "ns3/scscf.h"
#include "ns3/simple-ref-count.h"
#include "ns3/simulator.h"
#include "ns3/sip-bidding-down-tap.h"
#include "ns3/sip-flood-application.h"
#include "ns3/string.h"
#include "ns3/threat-tag.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecThreatHelper");

/// What the trace sinks measure during a run.
struct ImsThreatHelper::State : public SimpleRefCount<ImsThreatHelper::State>
{
    std::string attack{"none"};                       //!< the attack installed
    ImsNetwork net;                                   //!< the network
    uint32_t victim{0};                               //!< victim UE
    std::string victimImpi;                           //!< its IMPI
    Ptr<Node> attacker;                               //!< attacker node
    Ptr<Application> app;                             //!< attacker application
    Ptr<SipBiddingDownTap> tap;                       //!< MITM tap
    uint64_t downgraded{0};                           //!< registrations on a weaker alg
    std::map<IpsecStack::DropReason, uint64_t> drops; //!< P-CSCF drops of attack packets
    uint64_t delivered{0};                            //!< attack packets accepted by the P-CSCF
    uint64_t regCompleted{0};                         //!< UE registrations completed
    uint64_t regFailed{0};                            //!< UE registrations failed
    uint64_t regFailedDuringAttack{0};                //!< ... after the attack started
    double regTimeSum{0};                             //!< sum of registration durations (s)
    Time attackTime;                                  //!< attack start
    uint32_t victimSetAtAttack{0};                    //!< P-CSCF's victim set when the attack began

    /**
     * \param alg an algorithm
     * \returns true when weaker than the strongest both sides support (HMAC-SHA-1-96)
     */
    static bool Weak(IpsecIntegrityAlgorithm alg)
    {
        return alg != IpsecIntegrityAlgorithm::HMAC_SHA1_96;
    }

    /**
     * \brief P-CSCF Registered sink.
     * \param impi the UE
     * \param handle its set
     * \param expires granted expiry
     */
    void PcscfRegistered(const std::string& impi, uint32_t handle, Time /* expires */)
    {
        IpsecSaSetParameters p;
        if (net.pcscfApp->GetIpsecStack()->GetSaSetParameters(handle, p) && Weak(p.alg))
        {
            NS_LOG_WARN("P-CSCF registered " << impi << " on a weaker algorithm");
            ++downgraded;
        }
    }

    /**
     * \brief UE RegistrationCompleted sink.
     * \param ue UE index (context)
     * \param cause the cause
     * \param duration how long it took
     * \param expires granted expiry
     */
    void UeRegistered(std::string ue,
                      ImsRegistrationCause /* cause */,
                      Time duration,
                      uint32_t /* expires */)
    {
        ++regCompleted;
        regTimeSum += duration.GetSeconds();
        Ptr<ImsUeClient> c = net.GetUeClient(std::stoul(ue));
        Ptr<IpsecStack> ipsec = c->GetNode()->GetObject<IpsecStack>();
        IpsecSaSetParameters p;
        if (c->GetSecurity().HasActive() &&
            ipsec->GetSaSetParameters(c->GetSecurity().GetActive().handle, p) && Weak(p.alg))
        {
            NS_LOG_WARN("UE " << ue << " registered on a weaker algorithm");
            ++downgraded;
        }
    }

    /**
     * \brief UE RegistrationFailed sink.
     * \param cause the cause
     * \param failure the failure
     * \param status the status code
     */
    void UeFailed(ImsRegistrationCause /* cause */,
                  ImsRegistrationFailure /* failure */,
                  uint16_t /* status */)
    {
        ++regFailed;
        if (attack != "none" && Simulator::Now() >= attackTime)
        {
            ++regFailedDuringAttack;
        }
    }

    /**
     * \brief P-CSCF IpsecStack Drop sink.
     * \param packet the packet
     * \param source its source
     * \param destination its destination
     * \param spi its SPI
     * \param reason why
     */
    void PcscfDrop(Ptr<const Packet> packet,
                   const Ipv6Address& /* source */,
                   const Ipv6Address& /* destination */,
                   uint32_t /* spi */,
                   IpsecStack::DropReason reason)
    {
        ThreatTag tag;
        if (packet->PeekPacketTag(tag))
        {
            ++drops[reason];
        }
    }

    /**
     * \brief P-CSCF IpsecStack InboundAccepted sink.
     * \param packet the packet
     * \param sa the SA
     */
    void PcscfAccepted(Ptr<const Packet> packet, Ptr<const IpsecSa> /* sa */)
    {
        ThreatTag tag;
        if (packet->PeekPacketTag(tag))
        {
            ++delivered;
        }
    }

    /** \brief Notes the victim's SA set when the attack begins. */
    void NoteVictimSet()
    {
        const PcscfRegistration* r = net.pcscfApp->FindRegistration(victimImpi);
        victimSetAtAttack = r ? r->currentSet : 0;
    }

    /**
     * \brief Drops the references to the network (a Simulator::ScheduleDestroy event).
     *
     * The trace sinks above hold this State, and the State held the network's nodes: the
     * P-CSCF's IpsecStack and the UE clients, aggregated to those nodes, kept them alive
     * through their own traces, so every run with an attack leaked the nodes at exit.
     */
    void Release()
    {
        net = ImsNetwork();
        attacker = nullptr;
        app = nullptr;
        tap = nullptr;
    }
};

ImsThreatHelper::ImsThreatHelper()
    : m_attackTime(Seconds(30)),
      m_victim(0),
      m_processingRate(-1),
      m_queueLimit(1000),
      m_state(Create<State>())
{
}

ImsThreatHelper::~ImsThreatHelper() = default;

ImsThreatHelper::ImsThreatHelper(const ImsThreatHelper& other) = default;

ImsThreatHelper& ImsThreatHelper::operator=(const ImsThreatHelper& other) = default;

void
ImsThreatHelper::SetAttribute(const std::string& name, const AttributeValue& value)
{
    m_attributes.emplace_back(name, value.Copy());
}

void
ImsThreatHelper::SetAttackTime(Time time)
{
    m_attackTime = time;
}

void
ImsThreatHelper::SetVictim(uint32_t index)
{
    m_victim = index;
}

void
ImsThreatHelper::SetPcscfProcessing(double rate, uint32_t queueLimit)
{
    m_processingRate = rate;
    m_queueLimit = queueLimit;
}

std::vector<std::string>
ImsThreatHelper::GetAttackNames()
{
    return {"none",
            "bidding-down-server",
            "bidding-down-client",
            "on-prefix-spoof",
            "off-prefix-spoof",
            "replay-esp",
            "replay-register",
            "hijack",
            "wrong-res",
            "flood"};
}

namespace
{

/**
 * \param object an object
 * \param attributes name/value pairs; those the object's type has are set
 */
void
Apply(Ptr<Object> object,
      const std::vector<std::pair<std::string, Ptr<AttributeValue>>>& attributes)
{
    for (const auto& [name, value] : attributes)
    {
        TypeId::AttributeInformation info;
        if (object->GetInstanceTypeId().LookupAttributeByName(name, &info))
        {
            object->SetAttribute(name, *value);
        }
    }
}

/**
 * \param ue a UE node
 * \returns its access device (the first point-to-point device)
 */
Ptr<PointToPointNetDevice>
AccessDevice(Ptr<Node> ue)
{
    for (uint32_t i = 0; i < ue->GetNDevices(); ++i)
    {
        Ptr<PointToPointNetDevice> d = DynamicCast<PointToPointNetDevice>(ue->GetDevice(i));
        if (d)
        {
            return d;
        }
    }
    return nullptr;
}

} // namespace

bool
ImsThreatHelper::Install(ImsNetworkHelper& helper, ImsNetwork& net, const std::string& attack)
{
    NS_LOG_FUNCTION(this << attack);
    std::vector<std::string> names = GetAttackNames();
    if (std::find(names.begin(), names.end(), attack) == names.end() || m_victim >= net.ues.GetN())
    {
        return false;
    }
    State& s = *m_state;
    s.attack = attack;
    s.net = net;
    s.victim = m_victim;
    StringValue victimImpi;
    net.GetUeClient(m_victim)->GetAttribute("Impi", victimImpi);
    s.victimImpi = victimImpi.Get();
    s.attackTime = m_attackTime;
    if (m_processingRate >= 0)
    {
        net.pcscfApp->SetAttribute("ProcessingRate", DoubleValue(m_processingRate));
        net.pcscfApp->SetAttribute("QueueLimit", UintegerValue(m_queueLimit));
    }

    // Measurements: registrations on both sides, the P-CSCF's IPsec drops of attack packets.
    net.pcscfApp->TraceConnectWithoutContext("Registered",
                                             MakeCallback(&State::PcscfRegistered, m_state));
    for (uint32_t i = 0; i < net.ues.GetN(); ++i)
    {
        net.GetUeClient(i)->TraceConnect("RegistrationCompleted",
                                         std::to_string(i),
                                         MakeCallback(&State::UeRegistered, m_state));
        net.GetUeClient(i)->TraceConnectWithoutContext("RegistrationFailed",
                                                       MakeCallback(&State::UeFailed, m_state));
    }
    Ptr<IpsecStack> pcscfIpsec = net.pcscf->GetObject<IpsecStack>();
    pcscfIpsec->TraceConnectWithoutContext("Drop", MakeCallback(&State::PcscfDrop, m_state));
    pcscfIpsec->TraceConnectWithoutContext("InboundAccepted",
                                           MakeCallback(&State::PcscfAccepted, m_state));
    Simulator::Schedule(m_attackTime, &State::NoteVictimSet, m_state);
    // After ns-3's NodeList has disposed the nodes (its destroy event was scheduled when the
    // first node was made): Collect reads the State before Simulator::Destroy.
    Simulator::ScheduleDestroy(&State::Release, m_state);
    if (attack == "none")
    {
        return true;
    }

    Ptr<Node> victimNode = net.ues.Get(m_victim);
    Ptr<PointToPointNetDevice> ueDevice = AccessDevice(victimNode);
    NS_ABORT_MSG_IF(!ueDevice, "ImsThreatHelper: the victim UE has no point-to-point device");
    if (attack == "bidding-down-server" || attack == "bidding-down-client")
    {
        // The UE's device sees the 401 coming in; the GGSN's end the REGISTER going up.
        bool server = attack == "bidding-down-server";
        Ptr<PointToPointChannel> channel = DynamicCast<PointToPointChannel>(ueDevice->GetChannel());
        Ptr<NetDevice> ggsnEnd =
            channel->GetDevice(0) == ueDevice ? channel->GetDevice(1) : channel->GetDevice(0);
        Ptr<NetDevice> device = server ? Ptr<NetDevice>(ueDevice) : ggsnEnd;
        s.tap = CreateObject<SipBiddingDownTap>();
        Apply(s.tap, m_attributes);
        s.tap->SetAttribute("Variant", StringValue(server ? "server" : "client"));
        PointerValue previous;
        device->GetAttribute("ReceiveErrorModel", previous);
        s.tap->SetNext(previous.Get<ErrorModel>());
        device->SetAttribute("ReceiveErrorModel", PointerValue(s.tap));
        return true;
    }

    // An attacker node on the GGSN's core side, with IPv6 (no DAD: it configures the
    // addresses it spoofs) and the IPsec layer.
    s.attacker = CreateObject<Node>();
    helper.GetAccessHelper().AttachCoreNode(s.attacker);
    Ptr<Icmpv6L4Protocol> icmp = s.attacker->GetObject<Icmpv6L4Protocol>();
    if (icmp)
    {
        icmp->SetAttribute("DAD", BooleanValue(false));
    }
    IpsecHelper ipsec;
    ipsec.Install(s.attacker);
    StringValue victimImpu;
    s.net.GetUeClient(s.victim)->GetAttribute("Impu", victimImpu);
    std::string impu = victimImpu.Get();

    if (attack == "on-prefix-spoof" || attack == "off-prefix-spoof" || attack == "replay-esp" ||
        attack == "replay-register")
    {
        Ptr<EspAttacker> a = CreateObject<EspAttacker>();
        Apply(a, m_attributes);
        bool replay = attack == "replay-esp" || attack == "replay-register";
        a->SetAttribute("Mode", StringValue(replay ? "replay" : "spoof"));
        a->SetAttribute("Source", StringValue(attack == "on-prefix-spoof" ? "on-prefix" : "own"));
        if (attack == "replay-register")
        {
            a->SetAttribute("Filter", StringValue("REGISTER"));
        }
        a->SetVictim(net.pcscfApp, s.victimImpi, impu);
        ueDevice->TraceConnectWithoutContext("MacTx", MakeCallback(&EspAttacker::Sniff, a));
        s.app = a;
    }
    else if (attack == "hijack" || attack == "wrong-res")
    {
        Ptr<RogueRegisterClient> c = CreateObject<RogueRegisterClient>();
        // hijack: the victim's identity, no key.  wrong-res: the victim's identity with the
        // real key (a cloned USIM) and a wrong RES; Mode=right-res makes it the control.
        c->SetAttribute("Mode", StringValue(attack));
        Apply(c, m_attributes);
        c->SetAttribute("PcscfAddress", Ipv6AddressValue(net.pcscfAddress));
        c->SetAttribute("Impi", StringValue(s.victimImpi));
        c->SetAttribute("Impu", StringValue(impu));
        if (attack == "wrong-res")
        {
            c->SetAkaCredentials(net.hss->GetSimulatedCredentials(s.victimImpi));
        }
        s.app = c;
    }
    else if (attack == "flood")
    {
        Ptr<SipFloodApplication> f = CreateObject<SipFloodApplication>();
        Apply(f, m_attributes);
        f->SetAttribute("Destination", Ipv6AddressValue(net.pcscfAddress));
        s.app = f;
    }
    s.attacker->AddApplication(s.app);
    s.app->SetStartTime(m_attackTime);
    return true;
}

void
ImsThreatHelper::Collect(std::map<std::string, double>& metrics) const
{
    const State& s = *m_state;
    const ImsNetwork& net = s.net;
    auto drop = [&s](IpsecStack::DropReason r) {
        auto it = s.drops.find(r);
        return it == s.drops.end() ? 0.0 : double(it->second);
    };
    double attempts = 0;
    double rogueRegistered = 0;
    double rogue403 = 0;
    double rogueTimeouts = 0;
    double floodSent = 0;
    if (s.tap)
    {
        attempts = s.tap->GetAttempts();
    }
    if (Ptr<EspAttacker> a = DynamicCast<EspAttacker>(s.app))
    {
        attempts = a->GetSent();
    }
    if (Ptr<RogueRegisterClient> c = DynamicCast<RogueRegisterClient>(s.app))
    {
        attempts = c->GetAttempts();
        rogueRegistered = c->GetRegistered();
        rogue403 = c->GetResponses(403);
        rogueTimeouts = c->GetTimeouts();
    }
    if (Ptr<SipFloodApplication> f = DynamicCast<SipFloodApplication>(s.app))
    {
        floodSent = f->GetGarbageSent() + f->GetRegistersSent();
        attempts = floodSent;
    }
    double otherDrops = 0;
    for (const auto& [reason, n] : s.drops)
    {
        if (reason != IpsecStack::BAD_ICV && reason != IpsecStack::REPLAY &&
            reason != IpsecStack::SOURCE_OUTSIDE_SELECTOR)
        {
            otherDrops += n;
        }
    }
    bool victimRegistered = false;
    bool victimUnchanged = false;
    if (net.pcscfApp)
    {
        victimRegistered = net.GetUeClient(s.victim)->IsRegistered();
        const PcscfRegistration* r = net.pcscfApp->FindRegistration(s.victimImpi);
        victimUnchanged = r && r->currentSet != 0 && r->currentSet == s.victimSetAtAttack;
    }
    double success = 0;
    if (s.attack == "flood")
    {
        success = s.regFailedDuringAttack > 0 ? 1 : 0;
    }
    else
    {
        success = (s.downgraded + s.delivered + rogueRegistered) > 0 ? 1 : 0;
    }
    double established = 0;
    double setupSum = 0;
    for (uint32_t i = 0; net.pcscfApp && i < net.ues.GetN(); ++i)
    {
        const ImsUeCounters& c = net.GetUeClient(i)->GetCounters();
        established += c.GetSessionsEstablished();
        setupSum += c.GetSetupDelays().GetMean() * c.GetSessionsEstablished();
    }
    metrics["threat_attempts"] = attempts;
    metrics["threat_success"] = success;
    metrics["threat_downgraded_registrations"] = s.downgraded;
    metrics["threat_494_bidding_down"] = net.pcscfApp ? net.pcscfApp->GetBiddingDownCount() : 0;
    metrics["threat_pcscf_bad_icv"] = drop(IpsecStack::BAD_ICV);
    metrics["threat_pcscf_bad_icv_total"] =
        net.pcscfApp ? net.pcscf->GetObject<IpsecStack>()->GetDropCount(IpsecStack::BAD_ICV) : 0;
    metrics["threat_pcscf_replay"] = drop(IpsecStack::REPLAY);
    metrics["threat_pcscf_source_outside_selector"] = drop(IpsecStack::SOURCE_OUTSIDE_SELECTOR);
    metrics["threat_pcscf_other_drops"] = otherDrops;
    metrics["threat_delivered_to_sip"] = s.delivered;
    metrics["threat_rogue_registered"] = rogueRegistered;
    metrics["threat_rogue_403"] = rogue403;
    metrics["threat_rogue_timeouts"] = rogueTimeouts;
    metrics["threat_victim_registered"] = victimRegistered ? 1 : 0;
    metrics["threat_victim_sa_unchanged"] = victimUnchanged ? 1 : 0;
    metrics["threat_flood_sent"] = floodSent;
    metrics["threat_pcscf_queue_drops"] = net.pcscfApp ? net.pcscfApp->GetQueueDrops() : 0;
    metrics["threat_pcscf_queue_max"] = net.pcscfApp ? net.pcscfApp->GetQueueMaxLength() : 0;
    metrics["threat_pcscf_queue_delay_mean_ms"] =
        net.pcscfApp ? net.pcscfApp->GetMeanQueueDelay().GetSeconds() * 1000 : 0;
    metrics["threat_pcscf_queue_delay_max_ms"] =
        net.pcscfApp ? net.pcscfApp->GetMaxQueueDelay().GetSeconds() * 1000 : 0;
    metrics["threat_ue_registrations_completed"] = s.regCompleted;
    metrics["threat_ue_registrations_failed"] = s.regFailed;
    metrics["threat_ue_registration_time_mean_ms"] =
        s.regCompleted ? s.regTimeSum / s.regCompleted * 1000 : 0;
    metrics["threat_ue_sessions_established"] = established;
    metrics["threat_ue_setup_delay_mean_ms"] = established ? setupSum / established * 1000 : 0;
}

Ptr<Node>
ImsThreatHelper::GetAttackerNode() const
{
    return m_state->attacker;
}

Ptr<Application>
ImsThreatHelper::GetApplication() const
{
    return m_state->app;
}

Ptr<SipBiddingDownTap>
ImsThreatHelper::GetTap() const
{
    return m_state->tap;
}

} // namespace ns3
