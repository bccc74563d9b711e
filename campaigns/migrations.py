"""Schema for campaigns, pieces, versions, reviews, comments, audit and cached checks.

:data:`MIGRATIONS` lists them; the application composes it with the engine's
(:mod:`framing.store.migrations`), and the ``framing.migrations`` entry point
gives it to ``framing db upgrade``. Versions and audit rows are append-only:
SQLite triggers refuse any UPDATE or DELETE, so "nothing is ever lost" holds
even against a stray query. Pieces are archived, never deleted.
"""
from __future__ import annotations

import sqlite_utils

from framing.store.migrations import MIGRATIONS as ENGINE_MIGRATIONS
from framing.store.migrations import compose


def _campaigns(db: sqlite_utils.Database) -> None:
    db.execute("""CREATE TABLE campaigns (
        id INTEGER PRIMARY KEY, name TEXT NOT NULL, goal TEXT NOT NULL DEFAULT '',
        type TEXT NOT NULL, audience TEXT NOT NULL DEFAULT '', start_date TEXT, end_date TEXT,
        status TEXT NOT NULL DEFAULT 'planning', norms TEXT,
        tagline TEXT NOT NULL DEFAULT '', hashtag TEXT NOT NULL DEFAULT '',
        help_line TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL, created_by TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL, updated_by TEXT NOT NULL DEFAULT '')""")
    # Removing a partner profile removes it from campaigns; its decisions stay in piece_reviews.
    db.execute("""CREATE TABLE campaign_partners (
        id INTEGER PRIMARY KEY,
        campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
        profile_id INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
        role TEXT NOT NULL, contact_name TEXT NOT NULL DEFAULT '',
        contact_email TEXT NOT NULL DEFAULT '', position INTEGER NOT NULL DEFAULT 0,
        UNIQUE (campaign_id, profile_id))""")


def _pieces(db: sqlite_utils.Database) -> None:
    db.execute("""CREATE TABLE pieces (
        id INTEGER PRIMARY KEY,
        campaign_id INTEGER NOT NULL REFERENCES campaigns (id),
        channel TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'draft', run_date TEXT,
        target_profile_id INTEGER REFERENCES profiles (id) ON DELETE SET NULL,
        approved_version INTEGER, approved_hash TEXT, approved_by TEXT, approved_at TEXT,
        created_at TEXT NOT NULL, created_by TEXT NOT NULL DEFAULT '')""")
    db.execute("CREATE INDEX pieces_campaign ON pieces (campaign_id)")
    db.execute("""CREATE TABLE piece_versions (
        id INTEGER PRIMARY KEY, piece_id INTEGER NOT NULL REFERENCES pieces (id),
        number INTEGER NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL,
        content_hash TEXT NOT NULL, created_at TEXT NOT NULL,
        created_by TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '',
        restored_from INTEGER, UNIQUE (piece_id, number))""")
    _append_only(db, "piece_versions")


def _reviews(db: sqlite_utils.Database) -> None:
    db.execute("""CREATE TABLE piece_audit (
        id INTEGER PRIMARY KEY, piece_id INTEGER NOT NULL REFERENCES pieces (id),
        at TEXT NOT NULL, actor TEXT NOT NULL DEFAULT '', action TEXT NOT NULL,
        from_status TEXT, to_status TEXT, note TEXT NOT NULL DEFAULT '')""")
    db.execute("CREATE INDEX piece_audit_piece ON piece_audit (piece_id)")
    _append_only(db, "piece_audit")
    # content_hash is the text the reviewer saw: a decision counts only while it is current.
    db.execute("""CREATE TABLE piece_reviews (
        id INTEGER PRIMARY KEY, piece_id INTEGER NOT NULL REFERENCES pieces (id),
        version_number INTEGER NOT NULL, content_hash TEXT NOT NULL, decision TEXT NOT NULL,
        reviewer TEXT NOT NULL DEFAULT '', profile_id INTEGER, note TEXT NOT NULL DEFAULT '',
        decided_at TEXT NOT NULL, via TEXT NOT NULL DEFAULT 'account')""")
    db.execute("CREATE INDEX piece_reviews_piece ON piece_reviews (piece_id)")
    # Internal-only by design: no export or token-scoped response reads this table.
    db.execute("""CREATE TABLE piece_comments (
        id INTEGER PRIMARY KEY, piece_id INTEGER NOT NULL REFERENCES pieces (id),
        version_number INTEGER NOT NULL, author TEXT NOT NULL DEFAULT '',
        start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL, body TEXT NOT NULL,
        created_at TEXT NOT NULL, resolved INTEGER NOT NULL DEFAULT 0)""")
    db.execute("CREATE INDEX piece_comments_piece ON piece_comments (piece_id)")
    # A partner link's nonce is spent by its decision (single use).
    db.execute("""CREATE TABLE partner_link_uses (
        nonce TEXT PRIMARY KEY, piece_id INTEGER NOT NULL, version_number INTEGER NOT NULL,
        profile_id INTEGER, decision TEXT NOT NULL, used_at TEXT NOT NULL)""")


def _checks(db: sqlite_utils.Database) -> None:
    # One stored result per version: the findings, the rule-pack version they came
    # from and a fingerprint of the campaign settings they depend on.
    db.execute("""CREATE TABLE piece_checks (
        version_id INTEGER PRIMARY KEY REFERENCES piece_versions (id),
        packs_version TEXT NOT NULL, context TEXT NOT NULL, findings TEXT NOT NULL,
        checked_at TEXT NOT NULL)""")


def _append_only(db: sqlite_utils.Database, table: str) -> None:
    for event in ("UPDATE", "DELETE"):
        db.execute(f"""CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table}
            BEGIN SELECT RAISE(ABORT, '{table} rows are append-only'); END""")


# Names are recorded in each database: never rename one. They sort after the engine's
# profiles (0100s) and pitches (0200s), whose tables they refer to.
MIGRATIONS = [
    ("0300_campaigns", _campaigns),
    ("0301_pieces", _pieces),
    ("0302_piece_reviews", _reviews),
    ("0303_piece_checks", _checks),
]


def with_engine() -> list:
    """The engine's migrations and these, composed: the schema campaigns need."""
    return compose(ENGINE_MIGRATIONS, MIGRATIONS)
