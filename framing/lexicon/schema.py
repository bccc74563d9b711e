"""Strict validation helpers for the data files in ``lexicons/``.

Every error names the file and the key path at fault, e.g.
``lexicons/guidelines/suicide.yaml: rules[2].patterns[0]: bad regex ...``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from ..findings import Source
from ..typography import PlainPattern, is_plain, plain
from ..validation import ValidationError, join


class LexiconError(ValidationError):
    """A rule pack or data file is malformed: ``field`` (also ``key``) is the key path,
    ``message`` (also ``problem``) the reason, and ``file`` the file it is in."""

    def __init__(self, file: Path | str, key: str, problem: str):
        super().__init__(key, problem)
        self.file = str(file)
        self.key = key
        self.problem = problem
        self.args = (f"{file}: {key}: {problem}",)  # str() names the file too

    def within(self, prefix: str) -> "LexiconError":
        """The same error with its key placed under ``prefix``."""
        return LexiconError(self.file, join(prefix, self.key), self.problem)


Validator = Callable[[Any, str], Any]


class Checker:
    """Validates one mapping against a declared set of keys."""

    def __init__(self, file: Path | str):
        self.file = file

    def fail(self, key: str, problem: str) -> LexiconError:
        return LexiconError(self.file, key, problem)

    def mapping(self, value: Any, key: str, required: dict[str, Validator],
                optional: dict[str, Validator] | None = None) -> dict[str, Any]:
        """Check ``value`` is a mapping with exactly the allowed keys."""
        optional = optional or {}
        if not isinstance(value, dict):
            raise self.fail(key, f"expected a mapping, got {type(value).__name__}")
        for name in value:
            if name not in required and name not in optional:
                allowed = ", ".join(sorted({*required, *optional}))
                raise self.fail(join(key, str(name)), f"unknown key (allowed: {allowed})")
        out: dict[str, Any] = {}
        for name, validate in required.items():
            if name not in value:
                raise self.fail(join(key, name), "missing required key")
            out[name] = validate(value[name], join(key, name))
        for name, validate in optional.items():
            if name in value:
                out[name] = validate(value[name], join(key, name))
        return out

    def any_mapping(self, value: Any, key: str) -> dict[str, Any]:
        """A mapping whose keys are checked elsewhere (e.g. a profile)."""
        if not isinstance(value, dict):
            raise self.fail(key, "expected a mapping")
        return value

    def source(self, value: Any, key: str) -> Source:
        """A guideline source: publisher and URL, optional title and status."""
        spec = self.mapping(value, key, {"publisher": self.text, "url": self.text},
                            {"title": self.text,
                             "status": self.choice("sourced", "secondary", "proposed")})
        return Source(spec["publisher"], spec.get("title", ""), spec["url"],
                      spec.get("status", "sourced"))

    # -- scalar validators -------------------------------------------------
    def text(self, value: Any, key: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, "expected a non-empty string")
        return value

    def integer(self, value: Any, key: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(key, "expected an integer")
        return value

    def number(self, value: Any, key: str) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(key, "expected a number")
        return float(value)

    def boolean(self, value: Any, key: str) -> bool:
        if not isinstance(value, bool):
            raise self.fail(key, "expected true or false")
        return value

    def choice(self, *allowed: str) -> Validator:
        def validate(value: Any, key: str) -> str:
            if value not in allowed:
                raise self.fail(key, f"expected one of {', '.join(allowed)}; got {value!r}")
            return value
        return validate

    def texts(self, value: Any, key: str) -> list[str]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise self.fail(key, "expected a list of strings")
        return [self.text(item, f"{key}[{i}]") for i, item in enumerate(value)]

    def regexes(self, value: Any, key: str) -> list[str]:
        """A list of case-insensitive regular expressions; each must compile and be
        written in plain characters (the text they run on is folded to its plain form)."""
        patterns = self.texts(value, key)
        for i, pattern in enumerate(patterns):
            if not is_plain(pattern):
                raise self.fail(f"{key}[{i}]", f"write {pattern!r} in plain characters, as "
                                f"{plain(pattern)!r}: curly quotes, dashes and special spaces "
                                f"in a text match their plain forms")
            try:
                re.compile(pattern, re.IGNORECASE)
            except re.error as exc:
                raise self.fail(f"{key}[{i}]", f"bad regex {pattern!r}: {exc}") from None
        return patterns

    def list_of(self, validate: Validator) -> Validator:
        def check(value: Any, key: str) -> list[Any]:
            if not isinstance(value, list):
                raise self.fail(key, "expected a list")
            return [validate(item, f"{key}[{i}]") for i, item in enumerate(value)]
        return check


# A period that does not end a sentence: inside a number or a dotted abbreviation
# ("2.5 million", "the U.S. will", "at 9 a.m. on"), one a letter or digit follows, or
# the last of letters each followed by a period. (Patterns run on lower-cased text
# too, so the case of the next word cannot tell a sentence end.)
INNER_PERIOD = r"\.(?=[a-z0-9])|(?<=\.[a-z])\."
NOT_END = ("[^.!?\\n]", "[^.!?]")


def within_sentence(body: str) -> str:
    """``body`` with each "any character but an end mark" class (``[^.!?\\n]``,
    ``[^.!?]``), the packs' way of saying "within the sentence", also passing a period
    inside an abbreviation or a number."""
    for cls in NOT_END:
        body = body.replace(cls, f"(?:{cls}|{INNER_PERIOD})")
    return body


def compile_any(patterns: list[str], boundary: bool = True) -> PlainPattern | None:
    """One case-insensitive alternation of ``patterns``, word-bounded by default.

    The pattern runs on the plain form of the text it is given (curly quotes,
    special spaces and dashes as plain ones: :mod:`framing.typography`) and
    reports the original's offsets. A match may not start inside a hyphenated
    word ("self-harm" holds no "harm"), but may follow a dash ("--").
    """
    if not patterns:
        return None
    body = within_sentence("|".join(f"(?:{p})" for p in patterns))
    if boundary:
        body = rf"(?<!\w)(?<!\w-)(?:{body})(?!\w)"
    return PlainPattern(re.compile(body, re.IGNORECASE))


def variants_pattern(terms: list[str] | tuple[str, ...]) -> PlainPattern | None:
    """Like :func:`terms_pattern`, but each term also matches its hyphen and spacing
    variants ("safe leave", "safe-leave", "safeleave" is not one) and the usual
    inflections of its last word ("screening" for "screen", "evictions" for
    "eviction"): how a partner's priority may be written."""
    return _variants_pattern(tuple(terms))


