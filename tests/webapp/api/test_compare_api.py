"""Comparisons in the JSON API: stateless compare, saved comparisons, decisions, feedback."""
from __future__ import annotations

import pytest

from compare_samples import VARIANTS
from web_helpers import api_token, bearer, connect, make_app

from campaigns.store import CampaignStore

from framing.lexicon import get_lexicons
from framing.store.profiles import defaults_for_sector

PAIR = [{"label": "schools", "text": VARIANTS["schools"]},
        {"label": "sender", "text": VARIANTS["sender"]}]


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    return make_app(tmp_path_factory.mktemp("compare_api") / "t.sqlite")


@pytest.fixture(scope="module")
def client(app):
    return app.test_client()


@pytest.fixture(scope="module")
def editor(app):
    return bearer(api_token(app, "editor1", "editor"))


@pytest.fixture(scope="module")
def reviewer(app):
    return bearer(api_token(app, "rev", "reviewer"))


@pytest.fixture(scope="module")
def profile_id(client, editor):
    doc = {**defaults_for_sector(get_lexicons().sectors["education"]), "name": "Lincoln USD"}
    response = client.post("/api/v1/profiles", json=doc, headers=editor)
    assert response.status_code == 201
    return response.get_json()["id"]


def test_stateless_compare(client, reviewer, profile_id):
    response = client.post("/api/v1/compare", headers=reviewer, json={
        "variants": PAIR, "profile_ids": [profile_id], "sectors": ["labor"],
        "diff": ["schools", "sender"]})
    data = response.get_json()
    assert response.status_code == 200, data
    assert [t["key"] for t in data["targets"]] == [f"profile:{profile_id}", "sector:labor"]
    assert data["best"][f"profile:{profile_id}"] == "schools"
    assert data["matrix"][0][0] > data["matrix"][1][0]
    assert "".join(op["after"] for op in data["diff"]["ops"]) == VARIANTS["sender"]
    assert any(n.startswith("Misses ") for n in data["variants"][1]["worse"])


@pytest.mark.parametrize("body, status, field", [
    ({"variants": PAIR[:1]}, 400, "variants"),
    ({"variants": [PAIR[0], {"label": "x"}]}, 400, "variants"),
    ({"variants": [PAIR[0], {**PAIR[1], "label": "schools"}]}, 400, "variants"),
    ({"variants": PAIR, "profile_ids": [999]}, 400, "profile_ids"),
    ({"variants": PAIR, "profile_ids": "1"}, 400, "profile_ids"),
    ({"variants": PAIR, "sectors": ["nope"]}, 400, "sectors"),
    ({"variants": PAIR, "sectors": ["labor"] * 26}, 400, "sectors"),
    ({"variants": PAIR, "kind": "poster"}, 400, "kind"),
    ({"variants": PAIR, "diff": ["schools", "nobody"]}, 400, "diff"),
    ({"variants": [PAIR[0], {"label": "big", "text": "x " * 60_000}]}, 413, "variants"),
])
def test_compare_errors(client, reviewer, body, status, field):
    response = client.post("/api/v1/compare", json=body, headers=reviewer)
    assert response.status_code == status, response.get_json()
    assert response.get_json()["error"]["field"] == field


def test_compare_needs_a_token(client):
    assert client.post("/api/v1/compare", json={"variants": PAIR}).status_code == 401


