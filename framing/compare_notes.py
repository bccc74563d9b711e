"""Plain sentences on what each variant does better or worse than the others.

Written for coalition staff, not analysts: "Reaches Attendance for Lincoln
USD, which no other variant does." Each sentence states one difference that
holds against *every* other variant, so it stays true however many variants
are compared; differences shared with some of the others are left to the
matrix. Small gaps are not mentioned (a score within a few points, a
reading grade within one), since the figures are not that precise.
"""
from __future__ import annotations

SCORE_GAP = 5  # alignment points; below this a "best"/"least" fit is noise
GRADE_GAP = 1.0  # Flesch-Kincaid grades
GRADE = "flesch_kincaid_grade"


def plain_list(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'; labels that hold "and" or commas themselves
    ("Attendance and engagement") are quoted so the list still reads right."""
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    if any(" and " in i or "," in i for i in items):
        items = [f"“{i}”" for i in items]
    return f"{', '.join(items[:-1])} and {items[-1]}"


def findings_phrase(n: int, category: str) -> str:
    """'1 stigma finding', '2 stigma findings'."""
    return f"{n} {category} finding{'' if n == 1 else 's'}"


def add_notes(variants: list, targets: list) -> None:
    """Fill ``better`` and ``worse`` of each VariantResult (needs two or more)."""
    if len(variants) < 2:
        return
    for i, variant in enumerate(variants):
        others = variants[:i] + variants[i + 1:]
        variant.better, variant.worse = [], []
        for target in targets:
            _score_notes(variant, others, target)
            _priority_notes(variant, others, target)
        _finding_notes(variant, others)
        _readability_notes(variant, others)


def _others_word(others: list) -> str:
    return "the other variant" if len(others) == 1 else "every other variant"


def _score_notes(variant, others, target) -> None:
    mine = variant.per_target[target.key].score
    theirs = [o.per_target[target.key].score for o in others]
    if mine is None or any(s is None for s in theirs):
        return
    if mine - max(theirs) >= SCORE_GAP:
        variant.better.append(f"Fits {target.label} best: {mine}/100 against "
                              f"{max(theirs)} for the next best.")
    elif min(theirs) - mine >= SCORE_GAP:
        variant.worse.append(f"Fits {target.label} least: {mine}/100 against "
                             f"{min(theirs)} or more for the others.")


def _priority_notes(variant, others, target) -> None:
    mine = variant.per_target[target.key]
    theirs = [o.per_target[target.key] for o in others]
    reached_by_others = set().union(*(set(t.priorities_reached) for t in theirs))
    reached_by_all_others = set.intersection(*(set(t.priorities_reached) for t in theirs))
    only_here = [p for p in mine.priorities_reached if p not in reached_by_others]
    if only_here:
        variant.better.append(f"Reaches {plain_list(only_here)} for {target.label}, "
                              "which no other variant does.")
    # Keep the target's rank order: the first one listed by any other variant.
    ordered = [p for t in theirs for p in t.priorities_reached]
    missed = list(dict.fromkeys(p for p in ordered if p in reached_by_all_others
                                and p not in mine.priorities_reached))
    if missed:
        variant.worse.append(f"Misses {plain_list(missed)} for {target.label}, which "
                             f"{_others_word(others)} reaches.")
    if mine.leads_with and not any(t.leads_with for t in theirs):
        variant.better.append(f"Opens with {mine.leads_with}, a priority of {target.label}; "
                              "no other variant opens with one.")
    elif not mine.leads_with and all(t.leads_with for t in theirs):
        variant.worse.append(f"Does not open with a priority of {target.label}, "
                             f"which {_others_word(others)} does.")


def _finding_notes(variant, others) -> None:
    categories = set(variant.findings_by_category).union(
        *(o.findings_by_category for o in others))
    for category in sorted(categories):
        mine = variant.findings_by_category.get(category, 0)
        theirs = [o.findings_by_category.get(category, 0) for o in others]
        if mine > max(theirs):
            if max(theirs) == 0:
                variant.worse.append(f"Adds {findings_phrase(mine, category)} "
                                     "the others avoid.")
            else:
                variant.worse.append(f"Has {findings_phrase(mine - max(theirs), category)} "
                                     "more than any other variant.")
        elif mine < min(theirs):
            if mine == 0:
                variant.better.append(f"Avoids the {category} findings "
                                      f"{_others_word(others)} has.")
            else:
                variant.better.append(f"Has {findings_phrase(min(theirs) - mine, category)} "
                                      "fewer than any other variant.")


def _readability_notes(variant, others) -> None:
    mine = variant.readability.get(GRADE)
    theirs = [o.readability.get(GRADE) for o in others]
    if mine is None or any(g is None for g in theirs):
        return
    if min(theirs) - mine >= GRADE_GAP:
        variant.better.append(f"Easiest to read: grade {mine:g} (Flesch-Kincaid) against "
                              f"{min(theirs):g} or higher for the others.")
    elif mine - max(theirs) >= GRADE_GAP:
        variant.worse.append(f"Hardest to read: grade {mine:g} (Flesch-Kincaid) against "
                             f"{max(theirs):g} or lower for the others.")
