"""Campaign-level checks on one piece: channel fit, consistency, norms, help resource.

The engine checks each piece as campaign copy; these add what only the
campaign knows: its tagline, hashtag, help line and name (``consistency``),
the channel's limits (``channel``), a social-norms campaign's majority norm
and data source, and a help resource in short pieces the engine's
``required`` rules skip. Every finding is a :class:`framing.findings.Finding`
whose rule id, severity, message and source come from ``channels.yaml``
(``campaign_checks``), so the text lives in data, not here. What they take from
the engine's rules is found by each rule's ``campaign`` key (:class:`EngineRoles`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from framing.findings import Finding, line_and_column
from framing.lexicon.kinds import CAMPAIGN_ROLES
from framing.lexicon.schema import compile_any

from .channels import WORD, CampaignChecks, CampaignRule, Channel, measure
from .models import Campaign

TOKEN = re.compile(r"[\w’'#-]+")
HASHTAG = re.compile(r"(?<![\w#])#\w+")
PHONE = re.compile(r"(?<![\d-])(?:\+?1[-.\s]?)?\(?\d{3}\)?[-.\s]?\d{3}[-.\s]?\d{4}(?![\d-])")
UNIT = re.compile(r"[^\n.!?“”\"]+")  # sentences, lines and quoted stretches


def make(rule: CampaignRule, text: str, start: int, end: int, *, message: str | None = None,
         suggestions: list[str] | None = None, scope: str = "sentence", **values) -> Finding:
    """A finding for a campaign rule at ``text[start:end]``."""
    values = {"expected": "", "found": text[start:end], "source": "", **values}
    line, column = line_and_column(text, start)
    return Finding(rule=rule.id, category=rule.category, severity=rule.severity,
                   message=message or rule.message.format(**values), start=start, end=end,
                   text=text[start:end], suggestions=list(suggestions or []), source=rule.source,
                   description=rule.description, scope=scope, line=line, column=column)


def _norm(text: str) -> str:
    return " ".join(t.casefold().replace("’", "'") for t in TOKEN.findall(text))


def _similar(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


# -- channel ---------------------------------------------------------------------------------
def channel_findings(text: str, channel: Channel | None, rate: float,
                     data: CampaignChecks) -> list[Finding]:
    """One finding per channel problem; over-limit findings span the text past the limit."""
    if channel is None:
        return []
    fit, found = measure(text, channel, rate), []
    for rule_id, (_, problem) in zip(fit.rules, fit.problems):
        rule = data.rules[rule_id]
        start, scope = _overflow(text, channel, rule_id), "sentence"
        if start is None:
            start, scope = 0, "document"  # no one place to point at: the whole piece
        end = len(text) if scope == "sentence" else 0
        found.append(make(rule, text, start, end, message=f"{problem} {rule.message}",
                          scope=scope))
    return found


def _overflow(text: str, channel: Channel, rule_id: str) -> int | None:
    """Where the copy passes the channel's limit (None when it cannot be pinned down)."""
    if rule_id == "channel.visible-text":
        return channel.visible_chars
    if rule_id != "channel.length":
        return None
    if channel.max_chars and len(text) > channel.max_chars:
        return channel.max_chars
    words = list(WORD.finditer(text))
    if channel.max_words and len(words) > channel.max_words:
        return words[channel.max_words].start()
    return None


# -- consistency -----------------------------------------------------------------------------
def consistency_findings(text: str, campaign: Campaign, data: CampaignChecks) -> list[Finding]:
    """Tagline, hashtag, help line and campaign name spelled differently from the campaign's."""
    found = []
    if campaign.tagline:
        found += _tagline(text, campaign.tagline, data)
    if campaign.hashtag:
        want = campaign.hashtag.casefold()
        for m in HASHTAG.finditer(text):
            tag = m.group(0).casefold()
            if tag != want and _similar(tag, want) >= data.similarity:
                found.append(make(data.rules["consistency.hashtag"], text, m.start(), m.end(),
                                  suggestions=[campaign.hashtag], expected=campaign.hashtag))
    if campaign.help_line:
        found += _help_line(text, campaign.help_line, data)
    if campaign.name and len(TOKEN.findall(campaign.name)) >= 2:
        found += _name(text, campaign.name, data)
    return found


