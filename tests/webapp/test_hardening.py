"""Settings from the instance folder, strong production secrets, private database files,
and approval-link tokens kept out of the access logs."""
from __future__ import annotations

import logging
import os
import secrets
import sqlite3
import stat
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import itsdangerous
import pytest
from click.testing import CliRunner

from campaign_helpers import NORMS_POST, campaign_doc, make_profiles
from repo_paths import ROOT
from web_helpers import connect

from campaigns.links import make_partner_link
from campaigns.store import CampaignStore
from webapp.loadtest import stop
from framing.cli import main
from framing.store import migrate
from webapp import MIGRATIONS
from framing.store.backup import backup, restore
from webapp import create_app
from webapp.security import UnsafeConfiguration

TEST_CONFIG = {"TESTING": True, "DEMO_DATA": False, "SECRET_KEY": "test",
               "WTF_CSRF_ENABLED": False}


# -- instance/config.py ----------------------------------------------------------------------
def test_the_package_module_is_not_read_as_the_instance_config(tmp_path):
    # Flask resolved "config.py" against webapp/, so it loaded webapp/config.py itself.
    app = create_app({**TEST_CONFIG, "DATABASE": str(tmp_path / "c.sqlite")})
    assert "ENV_KEYS" not in app.config and "DEFAULT_SECRET" not in app.config


def _link_made_days_ago(app, days: int) -> str:
    """A partner approval link for a fresh piece, signed ``days`` ago."""
    db = connect(app.config["DATABASE"])
    store = CampaignStore(db)
    lusd, courier = make_profiles(db)
    campaign = store.create_campaign(campaign_doc(lusd, courier), "maria")
    piece = store.add_piece(campaign.id, "x", "Launch post", NORMS_POST, "maria")
    store.transition(piece.id, "in-review", "maria", "editor")
    piece = store.get_piece(piece.id)
    signer = itsdangerous.timed.TimestampSigner
    real = signer.get_timestamp
    signer.get_timestamp = lambda self: int(time.time()) - days * 86400
    try:
        return make_partner_link(app.config["SECRET_KEY"], piece, piece.current, "Ana Ruiz", lusd)
    finally:
        signer.get_timestamp = real


def test_partner_link_lifetime_from_the_instance_config(tmp_path, monkeypatch):
    monkeypatch.delenv("FRAMING_PARTNER_LINK_DAYS", raising=False)
    instance = tmp_path / "instance"
    instance.mkdir()
    (instance / "config.py").write_text("PARTNER_LINK_DAYS = 3\n")
    short = create_app({**TEST_CONFIG, "DATABASE": str(tmp_path / "short.sqlite")},
                       instance_path=instance)
    assert short.config["PARTNER_LINK_DAYS"] == 3
    response = short.test_client().get(f"/p/{_link_made_days_ago(short, 4)}")
    assert response.status_code == 410 and b"expired" in response.data

    # The default (14 days) accepts the same age of link...
    default = create_app({**TEST_CONFIG, "DATABASE": str(tmp_path / "default.sqlite")},
                         instance_path=tmp_path / "empty-instance")
    assert default.test_client().get(f"/p/{_link_made_days_ago(default, 4)}").status_code == 200
    # ...and the environment overrides the file.
    monkeypatch.setenv("FRAMING_PARTNER_LINK_DAYS", "7")
    longer = create_app({**TEST_CONFIG, "DATABASE": str(tmp_path / "env.sqlite")},
                        instance_path=instance)
    assert longer.config["PARTNER_LINK_DAYS"] == 7
    assert longer.test_client().get(f"/p/{_link_made_days_ago(longer, 4)}").status_code == 200


def test_a_link_lifetime_of_zero_days_is_refused(tmp_path):
    instance = tmp_path / "instance"
    instance.mkdir()
    (instance / "config.py").write_text("PARTNER_LINK_DAYS = 0\n")
    with pytest.raises(ValueError, match="PARTNER_LINK_DAYS"):
        create_app({**TEST_CONFIG, "DATABASE": str(tmp_path / "z.sqlite")},
                   instance_path=instance)


