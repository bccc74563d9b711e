"""spaCy extension attributes used by the framing components, registered once."""
from __future__ import annotations

from spacy.tokens import Doc, Token

_REGISTERED = False


def register_extensions() -> None:
    """Register the ``._.`` attributes; safe to call more than once."""
    global _REGISTERED
    if _REGISTERED:
        return
    # topic id -> (start_char, end_char) of its first cue in the document
    if not Doc.has_extension("framing_topics"):
        Doc.set_extension("framing_topics", default=None)
    # topic ids the document is about (cues in its headline or in several sentences)
    if not Doc.has_extension("framing_subjects"):
        Doc.set_extension("framing_subjects", default=None)
    # framing.structure.Structure of the text: frame lines, lists of words to avoid, genre
    if not Doc.has_extension("framing_structure"):
        Doc.set_extension("framing_structure", default=None)
    for name in ("in_quote", "is_mention", "in_name", "attributed"):
        if not Token.has_extension(name):
            Token.set_extension(name, default=False)
    _REGISTERED = True
