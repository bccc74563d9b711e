"""Reading the comparison forms: variant rows, partners/sectors, feedback.

The new-comparison form repeats the same three inputs per variant
(``label``, ``text``, ``source``), so rows line up by position; blank rows
are dropped. Problems are raised as :class:`FormError` with the field that
caused them and a sentence a non-technical user can act on.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from framing.services.limits import TextTooLong, check_length
from framing.validation import as_validation_error

MIN_VARIANTS, MAX_VARIANTS, BLANK_ROWS = 2, 10, 3
MAX_TARGETS, MAX_LABEL, MAX_TITLE = 10, 80, 200
MAX_RATINGS, MAX_VOTES = 500, 100_000
SOURCE_RE = re.compile(r"^pitch:(\d+)/v(\d+)$")  # framing.compare.VariantInput.source
PIECE_SOURCE_RE = re.compile(r"^piece:(\d+)/v(\d+)$")


class FormError(ValueError):
    """A form problem: ``field`` names the input, ``message`` says what to do."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field, self.message = field, message


@dataclass
class VariantRow:
    label: str = ""
    text: str = ""
    source: str = ""

    @property
    def blank(self) -> bool:
        return not self.label.strip() and not self.text.strip()


@dataclass
class NewComparison:
    """What the new-comparison form holds (also when it is shown again after an error)."""

    title: str = ""
    kind: str = "pitch"
    rows: list[VariantRow] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)   # "profile:<id>" / "sector:<id>"
    pitch_id: int | None = None
    piece_id: int | None = None


def prefilled(title: str, owner: str, versions: list, row_for, **draft) -> tuple[NewComparison, str | None]:
    """A new comparison holding the latest versions of a pitch or piece, and a note when
    there were more than fit or too few to compare. ``row_for(version)`` makes a row."""
    chosen = sorted(versions, key=lambda v: v.number)[-MAX_VARIANTS:]
    note = None
    if len(versions) > MAX_VARIANTS:
        note = (f"“{title}” has {len(versions)} versions; the latest {MAX_VARIANTS} "
                "are below. Clear any you do not want to compare.")
    elif len(versions) < 2:
        note = (f"“{title}” has only one version. Add at least one more variant below, "
                f"or save a new version of the {owner} first.")
    rows = [row_for(v) for v in chosen]
    return NewComparison(title=f"{title}: versions compared", rows=rows, **draft), note


def letter_label(index: int) -> str:
    """``Variant A``, ``Variant B``, ... for the ``index``-th variant (0-based)."""
    return f"Variant {chr(ord('A') + index)}" if index < 26 else f"Variant {index + 1}"


def padded(rows: list[VariantRow], minimum: int = BLANK_ROWS) -> list[VariantRow]:
    """``rows`` plus blank rows up to ``minimum`` (so the form always offers a few)."""
    rows = list(rows)
    while len(rows) < minimum:
        rows.append(VariantRow())
    return rows


def rows_from(form) -> list[VariantRow]:
    """The variant rows as posted, in order, blank ones included."""
    labels, texts = form.getlist("label"), form.getlist("text")
    sources = form.getlist("source")
    count = max(len(labels), len(texts))
    pick = lambda values, i: values[i] if i < len(values) else ""  # noqa: E731
    return [VariantRow(pick(labels, i).strip(), pick(texts, i), pick(sources, i).strip())
            for i in range(count)]


def new_from(form, kinds) -> NewComparison:
    """The posted new-comparison form as typed (not yet checked)."""
    kind = form.get("kind", "pitch")
    return NewComparison(title=form.get("title", "").strip(),
                         kind=kind if kind in kinds else "pitch", rows=rows_from(form),
                         targets=[t for t in form.getlist("target") if t],
                         pitch_id=form.get("pitch_id", type=int),
                         piece_id=form.get("piece_id", type=int))


def variants_of(draft: NewComparison, max_chars: int) -> list[dict]:
    """The filled rows as ``{label, text, source}``; raises FormError."""
    filled = [row for row in draft.rows if not row.blank]
    variants, seen = [], {}
    for number, row in enumerate(filled, start=1):
        text = row.text.strip()
        if not text:
            raise FormError("text", f"Variant {number} (“{row.label}”) has no text. "
                                    "Paste its text or clear its name.")
        try:
            check_length(text, max_chars)
        except TextTooLong as exc:
            raise FormError("text", f"Variant {number} is {exc.size:,} characters long; "
                                    f"the limit is {exc.limit:,}. Shorten it.") from None
        label = row.label or letter_label(len(variants))
        if len(label) > MAX_LABEL:
            raise FormError("label", f"The name of variant {number} is longer than "
                                     f"{MAX_LABEL} characters. Use a short name.")
        if label.casefold() in seen:
            raise FormError("label", f"Two variants are called “{label}”. "
                                     "Give each one a different name.")
        seen[label.casefold()] = number
        variants.append({"label": label, "text": text, "source": row.source})
    if len(variants) < MIN_VARIANTS:
        raise FormError("text", f"Add at least {MIN_VARIANTS} variants to compare "
                                f"(you have {len(variants)}).")
    if len(variants) > MAX_VARIANTS:
        raise FormError("text", f"Compare at most {MAX_VARIANTS} variants at a time "
                                f"(you have {len(variants)}). Drop the weakest ones.")
    return variants


