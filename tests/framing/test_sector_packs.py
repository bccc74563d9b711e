"""Sector packs: required ids, and each pack's own examples run through the engine."""
from __future__ import annotations

import pytest

from framing.lexicon import get_lexicons

LEXICONS = get_lexicons()
REQUIRED = {"education", "labor", "business", "media", "faith", "healthcare", "housing",
            "tenants", "government", "public-health", "law-enforcement", "social-services",
            "youth-serving", "prevention", "public-resources", "parents", "youth", "civic"}


def test_required_sectors_present():
    assert REQUIRED <= set(LEXICONS.sectors)


def test_every_sector_has_ranked_priorities_and_sources():
    for sector in LEXICONS.sectors.values():
        ranks = [p.rank for p in sector.priorities]
        assert ranks == sorted(ranks) and len(set(ranks)) == len(ranks), sector.id
        assert sector.sources and sector.swaps and sector.people, sector.id


def test_every_priority_cites_the_partner_documents_it_comes_from():
    # A priority's words must be traceable to real partner documents, each one
    # listed among the pack's sources.
    for sector in LEXICONS.sectors.values():
        urls = {source.url for source in sector.sources}
        for priority in sector.priorities:
            assert priority.sources, f"{sector.id}: priority {priority.id!r} cites no source"
            assert set(priority.sources) <= urls, (sector.id, priority.id)


def _params(attr):
    for sector in LEXICONS.sectors.values():
        for index, item in enumerate(getattr(sector, attr)):
            yield pytest.param(sector, item, id=f"{sector.id}-{attr}{index}")


@pytest.mark.parametrize("sector, text", list(_params("lead_examples")))
def test_lead_example_leads_with_a_priority(analyzer, sector, text):
    report = analyzer.analyze(text, sector=sector.id)
    assert not [f for f in report.findings if f.rule == "pitch.no-partner-priority"]
    assert report.scores["alignment"]["leads_with"] is not None


@pytest.mark.parametrize("sector, text", list(_params("no_lead_examples")))
def test_no_lead_example_is_flagged(analyzer, sector, text):
    report = analyzer.analyze(text, sector=sector.id)
    assert [f for f in report.findings if f.rule == "pitch.no-partner-priority"]


@pytest.mark.parametrize("sector, swap", list(_params("swaps")))
def test_swap_example_triggers_swap(analyzer, sector, swap):
    report = analyzer.analyze(swap.example, sector=sector.id)
    hits = [f for f in report.findings if f.rule == "pitch.sector-swap"]
    assert hits, f"no swap suggested in {swap.example!r}"
    assert any(set(swap.partner) <= set(f.suggestions) for f in hits)


@pytest.mark.parametrize("sector, entry", list(_params("out_of_scope")))
def test_out_of_scope_example_is_flagged(analyzer, sector, entry):
    report = analyzer.analyze(entry.example, sector=sector.id)
    assert [f for f in report.findings if f.rule == "pitch.out-of-scope"]
