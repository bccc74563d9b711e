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
module cannot reason about is simply scanned.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .anchor import Starts, WordStarts, anchored_finditer, start_literals, start_places
from .prefilter import may_match, pattern_literals

# Escapes whose meaning does not change when the pattern and the text are both
# lower-cased (character classes, anchors and escaped punctuation). Anything else
# (\x41, \N{...}, back-references) keeps the case-insensitive pattern.
SAFE_ESCAPE = re.compile(r"\\[sSwWdDbBAZ.\-'’()\[\]{}?*+|^$/&,:;!\"#%@~ <>=]")
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
        found = memo[key] = Scan(pattern_literals(compiled, memo), lowered,
                                 start_literals(lowered) if lowered is not None else None)
    return found


def spans(compiled: re.Pattern, text: str, folded_text: str | None, memo: dict,
          words: WordStarts | None = None) -> list[tuple[int, int]]:
    """The spans of ``compiled.finditer(text)``; ``folded_text`` is
    ``prefilter.folded(text)`` (None: no shortcut is safe) and ``words`` its
    :class:`WordStarts`, when the caller keeps one for several patterns."""
    if folded_text is not None:
        plan = scan_of(compiled, memo)
        if not may_match(plan.literals, folded_text):
            return []
        if plan.lowered is not None and plan.starts is not None and len(folded_text) == len(text):
            return [m.span() for m in anchored_finditer(plan.lowered, plan.starts, folded_text,
                                                        words)]
    return [m.span() for m in compiled.finditer(text)]


def possible_starts(compiled: re.Pattern, text: str, folded_text: str | None, memo: dict,
                    words: WordStarts | None = None) -> list[int] | None:
    """Offsets where a match of ``compiled`` could start in ``text`` or in any part of it
    (a match in a slice starts where the whole text holds one of its start literals);
    None when that is not known, so anywhere."""
    if folded_text is None or len(folded_text) != len(text):
        return None
    plan = scan_of(compiled, memo)
    if not may_match(plan.literals, folded_text):
        return []
    if plan.lowered is None or plan.starts is None:
        return None
    return start_places(plan.starts, folded_text, words)


def may_start_within(places: list[int] | None, start: int, end: int) -> bool:
    """Whether one of ``places`` (from :func:`possible_starts`; None: anywhere) lies in
    ``start:end``, so a match could start in that part of the text."""
    if places is None:
        return True
    i = bisect.bisect_left(places, start)
    return i < len(places) and places[i] < end


def found(compiled: re.Pattern, text: str, folded_text: str | None, memo: dict,
          words: WordStarts | None = None) -> bool:
    """Whether ``compiled.search(text)`` finds a match (tried only where one can start)."""
    if folded_text is not None:
        plan = scan_of(compiled, memo)
        if not may_match(plan.literals, folded_text):
            return False
        if plan.lowered is not None and plan.starts is not None and len(folded_text) == len(text):
            # Matches that start with a literal are never empty, so any match counts.
            return next(iter(anchored_finditer(plan.lowered, plan.starts, folded_text, words)),
                        None) is not None
    return compiled.search(text) is not None


def may_search(compiled: re.Pattern, folded_text: str | None, memo: dict) -> bool:
    """False only when ``compiled.search`` cannot find anything in the text."""
    return folded_text is None or may_match(scan_of(compiled, memo).literals, folded_text)
