"""How the guideline checks do on real text: ``make eval`` (``python -m framing.evaluate``).

Runs the engine over an annotated corpus (see :mod:`framing.corpus`) and
prints, per rule and per category, precision and recall at span level, the
share of clean texts that pass, and false findings per 1,000 words, then the
worst false findings and misses. It is a benchmark, not a test gate.

What counts: *content findings* are errors and warnings outside the set-aside
categories (readability, plain language, length, and the partner-fit
categories, which have their own evaluation). A finding is right when an
annotated problem of the same guideline family overlaps it; a document-level
finding is right when the same document-level problem was annotated. An
annotation inside an attributed quotation is also found by a softened
finding (the guidelines soften quotes, they do not ignore them).

Rules are tuned on the ``tune`` half; the ``held-out`` half is reported only
as figures, so its texts never become examples to tune against.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .corpus import SPLITS, CorpusError, CorpusText, Problem, family_of, load_corpus
from .findings import Finding

SET_ASIDE = ("readability", "plain-language", "channel", "alignment", "burden", "ask",
             "orientation", "timing", "readiness", "consistency")
CONTENT_SEVERITIES = ("error", "warning")


@dataclass
class Outcome:
    """Matches for one text: findings judged right or wrong, problems found or missed."""

    text: CorpusText
    right: list[Finding] = field(default_factory=list)
    wrong: list[Finding] = field(default_factory=list)
    found: list[Problem] = field(default_factory=list)
    missed: list[Problem] = field(default_factory=list)


def is_content(finding: Finding, set_aside=SET_ASIDE) -> bool:
    """An error or warning in a category this evaluation judges."""
    return finding.severity in CONTENT_SEVERITIES and finding.category not in set_aside


def annotation_of(engine_rule: str, rule_map: dict[str, tuple[str, ...]]) -> str | None:
    """The annotation id an engine rule stands for, if any."""
    for annotation, engine_rules in rule_map.items():
        if engine_rule in engine_rules:
            return annotation
    return None


def matches(finding: Finding, problem: Problem, rule_map: dict[str, tuple[str, ...]]) -> bool:
    """Does this finding point at this annotated problem?"""
    annotation = annotation_of(finding.rule, rule_map)
    if annotation is None:
        return False
    if problem.scope == "document":
        return finding.scope == "document" and annotation == problem.rule
    if finding.scope == "document":
        return False
    same_family = family_of(annotation) == problem.family
    return same_family and finding.start < problem.end and problem.start < finding.end


def judge(text: CorpusText, findings: list[Finding], rule_map: dict[str, tuple[str, ...]],
          set_aside=SET_ASIDE) -> Outcome:
    """Sort one text's findings into right and wrong, and its problems into found and missed."""
    outcome = Outcome(text)
    for finding in findings:
        if not is_content(finding, set_aside):
            continue
        if any(matches(finding, p, rule_map) for p in text.problems):
            outcome.right.append(finding)
        else:
            outcome.wrong.append(finding)
    for problem in text.problems:
        eligible = [f for f in findings if f.category not in set_aside
                    and (problem.in_quote or f.severity in CONTENT_SEVERITIES)]
        if any(matches(f, problem, rule_map) for f in eligible):
            outcome.found.append(problem)
        else:
            outcome.missed.append(problem)
    return outcome


def run(texts: list[CorpusText], rule_map, analyzer=None, set_aside=SET_ASIDE) -> list[Outcome]:
    """Analyse every text (public copy as campaign copy, letters as pitches) and judge it."""
    if analyzer is None:
        from .engine import Analyzer
        analyzer = Analyzer()
    outcomes: dict[str, Outcome] = {}
    for kind, public in (("campaign", True), ("pitch", False)):
        group = [t for t in texts if t.public is public]
        reports = analyzer.analyze_many([t.text for t in group], kind=kind) if group else []
        for item, report in zip(group, reports):
            outcomes[item.id] = judge(item, report.findings, rule_map, set_aside)
    return [outcomes[t.id] for t in texts]


def ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def category_of_annotation(annotation: str, rule_map, categories: dict[str, str]) -> str:
    """The engine category an annotation id falls in (``other`` when no rule covers it)."""
    for engine_rule in rule_map.get(annotation, ()):
        if engine_rule in categories:
            return categories[engine_rule]
    return "other"


