"""Every main flow at three real window sizes (a laptop, a desktop, a phone), in
Chromium against a real server: the start page, the checker (results, editing in place,
the reframe page), partner profiles (view and form), campaigns (list, dashboard, piece,
piece form, approval link, the partner's page), pitches and comparisons.

Each page fails the test on a console error or script error, on sideways scrolling, on
content cut off at the window's edge or clipped in its box, and on controls drawn over
one another (tests/browser/layout_checks.py). Set ``FRAMING_E2E_SCREENSHOTS=<dir>`` to
keep a full-page screenshot of each page at each size.
"""
from __future__ import annotations

import re
import zipfile

import pytest
from e2e_support import screenshot, sign_in, strict_context
from layout_checks import layout_problems
from playwright.sync_api import expect

VIEWPORTS = {"laptop": (1280, 800), "desktop": (1440, 900), "phone": (390, 844)}
PITCH = """Subject: Ten minutes at your March staff meeting

Dear Dr. Alvarez,

Our counselors utilize a short check-in that helps students in unstable housing keep coming to class. Last year 41 students in Lincoln schools were homeless at some point, and two of them committed suicide. We would like your teachers to log every absence for us and to attend our two-hour training.

Could we have ten minutes at your March staff meeting to show the check-in? We will bring the one-page guide and handle the follow-up ourselves.

Sincerely,
Dana Ruiz
Harbor County Safe Homes"""


@pytest.fixture(scope="module")
def campaign_piece(server):
    """A campaign with a co-sponsor and one piece, made in the server's database."""
    from campaigns.store import CampaignStore
    from framing.store import connect
    db = connect(server.database)
    try:
        profile = db.execute("SELECT id FROM profiles ORDER BY id LIMIT 1").fetchone()[0]
        store = CampaignStore(db)
        campaign = store.create_campaign({
            "name": "Most of Us Riverton", "goal": "Correct the vaping misperception",
            "type": "social-norms", "audience": "Parents of teens", "start": "2027-09-01",
            "end": "2027-11-30", "status": "active", "tagline": "Most of us don't",
            "hashtag": "#MostOfUs", "help_line": "988",
            "partners": [{"profile_id": profile, "role": "co-sponsor", "contact_name": "Ana Ruiz",
                          "contact_email": "ana@example.org"}],
            "norms": {"behaviour": "teens who do not vape", "actual_pct": 80,
                      "perceived_pct": 35, "source": "County Youth Survey", "year": 2026}},
            "demo")
        piece = store.add_piece(campaign.id, "psa-30", "Back-to-school radio spot",
                                "SFX: School bell.\nANNOUNCER: Most Riverton teens, 8 in 10, "
                                "choose not to vape (2026 County Youth Survey). Talk with "
                                "yours tonight. Questions? Call or text 988.", "demo",
                                run_date="2027-09-03")
        return campaign.id, piece.id
    finally:
        db.conn.close()


@pytest.fixture(params=list(VIEWPORTS), ids=list(VIEWPORTS))
def window(request, browser, server):
    """A page in a window of one of the three sizes; console errors are collected."""
    size = VIEWPORTS[request.param]
    context = strict_context(browser, server, viewport=size)
    page = context.new_page()
    page.errors = []
    page.on("console", lambda msg: page.errors.append(f"console {msg.type}: {msg.text}")
            if msg.type == "error" else None)
    page.on("pageerror", lambda exc: page.errors.append(f"script error: {exc}"))
    page.size_name = request.param
    yield page
    context.close()


def looks_right(page, name: str, tmp_path) -> None:
    """The page as drawn now has no console error and no layout problem."""
    page.wait_for_load_state("load")
    screenshot(page, f"{name}-{page.size_name}", tmp_path)
    problems = layout_problems(page)
    assert not page.errors, (name, page.errors)
    assert not problems, (name, page.size_name, problems)


