"""Kind ``ask``: the request is missing, vague or open-ended.

The check reads the message's request model (:mod:`framing.requests`), which the
fit score reads too: the best ask is the most specific request, and a specific
ask is bounded when it says when, how to answer or how much.
"""
from __future__ import annotations

from ..findings import Finding
from ..lexicon import Rule
from ..message import Message
from ..requests import requests_of

BOUNDS = ("when", "how to answer", "how much")


def check_ask(rule: Rule, msg: Message) -> list[Finding]:
    """Fires when no request is specific and bounded."""
    if not msg.sentences or msg.word_count < rule.options.get("min_words", 25):
        return []
    ask = requests_of(msg).best_ask
    if ask is not None and ask.specific and any(b in BOUNDS for b in ask.bounds):
        return []
    if ask is None:
        body = msg.letter_sentences or msg.sentences
        start, end = msg.sentence_range(body[-1])
        message = f"{rule.message} (No request found: say who does what, when, with what help.)"
    elif not ask.specific:
        start, end = ask.start, ask.end
        message = f"{rule.message} (Vague: name one thing for one person or team to do.)"
    else:
        start, end = ask.start, ask.end
        message = f"{rule.message} (Open-ended: say when, for how long, or how to answer.)"
    return [msg.finding(rule, start, end, message=message, scope="document")]
