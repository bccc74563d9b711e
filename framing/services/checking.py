"""Check a draft against a stored partner profile or a sector pack.

The engine takes an engine profile; a stored profile is turned into one by
:func:`engine_profile`, which maps the profile model's refusal to
:class:`UnusableProfile`, a ``ValidationError`` on ``profile_id``, once for every surface.
"""
from __future__ import annotations

from framing.profile import ProfileError
from framing.validation import ValidationError


class UnusableProfile(ValidationError):
    """A stored profile the engine cannot use (always on the field ``profile_id``)."""

    def __init__(self, reason: str):
        super().__init__("profile_id", reason)


def engine_profile(stored):
    """The engine's view of a stored profile (None for none).

    Raises :class:`UnusableProfile` (a ``ValidationError`` on ``profile_id``) when the
    stored document cannot be used by the engine.
    """
    if stored is None:
        return None
    try:
        return stored.to_engine()
    except ProfileError as exc:
        raise UnusableProfile(str(exc)) from None
    except (KeyError, TypeError, ValueError, AttributeError):
        # Saved documents were validated when saved, so the model trusts them; one
        # edited by hand in the database (or restored from an old backup) may not fit.
        raise UnusableProfile(f"the saved profile “{stored.name}” is damaged; open it, "
                              "check its fields and save it again") from None


def check_draft(analyzer, text: str, *, kind: str = "pitch", sector: str | None = None,
                stored_profile=None):
    """The engine's report for ``text`` checked against a stored profile or a sector.

    Raises :class:`UnusableProfile` (see :func:`engine_profile`) and
    lets the engine's ``TextTooLarge`` and ``InputError`` through.
    """
    partner = engine_profile(stored_profile)
    return analyzer.analyze(text, sector=sector, profile=partner, kind=kind)