def test_saved_comparison_from_pitch_versions(client, editor, reviewer, profile_id):
    pitch = client.post("/api/v1/pitches", json={"title": "Absence", "text": VARIANTS["sender"],
                                                 "profile_id": profile_id},
                        headers=editor).get_json()
    client.post(f"/api/v1/pitches/{pitch['id']}/versions", json={"text": VARIANTS["schools"]},
                headers=editor)
    response = client.post("/api/v1/comparisons", headers=editor, json={
        "title": "v1 or v2", "pitch_id": pitch["id"], "profile_ids": [profile_id]})
    data = response.get_json()
    assert response.status_code == 201, data
    cid = data["comparison"]["id"]
    assert response.headers["Location"].endswith(f"/api/v1/comparisons/{cid}")
    assert [v["source"] for v in data["comparison"]["variants"]] == [
        f"pitch:{pitch['id']}/v1", f"pitch:{pitch['id']}/v2"]
    assert data["result"]["best"] == {f"profile:{profile_id}": "Version 2"}
    assert data["decisions"] == [] and "not evidence" not in data["feedback_summary"]["warning"]
    listed = client.get(f"/api/v1/comparisons?pitch_id={pitch['id']}", headers=reviewer)
    assert [c["id"] for c in listed.get_json()["comparisons"]] == [cid]
    one = client.get(f"/api/v1/comparisons/{cid}?diff=Version 1&diff=Version 2",
                     headers=reviewer).get_json()
    assert one["result"]["diff"]["before"] == "Version 1" and one["missing_targets"] == []
    denied = client.post("/api/v1/comparisons", json={"title": "x", "variants": PAIR},
                         headers=reviewer)
    assert denied.status_code == 403


@pytest.fixture(scope="module")
def piece_id(app, profile_id):
    """A campaign with the profile as partner, and a piece with two versions."""
    store = CampaignStore(connect(app.config["DATABASE"]))
    campaign = store.create_campaign({"name": "Attendance drive", "type": "awareness",
                                      "partners": [{"profile_id": profile_id,
                                                    "role": "co-sponsor"}]}, "eddie")
    piece = store.add_piece(campaign.id, "email", "Letter", VARIANTS["sender"], "eddie")
    store.edit_piece(piece.id, "Letter", VARIANTS["schools"], "eddie", note="schools first")
    return piece.id


def test_saved_comparison_from_piece_versions(client, editor, reviewer, profile_id, piece_id):
    response = client.post("/api/v1/comparisons", headers=editor, json={
        "title": "Letter v1 or v2", "piece_id": piece_id, "kind": "campaign"})
    data = response.get_json()
    assert response.status_code == 201, data
    comparison = data["comparison"]
    assert [(v["label"], v["source"]) for v in comparison["variants"]] == [
        ("v1", f"piece:{piece_id}/v1"), ("v2", f"piece:{piece_id}/v2")]
    assert comparison["piece_ref"] == f"piece:{piece_id}" and comparison["pitch_id"] is None
    assert [t["key"] for t in comparison["targets"]] == [f"profile:{profile_id}"]
    assert data["result"]["best"] == {f"profile:{profile_id}": "v2"}
    listed = client.get(f"/api/v1/comparisons?piece_ref=piece:{piece_id}", headers=reviewer)
    assert [c["id"] for c in listed.get_json()["comparisons"]] == [comparison["id"]]
    # Explicit targets win over the partners; ``versions`` picks versions.
    chosen = client.post("/api/v1/comparisons", headers=editor, json={
        "title": "Sector only", "piece_id": piece_id, "versions": [2, 1],
        "sectors": ["labor"]}).get_json()["comparison"]
    assert [v["label"] for v in chosen["variants"]] == ["v2", "v1"]
    assert [t["key"] for t in chosen["targets"]] == ["sector:labor"]


def test_stateless_compare_of_piece_versions(client, reviewer, profile_id, piece_id):
    response = client.post("/api/v1/compare", headers=reviewer, json={"piece_id": piece_id})
    data = response.get_json()
    assert response.status_code == 200, data
    assert [v["label"] for v in data["variants"]] == ["v1", "v2"]
    assert [t["key"] for t in data["targets"]] == [f"profile:{profile_id}"]


@pytest.mark.parametrize("body, field", [
    ({"piece_id": 9999}, "piece_id"),
    ({"piece_id": "x"}, "piece_id"),
    ({"versions": [1, 7]}, "versions"),
])
def test_unknown_piece_or_version_is_a_400(client, editor, piece_id, body, field):
    body = {"title": "T", "piece_id": piece_id, **body}
    response = client.post("/api/v1/comparisons", headers=editor, json=body)
    error = response.get_json()["error"]
    assert response.status_code == 400 and error["field"] == field, error
    assert field in error["message"]


