"""JSON from outside (API bodies, import files, form fields) parsed with limits.

Python's ``json`` accepts two things the rest of the program cannot handle:

* nesting so deep that parsing, validating or printing it again runs out of
  recursion (``RecursionError`` is not a ``ValueError``, so it escapes the
  usual "bad JSON" handling and becomes a server error);
* ``"\\ud800"``: an escape for half of a UTF-16 surrogate pair. It decodes to
  a lone surrogate, which is not a character: SQLite, the UTF-8 encoder and
  every page that prints it fail.

:func:`loads` refuses both with a :class:`JsonInputError` that names the field
(a dotted path such as ``people[1].name``), so callers can answer 400.
"""
from __future__ import annotations

import json
import re
from typing import Any

# Far deeper than any document the app takes (a profile is 4 levels deep), far
# shallower than the interpreter's recursion limit.
MAX_DEPTH = 64
_SURROGATE = re.compile("[\ud800-\udfff]")


class JsonInputError(ValueError):
    """JSON that cannot be used; ``field`` is the dotted path at fault ("" for the whole).

    ``kind`` says what is wrong: ``syntax`` (not JSON), ``depth`` (nested too
    deep) or ``character`` (a lone surrogate).
    """

    def __init__(self, field: str, message: str, kind: str = "syntax"):
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field
        self.message = message
        self.kind = kind


def lone_surrogate(text: str) -> int | None:
    """Index of the first lone surrogate in ``text`` (None when there is none).

    ``json.loads`` joins a proper pair into one character, so any surrogate
    code point left in a decoded string is half a pair.
    """
    if text.isascii():  # the common case, answered without a scan
        return None
    match = _SURROGATE.search(text)
    return match.start() if match else None


def _prefix(path: str, segments: int = 2) -> str:
    """The first ``segments`` parts of a dotted path: where a too-deep value starts, not the
    64 levels of ``[0]`` below it."""
    parts = re.findall(r"\[\d+\]|[^.\[]+", path)
    out = ""
    for part in parts[:segments]:
        out += part if part.startswith("[") or not out else f".{part}"
    return out


def _child(path: str, key: Any) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else str(key)


def check_value(value: Any, path: str = "", max_depth: int = MAX_DEPTH) -> None:
    """Raise JsonInputError if ``value`` nests deeper than ``max_depth`` or holds a lone
    surrogate in a string or a key. Iterative, so depth itself cannot break it."""
    stack = [(value, path, 1)]
    while stack:
        node, where, depth = stack.pop()
        if isinstance(node, str):
            if lone_surrogate(node) is not None:
                raise JsonInputError(where, "contains an invalid character (a lone surrogate "
                                            "such as \\ud800); send real text", "character")
            continue
        if not isinstance(node, (dict, list)):
            continue
        if depth > max_depth:
            raise JsonInputError(_prefix(where), f"nested more than {max_depth} levels deep",
                                 "depth")
        if isinstance(node, dict):
            for key in node:
                if lone_surrogate(key) is not None:
                    raise JsonInputError(where, "a field name contains an invalid character "
                                                "(a lone surrogate such as \\ud800)", "character")
            children = [(item, _child(where, key), depth + 1) for key, item in node.items()]
        else:
            children = [(item, _child(where, i), depth + 1) for i, item in enumerate(node)]
        stack.extend(reversed(children))  # the first bad field in document order is reported


def parse(text: str | bytes, max_depth: int = MAX_DEPTH) -> Any:
    """``json.loads`` with JsonInputError for bad JSON and for nesting too deep to parse.

    Does not look inside the value: call :func:`check_value` on it (with the
    path the caller wants errors named by), or use :func:`loads`. Bytes are
    decoded as JSON allows (UTF-8, -16 or -32); bytes that are none of these
    are bad JSON too.
    """
    try:
        return json.loads(text)
    except RecursionError:
        raise JsonInputError("", f"nested more than {max_depth} levels deep", "depth") from None
    except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError
        raise JsonInputError("", f"not valid JSON ({exc})") from None


def loads(text: str | bytes, max_depth: int = MAX_DEPTH) -> Any:
    """``json.loads`` that raises JsonInputError for bad JSON, deep nesting and lone surrogates."""
    data = parse(text, max_depth)
    check_value(data, "", max_depth)
    return data
