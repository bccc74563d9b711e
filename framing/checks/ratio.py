"""Kind ``ratio``: too much of one kind of word against another (we/our versus you/your)."""
from __future__ import annotations

from ..findings import Finding
from ..lexicon import Rule
from ..lexicon.model import compiled_option
from ..message import Message


def _count_used(pattern, msg: Message) -> list[tuple[int, int]]:
    """Matches not inside quotations (what the sender says in its own voice)."""
    found = msg.spans_of(pattern)
    # No quotation marks: every match is in the sender's voice (a non-empty match
    # always has a span).
    if not msg.has_quotations and all(end > start for start, end in found):
        return found
    hits = []
    for start, end in found:
        span = msg.doc.char_span(start, end, alignment_mode="expand")
        if span is not None and not any(t._.in_quote for t in span):
            hits.append((start, end))
    return hits


def check_ratio(rule: Rule, msg: Message) -> list[Finding]:
    """Fires once when numerator hits outweigh denominator hits beyond ``max_ratio``."""
    numerator = _count_used(compiled_option(rule, "numerator"), msg)
    denominator = _count_used(compiled_option(rule, "denominator"), msg)
    if len(numerator) < rule.options.get("min_numerator", 3):
        return []
    ratio = len(numerator) / max(1, len(denominator))
    if ratio <= rule.options["max_ratio"]:
        return []
    start, end = numerator[0]
    message = (f"{rule.message} ({len(numerator)} to {len(denominator)} here.)")
    return [msg.finding(rule, start, end, message=message, scope="document")]
