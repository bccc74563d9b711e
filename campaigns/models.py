"""The records the campaign store returns, its errors, and the fixed vocabularies.

Campaign → piece (one channel) → immutable numbered versions; a piece's
status moves through the review workflow in :mod:`campaigns.workflow`.
Dates are ISO strings (``YYYY-MM-DD``), times ISO 8601 UTC strings, as in
the rest of the store.
"""
from __future__ import annotations

from dataclasses import dataclass, field

CAMPAIGN_TYPES = ("social-norms", "joint-media", "awareness", "policy")
CAMPAIGN_STATUSES = ("planning", "active", "completed", "archived")
PARTNER_ROLES = ("co-sponsor", "media-partner", "messenger", "target")
# Partners whose sign-off every piece needs: their name (co-sponsor) or their
# voice (messenger) goes out with it. Media partners and targets receive pieces.
APPROVING_ROLES = ("co-sponsor", "messenger")
PIECE_STATUSES = ("draft", "in-review", "changes-requested", "approved", "scheduled",
                  "published", "archived")
# Statuses in which the piece's current version carries an approval.
APPROVED_STATUSES = ("approved", "scheduled", "published")
NORMS_KEYS = ("behaviour", "actual_pct", "perceived_pct", "source", "year")


class CampaignNotFound(LookupError):
    """No campaign with that id."""


class PieceNotFound(LookupError):
    """No piece with that id (or no such version of it)."""


class WorkflowError(Exception):
    """A status change (or edit) the workflow does not allow.

    ``forbidden`` is true when the move exists but the role may not make it
    (the API answers 403), false when the piece is in the wrong status (409).
    """

    def __init__(self, message: str, forbidden: bool = False):
        super().__init__(message)
        self.message = message
        self.forbidden = forbidden


class SelfApproval(WorkflowError):
    """Approving a version one saved oneself, with the approver-not-author setting on."""

    def __init__(self, message: str):
        super().__init__(message, forbidden=True)


class PartnerApprovalMissing(WorkflowError):
    """Approving a piece internally before the partners whose approval it needs gave it
    (with the partners-first setting on); ``missing`` names them. An admin may approve
    anyway with a reason, which the audit log keeps."""

    def __init__(self, missing: list[str]):
        names = ", ".join(missing)
        super().__init__(f"partner approval is missing from {names}: send them the approval "
                         "link first, or an admin can approve anyway with a reason")
        self.missing = missing


class StaleVersion(Exception):
    """An edit made from a version that is no longer the piece's current one.

    Checked under the write lock, so of two edits from the same version one
    lands and the other gets this (the API answers 409 with ``current_version``).
    """

    def __init__(self, current_version: int, expected_version: int):
        super().__init__(f"the piece is at version {current_version}; "
                         f"the edit was made from version {expected_version}")
        self.current_version = current_version
        self.expected_version = expected_version


@dataclass
class CampaignPartner:
    profile_id: int
    name: str
    role: str
    contact_name: str = ""
    contact_email: str = ""


@dataclass
class Campaign:
    id: int
    name: str
    goal: str
    type: str
    audience: str
    start: str | None
    end: str | None
    status: str
    partners: list[CampaignPartner]
    norms: dict | None
    tagline: str
    hashtag: str
    help_line: str
    created_at: str
    created_by: str


@dataclass
class CampaignSummary:
    id: int
    name: str
    type: str
    status: str
    start: str | None
    end: str | None
    piece_count: int


@dataclass
class PieceVersion:
    id: int
    piece_id: int
    number: int
    title: str
    body: str
    content_hash: str
    created_at: str
    created_by: str
    note: str
    restored_from: int | None

    @property
    def short_hash(self) -> str:
        return self.content_hash[:8]


@dataclass
class Piece:
    id: int
    campaign_id: int
    channel: str
    title: str
    status: str
    run_date: str | None
    target_profile_id: int | None
    current: PieceVersion
    version_count: int
    approved_version: int | None
    # Who approved the current version and when (None unless approved).
    approved_by: str | None = None
    approved_at: str | None = None


@dataclass
class Comment:
    id: int
    piece_id: int
    version_number: int
    author: str
    start: int
    end: int
    body: str
    created_at: str
    resolved: bool


@dataclass
class AuditEntry:
    at: str
    actor: str
    action: str
    from_status: str | None
    to_status: str | None
    note: str


@dataclass
class ReviewDecision:
    """One approve / changes decision, by an account or through a partner link."""

    id: int
    piece_id: int
    version_number: int
    content_hash: str
    decision: str             # approve | changes
    reviewer: str             # username, or the partner contact's name
    profile_id: int | None    # the partner's profile for link decisions
    note: str
    decided_at: str
    via: str = "account"      # account | link


@dataclass
class VersionDiff:
    """Two versions side by side with word-level operations (framing.textdiff)."""

    a: PieceVersion
    b: PieceVersion
    title_ops: list[dict] = field(default_factory=list)
    body_ops: list[dict] = field(default_factory=list)
    stats: dict = field(default_factory=dict)
