"""Span tests shared by the sector- and profile-driven check kinds."""
from __future__ import annotations

from ..message import Message


def usable(msg: Message, start: int, end: int) -> bool:
    """Not a mention, not in a quotation, not inside a proper name."""
    span = msg.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and not any(
        t._.is_mention or t._.in_quote or t._.in_name for t in span)


def recommended(msg: Message, start: int, end: int) -> bool:
    """Inside wording a guideline recommends: a sector's vocabulary preference does not
    swap away a guideline's "say this" (a pitch's own jargon around it still counts)."""
    return any(s <= start and end <= e for s, e in msg.guideline_wording)


def in_quotation(tokens) -> bool:
    """Whether words are inside a direct quotation, which the writer cannot reword, so
    findings there are softened. A paraphrase ("according to police, he had become
    angry and hit her", "the student hanged himself, the sheriff said") is the writer's
    own telling of the act: choosing to relay the method, the excuse or the word for
    abuse is the writer's choice, so it keeps the rule's severity."""
    return any(t._.in_quote for t in tokens)
