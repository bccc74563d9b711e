"""Access control over every route: anonymous, each role, other users' ids, no CSRF token.

Routes are read from the app's URL map, so a new route is covered the day it
is added; only the short lists of deliberate exceptions below are hand-kept.
"""
from __future__ import annotations

import re

import pytest

from campaign_helpers import NORMS_POST, campaign_doc, make_profiles
from web_helpers import PASSWORD, accounts, api_token, bearer, connect, make_app, make_user

from campaigns.store import CampaignStore

PUBLIC = {"auth.login", "auth.setup", "static", "partner_link.review", "api.openapi"}
# HTML forms a reviewer may post (reading, checking, commenting, approving, feedback).
# (The Word downloads are posts because they carry the draft; they store nothing.)
REVIEWER_POSTS = {"checker.check", "checker.reframe", "auth.logout", "auth.account",
                  "pieces.comment", "pieces.change_status", "compare.add_feedback",
                  "checker.download_docx", "checker.download_reframed"}
# API writes a reviewer may make: checks and comparisons change nothing stored.
REVIEWER_API = {"api.check", "api.suggest", "api.reframe", "api.compare_variants",
                "api.change_piece_status", "api.add_feedback"}
WRITE_METHODS = ("POST", "PUT", "DELETE")


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    app = make_app(tmp_path_factory.mktemp("access") / "a.sqlite", DEMO_DATA=True,
                   WTF_CSRF_ENABLED=False)
    for name, role in (("admin1", "admin"), ("editor1", "editor"), ("reviewer1", "reviewer")):
        make_user(app, name, role)
    return app


def routes(app):
    """(endpoint, method, url) for every route, with id 1 (demo data has it) or a dummy token."""
    out = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        values = {arg: ("not-a-real-token" if arg == "token" else 1) for arg in rule.arguments}
        with app.test_request_context():
            url = app.url_for(rule.endpoint, **values) if not values else \
                re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), rule.rule)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            out.append((rule.endpoint, method, url))
    return out


def signed_in(app, username):
    client = app.test_client()
    response = client.post("/login", data={"username": username, "password": PASSWORD})
    assert response.status_code == 302, response.get_data(as_text=True)[:300]
    return client


def test_anonymous_gets_nothing_private(app):
    client = app.test_client()
    for endpoint, method, url in routes(app):
        if endpoint in PUBLIC:
            continue
        response = client.open(url, method=method, json={} if url.startswith("/api/") else None)
        if url.startswith("/api/"):
            assert response.status_code == 401, (method, url, response.status_code)
        else:
            assert response.status_code == 302, (method, url, response.status_code)
            assert "/login" in response.headers["Location"], (method, url)


def test_reviewer_cannot_change_anything_but_reviews(app):
    client = signed_in(app, "reviewer1")
    for endpoint, method, url in routes(app):
        if method not in WRITE_METHODS or url.startswith("/api/") or endpoint in PUBLIC:
            continue
        if endpoint in REVIEWER_POSTS:
            continue
        response = client.open(url, method=method, data={"title": "x", "text": "x"})
        assert response.status_code == 403, (endpoint, method, url, response.status_code)


def test_reviewer_cannot_publish(tmp_path):
    # Its own app: the shared one has no campaign piece, and a 404 would prove nothing.
    app = make_app(tmp_path / "publish.sqlite", WTF_CSRF_ENABLED=False)
    make_user(app, "reviewer1", "reviewer")
    store = CampaignStore(connect(app.config["DATABASE"]))
    try:
        campaign = store.create_campaign(campaign_doc(*make_profiles(store.db)), "editor1")
        piece = store.add_piece(campaign.id, "x", "Post", NORMS_POST, "editor1",
                                run_date="2030-04-10")
        store.transition(piece.id, "in-review", "editor1", "editor")
        store.transition(piece.id, "approved", "admin1", "admin")
        client = signed_in(app, "reviewer1")
        # Each move starts from a status an editor could make it from, so only the role refuses.
        for status, before in (("scheduled", "approved"), ("published", "scheduled"),
                               ("archived", "scheduled")):
            if store.get_piece(piece.id).status != before:
                store.transition(piece.id, before, "editor1", "editor")
            response = client.post(f"/pieces/{piece.id}/status", data={"to": status})
            assert response.status_code == 403, (status, response.status_code)
            assert store.get_piece(piece.id).status == before, status
    finally:
        store.db.conn.close()


def test_reviewer_api_token_is_read_only(app):
    headers = bearer(api_token(app, "reviewer1"))
    client = app.test_client()
    for endpoint, method, url in routes(app):
        if not url.startswith("/api/") or method not in WRITE_METHODS or endpoint in REVIEWER_API:
            continue
        response = client.open(url, method=method, json={"name": "x", "text": "x"}, headers=headers)
        assert response.status_code == 403, (endpoint, method, url, response.status_code)


def test_users_page_is_admin_only(app):
    assert signed_in(app, "editor1").get("/users").status_code == 403
    assert signed_in(app, "reviewer1").get("/users").status_code == 403
    assert signed_in(app, "admin1").get("/users").status_code == 200


def test_cannot_revoke_another_users_token(app):
    store = accounts(app)
    admin = store.by_username("admin1")
    token, record = store.create_token(admin.id, "admin's")
    store.db.conn.close()
    client = signed_in(app, "editor1")
    client.post("/account", data={"action": "revoke_token", "token_id": record.id})
    assert app.test_client().get("/api/v1/sectors", headers=bearer(token)).status_code == 200


def test_every_form_needs_a_csrf_token(tmp_path):
    app = make_app(tmp_path / "csrf.sqlite", DEMO_DATA=True)
    make_user(app, "admin1", "admin")
    client = app.test_client()
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    client.post("/login", data={"username": "admin1", "password": PASSWORD, "csrf_token": token})
    for endpoint, method, url in routes(app):
        if method != "POST" or url.startswith("/api/") or endpoint == "auth.login":
            continue
        response = client.post(url, data={"title": "x"})
        assert response.status_code == 400, (endpoint, url, response.status_code)
