"""Context handling of the suicide, bullying and stigma checks beyond each rule's examples:
severity in quotes and paraphrase, one finding per format, negation in capitals."""
from __future__ import annotations

import pytest


def _hits(analyzer, text, rule, kind="campaign"):
    return [f for f in analyzer.analyze(text, kind=kind).findings if f.rule == rule]


def _method_told(analyzer, story, told):
    """Whether the method-detail findings in ``story`` are exactly ``told`` (or none)."""
    found = [f.text for f in _hits(analyzer, story, "suicide.method-detail")]
    return found == ([told] if told else [])


def test_word_choice_in_a_paraphrase_keeps_its_severity(analyzer):
    # "according to" attributes the number, not the writer's word for the students.
    text = ("According to a 2020 report, there are nearly 270,000 homeless students in the "
            "state's schools, and homelessness among families is rising.")
    hits = _hits(analyzer, text, "homelessness.label")
    assert [f.severity for f in hits] == ["warning"]


def test_word_choice_inside_quotation_marks_is_still_softened(analyzer):
    text = ('"We see homeless students every week," the principal said of homelessness '
            "in the district.")
    hits = _hits(analyzer, text, "homelessness.label")
    assert [f.severity for f in hits] == ["suggestion"]


def test_a_claim_in_a_paraphrase_is_still_softened(analyzer):
    text = "According to his family, he seemed happy the week before he died by suicide."
    hits = _hits(analyzer, text, "suicide.inexplicable")
    assert hits and all(f.severity == "suggestion" for f in hits)


def test_an_every_n_minutes_count_is_the_writers_frame_even_from_a_source(analyzer):
    # The count is the source's; telling it as "every 11 minutes" is the writer's choice.
    text = "According to the CDC, someone dies by suicide every 11 minutes."
    hits = _hits(analyzer, text, "suicide.normalize")
    assert hits and all(f.severity == "warning" for f in hits)


def test_myth_fact_sheet_is_one_finding_at_its_first_myth(analyzer):
    text = ("Myth: Talking about suicide puts the idea in someone's head. Fact: Asking helps.\n"
            "Myth: People who die by suicide always leave a note. Fact: Most do not.\n"
            "Myth: Suicide is always impulsive. Fact: Many people plan.")
    hits = _hits(analyzer, text, "suicide.myth-fact")
    assert len(hits) == 1 and hits[0].start == 0


def test_negation_written_in_capitals_with_a_curly_apostrophe(analyzer):
    text = "DON’T say nothing can be done about suicide. Say what helps."
    assert not _hits(analyzer, text, "suicide.normalize")


def test_method_detail_in_a_quote_is_softened_not_dropped(analyzer):
    text = ('"Usually they take themselves out with pills, and now they are shooting '
            'themselves," the coroner said of the rise in suicides.')
    hits = _hits(analyzer, text, "suicide.method-detail")
    assert [f.severity for f in hits] == ["warning"]


def test_method_detail_is_one_finding_per_sentence(analyzer):
    text = "Police said the man took his life in the garage with a rifle; it was a suicide."
    hits = _hits(analyzer, text, "suicide.method-detail")
    assert len(hits) == 1
    assert "garage" in hits[0].text and "rifle" in hits[0].text


def test_homicide_in_a_murder_suicide_is_not_method_detail(analyzer):
    text = ("He shot his wife with a handgun at their home, then killed himself, police said "
            "of the murder-suicide.")
    assert not _hits(analyzer, text, "suicide.method-detail")


@pytest.mark.parametrize("text, told", [
    ("Two weeks earlier he had tried to commit suicide by setting his car on fire.", True),
    ("She attempted to take her own life by stepping into traffic, her family said.", True),
    # a helper's "by" on an infinitive nobody tried: no told attempt
    ("Anyone who wants to end their life by suicide can call or text 988 first.", False),
])
def test_the_means_of_a_told_attempt_is_method_detail(analyzer, text, told):
    assert bool(_hits(analyzer, text, "suicide.method-detail")) is told


