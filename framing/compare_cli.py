"""``framing compare``: several variants side by side, against partners or sectors.

Added to the ``framing`` group in ``cli.py``. Exit 0 when
the comparison ran, 2 on a usage or input error (as ``framing check``).
Findings do not change the exit code: comparing is for choosing, not gating.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import cli_common
from .cli_common import InputProblem, load_inputs, load_profile
from .constants import MESSAGE_KINDS
from .settings import Settings


def _targets(profiles: tuple[str, ...], sectors: tuple[str, ...], lexicons) -> list:
    """Targets for ``--profile`` values (stored id or name, or a JSON file) and ``--sector``s."""
    from .compare import Target, targets_from
    targets, keys = [], set()
    for value in profiles:
        partner = load_profile(value)
        # A stored profile keeps its id in the key ("profile:3"), as the web app shows it;
        # a profile file without one is keyed by its file name.
        key = f"profile:{partner.id if partner.id is not None else Path(value).stem}"
        if key in keys:
            continue
        keys.add(key)
        targets.append(Target(key, partner.name, partner.sector, partner))
    try:
        targets += [t for t in targets_from(None, [], sectors, lexicons) if t.key not in keys]
    except ValueError as exc:
        raise InputProblem(f"--sector: {str(exc).partition(': ')[2]}") from None
    return targets


def _text_lines(result) -> list[str]:
    """The matrix (best fit per target starred), then each variant's figures and notes."""
    lines = [f"{len(result.variants)} variants, {len(result.targets) or 'no'} target(s), "
             f"kind {result.kind}"]
    best = result.best
    width = max(len(v.label) for v in result.variants) + 2
    if result.targets:
        lines.append("")
        lines.append(" " * width + "  ".join(t.label for t in result.targets))
        for v in result.variants:
            cells = []
            for t in result.targets:
                score = v.per_target[t.key].score
                cell = ("-" if score is None else str(score)) + ("*" if best[t.key] == v.label
                                                                 else "")
                cells.append(cell.ljust(len(t.label)))
            lines.append(v.label.ljust(width) + "  ".join(cells).rstrip())
        lines.append("best fit (*): " + "; ".join(
            f"{t.label} -> {best[t.key]}" for t in result.targets))
    for v in result.variants:
        severities = ", ".join(f"{n} {s}" for s, n in v.findings_by_severity.items())
        lines += ["", f"{v.label}: {v.words} words, {v.sentences} sentences, grade "
                      f"{v.readability.get('flesch_kincaid_grade', 0):g} (Flesch-Kincaid); "
                      f"findings: {severities}"]
        for key, score in v.per_target.items():
            reached = ", ".join(score.priorities_reached) or "none"
            label = next(t.label for t in result.targets if t.key == key)
            lines.append(f"  {label}: alignment {score.score if score.score is not None else '-'}"
                         f"; priorities reached: {reached}")
        lines += [f"  better: {note}" for note in v.better]
        lines += [f"  worse: {note}" for note in v.worse]
    return lines


@click.command("compare")
@click.argument("files", nargs=-1, required=True,
                type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--profile", "profiles", multiple=True, metavar="ID|FILE",
              help="A stored partner profile (id or name) or a profile JSON file; repeatable.")
@click.option("--sector", "sectors", multiple=True, metavar="ID",
              help="A sector pack (see `framing rules`); repeatable.")
@click.option("--kind", type=click.Choice(MESSAGE_KINDS), default="pitch",
              show_default=True, help="Partner pitch or public campaign copy.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv"]), default="text",
              show_default=True)
def compare(files, profiles, sectors, kind, fmt):
    """Compare two or more variants (FILEs) side by side.

    Each file is one variant, labelled by its name; each is parsed once and
    scored against every --profile and --sector. Prints the variants x
    partners matrix with the best fit per partner, findings, readability and
    what each variant does better or worse than the others.
    """
    from .compare import VariantInput
    from .compare import compare as run_compare
    from .engine import InputError
    if len(files) < 2:
        raise InputProblem("compare needs at least two files, one per variant")
    if len(set(files)) != len(files):
        raise InputProblem("each variant must be a different file")
    inputs = load_inputs(files, Settings.from_env().max_chars)
    analyzer = cli_common.build_analyzer()
    targets = _targets(profiles, sectors, analyzer.lexicons)
    try:
        result = run_compare(analyzer, [VariantInput(n, t, source=n) for n, t in inputs],
                             targets, kind=kind)
    except (InputError, ValueError) as exc:
        raise InputProblem(str(exc)) from None
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    elif fmt == "csv":
        # Bytes, so the CRLF row ends RFC 4180 asks for are not translated on the way out.
        sys.stdout.flush()
        sys.stdout.buffer.write(result.to_csv().encode("utf-8"))
        sys.stdout.buffer.flush()
    else:
        for line in _text_lines(result):
            click.echo(line)
