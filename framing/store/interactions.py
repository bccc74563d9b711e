"""A partner's relationship history: meetings, calls, pitches sent, approvals.

Each row is one dated interaction with a partner profile, optionally tied to
a campaign, a piece and the version it was about. Partner approvals through
a campaign link land here too, so the partner's page shows what they
signed off on and when (no peer tool records that).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlite_utils

from ..validation import ValidationError
from .db import write_transaction
from .profiles import ProfileNotFound, actor, utcnow

INTERACTION_KINDS = ("meeting", "call", "email", "pitch-sent", "approval", "changes-requested",
                     "event", "note")
MAX_SUMMARY = 4000


def create_interactions(db: sqlite_utils.Database) -> None:
    """Migration 0320_interactions: a partner's relationship history."""
    # Named after the campaign migrations (0300s) so the references resolve in order.
    db.execute("""CREATE TABLE interactions (
        id INTEGER PRIMARY KEY,
        profile_id INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
        kind TEXT NOT NULL, summary TEXT NOT NULL, user TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL,
        campaign_id INTEGER REFERENCES campaigns (id) ON DELETE SET NULL,
        piece_id INTEGER REFERENCES pieces (id) ON DELETE SET NULL, version INTEGER)""")
    db.execute("CREATE INDEX interactions_profile ON interactions (profile_id, at)")


@dataclass
class Interaction:
    id: int
    profile_id: int
    kind: str
    summary: str
    user: str
    at: str
    campaign_id: int | None
    piece_id: int | None
    version: int | None


_COLS = "id, profile_id, kind, summary, user, at, campaign_id, piece_id, version"


class InteractionStore:
    """Interactions with partner profiles, newest first."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def add(self, profile_id: int, kind: str, summary: str, user: Any, at: str | None = None,
            campaign_id: int | None = None, piece_id: int | None = None,
            version: int | None = None) -> Interaction:
        """Record one interaction; raises ProfileNotFound or ValidationError(field, message)."""
        if kind not in INTERACTION_KINDS:
            raise ValidationError("kind", f"expected one of {', '.join(INTERACTION_KINDS)}")
        if not isinstance(summary, str) or not summary.strip():
            raise ValidationError("summary", "required")
        summary = summary.strip()[:MAX_SUMMARY]
        at, who = at or utcnow(), actor(user)
        with write_transaction(self.db):
            if self.db.execute("SELECT 1 FROM profiles WHERE id = ?",
                               [profile_id]).fetchone() is None:
                raise ProfileNotFound(f"profile {profile_id} not found")
            cur = self.db.execute(
                "INSERT INTO interactions (profile_id, kind, summary, user, at, campaign_id,"
                " piece_id, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [profile_id, kind, summary, who, at, campaign_id, piece_id, version])
        return Interaction(cur.lastrowid, profile_id, kind, summary, who, at, campaign_id,
                           piece_id, version)

    def for_profile(self, profile_id: int) -> list[Interaction]:
        """One partner's history, newest first."""
        rows = self.db.execute(f"SELECT {_COLS} FROM interactions WHERE profile_id = ?"
                               " ORDER BY at DESC, id DESC", [profile_id]).fetchall()
        return [Interaction(*row) for row in rows]
