"""Server-side sign-in sessions: logout, timeouts, password changes, "sign out everywhere"."""
from __future__ import annotations

import sqlite3
import time

import pytest

from web_helpers import PASSWORD, accounts, login, make_app, make_user, post_form

HOUR, DAY = 3600, 86400


@pytest.fixture()
def app(tmp_path):
    return make_app(tmp_path / "s.sqlite")


def signed_in(app, username: str, address: str = "127.0.0.1"):
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    assert login(client, username).status_code == 302
    return client


def replay(app, cookie: str):
    """A new browser holding a copy of a session cookie."""
    client = app.test_client()
    client.set_cookie("session", cookie)
    return client


def session_rows(app) -> list[tuple]:
    with sqlite3.connect(app.config["DATABASE"]) as conn:
        return conn.execute("SELECT user_id, ended_at FROM sessions ORDER BY id").fetchall()


class Clock:
    """A settable clock for the session module (timeouts without sleeping)."""

    def __init__(self, monkeypatch):
        from webapp import web_sessions
        self.at = time.time()
        monkeypatch.setattr(web_sessions, "now", lambda: self.at)

    def advance(self, seconds: float) -> None:
        self.at += seconds


def test_a_cookie_copied_before_logout_is_dead_after_it(app):
    make_user(app, "maria")
    client = signed_in(app, "maria")
    copied = client.get_cookie("session").value
    assert replay(app, copied).get("/account").status_code == 200
    out = post_form(client, "/logout", {}, token_from="/account")
    assert out.status_code == 302
    assert replay(app, copied).get("/account").status_code == 302
    assert client.get("/account").status_code == 302


def test_each_sign_in_is_a_server_side_session(app):
    maria = make_user(app, "maria")
    one, two = signed_in(app, "maria"), signed_in(app, "maria")
    assert session_rows(app) == [(maria.id, None), (maria.id, None)]
    post_form(one, "/logout", {}, token_from="/account")
    rows = session_rows(app)
    assert rows[0][1] is not None and rows[1][1] is None  # only that browser's session ended
    assert two.get("/account").status_code == 200


def test_a_session_cookie_without_a_server_record_is_refused(app):
    maria = make_user(app, "maria")
    store = accounts(app)
    client = app.test_client()
    with client.session_transaction() as session:  # what the old cookie-only sessions held
        session.update(user_id=maria.id, stamp=store.session_stamp(maria.id))
    assert client.get("/account").status_code == 302


def test_idle_timeout(app, monkeypatch):
    make_user(app, "maria")
    clock = Clock(monkeypatch)
    client = signed_in(app, "maria")
    for _ in range(3):  # activity keeps the session alive past the idle limit in total
        clock.advance(7 * HOUR)
        assert client.get("/account").status_code == 200
    clock.advance(8 * HOUR + 60)
    expired = client.get("/account")
    assert expired.status_code == 302 and "/login" in expired.headers["Location"]
    assert "expired" in client.get("/login").get_data(as_text=True)


def test_absolute_timeout_even_when_active(app, monkeypatch):
    make_user(app, "maria")
    clock = Clock(monkeypatch)
    client = signed_in(app, "maria")
    copied = client.get_cookie("session").value
    for _ in range(27):  # activity every 6 hours for 6 days and 18 hours
        clock.advance(6 * HOUR)
        assert client.get("/account").status_code == 200
    clock.advance(6 * HOUR + 60)  # 7 days and a minute after signing in, 6 hours idle
    assert client.get("/account").status_code == 302
    assert replay(app, copied).get("/account").status_code == 302


def test_timeouts_are_settings(tmp_path, monkeypatch):
    app = make_app(tmp_path / "t.sqlite", SESSION_IDLE_HOURS=1, SESSION_MAX_DAYS=1)
    make_user(app, "maria")
    clock = Clock(monkeypatch)
    client = signed_in(app, "maria")
    clock.advance(HOUR - 120)
    assert client.get("/account").status_code == 200
    clock.advance(HOUR + 60)
    assert client.get("/account").status_code == 302
    assert app.permanent_session_lifetime.total_seconds() == DAY  # the cookie's own expiry


@pytest.mark.parametrize("name, value", [("SESSION_IDLE_HOURS", 0), ("SESSION_MAX_DAYS", -1),
                                         ("API_TOKEN_DAYS", 0)])
def test_bad_timeout_settings_are_refused_by_name(tmp_path, name, value):
    with pytest.raises(ValueError, match=name):
        make_app(tmp_path / "bad.sqlite", **{name: value})


def test_password_change_ends_other_sessions_and_keeps_this_one(app):
    make_user(app, "maria")
    here, elsewhere = signed_in(app, "maria"), signed_in(app, "maria", "10.0.0.2")
    copied_here = here.get_cookie("session").value
    new = "a brand new passphrase"
    changed = post_form(here, "/account", {"action": "password", "current": PASSWORD,
                                           "password": new, "confirm": new})
    assert changed.status_code == 302
    assert here.get("/account").status_code == 200
    assert elsewhere.get("/account").status_code == 302
    assert replay(app, copied_here).get("/account").status_code == 302  # the pre-change cookie


def test_admin_signs_a_user_out_everywhere(app):
    make_user(app, "root", "admin")
    maria = make_user(app, "maria")
    admin = signed_in(app, "root")
    browsers = [signed_in(app, "maria"), signed_in(app, "maria", "10.0.0.3")]
    page = admin.get("/users").get_data(as_text=True)
    assert "Sign out everywhere" in page
    done = post_form(admin, "/users", {"action": "signout", "user_id": maria.id},
                     token_from="/users")
    assert done.status_code == 302
    assert all(b.get("/account").status_code == 302 for b in browsers)
    assert admin.get("/users").status_code == 200
    assert login(browsers[0], "maria").status_code == 302  # signing in again works


def test_admin_signing_themselves_out_everywhere_keeps_this_browser(app):
    root = make_user(app, "root", "admin")
    here, other = signed_in(app, "root"), signed_in(app, "root", "10.0.0.4")
    post_form(here, "/users", {"action": "signout", "user_id": root.id}, token_from="/users")
    assert here.get("/users").status_code == 200
    assert other.get("/users").status_code == 302


def test_only_admins_sign_others_out(app):
    maria = make_user(app, "maria")
    make_user(app, "eddie")
    maria_browser = signed_in(app, "maria")
    editor = signed_in(app, "eddie")
    refused = post_form(editor, "/users", {"action": "signout", "user_id": maria.id},
                        token_from="/account")
    assert refused.status_code == 403
    assert maria_browser.get("/account").status_code == 200
