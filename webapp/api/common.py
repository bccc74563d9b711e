"""What every route module of the JSON API shares: the blueprint, bearer-token
authentication, roles, the error shape and the input helpers.

The blueprint is made per app by :func:`make_blueprint`; each route module
(:mod:`.profiles`, :mod:`.checks`, :mod:`.pitches`, :mod:`.reference`,
:mod:`.reframe`, :mod:`.campaigns`, :mod:`.compare`) declares its routes on a
:class:`Routes` table and adds them with its ``register(bp)``, called by the app
factory. Errors: ``{"error": {"message", "field"?}}``.
"""
from __future__ import annotations

from dataclasses import asdict, is_dataclass
from functools import wraps
from typing import Any, Callable

from flask import Blueprint, current_app, g, request

from framing.engine import KINDS, InputError, TextTooLarge
from framing.lexicon import get_lexicons
from framing.safe_json import JsonInputError
from framing.services.checking import UnusableProfile, check_draft
from framing.services.limits import TextTooLong, check_length
from framing.store.accounts import AccountStore, TokenRefused
from framing.store.ignored_rules import IgnoredRuleStore
from framing.store.pitches import PitchNotFound
from framing.store.profiles import (ProfileNotFound, ProfileStore, ProfileValidationError,
                                    StaleEdit)
from framing.validation import as_validation_error

from ..auth import can
from ..errors import api_error
from ..extensions import csrf, get_analyzer, get_db
from .body import read_json_object, top_field

URL_PREFIX = "/api/v1"
SQLITE_MIN_INT, SQLITE_MAX_INT = -(2 ** 63), 2 ** 63 - 1
VERBS = {"read": "read", "edit": "create or change", "check": "run checks"}


class ApiError(Exception):
    """Raised by a view to answer with a JSON error."""

    def __init__(self, status: int, message: str, field: str | None = None, **extra):
        super().__init__(message)
        self.status, self.message, self.field, self.extra = status, message, field, extra


class Routes:
    """The routes and error handlers a module declares, added to the API blueprint when
    the app factory calls the module's ``register(bp)``.

    Used like a blueprint (``@routes.get("/sectors")``), so each module reads as
    before, but nothing is added to any blueprint by importing it.
    """

    def __init__(self) -> None:
        self.rules: list[tuple[str, Callable, list[str]]] = []
        self.handlers: list[tuple[type, Callable]] = []

    def route(self, rule: str, methods: list[str]):
        """Declare ``rule`` for the decorated view (endpoint: the function's name)."""
        def decorate(view):
            self.rules.append((rule, view, methods))
            return view
        return decorate

    def get(self, rule: str):
        """Declare a GET route."""
        return self.route(rule, ["GET"])

    def post(self, rule: str):
        """Declare a POST route."""
        return self.route(rule, ["POST"])

    def put(self, rule: str):
        """Declare a PUT route."""
        return self.route(rule, ["PUT"])

    def delete(self, rule: str):
        """Declare a DELETE route."""
        return self.route(rule, ["DELETE"])

    def error(self, exc_type: type, handler: Callable) -> None:
        """Answer ``exc_type`` raised by any API view with ``handler``."""
        self.handlers.append((exc_type, handler))

    def register(self, bp: Blueprint) -> None:
        """Add every declared route and error handler to ``bp``."""
        for rule, view, methods in self.rules:
            bp.add_url_rule(rule, view_func=view, methods=methods)
        for exc_type, handler in self.handlers:
            bp.register_error_handler(exc_type, handler)


def make_blueprint() -> Blueprint:
    """A new ``api`` blueprint with authentication and the shared error handlers, but no
    routes: the app factory adds them with each route module's ``register(bp)``."""
    bp = Blueprint("api", __name__, url_prefix=URL_PREFIX)
    csrf.exempt(bp)
    bp.before_request(authenticate)
    bp.register_error_handler(ApiError, answer_api_error)
    bp.register_error_handler(ProfileValidationError,
                              lambda exc: api_error(400, exc.message, exc.field or None))
    for missing in (ProfileNotFound, PitchNotFound):
        bp.register_error_handler(missing, lambda exc: api_error(404, str(exc)))
    bp.register_error_handler(StaleEdit, lambda exc: api_error(
        409, "The profile was saved by someone else since you loaded it. GET it again, "
             "reapply your change and send the new version.", "version",
        current_version=exc.current_version))
    return bp


def answer_api_error(exc: ApiError):
    """The JSON error response for an :class:`ApiError` (with a challenge on 401)."""
    headers = {"WWW-Authenticate": 'Bearer realm="framing"'} if exc.status == 401 else None
    return api_error(exc.status, exc.message, exc.field, headers=headers, **exc.extra)


def body_limit() -> int:
    """Largest request body accepted: the text limit at worst-case JSON escaping, plus room."""
    limit = current_app.config["MAX_TEXT_CHARS"] * 6 + 64 * 1024
    app_limit = current_app.config.get("MAX_CONTENT_LENGTH")
    return min(limit, app_limit) if app_limit else limit


