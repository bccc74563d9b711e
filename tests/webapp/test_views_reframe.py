"""Rewrites in the checker (accept, dismiss, undo) and the reframe page, through the
Flask test client: every step is a plain form post, as it is without JavaScript."""
from __future__ import annotations

import html as htmllib
import json
import re

from view_helpers import DRAFT, html, signed_in, stores

from webapp.views.checker_state import HISTORY_CHARS, HISTORY_LIMIT, EditState

PITCH = ("Our youth homelessness prevention program has run in three schools since 2019. All "
         "teachers must log which students attend each week. Let us know if you are interested.")
EDUCATION = {"text": PITCH, "against": "sector:education", "kind": "pitch"}
SWAP = "pitch.sector-swap@4-41#project"
OLD, NEW = "youth homelessness prevention program", "program for students in unstable housing"
OFFER = "We will log which students attend each week"


def field(page: str, name: str) -> str:
    """The (unescaped) value of the first input named ``name`` on the page."""
    match = re.search(rf'<input type="hidden" name="{name}" value="([^"]*)"', page)
    assert match, f"no field {name}"
    return htmllib.unescape(match.group(1))


def textarea(page: str) -> str:
    return htmllib.unescape(re.search(r'<textarea id="text"[^>]*>(.*?)</textarea>', page,
                                      re.S).group(1))


def state_of(page: str) -> dict:
    """The hidden state fields to post back with the next round."""
    return {"history": field(page, "history"), "dismissed": field(page, "dismissed")}


def rewrite_key(page: str, replacement: str) -> str:
    return re.search(r'<li class="rewrite" data-rewrite="(\w+)">\s*<p class="rewrite-change">'
                     r'[^\n]*<ins>' + re.escape(replacement), page).group(1)


# -- rewrites in the checker ---------------------------------------------------------------------
def test_findings_show_their_rewrites_with_why_and_priority(app):
    page = html(signed_in(app, "reviewer").post("/check", data=EDUCATION))
    assert f'name="accept" value="{SWAP}"' in page
    assert f"<del>{OLD}</del>" in page and f"<ins>{NEW}</ins>" in page
    assert "Serves their priority: <strong>Attendance and engagement</strong>" in page
    assert "McKinney-Vento" in page  # the why, in the partner's terms
    assert f"<ins>{OFFER}</ins>" in page  # taking the task on: offered with its reason
    swap_item = page.split('data-finding="f2"')[1].split("</li>\n          \n")[0]
    assert "Try:" not in swap_item  # the rewrites replace the plain suggestion list
    assert 'formaction="/check/reframe"' in page
    assert "Reframe for Schools and school districts" in page
    # Enter in a field of the form checks; it never presses the first Accept button.
    assert page.index('class="default-submit"') < page.index('name="accept"')


def test_accept_applies_the_replacement_and_checks_again(app):
    client = signed_in(app, "reviewer")
    page = html(client.post("/check", data={**EDUCATION, "accept": SWAP}))
    assert textarea(page) == PITCH.replace(OLD, NEW)
    assert f"Accepted: “{OLD}” → “{NEW}”" in page
    assert "pitch.sector-swap" not in page  # checked again: the finding is gone
    history = json.loads(field(page, "history"))
    label = f"“{OLD}” → “{NEW}”"
    assert history == [{"text": PITCH, "label": label}]
    assert 'name="undo"' in page and "Undo <span" in page


def test_undo_restores_the_previous_draft(app):
    client = signed_in(app, "reviewer")
    first = html(client.post("/check", data={**EDUCATION, "accept": SWAP}))
    offer_id = re.search(r'name="accept" value="(pitch\.extra-work@[^"]+)"', first).group(1)
    second = html(client.post("/check", data={**EDUCATION, "text": textarea(first),
                                              **state_of(first), "accept": offer_id}))
    assert OFFER in textarea(second)
    assert len(json.loads(field(second, "history"))) == 2
    undone = html(client.post("/check", data={**EDUCATION, "text": textarea(second),
                                              **state_of(second), "undo": "1"}))
    assert textarea(undone) == textarea(first) and "Undone:" in undone
    again = html(client.post("/check", data={**EDUCATION, "text": textarea(undone),
                                             **state_of(undone), "undo": "1"}))
    assert textarea(again) == PITCH and field(again, "history") == ""
    assert 'name="undo"' not in again


