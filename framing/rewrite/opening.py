"""An opening rebuilt from the letter's own words: the sentence that ties the
partner's priority to what they gain, offered to move to the start of the body.
A suggestion, never applied unseen: only the writer can tell whether the letter
still reads in order with that sentence first.

Nothing is written for the partner: the sentence moves word for word, after
any subject line and greeting, before the first body sentence. Only a
sentence that stands on its own moves; one that starts "Also", "However" or
"This", or points back with "they" or "these", would lose what it refers to
(``anaphora`` in ``lexicons/rewrite.yaml``), and so would a long one, a
question, or a line of a list; nor one whose "the meetings" names something the
letter introduced before it.
"""
from __future__ import annotations

from spacy.tokens import Span

from ..alignment import alignment_of
from ..findings import Finding
from ..message import Message
from .model import Rewrite


DEMONSTRATIVES = {"this", "that", "these", "those", "such"}


def points_back(token, before, spec) -> bool:
    """Whether an anaphoric ``token`` points outside its sentence: "these", "such", or a
    pronoun with no noun before it in the sentence; "this year" points at the calendar."""
    if token.lower_ in DEMONSTRATIVES:
        return token.head.lemma_.lower() not in spec.time_nouns
    return not any(t.pos_ in ("NOUN", "PROPN") for t in before)


def stands_alone(msg: Message, sent: Span) -> bool:
    """Whether ``sent`` can open the letter without what comes before it."""
    spec = msg.lexicons.rewrite
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    if spec is None or not words or len(words) > spec.move_max_words:
        return False
    if words[0].lower_ in spec.anaphora or not words[0].text[:1].isupper():
        return False
    text = sent.text.strip()
    if not text.endswith((".", "!")) or text[:1] in "-•*" or text[:1].isdigit():
        return False  # a question, a line ending in a colon, a list item
    if words[0].tag_ == "VB" or not any(t.tag_ in ("VBZ", "VBP", "VBD", "MD") for t in words):
        return False  # an instruction ("Call us at…") or a fragment opens nothing
    for index, token in enumerate(words):
        if token.lower_ not in spec.anaphora or token.pos_ not in ("PRON", "DET") or \
                token.tag_ == "WDT" or token.dep_ == "mark":
            continue
        # "Students ... keep their attendance up": "their" has its noun in the sentence;
        # "this", "these" and a pronoun with no noun before it point outside.
        if points_back(token, words[:index], spec):
            return False
    # "The meetings will take place…" after "a series of Town Hall Meetings": a definite
    # noun the letter has already introduced points back to it.
    earlier = {form for t in msg.doc[:sent.start] if t.pos_ in ("NOUN", "PROPN")
               for form in (t.lemma_.lower(), t.lower_)}
    return not any(t.lower_ == "the" and t.head.pos_ in ("NOUN", "PROPN")
                   and {t.head.lemma_.lower(), t.head.lower_} & earlier for t in words)


def removal_end(msg: Message, start: int, end: int) -> int:
    """Where taking out the sentence at ``start:end`` ends: its own spaces, and the
    paragraph break when it was a paragraph by itself."""
    text = msg.text
    stop = end
    while stop < len(text) and text[stop] in " \t":
        stop += 1
    line_start = start == 0 or text[start - 1] == "\n"
    if line_start and text[stop:stop + 1] == "\n":
        while stop < len(text) and text[stop] in "\n \t":
            stop += 1
    return stop


def opening_move(msg: Message, finding: Finding) -> Rewrite | None:
    """Move the best-ranked priority's gain sentence to the opening, if one stands alone."""
    analysis = alignment_of(msg)
    if analysis.lead is not None or not msg.letter_sentences:
        return None
    to = analysis.opening[0]
    for hit in analysis.hits:
        for start, _end, _text in hit.gains:
            if analysis.in_opening(start) or start <= to:
                continue
            sent = msg.sentence_at(start)
            if not stands_alone(msg, sent) or any(t._.in_quote or t._.is_mention for t in sent):
                continue
            s, e = msg.sentence_range(sent)
            moved = msg.text[s:e]
            return Rewrite(
                id=f"{finding.rule}@{s}-{e}#move", rule=finding.rule, kind="move", start=s,
                end=removal_end(msg, s, e), original=moved, replacement=moved, to=to,
                serves=hit.label, auto=False,
                why=f"Opens with the letter's own sentence on {hit.label.lower()}, a priority "
                    "they already own, instead of with the sender's issue.")
    return None
