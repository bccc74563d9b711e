"""The comparison record as the comparison pages read it: the store, the partners'
display names, the decisions (with what replaced what) and the feedback summary.

Nothing here runs the analysis (that is :mod:`.compare_scores`) or registers a
route; the pages and the decision and feedback routes build on these.
"""
from __future__ import annotations

from framing.stats import min_unanimous_raters
from framing.store.comparisons import ComparisonStore
from framing.store.profiles import ProfileNotFound

from ..extensions import get_db
from . import profile_store, sector_name, sectors
from .compare_form import target_value

ALL_TARGETS = "every partner in this comparison"


def comparison_store() -> ComparisonStore:
    """The comparison store on the request's database (targets checked against the packs)."""
    return ComparisonStore(get_db(), set(sectors()))


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