def test_dismissed_stays_dismissed_across_checks_and_accepts(app):
    client = signed_in(app, "reviewer")
    page = html(client.post("/check", data=EDUCATION))
    key = rewrite_key(page, OFFER)
    dismissed = html(client.post("/check", data={**EDUCATION, "dismiss": key}))
    assert field(dismissed, "dismissed") == key
    assert f'data-rewrite="{key}"' not in dismissed and "1 dismissed — show" in dismissed
    # A plain re-check, then accepting another rewrite that shifts every offset after it.
    rechecked = html(client.post("/check", data={**EDUCATION, **state_of(dismissed)}))
    assert f'data-rewrite="{key}"' not in rechecked and "1 dismissed — show" in rechecked
    accepted = html(client.post("/check", data={**EDUCATION, **state_of(rechecked),
                                                "accept": SWAP}))
    assert NEW in textarea(accepted)
    assert f'data-rewrite="{key}"' not in accepted and field(accepted, "dismissed") == key
    restored = html(client.post("/check", data={**EDUCATION, "text": textarea(accepted),
                                                **state_of(accepted), "restore": key}))
    assert f'data-rewrite="{key}"' in restored and "dismissed — show" not in restored


def test_a_stale_or_forged_rewrite_changes_nothing(app):
    client = signed_in(app, "reviewer")
    edited = "We now lead with attendance. " + PITCH
    page = html(client.post("/check", data={**EDUCATION, "text": edited, "accept": SWAP}))
    assert textarea(page) == edited and "no longer fits the draft" in page
    assert field(page, "history") == ""


def test_tampered_state_is_dropped_and_never_markup(app):
    client = signed_in(app, "reviewer")
    for history in ("not json", '{"text": 1}', '[{"text": 5, "label": "x"}]', "<script>"):
        page = html(client.post("/check", data={**EDUCATION, "history": history,
                                                "dismissed": "<b> zz 123"}))
        assert field(page, "history") == "" and field(page, "dismissed") == ""
    hostile = json.dumps([{"text": "<script>alert(1)</script> Hi.", "label": "<b>x</b>"}])
    page = html(client.post("/check", data={**EDUCATION, "history": hostile}))
    assert "Undo <span class=\"undo-label\">&lt;b&gt;x&lt;/b&gt;</span>" in page
    undone = html(client.post("/check", data={**EDUCATION, "history": hostile, "undo": "1"}))
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Hi." in undone and "<script>alert" not in undone


def test_history_is_capped():
    state = EditState()
    for n in range(HISTORY_LIMIT + 5):
        state.push(f"draft {n}", f"change {n}")
    assert len(state.history) == HISTORY_LIMIT
    assert state.history[-1]["text"] == f"draft {HISTORY_LIMIT + 4}"
    state.push("x" * (HISTORY_CHARS - 10), "big")
    assert [e["label"] for e in state.history] == ["big"]
    parsed = EditState.from_form({"history": state.history_field, "dismissed": "0123456789abcdef"})
    assert parsed.history == state.history and parsed.dismissed == {"0123456789abcdef"}


# -- the reframe page ----------------------------------------------------------------------------
def test_reframe_page_shows_the_diff_and_both_scores(app):
    page = html(signed_in(app, "reviewer").post("/check/reframe", data=EDUCATION))
    assert "<h1>Reframed for Schools and school districts</h1>" in page
    original = re.search(r'id="original-text">(.*?)</div>', page, re.S).group(1)
    variant = re.search(r'id="variant-text">(.*?)</div>', page, re.S).group(1)
    assert f"<del>{OLD}</del>" in original and "<ins>" not in original
    assert f"<ins>{NEW}</ins>" in variant and "<del>" not in variant
    assert '<mark class="blank">' not in variant  # nothing is filled in unseen
    before = int(re.search(r'id="score-before-1">(\d+)<', page).group(1))
    after = int(re.search(r'id="score-after-1">(\d+)<', page).group(1))
    assert after >= before
    assert "Changes made, one by one" in page and "Leave out" in page
    assert "Suggestions that need your judgement" in page and "Add to the draft" in page
    assert "Findings: should fix" in page and "Reading grade (Flesch-Kincaid)" in page
    assert "Serves their priority: <strong>Attendance and engagement</strong>" in page
    assert "Fill in before you send it" not in page and "Use this draft" in page
    assert "Save as new pitch" not in page  # reviewers cannot save


