"""Kind ``burden``: requests that put new, open-ended or repeated work on the partner's
people, read from the request model (:mod:`framing.requests`).

``obligated`` (who an obligation falls on) is kept for the rewrite that turns an
obligation into an offer.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..findings import Finding
from ..lexicon import Rule
from ..lexicon.model import compiled_option
from ..message import Message
from ..request_parts import owned_by_sender
from ..requests import requests_of


BENEFIT_REACH = 1  # a benefit may come in the next sentence


SUBJECT_OR_OBJECT = {"nsubj", "nsubjpass", "dobj", "dative", "attr", "pobj"}


SENDER_WORDS = {"we", "us", "i", "me"}


def _is_target(token: Token, words: set[str], people) -> bool:
    """A word for the partner's people ("teachers", "your staff", "you"), not ours."""
    if token.lower_ in SENDER_WORDS:
        return False
    if owned_by_sender(token):
        return False
    if token.lower_ in words or token.lemma_.lower() in words:
        return True
    return people is not None and people.search(token.text) is not None


def obligated(span, words: set[str], people) -> Token | None:
    """Who the obligation in ``span`` falls on, read from the parse."""
    for token in span:
        if _is_target(token, words, people):
            return token
    verb = span.root
    while verb.dep_ in ("aux", "auxpass", "neg") and verb.head.i != verb.i:
        verb = verb.head
    candidates = [c for c in verb.children if c.dep_ in SUBJECT_OR_OBJECT]
    for child in verb.children:
        if child.dep_ in ("xcomp", "ccomp", "prep"):
            candidates += [g for g in child.children if g.dep_ in SUBJECT_OR_OBJECT]
    if verb.dep_ in ("xcomp", "ccomp"):
        candidates += [c for c in verb.head.children if c.dep_ in SUBJECT_OR_OBJECT]
    return next((c for c in candidates if _is_target(c, words, people)), None)


def check_burden(rule: Rule, msg: Message) -> list[Finding]:
    """Requests that leave high burden on the partner's people (read from the request
    model): one finding per request, saying why. A benefit to them named in the same
    or next sentence, or the sender taking the work on, softens it to a suggestion."""
    model = requests_of(msg)
    benefits = compiled_option(rule, "benefits")
    offered = {(m.start, m.end) for m in model.offers}
    texts = msg.sentence_texts
    found = []
    for request in model.heavy:
        index = msg.sentence_index(request.start)
        following = " ".join(texts[index:index + 1 + BENEFIT_REACH])
        eased = (benefits is not None and benefits.search(following) is not None) or any(
            request.start <= s < request.end + len(texts[index + 1] if index + 1 < len(texts) else "")
            for s, _ in offered)
        severity = rule.severity
        if msg.profile and msg.profile.capacity in ("stretched", "overloaded"):
            severity = "error" if msg.profile.capacity == "overloaded" else (
                "warning" if severity == "suggestion" else "error")
        if eased:
            severity = "suggestion"
        what = ", ".join(request.actions)
        message = (f"{rule.message} (Asks {request.who} to {what}: {', '.join(request.reasons)}.)")
        found.append(msg.finding(rule, request.start, request.end, severity=severity,
                                 message=message, context={"target": True}))
    return found
