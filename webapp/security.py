"""Response headers, allowed hosts and production-mode safety checks.

* Content-Security-Policy without inline script or style, frame denial,
  ``X-Content-Type-Options: nosniff``, no referrer leaks, no caching of
  signed-in pages.
* ``FRAMING_ALLOWED_HOSTS`` (comma-separated): requests for other hosts get
  400, so a stray DNS name cannot reach the app.
* In production (``FRAMING_ENV=production``) the app refuses to start with
  the default, a short or a guessable secret key, and session cookies are Secure.
* Werkzeug's request log keeps the path only, never the query string
  (which could carry draft text), and never a partner link's token.
"""
from __future__ import annotations

import logging

from flask import Flask, abort, request

from .access_log import RedactArgs
from .config import DEFAULT_SECRET

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
       "base-uri 'none'; object-src 'none'")
MIN_SECRET_LENGTH = 32


class UnsafeConfiguration(RuntimeError):
    """The app must not start like this (e.g. production with the default secret)."""


GENERATE_SECRET = "python -c 'import secrets; print(secrets.token_hex(32))'"
# A random hex key of 32+ characters practically always uses 8 or more of its 16
# symbols (fewer: under one in a million); a hand-typed key often does not.
MIN_DISTINCT_CHARACTERS = 8
MAX_REPEAT_SHARE = 0.8      # a shift at which this share of characters repeat: a pattern
MAX_SEQUENCE_SHARE = 0.8    # this share of neighbours one apart ("abcd", "9876"): a run


def secret_problem(secret: str) -> str | None:
    """Why ``secret`` is too weak to sign production sessions, or None if it looks random.

    Length alone is not enough: "a" * 40 is long and trivially guessable. This
    refuses the default, short keys, keys made of few different characters,
    keys that repeat a pattern ("Password123!Password123!...") and runs of
    consecutive characters ("abcdef...", "0123..."). It cannot prove a key
    random; it catches the keys people type by hand.
    """
    if not secret or secret == DEFAULT_SECRET:
        return "it is not set"
    n = len(secret)
    if n < MIN_SECRET_LENGTH:
        return f"it is {n} characters long; use at least {MIN_SECRET_LENGTH}"
    distinct = len(set(secret))
    if distinct < MIN_DISTINCT_CHARACTERS:
        return f"it uses only {distinct} different character{'s' if distinct != 1 else ''}"
    for shift in range(1, n // 2 + 1):
        same = sum(1 for a, b in zip(secret, secret[shift:]) if a == b)
        if same >= MAX_REPEAT_SHARE * (n - shift):
            return f"it repeats a pattern of {shift} characters"
    steps = sum(1 for a, b in zip(secret, secret[1:]) if abs(ord(a) - ord(b)) == 1)
    if steps >= MAX_SEQUENCE_SHARE * (n - 1):
        return "it is a run of consecutive characters"
    return None


def check_production(app: Flask) -> None:
    """Refuse to run in production with a weak configuration."""
    if app.config.get("ENV_NAME") != "production":
        return
    problem = secret_problem(app.config.get("SECRET_KEY") or "")
    if problem:
        raise UnsafeConfiguration(
            f"FRAMING_SECRET_KEY is too weak for production: {problem}. Set it to a random "
            f"value of at least {MIN_SECRET_LENGTH} characters, generated with: "
            f"{GENERATE_SECRET}")
    app.config["SESSION_COOKIE_SECURE"] = True


class _PathOnly(RedactArgs):
    """Strip query strings and link tokens from Werkzeug's access log lines."""


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
    # The app's own logger too: error handlers name the request path, and a partner
    # link's path is its token.
    app.logger.addFilter(RedactArgs())
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
