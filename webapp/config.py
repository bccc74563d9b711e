"""Configuration: defaults, then ``instance/config.py``, then ``FRAMING_*`` environment.

The database lives in the instance folder by default (``instance/framing.sqlite``).
"""
from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

from framing.settings import DEFAULT_MAX_CHARS

DEFAULT_SECRET = "dev-only-secret-change-me"


class Defaults:
    SECRET_KEY = DEFAULT_SECRET
    DATABASE = ""                      # empty: <instance>/framing.sqlite
    DEMO_DATA = True                   # seed demo profiles and pitches on first run
    MAX_TEXT_CHARS = DEFAULT_MAX_CHARS  # longer drafts get 413
    MAX_TEXT_LINES = 5_000             # more lines get 413 (each line is a sentence to check)
    MAX_TEXT_TOKENS = 30_000           # more words and punctuation marks get 413 (parse time)
    ANALYSIS_RATE_LIMIT = 300          # analyses per user per window (rate_limit.py); 0 = none
    ANALYSIS_RATE_WINDOW_SECONDS = 60
    MAX_CONTENT_LENGTH = 6 * 1024 * 1024   # a request, uploads included
    MAX_UPLOAD_BYTES = 5 * 1024 * 1024     # a draft opened from a file (.docx, .md, .txt)
    LOGIN_ATTEMPTS = 5                 # failures per (username, address) before sign-in delays
    LOGIN_DELAY_SECONDS = 30           # first delay; doubles with each further failure
    LOGIN_MAX_DELAY_SECONDS = 900      # longest delay
    LOGIN_SPRAY_FAILURES = 30          # usernames failed from one address that mean spraying
    LOGIN_SPRAY_WINDOW_SECONDS = 3600
    LOGIN_WINDOW_SECONDS = 300         # wrong current passwords on the account page: per window
    SESSION_IDLE_HOURS = 8             # a session unused this long ends
    SESSION_MAX_DAYS = 7               # a session ends this long after sign-in, used or not
    API_TOKEN_DAYS = 90                # an API token's lifetime
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
    PARTNER_LINK_DAYS = 14             # how long a partner approval link works
    APPROVER_NOT_AUTHOR = True         # who saved a piece's current version may not approve it
    PARTNERS_APPROVE_FIRST = True      # internal approval waits for co-sponsors' and messengers'
    ORG_NAME = ""                      # your organization, named to partners on approval pages


ENV_KEYS = {
    "FRAMING_SECRET_KEY": ("SECRET_KEY", str),
    "FRAMING_ORG_NAME": ("ORG_NAME", str),
    "FRAMING_DATABASE": ("DATABASE", str),
    "FRAMING_DEMO_DATA": ("DEMO_DATA", lambda v: v.lower() not in ("0", "false", "no")),
    "FRAMING_MAX_CHARS": ("MAX_TEXT_CHARS", int),
    "FRAMING_MAX_LINES": ("MAX_TEXT_LINES", int),
    "FRAMING_MAX_TOKENS": ("MAX_TEXT_TOKENS", int),
    "FRAMING_ANALYSIS_RATE_LIMIT": ("ANALYSIS_RATE_LIMIT", int),
    "FRAMING_ANALYSIS_RATE_WINDOW": ("ANALYSIS_RATE_WINDOW_SECONDS", int),
    "FRAMING_MODEL": ("FRAMING_MODEL", str),
    "FRAMING_LEXICONS": ("FRAMING_LEXICONS", str),
    "FRAMING_SECURE_COOKIES": ("SESSION_COOKIE_SECURE", lambda v: v.lower() in ("1", "true", "yes")),
    "FRAMING_ENV": ("ENV_NAME", str),
    "FRAMING_READ_ONLY": ("READ_ONLY", lambda v: v.lower() in ("1", "true", "yes")),
    "FRAMING_DATABASE_MAX_PAGES": ("DATABASE_MAX_PAGES", int),
    "FRAMING_ALLOWED_HOSTS": ("ALLOWED_HOSTS", str),
    "FRAMING_PROXY_HOPS": ("PROXY_HOPS", int),
    "FRAMING_SESSION_IDLE_HOURS": ("SESSION_IDLE_HOURS", float),
    "FRAMING_SESSION_MAX_DAYS": ("SESSION_MAX_DAYS", float),
    "FRAMING_API_TOKEN_DAYS": ("API_TOKEN_DAYS", float),
    "FRAMING_LOGIN_ATTEMPTS": ("LOGIN_ATTEMPTS", int),
    "FRAMING_LOGIN_DELAY_SECONDS": ("LOGIN_DELAY_SECONDS", float),
    "FRAMING_LOGIN_MAX_DELAY_SECONDS": ("LOGIN_MAX_DELAY_SECONDS", float),
    "FRAMING_LOGIN_SPRAY_FAILURES": ("LOGIN_SPRAY_FAILURES", int),
    "FRAMING_PARTNER_LINK_DAYS": ("PARTNER_LINK_DAYS", int),
    "FRAMING_PARTNERS_APPROVE_FIRST": ("PARTNERS_APPROVE_FIRST",
                                       lambda v: v.lower() not in ("0", "false", "no")),
    "FRAMING_MAX_UPLOAD_MB": ("MAX_UPLOAD_BYTES", lambda v: int(float(v) * 1024 * 1024)),
    "FRAMING_APPROVER_NOT_AUTHOR": ("APPROVER_NOT_AUTHOR",
                                    lambda v: v.lower() not in ("0", "false", "no")),
}

