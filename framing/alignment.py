"""How well a message speaks to a partner's ranked priorities (score 0-100).

The score is explainable by its parts, each reported:

* coverage (45%): the ranked priorities the message addresses, weighted by
  rank; addressing the top two (or the same weight lower down) is full marks;
* lead (25%): whether the opening sentences lead with a priority (the top
  priority counts fully, others 70%);
* partner language (15%): the partner's priority words against the
  sender's issue language;
* partner voice (15%): "you/your" against "we/our/us";
* minus 5 points per burden finding (at most 20).

The analysis is computed once per message (:func:`alignment_of`) from the
message, its sector or profile and the packs' ``sender_language`` terms, never
from which checks ran: the same text against the same sector scores the same
as a pitch and as campaign copy.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from .lexicon import Lexicons
from .lexicon.schema import terms_pattern
from .message import Message

LEAD_SENTENCES = 2
WE = re.compile(r"\b(?:[Ww]e|[Oo]urs?|[Uu]s|[Mm]y|I)\b")
YOU = re.compile(r"\b(?:you|your|yours)\b", re.IGNORECASE)
WEIGHTS = {"coverage": 45, "lead": 25, "language": 15, "voice": 15}


@dataclass
class PriorityHit:
    id: str
    label: str
    rank: int
    spans: list[tuple[int, int, str]] = field(default_factory=list)

    @property
    def addressed(self) -> bool:
        return bool(self.spans)


class AlignmentAnalysis:
    """Priority hits, the lead and the language mix of one message."""

    def __init__(self, msg: Message, sender_terms: list[str] | tuple[str, ...] = ()):
        self.msg = msg
        self.sender_terms = tuple(sender_terms)

    @cached_property
    def hits(self) -> list[PriorityHit]:
        hits = []
        for priority in self.msg.priorities:
            hit = PriorityHit(priority.id, priority.label, priority.rank)
            for start, end in self.msg.spans_of(priority.pattern):
                if not self._is_mention(start, end):
                    hit.spans.append((start, end, self.msg.text[start:end]))
            hits.append(hit)
        return hits

    @cached_property
    def partner_word_spans(self) -> list[tuple[int, int]]:
        return self.msg.spans_of(self.msg.partner_words)

    def _is_mention(self, start: int, end: int) -> bool:
        span = self.msg.doc.char_span(start, end, alignment_mode="expand")
        return span is not None and any(t._.is_mention for t in span)

    @cached_property
    def opening(self) -> tuple[int, int]:
        """The body's opening sentences (never a subject line or salutation)."""
        sentences = self.msg.opening_sentences(LEAD_SENTENCES)
        return (sentences[0].start_char, sentences[-1].end_char) if sentences else (0, 0)

    def in_opening(self, start: int) -> bool:
        return self.opening[0] <= start < self.opening[1]

    @cached_property
    def lead(self) -> PriorityHit | None:
        """The best-ranked priority addressed in the opening sentences."""
        for hit in self.hits:
            if any(self.in_opening(start) for start, _, _ in hit.spans):
                return hit
        return None

    @cached_property
    def leads_with_partner_words(self) -> bool:
        return any(self.in_opening(start) for start, _ in self.partner_word_spans)

    @cached_property
    def sender_spans(self) -> list[tuple[int, int]]:
        terms = list(self.sender_terms)
        if self.msg.sector:
            for swap in self.msg.sector.swaps:
                terms += list(swap.sender)
        pattern = terms_pattern(terms) if terms else None
        if pattern is None:
            return []
        return [(start, end) for start, end in self.msg.spans_of(pattern)
                if not self._is_mention(start, end)]

    @cached_property
    def partner_hit_count(self) -> int:
        return sum(len(h.spans) for h in self.hits) + len(self.partner_word_spans)

    @cached_property
    def sender_share(self) -> float:
        sender = len(self.sender_spans)
        total = sender + self.partner_hit_count
        return sender / total if total else 0.0

    def score(self, burden_findings: int = 0) -> dict:
        """The alignment score with its parts, per-priority coverage and lead."""
        hits = self.hits
        n = len(hits)
        weights = [n - i for i in range(n)]
        target = sum(weights[:2]) or 1
        covered = sum(w for w, h in zip(weights, hits) if h.addressed)
        coverage = min(1.0, covered / target)
        lead = self.lead
        lead_value = 0.0
        if lead is not None:
            lead_value = 1.0 if lead.rank == hits[0].rank else 0.7
        elif self.leads_with_partner_words:
            lead_value = 0.7
        language = 1.0 - self.sender_share if (self.sender_spans or self.partner_hit_count) else 0.5
        we = len(WE.findall(self.msg.text))
        you = len(YOU.findall(self.msg.text))
        voice = you / (you + we) if (you + we) else 0.5
        voice = min(1.0, voice * 2)  # an even mix of "we" and "you" is fine
        parts = {"coverage": coverage, "lead": lead_value, "language": language, "voice": voice}
        raw = sum(WEIGHTS[k] * v for k, v in parts.items())
        penalty = min(20, 5 * burden_findings)
        score = max(0, min(100, round(raw - penalty)))
        return {
            "score": score,
            "parts": {k: round(v, 3) for k, v in parts.items()},
            "weights": WEIGHTS,
            "burden_penalty": penalty,
            "leads_with": lead.id if lead else None,
            "sender_share": round(self.sender_share, 3),
            "we_you": {"we": we, "you": you},
            "priorities": [
                {"id": h.id, "label": h.label, "rank": h.rank, "addressed": h.addressed,
                 "where": [{"start": s, "end": e, "text": t} for s, e, t in h.spans]}
                for h in hits
            ],
        }


def sender_terms(lexicons: Lexicons) -> tuple[str, ...]:
    """The sender's issue-language terms: those of every ``sender_language`` rule in the packs."""
    return tuple(term for rule in lexicons.rules if rule.kind == "sender_language"
                 for term in rule.options["terms"])


def alignment_of(msg: Message) -> AlignmentAnalysis:
    """The message's alignment analysis, computed once and read by checks and the score."""
    return msg.analysis("alignment", lambda: AlignmentAnalysis(msg, sender_terms(msg.lexicons)))
