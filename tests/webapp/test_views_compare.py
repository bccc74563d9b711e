"""HTML views for comparing variants: pages per role, the new-comparison form (typed
rows, a pitch's and a campaign piece's versions), the matrix with best fit, the SVG
chart (valid XML, escaped labels), the word diff, decisions (also on the pitch and
piece pages), feedback with the small-sample warning, the CSV export and the
printable page."""
from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET

import pytest

from view_helpers import DRAFT, html, signed_in, stores
from web_helpers import connect

from campaigns.store import CampaignStore
from framing.store.comparisons import ComparisonStore
from webapp.charts import Bar, Group, grouped_bar_chart, xml_text

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = "<script>alert(1)</script>"
LEADS = ("We help schools cut chronic absence: students who feel safe come to class. "
         "Could your counselors give us 20 minutes at the March 3 staff meeting?")
OTHER = ("Our coalition has run prevention programs for ten years. We would like to present "
         "our work to your staff and hope you will consider it.")


def comparisons(app) -> ComparisonStore:
    return ComparisonStore(connect(app.config["DATABASE"]))


@pytest.fixture()
def saved(app, data):
    """A comparison of three variants (one with a hostile label) of the data's pitch,
    against its profile and a sector."""
    comparison = comparisons(app).create(
        "Attendance: which frame?",
        [{"label": "Leads with attendance", "text": LEADS, "source": f"pitch:{data['pitch']}/v1"},
         {"label": HOSTILE, "text": OTHER},
         {"label": "=SUM(A1)", "text": DRAFT}],
        [{"profile_id": data["profile"]}, {"sector": "labor"}], "eddie", pitch_id=data["pitch"])
    return comparison


def form_post(**overrides) -> dict:
    base = {"title": "Typed variants", "kind": "pitch",
            "label": ["Values", "", ""], "text": [LEADS, OTHER, ""], "source": ["", "", ""],
            "target": ["sector:education"]}
    base.update(overrides)
    return base


# -- who may do what ---------------------------------------------------------------------------
def test_anonymous_visitors_are_sent_to_sign_in(app, saved):
    client = app.test_client()
    for path in ("/compare/", f"/compare/{saved.id}", f"/compare/{saved.id}/chart.svg",
                 f"/compare/{saved.id}/export.csv", "/compare/new"):
        response = client.get(path)
        assert response.status_code == 302 and "/login" in response.headers["Location"], path


def test_reviewers_read_and_give_feedback_but_do_not_create_or_decide(app, saved, data):
    client = signed_in(app, "reviewer")
    listing = html(client.get("/compare/"))
    assert "Attendance: which frame?" in listing and "Lincoln USD" in listing
    assert "New comparison" not in listing
    filtered = html(client.get(f"/compare/?pitch={data['pitch']}"))
    assert "Comparisons for “Attendance pitch”" in filtered
    assert "Attendance: which frame?" in filtered
    assert client.get("/compare/?pitch=999").status_code == 404
    for path in (f"/compare/{saved.id}", f"/compare/{saved.id}/print",
                 f"/compare/{saved.id}/chart.svg", f"/compare/{saved.id}/export.csv"):
        assert client.get(path).status_code == 200, path
    page = html(client.get(f"/compare/{saved.id}"))
    assert "Record a decision" not in page and "Add feedback" in page
    assert client.get("/compare/new").status_code == 403
    assert client.post("/compare/new", data=form_post()).status_code == 403
    assert client.post(f"/compare/{saved.id}/decisions", data={
        "variant": "Leads with attendance", "target": f"profile:{data['profile']}",
        "rationale": "x"}).status_code == 403
    response = client.post(f"/compare/{saved.id}/feedback",
                           data={"votes-0": "3", "ratings-1": "2, 4"})
    assert response.status_code == 302


