"""Reframing in the checker: rewrites offered under each finding (accept, dismiss, undo)
and the whole-message variant page, ``POST /check/reframe``.

Everything works with plain form posts; the buttons in the results submit the
checker form (``form="check-form"``), so they always act on the current text. The
undo history and the dismissed rewrites travel in that form's hidden fields
(:class:`.checker.EditState`). A dismissed rewrite is remembered by a key that
hashes its rule, kind, original and replacement, not its offsets, so a dismissal
survives accepting other rewrites that shift the text.

The routes live on the checker's blueprint (this module is imported at the end
of :mod:`.checker`), so the navigation marks "Check" as the current section.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from flask import (abort, current_app, flash, g, make_response, redirect, render_template,
                   request, url_for)

from framing.engine import InputError, TextTooLarge
from framing.rewrite.model import Rewrite
from framing.rewrite.suggest import rewrites_for
from framing.rewrite.variant import BLANK, VariantTooLarge, apply_rewrites
from framing.rewrite.variant import reframe as build_variant
from framing.store.pitches import PitchNotFound

from ..auth import can, login_required
from ..extensions import get_analyzer
from ..highlight import finding_id
from ..rate_limit import count_analysis
from . import pitch_store
from .checker import (KEY, MAX_DISMISSED, SEVERITY_LABELS, EditState, _draft_from_request, _page,
                      _readable, _run, bp, history_problem, short, too_large_error)


def rewrite_key(rewrite: Rewrite) -> str:
    """A position-independent key for dismissing a rewrite."""
    raw = "\x1f".join((rewrite.rule, rewrite.kind, rewrite.original, rewrite.replacement))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


def blank_parts(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into ``(piece, is_blank)`` pairs; blanks look like ``[what we bring]``."""
    out, pos = [], 0
    for match in BLANK.finditer(text):
        if match.start() > pos:
            out.append((text[pos:match.start()], False))
        out.append((match.group(), True))
        pos = match.end()
    if pos < len(text):
        out.append((text[pos:], False))
    return out


def change_label(rewrite: Rewrite) -> str:
    """How an accepted rewrite is named on the Undo button."""
    if rewrite.original.strip():
        return f"“{short(rewrite.original)}” → “{short(rewrite.replacement)}”"
    return f"added “{short(rewrite.replacement)}”"


@dataclass
class Offer:
    """One rewrite as the results panel shows it."""

    rewrite: Rewrite
    key: str
    parts: list[tuple[str, bool]]


def offers_by_finding(report, dismissed: set[str]) -> dict[str, dict[str, list[Offer]]]:
    """Rewrites grouped under their finding's HTML id: ``{"shown": [...], "dismissed": [...]}``."""
    out: dict[str, dict[str, list[Offer]]] = {}
    for rewrite in rewrites_for(report):
        index = finding_index(report.findings, rewrite)
        if index is None:
            continue
        key = rewrite_key(rewrite)
        bucket = out.setdefault(finding_id(index), {"shown": [], "dismissed": []})
        bucket["dismissed" if key in dismissed else "shown"].append(
            Offer(rewrite, key, blank_parts(rewrite.replacement)))
    return out


def apply_edit(draft, state: EditState, form) -> dict | None:
    """Carry out an Accept, Dismiss, Restore or Undo button of the checker form.

    Changes ``draft.text`` and ``state`` in place; returns the notice to show
    (``{"kind": "success" | "info" | "error", "text": ...}``) or None for a plain check.
    Raises InputError when the draft cannot be analysed.
    """
    if form.get("undo"):
        if not state.history:
            return {"kind": "info", "text": "There is nothing to undo."}
        entry = state.history.pop()
        draft.text = entry["text"]
        return {"kind": "info", "text": f"Undone: {entry['label']}. The draft was checked again."}
    if form.get("dismiss"):
        if KEY.fullmatch(form["dismiss"]) and len(state.dismissed) < MAX_DISMISSED:
            state.dismissed.add(form["dismiss"])
        return {"kind": "info", "text": "Suggestion dismissed; it stays hidden while you revise."}
    if form.get("restore"):
        state.dismissed.discard(form["restore"])
        return {"kind": "info", "text": "Suggestion shown again."}
    if not form.get("accept"):
        return None
    report = _run(draft)["report"]
    rewrite = next((r for r in rewrites_for(report) if r.id == form["accept"]), None)
    if rewrite is None:
        return {"kind": "error", "text": "That suggestion no longer fits the draft (the text "
                "changed since the check). Here are the suggestions for the draft as it is now."}
    label = change_label(rewrite)
    state.push(draft.text, label)
    draft.text = apply_rewrites(draft.text, [rewrite])
    text = f"Accepted: {label}. The draft was checked again."
    if rewrite.blanks:
        text += " Fill in the parts in [brackets] before you send it."
    return {"kind": "success", "text": text}


