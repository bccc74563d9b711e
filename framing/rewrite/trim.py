"""Cutting what a letter says about the sender itself: its founding, awards,
anniversary, gala or grant ("Our agency was founded in 1990 and has won many
awards."). Offered, never made unseen: the writer may need the sentence.

Only a sentence the request model reads as about the sender, that neither
asks nor offers anything, quotes no one, and whose next sentence does not
lean on it ("It has grown since…") is offered; at most two per letter, and
none in a letter of fewer than three sentences.
"""
from __future__ import annotations

from ..message import Message
from ..requests import requests_of
from .model import Rewrite
from .opening import removal_end

MAX_TRIMS = 2
MIN_SENTENCES = 3
RULE = "fit.focus"  # the fit score's part that counts talk about the sender


def _leans_back(msg: Message, start: int) -> bool:
    """Whether the sentence starting at ``start`` points back to the one before it."""
    spec = msg.lexicons.rewrite
    sent = msg.sentence_at(start)
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    if not words or spec is None:
        return False
    return words[0].lower_ in spec.anaphora or any(
        t.lower_ in spec.anaphora and t.pos_ in ("PRON", "DET") for t in words[:3])


def trims(msg: Message) -> list[Rewrite]:
    """Sentences about the sender that could go, as suggestions."""
    if not msg.priorities or msg.lexicons.requests is None:
        return []
    sentences = msg.letter_sentences
    if len(sentences) < MIN_SENTENCES:
        return []
    model = requests_of(msg)
    taken = [(m.start, m.end) for m in (*model.requests, *model.offers)]
    starts = [msg.sentence_range(s)[0] for s in sentences]
    out = []
    for mention in model.sender_centred:
        if len(out) == MAX_TRIMS:
            break
        if mention.start not in starts or any(s < mention.end and mention.start < e for s, e in taken):
            continue
        sent = msg.sentence_at(mention.start)
        if any(t._.in_quote or t._.is_mention for t in sent):
            continue
        s, e = msg.sentence_range(sent)
        index = starts.index(s)
        if index + 1 < len(starts) and _leans_back(msg, starts[index + 1]):
            continue
        out.append(Rewrite(
            id=f"{RULE}@{s}-{e}#trim", rule=RULE, kind="trim", start=s, end=removal_end(msg, s, e),
            original=msg.text[s:e], replacement="", auto=False,
            why="About the sender itself; cutting it leaves the letter about what they gain. "
                "Keep it if the partner needs it to trust you."))
    return out