@pytest.mark.parametrize("text, told", [
    ("The medical examiner recorded 146 firearm deaths last year, including 100 suicides.", False),
    ("In the county, firearm suicides rose by a fifth, the state suicide report says.", False),
    ("The medical examiner said the man died by suicide with a firearm last year.", True),
    # a rate that jumped from one count to another
    ("The number of suicides jumped from nearly 7 deaths per 100,000 people to almost 11.", False),
])
def test_a_counted_category_of_deaths_is_a_statistic_not_method_detail(analyzer, text, told):
    assert bool(_hits(analyzer, text, "suicide.method-detail")) is told


@pytest.mark.parametrize("story, told", [
    ("The boy died by suicide. He hanged himself from a tree in the garden of his home in "
     "Woodley on 19 June 2003.", "hanged himself from a tree in the garden of his home"),
    ("He died by suicide. He hanged himself in 2019.", "hanged himself"),
    ("He died by suicide. He shot himself in the head.", "shot himself in the head"),
    ("He died by suicide. He shot himself at 3 a.m. in despair.", "shot himself"),
    # the death and a time with no number between the act and its place
    ("He died by suicide. He hanged himself last week in his cell.",
     "hanged himself last week in his cell"),
    ("He died by suicide. He shot himself this month.", "shot himself"),
])
def test_a_method_act_takes_the_place_phrases_after_it_not_the_time(analyzer, story, told):
    assert _method_told(analyzer, story, told)


@pytest.mark.parametrize("sentence", [
    "He jumped from the Route 9 overpass and left behind a wife and two young sons.",
    "He jumped from the bridge and left his mother a note.",
])
def test_a_person_named_by_a_joined_verb_does_not_make_the_method_a_killing(analyzer, sentence):
    assert _hits(analyzer, "The man died by suicide on Friday. " + sentence, "suicide.method-detail")


def test_a_method_named_as_the_cause_of_death_is_method_detail(analyzer):
    text = "He died by suicide in May. The coroner said the cause of death was asphyxiation."
    assert _hits(analyzer, text, "suicide.method-detail")
    heart = "He died in May. The coroner said the cause of death was heart failure."
    assert not _hits(analyzer, heart, "suicide.method-detail")


def test_a_person_found_hanging_tells_a_suicide_story(analyzer):
    # No sentence says "suicide", yet the scene is told: the ligature in the person's
    # hands is how they died.
    text = ("A 34-year-old inmate died in custody on Monday. A deputy observed the man "
            "hanging with a piece of clothing around his neck. It appeared that the man "
            "fashioned the clothing into a ligature around his neck.")
    spans = [f.text for f in _hits(analyzer, text, "suicide.method-detail")]
    assert any("ligature" in s for s in spans)
    # a banner hung by people is no one found hanging
    banner = ("A 34-year-old inmate died in custody on Monday. Volunteers saw the banner "
              "hanging over the gate. It appeared that staff fashioned the cloth into a "
              "ligature for the banner.")
    assert not _hits(analyzer, banner, "suicide.method-detail")


def test_cutting_a_person_free_is_a_rescue_not_a_killing(analyzer):
    # "cut him free" is no homicide, so the story stays a suicide story and the rope
    # in the rescuers' hands is the method.
    text = ("A man was found hanged in a town park, an inquest heard. Two park workers "
            "tried to cut him free from the rope, but he was pronounced dead at the scene. "
            "The coroner recorded that he killed himself.")
    assert any("rope" in f.text for f in _hits(analyzer, text, "suicide.method-detail"))


def test_where_a_person_in_custody_was_found_is_not_a_place_detail(analyzer):
    text = ("An inmate was found dead inside his cell from an apparent suicide, "
            "investigators said. The sheriff's office is reviewing its checks.")
    assert not _hits(analyzer, text, "suicide.method-detail")
    home = ("A teacher was found dead inside his garage from an apparent suicide, "
            "investigators said. The district is offering counseling.")
    assert _hits(analyzer, home, "suicide.method-detail")


def test_suicide_as_the_issue_has_no_place(analyzer):
    text = ("Addressing suicide on campus: Editorial. The community received news "
            "Saturday that a second student had died by suicide this term.")
    assert not _hits(analyzer, text, "suicide.method-detail")
    death = "A student died by suicide on campus last week, the college said."
    assert [f.text for f in _hits(analyzer, death, "suicide.method-detail")] == ["on campus"]


