"""Saved variant comparisons, their decision records and audience feedback.

A comparison keeps its variants' texts and targets (stored profiles or sector packs) as
entered; scores are recomputed from them. A decision (which variant for which target, by
whom, why) is immutable: SQLite triggers refuse UPDATE and DELETE, a reversal is a new
decision naming the one it replaces, and each can be replaced once, so the history per
target is one chain. Feedback is what a small test group or partner contacts said (votes,
1-5 ratings); ``feedback_summary`` adds the small-sample warning.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from .. import validation
from ..stats import sign_test_p, small_sample_warning
from ..validation import ValidationError
from .comparison_input import (MAX_TARGETS, clean_feedback, clean_targets,  # noqa: F401
                               clean_variants)
from .db import write_transaction
from .pitches import MAX_TEXT, PITCH_KINDS
from .profiles import actor, utcnow

MAX_VARIANTS, MAX_LABEL, MAX_NOTE, MAX_REF = 50, 80, 2000, 200
RATING_MIN, RATING_MAX, MAX_VOTES = 1, 5, 100_000


def create_comparisons(db: sqlite_utils.Database) -> None:
    """Migration 0400_comparisons: saved comparisons."""
    # Variants and targets are JSON: they are written once with the comparison, never edited.
    db.execute("""CREATE TABLE comparisons (
        id INTEGER PRIMARY KEY, title TEXT NOT NULL, kind TEXT NOT NULL DEFAULT 'pitch',
        variants TEXT NOT NULL, targets TEXT NOT NULL,
        pitch_id INTEGER REFERENCES pitches (id) ON DELETE SET NULL, piece_ref TEXT,
        created_at TEXT NOT NULL, created_by TEXT NOT NULL DEFAULT '')""")
    db.execute("CREATE INDEX comparisons_pitch ON comparisons (pitch_id)")


def create_comparison_decisions(db: sqlite_utils.Database) -> None:
    """Migration 0401_comparison_decisions: decisions on comparisons."""
    # UNIQUE(replaces): a decision is reversed at most once, so reversals form one chain.
    db.execute("""CREATE TABLE comparison_decisions (
        id INTEGER PRIMARY KEY,
        comparison_id INTEGER NOT NULL REFERENCES comparisons (id),
        variant_label TEXT NOT NULL, target_key TEXT NOT NULL,
        decided_by TEXT NOT NULL, decided_at TEXT NOT NULL, rationale TEXT NOT NULL,
        replaces INTEGER UNIQUE REFERENCES comparison_decisions (id))""")
    for action in ("UPDATE", "DELETE"):
        db.execute(f"""CREATE TRIGGER comparison_decisions_no_{action.lower()}
            BEFORE {action} ON comparison_decisions
            BEGIN SELECT RAISE(ABORT, 'decisions are immutable; record a new one'); END""")


def create_comparison_feedback(db: sqlite_utils.Database) -> None:
    """Migration 0402_comparison_feedback: feedback on comparisons."""
    db.execute("""CREATE TABLE comparison_feedback (
        id INTEGER PRIMARY KEY,
        comparison_id INTEGER NOT NULL REFERENCES comparisons (id) ON DELETE CASCADE,
        variant_label TEXT NOT NULL, votes INTEGER NOT NULL DEFAULT 0,
        ratings TEXT NOT NULL DEFAULT '[]', note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL, created_by TEXT NOT NULL DEFAULT '')""")


class ComparisonNotFound(LookupError):
    """No comparison with that id."""


@dataclass
class StoredVariant:
    """One variant as saved: its label, text and where it came from (``pitch:3/v2``)."""

    label: str
    text: str
    source: str = ""


@dataclass
class Comparison:
    """A saved comparison: its variants and targets, as entered."""

    id: int
    title: str
    kind: str
    variants: list[StoredVariant]
    targets: list[dict]  # {"key": "profile:3", "profile_id": 3} or {"key", "sector"}
    created_at: str
    created_by: str
    pitch_id: int | None
    piece_ref: str | None = None

    @property
    def target_keys(self) -> list[str]:
        """The targets' keys in order (``profile:3``, ``sector:education``)."""
        return [t["key"] for t in self.targets]


@dataclass
class Decision:
    """Which variant was chosen for which target, by whom and why; never changed."""

    id: int
    comparison_id: int
    variant_label: str
    target_key: str  # a target's key, or "" for the comparison as a whole
    decided_by: str
    decided_at: str
    rationale: str
    replaces: int | None = None
    replaced_by: int | None = None  # filled on reading: the later decision reversing this


@dataclass
class Feedback:
    """Reactions to one variant from a small test group or partner contacts."""

    id: int
    comparison_id: int
    variant_label: str
    votes: int
    ratings: list[int] = field(default_factory=list)
    note: str = ""
    created_at: str = ""
    created_by: str = ""


