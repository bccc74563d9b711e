"""Shortcuts to a pattern's matches (literal tests, trying only where a match can
start) find exactly what a full ``finditer`` finds."""
from __future__ import annotations

import re

import pytest
import repo_paths
from hypothesis import given, settings
from hypothesis import strategies as st

from framing import components
from framing.lexicon import get_lexicons
from framing.lexicon.anchor import anchored_finditer, context_free, start_literals
from framing.lexicon.compiled import literal_memo, pack_patterns, term_patterns
from framing.lexicon.prefilter import folded, required_literals
from framing.lexicon.scan import (Screen, Source, alternatives, found, lowered_twin,
                                  possible_starts, spans, split_alternation)
from framing.typography import PlainPattern, fold

ODD = "\u0130 \u0131 \u017f \u212a"  # İ ı ſ K (Kelvin): IGNORECASE matches them with ASCII
# Typography a pack pattern sees in its plain form: curly quotes, dashes that keep or
# change the length, no-break and soft hyphens, a no-break space.
TYPOGRAPHY = "don\u2019t self\u2011harm teens\u2014addicts su\u00adicide wait\u2026 a\u00a0crisis"


@pytest.fixture(scope="module")
def lexicons():
    return get_lexicons()


@pytest.fixture(scope="module")
def texts():
    found = repo_paths.corpus_texts()
    return found + [t.upper() for t in found[:20]] + [
        f"{ODD} SUİCİDE ſuicide Schools, students and SCHOOL staff", "", TYPOGRAPHY,
        TYPOGRAPHY.upper()]


def full(pattern, text):
    return [m.span() for m in pattern.finditer(text)]


def sentence_parts(text):
    """Ranges cut after a sentence end or a line break, as a parser may cut them, and
    some cut inside a word."""
    cuts = sorted({0, len(text), *(m.end() for m in re.finditer(r"[.!?\n]\s*", text)),
                   *range(7, len(text), 97)})
    return [(a, b, text[a:b]) for a, b in zip(cuts, cuts[1:]) if b > a]


def test_term_patterns_tried_where_they_start(lexicons, texts):
    rules = term_patterns(lexicons)
    assert sum(rule.starts is not None for rule in rules) > len(rules) // 2
    for text in texts:
        lowered = fold(text).text.lower()
        for rule in rules:
            if rule.starts is not None:
                found_here = [m.span() for m in anchored_finditer(rule.fast, rule.starts, lowered)]
                assert found_here == [s for s in full(rule.fast, lowered) if s[0] != s[1]], \
                    rule.rule_id


def test_pack_patterns_found_as_finditer_finds_them(lexicons, texts):
    memo = literal_memo(lexicons)
    patterns = pack_patterns(lexicons)
    assert all(isinstance(p, PlainPattern) for p in patterns)
    for text in texts[::2] + texts[-2:]:
        source = Source(text)
        for pattern in patterns:
            expected = full(pattern, text)
            assert spans(pattern, source, memo) == expected, pattern.pattern
            assert found(pattern, source, memo) == bool(expected), pattern.pattern


def test_parts_searched_only_where_a_match_can_start(lexicons, texts):
    """Searching a sentence only where a match could start, and each top-level
    alternative on its own, finds a match exactly where ``search`` does: for the pack
    patterns, the document structure's and the context marker's."""
    memo = literal_memo(lexicons)
    spec = lexicons.structure
    patterns = pack_patterns(lexicons)[::3] + [
        spec.advice_cues, spec.advice_writing, spec.advice_prescriptive, spec.attribution,
        spec.mention_intros, components.ACCORDING_TO, components.TABLE_ARROW,
        components.NEGATIVE_INSTRUCTION, components.ADVICE_INSTRUCTION,
        components.WORDING_JUDGMENT, components.JUDGING_VERBS, components.MENTION_CUES]
    for text in texts[1::4] + texts[-2:]:
        source = Source(text)
        parts = sentence_parts(text)
        screen = Screen(source, memo, parts)
        screen.screening = True  # however few the parts
        for pattern in patterns:
            places = possible_starts(pattern, source, memo)
            for index, (start, end, part) in enumerate(parts):
                expected = pattern.search(part) is not None
                assert screen.found(pattern, index) == expected, (pattern.pattern, part)
                if expected:
                    assert screen.may(pattern, index), (pattern.pattern, part)
                    if start == 0 or text[start - 1].isspace():
                        assert places is None or any(start <= at < end for at in places)


WORDS = ["school", "Schools", "students", "STUDENT", "youth", "homelessness", "crisis",
         "the", "a", "not", "never", *ODD.split(), "ß", "-", "'", "’", ".", "!",
         "epidemic", "addict", "abuse", "substance", "988", "12", "%", "teachers", "SAMHSA",
         "\u2014", "\u2011", "\u00ad", "\u2026", "\u00a0", "don\u2019t", "self-harm",
         "the words", "instead of", "according to"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=25),
       st.lists(st.sampled_from([" ", "", "\n", "  ", "-", "("]), min_size=25, max_size=25))
