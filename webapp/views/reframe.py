"""The whole-message variant page, ``POST /check/reframe``, and saving the variant.

The routes live on the checker's blueprint (:mod:`.checker_common`), so the
navigation marks "Check" as the current section.
"""
from __future__ import annotations

from dataclasses import replace

from flask import (abort, current_app, flash, g, make_response, redirect, render_template,
                   request, url_for)

from framing.engine import InputError, TextTooLarge
from framing.rewrite.model import BLANK
from framing.rewrite.variant import VariantTooLarge, checked_rewrites
from framing.rewrite.variant import reframe as reframe_variant
from framing.services.limits import TextTooLong, check_length
from framing.services.pitches import save_draft
from framing.store.pitches import PitchNotFound
from framing.textdiff import merge_changes

from ..auth import can, login_required
from ..extensions import get_analyzer
from ..rate_limit import count_analysis
from . import pitch_store
from .checker_common import (SEVERITY_LABELS, bp, draft_from_request, page, readable, run_check,
                             too_large_error)
from .checker_state import KEY, EditState, clean_words, history_problem, short
from .rewrite_offers import blank_parts, finding_index, rewrite_key
from .word_files import docx_download


# -- the reframe page ---------------------------------------------------------------------------
# Changes the user may put in their own words: word and clause swaps, not a move or a cut.
EDITABLE = ("guideline", "swap", "avoid", "active", "offer")

def diff_sides(ops: list[dict], text: str) -> tuple[list[dict], list[dict]]:
    """The word diff as two segment lists: the original with deletions marked
    (``tag="del"``), and the variant ``text`` with insertions (``tag="ins"``) and
    blanks (``blank=True``) marked. Segments are plain text, printed autoescaped."""
    blanks = [m.span() for m in BLANK.finditer(text)]
    left, right, pos = [], [], 0
    for op in merge_changes(ops):
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


def variant_context(report, state: EditState, toggle: str | None = None,
                    words: dict[str, str] | None = None) -> dict:
    """Build the variant (every automatic rewrite the user did not leave out, and the
    suggestions they added, in the user's own words where they edited one) and what
    the reframe page shows about it.

    ``toggle`` is the key of a change the user just left out or put back, or of a
    suggestion they just added or removed; ``words`` are the change boxes as posted
    (by key): a box whose words differ from the change's is an edit (emptied: back
    to the suggested words). ``state`` is updated with both."""
    checked = checked_rewrites(get_analyzer(), report)
    rewrites = checked[0]
    keys = {r.id: rewrite_key(r) for r in rewrites}
    automatic = {keys[r.id] for r in rewrites if r.auto}
    editable = {keys[r.id] for r in rewrites if r.kind in EDITABLE}
    if toggle and toggle in set(keys.values()):
        state.toggle(toggle, toggle in automatic)
    suggested = {keys[r.id]: r.replacement for r in rewrites}
    for key, posted in (words or {}).items():
        if key in editable and clean_words(posted) != state.edits.get(key, suggested[key]):
            state.edit(key, posted, key in automatic)
    # Edits of changes the draft no longer offers are dropped, not carried.
    state.edits = {k: v for k, v in state.edits.items() if k in editable}
    rewrites = [replace(r, replacement=state.edits[keys[r.id]], edited=True)
                if keys[r.id] in state.edits else r for r in rewrites]
    checked = (rewrites, checked[1])
    left_out = [r for r in rewrites if r.auto and keys[r.id] in state.dismissed]
    added = [r for r in rewrites if not r.auto and keys[r.id] in state.accepted]
    accepted = None
    if left_out or added:
        accepted = ({r.id for r in rewrites if r.auto} - {r.id for r in left_out}) | \
            {r.id for r in added}
    variant = reframe_variant(get_analyzer(), report, accepted, checked)
    original, changed = diff_sides(variant.diff, variant.text)
    alignment = report.scores.get("alignment") or {}
    labels = {p["id"]: p["label"] for p in alignment.get("priorities", [])}
    done = {finding_index(report.findings, r) for r in variant.applied}
    pending = {finding_index(report.findings, r) for r in variant.skipped
               if keys[r.id] not in state.dismissed} - done - {None}
    applied_ids = {r.id for r in variant.applied}
    # Suggestions worth a look: not an alternative wording of a change already made.
    suggestions = [r for r in variant.skipped if not r.auto and r.id not in applied_ids
                   and not any(_overlaps(r, a) for a in variant.applied)]
    return {"variant": variant, "original_segments": original, "variant_segments": changed,
            "scores": score_rows(variant.before, variant.after, labels),
            "blanks": list(dict.fromkeys(variant.blanks)), "pending": len(pending),
            "left_out": left_out, "suggestions": suggestions, "keys": keys,
            "rejected": variant.rejected}


