"""``framing backup`` and ``framing restore``: the database, safely, while the app runs."""
from __future__ import annotations

import click

from .store.backup import BackupError, backup, integrity, restore


def _database(value: str | None) -> str:
    from .cli import default_database
    return value or str(default_database())


@click.command("backup")
@click.argument("destination", type=click.Path(dir_okay=True))
@click.option("--database", metavar="PATH", help="Database file (default: the app's).")
def backup_command(destination, database):
    """Take a consistent online backup of the database to DESTINATION (a file or folder)."""
    try:
        path = backup(_database(database), destination)
    except BackupError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"backed up to {path} (integrity ok)")


@click.command("restore")
@click.argument("backup_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--database", metavar="PATH", help="Database file (default: the app's).")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def restore_command(backup_file, database, yes):
    """Replace the database with BACKUP_FILE (the old one is kept beside it).

    Stop the app first: requests in flight during a restore may see either copy.
    """
    target = _database(database)
    if not yes:
        click.confirm(f"Replace {target} with {backup_file}?", abort=True)
    try:
        kept = restore(backup_file, target)
    except BackupError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"restored {target} from {backup_file}; previous copy kept at {kept} "
               f"(integrity: {integrity(target)})")