def test_nav_link_and_unknown_comparison(app):
    client = signed_in(app, "reviewer")
    page = html(client.get("/compare/"))
    assert re.search(r'<a href="/compare/" aria-current="page">Compare</a>', page)
    assert "No comparisons yet" in page
    assert client.get("/compare/999").status_code == 404
    assert client.get("/compare/999/chart.svg").status_code == 404


# -- creating ----------------------------------------------------------------------------------
def test_new_form_has_three_blank_rows_and_no_inline_script(app, data):
    client = signed_in(app, "editor")
    page = html(client.get("/compare/new"))
    assert page.count('name="text"') == 3 and page.count('name="label"') == 3
    assert 'data-add-variant hidden' in page and "js/compare.js" in page
    assert "Lincoln USD" in page and 'value="sector:education"' in page
    assert "Attendance pitch" in page  # the pitch picker
    scripts = re.findall(r"<script\b[^>]*>(.*?)</script>", page, re.S)
    assert scripts and all(not body.strip() for body in scripts)
    assert not re.search(r"\son[a-z]+=", page)


def test_editor_creates_a_comparison_from_typed_rows(app, data):
    client = signed_in(app, "editor")
    response = client.post("/compare/new", data=form_post(
        target=["sector:education", f"profile:{data['profile']}"]))
    assert response.status_code == 302
    page = html(client.get(response.headers["Location"]))
    assert "Typed variants" in page
    # A blank name becomes a letter; the blank third row is dropped.
    assert "Variant B" in page and "Variant C" not in page
    assert "Lincoln USD" in page and "Schools and school districts" in page
    assert "★ Best fit" in page and 'class="cmp-cell is-best"' in page
    assert "Flesch-Kincaid grade level" in page and "Gunning fog index" in page
    assert re.search(r"\d+ words? · \d+ sentences?", page)
    assert 'class="plain-lines"' in page  # better / worse in plain words
    assert 'src="/compare/' in page and '/chart.svg"' in page
    stored = comparisons(app).list()[0]
    assert [v.label for v in stored.variants] == ["Values", "Variant B"]
    assert stored.created_by == "eddie"


@pytest.mark.parametrize("overrides, message", [
    ({"text": [LEADS, "", ""], "label": ["", "", ""]}, "at least 2 variants"),
    ({"target": []}, "Choose at least one partner"),
    ({"label": ["Same", "same", ""]}, "Give each one a different name"),
    ({"label": ["", "Named only", ""], "text": [LEADS, "", ""]}, "has no text"),
    ({"target": ["profile:999"]}, "no longer exists"),
])
def test_form_problems_are_explained_and_the_text_is_kept(app, data, overrides, message):
    client = signed_in(app, "editor")
    response = client.post("/compare/new", data=form_post(**overrides))
    assert response.status_code == 400
    page = html(response)
    assert message in page and 'role="alert"' in page
    assert "chronic absence" in page  # what was typed is still in the form
    assert comparisons(app).list() == []


def test_a_pitchs_versions_become_the_variants(app, data):
    _, pitches = stores(app)
    pitches.add_version(data["pitch"], LEADS, "eddie", note="leads with attendance")
    client = signed_in(app, "editor")
    page = html(client.get(f"/compare/new?pitch={data['pitch']}"))
    assert 'value="Version 1"' in page and 'value="Version 2"' in page
    assert f'value="pitch:{data["pitch"]}/v2"' in page
    assert f'name="target" value="profile:{data["profile"]}" checked' in page
    assert f'name="pitch_id" value="{data["pitch"]}"' in page
    form = {"title": "Versions", "kind": "pitch", "pitch_id": str(data["pitch"]),
            "label": ["Version 1", "Version 2", ""], "text": [DRAFT, LEADS, ""],
            "source": [f"pitch:{data['pitch']}/v1", f"pitch:{data['pitch']}/v2", ""],
            "target": [f"profile:{data['profile']}"]}
    response = client.post("/compare/new", data=form)
    assert response.status_code == 302
    stored = comparisons(app).list(pitch_id=data["pitch"])
    assert len(stored) == 1 and stored[0].variants[1].source == f"pitch:{data['pitch']}/v2"
    page = html(client.get(response.headers["Location"]))
    assert f'href="/pitches/{data["pitch"]}?v=2">pitch version 2</a>' in page
    assert client.get("/compare/new?pitch=999").status_code == 404


