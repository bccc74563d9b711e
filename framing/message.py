"""What the checks see: one parsed message with its sector, profile and gates."""
from __future__ import annotations

import bisect
import re
from datetime import date
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Callable, Hashable, TypeVar

import numpy
from spacy.attrs import DEP, IDX, IS_PUNCT, IS_SPACE
from spacy.tokens import Doc, Span, Token

from .findings import Finding, downgrade, line_and_column
from .lexicon import Lexicons, Rule, Sector, scan
from .lexicon.compiled import literal_memo
from .lexicon.model import Priority
from .lexicon.schema import terms_pattern
from .profile import PartnerProfile
from .readability import readability
from .spacy_attributes import QUOTED_KEY, doc_text, shared_source
from .structure import Structure, tells_no_case
from .typography import PlainPattern

# Matches of a pattern in a parsed doc's text, by pattern (see ``Message.spans_of``).
SPANS_KEY = "framing_spans"

T = TypeVar("T")

MENTION_KEY = "framing_mention_ranges"
# Values that depend on the parse alone, by name (see ``Message._per_doc``).
PER_DOC_KEY = "framing_per_doc"
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*")


@dataclass
class Message:
    """A parsed message and everything a check may ask about it."""

    doc: Doc
    lexicons: Lexicons
    kind: str = "pitch"
    sector: Sector | None = None
    profile: PartnerProfile | None = None
    today: date = field(default_factory=date.today)
    # Analyses computed once per message (see ``analysis``); a cache, not a channel.
    _analyses: dict[Hashable, Any] = field(default_factory=dict, init=False, repr=False)

    def analysis(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The analysis named ``key``, computed by ``compute()`` the first time it is asked for.

        An analysis depends only on the parse and on the rule data its ``key`` names,
        never on which checks ran before: checks and scores that ask for it see the
        same value whatever runs, in whatever order, and it is computed once.
        """
        if key not in self._analyses:
            self._analyses[key] = compute()
        return self._analyses[key]

    def _per_doc(self, key: str, compute: Callable[[], T]) -> T:
        """A value that depends on the parse alone, kept with the parsed doc: checking
        one text against many partners builds a message per partner, and each would
        otherwise work it out again."""
        kept = self.doc.user_data.setdefault(PER_DOC_KEY, {})
        if key not in kept:
            kept[key] = compute()
        return kept[key]

    @cached_property
    def readability(self) -> dict:
        """Readability figures of the text (kept on the parsed doc, so scoring one parse
        against many profiles does not compute them again)."""
        if "framing_readability" not in self.doc.user_data:
            self.doc.user_data["framing_readability"] = readability(self.text)
        return self.doc.user_data["framing_readability"]

    @cached_property
    def text(self) -> str:
        # Doc.text rebuilds the string on every access; the pipeline keeps it once.
        return doc_text(self.doc)

    @cached_property
    def sentences(self) -> list[Span]:
        text = self.text
        return self._per_doc("sentences", lambda: [
            s for s in self.doc.sents
            if not text[s.start_char:s.end_char].isspace() and s.end_char > s.start_char])

    @cached_property
    def sentence_texts(self) -> list[str]:
        """Each sentence's text, sliced once from the message text."""
        return self._per_doc("sentence_texts", lambda: [
            self.text[s.start_char:s.end_char] for s in self.sentences])

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start_char for s in self.sentences]

    @cached_property
    def has_quotations(self) -> bool:
        """Whether any token may be inside quotation marks (False only when the context
        marker found none, so no token's ``in_quote`` is set)."""
        return self.doc.user_data.get(QUOTED_KEY) != []

    @cached_property
    def source(self) -> scan.Source:
        """The text as the match shortcuts read it: its plain and lower-cased forms and
        where their words start (shared with the pipeline components)."""
        return shared_source(self.doc, self.text)

    def spans_of(self, pattern) -> list[tuple[int, int]]:
        """``(start, end)`` of each match of ``pattern`` (a ``re.Pattern`` or a pack's
        ``PlainPattern``; None: no match) in the text, as ``finditer`` finds them,
        without scanning when the text lacks every literal a match needs and trying the
        pattern only where a match can start (:mod:`framing.lexicon.scan`)."""
        if pattern is None:
            return []
        # Kept with the parsed doc: checked against many partners, a text is scanned
        # once for a pattern they share (a sector's default priorities, its sender terms).
        kept = self.doc.user_data.setdefault(SPANS_KEY, {})
        key = (isinstance(pattern, PlainPattern), pattern.pattern, pattern.flags)
        if key not in kept:
            kept[key] = scan.spans(pattern, self.source, literal_memo(self.lexicons))
        return list(kept[key])

    def found(self, pattern) -> bool:
        """Whether ``pattern.search(self.text)`` finds anything, tried only where a match
        can start."""
        return scan.found(pattern, self.source, literal_memo(self.lexicons))

    def may_start_between(self, pattern, start: int, end: int) -> bool:
        """False only when no match of ``pattern`` can start in the text's ``start:end``
        (searched on its own); where one can is worked out once per message and pattern."""
        key = ("starts", isinstance(pattern, PlainPattern), pattern.pattern, pattern.flags)
        places = self.analysis(key, lambda: scan.possible_starts(
            pattern, self.source, literal_memo(self.lexicons)))
        return scan.may_start_in_part(places, self.text, start, end)

    def may_start_in_sentence(self, pattern, index: int) -> bool:
        """False only when no match of ``pattern`` can start in sentence ``index`` (or any
        part of it that begins after a space)."""
        sent = self.sentences[index]
        return self.may_start_between(pattern, sent.start_char, sent.end_char)

    def search_sentence(self, pattern, index: int):
        """``pattern.search`` of sentence ``index``'s text, not run when no match can start
        in it."""
        if not self.may_start_in_sentence(pattern, index):
            return None
        return pattern.search(self.sentence_texts[index])

    @cached_property
    def term_spans(self) -> dict[str, list[Span]]:
        """Matches of ``term`` rules from the pipeline, grouped by rule id."""
        grouped: dict[str, list[Span]] = {}
        for span in self.doc.spans.get("framing_terms", []):
            grouped.setdefault(span.label_, []).append(span)
        return grouped

    @cached_property
    def sentence_word_counts(self) -> list[int]:
        """Words (tokens that are not punctuation or space) per sentence."""
        flags = self.doc.to_array([IS_PUNCT, IS_SPACE])
        words = numpy.concatenate([[0], numpy.cumsum((flags.sum(axis=1) == 0).astype(int))])
        return [int(words[s.end] - words[s.start]) for s in self.sentences]

    @cached_property
    def _dependencies(self):
        return self.doc.to_array([DEP]).reshape(-1)

    def tokens_with_dep(self, *labels: str) -> list[Token]:
        """Tokens whose dependency label is one of ``labels``, found without a Python
        loop over every token (which builds a Token object each)."""
        wanted = [self.doc.vocab.strings.add(label) for label in labels]
        return [self.doc[int(i)] for i in numpy.nonzero(numpy.isin(self._dependencies, wanted))[0]]

    def sentence_index(self, char: int) -> int:
        """Index of the sentence holding a character offset."""
        return max(0, bisect.bisect_right(self._sentence_starts, char) - 1)

    def sentence_at(self, char: int) -> Span:
        return self.sentences[self.sentence_index(char)]

    @cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        """Character ranges of paragraphs (blank-line separated), trimmed."""
        ranges, start = [], 0
        for brk in [*PARAGRAPH_BREAK.finditer(self.text), None]:
            end = brk.start() if brk else len(self.text)
            chunk = self.text[start:end]
            if chunk.strip():
                lead = len(chunk) - len(chunk.lstrip())
                ranges.append((start + lead, start + len(chunk.rstrip())))
            start = brk.end() if brk else end
        return ranges

    @cached_property
    def word_count(self) -> int:
        return self._per_doc("word_count", lambda: len(WORD.findall(self.text)))

    @cached_property
    def passive_sentences(self) -> int:
        """How many sentences have a passive subject or auxiliary."""
        return self._per_doc("passive_sentences", lambda: len(
            {self.sentence_index(t.idx) for t in self.tokens_with_dep("nsubjpass", "auxpass")}))

    @cached_property
    def gates(self) -> set[str]:
        """Topic gates present, plus the message kind and whether a sector is set."""
        gates = set(self.doc._.framing_topics or {})
        gates.add(self.kind)
        if self.sector is not None:
            gates.add("sector")
        if self.kind == "campaign" and "norms" in gates:
            gates.add("norms-campaign")
        if self.structure.reporting:
            gates.add("reporting")
        if self.structure.advice:
            gates.add("advice")
        if self.structure.procedure:
            gates.add("procedure")
        if self.structure.proclamation:
            gates.add("proclamation")
        if self.structure.policy:
            gates.add("policy")
        return gates

    @cached_property
    def subjects(self) -> set[str]:
        """Topics the message is about (a cue in its headline or in several sentences),
        not merely mentioned: what document-level checks such as a missing help line ask."""
        return set(self.doc._.framing_subjects or ())

    @cached_property
    def mention_ranges(self) -> list[tuple[int, int]]:
        """Character ranges of words talked about rather than used (lists of words to
        avoid, quoted examples), kept with the parsed doc: they do not depend on the
        partner."""
        ranges = self.doc.user_data.get(MENTION_KEY)
        if ranges is None:
            # spaCy keeps a token's extension values in ``doc.user_data`` under
            # ("._.", name, token offset, None): reading those keys finds the marked
            # words without visiting every token.
            starts = sorted(key[2] for key, value in self.doc.user_data.items()
                            if value is True and isinstance(key, tuple) and len(key) == 4
                            and key[0] == "._." and key[1] == "is_mention")
            offsets = self.doc.to_array([IDX]) if starts else None
            ranges = []
            for start in starts:
                token = self.doc[int(numpy.searchsorted(offsets, start))]
                end = start + len(token.text)
                if ranges and ranges[-1][1] >= start - 1:
                    ranges[-1] = (ranges[-1][0], end)
                else:
                    ranges.append((start, end))
            self.doc.user_data[MENTION_KEY] = ranges
        return ranges

    def overlaps_mention(self, start: int, end: int) -> bool:
        """Whether ``start:end`` overlaps words talked about rather than used (a binary
        search: the ranges are sorted and disjoint)."""
        ranges = self.mention_ranges
        index = bisect.bisect_left(ranges, (end,)) - 1
        return index >= 0 and ranges[index][1] > start and ranges[index][0] < end

    @cached_property
    def structure(self) -> Structure:
        """Frame lines, lists of words to avoid, and genre (see :mod:`framing.structure`)."""
        return self.doc._.framing_structure or Structure()

    @cached_property
    def body_sentences(self) -> list[Span]:
        """Sentences of the message body: not a headline, salutation, signature, dateline
        or contact line (all sentences when the structure sets none apart)."""
        body = [s for s in self.sentences if self.in_body(s.start_char, s.end_char)]
        return body or self.sentences

    @cached_property
    def letter_sentences(self) -> list[Span]:
        """The letter's body: body sentences after its first salutation ("Dear …"), since
        a line above the greeting is not what the reader starts on; all body sentences
        when there is no salutation."""
        greetings = [start for start, _, kind in self.structure.frame if kind == "salutation"]
        if not greetings:
            return self.body_sentences
        after = [s for s in self.body_sentences if s.start_char >= greetings[0]]
        return after or self.body_sentences

    def opening_sentences(self, count: int) -> list[Span]:
        """The first ``count`` sentences of the letter's body: where an opening is judged."""
        return self.letter_sentences[:count]

    def in_body(self, start: int, end: int) -> bool:
        """True when ``start:end`` is part of the message body, not its frame (headline,
        salutation, signature, dateline, contact block...)."""
        return self.structure.is_body(start, end)

    @cached_property
    def priorities(self) -> list[Priority]:
        """The ranked priorities to align with: the profile's, else the sector's."""
        if self.profile and self.profile.priorities:
            return self.profile.effective_priorities(self.sector)
        return list(self.sector.priorities) if self.sector else []

    @cached_property
    def guideline_wording(self) -> list[tuple[int, int]]:
        """Character ranges of wording a guideline rule recommends ("domestic violence",
        "trafficking survivor"): sector vocabulary checks do not swap it away."""
        return self.spans_of(self.lexicons.guideline_wording)

    @cached_property
    def partner_words(self):
        """Pattern for the partner's own vocabulary (profile), if any."""
        if self.profile and self.profile.vocabulary:
            return terms_pattern(list(self.profile.vocabulary))
        return None

    @cached_property
    def people_pattern(self):
        """The partner's people: the sector's ``people`` plus the profile's contacts' roles."""
        words = list(self.sector.people) if self.sector else []
        if self.profile:
            words += list(self.profile.people_terms)
        return terms_pattern(words) if words else None

    @cached_property
    def general(self) -> bool:
        """The text tells no case (:func:`framing.structure.tells_no_case`): copy about the
        issue in general. Worked out only when a rule asks for gate ``general``."""
        return tells_no_case(self.lexicons.structure, self.sentence_texts)

    def has_gate(self, gate: str) -> bool:
        """Whether ``gate`` holds: one of :attr:`gates`, or ``general``, read on demand."""
        return gate in self.gates or (gate == "general" and self.general)

    def applies(self, rule: Rule) -> bool:
        """Whether the rule's message kinds and gates hold for this message."""
        if rule.kinds and self.kind not in rule.kinds:
            return False
        if any(self.has_gate(g) for g in rule.skip_in):
            return False
        if any(not self.has_gate(g) for g in rule.gate_all):
            return False
        return not rule.gate or any(self.has_gate(g) for g in rule.gate)

    def finding(self, rule: Rule, start: int, end: int, *, severity: str | None = None,
                message: str | None = None, suggestions: list[str] | None = None,
                scope: str = "sentence", context: dict[str, bool] | None = None,
                quoted: bool = False) -> Finding:
        """Build the finding record for ``rule`` at ``start:end``."""
        severity = severity or rule.severity
        for gate, level in rule.severity_if.items():
            if self.has_gate(gate):
                severity = level
        if quoted:
            severity = downgrade(severity)
        line, column = line_and_column(self.text, start)
        return Finding(
            rule=rule.id, category=rule.category, severity=severity,
            message=message or rule.message, start=start, end=end, text=self.text[start:end],
            suggestions=list(rule.suggestions_for(self.text[start:end]) if suggestions is None
                             else suggestions),
            source=rule.source, description=rule.description, scope=scope,
            context=context or {}, line=line, column=column,
        )

    def sentence_range(self, sent: Span) -> tuple[int, int]:
        """A sentence's character range without trailing whitespace."""
        return sent.start_char, sent.start_char + len(self.text[sent.start_char:sent.end_char].rstrip())
