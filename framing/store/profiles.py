"""Partner profiles: the document store and its dated snapshots.

A profile is one JSON document (see docs/architecture.md). The store keeps the
current document in ``profiles`` and every saved version in
``profile_snapshots``, so "initial vs current" can be shown and a check can be
re-run against the profile as it stood on a date. Validation and defaults
live in the engine (framing.profile_schema), the diff in .profile_diff; both
are re-exported here.
"""
from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import sqlite_utils

from .db import write_transaction
from ..profile import PartnerProfile
from ..profile_schema import ProfileValidationError, defaults_for_sector, validate_profile
from .profile_diff import Change, diff_documents

__all__ = ["Change", "Profile", "ProfileNotFound", "ProfileStore", "ProfileSummary",
           "ProfileValidationError", "Snapshot", "StaleEdit", "defaults_for_sector",
           "actor", "utcnow", "validate_profile", "write_transaction"]


def create_profiles(db: sqlite_utils.Database) -> None:
    """Migration 0100_profiles: partner profiles."""
    db.execute("""CREATE TABLE profiles (
        id INTEGER PRIMARY KEY, name TEXT NOT NULL, sector TEXT NOT NULL,
        tags TEXT NOT NULL DEFAULT '[]', data TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL, updated_by TEXT NOT NULL DEFAULT '')""")
    db.execute("CREATE INDEX profiles_sector ON profiles (sector)")


def create_profile_snapshots(db: sqlite_utils.Database) -> None:
    """Migration 0101_profile_snapshots: profile history."""
    # UNIQUE(profile_id, version): a second writer can never record the same version twice.
    db.execute("""CREATE TABLE profile_snapshots (
        id INTEGER PRIMARY KEY,
        profile_id INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
        version INTEGER NOT NULL, saved_at TEXT NOT NULL, saved_by TEXT NOT NULL DEFAULT '',
        data TEXT NOT NULL, UNIQUE (profile_id, version))""")


class StaleEdit(Exception):
    """Someone saved the profile after the editor loaded it."""

    def __init__(self, current_version: int, expected_version: int | None = None):
        super().__init__(f"the profile was saved by someone else (now version {current_version}, "
                         f"you loaded version {expected_version})")
        self.current_version = current_version
        self.expected_version = expected_version


class ProfileNotFound(LookupError):
    """No profile (or snapshot) with that id."""


@dataclass
class Profile:
    id: int
    name: str
    sector: str
    tags: list[str]
    data: dict
    version: int
    created_at: str
    updated_at: str
    updated_by: str

    def to_dict(self) -> dict:
        """The full profile document, store fields included (id, version, timestamps)."""
        doc = {"id": self.id, "version": self.version}
        doc.update(copy.deepcopy(self.data))
        doc.update(created_at=self.created_at, updated_at=self.updated_at,
                   updated_by=self.updated_by)
        return doc

    def to_engine(self) -> PartnerProfile:
        """The profile as the engine reads it. The document was validated when it
        was saved, so it becomes the model without a second validation."""
        return PartnerProfile.from_document(copy.deepcopy(self.data), id=self.id)


@dataclass
class ProfileSummary:
    id: int
    name: str
    sector: str
    tags: list[str]
    updated_at: str
    readiness_stage: int | None
    capacity: str


@dataclass
class Snapshot:
    id: int
    profile_id: int
    version: int
    saved_at: str
    saved_by: str
    data: dict


def utcnow() -> str:
    """The current UTC time as stored (ISO 8601, seconds, ``Z``)."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def actor(user: Any) -> str:
    """The name recorded for a user: a username string, or an account's ``username``."""
    # Callers pass a username, or an account object from the web layer.
    if user is None or isinstance(user, str):
        return user or ""
    return str(getattr(user, "username", None) or getattr(user, "name", None) or user)


def _row_profile(row: tuple) -> Profile:
    pid, name, sector, tags, data, version, created, updated, by = row
    return Profile(pid, name, sector, json.loads(tags), json.loads(data), version,
                   created, updated, by)


_PROFILE_COLS = "id, name, sector, tags, data, version, created_at, updated_at, updated_by"
_SNAP_COLS = "id, profile_id, version, saved_at, saved_by, data"


