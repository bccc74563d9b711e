"""The checker page: paste or load a draft, check it against a partner profile or a
sector, see every finding highlighted in place, and (editors) save it as a pitch.

Routes on the checker blueprint (:mod:`.checker_common`); accepting, dismissing
and undoing rewrites is :mod:`.rewrite_offers`, the reframe page :mod:`.reframe`.
"""
from __future__ import annotations

from flask import abort, current_app, flash, g, redirect, request, url_for

from framing.documents import DocumentError
from framing.engine import InputError, TextTooLarge
from framing.services.limits import TextTooLong, check_length
from framing.services.pitches import save_draft
from framing.store.pitches import PitchNotFound

from ..auth import can, login_required
from ..rate_limit import count_analysis
from . import pitch_store
from .checker_common import (Draft, bp, draft_from_request, page, readable, run_check,
                             too_large_error)
from .checker_state import EditState, history_problem
from .rewrite_offers import apply_edit, offers_by_finding
from .word_files import docx_download, uploaded_text


@bp.route("/check", methods=["GET", "POST"])
@login_required
def check():
    """GET: the form (optionally with a saved pitch loaded, ``run=1`` checks it at once).
    POST: check the draft; accept, dismiss or undo a rewrite and check again; or save
    it as a pitch or a new version (editors)."""
    draft, state = draft_from_request(), EditState.from_request()
    if request.method == "POST" and (problem := history_problem(request.form)):
        return page(draft, 400, state=EditState(), error=problem)
    opened = None
    if request.method == "POST":
        try:
            opened = open_file(draft, state)
        except DocumentError as exc:
            return page(draft, 400, state=state, error=f"{exc}. Your draft is unchanged.")
    if analysing_request() and (refusal := count_analysis(g.user)):
        body, status = page(draft, 429, state=state, error=refusal.message)
        return body, status, refusal.headers
    try:
        check_length(draft.text, current_app.config["MAX_TEXT_CHARS"])
    except TextTooLong as exc:
        return page(draft, 413, too_large=True, error=(
            f"Your draft is {exc.size:,} characters long; the checker takes up to "
            f"{exc.limit:,}. Split it into shorter parts and check each one. Your text is kept "
            "below."))
    action = request.form.get("action", "check") if request.method == "POST" else "check"
    if action in ("save", "save_version"):
        return _save(draft, action)
    if request.method == "GET" and not request.args.get("run"):
        return page(draft)
    try:
        notice = opened or (apply_edit(draft, state, request.form)
                            if request.method == "POST" else None)
        results = run_check(draft, state)
    except TextTooLarge as exc:  # over the line or token cap (engine.Analyzer.check_cost)
        return page(draft, 413, state=state, too_large=True, error=too_large_error(exc))
    except InputError as exc:
        return page(draft, 400, state=state, error=f"Cannot check this draft: {exc}.")
    offers = offers_by_finding(results["report"], state.dismissed)
    return page(draft, state=state, notice=notice, offers=offers, **results)


def open_file(draft: Draft, state: EditState) -> dict | None:
    """Put the text of an uploaded file in the draft, as a new draft: the undo history
    starts again, so a Word download tracks the changes made to the file's text.
    The notice to show, or None when no file came with the form."""
    opened = uploaded_text()
    if opened is None:
        return None
    text, name = opened
    draft.text = text
    state.history.clear()
    return {"kind": "success", "text": f"Opened “{name}” and checked it. Its headings and "
            "paragraphs are kept as paragraphs, its lists as lines starting with “-”."}


@bp.post("/check/docx")
@login_required
def download_docx():
    """The draft as a Word document; the changes made since it was first checked here
    (accepted rewrites and the edits checked since) are tracked changes, as far back as
    the undo history reaches (HISTORY_LIMIT steps). An opened file starts afresh."""
    draft, state = draft_from_request(), EditState.from_request()
    original = state.history[0]["text"] if state.history else draft.text
    return docx_download(original, draft.text, draft.title or "Draft", g.user.username)


def analysing_request() -> bool:
    """Whether this checker request runs the analysis (and so counts against the user's
    rate limit, webapp/rate_limit.py): every POST but a save, and GET with ``run``."""
    if request.method == "POST":
        return request.form.get("action", "check") not in ("save", "save_version")
    return bool(request.args.get("run"))


def _save(draft: Draft, action: str):
    """Save the draft as a new pitch or a new version of the loaded one; then show its check."""
    if not can("edit"):
        abort(403)
    version_of = (draft.pitch_id or None) if action == "save_version" else None
    title = draft.title if version_of else (
        request.form.get("new_title", "").strip() or ("" if draft.pitch_id else draft.title))
    try:
        saved = save_draft(pitch_store(), g.user, draft.text, version_of=version_of, title=title,
                           profile_id=draft.profile_id, sector=draft.sector, kind=draft.kind,
                           note=draft.note)
    except PitchNotFound:
        abort(404, description="That saved pitch no longer exists.")
    except ValueError as exc:
        return page(draft, 400, error=f"Not saved: {readable(exc)}")
    if saved.new_pitch:
        flash(f"Saved as a new pitch “{saved.title}”.", "success")
    else:
        flash(f"Saved as version {saved.number} of “{draft.title or 'the pitch'}”.", "success")
    pitch_id, number = saved.pitch_id, saved.number
    return redirect(url_for(".check", pitch=pitch_id, version=number, run=1))
