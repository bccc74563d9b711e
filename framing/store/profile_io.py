"""Profile import and export: a JSON bundle and a spreadsheet-friendly CSV.

The CSV has one readable column per headline field (in the spirit of the
PARTNER tool's exports) plus a final ``document`` column holding the whole
JSON document, so a round trip through a spreadsheet loses nothing. On import,
a readable cell that was edited in the spreadsheet wins over the document.
"""
from __future__ import annotations

import copy
import csv
import io
import json
from typing import Any, Callable, Iterable

from ..csv_cells import defuse_formula, restore_formula
from ..safe_json import JsonInputError, check_value, parse
from ..profile_schema import STORE_KEYS, ProfileValidationError, validate_profile

FORMAT, FORMAT_VERSION = "framing-profiles", 1
SEP = "; "


def _document(profile: Any) -> dict:
    data = profile.to_dict() if hasattr(profile, "to_dict") else profile
    return {k: copy.deepcopy(v) for k, v in data.items() if k not in STORE_KEYS}


def export_json(profiles: Iterable[Any]) -> str:
    """A JSON bundle of profiles (store ids and timestamps left out)."""
    return json.dumps({"format": FORMAT, "version": FORMAT_VERSION,
                       "profiles": [_document(p) for p in profiles]},
                      ensure_ascii=False, indent=2)


def import_json(text: str, sectors: set[str]) -> list[dict]:
    """Validated, normalized documents from a bundle, a list, or one document.

    Raises ProfileValidationError; fields are prefixed ``profiles[i].``.
    """
    try:
        data = parse(text.lstrip("\ufeff"))
    except JsonInputError as exc:
        raise ProfileValidationError("", exc.message) from None
    except TypeError as exc:
        raise ProfileValidationError("", f"not valid JSON ({exc})") from None
    if isinstance(data, dict) and "profiles" in data:
        if data.get("format", FORMAT) != FORMAT:
            raise ProfileValidationError("format", f"expected {FORMAT!r}")
        if data.get("version", FORMAT_VERSION) != FORMAT_VERSION:
            raise ProfileValidationError("version", f"unsupported version {data['version']!r}")
        data = data["profiles"]
        if not isinstance(data, list):
            raise ProfileValidationError("profiles", "expected a list")
    elif isinstance(data, dict):
        data = [data]
    elif not isinstance(data, list):
        raise ProfileValidationError("", "expected a profile, a list of profiles or a bundle")
    _check_json(data, "profiles")
    return [_validate(doc, sectors, i) for i, doc in enumerate(data)]


def _check_json(value: Any, path: str, where: str = "") -> None:
    """No lone surrogate and no absurd nesting in an imported value (the database and
    every page would fail on them): a ProfileValidationError naming the field."""
    try:
        check_value(value, path)
    except JsonInputError as exc:
        raise ProfileValidationError(exc.field, exc.message + where) from None


def _validate(doc: Any, sectors, i: int, where: str = "") -> dict:
    try:
        return validate_profile(doc, sectors)
    except ProfileValidationError as exc:
        field = f"profiles[{i}].{exc.field}" if exc.field else f"profiles[{i}]"
        raise ProfileValidationError(field, exc.message + where) from None


# -- CSV ---------------------------------------------------------------------------------------
def _top_index(doc: dict) -> int | None:
    """Position of the most influential power entry (then most interested, then first)."""
    power = doc.get("power") or []
    if not power:
        return None
    return max(range(len(power)), key=lambda i: (power[i].get("influence") or 0,
                                                 power[i].get("interest") or 0, -i))


def _top_power(doc: dict) -> dict:
    i = _top_index(doc)
    return {} if i is None else doc["power"][i]


def _person(doc: dict) -> dict:
    return (doc.get("people") or [{}])[0]


def _join(values: Iterable[Any]) -> str:
    return SEP.join(str(v) for v in values if v not in (None, ""))


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(";") if part.strip()]


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


# column -> how to read it from a document
COLUMNS: dict[str, Callable[[dict], str]] = {
    "name": lambda d: d.get("name", ""),
    "sector": lambda d: d.get("sector", ""),
    "tags": lambda d: _join(d.get("tags") or []),
    "contact_name": lambda d: _cell(_person(d).get("name")),
    "contact_role": lambda d: _cell(_person(d).get("role")),
    "contact_authority": lambda d: _cell(_person(d).get("authority")),
    "readiness_stage": lambda d: _cell((d.get("readiness") or {}).get("stage")),
    "capacity": lambda d: _cell(d.get("capacity")),
    "top_power": lambda d: _cell(_top_power(d).get("name")),
    "influence": lambda d: _cell(_top_power(d).get("influence")),
    "interest": lambda d: _cell(_top_power(d).get("interest")),
    "priorities": lambda d: _join(p.get("label") or p.get("id") for p in d.get("priorities") or []),
    "vocabulary": lambda d: _join(d.get("vocabulary") or []),
    "avoid": lambda d: _join(a.get("term") for a in d.get("avoid") or []),
    "notes": lambda d: _cell(d.get("notes")),
}


def _defuse(cell: str) -> str:
    # A spreadsheet would run "=HYPERLINK(...)" typed into a partner's notes.
    return defuse_formula(cell, reversible=True)


def _restore(cell: str) -> str:
    return restore_formula(cell)


