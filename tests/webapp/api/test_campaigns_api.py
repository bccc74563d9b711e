"""Campaign endpoints of the JSON API: roles, versions, review status, exports, no comments."""
from __future__ import annotations

import pytest
from campaign_helpers import NORMS_POST, SENTINEL, campaign_doc, partners_approve, profiles_in
from web_helpers import api_token, bearer, make_app

from campaigns.store import CampaignStore
from framing.store import connect


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    return make_app(tmp_path_factory.mktemp("campaign-api") / "t.sqlite")


@pytest.fixture(scope="module")
def tokens(app):
    return {role: bearer(api_token(app, f"{role}-user", role))
            for role in ("admin", "editor", "reviewer")}


@pytest.fixture(scope="module")
def partners(app):
    return profiles_in(app)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def campaign(client, tokens, partners):
    response = client.post("/api/v1/campaigns", json=campaign_doc(*partners),
                           headers=tokens["editor"])
    assert response.status_code == 201, response.get_json()
    assert response.headers["Location"].endswith(f"/api/v1/campaigns/{response.json['id']}")
    return response.get_json()


def add_piece(client, tokens, campaign, **extra):
    body = {"channel": "x", "title": "Launch post", "body": NORMS_POST, **extra}
    response = client.post(f"/api/v1/campaigns/{campaign['id']}/pieces", json=body,
                           headers=tokens["editor"])
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def status(client, headers, piece_id, to, note=""):
    return client.post(f"/api/v1/pieces/{piece_id}/status", json={"to": to, "note": note},
                       headers=headers)


def test_campaign_crud_and_validation(client, tokens, campaign, partners):
    listed = client.get("/api/v1/campaigns", headers=tokens["reviewer"]).get_json()["campaigns"]
    assert campaign["id"] in [c["id"] for c in listed]
    got = client.get(f"/api/v1/campaigns/{campaign['id']}", headers=tokens["reviewer"]).json
    assert got["partners"][0]["name"] == "Lincoln USD" and got["tagline"] == campaign["tagline"]
    doc = {**campaign_doc(*partners), "id": campaign["id"], "goal": "New goal"}
    updated = client.put(f"/api/v1/campaigns/{campaign['id']}", json=doc, headers=tokens["editor"])
    assert updated.status_code == 200 and updated.json["goal"] == "New goal"
    bad = client.post("/api/v1/campaigns", json=campaign_doc(type="viral"),
                      headers=tokens["editor"])
    assert bad.status_code == 400 and bad.json["error"]["field"] == "type"
    assert client.post("/api/v1/campaigns", json=campaign_doc(),
                       headers=tokens["reviewer"]).status_code == 403
    assert client.get("/api/v1/campaigns/9999", headers=tokens["editor"]).status_code == 404
    assert client.get("/api/v1/campaigns").status_code == 401


def test_pieces_versions_restore_and_diff(client, tokens, campaign):
    piece = add_piece(client, tokens, campaign, run_date="2026-04-10")
    pid = piece["id"]
    assert piece["current"]["number"] == 1 and piece["status"] == "draft"
    edited = client.put(f"/api/v1/pieces/{pid}", json={"body": NORMS_POST + " Friday!",
                                                       "note": "CTA", "base_version": 1},
                        headers=tokens["editor"])
    assert edited.status_code == 200 and edited.json["current"]["number"] == 2
    assert client.put(f"/api/v1/pieces/{pid}", json={"body": "x"},
                      headers=tokens["reviewer"]).status_code == 403
    restored = client.post(f"/api/v1/pieces/{pid}/restore", json={"number": 1},
                           headers=tokens["editor"])
    assert restored.status_code == 201 and restored.json["restored_from"] == 1
    versions = client.get(f"/api/v1/pieces/{pid}/versions", headers=tokens["reviewer"]).json
    assert [v["number"] for v in versions["versions"]] == [1, 2, 3]
    diff = client.get(f"/api/v1/pieces/{pid}/diff?a=1&b=2", headers=tokens["reviewer"]).json
    assert diff["stats"]["added"] == 1
    listed = client.get(f"/api/v1/campaigns/{campaign['id']}/pieces", headers=tokens["reviewer"])
    assert [p["id"] for p in listed.json["pieces"]] == [pid]
    bad = client.post(f"/api/v1/campaigns/{campaign['id']}/pieces",
                      json={"channel": "fax", "title": "T", "body": "B"}, headers=tokens["editor"])
    assert bad.status_code == 400 and bad.json["error"]["field"] == "channel"
    assert client.get("/api/v1/pieces/9999", headers=tokens["editor"]).status_code == 404


