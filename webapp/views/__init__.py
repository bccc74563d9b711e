"""HTML views, one blueprint per area: profiles, the checker, saved pitches,
campaigns, pieces, the partner link, comparisons and the audit log.

An area with several route modules defines its blueprint and the helpers its
modules share in a common module (:mod:`.checker_common`,
:mod:`.campaign_common`, :mod:`.piece_common`, :mod:`.compare_common`) that
imports none of its route modules; the app factory registers each blueprint
(``webapp.register_blueprints``). The use cases behind the pages are in
:mod:`framing.services` and :mod:`campaigns.services`.

Helpers shared by every area live here: the stores bound to the
request's database, the sector packs, the Community Readiness stage labels
and the ``can`` template helper.
"""
from __future__ import annotations

from datetime import date, datetime

from flask import Blueprint, current_app

from ..extensions import get_db

# Community Readiness Model stages (Tri-Ethnic Center; docs/partners.md §3.1).
# The store keeps the number; the label comes from this list, which an
# instance can replace with ``READINESS_STAGE_LABELS`` in its config.
READINESS_STAGES = (
    "No awareness",
    "Denial / resistance",
    "Vague awareness",
    "Preplanning",
    "Preparation",
    "Initiation",
    "Stabilization",
    "Confirmation / expansion",
    "High level of community ownership",
)
READINESS_DIMENSIONS = {
    "A": "Community efforts",
    "B": "Community knowledge of the efforts",
    "C": "Leadership",
    "D": "Community climate",
    "E": "Community knowledge of the issue",
    "F": "Resources related to the issue",
}


def stage_labels() -> tuple[str, ...]:
    """The nine stage labels, from config when set."""
    labels = current_app.config.get("READINESS_STAGE_LABELS")
    return tuple(labels) if labels and len(labels) == 9 else READINESS_STAGES


def stage_label(stage) -> str:
    """``"4 · Preplanning"``-style label for a stage number (empty when unknown)."""
    try:
        number = int(stage)
    except (TypeError, ValueError):
        return ""
    if not 1 <= number <= 9:
        return ""
    return stage_labels()[number - 1]


def sectors() -> dict:
    """Sector packs by id (loaded once per process by the lexicon loader)."""
    from framing.lexicon import get_lexicons
    root = current_app.config.get("FRAMING_LEXICONS") or None
    return get_lexicons(root).sectors


def sector_name(sector_id: str | None) -> str:
    """A sector's display name, or the id when the pack is unknown."""
    if not sector_id:
        return ""
    pack = sectors().get(sector_id)
    return pack.name if pack else sector_id


def profile_store():
    """The profile store on the request's database."""
    from framing.store.profiles import ProfileStore
    return ProfileStore(get_db(), set(sectors()))


def ignored_rule_store():
    """The store of rules ignored per partner, on the request's database."""
    from framing.store.ignored_rules import IgnoredRuleStore
    return IgnoredRuleStore(get_db())


def pitch_store():
    """The pitch store on the request's database."""
    from framing.store.pitches import PitchStore
    return PitchStore(get_db())


def days_until(value, today: date | None = None) -> int | None:
    """Whole days from today to an ISO date (negative when past); None if unparsable."""
    if not value:
        return None
    try:
        when = date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
    return (when - (today or date.today())).days


def when(value) -> str:
    """A stored UTC timestamp as people read it, in this computer's time zone (the app
    runs where its users are): ``1 Mar 2026, 14:05``. Other text comes back unchanged."""
    if not value:
        return ""
    text = str(value)
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return f"{moment.day} {moment:%b %Y, %H:%M}"


def install_helpers(bp: Blueprint) -> None:
    """Make ``stage_label``, ``sector_name``, ``when`` and ``days_until`` available in
    templates (``can`` comes from :mod:`webapp.auth`)."""
    def helpers():
        return {"stage_label": stage_label, "sector_name": sector_name, "when": when,
                "days_until": days_until}
    bp.app_context_processor(helpers)
