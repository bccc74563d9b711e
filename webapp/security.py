"""Response headers, allowed hosts and production-mode safety checks.

* Content-Security-Policy without inline script or style, frame denial,
  ``X-Content-Type-Options: nosniff``, no referrer leaks, no caching of
  signed-in pages.
* ``FRAMING_ALLOWED_HOSTS`` (comma-separated): requests for other hosts get
  400, so a stray DNS name cannot reach the app.
* In production (``FRAMING_ENV=production``) the app refuses to start with
  the default or a short secret key, and session cookies are Secure.
* Werkzeug's request log keeps the path only, never the query string
  (which could carry draft text).
"""
from __future__ import annotations

import logging

from flask import Flask, abort, request

from .config import DEFAULT_SECRET

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
       "base-uri 'none'; object-src 'none'")
MIN_SECRET_LENGTH = 32


class UnsafeConfiguration(RuntimeError):
    """The app must not start like this (e.g. production with the default secret)."""


def check_production(app: Flask) -> None:
    """Refuse to run in production with a weak configuration."""
    if app.config.get("ENV_NAME") != "production":
        return
    secret = app.config.get("SECRET_KEY") or ""
    if secret == DEFAULT_SECRET or len(secret) < MIN_SECRET_LENGTH:
        raise UnsafeConfiguration(
            "FRAMING_SECRET_KEY must be set to a random value of at least "
            f"{MIN_SECRET_LENGTH} characters in production (e.g. python -c "
            "'import secrets; print(secrets.token_hex(32))').")
    app.config["SESSION_COOKIE_SECURE"] = True


class _PathOnly(logging.Filter):
    """Strip query strings from Werkzeug's access log lines."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args and isinstance(record.args, tuple):
            record.args = tuple(_strip_query(a) if isinstance(a, str) else a for a in record.args)
        return True


def _strip_query(value: str) -> str:
    if "?" in value and value.split(" ", 1)[0] in ("GET", "POST", "PUT", "DELETE", "HEAD", "PATCH"):
        method, _, rest = value.partition(" ")
        path, _, tail = rest.partition("?")
        protocol = tail.rsplit(" ", 1)[-1] if " " in tail else ""
        return f"{method} {path} {protocol}".strip()
    return value


def init_security(app: Flask) -> None:
    """Install the header, host and logging protections on ``app``."""
    check_production(app)
    if app.config.get("PROXY_HOPS"):
        # Behind a reverse proxy: take the client address and scheme from its headers,
        # so per-address sign-in limits and Secure cookies see the real client.
        from werkzeug.middleware.proxy_fix import ProxyFix
        hops = int(app.config["PROXY_HOPS"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    logging.getLogger("werkzeug").addFilter(_PathOnly())
    allowed = [h.strip().lower() for h in app.config.get("ALLOWED_HOSTS", "").split(",") if h.strip()]

    @app.before_request
    def _check_host():
        if allowed and request.host.split(":")[0].lower() not in allowed:
            abort(400)

    @app.after_request
    def _headers(response):
        headers = response.headers
        headers.setdefault("Content-Security-Policy", CSP)
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("Referrer-Policy", "no-referrer")
        headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        if request.endpoint != "static":
            headers.setdefault("Cache-Control", "no-store")
        if app.config.get("SESSION_COOKIE_SECURE"):
            headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        return response
