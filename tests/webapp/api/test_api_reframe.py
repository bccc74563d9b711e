"""Reframing through the JSON API."""
from __future__ import annotations

import pytest

from web_helpers import api_token, bearer, make_app

PITCH = ("Our youth homelessness prevention program has run in three schools since 2019. All "
         "teachers must log which students attend each week. Could we meet with your counselors for 20 minutes "
         "next week?")


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    return make_app(tmp_path_factory.mktemp("api") / "t.sqlite")


@pytest.fixture(scope="module")
def client(app):
    return app.test_client()


@pytest.fixture(scope="module")
def tokens(app):
    return {"editor": api_token(app, "editor1", "editor"), "reviewer": api_token(app, "rev", "reviewer")}


def test_suggest_lists_rewrites(client, tokens):
    response = client.post("/api/v1/suggest", json={"text": PITCH, "sector": "education"},
                           headers=bearer(tokens["reviewer"]))
    assert response.status_code == 200
    data = response.get_json()
    kinds = {r["kind"]: r for r in data["rewrites"]}
    # The program is renamed in the school's words, automatically; taking the survey off
    # the teachers is only offered (it commits the sender to work).
    assert kinds["swap"]["auto"] and kinds["swap"]["replacement"].startswith("program for")
    assert not kinds["offer"]["auto"]
    assert "opening" not in kinds and isinstance(data["rejected"], list)


def test_reframe_returns_variant_and_saves_a_version(client, tokens):
    headers = bearer(tokens["editor"])
    pitch = client.post("/api/v1/pitches", json={"title": "School pitch", "text": PITCH,
                                                 "sector": "education"}, headers=headers).get_json()
    response = client.post("/api/v1/reframe", json={"text": PITCH, "sector": "education",
                                                    "pitch_id": pitch["id"]}, headers=headers)
    data = response.get_json()
    assert response.status_code == 200, data
    assert data["scores"]["after"]["alignment"] >= data["scores"]["before"]["alignment"]
    assert "students in unstable housing" in data["variant"] and "since 2019" in data["variant"]
    assert data["saved_version"] == 2
    versions = client.get(f"/api/v1/pitches/{pitch['id']}", headers=headers).get_json()
    assert versions["versions"][-1]["text"] == data["variant"]


def test_reframe_only_accepted_rewrites(client, tokens):
    headers = bearer(tokens["editor"])
    rewrites = client.post("/api/v1/suggest", json={"text": PITCH, "sector": "education"},
                           headers=headers).get_json()["rewrites"]
    swap = next(r for r in rewrites if r["kind"] == "swap")
    data = client.post("/api/v1/reframe", json={"text": PITCH, "sector": "education",
                                                "accepted": [swap["id"]]}, headers=headers).get_json()
    assert [r["id"] for r in data["applied"]] == [swap["id"]]


def test_reframe_errors(client, tokens):
    headers = bearer(tokens["reviewer"])
    assert client.post("/api/v1/reframe", json={"text": PITCH}, headers=headers).get_json()[
        "error"]["field"] == "sector"
    bad = client.post("/api/v1/reframe", json={"text": PITCH, "sector": "education",
                                               "accepted": "all"}, headers=headers)
    assert bad.status_code == 400 and bad.get_json()["error"]["field"] == "accepted"
    denied = client.post("/api/v1/reframe", json={"text": PITCH, "sector": "education",
                                                  "pitch_id": 1}, headers=headers)
    assert denied.status_code == 403
