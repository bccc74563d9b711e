"""How the reframer does on real letters nobody on the team wrote (``make eval``).

``tests/corpus/reframe/texts/*.yaml`` holds real letters to partners with their
frame (subject line, greeting, closing, signature) and what a rewrite must keep
(numbers, names, quotations, negations), annotated before the reframer ran on
them; ``tests/corpus/reframe/rewrites/*.yaml`` holds careful human rewrites of
some of them. For each letter the reframer's variant is checked, independently
of its own verifier, for:

* its frame kept word for word and in order;
* every must-keep phrase still there;
* each applied edit keeping the numbers, capitalised names, quotations and
  negations of its sentence (read with plain patterns, not the parse);
* grammar-checker lints the variant has and the letter did not;
* the time of a reframe against the time of a check of the same text.

And for each human rewrite, whether the fit score puts the tool's variant above
it (it never should). Figures are given per half (see :func:`corpus.split_of`);
details are printed for the tune half only, unless ``--all``.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

from .corpus import split_of
from .engine import Analyzer
from .fit_corpus import SECTOR_PACKS
from .rewrite.variant import reframe

ROOT = Path("tests/corpus/reframe")
NUMBER = re.compile(r"\d[\d,.:%/-]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|"
                    r"eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|"
                    r"half|third|quarter|percent)\b", re.IGNORECASE)
WORD = re.compile(r"\b[A-Z][a-zA-Z'’-]+")
QUOTE = re.compile(r"[\"“]([^\"“”]{3,}?)[\"”]")
NEGATION = re.compile(r"\b(?:not|never|no|nobody|none|nothing|neither|nor|without|cannot)\b|n[’']t\b",
                      re.IGNORECASE)


def names(text: str) -> list[str]:
    """Capitalised words that do not start a sentence or a line: names, as a reader sees them."""
    out = []
    for match in WORD.finditer(text):
        before = text[:match.start()].rstrip(" \t(\"“'‘")
        if before and before[-1] not in ".!?:\n-•*":
            out.append(match.group())
    return out


AUDITS = {"numbers": NUMBER.findall, "names": names, "negations": NEGATION.findall}


def load(folder: Path) -> list[dict]:
    return [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.yaml"))]


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (by punctuation and line breaks) holding ``start:end``."""
    left = max(text.rfind(mark, 0, start) for mark in (". ", "! ", "? ", "\n"))
    right = [i for i in (text.find(mark, end) for mark in (". ", "! ", "? ", "\n")) if i >= 0]
    return left + 1, (min(right) + 1 if right else len(text))


def audit_edit(text: str, rewrite) -> list[str]:
    """What an applied edit changed that it must not (plain patterns, not the parse)."""
    if rewrite.kind == "move":
        return []
    a, b = sentence_around(text, rewrite.start, max(rewrite.start, rewrite.end))
    before = text[a:b]
    after = text[a:rewrite.start] + rewrite.replacement + text[rewrite.end:b]
    out = []
    for label, find in AUDITS.items():
        if label == "names":
            # a name may move to the start of the sentence (active voice): it is lost
            # only when it is gone, added only when it was nowhere before
            lost = {n for n in find(before) if n not in after}
            added = {n for n in find(after) if n not in before}
            if lost or added:
                out.append(label)
        elif Counter(m.lower() for m in find(before)) != Counter(m.lower() for m in find(after)):
            out.append(label)
    if any(q not in after for q in QUOTE.findall(before)):
        out.append("quotations")
    return out


