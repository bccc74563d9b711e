"""Reference data in the JSON API: the sector packs and this API's OpenAPI document
(the one route that needs no token)."""
from __future__ import annotations

from flask import jsonify, request

from .common import URL_PREFIX, Routes, requires, sector_packs
from .openapi import build_spec


routes = Routes()


def register(bp) -> None:
    """Add these routes to the API blueprint (called by the app factory)."""
    routes.register(bp)


@routes.get("/sectors")
@requires("read")
def sectors():
    """The sector packs: ids, names and ranked priorities."""
    return jsonify({"sectors": [
        {"id": s.id, "name": s.name, "framework": s.framework, "description": s.description,
         "priorities": [{"id": p.id, "label": p.label, "rank": p.rank, "terms": list(p.terms)}
                        for p in s.priorities]}
        for s in sorted(sector_packs().values(), key=lambda s: s.id)]})


@routes.get("/openapi.json")
def openapi():
    """The OpenAPI 3.1 description of this API (no token needed)."""
    return jsonify(build_spec(request.script_root + URL_PREFIX))
