"""The request model: who is asked to do what, how much, the burden it leaves.

The sentences are written in the shapes real letters use (request verbs instead
of modals, mandates with durations, needs stated by the sender's plan,
"should", modifiers in the way, bulleted asks); the model reads them from the
parse, so other words in the same shapes behave the same.
"""
from __future__ import annotations

import pytest
import yaml

import repo_paths
from framing.lexicon.requests_spec import load_requests
from framing.lexicon.schema import LexiconError
from framing.requests import requests_of


def model(analyzer, text, sector="education"):
    return requests_of(analyzer.analyze(text, sector=sector).message)


@pytest.mark.parametrize("text, who, reason", [
    ("We are asking your counselors to run our eight-week group and log who attends.",
     "your counselors", "takes hours or longer"),
    ("Please require every shift supervisor to sit our two-hour module.", "you",
     "asks all or every one of them"),
    ("The clinic's outreach plan needs your nurses to add our screening questions at every intake.",
     "your nurses", "repeats"),
    ("Your deacons should collect the pledge cards and send us a tally each month.",
     "Your deacons", "repeats"),
    ("Complete our brief exit questionnaire.", "you", "record-keeping"),
    ("All varsity and junior varsity coaches must complete the training.", "All varsity",
     "asks all or every one of them"),
    ("Members will be asked to attend a two-hour training each semester.", "Members", "repeats"),
    ("• Install screen savers on all computers in your clinic.", "you",
     "asks all or every one of them"),
    ("We would appreciate it if your district would adopt the program.", "your district",
     "an open-ended undertaking"),
    ("I expect each of you to preach on sexual assault during April.", "each",
     "asks all or every one of them"),
    ("Please plan a prevention Sunday, add the curriculum to your children's program and "
     "purchase the books for your church library.", "you", "several tasks"),
])
def test_new_work_for_the_partner_is_heavy(analyzer, text, who, reason):
    (request,) = model(analyzer, text).requests
    assert request.burden == "high", request
    assert request.who == who
    assert reason in request.reasons


@pytest.mark.parametrize("text, mode", [
    ("Could we borrow 20 minutes of your next staff meeting?", "permission"),
    ("I urge the board to keep this line in the budget.", "directive"),
    ("We would welcome the chance to brief your editorial team.", "permission"),
    ("We are hoping your board will vote yes on March 3.", "wish"),
    ("Would you be willing to share our flyer with families at the spring open house?", "question"),
    ("If your agency is weighing the protocol, we will walk your command staff through it "
     "in a single meeting.", "acceptance"),
])
def test_asks_in_other_shapes_are_specific_and_light(analyzer, text, mode):
    (request,) = model(analyzer, text).requests
    assert request.mode == mode
    assert request.specific
    assert request.burden in ("none", "low")


@pytest.mark.parametrize("text, mode, action", [
    # The parser reads the verb after a fronted phrase as a noun; its purpose is the ask.
    ("To book a workshop for your coaches, contact Jo Lee at 519-555-0100 by Friday.",
     "imperative", "book"),
    ("For arrangements, contact Jo Lee by Tuesday.", "information", "contact"),
    # A politeness wrapper: the ask is what it wraps.
    ("Please take a moment to see how you can become involved.", "information", "see"),
    ("I could write a short piece for your site. Would either be useful?", "acceptance", "I write"),
    # A clause of its own set off by a dash comes before the imperative.
    ("You can make a difference – take the pledge today.", "imperative", "take the pledge"),
    # An emphatic "do" before the verb ("Do" lists of a safe-reporting letter).
    ("– Do include stories of hope.", "imperative", "include stories of hope"),
])
def test_asks_the_parse_hides(analyzer, text, mode, action):
    requests = model(analyzer, text).requests
    assert [r.mode for r in requests] == [mode]
    assert requests[0].actions[0].startswith(action)


@pytest.mark.parametrize("text, who", [
    ("We urge Mayor George Heartwell to restore the shelter funding.", "Mayor George Heartwell"),
    # the same person named with the title before, or greeted, is the partner's
    ("We wrote to the Police and Crime Commissioner, Alison Hernandez, last week. We are "
     "calling on Alison Hernandez to fund the advocates.", "Alison Hernandez"),
    ("Dear Alison Hernandez,\n\nWe urge Ms. Hernandez to fund the advocates.", "Ms. Hernandez"),
])
def test_a_named_official_is_the_partner_asked(analyzer, text, who):
    found = model(analyzer, text, sector="government").requests
    assert [r.who for r in found] == [who]


@pytest.mark.parametrize("text, asked", [
    ("Commissioners should have a strategy to address domestic abuse in every hospital.", True),
    # a state the partner's people should be in asks nothing of them
    ("Patients should have a safe place to talk.", False),
])
def test_an_obligation_to_have_a_standing_arrangement_asks_for_it(analyzer, text, asked):
    found = model(analyzer, text, sector="healthcare").requests
    assert bool(found) is asked
    if asked:
        assert found[0].burden == "high"


@pytest.mark.parametrize("text, asked", [
    ("We are asking that all sign-ons be made by noon on Friday, February 25th.", True),
    ("We ask that funding for the shelter be restored.", True),
    # the sender writing to ask is the one asking
    ("We are writing to request that funding for the shelter be restored.", True),
    # someone else's wish, or a fact, asks the reader nothing
    ("She asked that her name be withheld.", False),
    ("We were told that the funding was restored.", False),
])
def test_a_demand_in_the_passive_asks_the_reader(analyzer, text, asked):
    assert bool(model(analyzer, text).requests) is asked


@pytest.mark.parametrize("text, who", [
    ("Your teachers need to log every visit.", "Your teachers"),
    # a duty told in the main clause of a letter is the community's, the reader's too
    ("We need to start prevention education early!", "We"),
])
def test_a_need_to_is_an_obligation_of_who_needs(analyzer, text, who):
    (request,) = model(analyzer, text).requests
    assert request.mode == "obligation" and request.who == who
    # a duty shared with the writer is a call, not a specific ask
    assert request.specific is (who != "We")


@pytest.mark.parametrize("text", [
    "You do not need to struggle in silence.",
    "Providers had to turn away thousands of women last winter.",
    "Imagine being told by your family that you have to leave home.",
])
def test_a_need_to_denied_past_or_imagined_asks_nothing(analyzer, text):
    assert model(analyzer, text).requests == []


@pytest.mark.parametrize("text, sector, who", [
    ("We call on every politician in the county to back the shelter budget.", "government",
     "every politician"),
])
def test_politicians_are_partners_asked(analyzer, text, sector, who):
    requests = model(analyzer, text, sector=sector).requests
    assert [r.who for r in requests] == [who]


def test_a_noun_before_the_verb_is_its_subject_not_a_fronted_phrase(analyzer):
    # the parser hangs "1 in 5 Americans" on "Every year": not an imperative
    text = "Every year 1 in 5 Americans struggle with a mental illness."
    assert model(analyzer, text, sector="government").requests == []
    (request,) = model(analyzer, "Every year, donate to the shelter drive.").requests
    assert request.mode == "imperative"


@pytest.mark.parametrize("text", [
    "I ask that you do everything in your power to make sure the shelter stays open.",
    "Please do whatever it takes to keep the hotline staffed.",
])
def test_an_ask_with_no_end_is_heavy(analyzer, text):
    (request,) = model(analyzer, text, sector="government").requests
    assert request.burden == "high" and "an open-ended undertaking" in request.reasons


def test_what_is_taken_on_is_the_object_not_a_noun_inside_it(analyzer):
    # "relationships" is what the curriculum is about, not a relationship to build
    (request,) = model(analyzer, "Incorporate curriculum on healthy relationships and "
                                 "dating abuse into the health education program.").requests
    assert request.burden == "high"
    (request,) = model(analyzer, "Host a table at the resource fair.").requests
    assert request.burden == "low"


