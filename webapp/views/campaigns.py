"""Media campaigns: the list, the campaign form, the dashboard of pieces, new pieces,
the calendar (page and .ics) and the exports.

Everyone signed in may read; editors and admins create and edit campaigns and
pieces. The pieces themselves (text, findings, comments, review) live in
:mod:`webapp.views.pieces`; the partner approval page in
:mod:`webapp.views.partner_link`.
"""
from __future__ import annotations

import calendar as stdcal
from datetime import date
from itertools import zip_longest
from pathlib import Path

from flask import (Blueprint, Response, abort, current_app, flash, g, redirect, render_template,
                   request, url_for)

from campaigns import calendar as campaign_calendar
from campaigns import checks, export
from campaigns.channels import load_channels
from campaigns.store import CampaignNotFound, CampaignStore

from ..auth import login_required, roles_required
from ..extensions import get_analyzer, get_db
from . import install_helpers, profile_store

bp = Blueprint("campaigns", __name__, url_prefix="/campaigns")
install_helpers(bp)
EDITORS = ("admin", "editor")

CAMPAIGN_TYPES = {
    "social-norms": "Social norms",
    "joint-media": "Joint media",
    "awareness": "Awareness",
    "policy": "Policy",
}
PARTNER_ROLES = {
    "co-sponsor": "Co-sponsor",
    "media-partner": "Media partner",
    "messenger": "Messenger",
    "target": "Target (we want to reach them)",
}
CAMPAIGN_STATUSES = {
    "planning": "Planning",
    "active": "Active",
    "completed": "Completed",
    "archived": "Archived",
}
PIECE_STATUSES = {
    "draft": "Draft",
    "in-review": "In review",
    "changes-requested": "Changes requested",
    "approved": "Approved",
    "scheduled": "Scheduled",
    "published": "Published",
    "archived": "Archived",
}
SEVERITY_LABELS = {"error": "Must fix", "warning": "Should fix", "suggestion": "Consider"}
BLANK_PARTNER_ROWS = 2
MONTHS = tuple(stdcal.month_name)


# -- shared helpers (also used by the pieces and partner-link views) --------------------------
def campaign_store() -> CampaignStore:
    """The campaign store on the request's database."""
    return CampaignStore(get_db())


def channels() -> dict:
    """Channel id -> Channel (labels and limits), loaded from ``lexicons/channels.yaml``."""
    cached = current_app.extensions.get("campaign_channels")
    if cached is None:
        root = current_app.config.get("FRAMING_LEXICONS") or None
        cached = load_channels(Path(root) if root else None)
        current_app.extensions["campaign_channels"] = cached
    return cached[0]


def speaking_rate() -> float:
    channels()
    return current_app.extensions["campaign_channels"][1]


def channel_label(channel_id: str | None) -> str:
    if not channel_id:
        return ""
    channel = channels().get(channel_id)
    return channel.label if channel else channel_id


def status_label(status: str | None) -> str:
    return PIECE_STATUSES.get(status or "", (status or "").replace("-", " ").capitalize())


def get_campaign(campaign_id: int):
    try:
        return campaign_store().get_campaign(campaign_id)
    except CampaignNotFound:
        abort(404, description="There is no such campaign. It may have been deleted.")


def readable_error(exc: Exception) -> tuple[str, str]:
    """``ValueError("partners[1].role: ...")`` -> (the field, a sentence for the page)."""
    text = str(exc)
    field, sep, reason = text.partition(": ")
    if not sep or " " in field.strip():
        return "", text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")
    head, _, sub = field.partition(".")
    name, _, index = head.partition("[")
    label = FIELD_LABELS.get(name, name.replace("_", " ").capitalize())
    if index.rstrip("]").isdigit():
        label += f", row {int(index.rstrip(']')) + 1}"
    if sub:
        label += ", " + SUBFIELD_LABELS.get(sub, sub.replace("_", " "))
    return field, f"{label}: {reason}."


FIELD_LABELS = {
    "name": "Name", "goal": "Goal", "type": "Type", "audience": "Audience", "start": "Start",
    "end": "End", "status": "Status", "partners": "Partners", "norms": "Norm data",
    "tagline": "Tagline", "hashtag": "Hashtag", "help_line": "Help line", "title": "Title",
    "body": "Text", "channel": "Channel", "run_date": "Run date",
    "target_profile_id": "Written for a partner", "note": "Note",
}
SUBFIELD_LABELS = {
    "profile_id": "partner", "role": "role", "contact_name": "contact name",
    "contact_email": "contact email", "behaviour": "behaviour", "actual_pct": "actually do (%)",
    "perceived_pct": "think others do (%)", "source": "source", "year": "survey year",
}


