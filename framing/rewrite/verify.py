"""Every rewrite is checked before it is kept: the sentence it edits is parsed
again, before and after, and the edit is rejected when

* a number, date, name (a proper noun), quotation or negation changed;
* the sentence lost its main verb, or was split into more sentences;
* a clause was added (a claim the letter did not make: "which supports attendance");
* a grammar problem appeared that the sentence did not have (see :mod:`.grammar`).

Only what the edit changed is judged: problems the original sentence already
had do not count. A rejected rewrite is dropped, and counted with its reasons.
The word lists (negations, clause labels, dates, lint kinds) are in
``lexicons/rewrite.yaml``.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from ..lexicon.rewrite_spec import RewriteSpec
from ..message import Message
from .grammar import GrammarReader
from .model import BLANK, Rewrite

# Marks that carry a template's or a list's structure ("user/ I have", "(choose one)").
STRUCTURAL = "/()[]:;"
QUOTED = re.compile(r"[\"“”]([^\"“”]{2,}?)[\"“”]")
# Kinds that move or cut whole sentences: checked where they are built.
UNPARSED = ("move", "trim")
# Kinds whose replacement is a guideline's or the user's own wording, taken as
# written ("people who use drugs" has a clause the letter's "drug users" did not).
LITERAL = {"guideline", "avoid"}
# A blank stands for a person or thing the writer names: parsed as one.
STAND_IN = "someone"
# Pipeline components the verifier does not need (the framing ones read whole messages).
SKIP = ("framing_context", "framing_terms")


@dataclass
class Rejected:
    """A rewrite the verifier refused, with why."""

    rewrite: Rewrite
    problems: list[str]

    def to_dict(self) -> dict:
        return {"rewrite": self.rewrite.to_dict(), "problems": self.problems}


def edit_context(msg: Message, rewrite: Rewrite) -> tuple[int, int, str, str]:
    """The sentence(s) a rewrite touches: ``(start, end, before, after)``."""
    text = msg.text
    first = msg.sentence_at(rewrite.start)
    last = msg.sentence_at(max(rewrite.start, rewrite.end - 1))
    a = min(msg.sentence_range(first)[0], rewrite.start)
    b = max(msg.sentence_range(last)[1], rewrite.end)
    before = text[a:b]
    after = text[a:rewrite.start] + rewrite.replacement + text[rewrite.end:b]
    return a, b, before, after


class Verifier:
    """Checks edits against the sentences they change; built once per analyzer."""

    def __init__(self, nlp: Language, spec: RewriteSpec):
        self.nlp = nlp
        self.spec = spec
        self.grammar = GrammarReader(spec.grammar_lint_kinds)
        self._skip = [name for name in SKIP if name in nlp.pipe_names]

    def parse(self, texts: list[str]) -> list[Doc]:
        return list(self.nlp.pipe(texts, disable=self._skip))

    def compare(self, pairs: list[tuple]) -> list[list[str]]:
        """Problems for each ``(kind, before, after[, spans])`` of sentence texts; ``spans``
        are the replaced words' ``(start, end)`` in ``before`` and in ``after``."""
        pairs = [(p[0], p[1], _stand_in(p[2]), p[3] if len(p) > 3 else None) for p in pairs]
        unique = list(dict.fromkeys(t for _, before, after, _ in pairs for t in (before, after)))
        docs = dict(zip(unique, self.parse(unique)))
        out = []
        for kind, before, after, spans in pairs:
            problems = self.problems(kind, docs[before], docs[after])
            if spans is not None and kind in LITERAL:
                problems += _word_class(docs[before], docs[after], *spans)
            out.append(problems)
        return out

    def problems(self, kind: str, before: Doc, after: Doc) -> list[str]:
        """What an edit of ``kind`` broke, turning ``before`` into ``after``."""
        out = self._facts(before, after)
        out += self._shape(before, after, clauses=kind not in LITERAL)
        new = self.grammar.parse_problems(after) - self.grammar.parse_problems(before)
        out += [f"grammar: {problem}" for problem in new]
        lints = self.grammar.lints(after.text) - self.grammar.lints(before.text)
        out += [f"grammar checker: {lint_kind.lower()} problem at “{text}”"
                for lint_kind, text in lints]
        return out

    # -- what must not change ---------------------------------------------------
    def _facts(self, before: Doc, after: Doc) -> list[str]:
        out = []
        for label, read in (("numbers or dates", self._numbers), ("names", _names),
                            ("negations", self._negations)):
            lost, added = read(before) - read(after), read(after) - read(before)
            if lost or added:
                out.append(f"{label} changed: " + ", ".join(
                    [f"lost “{w}”" for w in lost] + [f"added “{w}”" for w in added]))
        marks = {c: before.text.count(c) for c in STRUCTURAL}
        changed = [c for c, n in marks.items() if after.text.count(c) != n]
        if changed:
            out.append("punctuation changed: " + " ".join(f"“{c}”" for c in changed))
        for quote in QUOTED.findall(before.text):
            if quote not in after.text:
                out.append(f"quotation changed: “{quote}”")
        return out

    def _numbers(self, doc: Doc) -> Counter:
        return Counter(t.lower_ for t in doc if t.like_num or any(c.isdigit() for c in t.text)
                       or t.lower_ in self.spec.date_words)

    def _negations(self, doc: Doc) -> Counter:
        return Counter("not" if t.lower_ == "n't" else t.lower_ for t in doc
                       if t.lower_ in self.spec.negations or t.dep_ == "neg")

    # -- the sentence's shape ---------------------------------------------------
    def _shape(self, before: Doc, after: Doc, clauses: bool = True) -> list[str]:
        out = []
        if _has_verb(before) and not _has_verb(after):
            out.append("the sentence lost its main verb")
        if len(list(after.sents)) > len(list(before.sents)):
            out.append("the edit split the sentence")
        if clauses and self._clauses(after) > self._clauses(before):
            out.append("the edit adds a clause: a claim the letter did not make")
        return out

    def _clauses(self, doc: Doc) -> int:
        return sum(1 for t in doc if t.dep_ in self.spec.clause_deps and t.pos_ in ("VERB", "AUX"))


