"""A campaign's pieces by date and as files: the calendar page (month grid or agenda),
the .ics calendars, the CSV export and the print-ready package.

Everyone signed in may read them. The routes live on the campaigns blueprint
(:mod:`.campaign_common`).
"""
from __future__ import annotations

import calendar as stdcal
from datetime import date

from flask import Response, current_app, render_template, request

from campaigns import calendar as campaign_calendar
from campaigns import export

from ..auth import login_required
from .campaign_common import bp, campaign_store, channel_label, get_campaign
from .campaign_form import iso

MONTHS = tuple(stdcal.month_name)


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
        start = date.fromisoformat(iso(campaign.start)) if campaign.start else None
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
    body = export.export_csv(campaign_store(), campaign_id,
                             root=current_app.config.get("FRAMING_LEXICONS") or None)
    return Response(body, mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="campaign-{campaign_id}.csv"',
        "Cache-Control": "no-store"})


@bp.get("/<int:campaign_id>/package")
@login_required
def package(campaign_id: int):
    """Print-ready HTML: one piece per page, approval status, DRAFT unless approved."""
    get_campaign(campaign_id)
    body = export.export_html(campaign_store(), campaign_id,
                              root=current_app.config.get("FRAMING_LEXICONS") or None)
    # The package is one self-contained file (its CSS is inline, so it prints offline);
    # its policy allows exactly that style and no script at all.
    return Response(body, mimetype="text/html", headers={
        "Cache-Control": "no-store", "Content-Security-Policy": export.package_csp()})
