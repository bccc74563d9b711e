"""Reading API request bodies: the one place JSON bodies are parsed.

The body is parsed with :func:`framing.safe_json.loads` (no deep nesting, no
lone surrogates) and then compared with the request schema the OpenAPI
document gives for the route: a field the document does not list is refused
by name, so a typo such as ``"profile": 9`` for ``profile_id`` is a 400
instead of being ignored silently. Types and values are still checked by each
view (``webapp.api.common.field``) and by the stores.
"""
from __future__ import annotations

import difflib
import re
from functools import lru_cache

from flask import request

from framing.safe_json import JsonInputError, loads

from . import openapi

_SEGMENT = re.compile(r"[^.\[]+")


def top_field(path: str) -> str:
    """The top-level field of a dotted path (``variants[1].text`` -> ``variants``)."""
    match = _SEGMENT.match(path)
    return match.group(0) if match else ""


@lru_cache(maxsize=256)
def _request_schema(rule: str, method: str) -> dict | None:
    """The documented request-body schema for a Flask rule and method (None if undocumented)."""
    path = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule)
    prefix = "/api/v1"
    path = path[len(prefix):] if path.startswith(prefix) else path
    operation = openapi.PATHS.get(path, {}).get(method.lower()) or {}
    content = (operation.get("requestBody") or {}).get("content") or {}
    return (content.get("application/json") or {}).get("schema")


def _resolve(schema: dict) -> dict:
    """Follow ``$ref`` and merge ``allOf`` branches into one schema."""
    while "$ref" in schema:
        schema = openapi.SCHEMAS[schema["$ref"].rsplit("/", 1)[1]]
    if "allOf" in schema:
        merged: dict = {k: v for k, v in schema.items() if k != "allOf"}
        for branch in schema["allOf"]:
            branch = _resolve(branch)
            merged.setdefault("properties", {}).update(branch.get("properties", {}))
            for key, value in branch.items():
                if key != "properties":
                    merged.setdefault(key, value)
        schema = merged
    return schema


def _branch_for(value, schema: dict) -> dict:
    """The ``oneOf`` / ``anyOf`` branch that describes ``value``'s JSON type (or ``schema``)."""
    branches = schema.get("oneOf") or schema.get("anyOf")
    if not branches:
        return schema
    wanted = "object" if isinstance(value, dict) else "array" if isinstance(value, list) else None
    for branch in branches:
        branch = _resolve(branch)
        types = branch.get("type")
        types = types if isinstance(types, list) else [types]
        if wanted in types or (wanted == "object" and "properties" in branch):
            return branch
    return schema


def unknown_fields(value, schema: dict, path: str = "") -> list[str]:
    """Dotted paths of the fields in ``value`` that a closed object of ``schema`` does not list."""
    schema = _branch_for(value, _resolve(schema))
    found: list[str] = []
    if isinstance(value, dict):
        properties = schema.get("properties")
        extra = schema.get("additionalProperties")
        for key, item in value.items():
            where = f"{path}.{key}" if path else str(key)
            if properties is not None and key in properties:
                found += unknown_fields(item, properties[key], where)
            elif extra is False and properties is not None:
                found.append(where)
            elif isinstance(extra, dict):
                found += unknown_fields(item, extra, where)
    elif isinstance(value, list) and isinstance(schema.get("items"), dict):
        for i, item in enumerate(value):
            found += unknown_fields(item, schema["items"], f"{path}[{i}]")
    return found


def _allowed_at(path: str, schema: dict) -> list[str]:
    """The field names a closed object allows where ``path`` points (for suggestions)."""
    parts = re.findall(r"[^.\[\]]+|\[\d+\]", path)[:-1]
    node = _resolve(schema)
    for part in parts:
        if part.startswith("["):
            node = _resolve(node.get("items") or {})
        else:
            node = _branch_for({}, node)
            node = _resolve((node.get("properties") or {}).get(part) or {})
        node = _branch_for({}, node)
    return list(_branch_for({}, node).get("properties") or {})


def unknown_fields_message(paths: list[str], schema: dict) -> str:
    """'Unknown field 'profile' (did you mean 'profile_id'?); allowed here: ...'"""
    names = []
    for path in paths:
        name = re.split(r"[.\]]", path)[-1] or path
        allowed = _allowed_at(path, schema)
        close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6) if allowed else []
        shown = repr(path) + (f" (did you mean {close[0]!r}?)" if close else "")
        names.append(shown)
    allowed = _allowed_at(paths[0], schema)
    label = "Unknown field" if len(paths) == 1 else "Unknown fields"
    tail = f" Allowed here: {', '.join(allowed)}." if allowed else ""
    return f"{label} {', '.join(names)}.{tail}"


def read_json_object() -> dict:
    """The request body as a JSON object, checked against the route's documented schema.

    Raises JsonInputError with the field at fault: bad JSON, not an object, deep
    nesting, a lone surrogate, or (kind ``unknown``) a field the OpenAPI document
    does not list.
    """
    try:
        data = loads(request.get_data(cache=True))
    except JsonInputError as exc:
        if exc.field or exc.kind == "depth":
            raise
        raise JsonInputError("", f"The request body must be a JSON object: {exc.message}.") \
            from None
    if not isinstance(data, dict):
        raise JsonInputError("", "The request body must be a JSON object.")
    rule = request.url_rule.rule if request.url_rule is not None else ""
    schema = _request_schema(rule, request.method)
    if schema is not None:
        unknown = unknown_fields(data, schema)
        if unknown:
            raise JsonInputError(unknown[0], unknown_fields_message(unknown, schema), "unknown")
    return data
