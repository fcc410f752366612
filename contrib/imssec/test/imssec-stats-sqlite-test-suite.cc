/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ns3/sqlite-database.h"
#include "ns3/test.h"

#include <filesystem>
#include <mutex>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace ns3;

namespace
{

/**
 * \returns a fresh database file name in the system's temporary directory
 * \param tag part of the name
 */
std::string
FreshDatabasePath(const std::string& tag)
{
    static int counter = 0;
    auto path = std::filesystem::temp_directory_path() /
                ("imssec-sqlite-" + tag + "-" + std::to_string(getpid()) + "-" +
                 std::to_string(counter++) + ".sqlite");
    for (const char* suffix : {"", "-wal", "-shm"})
    {
        std::filesystem::remove(path.string() + suffix);
    }
    return path.string();
}

/**
 * \param db database
 * \param table table name
 * \returns number of rows in the table
 */
int64_t
CountRows(SqliteDatabase& db, const std::string& table)
{
    SqliteDatabase::Statement count(db, "SELECT COUNT(*) FROM " + table);
    count.Step();
    return count.ColumnInt(0);
}

} // namespace

/**
 * \ingroup imssec-tests
 * Values of every bound type come back unchanged, including 64-bit integers beyond 2^53
 * (which a double-based binding would round).
 */
class SqliteRoundTripTestCase : public TestCase
{
  public:
    SqliteRoundTripTestCase()
        : TestCase("bound values read back unchanged")
    {
    }

  private:
    void DoRun() override
    {
        std::string path = FreshDatabasePath("roundtrip");
        {
            SqliteDatabase db(path);
            db.Execute("CREATE TABLE t (i INTEGER, d REAL, s TEXT, n TEXT)");
            SqliteDatabase::Statement insert(db, "INSERT INTO t VALUES (?, ?, ?, ?)");
            insert.Bind(1, int64_t(9007199254740993))
                .Bind(2, 0.125)
                .Bind(3, std::string("ipsec-3gpp;alg=\"x\"\n"))
                .BindNull(4);
            NS_TEST_ASSERT_MSG_EQ(insert.Step(), false, "INSERT returns no row");
        }
        SqliteDatabase db(path);
        SqliteDatabase::Statement select(db, "SELECT i, d, s, n IS NULL FROM t");
        NS_TEST_ASSERT_MSG_EQ(select.Step(), true, "one row");
        NS_TEST_ASSERT_MSG_EQ(select.ColumnInt(0), int64_t(9007199254740993), "int64");
        NS_TEST_ASSERT_MSG_EQ(select.ColumnDouble(1), 0.125, "double");
        NS_TEST_ASSERT_MSG_EQ(select.ColumnText(2), "ipsec-3gpp;alg=\"x\"\n", "text");
        NS_TEST_ASSERT_MSG_EQ(select.ColumnInt(3), 1, "null");
        NS_TEST_ASSERT_MSG_EQ(select.Step(), false, "only one row");
    }
};

/**
 * \ingroup imssec-tests
 * A transaction interrupted by an exception leaves no row behind; errors name the cause.
 */
class SqliteRollbackTestCase : public TestCase
{
  public:
    SqliteRollbackTestCase()
        : TestCase("interrupted transaction leaves nothing")
    {
    }

  private:
    void DoRun() override
    {
        SqliteDatabase db(FreshDatabasePath("rollback"));
        db.Execute("CREATE TABLE runs (id INTEGER PRIMARY KEY, v INTEGER)");
        bool thrown = false;
        try
        {
            db.RunInTransaction([&db]() {
                db.Execute("INSERT INTO runs (v) VALUES (1)");
                db.Execute("INSERT INTO runs (v) VALUES (2)");
                throw std::runtime_error("run interrupted");
            });
        }
        catch (const std::runtime_error& e)
        {
            thrown = std::string(e.what()) == "run interrupted";
        }
        NS_TEST_ASSERT_MSG_EQ(thrown, true, "the body's exception reaches the caller");
        NS_TEST_ASSERT_MSG_EQ(CountRows(db, "runs"), 0, "rolled back");

        db.RunInTransaction([&db]() { db.Execute("INSERT INTO runs (v) VALUES (3)"); });
        NS_TEST_ASSERT_MSG_EQ(CountRows(db, "runs"), 1, "committed");

        std::string message;
        try
        {
            db.Execute("INSERT INTO no_such_table VALUES (1)");
        }
        catch (const SqliteError& e)
        {
            message = e.what();
        }
        NS_TEST_ASSERT_MSG_NE(message.find("no_such_table"), std::string::npos, message);
    }
};

/**
 * \ingroup imssec-tests
 * Several writers with their own connections (as parallel runs of a batch are) commit every
 * one of their rows: waiting for the lock never loses a transaction.
 */
class SqliteConcurrentWritersTestCase : public TestCase
{
  public:
    SqliteConcurrentWritersTestCase()
        : TestCase("concurrent writers lose no rows")
    {
    }

  private:
    void DoRun() override
    {
        std::string path = FreshDatabasePath("concurrent");
        {
            SqliteDatabase db(path);
            db.Execute("CREATE TABLE rows (writer INTEGER, n INTEGER)");
        }
        const int writers = 4;
        const int transactions = 25;
        const int rowsPerTransaction = 10;
        std::mutex errorMutex;
        std::string errors;
        std::vector<std::thread> threads;
        for (int w = 0; w < writers; ++w)
        {
            threads.emplace_back([&, w]() {
                try
                {
                    // A short busy timeout forces RunInTransaction's own retry loop to work.
                    SqliteDatabase db(path, 1);
                    SqliteDatabase::Statement insert(db, "INSERT INTO rows VALUES (?, ?)");
                    for (int t = 0; t < transactions; ++t)
                    {
                        db.RunInTransaction([&]() {
                            for (int r = 0; r < rowsPerTransaction; ++r)
                            {
                                insert.Bind(1, int64_t(w)).Bind(2, int64_t(t * 100 + r));
                                insert.Step();
                                insert.Reset();
                            }
                        });
                    }
                }
                catch (const std::exception& e)
                {
                    std::lock_guard<std::mutex> lock(errorMutex);
                    errors += std::string(e.what()) + "; ";
                }
            });
        }
        for (auto& t : threads)
        {
            t.join();
        }
        NS_TEST_ASSERT_MSG_EQ(errors, "", "no writer failed");
        SqliteDatabase db(path);
        NS_TEST_ASSERT_MSG_EQ(CountRows(db, "rows"),
                              writers * transactions * rowsPerTransaction,
                              "every row committed");
    }
};

/**
 * \ingroup imssec-tests
 * SQLite results database wrapper.
 */
class SqliteDatabaseTestSuite : public TestSuite
{
  public:
    SqliteDatabaseTestSuite()
        : TestSuite("imssec-stats-sqlite", UNIT)
    {
        AddTestCase(new SqliteRoundTripTestCase, TestCase::QUICK);
        AddTestCase(new SqliteRollbackTestCase, TestCase::QUICK);
        AddTestCase(new SqliteConcurrentWritersTestCase, TestCase::QUICK);
    }
};

static SqliteDatabaseTestSuite g_sqliteDatabaseTestSuite; //!< Static suite instance
