"""API tokens expire, end with their owner's right to hold them, and admins can revoke them."""
from __future__ import annotations

import re
import sqlite3
from datetime import datetime, timedelta, timezone

import pytest

from web_helpers import (PASSWORD, accounts, api_token, bearer, login, make_app,
                         make_user, post_form)

SECTORS = "/api/v1/sectors"


@pytest.fixture()
def app(tmp_path):
    return make_app(tmp_path / "t.sqlite", API_TOKEN_DAYS=30)


@pytest.fixture()
def admin(app):
    make_user(app, "root", "admin")
    client = app.test_client()
    login(client, "root")
    return client


def works(app, token: str) -> bool:
    response = app.test_client().get(SECTORS, headers=bearer(token))
    assert response.status_code in (200, 401), response.status_code
    return response.status_code == 200


def set_expiry(app, when: str) -> None:
    with sqlite3.connect(app.config["DATABASE"]) as conn:
        conn.execute("UPDATE api_tokens SET expires_at = ?", [when])


def test_tokens_expire_after_the_configured_days(app):
    make_user(app, "eddie")
    client = app.test_client()
    login(client, "eddie")
    made = post_form(client, "/account", {"action": "create_token", "label": "report"})
    page = made.get_data(as_text=True)
    expected = (datetime.now(timezone.utc) + timedelta(days=30)).strftime("%Y-%m-%d")
    assert f"expires on {expected}" in page  # said when it is made...
    assert expected in client.get("/account").get_data(as_text=True)  # ...and listed
    token = re.search(r'value="(frm_[^"]+)"', page).group(1)
    assert works(app, token)
    set_expiry(app, "2000-01-01T00:00:00Z")
    response = app.test_client().get(SECTORS, headers=bearer(token))
    assert response.status_code == 401
    assert "expired" in response.get_json()["error"]["message"]
    assert "(expired)" in client.get("/account").get_data(as_text=True)


def test_demotion_to_reviewer_revokes_tokens(app, admin):
    eddie = make_user(app, "eddie", "editor")
    token = api_token(app, "eddie")
    assert works(app, token)
    changed = post_form(admin, "/users", {"action": "role", "user_id": eddie.id,
                                          "role": "reviewer"})
    assert changed.status_code == 302
    assert not works(app, token)
    assert accounts(app).tokens(eddie.id) == []


def test_promotion_between_token_roles_keeps_tokens(app, admin):
    eddie = make_user(app, "eddie", "editor")
    token = api_token(app, "eddie")
    post_form(admin, "/users", {"action": "role", "user_id": eddie.id, "role": "admin"})
    assert works(app, token)


def test_password_change_revokes_tokens(app):
    make_user(app, "eddie")
    token = api_token(app, "eddie")
    client = app.test_client()
    login(client, "eddie")
    new = "another long passphrase"
    post_form(client, "/account", {"action": "password", "current": PASSWORD,
                                   "password": new, "confirm": new})
    assert not works(app, token)


def test_admin_sees_and_revokes_any_users_token(app, admin):
    eddie = make_user(app, "eddie")
    token = api_token(app, "eddie")
    record = accounts(app).tokens(eddie.id)[0]
    page = admin.get("/users").get_data(as_text=True)
    assert "eddie" in page and record.label in page and record.expires_at[:10] in page
    wrong_owner = post_form(admin, "/users", {"action": "revoke_token", "user_id": 99999,
                                              "token_id": record.id})
    assert wrong_owner.status_code == 404 and works(app, token)
    revoked = post_form(admin, "/users", {"action": "revoke_token", "user_id": eddie.id,
                                          "token_id": record.id})
    assert revoked.status_code == 302
    assert not works(app, token)


def test_editors_cannot_use_the_admin_revoke(app):
    eddie = make_user(app, "eddie")
    make_user(app, "other")
    token = api_token(app, "eddie")
    record = accounts(app).tokens(eddie.id)[0]
    client = app.test_client()
    login(client, "other")
    response = post_form(client, "/users", {"action": "revoke_token", "user_id": eddie.id,
                                            "token_id": record.id}, token_from="/account")
    assert response.status_code == 403 and works(app, token)


def test_token_roles_match_the_permission_map(app):
    from framing.store.accounts import ROLES, TOKEN_ROLES, User
    from webapp.auth import can
    with app.test_request_context():
        assert {role for role in ROLES if can("tokens", User(1, "u", role, ""))} == set(TOKEN_ROLES)


def test_openapi_says_tokens_expire(app):
    spec = app.test_client().get("/api/v1/openapi.json").get_json()
    assert "Tokens expire" in spec["info"]["description"]


def test_token_tables_offer_a_revoke_form_per_token(app, admin):
    eddie = make_user(app, "eddie")
    client = app.test_client()
    login(client, "eddie")
    post_form(client, "/account", {"action": "create_token", "label": "nightly report"})
    token_id = accounts(app).tokens(eddie.id)[0].id
    own = client.get("/account").get_data(as_text=True)
    assert "nightly report" in own and f'name="token_id" value="{token_id}"' in own
    assert 'name="user_id"' not in own  # one's own page needs no owner
    listed = admin.get("/users").get_data(as_text=True)
    assert "eddie's token nightly report" in listed
    assert f'name="user_id" value="{eddie.id}"' in listed
