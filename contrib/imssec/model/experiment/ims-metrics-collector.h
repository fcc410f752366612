/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IMS_METRICS_COLLECTOR_H
#define IMS_METRICS_COLLECTOR_H

#include "ns3/event-id.h"
#include "ns3/ims-network-helper.h"
#include "ns3/ims-ue-causes.h"
#include "ns3/nstime.h"
#include "ns3/results-writer.h"
#include "ns3/sip-message-counters.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief Gathers the metrics of a run (signalling load, registrations by cause, SA churn,
 * sessions by outcome, IPsec drops, address exposure) from a network ImsNetworkHelper built,
 * into the RunRecord an experiment writes to its results database.
 *
 * Scalar metrics come from the nodes' counters at the end of the run (sums over UEs); the
 * time series are sampled every interval; setup delays are kept to give percentiles.
 * Metric names (the README's "Results database" lists them all):
 * registrations_<cause>, registrations_failed, rotations, sessions_attempted|established|
 * completed|dropped, sessions_dropped_<cause>, sessions_failed_<cause>,
 * setup_delay_{mean,p50,p95,max}_s, address_use_{mean,max}_s, pcscf_sa_sets_created|deleted,
 * pcscf_sad_peak, pcscf_ipsec_drop_<reason>, ue_ipsec_drop_<reason>,
 * {pcscf,scscf}_{rx,tx}_{msgs,bytes}_<METHOD>[_<class>xx], aka_vectors, retransmissions, ...
 * Series: pcscf_msgs_per_s, pcscf_bytes_per_s, scscf_msgs_per_s, pcscf_sad_size,
 * registered_ues, active_sessions.
 */
class ImsMetricsCollector
{
  public:
    /**
     * \param network the network (kept by reference: it must outlive the collector)
     * \param sampleInterval time between two samples of the time series
     */
    ImsMetricsCollector(const ImsNetwork& network, Time sampleInterval);

    /**
     * \brief Connects the traces and schedules the first sample; call before Simulator::Run.
     */
    void Start();

    /**
     * \brief Adds the run's metrics and time series to a record; call after Simulator::Run
     * (before Simulator::Destroy).  Takes the last sample of the series first.
     * \param record the record
     */
    void Collect(RunRecord& record);

    /**
     * \param values values (reordered in place)
     * \param q quantile, 0..1
     * \returns the nearest-rank quantile, 0 for no value
     */
    static double Quantile(std::vector<float>& values, double q);

  private:
    /// Takes one sample of every time series and schedules the next.
    void Sample();

    /// Takes one sample of every time series, over the time since the last one.
    void TakeSample();

    /**
     * \param callId Call-ID
     * \param originating originating session
     * \param delay setup delay
     */
    void OnEstablished(const std::string& callId, bool originating, Time delay);

    /**
     * \param oldValue live SAs in the P-CSCF's SAD before a change
     * \param newValue live SAs after it
     */
    void OnSadSize(uint32_t oldValue, uint32_t newValue);

    /**
     * \param callId Call-ID
     * \param originating originating session
     * \param duration session duration
     */
    void OnEnded(const std::string& callId, bool originating, Time duration);

    /**
     * \param callId Call-ID
     * \param originating originating session
     * \param cause why
     */
    void OnDropped(const std::string& callId, bool originating, ImsSessionDropCause cause);

    /**
     * \param counters message counters of one direction of a node
     * \param prefix metric name prefix, e.g. "pcscf_rx"
     * \param record where the metrics go
     */
    static void AddMessageMetrics(const SipMessageCounters& counters,
                                  const std::string& prefix,
                                  RunRecord& record);

    const ImsNetwork& m_net;                 //!< the network
    Time m_interval;                         //!< sampling interval
    Time m_lastSample;                       //!< time of the last sample
    EventId m_event;                         //!< next sample
    std::vector<float> m_setupDelays;        //!< originating setup delays, s
    uint64_t m_terminatingEstablished{0};    //!< terminating sessions established
    uint32_t m_sadPeak{0};                   //!< largest P-CSCF SAD size, every change
    uint64_t m_lastPcscfMessages{0};         //!< P-CSCF messages at the last sample
    uint64_t m_lastPcscfBytes{0};            //!< P-CSCF bytes at the last sample
    uint64_t m_lastScscfMessages{0};         //!< S-CSCF messages at the last sample
    uint64_t m_activeSessions{0};            //!< sessions established and not yet ended
    std::vector<RunRecord::Sample> m_series; //!< samples so far
};

} // namespace ns3

#endif /* IMS_METRICS_COLLECTOR_H */
