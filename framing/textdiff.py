"""Word-level differences between two texts (for variants and versions)."""
from __future__ import annotations

import difflib
import re

TOKEN = re.compile(r"\s+|[\w’'-]+|[^\w\s]")


def word_diff(before: str, after: str) -> list[dict]:
    """Operations turning ``before`` into ``after``: equal, insert, delete, replace.

    Each has ``op``, ``before`` and ``after`` text; joining the ``before``
    parts gives ``before`` back, and the ``after`` parts give ``after``.
    """
    a, b = TOKEN.findall(before), TOKEN.findall(after)
    ops = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        ops.append({"op": op, "before": "".join(a[i1:i2]), "after": "".join(b[j1:j2])})
    return ops


def merge_changes(ops: list[dict]) -> list[dict]:
    """Join changes separated only by a space, so a rewritten phrase reads as one change
    (``[-Two-] [-students-]`` becomes ``[-Two students-]``); the texts are unchanged."""
    out: list[dict] = []
    for op in ops:
        if (op["op"] != "equal" and len(out) >= 2 and out[-1]["op"] == "equal"
                and out[-1]["before"].isspace() and out[-2]["op"] != "equal"):
            space, prev = out.pop(), out.pop()
            op = {"op": "replace", "before": prev["before"] + space["before"] + op["before"],
                  "after": prev["after"] + space["after"] + op["after"]}
        out.append(op)
    return out


def render_diff(ops: list[dict]) -> str:
    """Plain-text rendering: [-removed-]{+added+}."""
    out = []
    for op in ops:
        if op["op"] == "equal":
            out.append(op["before"])
            continue
        if op["before"]:
            out.append(f"[-{op['before']}-]")
        if op["after"]:
            out.append(f"{{+{op['after']}+}}")
    return "".join(out)


def diff_stats(ops: list[dict]) -> dict[str, int]:
    """Words added and removed."""
    words = lambda s: len(re.findall(r"[\w’'-]+", s))
    return {"added": sum(words(o["after"]) for o in ops if o["op"] != "equal"),
            "removed": sum(words(o["before"]) for o in ops if o["op"] != "equal")}