def test_a_pitch_with_one_version_asks_for_another(app, data):
    client = signed_in(app, "editor")
    page = html(client.get(f"/compare/new?pitch={data['pitch']}"))
    assert "has only one version" in page and page.count('name="text"') == 3


@pytest.fixture()
def piece(app, data) -> int:
    """A campaign with the data's profile as partner, and a piece with two versions."""
    store = CampaignStore(connect(app.config["DATABASE"]))
    campaign = store.create_campaign({"name": "Back to class", "type": "awareness",
                                      "partners": [{"profile_id": data["profile"],
                                                    "role": "co-sponsor"}]}, "eddie")
    piece = store.add_piece(campaign.id, "email", "Letter to counselors", OTHER, "eddie")
    store.edit_piece(piece.id, "Letter to counselors", LEADS, "eddie", note="lead with attendance")
    return piece.id


def test_a_pieces_versions_become_the_variants(app, data, piece):
    client = signed_in(app, "editor")
    page = html(client.get("/compare/new"))
    assert "Take from a campaign piece's versions" in page
    assert '<optgroup label="Back to class">' in page
    assert "Letter to counselors (2 versions)" in page
    page = html(client.get(f"/compare/new?piece={piece}"))
    assert 'value="v1"' in page and 'value="v2"' in page
    assert f'value="piece:{piece}/v2"' in page and f'name="piece_id" value="{piece}"' in page
    assert f'value="profile:{data["profile"]}" checked' in page  # the campaign's partner
    assert 'value="campaign" checked' in page
    form = {"title": "Letter versions", "kind": "campaign", "piece_id": str(piece),
            "label": ["v1", "v2", ""], "text": [OTHER, LEADS, ""],
            "source": [f"piece:{piece}/v1", f"piece:{piece}/v2", ""],
            "target": [f"profile:{data['profile']}"]}
    response = client.post("/compare/new", data=form)
    assert response.status_code == 302
    stored = comparisons(app).list(piece_ref=f"piece:{piece}")
    assert len(stored) == 1 and stored[0].variants[1].source == f"piece:{piece}/v2"
    assert stored[0].pitch_id is None
    page = html(client.get(response.headers["Location"]))
    assert f'href="/pieces/{piece}#versions-h">piece version 2</a>' in page
    assert "from the campaign piece" in page and "Letter to counselors" in page
    assert client.get("/compare/new?piece=999").status_code == 404
    gone = client.post("/compare/new", data=dict(form, piece_id="999"))
    assert gone.status_code == 400 and "campaign piece these versions came from" in html(gone)


def test_piece_decisions_are_shown_on_the_piece_page(app, data, piece):
    reviewer_page = html(signed_in(app, "reviewer").get(f"/pieces/{piece}"))
    assert "No decision recorded yet" in reviewer_page
    assert f'href="/compare/new?piece={piece}"' not in reviewer_page
    client = signed_in(app, "editor")
    assert f'href="/compare/new?piece={piece}"' in html(client.get(f"/pieces/{piece}"))
    store = comparisons(app)
    comparison = store.create("Letter", [{"label": "v1", "text": OTHER},
                                         {"label": "v2", "text": LEADS}],
                              [{"profile_id": data["profile"]}], "eddie", kind="campaign",
                              piece_ref=f"piece:{piece}")
    store.decide(comparison.id, "v2", f"profile:{data['profile']}", "eddie",
                 "Attendance first <b>works</b>.")
    other = store.create("Unrelated", [{"label": "A", "text": OTHER},
                                       {"label": "B", "text": LEADS}], [], "eddie")
    store.decide(other.id, "A", "", "eddie", "Not about this piece.")
    page = html(client.get(f"/pieces/{piece}"))
    section = page.split('id="piece-decisions-h"')[1]
    assert "Attendance first &lt;b&gt;works&lt;/b&gt;." in section and "Lincoln USD" in section
    assert f'href="/compare/{comparison.id}#decision-' in section
    assert "Not about this piece." not in page