def test_reframe_says_why_it_could_not_improve_and_needs_a_partner(app):
    client = signed_in(app, "reviewer")
    plain = "Lincoln schools care about attendance. We help with chronic absence."
    page = html(client.post("/check/reframe", data={**EDUCATION, "text": plain}))
    assert "This did not improve the fit." in page
    none = client.post("/check/reframe", data={**EDUCATION, "against": ""})
    assert none.status_code == 400 and "choose a partner profile or a sector" in html(none)
    empty = client.post("/check/reframe", data={**EDUCATION, "text": "  "})
    assert empty.status_code == 400 and "Cannot reframe this draft" in html(empty)


def test_use_this_draft_loads_it_into_the_checker_with_undo(app):
    client = signed_in(app, "reviewer")
    page = html(client.post("/check/reframe", data=EDUCATION))
    form = page.split('class="reframe-action">')[1].split("</form>")[0]
    fields = {htmllib.unescape(k): htmllib.unescape(v)
              for k, v in re.findall(r'name="(\w+)" value="([^"]*)"', form)}
    checked = html(client.post("/check", data=fields))
    assert textarea(checked).startswith(f"Our {NEW}") and "Undo <span" in checked
    undone = html(client.post("/check", data={**fields, **state_of(checked), "undo": "1"}))
    assert textarea(undone) == PITCH


def test_dismissed_rewrites_are_left_out_of_the_variant(app):
    client = signed_in(app, "reviewer")
    key = rewrite_key(html(client.post("/check", data=EDUCATION)), NEW)
    page = html(client.post("/check/reframe", data={**EDUCATION, "dismissed": key}))
    variant = re.search(r'id="variant-text">(.*?)</div>', page, re.S).group(1)
    assert OLD in variant and "1 change you left out is not in the reframed draft" in page
    assert "Put back" in page


def test_changes_are_left_out_and_suggestions_added_one_by_one(app):
    client = signed_in(app, "reviewer")
    page = html(client.post("/check/reframe", data=EDUCATION))
    swap_key = re.search(r'name="toggle" value="(\w+)"[^>]*>Leave out', page).group(1)
    offer_key = re.search(r'name="toggle" value="(\w+)"[^>]*>Add to the draft', page).group(1)
    left = html(client.post("/check/reframe", data={**EDUCATION, "toggle": swap_key}))
    assert OLD in re.search(r'id="variant-text">(.*?)</div>', left, re.S).group(1)
    assert field(left, "dismissed") == swap_key and "Put back" in left
    added = html(client.post("/check/reframe", data={
        **EDUCATION, "dismissed": field(left, "dismissed"), "toggle": offer_key}))
    variant = htmllib.unescape(re.search(r'id="variant-text">(.*?)</div>', added, re.S).group(1))
    assert OFFER in re.sub(r"</?(ins|del|mark)[^>]*>", "", variant) and OLD in variant
    assert field(added, "accepted") == offer_key
    # pressed again, each goes back
    back = html(client.post("/check/reframe", data={
        **EDUCATION, "dismissed": swap_key, "accepted": offer_key, "toggle": swap_key}))
    assert field(back, "dismissed") == "" and field(back, "accepted") == offer_key
    forged = html(client.post("/check/reframe", data={**EDUCATION, "toggle": "0123456789abcdef"}))
    assert field(forged, "dismissed") == "" and field(forged, "accepted") == ""


def test_saving_the_variant_as_a_new_version(app, data):
    client = signed_in(app, "editor")
    form = {"text": DRAFT, "against": f"profile:{data['profile']}", "kind": "pitch",
            "pitch_id": data["pitch"], "title": "Attendance pitch"}
    page = html(client.post("/check/reframe", data=form))
    assert "Save as new version of “Attendance pitch”" in page
    variant = htmllib.unescape(re.search(r'name="text" value="([^"]*)"', page).group(1))
    assert "died by suicide" in variant
    saved = client.post("/check/reframe/save", data={**form, "action": "save_version"})
    assert saved.status_code == 302 and "version=2" in saved.headers["Location"]
    latest = stores(app)[1].versions(data["pitch"])[-1]
    assert latest.number == 2 and latest.text == variant
    assert re.fullmatch(r"Reframed for Lincoln USD: alignment \d+ → \d+", latest.note)
    shown = html(client.get(saved.headers["Location"]))
    assert "Saved the reframed draft as version 2" in shown and "died by suicide" in shown


