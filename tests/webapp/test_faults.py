"""A read-only or full database gives a clear error, loses nothing and stays intact."""
from __future__ import annotations

import sqlite3

from web_helpers import api_token, bearer, make_app

from framing.store.backup import integrity

PROFILE = {"name": "Riverton Public Library", "sector": "public-resources",
           "notes": "Teen programs run after school."}


def _profiles(db_path) -> int:
    return sqlite3.connect(db_path).execute("SELECT count(*) FROM profiles").fetchone()[0]


def test_read_only_database(tmp_path):
    db_path = tmp_path / "ro.sqlite"
    app = make_app(db_path)
    token = api_token(app, "editor1", "editor")
    app.test_client().post("/api/v1/profiles", json=PROFILE, headers=bearer(token))
    before = _profiles(db_path)

    readonly = make_app(db_path, READ_ONLY=True).test_client()
    listed = readonly.get("/api/v1/profiles", headers=bearer(token))
    assert listed.status_code == 200
    refused = readonly.post("/api/v1/profiles", json={**PROFILE, "name": "Second"},
                            headers=bearer(token))
    assert refused.status_code == 503
    assert "read-only" in refused.get_json()["error"]["message"]
    assert _profiles(db_path) == before and integrity(db_path) == "ok"


def test_full_database(tmp_path):
    db_path = tmp_path / "full.sqlite"
    app = make_app(db_path)
    token = api_token(app, "editor1", "editor")
    client = app.test_client()
    assert client.post("/api/v1/profiles", json=PROFILE, headers=bearer(token)).status_code == 201
    pages = sqlite3.connect(db_path).execute("PRAGMA page_count").fetchone()[0]

    capped = make_app(db_path, DATABASE_MAX_PAGES=pages).test_client()
    big = {**PROFILE, "name": "Big", "notes": "x" * 15000,
           "vocabulary": [f"word {i} " * 20 for i in range(400)]}
    refused = capped.post("/api/v1/profiles", json=big, headers=bearer(token))
    assert refused.status_code == 503, refused.get_json()
    assert "out of space" in refused.get_json()["error"]["message"]
    assert _profiles(db_path) == 1 and integrity(db_path) == "ok"
    # With room again, the same save goes through.
    assert client.post("/api/v1/profiles", json=big, headers=bearer(token)).status_code == 201
