"""The JSON API: token auth, roles, profile CRUD with optimistic locking, checks, pitches."""
from __future__ import annotations

import pytest

from web_helpers import accounts, api_token, bearer, login, make_app

MAX_CHARS = 5_000
PROFILE = {
    "name": "Lincoln Unified School District", "sector": "education",
    "tags": ["schools", "north county"], "notes": "Board meets monthly.",
    "priorities": [{"id": "attendance", "label": "Attendance", "terms": ["chronic absence"]},
                   {"id": "climate", "label": "School climate", "terms": []}],
    "capacity": "stretched", "vocabulary": ["whole child"],
    "avoid": [{"term": "mandatory", "instead": ["optional"], "why": "board pushback"}],
}
PITCH_TEXT = ("Chronic absence is up across Lincoln schools this year. Our free mentoring "
              "program raised attendance by 8 percent at two middle schools. Could your "
              "attendance team meet with us for 30 minutes before March 15?")


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    return make_app(tmp_path_factory.mktemp("api") / "t.sqlite", MAX_TEXT_CHARS=MAX_CHARS)


@pytest.fixture(scope="module")
def tokens(app):
    return {role: bearer(api_token(app, f"{role}1", role))
            for role in ("admin", "editor", "reviewer")}


@pytest.fixture(scope="module")
def client(app):
    return app.test_client()


@pytest.fixture()
def profile(client, tokens):
    response = client.post("/api/v1/profiles", json=PROFILE, headers=tokens["editor"])
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def error_of(response, status):
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.is_json
    return response.get_json()["error"]


# -- authentication --------------------------------------------------------------------------
@pytest.mark.parametrize("headers", [
    {}, {"Authorization": "Bearer"}, {"Authorization": "Bearer frm_not-a-real-token"},
    {"Authorization": "Basic YWRtaW46cGFzc3dvcmQ="},
])
def test_requests_without_a_valid_token_get_401(client, headers):
    for method, path in (("get", "/api/v1/profiles"), ("post", "/api/v1/check"),
                         ("get", "/api/v1/sectors"), ("delete", "/api/v1/profiles/1")):
        response = getattr(client, method)(path, headers=headers, json={"text": "x"})
        assert "message" in error_of(response, 401)
        assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_revoked_token_is_refused(app, client):
    store = accounts(app)
    user = store.create("shortlived", "a long enough password", "editor")
    plaintext, token = store.create_token(user.id, "temp")
    assert client.get("/api/v1/sectors", headers=bearer(plaintext)).status_code == 200
    store.revoke_token(user.id, token.id)
    assert client.get("/api/v1/sectors", headers=bearer(plaintext)).status_code == 401


def test_a_browser_session_is_not_an_api_credential(app, tokens):
    browser = app.test_client()
    login(browser, "admin1")  # sessions now need their server-side record: sign in for real
    assert browser.get("/account").status_code == 200  # a valid HTML session...
    error_of(browser.get("/api/v1/profiles"), 401)  # ...is no API credential (no CSRF hole)


