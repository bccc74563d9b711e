"""Violence-reporting checks that need more than a rule example: finding scope,
severity in quotations, and how often a rule fires on one text."""
from __future__ import annotations

import pytest


def _told(analyzer, text, rule):
    """The words of ``rule``'s findings in ``text`` checked as campaign copy."""
    return [f.text for f in analyzer.analyze(text, kind="campaign").findings if f.rule == rule]


def hits(report, rule):
    return [f for f in report.findings if f.rule == rule]


def test_unnamed_partner_violence_is_one_document_finding(analyzer):
    text = ("A Riverside man shot his wife outside her workplace Monday, police said. "
            "Two years ago he had beaten his wife in front of their children.")
    found = hits(analyzer.analyze(text), "dv.not-named")
    assert len(found) == 1 and found[0].scope == "document"
    assert found[0].text.startswith("A Riverside man shot his wife")


def test_naming_it_anywhere_clears_unnamed(analyzer):
    text = ("A Riverside man shot his wife outside her workplace Monday, police said. "
            "Advocates said the killing fits the pattern of domestic violence homicides.")
    assert not hits(analyzer.analyze(text), "dv.not-named")


def test_sex_with_a_minor_is_found_from_the_parse(analyzer):
    text = ("The coach was charged with sexual assault. Police say he had a sexual "
            "relationship with a 15-year-old player for a year.")
    found = hits(analyzer.analyze(text), "sv.sex-with-minor")
    assert len(found) == 1 and "15-year-old" in found[0].text


def test_the_act_told_again_later_in_the_story_is_found_too(analyzer):
    text = ("The coach was charged with sexual assault after police say he had a sexual "
            "relationship with a 15-year-old player. Her parents say the two had sex at "
            "least twice after practice, and the school learned of the sexual contact in May.")
    found = hits(analyzer.analyze(text), "sv.sex-with-minor")
    assert len(found) == 3
    assert [f.text for f in found][1:] == ["had sex", "sexual contact"]
    # without a minor named first, the same words tell of adults
    adults = "Her parents say the two had sex at least twice after the dinner party."
    assert not hits(analyzer.analyze(adults), "sv.sex-with-minor")


def test_the_relationship_told_again_is_the_same_act(analyzer):
    told = ("Police say the teacher had a sexual relationship with a 16-year-old student. "
            "The district learned of the alleged relationship in May.")
    found = hits(analyzer.analyze(told), "sv.sex-with-minor")
    assert [f.text for f in found][1:] == ["relationship"]
    # never before the act is told, nor a relationship between others
    assert not hits(analyzer.analyze("The district learned of the alleged relationship in "
                                     "May. The student is 16."), "sv.sex-with-minor")
    other = ("Police say the teacher had a sexual relationship with a 16-year-old student. "
             "The district's relationship with the police union is strong.")
    assert len(hits(analyzer.analyze(other), "sv.sex-with-minor")) == 1


def test_a_minor_named_in_a_clause_of_time_is_a_party(analyzer):
    text = ("The officer was charged with sexual assault. He is accused of having sex "
            "with a cadet when she was 16 years old.")
    assert hits(analyzer.analyze(text), "sv.sex-with-minor")


def test_sex_words_for_a_minor_in_a_quotation_are_softened(analyzer):
    text = ('The girl, 15, was a victim of sexual abuse. "She did not sleep with 25 boys," '
            "her advocate said.")
    found = hits(analyzer.analyze(text), "sv.sex-with-minor")
    assert found and all(f.severity == "warning" for f in found)


def test_motive_is_found_through_the_causal_link(analyzer):
    text = ("He is the latest father to snap over financial despair and kill his family, "
            "a pattern of domestic violence homicide.")
    found = hits(analyzer.analyze(text), "dv.excuse-motive")
    assert [f.text for f in found] == ["snap over financial despair"]