def _tagline(text: str, tagline: str, data: CampaignChecks) -> list[Finding]:
    """A sentence, line or quotation close to the tagline but not the same words."""
    want = _norm(tagline)
    if not want or want in _norm(text):
        return []
    out = []
    for m in UNIT.finditer(text):
        unit = m.group(0)
        have = _norm(unit)
        if not have or not 0.67 <= len(have) / len(want) <= 1.5:
            continue
        if _similar(have, want) >= data.similarity:
            start = m.start() + len(unit) - len(unit.lstrip())
            end = m.start() + len(unit.rstrip())
            out.append(make(data.rules["consistency.tagline"], text, start, end,
                            suggestions=[tagline], expected=tagline))
    return out


def _digits(text: str) -> str:
    digits = re.sub(r"\D", "", text)
    return digits[1:] if len(digits) == 11 and digits.startswith("1") else digits


def _mentions_number(text: str, digits: str) -> bool:
    """Whether ``text`` gives this number, in any punctuation (988, 1-800-662-4357...)."""
    if not digits:
        return False
    pattern = r"[-.\s()]*".join(digits)
    return re.search(rf"(?<!\d){pattern}(?!\d)", text) is not None


def _help_line(text: str, help_line: str, data: CampaignChecks) -> list[Finding]:
    """Phone numbers and short codes given as a help line that differ from the campaign's."""
    want, out = _digits(help_line), []
    cue_then_code = re.compile(rf"(?:{data.help_cues.pattern})(?:\s+[A-Za-z]+){{0,3}}\s+\(?"
                               r"(?<![\d-])(\d{3,6})(?![\d-])", re.IGNORECASE)
    phones = [(m.start(), m.end()) for m in PHONE.finditer(text)]
    codes = [(m.start(1), m.end(1)) for m in cue_then_code.finditer(text)
             if not re.fullmatch(r"(?:19|20)\d\d", m.group(1))  # a year, not a number
             and not any(s <= m.start(1) < e for s, e in phones)]
    for start, end in sorted(phones + codes):
        have = _digits(text[start:end])
        if have == want:
            continue
        typo = len(have) == len(want) and sum(a == b for a, b in zip(have, want)) >= 0.7 * len(want)
        cued = (start, end) in codes or data.help_names.search(text[max(0, start - 40):start])
        if cued or typo:
            out.append(make(data.rules["consistency.help-line"], text, start, end,
                            suggestions=[help_line], expected=help_line))
    return out


def _name(text: str, name: str, data: CampaignChecks) -> list[Finding]:
    """A run of capitalised words close to the campaign name but not the same words."""
    want = _norm(name)
    if want in _norm(text):
        return []
    tokens = list(TOKEN.finditer(text))
    size, candidates = len(want.split()), []
    for i, token in enumerate(tokens):
        if not token.group(0)[:1].isupper():
            continue  # a name starts with a capital
        for width in (size - 1, size, size + 1):
            if width < 1 or i + width > len(tokens):
                continue
            start, end = token.start(), tokens[i + width - 1].end()
            score = _similar(_norm(text[start:end]), want)
            if score >= max(data.similarity, 0.8):
                candidates.append((score, start, end))
    out, taken = [], []
    for score, start, end in sorted(candidates, key=lambda c: (-c[0], c[1])):
        if any(start < e and s < end for s, e in taken):
            continue  # the best-scoring window wins; overlapping ones are the same mention
        taken.append((start, end))
        out.append(make(data.rules["consistency.name"], text, start, end,
                        suggestions=[name], expected=name))
    return sorted(out, key=lambda f: f.start)


