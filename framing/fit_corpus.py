"""The partner-fit development set: real letters with their requests annotated, and
pairs of the same letter written sender-centred and partner-led.

``tests/corpus/letters/texts/*.yaml`` (see its README) and
``tests/corpus/pairs/texts/*.yaml``. A pair falls in the half of the letter it
was made from, so no letter is tuned on in one form and reported in another.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .corpus import CorpusError, split_of

# Corpus sectors that have no pack of their own read the nearest one.
SECTOR_PACKS = {"youth-sports": "youth-serving", "library": "public-resources",
                "tenants": "tenants", "public-health": "public-health", "other": None}


@dataclass(frozen=True)
class AnnotatedRequest:
    """One request an annotator marked: where, who, and the burden on the partner."""

    start: int
    end: int
    quote: str
    who: str
    action: str
    burden: str
    specific: bool


@dataclass
class Letter:
    id: str
    url: str
    sector: str
    text: str
    requests: list[AnnotatedRequest] = field(default_factory=list)
    has_specific_ask: bool = False
    leads_with_partner: bool = False

    @property
    def split(self) -> str:
        return split_of(self.id)


@dataclass
class Pair:
    id: str
    base: str
    sector: str
    sender_centred: str
    partner_led: str
    hard: bool = False

    @property
    def split(self) -> str:
        return split_of(self.base)


def pack_for(sector: str, known: set[str]) -> str | None:
    """The sector pack a corpus sector is scored against (None when there is none)."""
    pack = SECTOR_PACKS.get(sector, sector)
    if pack is not None and pack not in known:
        pack = {"public-health": "government", "tenants": "housing"}.get(pack)
    return pack if pack in known else None


def _read(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise CorpusError(f"{path.name}: cannot be read: {exc}") from exc
    if not isinstance(data, dict):
        raise CorpusError(f"{path.name}: must be a mapping")
    return data


def load_letter(path: Path) -> Letter:
    """One annotated letter; every request quote must be found in its text."""
    data = _read(path)
    text = data["text"]
    requests = []
    for index, item in enumerate(data.get("requests") or []):
        quote = item["quote"]
        start = text.find(quote)
        if start < 0:
            raise CorpusError(f"{path.name}: requests[{index}].quote: not found in the text")
        requests.append(AnnotatedRequest(start, start + len(quote), quote, str(item.get("who", "")),
                                         str(item.get("action", "")), str(item["burden"]),
                                         bool(item["specific"])))
    return Letter(data["id"], data["url"], data["recipient_sector"], text, requests,
                  bool(data.get("has_specific_ask")), bool(data.get("leads_with_partner")))


def load_pair(path: Path) -> Pair:
    """One pair of versions of the same letter."""
    data = _read(path)
    try:
        return Pair(data["id"], data["base"], data["recipient_sector"],
                    data["sender_centred"]["text"], data["partner_led"]["text"],
                    bool(data.get("hard", False)))
    except (KeyError, TypeError) as exc:
        raise CorpusError(f"{path.name}: missing {exc}") from exc


def load_letters(folder: Path) -> list[Letter]:
    """Every letter of ``folder/texts``, sorted by id."""
    return [load_letter(p) for p in sorted((folder / "texts").glob("*.yaml"))]


def load_pairs(folder: Path) -> list[Pair]:
    """Every pair of ``folder/texts``, sorted by id (none when the folder is missing)."""
    return [load_pair(p) for p in sorted((folder / "texts").glob("*.yaml"))]