def test_random_texts_match_as_finditer(words, gaps):
    lexicons = get_lexicons()
    text = "".join(w + g for w, g in zip(words, gaps))
    memo = literal_memo(lexicons)
    source = Source(text)
    for pattern in pack_patterns(lexicons)[:60]:
        assert spans(pattern, source, memo) == full(pattern, text)
    lowered = fold(text).text.lower()
    for rule in term_patterns(lexicons):
        if rule.starts is not None:
            found = [m.span() for m in anchored_finditer(rule.fast, rule.starts, lowered)]
            assert found == [s for s in full(rule.fast, lowered) if s[0] != s[1]]


def test_folded_refuses_texts_with_case_oddities():
    assert folded("Crisis Line") == "crisis line"
    for odd in ODD.split():
        assert folded(f"su{odd}cide") is None


@pytest.mark.parametrize("pattern, expected", [
    (r"(?:the\s+)?homeless", ("homeless", "the")),
    (r"(?<![\w-])(?:(?:crisis)|(?:epidemics?))(?![\w])", ("crisis", "epidemic")),
    (r"\d+\s*percent|half", (r"\d", "half")),
    (r"[sz]ome", None),            # single-character starts are everywhere
    (r"\w+ly", None),
    (r"(?i:ab)c", None),           # case-insensitive inside
    (r"(?:ab)?", None),            # may match nothing
    (r"the (?:words?|terms?)", ("the term", "the word")),  # lengthened by what follows
    (r"equally|even\s+more", ("equally", "even")),        # a prefix the parser shares
    (r"the (?:words?)?x", ("the ",)),                       # what follows may be empty
    (r"(?<!\w)(?<!\w-)(?:crisis|epidemics?)(?!\w)", ("crisis", "epidemic")),
    (r"(?:(?<=\bof\s)|(?<=\bfor\s))homeless", ("homeless",)),  # lookarounds take nothing
    (r"(?-i:ci)\s*\d|ab", ("ab", "ci")),                   # case-sensitive already
])
def test_start_literals(pattern, expected):
    found = start_literals(re.compile(pattern))
    assert (found.literals if found else None) == expected


@pytest.mark.parametrize("pattern, twin", [
    (r"Crisis Line", "crisis line"),
    (r"[A-z]x", None),                 # a class with a capital: not lower-cased
    (r"(?-i:CI)\s*\d", None),          # inline flags
    (r"\x41BC", None),                 # an escape that names a letter
    ("café", None),                    # not ASCII
    (r"[^\n]+Line", "[^\\n]+line"),      # a line break is the same lower-cased
])
def test_lowered_twin(pattern, twin):
    made = lowered_twin(re.compile(pattern, re.IGNORECASE))
    assert (made.pattern if made else None) == twin


@pytest.mark.parametrize("source, parts", [
    (r"a|b", ["a", "b"]),
    (r"(?:a|b)c|d", ["(?:a|b)c", "d"]),
    (r"[|]x|\|y|[^]|]z", ["[|]x", r"\|y", "[^]|]z"]),
    (r"abc", ["abc"]),
])
def test_split_alternation(source, parts):
    assert split_alternation(source) == parts


def test_alternatives_keep_the_flags_and_refuse_back_references():
    memo: dict = {}
    parts = alternatives(re.compile(r"(?i)ab|cd", re.MULTILINE), memo)
    assert [p.pattern for p in parts] == ["(?i)ab", "cd"]
    assert all(p.flags & re.IGNORECASE and p.flags & re.MULTILINE for p in parts)
    assert parts[1].search("CD")
    backref = re.compile(r"(a)\1|b")
    assert alternatives(backref, memo) == (backref,)
    plain = PlainPattern(re.compile("a|b", re.IGNORECASE))
    assert all(isinstance(p, PlainPattern) for p in alternatives(plain, memo))


@pytest.mark.parametrize("pattern, free", [
    (r"->|=>", True), (r"a[bc]+d", True), (r"\bword", False), (r"^x", False),
    (r"(?<!\w)x", False), (r"(a)\1", False), (r"x(?=y)", False),
])
def test_context_free(pattern, free):
    assert context_free(re.compile(pattern)) is free


@pytest.mark.parametrize("pattern, literals", [
    (r"crisis|epidemics?", ("crisis", "epidemic")),
    (r"are\s+(?:outdated|stigmatizing)", ("outdated", "stigmatizing")),  # rarer than "are"
    (r"the (?:words?|terms?)", ("term", "word")),                 # a tie: the group
    (r"homeless(?:ness)?\s+(?:youth|people)", ("homeless",)),
    (r"\w+ly", None),
])
def test_required_literals(pattern, literals):
    assert required_literals([pattern]) == literals
