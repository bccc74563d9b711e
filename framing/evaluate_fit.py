"""Partner fit on the development set: burden and ask detection, pair ordering, gaming.

    python -m framing.evaluate_fit [--split tune|held-out|all] [--worst N] [--json]

* **requests**: every request an annotator marked, found by the request model
  (a predicted request counts where it overlaps an annotated one);
* **burden**: requests that leave high burden on the partner, predicted against
  annotated (precision and recall);
* **ask**: specific requests, predicted against annotated, and whether each
  letter has a specific ask at all;
* **pairs**: the share of pairs of the same letter where the partner-led
  version scores above the sender-centred one, and above the tool's own
  reframing of the sender-centred one;
* **gaming**: letters whose score rises when priority words are stuffed in, a
  sentence is put above the greeting, or named roles and dates become blanks.

A benchmark, not a test gate; the held-out half's figures are the ones to report.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from .corpus import SPLITS
from .fit_corpus import Letter, Pair, load_letters, load_pairs, pack_for
from .fit_gaming import GAMES, play
from .requests import requests_of
from .rewrite.variant import reframe

ROOT = Path(__file__).resolve().parent.parent / "tests" / "corpus"


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def judge_letter(letter: Letter, report) -> dict:
    """Counts for one letter and the lines worth reading when they are wrong."""
    model = requests_of(report.message)
    predicted = model.requests
    counts: Counter = Counter()
    notes: list[str] = []

    def score(kind: str, gold, pred, describe):
        for g in gold:
            if any(_overlaps((g.start, g.end), (p.start, p.end)) for p in pred):
                counts[f"{kind}_found"] += 1
            else:
                counts[f"{kind}_missed"] += 1
                notes.append(f"{kind} missed  {letter.id}: {describe(g)}")
        for p in pred:
            if any(_overlaps((g.start, g.end), (p.start, p.end)) for g in gold):
                counts[f"{kind}_right"] += 1
            else:
                counts[f"{kind}_wrong"] += 1
                notes.append(f"{kind} wrong   {letter.id}: {p.text[:110]!r} ({p.mode}; "
                             f"{', '.join(p.reasons) or p.burden})")

    score("requests", letter.requests, predicted, lambda g: repr(g.quote[:110]))
    score("burden", [g for g in letter.requests if g.burden == "high"],
          [p for p in predicted if p.burden == "high"], lambda g: repr(g.quote[:110]))
    score("ask", [g for g in letter.requests if g.specific],
          [p for p in predicted if p.specific], lambda g: repr(g.quote[:110]))
    best = model.best_ask
    has = best is not None and best.specific
    counts["letters"] += 1
    counts["letter_ask_agree"] += int(has == letter.has_specific_ask)
    return {"counts": counts, "notes": notes}


def ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def summarize(counts: Counter) -> dict:
    """Precision and recall per kind from summed counts."""
    out = {}
    for kind in ("requests", "burden", "ask"):
        out[kind] = {"precision": ratio(counts[f"{kind}_right"],
                                        counts[f"{kind}_right"] + counts[f"{kind}_wrong"]),
                     "recall": ratio(counts[f"{kind}_found"],
                                     counts[f"{kind}_found"] + counts[f"{kind}_missed"]),
                     "annotated": counts[f"{kind}_found"] + counts[f"{kind}_missed"],
                     "predicted": counts[f"{kind}_right"] + counts[f"{kind}_wrong"]}
    out["letters"] = {"count": counts["letters"],
                      "specific_ask_agreement": ratio(counts["letter_ask_agree"], counts["letters"])}
    return out


def alignment(report) -> int:
    return report.scores["alignment"]["score"] if report.scores.get("alignment") else 0


def run(letters: list[Letter], pairs: list[Pair], analyzer) -> dict:
    """Every figure for one half of the set."""
    known = set(analyzer.lexicons.sectors)
    counts: Counter = Counter()
    notes: list[str] = []
    games: Counter = Counter()
    game_notes: list[str] = []
    for letter in letters:
        sector = pack_for(letter.sector, known)
        report = analyzer.analyze(letter.text, sector=sector)
        judged = judge_letter(letter, report)
        counts.update(judged["counts"])
        notes += judged["notes"]
        if sector is None:
            continue
        base = alignment(report)
        for name in GAMES:
            gamed = play(name, letter.text, report.message)
            if gamed is None or gamed == letter.text:
                continue
            after = alignment(analyzer.analyze(gamed, sector=sector))
            games[f"{name}_tried"] += 1
            if after > base:
                games[f"{name}_raised"] += 1
                game_notes.append(f"gaming {name} {letter.id}: {base} -> {after}")
    ordered = ties = above_tool = 0
    pair_notes = []
    scored = [pair for pair in pairs if pack_for(pair.sector, known) is not None]
    for pair in scored:  # a pair with no sector pack has no score to order
        sector = pack_for(pair.sector, known)
        sender, partner = analyzer.analyze_many([pair.sender_centred, pair.partner_led],
                                                sector=sector)
        low, high = alignment(sender), alignment(partner)
        # The tool's own rewrite of the sender-centred side should not outscore the
        # version a person wrote around the partner.
        rewritten = reframe(analyzer, sender).text
        above_tool += int(high > alignment(analyzer.analyze(rewritten, sector=sector)))
        if high > low:
            ordered += 1
        else:
            ties += int(high == low)
            pair_notes.append(f"pair {pair.id}{' (hard)' if pair.hard else ''}: "
                              f"sender-centred {low} >= partner-led {high}")
    summary = summarize(counts)
    summary["pairs"] = {"count": len(scored), "ordered": ratio(ordered, len(scored)), "ties": ties,
                        "above_tool_rewrite": ratio(above_tool, len(scored))}
    summary["gaming"] = {name: {"tried": games[f"{name}_tried"], "raised": games[f"{name}_raised"]}
                         for name in GAMES}
    return {"summary": summary, "notes": notes + pair_notes + game_notes}


def render(name: str, summary: dict) -> list[str]:
    def fmt(v):
        return "  -  " if v is None else f"{v:.2f}"
    lines = [f"== {name}: {summary['letters']['count']} letters, {summary['pairs']['count']} pairs =="]
    for kind in ("requests", "burden", "ask"):
        s = summary[kind]
        lines.append(f"  {kind:<9} precision {fmt(s['precision'])}  recall {fmt(s['recall'])}"
                     f"  (annotated {s['annotated']}, predicted {s['predicted']})")
    lines.append(f"  letters with a specific ask, agreement {fmt(summary['letters']['specific_ask_agreement'])}")
    p = summary["pairs"]
    lines.append(f"  pairs ordered {fmt(p['ordered'])} (ties {p['ties']}); partner-led above the "
                 f"tool's own rewrite of the sender-centred side {fmt(p['above_tool_rewrite'])}")
    lines.append("  gaming raised: " + ", ".join(
        f"{k} {v['raised']}/{v['tried']}" for k, v in summary["gaming"].items()))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m framing.evaluate_fit",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--letters", default=str(ROOT / "letters"))
    parser.add_argument("--pairs", default=str(ROOT / "pairs"))
    parser.add_argument("--split", choices=SPLITS + ("all",), default="tune")
    parser.add_argument("--worst", type=int, default=25, help="lines of misses and wrong calls to list")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    from .engine import Analyzer
    analyzer = Analyzer()
    letters = load_letters(Path(args.letters))
    pairs = load_pairs(Path(args.pairs)) if (Path(args.pairs) / "texts").is_dir() else []
    results = {}
    for half in SPLITS:
        results[half] = run([x for x in letters if x.split == half],
                            [x for x in pairs if x.split == half], analyzer)
    if args.json:
        json.dump({k: v["summary"] for k, v in results.items()}, sys.stdout, indent=2)
        print()
        return 0
    for half in SPLITS:
        print("\n".join(render(half, results[half]["summary"])))
    if args.split != "all" and args.worst:
        print(f"\n-- {args.split}: what went wrong (first {args.worst}) --")
        print("\n".join(results[args.split]["notes"][:args.worst]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
