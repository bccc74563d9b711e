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


def corpus_texts() -> list[str]:
    """Every text of every development corpus (a pair file holds two: both versions)."""
    import yaml

    out = []
    for path in sorted(CORPUS.glob("*/texts/*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if "text" in data:
            out.append(data["text"])
        else:
            out += [data[side]["text"] for side in ("sender_centred", "partner_led")]
    return out
