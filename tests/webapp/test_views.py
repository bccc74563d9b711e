"""HTML views for partner profiles: pages per role, CSRF, forms, stale edits, history,
diff, import and export."""
from __future__ import annotations

import io
import json
import re
from datetime import date, timedelta

import pytest

from view_helpers import DRAFT, PROFILE, USERS, html, signed_in, stores
from web_helpers import PASSWORD, csrf_token, login, make_app, post_form, setup_admin


# -- roles -----------------------------------------------------------------------------------
@pytest.mark.parametrize("role", ["admin", "editor", "reviewer"])
def test_every_page_for_each_role(app, data, role):
    client = signed_in(app, role)
    pid, tid, (s2, s1) = data["profile"], data["pitch"], data["snaps"]
    for path in ("/profiles/", f"/profiles/{pid}", f"/profiles/{pid}/history",
                 f"/profiles/{pid}/diff?a={s1}&b={s2}", "/profiles/?sector=education&tag=schools",
                 "/check", f"/check?pitch={tid}&run=1", "/pitches/", f"/pitches/{tid}",
                 f"/pitches/{tid}?v=1", "/profiles/export.json", "/profiles/export.csv"):
        assert client.get(path).status_code == 200, path
    editing = role != "reviewer"
    for path in ("/profiles/new", "/profiles/new?sector=education", f"/profiles/{pid}/edit",
                 "/profiles/import"):
        assert client.get(path).status_code == (200 if editing else 403), path
    view = html(client.get(f"/profiles/{pid}"))
    assert ("Edit profile" in view) is editing
    assert ("New profile" in html(client.get("/profiles/"))) is editing
    assert ("Save a new version" in html(client.get(f"/pitches/{tid}"))) is editing
    assert ("Save this draft" in html(client.get("/check"))) is editing
    nav = html(client.get("/check"))
    assert USERS[role] in nav and role in nav and 'action="/logout"' in nav


def test_start_page_names_the_first_steps(app, data):
    """Signed in, "/" is the start page: what the app is for, and three first steps that
    link to records in this database (or say how to make them)."""
    client = signed_in(app, "reviewer")
    page = html(client.get("/"))
    assert "Start here" in page and "Three things to try first" in page
    assert f'/check?pitch={data["pitch"]}&amp;run=1' in page or "/check?pitch=" in page
    assert f'/profiles/{data["profile"]}' in page
    assert "No campaign yet" in page and "/campaigns/new" not in page  # a reviewer cannot
    assert 'class="brand" href="/"' in page
    assert "/campaigns/new" in html(signed_in(app, "editor").get("/"))


def test_start_page_on_an_empty_database(app):
    page = html(signed_in(app, "editor").get("/"))
    assert "Open the checker" in page and "Create a profile" in page
    assert "Start a campaign" in page


def test_pages_name_their_icon_and_it_is_served(app):
    """No page leaves the browser asking for a missing /favicon.ico."""
    client = signed_in(app, "reviewer")
    page = html(client.get("/check"))
    href = re.search(r'<link rel="icon" href="([^"]+)" type="image/svg\+xml">', page).group(1)
    icon = client.get(href)
    assert icon.status_code == 200 and icon.data.startswith(b"<svg")
    assert icon.mimetype == "image/svg+xml"


def test_reviewer_cannot_write(app, data):
    client = signed_in(app, "reviewer")
    pid, tid = data["profile"], data["pitch"]
    new = client.post("/profiles/new", data={"name": "x", "sector": "education"})
    assert new.status_code == 403
    assert client.post(f"/profiles/{pid}/edit", data={"name": "x"}).status_code == 403
    assert client.post("/profiles/import", data={}).status_code == 403
    assert client.post(f"/pitches/{tid}/versions", data={"text": "new"}).status_code == 403
    assert client.post("/check", data={"text": DRAFT, "action": "save",
                                       "new_title": "t"}).status_code == 403
    assert len(stores(app)[1].versions(tid)) == 1


def test_anonymous_visitors_are_sent_to_sign_in(app, data):
    client = app.test_client()
    for path in ("/", "/check", "/profiles/", f"/profiles/{data['profile']}", "/pitches/"):
        response = client.get(path)
        assert response.status_code == 302 and "/login" in response.headers["Location"], path


def test_setup_login_and_check_with_csrf_on(tmp_path, analyzer):
    app = make_app(tmp_path / "csrf.sqlite")  # CSRF protection on
    app.extensions["framing_analyzer"] = analyzer
    client = app.test_client()
    assert client.get("/").headers["Location"].endswith("/setup")
    assert setup_admin(client, "ana").status_code == 302
    assert post_form(client, "/logout", {}, token_from="/check").status_code == 302
    assert client.get("/check").status_code == 302
    assert login(client, "ana", PASSWORD).status_code == 302
    assert client.post("/check", data={"text": DRAFT}).status_code == 400  # no token
    response = post_form(client, "/check", {"text": DRAFT, "against": "sector:education"})
    assert response.status_code == 200 and "<mark" in html(response)
    token = csrf_token(client, "/profiles/new?sector=education")
    created = client.post("/profiles/new", data={"csrf_token": token, "name": "Via CSRF",
                                                 "sector": "education"})
    assert created.status_code == 302


