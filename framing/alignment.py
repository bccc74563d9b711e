"""How well a pitch fits the partner it goes to (score 0-100), part by part.

A pitch fits when it ties the partner's priorities to what the partner gains,
opens on that, makes a specific ask the partner can say yes to, leaves little
new work on them and talks about the partner rather than about the sender:

* priorities (30): the partner's ranked priorities that a sentence ties to a
  gain (it names the partner, its people or those it serves, or says what
  improves, drops or is protected), weighted by rank against their top three;
  a priority counts once however often it is named, a sentence ties at most
  two, and a sentence about the sender's own record ties none;
* lead (20): the opening paragraph (after the greeting) ties a priority to a
  gain (60%: the top priority fully, another 70% of that) and opens on the
  partner's world rather than the sender's (40%);
* ask (15): a specific request (a concrete action, or a named bill or event;
  no template blanks), bounded (a time, a way to answer or a size) and light:
  full marks; specific but open-ended, or no ask but an offer they can take up,
  60%; vague, heavy or none 30%;
* burden (15): high-burden requests cost, the sender taking work on gives back (an
  offer said twice counts once);
* focus (20): the share of sentences about the sender itself (its history,
  record, anniversaries, galas, grants, awards): half of them costs it all;
* and each unfilled template blank costs 5 points (at most 20): a blank never
  counts as a named person, a date or a size either, a blank read as who is asked
  weighs the request as if all of them were (unless it names one person, or the
  actions are blanks too), and the letter's to-dos list it until it is filled.

Every part lists the words that earned or cost it (``explain``). The analysis is
computed once per message (:func:`alignment_of`) from the parse, the request
model and the priorities, never from which checks ran. Only the letter's body
counts: a line above the greeting, the subject line and the signature do not.
"""
from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from .lexicon import Lexicons
from .lexicon.schema import terms_pattern
from .message import Message
from .letter_facts import LetterFacts, SentenceFacts, letter_facts
from .request_model import LIMITS, RequestModel
from .requests import requests_of

WEIGHTS = {"priorities": 30, "lead": 20, "ask": 15, "burden": 15, "focus": 20}
TARGET_PRIORITIES = 3
PER_SENTENCE = 2          # a sentence listing more priorities ties only this many
CENTRED_SHARE_COST = 2.0  # half the sentences about us costs the whole part
LEAD_PRIORITY = 0.6       # the rest of the lead is opening on the partner's world
HEAVY_COST = 0.4
OFFER_CREDIT = 0.2
NO_ASK = 0.3
OPEN_ASK = 0.6
BLANK_COST = 5
BLANK_LIMIT = 20


@dataclass
class PriorityHit:
    """Where one priority is named, and the sentences that tie it to a gain."""

    id: str
    label: str
    rank: int
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    gains: list[tuple[int, int, str]] = field(default_factory=list)

    @property
    def addressed(self) -> bool:
        return bool(self.gains)


