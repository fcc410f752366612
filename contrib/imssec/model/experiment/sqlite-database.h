/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef SQLITE_DATABASE_H
#define SQLITE_DATABASE_H

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace ns3
{

/**
 * \ingroup imssec
 * \brief Error raised by SqliteDatabase, carrying SQLite's message and the statement.
 */
class SqliteError : public std::runtime_error
{
  public:
    /**
     * \param what the message
     */
    explicit SqliteError(const std::string& what);
};

/**
 * \ingroup imssec
 * \brief A small wrapper over the sqlite3 C API for writing results databases.
 *
 * ns-3's SQLiteOutput changed its constructor between 3.36 and 3.37 and binds no uint64_t,
 * so imssec uses the C API directly.  Several processes may write the same file: the
 * database uses write-ahead logging and a busy timeout, and RunInTransaction() takes the
 * write lock up front (BEGIN IMMEDIATE) and retries while another writer holds it, so a
 * transaction either commits whole or leaves no row behind.
 */
class SqliteDatabase
{
  public:
    /**
     * \brief A prepared statement; bind parameters are numbered from 1.
     */
    class Statement
    {
      public:
        /**
         * \param db the database
         * \param sql the statement text
         */
        Statement(SqliteDatabase& db, const std::string& sql);
        ~Statement();
        Statement(const Statement&) = delete;
        Statement& operator=(const Statement&) = delete;

        /**
         * \param index parameter index (from 1)
         * \param value the value
         * \returns this statement
         */
        Statement& Bind(int index, int64_t value);
        /**
         * \param index parameter index (from 1)
         * \param value the value
         * \returns this statement
         */
        Statement& Bind(int index, double value);
        /**
         * \param index parameter index (from 1)
         * \param value the value (copied by SQLite)
         * \returns this statement
         */
        Statement& Bind(int index, const std::string& value);
        /**
         * \param index parameter index (from 1)
         * \returns this statement, with SQL NULL bound
         */
        Statement& BindNull(int index);
        /**
         * \brief Executes one step.
         * \returns true when a row is available, false when the statement is done
         */
        bool Step();
        /**
         * \brief Resets the statement and clears its bindings, ready to be executed again.
         */
        void Reset();
        /**
         * \param column column index (from 0)
         * \returns the column of the current row as an integer
         */
        int64_t ColumnInt(int column) const;
        /**
         * \param column column index (from 0)
         * \returns the column of the current row as a double
         */
        double ColumnDouble(int column) const;
        /**
         * \param column column index (from 0)
         * \returns the column of the current row as text ("" for NULL)
         */
        std::string ColumnText(int column) const;

      private:
        SqliteDatabase& m_db; //!< owning database
        sqlite3_stmt* m_stmt; //!< compiled statement
        std::string m_sql;    //!< text, for error messages
    };

    /**
     * \brief Opens (creating if needed) a database file.
     * \param path file name
     * \param busyTimeoutMs how long one statement waits for another writer's lock; opening
     * retries the connection's settings for up to 60 s while other connections hold locks
     */
    explicit SqliteDatabase(const std::string& path, int busyTimeoutMs = 10000);
    ~SqliteDatabase();
    SqliteDatabase(const SqliteDatabase&) = delete;
    SqliteDatabase& operator=(const SqliteDatabase&) = delete;

    /**
     * \brief Executes statements that return no rows.
     * \param sql one or more statements separated by ';'
     */
    void Execute(const std::string& sql);

    /**
     * \brief Runs body inside BEGIN IMMEDIATE ... COMMIT, retrying while another writer
     * holds the lock; rolls back and rethrows if body throws.
     * \param body the work to do
     * \param maxWaitMs give up (SqliteError) after waiting this long for the lock in total
     */
    void RunInTransaction(const std::function<void()>& body, int maxWaitMs = 600000);

    /**
     * \returns the rowid of the last row inserted through this connection
     */
    int64_t LastInsertRowId() const;

    /**
     * \returns the file name
     */
    const std::string& GetPath() const;

  private:
    /**
     * \param rc an SQLite result code
     * \param context what was being done
     * \returns rc when it is not an error; throws SqliteError otherwise
     */
    int Check(int rc, const std::string& context) const;

    /**
     * \brief Executes sql, retrying while another connection holds a lock.
     *
     * The busy handler alone is not enough: a connection opening a WAL database while others
     * write (or recover the WAL index) can be refused at once, whatever the busy timeout.
     * \param sql statements that return no rows
     * \param maxWaitMs give up (SqliteError) after waiting this long in total
     */
    void ExecuteWhileBusy(const char* sql, int maxWaitMs);

    sqlite3* m_db;      //!< connection
    std::string m_path; //!< file name
};

} // namespace ns3

#endif /* SQLITE_DATABASE_H */
