"""The ask analysis: the message's best request sentence and the bounds it carries.

Read by the ``ask`` check (which fires when the ask is vague), by the ``ask``
score and by the rewrite that fills in a specific ask. It is computed once per
message from the parse and the ``ask`` rule's data, whichever of those reads it
first, so the score is the same whether or not the check ran.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import Rule
from .lexicon.model import compiled_map, compiled_option
from .message import Message


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
        """The analysis as reported under ``scores["ask"]``."""
        return {"present": self.sentence is not None, "text": self.text,
                "start": self.sentence[0] if self.sentence else None,
                "end": self.sentence[1] if self.sentence else None,
                "bounds": self.bounds, "missing": self.missing}


def analyse_ask(rule: Rule, msg: Message) -> AskAnalysis:
    """Find the request sentence with the most bounds (role, time, size, resources)."""
    verbs = {v.lower() for v in rule.options["verbs"]}
    cues = compiled_option(rule, "request_cues")
    bounds = compiled_map(rule, "bounds")
    best = AskAnalysis(missing=list(bounds))
    best_count = -1
    # The ask is in the body: a subject line, salutation or signature is never it.
    sentences = msg.body_sentences
    texts = [msg.text[s.start_char:s.end_char] for s in sentences]
    for index, sent in enumerate(sentences):
        text = texts[index].strip()
        first = next((t for t in sent if not t.is_punct and not t.is_space), None)
        imperative = first is not None and first.tag_ == "VB" and first.dep_ == "ROOT"
        is_request = text.endswith("?") or imperative or (
            cues is not None and msg.may_start_between(cues, sent.start_char, sent.end_char)
            and cues.search(text))
        if not is_request or not any(t.lemma_.lower() in verbs for t in sent):
            continue
        # The sentence after the request often says what the sender brings.
        scope = " ".join(texts[index:index + 2])
        present = [name for name, pattern in bounds.items() if pattern.search(scope)]
        if len(present) > best_count:
            best_count = len(present)
            best = AskAnalysis(msg.sentence_range(sent), text, present,
                               [n for n in bounds if n not in present])
    return best


def ask_for(rule: Rule, msg: Message) -> AskAnalysis:
    """The ask analysis of ``msg`` under ``rule``'s data, computed once per message."""
    return msg.analysis(("ask", rule.id), lambda: analyse_ask(rule, msg))


def message_ask(msg: Message) -> AskAnalysis | None:
    """The ask analysis under the packs' ``ask`` rule that applies to this message
    (the last one, if several do); None when none applies (e.g. campaign copy)."""
    rules = [rule for rule in msg.lexicons.rules if rule.kind == "ask" and msg.applies(rule)]
    return ask_for(rules[-1], msg) if rules else None
