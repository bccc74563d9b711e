"""Shared data and helpers for the HTML view tests (tests/webapp).

Their ``app`` and ``data`` fixtures are in tests/webapp/conftest.py.
"""
from __future__ import annotations

from datetime import date, timedelta

from web_helpers import connect, login

from framing.lexicon import get_lexicons
from framing.store.pitches import PitchStore
from framing.store.profiles import ProfileStore

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


def signed_in(app, role: str):
    """A test client signed in through the login form as the user with ``role``."""
    client = app.test_client()
    assert login(client, USERS[role]).status_code == 302
    return client


def html(response) -> str:
    """The response body as text."""
    return response.get_data(as_text=True)
