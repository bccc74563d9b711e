"""Maintenance mode or a read-only database file: sign-in and reading work, saves get 503."""
from __future__ import annotations

import re
import sqlite3
import time

import pytest
import sqlite_utils

from campaign_helpers import NORMS_POST, campaign_doc
from web_helpers import (PASSWORD, api_token, bearer, csrf_token, login, make_app,
                         make_user, post_form)

PROFILE = {"name": "Riverton Public Library", "sector": "public-resources"}


def open_read_only(path, **_ignored):
    """A connection SQLite itself opens read-only, as it does for a file it may not write.

    Tests often run as root, for whom file permissions do not stop writes, so the
    file's mode alone would prove nothing; ``mode=ro`` gives the same refusal
    ("attempt to write a readonly database") whoever runs the test.
    """
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 15000")
    return sqlite_utils.Database(conn)


@pytest.fixture(params=["setting", "file"])
def frozen(request, tmp_path, monkeypatch):
    """(writable app, read-only app, token) over one database with maria, eddie and a token."""
    path = tmp_path / "ro.sqlite"
    writable = make_app(path)
    make_user(writable, "maria")
    token = api_token(writable, "eddie")
    if request.param == "setting":
        return writable, make_app(path, READ_ONLY=True), token
    read_only = make_app(path)
    from flask import current_app

    from webapp import extensions
    real_connect = extensions.connect

    def connect(db_path, **kwargs):  # only the read-only app's requests see a read-only file
        if current_app._get_current_object() is read_only:
            return open_read_only(db_path)
        return real_connect(db_path, **kwargs)
    monkeypatch.setattr(extensions, "connect", connect)
    return writable, read_only, token


def counts(path) -> tuple[int, int, int]:
    with sqlite3.connect(path) as conn:
        return tuple(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                     for table in ("sign_in_attempts", "sessions", "profiles"))


def test_sign_in_and_reading_work(frozen):
    writable, read_only, token = frozen
    before = counts(writable.config["DATABASE"])
    client = read_only.test_client()
    wrong = login(client, "maria", "wrong password!")
    assert wrong.status_code == 401 and "Wrong username or password" in wrong.get_data(as_text=True)
    assert login(client, "maria").status_code == 302
    assert client.get("/account").status_code == 200
    assert client.get("/profiles/").status_code == 200
    listed = read_only.test_client().get("/api/v1/profiles", headers=bearer(token))
    assert listed.status_code == 200  # a token's first use wants to record last_used_at
    assert counts(writable.config["DATABASE"]) == before


def test_saves_still_get_the_clear_503(frozen):
    writable, read_only, token = frozen
    refused = read_only.test_client().post("/api/v1/profiles", json=PROFILE,
                                           headers=bearer(token))
    assert refused.status_code == 503 and "read-only" in refused.get_json()["error"]["message"]
    client = read_only.test_client()
    login(client, "maria")
    made = post_form(client, "/account", {"action": "create_token", "label": "x"})
    assert made.status_code == 503 and "read-only" in made.get_data(as_text=True)


def test_a_session_started_before_maintenance_keeps_working(frozen):
    writable, read_only, _ = frozen
    before = writable.test_client()
    login(before, "maria")
    during = read_only.test_client()
    during.set_cookie("session", before.get_cookie("session").value)
    assert during.get("/account").status_code == 200
    out = during.post("/logout", data={"csrf_token": csrf_token(during, "/account")})
    assert out.status_code == 302 and during.get("/account").status_code == 302


def test_a_session_started_in_maintenance_still_expires(frozen, monkeypatch):
    from webapp import web_sessions
    writable, read_only, _ = frozen
    client = read_only.test_client()
    login(client, "maria")
    assert client.get("/account").status_code == 200
    later = time.time() + 8 * 3600 + 120
    monkeypatch.setattr(web_sessions, "now", lambda: later)
    assert client.get("/account").status_code == 302


def test_a_maintenance_session_becomes_a_server_session_and_can_be_ended(frozen):
    writable, read_only, _ = frozen
    during = read_only.test_client()
    login(during, "maria")
    after = writable.test_client()
    copied = during.get_cookie("session").value
    after.set_cookie("session", copied)
    assert after.get("/account").status_code == 200
    assert counts(writable.config["DATABASE"])[1] == 1  # recorded once writes work again
    after.post("/logout", data={"csrf_token": csrf_token(after, "/account")})
    replayed = writable.test_client()
    replayed.set_cookie("session", copied)
    assert replayed.get("/account").status_code == 302


def test_a_password_change_ends_maintenance_sessions(frozen):
    writable, read_only, _ = frozen
    during = read_only.test_client()
    login(during, "maria")
    other = writable.test_client()
    login(other, "maria")
    new = "a brand new passphrase"
    post_form(other, "/account", {"action": "password", "current": PASSWORD,
                                  "password": new, "confirm": new})
    replay = writable.test_client()
    replay.set_cookie("session", during.get_cookie("session").value)
    assert replay.get("/account").status_code == 302


def test_guessing_is_still_throttled_when_attempts_cannot_be_recorded(frozen):
    writable, read_only, _ = frozen
    read_only.config.update(LOGIN_ATTEMPTS=2)
    client = read_only.test_client()
    client.environ_base["REMOTE_ADDR"] = "203.0.113.77"
    for _ in range(2):
        assert login(client, "maria", "wrong password!").status_code == 401
    assert login(client, "maria").status_code == 429


def get_routes(app) -> list[str]:
    """Every GET route's URL, with 1 for each id (the demo data has it)."""
    urls = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static" or "GET" not in rule.methods:
            continue
        urls.append(re.sub(r"<(?:\w+:)?(\w+)>", "1", rule.rule))
    return urls


def test_every_page_and_api_read_works_in_maintenance_mode(tmp_path):
    path = tmp_path / "demo.sqlite"
    writable = make_app(path, DEMO_DATA=True)
    make_user(writable, "root", "admin")
    token = api_token(writable, "root")
    setup = writable.test_client()
    made = [setup.post(url, json=body, headers=bearer(token)) for url, body in (
        ("/api/v1/campaigns", campaign_doc(1, 2)),
        ("/api/v1/campaigns/1/pieces", {"channel": "x", "title": "Launch", "body": NORMS_POST}),
        ("/api/v1/comparisons", {"title": "Which", "profile_ids": [1], "variants": [
            {"label": "A", "text": "Our program helps students."},
            {"label": "B", "text": "Attendance rises when students feel safe."}]}))]
    assert [r.status_code for r in made] == [201, 201, 201], [r.get_json() for r in made]
    read_only = make_app(path, DEMO_DATA=True, READ_ONLY=True)
    browser = read_only.test_client()
    assert login(browser, "root").status_code == 302
    failed = []
    for url in get_routes(read_only):
        if url.startswith("/api/"):
            response = browser.get(url, headers=bearer(token))
        else:
            response = browser.get(url)
        if response.status_code >= 500:
            failed.append((url, response.status_code))
    assert failed == []
