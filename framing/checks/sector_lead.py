"""Kind ``sector_lead``: the opening sentences name none of the partner's priorities."""
from __future__ import annotations

from ..alignment import alignment_of
from ..findings import Finding
from ..lexicon import Rule
from ..message import Message


def check_sector_lead(rule: Rule, msg: Message) -> list[Finding]:
    """The opening sentences name none of the partner's priorities."""
    if not msg.priorities or not msg.sentences:
        return []
    analysis = alignment_of(msg)
    if analysis.named_in_opening is not None or analysis.leads_with_partner_words:
        return []
    start, end = msg.sentence_range(msg.opening_sentences(1)[0])
    top = msg.priorities[0]
    who = msg.profile.name if msg.profile else (msg.sector.name if msg.sector else "the partner")
    message = f"{rule.message} Lead with what {who} already cares about, e.g. {top.label.lower()}."
    return [msg.finding(rule, start, end, message=message, suggestions=[], scope="document")]
