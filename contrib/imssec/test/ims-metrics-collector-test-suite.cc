/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ns3/double.h"
#include "ns3/hss.h"
#include "ns3/ims-metrics-collector.h"
#include "ns3/ims-network-helper.h"
#include "ns3/ims-ue-client.h"
#include "ns3/integer.h"
#include "ns3/pcscf.h"
#include "ns3/remote-party.h"
#include "ns3/scscf.h"
#include "ns3/simulator.h"
#include "ns3/sip-message.h"
#include "ns3/sip-packet-info.h"
#include "ns3/test.h"

#include <map>

using namespace ns3;

namespace
{

/**
 * \param record a record
 * \returns its metrics as a map
 */
std::map<std::string, double>
MetricMap(const RunRecord& record)
{
    std::map<std::string, double> m;
    for (const auto& [name, value] : record.metrics)
    {
        m[name] = value;
    }
    return m;
}

} // namespace

/** Nearest-rank quantiles. */
class CollectorQuantileTestCase : public TestCase
{
  public:
    CollectorQuantileTestCase()
        : TestCase("nearest-rank quantiles")
    {
    }

  private:
    void DoRun() override
    {
        std::vector<float> none;
        NS_TEST_ASSERT_MSG_EQ(ImsMetricsCollector::Quantile(none, 0.5), 0, "no values");
        std::vector<float> v{5, 1, 3, 2, 4};
        NS_TEST_ASSERT_MSG_EQ(ImsMetricsCollector::Quantile(v, 0), 1, "minimum");
        NS_TEST_ASSERT_MSG_EQ(ImsMetricsCollector::Quantile(v, 0.5), 3, "median");
        NS_TEST_ASSERT_MSG_EQ(ImsMetricsCollector::Quantile(v, 0.8), 4, "80th percentile");
        NS_TEST_ASSERT_MSG_EQ(ImsMetricsCollector::Quantile(v, 0.95), 5, "95th percentile");
        NS_TEST_ASSERT_MSG_EQ(ImsMetricsCollector::Quantile(v, 1), 5, "maximum");
    }
};

/**
 * A small network run: the collector's figures agree with what independent traces saw on the
 * P-CSCF and the UEs, and the /128 and /64 runs differ the way the model says.
 */
class CollectorNetworkTestCase : public TestCase
{
  public:
    /**
     * \param addrPrefLength what the UEs send
     */
    explicit CollectorNetworkTestCase(int addrPrefLength)
        : TestCase("metrics of a run with addr-pref-length " + std::to_string(addrPrefLength)),
          m_addrPrefLength(addrPrefLength)
    {
    }