def frame_kept(letter: dict, variant: str) -> bool:
    """Every frame part is in the variant as often as in the letter, in the same order."""
    parts = [v for v in (letter.get("structure") or {}).values() if v]
    if any(letter["text"].count(p) != variant.count(p) for p in parts):
        return False
    text = letter["text"]
    order = sorted(parts, key=text.find)
    if not order or order != sorted(parts, key=variant.find):
        return not order
    # nothing may come above the subject line or greeting, or below the closing or
    # signature, that was not there
    structure = letter.get("structure") or {}
    top = [structure[k] for k in ("subject", "greeting") if structure.get(k)]
    bottom = [structure[k] for k in ("closing", "signature") if structure.get(k)]
    if top:
        head = min(top, key=text.find)
        if text[:text.find(head)] != variant[:variant.find(head)]:
            return False
    if bottom:
        tail = max(bottom, key=text.rfind)
        if text[text.rfind(tail) + len(tail):] != variant[variant.rfind(tail) + len(tail):]:
            return False
    return True


def evaluate(analyzer: Analyzer, root: Path = ROOT) -> dict:
    """Figures and notes for every letter and rewrite of the reframe set."""
    letters = {d["id"]: d for d in load(root / "texts")}
    known = set(analyzer.lexicons.sectors)
    halves: dict[str, Counter] = {"tune": Counter(), "held-out": Counter()}
    notes: dict[str, list[str]] = {"tune": [], "held-out": []}
    timing = {"check": 0.0, "reframe": 0.0}
    variants = {}
    analyzer.verifier and analyzer.verifier.grammar.lints("Warm up.")  # not timed
    for letter in letters.values():
        sector = SECTOR_PACKS.get(letter["recipient_sector"], letter["recipient_sector"])
        if sector not in known:
            continue
        half = split_of(letter["id"])
        counts, note = halves[half], notes[half]
        started = time.perf_counter()
        report = analyzer.analyze(letter["text"], sector=sector)
        checked = time.perf_counter()
        variant = reframe(analyzer, report)
        timing["check"] += checked - started
        timing["reframe"] += time.perf_counter() - checked
        variants[letter["id"]] = (sector, variant)
        counts["letters"] += 1
        counts["changed"] += int(variant.text != letter["text"])
        counts["applied"] += len(variant.applied)
        counts["suggested"] += len(variant.skipped)
        counts["rejected"] += len(variant.rejected)
        if frame_kept(letter, variant.text):
            counts["frame_kept"] += 1
        else:
            note.append(f"{letter['id']}: frame changed")
        for phrase in letter.get("must_keep") or []:
            counts["must_keep"] += 1
            if variant.text.count(phrase) < letter["text"].count(phrase):
                counts["must_keep_lost"] += 1
                note.append(f"{letter['id']}: lost must-keep “{phrase}”")
        for rewrite in variant.applied:
            damaged = audit_edit(letter["text"], rewrite)
            for label in damaged:
                counts[f"edits_changing_{label}"] += 1
            if damaged:
                note.append(f"{letter['id']}: edit {rewrite.original!r} -> {rewrite.replacement!r} "
                            f"changed {', '.join(damaged)}")
        new = _new_lints(analyzer, letter["text"], variant.text)
        counts["new_lints"] += sum(new.values())
        note += [f"{letter['id']}: new grammar lint {kind} at “{text}”" for kind, text in new]
    human = _human(analyzer, load(root / "rewrites"), variants, halves, notes)
    ratio = timing["reframe"] / timing["check"] if timing["check"] else None
    return {"halves": {h: dict(c) for h, c in halves.items()}, "notes": notes,
            "human": human, "reframe_to_check": round(ratio, 2) if ratio else None,
            "variants": variants, "letters": letters}


def _new_lints(analyzer: Analyzer, before: str, after: str) -> Counter:
    verifier = analyzer.verifier
    if verifier is None or before == after:
        return Counter()
    return verifier.grammar.lints(after) - verifier.grammar.lints(before)


