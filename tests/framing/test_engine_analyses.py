"""Scores come from analyses of the message, not from which checks ran or in what order."""
from __future__ import annotations

import pytest

from framing import checks

# Issue-language terms the education pack has no swap for, so only the packs'
# ``sender_language`` terms count them: before, they counted for a pitch only.
TEXT = ("Our work follows the social-ecological model across the prevention continuum. "
        "We use evidence-based interventions for intimate partner violence and IPV. "
        "Students do better when classrooms feel safe, and attendance improves. "
        "Could your counselors meet with us for 30 minutes next week? We will bring the materials.")


def alignment(analyzer, kind: str) -> dict:
    return analyzer.analyze(TEXT, sector="education", kind=kind).scores["alignment"]


def test_same_text_and_sector_align_the_same_as_pitch_and_campaign(analyzer):
    pitch, campaign = alignment(analyzer, "pitch"), alignment(analyzer, "campaign")
    assert pitch["score"] == campaign["score"]
    assert pitch["sender_share"] == campaign["sender_share"]
    assert pitch["parts"] == campaign["parts"]


@pytest.mark.parametrize("kind", ["pitch", "campaign"])
def test_scores_do_not_depend_on_which_checks_run(analyzer, monkeypatch, kind):
    before = analyzer.analyze(TEXT, sector="education", kind=kind).scores
    # Turn off the checks that read the ask and alignment analyses.
    for name in ("ask", "sender_language", "sector_lead", "sector_swap", "sector_scope"):
        monkeypatch.setitem(checks.CHECKS, name, lambda rule, msg: [])
    after = analyzer.analyze(TEXT, sector="education", kind=kind).scores
    assert after["alignment"]["score"] == before["alignment"]["score"]
    assert after["alignment"] == before["alignment"]
    assert after.get("ask") == before.get("ask")


def test_pitch_ask_score_is_there_without_the_ask_check(analyzer, monkeypatch):
    monkeypatch.setitem(checks.CHECKS, "ask", lambda rule, msg: [])
    ask = analyzer.analyze(TEXT, sector="education").scores["ask"]
    assert ask["present"] and "when" in ask["bounds"]
