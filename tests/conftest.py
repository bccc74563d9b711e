"""Shared fixtures: one Analyzer (spaCy pipeline + rule packs) per test session."""
from __future__ import annotations

import os

import pytest
from hypothesis import settings

# CI runs the same examples every time (a red build must be reproducible);
# local runs keep exploring new ones.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

from framing import Analyzer


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    return Analyzer()
