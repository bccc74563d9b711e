"""Kind ``passive``: passive voice found in the dependency parse."""
from __future__ import annotations

from spacy.tokens import Token

from ..findings import Finding
from ..lexicon import Rule
from ..message import Message


def _subject_matches(subject: Token, wanted: set[str]) -> bool:
    if not wanted:
        return True
    if "PERSON" in wanted and subject.pos_ == "PROPN":
        return True
    if "PRON" in wanted and subject.pos_ == "PRON" and subject.lower_ not in {"it", "this", "that", "which"}:
        return True
    return subject.lemma_.lower() in wanted or subject.lower_ in wanted


def passive_clauses(msg: Message):
    """Yield (subject, verb, agent-or-None) for every passive clause in the parse."""
    for token in msg.tokens_with_dep("nsubjpass", "csubjpass"):
        verb = token.head
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        yield token, verb, agent


def check_passive(rule: Rule, msg: Message) -> list[Finding]:
    """Passive clauses whose subject and verb match the rule (agentless if asked)."""
    opts = rule.options
    subjects = {s.lower() if s not in ("PERSON", "PRON") else s for s in opts.get("subjects", [])}
    verbs = {v.lower() for v in opts.get("verbs", [])}
    exclude = {v.lower() for v in opts.get("exclude_verbs", [])}
    found = []
    for subject, verb, agent in passive_clauses(msg):
        lemma = verb.lemma_.lower()
        if (verbs and lemma not in verbs) or lemma in exclude:
            continue
        if not _subject_matches(subject, subjects):
            continue
        if opts.get("agentless") and agent is not None:
            continue
        if subject._.is_mention or verb._.is_mention:
            continue
        start_token = min(subject.left_edge.i, verb.i)
        end_token = verb.i + 1
        if agent is not None:
            end_token = max(end_token, agent.right_edge.i + 1)
        span = msg.doc[start_token:end_token]
        quoted = verb._.in_quote or verb._.attributed
        found.append(msg.finding(rule, span.start_char, span.end_char, quoted=quoted,
                                 context={"agentless": agent is None, "in_quote": verb._.in_quote}))
    return found
