"""The checker page: paste or load a draft, check it against a partner profile or a
sector, see every finding highlighted in place, and (editors) save it as a pitch.

The draft is highlighted by :mod:`webapp.highlight`, which cuts the text into
segments; the template prints each segment through Jinja's autoescaping, so
nothing the user typed is ever interpreted as HTML.

Rewrites under each finding (accept, dismiss, undo) and the reframe page live in
:mod:`.reframe`, which adds its routes to this blueprint.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from flask import (Blueprint, abort, current_app, flash, g, redirect, render_template, request,
                   url_for)

from framing import safe_json
from framing.engine import KINDS, InputError, TextTooLarge
from framing.findings import SEVERITIES, SEVERITY_LABELS
from framing.profile import ProfileError
from framing.store.pitches import PitchNotFound
from framing.store.profiles import ProfileNotFound

from ..auth import can, login_required
from ..extensions import get_analyzer
from ..highlight import finding_id, highlight_report
from ..rate_limit import count_analysis
from . import install_helpers, pitch_store, profile_store, sector_name, sectors

bp = Blueprint("checker", __name__)
install_helpers(bp)

PART_LABELS = {
    "coverage": "Covers their priorities",
    "lead": "Leads with what matters most to them",
    "language": "Uses their words",
    "voice": "Talks about them more than about us",
}
HISTORY_LIMIT = 20          # earlier drafts kept for undo...
HISTORY_CHARS = 100_000     # ...and at most this many characters of them in all
MAX_DISMISSED = 300
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
        return int(value) if kind == "profile" and value.isdigit() else None

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

    @classmethod
    def from_form(cls, form) -> "EditState":
        """Read the hidden ``history`` and ``dismissed`` fields; malformed values are dropped."""
        keys = form.get("dismissed", "").split()[:MAX_DISMISSED]
        return cls(_parse_history(form.get("history", "")), {k for k in keys if KEY.fullmatch(k)})

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

    def push(self, text: str, label: str) -> None:
        """Remember ``text`` (the draft before a change described by ``label``) for undo."""
        self.history.append({"text": text, "label": short(label, 120)})
        _trim(self.history)

    def with_pushed(self, text: str, label: str) -> "EditState":
        """A copy with one more undo step (for "Use this draft" on the reframe page)."""
        copy = EditState([dict(e) for e in self.history], set(self.dismissed))
        copy.push(text, label)
        return copy


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
    if values.get("profile", "").strip().isdigit():
        return f"profile:{values['profile'].strip()}"
    if values.get("sector", "").strip():
        return f"sector:{values['sector'].strip()}"
    return ""


def _draft_from_request() -> Draft:
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


def _run(draft: Draft) -> dict:
    """Analyse the draft; the template context for the results."""
    profile = None
    if draft.profile_id:
        try:
            profile = profile_store().get(draft.profile_id)
        except ProfileNotFound:
            raise InputError("that partner profile no longer exists; pick another") from None
    try:
        engine_profile = profile.to_engine() if profile else None
    except ProfileError as exc:
        raise InputError(f"the partner profile cannot be used: {exc}") from None
    report = get_analyzer().analyze(draft.text, sector=None if profile else draft.sector,
                                    profile=engine_profile, kind=draft.kind)
    ids = [finding_id(i) for i in range(len(report.findings))]
    groups = {sev: [(fid, f) for fid, f in zip(ids, report.findings) if f.severity == sev]
              for sev in SEVERITIES}
    against = (profile.name if profile else sector_name(draft.sector) if draft.sector else "")
    return {"report": report, "segments": highlight_report(report),
            "by_id": dict(zip(ids, report.findings)), "groups": groups,
            "counts": report.counts(), "against_name": against, "checked_profile": profile}


def _page(draft: Draft, status: int = 200, **context):
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


@bp.get("/")
def home():
    """The start page is the checker."""
    return redirect(url_for(".check"))


@bp.route("/check", methods=["GET", "POST"])
@login_required
def check():
    """GET: the form (optionally with a saved pitch loaded, ``run=1`` checks it at once).
    POST: check the draft; accept, dismiss or undo a rewrite and check again; or save
    it as a pitch or a new version (editors)."""
    draft, state = _draft_from_request(), EditState.from_request()
    if request.method == "POST" and (problem := history_problem(request.form)):
        return _page(draft, 400, state=EditState(), error=problem)
    if analysing_request() and (refusal := count_analysis(g.user)):
        body, status = _page(draft, 429, state=state, error=refusal.message)
        return body, status, refusal.headers
    limit = current_app.config["MAX_TEXT_CHARS"]
    if len(draft.text) > limit:
        return _page(draft, 413, too_large=True, error=(
            f"Your draft is {len(draft.text):,} characters long; the checker takes up to "
            f"{limit:,}. Split it into shorter parts and check each one. Your text is kept below."))
    action = request.form.get("action", "check") if request.method == "POST" else "check"
    if action in ("save", "save_version"):
        return _save(draft, action)
    if request.method == "GET" and not request.args.get("run"):
        return _page(draft)
    try:
        notice = reframe.apply_edit(draft, state, request.form) if request.method == "POST" \
            else None
        results = _run(draft)
    except TextTooLarge as exc:  # over the line or token cap (engine.Analyzer.check_cost)
        return _page(draft, 413, state=state, too_large=True, error=too_large_error(exc))
    except InputError as exc:
        return _page(draft, 400, state=state, error=f"Cannot check this draft: {exc}.")
    offers = reframe.offers_by_finding(results["report"], state.dismissed)
    return _page(draft, state=state, notice=notice, offers=offers, **results)


def analysing_request() -> bool:
    """Whether this checker request runs the analysis (and so counts against the user's
    rate limit, webapp/rate_limit.py): every POST but a save, and GET with ``run``."""
    if request.method == "POST":
        return request.form.get("action", "check") not in ("save", "save_version")
    return bool(request.args.get("run"))


def too_large_error(exc: TextTooLarge) -> str:
    """What the checker and reframe pages say about a draft over one of the engine's caps."""
    return (f"Your draft has {exc.size:,} {exc.unit}; the checker takes up to {exc.limit:,}. "
            "Split it into shorter parts and check each one. Your text is kept below.")


