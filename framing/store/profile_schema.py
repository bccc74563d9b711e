"""The partner-profile document: strict validation, normalization, defaults and diff.

Shared by the store, the import/export files and the JSON API, so one set of
rules (docs/architecture.md) decides what a valid profile is. Errors name the
field at fault with a dotted path such as ``politics.key_dates[0].date``.
"""
from __future__ import annotations

import copy
import math
import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable

POLICY_CULTURES = ("evidence-driven", "local-control", "compliance-driven", "values-led",
                   "partisan", "other")
FISCAL_CLIMATES = ("growth", "flat", "austerity")
KEY_DATE_KINDS = ("election", "budget", "budget-freeze", "school-year", "bargaining",
                  "editorial", "meeting", "awareness", "other")
AUTHORITY_LEVELS = ("decides", "recommends", "gatekeeps", "informs")
POWER_KINDS = ("advocacy", "media", "public-opinion", "network")
CAPACITY_LEVELS = ("ample", "normal", "stretched", "overloaded")
DIMENSIONS = ("A", "B", "C", "D", "E", "F")
# Assigned by the store: accepted in an incoming document (the API echoes them
# back) but never taken from it.
STORE_KEYS = frozenset({"id", "version", "created_at", "updated_at", "updated_by"})
MAX_TEXT, MAX_ITEMS = 20_000, 500
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ProfileValidationError(ValueError):
    """A profile document is invalid; ``field`` is the dotted path, ``message`` the reason."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field
        self.message = message


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


# -- value validators: (value, field) -> normalized value ---------------------------------------
def text(value: Any, field: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ProfileValidationError(field, "expected text")
    if len(value) > MAX_TEXT:
        raise ProfileValidationError(field, f"longer than {MAX_TEXT} characters")
    return value.strip()


def required(value: Any, field: str) -> str:
    out = text(value, field)
    if not out:
        raise ProfileValidationError(field, "required")
    return out


def enum(choices: tuple[str, ...], default: str | None = None) -> Callable[[Any, str], str | None]:
    def check(value: Any, field: str) -> str | None:
        out = text(value, field)  # "" from an empty form select means "not set"
        if not out:
            return default
        if out not in choices:
            raise ProfileValidationError(field, f"expected one of {', '.join(choices)}")
        return out
    return check


def number(lo: int, hi: int, whole: bool = True) -> Callable[[Any, str], int | float | None]:
    def check(value: Any, field: str) -> int | float | None:
        if isinstance(value, str):  # forms and CSV cells arrive as text
            value = value.strip()
            if not value:
                return None
            try:
                value = float(value)
            except ValueError:
                raise ProfileValidationError(field,
                                             f"expected a number from {lo} to {hi}") from None
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) \
                or (isinstance(value, float) and not math.isfinite(value)):
            raise ProfileValidationError(field, f"expected a number from {lo} to {hi}")
        if value == int(value):
            value = int(value)
        elif whole:
            raise ProfileValidationError(field, f"expected a whole number from {lo} to {hi}")
        if not lo <= value <= hi:
            raise ProfileValidationError(field, f"expected a number from {lo} to {hi}")
        return value
    return check


def iso_date(value: Any, field: str) -> str | None:
    out = text(value, field)
    if not out:
        return None
    try:
        if not _DATE.match(out):
            raise ValueError
        date.fromisoformat(out)
    except ValueError:
        raise ProfileValidationError(field, "expected a date as YYYY-MM-DD") from None
    return out


def words(value: Any, field: str) -> list[str]:
    """A list of words or phrases: trimmed, blanks dropped, case-insensitive duplicates dropped."""
    seen, out = set(), []
    for i, item in enumerate(items(value, field)):
        word = text(item, f"{field}[{i}]")
        if word and word.casefold() not in seen:
            seen.add(word.casefold())
            out.append(word)
    return out


def items(value: Any, field: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ProfileValidationError(field, "expected a list")
    if len(value) > MAX_ITEMS:
        raise ProfileValidationError(field, f"more than {MAX_ITEMS} entries")
    return value


def record(spec: dict[str, Callable]) -> Callable[[Any, str], dict]:
    """An object with exactly the keys of ``spec`` (missing keys get the validator's default)."""
    def check(value: Any, field: str) -> dict:
        if value is None:
            value = {}
        if not isinstance(value, dict):
            raise ProfileValidationError(field, "expected an object")
        for key in value:
            if key not in spec:
                raise ProfileValidationError(_join(field, str(key)),
                                             f"unknown field (allowed: {', '.join(spec)})")
        return {key: fn(value.get(key), _join(field, key)) for key, fn in spec.items()}
    return check


def listof(fn: Callable) -> Callable[[Any, str], list]:
    return lambda value, field: [fn(v, f"{field}[{i}]") for i, v in enumerate(items(value, field))]


# -- the document ------------------------------------------------------------------------------
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
_document = record({
    "name": required, "sector": required, "tags": words, "notes": text,
    "politics": record({"policy_culture": enum(POLICY_CULTURES),
                        "fiscal_climate": enum(FISCAL_CLIMATES), "mandates": text,
                        "key_dates": listof(_key_date)}),
    "priorities": listof(_priority), "people": listof(_person), "power": listof(_power),
    "readiness": _readiness, "capacity": enum(CAPACITY_LEVELS, "normal"),
    "vocabulary": words, "avoid": listof(_avoid),
})


def validate_profile(data: dict, sectors: set[str]) -> dict:
    """Validate a profile document and return a normalized copy.

    Strings are trimmed, missing lists become ``[]``, capacity defaults to
    ``normal``, and store fields (id, version, timestamps) are dropped.
    Raises ProfileValidationError naming the first field at fault.
    """
    if not isinstance(data, dict):
        raise ProfileValidationError("", "expected a JSON object")
    data = {k: v for k, v in data.items() if k not in STORE_KEYS}
    if "key_dates" in data:  # the engine's older flat shape; say where it belongs now
        raise ProfileValidationError("key_dates", "unknown field (dates go in politics.key_dates)")
    if isinstance(data.get("avoid"), list):  # a bare word is shorthand for {"term": word}
        data["avoid"] = [{"term": a} if isinstance(a, str) else a for a in data["avoid"]]
    priorities = data.get("priorities")
    for i, item in enumerate(priorities if isinstance(priorities, list) else []):
        if isinstance(item, dict) and not isinstance(item.get("terms"), list):
            raise ProfileValidationError(f"priorities[{i}].terms", "expected a list of words")
    doc = _document(data, "")
    if doc["sector"] not in sectors:
        raise ProfileValidationError("sector", f"unknown sector {doc['sector']!r} "
                                               f"(expected one of {', '.join(sorted(sectors))})")
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


@dataclass
class Change:
    path: str
    before: Any
    after: Any


def diff_documents(before: dict, after: dict) -> list[Change]:
    """Field-level changes between two documents (store fields ignored).

    Lists of objects are compared item by item (``people[2].stance``); lists of
    words are compared whole (``priorities[1].terms``), which reads better
    than one change per shifted word.
    """
    out: list[Change] = []
    strip = lambda d: {k: v for k, v in (d or {}).items() if k not in STORE_KEYS}  # noqa: E731
    _walk(strip(before), strip(after), "", out)
    return out


def _walk(before: Any, after: Any, path: str, out: list[Change]) -> None:
    if isinstance(before, dict) and isinstance(after, dict):
        for key in list(before) + [k for k in after if k not in before]:
            _walk(before.get(key), after.get(key), _join(path, key), out)
    elif _records(before) and _records(after) and (before or after):
        for i in range(max(len(before), len(after))):
            _walk(before[i] if i < len(before) else None,
                  after[i] if i < len(after) else None, f"{path}[{i}]", out)
    elif before != after:
        out.append(Change(path, copy.deepcopy(before), copy.deepcopy(after)))


def _records(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, dict) for v in value)
