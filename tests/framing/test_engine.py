"""Engine behaviour that needs the parse: context, gating, scores, batches."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from framing import CATEGORIES, SEVERITIES, InputError

import pytest


def rules_hit(report):
    return {f.rule for f in report.findings}


def test_finding_record_shape(analyzer):
    report = analyzer.analyze("He committed suicide in 2019.")
    finding = next(f for f in report.findings if f.rule == "suicide.committed")
    assert finding.category in CATEGORIES and finding.severity in SEVERITIES
    assert finding.text == "committed suicide" and report.text[finding.start:finding.end] == finding.text
    assert finding.suggestions and finding.source.url.startswith("http")


def test_figurative_use_is_not_gated_in(analyzer):
    report = analyzer.analyze("Cutting the library budget would be political suicide for the council.")
    assert not any(r.startswith("suicide.") for r in rules_hit(report))


def test_mention_is_not_a_violation(analyzer):
    report = analyzer.analyze('Avoid terms such as "committed suicide" and "addict" in your stories.')
    assert "suicide.committed" not in rules_hit(report)
    assert "sud.person-label" not in rules_hit(report)


def test_questions_given_as_examples_are_mentions(analyzer):
    text = ("Sexual assault survivors need their community to hear them. Asking questions like "
            "what they were wearing or how much they had to drink isn't helping anyone.")
    assert "dv.victim-blame" not in rules_hit(analyzer.analyze(text, kind="campaign"))
    # the writer's own question is used, not mentioned
    asked = "We have to ask what she was wearing before the sexual assault."
    assert "dv.victim-blame" in rules_hit(analyzer.analyze(asked, kind="campaign"))
    # a third party's question, reported as theirs, is not the writer's
    reported = "Defence lawyers asked what she was wearing before the sexual assault."
    assert "dv.victim-blame" not in rules_hit(analyzer.analyze(reported, kind="campaign"))


def test_direct_quote_is_downgraded(analyzer):
    own = analyzer.analyze("The student committed suicide last spring.")
    quoted = analyzer.analyze('"He committed suicide last spring," the principal said.')
    sev = lambda r: next(f.severity for f in r.findings if f.rule == "suicide.committed")
    assert sev(own) == "error" and sev(quoted) == "warning"


def test_agency_names_are_never_flagged(analyzer):
    report = analyzer.analyze("The National Institute on Drug Abuse and SAMHSA fund this work "
                              "on drug use among teens.")
    assert "sud.abuse" not in rules_hit(report)


def test_topic_gate_for_clean(analyzer):
    assert "sud.clean-dirty" not in rules_hit(analyzer.analyze("Volunteers keep the park clean."))
    assert "sud.clean-dirty" in rules_hit(analyzer.analyze("She has been clean for two years after opioid treatment."))


def test_violence_passive_hides_the_abuser(analyzer):
    report = analyzer.analyze("The woman was strangled in her home; police called it domestic violence.")
    assert "dv.passive-victim" in rules_hit(report)


def test_burden_needs_the_partner_as_subject(analyzer):
    burden = analyzer.analyze("All teachers will be required to complete 6 hours of training.",
                              sector="education")
    ours = analyzer.analyze("Our volunteers will complete the training and run every session.",
                            sector="education")
    assert "pitch.extra-work" in rules_hit(burden)
    assert "pitch.extra-work" not in rules_hit(ours)


def test_partner_led_pitch_scores_higher(analyzer):
    sender = ("Our coalition works on primary prevention of youth homelessness and intimate partner "
              "violence. We need teachers to deliver our curriculum. Our mission is to end it.")
    partner = ("Students in unstable housing miss more school and fall behind on grades. Would your "
               "counselors meet with us for 20 minutes next week? We will bring a referral list "
               "so teachers have no new work.")
    low = analyzer.analyze(sender, sector="education").scores["alignment"]
    high = analyzer.analyze(partner, sector="education").scores["alignment"]
    assert high["score"] > low["score"] + 20
    assert high["leads_with"] is not None and low["leads_with"] is None
    addressed = [p for p in high["priorities"] if p["addressed"]]
    assert addressed and all(p["where"] for p in addressed)


def test_no_alignment_without_sector(analyzer):
    assert analyzer.analyze("Hello there, partners.").scores["alignment"] is None


def test_batch_matches_single(analyzer):
    texts = ["He committed suicide in 2019.", "Most students want to help a friend."]
    batch = analyzer.analyze_many(texts, sector="youth")
    single = [analyzer.analyze(t, sector="youth") for t in texts]
    assert [r.to_dict() for r in batch] == [r.to_dict() for r in single]


@pytest.mark.parametrize("bad", ["", "   ", "x" * 200_001, "nul\x00byte", None])
def test_bad_text_is_refused(analyzer, bad):
    with pytest.raises(InputError):
        analyzer.analyze(bad)


def test_unknown_sector_and_kind(analyzer):
    with pytest.raises(InputError, match="unknown sector"):
        analyzer.analyze("text", sector="astrology")
    with pytest.raises(InputError, match="unknown message kind"):
        analyzer.analyze("text", kind="tweet")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=400).filter(lambda s: s.strip() and "\x00" not in s))
def test_spans_always_match_the_text(analyzer, text):
    report = analyzer.analyze(text, sector="education")
    for finding in report.findings:
        assert 0 <= finding.start <= finding.end <= len(text)
        assert text[finding.start:finding.end] == finding.text