def _overlaps(a, b) -> bool:
    return a.start < b.end and b.start < a.end


def _prepare():
    """The posted draft, its state, its check results and the reframe page's context.

    Aborts with the checker page saying why when the draft cannot be reframed.
    """
    draft, state = draft_from_request(), EditState.from_request()
    if problem := history_problem(request.form):
        abort(make_response(page(draft, 400, state=EditState(), error=problem)))
    if refusal := count_analysis(g.user):
        abort(make_response(*page(draft, 429, error=refusal.message), refusal.headers))
    try:
        check_length(draft.text, current_app.config["MAX_TEXT_CHARS"])
    except TextTooLong as exc:
        abort(make_response(page(draft, 413, too_large=True, error=(
            f"Your draft is {exc.size:,} characters long; reframing takes up to "
            f"{exc.limit:,}. Shorten it first. Your text is kept below."))))
    if not draft.against:
        abort(make_response(page(draft, 400, error="To reframe a draft, choose a partner profile "
                                  "or a sector under “Check against” and check it again.")))
    try:
        results = run_check(draft, state)
    except TextTooLarge as exc:  # over the line or token cap (engine.Analyzer.check_cost)
        abort(make_response(page(draft, 413, too_large=True, error=too_large_error(exc))))
    except InputError as exc:
        abort(make_response(page(draft, 400, error=f"Cannot reframe this draft: {exc}.")))
    try:
        toggle = request.form.get("toggle", "")
        words = {name[6:]: value for name, value in request.form.items()
                 if name.startswith("words-") and KEY.fullmatch(name[6:])}
        context = variant_context(results["report"], state,
                                  toggle if KEY.fullmatch(toggle) else None, words)
    except VariantTooLarge as exc:  # the draft fits, the reframed one would not
        abort(make_response(page(draft, 422, error=(
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
                           against_name=name, blank_parts=blank_parts, editable=EDITABLE,
                           **context,
                           **extra), status


@bp.post("/check/reframe/docx")
@login_required
def download_reframed():
    """The reframed draft as a Word document, each change from the draft a tracked change.
    Like saving, the variant is built again here from the draft and the user's choices."""
    draft, state, results, context = _prepare()
    title = draft.title or f"Draft for {results['against_name']}"
    return docx_download(draft.text, context["variant"].text, title, g.user.username)


@bp.post("/check/reframe/save")
@login_required
def save_reframed():
    """Editors: save the variant as a new version of the loaded pitch, or as a new pitch.

    The variant is built again from the original text (it is never taken from the form;
    only the user's own words for a change are), so what is saved is what the engine
    produced with those words, and the note's scores are true.
    """
    if not can("edit"):
        abort(403)
    draft, state, results, context = _prepare()
    variant, name = context["variant"], results["against_name"]
    note = short(f"Reframed for {name}: alignment {variant.before['alignment']} → "
                  f"{variant.after['alignment']}", 1000)
    version_of = ((draft.pitch_id or None) if request.form.get("action") == "save_version"
                  else None)
    try:
        saved = save_draft(pitch_store(), g.user, variant.text, version_of=version_of,
                           title=request.form.get("new_title", "").strip(),
                           profile_id=draft.profile_id, sector=draft.sector,
                           kind=draft.kind, note=note)
    except PitchNotFound:
        abort(404, description="That saved pitch no longer exists.")
    except ValueError as exc:
        return _reframe_page(draft, state, results, context, 400,
                             error=f"Not saved: {readable(exc)}")
    if saved.new_pitch:
        flash(f"Saved the reframed draft as a new pitch “{saved.title}”.", "success")
    else:
        title = draft.title or "the pitch"
        flash(f"Saved the reframed draft as version {saved.number} of “{title}”.", "success")
    pitch_id, number = saved.pitch_id, saved.number
    return redirect(url_for(".check", pitch=pitch_id, version=number, run=1))
