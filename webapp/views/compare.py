"""Comparing framing variants side by side, across partners (campaigns.md §6).

Pages: the list of saved comparisons, a form for a new one (typed variants or
a pitch's versions, against one or more partner profiles or sectors), and the
comparison itself: a variants × partners matrix with the best fit per partner,
a server-side SVG bar chart, findings and readability per variant, a
word-level diff between any two variants, the decision record and optional
feedback from a small test audience (always shown with the plain warning of
how many people a real test would need). Also a CSV export and a printable
page.

Editors and admins create comparisons and record decisions; everyone signed
in may read them and add feedback. The analysis is run on view (profiles can
change after a comparison is saved) and kept in a small per-app cache.
"""
from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from datetime import date, datetime, timezone

from flask import (Blueprint, Response, abort, current_app, flash, g, redirect, render_template,
                   request, url_for)

from framing.compare import VariantInput, compare, targets_from
from framing.engine import KINDS, InputError
from framing.findings import CATEGORIES, SEVERITIES
from framing.readability import FORMULAS
from framing.stats import min_unanimous_raters
from framing.store.comparisons import ComparisonNotFound, ComparisonStore
from framing.store.pitches import PitchNotFound
from framing.store.profiles import ProfileNotFound
from framing.textdiff import diff_stats, word_diff

from ..auth import login_required, roles_required
from ..charts import Bar, Group, grouped_bar_chart
from ..extensions import get_analyzer, get_db
from . import install_helpers, pitch_store, profile_store, sector_name, sectors
from .compare_form import (BLANK_ROWS, MAX_VARIANTS, FormError, NewComparison, VariantRow,
                           letter_label, new_from, padded, parse_ratings, parse_source,
                           parse_votes, pitch_source, readable, target_value, targets_of,
                           variants_of)

bp = Blueprint("compare", __name__, url_prefix="/compare")
install_helpers(bp)
EDITORS = ("admin", "editor")
SEVERITY_LABELS = {"error": "Must fix", "warning": "Should fix", "suggestion": "Consider"}
FORMULA_NAMES = {key: name for key, name, _ in FORMULAS}
FORMULA_SCALES = {key: scale for key, _, scale in FORMULAS}
CACHE_SIZE = 16
_cache_lock = threading.Lock()


def comparison_store() -> ComparisonStore:
    """The comparison store on the request's database (targets checked against the packs)."""
    return ComparisonStore(get_db(), set(sectors()))


def _lexicons():
    from framing.lexicon import get_lexicons
    return get_lexicons(current_app.config.get("FRAMING_LEXICONS") or None)


def _get(comparison_id: int):
    try:
        return comparison_store().get(comparison_id)
    except ComparisonNotFound:
        abort(404, description="That comparison does not exist.")


# ---------- targets, analysis and its cache ----------

def targets_for(comparison) -> tuple[list, list[str]]:
    """The comparison's partners and sectors as engine targets (no analysis), and the
    names of those that no longer exist (a deleted profile, a removed sector pack):
    the others are still compared."""
    store, packs = profile_store(), sectors()
    labels = target_labels(comparison)
    profile_ids, sector_ids, gone = [], [], []
    for target in comparison.targets:
        key = target.get("key") or target_value(target)
        if target.get("profile_id") is not None:
            try:
                store.get(target["profile_id"])
                profile_ids.append(target["profile_id"])
            except ProfileNotFound:
                gone.append(labels.get(key, key))
        elif target.get("sector") in packs:
            sector_ids.append(target["sector"])
        else:
            gone.append(labels.get(key, key))
    return targets_from(store, profile_ids, sector_ids, _lexicons()), gone


def _fingerprint(comparison, targets) -> str:
    """What the analysis depends on: texts, kind, each target's current profile, the rule
    packs and today's date (timing checks read the profiles' key dates)."""
    def profile_doc(target):
        profile = target.profile
        if profile is None:
            return None
        return [getattr(profile, "raw", None), repr(profile)]
    payload = {"kind": comparison.kind, "today": date.today().isoformat(),
               "packs": getattr(_lexicons(), "version", ""),
               "variants": [[v.label, v.text] for v in comparison.variants],
               "targets": [[t.key, profile_doc(t)] for t in targets]}
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str)
                          .encode("utf-8")).hexdigest()


def analyse(comparison):
    """The comparison result (cached per app while texts and profiles are unchanged)."""
    targets, _ = targets_for(comparison)
    key = (comparison.id, _fingerprint(comparison, targets))
    cache = current_app.extensions.setdefault("compare_results", OrderedDict())
    with _cache_lock:
        if key in cache:
            cache.move_to_end(key)
            return cache[key]
    variants = [VariantInput(v.label, v.text, v.source or "") for v in comparison.variants]
    result = compare(get_analyzer(), variants, targets, kind=comparison.kind)
    with _cache_lock:
        cache[key] = result
        while len(cache) > CACHE_SIZE:
            cache.popitem(last=False)
    return result