# -- norms and help --------------------------------------------------------------------------
def norms_findings(text: str, campaign: Campaign, data: CampaignChecks, engine: list[Finding],
                   roles: EngineRoles) -> list[Finding]:
    """A social-norms piece states the healthy majority norm and where its number comes from."""
    majority, source_cues = roles.majority, roles.source_cues
    if campaign.type != "social-norms" or majority is None:
        return []
    fired = {f.rule for f in engine}
    norms = campaign.norms or {}
    claim = majority.search(text)
    if claim is None:
        if fired & roles.ids["majority-norm"]:
            return []
        example = norms.get("behaviour") or "most of us make the healthy choice"
        return [make(data.rules["campaign.norms-majority"], text, 0, 0, scope="document",
                     expected=example, suggestions=[norms["behaviour"]]
                     if norms.get("behaviour") else [])]
    source, year = norms.get("source") or "", str(norms.get("year") or "")
    if year and year not in source:
        source = f"{source} ({year})" if source else year
    cited = [v for v in (norms.get("source"), str(norms.get("year") or "")) if v]
    if fired & roles.ids["norm-source"] or any(v.casefold() in text.casefold() for v in cited):
        return []
    if source_cues is not None and source_cues.search(text):
        return []
    return [make(data.rules["campaign.norms-source"], text, claim.start(), claim.end(),
                 source=source or "the survey and its year",
                 suggestions=[f"according to the {source}"] if source else [])]


def norms_data_issue(campaign: Campaign, data: CampaignChecks) -> Finding | None:
    """Campaign-level: a social-norms campaign without its norm data and source."""
    norms = campaign.norms or {}
    if campaign.type != "social-norms" or all(norms.get(k) not in (None, "") for k in
                                              ("behaviour", "actual_pct", "source", "year")):
        return None
    return make(data.rules["campaign.norms-data"], "", 0, 0, scope="document")


def help_findings(text: str, campaign: Campaign, data: CampaignChecks, engine: list[Finding],
                  topics: dict, roles: EngineRoles) -> list[Finding]:
    """A piece on a topic that needs a help resource, with none (and none flagged already)."""
    needed = [t for t in data.help_topics if t in topics]
    if not needed or any(f.rule in roles.ids["help-resource"] for f in engine):
        return []
    if data.help_resources.search(text):
        return []
    if campaign.help_line and _mentions_number(text, _digits(campaign.help_line)):
        return []
    start, end = topics[needed[0]]
    expected = campaign.help_line or "a help line or website people can use right now"
    return [make(data.rules["campaign.help-resource"], text, start, end, expected=expected,
                 suggestions=[campaign.help_line] if campaign.help_line else [])]


@dataclass(frozen=True)
class EngineRoles:
    """What the campaign checks take from the engine's rules, found by each rule's
    ``campaign`` key (never by its id): the majority-norm and norm-source patterns,
    and the ids of the rules playing each role."""

    majority: re.Pattern[str] | None
    source_cues: re.Pattern[str] | None
    ids: dict[str, frozenset[str]]


def engine_roles(lexicons) -> EngineRoles:
    """The engine rules' parts in the campaign checks, read from their ``campaign`` keys."""
    ids = {role: frozenset(r.id for r in lexicons.playing(role)) for role in CAMPAIGN_ROLES}
    return EngineRoles(role_patterns(lexicons, "majority-norm", "patterns"),
                       role_patterns(lexicons, "norm-source", "patterns"), ids)


def role_patterns(lexicons, role: str, option: str) -> re.Pattern[str] | None:
    """One option's patterns of the engine rules playing ``role``, compiled as one regex
    (None if no rule plays it)."""
    patterns = [p for rule in lexicons.playing(role) for p in rule.options.get(option, ())]
    return compile_any(patterns) if patterns else None
