"""Decisions and feedback on a comparison: recording which variant to use for which
partner (and why), votes and ratings from a small test audience, and the
"Decisions" section of the pitch page and of the campaign piece page.

The routes live on the comparison blueprint (:mod:`.compare_common`).
"""
from __future__ import annotations

from flask import current_app, flash, g, redirect, request, url_for

from framing.store.comparisons import ComparisonNotFound
from framing.constants import EDITORS

from ..auth import login_required, roles_required
from .compare_common import bp, get_comparison, page
from .compare_form import FormError, parse_ratings, parse_votes, readable
from .compare_piece import piece_ref
from .compare_record import comparison_store, target_labels


@bp.post("/<int:comparison_id>/decisions")
@roles_required(*EDITORS)
def decide(comparison_id: int):
    """Record which variant to use for which partner, and why (a reversal names the
    decision it replaces; decisions are never edited)."""
    comparison = get_comparison(comparison_id)
    form = request.form
    variant, target = form.get("variant", ""), form.get("target", "")
    rationale = form.get("rationale", "").strip()
    replaces = form.get("replaces", type=int)
    keep = {"decision_form": {"variant": variant, "target": target, "rationale": rationale,
                              "replaces": replaces}}
    if variant not in {v.label for v in comparison.variants}:
        return page(comparison, 400, decision_error="Choose one of the variants.", **keep)
    labels = target_labels(comparison)
    if target not in labels:
        return page(comparison, 400, decision_error="Choose the partner this decision is for.",
                     **keep)
    if not rationale:
        return page(comparison, 400, decision_error="Say why in a sentence or two: the next "
                                                     "person will want to know.", **keep)
    store = comparison_store()
    standing = next((d for d in store.decisions(comparison.id)
                     if d.target_key == target and d.replaced_by is None), None)
    if standing is not None and replaces != standing.id:
        keep["decision_form"]["replaces"] = standing.id
        return page(comparison, 409, decision_error=(
            f"There is already a decision for {labels[target]}: #{standing.id}, "
            f"{standing.variant_label}. To change it, keep “replaces #{standing.id}” selected "
            "below and record the decision again; the earlier one stays in the record."), **keep)
    try:
        decision = store.decide(comparison.id, variant, target, g.user, rationale,
                                             replaces=replaces)
    except ValueError as exc:
        return page(comparison, 400, decision_error=readable(exc), **keep)
    flash(f"Decision recorded: {decision.variant_label}"
          + (" (replaces an earlier decision)." if decision.replaces else "."), "success")
    return redirect(url_for(".view", comparison_id=comparison.id) + "#decisions")


@bp.post("/<int:comparison_id>/feedback")
@login_required
def add_feedback(comparison_id: int):
    """Votes and 1-5 ratings per variant from a small test audience (any role)."""
    comparison = get_comparison(comparison_id)
    form = request.form
    note = form.get("note", "").strip()
    entries, typed = [], {}
    try:
        for index, v in enumerate(comparison.variants):
            votes_text = form.get(f"votes-{index}", "")
            ratings_text = form.get(f"ratings-{index}", "")
            typed[index] = {"votes": votes_text, "ratings": ratings_text}
            votes, ratings = parse_votes(votes_text), parse_ratings(ratings_text)
            if votes or ratings:
                entries.append((v.label, votes, ratings))
        if not entries:
            raise FormError("votes", "Enter at least one vote count or rating.")
    except FormError as exc:
        return page(comparison, 400, feedback_error=exc.message,
                     feedback_form={"typed": typed, "note": note})
    store = comparison_store()
    try:
        for index, (label, votes, ratings) in enumerate(entries):
            store.add_feedback(comparison.id, label, g.user, votes=votes,
                               ratings=ratings or None, note=note if index == 0 else "")
    except ValueError as exc:
        return page(comparison, 400, feedback_error=readable(exc),
                     feedback_form={"typed": typed, "note": note})
    flash("Feedback added. Read it as comments from a few people, not as a test result.",
          "success")
    return redirect(url_for(".view", comparison_id=comparison.id) + "#feedback")


# ---------- the pitch page's "Decisions" section ----------

def decisions_for_pitch(pitch_id: int) -> list[dict]:
    """Decisions recorded in comparisons of one pitch, newest first, with display names."""
    store = comparison_store()
    return decision_list(store, store.decisions_for_pitch(pitch_id))


def decisions_for_piece(piece_id: int) -> list[dict]:
    """Decisions recorded in comparisons of one campaign piece (``piece_ref``), newest first."""
    store = comparison_store()
    return decision_list(store, store.decisions_for_piece(piece_ref(piece_id)))


def decision_list(store, decisions) -> list[dict]:
    """Decisions from several comparisons, newest first, each with its comparison, the
    partner's display name and what it replaced or was replaced by."""
    comparisons, labels, rows = {}, {}, []
    by_id = {d.id: d for d in decisions}
    replaced = {d.replaces: d for d in decisions if d.replaces is not None}
    if not decisions:
        return []
    for d in decisions:
        if d.comparison_id not in comparisons:
            try:
                comparison = store.get(d.comparison_id)
            except ComparisonNotFound:
                comparison = None
            comparisons[d.comparison_id] = comparison
            labels[d.comparison_id] = target_labels(comparison) if comparison else {}
        rows.append({"d": d, "comparison": comparisons[d.comparison_id],
                     "target": labels[d.comparison_id].get(d.target_key, d.target_key),
                     "replaces": by_id.get(d.replaces) if d.replaces is not None else None,
                     "replaced_by": replaced.get(d.id)})
    rows.sort(key=lambda r: (r["d"].decided_at, r["d"].id), reverse=True)
    return rows


@bp.app_context_processor
def _pitch_helpers() -> dict:
    def pitch_decisions(pitch_id: int) -> list[dict]:
        try:
            return decisions_for_pitch(pitch_id)
        except Exception:  # the pitch page must render even if this part fails
            current_app.logger.exception("listing decisions for pitch %s failed", pitch_id)
            return []
    def piece_decisions(piece_id: int) -> list[dict]:
        try:
            return decisions_for_piece(piece_id)
        except Exception:  # the piece page must render even if this part fails
            current_app.logger.exception("listing decisions for piece %s failed", piece_id)
            return []
    return {"pitch_decisions": pitch_decisions, "piece_decisions": piece_decisions}
