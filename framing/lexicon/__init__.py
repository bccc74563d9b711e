"""Rule packs, sector packs and topic gates loaded from ``lexicons/``."""
from __future__ import annotations

from functools import lru_cache

from .loader import default_root, load_lexicons
from .model import Lexicons, Rule, Sector
from .schema import LexiconError


@lru_cache(maxsize=4)
def _cached(root: str) -> Lexicons:
    return load_lexicons(root)


def get_lexicons(root: str | None = None) -> Lexicons:
    """The loaded lexicons for ``root`` (default folder if empty), loaded once per process."""
    return _cached(str(root) if root else str(default_root()))


__all__ = ["Lexicons", "LexiconError", "Rule", "Sector", "get_lexicons", "load_lexicons"]
