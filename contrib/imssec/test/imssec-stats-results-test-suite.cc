/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ns3/imssec-version.h"
#include "ns3/results-writer.h"
#include "ns3/sqlite-database.h"
#include "ns3/test.h"

#include <filesystem>
#include <unistd.h>

using namespace ns3;

namespace
{

/**
 * \param tag part of the name
 * \returns a fresh database file name in the system's temporary directory
 */
std::string
FreshPath(const std::string& tag)
{
    static int counter = 0;
    auto path = std::filesystem::temp_directory_path() /
                ("imssec-results-" + tag + "-" + std::to_string(getpid()) + "-" +
                 std::to_string(counter++) + ".sqlite");
    for (const char* suffix : {"", "-wal", "-shm"})
    {
        std::filesystem::remove(path.string() + suffix);
    }
    return path.string();
}

/**
 * \param path database
 * \param sql a query returning one integer
 * \returns the integer
 */
int64_t
QueryInt(const std::string& path, const std::string& sql)
{
    SqliteDatabase db(path);
    SqliteDatabase::Statement q(db, sql);
    q.Step();
    return q.ColumnInt(0);
}

/**
 * \param label run label
 * \param run RngRun
 * \returns a small record with two parameters, two metrics, a series and an event
 */
RunRecord
MakeRecord(const std::string& label, uint64_t run)
{
    RunRecord r;
    r.batch = "unit";
    r.runLabel = label;
    r.seed = 3;
    r.run = run;
    r.startedAt = "2026-11-24T00:00:00Z";
    r.wallSeconds = 1.5;
    r.simSeconds = 3600;
    r.eventCount = 1234;
    r.parameters = {{"ues", "20"}, {"rotationPolicy", "drop-and-reregister"}};
    r.metrics = {{"registrations_address_change", 7}, {"sessions_dropped", 2.5}};
    r.timeseries = {{60, "pcscf_sad_size", 80}, {120, "pcscf_sad_size", 84}};
    r.events = {{12.5, "ue1", "registration", "initial"}};
    return r;
}

} // namespace

/**
 * \ingroup imssec-tests
 * A run is written with its parameters as columns, its metrics, series and events.
 */
class ResultsWriteTestCase : public TestCase
{
  public:
    ResultsWriteTestCase()
        : TestCase("run rows, parameter columns, metrics, series, events")
    {
    }

  private:
    void DoRun() override
    {
        std::string path = FreshPath("write");
        ResultsWriter writer(path);
        int64_t id = writer.Write(MakeRecord("ues=20", 1));
        NS_TEST_ASSERT_MSG_GT(id, 0, "run id");
        NS_TEST_ASSERT_MSG_EQ(QueryInt(path, "SELECT version FROM schema_info"),
                              ResultsWriter::SCHEMA_VERSION,
                              "schema version recorded");
        NS_TEST_ASSERT_MSG_EQ(QueryInt(path, "SELECT ues FROM runs WHERE run = 1"),
                              20,
                              "numeric parameter column");
        NS_TEST_ASSERT_MSG_EQ(QueryInt(path, "SELECT typeof(ues) = 'real' FROM runs WHERE run = 1"),
                              1,
                              "numbers stored as numbers");
        NS_TEST_ASSERT_MSG_EQ(QueryInt(path,
                                       "SELECT COUNT(*) FROM runs WHERE "
                                       "rotationPolicy = 'drop-and-reregister'"),
                              1,
                              "text parameter column");
        NS_TEST_ASSERT_MSG_EQ(
            QueryInt(path, "SELECT model_version = '" + GetImssecVersion() + "' FROM runs"),
            1,
            "model version");
        NS_TEST_ASSERT_MSG_EQ(QueryInt(path,
                                       "SELECT value FROM metrics WHERE "
                                       "name = 'registrations_address_change'"),
                              7,
                              "metric");
        NS_TEST_ASSERT_MSG_EQ(QueryInt(path, "SELECT COUNT(*) FROM timeseries"), 2, "series");
        NS_TEST_ASSERT_MSG_EQ(QueryInt(path, "SELECT COUNT(*) FROM events"), 1, "event");
        NS_TEST_ASSERT_MSG_EQ(writer.HasCompletedRun("unit", "ues=20", 3, 1), true, "found");
        NS_TEST_ASSERT_MSG_EQ(writer.HasCompletedRun("unit", "ues=20", 3, 2), false, "not run");

        // A later run bringing a new parameter adds its column; earlier rows get NULL.
        RunRecord second = MakeRecord("ues=20", 2);
        second.parameters.emplace_back("addrPrefLength", "64");
        writer.Write(second);
        NS_TEST_ASSERT_MSG_EQ(
            QueryInt(path, "SELECT COUNT(*) FROM runs WHERE addrPrefLength IS NULL"),
            1,
            "earlier run has no value for the new parameter");
    }
};

