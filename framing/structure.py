"""Document structure: which lines are the message's frame, which list words to avoid,
and whether the text is advice to writers, a news report, a procedure page, an
official act or news of a law or funding.

A letter's subject line, salutation, closing and signature, a news story's
headline, byline and dateline, and a press release's contact block and ``###``
are not the message: they are never its opening sentence, its ask, or the
place a missing element belongs. A block under "Instead of…" or "Avoid:" lists
words talked about, not used. A guideline page (many sentences of wording or
reporting advice) mentions the terms it warns against and carries no help line
of its own; a news report quotes its sources. The patterns are data
(``lexicons/structure.yaml``); this module only walks the lines once.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from .lexicon.structure_spec import StructureSpec
from .typography import PlainPattern

SENTENCE_END = re.compile(r"[.!?:;,]\s*$")
WORDS = re.compile(r"[\w’'-]+")
# A line this long is prose: it ends a list of words to avoid, and it is never a
# signature line.
PROSE_WORDS = 12
SIGNATURE_LINES = 6
# A line of this many words that ends a sentence is prose, not a list item.
SENTENCE_WORDS = 8


@dataclass(frozen=True)
class Structure:
    """The parts of one text, as character ranges."""

    frame: tuple[tuple[int, int, str], ...] = ()
    mention_blocks: tuple[tuple[int, int], ...] = ()
    advice: bool = False
    reporting: bool = False
    procedure: bool = False
    proclamation: bool = False
    policy: bool = False

    def frame_kind(self, start: int, end: int) -> str | None:
        """The kind of frame part ("headline", "salutation", ...) covering ``start:end``."""
        index = bisect.bisect_right([s for s, _, _ in self.frame], start) - 1
        if index >= 0:
            s, e, kind = self.frame[index]
            if s <= start and end <= e:
                return kind
        return None

    def is_body(self, start: int, end: int) -> bool:
        """True when ``start:end`` lies outside every frame part. A news lead that opens
        on its dateline ("CONCORD — Police are confident…") is body: the dateline is a
        prefix of the sentence, not the sentence."""
        return not any(s < end and start < e and not (kind == "dateline" and end > e)
                       for s, e, kind in self.frame)


def _lines(text: str) -> list[tuple[int, int, str]]:
    """Every line with its character range, stripped of surrounding spaces."""
    out, offset = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        out.append((offset + lead, offset + lead + len(stripped), stripped))
        offset += len(raw) + 1
    return out


@lru_cache(maxsize=1024)  # a line's words are counted by several tests
def _words(line: str) -> int:
    return len(WORDS.findall(line))


CLOSING_WORDS = 9


def _frame(lines: list[tuple[int, int, str]], spec: StructureSpec) -> list[tuple[int, int, str]]:
    frame: list[tuple[int, int, str]] = []
    body = [item for item in lines if item[2]]
    if not body:
        return frame
    patterns = spec.frame_lines
    closing_at = None
    for index, (start, end, line) in enumerate(body):
        for kind in ("subject", "separator", "contact", "byline", "header", "salutation", "closing"):
            if kind in ("salutation", "header") and _words(line) > PROSE_WORDS:
                continue
            # "Sincerely," is a word or two; "Thank you for your time and consideration,"
            # is longer, and the comma says it is a closing, not a sentence.
            if kind == "closing" and _words(line) > (CLOSING_WORDS if line.endswith(",") else 4):
                continue
            if patterns[kind].match(line):
                frame.append((start, end, kind))
                if kind == "closing" and closing_at is None:
                    closing_at = index
                break
        else:
            dateline = patterns["dateline"].match(line)
            if dateline and index <= 3:
                frame.append((start, start + dateline.end(), "dateline"))
    # A title: the first line, or a letter's line right after its greeting ("Dear
    # Superintendents:" then "Supporting the American Foundation for Suicide
    # Prevention"), short and with no sentence end, with more text after it.
    greeting = next((i for i, (start, _, _) in enumerate(body)
                     if any(s == start and kind == "salutation" for s, _, kind in frame)), None)
    for index in {0, *(() if greeting is None else (greeting + 1,))}:
        if index + 1 >= len(body):
            continue
        start, end, line = body[index]
        # After a greeting, a line that speaks to the reader opens the body even
        # unpunctuated ("Hope you are well", "Thank you,"): a title speaks to no one.
        # A bracketed line there is a template's note to whoever fills it in
        # ("(Optional opening for schools already familiar with us:)"), not a title.
        speaks = spec.headline_speaks is not None and spec.headline_speaks.search(line)
        if index and (line.endswith((":", ",")) or line.startswith(("(", "[")) or speaks):
            continue
        if (_words(line) <= spec.headline_max_words and not SENTENCE_END.search(line.rstrip("?!"))
                and not line.endswith(".") and not any(s == start for s, _, _ in frame)):
            frame.append((start, end, "headline"))
    if closing_at is not None:
        # The lines after a closing are the signature: short lines, up to a few.
        for start, end, line in body[closing_at + 1:closing_at + 1 + SIGNATURE_LINES]:
            if _words(line) > PROSE_WORDS:
                break
            if not any(s == start for s, _, _ in frame):
                frame.append((start, end, "signature"))
    return sorted(frame)


def _mention_blocks(lines: list[tuple[int, int, str]], spec: StructureSpec) -> list[tuple[int, int]]:
    """Lines under a heading that announces words to avoid, up to what to say instead."""
    blocks: list[tuple[int, int]] = []
    open_at = None
    for start, end, line in lines:
        if not line:
            continue
        # A heading is short, or a subtitle line a little longer with no full stop.
        words = _words(line)
        short = words <= PROSE_WORDS or (words <= 2 * PROSE_WORDS and line[-1] not in ".!?")
        heading = ((short and spec.mention_headings.match(line))
                   or (line.endswith((":", "...", "\u2026")) and spec.mention_intros.search(line)))
        if open_at is not None:
            if heading:
                continue  # a second heading keeps the block open
            if (spec.mention_block_end.match(line) or words >= PROSE_WORDS
                    or (words >= SENTENCE_WORDS and line[-1] in ".!?")):
                open_at = None
                continue
            blocks.append((start, end))
            continue
        if heading:
            open_at = start
    return blocks


def analyze_structure(text: str, sentences: list[str], spec: StructureSpec | None,
                      found: Callable[[PlainPattern, int], bool] | None = None,
                      said: Callable[[PlainPattern, int], bool] | None = None) -> Structure:
    """The structure of ``text``, whose sentences (as split by the parser) are ``sentences``.

    ``found(pattern, i)``, when given, answers whether ``pattern.search(sentences[i])``
    finds a match (the pipeline answers it without searching sentences where no match
    can start); by default each sentence is searched. ``said(pattern, i)`` answers the
    same for a match outside quotation marks: the pipeline knows where quotations are
    (by default, any match).
    """
    if spec is None or not text.strip():
        return Structure()
    if found is None:
        def found(pattern: PlainPattern, i: int) -> bool:
            return pattern.search(sentences[i]) is not None
    if said is None:
        said = found
    lines = _lines(text)
    frame = _frame(lines, spec)
    blocks = _mention_blocks(lines, spec)
    if spec.writer_notes is not None:
        blocks = sorted(blocks + [m.span() for m in spec.writer_notes.finditer(text)])
    indexes = range(len(sentences))
    advising = sum(1 for i in indexes if found(spec.advice_cues, i) or (
        found(spec.advice_writing, i) and found(spec.advice_prescriptive, i)))
    advice = (advising >= spec.advice_min_sentences
              and advising >= spec.advice_min_share * max(1, len(sentences)))
    attributed = sum(1 for i in indexes if found(spec.attribution, i))
    reporting = any(kind in ("dateline", "byline") for _, _, kind in frame) or (
        len(sentences) >= spec.reporting_min_sentences
        and attributed >= spec.reporting_min_share * len(sentences))
    return Structure(tuple(frame), tuple(blocks), advice, reporting,
                     _procedure(spec, found, len(sentences)),
                     _proclamation(spec, found, len(sentences)),
                     _policy(spec, found, said, len(sentences)))


def tells_no_case(spec: StructureSpec | None, sentences: list[str]) -> bool:
    """Whether the text tells no case (``structure.yaml`` ``case``): no sentence tells an
    act of violence done to someone (the ``case`` harm or the ``policy`` incidents), or
    anyone's arrest, charge, trial or sentence for one (``acts``). An act word in a survey's answer
    (``counts``) or in a sentence that counts people (``statistics``: "one in four women
    will be assaulted") tells none, nor one in a phrase that names harm without telling it
    done (``generic``: "their risk of being killed", "to prevent homicides"); an arrest or
    a charge always does. Awareness-month
    copy, a program's launch, an opinion on abuse in general. Asked only of texts about
    partner or sexual violence (the one rule that reads it), so its patterns are searched
    sentence by sentence here rather than screened in every text."""
    if spec is None or spec.case_acts is None or not any(t.strip() for t in sentences):
        return False
    counting = [p for p in (spec.policy_counts, spec.case_statistics) if p is not None]
    harm = [p for p in (spec.case_harm, spec.policy_incidents) if p is not None]
    for text in sentences:
        if spec.case_acts.search(text):
            return False  # someone arrested, charged, detained: a case, whatever it counts
        if _tells_harm(text, harm, spec.case_generic) and not any(p.search(text) for p in counting):
            return False
    return True


def inside(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    """Whether ``start:end`` lies wholly inside one of ``ranges`` (sorted and not
    overlapping, as a pattern's ``finditer`` gives them)."""
    i = bisect.bisect_right(ranges, (start, float("inf"))) - 1
    return i >= 0 and ranges[i][0] <= start and end <= ranges[i][1]


def _tells_harm(text: str, harm: list[PlainPattern], generic: PlainPattern | None) -> bool:
    """Whether ``text`` names an act of violence (``harm``) outside the phrases that name
    harm without telling it done (``generic``: a risk of being killed, preventing
    homicides, nine homicides counted)."""
    spans = [m.span() for m in generic.finditer(text)] if generic is not None else []
    return any(not inside(m.start(), m.end(), spans) for p in harm for m in p.finditer(text))


def _policy(spec: StructureSpec, found: Callable[[PlainPattern, int], bool],
            said: Callable[[PlainPattern, int], bool], count: int) -> bool:
    """Whether the text is news of a law, a bill, funding or a survey's findings
    (``structure.yaml`` ``policy``): its opening sentences name one and tell no act of
    violence, none speaks to the reader (a "you" inside a speaker's quoted words speaks
    to someone else), and it tells of no more than `max_incidents` in all (none, for
    findings news); a survey's answer (``counts``) is no incident."""
    if spec.policy_acts is None or spec.policy_reader is None or spec.policy_incidents is None:
        return False
    lead = min(count, spec.policy_lead_sentences)
    if any(found(spec.policy_acts, i) for i in range(lead)):
        allowed = spec.policy_max_incidents
    elif spec.policy_findings is not None and any(found(spec.policy_findings, i)
                                                  for i in range(lead)):
        allowed = 0
    else:
        return False
    counts = spec.policy_counts
    incidents = [i for i in range(count) if found(spec.policy_incidents, i)
                 and not (counts is not None and found(counts, i))]
    if (incidents and incidents[0] < lead) or len(incidents) > allowed:
        return False  # a lead that tells a killing is a case, whatever law it names
    return not any(said(spec.policy_reader, i) for i in range(count))


def _proclamation(spec: StructureSpec, found: Callable[[PlainPattern, int], bool], count: int) -> bool:
    """Whether the text is an official act (``structure.yaml`` ``proclamation``): a
    proclamation or resolution, told by its "WHEREAS" clauses or the words that enact it."""
    if spec.proclamation_clauses is None or spec.proclamation_acts is None:
        return False
    if any(found(spec.proclamation_acts, i) for i in range(count)):
        return True
    return sum(1 for i in range(count)
               if found(spec.proclamation_clauses, i)) >= spec.proclamation_min_clauses


def _procedure(spec: StructureSpec, found: Callable[[PlainPattern, int], bool], count: int) -> bool:
    """Whether the text tells how an institution handles cases (``structure.yaml``
    ``procedure``): enough sentences with a modal and with a procedure word, and few
    that speak to the reader."""
    if spec.procedure_modal is None or count < spec.procedure_min_sentences:
        return False

    def share(pattern: PlainPattern) -> float:
        return sum(1 for i in range(count) if found(pattern, i)) / count
    # Procedure words first: most texts have few, and then the modals are not counted.
    return (share(spec.procedure_cues) >= spec.procedure_min_cue_share
            and share(spec.procedure_reader) <= spec.procedure_max_reader_share
            and share(spec.procedure_modal) >= spec.procedure_min_modal_share)
