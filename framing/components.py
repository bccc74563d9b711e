"""Registered spaCy components: message context marking and term matching.

``framing_context`` marks what the term checks must know about each token
(inside a quotation, attributed to a speaker, mentioned rather than used,
part of a proper name) and which topics the message is about.
``framing_terms`` runs every ``term`` rule's patterns once and stores the
matches in ``doc.spans["framing_terms"]``, labelled with the rule id.
"""
from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from .lexicon import Lexicons, get_lexicons
from .lexicon.schema import compile_any

QUOTED = re.compile(
    r"“[^”]{1,600}”"                      # curly double quotes
    r"|\"[^\"\n]{1,600}\""                 # straight double quotes
    r"|‘[^’]{1,200}’"                      # curly single quotes
    r"|(?<![\w'])'[^'\n]{1,80}'(?![\w])"   # straight single quotes, not apostrophes
)
ATTRIBUTION_LEMMAS = {"say", "tell", "state", "explain", "recall", "write", "add", "testify", "describe"}
ACCORDING_TO = re.compile(r"\baccording to\b", re.IGNORECASE)
# Words that announce that the next words are talked about, not used.
MENTION_CUES = re.compile(
    r"\b(?:avoid(?:s|ed|ing)?|instead of|rather than|in place of"
    r"|(?:do not|don't|never|no longer|stop|not) (?:say|use|call|write)(?:s|ing)?"
    r"|(?:terms?|words?|phrases?|labels?|language) (?:like|such as)"
    r"|the (?:words?|terms?|phrases?|labels?)"
    r"|replac(?:e|es|ed|ing)|swap(?:s|ped)?|outdated|stigmatizing (?:terms?|words?|language)"
    r"|including:)(?!\w)",
    re.IGNORECASE,
)
TABLE_ARROW = re.compile(r"→|->|=>")
MENTION_REACH = 6  # tokens after a cue that count as mentioned
# Words that make a capitalized run an organization or program name.
NAME_HEADS = {
    "Administration", "Institute", "Center", "Centre", "Network", "Program", "Programme",
    "Act", "Anonymous", "Coalition", "Alliance", "Association", "Foundation", "Project",
    "Council", "Department", "Office", "Services", "Agency", "Hotline", "Lifeline", "Survey",
    "Initiative", "Partnership", "Commission", "Committee", "Board", "Society", "University",
    "College", "Clinic", "Hospital", "Church", "Court", "Campaign", "Fund", "Task", "Force",
    "Collaborative", "Consortium", "Authority", "District",
}
NAME_JOINERS = {"of", "and", "for", "on", "the", "&", "against", "to", "in"}


def _quoted_ranges(text: str) -> list[tuple[int, int]]:
    return [(m.start() + 1, m.end() - 1) for m in QUOTED.finditer(text)]


def _inside(ranges: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    index = bisect.bisect_right(starts, offset) - 1
    return index >= 0 and ranges[index][0] <= offset < ranges[index][1]


class ContextMarker:
    """Marks quotes, attribution, mentions, names and topics on a Doc."""

    def __init__(self, lexicons: Lexicons):
        self.lexicons = lexicons

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        ranges = _quoted_ranges(text)
        starts = [r[0] for r in ranges]
        for token in doc:
            if ranges and _inside(ranges, starts, token.idx):
                token._.in_quote = True
        for sent in doc.sents:
            self._mark_sentence(sent, text[sent.start_char:sent.end_char])
        self._mark_names(doc, text)
        doc._.framing_topics = self._topics(text)
        return doc

    def _mark_sentence(self, sent: Span, sent_text: str) -> None:
        has_quote = any(t._.in_quote for t in sent)
        attributed = ACCORDING_TO.search(sent_text) is not None or (
            has_quote and any(t.lemma_ in ATTRIBUTION_LEMMAS and t.pos_ == "VERB"
                              for t in sent if not t._.in_quote))
        if attributed:
            for token in sent:
                token._.attributed = True
        if TABLE_ARROW.search(sent_text):
            for token in sent:
                token._.is_mention = True
            return
        cues = list(MENTION_CUES.finditer(sent_text))
        if not cues:
            return
        base = sent.start_char
        for match in cues:
            cue_end = match.end() + base
            reach = 0
            for token in sent:
                if token.idx >= cue_end and reach < MENTION_REACH:
                    token._.is_mention = True
                    reach += 1
        # A quoted word in a sentence that talks about wording is a mention,
        # wherever the cue stands ("'Addict' is a word to avoid.").
        if has_quote and not attributed:
            for token in sent:
                if token._.in_quote:
                    token._.is_mention = True

    def _mark_names(self, doc: Doc, text: str) -> None:
        names = self.lexicons.names
        if names is not None:
            for match in names.finditer(text):
                span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
                if span is not None:
                    for token in span:
                        token._.in_name = True
        run: list = []
        for token in list(doc) + [None]:
            if token is not None and (token.text[:1].isupper() or (run and token.lower_ in NAME_JOINERS)):
                run.append(token)
                continue
            while run and run[-1].lower_ in NAME_JOINERS:
                run.pop()
            capitals = [t for t in run if t.text[:1].isupper()]
            if len(capitals) >= 2 and any(t.text in NAME_HEADS for t in capitals):
                for t in run:
                    t._.in_name = True
            run = []

    def _topics(self, text: str) -> dict[str, tuple[int, int]]:
        found: dict[str, tuple[int, int]] = {}
        for topic in self.lexicons.topics.values():
            excluded = [m.span() for m in topic.exclude.finditer(text)] if topic.exclude else []
            for match in topic.cues.finditer(text):
                if not any(s < match.end() and match.start() < e for s, e in excluded):
                    found[topic.id] = match.span()
                    break
        return found


class TermMatcher:
    """Runs the patterns of every ``term`` rule and stores matches in ``doc.spans``."""

    def __init__(self, lexicons: Lexicons):
        self.rules = []
        for rule in lexicons.rules:
            if rule.kind != "term":
                continue
            flags = 0 if rule.options.get("case_sensitive") else re.IGNORECASE
            pattern = compile_any(rule.options["patterns"], rule.options.get("boundary", True))
            self.rules.append((rule.id, re.compile(pattern.pattern, flags)))

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        text = doc.text
        for rule_id, pattern in self.rules:
            for match in pattern.finditer(text):
                if match.end() == match.start():
                    continue
                span = doc.char_span(match.start(), match.end(), label=rule_id,
                                     alignment_mode="expand")
                if span is not None:
                    spans.append(span)
        doc.spans["framing_terms"] = spans
        return doc


@Language.component("framing_lines")
def mark_line_starts(doc: Doc) -> Doc:
    """Start a sentence after every line break, so list items and headings that
    lack end punctuation are not read as one long sentence. Runs before the parser,
    which keeps these boundaries."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws[len(previous.text):] or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
    return doc


@Language.factory("framing_context", default_config={"lexicon_root": ""})
def make_context_marker(nlp: Language, name: str, lexicon_root: str) -> ContextMarker:
    """Factory for :class:`ContextMarker`."""
    return ContextMarker(get_lexicons(lexicon_root or None))


@Language.factory("framing_terms", default_config={"lexicon_root": ""})
def make_term_matcher(nlp: Language, name: str, lexicon_root: str) -> TermMatcher:
    """Factory for :class:`TermMatcher`."""
    return TermMatcher(get_lexicons(lexicon_root or None))
