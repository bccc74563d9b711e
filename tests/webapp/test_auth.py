"""Sign-in, first-run setup, sessions, CSRF, rate limiting, roles and error pages."""
from __future__ import annotations

import pytest
from flask import g

from web_helpers import (PASSWORD, accounts, csrf_token, login, make_app, make_user,
                         post_form, setup_admin)


@pytest.fixture()
def app(tmp_path):
    return make_app(tmp_path / "t.sqlite", LOGIN_ATTEMPTS=3)


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture()
def admin_client(app, client):
    assert setup_admin(client).status_code == 302
    return client


# -- first run -------------------------------------------------------------------------------
def test_first_run_sends_every_page_to_setup(client):
    for path in ("/", "/login", "/account", "/users", "/no-such-page"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response.headers["Location"].endswith("/setup"), path
    assert client.get("/setup").status_code == 200


def test_api_is_not_redirected_to_setup(client):
    response = client.get("/api/v1/sectors")
    assert response.status_code == 401
    assert response.is_json and "message" in response.get_json()["error"]


def test_setup_validates_and_creates_the_admin(app, client):
    bad = post_form(client, "/setup", {"username": "admin", "password": "short", "confirm": "short"})
    assert bad.status_code == 400 and "at least 10 characters" in bad.get_data(as_text=True)
    differ = post_form(client, "/setup", {"username": "admin", "password": PASSWORD,
                                          "confirm": PASSWORD + "x"})
    assert differ.status_code == 400 and "differ" in differ.get_data(as_text=True)
    assert setup_admin(client, "ana").status_code == 302
    page = client.get("/account")
    assert page.status_code == 200 and "ana" in page.get_data(as_text=True)
    assert accounts(app).by_username("ana").role == "admin"


def test_setup_is_refused_once_a_user_exists(admin_client):
    token = csrf_token(admin_client, "/account")
    assert admin_client.get("/setup").status_code == 302
    again = admin_client.post("/setup", data={"csrf_token": token, "username": "mallory",
                                              "password": PASSWORD, "confirm": PASSWORD})
    assert again.status_code == 403
    assert "Traceback" not in again.get_data(as_text=True)


# -- signing in ------------------------------------------------------------------------------
def test_login_wrong_password_then_right_one(app, client):
    make_user(app, "maria", "editor")
    assert client.get("/account").headers["Location"].startswith("/login?next=")
    wrong = login(client, "maria", "not the password")
    assert wrong.status_code == 401 and "Wrong username or password" in wrong.get_data(as_text=True)
    unknown = login(client, "nobody", PASSWORD)
    assert unknown.status_code == 401
    ok = post_form(client, "/login?next=/account", {"username": "maria", "password": PASSWORD})
    assert ok.status_code == 302 and ok.headers["Location"] == "/account"
    assert client.get("/account").status_code == 200


def test_login_next_cannot_leave_the_site(app, client):
    make_user(app, "maria")
    for target in ("https://evil.example/", "//evil.example/x", "/\\evil.example",
                   "/\t/evil.example", "/\n/evil.example", "javascript:alert(1)"):
        response = post_form(client, "/login", {"username": "maria", "password": PASSWORD,
                                                "next": target})
        location = response.headers["Location"]
        assert response.status_code == 302 and location.startswith("/")
        assert not location.startswith("//") and "evil" not in location and ":" not in location
        client.post("/logout", data={"csrf_token": csrf_token(client, "/account")})


def test_logout_ends_the_session(app, client):
    make_user(app, "maria")
    login(client, "maria")
    assert client.get("/account").status_code == 200
    assert client.get("/logout").status_code == 405
    out = client.post("/logout", data={"csrf_token": csrf_token(client, "/account")})
    assert out.status_code == 302 and out.headers["Location"].endswith("/login")
    assert client.get("/account").status_code == 302


def test_session_cookie_is_httponly_samesite_and_permanent(app, client):
    make_user(app, "maria")
    response = login(client, "maria")
    cookie = next(h for h in response.headers.getlist("Set-Cookie") if h.startswith("session="))
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    assert "Expires=" in cookie


def test_login_starts_a_fresh_session(app, client):
    make_user(app, "maria")
    old_token = csrf_token(client)
    with client.session_transaction() as session:
        session["planted"] = "by an attacker"
    login(client, "maria")
    with client.session_transaction() as session:
        assert "planted" not in session
        assert session.permanent
    stale = client.post("/logout", data={"csrf_token": old_token})
    assert stale.status_code == 400  # the pre-login CSRF token died with the old session


def test_password_change_signs_out_other_sessions(app):
    make_user(app, "maria")
    first, second = app.test_client(), app.test_client()
    login(first, "maria")
    login(second, "maria")
    new = "a brand new passphrase"
    changed = post_form(first, "/account", {"action": "password", "current": PASSWORD,
                                            "password": new, "confirm": new})
    assert changed.status_code == 302
    assert first.get("/account").status_code == 200
    assert second.get("/account").status_code == 302
    assert login(second, "maria", new).status_code == 302


def test_wrong_current_password_is_rejected(app, client):
    make_user(app, "maria")
    login(client, "maria")
    response = post_form(client, "/account", {"action": "password", "current": "wrong",
                                              "password": "x" * 12, "confirm": "x" * 12})
    assert response.status_code == 400 and "not correct" in response.get_data(as_text=True)


def test_deleted_user_is_signed_out(app, client):
    user = make_user(app, "maria")
    login(client, "maria")
    store = accounts(app)
    store.create("admin", PASSWORD, "admin")
    store.delete(user.id)
    assert client.get("/account").status_code == 302


# -- rate limiting ---------------------------------------------------------------------------
def test_failed_logins_are_rate_limited_per_username(app, client):
    make_user(app, "maria")
    for _ in range(3):
        assert login(client, "maria", "wrong password!").status_code == 401
    limited = login(client, "maria")  # even the right password is refused now, from here
    assert limited.status_code == 429
    assert "Too many failed sign-in attempts" in limited.get_data(as_text=True)
    assert int(limited.headers["Retry-After"]) == app.config["LOGIN_DELAY_SECONDS"]
    other_address = app.test_client()
    other_address.environ_base["REMOTE_ADDR"] = "10.9.9.9"
    assert login(other_address, "maria").status_code == 302  # but not from elsewhere


def test_failed_logins_are_rate_limited_per_address(app, client):
    app.config["LOGIN_SPRAY_FAILURES"] = 3  # three usernames failed from one address: spraying
    for name in ("maria", "jose", "kim"):
        make_user(app, name)
        assert login(client, name, "wrong password!").status_code == 401
    assert login(client, "maria").status_code == 429
    elsewhere = app.test_client()
    elsewhere.environ_base["REMOTE_ADDR"] = "10.1.2.3"
    assert login(elsewhere, "jose").status_code == 302


def test_rate_limit_is_shared_between_processes(tmp_path):
    db = tmp_path / "shared.sqlite"
    one, two = make_app(db, LOGIN_ATTEMPTS=2), make_app(db, LOGIN_ATTEMPTS=2)
    make_user(one, "maria")
    login(one.test_client(), "maria", "wrong password!")
    login(two.test_client(), "maria", "wrong password!")
    assert login(one.test_client(), "maria").status_code == 429


# -- CSRF ------------------------------------------------------------------------------------
@pytest.mark.parametrize("path, data", [
    ("/login", {"username": "admin", "password": PASSWORD}),
    ("/logout", {}),
    ("/setup", {"username": "x", "password": PASSWORD, "confirm": PASSWORD}),
    ("/account", {"action": "create_token", "label": "x"}),
    ("/users", {"action": "create", "username": "eve", "password": PASSWORD, "role": "admin"}),
])
def test_every_form_post_needs_a_csrf_token(app, admin_client, path, data):
    response = admin_client.post(path, data=data)
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert "security token" in body and "Traceback" not in body
    assert accounts(app).by_username("eve") is None
    bad = admin_client.post(path, data=dict(data, csrf_token="forged"))
    assert bad.status_code == 400


# -- roles -----------------------------------------------------------------------------------
def test_permission_map(app):
    from webapp.auth import can
    from framing.store.accounts import User
    expected = {"admin": {"edit", "check", "tokens", "read", "users"},
                "editor": {"edit", "check", "tokens", "read"},
                "reviewer": {"check", "read"}}
    with app.test_request_context():
        for role, allowed in expected.items():
            g.user = User(1, "u", role, "")
            for action in ("edit", "check", "tokens", "read", "users"):
                assert can(action) == (action in allowed), (role, action)
        g.user = None
        assert not can("read")


def test_users_page_is_admin_only(app, admin_client):
    make_user(app, "eddie", "editor")
    editor = app.test_client()
    login(editor, "eddie")
    denied = editor.get("/users")
    assert denied.status_code == 403 and "Not allowed" in denied.get_data(as_text=True)
    assert admin_client.get("/users").status_code == 200


def test_reviewer_cannot_create_profiles_in_the_browser(app):
    if "profiles.new" not in {rule.endpoint for rule in app.url_map.iter_rules()}:
        pytest.skip("the profile pages are not installed")
    make_user(app, "rita", "reviewer")
    make_user(app, "eddie", "editor")
    reviewer, editor = app.test_client(), app.test_client()
    login(reviewer, "rita")
    login(editor, "eddie")
    assert reviewer.get("/profiles/new").status_code == 403
    token = csrf_token(reviewer, "/account")
    assert reviewer.post("/profiles/new", data={"csrf_token": token}).status_code == 403
    assert editor.get("/profiles/new").status_code == 200


def test_admin_manages_users(app, admin_client):
    created = post_form(admin_client, "/users", {"action": "create", "username": "rita",
                                                 "password": PASSWORD, "role": "reviewer"})
    assert created.status_code == 302
    store = accounts(app)
    rita = store.by_username("rita")
    assert rita.role == "reviewer"
    dup = post_form(admin_client, "/users", {"action": "create", "username": "RITA",
                                             "password": PASSWORD, "role": "editor"})
    assert dup.status_code == 400 and "already taken" in dup.get_data(as_text=True)
    post_form(admin_client, "/users", {"action": "role", "user_id": rita.id, "role": "editor"})
    assert store.get(rita.id).role == "editor"
    me = store.by_username("admin")
    last = post_form(admin_client, "/users", {"action": "role", "user_id": me.id,
                                              "role": "reviewer"})
    assert last.status_code == 400 and "last admin" in last.get_data(as_text=True)
    self_delete = post_form(admin_client, "/users", {"action": "delete", "user_id": me.id})
    assert self_delete.status_code == 400
    post_form(admin_client, "/users", {"action": "delete", "user_id": rita.id})
    assert store.get(rita.id) is None


def test_api_tokens_on_the_account_page(app, client):
    make_user(app, "eddie", "editor")
    login(client, "eddie")
    made = post_form(client, "/account", {"action": "create_token", "label": "grant script"})
    assert made.status_code == 201 and made.headers["Cache-Control"] == "no-store"
    plaintext = next(w.split('"')[0] for w in made.get_data(as_text=True).split('value="')
                     if w.startswith("frm_"))
    assert accounts(app).verify_token(plaintext).username == "eddie"
    page = client.get("/account").get_data(as_text=True)
    assert "grant script" in page and plaintext not in page  # shown once only
    token = accounts(app).tokens(accounts(app).by_username("eddie").id)[0]
    revoked = post_form(client, "/account", {"action": "revoke_token", "token_id": token.id})
    assert revoked.status_code == 302
    assert accounts(app).verify_token(plaintext) is None


def test_reviewers_cannot_make_api_tokens(app, client):
    make_user(app, "rev", "reviewer")
    login(client, "rev")
    assert "API tokens" not in client.get("/account").get_data(as_text=True)
    response = post_form(client, "/account", {"action": "create_token", "label": "x"})
    assert response.status_code == 403


# -- error pages -----------------------------------------------------------------------------
def test_errors_are_friendly_and_never_show_a_traceback(app, client):
    def boom():
        raise RuntimeError("secret internals")
    app.add_url_rule("/boom", "boom", boom)
    app.add_url_rule("/api/v1/boom", "api_boom", boom)
    admin_client = client
    setup_admin(admin_client)
    missing = admin_client.get("/no-such-page")
    assert missing.status_code == 404 and "Page not found" in missing.get_data(as_text=True)
    page = admin_client.get("/boom")
    assert page.status_code == 500
    assert "secret internals" not in page.get_data(as_text=True)
    assert "Something went wrong" in page.get_data(as_text=True)
    api = admin_client.get("/api/v1/boom")
    assert api.status_code == 500 and api.get_json()["error"]["status"] == 500
    assert "secret internals" not in api.get_data(as_text=True)