def test_a_broken_instance_config_names_the_file(tmp_path):
    instance = tmp_path / "instance"
    instance.mkdir()
    (instance / "config.py").write_text("PARTNER_LINK_DAYS = \n")
    with pytest.raises(SyntaxError) as exc:
        create_app({**TEST_CONFIG, "DATABASE": str(tmp_path / "x.sqlite")},
                   instance_path=instance)
    assert "config.py" in str(exc.value.filename)


# -- production secrets ----------------------------------------------------------------------
def _production(tmp_path, secret: str):
    return create_app({"ENV_NAME": "production", "SECRET_KEY": secret,
                       "DATABASE": str(tmp_path / "p.sqlite"), "DEMO_DATA": False})


@pytest.mark.parametrize("weak", [
    "a" * 40,
    "ab" * 32,
    "abcd1234" * 6,
    "Password123!" * 4,
    "abcdefghijklmnopqrstuvwxyz0123456789",
    "0123456789" * 4,
    "zyxwvutsrqponmlkjihgfedcba9876543210",
])
def test_production_refuses_a_guessable_secret(tmp_path, weak):
    with pytest.raises(UnsafeConfiguration) as exc:
        _production(tmp_path, weak)
    message = str(exc.value)
    assert "FRAMING_SECRET_KEY" in message
    assert "python -c 'import secrets; print(secrets.token_hex(32))'" in message


def test_production_accepts_generated_secrets(tmp_path):
    from webapp.security import secret_problem
    for _ in range(3000):
        for secret in (secrets.token_hex(16), secrets.token_hex(32), secrets.token_urlsafe(32)):
            assert secret_problem(secret) is None, secret
    app = _production(tmp_path, secrets.token_hex(32))
    assert app.config["SESSION_COOKIE_SECURE"] is True


