"""The profile edit form: HTML form fields <-> the profile JSON document.

Repeated sections (key dates, priorities, people, power, words to avoid) use
one input name per column, repeated once per row (``kd_label``, ``kd_date``
...), so rows can be added by copying a blank row, with or without
JavaScript. A row whose inputs are all empty is dropped; to remove a row,
clear it. Values are passed on as typed: the store validates the document
and names the field at fault, and the form is re-rendered from the same
document so nothing the user typed is lost.
"""
from __future__ import annotations

import re

from framing.profile_schema import (AUTHORITY_LEVELS, CAPACITY_LEVELS, DIMENSIONS,
                                    FISCAL_CLIMATES, KEY_DATE_KINDS, POLICY_CULTURES,
                                    POWER_KINDS)

from . import READINESS_DIMENSIONS

BLANK_ROWS = 3  # empty rows offered under each repeated section (works without JS)

# section -> (input prefix, columns); list-valued columns are typed comma-separated.
ROWS = {
    "key_dates": ("kd", ("label", "kind", "date", "end", "notes")),
    "priorities": ("pr", ("id", "label", "terms")),
    "people": ("pp", ("name", "role", "authority", "motivations", "owner", "stance", "channel")),
    "power": ("pw", ("name", "kind", "influence", "interest", "notes")),
    "avoid": ("av", ("term", "instead", "why")),
}
LIST_COLUMNS = {("priorities", "terms"), ("avoid", "instead")}
# Columns that do not make a row "filled in" on their own (a hidden id).
QUIET_COLUMNS = {("priorities", "id")}

CHOICES = {
    "policy_culture": POLICY_CULTURES, "fiscal_climate": FISCAL_CLIMATES,
    "key_date_kind": KEY_DATE_KINDS, "authority": AUTHORITY_LEVELS, "power_kind": POWER_KINDS,
    "capacity": CAPACITY_LEVELS, "stance": ("-2", "-1", "0", "1", "2"),
    "rating": ("1", "2", "3", "4", "5"),
}
STANCE_LABELS = {"-2": "−2 opposed", "-1": "−1 sceptical", "0": "0 neutral",
                 "1": "+1 supportive", "2": "+2 champion"}


def split_words(value: str) -> list[str]:
    """``"a, b\\nc"`` -> ``["a", "b", "c"]`` (commas or line breaks separate)."""
    return [part.strip() for part in re.split(r"[,\n]", value or "") if part.strip()]


def join_words(values) -> str:
    """The inverse of :func:`split_words` for display in an input."""
    if isinstance(values, str):
        return values
    return ", ".join(str(v) for v in values or [] if v not in (None, ""))


# Empty selects, numbers and dates mean "not set" (None) rather than "".
_NULLABLE = {"kind", "authority", "stance", "influence", "interest", "date", "end"}


def _rows(form, section: str) -> list[tuple[int, dict]]:
    """``(position, row)`` for every filled-in row of a section, in form order."""
    prefix, columns = ROWS[section]
    lists = {c: form.getlist(f"{prefix}_{c}") for c in columns}
    count = max((len(v) for v in lists.values()), default=0)
    rows = []
    for i in range(count):
        raw = {c: (lists[c][i] if i < len(lists[c]) else "").strip() for c in columns}
        if not any(v for c, v in raw.items() if (section, c) not in QUIET_COLUMNS):
            continue
        row = {}
        for column, value in raw.items():
            if (section, column) in LIST_COLUMNS:
                row[column] = split_words(value)
            else:
                row[column] = (value or None) if column in _NULLABLE else value
        rows.append((i, row))
    return rows


def _section(form, section: str) -> list[dict]:
    return [row for _, row in _rows(form, section)]


def _priorities(form) -> list[dict]:
    """Priority rows in rank order: by the rank number typed, then by position."""
    ranks = form.getlist("pr_rank")

    def rank(position: int) -> float:
        try:
            return float(ranks[position])
        except (IndexError, ValueError):
            return float("inf")
    rows = _rows(form, "priorities")
    return [row for pos, row in sorted(rows, key=lambda item: (rank(item[0]), item[0]))]


