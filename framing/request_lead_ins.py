"""Lists under a lead-in: whose doing the items tell.

A list's items complete its lead-in's clause. Under "The campaign aims to:" or "With
your support, we will:", "• Raise awareness of our helpline" tells what the campaign or
the sender does; under "We need partners to:" or "This fall your school can:" the same
items ask the partner. The request model reads each item as an imperative; this module
drops the ones whose lead-in belongs to someone else (``lexicons/requests.yaml``:
``lead_in_words``, ``lead_in_partners``), and the ones under a lead-in that says what a
course or a meeting covers ("It will cover the following:": ``content_verbs``,
``content_holders``).
"""
from __future__ import annotations

import bisect

from spacy.tokens import Span, Token

from .lexicon.requests_spec import RequestSpec
from .list_items import list_runs
from .message import Message
from .request_frames import RequestReader
from .request_model import RequestModel
from .request_parts import is_inclusive_we, lemma_of


# "… in the following ways:", the one lead-in ending in "ways" that tells whose doing
# its items are ("We are here to support your school in the following ways:").
WAYS_LEAD_IN = ["in", "the", "following"]
# Roles of a verb that only describes a noun ("a time-honored tradition").
DESCRIBING = frozenset({"amod", "compound", "acl"})
# How many words before a lead-in's colon may name the outcomes it lists ("will be able
# to:", "You will learn how to:", "It is our aim to:").
OUTCOME_REACH = 5


def drop_completed_lead_ins(model: RequestModel, msg: Message, spec: RequestSpec,
                            reader: RequestReader, sentences: list[Span]) -> None:
    """Drop the imperatives of list items that complete a lead-in of someone else's:
    under "The campaign aims to:" or "Our coalition will:", "Raise awareness of the
    helpline" tells what the campaign does, not what the partner is asked to do."""
    runs = list_runs(msg.text, sentences[0].start_char, sentences[-1].end_char) if sentences else []
    ends = [s.end_char for s in sentences]
    for run in runs:
        words = _lead_in_words(sentences, ends, run[0])
        if words is None or len(words) < 3 or words[-1].text != ":":
            continue
        if content_lead_in(words, spec, reader):
            _drop_imperatives(model, msg.text, run)
            continue
        if words[-2].lower_ not in spec.lead_in_words:
            continue
        if words[-2].lower_ == "ways" and [t.lower_ for t in words[-5:-2]] != WAYS_LEAD_IN:
            continue  # "Here are three simple ways:" lists ways for the reader
        if not lead_in_of_another(words, spec, reader):
            continue
        _drop_imperatives(model, msg.text, run)


def _drop_imperatives(model: RequestModel, text: str, run: list[int]) -> None:
    """Drop the imperatives read in a list's items (``run``: where each item starts)."""
    first, last = run[0], text.find("\n", run[-1])
    last = len(text) if last < 0 else last
    model.requests = [r for r in model.requests
                      if not (r.mode == "imperative" and first <= r.end and r.start <= last)]


def content_lead_in(words: list[Token], spec: RequestSpec, reader: RequestReader) -> bool:
    """Whether a lead-in says what a course, a session or a meeting covers ("It will cover
    the following:", "Meeting topics include:"): its items are the content, not asks.
    The lead-in's own main verb is one of ``content_verbs``, told as what will be or is
    (not "should include", nor a bare "We ask that the curriculum include:"), its
    subject a course or an event (``content_holders``, ``events``), or "it" right after a
    sentence that names one; nothing in the subject is the partner's ("Your school's
    curriculum will include:" asks)."""
    if _asks(words, spec):
        return False
    verb = next((t for t in words if t.dep_ == "ROOT"), None)
    if (verb is None or verb.pos_ not in ("VERB", "AUX")
            or lemma_of(verb, spec) not in spec.content_verbs):
        return False
    auxiliaries = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    if any(a != "will" for a in auxiliaries) or (verb.tag_ == "VB" and not auxiliaries):
        return False  # "should include", and a bare subjunctive: "that the plan include:"
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or any(reader.party(t).theirs for t in subject.subtree
                              if t.pos_ in ("NOUN", "PROPN", "PRON")):
        return False
    if subject.lower_ == "it":
        return _names_a_holder(subject, spec)
    lemma = lemma_of(subject, spec)
    return lemma in spec.content_holders or lemma in spec.events


def _names_a_holder(pronoun: Token, spec: RequestSpec) -> bool:
    """Whether the sentence before ``pronoun``'s names a course or an event as its subject
    or object ("The three-day course will be provided by a trainer. It will cover the
    following:"), so that "it" is the course, not a partnership agreement or a pledge."""
    start = pronoun.sent.start
    if start == 0:
        return False
    before = pronoun.doc[start - 1].sent
    return any(t.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and (
        lemma_of(t, spec) in spec.content_holders or lemma_of(t, spec) in spec.events)
        for t in before)


