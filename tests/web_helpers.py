"""Plain helpers for the web tests (apps, users, tokens, CSRF-aware form posts).

Imported by the test modules as ``from web_helpers import ...``: the tests
folder is on pytest's ``pythonpath`` (pyproject.toml).
"""
from __future__ import annotations

import re

from framing.store import connect
from framing.store.accounts import AccountStore
from webapp import create_app

PASSWORD = "correct horse battery"
CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


def make_app(db_path, **overrides):
    """A test app on its own database file, with CSRF protection on."""
    config = {"TESTING": True, "DATABASE": str(db_path), "DEMO_DATA": False,
              "SECRET_KEY": "test", "WTF_CSRF_ENABLED": True}
    config.update(overrides)
    return create_app(config)


def accounts(app) -> AccountStore:
    """An account store on its own connection to the app's database."""
    return AccountStore(connect(app.config["DATABASE"]))


def make_user(app, username: str, role: str = "editor", password: str = PASSWORD):
    """Create an account directly in the store; returns the User."""
    store = accounts(app)
    try:
        return store.create(username, password, role)
    finally:
        store.db.conn.close()


def api_token(app, username: str, role: str = "editor") -> str:
    """A bearer token for ``username`` (created with ``role`` if it does not exist)."""
    store = accounts(app)
    try:
        user = store.by_username(username) or store.create(username, PASSWORD, role)
        return store.create_token(user.id, "tests")[0]
    finally:
        store.db.conn.close()


def bearer(token: str) -> dict:
    """The Authorization header for a token."""
    return {"Authorization": f"Bearer {token}"}


def csrf_token(client, path: str = "/login") -> str:
    """The CSRF token from a form on ``path`` (also starts the client's session)."""
    response = client.get(path)
    match = CSRF_RE.search(response.get_data(as_text=True))
    assert match, f"no CSRF token on {path} (status {response.status_code})"
    return match.group(1)


def post_form(client, path: str, data: dict, token_from: str | None = None, **kwargs):
    """POST a form to ``path`` with a CSRF token taken from ``token_from`` (default: path)."""
    data = dict(data, csrf_token=csrf_token(client, token_from or path))
    return client.post(path, data=data, **kwargs)


def login(client, username: str, password: str = PASSWORD, **kwargs):
    """Sign in through the login form; returns the response."""
    return post_form(client, "/login", {"username": username, "password": password}, **kwargs)


def setup_admin(client, username: str = "admin", password: str = PASSWORD):
    """Create the first (admin) account through the setup page."""
    return post_form(client, "/setup",
                     {"username": username, "password": password, "confirm": password})