# -- file permissions ------------------------------------------------------------------------
@contextmanager
def permissive_umask():
    """The usual default umask (files world-readable unless the code says otherwise)."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_database_and_its_wal_files_are_private(tmp_path):
    path = tmp_path / "private.sqlite"
    with permissive_umask():
        db = connect(path)
        migrate(db, MIGRATIONS)
        db.execute("INSERT INTO app_state (key, value) VALUES ('k', 'v')")
        db.conn.commit()
        for suffix in ("", "-wal", "-shm", ".migrate-lock"):
            assert Path(f"{path}{suffix}").exists(), suffix
            assert mode(f"{path}{suffix}") == 0o600, suffix
        db.conn.close()


def test_existing_database_keeps_its_mode(tmp_path):
    path = tmp_path / "shared.sqlite"
    sqlite3.connect(path).close()
    os.chmod(path, 0o640)
    connect(path).conn.close()
    assert mode(path) == 0o640


def test_backups_and_restores_are_private(tmp_path):
    live = tmp_path / "live.sqlite"
    with permissive_umask():
        db = connect(live)
        migrate(db, MIGRATIONS)
        db.conn.close()
        os.chmod(live, 0o644)  # even from a database someone made readable
        copy = backup(live, tmp_path / "copy.sqlite")
        assert mode(copy) == 0o600
        folder_copy = backup(live, str(tmp_path / "backups") + "/")
        assert mode(folder_copy) == 0o600 and mode(tmp_path / "backups") == 0o700
        restored = tmp_path / "new" / "restored.sqlite"
        restored.parent.mkdir()
        restore(copy, restored)
        assert mode(restored) == 0o600
        restore(copy, live)  # keeps the old database aside as a backup: private too
        assert mode(tmp_path / "live.sqlite.before-restore") == 0o600
        out = CliRunner().invoke(main, ["backup", str(tmp_path / "cli.sqlite"),
                                        "--database", str(live)])
        assert out.exit_code == 0, out.stderr
        assert mode(tmp_path / "cli.sqlite") == 0o600


# -- approval-link tokens never reach an access log ------------------------------------------
TOKEN = "eyJwIjoxLCJ2IjoxfQ.Zx9-TOKEN-SECRET-PART.abcDEF123_-"


def test_dev_log_filter_redacts_link_tokens(tmp_path, caplog):
    create_app({**TEST_CONFIG, "DATABASE": str(tmp_path / "log.sqlite")})  # installs the filter
    werkzeug = logging.getLogger("werkzeug")
    lines = (f"GET /p/{TOKEN} HTTP/1.1", f"POST /p/{TOKEN}?x=1 HTTP/1.1",
             f"\x1b[33mGET /p/{TOKEN} HTTP/1.1\x1b[0m",  # Werkzeug colours a 404 on a terminal
             "GET /check?text=my%20draft HTTP/1.1", "GET /profiles/3 HTTP/1.1")
    with caplog.at_level(logging.INFO, logger="werkzeug"):
        for line in lines:
            werkzeug.info('%s - - "%s" %s %s', "127.0.0.1", line, "404", "-")
    logged = [record.getMessage() for record in caplog.records if record.name == "werkzeug"]
    assert len(logged) == len(lines)
    assert not any("TOKEN-SECRET" in line or "draft" in line for line in logged), logged
    assert all("/p/[redacted]" in line for line in logged[:3]), logged
    assert "GET /check HTTP/1.1" in logged[3] and "GET /profiles/3 HTTP/1.1" in logged[4]


def _free_port() -> int:
    import socket
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _request_then_stop(command: list[str], env: dict, port: int, log: Path,
                       ready: str) -> str:
    with open(log, "w") as out:
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    try:
        deadline = time.time() + 120
        while ready not in log.read_text() and time.time() < deadline:
            assert proc.poll() is None, log.read_text()
            time.sleep(0.2)
        for path in (f"/p/{TOKEN}", f"/p/{TOKEN}?from=mail", "/login"):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30)
            except urllib.error.HTTPError:
                pass  # the link is not valid: 404, still logged
        time.sleep(1)
    finally:
        stop(proc)
    return log.read_text()


def test_link_tokens_not_in_the_development_server_log(tmp_path):
    port = _free_port()
    env = {**os.environ, "FRAMING_DATABASE": str(tmp_path / "dev.sqlite"),
           "FRAMING_SECRET_KEY": "dev-test", "FRAMING_DEMO_DATA": "0", "PYTHONUNBUFFERED": "1"}
    logged = _request_then_stop([sys.executable, "-m", "flask", "--app", "wsgi", "run",
                                 "--port", str(port)], env, port, tmp_path / "dev.log",
                                "Running on")
    assert "/p/[redacted]" in logged and "/login" in logged, logged
    assert "TOKEN-SECRET" not in logged


def test_link_tokens_not_in_the_gunicorn_access_log(tmp_path):
    port = _free_port()
    env = {**os.environ, "FRAMING_DATABASE": str(tmp_path / "prod.sqlite"),
           "FRAMING_SECRET_KEY": secrets.token_hex(32), "FRAMING_DEMO_DATA": "0",
           "FRAMING_BIND": f"127.0.0.1:{port}", "FRAMING_WORKERS": "1",
           "PYTHONUNBUFFERED": "1"}
    logged = _request_then_stop([sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py",
                                 "wsgi:app"], env, port, tmp_path / "prod.log", "Booting worker")
    assert "/p/[redacted]" in logged and "/login" in logged, logged
    assert "TOKEN-SECRET" not in logged


def test_error_logs_never_name_a_partner_link_token(tmp_path, caplog):
    """A refused write or a crash on /p/<token> is logged with the token redacted (the
    link still works when the write was refused, so its token must not reach the log)."""
    from webapp.errors import handle_unexpected
    app = create_app({"DATABASE": str(tmp_path / "log.sqlite"), "TESTING": True,
                      "SECRET_KEY": secrets.token_hex(32)})
    token = "pl_" + secrets.token_urlsafe(24)
    failures = [sqlite3.OperationalError("attempt to write a readonly database"),
                RuntimeError("boom")]
    with caplog.at_level(logging.WARNING, logger=app.logger.name):
        for failure in failures:
            with app.test_request_context(f"/p/{token}", method="POST"):
                assert handle_unexpected(failure).status_code in (503, 500)
    assert "write refused on POST /p/" in caplog.text
    assert "unhandled error on POST /p/" in caplog.text
    assert token not in caplog.text
