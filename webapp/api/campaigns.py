"""Campaigns in the JSON API: campaigns, pieces, versions, review status, findings, exports.

Routes are added to the API blueprint (``/api/v1``) by :func:`register` and described
in :mod:`webapp.api.openapi.campaigns`. Roles: everyone reads and checks; editors and admins
create and edit; the workflow decides status changes (a reviewer may approve
or request changes, never schedule or publish). Responses never include
internal comments or review notes: a token is not a seat at the review table.
"""
from __future__ import annotations

from dataclasses import asdict

from flask import Response, current_app, g, jsonify, request, url_for

from campaigns import calendar, export
from campaigns import piece_checks as checks
from campaigns.models import (APPROVED_STATUSES, PIECE_STATUSES, CampaignNotFound,
                              PieceNotFound, StaleVersion, WorkflowError)
from campaigns.services import campaign_dashboard as build_dashboard
from campaigns.store import CampaignStore
from framing.services.limits import TextTooLong, check_length

from ..errors import api_error
from ..extensions import get_analyzer, get_db
from .common import ApiError, Routes, field, json_body, plain, requires, store_value_error

routes = Routes()


def register(bp) -> None:
    """Add these routes and error handlers to the API blueprint (called by the app factory)."""
    routes.register(bp)


for _missing in (CampaignNotFound, PieceNotFound):
    routes.error(_missing, lambda exc: api_error(404, str(exc)))
routes.error(WorkflowError, lambda exc: api_error(403 if exc.forbidden else 409, exc.message))
routes.error(StaleVersion, lambda exc: api_error(
    409, f"The piece was edited by someone else since you loaded version "
         f"{exc.expected_version}. GET it again, reapply your change and send "
         f"base_version {exc.current_version}.", "base_version",
    current_version=exc.current_version))


def store() -> CampaignStore:
    return CampaignStore(get_db())


def bad_input(exc: ValueError) -> ApiError:
    """The store's ``ValidationError`` as a 400 naming the field."""
    return store_value_error(exc)


def text_field(data: dict, name: str, required: bool = False) -> str | None:
    """A text field, with a 413 above the app's text limit."""
    value = field(data, name, str, required=required)
    try:
        check_length(value, current_app.config["MAX_TEXT_CHARS"], name)
    except TextTooLong as exc:
        raise ApiError(413, f"{name!r} is {exc.size:,} characters; the limit is {exc.limit:,}.",
                       name) from None
    return value


def piece_detail(piece) -> dict:
    """A piece with what the caller may do next, its decisions and audit (no notes, no comments)."""
    s = store()
    data = plain(piece)
    allowed = s.allowed_transitions(
        piece, g.user.role, g.user.username, current_app.config["APPROVER_NOT_AUTHOR"])
    waiting_for = [p.name for p, review in s.signoffs(piece) if review is None]
    if (current_app.config["PARTNERS_APPROVE_FIRST"] and waiting_for
            and piece.status not in APPROVED_STATUSES and g.user.role != "admin"):
        allowed = [to for to in allowed if to != "approved"]  # partners approve first
    data["allowed_transitions"] = allowed
    data["waiting_for_partners"] = waiting_for
    data["reviews"] = [{"version_number": r.version_number, "content_hash": r.content_hash,
                        "decision": r.decision, "reviewer": r.reviewer, "via": r.via,
                        "decided_at": r.decided_at,
                        "current": r.content_hash == piece.current.content_hash}
                       for r in s.reviews(piece.id)]
    data["audit"] = [{"at": a.at, "actor": a.actor, "action": a.action,
                      "from_status": a.from_status, "to_status": a.to_status}
                     for a in s.audit(piece.id)]
    return data


# -- campaigns -------------------------------------------------------------------------------
@routes.get("/campaigns")
@requires("read")
def list_campaigns():
    """Campaign summaries, newest first."""
    return jsonify({"campaigns": plain(store().list_campaigns())})


@routes.post("/campaigns")
@requires("edit")
def create_campaign():
    """Create a campaign with its partners and norm data."""
    try:
        campaign = store().create_campaign(json_body(), g.user.username)
    except ValueError as exc:
        raise bad_input(exc) from None
    return jsonify(plain(campaign)), 201, {
        "Location": url_for("api.get_campaign", campaign_id=campaign.id)}


@routes.get("/campaigns/<int:campaign_id>")
@requires("read")
def get_campaign(campaign_id: int):
    """One campaign."""
    return jsonify(plain(store().get_campaign(campaign_id)))


@routes.put("/campaigns/<int:campaign_id>")
@requires("edit")
def update_campaign(campaign_id: int):
    """Replace a campaign's fields and partner list."""
    try:
        campaign = store().update_campaign(campaign_id, json_body(), g.user.username)
    except ValueError as exc:
        raise bad_input(exc) from None
    return jsonify(plain(campaign))


@routes.get("/campaigns/<int:campaign_id>/dashboard")
@requires("check")
def campaign_dashboard(campaign_id: int):
    """Each piece's status, findings by severity and what blocks approval."""
    board = build_dashboard(store(), get_analyzer(), campaign_id)
    return jsonify({"campaign_id": campaign_id,
                    "rows": [{"piece": plain(r.piece), "counts": r.counts, "blockers": r.blockers,
                              "stale": r.stale} for r in board.rows],
                    "issues": [f.to_dict() for f in board.issues]})


