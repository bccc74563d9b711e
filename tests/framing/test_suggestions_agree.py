"""Suggestions agree with each other: accepting one never produces a new finding.

For every rule that offers a replacement (guideline packs, and the sector packs'
swaps and out-of-scope words), each of its examples is analysed, each rewrite
the engine offers for the rule's finding is applied exactly as the reframer
applies it, and the result is analysed again, as a campaign and as a pitch,
without a sector and with each sector pack. No finding may then sit on the
replacement: not the rule's own (it must be gone) and none another rule did
not already have at the replaced words.
"""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from framing.lexicon import get_lexicons
from framing.rewrite.suggest import rewrites_for
from framing.rewrite.variant import apply_rewrites

LEXICONS = get_lexicons()
SECTORS = sorted(LEXICONS.sectors)
KINDS = ("campaign", "pitch")
# Document-level or sentence-level measures (length, grade, passive voice...)
# do not judge the words of a replacement.
WORD_KINDS = {"term", "sector_swap", "sector_scope", "profile_avoid"}


@dataclass(frozen=True)
class Case:
    rule: str
    text: str
    sector: str | None
    kind: str
    profile: dict | None = None


def _cases() -> list[Case]:
    cases = []
    for rule in LEXICONS.rules:
        for example in rule.fail_examples:
            cases.append(Case(rule.id, example.text, example.sector, example.kind, example.profile))
        if rule.kind == "sector_swap":
            cases += [Case(rule.id, swap.example, sector.id, "pitch")
                      for sector in LEXICONS.sectors.values() for swap in sector.swaps]
        if rule.kind == "sector_scope":
            cases += [Case(rule.id, entry.example, sector.id, "pitch")
                      for sector in LEXICONS.sectors.values() for entry in sector.out_of_scope]
    return cases


def _word_rule(rule_id: str) -> bool:
    return LEXICONS.rule(rule_id).kind in WORD_KINDS


def _at(findings, start: int, end: int) -> set[str]:
    """Rules with a word-level finding overlapping ``start:end``."""
    return {f.rule for f in findings if f.scope == "sentence" and _word_rule(f.rule)
            and f.start < end and start < f.end}


def _contexts(case: Case):
    sectors = [case.sector] if case.sector or case.profile else [None, *SECTORS]
    for kind in KINDS:
        for sector in sectors:
            yield kind, sector


@pytest.fixture(scope="module")
def disagreements(analyzer) -> dict[str, list[str]]:
    """Per rule id: each disagreement found, as a readable line."""
    cases = _cases()
    # Each example once as it is written, to find the rewrites the engine offers.
    reports = [analyzer.analyze(c.text, sector=c.sector, kind=c.kind, profile=c.profile)
               for c in cases]
    trials = []  # (case, rewrite, new text)
    for case, report in zip(cases, reports):
        for rewrite in rewrites_for(report):
            if rewrite.rule == case.rule and rewrite.kind in ("guideline", "swap", "avoid"):
                trials.append((case, rewrite, apply_rewrites(case.text, [rewrite])))
    texts = sorted({c.text for c, _, _ in trials} | {t for _, _, t in trials})
    docs = dict(zip(texts, analyzer.parse(texts, batch_size=64)))
    found: dict[str, list[str]] = {}
    for case, rewrite, new_text in trials:
        profile = None
        if case.profile is not None:
            profile = analyzer.resolve(case.sector, case.profile, case.kind)[1]
        for kind, sector in _contexts(case):
            pack = LEXICONS.sectors[sector] if sector else None
            if profile is not None and pack is None:
                pack = LEXICONS.sectors.get(profile.sector)
            before = analyzer.report(docs[case.text], pack, profile, kind)
            after = analyzer.report(docs[new_text], pack, profile, kind)
            end = rewrite.start + len(rewrite.replacement)
            had = _at(before.findings, rewrite.start, rewrite.end) - {case.rule}
            new = _at(after.findings, rewrite.start, end) - had
            if new:
                hits = [f"{f.rule} on {f.text!r}" for f in after.findings if f.rule in new
                        and f.start < end and rewrite.start < f.end]
                found.setdefault(case.rule, []).append(
                    f"{rewrite.original!r} -> {rewrite.replacement!r} ({kind}, "
                    f"{sector or 'no sector'}): {', '.join(hits)} in {new_text!r}")
    return found


def _offering_rules() -> list[str]:
    ids = []
    for rule in LEXICONS.rules:
        if rule.suggestions or rule.kind in ("sector_swap", "sector_scope", "profile_avoid"):
            ids.append(rule.id)
    return ids


# Disagreements this test found and that are not fixed yet, by the rule whose
# suggestion is accepted. Strict: a fixed rule fails here until it is removed.
KNOWN: dict[str, str] = {}


def _marked(rule_id: str):
    if rule_id in KNOWN:
        return pytest.param(rule_id, marks=pytest.mark.xfail(reason=KNOWN[rule_id], strict=True))
    return rule_id


@pytest.mark.parametrize("rule_id", [_marked(r) for r in _offering_rules()])
def test_accepting_a_suggestion_brings_no_new_finding(disagreements, rule_id):
    problems = disagreements.get(rule_id, [])
    assert not problems, "\n".join(problems[:10])
