"""The review workflow of a piece: which status changes exist and who may make them.

draft → in-review → changes-requested → approved → scheduled → published,
plus archived from anywhere (and back to draft). Reviewers decide (approve or
request changes); editors and admins also submit, schedule, publish and
archive. The content hash ties every approval to one version, and (unless
the setting is turned off) its approver is not the user who saved it.
"""
from __future__ import annotations

import hashlib
import unicodedata

from framing.constants import EDITORS as EDITOR_ROLES

from .models import APPROVED_STATUSES, PIECE_STATUSES, Piece, SelfApproval, WorkflowError

EDITORS = frozenset(EDITOR_ROLES)
DECIDERS = frozenset({"reviewer", "editor", "admin"})

TRANSITIONS: dict[tuple[str, str], frozenset[str]] = {
    ("draft", "in-review"): EDITORS,
    ("in-review", "approved"): DECIDERS,
    ("in-review", "changes-requested"): DECIDERS,
    ("in-review", "draft"): EDITORS,                  # withdrawn by the author
    ("changes-requested", "in-review"): EDITORS,      # resubmitted after an edit
    ("changes-requested", "draft"): EDITORS,
    ("approved", "changes-requested"): DECIDERS,      # a reviewer changes their mind
    ("approved", "in-review"): EDITORS,
    ("approved", "scheduled"): EDITORS,
    ("scheduled", "approved"): EDITORS,               # unscheduled
    ("scheduled", "published"): EDITORS,
    ("archived", "draft"): EDITORS,
}
TRANSITIONS.update({(status, "archived"): EDITORS for status in PIECE_STATUSES
                    if status != "archived"})

# An edit of a piece in one of these statuses voids its approval and sends it back to review.
EDIT_RETURNS_TO_REVIEW = ("approved", "scheduled", "published")


def check_transition(piece: Piece, to_status: str, role: str, user: str | None = None,
                     approver_not_author: bool = True) -> None:
    """Raise WorkflowError unless ``role`` (and ``user``, when given) may move ``piece`` to
    ``to_status`` now.

    With ``approver_not_author``, the user who saved the current version may not
    approve it: one person alone cannot take their own text from draft to
    published. Moving a scheduled piece back to approved is not a new approval.
    """
    if to_status not in PIECE_STATUSES:
        raise WorkflowError(f"unknown status {to_status!r} "
                            f"(expected one of {', '.join(PIECE_STATUSES)})")
    if to_status == piece.status:
        raise WorkflowError(f"the piece is already {piece.status}")
    roles = TRANSITIONS.get((piece.status, to_status))
    if roles is None:
        raise WorkflowError(f"a piece cannot move from {piece.status} to {to_status}")
    if role not in roles:
        who = " or ".join(sorted(roles))
        raise WorkflowError(f"the role {role!r} may not move a piece from {piece.status} to "
                            f"{to_status} (only {who})", forbidden=True)
    if to_status == "scheduled" and not piece.run_date:
        raise WorkflowError("set a run date before scheduling the piece")
    if (approver_not_author and user is not None and to_status == "approved"
            and piece.status not in APPROVED_STATUSES and user == piece.current.created_by):
        raise SelfApproval(
            f"you saved the current version (version {piece.current.number}), so someone "
            "else must approve it")


def allowed_transitions(piece: Piece, role: str, user: str | None = None,
                        approver_not_author: bool = True) -> list[str]:
    """The statuses ``role`` (and ``user``, when given) may move ``piece`` to now, in
    workflow order."""
    allowed = []
    for status in PIECE_STATUSES:
        try:
            check_transition(piece, status, role, user, approver_not_author)
        except WorkflowError:
            continue
        allowed.append(status)
    return allowed


def normalize_title(title: str) -> str:
    """One line, single spaces: titles are labels, not layout."""
    return " ".join(title.split())


def normalize_body(body: str) -> str:
    """Unix line ends and no outer blank space (what is stored and checked)."""
    return body.replace("\r\n", "\n").replace("\r", "\n").strip()


def content_hash(title: str, body: str, channel: str) -> str:
    """SHA-256 of the normalized title, body and channel id.

    NFC and trailing spaces on lines are normalized away so that re-saving the
    same words (from another browser or OS) does not look like a new text.
    """
    def norm(text: str) -> str:
        text = unicodedata.normalize("NFC", normalize_body(text))
        return "\n".join(line.rstrip() for line in text.split("\n"))
    payload = "\x1f".join((channel, normalize_title(unicodedata.normalize("NFC", title)),
                           norm(body)))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
