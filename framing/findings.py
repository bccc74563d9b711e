"""The one result shape every check returns, and the report that carries them.

HTML, JSON and CLI output are all rendered from :class:`Finding` and
:class:`Report`; nothing else describes a problem in a message.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

CATEGORIES = (
    "alignment", "burden", "ask", "orientation", "timing", "readiness",
    "plain-language", "readability", "stigma", "safe-messaging",
    "violence-reporting", "framing", "norms", "inclusive", "channel",
    "consistency",
)

# Ordered from most to least serious.
SEVERITIES = ("error", "warning", "suggestion")
# What a finding's span stands for: its sentence, its paragraph, or the whole text.
SCOPES = ("sentence", "paragraph", "document")
# How the pages name each severity.
SEVERITY_LABELS = {"error": "Must fix", "warning": "Should fix", "suggestion": "Consider"}
SEVERITY_RANK = {name: rank for rank, name in enumerate(reversed(SEVERITIES))}


def severity_at_least(severity: str, level: str) -> bool:
    """True when ``severity`` is as serious as ``level`` or more."""
    return SEVERITY_RANK[severity] >= SEVERITY_RANK[level]


def downgrade(severity: str) -> str:
    """One level less serious; ``suggestion`` stays ``suggestion``."""
    index = SEVERITIES.index(severity)
    return SEVERITIES[min(index + 1, len(SEVERITIES) - 1)]


def upgrade(severity: str) -> str:
    """One level more serious; ``error`` stays ``error``."""
    index = SEVERITIES.index(severity)
    return SEVERITIES[max(index - 1, 0)]


@dataclass(frozen=True)
class Source:
    """Where a rule comes from: publisher, title and URL of the guideline."""

    publisher: str
    title: str
    url: str
    status: str = "sourced"  # sourced | secondary | proposed


@dataclass
class Finding:
    """One problem at one place in the text.

    ``start``/``end`` are character offsets into the analysed text, so
    ``text[start:end] == finding.text`` always holds.
    """

    rule: str
    category: str
    severity: str
    message: str
    start: int
    end: int
    text: str
    suggestions: list[str] = field(default_factory=list)
    source: Source | None = None
    description: str = ""
    scope: str = "sentence"  # one of SCOPES
    context: dict[str, bool] = field(default_factory=dict)
    line: int = 0
    column: int = 0

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready mapping, in a stable key order."""
        data = asdict(self)
        if self.source is None:
            data["source"] = None
        return data


@dataclass
class Report:
    """Everything one analysis produced: findings plus scores."""

    text: str
    findings: list[Finding]
    scores: dict[str, Any]
    kind: str = "pitch"
    sector: str | None = None
    profile: str | None = None
    packs_version: str = ""
    # The parsed message the report came from, for rewrites without a second parse.
    message: Any = field(default=None, repr=False, compare=False)
    # Findings left out because the user chose to ignore their rule (for a partner or a
    # draft): ``{"rule", "count", "message"}`` per rule, so every surface can say so.
    ignored: list[dict[str, Any]] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """Number of findings per severity."""
        counts = {name: 0 for name in SEVERITIES}
        for finding in self.findings:
            counts[finding.severity] += 1
        return counts

    def to_dict(self) -> dict[str, Any]:
        """The documented JSON report (see README, "JSON report")."""
        return {
            "kind": self.kind,
            "sector": self.sector,
            "profile": self.profile,
            "packs_version": self.packs_version,
            "counts": self.counts(),
            "findings": [f.to_dict() for f in self.findings],
            "scores": self.scores,
            **({"ignored": self.ignored} if self.ignored else {}),
        }


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    last_newline = text.rfind("\n", 0, offset)
    return line, offset - last_newline
