"""A piece's text cut into runs for the page, with findings and comment spans marked,
and finding where a reviewer's quoted words are in the text.

The text is cut into segments by :mod:`webapp.highlight` (findings and comment
spans together); the template prints every segment through Jinja's
autoescaping.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..highlight import Span, segments, spans_from_findings

QUOTE_CLASSES = ("\"“”„‟«»", "'‘’‚‛`", "-‐‑‒–—―")


# -- text with findings and comments ---------------------------------------------------------
@dataclass
class Part:
    """A run of the piece's text and what covers it (finding ids ``f1``…, comments ``c<id>``)."""

    text: str
    findings: tuple[str, ...]
    comments: tuple[str, ...]
    severity: str | None
    anchors: tuple[str, ...]


def text_parts(text: str, findings, comments) -> list[Part]:
    """Cut ``text`` at every finding and comment boundary (:func:`webapp.highlight.segments`)."""
    spans = spans_from_findings(findings)
    spans += [Span(f"c{c.id}", int(c.start), int(c.end), "comment") for c in comments]
    parts = []
    for seg in segments(text, spans):
        fids = tuple(i for i in seg.finding_ids if i.startswith("f"))
        cids = tuple(i for i in seg.finding_ids if i.startswith("c"))
        severity = seg.severity if fids else None
        parts.append(Part(seg.text, fids, cids, severity, seg.first_of))
    return parts


def _quote_pattern(quote: str) -> str:
    """A regex matching ``quote`` with any whitespace, quote-mark and dash variants."""
    out = []
    for chunk in re.split(r"(\s+)", quote):
        if not chunk:
            continue
        if chunk.isspace():
            out.append(r"\s+")
            continue
        for ch in chunk:
            group = next((cls for cls in QUOTE_CLASSES if ch in cls), None)
            out.append(f"[{re.escape(group)}]" if group else re.escape(ch))
    return "".join(out)


def locate_quote(text: str, quote: str, near: int | None = None) -> tuple[int, int] | None:
    """Where ``quote`` is in ``text`` (the occurrence nearest ``near``); None if absent.

    Exact matches win; otherwise whitespace, curly/straight quotes, dashes and
    letter case may differ (people retype or paste across line breaks).
    """
    quote = quote.strip()
    if not quote:
        return None
    spans = [(m.start(), m.end()) for m in re.finditer(re.escape(quote), text)]
    if not spans:
        spans = [(m.start(), m.end())
                 for m in re.finditer(_quote_pattern(quote), text, re.IGNORECASE)]
    if not spans:
        return None
    if near is None:
        return spans[0]
    return min(spans, key=lambda span: abs(span[0] - near))
