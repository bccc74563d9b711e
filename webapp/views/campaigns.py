"""Media campaigns: the list, the campaign form, the dashboard of pieces, new pieces,
the calendar (page and .ics) and the exports.

Everyone signed in may read; editors and admins create and edit campaigns and
pieces. The pieces themselves (text, findings, comments, review) live in
:mod:`webapp.views.pieces`; the partner approval page in
:mod:`webapp.views.partner_link`.

This module holds the list, the campaign form, the dashboard and new pieces, on
the blueprint of :mod:`.campaign_common` (with the labels and helpers the
campaign views share); reading the form is :mod:`.campaign_form`, the calendar
and the exports are :mod:`.campaign_calendar`.
"""
from __future__ import annotations

from flask import abort, current_app, flash, g, redirect, render_template, request, url_for

from campaigns.services import campaign_dashboard, partner_signoffs
from campaigns.store import CampaignNotFound
from framing.services.limits import TextTooLong, check_length
from framing.findings import SEVERITY_LABELS
from framing.constants import EDITORS

from ..auth import login_required, roles_required
from ..extensions import get_analyzer
from . import profile_store
from .campaign_common import (BLANK_PARTNER_ROWS, CAMPAIGN_STATUSES, CAMPAIGN_TYPES, PARTNER_ROLES,
                              PIECE_STATUSES, bp, campaign_store, channels, get_campaign)
from .campaign_form import campaign_doc, campaign_from_form, readable_error
from .word_files import ACCEPT, body_from_upload, upload_limit


# -- list ------------------------------------------------------------------------------------
@bp.get("/")
@login_required
def index():
    """Every campaign: type, status, dates and how many pieces it has."""
    store = campaign_store()
    items = store.list_campaigns()
    signoffs = {c.id: partner_signoffs(store, c.id) for c in items}
    return render_template("campaigns/list.html", campaigns=items, types=CAMPAIGN_TYPES,
                           statuses=CAMPAIGN_STATUSES, signoffs=signoffs)


# -- the campaign form -----------------------------------------------------------------------
def _form_page(doc: dict, campaign=None, status: int = 200, **context):
    rows = list(doc.get("partners") or []) + [{} for _ in range(BLANK_PARTNER_ROWS)]
    return render_template("campaigns/edit.html", doc=doc, campaign=campaign, partner_rows=rows,
                           profiles=profile_store().list(), types=CAMPAIGN_TYPES,
                           roles=PARTNER_ROLES, statuses=_statuses(doc.get("status")),
                           **context), status


def _statuses(current: str | None) -> dict:
    statuses = dict(CAMPAIGN_STATUSES)
    if current and current not in statuses:
        statuses[current] = current.replace("-", " ").capitalize()
    return statuses


@bp.route("/new", methods=["GET", "POST"])
@roles_required(*EDITORS)
def new():
    """Create a campaign: goal, type, dates, partners and their roles, norm data."""
    if request.method == "GET":
        return _form_page({"type": "awareness", "status": "planning", "partners": [], "norms": {}})
    doc = campaign_from_form(request.form)
    try:
        campaign = campaign_store().create_campaign(doc, g.user)
    except ValueError as exc:
        field, message = readable_error(exc)
        return _form_page(doc, None, 400, error=message, error_field=field)
    flash(f"Campaign “{campaign.name}” created. Add its first piece below.", "success")
    return redirect(url_for(".dashboard", campaign_id=campaign.id))


@bp.route("/<int:campaign_id>/edit", methods=["GET", "POST"])
@roles_required(*EDITORS)
def edit(campaign_id: int):
    """Edit every field of a campaign."""
    campaign = get_campaign(campaign_id)
    if request.method == "GET":
        return _form_page(campaign_doc(campaign), campaign)
    doc = campaign_from_form(request.form)
    try:
        campaign_store().update_campaign(campaign_id, doc, g.user)
    except CampaignNotFound:
        abort(404)
    except ValueError as exc:
        field, message = readable_error(exc)
        return _form_page(doc, campaign, 400, error=message, error_field=field)
    flash(f"Saved “{doc['name']}”.", "success")
    return redirect(url_for(".dashboard", campaign_id=campaign_id))


# -- dashboard -------------------------------------------------------------------------------
@bp.get("/<int:campaign_id>")
@login_required
def dashboard(campaign_id: int):
    """The campaign at a glance: each piece's status, open findings, what blocks approval."""
    campaign = get_campaign(campaign_id)
    board = campaign_dashboard(campaign_store(), get_analyzer(), campaign_id)
    return render_template("campaigns/dashboard.html", campaign=campaign, rows=board.rows,
                           issues=board.issues, totals=board.totals, statuses=PIECE_STATUSES,
                           severity_labels=SEVERITY_LABELS)


# -- new piece -------------------------------------------------------------------------------
@bp.route("/<int:campaign_id>/pieces/new", methods=["GET", "POST"])
@roles_required(*EDITORS)
def new_piece(campaign_id: int):
    """Add a piece of copy for one channel (its first version)."""
    campaign = get_campaign(campaign_id)
    form = request.form if request.method == "POST" else request.args
    doc = {"channel": form.get("channel", ""), "title": form.get("title", "").strip(),
           "body": form.get("body", ""), "run_date": form.get("run_date", "").strip(),
           "target_profile_id": form.get("target_profile_id", "").strip()}
    if request.method == "GET":
        return _piece_form(campaign, doc)
    if problem := body_from_upload(doc):
        return _piece_form(campaign, doc, 400, error_field="body", error=problem)
    if doc["channel"] not in channels():
        return _piece_form(campaign, doc, 400, error="Channel: choose where this piece will run.",
                           error_field="channel")
    try:
        check_length(doc["body"], current_app.config["MAX_TEXT_CHARS"], "body")
    except TextTooLong as exc:
        return _piece_form(campaign, doc, 413, error_field="body", error=(
            f"Text: {exc.size:,} characters; the limit is {exc.limit:,}. "
            "Split it into shorter pieces."))
    target = int(doc["target_profile_id"]) if doc["target_profile_id"].isdecimal() else None
    try:
        piece = campaign_store().add_piece(campaign_id, doc["channel"], doc["title"], doc["body"],
                                           g.user, run_date=doc["run_date"] or None,
                                           target_profile_id=target)
    except CampaignNotFound:
        abort(404)
    except ValueError as exc:
        field, message = readable_error(exc)
        return _piece_form(campaign, doc, 400, error=message, error_field=field)
    flash(f"Piece “{piece.title}” added as a draft.", "success")
    return redirect(url_for("pieces.view", piece_id=piece.id))


def _piece_form(campaign, doc: dict, status: int = 200, **context):
    return render_template("campaigns/piece_new.html", campaign=campaign, doc=doc,
                           channels=channels(), accept_files=ACCEPT, max_upload=upload_limit(),
                           max_chars=current_app.config["MAX_TEXT_CHARS"], **context), status

