"""Which tokens of a text name the partner's people: the matches of the packs' and the
profile's role words (found by pattern), and one-word roles in the other number
("every tenant" for "tenants"). Read by the request model (:func:`framing.requests.people_of`).
"""
from __future__ import annotations


def singular(word: str) -> str:
    """A plural noun's singular by its spelling ("tenants", "churches", "families"), to
    compare a word list's nouns with a text's in either number."""
    w = word.lower()
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith("es") and w[:-2].endswith(("ch", "sh", "ss", "x")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def people_by_word(doc, words) -> set[int]:
    """Indices of the nouns that are one of the one-word ``words`` in either number and
    head their phrase: "every tenant" for "tenants", "each volunteer" for "volunteers";
    not a modifier ("teen dating violence" names no teens)."""
    singles = {singular(w) for w in words if w.strip() and " " not in w.strip()}
    # The lemma of a plural noun is its singular; the spelling catches a noun the
    # lemmatizer leaves as it is.
    return {t.i for t in doc if (t.lower_ in singles or t.lemma_.lower() in singles)
            and t.pos_ in ("NOUN", "PROPN") and t.dep_ not in ("compound", "amod", "nmod")}


def people_tokens(doc, spans: list[tuple[int, int]]) -> frozenset[int]:
    """Indices of the tokens inside ``spans`` (the matches of a people pattern)."""
    out = set()
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return frozenset(out)
