"""Kind ``readiness``: the kind of ask in the message against the partner's Community
Readiness stage (Tri-Ethnic Center model, stages 1-9).
"""
from __future__ import annotations

from ..findings import Finding
from ..lexicon import Rule
from ..lexicon.model import compiled_map
from ..message import Message


def check_readiness(rule: Rule, msg: Message) -> list[Finding]:
    """An ask that does not fit the partner's readiness stage."""
    if msg.profile is None or msg.profile.readiness_stage is None:
        return []
    stage = msg.profile.readiness_stage
    labels = rule.options["stage_labels"]
    found = []
    for ask, pattern in compiled_map(rule, "asks").items():
        low, high = rule.options["fits"].get(ask, (1, 9))
        if low <= stage <= high:
            continue
        match = pattern.search(msg.text)
        if match is None:
            continue
        distance = low - stage if stage < low else stage - high
        suitable = [name for name, (lo, hi) in rule.options["fits"].items() if lo <= stage <= hi]
        message = (f"{rule.message} This reads as a {ask} ask; {msg.profile.name} is at readiness "
                   f"stage {stage} ({labels[stage - 1]}), where {ask} asks fit stages {low}-{high}. "
                   f"Asks that fit now: {', '.join(suitable) or 'none listed'}.")
        severity = "warning" if distance >= 2 else "suggestion"
        found.append(msg.finding(rule, match.start(), match.end(), severity=severity,
                                 message=message))
    return found
