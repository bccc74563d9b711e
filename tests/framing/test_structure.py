"""Document structure: frame lines, lists of words to avoid, guideline pages and news
reports, and what the checks make of them."""
from __future__ import annotations

import pytest

from framing.lexicon import get_lexicons
from framing.structure import analyze_structure


def structure_of(text: str):
    sentences = [line for line in text.split("\n") if line.strip()]
    return analyze_structure(text, sentences, get_lexicons().structure)


def kinds(text: str) -> dict[str, str]:
    structure = structure_of(text)
    return {text[s:e]: kind for s, e, kind in structure.frame}


def rules_hit(report, rule_id: str):
    return [f for f in report.findings if f.rule == rule_id]


def help_line_severities(report) -> list[str]:
    """The severities of the partner-violence help-line findings."""
    return [f.severity for f in report.findings if f.rule == "dv.resource-missing"]


LETTER = """Subject: A safer walk home for Riverside students

Dear Principal Ortiz,

Every student deserves to get home safely. Would your staff join our walk on May 3?

Sincerely,
Dana Reyes
Riverside Prevention Coalition
(555) 201-3344"""


def test_letter_frame_lines_are_named():
    found = kinds(LETTER)
    assert found["Subject: A safer walk home for Riverside students"] == "subject"
    assert found["Dear Principal Ortiz,"] == "salutation"
    assert found["Sincerely,"] == "closing"
    assert found["Dana Reyes"] == "signature"
    assert found["(555) 201-3344"] == "signature"
    assert "Every student deserves to get home safely. Would your staff join our walk on May 3?" not in found


def test_news_frame_lines_are_named():
    text = ("Shelter sees more calls as winter begins\nBy Maria Chen\n"
            "XENIA, Ohio (WDTN) – A local shelter answered more calls this month, its director said.\n"
            "###\nMedia contact: press@example.org")
    found = kinds(text)
    assert found["Shelter sees more calls as winter begins"] == "headline"
    assert found["By Maria Chen"] == "byline"
    assert any(kind == "dateline" and part.startswith("XENIA, Ohio (WDTN)") for part, kind in found.items())
    assert found["###"] == "separator"
    assert found["Media contact: press@example.org"] == "contact"
    assert structure_of(text).reporting


def test_sources_quoted_at_length_make_a_news_report():
    lines = ["The district learned of the attack from a parent.",
             "What worries Rob Fry is that the school knew the boys were absent all day.",
             "\u201cI would expect any parent to call the school and then go looking for their child.\u201d",
             "Most bullying is far less physical than this attack.",
             "\u201cThe invisible kind, exclusion and rumours, is the hardest kind to deal with.\u201d"]
    assert structure_of("\n".join(lines)).reporting
    # The same text without the quoted sources has no one speaking in it.
    assert not structure_of("\n".join(lines[:2] + lines[3:4] + ["Schools can help."])).reporting


def test_a_sentence_first_line_is_not_a_headline():
    text = "Our coalition met in March to plan the walk.\nMembers reviewed the budget."
    assert "headline" not in kinds(text).values()


def test_a_title_line_after_the_greeting_is_a_headline_not_the_opening():
    text = ("Dear Superintendents:\n\nSupporting Students After a Loss\n\n"
            "Our coalition offers free training for school staff.\n\nSincerely,\nAnn")
    assert kinds(text)["Supporting Students After a Loss"] == "headline"
    # a line that speaks to the reader opens the body, punctuated or not
    chatty = ("Dear Jane,\n\nHope you are doing well\n\n"
              "I am writing to ask your school to join our walk.\n\nSincerely,\nAnn")
    assert "headline" not in kinds(chatty).values()


def test_list_under_instead_of_is_a_mention_block():
    text = ("Words matter.\nInstead of...\nAddict. Junkie.\nTry this!\nPerson with a substance use disorder.\n"
            "He was an addict for years, his brother said in court on Monday afternoon.")
    structure = structure_of(text)
    blocks = [text[s:e] for s, e in structure.mention_blocks]
    assert blocks == ["Addict. Junkie."]


GUIDELINE_PAGE = """Reporting on suicide
Reports should not make the suicidal person appear admirable.
Avoid describing the method in detail.
DON'T romanticize the act.
DON'T suggest nothing can be done.
Journalists should include stories of hope and recovery.
“Committed suicide” implies a crime; say “died by suicide” instead."""


def test_guideline_page_is_advice():
    assert structure_of(GUIDELINE_PAGE).advice
    assert not structure_of(LETTER).advice


def test_guideline_page_mentions_are_not_violations(analyzer):
    report = analyzer.analyze(GUIDELINE_PAGE, kind="campaign")
    hit = {f.rule for f in report.findings}
    assert "suicide.committed" not in hit
    assert "framing.fatalism" not in hit
    assert "suicide.resource-missing" not in hit  # advice to writers carries no help line


def test_a_term_a_law_defines_is_a_mention(analyzer):
    text = ("The McKinney-Vento Act defines homeless children or youth as those individuals "
            "who lack a fixed, regular and adequate nighttime residence. Our district enrolls "
            "them the same day.")
    assert not rules_hit(analyzer.analyze(text, kind="campaign"), "homelessness.label")
    used = "Homeless children in our district miss school, and we enroll them the same day."
    assert rules_hit(analyzer.analyze(used, kind="campaign"), "homelessness.label")



@pytest.mark.parametrize("text, flagged", [
    ("The Act defines “homeless children and youths” as individuals who lack a fixed, "
     "regular and adequate nighttime residence. Our district enrolls them.", False),
    ("Under the law, homeless youths are defined as young people who lack a fixed "
     "nighttime residence. Our district enrolls them.", False),
    # only the term defined is mentioned, not what it is defined as
    ("The shelter defines success as the homeless families it moves into housing each year.",
     True),
])
def test_only_the_term_defined_is_mentioned(analyzer, text, flagged):
    assert bool(rules_hit(analyzer.analyze(text, kind="campaign"), "homelessness.label")) is flagged