@lru_cache(maxsize=256)
def _variants_pattern(terms: tuple[str, ...]) -> PlainPattern | None:
    escaped = []
    for term in terms:
        words = [w for w in re.split(r"[\s\-\u2010-\u2013]+", plain(term)) if w]
        if not words:
            continue
        last = words[-1]
        # Inflections only on words long enough not to collide ("ed" would make "fed" "feds").
        if len(last) >= 4 and last.isalpha():
            stem = re.escape(last[:-1]) + f"(?:{re.escape(last[-1])}(?:s|es|ed|ing|d)?|{re.escape(last[-1])}?(?:ies|ied|ying))" \
                if last.endswith("y") else re.escape(last[:-1] if last.endswith("e") else last) + (
                    "(?:e|es|ed|ing|er|ers)?" if last.endswith("e") else "(?:s|es|ed|ing)?")
        else:
            stem = re.escape(last)
        escaped.append(r"[\s-]+".join([re.escape(w) for w in words[:-1]] + [stem]))
    escaped.sort(key=len, reverse=True)
    return compile_any(escaped)


def terms_pattern(terms: list[str] | tuple[str, ...]) -> PlainPattern | None:
    """A pattern matching any literal term (whitespace-flexible, word-bounded; a term
    typed with curly quotes or dashes matches their plain forms too)."""
    return _terms_pattern(tuple(terms))


@lru_cache(maxsize=256)
def _terms_pattern(terms: tuple[str, ...]) -> PlainPattern | None:
    # Cached: the same term lists (a sector's swaps, a profile's words) recur per message.
    escaped = [r"\s+".join(re.escape(part) for part in plain(term).split()) for term in terms]
    # Longest first so "school climate" wins over "school".
    escaped.sort(key=len, reverse=True)
    return compile_any(escaped)