@routes.get("/campaigns/<int:campaign_id>/calendar.ics")
@requires("read")
def campaign_calendar(campaign_id: int):
    """Dated pieces as an iCalendar file, filtered by ``partner`` and ``channel``."""
    partner = request.args.get("partner", type=int)
    events = calendar.events(store(), campaign_id=campaign_id, partner_id=partner,
                             channel=request.args.get("channel") or None)
    return Response(calendar.to_ics(events), mimetype="text/calendar", headers={
        "Content-Disposition": f'attachment; filename="campaign-{campaign_id}.ics"'})


@routes.get("/campaigns/<int:campaign_id>/export.csv")
@requires("read")
def campaign_csv(campaign_id: int):
    """The pieces with their approved versions as CSV."""
    return Response(export.export_csv(store(), campaign_id,
                                    root=current_app.config.get("FRAMING_LEXICONS") or None), mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="campaign-{campaign_id}.csv"'})


# -- pieces ----------------------------------------------------------------------------------
@routes.get("/campaigns/<int:campaign_id>/pieces")
@requires("read")
def list_pieces(campaign_id: int):
    """A campaign's pieces with their current versions."""
    return jsonify({"pieces": plain(store().pieces(campaign_id))})


@routes.post("/campaigns/<int:campaign_id>/pieces")
@requires("edit")
def create_piece(campaign_id: int):
    """Add a piece for one channel (version 1, status draft)."""
    data = json_body()
    channel = field(data, "channel", str, required=True)
    title, text = text_field(data, "title", True), text_field(data, "body", True)
    try:
        piece = store().add_piece(campaign_id, channel, title, text, g.user.username,
                                  run_date=field(data, "run_date", str),
                                  target_profile_id=field(data, "target_profile_id", int))
    except ValueError as exc:
        raise bad_input(exc) from None
    return jsonify(plain(piece)), 201, {"Location": url_for("api.get_piece", piece_id=piece.id)}


@routes.get("/pieces/<int:piece_id>")
@requires("read")
def get_piece(piece_id: int):
    """One piece with its current version, decisions and audit trail."""
    return jsonify(piece_detail(store().get_piece(piece_id)))


@routes.put("/pieces/<int:piece_id>")
@requires("edit")
def edit_piece(piece_id: int):
    """Save a new version (title and body) and/or change run date and target."""
    data, s = json_body(), store()
    piece = s.get_piece(piece_id)
    meta = {k: data[k] for k in ("run_date", "target_profile_id") if k in data}
    if "target_profile_id" in meta:
        field(data, "target_profile_id", int)
    try:
        if "title" in data or "body" in data:
            # Like a profile's "version": the number of the version the edit started from.
            base = field(data, "base_version", int, required=True)
            title = text_field(data, "title") or piece.current.title
            text = text_field(data, "body") or piece.current.body
            s.edit_piece(piece_id, title, text, g.user.username,
                         note=field(data, "note", str, default=""), base_version=base)
        if meta:
            s.update_piece(piece_id, g.user.username, **meta)
    except ValueError as exc:
        raise bad_input(exc) from None
    return jsonify(piece_detail(s.get_piece(piece_id)))


@routes.get("/pieces/<int:piece_id>/versions")
@requires("read")
def piece_versions(piece_id: int):
    """Every version of a piece, oldest first."""
    return jsonify({"versions": plain(store().versions(piece_id))})


@routes.get("/pieces/<int:piece_id>/diff")
@requires("read")
def piece_diff(piece_id: int):
    """Versions ``a`` and ``b`` with word-level differences (default: previous vs current)."""
    current = store().get_piece(piece_id).current.number
    a = request.args.get("a", type=int) or max(1, current - 1)
    b = request.args.get("b", type=int) or current
    return jsonify(asdict(store().compare(piece_id, a, b)))


@routes.post("/pieces/<int:piece_id>/restore")
@requires("edit")
def restore_piece(piece_id: int):
    """Make an earlier version current again, as a new version."""
    number = field(json_body(), "number", int, required=True)
    try:
        version = store().restore(piece_id, number, g.user.username)
    except ValueError as exc:
        raise bad_input(exc) from None
    return jsonify(plain(version)), 201


@routes.post("/pieces/<int:piece_id>/status")
@requires("read")  # the workflow checks the role for each move (WorkflowError: 403 / 409)
def change_piece_status(piece_id: int):
    """Move the piece to ``to``, with an optional ``note``."""
    data = json_body()
    to = field(data, "to", str, required=True, choices=PIECE_STATUSES)
    try:
        piece = store().transition(piece_id, to, g.user.username, g.user.role,
                                   note=field(data, "note", str, default=""),
                                   approver_not_author=current_app.config["APPROVER_NOT_AUTHOR"],
                                   partners_first=current_app.config["PARTNERS_APPROVE_FIRST"],
                                   override=field(data, "override", str, default=""))
    except ValueError as exc:
        raise bad_input(exc) from None
    return jsonify(piece_detail(piece))


@routes.get("/pieces/<int:piece_id>/findings")
@requires("check")
def piece_findings(piece_id: int):
    """The current version's findings (stored; rechecked when the rule packs changed)."""
    analyzer = get_analyzer()
    piece = store().get_piece(piece_id)
    findings = checks.findings_for(store(), analyzer, piece_id)
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning",
                                                                        "suggestion")}
    return jsonify({"piece_id": piece_id, "version": piece.current.number,
                    "packs_version": analyzer.lexicons.version, "counts": counts,
                    "findings": [f.to_dict() for f in findings]})
