"""The evaluation corpus loads strictly, and the evaluation judges findings as documented."""
from __future__ import annotations

from pathlib import Path

import pytest
import repo_paths
import yaml

from framing.corpus import (SPLITS, CorpusError, count_words, load_corpus, load_text,
                            split_of)
from framing.evaluate import judge, summarize
from framing.findings import Finding
from framing.lexicon import get_lexicons

CORPUS = repo_paths.CORPUS / "guidelines"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(CORPUS)


def test_every_text_loads_with_its_source_and_exact_quotes(corpus):
    texts, _ = corpus
    for item in texts:
        assert item.url.startswith(("http://", "https://")), item.id
        for problem in item.problems:
            if problem.scope == "span":
                assert item.text[problem.start:problem.end] == problem.quote


def test_excerpts_are_40_to_400_words(corpus):
    texts, _ = corpus
    for item in texts:
        assert 40 <= item.words <= 400, (item.id, item.words)


def test_rule_map_names_only_engine_rules(corpus):
    _, rule_map = corpus
    engine = {rule.id for rule in get_lexicons().rules}
    for annotation, engine_rules in rule_map.items():
        for rule in engine_rules:
            assert rule in engine, f"rules.yaml: {annotation} names unknown rule {rule}"


def test_halves_are_fixed_by_id_and_both_used(corpus):
    texts, _ = corpus
    assert split_of("news-sui-001") == split_of("news-sui-001")
    assert {split_of(f"t-{i}") for i in range(20)} == set(SPLITS)
    if len(texts) >= 20:
        assert {t.split for t in texts} == set(SPLITS)


def write(tmp_path: Path, **changes) -> Path:
    data = {"id": "t-001", "url": "https://example.org/a", "title": "A", "publisher": "P",
            "published": "2020-01-02", "retrieved": "2026-12-04", "genre": "news",
            "topics": ["suicide"], "public": True,
            "text": "He committed suicide last week. Call 988 for help any time.",
            "problems": [{"quote": "committed suicide", "rule": "suicide.committed",
                          "clause": "S1"}]}
    data.update(changes)
    path = tmp_path / f"{data['id']}.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


RULES = {"suicide.committed", "suicide.resource-missing", "suicide.method-detail"}


def test_a_quote_missing_from_the_text_names_file_and_key(tmp_path):
    path = write(tmp_path, problems=[{"quote": "took his life", "rule": "suicide.committed"}])
    with pytest.raises(CorpusError, match=r"t-001.yaml: problems\[0\].quote"):
        load_text(path, RULES)


@pytest.mark.parametrize("changes, key", [
    ({"genre": "tweet"}, "genre"),
    ({"topics": ["weather"]}, "topics"),
    ({"public": "yes"}, "public"),
    ({"extra": 1}, "extra"),
    ({"problems": [{"quote": "committed suicide", "rule": "suicide.nope"}]}, r"problems\[0\].rule"),
    ({"problems": [{"scope": "document", "quote": "x", "rule": "suicide.committed"}]},
     r"problems\[0\].quote"),
])
def test_bad_fields_are_refused_by_name(tmp_path, changes, key):
    with pytest.raises(CorpusError, match=key):
        load_text(write(tmp_path, **changes), RULES)


def test_occurrence_picks_the_right_span(tmp_path):
    text = "She died. She died by suicide at home."
    path = write(tmp_path, text=text, problems=[{"quote": "She died", "occurrence": 2,
                                                 "rule": "suicide.method-detail"}])
    problem = load_text(path, RULES).problems[0]
    assert (problem.start, problem.end) == (10, 18)


def finding(rule, start, end, text, severity="error", category="safe-messaging", scope="sentence"):
    return Finding(rule=rule, category=category, severity=severity, message="m",
                   start=start, end=end, text=text[start:end], scope=scope)