def authenticate():
    """Reject oversized bodies, then require a valid bearer token (sets ``g.user``)."""
    limit = body_limit()
    request.max_content_length = limit
    if request.content_length is not None and request.content_length > limit:
        raise ApiError(413, f"The request body is larger than {limit:,} bytes.")
    g.user = None
    if request.endpoint == "api.openapi":
        return None
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(401, "Send an API token as 'Authorization: Bearer <token>' "
                            "(create one on your account page).")
    try:  # unknown, revoked or expired: the message says which
        user = AccountStore(get_db()).authenticate_token(token.strip())
    except TokenRefused as exc:
        raise ApiError(401, str(exc)) from None
    g.user = user
    return None


def requires(action: str):
    """Allow the view only for token owners who ``can(action)``; 403 otherwise."""
    def decorate(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not can(action, g.user):
                raise ApiError(403, f"The role {g.user.role!r} may not {VERBS[action]} here.")
            return view(*args, **kwargs)
        return wrapped
    return decorate


# -- input helpers ---------------------------------------------------------------------------
def json_body() -> dict:
    """The request body as a JSON object (parsed and checked by :mod:`.body`), or a 400
    naming the field at fault."""
    try:
        return read_json_object()
    except JsonInputError as exc:
        if not exc.field:
            raise ApiError(400, f"The request body is {exc.message}." if exc.kind == "depth"
                           else exc.message) from None
        if exc.kind == "unknown":  # the message names every unknown field
            raise ApiError(400, exc.message, exc.field) from None
        name = top_field(exc.field) if exc.kind == "depth" else exc.field
        raise ApiError(400, f"{exc.field!r} {exc.message}.", name) from None


def field(data: dict, name: str, kind: type, required: bool = False, default: Any = None,
          choices: tuple[str, ...] = ()):
    """``data[name]`` checked against ``kind`` and ``choices`` (400 naming the field otherwise)."""
    value = data.get(name)
    if value is None:
        if required:
            raise ApiError(400, f"{name!r} is required.", name)
        return default
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        expected = {str: "text", int: "a whole number"}.get(kind, kind.__name__)
        raise ApiError(400, f"{name!r} must be {expected}.", name)
    if kind is int and not SQLITE_MIN_INT <= value <= SQLITE_MAX_INT:
        raise ApiError(400, f"{name!r} is out of range.", name)
    if choices and value not in choices:
        raise ApiError(400, f"{name!r} must be one of {', '.join(choices)}.", name)
    return value


def message_text(data: dict) -> str:
    """The required ``text`` field, with a 413 when it is over the limit."""
    text = field(data, "text", str, required=True)
    try:
        check_length(text, current_app.config["MAX_TEXT_CHARS"])
    except TextTooLong as exc:
        raise ApiError(413, f"The text is {exc.size:,} characters; the limit is {exc.limit:,}.",
                       "text") from None
    return text


def sector_packs() -> dict:
    """Sector packs by id (the lexicon loader's cache: no spaCy needed)."""
    return get_lexicons(current_app.config["FRAMING_LEXICONS"] or None).sectors


def checked_sector(value: str | None) -> str | None:
    """``value`` if it names a sector pack (None if empty); 400 on ``sector`` otherwise."""
    if not value:
        return None
    if value not in sector_packs():
        known = ", ".join(sorted(sector_packs()))
        raise ApiError(400, f"Unknown sector {value!r} (known: {known}).", "sector")
    return value


def profiles() -> ProfileStore:
    """The profile store on this request's connection."""
    return ProfileStore(get_db(), set(sector_packs()))


def existing_profile(profile_id: int | None):
    """The stored profile for a ``profile_id`` in a body (400 if there is none)."""
    if profile_id is None:
        return None
    try:
        return profiles().get(profile_id)
    except ProfileNotFound:
        raise ApiError(400, f"There is no profile {profile_id}.", "profile_id") from None


def plain(obj: Any) -> Any:
    """A dataclass (or list of them) as JSON-ready data."""
    if isinstance(obj, list):
        return [plain(item) for item in obj]
    return asdict(obj) if is_dataclass(obj) else obj


def analyse_body(data: dict):
    """The engine's report for a request body with text, sector or profile_id, and kind."""
    text = message_text(data)
    sector = checked_sector(field(data, "sector", str))
    stored = existing_profile(field(data, "profile_id", int))
    kind = field(data, "kind", str, default="pitch", choices=KINDS)
    try:
        return check_draft(get_analyzer(), text, kind=kind, sector=sector, stored_profile=stored,
                           ignored=IgnoredRuleStore(get_db()).rules(stored.id if stored else None))
    except UnusableProfile as exc:
        raise ApiError(400, f"The stored profile cannot be used: {exc.message}",
                       "profile_id") from None
    except TextTooLarge as exc:  # over the line or token cap (engine.Analyzer.check_cost)
        raise ApiError(413, too_large_message(exc, "The text"), "text") from None
    except InputError as exc:
        raise ApiError(400, str(exc), "text") from None


def too_large_message(exc: TextTooLarge, subject: str | None = None) -> str:
    """``"<Subject> has 50,000 lines; the limit is 5,000. Split it into shorter texts."``"""
    described = exc.describe(subject)
    return f"{described[:1].upper()}{described[1:]}. Split it into shorter texts."


def store_value_error(exc: ValueError) -> ApiError:
    """A store's refusal (``ValidationError``, or ``ValueError("field: problem")``) as a
    400 naming the field."""
    error = as_validation_error(exc)
    return ApiError(400, error.message, error.field or None)
