"""Kind ``sender_language``: issue language outweighs the partner's own priority vocabulary.

The check reads the message's alignment analysis (:mod:`framing.alignment`), which
the alignment score reads too.
"""
from __future__ import annotations

from ..alignment import alignment_of
from ..findings import Finding
from ..lexicon import Rule
from ..message import Message


def check_sender_language(rule: Rule, msg: Message) -> list[Finding]:
    """Issue language outweighs the partner's own priority vocabulary."""
    if msg.sector is None and msg.profile is None:
        return []
    analysis = alignment_of(msg)
    sender = analysis.sender_spans
    if len(sender) < rule.options.get("min_hits", 3):
        return []
    if analysis.sender_share <= rule.options.get("max_share", 0.5):
        return []
    start, end = sender[0]
    share = round(analysis.sender_share * 100)
    message = (f"{rule.message} ({len(sender)} issue-language terms against "
               f"{analysis.partner_hit_count} of the partner's; {share}% issue language.)")
    return [msg.finding(rule, start, end, message=message, scope="document")]
