"""Profile-aware checks: the partner's words, dates, readiness and capacity."""
from __future__ import annotations

from datetime import date

import pytest

from framing import PartnerProfile, ProfileError

SCHOOL = {
    "name": "Lincoln Unified School District",
    "sector": "education",
    "priorities": [{"id": "attendance", "terms": ["seat time"]},
                   {"label": "Whole child", "terms": ["whole child"]}],
    "vocabulary": ["Lincoln Lions"],
    "avoid": [{"term": "mandatory", "instead": ["optional"], "why": "Board pushback."}],
    "politics": {"key_dates": [
        {"label": "School board election", "kind": "election", "date": "2026-11-03"},
        {"label": "Budget adoption", "kind": "budget", "date": "2027-06-15"}]},
    "readiness": {"stage": 3},
    "capacity": "stretched",
}


def rules(report):
    return {f.rule for f in report.findings}


def test_partner_words_drive_alignment(analyzer):
    own_words = analyzer.analyze("Seat time matters for the whole child. The Lincoln Lions agree.",
                                 profile=SCHOOL)
    alignment = own_words.scores["alignment"]
    assert alignment["leads_with"] == "attendance"
    school_attendance = next(p.label for p in analyzer.lexicons.sectors["education"].priorities
                             if p.id == "attendance")
    labels = [p["label"] for p in alignment["priorities"]]
    assert labels == [school_attendance, "Whole child"]  # the profile's ranking replaces the pack's
    assert all(p["addressed"] for p in alignment["priorities"][:2])


def test_a_profile_priority_keeps_the_pack_paraphrases_it_extends(analyzer):
    # The profile extends the pack's attendance priority by id: the pack's
    # everyday phrasings of it still count, next to the profile's own words.
    report = analyzer.analyze("Too many kids are missing school this year. We can help.",
                              profile=SCHOOL)
    assert report.scores["alignment"]["leads_with"] == "attendance"


def test_words_to_avoid_are_flagged(analyzer):
    report = analyzer.analyze("This mandatory lesson fits advisory.", profile=SCHOOL)
    finding = next(f for f in report.findings if f.rule == "profile.avoid-word")
    assert finding.text == "mandatory" and finding.suggestions == ["optional"]
    assert "Board pushback" in finding.message


def test_timing_depends_on_the_day(analyzer):
    text = "We ask the board to adopt a new policy before the vote."
    near = analyzer.analyze(text, profile=SCHOOL, today=date(2026, 10, 10))
    far = analyzer.analyze(text, profile=SCHOOL, today=date(2026, 4, 10))
    assert "timing.election-final-weeks" in rules(near)
    assert "timing.election-final-weeks" not in rules(far)
    message = next(f.message for f in near.findings if f.rule == "timing.election-final-weeks")
    assert "2026-11-03" in message and "in 24 days" in message


def test_readiness_mismatch_for_policy_ask_at_awareness_stage(analyzer):
    text = "We ask the district to adopt a policy on healthy relationships this year."
    early = analyzer.analyze(text, profile=SCHOOL)
    ready = analyzer.analyze(text, profile={**SCHOOL, "readiness": {"stage": 8}})
    finding = next(f for f in early.findings if f.rule == "readiness.ask-mismatch")
    assert finding.category == "readiness" and "stage 3" in finding.message
    assert "readiness.ask-mismatch" not in rules(ready)


def test_capacity_raises_burden_severity(analyzer):
    text = "All teachers will be required to complete 6 hours of training."
    normal = analyzer.analyze(text, profile={**SCHOOL, "capacity": "normal"})
    stretched = analyzer.analyze(text, profile=SCHOOL)
    sev = lambda r: next(f.severity for f in r.findings if f.rule == "pitch.extra-work")
    assert sev(normal) == "warning" and sev(stretched) == "error"


@pytest.mark.parametrize("bad, key", [
    ({"name": ""}, "profile.name"),
    ({"name": "X", "capacity": "busy"}, "profile.capacity"),
    ({"name": "X", "readiness": {"stage": 12}}, "profile.readiness.stage"),
    ({"name": "X", "politics": {"key_dates": [{"date": "next week"}]}}, "key_dates[0].date"),
    ({"name": "X", "colour": "red"}, "unknown key 'colour'"),
])
def test_bad_profiles_name_the_key(bad, key):
    with pytest.raises(ProfileError, match=key.replace("[", r"\[").replace("]", r"\]")):
        PartnerProfile.from_dict(bad)
