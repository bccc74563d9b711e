"""A label a person gives themselves, read from the parse.

Person-first language guidance lets people name themselves: "I am a recovering
drug addict", "I was a failure as an addict", "she described herself as going
from a hopeless dope addict to a dopeless hope addict". The label is the
complement of a verb whose subject is the speaker (I, we), or of a verb whose
object is the subject itself (describe herself as, call himself), or it is set beside
"we" or "us" ("we addicts", "us alcoholics"). A label for
other people in the same sentence ("I met other addicts") is not.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .death_clauses import REFLEXIVES

FIRST_PERSON = {"i", "we", "me", "us"}
# How a label hangs from the verb that says it of someone: the verb's complement
# ("am an addict"), a phrase with "as", "from" or "to" ("a failure as an addict",
# "going from an addict to ..."), a list or apposition ("a dealer, a failure as
# an addict"), or a word inside a compound.
UPWARD = {"attr", "oprd", "acomp", "pobj", "prep", "pcomp", "conj", "appos", "compound",
          "amod", "nmod", "advcl"}
# Only these prepositions carry the label to the person ("the parents of addicts" is
# about other people).
CARRIERS = {"as", "from", "to", "like"}
STEPS = 8


def _says_of_self(verb: Token, verbs: set[str]) -> bool:
    if verb.lemma_.lower() not in verbs:
        return False
    if any(c.dep_ == "dobj" and c.lower_ not in REFLEXIVES for c in verb.children):
        return False  # "we call them addicts", "I'm going to keep calling them addicts"
    holder = verb
    # "I'm always going to be a junkie", "I used to be an addict": the subject of the
    # verb the infinitive completes
    for _ in range(3):
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in holder.children) or holder.dep_ != "xcomp":
            break
        holder = holder.head
    subjects = [c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(s.lower_ in FIRST_PERSON for s in subjects):
        return True
    return any(c.dep_ == "dobj" and c.lower_ in REFLEXIVES for c in verb.children)


def _beside_first_person(token: Token) -> bool:
    """The label set beside "we" or "us" that names the speakers: "We 'addicts' as
    society calls us", "us alcoholics" (apposition either way, or a compound)."""
    if token.dep_ in ("appos", "compound", "nmod") and token.head.lower_ in FIRST_PERSON:
        return True
    return any(c.dep_ in ("appos", "compound", "nmod") and c.lower_ in FIRST_PERSON
               for c in token.children)


def names_self(span: Span, verbs: set[str]) -> bool:
    """Whether the label in ``span`` is said by a person of themselves: it hangs,
    through complements and "as"/"from" phrases, from one of ``verbs`` (be, call,
    describe...) whose subject is I or we, or whose object is a reflexive pronoun."""
    token = span.root
    if _beside_first_person(token):
        return True
    for _ in range(STEPS):
        if token.dep_ not in UPWARD or token.head.i == token.i:
            return False
        if token.dep_ == "pobj" and token.head.lower_ not in CARRIERS:
            return False
        if token.dep_ == "advcl" and token.pos_ not in ("NOUN", "PROPN"):
            return False  # only a noun the parser mislabels ("… to a dopeless hope addict")
        token = token.head
        if token.pos_ in ("VERB", "AUX") and _says_of_self(token, verbs):
            return True
    return False
