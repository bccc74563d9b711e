"""Comparing framing variants side by side, against one or more partners.

Each variant is parsed once (one ``nlp.pipe`` batch for all of them) and the
parsed doc is then scored against every target with ``Analyzer.report``, so
adding partners costs rule runs, never another parse. The result holds, per
variant, alignment per target, findings by severity and category,
readability and length, and plain sentences on what it does better or worse
than the others (``compare_notes``); plus the variants x targets matrix and
the best fit per target.
"""
from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from .csv_cells import defuse_formula
from .engine import TextTooLarge
from .findings import SEVERITIES
from .profile import PartnerProfile
from .textdiff import word_diff
from .validation import ValidationError

# Spreadsheet apps run cells starting with these as formulas (campaigns.md §5).


@dataclass
class Target:
    """Whom a comparison scores against: a stored profile or a sector pack."""

    key: str  # "profile:3" or "sector:education"
    label: str
    sector: str | None
    profile: PartnerProfile | None = None


@dataclass
class VariantInput:
    """One variant to compare: typed or pasted, or taken from a version."""

    label: str
    text: str
    source: str = ""  # e.g. "pitch:3/v2"; empty when typed


@dataclass
class TargetScore:
    """How one variant does for one target."""

    score: int | None  # alignment 0-100; None when the target has no priorities
    priorities_reached: list[str]  # priority labels, in the target's rank order
    leads_with: str | None  # label of the priority the opening addresses
    findings: int
    errors: int = 0  # error-level findings: the first tie-break for "best"