def target_key(target: dict) -> str:
    """``profile:<id>`` or ``sector:<id>`` (the keys framing.compare uses)."""
    return f"profile:{target['profile_id']}" if "profile_id" in target \
        else f"sector:{target['sector']}"


_COMPARISON_COLS = "id, title, kind, variants, targets, created_at, created_by, pitch_id, piece_ref"
_DECISION_COLS = ("d.id, d.comparison_id, d.variant_label, d.target_key, d.decided_by,"
                  " d.decided_at, d.rationale, d.replaces,"
                  " (SELECT r.id FROM comparison_decisions r WHERE r.replaces = d.id)")
_FEEDBACK_COLS = "id, comparison_id, variant_label, votes, ratings, note, created_at, created_by"


def _comparison(row: tuple) -> Comparison:
    cid, title, kind, variants, targets, *rest = row
    return Comparison(cid, title, kind, [StoredVariant(**v) for v in json.loads(variants)],
                      json.loads(targets), *rest)


def _feedback(row: tuple) -> Feedback:
    fid, cid, label, votes, ratings, *rest = row
    return Feedback(fid, cid, label, votes, json.loads(ratings), *rest)


class ComparisonStore:
    """Comparisons, decisions and feedback; ``sectors`` (pack ids) validates targets."""

    def __init__(self, db: sqlite_utils.Database, sectors: set[str] | None = None):
        self.db = db
        self.sectors = set(sectors) if sectors is not None else None

    # -- comparisons -------------------------------------------------------------------------
    def create(self, title: str, variants: list[dict], targets: list[dict], user: Any,
               kind: str = "pitch", pitch_id: int | None = None,
               piece_ref: str | None = None) -> Comparison:
        """Save a comparison of two or more variants against zero or more targets."""
        title = validation.text(title, "title", 200, required=True)
        if kind not in PITCH_KINDS:
            raise ValidationError("kind", f"expected one of {', '.join(PITCH_KINDS)}")
        rows = clean_variants(variants, MAX_VARIANTS, MAX_LABEL, MAX_TEXT)
        if piece_ref is not None:  # an opaque reference to a campaign piece (version)
            piece_ref = validation.text(piece_ref, "piece_ref", MAX_REF) or None
        now, who = utcnow(), actor(user)
        with write_transaction(self.db):
            if pitch_id is not None and self.db.execute(
                    "SELECT 1 FROM pitches WHERE id = ?", [pitch_id]).fetchone() is None:
                raise ValidationError("pitch_id", f"no pitch {pitch_id}")
            cleaned = [{"key": target_key(t), **t}
                       for t in clean_targets(self.db, targets, self.sectors)]
            cur = self.db.execute(
                f"INSERT INTO comparisons ({_COMPARISON_COLS.split(', ', 1)[1]})"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [title, kind, json.dumps(rows, ensure_ascii=False), json.dumps(cleaned),
                 now, who, pitch_id, piece_ref])
        return self.get(cur.lastrowid)

    def get(self, id: int) -> Comparison:
        """One comparison; raises ComparisonNotFound."""
        row = self.db.execute(f"SELECT {_COMPARISON_COLS} FROM comparisons WHERE id = ?",
                              [id]).fetchone()
        if row is None:
            raise ComparisonNotFound(f"comparison {id} not found")
        return _comparison(row)

    def list(self, pitch_id: int | None = None, piece_ref: str | None = None) -> list[Comparison]:
        """Comparisons, newest first; only one pitch's (or piece's) when given."""
        filters = [(column, value) for column, value in (("pitch_id", pitch_id),
                                                         ("piece_ref", piece_ref))
                   if value is not None]
        where = " WHERE " + " AND ".join(f"{c} = ?" for c, _ in filters) if filters else ""
        rows = self.db.execute(f"SELECT {_COMPARISON_COLS} FROM comparisons{where}"
                               " ORDER BY created_at DESC, id DESC",
                               [v for _, v in filters]).fetchall()
        return [_comparison(r) for r in rows]

    # -- decisions ---------------------------------------------------------------------------
    def decide(self, comparison_id: int, variant_label: str, target_key: str, user: Any,
               rationale: str, replaces: int | None = None) -> Decision:
        """Record which variant was chosen for a target (``""``: for the whole comparison).

        A target with a standing decision takes a new one only as a reversal:
        pass ``replaces`` with the standing decision's id.
        """
        rationale = validation.text(rationale, "rationale", MAX_NOTE, required=True)
        who, now = actor(user), utcnow()
        with write_transaction(self.db):
            comparison = self.get(comparison_id)
            if variant_label not in {v.label for v in comparison.variants}:
                raise ValidationError("variant_label",
                                      f"no variant {variant_label!r} in this comparison")
            target_key = target_key or ""
            if target_key and target_key not in comparison.target_keys:
                raise ValidationError("target_key", f"{target_key!r} is not one of this "
                                      f"comparison's targets "
                                      f"({', '.join(comparison.target_keys) or 'none'})")
            standing = [d for d in self.decisions(comparison_id)
                        if d.target_key == target_key and d.replaced_by is None]
            if replaces is None and standing:
                raise ValidationError("replaces", f"decision {standing[0].id} already stands for "
                                      "this target; to reverse it, record a decision that "
                                      "replaces it")
            if replaces is not None and replaces not in {d.id for d in standing}:
                raise ValidationError("replaces", f"decision {replaces} is not the standing "
                                      "decision for this target of this comparison")
            cur = self.db.execute(
                "INSERT INTO comparison_decisions (comparison_id, variant_label, target_key,"
                " decided_by, decided_at, rationale, replaces) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [comparison_id, variant_label, target_key, who, now, rationale, replaces])
        return Decision(cur.lastrowid, comparison_id, variant_label, target_key, who, now,
                        rationale, replaces)

    def decisions(self, comparison_id: int) -> list[Decision]:
        """Every decision of a comparison, oldest first (reversed ones included)."""
        rows = self.db.execute(f"SELECT {_DECISION_COLS} FROM comparison_decisions d"
                               " WHERE d.comparison_id = ? ORDER BY d.id",
                               [comparison_id]).fetchall()
        return [Decision(*r) for r in rows]

    def decisions_for_pitch(self, pitch_id: int) -> list[Decision]:
        """Decisions from every comparison attached to a pitch, oldest first."""
        return self._decisions_where("c.pitch_id = ?", pitch_id)

    def decisions_for_piece(self, piece_ref: str) -> list[Decision]:
        """Decisions from every comparison attached to a campaign piece, oldest first."""
        return self._decisions_where("c.piece_ref = ?", piece_ref)

    def _decisions_where(self, condition: str, value: Any) -> list[Decision]:
        rows = self.db.execute(
            f"SELECT {_DECISION_COLS} FROM comparison_decisions d JOIN comparisons c"
            f" ON c.id = d.comparison_id WHERE {condition} ORDER BY d.id", [value]).fetchall()
        return [Decision(*r) for r in rows]

    # -- feedback ----------------------------------------------------------------------------
    def add_feedback(self, comparison_id: int, variant_label: str, user: Any, votes: int = 0,
                     ratings: list[int] | None = None, note: str = "") -> Feedback:
        """Record votes and/or 1-5 ratings a variant got from a test group or contacts."""
        votes, ratings, note = clean_feedback(votes, ratings, note, MAX_VOTES,
                                              (RATING_MIN, RATING_MAX), MAX_NOTE)
        who, now = actor(user), utcnow()
        with write_transaction(self.db):
            if variant_label not in {v.label for v in self.get(comparison_id).variants}:
                raise ValidationError("variant_label",
                                      f"no variant {variant_label!r} in this comparison")
            cur = self.db.execute(
                f"INSERT INTO comparison_feedback ({_FEEDBACK_COLS.split(', ', 1)[1]})"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [comparison_id, variant_label, votes, json.dumps(ratings), note, now, who])
        return Feedback(cur.lastrowid, comparison_id, variant_label, votes, ratings, note,
                        now, who)

    def feedback(self, comparison_id: int) -> list[Feedback]:
        """Every feedback entry of a comparison, oldest first."""
        self.get(comparison_id)
        rows = self.db.execute(f"SELECT {_FEEDBACK_COLS} FROM comparison_feedback"
                               " WHERE comparison_id = ? ORDER BY id", [comparison_id]).fetchall()
        return [_feedback(r) for r in rows]

    def feedback_summary(self, comparison_id: int) -> dict:
        """Per variant: votes, ratings and people; the sign test for two voted
        variants; and the plain small-sample warning, always."""
        comparison = self.get(comparison_id)
        per = {v.label: {"votes": 0, "ratings": [], "people": 0} for v in comparison.variants}
        for item in self.feedback(comparison_id):
            entry = per[item.variant_label]
            entry["votes"] += item.votes
            entry["ratings"] += item.ratings
            # A vote or a rating is one person's reaction; a note alone is no one.
            entry["people"] += item.votes + len(item.ratings)
        for entry in per.values():
            ratings = entry["ratings"]
            entry["mean_rating"] = round(sum(ratings) / len(ratings), 2) if ratings else None
        voted = [label for label, e in per.items() if e["votes"]]
        sign = None
        if len(voted) == 2:  # a paired A/B vote: how surprising is the split by chance?
            wins = [per[label]["votes"] for label in voted]
            sign = {"variants": voted, "p": round(sign_test_p(max(wins), sum(wins)), 4)}
        return {"variants": per, "sign_test": sign,
                "warning": small_sample_warning({k: e["people"] for k, e in per.items()})}