# -- profiles ----------------------------------------------------------------------------------
def form_for(name="Maple Grove", **extra):
    """An edit-form submission: every row column repeated once per row."""
    # the day the form is sent, not the day the module was imported: a run that
    # passes midnight must not see "in 2 days"
    today = date.today()
    soon, later = (today + timedelta(days=3)).isoformat(), (today + timedelta(days=40)).isoformat()
    data = {
        "name": name, "sector": "education", "tags": "schools, e2e", "capacity": "overloaded",
        "policy_culture": "local-control", "fiscal_climate": "flat", "mandates": "SEL mandate",
        "kd_label": ["Budget hearing", "Election", ""], "kd_kind": ["budget", "election", ""],
        "kd_date": [later, soon, ""], "kd_end": ["", "", ""], "kd_notes": ["", "", ""],
        "pr_id": ["", "attendance", ""], "pr_rank": ["2", "1", "3"],
        "pr_label": ["Family engagement", "Attendance", ""],
        "pr_terms": ["family night", "chronic absence, seat time", ""],
        "pp_name": ["Ms. Okafor", ""], "pp_role": ["Liaison", ""],
        "pp_authority": ["recommends", ""],
        "pp_motivations": ["", ""], "pp_owner": ["Jae K.", ""], "pp_stance": ["2", ""],
        "pp_channel": ["email", ""],
        "pw_name": ["Teachers union", ""], "pw_kind": ["network", ""], "pw_influence": ["5", ""],
        "pw_interest": ["2", ""], "pw_notes": ["", ""],
        "rd_stage": "6", "rd_assessed": "2026-01-15", "rd_A": "4.5", "rd_F": "2",
        "vocabulary": "whole child, MTSS", "av_term": ["at-risk", ""],
        "av_instead": ["students facing housing instability", ""], "av_why": ["style guide", ""],
        "notes": "Line one\nLine two",
    }
    data.update(extra)
    return data


def test_new_profile_starts_from_the_sector(app):
    client = signed_in(app, "editor")
    picker = html(client.get("/profiles/new"))
    assert 'name="sector" value="education"' in picker and "Schools and school districts" in picker
    form = html(client.get("/profiles/new?sector=education"))
    assert "Attendance and engagement" in form and 'name="pr_id" value="attendance"' in form
    assert form.count('name="kd_label"') == 3  # blank rows work without JavaScript
    assert "js/rows.js" in form and "<script>" not in form


def test_profile_form_explains_itself_to_a_newcomer(app):
    """Inline help in plain words, no date-format hint the browser contradicts, room for
    motivations, and employers or others among the people who sway a partner."""
    form = html(signed_in(app, "editor").get("/profiles/new?sector=education"))
    assert "evidence-driven (they want data and results)" in form
    assert "stage 1 is no awareness of the problem" in form and "leave these blank" in form
    assert "YYYY-MM-DD" not in form and "decimals allowed" not in form
    assert re.search(r'<textarea id="pp-motivations-0" name="pp_motivations"', form)
    assert '<option value="employer">employer</option>' in form
    assert '<option value="other">other</option>' in form.split('name="pw_kind"')[1]


def test_an_employer_can_sway_a_partner(app):
    client = signed_in(app, "editor")
    data = form_for()
    data["pw_kind"] = ["employer", ""]
    data["pp_motivations"] = ["Wants fewer absences;\nworries about staff time", ""]
    response = client.post("/profiles/new", data=data)
    assert response.status_code == 302
    profile = stores(app)[0].get(int(response.headers["Location"].rsplit("/", 1)[1]))
    doc = profile.to_dict()
    assert doc["power"][0]["kind"] == "employer"
    assert "worries about staff time" in doc["people"][0]["motivations"]


def test_create_profile_through_the_form(app):
    client = signed_in(app, "editor")
    response = client.post("/profiles/new", data=form_for())
    assert response.status_code == 302
    profile = stores(app)[0].get(int(response.headers["Location"].rsplit("/", 1)[1]))
    doc = profile.to_dict()
    assert [p["label"] for p in doc["priorities"]] == ["Attendance", "Family engagement"]
    assert doc["priorities"][0]["terms"] == ["chronic absence", "seat time"]
    assert len(doc["politics"]["key_dates"]) == 2 and len(doc["people"]) == 1
    assert doc["people"][0]["stance"] == 2 and doc["power"][0]["influence"] == 5
    assert doc["readiness"] == {"stage": 6, "assessed": "2026-01-15",
                                "dimensions": {"A": 4.5, "F": 2}}
    assert doc["avoid"] == [{"term": "at-risk", "instead": ["students facing housing instability"],
                             "why": "style guide"}]
    assert doc["updated_by"] == "eddie"
    page = html(client.get(f"/profiles/{profile.id}"))
    assert page.index("Election") < page.index("Budget hearing")  # key dates sorted by date
    assert "in 3 days" in page and "in 40 days" in page
    assert "Initiation" in page and "Ms. Okafor" in page and "Jae K." in page
    assert re.search(r'q-satisfy filled">\s*<span class="grid-name">Teachers union', page)
    assert 'width="45.0"' in page  # dimension A bar (4.5 of 9)


