"""Which tokens of a text name the partner's people: the matches of the packs' and the
profile's role words (found by pattern), and one-word roles in the other number
("every tenant" for "tenants"). Read by the request model (:func:`framing.requests.people_of`).
"""
from __future__ import annotations

from spacy.attrs import DEP, LEMMA, LOWER, POS
from spacy.parts_of_speech import NOUN, PROPN


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
    if not singles or not len(doc):
        return set()
    # Read from the doc's arrays, each distinct spelling or lemma looked up once: this
    # runs on every text checked against a partner, and a token object per word of
    # the text costs more than the rest of the lookup.
    strings = doc.vocab.strings
    skip = {strings[d] for d in ("compound", "amod", "nmod") if d in strings}
    known: dict[int, bool] = {}

    def names_people(key: int) -> bool:
        hit = known.get(key)
        if hit is None:
            # The lemma of a plural noun is its singular; the spelling catches a noun
            # the lemmatizer leaves as it is.
            hit = known[key] = strings[key].lower() in singles
        return hit
    table = doc.to_array([LOWER, LEMMA, POS, DEP]).tolist()
    return {i for i, (lower, lemma, pos, dep) in enumerate(table)
            if (pos == NOUN or pos == PROPN) and dep not in skip
            and (names_people(lower) or names_people(lemma))}


def people_tokens(doc, spans: list[tuple[int, int]]) -> frozenset[int]:
    """Indices of the tokens inside ``spans`` (the matches of a people pattern)."""
    out = set()
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return frozenset(out)