def test_a_paraphrased_mutual_fight_keeps_its_severity_and_a_quoted_one_is_softened(analyzer):
    # "According to prosecutors" relays the claim in the writer's words: the writer
    # chose to tell the abuse as a fight. Only a direct quotation is softened.
    told = "According to prosecutors, Mortimer and his wife argued constantly before he strangled her."
    found = hits(analyzer.analyze(told), "dv.mutual-fight")
    assert found and found[0].severity == "error" and "his wife" in found[0].text
    quoted = ('"Mortimer and his wife argued constantly," a neighbor said of the couple, '
              "days after he strangled her.")
    found = hits(analyzer.analyze(quoted), "dv.mutual-fight")
    assert found and found[0].severity == "warning"


def test_a_paraphrased_excuse_keeps_its_severity(analyzer):
    text = ("According to the sheriff's office, Austin had become angry with the woman and then "
            "hit her in the head, a domestic violence arrest.")
    found = hits(analyzer.analyze(text), "dv.excuse-motive")
    assert [f.severity for f in found] == ["warning"]


def test_groping_named_in_a_report_is_sexual_violence(analyzer):
    text = ("A student was stopped outside her apartment on Saturday by a man who asked "
            "for a hug, then pulled her close and groped her, campus police said.")
    doc_topics = analyzer.analyze(text, kind="campaign").message.doc._.framing_topics
    assert "sv" in doc_topics
    for dark in ("The power went out during the storm, and she groped for the light switch "
                 "before finding the flashlight in the kitchen drawer.",
                 "In the dark stairwell he groped the wall until he found the railing."):
        topics = analyzer.analyze(dark, kind="campaign").message.doc._.framing_topics or {}
        assert "sv" not in topics, dark
    passenger = "Police said the man groped a female passenger on the Route 9 bus on Friday."
    assert "sv" in analyzer.analyze(passenger, kind="campaign").message.doc._.framing_topics


@pytest.mark.parametrize("text, flagged", [
    # the quarrel the two "got into", or one that "escalated", stands in for the assault
    ("Police said the man got into an argument with the woman before he stabbed her, "
     "a domestic violence assault.", ["got into an argument"]),
    ("Police said a man shot his wife, a domestic violence case; the couple had an argument "
     "that escalated into the shooting.", ["argument that escalated"]),
])
def test_a_quarrel_the_two_got_into_is_mutual_conflict_framing(analyzer, text, flagged):
    assert _told(analyzer, text, "dv.dispute") == flagged


@pytest.mark.parametrize("text, flagged", [
    # a reputation before the name of the one held to the abuse in court
    ("High school coaching legend Robert Oliva pleads guilty to child sex abuse. He abused "
     "a boy in 1976, prosecutors said.", ["coaching legend"]),
    ("Former legendary high school coach Robert Oliva has pleaded guilty to sex abuse "
     "charges. He abused a boy in 1976.", ["legendary high school coach"]),
    # a reputation of someone not held to any abuse is no excuse
    ("Legendary coach Jim Smith founded the league. A volunteer was convicted of abuse in 2019.",
     []),
    ("She was a victim of abuse. Her mother, a good woman, spoke at the vigil. He raped her in 2019.",
     []),
])
def test_praise_of_the_one_held_to_the_abuse_is_an_excuse(analyzer, text, flagged):
    assert _told(analyzer, text, "dv.excuse-praise") == flagged


@pytest.mark.parametrize("text, flagged", [
    ("Police said an argument developed at the supermarket, and he later choked her in a "
     "domestic violence assault.", ["argument developed"]),
    ("The court heard the relationship was marked by verbal arguments which became physical, "
     "a domestic violence case.", ["became physical"]),
    ("The man started arguing with his wife and pushed her, deputies said of the domestic "
     "violence call.", ["arguing with his wife"]),
    # a quarrel over something else, not the assault
    ("The tenants' dispute over rent began in May; the domestic violence shelter is "
     "nearby.", []),
])
def test_a_quarrel_told_as_happening_stands_in_for_the_assault(analyzer, text, flagged):
    assert _told(analyzer, text, "dv.dispute") == flagged


