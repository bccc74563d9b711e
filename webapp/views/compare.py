"""Comparing framing variants side by side, across partners (campaigns.md §6).

Pages: the list of saved comparisons, a form for a new one (typed variants,
a pitch's or a campaign piece's versions, against one or more partner profiles
or sectors), and the comparison itself: a variants × partners matrix with the best fit per partner,
a server-side SVG bar chart, findings and readability per variant, a
word-level diff between any two variants, the decision record and optional
feedback from a small test audience (always shown with the plain warning of
how many people a real test would need). Also a CSV export and a printable
page.

Editors and admins create comparisons and record decisions; everyone signed
in may read them and add feedback. The analysis is run on view (profiles can
change after a comparison is saved) and kept in a small per-app cache.

This module holds the list, the new-comparison form and the comparison page, on
the blueprint of :mod:`.compare_common` (which also draws the comparison page); the form's campaign-piece option is in :mod:`.compare_piece`,
the analysis and its cache are in :mod:`.compare_scores`, the stored record
(decisions, feedback) as the pages read it in :mod:`.compare_record`, the
decision and feedback routes in :mod:`.compare_decisions` and the chart, CSV
and print routes in :mod:`.compare_exports`.
"""
from __future__ import annotations

from flask import abort, current_app, flash, g, redirect, render_template, request, url_for

from campaigns.store import PieceNotFound
from framing.constants import EDITORS
from framing.engine import KINDS, TextTooLarge
from framing.store.pitches import PitchNotFound
from framing.validation import as_validation_error

from ..auth import login_required, roles_required
from ..extensions import get_analyzer
from . import pitch_store, profile_store, sectors
from .compare_common import bp, get_comparison, page, source_info
from .compare_form import (BLANK_ROWS, FormError, MAX_VARIANTS, NewComparison, VariantRow,
                           letter_label, new_from, padded, pitch_source, prefilled, readable,
                           targets_of, variants_of)
from .compare_piece import from_piece, piece_groups, piece_ref, require_piece
from .compare_record import comparison_store, target_labels


# ---------- pages ----------

@bp.get("/")
@login_required
def index():
    """Saved comparisons, newest first (``?pitch=<id>``: only that pitch's)."""
    pitch_id = request.args.get("pitch", type=int)
    store = comparison_store()
    items = store.list(pitch_id=pitch_id)
    items.sort(key=lambda c: (c.created_at, c.id), reverse=True)
    rows = [{"c": c, "targets": [name for key, name in target_labels(c).items() if key],
             "decisions": len(store.decisions(c.id))} for c in items]
    pitch = None
    if pitch_id:
        try:
            pitch = pitch_store().get(pitch_id)
        except PitchNotFound:
            abort(404, description="That pitch does not exist.")
    return render_template("compare/list.html", rows=rows, pitch=pitch)


def _new_page(draft: NewComparison, status: int = 200, **context):
    profiles = profile_store().list()
    packs = sorted(sectors().values(), key=lambda s: s.name)
    try:
        pitches = pitch_store().list()
    except Exception:  # the form must work even if pitches cannot be listed
        current_app.logger.exception("listing pitches failed")
        pitches = []
    draft.rows = padded(draft.rows)
    return render_template("compare/new.html", draft=draft, profiles=profiles, packs=packs,
                           pitches=pitches, piece_groups=piece_groups(), kinds=KINDS,
                           max_variants=MAX_VARIANTS,
                           letter_label=letter_label, source_info=source_info,
                           max_chars=current_app.config["MAX_TEXT_CHARS"], **context), status


def _from_pitch(pitch_id: int) -> tuple[NewComparison, str | None]:
    """A new comparison prefilled with a pitch's versions (the latest ten)."""
    store = pitch_store()
    try:
        pitch = store.get(pitch_id)
        versions = store.versions(pitch_id)
    except PitchNotFound:
        abort(404, description="That pitch does not exist.")
    targets = ([f"profile:{pitch.profile_id}"] if pitch.profile_id
               else [f"sector:{pitch.sector}"] if pitch.sector else [])
    return prefilled(
        pitch.title, "pitch", versions,
        lambda v: VariantRow(f"Version {v.number}", v.text, pitch_source(pitch.id, v.number)),
        kind=pitch.kind, targets=targets, pitch_id=pitch.id)


@bp.route("/new", methods=["GET", "POST"])
@roles_required(*EDITORS)
def new():
    """GET: the form (``?pitch=<id>`` / ``?piece=<id>`` fills it with that pitch's or
    campaign piece's versions). POST: save the comparison and show it."""
    if request.method == "GET":
        pitch_id = request.args.get("pitch", type=int)
        piece_id = request.args.get("piece", type=int)
        if pitch_id or piece_id:
            draft, note = _from_pitch(pitch_id) if pitch_id else from_piece(piece_id)
            return _new_page(draft, pitch_note=note)
        return _new_page(NewComparison(rows=[VariantRow() for _ in range(BLANK_ROWS)]))
    draft = new_from(request.form, KINDS)
    store = profile_store()
    try:
        variants = variants_of(draft, current_app.config["MAX_TEXT_CHARS"])
        analyzer = get_analyzer()
        for number, variant in enumerate(variants, start=1):
            # The engine's line and token caps, before saving: a variant over them could
            # never be scored (engine.Analyzer.check_cost).
            analyzer.check_cost(variant["text"], f"Variant {number}")
        targets = targets_of(draft.targets, {p.id for p in store.list()}, set(sectors()))
        title = draft.title or _default_title(variants)
        if draft.pitch_id:
            pitch_store().get(draft.pitch_id)
        if draft.piece_id:
            require_piece(draft.piece_id)
        comparison = comparison_store().create(
            title, variants, targets, g.user, kind=draft.kind, pitch_id=draft.pitch_id,
            piece_ref=piece_ref(draft.piece_id) if draft.piece_id else None)
    except FormError as exc:
        return _new_page(draft, 400, error=exc.message, error_field=exc.field)
    except TextTooLarge as exc:
        return _new_page(draft, 413, error=f"{exc}. Shorten it or split it.", error_field="text")
    except PitchNotFound:
        draft.pitch_id = None
        return _new_page(draft, 400, error="The pitch these versions came from no longer "
                                           "exists. Save again to compare them anyway.")
    except PieceNotFound:
        draft.piece_id = None
        return _new_page(draft, 400, error="The campaign piece these versions came from no "
                                           "longer exists. Save again to compare them anyway.")
    except ValueError as exc:
        return _new_page(draft, 400, error=f"Not saved: {readable(exc)}",
                         error_field=as_validation_error(exc).field)
    flash(f"Comparison “{comparison.title}” saved.", "success")
    return redirect(url_for(".view", comparison_id=comparison.id))


def _default_title(variants: list[dict]) -> str:
    names = ", ".join(v["label"] for v in variants[:3])
    more = f" and {len(variants) - 3} more" if len(variants) > 3 else ""
    return f"{names}{more}"[:200]


@bp.get("/<int:comparison_id>")
@login_required
def view(comparison_id: int):
    """The comparison: matrix, chart, per-variant details, diff, decisions, feedback."""
    return page(get_comparison(comparison_id))