def targets_of(values: list[str], profile_ids: set[int], sector_ids: set[str]) -> list[dict]:
    """``profile:<id>`` / ``sector:<id>`` choices as the store's target dicts; raises FormError."""
    targets, seen = [], set()
    for value in values:
        kind, _, ident = value.partition(":")
        if kind == "profile" and ident.isdecimal() and int(ident) in profile_ids:
            target = {"profile_id": int(ident)}
        elif kind == "sector" and ident in sector_ids:
            target = {"sector": ident}
        else:
            raise FormError("target", "One of the chosen partners no longer exists. "
                                      "Choose again.")
        if value not in seen:
            seen.add(value)
            targets.append(target)
    if not targets:
        raise FormError("target", "Choose at least one partner profile or sector "
                                  "to compare the variants against.")
    if len(targets) > MAX_TARGETS:
        raise FormError("target", f"Choose at most {MAX_TARGETS} partners or sectors "
                                  f"(you chose {len(targets)}).")
    return targets


def target_value(target: dict) -> str:
    """A stored target dict as the form's ``profile:<id>`` / ``sector:<id>`` value."""
    if target.get("profile_id") is not None:
        return f"profile:{target['profile_id']}"
    return f"sector:{target.get('sector', '')}"


def pitch_source(pitch_id: int, number: int) -> str:
    """The ``source`` recorded for a variant taken from a pitch version."""
    return f"pitch:{pitch_id}/v{number}"


def parse_source(source: str) -> tuple[int, int] | None:
    """``(pitch_id, version)`` when the variant came from a pitch version."""
    match = SOURCE_RE.match(source or "")
    return (int(match.group(1)), int(match.group(2))) if match else None


def piece_source(piece_id: int, number: int) -> str:
    """The ``source`` recorded for a variant taken from a campaign piece's version."""
    return f"piece:{piece_id}/v{number}"


def parse_piece_source(source: str) -> tuple[int, int] | None:
    """``(piece_id, version)`` when the variant came from a campaign piece's version."""
    match = PIECE_SOURCE_RE.match(source or "")
    return (int(match.group(1)), int(match.group(2))) if match else None


def parse_ratings(text: str) -> list[int]:
    """``"4, 5 3"`` -> ``[4, 5, 3]``; each rating a whole number 1 to 5. Raises FormError."""
    parts = [p for p in re.split(r"[\s,;]+", text.strip()) if p]
    ratings = []
    for part in parts:
        if not part.isdecimal() or not 1 <= int(part) <= 5:
            raise FormError("ratings", f"“{part}” is not a rating: use whole numbers "
                                       "from 1 to 5, separated by commas.")
        ratings.append(int(part))
    if len(ratings) > MAX_RATINGS:
        raise FormError("ratings", f"At most {MAX_RATINGS} ratings at a time.")
    return ratings


def parse_votes(text: str) -> int:
    """A vote count: empty is 0; otherwise a whole number. Raises FormError."""
    text = text.strip()
    if not text:
        return 0
    if not text.isdecimal() or int(text) > MAX_VOTES:
        raise FormError("votes", f"“{text}” is not a number of votes: use a whole number "
                                 "such as 3.")
    return int(text)


def readable(exc: Exception) -> str:
    """A store's refusal (field and problem) as a sentence."""
    error = as_validation_error(exc)
    name, reason = error.field, error.message
    if not name:
        return reason
    names = {"title": "The title", "variants": "The variants", "targets": "The partners",
             "rationale": "The reason", "variant_label": "The variant",
             "target_key": "The partner", "replaces": "The earlier decision",
             "votes": "Votes", "ratings": "Ratings", "note": "The note", "kind": "The kind"}
    subject = names.get(name, name.replace("_", " ").capitalize())
    if reason == "required":
        return f"{subject} is required."
    reason = reason.rstrip(".")
    return f"{subject}: {reason}."