class ProfileStore:
    """Partner profiles in one SQLite database; every save is versioned."""

    def __init__(self, db: sqlite_utils.Database, sectors: set[str]):
        self.db = db
        self.sectors = set(sectors)

    # -- reading -----------------------------------------------------------------------------
    def list(self, sector: str | None = None, tag: str | None = None,
             q: str | None = None) -> list[ProfileSummary]:
        """Summaries sorted by name; ``q`` matches name or notes, ignoring case."""
        sql, params = f"SELECT {_PROFILE_COLS} FROM profiles", []
        if sector:
            sql, params = sql + " WHERE sector = ?", [sector]
        out = []
        # Tag and text filters run in Python: SQLite's LIKE and lower() fold
        # ASCII only, and partner names are often not ASCII.
        needle, tag_key = (q or "").strip().casefold(), (tag or "").strip().casefold()
        for row in self.db.execute(sql, params).fetchall():
            p = _row_profile(row)
            if tag_key and tag_key not in {t.casefold() for t in p.tags}:
                continue
            if needle and needle not in p.name.casefold() \
                    and needle not in (p.data.get("notes") or "").casefold():
                continue
            readiness = p.data.get("readiness") or {}
            out.append(ProfileSummary(p.id, p.name, p.sector, p.tags, p.updated_at,
                                      readiness.get("stage"), p.data.get("capacity", "normal")))
        return sorted(out, key=lambda s: (s.name.casefold(), s.id))

    def tags(self) -> list[str]:
        """Every tag in use, sorted, without case-only duplicates."""
        seen: dict[str, str] = {}
        for (tags,) in self.db.execute("SELECT tags FROM profiles").fetchall():
            for t in json.loads(tags):
                seen.setdefault(t.casefold(), t)
        return sorted(seen.values(), key=str.casefold)

    def get(self, id: int) -> Profile:
        """One profile; raises ProfileNotFound."""
        row = self.db.execute(f"SELECT {_PROFILE_COLS} FROM profiles WHERE id = ?",
                              [id]).fetchone()
        if row is None:
            raise ProfileNotFound(f"profile {id} not found")
        return _row_profile(row)

    # -- writing -----------------------------------------------------------------------------
    def create(self, data: dict, user: Any) -> Profile:
        """Validate and store a new profile (version 1, with its first snapshot)."""
        doc = validate_profile(data, self.sectors)
        now, who = utcnow(), actor(user)
        with write_transaction(self.db):
            cur = self.db.execute(
                "INSERT INTO profiles (name, sector, tags, data, version, created_at, updated_at,"
                " updated_by) VALUES (?, ?, ?, ?, 1, ?, ?, ?)",
                [doc["name"], doc["sector"], json.dumps(doc["tags"]), _dump(doc), now, now, who])
            pid = cur.lastrowid
            self._write_snapshot(pid, 1, now, who, doc)
        return Profile(pid, doc["name"], doc["sector"], doc["tags"], doc, 1, now, now, who)

    def update(self, id: int, data: dict, user: Any,
               expected_version: int | None = None) -> Profile:
        """Replace a profile's document; raises StaleEdit if ``expected_version`` is stale."""
        doc = validate_profile(data, self.sectors)
        now, who = utcnow(), actor(user)
        with write_transaction(self.db):
            row = self.db.execute("SELECT version, created_at FROM profiles WHERE id = ?",
                                  [id]).fetchone()
            if row is None:
                raise ProfileNotFound(f"profile {id} not found")
            current, created = row
            if expected_version is not None and int(expected_version) != current:
                raise StaleEdit(current, int(expected_version))
            version = current + 1
            self.db.execute(
                "UPDATE profiles SET name = ?, sector = ?, tags = ?, data = ?, version = ?,"
                " updated_at = ?, updated_by = ? WHERE id = ?",
                [doc["name"], doc["sector"], json.dumps(doc["tags"]), _dump(doc), version,
                 now, who, id])
            self._write_snapshot(id, version, now, who, doc)
        return Profile(id, doc["name"], doc["sector"], doc["tags"], doc, version, created, now, who)

    def delete(self, id: int) -> None:
        """Delete a profile and its history; raises ProfileNotFound."""
        with write_transaction(self.db):
            if self.db.execute("DELETE FROM profiles WHERE id = ?", [id]).rowcount == 0:
                raise ProfileNotFound(f"profile {id} not found")

    def _write_snapshot(self, pid: int, version: int, now: str, who: str, doc: dict) -> None:
        self.db.execute("INSERT INTO profile_snapshots (profile_id, version, saved_at, saved_by,"
                        " data) VALUES (?, ?, ?, ?, ?)", [pid, version, now, who, _dump(doc)])

    # -- history -----------------------------------------------------------------------------
    def history(self, id: int) -> list[Snapshot]:
        """Every saved version of a profile, newest first."""
        self.get(id)  # a missing profile is an error, not an empty history
        rows = self.db.execute(f"SELECT {_SNAP_COLS} FROM profile_snapshots WHERE profile_id = ?"
                               " ORDER BY version DESC", [id]).fetchall()
        return [_row_snapshot(r) for r in rows]

    def snapshot(self, snapshot_id: int) -> Snapshot:
        """One snapshot by its own id; raises ProfileNotFound."""
        row = self.db.execute(f"SELECT {_SNAP_COLS} FROM profile_snapshots WHERE id = ?",
                              [snapshot_id]).fetchone()
        if row is None:
            raise ProfileNotFound(f"snapshot {snapshot_id} not found")
        return _row_snapshot(row)

    def snapshot_as_of(self, id: int, date_iso: str) -> Snapshot | None:
        """The latest snapshot saved on or before a date (``YYYY-MM-DD``: the whole day
        counts) or a UTC timestamp; None if the profile did not exist yet."""
        self.get(id)
        if isinstance(date_iso, datetime):  # same shape as the stored strings, so they compare
            date_iso = date_iso.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        when = str(date_iso.isoformat() if hasattr(date_iso, "isoformat") else date_iso).strip()
        # A bare date means "by the end of that day": compare on the date part only.
        column = "substr(saved_at, 1, 10)" if len(when) == 10 else "saved_at"
        row = self.db.execute(
            f"SELECT {_SNAP_COLS} FROM profile_snapshots WHERE profile_id = ? AND {column} <= ?"
            " ORDER BY saved_at DESC, version DESC LIMIT 1", [id, when]).fetchone()
        return _row_snapshot(row) if row else None

    @staticmethod
    def diff(before: dict, after: dict) -> list[Change]:
        """Field-level changes between two documents, paths like ``priorities[1].terms``;
        id, version and timestamps are ignored."""
        return diff_documents(before, after)


def _row_snapshot(row: tuple) -> Snapshot:
    sid, pid, version, saved_at, saved_by, data = row
    return Snapshot(sid, pid, version, saved_at, saved_by, json.loads(data))


def _dump(doc: dict) -> str:
    # ensure_ascii=False keeps names readable in the database file and in exports.
    return json.dumps(doc, ensure_ascii=False)