def test_openapi_needs_no_token(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200 and response.get_json()["openapi"].startswith("3.1")


# -- profiles --------------------------------------------------------------------------------
def test_profile_crud_and_history(client, tokens, profile):
    pid = profile["id"]
    assert profile["version"] == 1 and profile["updated_by"] == "editor1"
    got = client.get(f"/api/v1/profiles/{pid}", headers=tokens["reviewer"]).get_json()
    assert got["name"] == PROFILE["name"] and got["priorities"][0]["id"] == "attendance"

    got["notes"] = "Board meets on the first Tuesday."
    saved = client.put(f"/api/v1/profiles/{pid}", json=got, headers=tokens["editor"])
    assert saved.status_code == 200 and saved.get_json()["version"] == 2

    history = client.get(f"/api/v1/profiles/{pid}/history", headers=tokens["reviewer"])
    assert [s["version"] for s in history.get_json()["history"]] == [2, 1]

    assert client.delete(f"/api/v1/profiles/{pid}", headers=tokens["editor"]).status_code == 204
    error_of(client.get(f"/api/v1/profiles/{pid}", headers=tokens["editor"]), 404)
    error_of(client.delete(f"/api/v1/profiles/{pid}", headers=tokens["editor"]), 404)


def test_profile_list_filters(client, tokens, profile):
    other = dict(PROFILE, name="County Health Department", sector="healthcare", tags=["county"],
                 priorities=[])
    client.post("/api/v1/profiles", json=other, headers=tokens["editor"])

    def names(query):
        response = client.get(f"/api/v1/profiles{query}", headers=tokens["reviewer"])
        assert response.status_code == 200
        return {p["name"] for p in response.get_json()["profiles"]}
    assert {"County Health Department", PROFILE["name"]} <= names("")
    assert "County Health Department" not in names("?sector=education")
    assert names("?tag=county") == {"County Health Department"}
    assert PROFILE["name"] in names("?q=lincoln")
    assert error_of(client.get("/api/v1/profiles?sector=nope", headers=tokens["reviewer"]),
                    400)["field"] == "sector"


def test_stale_version_gets_409(client, tokens, profile):
    url = f"/api/v1/profiles/{profile['id']}"
    first = dict(profile, notes="first edit")
    assert client.put(url, json=first, headers=tokens["editor"]).status_code == 200
    second = dict(profile, notes="second edit, from version 1")
    error = error_of(client.put(url, json=second, headers=tokens["admin"]), 409)
    assert error["current_version"] == 2 and error["field"] == "version"
    without_version = {k: v for k, v in second.items() if k != "version"}
    assert client.put(url, json=without_version, headers=tokens["admin"]).status_code == 200


def test_reviewer_cannot_write(client, tokens, profile):
    url = f"/api/v1/profiles/{profile['id']}"
    error_of(client.post("/api/v1/profiles", json=PROFILE, headers=tokens["reviewer"]), 403)
    error_of(client.put(url, json=profile, headers=tokens["reviewer"]), 403)
    error_of(client.delete(url, headers=tokens["reviewer"]), 403)
    error_of(client.post("/api/v1/pitches", json={"title": "t", "text": "x"},
                         headers=tokens["reviewer"]), 403)
    assert client.get(url, headers=tokens["reviewer"]).status_code == 200


@pytest.mark.parametrize("body, field", [
    ({"sector": "education"}, "name"),
    (dict(PROFILE, sector="atlantis"), "sector"),
    (dict(PROFILE, capacity="infinite"), "capacity"),
    (dict(PROFILE, readiness={"stage": 12}), "readiness.stage"),
])
def test_invalid_profiles_name_the_field(client, tokens, body, field):
    error = error_of(client.post("/api/v1/profiles", json=body, headers=tokens["editor"]), 400)
    assert error["field"] == field and error["message"]


def test_put_version_must_be_a_number(client, tokens, profile):
    response = client.put(f"/api/v1/profiles/{profile['id']}", json=dict(profile, version="2"),
                          headers=tokens["editor"])
    assert error_of(response, 400)["field"] == "version"


# -- request bodies --------------------------------------------------------------------------
@pytest.mark.parametrize("body, field", [
    ({}, "text"),
    ({"text": 42}, "text"),
    ({"text": "   "}, "text"),
    ({"text": "Hello.", "sector": "atlantis"}, "sector"),
    ({"text": "Hello.", "sector": 7}, "sector"),
    ({"text": "Hello.", "kind": "poem"}, "kind"),
    ({"text": "Hello.", "profile_id": "one"}, "profile_id"),
    ({"text": "Hello.", "profile_id": True}, "profile_id"),
    ({"text": "Hello.", "profile_id": 999999}, "profile_id"),
])
def test_bad_check_requests_name_the_field(client, tokens, body, field):
    error = error_of(client.post("/api/v1/check", json=body, headers=tokens["reviewer"]), 400)
    assert error["field"] == field and error["message"]


@pytest.mark.parametrize("data", ["{not json", "[1, 2]", "", "\"text\""])
def test_bodies_that_are_not_json_objects_get_400(client, tokens, data):
    response = client.post("/api/v1/check", data=data, content_type="application/json",
                           headers=tokens["editor"])
    assert "JSON object" in error_of(response, 400)["message"]


def test_oversized_text_gets_413(client, tokens):
    error = error_of(client.post("/api/v1/check", json={"text": "a" * (MAX_CHARS + 1)},
                                 headers=tokens["editor"]), 413)
    assert error["field"] == "text" and f"{MAX_CHARS:,}" in error["message"]
    pitch = client.post("/api/v1/pitches", json={"title": "t", "text": "a" * (MAX_CHARS + 1)},
                        headers=tokens["editor"])
    error_of(pitch, 413)


def test_oversized_bodies_are_rejected_before_parsing(app, client, tokens):
    with app.test_request_context():
        from webapp.api.common import body_limit
        limit = body_limit()
    response = client.post("/api/v1/profiles", data="x" * (limit + 1),
                           content_type="application/json", headers=tokens["editor"])
    error_of(response, 413)
    anonymous = client.post("/api/v1/check", data="x" * (limit + 1),
                            content_type="application/json")
    error_of(anonymous, 413)


def test_unknown_paths_and_methods_are_json(client, tokens):
    assert error_of(client.get("/api/v1/nothing-here", headers=tokens["editor"]), 404)
    response = client.delete("/api/v1/sectors", headers=tokens["editor"])
    error_of(response, 405)
    assert "GET" in response.headers["Allow"]


# -- checks ----------------------------------------------------------------------------------
def test_check_against_a_profile_returns_findings_and_alignment(client, tokens, profile):
    response = client.post("/api/v1/check", headers=tokens["reviewer"],
                           json={"text": PITCH_TEXT, "profile_id": profile["id"]})
    assert response.status_code == 200, response.get_json()
    report = response.get_json()
    assert report["profile"] == PROFILE["name"] and report["sector"] == "education"
    assert report["kind"] == "pitch"
    assert set(report["counts"]) == {"error", "warning", "suggestion"}
    assert isinstance(report["findings"], list)
    alignment = report["scores"]["alignment"]
    assert alignment["against"] == {"profile": PROFILE["name"]}
    assert 0 <= alignment["score"] <= 100
    attendance = next(p for p in alignment["priorities"] if p["id"] == "attendance")
    assert attendance["addressed"] and attendance["rank"] == 1


def test_check_reports_findings(client, tokens):
    text = ("We must utilize all available resources to facilitate the implementation of "
            "evidence-based programming. Addicts and substance abusers need help.")
    report = client.post("/api/v1/check", json={"text": text, "kind": "campaign"},
                         headers=tokens["editor"]).get_json()
    assert report["kind"] == "campaign" and report["scores"]["alignment"] is None
    assert report["findings"], report
    finding = report["findings"][0]
    assert text[finding["start"]:finding["end"]] == finding["text"]
    assert {"rule", "category", "severity", "message", "suggestions"} <= set(finding)


def test_check_against_a_sector(client, tokens):
    report = client.post("/api/v1/check", json={"text": PITCH_TEXT, "sector": "education"},
                         headers=tokens["editor"]).get_json()
    assert report["scores"]["alignment"]["against"] == {"sector": "education"}


# -- pitches and sectors ---------------------------------------------------------------------
def test_pitches_and_versions(client, tokens, profile):
    made = client.post("/api/v1/pitches", headers=tokens["editor"], json={
        "title": "Mentoring for Lincoln", "text": PITCH_TEXT, "profile_id": profile["id"],
        "note": "first draft"})
    assert made.status_code == 201, made.get_json()
    pitch = made.get_json()
    assert pitch["latest"]["number"] == 1 and pitch["version_count"] == 1
    assert made.headers["Location"].endswith(f"/api/v1/pitches/{pitch['id']}")
    url = f"/api/v1/pitches/{pitch['id']}"
    version = client.post(f"{url}/versions", json={"text": PITCH_TEXT + " Thanks!"},
                          headers=tokens["editor"])
    assert version.status_code == 201 and version.get_json()["number"] == 2
    got = client.get(url, headers=tokens["reviewer"]).get_json()
    assert [v["number"] for v in got["versions"]] == [1, 2] and got["version_count"] == 2
    listed = client.get("/api/v1/pitches", headers=tokens["reviewer"]).get_json()["pitches"]
    assert pitch["id"] in {p["id"] for p in listed}
    error_of(client.get("/api/v1/pitches/999999", headers=tokens["reviewer"]), 404)
    error_of(client.post("/api/v1/pitches/999999/versions", json={"text": "x"},
                         headers=tokens["editor"]), 404)


@pytest.mark.parametrize("body, field", [
    ({"text": "Hello."}, "title"),
    ({"title": "   ", "text": "Hello."}, "title"),
    ({"title": "t"}, "text"),
    ({"title": "t", "text": "Hello.", "sector": "atlantis"}, "sector"),
    ({"title": "t", "text": "Hello.", "kind": "poem"}, "kind"),
    ({"title": "t", "text": "Hello.", "profile_id": 999999}, "profile_id"),
])
def test_bad_pitches_name_the_field(client, tokens, body, field):
    error = error_of(client.post("/api/v1/pitches", json=body, headers=tokens["editor"]), 400)
    assert error["field"] == field


def test_sectors(client, tokens):
    sectors = client.get("/api/v1/sectors", headers=tokens["reviewer"]).get_json()["sectors"]
    by_id = {s["id"]: s for s in sectors}
    assert "education" in by_id and by_id["education"]["name"]
    priorities = by_id["education"]["priorities"]
    assert priorities[0]["rank"] == 1 and priorities[0]["terms"]
