"""Rewrites offered under each finding of the checker's results: accept, dismiss,
restore and undo.

Everything works with plain form posts; the buttons in the results submit the
checker form (``form="check-form"``), so they always act on the current text. The
undo history and the dismissed rewrites travel in that form's hidden fields
(:class:`.checker_common.EditState`). A dismissed rewrite is remembered by a key that
hashes its rule, kind, original and replacement, not its offsets, so a dismissal
survives accepting other rewrites that shift the text.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from flask import g

from framing.rewrite.model import BLANK, Rewrite
from framing.rewrite.variant import apply_rewrites, checked_rewrites
from framing.store.ignored_rules import RULE_ID

from ..auth import can
from ..extensions import get_analyzer
from ..highlight import finding_id
from . import ignored_rule_store
from .checker_common import run_check
from .checker_state import KEY, MAX_DISMISSED, MAX_IGNORED, EditState, short


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
    for rewrite in checked_rewrites(get_analyzer(), report)[0]:
        index = finding_index(report.findings, rewrite)
        if index is None:
            continue
        key = rewrite_key(rewrite)
        bucket = out.setdefault(finding_id(index), {"shown": [], "dismissed": []})
        bucket["dismissed" if key in dismissed else "shown"].append(
            Offer(rewrite, key, blank_parts(rewrite.replacement)))
    return out


def apply_edit(draft, state: EditState, form) -> dict | None:
    """Carry out a button of the checker's results: Accept, Accept all, Dismiss, Restore,
    Undo, or ignoring a rule for this draft or for the partner (and undoing that).

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
    for name, act in (("ignore", ignore_for_draft), ("unignore", unignore_for_draft),
                      ("ignore_partner", ignore_for_partner),
                      ("unignore_partner", unignore_for_partner)):
        if form.get(name):
            rule = form[name].strip()
            if not RULE_ID.fullmatch(rule):
                return {"kind": "error", "text": "That rule is not known; nothing was changed."}
            return act(draft, state, rule)
    if form.get("accept_all"):
        return accept_all(draft, state, form["accept_all"].strip())
    if not form.get("accept"):
        return None
    report = run_check(draft, state)["report"]
    rewrite = next((r for r in checked_rewrites(get_analyzer(), report)[0]
                    if r.id == form["accept"]), None)
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


def accept_all(draft, state: EditState, rule: str) -> dict:
    """Accept, in one step, the first rewrite on offer at every place of one rule's
    findings (dismissed ones stay out). One undo step takes them all back."""
    report = run_check(draft, state)["report"]
    chosen: dict[int, Rewrite] = {}
    for rewrite in checked_rewrites(get_analyzer(), report)[0]:
        if rewrite.rule != rule or rewrite_key(rewrite) in state.dismissed:
            continue
        index = finding_index(report.findings, rewrite)
        if index is not None and index not in chosen:
            chosen[index] = rewrite
    picked: list[Rewrite] = []
    for rewrite in sorted(chosen.values(), key=lambda r: (r.start, r.end)):
        if not picked or rewrite.start >= picked[-1].end:  # never two edits on one stretch
            picked.append(rewrite)
    if not picked:
        return {"kind": "error", "text": "Those suggestions no longer fit the draft (the text "
                "changed since the check). Here are the suggestions for the draft as it is now."}
    if len(picked) == 1:
        label = change_label(picked[0])
    else:
        label = f"{change_label(picked[0])} and {len(picked) - 1} more"
    state.push(draft.text, label)
    draft.text = apply_rewrites(draft.text, picked)
    text = f"Accepted {len(picked)} change{'s' if len(picked) != 1 else ''}: {label}. " \
        "The draft was checked again."
    if any(r.blanks for r in picked):
        text += " Fill in the parts in [brackets] before you send it."
    return {"kind": "success", "text": text}


def ignore_for_draft(draft, state: EditState, rule: str) -> dict:
    """Leave the rule's findings out while this draft is revised (carried in the form)."""
    if len(state.ignored) < MAX_IGNORED:
        state.ignored.add(rule)
    return {"kind": "info", "text": "That rule is ignored for this draft. Its findings are "
            "listed under “Ignored”, where you can show them again."}


def unignore_for_draft(draft, state: EditState, rule: str) -> dict:
    """Show the rule's findings again in this draft."""
    state.ignored.discard(rule)
    return {"kind": "info", "text": "That rule's findings are shown again."}


def ignore_for_partner(draft, state: EditState, rule: str) -> dict:
    """Ignore the rule in every check against the partner profile (editors only)."""
    if not draft.profile_id or not can("edit"):
        return {"kind": "error", "text": "Only an editor can ignore a rule for a partner, and "
                "only when the draft is checked against that partner's profile."}
    report = run_check(draft, state)["report"]
    label = next((f.message for f in report.findings if f.rule == rule), "")
    try:
        ignored_rule_store().ignore(draft.profile_id, rule, label, g.user)
    except ValueError as exc:
        return {"kind": "error", "text": f"Not ignored: {exc}."}
    return {"kind": "info", "text": "That rule is now ignored in every check against this "
            "partner. Undo it here or on the partner's profile page."}


def unignore_for_partner(draft, state: EditState, rule: str) -> dict:
    """Stop ignoring the rule for the partner (editors only)."""
    if not draft.profile_id or not can("edit"):
        return {"kind": "error", "text": "Only an editor can change the rules ignored for a "
                "partner."}
    ignored_rule_store().restore(draft.profile_id, rule)
    state.ignored.discard(rule)
    return {"kind": "info", "text": "That rule is checked again for this partner."}


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
