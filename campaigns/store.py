"""The campaign store: campaigns with partners, and (via mixins) pieces, versions and review.

``CampaignStore(db)`` is the one object the web app, API, CLI and exports use.
Campaign documents are validated by :mod:`campaigns.validate`; pieces and
versions live in :mod:`campaigns.pieces`; status changes, comments, audit,
review decisions and the check cache in :mod:`campaigns.review`. All SQL for
these tables is in those three modules.
"""
from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from framing.store.db import write_transaction
from framing.store.profiles import Profile, ProfileNotFound, ProfileStore, actor, utcnow
from framing.validation import ValidationError

from .models import (Campaign, CampaignNotFound, CampaignPartner, CampaignSummary,
                     PieceNotFound, SelfApproval, StaleVersion, WorkflowError)
from .pieces import PieceOps
from .review import ReviewOps
from .validate import campaign_document

__all__ = ["CampaignStore", "CampaignNotFound", "PieceNotFound", "SelfApproval", "StaleVersion",
           "WorkflowError"]

_CAMPAIGN_COLS = ("id, name, goal, type, audience, start_date, end_date, status, norms, tagline,"
                  " hashtag, help_line, created_at, created_by")


class CampaignStore(PieceOps, ReviewOps):
    """Campaigns, their partners, pieces, versions, reviews and audit in one database."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    # -- campaigns ---------------------------------------------------------------------------
    def list_campaigns(self) -> list[CampaignSummary]:
        """Every campaign, newest start date first (undated last), with its piece count."""
        rows = self.db.execute(
            "SELECT c.id, c.name, c.type, c.status, c.start_date, c.end_date,"
            " (SELECT COUNT(*) FROM pieces p WHERE p.campaign_id = c.id AND p.status != 'archived')"
            " FROM campaigns c ORDER BY c.start_date IS NULL, c.start_date DESC, c.id DESC"
        ).fetchall()
        return [CampaignSummary(*row) for row in rows]

    def get_campaign(self, id: int) -> Campaign:
        """One campaign with its partners (names from their profiles); raises CampaignNotFound."""
        row = self.db.execute(f"SELECT {_CAMPAIGN_COLS} FROM campaigns WHERE id = ?",
                              [id]).fetchone()
        if row is None:
            raise CampaignNotFound(f"campaign {id} not found")
        partners = [CampaignPartner(*r) for r in self.db.execute(
            "SELECT cp.profile_id, pr.name, cp.role, cp.contact_name, cp.contact_email"
            " FROM campaign_partners cp JOIN profiles pr ON pr.id = cp.profile_id"
            " WHERE cp.campaign_id = ? ORDER BY cp.position, cp.id", [id]).fetchall()]
        (cid, name, goal, type_, audience, start, end, status, norms, tagline, hashtag,
         help_line, created_at, created_by) = row
        return Campaign(cid, name, goal, type_, audience, start, end, status, partners,
                        json.loads(norms) if norms else None, tagline, hashtag, help_line,
                        created_at, created_by)

    def create_campaign(self, data: dict, user: Any) -> Campaign:
        """Validate and store a new campaign; raises ValidationError."""
        doc = campaign_document(data)
        now, who = utcnow(), actor(user)
        with write_transaction(self.db):
            self._check_partner_profiles(doc["partners"])
            cur = self.db.execute(
                "INSERT INTO campaigns (name, goal, type, audience, start_date, end_date, status,"
                " norms, tagline, hashtag, help_line, created_at, created_by, updated_at,"
                " updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [*self._values(doc), now, who, now, who])
            self._write_partners(cur.lastrowid, doc["partners"])
        return self.get_campaign(cur.lastrowid)

    def update_campaign(self, id: int, data: dict, user: Any) -> Campaign:
        """Replace a campaign's fields and partner list (PUT semantics)."""
        doc = campaign_document(data)
        with write_transaction(self.db):
            if self.db.execute("SELECT 1 FROM campaigns WHERE id = ?", [id]).fetchone() is None:
                raise CampaignNotFound(f"campaign {id} not found")
            self._check_partner_profiles(doc["partners"])
            self.db.execute(
                "UPDATE campaigns SET name = ?, goal = ?, type = ?, audience = ?, start_date = ?,"
                " end_date = ?, status = ?, norms = ?, tagline = ?, hashtag = ?, help_line = ?,"
                " updated_at = ?, updated_by = ? WHERE id = ?",
                [*self._values(doc), utcnow(), actor(user), id])
            self.db.execute("DELETE FROM campaign_partners WHERE campaign_id = ?", [id])
            self._write_partners(id, doc["partners"])
        return self.get_campaign(id)

    @staticmethod
    def _values(doc: dict) -> list:
        return [doc["name"], doc["goal"], doc["type"], doc["audience"], doc["start"], doc["end"],
                doc["status"], json.dumps(doc["norms"]) if doc["norms"] else None,
                doc["tagline"], doc["hashtag"], doc["help_line"]]

    def _check_partner_profiles(self, partners: list[dict]) -> None:
        for i, row in enumerate(partners):
            if self.db.execute("SELECT 1 FROM profiles WHERE id = ?",
                               [row["profile_id"]]).fetchone() is None:
                raise ValidationError(f"partners[{i}].profile_id",
                                      f"no profile {row['profile_id']}")

    def _write_partners(self, campaign_id: int, partners: list[dict]) -> None:
        for position, row in enumerate(partners):
            self.db.execute(
                "INSERT INTO campaign_partners (campaign_id, profile_id, role, contact_name,"
                " contact_email, position) VALUES (?, ?, ?, ?, ?, ?)",
                [campaign_id, row["profile_id"], row["role"], row["contact_name"],
                 row["contact_email"], position])

    def _require_campaign(self, campaign_id: int) -> None:
        if self.db.execute("SELECT 1 FROM campaigns WHERE id = ?",
                           [campaign_id]).fetchone() is None:
            raise CampaignNotFound(f"campaign {campaign_id} not found")

    # -- partner profiles, for checks ---------------------------------------------------------
    def profile(self, profile_id: int | None) -> Profile | None:
        """A stored partner profile (None when unset or deleted)."""
        if profile_id is None:
            return None
        try:
            # The sector set only matters when saving; reading needs none.
            return ProfileStore(self.db, set()).get(profile_id)
        except ProfileNotFound:
            return None
