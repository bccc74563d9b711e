"""Campaign pieces: the current version with findings and comments marked in the text,
channel fit, the review buttons for the user's role, the audit log and the versions;
editing (a new immutable version), comparing and restoring versions, and the
one-time partner approval link.

The text is cut into segments by :mod:`webapp.highlight` (findings and comment
spans together) and every segment is printed through Jinja's autoescaping.

Reviewers comment and approve or request changes; they never schedule or
publish (the buttons are hidden and the POST is refused here, whatever the
store would allow).

This module holds the pieces blueprint and what the piece modules share (the
piece page itself is drawn here); the route showing a piece is :mod:`.pieces`,
the text cut into findings and comments is :mod:`.piece_text`, status changes,
comments and the partner link are :mod:`.piece_review`, editing and versions
are :mod:`.piece_versions`. The app factory registers ``bp`` once they are loaded.
"""
from __future__ import annotations

from flask import Blueprint, abort, current_app, g, render_template

from campaigns import piece_checks as checks
from campaigns.channels import measure
from campaigns.services import statuses_role_may_set
from campaigns.models import APPROVED_STATUSES
from campaigns.store import PieceNotFound
from framing.constants import EDITORS
from framing.findings import SEVERITIES, SEVERITY_LABELS
from framing.store.profiles import ProfileNotFound

from ..extensions import get_analyzer
from . import install_helpers, profile_store
from .campaign_common import PIECE_STATUSES, campaign_store, channels, get_campaign, speaking_rate
from .checker_common import rule_groups, safe_url
from .piece_text import text_parts

bp = Blueprint("pieces", __name__, url_prefix="/pieces")
install_helpers(bp)

# What a status button says, by the status it moves the piece to.
ACTIONS = {
    "in-review": ("Send for review", "primary"),
    "approved": ("Approve", "primary"),
    "changes-requested": ("Request changes", ""),
    "scheduled": ("Schedule", "primary"),
    "published": ("Mark as published", ""),
    "draft": ("Back to draft", "quiet"),
    "archived": ("Archive", "quiet"),
}
# Buttons in this order: the usual next step first, leaving review or the workflow last.
BUTTON_ORDER = ("approved", "changes-requested", "in-review", "scheduled", "published", "draft",
                "archived")
AUDIT_ACTIONS = {
    "create": "Created", "edit": "New version", "restore": "Restored an old version",
    "status": "Status", "update": "Changed the run date or partner",
    "partner-approve": "Partner approved", "partner-changes": "Partner asked for changes",
    "override": "Approved without partner approval",
}
# Reviewers read, comment and decide; scheduling and publishing are for editors and admins.
# Read from the workflow (campaigns/workflow.TRANSITIONS), so the two cannot disagree.
REVIEWER_MAY = statuses_role_may_set("reviewer")
MAX_COMMENT, MAX_NOTE, MAX_QUOTE = 4000, 2000, 2000


def piece_store():
    """The campaign store (which holds the pieces) on the request's database."""
    return campaign_store()


def get_piece(piece_id: int):
    """The piece, or a 404 page."""
    try:
        return piece_store().get_piece(piece_id)
    except PieceNotFound:
        abort(404, description="There is no such piece. It may have been deleted.")


def allowed_for_user(piece) -> list[str]:
    """The statuses this user may move ``piece`` to (never schedule/publish for reviewers;
    never approve a version they saved, unless APPROVER_NOT_AUTHOR is off)."""
    role = g.user.role
    allowed = list(piece_store().allowed_transitions(
        piece, role, g.user, current_app.config["APPROVER_NOT_AUTHOR"]))
    if role not in EDITORS:
        allowed = [s for s in allowed if s in REVIEWER_MAY]
    return sorted(allowed, key=lambda s: BUTTON_ORDER.index(s) if s in BUTTON_ORDER else 99)


# -- the piece page --------------------------------------------------------------------------
def _target_name(piece, campaign) -> str:
    if not piece.target_profile_id:
        return ""
    for partner in campaign.partners:
        if partner.profile_id == piece.target_profile_id and partner.name:
            return partner.name
    try:
        return profile_store().get(piece.target_profile_id).name
    except ProfileNotFound:
        return ""


def _fit(piece, body: str):
    channel = channels().get(piece.channel)
    return measure(body, channel, speaking_rate()) if channel else None


def page(piece, status: int = 200, **context):
    """The piece page (``context`` adds errors and notices)."""
    store = piece_store()
    campaign = get_campaign(piece.campaign_id)
    version = piece.current
    findings = list(checks.findings_for(store, get_analyzer(), piece.id))
    ids = [f"f{i + 1}" for i in range(len(findings))]
    comments = list(store.comments(piece.id))
    here = [c for c in comments if c.version_number == version.number]
    older = [c for c in comments if c.version_number != version.number]
    # Only spans that still quote this version's text are drawn in it.
    anchored = [c for c in here if 0 <= int(c.start) < int(c.end) <= len(version.body)]
    versions = list(store.versions(piece.id))
    signoffs = store.signoffs(piece, campaign)
    transitions = allowed_for_user(piece)
    # Partners approve first (PARTNERS_APPROVE_FIRST): whose approval internal approval waits for.
    waiting_for = ([p.name for p, review in signoffs if review is None]
                   if current_app.config["PARTNERS_APPROVE_FIRST"] and "approved" in transitions
                   and piece.status not in APPROVED_STATUSES else [])
    # The role could approve, but this user saved the version: say why there is no button.
    own_version = ("approved" not in transitions
                   and "approved" in store.allowed_transitions(piece, g.user.role))
    return render_template(
        "campaigns/piece.html", piece=piece, campaign=campaign, version=version,
        parts=text_parts(version.body, findings, anchored), findings=findings,
        by_id=dict(zip(ids, findings)), rule_groups=rule_groups(ids, findings),
        counts={sev: sum(f.severity == sev for f in findings) for sev in SEVERITIES},
        severity_labels=SEVERITY_LABELS,
        comments=here, older_comments=older, quotes={c.id: version.body[c.start:c.end]
                                                      for c in anchored},
        fit=_fit(piece, version.body), transitions=transitions, own_version=own_version,
        actions=ACTIONS,
        audit=list(store.audit(piece.id)), versions=versions,
        target_name=_target_name(piece, campaign), statuses=PIECE_STATUSES, safe_url=safe_url,
        signoffs=signoffs, waiting_for=waiting_for, audit_actions=AUDIT_ACTIONS,
        **context), status