@pytest.mark.parametrize("text, burden", [
    # training or workshops with no article or number are a standing service
    ("Provide appropriate training for your designated support staff.", "high"),
    ("Host workshops on dating abuse for your students.", "high"),
    # one event bounds the work, a word before it too
    ("Host a training on dating abuse for your students on May 5.", "low"),
    ("Host two workshops on dating abuse for your students.", "low"),
    ("Host a training session on dating abuse for your students.", "low"),
    # a gerund the parser takes for a noun before the object is the work begun
    ("Begin training counselors, nurses, and school resource officers in your school system.", "high"),
    # a standing arrangement under a gerund the parser reads as a preposition
    ("Please consider including a dating violence policy in your student handbook.", "high"),
])
def test_an_event_bounds_the_work_only_as_one_event(analyzer, text, burden):
    (request,) = model(analyzer, text).requests
    assert request.burden == burden, request


@pytest.mark.parametrize("text", [
    # what a verb of saying passes on is its content, not the size of the work
    "Remind them that victim advocates are required to keep all information confidential.",
    # a reciprocal is not everyone
    "Please keep an eye out for each other's well-being.",
    # a length of time before "after" is when, not how long
    "Remove the poster two weeks after posting.",
    # a clause telling what a thing does ("each session is tailored") sizes nothing
    "Each session is tailored to the host congregation, so your youth leaders may also speak.",
    # nor a reason given for the ask, nor a clause before a dash
    "Please share the flyer, because every parent deserves to know the signs.",
    "Your counselors already do so much for every student — fill in the form by May 4.",
])
def test_what_only_seems_to_size_the_work(analyzer, text):
    (request,) = model(analyzer, text).requests
    assert request.burden != "high" and not {"asks all or every one of them",
                                              "takes hours or longer"} & set(request.reasons), request


def test_a_clause_before_a_dash_is_neither_in_the_way_nor_the_work(analyzer):
    (request,) = model(analyzer, "Your teachers already do so much — join us for one hour on May 4.").requests
    assert request.mode == "imperative" and request.actions == ("join us",), request


@pytest.mark.parametrize("text", [
    # a colon's list says what the noun before it is; a semicolon's verb has its
    # subject left out
    "The plan has two goals: raise awareness and create a community plan.",
    "These workshops teach coping skills; enhance students' understanding of consent.",
    # "do" asking a question is no emphatic imperative
    "Do your counselors have a referral list?",
    # a dash after a clause about the sender or a thing opens what it announces
    "Our goal is simple – end youth homelessness in Clark County by 2030.",
    "Our volunteers do the hard part – staff the booth at every home game and hand out kits each week.",
])
def test_a_colon_list_a_subjectless_verb_or_a_question_is_no_imperative(analyzer, text):
    assert not [r for r in model(analyzer, text).requests if r.mode == "imperative"]


@pytest.mark.parametrize("text, action", [
    ("Before the second season, we suggest some safe practices to ensure that viewers get help.",
     "practice"),
    ("We propose a meeting in May to discuss next steps.", "meeting"),
])
def test_a_thing_put_forward_is_asked_of_the_reader_not_who_is_asked(analyzer, text, action):
    (request,) = model(analyzer, text, sector="media").requests
    assert request.mode == "directive" and request.who == "you", request
    assert request.actions[0].startswith(action)


@pytest.mark.parametrize("text, reason", [
    ("Please make sure that every teacher completes the module.", "asks all or every one of them"),
    # the clause after "check that" is the work itself
    ("Please check that the naloxone in each first aid kit is replaced every month.", "repeats"),
])
def test_a_clause_that_is_the_work_still_sizes_it(analyzer, text, reason):
    (request,) = model(analyzer, text).requests
    assert reason in request.reasons, request


@pytest.mark.parametrize("text, mode", [
    ("To request a school visit, go to our website.", "imperative"),
    ("To sign up your team, visit www.example.org.", "imperative"),
    # looking something up is information, not an ask
    ("To learn more about the program, visit www.example.org.", "information"),
])
def test_a_fronted_purpose_beyond_looking_up_is_the_ask(analyzer, text, mode):
    (request,) = model(analyzer, text).requests
    assert request.mode == mode


@pytest.mark.parametrize("text", [
    "Beginning of August: Order magnets and wristbands with the Lifeline number for every crew.",
    "Mid-August: Let employees know when the week is.",
])
def test_a_dated_step_of_a_timeline_is_an_ask(analyzer, text):
    (request,) = model(analyzer, text, sector="business").requests
    assert request.mode == "imperative"


def test_a_name_without_a_title_is_not_the_partner(analyzer):
    found = model(analyzer, "Dear Friends,\n\nWe urge Smith to restore it.", sector="government")
    assert found.requests == []


def test_a_blank_in_place_of_who_is_asked_never_makes_the_work_lighter(analyzer):
    # "every member" made the request heavy; a blank hides how many are asked, so the
    # work is weighed as if all of them were until it is filled
    named = model(analyzer, "We want every member to stand up and declare that abuse is wrong.")
    blank = model(analyzer, "We want [who on your team] to stand up and declare that abuse is wrong.")
    assert named.requests[0].burden == blank.requests[0].burden == "high"
    assert "blank" in blank.requests[0].reasons[0]


@pytest.mark.parametrize("text", [
    # a blank for several, whatever else it says, or one beside an action in words
    "We want [name of each youth leader] to stand up and declare that abuse is wrong.",
    "We want [one or more staff members] to stand up and declare that abuse is wrong.",
    "We want [who on your team] to stand up and (describe what you will declare).",
])
def test_a_blank_for_several_is_weighed_as_all(analyzer, text):
    request = model(analyzer, text).requests[0]
    assert request.burden == "high" and "blank" in request.reasons[0]


@pytest.mark.parametrize("text", [
    # a blank for one person
    "We want [contact person] to stand up and declare that abuse is wrong.",
    "We want [principal's name] to stand up and declare that abuse is wrong.",
    # a blank that holds the action too is an instruction to whoever fills the template
    "We want [who on your team] to (describe how you will declare that abuse is wrong).",
])
def test_a_blank_for_one_person_or_for_the_whole_ask_is_not_weighed_as_all(analyzer, text):
    for request in model(analyzer, text).requests:
        assert not any("blank" in reason for reason in request.reasons)


def test_a_template_blank_is_not_a_named_person(analyzer):
    (request,) = model(analyzer, "Can [who on your team] meet with us next week?").requests
    assert not request.who_named and not request.specific
    assert model(analyzer, "Can [who on your team] meet with us next week?").placeholders


@pytest.mark.parametrize("mark", ["[1]", "[12]", "[a]", "[sic]", "[...]", "[PDF]"])
def test_a_footnote_or_an_editors_mark_is_not_a_blank(analyzer, mark):
    text = f"Overdose deaths passed 100,000 this year.{mark} Can your staff meet with us next week?"
    assert model(analyzer, text).placeholders == []


def test_a_capital_letter_in_brackets_is_a_blank(analyzer):
    assert model(analyzer, "Dear [X], can your counselors meet with us next week?").placeholders


@pytest.mark.parametrize("text", [
    "Our volunteers will handle the mailing.",
    "We will bring the materials and run the session ourselves.",
])
def test_the_sender_taking_work_on_is_an_offer_not_a_request(analyzer, text):
    result = model(analyzer, text)
    assert not result.requests
    assert result.offers


