"""The kinds of check a rule can use, and the options each kind accepts.

This is the contract between ``lexicons/`` (data) and ``framing/checks``
(code): a rule names its ``kind`` and may only use that kind's options.
Option types: ``regexes``, ``texts``, ``integer``, ``number``, ``boolean``,
``choice:a|b``, ``regex_map`` (name -> list of regexes).
"""
from __future__ import annotations

from ..constants import MESSAGE_KINDS

# kind -> (required options, optional options)
KIND_OPTIONS: dict[str, tuple[dict[str, str], dict[str, str]]] = {
    # A pattern found in the text, with context handling (topic gates,
    # quotations, use versus mention, names, negation, co-occurrence).
    "term": ({"patterns": "regexes"}, {
        "exclude": "regexes",          # suppress when the sentence matches one
        "exclude_within": "regexes",   # suppress a match inside one (an offence's name in law)
        "near": "regexes",             # require one of these nearby ...
        "window": "integer",           # ... within this many tokens (default 12)
        "pos": "texts",                # matched head token must have one of these POS
        # A noun match has one of these dependency roles ("pobj of": after "of"): an
        # alarm claimed of what the sentence is about ("the epidemic is spreading", "in
        # the midst of an opioid epidemic"), not a crisis named in passing ("a debate
        # about the heroin epidemic"). An adjective or a verb always passes.
        "roles": "texts",
        # Drop a match in what a belief named as one holds: the clause "that" opens after
        # one of these nouns ("the notion that somehow they asked for it").
        "beliefs": "texts",
        "unless_sentence": "regexes",  # suppress when the sentence matches one
        "unless_document": "regexes",  # suppress when the document matches one
        "first_sentences": "integer",  # only in the first N sentences
        "min_count": "integer",        # fire only when matched at least N times
        "once": "boolean",             # one finding per message, at the first strongest match (a format, a repetition)
        "quotes": "choice:downgrade|suppress|ignore",
        "attributed": "choice:downgrade|ignore",  # a paraphrase of a source ("according to")
        "mentions": "choice:suppress|ignore",
        "names": "choice:suppress|ignore",
        "negated": "choice:ignore|suppress|only",
        "counted": "choice:ignore|suppress",  # a category counted in a statistic
        # An adjective before the noun it describes ("the homeless team", "the homeless
        # outreach workers"), not the adjective used as a noun for people.
        "attributive": "choice:ignore|suppress",
        # A verb of change ("soared") or its participle ("soaring rates") counts only
        # when what changes is about one of these (a pronoun or no subject counts) ...
        "changing": "regexes",
        "measures": "texts",           # ... or is a bare measure ("rates have soared")
        # The match is said of the one who does one of these acts in the sentence
        # ("the man who shot his wife was a good man"), not of someone else.
        "doers": "texts",
        "charged": "texts",            # ... or the one held to the act ("pleads guilty to abuse")
        "accused": "texts",            # drop a match naming the one arrested or charged
                                       # ("arrested a 17-year-old man"): verbs' lemmas
        # The matched verb or state is said of one of these ("the girl was at the home
        # drinking"): its subject, through the verbs it completes.
        "done_by": "texts",
        # ... and not of one of these ("the abuse eventually became physical": abuse
        # that grew worse, not a quarrel between two).
        "not_done_by": "texts",
        # The people the match counts undergo it (a passive, or one of these verbs:
        # "1 in 3 teens experience abuse"): a rate of harm suffered, so a suggestion.
        "undergone": "texts",
        "undergone_states": "texts",   # ... or what weighs on them after "be" ("under pressure")
        # A label a person gives themselves through one of these verbs ("I am a
        # recovering addict", "described herself as an addict"): theirs to use.
        "self_verbs": "texts",
        # Words another person asks through one of these verbs ("the defence questioned
        # what she was wearing"): their question, reported.
        "asked_by": "texts",
        "boundary": "boolean",         # wrap patterns in word boundaries (default true)
        "case_sensitive": "boolean",
    }),
    # A document-level element that must be present (help line, data source).
    "required": ({"patterns": "regexes"}, {
        "min_words": "integer",        # skip snippets shorter than this
        "first_sentences": "integer",  # the element must appear in the opening sentences
        "accept_local": "boolean",     # the organization's own resources (org.yaml) and help
                                       # lines stated in other words (resources.yaml) count too
        "trigger": "regexes",          # only when the text matches one (a problem statistic)
        "trigger_doers": "boolean",    # ... and the people it counts do something (parse)
        "undergone": "texts",          # ... not these verbs said of them ("experience")
        "undergone_states": "texts",   # ... nor only under one of these ("were under pressure")
        "generic_people": "texts",     # ... nor a group of these wholly defined by a clause
                                       # ("most people who exploit the elderly")
    }),
    # Passive voice found in the dependency parse.
    "passive": ({}, {
        "subjects": "texts",           # lemmas of the passive subject, or PERSON/PRON
        "verbs": "texts",              # lemmas of the participle
        "exclude_verbs": "texts",
        "agentless": "boolean",        # only when no "by ..." agent is given
        "statistics": "choice:ignore|suppress",  # counted or generic statements ("three women are killed a day")
        "self_report_verbs": "texts",  # "they told police they were strangled": the person harmed speaking
        "self_report_nouns": "texts",  # "by their own account"
        "verdicts": "texts",           # an inquest's conclusion: "she was unlawfully killed" ...
        "verdict_cues": "texts",       # ... in a sentence that tells the ruling (lemmas)
        "other_agents": "texts",       # a "by" agent that is no abuser: "shot by police"
        "accidents": "texts",          # "killed in a crash": an accident, told as one
        "quotes": "choice:downgrade|suppress",  # a passive inside quotation marks
        "quote_speakers": "texts",     # with suppress: who may say it in their own words (mother)
        "official_speakers": "texts",  # ... and whose quote is the authorities' account (police)
        "relatives": "texts",          # someone's relative telling of her or him: no self-report
    }),
    # Obligations and new tasks put on the partner without a stated benefit.
    # Heavy requests, read from the request model (lexicons/requests.yaml).
    "burden": ({}, {
        "targets": "texts",            # nouns for the partner's people (the offer rewrite)
        "benefits": "regexes",         # a benefit in the same or next sentence softens it
    }),
    # Too much of one kind of word against another (e.g. we/our versus you/your).
    "ratio": ({"numerator": "regexes", "denominator": "regexes", "max_ratio": "number"}, {
        "min_numerator": "integer",
    }),
    # A specific ask: a request with role, time and resources.
    "ask": ({"verbs": "texts", "bounds": "regex_map"}, {
        "request_cues": "regexes",
        "min_bounds": "integer",
        "min_words": "integer",        # skip snippets shorter than this (default 25)
    }),
    # Sector- and profile-driven checks; their vocabulary lives in sector packs.
    "sector_lead": ({}, {"sentences": "integer"}),
    "sector_swap": ({}, {}),
    "sector_scope": ({}, {}),
    "sender_language": ({"terms": "texts"}, {"max_share": "number", "min_hits": "integer"}),
    "profile_avoid": ({}, {}),
    # The partner's calendar: a dated window near or around the day of checking.
    "timing": ({"date_kinds": "texts"}, {
        "before_days": "integer",      # fire this many days before the date (or less)
        "during": "boolean",           # fire while today is between date and end
        "patterns": "regexes",         # fire only where one of these appears (span = match)
        "unless_document": "regexes",  # do not fire when the message already covers it
    }),
    # The ask against the partner's Community Readiness stage (1-9).
    "readiness": ({"asks": "regex_map", "fits": "stage_map", "stage_labels": "texts"}, {}),
    # Readability and length thresholds.
    "metric": ({"metric": "choice:sentence_words|paragraph_words|avg_sentence_words|"
                          "fk_grade|smog", "max": "number"}, {
        "min_words": "integer",
        # a document score above this belongs to a stricter rule (one finding per text,
        # not a warning and an error for the same grade)
        "up_to": "number",
    }),
    # Abbreviations not spelled out at first use, or too many of them.
    "abbreviation": ({}, {"exempt": "texts", "max_count": "integer"}),
    # Nominalizations hiding the verb ("conduct an evaluation of").
    "hidden_verb": ({"verbs": "texts", "suffixes": "texts"}, {"exclude": "texts"}),
    # Something described (a partner killing) but never called by its name (domestic violence).
    "unnamed": ({"patterns": "regexes", "names": "regexes"}, {}),
    # An act in consenting-adult words ("had sex with") where a party cannot consent (a minor).
    "party": ({"patterns": "regexes", "parties": "regexes"}, {
        "pairs": "regexes",            # look for two people instead: words for two ("the couple")
        "exclude_preps": "texts",      # the act word in another sense ("fought for the law")
        "exclude_deps": "texts",       # ... or with these dependents ("argued that": ccomp)
        "couples": "regexes",          # words for a couple, whose quarrel over something
        "couple_preps": "texts",       # (these prepositions) is still theirs ("argued about a bill")
        "continues": "boolean",        # after one finding, the act told again of the same two
        "names_person": "boolean",     # the act word is a word for the person ("prostitutes")
        "again": "regexes",            # words that are the act only when told again ("the
                                       # relationship"), with ``continues``
        "exclude_within": "regexes",   # a match inside one of these (an offence's statutory name)
        "joint_parties": "regexes",    # an act first told of "they" or "their …" counts when the
                                       # sentence or the one before names one of these (a minor)
    }),
    # Violence explained by the abuser's anger, stress, drinking or money troubles.
    "motive": ({"verbs": "texts", "links": "texts", "motives": "regexes"}, {
        "victim_reasons": "texts",     # links of a clause giving what the harmed person did
        "timing_links": "texts",       # words of time ("after", "when") read as links too:
                                       # the doer's own state, no time between ...
        "victim_triggers": "regexes",  # ... or what the harmed person did that is told as
                                       # what set him off ("after she said she was leaving")
        "time_spans": "texts",         # words for a length of time before the link ("weeks
                                       # after"): a time between, which dates the act
        "light_verbs": "texts",        # verbs whose object names the act ("carried out the attack")
        "states": "texts",             # verbs of a state followed by the act ("became enraged and hit her")
        "state_motives": "regexes",    # the motives such a state may hold (anger, not drink)
    }),
    # How or where someone died, tied to the death by the parse (suicide reporting).
    "method_detail": ({"methods": "regexes"}, {
        "means": "regexes",            # means that may be other deaths (pills): only with a stated suicide
        "places": "regexes",           # where it happened: only with a stated suicide
        "inherent": "regexes",         # words that describe a method on their own (noose)
        "events": "regexes",           # the act itself (gunshot): also right after a stated suicide
        "by_means": "regexes",         # "by" and a verb: how a stated suicide was done ("by drinking")
        "agents": "regexes",           # what struck the person (a train), in a suicide story
        "vehicles": "regexes",         # stepping in front of one (a car, a lorry), in a suicide story
        "paths": "texts",              # "in front of", "into the path of": where the vehicle comes
        "response_verbs": "texts",     # "deputies responded to the fields": where the person died
        "instruments": "regexes",      # what the act is done with (gun, rope, poison): in a
                                       # suicide story, in the hands of a person too
        "deaths": "texts",             # lemmas naming a death (die, body)
        "suicides": "texts",           # lemmas naming a suicide
        "self_verbs": "texts",         # verbs naming a suicide with a reflexive or "own life" object
        "method_verbs": "texts",       # verbs that are a method (hang, shoot, jump)
        "person_verbs": "texts",       # method verbs that tell a death with only a person subject
        "phrasal_particles": "texts",  # words after a person verb that make it phrasal ("hang around")
        "ingest_verbs": "texts",       # swallowing something (drink, consume, overdose): the
                                       # substance is the means when the parse ties it to a
                                       # stated suicide ("after consuming a poisonous substance")
        "dose_verbs": "texts",         # ... and taking one, only of `means` or `instruments`
        "not_ingested": "texts",       # what is drunk or eaten day to day ("drank coffee")
        "against_verbs": "texts",      # measures against suicide ("prevent suicides at the
                                       # bridge"): the issue, no death, so no method or place
        "accident_words": "texts",     # a death told as an accident ("ruled accidental")
        "denial_verbs": "texts",       # a suicide only disbelieved or ruled out states none
        "drop_verbs": "texts",         # a fall (jump, leap) from a place or a height, in a
        "drop_preps": "texts",         # suicide story: "he jumped off the building"
        "not_means": "texts",          # what a stated suicide's "with" phrase names that is no
                                       # means ("with his family nearby", "with grief")
        "people": "texts",             # nouns for people (subjects, objects of a homicide)
        "titles": "texts",             # titles before a name ("Mr Freeman"): the name is a person's
        "homicide_verbs": "texts",     # verbs that, done to another person, tell a homicide
        "harm_results": "texts",       # ... of which a passive with no one doing it tells a
                                       # harm, no killing ("she was injured")
        "harm_causes": "texts",        # ... unless its sentence names an attack or a fatal blow
        "finding_verbs": "texts",      # verbs of coming upon a person ("found", "observed")
        "found_verbs": "texts",        # ... of which a place says where the dead were found
        "custody": "texts",            # places of custody: a death there is the institution's
        "care_places": "texts",        # places of care: "died at the hospital" is where treated
        # How a population dies is a statistic, not a method: a death said of "many" or
        # "most" people (`population`), of "the number/rate of" them (`statistics`), or
        # "every day" (`periods`).
        "population": "texts",
        "statistics": "texts",
        "periods": "texts",
        "weapons": "texts",            # what is turned on oneself ("turned the gun on himself")
        "topic_preps": "texts",        # "talking about guns": an instrument as a topic, not held
        "pursuits": "texts",           # "threw himself into his work": a figure, not a method
        "wounds": "texts",             # wound nouns: "a self-inflicted gunshot wound" is the method
        "place_preps": "texts",        # "hanged himself from a tree in the garden": where it was done
        "times": "texts",              # days and months: "on Sunday", "in June" tell when, not where
        "exclude": "regexes",          # sentences about safe storage and lethal means
        "homicide_cues": "regexes",    # a sentence naming a murder-suicide: its place is a crime scene
    }),
}

