"""Sign-in, first-run setup, accounts and permissions for the HTML pages.

Every HTML request loads ``g.user`` from the session (checked against its
server-side record, ``web_sessions.py``); anonymous visitors are sent to
``/login`` (or ``/setup`` while no account exists). Sign-in is throttled per
username and address (``sign_in_throttle.py``). The JSON API (``/api/``) is not
handled here: it authenticates with bearer tokens. The admins' users page is
in ``auth_users.py``.
"""
from __future__ import annotations

import re
from functools import wraps
from urllib.parse import urlsplit

from flask import (Blueprint, abort, current_app, flash, g, redirect, render_template,
                   request, session, url_for)
from werkzeug.routing import BuildError

from framing.store.accounts import ROLES, AccountStore
from framing.store.passwords import dummy_hash
from framing.store.sign_in_log import SignInLog

from . import web_sessions
from .extensions import get_db
from .sign_in_throttle import SignInThrottle, failures_notice, retry_after

bp = Blueprint("auth", __name__)

PUBLIC_ENDPOINTS = {"auth.login", "auth.setup", "static", "partner_link.review"}
SAFE_NEXT = re.compile(r"/(?![/\\])[^\s\\]*")
PERMISSIONS = {
    "admin": {"*"},
    "editor": {"edit", "check", "tokens", "read"},
    "reviewer": {"check", "read"},
}


@bp.record_once
def _prepare_dummy_hash(state) -> None:
    """Make the hash checked for unknown usernames now, not on the first such sign-in.

    Made lazily, the first unknown username of a worker would cost two scrypt
    computations against one for a known name: a timing tell that the name does
    not exist.
    """
    dummy_hash()


def accounts() -> AccountStore:
    """The account store over this request's database connection."""
    return AccountStore(get_db())


def can(action: str, user=None) -> bool:
    """Whether ``user`` (default: the signed-in user) may do ``action``."""
    user = user if user is not None else g.get("user")
    if user is None:
        return False
    allowed = PERMISSIONS.get(user.role, set())
    return "*" in allowed or action in allowed


def _to_login():
    if request.method == "GET":
        target = request.full_path.rstrip("?")
        return redirect(url_for("auth.login", next=target))
    return redirect(url_for("auth.login"))


def login_required(view):
    """Send anonymous visitors to the sign-in page."""
    @wraps(view)
    def wrapped(*args, **kwargs):
        if g.get("user") is None:
            return _to_login()
        return view(*args, **kwargs)
    return wrapped


