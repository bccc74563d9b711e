"""Measure a campaign piece against its channel's limits; load the campaign checks' data.

Limits are data (``lexicons/channels.yaml``), and so are the rule ids,
messages and sources of the campaign-level checks (``campaign_checks``,
loaded as strictly as a rule pack by :func:`load_campaign_checks`). Radio copy
is counted as it is spoken: digits are read one by one in phone numbers, other
numbers as words, and a URL's dots and slashes are spoken ("dot", "slash").
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from framing.findings import CATEGORIES, SEVERITIES, Source
from framing.lexicon.loader import read_yaml
from framing.lexicon.schema import Checker, compile_any
from framing.settings import lexicon_root

from .script import spoken_text

GSM7 = set("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZ"
           "ÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")
GSM7_EXTENDED = set("^{}\\[~]|€\f")
PHONE = re.compile(r"\b(?:1[-. ]?)?\(?\d{3}\)?[-. ]?\d{3}[-. ]?\d{4}\b|\b\d{3,6}\b(?=\s*(?:to|text))")
URL = re.compile(r"\b(?:https?://)?[\w-]+(?:\.[\w-]+)+(?:/[\w./-]*)?", re.IGNORECASE)
NUMBER = re.compile(r"\b\d[\d,]*\b")
WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*")


@dataclass(frozen=True)
class Channel:
    id: str
    label: str
    max_words: int | None = None
    max_chars: int | None = None
    visible_chars: int | None = None
    max_segments: int | None = None
    seconds: int | None = None
    recommended_words: tuple[int, int] | None = None
    # A script (radio, video): only what is read aloud is measured and checked; these
    # labels lead stage-direction lines (campaigns/script.py).
    script_directions: frozenset[str] | None = None
    # Kinds of partner key date that do not bear on this channel (key_date_channels).
    unrelated_key_dates: frozenset[str] = frozenset()

    def spoken(self, text: str) -> str:
        """``text`` as read aloud: a script's directions and speaker labels blanked out
        (same length, so offsets hold); any other channel's text as it is."""
        return spoken_text(text, self.script_directions) if self.script_directions else text


@dataclass
class ChannelFit:
    """How a piece measures against its channel, with plain-language problems."""

    channel: Channel
    words: int
    chars: int
    spoken_words: int | None = None
    spoken_seconds: float | None = None
    sms_encoding: str | None = None
    sms_segments: int | None = None
    problems: list[tuple[str, str]] = field(default_factory=list)  # (severity, message)
    rules: list[str] = field(default_factory=list)  # the rule id of each problem, in order

    @property
    def fits(self) -> bool:
        return not any(sev == "error" for sev, _ in self.problems)


def _read(path: Path, check: Checker, required: tuple[str, ...]) -> dict:
    """``channels.yaml``'s top level, with the keys one loader needs required: both
    loaders know every key the file may have, from this one table."""
    keys = {"source": check.text, "speaking_rate_words_per_second": check.number,
            "channels": check.any_mapping, "campaign_checks": check.any_mapping,
            "script_directions": check.texts, "key_date_channels": check.any_mapping}
    return check.mapping(read_yaml(path), "", {k: keys[k] for k in required},
                         {k: v for k, v in keys.items() if k not in required})


def load_channels(root: Path | None = None) -> tuple[dict[str, Channel], float]:
    """Channels and the speaking rate from ``channels.yaml``, validated strictly."""
    path = lexicon_root(root) / "channels.yaml"
    check = Checker(path)
    data = _read(path, check, ("source", "speaking_rate_words_per_second", "channels"))
    directions = frozenset(data.get("script_directions") or ())
    bearing = {kind: set(check.texts(chans, f"key_date_channels.{kind}"))
               for kind, chans in (data.get("key_date_channels") or {}).items()}
    for kind, chans in bearing.items():
        if unknown := sorted(chans - set(data["channels"])):
            raise check.fail(f"key_date_channels.{kind}", f"unknown channel {unknown[0]!r}")
    channels = {}
    for cid, body in data["channels"].items():
        spec = check.mapping(body, f"channels.{cid}", {"label": check.text}, {
            "max_words": check.integer, "max_chars": check.integer, "visible_chars": check.integer,
            "max_segments": check.integer, "seconds": check.integer,
            "recommended_words": check.list_of(check.integer), "script": check.boolean})
        rec = spec.pop("recommended_words", None)
        if rec is not None and (len(rec) != 2 or rec[0] > rec[1]):
            raise check.fail(f"channels.{cid}.recommended_words", "expected [low, high]")
        if spec.pop("script", False) and not directions:
            raise check.fail("script_directions", f"channel {cid} is a script: list the labels "
                                                  "that lead its stage directions")
        channels[cid] = Channel(cid, recommended_words=tuple(rec) if rec else None,
                                script_directions=directions if body.get("script") else None,
                                unrelated_key_dates=frozenset(
                                    k for k, chans in bearing.items() if cid not in chans),
                                **spec)
    return channels, data["speaking_rate_words_per_second"]


