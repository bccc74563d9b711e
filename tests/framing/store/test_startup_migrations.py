"""Schema migrations are applied exactly once, however many processes start together.

``migrate`` is called from several processes at once on a fresh file; the
production server (gunicorn, several workers, the real ``gunicorn.conf.py``)
is started on a fresh database and on one migrated only part of the way,
several times, and every worker must come up on a complete schema.
"""
from __future__ import annotations

import multiprocessing
import os
import re
import sqlite3
import subprocess
import sys
import time
import traceback
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from repo_paths import ROOT

from framing.cli import main
from framing.store import connect, migrate
from webapp import MIGRATIONS
from webapp.loadtest import stop

MIGRATORS = 6
ROUNDS = 4


def _all_migrations() -> list[str]:
    return sorted(name for name, _ in MIGRATIONS)


# As existing databases record them: a renamed migration would run again on every one.
RECORDED = ["0001_users", "0002_api_tokens", "0003_login_attempts", "0004_sign_in_attempts",
            "0005_sessions", "0006_api_token_expiry", "0100_profiles", "0101_profile_snapshots",
            "0200_pitches", "0201_pitch_versions", "0300_campaigns", "0301_pieces",
            "0302_piece_reviews", "0303_piece_checks", "0320_interactions", "0400_comparisons",
            "0401_comparison_decisions", "0402_comparison_feedback", "0500_app_state",
            "0600_access_audit", "0700_request_counts", "0710_partner_ignored_rules"]


def test_the_app_composes_every_package_s_migrations_by_name():
    from campaigns.migrations import MIGRATIONS as CAMPAIGNS
    from framing.store.migrations import MIGRATIONS as ENGINE, compose
    assert [name for name, _ in MIGRATIONS] == RECORDED
    assert [name for name, _ in compose(CAMPAIGNS, ENGINE)] == RECORDED  # any list order
    with pytest.raises(ValueError, match="duplicate migration '0300_campaigns'"):
        compose(ENGINE, CAMPAIGNS, CAMPAIGNS[:1])


def _migrate_at_once(path: str, barrier, results) -> None:
    """One process: wait for the others, then migrate; report what it applied or its error."""
    try:
        db = connect(path)
        barrier.wait(30)
        applied = migrate(db, MIGRATIONS)
        db.conn.close()
        results.put(("ok", applied))
    except BaseException:  # noqa: BLE001  (report any failure to the parent)
        results.put(("error", traceback.format_exc()))


def _applied(path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return sorted(row[0] for row in conn.execute("SELECT name FROM migrations"))


def test_migrate_from_several_processes_at_once(tmp_path):
    expected = _all_migrations()
    ctx = multiprocessing.get_context("fork")
    for attempt in range(ROUNDS):
        path = str(tmp_path / f"fresh{attempt}.sqlite")
        barrier, results = ctx.Barrier(MIGRATORS), ctx.Queue()
        procs = [ctx.Process(target=_migrate_at_once, args=(path, barrier, results))
                 for _ in range(MIGRATORS)]
        for proc in procs:
            proc.start()
        outcomes = [results.get(timeout=120) for _ in procs]
        for proc in procs:
            proc.join(30)
        errors = [detail for status, detail in outcomes if status == "error"]
        assert not errors, errors[0]
        # Every migration applied exactly once, by exactly one of the processes.
        applied = sorted(name for _, names in outcomes for name in names)
        assert applied == expected
        assert _applied(path) == expected


def test_migrate_stops_at_a_named_migration_and_resumes(tmp_path):
    expected = _all_migrations()
    db = connect(tmp_path / "old.sqlite")
    assert migrate(db, MIGRATIONS, upto="0201_pitch_versions") == [n for n in expected
                                                        if n <= "0201_pitch_versions"]
    assert migrate(db, MIGRATIONS) == [n for n in expected if n > "0201_pitch_versions"]
    assert migrate(db, MIGRATIONS) == []


def test_cli_db_upgrade(tmp_path):
    path = tmp_path / "cli.sqlite"
    old = connect(path)
    migrate(old, MIGRATIONS, upto="0101_profile_snapshots")
    old.conn.close()
    out = CliRunner().invoke(main, ["db", "upgrade", "--database", str(path)])
    assert out.exit_code == 0, out.stderr
    assert "0200_pitches" in out.stdout and _applied(path) == _all_migrations()
    again = CliRunner().invoke(main, ["db", "upgrade", "--database", str(path)])
    assert again.exit_code == 0 and "up to date" in again.stdout, again.stderr


# -- the production server -------------------------------------------------------------------
WORKERS = 3
STARTS = 3
READY = re.compile(r"worker (\d+) ready")
FAILURES = ("Traceback", "Worker failed to boot", "Exception in worker", "already exists")


def _free_port() -> int:
    import socket
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve_once(db_path: Path, log_path: Path) -> None:
    """Start gunicorn, wait until every worker is ready, make requests, stop it."""
    import secrets
    port = _free_port()
    env = {**os.environ, "FRAMING_DATABASE": str(db_path), "FRAMING_BIND": f"127.0.0.1:{port}",
           "FRAMING_SECRET_KEY": secrets.token_hex(32), "FRAMING_WORKERS": str(WORKERS),
           "FRAMING_DEMO_DATA": "1", "PYTHONUNBUFFERED": "1"}
    with open(log_path, "w") as log:
        proc = subprocess.Popen([sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py",
                                 "wsgi:app"], cwd=ROOT, env=env, stdout=log,
                                stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline, ready = time.time() + 180, set()
        while time.time() < deadline and len(ready) < WORKERS and proc.poll() is None:
            ready = set(READY.findall(log_path.read_text()))
            time.sleep(0.3)
        text = log_path.read_text()
        assert proc.poll() is None, f"gunicorn exited ({proc.returncode}):\n{text}"
        assert len(ready) == WORKERS, f"only {len(ready)} workers ready:\n{text}"
        for _ in range(2 * WORKERS):
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=30) as resp:
                assert resp.status == 200
        text = log_path.read_text()
        assert not any(word in text for word in FAILURES), text
        assert proc.poll() is None
        for pid in ready:  # every worker that got ready is still alive
            os.kill(int(pid), 0)
    finally:
        stop(proc)


@pytest.mark.parametrize("start", ["fresh", "outdated"])
def test_production_server_migrates_once_before_workers(tmp_path, start):
    expected = _all_migrations()
    for attempt in range(STARTS):
        db_path = tmp_path / f"{start}{attempt}.sqlite"
        if start == "outdated":
            old = connect(db_path)
            migrate(old, MIGRATIONS, upto="0201_pitch_versions")
            old.execute("INSERT INTO pitches (title, created_at) "
                        "VALUES ('Kept', '2026-01-01')")
            old.conn.commit()
            old.conn.close()
        _serve_once(db_path, tmp_path / f"{start}{attempt}.log")
        assert _applied(db_path) == expected
        with sqlite3.connect(db_path) as conn:
            tables = {row[0] for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            assert {"users", "profiles", "pitches", "campaigns", "pieces",
                    "comparisons", "app_state"} <= tables
            if start == "outdated":
                titles = [r[0] for r in conn.execute("SELECT title FROM pitches")]
                assert "Kept" in titles
