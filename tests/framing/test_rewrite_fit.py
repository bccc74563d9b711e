"""Replacements fit where they go: the branch's own wording, inflected only when the
parse says so, sentences and advice never dropped into a phrase, and a guideline's
recommended wording never swapped away by a sector pack."""
from __future__ import annotations

import pytest

from framing.rewrite.inflect import fit_replacement, fix_article, verb_form
from framing.rewrite.suggest import rewrites_for


def _offers(analyzer, text: str, rule: str, **kwargs) -> list[tuple[str, str]]:
    report = analyzer.analyze(text, **kwargs)
    return [(r.original, r.replacement) for r in rewrites_for(report) if r.rule == rule]


def _span(analyzer, text: str, words: str):
    doc = analyzer.parse([text])[0]
    start = text.index(words)
    return doc.char_span(start, start + len(words))


@pytest.mark.parametrize("text, words, replacement, expected", [
    # A participle used as an adjective is not a verb form to copy.
    ("Our group welcomes transgendered teens.", "transgendered", "transgender", "transgender"),
    # The verb comes later in the clause: the replacement is not a verb in its place.
    ("Police said a fight turned physical before he left.", "fight turned physical",
     "[abuser] assaulted [partner]", "[abuser] assaulted [partner]"),
    # A clause has no noun head to put in the plural.
    ("Social norms shape how boys talk about girls.", "Social norms", "what most members do",
     "What most members do"),
    # A mass noun has no plural.
    ("The couple had relationship problems for years.", "relationship problems",
     "domestic violence", "domestic violence"),
    # The verb's own form is known from the parse: past, base, third person.
    ("Last spring a student committed suicide.", "committed suicide", "died by suicide",
     "died by suicide"),
    ("Thousands of veterans commit suicide every year.", "commit suicide", "died by suicide",
     "die by suicide"),
    ("She suffers from depression.", "suffers from depression", "have depression",
     "has depression"),
    ("The clerk expedites every permit request.", "expedites", "speed up", "speeds up"),
    # A plural noun head still takes the plural.
    ("Addicts wait weeks for a bed.", "Addicts", "person with a substance use disorder",
     "People with a substance use disorder"),
])
def test_fit_replacement_inflects_only_what_the_parse_supports(analyzer, text, words,
                                                               replacement, expected):
    assert fit_replacement(replacement, _span(analyzer, text, words)) == expected


def test_verb_form_keeps_a_word_ending_in_eed():
    assert verb_form("speed", "VBZ") == "speeds"
    assert verb_form("need", "VBD") == "needed"


def test_article_goes_before_a_mass_noun_or_a_blank():
    text = "Officers were called to a domestic dispute."
    start = text.index("domestic")
    assert fix_article(text, start, "domestic violence") == (start - 2, "domestic violence")
    assert fix_article(text, start, "[abuser] assaulted [partner]")[1].startswith("[")
    assert fix_article(text, start, "incident") == (start - 2, "an incident")


def test_each_branch_offers_its_own_replacement(analyzer):
    offers = _offers(analyzer, "He was charged with possessing child pornography after a sexual "
                     "exploitation investigation.", "sv.exploitation-terms")
    assert offers == [("child pornography", "child sexual abuse material")]
    offers = _offers(analyzer, "Posting revenge porn is a form of sexual abuse.",
                     "sv.exploitation-terms")
    assert offers == [("revenge porn", "non-consensual intimate images")]


def test_a_branch_keeps_the_words_it_names(analyzer):
    text = "Students who abuse prescription drugs miss more school, and opioid abuse is rising."
    offers = dict(_offers(analyzer, text, "sud.abuse"))
    assert offers["abuse prescription drugs"] == "misuse prescription drugs"
    assert offers["opioid abuse"] == "opioid misuse"


def test_a_branch_without_a_replacement_offers_no_rewrite(analyzer):
    text = "Their marriage ended in a jealous rage when he strangled her, a domestic violence case."
    report = analyzer.analyze(text)
    finding = next(f for f in report.findings if f.rule == "dv.romanticize")
    assert finding.suggestions == []
    assert not [r for r in rewrites_for(report) if r.rule == "dv.romanticize"]


def test_a_sentence_suggestion_does_not_replace_a_phrase(analyzer):
    text = "Some neighbors said she provoked him before the domestic violence assault."
    assert _offers(analyzer, text, "dv.victim-blame") == []


def test_advice_suggestions_are_not_rewrites(analyzer):
    text = "Teachers could make home visits to families we are worried about."
    report = analyzer.analyze(text, sector="education")
    finding = next(f for f in report.findings if f.rule == "pitch.out-of-scope")
    assert finding.suggestions  # still shown as advice
    assert not [r for r in rewrites_for(report) if r.rule == "pitch.out-of-scope"]


def _swapped(analyzer, text: str, sector: str) -> list[str]:
    report = analyzer.analyze(text, sector=sector)
    return [f.text for f in report.findings if f.rule == "pitch.sector-swap"]


def test_a_sector_swap_leaves_a_guideline_wording_alone(analyzer):
    # "Trafficking survivor" is what sv.exploitation-terms asks for: not swapped for a union.
    assert _swapped(analyzer, "Advocates helped two trafficking survivors find work.", "labor") == []
    # The sender's own jargon around it still is.
    assert _swapped(analyzer, "Survivors often miss work for court dates.", "labor") == ["Survivors"]


def test_a_sector_does_not_swap_the_names_guidelines_require(analyzer):
    assert _swapped(analyzer, "Domestic violence costs our region millions every year.",
                    "business") == []
    assert _swapped(analyzer, "Intimate partner violence costs our region millions every year.",
                    "business") == ["Intimate partner violence"]
    assert _swapped(analyzer, "A substance use disorder is treatable.", "youth") == []


def test_out_of_scope_words_inside_a_guideline_wording_are_not_flagged(analyzer):
    text = "Methadone is an opioid agonist therapy for people who use heroin."
    report = analyzer.analyze(text, sector="education")
    assert not [f for f in report.findings if f.rule == "pitch.out-of-scope"]
