"""Where a match can start: running a pattern only from those places.

``finditer`` tries a pattern at every character of the message. A pattern
whose every match begins with one of a few literals ("crisis", "epidemic")
need only be tried where one of them occurs: ``Pattern.match`` at each such
place, in order, resuming after each match as ``finditer`` does, finds the
same matches for a fraction of the cost. A pattern that may start with a
single character ("a", in "a losing battle") gains nothing and is scanned.
"""
from __future__ import annotations

import re

try:  # the parser behind ``re``; private, so fall back to a full scan without it
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    _p = _c = None

DIGIT = r"\d"  # a start set member: any decimal digit (``\d``)
ANY_DIGIT = re.compile(r"\d")
MIN_START = 2  # a one-character start is everywhere: such a pattern is scanned
CANDIDATES_PER_CHAR = 1 / 20  # more places than this and a plain scan is cheaper


def _first(items) -> set[str] | None:
    """What any match of this sequence starts with (literals, or DIGIT), or None."""
    items = list(items)
    found: set[str] = set()
    for i, (op, av) in enumerate(items):
        if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
            continue  # consumes nothing
        if op is _c.LITERAL:
            run = ""
            for next_op, next_av in items[i:]:
                if next_op is not _c.LITERAL:
                    break
                run += chr(next_av)
            return found | {run}
        first = _first_of(op, av)
        if first is None:
            return None
        found |= first
        if _p.SubPattern(_p.State(), [(op, av)]).getwidth()[0] > 0:
            return found
        # An optional item: a match may also start with what follows it.
    return None  # the whole sequence may match nothing


def _first_of(op, av) -> set[str] | None:
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if (add_flags | del_flags) & re.IGNORECASE:
            return None
        return _first(sub)
    if op is _c.BRANCH:
        found: set[str] = set()
        for branch in av[1]:
            first = _first(branch)
            if first is None:
                return None
            found |= first
        return found
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)):
        return _first(av[2])
    if op is _c.IN:
        chars: set[str] = set()
        for item_op, item_av in av:
            if item_op is _c.LITERAL:
                chars.add(chr(item_av))
            elif item_op is _c.CATEGORY and item_av is _c.CATEGORY_DIGIT:
                chars.add(DIGIT)
            elif item_op is _c.RANGE and item_av[1] - item_av[0] < 32:
                chars.update(chr(c) for c in range(item_av[0], item_av[1] + 1))
            else:
                return None
        return chars
    return None


def start_literals(compiled: re.Pattern) -> tuple[str, ...] | None:
    """The literals (or DIGIT) one of which every match of the case-sensitive
    ``compiled`` starts with; None when unknown, or when one is too short to be rare."""
    if _p is None or compiled.flags & re.IGNORECASE or not isinstance(compiled.pattern, str):
        return None
    try:
        parsed = _p.parse(compiled.pattern, compiled.flags)
        if parsed.state.flags & re.IGNORECASE:
            return None
        found = _first(parsed)
    except Exception:  # an unusual construct: scan
        return None
    if not found or any(len(s) < MIN_START and s != DIGIT for s in found):
        return None
    return tuple(sorted(found))


def anchored_finditer(compiled: re.Pattern, starts: tuple[str, ...] | None, text: str):
    """``compiled.finditer(text)``, tried only where one of ``starts`` occurs (everywhere
    when ``starts`` is None or the places are too many): the same matches."""
    if starts is None:
        return compiled.finditer(text)
    places: set[int] = set()
    for start in starts:
        if start == DIGIT:
            places.update(m.start() for m in ANY_DIGIT.finditer(text))
        else:
            at = text.find(start)
            while at != -1:
                places.add(at)
                at = text.find(start, at + 1)
    if len(places) > len(text) * CANDIDATES_PER_CHAR:
        return compiled.finditer(text)
    return _matches_at(compiled, sorted(places), text)


def _matches_at(compiled: re.Pattern, places: list[int], text: str):
    end = 0
    for place in places:
        if place < end:
            continue  # inside the previous match: finditer resumes after it
        match = compiled.match(text, place)
        if match is not None and match.end() > match.start():
            yield match
            end = match.end()
