"""Field-level diff of profile documents, for the store's history pages.

The document's validator, its choices and a new profile's defaults live in
the engine, :mod:`framing.profile_schema`.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from ..profile_schema import STORE_KEYS
from ..validation import join


@dataclass
class Change:
    path: str
    before: Any
    after: Any


def diff_documents(before: dict, after: dict) -> list[Change]:
    """Field-level changes between two documents (store fields ignored).

    Lists of objects are compared item by item (``people[2].stance``); lists of
    words are compared whole (``priorities[1].terms``), which reads better
    than one change per shifted word.
    """
    out: list[Change] = []
    strip = lambda d: {k: v for k, v in (d or {}).items() if k not in STORE_KEYS}  # noqa: E731
    _walk(strip(before), strip(after), "", out)
    return out


def _walk(before: Any, after: Any, path: str, out: list[Change]) -> None:
    if isinstance(before, dict) and isinstance(after, dict):
        for key in list(before) + [k for k in after if k not in before]:
            _walk(before.get(key), after.get(key), join(path, key), out)
    elif _records(before) and _records(after) and (before or after):
        for i in range(max(len(before), len(after))):
            _walk(before[i] if i < len(before) else None,
                  after[i] if i < len(after) else None, f"{path}[{i}]", out)
    elif before != after:
        out.append(Change(path, copy.deepcopy(before), copy.deepcopy(after)))


def _records(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, dict) for v in value)
