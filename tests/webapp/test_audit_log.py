"""The access audit log: who viewed or exported which profile or campaign, and when.

Viewing and exporting (pages and API) record an entry; only admins can read
the log; entries hold names and numbers, never any text of a profile or a
piece; a read-only database skips the entry instead of failing the read.
"""
from __future__ import annotations

import sqlite3

import pytest

from view_helpers import PROFILE, USERS, html, signed_in
from web_helpers import api_token, bearer, connect, make_app, make_user

from campaigns.store import CampaignStore
from framing.lexicon import get_lexicons
from framing.store.audit import AuditStore
from framing.store.profiles import ProfileStore
from webapp.views.audit import AUDITED

SENTINEL = "SENTINEL-AUDIT-TEXT-5d21"
COLUMNS = {"id", "at", "user_id", "username", "action", "object_kind", "object_id", "via"}


def seed(app) -> dict:
    """A profile and a campaign with one piece, all carrying the sentinel in their text."""
    db = connect(app.config["DATABASE"])
    profile = ProfileStore(db, set(get_lexicons().sectors)).create(
        dict(PROFILE, name=f"Lincoln {SENTINEL}", notes=f"Notes {SENTINEL}"), "eddie")
    store = CampaignStore(db)
    campaign = store.create_campaign({
        "name": f"Most of Us {SENTINEL}", "goal": f"Goal {SENTINEL}", "type": "awareness",
        "start": "2030-09-01", "end": "2030-11-30",
        "partners": [{"profile_id": profile.id, "role": "co-sponsor",
                      "contact_name": "Ana Ruiz"}]}, "eddie")
    store.add_piece(campaign.id, "sms", f"Title {SENTINEL}", f"Body {SENTINEL}. Call 988.",
                    "eddie", run_date="2030-09-03")
    db.conn.close()
    return {"profile": profile.id, "campaign": campaign.id}


def entries(app) -> list[sqlite3.Row]:
    conn = sqlite3.connect(app.config["DATABASE"])
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute("SELECT * FROM access_audit ORDER BY id").fetchall()
    finally:
        conn.close()


def summary(rows) -> list[tuple]:
    return [(r["username"], r["action"], r["object_kind"], r["object_id"], r["via"])
            for r in rows]


@pytest.fixture()
def data(app):
    return seed(app)


def test_viewing_and_exporting_pages_are_recorded(app, data):
    client = signed_in(app, "reviewer")
    pid, cid = data["profile"], data["campaign"]
    for path in (f"/profiles/{pid}", "/profiles/export.json", "/profiles/export.csv",
                 f"/campaigns/{cid}", f"/campaigns/{cid}/package", f"/campaigns/{cid}/export.csv",
                 f"/campaigns/{cid}/calendar.ics", "/campaigns/calendar.ics"):
        assert client.get(path).status_code == 200, path
    rita = USERS["reviewer"]
    assert summary(entries(app)) == [
        (rita, "view", "profile", pid, "web"),
        (rita, "export-json", "profile", None, "web"),
        (rita, "export-csv", "profile", None, "web"),
        (rita, "view", "campaign", cid, "web"),
        (rita, "export-package", "campaign", cid, "web"),
        (rita, "export-csv", "campaign", cid, "web"),
        (rita, "export-ics", "campaign", cid, "web"),
        (rita, "export-ics", "campaign", None, "web"),
    ]
    user_id = connect(app.config["DATABASE"]).execute(
        "SELECT id FROM users WHERE username = ?", [rita]).fetchone()[0]
    assert {r["user_id"] for r in entries(app)} == {user_id}
    assert all(r["at"].endswith("Z") for r in entries(app))


def test_the_same_through_the_api_is_recorded(app, data):
    token = api_token(app, USERS["editor"])
    pid, cid = data["profile"], data["campaign"]
    for path in (f"/api/v1/profiles/{pid}", f"/api/v1/profiles/{pid}/history",
                 f"/api/v1/campaigns/{cid}", f"/api/v1/campaigns/{cid}/dashboard",
                 f"/api/v1/campaigns/{cid}/export.csv", f"/api/v1/campaigns/{cid}/calendar.ics"):
        assert app.test_client().get(path, headers=bearer(token)).status_code == 200, path
    eddie = USERS["editor"]
    assert summary(entries(app)) == [
        (eddie, "view", "profile", pid, "api"),
        (eddie, "history", "profile", pid, "api"),
        (eddie, "view", "campaign", cid, "api"),
        (eddie, "view", "campaign", cid, "api"),
        (eddie, "export-csv", "campaign", cid, "api"),
        (eddie, "export-ics", "campaign", cid, "api"),
    ]


def test_the_profile_edit_form_counts_as_a_view(app, data):
    client = signed_in(app, "editor")
    pid = data["profile"]
    assert client.get(f"/profiles/{pid}/edit").status_code == 200
    assert summary(entries(app)) == [(USERS["editor"], "view", "profile", pid, "web")]


def test_failed_and_unaudited_requests_record_nothing(app, data):
    client = signed_in(app, "editor")
    assert client.get("/profiles/99999").status_code == 404
    assert client.get("/campaigns/99999").status_code == 404
    assert client.get("/profiles/").status_code == 200  # the list shows no profile's contents
    token = api_token(app, USERS["editor"])
    assert app.test_client().get("/api/v1/profiles/99999", headers=bearer(token)).status_code \
        == 404
    assert app.test_client().get(f"/api/v1/profiles/{data['profile']}").status_code == 401
    assert entries(app) == []