def test_negative_instruction_about_wording_is_a_mention(analyzer):
    report = analyzer.analyze("Don't call anyone an addict in our newsletter.")
    assert not rules_hit(report, "sud.person-label")
    # a campaign's own imperative is not about wording
    report = analyzer.analyze("Most teens in our county never use pills. Don't let your teen "
                              "be the next overdose statistic.")
    assert rules_hit(report, "norms.fear-appeal")


def test_advice_against_a_word_in_running_text_is_a_mention(analyzer):
    report = analyzer.analyze("When someone dies this way we shouldn't say they committed suicide; "
                              "we should say they died by suicide.")
    assert not rules_hit(report, "suicide.committed")


@pytest.mark.parametrize("text, mentioned", [
    ("Say person who uses drugs rather than addict.", True),
    ("We use 'people who use drugs' instead of addicts in every flyer.", True),
    ("Avoid labels such as addict in coverage.", True),
    ("Prosecutors say they will go after dealers rather than addicts who need treatment.", False),
    ("Instead of arresting addicts, the county now offers treatment.", False),
])
def test_a_contrast_is_a_mention_only_in_a_sentence_about_wording(analyzer, text, mentioned):
    report = analyzer.analyze(text, kind="campaign")
    assert (not rules_hit(report, "sud.person-label")) is mentioned


# -- topics: mentioned versus about --------------------------------------------------------------
def test_a_single_support_cue_opens_no_topic(analyzer):
    doc = analyzer.nlp("Parents signed the consent form for the field trip to the science museum.")
    assert "sv" not in doc._.framing_topics


def test_help_line_name_opens_no_topic(analyzer):
    doc = analyzer.nlp("Our volunteers carry wallet cards for the 988 Suicide & Crisis Lifeline.")
    assert "suicide" not in doc._.framing_topics


@pytest.mark.parametrize("text, named", [
    # three capitalized words inside a sentence of running text name something
    ("Legislative chairs and members of the Disabled American Veterans happened to be "
     "planning their own visit to the capitol that week.", True),
    # a label in lower case, or capitals opening a sentence, is read as written
    ("We joined this action for our fellow veterans, especially the disabled.", False),
    ("Disabled American Veterans came to support the bill.", False),
])
def test_a_long_capitalized_run_in_running_text_is_a_name(analyzer, text, named):
    doc = analyzer.nlp(text)
    disabled = next(t for t in doc if t.lower_ == "disabled")
    assert disabled._.in_name is named


RAPE_CRISIS = ("On Monday, Rape Crisis England & Wales responded to the verdicts. The charity "
               "said the crisis is real, the epidemic is alarming and the numbers are staggering, "
               "and survivors can contact local Rape Crisis Centres.")


def test_a_service_named_with_crisis_in_running_text_is_a_name(analyzer):
    report = analyzer.analyze(RAPE_CRISIS, kind="campaign")
    flagged = [f.text for f in report.findings if f.rule == "framing.crisis"]
    assert "Crisis" not in flagged and "crisis" in flagged


def test_a_headline_in_title_case_keeps_its_crisis_words(analyzer):
    text = ("America's Mental Health Crisis: The Alarming Rise of Teen Depression\n\n"
            "The crisis is destroying families, and the numbers are staggering.")
    flagged = [f.text for f in analyzer.analyze(text, kind="campaign").findings
               if f.rule == "framing.crisis"]
    assert "Crisis" in flagged


def test_a_long_capitalized_run_followed_by_its_acronym_is_a_name(analyzer):
    named = ("Tioga County Allies in Substance Abuse Prevention (ASAP) Coalition held a vigil "
             "for families who lost someone to an overdose.")
    assert not [f for f in analyzer.analyze(named, kind="campaign").findings
                if f.rule == "sud.abuse"]
    # a term being abbreviated is no name, and still opens its topic
    term = "Intimate Partner Violence (IPV) affects one in four women in our county."
    assert "dv" in analyzer.parse([term])[0]._.framing_topics


def test_a_government_division_or_bureau_is_a_name(analyzer):
    text = ("Nurses will show visitors how to give naloxone at the 5K. The Division of "
            "Substance Abuse and Mental Health will also have staff on hand to answer "
            "questions about treatment.")
    assert not [f for f in analyzer.analyze(text, kind="campaign").findings
                if f.rule == "sud.abuse"]
    assert [f for f in analyzer.analyze(text.replace("The Division of Substance Abuse and Mental "
                                                     "Health", "Substance abuse counselors"),
                                        kind="campaign").findings if f.rule == "sud.abuse"]


def test_passing_mention_is_not_what_the_text_is_about(analyzer):
    text = ("Our food bank served 4,000 families this winter. Volunteers packed boxes every Saturday. "
            "Donations came from churches, schools and local grocers. Families come to us after a job "
            "loss, an illness, an eviction or domestic violence. We are asking businesses to sponsor "
            "a delivery route this spring.")
    doc = analyzer.nlp(text)
    assert "dv" in doc._.framing_topics and "dv" not in doc._.framing_subjects
    report = analyzer.analyze(text, kind="campaign")
    assert not rules_hit(report, "dv.resource-missing")


def test_a_topic_listed_among_others_in_the_lead_is_a_passing_mention(analyzer):
    text = ("Veterans are at a higher risk for PTSD, depression, brain injury and domestic violence. "
            "The county's outreach program marks ten years with a picnic for veterans and their "
            "families on Saturday, and therapists will be on hand to talk about counseling.")
    doc = analyzer.nlp(text)
    assert "dv" in doc._.framing_topics and "dv" not in doc._.framing_subjects


def test_a_counted_kind_paired_once_in_the_lead_is_a_passing_mention(analyzer):
    text = ("Franklin County overdose deaths rose 55% in the first quarter, the coroner said. "
            "She held a press conference in February on the rise and on a 40% increase in "
            "homicides and suicides. Fentanyl was a factor in most of the overdose deaths.")
    doc = analyzer.nlp(text)
    assert "suicide" in doc._.framing_topics and "suicide" not in doc._.framing_subjects