def test_reviewer_approves_but_cannot_schedule_or_publish(app, client, tokens, campaign):
    pid = add_piece(client, tokens, campaign, run_date="2026-04-10")["id"]
    assert status(client, tokens["reviewer"], pid, "in-review").status_code == 403
    assert status(client, tokens["editor"], pid, "in-review").status_code == 200
    assert status(client, tokens["reviewer"], pid, "approved").status_code == 409  # partners first
    partners_approve(app, pid)
    approved = status(client, tokens["reviewer"], pid, "approved", "ok")
    assert approved.status_code == 200 and approved.json["approved_version"] == 1
    assert approved.json["allowed_transitions"] == ["changes-requested"]
    assert status(client, tokens["reviewer"], pid, "scheduled").status_code == 403
    assert status(client, tokens["editor"], pid, "published").status_code == 409
    assert status(client, tokens["editor"], pid, "launched").status_code == 400
    assert status(client, tokens["editor"], pid, "scheduled").status_code == 200
    assert status(client, tokens["reviewer"], pid, "published").status_code == 403
    assert status(client, tokens["admin"], pid, "published").json["status"] == "published"


def test_edit_after_approval_returns_to_review_over_the_api(app, client, tokens, campaign):
    pid = add_piece(client, tokens, campaign)["id"]
    status(client, tokens["editor"], pid, "in-review")
    partners_approve(app, pid)
    assert status(client, tokens["reviewer"], pid, "approved").status_code == 200
    edited = client.put(f"/api/v1/pieces/{pid}", json={"title": "New title", "base_version": 1},
                        headers=tokens["editor"]).json
    assert edited["status"] == "in-review" and edited["approved_version"] is None
    assert [r["current"] for r in edited["reviews"]] == [False, False]  # the partner's, the team's
    assert edited["audit"][-1]["to_status"] == "in-review"


def test_findings_dashboard_and_exports(client, tokens, campaign):
    pid = add_piece(client, tokens, campaign, run_date="2026-04-10",
                    body=NORMS_POST + " #MostOfUs2026")["id"]
    found = client.get(f"/api/v1/pieces/{pid}/findings", headers=tokens["reviewer"]).json
    assert found["version"] == 1 and found["packs_version"]
    assert "consistency.hashtag" in [f["rule"] for f in found["findings"]]
    board = client.get(f"/api/v1/campaigns/{campaign['id']}/dashboard",
                       headers=tokens["reviewer"]).json
    [row] = board["rows"]
    assert row["piece"]["id"] == pid and row["counts"]["warning"] >= 1 and not row["stale"]
    assert "missing partner approval: Lincoln USD" in row["blockers"]
    ics = client.get(f"/api/v1/campaigns/{campaign['id']}/calendar.ics?channel=x",
                     headers=tokens["reviewer"])
    assert ics.mimetype == "text/calendar" and b"DTSTART;VALUE=DATE:20260410" in ics.data
    csv_ = client.get(f"/api/v1/campaigns/{campaign['id']}/export.csv", headers=tokens["reviewer"])
    assert csv_.mimetype == "text/csv" and csv_.data.startswith(b"campaign,piece_id,")


def test_token_responses_never_include_internal_comments(app, client, tokens, campaign):
    pid = add_piece(client, tokens, campaign, run_date="2026-04-10")["id"]
    db = connect(app.config["DATABASE"])
    try:
        CampaignStore(db).add_comment(pid, 1, "rita", 0, 4, f"internal {SENTINEL}")
    finally:
        db.conn.close()
    status(client, tokens["editor"], pid, "in-review", f"note {SENTINEL}")
    status(client, tokens["reviewer"], pid, "changes-requested", f"review {SENTINEL}")
    cid = campaign["id"]
    paths = ["/api/v1/campaigns", f"/api/v1/campaigns/{cid}", f"/api/v1/campaigns/{cid}/pieces",
             f"/api/v1/campaigns/{cid}/dashboard", f"/api/v1/campaigns/{cid}/calendar.ics",
             f"/api/v1/campaigns/{cid}/export.csv", f"/api/v1/pieces/{pid}",
             f"/api/v1/pieces/{pid}/versions", f"/api/v1/pieces/{pid}/findings",
             f"/api/v1/pieces/{pid}/diff"]
    for path in paths:
        response = client.get(path, headers=tokens["admin"])
        assert response.status_code == 200, path
        assert SENTINEL.encode() not in response.data, path
    piece = client.get(f"/api/v1/pieces/{pid}", headers=tokens["admin"]).json
    assert "comments" not in piece and all("note" not in a for a in piece["audit"])
    assert piece["status"] == "changes-requested"


def test_campaign_routes_are_in_the_openapi_document(client):
    spec = client.get("/api/v1/openapi.json").json
    for path in ("/campaigns", "/campaigns/{campaign_id}/dashboard", "/pieces/{piece_id}/status",
                 "/pieces/{piece_id}/findings", "/campaigns/{campaign_id}/calendar.ics"):
        assert path in spec["paths"], path
    assert "campaigns" in [t["name"] for t in spec["tags"]]
    piece = spec["components"]["schemas"]["Piece"]["properties"]
    from dataclasses import fields

    from campaigns.models import Piece, PieceVersion
    assert set(piece) == {f.name for f in fields(Piece)}
    version = spec["components"]["schemas"]["PieceVersion"]["properties"]
    assert set(version) == {f.name for f in fields(PieceVersion)}