@pytest.mark.parametrize("text, told", [
    ("Police said it was a murder-suicide in which a man shot and killed his wife and then "
     "turned the gun on himself.", "turned the gun on himself"),
    ("It appears a husband shot and killed his wife and then himself in a murder-suicide, "
     "police said.", "himself"),
    ("Deputies said the husband shot his wife, killing her, before he shot himself in what "
     "they called a murder-suicide.", "shot himself"),
])
def test_in_a_murder_suicide_the_act_on_oneself_is_the_method(analyzer, text, told):
    spans = [f.text for f in _hits(analyzer, text, "suicide.method-detail")]
    assert spans and any(told in s for s in spans)


def test_a_place_told_by_where_it_happened_is_the_place_of_the_suicide(analyzer):
    text = ("The 40-year-old had walked away from the family home to a Los Angeles hotel, "
            "where he took his life.")
    assert any("hotel" in f.text for f in _hits(analyzer, text, "suicide.method-detail"))


@pytest.mark.parametrize("text", [
    # each verb has its own object: the shooting is the homicide, "killed himself" no method
    "Her husband came to her office, shot her multiple times, then killed himself in a "
    "murder-suicide, police said.",
    # a suicide in custody names the institution that held the person
    "A man is suspected to have died by suicide at the county jail over the weekend, the "
    "sheriff said.",
    # throwing oneself into a pursuit is a figure of speech
    "After his son died by suicide, he threw himself into his work and later founded a "
    "support group.",
], ids=["killing-of-another", "custody", "pursuit"])
def test_no_method_or_place_is_told(analyzer, text):
    assert not _hits(analyzer, text, "suicide.method-detail")


def test_throwing_oneself_into_a_river_is_the_method(analyzer):
    river = "The man took his own life when he threw himself into the river from the bridge."
    assert _hits(analyzer, river, "suicide.method-detail")


@pytest.mark.parametrize("text", [
    "She cut herself off in her apartment for weeks, and her family feared suicide.",
    "After his son died by suicide, he threw himself into his work at the hospital.",
], ids=["cut-off", "into-work"])
def test_a_figure_of_speech_done_to_oneself_states_no_suicide(analyzer, text):
    # no act of suicide, so neither it nor the place after it is method detail
    assert not _hits(analyzer, text, "suicide.method-detail")


def test_a_self_inflicted_wound_in_a_suicide_story_is_the_method_however_far(analyzer):
    text = ("A 17-year-old boy is believed to have killed himself Monday, authorities say. "
            "A spokesman said deputies responded on Monday morning. They found the teen "
            "dead of what appears to be a self-inflicted gunshot wound.")
    assert [f.text for f in _hits(analyzer, text, "suicide.method-detail")] == [
        "a self-inflicted gunshot wound"]


def test_open_ground_is_a_place_of_the_suicide(analyzer):
    text = "A teen killed himself Monday at a baseball field in Marion County, deputies said."
    assert [f.text for f in _hits(analyzer, text, "suicide.method-detail")] == [
        "at a baseball field in Marion County"]


@pytest.mark.parametrize("text, flagged", [
    ("Overdoses rose again. Heroin users wait weeks for a treatment bed.", ["Heroin users"]),
    # people name themselves: a first-person self-label is theirs to use
    ("Overdoses rose again. I was a heroin user for ten years before I found recovery.", []),
    # "user" alone is the label only with a drug word before it (the guideline brief)
    ("Overdoses rose again. After time off the drug, the user no longer has a tolerance.", []),
])
def test_user_is_the_label_with_a_drug_word_and_not_in_a_self_label(analyzer, text, flagged):
    assert [f.text for f in _hits(analyzer, text, "sud.person-label")] == flagged


@pytest.mark.parametrize("text, told", [
    ("He had spoken of trying to kill himself by jumping in front of a car.", "in front of a car"),
    ("She walked into the path of a lorry on the A34.", "into the path of a lorry"),
    ("He ran out into traffic on the highway.", "into traffic"),
    # a vehicle that no person moved in front of is no method
    ("The school bus drove into traffic.", None),
    ("His friends drove him into town in a car.", None),
])
def test_stepping_in_front_of_a_vehicle_in_a_suicide_story_is_the_method(analyzer, text, told):
    story = "Sam, 15, took his own life in December, an inquest heard. " + text
    assert _method_told(analyzer, story, told)