def test_a_charge_named_once_with_another_is_still_the_story(analyzer):
    text = ("A Boardman man was sentenced on Tuesday after a jury convicted him of murder and "
            "domestic violence for the death of his girlfriend. Prosecutors said he beat her "
            "regularly. Her cousin said the family was robbed of a chance to say goodbye.")
    assert "dv" in analyzer.nlp(text)._.framing_subjects


@pytest.mark.parametrize("text", [
    "A 33-year-old man was arrested for domestic assault early Saturday after the SWAT team was "
    "called. Police said he barricaded himself inside the house.",
    "A man was charged with domestic battery on Monday. He was held on $5,000 bond.",
])
def test_a_charge_of_domestic_assault_or_battery_is_about_partner_violence(analyzer, text):
    assert "dv" in analyzer.nlp(text)._.framing_subjects


# Three sentences before the event, so that it stands outside the news lead: only the
# event can make the story about partner violence there.
LEAD = ("The court sat on Tuesday. The hearing lasted most of the day. Reporters filled "
        "the public gallery. ")


@pytest.mark.parametrize("event", [
    # the partner as the doer of a passive
    "A 50-year-old woman who was killed by her ex-partner had refused to go into a refuge.",
    "She was shot six times by her estranged husband.",
    # someone's former partner, with an article
    "He is accused of using a tracking device to stalk a former girlfriend.",
    # a partner named by the couple's children
    "A Georgia man has been sentenced to life in prison for killing his children's mother.",
    # a partner with a word that tells the couple, or harmed as no work partner is told
    "He was jailed on Friday for murdering his former partner at their flat.",
    "He was jailed on Friday for strangling his partner at their flat.",
])
def test_a_partner_harmed_in_the_story_makes_it_about_partner_violence(analyzer, event):
    doc = analyzer.nlp(LEAD + event)
    assert "dv" in doc._.framing_subjects and "dv" in doc._.framing_topics


@pytest.mark.parametrize("event", [
    "He was jailed on Friday for attacking his business partner outside their office.",
    "He was charged with attacking his climbing partner after a fall.",
    "A man was arrested after his car was hit by his wife's van in the car park.",
    # "by" of another verb, and a partner in work
    "One woman was shot and taken to hospital by her husband after his rifle discharged.",
    "She was struck by a car, was killed instantly and is survived by her husband.",
    "Last spring a deputy was accidentally shot by his partner during a training exercise.",
])
def test_a_partner_word_that_tells_no_couple_opens_no_topic(analyzer, event):
    assert "dv" not in analyzer.nlp(LEAD + event)._.framing_subjects


def test_a_business_partner_in_the_lead_opens_no_topic(analyzer):
    text = "Police said his business partner shot him during an argument over money."
    assert "dv" not in analyzer.nlp(text)._.framing_topics


@pytest.mark.parametrize("text", [
    "A 30-year-old man was hit and killed by a train last weekend as he was trying to remove "
    "his bicycle from the tracks. The man's death is not believed to be a suicide, police said.",
    "Police said they do not think it was suicide. The woman, 34, was found at her home on "
    "Tuesday and an autopsy is planned, the sheriff said.",
])
def test_a_cue_told_as_what_a_death_was_not_opens_no_topic(analyzer, text):
    doc = analyzer.nlp(text)
    assert "suicide" not in doc._.framing_topics
    assert not rules_hit(analyzer.analyze(text, kind="campaign"), "suicide.resource-missing")


@pytest.mark.parametrize("text", [
    "Suicide is not inevitable. Most people who think about it get through, and talking "
    "openly helps.",
    "Please don't commit suicide alone in silence; there are people who will listen.",
    # a first, a question left open, a change over time: no denial
    "It was not the first suicide at the bridge this year, police said.",
    "Police said they could not rule out that the death was a suicide.",
    "Officials would not confirm that the death was a suicide.",
    "It is not yet clear whether the death was a suicide.",
    "I'm not suicidal anymore, but two years ago I was.",
])
def test_a_cue_that_is_what_the_sentence_talks_of_still_counts(analyzer, text):
    assert "suicide" in analyzer.nlp(text)._.framing_topics


def test_topic_in_the_lead_is_what_the_text_is_about(analyzer):
    text = ("A Riverside man shot his wife outside her workplace on Monday, police said. She was 41. "
            "Friends remember her as generous and funny, and her co-workers held a vigil on Tuesday "
            "night outside the hospital where she had worked as a nurse for eleven years.")
    assert "dv" in analyzer.nlp(text)._.framing_subjects


# -- required elements -------------------------------------------------------------------------
SUICIDE_COPY = ("Suicide is the second leading cause of death for people ages 10 to 24 in our state. "
                "Last year 48 residents died by suicide, and many more attempted. These numbers should "
                "concern every parent, teacher and coach in the county.")


SV_COPY = ("Sexual assault is one of the most underreported crimes on campus. Most students who "
           "are assaulted know the person who hurt them, and many never tell anyone what happened "
           "to them or where it happened.")
SUICIDE_HELP = [
    "Our 24-hour crisis line is always open: (555) 201-3344.",
    "Text HOME to 741741 to reach a trained counselor.",
    "If you are struggling, call the county crisis center and talk to a counselor today.",
    "Free, confidential support is available at riverton-help.org any time.",
    "If you or someone you know is struggling, call the new 9-8-8 number.",
    "The resilience center has clinicians available from noon to 7 p.m. daily.",
    "For additional local resources, visit riverton-schools.com/CrisisSupport.",
]
# A way to report or get support, told to the reader.
ASSAULT_HELP = [
    "If you wish to report an incident, you may complete an online report that goes to the "
    "Title IX Coordinator.",
    "Our volunteer advocates provide emotional support and resources at the hospital.",
    "Students are encouraged to seek the support of campus and community resources.",
    "To report an assault to the university, contact the Title IX office in Hill Hall.",
]


@pytest.mark.parametrize("copy, rule, resource", [
    *[(SUICIDE_COPY, "suicide.resource-missing", r) for r in SUICIDE_HELP],
    *[(SV_COPY, "dv.resource-missing", r) for r in ASSAULT_HELP],
])
def test_resource_in_other_words_counts(analyzer, copy, rule, resource):
    report = analyzer.analyze(f"{copy} {resource}", kind="campaign")
    assert not rules_hit(report, rule)


