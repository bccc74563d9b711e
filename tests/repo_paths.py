"""Where the repository's files are, for a test in any folder of tests/.

Tests import these instead of counting ``Path(__file__).parents[N]``, which
breaks whenever a test moves to another folder.
"""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEXICONS = ROOT / "lexicons"
ENGINE = ROOT / "framing"
CORPUS = ROOT / "tests" / "corpus"