@pytest.mark.parametrize("text", [
    "No teacher will be required to do anything new.",
    "She escaped and is now often called in to counsel co-workers.",
    "Last year we asked the principals to post the flyer.",
    "Break The Silence Sunday",
    "Students should feel safe at school.",
    # a clause with its own subject does not share the first clause's "should"
    "Patients should be safe, and when they are not, the district pays.",
])
def test_statements_stories_and_titles_ask_nothing(analyzer, text):
    assert not model(analyzer, text).requests


@pytest.mark.parametrize("text, mode", [
    ("Call or text 988 anytime day or night for immediate help.", "information"),
    ("Please call us at 555-1212 to schedule the assembly.", "imperative"),
    ("Call us for help planning the assembly.", "imperative"),
])
def test_a_crisis_line_for_the_readers_own_need_is_information(analyzer, text, mode):
    (request,) = model(analyzer, text).requests
    assert request.mode == mode


def test_pointing_to_information_is_asked_but_costs_nothing(analyzer):
    (request,) = model(analyzer, "For more information, visit our website.").requests
    assert request.mode == "information"
    assert request.burden == "none" and not request.specific


@pytest.mark.parametrize("text, mode", [
    # told where to look, as with "visit …"
    ("You can read the full letter at www.example.org.", "information"),
    ("You can access more information on these trainings at info@example.org.", "information"),
    # an invitation to act is still one, whatever the verb
    ("You can post the flyer in your break room.", "invitation"),
    ("Your teachers could read the two-minute safety script to students during homeroom on May 5.",
     "invitation"),
    ("Your officers can follow up with each victim within 48 hours of a domestic violence call.",
     "invitation"),
    ("You can read the two-minute script aloud at the start of each assembly in April.", "invitation"),
    ("To book a training for your staff, you can visit our website.", "invitation"),
    ("Your staff can access the online training and complete it by June 1.", "invitation"),
    # the place to look is the verb's own; a thing to do with it is an ask
    ("You can follow us on Instagram at @safehomes.", "information"),
    ("You can read more about the film at www.example.org/film.", "information"),
    ("If you are interested, you can watch the film with your eighth graders on May 5.", "invitation"),
    ("You can follow the new screening protocol at www.example.org/protocol with every student.",
     "invitation"),
])
def test_an_invitation_to_look_something_up_is_information(analyzer, text, mode):
    (request,) = model(analyzer, text).requests
    assert request.mode == mode
    assert (request.mode == "information") == (not request.specific)


@pytest.mark.parametrize("text", [
    "I am writing to invite you to the Overdose Awareness Day rally on Monday, August 31st.",
    "We respectfully request your continued support for the National Violent Death Reporting System.",
    "One ask: play the video at a team meeting this season.",
    "The first step is a one-hour call with whoever leads on domestic abuse in your organisation.",
])
def test_invitations_requests_for_support_labelled_asks_and_first_steps_are_asks(analyzer, text):
    (request,) = model(analyzer, text).requests
    assert request.specific


@pytest.mark.parametrize("text, asked", [
    ("We respectfully request a meeting with you in May.", "meeting"),
    ("The undersigned organizations request your leadership team’s attention on the following three questions:",
     "attention"),
    ("We seek a partnership with your district this fall.", "partnership"),
    ("We are writing to request a meeting with you.", "meeting"),
    # what the meeting is for is no other request
    ("We request a meeting with you to discuss the new policy.", "meeting"),
])
def test_a_thing_the_sender_asks_of_the_reader_is_a_request(analyzer, text, asked):
    (request,) = model(analyzer, text).requests
    assert request.mode == "directive" and request.actions[0].startswith(asked)


@pytest.mark.parametrize("text, action", [
    ("We request the opportunity to meet with you before the budget vote.", "meet"),
    ("We seek a chance to present at your next staff meeting.", "present"),
    ("I am writing to request the opportunity to meet with you.", "meet"),
    # the infinitive the parser hangs on the asking verb
    ("We request a few minutes to present at your next staff meeting.", "present"),
])
def test_the_chance_to_do_something_with_the_reader_asks_only_a_yes(analyzer, text, action):
    # read as "we would welcome the chance to brief your team" is: the sender does the
    # work, the reader says yes
    (request,) = model(analyzer, text).requests
    assert request.mode == "permission" and request.actions[0].startswith(action)
    assert request.specific and request.burden == "none"


@pytest.mark.parametrize("text", [
    "We request the opportunity to train your volunteers in naloxone use.",
    "We request the opportunity to collaborate with your staff on a year-long program.",
])
def test_the_chance_of_work_on_the_readers_people_is_not_a_mere_yes(analyzer, text):
    assert not [r for r in model(analyzer, text).requests if r.burden == "none"]


def test_a_meeting_asked_for_keeps_its_own_words_whatever_describes_it(analyzer):
    (request,) = model(analyzer, "We request a meeting with you scheduled for next week.").requests
    assert request.actions[0].startswith("meeting")


@pytest.mark.parametrize("text", [
    "We request a grant from the state for the shelter.",
    "We need a world where your children are safe.",
    # only a verb of asking asks for a thing: these tell what the sender expects or does
    "We expect a large turnout from your families at the October 12 parent night.",
    "We challenge the findings of your own audit.",
    # the chance to do the sender's own work: "for" says whom it is for, not that it is
    # done with the reader; and only a chance, not any thing asked for
    "We request the opportunity to expand our program.",
    "We seek the opportunity to advocate for your families at the state capitol.",
    "We seek the opportunity to raise funds for your shelter.",
    "We seek funding to expand services for your residents.",
])
def test_a_thing_asked_of_someone_else_asks_nothing_of_the_reader(analyzer, text):
    assert not model(analyzer, text).requests


@pytest.mark.parametrize("text", [
    "I am writing to urge you to address the critical issue of youth homelessness.",
    "Please promote awareness this April.",
    "You can help us convey these vital messages.",
])
def test_an_action_on_an_abstraction_is_not_a_specific_ask(analyzer, text):
    assert not any(r.specific for r in model(analyzer, text).requests)


def test_an_expectation_put_on_everyone_is_an_obligation(analyzer):
    (request,) = model(analyzer, "The center expects participating agencies to review all of "
                                 "their policies and procedures.").requests
    assert request.mode == "obligation" and request.burden == "high"


def test_a_letter_that_only_offers_leaves_an_offer_to_take_up(analyzer):
    result = model(analyzer, "October is Domestic Violence Awareness Month. I can send you a "
                             "short list of story ideas for your health coverage this week.",
                   sector="media")
    assert not result.requests and result.standing_offer is not None


@pytest.mark.parametrize("text", [
    "As educators, we all have an ethical responsibility to try new ways to prevent suicide.",
    "We must collectively respond with resources for survivors.",
    "You have a responsibility to report abuse.",
])
def test_a_duty_shared_with_the_reader_is_an_obligation_but_no_specific_ask(analyzer, text):
    (request,) = model(analyzer, text).requests
    assert request.mode == "obligation" and not request.specific


def test_what_the_sender_will_do_with_the_partners_work_is_no_offer(analyzer):
    result = model(analyzer, "Please let the office know what your school did, so that we "
                             "can include it in our annual report.")
    assert result.requests and not result.offers


def test_a_third_partys_work_is_not_the_partners(analyzer):
    (request,) = model(analyzer, "I hope you will encourage the governor to fund the "
                                 "shelter and expand the outreach team.").requests
    assert request.actions == ("encourage the governor",)


@pytest.mark.parametrize("text, who", [
    # a body named in the third person asks the reader when its object is "your …"
    ("The NH Council of Churches encourages your congregation to set aside time on Sunday "
     "for a sermon on overdose.", "your congregation"),
    ("We call on the bar industry to train every bartender in bystander skills.",
     "the bar industry"),
])
def test_a_call_to_the_reader_or_its_industry_is_a_request(analyzer, text, who):
    (request,) = model(analyzer, text, sector="faith").requests
    assert request.who == who


