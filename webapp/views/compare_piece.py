"""The new-comparison form's campaign-piece option: the pieces to pick from (grouped
by campaign) and a form prefilled with one piece's versions, its campaign's
partners chosen as the targets.

Only helpers; the routes are in :mod:`.compare`.
"""
from __future__ import annotations

from flask import abort, current_app

from campaigns.store import PieceNotFound

from .campaign_common import campaign_store
from .compare_form import NewComparison, VariantRow, piece_source, prefilled


def piece_ref(piece_id: int) -> str:
    """The ``piece_ref`` stored with a comparison of a campaign piece."""
    return f"piece:{piece_id}"


def piece_groups() -> list[dict]:
    """``[{"campaign": CampaignSummary, "pieces": [Piece]}]`` for campaigns with pieces."""
    try:
        store = campaign_store()
        groups = [{"campaign": c, "pieces": store.pieces(c.id)}
                  for c in store.list_campaigns()]
    except Exception:  # the form must work even if pieces cannot be listed
        current_app.logger.exception("listing campaign pieces failed")
        return []
    return [g for g in groups if g["pieces"]]


def piece_of(comparison):
    """The campaign piece a comparison's ``piece_ref`` names (None if none or deleted)."""
    ref = getattr(comparison, "piece_ref", None) or ""
    kind, _, ident = ref.partition(":")
    if kind != "piece" or not ident.isdecimal():
        return None
    try:
        return campaign_store().get_piece(int(ident))
    except PieceNotFound:
        return None


def require_piece(piece_id: int):
    """The piece; raises PieceNotFound."""
    return campaign_store().get_piece(piece_id)


def from_piece(piece_id: int) -> tuple[NewComparison, str | None]:
    """A new comparison prefilled with a piece's versions (the latest ten), labelled
    ``v1``, ``v2``..., against its campaign's partner profiles."""
    store = campaign_store()
    try:
        piece = store.get_piece(piece_id)
        versions = store.versions(piece_id)
    except PieceNotFound:
        abort(404, description="That campaign piece does not exist.")
    campaign = store.get_campaign(piece.campaign_id)
    targets = list(dict.fromkeys(f"profile:{p.profile_id}" for p in campaign.partners))
    return prefilled(
        piece.title, "piece", versions,
        lambda v: VariantRow(f"v{v.number}", v.body, piece_source(piece.id, v.number)),
        kind="campaign", targets=targets, piece_id=piece.id)