# -- the comparison page -----------------------------------------------------------------------
def test_page_escapes_labels_and_shows_matrix_and_findings(app, saved):
    page = html(signed_in(app, "reviewer").get(f"/compare/{saved.id}"))
    assert HOSTILE not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Lincoln USD" in page and "Unions and labor councils" in page
    assert "Best fit" in page and "/100" in page
    assert re.search(r'class="sev-count sev-error">\d+ must fix', page)
    assert 'class="category">' in page  # findings by category
    assert "from the pitch" in page


def test_chart_is_valid_svg_with_title_desc_and_inert_labels(app, saved):
    response = signed_in(app, "reviewer").get(f"/compare/{saved.id}/chart.svg")
    assert response.status_code == 200 and response.mimetype == "image/svg+xml"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    body = response.get_data(as_text=True)
    root = ET.fromstring(body.encode("utf-8"))  # well-formed XML
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    assert root.find(f"{SVG}title").text.startswith("Fit with each partner")
    assert "Lincoln USD" in root.find(f"{SVG}desc").text
    assert not list(root.iter(f"{SVG}script")) and not list(root.iter("script"))
    assert not any(name.startswith("on") for el in root.iter() for name in el.attrib)
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert HOSTILE in texts  # drawn as the characters it is
    assert "&lt;script&gt;" in body and "<script" not in body
    assert any("Best fit" in (t or "") for t in texts)


def test_diff_between_two_chosen_variants(app, saved):
    client = signed_in(app, "reviewer")
    page = html(client.get(f"/compare/{saved.id}?a=Leads+with+attendance&b=%3DSUM(A1)"))
    diff = re.search(r'<div class="draft draft-plain cmp-diff-text" id="diff-text">(.*?)</div>',
                     page, re.S).group(1)
    assert "<ins>" in diff and "<del>" in diff
    assert set(re.findall(r"<(\w+)", diff)) <= {"ins", "del"}
    assert re.sub(r"</?(ins|del)>", "", diff)  # text survives
    assert "words added" in page
    assert '<option value="=SUM(A1)" selected>' in page
    # A hostile label as a diff side is escaped, and unknown labels fall back.
    page = html(client.get(f"/compare/{saved.id}?a=%3Cscript%3Ealert(1)%3C%2Fscript%3E&b=nope"))
    assert HOSTILE not in page
    assert '<option value="&lt;script&gt;alert(1)&lt;/script&gt;" selected>' in page


def test_user_text_in_the_diff_is_escaped(app, data):
    comparison = comparisons(app).create(
        "Escapes", [{"label": "A", "text": "Plain <b>bold</b> text."},
                    {"label": "B", "text": "Plain <i>x</i> & text."}],
        [{"sector": "education"}], "eddie")
    page = html(signed_in(app, "reviewer").get(f"/compare/{comparison.id}?a=A&b=B"))
    assert "<b>bold" not in page and "<i>x" not in page
    assert "&lt;b&gt;" in page and "&lt;i&gt;" in page and "&amp;" in page


