"""Kind ``timing``: the partner's calendar, a dated window near or around the day of checking.

Compares the day of checking with the profile's key dates (elections, budget
adoption, freezes, editorial pegs).
"""
from __future__ import annotations

import re

from ..findings import Finding
from ..lexicon import Rule
from ..lexicon.model import compiled_option
from ..message import Message


SIGNIFICANT_WORD = re.compile(r"[A-Za-z]{5,}")


def _windows(rule: Rule, msg: Message):
    """Key dates of the rule's kinds that are open or coming up on ``msg.today``."""
    kinds = set(rule.options["date_kinds"])
    before = rule.options.get("before_days")
    for key_date in msg.profile.key_dates:
        if key_date.kind not in kinds:
            continue
        days = (key_date.date - msg.today).days
        end = key_date.end or key_date.date
        if rule.options.get("during") and key_date.date <= msg.today <= end:
            yield key_date, days
        elif before is not None and 0 <= days <= before:
            yield key_date, days


def _mentions_label(text: str, label: str) -> bool:
    """Whether the message already names the window ("Teen Dating Violence Awareness Month")."""
    words = [w.lower() for w in SIGNIFICANT_WORD.findall(label)]
    lowered = text.lower()
    return bool(words) and all(w in lowered for w in words)


def check_timing(rule: Rule, msg: Message) -> list[Finding]:
    """Fire near or during a key date of the partner's, with the date in the message."""
    if msg.profile is None or not msg.profile.key_dates or not msg.sentences:
        return []
    unless = compiled_option(rule, "unless_document")
    if unless is not None and unless.search(msg.text):
        return []
    patterns = compiled_option(rule, "patterns")
    found = []
    for key_date, days in _windows(rule, msg):
        if _mentions_label(msg.text, key_date.label):
            continue
        when = ("today" if days == 0 else f"in {days} days" if days > 0
                else f"until {(key_date.end or key_date.date).isoformat()}")
        message = f"{key_date.label} ({key_date.date.isoformat()}, {when}): {rule.message}"
        if patterns is not None:
            match = patterns.search(msg.text)
            if match is None:
                continue
            start, end = match.span()
        else:
            start, end = msg.sentence_range(msg.body_sentences[0])
        found.append(msg.finding(rule, start, end, message=message, scope="document"))
    return found
