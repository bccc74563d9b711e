"""Comparing variants: ranking per partner, one parse per variant, notes, diff, CSV."""
from __future__ import annotations

import csv
import io

import pytest

from compare_samples import PARTNERS, VARIANTS, inputs, partner_targets

from framing.compare import (ComparisonResult, Target, TargetScore, VariantInput,
                             VariantResult, compare, targets_from)


@pytest.fixture(scope="module")
def result(analyzer):
    return compare(analyzer, inputs(), partner_targets())


def test_partner_led_variant_is_best_for_its_partner(result):
    targets = {t.label: t for t in result.targets}
    assert len(PARTNERS) >= 3
    for name, _, led in PARTNERS.values():
        key = targets[name].key
        assert result.best[key] == led, name
        mine = result.variant(led).per_target[key].score
        assert mine > result.variant("sender").per_target[key].score, name
        assert result.variant(led).per_target[key].leads_with is not None


def test_matrix_is_variants_by_targets(result):
    matrix = result.matrix()
    assert len(matrix) == len(VARIANTS) and all(len(row) == 4 for row in matrix)
    row = [v.label for v in result.variants].index("union")
    assert matrix[row][2] == result.variant("union").per_target["profile:3"].score


def test_each_variant_parsed_exactly_once(analyzer, monkeypatch):
    texts, reports = [], []
    real_pipe, real_report = analyzer.nlp.pipe, analyzer.report

    def pipe(batch, *args, **kwargs):
        batch = list(batch)
        texts.extend(batch)
        return real_pipe(batch, *args, **kwargs)

    def report(doc, *args, **kwargs):
        reports.append(doc)
        return real_report(doc, *args, **kwargs)

    monkeypatch.setattr(analyzer.nlp, "pipe", pipe)
    monkeypatch.setattr(analyzer, "report", report)
    variants, targets = inputs(), partner_targets()
    compare(analyzer, variants, targets)
    assert sorted(texts) == sorted(v.text for v in variants)  # one batch, each text once
    assert len(reports) == len(variants) * len(targets)
    assert len({id(doc) for doc in reports}) == len(variants)  # every target reuses the doc


def test_plain_notes_on_priorities_and_findings(result):
    union = result.variant("union")
    assert any(n.startswith("Reaches ") and n.endswith("for Local 12, which no other variant "
                                                       "does.") for n in union.better)
    assert "Adds 2 stigma findings the others avoid." in result.variant("stigma").worse
    assert any(n.startswith("Fits Local 12 least") for n in result.variant("sender").worse)


def test_two_variants_name_the_other(analyzer):
    pair = compare(analyzer, inputs("schools", "sender"), partner_targets()[:1])
    assert any("which the other variant reaches" in n for n in pair.variant("sender").worse)
    assert pair.variant("schools").worse == []


def test_variant_figures(result):
    schools = result.variant("schools")
    from framing.message import WORD  # the engine's word count: "20-minute" is two words
    assert schools.words == len(WORD.findall(VARIANTS["schools"])) == 44
    assert schools.sentences == 3
    assert {"flesch_kincaid_grade", "smog_index"} <= set(schools.readability)
    assert set(schools.findings_by_severity) == {"error", "warning", "suggestion"}
    assert sum(schools.findings_by_severity.values()) == len(schools.findings)
    assert result.variant("stigma").findings_by_category["stigma"] == 2


def test_no_targets_relies_on_findings_and_readability(analyzer):
    plain = compare(analyzer, inputs("schools", "stigma"), [])
    assert plain.targets == [] and plain.best == {} and plain.matrix() == [[], []]
    assert all(v.per_target == {} for v in plain.variants)
    assert "Adds 2 stigma findings the others avoid." in plain.variant("stigma").worse


def test_best_breaks_ties_on_errors_then_findings():
    def variant(label, errors, findings):
        return VariantResult(label, "", 0, 0, {}, {}, {}, {"k": TargetScore(50, [], None,
                                                                             findings, errors)})
    target = Target("k", "K", None)
    tie = ComparisonResult([variant("a", 1, 1), variant("b", 0, 3), variant("c", 0, 2)], [target])
    assert tie.best == {"k": "c"}
    same = ComparisonResult([variant("a", 0, 2), variant("b", 0, 2)], [target])
    assert same.best == {"k": "a"}


def test_word_diff_between_any_two_variants(result):
    ops = result.diff("schools", "union")
    assert "".join(o["before"] for o in ops) == VARIANTS["schools"]
    assert "".join(o["after"] for o in ops) == VARIANTS["union"]
    assert {"equal", "replace"} <= {o["op"] for o in ops}
    with pytest.raises(KeyError):
        result.diff("schools", "nobody")


def test_csv_is_rfc4180_and_formula_safe(analyzer):
    variants = [VariantInput("=HYPERLINK(\"x\")", VARIANTS["schools"]),
                VariantInput("@plain, \"quoted\"", VARIANTS["sender"] + "\nSecond line.")]
    data = compare(analyzer, variants, partner_targets()[:1]).to_csv()
    assert data.endswith("\r\n") and "\r\n" in data.split("\r\n", 1)[0] + "\r\n"
    rows = list(csv.reader(io.StringIO(data, newline="")))
    assert rows[0][:4] == ["variant", "source", "words", "sentences"]
    assert "score: Lincoln USD (profile:1)" in rows[0]
    assert rows[1][0] == "'=HYPERLINK(\"x\")" and rows[2][0] == "'@plain, \"quoted\""
    assert rows[2][-1].endswith("\nSecond line.")
    best_for = rows[0].index("best for")
    assert rows[1][best_for] == "Lincoln USD"


def test_to_dict_is_json_ready(result):
    import json
    data = json.loads(json.dumps(result.to_dict()))
    assert data["best"] == result.best and data["matrix"] == result.matrix()
    assert data["targets"][0] == {"key": "profile:1", "label": "Lincoln USD",
                                  "sector": "education"}
    assert data["variants"][0]["per_target"]["profile:1"]["score"] == result.matrix()[0][0]


def test_bad_inputs(analyzer):
    with pytest.raises(ValueError, match="variants: labels must differ"):
        compare(analyzer, [VariantInput("a", "One."), VariantInput("a", "Two.")], [])
    with pytest.raises(ValueError, match="variants: nothing"):
        compare(analyzer, [], [])
    with pytest.raises(ValueError, match="sectors: unknown sector"):
        targets_from(None, [], ["nope"], analyzer.lexicons)
    with pytest.raises(ValueError, match="profile_ids"):
        targets_from(None, [1], [], analyzer.lexicons)


def test_targets_from_sectors_and_store(analyzer, tmp_path):
    from framing.store import connect, migrate
    from webapp import MIGRATIONS
    from framing.store.profiles import ProfileNotFound, ProfileStore, defaults_for_sector
    db = connect(tmp_path / "t.sqlite")
    migrate(db, MIGRATIONS)
    store = ProfileStore(db, set(analyzer.lexicons.sectors))
    doc = defaults_for_sector(analyzer.lexicons.sectors["education"])
    saved = store.create({**doc, "name": "Lincoln USD"}, "maria")
    targets = targets_from(store, [saved.id, saved.id], ["labor", "labor"], analyzer.lexicons)
    assert [t.key for t in targets] == [f"profile:{saved.id}", "sector:labor"]
    assert targets[0].label == "Lincoln USD" and targets[0].profile.name == "Lincoln USD"
    assert targets[1].profile is None and targets[1].sector == "labor"
    with pytest.raises(ProfileNotFound):
        targets_from(store, [999], [], analyzer.lexicons)
    db.conn.close()
