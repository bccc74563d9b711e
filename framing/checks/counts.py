"""Whether the people a count names do something or have something done to them.

"Most students don't vape" counts people who act: a norm. "One in five women will
be raped" and "1 in 3 teens experience dating violence" count people harmed: a rate
of harm suffered, not a behaviour to imitate. Read from the parse of the count's
phrase; shared by the norms rules of :mod:`framing.checks.required` and
:mod:`framing.checks.term`.
"""
from __future__ import annotations

from spacy.tokens import Span, Token


def counted_as_doers(span: Span | None, undergone: frozenset[str] | set[str]) -> bool:
    """Whether the people ``span`` counts ("most students", "1 in 4 women") are said to
    do something, not to have it done to them: the subject of a passive ("will be
    raped") or of one of the ``undergone`` verbs ("experience", "suffer") is not.
    Read at the phrase's root and, since a long claim may parse in pieces ("statistics
    show one in five women and one in 71 men will be raped"), at any subject inside it
    but a relative clause's ("teens who were bullied say…")."""
    if span is None:
        return True
    if not _doer(span.root, undergone):
        return False
    for token in span:
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ != "relcl" and not _doer(
                token, undergone):
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


def _doer(top: Token, undergone) -> bool:
    if top.pos_ in ("VERB", "AUX"):
        return not _undergoes(top, undergone)  # the match holds the whole claim
    while top.dep_ in ("conj", "appos") and top.head.i != top.i:
        top = top.head  # "one in five women and one in 71 men will be raped"
    if top.dep_ == "nsubjpass":
        return False
    if top.dep_ != "nsubj":
        return True
    return not _undergoes(top.head, undergone)
