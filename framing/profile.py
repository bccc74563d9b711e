"""A partner profile as the engine reads it (from a JSON file or the store).

A profile starts from its sector pack and overrides it: its own ranked
priorities (each may extend a sector priority by id), the words the partner
uses, words to avoid with them, and its capacity.
"""
from __future__ import annotations

from datetime import date
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import safe_json
from .lexicon.model import Priority, Sector
from .lexicon.schema import terms_pattern

CAPACITY_LEVELS = ("ample", "normal", "stretched", "overloaded")
KNOWN_KEYS = {
    "id", "name", "sector", "priorities", "vocabulary", "avoid", "capacity",
    "readiness", "politics", "people", "power", "notes", "tags",
    "version", "created_at", "updated_at", "updated_by",
}


class ProfileError(ValueError):
    """A profile is malformed; the message names the key at fault."""


@dataclass(frozen=True)
class KeyDate:
    """A dated window in the partner's calendar (election, budget adoption, ...)."""

    label: str
    kind: str
    date: date
    end: date | None = None


@dataclass(frozen=True)
class AvoidTerm:
    term: str
    instead: tuple[str, ...] = ()
    why: str = ""


@dataclass
class PartnerProfile:
    """The parts of a partner profile the checks use."""

    name: str
    sector: str | None = None
    id: str | None = None
    priorities: list[dict[str, Any]] = field(default_factory=list)
    vocabulary: tuple[str, ...] = ()
    avoid: tuple[AvoidTerm, ...] = ()
    capacity: str = "normal"
    readiness_stage: int | None = None
    people_terms: tuple[str, ...] = ()
    key_dates: tuple[KeyDate, ...] = ()
    raw: dict[str, Any] = field(default_factory=dict, repr=False)

    def effective_priorities(self, sector: Sector | None) -> list[Priority]:
        """Ranked priorities: the profile's own, extending sector priorities by id."""
        by_id = {p.id: p for p in sector.priorities} if sector else {}
        out = []
        for rank, item in enumerate(self.priorities, start=1):
            base = by_id.get(item.get("id", ""))
            terms = list(item.get("terms", []))
            if base:
                terms += [t for t in base.terms if t not in terms]
            label = item.get("label") or (base.label if base else item.get("id", f"priority {rank}"))
            out.append(Priority(item.get("id") or f"p{rank}", label, rank, tuple(terms),
                                terms_pattern(terms) if terms else None))
        return out

    @classmethod
    def from_dict(cls, data: Any) -> "PartnerProfile":
        """Validate a profile mapping (the JSON export format)."""
        if not isinstance(data, dict):
            raise ProfileError("profile: expected a JSON object")
        unknown = set(data) - KNOWN_KEYS
        if unknown:
            raise ProfileError(f"profile: unknown key {sorted(unknown)[0]!r} "
                               f"(allowed: {', '.join(sorted(KNOWN_KEYS))})")
        name = data.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ProfileError("profile.name: expected a non-empty string")
        priorities = data.get("priorities", [])
        if not isinstance(priorities, list):
            raise ProfileError("profile.priorities: expected a list")
        for i, item in enumerate(priorities):
            if not isinstance(item, dict) or not (item.get("id") or item.get("label")):
                raise ProfileError(f"profile.priorities[{i}]: expected an object with id or label")
            if not isinstance(item.get("terms", []), list):
                raise ProfileError(f"profile.priorities[{i}].terms: expected a list of words")
        capacity = data.get("capacity", "normal")
        if isinstance(capacity, dict):
            capacity = capacity.get("level", "normal")
        if capacity not in CAPACITY_LEVELS:
            raise ProfileError(f"profile.capacity: expected one of {', '.join(CAPACITY_LEVELS)}")
        avoid = []
        for i, item in enumerate(data.get("avoid", [])):
            if isinstance(item, str):
                avoid.append(AvoidTerm(item))
            elif isinstance(item, dict) and isinstance(item.get("term"), str):
                avoid.append(AvoidTerm(item["term"], tuple(item.get("instead", [])), item.get("why", "")))
            else:
                raise ProfileError(f"profile.avoid[{i}]: expected a word or {{term, instead, why}}")
        readiness = data.get("readiness") or {}
        stage = readiness.get("stage") if isinstance(readiness, dict) else readiness
        if stage is not None and (not isinstance(stage, int) or not 1 <= stage <= 9):
            raise ProfileError("profile.readiness.stage: expected a whole number from 1 to 9")
        vocabulary = data.get("vocabulary", [])
        if not isinstance(vocabulary, list) or not all(isinstance(v, str) for v in vocabulary):
            raise ProfileError("profile.vocabulary: expected a list of words")
        people = [p.get("role", "") for p in data.get("people", []) if isinstance(p, dict)]
        key_dates = _key_dates(data.get("politics") or {})
        return cls(name=name, sector=data.get("sector"), id=data.get("id"),
                   priorities=priorities, vocabulary=tuple(vocabulary), avoid=tuple(avoid),
                   capacity=capacity, readiness_stage=stage,
                   people_terms=tuple(p for p in people if p), key_dates=key_dates, raw=data)

    @classmethod
    def from_file(cls, path: str | Path) -> "PartnerProfile":
        """Read a profile JSON file."""
        try:
            # Not json.loads: deep nesting or a lone surrogate must be a usage error too.
            data = safe_json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, safe_json.JsonInputError) as exc:
            raise ProfileError(f"{path}: cannot read profile JSON: {exc}") from None
        return cls.from_dict(data)


def _key_dates(politics: object) -> tuple[KeyDate, ...]:
    """Parse ``politics.key_dates``; a bad date names its position."""
    if not isinstance(politics, dict):
        raise ProfileError("profile.politics: expected an object")
    items = politics.get("key_dates", [])
    if not isinstance(items, list):
        raise ProfileError("profile.politics.key_dates: expected a list")
    out = []
    for i, item in enumerate(items):
        key = f"profile.politics.key_dates[{i}]"
        if not isinstance(item, dict) or not item.get("date"):
            raise ProfileError(f"{key}: expected an object with a date")
        try:
            start = date.fromisoformat(str(item["date"]))
            end = date.fromisoformat(str(item["end"])) if item.get("end") else None
        except ValueError:
            raise ProfileError(f"{key}.date: expected a date like 2026-11-03") from None
        out.append(KeyDate(str(item.get("label") or item.get("kind") or "Key date"),
                           str(item.get("kind") or "other"), start, end))
    return tuple(sorted(out, key=lambda d: d.date))
