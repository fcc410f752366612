/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "results-writer.h"

#include "sqlite-database.h"

#include "ns3/imssec-version.h"
#include "ns3/log.h"

#include <cctype>
#include <cstdlib>
#include <set>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecResultsWriter");

namespace
{

/// Columns of `runs` that are not parameters.
const std::set<std::string> FIXED_RUN_COLUMNS = {"run_id",
                                                 "batch",
                                                 "run_label",
                                                 "seed",
                                                 "run",
                                                 "model_version",
                                                 "started_at",
                                                 "wall_seconds",
                                                 "sim_seconds",
                                                 "events",
                                                 "status",
                                                 "error"};

/**
 * \param db the database
 * Creates the tables when they do not exist and checks the version of an existing file.
 */
void
EnsureSchema(SqliteDatabase& db)
{
    db.RunInTransaction([&db]() {
        db.Execute("CREATE TABLE IF NOT EXISTS schema_info (version INTEGER NOT NULL)");
        SqliteDatabase::Statement version(db, "SELECT version FROM schema_info");
        if (version.Step())
        {
            int64_t found = version.ColumnInt(0);
            if (found != ResultsWriter::SCHEMA_VERSION)
            {
                throw SqliteError(db.GetPath() + " has results schema version " +
                                  std::to_string(found) + ", this program writes version " +
                                  std::to_string(ResultsWriter::SCHEMA_VERSION) +
                                  ": use another file");
            }
            return;
        }
        db.Execute("INSERT INTO schema_info (version) VALUES (" +
                   std::to_string(ResultsWriter::SCHEMA_VERSION) + ")");
        db.Execute(R"sql(
            CREATE TABLE runs (
                run_id        INTEGER PRIMARY KEY,
                batch         TEXT NOT NULL,
                run_label     TEXT NOT NULL,
                seed          INTEGER NOT NULL,
                run           INTEGER NOT NULL,
                model_version TEXT NOT NULL,
                started_at    TEXT NOT NULL,
                wall_seconds  REAL,
                sim_seconds   REAL,
                events        INTEGER,
                status        TEXT NOT NULL,
                error         TEXT,
                UNIQUE (batch, run_label, seed, run));
            CREATE TABLE metrics (
                run_id INTEGER NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
                name   TEXT NOT NULL,
                value  REAL,
                PRIMARY KEY (run_id, name));
            CREATE TABLE timeseries (
                run_id INTEGER NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
                time_s REAL NOT NULL,
                name   TEXT NOT NULL,
                value  REAL);
            CREATE INDEX timeseries_run ON timeseries (run_id, name, time_s);
            CREATE TABLE events (
                run_id INTEGER NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
                time_s REAL NOT NULL,
                node   TEXT NOT NULL,
                kind   TEXT NOT NULL,
                detail TEXT);
            CREATE INDEX events_run ON events (run_id, kind);
        )sql");
    });
}

/**
 * \param text a parameter value
 * \param number receives the value when the text is a plain decimal number
 * \returns true when the text is a number
 */
bool
ParseNumber(const std::string& text, double* number)
{
    if (text.empty())
    {
        return false;
    }
    char* end = nullptr;
    double value = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size())
    {
        return false;
    }
    *number = value;
    return true;
}

/**
 * \param record a run
 * \returns the run's identity in words, for messages
 */
std::string
DescribeRun(const RunRecord& record)
{
    return "run (batch '" + record.batch + "', label '" + record.runLabel + "', seed " +
           std::to_string(record.seed) + ", run " + std::to_string(record.run) + ")";
}

/**
 * \param db the database
 * Runs SQLite's quick_check (structure of every b-tree page, linear in the file size): a
 * page of garbage must stop a run before it appends to a broken file.
 */
void
CheckIntegrity(SqliteDatabase& db)
{
    SqliteDatabase::Statement check(db, "PRAGMA quick_check(1)");
    if (check.Step() && check.ColumnText(0) != "ok")
    {
        std::string problem = check.ColumnText(0);
        for (char& c : problem)
        {
            c = c == '\n' ? ' ' : c;
        }
        throw SqliteError(db.GetPath() + " is corrupt (SQLite quick_check: " + problem + ")");
    }
}

} // namespace

ResultsWriter::ResultsWriter(std::string path)
    : m_path(std::move(path))
{
    NS_LOG_FUNCTION(this << m_path);
    SqliteDatabase db(m_path);
    CheckIntegrity(db);
    EnsureSchema(db);
}

bool
ResultsWriter::MayReplace(ReplacePolicy policy, const std::string& status)
{
    return policy == REPLACE_ANY || (policy == REPLACE_FAILED && status != "ok");
}

int64_t
ResultsWriter::FindRun(const std::string& batch,
                       const std::string& runLabel,
                       uint32_t seed,
                       uint64_t run,
                       std::string* status) const
{
    SqliteDatabase db(m_path);
    SqliteDatabase::Statement query(db,
                                    "SELECT run_id, status FROM runs WHERE batch = ? AND "
                                    "run_label = ? AND seed = ? AND run = ?");
    query.Bind(1, batch).Bind(2, runLabel).Bind(3, int64_t(seed)).Bind(4, int64_t(run));
    if (!query.Step())
    {
        return 0;
    }
    *status = query.ColumnText(1);
    return query.ColumnInt(0);
}

