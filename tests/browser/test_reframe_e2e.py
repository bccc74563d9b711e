"""Rewrites and reframing in a real browser (Chromium via Playwright), under the strict
Content-Security-Policy the other end-to-end tests use.

The server, browser, context and page fixtures are in conftest.py; being
module-scoped, this module gets its own server and a fresh database with the demo data.

Set ``FRAMING_E2E_SCREENSHOTS=<dir>`` to keep full-page screenshots there.
"""
from __future__ import annotations

import re

from e2e_support import screenshot, sign_in
from playwright.sync_api import expect  # noqa: E402

PARTNER = "Lincoln Unified School District"
PITCH = ("Our youth homelessness prevention program has run in three schools since 2019.\n\n"
         "All teachers must log which students attend each week. Let us know if you are "
         "interested.")
NEW = "program for students in unstable housing"
OFFER = "We will log which students attend each week"
MINE = "program for students without a steady home"


def _check(page) -> None:
    sign_in(page)
    page.goto("/check")
    page.get_by_role("textbox", name="Your draft").fill(PITCH)
    page.get_by_label("Check against").select_option(label=PARTNER)
    page.get_by_role("button", name="Check", exact=True).click()
    expect(page.locator("#results")).to_be_visible()


def test_accept_a_rewrite_then_undo_it(page, tmp_path):
    _check(page)
    draft = page.locator("#text")  # folded behind "Edit the draft" in the results
    swap = page.locator("li.rewrite", has=page.locator("del", has_text="youth homelessness")) \
        .filter(has_text=NEW)
    expect(swap).to_be_hidden()  # a smaller point: folded away until asked for
    page.locator("details.nits > summary").click()
    expect(swap).to_contain_text("Serves their priority")
    screenshot(page, "checker-rewrites", tmp_path)
    swap.get_by_role("button", name=re.compile(r"^Accept")).click()
    expect(page.locator(".edit-notice")).to_contain_text("Accepted")
    expect(page.locator("#draft")).to_contain_text(f"Our {NEW} has run")
    assert "youth homelessness" not in draft.input_value()
    page.get_by_role("button", name=re.compile(r"^Undo")).click()
    expect(page.locator(".edit-notice")).to_contain_text("Undone")
    assert draft.input_value() == PITCH  # line breaks survive the round trips
    expect(page.get_by_role("button", name=re.compile(r"^Undo"))).to_have_count(0)


def test_dismiss_then_show_again(page):
    _check(page)
    shown = page.locator("li.rewrite:not(.rewrite-dismissed)", has_text=OFFER)
    shown.get_by_role("button", name=re.compile(r"^Dismiss")).click()
    expect(page.locator(".edit-notice")).to_contain_text("dismissed")
    expect(shown).to_have_count(0)
    hidden = page.locator("li.rewrite-dismissed", has_text=OFFER)
    expect(hidden).to_be_hidden()
    page.get_by_text("1 dismissed — show").click()
    expect(hidden).to_be_visible()
    hidden.get_by_role("button", name=re.compile(r"^Show again")).click()
    expect(shown).to_have_count(1)


def test_enter_in_a_text_field_checks_and_accepts_nothing(page):
    _check(page)
    page.get_by_text("Save this draft").click()
    page.get_by_label("Title for a new pitch").press("Enter")
    expect(page.locator(".result-summary")).to_be_visible()
    expect(page.locator(".edit-notice")).to_have_count(0)
    assert page.locator("#text").input_value() == PITCH


def test_reframe_page_then_use_the_draft(page, tmp_path):
    _check(page)
    page.get_by_role("button", name=f"Reframe for {PARTNER}").click()
    expect(page).to_have_url(re.compile(r"/check/reframe$"))
    expect(page.get_by_role("heading", name=f"Reframed for {PARTNER}", exact=True)).to_be_visible()
    expect(page.locator("#original-text del").first).to_be_visible()
    expect(page.locator("#variant-text ins").first).to_be_visible()
    expect(page.locator("#variant-text mark.blank")).to_have_count(0)  # nothing filled unseen
    expect(page.locator("#score-before-1")).to_have_text(re.compile(r"^\d{1,3}$"))
    expect(page.locator("#score-after-1")).to_have_text(re.compile(r"^\d{1,3}$"))
    screenshot(page, "reframe", tmp_path)
    # Changes one by one: leave the swap out, put it back, add the offered task.
    page.get_by_role("button", name="Leave out").first.click()
    expect(page.locator("#variant-text")).to_contain_text("youth homelessness prevention program")
    page.get_by_role("button", name="Put back").click()
    expect(page.locator("#variant-text")).to_contain_text(NEW)
    page.locator(".reframe-suggestions li", has_text=OFFER) \
        .get_by_role("button", name="Add to the draft").click()
    expect(page.locator("#variant-text")).to_contain_text(OFFER)
    # Edit: the swap in the user's own words, by Enter in its box (not "Leave out").
    swap = page.locator(".reframe-changes li", has_text=NEW)
    swap.get_by_text("Edit the words").click()
    swap.get_by_role("textbox").fill(MINE)
    swap.get_by_role("textbox").press("Enter")
    expect(page.locator("#variant-text")).to_contain_text(MINE)
    expect(page.locator("#variant-text")).to_contain_text(OFFER)
    expect(page.locator(".reframe-changes")).to_contain_text("Your words:")
    screenshot(page, "reframe-reviewed", tmp_path)
    page.get_by_role("button", name="Use this draft").click()
    expect(page).to_have_url(re.compile(r"/check#results$"))
    draft = page.locator("#text")
    assert MINE in draft.input_value() and OFFER in draft.input_value()
    page.get_by_role("button", name=re.compile(r"^Undo")).click()
    assert draft.input_value() == PITCH
