"""Cutting what a letter says about the sender itself: its founding, awards,
anniversary, gala or grant ("Our agency was founded in 1990 and has won many
awards."). Offered, never made unseen: the writer may need the sentence.

Only a sentence the request model names as self-presentation by its words
(an anniversary, an award, the founding, a gala, "our mission"), that neither
asks nor offers anything, quotes no one, gives no date, count or name the
letter uses later, and whose next sentence does not lean on it ("It has grown
since…", "In addition…", "these stories") is offered; at most two per letter,
and none in a letter of fewer than three sentences.
"""
from __future__ import annotations

import re

from spacy.tokens import Span

from ..message import Message
from ..requests import requests_of
from .model import Rewrite
from .opening import points_back, removal_end

MAX_TRIMS = 2
SELF_TALK = "about the sender"
YEAR = re.compile(r"(?:19|20)\d\d")
ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)", re.IGNORECASE)  # the request model's reason for a "we"-subject sentence
MIN_SENTENCES = 3
RULE = "fit.focus"  # the fit score's part that counts talk about the sender


def _leans_back(msg: Message, start: int, cut: Span) -> bool:
    """Whether the sentence starting at ``start`` points back to the cut one: it opens
    with a connective ("In addition", "In response", "Also"), points with "this",
    "these" or a pronoun, or names again a noun the cut sentence introduced ("the AN",
    "these stories")."""
    spec = msg.lexicons.rewrite
    sent = msg.sentence_at(start)
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    if not words or spec is None:
        return False
    if words[0].lower_ in spec.anaphora or words[0].pos_ in ("ADP", "SCONJ", "CCONJ"):
        return True
    for index, token in enumerate(words):
        if token.lower_ in spec.anaphora and token.pos_ in ("PRON", "DET") and \
                token.tag_ != "WDT" and points_back(token, words[:index], spec):
            return True  # "these", or "they" with no noun of its own sentence before it
    introduced = {t.lower_ for t in cut if t.pos_ in ("NOUN", "PROPN")}
    return any(t.lower_ == "the" and t.head.lower_ in introduced for t in words)


def _introduces(msg: Message, cut: Span) -> bool:
    """Whether the cut sentence is where a name, an abbreviation or a date the letter
    uses later is given ("the Prescription Drug Monitoring Program (PDMP)", "by Oct 29")."""
    spec = msg.lexicons.rewrite
    later = msg.text[cut.end_char:]
    for token in cut:
        if token.lower_ in spec.date_words or (token.like_num and not YEAR.fullmatch(token.text)
                                                 and not ORDINAL.fullmatch(token.text)):
            return True  # a date, a deadline, a count: facts the reader may need (a
            # founding year or an anniversary's "25th" is the sender's history)
        if (token.pos_ == "PROPN" or token.text.isupper() and len(token.text) > 1) and \
                token.text in later:
            return True
    return False


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
        # Only the named kinds of self-talk (an anniversary, an award, the founding, a
        # gala, "our mission"), never any sentence whose subject is "we": a call to
        # action, thanks or the letter's argument often is.
        if mention.why == SELF_TALK or mention.start not in starts or \
                any(s < mention.end and mention.start < e for s, e in taken):
            continue
        sent = msg.sentence_at(mention.start)
        s, e = msg.sentence_range(sent)
        if any(t._.in_quote or t._.is_mention for t in sent) or not _whole(msg, s, e) or \
                _introduces(msg, sent):
            continue
        index = starts.index(s)
        if index + 1 < len(starts) and _leans_back(msg, starts[index + 1], sent):
            continue
        out.append(Rewrite(
            id=f"{RULE}@{s}-{e}#trim", rule=RULE, kind="trim", start=s, end=removal_end(msg, s, e),
            original=msg.text[s:e], replacement="", auto=False,
            why="About the sender itself; cutting it leaves the letter about what they gain. "
                "Keep it if the partner needs it to trust you."))
    return out


def _whole(msg: Message, start: int, end: int) -> bool:
    """A whole sentence: it starts a line or follows a sentence's end, ends with a stop,
    and is not the lead-in of a list."""
    before = msg.text[:start].rstrip(" \t")
    return (not before or before[-1] in ".!?\n") and msg.text[start:end].rstrip()[-1:] in ".!"