def test_saving_the_variant_as_a_new_pitch(app):
    client = signed_in(app, "editor")
    page = html(client.post("/check/reframe", data=EDUCATION))
    assert "Save as new pitch" in page and "Save as new version" not in page
    saved = client.post("/check/reframe/save", data={**EDUCATION, "action": "save",
                                                     "new_title": "Schools pitch"})
    assert saved.status_code == 302
    pitch = stores(app)[1].list()[0]
    assert pitch.title == "Schools pitch" and pitch.sector == "education"
    assert pitch.latest.text.startswith(f"Our {NEW}")
    untitled = client.post("/check/reframe/save", data={**EDUCATION, "action": "save",
                                                        "new_title": " "})
    assert untitled.status_code == 400 and "A title is required" in html(untitled)


def test_a_reviewer_cannot_save(app, data):
    client = signed_in(app, "reviewer")
    form = {"text": DRAFT, "against": f"profile:{data['profile']}", "pitch_id": data["pitch"],
            "title": "Attendance pitch"}
    page = html(client.post("/check/reframe", data=form))
    assert "Save as new version" not in page and "Use this draft" in page
    denied = client.post("/check/reframe/save", data={**form, "action": "save_version"})
    assert denied.status_code == 403
    assert len(stores(app)[1].versions(data["pitch"])) == 1


def test_html_in_the_draft_stays_escaped_on_the_reframe_page(app):
    client = signed_in(app, "reviewer")
    text = ('<script>alert(1)</script> <img src=x onerror="alert(2)"> "q" & Our members '
            "committed suicide. Let us know.")
    page = html(client.post("/check/reframe", data={"text": text, "against": "sector:labor"}))
    assert "<script>alert" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=&#34;alert(2)&#34;&gt;" in page
    for side in ("original-text", "variant-text"):
        body = re.search(rf'id="{side}">(.*?)</div>', page, re.S).group(1)
        assert set(re.findall(r"<(\w+)", body)) <= {"del", "ins", "mark"}
    assert "<del>committed suicide</del>" in page or "<del>committed</del>" in page


def test_a_change_is_put_in_the_users_own_words(app):
    """Edit: the user's words replace the suggested ones, are carried in the form, and
    emptied go back to the suggestion; a forged key or words in a stale field do nothing."""
    client = signed_in(app, "reviewer")
    page = html(client.post("/check/reframe", data=EDUCATION))
    key = re.search(r'name="toggle" value="(\w+)"[^>]*>Leave out', page).group(1)
    assert f'name="words-{key}"' in page and "Edit the words" in page
    mine = "program for students whose housing is unstable"
    edited = html(client.post("/check/reframe", data={
        **EDUCATION, "action": "words", f"words-{key}": f"  {mine}\n\x07 "}))
    variant = htmllib.unescape(re.search(r'id="variant-text">(.*?)</div>', edited, re.S).group(1))
    assert mine in re.sub(r"</?(ins|del|mark)[^>]*>", "", variant) and OLD not in variant
    assert json.loads(field(edited, "edits")) == {key: mine} and "Your words:" in edited
    # carried to the next round (the box posted as shown changes nothing), then
    # emptied: back to the suggested words
    carried = html(client.post("/check/reframe", data={
        **EDUCATION, "edits": field(edited, "edits"), f"words-{key}": mine}))
    assert json.loads(field(carried, "edits")) == {key: mine}
    back = html(client.post("/check/reframe", data={
        **EDUCATION, "edits": field(edited, "edits"), f"words-{key}": " "}))
    assert field(back, "edits") == "" and NEW in htmllib.unescape(back)
    for junk in ('{"0123456789abcdef": "x"}', "[1]", '{"' + key + '": 5}', "{" * 5000):
        ignored = html(client.post("/check/reframe", data={**EDUCATION, "edits": junk}))
        assert field(ignored, "edits") == "" and NEW in htmllib.unescape(ignored)


def test_saving_keeps_the_users_words(app):
    client = signed_in(app, "editor")
    page = html(client.post("/check/reframe", data=EDUCATION))
    key = re.search(r'name="toggle" value="(\w+)"[^>]*>Leave out', page).group(1)
    saved = client.post("/check/reframe/save", data={
        **EDUCATION, "edits": json.dumps({key: "program for students without a steady home"}),
        "action": "save", "new_title": "Mine"})
    assert saved.status_code == 302
    pitch = stores(app)[1].list()[0]
    assert pitch.latest.text.startswith("Our program for students without a steady home")
