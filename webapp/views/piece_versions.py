"""Editing a piece and its versions: saving the edited text as a new immutable
version, changing the run date and partner, comparing two versions word by word
and restoring an earlier one.

Editors and admins edit and restore; everyone signed in may compare. The
routes live on the pieces blueprint (:mod:`.piece_common`).
"""
from __future__ import annotations

from flask import abort, current_app, flash, g, redirect, render_template, request, url_for

from campaigns.store import PieceNotFound, StaleVersion, WorkflowError
from campaigns.workflow import EDIT_RETURNS_TO_REVIEW
from framing.services.limits import TextTooLong, check_length
from framing.textdiff import diff_stats, merge_changes, word_diff
from framing.constants import EDITORS

from ..auth import login_required, roles_required
from .campaign_common import channels, get_campaign, status_label
from .campaign_form import readable_error
from .piece_common import MAX_NOTE, bp, get_piece, piece_store
from .word_files import ACCEPT, body_from_upload, docx_download, upload_limit


# -- editing ---------------------------------------------------------------------------------
@bp.route("/<int:piece_id>/edit", methods=["GET", "POST"])
@roles_required(*EDITORS)
def edit(piece_id: int):
    """Save the edited text as a new version (an approved piece goes back to review)."""
    piece = get_piece(piece_id)
    current = piece.current
    if request.method == "GET":
        return _edit_page(piece, _doc(piece))
    doc = {"title": request.form.get("title", "").strip(), "body": request.form.get("body", ""),
           "note": request.form.get("note", "").strip()[:MAX_NOTE],
           "base": request.form.get("base", type=int)}
    if problem := body_from_upload(doc):
        return _edit_page(piece, doc, 400, error_field="body", error=problem)
    try:
        check_length(doc["body"], current_app.config["MAX_TEXT_CHARS"], "body")
    except TextTooLong as exc:
        return _edit_page(piece, doc, 413, error_field="body", error=(
            f"Text: {exc.size:,} characters; the limit is {exc.limit:,}. Shorten it and save "
            "again. Your text is kept below."))
    if doc["base"] is not None and doc["base"] != current.number:
        return _edit_page(piece, doc, 409, stale=True)
    if doc["title"] == current.title and doc["body"] == current.body:
        flash("Nothing changed, so no new version was saved.", "info")
        return redirect(url_for(".view", piece_id=piece_id))
    try:
        # The store checks the base version again under the write lock: the check above
        # only spares a doomed save, it cannot stop two saves racing past it.
        saved = piece_store().edit_piece(piece_id, doc["title"], doc["body"], g.user,
                                         note=doc["note"], base_version=doc["base"])
    except StaleVersion:
        return _edit_page(get_piece(piece_id), doc, 409, stale=True)
    except PieceNotFound:
        abort(404)
    except WorkflowError as exc:
        return _edit_page(piece, doc, 409, error=f"Not saved: {exc}")
    except ValueError as exc:
        field, message = readable_error(exc)
        return _edit_page(piece, doc, 400, error=message, error_field=field)
    if saved.number == current.number:  # the same words (spacing aside): nothing to save
        flash("Nothing changed, so no new version was saved.", "info")
        return redirect(url_for(".view", piece_id=piece_id))
    after = get_piece(piece_id)
    message = f"Saved version {saved.number}."
    if piece.status in EDIT_RETURNS_TO_REVIEW and after.status != piece.status:
        message += f" The piece is back to “{status_label(after.status)}”: it needs approval again."
    flash(message, "success")
    return redirect(url_for(".view", piece_id=piece_id))


@bp.post("/<int:piece_id>/details")
@roles_required(*EDITORS)
def details(piece_id: int):
    """Change the run date and the partner the piece is written for (no new version)."""
    piece = get_piece(piece_id)
    run_date = request.form.get("run_date", "").strip() or None
    target = request.form.get("target_profile_id", "").strip()
    target_id = int(target) if target.isdecimal() else None
    try:
        piece_store().update_piece(piece_id, g.user, run_date=run_date,
                                   target_profile_id=target_id)
    except WorkflowError as exc:
        return _edit_page(piece, _doc(piece), 409, details_error=f"Not saved: {exc}.")
    except ValueError as exc:
        return _edit_page(piece, _doc(piece), 400, details_error=readable_error(exc)[1])
    flash("Saved the run date and partner.", "success")
    return redirect(url_for(".view", piece_id=piece_id))


def _doc(piece) -> dict:
    return {"title": piece.current.title, "body": piece.current.body, "note": "",
            "base": piece.current.number}


def _edit_page(piece, doc: dict, status: int = 200, **context):
    campaign = get_campaign(piece.campaign_id)
    return render_template("campaigns/piece_edit.html", piece=piece, campaign=campaign, doc=doc,
                           channel=channels().get(piece.channel), accept_files=ACCEPT,
                           max_upload=upload_limit(),
                           max_chars=current_app.config["MAX_TEXT_CHARS"], **context), status


# -- versions --------------------------------------------------------------------------------
def _version(piece_id: int, number: int | None):
    if number is None:
        abort(404, description="Choose two versions of this piece to compare.")
    try:
        return piece_store().version(piece_id, number)
    except PieceNotFound:
        abort(404, description=f"This piece has no version {number}.")


@bp.get("/<int:piece_id>/versions/compare")
@login_required
def compare(piece_id: int):
    """Two versions side by side, words removed and added marked (``?a=<n>&b=<n>``)."""
    piece = get_piece(piece_id)
    current = piece.current.number
    a = _version(piece_id, request.args.get("a", type=int) or max(1, current - 1))
    b = _version(piece_id, request.args.get("b", type=int) or current)
    if a.number > b.number:
        a, b = b, a
    body_ops, title_ops = word_diff(a.body, b.body), word_diff(a.title, b.title)
    return render_template("campaigns/compare.html", piece=piece,
                           campaign=get_campaign(piece.campaign_id), a=a, b=b,
                           body_ops=merge_changes(body_ops), title_ops=merge_changes(title_ops),
                           stats=diff_stats(body_ops + title_ops),
                           versions=list(piece_store().versions(piece_id)))


@bp.get("/<int:piece_id>/versions/docx")
@login_required
def download_docx(piece_id: int):
    """Version ``b`` (default: the current one) as a Word document; the changes since
    version ``a`` (default: the one before it) are tracked changes."""
    piece = get_piece(piece_id)
    b = _version(piece_id, request.args.get("b", type=int) or piece.current.number)
    a = _version(piece_id, request.args.get("a", type=int) or max(1, b.number - 1))
    original = a.body if a.number < b.number else b.body
    return docx_download(original, b.body, f"{piece.title} v{b.number}", g.user.username)


@bp.post("/<int:piece_id>/restore")
@roles_required(*EDITORS)
def restore(piece_id: int):
    """Make an earlier version current again, as a new version that points back to it."""
    piece = get_piece(piece_id)
    number = request.form.get("number", type=int)
    old = _version(piece_id, number)
    try:
        saved = piece_store().restore(piece_id, old.number, g.user)
    except WorkflowError as exc:
        flash(f"Not restored: {exc}", "error")
        return redirect(url_for(".view", piece_id=piece_id))
    except ValueError as exc:
        flash(f"Not restored: {readable_error(exc)[1]}", "error")
        return redirect(url_for(".view", piece_id=piece_id))
    new_number = getattr(saved, "number", None) or get_piece(piece_id).current.number
    flash(f"Version {old.number} restored as version {new_number} of “{piece.title}”.", "success")
    return redirect(url_for(".view", piece_id=piece_id))
