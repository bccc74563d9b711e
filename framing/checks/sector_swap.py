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
        if swap.pattern is None:
            continue
        for m in swap.pattern.finditer(msg.text):
            if not usable(msg, m.start(), m.end()) or recommended(msg, m.start(), m.end()):
                continue
            found.append(msg.finding(rule, m.start(), m.end(),
                                     message=f"{rule.message} {swap.why}",
                                     suggestions=list(swap.partner)))
    return found