def test_a_sum_asked_of_an_appropriator_bounds_the_undertaking(analyzer):
    (request,) = model(analyzer, "We strongly urge you to provide $13 million in full funding "
                                 "for the health programs.", sector="government").requests
    assert request.burden == "low" and "$13 million" in request.amount
    (open_ended,) = model(analyzer, "We urge you to provide counseling services to every "
                                    "student.").requests
    assert open_ended.burden == "high"
    # ... also given with a preposition ("the request for $12 million"), not a sum
    # only talked about ("hold off on the $40 million")
    (request,) = model(analyzer, "We call upon Congress to fully fund the President's request "
                                 "for $12 million in Fiscal Year 2016.", sector="government").requests
    assert request.burden == "low" and "$12 million" in request.amount
    (talked_of,) = model(analyzer, "We urge you to hold off on the $40 million in tax cuts and "
                                   "instead fund our shelters.", sector="government").requests
    assert talked_of.burden == "high"
    (cut,) = model(analyzer, "We urge you to reject the governor's proposed cut of $40 million "
                             "and instead fund our shelters.", sector="government").requests
    assert cut.burden == "high"


def test_the_undersigned_are_the_sender_and_their_request_is_asked(analyzer):
    result = model(analyzer, "The undersigned organizations respectfully request your continued "
                             "support for the program.", sector="government")
    assert [r.who for r in result.requests] == ["your continued support"]


def test_a_do_and_do_not_list_in_a_media_guide_asks_the_reader(analyzer):
    result = model(analyzer, "We offer you these guidelines for life-promoting stories.\nDo:\n"
                             "- Always include a crisis contact at the end of the article.\n"
                             "Do not:\n- Avoid dramatic headlines declaring a “suicide epidemic.”\n"
                             "- Avoid showing images of the site or method.", sector="media")
    asked = [r.text.lstrip("- ") for r in result.requests]
    assert asked == ["Always include a crisis contact at the end of the article.",
                     "Avoid dramatic headlines declaring a “suicide epidemic.”",
                     "Avoid showing images of the site or method."]
    # the way each story is written is no task that comes round again
    assert result.requests[0].burden == "low"


def test_a_sentence_with_its_verb_after_it_is_not_an_imperative(analyzer):
    assert not model(analyzer, "On your Nov. 26 front page are stories of two teachers.",
                     sector="media").requests


@pytest.mark.parametrize("text, who", [
    ("We reiterate our urgent request that the Ministry of Health provide immediate funding "
     "for supervised consumption sites.", "the Ministry"),
    ("Our recommendation is that your district adopt the policy.", "your district"),
    # someone else's request is reported, not made ...
    ("Her request is that the officers leave.", None),
    # ... unless it is of the partner itself, and the sender joins it
    ("We would like to echo the council's request that your board adopt the policy.",
     "your board"),
    # someone else's request of the partner, only reported
    ("Last spring your office denied the tenants' request that you repair the heating.", None),
])
def test_an_ask_named_as_a_noun_with_its_clause_is_a_request(analyzer, text, who):
    found = [r.who for r in model(analyzer, text, sector="government").requests]
    assert found == ([who] if who else [])


def test_joining_anothers_request_of_the_partner_asks_its_action(analyzer):
    (request,) = model(analyzer, "I would like to add my support to FAIR's request that you "
                                 "air two public service announcements during the game.",
                       sector="media").requests
    assert request.mode == "directive" and request.actions[0].startswith("air ")


def test_the_partner_asking_a_third_party_is_still_reported_not_asked(analyzer):
    assert not model(analyzer, "The council asked the governor to fund the shelter.").requests


@pytest.mark.parametrize("text", [
    "Just as we look out for safety on the job, we need to look out for each other.",
    "Together we will overcome this.",
    "We have all faced hard seasons.",
    "On this day, we pray for healing.",
])
def test_an_inclusive_we_is_neither_talk_about_the_sender_nor_an_offer(analyzer, text):
    result = model(analyzer, text, sector="labor")
    assert not result.sender_centred and not result.offers


def test_an_unmarked_we_with_its_own_troubles_is_still_the_sender(analyzer):
    assert model(analyzer, "We face a funding shortfall this year.", sector="labor").sender_centred


def test_sender_centred_sentences_are_noted(analyzer):
    text = ("Our coalition celebrates its 25th anniversary this year. "
            "The Alliance is proud to have created the national standard. "
            "We know your staff are stretched.")
    noted = [m.text for m in model(analyzer, text).sender_centred]
    assert len(noted) == 2 and "We know" not in " ".join(noted)


def test_requests_are_reported_with_the_scores(analyzer):
    report = analyzer.analyze("Could we borrow 20 minutes of your next staff meeting?",
                              sector="education")
    assert report.scores["requests"]["requests"][0]["mode"] == "permission"
    assert report.scores["ask"]["present"] and "how much" in report.scores["ask"]["bounds"]


def test_requests_yaml_is_loaded_strictly(tmp_path):
    data = yaml.safe_load((repo_paths.LEXICONS / "requests.yaml").read_text(encoding="utf-8"))
    path = tmp_path / "requests.yaml"
    spec = load_requests(path, dict(data))
    assert "urge" in spec.directives and spec.when.search("by Friday")
    missing = {k: v for k, v in data.items() if k != "directives"}
    with pytest.raises(LexiconError, match="directives"):
        load_requests(path, missing)
    with pytest.raises(LexiconError, match=r"light_actions\[0\]"):
        load_requests(path, {**data, "light_actions": ["Meet"] + data["light_actions"]})
    with pytest.raises(LexiconError, match="when"):
        load_requests(path, {**data, "when": ["(unclosed"]})


def test_an_abbreviation_does_not_end_the_ask(analyzer):
    """"ext." once ended the sentence, and "Call … before a name" read as part of the name:
    the ask to schedule a program was lost."""
    text = ("You don't have to do this alone. Call Victims Resource Center's Education "
            "Department at 570-823-0766, ext. 213 to schedule a program for your team.")
    assert [t.text for t in analyzer.parse([text])[0] if t.text.lower().startswith("ext")] == ["ext."]
    model = requests_of(analyzer.analyze(text, sector="youth-serving").message)
    (ask,) = model.requests
    assert ask.specific and "how to answer" in ask.bounds and ask.text.startswith("Call")


def test_an_opening_verb_read_as_part_of_a_name_is_still_an_ask(analyzer):
    text = "Contact Jane Doe at the Lincoln County Coalition to book a workshop for your staff."
    model = requests_of(analyzer.analyze(text, sector="education").message)
    assert model.requests, "the ask to book a workshop was not read"


def test_the_best_ask_is_the_small_first_step_beside_a_large_undertaking(analyzer):
    result = model(analyzer, "We invite your agency to adopt the protocol. As a first step, please "
                             "join a 30-minute call with our staff on May 3.",
                   sector="law-enforcement")
    assert any(r.burden == "high" for r in result.requests)
    assert result.best_ask.burden != "high"


@pytest.mark.parametrize("text", [
    "Our association urges every tenant to attend the council hearing on Tuesday.",
    "We urge each renter in the building to attend the council hearing on Tuesday.",
])
def test_a_role_named_in_the_singular_is_the_partners_people(analyzer, text):
    # The packs list "tenants" and "renters"; "every tenant" names the same people.
    requests = model(analyzer, text, sector="tenants").requests
    assert [r.mode for r in requests] == ["directive"]
    assert "asks all or every one of them" in requests[0].reasons


def test_a_role_word_that_only_modifies_names_no_one(analyzer):
    # "teen" in "teen dating violence" is not the youth sector's teens
    text = "Our coalition works to end teen dating violence."
    assert [m.why for m in model(analyzer, text).sender_centred] == ["about the sender"]


