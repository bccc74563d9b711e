"""Rule packs, sector packs and topic gates loaded from ``lexicons/``."""
from __future__ import annotations

from functools import lru_cache

from ..settings import lexicon_root
from .cached import cached_lexicons
from .loader import load_lexicons
from .model import Lexicons, Rule, Sector
from .schema import LexiconError


@lru_cache(maxsize=4)
def _cached(root: str) -> Lexicons:
    return cached_lexicons(root)


def get_lexicons(root: str | None = None) -> Lexicons:
    """The loaded lexicons for ``root`` (default folder if empty), loaded once per process
    (from the on-disk cache when the packs have not changed since it was stored)."""
    return _cached(str(lexicon_root(root)))


__all__ = ["Lexicons", "LexiconError", "Rule", "Sector", "get_lexicons", "load_lexicons"]