def _analysis_or_error(comparison):
    """(result, error message): the page still shows the texts when analysis fails."""
    try:
        return analyse(comparison), None
    except ProfileNotFound:  # deleted between the check and the read: try again later
        return None, ("A partner profile in this comparison was deleted just now. "
                      "Reload the page.")
    except (InputError, ValueError) as exc:
        return None, f"These variants cannot be checked: {readable(str(exc))}"


# ---------- view models ----------

def best_fit(result) -> dict[str, str]:
    """Target key -> the best-fitting variant's label, only where that variant has a score
    (a sector or profile without priorities gives no score, so no best fit)."""
    out = {}
    for key, label in result.best.items():
        if _score(result.variant(label), key) is not None:
            out[key] = label
    return out


def chart_svg(comparison, result) -> str:
    """The grouped bar chart: one group per partner, one bar per variant."""
    groups, best = [], best_fit(result)
    for target in result.targets:
        bars = [Bar(v.label, _score(v, target.key),
                    "Best fit" if best.get(target.key) == v.label else "")
                for v in result.variants]
        groups.append(Group(target.label, bars))
    return grouped_bar_chart(groups, title=f"Fit with each partner: {comparison.title}",
                             series=[v.label for v in result.variants],
                             desc=_chart_desc(result))


def _chart_desc(result) -> str:
    parts = ["Partner-fit scores from the checker, 0 to 100, higher fits better."]
    best_by_key = best_fit(result)
    for target in result.targets:
        scores = ", ".join(f"{v.label} {_fmt(_score(v, target.key))}" for v in result.variants)
        best = best_by_key.get(target.key)
        parts.append(f"{target.label}: {scores}" + (f"; best fit {best}." if best else "."))
    return " ".join(parts)


def _score(variant, key):
    score = variant.per_target.get(key)
    return None if score is None else score.score


def _fmt(value) -> str:
    return "no score" if value is None else str(value)


def _counts(value) -> int:
    """A findings bucket as a number (the core may give a count or a list)."""
    if isinstance(value, (list, tuple, set)):
        return len(value)
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


def variant_rows(result) -> list[dict]:
    """Per variant: its result, its matrix cells, findings and readability, ready to print."""
    rows, best = [], best_fit(result)
    for v in result.variants:
        cells = []
        for target in result.targets:
            cells.append({"target": target, "score": v.per_target.get(target.key),
                          "best": best.get(target.key) == v.label})
        by_sev = {sev: _counts(v.findings_by_severity.get(sev)) for sev in SEVERITIES}
        known = [c for c in CATEGORIES if _counts(v.findings_by_category.get(c))]
        extra = sorted(c for c in v.findings_by_category if c not in CATEGORIES
                       and _counts(v.findings_by_category.get(c)))
        categories = [(c, _counts(v.findings_by_category[c])) for c in known + extra]
        readability = [(FORMULA_NAMES.get(key, key.replace("_", " ")), value,
                        FORMULA_SCALES.get(key, ""))
                       for key, value in v.readability.items()]
        rows.append({"v": v, "cells": cells, "by_severity": by_sev, "categories": categories,
                     "total": sum(by_sev.values()), "readability": readability})
    return rows


def decision_rows(decisions, target_labels: dict) -> tuple[list[dict], dict]:
    """Decisions, newest first, each with what it replaced and what replaced it; and the
    standing decision per partner (one that nothing has replaced)."""
    by_id = {d.id: d for d in decisions}
    replaced_by = {}
    for d in decisions:
        if d.replaces is not None:
            replaced_by[d.replaces] = d
    rows = []
    for d in sorted(decisions, key=lambda d: (d.decided_at, d.id), reverse=True):
        rows.append({"d": d, "target": target_labels.get(d.target_key, d.target_key),
                     "replaces": by_id.get(d.replaces) if d.replaces is not None else None,
                     "replaced_by": replaced_by.get(d.id)})
    standing = {}
    for d in sorted(decisions, key=lambda d: (d.decided_at, d.id)):
        if d.id not in replaced_by:
            standing[d.target_key] = d
    return rows, standing


