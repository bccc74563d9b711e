"""Rules a team chose to ignore for one partner.

A check against a partner profile leaves out the findings of these rules on every
surface (the checker page, the reframe page, the API). Each row records who chose
to ignore the rule and when, so the profile page can show it and anyone can undo it.
Ignoring a rule for one draft only is not stored: it travels with that draft's form.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from .db import write_transaction
from .profiles import actor, utcnow

# A rule id as the rule packs spell them ("plain.word.utilize", "pitch.extra-work").
RULE_ID = re.compile(r"[a-z0-9][a-z0-9._-]{0,99}")
MAX_PER_PARTNER = 200


def create_partner_ignored_rules(db: sqlite_utils.Database) -> None:
    """Migration 0710_partner_ignored_rules: rules ignored for a partner."""
    db.execute("""CREATE TABLE partner_ignored_rules (
        profile_id INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
        rule TEXT NOT NULL, label TEXT NOT NULL DEFAULT '',
        ignored_by TEXT NOT NULL DEFAULT '', ignored_at TEXT NOT NULL,
        PRIMARY KEY (profile_id, rule)) WITHOUT ROWID""")


@dataclass(frozen=True)
class IgnoredRule:
    """One rule ignored for a partner; ``label`` is the finding's message when it was ignored."""

    profile_id: int
    rule: str
    label: str
    ignored_by: str
    ignored_at: str


class IgnoredRuleStore:
    """The rules ignored per partner profile."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def for_profile(self, profile_id: int) -> list[IgnoredRule]:
        """The rules ignored for one partner, in the order they were ignored."""
        rows = self.db.execute(
            "SELECT profile_id, rule, label, ignored_by, ignored_at FROM partner_ignored_rules "
            "WHERE profile_id = ? ORDER BY ignored_at, rule", [profile_id]).fetchall()
        return [IgnoredRule(*row) for row in rows]

    def rules(self, profile_id: int | None) -> frozenset[str]:
        """Just the rule ids ignored for a partner (none for no partner)."""
        if profile_id is None:
            return frozenset()
        return frozenset(r.rule for r in self.for_profile(profile_id))

    def ignore(self, profile_id: int, rule: str, label: str, user: Any) -> bool:
        """Ignore ``rule`` for the partner; False when it already was.

        Raises ``ValueError`` for a malformed rule id or a partner with
        MAX_PER_PARTNER rules ignored already.
        """
        if not RULE_ID.fullmatch(rule):
            raise ValueError(f"not a rule id: {rule[:40]!r}")
        with write_transaction(self.db):
            count = self.db.execute("SELECT count(*) FROM partner_ignored_rules "
                                    "WHERE profile_id = ?", [profile_id]).fetchone()[0]
            if count >= MAX_PER_PARTNER:
                raise ValueError(f"at most {MAX_PER_PARTNER} rules can be ignored for a partner")
            cursor = self.db.execute(
                "INSERT OR IGNORE INTO partner_ignored_rules "
                "(profile_id, rule, label, ignored_by, ignored_at) VALUES (?, ?, ?, ?, ?)",
                [profile_id, rule, " ".join(label.split())[:200], actor(user), utcnow()])
            return cursor.rowcount == 1

    def restore(self, profile_id: int, rule: str) -> bool:
        """Stop ignoring ``rule`` for the partner; False when it was not ignored."""
        with write_transaction(self.db):
            cursor = self.db.execute("DELETE FROM partner_ignored_rules "
                                     "WHERE profile_id = ? AND rule = ?", [profile_id, rule])
            return cursor.rowcount == 1