@pytest.mark.parametrize("text, flagged", [
    ("Police said he snapped and shot his wife in a domestic violence attack.", ["snapped"]),
    # a thing snapped, not a person losing control
    ("The county had gone 20 months without a domestic violence homicide. The slayings "
     "snapped that string.", []),
    ("A reporter snapped a photo outside the domestic violence shelter.", []),
])
def test_snapped_is_an_excuse_only_without_an_object(analyzer, text, flagged):
    assert _told(analyzer, text, "dv.excuse-perpetrator") == flagged


@pytest.mark.parametrize("text", [
    "A man who murdered his daughter in an honour killing was jailed for life.",
    "Police marked the day of memory for victims of honour-based abuse.",
])
def test_honour_based_violence_is_domestic_violence(analyzer, text):
    assert "dv" in analyzer.analyze(text, kind="campaign").message.gates


@pytest.mark.parametrize("text, flagged", [
    ("Police say the coach had a sexual relationship with a teenager he was coaching.",
     ["had a sexual relationship with a teenager"]),
    # an affair or sex "with" students opens the topic by itself
    ("The records show the sports teacher was engaged in a long-running affair with "
     "16-year-old student Joanne Curtis.",
     ["engaged in a long-running affair with 16-year-old student Joanne Curtis"]),
])
def test_a_relationship_with_a_teenager_is_abuse_told_as_consensual(analyzer, text, flagged):
    report = analyzer.analyze(text, kind="campaign")
    assert "sv" in report.message.gates
    assert [f.text for f in report.findings if f.rule == "sv.sex-with-minor"] == flagged


@pytest.mark.parametrize("text", [
    "Our workshop helps parents talk about sex with their teens and set family rules.",
    "The guide helps you talk about sex with your students in health class.",
])
def test_talking_about_sex_with_teens_is_sex_education(analyzer, text):
    report = analyzer.analyze(text, kind="campaign")
    assert "sv" not in report.message.gates
    assert not [f for f in report.findings if f.rule == "sv.sex-with-minor"]


@pytest.mark.parametrize("text, flagged", [
    ("He had sex with the 15-year-old, police said, and was charged with sexual assault.",
     ["had sex"]),
    # a law or a policy names the act consent is for
    ("Under Michigan law she was unable to legally give consent to sexual intercourse, and he "
     "was charged with rape.", []),
    ("Under University policy, consent is required by all parties to engage in sexual "
     "activity; sexual assault is never the victim's fault.", []),
])
def test_the_act_consent_is_for_is_not_a_soft_word_for_assault(analyzer, text, flagged):
    assert _told(analyzer, text, "sv.consensual-terms") == flagged


def test_lives_lost_to_domestic_violence_is_agentless(analyzer):
    text = "Each year over 100 people lose their lives to domestic violence in Texas alone."
    found = [f.text for f in analyzer.analyze(text, kind="campaign").findings if f.rule == "dv.agentless"]
    assert found == ["lose their lives to domestic violence"]


@pytest.mark.parametrize("text, flagged", [
    # told in the passive, the harmed person is the subject and the doer follows "by"
    ("Last fall, Jenni-Lyn Watson was murdered by her ex-boyfriend because she refused to "
     "stay in the relationship. Domestic violence kills.", True),
    ("Police said the woman was attacked by her boyfriend because she had left him, a "
     "domestic violence assault.", True),
    # the doer's own reason is not the harmed person's act
    ("Police said Maria was shot by her husband because he wanted control, a domestic "
     "violence killing.", False),
])
def test_the_harmed_persons_act_as_the_reason_in_the_passive(analyzer, text, flagged):
    found = [f for f in analyzer.analyze(text, kind="campaign").findings if f.rule == "dv.excuse-motive"]
    assert bool(found) == flagged


