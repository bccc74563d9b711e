"""Lists in a letter, and the imperatives that open their items but were misread.

"· Post signs in your establishment", "· Enforce underage drinking penalties",
"• Discuss underage drinking with colleagues": after a list marker the English
model often reads an item's opening verb as a name or as the first word of a
compound ("Post signs" as a kind of sign), so the item has no verb at its root
and no request is read in it. In a list whose other items are read as asks, an
item that opens with a word the model's own lemmatizer knows as a verb's base
form, and has no finite verb at its root, asks too.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Span, Token

# The lemmatizer's table of base forms, copied into the vocabulary's lookups when
# the pipeline loads, so a parsed doc can read it without the pipeline.
VERB_TABLE = "framing_verb_bases"

# A list marker opening a line: a bullet glyph, a dash, an asterisk, "1." or "a)".
MARKER = re.compile(r"^[ \t]*(?:[-*–—•·▪▫●◦‣○■□◆◇➢➤►▶✓✔☐]|\d{1,2}[.)]|[a-z][.)])[ \t]+(?=\S)",
                    re.MULTILINE)
# Tags of a word that is not a verb's base form, whatever the lemmatizer knows.
NOT_BASE = ("VBD", "VBZ", "VBG", "VBN", "VBP", "MD", "PRP", "PRP$", "DT", "IN", "CC", "CD", "WDT",
            "WP", "WRB", "RB", "JJR", "JJS", "NNS", "NNPS")
FINITE = ("VBZ", "VBP", "VBD", "MD")


def keep_verb_bases(nlp: Language) -> None:
    """Copy the lemmatizer's index of verbs (base forms) into ``nlp.vocab.lookups``."""
    if VERB_TABLE in nlp.vocab.lookups.tables or "lemmatizer" not in nlp.pipe_names:
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    index = lookups.get_table("lemma_index")
    verbs = index.get("verb", []) if hasattr(index, "get") else []
    nlp.vocab.lookups.add_table(VERB_TABLE, {word: True for word in verbs if word.isalpha()})


def list_runs(text: str, start: int, end: int) -> list[list[int]]:
    """The lists of ``text[start:end]``: for each run of consecutive list lines (blank
    lines allowed between them), the offsets where its items' words begin."""
    runs: list[list[int]] = []
    current: list[int] = []
    pos = start
    for line in text[start:end].splitlines(keepends=True):
        stripped = line.strip()
        marker = MARKER.match(line)
        if marker is not None:
            current.append(pos + marker.end())
        elif stripped and current:
            runs.append(current)
            current = []
        pos += len(line)
    if current:
        runs.append(current)
    return [run for run in runs if len(run) > 1]


def opening_word(sent: Span) -> Token | None:
    """The first word of ``sent`` after any list marker and spaces."""
    for token in sent:
        if token.is_space or token.is_punct or token.pos_ == "SYM":
            continue
        return token if token.is_alpha else None
    return None


def _verb_bases(token: Token):
    """The lemmatizer's index of verbs' base forms kept with the doc's vocabulary, or
    None when the pipeline has none."""
    lookups = token.doc.vocab.lookups
    return lookups.get_table(VERB_TABLE) if lookups.has_table(VERB_TABLE) else None


def _can_be_base(token: Token) -> bool:
    """Whether ``token`` can be a verb's base form: in the verb index, tagged as no
    other form."""
    bases = _verb_bases(token)
    return bases is not None and token.tag_ not in NOT_BASE and token.lower_ in bases


def base_verb_form(token: Token) -> bool:
    """Whether a capitalised word the model read as a noun or a name can be a verb's
    base form ("Order magnets", "Set aside 20 minutes"): in the lemmatizer's verb
    index and not tagged as any other form."""
    return token.text[:1].isupper() and _can_be_base(token)


def third_person_form(token: Token) -> bool:
    """Whether a word tagged as a verb's base form is its third person instead, the
    base form with "s" or "es" ("- Provides participants with the skills", a list of
    what a training does): not in the lemmatizer's verb index, its stem is."""
    bases = _verb_bases(token)
    word = token.lower_
    if bases is None or not word.endswith("s"):
        return False
    return word not in bases and (word[:-1] in bases or (word.endswith("es") and word[:-2] in bases))


def misread_imperative(sent: Span, prepositional: frozenset[str]) -> Token | None:
    """The verb opening list item ``sent`` if the model misread it as a noun or a name:
    capitalised, a base form in the lemmatizer's verb index, not tagged as any other
    form, with no finite verb at the item's root ("Support groups meet weekly" has one).
    A preposition after it makes it a heading ("Support for survivors"), unless the two
    are one of the ``prepositional`` verbs ("partner with", "talk with") and no capital
    follows them (a title or a name: "Invest in Kids: the county's coalition")."""
    first = opening_word(sent)
    if first is None or not base_verb_form(first):
        return None
    if first.dep_ == "ROOT" and first.tag_ == "VB":
        return None  # read as a verb already; the frames decided about it
    root = sent.root
    if root.tag_ in FINITE or root.pos_ == "AUX" or any(
            c.tag_ in FINITE and c.dep_ in ("aux", "auxpass") for c in root.children):
        return None
    following = first.nbor(1) if first.i + 1 < len(first.doc) else None
    if following is not None and f"{first.lower_} {following.lower_}" in prepositional:
        after = following.nbor(1) if following.i + 1 < len(following.doc) else None
        if after is not None and not after.text[:1].isupper():
            return first
        return None  # before a title or a name: "Invest in Kids: the county's coalition"
    if following is not None and following.text == "," and _run_of_verbs(first):
        return first  # a run of verbs: "Explore, use and share the Libraries Lab"
    if following is None or following.is_punct or (
            following.pos_ in ("VERB", "AUX", "ADP")
            # (a participle that describes the object is no verb: "Implement updated
            # dress code policies")
            and not (following.tag_ == "VBN" and following.dep_ == "amod")):
        return None  # "Training: …", "Support for survivors", "Support is available"
    return first


def _run_of_verbs(first: Token) -> bool:
    """Whether the words joined to ``first`` are all verbs' base forms in lower case, the
    last with an object: "Explore, use and share the Libraries Lab" (the model may read
    any of them as a noun), not "Hope, help and healing for families" nor a name in
    capitals ("Watch, Learn and Talk videos")."""
    joined = sorted(first.conjuncts, key=lambda t: t.i)
    return bool(joined) and all(t.text.islower() and _can_be_base(t) for t in joined
                                ) and any(c.dep_ == "dobj" for c in joined[-1].children)
