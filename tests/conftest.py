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

# The compiled packs and tables the tests build (many for throw-away lexicon folders)
# go to a cache folder of the test session, not the user's.
if not os.environ.get("FRAMING_CACHE_DIR"):
    import atexit
    import shutil
    import tempfile
    os.environ["FRAMING_CACHE_DIR"] = tempfile.mkdtemp(prefix="framing-test-cache-")
    atexit.register(shutil.rmtree, os.environ["FRAMING_CACHE_DIR"], True)

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


@pytest.fixture
def cli_engine(analyzer, monkeypatch):
    """``framing`` commands run in this process use the session's spaCy pipeline.

    Each command still gets the settings of its own environment (size caps);
    one that asks for another model or rule-pack folder builds its engine as
    the real command does, so those errors stay real.
    """
    import copy

    from framing import cli_common
    from framing.settings import Settings
    build = cli_common.build_analyzer

    def shared():
        try:
            settings = Settings.from_env()
        except ValueError:
            return build()
        if (settings.model, settings.lexicon_root) != (analyzer.settings.model,
                                                       analyzer.settings.lexicon_root):
            return build()
        engine = copy.copy(analyzer)
        engine.settings = settings
        return engine

    monkeypatch.setattr(cli_common, "build_analyzer", shared)
    return analyzer