@pytest.mark.parametrize("not_help", [
    "If you have any information about this incident, please contact the sheriff's office.",
    "Call 9-1-1 if the threat is imminent.",
    "We need to make sure help and support is available for families.",
    "There are fewer counselors available in rural areas.",
])
def test_a_tip_line_an_emergency_number_or_a_wish_is_not_a_help_line(analyzer, not_help):
    report = analyzer.analyze(f"{SUICIDE_COPY} {not_help}", kind="campaign")
    assert rules_hit(report, "suicide.resource-missing")


@pytest.mark.parametrize("cited", [
    "According to the 988 Suicide & Crisis Lifeline, calls from our county rose by a third.",
    "Data from the 988 Suicide & Crisis Lifeline show 40% more texts than last year.",
    "The 988 Suicide & Crisis Lifeline reports that 2 in 5 callers are under 25.",
])
def test_a_help_line_named_only_as_the_source_of_a_figure_offers_no_help(analyzer, cited):
    report = analyzer.analyze(f"{SUICIDE_COPY} {cited}", kind="campaign")
    assert rules_hit(report, "suicide.resource-missing")
    # the same line offered to the reader, anywhere in the text, is help
    offered = f"{SUICIDE_COPY} {cited} Call or text the 988 Suicide & Crisis Lifeline."
    assert not rules_hit(analyzer.analyze(offered, kind="campaign"), "suicide.resource-missing")


def test_a_help_line_that_speaks_with_its_number_is_offered(analyzer):
    text = (f"{SV_COPY} The National Domestic Violence Hotline says 1 in 4 callers never "
            "told anyone before; call 1-800-799-7233.")
    assert not rules_hit(analyzer.analyze(text, kind="campaign"), "dv.resource-missing")


def test_a_report_someone_filed_is_not_help_for_the_reader(analyzer):
    text = f"{SV_COPY} Last spring one student filed a police report, and the case is still open."
    assert rules_hit(analyzer.analyze(text, kind="campaign"), "dv.resource-missing")


def test_another_topics_hotline_is_not_a_suicide_resource(analyzer):
    text = (f"{SUICIDE_COPY} If you are experiencing domestic violence, you can call the "
            "statewide hotline at (555) 201-3344.")
    assert rules_hit(analyzer.analyze(text, kind="campaign"), "suicide.resource-missing")


def test_press_contact_number_is_not_a_resource(analyzer):
    text = f"{SUICIDE_COPY}\n###\nMedia contact: Dana Reyes, (555) 201-3344"
    assert rules_hit(analyzer.analyze(text, kind="campaign"), "suicide.resource-missing")


def test_private_letter_needs_no_help_line(analyzer):
    assert rules_hit(analyzer.analyze(SUICIDE_COPY, kind="campaign"), "suicide.resource-missing")
    assert not rules_hit(analyzer.analyze(SUICIDE_COPY, kind="pitch"), "suicide.resource-missing")


def test_missing_resource_points_at_the_body_not_the_headline_or_signature(analyzer):
    text = f"Suicide deaths in our county\n{SUICIDE_COPY}\n\nSincerely,\nDana Reyes\n###"
    [finding] = rules_hit(analyzer.analyze(text, kind="campaign"), "suicide.resource-missing")
    assert finding.text.startswith("Suicide is the second leading cause")


# -- genre ---------------------------------------------------------------------------------------
def test_news_statistic_is_not_a_campaign_norm(analyzer):
    campaign = "Know the facts: 1 in 3 teens will experience dating abuse before they graduate."
    news = ("RIVERTON, Ohio (WXYZ) – Advocates said Tuesday that 1 in 3 teens will experience dating "
            "abuse before they graduate, according to a state report released this week.")
    assert rules_hit(analyzer.analyze(campaign, kind="campaign"), "norms.negative-descriptive")
    assert not rules_hit(analyzer.analyze(news, kind="campaign"), "norms.negative-descriptive")


# -- the opening and the ask are in the body ----------------------------------------------------
def test_ask_is_in_the_body_never_the_signature(analyzer):
    assert analyzer.analyze(LETTER).scores["ask"]["text"] == "Would your staff join our walk on May 3?"
    text = LETTER.replace("Would your staff join our walk on May 3?", "We walk on May 3.").replace(
        "Sincerely,", "Sincerely,\nCall me at (555) 201-3344 to join us.")
    assert analyzer.analyze(text).scores["ask"]["present"] is False


def test_opening_is_the_body_not_the_subject_line(analyzer):
    # The value ("safety") is only in the subject line: the body's opening lacks one.
    text = ("Subject: Student safety this spring\n\nDear Principal Ortiz,\n\n"
            "Dating violence reports rose by 12 percent last year in Riverton high schools. "
            "The county recorded 40 reports. We are asking the district to adopt a new curriculum "
            "this spring for grades nine and ten.\n\nSincerely,\nDana Reyes")
    [finding] = [f for f in analyzer.analyze(text).findings if f.rule == "framing.values-missing"]
    assert finding.text.startswith("Dating violence reports rose")


def test_campaign_imperatives_do_not_make_a_guideline_page():
    text = ("Know the signs.\nNever ignore a threat of suicide.\nDo not be ashamed to ask for help.\n"
            "Don't wait to reach out.\nTalk to someone you trust today.")
    assert not structure_of(text).advice


def test_partner_in_a_list_is_still_partner_violence(analyzer):
    doc = analyzer.nlp("Police say he is accused of killing his mother-in-law, wife and two children.")
    assert "dv" in doc._.framing_topics


@pytest.mark.parametrize("text", [
    '"Date rape sounds too cute. It is deceiving," the counselor said.',
    "Sex or intercourse (as a euphemism for rape) blurs the line between sex and a crime.",
])
def test_words_judged_as_wording_are_mentions(analyzer, text):
    report = analyzer.analyze(text, kind="campaign")
    assert not rules_hit(report, "sv.consensual-terms")


