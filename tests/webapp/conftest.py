"""Fixtures of the web tests: an app with one user per role, and saved data to show.

A test module that needs another app (its own settings or scope) defines its
own ``app`` fixture, which overrides this one.
"""
from __future__ import annotations

import pytest
from view_helpers import DRAFT, PROFILE, USERS, stores
from web_helpers import make_app, make_user


@pytest.fixture()
def app(tmp_path, analyzer):
    """A test app on a fresh database, CSRF off, one user per role (see ``USERS``)."""
    app = make_app(tmp_path / "views.sqlite", WTF_CSRF_ENABLED=False)
    app.extensions["framing_analyzer"] = analyzer  # one spaCy pipeline for the whole session
    for role, name in USERS.items():
        make_user(app, name, role)
    return app


@pytest.fixture()
def data(app):
    """One profile saved twice (two snapshots) and one pitch with one version."""
    profiles, pitches = stores(app)
    profile = profiles.create(PROFILE, "eddie")
    profiles.update(profile.id, dict(PROFILE, notes="Nine schools."), "boss", profile.version)
    pitch = pitches.create("Attendance pitch", DRAFT, "eddie", profile_id=profile.id)
    snaps = profiles.history(profile.id)
    return {"profile": profile.id, "pitch": pitch.id, "snaps": [s.id for s in snaps]}
