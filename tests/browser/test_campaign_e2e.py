"""A campaign piece from draft to approved, in a real browser (Chromium via Playwright)
against a real server, under a strict Content-Security-Policy (no inline script or style).

The flow: create a campaign with a partner contact, write an SMS piece, comment on
a selected span (static JS), send it for review, get the partner's sign-off through
the no-account approval link, approve it as a reviewer (who saved a version may not
approve it); the dashboard then shows it approved.

The server and browser fixtures are in conftest.py (module-scoped, so this module
gets its own server and database).

Set ``FRAMING_E2E_SCREENSHOTS=<dir>`` to keep full-page screenshots there.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from e2e_support import add_account, screenshot, sign_in, strict_context, watched_page
from playwright.sync_api import expect

BODY = ("Most Maple Grove teens (8 in 10) choose not to vape. Talk with your kids about it "
        "tonight. Questions? Call or text 988.")
PHRASE = "Talk with your kids"


@pytest.fixture()
def staff(browser, server):
    """A fresh session for the campaign staff (the partner gets its own below)."""
    context = strict_context(browser, server)
    page = watched_page(context)
    yield page
    assert not page.violations, page.violations
    context.close()


SELECT_PHRASE = """([phrase]) => {
  const root = document.querySelector('#piece-text');
  const full = root.textContent;
  const start = full.indexOf(phrase);
  if (start < 0) { return -1; }
  const end = start + phrase.length;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let seen = 0, node;
  while ((node = walker.nextNode())) {
    const len = node.textContent.length;
    if (seen <= start && start <= seen + len) { range.setStart(node, start - seen); }
    if (seen <= end && end <= seen + len) { range.setEnd(node, end - seen); break; }
    seen += len;
  }
  const sel = window.getSelection();
  sel.removeAllRanges();
  sel.addRange(range);
  root.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
  return start;
}"""


def test_piece_from_draft_to_approved(staff, browser, server, tmp_path):
    page = staff
    sign_in(page, "/campaigns/")
    expect(page.get_by_role("link", name="Campaigns")).to_have_attribute("aria-current", "page")

    # A campaign with one co-sponsor who has a named contact.
    page.get_by_role("link", name="New campaign").click()
    page.get_by_label("Name (required)").fill("Most of Us (e2e)")
    page.get_by_label("Type").select_option("social-norms")
    page.get_by_label("Goal").fill("Parents know most teens don't vape.")
    page.get_by_label("Starts").fill("2030-09-01")
    page.get_by_label("Ends").fill("2030-11-30")
    profile = page.get_by_label("Partner 1: profile")
    profile.select_option(index=1)
    page.get_by_label("Partner 1: role").select_option("co-sponsor")
    page.get_by_label("Partner 1: contact name").fill("Ana Ruiz")
    page.get_by_label("Partner 1: contact email").fill("ana@example.org")
    # "Add row" (rows.js) works on the partner table too.
    rows = page.locator("table[data-rows=pt] tbody tr")
    count = rows.count()
    page.locator("table[data-rows=pt] + .add-row").click()
    expect(rows).to_have_count(count + 1)
    page.get_by_label("Actually do (%)").fill("80")
    page.get_by_label("Think others do (%)").fill("35")
    page.get_by_label("Tagline").fill("Most of us don't")
    page.get_by_label("Help line").fill("988")
    page.get_by_role("button", name="Create campaign").click()
    expect(page.get_by_role("heading", name="Most of Us (e2e)")).to_be_visible()
    expect(page.locator(".partner-list")).to_contain_text("Ana Ruiz")

    # A draft SMS piece.
    page.get_by_role("link", name="New piece").click()
    page.get_by_label("Channel (required)").select_option("sms")
    page.get_by_label("Title (required)").fill("Back-to-school text")
    page.get_by_label("Text (required)").fill(BODY)
    page.get_by_label("Run date").fill("2030-09-03")
    page.get_by_role("button", name="Save as draft").click()
    expect(page.get_by_role("heading", name="Back-to-school text", level=1)).to_be_visible()
    expect(page.locator(".workflow-title")).to_contain_text("Draft")
    expect(page.locator(".fit-box")).to_contain_text("Text messages")
    piece_url = page.url

    # Select words in the text: the script fills the comment form's quote.
    expect(page.get_by_text("Select words in the text to comment on them")).to_be_visible()
    start = page.evaluate(SELECT_PHRASE, [PHRASE])
    assert start >= 0
    page.get_by_role("button", name="Comment on this").click()
    expect(page.get_by_label("Quote the text you mean")).to_have_value(PHRASE)
    assert page.locator("#comment-start").input_value() == str(start)
    expect(page.get_by_label("Comment", exact=True)).to_be_focused()
    page.get_by_label("Comment", exact=True).fill("Warmer: “Ask your kids what they think.”")
    page.get_by_role("button", name="Add comment").click()
    expect(page.locator("span.cm", has_text=PHRASE)).to_be_visible()
    expect(page.locator(".comment-list")).to_contain_text("Ask your kids")

    page.get_by_role("button", name="Send for review").click()
    expect(page.locator(".workflow-title")).to_contain_text("In review")

    # The co-sponsor signs off through the approval link, without an account.
    page.get_by_role("link", name="Get partner approval link").click()
    page.get_by_role("button", name="Create the link").click()
    link = page.get_by_label("Approval link").input_value()
    assert "/p/" in link
    expect(page.get_by_role("button", name="Copy link")).to_be_visible()
    partner_context = strict_context(browser, server)
    partner = watched_page(partner_context)
    partner.goto(link)
    expect(partner.get_by_role("heading", name="Back-to-school text")).to_be_visible()
    expect(partner.locator("body")).not_to_contain_text("Warmer")  # internal comment
    expect(partner.locator(".site-header")).to_have_count(0)
    screenshot(partner, "campaign-partner-page", tmp_path)
    partner.get_by_label(re.compile("Note")).fill("Fine for us.")
    partner.get_by_role("button", name="Approve").click()
    expect(partner.get_by_role("heading", name="Thank you")).to_be_visible()
    assert not partner.violations, partner.violations
    partner_context.close()

    # Internal approval, by a reviewer: the admin saved this version, and whoever saved
    # the current version may not approve it (APPROVER_NOT_AUTHOR, on by default).
    page.goto(piece_url)
    expect(page.locator(".signoffs")).to_contain_text("approved by Ana Ruiz")
    expect(page.locator(".workflow-own")).to_contain_text("someone else approves it")
    screenshot(page, "campaign-piece", tmp_path)
    add_account(server, "rita", "reviewer")
    reviewer_context = strict_context(browser, server)
    reviewer = watched_page(reviewer_context)
    sign_in(reviewer, urlsplit(piece_url).path, username="rita")
    reviewer.get_by_role("button", name="Approve").click()
    expect(reviewer.locator(".workflow-title")).to_contain_text("Approved")
    assert not reviewer.violations, reviewer.violations
    reviewer_context.close()
    page.reload()
    expect(page.locator(".workflow-title")).to_contain_text("Approved")
    expect(page.locator(".activity")).to_contain_text("In review → Approved")

    page.get_by_role("link", name="Most of Us (e2e)").click()
    row = page.locator("tr.piece-row", has_text="Back-to-school text")
    expect(row.locator(".status-badge")).to_have_text("Approved")
    shot = screenshot(page, "campaign-dashboard", tmp_path)
    assert shot.stat().st_size > 10_000

    page.get_by_role("link", name="Calendar").click()
    expect(page.locator(".month-grid")).to_contain_text("Back-to-school text")
    screenshot(page, "campaign-calendar", tmp_path)