# Coarse word classes: a replacement takes the place of words of the same class.
CLASSES = {"NOUN": "noun", "PROPN": "noun", "PRON": "noun", "NUM": "noun", "VERB": "verb",
           "AUX": "verb", "ADJ": "adjective", "ADV": "particle", "ADP": "particle",
           "SCONJ": "particle", "PART": "particle", "CCONJ": "particle"}


def _word_class(before: Doc, after: Doc, old: tuple[int, int], new: tuple[int, int]) -> list[str]:
    """A noun replaced by a verb form ("incidents of date rape" -> "incidents of raped")."""
    was = before.char_span(*old, alignment_mode="expand")
    now = after.char_span(*new, alignment_mode="expand")
    if was is None or now is None or not len(was) or not len(now):
        return []
    a, b = word_class(was), word_class(now)
    if a and b and a != b:
        return [f"grammar: “{now.text}” ({b}) takes the place of “{was.text}” ({a})"]
    numbers = {was.root.tag_, now.root.tag_}
    if a == b == "noun" and numbers in ({"NN", "NNS"}, {"NNP", "NNS"}, {"NN", "NNPS"}):
        # "the underage girl" -> "the children": one person became many
        return [f"“{now.text}” and “{was.text}” differ in number: not the same people"]
    return []


MODIFIERS = ("det", "amod", "compound", "poss", "nummod", "nmod", "advmod")


