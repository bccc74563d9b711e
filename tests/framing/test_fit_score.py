"""The partner-fit score measures fit, not vocabulary, and cannot be gamed.

The letters here were written for these tests in the shapes the issue names
(a school pitch, a newspaper pitch); the development set of real letters and
pairs is measured by ``python -m framing.evaluate_fit``.
"""
from __future__ import annotations

import pytest

from framing.fit_gaming import GAMES, play

SCHOOL_SENDER = """Subject: Partnership opportunity

Dear Principal Ortiz,

Our coalition has worked on youth homelessness prevention for fifteen years, and this spring we celebrate our 15th anniversary. We received a state grant to expand our program. We are asking you to partner on our youth homelessness prevention project: all teachers will be required to complete our six-hour training and log every student who discloses.

Sincerely,
Dana Reyes
Riverside Youth Coalition"""

SCHOOL_PARTNER = """Subject: Fewer absences for students without a steady home

Dear Principal Ortiz,

Students whose housing is unstable miss more school than their classmates, and your counselors are often the first to notice. A short referral path lets them act on what they see without adding to teachers' load.

Could we have 20 minutes with your counseling team at the March 12 staff meeting? We will bring a one-page referral guide and handle every follow-up ourselves.

Sincerely,
Dana Reyes
Riverside Youth Coalition"""

PAPER_SENDER = """Dear Editor,

Our agency turns 25 this year, and we are hosting an anniversary gala on May 3. We would love for the Herald to cover our milestone and our annual fundraiser. Our mission has always been to end violence in our county, and we are proud of our record.

Thank you,
Lee Park"""

PAPER_PARTNER = """Dear Editor,

Your readers ask where to turn when someone they love is being hurt. Calls to the county's help line rose by a third this year, and few of your readers know the line exists.

Would the Herald run a short explainer on where local families can get help? Our advocates can answer your reporter's questions this week.

Thank you,
Lee Park"""


def fit(analyzer, text, sector):
    return analyzer.analyze(text, sector=sector).scores["alignment"]


@pytest.mark.parametrize("sender, partner, sector", [
    (SCHOOL_SENDER, SCHOOL_PARTNER, "education"),
    (PAPER_SENDER, PAPER_PARTNER, "media"),
])
def test_the_partner_led_letter_scores_above_the_sender_centred_one(analyzer, sender, partner, sector):
    low, high = fit(analyzer, sender, sector), fit(analyzer, partner, sector)
    assert high["score"] > low["score"] + 20
    assert high["parts"]["focus"] > low["parts"]["focus"]
    assert high["parts"]["burden"] >= low["parts"]["burden"]
    assert high["parts"]["lead"] > low["parts"]["lead"]


def test_every_part_is_explained_with_its_words(analyzer):
    result = fit(analyzer, SCHOOL_PARTNER, "education")
    parts = {e["part"] for e in result["explain"]}
    assert {"lead", "ask"} <= parts
    earned = [e for e in result["explain"] if e["effect"] == "earned"]
    assert all(e["text"] for e in earned)
    sender = fit(analyzer, SCHOOL_SENDER, "education")
    costs = {e["part"] for e in sender["explain"] if e["effect"] == "cost"}
    assert {"burden", "focus"} <= costs


# Bullets whose opening verb the model reads as a name ("• Negotiate contract
# language…"), and a first sentence the parser ends before a bracket.
UNION_BULLETS = """Unions can lend their influence to support initiatives that make a difference for members affected by domestic violence.

Provisions could promote actions that include the following:

• Provide education to members and shop stewards about domestic violence
• Negotiate contract language for job security and other related benefits for victims
• Support funding for community-based services for victims"""

PAPER_BRACKET = """Dear Editor,

I write regarding your feature on a survivor of family violence [March 4]. I commend your team for publishing it, but it did not tell men where they can get help to change.

Please add the Men's Referral Service number to future stories.

Jo Smith"""


def test_a_bullet_whose_verb_was_read_as_a_name_still_ties_its_priority(analyzer):
    parts = fit(analyzer, UNION_BULLETS, "labor")
    assert parts["parts"]["priorities"] > 0


@pytest.mark.parametrize("game", GAMES)
@pytest.mark.parametrize("text, sector", [
    (SCHOOL_SENDER, "education"), (SCHOOL_PARTNER, "education"),
    (PAPER_SENDER, "media"), (PAPER_PARTNER, "media"),
    (UNION_BULLETS, "labor"), (PAPER_BRACKET, "media"),
])
def test_no_game_raises_the_score(analyzer, game, text, sector):
    report = analyzer.analyze(text, sector=sector)
    gamed = play(game, text, report.message)
    if gamed is None:
        pytest.skip(f"{game} does not apply")
    assert gamed != text
    assert fit(analyzer, gamed, sector)["score"] <= report.scores["alignment"]["score"]


def test_the_subject_line_and_greeting_are_not_the_opening(analyzer):
    text = ("Subject: Attendance and graduation rates\n\nDear Principal Ortiz,\n\n"
            "Our coalition was founded in 1998 and is proud of its record. We hope to meet.")
    result = fit(analyzer, text, "education")
    assert result["leads_with"] is None
    assert result["parts"]["lead"] < 0.2


def test_an_opening_about_neither_side_says_so_and_earns_nothing(analyzer):
    text = ("Dear Dr. Patel,\n\nThe Surgeon General's report on addiction came out in 2016. "
            "It reviews decades of research.\n\nCould we meet for 20 minutes next week?")
    result = fit(analyzer, text, "healthcare")
    lead = [e for e in result["explain"] if e["part"] == "lead"]
    assert any("neither" in e["why"] for e in lead)
    assert not any(e["effect"] == "earned" for e in lead)


