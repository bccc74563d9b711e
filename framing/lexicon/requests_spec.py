"""Loading ``lexicons/requests.yaml``: the words the request model reads a letter's asks with.

Lemma lists (modals, directive and wish verbs, light and vague actions) are
matched against the parse; the keys marked as patterns are regular expressions
run on the plain form of a sentence. :mod:`framing.requests` applies them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..typography import PlainPattern
from .schema import Checker

WORD_LISTS = ("directives", "wishes", "wish_adjectives", "obligations", "presumptions",
              "importance", "question_modals", "willing", "light_actions", "vague_actions",
              "universal", "recurrence", "time_units", "long_units", "offer_verbs", "rhetorical",
              "states", "partner_roles", "paperwork", "invitations", "main_clause_invitations",
              "info_actions",
              "answer_actions", "offer_modals", "served", "outcomes", "offer_pronouns",
              "perspective", "contact_actions", "undertakings", "events",
              "self_presentation", "mandate_words", "light_objects",
              "undertaking_nouns", "sender_blank_words", "reflective_verbs", "mind_verbs",
              "politeness_nouns",
              "politeness_words", "fronting_words", "record_nouns", "existing_work",
              "quantifiers", "inclusive_markers", "shared_experience", "abstract_objects",
              "calendar_words", "ask_nouns", "obligating_verbs",
              "duty_nouns", "law_words", "speaker_directives", "thing_directives", "role_verbs",
              "request_nouns", "standing_objects", "standing_verbs", "official_titles", "courtesies",
              "welcome_words", "asking_for", "self_announcing", "info_nouns", "moment_nouns",
              "outcome_verbs", "phase_verbs", "saying_verbs", "time_points",
              "result_verbs", "lead_in_words", "lead_in_partners", "lead_in_outcomes",
              "aim_nouns", "lead_in_learners", "sender_bodies", "honour_verbs",
              "one_person_blank_words", "many_blank_words", "reader_time_nouns",
              "reader_time_verbs", "giving_verbs", "content_verbs", "content_holders", "harm_modifiers")
# Lists of two-word phrases, a verb and the preposition or particle it takes
# ("partner with", "team up").
PHRASE_LISTS = ("prepositional_verbs",)
PATTERN_LISTS = ("universal_phrases", "offer_phrases", "sender_centred", "placeholders",
                 "when", "how", "info_cues", "inclusive_cues", "law_numbers", "open_ended",
                 "well_wishes")


@dataclass(frozen=True)
class RequestSpec:
    """Compiled ``requests.yaml``: lemma sets and patterns."""

    words: dict[str, frozenset[str]]
    patterns: dict[str, PlainPattern]
    many_sessions: int
    many_tasks: int
    lemma_fixes: dict[str, str]

    def __post_init__(self) -> None:
        # Each list is also an attribute (``spec.directives``): read in the request
        # model's inner loops, a plain attribute is the cheapest lookup.
        for name, value in {**self.words, **self.patterns}.items():
            object.__setattr__(self, name, value)


def load_requests(path: Path, raw: Any) -> RequestSpec:
    """Validate and compile ``requests.yaml``'s parsed content (errors name the file and key)."""
    check = Checker(path)
    required = {"sources": check.list_of(check.source), "many_sessions": check.integer,
                "many_tasks": check.integer,
                "lemma_fixes": lambda v, k: check.mapping(v, k, {}, {w: check.text for w in v}
                                                          if isinstance(v, dict) else {})}
    required.update({name: check.texts for name in WORD_LISTS + PHRASE_LISTS})
    required.update({name: check.regexes for name in PATTERN_LISTS})
    data = check.mapping(raw, "", required)
    for name in WORD_LISTS:
        for index, word in enumerate(data[name]):
            if word != word.lower() or " " in word.strip():
                raise check.fail(f"{name}[{index}]", f"expected one lower-case lemma, got {word!r}")
    for name in PHRASE_LISTS:
        for index, phrase in enumerate(data[name]):
            if phrase != phrase.lower() or len(phrase.split()) != 2:
                raise check.fail(f"{name}[{index}]",
                                 f"expected a lower-case verb and its preposition or particle, "
                                 f"got {phrase!r}")
    return RequestSpec(
        words={**{name: frozenset(data[name]) for name in WORD_LISTS},
               **{name: frozenset(" ".join(p.split()) for p in data[name]) for name in PHRASE_LISTS}},
        patterns={name: PlainPattern(re.compile("|".join(f"(?:{p})" for p in data[name]),
                                                re.IGNORECASE))
                  for name in PATTERN_LISTS},
        many_sessions=data["many_sessions"],
        many_tasks=data["many_tasks"],
        lemma_fixes={word.lower(): lemma.lower() for word, lemma in data["lemma_fixes"].items()},
    )
