"""Ways to game a fit score, applied to real letters: none may raise the score.

* ``repeat``: every sentence that names one of the partner's priorities is said twice;
* ``stuff``: a sentence listing the partner's top priorities goes after the opening;
* ``above``: a sentence naming the partner's priorities goes above the greeting;
* ``blanks``: the roles and dates of the letter's requests become template blanks.
"""
from __future__ import annotations

from .message import Message
from .requests import requests_of

GAMES = ("repeat", "stuff", "above", "blanks")


def _labels(msg: Message, count: int = 3) -> list[str]:
    return [p.terms[0] if p.terms else p.label.lower() for p in msg.priorities[:count]]


def _listing(words: list[str]) -> str:
    return ", ".join(words[:-1]) + f" and {words[-1]}" if len(words) > 1 else words[0]


def play(game: str, text: str, msg: Message) -> str | None:
    """``text`` changed by ``game`` (None when the game does not apply to it)."""
    sentences = msg.letter_sentences
    if not sentences or not msg.priorities:
        return None
    if game == "repeat":
        out, last = [], 0
        for sent in sentences:
            if any(p.pattern is not None and p.pattern.search(sent.text) for p in msg.priorities):
                start, end = msg.sentence_range(sent)
                out.append(text[last:end] + " " + text[start:end])
                last = end
        return "".join(out) + text[last:] if out else None
    if game == "stuff":
        # after the first sentence that ends as a sentence does: the parser may end
        # one before a bracket ("… violence [March 4]."), and a line put there would
        # split the writer's sentence rather than follow it
        ends = [msg.sentence_range(s)[1] for s in sentences]
        end = next((e for e in ends if text[:e].rstrip().endswith((".", "!", "?"))), ends[0])
        line = f" {_listing(_labels(msg)).capitalize()}: {_listing(_labels(msg))}."
        return text[:end] + line + text[end:]
    if game == "above":
        greetings = [s for s, _, kind in msg.structure.frame if kind == "salutation"]
        if not greetings:
            return None
        line = f"{_listing(_labels(msg)).capitalize()} are what this letter is about.\n\n"
        return text[:greetings[0]] + line + text[greetings[0]:]
    if game == "blanks":
        model = requests_of(msg)
        spec = msg.lexicons.requests
        edits = []
        for request in model.requests:
            if request.who_named:
                at = text.find(request.who, request.start, request.end)
                if at >= 0:
                    edits.append((at, at + len(request.who), "[who on your team]"))
            if spec is not None:
                for found in spec.when.finditer(request.text):
                    edits.append((request.start + found.start(), request.start + found.end(), "[date]"))
        if not edits:
            return None
        out, last = [], 0
        for start, end, blank in sorted(set(edits)):
            if start < last:
                continue
            out.append(text[last:start] + blank)
            last = end
        return "".join(out) + text[last:]
    raise ValueError(f"unknown game {game!r}")
