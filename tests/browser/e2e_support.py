"""Shared pieces of the browser tests: a real server process, Chromium, strict CSP.

The server is ``flask --app wsgi run`` in its own process on a free port with a
fresh database and the demo data. Every page is served with a strict
Content-Security-Policy added by the test (no inline script or style), so the
tests also prove the pages work under the policy the app sends. Importing this
module skips the importing test module when Debian's chromium is missing.

Set ``FRAMING_E2E_SCREENSHOTS=<dir>`` to keep full-page screenshots there.
"""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = "/usr/bin/chromium"
BROWSER_MISSING = ("Browser tests skipped: Chromium is missing. "
                   "To run them: sudo apt-get install chromium, then make test")
if not Path(CHROMIUM).exists():
    # CI runs as root, where `make test` installs Chromium: a skip there would
    # hide every browser test, so it is a failure instead.
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"{CHROMIUM} is missing in CI; the browser tests must run there",
                    pytrace=False)
    pytest.skip(BROWSER_MISSING, allow_module_level=True)

from playwright.sync_api import expect  # noqa: E402
from repo_paths import ROOT  # noqa: E402

ADMIN, PASSWORD = "admin", "correct horse battery"
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


class Server(str):
    """The server's base URL, also carrying the path of its database file."""

    database: Path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def running_server(tmp: Path):
    """Start the app in its own process; yields a :class:`Server`, stops it afterwards."""
    port = _free_port()
    env = {**os.environ, "FRAMING_DATABASE": str(tmp / "framing.sqlite"),
           "FRAMING_SECRET_KEY": "test", "FRAMING_DEMO_DATA": "1", "PYTHONUNBUFFERED": "1"}
    log = open(tmp / "server.log", "w")
    proc = subprocess.Popen([sys.executable, "-m", "flask", "--app", "wsgi", "run",
                             "--host", "127.0.0.1", "--port", str(port)],
                            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            urllib.request.urlopen(base + "/login", timeout=2)
            break
        except urllib.error.HTTPError:
            break  # any HTTP answer means the server is up
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                log.close()
                pytest.fail("the server did not start:\n" + (tmp / "server.log").read_text())
            time.sleep(0.25)
    running = Server(base)
    running.database = tmp / "framing.sqlite"
    yield running
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


def strict_context(browser, base: str, viewport: tuple[int, int] = (1280, 900)):
    """A browser context (a window of ``viewport`` pixels) in which every page is served
    with the strict CSP."""
    context = browser.new_context(base_url=base,
                                  viewport={"width": viewport[0], "height": viewport[1]})
    context.set_default_timeout(30_000)

    def add_csp(route):
        if "multipart/form-data" in (route.request.headers.get("content-type") or ""):
            # Chromium does not hand a file upload's body to an intercepting route (it
            # would arrive empty), so that one request goes through as sent; its page
            # keeps the app's own Content-Security-Policy.
            route.continue_()
            return
        response = route.fetch(max_redirects=0)
        headers = {**response.headers, "content-security-policy": CSP}
        route.fulfill(response=response, headers=headers)
    context.route(re.compile(r"^" + re.escape(base) + r"/(?!static/).*"), add_csp)
    return context


def watched_page(context):
    """A page that records CSP violations and script errors in ``page.violations``."""
    page = context.new_page()
    page.violations = []
    page.on("console", lambda msg: page.violations.append(msg.text)
            if "Content Security Policy" in msg.text else None)
    page.on("pageerror", lambda exc: page.violations.append(f"script error: {exc}"))
    return page


def screenshot(page, name: str, tmp_path: Path) -> Path:
    folder = Path(os.environ.get("FRAMING_E2E_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def add_account(server: Server, username: str, role: str) -> None:
    """Create an account with the shared test password in the running server's database."""
    from framing.store import connect
    from framing.store.accounts import AccountStore
    db = connect(server.database)
    try:
        AccountStore(db).create(username, PASSWORD, role)
    finally:
        db.conn.close()


def sign_in(page, home: str = "/check", username: str = ADMIN) -> None:
    """Open ``home``, signing in first: on /setup the first time (as the admin), on /login
    after that (as ``username``)."""
    page.goto(home)
    if urlsplit(page.url).path == home:
        return
    if "/setup" in page.url:
        page.get_by_label("Username").fill(ADMIN)
        page.get_by_label("Password", exact=True).fill(PASSWORD)
        page.locator("input[name=confirm]").fill(PASSWORD)
        page.get_by_role("button").filter(has_text=re.compile("create|set up|start", re.I)).click()
        page.wait_for_url(re.compile(r"/$"))
        page.goto(home)
    else:
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(re.escape(home) + "$"))
