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

CHROMIUM = "/usr/bin/chromium"


def pytest_report_header(config):
    """One line when the browser tests cannot run here, saying how to enable them."""
    if not os.path.exists(CHROMIUM):
        return ("browser tests: skipped, Chromium is missing. "
                "To run them: sudo apt-get install chromium, then make test")
    return None


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    return Analyzer()
