"""The access audit log: who viewed or exported which profile or campaign, and when.

Profiles hold notes about real people, so an admin must be able to answer
"who looked at this, and who took a copy". An entry holds the user, an
action, the kind and id of the object (none for "all profiles"), how it was
reached (the web pages or the API) and the time; nothing else. Actions,
kinds and channels come from fixed lists and ids are integers, so no text
of a profile, a draft or a request can end up in the log. Entries are never
changed (a trigger refuses updates); they name the user as well as their
id, so they stay readable after an account is deleted.
"""
from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from ..validation import ValidationError
from .db import write_transaction
from .profiles import utcnow

ACTIONS = ("view", "history", "export-json", "export-csv", "export-ics", "export-package")
KINDS = ("profile", "campaign")
VIAS = ("web", "api")
MAX_USERNAME = 200


def create_access_audit(db: sqlite_utils.Database) -> None:
    """Migration 0600_access_audit: who viewed or exported what."""
    # No foreign key to users: the trail must outlive the account it names.
    db.execute("""CREATE TABLE access_audit (
        id INTEGER PRIMARY KEY, at TEXT NOT NULL, user_id INTEGER, username TEXT NOT NULL,
        action TEXT NOT NULL, object_kind TEXT NOT NULL, object_id INTEGER,
        via TEXT NOT NULL)""")
    db.execute("CREATE INDEX access_audit_user ON access_audit (username COLLATE NOCASE)")
    db.execute("CREATE INDEX access_audit_object ON access_audit (object_kind, object_id)")
    db.execute("""CREATE TRIGGER access_audit_no_update BEFORE UPDATE ON access_audit
        BEGIN SELECT RAISE(ABORT, 'access_audit entries are never changed'); END""")


@dataclass
class AuditEntry:
    id: int
    at: str
    user_id: int | None
    username: str
    action: str
    object_kind: str
    object_id: int | None
    via: str


def _checked(name: str, value, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise ValidationError(name, f"expected one of {', '.join(allowed)}")
    return value


def _whole_or_none(value) -> bool:
    return value is None or (isinstance(value, int) and not isinstance(value, bool))


class AuditStore:
    """Append and read access entries (all SQL for ``access_audit`` is here)."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def record(self, username: str, user_id: int | None, action: str, object_kind: str,
               object_id: int | None, via: str = "web") -> AuditEntry:
        """Add one entry; ValidationError (naming the field) outside the fixed lists."""
        _checked("action", action, ACTIONS)
        _checked("object_kind", object_kind, KINDS)
        _checked("via", via, VIAS)
        if not _whole_or_none(object_id):
            raise ValidationError("object_id", "expected a whole number or none")
        if not isinstance(username, str) or not username or len(username) > MAX_USERNAME:
            raise ValidationError("username", f"required, at most {MAX_USERNAME} characters")
        if not _whole_or_none(user_id):
            raise ValidationError("user_id", "expected a whole number or none")
        at = utcnow()
        with write_transaction(self.db):
            cursor = self.db.execute(
                "INSERT INTO access_audit (at, user_id, username, action, object_kind, object_id,"
                " via) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [at, user_id, username, action, object_kind, object_id, via])
        return AuditEntry(cursor.lastrowid, at, user_id, username, action, object_kind,
                          object_id, via)

    @staticmethod
    def _where(username: str | None, object_kind: str | None,
               object_id: int | None) -> tuple[str, list]:
        clauses, params = [], []
        if username:
            clauses.append("username = ? COLLATE NOCASE")
            params.append(username)
        if object_kind:
            clauses.append("object_kind = ?")
            params.append(object_kind)
        if object_id is not None:
            clauses.append("object_id = ?")
            params.append(object_id)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def entries(self, username: str | None = None, object_kind: str | None = None,
                object_id: int | None = None, limit: int = 50,
                offset: int = 0) -> list[AuditEntry]:
        """Entries matching the filters, newest first."""
        where, params = self._where(username, object_kind, object_id)
        rows = self.db.execute(
            "SELECT id, at, user_id, username, action, object_kind, object_id, via "
            f"FROM access_audit{where} ORDER BY id DESC LIMIT ? OFFSET ?",
            [*params, int(limit), int(offset)]).fetchall()
        return [AuditEntry(*row) for row in rows]

    def count(self, username: str | None = None, object_kind: str | None = None,
              object_id: int | None = None) -> int:
        """How many entries match the filters."""
        where, params = self._where(username, object_kind, object_id)
        return self.db.execute(f"SELECT COUNT(*) FROM access_audit{where}", params).fetchone()[0]

    def usernames(self) -> list[str]:
        """Every user named in the log, for the filter (deleted accounts included)."""
        rows = self.db.execute("SELECT DISTINCT username FROM access_audit "
                               "ORDER BY username COLLATE NOCASE").fetchall()
        return [row[0] for row in rows]
