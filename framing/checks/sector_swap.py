"""Kind ``sector_swap``: sender issue language the sector pack would put in the partner's terms."""
from __future__ import annotations

from ..findings import Finding
from ..lexicon import Rule
from ..message import Message
from .spans import recommended, usable


def check_sector_swap(rule: Rule, msg: Message) -> list[Finding]:
    """Sender issue language the sector pack would put in the partner's terms."""
    if msg.sector is None:
        return []
    found = []
    for swap in msg.sector.swaps:
        for start, end in msg.spans_of(swap.pattern):
            if not usable(msg, start, end) or recommended(msg, start, end):
                continue
            found.append(msg.finding(rule, start, end,
                                     message=f"{rule.message} {swap.why}",
                                     suggestions=list(swap.partner)))
    return found
