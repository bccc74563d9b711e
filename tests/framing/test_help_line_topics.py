"""Which help line a story asks for, read from what it tells: a suicide told once in a
domestic violence story, a help statement that names no topic, the Lifeline's old
number. Beyond the rules' own examples, which only name the rule's cases."""
from __future__ import annotations

import pytest

DV_STORY = (
    "A Riverside woman was killed at her office on Tuesday by her estranged husband, "
    "police said. Neighbors said officers had been called to the couple's home twice "
    "this year. She had asked a court for a protective order in May. Advocates say "
    "leaving is often the most dangerous time for a survivor of domestic violence. "
    "{late} Call the National Domestic Violence Hotline at 1-800-799-7233."
)


def _rules(analyzer, text):
    return {f.rule for f in analyzer.analyze(text, kind="campaign").findings}


def _asked_because_of(analyzer, rule, text, words, instead=""):
    """``rule`` fires on ``text`` and not once ``words`` are replaced by ``instead``."""
    assert words in text
    assert rule in _rules(analyzer, text)
    assert rule not in _rules(analyzer, text.replace(words, instead))


def test_a_suicide_told_once_late_in_a_story_asks_for_a_crisis_line(analyzer):
    text = DV_STORY.format(late="He then killed himself in the parking lot.")
    assert "suicide.resource-missing" in _rules(analyzer, text)


def test_a_death_that_was_not_a_suicide_asks_for_none(analyzer):
    text = DV_STORY.format(late="The coroner said the crash that later killed him was "
                                "an accident.")
    assert "suicide.resource-missing" not in _rules(analyzer, text)


def test_the_topic_of_help_with_no_topic_comes_from_the_sentence_before(analyzer):
    # "Help is always available" follows a sentence on domestic violence: it is that
    # help, not the crisis line the murder-suicide asks for.
    text = ("Police said a man shot his wife and then killed himself on Saturday. The "
            "couple had divorced in July, court records show. Officers had been called "
            "to the house twice. \"It was a very bad week for victims of domestic "
            "violence,\" the director said.\n"
            "\"Help is always available. No one should hesitate to call.\" The "
            "coalition's hotline is 888-774-2900.")
    _asked_because_of(analyzer, "suicide.resource-missing", text,
                      '"It was a very bad week for victims of domestic violence," '
                      "the director said.\n")


def test_help_after_a_list_serves_the_lists_subject_not_its_last_item(analyzer):
    # the last warning sign names drugs; the list and its lead-in are about suicide
    text = ("Teen Suicide Prevention Week highlights awareness around teen depression and "
            "suicide after exam results.\n\n"
            "We encourage parents to know the warning signs of depression and suicide, "
            "which include:\n\n"
            "Talking or joking about suicide.\n\n"
            "Withdrawing from friends and family.\n\n"
            "Risk-taking such as consuming drugs and alcohol.\n\n"
            "If you need help or need someone to talk to, call the toll-free line "
            "0800 567 567.")
    assert "suicide.resource-missing" not in _rules(analyzer, text)
    # with no list, the nearest sentence still decides
    single = text.replace("Talking or joking about suicide.\n\nWithdrawing from friends and "
                          "family.\n\n", "").replace("We encourage parents to know the "
                          "warning signs of depression and suicide, which include:\n\n", "")
    single = single.replace("Risk-taking such as consuming drugs and alcohol.",
                            "Many teens also start drinking alcohol and using drugs after "
                            "the results come out, counselors at the clinic say.")
    assert "suicide.resource-missing" in _rules(analyzer, single)


