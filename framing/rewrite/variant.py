"""Whole-message reframing: verified edits inside the letter's body.

The variant never invents facts: replacements come from rule and sector
packs, the profile, or the message itself. Every rewrite is verified before it
is kept (:mod:`.verify`): one that changes a number, a name, a quotation or a
negation, adds a claim, or brings a grammar problem is dropped and counted.
Only edits that are safe to make unseen are applied automatically (guideline
wording, plain function words, renaming the sender's own program in the
partner's words); the rest (active voice, moving the letter's own priority
sentence to the opening, taking a task on, cutting self-presentation) are
suggestions with their reasons. The subject line,
greeting, closing and signature are never touched. A variant with blanks left
to fill is never called an improvement. A variant over the engine's size caps
cannot be checked again: :class:`VariantTooLarge`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..engine import TextTooLarge
from ..findings import Report
from ..message import Message
from ..textdiff import diff_stats, word_diff
from .model import BLANK, Rewrite
from .suggest import rewrites_for
from .verify import Rejected, verify_rewrites, verify_together

# When two rewrites overlap, the first kind in this order wins.
KIND_ORDER = {"guideline": 0, "avoid": 1, "swap": 2, "active": 3, "offer": 4, "move": 5, "trim": 6}


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
    rejected: list[Rejected] = field(default_factory=list)
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
            "rejected": [r.to_dict() for r in self.rejected],
            "blanks": self.blanks,
            "scores": {"before": self.before, "after": self.after},
            "improved": self.improved,
            "reason": self.reason,
        }


def _clash(a: Rewrite, b: Rewrite) -> bool:
    """Whether two rewrites cannot both be made. A move carries the edits inside its
    sentence with it, so only an edit crossing the sentence's edge clashes with it."""
    if a.kind == "move" or b.kind == "move":
        move, other = (a, b) if a.kind == "move" else (b, a)
        if other.kind == "move":
            return True
        inside = move.start <= other.start and other.end <= move.end and \
            not (other.start == other.end == move.end)
        overlaps = other.start < move.end and move.start < other.end
        return (overlaps and not inside) or other.start == other.end == move.to
    return (a.start < b.end and b.start < a.end) or (a.start == a.end == b.start == b.end)


def choose(rewrites: list[Rewrite], accepted: set[str] | None = None) -> tuple[list[Rewrite], list[Rewrite]]:
    """Non-overlapping rewrites to apply (``accepted`` ids, or every automatic one)."""
    wanted = [r for r in rewrites if (r.id in accepted if accepted is not None else r.auto)]
    wanted.sort(key=lambda r: (KIND_ORDER.get(r.kind, 9), r.start))
    chosen: list[Rewrite] = []
    for rewrite in wanted:
        if not any(_clash(rewrite, other) for other in chosen):
            chosen.append(rewrite)
    skipped = [r for r in rewrites if r not in chosen]
    return sorted(chosen, key=lambda r: (r.start, r.end)), skipped


def _edits(text: str, rewrites: list[Rewrite]) -> list[tuple[int, int, str]]:
    """The rewrites as plain ``(start, end, replacement)`` edits. A move becomes its
    removal and its insertion at ``to``, carrying the edits made inside its sentence."""
    moves = [r for r in rewrites if r.kind == "move"]
    carried = {id(r) for m in moves for r in rewrites
               if r is not m and m.start <= r.start and r.end <= m.end}
    out = [(r.start, r.end, r.replacement) for r in rewrites
           if r.kind != "move" and id(r) not in carried]
    for move in moves:
        inner = [r for r in rewrites if id(r) in carried and move.start <= r.start and r.end <= move.end]
        sentence_end = move.start + len(move.original)
        moved = text[move.start:sentence_end]
        for r in sorted(inner, key=lambda r: r.start, reverse=True):
            moved = moved[:r.start - move.start] + r.replacement + moved[r.end - move.start:]
        gap = "\n\n" if "\n" in text[sentence_end:move.end] else " "
        out += [(move.start, move.end, ""), (move.to, move.to, moved + gap)]
    return out


def apply_rewrites(text: str, rewrites: list[Rewrite]) -> str:
    """Apply non-overlapping rewrites, from the end so offsets stay valid."""
    out = text
    for start, end, replacement in sorted(_edits(text, rewrites), key=lambda e: (e[0], e[1]),
                                          reverse=True):
        left, right = out[:start] + replacement, out[end:]
        if not replacement and left.endswith("\n") and right.startswith("\n"):
            # a paragraph emptied by the cut: one paragraph break, not two
            left, right = left.rstrip("\n"), "\n\n" + right.lstrip("\n")
        out = left + right
    return out