def roles_required(*roles: str):
    """Allow only signed-in users with one of ``roles``; others get a 403 page."""
    def decorate(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if g.get("user") is None:
                return _to_login()
            if g.user.role not in roles:
                abort(403)
            return view(*args, **kwargs)
        return wrapped
    return decorate


def permission_required(action: str):
    """Allow only signed-in users who ``can(action)``; others get a 403 page."""
    def decorate(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if g.get("user") is None:
                return _to_login()
            if not can(action):
                abort(403)
            return view(*args, **kwargs)
        return wrapped
    return decorate


@bp.app_context_processor
def _template_helpers() -> dict:
    return {"can": can, "ROLES": ROLES}


@bp.before_app_request
def load_user():
    """Load ``g.user`` from the session; redirect anonymous HTML requests."""
    g.user = None
    if request.path.startswith("/api/") or request.endpoint == "static":
        return None
    if session.get("user_id") is not None:
        g.user = web_sessions.current_user(accounts())
    if g.user is not None or request.endpoint in PUBLIC_ENDPOINTS:
        return None
    if accounts().count() == 0:
        return redirect(url_for("auth.setup"))
    return _to_login()


def _home() -> str:
    try:
        return url_for("start.index")
    except BuildError:
        return "/"


def _safe_next(target: str | None) -> str:
    """``target`` if it is a path on this site, else the home page (no open redirects)."""
    # Browsers drop tabs and newlines and treat a backslash as "/": "/\t/x" means "//x".
    if target and SAFE_NEXT.fullmatch(target) and not urlsplit(target).netloc:
        return target
    return _home()


def _sign_in(user, store: AccountStore) -> None:
    """Start a fresh session for ``user`` (nothing carried over: no fixation)."""
    web_sessions.start(user, store)


def _limited(store: AccountStore, keys: list[str]) -> bool:
    limit = current_app.config["LOGIN_ATTEMPTS"]
    window = current_app.config["LOGIN_WINDOW_SECONDS"]
    return any(store.recent_failures(key, window) >= limit for key in keys)


def _too_many(template: str, wait: float | None = None, **context):
    seconds = retry_after(current_app.config["LOGIN_WINDOW_SECONDS"] if wait is None else wait)
    amount = (f"{seconds} second{'s' if seconds != 1 else ''}" if seconds < 120
              else f"{round(seconds / 60)} minutes")
    error = f"Too many failed sign-in attempts. Wait {amount} and try again."
    response = current_app.make_response((render_template(template, error=error, **context), 429))
    response.headers["Retry-After"] = str(seconds)
    return response


@bp.route("/setup", methods=["GET", "POST"])
def setup():
    """First run: create the admin account. Refused once any account exists."""
    store = accounts()
    if store.count() > 0:
        if request.method == "POST":
            abort(403, description="Setup is already complete: sign in with an existing account.")
        flash("Setup is already complete: sign in.", "info")
        return redirect(url_for("auth.login"))
    if request.method == "GET":
        return render_template("auth/setup.html")
    username = request.form.get("username", "")
    password = request.form.get("password", "")
    if password != request.form.get("confirm", ""):
        return render_template("auth/setup.html", error="The two passwords differ.",
                               username=username), 400
    try:
        user = store.create_first_admin(username, password)
    except ValueError as exc:
        return render_template("auth/setup.html", error=str(exc), username=username), 400
    _sign_in(user, store)
    flash(f"Welcome, {user.username}. Your admin account is ready.", "success")
    return redirect(_home())


@bp.route("/login", methods=["GET", "POST"])
def login():
    """Sign in with username and password (throttled per username and address together)."""
    store = accounts()
    if store.count() == 0:
        return redirect(url_for("auth.setup"))
    next_url = request.values.get("next", "")
    if request.method == "GET":
        if g.user is not None:
            return redirect(_safe_next(next_url))
        return render_template("auth/login.html", next=next_url)
    username = request.form.get("username", "").strip()
    password = request.form.get("password", "")
    address = request.remote_addr or "unknown"
    throttle = SignInThrottle(SignInLog(store.db))
    wait, reserved = throttle.reserve(username, address)
    if wait > 0:  # refused before the password is checked: not counted as a guess
        return _too_many("auth/login.html", wait, username=username, next=next_url)
    user = store.authenticate(username, password)
    if user is None:
        if reserved is None:  # not counted in advance (the database takes no writes)
            throttle.failed(username, address)
        return render_template("auth/login.html", error="Wrong username or password.",
                               username=username, next=next_url), 401
    notice = failures_notice(throttle.succeeded(username, address, reserved))
    _sign_in(user, store)
    if notice:
        flash(notice, "warning")  # shown once, on the next page
    return redirect(_safe_next(next_url))


@bp.post("/logout")
def logout():
    """Sign out (POST only, with the CSRF token): this session ends on the server too."""
    web_sessions.end()
    flash("You are signed out.", "info")
    return redirect(url_for("auth.login"))


def _account_page(status: int = 200, **context):
    tokens = accounts().tokens(g.user.id) if can("tokens") else []
    response = current_app.make_response(
        (render_template("auth/account.html", tokens=tokens, **context), status))
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/account", methods=["GET", "POST"])
@login_required
def account():
    """Change your password; create and revoke API tokens (editors and admins)."""
    if request.method == "GET":
        return _account_page()
    store = accounts()
    action = request.form.get("action", "")
    if action == "password":
        key = f"user:{g.user.username.lower()}"
        if _limited(store, [key]):
            return _too_many("auth/account.html", tokens=store.tokens(g.user.id))
        if store.authenticate(g.user.username, request.form.get("current", "")) is None:
            store.record_login_attempt(key, False)
            return _account_page(400, error="Your current password is not correct.")
        new = request.form.get("password", "")
        if new != request.form.get("confirm", ""):
            return _account_page(400, error="The two new passwords differ.")
        try:
            store.set_password(g.user.id, new)
        except ValueError as exc:
            return _account_page(400, error=str(exc))
        web_sessions.end_others(g.user.id, store)  # this browser stays signed in
        tokens = " and your API tokens are revoked" if can("tokens") else ""
        flash(f"Your password is changed. Your other sessions are signed out{tokens}.",
              "success")
        return redirect(url_for("auth.account"))
    if action in ("create_token", "revoke_token") and not can("tokens"):
        abort(403)
    if action == "create_token":
        try:
            plaintext, token = store.create_token(g.user.id, request.form.get("label", ""),
                                                  days=current_app.config["API_TOKEN_DAYS"])
        except ValueError as exc:
            return _account_page(400, error=str(exc))
        return _account_page(201, new_token=plaintext, new_token_label=token.label,
                             new_token_expires=token.expires_at)
    if action == "revoke_token":
        token_id = request.form.get("token_id", type=int)
        if token_id is None or not store.revoke_token(g.user.id, token_id):
            return _account_page(404, error="No such token.")
        flash("The token is revoked.", "success")
        return redirect(url_for("auth.account"))
    return _account_page(400, error="Unknown action.")
