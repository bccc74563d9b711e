"""Campaign use cases the web pages and the JSON API share (no Flask, no click).

- :func:`campaign_dashboard`: each piece's status, findings and blockers, with
  how many pieces are in each status.
- :func:`partner_signoffs`: for each partner whose approval pieces need, how many
  of a campaign's current texts they approved (the campaign list shows it).
- :func:`statuses_role_may_set`: the statuses a role may ever move a piece to,
  read from the workflow's transition table (so the pages never re-encode it).
"""
from __future__ import annotations

from dataclasses import dataclass

from . import piece_checks as checks
from .workflow import TRANSITIONS


@dataclass
class CampaignDashboard:
    """The dashboard rows and data issues of :func:`campaigns.piece_checks.dashboard`, and the
    number of pieces in each status."""

    rows: list
    issues: list
    totals: dict[str, int]


def campaign_dashboard(store, analyzer, campaign_id: int,
                       recheck_stale: bool = True) -> CampaignDashboard:
    """The dashboard of a campaign (raises the store's ``CampaignNotFound``)."""
    board = checks.dashboard(store, analyzer, campaign_id, recheck_stale=recheck_stale)
    totals: dict[str, int] = {}
    for row in board.rows:
        totals[row.piece.status] = totals.get(row.piece.status, 0) + 1
    return CampaignDashboard(board.rows, board.issues, totals)


@dataclass(frozen=True)
class PartnerSignoff:
    """One partner's approvals across a campaign's pieces (archived ones aside)."""

    name: str
    role: str
    approved: int
    pieces: int


def partner_signoffs(store, campaign_id: int) -> list[PartnerSignoff]:
    """How many of the campaign's current texts each approving partner approved."""
    campaign = store.get_campaign(campaign_id)
    pieces = [p for p in store.pieces(campaign_id) if p.status != "archived"]
    counts: dict[int, PartnerSignoff] = {}
    for piece in pieces:
        for partner, review in store.signoffs(piece, campaign):
            before = counts.get(partner.profile_id, PartnerSignoff(partner.name, partner.role, 0, 0))
            counts[partner.profile_id] = PartnerSignoff(
                before.name, before.role, before.approved + (review is not None),
                before.pieces + 1)
    return list(counts.values())


def statuses_role_may_set(role: str) -> frozenset[str]:
    """Every status some transition lets ``role`` move a piece to."""
    return frozenset(to for (_, to), roles in TRANSITIONS.items() if role in roles)
