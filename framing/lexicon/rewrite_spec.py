"""Loading ``lexicons/rewrite.yaml``: what the rewrite verifier and the swap roles read.

Word lists are lower-case; :mod:`framing.rewrite.verify`, :mod:`framing.rewrite.roles`
and :mod:`framing.rewrite.opening` apply them. Errors name the file and key.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .schema import Checker

WORD_LISTS = ("negations", "clause_deps", "date_words", "grammar_lint_kinds",
              "project_nouns", "anaphora", "verb_frame_preps", "transferable_actions",
              "time_nouns", "intent_verbs", "outcome_verbs",
              "gerund_frame_preps", "adjectival_degree", "condition_modifiers",
              "partitive_quantifiers")
# Lists kept as written (labels and lint kinds are case-sensitive names).
AS_WRITTEN = ("clause_deps", "grammar_lint_kinds")


@dataclass(frozen=True)
class RewriteSpec:
    """Compiled ``rewrite.yaml``."""

    negations: frozenset[str]
    clause_deps: frozenset[str]
    date_words: frozenset[str]
    grammar_lint_kinds: frozenset[str]
    project_nouns: frozenset[str]
    anaphora: frozenset[str]
    verb_frame_preps: frozenset[str]
    transferable_actions: frozenset[str]
    time_nouns: frozenset[str]
    intent_verbs: frozenset[str]
    outcome_verbs: frozenset[str]
    gerund_frame_preps: frozenset[str]
    adjectival_degree: frozenset[str]
    condition_modifiers: frozenset[str]
    partitive_quantifiers: frozenset[str]
    move_max_words: int
    active_max_doer_words: int
    verbatim_intros: re.Pattern[str] | None = None


def load_rewrite(path: Path, raw: Any) -> RewriteSpec:
    """Validate ``rewrite.yaml``'s parsed content (errors name the file and key)."""
    check = Checker(path)
    required = {"sources": check.list_of(check.source), "move_max_words": check.integer,
                "active_max_doer_words": check.integer,
                "verbatim_intros": check.regexes}
    required.update({name: check.texts for name in WORD_LISTS})
    data = check.mapping(raw, "", required)
    for name in WORD_LISTS:
        if name in AS_WRITTEN:
            continue
        for index, word in enumerate(data[name]):
            if word != word.lower():
                raise check.fail(f"{name}[{index}]", f"expected lower case, got {word!r}")
    for key in ("move_max_words", "active_max_doer_words"):
        if data[key] < 1:
            raise check.fail(key, "expected a positive number of words")
    intros = data["verbatim_intros"]
    return RewriteSpec(**{name: frozenset(data[name]) for name in WORD_LISTS},
                       move_max_words=data["move_max_words"],
                       active_max_doer_words=data["active_max_doer_words"],
                       verbatim_intros=re.compile("|".join(f"(?:{p})" for p in intros),
                                                  re.IGNORECASE | re.MULTILINE) if intros else None)
