"""Whether the people a count names do something or have something done to them.

"Most students don't vape" counts people who act: a norm. "One in five women will
be raped" and "1 in 3 teens experience dating violence" count people harmed: a rate
of harm suffered, not a behaviour to imitate. Read from the parse of the count's
phrase; shared by the norms rules of :mod:`framing.checks.required` and
:mod:`framing.checks.term`.
"""
from __future__ import annotations

from spacy.tokens import Span


def counted_as_doers(span: Span | None, undergone: frozenset[str] | set[str]) -> bool:
    """Whether the people ``span`` counts ("most students", "1 in 4 women") are said to
    do something, not to have it done to them: the subject of a passive ("will be
    raped") or of one of the ``undergone`` verbs ("experience", "suffer") is not."""
    if span is None:
        return True
    top = span.root
    if top.pos_ in ("VERB", "AUX"):
        verb = top  # the match holds the whole claim: "1 in 3 teens will experience abuse"
    else:
        while top.dep_ in ("conj", "appos") and top.head.i != top.i:
            top = top.head  # "one in five women and one in 71 men will be raped"
        if top.dep_ == "nsubjpass":
            return False
        if top.dep_ != "nsubj":
            return True
        verb = top.head
    return not (verb.lemma_.lower() in undergone
                or any(c.dep_ == "auxpass" for c in verb.children))
