"""The ``framing`` command line: a thin adapter over the engine.

Exit codes: 0 no finding at or above ``--fail-level``; 1 at least one; 2 a
usage or input error (missing file, not UTF-8, binary, empty, too large,
bad profile, missing model, broken rule pack), with a one-line reason.

One group, :func:`main`. The engine's own commands are added here; packages
built on the engine add theirs through the ``framing.commands`` entry points
in their metadata (``framing campaign`` comes from ``campaigns.cli``), so
nothing here imports them.
"""
from __future__ import annotations

import json
import sys

import click

from . import cli_common
from .cli_common import (COMMANDS_GROUP, EXIT_CLEAN, EXIT_FINDINGS, InputProblem, installed,
                         load_inputs, load_profile, refuse_costly)
from .compare_cli import compare
from .findings import SEVERITIES, severity_at_least
from .lexicon import LexiconError, get_lexicons
from .profile import ProfileError
from .constants import MESSAGE_KINDS
from .settings import Settings
from .store_cli import backup_command, db_group, restore_command


def format_text(name: str, report) -> list[str]:
    """``file:line:col severity category message [rule]`` lines plus suggestions."""
    lines = []
    for f in report.findings:
        lines.append(f"{name}:{f.line}:{f.column} {f.severity} {f.category} {f.message} [{f.rule}]")
        if f.suggestions:
            lines.append(f"    suggestion: {' | '.join(f.suggestions)}")
    alignment = report.scores.get("alignment")
    fk = report.scores["readability"]["flesch_kincaid_grade"]["value"]
    summary = (f"{name}: {len(report.findings)} finding(s) "
               f"({', '.join(f'{n} {s}' for s, n in report.counts().items())}); "
               f"grade {fk:g} (Flesch-Kincaid)")
    if alignment:
        summary += f"; alignment {alignment['score']}/100"
    lines.append(summary)
    return lines


class FramingGroup(click.Group):
    """A click group that also offers the commands installed packages register under the
    ``framing.commands`` entry points, loaded the first time they are looked for."""

    plugins_loaded = False

    def load_plugins(self) -> None:
        """Add each installed package's commands (once); the engine's own keep their names."""
        if self.plugins_loaded:
            return
        for name, command in installed(COMMANDS_GROUP).items():
            if name not in self.commands:
                self.add_command(command, name)
        self.plugins_loaded = True

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is None:  # not one of the engine's: perhaps an installed package's
            self.load_plugins()
            command = super().get_command(ctx, cmd_name)
        return command

    def list_commands(self, ctx: click.Context) -> list[str]:
        self.load_plugins()
        return super().list_commands(ctx)


@click.group(cls=FramingGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="framing")
def main() -> None:
    """Check outreach and campaign messages against partner priorities and
    published messaging guidelines. Everything runs locally."""


@main.command()
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--sector", metavar="ID", help="Check against a sector pack (see `framing rules`).")
@click.option("--profile", metavar="ID|FILE",
              help="Check against a stored partner profile (id or name) or a profile JSON file.")
@click.option("--kind", type=click.Choice(MESSAGE_KINDS), default="pitch", show_default=True,
              help="Partner pitch or public campaign copy.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--fail-level", type=click.Choice([*SEVERITIES, "none"]), default="error",
              show_default=True, help="Exit 1 when a finding is at least this severe.")