def test_every_audited_endpoint_exists(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert set(AUDITED) <= endpoints, set(AUDITED) - endpoints


def test_entries_never_hold_text(app, data):
    client = signed_in(app, "admin")
    pid, cid = data["profile"], data["campaign"]
    for path in (f"/profiles/{pid}", f"/profiles/{pid}/history", "/profiles/export.json",
                 f"/campaigns/{cid}", f"/campaigns/{cid}/package",
                 f"/profiles/{pid}?note={SENTINEL}"):
        assert client.get(path).status_code == 200
    assert client.get("/audit").status_code == 200
    conn = sqlite3.connect(app.config["DATABASE"])
    columns = {row[1] for row in conn.execute("PRAGMA table_info(access_audit)")}
    assert columns == COLUMNS
    rows = conn.execute("SELECT * FROM access_audit").fetchall()
    assert len(rows) == 6
    assert not any(SENTINEL in str(value) for row in rows for value in row)
    # The store itself refuses free text where a name from a fixed list belongs.
    store = AuditStore(connect(app.config["DATABASE"]))
    with pytest.raises(ValueError, match="^action"):
        store.record("boss", 1, f"viewed {SENTINEL}", "profile", pid)
    with pytest.raises(ValueError, match="^object_kind"):
        store.record("boss", 1, "view", SENTINEL, pid)
    with pytest.raises(ValueError, match="^object_id"):
        store.record("boss", 1, "view", "profile", SENTINEL)
    with pytest.raises(ValueError, match="^via"):
        store.record("boss", 1, "view", "profile", pid, via=SENTINEL)


def test_only_admins_read_the_log(app, data):
    signed_in(app, "editor").get(f"/profiles/{data['profile']}")
    for role in ("editor", "reviewer"):
        client = signed_in(app, role)
        assert client.get("/audit").status_code == 403
        assert "Audit log" not in html(client.get("/profiles/"))
    anonymous = app.test_client().get("/audit")
    assert anonymous.status_code == 302 and "/login" in anonymous.headers["Location"]
    admin = signed_in(app, "admin")
    assert 'href="/audit"' in html(admin.get("/profiles/"))
    page = html(admin.get("/audit"))
    assert USERS["editor"] in page and "Viewed" in page


def test_log_page_newest_first_paginated_and_filtered(app, data):
    pid, cid = data["profile"], data["campaign"]
    store = AuditStore(connect(app.config["DATABASE"]))
    for n in range(60):
        store.record("rita", None, "view", "profile", pid)
    store.record("eddie", None, "export-csv", "campaign", cid)
    admin = signed_in(app, "admin")
    first = html(admin.get("/audit"))
    assert first.index("eddie") < first.index("rita")  # newest first
    assert "Page 1 of 2" in first and "?page=2" in first
    second = admin.get("/audit?page=2")
    assert second.status_code == 200 and "Page 2 of 2" in html(second)

    by_user = html(admin.get("/audit?user=eddie"))
    assert "Exported CSV" in by_user and "Viewed" not in by_user.split("<tbody>")[1]
    by_object = html(admin.get(f"/audit?kind=campaign&id={cid}"))
    assert "1 entry" in by_object and "eddie" in by_object.split("<tbody>")[1]
    assert "rita" not in by_object.split("<tbody>")[1]
    # The object's current name is shown from its record, and links to it.
    assert f'href="/campaigns/{cid}"' in by_object


@pytest.mark.parametrize("query, field", [("id=abc", "Object id"), ("page=0", "Page"),
                                          ("kind=pitch", "Object kind"), ("page=x", "Page"),
                                          ("page=%C2%B2", "Page"), ("id=%C2%B2", "Object id")])
def test_bad_filters_name_the_field(app, query, field):
    response = signed_in(app, "admin").get(f"/audit?{query}")
    assert response.status_code == 400 and field in html(response)


def test_read_only_database_still_serves_reads(app, data, tmp_path):
    readonly = make_app(app.config["DATABASE"], READ_ONLY=True, WTF_CSRF_ENABLED=False)
    readonly.extensions["framing_analyzer"] = app.extensions["framing_analyzer"]
    client = signed_in(readonly, "reviewer")
    assert client.get(f"/profiles/{data['profile']}").status_code == 200
    assert client.get(f"/campaigns/{data['campaign']}/export.csv").status_code == 200
    token = api_token(app, USERS["editor"])
    assert readonly.test_client().get(f"/api/v1/profiles/{data['profile']}",
                                      headers=bearer(token)).status_code == 200
    assert entries(app) == []


def test_a_failing_write_does_not_fail_the_read(app, data, monkeypatch, caplog):
    def refuse(*args, **kwargs):
        raise sqlite3.OperationalError("attempt to write a readonly database")
    monkeypatch.setattr(AuditStore, "record", refuse)
    client = signed_in(app, "reviewer")
    response = client.get(f"/profiles/{data['profile']}")
    assert response.status_code == 200 and "Lincoln" in html(response)
    assert entries(app) == []
    assert any("not recorded" in r.getMessage() for r in caplog.records)


def test_deleted_users_entries_stay(tmp_path, analyzer):
    app = make_app(tmp_path / "gone.sqlite", WTF_CSRF_ENABLED=False)
    app.extensions["framing_analyzer"] = analyzer
    make_user(app, "temp", "reviewer")
    profile = seed(app)["profile"]
    from web_helpers import login
    client = app.test_client()
    login(client, "temp")
    client.get(f"/profiles/{profile}")
    db = connect(app.config["DATABASE"])
    db.execute("DELETE FROM users WHERE username = 'temp'")
    db.conn.commit()
    assert summary(entries(app)) == [("temp", "view", "profile", profile, "web")]
