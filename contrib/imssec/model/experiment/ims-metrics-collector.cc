/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ims-metrics-collector.h"

#include "ns3/abort.h"
#include "ns3/callback.h"
#include "ns3/ims-ue-causes.h"
#include "ns3/ims-ue-client.h"
#include "ns3/ims-ue-counters.h"
#include "ns3/ipsec-stack.h"
#include "ns3/log.h"
#include "ns3/pcscf-counters.h"
#include "ns3/pcscf.h"
#include "ns3/remote-party.h"
#include "ns3/scscf.h"
#include "ns3/simulator.h"
#include "ns3/sip-transaction-manager.h"
#include "ns3/sip-transport.h"
#include "ns3/temporary-address-manager.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecMetricsCollector");

namespace
{

/**
 * \param name a cause or reason name ("address-change")
 * \returns the name as a metric name part ("address_change")
 */
std::string
MetricPart(std::string name)
{
    for (char& c : name)
    {
        c = (c == '-' || c == ' ') ? '_' : c;
    }
    return name;
}

/**
 * \param record the record
 * \param name metric name
 * \param value value
 */
void
Add(RunRecord& record, const std::string& name, double value)
{
    record.metrics.emplace_back(name, value);
}

} // namespace

ImsMetricsCollector::ImsMetricsCollector(const ImsNetwork& network, Time sampleInterval)
    : m_net(network),
      m_interval(sampleInterval)
{
    NS_LOG_FUNCTION(this << sampleInterval);
    NS_ABORT_MSG_IF(!sampleInterval.IsStrictlyPositive(),
                    "ImsMetricsCollector: the sample interval must be positive");
}

void
ImsMetricsCollector::Start()
{
    NS_LOG_FUNCTION(this);
    for (uint32_t i = 0; i < m_net.ueClients.GetN(); ++i)
    {
        Ptr<ImsUeClient> client = m_net.GetUeClient(i);
        client->TraceConnectWithoutContext("SessionEstablished",
                                           MakeCallback(&ImsMetricsCollector::OnEstablished, this));
        client->TraceConnectWithoutContext("SessionCompleted",
                                           MakeCallback(&ImsMetricsCollector::OnEnded, this));
        client->TraceConnectWithoutContext("SessionDropped",
                                           MakeCallback(&ImsMetricsCollector::OnDropped, this));
    }
    // The SAD's true peak: every install and removal, not the periodic samples (an operator
    // sizing a SAD from a 60 s sample would undersize it).
    m_net.pcscfApp->TraceConnectWithoutContext("SadSize",
                                               MakeCallback(&ImsMetricsCollector::OnSadSize, this));
    m_event = Simulator::Schedule(m_interval, &ImsMetricsCollector::Sample, this);
}

void
ImsMetricsCollector::OnEstablished(const std::string& /* callId */, bool originating, Time delay)
{
    // Setup delay is the originating UE's (INVITE sent to 2xx received); a terminating UE
    // answers and has no setup delay of its own, so it is counted apart.
    if (originating)
    {
        m_setupDelays.push_back(static_cast<float>(delay.GetSeconds()));
    }
    else
    {
        ++m_terminatingEstablished;
    }
    ++m_activeSessions;
}

void
ImsMetricsCollector::OnSadSize(uint32_t /* oldValue */, uint32_t newValue)
{
    m_sadPeak = std::max(m_sadPeak, newValue);
}

void
ImsMetricsCollector::OnEnded(const std::string& /* callId */,
                             bool /* originating */,
                             Time /* duration */)
{
    m_activeSessions = m_activeSessions > 0 ? m_activeSessions - 1 : 0;
}

void
ImsMetricsCollector::OnDropped(const std::string& /* callId */,
                               bool /* originating */,
                               ImsSessionDropCause /* cause */)
{
    m_activeSessions = m_activeSessions > 0 ? m_activeSessions - 1 : 0;
}

void
ImsMetricsCollector::Sample()
{
    NS_LOG_FUNCTION(this);
    TakeSample();
    m_event = Simulator::Schedule(m_interval, &ImsMetricsCollector::Sample, this);
}

