"""Norms checks beyond each rule's examples: a rate of harm suffered is advice, a
behaviour counted is the warning; a period inside "U.S." does not end the claim."""
from __future__ import annotations

import pytest


def _severities(analyzer, text, rule="norms.negative-descriptive"):
    return [f.severity for f in analyzer.analyze(text, kind="campaign").findings if f.rule == rule]


@pytest.mark.parametrize("text", [
    "One in three teens in the U.S. will experience physical, sexual or emotional abuse "
    "by someone they date.",
    "About 1 in 10 teens who have been on a date have been physically abused by a "
    "boyfriend or girlfriend.",
])
def test_a_rate_of_harm_suffered_is_a_suggestion(analyzer, text):
    assert _severities(analyzer, text) == ["suggestion"]


def test_a_behaviour_counted_is_a_warning(analyzer):
    text = "1 in 4 teens in the U.S. vape every week, and the number keeps climbing."
    assert _severities(analyzer, text) == ["warning"]


def test_a_rate_of_harm_parsed_in_pieces_is_still_a_rate_of_harm(analyzer):
    # the parser makes "one in five women" the object of "show" and "one in 71 men"
    # the subject of "will be raped"
    text = ("Sexual violence harms our community, and statistics show one in five women "
            "and one in 71 men will be raped at some point in their lives.")
    assert _severities(analyzer, text) == ["suggestion"]


@pytest.mark.parametrize("text, asked", [
    # a group defined by what it does is not the audience whose norm is stated
    ("It is a sad fact that most people who financially exploit the elderly get away with "
     "it. Our seminar teaches caregivers five easy steps to stop them.", False),
    # the audience's own behaviour still needs its source
    ("Most students at Central High make healthy choices about alcohol, and our campaign "
     "thanks them this spring.", True),
])
def test_a_norm_claim_about_a_group_defined_by_an_act_needs_no_survey(analyzer, text, asked):
    assert bool(_severities(analyzer, text, "norms.data-source-missing")) == asked
