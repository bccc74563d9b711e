"""Saved pitches: the list, one pitch with its numbered versions, and new versions.

Pitches are created from the checker ("Save as pitch"); here people read
any version, open it in the checker, and (editors) save a new version.
"""
from __future__ import annotations

from flask import (Blueprint, abort, current_app, flash, g, redirect, render_template, request,
                   url_for)

from framing.services.limits import TextTooLong, check_length
from framing.services.pitches import save_draft
from framing.store.pitches import PitchNotFound
from framing.store.profiles import ProfileNotFound
from framing.textdiff import diff_stats, merge_changes, word_diff

from ..auth import login_required, roles_required
from . import install_helpers, pitch_store, profile_store, sector_name

bp = Blueprint("pitches", __name__, url_prefix="/pitches")
install_helpers(bp)


def _partner_names(pitches) -> dict[int, str]:
    """Profile id -> name for the pitches' partners (one store read per profile)."""
    store, names = profile_store(), {}
    for pitch in pitches:
        if pitch.profile_id and pitch.profile_id not in names:
            try:
                names[pitch.profile_id] = store.get(pitch.profile_id).name
            except ProfileNotFound:
                names[pitch.profile_id] = ""
    return names


def partner_label(pitch, names: dict[int, str]) -> str:
    """Who the pitch is for: the partner's name, else the sector's, else ``—``."""
    if pitch.profile_id and names.get(pitch.profile_id):
        return names[pitch.profile_id]
    return sector_name(pitch.sector) or "—"


def pitches_for_profile(profile_id: int) -> list:
    """Pitches addressed to one partner profile (for the profile page)."""
    return pitch_store().list(profile_id=profile_id)


@bp.get("/")
@login_required
def index():
    """Every saved pitch: title, partner, number of versions, last edit."""
    pitches = pitch_store().list()
    names = _partner_names(pitches)
    rows = [(p, partner_label(p, names)) for p in pitches]
    rows.sort(key=lambda row: (row[0].latest.created_at if row[0].latest else row[0].created_at),
              reverse=True)
    return render_template("pitches/list.html", rows=rows)


def _get(pitch_id: int):
    try:
        return pitch_store().get(pitch_id)
    except PitchNotFound:
        abort(404)


@bp.get("/<int:pitch_id>")
@login_required
def view(pitch_id: int):
    """One pitch; ``?v=<number>`` shows that version (default: the latest)."""
    pitch = _get(pitch_id)
    store = pitch_store()
    versions = store.versions(pitch_id)
    number = request.args.get("v", type=int)
    shown = next((v for v in versions if v.number == number), None) if number else pitch.latest
    if shown is None:
        abort(404, description=f"This pitch has no version {number}.")
    # What changed since the version before, words removed and added marked.
    before = next((v for v in versions if v.number == shown.number - 1), None)
    ops = word_diff(before.text, shown.text) if before else []
    return _page(pitch, versions, shown, before=before, changes=merge_changes(ops),
                 change_stats=diff_stats(ops))


def _page(pitch, versions, shown, status: int = 200, **context):
    names = _partner_names([pitch])
    return render_template("pitches/view.html", pitch=pitch, versions=versions, shown=shown,
                           partner=partner_label(pitch, names),
                           max_chars=current_app.config["MAX_TEXT_CHARS"], **context), status


@bp.post("/<int:pitch_id>/versions")
@roles_required("admin", "editor")
def add_version(pitch_id: int):
    """Save the edited text as the pitch's next version."""
    pitch = _get(pitch_id)
    store = pitch_store()
    text, note = request.form.get("text", ""), request.form.get("note", "").strip()
    versions = store.versions(pitch_id)
    try:
        check_length(text, current_app.config["MAX_TEXT_CHARS"])
    except TextTooLong as exc:
        return _page(pitch, versions, pitch.latest, 413, draft=text, note=note, error=(
            f"This version is {exc.size:,} characters long; the limit is {exc.limit:,}. "
            "Shorten it and save again. Your text is kept below."))
    try:
        saved = save_draft(store, g.user, text, version_of=pitch_id, note=note)
    except ValueError as exc:
        message = "The text is empty." if "required" in str(exc) else str(exc)
        return _page(pitch, versions, pitch.latest, 400, draft=text, note=note,
                     error=f"Not saved: {message}")
    flash(f"Saved version {saved.number}.", "success")
    return redirect(url_for(".view", pitch_id=pitch_id, v=saved.number))
