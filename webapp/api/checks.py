"""Checking a message in the JSON API: ``POST /check`` against a sector or a stored
profile (the report the engine gives)."""
from __future__ import annotations

from flask import jsonify

from ..rate_limit import analysis_limited
from .common import Routes, analyse_body, json_body, requires


routes = Routes()


def register(bp) -> None:
    """Add these routes to the API blueprint (called by the app factory)."""
    routes.register(bp)


@routes.post("/check")
@requires("check")
@analysis_limited
def check():
    """Analyse a message against a sector or a stored partner profile."""
    return jsonify(analyse_body(json_body()).to_dict())
