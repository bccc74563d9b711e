"""What the campaign, calendar, piece and partner-link views share: the campaigns
blueprint, the labels for campaign types, roles and statuses, the campaign store
and the channels.

The routes on ``bp`` are in :mod:`.campaigns` (list, form, dashboard, new
pieces) and :mod:`.campaign_calendar` (calendar and exports); the app factory
registers ``bp`` once they are loaded.
"""
from __future__ import annotations


from flask import Blueprint, abort, current_app

from campaigns.channels import channels_at
from campaigns.store import CampaignNotFound, CampaignStore

from ..extensions import get_db
from . import install_helpers

bp = Blueprint("campaigns", __name__, url_prefix="/campaigns")
install_helpers(bp)

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
BLANK_PARTNER_ROWS = 2


# -- shared helpers (also used by the pieces and partner-link views) --------------------------
def campaign_store() -> CampaignStore:
    """The campaign store on the request's database."""
    return CampaignStore(get_db())


def channels() -> dict:
    """Channel id -> Channel (labels and limits), loaded from ``lexicons/channels.yaml``."""
    return channels_at(current_app.config.get("FRAMING_LEXICONS") or None)[0]


def speaking_rate() -> float:
    """Words a minute assumed for spoken channels (from the channels file)."""
    return channels_at(current_app.config.get("FRAMING_LEXICONS") or None)[1]


def channel_label(channel_id: str | None) -> str:
    """A channel's label, or its id when the channel is unknown."""
    if not channel_id:
        return ""
    channel = channels().get(channel_id)
    return channel.label if channel else channel_id


def status_label(status: str | None) -> str:
    """A piece status as the pages show it."""
    return PIECE_STATUSES.get(status or "", (status or "").replace("-", " ").capitalize())


def get_campaign(campaign_id: int):
    """The campaign, or a 404 page."""
    try:
        return campaign_store().get_campaign(campaign_id)
    except CampaignNotFound:
        abort(404, description="There is no such campaign. It may have been deleted.")


@bp.app_context_processor
def _campaign_helpers() -> dict:
    return {"channel_label": channel_label, "status_label": status_label,
            "campaign_type_label": lambda t: CAMPAIGN_TYPES.get(t, t or ""),
            "campaign_status_label": lambda s: CAMPAIGN_STATUSES.get(s, s or ""),
            "partner_role_label": lambda r: PARTNER_ROLES.get(r, r or "")}
