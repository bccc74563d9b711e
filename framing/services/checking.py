"""Check a draft against a stored partner profile or a sector pack.

The engine takes an engine profile; a stored profile is turned into one by
:func:`engine_profile`, which maps the profile model's refusal to a
``ValidationError`` on ``profile_id`` once for every surface.
"""
from __future__ import annotations

from framing.profile import ProfileError
from framing.validation import ValidationError


def engine_profile(stored):
    """The engine's view of a stored profile (None for none).

    Raises ``ValidationError("profile_id", reason)`` when the stored document
    cannot be used by the engine.
    """
    if stored is None:
        return None
    try:
        return stored.to_engine()
    except ProfileError as exc:
        raise ValidationError("profile_id", str(exc)) from None


def check_draft(analyzer, text: str, *, kind: str = "pitch", sector: str | None = None,
                stored_profile=None):
    """The engine's report for ``text`` checked against a stored profile or a sector.

    Raises ``ValidationError`` on ``profile_id`` (see :func:`engine_profile`) and
    lets the engine's ``TextTooLarge`` and ``InputError`` through.
    """
    partner = engine_profile(stored_profile)
    return analyzer.analyze(text, sector=sector, profile=partner, kind=kind)
