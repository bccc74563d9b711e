"""Validation of what a comparison is saved with: variants, targets, feedback.

Kept apart from ``comparisons`` (the SQL) so each stays readable. Every
problem is a :class:`framing.validation.ValidationError`, which the API and
the forms turn into a message next to the field at fault.
"""
from __future__ import annotations

from typing import Any

import sqlite_utils

from .. import validation
from ..validation import ValidationError

# Every variant is scored against every target: 50 x 25 reports is still a few seconds.
MAX_TARGETS = 25


def clean_variants(variants: Any, max_variants: int, max_label: int,
                   max_text: int) -> list[dict]:
    """[{label, text, source}] with unique, non-blank labels; two to ``max_variants``."""
    if not isinstance(variants, list) or not all(isinstance(v, dict) for v in variants):
        raise ValidationError("variants", "expected a list of {label, text}")
    if not 2 <= len(variants) <= max_variants:
        raise ValidationError("variants", f"compare between 2 and {max_variants} variants")
    rows, seen = [], set()
    for i, v in enumerate(variants):
        label = validation.text(v.get("label"), f"variants[{i}].label", max_label, required=True)
        if label.casefold() in seen:
            # Case-folded: "A" and "a" side by side in a table would confuse readers.
            raise ValidationError(f"variants[{i}].label", f"{label!r} is used twice")
        seen.add(label.casefold())
        rows.append({"label": label,
                     "text": validation.text(v.get("text"), f"variants[{i}].text", max_text,
                                             required=True),
                     "source": validation.text(v.get("source") or "", f"variants[{i}].source",
                                               200)})
    return rows


def clean_targets(db: sqlite_utils.Database, targets: Any,
                  sectors: set[str] | None) -> list[dict]:
    """[{"profile_id": int}] then [{"sector": str}], deduplicated, each checked to exist.

    Profiles come first whatever the input order, the order
    ``framing.compare.targets_from`` builds targets in.
    """
    if targets is None:
        return []
    if not isinstance(targets, list) or not all(isinstance(t, dict) for t in targets):
        raise ValidationError("targets", 'expected a list of {"profile_id": id} or {"sector": id}')
    if len(targets) > MAX_TARGETS:
        raise ValidationError("targets", f"at most {MAX_TARGETS} partners and sectors at once")
    profiles, packs = [], []
    for i, t in enumerate(targets):
        if set(t) - {"key"} == {"profile_id"}:
            pid = t["profile_id"]
            if not isinstance(pid, int) or isinstance(pid, bool):
                raise ValidationError(f"targets[{i}].profile_id", "expected a whole number")
            if db.execute("SELECT 1 FROM profiles WHERE id = ?", [pid]).fetchone() is None:
                raise ValidationError(f"targets[{i}].profile_id", f"no profile {pid}")
            if pid not in profiles:
                profiles.append(pid)
        elif set(t) - {"key"} == {"sector"}:
            sector = t["sector"]
            if not isinstance(sector, str) or not sector.strip():
                raise ValidationError(f"targets[{i}].sector", "expected a sector id")
            if sectors is not None and sector not in sectors:
                raise ValidationError(f"targets[{i}].sector", f"unknown sector {sector!r}")
            if sector not in packs:
                packs.append(sector)
        else:
            raise ValidationError(f"targets[{i}]",
                                  'expected {"profile_id": id} or {"sector": id}')
    return [{"profile_id": p} for p in profiles] + [{"sector": s} for s in packs]


def clean_feedback(votes: Any, ratings: Any, note: Any, max_votes: int,
                   rating_range: tuple[int, int], max_note: int) -> tuple[int, list[int], str]:
    """Votes (0..max), ratings (each in range) and a note; at least one vote or rating."""
    if votes is None:
        votes = 0
    if not isinstance(votes, int) or isinstance(votes, bool) or not 0 <= votes <= max_votes:
        raise ValidationError("votes", f"expected a whole number from 0 to {max_votes:,}")
    ratings = [] if ratings is None else ratings
    low, high = rating_range
    if not isinstance(ratings, list) or not all(
            isinstance(r, int) and not isinstance(r, bool) and low <= r <= high for r in ratings):
        raise ValidationError("ratings",
                              f"expected a list of whole numbers from {low} to {high}")
    if len(ratings) > max_votes:
        raise ValidationError("ratings", f"at most {max_votes:,} at once")
    if not votes and not ratings:
        raise ValidationError("votes", "give a number of votes or at least one rating")
    return votes, list(ratings), validation.text(note or "", "note", max_note)
