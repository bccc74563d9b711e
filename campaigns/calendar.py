"""The campaign calendar: pieces by run date, and its iCalendar (RFC 5545) export.

One all-day VEVENT per dated piece. The UID is stable per piece, so a
calendar that imported the file updates the event when a piece moves;
SEQUENCE is the version number, so each edit supersedes the previous copy.
Only the title, channel, campaign and status go out: never the text's
internal comments or review notes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from .models import Piece

PRODID = "-//framing//campaign calendar//EN"
UID_DOMAIN = "framing.campaigns"
# Confirmed once it is set to run; everything earlier may still change.
CONFIRMED = ("scheduled", "published")


@dataclass
class CalendarEvent:
    piece_id: int
    date: str            # ISO date the piece runs
    title: str
    channel: str
    campaign: str
    status: str
    version: int


def events(store, campaign_id: int | None = None, partner_id: int | None = None,
           channel: str | None = None) -> list[CalendarEvent]:
    """Dated, non-archived pieces by run date; filter by campaign, partner and channel.

    A partner matches the pieces of campaigns it takes part in and the
    pieces that target it.
    """
    campaigns = ([store.get_campaign(campaign_id)] if campaign_id is not None
                 else [store.get_campaign(c.id) for c in store.list_campaigns()])
    out = []
    for campaign in campaigns:
        member = partner_id is None or any(p.profile_id == partner_id for p in campaign.partners)
        for piece in store.pieces(campaign.id):
            if not piece.run_date or piece.status == "archived":
                continue
            if channel and piece.channel != channel:
                continue
            if not member and piece.target_profile_id != partner_id:
                continue
            out.append(_event(piece, campaign.name))
    return sorted(out, key=lambda e: (e.date, e.campaign.casefold(), e.piece_id))


def _event(piece: Piece, campaign: str) -> CalendarEvent:
    return CalendarEvent(piece.id, piece.run_date, piece.title, piece.channel, campaign,
                         piece.status, piece.current.number)


def to_ics(items: list[CalendarEvent], now: datetime | None = None) -> str:
    """An iCalendar document: CRLF line ends, lines folded at 75 octets, text escaped."""
    stamp = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH"]
    labels = _channel_labels()
    for event in items:
        day = date.fromisoformat(str(event.date)[:10])
        channel = labels.get(event.channel, event.channel)
        about = (f"Campaign: {event.campaign}\nChannel: {channel}\n"
                 f"Status: {event.status}, version {event.version}")
        lines += [
            "BEGIN:VEVENT",
            f"UID:piece-{event.piece_id}@{UID_DOMAIN}",
            f"DTSTAMP:{stamp.strftime('%Y%m%dT%H%M%SZ')}",
            f"DTSTART;VALUE=DATE:{day.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(day + timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{escape(f'{event.title} ({channel})')}",
            f"DESCRIPTION:{escape(about)}",
            f"CATEGORIES:{escape(event.campaign)},{escape(channel)}",
            f"STATUS:{'CONFIRMED' if event.status in CONFIRMED else 'TENTATIVE'}",
            f"SEQUENCE:{event.version}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def _channel_labels() -> dict[str, str]:
    from .channels import channels_at
    return {cid: ch.label for cid, ch in channels_at()[0].items()}


# Everything Python's str.splitlines() treats as a line end: calendar readers differ on
# which of them end a line, so all of them become the one escape RFC 5545 defines (\n).
LINE_BREAKS = re.compile("\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# Other control characters (C0 but tab, DEL, C1) are not allowed in a TEXT value.
CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f\x80-\x9f]")


def escape(text: str) -> str:
    """RFC 5545 TEXT value: backslash, semicolon and comma escaped; every kind of line
    break (CR, LF, VT, FF, NEL, LINE and PARAGRAPH SEPARATOR...) written as ``\\n``;
    other control characters dropped. Tabs stay (TEXT allows them)."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return CONTROLS.sub("", LINE_BREAKS.sub(lambda _: "\\n", text))


def fold(line: str, limit: int = 75) -> str:
    """Fold a content line into chunks of at most ``limit`` octets (never inside a character)."""
    out, chunk, size = [], "", 0
    for ch in line:
        width = len(ch.encode("utf-8"))
        # Continuation lines start with a space, which counts toward their 75 octets.
        if size + width > limit:
            out.append(chunk)
            chunk, size = " ", 1
        chunk += ch
        size += width
    out.append(chunk)
    return "\r\n".join(out)
