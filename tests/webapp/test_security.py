"""Security headers, allowed hosts, production-mode refusal, and logs without message text."""
from __future__ import annotations

import logging
import secrets

import pytest

from web_helpers import make_app

from webapp import create_app
from webapp.security import CSP, UnsafeConfiguration


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    return make_app(tmp_path_factory.mktemp("sec") / "t.sqlite")


def test_headers_on_pages_and_api(app):
    client = app.test_client()
    for path in ("/login", "/api/v1/openapi.json", "/static/css/app.css"):
        response = client.get(path)
        assert response.headers["Content-Security-Policy"] == CSP
        assert "'unsafe-inline'" not in CSP and "script-src 'self'" in CSP
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["X-Frame-Options"] == "DENY"
    assert client.get("/login").headers["Cache-Control"] == "no-store"


def test_allowed_hosts(tmp_path):
    app = make_app(tmp_path / "h.sqlite", ALLOWED_HOSTS="framing.example.org, localhost")
    client = app.test_client()
    spec = "/api/v1/openapi.json"
    assert client.get(spec, headers={"Host": "localhost"}).status_code == 200
    assert client.get(spec, headers={"Host": "evil.example.com"}).status_code == 400


def test_production_refuses_the_default_secret(tmp_path):
    with pytest.raises(UnsafeConfiguration, match="FRAMING_SECRET_KEY"):
        create_app({"ENV_NAME": "production", "DATABASE": str(tmp_path / "p.sqlite"),
                    "DEMO_DATA": False})
    app = create_app({"ENV_NAME": "production", "SECRET_KEY": secrets.token_hex(32),
                      "DATABASE": str(tmp_path / "p.sqlite"), "DEMO_DATA": False})
    assert app.config["SESSION_COOKIE_SECURE"] is True
    response = app.test_client().get("/login")
    assert "Strict-Transport-Security" in response.headers


def test_no_stack_trace_to_clients(tmp_path):
    app = make_app(tmp_path / "b.sqlite", PROPAGATE_EXCEPTIONS=False)

    @app.get("/api/v1/__boom")
    def boom():
        raise RuntimeError("secret internals")
    response = app.test_client().get("/api/v1/__boom")
    assert response.status_code == 500
    assert b"secret internals" not in response.data and b"Traceback" not in response.data


def test_access_log_drops_query_strings(caplog):
    from webapp.security import _PathOnly
    record = logging.LogRecord("werkzeug", logging.INFO, __file__, 1, '%s "%s" %s %s',
                               ("127.0.0.1", "GET /check?text=my+secret+draft HTTP/1.1", "200", "-"),
                               None)
    _PathOnly().filter(record)
    assert "secret" not in record.getMessage() and "GET /check HTTP/1.1" in record.getMessage()


def test_logs_never_hold_message_text_or_passwords(tmp_path, caplog):
    from web_helpers import api_token, bearer, login, make_user
    app = make_app(tmp_path / "logs.sqlite", PROPAGATE_EXCEPTIONS=False)
    make_user(app, "editor1", "editor")
    token = api_token(app, "editor1")
    sentinel, password = "SENTINEL-DRAFT-7731 about students", "wrong-password-SECRET-42"
    client = app.test_client()
    with caplog.at_level(logging.DEBUG):
        client.post("/api/v1/check", json={"text": sentinel, "sector": "education"},
                    headers=bearer(token))
        client.post("/api/v1/check", json={"text": sentinel * 5000}, headers=bearer(token))
        login(app.test_client(), "editor1", password)
        browser = app.test_client()
        login(browser, "editor1")
        browser.get(f"/check?text={sentinel}")
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "SENTINEL-DRAFT" not in logged and "SECRET-42" not in logged


def test_proxy_headers_trusted_only_when_configured(tmp_path):
    from flask import request
    for hops, expected in ((0, "127.0.0.1"), (1, "203.0.113.9")):
        app = make_app(tmp_path / f"p{hops}.sqlite", PROXY_HOPS=hops)
        seen = []
        app.before_request(lambda: seen.append(request.remote_addr))
        app.test_client().get("/api/v1/openapi.json",
                              headers={"X-Forwarded-For": "203.0.113.9"})
        assert seen == [expected]