def frame_kept(before: Message, after: Message) -> bool:
    """Whether the variant keeps the letter's frame: its subject line, greeting, closing and
    signature lines, word for word and in the same order, before and after the body."""
    def frame(msg: Message) -> list[tuple[str, str]]:
        return [(kind, msg.text[start:end].strip()) for start, end, kind in msg.structure.frame]
    return frame(before) == frame(after)


def _summary(report: Report) -> dict:
    alignment = report.scores.get("alignment") or {}
    return {"alignment": alignment.get("score"), "counts": report.counts(),
            "flesch_kincaid_grade": report.scores["readability"]["flesch_kincaid_grade"]["value"],
            "leads_with": alignment.get("leads_with")}


def checked_rewrites(analyzer, report: Report) -> tuple[list[Rewrite], list[Rejected]]:
    """The report's rewrites that pass the verifier, and those it refused, with why.
    Every rewrite shown or applied anywhere (checker, reframe page, API, CLI) comes
    from here. Of a finding's alternative wordings only the first that passes is kept:
    graded on real text, the second and third choices ("took their own life" after
    "died by suicide") were right far less often than the first."""
    kept, rejected = verify_rewrites(analyzer.verifier, report.message, rewrites_for(report))
    return first_per_span(kept), rejected


def first_per_span(rewrites: list[Rewrite]) -> list[Rewrite]:
    """One word swap per place: the first alternative of each rule and span that survived,
    and one of the same words in the same place drawn by two rules ("him or her" is both
    an inclusive-language and a plain-language finding)."""
    seen: set = set()
    out = []
    for rewrite in rewrites:
        if rewrite.kind in ("guideline", "avoid"):
            key = rewrite.id.rsplit("#", 1)[0]  # the finding's rule and span
            same = (rewrite.start, rewrite.end, rewrite.replacement)
            if key in seen or same in seen:
                continue
            seen.update((key, same))
        out.append(rewrite)
    return out


def reframe(analyzer, report: Report, accepted: set[str] | None = None,
            checked: tuple[list[Rewrite], list[Rejected]] | None = None) -> Variant:
    """Build the variant for the report's sector or profile, verify it and score it.

    ``accepted`` names the rewrites to make (by default every automatic one);
    ``checked`` is :func:`checked_rewrites` of the report when the caller has it."""
    msg = report.message
    kept, rejected = checked if checked is not None else checked_rewrites(analyzer, report)
    rejected = list(rejected)
    chosen, skipped = choose(kept, accepted)
    own = [r for r in chosen if r.edited]  # the writer's words stand as written
    chosen, _ = verify_together(analyzer.verifier, msg, [r for r in chosen if not r.edited])
    chosen = sorted(chosen + own, key=lambda r: (r.start, r.end))  # the others stay offered
    skipped = [r for r in kept if r not in chosen]
    text = apply_rewrites(report.text, chosen)
    try:
        parsed = analyzer.parse([text])[0]
    except TextTooLarge as exc:  # a draft near a cap, grown by the rewrites
        raise VariantTooLarge(exc) from None
    after_report = analyzer.report(parsed, msg.sector, msg.profile, msg.kind, msg.today)
    if chosen and not frame_kept(msg, after_report.message):
        # A safeguard: edits are made inside the body only, so this means a bug; the
        # letter is given back unchanged rather than with its frame moved.
        rejected += [Rejected(r, ["the edit would move the subject line, greeting, closing "
                                  "or signature"]) for r in chosen]
        chosen, text, after_report = [], report.text, report
    before, after = _summary(report), _summary(after_report)
    blanks = BLANK.findall(text)
    if blanks and not BLANK.findall(report.text):
        improved = False
        reason = (f"Fill in the {len(blanks)} blank{'s' if len(blanks) != 1 else ''} before "
                  "sending; until then this is not an improvement.")
    elif before["alignment"] is None:
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
                   improved=improved, reason=reason, blanks=blanks, rejected=rejected,
                   report=after_report)


def _why_not(report: Report, chosen: list[Rewrite]) -> str:
    if not chosen:
        return ("Nothing to rewrite automatically: the findings need wording only you can supply "
                "(see the suggestions).")
    alignment = report.scores["alignment"]
    if alignment["score"] >= 90:
        return "The original already leads with the partner's priorities; there was little to gain."
    return ("The rewrites did not raise the score: the message needs content about the partner's "
            "priorities that is not in it yet. See the suggestions, and say in your own words what "
            "this gives them.")
