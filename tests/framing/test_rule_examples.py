"""Every rule's own examples: each `fail` example triggers it, no `pass` example does."""
from __future__ import annotations

import pytest

from framing.lexicon import get_lexicons

LEXICONS = get_lexicons()


def _cases(which: str):
    for rule in LEXICONS.rules:
        examples = rule.fail_examples if which == "fail" else rule.pass_examples
        for index, example in enumerate(examples):
            yield pytest.param(rule, example, id=f"{rule.id}-{which}{index}")


def _rule_hits(analyzer, rule, example):
    report = analyzer.analyze(example.text, sector=example.sector, kind=example.kind,
                              profile=example.profile, today=example.today)
    return [f for f in report.findings if f.rule == rule.id]


@pytest.mark.parametrize("rule, example", list(_cases("fail")))
def test_fail_example_triggers_rule(analyzer, rule, example):
    hits = _rule_hits(analyzer, rule, example)
    assert hits, f"{rule.id} did not fire on: {example.text!r}"
    for finding in hits:
        assert example.text[finding.start:finding.end] == finding.text


@pytest.mark.parametrize("rule, example", list(_cases("pass")))
def test_pass_example_does_not_trigger_rule(analyzer, rule, example):
    hits = _rule_hits(analyzer, rule, example)
    assert not hits, f"{rule.id} fired on {hits[0].text!r} in: {example.text!r}"


def test_every_rule_cites_one_link():
    import re
    for rule in LEXICONS.rules:
        assert re.fullmatch(r"https?://\S+", rule.source.url), (rule.id, rule.source.url)
        assert rule.source.publisher.strip(), rule.id


def test_every_category_and_severity_is_used_sensibly():
    from framing import CATEGORIES
    used = {rule.category for rule in LEXICONS.rules}
    assert used <= set(CATEGORIES)
    assert {"safe-messaging", "violence-reporting", "stigma", "plain-language", "framing",
            "norms", "inclusive", "alignment", "burden", "ask", "orientation"} <= used