  private:
    void DoRun() override
    {
        ImsNetworkHelper helper;
        helper.SetRotationInterval(Minutes(20));
        helper.SetUeAttribute("AddrPrefLength", IntegerValue(m_addrPrefLength));
        helper.SetUeAttribute("SessionArrivalRate", DoubleValue(6));
        helper.SetRemotePartyAttribute("TerminatingSessionRate", DoubleValue(6));
        ImsNetwork net = helper.Install(3);
        helper.AssignStreams(net, 7);
        ImsMetricsCollector collector(net, Seconds(60));
        collector.Start();
        net.pcscfApp->TraceConnectWithoutContext(
            "MessageReceived",
            MakeCallback(&CollectorNetworkTestCase::PcscfReceived, this));
        net.pcscfApp->TraceConnectWithoutContext(
            "SadSize",
            MakeCallback(&CollectorNetworkTestCase::SadSize, this));
        for (uint32_t i = 0; i < net.ueClients.GetN(); ++i)
        {
            net.GetUeClient(i)->TraceConnectWithoutContext(
                "SessionEstablished",
                MakeCallback(&CollectorNetworkTestCase::Established, this));
        }
        Simulator::Stop(Hours(2));
        Simulator::Run();
        RunRecord record;
        collector.Collect(record);
        Simulator::Destroy();

        auto m = MetricMap(record);
        NS_TEST_ASSERT_MSG_EQ(m["ues"], 3, "UE count");
        NS_TEST_ASSERT_MSG_EQ(m["registrations_initial"], 3, "one initial registration per UE");
        NS_TEST_ASSERT_MSG_EQ(m["pcscf_rx_msgs_REGISTER"],
                              m_registers,
                              "REGISTERs the P-CSCF received, by an independent trace");
        NS_TEST_ASSERT_MSG_EQ(m["pcscf_rx_msgs"], m_received, "all messages received");
        // Setup delay is the originating side's only: terminating sessions (answered by the
        // UE, no INVITE-to-2xx wait of their own) are counted apart, not averaged in as 0 s.
        NS_TEST_ASSERT_MSG_EQ(m["setup_delay_count"], m_originating, "originating delays kept");
        NS_TEST_ASSERT_MSG_EQ(m["sessions_established_terminating"],
                              m_terminating,
                              "terminating sessions counted apart");
        NS_TEST_ASSERT_MSG_GT(m_originating, 0, "originating sessions were set up");
        NS_TEST_ASSERT_MSG_GT(m_terminating, 0, "terminating sessions were set up");
        NS_TEST_ASSERT_MSG_GT(m["setup_delay_p50_s"], 0.5, "every delay includes the 1 s answer");
        NS_TEST_ASSERT_MSG_GT(m["setup_delay_p95_s"], 0, "setup delay percentile");
        NS_TEST_ASSERT_MSG_LT_OR_EQ(m["setup_delay_p50_s"], m["setup_delay_p95_s"], "p50 <= p95");
        NS_TEST_ASSERT_MSG_LT_OR_EQ(m["setup_delay_p95_s"], m["setup_delay_max_s"], "p95 <= max");
        NS_TEST_ASSERT_MSG_GT_OR_EQ(m["rotations"], 15, "3 UEs x ~6 rotations in 2 h at 20 min");
        // a registration is two REGISTER transactions UE <-> P-CSCF, each creating... the
        // P-CSCF installs one SA set per registration (initial, refresh, address change)
        NS_TEST_ASSERT_MSG_EQ(m["pcscf_sa_sets_created"],
                              m["registrations"] - m["registrations_contact_refresh"],
                              "one SA set per registration that negotiates SAs");
        if (m_addrPrefLength == 128)
        {
            NS_TEST_ASSERT_MSG_GT(m["registrations_address_change"], 0, "rotations re-register");
        }
        else
        {
            NS_TEST_ASSERT_MSG_EQ(m["registrations_address_change"], 0, "SAs cover rotations");
            NS_TEST_ASSERT_MSG_EQ(m["sessions_dropped_address_change"], 0, "no drops");
        }
        // the series: 120 samples of each, SAD size never above the peak, sessions >= 0
        size_t sad = 0;
        for (const RunRecord::Sample& s : record.timeseries)
        {
            if (s.name == "pcscf_sad_size")
            {
                ++sad;
                NS_TEST_ASSERT_MSG_LT_OR_EQ(s.value, m["pcscf_sad_peak"], "SAD peak");
            }
            NS_TEST_ASSERT_MSG_GT_OR_EQ(s.value, 0, s.name << " is never negative");
        }
        NS_TEST_ASSERT_MSG_EQ(sad, 120, "one SAD sample per minute");
        NS_TEST_ASSERT_MSG_GT_OR_EQ(m["pcscf_sad_peak"], 12, "4 SAs per registered UE at least");
        NS_TEST_ASSERT_MSG_EQ(m["pcscf_sad_peak"],
                              m_sadPeak,
                              "the SAD peak is the true one (every change), not a sample's");
    }

    /**
     * \param message a message the P-CSCF received
     */
    void PcscfReceived(const SipMessage& message, const SipPacketInfo&)
    {
        ++m_received;
        m_registers += message.IsRequest() && message.GetMethod() == "REGISTER" ? 1 : 0;
    }

    /**
     * \param originating which side the UE played
     */
    void Established(const std::string&, bool originating, Time)
    {
        ++(originating ? m_originating : m_terminating);
    }

    /**
     * \param newValue live SAs in the P-CSCF's SAD
     */
    void SadSize(uint32_t, uint32_t newValue)
    {
        m_sadPeak = std::max(m_sadPeak, double(newValue));
    }

    int m_addrPrefLength;    //!< addr-pref-length sent
    double m_received{0};    //!< messages the P-CSCF received
    double m_registers{0};   //!< REGISTERs the P-CSCF received
    double m_originating{0}; //!< originating sessions established
    double m_terminating{0}; //!< terminating sessions established
    double m_sadPeak{0};     //!< largest SAD size seen by the trace
};

/** The metrics collector suite. */
class MetricsCollectorTestSuite : public TestSuite
{
  public:
    MetricsCollectorTestSuite()
        : TestSuite("imssec-experiment-metrics", TestSuite::Type::SYSTEM)
    {
        AddTestCase(new CollectorQuantileTestCase, TestCase::QUICK);
        AddTestCase(new CollectorNetworkTestCase(128), TestCase::QUICK);
        AddTestCase(new CollectorNetworkTestCase(64), TestCase::QUICK);
    }
};

/// The suite's instance.
static MetricsCollectorTestSuite g_metricsCollectorTestSuite;
