"""End-to-end tests in a real browser (Chromium via Playwright) against a real server.

The server is ``flask --app wsgi run`` in its own process on a free port with a
fresh database and the demo data. Every page is served with a strict
Content-Security-Policy added by the test (no inline script or style), so the
tests also prove the pages work under the policy the app will send.

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
if not Path(CHROMIUM).exists():
    pytest.skip(f"{CHROMIUM} is missing (`make test` installs Debian's chromium)",
                allow_module_level=True)

from playwright.sync_api import expect, sync_playwright  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
ADMIN, PASSWORD = "admin", "correct horse battery"
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
DRAFT = ("Last spring two of our students committed suicide, and families are still asking "
         "what the district will do.\n\nWe help schools raise attendance: students who feel "
         "safe come to class. Could your counselors give us 20 minutes at the March 3 staff "
         "meeting? We bring the materials and the trainer.")


class Server(str):
    """The server's base URL, also carrying the path of its database file."""

    database: Path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The app in its own process, demo data on; yields the base URL."""
    tmp = tmp_path_factory.mktemp("e2e")
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


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def context(browser, server):
    """One signed-in browser session for the module; pages get a strict CSP."""
    context = browser.new_context(base_url=server, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(30_000)

    def add_csp(route):
        response = route.fetch(max_redirects=0)
        headers = {**response.headers, "content-security-policy": CSP}
        route.fulfill(response=response, headers=headers)
    context.route(re.compile(r"^" + re.escape(server) + r"/(?!static/).*"), add_csp)
    yield context
    context.close()


@pytest.fixture()
def page(context):
    page = context.new_page()
    page.violations = []
    page.on("console", lambda msg: page.violations.append(msg.text)
            if "Content Security Policy" in msg.text else None)
    yield page
    assert not page.violations, page.violations
    page.close()


def screenshot(page, name: str, tmp_path: Path) -> Path:
    folder = Path(os.environ.get("FRAMING_E2E_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def sign_in(page) -> None:
    """First run: create the admin on /setup. Later: sign in on /login."""
    page.goto("/check")
    if urlsplit(page.url).path == "/check":
        return
    if "/setup" in page.url:
        page.get_by_label("Username").fill(ADMIN)
        page.get_by_label("Password", exact=True).fill(PASSWORD)
        page.locator("input[name=confirm]").fill(PASSWORD)
        page.get_by_role("button").filter(has_text=re.compile("create|set up|start", re.I)).click()
    else:
        page.get_by_label("Username").fill(ADMIN)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/check$"))


def test_first_run_setup_then_sign_out_and_in(page):
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/setup$"))
    sign_in(page)
    expect(page.locator(".user-box")).to_contain_text(ADMIN)
    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/login"))
    sign_in(page)
    expect(page.get_by_role("heading", name="Check a draft")).to_be_visible()


def test_create_profile_with_added_rows(page, tmp_path):
    sign_in(page)
    page.goto("/profiles/")
    page.get_by_role("link", name="New profile").click()
    page.get_by_label(re.compile("Schools and school districts")).check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Name (required)").fill("Maple Grove Middle School")
    page.get_by_label("Tags").fill("schools, e2e")
    page.get_by_label("Key date 1: what").fill("School board election")
    page.get_by_label("Key date 1: kind").select_option("election")
    page.get_by_label("Key date 1: date").fill("2030-11-05")
    page.get_by_label("Person 1: name").fill("Dr. Ana Ruiz")
    page.get_by_label("Person 1: authority").select_option("decides")
    page.get_by_label("Person 1: relationship owner").fill("Maria L.")
    # "Add row" (static JS) appends a fourth influencer row.
    power_rows = page.locator("table[data-rows=pw] tbody tr")
    expect(power_rows).to_have_count(3)
    page.locator("table[data-rows=pw] + .add-row").click()
    expect(power_rows).to_have_count(4)
    page.get_by_label("Influencer 4: name").fill("Maple Grove PTA")
    page.get_by_label("Influencer 4: influence").select_option("4")
    page.get_by_label("Influencer 4: interest").select_option("5")
    page.get_by_label("Stage").select_option("4")
    page.get_by_role("button", name="Create profile").click()
    expect(page.get_by_role("heading", name="Maple Grove Middle School")).to_be_visible()
    expect(page.locator(".power-grid")).to_contain_text("Maple Grove PTA")
    expect(page.locator(".lens-people")).to_contain_text("Maria L.")
    expect(page.locator(".summary-strip")).to_contain_text("Preplanning")
    screenshot(page, "profile-view", tmp_path)


def test_check_a_draft_against_the_profile(page, tmp_path):
    sign_in(page)
    page.goto("/check")
    page.get_by_role("textbox", name="Your draft").fill(DRAFT)
    page.get_by_label("Check against").select_option(label="Maple Grove Middle School")
    page.get_by_role("button", name="Check", exact=True).click()
    mark = page.locator("mark.hl-error", has_text="committed suicide")
    expect(mark).to_be_visible()
    expect(page.locator("#alignment-score")).to_have_text(re.compile(r"^\d{1,3}$"))
    expect(page.locator(".result-summary")).to_contain_text("Maple Grove Middle School")
    expect(page.locator(".panel")).to_contain_text("Flesch")
    shot = screenshot(page, "checker-result", tmp_path)
    assert shot.stat().st_size > 10_000
    # The highlight links to its finding in the side panel.
    target = mark.locator("a").first.get_attribute("href")
    expect(page.locator(target)).to_contain_text("died by suicide")
    mark.locator("a").first.click()
    expect(page.locator(target)).to_be_in_viewport()


def test_script_in_a_draft_never_runs(page):
    sign_in(page)
    page.goto("/check")
    hostile = ('<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">'
               ' <b>bold</b> Our members committed suicide.')
    page.get_by_role("textbox", name="Your draft").fill(hostile)
    page.get_by_label("Check against").select_option(label="Unions and labor councils")
    page.get_by_role("button", name="Check", exact=True).click()
    expect(page.locator("#draft")).to_be_visible()
    assert page.evaluate("typeof window.__xss") == "undefined"
    draft = page.locator("#draft")
    expect(draft).to_contain_text("<script>window.__xss = 1</script>")
    expect(draft).to_contain_text("<b>bold</b>")
    assert draft.locator("script, img, b").count() == 0
    # The text is kept in the form for the next round, also literally.
    assert page.get_by_role("textbox", name="Your draft").input_value() == hostile


def test_lists_and_history_pages_render(page):
    sign_in(page)
    for path, heading in (("/pitches/", "Saved pitches"), ("/profiles/", "Partner profiles")):
        page.goto(path)
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
    page.get_by_role("link", name="Maple Grove Middle School").click()
    page.get_by_role("link", name="History").click()
    expect(page.get_by_role("heading", name="History")).to_be_visible()