# Gates every document can have besides the topic gates in topics.yaml.
# ``reporting`` (a news report: dateline, byline or sources speaking) and ``advice``
# (a guideline page advising writers) come from framing.structure, as do ``procedure``,
# ``proclamation`` and ``policy``; ``general`` (a text that tells no case) is read on
# demand by the message (``Message.has_gate``).
BUILTIN_GATES = (*MESSAGE_KINDS, "sector", "norms-campaign", "reporting", "advice", "procedure",
                 "proclamation", "policy", "general")

# What a rule's ``rewrite`` key may say: how framing.rewrite turns its findings into
# rewrites. Chosen by this key in the rule's data, never by the rule's id, so renaming
# a rule keeps its rewrite.
REWRITES: dict[str, str] = {
    "sector-swap": "rename the sender's own program in the sector's words, naming the priority it serves",
    "avoid-word": "swap a word the partner profile asks to avoid",
    "plain-word": "swap a plain-language word: function words made automatically, content words offered",
    "plain-word-offered": "swap a plain-language phrase whose plain word fits only some of the "
                          "words it attaches to (\"with regard to\" -> \"about\"): always offered",
    "obligation-to-offer": "offer that the sender take the partner's task on (a suggestion)",
    "lead-with-priority": "offer to move the letter's own priority sentence to the opening",
    "advice": "no rewrite: the suggestions are advice to the writer, not words to put in place",
}

# What a rule's ``campaign`` key may say: the part a rule plays in the campaign-level
# checks (campaigns/piece_checks.py), chosen by this key and never by rule id.
CAMPAIGN_ROLES: dict[str, str] = {
    "majority-norm": "its patterns find a social-norms piece's majority-norm claim",
    "norm-source": "its patterns find where the norm's number comes from",
    "help-resource": "it flags a missing help resource (the campaign check then stays quiet)",
}
