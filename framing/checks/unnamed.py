"""Kind ``unnamed``: the text describes something without ever calling it by its name.

A partner killing reported as "he shot his wife" with no "domestic violence"
anywhere reads as an isolated event. The finding is about the whole document
(the name may go anywhere), anchored on the first sentence that describes it.
"""
from __future__ import annotations

from ..findings import Finding
from ..lexicon import Rule
from ..lexicon.model import compiled_option
from ..message import Message


def check_unnamed(rule: Rule, msg: Message) -> list[Finding]:
    """One document-level finding when a description occurs (used, not mentioned)
    and none of the rule's ``names`` does."""
    described = compiled_option(rule, "patterns")
    if described is None:
        return []
    names = compiled_option(rule, "names")
    if names is not None and names.search(msg.text):
        return []
    for match in described.finditer(msg.text):
        span = msg.doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None or any(t._.is_mention for t in span):
            continue
        start, end = msg.sentence_range(msg.sentence_at(match.start()))
        return [msg.finding(rule, start, end, scope="document")]
    return []
