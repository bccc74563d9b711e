"""Sign-in, first-run setup, accounts and permissions for the HTML pages.

Every HTML request loads ``g.user`` from the session; anonymous visitors are
sent to ``/login`` (or ``/setup`` while no account exists). The JSON API
(``/api/``) is not handled here: it authenticates with bearer tokens.
"""
from __future__ import annotations

import hmac
import re
from functools import wraps
from urllib.parse import urlsplit

from flask import (Blueprint, abort, current_app, flash, g, redirect, render_template,
                   request, session, url_for)
from werkzeug.routing import BuildError

from framing.store.accounts import ROLES, AccountStore

from .extensions import get_db

bp = Blueprint("auth", __name__)

PUBLIC_ENDPOINTS = {"auth.login", "auth.setup", "static", "partner_link.review"}
SAFE_NEXT = re.compile(r"/(?![/\\])[^\s\\]*")
PERMISSIONS = {
    "admin": {"*"},
    "editor": {"edit", "check", "tokens", "read"},
    "reviewer": {"check", "read"},
}


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
    user_id = session.get("user_id")
    if user_id is not None:
        store = accounts()
        user = store.get(user_id)
        stamp = store.session_stamp(user_id) if user else None
        if user and stamp and hmac.compare_digest(str(session.get("stamp", "")), stamp):
            g.user = user
        else:
            session.clear()
    if g.user is not None or request.endpoint in PUBLIC_ENDPOINTS:
        return None
    if accounts().count() == 0:
        return redirect(url_for("auth.setup"))
    return _to_login()


def _home() -> str:
    try:
        return url_for("checker.check")
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
    session.clear()
    session["user_id"] = user.id
    session["stamp"] = store.session_stamp(user.id)
    session.permanent = True


def _limited(store: AccountStore, keys: list[str]) -> bool:
    limit = current_app.config["LOGIN_ATTEMPTS"]
    window = current_app.config["LOGIN_WINDOW_SECONDS"]
    return any(store.recent_failures(key, window) >= limit for key in keys)


def _too_many(template: str, **context):
    window = current_app.config["LOGIN_WINDOW_SECONDS"]
    minutes = max(1, round(window / 60))
    error = (f"Too many failed sign-in attempts. Wait {minutes} minute"
             f"{'s' if minutes != 1 else ''} and try again.")
    response = current_app.make_response((render_template(template, error=error, **context), 429))
    response.headers["Retry-After"] = str(int(window))
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
    """Sign in with username and password (rate-limited per username and per address)."""
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
    keys = [f"user:{username.lower()}", f"addr:{request.remote_addr or 'unknown'}"]
    if _limited(store, keys):
        return _too_many("auth/login.html", username=username, next=next_url)
    user = store.authenticate(username, password)
    if user is None:
        for key in keys:
            store.record_login_attempt(key, False)
        return render_template("auth/login.html", error="Wrong username or password.",
                               username=username, next=next_url), 401
    store.record_login_attempt(keys[0], True)
    _sign_in(user, store)
    return redirect(_safe_next(next_url))


@bp.post("/logout")
def logout():
    """Sign out (POST only, with the CSRF token)."""
    session.clear()
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
        session["stamp"] = store.session_stamp(g.user.id)  # other sessions are signed out
        flash("Your password is changed.", "success")
        return redirect(url_for("auth.account"))
    if action in ("create_token", "revoke_token") and not can("tokens"):
        abort(403)
    if action == "create_token":
        try:
            plaintext, token = store.create_token(g.user.id, request.form.get("label", ""))
        except ValueError as exc:
            return _account_page(400, error=str(exc))
        return _account_page(201, new_token=plaintext, new_token_label=token.label)
    if action == "revoke_token":
        token_id = request.form.get("token_id", type=int)
        if token_id is None or not store.revoke_token(g.user.id, token_id):
            return _account_page(404, error="No such token.")
        flash("The token is revoked.", "success")
        return redirect(url_for("auth.account"))
    return _account_page(400, error="Unknown action.")


def _users_page(status: int = 200, **context):
    return render_template("auth/users.html", users=accounts().list(), **context), status


@bp.route("/users", methods=["GET", "POST"])
@roles_required("admin")
def users():
    """Admins: list accounts, create one with a role, change roles, delete."""
    if request.method == "GET":
        return _users_page()
    store = accounts()
    action = request.form.get("action", "")
    user_id = request.form.get("user_id", type=int)
    try:
        if action == "create":
            user = store.create(request.form.get("username", ""),
                                request.form.get("password", ""), request.form.get("role", ""))
            flash(f"Account {user.username!r} created ({user.role}).", "success")
        elif action == "role" and user_id is not None:
            user = store.set_role(user_id, request.form.get("role", ""))
            flash(f"{user.username!r} is now {user.role}.", "success")
        elif action == "delete" and user_id is not None:
            if user_id == g.user.id:
                raise ValueError("You cannot delete your own account.")
            store.delete(user_id)
            flash("The account is deleted.", "success")
        else:
            raise ValueError("Unknown action.")
    except ValueError as exc:
        return _users_page(400, error=str(exc), form=request.form)
    return redirect(url_for("auth.users"))
