"""The checker page: paste or load a draft, check it against a partner profile or a
sector, see every finding highlighted in place, and (editors) save it as a pitch.

The draft is highlighted by :mod:`webapp.highlight`, which cuts the text into
segments; the template prints each segment through Jinja's autoescaping, so
nothing the user typed is ever interpreted as HTML.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from flask import (Blueprint, abort, current_app, flash, g, redirect, render_template, request,
                   url_for)

from framing.engine import KINDS, InputError
from framing.findings import SEVERITIES
from framing.profile import ProfileError
from framing.store.pitches import PitchNotFound
from framing.store.profiles import ProfileNotFound

from ..auth import can, login_required
from ..extensions import get_analyzer
from ..highlight import finding_id, highlight_report
from . import install_helpers, pitch_store, profile_store, sector_name, sectors

bp = Blueprint("checker", __name__)
install_helpers(bp)

PART_LABELS = {
    "coverage": "Covers their priorities",
    "lead": "Leads with what matters most to them",
    "language": "Uses their words",
    "voice": "Talks about them more than about us",
}
SEVERITY_LABELS = {"error": "Must fix", "warning": "Should fix", "suggestion": "Consider"}


@dataclass
class Draft:
    """What the form holds: the text, what to check against, and the pitch it came from."""

    text: str = ""
    against: str = ""          # "profile:<id>", "sector:<id>" or "" (guidelines only)
    kind: str = "pitch"
    pitch_id: int | None = None
    version: int | None = None
    title: str = ""
    note: str = ""

    @property
    def profile_id(self) -> int | None:
        kind, _, value = self.against.partition(":")
        return int(value) if kind == "profile" and value.isdigit() else None

    @property
    def sector(self) -> str | None:
        kind, _, value = self.against.partition(":")
        return value if kind == "sector" and value else None


def _against(values) -> str:
    """``against`` from the form, or from plain ``profile`` / ``sector`` parameters."""
    if values.get("against") is not None:
        return values.get("against", "").strip()
    if values.get("profile", "").strip().isdigit():
        return f"profile:{values['profile'].strip()}"
    if values.get("sector", "").strip():
        return f"sector:{values['sector'].strip()}"
    return ""


def _draft_from_request() -> Draft:
    values = request.form if request.method == "POST" else request.args
    kind = values.get("kind", "pitch")
    draft = Draft(text=values.get("text", ""), against=_against(values),
                  kind=kind if kind in KINDS else "pitch",
                  pitch_id=values.get("pitch_id", type=int) or values.get("pitch", type=int),
                  version=values.get("version", type=int),
                  title=values.get("title", "").strip(), note=values.get("note", "").strip())
    if request.method == "GET" and draft.pitch_id:
        _load_pitch(draft)
    return draft


def _load_pitch(draft: Draft) -> None:
    """Fill the draft from a saved pitch version (latest when no number is given)."""
    store = pitch_store()
    try:
        pitch = store.get(draft.pitch_id)
        version = store.version(pitch.id, draft.version) if draft.version else pitch.latest
    except PitchNotFound:
        abort(404, description="That saved pitch (or version) does not exist.")
    draft.text = version.text if version else ""
    draft.version = version.number if version else None
    draft.title, draft.kind = pitch.title, pitch.kind
    if not request.args.get("against") and not request.args.get("profile") \
            and not request.args.get("sector"):
        draft.against = (f"profile:{pitch.profile_id}" if pitch.profile_id
                         else f"sector:{pitch.sector}" if pitch.sector else "")


def safe_url(url: str | None) -> str | None:
    """Only http(s) links reach the page (rule packs are data, not code)."""
    return url if url and urlsplit(url).scheme in ("http", "https") else None


def _run(draft: Draft) -> dict:
    """Analyse the draft; the template context for the results."""
    profile = None
    if draft.profile_id:
        try:
            profile = profile_store().get(draft.profile_id)
        except ProfileNotFound:
            raise InputError("that partner profile no longer exists; pick another") from None
    try:
        engine_profile = profile.to_engine() if profile else None
    except ProfileError as exc:
        raise InputError(f"the partner profile cannot be used: {exc}") from None
    report = get_analyzer().analyze(draft.text, sector=None if profile else draft.sector,
                                    profile=engine_profile, kind=draft.kind)
    ids = [finding_id(i) for i in range(len(report.findings))]
    groups = {sev: [(fid, f) for fid, f in zip(ids, report.findings) if f.severity == sev]
              for sev in SEVERITIES}
    against = (profile.name if profile else sector_name(draft.sector) if draft.sector else "")
    return {"report": report, "segments": highlight_report(report),
            "by_id": dict(zip(ids, report.findings)), "groups": groups,
            "counts": report.counts(), "against_name": against, "checked_profile": profile}


def _page(draft: Draft, status: int = 200, **context):
    profiles = profile_store().list()
    try:
        pitches = pitch_store().list()
    except Exception:  # the page must work even if pitches cannot be listed
        current_app.logger.exception("listing pitches failed")
        pitches = []
    packs = sorted(sectors().values(), key=lambda s: s.name)
    return render_template("checker/check.html", draft=draft, profiles=profiles, pitches=pitches,
                           packs=packs, kinds=KINDS, part_labels=PART_LABELS,
                           severity_labels=SEVERITY_LABELS, safe_url=safe_url,
                           max_chars=current_app.config["MAX_TEXT_CHARS"], **context), status


@bp.get("/")
def home():
    """The start page is the checker."""
    return redirect(url_for(".check"))


@bp.route("/check", methods=["GET", "POST"])
@login_required
def check():
    """GET: the form (optionally with a saved pitch loaded, ``run=1`` checks it at once).
    POST: check the draft, or save it as a pitch or a new version (editors)."""
    draft = _draft_from_request()
    limit = current_app.config["MAX_TEXT_CHARS"]
    if len(draft.text) > limit:
        return _page(draft, 413, too_large=True, error=(
            f"Your draft is {len(draft.text):,} characters long; the checker takes up to "
            f"{limit:,}. Split it into shorter parts and check each one. Your text is kept below."))
    action = request.form.get("action", "check") if request.method == "POST" else "check"
    if action in ("save", "save_version"):
        return _save(draft, action)
    if request.method == "GET" and not request.args.get("run"):
        return _page(draft)
    try:
        results = _run(draft)
    except InputError as exc:
        return _page(draft, 400, error=f"Cannot check this draft: {exc}.")
    return _page(draft, **results)


def _save(draft: Draft, action: str):
    """Save the draft as a new pitch or a new version of the loaded one; then show its check."""
    if not can("edit"):
        abort(403)
    store = pitch_store()
    try:
        if action == "save_version" and draft.pitch_id:
            saved = store.add_version(draft.pitch_id, draft.text, g.user, note=draft.note)
            pitch_id, number = draft.pitch_id, saved.number
            flash(f"Saved as version {number} of “{draft.title or 'the pitch'}”.", "success")
        else:
            title = request.form.get("new_title", "").strip() or \
                ("" if draft.pitch_id else draft.title)
            pitch = store.create(title, draft.text, g.user, profile_id=draft.profile_id,
                                 sector=draft.sector, kind=draft.kind, note=draft.note)
            pitch_id, number = pitch.id, 1
            flash(f"Saved as a new pitch “{pitch.title}”.", "success")
    except PitchNotFound:
        abort(404, description="That saved pitch no longer exists.")
    except ValueError as exc:
        return _page(draft, 400, error=f"Not saved: {_readable(str(exc))}")
    return redirect(url_for(".check", pitch=pitch_id, version=number, run=1))


def _readable(message: str) -> str:
    """``title: required`` -> ``the title is required.``"""
    field, _, reason = message.partition(": ")
    if not reason:
        return message
    names = {"title": "a title", "text": "the draft", "note": "the note", "kind": "the kind"}
    if reason == "required":
        return f"{names.get(field, field)} is required.".capitalize()
    return f"{names.get(field, field).capitalize()}: {reason}."
