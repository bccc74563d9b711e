"""Kind ``abbreviation``: abbreviations not spelled out, or too many of them.

Not every word in capitals is an abbreviation. Writers capitalize for emphasis
("DO NOT wait", "STAND UP to bullying") and for headings ("YOU ARE NOT ALONE");
those are ordinary words. Abbreviations everyone knows (the rule's ``exempt``
list: FBI, TV, CDC...) need no expansion, and one spelled out anywhere in the
message, in either order ("Centers for Disease Control (CDC)", "CDC (Centers
for Disease Control)"), is defined.
"""
from __future__ import annotations

import re

from spacy.tokens import Span

from ..findings import Finding
from ..lexicon import Rule
from ..message import Message
from ..syllables import cmu_syllables


ABBREVIATION = re.compile(r"\b[A-Z][A-Z&]{1,5}s?\b")
# Parts of speech an abbreviation never takes: a capitalized verb, particle or
# adverb ("DO come", "STAND UP", "NOT") is emphasis.
NOT_NAMES = {"VERB", "AUX", "PART", "ADP", "ADV", "ADJ", "PRON", "DET", "CCONJ", "SCONJ", "INTJ"}
SKIPPED_INITIALS = {"of", "and", "the", "for", "on", "in", "to", "a", "an"}


def _said_as_word(word: str) -> bool:
    """True when the CMU dictionary pronounces ``word`` as a word, not letter by letter."""
    syllables = cmu_syllables().get(word.lower())
    return syllables is not None and syllables < len(word)


def _defined(text: str, abbr: str, position: int) -> bool:
    """Spelled out anywhere in the message, 'Long Form (ABC)' or 'ABC (long form)', or
    right after the words whose initials it takes ('Teen Dating Violence TDV')."""
    stem = abbr.rstrip("s")
    escaped = re.escape(abbr)
    if re.search(rf"\(\s*{escaped}\s*\)", text):
        return True
    # The parenthesis must read as an expansion: words, not "(see page 3)".
    if re.search(rf"\b{escaped}\s*\(\s*[A-Za-z][a-z]*(?:[\s-]+[A-Za-z&][\w'&-]*)+\s*\)", text):
        return True
    words = re.findall(r"[A-Za-z]+", text[max(0, position - 100):position])
    initials = "".join(w[0] for w in words if w.lower() not in SKIPPED_INITIALS).upper()
    return len(stem) >= 2 and initials.endswith(stem)


def _capitals_word(token) -> bool:
    return token.is_alpha and token.is_upper and len(token) >= 2


def _emphasis(msg: Message, span: Span, abbr: str, start: int, end: int) -> bool:
    """A word in capitals for emphasis or in a heading, not an abbreviation."""
    text = msg.text
    # A line or sentence written all in capitals is a heading or a shout.
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start: line_end if line_end != -1 else len(text)]
    sentence = msg.sentence_texts[msg.sentence_index(start)]
    if any(part.isupper() and len(part.split()) >= 2 for part in (line, sentence)):
        return True
    if not _said_as_word(abbr):
        return False
    # An English word in capitals ("FREE", "MOST"). The dictionary also lists
    # acronyms, but those are spelled out letter by letter (PTSD: four syllables
    # for four letters); words are not. A two-letter word ("DO", "UP", "IT") is
    # emphasis only when it is not used as a name: next to other words in
    # capitals ("DO NOT", "STAND UP"), or as a verb, particle or adverb.
    if len(abbr) >= 3:
        return True
    doc = span.doc
    first, last = span[0], span[-1]
    neighbours = [doc[i] for i in (first.i - 1, last.i + 1) if 0 <= i < len(doc)]
    return first.pos_ in NOT_NAMES or any(_capitals_word(t) for t in neighbours)


def check_abbreviation(rule: Rule, msg: Message) -> list[Finding]:
    """Abbreviations used without being spelled out, and too many of them."""
    exempt = {e.upper() for e in rule.options.get("exempt", [])}
    if msg.sector:
        exempt |= {t.upper() for t in msg.sector.familiar_terms}
    first_use: dict[str, int] = {}
    for m in ABBREVIATION.finditer(msg.text):
        abbr = m.group(0)
        if abbr.rstrip("s") in exempt or abbr in exempt or abbr in first_use:
            continue
        span = msg.doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or any(t._.is_mention or t._.in_quote for t in span):
            continue
        # Spelled out in parentheses somewhere: an abbreviation, even if a word too (ACT).
        if not re.search(rf"\(\s*{re.escape(abbr)}\s*\)", msg.text) and \
                _emphasis(msg, span, abbr, m.start(), m.end()):
            continue
        first_use[abbr] = m.start()
    found = []
    for abbr, position in first_use.items():
        if not _defined(msg.text, abbr, position):
            found.append(msg.finding(rule, position, position + len(abbr),
                                     message=f"{rule.message} (\"{abbr}\" is not spelled out.)"))
    limit = rule.options.get("max_count")
    if limit is not None and len(first_use) > limit:
        abbr, position = sorted(first_use.items(), key=lambda kv: kv[1])[limit]
        found.append(msg.finding(rule, position, position + len(abbr), scope="document",
                                 message=f"{rule.message} ({len(first_use)} abbreviations; "
                                         f"keep to {limit} or fewer.)"))
    return found
