"""spaCy extension attributes used by the framing components, registered once."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .lexicon.scan import Source

_REGISTERED = False
# doc.user_data key of the text, kept by :func:`doc_text`.
TEXT_KEY = "framing_text"
# doc.user_data key of the quotations' character ranges, set by the context marker.
QUOTED_KEY = "framing_quoted"
# doc.user_data key of the text as the match shortcuts read it (scan.Source).
SOURCE_KEY = "framing_source"


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
    # in_prose_name: a name known only by its capitals in running text ("the Disabled
    # American Veterans"); in_name is set on it too
    for name in ("in_quote", "is_mention", "in_name", "attributed", "in_prose_name"):
        if not Token.has_extension(name):
            Token.set_extension(name, default=False)
    _REGISTERED = True


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per doc and kept in ``doc.user_data``.

    ``Doc.text`` joins every token's text again on each access (a fifth of a
    millisecond per 500 words); the components and the checks all read it. The
    kept text is used only while it still spans the doc's tokens.
    """
    text = doc.user_data.get(TEXT_KEY)
    if text is not None and len(doc) and len(text) == doc[-1].idx + len(doc[-1].text_with_ws):
        return text
    text = doc.text
    doc.user_data[TEXT_KEY] = text
    return text


def shared_source(doc: Doc, text: str) -> Source:
    """The doc's text as the match shortcuts read it (its plain and lower-cased forms
    and their word-start indexes), built once and shared by the components and the
    checks through ``doc.user_data``; ``text`` is :func:`doc_text`."""
    kept = doc.user_data.get(SOURCE_KEY)
    if kept is not None and kept.text == text:
        return kept
    source = Source(text)
    doc.user_data[SOURCE_KEY] = source
    return source
