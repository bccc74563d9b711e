"""Finding a pack pattern's matches in a message for a fraction of a full scan.

A full ``finditer`` tries the pattern at every character. Most pack patterns
are word lists (sector priorities and swaps, a profile's words) or
alternations of phrases, so two cheap tests come first:

* the literals any match must contain (:func:`prefilter.pattern_literals`):
  when the lower-cased message holds none of them, there is no match;
* where a match can start (:func:`anchor.start_literals`): the pattern is
  tried only there. That needs a case-sensitive pattern, so a case-insensitive
  one is run as its lower-cased twin on the lower-cased message, which finds
  the same spans when lower-casing keeps every offset (the term matcher has
  always done this for ``term`` rules).

The results are exactly those of ``pattern.finditer(text)``; any pattern this
module cannot reason about is simply scanned. A pack pattern is a
:class:`~framing.typography.PlainPattern`: it runs on the plain form of the
text, and so do the literal tests and the word-start index (:class:`Source`);
its offsets are mapped back to the original characters as ``PlainPattern``
maps them.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..typography import Folded, PlainPattern, fold
from .anchor import (Starts, WordStarts, anchored_finditer, context_free, start_literals,
                     start_places)
from .prefilter import CASE_ODDITIES, may_match, pattern_literals

# Escapes whose meaning does not change when the pattern and the text are both
# lower-cased (character classes, anchors, control characters such as a line break,
# and escaped punctuation). Anything else (\x41, \N{...}, back-references) keeps the
# case-insensitive pattern.
SAFE_ESCAPE = re.compile(r"\\[sSwWdDbBAZntrfva.\-'’()\[\]{}?*+|^$/&,:;!\"#%@~ <>=]")
# Inline flags ("(?i)", "(?-i:...)") change case handling inside the pattern.
INLINE_FLAGS = re.compile(r"\(\?[aiLmsux-]")
# A character class naming a capital letter ("[A-z]" also spans "[\]^_`"): lower-casing
# could change what it matches.
CAPITAL_IN_CLASS = re.compile(r"\[(?:\\.|[^\]\\])*[A-Z](?:\\.|[^\]\\])*\]")


@dataclass(frozen=True)
class Scan:
    """How to find one pattern's matches quickly."""

    literals: tuple[str, ...] | None  # one is in every match (lower case); None: unknown
    lowered: re.Pattern | None        # the lower-cased twin of a case-insensitive pattern
    starts: Starts | None             # where matches of ``lowered`` can start
    # No anchor, boundary or lookaround: no match in the whole text, none in any part.
    context_free: bool = False


def lowered_twin(compiled: re.Pattern) -> re.Pattern | None:
    """``compiled`` (case-insensitive) lower-cased and compiled without IGNORECASE, for
    lower-cased text; None when that might not find the same matches."""
    source = compiled.pattern
    if (not isinstance(source, str) or not compiled.flags & re.IGNORECASE
            or not source.isascii() or INLINE_FLAGS.search(source)
            or CAPITAL_IN_CLASS.search(source)
            or SAFE_ESCAPE.sub("", source).count("\\")):
        return None
    lowered = re.sub(r"\\.|[A-Z]", lambda m: m.group(0) if len(m.group(0)) == 2
                     else m.group(0).lower(), source)
    return re.compile(lowered, compiled.flags & ~re.IGNORECASE)


def scan_of(compiled: re.Pattern, memo: dict) -> Scan:
    """The scan plan of ``compiled``, worked out once and kept in ``memo``."""
    key = ("scan", compiled.pattern, compiled.flags)
    found = memo.get(key)
    if found is None:
        lowered = lowered_twin(compiled)
        starts = start_literals(lowered) if lowered is not None else None
        # Only read when where a match starts is not known (possible_starts).
        free = starts is None and context_free(compiled)
        found = memo[key] = Scan(pattern_literals(compiled, memo), lowered, starts, free)
    return found


