"""Measure a campaign piece against its channel's limits.

Limits are data (``lexicons/channels.yaml``). Radio copy is counted as it is
spoken: digits are read one by one in phone numbers, other numbers as words,
and a URL's dots and slashes are spoken ("dot", "slash").
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from framing.lexicon.loader import default_root, read_yaml
from framing.lexicon.schema import Checker

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

    @property
    def fits(self) -> bool:
        return not any(sev == "error" for sev, _ in self.problems)


def load_channels(root: Path | None = None) -> tuple[dict[str, Channel], float]:
    """Channels and the speaking rate from ``channels.yaml``, validated strictly."""
    path = (root or default_root()) / "channels.yaml"
    check = Checker(path)
    data = check.mapping(read_yaml(path), "", {
        "source": check.text, "speaking_rate_words_per_second": check.number,
        "channels": check.any_mapping})
    channels = {}
    for cid, body in data["channels"].items():
        spec = check.mapping(body, f"channels.{cid}", {"label": check.text}, {
            "max_words": check.integer, "max_chars": check.integer, "visible_chars": check.integer,
            "max_segments": check.integer, "seconds": check.integer,
            "recommended_words": check.list_of(check.integer)})
        rec = spec.pop("recommended_words", None)
        if rec is not None and (len(rec) != 2 or rec[0] > rec[1]):
            raise check.fail(f"channels.{cid}.recommended_words", "expected [low, high]")
        channels[cid] = Channel(cid, recommended_words=tuple(rec) if rec else None, **spec)
    return channels, data["speaking_rate_words_per_second"]


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
    if channel.max_words and fit.words > channel.max_words:
        fit.problems.append(("error", f"{fit.words} words; {channel.label} allows {channel.max_words}."))
    if channel.max_chars and fit.chars > channel.max_chars:
        fit.problems.append(("error", f"{fit.chars} characters; {channel.label} allows {channel.max_chars}."))
    if channel.visible_chars and fit.chars > channel.visible_chars:
        fit.problems.append(("suggestion", f"Only the first {channel.visible_chars} characters show "
                                           "before \"more\"; put the message there."))
    if channel.seconds:
        fit.spoken_words = spoken_word_count(text)
        fit.spoken_seconds = round(fit.spoken_words / rate, 1)
        if fit.spoken_seconds > channel.seconds:
            fit.problems.append(("error", f"About {fit.spoken_seconds:g} s read aloud "
                                          f"({fit.spoken_words} spoken words); the spot is {channel.seconds} s."))
    if channel.max_segments:
        fit.sms_encoding, fit.sms_segments = sms_segments(text)
        if fit.sms_segments > channel.max_segments:
            fit.problems.append(("error", f"{fit.sms_segments} SMS segments ({fit.sms_encoding}); "
                                          f"keep to {channel.max_segments}."))
    counted = fit.spoken_words if channel.seconds else fit.words
    if channel.recommended_words and not any(s == "error" for s, _ in fit.problems):
        low, high = channel.recommended_words
        if not low <= counted <= high:
            fit.problems.append(("warning", f"{counted} words; {channel.label} usually runs {low}–{high}."))
    return fit
