"""End-to-end tests in a real browser (Chromium via Playwright) against a real server.

Fixtures (server, browser, context, page) are in conftest.py, built from
e2e_support.py: a real ``flask run`` process and a strict Content-Security-Policy.
"""
from __future__ import annotations

import re

from e2e_support import ADMIN, screenshot, sign_in
from playwright.sync_api import expect

DRAFT = ("Last spring two of our students committed suicide, and families are still asking "
         "what the district will do.\n\nWe help schools raise attendance: students who feel "
         "safe come to class. Could your counselors give us 20 minutes at the March 3 staff "
         "meeting? We bring the materials and the trainer.")


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
    page.get_by_label("Influencer 1: name").fill("Maple Grove Community Newsletter")
    page.get_by_label("Influencer 1: kind").select_option("employer")
    page.get_by_label("Influencer 1: influence").select_option("4")
    page.get_by_label("Influencer 1: interest").select_option("5")
    page.get_by_label("Stage").select_option("4")
    page.get_by_role("button", name="Create profile").click()
    expect(page.get_by_role("heading", name="Maple Grove Middle School")).to_be_visible()
    expect(page.locator(".power-grid")).to_contain_text("Maple Grove PTA")
    expect(page.locator(".lens-people")).to_contain_text("Maria L.")
    expect(page.locator(".summary-strip")).to_contain_text("Preplanning")
    screenshot(page, "profile-view", tmp_path)
    # On a phone the grid keeps every name whole and scrolls inside itself, never the page.
    page.set_viewport_size({"width": 390, "height": 844})
    expect(page.locator(".grid-name", has_text="Newsletter")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    lines = page.evaluate("""() => [...document.querySelectorAll('.grid-name')].map(el => {
        const range = document.createRange(); const text = el.firstChild;
        return el.textContent.split(' ').every((word, i, words) => {
            const start = words.slice(0, i).join(' ').length + (i ? 1 : 0);
            range.setStart(text, start); range.setEnd(text, start + word.length);
            return range.getClientRects().length === 1; });
    })""")
    assert lines and all(lines)  # no word drawn on two lines
    screenshot(page, "profile-view-phone", tmp_path)


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
    assert page.locator("#text").input_value() == hostile
    # Edited in place: the box takes the marked draft's place, and checks again.
    expect(page.get_by_role("textbox", name="Your draft")).to_be_hidden()
    page.get_by_role("button", name="Edit the draft").click()
    box = page.get_by_role("textbox", name="Your draft")
    expect(box).to_be_visible()
    expect(page.locator("#draft")).to_be_hidden()
    box.fill("Our members died by suicide last year.")
    page.get_by_role("button", name="Check again").click()
    expect(page.locator("#draft")).to_contain_text("Our members died by suicide last year.")


def test_lists_and_history_pages_render(page):
    sign_in(page)
    for path, heading in (("/pitches/", "Saved pitches"), ("/profiles/", "Partner profiles")):
        page.goto(path)
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
    page.get_by_role("link", name="Maple Grove Middle School").click()
    page.get_by_role("link", name="History").click()
    expect(page.get_by_role("heading", name="History")).to_be_visible()


def test_start_page_leads_to_a_sample_check(page, tmp_path):
    """After signing in, the start page says what the app is for and its first step
    checks a real demo pitch against its partner."""
    sign_in(page, home="/")
    expect(page.get_by_role("heading", name="Start here")).to_be_visible()
    expect(page.locator(".start-steps > li")).to_have_count(3)
    screenshot(page, "start", tmp_path)
    page.get_by_role("link", name="Check the sample").click()
    expect(page.locator("#results")).to_be_visible()
    expect(page.locator(".result-summary")).to_contain_text("checked against")
    page.get_by_role("link", name="Framing", exact=True).click()
    page.get_by_role("link", name=re.compile(r"^Open ")).first.click()
    expect(page.locator(".summary-strip")).to_be_visible()  # a partner profile
