"""Opens imssec results databases for the Python tools (imssec-batch, imssec-plot).

Every database a tool opens is checked first, and what is wrong is said in one line
(ResultsDbError): a missing, empty or truncated file, a file that is not SQLite, a corrupt one
(SQLite's quick_check, linear in the file size), one locked by another process for longer
than IMSSEC_DB_TIMEOUT seconds (default 60), or one of another schema version.
"""
import os
import sqlite3

SCHEMA_VERSION = 1  # ResultsWriter::SCHEMA_VERSION
SQLITE_HEADER = b"SQLite format 3\0"  # the first 16 bytes of every SQLite 3 database


class ResultsDbError(Exception):
    """A database that cannot be used, with the reason in one line."""


def timeout():
    """Seconds to wait for another process's lock."""
    try:
        return float(os.environ.get("IMSSEC_DB_TIMEOUT", "60"))
    except ValueError:
        return 60.0


def _header_problem(path):
    """What the file's first 100 bytes (the SQLite header) say is wrong, or None."""
    size = os.path.getsize(path)
    if size == 0:
        return f"{path} is an empty file, not a results database"
    with open(path, "rb") as f:
        header = f.read(100)
    if not header.startswith(SQLITE_HEADER):
        return f"{path} is not an SQLite database (its first bytes are not the SQLite header)"
    if len(header) < 100:
        return f"{path} is truncated ({size} bytes, shorter than an SQLite header)"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return f"{path} has a damaged SQLite header (page size {page_size})"
    pages = int.from_bytes(header[28:32], "big")
    if size < pages * page_size:
        return f"{path} is truncated ({size} bytes, its header says {pages * page_size})"
    return None


def _reason(path, error):
    """One line for an SQLite error met while reading path."""
    text = str(error)
    if "locked" in text or "busy" in text:
        return (f"{path} is locked by another process (waited {timeout():g} s; "
                f"IMSSEC_DB_TIMEOUT sets how long): try again when it is done")
    return _header_problem(path) or f"{path} is corrupt or unreadable ({text})"


def open_results(path, create=False):
    """A connection to the checked results database at path.

    A file that does not exist is an error unless create is true (then it is created when
    first written).  An SQLite file without imssec's tables (a new one) is accepted: it
    holds no runs.
    """
    if not os.path.exists(path):
        if not create:
            raise ResultsDbError(f"{path} does not exist")
        return sqlite3.connect(path, timeout=timeout())
    if not os.path.isfile(path):
        raise ResultsDbError(f"{path} is not a file")
    problem = _header_problem(path)
    if problem:
        raise ResultsDbError(problem)
    con = sqlite3.connect(path, timeout=timeout())
    try:
        check = con.execute("PRAGMA quick_check(1)").fetchone()[0]
        if check != "ok":
            raise ResultsDbError(f"{path} is corrupt (SQLite quick_check: "
                                 f"{' '.join(check.split())})")
        tables = {name for (name,) in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if tables and not {"runs", "schema_info"} <= tables:
            raise ResultsDbError(f"{path} is an SQLite database but not an imssec results "
                                 f"database (no runs and schema_info tables)")
        if tables:
            row = con.execute("SELECT version FROM schema_info").fetchone()
            if not row or row[0] != SCHEMA_VERSION:
                raise ResultsDbError(f"{path} has results schema version "
                                     f"{row[0] if row else 'none'}, these tools read version "
                                     f"{SCHEMA_VERSION}")
    except sqlite3.Error as e:
        con.close()
        raise ResultsDbError(_reason(path, e))
    except ResultsDbError:
        con.close()
        raise
    return con


def has_runs_table(con):
    """True when the database has imssec's tables (a new file has none yet)."""
    return con.execute("SELECT 1 FROM sqlite_master WHERE name = 'runs'").fetchone() is not None


def query(con, path, sql, args=()):
    """All rows of sql; an SQLite error becomes a ResultsDbError naming path."""
    try:
        return con.execute(sql, args).fetchall()
    except sqlite3.Error as e:
        raise ResultsDbError(_reason(path, e))
