"""Kind ``burden``: obligations and new tasks put on the partner's people without a
stated benefit, found in the dependency parse.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..findings import Finding
from ..lexicon import Rule
from ..lexicon.model import compiled_option
from ..message import Message
from .term import is_negated


BENEFIT_REACH = 1  # a benefit may come in the next sentence


SUBJECT_OR_OBJECT = {"nsubj", "nsubjpass", "dobj", "dative", "attr", "pobj"}


SENDER_WORDS = {"we", "us", "i", "me"}


def _is_target(token: Token, words: set[str], people) -> bool:
    """A word for the partner's people ("teachers", "your staff", "you"), not ours."""
    if token.lower_ in SENDER_WORDS:
        return False
    if any(c.dep_ == "poss" and c.lower_ in ("our", "my") for c in token.children):
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
    """Obligations or new tasks put on the partner's people, with no benefit named."""
    obligations = compiled_option(rule, "obligations")
    tasks = compiled_option(rule, "tasks")
    benefits = compiled_option(rule, "benefits")
    words = {t.lower() for t in rule.options.get("targets", [])}
    people = msg.people_pattern
    sentences = msg.sentences
    found = []
    for index, sent in enumerate(sentences):
        # Searched only in sentences where an obligation or a task could start.
        match = (msg.search_sentence(obligations, index) if obligations else None) or (
            msg.search_sentence(tasks, index) if tasks else None)
        if match is None:
            continue
        start, end = sent.start_char + match.start(), sent.start_char + match.end()
        span = msg.doc.char_span(start, end, alignment_mode="expand")
        if span is None or any(t._.is_mention or t._.in_quote for t in span) or is_negated(span):
            continue
        target = obligated(span, words, people)
        if target is None:
            continue
        following = " ".join(msg.sentence_texts[index:index + 1 + BENEFIT_REACH])
        if benefits is not None and benefits.search(following):
            continue
        severity = rule.severity
        if msg.profile and msg.profile.capacity in ("stretched", "overloaded"):
            severity = "error" if msg.profile.capacity == "overloaded" else (
                "warning" if severity == "suggestion" else "error")
        who = target.text
        message = f"{rule.message} (Asks {who} to take this on.)"
        found.append(msg.finding(rule, span.start_char, span.end_char, severity=severity,
                                 message=message, context={"target": True}))
    return found
