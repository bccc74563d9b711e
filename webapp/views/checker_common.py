"""What the checker and reframe pages share: the checker blueprint, the draft and
its undo state read from the form, running the check and drawing the page.

The routes are in :mod:`.checker` (the form, checking, saving) and
:mod:`.reframe` (rewrites and the whole-message variant); both add them to
``bp`` defined here, and the app factory registers ``bp`` once they are loaded.

The draft is highlighted by :mod:`webapp.highlight`, which cuts the text into
segments; the template prints each segment through Jinja's autoescaping, so
nothing the user typed is ever interpreted as HTML.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from flask import Blueprint, abort, current_app, render_template, request

from framing import safe_json
from framing.engine import KINDS, InputError, TextTooLarge
from framing.findings import SEVERITIES
from framing.services.checking import UnusableProfile, check_draft
from framing.store.pitches import PitchNotFound
from framing.store.profiles import ProfileNotFound
from framing.validation import as_validation_error
from framing.findings import SEVERITY_LABELS

from ..extensions import get_analyzer
from ..highlight import finding_id, highlight_report
from . import install_helpers, pitch_store, profile_store, sector_name, sectors

bp = Blueprint("checker", __name__)
install_helpers(bp)

PART_LABELS = {
    "priorities": "Ties their top priorities to what they gain",
    "lead": "Opens on them and what matters most to them",
    "ask": "Makes one specific, bounded ask",
    "burden": "Leaves little new work on them",
    "focus": "Talks about them, not about us",
}
HISTORY_LIMIT = 20          # earlier drafts kept for undo...
HISTORY_CHARS = 100_000     # ...and at most this many characters of them in all
MAX_DISMISSED = 300
EDIT_CHARS = 300            # the writer's own words for one change, at most
KEY = re.compile(r"[0-9a-f]{16}")  # a dismissed rewrite's key (see reframe.rewrite_key)


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


@dataclass
class EditState:
    """Undo history and dismissed rewrites, carried in the checker form between rounds.

    ``history`` (hidden field: JSON) lists earlier drafts as ``{"text", "label"}``, newest
    last, within HISTORY_LIMIT and HISTORY_CHARS; ``dismissed`` (hidden field: keys
    separated by spaces) holds the keys of dismissed rewrites. Both come back from the
    browser, so both are validated here and only ever printed autoescaped.
    """

    history: list[dict] = field(default_factory=list)
    dismissed: set[str] = field(default_factory=set)
    # Suggestions the user added to the reframed draft on the reframe page.
    accepted: set[str] = field(default_factory=set)
    # The user's own words for a change, by its key (hidden field ``edits``: JSON).
    edits: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_form(cls, form) -> "EditState":
        """Read the hidden ``history``, ``dismissed`` and ``accepted`` fields; malformed
        values are dropped."""
        def keys(name: str) -> set[str]:
            return {k for k in form.get(name, "").split()[:MAX_DISMISSED] if KEY.fullmatch(k)}
        return cls(_parse_history(form.get("history", "")), keys("dismissed"), keys("accepted"),
                   _parse_edits(form.get("edits", "")))

    @classmethod
    def from_request(cls) -> "EditState":
        """The state posted with this request (empty for a GET)."""
        return cls.from_form(request.form) if request.method == "POST" else cls()

    @property
    def history_field(self) -> str:
        """The value of the hidden ``history`` field."""
        return json.dumps(self.history, ensure_ascii=False) if self.history else ""

    @property
    def dismissed_field(self) -> str:
        """The value of the hidden ``dismissed`` field."""
        return " ".join(sorted(self.dismissed))

    @property
    def accepted_field(self) -> str:
        """The value of the hidden ``accepted`` field."""
        return " ".join(sorted(self.accepted))

    @property
    def edits_field(self) -> str:
        """The value of the hidden ``edits`` field."""
        return json.dumps(self.edits, ensure_ascii=False, sort_keys=True) if self.edits else ""

    def edit(self, key: str, words: str, automatic: bool) -> None:
        """Use the user's ``words`` for the change ``key`` (and make it); empty words
        go back to the suggested ones."""
        words = clean_words(words)
        if not words:
            self.edits.pop(key, None)
            return
        self.edits[key] = words
        if automatic:
            self.dismissed.discard(key)
        else:
            self.accepted.add(key)

    def toggle(self, key: str, automatic: bool) -> None:
        """Leave out an automatic change, or add a suggestion, by its key; again to undo."""
        chosen = self.dismissed if automatic else self.accepted
        chosen.symmetric_difference_update({key})

    def push(self, text: str, label: str) -> None:
        """Remember ``text`` (the draft before a change described by ``label``) for undo."""
        self.history.append({"text": text, "label": short(label, 120)})
        _trim(self.history)

    def with_pushed(self, text: str, label: str) -> "EditState":
        """A copy with one more undo step (for "Use this draft" on the reframe page)."""
        copy = EditState([dict(e) for e in self.history], set(self.dismissed), set(self.accepted),
                         dict(self.edits))
        copy.push(text, label)
        return copy


def clean_words(words: str) -> str:
    """The user's words for one change on one line (a change never adds a paragraph),
    without control characters, cut to EDIT_CHARS."""
    words = "".join(ch for ch in words if ch.isprintable() or ch.isspace())
    return " ".join(words.split())[:EDIT_CHARS]


def _parse_edits(raw: str) -> dict[str, str]:
    """The posted ``edits`` field: a JSON object of keys to words; anything else is dropped."""
    if not raw:
        return {}
    try:
        value = safe_json.loads(raw)
    except ValueError:
        return {}
    if not isinstance(value, dict):
        return {}
    edits = {k: clean_words(v) for k, v in list(value.items())[:MAX_DISMISSED]
             if isinstance(k, str) and KEY.fullmatch(k) and isinstance(v, str)}
    return {k: v for k, v in edits.items() if v}


def _parse_history(raw: str) -> list[dict]:
    if not raw:
        return []
    try:
        value = safe_json.loads(raw)  # never a RecursionError or a lone surrogate
    except ValueError:
        return []
    if not isinstance(value, list):
        return []
    entries = [{"text": e["text"], "label": short(e["label"], 120)} for e in value
               if isinstance(e, dict) and isinstance(e.get("text"), str)
               and isinstance(e.get("label"), str)]
    return _trim(entries)


def history_problem(form) -> str | None:
    """Why the posted ``history`` field cannot be used: nested too deep or holding a lone
    surrogate (None when it is fine, empty or merely malformed, which is dropped)."""
    raw = form.get("history", "")
    if not raw:
        return None
    try:
        safe_json.loads(raw)
    except safe_json.JsonInputError as exc:
        if exc.kind != "syntax":
            return (f"The form's undo history (field “history”) was refused: "
                    f"{exc.field + ' ' if exc.field else ''}{exc.message}. It has been cleared; "
                    "your draft is kept below, check it again.")
    return None


def _trim(history: list[dict]) -> list[dict]:
    """Keep the newest entries within both caps (oldest dropped first)."""
    del history[:-HISTORY_LIMIT]
    while history and sum(len(e["text"]) + len(e["label"]) for e in history) > HISTORY_CHARS:
        history.pop(0)
    return history


def short(text: str, limit: int = 60) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


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


def run_check(draft: Draft) -> dict:
    """Analyse the draft; the template context for the results.

    Raises InputError (worded for the page) when the draft cannot be checked.
    """
    profile = None
    if draft.profile_id:
        try:
            profile = profile_store().get(draft.profile_id)
        except ProfileNotFound:
            raise InputError("that partner profile no longer exists; pick another") from None
    try:
        report = check_draft(get_analyzer(), draft.text, kind=draft.kind, stored_profile=profile,
                             sector=None if profile else draft.sector)
    except UnusableProfile as exc:
        raise InputError(f"the partner profile cannot be used: {exc.message}") from None
    ids = [finding_id(i) for i in range(len(report.findings))]
    groups = {sev: [(fid, f) for fid, f in zip(ids, report.findings) if f.severity == sev]
              for sev in SEVERITIES}
    against = (profile.name if profile else sector_name(draft.sector) if draft.sector else "")
    return {"report": report, "segments": highlight_report(report),
            "by_id": dict(zip(ids, report.findings)), "groups": groups,
            "counts": report.counts(), "against_name": against, "checked_profile": profile}


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
                           max_chars=current_app.config["MAX_TEXT_CHARS"], **context), status


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