def finding_index(findings, rewrite: Rewrite) -> int | None:
    """The index of the finding a rewrite answers: same rule, most overlap, then nearest."""
    best, best_score = None, None
    for index, finding in enumerate(findings):
        if finding.rule != rewrite.rule:
            continue
        overlap = min(finding.end, rewrite.end) - max(finding.start, rewrite.start)
        distance = 0 if finding.start <= rewrite.start <= finding.end else \
            min(abs(rewrite.start - finding.start), abs(rewrite.start - finding.end))
        if best_score is None or (-overlap, distance) < best_score:
            best, best_score = index, (-overlap, distance)
    return best


# -- the reframe page ---------------------------------------------------------------------------
def diff_sides(ops: list[dict], text: str) -> tuple[list[dict], list[dict]]:
    """The word diff as two segment lists: the original with deletions marked
    (``tag="del"``), and the variant ``text`` with insertions (``tag="ins"``) and
    blanks (``blank=True``) marked. Segments are plain text, printed autoescaped."""
    blanks = [m.span() for m in BLANK.finditer(text)]
    left, right, pos = [], [], 0
    for op in _coalesce(ops):
        changed = op["op"] != "equal"
        if op["before"]:
            left.append({"text": op["before"], "tag": "del" if changed else None, "blank": False})
        end = pos + len(op["after"])
        cuts = sorted({pos, end} | {p for span in blanks for p in span if pos < p < end})
        for a, b in zip(cuts, cuts[1:]):
            right.append({"text": text[a:b], "tag": "ins" if changed else None,
                          "blank": any(s <= a and b <= e for s, e in blanks)})
        pos = end
    return left, right


def _coalesce(ops: list[dict]) -> list[dict]:
    """Merge changes separated only by spaces, so "youth homelessness" is one deletion."""
    out: list[dict] = []
    for op in ops:
        if op["op"] != "equal" and len(out) >= 2 and out[-1]["op"] == "equal" \
                and not out[-1]["before"].strip() and out[-2]["op"] != "equal":
            space, first = out.pop(), out[-1]
            out[-1] = {"op": "replace", "before": first["before"] + space["before"] + op["before"],
                       "after": first["after"] + space["after"] + op["after"]}
        else:
            out.append(op)
    return out


def _row(label: str, before, after, better: str = "lower", words=("fewer", "more")) -> dict:
    """One row of the scores table, with its change and whether that is better."""
    row = {"label": label, "before": before, "after": after,
           "change": "no change", "verdict": "same", "word": ""}
    if before is not None and after is not None and before != after:
        delta = round(after - before, 1)
        good = delta > 0 if better == "higher" else delta < 0
        row.update(change=f"{delta:+g}".replace("-", "−"), verdict="better" if good else "worse",
                   word=words[0] if good else words[1])
    return row


def score_rows(before: dict, after: dict, labels: dict[str, str]) -> list[dict]:
    """Before/after rows for the scores table (``Variant.before`` / ``.after`` summaries)."""
    rows = [_row("Fit with the partner (of 100)", before["alignment"], after["alignment"],
                 "higher", ("better", "worse"))]
    rows += [_row(f"Findings: {SEVERITY_LABELS[sev].lower()}", before["counts"][sev],
                  after["counts"][sev]) for sev in ("error", "warning", "suggestion")]
    rows.append(_row("Reading grade (Flesch-Kincaid)", round(before["flesch_kincaid_grade"], 1),
                     round(after["flesch_kincaid_grade"], 1), words=("easier", "harder")))
    lead = [labels.get(s["leads_with"], s["leads_with"]) or "none of their priorities"
            for s in (before, after)]
    rows.append({"label": "Leads with", "before": lead[0], "after": lead[1], "verdict": "same",
                 "change": "" if lead[0] == lead[1] else "changed", "word": ""})
    return rows