def feedback_summary(store: ComparisonStore, comparison) -> dict:
    """The store's per-variant votes, ratings and small-sample warning, plus the spread
    of the ratings (disagreement is flagged, not averaged away: campaigns.md §6.2),
    the sign test in plain words and the comments."""
    summary = store.feedback_summary(comparison.id)
    entries = store.feedback(comparison.id)
    rows = []
    for label, entry in summary["variants"].items():
        ratings = entry["ratings"]
        low, high = (min(ratings), max(ratings)) if ratings else (None, None)
        rows.append({"label": label, "votes": entry["votes"], "ratings": ratings,
                     "n_ratings": len(ratings), "people": entry["people"],
                     "mean": round(entry["mean_rating"], 1)
                     if entry["mean_rating"] is not None else None,
                     "low": low, "high": high, "disagree": bool(ratings) and high - low >= 2})
    sign = summary.get("sign_test")
    chance = None
    if sign:
        votes = [summary["variants"][label]["votes"] for label in sign["variants"]]
        chance = {"split": "–".join(str(n) for n in sorted(votes, reverse=True)),
                  "percent": round(sign["p"] * 100), "variants": sign["variants"]}
    return {"rows": rows, "any": bool(entries), "warning": summary["warning"],
            "chance": chance, "notes": [f for f in entries if f.note],
            "min_raters": min_unanimous_raters()}


def source_info(source: str) -> dict | None:
    """A variant's source as a link to the pitch version it came from."""
    parsed = parse_source(source)
    if not parsed:
        return None
    pitch_id, number = parsed
    return {"pitch_id": pitch_id, "version": number,
            "url": url_for("pitches.view", pitch_id=pitch_id, v=number)}


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


def _context(comparison) -> dict:
    """Everything the comparison page (and the print page) shows."""
    result, analysis_error = _analysis_or_error(comparison)
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
            "pitch": _pitch_of(comparison), "source_info": source_info,
            "severity_labels": SEVERITY_LABELS, "severities": SEVERITIES,
            "variant_labels": variant_labels, **_diff_context(comparison)}


def _page(comparison, status: int = 200, **context):
    response = current_app.make_response(
        (render_template("compare/view.html", **_context(comparison), **context), status))
    return response


# ---------- pages ----------

ALL_TARGETS = "every partner in this comparison"


def target_labels(comparison) -> dict[str, str]:
    """Target key -> display name, without running any analysis (a deleted profile is
    named as such); ``""`` is a decision for the comparison as a whole."""
    labels, store = {}, profile_store()
    for target in comparison.targets:
        key = target.get("key") or target_value(target)
        if target.get("profile_id") is not None:
            try:
                labels[key] = store.get(target["profile_id"]).name
            except ProfileNotFound:
                labels[key] = "(deleted profile)"
        else:
            labels[key] = sector_name(target.get("sector"))
    labels[""] = ALL_TARGETS
    return labels


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
                           pitches=pitches, kinds=KINDS, max_variants=MAX_VARIANTS,
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
    chosen = sorted(versions, key=lambda v: v.number)[-MAX_VARIANTS:]
    rows = [VariantRow(f"Version {v.number}", v.text, pitch_source(pitch.id, v.number))
            for v in chosen]
    targets = ([f"profile:{pitch.profile_id}"] if pitch.profile_id
               else [f"sector:{pitch.sector}"] if pitch.sector else [])
    note = None
    if len(versions) > MAX_VARIANTS:
        note = (f"“{pitch.title}” has {len(versions)} versions; the latest {MAX_VARIANTS} "
                "are below. Clear any you do not want to compare.")
    elif len(versions) < 2:
        note = (f"“{pitch.title}” has only one version. Add at least one more variant below, "
                "or save a new version of the pitch first.")
    draft = NewComparison(title=f"{pitch.title}: versions compared", kind=pitch.kind,
                          rows=rows, targets=targets, pitch_id=pitch.id)
    return draft, note


@bp.route("/new", methods=["GET", "POST"])
@roles_required(*EDITORS)
def new():
    """GET: the form (``?pitch=<id>`` fills it with that pitch's versions).
    POST: save the comparison and show it."""
    if request.method == "GET":
        pitch_id = request.args.get("pitch", type=int)
        if pitch_id:
            draft, note = _from_pitch(pitch_id)
            return _new_page(draft, pitch_note=note)
        return _new_page(NewComparison(rows=[VariantRow() for _ in range(BLANK_ROWS)]))
    draft = new_from(request.form, KINDS)
    store = profile_store()
    try:
        variants = variants_of(draft, current_app.config["MAX_TEXT_CHARS"])
        targets = targets_of(draft.targets, {p.id for p in store.list()}, set(sectors()))
        title = draft.title or _default_title(variants)
        if draft.pitch_id:
            pitch_store().get(draft.pitch_id)
        comparison = comparison_store().create(
            title, variants, targets, g.user, kind=draft.kind, pitch_id=draft.pitch_id)
    except FormError as exc:
        return _new_page(draft, 400, error=exc.message, error_field=exc.field)
    except PitchNotFound:
        draft.pitch_id = None
        return _new_page(draft, 400, error="The pitch these versions came from no longer "
                                           "exists. Save again to compare them anyway.")
    except ValueError as exc:
        return _new_page(draft, 400, error=f"Not saved: {readable(str(exc))}",
                         error_field=str(exc).partition(":")[0])
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
    return _page(_get(comparison_id))


