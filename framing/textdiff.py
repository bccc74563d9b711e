"""Word-level differences between two texts (for variants and versions)."""
from __future__ import annotations

import difflib
import re

TOKEN = re.compile(r"\s+|[\w’'-]+|[^\w\s]")
PARAGRAPHS = re.compile(r"(\n[ \t]*\n\s*)")
# Word-by-word matching costs up to the product of the two token counts (common words
# repeat). Up to this product the whole texts are matched word by word; above it the
# paragraphs are matched first and only changed paragraphs word by word, and a changed
# block still above it is shown as removed and added whole.
WORD_PRODUCT = 4_000_000


def word_diff(before: str, after: str) -> list[dict]:
    """Operations turning ``before`` into ``after``: equal, insert, delete, replace.

    Each has ``op``, ``before`` and ``after`` text; joining the ``before``
    parts gives ``before`` back, and the ``after`` parts give ``after``.
    Long texts are matched paragraph by paragraph first (see WORD_PRODUCT), so the
    work stays near linear in their length.
    """
    a, b = TOKEN.findall(before), TOKEN.findall(after)
    if len(a) * len(b) <= WORD_PRODUCT:
        return _token_ops(a, b)
    pa, pb = PARAGRAPHS.split(before), PARAGRAPHS.split(after)
    ops: list[dict] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, pa, pb, autojunk=False).get_opcodes():
        left, right = "".join(pa[i1:i2]), "".join(pb[j1:j2])
        if op == "equal":
            ops.append({"op": "equal", "before": left, "after": right})
            continue
        ta, tb = TOKEN.findall(left), TOKEN.findall(right)
        if ta and tb and len(ta) * len(tb) <= WORD_PRODUCT:
            ops += _token_ops(ta, tb)
        else:
            kind = "replace" if left and right else ("delete" if left else "insert")
            ops.append({"op": kind, "before": left, "after": right})
    return ops


def _token_ops(a: list[str], b: list[str]) -> list[dict]:
    return [{"op": op, "before": "".join(a[i1:i2]), "after": "".join(b[j1:j2])}
            for op, i1, i2, j1, j2
            in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()]


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