def test_validation_error_names_the_field_and_keeps_the_input(app):
    client = signed_in(app, "editor")
    response = client.post("/profiles/new", data=form_for(
        kd_date=["", (date.today() + timedelta(days=3)).isoformat(), ""], notes="keep me <b>"))
    assert response.status_code == 400
    page = html(response)
    assert "Key dates, row 1: date: required" in page
    assert 'id="kd-date-0" name="kd_date" type="date" value="" aria-label="Key date 1: date" ' \
           'aria-invalid="true"' in page
    assert "keep me &lt;b&gt;" in page and 'value="Maple Grove"' in page
    assert 'value="Teachers union"' in page
    assert stores(app)[0].list() == []


def test_stale_edit_shows_their_changes_and_keeps_yours(app, data):
    client = signed_in(app, "editor")
    pid = data["profile"]
    form = html(client.get(f"/profiles/{pid}/edit"))
    version = int(re.search(r'name="version" value="(\d+)"', form).group(1))
    profiles = stores(app)[0]
    profiles.update(pid, dict(PROFILE, name="Lincoln Unified (renamed)"), "boss", version)
    mine = form_for(name="Lincoln USD", notes="My careful notes", version=str(version))
    response = client.post(f"/profiles/{pid}/edit", data=mine)
    assert response.status_code == 409
    page = html(response)
    assert "Someone else saved this profile" in page and "boss" in page
    assert "Lincoln Unified (renamed)" in page  # their change, in the table
    assert "My careful notes" in page and 'value="Teachers union"' in page  # nothing lost
    assert f'name="version" value="{version + 1}"' in page
    assert profiles.get(pid).name == "Lincoln Unified (renamed)"
    again = client.post(f"/profiles/{pid}/edit", data=dict(mine, version=str(version + 1)))
    assert again.status_code == 302
    saved = profiles.get(pid)
    assert saved.data["notes"] == "My careful notes" and saved.version == version + 2


def test_history_and_diff(app, data):
    client = signed_in(app, "reviewer")
    pid, (s2, s1) = data["profile"], data["snaps"]
    page = html(client.get(f"/profiles/{pid}/history"))
    assert "boss" in page and "eddie" in page and "1 field" in page and "What changed" in page
    diff = html(client.get(f"/profiles/{pid}/diff?a={s2}&b={s1}"))  # order does not matter
    assert "Version 1 → version 2" in diff
    assert "Eight schools." in diff and "Nine schools." in diff
    assert client.get(f"/profiles/{pid}/diff?a={s1}&b=99999").status_code == 404
    other = stores(app)[0].create(dict(PROFILE, name="Other"), "eddie")
    other_snap = stores(app)[0].history(other.id)[0].id
    assert client.get(f"/profiles/{pid}/diff?a={s1}&b={other_snap}").status_code == 404
    assert client.get("/profiles/99999").status_code == 404


def test_list_filters(app, data):
    stores(app)[0].create(dict(PROFILE, name="Local 418", sector="labor", tags=["unions"]), "eddie")
    client = signed_in(app, "reviewer")
    assert "Local 418" not in html(client.get("/profiles/?sector=education"))
    assert "Lincoln USD" not in html(client.get("/profiles/?tag=unions"))
    assert "Local 418" in html(client.get("/profiles/?q=418"))
    assert "No profile matches" in html(client.get("/profiles/?q=nothing-like-this"))


def upload(client, name: str, body: bytes):
    return client.post("/profiles/import", data={"file": (io.BytesIO(body), name)},
                       content_type="multipart/form-data")


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_import_export_round_trip(app, data, fmt):
    client = signed_in(app, "editor")
    exported = client.get(f"/profiles/export.{fmt}")
    assert "attachment" in exported.headers["Content-Disposition"]
    response = upload(client, f"profiles.{fmt}", exported.data)
    assert response.status_code == 302
    profiles = stores(app)[0]
    docs = [profiles.get(s.id).data for s in profiles.list()]
    assert len(docs) == 2 and docs[0] == docs[1]


def test_import_errors_name_the_field(app, data):
    client = signed_in(app, "editor")
    bad = json.dumps([PROFILE, dict(PROFILE, sector="astrology")]).encode()
    page = html(upload(client, "bad.json", bad))
    assert "Nothing was imported" in page and "Profile 2 — Sector" in page
    csv_page = html(upload(client, "bad.csv", b"name,sector\nSomeone,education\n,education\n"))
    assert "Name" in csv_page and "CSV row 3" in csv_page
    assert upload(client, "x.csv", "caf\xe9".encode("latin-1")).status_code == 400
    assert client.post("/profiles/import", data={}).status_code == 400
    assert len(stores(app)[0].list()) == 1
