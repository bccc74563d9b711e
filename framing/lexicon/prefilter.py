"""Cheap prefilters for rule patterns: literal text a match cannot do without.

Running some 150 regular expressions over every message costs more than the
checks themselves. Most rule patterns are alternations of words, and any
match must contain one of a few literal strings ("addict", "abuse"...). A
plain substring test on the lower-cased message is far cheaper than the
regex scan, so a rule whose literals are all absent is skipped. A pattern we
cannot reduce to literals is always run.
"""
from __future__ import annotations

import re

try:  # the parser behind ``re``; private, so fall back to "always run" without it
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    _p = _c = None

MIN_LITERAL = 3


def _alternatives(items) -> list[str] | None:
    """Literals, one of which every match of this (sub)pattern contains."""
    items = list(items)
    if len(items) == 1:
        op, av = items[0]
        if op is _c.BRANCH:
            out: list[str] = []
            for branch in av[1]:
                found = _alternatives(branch)
                if found is None:
                    return None
                out += found
            return out
        if op is _c.SUBPATTERN:
            return _alternatives(av[-1])
    best, run = "", ""
    for op, av in items:
        if op is _c.LITERAL:
            run += chr(av)
            continue
        best, run = max(best, run, key=len), ""
    best = max(best, run, key=len)
    # The longest run of literals, or a mandatory group whose branches all carry
    # literals: whichever has the longest shortest literal ("are\s+(?:outdated|
    # offensive)" needs "outdated" or "offensive", rarer than "are").
    candidates = [[best.lower()]] if len(best) >= MIN_LITERAL else []
    for op, av in items:
        if op is _c.SUBPATTERN or op is _c.BRANCH:
            found = _alternatives([(op, av)])
            if found:
                candidates.append(found)
    if not candidates:
        return None
    # On a tie the group (after the run) wins: "the (?:words?|terms?)" needs "word"
    # or "term", rarer than "the ".
    return max(reversed(candidates), key=lambda found: min(len(literal) for literal in found))


def required_literals(patterns: list[str]) -> tuple[str, ...] | None:
    """Literals of which any match of any pattern must contain one, or None."""
    if _p is None:
        return None
    out: list[str] = []
    for pattern in patterns:
        try:
            found = _alternatives(_p.parse(pattern, re.IGNORECASE))
        except Exception:  # an unusual construct: do not filter
            return None
        if not found:
            return None
        out += found
    return tuple(sorted(set(out)))


def may_match(literals: tuple[str, ...] | None, lowered_text: str) -> bool:
    """False only when the text holds none of the literals."""
    return literals is None or any(lit in lowered_text for lit in literals)


# Characters other than the ASCII letters that ``re.IGNORECASE`` matches with an ASCII
# letter (İ ı ſ K, found by trying every code point): a text holding one is scanned
# whatever literals it lacks.
CASE_ODDITIES = re.compile("[\u0130\u0131\u017f\u212a]")


def folded(text: str) -> str | None:
    """``text`` lower-cased, to look for literals in; None when a literal test could
    miss a case-insensitive match (see ``CASE_ODDITIES``)."""
    return None if CASE_ODDITIES.search(text) else text.lower()


def pattern_literals(compiled: re.Pattern, memo: dict) -> tuple[str, ...] | None:
    """Literals (ASCII, lower case) one of which any match of ``compiled`` contains,
    case-insensitive or not; None when unknown. Remembered in ``memo``."""
    key = (compiled.pattern, compiled.flags)
    if key not in memo:
        found = required_literals([compiled.pattern]) if isinstance(compiled.pattern, str) else None
        memo[key] = found if found and all(lit.isascii() for lit in found) else None
    return memo[key]
