"""Reframing in the JSON API: ``POST /api/v1/suggest`` and ``POST /api/v1/reframe``.

Both take the same body as ``/check``. ``/reframe`` also takes ``accepted``
(rewrite ids from ``/suggest``; default: every automatic rewrite) and
``pitch_id`` to save the variant as a new version of that pitch.
"""
from __future__ import annotations

from flask import g, jsonify

from framing.rewrite.variant import VariantTooLarge, checked_rewrites
from framing.rewrite.variant import reframe as reframe_variant
from framing.services.pitches import save_draft
from framing.store.pitches import PitchStore

from ..auth import can
from ..extensions import get_analyzer, get_db
from ..rate_limit import analysis_limited
from .common import ApiError, Routes, analyse_body, field, json_body, requires

routes = Routes()


def register(bp) -> None:
    """Add these routes to the API blueprint (called by the app factory)."""
    routes.register(bp)


@routes.post("/suggest")
@requires("check")
@analysis_limited
def suggest():
    """Every rewrite for a message's findings that passed the verifier, with why and the
    priority it serves; and those the verifier refused, with the reasons."""
    report = analyse_body(json_body())
    kept, rejected = checked_rewrites(get_analyzer(), report)
    return jsonify({"rewrites": [r.to_dict() for r in kept],
                    "rejected": [r.to_dict() for r in rejected],
                    "report": report.to_dict()})


@routes.post("/reframe")
@requires("check")
@analysis_limited
def reframe():
    """The reframed variant, its word diff, blanks and scores before and after."""
    data = json_body()
    accepted = data.get("accepted")
    if accepted is not None and (not isinstance(accepted, list)
                                 or not all(isinstance(a, str) for a in accepted)):
        raise ApiError(400, "'accepted' must be a list of rewrite ids.", "accepted")
    pitch_id = field(data, "pitch_id", int)
    report = analyse_body(data)
    if report.scores.get("alignment") is None:
        raise ApiError(400, "Reframing needs a 'sector' or a 'profile_id'.", "sector")
    try:
        variant = reframe_variant(get_analyzer(), report,
                                 set(accepted) if accepted is not None else None)
    except VariantTooLarge as exc:  # the draft fits, the reframed one would not
        raise ApiError(422, f"{str(exc)[:1].upper()}{str(exc)[1:]}.", "text") from None
    body = variant.to_dict()
    if pitch_id is not None:
        if not can("edit", g.user):
            raise ApiError(403, f"The role {g.user.role!r} may not save pitch versions.")
        store = PitchStore(get_db())
        store.get(pitch_id)  # 404 when missing
        note = f"Reframed: alignment {variant.before['alignment']} -> {variant.after['alignment']}"
        saved = save_draft(store, g.user.username, variant.text, version_of=pitch_id, note=note)
        body["saved_version"] = saved.number
    return jsonify(body)
