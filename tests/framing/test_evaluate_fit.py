"""``python -m framing.evaluate_fit``: the letters and pairs sets load, and the figures
come out of a small set whose answers are known."""
from __future__ import annotations

import json

import pytest
import yaml

from framing import evaluate_fit
from framing.corpus import CorpusError, split_of
from framing.fit_corpus import load_letter, load_letters, load_pairs

import repo_paths

LETTER = """Dear Principal Ortiz,

Students whose housing is unstable miss more school than their classmates. All teachers will be required to complete our six-hour training. Could we have 20 minutes with your counselors at the March 12 staff meeting?

Sincerely,
Dana Reyes"""


def write_set(tmp_path, letter_id: str):
    letters, pairs = tmp_path / "letters" / "texts", tmp_path / "pairs" / "texts"
    letters.mkdir(parents=True)
    pairs.mkdir(parents=True)
    (letters / f"{letter_id}.yaml").write_text(yaml.safe_dump({
        "id": letter_id, "url": "https://example.org/letter", "recipient_sector": "education",
        "text": LETTER, "has_specific_ask": True, "leads_with_partner": True,
        "requests": [
            {"quote": "All teachers will be required to complete our six-hour training.",
             "who": "teachers", "action": "complete training", "amount": "all, six hours",
             "burden": "high", "specific": True},
            {"quote": "Could we have 20 minutes with your counselors at the March 12 staff meeting?",
             "who": "counselors", "action": "meet", "amount": "20 minutes",
             "burden": "none", "specific": True}]}), encoding="utf-8")
    (pairs / "pair-x-001.yaml").write_text(yaml.safe_dump({
        "id": "pair-x-001", "base": letter_id, "recipient_sector": "education",
        "sender_centred": {"source": "rewritten", "text": (
            "Dear Principal Ortiz,\n\nOur coalition celebrates its 20th anniversary this year, "
            "and we received a grant to expand our program. All teachers will be required to "
            "complete our six-hour training.\n\nSincerely,\nDana Reyes")},
        "partner_led": {"source": "real", "text": LETTER}}), encoding="utf-8")
    return tmp_path


def test_the_figures_of_a_known_set(tmp_path, capsys, analyzer):
    letter_id = "let-x-001"
    root = write_set(tmp_path, letter_id)
    code = evaluate_fit.main(["--letters", str(root / "letters"), "--pairs", str(root / "pairs"),
                              "--json"])
    assert code == 0
    figures = json.loads(capsys.readouterr().out)[split_of(letter_id)]
    assert figures["burden"] == {"precision": 1.0, "recall": 1.0, "annotated": 1, "predicted": 1}
    assert figures["requests"]["recall"] == 1.0
    assert figures["pairs"]["count"] == 1 and figures["pairs"]["ordered"] == 1.0
    assert set(figures["gaming"]) == {"repeat", "stuff", "above", "blanks"}


def test_a_quote_missing_from_its_letter_is_refused(tmp_path):
    root = write_set(tmp_path, "let-x-002")
    path = root / "letters" / "texts" / "let-x-002.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["requests"][0]["quote"] = "A sentence the letter never says."
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(CorpusError, match="requests\\[0\\].quote"):
        load_letter(path)


def test_the_real_sets_load_and_pairs_follow_their_letters():
    letters = load_letters(repo_paths.CORPUS / "letters")
    pairs = load_pairs(repo_paths.CORPUS / "pairs")
    assert len(letters) >= 80 and len(pairs) >= 60
    ids = {letter.id for letter in letters}
    assert all(pair.base in ids for pair in pairs)
    assert all(pair.split == split_of(pair.base) for pair in pairs)
    assert len({letter.sector for letter in letters} - {"other"}) >= 10
