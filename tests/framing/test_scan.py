"""Shortcuts to a pattern's matches (literal tests, trying only where a match can
start) find exactly what a full ``finditer`` finds."""
from __future__ import annotations

import re

import pytest
import repo_paths
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.lexicon import get_lexicons
from framing.lexicon.anchor import anchored_finditer, start_literals
from framing.lexicon.compiled import literal_memo, pack_patterns, term_patterns
from framing.lexicon.prefilter import folded
from framing.lexicon.scan import lowered_twin, spans

ODD = "\u0130 \u0131 \u017f \u212a"  # İ ı ſ K (Kelvin): IGNORECASE matches them with ASCII


@pytest.fixture(scope="module")
def lexicons():
    return get_lexicons()


@pytest.fixture(scope="module")
def texts():
    paths = sorted(repo_paths.CORPUS.glob("*/texts/*.yaml"))
    found = [yaml.safe_load(p.read_text(encoding="utf-8"))["text"] for p in paths]
    return found + [t.upper() for t in found[:20]] + [
        f"{ODD} SUİCİDE ſuicide Schools, students and SCHOOL staff", ""]


def full(pattern, text):
    return [m.span() for m in pattern.finditer(text)]


def test_term_patterns_tried_where_they_start(lexicons, texts):
    rules = term_patterns(lexicons)
    assert sum(rule.starts is not None for rule in rules) > len(rules) // 2
    for text in texts:
        lowered = text.lower()
        for rule in rules:
            if rule.starts is not None:
                found = [m.span() for m in anchored_finditer(rule.fast, rule.starts, lowered)]
                assert found == [s for s in full(rule.fast, lowered) if s[0] != s[1]], rule.rule_id


def test_pack_patterns_found_as_finditer_finds_them(lexicons, texts):
    memo = literal_memo(lexicons)
    patterns = pack_patterns(lexicons)
    for text in texts[::2]:
        text_folded = folded(text)
        for pattern in patterns:
            assert spans(pattern, text, text_folded, memo) == full(pattern, text), pattern.pattern


WORDS = ["school", "Schools", "students", "STUDENT", "youth", "homelessness", "crisis",
         "the", "a", "not", "never", *ODD.split(), "ß", "-", "'", "’", ".", "!",
         "epidemic", "addict", "abuse", "substance", "988", "12", "%", "teachers", "SAMHSA"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=25),
       st.lists(st.sampled_from([" ", "", "\n", "  ", "-", "("]), min_size=25, max_size=25))
def test_random_texts_match_as_finditer(words, gaps):
    lexicons = get_lexicons()
    text = "".join(w + g for w, g in zip(words, gaps))
    memo = literal_memo(lexicons)
    for pattern in pack_patterns(lexicons)[:60]:
        assert spans(pattern, text, folded(text), memo) == full(pattern, text)
    lowered = text.lower()
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
])
def test_lowered_twin(pattern, twin):
    made = lowered_twin(re.compile(pattern, re.IGNORECASE))
    assert (made.pattern if made else None) == twin