def test_a_headline_that_drops_its_was_is_a_passive_and_an_active_one_is_not(analyzer):
    body = ("\nPolice said her former partner was charged with murder on Tuesday in the "
            "domestic violence homicide; she had a protective order against him.")
    found = hits(analyzer.analyze("Woman shot and killed in front of her kids" + body),
                 "dv.passive-victim")
    assert [f.text for f in found] == ["Woman shot and killed"]
    assert hits(analyzer.analyze("Man shoots wife, then himself" + body), "dv.passive-victim") == []


def test_a_passive_finding_takes_in_the_acts_joined_to_it_but_not_another_clause(analyzer):
    text = ("In the domestic violence case, a woman was beaten and strangled in her home, and "
            "her mother was shot a week later.")
    found = hits(analyzer.analyze(text), "dv.passive-victim")
    assert [f.text for f in found] == ["a woman was beaten and strangled", "her mother was shot"]


@pytest.mark.parametrize("text", [
    "A football player was suspended on an accusation that he had non-consensual sex with a "
    "classmate, and he has filed a complaint.",
    "It was common for women at the plant to be kissed and groped by the supervisor, and "
    "several complained to the company.",
    "Female employees were under pressure to have sex with the manager, a lawsuit says.",
])
def test_sex_without_consent_opens_the_sexual_violence_topic(analyzer, text):
    report = analyzer.analyze(text, kind="campaign")
    assert "sv" in report.message.doc._.framing_topics


def test_a_passive_in_a_relative_clause_is_said_of_its_noun_but_not_of_a_kind_of_person(analyzer):
    text = ("A 50-year-old woman who was killed by her ex-partner had refused to go into a "
            "refuge, the domestic violence trial heard.")
    assert [f.text for f in hits(analyzer.analyze(text), "dv.passive-victim")] == [
        "A 50-year-old woman who was killed by her ex-partner"]
    kind = ("The risk of homicide rises for women who have been strangled by a partner, a "
            "domestic violence study found.")
    assert hits(analyzer.analyze(kind), "dv.passive-victim") == []


@pytest.mark.parametrize("text, rule", [
    # a relationship or a divorce dated by "as", not given as the reason
    ("Many women are killed as they try to leave an abusive relationship; our domestic "
     "violence advocates help with safety plans.", "dv.excuse-motive"),
    # a partner harmed by a stranger, and a partner organisation
    ("Her husband was shot during a robbery at the gas station he owned; she now supports "
     "the domestic abuse shelter.", "dv.not-named"),
    ("Cuts to legal aid threaten their partner agencies, which help survivors of domestic "
     "violence get protective orders.", "dv.not-named"),
    # organisations arguing over money, and people held no longer in custody
    ("At the budget hearing, our coalition partners argued over how to divide the new "
     "domestic violence grant.", "dv.mutual-fight"),
    ("Detainees slept with the lights on for weeks, and several reported sexual abuse by "
     "guards.", "sv.sex-in-custody"),
    # a kind of relationship described, not an act
    ("Our sexual assault prevention program explains what a healthy sexual relationship "
     "between two teens looks like.", "sv.sex-with-minor"),
    # the agent named, and a national total
    ("Police said 48 women were killed by partners in domestic violence homicides last "
     "year.", "dv.agentless"),
    ("Nationally, 4.5 million women have been raped by an intimate partner, according to "
     "CDC data on domestic violence.", "dv.passive-victim"),
])
def test_ordinary_copy_on_violence_raises_no_false_finding(analyzer, text, rule):
    assert hits(analyzer.analyze(text, kind="campaign"), rule) == []


def test_a_headline_shooting_at_someone_is_active(analyzer):
    text = ("Husband shot at deputies during domestic standoff\nPolice said the man had "
            "threatened his wife before the domestic violence call; no one was hurt.")
    assert hits(analyzer.analyze(text), "dv.passive-victim") == []
    joined = ("Woman kidnapped and raped near campus\nPolice say a man attacked the student "
              "on Friday; the sexual assault is under investigation.")
    assert [f.text for f in hits(analyzer.analyze(joined), "dv.passive-victim")] == [
        "Woman kidnapped and raped"]