def split_alternation(source: str) -> list[str]:
    """``source`` cut at each ``|`` outside groups, classes and escapes (its top-level
    alternatives; one part when it has none)."""
    parts, depth, start, i, end = [], 0, 0, 0, len(source)
    while i < end:
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":  # a class: up to its closing bracket (one right after "[" or "[^" is literal)
            i += 1
            if i < end and source[i] == "^":
                i += 1
            if i < end and source[i] == "]":
                i += 1
            while i < end and source[i] != "]":
                i += 2 if source[i] == "\\" else 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    parts.append(source[start:])
    return parts


def alternatives(compiled, memo: dict) -> tuple:
    """The top-level alternatives of ``compiled`` as patterns of the same kind and flags
    (``(compiled,)`` when it has none or they cannot stand alone): a part of a text
    holds a match of ``compiled`` exactly when it holds a match of one of them."""
    key = ("alternatives", isinstance(compiled, PlainPattern), compiled.pattern, compiled.flags)
    found = memo.get(key)
    if found is None:
        found = memo[key] = _alternatives(compiled)
    return found


def _alternatives(compiled) -> tuple:
    source, flags = compiled.pattern, compiled.flags
    # Back-references and conditions name groups by number, which splitting renumbers;
    # verbose patterns may hold "|" in comments.
    if (not isinstance(source, str) or flags & re.VERBOSE or "(?#" in source
            or re.search(r"\\[1-9]|\(\?P=|\(\?\(", source)):
        return (compiled,)
    parts = split_alternation(source)
    if len(parts) < 2:
        return (compiled,)
    try:
        regexes = [re.compile(part, flags) for part in parts]
    except re.error:
        return (compiled,)
    if isinstance(compiled, PlainPattern):
        return tuple(PlainPattern(regex) for regex in regexes)
    return tuple(regexes)


class View:
    """One text as a kind of pattern reads it: the text the regex runs on, its lower-cased
    form (and that form for literal tests, None when one could miss a match), where its
    words start, and how its offsets map back to the original text."""

    __slots__ = ("text", "lower", "lowered", "same_length", "_words", "folded")

    def __init__(self, text: str, folded: Folded | None = None):
        self.text = text
        self.lower = text.lower()
        self.lowered = None if CASE_ODDITIES.search(text) else self.lower
        # Lower-casing a few characters ("İ") changes the length: offsets would move.
        self.same_length = len(self.lower) == len(text)
        self._words: WordStarts | None = None
        # The map back to the original (None: the offsets are the original's).
        self.folded = folded

    @property
    def words(self) -> WordStarts:
        """Where the words of the lower-cased text start (indexed on first use)."""
        if self._words is None:
            self._words = WordStarts(self.lower)
        return self._words

    def original(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Non-empty spans of this view's text as spans of the original text."""
        if self.folded is None:
            return spans
        return [self.folded.span(start, end) for start, end in spans]


class Source:
    """A message's text as the shortcuts read it, shared by the components and the
    checks of one doc. A plain ``re.Pattern`` runs on the text itself; a
    :class:`~framing.typography.PlainPattern` (every pack pattern) on its plain form
    (:func:`framing.typography.fold`), whose offsets are mapped back. For a text
    without typographic characters both are one view."""

    __slots__ = ("text", "_raw", "_plain")

    def __init__(self, text: str):
        self.text = text
        self._raw: View | None = None
        self._plain: View | None = None

    @property
    def raw(self) -> View:
        if self._raw is None:
            self._raw = View(self.text)
        return self._raw

    @property
    def plain(self) -> View:
        if self._plain is None:
            folded = fold(self.text)
            if folded.text == self.text:  # nothing to fold: one view
                self._plain = self.raw
            else:
                self._plain = View(folded.text, folded if folded.changes_offsets else None)
        return self._plain

    def view(self, compiled) -> tuple[re.Pattern, View]:
        """The regex to run for ``compiled`` and the view of the text it runs on."""
        if isinstance(compiled, PlainPattern):
            return compiled.regex, self.plain
        return compiled, self.raw


def spans(compiled, source: Source, memo: dict) -> list[tuple[int, int]]:
    """The spans of ``compiled.finditer(source.text)``, without scanning when the text
    lacks every literal a match needs, and trying the pattern only where a match can
    start. ``compiled`` is a ``re.Pattern`` or a ``PlainPattern``."""
    regex, view = source.view(compiled)
    if view.lowered is not None:
        plan = scan_of(regex, memo)
        if not may_match(plan.literals, view.lowered):
            return []
        if plan.lowered is not None and plan.starts is not None and view.same_length:
            # Matches that start with a literal are never empty.
            return view.original([m.span() for m in anchored_finditer(
                plan.lowered, plan.starts, view.lowered, view.words)])
    return [m.span() for m in compiled.finditer(source.text)]


def possible_starts(compiled, source: Source, memo: dict) -> list[int] | None:
    """Offsets of the original text where a match of ``compiled`` could start, in the
    text or in a part of it that begins after a space (a match in such a slice starts
    where the whole text holds one of its start literals); None when that is not
    known, so anywhere."""
    regex, view = source.view(compiled)
    if view.lowered is None or not view.same_length:
        return None
    plan = scan_of(regex, memo)
    if not may_match(plan.literals, view.lowered):
        return []
    if plan.lowered is None or plan.starts is None:
        if plan.context_free and regex.search(view.text) is None:
            return []  # no match in the whole text: none in any part of it
        return None
    places = start_places(plan.starts, view.lowered, view.words)
    if view.folded is None:
        return places
    return [view.folded.span(at, at + 1)[0] for at in places]


def may_start_within(places: list[int] | None, start: int, end: int) -> bool:
    """Whether one of ``places`` (from :func:`possible_starts`; None: anywhere) lies in
    ``start:end``, so a match could start in that part of the text."""
    if places is None:
        return True
    i = bisect.bisect_left(places, start)
    return i < len(places) and places[i] < end


def may_start_in_part(places: list[int] | None, text: str, start: int, end: int) -> bool:
    """Whether a match could start in ``text[start:end]`` searched on its own, by
    :func:`may_start_within`. A part cut right after a word character or a hyphen is
    always searched: a word boundary at its start holds in the part alone but not in
    the whole text, so the whole text's places do not tell."""
    if start > 0 and not text[start - 1].isspace():
        return True
    return may_start_within(places, start, end)


_UNKNOWN = object()
SCREEN_MIN_PARTS = 8  # fewer parts than this are searched without screening


class Screen:
    """Searches of the parts of one text (its sentences), each pattern tried only in the
    parts where a match could start: which those are is worked out once per pattern
    for the whole text (:func:`possible_starts`), and each top-level alternative of a
    pattern is screened on its own (:func:`alternatives`).

    ``parts`` are ``(start, end, text)``: ranges of ``source.text`` in order, none
    overlapping another, with their text (``source.text[start:end]``, or a part of it
    that begins after a space, such as the range stripped).
    """

    def __init__(self, source: Source, memo: dict, parts: list[tuple[int, int, str]]):
        self.source = source
        self.memo = memo
        self.parts = parts
        # Working out where a pattern can start pays over many parts; a short text's
        # few sentences are simply searched.
        self.screening = len(parts) >= SCREEN_MIN_PARTS
        self._starts = [start for start, _, _ in parts]
        text = source.text
        # Parts cut right after a word character or a hyphen: a word boundary at the cut
        # holds in the part alone but not in the whole text, so they are always searched.
        self._cut = frozenset(i for i, (start, _, _) in enumerate(parts)
                              if start > 0 and not text[start - 1].isspace())
        # Per pattern: the parts where a match could start (None: any part). A pack's
        # PlainPattern is keyed by identity, a ``re.Pattern`` by its source and flags.
        self._candidates: dict = {}
        self._alternatives: dict = {}

    def candidates(self, compiled) -> frozenset[int] | None:
        """Indexes of the parts where a match of ``compiled`` could start (None: any)."""
        found = self._candidates.get(compiled, _UNKNOWN)
        if found is _UNKNOWN:
            places = possible_starts(compiled, self.source, self.memo)
            if places is None:
                found = None
            else:
                inside = set(self._cut)
                for at in places:
                    i = bisect.bisect_right(self._starts, at) - 1
                    if i >= 0 and at < self.parts[i][1]:
                        inside.add(i)
                found = frozenset(inside)
            self._candidates[compiled] = found
        return found

    def may(self, compiled, index: int) -> bool:
        """False only when no match of ``compiled`` can start in part ``index``."""
        if not self.screening:
            return True
        found = self.candidates(compiled)
        return found is None or index in found

    def found(self, compiled, index: int) -> bool:
        """Whether ``compiled.search`` finds a match in part ``index``'s text."""
        if not self.screening:
            return compiled.search(self.parts[index][2]) is not None
        live = self._alternatives.get(compiled)
        if live is None:
            # The alternatives that could match in some part, with where.
            live = self._alternatives[compiled] = [
                (alternative, found) for alternative in alternatives(compiled, self.memo)
                for found in (self.candidates(alternative),) if found is None or found]
        for alternative, found in live:
            if ((found is None or index in found)
                    and alternative.search(self.parts[index][2]) is not None):
                return True
        return False


def found(compiled, source: Source, memo: dict) -> bool:
    """Whether ``compiled.search(source.text)`` finds a match (tried only where one can
    start)."""
    regex, view = source.view(compiled)
    if view.lowered is not None:
        plan = scan_of(regex, memo)
        if not may_match(plan.literals, view.lowered):
            return False
        if plan.lowered is not None and plan.starts is not None and view.same_length:
            # Matches that start with a literal are never empty, so any match counts.
            return next(iter(anchored_finditer(plan.lowered, plan.starts, view.lowered,
                                               view.words)), None) is not None
    return compiled.search(source.text) is not None
