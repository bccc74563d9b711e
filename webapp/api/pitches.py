"""Saved pitches in the JSON API: list, create, read, and new versions."""
from __future__ import annotations

from flask import g, jsonify, url_for

from framing.engine import KINDS
from framing.services.pitches import save_draft
from framing.store.pitches import PitchStore

from ..extensions import get_db
from .common import (Routes, checked_sector, existing_profile, field, json_body, message_text,
                     plain, requires, store_value_error)


routes = Routes()


def register(bp) -> None:
    """Add these routes to the API blueprint (called by the app factory)."""
    routes.register(bp)


@routes.get("/pitches")
@requires("read")
def list_pitches():
    """All pitches with their latest version, newest first."""
    return jsonify({"pitches": plain(PitchStore(get_db()).list())})


@routes.post("/pitches")
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
        saved = save_draft(PitchStore(get_db()), g.user.username, text, title=title,
                           profile_id=stored.id if stored else None, sector=sector, kind=kind,
                           note=note)
    except ValueError as exc:
        raise store_value_error(exc) from None
    return jsonify(plain(saved.record)), 201, {
        "Location": url_for("api.get_pitch", pitch_id=saved.pitch_id)}


@routes.get("/pitches/<int:pitch_id>")
@requires("read")
def get_pitch(pitch_id: int):
    """One pitch with all its versions, oldest first."""
    store = PitchStore(get_db())
    data = plain(store.get(pitch_id))
    data["versions"] = plain(store.versions(pitch_id))
    return jsonify(data)


@routes.post("/pitches/<int:pitch_id>/versions")
@requires("edit")
def add_pitch_version(pitch_id: int):
    """Save a new numbered version of a pitch."""
    data = json_body()
    text, note = message_text(data), field(data, "note", str, default="")
    try:
        saved = save_draft(PitchStore(get_db()), g.user.username, text, version_of=pitch_id,
                           note=note)
    except ValueError as exc:
        raise store_value_error(exc) from None
    return jsonify(plain(saved.record)), 201, {
        "Location": url_for("api.get_pitch", pitch_id=pitch_id)}
