/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Runs one imssec experiment scenario from command-line options and appends the run (every
// parameter, the metrics of ImsMetricsCollector and their time series) to a SQLite database
// in one transaction.  `imssec-scenario --PrintHelp` lists the options; tools/imssec-batch
// runs grids of them.  Exit codes: 0 run written, 1 the run failed, 2 bad options.

#include "ns3/core-module.h"
#include "ns3/imssec-module.h"

#include <chrono>
#include <ctime>
#include <iomanip>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <tuple>

using namespace ns3;

namespace
{

/** Options of the run itself (not parameters of the model). */
struct RunOptions
{
    std::string seed{"1"};                   //!< ns-3 RngSeed
    std::string run{"1"};                    //!< ns-3 RngRun
    std::string db{"results/imssec.sqlite"}; //!< results database ("none": print only)
    std::string batch{"adhoc"};              //!< batch name
    std::string runLabel;                    //!< the batch's label of the run
    std::string replace{"no"};               //!< which earlier row of the run may be replaced
    std::string pcap;                        //!< pcap file prefix ("" none)
    std::string pcapUes{"1"};                //!< UEs whose links are captured
    std::string sampleInterval{"60s"};       //!< time series interval
    std::string progress{"1"};               //!< progress lines on stderr (0/1)
    std::string events{"0"};                 //!< record registration, SA and session events (0/1)
};

/** Wall clock. */
using Clock = std::chrono::steady_clock;

/** Progress reporter: simulated time reached, wall time, events per second. */
class Progress
{
  public:
    /**
     * \param simTime the run's simulated time
     */
    explicit Progress(Time simTime)
        : m_simTime(simTime),
          m_start(Clock::now()),
          m_last(m_start)
    {
        Simulator::Schedule(m_simTime / 20, &Progress::Report, this);
    }

  private:
    /** Prints one line and schedules the next. */
    void Report()
    {
        Clock::time_point now = Clock::now();
        double wall = std::chrono::duration<double>(now - m_start).count();
        double step = std::chrono::duration<double>(now - m_last).count();
        uint64_t events = Simulator::GetEventCount();
        std::cerr << "imssec-scenario: " << std::fixed << std::setprecision(0)
                  << Simulator::Now().GetSeconds() << " s of " << m_simTime.GetSeconds()
                  << " s simulated (" << std::setprecision(0)
                  << 100.0 * Simulator::Now().GetSeconds() / m_simTime.GetSeconds() << "%), wall "
                  << std::setprecision(1) << wall << " s, " << std::setprecision(0)
                  << (step > 0 ? (events - m_lastEvents) / step : 0) << " events/s\n";
        m_last = now;
        m_lastEvents = events;
        if (Simulator::Now() + m_simTime / 20 <= m_simTime)
        {
            Simulator::Schedule(m_simTime / 20, &Progress::Report, this);
        }
    }

    Time m_simTime;            //!< simulated time of the run
    Clock::time_point m_start; //!< start of the run
    Clock::time_point m_last;  //!< last report
    uint64_t m_lastEvents{0};  //!< events at the last report
};

/** Collects events when --events=1. */
class EventLog
{
  public:
    /**
     * \param net the network
     * \param record where the events go
     */
    EventLog(const ImsNetwork& net, RunRecord& record)
        : m_record(record)
    {
        for (uint32_t i = 0; i < net.ueClients.GetN(); ++i)
        {
            std::string ue = "ue" + std::to_string(i + 1);
            Ptr<ImsUeClient> c = net.GetUeClient(i);
            c->TraceConnect("RegistrationCompleted", ue, MakeCallback(&EventLog::Registered, this));
            c->TraceConnect("SessionDropped", ue, MakeCallback(&EventLog::Dropped, this));
            c->TraceConnect("RotationHandled", ue, MakeCallback(&EventLog::Rotation, this));
        }
        net.pcscfApp->TraceConnectWithoutContext("SaSetCreated",
                                                 MakeCallback(&EventLog::SaCreated, this));
        net.pcscfApp->TraceConnectWithoutContext("SaSetDeleted",
                                                 MakeCallback(&EventLog::SaDeleted, this));
    }

  private:
    /**
     * \param node node name
     * \param kind event kind
     * \param detail detail
     */
    void Add(const std::string& node, const std::string& kind, const std::string& detail)
    {
        m_record.events.push_back({Simulator::Now().GetSeconds(), node, kind, detail});
    }

    /** \copydoc ImsUeClient::RegistrationCompletedTracedCallback */
    void Registered(std::string ue, ImsRegistrationCause cause, Time, uint32_t expires)
    {
        Add(ue,
            "registration",
            ImsUeCauses::GetName(cause) + ";expires=" + std::to_string(expires));
    }

    /** \copydoc ImsUeClient::SessionDroppedTracedCallback */
    void Dropped(std::string ue, const std::string& callId, bool, ImsSessionDropCause cause)
    {
        Add(ue, "session-dropped", ImsUeCauses::GetName(cause) + ";call-id=" + callId);
    }

    /** \copydoc ImsUeClient::RotationTracedCallback */
    void Rotation(std::string ue, Ipv6Address, Ipv6Address to, ImsUeRotationPolicy::Action a)
    {
        std::ostringstream os;
        os << ImsUeRotationPolicy::GetName(a) << ";address=" << to;
        Add(ue, "rotation", os.str());
    }

    /** \copydoc Pcscf::SaSetCreatedTracedCallback */
    void SaCreated(const std::string& impi, uint32_t handle, const IpsecSaSetParameters& p)
    {
        std::ostringstream os;
        os << "impi=" << impi << ";handle=" << handle << ";ue=" << p.ueAddress << "/"
           << +p.uePrefixLength << ";spi-uc=" << p.ueSpiC << ";spi-us=" << p.ueSpiS
           << ";spi-pc=" << p.pcscfSpiC << ";spi-ps=" << p.pcscfSpiS << ";port-uc=" << p.uePortC
           << ";port-us=" << p.uePortS;
        Add("pcscf", "sa-created", os.str());
    }

    /** \copydoc Pcscf::SaSetDeletedTracedCallback */
    void SaDeleted(const std::string& impi, uint32_t handle, PcscfSaSetEnd why)
    {
        Add("pcscf",
            "sa-deleted",
            "impi=" + impi + ";handle=" + std::to_string(handle) +
                ";why=" + PcscfCounters::GetName(why));
    }

    RunRecord& m_record; //!< the record
};

/**
 * \param text text
 * \param lo smallest value
 * \param[out] value the number
 * \returns true if text is an unsigned integer >= lo
 */
bool
ParseUnsigned(const std::string& text, uint64_t lo, uint64_t& value)
{
    if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos ||
        text.size() > 19)
    {
        return false;
    }
    value = std::stoull(text);
    return value >= lo;
}

/**
 * \param text "0", "1", "true" or "false"
 * \param[out] value the flag
 * \returns true if text is one of them
 */
bool
ParseFlag(const std::string& text, bool& value)
{
    if (text == "1" || text == "true")
    {
        value = true;
        return true;
    }
    if (text == "0" || text == "false")
    {
        value = false;
        return true;
    }
    return false;
}

/**
 * \param message what is wrong
 * \returns exit code 2
 */
int
BadOption(const std::string& message)
{
    std::cerr << "imssec-scenario: " << message << "\n"
              << "imssec-scenario: --PrintHelp lists the options\n";
    return 2;
}

/**
 * \param config the parsed options
 * \returns the run label of a run given none: the parameters that differ from their
 * defaults ("k=v;..." canonical), so that runs with other parameters never share an identity
 */
std::string
DefaultRunLabel(const ImsScenarioConfig& config)
{
    ImsScenarioConfig defaults;
    std::string error;
    defaults.Parse(error);
    auto reference = defaults.GetParameters();
    auto actual = config.GetParameters();
    std::string label;
    for (size_t i = 0; i < actual.size() && i < reference.size(); ++i)
    {
        if (actual[i] != reference[i])
        {
            label += (label.empty() ? "" : ";") + actual[i].first + "=" + actual[i].second;
        }
    }
    return label.empty() ? "defaults" : label;
}

/**
 * \param text "no", "failed" or "yes"
 * \param[out] policy the policy
 * \returns true if text is one of them
 */
bool
ParseReplace(const std::string& text, ResultsWriter::ReplacePolicy& policy)
{
    static const std::map<std::string, ResultsWriter::ReplacePolicy> policies = {
        {"no", ResultsWriter::REPLACE_NONE},
        {"failed", ResultsWriter::REPLACE_FAILED},
        {"yes", ResultsWriter::REPLACE_ANY}};
    auto it = policies.find(text);
    if (it == policies.end())
    {
        return false;
    }
    policy = it->second;
    return true;
}

/** \returns the current UTC time, ISO 8601 */
std::string
UtcNow()
{
    std::time_t now = std::time(nullptr);
    char text[32];
    std::strftime(text, sizeof(text), "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
    return text;
}

} // namespace

int
main(int argc, char* argv[])
{
    ImsScenarioConfig config;
    std::vector<std::string> values;
    for (const ImsScenarioConfig::Option& o : config.GetOptions())
    {
        values.push_back(o.value);
    }
    RunOptions ro;
    CommandLine cmd(__FILE__);
    cmd.Usage("Runs one imssec scenario and appends it to a SQLite results database.\n"
              "Times take units: 90s, 15min, 1h, 2d.  Exit 0: written, 1: run failed, "
              "2: bad options.  --list-options prints the option names, one a line.");
    const auto& options = config.GetOptions();
    for (size_t i = 0; i < options.size(); ++i)
    {
        cmd.AddValue(options[i].name, options[i].help, values[i]);
    }
    // The options of the run itself: name, help, where the value goes.
    const std::vector<std::tuple<std::string, std::string, std::string*>> runOptions = {
        {"seed", "ns-3 RngSeed (>= 1)", &ro.seed},
        {"run", "ns-3 RngRun (>= 1)", &ro.run},
        {"db", "results database (created if absent; none = print only)", &ro.db},
        {"batch", "batch name recorded with the run", &ro.batch},
        {"runLabel",
         "label of the run in its batch (k=v;...; default: the parameters that differ from "
         "their defaults)",
         &ro.runLabel},
        {"replace",
         "replace the same run (batch, runLabel, seed, run) already in the database: no, "
         "failed (only a failed one) or yes",
         &ro.replace},
        {"pcap", "pcap file prefix for the first pcapUes UEs' links (empty: none)", &ro.pcap},
        {"pcapUes", "UEs whose links are captured", &ro.pcapUes},
        {"sampleInterval", "time series interval (> 0)", &ro.sampleInterval},
        {"progress", "progress lines on standard error (0 or 1)", &ro.progress},
        {"events", "record registration, rotation, SA and drop events (0 or 1)", &ro.events}};
    // ns-3's CommandLine exits with 1 on an unknown option; check the names first so that
    // every bad option gives exit code 2 as the batch tool expects.
    std::set<std::string> known = {"PrintHelp",
                                   "help",
                                   "PrintGlobals",
                                   "PrintGroups",
                                   "PrintTypeIds",
                                   "PrintGroup",
                                   "PrintAttributes",
                                   "version",
                                   "PrintVersion"};
    for (const auto& [name, help, value] : runOptions)
    {
        cmd.AddValue(name, help, *value);
        known.insert(name);
    }
    if (argc == 2 && std::string(argv[1]) == "--list-options")
    {
        // for tools/imssec-batch, which checks a batch's parameter names before running it
        for (const auto& o : options)
        {
            std::cout << o.name << "\n";
        }
        for (const auto& option : runOptions)
        {
            std::cout << std::get<0>(option) << "\n";
        }
        return 0;
    }
    for (int i = 1; i < argc; ++i)
    {
        std::string arg = argv[i];
        std::string name = arg.substr(0, arg.find('='));
        name = name.substr(name.find_first_not_of('-') == std::string::npos
                               ? name.size()
                               : name.find_first_not_of('-'));
        if (arg.rfind("-", 0) != 0 || (!known.count(name) && !config.HasOption(name)))
        {
            return BadOption("unknown option '" + arg + "'");
        }
        if (!config.HasOption(name) && arg.find('=') == std::string::npos && known.count(name) &&
            name.rfind("Print", 0) != 0 && name != "help" && name != "version")
        {
            return BadOption("option '" + arg + "' needs a value (--" + name + "=...)");
        }
    }
    cmd.Parse(argc, argv);
    for (size_t i = 0; i < options.size(); ++i)
    {
        config.Set(options[i].name, values[i]);
    }
    std::string error;
    if (!config.Parse(error))
    {
        return BadOption(error);
    }
    uint64_t seed = 0;
    uint64_t run = 0;
    uint64_t pcapUes = 0;
    Time sampleInterval;
    bool progress = true;
    bool events = false;
    if (!ParseUnsigned(ro.seed, 1, seed) || seed > 0xffffffffULL)
    {
        return BadOption("--seed=" + ro.seed + ": needs an integer from 1 to 4294967295");
    }
    if (!ParseUnsigned(ro.run, 1, run))
    {
        return BadOption("--run=" + ro.run + ": needs an integer >= 1");
    }
    if (!ParseUnsigned(ro.pcapUes, 0, pcapUes))
    {
        return BadOption("--pcapUes=" + ro.pcapUes + ": needs an integer >= 0");
    }
    if (!ImsScenarioConfig::ParseTime(ro.sampleInterval, sampleInterval) ||
        !sampleInterval.IsStrictlyPositive())
    {
        return BadOption("--sampleInterval=" + ro.sampleInterval + ": needs a positive time");
    }
    if (!ParseFlag(ro.progress, progress) || !ParseFlag(ro.events, events))
    {
        return BadOption("--progress and --events take 0 or 1");
    }
    if (ro.batch.empty())
    {
        return BadOption("--batch must not be empty");
    }
    ResultsWriter::ReplacePolicy replace = ResultsWriter::REPLACE_NONE;
    if (!ParseReplace(ro.replace, replace))
    {
        return BadOption("--replace=" + ro.replace + ": needs no, failed or yes");
    }
    if (ro.runLabel.empty())
    {
        ro.runLabel = DefaultRunLabel(config);
    }
    const ImsScenarioConfig::Values& v = config.GetValues();

    std::unique_ptr<ResultsWriter> writer;
    if (ro.db != "none")
    {
        // Fail on an unusable database, or on a run that is already there, now, not after
        // hours of simulation.
        std::string status;
        int64_t earlier = 0;
        try
        {
            writer = std::make_unique<ResultsWriter>(ro.db);
            earlier = writer->FindRun(ro.batch, ro.runLabel, uint32_t(seed), run, &status);
        }
        catch (const std::exception& e)
        {
            std::cerr << "imssec-scenario: --db: " << e.what() << "\n";
            return 2;
        }
        if (earlier != 0 && !ResultsWriter::MayReplace(replace, status))
        {
            std::cerr << "imssec-scenario: run (batch '" << ro.batch << "', label '" << ro.runLabel
                      << "', seed " << seed << ", run " << run << ") is already in " << ro.db
                      << " as run_id " << earlier << " (status " << status
                      << "); give another --run or --runLabel, or --replace=yes\n";
            return 2;
        }
    }

    RunRecord record;
    record.batch = ro.batch;
    record.runLabel = ro.runLabel;
    record.seed = uint32_t(seed);
    record.run = run;
    record.startedAt = UtcNow();
    record.parameters = config.GetParameters();

    if (!ro.pcap.empty())
    {
        // ns-3 leaves UDP checksums zero unless asked, which IPv6 forbids (RFC 8200 8.1):
        // a capture must be valid to Wireshark, so compute them when one is written.
        GlobalValue::Bind("ChecksumEnabled", BooleanValue(true));
    }
    Clock::time_point start = Clock::now();
    RngSeedManager::SetSeed(uint32_t(seed));
    RngSeedManager::SetRun(run);
    try
    {
        ImsNetworkHelper helper;
        config.Configure(helper);
        ImsNetwork net = helper.Install(v.ues);
        helper.AssignStreams(net, 1);
        if (!ro.pcap.empty() && pcapUes > 0)
        {
            helper.EnablePcap(ro.pcap, net, uint32_t(std::min<uint64_t>(pcapUes, v.ues)));
        }
        ImsThreatHelper threats;
        if (v.attack != "none")
        {
            config.Configure(threats);
            if (!threats.Install(helper, net, v.attack))
            {
                throw std::runtime_error("the threat helper refused attack " + v.attack);
            }
        }
        ImsMetricsCollector collector(net, sampleInterval);
        collector.Start();
        std::unique_ptr<EventLog> log;
        if (events)
        {
            log = std::make_unique<EventLog>(net, record);
        }
        std::unique_ptr<Progress> reporter;
        if (progress)
        {
            reporter = std::make_unique<Progress>(v.simTime);
        }
        Simulator::Stop(v.simTime);
        Simulator::Run();
        record.simSeconds = Simulator::Now().GetSeconds();
        record.eventCount = Simulator::GetEventCount();
        collector.Collect(record);
        if (v.attack != "none")
        {
            std::map<std::string, double> threatMetrics;
            threats.Collect(threatMetrics);
            record.metrics.insert(record.metrics.end(), threatMetrics.begin(), threatMetrics.end());
        }
        Simulator::Destroy();
    }
    catch (const std::exception& e)
    {
        record.status = "failed";
        record.error = e.what();
        Simulator::Destroy();
    }
    record.wallSeconds = std::chrono::duration<double>(Clock::now() - start).count();

    double registrations = 0;
    double dropped = 0;
    for (const auto& [name, value] : record.metrics)
    {
        registrations += name == "registrations_address_change" ? value : 0;
        dropped += name == "sessions_dropped" ? value : 0;
    }
    std::cout << "imssec-scenario: " << record.status << ", " << v.ues << " UEs, "
              << v.simTime.GetSeconds() << " s simulated in " << std::setprecision(3)
              << record.wallSeconds << " s wall, " << record.eventCount << " events; "
              << "address-change registrations " << registrations << ", sessions dropped "
              << dropped << "\n";
    if (writer)
    {
        try
        {
            int64_t id = writer->Write(record, replace);
            std::cout << "imssec-scenario: run " << id << " written to " << ro.db << "\n";
        }
        catch (const std::exception& e)
        {
            std::cerr << "imssec-scenario: could not write " << ro.db << ": " << e.what() << "\n";
            return 1;
        }
    }
    else
    {
        std::cout << std::setprecision(12);
        for (const auto& [name, value] : record.metrics)
        {
            std::cout << name << " " << value << "\n";
        }
    }
    if (record.status != "ok")
    {
        std::cerr << "imssec-scenario: run failed: " << record.error << "\n";
        return 1;
    }
    return 0;
}