def test_a_numbered_list_serves_its_subject_but_short_news_paragraphs_are_no_list(analyzer):
    numbered = ("Warning signs of suicide include:\n1. Talking about suicide.\n"
                "2. Withdrawing from friends.\n3. Drinking or using drugs more.\n"
                "If you need help, call the toll-free line 0800 567 567.")
    assert "suicide.resource-missing" not in _rules(analyzer, numbered)
    # one sentence a paragraph, no lead-in and no markers: the abuse line is not a
    # crisis line for the suicide
    news = ("A man was found hanged in a garage in Leeds on Sunday.\n"
            "His death is not being treated as suspicious, police said.\n"
            "His family said he had struggled with depression for years.\n"
            "Neighbours said his wife had fled years of domestic abuse in the spring.\n"
            "For confidential support, call 0808 2000 247 at any time.")
    assert "suicide.resource-missing" in _rules(analyzer, news)


def test_help_offered_beside_a_sentence_on_its_line_serves_that_topic(analyzer):
    text = ("Her husband shot her at her office, then killed himself, police said. "
            "Advocates say abuse often escalates at separation.\n"
            "Identify the domestic violence. Find a confidential advocate to talk about "
            "your situation.")
    assert "suicide.resource-missing" in _rules(analyzer, text)


def test_the_lifelines_old_number_is_a_line_present_not_missing(analyzer):
    # The number alone, after a sentence on another topic: it is the suicide line by
    # its number, whatever the sentence before it is about.
    text = ("Our coalition marks Suicide Prevention Month with a community walk on "
            "September 14. The program also serves survivors of domestic violence.\n"
            "If you are in crisis and need support, please call 1-800-273-8255.")
    assert "suicide.resource-missing" not in _rules(analyzer, text)


def test_a_partner_killing_told_once_late_asks_for_a_domestic_violence_line(analyzer):
    text = ("Deputies found two bodies at a home in Deltona on Friday. A neighbor called "
            "after not seeing the couple for a week. A package had arrived at the sheriff's "
            "office on Thursday. Inside was a note from the 75-year-old man that said he had "
            "killed his ailing wife. Call or text 988 any time.")
    _asked_because_of(analyzer, "dv.resource-missing", text,
                      "he had killed his ailing wife", "he was moving away")


SUICIDE_STORY = (
    "A junior at Central High died by suicide last week, the district said. Friends "
    "gathered at a vigil on Friday night to remember him as a gifted musician and a "
    "loyal teammate. {help}"
)


def test_a_way_to_help_said_to_the_reader_counts(analyzer):
    for help_line in ("If you are struggling, talk to a counselor at the Wellness Center.",
                      "Students can visit the counseling center any day this week."):
        text = SUICIDE_STORY.format(help=help_line)
        assert "suicide.resource-missing" not in _rules(analyzer, text), help_line


def test_what_others_do_or_an_if_clause_is_no_help_offered(analyzer):
    for told in ("Very few students who think about suicide will visit a counselor "
                 "on their own.",
                 "If you go to the end of the year, you can do the math on how many we lost."):
        text = SUICIDE_STORY.format(help=told)
        assert "suicide.resource-missing" in _rules(analyzer, text), told


def test_talking_to_a_friend_is_advice_not_a_help_service(analyzer):
    friend = SUICIDE_STORY.format(help="If you are thinking about self-harm, talk to someone: "
                                       "a friend or a family member.")
    assert "suicide.resource-missing" in _rules(analyzer, friend)
    counselor = SUICIDE_STORY.format(help="If you are thinking about self-harm, talk to a "
                                          "counselor at the Wellness Center.")
    assert "suicide.resource-missing" not in _rules(analyzer, counselor)


