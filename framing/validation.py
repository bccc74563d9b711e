"""The one error shape for invalid input: which field, and what is wrong with it.

Every validator in the project (profiles, campaigns, pitches, request
bodies) raises :class:`ValidationError`; HTML forms, the JSON API and the
CLI read ``field`` and ``message`` from it rather than parsing a string.
``field`` is a dotted path with list indexes (``partners[1].role``), or ""
when the whole document is wrong.
"""
from __future__ import annotations


class ValidationError(ValueError):
    """Invalid input: ``field`` names where, ``message`` says what is wrong."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field
        self.message = message

    def within(self, prefix: str) -> "ValidationError":
        """The same error with its field placed under ``prefix`` (``profiles[2]``)."""
        field = f"{prefix}.{self.field}" if self.field and prefix else (prefix or self.field)
        return ValidationError(field, self.message)


def join(path: str, key: str) -> str:
    """``path.key``, or ``key`` at the top level."""
    return f"{path}.{key}" if path else key
