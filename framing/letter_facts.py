"""What the fit score reads from a letter's sentences, whoever the partner is.

For each body sentence (each once, however the parser splits a repeat; lists of
words to avoid left out): whether it
says something (has a verb), whether it recounts the sender's own record (the
sender is its subject and it promises nothing), where it names the partner,
their people or those they serve, and where it uses a word of change. With the
opening paragraph and how far it is about the partner rather than the sender.

None of it depends on the partner's priorities, so it is kept with the parsed
doc (:func:`letter_facts`): a comparison against many partners reads the
sentences once, and each partner's priorities are only matched against them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span

from .list_items import misread_imperative
from .message import Message
from .request_parts import doer_of, is_inclusive_we, lemma_of, party_of
from .requests import people_of, requests_of

SHORT_PARAGRAPH = 8       # "I hope this finds you well." opens nothing: read on
REPEAT_RUN = 3            # runs of this many words ...
REPEAT_SHARE = 0.8        # ... nearly all of which one earlier sentence (or two in a row) holds: said again
REPEAT_REACH = 16         # the latest sentences a run is remembered in
WORD_EDGES = re.compile(r"^\W+|\W+$")
KEPT = "framing_letter_facts"
CONTENT_POS = ("PRON", "NOUN", "PROPN")
WE = re.compile(r"\b(?:[Ww]e|[Oo]urs?|[Uu]s|[Mm]y|I)\b")
YOU = re.compile(r"\b(?:you|your|yours)\b", re.IGNORECASE)


@dataclass(frozen=True)
class SentenceFacts:
    """One body sentence, as the fit score reads it."""

    start: int
    end: int
    text: str
    says: bool                            # it has a verb
    record: bool                          # the sender's own record: "we served 40 schools"
    partner: tuple[tuple[int, bool], ...]  # offsets naming them (and whether a pronoun)
    outcomes: tuple[int, ...]             # offsets of words of change ("cut", "safer")
    words: tuple[int, ...]                # offsets of the words a listing is counted over
    theirs: bool                          # about the partner's world
    ours: bool                            # about the sender

    def partner_outside(self, named: list[tuple[int, int]]) -> bool:
        """Names the partner other than inside ``named`` (a pronoun always counts)."""
        return any(pron or not _inside(at, named) for at, pron in self.partner)

    def outcome_outside(self, named: list[tuple[int, int]]) -> bool:
        return any(not _inside(at, named) for at in self.outcomes)

    def listing(self, named: list[tuple[int, int]]) -> bool:
        """Mostly priority words strung together ("Attendance, achievement and
        graduation."): it names them and says nothing."""
        if not named or not self.words:
            return False
        inside = sum(1 for at in self.words if _inside(at, named))
        return inside * 4 >= len(self.words) * 3


@dataclass(frozen=True)
class LetterFacts:
    sentences: tuple[SentenceFacts, ...]
    opening: tuple[int, int]
    centred: tuple[tuple[int, int, str], ...]
    we: int = 0   # "we", "our", "us", "my", "I" in the whole text
    you: int = 0  # "you", "your", "yours"

    def in_opening(self, start: int) -> bool:
        return self.opening[0] <= start < self.opening[1]


def _inside(at: int, named: list[tuple[int, int]]) -> bool:
    return any(s <= at < e for s, e in named)


def _facts(msg: Message, sent: Span, centred: set[int]) -> SentenceFacts:
    spec = msg.lexicons.requests
    people = people_of(msg)
    start, end = msg.sentence_range(sent)
    # a bullet whose opening verb the model read as a name ("• Negotiate contract
    # language…") says something too
    says = any(t.pos_ in ("VERB", "AUX") for t in sent) or misread_imperative(
        sent, spec.prepositional_verbs) is not None
    subject = doer_of(sent.root)  # "was developed by our staff" is the sender's record too
    sender_subject = (subject is not None and party_of(subject, spec, people).kind == "sender"
                      and not is_inclusive_we(subject, spec))
    promise = any(c.dep_ == "aux" and c.lower_ in spec.offer_modals for c in sent.root.children)
    partner, outcomes, words = [], [], []
    for token in sent:
        if token.is_punct or token.is_space:
            continue
        if token.pos_ not in ("CCONJ", "DET"):
            words.append(token.idx)
        lemma = lemma_of(token, spec)
        if lemma in spec.outcomes:
            outcomes.append(token.idx)
        if token.pos_ in CONTENT_POS and (
                lemma in spec.served or party_of(token, spec, people).theirs):
            partner.append((token.idx, token.pos_ == "PRON"))
    ours = start in centred or sender_subject
    return SentenceFacts(start, end, msg.text[start:end], says, sender_subject and not promise,
                         tuple(partner), tuple(outcomes), tuple(words),
                         bool(partner) and not ours, ours)


def _runs(text: str) -> set[tuple[str, ...]]:
    """The sentence's runs of ``REPEAT_RUN`` words, punctuation aside (the whole of a
    shorter one)."""
    words = [w for w in (WORD_EDGES.sub("", w) for w in text.lower().split()) if w]
    return {tuple(words[i:i + REPEAT_RUN]) for i in range(max(1, len(words) - REPEAT_RUN + 1))
            if words}


def _said_again(runs: set[tuple[str, ...]], said: dict[tuple[str, ...], list[int]]) -> bool:
    """Whether one earlier sentence, or two in a row (a repeat the parser split or
    joined differently), holds nearly all of these runs: the sentence says nothing
    new. Two sentences alike in their frame but not their words ("trained school
    nurses", "trained sheriff's deputies") each count. Each run is looked up once and
    keeps at most ``REPEAT_REACH`` sentences, so the work stays linear in the letter."""
    pairs: dict[int, int] = {}
    for run in runs:
        for first in {j for i in said.get(run, ()) for j in (i - 1, i)}:
            pairs[first] = pairs.get(first, 0) + 1
    return bool(pairs) and max(pairs.values()) >= REPEAT_SHARE * len(runs)


def _opening(msg: Message) -> tuple[int, int]:
    sentences = msg.letter_sentences
    if not sentences:
        return (0, 0)
    first = sentences[0].start_char
    paragraphs = [p for p in msg.paragraphs if p[1] > first]
    if not paragraphs:
        return (first, sentences[-1].end_char)
    start, end = max(first, paragraphs[0][0]), paragraphs[0][1]
    if len(msg.text[start:end].split()) < SHORT_PARAGRAPH and len(paragraphs) > 1:
        end = paragraphs[1][1]
    return (start, end)


def compute_facts(msg: Message) -> LetterFacts:
    """The facts of ``msg``'s letter body (see the module docstring)."""
    # where each run of words was said: the kept sentences' indexes
    said: dict[tuple[str, ...], list[int]] = {}
    sentences = []
    for sent in msg.letter_sentences:
        runs = _runs(sent.text)
        if not runs or all(t._.is_mention for t in sent if not t.is_punct):
            continue
        if _said_again(runs, said):
            continue
        for run in runs:
            where = said.setdefault(run, [])
            where.append(len(sentences))
            if len(where) > REPEAT_REACH:
                del where[0]  # a run common to many sentences keeps only the latest
        sentences.append(sent)
    starts = {s.start_char for s in sentences}
    model = requests_of(msg)
    centred = tuple((m.start, m.end, m.text) for m in model.sender_centred if m.start in starts)
    centred_starts = {s for s, _, _ in centred}
    we = len(WE.findall(msg.text))
    you = len(YOU.findall(msg.text))
    if msg.lexicons.requests is None:
        return LetterFacts((), _opening(msg), centred, we, you)
    facts = tuple(_facts(msg, sent, centred_starts) for sent in sentences)
    return LetterFacts(facts, _opening(msg), centred, we, you)


def letter_facts(msg: Message) -> LetterFacts:
    """The letter's facts, kept with the parsed doc by packs version and profile roles."""
    def compute() -> LetterFacts:
        kept = msg.doc.user_data.setdefault(KEPT, {})
        key = (msg.lexicons.version, people_of(msg))  # as the request model: by the words named
        if key not in kept:
            kept[key] = compute_facts(msg)
        return kept[key]
    return msg.analysis("letter_facts", compute)
