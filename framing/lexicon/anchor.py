"""Where a match can start: running a pattern only from those places.

``finditer`` tries a pattern at every character of the message. A pattern
whose every match begins with one of a few literals ("crisis", "epidemic")
need only be tried where one of them occurs: ``Pattern.match`` at each such
place, in order, resuming after each match as ``finditer`` does, finds the
same matches for a fraction of the cost. A word-bounded pattern (beginning
with ``(?<![\\w-])``, as :func:`schema.compile_any` writes them) can only start
where a word starts, so its places are looked up in an index of the text's
word starts (:class:`WordStarts`), built once per text; that also makes a
one-letter start ("a", in "a losing battle") cheap.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

try:  # the parser behind ``re``; private, so fall back to a full scan without it
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    _p = _c = None

DIGIT = r"\d"  # a start set member: any decimal digit (``\d``)
ANY_DIGIT = re.compile(r"\d")
MIN_START = 2  # a shorter start is everywhere, unless looked up among word starts
WORD_BOUNDED = r"(?<![\w-])"  # how compile_any begins a word-bounded pattern
# A word character after one that is neither a word character nor a hyphen (the
# text's first character is looked at on its own).
WORD_START = re.compile(r"[^\w-]\w")
IS_WORD = re.compile(r"\w")
KEY = 3  # word starts are indexed by their first three characters
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


@dataclass(frozen=True)
class Starts:
    """What every match of a pattern starts with, and whether only at a word start."""

    literals: tuple[str, ...]  # literal strings, or DIGIT
    at_word_start: bool
    # The literals looked up among word starts, by their index key (see WordStarts): the
    # literals of a key as one pattern, None when the key is the one literal.
    by_key: dict[str, re.Pattern | None] = field(default_factory=dict, compare=False)
    # The others (DIGIT, or a literal not starting with a word character): searched for.
    elsewhere: tuple[str, ...] = ()


def index_key(literal: str) -> str:
    """A word's key in the word-start index: its first three characters, and (for the
    shorter literals looked up there) its first."""
    return literal[:KEY] if len(literal) >= KEY else literal[0]


def start_literals(compiled: re.Pattern) -> Starts | None:
    """What every match of the case-sensitive ``compiled`` starts with; None when unknown,
    or when a start is too short to be rare and matches may start anywhere."""
    if _p is None or compiled.flags & re.IGNORECASE or not isinstance(compiled.pattern, str):
        return None
    try:
        parsed = _p.parse(compiled.pattern, compiled.flags)
        if parsed.state.flags & re.IGNORECASE:
            return None
        found = _first(parsed)
        # The whole pattern (not only a first alternative) begins with the boundary.
        bounded = (compiled.pattern.startswith(WORD_BOUNDED) and bool(parsed.data)
                   and parsed.data[0][0] is _c.ASSERT_NOT)
    except Exception:  # an unusual construct: scan
        return None
    if not found:
        return None
    by_key: dict[str, list[str]] = {}
    elsewhere = []
    for start in sorted(found):
        if bounded and start != DIGIT and IS_WORD.match(start):
            by_key.setdefault(index_key(start), []).append(start)
        elif len(start) < MIN_START and start != DIGIT:
            return None
        else:
            elsewhere.append(start)
    keyed = {key: None if literals == [key] else
             re.compile("|".join(re.escape(literal) for literal in literals))
             for key, literals in by_key.items()}
    return Starts(tuple(sorted(found)), bounded, keyed, tuple(elsewhere))


class WordStarts:
    """Where the words of one text start (after neither a word character nor a hyphen),
    keyed by their first three characters and by their first; built on first use, or
    given (``index``) by another reader of the same text."""

    def __init__(self, text: str, index: dict[str, list[int]] | None = None):
        self.text = text
        self._index = index

    @property
    def built(self) -> bool:
        return self._index is not None

    @property
    def index(self) -> dict[str, list[int]]:
        if self._index is None:
            text = self.text
            starts = [m.start() + 1 for m in WORD_START.finditer(text)]
            if text and IS_WORD.match(text):
                starts.insert(0, 0)
            index: dict[str, list[int]] = {}
            for at in starts:
                index.setdefault(text[at:at + KEY], []).append(at)
                index.setdefault(text[at], []).append(at)
            self._index = index
        return self._index


def anchored_finditer(compiled: re.Pattern, starts: Starts | None, text: str,
                      words: WordStarts | None = None):
    """``compiled.finditer(text)``, tried only where a match can start (everywhere when
    ``starts`` is None or the places are too many): the same matches. ``words`` is the
    :class:`WordStarts` of ``text``, shared by the patterns run on it."""
    if starts is None:
        return compiled.finditer(text)
    places = start_places(starts, text, words)
    if places is None or len(places) > len(text) * CANDIDATES_PER_CHAR:
        return compiled.finditer(text)
    return _matches_at(compiled, places, text)


def start_places(starts: Starts, text: str, words: WordStarts | None = None) -> list[int] | None:
    """Offsets in ``text`` where a match can start, in order (None: anywhere)."""
    places: set[int] = set()
    if starts.by_key:
        index = (words if words is not None else WordStarts(text)).index
        for key, literals in starts.by_key.items():
            found = index.get(key)
            if found is None:  # most of a pattern's literals are not in the text
                continue
            if literals is None:
                places.update(found)  # the key is the literal
            else:
                places.update(at for at in found if literals.match(text, at))
    for start in starts.elsewhere:
        if start == DIGIT:
            places.update(m.start() for m in ANY_DIGIT.finditer(text))
            continue
        at = text.find(start)
        while at != -1:
            places.add(at)
            at = text.find(start, at + 1)
    return sorted(places)


def _matches_at(compiled: re.Pattern, places: list[int], text: str):
    end = 0
    for place in places:
        if place < end:
            continue  # inside the previous match: finditer resumes after it
        match = compiled.match(text, place)
        if match is not None and match.end() > match.start():
            yield match
            end = match.end()
