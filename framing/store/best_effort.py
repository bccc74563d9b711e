"""Bookkeeping writes the app can do without: made when the database takes them, else skipped.

Signing in, checking a session and using an API token each want to write a
little bookkeeping (a sign-in attempt, a session record or its last activity,
a token's last use). In maintenance mode (``FRAMING_READ_ONLY``), on a
read-only database file or on a full disk those writes fail, and reading and
signing in must keep working, so they go through :func:`try_write`, which
answers False instead of raising. What a user asked to save never goes
through here: it must fail loudly with the 503 the error handlers give.
"""
from __future__ import annotations

import logging
import sqlite3
from typing import Callable

import sqlite_utils

from .db import storage_problem, write_transaction

log = logging.getLogger(__name__)


def writable(db: sqlite_utils.Database) -> bool:
    """False when the connection refuses every write (maintenance mode's ``query_only``)."""
    return not db.execute("PRAGMA query_only").fetchone()[0]


def skippable(exc: sqlite3.Error) -> bool:
    """Whether a failed bookkeeping write may be dropped: read-only, full or busy database."""
    return storage_problem(exc) is not None or "locked" in str(exc).lower()


def try_write(db: sqlite_utils.Database, write: Callable[[], object]) -> bool:
    """Run ``write`` in a transaction; False (nothing written) if the database refuses.

    Inside a transaction the caller opened, it is a savepoint: a refused write
    rolls back only itself.
    """
    if not writable(db):
        return False  # maintenance mode: do not even try (no error noise per request)
    try:
        with write_transaction(db):
            write()
    except sqlite3.OperationalError as exc:
        if not skippable(exc):
            raise
        log.warning("skipped a bookkeeping write: %s", exc)
        return False
    return True
