"""Browser-test fixtures: one server and one signed-in-able browser context per module."""
from __future__ import annotations

import pytest

# e2e_support is imported inside the fixtures: importing it skips a module when
# chromium is missing, which is right for a test module but not for this file.


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The app in its own process, demo data on; the base URL (with ``.database``)."""
    from e2e_support import running_server
    yield from running_server(tmp_path_factory.mktemp("e2e"))


@pytest.fixture(scope="module")
def browser():
    from e2e_support import CHROMIUM, CHROMIUM_ARGS
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def context(browser, server):
    """One browser session for the module; its pages get the strict CSP."""
    from e2e_support import strict_context
    context = strict_context(browser, server)
    yield context
    context.close()


@pytest.fixture()
def page(context):
    from e2e_support import watched_page
    page = watched_page(context)
    yield page
    assert not page.violations, page.violations
    page.close()