def test_the_option_set_aside_is_not_asked(analyzer):
    requests = model(analyzer, "The county can join an existing program rather than build one "
                               "of its own.", sector="government").requests
    assert len(requests) == 1 and requests[0].burden != "high"
    assert requests[0].actions == ("join an existing program",)


def test_the_best_ask_is_one_bounded_in_time_before_one_that_only_names_who():
    from framing.request_model import Request, RequestModel

    def ask(start, bounds):
        return Request(start, start + 10, "x", "directive", "you", True, ("meet",), (), "none",
                       (), True, bounds)
    named = ask(0, ("who", "what"))
    dated = ask(20, ("when",))
    assert RequestModel([named, dated]).best_ask is dated


@pytest.mark.parametrize("item", [
    "Display our hotline card at every register.",
    "Enforce the age-check policy.",
    "Discuss dating abuse with your advisory group.",
    # a run of verbs whose first the model read as a noun
    "Explore, use and share the Libraries Lab (below)",
])
def test_a_list_item_opening_with_a_misread_verb_asks_like_its_siblings(analyzer, item):
    text = ("Here is how your store can help:\n"
            "· Train your cashiers to ask for identification.\n"
            f"· {item}\n"
            "· Invite our staff to your next team meeting.\n")
    requests = model(analyzer, text, "business").requests
    line = text.index(item)
    assert any(r.start <= line < r.end and r.mode == "imperative" for r in requests)


@pytest.mark.parametrize("text", [
    # a list of things on offer, not asks: no sibling is read as an imperative
    "What we bring:\n· Support groups for parents\n· Training sessions for staff\n",
    # a finite verb at the item's root tells
    "Our results:\n· Survey responses rose by a third.\n· Staff reported fewer incidents.\n",
])
def test_list_items_that_name_things_or_tell_ask_nothing(analyzer, text):
    assert not model(analyzer, text, "business").requests


def test_a_list_item_that_names_a_run_of_things_asks_nothing(analyzer):
    text = ("Here is how your store can help:\n"
            "· Train your cashiers to ask for identification.\n"
            "· Hope, help and healing for families\n"
            "· Invite our staff to your next team meeting.\n")
    requests = model(analyzer, text, "business").requests
    line = text.index("Hope,")
    assert not any(r.start <= line < r.end for r in requests)


@pytest.mark.parametrize("text", [
    "Second, Share the fact sheet with your staff.",
    "You can call out jokes that blame victims.",
    "The undersigned groups are writing to request that HUD reissue the notice.",
    "I suggest that the district include the crisis line on its website.",
])
def test_asks_in_more_shapes(analyzer, text):
    assert model(analyzer, text).requests


@pytest.mark.parametrize("text", [
    "Research suggests that schools adopt such programs when parents ask for them.",
    "We want to thank the Rotary Club for its help last year.",
])
def test_a_finding_reported_or_thanks_given_is_no_ask(analyzer, text):
    assert not model(analyzer, text).requests


@pytest.mark.parametrize("text, mode", [
    # a request verb asking for the partner's own support
    ("With the holidays near, we are seeking your support for our gift drive.", "directive"),
    # an invitation with "may" or "could"
    ("You may spread the word by sharing the flyer with your members.", "invitation"),
    ("You could even consider lighting one candle for each family served.", "invitation"),
    # a suggestion put as a question
    ("Why not get started this October?", "imperative"),
    # an obligation in the passive with no one named asks whoever the letter is to
    ("Therefore, these categories of victims must be added to the transfer plan.", "demand"),
    # a mandative clause after an importance noun
    ("It is an ethical imperative that each dollar of the settlement be spent on treatment.",
     "importance"),
])
def test_asks_put_as_permission_suggestion_or_demand(analyzer, text, mode):
    requests = model(analyzer, "Thank you for your work. " + text).requests
    assert [r.mode for r in requests] == [mode]


@pytest.mark.parametrize("text", [
    # a passive obligation in a clause that explains, or with its doer named
    "Trust is a key word and the relationship should be based on understanding.",
    "The plan must be approved by the state board before June.",
    # "could" and "may" on states and facts ask nothing
    "You could lose your job without this policy.",
    # a clause that states what is, not what must be
    "It is important that the county funds treatment already.",
])
def test_statements_shaped_like_those_asks_ask_nothing(analyzer, text):
    requests = model(analyzer, "Thank you for your work. " + text, sector="government").requests
    assert not [r for r in requests if r.mode in ("demand", "invitation", "importance")
                and "county" not in r.who]


def test_spread_the_word_names_no_word(analyzer):
    """"spread the word about …" talks about no word: the sentence is read, not set
    aside as a mention, so its ask is found and its labels are checked."""
    assert model(analyzer, "Thank you. Please spread the word to your members.").requests
    findings = analyzer.analyze("Overdose deaths rose again. Get the word out to addicts near you.",
                                kind="campaign").findings
    assert any(f.rule == "sud.person-label" for f in findings)


def test_an_acronym_in_a_name_on_an_advice_page_is_no_example(analyzer):
    text = ("Coaches should learn the warning signs of abuse. Writers should avoid saying a "
            "child was FONDLED. The SUNY Youth Sports Institute challenges coaches to name a "
            "safety coordinator. Coaches should report abuse, and writers should name it.")
    requests = model(analyzer, text, sector="youth-serving").requests
    assert any("SUNY" in r.text for r in requests)


@pytest.mark.parametrize("text, burden", [
    ("If you will act as a host site, please indicate that.", "high"),
    ("Would your league serve as our pilot site?", "high"),
    ("Please act now.", "low"),
])
def test_taking_on_a_role_is_an_undertaking(analyzer, text, burden):
    requests = model(analyzer, "Thank you for your work. " + text).requests
    assert [r.burden for r in requests] == [burden]


@pytest.mark.parametrize("text, mode", [
    ("Use Workplace Safety Month as an opportunity to talk to your employer about safety.",
     "imperative"),
    ("Download the Prevention Institute's Making the Connection Toolkit for your staff.",
     "information"),
])
def test_a_sentence_whose_opening_verb_was_read_into_a_name_is_still_an_instruction(
        analyzer, text, mode):
    assert [r.mode for r in model(analyzer, text, "business").requests] == [mode]


@pytest.mark.parametrize("text", [
    "Support Groups Available Now",                      # a heading, not a sentence
    "Safe Harbor Shelter Programs and Services in 2024.",  # no verb opens it
])
def test_a_heading_or_a_name_is_no_instruction(analyzer, text):
    assert not model(analyzer, text, "business").requests


@pytest.mark.parametrize("text, burden", [
    # a standing arrangement taken on with an everyday verb is open-ended new work
    ("We're calling on all companies to have a domestic abuse policy.", "high"),
    ("Please put a protocol in place for your staff.", "high"),
    # reading the sender's plan is not
    ("We invite your team to review our plan.", "none"),
])
def test_a_standing_arrangement_is_an_undertaking_whatever_the_verb(analyzer, text, burden):
    assert [r.burden for r in model(analyzer, text, "business").requests] == [burden]


@pytest.mark.parametrize("text, burden", [
    # the work begun, helped or done as the means is what the partner takes on
    ("Help reduce fatal overdoses by starting a take-home naloxone program today.", "high"),
    ("Please begin training your nurses to screen for domestic violence.", "high"),
    ("Work with the services in your community to ensure students have access to them.", "high"),
    # an outcome of the partner's own to change, with no size or end
    ("Increase protective factors for the young people in your care.", "high"),
    # the work of someone the partner asks is theirs, not the partner's
    ("Ask your state senator to sponsor the bill.", "low"),
    # a verb with a subject of its own tells what something does, not their work
    ("Your clinic can help change that: learning the warning signs of abuse significantly "
     "reduces the risk that a patient will be harmed.", "low"),
    # a small means after "by" is the work; the sender's outcome or a thing to care
    # about is not the partner's to change
    ("Help reduce overdose deaths by keeping naloxone in your first-aid kit.", "low"),
    ("Would your counselors help improve our survey by reviewing five questions?", "low"),
    ("Join us on May 5 to help reduce stigma around mental health.", "none"),
])
def test_the_work_a_vague_or_helping_verb_carries_is_the_undertaking(analyzer, text, burden):
    assert [r.burden for r in model(analyzer, text, "healthcare").requests] == [burden]


