"""Request counters per key and fixed time window, shared by every app process.

The web app's analysis rate limit (``webapp/rate_limit.py``) counts each user's
analysis requests here. The count lives in the database, not in a process, so
the limit holds across gunicorn workers: every worker increments the same row,
inside a write transaction, and reads back the total.

Windows are fixed: ``window`` seconds long, aligned to multiples of ``window``
since the epoch. Each hit drops rows older than the previous window, so the
table holds at most two rows per active key.
"""
from __future__ import annotations

import math
import time
from dataclasses import dataclass

import sqlite_utils

from .db import write_transaction


def create_request_counts(db: sqlite_utils.Database) -> None:
    """Migration 0700_request_counts: the analysis rate limit's counters."""
    db.execute("CREATE TABLE request_counts (key TEXT NOT NULL, window_start INTEGER NOT NULL, "
               "count INTEGER NOT NULL, PRIMARY KEY (key, window_start)) WITHOUT ROWID")
    db.execute("CREATE INDEX request_counts_window ON request_counts (window_start)")


@dataclass(frozen=True)
class Count:
    """Requests counted for a key in the window starting at ``window_start`` (epoch s)."""

    count: int
    window_start: int
    window: int

    def retry_after(self, now: float) -> int:
        """Whole seconds until this window ends (at least 1), for ``Retry-After``."""
        return max(1, math.ceil(self.window_start + self.window - now))


def window_start(now: float, window: int) -> int:
    """The start of the fixed window of ``window`` seconds that holds ``now``."""
    return int(now // window) * window


class RequestCounts:
    """Counts requests per key in the database (one connection per caller)."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def hit(self, key: str, window: int, now: float | None = None) -> Count:
        """Count one request for ``key`` in the current window and return the total so far.

        Raises ``sqlite3.OperationalError`` when the database cannot be written
        (maintenance mode, full disk); the caller decides what to do then.
        """
        if window <= 0:
            raise ValueError("window: must be a positive number of seconds")
        now = time.time() if now is None else now
        start = window_start(now, window)
        with write_transaction(self.db):
            count = self.db.execute(
                "INSERT INTO request_counts (key, window_start, count) VALUES (?, ?, 1) "
                "ON CONFLICT (key, window_start) DO UPDATE SET count = count + 1 "
                "RETURNING count", [key, start]).fetchone()[0]
            self.db.execute("DELETE FROM request_counts WHERE window_start < ?",
                            [start - window])
        return Count(count, start, window)