def test_wording_judgment_leaves_other_uses_alone(analyzer):
    text = ("The coach is accused of sexual abuse after he slept with a 15-year-old player, and it "
            "sounds like the school knew.")
    # the act is still named with a consenting-adult word: "sounds" judges nothing here
    assert rules_hit(analyzer.analyze(text, kind="campaign"), "sv.sex-with-minor")


def test_do_say_dont_say_table_is_a_guideline_page(analyzer):
    text = ("Do Say Don't Say Reason\nA person DIED BY SUICIDE.\nA person COMMITTED SUICIDE.\n"
            "Commit connotes a legal implication and harkens back to the days when suicide was "
            "illegal.\nThey are a SUICIDE ATTEMPT SURVIVOR.")
    report = analyzer.analyze(text, kind="campaign")
    assert structure_of(text).advice
    assert not rules_hit(report, "suicide.committed")


def test_a_blog_about_headline_wording_is_a_guideline_page(analyzer):
    text = ("Dear Media, Can We Quit Saying Domestic Dispute?\n"
            "The word is still used widely, as are the equally bad terms domestic disturbance and "
            "domestic altercation.\nReferring to such incidents as \"domestic disputes\" takes away "
            "from their seriousness.\nCall it domestic violence.")
    assert structure_of(text).advice
    report = analyzer.analyze(text, kind="campaign")
    assert not rules_hit(report, "dv.resource-missing")


def test_table_with_equals_signs_lists_terms(analyzer):
    text = ("Person-First Language\nThe words we use matter when we talk about addiction.\n"
            "Addict = Person with substance use disorder\nDrug abuser = Person with substance use disorder\n"
            "A dirty drug screen = Testing positive for substance use")
    hit = {f.rule for f in analyzer.analyze(text, kind="campaign").findings}
    assert not hit & {"sud.person-label", "sud.abuse", "sud.clean-dirty"}


def test_what_to_avoid_heading_opens_a_list_of_mentions():
    text = ("What to Avoid\n\n• Overstating the problem\n• Blaming those who bully\n\n"
            "Journalists who avoid these problems can offer their audiences accurate, quality coverage.")
    structure = structure_of(text)
    assert [text[s:e] for s, e in structure.mention_blocks] == [
        "• Overstating the problem", "• Blaming those who bully"]


@pytest.mark.parametrize("sourced", [
    "Approximately 1 in 3 students say they have been bullied at school.2 Bullying can happen anywhere.",
    "It is estimated that 1 in 10 teens will experience dating violence in their lifetime.",
    # the parser reads "experience" as a noun here: the word still tells harm undergone
    "Surveys suggest that about 8 percent of girls experience rape or attempted rape by this age.",
])
def test_sourced_prevalence_is_softened(analyzer, sourced):
    findings = rules_hit(analyzer.analyze(sourced, kind="campaign"), "norms.negative-descriptive")
    assert findings and all(f.severity == "suggestion" for f in findings)


def test_a_paragraph_introducing_pitfalls_opens_a_list_of_mentions():
    text = ("Reporting on bullying\n\nMany studies show that the media has the power to influence "
            "the public's view of the world. Here are some common pitfalls:\n\n"
            "• Stating or implying that bullying caused a suicide\n• Blaming those who bully\n\n"
            "Journalists who avoid these problems can offer their audiences accurate coverage.")
    blocks = [text[s:e] for s, e in structure_of(text).mention_blocks]
    assert blocks == ["• Stating or implying that bullying caused a suicide", "• Blaming those who bully"]


@pytest.mark.parametrize("text", [
    "Police said he shot his wife in the driveway before he shot himself.",
    "Deputies said the man turned the gun on himself as officers arrived.",
    "Her brother said she had talked about wanting to take her own life.",
])
def test_suicide_told_without_the_word_opens_the_topic(analyzer, text):
    assert "suicide" in analyzer.nlp(text)._.framing_topics


def test_a_sentence_with_a_parenthesis_is_not_a_dateline():
    text = ("Most Lincoln teens (8 in 10) choose not to vape. Talk with your kids about it.\n"
            "If you or someone you know is struggling, call or text 988.")
    assert "dateline" not in kinds(text).values()


def test_a_judging_verb_marks_only_its_subject(analyzer):
    table = "Use: Image-based sexual abuse. Why: Revenge porn suggests that the victim did something wrong."
    assert not rules_hit(analyzer.analyze(table, kind="campaign"), "sv.exploitation-terms")
    use = "He committed suicide last spring, which suggests the school missed the signs."
    assert rules_hit(analyzer.analyze(use), "suicide.committed")


def test_sample_of_headlines_is_a_list_of_mentions():
    text = ("Here's just a sample of headlines I ran across in the past 30 days...\n"
            "Alabama woman dies after being shot in apparent domestic dispute\n"
            "1 Dead, 1 in Custody in Domestic Dispute\n\n"
            "Each of these stories describes a killing by a partner, and none of them says so.")
    assert len(structure_of(text).mention_blocks) == 2


def test_experts_say_that_is_attributed(analyzer):
    text = "In Germany, experts say that one in five young people have been bullied at school."
    findings = rules_hit(analyzer.analyze(text, kind="campaign"), "norms.negative-descriptive")
    assert findings and all(f.severity == "suggestion" for f in findings)


def test_a_term_that_frames_something_is_judged(analyzer):
    text = ("After the domestic violence arrest: Use 'domestic abuse'. Why: domestic dispute frames "
            "the incident of violence as a private matter.")
    assert not rules_hit(analyzer.analyze(text, kind="campaign"), "dv.dispute")


def test_a_news_lead_after_its_dateline_is_the_body_s_first_sentence(analyzer):
    text = ("RIVERTON — Police say a 17-year-old student died by suicide at his home on "
            "Tuesday. Classmates gathered on Wednesday. The school opened its library to "
            "students who wanted to talk.")
    message = analyzer.analyze(text, kind="campaign").message
    assert message.body_sentences[0].text.startswith("RIVERTON")
    [finding] = rules_hit(analyzer.analyze(text, kind="campaign"), "suicide.resource-missing")
    assert finding.start == 0


