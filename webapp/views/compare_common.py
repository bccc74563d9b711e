"""What the comparison pages share: the comparison blueprint, loading a saved
comparison and everything its page (and the print page) shows.

The routes on ``bp`` are in :mod:`.compare` (list, new, view),
:mod:`.compare_decisions` (decisions, feedback) and :mod:`.compare_exports`
(chart, CSV, print); the app factory registers ``bp`` once they are loaded.
"""
from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template, request, url_for

from framing.findings import SEVERITIES
from framing.store.comparisons import ComparisonNotFound
from framing.store.pitches import PitchNotFound
from framing.textdiff import diff_stats, word_diff
from framing.findings import SEVERITY_LABELS

from . import install_helpers, pitch_store
from .compare_form import parse_piece_source, parse_source
from .compare_piece import piece_of
from .compare_record import comparison_store, decision_rows, feedback_summary, target_labels
from .compare_scores import analysis_or_error, best_fit, targets_for, variant_rows

bp = Blueprint("compare", __name__, url_prefix="/compare")
install_helpers(bp)


def get_comparison(comparison_id: int):
    """The saved comparison, or a 404 page."""
    try:
        return comparison_store().get(comparison_id)
    except ComparisonNotFound:
        abort(404, description="That comparison does not exist.")


# ---------- the comparison page ----------

def source_info(source: str) -> dict | None:
    """A variant's source as a link to the pitch (or campaign piece) version it came from."""
    parsed = parse_source(source)
    if parsed:
        pitch_id, number = parsed
        return {"pitch_id": pitch_id, "version": number, "what": "pitch version",
                "url": url_for("pitches.view", pitch_id=pitch_id, v=number)}
    parsed = parse_piece_source(source)
    if parsed:
        piece_id, number = parsed
        return {"piece_id": piece_id, "version": number, "what": "piece version",
                "url": url_for("pieces.view", piece_id=piece_id) + "#versions-h"}
    return None


def _diff_context(comparison) -> dict:
    """The word diff between variants ``?a=`` and ``?b=`` (labels; default: the first two)."""
    labels = [v.label for v in comparison.variants]
    texts = {v.label: v.text for v in comparison.variants}
    a, b = request.args.get("a", ""), request.args.get("b", "")
    a = a if a in texts else labels[0] if labels else ""
    b = b if b in texts else (labels[1] if len(labels) > 1 else a)
    if not a or not b:
        return {"diff_a": a, "diff_b": b, "diff_ops": [], "diff_stats": None}
    ops = word_diff(texts[a], texts[b])
    return {"diff_a": a, "diff_b": b, "diff_ops": ops, "diff_stats": diff_stats(ops),
            "diff_requested": "a" in request.args or "b" in request.args}


def _pitch_of(comparison):
    if not getattr(comparison, "pitch_id", None):
        return None
    try:
        return pitch_store().get(comparison.pitch_id)
    except PitchNotFound:
        return None


def context(comparison) -> dict:
    """Everything the comparison page (and the print page) shows."""
    result, analysis_error = analysis_or_error(comparison)
    gone = targets_for(comparison)[1]
    store = comparison_store()
    labels = {t.key: t.label for t in result.targets} if result is not None else {}
    labels = {**target_labels(comparison), **labels}
    decisions, standing = decision_rows(store.decisions(comparison.id), labels)
    variant_labels = [v.label for v in comparison.variants]
    return {"comparison": comparison, "result": result, "analysis_error": analysis_error,
            "gone": gone,
            "rows": variant_rows(result) if result is not None else [],
            "best": best_fit(result) if result is not None else {},
            "target_labels": labels, "decisions": decisions, "standing": standing,
            "feedback": feedback_summary(store, comparison),
            "pitch": _pitch_of(comparison), "piece": piece_of(comparison),
            "source_info": source_info,
            "severity_labels": SEVERITY_LABELS, "severities": SEVERITIES,
            "variant_labels": variant_labels, **_diff_context(comparison)}


def page(comparison, status: int = 200, **extra):
    """The comparison page (``extra`` adds errors and notices)."""
    response = current_app.make_response(
        (render_template("compare/view.html", **context(comparison), **extra), status))
    return response