def _save(draft: Draft, action: str):
    """Save the draft as a new pitch or a new version of the loaded one; then show its check."""
    if not can("edit"):
        abort(403)
    store = pitch_store()
    try:
        if action == "save_version" and draft.pitch_id:
            saved = store.add_version(draft.pitch_id, draft.text, g.user, note=draft.note)
            pitch_id, number = draft.pitch_id, saved.number
            flash(f"Saved as version {number} of “{draft.title or 'the pitch'}”.", "success")
        else:
            title = request.form.get("new_title", "").strip() or \
                ("" if draft.pitch_id else draft.title)
            pitch = store.create(title, draft.text, g.user, profile_id=draft.profile_id,
                                 sector=draft.sector, kind=draft.kind, note=draft.note)
            pitch_id, number = pitch.id, 1
            flash(f"Saved as a new pitch “{pitch.title}”.", "success")
    except PitchNotFound:
        abort(404, description="That saved pitch no longer exists.")
    except ValueError as exc:
        return _page(draft, 400, error=f"Not saved: {_readable(str(exc))}")
    return redirect(url_for(".check", pitch=pitch_id, version=number, run=1))


def _readable(message: str) -> str:
    """``title: required`` -> ``the title is required.``"""
    field, _, reason = message.partition(": ")
    if not reason:
        return message
    names = {"title": "a title", "text": "the draft", "note": "the note", "kind": "the kind"}
    if reason == "required":
        return f"{names.get(field, field)} is required.".capitalize()
    return f"{names.get(field, field).capitalize()}: {reason}."


# Last, because it imports from this module: adds /check/reframe to ``bp``.
from . import reframe  # noqa: E402
