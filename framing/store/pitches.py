"""Saved pitches and their numbered versions.

A pitch is a draft message to one partner (or a sector); each save adds a
version numbered 1, 2, 3... so earlier drafts and their check results can be
compared. Numbers are assigned under SQLite's write lock and guarded by
UNIQUE(pitch_id, number), so concurrent saves never share a number.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlite_utils

from .. import validation
from ..validation import ValidationError
from ..constants import MESSAGE_KINDS
from ..settings import DEFAULT_MAX_CHARS
from .db import write_transaction
from .profiles import actor, utcnow

PITCH_KINDS = MESSAGE_KINDS
MAX_TITLE, MAX_TEXT = 200, DEFAULT_MAX_CHARS


def create_pitches(db: sqlite_utils.Database) -> None:
    """Migration 0200_pitches: pitches."""
    # Deleting a profile keeps its pitches (they are the coalition's own drafts).
    db.execute("""CREATE TABLE pitches (
        id INTEGER PRIMARY KEY, title TEXT NOT NULL,
        profile_id INTEGER REFERENCES profiles (id) ON DELETE SET NULL,
        sector TEXT, kind TEXT NOT NULL DEFAULT 'pitch',
        created_at TEXT NOT NULL, created_by TEXT NOT NULL DEFAULT '')""")
    db.execute("CREATE INDEX pitches_profile ON pitches (profile_id)")


def create_pitch_versions(db: sqlite_utils.Database) -> None:
    """Migration 0201_pitch_versions: pitch versions."""
    db.execute("""CREATE TABLE pitch_versions (
        id INTEGER PRIMARY KEY,
        pitch_id INTEGER NOT NULL REFERENCES pitches (id) ON DELETE CASCADE,
        number INTEGER NOT NULL, text TEXT NOT NULL, note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL, created_by TEXT NOT NULL DEFAULT '',
        UNIQUE (pitch_id, number))""")


class PitchNotFound(LookupError):
    """No pitch (or no such version of it)."""


@dataclass
class PitchVersion:
    id: int
    pitch_id: int
    number: int
    text: str
    note: str
    created_at: str
    created_by: str


@dataclass
class Pitch:
    id: int
    title: str
    profile_id: int | None
    sector: str | None
    kind: str
    created_at: str
    created_by: str
    latest: PitchVersion | None
    version_count: int


_VERSION_COLS = "v.id, v.pitch_id, v.number, v.text, v.note, v.created_at, v.created_by"
# One row per pitch with its latest version joined in and its version count.
_PITCH_SQL = f"""SELECT p.id, p.title, p.profile_id, p.sector, p.kind, p.created_at, p.created_by,
    (SELECT COUNT(*) FROM pitch_versions c WHERE c.pitch_id = p.id), {_VERSION_COLS}
  FROM pitches p LEFT JOIN pitch_versions v ON v.pitch_id = p.id
   AND v.number = (SELECT MAX(number) FROM pitch_versions m WHERE m.pitch_id = p.id)"""


def _pitch(row: tuple) -> Pitch:
    latest = PitchVersion(*row[8:]) if row[8] is not None else None
    return Pitch(*row[:7], latest=latest, version_count=row[7])


class PitchStore:
    """Pitches and their versions in one SQLite database."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def list(self, profile_id: int | None = None) -> list[Pitch]:
        """Pitches, newest first; only one profile's when ``profile_id`` is given."""
        where, params = ("WHERE p.profile_id = ?", [profile_id]) if profile_id is not None \
            else ("", [])
        rows = self.db.execute(f"{_PITCH_SQL} {where} ORDER BY p.created_at DESC, p.id DESC",
                               params).fetchall()
        return [_pitch(r) for r in rows]

    def get(self, id: int) -> Pitch:
        """One pitch with its latest version; raises PitchNotFound."""
        row = self.db.execute(f"{_PITCH_SQL} WHERE p.id = ?", [id]).fetchone()
        if row is None:
            raise PitchNotFound(f"pitch {id} not found")
        return _pitch(row)

    def create(self, title: str, text: str, user: Any, profile_id: int | None = None,
               sector: str | None = None, kind: str = "pitch", note: str = "") -> Pitch:
        """Save a new pitch with its first version (number 1).

        Raises ValidationError on a blank title or text, an unknown kind, or a
        profile_id that does not exist.
        """
        title = validation.text(title, "title", MAX_TITLE, required=True)
        if kind not in PITCH_KINDS:
            raise ValidationError("kind", f"expected one of {', '.join(PITCH_KINDS)}")
        now, who = utcnow(), actor(user)
        with write_transaction(self.db):
            if profile_id is not None and self.db.execute(
                    "SELECT 1 FROM profiles WHERE id = ?", [profile_id]).fetchone() is None:
                raise ValidationError("profile_id", f"no profile {profile_id}")
            cur = self.db.execute(
                "INSERT INTO pitches (title, profile_id, sector, kind, created_at, created_by)"
                " VALUES (?, ?, ?, ?, ?, ?)", [title, profile_id, sector or None, kind, now, who])
            self._insert_version(cur.lastrowid, text, who, note, now)
        return self.get(cur.lastrowid)

    def add_version(self, pitch_id: int, text: str, user: Any, note: str = "") -> PitchVersion:
        """Save a new version of a pitch, numbered one above the highest so far."""
        with write_transaction(self.db):
            if self.db.execute("SELECT 1 FROM pitches WHERE id = ?",
                               [pitch_id]).fetchone() is None:
                raise PitchNotFound(f"pitch {pitch_id} not found")
            return self._insert_version(pitch_id, text, actor(user), note, utcnow())

    def _insert_version(self, pitch_id: int, text: str, who: str, note: str,
                        now: str) -> PitchVersion:
        # Must run inside write_transaction: the MAX() read and the insert
        # happen under one write lock, so two savers cannot pick the same number.
        text = validation.text(text, "text", MAX_TEXT, required=True)
        note = validation.text(note or "", "note", MAX_TITLE * 5)
        (number,) = self.db.execute("SELECT COALESCE(MAX(number), 0) + 1 FROM pitch_versions"
                                    " WHERE pitch_id = ?", [pitch_id]).fetchone()
        cur = self.db.execute(
            "INSERT INTO pitch_versions (pitch_id, number, text, note, created_at, created_by)"
            " VALUES (?, ?, ?, ?, ?, ?)", [pitch_id, number, text, note, now, who])
        return PitchVersion(cur.lastrowid, pitch_id, number, text, note, now, who)

    def versions(self, pitch_id: int) -> list[PitchVersion]:
        """Every version of a pitch, oldest first; raises PitchNotFound."""
        self.get(pitch_id)
        rows = self.db.execute(f"SELECT {_VERSION_COLS} FROM pitch_versions v"
                               " WHERE v.pitch_id = ? ORDER BY v.number", [pitch_id]).fetchall()
        return [PitchVersion(*r) for r in rows]

    def version(self, pitch_id: int, number: int) -> PitchVersion:
        """One numbered version of a pitch; raises PitchNotFound."""
        row = self.db.execute(f"SELECT {_VERSION_COLS} FROM pitch_versions v"
                              " WHERE v.pitch_id = ? AND v.number = ?",
                              [pitch_id, number]).fetchone()
        if row is None:
            raise PitchNotFound(f"pitch {pitch_id} has no version {number}")
        return PitchVersion(*row)

    def delete(self, id: int) -> None:
        """Delete a pitch and all its versions; raises PitchNotFound."""
        with write_transaction(self.db):
            if self.db.execute("DELETE FROM pitches WHERE id = ?", [id]).rowcount == 0:
                raise PitchNotFound(f"pitch {id} not found")
