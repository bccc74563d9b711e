"""What every ``framing`` subcommand shares: exit codes, input errors, reading inputs.

Subcommand modules (``framing check``, ``compare``, ``backup``, and those of
packages built on the engine, such as ``framing campaign``) import this
module; it imports none of them, so the command line has no import cycle.
Packages add commands and migrations through entry points
(:func:`installed`), so the engine never imports them.
"""
from __future__ import annotations

import os
import sys
from importlib.metadata import entry_points
from pathlib import Path

import click

from .lexicon import LexiconError, get_lexicons
from .nlp import ModelNotInstalled
from .profile import PartnerProfile, ProfileError
from .services.checking import engine_profile
from .services.limits import TextTooLong, check_length
from .settings import PROJECT_ROOT, Settings

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
BINARY_SNIFF = 8192
# Entry-point groups through which installed packages extend the command line.
COMMANDS_GROUP = "framing.commands"      # click commands, added to ``framing``
MIGRATIONS_GROUP = "framing.migrations"  # (name, function) lists, for ``framing db upgrade``


class InputProblem(click.ClickException):
    """A one-line input error that exits with status 2."""

    exit_code = EXIT_USAGE

    def show(self, file=None) -> None:
        click.echo(f"framing: error: {self.message}", err=True)


def installed(group: str) -> dict[str, object]:
    """Each entry point of ``group`` in the installed packages' metadata, loaded, by name.

    Read when a command needs them (as Flask's own command line loads
    ``flask.commands``), so ``framing check`` never imports campaigns.
    """
    return {point.name: point.load() for point in entry_points(group=group)}


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
    try:
        check_length(text, max_chars)
    except TextTooLong as exc:
        raise InputProblem(f"{name}: {exc.size:,} characters is over the limit of {exc.limit:,} "
                           "(set FRAMING_MAX_CHARS to change it)") from None
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
        if path.suffix.lower() in (".docx", ".md", ".markdown"):
            inputs.append((name, read_document_file(name, raw, max_chars)))
        else:
            inputs.append((name, read_message(name, raw, max_chars)))
    return inputs


def read_document_file(name: str, raw: bytes, max_chars: int) -> str:
    """The text of a Word or Markdown file (framing.documents), within the length limit."""
    from .documents import DocumentError, read_document
    try:
        text = read_document(name, raw)
    except DocumentError as exc:
        raise InputProblem(f"{name}: {exc}") from None
    return read_message(name, text.encode("utf-8"), max_chars)


def build_analyzer():
    """The engine, with missing models and broken packs turned into input problems.

    Commands call it as ``cli_common.build_analyzer()``, so tests can swap in
    the engine they already loaded.
    """
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
    return Path(configured) if configured else PROJECT_ROOT / "instance" / "framing.sqlite"


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
            if value.isdecimal():
                return engine_profile(store.get(int(value)))
            match = next((p for p in store.list() if p.name.lower() == value.lower()), None)
            if match is None:
                raise ProfileNotFound(value)
            return engine_profile(store.get(match.id))
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