bool
ResultsWriter::IsValidParameterName(const std::string& name)
{
    if (name.empty() || !std::isalpha(static_cast<unsigned char>(name[0])) ||
        FIXED_RUN_COLUMNS.count(name) > 0)
    {
        return false;
    }
    for (char c : name)
    {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_')
        {
            return false;
        }
    }
    return true;
}

int64_t
ResultsWriter::Write(const RunRecord& record, ReplacePolicy policy) const
{
    NS_LOG_FUNCTION(this << record.batch << record.runLabel << record.seed << record.run);
    for (const auto& [name, value] : record.parameters)
    {
        if (!IsValidParameterName(name))
        {
            throw SqliteError("invalid parameter name for the runs table: '" + name + "'");
        }
    }
    SqliteDatabase db(m_path);
    int64_t runId = 0;
    db.RunInTransaction([&]() {
        // Parameter columns appear as runs first bring them; the write lock is held, so two
        // processes cannot race to add the same column.
        std::set<std::string> columns;
        SqliteDatabase::Statement info(db, "PRAGMA table_info(runs)");
        while (info.Step())
        {
            columns.insert(info.ColumnText(1));
        }
        for (const auto& [name, value] : record.parameters)
        {
            if (columns.insert(name).second)
            {
                db.Execute("ALTER TABLE runs ADD COLUMN \"" + name + "\"");
            }
        }

        // Checked under the write lock: another process may have written the run meanwhile.
        SqliteDatabase::Statement earlier(db,
                                          "SELECT run_id, status FROM runs WHERE batch = ? AND "
                                          "run_label = ? AND seed = ? AND run = ?");
        earlier.Bind(1, record.batch)
            .Bind(2, record.runLabel)
            .Bind(3, int64_t(record.seed))
            .Bind(4, int64_t(record.run));
        if (earlier.Step())
        {
            int64_t earlierId = earlier.ColumnInt(0);
            std::string status = earlier.ColumnText(1);
            earlier.Reset();
            if (!MayReplace(policy, status))
            {
                throw SqliteError(DescribeRun(record) + " is already in " + m_path + " as run_id " +
                                  std::to_string(earlierId) + " (status " + status +
                                  "); not replaced");
            }
            SqliteDatabase::Statement remove(db, "DELETE FROM runs WHERE run_id = ?");
            remove.Bind(1, earlierId);
            remove.Step();
        }

        std::string sql = "INSERT INTO runs (batch, run_label, seed, run, model_version, "
                          "started_at, wall_seconds, sim_seconds, events, status, error";
        std::string values = ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";
        for (const auto& [name, value] : record.parameters)
        {
            sql += ", \"" + name + "\"";
            values += ", ?";
        }
        SqliteDatabase::Statement insert(db, sql + values + ")");
        insert.Bind(1, record.batch)
            .Bind(2, record.runLabel)
            .Bind(3, int64_t(record.seed))
            .Bind(4, int64_t(record.run))
            .Bind(5, GetImssecVersion())
            .Bind(6, record.startedAt)
            .Bind(7, record.wallSeconds)
            .Bind(8, record.simSeconds)
            .Bind(9, int64_t(record.eventCount))
            .Bind(10, record.status)
            .Bind(11, record.error);
        int index = 12;
        for (const auto& [name, value] : record.parameters)
        {
            double number;
            if (ParseNumber(value, &number))
            {
                insert.Bind(index++, number);
            }
            else
            {
                insert.Bind(index++, value);
            }
        }
        insert.Step();
        runId = db.LastInsertRowId();

        SqliteDatabase::Statement metric(db, "INSERT INTO metrics VALUES (?, ?, ?)");
        for (const auto& [name, value] : record.metrics)
        {
            metric.Bind(1, runId).Bind(2, name).Bind(3, value);
            metric.Step();
            metric.Reset();
        }
        SqliteDatabase::Statement sample(db, "INSERT INTO timeseries VALUES (?, ?, ?, ?)");
        for (const auto& s : record.timeseries)
        {
            sample.Bind(1, runId).Bind(2, s.time).Bind(3, s.name).Bind(4, s.value);
            sample.Step();
            sample.Reset();
        }
        SqliteDatabase::Statement event(db, "INSERT INTO events VALUES (?, ?, ?, ?, ?)");
        for (const auto& e : record.events)
        {
            event.Bind(1, runId).Bind(2, e.time).Bind(3, e.node).Bind(4, e.kind).Bind(5, e.detail);
            event.Step();
            event.Reset();
        }
    });
    return runId;
}

bool
ResultsWriter::HasCompletedRun(const std::string& batch,
                               const std::string& runLabel,
                               uint32_t seed,
                               uint64_t run) const
{
    SqliteDatabase db(m_path);
    SqliteDatabase::Statement query(db,
                                    "SELECT COUNT(*) FROM runs WHERE batch = ? AND run_label = ? "
                                    "AND seed = ? AND run = ? AND status = 'ok'");
    query.Bind(1, batch).Bind(2, runLabel).Bind(3, int64_t(seed)).Bind(4, int64_t(run));
    query.Step();
    return query.ColumnInt(0) > 0;
}

} // namespace ns3
