"""The JSON API (``/api/v1``): profiles, checks, pitches and sectors, with bearer tokens.

Every endpoint but ``openapi.json`` needs ``Authorization: Bearer <token>`` (made on the
account page). Errors: ``{"error": {"message", "field"?}}``. Described in ``openapi.py``.
"""
from __future__ import annotations

from dataclasses import asdict, is_dataclass
from functools import wraps
from typing import Any

from flask import Blueprint, current_app, g, jsonify, request, url_for

from framing.engine import KINDS, InputError, TextTooLarge
from framing.lexicon import get_lexicons
from framing.profile import ProfileError
from framing.safe_json import JsonInputError
from framing.store.accounts import AccountStore, TokenRefused
from framing.store.pitches import PitchNotFound, PitchStore
from framing.store.profiles import (ProfileNotFound, ProfileStore, ProfileValidationError,
                                    StaleEdit)

from .api_body import read_json_object, top_field
from .auth import can
from .errors import api_error
from .extensions import csrf, get_analyzer, get_db
from .openapi import build_spec
from .rate_limit import analysis_limited

bp = Blueprint("api", __name__, url_prefix="/api/v1")
csrf.exempt(bp)

SQLITE_MIN_INT, SQLITE_MAX_INT = -(2 ** 63), 2 ** 63 - 1
VERBS = {"read": "read", "edit": "create or change", "check": "run checks"}


class ApiError(Exception):
    """Raised by a view to answer with a JSON error."""

    def __init__(self, status: int, message: str, field: str | None = None, **extra):
        super().__init__(message)
        self.status, self.message, self.field, self.extra = status, message, field, extra


@bp.errorhandler(ApiError)
def _api_error(exc: ApiError):
    headers = {"WWW-Authenticate": 'Bearer realm="framing"'} if exc.status == 401 else None
    return api_error(exc.status, exc.message, exc.field, headers=headers, **exc.extra)


bp.register_error_handler(ProfileValidationError,
                          lambda exc: api_error(400, exc.message, exc.field or None))
for _missing in (ProfileNotFound, PitchNotFound):
    bp.register_error_handler(_missing, lambda exc: api_error(404, str(exc)))
bp.register_error_handler(StaleEdit, lambda exc: api_error(
    409, "The profile was saved by someone else since you loaded it. GET it again, reapply "
         "your change and send the new version.", "version", current_version=exc.current_version))


def body_limit() -> int:
    """Largest request body accepted: the text limit at worst-case JSON escaping, plus room."""
    limit = current_app.config["MAX_TEXT_CHARS"] * 6 + 64 * 1024
    app_limit = current_app.config.get("MAX_CONTENT_LENGTH")
    return min(limit, app_limit) if app_limit else limit


@bp.before_request
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
    """The request body as a JSON object (parsed and checked by ``api_body``), or a 400
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
    limit = current_app.config["MAX_TEXT_CHARS"]
    if len(text) > limit:
        raise ApiError(413, f"The text is {len(text):,} characters; the limit is {limit:,}.",
                       "text")
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


# -- profiles --------------------------------------------------------------------------------
@bp.get("/profiles")
@requires("read")
def list_profiles():
    """Profile summaries, filtered by ``sector``, ``tag`` and text ``q``."""
    sector = checked_sector(request.args.get("sector") or None)
    items = profiles().list(sector=sector, tag=request.args.get("tag") or None,
                            q=request.args.get("q") or None)
    return jsonify({"profiles": plain(items)})


@bp.post("/profiles")
@requires("edit")
def create_profile():
    """Create a profile from a full document."""
    profile = profiles().create(json_body(), g.user.username)
    return jsonify(profile.to_dict()), 201, {
        "Location": url_for("api.get_profile", profile_id=profile.id)}


@bp.get("/profiles/<int:profile_id>")
@requires("read")
def get_profile(profile_id: int):
    """One profile document."""
    return jsonify(profiles().get(profile_id).to_dict())


@bp.put("/profiles/<int:profile_id>")
@requires("edit")
def update_profile(profile_id: int):
    """Replace a profile; send the ``version`` you loaded to get a 409 on a conflict."""
    data = json_body()
    version = field(data, "version", int)  # the store ignores id, version and timestamps
    profile = profiles().update(profile_id, data, g.user.username, expected_version=version)
    return jsonify(profile.to_dict())


@bp.delete("/profiles/<int:profile_id>")
@requires("edit")
def delete_profile(profile_id: int):
    """Delete a profile and its history."""
    profiles().delete(profile_id)
    return "", 204


@bp.get("/profiles/<int:profile_id>/history")
@requires("read")
def profile_history(profile_id: int):
    """Every saved version of a profile, newest first."""
    return jsonify({"history": plain(profiles().history(profile_id))})


# -- checks ----------------------------------------------------------------------------------
@bp.post("/check")
@requires("check")
@analysis_limited
def check():
    """Analyse a message against a sector or a stored partner profile."""
    return jsonify(analyse_body(json_body()).to_dict())


def analyse_body(data: dict):
    """The engine's report for a request body with text, sector or profile_id, and kind."""
    text = message_text(data)
    sector = checked_sector(field(data, "sector", str))
    stored = existing_profile(field(data, "profile_id", int))
    kind = field(data, "kind", str, default="pitch", choices=KINDS)
    try:
        partner = stored.to_engine() if stored else None
    except ProfileError as exc:
        raise ApiError(400, f"The stored profile cannot be used: {exc}", "profile_id") from None
    try:
        return get_analyzer().analyze(text, sector=sector, profile=partner, kind=kind)
    except TextTooLarge as exc:  # over the line or token cap (engine.Analyzer.check_cost)
        raise ApiError(413, too_large_message(exc, "The text"), "text") from None
    except InputError as exc:
        raise ApiError(400, str(exc), "text") from None