def channels_at(root: str | Path | None = None) -> tuple[dict[str, Channel], float]:
    """Channels and speaking rate under the configured lexicon root (``root``, an app's
    ``FRAMING_LEXICONS``; else as :func:`framing.settings.lexicon_root` finds it),
    loaded once per root: every caller reads channels through here."""
    return _channels_cached(str(lexicon_root(root)))


@lru_cache(maxsize=4)
def _channels_cached(root: str) -> tuple[dict[str, Channel], float]:
    return load_channels(Path(root))


@dataclass(frozen=True)
class CampaignRule:
    """One campaign-level check's data: how serious, what to say, where it comes from."""

    id: str
    category: str
    severity: str
    message: str
    description: str
    source: Source


@dataclass(frozen=True)
class CampaignChecks:
    """``campaign_checks`` from ``channels.yaml``: rules and the vocabulary the checks use."""

    rules: dict[str, CampaignRule]
    similarity: float
    help_topics: tuple[str, ...]
    help_resources: re.Pattern[str]
    help_cues: re.Pattern[str]
    help_names: re.Pattern[str]


# The rule ids campaigns/copy_rules.py and measure() emit; each must be defined in the data
# (all but piece_checks.NOT_CHECKED, which reports on the app's size caps, not a guideline).
CAMPAIGN_RULE_IDS = (
    "channel.length", "channel.visible-text", "channel.spoken-length", "channel.sms-segments",
    "channel.recommended-length", "consistency.tagline", "consistency.hashtag",
    "consistency.help-line", "consistency.name", "campaign.norms-majority",
    "campaign.norms-source", "campaign.norms-data", "campaign.help-resource")


def load_campaign_checks(root: Path | None = None) -> CampaignChecks:
    """The ``campaign_checks`` section of ``channels.yaml``, validated as strictly as a pack."""
    root = lexicon_root(root)
    path = root / "channels.yaml"
    check = Checker(path)
    data = _read(path, check, ("campaign_checks",))["campaign_checks"]
    spec = check.mapping(data, "campaign_checks", {
        "similarity": check.number, "help_topics": check.texts, "help_resources": check.regexes,
        "help_cues": check.regexes, "help_names": check.regexes, "sources": check.any_mapping,
        "rules": check.any_mapping})
    if not 0.5 <= spec["similarity"] < 1:
        raise check.fail("campaign_checks.similarity", "expected a number from 0.5 to 1")
    topics = set(read_yaml(root / "topics.yaml")["topics"])
    for i, topic in enumerate(spec["help_topics"]):
        if topic not in topics:
            raise check.fail(f"campaign_checks.help_topics[{i}]", f"unknown topic {topic!r}")
    sources = {key: check.source(value, f"campaign_checks.sources.{key}")
               for key, value in spec["sources"].items()}
    rules = {}
    for rule_id, body in spec["rules"].items():
        key = f"campaign_checks.rules.{rule_id}"
        rule = check.mapping(body, key, {
            "category": check.choice(*CATEGORIES), "severity": check.choice(*SEVERITIES),
            "source": check.choice(*sources), "message": check.text}, {"description": check.text})
        try:
            rule["message"].format(expected="", found="", source="")
        except (KeyError, IndexError, ValueError) as exc:
            raise check.fail(f"{key}.message", f"unknown placeholder {exc}") from None
        rules[rule_id] = CampaignRule(rule_id, rule["category"], rule["severity"],
                                      rule["message"], rule.get("description", ""),
                                      sources[rule["source"]])
    missing = [r for r in CAMPAIGN_RULE_IDS if r not in rules]
    if missing:
        raise check.fail("campaign_checks.rules", f"missing rules: {', '.join(missing)}")
    return CampaignChecks(rules, spec["similarity"], tuple(spec["help_topics"]),
                          compile_any(spec["help_resources"]), compile_any(spec["help_cues"]),
                          compile_any(spec["help_names"]))