@bp.app_context_processor
def _campaign_helpers() -> dict:
    return {"channel_label": channel_label, "status_label": status_label,
            "campaign_type_label": lambda t: CAMPAIGN_TYPES.get(t, t or ""),
            "campaign_status_label": lambda s: CAMPAIGN_STATUSES.get(s, s or ""),
            "partner_role_label": lambda r: PARTNER_ROLES.get(r, r or "")}


# -- list ------------------------------------------------------------------------------------
@bp.get("/")
@login_required
def index():
    """Every campaign: type, status, dates and how many pieces it has."""
    items = campaign_store().list_campaigns()
    return render_template("campaigns/list.html", campaigns=items, types=CAMPAIGN_TYPES,
                           statuses=CAMPAIGN_STATUSES)


# -- the campaign form -----------------------------------------------------------------------
def _number(value: str):
    """A number from a form field: int when whole, float otherwise, the text when not a number."""
    text = (value or "").strip().rstrip("%").strip()
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        return value.strip()
    return int(number) if number.is_integer() else number


def campaign_from_form(form) -> dict:
    """The ``data`` dict for ``create_campaign`` / ``update_campaign`` from the posted form."""
    partners = []
    rows = zip_longest(form.getlist("pt_profile"), form.getlist("pt_role"),
                       form.getlist("pt_contact"), form.getlist("pt_email"), fillvalue="")
    for profile_id, role, contact, email in rows:
        profile_id, contact, email = profile_id.strip(), contact.strip(), email.strip()
        if not (profile_id or contact or email):
            continue  # a blank row
        partners.append({"profile_id": int(profile_id) if profile_id.isdigit() else None,
                         "role": role.strip(), "contact_name": contact, "contact_email": email})
    norms = {"behaviour": form.get("norm_behaviour", "").strip(),
             "actual_pct": _number(form.get("norm_actual", "")),
             "perceived_pct": _number(form.get("norm_perceived", "")),
             "source": form.get("norm_source", "").strip(),
             "year": _number(form.get("norm_year", ""))}
    if not any(v not in (None, "") for v in norms.values()):
        norms = {}
    text = lambda key: form.get(key, "").strip()  # noqa: E731
    return {"name": text("name"), "goal": text("goal"), "type": text("type"),
            "audience": text("audience"), "start": text("start") or None,
            "end": text("end") or None, "status": text("status"), "partners": partners,
            "norms": norms, "tagline": text("tagline"), "hashtag": text("hashtag"),
            "help_line": text("help_line")}


def campaign_doc(campaign) -> dict:
    """A stored campaign as the form's ``data`` dict."""
    return {"name": campaign.name, "goal": campaign.goal, "type": campaign.type,
            "audience": campaign.audience, "start": _iso(campaign.start),
            "end": _iso(campaign.end), "status": campaign.status,
            "partners": [{"profile_id": p.profile_id, "role": p.role,
                          "contact_name": p.contact_name, "contact_email": p.contact_email}
                         for p in campaign.partners],
            "norms": dict(campaign.norms or {}), "tagline": campaign.tagline,
            "hashtag": campaign.hashtag, "help_line": campaign.help_line}


def _iso(value) -> str:
    return "" if value is None else str(value)[:10]


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
    board = checks.dashboard(campaign_store(), get_analyzer(), campaign_id)
    totals: dict[str, int] = {}
    for row in board.rows:
        totals[row.piece.status] = totals.get(row.piece.status, 0) + 1
    return render_template("campaigns/dashboard.html", campaign=campaign, rows=board.rows,
                           issues=board.issues, totals=totals, statuses=PIECE_STATUSES,
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
    if doc["channel"] not in channels():
        return _piece_form(campaign, doc, 400, error="Channel: choose where this piece will run.",
                           error_field="channel")
    limit = current_app.config["MAX_TEXT_CHARS"]
    if len(doc["body"]) > limit:
        return _piece_form(campaign, doc, 413, error_field="body", error=(
            f"Text: {len(doc['body']):,} characters; the limit is {limit:,}. "
            "Split it into shorter pieces."))
    target = int(doc["target_profile_id"]) if doc["target_profile_id"].isdigit() else None
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
                           channels=channels(),
                           max_chars=current_app.config["MAX_TEXT_CHARS"], **context), status


