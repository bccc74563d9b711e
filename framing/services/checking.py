"""Check a draft against a stored partner profile or a sector pack.

The engine takes an engine profile; a stored profile is turned into one by
:func:`engine_profile`, which maps the profile model's refusal to
:class:`UnusableProfile`, a ``ValidationError`` on ``profile_id``, once for every surface.
"""
from __future__ import annotations

from typing import Iterable

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
                stored_profile=None, ignored: Iterable[str] = ()):
    """The engine's report for ``text`` checked against a stored profile or a sector,
    without the findings of the ``ignored`` rules (see :func:`leave_out`).

    Raises :class:`UnusableProfile` (see :func:`engine_profile`) and
    lets the engine's ``TextTooLarge`` and ``InputError`` through.
    """
    partner = engine_profile(stored_profile)
    report = analyzer.analyze(text, sector=sector, profile=partner, kind=kind)
    return leave_out(report, ignored)


def leave_out(report, rules: Iterable[str]):
    """``report`` without the findings of ``rules``; each rule that had findings is
    listed in ``report.ignored`` with how many were left out and its first message.
    Scores are untouched: they come from their own analyses, not from findings."""
    rules = set(rules)
    if not rules:
        return report
    kept: list = []
    left: dict[str, dict] = {}
    for finding in report.findings:
        if finding.rule in rules:
            entry = left.setdefault(finding.rule, {"rule": finding.rule, "count": 0,
                                                   "message": finding.message})
            entry["count"] += 1
        else:
            kept.append(finding)
    report.findings = kept
    report.ignored = list(left.values())
    return report