def word_class(span) -> str | None:
    """The word class of a span; words that only modify a noun after them ("the
    undersigned" in "the undersigned organizations") are a modifier, whatever their parts."""
    outside = [t for t in span if not (span.start <= t.head.i < span.end) or t.head == t]
    if outside and all(t.dep_ in MODIFIERS and t.head.i >= span.end for t in outside):
        return "modifier"
    # The phrase's head is its first word hung outside it, unless that is a lone
    # function word or adverb (a misattached modifier: "Mentally" in "Mentally ill
    # inmates"); a later one is a misattached tail ("people in recovery from …" with
    # "from" put on the adjective before), which spaCy's root, the shallowest, picks.
    heads = [t for t in outside if CLASSES.get(t.pos_) != "particle"
             or any(span.start <= c.i < span.end for c in t.children)]
    head = (heads or outside or [span.root])[0]
    if head.pos_ == "ADJ" and span[0].lower_ == "the" and head.dep_ != "amod":
        return "noun"  # "the mentally ill", "the homeless": an adjective used as a noun
    return CLASSES.get(head.pos_)


def _stand_in(text: str) -> str:
    """``text`` with each blank read as a person ("Someone" at a sentence start)."""
    def one(match: re.Match) -> str:
        before = text[:match.start()].rstrip()
        first = not before or before[-1] in ".!?:\n"
        return STAND_IN.capitalize() if first else STAND_IN
    return BLANK.sub(one, text)


def _names(doc: Doc) -> Counter:
    return Counter(t.text for t in doc if t.pos_ == "PROPN" and t.text[:1].isupper())


def _has_verb(doc: Doc) -> bool:
    return any(t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX") for t in doc)


def verify_rewrites(verifier: Verifier | None, msg: Message,
                    rewrites: list[Rewrite]) -> tuple[list[Rewrite], list[Rejected]]:
    """The rewrites that pass, and those refused with their problems.

    A move keeps its sentence word for word and a trim takes a whole sentence out, at
    the writer's choice; both are checked where they are built (:mod:`.opening`,
    :mod:`.trim`), not here.
    """
    if verifier is None:
        return [], [Rejected(r, ["no verifier: lexicons/rewrite.yaml is missing"]) for r in rewrites]
    pairs, judged = [], []
    for rewrite in rewrites:
        if rewrite.kind in UNPARSED:
            continue
        a, _, before, after = edit_context(msg, rewrite)
        start = rewrite.start - a
        pairs.append((rewrite.kind, before, after, ((start, rewrite.end - a),
                                                    (start, start + len(rewrite.replacement)))))
        judged.append(rewrite)
    verdicts = dict(zip((r.id for r in judged), verifier.compare(pairs)))
    kept, rejected = [], []
    for rewrite in rewrites:
        problems = verdicts.get(rewrite.id, [])
        (rejected.append(Rejected(rewrite, problems)) if problems else kept.append(rewrite))
    return kept, rejected


def verify_together(verifier: Verifier | None, msg: Message,
                    chosen: list[Rewrite]) -> tuple[list[Rewrite], list[Rewrite]]:
    """Edits that pass one by one may clash in one sentence: where the sentence with all
    of its chosen edits fails, only its first edit is kept and the others go back to
    the suggestions."""
    if verifier is None:
        return [], chosen
    groups: dict[int, list[Rewrite]] = {}
    ends: dict[int, int] = {}
    for rewrite in chosen:
        if rewrite.kind not in UNPARSED:
            start, end, _, _ = edit_context(msg, rewrite)
            groups.setdefault(start, []).append(rewrite)
            ends[start] = max(ends.get(start, end), end)
    crowded = {start: group for start, group in groups.items() if len(group) > 1}
    if not crowded:
        return chosen, []
    pairs = []
    for start, group in crowded.items():
        before = msg.text[start:ends[start]]
        after = before
        for rewrite in sorted(group, key=lambda r: r.start, reverse=True):
            after = after[:rewrite.start - start] + rewrite.replacement + after[rewrite.end - start:]
        pairs.append(("combined", before, after))
    dropped: list[Rewrite] = []
    for group, problems in zip(crowded.values(), verifier.compare(pairs)):
        if problems:
            dropped += sorted(group, key=lambda r: r.start)[1:]
    return [r for r in chosen if r not in dropped], dropped
