"""The SQLite database: connection settings and schema migrations.

Each migration is a function applied once, in order, inside a transaction;
the applied ones are recorded in the ``migrations`` table. Store modules
(one per aggregate) hold all the SQL and return dataclasses.
"""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Callable

import sqlite_utils

Migration = Callable[[sqlite_utils.Database], None]
MIGRATIONS: list[tuple[str, Migration]] = []


def migration(name: str):
    """Register a schema migration under a stable name (order of registration)."""
    def register(fn: Migration) -> Migration:
        if any(existing == name for existing, _ in MIGRATIONS):
            raise ValueError(f"duplicate migration {name!r}")
        MIGRATIONS.append((name, fn))
        return fn
    return register


class StorageUnavailable(RuntimeError):
    """The database cannot take writes (read-only, or out of space); nothing was saved."""


STORAGE_PROBLEMS = {
    "readonly": "The database is read-only (maintenance mode or file permissions); nothing was saved.",
    "full": "The database is out of space; nothing was saved. Free disk space or raise the size limit.",
}


def storage_problem(exc: sqlite3.Error) -> str | None:
    """A plain explanation when ``exc`` means the database cannot take writes."""
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text:
        return STORAGE_PROBLEMS["readonly"]
    if "disk is full" in text or "database or disk is full" in text:
        return STORAGE_PROBLEMS["full"]
    return None


def connect(path: str | Path, *, read_only: bool = False,
            max_pages: int | None = None) -> sqlite_utils.Database:
    """Open the database file in WAL mode with foreign keys and a busy timeout.

    ``read_only`` (maintenance mode) refuses every write; ``max_pages`` caps the
    file's size in pages, so a full quota behaves like a full disk: the write
    fails cleanly and the database stays intact.
    """
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=15, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 15000")
    db = sqlite_utils.Database(conn)
    if not read_only:
        db.enable_wal()
    if max_pages:
        conn.execute(f"PRAGMA max_page_count = {int(max_pages)}")
    if read_only:
        conn.execute("PRAGMA query_only = ON")
    return db


def migrate(db: sqlite_utils.Database) -> list[str]:
    """Apply pending migrations; returns the names applied."""
    from . import schema  # noqa: F401  (registers the migrations)
    db.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT "
               "DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')))")
    done = {row[0] for row in db.execute("SELECT name FROM migrations").fetchall()}
    applied = []
    for name, fn in sorted(MIGRATIONS):  # by name, whatever the import order
        if name in done:
            continue
        with db.conn:
            fn(db)
            db.execute("INSERT INTO migrations (name) VALUES (?)", [name])
        applied.append(name)
    return applied


@contextmanager
def write_transaction(db: sqlite_utils.Database):
    """A write transaction that takes SQLite's write lock up front (``BEGIN IMMEDIATE``).

    The version check and the write must see the same state: outside a
    transaction two savers could both read version 4 and both write 5, and
    in a deferred one the second fails with "database is locked" when it
    upgrades to a writer (the busy timeout does not apply to that). Taking
    the lock before the read makes other savers wait their turn instead.
    Inside a transaction the caller already opened, it nests as a savepoint.
    """
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield db
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
