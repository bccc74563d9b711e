"""Kind ``abbreviation``: abbreviations not spelled out at first use, or too many of them."""
from __future__ import annotations

import re

from ..findings import Finding
from ..lexicon import Rule
from ..message import Message
from ..syllables import cmu_syllables


ABBREVIATION = re.compile(r"\b[A-Z][A-Z&]{1,5}s?\b")


def _said_as_word(word: str) -> bool:
    """True when the CMU dictionary pronounces ``word`` as a word, not letter by letter."""
    syllables = cmu_syllables().get(word.lower())
    return syllables is not None and syllables < len(word)


def _defined(text: str, abbr: str, position: int) -> bool:
    """Spelled out at or before first use: 'Long Form (ABC)' or 'ABC (long form)'."""
    stem = abbr.rstrip("s")
    around = text[max(0, position - 120): position + len(abbr) + 120]
    if re.search(rf"\(\s*{re.escape(abbr)}\s*\)", around):
        return True
    if re.search(rf"{re.escape(abbr)}\s*\(\s*[a-z][^)]{{3,}}\)", around, re.IGNORECASE):
        return True
    # Initials of the preceding words spell the abbreviation ("Teen Dating Violence TDV").
    words = re.findall(r"[A-Za-z]+", text[max(0, position - 100):position])
    initials = "".join(w[0] for w in words if w.lower() not in {"of", "and", "the", "for", "on"}).upper()
    return len(stem) >= 2 and initials.endswith(stem)


def check_abbreviation(rule: Rule, msg: Message) -> list[Finding]:
    """Abbreviations used before being spelled out, and too many of them."""
    exempt = {e.upper() for e in rule.options.get("exempt", [])}
    if msg.sector:
        exempt |= {t.upper() for t in msg.sector.familiar_terms}
    first_use: dict[str, int] = {}
    for m in ABBREVIATION.finditer(msg.text):
        abbr = m.group(0)
        if abbr.rstrip("s") in exempt or abbr in exempt or abbr in first_use:
            continue
        # "FREE", "NOW", "Text TALK": an ordinary word in capitals, not an abbreviation.
        # The dictionary also lists acronyms, but those are spelled out letter by
        # letter (PTSD: four syllables for four letters); words are not.
        if len(abbr) >= 3 and _said_as_word(abbr) and not re.search(
                rf"\(\s*{re.escape(abbr)}\s*\)", msg.text):
            continue
        span = msg.doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or any(t._.is_mention or t._.in_quote for t in span):
            continue
        # A word in capitals inside an all-capitals line is a heading, not an abbreviation.
        line_start = msg.text.rfind("\n", 0, m.start()) + 1
        line_end = msg.text.find("\n", m.end())
        line = msg.text[line_start: line_end if line_end != -1 else len(msg.text)]
        if line.isupper() and len(line.split()) > 2:
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
