"""spaCy extension attributes used by the framing components, registered once."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .lexicon.anchor import WordStarts

_REGISTERED = False
# doc.user_data key of the text, kept by :func:`doc_text`.
TEXT_KEY = "framing_text"
# doc.user_data key of the quotations' character ranges, set by the context marker.
QUOTED_KEY = "framing_quoted"
# doc.user_data key of the word-start index of the lower-cased text (WordStarts).
WORDS_KEY = "framing_word_starts"


def register_extensions() -> None:
    """Register the ``._.`` attributes; safe to call more than once."""
    global _REGISTERED
    if _REGISTERED:
        return
    # topic id -> (start_char, end_char) of its first cue in the document
    if not Doc.has_extension("framing_topics"):
        Doc.set_extension("framing_topics", default=None)
    for name in ("in_quote", "is_mention", "in_name", "attributed"):
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


def shared_word_starts(doc: Doc, lowered: str) -> WordStarts:
    """The word starts of ``lowered`` (the doc's text lower-cased), shared by the
    components and the checks through ``doc.user_data`` (see :func:`keep_word_starts`)."""
    kept = doc.user_data.get(WORDS_KEY)
    if kept is not None and kept[0] == len(lowered):
        return WordStarts(lowered, kept[1])
    return WordStarts(lowered)


def keep_word_starts(doc: Doc, words: WordStarts) -> None:
    """Keep the index, if it was built, for the next reader of the same doc."""
    if words.built and WORDS_KEY not in doc.user_data:
        doc.user_data[WORDS_KEY] = [len(words.text), words.index]