def test_a_deleted_profile_is_left_out_and_the_rest_still_compared(app, saved, data):
    client = signed_in(app, "editor")
    assert client.post(f"/compare/{saved.id}/decisions", data={
        "variant": "Leads with attendance", "target": f"profile:{data['profile']}",
        "rationale": "Before the profile was deleted."}).status_code == 302
    profiles, _ = stores(app)
    profiles.delete(data["profile"])
    response = client.get(f"/compare/{saved.id}")
    assert response.status_code == 200
    page = html(response)
    assert "Left out of the scores because it no longer exists: (deleted profile)" in page
    assert "Unions and labor councils" in page and "★ Best fit" in page
    assert "Before the profile was deleted." in page
    assert client.get(f"/compare/{saved.id}/chart.svg").status_code == 200
    assert client.get(f"/compare/{saved.id}/export.csv").status_code == 200


# -- decisions ---------------------------------------------------------------------------------
def test_decisions_are_recorded_reversed_and_shown_on_the_pitch_page(app, saved, data):
    client = signed_in(app, "editor")
    target = f"profile:{data['profile']}"
    url = f"/compare/{saved.id}/decisions"
    response = client.post(url, data={"variant": "Leads with attendance", "target": target,
                                      "rationale": "Leads with their top priority."})
    assert response.status_code == 302 and response.headers["Location"].endswith("#decisions")
    page = html(client.get(f"/compare/{saved.id}"))
    assert "Leads with their top priority." in page and "✔ Chosen" in page
    assert "Standing" in page and "eddie" in page

    # A second decision for the same partner must say it replaces the first.
    again = client.post(url, data={"variant": HOSTILE, "target": target,
                                   "rationale": "Board changed its mind."})
    assert again.status_code == 409
    body = html(again)
    assert "There is already a decision for Lincoln USD" in body
    assert "Board changed its mind." in body  # kept
    first = comparisons(app).decisions(saved.id)[0]
    assert f'<option value="{first.id}" selected>' in body
    response = client.post(url, data={"variant": HOSTILE, "target": target,
                                      "rationale": "Board changed its mind.",
                                      "replaces": str(first.id)})
    assert response.status_code == 302
    page = html(client.get(f"/compare/{saved.id}"))
    assert 'Replaced by <a href="#decision-' in page
    assert f'Reverses <a href="#decision-{first.id}"' in page

    pitch_page = html(client.get(f"/pitches/{data['pitch']}"))
    section = pitch_page.split('id="pitch-decisions-h"')[1]
    assert "Decisions" in pitch_page and "Board changed its mind." in section
    assert "Leads with their top priority." in section and "replaced by #" in section
    assert "reverses #" in section and "Lincoln USD" in section
    assert HOSTILE not in pitch_page and "&lt;script&gt;alert(1)&lt;/script&gt;" in section
    assert f'href="/compare/{saved.id}#decision-' in section


def test_decision_needs_a_reason_and_a_known_variant(app, saved, data):
    client = signed_in(app, "editor")
    url = f"/compare/{saved.id}/decisions"
    target = f"profile:{data['profile']}"
    no_reason = client.post(url, data={"variant": "Leads with attendance", "target": target,
                                       "rationale": "  "})
    assert no_reason.status_code == 400 and "Say why" in html(no_reason)
    unknown = client.post(url, data={"variant": "Nope", "target": target, "rationale": "x"})
    assert unknown.status_code == 400 and "Choose one of the variants" in html(unknown)
    bad_target = client.post(url, data={"variant": "Leads with attendance",
                                        "target": "profile:999", "rationale": "x"})
    assert bad_target.status_code == 400
    whole = client.post(url, data={"variant": "Leads with attendance", "target": "",
                                   "rationale": "Use it everywhere."})
    assert whole.status_code == 302
    assert "every partner in this comparison" in html(client.get(f"/compare/{saved.id}"))
    assert comparisons(app).decisions(saved.id)[0].target_key == ""


def test_pitch_without_decisions_says_so(app, data):
    page = html(signed_in(app, "reviewer").get(f"/pitches/{data['pitch']}"))
    assert "No decision recorded yet" in page
    assert "Compare its versions" not in page  # reviewers cannot create comparisons
    page = html(signed_in(app, "editor").get(f"/pitches/{data['pitch']}"))
    assert f'href="/compare/new?pitch={data["pitch"]}"' in page


