"""Where quotations are in a text: character ranges inside quotation marks, which the
context marker sets on each token (``in_quote``) and the checks and the rewrite guard
read (a speaker's words are softened, never rewritten)."""
from __future__ import annotations

import bisect
import re

QUOTED = re.compile(
    r"“[^”]{1,600}”"                      # curly double quotes
    # straight double quotes, over a line wrapped mid-sentence ("Drug Free / Anaheim,")
    # but not past a line that ends a sentence or a blank line
    r"|\"(?:[^\"\n]|(?<![.!?:\"”])\n(?![ \t]*\n)){1,600}\""
    r"|‘[^’]{1,200}’"                      # curly single quotes
    r"|(?<![\w'])'[^'\n]{1,80}'(?![\w])"   # straight single quotes, not apostrophes
)
# An opening mark: a curly one, or a straight one after a space, a line's start, an
# opening bracket or a dash, and before a word.
OPENED = re.compile(r"“|(?<![^\s(\[—–-])\"(?=[\w‘'(\[])")
# Where an unclosed quotation ends: a closing mark of the other kind ("“We will never
# give up," the director said), else its paragraph's end: a blank line, or a line
# break after a sentence's end (texts that set paragraphs apart with one break).
UNCLOSED_END = re.compile(r"[\"”]|\n[ \t]*\n|(?<=[.!?\"”’'])[ \t]*\n")


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks, sorted and not overlapping. A double
    quotation opened and not closed in its paragraph runs to the paragraph's end: a
    quote that goes on in the next paragraph (which opens with the mark again) or one
    whose closing mark an excerpt cut."""
    ranges = [(m.start() + 1, m.end() - 1) for m in QUOTED.finditer(text)]
    opened = []
    for m in OPENED.finditer(text):
        at = m.end()
        if not ranges or not _covered(at, ranges):
            end = UNCLOSED_END.search(text, at)
            opened.append((at, len(text) if end is None else end.start()))
    # (the regular quotations alone are what an opening mark is tested against)
    return _merged(sorted(ranges + opened))


def _covered(at: int, ranges: list[tuple[int, int]]) -> bool:
    i = bisect.bisect_right(ranges, (at, float("inf"))) - 1
    return i >= 0 and ranges[i][0] - 1 <= at <= ranges[i][1] + 1


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in ranges:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
