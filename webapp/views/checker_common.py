"""What the checker and reframe pages share: the checker blueprint, the draft read
from the form, running the check and drawing the page. The edit state carried in the
form (undo history, dismissed rewrites, ignored rules) is :mod:`.checker_state`.

The routes are in :mod:`.checker` (the form, checking, saving) and
:mod:`.reframe` (rewrites and the whole-message variant); both add them to
``bp`` defined here, and the app factory registers ``bp`` once they are loaded.

The draft is highlighted by :mod:`webapp.highlight`, which cuts the text into
segments; the template prints each segment through Jinja's autoescaping, so
nothing the user typed is ever interpreted as HTML.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from flask import Blueprint, abort, current_app, render_template, request

from framing.engine import KINDS, InputError, TextTooLarge
from framing.findings import SEVERITIES, SEVERITY_LABELS
from framing.services.checking import UnusableProfile, check_draft
from framing.store.pitches import PitchNotFound
from framing.store.profiles import ProfileNotFound
from framing.validation import as_validation_error

from ..extensions import get_analyzer
from ..highlight import finding_id, highlight_report
from . import ignored_rule_store, install_helpers, pitch_store, profile_store, sector_name, sectors
from .checker_state import EditState
from .word_files import ACCEPT, upload_limit

bp = Blueprint("checker", __name__)
install_helpers(bp)

PART_LABELS = {
    "priorities": "Ties their top priorities to what they gain",
    "lead": "Opens on them and what matters most to them",
    "ask": "Makes one specific, bounded ask",
    "burden": "Leaves little new work on them",
    "focus": "Talks about them, not about us",
}
@dataclass
class Draft:
    """What the form holds: the text, what to check against, and the pitch it came from."""

    text: str = ""
    against: str = ""          # "profile:<id>", "sector:<id>" or "" (guidelines only)
    kind: str = "pitch"
    pitch_id: int | None = None
    version: int | None = None
    title: str = ""
    note: str = ""

    @property
    def profile_id(self) -> int | None:
        kind, _, value = self.against.partition(":")
        return int(value) if kind == "profile" and value.isdecimal() else None

    @property
    def sector(self) -> str | None:
        kind, _, value = self.against.partition(":")
        return value if kind == "sector" and value else None


def _against(values) -> str:
    """``against`` from the form, or from plain ``profile`` / ``sector`` parameters."""
    if values.get("against") is not None:
        return values.get("against", "").strip()
    if values.get("profile", "").strip().isdecimal():
        return f"profile:{values['profile'].strip()}"
    if values.get("sector", "").strip():
        return f"sector:{values['sector'].strip()}"
    return ""


def draft_from_request() -> Draft:
    """The draft posted (or, for a GET, asked for in the query string, a saved pitch loaded)."""
    values = request.form if request.method == "POST" else request.args
    kind = values.get("kind", "pitch")
    # Browsers send textarea line breaks as CRLF; one form keeps rewrite offsets stable.
    draft = Draft(text=values.get("text", "").replace("\r\n", "\n"), against=_against(values),
                  kind=kind if kind in KINDS else "pitch",
                  pitch_id=values.get("pitch_id", type=int) or values.get("pitch", type=int),
                  version=values.get("version", type=int),
                  title=values.get("title", "").strip(), note=values.get("note", "").strip())
    if request.method == "GET" and draft.pitch_id:
        _load_pitch(draft)
    return draft


def _load_pitch(draft: Draft) -> None:
    """Fill the draft from a saved pitch version (latest when no number is given)."""
    store = pitch_store()
    try:
        pitch = store.get(draft.pitch_id)
        version = store.version(pitch.id, draft.version) if draft.version else pitch.latest
    except PitchNotFound:
        abort(404, description="That saved pitch (or version) does not exist.")
    draft.text = version.text if version else ""
    draft.version = version.number if version else None
    draft.title, draft.kind = pitch.title, pitch.kind
    if not request.args.get("against") and not request.args.get("profile") \
            and not request.args.get("sector"):
        draft.against = (f"profile:{pitch.profile_id}" if pitch.profile_id
                         else f"sector:{pitch.sector}" if pitch.sector else "")


def safe_url(url: str | None) -> str | None:
    """Only http(s) links reach the page (rule packs are data, not code)."""
    return url if url and urlsplit(url).scheme in ("http", "https") else None


def run_check(draft: Draft, state: EditState | None = None) -> dict:
    """Analyse the draft; the template context for the results. Findings of the rules
    ignored for this draft (``state.ignored``) or for the partner are left out.

    Raises InputError (worded for the page) when the draft cannot be checked.
    """
    profile = None
    if draft.profile_id:
        try:
            profile = profile_store().get(draft.profile_id)
        except ProfileNotFound:
            raise InputError("that partner profile no longer exists; pick another") from None
    for_partner = ignored_rule_store().rules(profile.id) if profile else frozenset()
    for_draft = state.ignored if state else set()
    try:
        report = check_draft(get_analyzer(), draft.text, kind=draft.kind, stored_profile=profile,
                             sector=None if profile else draft.sector,
                             ignored=for_partner | for_draft)
    except UnusableProfile as exc:
        raise InputError(f"the partner profile cannot be used: {exc.message}") from None
    ids = [finding_id(i) for i in range(len(report.findings))]
    against = (profile.name if profile else sector_name(draft.sector) if draft.sector else "")
    return {"report": report, "segments": highlight_report(report),
            "by_id": dict(zip(ids, report.findings)),
            "rule_groups": rule_groups(ids, report.findings),
            "ignored_for_partner": [e for e in report.ignored if e["rule"] in for_partner],
            "ignored_for_draft": [e for e in report.ignored if e["rule"] not in for_partner],
            "counts": report.counts(), "against_name": against, "checked_profile": profile}


@dataclass
class RuleGroup:
    """The findings of one rule, for the results panel: one card with all its places."""

    rule: str
    severity: str
    places: list[tuple[str, Any]]   # (finding id, finding), in the text's order

    @property
    def first(self):
        """The first finding: its message, advice and source speak for the group."""
        return self.places[0][1]


def rule_groups(ids: list[str], findings: list) -> dict[str, list[RuleGroup]]:
    """Findings grouped by rule under their severity (a rule's findings all share one),
    groups in the order their first place appears in the text."""
    groups: dict[str, RuleGroup] = {}
    for fid, finding in sorted(zip(ids, findings), key=lambda pair: pair[1].start):
        key = f"{finding.severity}\x1f{finding.rule}"
        groups.setdefault(key, RuleGroup(finding.rule, finding.severity, [])).places.append(
            (fid, finding))
    return {sev: [g for g in groups.values() if g.severity == sev] for sev in SEVERITIES}


def page(draft: Draft, status: int = 200, **context):
    """The checker page for ``draft`` (``context`` adds results, errors, notices)."""
    profiles = profile_store().list()
    try:
        pitches = pitch_store().list()
    except Exception:  # the page must work even if pitches cannot be listed
        current_app.logger.exception("listing pitches failed")
        pitches = []
    packs = sorted(sectors().values(), key=lambda s: s.name)
    context.setdefault("state", EditState.from_request())
    return render_template("checker/check.html", draft=draft, profiles=profiles, pitches=pitches,
                           packs=packs, kinds=KINDS, part_labels=PART_LABELS,
                           severity_labels=SEVERITY_LABELS, safe_url=safe_url,
                           max_chars=current_app.config["MAX_TEXT_CHARS"], accept_files=ACCEPT,
                           max_upload=upload_limit(), **context), status


def too_large_error(exc: TextTooLarge) -> str:
    """What the checker and reframe pages say about a draft over one of the engine's caps."""
    return (f"Your draft has {exc.size:,} {exc.unit}; the checker takes up to {exc.limit:,}. "
            "Split it into shorter parts and check each one. Your text is kept below.")


def readable(exc: Exception) -> str:
    """A store's refusal as a sentence: ``title`` / ``required`` -> ``A title is required.``"""
    error = as_validation_error(exc)
    field, reason = error.field, error.message
    if not field:
        return reason
    names = {"title": "a title", "text": "the draft", "note": "the note", "kind": "the kind"}
    if reason == "required":
        return f"{names.get(field, field)} is required.".capitalize()
    return f"{names.get(field, field).capitalize()}: {reason}."
