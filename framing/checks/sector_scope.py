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
        if entry.pattern is None:
            continue
        for m in entry.pattern.finditer(msg.text):
            if usable(msg, m.start(), m.end()) and not recommended(msg, m.start(), m.end()):
                found.append(msg.finding(rule, m.start(), m.end(),
                                         message=f"{rule.message} {entry.why}",
                                         suggestions=list(entry.suggestions)))
    return found
