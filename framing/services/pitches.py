"""Save a draft as a new pitch, or as a new version of a saved one.

The checker page, the reframe page and the JSON API all save drafts; this
is the one place that decides between "new pitch" and "new version".
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Saved:
    """Where a draft was saved: the pitch, its version number and title, and what the
    store returned (the new ``Pitch``, or the new ``PitchVersion``)."""

    pitch_id: int
    number: int
    title: str
    new_pitch: bool
    record: Any = None


def save_draft(store, author, text: str, *, version_of: int | None = None, title: str = "",
               profile_id: int | None = None, sector: str | None = None, kind: str = "pitch",
               note: str = "") -> Saved:
    """Save ``text`` as a new version of pitch ``version_of``, or as a new pitch.

    ``store`` is a :class:`framing.store.pitches.PitchStore`. Raises the store's
    ``PitchNotFound`` and its ``ValidationError`` (field, message) for bad input.
    """
    if version_of is not None:
        saved = store.add_version(version_of, text, author, note=note)
        return Saved(version_of, saved.number, title, new_pitch=False, record=saved)
    pitch = store.create(title, text, author, profile_id=profile_id, sector=sector, kind=kind,
                         note=note)
    return Saved(pitch.id, 1, pitch.title, new_pitch=True, record=pitch)
