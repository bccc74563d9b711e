"""Analysing a comparison: its partners and sectors as engine targets, the analysis
and its small per-app cache, and the scores as the pages show them (best fit per
partner, the bar chart, per-variant rows).

The analysis is run on view (profiles can change after a comparison is saved)
and cached while the texts, the profiles, the rule packs and the date are
unchanged.
"""
from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from datetime import date

from flask import current_app

from framing.engine import InputError
from framing.findings import CATEGORIES, SEVERITIES
from framing.readability import FORMULAS
from framing.compare import targets_from
from framing.services.comparing import run_comparison
from framing.store.profiles import ProfileNotFound

from ..charts import Bar, Group, grouped_bar_chart
from ..extensions import get_analyzer
from . import profile_store, sectors
from .compare_form import readable, target_value
from .compare_record import target_labels

FORMULA_NAMES = {key: name for key, name, _ in FORMULAS}
FORMULA_SCALES = {key: scale for key, _, scale in FORMULAS}
CACHE_SIZE = 16
_cache_lock = threading.Lock()


def _lexicons():
    from framing.lexicon import get_lexicons
    return get_lexicons(current_app.config.get("FRAMING_LEXICONS") or None)


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
    result = run_comparison(get_analyzer(), [(v.label, v.text, v.source)
                                             for v in comparison.variants],
                            targets, kind=comparison.kind)
    with _cache_lock:
        cache[key] = result
        while len(cache) > CACHE_SIZE:
            cache.popitem(last=False)
    return result


def analysis_or_error(comparison):
    """(result, error message): the page still shows the texts when analysis fails."""
    try:
        return analyse(comparison), None
    except ProfileNotFound:  # deleted between the check and the read: try again later
        return None, ("A partner profile in this comparison was deleted just now. "
                      "Reload the page.")
    except (InputError, ValueError) as exc:
        return None, f"These variants cannot be checked: {readable(exc)}"


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