@pytest.mark.parametrize("text, told", [
    ("A spokesman said deputies responded to the fields next to the high school.",
     "to the fields"),
    ("Police were called to the garage at 10:26 a.m.", "to the garage"),
    # the institution that held the person is named to hold it to account
    ("Officers responded to the county jail.", None),
])
def test_where_responders_were_sent_in_a_suicide_story_is_the_place(analyzer, text, told):
    story = "A 17-year-old boy is believed to have killed himself Monday, authorities say. " + text
    assert _method_told(analyzer, story, told)


@pytest.mark.parametrize("text, flagged", [
    # a person naming themselves, however the label hangs from "I was" or "described
    # herself as"
    ("Overdoses rose again. “I was a failure as a drug dealer, a failure as an addict and a "
     "failure as a father,” he said.", []),
    ("Overdoses rose again. She described herself as “going from a hopeless dope addict to a "
     "dopeless hope addict.”", []),
    ("Overdoses rose again. He called himself an alcoholic in recovery.", []),
    # the same verbs said of other people keep the label
    ("Overdoses rose again. We are the parents of addicts.", ["addicts"]),
    ("Overdoses rose again. I see addicts in the emergency room every night.", ["addicts"]),
    ("Overdoses rose again. She is an addict, police said.", ["addict"]),
])
def test_a_label_a_person_gives_themselves_is_theirs(analyzer, text, flagged):
    assert [f.text for f in _hits(analyzer, text, "sud.person-label")] == flagged


@pytest.mark.parametrize("text, told", [
    # who the people were, not how they died
    ("After two student survivors of the mass shooting in Parkland, Fla., took their lives "
     "this month, officials searched for ways to help.", None),
    # a thing falling is no method act
    ("A light rain fell on the roof while the people gathered for moments of silence for "
     "the dead.", None),
    # the death's own "of"/"by" phrase still tells the method
    ("His death by gunshot was ruled a suicide.", "by gunshot"),
    ("The student died by suicide, jumping from the roof of the parking garage.",
     "jumping from the roof of the parking garage"),
    # where a death happened is the place; where the person was treated is not
    ("She died in her dorm room.", "in her dorm room"),
    ("He died two days later at the hospital.", None),
    # how a population dies is the statistic lethal-means work argues from
    ("According to the VA, 22 veterans commit suicide every day, many by using a gun.", None),
    ("We are seeing a tragic increase in the number of young people dying due to firearms.",
     None),
    # a count of particular deaths still tells their method
    ("Two students took their own lives this month by jumping from the parking garage.",
     "by jumping from the parking garage"),
])
def test_method_words_read_with_whom_and_what_they_are_said_of(analyzer, text, told):
    story = "The students took their own lives this year, their families said. " + text
    assert _method_told(analyzer, story, told)


def test_found_hanged_tells_a_suicide_without_the_word(analyzer):
    text = ("Police had received ten domestic violence reports about Mr Martin. His wife was "
            "killed in May. He was found hanged at the house in Shrewsbury Crescent a day later.")
    rules = {f.rule: f.text for f in analyzer.analyze(text, kind="campaign").findings}
    assert "hanged" in rules["suicide.method-detail"]
    assert "suicide.resource-missing" in rules
    # a picture hung on a wall is no death
    calm = "The portrait was found hanging on the wall of the old courthouse, the clerk said."
    assert not any(f.rule.startswith("suicide.") for f in analyzer.analyze(calm, kind="campaign").findings)


def test_a_job_title_written_as_a_name_is_a_name(analyzer):
    titled = ("Homelessness is rising. The sheriffs gave away every gun lock within 45 minutes, "
              "said KDVA Homeless Veterans Coordinator Trina Patty.")
    assert not _hits(analyzer, titled, "homelessness.label")
    # a name's head word in the plural
    programs = ("Homelessness is rising, said Karen McHenry, director of Homeless Youth Programs "
                "at Bellefaire JCB.")
    assert not _hits(analyzer, programs, "homelessness.label")
    plain = "Homelessness is rising. Homeless veterans wait months for housing, the coordinator said."
    assert [f.text for f in _hits(analyzer, plain, "homelessness.label")] == ["Homeless veterans"]


