"""Partner profiles in the JSON API: list, create, read, replace, delete, history."""
from __future__ import annotations

from flask import g, jsonify, request, url_for

from .common import (Routes, checked_sector, field, json_body, plain, profiles, requires)


routes = Routes()


def register(bp) -> None:
    """Add these routes to the API blueprint (called by the app factory)."""
    routes.register(bp)


@routes.get("/profiles")
@requires("read")
def list_profiles():
    """Profile summaries, filtered by ``sector``, ``tag`` and text ``q``."""
    sector = checked_sector(request.args.get("sector") or None)
    items = profiles().list(sector=sector, tag=request.args.get("tag") or None,
                            q=request.args.get("q") or None)
    return jsonify({"profiles": plain(items)})


@routes.post("/profiles")
@requires("edit")
def create_profile():
    """Create a profile from a full document."""
    profile = profiles().create(json_body(), g.user.username)
    return jsonify(profile.to_dict()), 201, {
        "Location": url_for("api.get_profile", profile_id=profile.id)}


@routes.get("/profiles/<int:profile_id>")
@requires("read")
def get_profile(profile_id: int):
    """One profile document."""
    return jsonify(profiles().get(profile_id).to_dict())


@routes.put("/profiles/<int:profile_id>")
@requires("edit")
def update_profile(profile_id: int):
    """Replace a profile; send the ``version`` you loaded to get a 409 on a conflict."""
    data = json_body()
    version = field(data, "version", int)  # the store ignores id, version and timestamps
    profile = profiles().update(profile_id, data, g.user.username, expected_version=version)
    return jsonify(profile.to_dict())


@routes.delete("/profiles/<int:profile_id>")
@requires("edit")
def delete_profile(profile_id: int):
    """Delete a profile and its history."""
    profiles().delete(profile_id)
    return "", 204


@routes.get("/profiles/<int:profile_id>/history")
@requires("read")
def profile_history(profile_id: int):
    """Every saved version of a profile, newest first."""
    return jsonify({"history": plain(profiles().history(profile_id))})