def _human(analyzer, rewrites, variants, halves, notes) -> int:
    """Per half: human rewrites, and how many the tool's variant outscores."""
    count = 0
    for rewrite in rewrites:
        if rewrite["base"] not in variants:
            continue
        sector, variant = variants[rewrite["base"]]
        half = split_of(rewrite["base"])
        tool = variant.after["alignment"]
        person = analyzer.analyze(rewrite["text"], sector=sector).scores["alignment"]["score"]
        halves[half]["human_pairs"] += 1
        count += 1
        if tool > person:
            halves[half]["tool_above_human"] += 1
            # the score already put the letter as it was above the person's rewrite,
            # or the tool's edits raised it there
            raised = tool > variant.before["alignment"]
            halves[half]["tool_raised_above_human"] += int(raised)
            notes[half].append(f"{rewrite['id']}: tool's variant {tool} > human rewrite {person} "
                               f"(letter as it was: {variant.before['alignment']})")
    return count


def dump(result_variants: dict, letters: dict, folder: Path) -> int:
    """Write each changed letter beside its variant, and every rewrite offered with its
    sentence, as Markdown for a person to grade. Returns the number of rewrites."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for letter_id, (_sector, variant) in sorted(result_variants.items()):
        text = letters[letter_id]["text"]
        if variant.text != text:
            changes = "\n".join(f"- {r.kind}: “{r.original}” → “{r.replacement}” ({r.why})"
                                for r in variant.applied)
            (folder / f"{letter_id}.md").write_text(
                f"# {letter_id}\n\n## Original\n\n{text}\n\n## Reframed\n\n{variant.text}\n\n"
                f"## Changes made\n\n{changes}\n", encoding="utf-8")
        for rewrite in variant.applied + variant.skipped:
            a, b = sentence_around(text, rewrite.start, max(rewrite.start, rewrite.end))
            rows.append(f"{len(rows) + 1}. [{letter_id}] ({rewrite.kind}, "
                        f"{'made' if rewrite in variant.applied else 'offered'}) "
                        f"“{rewrite.original or '(insert)'}” → “{rewrite.replacement}”  \n"
                        f"   Sentence: {text[a:b].strip()}")
    (folder / "suggestions.md").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return len(rows)


def format_summary(result: dict, details: tuple[str, ...] = ("tune",),
                   corpus: str = "tests/corpus/reframe") -> str:
    lines = [f"Reframing ({corpus}):"]
    for half, c in result["halves"].items():
        lines.append(
            f"  {half}: {c.get('letters', 0)} letters, {c.get('changed', 0)} changed; frame kept "
            f"{c.get('frame_kept', 0)}/{c.get('letters', 0)}; must-keep lost "
            f"{c.get('must_keep_lost', 0)}/{c.get('must_keep', 0)}; applied edits "
            f"{c.get('applied', 0)} (changing numbers {c.get('edits_changing_numbers', 0)}, names "
            f"{c.get('edits_changing_names', 0)}, negations {c.get('edits_changing_negations', 0)}, "
            f"quotations {c.get('edits_changing_quotations', 0)}); new grammar lints "
            f"{c.get('new_lints', 0)}; suggestions {c.get('suggested', 0)}; rejected by the "
            f"verifier {c.get('rejected', 0)}; tool above human rewrite "
            f"{c.get('tool_above_human', 0)}/{c.get('human_pairs', 0)} (raised there by the "
            f"tool's edits: {c.get('tool_raised_above_human', 0)})")
    lines.append(f"  reframe time / check time: {result['reframe_to_check']}")
    for half in details:
        lines += [f"  [{half}] {note}" for note in result["notes"][half]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--all", action="store_true", help="print notes for both halves")
    parser.add_argument("--dump", type=Path, help="write the variants and rewrites for grading")
    args = parser.parse_args(argv)
    if not (args.corpus / "texts").is_dir():
        print(f"No reframe set at {args.corpus}/texts", file=sys.stderr)
        return 2
    result = evaluate(Analyzer(), args.corpus)
    variants, letters = result.pop("variants"), result.pop("letters")
    if args.dump:
        count = dump(variants, letters, args.dump)
        print(f"Wrote {count} rewrites and the changed letters to {args.dump}", file=sys.stderr)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(format_summary(result, ("tune", "held-out") if args.all else ("tune",),
                             str(args.corpus)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
