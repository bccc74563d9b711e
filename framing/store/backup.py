"""Online backup and restore of the SQLite database.

``backup`` uses SQLite's online backup API, so it takes a consistent copy
while the app keeps serving (WAL readers and writers carry on); the copy is
integrity-checked before it is kept. ``restore`` checks the backup first,
keeps the current database aside as ``<name>.before-restore``, then copies
the backup in through the same API, so a failure midway leaves the old file.
Every file written here is readable by its owner only (the database holds
notes about real people), and so is a backup folder this creates.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from .db import PRIVATE_FILE_MODE, create_private_file


class BackupError(RuntimeError):
    """A backup or restore could not be completed; nothing was changed."""


def integrity(path: str | Path) -> str:
    """SQLite's ``PRAGMA integrity_check`` result ('ok' when healthy)."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            return conn.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        return f"not a readable database: {exc}"


def backup(database: str | Path, destination: str | Path) -> Path:
    """Copy ``database`` to ``destination`` consistently, even while it is in use."""
    wants_folder = str(destination).endswith(("/", os.sep))
    database, destination = Path(database), Path(destination)
    if not database.exists():
        raise BackupError(f"{database}: no such database")
    if wants_folder:
        destination.mkdir(mode=0o700, parents=True, exist_ok=True)
    if destination.exists() and destination.is_dir():
        destination = destination / f"{database.stem}-backup.sqlite"
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)  # a leftover from an interrupted run may have any mode
    create_private_file(partial)
    source = sqlite3.connect(str(database), timeout=30)
    try:
        target = sqlite3.connect(str(partial))
        try:
            source.backup(target, pages=256)  # in steps, so writers are not blocked for long
        finally:
            target.close()
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"backup failed: {exc}") from None
    finally:
        source.close()
    verdict = integrity(partial)
    if verdict != "ok":
        partial.unlink(missing_ok=True)
        raise BackupError(f"the copy failed its integrity check: {verdict}")
    os.chmod(partial, PRIVATE_FILE_MODE)
    os.replace(partial, destination)
    return destination


def restore(backup_file: str | Path, database: str | Path) -> Path:
    """Replace ``database`` with ``backup_file``; returns where the old database was kept."""
    backup_file, database = Path(backup_file), Path(database)
    verdict = integrity(backup_file) if backup_file.exists() else "no such file"
    if verdict != "ok":
        raise BackupError(f"{backup_file}: not restored, {verdict}")
    kept = database.with_name(database.name + ".before-restore")
    if database.exists():
        backup(database, kept)
    create_private_file(database)  # restoring to a new place: owner-only from the start
    source = sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True)
    try:
        target = sqlite3.connect(str(database), timeout=30)
        try:
            source.backup(target)
        finally:
            target.close()
    except sqlite3.Error as exc:
        raise BackupError(f"restore failed ({exc}); the previous database is at {kept}") from None
    finally:
        source.close()
    return kept