@pytest.mark.parametrize("text, sector, asked", [
    ("It is time for every school board to adopt a suicide prevention policy.", "education",
     ["adopt a suicide prevention policy"]),
    ("Now is the time for employers to put a domestic abuse policy in place.", "business",
     ["put a domestic abuse policy"]),
    ("It's time to act.", "government", ["act"]),
    # told, the sender's own, or a time described
    ("It was time for the council to hear from survivors, she said.", "government", []),
    ("It is time for us to celebrate our volunteers.", "business", []),
    ("It's time for Washington to fully fund school counselors.", "education", []),
    ("It's not time for employers to give up on prevention.", "business", []),
    ("It will soon be time for students to choose their classes.", "education", []),
    ("This is the time when families gather.", "faith", []),
])
def test_the_hour_named_for_someone_to_act_asks_them(analyzer, text, sector, asked):
    found = model(analyzer, text, sector).requests
    assert [a for r in found for a in r.actions] == asked



def test_should_become_trained_asks_what_should_be_trained_asks(analyzer):
    asked = [model(analyzer, f"Librarians should {verb} trained in giving naloxone.",
                   "public-resources").requests for verb in ("be", "become")]
    assert [[r.mode for r in found] for found in asked] == [["obligation"], ["obligation"]]
    assert not model(analyzer, "Librarians should become familiar with the law.",
                     "public-resources").requests


@pytest.mark.parametrize("text", [
    "On behalf of our coalition, we would like to thank Mayor Markley and the City Council "
    "for proclaiming September as Suicide Prevention Month.",
    "Today, ahead of the awards ceremony, I wish to thank you sincerely for all your hard work.",
    "While we wish to express our appreciation for the government's leadership in introducing "
    "the guidance, it is not enough.",
    "We would like to extend our thanks to your staff.",
])
def test_thanks_wished_ask_nothing(analyzer, text):
    assert model(analyzer, text, sector="government").requests == []


@pytest.mark.parametrize("text", [
    "Please consider including a dating violence curriculum in every middle school.",
    "We ask that you include a bullying prevention policy in the student handbook.",
])
def test_a_curriculum_or_policy_included_is_a_standing_undertaking(analyzer, text):
    [request] = model(analyzer, text).requests
    assert request.burden == "high"


@pytest.mark.parametrize("text, action", [
    ("We recommend signing up for our monthly webinars.", "sign"),
    ("To further complement this kit, we recommend signing up for our monthly webinars, "
     "which go into greater detail.", "sign"),
    ("We suggest starting with a short staff meeting.", "start"),
])
def test_a_recommended_gerund_asks_the_reader(analyzer, text, action):
    [request] = model(analyzer, text).requests
    assert request.actions[0].startswith(action)
    assert request.who == "you"


def test_a_finding_that_suggests_a_gerund_asks_nothing(analyzer):
    assert model(analyzer, "Research suggests adding recess improves focus.").requests == []


@pytest.mark.parametrize("text", [
    "We need you to take action immediately to protect these funds.",
    "We urge you to take still more steps to create true safer supply.",
])
def test_taking_action_or_steps_is_no_specific_ask(analyzer, text):
    [request] = model(analyzer, text, sector="government").requests
    assert not request.specific


def test_bulleted_asks_under_headings_whose_verbs_read_as_names(analyzer):
    # After a title-case heading the model reads "Implement" and "Mandate" as names;
    # a finite verb inside the asked clause does not make the sentence a statement.
    text = ("Four Actions School Boards Can Take\n\n"
            "- End Dress Code Policies\n"
            "Implement updated dress code policies and protocols with students to ensure "
            "that learning environments are equitable at every school board.\n\n"
            "- Collaborate With Community Organizations\n"
            "Mandate that each school has in place collaboration agreements with local "
            "rape crisis centers, to provide education to the schools.\n")
    found = {text[r.start:r.end].split()[0] for r in model(analyzer, text).requests}
    assert {"Implement", "Mandate"} <= found


def test_a_heading_over_a_statement_asks_nothing(analyzer):
    text = ("- Support Groups\n"
            "Support groups meet weekly at the library so that survivors are never alone.\n")
    assert model(analyzer, text).requests == []


@pytest.mark.parametrize("text", [
    "But behind that call is a silent plea: Help me. Believe me. Protect me.",
    "Want to know more about how to support the campaign?",
    "Need some inspiration for your posts?",
])
def test_a_plea_in_someone_elses_voice_or_an_elided_question_asks_nothing(analyzer, text):
    assert model(analyzer, text, sector="labor").requests == []


@pytest.mark.parametrize("text", ["Call me.", "Join me."])
def test_a_way_to_answer_or_take_part_with_me_is_still_an_ask(analyzer, text):
    assert len(model(analyzer, text, sector="labor").requests) == 1


def test_a_sectors_own_people_are_invited_like_the_general_roles(analyzer):
    text = "Faith communities can publish the flyer in their bulletins or on their websites."
    [request] = model(analyzer, text, sector="faith").requests
    assert request.mode == "invitation"


@pytest.mark.parametrize("text, who", [
    ("Coaches, administrators and officials are welcome to attend the free training.", "Coaches"),
    ("You are welcome to bring your whole team to the vigil on Friday.", "You"),
    ("Retailers can sign up for the campaign and download the template policies.", "Retailers"),
])
def test_an_invitation_told_with_welcome_or_to_the_partners_kind_is_a_request(analyzer, text, who):
    [request] = model(analyzer, text, sector="business").requests
    assert request.mode == "invitation" and request.who == who


@pytest.mark.parametrize("text, asks", [
    # an imperative the tagger read as a present, joined to another
    ("Thank the volunteers and invite them to the vigil on Friday.", 1),
    # a good wish asks nothing, but what is joined to it may
    ("Thank you so much and have a great week!", 0),
    ("Enjoy your holiday.", 0),
    ("Have a safe and happy holiday season!", 0),
    # ... a "by" phrase says what to do
    ("Stay healthy this winter by getting your flu shot at the school clinic.", 1),
])
def test_thanks_and_good_wishes_ask_nothing_but_what_is_joined_to_them_may(analyzer, text, asks):
    assert len(model(analyzer, text, sector="education").requests) == asks


def test_what_is_joined_to_a_good_wish_is_the_ask(analyzer):
    (request,) = model(analyzer, "Stay safe and share the flyer with your staff.",
                       sector="education").requests
    assert [a.split()[0] for a in request.actions] == ["share"]


@pytest.mark.parametrize("text, asks", [
    ("Get trained on how to reverse an overdose and carry naloxone.", 1),
    ("• Get certified in Mental Health First Aid this spring.", 1),
    # told of someone, not asked
    ("Staff get trained every year.", 0),
])
def test_a_passive_with_get_that_opens_the_clause_is_an_imperative(analyzer, text, asks):
    found = [r for r in model(analyzer, text, sector="healthcare").requests if r.mode == "imperative"]
    assert len(found) == asks, found


