"""Shared setup for the campaign tests: a migrated SQLite file with two partner profiles.

Imported as ``from campaign_helpers import ...`` (the tests folder is on pytest's ``pythonpath``).
"""
from __future__ import annotations

from campaigns.store import CampaignStore
from framing.lexicon import get_lexicons
from framing.store import connect, migrate
from framing.store.profiles import ProfileStore, defaults_for_sector
from webapp import MIGRATIONS

SENTINEL = "SENTINEL-INTERNAL-7f3a9"


def campaign_doc(*partner_ids: int, **overrides) -> dict:
    """A social-norms campaign document; the first partner co-sponsors, the second is a target."""
    roles = ["co-sponsor", "target", "media-partner"]
    doc = {
        "name": "Most of Us Lincoln", "goal": "Correct the vaping misperception",
        "type": "social-norms", "audience": "Lincoln High students", "start": "2026-04-01",
        "end": "2026-06-30", "tagline": "Most of us don't vape.", "hashtag": "#MostOfUs",
        "help_line": "988",
        "partners": [{"profile_id": pid, "role": roles[i], "contact_name": f"Contact {i + 1}",
                      "contact_email": f"c{i + 1}@example.org"}
                     for i, pid in enumerate(partner_ids)],
        "norms": {"behaviour": "4 out of 5 Lincoln teens don't vape", "actual_pct": 80,
                  "perceived_pct": 35, "source": "2025 Lincoln Youth Survey", "year": 2025},
    }
    doc.update(overrides)
    return doc


def make_profiles(db, names=("Lincoln USD", "Lincoln Courier")) -> list[int]:
    sectors = get_lexicons().sectors
    store = ProfileStore(db, set(sectors))
    ids = []
    for name in names:
        doc = defaults_for_sector(sectors["education"])
        doc["name"] = name
        ids.append(store.create(doc, "maria").id)
    return ids


def make_store(tmp_path, filename: str = "campaigns.sqlite"):
    """(CampaignStore, [profile ids]) on a fresh, migrated database file."""
    db = connect(tmp_path / filename)
    migrate(db, MIGRATIONS)
    return CampaignStore(db), make_profiles(db)


NORMS_POST = ("Most Lincoln teens (4 out of 5) don't vape, according to the 2025 Lincoln Youth "
              "Survey. Most of us don't vape. #MostOfUs")


def profiles_in(app) -> list[int]:
    """Two partner profiles saved in a web app's database (their ids)."""
    db = connect(app.config["DATABASE"])
    try:
        return make_profiles(db)
    finally:
        db.conn.close()


def piece_in(app, author: str = "eddie", status: str | None = None) -> int:
    """A campaign with one social post by ``author`` in a web app's database; its id.

    ``status`` moves the new piece on (as an editor) before it is returned."""
    db = connect(app.config["DATABASE"])
    try:
        store = CampaignStore(db)
        campaign = store.create_campaign(campaign_doc(*make_profiles(db)), author)
        piece = store.add_piece(campaign.id, "x", "Post", NORMS_POST, author)
        if status:
            store.transition(piece.id, status, author, "editor")
        return piece.id
    finally:
        db.conn.close()


def partners_approve(app, piece_id: int) -> None:
    """Every partner whose approval the piece needs approves its current text, as through
    the approval link (so the team's own approval is not held up: PARTNERS_APPROVE_FIRST)."""
    from framing.store.db import write_transaction
    db = connect(app.config["DATABASE"])
    try:
        store = CampaignStore(db)
        with write_transaction(db):
            piece = store.get_piece(piece_id)
            for partner, review in store.signoffs(piece):
                if review is None:
                    store.add_review(piece, "approve", partner.contact_name or partner.name,
                                     profile_id=partner.profile_id, via="link")
    finally:
        db.conn.close()


def piece_in_review(tmp_path):
    """A store with a campaign (Lincoln USD co-sponsors) and a social post saved by
    "maria" and sent for review: ``(store, piece id, Lincoln USD's profile id)``."""
    store, (lusd, courier) = make_store(tmp_path)
    campaign = store.create_campaign(campaign_doc(lusd, courier), "maria")
    piece = store.add_piece(campaign.id, "x", "Post", NORMS_POST, "maria", run_date="2026-04-10")
    store.transition(piece.id, "in-review", "maria", "editor")
    return store, piece.id, lusd
