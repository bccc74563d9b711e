"""The kinds of check, keyed by the ``kind`` a rule names in its pack.

Each kind lives in the module named after it (``term`` in ``term.py``,
``sector_lead`` in ``sector_lead.py``), as Vale names its extension points;
the options each kind accepts are declared in :mod:`framing.lexicon.kinds`.
"""
from __future__ import annotations

from typing import Callable

from ..findings import Finding
from ..lexicon import Rule
from ..lexicon.kinds import KIND_OPTIONS
from ..message import Message
from .abbreviation import check_abbreviation
from .ask import check_ask
from .burden import check_burden
from .hidden_verb import check_hidden_verb
from .metric import check_metric
from .motive import check_motive
from .party import check_party
from .passive import check_passive
from .profile_avoid import check_profile_avoid
from .ratio import check_ratio
from .readiness import check_readiness
from .required import check_required
from .sector_lead import check_sector_lead
from .sector_scope import check_sector_scope
from .sector_swap import check_sector_swap
from .sender_language import check_sender_language
from .term import check_term
from .timing import check_timing
from .unnamed import check_unnamed
from .method_detail import check_method_detail

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
    "unnamed": check_unnamed,
    "party": check_party,
    "motive": check_motive,
    "method_detail": check_method_detail,
}

assert set(CHECKS) == set(KIND_OPTIONS), "every declared kind needs a check"


# What a kind of check reads besides the parse and its rule: the partner profile
# (people, capacity, priorities, dates), or the sector pack alone (familiar terms).
# Everything else gives the same findings for a text whoever it is checked against,
# so a comparison over many partners runs it once per text.
READS_PROFILE = frozenset({"burden", "ask", "sector_lead", "sector_swap", "sector_scope",
                           "sender_language", "profile_avoid", "timing", "readiness"})
READS_SECTOR = frozenset({"term", "abbreviation"})


def reads(rule: Rule) -> str | None:
    """``"profile"``, ``"sector"`` or None: what besides the text ``rule``'s check reads."""
    if rule.kind in READS_PROFILE:
        return "profile"
    if rule.kind in READS_SECTOR:
        # A term rule reads the sector's familiar terms only for plain language.
        if rule.kind == "term" and rule.category != "plain-language":
            return None
        return "sector"
    return None


def run_rule(rule: Rule, msg: Message) -> list[Finding]:
    """Run one rule on one message if its kinds and gates apply."""
    if not msg.applies(rule):
        return []
    return CHECKS[rule.kind](rule, msg)
