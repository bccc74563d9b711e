"""Sign-in sessions kept on the server, so that signing out really ends them.

The browser's cookie holds a random session id; the database keeps only its
SHA-256 digest, when it started, when it was last seen and whether it was
ended. A copied cookie stops working once its row is marked ended (sign-out,
a password change, an admin's "sign out everywhere").

Ended rows stay until they are older than the longest session could live:
a session begun while the database could not be written exists only in its
cookie, and the row marks its id as ended if it is signed out later (see
``webapp/web_sessions.py``). For those unrecorded sessions, "sign out
everywhere" also raises the user's ``session_epoch``, which is part of the
stamp every session cookie carries (``AccountStore.session_stamp``).
"""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

import sqlite_utils

from .db import write_transaction


def create_sessions(db: sqlite_utils.Database) -> None:
    """Migration 0005_sessions: sign-in sessions."""
    db.execute("""CREATE TABLE sessions (
        id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        sid_hash TEXT NOT NULL UNIQUE, created_at REAL NOT NULL, last_seen_at REAL NOT NULL,
        address TEXT NOT NULL DEFAULT '', ended_at REAL)""")
    db.execute("CREATE INDEX sessions_user ON sessions (user_id)")
    db.execute("CREATE INDEX sessions_created ON sessions (created_at)")
    db.execute("ALTER TABLE users ADD COLUMN session_epoch INTEGER NOT NULL DEFAULT 0")


@dataclass
class SessionRecord:
    id: int
    user_id: int
    created_at: float
    last_seen_at: float
    address: str
    ended_at: float | None


def new_session_id() -> str:
    """A fresh random session id for the cookie (256 bits)."""
    return secrets.token_urlsafe(32)


def _digest(sid: str) -> str:
    return hashlib.sha256(sid.encode("utf-8")).hexdigest()


class SessionStore:
    """Session rows: record, find, touch, end one, end all of a user's."""

    COLUMNS = "id, user_id, created_at, last_seen_at, address, ended_at"

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def record(self, sid: str, user_id: int, created_at: float, now: float,
               address: str = "", keep_seconds: float | None = None) -> None:
        """Store a session (idempotent: a second call for the same id changes nothing).

        ``keep_seconds``: also delete rows older than that (ended or not, they can
        no longer be used once past the absolute timeout).
        """
        self.db.execute(
            "INSERT OR IGNORE INTO sessions (user_id, sid_hash, created_at, last_seen_at, "
            "address) VALUES (?, ?, ?, ?, ?)",
            [user_id, _digest(sid), created_at, now, address[:64]])
        if keep_seconds:
            self.db.execute("DELETE FROM sessions WHERE created_at < ?", [now - keep_seconds])

    def find(self, sid: str) -> SessionRecord | None:
        """The session with this id, ended or not; None if the database never saw it."""
        row = self.db.execute(f"SELECT {self.COLUMNS} FROM sessions WHERE sid_hash = ?",
                              [_digest(sid)]).fetchone()
        return SessionRecord(*row) if row else None

    def touch(self, sid: str, now: float) -> None:
        """Note activity on a session (for the users page; timeouts use the cookie's times)."""
        self.db.execute("UPDATE sessions SET last_seen_at = ? WHERE sid_hash = ?",
                        [now, _digest(sid)])

    def end(self, sid: str, user_id: int, created_at: float, now: float) -> None:
        """Mark one session ended, recording it first if the database never saw it."""
        self.db.execute(
            "INSERT INTO sessions (user_id, sid_hash, created_at, last_seen_at, ended_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (sid_hash) DO UPDATE SET "
            "ended_at = coalesce(ended_at, excluded.ended_at)",
            [user_id, _digest(sid), created_at, now, now])

    def end_all(self, user_id: int, now: float, keep_sid: str | None = None) -> int:
        """End every session of the user but ``keep_sid``; returns how many were open.

        Also raises the user's session epoch, which ends the sessions the database
        never recorded; the caller re-stamps the kept session's cookie.
        """
        with write_transaction(self.db):
            cursor = self.db.execute(
                "UPDATE sessions SET ended_at = ? WHERE user_id = ? AND ended_at IS NULL "
                "AND sid_hash != ?", [now, user_id, _digest(keep_sid) if keep_sid else ""])
            self.db.execute("UPDATE users SET session_epoch = session_epoch + 1 WHERE id = ?",
                            [user_id])
        return cursor.rowcount

    def open_counts(self, started_since: float, seen_since: float) -> dict[int, int]:
        """Sessions not ended, started and last seen after the given times, per user id."""
        rows = self.db.execute(
            "SELECT user_id, count(*) FROM sessions WHERE ended_at IS NULL AND created_at >= ? "
            "AND last_seen_at >= ? GROUP BY user_id", [started_since, seen_since]).fetchall()
        return dict(rows)
