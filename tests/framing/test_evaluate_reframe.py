"""The reframe evaluation set is well formed, and the evaluation audits edits on its own."""
from __future__ import annotations

import repo_paths
import yaml

import pytest

from framing.evaluate_reframe import audit_edit, evaluate, format_summary, frame_kept, names
from framing.rewrite.model import Rewrite

SET = repo_paths.CORPUS / "reframe"
LETTERS = sorted((SET / "texts").glob("*.yaml"))
SECTORS = {"education", "labor", "business", "media", "faith", "healthcare", "housing",
           "tenants", "government", "public-health", "law-enforcement", "library",
           "youth-sports", "youth-serving", "social-services", "other"}


@pytest.mark.parametrize("path", LETTERS, ids=lambda p: p.stem)
def test_every_letter_quotes_its_text(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["id"] == path.stem and data["url"].startswith(("http://", "https://"))
    assert data["recipient_sector"] in SECTORS
    text = data["text"]
    quotes = [data.get("ask"), data.get("partner_priority"), *data.get("must_keep", []),
              *(v for v in data["structure"].values() if v)]
    assert [q for q in quotes if q and q not in text] == []


def test_the_set_is_big_and_varied_enough():
    letters = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in LETTERS]
    assert len(letters) >= 30
    assert len({d["recipient_sector"] for d in letters}) >= 10
    ids = {d["id"] for d in letters}
    rewrites = [yaml.safe_load(p.read_text(encoding="utf-8"))
                for p in sorted((SET / "rewrites").glob("*.yaml"))]
    assert len(rewrites) >= 8 and all(r["base"] in ids for r in rewrites)


def test_names_skip_sentence_and_line_starts():
    assert names("Approximately 12 staff met Ms. Ortiz.\nAdditionally, Lincoln High") == \
        ["Ms", "Lincoln", "High"]  # "Ortiz" after "Ms." reads as a sentence start


def test_an_edit_that_drops_a_number_or_a_negation_is_caught():
    text = "We trained 300 teachers. Staff do not need to prepare."
    number = Rewrite(id="a", rule="r", kind="guideline", start=11, end=14, original="300",
                     replacement="many", why="")
    negation = Rewrite(id="b", rule="r", kind="guideline", start=35, end=41, original="do not",
                       replacement="do", why="")
    plain = Rewrite(id="c", rule="r", kind="guideline", start=45, end=52, original="prepare",
                    replacement="get ready", why="")
    assert audit_edit(text, number) == ["numbers"]
    assert audit_edit(text, negation) == ["negations"]
    assert audit_edit(text, plain) == []


def test_the_frame_must_stay_in_order():
    letter = {"text": "Dear Jo,\n\nHello.\n\nBest,\nAna", "structure": {
        "subject": None, "greeting": "Dear Jo,", "closing": "Best,", "signature": "Ana"}}
    assert frame_kept(letter, "Dear Jo,\n\nHi there.\n\nBest,\nAna")
    assert not frame_kept(letter, "Hello. Dear Jo,\n\nBest,\nAna")
    assert not frame_kept(letter, "Dear Jo,\n\nHello.\n\nAna")


def test_evaluate_runs_on_a_small_set(analyzer, tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "rewrites").mkdir()
    letter = {"id": "rf-t-001", "url": "https://example.org", "recipient_sector": "education",
              "text": ("Dear Principal Lee,\n\nOur youth homelessness prevention program has run "
                       "in 3 schools since 2019. Could we meet with your counselors for 20 "
                       "minutes in March?\n\nSincerely,\nAna"),
              "structure": {"subject": None, "greeting": "Dear Principal Lee,",
                            "closing": "Sincerely,", "signature": "Ana"},
              "must_keep": ["3 schools since 2019"]}
    (tmp_path / "texts" / "rf-t-001.yaml").write_text(yaml.safe_dump(letter), encoding="utf-8")
    rewrite = {"id": "rw-t-001", "base": "rf-t-001", "text": letter["text"]}
    (tmp_path / "rewrites" / "rw-t-001.yaml").write_text(yaml.safe_dump(rewrite), encoding="utf-8")
    result = evaluate(analyzer, tmp_path)
    half = next(c for c in result["halves"].values() if c.get("letters"))
    assert half["letters"] == 1 and half["frame_kept"] == 1 and half["applied"] >= 1
    assert half.get("must_keep_lost", 0) == 0 and half["human_pairs"] == 1
    assert "Reframing" in format_summary(result)
