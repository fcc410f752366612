/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef RESULTS_WRITER_H
#define RESULTS_WRITER_H

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * \ingroup imssec
 * \brief Everything one run leaves in a results database.
 *
 * Filled by the experiment program during and after the run, then written whole by
 * ResultsWriter::Write in one transaction.
 */
struct RunRecord
{
    std::string batch;        //!< batch name (a batch file's name, or "adhoc")
    std::string runLabel;     //!< the parameters the batch set, canonical "k=v;..." form
    uint32_t seed{1};         //!< ns-3 RngSeed
    uint64_t run{1};          //!< ns-3 RngRun
    std::string startedAt;    //!< ISO 8601 UTC wall-clock start
    double wallSeconds{0};    //!< wall time of the run
    double simSeconds{0};     //!< simulated time reached
    uint64_t eventCount{0};   //!< simulator events executed
    std::string status{"ok"}; //!< "ok" or "failed"
    std::string error;        //!< what went wrong when failed

    /// Every parameter of the run, as (option name, value text) in a stable order.
    std::vector<std::pair<std::string, std::string>> parameters;
    /// Scalar metrics, (name, value).
    std::vector<std::pair<std::string, double>> metrics;

    /// One sample of a time series.
    struct Sample
    {
        double time;      //!< end of the interval, simulated seconds
        std::string name; //!< series name
        double value;     //!< value over/at the interval
    };

    std::vector<Sample> timeseries; //!< time series samples

    /// One event (registration, SA change, session outcome, ...).
    struct Event
    {
        double time;        //!< simulated seconds
        std::string node;   //!< e.g. "ue3", "pcscf"
        std::string kind;   //!< e.g. "registration", "sa-created", "session-dropped"
        std::string detail; //!< cause or free text
    };

    std::vector<Event> events; //!< events, in time order
};

/**
 * \ingroup imssec
 * \brief Writes RunRecords into a versioned SQLite results database.
 *
 * Schema (version SCHEMA_VERSION; documented in the README, "Results database"):
 * - `schema_info(version)`;
 * - `runs`: run_id, batch, run_label, seed, run, model_version, started_at, wall_seconds,
 *   sim_seconds, events, status, error, and one column per scenario parameter, named as the
 *   parameter (added when a run first brings it; values stored as numbers when they are);
 * - `metrics(run_id, name, value)`; `timeseries(run_id, time_s, name, value)`;
 *   `events(run_id, time_s, node, kind, detail)`.
 *
 * A run is identified by (batch, run_label, seed, run).  Writing a run that is already there
 * replaces its rows (delete then insert) only as far as the ReplacePolicy allows; otherwise
 * Write refuses, so no run silently replaces another.  Everything of one run is written in
 * one transaction, so an interrupted run leaves nothing half-written.  Several processes may
 * write the same file.  Opening a file runs SQLite's quick_check: a corrupt file or one that
 * is not an SQLite database is refused with one line saying so.
 */
class ResultsWriter
{
  public:
    /// Version of the schema this writer creates; bump with every incompatible change.
    static constexpr int SCHEMA_VERSION = 1;

    /// Which earlier rows of the same run (same batch, run_label, seed, run) Write replaces.
    enum ReplacePolicy
    {
        REPLACE_NONE,   //!< none: a run already there is an error
        REPLACE_FAILED, //!< a run recorded as failed (a retry); a completed run is an error
        REPLACE_ANY,    //!< any run (asked for explicitly)
    };

    /**
     * \param path the database file (created with the schema when new)
     * \throws SqliteError when the file is not an SQLite database, fails SQLite's
     *         quick_check, or has another schema version
     */
    explicit ResultsWriter(std::string path);

    /**
     * \brief Writes one run, replacing an earlier row of the same run as policy allows.
     * \param record the run
     * \param policy which earlier row of the same run may be replaced
     * \returns the run_id given to the run
     * \throws SqliteError when the run is already there and policy forbids replacing it
     */
    int64_t Write(const RunRecord& record, ReplacePolicy policy = REPLACE_FAILED) const;

    /**
     * \param batch batch name
     * \param runLabel run label
     * \param seed RngSeed
     * \param run RngRun
     * \param[out] status the run's status when it is there
     * \returns the run's run_id, or 0 when the run is not in the database
     */
    int64_t FindRun(const std::string& batch,
                    const std::string& runLabel,
                    uint32_t seed,
                    uint64_t run,
                    std::string* status) const;

    /**
     * \param policy a replace policy
     * \param status the status of the run already in the database
     * \returns true when policy lets a new write replace that run
     */
    static bool MayReplace(ReplacePolicy policy, const std::string& status);

    /**
     * \param batch batch name
     * \param runLabel run label
     * \param seed RngSeed
     * \param run RngRun
     * \returns true when this run is in the database with status "ok"
     */
    bool HasCompletedRun(const std::string& batch,
                         const std::string& runLabel,
                         uint32_t seed,
                         uint64_t run) const;

    /**
     * \param name a parameter name
     * \returns true when the name can be a column of `runs` (letters, digits, '_',
     *          starting with a letter, and not one of the fixed columns)
     */
    static bool IsValidParameterName(const std::string& name);

  private:
    std::string m_path; //!< database file
};

} // namespace ns3

#endif /* RESULTS_WRITER_H */