@pytest.mark.parametrize("text, about", [
    ("A city attorney jumped to his death from a downtown parking garage on Monday, police said.",
     True),
    ("Two workers jumped to their deaths to escape the fire on the ninth floor, officials said.",
     False),
])
def test_a_death_by_jumping_opens_the_suicide_topic(analyzer, text, about):
    assert ("suicide" in analyzer.nlp(text)._.framing_subjects) is about


@pytest.mark.parametrize("text, about", [
    # one death named as a suicide, told late in a letter about something else
    ("Dear families,\n\nOur spring concert is on May 3 in the gym. Tickets are free. The "
     "choir has rehearsed all term. Students and staff are reeling from a student suicide "
     "death last Thursday.", True),
    ("Dear families,\n\nOur spring concert is on May 3 in the gym. Tickets are free. The "
     "choir has rehearsed all term. The state report counts suicide deaths by county.", False),
])
def test_one_suicide_death_told_by_name_opens_the_suicide_topic(analyzer, text, about):
    assert ("suicide" in analyzer.nlp(text)._.framing_subjects) is about


@pytest.mark.parametrize("text, about", [
    ("A trucker was jailed on Friday for stalking his businesswoman girlfriend.", True),
    ("A trucker was jailed on Friday for stalking his sister's husband.", False),
])
def test_a_partner_harmed_opens_the_partner_violence_topic(analyzer, text, about):
    assert ("dv" in analyzer.nlp(text)._.framing_subjects) is about


PROCEDURE_PAGE = (
    "Court Procedures\n\n"
    "When officers are called to a domestic violence incident, they will separate the "
    "people involved and may make an arrest. The officer must write a report for the court. "
    "At the first hearing, the judge may issue a protective order. The respondent can ask "
    "for a hearing within ten days. A violation of the order will be a new criminal charge.")


def test_a_page_that_tells_how_an_institution_handles_cases_needs_no_help_line(analyzer):
    report = analyzer.analyze(PROCEDURE_PAGE, kind="campaign")
    assert report.message.structure.procedure
    assert not rules_hit(report, "dv.resource-missing")


def test_the_same_procedure_told_to_the_reader_still_needs_one(analyzer):
    # speaking to the reader ("you can ask the judge"), it is advice to someone harmed
    text = (PROCEDURE_PAGE.replace("The respondent can ask", "You can ask")
            .replace("the judge may issue", "you may ask the judge for")
            + " If your partner hurts you, you can call the police.")
    report = analyzer.analyze(text, kind="campaign")
    assert not report.message.structure.procedure
    assert rules_hit(report, "dv.resource-missing")


def test_a_news_report_of_a_killing_is_no_procedure_page(analyzer):
    text = ("Police said a Riverton man shot his wife on Monday. She died at the hospital. "
            "He was arrested at the scene and will appear in court on Friday, the department "
            "said. Neighbors said they had heard arguments before.")
    assert not analyzer.analyze(text, kind="campaign").message.structure.procedure


PROCLAMATION = (
    "WHEREAS, domestic violence affects one in four women in our county; and\n"
    "WHEREAS, domestic violence harms children who witness it at home; and\n"
    "WHEREAS, every resident can help end domestic violence by learning the warning signs;\n"
    "NOW, THEREFORE, the Board of Supervisors does hereby proclaim October 2024 as "
    "Domestic Violence Awareness Month.")


@pytest.mark.parametrize("text", [
    PROCLAMATION,
    # clauses run together on one line, as a records system stores them
    PROCLAMATION.replace(";\n", "; "),
    # a template that opens with its title and ends with blanks
    "Proclamation Domestic Violence Awareness Month. Domestic violence harms every family in "
    "our city. Domestic violence is preventable. I join advocates across the state in taking "
    "action against domestic violence. (Name) (Date)",
])
def test_a_proclamation_only_suggests_a_help_line(analyzer, text):
    report = analyzer.analyze(text, kind="campaign")
    assert report.message.structure.proclamation
    assert help_line_severities(report) == ["suggestion"]


def test_a_suicide_prevention_proclamation_still_needs_a_crisis_line(analyzer):
    text = ("WHEREAS, suicide is the second leading cause of death for young people in our "
            "state; and\n"
            "WHEREAS, suicide is preventable, and everyone can learn the warning signs; and\n"
            "NOW, THEREFORE, the Council does hereby proclaim September as Suicide Prevention "
            "Month.")
    report = analyzer.analyze(text, kind="campaign")
    assert report.message.structure.proclamation
    assert [f.severity for f in report.findings if f.rule == "suicide.resource-missing"] == ["error"]


def test_news_of_a_proclamation_signed_is_no_proclamation(analyzer):
    text = ("Mayor Ruiz signed a proclamation declaring March as Vape-Free Month. More than "
            "half of our students vape every week, the district said, and the coalition will "
            "hold workshops for parents.")
    assert not analyzer.analyze(text, kind="campaign").message.structure.proclamation


def test_news_that_uses_whereas_once_is_no_proclamation(analyzer):
    text = ("Police said a Riverton man shot his wife on Monday, whereas earlier reports said "
            "she was shot by a stranger. She died at the hospital. Domestic violence calls "
            "have risen this year, the sheriff said.")
    report = analyzer.analyze(text, kind="campaign")
    assert not report.message.structure.proclamation
    assert help_line_severities(report) == ["error"]


@pytest.mark.parametrize("text", [
    "New strangulation law takes effect\n\nA new state law makes strangulation in domestic "
    "violence cases a felony. Advocates for domestic violence victims say it will save lives.",
])
def test_news_of_a_new_law_is_policy_news(analyzer, text):
    assert analyzer.analyze(text, kind="campaign").message.structure.policy


def test_news_of_a_poll_is_research_news_and_its_counts_are_no_cases(analyzer):
    text = ("Poll Finds Widespread Claims of Sexual Harassment in Workplace\n"
            "NEW YORK — Almost a third of all working women say they have been sexually "
            "harassed, according to a poll to be released today. Of those polled, 18% said "
            "they had been sexually harassed at work. Younger workers are more likely to "
            "report it.")
    report = analyzer.analyze(text, kind="campaign")
    assert report.message.structure.policy
    assert help_line_severities(report) == ["suggestion"]
    # the respondents tell it: no passive hides an abuser
    assert not [f for f in report.findings if f.rule == "dv.passive-victim"]


