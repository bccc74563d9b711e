"""The one too-long check for text a person pastes or posts.

The configured limit (``MAX_TEXT_CHARS``) is passed in by the caller, so
this module needs no settings of its own; each surface words the refusal
for its readers from ``size`` and ``limit``.
"""
from __future__ import annotations

from framing.validation import ValidationError


class TextTooLong(ValidationError):
    """``field`` holds ``size`` characters, more than ``limit``."""

    def __init__(self, field: str, size: int, limit: int):
        super().__init__(field, f"{size:,} characters; the limit is {limit:,}")
        self.size, self.limit = size, limit


def check_length(text: str | None, limit: int, field: str = "text") -> None:
    """Raise :class:`TextTooLong` when ``text`` has more than ``limit`` characters."""
    if text is not None and len(text) > limit:
        raise TextTooLong(field, len(text), limit)
