"""The OpenAPI 3.1 description of the JSON API, served at ``/api/v1/openapi.json``.

Kept as plain Python data, one module per area of the API: :mod:`.core`
(profiles, checks, pitches, reference, and the building blocks), :mod:`.campaigns`
and :mod:`.compare`. This module puts them together; a test checks that every
route of the API blueprint appears here with its methods.
"""
from __future__ import annotations

import copy

from . import campaigns, compare, core


def _merged(*parts: tuple[dict, dict, tuple[str, ...]]) -> tuple[dict, dict, list[str]]:
    """(paths, schemas, tags) of every part, refusing a path or schema defined twice."""
    paths: dict = {}
    schemas: dict = {}
    tags: list[str] = []
    for part_paths, part_schemas, part_tags in parts:
        clash = (set(part_paths) & set(paths)) | (set(part_schemas) & set(schemas))
        if clash:
            raise ValueError(f"OpenAPI entries defined twice: {sorted(clash)}")
        paths.update(part_paths)
        schemas.update(part_schemas)
        tags.extend(t for t in part_tags if t not in tags)
    return paths, schemas, tags


PATHS, SCHEMAS, TAGS = _merged((core.PATHS, core.SCHEMAS, tuple(core.TAGS)),
                               (campaigns.PATHS, campaigns.SCHEMAS, (campaigns.TAG,)),
                               (compare.PATHS, compare.SCHEMAS, (compare.TAG,)))


TOKEN_LIFETIME = (
    " Tokens expire (90 days after they are made unless the server sets another lifetime) "
    "and are revoked when their owner's password changes or their owner becomes a reviewer; "
    "from then on every request with them gets 401 saying why.")


def build_spec(server_url: str = "/api/v1") -> dict:
    """The OpenAPI document, with ``server_url`` as the base of every path."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "Framing API", "version": "1.0.0", "description":
                 "Check outreach messages against partner profiles and sector packs. Send an "
                 "API token (made on your account page) as 'Authorization: Bearer <token>'. "
                 "Errors: {\"error\": {\"message\", \"field\"?}}." + TOKEN_LIFETIME},
        "servers": [{"url": server_url}],
        "security": [{"bearerAuth": []}],
        "tags": [{"name": t} for t in TAGS],
        "paths": copy.deepcopy(PATHS),
        "components": {
            "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer",
                                               "description": "An API token"}},
            "schemas": copy.deepcopy(SCHEMAS),
        },
    }