void
ImsMetricsCollector::TakeSample()
{
    const double now = Simulator::Now().GetSeconds();
    const double seconds = now - m_lastSample.GetSeconds();
    if (seconds <= 0)
    {
        return;
    }
    m_lastSample = Simulator::Now();
    SipMessageCounters::Count pcscf = m_net.pcscfApp->GetReceivedCounters().GetTotal();
    uint64_t scscf = m_net.scscfApp->GetTransport()->GetReceivedCounters().GetTotal().messages;
    uint32_t sad = m_net.pcscfApp->GetSadSize();
    m_series.push_back({now, "pcscf_msgs_per_s", (pcscf.messages - m_lastPcscfMessages) / seconds});
    m_series.push_back({now, "pcscf_bytes_per_s", (pcscf.bytes - m_lastPcscfBytes) / seconds});
    m_series.push_back({now, "scscf_msgs_per_s", (scscf - m_lastScscfMessages) / seconds});
    m_series.push_back({now, "pcscf_sad_size", double(sad)});
    m_series.push_back({now, "registered_ues", double(m_net.pcscfApp->GetRegisteredUeCount())});
    m_series.push_back({now, "active_sessions", double(m_activeSessions)});
    m_lastPcscfMessages = pcscf.messages;
    m_lastPcscfBytes = pcscf.bytes;
    m_lastScscfMessages = scscf;
}

double
ImsMetricsCollector::Quantile(std::vector<float>& values, double q)
{
    if (values.empty())
    {
        return 0;
    }
    q = std::min(1.0, std::max(0.0, q));
    // nearest rank: the smallest value with at least q of the values at or below it
    auto rank = static_cast<size_t>(std::ceil(q * values.size()));
    size_t index = rank == 0 ? 0 : rank - 1;
    std::nth_element(values.begin(), values.begin() + index, values.end());
    return values[index];
}

void
ImsMetricsCollector::AddMessageMetrics(const SipMessageCounters& counters,
                                       const std::string& prefix,
                                       RunRecord& record)
{
    SipMessageCounters::Count total = counters.GetTotal();
    Add(record, prefix + "_msgs", double(total.messages));
    Add(record, prefix + "_bytes", double(total.bytes));
    // A well-formed request may carry any token as its method, even one that looks like
    // "REGISTER_2xx": sum such collisions instead of writing a name twice.
    std::map<std::string, SipMessageCounters::Count> byName;
    for (const SipMessageCounters::Entry& e : counters.GetEntries())
    {
        std::string name = e.method;
        if (e.isResponse)
        {
            name += "_" + std::to_string(e.statusClass) + "xx";
        }
        byName[name] += e.count;
    }
    for (const auto& [name, count] : byName)
    {
        Add(record, prefix + "_msgs_" + name, double(count.messages));
        Add(record, prefix + "_bytes_" + name, double(count.bytes));
    }
}

