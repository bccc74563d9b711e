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
CHAIN_DEPS = ("xcomp", "ccomp")  # how a clause hangs on the verb of belief above it

# Verbs of belief whose negation denies the clause under them ("police do not think it
# was suicide", "the death is not believed to be a suicide"); not verbs of finding out or
# saying ("could not rule out", "would not confirm", "has not determined whether"),
# which leave the question open.
BELIEF_VERBS = frozenset({"think", "believe", "suspect", "consider", "appear", "seem"})
# Words that make a denial say something else: a first, an only, another ("it was not
# the first suicide at the bridge"), or a change over time ("I'm not suicidal anymore").
NOT_DENIALS = frozenset({"first", "only", "another", "last", "second", "third", "anymore",
                         "longer"})
OPEN_QUESTIONS = frozenset({"whether", "if"})


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
    predicate of a negated copula ("it was not a suicide") or of a clause under a
    negated verb of belief ("police do not think it was suicide", "the death is not
    believed to be a suicide"). Not a question left open ("it is not yet clear whether
    the death was a suicide", "could not rule out that it was"), a first or an only
    ("it was not the first suicide at the bridge"), a change over time ("I'm not
    suicidal anymore"), nor a cue that is its clause's subject ("suicide is not
    inevitable") or done or asked of ("don't commit suicide")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    word = span.root
    if word.dep_ not in ("attr", "acomp") or word.head.i == word.i:
        return False
    copula = word.head
    if any(t.lower_ in NOT_DENIALS for t in word.sent):
        return False
    if any(c.dep_ == "mark" and c.lower_ in OPEN_QUESTIONS for c in copula.children):
        return False
    if _negated(copula):
        return True
    above = copula.head
    return (copula.dep_ in CHAIN_DEPS and above.i != copula.i
            and above.lemma_.lower() in BELIEF_VERBS and _negated(above))


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)
