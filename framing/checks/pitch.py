"""Kinds ``ratio`` and ``ask``: document-level checks of a pitch's voice and request."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..findings import Finding
from ..lexicon import Rule
from ..lexicon.schema import compile_any
from ..message import Message
from .terms import compiled_option


def _count_used(pattern, msg: Message) -> list[tuple[int, int]]:
    """Matches not inside quotations (what the sender says in its own voice)."""
    if pattern is None:
        return []
    hits = []
    for match in pattern.finditer(msg.text):
        span = msg.doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None and not any(t._.in_quote for t in span):
            hits.append(match.span())
    return hits


def check_ratio(rule: Rule, msg: Message) -> list[Finding]:
    """Fires once when numerator hits outweigh denominator hits beyond ``max_ratio``."""
    numerator = _count_used(compiled_option(rule, "numerator"), msg)
    denominator = _count_used(compiled_option(rule, "denominator"), msg)
    msg.notes[rule.id] = {"numerator": len(numerator), "denominator": len(denominator)}
    if len(numerator) < rule.options.get("min_numerator", 3):
        return []
    ratio = len(numerator) / max(1, len(denominator))
    if ratio <= rule.options["max_ratio"]:
        return []
    start, end = numerator[0]
    message = (f"{rule.message} ({len(numerator)} to {len(denominator)} here.)")
    return [msg.finding(rule, start, end, message=message, scope="document")]


@dataclass
class AskAnalysis:
    """The best request sentence found and which bounds it carries."""

    sentence: tuple[int, int] | None = None
    text: str = ""
    bounds: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    @property
    def specific(self) -> bool:
        return self.sentence is not None and not self.missing

    def to_dict(self) -> dict:
        return {"present": self.sentence is not None, "text": self.text,
                "start": self.sentence[0] if self.sentence else None,
                "end": self.sentence[1] if self.sentence else None,
                "bounds": self.bounds, "missing": self.missing}


def analyse_ask(rule: Rule, msg: Message) -> AskAnalysis:
    """Find the request sentence with the most bounds (role, time, size, resources)."""
    verbs = {v.lower() for v in rule.options["verbs"]}
    cues = compiled_option(rule, "request_cues")
    if "bounds" not in rule.compiled:
        rule.compiled["bounds"] = {name: compile_any(p) for name, p in rule.options["bounds"].items()}
    bounds = rule.compiled["bounds"]
    best = AskAnalysis(missing=list(bounds))
    best_count = -1
    sentences = msg.sentences
    for index, sent in enumerate(sentences):
        text = msg.sentence_texts[index].strip()
        first = next((t for t in sent if not t.is_punct and not t.is_space), None)
        imperative = first is not None and first.tag_ == "VB" and first.dep_ == "ROOT"
        is_request = text.endswith("?") or imperative or (cues is not None and cues.search(text))
        if not is_request or not any(t.lemma_.lower() in verbs for t in sent):
            continue
        # The sentence after the request often says what the sender brings.
        scope = " ".join(msg.sentence_texts[index:index + 2])
        present = [name for name, pattern in bounds.items() if pattern.search(scope)]
        if len(present) > best_count:
            best_count = len(present)
            best = AskAnalysis(msg.sentence_range(sent), text, present,
                               [n for n in bounds if n not in present])
    return best


def check_ask(rule: Rule, msg: Message) -> list[Finding]:
    """Fires when no request carries at least ``min_bounds`` bounds."""
    ask = analyse_ask(rule, msg)
    msg.notes["ask"] = ask
    needed = rule.options.get("min_bounds", 2)
    if ask.sentence is not None and len(ask.bounds) >= needed:
        return []
    if not msg.sentences or msg.word_count < rule.options.get("min_words", 25):
        return []
    if ask.sentence is None:
        start, end = msg.sentence_range(msg.sentences[-1])
        message = f"{rule.message} (No request found: say who does what, when, with what help.)"
    else:
        start, end = ask.sentence
        message = f"{rule.message} (Missing: {', '.join(ask.missing)}.)"
    return [msg.finding(rule, start, end, message=message, scope="document")]