def check(files, sector, profile, kind, fmt, fail_level):
    """Check FILE(s), or standard input when no file is given.

    Several files are parsed as one batch. Exit 0 when clean, 1 when a
    finding reaches --fail-level, 2 on a usage or input error.
    """
    settings = Settings.from_env()
    inputs = load_inputs(files, settings.max_chars)
    partner = load_profile(profile)
    analyzer = cli_common.build_analyzer()
    from .engine import InputError
    for name, text in inputs:
        refuse_costly(analyzer, name, text)
    try:
        reports = analyzer.analyze_many([text for _, text in inputs], sector=sector,
                                        profile=partner, kind=kind)
    except (InputError, ProfileError) as exc:
        raise InputProblem(str(exc)) from None
    if fmt == "json":
        payload = [r.to_dict() for r in reports]
        for (name, _), item in zip(inputs, payload):
            item["file"] = name
        click.echo(json.dumps(payload[0] if len(payload) == 1 else payload, indent=2,
                              ensure_ascii=False))
    else:
        for (name, _), report in zip(inputs, reports):
            for line in format_text(name, report):
                click.echo(line)
    if fail_level == "none":
        sys.exit(EXIT_CLEAN)
    failing = any(severity_at_least(f.severity, fail_level) for r in reports for f in r.findings)
    sys.exit(EXIT_FINDINGS if failing else EXIT_CLEAN)


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True), default="-")
@click.option("--sector", metavar="ID", help="Reframe toward a sector pack.")
@click.option("--profile", metavar="ID|FILE", help="Reframe toward a partner profile.")
@click.option("--kind", type=click.Choice(MESSAGE_KINDS), default="pitch", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def reframe(file, sector, profile, kind, fmt):
    """Reframe FILE (or standard input) for a partner: print the variant and its diff.

    Only edits that cannot go wrong are made (guideline wording, plain function
    words, the sender's own program named in the partner's words), each
    verified first: numbers, names, quotations and negations kept, no clause
    added, no new grammar problem. Active voice, moving the priority sentence
    first, taking a task on, cutting self-presentation and wording with
    [blanks] are listed as offered, not made. Exit 0 when the variant scores higher, 1 when
    it does not, 2 on a usage or input error.
    """
    from .rewrite.variant import reframe as build_variant
    from .textdiff import render_diff
    if not sector and not profile:
        raise InputProblem("reframe needs --sector or --profile: say who the message is for")
    settings = Settings.from_env()
    (name, text), = load_inputs((file,), settings.max_chars)
    partner = load_profile(profile)
    analyzer = cli_common.build_analyzer()
    from .engine import InputError
    refuse_costly(analyzer, name, text)
    try:
        report = analyzer.analyze(text, sector=sector, profile=partner, kind=kind)
        variant = build_variant(analyzer, report)  # InputError if the variant is too large
    except (InputError, ProfileError) as exc:
        raise InputProblem(str(exc)) from None
    if fmt == "json":
        click.echo(json.dumps({"file": name, **variant.to_dict()}, indent=2, ensure_ascii=False))
    else:
        click.echo(variant.text.rstrip())
        click.echo("")
        click.echo("--- changes ([-removed-] {+added+}) ---")
        click.echo(render_diff(variant.diff).rstrip())
        click.echo("")
        for rewrite in variant.applied:
            serves = f" (serves: {rewrite.serves})" if rewrite.serves else ""
            click.echo(f"applied {rewrite.kind}: {rewrite.why}{serves}")
        for rewrite in variant.skipped:
            if not rewrite.auto:
                click.echo(f"offered {rewrite.kind}: “{rewrite.original}” -> "
                           f"“{rewrite.replacement}” ({rewrite.why})")
        if variant.rejected:
            click.echo(f"refused by the checks: {len(variant.rejected)} rewrite"
                       f"{'s' if len(variant.rejected) != 1 else ''} (see --format json)")
        if variant.blanks:
            click.echo("fill in: " + "; ".join(variant.blanks))
        before, after = variant.before["alignment"], variant.after["alignment"]
        click.echo(f"alignment {before} -> {after}: {variant.reason}")
    sys.exit(EXIT_CLEAN if variant.improved else EXIT_FINDINGS)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules(fmt):
    """List and validate every rule pack and sector pack (exit 2 if one is broken)."""
    try:
        lexicons = get_lexicons(Settings.from_env().lexicon_root or None)
    except LexiconError as exc:
        raise InputProblem(str(exc)) from None
    if fmt == "json":
        click.echo(json.dumps({
            "version": lexicons.version,
            "rules": [{"id": r.id, "pack": r.pack, "kind": r.kind, "category": r.category,
                       "severity": r.severity, "gate": list(r.gate), "message": r.message,
                       "source": {"publisher": r.source.publisher, "url": r.source.url}}
                      for r in lexicons.rules],
            "sectors": [{"id": s.id, "name": s.name, "priorities": [p.label for p in s.priorities]}
                        for s in lexicons.sectors.values()],
        }, indent=2, ensure_ascii=False))
        return
    for pack in lexicons.packs.values():
        pack_rules = [r for r in lexicons.rules if r.pack == pack.id]
        click.echo(f"{pack.id}: {pack.title} ({len(pack_rules)} rules)")
        for r in pack_rules:
            gate = f" gate={','.join(r.gate)}" if r.gate else ""
            click.echo(f"  {r.id:<40} {r.severity:<10} {r.category:<18} {r.kind}{gate}")
    click.echo(f"sectors ({len(lexicons.sectors)}): " + ", ".join(sorted(lexicons.sectors)))
    click.echo(f"ok: {len(lexicons.rules)} rules in {len(lexicons.packs)} packs, "
               f"{len(lexicons.sectors)} sector packs valid (version {lexicons.version})")


main.add_command(compare)
main.add_command(backup_command)
main.add_command(restore_command)
main.add_command(db_group)
