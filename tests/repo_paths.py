"""Where the repository's files are, for a test in any folder of tests/.

Tests import these instead of counting ``Path(__file__).parents[N]``, which
breaks whenever a test moves to another folder.
"""
from __future__ import annotations

from framing.settings import PROJECT_ROOT, data_root

ROOT = PROJECT_ROOT
LEXICONS = data_root("lexicons")
ENGINE = ROOT / "framing"
CORPUS = ROOT / "tests" / "corpus"