@pytest.mark.parametrize("text, asks", [
    ("As a neighbour, you may hear what sounds like someone being assaulted or screaming.", 0),
    ("You may worry what may happen to you if your neighbour finds out.", 0),
    # with "can" or "could" the same verb may invite
    ("You can hear survivors speak at our luncheon on May 5.", 1),
    ("At our luncheon on May 5 you could hear survivors speak about their recovery.", 1),
])
def test_what_may_cross_the_readers_mind_or_ears_is_no_invitation(analyzer, text, asks):
    assert len(model(analyzer, text, sector="tenants").requests) == asks


def test_a_welcome_to_everyone_or_to_the_sender_asks_nothing(analyzer):
    for text in ("Everyone is welcome at the vigil.", "We are welcome to present at the meeting."):
        assert model(analyzer, text, sector="business").requests == []


def test_an_imperative_the_parser_gives_an_agent_is_still_concrete(analyzer):
    """"Come by the TENAC table": the parser reads "by" as a passive's agent."""
    (request,) = model(analyzer, "Come by the TENAC table on Saturday.").requests
    assert request.specific


def test_a_name_the_letter_presents_itself_by_is_the_sender_later(analyzer):
    text = ("The Riverside Faith Communities Task Force is proud to announce its campaign for a "
            "day of prayer. In collaboration with leaders in faith and business, the Task Force has "
            "organized this campaign to coincide with World Suicide Prevention Day.")
    centred = [m.text for m in model(analyzer, text).sender_centred]
    assert len(centred) == 2 and centred[1].startswith("In collaboration")
    # ... but not a name that only won or received something, nor a place after "of"
    won = ("The Herald won the state press association's top award last year. The Herald has "
           "reported on 14 domestic homicides since 2019.")
    assert len(model(analyzer, won).sender_centred) == 1
    place = ("Hope Alliance of Greenville is proud to announce its new program. Greenville lost "
             "four young people to suicide last year.")
    assert len(model(analyzer, place).sender_centred) == 1
    # ... and its promise to the reader is an offer, not its record
    promise = text.split(". In")[0] + ". The Task Force will send you the prayer guide by May 1."
    assert len(model(analyzer, promise).sender_centred) == 1


@pytest.mark.parametrize("text", [
    "Reduce risk factors for the youth you serve.",
    "Ensure people who self-harm get the support they need.",
])
def test_a_result_asked_for_names_no_action(analyzer, text):
    (request,) = model(analyzer, text, sector="public-health").requests
    assert not request.specific, request


def test_list_items_that_complete_someone_elses_lead_in_ask_nothing(analyzer):
    text = ("Dear Principal Ortiz,\n\nThe campaign aims to:\n\n"
            "• Raise awareness of our helpline;\n\n"
            "• Equip teachers with suicide prevention skills;\n\n"
            "• Encourage take-up of our training.\n\n"
            "Please share the guide with your staff this term.\n\nSincerely,\nDana Reyes")
    asked = [r.text for r in model(analyzer, text).requests]
    assert asked == ["Please share the guide with your staff this term."], asked


@pytest.mark.parametrize("question", [
    "When should you ask?",
    "Should you do anything else?",
    "How do you stay at work when you need to travel an hour to a free washing machine?",
])
def test_a_question_about_a_duty_is_not_the_duty_asked(analyzer, question):
    text = f"Dear Ms. Okafor,\n\n{question}\n\nAsk at intake, and call us with questions."
    asked = [r.text for r in model(analyzer, text).requests if r.mode == "obligation"]
    assert asked == [], asked


def test_what_the_reader_may_have_done_is_no_invitation(analyzer):
    text = ("Dear Chief Ramos,\n\nMembers of your community have told you their views on this "
            "matter, and you, too, may have expressed your own. You can join our forum on May 5.")
    asked = [r.text for r in model(analyzer, text).requests if r.mode == "invitation"]
    assert asked == ["You can join our forum on May 5."], asked


def test_a_role_of_the_senders_own_is_not_invited(analyzer):
    text = ("Brothers and sisters,\n\nSuicide rates in construction are high. Our union can make "
            "a difference. Your local can host a toolbox talk this month.")
    asked = [r.text for r in model(analyzer, text, sector="labor").requests
             if r.mode == "invitation"]
    assert asked == ["Your local can host a toolbox talk this month."], asked


@pytest.mark.parametrize("text, who", [
    ("We want to see your school adopt the policy.", "your school"),
    ("We want to see key decision makers like yourself support bullying education.",
     "key decision makers"),
    ("We hope to see funding for suicide prevention continue to increase.", None),
])
def test_what_the_sender_wants_to_see_the_partner_do_is_asked(analyzer, text, who):
    found = [r.who for r in model(analyzer, text, sector="education").requests]
    assert found == ([who] if who else []), found


def test_an_opening_imperative_the_parser_hung_on_a_later_clause_is_asked(analyzer):
    text = ("Put up brochures and posters in your facilities indicating victims can come for "
            "immediate safety.")
    found = [r.mode for r in model(analyzer, text, sector="faith").requests]
    assert found == ["imperative"], found


def test_a_duty_told_beside_a_question_is_still_the_duty(analyzer):
    text = ("All staff must complete the module by May 1, so could you share the link with "
            "them this week?")
    modes = {r.mode for r in model(analyzer, text, sector="education").requests}
    assert "obligation" in modes, modes


# The asks a text makes, by family: the sentences read as asks, whatever their frames.
ASKED = [
    # a directive in a clause of time tells a situation; the sentence's own ask stays
    ("It is important to be aware that there may be times when you are asked to support a "
     "member who is experiencing domestic abuse.", "labor", set()),
    ("When you are asked to speak at a meeting, bring our fact sheet.", "labor",
     {"When you are asked to speak at a meeting, bring our fact sheet."}),
    ("You are asked to complete the survey by Friday.", "labor",
     {"You are asked to complete the survey by Friday."}),
    # a how or what clause is a topic, not an invitation
    ("The training covers:\n"
     "• How you can recognise and respond to employees who may be showing signs of "
     "domestic violence\n"
     "• How you can refer employees to appropriate supports.\n\n"
     "What you can do\n\nYou can host a lunch talk in May.", "business",
     {"You can host a lunch talk in May."}),
    # what a law requires is told, not asked
    ("The Act requires employers to provide up to ten days' paid leave for employees "
     "experiencing domestic violence. We ask your company to put a policy in place by June.",
     "business", {"We ask your company to put a policy in place by June."}),
    # a list item opening on a verb and its preposition is an instruction; a heading
    # opening on a noun and a preposition is not
    ("Here is how your club can help:\n\n"
     "  • Invest in Kids: the county's early-childhood coalition\n"
     "  • Partner with the local domestic violence program this season.\n"
     "  • Support for survivors of abuse\n"
     "  • Share our flyer with your coaches by May 1.", "youth-serving",
     {"Partner with the local domestic violence program this season.",
      "Share our flyer with your coaches by May 1."}),
    # what a training does, in the third person the tagger took for a base form, asks
    # nothing; a base form ending in "s" is still an imperative
    ("The training:\n"
     "  - Provides participants with the skills to offer initial assistance\n"
     "  - Emphasizes the importance of recovery and resiliency\n\n"
     "Discuss the plan with your staff by May 1.", "public-resources",
     {"Discuss the plan with your staff by May 1."}),
    # honouring the reader asks nothing
    ("I would like to congratulate the council on its new Violence Against Women and Girls "
     "Plan. I would also like to know how the council will fund the outreach service.",
     "government", {"I would also like to know how the council will fund the outreach service."}),
]


@pytest.mark.parametrize("text, sector, asked", ASKED)
def test_the_asks_a_text_makes(analyzer, text, sector, asked):
    # (a list item's text keeps its marker or not as the sentences fall: not at issue)
    found = {r.text.lstrip("•-* ") for r in model(analyzer, text, sector=sector).requests}
    assert found == asked, found


