"""``framing backup``, ``framing restore`` and ``framing db upgrade``: the database, safely.

``db upgrade`` applies the engine's migrations and those every installed
package registers under the ``framing.migrations`` entry points (campaigns
does), so the engine upgrades the whole app's schema without importing it.
The store modules are imported when one of these commands runs, not when the
command line starts (every ``framing check`` would pay for them).
"""
from __future__ import annotations

import click

from .cli_common import MIGRATIONS_GROUP, default_database, installed


def _database(value: str | None) -> str:
    return value or str(default_database())


def installed_migrations() -> list:
    """The engine's migrations and every installed package's, in the order they apply."""
    from .store.migrations import MIGRATIONS, compose
    return compose(MIGRATIONS, *installed(MIGRATIONS_GROUP).values())


@click.command("backup")
@click.argument("destination", type=click.Path(dir_okay=True))
@click.option("--database", metavar="PATH", help="Database file (default: the app's).")
def backup_command(destination, database):
    """Take a consistent online backup of the database to DESTINATION (a file or folder)."""
    from .store.backup import BackupError, backup
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
    from .store.backup import BackupError, integrity, restore
    target = _database(database)
    if not yes:
        click.confirm(f"Replace {target} with {backup_file}?", abort=True)
    try:
        kept = restore(backup_file, target)
    except BackupError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"restored {target} from {backup_file}; previous copy kept at {kept} "
               f"(integrity: {integrity(target)})")


@click.group("db")
def db_group():
    """The app's database: schema upgrades."""


@db_group.command("upgrade")
@click.option("--database", metavar="PATH", help="Database file (default: the app's).")
def upgrade_command(database):
    """Apply pending schema migrations (safe while other processes start or run).

    ``make serve`` does this once before its workers start; run it yourself to
    upgrade a database ahead of a deployment.
    """
    import sqlite3

    from .store import connect, migrate
    target = _database(database)
    try:
        db = connect(target)
        try:
            applied = migrate(db, installed_migrations())
        finally:
            db.conn.close()
    except sqlite3.Error as exc:
        raise click.ClickException(f"{target}: not upgraded ({exc})") from None
    if applied:
        click.echo(f"{target}: applied {len(applied)} migration(s): {', '.join(applied)}")
    else:
        click.echo(f"{target}: up to date")
