"""The rewrite record: one proposed change to a message."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

# A blank the writer fills in: "[who on your team]", "[name the condition]".
BLANK = re.compile(r"\[[^\[\]]+\]")


@dataclass
class Rewrite:
    """One proposed change: replace ``text[start:end]`` with ``replacement``."""

    id: str
    rule: str
    kind: str          # guideline | swap | avoid | offer | active | move | trim
    start: int
    end: int
    original: str
    replacement: str
    why: str
    serves: str | None = None
    blanks: list[str] = field(default_factory=list)
    auto: bool = True  # applied when reframing the whole message
    # A move (kind "move") takes ``text[start:end]`` out and puts the sentence,
    # ``original``, back in at ``to``.
    to: int | None = None
    # The writer's own words for this change (the reframe page's "Edit"): theirs to
    # choose, so they are applied as written and not verified again.
    edited: bool = False

    def to_dict(self) -> dict:
        """The rewrite as JSON; ``edited`` is a page's state, never an engine result."""
        out = asdict(self)
        del out["edited"]
        return out
