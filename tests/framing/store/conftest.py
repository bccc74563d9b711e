"""A fresh, fully migrated database for each store test."""
from __future__ import annotations

import pytest

from framing.store import connect, migrate
from webapp import MIGRATIONS


@pytest.fixture
def db_path(tmp_path):
    """The file of a new database with every migration applied (closed again)."""
    path = tmp_path / "framing.sqlite"
    db = connect(path)
    migrate(db, MIGRATIONS)
    db.conn.close()
    return path


@pytest.fixture
def db(db_path):
    """An open connection to that database, closed after the test."""
    db = connect(db_path)
    yield db
    db.conn.close()
