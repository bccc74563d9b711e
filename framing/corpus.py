"""The evaluation corpus: real public texts with the problems an expert annotated.

A corpus is a folder with ``texts/*.yaml`` (one excerpt each, quoted exactly,
with its source URL and date, and its annotated problems) and ``rules.yaml``
(which engine rules each annotation id stands for). Loading is strict: a bad
file raises :class:`CorpusError` naming the file and the key, and every
annotated quote must occur in the text, so a span can never silently vanish.
Each text falls in a fixed half, ``tune`` or ``held-out``, chosen from a hash
of its id: rules are tuned on one half and the other half is reported.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

GENRES = ("news", "campaign", "press-release", "media-advisory", "guideline-page",
          "social-post", "psa", "blog", "report", "letter")
TOPICS = ("suicide", "overdose", "substance-use", "domestic-violence", "sexual-violence",
          "bullying", "homelessness", "norms", "other")
SPLITS = ("tune", "held-out")
REQUIRED = ("id", "url", "title", "publisher", "published", "retrieved", "genre", "topics",
            "public", "text", "problems")
OPTIONAL = ("annotator_note", "corrections")
WORDS = re.compile(r"\w+(?:['’]\w+)*")


class CorpusError(ValueError):
    """A corpus file that cannot be read as documented; the message names file and key."""


@dataclass(frozen=True)
class Problem:
    """One annotated problem: a span of the text, or the whole document."""

    rule: str
    clause: str
    start: int | None = None
    end: int | None = None
    quote: str = ""
    in_quote: bool = False

    @property
    def scope(self) -> str:
        return "document" if self.start is None else "span"

    @property
    def family(self) -> str:
        return family_of(self.rule)


@dataclass
class CorpusText:
    """One excerpt with its source and annotations."""

    id: str
    url: str
    title: str
    publisher: str
    published: str
    genre: str
    topics: list[str]
    public: bool
    text: str
    problems: list[Problem] = field(default_factory=list)
    path: Path | None = None

    @property
    def clean(self) -> bool:
        return not self.problems

    @property
    def words(self) -> int:
        return count_words(self.text)

    @property
    def split(self) -> str:
        return split_of(self.id)


def count_words(text: str) -> int:
    """Words as a reader counts them (contractions are one word)."""
    return len(WORDS.findall(text))


def family_of(rule: str) -> str:
    """The guideline family of an annotation id: the part before the first dot."""
    return rule.split(".", 1)[0]


def split_of(text_id: str) -> str:
    """``tune`` or ``held-out``, fixed by the id so a text never changes half."""
    digest = hashlib.sha256(text_id.encode("utf-8")).digest()
    return SPLITS[digest[0] % 2]


def _fail(path: Path, key: str, message: str):
    raise CorpusError(f"{path.name}: {key}: {message}")


def _string(path: Path, data: dict, key: str) -> str:
    value = data.get(key)
    if isinstance(value, (int, float)) or hasattr(value, "isoformat"):
        value = str(value)  # YAML reads 2019-05-02 as a date
    if not isinstance(value, str) or not value.strip():
        _fail(path, key, "must be a non-empty string")
    return value


def _problem(path: Path, text: str, index: int, item: object, rule_ids: set[str]) -> Problem:
    key = f"problems[{index}]"
    if not isinstance(item, dict):
        _fail(path, key, "must be a mapping")
    rule = item.get("rule")
    if rule not in rule_ids:
        _fail(path, f"{key}.rule", f"unknown annotation id {rule!r} (see rules.yaml)")
    clause = item.get("clause") or ""
    in_quote = bool(item.get("in_quote", False))
    if item.get("scope") == "document":
        if item.get("quote"):
            _fail(path, f"{key}.quote", "a document-level problem has no quote")
        return Problem(rule=rule, clause=str(clause), in_quote=in_quote)
    quote = item.get("quote")
    if not isinstance(quote, str) or not quote:
        _fail(path, f"{key}.quote", "must be an exact substring of text (or scope: document)")
    occurrence = item.get("occurrence", 1)
    if not isinstance(occurrence, int) or occurrence < 1:
        _fail(path, f"{key}.occurrence", "must be a whole number from 1")
    start = -1
    for _ in range(occurrence):
        start = text.find(quote, start + 1)
        if start < 0:
            _fail(path, f"{key}.quote", f"occurrence {occurrence} of {quote!r} is not in text")
    return Problem(rule=rule, clause=str(clause), start=start, end=start + len(quote),
                   quote=quote, in_quote=in_quote)


def load_text(path: Path, rule_ids: set[str]) -> CorpusText:
    """Read and check one excerpt file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise CorpusError(f"{path.name}: cannot be read: {exc}") from exc
    if not isinstance(data, dict):
        raise CorpusError(f"{path.name}: must be a mapping")
    for key in data:
        if key not in REQUIRED + OPTIONAL:
            _fail(path, key, "unknown key")
    for key in REQUIRED:
        if key not in data:
            _fail(path, key, "missing")
    text = _string(path, data, "text")
    if data["id"] != path.stem:
        _fail(path, "id", f"must match the file name ({path.stem})")
    if data["genre"] not in GENRES:
        _fail(path, "genre", f"must be one of {', '.join(GENRES)}")
    topics = data["topics"]
    if not isinstance(topics, list) or not topics or any(t not in TOPICS for t in topics):
        _fail(path, "topics", f"must be a list drawn from {', '.join(TOPICS)}")
    if not isinstance(data["public"], bool):
        _fail(path, "public", "must be true or false")
    if not isinstance(data["problems"], list):
        _fail(path, "problems", "must be a list ([] for a clean text)")
    problems = [_problem(path, text, i, item, rule_ids) for i, item in enumerate(data["problems"])]
    return CorpusText(id=data["id"], url=_string(path, data, "url"),
                      title=_string(path, data, "title"),
                      publisher=_string(path, data, "publisher"),
                      published=_string(path, data, "published"), genre=data["genre"],
                      topics=list(topics), public=data["public"], text=text,
                      problems=problems, path=path)


def load_rule_map(folder: Path) -> dict[str, tuple[str, ...]]:
    """Annotation id -> the engine rule ids that stand for it (``rules.yaml``)."""
    path = folder / "rules.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise CorpusError(f"{path.name}: cannot be read: {exc}") from exc
    mapping = data.get("rules") if isinstance(data, dict) else None
    if not isinstance(mapping, dict) or not mapping:
        raise CorpusError(f"{path.name}: rules: must map annotation ids to engine rule ids")
    out = {}
    for rule, engine in mapping.items():
        if not isinstance(engine, list) or not all(isinstance(e, str) for e in engine):
            raise CorpusError(f"{path.name}: rules.{rule}: must be a list of engine rule ids")
        out[str(rule)] = tuple(engine)
    return out


def load_corpus(folder: Path) -> tuple[list[CorpusText], dict[str, tuple[str, ...]]]:
    """All excerpts of a corpus folder (sorted by id) and its rule map."""
    rule_map = load_rule_map(folder)
    paths = sorted((folder / "texts").glob("*.yaml"))
    texts = [load_text(path, set(rule_map)) for path in paths]
    seen: dict[str, str] = {}
    for item in texts:
        if item.text in seen:
            raise CorpusError(f"{item.id}: text: same excerpt as {seen[item.text]}")
        seen[item.text] = item.id
    return texts, rule_map
