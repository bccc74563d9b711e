"""The SQLite database: connection settings and schema migrations.

Each migration is a function applied once, in name order, inside a
transaction; the applied ones are recorded in the ``migrations`` table. The
lists of migrations live with their packages (:mod:`framing.store.migrations`
for the engine, :mod:`campaigns.migrations` for campaigns); whoever opens the
app's database composes them and passes them to :func:`migrate`. Store
modules (one per aggregate) hold all the SQL and return dataclasses.
"""
from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Sequence

import sqlite_utils

Migration = Callable[[sqlite_utils.Database], None]
# The database, its -wal/-shm files (SQLite gives them the database's mode), backups and
# lock files: profiles hold notes about real people, so only the owner may read them.
PRIVATE_FILE_MODE = 0o600


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


def create_private_file(path: str | Path) -> bool:
    """Create an empty file readable by its owner only, unless it exists; True if created.

    SQLite would create a missing database with the process umask (usually
    world-readable); an empty file is a valid empty database, and SQLite
    gives the -wal and -shm files it creates the database file's mode.
    Existing files keep whatever mode their owner chose.
    """
    if str(path) in ("", ":memory:") or str(path).startswith("file:"):
        return False
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    except FileExistsError:
        return False
    os.close(fd)
    os.chmod(path, PRIVATE_FILE_MODE)  # in case the umask took bits away from the owner
    return True


def connect(path: str | Path, *, read_only: bool = False,
            max_pages: int | None = None) -> sqlite_utils.Database:
    """Open the database file in WAL mode with foreign keys and a busy timeout.

    ``read_only`` (maintenance mode) refuses every write; ``max_pages`` caps the
    file's size in pages, so a full quota behaves like a full disk: the write
    fails cleanly and the database stays intact.
    """
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    create_private_file(path)
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


def migrate(db: sqlite_utils.Database, migrations: Sequence[tuple[str, Migration]],
            upto: str | None = None) -> list[str]:
    """Apply the pending ones of ``migrations`` ((name, function) pairs, applied in name
    order, up to and including ``upto`` if given); returns the names of those applied.

    Safe to call from several processes at once (each gunicorn worker, a
    ``framing db upgrade``, a development server): migrators take turns under
    a lock file beside the database, and each migration is applied in its own
    write transaction together with its record, after checking again that no
    one applied it meanwhile. A crash halfway leaves the migration unapplied
    and unrecorded, so the next start simply applies it.
    """
    wanted = [(name, fn) for name, fn in sorted(migrations)  # by name, whatever the list order
              if upto is None or name <= upto]
    if not _pending(db, wanted):
        return []  # the common case: nothing to do, no lock, no write
    applied = []
    with migration_lock(db):
        with write_transaction(db):
            db.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at "
                       "TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')))")
        for name, fn in wanted:
            if _apply(db, name, fn):
                applied.append(name)
    return applied


def _apply(db: sqlite_utils.Database, name: str, fn: Migration) -> bool:
    """Apply one migration and record it in one write transaction; False if already applied."""
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        if db.execute("SELECT 1 FROM migrations WHERE name = ?", [name]).fetchone():
            conn.execute("ROLLBACK")
            return False
        fn(db)
        db.execute("INSERT INTO migrations (name) VALUES (?)", [name])
        # A migration that commits on its own (sqlite-utils' table helpers do) ends the
        # transaction early; the lock file still keeps other migrators out.
        if conn.in_transaction:
            conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return True


def _pending(db: sqlite_utils.Database, wanted: list[tuple[str, Migration]]) -> list[str]:
    if not db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'"
                      ).fetchone():
        return [name for name, _ in wanted]
    done = {row[0] for row in db.execute("SELECT name FROM migrations").fetchall()}
    return [name for name, _ in wanted if name not in done]


def database_file(db: sqlite_utils.Database) -> str | None:
    """The main database's file path, or None for an in-memory or temporary database."""
    for _, name, file in db.execute("PRAGMA database_list").fetchall():
        if name == "main":
            return file or None
    return None


@contextmanager
def migration_lock(db: sqlite_utils.Database):
    """Hold an exclusive lock on ``<database>.migrate-lock`` while migrating.

    A lock file rather than one long SQLite transaction: it waits as long as
    the other migrator needs (no busy timeout to run out), and it serialises
    whole migration runs, not single statements. ``flock`` locks belong to
    the open file, so threads and processes on this machine both wait.
    """
    path = database_file(db)
    if path is None:
        yield
        return
    fd = os.open(f"{path}.migrate-lock", os.O_RDWR | os.O_CREAT, PRIVATE_FILE_MODE)
    try:
        _lock_exclusive(fd)
        yield
    finally:
        os.close(fd)  # closing the file releases the lock


def _lock_exclusive(fd: int) -> None:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt
        while True:
            try:
                msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
                return
            except OSError:
                continue  # LK_LOCK gives up after about 10 s; keep waiting
    fcntl.flock(fd, fcntl.LOCK_EX)


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
