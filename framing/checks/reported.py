"""A match that is the content of someone else's question.

"The defence questioned how much she had to drink, her memory and what she was
wearing that night" reports the defence's line of questioning; the writer tells
it, and does not ask it. Read from the parse: the words sit in the object or the
clause of a verb of asking whose subject is someone other than the writer or the
reader.
"""
from __future__ import annotations

from spacy.tokens import Span

# The writer, the reader told what to do, or anyone at all: "we ask", "ask yourself",
# "anyone would ask why she went back" (the writer's own question, put generally).
OWN_VOICE = {"i", "we", "you", "anyone", "anybody", "everyone", "everybody", "someone",
             "somebody", "people", "many", "some", "others", "one"}
# How far up the parse the verb of asking may be: the match, its phrase, the clause.
DEPTH = 4


def asked_by_another(span: Span, verbs: set[str]) -> bool:
    """Whether ``span`` is what one of ``verbs`` (lemmas: question, ask) asks, with
    someone other than the writer, the reader or anyone at all as the one asking ("the
    defence", "his lawyers", "police")."""
    token = span.root
    for _ in range(DEPTH):
        if token.head.i == token.i or token.dep_ not in (
                "dobj", "ccomp", "conj", "pobj", "prep", "dative", "attr", "xcomp", "npadvmod"):
            return False
        if token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX"):
            return False  # a clause joined to the asking ("…, and she went back") is told
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            if token.lemma_.lower() not in verbs:
                return False
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            return subject is not None and subject.lower_ not in OWN_VOICE
    return False
