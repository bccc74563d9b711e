"""Where a match can start: running a pattern only from those places.

``finditer`` tries a pattern at every character of the message. A pattern
whose every match begins with one of a few literals ("crisis", "epidemic")
need only be tried where one of them occurs: ``Pattern.match`` at each such
place, in order, resuming after each match as ``finditer`` does, finds the
same matches for a fraction of the cost. A word-bounded pattern (beginning
with ``(?<!\\w)(?<!\\w-)``, as :func:`schema.compile_any` writes them: not after a
word character, nor after a hyphen joined to one, so "self-harm" holds no "harm"
but "--crisis" does) can only start where a word starts, so its places are
looked up in an index of the text's word starts (:class:`WordStarts`), built
once per text; that also makes a one-letter start ("a", in "a losing battle")
cheap. The index is a superset of the places the older boundary
``(?<![\\w-])`` allows, so it serves patterns written either way.
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
MAX_FOLLOWING = 24  # a run of literals is lengthened by what follows it up to this many ways
# How compile_any begins a word-bounded pattern (and how it used to): two lookbehinds, or one.
WORD_BOUNDED = (r"(?<!\w)(?<!\w-)", r"(?<![\w-])")
# A word character where compile_any's boundary holds: not after a word character,
# nor after a hyphen that follows one.
WORD_START = re.compile(r"(?<!\w)(?<!\w-)\w")
IS_WORD = re.compile(r"\w")
KEY = 3  # word starts are indexed by their first three characters
CANDIDATES_PER_CHAR = 1 / 20  # more places than this and a plain scan is cheaper...
# ... for a pattern of up to this many characters; a longer one (an alternation of
# hundreds of phrases) costs more at every character of a scan, so more places pay.
SCAN_PATTERN_CHARS = 2000


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
            # "the (?:words?|terms?)" starts with "the w" or "the t": longer starts are
            # rarer, so fewer places to try.
            tails = _following(items[i + len(run):])
            return found | ({run + tail for tail in tails} if tails else {run})
        if _never_consumes(op, av):
            continue  # lookarounds only: "(?:(?<=\bof\s)|(?<=\bfor\s))"
        first = _first_of(op, av)
        if first is None:
            return None
        found |= first
        if _consumes(op, av):
            return found
        # An optional item: a match may also start with what follows it.
    return None  # the whole sequence may match nothing


def _consumes(op, av) -> bool:
    """Whether every match of this item takes at least one character. The widths of
    the parser's own sub-patterns are kept on them, so a group is measured once."""
    if op is _c.SUBPATTERN:
        return av[3].getwidth()[0] > 0
    if op is _c.BRANCH:
        return all(branch.getwidth()[0] > 0 for branch in av[1])
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)):
        return av[0] > 0 and av[2].getwidth()[0] > 0
    return _p.SubPattern(_p.State(), [(op, av)]).getwidth()[0] > 0


def _never_consumes(op, av) -> bool:
    """Whether no match of this group takes a character (it only looks around)."""
    if op is _c.SUBPATTERN:
        return av[3].getwidth()[1] == 0
    if op is _c.BRANCH:
        return all(branch.getwidth()[1] == 0 for branch in av[1])
    return False


def _following(items) -> set[str] | None:
    """What the item right after a run of literals starts with, when it must match
    something and starts with one of a few literals; else None."""
    if not items:
        return None
    op, av = items[0]
    if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
        return None
    first = _first_of(op, av)
    if (first is None or DIGIT in first or len(first) > MAX_FOLLOWING
            or not _consumes(op, av)):
        return None
    return first


def _first_of(op, av) -> set[str] | None:
    if op is _c.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        # Only case-sensitive patterns are read here, so "(?-i:CI)" changes nothing;
        # "(?i:ab)" would.
        if add_flags & re.IGNORECASE:
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
        bounded = any(compiled.pattern.startswith(prefix)
                      and len(parsed.data) > prefix.count("(?<!")
                      and all(op is _c.ASSERT_NOT for op, _av in
                              parsed.data[:prefix.count("(?<!")])
                      for prefix in WORD_BOUNDED)
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


def context_free(compiled: re.Pattern) -> bool:
    """True when ``compiled`` looks at nothing but the characters it consumes: no anchor,
    boundary, lookaround or back-reference. Such a pattern matches in a part of a text
    only where it matches in the whole text, so a whole text without a match has no
    part with one."""
    if _p is None or not isinstance(compiled.pattern, str):
        return False
    try:
        parsed = _p.parse(compiled.pattern, compiled.flags)
    except Exception:  # an unusual construct: assume context
        return False
    context = {_c.AT, _c.ASSERT, _c.ASSERT_NOT, _c.GROUPREF, _c.GROUPREF_EXISTS,
               getattr(_c, "GROUPREF_IGNORE", _c.GROUPREF)}

    def free(items) -> bool:
        for op, av in items:
            if op in context:
                return False
            for part in (av if isinstance(av, (tuple, list)) else (av,)):
                if isinstance(part, _p.SubPattern) and not free(part):
                    return False
                if isinstance(part, (tuple, list)) and any(
                        isinstance(x, _p.SubPattern) and not free(x) for x in part):
                    return False
        return True

    return free(parsed)


class WordStarts:
    """Where the words of one text start (where ``WORD_START`` matches: after neither a
    word character nor a hyphen joined to one), keyed by their first three characters
    and by their first; built on first use, or given (``index``) by another reader of
    the same text."""

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
            starts = [m.start() for m in WORD_START.finditer(text)]
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
    return finditer_at(compiled, start_places(starts, text, words), text)


def finditer_at(compiled: re.Pattern, places: list[int] | None, text: str):
    """``compiled.finditer(text)`` tried only at ``places`` (from :func:`start_places`;
    None: anywhere), or a plain scan when the places are too many to pay."""
    share = CANDIDATES_PER_CHAR * max(1.0, len(compiled.pattern) / SCAN_PATTERN_CHARS)
    if places is None or len(places) > len(text) * share:
        return compiled.finditer(text)
    return _matches_at(compiled, places, text)


def start_places(starts: Starts, text: str, words: WordStarts | None = None) -> list[int] | None:
    """Offsets in ``text`` where a match can start, in order (None: anywhere)."""
    places: list[int] = []
    by_key = starts.by_key
    if by_key:
        index = (words if words is not None else WordStarts(text)).index
        # Most of a pattern's keys are not in the text: only those that are are looked at
        # (the two key sets are intersected in one step).
        for key in by_key.keys() & index.keys():
            found = index[key]
            literals = by_key[key]
            if literals is None:
                places += found  # the key is the literal
            else:
                match = literals.match
                places += [at for at in found if match(text, at)]
    for start in starts.elsewhere:
        if start == DIGIT:
            places += [m.start() for m in ANY_DIGIT.finditer(text)]
            continue
        at = text.find(start)
        while at != -1:
            places.append(at)
            at = text.find(start, at + 1)
    return sorted(set(places))


def _matches_at(compiled: re.Pattern, places: list[int], text: str):
    end = 0
    for place in places:
        if place < end:
            continue  # inside the previous match: finditer resumes after it
        match = compiled.match(text, place)
        if match is not None and match.end() > match.start():
            yield match
            end = match.end()
