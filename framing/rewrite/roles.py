"""Where a sector swap may rename the sender's issue: only where the phrase says
what the sender's own program, project or campaign is about.

"our youth homelessness prevention program" names the sender's work, so the
partner's words may describe it: "our program for students in unstable
housing". The same words elsewhere name the harm ("youth homelessness has
doubled"), the people harmed, a statistic, a law or a proper name, and a swap
there would change what the letter claims; no rewrite is offered for them.
The nouns that name a sender's work are ``project_nouns`` in
``lexicons/rewrite.yaml``; each swap's ``roles`` in its sector pack give the
phrase it puts in that role, with an example.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..lexicon.model import Swap
from ..message import Message
from .inflect import fix_article

MODIFIER_DEPS = ("compound", "amod", "nmod", "npadvmod")


def swap_for(msg: Message, text: str) -> Swap | None:
    """The sector swap whose sender words are ``text``."""
    if msg.sector is None:
        return None
    lowered = text.lower()
    return next((s for s in msg.sector.swaps
                 if s.pattern is not None and s.pattern.fullmatch(lowered)), None)


def _work_noun(span: Span, nouns: frozenset[str]) -> tuple[Token, Token] | None:
    """The noun naming the sender's work that ``span`` modifies, and the modifier
    of that noun whose words contain the span."""
    child = span.root
    while child.dep_ in MODIFIER_DEPS and child.head.i > child.i:
        head = child.head
        if head.pos_ == "NOUN" and head.lemma_.lower() in nouns:
            return head, child
        child = head
    return None


def project_region(msg: Message, span: Span) -> tuple[int, int, Token] | None:
    """The words from the start of the sender's phrase to the work noun it modifies
    (``start``, ``end`` characters and the noun), when the phrase names the sender's
    work and nothing in it is a name or a number."""
    spec = msg.lexicons.rewrite
    if spec is None:
        return None
    found = _work_noun(span, spec.project_nouns)
    if found is None:
        return None
    head, modifier = found
    first = min(modifier.left_edge.i, span.start)
    tokens = msg.doc[first:head.i + 1]
    inside = {t.i for child in head.children if child.dep_ in MODIFIER_DEPS and child.i < head.i
              for t in child.subtree}
    if any(t.i != head.i and t.i not in inside for t in tokens):
        return None  # words in between that do not describe the work noun
    if any(t.pos_ == "PROPN" or t.like_num or (t.is_title and not t.is_sent_start)
           or t._.in_quote or t._.is_mention for t in tokens):
        return None  # a name, a title, a count or quoted words: never renamed
    return tokens.start_char, tokens.end_char, head


def project_swap(msg: Message, span: Span) -> tuple[int, int, str] | None:
    """``(start, end, replacement)`` renaming the sender's work in the partner's words,
    or None when the phrase is not in that role or its swap has no phrase for it."""
    swap = swap_for(msg, span.text)
    phrase = swap.phrase_for("project") if swap is not None else None
    region = project_region(msg, span) if phrase else None
    if region is None:
        return None
    start, end, head = region
    replacement = f"{head.text} {phrase}"
    if start == msg.sentence_range(msg.sentence_at(start))[0]:
        replacement = replacement[:1].upper() + replacement[1:]
    start, replacement = fix_article(msg.text, start, replacement)
    return start, end, replacement
