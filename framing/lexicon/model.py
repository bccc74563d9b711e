"""Dataclasses for the loaded rule packs, sector packs and topic gates."""
from __future__ import annotations

import re
from datetime import date
from dataclasses import dataclass, field
from typing import Any

from ..findings import Source
from ..typography import plain
from .schema import compile_any
from .requests_spec import RequestSpec
from .rewrite_spec import RewriteSpec
from .structure_spec import StructureSpec


@dataclass(frozen=True)
class Example:
    """One example message a rule must (or must not) trigger on."""

    text: str
    sector: str | None = None
    kind: str = "pitch"
    profile: dict[str, Any] | None = None
    today: date | None = None


@dataclass(frozen=True)
class Branch:
    """The replacements for one branch of a rule's patterns (a rule's ``swaps``).

    A rule whose patterns cover several phrasings ("child pornography", "child
    prostitute") offers for each the replacement that fits it. A suggestion may
    name a group of the branch pattern, ``{drug}``, to keep that word.
    """

    patterns: tuple[re.Pattern[str], ...]
    suggestions: tuple[str, ...]

    def fit(self, text: str) -> tuple[str, ...] | None:
        """The suggestions for ``text`` (plain form) when a pattern matches all of it."""
        for pattern in self.patterns:
            found = pattern.fullmatch(text)
            if found:
                # A captured word goes mid-phrase: "Heroin" opening a sentence is
                # "heroin" there (an acronym such as "IV" stays as written).
                groups = {k: (v or "") if (v or "").isupper() else (v or "").lower()
                          for k, v in found.groupdict().items()}
                return tuple(s.format_map(groups) for s in self.suggestions)
        return None


@dataclass
class Rule:
    """One rule from a guideline pack: data, plus the kind of check that runs it."""

    id: str
    pack: str
    file: str
    kind: str
    category: str
    severity: str
    message: str
    source: Source
    description: str = ""
    gate: tuple[str, ...] = ()
    # Gates that must all be present as well (a bullying story's help line is asked
    # for when the story also speaks of suicide).
    gate_all: tuple[str, ...] = ()
    # Gates under which the rule does not apply (``reporting``: a statistic in a
    # news report is not a campaign's norm message).
    skip_in: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    suggestions: tuple[str, ...] = ()
    severity_if: dict[str, str] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)
    fail_examples: tuple[Example, ...] = ()
    pass_examples: tuple[Example, ...] = ()
    # How framing.rewrite rewrites its findings (a key of kinds.REWRITES), if at all.
    rewrite: str | None = None
    # Its part in the campaign-level checks (a key of kinds.CAMPAIGN_ROLES), if any.
    campaign: str | None = None
    # Replacements per branch of the patterns (first branch matching the whole
    # finding wins; otherwise ``suggestions``).
    swaps: tuple[Branch, ...] = ()
    # Filled by the check kind when it prepares the rule (compiled patterns).
    compiled: dict[str, Any] = field(default_factory=dict, repr=False)

    def suggestions_for(self, text: str) -> tuple[str, ...]:
        """What to offer for a finding on ``text``: its branch's replacements, else the
        rule's ``suggestions``."""
        if self.swaps:
            folded = plain(text).strip()
            for branch in self.swaps:
                fitted = branch.fit(folded)
                if fitted is not None:
                    return fitted
        return self.suggestions


def compiled_option(rule: Rule, name: str, boundary: bool = True) -> re.Pattern[str] | None:
    """One option's patterns (a ``regexes`` option) as one regex, compiled once per rule."""
    key = f"{name}:{boundary}"
    if key not in rule.compiled:
        rule.compiled[key] = compile_any(rule.options.get(name, []), boundary)
    return rule.compiled[key]


def compiled_map(rule: Rule, name: str) -> dict[str, re.Pattern[str] | None]:
    """A ``regex_map`` option (name -> regexes) as name -> one regex, compiled once per rule."""
    if name not in rule.compiled:
        rule.compiled[name] = {key: compile_any(p) for key, p in rule.options[name].items()}
    return rule.compiled[name]


@dataclass(frozen=True)
class Pack:
    """A guideline pack: one file of rules about one topic."""

    id: str
    title: str
    file: str
    description: str
    sources: dict[str, Source]


@dataclass(frozen=True)
class Topic:
    """A topic gate: a rule may fire only where its topic is present."""

    id: str
    label: str
    cues: re.Pattern[str]
    exclude: re.Pattern[str] | None
    # Cues that count only beside a main cue ("consent" for sexual violence).
    support: re.Pattern[str] | None = None
    # Sentences with a cue for the document to be about the topic (a cue in the
    # headline is enough).
    about_sentences: int = 2
    # ... or a cue in one of the first body sentences (a news lead).
    about_lead: int = 3
    # ... or one of these anywhere in the body: words that tell the event itself ("shot
    # her, then killed himself"), which a story carries however briefly it tells it.
    events: re.Pattern[str] | None = None


