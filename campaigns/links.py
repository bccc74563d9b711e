"""Partner approval without an account: signed, expiring, single-use links.

A link carries (piece id, version number, content hash, contact name,
profile id, nonce), signed with ``itsdangerous.URLSafeTimedSerializer`` and a
purpose salt, so a token made for anything else (a session, a CSRF token)
never validates here. It stops working when it expires, when the piece gets
a new version (the hash no longer matches), when the partner leaves the
campaign, and once a decision was recorded with it (its nonce is spent).
The decision lands on the piece (review decision + audit) and in the
partner's interaction history, in one transaction.
"""
from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from framing.store.db import write_transaction
from framing.store.interactions import InteractionStore
from framing.store.profiles import utcnow
from framing.validation import ValidationError

from .models import APPROVED_STATUSES, Piece, PieceNotFound, PieceVersion

SALT = "framing.campaigns.partner-approval.v1"
DECISIONS = ("approve", "changes")


class LinkInvalid(Exception):
    """The link cannot be used; ``reason`` says why in a few words."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass
class LinkClaims:
    piece_id: int
    version_number: int
    content_hash: str
    contact_name: str
    profile_id: int | None
    nonce: str = ""


def _serializer(secret: str | bytes) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret, salt=SALT)


def make_partner_link(secret: str | bytes, piece: Piece, version: PieceVersion,
                      contact_name: str, profile_id: int | None) -> str:
    """A signed token for ``contact_name`` to approve ``version`` of ``piece``."""
    if version.piece_id != piece.id:
        raise ValidationError("version", "not a version of this piece")
    if not isinstance(contact_name, str) or not contact_name.strip():
        raise ValidationError("contact_name", "required")
    payload = {"p": piece.id, "v": version.number, "h": version.content_hash,
               "c": contact_name.strip(), "pr": profile_id, "n": secrets.token_urlsafe(16)}
    return _serializer(secret).dumps(payload)


def read_partner_link(secret: str | bytes, token: str, store: Any,
                      max_age_days: float = 14) -> LinkClaims:
    """The claims of a valid link; raises LinkInvalid (expired, bad signature, superseded...)."""
    try:
        data = _serializer(secret).loads(token, max_age=int(max_age_days * 86400))
    except SignatureExpired:
        raise LinkInvalid("expired") from None
    except BadSignature:
        raise LinkInvalid("bad signature") from None
    try:
        claims = LinkClaims(int(data["p"]), int(data["v"]), str(data["h"]), str(data["c"]),
                            None if data["pr"] is None else int(data["pr"]), str(data["n"]))
    except (KeyError, TypeError, ValueError):
        raise LinkInvalid("bad signature: malformed payload") from None
    _check_current(store, claims)
    return claims


def _check_current(store: Any, claims: LinkClaims) -> Piece:
    """The piece, if the link still applies to its current version; LinkInvalid otherwise."""
    try:
        piece = store.get_piece(claims.piece_id)
    except PieceNotFound:
        raise LinkInvalid("bad signature: no such piece") from None
    if store.link_used(claims.nonce):
        raise LinkInvalid("already used")
    if piece.status == "archived":
        raise LinkInvalid("superseded: the piece was archived")
    current = piece.current
    if current.number != claims.version_number or current.content_hash != claims.content_hash:
        raise LinkInvalid("superseded by a new version")
    if claims.profile_id is not None:
        partners = store.get_campaign(piece.campaign_id).partners
        if all(p.profile_id != claims.profile_id for p in partners):
            raise LinkInvalid("revoked: no longer a partner of this campaign")
    return piece


def record_partner_decision(store: Any, claims: LinkClaims, decision: str,
                            note: str = "") -> Piece:
    """Record the partner's decision on the piece and in the partner's history.

    "changes" sends a piece that is in review or approved to
    changes-requested (voiding an approval); "approve" adds the partner's
    sign-off without changing the status (internal approval is separate).
    """
    if decision not in DECISIONS:
        raise ValidationError("decision", f"expected one of {', '.join(DECISIONS)}")
    note = (note or "").strip()[:2000]
    who, now = f"{claims.contact_name} (partner link)", utcnow()
    with write_transaction(store.db):
        piece = _check_current(store, claims)  # re-checked under the write lock
        if not store.spend_link(claims.nonce, piece.id, claims.version_number,
                                claims.profile_id, decision):
            raise LinkInvalid("already used")
        store.add_review(piece, decision, claims.contact_name, note,
                         profile_id=claims.profile_id, via="link", now=now)
        to_status = piece.status
        if decision == "changes" and piece.status in ("in-review", *APPROVED_STATUSES):
            to_status = "changes-requested"
            store._set_status(piece.id, to_status, clear_approval=True)
        store._audit(piece.id, who, f"partner-{decision}", piece.status, to_status, note, now)
        if claims.profile_id is not None:
            verb = "approved" if decision == "approve" else "asked for changes to"
            summary = (f"{claims.contact_name} {verb} \"{piece.title}\" "
                       f"(version {claims.version_number}, {piece.channel}).")
            InteractionStore(store.db).add(
                claims.profile_id, "approval" if decision == "approve" else "changes-requested",
                f"{summary} {note}".strip(), claims.contact_name, at=now,
                campaign_id=piece.campaign_id, piece_id=piece.id, version=claims.version_number)
    return store.get_piece(piece.id)