@dataclass
class VariantResult:
    """One variant's figures, scores per target, and its notes against the others."""

    label: str
    text: str
    words: int
    sentences: int
    readability: dict[str, float]  # formula key -> value
    findings_by_severity: dict[str, int]
    findings_by_category: dict[str, int]
    per_target: dict[str, TargetScore]
    better: list[str] = field(default_factory=list)
    worse: list[str] = field(default_factory=list)
    source: str = ""
    # Every finding for any target, once per rule and place (rule, category, ...).
    findings: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class ComparisonResult:
    """Variants scored against targets; see :func:`compare`."""

    variants: list[VariantResult]
    targets: list[Target]
    kind: str = "pitch"
    packs_version: str = ""

    def matrix(self) -> list[list[int | None]]:
        """Alignment scores, one row per variant, one column per target."""
        return [[v.per_target[t.key].score for t in self.targets] for v in self.variants]

    @property
    def best(self) -> dict[str, str]:
        """The best-fitting variant label per target key: highest score, then fewer
        errors, then fewer findings; the earlier variant wins a full tie."""
        out = {}
        for t in self.targets:
            def rank(v: VariantResult, key: str = t.key):
                s = v.per_target[key]
                return (-(s.score if s.score is not None else -1), s.errors, s.findings)
            out[t.key] = min(self.variants, key=rank).label
        return out

    def variant(self, label: str) -> VariantResult:
        """The variant with this label; KeyError if there is none."""
        for v in self.variants:
            if v.label == label:
                return v
        raise KeyError(label)

    def diff(self, before: str, after: str) -> list[dict]:
        """Word-level operations turning variant ``before`` into ``after`` (by label)."""
        return word_diff(self.variant(before).text, self.variant(after).text)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: targets (without the profile document), variants, matrix, best."""
        return {
            "kind": self.kind, "packs_version": self.packs_version,
            "targets": [{"key": t.key, "label": t.label, "sector": t.sector}
                        for t in self.targets],
            "variants": [asdict(v) for v in self.variants],
            "matrix": self.matrix(), "best": self.best,
        }

    def to_csv(self) -> str:
        """One row per variant (RFC 4180: CRLF, quoted as needed), formula-safe."""
        formulas = list(self.variants[0].readability) if self.variants else []
        header = ["variant", "source", "words", "sentences", *formulas, *SEVERITIES,
                  "findings by category"]
        for t in self.targets:
            header += [f"score: {t.label} ({t.key})", f"priorities reached: {t.label}"]
        header += ["best for", "better", "worse", "text"]
        best = self.best
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow([_cell(h) for h in header])
        for v in self.variants:
            row = [v.label, v.source, v.words, v.sentences,
                   *(v.readability[f] for f in formulas),
                   *(v.findings_by_severity.get(s, 0) for s in SEVERITIES),
                   "; ".join(f"{c}: {n}" for c, n in v.findings_by_category.items())]
            for t in self.targets:
                s = v.per_target[t.key]
                row += ["" if s.score is None else s.score, "; ".join(s.priorities_reached)]
            row += ["; ".join(t.label for t in self.targets if best[t.key] == v.label),
                    " ".join(v.better), " ".join(v.worse), v.text]
            writer.writerow([_cell(c) for c in row])
        return out.getvalue()


def _cell(value: Any) -> Any:
    # Numbers stay numbers; text that a spreadsheet would run gets an apostrophe.
    return defuse_formula(value) if isinstance(value, str) else value


def compare(analyzer, variants: list[VariantInput], targets: list[Target],
            kind: str = "pitch", today: date | None = None) -> ComparisonResult:
    """Score every variant against every target, parsing each variant once.

    Raises ValueError ("variants: ...") on no variants or blank or repeated
    labels, and the engine's InputError on bad text, sector or kind.
    """
    from .compare_notes import add_notes
    if not variants:
        raise ValidationError("variants", "nothing to compare")
    labels = [v.label.strip() if isinstance(v.label, str) else "" for v in variants]
    if not all(labels):
        raise ValidationError("variants", "every variant needs a label")
    if len(set(labels)) != len(labels):
        raise ValidationError("variants", "labels must differ")
    # Resolve each target once, not once per variant.
    resolved = [analyzer.resolve(t.sector, t.profile, kind) for t in targets]
    for variant, label in zip(variants, labels):
        try:  # name the variant that is too large (the batch parse below cannot)
            analyzer.validate_text(variant.text)
        except TextTooLarge as exc:
            raise exc.about(f"variant “{label}”") from None
    docs = analyzer.parse([v.text for v in variants])
    results = []
    for variant, label, doc in zip(variants, labels, docs):
        if targets:
            reports = [analyzer.report(doc, sector, profile, kind, today)
                       for sector, profile in resolved]
        else:
            reports = [analyzer.report(doc, None, None, kind, today)]
        results.append(_variant_result(label, variant, reports, targets))
    add_notes(results, targets)
    return ComparisonResult(results, list(targets), kind, analyzer.lexicons.version)


def _variant_result(label: str, variant: VariantInput, reports: list,
                    targets: list[Target]) -> VariantResult:
    first = reports[0]
    seen: dict[tuple, Any] = {}
    for report in reports:  # targets share most findings; count each place once
        for f in report.findings:
            seen.setdefault((f.rule, f.start, f.end), f)
    findings = sorted(seen.values(), key=lambda f: (f.start, f.rule))
    by_severity = {s: 0 for s in SEVERITIES}
    by_category: dict[str, int] = {}
    for f in findings:
        by_severity[f.severity] += 1
        by_category[f.category] = by_category.get(f.category, 0) + 1
    per_target = {t.key: _target_score(r) for t, r in zip(targets, reports)}
    return VariantResult(
        label=label, text=first.text, words=first.scores["counts"]["words"],
        sentences=first.scores["counts"]["sentences"],
        readability={k: v["value"] for k, v in first.scores["readability"].items()},
        findings_by_severity=by_severity,
        findings_by_category=dict(sorted(by_category.items())),
        per_target=per_target, source=variant.source,
        findings=[{"rule": f.rule, "category": f.category, "severity": f.severity,
                   "message": f.message, "text": f.text, "start": f.start, "end": f.end}
                  for f in findings])


def _target_score(report) -> TargetScore:
    alignment = report.scores.get("alignment")
    errors = sum(1 for f in report.findings if f.severity == "error")
    if not alignment:
        return TargetScore(None, [], None, len(report.findings), errors)
    priorities = alignment["priorities"]
    lead = next((p["label"] for p in priorities if p["id"] == alignment["leads_with"]), None)
    return TargetScore(alignment["score"], [p["label"] for p in priorities if p["addressed"]],
                       lead, len(report.findings), errors)


def targets_from(store, profile_ids, sectors, lexicons) -> list[Target]:
    """Targets for stored profile ids (``store``: a ProfileStore) then sector ids.

    Raises the store's ProfileNotFound for a missing profile and ValueError
    ("profile_ids: ..." / "sectors: ...") for an unknown sector or no store.
    """
    packs = getattr(lexicons, "sectors", lexicons)
    targets, seen = [], set()
    for pid in profile_ids or ():
        if store is None:
            raise ValidationError("profile_ids",
                                  "there is no profile store to look profiles up in")
        stored = store.get(int(pid))
        key = f"profile:{stored.id}"
        if key not in seen:
            seen.add(key)
            targets.append(Target(key, stored.name, stored.sector, stored.to_engine()))
    for sector in sectors or ():
        if sector not in packs:
            raise ValidationError("sectors", f"unknown sector {sector!r} "
                                         f"(known: {', '.join(sorted(packs))})")
        key = f"sector:{sector}"
        if key not in seen:
            seen.add(key)
            targets.append(Target(key, packs[sector].name, sector, None))
    return targets
