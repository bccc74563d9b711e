"""Shared fixtures and data for the HTML view tests (test_views*.py).

Fixtures defined here are imported by name into each test module.
"""
from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from web_helpers import connect, login, make_app, make_user  # noqa: E402

from framing.lexicon import get_lexicons  # noqa: E402
from framing.store.pitches import PitchStore  # noqa: E402
from framing.store.profiles import ProfileStore  # noqa: E402

TODAY = date.today()
USERS = {"admin": "boss", "editor": "eddie", "reviewer": "rita"}
PROFILE = {
    "name": "Lincoln USD", "sector": "education", "tags": ["schools", "north county"],
    "notes": "Eight schools.",
    "politics": {"policy_culture": "evidence-driven", "fiscal_climate": "austerity",
                 "mandates": "Attendance improvement plan",
                 "key_dates": [
                     {"label": "Budget adoption", "kind": "budget",
                      "date": (TODAY + timedelta(days=30)).isoformat()},
                     {"label": "Board election", "kind": "election",
                      "date": (TODAY + timedelta(days=5)).isoformat()}]},
    "priorities": [{"id": "attendance", "label": "Attendance", "terms": ["chronic absence"]}],
    "people": [{"name": "Dr. Ana Ruiz", "role": "Superintendent", "authority": "decides",
                "owner": "Maria L.", "stance": 1}],
    "power": [{"name": "PTA Council", "kind": "advocacy", "influence": 4, "interest": 3}],
    "readiness": {"stage": 4, "dimensions": {"A": 4, "B": 3}},
    "capacity": "stretched", "vocabulary": ["whole child"],
    "avoid": [{"term": "mandatory", "instead": ["optional"], "why": "board pushback"}],
}
DRAFT = ("Two of our students committed suicide last spring. We help schools cut chronic "
         "absence. Could you give us 20 minutes at the March staff meeting?")


def stores(app):
    """A profile store and a pitch store on their own connection to the app's database."""
    db = connect(app.config["DATABASE"])
    return ProfileStore(db, set(get_lexicons().sectors)), PitchStore(db)


@pytest.fixture()
def app(tmp_path, analyzer):
    app = make_app(tmp_path / "views.sqlite", WTF_CSRF_ENABLED=False)
    app.extensions["framing_analyzer"] = analyzer  # one spaCy pipeline for the whole session
    for role, name in USERS.items():
        make_user(app, name, role)
    return app


def signed_in(app, role: str):
    """A test client signed in through the login form as the user with ``role``."""
    client = app.test_client()
    assert login(client, USERS[role]).status_code == 302
    return client


@pytest.fixture()
def data(app):
    """One profile saved twice (two snapshots) and one pitch with one version."""
    profiles, pitches = stores(app)
    profile = profiles.create(PROFILE, "eddie")
    profiles.update(profile.id, dict(PROFILE, notes="Nine schools."), "boss", profile.version)
    pitch = pitches.create("Attendance pitch", DRAFT, "eddie", profile_id=profile.id)
    snaps = profiles.history(profile.id)
    return {"profile": profile.id, "pitch": pitch.id, "snaps": [s.id for s in snaps]}


def html(response) -> str:
    """The response body as text."""
    return response.get_data(as_text=True)
