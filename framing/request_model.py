"""What the request model reports: each request, the sentences it notes, the whole
model, and the ask as the scores report it (:mod:`framing.requests` builds them)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Request:
    """One request to the partner, found in one sentence."""

    start: int
    end: int
    text: str
    mode: str            # imperative, question, permission, directive, wish, obligation, ...
    who: str             # the words naming who is asked ("your counselors"), or "you" implied
    who_named: bool      # a role or person is named (not implied, not a template blank)
    actions: tuple[str, ...]
    amount: tuple[str, ...]
    burden: str          # none, low or high
    reasons: tuple[str, ...]
    specific: bool
    bounds: tuple[str, ...]
    by_sender: bool = False  # the sender does the work; the partner only says yes

    def to_dict(self) -> dict:
        """The request as reported under ``scores["requests"]``."""
        return {"start": self.start, "end": self.end, "text": self.text, "mode": self.mode,
                "who": self.who, "actions": list(self.actions), "amount": list(self.amount),
                "burden": self.burden, "reasons": list(self.reasons),
                "specific": self.specific, "bounds": list(self.bounds),
                "by_sender": self.by_sender}


@dataclass(frozen=True)
class Mention:
    """A sentence the model notes: an offer, sender-centred talk or a template blank."""

    start: int
    end: int
    text: str
    why: str


@dataclass
class RequestModel:
    """Every request, offer, sender-centred sentence and blank of one message."""

    requests: list[Request] = field(default_factory=list)
    offers: list[Mention] = field(default_factory=list)
    sender_centred: list[Mention] = field(default_factory=list)
    placeholders: list[Mention] = field(default_factory=list)
    # The offer the partner can take up when the letter asks nothing in words.
    standing_offer: Request | None = None

    @property
    def best_ask(self) -> Request | None:
        """The ask the partner can say yes to: specific first, then light before heavy
        (a small first step beside a large undertaking is what they answer now), then
        one bounded in time, amount or how to answer over an open-ended one, then most
        bounds, then earliest."""
        if not self.requests:
            return None
        return max(self.requests, key=lambda r: (r.specific, r.burden != "high",
                                                 bool(set(r.bounds) & set(LIMITS)),
                                                 len(r.bounds), -r.start))

    @property
    def heavy(self) -> list[Request]:
        """Requests that leave high burden on the partner."""
        return [r for r in self.requests if r.burden == "high"]

    def to_dict(self) -> dict:
        """The model as reported under ``scores["requests"]``."""
        return {"requests": [r.to_dict() for r in self.requests],
                "offers": [m.text for m in self.offers],
                "sender_centred": [m.text for m in self.sender_centred],
                "placeholders": [m.text for m in self.placeholders]}


ASK_BOUNDS = ("who", "when", "how to answer", "how much")
# The bounds that close an ask (the fit score's "bounded" ask); "who" alone leaves it open.
LIMITS = ("when", "how to answer", "how much")


def ask_summary(ask: Request | None) -> dict:
    """The best ask as reported under ``scores["ask"]``: its text, what bounds it and
    what it still lacks (a vague ask lacks "what")."""
    if ask is None:
        return {"present": False, "text": "", "start": None, "end": None, "bounds": [],
                "missing": ["a request"]}
    missing = [b for b in ASK_BOUNDS if b not in ask.bounds]
    if not ask.specific:
        missing.insert(0, "what")
    return {"present": True, "text": ask.text, "start": ask.start, "end": ask.end,
            "bounds": list(ask.bounds), "missing": missing}
