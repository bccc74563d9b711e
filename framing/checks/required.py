"""Kind ``required``: a document-level element that must be present (help line, data source)."""
from __future__ import annotations

from ..findings import Finding
from ..lexicon import Rule
from ..lexicon.model import compiled_option
from ..message import Message


def anchor_sentence(rule: Rule, msg: Message) -> tuple[int, int]:
    """Where a document-level finding points: the first sentence on the rule's topic."""
    topics = msg.doc._.framing_topics or {}
    for gate in rule.gate:
        if gate in topics:
            return msg.sentence_range(msg.sentence_at(topics[gate][0]))
    return msg.sentence_range(msg.sentences[0])


def check_required(rule: Rule, msg: Message) -> list[Finding]:
    """One document-level finding when none of the required patterns occurs."""
    if msg.word_count < rule.options.get("min_words", 25) or not msg.sentences:
        return []
    pattern = compiled_option(rule, "patterns")
    first = rule.options.get("first_sentences")
    where = msg.text if first is None else " ".join(msg.sentence_texts[:first])
    # The whole text is searched only where a match can start; the opening sentences
    # are joined with spaces, which could make a new match, so they are searched as such.
    def present(found_pattern) -> bool:
        return msg.found(found_pattern) if first is None else bool(found_pattern.search(where))

    if pattern is not None and present(pattern):
        return []
    local = msg.lexicons.local_resources
    if rule.options.get("accept_local") and local is not None and present(local):
        return []
    if first is not None:
        start, end = msg.sentence_range(msg.sentences[0])
    else:
        start, end = anchor_sentence(rule, msg)
    return [msg.finding(rule, start, end, scope="document")]