void
ImsMetricsCollector::Collect(RunRecord& record)
{
    NS_LOG_FUNCTION(this);
    // The run usually stops on a sample time, before that sample's event: take it now (or a
    // shorter last interval when the run time is not a multiple of the interval).
    TakeSample();
    m_event.Cancel();
    const uint32_t n = m_net.ueClients.GetN();
    std::vector<uint64_t> regCompleted(REG_CAUSE_COUNT, 0);
    std::vector<uint64_t> regFailures(REG_FAILURE_COUNT, 0);
    std::vector<uint64_t> dropped(DROP_CAUSE_COUNT, 0);
    std::vector<uint64_t> failed(FAIL_CAUSE_COUNT, 0);
    std::vector<uint64_t> ueDrops(IpsecStack::DROP_REASON_COUNT, 0);
    uint64_t attempted = 0;
    uint64_t originating = 0;
    uint64_t established = 0;
    uint64_t completed = 0;
    uint64_t rotations = 0;
    uint64_t rotationsIgnored = 0;
    uint64_t retransmissions = 0;
    uint64_t timeouts = 0;
    uint64_t neverRegistered = 0;
    ImsUeCounters::Summary addressUse;
    for (uint32_t i = 0; i < n; ++i)
    {
        Ptr<ImsUeClient> client = m_net.GetUeClient(i);
        const ImsUeCounters& c = client->GetCounters();
        for (int k = 0; k < REG_CAUSE_COUNT; ++k)
        {
            regCompleted[k] += c.GetRegistrationsCompleted(ImsRegistrationCause(k));
        }
        for (int k = 0; k < REG_FAILURE_COUNT; ++k)
        {
            regFailures[k] += c.GetRegistrationFailures(ImsRegistrationFailure(k));
        }
        for (int k = 0; k < DROP_CAUSE_COUNT; ++k)
        {
            dropped[k] += c.GetSessionsDropped(ImsSessionDropCause(k));
        }
        for (int k = 0; k < FAIL_CAUSE_COUNT; ++k)
        {
            failed[k] += c.GetSessionsFailed(ImsSessionFailureCause(k));
        }
        neverRegistered += c.GetRegistrationsCompleted(REG_INITIAL) == 0 ? 1 : 0;
        attempted += c.GetSessionsAttempted();
        originating += c.GetOriginatingAttempted();
        established += c.GetSessionsEstablished();
        completed += c.GetSessionsCompleted();
        rotationsIgnored += c.GetRotationsIgnored();
        const ImsUeCounters::Summary& use = c.GetAddressUsage();
        if (use.count > 0)
        {
            addressUse.min = addressUse.count == 0 ? use.min : std::min(addressUse.min, use.min);
            addressUse.max = std::max(addressUse.max, use.max);
            addressUse.count += use.count;
            addressUse.sum += use.sum;
        }
        Ptr<Node> node = m_net.ues.Get(i);
        Ptr<TemporaryAddressManager> addresses = node->GetObject<TemporaryAddressManager>();
        if (addresses && addresses->GetNGenerated() > 0)
        {
            rotations += addresses->GetNGenerated() - 1;
        }
        Ptr<IpsecStack> ipsec = node->GetObject<IpsecStack>();
        for (int k = 0; ipsec && k < IpsecStack::DROP_REASON_COUNT; ++k)
        {
            ueDrops[k] += ipsec->GetDropCount(IpsecStack::DropReason(k));
        }
        Ptr<SipTransactionManager> tm = client->GetTransactionManager();
        if (tm)
        {
            retransmissions += tm->GetRetransmissionCount();
            timeouts += tm->GetTimeoutCount();
        }
    }

    Add(record, "ues", n);
    Add(record, "ues_never_registered", double(neverRegistered));
    uint64_t registrations = 0;
    for (int k = 0; k < REG_CAUSE_COUNT; ++k)
    {
        registrations += regCompleted[k];
        Add(record,
            "registrations_" + MetricPart(ImsUeCauses::GetName(ImsRegistrationCause(k))),
            double(regCompleted[k]));
    }
    Add(record, "registrations", double(registrations));
    uint64_t regFailed = 0;
    for (int k = 0; k < REG_FAILURE_COUNT; ++k)
    {
        regFailed += regFailures[k];
        Add(record,
            "registration_failures_" + MetricPart(ImsUeCauses::GetName(ImsRegistrationFailure(k))),
            double(regFailures[k]));
    }
    Add(record, "registrations_failed", double(regFailed));
    Add(record, "rotations", double(rotations));
    Add(record, "rotations_ignored", double(rotationsIgnored));

    Add(record, "sessions_attempted", double(attempted));
    Add(record, "sessions_originating", double(originating));
    Add(record, "sessions_established", double(established));
    Add(record, "sessions_completed", double(completed));
    uint64_t droppedTotal = 0;
    for (int k = 0; k < DROP_CAUSE_COUNT; ++k)
    {
        droppedTotal += dropped[k];
        Add(record,
            "sessions_dropped_" + MetricPart(ImsUeCauses::GetName(ImsSessionDropCause(k))),
            double(dropped[k]));
    }
    Add(record, "sessions_dropped", double(droppedTotal));
    uint64_t failedTotal = 0;
    for (int k = 0; k < FAIL_CAUSE_COUNT; ++k)
    {
        failedTotal += failed[k];
        Add(record,
            "sessions_failed_" + MetricPart(ImsUeCauses::GetName(ImsSessionFailureCause(k))),
            double(failed[k]));
    }
    Add(record, "sessions_failed", double(failedTotal));

    std::vector<float> delays = m_setupDelays;
    double sum = 0;
    for (float d : delays)
    {
        sum += d;
    }
    Add(record, "setup_delay_count", double(delays.size()));
    Add(record, "setup_delay_mean_s", delays.empty() ? 0 : sum / delays.size());
    Add(record, "setup_delay_p50_s", Quantile(delays, 0.5));
    Add(record, "setup_delay_p95_s", Quantile(delays, 0.95));
    Add(record, "setup_delay_max_s", Quantile(delays, 1.0));
    Add(record, "sessions_established_terminating", double(m_terminatingEstablished));
    Add(record, "address_use_count", double(addressUse.count));
    Add(record, "address_use_mean_s", addressUse.count ? addressUse.sum / addressUse.count : 0);
    Add(record, "address_use_min_s", addressUse.min);
    Add(record, "address_use_max_s", addressUse.max);

    Ptr<Pcscf> pcscf = m_net.pcscfApp;
    Add(record, "pcscf_sa_sets_created", double(pcscf->GetSaSetsCreated()));
    Add(record, "pcscf_sa_sets_deleted", double(pcscf->GetSaSetsDeleted()));
    for (int k = 0; k < int(PcscfSaSetEnd::SA_SET_END_COUNT); ++k)
    {
        auto why = PcscfSaSetEnd(k);
        Add(record,
            "pcscf_sa_sets_deleted_" + MetricPart(PcscfCounters::GetName(why)),
            double(pcscf->GetCounters().GetSaSetsDeleted(why)));
    }
    Add(record, "pcscf_sad_peak", double(std::max(m_sadPeak, pcscf->GetSadSize())));
    Add(record, "pcscf_sad_end", double(pcscf->GetSadSize()));
    for (int k = 0; k < int(PcscfRejectCause::REJECT_CAUSE_COUNT); ++k)
    {
        auto cause = PcscfRejectCause(k);
        Add(record,
            "pcscf_reject_" + MetricPart(PcscfCounters::GetName(cause)),
            double(pcscf->GetCounters().GetRejects(cause)));
    }
    for (int k = 0; k < int(PcscfDropCause::DROP_CAUSE_COUNT); ++k)
    {
        auto cause = PcscfDropCause(k);
        Add(record,
            "pcscf_drop_" + MetricPart(PcscfCounters::GetName(cause)),
            double(pcscf->GetCounters().GetDrops(cause)));
    }
    Add(record, "pcscf_malformed", double(pcscf->GetMalformedCount()));
    Ptr<IpsecStack> pcscfIpsec = pcscf->GetIpsecStack();
    for (int k = 0; k < IpsecStack::DROP_REASON_COUNT; ++k)
    {
        auto reason = IpsecStack::DropReason(k);
        std::string name = MetricPart(IpsecStack::GetDropReasonName(reason));
        Add(record,
            "pcscf_ipsec_drop_" + name,
            pcscfIpsec ? double(pcscfIpsec->GetDropCount(reason)) : 0.0);
        Add(record, "ue_ipsec_drop_" + name, double(ueDrops[k]));
    }

    AddMessageMetrics(pcscf->GetReceivedCounters(), "pcscf_rx", record);
    AddMessageMetrics(pcscf->GetSentCounters(), "pcscf_tx", record);
    Ptr<SipTransport> scscf = m_net.scscfApp->GetTransport();
    AddMessageMetrics(scscf->GetReceivedCounters(), "scscf_rx", record);
    AddMessageMetrics(scscf->GetSentCounters(), "scscf_tx", record);
    Add(record, "aka_vectors", double(m_net.scscfApp->GetVectorsConsumed()));
    Add(record, "scscf_auth_failures", double(m_net.scscfApp->GetAuthenticationFailures()));

    for (Ptr<SipTransactionManager> tm : {pcscf->GetTransactionManager(),
                                          m_net.scscfApp->GetTransactionManager(),
                                          m_net.remoteApp->GetTransactionManager()})
    {
        if (tm)
        {
            retransmissions += tm->GetRetransmissionCount();
            timeouts += tm->GetTimeoutCount();
        }
    }
    Add(record, "retransmissions", double(retransmissions));
    Add(record, "transaction_timeouts", double(timeouts));

    record.timeseries.insert(record.timeseries.end(), m_series.begin(), m_series.end());
}

} // namespace ns3