def test_start_checker_and_reframe(window, tmp_path):
    page = window
    sign_in(page, "/")
    looks_right(page, "start", tmp_path)
    page.goto("/check")
    looks_right(page, "check-empty", tmp_path)
    page.get_by_role("textbox", name="Your draft").fill(PITCH)
    page.get_by_label("Check against").select_option(label="Lincoln Unified School District")
    page.get_by_role("button", name="Check", exact=True).click()
    expect(page.locator("#results")).to_be_visible()
    looks_right(page, "check-results", tmp_path)
    if page.size_name != "phone":
        # Beside the long panel the marked draft stays in view, and all of its box (it
        # scrolls inside) fits in the window: no end of the letter below the fold.
        page.evaluate("window.scrollTo(0, 900)")
        box = page.locator("#draft").bounding_box()
        assert 0 <= box["y"] and box["y"] + box["height"] <= page.viewport_size["height"] + 1
    page.locator("details.nits > summary").click()
    looks_right(page, "check-considerations", tmp_path)
    page.get_by_role("button", name="Edit the draft").click()
    expect(page.get_by_role("textbox", name="Your draft")).to_be_visible()
    looks_right(page, "check-editing", tmp_path)
    page.get_by_role("button", name="Back to the marked draft").click()
    # Accept a rewrite, then take the draft away as Word with the change tracked.
    page.locator("li.rule-group", has_text="committed suicide").get_by_role(
        "button", name=re.compile(r"^Accept")).first.click()
    expect(page.locator(".edit-notice")).to_contain_text("Accepted")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download as Word (changes tracked)").click()
    saved = tmp_path / f"draft-{page.size_name}.docx"
    download.value.save_as(saved)
    assert download.value.suggested_filename.endswith(".docx")
    assert "<w:delText" in zipfile.ZipFile(saved).read("word/document.xml").decode()
    # ...and open it again: the Word file becomes the draft and is checked.
    page.get_by_role("button", name="Edit the draft").click()
    page.get_by_label("Or open a file").set_input_files(str(saved))
    page.get_by_role("button", name="Check again").click()
    expect(page.locator(".edit-notice")).to_contain_text(f"Opened “{saved.name}”")
    expect(page.locator("#draft")).to_contain_text("died by suicide")
    looks_right(page, "check-opened-word", tmp_path)
    page.get_by_role("button", name=re.compile(r"^Reframe for")).click()
    expect(page).to_have_url(re.compile(r"/check/reframe$"))
    looks_right(page, "reframe", tmp_path)


def test_profiles_and_pitches(window, tmp_path):
    page = window
    sign_in(page, "/profiles/")
    looks_right(page, "profiles", tmp_path)
    page.get_by_role("link", name="Lincoln Unified School District").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Lincoln Unified")
    looks_right(page, "profile", tmp_path)
    page.goto(page.url.rstrip("/") + "/edit")
    looks_right(page, "profile-form", tmp_path)
    page.goto("/pitches/")
    looks_right(page, "pitches", tmp_path)
    page.locator("main a[href^='/pitches/']").first.click()
    looks_right(page, "pitch", tmp_path)
    page.goto("/compare/new")
    looks_right(page, "compare-new", tmp_path)


def test_campaign_flow(window, tmp_path, campaign_piece, browser, server):
    page = window
    campaign_id, piece_id = campaign_piece
    sign_in(page, "/campaigns/")
    expect(page.locator(".campaign-table")).to_contain_text("Partner sign-off")
    looks_right(page, "campaigns", tmp_path)
    page.goto(f"/campaigns/{campaign_id}")
    looks_right(page, "campaign-dashboard", tmp_path)
    page.goto(f"/pieces/{piece_id}")
    looks_right(page, "piece", tmp_path)
    page.goto(f"/pieces/{piece_id}/edit")
    looks_right(page, "piece-form", tmp_path)
    page.goto(f"/campaigns/{campaign_id}/pieces/new")
    looks_right(page, "piece-new", tmp_path)
    page.goto(f"/pieces/{piece_id}")
    page.get_by_role("link", name="Get partner approval link").click()
    page.get_by_role("button", name="Create the link").click()
    link = page.get_by_label("Approval link").input_value()
    looks_right(page, "partner-link", tmp_path)
    partner_context = strict_context(browser, server, viewport=page.viewport_size and (
        page.viewport_size["width"], page.viewport_size["height"]))
    try:
        partner = partner_context.new_page()
        partner.errors = []
        partner.on("console", lambda msg: partner.errors.append(msg.text)
                   if msg.type == "error" else None)
        partner.size_name = page.size_name
        partner.goto(link)
        expect(partner.get_by_role("heading", level=1)).to_be_visible()
        looks_right(partner, "partner-page", tmp_path)
    finally:
        partner_context.close()