@pytest.mark.parametrize("text", [
    # a place named New, a new charge under an old law, a new law in a case story
    "A Queens man has been charged in the death of his wife, a domestic violence case, police "
    "said. Under New York law, he faces up to 25 years. He is due in court on Monday.",
    "A Trenton man is charged in the domestic violence death of his girlfriend. Prosecutors said "
    "he will face a new charge under state law. He is held without bail.",
    "A Riverside man has been charged in the domestic violence death of his wife, the first case "
    "filed under the state's new coercive control law. Prosecutors say he had kept her from work.",
    # a court's ruling on a case, not on the law
    "The state Supreme Court on Tuesday upheld the conviction of Daniel Reyes in the 2021 domestic "
    "violence death of his girlfriend, Ana Lopez. Reyes, 34, is serving a life sentence.",
    "The Western Cape High Court ruled on Monday that Thabo Mokoena, 41, was guilty in the death "
    "of his girlfriend, a case of gender-based violence. He will be sentenced next month.",
    "The High Court ruled on Friday that a man accused of pushing his former partner into a "
    "moving bus must remain in custody under the bail law. Police said it was domestic abuse.",
    # a new law firm or judge, the first case charged under a new law
    "A woman who was strangled by her husband has hired a new law firm this week, police said, "
    "after the domestic violence case stalled.",
    "He was the first person charged under the state's new coercive control law after he "
    "threatened to kill his wife, prosecutors said of the domestic violence case.",
    # a case told after a poll's findings; research cited in campaign copy; incident reports
    "A new survey shows sexual harassment is common at work. Researchers interviewed 2,000 "
    "workers in 12 states. Last week a Riverton worker was assaulted by her supervisor, police "
    "said.",
    "Research shows that one in four women in our county will experience domestic violence. "
    "Our coalition is working with police, courts and schools to change that.",
    "According to the police report, deputies were called to a home on Pine Street. They found "
    "a woman with cuts to her face, and her husband was charged with domestic violence assault.",
    "The incident report says deputies found the woman bleeding in the kitchen. Her husband was "
    "charged with domestic violence assault.",
])
def test_a_case_told_under_a_law_or_before_a_court_is_not_policy_news(analyzer, text):
    assert not analyzer.analyze(text, kind="campaign").message.structure.policy


@pytest.mark.parametrize("text", [
    "Governor signs dating violence bill\n\nThe governor signed a dating violence bill into law on "
    "Thursday. It lets dating partners seek protective orders, and advocates for domestic "
    "violence victims say it closes a gap in state law. Lawmakers passed it unanimously.",
    "University awarded grant to address dating violence\n\nThe university has been awarded a "
    "three-year, $300,000 grant to prevent domestic violence, dating violence and stalking on "
    "campus. The money will pay for a prevention coordinator and training for campus police.",
    # a law that takes effect, told in other words
    "Few coercive control offenders are in court\n\nFew offenders have been charged, months after "
    "coercive control was written into law. Coercive control is a pattern of domestic abuse, "
    "the bureau said, and courts are still adjusting to the new offence.",
    # a "you" inside a speaker's quoted words speaks to someone else
    "Coercive control to become a crime\n\nCoercive control will become a crime after the state "
    "parliament passed the bill on Tuesday. \"People asked me, 'Didn't you see the domestic "
    "violence?'\" one MP told parliament. The law comes into force next year.",
])
def test_news_of_a_law_or_funding_only_suggests_a_help_line(analyzer, text):
    report = analyzer.analyze(text, kind="campaign")
    assert report.message.structure.policy
    assert help_line_severities(report) == ["suggestion"]


@pytest.mark.parametrize("text", [
    # a case told: a woman killed by her partner
    "Governor signs dating violence bill\n\nThe governor signed a dating violence bill into law on "
    "Thursday. The bill is named for a woman who was shot and killed by her ex-boyfriend in 2019. "
    "Her attacker had stalked her for months before he killed her.",
    # a lead that tells a killing, whatever law it names
    "A Dayton man shot and killed his estranged wife Tuesday, police said. The killing came a "
    "week after lawmakers passed a bill on protective orders, and advocates said it came too late.",
    # copy that speaks to the reader
    "New funding for domestic violence shelters\n\nThe county announced $2 million in new funding "
    "for domestic violence shelters this year. If you need a safe place, our staff can help.",
])
def test_news_of_a_law_that_tells_a_case_or_speaks_to_the_reader_is_not_policy_news(analyzer, text):
    assert not analyzer.analyze(text, kind="campaign").message.structure.policy


def test_a_templates_note_to_the_writer_opens_no_topic(analyzer):
    template = ("Dear Parent or Guardian:\n\nIt is with sadness that I inform you of the death "
                "of a sophomore in our school. {how}\n\nSpecial counseling services are available "
                "to students this week. Please contact the school counseling office with any "
                "questions.\n\nPrincipal and Staff")
    noted = template.format(how="She died last evening (do not specify reason if death by "
                                "suicide or the cause is unknown).")
    report = analyzer.analyze(noted, kind="campaign")
    assert "suicide" not in report.message.subjects
    assert rules_hit(report, "suicide.resource-missing") == []
    told = template.format(how="She died by suicide last evening, and her family asked us to say so.")
    assert "suicide" in analyzer.analyze(told, kind="campaign").message.subjects


def test_a_note_to_the_writer_with_a_colon_is_a_note_too(analyzer):
    text = ("Dear Parent or Guardian:\n\nOur student died last evening (Note: do not specify "
            "reason if death by suicide or the cause is unknown). Counselors are available all "
            "week; please contact the school counseling office.\n\nPrincipal and Staff")
    assert "suicide" not in analyzer.analyze(text, kind="campaign").message.subjects