def too_large_message(exc: TextTooLarge, subject: str | None = None) -> str:
    """``"<Subject> has 50,000 lines; the limit is 5,000. Split it into shorter texts."``"""
    described = exc.describe(subject)
    return f"{described[:1].upper()}{described[1:]}. Split it into shorter texts."


# -- pitches ---------------------------------------------------------------------------------
def _store_value_error(exc: ValueError):
    name, sep, message = str(exc).partition(": ")  # the pitch store says "field: problem"
    return ApiError(400, message if sep else str(exc), name if sep else None)


@bp.get("/pitches")
@requires("read")
def list_pitches():
    """All pitches with their latest version, newest first."""
    return jsonify({"pitches": plain(PitchStore(get_db()).list())})


@bp.post("/pitches")
@requires("edit")
def create_pitch():
    """Save a new pitch and its first version."""
    data = json_body()
    title = field(data, "title", str, required=True)
    text = message_text(data)
    stored = existing_profile(field(data, "profile_id", int))
    sector = checked_sector(field(data, "sector", str))
    kind = field(data, "kind", str, default="pitch", choices=KINDS)
    note = field(data, "note", str, default="")
    try:
        pitch = PitchStore(get_db()).create(title, text, g.user.username,
                                            profile_id=stored.id if stored else None,
                                            sector=sector, kind=kind, note=note)
    except ValueError as exc:
        raise _store_value_error(exc) from None
    return jsonify(plain(pitch)), 201, {"Location": url_for("api.get_pitch", pitch_id=pitch.id)}


@bp.get("/pitches/<int:pitch_id>")
@requires("read")
def get_pitch(pitch_id: int):
    """One pitch with all its versions, oldest first."""
    store = PitchStore(get_db())
    data = plain(store.get(pitch_id))
    data["versions"] = plain(store.versions(pitch_id))
    return jsonify(data)


@bp.post("/pitches/<int:pitch_id>/versions")
@requires("edit")
def add_pitch_version(pitch_id: int):
    """Save a new numbered version of a pitch."""
    data = json_body()
    text, note = message_text(data), field(data, "note", str, default="")
    try:
        version = PitchStore(get_db()).add_version(pitch_id, text, g.user.username, note=note)
    except ValueError as exc:
        raise _store_value_error(exc) from None
    return jsonify(plain(version)), 201, {"Location": url_for("api.get_pitch", pitch_id=pitch_id)}


# -- reference -------------------------------------------------------------------------------
@bp.get("/sectors")
@requires("read")
def sectors():
    """The sector packs: ids, names and ranked priorities."""
    return jsonify({"sectors": [
        {"id": s.id, "name": s.name, "framework": s.framework, "description": s.description,
         "priorities": [{"id": p.id, "label": p.label, "rank": p.rank, "terms": list(p.terms)}
                        for p in s.priorities]}
        for s in sorted(sector_packs().values(), key=lambda s: s.id)]})


@bp.get("/openapi.json")
def openapi():
    """The OpenAPI 3.1 description of this API (no token needed)."""
    return jsonify(build_spec(request.script_root + bp.url_prefix))
