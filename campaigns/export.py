"""Campaign exports for people without accounts: CSV (RFC 4180) and a print-ready package.

Each non-archived piece goes out with its approved version (the current one
when nothing is approved, marked as a draft), its channel fit and who
approved it. Internal comments, review notes and audit notes are never
read here, so they cannot leak into an export. The HTML package is rendered
with Jinja2 directly (``templates/campaigns/package.html``): this package
never imports Flask.
"""
from __future__ import annotations

import base64
import csv
import hashlib
import io
from dataclasses import dataclass
from datetime import datetime, timezone
from jinja2 import Environment, FileSystemLoader, select_autoescape

from framing.csv_cells import defuse_formula
from framing.settings import data_root

from .channels import Channel, ChannelFit, channels_at, measure
from .models import APPROVED_STATUSES, Campaign, Piece, PieceVersion

TEMPLATES = data_root("templates")
CSV_COLUMNS = ("campaign", "piece_id", "channel", "title", "status", "run_date", "version",
               "content_hash", "approved", "approved_by", "approved_at", "partner_approvals",
               "words", "characters", "limit", "fits_channel", "body")


@dataclass
class ExportItem:
    """One piece as exported: the version that goes out and its approval state."""

    piece: Piece
    version: PieceVersion
    approved: bool
    channel: Channel | None
    fit: ChannelFit | None
    limit: str
    partner_approvals: list[str]


def items(store, campaign_id: int, root: str | None = None) -> tuple[Campaign, list[ExportItem]]:
    """The campaign and its non-archived pieces, each with the version to export
    (channels from the lexicon root ``root``, or the configured one)."""
    campaign = store.get_campaign(campaign_id)
    channels, rate = channels_at(root)
    names = {p.profile_id: p.name for p in campaign.partners}
    out = []
    for piece in store.pieces(campaign_id):
        if piece.status == "archived":
            continue
        approved = piece.status in APPROVED_STATUSES and piece.approved_version is not None
        version = store.version(piece.id, piece.approved_version) if approved else piece.current
        channel = channels.get(piece.channel)
        partners = [f"{names.get(pid, r.reviewer)} ({r.reviewer}, {r.decided_at[:10]})"
                    for pid, r in store.partner_approvals(piece).items()]
        out.append(ExportItem(piece, version, approved, channel,
                              measure(version.body, channel, rate) if channel else None,
                              limit_text(channel), partners))
    return campaign, out


def limit_text(channel: Channel | None) -> str:
    """The channel's hard limit in words a reader understands."""
    if channel is None:
        return ""
    parts = []
    if channel.max_words:
        parts.append(f"{channel.max_words} words")
    if channel.max_chars:
        parts.append(f"{channel.max_chars:,} characters")
    if channel.seconds:
        parts.append(f"{channel.seconds} seconds read aloud")
    if channel.max_segments:
        parts.append(f"{channel.max_segments} SMS segments")
    return ", ".join(parts)


def safe_cell(value) -> str:
    """Text for a CSV cell, with a leading apostrophe when a spreadsheet would run it."""
    return defuse_formula("" if value is None else str(value))


def export_csv(store, campaign_id: int, root: str | None = None) -> str:
    """The campaign's pieces as CSV: UTF-8, CRLF rows, RFC 4180 quoting, formulas neutralized."""
    campaign, rows = items(store, campaign_id, root)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(CSV_COLUMNS)
    for item in rows:
        piece, version = item.piece, item.version
        writer.writerow([safe_cell(v) for v in (
            campaign.name, piece.id, item.channel.label if item.channel else piece.channel,
            version.title, piece.status, piece.run_date or "", version.number,
            version.content_hash, "yes" if item.approved else "no",
            piece.approved_by if item.approved else "",
            piece.approved_at if item.approved else "", "; ".join(item.partner_approvals),
            item.fit.words if item.fit else "", item.fit.chars if item.fit else "", item.limit,
            ("yes" if item.fit.fits else "no") if item.fit else "", version.body)])
    return buffer.getvalue()


def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(str(TEMPLATES)),
                       autoescape=select_autoescape(["html"]), trim_blocks=True,
                       lstrip_blocks=True)


def _css() -> str:
    return (TEMPLATES / "campaigns" / "package.css").read_text(encoding="utf-8")


def package_csp() -> str:
    """A Content-Security-Policy for serving the package: only its own inline style runs.

    The package is one self-contained file (it must print offline), so its
    CSS is inline; the hash allows exactly that style and nothing else.
    """
    digest = base64.b64encode(hashlib.sha256(_css().encode("utf-8")).digest()).decode()
    return (f"default-src 'none'; style-src 'sha256-{digest}'; img-src data:; "
            "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


def export_html(store, campaign_id: int, now: datetime | None = None,
                root: str | None = None) -> str:
    """A print-ready HTML package: one piece per page, DRAFT unless approved."""
    campaign, rows = items(store, campaign_id, root)
    template = _environment().get_template("campaigns/package.html")
    generated = (now or datetime.now(timezone.utc)).strftime("%Y-%m-%d %H:%M UTC")
    return template.render(campaign=campaign, items=rows, generated=generated, css=_css())