def export_csv(profiles: Iterable[Any]) -> str:
    """RFC 4180 CSV (CRLF line ends), one row per profile, formula cells defused."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*COLUMNS, "document"])
    for profile in profiles:
        doc = _document(profile)
        row = [read(doc) for read in COLUMNS.values()]
        row.append(json.dumps(doc, ensure_ascii=False))
        writer.writerow([_defuse(c) for c in row])
    return out.getvalue()


def import_csv(text: str, sectors) -> list[dict]:
    """Validated documents from a CSV made by export_csv or typed by hand.

    The ``document`` column is the base when present; any readable column
    whose value differs from what the document says is applied on top.
    ``sectors`` may be a set of ids or a mapping id -> Sector; with the
    mapping, a priority typed by label picks up the sector pack's words.
    """
    text = text.lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip().lower().replace(" ", "_") for h in next(reader)]
    except StopIteration:
        return []
    except csv.Error as exc:
        raise ProfileValidationError("", f"the header row cannot be read ({exc})") from None
    if "document" not in header and not {"name", "sector"} <= set(header):
        raise ProfileValidationError("", "the CSV needs a name and a sector column "
                                         "(or a document column)")
    docs: list[dict] = []
    for i, raw in enumerate(_rows(reader, text, header, docs)):
        row = {h: _restore(c) for h, c in zip(header, raw)}
        where = f" (CSV row {i + 2})"
        base: dict = {}
        if row.get("document", "").strip():
            try:
                base = parse(row["document"])
            except JsonInputError as exc:
                raise ProfileValidationError(f"profiles[{i}].document",
                                             f"{exc.message}{where}") from None
            _check_json(base, f"profiles[{i}]", where)
            # Normalize first, so reading its cells below is safe and comparable.
            base = _validate(base, sectors, i, where)
        doc, top = copy.deepcopy(base), _top_index(base)
        edits = [c for c, read in COLUMNS.items()
                 if c in row and row[c].strip() != read(base).strip()]
        if top is None and {"top_power", "influence", "interest"} & set(edits):
            doc.setdefault("power", []).append({})  # the three power cells describe one entry
            top = len(doc["power"]) - 1
        for column in edits:
            _apply(doc, column, row[column].strip(), sectors, top)
        docs.append(_validate(doc, sectors, i, where))
    return docs


def _rows(reader, text: str, header: list[str], docs: list) -> Iterable[list[str]]:
    """The reader's non-blank rows; a cell over Python's csv field size limit is a
    ProfileValidationError naming its column and row, not a ``csv.Error``."""
    while True:
        start = reader.line_num  # lines read so far: the next record starts after them
        try:
            raw = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            limit = csv.field_size_limit()
            column = _oversized_column(text, start, limit)
            name = header[column] if column is not None and column < len(header) else ""
            field = f"profiles[{len(docs)}]" + (f".{name}" if name else "")
            raise ProfileValidationError(field, f"a cell is longer than {limit:,} characters, "
                                                f"the most a CSV cell may hold here (CSV row "
                                                f"{len(docs) + 2}; {exc})") from None
        if any(c.strip() for c in raw):
            yield raw


def _oversized_column(text: str, line: int, limit: int) -> int | None:
    """Index of the first cell longer than ``limit`` in the record starting after ``line``
    physical lines of ``text`` (a small RFC 4180 scan: the csv module stops without saying)."""
    lines = io.StringIO(text, newline="").readlines()  # the lines the reader was given
    record = "".join(lines[line:])
    column, size, quoted, i = 0, 0, False, 0
    while i < len(record):
        ch = record[i]
        if quoted:
            if ch == '"' and record[i + 1:i + 2] == '"':
                i += 1
            elif ch == '"':
                quoted = False
                i += 1
                continue
        elif ch == '"' and size == 0:
            quoted = True
            i += 1
            continue
        elif ch == ",":
            column, size = column + 1, 0
            i += 1
            continue
        elif ch in "\r\n":
            return None
        size += 1
        if size > limit:
            return column
        i += 1
    return None


def _apply(doc: dict, column: str, cell: str, sectors, top: int | None) -> None:
    """Write one edited readable cell into the document (``top``: the top power entry)."""
    if column in ("name", "sector", "notes", "capacity"):
        doc[column] = cell
    elif column in ("tags", "vocabulary"):
        doc[column] = _split(cell)
    elif column.startswith("contact_"):
        people = doc.setdefault("people", [])
        if not people:
            people.append({})
        people[0][column.removeprefix("contact_")] = cell or None
    elif column == "readiness_stage":
        doc.setdefault("readiness", {})["stage"] = cell or None
    elif column in ("top_power", "influence", "interest"):
        doc["power"][top]["name" if column == "top_power" else column] = cell or None
    elif column == "avoid":
        known = {a.get("term", "").casefold(): a for a in doc.get("avoid") or []}
        doc["avoid"] = [known.get(t.casefold(), {"term": t}) for t in _split(cell)]
    elif column == "priorities":
        doc["priorities"] = [_priority(doc, name, sectors) for name in _split(cell)]


def _priority(doc: dict, name: str, sectors) -> dict:
    # Keep an existing priority's words; otherwise borrow the sector pack's.
    key = name.casefold()
    for item in doc.get("priorities") or []:
        if key in ((item.get("label") or "").casefold(), (item.get("id") or "").casefold()):
            return item
    pack = sectors.get(doc.get("sector")) if isinstance(sectors, dict) else None
    for p in getattr(pack, "priorities", ()):
        if key in (p.label.casefold(), p.id.casefold()):
            return {"id": p.id, "label": p.label, "terms": list(p.terms)}
    return {"label": name, "terms": []}
