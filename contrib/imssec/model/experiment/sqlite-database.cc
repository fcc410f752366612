/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "sqlite-database.h"

#include "ns3/log.h"

#include <chrono>
#include <sqlite3.h>
#include <thread>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ImssecSqliteDatabase");

SqliteError::SqliteError(const std::string& what)
    : std::runtime_error(what)
{
}

SqliteDatabase::SqliteDatabase(const std::string& path, int busyTimeoutMs)
    : m_db(nullptr),
      m_path(path)
{
    NS_LOG_FUNCTION(this << path << busyTimeoutMs);
    int rc = sqlite3_open_v2(path.c_str(),
                             &m_db,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                             nullptr);
    if (rc != SQLITE_OK)
    {
        std::string msg = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
        sqlite3_close(m_db);
        m_db = nullptr;
        throw SqliteError("cannot open " + path + ": " + msg);
    }
    sqlite3_busy_timeout(m_db, busyTimeoutMs);
    // WAL lets readers (a plotting script) work while a run writes, and serialises writers
    // through one lock that RunInTransaction waits for.
    try
    {
        ExecuteWhileBusy(
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
            60000);
    }
    catch (...)
    {
        sqlite3_close(m_db);
        throw;
    }
}

SqliteDatabase::~SqliteDatabase()
{
    sqlite3_close(m_db);
}

namespace
{

/**
 * \param path the database file
 * \param rc an SQLite error code
 * \param context what was being done
 * \param message SQLite's message
 * \returns the error: a broken file is said in words, without the statement that met it
 */
SqliteError
MakeError(const std::string& path, int rc, const std::string& context, const std::string& message)
{
    switch (rc & 0xff) // extended codes share the primary code's low byte
    {
    case SQLITE_NOTADB:
        return SqliteError(path + " is not an SQLite database (" + message + ")");
    case SQLITE_CORRUPT:
        return SqliteError(path + " is corrupt (" + message + ")");
    default:
        return SqliteError(path + ": " + context + ": " + message);
    }
}

} // namespace

int
SqliteDatabase::Check(int rc, const std::string& context) const
{
    if (rc != SQLITE_OK && rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
        throw MakeError(m_path, rc, context, sqlite3_errmsg(m_db));
    }
    return rc;
}

void
SqliteDatabase::Execute(const std::string& sql)
{
    NS_LOG_FUNCTION(this << sql);
    char* err = nullptr;
    int rc = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK)
    {
        std::string msg = err ? err : sqlite3_errstr(rc);
        sqlite3_free(err);
        throw MakeError(m_path, rc, "in: " + sql, msg);
    }
}

void
SqliteDatabase::RunInTransaction(const std::function<void()>& body, int maxWaitMs)
{
    NS_LOG_FUNCTION(this);
    ExecuteWhileBusy("BEGIN IMMEDIATE", maxWaitMs);
    try
    {
        body();
        Execute("COMMIT");
    }
    catch (...)
    {
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

void
SqliteDatabase::ExecuteWhileBusy(const char* sql, int maxWaitMs)
{
    NS_LOG_FUNCTION(this << sql << maxWaitMs);
    auto start = std::chrono::steady_clock::now();
    // The busy handler already waits busyTimeoutMs per attempt; a writer that holds the lock
    // longer than that (a big run committing) must not make this run lose its rows.
    while (true)
    {
        int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr);
        if (rc == SQLITE_OK)
        {
            return;
        }
        auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::steady_clock::now() - start)
                          .count();
        // Extended codes (SQLITE_BUSY_RECOVERY, ...) share the primary code's low byte.
        int primary = rc & 0xff;
        if ((primary != SQLITE_BUSY && primary != SQLITE_LOCKED) || waited > maxWaitMs)
        {
            Check(rc, sql);
            throw SqliteError(m_path + ": database stayed locked for " + std::to_string(waited) +
                              " ms");
        }
        NS_LOG_LOGIC("database busy, retrying " << sql);
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

int64_t
SqliteDatabase::LastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

const std::string&
SqliteDatabase::GetPath() const
{
    return m_path;
}

SqliteDatabase::Statement::Statement(SqliteDatabase& db, const std::string& sql)
    : m_db(db),
      m_stmt(nullptr),
      m_sql(sql)
{
    m_db.Check(sqlite3_prepare_v2(m_db.m_db, sql.c_str(), -1, &m_stmt, nullptr), "prepare " + sql);
}

SqliteDatabase::Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

SqliteDatabase::Statement&
SqliteDatabase::Statement::Bind(int index, int64_t value)
{
    m_db.Check(sqlite3_bind_int64(m_stmt, index, value), "bind " + m_sql);
    return *this;
}

SqliteDatabase::Statement&
SqliteDatabase::Statement::Bind(int index, double value)
{
    m_db.Check(sqlite3_bind_double(m_stmt, index, value), "bind " + m_sql);
    return *this;
}

SqliteDatabase::Statement&
SqliteDatabase::Statement::Bind(int index, const std::string& value)
{
    m_db.Check(sqlite3_bind_text(m_stmt, index, value.data(), value.size(), SQLITE_TRANSIENT),
               "bind " + m_sql);
    return *this;
}

SqliteDatabase::Statement&
SqliteDatabase::Statement::BindNull(int index)
{
    m_db.Check(sqlite3_bind_null(m_stmt, index), "bind " + m_sql);
    return *this;
}

bool
SqliteDatabase::Statement::Step()
{
    return m_db.Check(sqlite3_step(m_stmt), "step " + m_sql) == SQLITE_ROW;
}

void
SqliteDatabase::Statement::Reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

int64_t
SqliteDatabase::Statement::ColumnInt(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double
SqliteDatabase::Statement::ColumnDouble(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

std::string
SqliteDatabase::Statement::ColumnText(int column) const
{
    const unsigned char* text = sqlite3_column_text(m_stmt, column);
    return text ? std::string(reinterpret_cast<const char*>(text)) : std::string();
}

} // namespace ns3
