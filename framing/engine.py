"""The analysis entry point: text in, :class:`Report` (findings plus scores) out.

An :class:`Analyzer` holds the heavy objects (spaCy pipeline, loaded rule
packs) and is built once per process or app; ``analyze`` and
``analyze_many`` are cheap to call. Batches go through ``nlp.pipe``.
"""
from __future__ import annotations

import copy

from datetime import date
from functools import cached_property
from typing import Iterable

from spacy.tokens import Doc

from .alignment import alignment_of
from .request_model import ask_summary
from .requests import requests_of
from .checks import reads, run_rule
from .constants import MESSAGE_KINDS
from .findings import SEVERITY_RANK, Report
from .lexicon import Lexicons, get_lexicons
from .lexicon.model import Sector
from .message import Message
from .nlp import load_pipeline
from .profile import PartnerProfile, ProfileError
from .rewrite.verify import Verifier
from .settings import Settings

# The message kinds (framing.constants), under the name the callers use.
KINDS = MESSAGE_KINDS


class InputError(ValueError):
    """The text, sector, profile or kind given cannot be analysed."""


class TextTooLarge(InputError):
    """The text is over one of the size caps (characters, lines, or words and punctuation).

    ``size`` and ``limit`` count ``unit``; ``setting`` names the environment variable
    that changes the cap. The web app answers 413 with this message.
    """

    def __init__(self, size: int, limit: int, unit: str, setting: str,
                 subject: str = "the message"):
        self.size, self.limit, self.unit, self.setting = size, limit, unit, setting
        self.subject = subject
        super().__init__(self.describe())

    def describe(self, subject: str | None = None) -> str:
        """``"<subject> has 50,000 lines; the limit is 5,000"`` (subject: the one given
        when raised, e.g. ``variant “B”``, unless another is given here)."""
        return (f"{subject or self.subject} has {self.size:,} {self.unit}; "
                f"the limit is {self.limit:,}")

    def about(self, subject: str) -> "TextTooLarge":
        """The same refusal, about ``subject`` (a variant, a piece, the reframed draft)."""
        return TextTooLarge(self.size, self.limit, self.unit, self.setting, subject)


SHARED_FINDINGS = "framing_shared_findings"


def line_count(text: str) -> int:
    """Lines in ``text`` as the checks see them (each starts a sentence); a final line
    break does not open another line."""
    return text.count("\n") + (0 if text.endswith("\n") else 1)