def test_hyphen_and_spacing_variants_of_a_priority_match(analyzer):
    profile = {"name": "Local 12", "sector": "labor",
               "priorities": [{"label": "Paid safe leave", "terms": ["safe leave"]}]}
    for text in ("Safe-leave language protects members who miss shifts after abuse at home.",
                 "Safe leave language protects members who miss shifts after abuse at home."):
        result = analyzer.analyze(text, profile=profile).scores["alignment"]
        assert result["priorities"][0]["addressed"], text


def test_a_retitled_priority_keeps_only_the_words_written_for_it(analyzer):
    # The row still carries the pack priority's id, but the user renamed it and
    # gave it their own words: the pack's attendance terms no longer count.
    profile = {"name": "Lincoln USD", "sector": "education",
               "priorities": [{"id": "attendance", "label": "Family engagement",
                               "terms": ["family nights"]}]}
    text = "Chronic absence drops when students feel safe, and your attendance rates show it."
    result = analyzer.analyze(text, profile=profile).scores["alignment"]
    assert result["priorities"][0]["label"] == "Family engagement"
    assert not result["priorities"][0]["named"]


def test_a_priority_named_only_in_the_senders_record_earns_nothing(analyzer):
    record = "Our program has served 40 schools focused on attendance and graduation."
    gain = "Students who feel safe at home come to school more, and attendance rises."
    assert not any(p["addressed"] for p in fit(analyzer, record, "education")["priorities"])
    assert any(p["addressed"] for p in fit(analyzer, gain, "education")["priorities"])


def test_a_profile_without_priorities_says_it_is_scored_on_sector_defaults(analyzer):
    profile = {"name": "Lincoln USD", "sector": "education", "priorities": []}
    result = analyzer.analyze(SCHOOL_PARTNER, profile=profile).scores["alignment"]
    assert result["against"] == {"profile": "Lincoln USD", "sector": "education",
                                 "sector_defaults": True}
    own = {"name": "Lincoln USD", "sector": "education",
           "priorities": [{"label": "Fewer absences", "terms": ["miss more school"]}]}
    assert "sector_defaults" not in analyzer.analyze(
        SCHOOL_PARTNER, profile=own).scores["alignment"]["against"]


def test_an_offer_to_take_up_scores_between_no_ask_and_an_ask(analyzer):
    opening = "October is Domestic Violence Awareness Month, and your readers may want to know more. "
    def ask_part(text):
        return analyzer.analyze(text, sector="media").scores["alignment"]["parts"]["ask"]
    nothing = ask_part(opening + "Our staff have worked on this issue for years.")
    offer = ask_part(opening + "I can send you a short list of story ideas for your health coverage.")
    asked = ask_part(opening + "Could your health desk run one of these stories on October 14? "
                               "Please reply by Friday.")
    assert nothing < offer < asked


HEALTH_LETTER = """Dear Dr. Patel,

Your community health assessment names overdose deaths as the county's first concern. \
Naloxone in every clinic waiting room would cut those deaths. Clinic staff can hand out kits \
with no new paperwork. Our coalition has trained pharmacists for 20 years. \
Patients who leave with a kit bring it home to their families. Would your team meet \
with us for thirty minutes in May?

Sincerely,
Ana Ruiz"""


@pytest.mark.parametrize("said_again", [
    # a sentence repeated whole, and repeated after a word of its own
    ("Naloxone in every clinic waiting room would cut those deaths.",
     "Naloxone in every clinic waiting room would cut those deaths. "
     "Naloxone in every clinic waiting room would cut those deaths."),
    ("Naloxone in every clinic waiting room would cut those deaths.",
     "Naloxone in every clinic waiting room would cut those deaths. "
     "Indeed, naloxone in every clinic waiting room would cut those deaths."),
])
def test_a_sentence_said_again_does_not_dilute_the_letter_s_talk_of_itself(analyzer, said_again):
    once, twice = said_again
    assert once in HEALTH_LETTER
    before = fit(analyzer, HEALTH_LETTER, "public-health")["parts"]["focus"]
    assert before < 1.0  # the coalition's own record costs something
    after = fit(analyzer, HEALTH_LETTER.replace(once, twice, 1), "public-health")["parts"]["focus"]
    assert after <= before


def test_sentences_alike_in_frame_but_not_in_words_each_count(analyzer):
    """Three records of the sender's own work cost more than one, however alike."""
    record = "Our coalition has trained pharmacists across the county for 20 years."
    letter = HEALTH_LETTER.replace("Our coalition has trained pharmacists for 20 years.", record)
    one = fit(analyzer, letter, "public-health")["parts"]["focus"]
    more = letter.replace(record, record + " " + record.replace("pharmacists", "school nurses")
                          + " " + record.replace("pharmacists", "sheriff's deputies"), 1)
    assert fit(analyzer, more, "public-health")["parts"]["focus"] < one


def test_an_offer_said_again_earns_nothing_more(analyzer):
    """A heavy ask softened by the sender's offer: the offer repeated is still one."""
    offer = "Our volunteers will set up the tables and bring every handout."
    letter = ("Dear Pastor Green,\n\nPlease host our eight-week grief group every Tuesday "
              "evening this fall. " + offer + "\n\nSincerely,\nDana Reyes")
    once = fit(analyzer, letter, "faith")
    assert once["parts"]["burden"] < 1.0  # the weekly group costs something
    twice = fit(analyzer, letter.replace(offer, offer + " " + offer), "faith")
    assert twice["parts"]["burden"] <= once["parts"]["burden"]