def _harmful(word: Token, spec: RequestSpec) -> bool:
    """Whether a word for a partner names someone who harms ("An abusive partner might:",
    "a controlling partner may:", ``harm_modifiers``): an intimate partner, whose doings
    the items list as warning signs, not a partner of the campaign."""
    return any(c.dep_ in ("amod", "compound") and (
        c.lower_ in spec.harm_modifiers or lemma_of(c, spec) in spec.harm_modifiers)
        for c in word.children)


def _asks(words: list[Token], spec: RequestSpec, skip: frozenset[str] = frozenset()) -> bool:
    """Whether a lead-in asks or wishes ("We need partners to:", "We ask that the
    curriculum include:"), by a directive or wish verb not in one of ``skip``'s roles."""
    return any((lemma_of(t, spec) in spec.directives or lemma_of(t, spec) in spec.wishes)
               for t in words if t.pos_ in ("VERB", "AUX") and t.dep_ not in skip)


def _lead_in_words(sentences: list[Span], ends: list[int], start: int) -> list[Token] | None:
    """The words of the lead-in before a list that begins at ``start``: the sentence
    before the first item (its marker may open a sentence of its own), or, when the
    parser ran the lead-in and the first item into one sentence ("It is our aim to:
    • Support every company…"), that sentence's words before the item."""
    index = bisect.bisect_right(ends, start)
    if index < len(sentences) and sentences[index].start_char < start:
        before = [t for t in sentences[index] if t.idx < start and not t.is_space]
        if any(t.is_alpha for t in before):
            return before
    index -= 1
    # the item's own sentence (its marker may open it), or a marker alone
    while index >= 0 and (sentences[index].end_char > start
                          or not any(t.is_alpha for t in sentences[index])):
        index -= 1
    return [t for t in sentences[index] if not t.is_space] if index >= 0 else None


def lead_in_of_another(words: list[Token], spec: RequestSpec, reader: RequestReader) -> bool:
    """Whether a lead-in's list items tell what someone other than the partner does:
    the sender ("With your support, we will:", "Our coalition will:", "It is our aim
    to:") or a third party ("The campaign aims to:"), or the outcomes a course or a
    programme brings ("Providers will be able to:", "You will learn how to:", "During day
    one students will:"); not an ask ("We need partners to:", "Our
    partner congregations are asked to:"), the partner's own doing ("This fall your
    school can:", "Partners in the campaign can:") or a "we" that takes the reader
    in ("Together, we can:")."""
    # (a verb that only describes a noun asks nothing: "a time-honored tradition", "a
    # tradition honored by schools")
    if _asks(words, spec, skip=DESCRIBING):
        return False
    # items that are the outcomes of a course or a programme, whoever attains them
    # ("providers will be able to:", "You will learn how to:"), and the sender's own aim
    # ("It is our aim to:")
    # ("To help your students learn about healthy relationships, your school can:" asks:
    # the word must end the lead-in, right before its colon)
    ending = words[-OUTCOME_REACH:-1]
    if any(lemma_of(t, spec) in spec.lead_in_outcomes for t in ending) or any(
            lemma_of(t, spec) in spec.aim_nouns and reader.party(t).kind == "sender"
            for t in ending):
        return True
    # ("Here are three ways:": a way is no one's doing)
    subjects = [t for t in words if t.dep_ in ("nsubj", "nsubjpass") and lemma_of(t, spec) != "way"]
    # what learners do in a session, told by its time ("During day one students will:"):
    # the programme's content, not an ask of the partner ("During the awareness week,
    # your students will:" asks them)
    if any(t.lower_ == "during" and any(lemma_of(g, spec) in spec.events for g in t.subtree)
           for t in words) and any(lemma_of(t, spec) in spec.lead_in_learners for t in subjects):
        return True
    if any(reader.party(t).theirs or (lemma_of(t, spec) in spec.lead_in_partners
                                      and not _harmful(t, spec)) for t in subjects):
        return False
    senders = [t for t in subjects if reader.party(t).kind == "sender"]
    if senders:
        return not any(is_inclusive_we(t, spec) for t in senders)
    # a third party named ("The campaign aims to:"), and no word of the partner's
    # ("This fall your school can:", however the parser reads it) outside a phrase that
    # only describes a noun ("a tradition honored by schools")
    described = {g.i for t in words if t.dep_ in ("acl", "amod") for g in t.subtree}
    return any(t.pos_ in ("NOUN", "PROPN") for t in subjects) and not any(
        reader.party(t).theirs for t in words
        if t.pos_ in ("NOUN", "PROPN", "PRON") and t.i not in described)
