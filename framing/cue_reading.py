"""How a topic cue is used in its sentence, read from the parse.

A cue counts toward what a text is about only when the text uses it as the thing
it talks of. Three readings say otherwise: the cue is one item of a list of kinds
("at risk for PTSD, depression, substance abuse and domestic violence"), a kind
counted ("a 40% increase in homicides and suicides"), or what something is said
*not* to be ("the man's death is not believed to be a suicide").
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

LIST_ITEMS = 3  # items of a coordination that make it a list

# Verbs a denied predicate may complete on its way up to the negation ("is not
# believed to be a suicide", "police do not think it was suicide").
CHAIN_DEPS = ("xcomp", "ccomp")
CHAIN_STEPS = 3


def plural(doc: Doc, start: int, end: int) -> bool:
    """Whether the words at ``start:end`` are a plural noun: kinds counted ("suicides")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span.root.tag_ == "NNS"


def listed(doc: Doc, start: int, end: int, least: int = LIST_ITEMS) -> bool:
    """Whether the words at ``start:end`` are one item of a list of ``least`` or more
    coordinated nouns ("PTSD, depression, substance abuse and domestic violence")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    if head.pos_ not in ("NOUN", "PROPN"):
        return False  # "killing his wife and children": a clause, not an item
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    items, chain = 1, [head]
    while chain:  # the coordination itself, not nouns further down its phrases
        conjuncts = [c for c in chain.pop().children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
        items += len(conjuncts)
        chain += conjuncts
    return items >= least


def denied(doc: Doc, start: int, end: int) -> bool:
    """Whether the words at ``start:end`` name what something is said not to be: the
    predicate of a negated clause ("the death is not believed to be a suicide", "police
    do not think it was suicide", "it was not a suicide"). A cue that is the clause's
    subject is still what the text talks of ("suicide is not inevitable", "bullying is
    never harmless"), and so is one done or asked of ("don't commit suicide")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    word = span.root
    if word.dep_ not in ("attr", "acomp") or word.head.i == word.i:
        return False
    verb = word.head
    for _ in range(CHAIN_STEPS):
        if _negated(verb):
            return True
        if verb.dep_ not in CHAIN_DEPS or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)
