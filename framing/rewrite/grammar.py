"""Grammar problems an edit brings into a sentence.

Two readers, each asked only about the sentence before and after the edit, so
only problems the edit introduced count:

* Harper (``harper-py``), an offline grammar checker that runs in-process;
  its lints of the kinds ``rewrite.yaml`` counts (``grammar_lint_kinds``), all of
  them: Harper's default drops lints inside a longer one, and a sentence-long
  readability note would hide a misspelling;
* the parse: a modal before a verb that is not in its base form ("can paid"),
  a determiner right before a verb ("the distribute"), "a"/"an" before a plural
  noun, a word written twice in a row, a space before a comma or stop, two
  punctuation marks with nothing between, and a subject whose number the verb
  does not share ("students is"), a pronoun after a verb's particle ("carry
  out it").

Harper's linter is built once per :class:`GrammarReader` (about half a second)
and is not thread-safe, so calls to it are serialised.
"""
from __future__ import annotations

import re
import threading
from collections import Counter

from spacy.tokens import Doc

from .inflect import uncountable

try:  # the grammar checker is a dependency; without it only the parse is read
    import harper
except ImportError:  # pragma: no cover - exercised only on a broken install
    harper = None

SEEN_LIMIT = 2048
SPACE_BEFORE = re.compile(r"\s[,.;:!?](?!\w)")
EMPTY_PUNCT = re.compile(r"[,;:]\s*[,;:.]")
# Subjects that take either number ("the staff are", "the staff is").
EITHER = {"staff", "team", "board", "family", "faculty", "council", "youth",
          "clergy", "congregation", "committee", "group", "number", "majority", "data", "media"}


class GrammarReader:
    """Counts a sentence's grammar problems; one per analyzer."""

    def __init__(self, lint_kinds: frozenset[str]):
        self.lint_kinds = lint_kinds
        self._lock = threading.Lock()
        self._linter = None
        # The same sentence is linted for every edit offered in it: keep the answers
        # (bounded, since a server lints many letters).
        self._seen: dict[str, Counter] = {}

    @property
    def linter(self):
        if self._linter is None and harper is not None:
            with self._lock:
                if self._linter is None:
                    self._linter = harper.Linter()
        return self._linter

    def lints(self, text: str) -> Counter:
        """Harper's lints of the counted kinds, as (kind, problem text) counts."""
        linter = self.linter
        if linter is None or not text.strip():
            return Counter()
        if text in self._seen:
            return self._seen[text]
        with self._lock:
            found = linter.lint(text, language="plaintext", dedup=False)
        counts = Counter((lint.lint_kind, lint.problem_text.lower()) for lint in found
                         if lint.lint_kind in self.lint_kinds)
        if len(self._seen) >= SEEN_LIMIT:
            self._seen.clear()
        self._seen[text] = counts
        return counts

    @staticmethod
    def parse_problems(doc: Doc) -> Counter:
        """Problems read off the parse of one sentence (see the module docstring)."""
        out: Counter = Counter()
        tokens = [t for t in doc if not t.is_space]
        for prev, token in zip(tokens, tokens[1:]):
            if prev.tag_ == "MD" and token.pos_ in ("VERB", "AUX") and \
                    token.tag_ in ("VBD", "VBN", "VBZ", "VBG"):
                out[f"“{prev.text} {token.text}”: a modal needs the verb's base form"] += 1
            if prev.tag_ == "DT" and prev.lower_ in ("the", "a", "an") and \
                    token.tag_ in ("VB", "VBZ", "VBD", "MD"):
                out[f"“{prev.text} {token.text}”: an article before a verb"] += 1
            if prev.lower_ in ("a", "an") and token.tag_ in ("NNS", "NNPS") and \
                    token.dep_ not in ("compound", "amod"):
                out[f"“{prev.text} {token.text}”: “a” before a plural noun"] += 1
            if prev.tag_ == "IN" and prev.dep_ == "prep" and token.tag_ in ("VBD", "VBN") \
                    and token.dep_ != "amod":
                out[f"“{prev.text} {token.text}”: a preposition before a bare verb"] += 1
            if prev.tag_ == "PRP$" and token.pos_ in ("VERB", "AUX"):
                out[f"“{prev.text} {token.text}”: a possessive before a verb"] += 1
            if prev.dep_ == "prt" and token.tag_ == "PRP" and token.dep_ in ("dobj", "pobj"):
                # "carry out it": a pronoun object goes between verb and particle
                out[f"“{prev.text} {token.text}”: the pronoun belongs before “{prev.text}”"] += 1
            if prev.lower_ == token.lower_ and token.is_alpha and prev.lower_ != "that":
                out[f"“{prev.text} {token.text}”: a word written twice"] += 1
        for token in tokens:
            if token.lower_ in ("a", "an") and token.dep_ == "det" and \
                    token.head.tag_ == "NN" and uncountable(token.head.text):
                out[f"“{token.text} … {token.head.text}”: “a” before a mass noun"] += 1
            preps = [c.lower_ for c in token.children if c.dep_ == "prep"]
            for word in set(preps):
                if preps.count(word) > 1 and word in ("by", "with"):
                    out[f"two “{word}” phrases on “{token.text}”"] += 1
        for index, token in enumerate(tokens):
            if token.lower_ == "sure" and index and tokens[index - 1].lemma_ == "make" and \
                    index + 1 < len(tokens) and tokens[index + 1].lower_ not in ("of", "that") and \
                    not any(t.pos_ in ("VERB", "AUX") for t in tokens[index + 1:index + 8]
                            if not t.is_punct):
                out["“make sure” before a noun: it needs a clause (“make sure that …”)"] += 1
            if token.dep_ == "nsubj" and not _agrees(token):
                out[f"“{token.text} … {token.head.text}”: the verb does not agree with its subject"] += 1
        text = doc.text
        for match in SPACE_BEFORE.finditer(text):
            out["a space before punctuation"] += 1
        for match in EMPTY_PUNCT.finditer(text):
            out[f"“{match.group()}”: punctuation with nothing between"] += 1
        return out


PLURAL_PRONOUNS = {"they", "we", "you", "i"}
# Nouns that are plural whatever their form: "the police harass", "people are".
PLURAL_ONLY = {"police", "people", "clergy", "cattle"}


def _agrees(subject) -> bool:
    """Whether a noun subject and its finite verb share a number (nouns of either
    number pass; of pronouns, "they", "we", "you" and "I" never take "is" or "has")."""
    if subject.lower_ in PLURAL_PRONOUNS:
        verb = subject.head
        finite = next((c for c in verb.children if c.dep_ in ("aux", "auxpass")
                       and c.tag_ in ("VBZ", "VBP")), verb if verb.tag_ in ("VBZ",) else None)
        return finite is None or finite.tag_ != "VBZ"
    if subject.pos_ not in ("NOUN", "PROPN") or subject.lower_ in EITHER or \
            subject.lemma_.lower() in EITHER:
        return True
    verb = subject.head
    joined = any(c.dep_ == "conj" for c in subject.children) and \
        any(c.lower_ == "and" for c in subject.children)  # "the school and the clinic": plural
    finite = next((c for c in verb.children if c.dep_ in ("aux", "auxpass") and
                   c.tag_ in ("VBZ", "VBP")), None)
    finite = finite or (verb if verb.tag_ in ("VBZ", "VBP") else None)
    if finite is None:
        return True
    plural = joined or subject.tag_ in ("NNS", "NNPS") or subject.lower_ in PLURAL_ONLY
    return not ((plural and finite.tag_ == "VBZ") or (not plural and subject.tag_ == "NN"
                                                      and finite.tag_ == "VBP" and not joined))
