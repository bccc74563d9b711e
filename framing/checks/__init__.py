"""The kinds of check, keyed by the ``kind`` a rule names in its pack."""
from __future__ import annotations

from typing import Callable

from ..findings import Finding
from ..lexicon import Rule
from ..lexicon.kinds import KIND_OPTIONS
from ..message import Message
from .partner import check_readiness, check_timing
from .grammar import check_burden, check_hidden_verb, check_passive
from .pitch import check_ask, check_ratio
from .plain import check_abbreviation, check_metric
from .sector import (check_profile_avoid, check_sector_lead, check_sector_scope,
                     check_sender_language, check_sector_swap)
from .terms import check_required, check_term

Check = Callable[[Rule, Message], list[Finding]]

CHECKS: dict[str, Check] = {
    "term": check_term,
    "required": check_required,
    "passive": check_passive,
    "burden": check_burden,
    "hidden_verb": check_hidden_verb,
    "ratio": check_ratio,
    "ask": check_ask,
    "sector_lead": check_sector_lead,
    "sector_swap": check_sector_swap,
    "sector_scope": check_sector_scope,
    "sender_language": check_sender_language,
    "profile_avoid": check_profile_avoid,
    "timing": check_timing,
    "readiness": check_readiness,
    "metric": check_metric,
    "abbreviation": check_abbreviation,
}

assert set(CHECKS) == set(KIND_OPTIONS), "every declared kind needs a check"


def run_rule(rule: Rule, msg: Message) -> list[Finding]:
    """Run one rule on one message if its kinds and gates apply."""
    if not msg.applies(rule):
        return []
    return CHECKS[rule.kind](rule, msg)
