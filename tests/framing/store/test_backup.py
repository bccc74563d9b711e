"""Online backup while writes go on, and a restore tested end to end."""
from __future__ import annotations

import sqlite3
import threading

import pytest
from click.testing import CliRunner

from framing.cli import main
from framing.store import connect, migrate
from framing.store.backup import BackupError, backup, integrity, restore
from framing.store.pitches import PitchStore
from webapp import MIGRATIONS


def make_db(path):
    db = connect(path)
    migrate(db, MIGRATIONS)
    return db


def test_backup_during_writes_then_restore(tmp_path):
    live = tmp_path / "live.sqlite"
    db = make_db(live)
    pitch = PitchStore(db).create("Pitch", "First draft.", "tester")
    stop = threading.Event()

    def writer():
        other = connect(live)
        store = PitchStore(other)
        while not stop.is_set():
            store.add_version(pitch.id, "Another draft.", "writer")
        other.conn.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        copy = backup(live, tmp_path / "copy.sqlite")
    finally:
        stop.set()
        thread.join()
    assert integrity(copy) == "ok"
    saved = sqlite3.connect(copy).execute("SELECT count(*) FROM pitch_versions").fetchone()[0]
    assert saved >= 1

    # Lose data, then restore the backup and find exactly what it held.
    db.execute("DELETE FROM pitch_versions")
    db.conn.commit()
    kept = restore(copy, live)
    assert kept.exists() and integrity(live) == "ok"
    restored = connect(live).execute("SELECT count(*) FROM pitch_versions").fetchone()[0]
    assert restored == saved


def test_restore_refuses_a_damaged_backup(tmp_path):
    live = tmp_path / "live.sqlite"
    make_db(live).conn.close()
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    with pytest.raises(BackupError, match="not restored"):
        restore(bad, live)
    assert integrity(live) == "ok"


def test_cli_backup_and_restore(tmp_path):
    live = tmp_path / "live.sqlite"
    make_db(live).conn.close()
    out = CliRunner().invoke(main, ["backup", str(tmp_path / "b.sqlite"), "--database",
                                    str(live)])
    assert out.exit_code == 0 and "integrity ok" in out.stdout, out.stderr
    out = CliRunner().invoke(main, ["restore", str(tmp_path / "b.sqlite"), "--database",
                                    str(live), "--yes"])
    assert out.exit_code == 0 and "restored" in out.stdout, out.stderr
