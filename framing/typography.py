"""Typography-insensitive matching: rule patterns see the plain form of a text.

Writers paste text from word processors, web pages and PDFs: curly quotes and
apostrophes (’ “ ”), no-break and thin spaces, non-breaking hyphens, en and
em dashes, soft hyphens and zero-width characters. Rule patterns are written
in plain ASCII ("don't", "committed suicide", "drug-abuser"), so every
pattern is run on the text's *plain form* (:func:`fold`) and its matches are
mapped back to the original characters: findings still point at exactly what
the writer typed. Letter case is handled by the patterns (case-insensitive).

Most replacements are one character for one, so offsets do not move. A few
are not: an em dash is "--" in plain text, an ellipsis "...", and invisible
characters (soft hyphen, zero-width space) are dropped. For those texts the
fold keeps, for each plain character, the offset of the original character
it came from.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

import numpy

# Plain form of each typographic character (one-for-one unless noted).
_QUOTES = {ch: "'" for ch in "\u2018\u2019\u201a\u201b\u2032\u02bc\u2039\u203a\uff07"}
_QUOTES.update({ch: '"' for ch in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\uff02"})
_SPACES = {ch: " " for ch in "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
                              "\u2007\u2008\u2009\u200a\u202f\u205f\u3000"}
_SPACES.update({"\u2028": "\n", "\u2029": "\n"})
# Hyphens, the minus sign and the en dash (ranges, or a hyphen typed by a word processor).
_HYPHENS = {ch: "-" for ch in "\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d"}
# The em dash and horizontal bar are "--" in plain text: not a hyphen that joins
# two words ("teens—addicts" must not read as the compound "teens-addicts").
_LONGER = {"\u2014": "--", "\u2015": "--", "\u2026": "..."}
# Invisible characters that may sit inside a word: dropped.
_DROPPED = {ch: "" for ch in "\u00ad\u200b\u200c\u200d\u2060\ufeff"}

PLAIN = {**_QUOTES, **_SPACES, **_HYPHENS, **_LONGER, **_DROPPED}
_TABLE = str.maketrans(PLAIN)
_CHANGES_LENGTH = re.compile("[" + "".join(sorted({**_LONGER, **_DROPPED})) + "]")
_TYPOGRAPHIC = re.compile("[" + "".join(sorted(PLAIN)) + "]")


class Folded:
    """A text's plain form, and where each of its characters came from."""

    __slots__ = ("original", "text", "_starts")

    def __init__(self, original: str, text: str, starts: numpy.ndarray | None):
        self.original = original
        self.text = text
        # starts[i]: offset in the original of plain character i (None: the same offsets).
        self._starts = starts

    @property
    def changes_offsets(self) -> bool:
        """True when a plain character's offset may differ from its original's."""
        return self._starts is not None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original character range of the plain range ``start:end``."""
        starts = self._starts
        if starts is None:
            return start, end
        if end <= start:
            position = int(starts[start]) if start < len(starts) else len(self.original)
            return position, position
        # Up to the end of the original character the last plain character came from.
        return int(starts[start]), int(starts[end - 1]) + 1

    def match(self, match: re.Match[str]) -> "re.Match[str] | PlainMatch":
        """A match on the plain text, as offsets and text of the original."""
        if self.text is self.original:
            return match
        return PlainMatch(self, match)


class PlainMatch:
    """A match found in the plain form, reporting the original's offsets and text."""

    __slots__ = ("_folded", "_match")

    def __init__(self, folded: Folded, match: re.Match[str]):
        self._folded = folded
        self._match = match

    def span(self, group: int = 0) -> tuple[int, int]:
        start, end = self._match.span(group)
        if start < 0:
            return start, end
        return self._folded.span(start, end)

    def start(self, group: int = 0) -> int:
        return self.span(group)[0]

    def end(self, group: int = 0) -> int:
        return self.span(group)[1]

    def group(self, group: int = 0) -> str | None:
        start, end = self.span(group)
        return None if start < 0 else self._folded.original[start:end]

    def __getitem__(self, group: int) -> str | None:
        return self.group(group)


def plain(text: str) -> str:
    """The plain form of ``text`` (curly quotes straight, Unicode spaces and dashes
    plain, invisible characters dropped)."""
    return text if text.isascii() else text.translate(_TABLE)


def is_plain(text: str) -> bool:
    """True when ``text`` holds no character that :func:`plain` would change."""
    return text.isascii() or _TYPOGRAPHIC.search(text) is None


@lru_cache(maxsize=128)
def fold(text: str) -> Folded:
    """The plain form of ``text`` with a map back to its offsets.

    Cached: the same message and sentence texts are matched by many rules.
    ``str.isascii`` is constant-time, so plain ASCII texts cost nothing.
    """
    if text.isascii():
        return Folded(text, text, None)
    folded = text.translate(_TABLE)
    if _CHANGES_LENGTH.search(text) is None:
        return Folded(text, folded, None)
    # Each original character becomes len(PLAIN[ch]) plain ones (0, 1, 2 or 3).
    lengths = numpy.ones(len(text), dtype=numpy.int64)
    for found in _CHANGES_LENGTH.finditer(text):
        lengths[found.start()] = len(PLAIN[found.group(0)])
    starts = numpy.repeat(numpy.arange(len(text)), lengths)
    return Folded(text, folded, starts)


class PlainPattern:
    """A compiled pattern that runs on the plain form of the text it is given.

    It answers like ``re.Pattern`` (``search``, ``match``, ``fullmatch``,
    ``finditer``, ``findall``), with offsets and matched text of the original.
    ``pattern`` is the regex source and ``regex`` the compiled pattern itself,
    for callers that run it on text they have folded with :func:`fold`.
    """

    __slots__ = ("regex", "pattern", "flags")

    def __init__(self, regex: re.Pattern[str]):
        self.regex = regex
        self.pattern = regex.pattern
        self.flags = regex.flags

    def search(self, text: str):
        folded = fold(text)
        found = self.regex.search(folded.text)
        return None if found is None else folded.match(found)

    def match(self, text: str):
        folded = fold(text)
        found = self.regex.match(folded.text)
        return None if found is None else folded.match(found)

    def fullmatch(self, text: str):
        folded = fold(text)
        found = self.regex.fullmatch(folded.text)
        return None if found is None else folded.match(found)

    def finditer(self, text: str) -> Iterator:
        folded = fold(text)
        return (folded.match(found) for found in self.regex.finditer(folded.text))

    def findall(self, text: str) -> list[str]:
        return [found.group(0) for found in self.finditer(text)]

    def __repr__(self) -> str:
        return f"PlainPattern({self.pattern!r})"