@dataclass(frozen=True)
class Priority:
    """One ranked priority of a sector or partner, with its vocabulary."""

    id: str
    label: str
    rank: int
    terms: tuple[str, ...]
    pattern: re.Pattern[str] | None = field(default=None, compare=False, repr=False)
    # Everyday ways a partner says the same thing ("kids in class" for
    # attendance), matched like terms but kept apart so packs show their origin.
    paraphrases: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Swap:
    """Sender issue language and the partner-sector wording that replaces it."""

    sender: tuple[str, ...]
    partner: tuple[str, ...]
    why: str
    priority: str | None
    example: str
    pattern: re.Pattern[str] | None = field(default=None, compare=False, repr=False)
    # Where in a sentence the swap may replace the sender's words, as
    # ``(role, partner phrase, example)``: only "project" (the phrase says what the
    # sender's program is about). A swap without roles is never applied to text.
    roles: tuple[tuple[str, str, str], ...] = ()

    def phrase_for(self, role: str) -> str | None:
        """The partner phrase this swap puts in ``role``, or None where it may not go."""
        return next((phrase for name, phrase, _ in self.roles if name == role), None)


@dataclass(frozen=True)
class OutOfScope:
    """Vocabulary that reads as outside the sector's job."""

    terms: tuple[str, ...]
    why: str
    suggestions: tuple[str, ...]
    example: str
    pattern: re.Pattern[str] | None = field(default=None, compare=False, repr=False)


@dataclass
class Sector:
    """A sector pack: what partners in this sector care about and how they talk."""

    id: str
    name: str
    file: str
    framework: str
    description: str
    sources: tuple[Source, ...]
    priorities: tuple[Priority, ...]
    capacity_concerns: tuple[str, ...]
    capacity_terms: tuple[str, ...]
    people: tuple[str, ...]
    out_of_scope: tuple[OutOfScope, ...]
    swaps: tuple[Swap, ...]
    familiar_terms: tuple[str, ...]
    frames: tuple[str, ...]
    calendar: str
    lead_examples: tuple[str, ...]
    no_lead_examples: tuple[str, ...]
    people_pattern: re.Pattern[str] | None = field(default=None, repr=False)
    capacity_pattern: re.Pattern[str] | None = field(default=None, repr=False)


@dataclass(frozen=True)
class FigureSources:
    """What makes a named resource the source of a figure rather than help offered:
    the reporting verbs it may be the subject of ("the Hotline reports that…") and the
    nouns it may be the source of ("data from the 988 Lifeline")."""

    verbs: frozenset[str]
    nouns: frozenset[str]


@dataclass
class Lexicons:
    """Everything loaded from ``lexicons/``, validated and compiled."""

    root: str
    version: str
    packs: dict[str, Pack]
    rules: list[Rule]
    topics: dict[str, Topic]
    names: re.Pattern[str] | None
    sectors: dict[str, Sector]
    # The organization's own help lines and programs (org.yaml), accepted by
    # resource rules that say ``accept_local: true``.
    local_resources: re.Pattern[str] | None = None
    # Parts of a message that are not its body, lists of words to avoid, advice
    # pages and news reports (structure.yaml).
    structure: StructureSpec | None = None
    # How a letter asks a partner to do something (requests.yaml), read by the
    # request model.
    requests: RequestSpec | None = None
    # How rewrites are verified and where a sector swap may go (rewrite.yaml).
    rewrite: RewriteSpec | None = None
    # A help resource stated in other words: a hotline, a phone or text line, a
    # web address (resources.yaml), accepted by ``accept_local`` resource rules.
    help_statements: re.Pattern[str] | None = None
    # Sentences that match a help statement but offer no help to the reader: a call
    # for witnesses, a press contact (resources.yaml ``not_help``).
    not_help: re.Pattern[str] | None = None
    # A resource named only as the source of a figure ("According to the National
    # Domestic Violence Hotline, 1 in 3…") offers no help (resources.yaml).
    figure_sources: FigureSources | None = None
    # Verbs of reaching help ("call", "visit", "talk to"): a help statement built on one
    # counts when it is said to the reader, not told of others (resources.yaml).
    reader_actions: frozenset[str] = frozenset()
    # Verbs of an invitation put in the passive ("those worried are encouraged to call"):
    # in the present, said to whoever reads it (resources.yaml).
    reader_invitations: frozenset[str] = frozenset()
    # Every literal wording a guideline rule recommends (its suggestions): sector
    # vocabulary checks leave these alone, so accepting one never brings a swap.
    guideline_wording: re.Pattern[str] | None = None
    # Compiled forms built from the packs (framing.lexicon.compiled), kept with them.
    compiled: dict[str, Any] = field(default_factory=dict, repr=False)

    def rule(self, rule_id: str) -> Rule:
        """The rule with this id (KeyError if the packs have none)."""
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    def rewrite_of(self, rule_id: str) -> str | None:
        """The ``rewrite`` key of the rule with this id (None if it has none, or no such rule)."""
        rule = next((r for r in self.rules if r.id == rule_id), None)
        return rule.rewrite if rule else None

    def playing(self, role: str) -> list[Rule]:
        """The rules whose ``campaign`` key is ``role``."""
        return [rule for rule in self.rules if rule.campaign == role]