@pytest.mark.parametrize("text", [
    # awareness-month copy, a consent week, an opinion on abuse in general
    "October is Domestic Violence Awareness Month. Our coalition will light the courthouse "
    "purple and hold a candlelight walk on October 12. Domestic violence touches every "
    "neighborhood, and everyone can learn the warning signs.",
    "Campus marks Consent Week\n\nStudents will lead workshops on consent and bystander "
    "intervention all week, the Title IX office said. Sexual assault is preventable, and "
    "the workshops teach students how to step in.",
    "Why doesn't she just leave? Survivors of domestic violence say leaving an abusive partner "
    "takes planning, money and a safe place to go. Domestic abuse is about control: abusers "
    "often control the family's money and isolate their partners.",
    # a count of people harmed tells how common it is, not a case
    "Every two and a half days a woman in our state is killed by a partner. Domestic violence "
    "is preventable, and our coalition trains employers to spot the warning signs at work.",
    "Sexual Assault Awareness Month is about prevention. One in five women will be sexually "
    "assaulted in college, and 8 percent of girls experience rape before they turn 18.",
    # harm named as a risk, as what a program prevents, or counted as cases: no case
    "Police now ask victims eleven questions to judge their risk of being killed by a "
    "partner. Those at high risk are put in touch with an advocate the same night, and "
    "the program aims to prevent domestic violence homicides across the county.",
    "The review team examined nine local domestic violence-related homicides. In nearly "
    "all of them, friends and family had seen warning signs, and the team recommends "
    "training for employers and clergy.",
    # harm feared, and national totals of people harmed: no case
    "Hundreds of women marched through the city centre on Saturday night. Women should be able "
    "to walk home without fear of being attacked, raped or sexually harassed, the organisers "
    "of the sexual violence awareness march said.",
    "Reclaim the Night returns this Saturday. The charity states 85,000 women and 12,000 men "
    "are raped in England and Wales each year, and the high number of women who are "
    "assaulted is why the march goes on.",
    # harm told as a measure, how often it happens: no case
    "Campus climate surveys often reveal the frequency with which students report being "
    "sexually assaulted, and advocates want colleges to publish their results and fund "
    "sexual assault prevention.",
    # a survey's answer counts people: no case
    "Consent survey released\n\nOf the students surveyed, 18% said they had been sexually "
    "assaulted since enrolling. The university will expand its sexual assault prevention "
    "programs and train resident advisers this spring.",
])
def test_copy_that_tells_no_case_only_suggests_a_partner_violence_help_line(analyzer, text):
    report = analyzer.analyze(text, kind="campaign")
    assert (report.message.general, help_line_severities(report)) == (True, ["suggestion"])


@pytest.mark.parametrize("text", [
    "A former youth minister is accused of sexually assaulting two girls at a church camp, "
    "deputies said. He is due in court next week, and the church has asked other families "
    "to speak with investigators.",
    "A middle school teacher was arrested and charged with having a sexual relationship with a "
    "student, the district attorney's office said. The district placed her on leave and "
    "told parents in a letter on Friday.",
    "Campus police issued a timely warning on Monday after a sexual assault was reported in a "
    "residence hall. Officers are asking anyone with information to come forward.",
    "A Dayton man faces three counts of domestic violence after an argument with his "
    "girlfriend, police said. Officers were called to the apartment on Main Street late on "
    "Saturday night by a neighbor.",
    "Two people were found dead in a home on Elm Street in what police called a murder-suicide "
    "involving a couple with a history of domestic violence.",
    # harm told in everyday words, and a count of something other than people
    "A Springfield woman was hospitalized Saturday after her husband hit her with a frying "
    "pan and dragged her across the kitchen floor. Neighbors called 911 after hearing "
    "screams from the apartment.",
    "A man was charged Monday with assaulting his girlfriend, who suffered burns over 30 "
    "percent of her body, prosecutors said. The couple had lived together for two years.",
    "A sexual assault at a fraternity house early Sunday is under investigation, campus "
    "police said. The university asked anyone with information to call its police.",
    # a few people counted one by one are a case, and so is a year's count of them
    "Three women were stabbed in a house on Elm Street on Sunday, and their former partner "
    "was found a mile away, police said. It was the county's worst night of domestic "
    "violence in years.",
    # a crowd is no national total, "a number of" people no count, and a new clause no
    # item of a list of harms feared
    "More than 2,000 people gathered Sunday to remember Jenna Ortiz, who was stabbed by her "
    "ex-boyfriend last month. Domestic violence advocates spoke at the vigil.",
    "Maria Lopez had lived in fear of being attacked, and he stabbed her in May outside her "
    "home. Domestic violence advocates said she had sought a protective order.",
    # how often one person was harmed is a case
    "A lawsuit filed Monday details the frequency with which she was sexually abused by her "
    "stepfather. The girl's mother says the school ignored her reports for two years.",
    # a prevention program named beside a harm told as done is still a case
    "A county program to prevent domestic violence homicides began a month after a man "
    "stabbed his wife in her car outside the courthouse. She had asked a judge for a "
    "protective order against her abusive husband two weeks earlier.",
])
def test_copy_that_tells_a_case_keeps_the_missing_help_line_an_error(analyzer, text):
    report = analyzer.analyze(text, kind="campaign")
    assert (report.message.general, help_line_severities(report)) == (False, ["error"])


def test_repeated_alarm_words_are_one_finding_at_the_first(analyzer):
    text = ("Families in our county are worried. The fentanyl crisis is destroying families, "
            "the numbers are staggering, and the scourge keeps spreading.")
    flagged = [f.text for f in analyzer.analyze(text, kind="campaign").findings
               if f.rule == "framing.crisis"]
    assert flagged == ["crisis"]


def test_a_quoted_first_alarm_word_does_not_soften_the_writers_own(analyzer):
    text = ('Families in our county are worried. "It is a crisis," the sheriff said. The '
            "fentanyl epidemic is destroying families, and the numbers are staggering.")
    (finding,) = [f for f in analyzer.analyze(text, kind="campaign").findings
                  if f.rule == "framing.crisis"]
    assert finding.severity == "warning" and finding.text == "epidemic"
    assert "crisis" in finding.message and "staggering" in finding.message
