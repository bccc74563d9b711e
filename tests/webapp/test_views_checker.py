"""HTML views for the checker and saved pitches: highlights, the side panel, escaping
of user text, size limits, saving pitches and versions."""
from __future__ import annotations

import re

from view_helpers import DRAFT, html, signed_in, stores


# -- checker -----------------------------------------------------------------------------------
def test_check_highlights_findings_and_fills_the_panel(app, data):
    client = signed_in(app, "reviewer")
    page = html(client.post("/check", data={"text": DRAFT, "against": f"profile:{data['profile']}",
                                            "kind": "pitch"}))
    mark = re.search(r'<mark class="hl hl-error[^"]*" data-findings="(f\d+)[^"]*" '
                     r'data-severity="error">(?:<span[^>]*></span>)*<a href="#(f\d+)"[^>]*>'
                     r'committed suicide</a></mark>', page)
    assert mark and mark.group(1) == mark.group(2)
    assert f'<li id="{mark.group(1)}" class="finding finding-error"' in page
    assert f'id="at-{mark.group(1)}"' in page
    assert "checked against <strong>Lincoln USD</strong>" in page
    assert re.search(r'id="alignment-score">\d+<', page)
    assert "Flesch-Kincaid grade level" in page and "Passive voice" in page
    assert 'rel="noreferrer"' in page and "died by suicide" in page
    # Per-priority coverage, and what earned or cost each part of the score.
    assert "Attendance" in page and ("tied to what they gain" in page or "not mentioned" in page)
    assert "Why this score" in page
    assert "The ask" in page and "js/checker.js" in page


def test_check_against_a_sector_or_nothing(app):
    client = signed_in(app, "reviewer")
    sector = html(client.post("/check", data={"text": DRAFT, "sector": "education"}))
    assert "Schools and school districts" in sector and "alignment-score" in sector
    plain = html(client.post("/check", data={"text": DRAFT, "against": "", "kind": "campaign"}))
    assert "alignment-score" not in plain and "Choose a partner profile or a sector" in plain
    assert "as public campaign copy" in plain


def test_user_html_in_a_draft_is_escaped(app):
    client = signed_in(app, "reviewer")
    text = "<script>alert(1)</script> <b>bold</b> \"q\" & Our members committed suicide."
    page = html(client.post("/check", data={"text": text, "against": "sector:labor"}))
    assert "<script>alert(1)" not in page and "<b>bold" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;b&gt;bold&lt;/b&gt;" in page
    assert "&#34;q&#34; &amp;" in page
    draft = re.search(r'<div class="draft" id="draft">(.*?)</div>', page, re.S).group(1)
    assert set(re.findall(r"<(\w+)", draft)) <= {"mark", "a", "span"}
    assert "<script" not in page.split("</footer>")[1].replace(
        '<script src="/static/js/checker.js" defer></script>', "").replace(
        '<script src="/static/js/files.js" defer></script>', "")


def test_too_long_draft_gets_413_and_is_kept(app):
    app.config["MAX_TEXT_CHARS"] = 200
    client = signed_in(app, "reviewer")
    text = "word " * 60 + "<i>end</i>"
    response = client.post("/check", data={"text": text})
    assert response.status_code == 413
    page = html(response)
    assert "the checker takes up to 200" in page and "Your text is kept" in page
    assert ("word " * 60 + "&lt;i&gt;end&lt;/i&gt;") in page


def test_empty_draft_says_why(app):
    response = signed_in(app, "reviewer").post("/check", data={"text": "   "})
    assert response.status_code == 400 and "the message is empty" in html(response)


def test_save_as_pitch_then_new_versions(app, data):
    client = signed_in(app, "editor")
    pid = data["profile"]
    saved = client.post("/check", data={"text": DRAFT, "against": f"profile:{pid}",
                                        "action": "save", "new_title": "Board pitch"})
    assert saved.status_code == 302 and "run=1" in saved.headers["Location"]
    result = html(client.get(saved.headers["Location"]))
    assert "<mark" in result and "Board pitch" in result and "version 1" in result
    tid = int(re.search(r"pitch=(\d+)", saved.headers["Location"]).group(1))
    second = client.post("/check", data={"text": DRAFT + " Thanks!", "pitch_id": tid,
                                         "title": "Board pitch", "action": "save_version",
                                         "note": "thanks"})
    assert second.status_code == 302 and "version=2" in second.headers["Location"]
    listing = html(client.get("/pitches/"))
    assert re.search(r"Board pitch</strong></a></td>\s*<td[^>]*><a [^>]*>Lincoln USD</a></td>\s*"
                     r"<td[^>]*>pitch</td>\s*<td[^>]*>2</td>", listing)
    first = html(client.get(f"/pitches/{tid}?v=1"))
    assert "Thanks!" not in first.split('class="draft draft-plain">')[1].split("</div>")[0]
    assert f"/check?pitch={tid}&amp;version=1&amp;run=1" in first
    assert "Changes from version" not in first  # nothing before version 1
    latest = html(client.get(f"/pitches/{tid}?v=2"))
    diff = re.search(r'id="pitch-diff">(.*?)</div>', latest, re.S).group(1)
    assert "Changes from version 1:" in latest and "+1 word" in latest
    assert '<ins class="diff-ins">Thanks!</ins>' in diff or '<ins class="diff-ins"> Thanks!</ins>' in diff
    assert "<del" not in diff and DRAFT[:40].replace("'", "&#39;") in diff
    third = client.post(f"/pitches/{tid}/versions", data={"text": "Version three.", "note": ""})
    assert third.status_code == 302
    assert [v.number for v in stores(app)[1].versions(tid)] == [1, 2, 3]
    untitled = client.post("/check", data={"text": DRAFT, "action": "save", "new_title": ""})
    assert untitled.status_code == 400 and "A title is required" in html(untitled)
    assert client.post(f"/pitches/{tid}/versions", data={"text": " "}).status_code == 400


def test_loading_a_pitch_fills_the_form(app, data):
    client = signed_in(app, "reviewer")
    page = html(client.get(f"/check?pitch={data['pitch']}&version=1"))
    assert "committed suicide last spring" in page and "<mark" not in page
    assert f'value="profile:{data["profile"]}" selected' in page
    assert client.get(f"/check?pitch={data['pitch']}&version=9").status_code == 404
    assert client.get("/pitches/999").status_code == 404


def test_a_superscript_digit_in_a_profile_reference_is_not_a_crash(app):
    client = signed_in(app, "editor")
    response = client.get("/check?against=profile:%C2%B2&run=1&text=Hello+there")
    assert response.status_code < 500