# -- calendar --------------------------------------------------------------------------------
def _filters() -> tuple[int | None, str | None]:
    partner = request.args.get("partner", type=int)
    channel = request.args.get("channel", "").strip() or None
    return partner, channel


def _event_date(event) -> date | None:
    try:
        return date.fromisoformat(str(event.date)[:10])
    except (TypeError, ValueError):
        return None


def _month(value: str | None, fallback: date) -> date:
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        return date(year, month, 1)
    except ValueError:
        return fallback.replace(day=1)


def _shift(month: date, delta: int) -> date:
    index = month.year * 12 + month.month - 1 + delta
    return date(index // 12, index % 12 + 1, 1)


@bp.get("/<int:campaign_id>/calendar")
@login_required
def calendar_page(campaign_id: int):
    """Pieces by run date: a month grid (default) or an agenda list; filter by partner/channel."""
    campaign = get_campaign(campaign_id)
    partner, channel = _filters()
    events = campaign_calendar.events(campaign_store(), campaign_id=campaign_id,
                                      partner_id=partner, channel=channel)
    dated = sorted(((d, e) for e in events if (d := _event_date(e)) is not None),
                   key=lambda pair: (pair[0], str(pair[1].title)))
    view = "agenda" if request.args.get("view") == "agenda" else "month"
    today = date.today()
    upcoming = next((d for d, _ in dated if d >= today), dated[-1][0] if dated else None)
    try:
        start = date.fromisoformat(_iso(campaign.start)) if campaign.start else None
    except ValueError:
        start = None
    month = _month(request.args.get("month"), upcoming or start or today)
    by_day: dict[date, list] = {}
    for day, event in dated:
        by_day.setdefault(day, []).append(event)
    weeks = stdcal.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month)
    agenda: list[tuple[date, list]] = []
    for day, event in dated:
        if agenda and agenda[-1][0] == day:
            agenda[-1][1].append(event)
        else:
            agenda.append((day, [event]))
    used_channels = sorted({p.channel for p in campaign_store().pieces(campaign_id)},
                           key=channel_label)
    args = {k: v for k, v in (("partner", partner), ("channel", channel)) if v}
    return render_template(
        "campaigns/calendar.html", campaign=campaign, view=view, month=month, weeks=weeks,
        by_day=by_day, agenda=agenda, today=today, prev_month=_shift(month, -1),
        next_month=_shift(month, 1), month_name=MONTHS[month.month], partner=partner,
        channel=channel, used_channels=used_channels, args=args, event_count=len(events),
        undated=len(events) - len(dated),
        in_month=sum(1 for d, _ in dated if (d.year, d.month) == (month.year, month.month)))


def _ics(events, filename: str) -> Response:
    return Response(campaign_calendar.to_ics(events), mimetype="text/calendar", headers={
        "Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"})


@bp.get("/calendar.ics")
@login_required
def calendar_ics_all():
    """Every campaign's dated pieces as an iCalendar file."""
    partner, channel = _filters()
    return _ics(campaign_calendar.events(campaign_store(), partner_id=partner, channel=channel),
                "campaigns.ics")


@bp.get("/<int:campaign_id>/calendar.ics")
@login_required
def calendar_ics(campaign_id: int):
    """One campaign's dated pieces as an iCalendar file (same filters as the page)."""
    get_campaign(campaign_id)
    partner, channel = _filters()
    return _ics(campaign_calendar.events(campaign_store(), campaign_id=campaign_id,
                                         partner_id=partner, channel=channel),
                f"campaign-{campaign_id}.ics")


# -- exports ---------------------------------------------------------------------------------
@bp.get("/<int:campaign_id>/export.csv")
@login_required
def export_csv(campaign_id: int):
    """The campaign's pieces as CSV (never internal comments)."""
    get_campaign(campaign_id)
    body = export.export_csv(campaign_store(), campaign_id)
    return Response(body, mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="campaign-{campaign_id}.csv"',
        "Cache-Control": "no-store"})


@bp.get("/<int:campaign_id>/package")
@login_required
def package(campaign_id: int):
    """Print-ready HTML: one piece per page, approval status, DRAFT unless approved."""
    get_campaign(campaign_id)
    body = export.export_html(campaign_store(), campaign_id)
    # The package is one self-contained file (its CSS is inline, so it prints offline);
    # its policy allows exactly that style and no script at all.
    return Response(body, mimetype="text/html", headers={
        "Cache-Control": "no-store", "Content-Security-Policy": export.package_csp()})