def test_decisions_and_reversal(client, editor, reviewer):
    cid = client.post("/api/v1/comparisons", json={"title": "T", "variants": PAIR,
                                                   "sectors": ["education"]},
                      headers=editor).get_json()["comparison"]["id"]
    url = f"/api/v1/comparisons/{cid}/decisions"
    first = client.post(url, json={"variant_label": "schools", "target_key": "sector:education",
                                   "rationale": "Leads with attendance."}, headers=editor)
    assert first.status_code == 201 and first.get_json()["decided_by"] == "editor1"
    again = client.post(url, json={"variant_label": "sender", "target_key": "sector:education",
                                   "rationale": "Changed my mind."}, headers=editor)
    assert again.status_code == 400 and again.get_json()["error"]["field"] == "replaces"
    reversal = client.post(url, json={"variant_label": "sender", "target_key": "sector:education",
                                      "rationale": "Board asked.",
                                      "replaces": first.get_json()["id"]}, headers=editor)
    assert reversal.status_code == 201
    assert client.post(url, json={"variant_label": "x", "rationale": "r"},
                       headers=reviewer).status_code == 403
    decisions = client.get(f"/api/v1/comparisons/{cid}", headers=reviewer).get_json()["decisions"]
    assert [d["replaced_by"] for d in decisions] == [reversal.get_json()["id"], None]
    assert client.post(url, json={"variant_label": "x", "rationale": "r"},
                       headers=editor).get_json()["error"]["field"] == "variant_label"


def test_feedback_comes_with_the_warning(client, editor):
    cid = client.post("/api/v1/comparisons", json={"title": "F", "variants": PAIR},
                      headers=editor).get_json()["comparison"]["id"]
    url = f"/api/v1/comparisons/{cid}/feedback"
    client.post(url, json={"variant_label": "schools", "votes": 5}, headers=editor)
    response = client.post(url, json={"variant_label": "sender", "votes": 1, "ratings": [3],
                                      "note": "Too long"}, headers=editor)
    data = response.get_json()
    assert response.status_code == 201, data
    assert data["feedback"]["ratings"] == [3]
    assert data["summary"]["sign_test"]["p"] == pytest.approx(0.2188, abs=1e-4)
    assert "not evidence" in data["summary"]["warning"]
    bad = client.post(url, json={"variant_label": "schools", "ratings": [9]}, headers=editor)
    assert bad.status_code == 400 and bad.get_json()["error"]["field"] == "ratings"


def test_missing_comparison_and_deleted_profile(client, editor, reviewer):
    assert client.get("/api/v1/comparisons/999", headers=reviewer).status_code == 404
    doc = {**defaults_for_sector(get_lexicons().sectors["labor"]), "name": "Local 12"}
    pid = client.post("/api/v1/profiles", json=doc, headers=editor).get_json()["id"]
    cid = client.post("/api/v1/comparisons", json={"title": "D", "variants": PAIR,
                                                   "profile_ids": [pid]},
                      headers=editor).get_json()["comparison"]["id"]
    assert client.delete(f"/api/v1/profiles/{pid}", headers=editor).status_code == 204
    data = client.get(f"/api/v1/comparisons/{cid}", headers=reviewer).get_json()
    assert data["missing_targets"] == [f"profile:{pid}"] and data["result"]["targets"] == []


def test_openapi_schemas_match_the_dataclasses(client):
    import dataclasses

    from framing.compare import TargetScore, VariantResult
    from framing.store.comparisons import Comparison, Decision, Feedback
    schemas = client.get("/api/v1/openapi.json").get_json()["components"]["schemas"]
    for name, cls in (("ComparedVariant", VariantResult), ("TargetScore", TargetScore),
                      ("Comparison", Comparison), ("ComparisonDecision", Decision),
                      ("ComparisonFeedback", Feedback)):
        assert set(schemas[name]["properties"]) == {f.name for f in dataclasses.fields(cls)}, name
