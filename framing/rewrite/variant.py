"""Whole-message reframing: apply the rewrites, lead with the partner, sharpen the ask.

The variant never invents facts: replacements come from rule and sector
packs, the profile, or the message itself, and anything else is a marked
blank (``[what we bring]``) for the user to fill in. Text inside quotation
marks is never changed. The variant is checked again and must score higher
for the partner than the original; if it does not, the result says why. A variant
over the engine's size caps cannot be checked again: :class:`VariantTooLarge`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..engine import TextTooLarge
from ..findings import Report
from ..textdiff import diff_stats, word_diff
from .model import Rewrite
from .suggest import rewrites_for

BLANK = re.compile(r"\[[^\[\]]+\]")
# When two rewrites overlap, the first kind in this order wins.
KIND_ORDER = {"guideline": 0, "avoid": 1, "swap": 2, "active": 3, "offer": 4, "opening": 5, "ask": 6}


class VariantTooLarge(TextTooLarge):
    """The variant is over a size cap the original was within: the rewrites add text.

    Nothing is cut to make it fit (that would change what the rewrites say); the message
    names the limit and how much to shorten the draft. The web app answers 422.
    """

    def __init__(self, exc: TextTooLarge):
        super().__init__(exc.size, exc.limit, exc.unit, exc.setting, "the reframed draft")

    def describe(self, subject: str | None = None) -> str:
        return (f"{subject or self.subject} would have {self.size:,} {self.unit}; the limit is "
                f"{self.limit:,}. Shorten the draft by at least {self.size - self.limit:,} "
                f"{self.unit} and reframe again")


@dataclass
class Variant:
    """A reframed message with what changed and how it scores."""

    original: str
    text: str
    applied: list[Rewrite]
    skipped: list[Rewrite]
    diff: list[dict]
    before: dict
    after: dict
    improved: bool
    reason: str
    blanks: list[str] = field(default_factory=list)
    report: Report | None = field(default=None, repr=False)

    def to_dict(self) -> dict:
        """JSON shape of ``framing reframe --format json`` and the API."""
        return {
            "variant": self.text,
            "original": self.original,
            "diff": self.diff,
            "changes": diff_stats(self.diff),
            "applied": [r.to_dict() for r in self.applied],
            "suggested": [r.to_dict() for r in self.skipped],
            "blanks": self.blanks,
            "scores": {"before": self.before, "after": self.after},
            "improved": self.improved,
            "reason": self.reason,
        }


def choose(rewrites: list[Rewrite], accepted: set[str] | None = None) -> tuple[list[Rewrite], list[Rewrite]]:
    """Non-overlapping rewrites to apply (``accepted`` ids, or every automatic one)."""
    wanted = [r for r in rewrites if (r.id in accepted if accepted is not None else r.auto)]
    wanted.sort(key=lambda r: (KIND_ORDER.get(r.kind, 9), r.start))
    chosen: list[Rewrite] = []
    for rewrite in wanted:
        clash = any(rewrite.start < other.end and other.start < rewrite.end
                    or (rewrite.start == rewrite.end == other.start == other.end)
                    for other in chosen)
        if not clash:
            chosen.append(rewrite)
    skipped = [r for r in rewrites if r not in chosen]
    return sorted(chosen, key=lambda r: (r.start, r.end)), skipped


def apply_rewrites(text: str, rewrites: list[Rewrite]) -> str:
    """Apply non-overlapping rewrites, from the end so offsets stay valid."""
    out = text
    for rewrite in sorted(rewrites, key=lambda r: (r.start, r.end), reverse=True):
        out = out[:rewrite.start] + rewrite.replacement + out[rewrite.end:]
    return out


def _summary(report: Report) -> dict:
    alignment = report.scores.get("alignment") or {}
    return {"alignment": alignment.get("score"), "counts": report.counts(),
            "flesch_kincaid_grade": report.scores["readability"]["flesch_kincaid_grade"]["value"],
            "leads_with": alignment.get("leads_with")}


def reframe(analyzer, report: Report, accepted: set[str] | None = None) -> Variant:
    """Build the variant for the report's sector or profile and score it."""
    msg = report.message
    rewrites = rewrites_for(report)
    chosen, skipped = choose(rewrites, accepted)
    text = apply_rewrites(report.text, chosen)
    try:
        parsed = analyzer.parse([text])[0]
    except TextTooLarge as exc:  # a draft near a cap, grown by the rewrites
        raise VariantTooLarge(exc) from None
    after_report = analyzer.report(parsed, msg.sector, msg.profile, msg.kind, msg.today)
    before, after = _summary(report), _summary(after_report)
    if before["alignment"] is None:
        improved = sum(report.counts().values()) > sum(after_report.counts().values())
        reason = ("Fewer findings after the guideline rewrites." if improved else
                  "No rewrite applied changed the findings; give a sector or profile to reframe "
                  "toward a partner.")
    else:
        improved = after["alignment"] > before["alignment"]
        reason = (f"Alignment rose from {before['alignment']} to {after['alignment']}."
                  if improved else _why_not(report, chosen))
    return Variant(original=report.text, text=text, applied=chosen, skipped=skipped,
                   diff=word_diff(report.text, text), before=before, after=after,
                   improved=improved, reason=reason, blanks=BLANK.findall(text),
                   report=after_report)


def _why_not(report: Report, chosen: list[Rewrite]) -> str:
    if not chosen:
        return ("Nothing to rewrite automatically: the findings need wording only you can supply "
                "(see the suggestions).")
    alignment = report.scores["alignment"]
    if alignment["score"] >= 90:
        return "The original already leads with the partner's priorities; there was little to gain."
    return ("The rewrites did not raise the score: the message needs content about the partner's "
            "priorities that is not in it yet. Fill in the blanks and check again.")
