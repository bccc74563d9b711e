"""Compiled forms of the loaded packs that the pipeline components run.

Built once per :class:`~framing.lexicon.model.Lexicons` (kept in its
``compiled`` slot) and stored with it in the on-disk cache, so a warm start
neither parses nor compiles a pattern: the ``term`` rules' patterns as the
term matcher runs them, with the literals any match must contain and where a
match can start, and the literals of every other pattern in the packs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..typography import PlainPattern
from .anchor import Starts, start_literals
from .kinds import KIND_OPTIONS
from .model import Lexicons, compiled_map, compiled_option
from .prefilter import required_literals
from .scan import alternatives, scan_of
from .schema import compile_any


@dataclass(frozen=True)
class TermPattern:
    """One ``term`` rule's patterns, ready for the term matcher."""

    rule_id: str
    # Case-insensitive rules: lower-cased, without IGNORECASE, run on the lower-cased
    # text (a third faster). Case-sensitive ones: as written, on the text.
    fast: re.Pattern
    # The rule's own case-insensitive pattern (on the plain text), for texts whose
    # lower-casing moves offsets.
    pattern: PlainPattern
    case_sensitive: bool
    # The rule's gate when it names only topics (skipped when none is present), else None.
    topics: frozenset[str] | None
    # Literals one of which every match contains (None: always run).
    literals: tuple[str, ...] | None
    # What every match of ``fast`` starts with, so it is tried only there (None: scan).
    starts: Starts | None = None


def term_patterns(lexicons: Lexicons) -> tuple[TermPattern, ...]:
    """The ``term`` rules of the packs, compiled for the term matcher (built once)."""
    if "term_patterns" not in lexicons.compiled:
        lexicons.compiled["term_patterns"] = tuple(_term_pattern(rule, set(lexicons.topics))
                                                   for rule in lexicons.rules
                                                   if rule.kind == "term")
    return lexicons.compiled["term_patterns"]


def _term_pattern(rule, topic_ids: set[str]) -> TermPattern:
    case_sensitive = bool(rule.options.get("case_sensitive"))
    pattern = compile_any(rule.options["patterns"], rule.options.get("boundary", True))
    fast = re.compile(pattern.pattern if case_sensitive else lower_pattern(pattern.pattern))
    topics_only = bool(rule.gate) and set(rule.gate) <= topic_ids
    literals = None if case_sensitive else required_literals(rule.options["patterns"])
    return TermPattern(rule.id, fast, pattern, case_sensitive,
                       frozenset(rule.gate) if topics_only else None, literals,
                       None if case_sensitive else start_literals(fast))


def literal_memo(lexicons: Lexicons) -> dict:
    """Pattern -> what makes finding it quick: the literals any match contains
    (``prefilter.pattern_literals``) and its scan plan (``scan.scan_of``), kept with
    the packs; those of the packs' own patterns are worked out before caching."""
    return lexicons.compiled.setdefault("pattern_literals", {})


def compile_options(lexicons: Lexicons) -> None:
    """Compile every rule's regex options now (checks otherwise compile them on first use)."""
    for rule in lexicons.rules:
        required, optional = KIND_OPTIONS[rule.kind]
        for name, kind in {**required, **optional}.items():
            if name in rule.options and kind == "regexes":
                compiled_option(rule, name)
            elif name in rule.options and kind == "regex_map":
                compiled_map(rule, name)


def pack_patterns(lexicons: Lexicons) -> list[PlainPattern]:
    """The compiled patterns of topics, names, local resources, help statements,
    recommended wording, sector packs and rule options (after :func:`compile_options`)."""
    found = [lexicons.names, lexicons.local_resources, lexicons.help_statements,
             lexicons.not_help, lexicons.guideline_wording]
    for rule in lexicons.rules:
        for value in rule.compiled.values():
            found += list(value.values()) if isinstance(value, dict) else [value]
    for topic in lexicons.topics.values():
        found += [topic.cues, topic.exclude, topic.support, topic.events]
    for sector in lexicons.sectors.values():
        found += [p.pattern for p in sector.priorities] + [s.pattern for s in sector.swaps]
        found += [o.pattern for o in sector.out_of_scope]
        found += [sector.people_pattern, sector.capacity_pattern]
    # A check may keep other prepared data in ``rule.compiled`` (death_clauses' words).
    return [p for p in found if isinstance(p, (re.Pattern, PlainPattern))]


def sentence_patterns(lexicons: Lexicons) -> list[PlainPattern]:
    """The patterns of the packs searched sentence by sentence, each top-level
    alternative on its own (``scan.Screen``): the document structure's."""
    spec = lexicons.structure
    return [] if spec is None else list(spec.sentence_patterns())


def prepare(lexicons: Lexicons) -> Lexicons:
    """Build every compiled form now (before the packs are stored in the cache)."""
    term_patterns(lexicons)
    compile_options(lexicons)
    memo = literal_memo(lexicons)
    for compiled in pack_patterns(lexicons):
        scan_of(compiled, memo)
    for compiled in sentence_patterns(lexicons):
        for alternative in alternatives(compiled, memo):
            scan_of(alternative, memo)
    return lexicons


def lower_pattern(pattern: str) -> str:
    """Lower-case a pattern's literal letters, leaving escapes (``\\S``, ``\\W``) intact."""
    return re.sub(r"\\.|[A-Z]", lambda m: m.group(0) if m.group(0).startswith("\\")
                  else m.group(0).lower(), pattern)
