"""Kind ``sector_scope``: vocabulary that reads as outside the partner's job."""
from __future__ import annotations

from ..findings import Finding
from ..lexicon import Rule
from ..message import Message
from .spans import recommended, usable


def check_sector_scope(rule: Rule, msg: Message) -> list[Finding]:
    """Vocabulary that reads as outside the partner's job."""
    if msg.sector is None:
        return []
    found = []
    for entry in msg.sector.out_of_scope:
        for start, end in msg.spans_of(entry.pattern):
            if usable(msg, start, end) and not recommended(msg, start, end):
                found.append(msg.finding(rule, start, end,
                                         message=f"{rule.message} {entry.why}",
                                         suggestions=list(entry.suggestions)))
    return found
