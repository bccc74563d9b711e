"""The sign-in attempt log: who tried to sign in as whom, from where, and whether it worked.

It is shared by every app process (the throttle must not reset per worker) and
answers the questions the throttle (``webapp/sign_in_throttle.py``) asks:
failures for one username from one address since that pair last succeeded;
how many usernames one address has failed on lately; and, for the notice a
user sees after signing in, the failures against their account since their
previous sign-in. Usernames are stored as typed (lower-cased, cut to 80
characters), so attempts on names that do not exist count too.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

import sqlite_utils


RETENTION_SECONDS = 7 * 86_400  # long enough to tell a weekly user about failures since
MAX_NAME, MAX_ADDRESS = 80, 64


def create_sign_in_attempts(db: sqlite_utils.Database) -> None:
    """Migration 0004_sign_in_attempts: the sign-in log."""
    db.execute("CREATE TABLE sign_in_attempts (id INTEGER PRIMARY KEY, username TEXT NOT NULL, "
               "address TEXT NOT NULL, ok INTEGER NOT NULL, at REAL NOT NULL)")
    db.execute("CREATE INDEX sign_in_attempts_pair ON sign_in_attempts (username, address, at)")
    db.execute("CREATE INDEX sign_in_attempts_address ON sign_in_attempts (address, at)")
    db.execute("CREATE INDEX sign_in_attempts_at ON sign_in_attempts (at)")


@dataclass
class Failures:
    """Failed attempts from one address: how many and the latest (epoch seconds)."""
    address: str
    count: int
    last_at: float


def normal_name(username: str) -> str:
    """The form a typed username is logged and compared in."""
    return username.strip().lower()[:MAX_NAME]


class SignInLog:
    """Attempts keyed by (username, address); all times are epoch seconds."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def record(self, username: str, address: str, ok: bool, now: float | None = None) -> int:
        """Log one attempt (and drop attempts older than the retention period); its row id.

        Raises when the database cannot be written: callers use ``try_write``.
        """
        now = time.time() if now is None else now
        row = self.db.execute("INSERT INTO sign_in_attempts (username, address, ok, at) "
                              "VALUES (?, ?, ?, ?)",
                              [normal_name(username), address[:MAX_ADDRESS], int(bool(ok)), now]
                              ).lastrowid
        self.db.execute("DELETE FROM sign_in_attempts WHERE at < ?", [now - RETENTION_SECONDS])
        return row

    def discard(self, row_id: int) -> None:
        """Remove one attempt (a guess counted in advance that turned out right)."""
        self.db.execute("DELETE FROM sign_in_attempts WHERE rowid = ?", [row_id])

    def pair_failures(self, username: str, address: str, since: float) -> tuple[int, float]:
        """(count, latest time) of failures for the pair after ``since`` and its last success."""
        name, address = normal_name(username), address[:MAX_ADDRESS]
        row = self.db.execute(
            "SELECT count(*), coalesce(max(at), 0) FROM sign_in_attempts "
            "WHERE username = ? AND address = ? AND ok = 0 AND at >= ? AND at > coalesce("
            "(SELECT max(at) FROM sign_in_attempts WHERE username = ? AND address = ? AND ok = 1),"
            " -1)", [name, address, since, name, address]).fetchone()
        return row[0], row[1]

    def usernames_failed_from(self, address: str, since: float) -> int:
        """How many different usernames failed from ``address`` after ``since``."""
        return self.db.execute(
            "SELECT count(DISTINCT username) FROM sign_in_attempts "
            "WHERE address = ? AND ok = 0 AND at >= ?",
            [address[:MAX_ADDRESS], since]).fetchone()[0]

    def failures_since_last_success(self, username: str) -> list[Failures]:
        """Failures against ``username`` since its last successful sign-in, per address."""
        name = normal_name(username)
        rows = self.db.execute(
            "SELECT address, count(*), max(at) FROM sign_in_attempts WHERE username = ? "
            "AND ok = 0 AND at > coalesce((SELECT max(at) FROM sign_in_attempts "
            "WHERE username = ? AND ok = 1), -1) GROUP BY address ORDER BY max(at) DESC",
            [name, name]).fetchall()
        return [Failures(*row) for row in rows]