# -- feedback ----------------------------------------------------------------------------------
def test_feedback_numbers_come_with_the_small_sample_warning(app, saved):
    client = signed_in(app, "reviewer")
    page = html(client.get(f"/compare/{saved.id}"))
    assert "Small group: not a test result" in page and "No one has reacted yet" in page
    assert "387 people per variant" in page
    response = client.post(f"/compare/{saved.id}/feedback", data={
        "votes-0": "4", "votes-1": "1", "ratings-0": "5, 4 2", "note": "Liked the concrete ask."})
    assert response.status_code == 302
    page = html(client.get(f"/compare/{saved.id}"))
    warning = page.index("Small group: not a test result")
    table = page.index('class="table feedback-table"')
    assert 0 < table - warning < 1500  # the warning sits right next to the numbers
    assert "results from a group this small are not evidence" in page
    assert "387 people per variant" in page
    assert "people disagree" in page  # ratings 2..5 spread
    assert "split 4–1" in page and "by pure chance about 38%" in page
    assert "Liked the concrete ask." in page and "rita" in page
    stored = comparisons(app).feedback(saved.id)
    assert [(f.variant_label, f.votes, f.ratings) for f in stored] == [
        ("Leads with attendance", 4, [5, 4, 2]), (HOSTILE, 1, [])]


@pytest.mark.parametrize("form, message", [
    ({}, "at least one vote count or rating"),
    ({"ratings-0": "6"}, "is not a rating"),
    ({"votes-1": "many"}, "is not a number of votes"),
])
def test_bad_feedback_is_explained(app, saved, form, message):
    response = signed_in(app, "reviewer").post(f"/compare/{saved.id}/feedback", data=form)
    assert response.status_code == 400 and message in html(response)
    assert comparisons(app).feedback(saved.id) == []


# -- export and print --------------------------------------------------------------------------
def test_csv_export_is_a_formula_safe_attachment(app, saved):
    response = signed_in(app, "reviewer").get(f"/compare/{saved.id}/export.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    assert f"comparison-{saved.id}.csv" in response.headers["Content-Disposition"]
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff") and "\r\n" in text
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0][0] == "variant" and any("Lincoln USD" in h for h in rows[0])
    labels = [r[0] for r in rows[1:]]
    assert labels == ["Leads with attendance", HOSTILE, "'=SUM(A1)"]


def test_printable_page_has_texts_figures_and_no_forms(app, saved):
    page = html(signed_in(app, "reviewer").get(f"/compare/{saved.id}/print"))
    assert "Printed" in page and "Which variant fits each partner" in page
    assert "chronic absence" in page and "Small group: not a test result" in page
    main = page.split('<main id="main"')[1].split("</main>")[0]
    assert "<form" not in main and "data-print hidden" in main
    assert HOSTILE not in page


# -- the chart helper --------------------------------------------------------------------------
def test_chart_helper_escapes_and_drops_characters_xml_cannot_hold():
    label = 'A & B "quoted" <tag> \x00\x07\x1b end'
    svg = grouped_bar_chart([Group("Partner <1>", [Bar(label, 42, "Best fit"),
                                                   Bar("Other", None)])],
                            title="T & <title>")
    root = ET.fromstring(svg.encode("utf-8"))
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert 'A & B "quoted" <tag> end' in texts
    titles = [t.text for t in root.iter(f"{SVG}title")]
    assert 'A & B "quoted" <tag>  end: 42 (Best fit)' in titles  # the full label, per bar
    assert "no score" in texts and "Partner <1>" in texts
    assert root.find(f"{SVG}title").text == "T & <title>"
    assert "Other: no score" in root.find(f"{SVG}desc").text
    assert xml_text("<'\"&>") == "&lt;&#39;&quot;&amp;&gt;"
