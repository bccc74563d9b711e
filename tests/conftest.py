"""Shared fixtures: one Analyzer (spaCy pipeline + rule packs) per test session."""
from __future__ import annotations

import pytest

from framing import Analyzer


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    return Analyzer()
