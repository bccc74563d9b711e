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


def connect(path: str | Path) -> sqlite_utils.Database:
    """Open the database file in WAL mode with foreign keys and a busy timeout."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=15, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 15000")
    db = sqlite_utils.Database(conn)
    db.enable_wal()
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
