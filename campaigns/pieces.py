"""Pieces and their immutable versions (a mixin of :class:`campaigns.store.CampaignStore`).

Every edit appends a version numbered one above the last, under SQLite's
write lock (``BEGIN IMMEDIATE``) and UNIQUE(piece_id, number), so two
editors never share a number; an edit that names the version it started from
(``base_version``) is refused with StaleVersion, under that same lock, when
another edit landed first. The current version is the highest number;
restoring copies an old version forward. Editing an approved, scheduled or
published piece voids the approval and sends it back to review.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from framing.store.db import write_transaction
from framing.store.profiles import actor, utcnow
from framing.textdiff import diff_stats, word_diff
from framing.validation import ValidationError

from .models import Piece, PieceNotFound, PieceVersion, StaleVersion, VersionDiff, WorkflowError
from .validate import iso_date, text
from .workflow import EDIT_RETURNS_TO_REVIEW, content_hash, normalize_body, normalize_title

_VERSION_COLS = ("v.id, v.piece_id, v.number, v.title, v.body, v.content_hash, v.created_at,"
                 " v.created_by, v.note, v.restored_from")
# One row per piece with its current (highest-numbered) version and version count.
PIECE_SQL = f"""SELECT p.id, p.campaign_id, p.channel, p.status, p.run_date, p.target_profile_id,
    p.approved_version, p.approved_by, p.approved_at,
    (SELECT COUNT(*) FROM piece_versions c WHERE c.piece_id = p.id), {_VERSION_COLS}
  FROM pieces p JOIN piece_versions v ON v.piece_id = p.id
   AND v.number = (SELECT MAX(number) FROM piece_versions m WHERE m.piece_id = p.id)"""
UNSET: Any = object()


@lru_cache(maxsize=4)
def channel_ids(root: str | None = None) -> frozenset[str]:
    """The channel ids in ``lexicons/channels.yaml`` (cached: the file is data)."""
    from .channels import channels_at
    return frozenset(channels_at(root)[0])


def piece_from_row(row: tuple) -> Piece:
    (pid, campaign_id, channel, status, run_date, target, approved_version, approved_by,
     approved_at, count) = row[:10]
    current = PieceVersion(*row[10:])
    return Piece(pid, campaign_id, channel, current.title, status, run_date, target, current,
                 count, approved_version, approved_by, approved_at)


class PieceOps:
    """Piece and version methods; expects ``self.db``."""

    db: Any

    def pieces(self, campaign_id: int) -> list[Piece]:
        """A campaign's pieces by run date (undated last), then creation order."""
        self._require_campaign(campaign_id)
        rows = self.db.execute(f"{PIECE_SQL} WHERE p.campaign_id = ?"
                               " ORDER BY p.run_date IS NULL, p.run_date, p.id",
                               [campaign_id]).fetchall()
        return [piece_from_row(r) for r in rows]

    def get_piece(self, id: int) -> Piece:
        """One piece with its current version; raises PieceNotFound."""
        row = self.db.execute(f"{PIECE_SQL} WHERE p.id = ?", [id]).fetchone()
        if row is None:
            raise PieceNotFound(f"piece {id} not found")
        return piece_from_row(row)

    def add_piece(self, campaign_id: int, channel: str, title: str, body: str, user: Any,
                  run_date: str | None = None, target_profile_id: int | None = None) -> Piece:
        """A new draft piece for one channel, with its first version."""
        if channel not in channel_ids():
            raise ValidationError("channel", f"unknown channel {channel!r} "
                                             f"(known: {', '.join(sorted(channel_ids()))})")
        title, body = _title(title), _body(body)
        run_date = iso_date(run_date, "run_date")
        now, who = utcnow(), actor(user)
        with write_transaction(self.db):
            self._require_campaign(campaign_id)
            self._require_profile(target_profile_id)
            cur = self.db.execute(
                "INSERT INTO pieces (campaign_id, channel, status, run_date, target_profile_id,"
                " created_at, created_by) VALUES (?, ?, 'draft', ?, ?, ?, ?)",
                [campaign_id, channel, run_date, target_profile_id, now, who])
            piece_id = cur.lastrowid
            self._insert_version(piece_id, 1, title, body, channel, who, now, "", None)
            self._audit(piece_id, who, "create", None, "draft", "", now)
        return self.get_piece(piece_id)

    def update_piece(self, piece_id: int, user: Any, run_date: Any = UNSET,
                     target_profile_id: Any = UNSET) -> Piece:
        """Change the run date or target partner (not part of the text, so no new version)."""
        who, changes = actor(user), []
        with write_transaction(self.db):
            piece = self.get_piece(piece_id)
            if run_date is not UNSET:
                run_date = iso_date(run_date, "run_date")
                if run_date is None and piece.status == "scheduled":
                    raise WorkflowError("a scheduled piece needs a run date; unschedule it first")
                self.db.execute("UPDATE pieces SET run_date = ? WHERE id = ?", [run_date, piece_id])
                changes.append(f"run date {piece.run_date or '-'} -> {run_date or '-'}")
            if target_profile_id is not UNSET:
                self._require_profile(target_profile_id)
                self.db.execute("UPDATE pieces SET target_profile_id = ? WHERE id = ?",
                                [target_profile_id, piece_id])
                changes.append(f"target profile {piece.target_profile_id or '-'} -> "
                               f"{target_profile_id or '-'}")
            if changes:
                self._audit(piece_id, who, "update", piece.status, piece.status,
                            "; ".join(changes), utcnow())
        return self.get_piece(piece_id)

    def edit_piece(self, piece_id: int, title: str, body: str, user: Any,
                   note: str = "", base_version: int | None = None) -> PieceVersion:
        """Save a new version (unchanged text saves nothing and returns the current one).

        ``base_version`` is the version number the edit was made from: if the
        piece has moved on since, StaleVersion is raised and nothing is saved.
        The check runs under the write lock, so two edits from the same version
        cannot both land.
        """
        return self._new_version(piece_id, title, body, user, note, None, base_version)

    def restore(self, piece_id: int, number: int, user: Any) -> PieceVersion:
        """Copy version ``number`` forward as a new version that points back to it."""
        old = self.version(piece_id, number)
        return self._new_version(piece_id, old.title, old.body, user,
                                 f"Restored version {number}", number)

    def _new_version(self, piece_id: int, title: str, body: str, user: Any, note: str,
                     restored_from: int | None, base_version: int | None = None) -> PieceVersion:
        title, body = _title(title), _body(body)
        note = text(note, "note")
        now, who = utcnow(), actor(user)
        with write_transaction(self.db):
            piece = self.get_piece(piece_id)
            # Read under the lock taken by BEGIN IMMEDIATE: no other save can land between
            # this check and the insert below.
            if base_version is not None and piece.current.number != base_version:
                raise StaleVersion(piece.current.number, base_version)
            if piece.status == "archived":
                raise WorkflowError("the piece is archived; move it back to draft to edit it")
            if content_hash(title, body, piece.channel) == piece.current.content_hash:
                return piece.current
            number = piece.current.number + 1
            version = self._insert_version(piece_id, number, title, body, piece.channel, who,
                                           now, note, restored_from)
            status, audit_note = piece.status, note or f"version {number}"
            if piece.status in EDIT_RETURNS_TO_REVIEW:
                # Approval belongs to one version: the new text needs a new decision.
                status = "in-review"
                self._set_status(piece_id, status, clear_approval=True)
                audit_note = (f"version {number} replaces approved version "
                              f"{piece.approved_version}; approval voided. {note}").strip()
            self._audit(piece_id, who, "restore" if restored_from else "edit", piece.status,
                        status, audit_note, now)
        return version

    def versions(self, piece_id: int) -> list[PieceVersion]:
        """Every version of a piece, oldest first; raises PieceNotFound."""
        rows = self.db.execute(f"SELECT {_VERSION_COLS} FROM piece_versions v"
                               " WHERE v.piece_id = ? ORDER BY v.number", [piece_id]).fetchall()
        if not rows:
            raise PieceNotFound(f"piece {piece_id} not found")
        return [PieceVersion(*r) for r in rows]

    def version(self, piece_id: int, number: int) -> PieceVersion:
        """One version; raises PieceNotFound when the piece or the number does not exist."""
        row = self.db.execute(f"SELECT {_VERSION_COLS} FROM piece_versions v"
                              " WHERE v.piece_id = ? AND v.number = ?",
                              [piece_id, number]).fetchone()
        if row is None:
            raise PieceNotFound(f"piece {piece_id} has no version {number}")
        return PieceVersion(*row)

    def compare(self, piece_id: int, a: int, b: int) -> VersionDiff:
        """Versions ``a`` and ``b`` side by side with word-level differences."""
        va, vb = self.version(piece_id, a), self.version(piece_id, b)
        title_ops, body_ops = word_diff(va.title, vb.title), word_diff(va.body, vb.body)
        return VersionDiff(va, vb, title_ops, body_ops, diff_stats(title_ops + body_ops))

    def _insert_version(self, piece_id: int, number: int, title: str, body: str, channel: str,
                        who: str, now: str, note: str, restored_from: int | None) -> PieceVersion:
        digest = content_hash(title, body, channel)
        cur = self.db.execute(
            "INSERT INTO piece_versions (piece_id, number, title, body, content_hash, created_at,"
            " created_by, note, restored_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [piece_id, number, title, body, digest, now, who, note, restored_from])
        return PieceVersion(cur.lastrowid, piece_id, number, title, body, digest, now, who, note,
                            restored_from)

    def _require_profile(self, profile_id: int | None) -> None:
        if profile_id is None:
            return
        if isinstance(profile_id, bool) or not isinstance(profile_id, int):
            raise ValidationError("target_profile_id", "expected a profile id")
        if self.db.execute("SELECT 1 FROM profiles WHERE id = ?", [profile_id]).fetchone() is None:
            raise ValidationError("target_profile_id", f"no profile {profile_id}")


def _title(value: Any) -> str:
    return normalize_title(text(value, "title", required=True))


def _body(value: Any) -> str:
    if not isinstance(value, str):
        raise ValidationError("body", "expected text")
    return normalize_body(text(value, "body", required=True))