@bp.get("/<int:comparison_id>/chart.svg")
@login_required
def chart(comparison_id: int):
    """The bar chart as an SVG image (text labels, <title> and <desc>; no script)."""
    comparison = _get(comparison_id)
    result, error = _analysis_or_error(comparison)
    if result is None:
        abort(404, description=error)
    response = Response(chart_svg(comparison, result), mimetype="image/svg+xml")
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    response.headers["Cache-Control"] = "private, no-cache"
    return response


@bp.get("/<int:comparison_id>/export.csv")
@login_required
def export(comparison_id: int):
    """The comparison's figures as CSV (RFC 4180, UTF-8 with a BOM for spreadsheets)."""
    comparison = _get(comparison_id)
    result, error = _analysis_or_error(comparison)
    if result is None:
        abort(404, description=error)
    body = result.to_csv()
    if not body.startswith("\ufeff"):
        body = "\ufeff" + body
    response = Response(body, mimetype="text/csv")
    response.headers["Content-Type"] = "text/csv; charset=utf-8"
    response.headers["Content-Disposition"] = \
        f'attachment; filename="comparison-{comparison.id}.csv"'
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@bp.get("/<int:comparison_id>/print")
@login_required
def print_view(comparison_id: int):
    """A printable page: figures, texts, decisions and feedback; no forms."""
    comparison = _get(comparison_id)
    printed = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return render_template("compare/print.html", printed=printed, **_context(comparison))


@bp.post("/<int:comparison_id>/decisions")
@roles_required(*EDITORS)
def decide(comparison_id: int):
    """Record which variant to use for which partner, and why (a reversal names the
    decision it replaces; decisions are never edited)."""
    comparison = _get(comparison_id)
    form = request.form
    variant, target = form.get("variant", ""), form.get("target", "")
    rationale = form.get("rationale", "").strip()
    replaces = form.get("replaces", type=int)
    keep = {"decision_form": {"variant": variant, "target": target, "rationale": rationale,
                              "replaces": replaces}}
    if variant not in {v.label for v in comparison.variants}:
        return _page(comparison, 400, decision_error="Choose one of the variants.", **keep)
    labels = target_labels(comparison)
    if target not in labels:
        return _page(comparison, 400, decision_error="Choose the partner this decision is for.",
                     **keep)
    if not rationale:
        return _page(comparison, 400, decision_error="Say why in a sentence or two: the next "
                                                     "person will want to know.", **keep)
    store = comparison_store()
    standing = next((d for d in store.decisions(comparison.id)
                     if d.target_key == target and d.replaced_by is None), None)
    if standing is not None and replaces != standing.id:
        keep["decision_form"]["replaces"] = standing.id
        return _page(comparison, 409, decision_error=(
            f"There is already a decision for {labels[target]}: #{standing.id}, "
            f"{standing.variant_label}. To change it, keep “replaces #{standing.id}” selected "
            "below and record the decision again; the earlier one stays in the record."), **keep)
    try:
        decision = store.decide(comparison.id, variant, target, g.user, rationale,
                                             replaces=replaces)
    except ValueError as exc:
        return _page(comparison, 400, decision_error=readable(str(exc)), **keep)
    flash(f"Decision recorded: {decision.variant_label}"
          + (" (replaces an earlier decision)." if decision.replaces else "."), "success")
    return redirect(url_for(".view", comparison_id=comparison.id) + "#decisions")


@bp.post("/<int:comparison_id>/feedback")
@login_required
def add_feedback(comparison_id: int):
    """Votes and 1-5 ratings per variant from a small test audience (any role)."""
    comparison = _get(comparison_id)
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
        return _page(comparison, 400, feedback_error=exc.message,
                     feedback_form={"typed": typed, "note": note})
    store = comparison_store()
    try:
        for index, (label, votes, ratings) in enumerate(entries):
            store.add_feedback(comparison.id, label, g.user, votes=votes,
                               ratings=ratings or None, note=note if index == 0 else "")
    except ValueError as exc:
        return _page(comparison, 400, feedback_error=readable(str(exc)),
                     feedback_form={"typed": typed, "note": note})
    flash("Feedback added. Read it as comments from a few people, not as a test result.",
          "success")
    return redirect(url_for(".view", comparison_id=comparison.id) + "#feedback")


# ---------- the pitch page's "Decisions" section ----------

def decisions_for_pitch(pitch_id: int) -> list[dict]:
    """Decisions recorded in comparisons of one pitch, newest first, with display names."""
    store = comparison_store()
    decisions = store.decisions_for_pitch(pitch_id)
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
    return {"pitch_decisions": pitch_decisions}