@pytest.mark.parametrize("text, told", [
    ("He jumped off the building at 4:30 am, police said.", "jumped off the building"),
    ("The student jumped off from the 7th floor of the campus building.",
     "jumped off from the 7th floor of the campus building"),
    # a jump or a fall that is not from a place or a height
    ("He jumped at the chance to coach the junior team.", None),
    ("Her grades fell from an A to a C that spring.", None),
])
def test_a_fall_from_a_place_in_a_suicide_story_is_the_method(analyzer, text, told):
    story = "A student took his own life on Monday, the university said. " + text
    assert _method_told(analyzer, story, told)


@pytest.mark.parametrize("text, told", [
    # the parser takes "committed" for an adjective on "suicide"
    ("A 22-year-old committed suicide by jumping from a building on the campus.",
     "by jumping from a building on the campus"),
    ("The 17-year-old committed suicide by hanging.", "by hanging"),
    # a suicide prevented names no death
    ("Barriers on the bridge prevent suicide by jumping.", None),
])
def test_the_means_of_a_misread_stated_suicide_is_method_detail(analyzer, text, told):
    assert _method_told(analyzer, text, told)


@pytest.mark.parametrize("text, told", [
    ("Police said a man appears to have stabbed his wife then himself.",
     "stabbed his wife then himself"),
    ("A man shot his wife and then himself, deputies said.", "shot his wife and then himself"),
    # the parser may take the reflexive for the subject of what follows: read from the words
    ("He took his own life. The man who shot his wife before fatally shooting his daughter "
     "and himself is the second this month.", "shooting his daughter and himself"),
    ("He took his own life. He brought his son and himself to the game.", None),
    # an emphatic "himself" is no act on oneself
    ("He fixed the car himself, deputies said.", None),
])
def test_an_act_on_another_and_then_on_oneself_opens_the_topic_and_is_the_method(
        analyzer, text, told):
    assert _method_told(analyzer, text, told)


@pytest.mark.parametrize("text, told", [
    ("A schoolgirl killed herself with antidepressants, an inquest heard.", "with antidepressants"),
    ("She took her own life with a shotgun, the coroner said.", "with a shotgun"),
    # company, a feeling or a manner is no means
    ("He killed himself with no warning, his brother said.", None),
    ("She took her own life with her family asleep upstairs, the coroner said.", None),
])
def test_what_a_stated_suicide_was_done_with_is_the_method(analyzer, text, told):
    assert _method_told(analyzer, text, told)


@pytest.mark.parametrize("text, told", [
    ("She removed her glasses and flung herself out of a window onto the tracks.",
     "flung herself"),
    ("He hurled himself from the bridge, police said.", "hurled himself from the bridge"),
    # thrown into a pursuit is a figure of speech
    ("After the loss he flung himself into his work.", None),
])
def test_flinging_oneself_in_a_suicide_story_is_the_method(analyzer, text, told):
    story = "A veteran died by suicide last year, her family said. " + text
    assert _method_told(analyzer, story, told)


def test_a_jump_from_a_bridge_tells_a_suicide_without_the_word(analyzer):
    text = ("State police were told a man jumped from the mid-span of the Newburgh-Beacon "
            "Bridge on Sunday. His body was found the next day.")
    report = analyzer.analyze(text, kind="campaign")
    assert "suicide" in report.message.gates
    told = [f.text for f in report.findings if f.rule == "suicide.method-detail"]
    assert len(told) == 1 and told[0].endswith("Newburgh-Beacon Bridge")


@pytest.mark.parametrize("text", [
    "The rate of firearm suicide among people ages 10-24 has increased 53% in a decade.",
    "About 7 out of 10 Veteran deaths by suicide result from firearm injuries.",
    "Most suicide deaths in the county involve firearms, the report said.",
])
def test_a_share_of_deaths_by_method_is_a_statistic(analyzer, text):
    story = text + " If you are struggling, call or text 988."
    assert _method_told(analyzer, story, None)