# How many asks a sentence makes, by family (each its sector's letter).
ASK_COUNTS = [
    # a blank after "call on" whose "who" the parser takes for the next verb's subject
    ("We therefore call on [who on your team] to urge the general secretaries of all "
     "affiliates to lead the campaign.", "labor", 1),
    # a subject inside a template blank heads its clause, whatever its own words parse as
    ("Unions and union [who on your team] can implement strategies to work towards "
     "eliminating violence against women.", "labor", 1),
    # a directive that describes someone asks nothing
    ("The community members who often need your support the most are people who use drugs.",
     "faith", 0),
    ("We urge your support for AB 1017, which requires law enforcement agencies to report "
     "the number of untested kits.", "faith", 1),
    ("Survivors need your help this winter.", "faith", 1),
    # thanks told in the present ask nothing
    ("We appreciate your support and your work in helping us raise awareness.",
     "government", 0),
    ("We appreciate you all throughout the year.", "government", 0),
    ("We would appreciate your support for the bill.", "government", 1),
    ("We welcome your suggestions for new tools.", "government", 1),
    # the sender asking everyone asks whoever reads
    ("I encourage everyone to visit the exhibit and share this information with your members.",
     "media", 1),
    ("As the lockdown ends, we want to remind everyone that they are not alone.", "media", 0),
    # a polite conditional ask, an invitation after a fronted "when", a curly "we'd"
    ("If you could encourage your members to sign the pledge by May 1, that would be "
     "wonderful.", "labor", 1),
    ("When you are ready, you can book a free assembly for your students on our website.",
     "labor", 1),
    ("We\u2019d appreciate your support for the bill.", "labor", 1),
    # the sender's own resolution asks; its people are invited, its body is not
    ("The attached resolution, adopted by our coalition, urges every school board in the "
     "county to adopt a suicide prevention policy by June.", "labor", 1),
    ("Our members can sign the pledge card at any chapter meeting this month.", "labor", 1),
    # how they would fare, an aside, and praise told as an imperative
    ("We want to see you succeed this season.", "labor", 0),
    ("Trust me, your students will love this assembly.", "labor", 0),
    ("Please congratulate your students who took part in the walk.", "labor", 1),
    # a question of how asks no leave; something offered to the partner asks none either
    ("How can we prevent suicide?", "labor", 0),
    ("Can we meet with your stewards next week?", "labor", 1),
    ("When can we meet with your stewards to go over the plan?", "labor", 1),
    ("How can we schedule a time to meet with your stewards?", "labor", 1),
    ("We would like to offer you our assistance.", "faith", 0),
    ("We would like to present to your board in March.", "faith", 1),
    ("We would like to give you a call next week to set up a meeting.", "faith", 1),
    ("We would like to send your youth leaders a short survey before the training.",
     "faith", 1),
    ("We would like to offer you our assistance and meet with your staff in April.",
     "faith", 1),
    # a duty weighed in an indirect question is discussed, not asked
    ("There has been a lot of debate about naloxone in libraries: whether or not librarians "
     "should administer it to patrons.", "public-resources", 0),
    ("Our coalition has debated whether schools should train every teacher.", "education", 0),
    # ... but not one the writer says is no longer in question
    ("The question is no longer whether schools should train staff; it is how soon.",
     "education", 1),
]


@pytest.mark.parametrize("text, sector, asked", ASK_COUNTS)
def test_how_many_asks_a_sentence_makes(analyzer, text, sector, asked):
    found = {r.text for r in model(analyzer, text, sector=sector).requests}
    assert len(found) == asked, found


def test_a_lead_in_the_parser_runs_into_its_first_item_still_decides_it(analyzer):
    # "It is our aim to:" and the first bullet read as one sentence
    text = ("Dear Ms. Okafor,\n\nWe have launched a new employer campaign, The Purple Pledge.  "
            "It is our aim to:\n\n\n  • Support every company in the county to have a robust "
            "domestic abuse policy in place.\n  • Support every company to train one champion.\n\n"
            "Please sign the pledge by May 1.\n\nSincerely,\nDana Reyes")
    asked = [r.text for r in model(analyzer, text).requests if r.mode == "imperative"]
    assert asked == ["Please sign the pledge by May 1."], asked


def test_list_items_under_the_partners_own_lead_in_are_asks(analyzer):
    text = ("Dear Principal Ortiz,\n\nThis fall your school can:\n\n"
            "• Post our flyer in every hallway;\n\n"
            "• Share the guide with your staff.\n\nSincerely,\nDana Reyes")
    asked = [r for r in model(analyzer, text).requests if r.mode == "imperative"]
    assert len(asked) == 2, asked


@pytest.mark.parametrize("text, burden", [
    # a length under "for" is how long, whatever time follows it
    ("Please staff our table for four hours from 10 am to 2 pm on Saturday.", "high"),
    # a mandate passed on to the partner's own people is still theirs
    ("Please tell your teachers that they must complete the two-hour training every semester.", "high"),
    # a day bounds a training as one event
    ("Would you be willing to host naloxone training for your staff on May 5?", "low"),
])
def test_sizes_and_mandates_that_stay(analyzer, text, burden):
    requests = model(analyzer, text).requests
    assert requests and requests[0].burden == burden, requests


@pytest.mark.parametrize("lead_in, asks", [
    ("We need partners to:", 2),
    ("Together, we can:", 2),
    ("With your support, we will:", 0),
    ("Our coalition will:", 0),
    # a verb that only describes a noun is no wish of the sender's
    ("Awareness Month is a time-honored tradition with activities designed to:", 0),
    ("Awareness Month is a tradition honored by schools, with activities designed to:", 0),
    # the outcomes of a course, whoever attains them, and the sender's own aim
    ("Upon completion of this course, health-care providers will be able to:", 0),
    ("You will learn how to:", 0),
    ("It is our aim to:", 0),
    # support received to do the work: the items are the work asked
    ("Schools in the programme will receive guidance and support from us to:", 2),
    # the sender's offer told as ways
    ("We are here to support your school's suicide prevention work in the following ways:", 0),
    # what learners do in a session, told by its time; the partner's own doing is asked
    ("During day one students will:", 0),
    ("During the awareness week, your school can:", 2),
    ("During the awareness week, your students will:", 2),
    # an outcome word away from the colon, and ways for the reader
    ("To help your students learn about healthy relationships, your school can:", 2),
    ("Schools that are able to take part this year can:", 2),
    ("Here are three simple ways:", 2),
    # what a course or a meeting covers: its content; a policy that should hold the
    # items asks for them
    ("Our free three-day course runs in March. It will cover the following:", 0),
    ("The 90 minute training will cover the following learning objectives:", 0),
    ("Meeting topics include:", 0),
    ("Your safety plan should include the following:", 2),
    # ... and a lead-in that itself asks, what the partner adopts, or "it" for no course
    ("We ask that the curriculum include:", 2),
    ("Becoming a Safe Haven school is simple. The program includes:", 2),
    ("We invite your school to sign our partnership agreement. It will cover the following:", 2),
    # what someone else may do is no ask; what the partner could do is
    ("If the survivor has a joint mortgage with the abuser, the abuser might:", 0),
    ("This fall your school could:", 2),
    # a partner who harms is no partner of the campaign: the items are warning signs
    ("An abusive partner might:", 0),
    ("A controlling partner may:", 0),
    ("Partners in the campaign can:", 2),
])
def test_who_a_lead_in_names_decides_its_items(analyzer, lead_in, asks):
    text = (f"Dear Principal Ortiz,\n\n{lead_in}\n\n"
            "• Host a lunch talk for your staff;\n\n"
            "• Share the guide with your teachers.\n\nSincerely,\nDana Reyes")
    found = [r for r in model(analyzer, text).requests if r.mode == "imperative"]
    assert len(found) == asks, found
