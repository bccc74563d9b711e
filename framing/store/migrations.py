"""The engine's schema migrations: (name, function) pairs, in the order they apply.

Names are recorded in every database's ``migrations`` table, so a name never
changes; a new migration gets a new, higher name. :func:`~framing.store.db.migrate`
applies them in name order, so the numbers interleave with those of the
packages built on the engine (``campaigns`` uses the 0300s; the interactions
table, 0320, refers to its tables).

The engine does not know those packages: the application that opens the
database composes the lists with :func:`compose` (the web app, the
``framing db upgrade`` command through the ``framing.migrations`` entry
points, a test).
"""
from __future__ import annotations

from typing import Iterable

from . import (accounts, audit, comparisons, demo, ignored_rules, interactions, pitches,
               profiles, request_counts, sessions, sign_in_log)
from .db import Migration

MIGRATIONS: list[tuple[str, Migration]] = [
    ("0001_users", accounts.create_users),
    ("0002_api_tokens", accounts.create_api_tokens),
    ("0003_login_attempts", accounts.create_login_attempts),
    ("0004_sign_in_attempts", sign_in_log.create_sign_in_attempts),
    ("0005_sessions", sessions.create_sessions),
    ("0006_api_token_expiry", accounts.add_api_token_expiry),
    ("0100_profiles", profiles.create_profiles),
    ("0101_profile_snapshots", profiles.create_profile_snapshots),
    ("0200_pitches", pitches.create_pitches),
    ("0201_pitch_versions", pitches.create_pitch_versions),
    ("0320_interactions", interactions.create_interactions),
    ("0400_comparisons", comparisons.create_comparisons),
    ("0401_comparison_decisions", comparisons.create_comparison_decisions),
    ("0402_comparison_feedback", comparisons.create_comparison_feedback),
    ("0500_app_state", demo.create_app_state),
    ("0600_access_audit", audit.create_access_audit),
    ("0700_request_counts", request_counts.create_request_counts),
    ("0710_partner_ignored_rules", ignored_rules.create_partner_ignored_rules),
]


def compose(*lists: Iterable[tuple[str, Migration]]) -> list[tuple[str, Migration]]:
    """One list of migrations from several packages' lists, in name order.

    Raises ``ValueError`` when two lists use the same name: a database records
    only the name, so the second migration would silently never run.
    """
    seen: dict[str, Migration] = {}
    for migrations in lists:
        for name, fn in migrations:
            if name in seen:
                raise ValueError(f"duplicate migration {name!r}")
            seen[name] = fn
    return sorted(seen.items())

