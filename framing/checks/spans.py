"""Span tests shared by the sector- and profile-driven check kinds."""
from __future__ import annotations

from ..components import ATTRIBUTION_LEMMAS, inside
from ..lexicon.model import compiled_option
from ..message import Message


def usable(msg: Message, start: int, end: int) -> bool:
    """Not a mention, not in a quotation, not inside a proper name."""
    span = msg.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and not any(
        t._.is_mention or t._.in_quote or t._.in_name for t in span)


def recommended(msg: Message, start: int, end: int) -> bool:
    """Inside wording a guideline recommends: a sector's vocabulary preference does not
    swap away a guideline's "say this" (a pitch's own jargon around it still counts)."""
    return any(s <= start and end <= e for s, e in msg.guideline_wording)


def in_quotation(tokens) -> bool:
    """Whether words are inside a direct quotation, which the writer cannot reword, so
    findings there are softened. A paraphrase ("according to police, he had become
    angry and hit her", "the student hanged himself, the sheriff said") is the writer's
    own telling of the act: choosing to relay the method, the excuse or the word for
    abuse is the writer's choice, so it keeps the rule's severity."""
    return any(t._.in_quote for t in tokens)


def named_within(rule, msg: Message) -> list[tuple[int, int]]:
    """Where the rule's ``exclude_within`` patterns match: a name in law ("causing or
    inciting a child under 13 to engage in sexual activity") whose words are the
    statute's, not the writer's account of the act. A match inside one is left out
    (:func:`framing.components.inside`; the ranges come sorted, not overlapping)."""
    pattern = compiled_option(rule, "exclude_within")
    return [(m.start(), m.end()) for m in pattern.finditer(msg.text)] if pattern is not None else []


def spoken_quote(tokens, quoted_ranges: list[tuple[int, int]], speakers: set[str],
                 officials: set[str]) -> bool:
    """Whether ``tokens`` are all inside one quotation on one line that a person says in
    their own words ("“Our daughter was murdered by her ex-boyfriend,” her mother
    said"): the verb that gives it (say, tell, ...) has a named person or one of
    ``speakers`` (mother, sister, survivor) as its subject, and none of ``officials``
    (police, a sheriff, "Detective Ruiz"), whose account is the authorities' own.
    Scare quotes, a quoted verb after the writer's own subject, a poster's text and a
    quotation mark left open across a paragraph are not."""
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    if not words or not all(t._.in_quote for t in words):
        return False
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    text = words[0].doc.text
    if not any(s <= start and end <= e and "\n" not in text[s:e] for s, e in quoted_ranges):
        return False
    for verb in words[0].sent:
        if verb._.in_quote or verb.pos_ != "VERB" or verb.lemma_.lower() not in ATTRIBUTION_LEMMAS:
            continue
        for subject in (c for c in verb.children if c.dep_ == "nsubj"):
            names = {subject.lemma_.lower()} | {
                t.lemma_.lower().rstrip(".") for t in subject.subtree if t.dep_ in ("compound", "poss", "amod")}
            if names & officials:
                return False
            if subject.pos_ in ("PROPN", "PRON") or subject.lemma_.lower() in speakers:
                return True
    return False
