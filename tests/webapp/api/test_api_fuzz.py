"""Fuzz the JSON API from its own OpenAPI document: no input may cause a server error,
and every answer matches what the document says about it."""
from __future__ import annotations

import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (content_type_conformance, response_schema_conformance,
                                 status_code_conformance)

from web_helpers import api_token, make_app

APP = make_app(Path(tempfile.mkdtemp()) / "fuzz.sqlite", MAX_TEXT_CHARS=2000)
TOKEN = api_token(APP, "fuzz-admin", "admin")
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", APP)


@schema.parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case):
    case.headers = {**(case.headers or {}), "Authorization": f"Bearer {TOKEN}"}
    response = case.call()
    assert response.status_code < 500, (case.method, case.path, case.body, response.text[:300])
    if response.status_code >= 400:
        headers = {k.lower(): v for k, v in response.headers.items()}
        content_type = headers.get("content-type")
        content_type = content_type[0] if isinstance(content_type, list) else content_type
        assert content_type and content_type.startswith("application/json"), content_type
        assert "error" in response.json()
    # Whatever came back is documented: its status code, its media type, and its body
    # against the schema (objects are closed, so an undocumented property fails too).
    case.validate_response(response, checks=[status_code_conformance, content_type_conformance,
                                             response_schema_conformance])
