"""Review of pieces (a mixin of :class:`campaigns.store.CampaignStore`).

Status changes with the audit log, review decisions bound to a content hash,
internal comments on spans of a version, spent partner-link nonces, and the
stored check results per version. Audit rows are append-only (see
:mod:`campaigns.migrations`).
"""
from __future__ import annotations

import sqlite3
from typing import Any

from framing.store.db import write_transaction
from framing.store.profiles import actor, utcnow
from framing.validation import ValidationError

from . import workflow
from .models import (APPROVED_STATUSES, APPROVING_ROLES, AuditEntry, CampaignPartner, Comment,
                     PartnerApprovalMissing, Piece, PieceNotFound, ReviewDecision)
from .validate import text

DECISIONS = {"approved": "approve", "changes-requested": "changes"}
_REVIEW_COLS = ("id, piece_id, version_number, content_hash, decision, reviewer, profile_id, note,"
                " decided_at, via")


class ReviewOps:
    """Workflow, comments, audit and check-cache methods; expects ``self.db``."""

    db: Any

    # -- workflow ----------------------------------------------------------------------------
    def allowed_transitions(self, piece: Piece, role: str, user: Any = None,
                            approver_not_author: bool = True) -> list[str]:
        """The statuses ``role`` may move ``piece`` to now (and ``user``, when given: the
        author of the current version may not approve it unless ``approver_not_author``
        is off)."""
        return workflow.allowed_transitions(piece, role, None if user is None else actor(user),
                                            approver_not_author)

    def transition(self, piece_id: int, to_status: str, user: Any, role: str,
                   note: str = "", approver_not_author: bool = True,
                   partners_first: bool = False, override: str = "") -> Piece:
        """Move a piece to ``to_status``; raises WorkflowError for a disallowed move or role.

        Approving records the approver and binds the approval to the current
        version's hash; approving and requesting changes also record a review
        decision. Leaving the approved statuses (other than to archive) voids it.
        With ``approver_not_author`` (the default), the user who saved the current
        version may not approve it; the check reads the version under the write
        lock, so an edit landing meanwhile cannot slip past it.

        With ``partners_first``, approving also needs the approval of every partner
        whose sign-off the piece needs (:meth:`signoffs`); an admin may approve without
        it by giving the ``override`` reason, which is logged (action "override").
        Raises PartnerApprovalMissing otherwise.
        """
        note, who, now = text(note, "note"), actor(user), utcnow()
        reason = text(override, "override", limit="note")
        with write_transaction(self.db):
            piece = self.get_piece(piece_id)
            workflow.check_transition(piece, to_status, role, who, approver_not_author)
            missing = []
            if partners_first and to_status == "approved" \
                    and piece.status not in APPROVED_STATUSES:
                missing = [p.name for p, review in self.signoffs(piece) if review is None]
                if missing and not (role == "admin" and reason.strip()):
                    raise PartnerApprovalMissing(missing)
            if to_status == "approved" and piece.status not in APPROVED_STATUSES:
                self.db.execute(
                    "UPDATE pieces SET status = ?, approved_version = ?, approved_hash = ?,"
                    " approved_by = ?, approved_at = ? WHERE id = ?",
                    [to_status, piece.current.number, piece.current.content_hash, who, now,
                     piece_id])
            else:
                void = to_status not in APPROVED_STATUSES and to_status != "archived"
                self._set_status(piece_id, to_status, clear_approval=void)
            newly = to_status != "approved" or piece.status not in APPROVED_STATUSES
            if to_status in DECISIONS and newly:  # unscheduling is not a new decision
                self.add_review(piece, DECISIONS[to_status], who, note, now=now)
            self._audit(piece_id, who, "status", piece.status, to_status, note, now)
            if missing:
                self._audit(piece_id, who, "override", piece.status, to_status,
                            f"approved without partner approval from {', '.join(missing)}: "
                            f"{reason.strip()}", now)
        return self.get_piece(piece_id)

    def _set_status(self, piece_id: int, status: str, clear_approval: bool = False) -> None:
        if clear_approval:
            self.db.execute("UPDATE pieces SET status = ?, approved_version = NULL,"
                            " approved_hash = NULL, approved_by = NULL, approved_at = NULL"
                            " WHERE id = ?", [status, piece_id])
        else:
            self.db.execute("UPDATE pieces SET status = ? WHERE id = ?", [status, piece_id])

    # -- review decisions --------------------------------------------------------------------
    def add_review(self, piece: Piece, decision: str, reviewer: str, note: str = "",
                   profile_id: int | None = None, via: str = "account",
                   now: str | None = None) -> None:
        """Record a decision on the piece's current version (the hash it saw)."""
        if decision not in ("approve", "changes"):
            raise ValidationError("decision", "expected approve or changes")
        self.db.execute(
            f"INSERT INTO piece_reviews ({_REVIEW_COLS.split(', ', 1)[1]})"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [piece.id, piece.current.number, piece.current.content_hash, decision, reviewer,
             profile_id, note, now or utcnow(), via])

    def reviews(self, piece_id: int) -> list[ReviewDecision]:
        """Every decision on a piece, oldest first (internal: notes included)."""
        rows = self.db.execute(f"SELECT {_REVIEW_COLS} FROM piece_reviews WHERE piece_id = ?"
                               " ORDER BY decided_at, id", [piece_id]).fetchall()
        return [ReviewDecision(*row) for row in rows]

    def signoffs(self, piece: Piece, campaign: Any = None
                 ) -> list[tuple[CampaignPartner, ReviewDecision | None]]:
        """Each partner whose approval the piece needs (a co-sponsor or messenger of its
        campaign, read unless given) with their approval of the current text, or None."""
        approved = self.partner_approvals(piece)
        partners = (campaign or self.get_campaign(piece.campaign_id)).partners
        return [(p, approved.get(p.profile_id)) for p in partners if p.role in APPROVING_ROLES]

    def partner_approvals(self, piece: Piece) -> dict[int, ReviewDecision]:
        """Profile id -> that partner's latest decision, if it approves the current text."""
        latest: dict[int, ReviewDecision] = {}
        for review in self.reviews(piece.id):
            if review.profile_id is not None and review.content_hash == piece.current.content_hash:
                latest[review.profile_id] = review
        return {pid: r for pid, r in latest.items() if r.decision == "approve"}

    # -- audit -------------------------------------------------------------------------------
    def audit(self, piece_id: int) -> list[AuditEntry]:
        """Every status change and edit of a piece, oldest first."""
        rows = self.db.execute("SELECT at, actor, action, from_status, to_status, note"
                               " FROM piece_audit WHERE piece_id = ? ORDER BY id",
                               [piece_id]).fetchall()
        return [AuditEntry(*row) for row in rows]

    def _audit(self, piece_id: int, who: str, action: str, from_status: str | None,
               to_status: str | None, note: str, now: str | None = None) -> None:
        self.db.execute("INSERT INTO piece_audit (piece_id, at, actor, action, from_status,"
                        " to_status, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        [piece_id, now or utcnow(), who, action, from_status, to_status, note])

    # -- internal comments -------------------------------------------------------------------
    def add_comment(self, piece_id: int, version_number: int, user: Any, start: int, end: int,
                    body: str) -> Comment:
        """An internal comment on ``body[start:end]`` of one version ((0, 0): the whole piece)."""
        body = text(body, "body", required=True, limit="comment")
        version = self.version(piece_id, version_number)
        for name, value in (("start", start), ("end", end)):
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValidationError(name, "expected a character offset")
        if not 0 <= start <= end <= len(version.body):
            raise ValidationError("start", f"the span {start}-{end} is outside the text "
                                           f"(0-{len(version.body)})")
        now, who = utcnow(), actor(user)
        with write_transaction(self.db):
            cur = self.db.execute(
                "INSERT INTO piece_comments (piece_id, version_number, author, start_offset,"
                " end_offset, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [piece_id, version_number, who, start, end, body, now])
        return Comment(cur.lastrowid, piece_id, version_number, who, start, end, body, now, False)

    def comments(self, piece_id: int) -> list[Comment]:
        """A piece's internal comments by version and position. Never export these."""
        rows = self.db.execute(
            "SELECT id, piece_id, version_number, author, start_offset, end_offset, body,"
            " created_at, resolved FROM piece_comments WHERE piece_id = ?"
            " ORDER BY version_number, start_offset, id", [piece_id]).fetchall()
        return [Comment(*row[:8], bool(row[8])) for row in rows]

    def resolve_comment(self, comment_id: int, resolved: bool = True) -> None:
        """Mark a comment resolved (or open again)."""
        with write_transaction(self.db):
            cur = self.db.execute("UPDATE piece_comments SET resolved = ? WHERE id = ?",
                                  [int(resolved), comment_id])
            if cur.rowcount == 0:
                raise PieceNotFound(f"comment {comment_id} not found")

    # -- partner links -----------------------------------------------------------------------
    def link_used(self, nonce: str) -> bool:
        """Whether a partner link with this nonce already recorded a decision."""
        return self.db.execute("SELECT 1 FROM partner_link_uses WHERE nonce = ?",
                               [nonce]).fetchone() is not None

    def spend_link(self, nonce: str, piece_id: int, version_number: int,
                   profile_id: int | None, decision: str) -> bool:
        """Mark a link used; False when it already was (the PRIMARY KEY decides races)."""
        try:
            self.db.execute("INSERT INTO partner_link_uses (nonce, piece_id, version_number,"
                            " profile_id, decision, used_at) VALUES (?, ?, ?, ?, ?, ?)",
                            [nonce, piece_id, version_number, profile_id, decision, utcnow()])
        except sqlite3.IntegrityError:
            return False
        return True

    # -- stored check results ----------------------------------------------------------------
    def stored_checks(self, version_ids: list[int]) -> dict[int, tuple[str, str, str]]:
        """version id -> (packs_version, context, findings JSON) for those with a result."""
        if not version_ids:
            return {}
        marks = ", ".join("?" * len(version_ids))
        rows = self.db.execute("SELECT version_id, packs_version, context, findings FROM"
                               f" piece_checks WHERE version_id IN ({marks})",
                               list(version_ids)).fetchall()
        return {row[0]: tuple(row[1:]) for row in rows}

    def save_checks(self, results: list[tuple[int, str, str, str]]) -> None:
        """Store (version id, packs_version, context, findings JSON) results, replacing old ones."""
        if not results:
            return
        now = utcnow()
        with write_transaction(self.db):
            for version_id, packs, context, findings in results:
                self.db.execute(
                    "INSERT INTO piece_checks (version_id, packs_version, context, findings,"
                    " checked_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (version_id) DO UPDATE SET"
                    " packs_version = excluded.packs_version, context = excluded.context,"
                    " findings = excluded.findings, checked_at = excluded.checked_at",
                    [version_id, packs, context, findings, now])

