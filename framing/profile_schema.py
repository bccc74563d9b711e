"""The partner-profile document: its one validator, its choices and a new profile's defaults.

A profile is one JSON document (docs/architecture.md). The same rules decide
what a valid profile is for the store (saves and imports), the JSON API and
the engine (a profile file or mapping given to a check); :mod:`framing.profile`
turns a validated document into the model the checks read. Errors are
:class:`ProfileValidationError` naming the field at fault with a dotted path
such as ``politics.key_dates[0].date``.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from .validation import (ValidationError, enum, iso_date, listof, number, record, required,
                         text, words)

POLICY_CULTURES = ("evidence-driven", "local-control", "compliance-driven", "values-led",
                   "partisan", "other")
FISCAL_CLIMATES = ("growth", "flat", "austerity")
KEY_DATE_KINDS = ("election", "budget", "budget-freeze", "school-year", "bargaining",
                  "editorial", "meeting", "awareness", "other")
AUTHORITY_LEVELS = ("decides", "recommends", "gatekeeps", "informs")
POWER_KINDS = ("advocacy", "media", "public-opinion", "network", "employer", "other")
CAPACITY_LEVELS = ("ample", "normal", "stretched", "overloaded")
DIMENSIONS = ("A", "B", "C", "D", "E", "F")
# Assigned by the store: accepted in an incoming document (the API echoes them
# back) but never taken from it.
STORE_KEYS = frozenset({"id", "version", "created_at", "updated_at", "updated_by"})


class ProfileValidationError(ValidationError):
    """A profile document is invalid; ``field`` is the dotted path, ``message`` the reason."""


_key_date = record({"label": required, "kind": enum(KEY_DATE_KINDS, "other"), "date": iso_date,
                    "end": iso_date, "notes": text})
_priority = record({"id": text, "label": text, "terms": words})
_person = record({"name": required, "role": text, "authority": enum(AUTHORITY_LEVELS),
                  "motivations": text, "owner": text, "stance": number(-2, 2), "channel": text})
_power = record({"name": required, "kind": enum(POWER_KINDS), "influence": number(1, 5),
                 "interest": number(1, 5), "notes": text})
_avoid = record({"term": required, "instead": words, "why": text})
_dimension = number(1, 9, whole=False)  # a dimension score is a mean over interviews
_readiness = record({"stage": number(1, 9), "assessed": iso_date,
                     "dimensions": lambda v, f: {k: s for k, s in record(
                         {d: _dimension for d in DIMENSIONS})(v, f).items() if s is not None}})
_BODY = {
    "tags": words, "notes": text,
    "politics": record({"policy_culture": enum(POLICY_CULTURES),
                        "fiscal_climate": enum(FISCAL_CLIMATES), "mandates": text,
                        "key_dates": listof(_key_date)}),
    "priorities": listof(_priority), "people": listof(_person), "power": listof(_power),
    "readiness": _readiness, "capacity": enum(CAPACITY_LEVELS, "normal"),
    "vocabulary": words, "avoid": listof(_avoid),
}
_document = record({"name": required, "sector": required, **_BODY})
# A profile file for the engine may leave the sector out: the check then
# needs --sector, and the analyzer reports an unknown sector itself.
_file_document = record({"name": required, "sector": lambda v, f: text(v, f) or None, **_BODY})
DOCUMENT_KEYS = frozenset(_BODY) | {"name", "sector"}


def validate_profile(data: Any, sectors: set[str]) -> dict:
    """Validate a profile document for the store and return a normalized copy.

    Strings are trimmed, missing lists become ``[]``, capacity defaults to
    ``normal``, and store fields (id, version, timestamps) are dropped; the
    sector must be one of ``sectors``. Raises ProfileValidationError naming
    the first field at fault.
    """
    doc = _validate(data, _document, terms_required=True)
    if doc["sector"] not in sectors:
        raise ProfileValidationError("sector", f"unknown sector {doc['sector']!r} "
                                               f"(expected one of {', '.join(sorted(sectors))})")
    return doc


def validate_profile_file(data: Any) -> dict:
    """Validate a profile the engine reads from a file or mapping; return the document.

    The same rules as :func:`validate_profile`, with the shorthand hand-written
    profile files use: no sector, a priority without ``terms`` (it extends the
    sector priority of that id), a key date without a label, and dates that a
    YAML reader has already turned into ``date`` objects.
    """
    if isinstance(data, dict):
        data = dict(data)
        politics = data.get("politics")
        if isinstance(politics, dict) and isinstance(politics.get("key_dates"), list):
            dates = [_key_date_shorthand(d) for d in politics["key_dates"]]
            data["politics"] = {**politics, "key_dates": dates}
    return _validate(data, _file_document, terms_required=False)


def _validate(data: Any, shape, terms_required: bool) -> dict:
    if not isinstance(data, dict):
        raise ProfileValidationError("", "expected a JSON object")
    data = {k: v for k, v in data.items() if k not in STORE_KEYS}
    if "key_dates" in data:  # the engine's older flat shape; say where it belongs now
        raise ProfileValidationError("key_dates", "unknown field (dates go in politics.key_dates)")
    if isinstance(data.get("avoid"), list):  # a bare word is shorthand for {"term": word}
        data["avoid"] = [{"term": a} if isinstance(a, str) else a for a in data["avoid"]]
    priorities = data.get("priorities")
    for i, item in enumerate(priorities if isinstance(priorities, list) else []):
        # A stored priority always carries its words (the editor shows them); in a
        # file, leaving them out means "the sector priority's words".
        present = terms_required or "terms" in item if isinstance(item, dict) else False
        if present and not isinstance(item.get("terms"), list):
            raise ProfileValidationError(f"priorities[{i}].terms", "expected a list of words")
    try:
        doc = shape(data, "")
    except ProfileValidationError:
        raise
    except ValidationError as exc:  # the toolkit's plain error, as the profile's own type
        raise ProfileValidationError(exc.field, exc.message) from None
    seen_ids = set()
    for i, item in enumerate(doc["priorities"]):
        if not (item["id"] or item["label"]):
            raise ProfileValidationError(f"priorities[{i}]", "needs an id or a label")
        if item["id"] and item["id"] in seen_ids:
            raise ProfileValidationError(f"priorities[{i}].id", f"duplicate id {item['id']!r}")
        seen_ids.add(item["id"])
    for i, item in enumerate(doc["politics"]["key_dates"]):
        field = f"politics.key_dates[{i}]"
        if not item["date"]:
            raise ProfileValidationError(f"{field}.date", "required")
        if item["end"] and item["end"] < item["date"]:
            raise ProfileValidationError(f"{field}.end", "ends before it starts")
    return doc


def _key_date_shorthand(item: Any) -> Any:
    if not isinstance(item, dict):
        return item
    out = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in item.items()}
    if out.get("date") and not out.get("label"):
        out["label"] = str(out.get("kind") or "Key date")
    return out


def defaults_for_sector(sector) -> dict:
    """A starting document for a new profile in ``sector`` (a lexicon Sector):
    the pack's ranked priorities with their words, and empty lenses."""
    return {
        "name": "", "sector": sector.id, "tags": [], "notes": "",
        "politics": {"policy_culture": None, "fiscal_climate": None, "mandates": "",
                     "key_dates": []},
        "priorities": [{"id": p.id, "label": p.label, "terms": list(p.terms)}
                       for p in sector.priorities],
        "people": [], "power": [],
        "readiness": {"stage": None, "assessed": None, "dimensions": {}},
        "capacity": "normal", "vocabulary": [], "avoid": [],
    }
