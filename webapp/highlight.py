"""Split a checked draft into plain and highlighted segments, for safe rendering.

The template never builds HTML out of the user's text: it loops over the
:class:`Segment` list returned by :func:`segments` and prints each piece of
text through Jinja's autoescaping, wrapping highlighted pieces in ``<mark>``.

Findings may overlap (a document-level finding covering a whole sentence and
a word-level finding inside it) or touch. The text is cut at every finding
boundary, so each segment is covered by exactly the same set of findings
from its first character to its last; overlapping findings therefore split
into consecutive segments that each list every finding covering them.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from framing.findings import SEVERITY_RANK


@dataclass(frozen=True)
class Span:
    """The part of a finding the highlighter needs: an id, a range, a severity."""

    id: str
    start: int
    end: int
    severity: str


@dataclass
class Segment:
    """A run of text covered by the same findings (none for plain text).

    ``finding_ids`` are ordered most severe first, then innermost (shortest)
    first, so the segment's link goes to the most specific finding; ``severity``
    is the most severe of them (``None`` for plain text); ``first_of`` lists
    the findings whose highlight begins in this segment (for "show in draft"
    anchors).
    """

    text: str
    start: int
    end: int
    finding_ids: tuple[str, ...] = ()
    severity: str | None = None
    first_of: tuple[str, ...] = ()

    @property
    def highlighted(self) -> bool:
        return bool(self.finding_ids)


def finding_id(index: int) -> str:
    """The HTML id fragment for the finding at ``index`` in the report."""
    return f"f{index + 1}"


def spans_from_findings(findings: Sequence) -> list[Span]:
    """Spans for report findings (objects or dicts with start/end/severity)."""
    spans = []
    for index, finding in enumerate(findings):
        get = finding.get if isinstance(finding, dict) else lambda k, f=finding: getattr(f, k)
        spans.append(Span(finding_id(index), int(get("start")), int(get("end")), get("severity")))
    return spans


def segments(text: str, spans: Iterable[Span]) -> list[Segment]:
    """Cut ``text`` at every span boundary; return the segments in order.

    Spans are clipped to the text; empty or inverted spans are ignored (their
    findings still appear in the side panel). Concatenating ``segment.text``
    always gives back ``text`` exactly.
    """
    length = len(text)
    usable = []
    for span in spans:
        start, end = max(0, span.start), min(length, span.end)
        if start < end:
            usable.append(Span(span.id, start, end, span.severity))
    cuts = sorted({0, length} | {s.start for s in usable} | {s.end for s in usable})
    seen: set[str] = set()
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [s for s in usable if s.start <= a and s.end >= b]
        covering.sort(key=lambda s: (-SEVERITY_RANK.get(s.severity, -1), s.end - s.start,
                                     s.start, s.id))
        ids = tuple(s.id for s in covering)
        first = tuple(i for i in ids if i not in seen)
        seen.update(first)
        severity = covering[0].severity if covering else None
        # Every cut is some span's start or end, so two plain runs never touch.
        out.append(Segment(text[a:b], a, b, ids, severity, first))
    return out


def highlight_report(report) -> list[Segment]:
    """Segments for a :class:`framing.findings.Report` (or its dict form)."""
    if isinstance(report, dict):
        return segments(report["text"], spans_from_findings(report["findings"]))
    return segments(report.text, spans_from_findings(report.findings))
