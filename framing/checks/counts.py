"""Whether the people a count names do something or have something done to them.

"Most students don't vape" counts people who act: a norm. "One in five women will
be raped" and "1 in 3 teens experience dating violence" count people harmed: a rate
of harm suffered, not a behaviour to imitate. Read from the parse of the count's
phrase; shared by the norms rules of :mod:`framing.checks.required` and
:mod:`framing.checks.term`.
"""
from __future__ import annotations

from spacy.tokens import Span, Token


def counted_as_doers(span: Span | None, undergone: frozenset[str] | set[str],
                     states: frozenset[str] | set[str] = frozenset()) -> bool:
    """Whether the people ``span`` counts ("most students", "1 in 4 women") are said to
    do something, not to have it done to them: the subject of a passive ("will be
    raped") or of one of the ``undergone`` verbs ("experience", "suffer") is not, nor
    people only said to be under one of ``states`` ("were under pressure"). Read at
    the phrase's root and, since a long claim may parse in pieces ("statistics show
    one in five women and one in 71 men will be raped"), at any subject inside it but
    a relative clause's ("teens who were bullied say…")."""
    if span is None:
        return True
    if not any(t.pos_ in ("VERB", "AUX") for t in span) and any(
            t.lemma_.lower() in undergone for t in span):
        # no verb read, but one of the words says it is undergone: the parser took
        # "experience" for a noun in "8 percent of girls experience rape"
        return False
    if not _doer(span.root, undergone, states):
        return False
    for token in span:
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ != "relcl" and not _doer(
                token, undergone, states):
            return False
    return True


def defined_by_an_act(span: Span | None, generic: frozenset[str] | set[str]) -> bool:
    """Whether the people counted are a ``generic`` group ("people", "individuals")
    wholly defined by what they do or did ("most people who financially exploit the
    elderly"): a claim about that group, not how common a behaviour is among the
    audience, which is what a social-norms message states. "Teens who have dated" are
    still the teens the copy speaks to."""
    if span is None or not generic:
        return False
    people = span[-1] if span[-1].pos_ in ("NOUN", "PROPN") else span.root
    return people.lemma_.lower() in generic and any(c.dep_ == "relcl" for c in people.children)


def _undergoes(verb: Token, undergone) -> bool:
    return verb.lemma_.lower() in undergone or any(c.dep_ == "auxpass" for c in verb.children)


def _doer(top: Token, undergone, states=frozenset()) -> bool:
    if top.pos_ in ("VERB", "AUX"):
        return not _undergoes(top, undergone)  # the match holds the whole claim
    while top.dep_ in ("conj", "appos") and top.head.i != top.i:
        top = top.head  # "one in five women and one in 71 men will be raped"
    if top.dep_ == "nsubjpass":
        return False
    # What a verb or a preposition acts on ("stalking impacts one in three women",
    # "conversations with that one in five") is not said to do anything, unless a verb
    # of their own says what they do: "the 4 out of 5 teens who never drink", "we see
    # many teens vaping", "teachers catch 1 in 4 students vaping"; and "like most
    # students, Maya chooses…" says it of them too.
    if top.dep_ in ("dobj", "dative", "pobj"):
        if top.dep_ == "pobj" and top.head.lower_ == "like":
            return True
        own = [t for t in top.subtree if t.dep_ in ("acl", "relcl") and t.pos_ == "VERB"]
        if top.dep_ == "dobj":
            own += [c for c in top.head.children if c.dep_ in ("xcomp", "oprd", "advcl")
                    and c.tag_ == "VBG" and c.i > top.i]
        return any(not _undergoes(t, undergone) for t in own)
    if top.dep_ != "nsubj":
        return True
    return not _undergoes(top.head, undergone) and not _in_a_state(top.head, states)


def _in_a_state(verb: Token, states) -> bool:
    """A "be" with only one of ``states`` after it ("most employees were under
    pressure", "1 in 4 teens are at risk") tells what weighs on people, not what they
    do; "most parents are against underage drinking", "most teens are drug-free" and
    "1 in 7 students are bullies" tell what they do or hold."""
    if verb.lemma_ != "be" or not states:
        return False
    complements = [c for c in verb.children if c.dep_ in ("acomp", "attr", "xcomp", "ccomp",
                                                          "prep", "advmod", "oprd")]
    return bool(complements) and all(
        c.dep_ == "prep" and any(g.dep_ == "pobj" and g.lemma_.lower() in states for g in c.children)
        for c in complements)
