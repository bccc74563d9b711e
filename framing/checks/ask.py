"""Kind ``ask``: the request is missing or lacks its bounds (role, time, resources).

The check reads the message's ask analysis (:mod:`framing.ask_analysis`), which the
``ask`` score reads too.
"""
from __future__ import annotations

from ..ask_analysis import ask_for
from ..findings import Finding
from ..lexicon import Rule
from ..message import Message


def check_ask(rule: Rule, msg: Message) -> list[Finding]:
    """Fires when no request carries at least ``min_bounds`` bounds."""
    ask = ask_for(rule, msg)
    needed = rule.options.get("min_bounds", 2)
    if ask.sentence is not None and len(ask.bounds) >= needed:
        return []
    if not msg.sentences or msg.word_count < rule.options.get("min_words", 25):
        return []
    if ask.sentence is None:
        start, end = msg.sentence_range(msg.sentences[-1])
        message = f"{rule.message} (No request found: say who does what, when, with what help.)"
    else:
        start, end = ask.sentence
        message = f"{rule.message} (Missing: {', '.join(ask.missing)}.)"
    return [msg.finding(rule, start, end, message=message, scope="document")]