class Analyzer:
    """Analyse messages against the rule packs and a sector or partner profile."""

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings.from_env()
        self.lexicons: Lexicons = get_lexicons(self.settings.lexicon_root or None)
        self.nlp = load_pipeline(self.settings.model, self.settings.lexicon_root or None)

    @cached_property
    def verifier(self) -> Verifier | None:
        """Checks every rewrite before the reframer keeps it (built on first use: the
        grammar checker takes about half a second to load). None without
        ``rewrite.yaml``, and then no rewrite is kept."""
        spec = self.lexicons.rewrite
        return Verifier(self.nlp, spec) if spec is not None else None

    # -- inputs ------------------------------------------------------------
    def validate_text(self, text: object) -> str:
        """Reject what cannot be a message: not text, empty, too long, binary."""
        if not isinstance(text, str):
            raise InputError("the message must be text")
        if not text.strip():
            raise InputError("the message is empty")
        if len(text) > self.settings.max_chars:
            raise TextTooLarge(len(text), self.settings.max_chars, "characters",
                               "FRAMING_MAX_CHARS")
        if "\x00" in text:
            raise InputError("the message contains NUL bytes (binary data?)")
        self.check_cost(text)
        return text

    def check_cost(self, text: str, subject: str = "the message") -> None:
        """Refuse a text whose analysis would take too long: over the line cap (every line
        is a sentence) or the token cap (the parse costs time per token). Both counts
        are cheap next to the parse: counting newlines, then the tokenizer alone (about
        10 ms for 100,000 characters). A cap of 0 means none."""
        lines, max_lines = line_count(text), self.settings.max_lines
        if max_lines > 0 and lines > max_lines:
            raise TextTooLarge(lines, max_lines, "lines", "FRAMING_MAX_LINES", subject)
        max_tokens = self.settings.max_tokens
        # A token takes at least one character: shorter texts cannot be over the cap.
        if max_tokens > 0 and len(text) > max_tokens:
            tokens = len(self.nlp.tokenizer(text))
            if tokens > max_tokens:
                raise TextTooLarge(tokens, max_tokens, "words and punctuation marks",
                                   "FRAMING_MAX_TOKENS", subject)

    def resolve(self, sector: str | None, profile: PartnerProfile | dict | None,
                kind: str) -> tuple[Sector | None, PartnerProfile | None]:
        """Look up the sector pack and validate the profile and kind."""
        if kind not in KINDS:
            raise InputError(f"unknown message kind {kind!r} (use pitch or campaign)")
        if isinstance(profile, dict):
            try:
                profile = PartnerProfile.from_dict(profile)
            except ProfileError as exc:
                raise InputError(str(exc)) from None
        sector_id = sector or (profile.sector if profile else None)
        if sector_id is None:
            return None, profile
        if sector_id not in self.lexicons.sectors:
            known = ", ".join(sorted(self.lexicons.sectors))
            raise InputError(f"unknown sector {sector_id!r} (known: {known})")
        return self.lexicons.sectors[sector_id], profile

    # -- analysis ----------------------------------------------------------
    def analyze(self, text: str, *, sector: str | None = None,
                profile: PartnerProfile | dict | None = None, kind: str = "pitch",
                today: date | None = None) -> Report:
        """Analyse one message (``today`` sets the day timing checks compare against)."""
        return self.analyze_many([text], sector=sector, profile=profile, kind=kind,
                                 today=today)[0]

    def analyze_many(self, texts: Iterable[str], *, sector: str | None = None,
                     profile: PartnerProfile | dict | None = None, kind: str = "pitch",
                     batch_size: int = 16, today: date | None = None) -> list[Report]:
        """Analyse several messages, parsed as one batch with ``nlp.pipe``."""
        texts = [self.validate_text(t) for t in texts]
        sector_pack, partner = self.resolve(sector, profile, kind)
        return [self.report(doc, sector_pack, partner, kind, today)
                for doc in self.nlp.pipe(texts, batch_size=batch_size)]

    def parse(self, texts: Iterable[str], batch_size: int = 16) -> list[Doc]:
        """Parse texts once; pass the docs to :meth:`report` for each profile."""
        return list(self.nlp.pipe([self.validate_text(t) for t in texts], batch_size=batch_size))

    @cached_property
    def rule_groups(self) -> tuple[list, list, list]:
        """The packs' rules by what their checks read besides the text: nothing, the
        sector, or the partner profile (:func:`framing.checks.reads`)."""
        groups: dict[str | None, list] = {None: [], "sector": [], "profile": []}
        for rule in self.lexicons.rules:
            groups[reads(rule)].append(rule)
        return groups[None], groups["sector"], groups["profile"]

    @cached_property
    def ask_rules(self) -> list:
        """The rules whose check reads the request model (kind ``ask``): where one applies,
        the scores report the requests and the best ask."""
        return [rule for rule in self.lexicons.rules if rule.kind == "ask"]

    def report(self, doc: Doc, sector: Sector | None, profile: PartnerProfile | None,
               kind: str, today: date | None = None) -> Report:
        """Run every rule on a parsed doc and assemble findings and scores."""
        msg = Message(doc=doc, lexicons=self.lexicons, kind=kind, sector=sector, profile=profile,
                      today=today or date.today())
        # Findings that do not depend on the partner are kept with the parsed doc, so
        # checking one text against many partners runs those rules once: the rules
        # that read nothing but the text once per kind of message, those that read
        # the sector's familiar terms once per sector.
        shared = doc.user_data.setdefault(SHARED_FINDINGS, {})
        free, by_sector, by_profile = self.rule_groups
        key = ("free", kind, sector is not None)
        if key not in shared:
            shared[key] = [f for rule in free for f in run_rule(rule, msg)]
        sector_key = ("sector", kind, sector.id if sector is not None else None)
        if sector_key not in shared:
            shared[sector_key] = [f for rule in by_sector for f in run_rule(rule, msg)]
        findings = [copy.copy(f) for f in shared[key]] + [copy.copy(f) for f in shared[sector_key]]
        for rule in by_profile:
            findings.extend(run_rule(rule, msg))
        findings.sort(key=lambda f: (f.start, -SEVERITY_RANK[f.severity], f.rule))
        return Report(text=msg.text, findings=findings, scores=self.scores(msg, findings),
                      kind=kind, sector=sector.id if sector else None,
                      profile=profile.name if profile else None,
                      packs_version=self.lexicons.version, message=msg)

    def scores(self, msg: Message, findings) -> dict:
        """Readability, counts, passive share, ask and (with a partner) alignment."""
        sentences = msg.sentences
        passive = msg.passive_sentences
        scores = {
            "readability": msg.readability,
            "counts": {"sentences": len(sentences), "words": msg.word_count,
                       "paragraphs": len(msg.paragraphs)},
            "passive": {"sentences": passive,
                        "share": round(passive / len(sentences), 3) if sentences else 0.0},
        }
        # The analyses the checks read, computed here if no check asked for them.
        if any(msg.applies(rule) for rule in self.ask_rules):
            model = requests_of(msg)
            scores["ask"] = ask_summary(model.best_ask)
            scores["requests"] = model.to_dict()
        if msg.priorities or msg.partner_words is not None:
            burden = sum(1 for f in findings if f.category == "burden")
            scores["alignment"] = alignment_of(msg).score(burden_findings=burden)
            against = {"profile": msg.profile.name} if msg.profile else {"sector": msg.sector.id}
            if msg.profile and not msg.profile.priorities and msg.sector:
                # A profile that lists no priorities is scored on its sector's
                # defaults, and says so.
                against["sector"] = msg.sector.id
                against["sector_defaults"] = True
            scores["alignment"]["against"] = against
        else:
            scores["alignment"] = None
        return scores