def summarize(outcomes: list[Outcome], rule_map, categories: dict[str, str] | None = None) -> dict:
    """Figures overall; per engine category; precision per engine rule; recall per annotation.

    ``categories`` maps engine rule ids to their category (from the rule packs);
    without it an annotation is filed under its guideline family.
    """
    right = sum(len(o.right) for o in outcomes)
    wrong = sum(len(o.wrong) for o in outcomes)
    found = sum(len(o.found) for o in outcomes)
    missed = sum(len(o.missed) for o in outcomes)
    words = sum(o.text.words for o in outcomes)
    clean = [o for o in outcomes if o.text.clean]
    passing = [o for o in clean if not o.wrong]
    by_category: dict[str, Counter] = defaultdict(Counter)
    by_rule: dict[str, Counter] = defaultdict(Counter)
    by_annotation: dict[str, Counter] = defaultdict(Counter)
    for o in outcomes:
        for f, key in [(f, "right") for f in o.right] + [(f, "wrong") for f in o.wrong]:
            by_category[f.category][key] += 1
            by_rule[f.rule][key] += 1
        for p, key in [(p, "found") for p in o.found] + [(p, "missed") for p in o.missed]:
            category = (category_of_annotation(p.rule, rule_map, categories)
                        if categories is not None else p.family)
            by_category[category][key] += 1
            by_annotation[p.rule][key] += 1
    def table(counts: dict[str, Counter]) -> dict:
        return {name: {"findings": c["right"] + c["wrong"], "wrong": c["wrong"],
                       "precision": ratio(c["right"], c["right"] + c["wrong"]),
                       "problems": c["found"] + c["missed"],
                       "recall": ratio(c["found"], c["found"] + c["missed"])}
                for name, c in sorted(counts.items())}
    return {
        "texts": len(outcomes), "clean_texts": len(clean), "words": words,
        "findings": right + wrong, "wrong": wrong, "problems": found + missed,
        "precision": ratio(right, right + wrong), "recall": ratio(found, found + missed),
        "clean_pass_rate": ratio(len(passing), len(clean)),
        "false_per_1000_words": (1000 * wrong / words) if words else None,
        "by_category": table(by_category), "by_rule": table(by_rule),
        "by_annotation": table(by_annotation),
    }


def snippet(text: str, start: int, end: int, width: int = 40) -> str:
    left = text[max(0, start - width):start].replace("\n", " ")
    right = text[end:end + width].replace("\n", " ")
    return f"…{left}[{text[start:end]}]{right}…"


def worst(outcomes: list[Outcome], limit: int) -> tuple[list[str], list[str]]:
    """Lines for the most frequent false findings (by rule) and the misses (by annotation)."""
    wrong_by_rule: dict[str, list[str]] = defaultdict(list)
    for o in outcomes:
        for f in o.wrong:
            where = "(document)" if f.scope == "document" else snippet(o.text.text, f.start, f.end)
            wrong_by_rule[f.rule].append(f"{o.text.id}: {where}")
    missed_by_rule: dict[str, list[str]] = defaultdict(list)
    for o in outcomes:
        for p in o.missed:
            where = "(document)" if p.scope == "document" else snippet(o.text.text, p.start, p.end)
            missed_by_rule[p.rule].append(f"{o.text.id}: {where}")
    def lines(groups: dict[str, list[str]]) -> list[str]:
        out = []
        for rule, places in sorted(groups.items(), key=lambda kv: -len(kv[1]))[:limit]:
            out.append(f"  {rule} ×{len(places)}")
            out.extend(f"      {place}" for place in places[:3])
        return out
    return lines(wrong_by_rule), lines(missed_by_rule)


def fmt(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def render(name: str, summary: dict, *, detail: bool) -> list[str]:
    """The printed report of one half of the corpus."""
    out = [f"== {name}: {summary['texts']} texts ({summary['clean_texts']} clean), "
           f"{summary['words']:,} words",
           f"precision {fmt(summary['precision'])}  recall {fmt(summary['recall'])}  "
           f"clean texts pass {fmt(summary['clean_pass_rate'])}  "
           f"false findings per 1,000 words {fmt(summary['false_per_1000_words'])}  "
           f"({summary['findings']} content findings, {summary['wrong']} wrong; "
           f"{summary['problems']} annotated problems)"]
    if not detail:
        return out
    for title, key, columns in (
            ("per category", "by_category", "findings (wrong) precision | problems recall"),
            ("precision per engine rule", "by_rule", "findings (wrong) precision"),
            ("recall per annotated problem", "by_annotation", "problems recall")):
        out.append(f"-- {title}: {columns}")
        for rule, row in summary[key].items():
            left = f"{row['findings']:>4} ({row['wrong']:>3}) {fmt(row['precision']):>5}"
            right = f"{row['problems']:>4} {fmt(row['recall']):>5}"
            cells = {"by_category": f"{left} | {right}", "by_rule": left,
                     "by_annotation": right}[key]
            out.append(f"  {rule:<40} {cells}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m framing.evaluate", description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default="tests/corpus/guidelines", type=Path,
                        help="corpus folder (texts/*.yaml and rules.yaml)")
    parser.add_argument("--split", choices=SPLITS + ("all",), default="tune",
                        help="the half shown in detail (default: tune); the other is summarized")
    parser.add_argument("--worst", type=int, default=12, help="how many rules to list as worst")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    try:
        texts, rule_map = load_corpus(args.corpus)
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    from .lexicon import get_lexicons
    categories = {rule.id: rule.category for rule in get_lexicons().rules}
    outcomes = run(texts, rule_map)
    halves = {name: [o for o in outcomes if o.text.split == name] for name in SPLITS}
    halves["all"] = outcomes
    shown = args.split
    summaries = {name: summarize(group, rule_map, categories) for name, group in halves.items()}
    if args.json:
        print(json.dumps(summaries, indent=2))
        return 0
    lines = render(shown, summaries[shown], detail=True)
    wrong_lines, missed_lines = worst(halves[shown], args.worst)
    lines += ["-- worst false findings"] + wrong_lines + ["-- worst misses"] + missed_lines
    for name in [n for n in SPLITS + ("all",) if n != shown]:
        lines += render(name, summaries[name], detail=False)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
