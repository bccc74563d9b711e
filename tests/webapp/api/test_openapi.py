"""The OpenAPI document: every API route is described, refs resolve, schemas match the code."""
from __future__ import annotations

import dataclasses
import re

import pytest

from repo_paths import ROOT
from web_helpers import make_app

from framing.findings import Finding, Report
from framing.store.pitches import Pitch, PitchVersion
from framing.profile_schema import STORE_KEYS, defaults_for_sector
from framing.store.profiles import ProfileSummary, Snapshot
from webapp.api.openapi import build_spec

METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE"}


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    return make_app(tmp_path_factory.mktemp("openapi") / "t.sqlite")


@pytest.fixture(scope="module")
def spec(app):
    response = app.test_client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.get_json()


def api_routes(app):
    """(OpenAPI path, method) for every route of the API blueprint."""
    for rule in app.url_map.iter_rules():
        if not rule.endpoint.startswith("api."):
            continue
        path = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule.rule)
        assert path.startswith("/api/v1/"), rule.rule
        for method in rule.methods & METHODS:
            yield path[len("/api/v1"):], method.lower()


def test_every_route_is_documented(app, spec):
    routes = set(api_routes(app))
    assert len(routes) >= 13
    for path, method in routes:
        assert path in spec["paths"], path
        assert method in spec["paths"][path], f"{method.upper()} {path}"


def test_every_documented_operation_exists(app, spec):
    routes = set(api_routes(app))
    for path, item in spec["paths"].items():
        for method in set(item) & {m.lower() for m in METHODS}:
            assert (path, method) in routes, f"{method.upper()} {path} is documented only"


def test_document_basics(spec):
    assert spec["openapi"] == "3.1.0"
    assert spec["servers"] == [{"url": "/api/v1"}]
    assert spec["components"]["securitySchemes"]["bearerAuth"] == {
        "type": "http", "scheme": "bearer", "description": "An API token"}
    assert spec["security"] == [{"bearerAuth": []}]
    assert {"Report", "Finding", "Profile", "Error"} <= set(spec["components"]["schemas"])
    assert spec["paths"]["/openapi.json"]["get"]["security"] == []
    operation_ids = [op["operationId"] for item in spec["paths"].values()
                     for key, op in item.items() if key != "parameters"]
    assert len(operation_ids) == len(set(operation_ids))


def test_protected_operations_document_401_and_path_parameters(spec):
    for path, item in spec["paths"].items():
        names = set(re.findall(r"{(\w+)}", path))
        assert names == {p["name"] for p in item.get("parameters", [])}, path
        for method, op in item.items():
            if method == "parameters" or path == "/openapi.json":
                continue
            assert "401" in op["responses"], f"{method} {path}"
            assert any(code.startswith("2") for code in op["responses"]), f"{method} {path}"


def refs_in(node):
    if isinstance(node, dict):
        if "$ref" in node:
            yield node["$ref"]
        for value in node.values():
            yield from refs_in(value)
    elif isinstance(node, list):
        for value in node:
            yield from refs_in(value)


def test_every_ref_resolves(spec):
    refs = list(refs_in(spec))
    assert len(refs) > 10
    for target in refs:
        assert target.startswith("#/components/schemas/"), target
        assert target.rsplit("/", 1)[1] in spec["components"]["schemas"], target


def properties(spec, name):
    return set(spec["components"]["schemas"][name]["properties"])


def test_schemas_match_the_code(spec):
    assert properties(spec, "Finding") == {f.name for f in dataclasses.fields(Finding)}
    report = Report(text="", findings=[], scores={},
                    ignored=[{"rule": "r", "count": 1, "message": "m"}]).to_dict()
    assert properties(spec, "Report") == set(report)
    for name, cls in (("ProfileSummary", ProfileSummary), ("Snapshot", Snapshot),
                      ("PitchVersion", PitchVersion)):
        assert properties(spec, name) == {f.name for f in dataclasses.fields(cls)}, name
    assert properties(spec, "Pitch") - {"versions"} == {f.name for f in dataclasses.fields(Pitch)}


def test_profile_schema_matches_the_document(spec):
    from framing.lexicon import get_lexicons
    document = defaults_for_sector(get_lexicons().sectors["education"])
    assert properties(spec, "Profile") == set(document) | STORE_KEYS
    profile = spec["components"]["schemas"]["Profile"]["properties"]
    assert set(profile["politics"]["properties"]) == set(document["politics"])
    assert set(profile["readiness"]["properties"]) == set(document["readiness"])


def test_build_spec_uses_the_given_server():
    assert build_spec("/prefix/api/v1")["servers"] == [{"url": "/prefix/api/v1"}]


def test_finding_scope_lists_every_scope_the_checks_emit(spec):
    from framing.findings import SCOPES
    root = ROOT
    emitted = {f.default for f in dataclasses.fields(Finding) if f.name == "scope"}
    for folder in ("framing", "campaigns"):
        for path in (root / folder).rglob("*.py"):
            emitted |= set(re.findall(r"""\bscope\s*=\s*["']([a-z-]+)["']""",
                                      path.read_text(encoding="utf-8")))
    assert {"sentence", "paragraph", "document"} <= emitted
    assert emitted <= set(SCOPES)
    assert spec["components"]["schemas"]["Finding"]["properties"]["scope"]["enum"] == list(SCOPES)
