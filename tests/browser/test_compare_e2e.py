"""Comparing variants in a real browser (Chromium via Playwright), under the strict
Content-Security-Policy the other end-to-end tests use (no inline script or style).

The server, browser, context and page fixtures are in conftest.py; being
module-scoped, this module gets its own server and a fresh database with the demo data.

Set ``FRAMING_E2E_SCREENSHOTS=<dir>`` to keep full-page screenshots there.
"""
from __future__ import annotations

import re

from e2e_support import screenshot, sign_in
from playwright.sync_api import expect  # noqa: E402

PARTNER = "Lincoln Unified School District"
PITCH = "Lincoln USD: students without stable housing"
HOSTILE = '<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">'
VALUES = ("Every student deserves a safe place to learn. Chronic absence at Lincoln is highest "
          "among students who move between homes. Could your counselors give us 20 minutes at "
          "the March staff meeting? We bring the referral cards.")
POLICY = ("Our coalition is proud to announce our new youth homelessness initiative. We are "
          "requesting that all teachers complete our 3-hour training.")


def test_compare_typed_variants_decide_and_read_the_chart(page, tmp_path):
    sign_in(page)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Compare").click()
    expect(page.get_by_role("heading", name="Compared variants")).to_be_visible()
    page.get_by_role("link", name="New comparison").click()

    # Three rows without JS; the static script adds a fourth on request.
    rows = page.locator("#variant-rows [data-row]")
    expect(rows).to_have_count(3)
    page.get_by_role("button", name="Add another variant").click()
    expect(rows).to_have_count(4)
    expect(page.get_by_label("Variant 4 Name")).to_be_focused()
    page.get_by_role("button", name="Remove variant 4").click()
    expect(rows).to_have_count(3)

    page.get_by_label("Variant 1 Name").fill("Values frame")
    page.get_by_label("Variant 1 Text").fill(VALUES)
    page.get_by_label("Variant 2 Name").fill(HOSTILE)
    page.get_by_label("Variant 2 Text").fill(POLICY)
    page.get_by_label(re.compile(PARTNER)).check()
    page.get_by_label("Unions and labor councils", exact=True).check()
    page.get_by_label("Name of this comparison").fill("Values or announcement?")
    page.get_by_role("button", name="Compare", exact=True).click()

    expect(page.get_by_role("heading", name="Values or announcement?")).to_be_visible()
    assert page.evaluate("typeof window.__xss") == "undefined"
    matrix = page.locator("table.compare-matrix")
    expect(matrix.get_by_role("row", name=re.compile("Values frame"))).to_contain_text("Best fit")
    expect(matrix).to_contain_text(HOSTILE)  # shown as text, never run
    assert matrix.locator("script, img").count() == 0
    expect(page.locator(".cmp-cell.is-best").first).to_contain_text("★ Best fit")

    # The chart is a same-origin SVG image that loads under the CSP.
    chart = page.locator(".compare-chart img")
    expect(chart).to_be_visible()
    page.wait_for_function("document.querySelector('.compare-chart img').complete")
    assert page.evaluate("document.querySelector('.compare-chart img').naturalWidth") > 300
    svg = page.request.get(chart.get_attribute("src"))
    assert svg.headers["content-type"].startswith("image/svg+xml")
    assert "&lt;script&gt;" in svg.text() and "<script" not in svg.text()

    # Findings, readability and plain-words lines per variant.
    card = page.locator("#variant-1")
    expect(card).to_contain_text("Flesch-Kincaid grade level")
    expect(card.locator(".plain-lines li").first).to_be_visible()

    # Word diff between the two variants.
    page.get_by_label("From", exact=True).select_option(label="Values frame")
    page.get_by_label("To", exact=True).select_option(label=HOSTILE)
    page.get_by_role("button", name="Show differences").click()
    expect(page.locator("#diff-text ins").first).to_be_visible()
    expect(page.locator("#diff-text del").first).to_be_visible()

    # A decision, with who and when.
    page.get_by_label("Variant to use").select_option(label="Values frame")
    option = page.locator("#decision-target option", has_text=PARTNER)
    page.get_by_label("For which partner").select_option(option.get_attribute("value"))
    page.get_by_label("Why").fill("Leads with attendance; one small ask.")
    page.get_by_role("button", name="Record decision").click()
    decisions = page.locator("table.decision-table")
    expect(decisions).to_contain_text("Leads with attendance; one small ask.")
    expect(decisions).to_contain_text(PARTNER)
    expect(decisions).to_contain_text("Standing")
    expect(matrix.locator(".chosen-badge")).to_have_text("✔ Chosen")

    # Feedback from a small group: the warning stands next to the numbers.
    page.locator("summary", has_text="Add feedback").click()
    page.get_by_label("Votes for Values frame").fill("3")
    page.get_by_label(f"Ratings for {HOSTILE}").fill("2, 5")
    page.get_by_role("button", name="Add feedback", exact=True).click()
    feedback = page.locator("#feedback")
    expect(feedback.locator(".sample-warning")).to_contain_text("not evidence")
    expect(feedback.locator(".sample-warning")).to_contain_text("387 people per variant")
    expect(feedback.locator("table.feedback-table")).to_contain_text("people disagree")

    shot = screenshot(page, "compare-view", tmp_path)
    assert shot.stat().st_size > 20_000

    # The printable page: the script shows a Print button; print media hides the rest.
    page.get_by_role("link", name="Printable page").click()
    print_button = page.get_by_role("button", name="Print", exact=True)
    expect(print_button).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(print_button).to_be_hidden()
    expect(page.locator(".print-page")).to_contain_text(VALUES[:40])
    screenshot(page, "compare-print", tmp_path)
    page.emulate_media(media="screen")


def test_compare_a_pitchs_versions_and_see_the_decision_on_the_pitch(page):
    sign_in(page)
    page.goto("/compare/new")
    option = page.locator("#from-pitch option", has_text=PITCH)
    page.get_by_label("Take the variants from a pitch's versions").select_option(
        option.get_attribute("value"))
    page.get_by_role("button", name="Use its versions").click()
    expect(page.get_by_label("Variant 1 Name")).to_have_value("Version 1")
    expect(page.get_by_label("Variant 2 Name")).to_have_value("Version 2")
    expect(page.get_by_label(re.compile(PARTNER))).to_be_checked()
    page.get_by_role("button", name="Compare", exact=True).click()

    expect(page.locator(".subtitle")).to_contain_text(PITCH)
    page.get_by_label("Variant to use").select_option(label="Version 2")
    page.get_by_label("Why").fill("Leads with attendance.")
    page.get_by_role("button", name="Record decision").click()
    expect(page.locator("table.decision-table")).to_contain_text("Version 2")

    page.locator(".subtitle").get_by_role("link", name=PITCH).click()
    section = page.locator(".pitch-decisions")
    expect(section.get_by_role("heading", name="Decisions")).to_be_visible()
    expect(section).to_contain_text("Version 2")
    expect(section).to_contain_text("Leads with attendance.")
    expect(section).to_contain_text(PARTNER)
