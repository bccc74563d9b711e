"""The OpenAPI document and the API's real answers agree.

Every documented operation is called with realistic data (and a few failing
requests), and each JSON response is validated against the schema the document
gives for its status code, with every object closed: a property the schema does
not list is a failure (``additionalProperties: false``), so the document cannot
fall behind the code again. Status codes must be documented too.
"""
from __future__ import annotations

import copy
import re

import jsonschema_rs
import pytest
from web_helpers import api_token, bearer, make_app

from framing.lexicon import get_lexicons
from framing.profile_schema import defaults_for_sector

LONG_PARAGRAPH = " ".join(["Most students at Lincoln High choose not to vape, and their "
                           "teachers see it every day in class."] * 12)
DRAFT = ("Two of our students committed suicide last spring. We need your staff to run our "
         "new program. Could you give us 20 minutes at the March staff meeting? Call 988.\n\n"
         + LONG_PARAGRAPH)
NORMS_POST = ("Most Lincoln teens (4 out of 5) don't vape, according to the 2025 Lincoln Youth "
              "Survey. Most of us don't vape. #MostOfUs")


def close(node):
    """A copy of a schema with every object that lists properties closed."""
    if isinstance(node, list):
        return [close(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: close(value) for key, value in node.items()}
    if "properties" in out and "additionalProperties" not in out:
        out["additionalProperties"] = False
    return out


class Checker:
    """Validates responses against the served document; remembers what it saw."""

    def __init__(self, spec: dict):
        self.spec = spec
        self.components = close(spec["components"])
        self.seen: set[tuple[str, str]] = set()
        self.problems: list[str] = []

    def operation(self, method: str, url: str) -> tuple[str, dict]:
        path = url.split("?", 1)[0].removeprefix("/api/v1")
        for template, item in self.spec["paths"].items():
            pattern = "^" + re.sub(r"\\{\w+\\}", r"[^/]+", re.escape(template)) + "$"
            if re.match(pattern, path) and method in item:
                return template, item[method]
        raise AssertionError(f"{method.upper()} {path} is not in the document")

    def check(self, method: str, url: str, response) -> None:
        template, op = self.operation(method, url)
        self.seen.add((template, method))
        status = str(response.status_code)
        where = f"{method.upper()} {template} -> {status}"
        entry = op["responses"].get(status)
        if entry is None:
            self.problems.append(f"{where}: status not documented")
            return
        content = entry.get("content")
        if not content:
            if response.data:
                self.problems.append(f"{where}: documented without a body, but has one")
            return
        if "application/json" not in content:
            if response.mimetype not in content:
                self.problems.append(f"{where}: {response.mimetype} is not documented")
            return
        schema = close(content["application/json"]["schema"])
        validator = jsonschema_rs.validator_for({"components": self.components, **schema})
        for error in validator.iter_errors(response.get_json()):
            path = "/".join(str(p) for p in error.instance_path)
            self.problems.append(f"{where}: at /{path}: {error.message}")


@pytest.fixture(scope="module")
def app(tmp_path_factory, analyzer):
    app = make_app(tmp_path_factory.mktemp("responses") / "t.sqlite", MAX_TEXT_CHARS=5000)
    app.extensions["framing_analyzer"] = analyzer
    return app


@pytest.fixture(scope="module")
def checked(app):
    """Call every operation; returns the Checker with what it found."""
    client = app.test_client()
    spec = client.get("/api/v1/openapi.json").get_json()
    checker = Checker(spec)
    admin = bearer(api_token(app, "doc-admin", "admin"))
    editor = bearer(api_token(app, "doc-editor", "editor"))
    reviewer = bearer(api_token(app, "doc-reviewer", "reviewer"))

    def call(method, url, headers=editor, **kwargs):
        response = getattr(client, method)(url, headers=headers, **kwargs)
        checker.check(method, url, response)
        return response

    sectors = get_lexicons().sectors
    doc = defaults_for_sector(sectors["education"])
    doc.update(name="Lincoln USD", tags=["schools"], capacity="stretched",
               readiness={"stage": 3, "dimensions": {"A": 3}, "assessed": "2026-01-10"},
               people=[{"name": "Dr. Ana Ruiz", "role": "Superintendent", "authority": "decides",
                        "stance": 1}],
               power=[{"name": "PTA", "kind": "advocacy", "influence": 4, "interest": 3}],
               avoid=[{"term": "mandatory", "instead": ["optional"], "why": "board"}])
    doc["politics"]["key_dates"] = [{"label": "Board election", "kind": "election",
                                     "date": "2099-11-03"}]
    # -- reference and profiles
    call("get", "/api/v1/sectors", reviewer)
    profile = call("post", "/api/v1/profiles", json=doc).get_json()
    other = call("post", "/api/v1/profiles", json={**doc, "name": "Lincoln Courier"}).get_json()
    pid = profile["id"]
    call("get", "/api/v1/profiles?sector=education", reviewer)
    call("get", f"/api/v1/profiles/{pid}", reviewer)
    call("put", f"/api/v1/profiles/{pid}", json={**profile, "notes": "Eight schools."})
    call("put", f"/api/v1/profiles/{pid}", json={**profile, "notes": "Stale."})  # 409
    call("get", f"/api/v1/profiles/{pid}/history", reviewer)
    # -- checks
    call("post", "/api/v1/check", reviewer, json={"text": DRAFT, "profile_id": pid})
    call("post", "/api/v1/check", reviewer, json={"text": DRAFT})
    call("post", "/api/v1/suggest", reviewer, json={"text": DRAFT, "sector": "education"})
    # -- pitches
    pitch = call("post", "/api/v1/pitches", json={"title": "Attendance", "text": DRAFT,
                                                  "profile_id": pid}).get_json()
    call("post", f"/api/v1/pitches/{pitch['id']}/versions", json={"text": DRAFT + " Thanks.",
                                                                  "note": "thanks"})
    call("get", "/api/v1/pitches", reviewer)
    call("get", f"/api/v1/pitches/{pitch['id']}", reviewer)
    call("post", "/api/v1/reframe", json={"text": DRAFT, "profile_id": pid,
                                          "pitch_id": pitch["id"]})
    # -- campaigns and pieces
    campaign_doc = {
        "name": "Most of Us", "goal": "Correct the misperception", "type": "social-norms",
        "audience": "Students", "start": "2026-04-01", "end": "2026-06-30",
        "tagline": "Most of us don't vape.", "hashtag": "#MostOfUs", "help_line": "988",
        "partners": [{"profile_id": pid, "role": "co-sponsor", "contact_name": "Ana",
                      "contact_email": "ana@example.org"},
                     {"profile_id": other["id"], "role": "target"}],
        "norms": {"behaviour": "4 out of 5 teens don't vape", "actual_pct": 80,
                  "perceived_pct": 35, "source": "2025 survey", "year": 2025}}
    campaign = call("post", "/api/v1/campaigns", json=campaign_doc).get_json()
    cid = campaign["id"]
    call("get", "/api/v1/campaigns", reviewer)
    call("put", f"/api/v1/campaigns/{cid}", json={**campaign, "goal": "New goal"})
    call("get", f"/api/v1/campaigns/{cid}", reviewer)
    piece = call("post", f"/api/v1/campaigns/{cid}/pieces", json={
        "channel": "x", "title": "Launch", "body": NORMS_POST + " #MostOfUs2026",
        "run_date": "2026-04-10", "target_profile_id": other["id"]}).get_json()
    piece_id = piece["id"]
    call("put", f"/api/v1/pieces/{piece_id}", json={"body": NORMS_POST + " Friday!",
                                                    "base_version": 1, "note": "CTA"})
    call("put", f"/api/v1/pieces/{piece_id}", json={"body": NORMS_POST + " Late.",
                                                    "base_version": 1})  # 409
    call("post", f"/api/v1/pieces/{piece_id}/restore", json={"number": 1})
    call("post", f"/api/v1/pieces/{piece_id}/status", json={"to": "in-review", "note": "go"})
    call("post", f"/api/v1/pieces/{piece_id}/status", json={"to": "approved"})  # 403: own
    call("post", f"/api/v1/pieces/{piece_id}/status", reviewer, json={"to": "approved"})
    call("get", f"/api/v1/campaigns/{cid}/pieces", reviewer)
    call("get", f"/api/v1/pieces/{piece_id}", reviewer)
    call("get", f"/api/v1/pieces/{piece_id}/versions", reviewer)
    call("get", f"/api/v1/pieces/{piece_id}/diff?a=1&b=2", reviewer)
    call("get", f"/api/v1/pieces/{piece_id}/findings", reviewer)
    call("get", f"/api/v1/campaigns/{cid}/dashboard", reviewer)
    call("get", f"/api/v1/campaigns/{cid}/calendar.ics", reviewer)
    call("get", f"/api/v1/campaigns/{cid}/export.csv", reviewer)
    # -- comparisons
    variants = [{"label": "A", "text": DRAFT}, {"label": "B", "text": NORMS_POST,
                                                "source": "typed"}]
    call("post", "/api/v1/compare", reviewer, json={"variants": variants, "profile_ids": [pid],
                                                    "sectors": ["labor"], "diff": ["A", "B"]})
    saved = call("post", "/api/v1/comparisons", json={
        "title": "Two drafts", "variants": variants, "profile_ids": [pid],
        "pitch_id": pitch["id"]}).get_json()
    comparison = saved["comparison"]["id"]
    call("post", "/api/v1/comparisons", json={"title": "Piece versions", "piece_id": piece_id})
    decision = call("post", f"/api/v1/comparisons/{comparison}/decisions", json={
        "variant_label": "B", "target_key": f"profile:{pid}", "rationale": "Shorter"}).get_json()
    call("post", f"/api/v1/comparisons/{comparison}/decisions", json={
        "variant_label": "A", "rationale": "Changed our minds", "replaces": decision["id"]})
    for votes in (3, 1):
        call("post", f"/api/v1/comparisons/{comparison}/feedback", json={
            "variant_label": "A", "votes": votes, "ratings": [4, 5], "note": "group"})
        call("post", f"/api/v1/comparisons/{comparison}/feedback", json={
            "variant_label": "B", "votes": 1, "ratings": [2]})
    call("get", "/api/v1/comparisons", reviewer)
    call("get", f"/api/v1/comparisons/{comparison}?diff=A&diff=B", reviewer)
    # -- deletion last, and errors of each kind
    call("delete", f"/api/v1/profiles/{other['id']}")
    call("get", f"/api/v1/comparisons/{comparison}", reviewer)  # a missing target now
    call("get", "/api/v1/profiles/999999", reviewer)  # 404
    call("post", "/api/v1/check", {}, json={"text": "x"})  # 401
    call("post", "/api/v1/profiles", reviewer, json=doc)  # 403
    call("post", "/api/v1/check", reviewer, json={"text": "x", "profile": 9})  # 400
    call("post", "/api/v1/check", reviewer, json={"text": "x" * 5001})  # 413
    call("post", "/api/v1/pitches", admin, json={"title": "T", "text": "Hello.",
                                                 "sector": "atlantis"})  # 400
    return checker


def test_every_response_matches_its_documented_schema(checked):
    assert checked.problems == []


def test_every_documented_operation_was_checked(checked):
    documented = {(path, method) for path, item in checked.spec["paths"].items()
                  for method in item if method != "parameters" and path != "/openapi.json"}
    assert documented - checked.seen == set()


def test_request_schemas_are_closed(checked):
    """Every request body schema refuses unknown fields, as the API does."""
    schemas = checked.spec["components"]["schemas"]
    for path, item in checked.spec["paths"].items():
        for method, op in item.items():
            if method == "parameters" or "requestBody" not in op:
                continue
            schema = op["requestBody"]["content"]["application/json"]["schema"]
            name = schema["$ref"].rsplit("/", 1)[1]
            target = schemas[name]
            while "allOf" in target:
                target = schemas[target["allOf"][0]["$ref"].rsplit("/", 1)[1]]
            assert target.get("additionalProperties") is False, f"{method} {path}: {name}"


def test_closing_catches_an_undocumented_property(checked):
    """The checker itself fails when a response has a property the schema lacks."""
    spec = copy.deepcopy(checked.spec)
    del spec["components"]["schemas"]["Finding"]["properties"]["scope"]
    spec["components"]["schemas"]["Finding"].pop("additionalProperties", None)
    strict = Checker(spec)

    class Response:
        status_code, mimetype, data = 200, "application/json", b"{}"

        @staticmethod
        def get_json():
            return {"piece_id": 1, "version": 1, "packs_version": "x",
                    "counts": {"error": 0, "warning": 1, "suggestion": 0},
                    "findings": [{"rule": "r", "category": "plain-language",
                                  "severity": "warning", "message": "m", "start": 0, "end": 1,
                                  "text": "x", "scope": "paragraph"}]}

    strict.check("get", "/api/v1/pieces/1/findings", Response)
    assert any("scope" in problem for problem in strict.problems)


def test_no_object_schema_is_left_open_ended(checked):
    """An object either lists its properties or is a map with typed values: never a bare
    ``{"type": "object"}``, which would let any response through unchecked."""
    bare = []

    def walk(node, where):
        if isinstance(node, dict):
            types = node.get("type")
            if (types == "object" or (isinstance(types, list) and "object" in types)) and \
                    "properties" not in node and not isinstance(node.get("additionalProperties"),
                                                                dict):
                bare.append(where)
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}/{i}")

    walk(checked.spec["components"], "#/components")
    walk(checked.spec["paths"], "#/paths")
    assert bare == []
