"""Kind ``profile_avoid``: words the partner profile says to avoid with this partner."""
from __future__ import annotations

from ..findings import Finding
from ..lexicon import Rule
from ..lexicon.schema import terms_pattern
from ..message import Message
from .spans import usable


def check_profile_avoid(rule: Rule, msg: Message) -> list[Finding]:
    """Words the partner profile says to avoid with this partner."""
    if msg.profile is None or not msg.profile.avoid:
        return []
    found = []
    for avoid in msg.profile.avoid:
        for start, end in msg.spans_of(terms_pattern([avoid.term])):
            if not usable(msg, start, end):
                continue
            why = f" {avoid.why}" if avoid.why else ""
            found.append(msg.finding(
                rule, start, end, suggestions=list(avoid.instead),
                message=f"{rule.message} {msg.profile.name} asked to avoid \"{avoid.term}\".{why}"))
    return found
