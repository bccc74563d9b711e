"""Reviewing a piece: moving it through the workflow, internal comments on spans of
its text, and the one-time partner approval link.

Reviewers comment and approve or request changes; they never schedule or
publish (the POST is refused here, whatever the store would allow). The routes
live on the pieces blueprint (:mod:`.piece_common`).
"""
from __future__ import annotations

from flask import abort, current_app, flash, g, redirect, render_template, request, url_for

from campaigns.links import make_partner_link
from campaigns.models import PartnerApprovalMissing
from campaigns.store import SelfApproval, WorkflowError
from framing.constants import EDITORS

from ..auth import login_required, roles_required
from .campaign_common import PIECE_STATUSES, get_campaign, status_label
from .campaign_form import readable_error
from .piece_common import (MAX_COMMENT, MAX_NOTE, MAX_QUOTE, REVIEWER_MAY, bp, get_piece, page,
                           piece_store)
from .piece_text import locate_quote


# -- status and comments ---------------------------------------------------------------------
@bp.post("/<int:piece_id>/status")
@login_required
def change_status(piece_id: int):
    """Move the piece through the workflow (only to a status the user's role allows)."""
    store = piece_store()
    piece = get_piece(piece_id)
    to = request.form.get("to", "")
    note = request.form.get("note", "").strip()[:MAX_NOTE]
    if to not in PIECE_STATUSES:
        abort(400, description="Unknown status.")
    if g.user.role not in EDITORS and to not in REVIEWER_MAY:
        abort(403, description="Reviewers can approve or request changes; scheduling, "
                               "publishing and archiving are for editors.")
    try:
        store.transition(piece_id, to, g.user, g.user.role, note=note,
                         approver_not_author=current_app.config["APPROVER_NOT_AUTHOR"],
                         partners_first=current_app.config["PARTNERS_APPROVE_FIRST"],
                         override=request.form.get("override", "")[:MAX_NOTE])
    except SelfApproval as exc:
        return page(piece, 403, error=f"Not approved: {exc}.")
    except PartnerApprovalMissing as exc:
        return page(piece, 409, error=f"Not approved: {exc}.")
    except WorkflowError as exc:
        if exc.forbidden:
            abort(403, description=f"Your role cannot do this: {exc}.")
        return page(piece, 409, error=(
            f"Not changed: {exc}. The buttons show what this piece can do now."))
    flash(f"“{piece.title}” is now {status_label(to).lower()}.", "success")
    return redirect(url_for(".view", piece_id=piece_id))


@bp.post("/<int:piece_id>/comments")
@login_required
def comment(piece_id: int):
    """An internal comment on a span of the current version (never shown to partners)."""
    piece = get_piece(piece_id)
    version = piece.current
    body = request.form.get("body", "").strip()
    quote = request.form.get("quote", "")[:MAX_QUOTE]
    near = request.form.get("start", type=int)
    form = {"comment_body": body, "comment_quote": quote}
    if not body:
        return page(piece, 400, comment_error="Write your comment first.", **form)
    if len(body) > MAX_COMMENT:
        return page(piece, 400, comment_error=f"Comments can be up to {MAX_COMMENT:,} "
                                               "characters.", **form)
    if quote.strip():
        span = locate_quote(version.body, quote, near)
        if span is None:
            return page(piece, 400, comment_error=(
                "That quote is not in the current version. Copy a few words exactly as "
                "they appear in the text, or leave the quote empty to comment on the whole piece."),
                **form)
    else:
        span = (0, 0)  # the piece as a whole
    try:
        piece_store().add_comment(piece_id, version.number, g.user, span[0], span[1], body)
    except ValueError as exc:
        return page(piece, 400, comment_error=readable_error(exc)[1], **form)
    flash("Comment added. Comments stay inside the team: partners never see them.", "success")
    return redirect(url_for(".view", piece_id=piece_id) + "#comments")


# -- partner approval link -------------------------------------------------------------------
def _contacts(campaign) -> list:
    """The campaign's partners that have a named contact (who a link can be made for)."""
    return [p for p in campaign.partners if (p.contact_name or "").strip()]


@bp.route("/<int:piece_id>/partner-link", methods=["GET", "POST"])
@roles_required(*EDITORS)
def partner_link(piece_id: int):
    """Create a one-time approval link for a named partner contact; the URL is shown once."""
    piece = get_piece(piece_id)
    campaign = get_campaign(piece.campaign_id)
    contacts = _contacts(campaign)
    days = current_app.config.get("PARTNER_LINK_DAYS", 14)
    context = {"piece": piece, "campaign": campaign, "contacts": contacts, "days": days,
               "version": piece.current}
    if request.method == "GET":
        return render_template("campaigns/partner_link.html", **context)
    index = request.form.get("contact", type=int)
    if index is None or not 0 <= index < len(contacts):
        return render_template("campaigns/partner_link.html", error=(
            "Choose who the link is for."), **context), 400
    contact = contacts[index]
    token = make_partner_link(current_app.config["SECRET_KEY"], piece, piece.current,
                              contact.contact_name, contact.profile_id)
    url = url_for("partner_link.review", token=token, _external=True)
    response = current_app.make_response((render_template(
        "campaigns/partner_link.html", link=url, contact=contact, **context), 201))
    response.headers["Cache-Control"] = "no-store"
    return response
