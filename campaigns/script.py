"""What a radio or video script says aloud: its stage directions and speaker labels
blanked out, character for character, so offsets into the script stay valid.

A script marks what is not spoken in three ways, all recognised here:

* a direction line, led by a direction label ("SFX: door slams", "MUSIC UP:
  piano", "SUPER: 988lifeline.org"): the whole line is a direction;
* a speaker label in capitals before a colon ("ANNOUNCER:", "MOM:", "TEEN 2:"):
  the label is not spoken, the line after it is;
* a short aside in parentheses or brackets ("(pause)", "[music under]").

The direction labels are data (``script_directions`` in ``channels.yaml``).
"""
from __future__ import annotations

import re

# A speaker label: one to three words in capitals (digits allowed: "TEEN 2"), then ":".
LABEL = re.compile(r"^([ \t]*)([A-Z][A-Z0-9'’.&/-]*(?:[ \t]+[A-Z0-9][A-Z0-9'’.&/-]*){0,2})[ \t]*:",
                   re.MULTILINE)
# An aside of at most eight words in parentheses or brackets.
ASIDE = re.compile(r"[(\[](?:[^()\[\]\n]{1,60})[)\]]")


def _blank(text: str) -> str:
    """``text`` as spaces, keeping its line breaks."""
    return re.sub(r"[^\n]", " ", text)


def spoken_text(text: str, directions: frozenset[str]) -> str:
    """The script with everything not read aloud turned into spaces (same length)."""
    out = list(text)

    def blank(start: int, end: int) -> None:
        out[start:end] = _blank(text[start:end])

    for match in LABEL.finditer(text):
        label = match.group(2)
        words = label.split()
        line_end = text.find("\n", match.end())
        line_end = len(text) if line_end < 0 else line_end
        if words[0].rstrip(".") in directions or " ".join(words) in directions:
            blank(match.start(2), line_end)  # a direction line: none of it is spoken
        else:
            blank(match.start(2), match.end())  # a speaker's name: the words after it are
    for match in ASIDE.finditer(text):
        if len(match.group(0).split()) <= 8 and not any(ch.isdigit() for ch in match.group(0)):
            blank(match.start(), match.end())  # "(pause)"; "(555) 123-4567" is spoken
    return "".join(out)