def document_from_form(form, sector: str | None = None) -> dict:
    """The profile document for a submitted edit form (not yet validated)."""
    dims = {d: form.get(f"rd_{d}", "").strip() for d in DIMENSIONS}
    return {
        "name": form.get("name", "").strip(),
        "sector": (form.get("sector") or sector or "").strip(),
        "tags": split_words(form.get("tags", "")),
        "notes": form.get("notes", "").strip(),
        "politics": {
            "policy_culture": form.get("policy_culture") or None,
            "fiscal_climate": form.get("fiscal_climate") or None,
            "mandates": form.get("mandates", "").strip(),
            "key_dates": _section(form, "key_dates"),
        },
        "priorities": _priorities(form),
        "people": _section(form, "people"),
        "power": _section(form, "power"),
        "readiness": {"stage": form.get("rd_stage") or None,
                      "assessed": form.get("rd_assessed", "").strip() or None,
                      "dimensions": {d: v for d, v in dims.items() if v}},
        "capacity": form.get("capacity") or "normal",
        "vocabulary": split_words(form.get("vocabulary", "")),
        "avoid": _section(form, "avoid"),
    }


def form_rows(doc: dict, section: str, blank: int = BLANK_ROWS) -> list[dict]:
    """The rows to render for a section: the document's, then ``blank`` empty ones."""
    items = (doc.get("politics") or {}).get("key_dates") if section == "key_dates" \
        else doc.get(section)
    _, columns = ROWS[section]
    rows = []
    for item in items or []:
        item = item if isinstance(item, dict) else {"term": item}
        rows.append({c: join_words(item.get(c)) if (section, c) in LIST_COLUMNS
                     else ("" if item.get(c) is None else str(item.get(c))) for c in columns})
    rows.extend({c: "" for c in columns} for _ in range(blank))
    return rows


_SECTIONS = {"politics.key_dates": "Key dates", "priorities": "Priorities", "people": "People",
             "power": "Power", "avoid": "Words to avoid"}
_FIELDS = {
    "name": "Name", "sector": "Sector", "tags": "Tags", "notes": "Notes",
    "capacity": "Capacity", "vocabulary": "Their vocabulary",
    "politics.policy_culture": "Policy culture", "politics.fiscal_climate": "Fiscal climate",
    "politics.mandates": "Mandates", "readiness.stage": "Readiness stage",
    "readiness.assessed": "Readiness assessed on", "format": "File format",
    "version": "File version", "profiles": "Profiles",
}


def field_label(path: str) -> str:
    """A readable name for a document path: ``people[1].stance`` -> ``People, row 2: stance``."""
    if not path:
        return "The file"
    m = re.match(r"^profiles\[(\d+)\]\.?(.*)$", path)
    if m:
        inner = field_label(m.group(2)) if m.group(2) else ""
        return f"Profile {int(m.group(1)) + 1}" + (f" — {inner}" if inner else "")
    m = re.match(r"^(politics\.key_dates|priorities|people|power|avoid)\[(\d+)\]\.?(.*)$", path)
    if m:
        column = m.group(3).replace("_", " ")
        label = f"{_SECTIONS[m.group(1)]}, row {int(m.group(2)) + 1}"
        return f"{label}: {column}" if column else label
    m = re.match(r"^readiness\.dimensions\.?([A-F]?)$", path)
    if m:
        dim = m.group(1)
        return (f"Readiness dimension {dim} ({READINESS_DIMENSIONS[dim]})" if dim
                else "Readiness dimensions")
    if path in _FIELDS:
        return _FIELDS[path]
    return path.replace("_", " ").replace(".", " › ")


def field_anchor(path: str) -> str:
    """The id of the form input for a document path (for "jump to the field" links)."""
    m = re.match(r"^(politics\.key_dates|priorities|people|power|avoid)\[(\d+)\](?:\.(\w+))?", path)
    if m:
        section = "key_dates" if m.group(1).startswith("politics") else m.group(1)
        prefix, columns = ROWS[section]
        default = columns[1] if section == "priorities" else columns[0]
        column = m.group(3) if m.group(3) in columns else default
        return f"{prefix}-{column}-{m.group(2)}"
    m = re.match(r"^readiness\.(?:dimensions\.)?(\w+)$", path)
    if m:
        return f"rd-{m.group(1)}"
    return "f-" + (path.rsplit(".", 1)[-1] or "name")


def display_value(value) -> str:
    """A document value as short readable text (for history and conflict tables)."""
    if value is None or value == "" or value == [] or value == {}:
        return "(empty)"
    if isinstance(value, list):
        return "; ".join(display_value(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {display_value(v)}" for k, v in value.items()
                         if v not in (None, "", [], {}))
    return str(value)
