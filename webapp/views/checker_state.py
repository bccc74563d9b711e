"""The checker's edit state, carried in its form between rounds: the undo history,
dismissed rewrites, suggestions added and worded by the user on the reframe page, and
rules ignored for the draft. Everything here comes back from the browser, so every
field is validated when read and only ever printed autoescaped.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from flask import request

from framing import safe_json
from framing.store.ignored_rules import RULE_ID

HISTORY_LIMIT = 20          # earlier drafts kept for undo...
HISTORY_CHARS = 100_000     # ...and at most this many characters of them in all
MAX_DISMISSED = 300
MAX_IGNORED = 100           # rules ignored for one draft, at most
EDIT_CHARS = 300            # the writer's own words for one change, at most
KEY = re.compile(r"[0-9a-f]{16}")  # a dismissed rewrite's key (see reframe.rewrite_key)


@dataclass
class EditState:
    """Undo history and dismissed rewrites, carried in the checker form between rounds.

    ``history`` (hidden field: JSON) lists earlier drafts as ``{"text", "label"}``, newest
    last, within HISTORY_LIMIT and HISTORY_CHARS; ``dismissed`` (hidden field: keys
    separated by spaces) holds the keys of dismissed rewrites. Both come back from the
    browser, so both are validated here and only ever printed autoescaped.
    """

    history: list[dict] = field(default_factory=list)
    dismissed: set[str] = field(default_factory=set)
    # Suggestions the user added to the reframed draft on the reframe page.
    accepted: set[str] = field(default_factory=set)
    # The user's own words for a change, by its key (hidden field ``edits``: JSON).
    edits: dict[str, str] = field(default_factory=dict)
    # Rules whose findings the user chose to ignore for this draft (hidden field ``ignored``).
    ignored: set[str] = field(default_factory=set)

    @classmethod
    def from_form(cls, form) -> "EditState":
        """Read the hidden ``history``, ``dismissed`` and ``accepted`` fields; malformed
        values are dropped."""
        def keys(name: str) -> set[str]:
            return {k for k in form.get(name, "").split()[:MAX_DISMISSED] if KEY.fullmatch(k)}
        ignored = {r for r in form.get("ignored", "").split()[:MAX_IGNORED] if RULE_ID.fullmatch(r)}
        return cls(_parse_history(form.get("history", "")), keys("dismissed"), keys("accepted"),
                   _parse_edits(form.get("edits", "")), ignored)

    @classmethod
    def from_request(cls) -> "EditState":
        """The state posted with this request (empty for a GET)."""
        return cls.from_form(request.form) if request.method == "POST" else cls()

    @property
    def history_field(self) -> str:
        """The value of the hidden ``history`` field."""
        return json.dumps(self.history, ensure_ascii=False) if self.history else ""

    @property
    def dismissed_field(self) -> str:
        """The value of the hidden ``dismissed`` field."""
        return " ".join(sorted(self.dismissed))

    @property
    def ignored_field(self) -> str:
        """The value of the hidden ``ignored`` field."""
        return " ".join(sorted(self.ignored))

    @property
    def accepted_field(self) -> str:
        """The value of the hidden ``accepted`` field."""
        return " ".join(sorted(self.accepted))

    @property
    def edits_field(self) -> str:
        """The value of the hidden ``edits`` field."""
        return json.dumps(self.edits, ensure_ascii=False, sort_keys=True) if self.edits else ""

    def edit(self, key: str, words: str, automatic: bool) -> None:
        """Use the user's ``words`` for the change ``key`` (and make it); empty words
        go back to the suggested ones."""
        words = clean_words(words)
        if not words:
            self.edits.pop(key, None)
            return
        self.edits[key] = words
        if automatic:
            self.dismissed.discard(key)
        else:
            self.accepted.add(key)

    def toggle(self, key: str, automatic: bool) -> None:
        """Leave out an automatic change, or add a suggestion, by its key; again to undo."""
        chosen = self.dismissed if automatic else self.accepted
        chosen.symmetric_difference_update({key})

    def push(self, text: str, label: str) -> None:
        """Remember ``text`` (the draft before a change described by ``label``) for undo."""
        self.history.append({"text": text, "label": short(label, 120)})
        _trim(self.history)

    def with_pushed(self, text: str, label: str) -> "EditState":
        """A copy with one more undo step (for "Use this draft" on the reframe page)."""
        copy = EditState([dict(e) for e in self.history], set(self.dismissed), set(self.accepted),
                         dict(self.edits), set(self.ignored))
        copy.push(text, label)
        return copy


def clean_words(words: str) -> str:
    """The user's words for one change on one line (a change never adds a paragraph),
    without control characters, cut to EDIT_CHARS."""
    words = "".join(ch for ch in words if ch.isprintable() or ch.isspace())
    return " ".join(words.split())[:EDIT_CHARS]


def _parse_edits(raw: str) -> dict[str, str]:
    """The posted ``edits`` field: a JSON object of keys to words; anything else is dropped."""
    if not raw:
        return {}
    try:
        value = safe_json.loads(raw)
    except ValueError:
        return {}
    if not isinstance(value, dict):
        return {}
    edits = {k: clean_words(v) for k, v in list(value.items())[:MAX_DISMISSED]
             if isinstance(k, str) and KEY.fullmatch(k) and isinstance(v, str)}
    return {k: v for k, v in edits.items() if v}


def _parse_history(raw: str) -> list[dict]:
    if not raw:
        return []
    try:
        value = safe_json.loads(raw)  # never a RecursionError or a lone surrogate
    except ValueError:
        return []
    if not isinstance(value, list):
        return []
    entries = [{"text": e["text"], "label": short(e["label"], 120)} for e in value
               if isinstance(e, dict) and isinstance(e.get("text"), str)
               and isinstance(e.get("label"), str)]
    return _trim(entries)


def history_problem(form) -> str | None:
    """Why the posted ``history`` field cannot be used: nested too deep or holding a lone
    surrogate (None when it is fine, empty or merely malformed, which is dropped)."""
    raw = form.get("history", "")
    if not raw:
        return None
    try:
        safe_json.loads(raw)
    except safe_json.JsonInputError as exc:
        if exc.kind != "syntax":
            return (f"The form's undo history (field “history”) was refused: "
                    f"{exc.field + ' ' if exc.field else ''}{exc.message}. It has been cleared; "
                    "your draft is kept below, check it again.")
    return None


def _trim(history: list[dict]) -> list[dict]:
    """Keep the newest entries within both caps (oldest dropped first)."""
    del history[:-HISTORY_LIMIT]
    while history and sum(len(e["text"]) + len(e["label"]) for e in history) > HISTORY_CHARS:
        history.pop(0)
    return history


def short(text: str, limit: int = 60) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"
