"""The ``framing`` command line: a thin adapter over the engine.

Exit codes: 0 no finding at or above ``--fail-level``; 1 at least one; 2 a
usage or input error (missing file, not UTF-8, binary, empty, too large,
bad profile, missing model, broken rule pack), with a one-line reason.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from .findings import SEVERITIES, severity_at_least
from .lexicon import LexiconError, get_lexicons
from .nlp import ModelNotInstalled
from .profile import PartnerProfile, ProfileError
from .settings import Settings

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
BINARY_SNIFF = 8192


class InputProblem(click.ClickException):
    """A one-line input error that exits with status 2."""

    exit_code = EXIT_USAGE

    def show(self, file=None) -> None:
        click.echo(f"framing: error: {self.message}", err=True)


def read_message(name: str, raw: bytes, max_chars: int) -> str:
    """Decode one input, refusing binary, non-UTF-8, empty and oversized data."""
    if b"\x00" in raw[:BINARY_SNIFF]:
        raise InputProblem(f"{name}: looks like a binary file, not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputProblem(f"{name}: not UTF-8 text (byte {exc.start}: {exc.reason})") from None
    if not text.strip():
        raise InputProblem(f"{name}: empty message")
    if len(text) > max_chars:
        raise InputProblem(f"{name}: {len(text):,} characters is over the limit of {max_chars:,} "
                           "(set FRAMING_MAX_CHARS to change it)")
    return text


def refuse_costly(analyzer, name: str, text: str) -> None:
    """Exit 2 naming the file and the cap when ``text`` is over the engine's line or
    token cap (``FRAMING_MAX_LINES``, ``FRAMING_MAX_TOKENS``)."""
    from .engine import TextTooLarge
    try:
        analyzer.check_cost(text)
    except TextTooLarge as exc:
        raise InputProblem(f"{name}: {exc.size:,} {exc.unit} is over the limit of "
                           f"{exc.limit:,} (set {exc.setting} to change it)") from None


def load_inputs(files: tuple[str, ...], max_chars: int) -> list[tuple[str, str]]:
    """(name, text) for each file, or stdin when no file (or ``-``) is given."""
    inputs = []
    for name in files or ("-",):
        if name == "-":
            inputs.append(("<stdin>", read_message("<stdin>", sys.stdin.buffer.read(), max_chars)))
            continue
        path = Path(name)
        if not path.is_file():
            raise InputProblem(f"{name}: no such file")
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise InputProblem(f"{name}: cannot read ({exc.strerror})") from None
        inputs.append((name, read_message(name, raw, max_chars)))
    return inputs


def build_analyzer():
    """The engine, with missing models and broken packs turned into input problems."""
    from .engine import Analyzer
    try:
        return Analyzer(Settings.from_env())
    except ModelNotInstalled as exc:
        raise InputProblem(str(exc)) from None
    except (LexiconError, ValueError) as exc:
        raise InputProblem(str(exc)) from None


def default_database() -> Path:
    """The app's database: ``$FRAMING_DATABASE`` or ``instance/framing.sqlite``."""
    configured = os.environ.get("FRAMING_DATABASE")
    return Path(configured) if configured else Path(__file__).resolve().parents[1] / "instance" / "framing.sqlite"


def stored_profile(value: str) -> PartnerProfile:
    """A profile saved in the app's database, by id or exact name."""
    from .store import connect
    from .store.profiles import ProfileNotFound, ProfileStore
    path = default_database()
    if not path.exists():
        raise InputProblem(f"--profile {value}: no such file, and no profile database at {path} "
                           "(run the app once, or set FRAMING_DATABASE)")
    db = connect(path)
    try:
        store = ProfileStore(db, set(get_lexicons().sectors))
        try:
            if value.isdigit():
                return store.get(int(value)).to_engine()
            match = next((p for p in store.list() if p.name.lower() == value.lower()), None)
            if match is None:
                raise ProfileNotFound(value)
            return store.get(match.id).to_engine()
        except ProfileNotFound:
            raise InputProblem(f"--profile {value}: no such profile file or stored profile") from None
    finally:
        db.conn.close()


def load_profile(value: str | None) -> PartnerProfile | None:
    """A profile from a JSON file, or a stored profile by id or name."""
    if value is None:
        return None
    try:
        if Path(value).is_file():
            return PartnerProfile.from_file(value)
        return stored_profile(value)
    except ProfileError as exc:
        raise InputProblem(str(exc)) from None


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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="framing")
def main() -> None:
    """Check outreach and campaign messages against partner priorities and
    published messaging guidelines. Everything runs locally."""


@main.command()
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--sector", metavar="ID", help="Check against a sector pack (see `framing rules`).")
@click.option("--profile", metavar="ID|FILE",
              help="Check against a stored partner profile (id or name) or a profile JSON file.")
@click.option("--kind", type=click.Choice(["pitch", "campaign"]), default="pitch", show_default=True,
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
    analyzer = build_analyzer()
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
@click.option("--kind", type=click.Choice(["pitch", "campaign"]), default="pitch", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def reframe(file, sector, profile, kind, fmt):
    """Reframe FILE (or standard input) for a partner: print the variant and its diff.

    Accepted rewrites are applied, the partner's priority leads, the ask is
    made specific. Nothing is invented: facts the message lacks are left as
    [marked blanks]. Exit 0 when the variant scores higher, 1 when it could
    not, 2 on a usage or input error.
    """
    from .rewrite.variant import reframe as build_variant
    from .textdiff import render_diff
    if not sector and not profile:
        raise InputProblem("reframe needs --sector or --profile: say who the message is for")
    settings = Settings.from_env()
    (name, text), = load_inputs((file,), settings.max_chars)
    partner = load_profile(profile)
    analyzer = build_analyzer()
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


from .store_cli import backup_command, db_group, restore_command  # noqa: E402

main.add_command(backup_command)
main.add_command(restore_command)
main.add_command(db_group)

from .compare_cli import compare as _compare  # noqa: E402

main.add_command(_compare)

from campaigns.cli import campaign as _campaign  # noqa: E402

main.add_command(_campaign)