def spoken_word_count(text: str) -> int:
    """Words as read aloud: phone digits one by one, URL parts and dots, numbers as words."""
    count = 0
    rest = text
    for match in PHONE.finditer(text):
        count += sum(ch.isdigit() for ch in match.group(0))
    rest = PHONE.sub(" ", rest)
    for match in URL.finditer(rest):
        parts = re.split(r"[./]", re.sub(r"^https?://", "", match.group(0)))
        count += len([p for p in parts if p]) * 2 - 1  # each part plus "dot"/"slash"
    rest = URL.sub(" ", rest)
    for match in NUMBER.finditer(rest):
        count += _spoken_number(match.group(0))
    rest = NUMBER.sub(" ", rest)
    return count + len(WORD.findall(rest))


def _spoken_number(token: str) -> int:
    """Words to read a number aloud: help lines digit by digit, years in pairs."""
    digits = token.replace(",", "")
    if "," in token:
        return _number_words(int(digits)) if len(digits) <= 12 else len(digits)
    if len(digits) == 4 and digits[:2] in ("19", "20"):
        return 2                          # "twenty twenty-four" read as a pair
    if len(digits) >= 3:
        return len(digits)                # 988, 741741: read digit by digit
    return _number_words(int(digits))


def _number_words(n: int) -> int:
    """How many words a number takes to say (21 -> 'twenty-one' = 2)."""
    if n < 20:
        return 1
    if n < 100:
        return 1 if n % 10 == 0 else 2
    if n < 1000:
        return 2 + (_number_words(n % 100) if n % 100 else 0)
    return _number_words(n // 1000) + 1 + (_number_words(n % 1000) if n % 1000 else 0)


def sms_segments(text: str) -> tuple[str, int]:
    """Encoding (GSM-7 or UCS-2) and number of SMS segments the text needs."""
    if all(ch in GSM7 or ch in GSM7_EXTENDED for ch in text):
        units = sum(2 if ch in GSM7_EXTENDED else 1 for ch in text)
        return "GSM-7", 1 if units <= 160 else math.ceil(units / 153)
    units = len(text.encode("utf-16-le")) // 2
    return "UCS-2", 1 if units <= 70 else math.ceil(units / 67)


def measure(text: str, channel: Channel, rate: float) -> ChannelFit:
    """Measure one piece of copy against its channel."""
    fit = ChannelFit(channel, words=len(WORD.findall(text)), chars=len(text))
    label = channel.label
    if channel.max_words and fit.words > channel.max_words:
        _problem(fit, "channel.length", "error",
                 f"{fit.words} words; {label} allows {channel.max_words}.")
    if channel.max_chars and fit.chars > channel.max_chars:
        _problem(fit, "channel.length", "error",
                 f"{fit.chars} characters; {label} allows {channel.max_chars}.")
    if channel.visible_chars and fit.chars > channel.visible_chars:
        _problem(fit, "channel.visible-text", "suggestion",
                 f"Only the first {channel.visible_chars} characters show before \"more\"; "
                 "put the message there.")
    if channel.seconds:
        fit.spoken_words = spoken_word_count(channel.spoken(text))
        fit.spoken_seconds = round(fit.spoken_words / rate, 1)
        if fit.spoken_seconds > channel.seconds:
            _problem(fit, "channel.spoken-length", "error",
                     f"About {fit.spoken_seconds:g} s read aloud ({fit.spoken_words} spoken "
                     f"words); the spot is {channel.seconds} s.")
    if channel.max_segments:
        fit.sms_encoding, fit.sms_segments = sms_segments(text)
        if fit.sms_segments > channel.max_segments:
            _problem(fit, "channel.sms-segments", "error",
                     f"{fit.sms_segments} SMS segments ({fit.sms_encoding}); "
                     f"keep to {channel.max_segments}.")
    counted = fit.spoken_words if channel.seconds else fit.words
    if channel.recommended_words and not any(s == "error" for s, _ in fit.problems):
        low, high = channel.recommended_words
        if not low <= counted <= high:
            _problem(fit, "channel.recommended-length", "warning",
                     f"{counted} words; {label} usually runs {low}–{high}.")
    return fit


def _problem(fit: ChannelFit, rule: str, severity: str, message: str) -> None:
    """Record one problem and the rule id that explains it (``campaign_checks.rules``)."""
    fit.problems.append((severity, message))
    fit.rules.append(rule)