class AlignmentAnalysis:
    """Priorities tied to gains, the lead, the ask, burden and focus of one message."""

    def __init__(self, msg: Message, sender_terms: list[str] | tuple[str, ...] = ()):
        self.msg = msg
        self.sender_terms = tuple(sender_terms)

    @cached_property
    def model(self) -> RequestModel:
        return requests_of(self.msg)

    @cached_property
    def facts(self) -> LetterFacts:
        return letter_facts(self.msg)

    @cached_property
    def centred(self) -> tuple[tuple[int, int, str], ...]:
        """Sentences about the sender itself."""
        return self.facts.centred

    @staticmethod
    def _ties(sentence: SentenceFacts, named: list[tuple[int, int]]) -> bool:
        """Whether a priority named in ``sentence`` is tied to what the partner gains:
        the sentence says something (not a list of priority words, not the sender's
        own record) and names the partner, their people or those they serve, or a
        change ("drain", "cut", "safer"), other than inside the priority's own words."""
        if not sentence.says or sentence.record or sentence.listing(named):
            return False
        return sentence.partner_outside(named) or sentence.outcome_outside(named)

    @cached_property
    def hits(self) -> list[PriorityHit]:
        """Each priority's matches and the sentences that tie it to a gain."""
        return self._matches[0]

    @cached_property
    def named(self) -> dict[int, list[tuple[int, int]]]:
        """Where each sentence (by its start) names the partner's priorities."""
        return self._matches[1]

    @cached_property
    def _matches(self) -> tuple[list[PriorityHit], dict[int, list[tuple[int, int]]]]:
        hits = [PriorityHit(p.id, p.label, p.rank) for p in self.msg.priorities]
        named_in: dict[int, list[tuple[int, int]]] = {}
        centred = {s for s, _, _ in self.centred}
        # Each priority searched once over the text (only where a match can start),
        # its matches then given to the sentences they fall in.
        sentences = self.facts.sentences
        starts = [s.start for s in sentences]
        per_sentence: list[dict[str, list]] = [{} for _ in sentences]
        text = self.msg.text
        for hit, priority in zip(hits, self.msg.priorities):
            for s, e in self.msg.spans_of(priority.pattern):
                index = bisect.bisect_right(starts, s) - 1
                if index < 0 or e > sentences[index].end or self.msg.overlaps_mention(s, e):
                    continue
                per_sentence[index].setdefault(hit.id, []).append((s, e, text[s:e]))
                hit.spans.append((s, e, text[s:e]))
        for sentence, found in zip(sentences, per_sentence):
            start = sentence.start
            named = [(s, e) for matches in found.values() for s, e, _ in matches]
            named_in[start] = named
            tied = 0
            for hit in hits:
                matches = found.get(hit.id)
                if (matches and tied < PER_SENTENCE and start not in centred and not hit.gains
                        and self._ties(sentence, named)):
                    hit.gains.append((start, sentence.end, sentence.text))
                    tied += 1
        return hits, named_in

    @property
    def opening(self) -> tuple[int, int]:
        """The opening paragraph of the letter's body (with the next one when it is a
        pleasantry of a few words)."""
        return self.facts.opening

    def in_opening(self, start: int) -> bool:
        return self.facts.in_opening(start)

    def _best_in_opening(self, places: Callable[[PriorityHit], list]) -> PriorityHit | None:
        """The best-ranked priority with one of ``places(hit)`` in the opening."""
        return next((hit for hit in self.hits
                     if any(self.in_opening(start) for start, _, _ in places(hit))), None)

    @cached_property
    def lead(self) -> PriorityHit | None:
        """The best-ranked priority the opening ties to a gain."""
        return self._best_in_opening(lambda hit: hit.gains)

    @cached_property
    def named_in_opening(self) -> PriorityHit | None:
        """The best-ranked priority the opening names at all (tied to a gain or not)."""
        return self._best_in_opening(lambda hit: hit.spans)

    @cached_property
    def partner_word_spans(self) -> list[tuple[int, int]]:
        return self.msg.spans_of(self.msg.partner_words)

    @cached_property
    def leads_with_partner_words(self) -> bool:
        return any(self.in_opening(start) for start, _ in self.partner_word_spans)

    @cached_property
    def sender_spans(self) -> list[tuple[int, int]]:
        """The sender's issue language (read by the ``sender_language`` check)."""
        terms = list(self.sender_terms)
        if self.msg.sector:
            for swap in self.msg.sector.swaps:
                terms += list(swap.sender)
        pattern = terms_pattern(terms) if terms else None
        if pattern is None:
            return []
        return [(start, end) for start, end in self.msg.spans_of(pattern)
                if not self.msg.overlaps_mention(start, end)]

    @cached_property
    def partner_hit_count(self) -> int:
        return sum(len(h.spans) for h in self.hits) + len(self.partner_word_spans)

    @cached_property
    def sender_share(self) -> float:
        sender = len(self.sender_spans)
        total = sender + self.partner_hit_count
        return sender / total if total else 0.0

    # -- the parts -------------------------------------------------------------
    def part_priorities(self, explain: list) -> float:
        hits = self.hits
        weights = {h.id: len(hits) - i for i, h in enumerate(hits)}
        target = sum(sorted(weights.values(), reverse=True)[:TARGET_PRIORITIES]) or 1
        for hit in hits:
            if hit.gains:
                explain.append(_why("priorities", "earned", hit.gains[0],
                                    f"ties {hit.label.lower()} to what they gain"))
            elif hit.spans:
                explain.append(_why("priorities", "missed", hit.spans[0],
                                    f"names {hit.label.lower()} but not what they gain from it"))
        return min(1.0, sum(weights[h.id] for h in hits if h.addressed) / target)

    @cached_property
    def opening_sides(self) -> tuple[int, int]:
        """Of the opening paragraph's sentences, how many are about the partner's world
        (naming the partner, its people or those it serves without the sender as their
        subject) and how many about the sender."""
        theirs = ours = 0
        for sentence in self.facts.sentences:
            if not self.in_opening(sentence.start) or not sentence.says or sentence.listing(
                    self.named.get(sentence.start, [])):
                continue  # a list of words says nothing about anyone
            ours += sentence.ours
            theirs += sentence.theirs
        return theirs, ours

    @property
    def orientation(self) -> float:
        """How far the opening is about the partner's world rather than the sender's."""
        theirs, ours = self.opening_sides
        # An opening about neither (a report, a national figure) earns nothing either:
        # crediting it would reward an opening that avoids saying whom it is about.
        return theirs / (theirs + ours) if theirs + ours else 0.0

    def part_lead(self, explain: list) -> float:
        lead = self.lead
        start, end = self.opening
        opening = (start, end, self.msg.text[start:end])
        value = 0.0
        if lead is None:
            explain.append(_why("lead", "missed", opening, "the opening ties none of their priorities to a gain"))
        else:
            top = self.hits[0].id if self.hits else None
            explain.append(_why("lead", "earned", lead.gains[0], f"opens on {lead.label.lower()}"))
            value = LEAD_PRIORITY * (1.0 if lead.id == top else 0.7)
        orientation = self.orientation
        if not any(self.opening_sides):
            explain.append(_why("lead", "cost", opening,
                                "opens on neither them nor us: open on their world"))
        elif orientation >= 0.5:
            explain.append(_why("lead", "earned", opening, "opens on them, not on us"))
        else:
            explain.append(_why("lead", "cost", opening, "opens on us, not on them"))
        return value + (1.0 - LEAD_PRIORITY) * orientation

    def part_ask(self, explain: list) -> float:
        ask = self.model.best_ask
        offer = self.model.standing_offer
        if ask is None and offer is not None:
            # Nothing asked in words, but an offer they can say yes to ("I can send
            # you a short list of story ideas"): better than nothing, not yet an ask.
            explain.append(_why("ask", "cost", (offer.start, offer.end, offer.text),
                                "an offer they can take up, but no ask: say what you ask of them"))
            return OPEN_ASK
        if ask is None:
            # No ask is as weak as a vague one: either way the partner has nothing to
            # say yes to (a letter that only informs or thanks is not a pitch).
            explain.append(_why("ask", "missed", None, "no request found"))
            return NO_ASK
        where = (ask.start, ask.end, ask.text)
        if not ask.specific:
            explain.append(_why("ask", "cost", where, "the ask is vague: say who does what, when"))
            return NO_ASK
        if ask.burden == "high":
            explain.append(_why("ask", "cost", where, "specific, but heavy: " + ", ".join(ask.reasons)))
            return NO_ASK
        bounded = [b for b in ask.bounds if b in LIMITS]
        if not bounded:
            explain.append(_why("ask", "cost", where, "specific, but open-ended: say when or how much"))
            return OPEN_ASK
        explain.append(_why("ask", "earned", where, "a specific, bounded ask: " + ", ".join(ask.bounds)))
        return 1.0

    def part_burden(self, explain: list) -> float:
        heavy = self.model.heavy
        # an offer said again earns nothing more: only the sentences the letter's facts
        # keep count, as for the other parts (a repeat is not kept)
        kept = {sentence.start for sentence in self.facts.sentences}
        offers = [offer for offer in self.model.offers if offer.start in kept]
        for request in heavy:
            explain.append(_why("burden", "cost", (request.start, request.end, request.text),
                                "new work for them: " + ", ".join(request.reasons)))
        for offer in offers[:2]:
            explain.append(_why("burden", "earned", (offer.start, offer.end, offer.text),
                                "you take the work on"))
        credit = OFFER_CREDIT * min(len(offers), 2)
        return max(0.0, min(1.0, 1.0 - HEAVY_COST * len(heavy) + (credit if heavy else 0.0)))

    def part_focus(self, explain: list) -> float:
        for item in self.centred:
            explain.append(_why("focus", "cost", item, "about us, not them"))
        # A share of the sentences that say something (a verbless list adds nothing).
        saying = [s for s in self.facts.sentences
                  if s.says and not s.listing(self.named.get(s.start, []))]
        if not saying:
            return 1.0
        return max(0.0, 1.0 - CENTRED_SHARE_COST * len(self.centred) / len(saying))

    def score(self, burden_findings: int = 0) -> dict:
        """The score with its parts, what earned or cost each, and the priorities."""
        explain: list[dict] = []
        parts = {"priorities": self.part_priorities(explain), "lead": self.part_lead(explain),
                 "ask": self.part_ask(explain), "burden": self.part_burden(explain),
                 "focus": self.part_focus(explain)}
        raw = sum(WEIGHTS[k] * v for k, v in parts.items())
        # An unfilled blank ("[who on your team]", "[date]") is not ready to send: it
        # never counts as a named person or a date, and each costs points.
        blanks = self.model.placeholders
        for blank in blanks:
            explain.append(_why("blanks", "cost", (blank.start, blank.end, blank.text),
                                "an unfilled blank"))
        raw -= min(BLANK_LIMIT, BLANK_COST * len(blanks))
        we, you = self.facts.we, self.facts.you
        return {
            "score": max(0, min(100, round(raw))),
            "parts": {k: round(v, 3) for k, v in parts.items()},
            "weights": WEIGHTS,
            "burden_penalty": 0,
            "blank_penalty": min(BLANK_LIMIT, BLANK_COST * len(blanks)),
            "leads_with": self.lead.id if self.lead else None,
            "sender_share": round(self.sender_share, 3),
            "we_you": {"we": we, "you": you},
            "explain": explain,
            "priorities": [
                {"id": h.id, "label": h.label, "rank": h.rank, "addressed": h.addressed,
                 "named": bool(h.spans),
                 "where": [{"start": s, "end": e, "text": t} for s, e, t in h.spans],
                 "gains": [{"start": s, "end": e, "text": t} for s, e, t in h.gains]}
                for h in self.hits
            ],
        }


def _why(part: str, effect: str, where, why: str) -> dict:
    """One line of explanation: which part, earned/cost/missed, the words, and why."""
    item = {"part": part, "effect": effect, "why": why}
    if where is not None:
        start, end, text = where
        item.update({"start": start, "end": end, "text": text})
    return item


def sender_terms(lexicons: Lexicons) -> tuple[str, ...]:
    """The sender's issue-language terms: those of every ``sender_language`` rule in the packs."""
    return tuple(term for rule in lexicons.rules if rule.kind == "sender_language"
                 for term in rule.options["terms"])


def alignment_of(msg: Message) -> AlignmentAnalysis:
    """The message's alignment analysis, computed once and read by checks and the score."""
    return msg.analysis("alignment", lambda: AlignmentAnalysis(msg, sender_terms(msg.lexicons)))