@pytest.mark.parametrize("said, offered", [
    # help given then, told as news: no line offered to the reader now
    ("When news of the death spread, the school made counselors available for students, "
     "the dean said.", False),
    ("The chief retweeted a message encouraging officers in crisis to text a special help line.",
     False),
    # ... in the past perfect too, and a service described in a participle is past with it
    ("She had contacted a charity supporting survivors of suicide loss two weeks before.",
     False),
    # help there now, or given with a number, is offered, reported speech too
    ("Counselors are available at the school all week.", True),
    ("The principal said counselors are available to students who need them.", True),
    ("The school made counselors available; students can call 555-201-3344 to talk.", True),
    # ... or described as there now in a clause of its own
    ("The district opened a 24-hour support line that is available to students all week.",
     True),
    # a line for another topic that is a crisis line too serves this one
    ("A foundation opened a 24-hour crisis intervention line that is available to students "
     "who are being bullied.", True),
    # ... but not one said to be gone, or described by what others say of it
    ("The district opened a 24-hour support line in 2019 that is no longer available.", False),
    ("The school opened a support line that students say helped them.", False),
    # ... nor a line of another kind, or one said not to be a crisis line
    ("Survivors of sexual assault can call the Rape Crisis helpline on 0808 802 9999.", False),
    ("The district opened an anonymous bullying tip line, which is not a crisis line, for "
     "students to report harassment.", False),
])
def test_help_told_as_past_news_is_not_a_line_offered(analyzer, said, offered):
    text = ("A sophomore died by suicide last week. Friends held a vigil on Friday. " + said
            + " The family asked for privacy.")
    found = [f for f in analyzer.analyze(text, kind="campaign").findings
             if f.rule == "suicide.resource-missing"]
    assert (not found) == offered


@pytest.mark.parametrize("said, offered", [
    # an invitation in the passive, now, is said to whoever reads it
    ("Those who suspect a loved one of contemplating suicide are encouraged to call the "
     "suicide hotline.", True),
    ("Parents are urged to contact the school counseling office.", True),
    # the same told as news of what happened then is not
    ("Students were encouraged to visit the counseling office.", False),
])
def test_a_passive_invitation_to_reach_help_is_said_to_the_reader(analyzer, said, offered):
    text = SUICIDE_STORY.format(help=said)
    assert ("suicide.resource-missing" not in _rules(analyzer, text)) == offered


@pytest.mark.parametrize("said, offered", [
    # a link offered for help on a web page
    ("For more information on sexual assault, click here, or here for state-specific "
     "resources.", True),
    # a post told about, not help offered; a link to give money is not one to get help
    ("On social media there was a post about how we are family, if you need help, click here.",
     False),
    ("To support our annual gala for the shelter, click here to support the cause.", False),
])
def test_a_link_offered_for_resources_is_a_help_line(analyzer, said, offered):
    text = ("A student was sexually assaulted at a party near campus last weekend, police said. "
            "The university sent an alert to students on Sunday and asked witnesses to come "
            "forward. " + said)
    assert ("dv.resource-missing" not in _rules(analyzer, text)) == offered


@pytest.mark.parametrize("help_line", [
    # numbers outside the North American plan, offered to call
    "Survivors can free-call the crisis care line 24 hours on 1800 806 292.",
    "You can phone the sexual assault centre on 5320 3933.",
    # a service named for what it stands against
    "Support is available from the Ballarat Centre Against Sexual Assault.",
])
def test_a_help_line_stated_the_way_other_countries_state_it_counts(analyzer, help_line):
    story = ("A Ballarat man is on trial accused of sexually assaulting his two nieces over "
             "several years, the County Court heard on Monday. The girls told their mother, "
             "who went to police. The trial continues before a jury. ")
    assert "dv.resource-missing" in _rules(analyzer, story)
    assert "dv.resource-missing" not in _rules(analyzer, story + help_line)


@pytest.mark.parametrize("name", [
    "was sentenced for raping and coercively controlling a woman during their relationship",
    "was charged after a family violence incident at the home he shared with her",
    "pleaded guilty to spousal assault",
])
def test_other_names_of_partner_abuse_ask_for_a_help_line(analyzer, name):
    text = (f"A 34-year-old man {name}, the court heard on Tuesday. He tied her up and choked "
            "her, and she fled to a neighbour's house. The judge said she showed great "
            "courage in giving evidence.")
    rules = _rules(analyzer, text)
    assert "dv.resource-missing" in rules
    assert "dv.choke" in rules
