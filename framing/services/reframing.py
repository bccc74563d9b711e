"""Reframe a checked draft for its partner, and save the reframed text.

The reframe page and ``POST /api/v1/reframe`` both build the variant here and
save it through :func:`framing.services.pitches.save_draft`; each words its own
note for the saved version.
"""
from __future__ import annotations

from framing.rewrite.variant import reframe as build_variant

from .pitches import Saved, save_draft


def reframe_report(analyzer, report, accepted: set[str] | None = None):
    """The whole-message variant of a checked draft (``accepted``: rewrite ids to apply;
    None for every automatic rewrite). Raises ``VariantTooLarge`` when the reframed text
    would be over the engine's caps."""
    return build_variant(analyzer, report, accepted)


def save_reframed(store, author, variant, *, note: str, version_of: int | None = None,
                  title: str = "", profile_id: int | None = None, sector: str | None = None,
                  kind: str = "pitch") -> Saved:
    """Save the variant's text as a new version of ``version_of`` or as a new pitch."""
    return save_draft(store, author, variant.text, version_of=version_of, title=title,
                      profile_id=profile_id, sector=sector, kind=kind, note=note)
