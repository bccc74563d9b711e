"""Configuration: defaults, then ``instance/config.py``, then ``FRAMING_*`` environment.

The database lives in the instance folder by default (``instance/framing.sqlite``).
"""
from __future__ import annotations

import os
import secrets
from pathlib import Path

DEFAULT_SECRET = "dev-only-secret-change-me"


class Defaults:
    SECRET_KEY = DEFAULT_SECRET
    DATABASE = ""                      # empty: <instance>/framing.sqlite
    DEMO_DATA = True                   # seed demo profiles and pitches on first run
    MAX_TEXT_CHARS = 100_000           # longer drafts get 413
    MAX_CONTENT_LENGTH = 2 * 1024 * 1024
    LOGIN_ATTEMPTS = 5                 # failed sign-ins allowed per window
    LOGIN_WINDOW_SECONDS = 300
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    WTF_CSRF_TIME_LIMIT = None         # tokens last for the session
    FRAMING_MODEL = ""                 # empty: the engine default
    FRAMING_LEXICONS = ""
    TESTING = False
    READ_ONLY = False                  # maintenance mode: pages work, saves are refused
    DATABASE_MAX_PAGES = 0             # size cap in SQLite pages (4 KiB each); 0 = none
    ENV_NAME = "development"           # "production" refuses weak settings (webapp/security.py)
    ALLOWED_HOSTS = ""                 # comma-separated host names; empty allows any
    PROXY_HOPS = 0                     # reverse proxies in front of the app (X-Forwarded-*)


ENV_KEYS = {
    "FRAMING_SECRET_KEY": ("SECRET_KEY", str),
    "FRAMING_DATABASE": ("DATABASE", str),
    "FRAMING_DEMO_DATA": ("DEMO_DATA", lambda v: v.lower() not in ("0", "false", "no")),
    "FRAMING_MAX_CHARS": ("MAX_TEXT_CHARS", int),
    "FRAMING_MODEL": ("FRAMING_MODEL", str),
    "FRAMING_LEXICONS": ("FRAMING_LEXICONS", str),
    "FRAMING_SECURE_COOKIES": ("SESSION_COOKIE_SECURE", lambda v: v.lower() in ("1", "true", "yes")),
    "FRAMING_ENV": ("ENV_NAME", str),
    "FRAMING_READ_ONLY": ("READ_ONLY", lambda v: v.lower() in ("1", "true", "yes")),
    "FRAMING_DATABASE_MAX_PAGES": ("DATABASE_MAX_PAGES", int),
    "FRAMING_ALLOWED_HOSTS": ("ALLOWED_HOSTS", str),
    "FRAMING_PROXY_HOPS": ("PROXY_HOPS", int),
}


def load_config(app, overrides: dict | None = None) -> None:
    """Apply defaults, the instance file, the environment, then ``overrides``."""
    app.config.from_object(Defaults)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    app.config.from_pyfile("config.py", silent=True)
    for env_name, (key, convert) in ENV_KEYS.items():
        if env_name in os.environ:
            app.config[key] = convert(os.environ[env_name])
    if overrides:
        app.config.update(overrides)
    if not app.config["DATABASE"]:
        app.config["DATABASE"] = str(Path(app.instance_path) / "framing.sqlite")
    if (app.config["SECRET_KEY"] == DEFAULT_SECRET and not app.config["TESTING"]
            and app.config["ENV_NAME"] != "production"):
        # A development server gets a random key kept in the instance folder,
        # so sessions survive restarts without a shared, guessable default.
        key_file = Path(app.instance_path) / "secret_key"
        if not key_file.exists():
            key_file.write_text(secrets.token_hex(32))
            key_file.chmod(0o600)
        app.config["SECRET_KEY"] = key_file.read_text().strip()