/**
 * \ingroup imssec-tests
 * Writing a run again replaces it (a failed run rerun successfully leaves one row).
 */
class ResultsRerunTestCase : public TestCase
{
  public:
    ResultsRerunTestCase()
        : TestCase("rerun replaces the run's rows")
    {
    }

  private:
    void DoRun() override
    {
        std::string path = FreshPath("rerun");
        ResultsWriter writer(path);
        RunRecord failed = MakeRecord("ues=20", 1);
        failed.status = "failed";
        failed.error = "interrupted";
        writer.Write(failed);
        NS_TEST_ASSERT_MSG_EQ(writer.HasCompletedRun("unit", "ues=20", 3, 1),
                              false,
                              "a failed run is not complete");
        writer.Write(MakeRecord("ues=20", 1));
        NS_TEST_ASSERT_MSG_EQ(QueryInt(path, "SELECT COUNT(*) FROM runs"), 1, "one run row");
        NS_TEST_ASSERT_MSG_EQ(QueryInt(path, "SELECT COUNT(*) FROM metrics"),
                              2,
                              "metrics of the first write deleted with it");
        NS_TEST_ASSERT_MSG_EQ(writer.HasCompletedRun("unit", "ues=20", 3, 1), true, "ok now");
    }
};

/**
 * \ingroup imssec-tests
 * Bad input is refused before anything is written; a file of another schema version is
 * refused with a message naming both versions.
 */
class ResultsBadInputTestCase : public TestCase
{
  public:
    ResultsBadInputTestCase()
        : TestCase("bad parameter names and foreign schema versions are refused")
    {
    }

  private:
    void DoRun() override
    {
        NS_TEST_ASSERT_MSG_EQ(ResultsWriter::IsValidParameterName("rotationInterval"), true, "");
        NS_TEST_ASSERT_MSG_EQ(ResultsWriter::IsValidParameterName("run"), false, "fixed");
        NS_TEST_ASSERT_MSG_EQ(ResultsWriter::IsValidParameterName("x\"; DROP TABLE runs"),
                              false,
                              "quote");
        NS_TEST_ASSERT_MSG_EQ(ResultsWriter::IsValidParameterName("9lives"), false, "digit");

        std::string path = FreshPath("bad");
        ResultsWriter writer(path);
        RunRecord bad = MakeRecord("x", 1);
        bad.parameters.emplace_back("bad name", "1");
        bool refused = false;
        try
        {
            writer.Write(bad);
        }
        catch (const SqliteError&)
        {
            refused = true;
        }
        NS_TEST_ASSERT_MSG_EQ(refused, true, "bad parameter name refused");
        NS_TEST_ASSERT_MSG_EQ(QueryInt(path, "SELECT COUNT(*) FROM runs"), 0, "nothing written");

        {
            SqliteDatabase db(path);
            db.Execute("UPDATE schema_info SET version = 999");
        }
        std::string message;
        try
        {
            ResultsWriter other(path);
        }
        catch (const SqliteError& e)
        {
            message = e.what();
        }
        NS_TEST_ASSERT_MSG_NE(message.find("999"), std::string::npos, message);
    }
};

/**
 * \ingroup imssec-tests
 * Results writer.
 */
class ResultsWriterTestSuite : public TestSuite
{
  public:
    ResultsWriterTestSuite()
        : TestSuite("imssec-stats-results", UNIT)
    {
        AddTestCase(new ResultsWriteTestCase, TestCase::QUICK);
        AddTestCase(new ResultsRerunTestCase, TestCase::QUICK);
        AddTestCase(new ResultsBadInputTestCase, TestCase::QUICK);
    }
};

static ResultsWriterTestSuite g_resultsWriterTestSuite; //!< Static suite instance
