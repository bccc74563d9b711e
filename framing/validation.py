"""The one error shape for invalid input, and the field validators that raise it.

Every validator in the project (profiles, campaigns, pitches, comparisons,
request bodies) raises :class:`ValidationError`; HTML forms, the JSON API and
the CLI read ``field`` and ``message`` from it rather than parsing a string.
``field`` is a dotted path with list indexes (``partners[1].role``), or ""
when the whole document is wrong.

The validators below take ``(value, field)`` and return the normalized value,
so a document's shape can be written as nested :func:`record` and
:func:`listof` specs (see :mod:`framing.profile_schema`).
"""
from __future__ import annotations

import math
import re
from datetime import date
from typing import Any, Callable

# Defaults for free text and lists in documents; callers with their own
# limits (a pitch's 100,000 characters) pass ``limit``.
MAX_TEXT, MAX_ITEMS = 20_000, 500
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ValidationError(ValueError):
    """Invalid input: ``field`` names where, ``message`` says what is wrong."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field
        self.message = message

    def within(self, prefix: str) -> "ValidationError":
        """The same error (same class) with its field placed under ``prefix`` (``profiles[2]``)."""
        field = f"{prefix}.{self.field}" if self.field and prefix else (prefix or self.field)
        return type(self)(field, self.message)


def join(path: str, key: str) -> str:
    """``path.key``, or ``key`` at the top level."""
    return f"{path}.{key}" if path else key


def as_validation_error(exc: Exception) -> ValidationError:
    """``exc`` as a ValidationError: itself, or another error's text read as
    ``"field: message"`` (modules that still raise ``ValueError("field: message")``,
    and engine errors such as InputError, which name no field)."""
    if isinstance(exc, ValidationError):
        return exc
    field, sep, message = str(exc).partition(": ")
    # Only a single dotted path is a field; "3 days: too long" is a whole message.
    if sep and field and " " not in field:
        return ValidationError(field, message)
    return ValidationError("", str(exc))


# -- value validators: (value, field) -> normalized value ---------------------------------------
def text(value: Any, field: str, limit: int = MAX_TEXT, required: bool = False) -> str:
    """Stripped text; None is "" (or "required" when ``required``)."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(field, "expected text")
    value = value.strip()
    if required and not value:
        raise ValidationError(field, "required")
    if len(value) > limit:
        raise ValidationError(field, f"longer than {limit:,} characters")
    return value


def required(value: Any, field: str) -> str:
    """Non-empty stripped text."""
    return text(value, field, required=True)


def enum(choices: tuple[str, ...], default: str | None = None) -> Callable[[Any, str], str | None]:
    """A validator for one of ``choices``; empty (an unset form select) gives ``default``."""
    def check(value: Any, field: str) -> str | None:
        out = text(value, field)
        if not out:
            return default
        if out not in choices:
            raise ValidationError(field, f"expected one of {', '.join(choices)}")
        return out
    return check


def number(lo: int, hi: int, whole: bool = True) -> Callable[[Any, str], int | float | None]:
    """A validator for a number from ``lo`` to ``hi`` (text such as a form or CSV cell is read);
    empty gives None, and a whole float becomes an int."""
    def check(value: Any, field: str) -> int | float | None:
        if isinstance(value, str):  # forms and CSV cells arrive as text
            value = value.strip()
            if not value:
                return None
            try:
                value = float(value)
            except ValueError:
                raise ValidationError(field, f"expected a number from {lo} to {hi}") from None
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) \
                or (isinstance(value, float) and not math.isfinite(value)):
            raise ValidationError(field, f"expected a number from {lo} to {hi}")
        if value == int(value):
            value = int(value)
        elif whole:
            raise ValidationError(field, f"expected a whole number from {lo} to {hi}")
        if not lo <= value <= hi:
            raise ValidationError(field, f"expected a number from {lo} to {hi}")
        return value
    return check


def iso_date(value: Any, field: str) -> str | None:
    """A date written ``YYYY-MM-DD``, or None when empty."""
    out = text(value, field)
    if not out:
        return None
    try:
        if not _DATE.match(out):
            raise ValueError
        date.fromisoformat(out)
    except ValueError:
        raise ValidationError(field, "expected a date as YYYY-MM-DD") from None
    return out


def items(value: Any, field: str) -> list:
    """A list of at most MAX_ITEMS entries (None is empty)."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValidationError(field, "expected a list")
    if len(value) > MAX_ITEMS:
        raise ValidationError(field, f"more than {MAX_ITEMS} entries")
    return value


def words(value: Any, field: str) -> list[str]:
    """A list of words or phrases: trimmed, blanks dropped, case-insensitive duplicates dropped."""
    seen, out = set(), []
    for i, item in enumerate(items(value, field)):
        word = text(item, f"{field}[{i}]")
        if word and word.casefold() not in seen:
            seen.add(word.casefold())
            out.append(word)
    return out


def record(spec: dict[str, Callable]) -> Callable[[Any, str], dict]:
    """A validator for an object with exactly the keys of ``spec``
    (missing keys get the validator's default)."""
    def check(value: Any, field: str) -> dict:
        if value is None:
            value = {}
        if not isinstance(value, dict):
            raise ValidationError(field, "expected an object")
        for key in value:
            if key not in spec:
                raise ValidationError(join(field, str(key)),
                                      f"unknown field (allowed: {', '.join(spec)})")
        return {key: fn(value.get(key), join(field, key)) for key, fn in spec.items()}
    return check


def listof(fn: Callable) -> Callable[[Any, str], list]:
    """A validator for a list whose entries each pass ``fn``."""
    return lambda value, field: [fn(v, f"{field}[{i}]") for i, v in enumerate(items(value, field))]