def test_judge_counts_right_wrong_found_and_missed(tmp_path):
    item = load_text(write(tmp_path, problems=[
        {"quote": "committed suicide", "rule": "suicide.committed"},
        {"scope": "document", "rule": "suicide.resource-missing"}]), RULES)
    rule_map = {"suicide.committed": ("suicide.committed",),
                "suicide.resource-missing": ("suicide.resource-missing",),
                "suicide.method-detail": ("suicide.method-detail",)}
    text = item.text
    findings = [
        finding("suicide.committed", 3, 20, text),                      # right
        finding("suicide.method-detail", 35, 38, text),                 # wrong place
        finding("plain.word.utilize", 0, 2, text, category="plain-language"),  # set aside
        finding("suicide.committed", 3, 20, text, severity="suggestion"),     # not content
    ]
    outcome = judge(item, findings, rule_map)
    assert [f.rule for f in outcome.right] == ["suicide.committed"]
    assert [f.rule for f in outcome.wrong] == ["suicide.method-detail"]
    assert [p.rule for p in outcome.found] == ["suicide.committed"]
    assert [p.rule for p in outcome.missed] == ["suicide.resource-missing"]
    summary = summarize([outcome], rule_map)
    assert summary["precision"] == 0.5 and summary["recall"] == 0.5
    assert summary["false_per_1000_words"] == pytest.approx(1000 / count_words(text))
    assert summary["by_rule"]["suicide.method-detail"]["precision"] == 0.0


def test_a_document_finding_matches_only_the_same_document_problem(tmp_path):
    item = load_text(write(tmp_path, problems=[
        {"scope": "document", "rule": "suicide.resource-missing"}]), RULES)
    rule_map = {"suicide.resource-missing": ("suicide.resource-missing",),
                "suicide.committed": ("suicide.committed",)}
    found = judge(item, [finding("suicide.resource-missing", 0, 5, item.text, scope="document")],
                  rule_map)
    assert found.right and found.found
    other = judge(item, [finding("suicide.committed", 0, 5, item.text, scope="document")],
                  rule_map)
    assert other.wrong and other.missed


def test_a_quoted_problem_is_found_by_a_softened_finding(tmp_path):
    item = load_text(write(tmp_path, problems=[
        {"quote": "committed suicide", "rule": "suicide.committed", "in_quote": True}]), RULES)
    rule_map = {"suicide.committed": ("suicide.committed",)}
    outcome = judge(item, [finding("suicide.committed", 3, 20, item.text, severity="suggestion")],
                    rule_map)
    assert outcome.found and not outcome.wrong and not outcome.right


def test_a_clean_text_passes_only_without_content_findings(tmp_path):
    item = load_text(write(tmp_path, problems=[]), RULES)
    rule_map = {"suicide.committed": ("suicide.committed",)}
    passing = summarize([judge(item, [], rule_map)], rule_map)
    failing = summarize([judge(item, [finding("suicide.committed", 3, 20, item.text)], rule_map)],
                        rule_map)
    assert passing["clean_pass_rate"] == 1.0 and failing["clean_pass_rate"] == 0.0


LETTERS = repo_paths.CORPUS / "letters" / "texts"
LETTER_SECTORS = {"education", "labor", "business", "media", "faith", "healthcare", "housing",
                  "tenants", "government", "public-health", "law-enforcement", "library",
                  "youth-sports", "social-services", "other"}


@pytest.mark.parametrize("path", sorted(LETTERS.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_letter_annotation_quotes_its_text(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["id"] == path.stem
    assert data["url"].startswith(("http://", "https://"))
    assert data["recipient_sector"] in LETTER_SECTORS
    text = data["text"]
    quotes = [r["quote"] for r in data["requests"]] + data["sender_offers"] \
        + data["partner_gains"] + data["sender_centred"] \
        + [v for v in data["structure"].values() if v]
    assert [q for q in quotes if q not in text] == []
    for request in data["requests"]:
        assert request["burden"] in ("none", "low", "high")
        assert isinstance(request["specific"], bool)
    assert isinstance(data["has_specific_ask"], bool)