# Sign-in and token settings that must be positive numbers: zero or less would end
# every session at once, make tokens that never work, or switch throttling off.
POSITIVE = ("SESSION_IDLE_HOURS", "SESSION_MAX_DAYS", "API_TOKEN_DAYS", "LOGIN_ATTEMPTS",
            "LOGIN_DELAY_SECONDS", "LOGIN_MAX_DELAY_SECONDS", "LOGIN_SPRAY_FAILURES",
            "LOGIN_SPRAY_WINDOW_SECONDS", "LOGIN_WINDOW_SECONDS", "PARTNER_LINK_DAYS",
            "MAX_UPLOAD_BYTES")


def check_positive(config) -> None:
    """Refuse a non-positive or non-numeric sign-in setting, naming it."""
    for key in POSITIVE:
        value = config[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
            raise ValueError(f"The setting {key} must be a number above 0, not {value!r}.")


def load_config(app, overrides: dict | None = None) -> None:
    """Apply defaults, the instance file, the environment, then ``overrides``."""
    app.config.from_object(Defaults)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    # An absolute path: a relative one is resolved against the app's package
    # (webapp/), which silently loaded webapp/config.py instead of the instance file.
    app.config.from_pyfile(str(Path(app.instance_path) / "config.py"), silent=True)
    for env_name, (key, convert) in ENV_KEYS.items():
        if env_name in os.environ:
            try:
                app.config[key] = convert(os.environ[env_name])
            except ValueError:  # name the variable, not just the bad text
                raise ValueError(f"{env_name}={os.environ[env_name]!r} is not a valid value."
                                 ) from None
    if overrides:
        app.config.update(overrides)
    check_positive(app.config)
    # A request carries the upload and the form around it: never less room than that.
    app.config["MAX_CONTENT_LENGTH"] = max(app.config["MAX_CONTENT_LENGTH"] or 0,
                                           app.config["MAX_UPLOAD_BYTES"] + 1024 * 1024)
    from .rate_limit import check_settings as check_rate_settings
    check_rate_settings(app.config)
    # The cookie's own expiry follows the absolute session timeout (Flask's default: 31 days).
    app.config["PERMANENT_SESSION_LIFETIME"] = timedelta(days=app.config["SESSION_MAX_DAYS"])
    if not app.config["DATABASE"]:
        app.config["DATABASE"] = str(Path(app.instance_path) / "framing.sqlite")
    if (app.config["SECRET_KEY"] == DEFAULT_SECRET and not app.config["TESTING"]
            and app.config["ENV_NAME"] != "production"):
        # A development server gets a random key kept in the instance folder,
        # so sessions survive restarts without a shared, guessable default.
        key_file = Path(app.instance_path) / "secret_key"
        try:
            # Created owner-only from the start, never readable even for a moment.
            fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w") as out:
                out.write(secrets.token_hex(32))
        app.config["SECRET_KEY"] = key_file.read_text().strip()