def variant_context(report, dismissed: set[str]) -> dict:
    """Build the variant (every automatic rewrite except dismissed ones) and what the
    reframe page shows about it."""
    rewrites = rewrites_for(report)
    left_out = [r for r in rewrites if r.auto and rewrite_key(r) in dismissed]
    accepted = ({r.id for r in rewrites if r.auto} - {r.id for r in left_out}) if left_out else None
    variant = build_variant(get_analyzer(), report, accepted)
    original, changed = diff_sides(variant.diff, variant.text)
    alignment = report.scores.get("alignment") or {}
    labels = {p["id"]: p["label"] for p in alignment.get("priorities", [])}
    done = {finding_index(report.findings, r) for r in variant.applied}
    pending = {finding_index(report.findings, r) for r in variant.skipped
               if rewrite_key(r) not in dismissed} - done - {None}
    return {"variant": variant, "original_segments": original, "variant_segments": changed,
            "scores": score_rows(variant.before, variant.after, labels),
            "blanks": list(dict.fromkeys(variant.blanks)), "pending": len(pending),
            "left_out": len(left_out)}


def _prepare():
    """The posted draft, its state, its check results and the reframe page's context.

    Aborts with the checker page saying why when the draft cannot be reframed.
    """
    draft, state = _draft_from_request(), EditState.from_request()
    if problem := history_problem(request.form):
        abort(make_response(_page(draft, 400, state=EditState(), error=problem)))
    if refusal := count_analysis(g.user):
        abort(make_response(*_page(draft, 429, error=refusal.message), refusal.headers))
    limit = current_app.config["MAX_TEXT_CHARS"]
    if len(draft.text) > limit:
        abort(make_response(_page(draft, 413, too_large=True, error=(
            f"Your draft is {len(draft.text):,} characters long; reframing takes up to "
            f"{limit:,}. Shorten it first. Your text is kept below."))))
    if not draft.against:
        abort(make_response(_page(draft, 400, error="To reframe a draft, choose a partner profile "
                                  "or a sector under “Check against” and check it again.")))
    try:
        results = _run(draft)
    except TextTooLarge as exc:  # over the line or token cap (engine.Analyzer.check_cost)
        abort(make_response(_page(draft, 413, too_large=True, error=too_large_error(exc))))
    except InputError as exc:
        abort(make_response(_page(draft, 400, error=f"Cannot reframe this draft: {exc}.")))
    try:
        context = variant_context(results["report"], state.dismissed)
    except VariantTooLarge as exc:  # the draft fits, the reframed one would not
        abort(make_response(_page(draft, 422, error=(
            f"{str(exc)[:1].upper()}{str(exc)[1:]}. Your text is kept below."))))
    return draft, state, results, context


@bp.post("/check/reframe")
@login_required
def reframe():
    """The whole-message variant for the draft's partner beside the original, with scores."""
    return _reframe_page(*_prepare())


def _reframe_page(draft, state, results, context, status: int = 200, **extra):
    name = results["against_name"]
    used = state.with_pushed(draft.text, f"reframed for {name}")
    return render_template("checker/reframe.html", draft=draft, state=state, used_state=used,
                           against_name=name, blank_parts=blank_parts, **context,
                           **extra), status


@bp.post("/check/reframe/save")
@login_required
def save_reframed():
    """Editors: save the variant as a new version of the loaded pitch, or as a new pitch.

    The variant is built again from the original text (it is never taken from the form),
    so what is saved is exactly what the engine produced, and the note's scores are true.
    """
    if not can("edit"):
        abort(403)
    draft, state, results, context = _prepare()
    variant, name = context["variant"], results["against_name"]
    note = short(f"Reframed for {name}: alignment {variant.before['alignment']} → "
                  f"{variant.after['alignment']}", 1000)
    store = pitch_store()
    try:
        if request.form.get("action") == "save_version" and draft.pitch_id:
            saved = store.add_version(draft.pitch_id, variant.text, g.user, note=note)
            pitch_id, number = draft.pitch_id, saved.number
            title = draft.title or "the pitch"
            flash(f"Saved the reframed draft as version {number} of “{title}”.", "success")
        else:
            pitch = store.create(request.form.get("new_title", "").strip(), variant.text, g.user,
                                 profile_id=draft.profile_id, sector=draft.sector,
                                 kind=draft.kind, note=note)
            pitch_id, number = pitch.id, 1
            flash(f"Saved the reframed draft as a new pitch “{pitch.title}”.", "success")
    except PitchNotFound:
        abort(404, description="That saved pitch no longer exists.")
    except ValueError as exc:
        return _reframe_page(draft, state, results, context, 400,
                             error=f"Not saved: {_readable(exc)}")
    return redirect(url_for(".check", pitch=pitch_id, version=number, run=1))
