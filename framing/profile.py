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
from .lexicon.schema import variants_pattern
from .profile_schema import (CAPACITY_LEVELS, DOCUMENT_KEYS, STORE_KEYS,
                             ProfileValidationError, validate_profile_file)

__all__ = ["AvoidTerm", "CAPACITY_LEVELS", "KNOWN_KEYS", "KeyDate", "PartnerProfile",
           "ProfileError"]

# The top-level keys a profile may have: the document's and the store's.
KNOWN_KEYS = frozenset(DOCUMENT_KEYS | STORE_KEYS)
# The engine's name for an invalid profile, kept for code that catches it;
# it is the document validator's error (a framing.validation.ValidationError).
ProfileError = ProfileValidationError


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
    # Priorities built per sector id (compiling their patterns is the costly part).
    _priorities: dict[Any, list[Priority]] = field(default_factory=dict, init=False,
                                                   repr=False, compare=False)

    def effective_priorities(self, sector: Sector | None) -> list[Priority]:
        """The ranked priorities against ``sector`` (see :meth:`build_priorities`),
        built once per sector and kept with the profile."""
        key = sector.id if sector else None
        if key not in self._priorities:
            self._priorities[key] = self.build_priorities(sector)
        return list(self._priorities[key])

    def build_priorities(self, sector: Sector | None) -> list[Priority]:
        """Ranked priorities in the partner's own words: each row's label and terms as
        the user wrote them. A row still carrying a sector priority's id and label is
        that priority: the pack's paraphrases count, and with no terms of its own it
        brings the pack's terms. A retitled row is the user's, whatever id it came
        from; a removed row is gone."""
        by_id = {p.id: p for p in sector.priorities} if sector else {}
        out = []
        for rank, item in enumerate(self.priorities, start=1):
            base = by_id.get(item.get("id", ""))
            terms = list(item.get("terms", []))
            label = (item.get("label") or "").strip()
            # Still the sector's priority (its label kept): the pack's everyday
            # phrasings count, and with no terms of its own the row is the default.
            default = base is not None and (not label or label == base.label)
            paraphrases = [p for p in base.paraphrases if p not in terms] if default else []
            if default and not terms:
                terms = list(base.terms)
            if not label:
                label = base.label if base else item.get("id", f"priority {rank}")
            phrases = terms + paraphrases or [label]  # no terms: matched by its own name
            out.append(Priority(item.get("id") or f"p{rank}", label, rank, tuple(terms),
                                variants_pattern(phrases), tuple(paraphrases),
                                base.sources if default else ()))
        return out

    @classmethod
    def from_document(cls, doc: dict, id: Any = None) -> "PartnerProfile":
        """The model of an already validated document (a stored profile, or the
        output of :func:`framing.profile_schema.validate_profile_file`); no checks."""
        politics = doc.get("politics") or {}
        key_dates = sorted((KeyDate(d["label"], d.get("kind") or "other",
                                    date.fromisoformat(d["date"]),
                                    date.fromisoformat(d["end"]) if d.get("end") else None)
                            for d in politics.get("key_dates", [])), key=lambda d: d.date)
        return cls(name=doc["name"], sector=doc.get("sector"), id=id,
                   priorities=list(doc.get("priorities", [])),
                   vocabulary=tuple(doc.get("vocabulary", [])),
                   avoid=tuple(AvoidTerm(a["term"], tuple(a.get("instead", [])), a.get("why", ""))
                               for a in doc.get("avoid", [])),
                   capacity=doc.get("capacity") or "normal",
                   readiness_stage=(doc.get("readiness") or {}).get("stage"),
                   people_terms=tuple(p["role"] for p in doc.get("people", []) if p.get("role")),
                   key_dates=tuple(key_dates), raw=doc)

    @classmethod
    def from_dict(cls, data: Any) -> "PartnerProfile":
        """Validate a profile mapping (the JSON export format, or a hand-written file).

        Raises ProfileError with the field under ``profile.`` (``profile.capacity``).
        """
        if isinstance(data, dict):
            unknown = set(data) - KNOWN_KEYS
            if unknown:  # worded for someone editing a file by hand
                raise ProfileError("profile", f"unknown key {sorted(unknown)[0]!r} "
                                              f"(allowed: {', '.join(sorted(KNOWN_KEYS))})")
        try:
            doc = validate_profile_file(data)
        except ProfileValidationError as exc:
            raise exc.within("profile") from None
        return cls.from_document(doc, id=data.get("id"))

    @classmethod
    def from_file(cls, path: str | Path) -> "PartnerProfile":
        """Read a profile JSON file."""
        try:
            # Not json.loads: deep nesting or a lone surrogate must be a usage error too.
            data = safe_json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, safe_json.JsonInputError) as exc:
            raise ProfileError(str(path), f"cannot read profile JSON: {exc}") from None
        return cls.from_dict(data)
